"""Damaged PDFs that are still whole: a page tree rebuilt when it loops, and the check that
a file MuPDF repaired is not a cut-off one (``protocol.pdf_files``).

A file that opens and shows every page without a password is accepted, repaired, and
stored as MuPDF writes it out again, so every reader gets a sound file; only the unreadable
(nothing to show), the cut off and the password-protected are refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from protocol.pdf_files import is_cut_off

Document = Any
"""A ``Document``, handed in by ``pdf.py`` (the server's one owner of PyMuPDF)."""

INHERITED = ("Resources", "MediaBox", "CropBox", "Rotate")
"""Page attributes a page may take from the page tree nodes above it."""


def page_tree_error(error: Exception) -> bool:
    """Whether ``error`` (from MuPDF) is about the page tree rather than a page's content."""
    text = str(error).lower()
    return "page tree" in text or "number of pages" in text


def rebuild_page_tree(doc: Document) -> int:
    """Replace ``doc``'s page tree by one node holding every page object in file order (what a
    looping tree leaves unreachable is found again); the number of pages, 0 if there are none."""
    pages = [xref for xref in range(1, doc.xref_length())
             if doc.xref_get_key(xref, "Type") == ("name", "/Page")]
    if not pages:
        return 0
    for xref in pages:  # take what the old nodes passed down before they are cut off
        for key in INHERITED:
            if doc.xref_get_key(xref, key)[0] == "null":
                found = _inherited(doc, xref, key)
                if found is not None:
                    doc.xref_set_key(xref, key, found)
    node = doc.get_new_xref()
    kids = " ".join(f"{xref} 0 R" for xref in pages)
    doc.update_object(node, f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>")
    for xref in pages:
        doc.xref_set_key(xref, "Parent", f"{node} 0 R")
    doc.xref_set_key(doc.pdf_catalog(), "Pages", f"{node} 0 R")
    return len(pages)


def _inherited(doc: Document, xref: int, key: str) -> str | None:
    seen = {xref}
    kind, parent = doc.xref_get_key(xref, "Parent")
    while kind == "xref":
        number = int(parent.split()[0])
        if number in seen:  # the loop that broke the tree
            return None
        seen.add(number)
        kind, value = doc.xref_get_key(number, key)
        if kind != "null":
            return value  # as written: a dictionary, or a reference to one
        kind, parent = doc.xref_get_key(number, "Parent")
    return None


def cut_off(path: Path) -> bool:
    """Whether the file at ``path`` ends inside an object (read whole: only for repaired files)."""
    return is_cut_off(path.read_bytes())
