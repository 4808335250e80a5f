"""Serve a small aiohttp application from a background thread, for client tests."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from aiohttp import web


@contextmanager
def serving(app: web.Application, port: int) -> Iterator[asyncio.AbstractEventLoop]:
    """Serve ``app`` on 127.0.0.1:``port`` until the block ends; yields the server's loop."""
    started = threading.Event()
    loop: asyncio.AbstractEventLoop | None = None
    stopping: asyncio.Event | None = None

    async def serve() -> None:
        nonlocal loop, stopping
        loop, stopping = asyncio.get_running_loop(), asyncio.Event()
        runner = web.AppRunner(app)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        started.set()
        await stopping.wait()
        await runner.cleanup()

    thread = threading.Thread(target=lambda: asyncio.run(serve()), daemon=True)
    thread.start()
    assert started.wait(10), f"the test server on port {port} did not start"
    assert loop is not None and stopping is not None
    try:
        yield loop
    finally:
        loop.call_soon_threadsafe(stopping.set)
        thread.join(10)
