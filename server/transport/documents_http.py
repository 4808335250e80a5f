"""HTTP routes of documents: the upload (multipart, streamed) and the download (ranges, ETag).

Upload: who may upload is checked before a byte of the file is read; the file streams to
a temporary file in the blob store (hashed on the way, cut off past the size limit); the
form is checked; the file is sniffed, converted, inspected and stored (``Intake``); then
one transaction through the pipeline adds the document and logs its event.

Download: ``blob_http.blob_answer`` (sendfile, one ``Range`` -> 206, ETag = the sha256, 304).
"""

from __future__ import annotations

import asyncio
import urllib.parse
from typing import Any

from aiohttp import BodyPartReader, MultipartReader, hdrs, web
from aiohttp.http_exceptions import HttpProcessingError
from pydantic import ValidationError

from protocol.commands import MAX_ID
from protocol.errors import invalid
from protocol.http import DocumentUploadFields
from protocol.roles import MeetingRole
from server.documents.filetypes import safe_filename
from server.documents.refusals import FileRefused, is_storage_full, storage_full, too_large
from server.domain import accounts, audit
from server.domain.context import Actor, CommandContext
from server.domain.documents import upload as uploads
from server.domain.documents.changes import readable_version
from server.domain.permissions import access, resolve
from server.persistence.blobs import HashingWriter, SizeLimitExceeded, WrittenFile
from server.persistence.models import Document
from server.transport.blob_http import blob_answer
from server.transport.decoding import describe_validation_error
from server.transport.http import SERVICES, bearer_token, path_id
from server.transport.pipeline import CommandPipeline
from server.transport.services import Services

PIPELINE = web.AppKey("pipeline", CommandPipeline)
UPLOADERS = access(MeetingRole.CHAIR, MeetingRole.SECRETARY)  # and admins, as always
FIELD_LIMIT = 64 * 1024
"""The largest text field of the upload form."""
FORM_SLACK = 1024 * 1024
"""What the form's other parts may add to the file's size in Content-Length."""
FLUSH_BYTES = 1024 * 1024
"""The upload is written to disk (in a worker thread) in pieces of about this size."""


async def authenticate(services: Services, request: web.Request) -> Actor:
    token = bearer_token(request)

    def check() -> Actor:
        with services.db.read() as session:
            return accounts.authenticate(session, token, services.settings.auth)[0]

    return await services.in_thread(check)


def _precheck(services: Services, actor: Actor, meeting_id: int,
              form: uploads.UploadForm | None) -> None:
    """Refuse early: a caller who may not upload here, or a form that cannot succeed."""
    with services.db.read() as session:
        ctx = CommandContext(session, actor)
        resolve(ctx, UPLOADERS, meeting_id)
        if form is None:
            uploads.editable(ctx)
        else:
            uploads.check(ctx, form)


async def _receive_file(part: BodyPartReader, writer: HashingWriter) -> WrittenFile:
    """Stream one part to ``writer``, off the loop; 413 past its limit."""
    pending: list[bytes] = []
    buffered = 0
    try:
        while chunk := await part.read_chunk(256 * 1024):
            pending.append(chunk)
            buffered += len(chunk)
            if buffered >= FLUSH_BYTES:
                await asyncio.to_thread(writer.write, b"".join(pending))
                pending, buffered = [], 0
        await asyncio.to_thread(writer.write, b"".join(pending))
        return await asyncio.to_thread(writer.finish)
    except SizeLimitExceeded:
        raise too_large(writer.limit or 0) from None


async def _read_text(part: BodyPartReader) -> str:
    data = bytearray()
    while chunk := await part.read_chunk(8192):
        data += chunk
        if len(data) > FIELD_LIMIT:
            raise invalid(f"{part.name}: longer than {FIELD_LIMIT // 1024} KB")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise invalid(f"{part.name}: not UTF-8 text") from None


async def _read_form(request: web.Request, services: Services,
                     writer: HashingWriter) -> tuple[dict[str, str], WrittenFile, str]:
    """The text fields, the file (finished in the store's temporary directory) and its name."""
    if request.content_type != "multipart/form-data":
        raise invalid("The upload is a multipart/form-data form with a file field")
    try:
        reader = await request.multipart()
    except (ValueError, AssertionError) as error:
        raise invalid(f"Malformed multipart form: {error}") from None
    try:
        return await _read_parts(reader, writer)
    except ValueError as error:  # aiohttp's word for a broken multipart body
        raise invalid(f"Malformed multipart form: {error}") from None
    except HttpProcessingError:  # a part's header with a CR or NUL in it (a file name)
        raise invalid("Malformed multipart form: a part's header holds a control character "
                      "(a line break or NUL in the file name?)") from None


async def _read_parts(reader: MultipartReader,
                      writer: HashingWriter) -> tuple[dict[str, str], WrittenFile, str]:
    fields: dict[str, str] = {}
    written: WrittenFile | None = None
    filename = ""
    while (part := await reader.next()) is not None:
        if not isinstance(part, BodyPartReader) or not part.name:
            raise invalid("Malformed multipart form: every part needs a name")
        if part.name in fields or (part.name == "file" and written is not None):
            raise invalid(f"{part.name}: given twice")
        if part.name == "file":
            filename = safe_filename(part.filename)
            written = await _receive_file(part, writer)
        else:
            fields[part.name] = await _read_text(part)
    if written is None:
        raise invalid("file: the form has no file")
    return fields, written, filename


