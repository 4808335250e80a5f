"""The server's one module that imports PyMuPDF: inspecting uploads, writing demo documents.

``inspect`` runs only inside the resource-limited inspecting process
(``inspect_worker``): it reads every page's text (keeping each page's size and text hash,
for annotations) and renders the first pages, so a file
built to exhaust a reader exhausts that process. ``write_document`` lays out a
``layout.Document`` (text in the bundled DejaVu fonts, so every Vietnamese letter is a real,
extractable glyph) for ``seed-demo``.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pymupdf

from protocol.annotations import page_text_hash
from server.documents import pdf_repair, pdf_streams
from server.documents.layout import A4, Block, Document, Heading, Paragraph, Table, font_path

RENDER_PAGES = 2
THUMBNAIL_SIDE = 200.0
"""The first pages are rendered this many pixels on their longer side: enough to decode
every image and run every drawing on them, cheap for an honest file."""


PAGE_TEXT_LIMIT = 20_000
"""Characters of a page's text kept for search."""


class PdfRefused(Exception):
    """The file is not a PDF this server accepts; the message says why."""


def inspect(path: Path, max_pages: int, max_side: float,
            max_inflated: int = 256 * 1024 * 1024, repaired_to: Path | None = None) -> dict[str, Any]:
    """Check a PDF all the way through; its facts, or PdfRefused.

    ``max_inflated``: bytes all streams but images may inflate to together (``pdf_streams``).
    A file MuPDF had to repair (and that is whole) is written out sound to ``repaired_to``;
    its facts then say ``repaired``.
    """
    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
    if path.stat().st_size == 0:
        raise PdfRefused("The file is empty (0 bytes)")
    try:
        doc = pymupdf.open(path, filetype="pdf")
    except (pymupdf.FileDataError, pymupdf.EmptyFileError):
        raise PdfRefused("The file is not a readable PDF") from None
    with doc:
        if doc.needs_pass and not doc.authenticate(""):  # an empty user password opens it
            raise PdfRefused("The PDF is protected by a password; upload it without the password")
        _check_inflation(doc, max_inflated)
        repaired = doc.is_repaired
        if repaired and pdf_repair.cut_off(path):
            raise PdfRefused("The PDF is incomplete (cut off); upload the whole file")
        count = _page_count(doc)
        if count < 0:  # the page tree loops or is broken: rebuilt from the page objects
            count, repaired = pdf_repair.rebuild_page_tree(doc), True
        if count == 0:
            raise PdfRefused("The PDF has no pages")
        if count > max_pages:
            raise PdfRefused(f"The PDF has {count} pages; at most {max_pages} are accepted")
        chars = 0
        page_info: list[list[Any]] = []  # [width, height, text hash]: annotations' page box and carry-over
        page_texts: list[str] = []  # kept for search (capped: a page is rarely longer)
        for number in range(count):
            page = doc.load_page(number)
            width, height = page.rect.width, page.rect.height
            if not (0 < width <= max_side and 0 < height <= max_side):
                raise PdfRefused(f"Page {number + 1} is {width:g} × {height:g} pt; pages up to "
                                 f"{max_side:g} pt a side are accepted")
            text = page.get_text("text")
            chars += len(text)
            page_info.append([round(width, 2), round(height, 2), page_text_hash(text)])
            page_texts.append(text[:PAGE_TEXT_LIMIT])
            if number < RENDER_PAGES:
                scale = THUMBNAIL_SIDE / max(width, height)
                page.get_pixmap(matrix=pymupdf.Matrix(scale, scale), alpha=False)
        title = (doc.metadata or {}).get("title") or None
        if repaired and repaired_to is not None:
            doc.save(str(repaired_to))  # what every reader gets: a sound file
        return {"pages": count, "title": title.strip() if title else None, "text_chars": chars,
                "page_info": page_info, "page_texts": page_texts, "repaired": repaired}


def _page_count(doc: pymupdf.Document) -> int:
    """The number of pages, or -1 when the page tree cannot be walked (it loops)."""
    try:
        count = doc.page_count
        if count:
            doc.load_page(count - 1)  # a loop shows when the tree is walked to its end
            doc.load_page(0)
        return int(count)
    except Exception as error:
        if pdf_repair.page_tree_error(error):
            return -1
        raise


