"""SQLAlchemy 2 models: every piece of state the server keeps."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC without a zone (SQLite keeps none) and always returns aware datetimes."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return value.replace(tzinfo=UTC) if value is not None else None


class Base(DeclarativeBase):
    type_annotation_map: ClassVar = {datetime: UTCDateTime, dict[str, Any]: JSON}


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(200))
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    is_organizer: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    """Set when an admin reset the password: the client asks for a new one after login."""
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Token(Base):
    """A login session. Only the sha256 of the token is kept."""

    __tablename__ = "tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    last_used_at: Mapped[datetime | None]
    """The last use written (at most once a minute per token): the idle timeout counts from it,
    or from ``created_at`` when it is None."""

    user: Mapped[User] = relationship()


class UserCacheKey(Base):
    """The key a user's client encrypts its offline cache with (released at login).

    A separate table so that rotating it (a new random key) is one row's change: every
    cache made with the old key becomes unreadable.
    """

    __tablename__ = "user_cache_keys"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[bytes] = mapped_column(LargeBinary(32))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class LoginFailure(Base):
    """One failed login, kept for rate limiting by client address."""

    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    client: Mapped[str] = mapped_column(String(64), index=True)
    username: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class Meeting(Base):
    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime | None]
    location: Mapped[str | None] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(16), default="scheduled")
    current_item_id: Mapped[int | None]
    current_item_started_at: Mapped[datetime | None]
    started_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    """The seq of the newest event; bumped in the same transaction as every change."""
    presenter_document_id: Mapped[int | None]
    """The document shown to the room (no foreign key: documents point at meetings)."""
    presenter_page: Mapped[int | None]
    quorum_rule: Mapped[str] = mapped_column(String(16), default="more_than_half")
    """``more_than_half``, ``at_least_half``, ``two_thirds`` or ``none`` (of the members)."""
    minutes_status: Mapped[str] = mapped_column(String(16), default="draft", server_default="draft")
    """``draft``, ``approved`` (frozen by the chair) or ``published``; any change to the
    minutes' content after approval or publication makes it ``draft`` again."""
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Site(Base):
    """A connected room (điểm cầu); the one at position 0 is the central site."""

    __tablename__ = "sites"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer)


class Participant(Base):
    __tablename__ = "participants"
    __table_args__ = (UniqueConstraint("meeting_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id", ondelete="SET NULL"))
    voting_weight: Mapped[int] = mapped_column(Integer, default=1)
    attendance: Mapped[str] = mapped_column(String(16), default="unknown")
    attendance_reason: Mapped[str | None] = mapped_column(String(300))
    proxy_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    """The participant who represents this member (ủy quyền), if any."""

    user: Mapped[User] = relationship(foreign_keys=[user_id])


class AgendaItem(Base):
    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer)
    presenter: Mapped[str | None] = mapped_column(String(300))
    duration_min: Mapped[int | None] = mapped_column(Integer)
    elapsed_seconds: Mapped[int] = mapped_column(Integer, default=0)
    """Time spent on the item in the periods it was current and is no longer."""


class Event(Base):
    """The meeting's event log: one row per seq, gapless, written with the change."""

    __tablename__ = "events"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    type: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict[str, Any]]
    at: Mapped[datetime] = mapped_column(default=utcnow)
    audience: Mapped[list[int] | None] = mapped_column(JSON)
    """The users who receive ``data`` whole; everyone else gets it withheld
    (``{"document_id", "hidden": true}``). None: everyone receives it whole."""
    managers: Mapped[list[int] | None] = mapped_column(JSON)
    """Those of the audience who also see what only the chair, the secretary and admins
    see (a document's ``reader_ids``); the rest of the audience gets the data without it.
    None: the data has nothing of the kind."""


