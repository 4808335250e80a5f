"""The one command registry: name -> payload model -> permission -> handler."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from protocol import commands as c
from protocol.commands import Payload
from protocol.roles import GlobalRole, MeetingRole
from server.domain import (
    agenda,
    attendance,
    floor,
    joining,
    links,
    meetings,
    notes,
    participants,
    proxy_votes,
    users,
)
from server.domain import annotations as marks  # not "annotations": the __future__ import's name
from server.domain.context import Actor, CommandContext, Outcome
from server.domain.documents import changes as documents
from server.domain.documents import presenter
from server.domain.minutes import actions, conclusions, workflow
from server.domain.permissions import ALL_ROLES, ANYONE, Access, access
from server.domain.search import handler as search
from server.domain.voting import check, polls
from server.transport import minutes_prepare
from server.transport.services import Services

ADMIN, ORGANIZER = GlobalRole.ADMIN, GlobalRole.ORGANIZER
CHAIR, SECRETARY, DELEGATE = MeetingRole.CHAIR, MeetingRole.SECRETARY, MeetingRole.DELEGATE
PRESENTERS = Access(meeting_roles=frozenset({CHAIR}), also=presenter.holds_floor)
PARTICIPANTS = Access(meeting_roles=ALL_ROLES)


@dataclass(frozen=True)
class Locator:
    """How to find the meeting of a command that names something else (a document)."""

    find: Callable[[Session, Any], int]
    """The meeting's id; raises not_found for an unknown thing."""
    missing: Callable[[Any], str]
    """The not_found message for a caller who takes no part in that meeting (the same as for
    an unknown thing: its meeting is not disclosed)."""
    subject: Callable[[Any], int]
    """The id of the thing the payload names. A thing never changes meeting, so the pipeline
    remembers its meeting by this id (and checks it again inside the transaction)."""


DOCUMENT = Locator(documents.locate, lambda p: f"Document {p.document_id} not found", lambda p: p.document_id)
ACTION = Locator(actions.locate, lambda p: f"Action item {p.action_id} not found", lambda p: p.action_id)
POLL = Locator(polls.locate, lambda p: f"Poll {p.poll_id} not found", lambda p: p.poll_id)


@dataclass(frozen=True)
class CommandSpec:
    """Everything the pipeline needs to run one command."""

    name: str
    access: Access
    handler: Callable[[CommandContext, Any], Outcome]
    writes: bool = True
    """Read-only commands run without a write transaction."""
    replays: bool = True
    """A repeated request_id gets the first answer. Not for meeting.join: joining twice is
    harmless, and a retry (perhaps from a new socket) needs the state now, not the old one."""
    locate: Locator | None = None
    """For a payload without ``meeting_id``: where its meeting comes from."""
    prepare: Callable[[Services, Actor, Access, Any], Awaitable[Any]] | None = None
    """Slow work done before the transaction, outside any lock (rendering the minutes); its
    result reaches the handler as ``ctx.prepared``. The handler raises ``Stale`` if the
    meeting changed meanwhile, and the pipeline prepares again."""
    in_memory: bool = False
    """Answered by the transport from memory, without a transaction (``presence.heartbeat``):
    its rule is checked once, when the socket joins the meeting."""
    grouped: bool = False
    """Commands that arrive while their meeting's lock is busy run together, a savepoint
    each, in one transaction (``group_commit``): ballots. Only for commands that keep no
    refusals (``replays=False``) and prepare nothing."""
    socket: str | None = None
    """``"join"``/``"leave"``: on success, the socket is in (out of) the payload's meeting, as
    far as the transport's in-memory commands are concerned."""

    @property
    def model(self) -> type[Payload]:
        return c.PAYLOAD_MODELS[self.name]


def _in_memory(_ctx: CommandContext, _payload: Any) -> Outcome:
    raise RuntimeError("answered by the transport (CommandPipeline), never in a transaction")