def _check_inflation(doc: pymupdf.Document, budget: int) -> None:
    def streams() -> Iterator[tuple[bytes, list[str]]]:
        for xref in range(1, doc.xref_length()):
            if not doc.xref_is_stream(xref) or doc.xref_get_key(xref, "Subtype")[1] == "/Image":
                continue
            kind, value = doc.xref_get_key(xref, "Filter")
            if kind in ("name", "array"):
                yield doc.xref_stream_raw(xref) or b"", pdf_streams.filter_names(value)

    try:
        pdf_streams.check_budget(streams(), budget)
    except pdf_streams.InflationExceeded:
        raise PdfRefused(f"The PDF's content unpacks to more than {budget // (1024 * 1024)} MB: "
                         "a compression bomb, refused") from None


# ----------------------------------------------------------------------------- writing

MARGIN, TOP, BOTTOM = 64.0, 70.0, 70.0
LINE = 1.45


class _Writer:
    """Flows blocks down A4 pages, starting a new page when one is full."""

    def __init__(self, doc: pymupdf.Document) -> None:
        self.doc = doc
        self.regular = pymupdf.Font(fontfile=str(font_path(bold=False)))
        self.bold = pymupdf.Font(fontfile=str(font_path(bold=True)))
        self.page: pymupdf.Page | None = None
        self.writer: pymupdf.TextWriter | None = None
        self.y = 0.0
        self.toc: list[list[Any]] = []

    @property
    def width(self) -> float:
        return A4[0] - 2 * MARGIN

    def new_page(self) -> None:
        self.flush()
        self.page = self.doc.new_page(width=A4[0], height=A4[1])
        self.writer = pymupdf.TextWriter(self.page.rect)
        self.y = TOP

    def flush(self) -> None:
        if self.page is not None and self.writer is not None:
            self.writer.write_text(self.page)

    def room(self, height: float) -> None:
        if self.page is None or self.y + height > A4[1] - BOTTOM:
            self.new_page()

    def wrap(self, text: str, font: pymupdf.Font, size: float, width: float) -> list[str]:
        lines, line = [], ""
        for word in text.split():
            candidate = f"{line} {word}".strip()
            if line and font.text_length(candidate, fontsize=size) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        return [*lines, line] if line else lines

    def text(self, text: str, size: float, bold: bool = False, centre: bool = False,
             indent: float = 0.0) -> None:
        font = self.bold if bold else self.regular
        for line in self.wrap(text, font, size, self.width - indent):
            self.room(size * LINE)
            self.y += size * LINE
            x = MARGIN + indent
            if centre:
                x = (A4[0] - font.text_length(line, fontsize=size)) / 2
            assert self.writer is not None
            self.writer.append((x, self.y), line, font=font, fontsize=size)
        self.y += size * 0.6

    def table(self, table: Table) -> None:
        size = 9.5
        widths = [self.width * share for share in table.shares()]
        for row_number, row in enumerate(table.rows):
            bold = row_number == 0
            cells = [self.wrap(cell, self.bold if bold else self.regular, size, w - 8)
                     for cell, w in zip(row, widths, strict=True)]
            height = max(len(lines) for lines in cells) * size * LINE + 6
            self.room(height)
            assert self.page is not None and self.writer is not None
            x = MARGIN
            for lines, w in zip(cells, widths, strict=True):
                self.page.draw_rect(pymupdf.Rect(x, self.y, x + w, self.y + height), color=(0.3, 0.3, 0.3),
                                    fill=(0.9, 0.92, 0.95) if bold else None, width=0.5)
                for k, line in enumerate(lines):
                    self.writer.append((x + 4, self.y + 3 + (k + 1) * size * LINE - 2), line,
                                       font=self.bold if bold else self.regular, fontsize=size)
                x += w
            self.y += height
        self.y += 10

    def block(self, block: Block) -> None:
        if isinstance(block, Heading):
            if block.new_page:
                self.new_page()
            self.room(60)
            self.toc.append([block.level, block.text, self.doc.page_count])
            self.text(block.text, 14.0 if block.level == 1 else 12.0, bold=True)
        elif isinstance(block, Paragraph):
            self.text(block.text, 11.0, bold=block.bold, centre=block.centre, indent=block.indent)
        else:
            self.table(block)


