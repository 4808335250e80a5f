"""Annotations in the PDF process: the words a selection snaps to, and writing a delegate's
annotations into a copy of the document as real PDF annotations (any PDF reader shows them).

No Qt here (the PDF process imports it). Annotations are the wire's shape
(``docs/protocol.md``, "Annotations"): ``page`` from 0, geometry in points of the page as
shown (rotation applied, the space of ``DocumentInfo.page_sizes``); PyMuPDF places
annotations in unrotated page space, so every point goes through the page's derotation.
"""

from __future__ import annotations

import contextlib
import html
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pymupdf

from meeting_app.pdf import text_search

FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"

Word = tuple[float, float, float, float, str, int]
"""(x0, y0, x1, y1, text, line): one word as shown; ``line`` numbers the page's lines."""


def page_words(page: pymupdf.Page) -> list[Word]:
    """The words of ``page`` in reading order, boxes rotated like the page image. A word a
    font without a character map made unreadable (U+FFFD, private-use code points) keeps
    its box, so it can still be marked, but not its text: no garbage in summaries."""
    rotation = page.rotation_matrix
    words: list[Word] = []
    lines: dict[tuple[int, int], int] = {}
    for x0, y0, x1, y1, text, block, line, _word in page.get_text("words", sort=False):
        number = lines.setdefault((block, line), len(lines))
        box = pymupdf.Rect(x0, y0, x1, y1) * rotation
        readable = str(text) if text_search.has_text(str(text)) else ""
        words.append((box.x0, box.y0, box.x1, box.y1, readable, number))
    return words


def _color(value: Any, default: str = "#ffd400") -> tuple[float, float, float]:
    text = value if isinstance(value, str) and len(value) == 7 and value.startswith("#") else default
    return (int(text[1:3], 16) / 255, int(text[3:5], 16) / 255, int(text[5:7], 16) / 255)


def _quads(flat: Iterable[Sequence[float]], derotate: pymupdf.Matrix) -> list[pymupdf.Quad]:
    quads = []
    for q in flat:
        if len(q) == 8:
            quad = pymupdf.Quad((q[0], q[1]), (q[2], q[3]), (q[4], q[5]), (q[6], q[7]))
        else:  # a plain rectangle
            quad = pymupdf.Rect(q[0], q[1], q[2], q[3]).quad
        quads.append(quad * derotate)
    return quads


def add_annotation(page: pymupdf.Page, item: dict[str, Any]) -> pymupdf.Annot | None:
    """Write one annotation of the wire's shape on ``page``; None for an unknown kind."""
    kind, data = item.get("kind"), item.get("data") or {}
    derotate = page.derotation_matrix
    color = _color(data.get("color"))
    annot: pymupdf.Annot | None
    if kind in ("highlight", "underline", "strikeout"):
        quads = _quads(data.get("quads") or [], derotate)
        if not quads:
            return None
        adder = {"highlight": page.add_highlight_annot, "underline": page.add_underline_annot,
                 "strikeout": page.add_strikeout_annot}[kind]
        annot = adder(quads=quads)
    elif kind == "ink":
        paths = [[pymupdf.Point(x, y) * derotate for x, y in path] for path in data.get("paths") or []]
        annot = page.add_ink_annot([[(p.x, p.y) for p in path] for path in paths if path])
        annot.set_border(width=float(data.get("width") or 2))
    elif kind == "note":
        x, y = data.get("point") or (0, 0)
        annot = page.add_text_annot(pymupdf.Point(x, y) * derotate, str(data.get("text", "")), icon="Note")
    elif kind == "textbox":
        annot = _add_text_box(page, data, color)
        color = None  # type: ignore[assignment]  # in the box's style: set_colors would repaint it
    elif kind == "rect":
        annot = page.add_rect_annot(pymupdf.Rect(data.get("rect") or (0, 0, 10, 10)) * derotate)
        annot.set_border(width=float(data.get("width") or 2))
    else:
        return None
    if color is not None:
        annot.set_colors(stroke=color)
    annot.set_info(title=str(item.get("author_name") or ""), subject=str(kind),
                   content=str(data.get("text") or ""))
    annot.update()
    return annot


