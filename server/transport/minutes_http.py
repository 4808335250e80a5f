"""The minutes' download routes: ``GET /api/meetings/{id}/minutes.pdf|.docx[?version=N|?draft=1]``,
and the notice of conclusions published with them, ``GET /api/meetings/{id}/conclusions.pdf|.docx`` (the
same queries).

A published version is served from the blob store (the same bytes forever); the draft is
gathered in a worker thread and rendered on the rendering thread, never on the event loop.
"""

from __future__ import annotations

import urllib.parse
from functools import partial

from aiohttp import hdrs, web

from protocol.commands import MAX_ID
from protocol.errors import invalid
from server.domain import accounts
from server.domain.minutes import files
from server.minutes.content import MinutesContent
from server.minutes.notice import notice_docx
from server.minutes.render import render_notice_pdf, render_pdf
from server.minutes.word import minutes_docx
from server.transport.blob_http import blob_answer
from server.transport.http import SERVICES, bearer_token, path_id
from server.transport.minutes_prepare import gather_now

TYPES = {"pdf": "application/pdf",
         "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def _number(request: web.Request, name: str) -> int | None:
    text = request.query.get(name)
    if text is None:
        return None
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= MAX_ID:
        raise invalid(f"{name}: a positive number")
    return int(text)


NAMES = {"minutes": "bien-ban-hop", "conclusions": "thong-bao-ket-luan"}


def _render(which: str, kind: str, content: MinutesContent) -> bytes:
    """A document rendered now (the rendering thread runs it)."""
    if which == "minutes":
        return render_pdf(content)[0] if kind == "pdf" else minutes_docx(content)
    return render_notice_pdf(content)[0] if kind == "pdf" else notice_docx(content)


async def _serve(request: web.Request, which: str) -> web.StreamResponse:
    services = request.app[SERVICES]
    meeting_id, kind = path_id(request, "meeting_id"), request.match_info["kind"]
    version = _number(request, "version")
    draft = request.query.get("draft") in ("1", "true")
    if draft and version is not None:
        raise invalid("Ask for a version or for the draft, not both")
    token = bearer_token(request)

    def stored(found: files.MinutesFile) -> str | None:
        if which == "minutes":
            return found.pdf_sha256 if kind == "pdf" else found.docx_sha256
        return found.notice_pdf_sha256 if kind == "pdf" else found.notice_docx_sha256

    def find() -> tuple[files.MinutesFile, MinutesContent | None]:
        with services.db.read() as session:
            actor = accounts.authenticate(session, token, services.settings.auth)[0]
            found = files.readable_file(session, actor, meeting_id, version, draft)
            # The draft; or a notice of minutes published before it was a document of its own.
            now = found.draft or stored(found) is None
            return found, gather_now(services, meeting_id, session) if now else None

    found, content = await services.in_thread(find)
    name = NAMES[which]
    if content is not None:  # rendered now: never cached
        body = await services.rendering(partial(_render, which, kind, content))
        suffix = "du-thao" if found.draft else f"ban-{found.version}"
        return web.Response(body=body, headers={
            hdrs.CONTENT_TYPE: TYPES[kind], hdrs.CACHE_CONTROL: "no-store",
            hdrs.CONTENT_DISPOSITION: f"inline; filename={name}-{meeting_id}-{suffix}.{kind}"})
    sha256 = stored(found)
    assert sha256 is not None
    filename = urllib.parse.quote(f"{name}-{meeting_id}-ban-{found.version}.{kind}")
    return blob_answer(request, services.blobs.path(sha256), sha256, {
        hdrs.CONTENT_TYPE: TYPES[kind],
        # A numbered version never changes; "the newest" does when a correction is published.
        hdrs.CACHE_CONTROL: "private, max-age=31536000, immutable" if version else "private, no-cache",
        hdrs.CONTENT_DISPOSITION: f"inline; filename*=UTF-8''{filename}"})


async def minutes_file(request: web.Request) -> web.StreamResponse:
    """``GET /api/meetings/{meeting_id}/minutes.{pdf|docx}``: the minutes (BIÊN BẢN HỌP)."""
    return await _serve(request, "minutes")


async def conclusions_file(request: web.Request) -> web.StreamResponse:
    """``GET /api/meetings/{meeting_id}/conclusions.{pdf|docx}``: the notice of conclusions
    (THÔNG BÁO KẾT LUẬN) published with the minutes, with the same rights and versions."""
    return await _serve(request, "conclusions")


def register(app: web.Application) -> None:
    """Add the minutes routes."""
    app.router.add_get(r"/api/meetings/{meeting_id:\d+}/minutes.{kind:pdf|docx}", minutes_file)
    app.router.add_get(r"/api/meetings/{meeting_id:\d+}/conclusions.{kind:pdf|docx}", conclusions_file)
