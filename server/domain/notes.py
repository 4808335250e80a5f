"""``note.save`` and ``note.list``: a participant's private notes, one per agenda item.

Nobody else ever sees them (not the chair, not an admin: the commands answer only the
caller's own). A save goes to the author's other sockets as a user event; the latest save
to reach the server wins.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from protocol import commands as c
from protocol import events as ev
from protocol.errors import invalid
from server.domain.annotations import stamp, wire_time
from server.domain.context import CommandContext, Outcome, UserEvent
from server.domain.handlers import handles
from server.persistence.models import AgendaItem, PersonalNote


def shape(note: PersonalNote) -> dict[str, Any]:
    """A note as answered and sent."""
    return {"id": note.id, "meeting_id": note.meeting_id, "agenda_item_id": note.agenda_item_id,
            "text": note.text, "created_at": wire_time(note.created_at),
            "updated_at": wire_time(note.updated_at)}


@handles(c.NoteSave)
def save(ctx: CommandContext, p: c.NoteSave) -> Outcome:
    """Replace the caller's note on the item; answer ``{"note"}``."""
    meeting, me, session = ctx.require_meeting(), ctx.actor.user_id, ctx.session
    item = session.get(AgendaItem, p.agenda_item_id)
    if item is None or item.meeting_id != meeting.id:
        raise invalid(f"agenda_item_id: {p.agenda_item_id} is not an agenda item of this meeting")
    note = session.scalar(select(PersonalNote).where(
        PersonalNote.user_id == me, PersonalNote.agenda_item_id == item.id))
    if note is None:
        note_id = p.id or str(uuid.uuid4())
        if session.get(PersonalNote, note_id) is not None:
            raise invalid("id: this note id is already in use")
        now = stamp(None)
        note = PersonalNote(id=note_id, meeting_id=meeting.id, agenda_item_id=item.id, user_id=me,
                            text=p.text, created_at=now, updated_at=now)
        session.add(note)
    elif note.text == p.text:
        return Outcome({"note": shape(note)})  # sent again: nothing changes
    else:
        note.text, note.updated_at = p.text, stamp(note.updated_at)
    session.flush()
    saved = shape(note)
    return Outcome({"note": saved}, user_events=[UserEvent(meeting.id, me, ev.NOTE_CHANGED, {"note": saved},
                                                           ctx.sid)])


@handles(c.NoteList, reads=True)
def list_notes(ctx: CommandContext, p: c.MeetingPayload) -> Outcome:
    """The caller's notes in the meeting, in agenda order."""
    rows = ctx.session.scalars(
        select(PersonalNote).join(AgendaItem, AgendaItem.id == PersonalNote.agenda_item_id)
        .where(PersonalNote.meeting_id == ctx.require_meeting().id, PersonalNote.user_id == ctx.actor.user_id)
        .order_by(AgendaItem.position, AgendaItem.id))
    return Outcome({"notes": [shape(note) for note in rows]})