class CommandResult(Base):
    """The first answer to a command sent with a request_id, replayed on a repeat."""

    __tablename__ = "command_results"
    __table_args__ = (UniqueConstraint("user_id", "request_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    request_id: Mapped[str] = mapped_column(String(64))
    command: Mapped[str] = mapped_column(String(64))
    response: Mapped[dict[str, Any]]
    at: Mapped[datetime] = mapped_column(default=utcnow)
    fingerprint: Mapped[str | None] = mapped_column(String(64), default=None)
    """sha256 of the payload the first answer was for (null: stored before it was kept):
    the same request_id with another payload is refused, not answered with this."""


class AuditEntry(Base):
    """Who did what, when: logins, permission changes, publications.

    Append-only and hash-chained: ``seq``, ``prev_hash`` and ``hash`` are given at commit
    by ``persistence/audit_chain.py``; triggers refuse changing or deleting a chained row.
    """

    __tablename__ = "audit_log"
    __table_args__ = (Index("ux_audit_log_seq", "seq", unique=True),
                      # A user's recent entries of one kind: the download dedupe, the viewer's filter.
                      Index("ix_audit_log_actor_action_at", "actor_id", "action", "at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(64))
    meeting_id: Mapped[int | None]
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    seq: Mapped[int | None] = mapped_column(BigInteger)
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))


class AuditHead(Base):
    """The audit chain's end (one row, id 1): appends lock it, so the chain stays one line."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(BigInteger)
    last_hash: Mapped[str] = mapped_column(String(64))


class ServerInstance(Base):
    """A running server process; its heartbeat tells others it still holds its sockets."""

    __tablename__ = "server_instances"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    heartbeat_at: Mapped[datetime] = mapped_column(default=utcnow)


class Connection(Base):
    """One connected socket, and the meeting it joined (presence is derived from these)."""

    __tablename__ = "connections"
    __table_args__ = (Index("ix_connections_meeting_user", "meeting_id", "user_id"),)

    sid: Mapped[str] = mapped_column(String(64), primary_key=True)
    instance_id: Mapped[str] = mapped_column(
        ForeignKey("server_instances.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    token_id: Mapped[int] = mapped_column(ForeignKey("tokens.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    connected_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime | None]
    """The last heartbeat heard from the client (flushed every few seconds)."""
    rtt_ms: Mapped[int | None] = mapped_column(Integer)
    """The round-trip time the client last measured."""


class SpeakerRequest(Base):
    """A request to speak or to question, in its list until granted or withdrawn."""

    __tablename__ = "speaker_requests"
    __table_args__ = (
        # One pending request per participant and list, whatever the race.
        Index("uq_speaker_requests_pending", "meeting_id", "user_id", "kind", unique=True,
              sqlite_where=text("status = 'pending'"), postgresql_where=text("status = 'pending'")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    """``speak`` or ``question``."""
    status: Mapped[str] = mapped_column(String(16), default="pending")
    """``pending``, ``granted`` or ``withdrawn``."""
    position: Mapped[int] = mapped_column(Integer)
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
    requested_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class Speech(Base):
    """A turn at the floor: who, from which site, on which item, for how long."""

    __tablename__ = "speeches"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(16))
    request_id: Mapped[int | None] = mapped_column(ForeignKey("speaker_requests.id", ondelete="SET NULL"))
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id", ondelete="SET NULL"))
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    """None while the speaker holds the floor (at most one such speech per meeting)."""
    limit_seconds: Mapped[int | None] = mapped_column(Integer)


class Blob(Base):
    """A file in the content-addressed blob store, stored once whatever refers to it."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Document(Base):
    """A meeting document; its content is its versions' (the newest is ``current_version``)."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    access: Mapped[str] = mapped_column(String(16), default="all")
    """``all``, or ``restricted`` to the users in document_readers."""
    released: Mapped[bool] = mapped_column(Boolean, default=True)
    current_version: Mapped[int] = mapped_column(Integer, default=1)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    removed_at: Mapped[datetime | None]
    """Removed documents are kept (with their files) for the record, never shown."""


class DocumentVersion(Base):
    __tablename__ = "document_versions"
    __table_args__ = (UniqueConstraint("document_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"), index=True)
    pages: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(BigInteger)
    filename: Mapped[str] = mapped_column(String(255))
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)
    page_info: Mapped[list[Any] | None] = mapped_column(JSON)
    """Per page ``[width, height, text_hash]`` (points; ``protocol.annotations.page_text_hash``),
    measured when the file was inspected: annotations are checked against the page box and
    carried to a new version by text. None: not measured (older versions)."""


class DocumentText(Base):
    """One page's extracted text of a document version, for search: as extracted (for the
    snippet) and folded (``server.domain.search.fold``: lower case, no diacritics) for matching."""

    __tablename__ = "document_texts"

    document_version_id: Mapped[int] = mapped_column(
        ForeignKey("document_versions.id", ondelete="CASCADE"), primary_key=True)
    page: Mapped[int] = mapped_column(Integer, primary_key=True)
    """0-based."""
    text: Mapped[str] = mapped_column(Text)
    folded: Mapped[str] = mapped_column(Text)


class DocumentReader(Base):
    """A user named in a restricted document's access."""

    __tablename__ = "document_readers"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                             primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)


