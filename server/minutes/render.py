"""Render gathered minutes as PDF and DOCX bytes.

CPU work, and PyMuPDF is not thread-safe: the transport runs ``render`` on its one
rendering thread (``Services.renderer``), never on the event loop.
"""

from __future__ import annotations

from dataclasses import dataclass

from server.documents.layout import FONTS_DIR
from server.documents.pdf import html_to_pdf
from server.minutes.content import MinutesContent
from server.minutes.notice import notice_docx, notice_html
from server.minutes.pdf_html import FONT_FILES, MARGINS_MM, css, minutes_html
from server.minutes.word import minutes_docx


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int
    docx: bytes
    notice_pdf: bytes
    """The notice of conclusions, a document of its own (``notice.py``)."""
    notice_pages: int
    notice_docx: bytes


def render_pdf(content: MinutesContent) -> tuple[bytes, int]:
    """The minutes as a PDF; its bytes and page count."""
    metadata = {"title": f"Biên bản họp: {content.title}", "author": content.organization,
                "subject": f"Biên bản họp, bản số {content.version}"}
    return html_to_pdf(minutes_html(content), css(), FONTS_DIR, MARGINS_MM, metadata,
                       FONT_FILES[(False, False)])


def render(content: MinutesContent) -> Rendered:
    """The minutes and the notice of conclusions, each as PDF and DOCX."""
    pdf, pages = render_pdf(content)
    notice_pdf, notice_pages = render_notice_pdf(content)
    return Rendered(pdf, pages, minutes_docx(content), notice_pdf, notice_pages, notice_docx(content))


def render_notice_pdf(content: MinutesContent) -> tuple[bytes, int]:
    """The notice of conclusions (THÔNG BÁO KẾT LUẬN) as a PDF; its bytes and page count."""
    metadata = {"title": f"Thông báo kết luận: {content.title}", "author": content.organization,
                "subject": "Thông báo kết luận"}
    return html_to_pdf(notice_html(content), css(), FONTS_DIR, MARGINS_MM, metadata,
                       FONT_FILES[(False, False)])
