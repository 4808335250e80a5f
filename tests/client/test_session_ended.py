"""A session the server ends (``session.ended``, then the socket closed) is not reconnected:
the connection reports the server's reason once and stays offline. A deactivation is left
to the refused reconnect, whose machine-readable reason makes the client wipe its data."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.client.conftest import FakeServer


def end_sessions(server: FakeServer, data: dict[str, Any]) -> None:
    """What the real server does: ``session.ended`` to every socket, then close it."""
    async def end() -> None:
        assert server.sio is not None
        await server.sio.emit("session.ended", data)
        for sid in list(server.sio.manager.get_participants("/", None)):
            await server.sio.disconnect(sid[0])

    assert server.loop is not None
    asyncio.run_coroutine_threadsafe(end(), server.loop).result(timeout=5)


def test_the_servers_reason_ends_the_session_without_reconnecting(fake_server: FakeServer,
                                                                  open_connection: Any, qtbot: Any) -> None:
    conn, recorder = open_connection(fake_server.url, "good")
    qtbot.waitUntil(lambda: conn.status == "connected", timeout=15_000)
    reason = "Your password was reset by an administrator; sign in with the new one"
    end_sessions(fake_server, {"reason": reason})
    qtbot.waitUntil(lambda: recorder.expired == [reason], timeout=10_000)
    qtbot.waitUntil(lambda: conn.status == "offline", timeout=10_000)
    # Without the reason the client would have reconnected (this server takes the token again).
    assert "reconnecting" not in recorder.statuses


def test_a_deactivation_is_left_to_the_refused_reconnect(fake_server: FakeServer, open_connection: Any,
                                                         qtbot: Any) -> None:
    conn, recorder = open_connection(fake_server.url, "good")
    qtbot.waitUntil(lambda: conn.status == "connected", timeout=15_000)
    end_sessions(fake_server, {"reason": "This account is deactivated", "code": "deactivated"})
    # This scripted server takes the token again; the real one refuses it, saying "deactivated".
    qtbot.waitUntil(lambda: recorder.statuses[-2:] == ["reconnecting", "connected"], timeout=10_000)
    assert recorder.expired == []
