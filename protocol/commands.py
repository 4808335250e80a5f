"""Command names and their payload models.

Every model rejects unknown fields and mistyped values (strict mode: ``"5"`` is not an
id), so a malformed command is refused before it reaches a domain rule.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from protocol.annotations import MAX_TEXT, AnnotationId, AnnotationIn
from protocol.roles import Attendance, MeetingRole

MAX_ID = 2**31 - 1
"""Ids are the database's 32-bit integer keys: a larger number names nothing, and would not
fit a query's parameter (PostgreSQL refuses it, SQLite past 64 bits)."""
Id = Annotated[int, Field(gt=0, le=MAX_ID)]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)]
RequestId = Annotated[str, StringConstraints(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9-]+$")]


def _from_iso(value: object) -> object:
    """The wire form of a time is an ISO 8601 string (not a number of seconds)."""
    if isinstance(value, str):
        return datetime.fromisoformat(value)
    if isinstance(value, datetime):
        return value
    raise ValueError("a time is an ISO 8601 string")


def _as_utc(moment: datetime) -> datetime:
    """A time without a zone is read as UTC; every time is kept in UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _recorded(status: Attendance) -> Attendance:
    if status == Attendance.UNKNOWN:
        raise ValueError("attendance is recorded as present, absent or excused")
    return status


def _day_from_iso(value: object) -> object:
    """The wire form of a day is an ISO 8601 date string (``2027-03-31``)."""
    if isinstance(value, str):
        return date.fromisoformat(value)
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    raise ValueError("a day is an ISO 8601 date string (YYYY-MM-DD)")


MAX_CONCLUSION_BYTES = 100 * 1024
"""A conclusion's Markdown text may be this long (UTF-8 bytes)."""


def _at_most_100_kb(text: str) -> str:
    if len(text.encode("utf-8")) > MAX_CONCLUSION_BYTES:
        raise ValueError(f"longer than {MAX_CONCLUSION_BYTES // 1024} KB")
    return text


Timestamp = Annotated[datetime, BeforeValidator(_from_iso), AfterValidator(_as_utc)]
Day = Annotated[date, BeforeValidator(_day_from_iso)]
# Enum values arrive as plain strings; strict mode alone would want enum instances.
Role = Annotated[MeetingRole, Field(strict=False)]
RecordedAttendance = Annotated[Attendance, Field(strict=False), AfterValidator(_recorded)]


class Payload(BaseModel):
    """Base of every command payload."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    request_id: RequestId | None = None
    """A client-made UUID; a repeat with the same id returns the first answer."""

    @property
    def idempotency_key(self) -> str | None:
        """The key a repeat is recognised by (None: this command is always run afresh)."""
        return self.request_id


class MeetingPayload(Payload):
    meeting_id: Id


class Empty(Payload):
    pass


class MeetingCreate(Payload):
    title: Title
    starts_at: Timestamp
    ends_at: Timestamp | None = None
    location: ShortText | None = None
    sites: Annotated[list[Title], Field(min_length=1, max_length=100)]


QuorumRule = Literal["more_than_half", "at_least_half", "two_thirds", "none"]
"""How many members must be present (in person or by proxy) for the meeting to decide."""


class MeetingUpdate(MeetingPayload):
    title: Title | None = None
    starts_at: Timestamp | None = None
    ends_at: Timestamp | None = None
    location: ShortText | None = None
    quorum_rule: QuorumRule | None = None


class ParticipantSet(MeetingPayload):
    user_id: Id
    role: Role
    site_id: Id | None = None
    voting_weight: Annotated[int, Field(ge=0, le=1000)] | None = None


class ParticipantRemove(MeetingPayload):
    user_id: Id


class UserList(Payload):
    query: Annotated[str, StringConstraints(max_length=100)] | None = None
    include_inactive: bool | None = None
    """Admins only: list deactivated users too (for user administration)."""


Username = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]
FullName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Password = Annotated[str, StringConstraints(min_length=1, max_length=1024)]
"""The length rule beyond 1 (at least 8) is the server's password policy, told in words."""


class UserCreate(Payload):
    username: Username
    full_name: FullName
    password: Password
    is_admin: bool = False
    is_organizer: bool = False


class UserUpdate(Payload):
    user_id: Id
    full_name: FullName | None = None
    is_admin: bool | None = None
    is_organizer: bool | None = None


class UserSetActive(Payload):
    user_id: Id
    active: bool


class UserResetPassword(Payload):
    user_id: Id
    new_password: Password


class MeetingJoin(MeetingPayload):
    since_seq: Annotated[int, Field(ge=0)] | None = None


class AgendaSetCurrent(MeetingPayload):
    item_id: Id | None


class AgendaAddItem(MeetingPayload):
    title: Title
    presenter: ShortText | None = None
    duration_min: Annotated[int, Field(ge=0, le=24 * 60)] | None = None
    position: Annotated[int, Field(ge=0)] | None = None


class AgendaUpdateItem(MeetingPayload):
    item_id: Id
    title: Title | None = None
    presenter: ShortText | None = None
    duration_min: Annotated[int, Field(ge=0, le=24 * 60)] | None = None


class AgendaReorder(MeetingPayload):
    item_ids: Annotated[list[Id], Field(max_length=500)]


class AgendaRemoveItem(MeetingPayload):
    item_id: Id


class AttendanceSet(MeetingPayload):
    user_id: Id
    status: RecordedAttendance
    reason: ShortText | None = None


class AttendanceSetProxy(MeetingPayload):
    """A member represented by another participant (ủy quyền); ``proxy_user_id: null``
    ends the representation. The member names their proxy themself; the chair records one
    for them only from their written authorisation, cited in ``authorisation``."""

    user_id: Id
    proxy_user_id: Id | None
    authorisation: ShortText | None = None
    """The member's written authorisation (giấy ủy quyền: its number and date), required
    when the chair names the proxy in the member's place."""


SpeakerKind = Literal["speak", "question"]
"""The two lists: requests to speak (đăng ký phát biểu) and questions (chất vấn)."""

Seconds = Annotated[int, Field(ge=10, le=4 * 3600)]


class SpeakerRequestCreate(MeetingPayload):
    kind: SpeakerKind
    user_id: Id | None = None
    """On someone's behalf (the chair, or a secretary for a participant of their site)."""


class _SpeakerRequestNamed(MeetingPayload):
    """A command naming a speaking request. The protocol names its id ``request_id``, which
    every other change uses for the idempotency key; so the id may come as
    ``speaker_request_id`` instead, and then a ``request_id`` (text) is the idempotency key
    as everywhere. An integer ``request_id`` is the speaking request's id (run afresh on a
    repeat, as before)."""

    request_id: Id | RequestId | None = None  # type: ignore[assignment]
    speaker_request_id: Id | None = None

    @property
    def speaker_request(self) -> int | None:
        """The speaking request's id, whichever field carried it."""
        if self.speaker_request_id is not None:
            return self.speaker_request_id
        return self.request_id if isinstance(self.request_id, int) else None

    @property
    def idempotency_key(self) -> str | None:
        return self.request_id if isinstance(self.request_id, str) else None

    @model_validator(mode="after")
    def _one_id(self) -> _SpeakerRequestNamed:
        if self.speaker_request_id is not None and isinstance(self.request_id, int):
            raise ValueError("give the speaking request's id once: as speaker_request_id "
                             "(request_id is then the idempotency key, text)")
        return self


class SpeakerRequestRef(_SpeakerRequestNamed):
    """``speaker.withdraw``: the speaking request as ``speaker_request_id`` (or, the
    protocol's name, an integer ``request_id``)."""

    @model_validator(mode="after")
    def _named(self) -> SpeakerRequestRef:
        if self.speaker_request is None:
            raise ValueError("speaker_request_id: the speaking request's id is required")
        return self


class SpeakerGrant(_SpeakerRequestNamed):
    """The floor to a queued request (``speaker_request_id``, or an integer ``request_id``),
    or straight to a participant (``user_id``): exactly one of the two."""

    user_id: Id | None = None
    seconds: Seconds | None = None
    """The time limit; None: no limit."""

    @model_validator(mode="after")
    def _one_target(self) -> SpeakerGrant:
        if (self.speaker_request is None) == (self.user_id is None):
            raise ValueError("give exactly one of speaker_request_id (or request_id) and user_id")
        return self


class SpeakerExtend(MeetingPayload):
    seconds: Annotated[int, Field(ge=1, le=3600)]
    """Added to the current speaker's limit."""


class SpeakerReorder(MeetingPayload):
    kind: SpeakerKind
    request_ids: Annotated[list[Id], Field(max_length=1000)]
    """Every pending request of that kind, in the new order."""


class PresenceHeartbeat(MeetingPayload):
    """Sent by a client every few seconds while in a meeting; the link's measure."""

    rtt_ms: Annotated[int, Field(ge=0, le=600_000)] | None = None
    """The round trip of the previous heartbeat, as the client measured it."""


DocumentAccess = Literal["all"] | Annotated[list[Id], Field(max_length=1000)]
"""``"all"``, or the user ids of a restricted document's readers."""


class DocumentUpdate(Payload):
    """Only the fields given change; ``agenda_item_id: null`` detaches the document."""

    document_id: Id
    title: Title | None = None
    agenda_item_id: Id | None = None
    access: DocumentAccess | None = None
    released: bool | None = None


class DocumentRef(Payload):
    document_id: Id


class PresenterSetPage(MeetingPayload):
    document_id: Id
    page: Annotated[int, Field(ge=0)]
    """Counts from 0."""


ConclusionText = Annotated[str, StringConstraints(max_length=MAX_CONCLUSION_BYTES),
                           AfterValidator(_at_most_100_kb)]
DecisionText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=10_000)]


