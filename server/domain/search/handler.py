"""``search``: meetings, conclusions, action items and documents (full text) across the
meetings the caller takes part in (admins: all), newest meetings first, at most 50 results.

The meetings of a year are few (hundreds), and so are their agenda items, conclusions and
action items: those are loaded and matched in Python (``fold``). Document text is large and
matched in the database (``search.documents``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import select

from protocol import commands as c
from protocol.errors import invalid
from server.domain.context import CommandContext, Outcome
from server.domain.documents.visibility import MANAGING_ROLES
from server.domain.handlers import handles
from server.domain.search import documents
from server.domain.search.fold import fold, matches, snippet, words
from server.persistence.event_log import iso
from server.persistence.models import ActionItem, AgendaItem, Conclusion, Document, Meeting, Participant

LIMIT = 50
CHUNK = 25
"""Meetings whose documents are searched at a time (newest first)."""
MEETING_STATUSES = ("scheduled", "live", "ended")
LOCAL = timezone(timedelta(hours=7), "ICT")
"""The days of ``from``/``to`` are Vietnam's (as in the minutes: server/minutes/content.py)."""
KIND_ORDER = {"meeting": 0, "conclusion": 1, "action": 2, "document": 3}


@dataclass
class _Found:
    meeting: Meeting
    kind: str
    title: str
    snippet: str
    id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def within(self) -> tuple[int, int]:
        """The order within a meeting."""
        return KIND_ORDER[self.kind], self.id or 0

    def newest(self) -> tuple[datetime, int]:
        return self.meeting.starts_at, self.meeting.id

    def view(self) -> dict[str, Any]:
        data = {"kind": self.kind, "meeting_id": self.meeting.id, "meeting_title": self.meeting.title,
                "starts_at": iso(self.meeting.starts_at), "title": self.title, "snippet": self.snippet,
                **self.extra}
        if self.id is not None:
            data["id"] = self.id
        return data


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), LOCAL)


def _meetings(ctx: CommandContext, p: c.Search) -> tuple[dict[int, Meeting], list[int]]:
    """The meetings searched (by id) and those of them whose documents the caller manages."""
    query = select(Meeting)
    roles: dict[int, str] = {}
    if not ctx.actor.is_admin:
        roles = {m: r for m, r in ctx.session.execute(
            select(Participant.meeting_id, Participant.role).where(Participant.user_id == ctx.actor.user_id))}
        query = query.where(Meeting.id.in_(roles))
    if p.from_day is not None:
        query = query.where(Meeting.starts_at >= _midnight(p.from_day))
    if p.to_day is not None:
        query = query.where(Meeting.starts_at < _midnight(p.to_day + timedelta(days=1)))
    if p.status in MEETING_STATUSES:
        query = query.where(Meeting.status == p.status)
    found = {m.id: m for m in ctx.session.scalars(query)}
    managed = [m for m, role in roles.items() if m in found and role in MANAGING_ROLES]
    return found, managed


def _small_kinds(ctx: CommandContext, p: c.Search, meetings: dict[int, Meeting],
                 terms: list[str]) -> list[_Found]:
    """Meetings (title, place, agenda), conclusions and action items that match."""
    session, ids = ctx.session, list(meetings)
    items: dict[int, AgendaItem] = {i.id: i for i in session.scalars(
        select(AgendaItem).where(AgendaItem.meeting_id.in_(ids)))}
    agenda: dict[int, list[str]] = {}
    for item in sorted(items.values(), key=lambda i: i.position):
        agenda.setdefault(item.meeting_id, []).append(item.title)
    found: list[_Found] = []
    if p.status in MEETING_STATUSES or p.status is None:
        for meeting in meetings.values():
            text = "\n".join([meeting.title, meeting.location or "", *agenda.get(meeting.id, [])])
            if matches(fold(text), terms):
                found.append(_Found(meeting, "meeting", meeting.title, snippet(text, terms)))
        for row in session.scalars(select(Conclusion).where(Conclusion.meeting_id.in_(ids))):
            text = "\n\n".join(filter(None, [row.text, row.decision]))
            if matches(fold(text), terms):
                title = items[row.agenda_item_id].title if row.agenda_item_id in items else ""
                found.append(_Found(meetings[row.meeting_id], "conclusion", title, snippet(text, terms),
                                    row.agenda_item_id))
    actions = select(ActionItem).where(ActionItem.meeting_id.in_(ids))
    if p.status is not None and p.status not in MEETING_STATUSES:
        actions = actions.where(ActionItem.status == p.status)
    for action in session.scalars(actions):
        text = "\n".join(filter(None, [action.title, action.owner_name]))
        if matches(fold(text), terms):
            found.append(_Found(meetings[action.meeting_id], "action", action.title, snippet(text, terms),
                                action.id, {"status": action.status}))
    return found


