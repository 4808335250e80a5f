"""What every command declaration is built from: the payload base, its ids, texts and times.

Every model rejects unknown fields and mistyped values (strict mode: ``"5"`` is not an
id), so a malformed command is refused before it reaches a domain rule.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any, ClassVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from protocol.answers.base import Answer, Empty
from protocol.capabilities import Capability
from protocol.roles import MeetingRole

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


def _day_from_iso(value: object) -> object:
    """The wire form of a day is an ISO 8601 date string (``2027-03-31``)."""
    if isinstance(value, str):
        return date.fromisoformat(value)
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    raise ValueError("a day is an ISO 8601 date string (YYYY-MM-DD)")


Timestamp = Annotated[datetime, BeforeValidator(_from_iso), AfterValidator(_as_utc)]


Day = Annotated[date, BeforeValidator(_day_from_iso)]


# Enum values arrive as plain strings; strict mode alone would want enum instances.
Role = Annotated[MeetingRole, Field(strict=False)]


class Payload(BaseModel):
    """Base of every command payload, and the command's declaration.

    A command is declared once, as its payload class with keywords::

        class MeetingStart(MeetingPayload, command="meeting.start", needs=Capability.RUN_MEETING):
            ...

    ``command`` is its name on the wire, ``needs`` the capability it asks of the caller and
    ``answer`` the model of its answer's data. Classes without ``command`` are shared bases.
    The server's registry, the client's command methods and the contract tests are derived
    from these declarations (``protocol.commands.COMMANDS``).
    """

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    command: ClassVar[str] = ""
    """The command's name ("" for a shared base)."""
    needs: ClassVar[Capability]
    """The capability the caller must hold."""
    answer: ClassVar[type[Answer]] = Empty
    """The model of the answer's data (``{}`` unless the command declares one)."""

    request_id: RequestId | None = None
    """A client-made UUID; a repeat with the same id returns the first answer."""

    def __init_subclass__(cls, *, command: str = "", needs: Capability | None = None,
                          answer: type[Answer] | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not command:
            cls.command = ""  # a base shared by commands is not a command itself
            return
        if needs is None:
            raise TypeError(f"{cls.__name__}: a command declares the capability it needs")
        cls.command, cls.needs = command, needs
        if answer is not None:
            cls.answer = answer

    @property
    def idempotency_key(self) -> str | None:
        """The key a repeat is recognised by (None: this command is always run afresh)."""
        return self.request_id

    @classmethod
    def parse_answer(cls, data: Any) -> Answer:
        """The ``data`` of this command's ``ok`` envelope, as its typed answer (pydantic's
        ValidationError if the server answered something else)."""
        return cls.answer.model_validate(data)


class MeetingPayload(Payload):
    meeting_id: Id


MAX_PAYLOAD_BYTES = 256 * 1024
"""A command payload larger than this (as JSON) is refused as ``invalid``."""
