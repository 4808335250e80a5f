"""SQLAlchemy 2 models: every piece of state the server keeps.

The tables live in ``server/persistence/tables/``, one module per feature; this module loads
them all (so ``Base.metadata`` is the whole schema, as the migrations and ``truncate_all``
need) and is where the rest of the server imports them from.
"""

from __future__ import annotations

from server.persistence.tables.audit import AuditEntry, AuditHead
from server.persistence.tables.base import Base, UTCDateTime, utcnow
from server.persistence.tables.connections import Connection, ServerInstance
from server.persistence.tables.documents import (
    Annotation,
    Blob,
    Document,
    DocumentReader,
    DocumentText,
    DocumentVersion,
    PersonalNote,
)
from server.persistence.tables.events import CommandResult, Event
from server.persistence.tables.floor import SpeakerRequest, Speech
from server.persistence.tables.meetings import AgendaItem, Meeting, Participant, Site
from server.persistence.tables.minutes import ActionItem, Conclusion, ConclusionRevision, MinutesVersion
from server.persistence.tables.users import LoginFailure, Token, User, UserCacheKey
from server.persistence.tables.voting import Poll, PollBallot, PollSeal, PollVoter, ServerSecret

__all__ = [
    "ActionItem",
    "AgendaItem",
    "Annotation",
    "AuditEntry",
    "AuditHead",
    "Base",
    "Blob",
    "CommandResult",
    "Conclusion",
    "ConclusionRevision",
    "Connection",
    "Document",
    "DocumentReader",
    "DocumentText",
    "DocumentVersion",
    "Event",
    "LoginFailure",
    "Meeting",
    "MinutesVersion",
    "Participant",
    "PersonalNote",
    "Poll",
    "PollBallot",
    "PollSeal",
    "PollVoter",
    "ServerInstance",
    "ServerSecret",
    "Site",
    "SpeakerRequest",
    "Speech",
    "Token",
    "UTCDateTime",
    "User",
    "UserCacheKey",
    "utcnow",
]
