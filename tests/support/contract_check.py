"""Every answer and event the server sends, checked against its declared model.

``install`` wraps the server's two exits: ``CommandPipeline.run`` (every command's answer,
the socket handler's and the tests' World alike) and ``socketio.AsyncServer.emit`` (every
event). A mismatch is handed to ``report`` and changes nothing the server sends. The tests
of the server in-process install it for each test (tests/conftest.py); a server process
started by the tests runs through ``tests.support.checked_server``, which installs it and
writes mismatches to the file named by ``MEETING_CONTRACT_REPORT``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import socketio

from protocol.conformance import answer_problems, emitted_problems
from server.transport.pipeline import CommandPipeline

Report = Callable[[str], None]
Patch = Callable[[object, str, object], None]


def install(report: Report, patch: Patch = setattr) -> None:
    """Wrap the pipeline's answer and the socket server's emit so that each is checked.
    ``patch`` is ``setattr`` (for good, in a server process) or a monkeypatch's."""
    run = CommandPipeline.run
    emit = socketio.AsyncServer.emit

    async def checked_run(self: CommandPipeline, name: str, *args: Any, **kwargs: Any) -> Any:
        envelope = await run(self, name, *args, **kwargs)
        for problem in answer_problems(name, envelope):
            report(problem)
        return envelope

    async def checked_emit(self: socketio.AsyncServer, event: str, data: Any = None, *args: Any,
                           **kwargs: Any) -> Any:
        for problem in emitted_problems(event, data):
            report(problem)
        return await emit(self, event, data, *args, **kwargs)

    patch(CommandPipeline, "run", checked_run)
    patch(socketio.AsyncServer, "emit", checked_emit)
