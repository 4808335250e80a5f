"""A document described as blocks of text and tables, for ``pdf.write_document``.

Plain data, no PyMuPDF: the demo's content lives in ``server.demo_documents`` and is
turned into a PDF by the one module that owns PyMuPDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

A4 = (595.0, 842.0)
FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"


def font_path(bold: bool) -> Path:
    """The bundled DejaVu Sans (every Vietnamese letter has a glyph in it)."""
    path = FONTS_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    if not path.is_file():
        raise FileNotFoundError(f"The font {path} is missing (it ships in resources/fonts)")
    return path


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1
    new_page: bool = False
    """Start the heading on a new page (a chapter)."""


@dataclass(frozen=True)
class Paragraph:
    text: str
    bold: bool = False
    centre: bool = False
    indent: float = 0.0


@dataclass(frozen=True)
class Table:
    rows: list[list[str]]
    """The first row is the header."""
    widths: list[float] | None = None
    """Relative column widths (equal when None)."""

    def shares(self) -> list[float]:
        columns = len(self.rows[0])
        widths = self.widths or [1.0] * columns
        total = sum(widths)
        return [w / total for w in widths]


Block = Heading | Paragraph | Table


@dataclass(frozen=True)
class Document:
    title: str
    blocks: list[Block]
    author: str = ""
    subject: str = ""
    footer: str = ""
    contents: bool = False
    """Print a table of contents ("MỤC LỤC") as the second page."""
    text_samples: list[str] = field(default_factory=list)
    """Phrases the finished PDF's text layer must contain (checked by the tests)."""