_SPECS = [
    CommandSpec(c.MEETING_LIST, ANYONE, meetings.list_meetings, writes=False),
    CommandSpec(c.MEETING_CREATE, access(ADMIN, ORGANIZER), meetings.create),
    CommandSpec(c.MEETING_UPDATE, access(ADMIN, ORGANIZER, CHAIR, SECRETARY), meetings.update),
    CommandSpec(c.PARTICIPANT_SET, access(ADMIN, ORGANIZER, SECRETARY), participants.set_participant),
    CommandSpec(c.PARTICIPANT_REMOVE, access(ADMIN, ORGANIZER, SECRETARY), participants.remove_participant),
    # Admins see roles, state and last login, and may list deactivated users (users.py).
    CommandSpec(c.USER_LIST, access(ADMIN, ORGANIZER, SECRETARY), users.list_users, writes=False),
    # User administration: admins only (an admin may not deactivate or demote themselves).
    CommandSpec(c.USER_CREATE, access(ADMIN), users.create),
    CommandSpec(c.USER_UPDATE, access(ADMIN), users.update_user),
    CommandSpec(c.USER_SET_ACTIVE, access(ADMIN), users.set_active),
    CommandSpec(c.USER_RESET_PASSWORD, access(ADMIN), users.reset_password),
    CommandSpec(c.MEETING_JOIN, PARTICIPANTS, joining.join, replays=False, socket="join"),
    CommandSpec(c.MEETING_LEAVE, PARTICIPANTS, joining.leave, socket="leave"),
    CommandSpec(c.MEETING_START, access(CHAIR), meetings.start),
    CommandSpec(c.MEETING_END, access(CHAIR), meetings.end),
    CommandSpec(c.AGENDA_SET_CURRENT, access(CHAIR), agenda.set_current),
    CommandSpec(c.AGENDA_ADD_ITEM, access(CHAIR, SECRETARY), agenda.add_item),
    CommandSpec(c.AGENDA_UPDATE_ITEM, access(CHAIR, SECRETARY), agenda.update_item),
    CommandSpec(c.AGENDA_REORDER, access(CHAIR, SECRETARY), agenda.reorder),
    CommandSpec(c.AGENDA_REMOVE_ITEM, access(CHAIR, SECRETARY), agenda.remove_item),
    CommandSpec(c.ATTENDANCE_CHECK_IN, Access(meeting_roles=ALL_ROLES), attendance.check_in),
    CommandSpec(c.ATTENDANCE_SET, access(CHAIR, SECRETARY), attendance.set_attendance),
    CommandSpec(c.DOCUMENT_UPDATE, access(CHAIR, SECRETARY), documents.update, locate=DOCUMENT),
    CommandSpec(c.DOCUMENT_REMOVE, access(CHAIR, SECRETARY), documents.remove, locate=DOCUMENT),
    # Readers: every participant may ask; the handler refuses a document they may not read.
    CommandSpec(c.DOCUMENT_VERSIONS, Access(meeting_roles=ALL_ROLES), documents.versions, writes=False,
                locate=DOCUMENT),
    # The chair, or the speaker who holds the floor (presenter.holds_floor: floor control's hook).
    CommandSpec(c.PRESENTER_SET_PAGE, PRESENTERS, presenter.set_page),
    CommandSpec(c.PRESENTER_STOP, PRESENTERS, presenter.stop),
    # Floor control. A site secretary (at a remote site) acts only for their own site's
    # participants, and does not reorder the queue (the handlers check it: scope.py).
    CommandSpec(c.ATTENDANCE_SET_PROXY, access(CHAIR, DELEGATE), attendance.set_proxy),
    CommandSpec(c.SPEAKER_REQUEST, access(CHAIR, SECRETARY, DELEGATE), floor.request),
    # Its author, the chair or a secretary: the handler knows whose request it is.
    CommandSpec(c.SPEAKER_WITHDRAW, PARTICIPANTS, floor.withdraw),
    CommandSpec(c.SPEAKER_REORDER, access(CHAIR, SECRETARY), floor.reorder),
    CommandSpec(c.SPEAKER_GRANT, access(CHAIR), floor.grant),
    CommandSpec(c.SPEAKER_EXTEND, access(CHAIR), floor.extend),
    CommandSpec(c.SPEAKER_END, Access(meeting_roles=frozenset({CHAIR}), also=floor.holds_floor), floor.end),
    CommandSpec(c.SITE_STATUS, access(CHAIR, SECRETARY), links.site_status, writes=False),
    CommandSpec(c.PRESENCE_HEARTBEAT, PARTICIPANTS, _in_memory, writes=False, in_memory=True),
    CommandSpec(c.POLL_CREATE, access(CHAIR, SECRETARY), polls.create),
    CommandSpec(c.POLL_UPDATE, access(CHAIR, SECRETARY), polls.update, locate=POLL),
    CommandSpec(c.POLL_DELETE, access(CHAIR, SECRETARY), polls.delete, locate=POLL),
    CommandSpec(c.POLL_CHECK, access(CHAIR, SECRETARY), check.check, writes=False, locate=POLL),
    CommandSpec(c.POLL_OPEN, access(CHAIR), polls.open_poll, locate=POLL),
    CommandSpec(c.POLL_CLOSE, access(CHAIR), polls.close, locate=POLL),
    # Members, and a secretary who represents one as proxy; the handler checks who may vote.
    # Never replayed from CommandResult: a stored answer would link the voter to the receipt
    # (the ballot_id makes a vote idempotent instead).
    CommandSpec(c.POLL_VOTE, access(CHAIR, SECRETARY, DELEGATE), proxy_votes.vote, replays=False, locate=POLL,
                grouped=True),
    # Annotations: every participant may ask; the handlers refuse a document they may not read.
    CommandSpec(c.ANNOTATION_SAVE, Access(meeting_roles=ALL_ROLES), marks.save, locate=DOCUMENT),
    CommandSpec(c.ANNOTATION_DELETE, Access(meeting_roles=ALL_ROLES), marks.delete, locate=DOCUMENT),
    CommandSpec(c.ANNOTATION_LIST, Access(meeting_roles=ALL_ROLES), marks.list_annotations,
                writes=False, locate=DOCUMENT),
    CommandSpec(c.ANNOTATION_COMMENTS, access(CHAIR, SECRETARY), marks.comments, writes=False,
                locate=DOCUMENT),
    CommandSpec(c.NOTE_SAVE, Access(meeting_roles=ALL_ROLES), notes.save),
    CommandSpec(c.NOTE_LIST, Access(meeting_roles=ALL_ROLES), notes.list_notes, writes=False),
    CommandSpec(c.CONCLUSION_SET, access(CHAIR, SECRETARY), conclusions.set_conclusion),
    CommandSpec(c.CONCLUSION_HISTORY, access(CHAIR, SECRETARY), conclusions.history, writes=False),
    CommandSpec(c.ACTION_SAVE, access(CHAIR, SECRETARY), actions.save),
    CommandSpec(c.ACTION_DELETE, access(CHAIR, SECRETARY), actions.delete),
    # Across meetings: the handler shows each caller the action items they may see.
    CommandSpec(c.ACTION_LIST, ANYONE, actions.list_actions, writes=False),
    # The owner (who may take no part in the meeting), the chair or the secretary: the handler decides.
    CommandSpec(c.ACTION_SET_STATUS, ANYONE, actions.set_status, locate=ACTION),
    # Across meetings: the handler searches the meetings the caller takes part in.
    CommandSpec(c.SEARCH, ANYONE, search.search, writes=False),
    CommandSpec(c.MINUTES_APPROVE, access(CHAIR), workflow.approve),
    CommandSpec(c.MINUTES_PUBLISH, access(CHAIR), workflow.publish,
                prepare=minutes_prepare.prepare_publication),
]

COMMANDS: dict[str, CommandSpec] = {spec.name: spec for spec in _SPECS}
assert all(not s.grouped or (not s.replays and s.prepare is None) for s in _SPECS)
