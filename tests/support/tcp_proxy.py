"""A loopback TCP proxy in front of several backends, for failover tests.

It plays the part of the load balancer in front of N server processes: every new client
connection goes to a backend (the preferred one first, or round robin), skipping backends
that were dropped or refuse the connection, and its bytes are piped both ways. Tests can
steer it while clients are connected:

- ``prefer(i)``: new connections go to backend ``i`` first (then the next live ones);
- ``drop(i)``: backend ``i`` takes no new connections and its open ones are cut;
  ``restore(i)`` takes it back;
- ``hold(i, direction)``: stop passing bytes on backend ``i``'s connections in one
  direction ("down": backend to client, "up": client to backend); they wait, in order,
  until ``release(i)`` or until the connection dies (a killed backend loses them). This
  makes "the command was carried out but its answer never arrived" deterministic.

Network faults between every client and every backend at once (the fault suite):

- ``cut_all()``: the network is down: open connections are reset and new ones are refused
  until ``restore_all()``;
- ``reset_all()``: open connections are reset (RST), new ones are taken as usual;
- ``stall_all()``: bytes stop flowing both ways on every connection (a frozen link: no
  error, no data) until ``restore_all()``, which also ends a cut and a ``drop``.

The proxy runs its own asyncio loop in a daemon thread, so synchronous and asynchronous
tests alike can use it. It knows nothing of HTTP or Socket.IO: websockets pass through as
the plain TCP streams they are.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Literal

Direction = Literal["up", "down"]
CHUNK = 64 * 1024


@dataclass
class _Backend:
    host: str
    port: int
    dropped: bool = False
    flowing: dict[str, asyncio.Event] = field(default_factory=dict)
    links: set[_Link] = field(default_factory=set)


@dataclass(eq=False)
class _Link:
    """One client connection piped to one backend."""

    client: asyncio.StreamWriter
    server: asyncio.StreamWriter
    backend: int
    tasks: list[asyncio.Task[None]] = field(default_factory=list)

    def close(self) -> None:
        """Cut both sides now (RST, not a drained close) and stop the pipes."""
        for writer in (self.client, self.server):
            with contextlib.suppress(Exception):
                writer.transport.abort()
        current = asyncio.current_task()
        for task in self.tasks:
            if task is not current:
                task.cancel()


class TcpProxy:
    """See the module docstring. Use as ``with TcpProxy([(host, port), ...]) as proxy:``."""

    def __init__(self, backends: list[tuple[str, int]], *, policy: Literal["first", "round_robin"] = "first",
                 host: str = "127.0.0.1", port: int = 0, connect_timeout: float = 2.0) -> None:
        self.host, self.port = host, port
        self.policy = policy
        self.connect_timeout = connect_timeout
        self._specs = list(backends)
        self._backends: list[_Backend] = []
        self._preferred = 0
        self._cut = False
        self._turn = itertools.count()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: asyncio.Server | None = None
        self.accepted: list[int | None] = []
        """The backend index each accepted connection went to (None: no backend took it)."""

    # --- lifetime ------------------------------------------------------------------------

    def __enter__(self) -> TcpProxy:
        return self.start()

    def __exit__(self, *_exc: Any) -> None:
        self.stop()

    @property
    def url(self) -> str:
        """``http://host:port`` of the proxy itself."""
        return f"http://{self.host}:{self.port}"

    def start(self) -> TcpProxy:
        """Listen (on a free port unless one was given) and serve in a background thread."""
        loop = asyncio.new_event_loop()
        self._loop = loop
        self._thread = threading.Thread(target=loop.run_forever, name="tcp-proxy", daemon=True)
        self._thread.start()
        self._call(self._listen)
        return self

    def stop(self) -> None:
        """Cut every connection, stop listening and end the thread."""
        loop = self._loop
        if loop is None:
            return
        self._call(self._shutdown)
        loop.call_soon_threadsafe(loop.stop)
        if self._thread is not None:
            self._thread.join(timeout=5)
        loop.close()
        self._loop = None

    async def _listen(self) -> None:
        self._backends = [_Backend(host, port) for host, port in self._specs]
        for backend in self._backends:
            backend.flowing = {"up": asyncio.Event(), "down": asyncio.Event()}
            for event in backend.flowing.values():
                event.set()
        self._server = await asyncio.start_server(self._accept, self.host, self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _shutdown(self) -> None:
        if self._server is not None:
            self._server.close()
        for backend in self._backends:
            for link in list(backend.links):
                link.close()

    def _call(self, make: Callable[[], Any]) -> Any:
        """Run ``make()`` (a coroutine function or a plain one) on the proxy's loop; its result."""
        assert self._loop is not None, "the proxy is not running"

        async def run() -> Any:
            result = make()
            return await result if asyncio.iscoroutine(result) else result

        future: Future[Any] = asyncio.run_coroutine_threadsafe(run(), self._loop)
        return future.result(timeout=10)

    # --- steering ------------------------------------------------------------------------

    def prefer(self, index: int) -> None:
        """New connections try backend ``index`` first (policy "first")."""
        self._call(lambda: setattr(self, "_preferred", index))

    def drop(self, index: int) -> None:
        """Backend ``index`` takes no new connections; its open connections are cut."""
        def drop() -> None:
            backend = self._backends[index]
            backend.dropped = True
            for link in list(backend.links):
                link.close()
        self._call(drop)

    def restore(self, index: int) -> None:
        """Backend ``index`` takes new connections again."""
        self._call(lambda: setattr(self._backends[index], "dropped", False))

    def hold(self, index: int, direction: Direction = "down") -> None:
        """Keep the bytes of backend ``index``'s connections in ``direction`` until released."""
        self._call(lambda: self._backends[index].flowing[direction].clear())

    def release(self, index: int) -> None:
        """Let held bytes of backend ``index`` flow again, both directions."""
        def release() -> None:
            for event in self._backends[index].flowing.values():
                event.set()
        self._call(release)

    @contextmanager
    def holding(self, index: int, direction: Direction = "down") -> Iterator[None]:
        """``hold`` for the block, ``release`` after it."""
        self.hold(index, direction)
        try:
            yield
        finally:
            if self._loop is not None:
                self.release(index)

    # --- faults on every connection --------------------------------------------------------

    def cut_all(self) -> None:
        """The network goes down: every open connection is reset, new ones are refused."""
        def cut() -> None:
            self._cut = True
            self._reset_links()
        self._call(cut)

    def reset_all(self) -> None:
        """Reset every open connection (the clients see a broken socket); new ones work."""
        self._call(self._reset_links)

    def stall_all(self) -> None:
        """Stop passing bytes both ways on every connection, open or new."""
        def stall() -> None:
            for backend in self._backends:
                for event in backend.flowing.values():
                    event.clear()
        self._call(stall)

    def restore_all(self) -> None:
        """End every fault: connections taken again, held bytes flow, dropped backends back."""
        def restore() -> None:
            self._cut = False
            for backend in self._backends:
                backend.dropped = False
                for event in backend.flowing.values():
                    event.set()
        self._call(restore)

    def _reset_links(self) -> None:
        for backend in self._backends:
            for link in list(backend.links):
                link.close()

    def connections(self) -> int:
        """How many client connections are piped right now, to any backend."""
        return int(self._call(lambda: sum(len(b.links) for b in self._backends)))

    def active(self, index: int) -> int:
        """How many client connections are piped to backend ``index`` right now."""
        return int(self._call(lambda: len(self._backends[index].links)))

    # --- piping --------------------------------------------------------------------------

    def _candidates(self) -> list[int]:
        count = len(self._backends)
        start = next(self._turn) % count if self.policy == "round_robin" else self._preferred
        return [(start + n) % count for n in range(count)]

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self._cut:
            self.accepted.append(None)
            writer.transport.abort()  # the network is down: nothing gets through
            return
        for index in self._candidates():
            backend = self._backends[index]
            if backend.dropped:
                continue
            try:
                up_reader, up_writer = await asyncio.wait_for(
                    asyncio.open_connection(backend.host, backend.port), self.connect_timeout)
            except (OSError, TimeoutError):
                continue  # a dead backend refuses: try the next live one
            self.accepted.append(index)
            link = _Link(writer, up_writer, index)
            link.tasks = [asyncio.ensure_future(_pipe(reader, up_writer, backend.flowing["up"], link)),
                          asyncio.ensure_future(_pipe(up_reader, writer, backend.flowing["down"], link))]
            backend.links.add(link)
            try:
                await asyncio.gather(*link.tasks, return_exceptions=True)
            finally:
                backend.links.discard(link)
                for side in (writer, up_writer):
                    side.close()  # graceful: whatever was written still goes out
            return
        self.accepted.append(None)
        writer.transport.abort()  # no backend alive: the client sees a refused connection


async def _pipe(source: asyncio.StreamReader, target: asyncio.StreamWriter, flowing: asyncio.Event,
                link: _Link) -> None:
    """Copy bytes from ``source`` to ``target`` in order, waiting while ``flowing`` is clear.

    A clean end half-closes the target (the other direction goes on, as TCP allows); a
    broken one, or an end while bytes are held, cuts the whole link: held bytes are lost,
    as they would be with a backend that died before they left it.
    """
    held: asyncio.Queue[bytes | None] = asyncio.Queue()

    async def read() -> None:
        try:
            while data := await source.read(CHUNK):
                held.put_nowait(data)
        except OSError:
            link.close()
        if not flowing.is_set():
            link.close()
        held.put_nowait(None)

    reading = asyncio.ensure_future(read())
    try:
        while (data := await held.get()) is not None:
            await flowing.wait()
            target.write(data)
            await target.drain()
        if target.can_write_eof():
            target.write_eof()
    except (OSError, RuntimeError):
        link.close()
    finally:
        reading.cancel()
