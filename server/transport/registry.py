"""The command registry, derived from the declarations: nothing here lists commands.

For every command of ``protocol.commands.COMMANDS`` (its name, payload and the capability it
needs) the registry finds:

- its **access rule**, from ``protocol.capabilities.GRANTS[command.needs]``; a right given by
  the meeting's state (``Condition.HOLDS_FLOOR``) is checked by the domain function declared
  with ``@condition`` (``server.domain.floor.holds_floor``);
- its **locator**, from its payload's fields: a payload without ``meeting_id`` that names a
  document, a poll or an action item finds its meeting through that thing;
- its **handler**, the domain function declared with ``@handles`` (``server.domain.handlers``,
  which also says how the server runs it: a query, never replayed, grouped, joins or leaves
  the socket's meeting, answered from memory);
- its **preparation**, if it has one, declared with ``@prepares`` (``server.transport.preparing``);
- its **kind**: the composition of pipeline stages it runs through (``Kind``).

``check`` refuses, at start-up (this module's import) and in a test, a declared command
without exactly one handler and a handler or preparation without a declared command.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

import server.domain
from protocol.capabilities import GRANTS, Condition
from protocol.commands import COMMANDS as DECLARED
from protocol.commands import Payload
from server.domain.documents import changes as documents
from server.domain.handlers import CONDITIONS, HANDLERS, Handler, SocketEffect
from server.domain.minutes import actions
from server.domain.permissions import Access
from server.domain.voting import polls
from server.transport import heartbeats, minutes_prepare  # noqa: F401 (their declarations)
from server.transport.preparing import PREPARERS, Preparer


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
LOCATORS: Mapping[str, Locator] = {"document_id": DOCUMENT, "poll_id": POLL, "action_id": ACTION}
"""The payload field that names a thing with a meeting, and how to find that meeting."""


class Kind(StrEnum):
    """The stages a command runs through after decoding and the session check
    (``server.transport.pipeline``), chosen by its declarations."""

    IN_MEMORY = "in_memory"
    """Answered from the transport's memory (``presence.heartbeat``)."""
    QUERY = "query"
    """A read with no meeting named: a read transaction, no lock (``meeting.list``, ``search``);
    with a meeting named (``action.list`` for one meeting), as ``ALONE``."""
    ALONE = "alone"
    """Locate -> the meeting's lock -> one transaction -> broadcast."""
    GROUPED = "grouped"
    """Locate -> the meeting's next group (one transaction, a savepoint each) -> broadcast;
    alone when the group cannot take it."""
    PREPARED = "prepared"
    """Prepare outside any lock -> as ``ALONE``; prepared again if the meeting changed."""


@dataclass(frozen=True)
class CommandSpec:
    """Everything the pipeline needs to run one command, derived from its declarations."""

    model: type[Payload]
    access: Access
    handler: Handler
    locate: Locator | None = None
    """For a payload without ``meeting_id``: where its meeting comes from."""
    prepare: Preparer | None = None

    @property
    def name(self) -> str:
        return self.model.command

    @property
    def writes(self) -> bool:
        """Read-only commands run without a write transaction."""
        return not self.handler.reads

    @property
    def keeps_answers(self) -> bool:
        """Whether the first answer (or refusal) is stored for a repeated request_id."""
        return self.writes and self.handler.replays

    @property
    def socket(self) -> SocketEffect | None:
        return self.handler.socket

    @property
    def kind(self) -> Kind:
        if self.handler.in_memory:
            return Kind.IN_MEMORY
        if self.handler.grouped:
            return Kind.GROUPED
        if self.prepare is not None:
            return Kind.PREPARED
        if not self.writes and self.locate is None:
            return Kind.QUERY
        return Kind.ALONE


def access_of(command: type[Payload], conditions: Mapping[Condition, Callable[..., bool]]) -> Access:
    """The server's rule for ``command``: the grant of the capability it needs."""
    grant = GRANTS[command.needs]
    return Access(anyone=grant.anyone, global_roles=grant.global_roles, meeting_roles=grant.meeting_roles,
                  also=None if grant.also_when is None else conditions[grant.also_when])


def locator_of(command: type[Payload]) -> Locator | None:
    """How ``command`` finds its meeting when its payload has no ``meeting_id``."""
    fields = command.model_fields
    if "meeting_id" in fields:
        return None
    found = [locator for field, locator in LOCATORS.items() if field in fields]
    if len(found) > 1:
        raise TypeError(f"{command.command} names more than one thing with a meeting")
    return found[0] if found else None


def collect_handlers() -> None:
    """Import every domain module, so that their ``@handles`` declarations are made."""
    for module in pkgutil.walk_packages(server.domain.__path__, f"{server.domain.__name__}."):
        importlib.import_module(module.name)


def check(declared: Mapping[str, type[Payload]], handlers: Mapping[type[Payload], Handler],
          preparers: Mapping[type[Payload], Preparer]) -> None:
    """Refuse a declared command without a handler, and a handler or a preparation of a
    command that is not declared (or a grouped command that is prepared)."""
    commands = set(declared.values())
    problems = [f"{cls.command} has no handler (@handles)" for cls in commands if cls not in handlers]
    problems += [f"{h.function.__module__}.{h.function.__qualname__} handles {cls.__name__}, "
                 "which is not a declared command" for cls, h in handlers.items() if cls not in commands]
    problems += [f"a preparation of {cls.__name__}, which is not a declared command"
                 for cls in preparers if cls not in commands]
    problems += [f"{cls.command} is grouped and prepared" for cls in preparers
                 if cls in handlers and handlers[cls].grouped]
    problems += [f"{grant} needs a check of {grant.also_when} (@condition)" for grant in GRANTS.values()
                 if grant.also_when is not None and grant.also_when not in CONDITIONS]
    if problems:
        raise RuntimeError("The command registry is incomplete: " + "; ".join(sorted(problems)))


def build(declared: Mapping[str, type[Payload]]) -> dict[str, CommandSpec]:
    """The registry of the declared commands, checked."""
    collect_handlers()
    check(declared, HANDLERS, PREPARERS)
    return {name: CommandSpec(cls, access_of(cls, CONDITIONS), HANDLERS[cls], locator_of(cls),
                              PREPARERS.get(cls))
            for name, cls in declared.items()}


COMMANDS: dict[str, CommandSpec] = build(DECLARED)
"""Every command this server runs, by name."""
