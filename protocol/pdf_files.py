"""Whether a PDF file is whole: the one rule both the server's upload check and the client's
reader apply to a file MuPDF had to repair.

MuPDF repairs what it can and says so, but it cannot tell a file that merely lacks its
cross-reference table (``startxref``), or carries junk after ``%%EOF``, from one cut off
in the middle of a download: the first is whole and readable, the second would show part
of a document as if it were all of it. A file is cut off when it ends inside an object:
after the last ``endobj`` comes neither a trailer, nor a ``startxref``, nor ``%%EOF``, nor
only whitespace.
"""

from __future__ import annotations

import re

_END_MARKERS = re.compile(rb"%%EOF|startxref|trailer|\bxref\b")


def is_cut_off(data: bytes) -> bool:
    """Whether the PDF bytes ``data`` end inside an object (a truncated file)."""
    last = data.rfind(b"endobj")
    if last < 0:
        return _END_MARKERS.search(data) is None
    rest = data[last + len(b"endobj"):]
    return bool(rest.strip()) and _END_MARKERS.search(rest) is None