def _add_text_box(page: pymupdf.Page, data: dict[str, Any], color: tuple[float, float, float]
                  ) -> pymupdf.Annot:
    """A FreeText annotation whose appearance is drawn in embedded Unicode fonts.

    A plain FreeText is drawn in the base-14 Helvetica, which has no Vietnamese letters
    (accents vanish or show as dots in every viewer). As rich text, MuPDF lays it out with
    its HTML engine in fonts it embeds (Nimbus Sans, with Noto for the letters it lacks), so
    the box reads the same in any PDF viewer; ``Contents`` keeps the plain text.
    """
    text = str(data.get("text", ""))
    size = float(data.get("font_size") or 11)
    rect = pymupdf.Rect(data.get("rect") or (0, 0, 100, 30)) * page.derotation_matrix
    # One paragraph per line; escaped, as the words are the delegate's, not markup.
    body = "".join(f"<p>{html.escape(line)}</p>" if line else "<p><br/></p>" for line in text.split("\n"))
    style = (f"font-family: sans-serif; font-size: {size:g}pt; margin: 0; "
             f"color: #{''.join(f'{round(c * 255):02x}' for c in color)};")
    return page.add_freetext_annot(rect, body, fontsize=size, richtext=True, style=style,
                                   rotate=page.rotation)


def stamp_watermark(page: pymupdf.Page, text: str) -> None:
    """Write ``text`` (the viewer's name and the time, one line each) across ``page`` as
    real, faint text: it prints, and it cannot be removed as an annotation could."""
    font = str(FONTS_DIR / "DejaVuSans.ttf")
    rect = page.rect
    size = max(12.0, min(rect.width, rect.height) / 26)
    lines = [line for line in text.splitlines() if line.strip()] or [text]
    # Three copies down the page, slanted like the reader's, so a cropped page keeps one.
    for share in (0.18, 0.48, 0.78):
        for number, line in enumerate(lines):
            where = pymupdf.Point(rect.width * 0.2, rect.height * share + number * size * 1.3)
            page.insert_text(where, line, fontsize=size, fontname="dejavu", fontfile=font,
                             color=(0.70, 0.15, 0.12), fill_opacity=0.22, stroke_opacity=0.22,
                             morph=(where, pymupdf.Matrix(-25)), overlay=True)


def export(source: Path, target: Path, annotations: list[dict[str, Any]], password: str | None = None,
           plain: bytes | None = None, watermark: str | None = None) -> int:
    """Copy ``source`` (or the decrypted ``plain`` bytes of it) to ``target`` with
    ``annotations`` written in, and ``watermark`` over every page if given; returns how
    many annotations were written."""
    doc = pymupdf.open(stream=plain, filetype="pdf") if plain is not None \
        else pymupdf.open(source, filetype="pdf")
    try:
        if doc.needs_pass and not doc.authenticate(password or ""):
            raise ValueError("The document is protected by a password.")
        if watermark:
            for index in range(doc.page_count):
                stamp_watermark(doc[index], watermark)
        written, boxes = 0, 0
        for item in annotations:
            number = item.get("page")
            if not isinstance(number, int) or not 0 <= number < doc.page_count:
                continue
            if add_annotation(doc[number], item) is not None:
                written += 1
                boxes += item.get("kind") == "textbox"
        target.parent.mkdir(parents=True, exist_ok=True)
        if boxes:
            # Only the letters used: the fonts a text box embeds are otherwise whole (~0.4 MB).
            # (Fonts the document already subsets are left alone.)
            with contextlib.suppress(Exception):  # a bigger file, but still a right one
                doc.subset_fonts()
        doc.save(target, garbage=1, deflate=True)
        return written
    finally:
        doc.close()
