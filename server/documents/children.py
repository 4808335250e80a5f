"""Running a checking process (``python -m server.documents.…_worker``) from the event loop.

Each is started with ``asyncio.create_subprocess_exec`` (the loop never waits on it), in a
session of its own so that it and anything it starts can be killed together, with a
wall-clock limit on top of the CPU and memory limits it sets itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parents[2]
"""The directory holding the ``server`` package: the child imports it from there."""


async def run_child(command: list[str], timeout: float) -> tuple[int | None, bytes, bytes]:
    """Run ``command``; its exit status (negative: the signal that ended it), its output and
    its error output. TimeoutError when it runs past ``timeout`` seconds (it is killed)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        filter(None, [str(PACKAGE_ROOT), os.environ.get("PYTHONPATH")]))}
    process = await asyncio.create_subprocess_exec(
        *command, stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE, env=env, start_new_session=True)
    try:
        out, err = await asyncio.wait_for(process.communicate(), timeout)
    finally:
        if process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            await process.wait()
    return process.returncode, out, err
