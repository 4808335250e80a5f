"""Summaries as PDF (my notes, the secretary's comment summary), laid out in the PDF process.

The caller gives a small HTML body (``meeting_app.ui.documents.exports`` builds it: headings,
paragraphs, lists, a table); PyMuPDF's ``Story`` flows it over A4 pages in the bundled DejaVu
Sans, embedded (subset) in the file, so the Vietnamese reads right in any viewer and its
text can be copied and searched. No Qt here (the PDF process imports it).
"""

from __future__ import annotations

from pathlib import Path

import pymupdf

FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
"""The repository's bundled fonts (the project is installed in place)."""

CSS = """
@font-face { font-family: body; src: url(DejaVuSans.ttf); }
@font-face { font-family: body; font-weight: bold; src: url(DejaVuSans-Bold.ttf); }
* { font-family: body; }
body { font-size: 10.5pt; line-height: 1.35; color: #1f2933; }
h1 { font-size: 16pt; margin: 0 0 4pt 0; color: #1d3f72; }
h2 { font-size: 12.5pt; margin: 12pt 0 4pt 0; color: #1d3f72; }
p { margin: 0 0 5pt 0; }
p.meta { color: #5b6770; font-size: 9pt; }
ul { margin: 0 0 6pt 0; }
li { margin: 0 0 2pt 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.5pt solid #b8c2cc; padding: 3pt; font-size: 9pt; vertical-align: top; text-align: left; }
th { background-color: #e8eef5; font-weight: bold; }
"""

A4 = pymupdf.paper_rect("a4")
FRAME = pymupdf.Rect(50, 50, A4.width - 50, A4.height - 50)
"""Where the text goes on a page (50 pt margins)."""


def write(target: Path, body: str, title: str = "") -> int:
    """Write ``body`` (HTML) as an A4 PDF at ``target``; returns the number of pages."""
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        if not (FONTS_DIR / name).is_file():
            raise FileNotFoundError(f"The font {name} is missing (it ships in resources/fonts).")
    story = pymupdf.Story(body, user_css=CSS, archive=pymupdf.Archive(str(FONTS_DIR)))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    writer = pymupdf.DocumentWriter(str(partial))
    pages, more = 0, True
    try:
        while more:
            device = writer.begin_page(A4)
            more, _ = story.place(FRAME)
            story.draw(device)
            writer.end_page()
            pages += 1
    finally:
        writer.close()
    # Story embeds whole fonts; keep the letters used, and name the file's title.
    with pymupdf.open(partial) as doc:
        doc.subset_fonts()
        doc.set_metadata({"title": title, "creator": "Paperless meeting"})
        doc.save(target, garbage=3, deflate=True)
    partial.unlink()
    return pages
