"""Every command of the protocol, declared once, split by feature.

A command is its payload class (``protocol.commands.base.Payload``): name, payload fields,
answer model and the capability it needs. ``COMMANDS`` lists them all by name; the server's
registry, the client's command methods and the contract tests are derived from it.
"""

from __future__ import annotations

from typing import Any

from protocol.commands import agenda, attendance, documents, floor, meetings, minutes, people, polls
from protocol.commands.agenda import *  # noqa: F403
from protocol.commands.attendance import *  # noqa: F403
from protocol.commands.base import *  # noqa: F403
from protocol.commands.base import Answer, Payload
from protocol.commands.documents import *  # noqa: F403
from protocol.commands.floor import *  # noqa: F403
from protocol.commands.meetings import *  # noqa: F403
from protocol.commands.minutes import *  # noqa: F403
from protocol.commands.people import *  # noqa: F403
from protocol.commands.polls import *  # noqa: F403

FEATURES = (meetings, people, agenda, attendance, floor, documents, minutes, polls)


def _declared() -> dict[str, type[Payload]]:
    found: dict[str, type[Payload]] = {}
    for feature in FEATURES:
        for value in vars(feature).values():
            if isinstance(value, type) and issubclass(value, Payload) and value.command \
                    and value.__module__ == feature.__name__:
                if value.command in found:
                    raise TypeError(f"command {value.command} declared twice")
                found[value.command] = value
    return found


COMMANDS: dict[str, type[Payload]] = _declared()
"""Every command this protocol version defines, by name."""


def parse_answer(command: str, data: Any) -> Answer:
    """The ``data`` of the ``ok`` envelope of the command named ``command``, as its typed
    answer (``COMMANDS[command].parse_answer``). KeyError: no such command; pydantic's
    ValidationError: the server answered something else."""
    return COMMANDS[command].parse_answer(data)
