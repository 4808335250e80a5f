"""A loopback TCP listener that records every connection and answers as a web server would.

Hostile documents point their links at it: a converter that follows them connects here
(recorded, with the request's first line), and gets an SVG image whose text is a unique
marker, so content fetched from outside shows up in the PDF as well.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager


def marker_svg(marker: str) -> bytes:
    """An SVG image whose only content is ``marker`` as text (LibreOffice keeps it as text)."""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="60">'
            f'<text x="10" y="40" font-size="24">{marker}</text></svg>').encode()


class Listener:
    """Accepts on 127.0.0.1 (a free port); ``requests`` are the first lines received."""

    def __init__(self, marker: str) -> None:
        self.marker = marker
        self.requests: list[str] = []
        self._socket = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._socket.getsockname()[1])
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def url(self, path: str = "/image.svg") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._socket.accept()
            except OSError:
                return  # closed
            with connection:
                connection.settimeout(5)
                try:
                    head = connection.recv(4096)
                except OSError:
                    head = b""
                self.requests.append(head.split(b"\r\n", 1)[0].decode(errors="replace") or "(connected)")
                body = marker_svg(self.marker)
                connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: image/svg+xml\r\nConnection: close\r\n"
                                   + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)

    def close(self) -> None:
        self._socket.close()


@contextmanager
def listening(marker: str) -> Iterator[Listener]:
    listener = Listener(marker)
    listener._thread.start()
    try:
        yield listener
    finally:
        listener.close()
