"""Rendering the minutes for ``minutes.publish``, before its transaction.

Gathering reads the database in a worker thread; rendering runs on the one rendering
thread (``Services.rendering``); storing writes the blob store in a worker thread: never
on the event loop.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from functools import partial

from protocol import commands as c
from server.domain.context import Actor, CommandContext
from server.domain.minutes.workflow import Prepared, StoredFile
from server.domain.permissions import Access, resolve
from server.minutes.content import MinutesContent, gather
from server.minutes.render import render
from server.persistence.audit_anchor import anchor_text, current_head, write_anchor
from server.persistence.models import utcnow
from server.transport.preparing import prepares
from server.transport.services import Services


def gather_now(services: Services, meeting_id: int, session: object) -> MinutesContent:
    """The minutes as they stand now, with this server's organisation and city."""
    settings = services.settings
    return gather(session, meeting_id, settings.organization, settings.city)  # type: ignore[arg-type]


@prepares(c.MinutesPublish)
async def prepare_publication(services: Services, actor: Actor, rule: Access,
                              payload: c.MeetingPayload) -> Prepared:
    """Check the caller may publish, gather the minutes, render both files, store them."""
    meeting_id = payload.meeting_id

    def gather_checked() -> MinutesContent:
        with services.db.read() as session:
            resolve(CommandContext(session, actor), rule, meeting_id)  # nothing is rendered for a refusal
            content = gather_now(services, meeting_id, session)
            head = current_head(session)
        # The head goes into the minutes and into an anchor file, outside the database. Written
        # now, even if the publication fails later: it is a point of the chain all the same.
        name = f"minutes-{meeting_id}-v{content.version}"
        write_anchor(services.settings.anchor_root, name, head, utcnow())
        # In capitals: the font joins a lowercase "ff" or "fi" into one glyph (a ligature),
        # and the printed hash must read and copy exactly (--expect-head takes either case).
        return replace(content, audit_anchor=anchor_text(head).upper())

    content = await services.in_thread(gather_checked)
    rendered = await services.rendering(partial(render, content))
    pdf = await asyncio.to_thread(services.blobs.put_bytes, rendered.pdf)
    docx = await asyncio.to_thread(services.blobs.put_bytes, rendered.docx)
    notice_pdf = await asyncio.to_thread(services.blobs.put_bytes, rendered.notice_pdf)
    notice_docx = await asyncio.to_thread(services.blobs.put_bytes, rendered.notice_docx)
    return Prepared(content=content, current=partial(gather_now, services, meeting_id),
                    version=content.version, pdf=StoredFile(pdf.sha256, pdf.size),
                    docx=StoredFile(docx.sha256, docx.size), pages=rendered.pages,
                    notice_pdf=StoredFile(notice_pdf.sha256, notice_pdf.size),
                    notice_docx=StoredFile(notice_docx.sha256, notice_docx.size),
                    notice_pages=rendered.notice_pages)
