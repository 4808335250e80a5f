"""Parts of a document that a script writes: found between their two marker lines."""

from __future__ import annotations

from pathlib import Path


def section(text: str, begin: str, end: str) -> str:
    """The part of ``text`` from the ``begin`` marker to the end of the ``end`` marker."""
    start, stop = text.index(begin), text.index(end) + len(end)
    return text[start:stop]


def rewrite(path: Path, begin: str, end: str, rendered: str) -> None:
    """Replace the part of ``path`` between the markers with ``rendered`` (markers included)."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(section(text, begin, end), rendered), encoding="utf-8")
