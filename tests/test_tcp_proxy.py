"""The failover tests' TCP proxy: routing to live backends, cutting, holding bytes."""

from __future__ import annotations

import socket
import socketserver
import threading
from collections.abc import Iterator

import pytest

from tests.support.server_process import free_port, wait_until
from tests.support.tcp_proxy import TcpProxy


class _Echo(socketserver.BaseRequestHandler):
    """Answers every chunk with the server's name and the chunk."""

    def handle(self) -> None:
        while data := self.request.recv(1024):
            self.request.sendall(self.server.name + b":" + data)  # type: ignore[attr-defined]


def _echo_server(name: bytes) -> socketserver.ThreadingTCPServer:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Echo)
    server.daemon_threads = True
    server.name = name  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def backends() -> Iterator[list[socketserver.ThreadingTCPServer]]:
    servers = [_echo_server(b"a"), _echo_server(b"b")]
    yield servers
    for server in servers:
        server.shutdown()
        server.server_close()


def _talk(proxy: TcpProxy) -> socket.socket:
    return socket.create_connection((proxy.host, proxy.port), timeout=5)


def _ask(connection: socket.socket, text: bytes) -> bytes:
    connection.sendall(text)
    return connection.recv(1024)


def test_routing_falls_through_to_a_live_backend(backends: list[socketserver.ThreadingTCPServer]) -> None:
    dead = ("127.0.0.1", free_port())  # nobody listens: refused
    ports = [("127.0.0.1", s.server_address[1]) for s in backends]
    with TcpProxy([dead, *ports]) as proxy:
        with _talk(proxy) as first:
            assert _ask(first, b"xin chao") == b"a:xin chao"
        proxy.prefer(2)
        with _talk(proxy) as second:
            assert _ask(second, b"1") == b"b:1"
        assert proxy.accepted == [1, 2]
    with TcpProxy(ports, policy="round_robin") as proxy:
        answers = []
        for n in range(4):
            with _talk(proxy) as connection:
                answers.append(_ask(connection, str(n).encode())[:1])
        assert answers == [b"a", b"b", b"a", b"b"]


Backends = list[socketserver.ThreadingTCPServer]


def test_drop_cuts_open_connections_and_hold_keeps_bytes(backends: Backends) -> None:
    with TcpProxy([("127.0.0.1", s.server_address[1]) for s in backends]) as proxy:
        connection = _talk(proxy)
        assert _ask(connection, b"1") == b"a:1"
        proxy.hold(0, "down")
        connection.sendall(b"2")
        connection.settimeout(0.3)
        with pytest.raises(TimeoutError):
            connection.recv(1024)  # the answer waits in the proxy
        proxy.release(0)
        connection.settimeout(5)
        assert connection.recv(1024) == b"a:2"
        proxy.drop(0)
        try:
            cut = connection.recv(1024)
        except ConnectionResetError:
            cut = b""
        assert cut == b""  # cut: a reset (or an end), never more bytes
        wait_until(lambda: proxy.active(0) == 0, 5)
        with _talk(proxy) as again:  # new connections skip the dropped backend
            assert _ask(again, b"3") == b"b:3"
        connection.close()


def _is_cut(connection: socket.socket) -> bool:
    """The connection was reset or ended by the proxy (no more bytes ever)."""
    try:
        return connection.recv(1024) == b""
    except (ConnectionResetError, BrokenPipeError):
        return True


def test_network_faults_on_every_connection(backends: Backends) -> None:
    with TcpProxy([("127.0.0.1", s.server_address[1]) for s in backends]) as proxy:
        first = _talk(proxy)
        assert _ask(first, b"1") == b"a:1"
        proxy.stall_all()  # a frozen link: no error, no bytes, either way
        first.sendall(b"2")
        first.settimeout(0.3)
        with pytest.raises(TimeoutError):
            first.recv(1024)
        proxy.restore_all()
        first.settimeout(5)
        assert first.recv(1024) == b"a:2"  # held, not lost

        proxy.reset_all()  # open connections broken, new ones fine
        assert _is_cut(first)
        with _talk(proxy) as second:
            assert _ask(second, b"3") == b"a:3"

        third = _talk(proxy)
        proxy.cut_all()  # the network is down: open ones broken, new ones refused
        assert _is_cut(third)
        with _talk(proxy) as refused:
            assert _is_cut(refused)
        assert proxy.connections() == 0
        proxy.restore_all()
        with _talk(proxy) as back:
            assert _ask(back, b"4") == b"a:4"
        first.close()
        third.close()
