"""Uploading and downloading documents over HTTP in end-to-end tests, and a server with
options of its own (a small upload limit, a short inspection CPU limit)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from typing import Any

from tests.support.server_process import ServerProcess

TIMEOUT = 30.0


@dataclass
class TunedServer(ServerProcess):
    """A ServerProcess whose ``serve`` gets extra options."""

    serve_options: list[str] = field(default_factory=list)

    def _cli(self, *args: str) -> list[str]:
        command = super()._cli(*args)
        return command + self.serve_options if args and args[0] == "serve" else command

    @property
    def blob_dir(self) -> Any:
        return self.data_dir / "blobs"


def multipart(fields: dict[str, str], filename: str | None, content: bytes,
              content_type: str = "application/octet-stream") -> tuple[bytes, str]:
    """A multipart/form-data body (text fields first, then ``file`` unless ``filename`` is
    None) and its content type."""
    boundary = uuid.uuid4().hex
    body = bytearray()
    for name, value in fields.items():
        body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                 ).encode()
    if filename is not None:
        body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\n"
                 f"Content-Type: {content_type}\r\n\r\n").encode() + content + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return bytes(body), f"multipart/form-data; boundary={boundary}"


def upload(server: ServerProcess, token: str | None, meeting_id: int, content: bytes,
           filename: str = "tai-lieu.pdf", **fields: Any) -> tuple[int, dict[str, Any]]:
    """POST the file and fields; the status and the JSON answer."""
    text = {name: (",".join(map(str, value)) if isinstance(value, list) else str(value).lower()
                   if isinstance(value, bool) else str(value)) for name, value in fields.items()}
    body, content_type = multipart(text, filename, content)
    return post_form(server, token, meeting_id, body, content_type)


def post_form(server: ServerProcess, token: str | None, meeting_id: int, body: bytes,
              content_type: str) -> tuple[int, dict[str, Any]]:
    headers = {"Content-Type": content_type}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(f"{server.url}/api/meetings/{meeting_id}/documents", data=body,
                                     method="POST", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


@dataclass
class Download:
    status: int
    headers: dict[str, str]
    """Names in lower case."""
    body: bytes

    def error(self) -> dict[str, Any]:
        return dict(json.loads(self.body)["error"])


def download(server: ServerProcess, token: str | None, document_id: int, version: int | None = None,
             **headers: str) -> Download:
    """GET the content; header names with ``_`` for ``-`` (``If_None_Match``)."""
    url = f"{server.url}/api/documents/{document_id}/content"
    if version is not None:
        url += f"?version={version}"
    sent = {name.replace("_", "-"): value for name, value in headers.items()}
    if token:
        sent["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, headers=sent)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:
            return Download(answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read())
    except urllib.error.HTTPError as error:
        return Download(error.code, {k.lower(): v for k, v in error.headers.items()}, error.read())