class Annotation(Base):
    """A user's mark on one version of a document, in page points (``protocol.annotations``).

    The id is the client's (made offline, sent again after a cut: never doubled). A delete
    keeps the row as a tombstone (``deleted``), so that a stale save from another device
    cannot bring it back.
    """

    __tablename__ = "annotations"
    __table_args__ = (Index("ix_annotations_document_version", "document_id", "version"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    """The document version it is drawn on (moved to a new version when carried over)."""
    page: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    data: Mapped[dict[str, Any]]
    shared: Mapped[bool] = mapped_column(Boolean, default=False)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    """The server's time of the latest change: the latest change wins."""
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    orphaned: Mapped[bool] = mapped_column(Boolean, default=False)
    """Its page's text is not in a newer version: it stays on ``version``, and its author is
    told (``annotation.list`` keeps listing it, marked)."""


class PersonalNote(Base):
    """A user's private note on an agenda item: one per user and item."""

    __tablename__ = "personal_notes"
    __table_args__ = (UniqueConstraint("user_id", "agenda_item_id"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
class Poll(Base):
    """A vote (biểu quyết) or a written consultation (lấy ý kiến bằng văn bản)."""

    __tablename__ = "polls"
    __table_args__ = (Index("ix_polls_status_closes_at", "status", "closes_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id", ondelete="SET NULL"))
    question: Mapped[str] = mapped_column(Text)
    options: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    """``[{"id", "text", "comment"}]``; ids 1..n."""
    secret: Mapped[bool] = mapped_column(Boolean, default=False)
    majority: Mapped[str] = mapped_column(String(16), default="absolute")
    quorum: Mapped[int | None] = mapped_column(Integer)
    min_choices: Mapped[int] = mapped_column(Integer, default=1)
    max_choices: Mapped[int] = mapped_column(Integer, default=1)
    weighted: Mapped[bool] = mapped_column(Boolean, default=False)
    allow_change: Mapped[bool] = mapped_column(Boolean, default=False)
    duration_seconds: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16), default="meeting")
    status: Mapped[str] = mapped_column(String(16), default="draft")
    voter_ids: Mapped[list[int] | None] = mapped_column(JSON)
    """Written polls: the members asked."""
    document_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    opened_at: Mapped[datetime | None]
    closes_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """The result at the close, kept for the minutes."""
    reminders: Mapped[list[str]] = mapped_column(JSON, default=list)
    """The reminders already sent (``"24h"``, ``"1h"``), so each goes once."""
    turnout: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    """The turnout as last published in ``poll.progress`` (``ballots``, ``voted``,
    ``by_site``): what snapshots show, so that they agree with the events."""
    turnout_at: Mapped[datetime | None]
    """When ``poll.progress`` was last sent (progress is sent at most every half second)."""


class PollVoter(Base):
    """Who has voted (or been voted for by their proxy): never what."""

    __tablename__ = "poll_voters"
    __table_args__ = (UniqueConstraint("poll_id", "voter_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("polls.id", ondelete="CASCADE"))
    voter_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    cast_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    """The proxy who cast it, or the voter."""
    site_id: Mapped[int | None] = mapped_column(Integer)
    """The voter's site at the time (turnout per site)."""
    at: Mapped[datetime] = mapped_column(default=utcnow)


class PollBallot(Base):
    """A ballot's content. For a secret poll: no voter, no time, and a random id (the table
    has no rowid on SQLite), so nothing orders or links it to ``poll_voters``."""

    __tablename__ = "poll_ballots"
    __table_args__ = (UniqueConstraint("poll_id", "receipt"), {"sqlite_with_rowid": False})

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("polls.id", ondelete="CASCADE"), index=True)
    option_ids: Mapped[list[int]] = mapped_column(JSON)
    comment: Mapped[str | None] = mapped_column(Text)
    weight: Mapped[int] = mapped_column(Integer, default=1)
    receipt: Mapped[str] = mapped_column(String(32))
    voter_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    """Named polls only; always null for a secret poll."""


class PollSeal(Base):
    """A secret poll's ballot until the close, sealed (AES-GCM) with the poll's key, which
    is never in the database (``server/domain/voting/seals.py``). It is written in the
    voter's commit beside their ``poll_voters`` row; the close opens every seal of the poll
    and writes the ballots in one shuffled batch, so no commit holds a voter and a readable
    ballot. ``id`` is HMAC(poll key, receipt): a re-sent ballot finds its seal, a database
    reader cannot compute it from a published receipt. No rowid on SQLite."""

    __tablename__ = "poll_seals"
    __table_args__ = ({"sqlite_with_rowid": False},)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("polls.id", ondelete="CASCADE"), index=True)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)


class ServerSecret(Base):
    """Keys the server makes once and keeps (the receipts' HMAC key)."""

    __tablename__ = "server_secrets"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(128))