class ConclusionSet(MeetingPayload):
    """An agenda item's conclusion (Markdown: paragraphs, bold, italic, lists) and decision
    (one plain paragraph). Every change is kept as a revision."""

    agenda_item_id: Id
    text: ConclusionText
    decision: DecisionText | None = None
    """None: the decision is left as it is; "": no decision."""
    base_revision: Annotated[int, Field(ge=0)] | None = None
    """The revision the editor started from (0: none yet). If the stored one is newer and its
    text differs from ``text``, the command is refused as ``conflict`` (nothing changes)."""


class ConclusionRef(MeetingPayload):
    agenda_item_id: Id


ActionStatus = Literal["open", "done", "cancelled"]
"""An action item's state (giao việc: đang thực hiện, hoàn thành, hủy)."""


class ActionFields(BaseModel):
    """An action item as ``action.save`` sends it; absent ``id``: a new one."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    id: Id | None = None
    agenda_item_id: Id | None = None
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
    owner_id: Id | None = None
    """A user who owns it (they see it in ``action.list`` and may mark it done)."""
    owner_name: ShortText | None = None
    """Free text when the owner is not a user (a unit: "Vụ Tổ chức cán bộ")."""
    due: Day | None = None
    status: ActionStatus = "open"


class ActionSave(MeetingPayload):
    action: ActionFields


class ActionDelete(MeetingPayload):
    action_id: Id


class ActionList(Payload):
    """Action items across meetings, those the caller may see; every filter is optional."""

    status: ActionStatus | None = None
    owner_id: Id | None = None
    query: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None
    meeting_id: Id | None = None


class ActionSetStatus(Payload):
    action_id: Id
    status: ActionStatus


class Search(Payload):
    """Full-text search over the meetings, conclusions, action items and documents the
    caller may see. ``from``/``to`` bound the meetings' start day (inclusive)."""

    model_config = ConfigDict(populate_by_name=True)

    query: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    from_day: Day | None = Field(default=None, alias="from")
    to_day: Day | None = Field(default=None, alias="to")
    status: Literal["scheduled", "live", "ended", "open", "done", "cancelled"] | None = None
    """The meetings' status, or an action item status (then only action items are found)."""


