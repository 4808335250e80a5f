"""Which domain function carries out each command, and how the server runs it.

A command is declared once, in ``protocol.commands`` (its name, payload, answer and the
capability it needs). The domain function that carries it out says so with ``@handles``::

    @handles(c.AgendaSetCurrent)
    def set_current(ctx: CommandContext, p: c.AgendaSetCurrent) -> Outcome: ...

and the transport's registry (``server.transport.registry``) collects these declarations:
nothing else lists commands. A right that comes from the meeting's state (a
``protocol.capabilities.Condition``) is declared the same way, with ``@condition``.

Where each fact about a command lives (decided once, for every command):

- *What* and *who* are the protocol's: the payload and the capability sit on the declaration
  in ``protocol.commands``, because the client needs them too (its forms, its buttons).
- *How the server runs it* sits here, beside the function, because no client acts on it:
  ``reads`` (a query: no write transaction, no stored answer), ``replays=False`` (a repeated
  request_id is run again instead of answered from the stored first answer), ``grouped``
  (ballots: run together in one transaction, a savepoint each), ``socket`` (the socket joins
  or leaves the payload's meeting) and ``in_memory`` (answered by the transport from memory,
  never in a transaction).
- The one transport fact, a slow preparation outside the transaction (``minutes.publish``
  renders its files first), is declared in the transport with ``@prepares``
  (``server.transport.registry``): it needs the transport's services.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from protocol.capabilities import Condition
from protocol.commands import Payload
from server.domain.context import CommandContext, Outcome

HandlerFunction = Callable[[CommandContext, Any], Outcome]
F = TypeVar("F", bound=Callable[..., Any])


class SocketEffect(StrEnum):
    """What a successful command does to the socket that sent it."""

    JOIN = "join"
    """The socket is in the payload's meeting (its in-memory commands are allowed)."""
    LEAVE = "leave"
    """The socket is out of the payload's meeting."""


@dataclass(frozen=True)
class Handler:
    """One command's domain function and how the server runs it."""

    command: type[Payload]
    function: HandlerFunction
    reads: bool = False
    """A query: run in a read transaction, its answer not stored."""
    replays: bool = True
    """A repeated request_id gets the first answer. Not for meeting.join (joining twice is
    harmless, and a retry needs the state now) nor poll.vote (a stored answer would link the
    voter to the receipt; its ballot_id makes a vote idempotent instead)."""
    grouped: bool = False
    """Commands that arrive while their meeting's lock is busy run together, a savepoint each,
    in one transaction (group commit): ballots. Only for commands that keep no refusals
    (``replays=False``), write, and prepare nothing."""
    socket: SocketEffect | None = None
    in_memory: bool = False
    """Answered by the transport from memory (``presence.heartbeat``): its rule is checked
    once, when the socket joins the meeting; ``function`` is never called."""

    def __post_init__(self) -> None:
        if self.grouped and (self.replays or self.reads or self.in_memory):
            raise TypeError(f"{self.command.command}: a grouped command writes and keeps no answers")
        if self.in_memory and not self.reads:
            raise TypeError(f"{self.command.command}: an in-memory command writes nothing")


HANDLERS: dict[type[Payload], Handler] = {}
"""Every ``@handles`` declaration of the imported domain modules, by command."""
CONDITIONS: dict[Condition, Callable[[CommandContext], bool]] = {}
"""The check of each state-given right (``@condition``)."""


def handles(command: type[Payload], *, reads: bool = False, replays: bool = True, grouped: bool = False,
            socket: SocketEffect | None = None, in_memory: bool = False) -> Callable[[F], F]:
    """Declare the decorated function as the one that carries out ``command``."""
    if not command.command:
        raise TypeError(f"{command.__name__} is a shared base, not a command")

    def declare(function: F) -> F:
        if command in HANDLERS:
            raise TypeError(f"{command.command} has two handlers: "
                            f"{_name(HANDLERS[command].function)} and {_name(function)}")
        HANDLERS[command] = Handler(command, function, reads=reads, replays=replays, grouped=grouped,
                                    socket=socket, in_memory=in_memory)
        return function

    return declare


def condition(which: Condition) -> Callable[[F], F]:
    """Declare the decorated ``(ctx) -> bool`` as the check of the state-given right ``which``."""
    def declare(check: F) -> F:
        if which in CONDITIONS:
            raise TypeError(f"condition {which} is checked twice")
        CONDITIONS[which] = check
        return check

    return declare


def _name(function: Callable[..., Any]) -> str:
    return f"{function.__module__}.{function.__qualname__}"
