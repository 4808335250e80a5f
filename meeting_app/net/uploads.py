"""Uploading a document: ``POST /api/meetings/{id}/documents`` as multipart, with progress.

``upload_document`` is blocking (it streams the file in chunks, so a 100 MB file is never
held in memory); ``UploadTask`` runs it on a thread of its own and reports with Qt signals.
The server's refusal (400, 413, 415, 422, 403 ...) comes back as its own message.
"""

from __future__ import annotations

import http.client
import json
import mimetypes
import threading
import urllib.parse
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

import meeting_app.net.tls as tls
from meeting_app.net.downloads import emit
from meeting_app.net.server_messages import translate_server_message

UPLOAD_SUFFIXES = (".pdf", ".docx", ".doc", ".odt", ".xlsx", ".pptx", ".ods", ".odp", ".xls", ".ppt", ".rtf")
"""What the server takes: PDF, and Office files it converts."""
CHUNK = 256 * 1024


translate = QCoreApplication.translate
"""``translate(context, text)``: the form the translation tools find."""



class UploadError(Exception):
    """A refused or failed upload: HTTP ``status`` (0 when no answer), ``code``, ``message``."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@dataclass(frozen=True)
class UploadRequest:
    """What to upload and how; see docs/protocol.md "Uploading"."""

    meeting_id: int
    path: Path
    title: str = ""
    agenda_item_id: int | None = None
    access: str | list[int] = "all"
    """``"all"``, or the user ids of a restricted document."""
    released: bool = True
    replaces: int | None = None
    """A document id: the file becomes that document's next version."""

    def fields(self) -> list[tuple[str, str]]:
        """The form fields besides the file."""
        fields: list[tuple[str, str]] = []
        if self.title:
            fields.append(("title", self.title))
        if self.agenda_item_id is not None:
            fields.append(("agenda_item_id", str(self.agenda_item_id)))
        if self.replaces is None or self.access != "all":
            access = self.access if isinstance(self.access, str) else ",".join(map(str, self.access))
            fields.append(("access", access))
        if self.replaces is None:
            fields.append(("released", "true" if self.released else "false"))
        else:
            fields.append(("replaces", str(self.replaces)))
        return fields


def _quote(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', "%22").replace("\r", " ").replace("\n", " ")


def _parts(request: UploadRequest, boundary: str) -> tuple[bytes, bytes]:
    """The multipart bytes before and after the file's content."""
    head = b""
    for name, value in request.fields():
        head += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n"
                 ).encode() + value.encode("utf-8") + b"\r\n"
    filename = request.path.name
    kind = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    head += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
             f"filename=\"{_quote(filename)}\"; filename*=UTF-8''{urllib.parse.quote(filename)}"
             f"\r\nContent-Type: {kind}\r\n\r\n").encode()
    return head, f"\r\n--{boundary}--\r\n".encode()


def upload_document(server_url: str, token: str, request: UploadRequest,
                    progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None,
                    timeout: float = 300.0) -> dict[str, Any]:
    """Upload; blocking. Returns the server's ``document``; raises ``UploadError``.

    ``progress(sent, total)`` is called from this thread as file bytes go out;
    ``cancelled()`` is polled between chunks.
    """
    try:
        size = request.path.stat().st_size
        source = request.path.open("rb")
    except OSError as error:
        raise UploadError(0, "file", f"The file cannot be read: {error.strerror or error}") from None
    boundary = "meeting-" + uuid.uuid4().hex
    head, tail = _parts(request, boundary)
    url = urllib.parse.urlsplit(server_url)
    try:
        connection = (http.client.HTTPSConnection(url.hostname or "", url.port, timeout=timeout,
                                                  context=tls.ssl_context())
                      if url.scheme == "https" else
                      http.client.HTTPConnection(url.hostname or "", url.port, timeout=timeout))
    except tls.CaFileError as error:
        source.close()
        raise UploadError(0, "certificate", str(error)) from None
    try:
        connection.putrequest("POST", f"/api/meetings/{request.meeting_id}/documents")
        connection.putheader("Authorization", f"Bearer {token}")
        connection.putheader("Accept", "application/json")
        connection.putheader("Content-Type", f"multipart/form-data; boundary={boundary}")
        connection.putheader("Content-Length", str(len(head) + size + len(tail)))
        connection.endheaders()
        try:
            connection.send(head)
            _send_file(connection, source, size, progress, cancelled)
            connection.send(tail)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server refused early (too large ...): its answer says why
        answer = connection.getresponse()
        status, body = answer.status, answer.read()
    except UploadError:
        raise
    except (OSError, http.client.HTTPException) as error:
        if problem := tls.certificate_problem(error):
            raise UploadError(0, "certificate", tls.describe_certificate_problem(problem, server_url)) \
                from None
        raise UploadError(0, "offline", f"The upload failed: the server could not be reached "
                                        f"({error}).") from None
    finally:
        source.close()
        connection.close()
    return _answer(status, body)


