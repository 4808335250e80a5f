"""The one rule for a whole PDF file, shared by the upload check and the reader."""

from __future__ import annotations

from protocol.pdf_files import is_cut_off
from tests.server import hostile_pdfs as h


def test_whole_files_are_not_cut_off() -> None:
    for data in (h.many_pages(3), h.without_startxref(), h.junk_after_end(), h.junk_before_header(),
                 h.many_pages(3).replace(b"startxref", b"").rstrip()):
        assert not is_cut_off(data)


def test_a_file_that_ends_inside_an_object_is_cut_off() -> None:
    whole = h.many_pages(10)
    assert is_cut_off(h.truncated())
    for fraction in (0.2, 0.3, 0.5, 0.6):
        cut = whole[: int(len(whole) * fraction)]
        if not cut.rstrip().endswith(b"endobj"):  # a cut exactly after an object reads as whole
            assert is_cut_off(cut), fraction
    # Cut inside the cross-reference table: every object is there, MuPDF rebuilds the table.
    assert not is_cut_off(whole[: whole.rindex(b"trailer")])
    assert is_cut_off(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog")
