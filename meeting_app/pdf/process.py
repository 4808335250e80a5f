"""One PDF process (``child.py``) as its owner sees it: the pipe, the shared pixel buffer,
and which documents are open in it.

The worker thread owns one for its queue; the slow lane (``slow_lane.py``) owns another
for pages that take too long to draw, so that they never hold the rest back. Each has a
shared buffer of its own: two processes may be drawing at the same time.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from multiprocessing import AuthenticationError
from multiprocessing.connection import Connection, deliver_challenge
from multiprocessing.shared_memory import SharedMemory
from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage

JOB_TIMEOUT_S = 30.0
"""A job taking longer has hung MuPDF: the process is killed."""
SHM_BYTES = 32 * 2**20
"""Shared pixel buffer: an A4 page at 2x is 6 MB as RGB; bigger renders use the pipe."""
STARTUP_TIMEOUT_S = 30.0
PACKAGE_ROOT = Path(__file__).resolve().parents[2]

OpenedDocument = tuple[str, str | None, bytes | None]
"""How to open a document again in a new process: path, password, cache key."""


class ProcessDied(Exception):
    """The PDF process crashed, hung or could not be reached."""


class PdfProcess:
    """A PDF process, started on demand; ``exchange`` sends one request and waits."""

    def __init__(self) -> None:
        self.shm = SharedMemory(create=True, size=SHM_BYTES)
        self.process: subprocess.Popen[bytes] | None = None
        self.conn: Connection | None = None
        self.docs: set[int] = set()
        """The documents open in this process (a new process has none)."""
        self.starts = 0

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def ensure_started(self) -> None:
        """Start the process if it is not running (again after a crash)."""
        if not self.alive:
            self.stop(kill=True)
            self._start()

    def reopen(self, doc: int, opened: dict[int, OpenedDocument]) -> None:
        """Open ``doc`` here if the application has it open and this process does not."""
        if doc in opened and doc not in self.docs:
            path, password, cache_key = opened[doc]
            if self.exchange(("open", doc, path, password, cache_key))[0] == "opened":
                self.docs.add(doc)

    def send(self, request: tuple[Any, ...]) -> None:
        assert self.conn is not None
        try:
            self.conn.send(request)
        except (EOFError, OSError) as error:
            raise ProcessDied(str(error) or type(error).__name__) from error

    def ready(self, timeout: float) -> bool:
        """Whether the reply to the request sent is there within ``timeout`` seconds."""
        assert self.conn is not None
        try:
            return self.conn.poll(timeout)
        except (EOFError, OSError) as error:
            raise ProcessDied(str(error) or type(error).__name__) from error

    def receive(self, request: tuple[Any, ...], timeout: float = JOB_TIMEOUT_S) -> tuple[Any, ...]:
        """The reply to ``request`` (already sent), or ``ProcessDied`` after ``timeout``."""
        assert self.conn is not None
        try:
            if not self.conn.poll(timeout):
                raise ProcessDied(f"{request[0]} timed out after {timeout:.0f} s")
            reply: tuple[Any, ...] = self.conn.recv()
            if reply[0] == "image" and not reply[4]:
                reply = (*reply, self.conn.recv_bytes())
            return reply
        except (EOFError, OSError) as error:
            raise ProcessDied(str(error) or type(error).__name__) from error

    def exchange(self, request: tuple[Any, ...], timeout: float = JOB_TIMEOUT_S) -> tuple[Any, ...]:
        """Send ``request`` and return its reply."""
        self.send(request)
        return self.receive(request, timeout)

    def image(self, reply: tuple[Any, ...]) -> tuple[QImage, float]:
        """The page image of an ``("image", …)`` reply (a deep copy) and its render time."""
        _, width, height, stride, in_shm, render_ms, *overflow = reply
        assert self.shm.buf is not None
        pixels = self.shm.buf[: stride * height] if in_shm else overflow[0]
        raw = QImage(pixels, width, height, stride, QImage.Format.Format_RGB888)
        # convertToFormat makes a deep copy (the shared buffer is reused by the next
        # render) and gives the raster paint engine its native format: painting is a blit.
        image = raw.convertToFormat(QImage.Format.Format_RGB32)
        del raw
        if in_shm:
            pixels.release()
        return image, float(render_ms)

    def _start(self) -> None:
        """Start the PDF process and connect to it.

        A plain ``python -m meeting_app.pdf.child``, not ``multiprocessing``: its spawn
        would import the application's main module (all of Qt and the UI) into the PDF
        process. The process connects back over loopback and proves it knows the random
        key given on its stdin, so no other local program can pose as it.
        """
        self.starts += 1
        key = os.urandom(32)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(PACKAGE_ROOT), env.get("PYTHONPATH")) if p)
        with socket.create_server(("127.0.0.1", 0)) as server:
            server.settimeout(STARTUP_TIMEOUT_S)
            command = [sys.executable, "-m", "meeting_app.pdf.child", str(server.getsockname()[1]),
                       self.shm.name]
            self.process = subprocess.Popen(command, stdin=subprocess.PIPE, env=env)
            assert self.process.stdin is not None
            self.process.stdin.write(key.hex().encode() + b"\n")
            self.process.stdin.close()
            try:
                sock, _ = server.accept()
            except OSError as error:
                raise ProcessDied(f"the PDF process did not start: {error}") from error
        sock.settimeout(None)
        self.conn = Connection(sock.detach())
        try:
            deliver_challenge(self.conn, key)
        except (AuthenticationError, EOFError, OSError) as error:
            raise ProcessDied(f"the PDF process did not answer: {error}") from error
        self.docs = set()

    def stop(self, kill: bool = False) -> None:
        """End the process (``kill``: at once, even in the middle of a render)."""
        if self.conn is not None:
            self.conn.close()  # the process reads end-of-file and leaves
            self.conn = None
        if self.process is not None:
            if kill:
                self.process.kill()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
            self.process = None
        self.docs = set()

    def close(self) -> None:
        """Stop the process and free the shared buffer."""
        try:
            self.stop(kill=True)
        finally:
            self.shm.close()
            self.shm.unlink()