class AnnotationSave(Payload):
    """Create or change one of the caller's annotations (the id is the client's)."""

    document_id: Id
    annotation: AnnotationIn


class AnnotationDelete(Payload):
    document_id: Id
    annotation_id: AnnotationId


class AnnotationList(Payload):
    document_id: Id
    version: Id | None = None
    """The version whose annotations are listed (default: the current one)."""


NoteId = AnnotationId


class NoteSave(MeetingPayload):
    """The caller's personal note on an agenda item (one per item; saving replaces it)."""

    agenda_item_id: Id
    text: Annotated[str, StringConstraints(max_length=MAX_TEXT)]
    id: NoteId | None = None
    """A client-made id for a note made offline (kept if the item has no note yet)."""
Majority = Literal["absolute", "present", "two_thirds", "simple"]
"""absolute: more than half of all members (the default); present: more than half of the
members present; two_thirds: two thirds of all members; simple: more than half of the
ballots cast. What the first option (the motion's "yes") needs, in weight."""

PollKind = Literal["meeting", "written"]
"""A vote in the live meeting, or written opinions (lấy ý kiến bằng văn bản) until a deadline."""

Question = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Comment = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]
Choices = Annotated[int, Field(ge=0, le=50)]
PollSeconds = Annotated[int, Field(ge=10, le=90 * 24 * 3600)]
BallotId = Annotated[str, StringConstraints(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9-]+$")]


class PollOption(BaseModel):
    """An option given as an object: its text, and whether choosing it takes a comment."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    text: Title
    comment: bool = False


PollOptions = Annotated[list[Title | PollOption], Field(max_length=50)]
"""Options as plain texts or objects; none: "Tán thành", "Không tán thành", "Ý kiến khác"."""


class PollCreate(MeetingPayload):
    """A new poll, as a draft. Rules between fields (written polls need ``closes_at``,
    secret polls refuse ``allow_change``, min <= max) are checked by the server."""

    question: Question
    secret: bool
    majority: Majority = "absolute"
    agenda_item_id: Id | None = None
    options: PollOptions | None = None
    quorum: Annotated[int, Field(ge=0, le=1_000_000)] | None = None
    """The fewest ballots for a valid result; None: the meeting's quorum rule applies."""
    closes_at: Timestamp | None = None
    min_choices: Choices = 1
    max_choices: Choices = 1
    weighted: bool = False
    allow_change: bool = False
    duration_seconds: PollSeconds | None = None
    kind: PollKind = "meeting"
    voter_ids: Annotated[list[Id], Field(max_length=10_000)] | None = None
    """Written polls: the members asked (None: every member)."""
    document_ids: Annotated[list[Id], Field(max_length=100)] = []


class PollRef(Payload):
    poll_id: Id


class PollUpdate(PollRef):
    """Only the fields given change (a draft only); ``null`` clears the optional ones."""

    question: Question | None = None
    secret: bool | None = None
    majority: Majority | None = None
    agenda_item_id: Id | None = None
    options: PollOptions | None = None
    quorum: Annotated[int, Field(ge=0, le=1_000_000)] | None = None
    closes_at: Timestamp | None = None
    min_choices: Choices | None = None
    max_choices: Choices | None = None
    weighted: bool | None = None
    allow_change: bool | None = None
    duration_seconds: PollSeconds | None = None
    kind: PollKind | None = None
    voter_ids: Annotated[list[Id], Field(max_length=10_000)] | None = None
    document_ids: Annotated[list[Id], Field(max_length=100)] | None = None


class PollOpen(PollRef):
    seconds: PollSeconds | None = None
    """Closes the poll this many seconds after opening (else its ``duration_seconds``)."""


class PollVote(PollRef):
    """A ballot. ``ballot_id`` (a client-made UUID) makes it idempotent: the same ballot
    re-sent gets the same receipt. ``voter_id``: a member the sender represents as proxy."""

    option_ids: Annotated[list[Id], Field(max_length=50)]
    ballot_id: BallotId
    comment: Comment | None = None
    voter_id: Id | None = None


MEETING_LIST = "meeting.list"
MEETING_CREATE = "meeting.create"
MEETING_UPDATE = "meeting.update"
PARTICIPANT_SET = "participant.set"
PARTICIPANT_REMOVE = "participant.remove"
USER_LIST = "user.list"
USER_CREATE = "user.create"
USER_UPDATE = "user.update"
USER_SET_ACTIVE = "user.set_active"
USER_RESET_PASSWORD = "user.reset_password"
MEETING_JOIN = "meeting.join"
MEETING_LEAVE = "meeting.leave"
MEETING_START = "meeting.start"
MEETING_END = "meeting.end"
AGENDA_SET_CURRENT = "agenda.set_current"
AGENDA_ADD_ITEM = "agenda.add_item"
AGENDA_UPDATE_ITEM = "agenda.update_item"
AGENDA_REORDER = "agenda.reorder"
AGENDA_REMOVE_ITEM = "agenda.remove_item"
ATTENDANCE_CHECK_IN = "attendance.check_in"
ATTENDANCE_SET = "attendance.set"
DOCUMENT_UPDATE = "document.update"
DOCUMENT_REMOVE = "document.remove"
DOCUMENT_VERSIONS = "document.versions"
PRESENTER_SET_PAGE = "presenter.set_page"
PRESENTER_STOP = "presenter.stop"
ATTENDANCE_SET_PROXY = "attendance.set_proxy"
SPEAKER_REQUEST = "speaker.request"
SPEAKER_WITHDRAW = "speaker.withdraw"
SPEAKER_GRANT = "speaker.grant"
SPEAKER_EXTEND = "speaker.extend"
SPEAKER_END = "speaker.end"
SPEAKER_REORDER = "speaker.reorder"
SITE_STATUS = "site.status"
PRESENCE_HEARTBEAT = "presence.heartbeat"
CONCLUSION_SET = "conclusion.set"
CONCLUSION_HISTORY = "conclusion.history"
ACTION_SAVE = "action.save"
ACTION_DELETE = "action.delete"
ACTION_LIST = "action.list"
ACTION_SET_STATUS = "action.set_status"
MINUTES_APPROVE = "minutes.approve"
MINUTES_PUBLISH = "minutes.publish"
SEARCH = "search"
ANNOTATION_SAVE = "annotation.save"
ANNOTATION_DELETE = "annotation.delete"
ANNOTATION_LIST = "annotation.list"
ANNOTATION_COMMENTS = "annotation.comments"
NOTE_SAVE = "note.save"
NOTE_LIST = "note.list"
POLL_CREATE = "poll.create"
POLL_UPDATE = "poll.update"
POLL_DELETE = "poll.delete"
POLL_CHECK = "poll.check"
POLL_OPEN = "poll.open"
POLL_CLOSE = "poll.close"
POLL_VOTE = "poll.vote"

PAYLOAD_MODELS: dict[str, type[Payload]] = {
    MEETING_LIST: Empty,
    MEETING_CREATE: MeetingCreate,
    MEETING_UPDATE: MeetingUpdate,
    PARTICIPANT_SET: ParticipantSet,
    PARTICIPANT_REMOVE: ParticipantRemove,
    USER_LIST: UserList,
    USER_CREATE: UserCreate,
    USER_UPDATE: UserUpdate,
    USER_SET_ACTIVE: UserSetActive,
    USER_RESET_PASSWORD: UserResetPassword,
    MEETING_JOIN: MeetingJoin,
    MEETING_LEAVE: MeetingPayload,
    MEETING_START: MeetingPayload,
    MEETING_END: MeetingPayload,
    AGENDA_SET_CURRENT: AgendaSetCurrent,
    AGENDA_ADD_ITEM: AgendaAddItem,
    AGENDA_UPDATE_ITEM: AgendaUpdateItem,
    AGENDA_REORDER: AgendaReorder,
    AGENDA_REMOVE_ITEM: AgendaRemoveItem,
    ATTENDANCE_CHECK_IN: MeetingPayload,
    ATTENDANCE_SET: AttendanceSet,
    DOCUMENT_UPDATE: DocumentUpdate,
    DOCUMENT_REMOVE: DocumentRef,
    DOCUMENT_VERSIONS: DocumentRef,
    PRESENTER_SET_PAGE: PresenterSetPage,
    PRESENTER_STOP: MeetingPayload,
    ATTENDANCE_SET_PROXY: AttendanceSetProxy,
    SPEAKER_REQUEST: SpeakerRequestCreate,
    SPEAKER_WITHDRAW: SpeakerRequestRef,
    SPEAKER_GRANT: SpeakerGrant,
    SPEAKER_EXTEND: SpeakerExtend,
    SPEAKER_END: MeetingPayload,
    SPEAKER_REORDER: SpeakerReorder,
    SITE_STATUS: MeetingPayload,
    PRESENCE_HEARTBEAT: PresenceHeartbeat,
    CONCLUSION_SET: ConclusionSet,
    CONCLUSION_HISTORY: ConclusionRef,
    ACTION_SAVE: ActionSave,
    ACTION_DELETE: ActionDelete,
    ACTION_LIST: ActionList,
    ACTION_SET_STATUS: ActionSetStatus,
    MINUTES_APPROVE: MeetingPayload,
    MINUTES_PUBLISH: MeetingPayload,
    SEARCH: Search,
    ANNOTATION_SAVE: AnnotationSave,
    ANNOTATION_DELETE: AnnotationDelete,
    ANNOTATION_LIST: AnnotationList,
    ANNOTATION_COMMENTS: DocumentRef,
    NOTE_SAVE: NoteSave,
    NOTE_LIST: MeetingPayload,
    POLL_CREATE: PollCreate,
    POLL_UPDATE: PollUpdate,
    POLL_DELETE: PollRef,
    POLL_CHECK: PollRef,
    POLL_OPEN: PollOpen,
    POLL_CLOSE: PollRef,
    POLL_VOTE: PollVote,
}
"""Every command this protocol version defines, by name."""

MAX_PAYLOAD_BYTES = 256 * 1024
"""A command payload larger than this (as JSON) is refused as ``invalid``."""
