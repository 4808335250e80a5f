"""Slow work a command needs before its transaction, declared beside that work.

``minutes.publish`` renders its files first, outside any lock: rendering takes seconds, and
the meeting must not wait for it. A preparer is declared with ``@prepares(c.Command)``; the
registry (``server.transport.registry``) collects the declarations. Its result reaches the
handler as ``ctx.prepared``; the handler raises ``Stale`` if the meeting changed meanwhile,
and the pipeline prepares again.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from protocol.commands import Payload
from server.domain.context import Actor
from server.domain.permissions import Access
from server.transport.services import Services

Preparer = Callable[[Services, Actor, Access, Any], Awaitable[Any]]
P = TypeVar("P", bound=Preparer)

PREPARERS: dict[type[Payload], Preparer] = {}
"""Every ``@prepares`` declaration of the imported transport modules, by command."""


def prepares(command: type[Payload]) -> Callable[[P], P]:
    """Declare the decorated coroutine function as ``command``'s preparation."""
    def declare(preparer: P) -> P:
        if command in PREPARERS:
            raise TypeError(f"{command.command} is prepared twice")
        PREPARERS[command] = preparer
        return preparer

    return declare