def _send_file(connection: http.client.HTTPConnection, source: Any, size: int,
               progress: Callable[[int, int], None] | None,
               cancelled: Callable[[], bool] | None) -> None:
    sent = 0
    for block in iter(lambda: source.read(CHUNK), b""):
        if cancelled is not None and cancelled():
            raise UploadError(0, "cancelled", "The upload was cancelled.")
        connection.send(block)
        sent += len(block)
        if progress is not None:
            progress(sent, size)


def _answer(status: int, body: bytes) -> dict[str, Any]:
    try:
        data = json.loads(body) if body else {}
    except ValueError:
        data = {}
    if status in (200, 201) and isinstance(data, dict) and isinstance(data.get("document"), dict):
        # "repaired": the file was damaged but whole, and the server stores its repaired copy.
        document = dict(data["document"])
        if data.get("repaired"):
            document["repaired"] = True
        return document
    error = data.get("error") if isinstance(data, dict) else None
    if isinstance(error, dict) and error.get("message"):
        code = str(error.get("code", ""))
        raise UploadError(status, code, translate_server_message(str(error["message"]), code))
    plain = {413: translate("net", "The file is too large for the server."),
             415: translate("net", "The server does not take this kind of file."),
             422: translate("net", "The server could not use this file."),
             403: translate("net", "You may not upload documents to this meeting.")}
    raise UploadError(status, "http", plain.get(status,
                                                translate("net", "The upload failed (HTTP {status}).").format(
        status=status)))


class UploadTask(QObject):
    """One upload on its own thread. Signals arrive on the GUI thread (queued)."""

    progress = Signal(int, int)
    """(bytes sent, total bytes)."""
    succeeded = Signal(object)
    """The server's document (a dict)."""
    failed = Signal(str)
    """The message to show (the server's own words for a refusal)."""

    def __init__(self, server_url: str, token: str, request: UploadRequest,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server_url, self.token, self.request = server_url, token, request
        self.error: UploadError | None = None
        self.document: dict[str, Any] | None = None
        self.done = False
        self._cancel = False
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Begin uploading (once)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="meeting-upload", daemon=True)
            self._thread.start()

    def cancel(self) -> None:
        """Stop sending at the next chunk (the server then stores nothing)."""
        self._cancel = True

    def _run(self) -> None:
        last = [0]

        def report(sent: int, total: int) -> None:
            if sent == total or sent - last[0] >= total // 100:  # at most ~100 signals
                last[0] = sent
                emit(self.progress, sent, total)

        try:
            self.document = upload_document(self.server_url, self.token, self.request,
                                            report, lambda: self._cancel)
        except UploadError as error:
            self.error, self.done = error, True
            emit(self.failed, error.message)
        else:
            self.done = True
            emit(self.succeeded, self.document)


def accepted_files(paths: Iterable[str | Path]) -> list[Path]:
    """The paths that are files of a kind the server takes."""
    return [Path(p) for p in paths if Path(p).suffix.lower() in UPLOAD_SUFFIXES and Path(p).is_file()]
