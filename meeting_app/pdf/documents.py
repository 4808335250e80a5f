"""Facts about a document, and why one cannot be opened: plain values without Qt, made in
the PDF process and sent (pickled) to the application."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

MAX_PIXELS = 24_000_000
"""Largest render in pixels (96 MB as RGB32): an A4 page at 690 % on a 2x screen. A bigger
request (extreme zoom, or a hostile 200-inch page) is rendered smaller instead."""
TILE_PX = 1024
"""Side of a tile in device pixels: a page bigger than ``TILED_ABOVE`` pixels at the scale
it is shown is drawn in tiles, only those in view (``PdfEngine.render_tile``)."""
TILED_ABOVE = 6_000_000
"""Pixels of a whole page image above which the reader asks for tiles instead (an A4 page
above about 350 % on a plain screen)."""

TILE_ROW = 1000
"""Tiles in a row, as counted in a tile's number (a page is at most 86,400 px wide)."""


def tile_number(column: int, row: int) -> int:
    """The number of the tile at ``column``, ``row`` (from the page's top left)."""
    return row * TILE_ROW + column


def tile_place(tile: int) -> tuple[int, int]:
    """(column, row) of tile number ``tile``."""
    return tile % TILE_ROW, tile // TILE_ROW


ErrorCode = Literal["not_found", "empty", "not_pdf", "damaged", "encrypted", "wrong_password",
                    "internal", "locked"]
"""``locked``: a sealed cache file opened without its key, or with another one
(docs/offline-cache.md)."""


class PdfError(Exception):
    """A document the engine cannot open or a page it cannot render, with a message a
    delegate can read ("This document is protected by a password.")."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code: ErrorCode = code
        self.message = message

    def __repr__(self) -> str:
        return f"PdfError({self.code!r}, {self.message!r})"


@dataclass(frozen=True)
class TocEntry:
    """One line of the table of contents (the PDF's outline)."""

    level: int
    """1 for top level entries, 2 for their children, ..."""
    title: str
    page: int
    """0-based target page; -1 when the entry points nowhere in this document."""


@dataclass(frozen=True)
class DocumentInfo:
    """What ``PdfEngine.open`` found out about a document."""

    doc: int
    """The engine's key for the document, as returned by ``PdfEngine.open``."""
    path: Path
    page_count: int
    page_sizes: tuple[tuple[float, float], ...]
    """(width, height) of each page in points (1/72 inch), rotation applied."""
    toc: tuple[TocEntry, ...]
    metadata: dict[str, str] = field(default_factory=dict)
    """The non-empty entries of the PDF's info dictionary (title, author, subject, ...)."""

    @property
    def title(self) -> str:
        """The document's own title, or its file name."""
        return self.metadata.get("title") or self.path.stem