class Conclusion(Base):
    """An agenda item's conclusion (Markdown) and decision as they stand now."""

    __tablename__ = "conclusions"

    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id", ondelete="CASCADE"),
                                                primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    decision: Mapped[str | None] = mapped_column(Text)
    revision: Mapped[int] = mapped_column(Integer)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class ConclusionRevision(Base):
    """Every change to a conclusion, kept: who wrote what, when."""

    __tablename__ = "conclusion_revisions"
    __table_args__ = (UniqueConstraint("agenda_item_id", "revision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id", ondelete="CASCADE"))
    revision: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    decision: Mapped[str | None] = mapped_column(Text)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(default=utcnow)


class ActionItem(Base):
    """A task given at a meeting (giao việc): to a user, or to a unit named in free text."""

    __tablename__ = "action_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(2000))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    owner_name: Mapped[str | None] = mapped_column(String(300))
    due: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(16), default="open")
    """``open``, ``done`` or ``cancelled``."""
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class MinutesVersion(Base):
    """One publication of a meeting's minutes: immutable PDF and DOCX in the blob store."""

    __tablename__ = "minutes_versions"
    __table_args__ = (UniqueConstraint("meeting_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    pdf_sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"))
    docx_sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"))
    pages: Mapped[int] = mapped_column(Integer)
    published_at: Mapped[datetime] = mapped_column(default=utcnow)
    published_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    supersedes: Mapped[int | None] = mapped_column(Integer)
    """The version this one corrects (None for the first)."""
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    """The meeting document the PDF was distributed as."""
    notice_pdf_sha256: Mapped[str | None] = mapped_column(ForeignKey("blobs.sha256"))
    """The notice of conclusions (THÔNG BÁO KẾT LUẬN) published with these minutes (None:
    published before the notice was a document of its own)."""
    notice_docx_sha256: Mapped[str | None] = mapped_column(ForeignKey("blobs.sha256"))
    notice_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    """The meeting document the notice's PDF was distributed as."""