def _contents_page(doc: pymupdf.Document, writer: _Writer) -> None:
    """Insert "MỤC LỤC" as page 2, listing the headings with their (shifted) pages."""
    writer.toc = [[level, title, page + 1 if page >= 2 else page] for level, title, page in writer.toc]
    page = doc.new_page(pno=1, width=A4[0], height=A4[1])
    text = pymupdf.TextWriter(page.rect)
    title = "MỤC LỤC"
    text.append(((A4[0] - writer.bold.text_length(title, fontsize=14)) / 2, TOP + 14), title,
                font=writer.bold, fontsize=14)
    y = TOP + 50
    for level, heading, number in writer.toc:
        indent = MARGIN + (level - 1) * 18
        label = heading if len(heading) < 70 else heading[:67] + "…"
        text.append((indent, y), label, font=writer.bold if level == 1 else writer.regular, fontsize=10.5)
        digits = str(number)
        text.append((A4[0] - MARGIN - writer.regular.text_length(digits, fontsize=10.5), y), digits,
                    font=writer.regular, fontsize=10.5)
        y += 19
    text.write_text(page)
    writer.toc = sorted([*writer.toc, [1, title, 2]], key=lambda entry: entry[2])  # stable: order kept


def write_document(path: Path, document: Document) -> int:
    """Write ``document`` as a PDF at ``path`` (contents and metadata included); its page count."""
    doc = pymupdf.open()
    writer = _Writer(doc)
    writer.new_page()
    for block in document.blocks:
        writer.block(block)
    writer.flush()
    if document.contents:
        _contents_page(doc, writer)
    total = doc.page_count
    for number in range(total):
        page = doc.load_page(number)
        footer = pymupdf.TextWriter(page.rect)
        label = f"{document.footer} — Trang {number + 1}/{total}"
        x = (A4[0] - writer.regular.text_length(label, fontsize=8.5)) / 2
        footer.append((x, A4[1] - 36), label, font=writer.regular, fontsize=8.5)
        footer.write_text(page, color=(0.35, 0.35, 0.35))
    doc.set_toc(writer.toc)
    doc.set_metadata({"title": document.title, "author": document.author, "subject": document.subject,
                      "creator": "meeting-server seed-demo"})
    doc.subset_fonts()  # the glyphs used, not all of DejaVu (750 KB a font)
    doc.save(str(path), garbage=3, deflate=True)
    doc.close()
    return total


# ------------------------------------------------------------------------- HTML to PDF

MM = 72 / 25.4


def html_to_pdf(html: str, css: str, fonts_dir: Path, margins_mm: tuple[float, float, float, float],
                metadata: dict[str, str], footer_font: str) -> tuple[bytes, int]:
    """Lay out ``html`` with ``css`` on A4 pages (MuPDF's Story); the PDF's bytes and pages.

    ``css`` names its fonts by file in ``fonts_dir`` (embedded, then subset to the glyphs
    used); margins are top, right, bottom, left in mm; every page gets "Trang n/N" at its
    foot in ``footer_font`` (a file in ``fonts_dir``).
    """
    top, right, bottom, left = (m * MM for m in margins_mm)
    story = pymupdf.Story(html=html, user_css=css, archive=pymupdf.Archive(str(fonts_dir)))
    out = io.BytesIO()
    writer = pymupdf.DocumentWriter(out)
    page_rect = pymupdf.Rect(0, 0, *A4)
    where = pymupdf.Rect(left, top, A4[0] - right, A4[1] - bottom)
    more = True
    while more:
        device = writer.begin_page(page_rect)
        more, _filled = story.place(where)
        story.draw(device)
        writer.end_page()
    writer.close()
    doc = pymupdf.open("pdf", out.getvalue())
    font = pymupdf.Font(fontfile=str(fonts_dir / footer_font))
    total = doc.page_count
    for number in range(total):
        page = doc.load_page(number)
        page.wrap_contents()  # the Story's drawing leaves its transformation in force: isolate it
        label = f"Trang {number + 1}/{total}"
        footer = pymupdf.TextWriter(page.rect)
        footer.append((A4[0] - right - font.text_length(label, fontsize=10), A4[1] - bottom / 2), label,
                      font=font, fontsize=10)
        footer.write_text(page)
    doc.set_metadata({"creator": "meeting-server", "producer": "meeting-server", **metadata})
    doc.subset_fonts()
    data = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return data, total