def _form(fields: dict[str, str]) -> uploads.UploadForm:
    try:
        parsed = DocumentUploadFields.model_validate(fields)
    except ValidationError as error:
        raise invalid(describe_validation_error(error)) from None
    return uploads.UploadForm(parsed.title, parsed.agenda_item_id, parsed.access, parsed.released,
                              parsed.replaces)


async def upload(request: web.Request) -> web.Response:
    """``POST /api/meetings/{meeting_id}/documents``."""
    services, pipeline = request.app[SERVICES], request.app[PIPELINE]
    policy = services.settings.documents
    meeting_id = path_id(request, "meeting_id")
    actor = await authenticate(services, request)
    await services.in_thread(lambda: _precheck(services, actor, meeting_id, None))
    if request.content_length is not None and request.content_length > policy.max_upload_bytes + FORM_SLACK:
        raise too_large(policy.max_upload_bytes)
    try:
        writer = await asyncio.to_thread(services.blobs.writer, policy.max_upload_bytes)
        try:
            fields, written, filename = await _read_form(request, services, writer)
            form = _form(fields)
            await services.in_thread(lambda: _precheck(services, actor, meeting_id, form))
        except BaseException:
            await asyncio.to_thread(writer.discard)  # no partial file stays behind
            raise
        stored = await services.intake.accept(written, filename)  # removes its files on failure
    except OSError as error:
        if is_storage_full(error):
            raise storage_full() from None
        raise
    new = uploads.NewVersion(stored.sha256, stored.size, stored.pages, stored.filename,
                             stored.page_info or None, stored.page_texts)
    data = await pipeline.perform(actor, meeting_id, UPLOADERS, lambda ctx: uploads.add(ctx, form, new))
    if stored.repaired:  # said so: the stored file is the server's repair of the upload
        data = {**data, "repaired": True}
    return web.json_response(data, status=201)


async def content(request: web.Request) -> web.StreamResponse:
    """``GET /api/documents/{document_id}/content[?version=N]``."""
    services = request.app[SERVICES]
    document_id = path_id(request, "document_id")
    version_text = request.query.get("version")
    if version_text is not None and not (version_text.isascii() and version_text.isdigit()
                                         and int(version_text) <= MAX_ID):
        raise invalid("version: a version number")
    version = int(version_text) if version_text is not None else None
    token = bearer_token(request)

    opening = audit.is_first_request(request.headers.get(hdrs.RANGE))

    def find() -> tuple[str, str]:
        # One trip to a worker thread for the token and the right to read: a hundred
        # delegates open the same document at once when the chair presents it.
        with services.db.read() as session:
            actor = accounts.authenticate(session, token, services.settings.auth)[0]
            found = readable_version(session, actor, document_id, version)
            meeting_id = session.get(Document, document_id).meeting_id  # type: ignore[union-attr]
        if opening:  # the audit trail: who opened which version (once per window)
            with services.db.write() as session:
                audit.record_open(session, actor.user_id, meeting_id, document_id, found.version)
        return found.sha256, found.filename

    sha256, filename = await services.in_thread(find)
    return blob_answer(request, services.blobs.path(sha256), sha256, {
        hdrs.CONTENT_TYPE: "application/pdf",
        hdrs.CACHE_CONTROL: "private, max-age=31536000, immutable",
        # A browser must take it as the PDF it is, never sniff it into HTML and run it.
        "X-Content-Type-Options": "nosniff",
        hdrs.CONTENT_DISPOSITION: content_disposition(filename)})


def content_disposition(filename: str) -> str:
    """``inline`` with the stored name, RFC 6266/5987-encoded (no CR, LF or quote can reach
    the header), and a plain ASCII ``filename`` for clients that do not read ``filename*``."""
    fallback = "".join(ch if ch.isascii() and ch.isprintable() and ch not in '"\\;' else "_"
                       for ch in filename) or "document.pdf"
    return f"inline; filename=\"{fallback}\"; filename*=UTF-8''{urllib.parse.quote(filename, safe='')}"


async def refusals_as_json(request: web.Request, handler: Any) -> web.StreamResponse:
    """A refused file answers its own status (413, 415, 422) in the protocol's error body."""
    try:
        return await handler(request)
    except FileRefused as refusal:
        return error_response_for(refusal)


def error_response_for(refusal: FileRefused) -> web.Response:
    return web.json_response({"error": {"code": refusal.code, "message": refusal.message}},
                             status=refusal.status)


def register(app: web.Application, pipeline: CommandPipeline) -> None:
    """Add the document routes."""
    app[PIPELINE] = pipeline
    app.middlewares.append(web.middleware(refusals_as_json))
    app.router.add_post(r"/api/meetings/{meeting_id:\d+}/documents", upload)
    app.router.add_get(r"/api/documents/{document_id:\d+}/content", content)

