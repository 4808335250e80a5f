"""Commands sent while a fault may strike: an answer, or ``None`` when the socket died first."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.e2e.helpers import TIMEOUT, Client


async def call_or_lost(client: Client, command: str, payload: dict[str, Any],
                       timeout: float = TIMEOUT) -> dict[str, Any] | None:
    """Send ``command``; its envelope, or None if the socket went down before the answer
    came (the command may or may not have been carried out: the client must send it again
    with the same ``request_id``)."""
    if not client.sio.connected:
        return None
    answer = asyncio.ensure_future(client.sio.call(command, payload, timeout=timeout))
    gone = asyncio.ensure_future(client.wait_for(lambda: not client.sio.connected, "a disconnect", timeout))
    try:
        await asyncio.wait({answer, gone}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        gone.cancel()
    if not answer.done():
        answer.cancel()
        await asyncio.gather(answer, return_exceptions=True)
        return None
    if answer.exception() is not None:
        return None  # timed out or failed to send: the socket is going down
    return dict(answer.result())
