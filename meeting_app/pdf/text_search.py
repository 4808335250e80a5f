"""Finding text on a page the way a Vietnamese reader expects.

MuPDF's own search folds case for ASCII only ("NGHỊ" does not match "nghị") and misses
a phrase broken over two lines. So the engine reads each page's characters with their
boxes and matches here, on a folded copy of the text:

- case-insensitive for every letter (``str.casefold``), compatibility forms unified (NFKD);
- whitespace runs, including line breaks, count as one space;
- if the query has no diacritics at all ("nghi quyet"), diacritics in the text are ignored
  too, and đ counts as d: people often type without them. A query with diacritics matches
  them exactly ("bàn" does not find "bản");
- whitespace between two CJK characters is dropped: Chinese and Japanese put no spaces
  between words, and text drawn letter-spaced ("全 世 界") or in vertical columns comes out
  of the PDF with one between every character.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import pymupdf

Box = tuple[float, float, float, float]

TEXT_FLAGS = pymupdf.TEXT_DEHYPHENATE | pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP


@dataclass
class PageText:
    """A page's characters in reading order, each with its box and line number; lines are
    joined by a space whose box is None."""

    chars: list[str]
    boxes: list[Box | None]
    lines: list[int]

    @property
    def text(self) -> str:
        return "".join(self.chars)


def read_page(page: pymupdf.Page) -> PageText:
    """The characters of ``page`` (unrotated page coordinates, as MuPDF gives them)."""
    chars: list[str] = []
    boxes: list[Box | None] = []
    lines: list[int] = []
    line_no = 0
    raw = page.get_text("rawdict", flags=TEXT_FLAGS)
    for block in raw.get("blocks", []):
        for line in block.get("lines", []):
            if chars:
                chars.append(" ")
                boxes.append(None)
                lines.append(line_no)
            line_no += 1
            for span in line.get("spans", []):
                for char in span.get("chars", []):
                    chars.append(char["c"])
                    boxes.append(tuple(char["bbox"]))
                    lines.append(line_no)
    return PageText(chars, boxes, lines)


def is_cjk(char: str) -> bool:
    """Whether ``char`` is a Han ideograph, kana, Hangul or a full-width form."""
    code = ord(char)
    return (0x2E80 <= code <= 0x2FDF or 0x3040 <= code <= 0x31FF or 0x3400 <= code <= 0x4DBF
            or 0x4E00 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7AF or 0xF900 <= code <= 0xFAFF
            or 0xFF01 <= code <= 0xFF60 or 0x20000 <= code <= 0x3134F)


def has_text(text: str) -> bool:
    """Whether ``text`` (a page's) has characters a search can match: not empty, and not
    mostly U+FFFD or private-use code points (a font without a character map)."""
    letters = [char for char in text if not char.isspace()]
    unknown = sum(1 for char in letters if char == "\ufffd" or 0xE000 <= ord(char) <= 0xF8FF)
    return bool(letters) and unknown * 2 < len(letters)


def has_marks(text: str) -> bool:
    """Whether ``text`` carries any diacritic (or đ)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "đ" in decomposed or any(unicodedata.combining(c) for c in decomposed)


def fold(text: str, ignore_marks: bool) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the index of the source character
    it came from (one source character may fold into several, e.g. "ệ" -> e + marks)."""
    out: list[str] = []
    origin: list[int] = []
    space: int | None = None  # where a run of whitespace began, if one is pending
    previous = ""
    for index, char in enumerate(text):
        if char.isspace():
            if out and space is None:
                space = index
            continue
        if space is not None and not (is_cjk(previous) and is_cjk(char)):
            out.append(" ")
            origin.append(space)
        space, previous = None, char
        for part in unicodedata.normalize("NFKD", char.casefold()):
            if ignore_marks:
                if unicodedata.combining(part):
                    continue
                if part == "đ":
                    part = "d"
            out.append(part)
            origin.append(index)
    return "".join(out), origin


def fold_query(query: str) -> tuple[str, bool]:
    """The folded query (trimmed) and whether diacritics are to be ignored."""
    ignore = not has_marks(query)
    folded, _ = fold(query.strip(), ignore)
    return folded.strip(), ignore


def contains(text: str, folded_query: str, ignore_marks: bool) -> bool:
    """A quick yes/no on plain text, to skip pages without reading their boxes."""
    return folded_query in fold(text, ignore_marks)[0]


def find(page_text: PageText, folded_query: str, ignore_marks: bool) -> list[list[Box]]:
    """Every non-overlapping occurrence of the query: per hit, one box per line it covers."""
    if not folded_query:
        return []
    folded, origin = fold(page_text.text, ignore_marks)
    hits: list[list[Box]] = []
    start = folded.find(folded_query)
    while start >= 0:
        end = start + len(folded_query)
        first, last = origin[start], origin[end - 1]
        per_line: dict[int, list[float]] = {}
        for index in range(first, last + 1):
            box = page_text.boxes[index]
            if box is None:
                continue
            line = page_text.lines[index]
            acc = per_line.get(line)
            if acc is None:
                per_line[line] = list(box)
            else:
                acc[0], acc[1] = min(acc[0], box[0]), min(acc[1], box[1])
                acc[2], acc[3] = max(acc[2], box[2]), max(acc[3], box[3])
        if per_line:
            hits.append([(b[0], b[1], b[2], b[3]) for b in per_line.values()])
        start = folded.find(folded_query, end)
    return hits
