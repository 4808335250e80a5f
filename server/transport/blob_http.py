"""Serving a stored blob over HTTP: documents and published minutes alike.

aiohttp's FileResponse sends the file (sendfile) and answers one ``Range`` with a 206; the
conditional headers are ours, because a blob's ETag is its sha256, never the file's mtime:
``If-None-Match`` answers 304, an ``If-Range`` for other bytes gets the whole file, and a
request for several ranges gets the whole file too (200, which RFC 9110 allows) instead
of aiohttp's 416. Every answer says ``nosniff``: a browser must never run a stored file as
anything but what the server says it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from aiohttp import hdrs, web
from aiohttp.abc import AbstractStreamWriter
from multidict import CIMultiDict

CONDITIONAL = (hdrs.IF_MATCH, hdrs.IF_NONE_MATCH, hdrs.IF_MODIFIED_SINCE, hdrs.IF_UNMODIFIED_SINCE,
               hdrs.IF_RANGE)
NOSNIFF = {"X-Content-Type-Options": "nosniff"}


class BlobResponse(web.FileResponse):
    """A FileResponse whose ETag is the blob's sha256 whatever aiohttp computes from mtime,
    serving the request as ``view`` shows it (without the conditional headers we answered)."""

    def __init__(self, path: Any, sha256: str, view: web.BaseRequest, **kwargs: Any) -> None:
        super().__init__(path, **kwargs)
        self._sha256 = sha256
        self._view = view

    async def prepare(self, request: web.BaseRequest) -> AbstractStreamWriter | None:
        return await super().prepare(self._view)

    @property
    def etag(self) -> Any:
        return web.StreamResponse.etag.fget(self)  # type: ignore[attr-defined]

    @etag.setter
    def etag(self, _value: Any) -> None:
        web.StreamResponse.etag.fset(self, self._sha256)  # type: ignore[attr-defined]


def _etags(header: str | None) -> list[str]:
    return [tag.strip().removeprefix("W/").strip('"') for tag in (header or "").split(",") if tag.strip()]


def blob_answer(request: web.Request, path: Path, sha256: str,
                headers: Mapping[str, str]) -> web.StreamResponse:
    """The answer to ``request`` for the blob at ``path``: 304 when the client holds these
    bytes, else the file (whole, or the one range asked for) with ``headers``."""
    held = _etags(request.headers.get(hdrs.IF_NONE_MATCH))
    if sha256 in held or "*" in held:
        kept = {name: value for name, value in headers.items() if name == hdrs.CACHE_CONTROL}
        return web.Response(status=304, headers={hdrs.ETAG: f'"{sha256}"', **NOSNIFF, **kept})
    view = CIMultiDict((k, v) for k, v in request.headers.items() if k not in CONDITIONAL)
    if_range = request.headers.get(hdrs.IF_RANGE)
    wanted = request.headers.get(hdrs.RANGE, "")
    if (if_range is not None and if_range.strip().strip('"') != sha256) or "," in wanted:
        view.popall(hdrs.RANGE, None)  # other bytes held, or several ranges: all of these
    return BlobResponse(path, sha256, request.clone(headers=view), headers={**headers, **NOSNIFF})