def _documents(ctx: CommandContext, meetings: dict[int, Meeting], managed: list[int],
               terms: list[str], found: list[_Found]) -> list[_Found]:
    """Documents whose title or current text (on one page) has every term.

    The meetings are searched newest first, a chunk at a time: once the meetings searched
    hold ``LIMIT`` results (with ``found``, the other kinds), older ones cannot make the cut,
    so a query that matches much stops early instead of reading every page of the year.
    """
    newest = sorted(meetings.values(), key=lambda m: (m.starts_at, m.id), reverse=True)
    per_meeting: dict[int, int] = {}
    for f in found:
        per_meeting[f.meeting.id] = per_meeting.get(f.meeting.id, 0) + 1
    documents_found: list[_Found] = []
    for start in range(0, len(newest), CHUNK):
        chunk = {m.id: m for m in newest[start:start + CHUNK]}
        documents_found += _documents_of(ctx, chunk, managed, terms)
        searched = {m.id for m in newest[:start + CHUNK]}
        if sum(per_meeting.get(m, 0) for m in searched) + len(documents_found) >= LIMIT:
            break
    return documents_found


def _documents_of(ctx: CommandContext, meetings: dict[int, Meeting], managed: list[int],
                  terms: list[str]) -> list[_Found]:
    session, ids = ctx.session, list(meetings)
    user_id = None if ctx.actor.is_admin else ctx.actor.user_id
    pages = documents.first_pages(session, ids, terms, user_id, managed)
    titled = {doc.id: doc for doc in session.scalars(
        select(Document).where(Document.meeting_id.in_(ids), documents.readable(user_id, managed)))}
    found: list[_Found] = []
    for doc in titled.values():
        if doc.id in pages:
            found.append(_Found(meetings[doc.meeting_id], "document", doc.title, "", doc.id,
                                {"page": pages[doc.id]}))
        elif matches(fold(doc.title), terms):
            found.append(_Found(meetings[doc.meeting_id], "document", doc.title, doc.title, doc.id))
    return found


@handles(c.Search, reads=True)
def search(ctx: CommandContext, p: c.Search) -> Outcome:
    """``{"results": [...]}``: see docs/protocol.md (Search)."""
    terms = words(p.query)
    if not terms:
        raise invalid("query: give at least one word to search for")
    meetings, managed = _meetings(ctx, p)
    if not meetings:
        return Outcome({"results": []})
    found = _small_kinds(ctx, p, meetings, terms)
    if p.status is None or p.status in MEETING_STATUSES:
        found += _documents(ctx, meetings, managed, terms, found)
    found.sort(key=_Found.within)
    found.sort(key=_Found.newest, reverse=True)  # stable: newest meetings first, each in kind order
    found = found[:LIMIT]
    on_pages = [f for f in found if f.kind == "document" and "page" in f.extra]
    texts = documents.page_texts(ctx.session, [(f.id or 0, f.extra["page"]) for f in on_pages])
    for f in on_pages:
        f.snippet = snippet(texts.get((f.id or 0, f.extra["page"]), ""), terms)
    return Outcome({"results": [f.view() for f in found]})
