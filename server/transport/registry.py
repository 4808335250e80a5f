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
    CommandSpec(c.MeetingList.command, ANYONE, meetings.list_meetings, writes=False),
    CommandSpec(c.MeetingCreate.command, access(ADMIN, ORGANIZER), meetings.create),
    CommandSpec(c.MeetingUpdate.command, access(ADMIN, ORGANIZER, CHAIR, SECRETARY), meetings.update),
    CommandSpec(c.ParticipantSet.command, access(ADMIN, ORGANIZER, SECRETARY), participants.set_participant),
    CommandSpec(c.ParticipantRemove.command, access(ADMIN, ORGANIZER, SECRETARY),
                participants.remove_participant),
    # Admins see roles, state and last login, and may list deactivated users (users.py).
    CommandSpec(c.UserList.command, access(ADMIN, ORGANIZER, SECRETARY), users.list_users, writes=False),
    # User administration: admins only (an admin may not deactivate or demote themselves).
    CommandSpec(c.UserCreate.command, access(ADMIN), users.create),
    CommandSpec(c.UserUpdate.command, access(ADMIN), users.update_user),
    CommandSpec(c.UserSetActive.command, access(ADMIN), users.set_active),
    CommandSpec(c.UserResetPassword.command, access(ADMIN), users.reset_password),
    CommandSpec(c.MeetingJoin.command, PARTICIPANTS, joining.join, replays=False, socket="join"),
    CommandSpec(c.MeetingLeave.command, PARTICIPANTS, joining.leave, socket="leave"),
    CommandSpec(c.MeetingStart.command, access(CHAIR), meetings.start),
    CommandSpec(c.MeetingEnd.command, access(CHAIR), meetings.end),
    CommandSpec(c.AgendaSetCurrent.command, access(CHAIR), agenda.set_current),
    CommandSpec(c.AgendaAddItem.command, access(CHAIR, SECRETARY), agenda.add_item),
    CommandSpec(c.AgendaUpdateItem.command, access(CHAIR, SECRETARY), agenda.update_item),
    CommandSpec(c.AgendaReorder.command, access(CHAIR, SECRETARY), agenda.reorder),
    CommandSpec(c.AgendaRemoveItem.command, access(CHAIR, SECRETARY), agenda.remove_item),
    CommandSpec(c.AttendanceCheckIn.command, Access(meeting_roles=ALL_ROLES), attendance.check_in),
    CommandSpec(c.AttendanceSet.command, access(CHAIR, SECRETARY), attendance.set_attendance),
    CommandSpec(c.DocumentUpdate.command, access(CHAIR, SECRETARY), documents.update, locate=DOCUMENT),
    CommandSpec(c.DocumentRemove.command, access(CHAIR, SECRETARY), documents.remove, locate=DOCUMENT),
    # Readers: every participant may ask; the handler refuses a document they may not read.
    CommandSpec(c.DocumentVersions.command, Access(meeting_roles=ALL_ROLES), documents.versions, writes=False,
                locate=DOCUMENT),
    # The chair, or the speaker who holds the floor (presenter.holds_floor: floor control's hook).
    CommandSpec(c.PresenterSetPage.command, PRESENTERS, presenter.set_page),
    CommandSpec(c.PresenterStop.command, PRESENTERS, presenter.stop),
    # Floor control. A site secretary (at a remote site) acts only for their own site's
    # participants, and does not reorder the queue (the handlers check it: scope.py).
    CommandSpec(c.AttendanceSetProxy.command, access(CHAIR, DELEGATE), attendance.set_proxy),
    CommandSpec(c.SpeakerRequestCreate.command, access(CHAIR, SECRETARY, DELEGATE), floor.request),
    # Its author, the chair or a secretary: the handler knows whose request it is.
    CommandSpec(c.SpeakerWithdraw.command, PARTICIPANTS, floor.withdraw),
    CommandSpec(c.SpeakerReorder.command, access(CHAIR, SECRETARY), floor.reorder),
    CommandSpec(c.SpeakerGrant.command, access(CHAIR), floor.grant),
    CommandSpec(c.SpeakerExtend.command, access(CHAIR), floor.extend),
    CommandSpec(c.SpeakerEnd.command, Access(meeting_roles=frozenset({CHAIR}), also=floor.holds_floor),
                floor.end),
    CommandSpec(c.SiteStatus.command, access(CHAIR, SECRETARY), links.site_status, writes=False),
    CommandSpec(c.PresenceHeartbeat.command, PARTICIPANTS, _in_memory, writes=False, in_memory=True),
    CommandSpec(c.PollCreate.command, access(CHAIR, SECRETARY), polls.create),
    CommandSpec(c.PollUpdate.command, access(CHAIR, SECRETARY), polls.update, locate=POLL),
    CommandSpec(c.PollDelete.command, access(CHAIR, SECRETARY), polls.delete, locate=POLL),
    CommandSpec(c.PollCheck.command, access(CHAIR, SECRETARY), check.check, writes=False, locate=POLL),
    CommandSpec(c.PollOpen.command, access(CHAIR), polls.open_poll, locate=POLL),
    CommandSpec(c.PollClose.command, access(CHAIR), polls.close, locate=POLL),
    # Members, and a secretary who represents one as proxy; the handler checks who may vote.
    # Never replayed from CommandResult: a stored answer would link the voter to the receipt
    # (the ballot_id makes a vote idempotent instead).
    CommandSpec(c.PollVote.command, access(CHAIR, SECRETARY, DELEGATE), proxy_votes.vote, replays=False,
                locate=POLL, grouped=True),
    # Annotations: every participant may ask; the handlers refuse a document they may not read.
    CommandSpec(c.AnnotationSave.command, Access(meeting_roles=ALL_ROLES), marks.save, locate=DOCUMENT),
    CommandSpec(c.AnnotationDelete.command, Access(meeting_roles=ALL_ROLES), marks.delete, locate=DOCUMENT),
    CommandSpec(c.AnnotationList.command, Access(meeting_roles=ALL_ROLES), marks.list_annotations,
                writes=False, locate=DOCUMENT),
    CommandSpec(c.AnnotationComments.command, access(CHAIR, SECRETARY), marks.comments, writes=False,
                locate=DOCUMENT),
    CommandSpec(c.NoteSave.command, Access(meeting_roles=ALL_ROLES), notes.save),
    CommandSpec(c.NoteList.command, Access(meeting_roles=ALL_ROLES), notes.list_notes, writes=False),
    CommandSpec(c.ConclusionSet.command, access(CHAIR, SECRETARY), conclusions.set_conclusion),
    CommandSpec(c.ConclusionHistory.command, access(CHAIR, SECRETARY), conclusions.history, writes=False),
    CommandSpec(c.ActionSave.command, access(CHAIR, SECRETARY), actions.save),
    CommandSpec(c.ActionDelete.command, access(CHAIR, SECRETARY), actions.delete),
    # Across meetings: the handler shows each caller the action items they may see.
    CommandSpec(c.ActionList.command, ANYONE, actions.list_actions, writes=False),
    # The owner (who may take no part in the meeting), the chair or the secretary: the handler decides.
    CommandSpec(c.ActionSetStatus.command, ANYONE, actions.set_status, locate=ACTION),
    # Across meetings: the handler searches the meetings the caller takes part in.
    CommandSpec(c.Search.command, ANYONE, search.search, writes=False),
    CommandSpec(c.MinutesApprove.command, access(CHAIR), workflow.approve),
    CommandSpec(c.MinutesPublish.command, access(CHAIR), workflow.publish,
                prepare=minutes_prepare.prepare_publication),
]

COMMANDS: dict[str, CommandSpec] = {spec.name: spec for spec in _SPECS}
assert all(not s.grouped or (not s.replays and s.prepare is None) for s in _SPECS)
