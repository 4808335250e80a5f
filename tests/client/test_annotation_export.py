"""Export: the document with my annotations written by the PDF engine's process as real PDF
annotations (PyMuPDF reads them back: kinds, pages, colours, texts), and the notes summary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pymupdf
import pytest

from meeting_app.pdf import PdfEngine
from meeting_app.state.annotations import new_annotation
from meeting_app.ui.documents.exports import comments_csv, notes_markdown
from tests.support import pdfs

WAIT = 15_000
QUAD = [72, 100, 300, 100, 72, 114, 300, 114]


def every_kind() -> list[dict[str, Any]]:
    made = [
        new_annotation(0, "highlight", {"quads": [QUAD], "color": "#ffd400", "text": "Tờ trình"}),
        new_annotation(0, "underline", {"quads": [QUAD], "color": "#3b82f6"}),
        new_annotation(1, "strikeout", {"quads": [QUAD], "color": "#e5484d"}),
        new_annotation(1, "ink", {"paths": [[[100, 200], [150, 230], [200, 210]]], "color": "#e5484d",
                                  "width": 3}),
        new_annotation(2, "note", {"point": [400, 120], "text": "Đề nghị làm rõ số liệu",
                                   "color": "#ffd400"}),
        new_annotation(2, "textbox", {"rect": [80, 500, 300, 560], "text": "Cần bổ sung", "color": "#1f2933",
                                      "font_size": 12}),
        new_annotation(3, "rect", {"rect": [90, 300, 250, 380], "color": "#5fd068", "width": 2}),
    ]
    made[4]["author_name"] = "Nguyễn Văn A"
    return made


def test_the_annotated_copy_has_real_pdf_annotations(
        qtbot: Any, engine: PdfEngine, sample: pdfs.SamplePdf, tmp_path: Path) -> None:
    target = tmp_path / "out" / "Tài liệu (ghi chú).pdf"
    with qtbot.waitSignal(engine.export_finished, timeout=WAIT) as finished:
        request = engine.export_annotated(sample.path, target, every_kind())
    assert finished.args == [request, 7, ""]
    found = read_back(target)
    assert {(page, kind) for page, kind, _ in found} == {
        (0, "Highlight"), (0, "Underline"), (1, "StrikeOut"), (1, "Ink"), (2, "Text"), (2, "FreeText"),
        (3, "Square")}
    info = {kind: facts for _, kind, facts in found}
    assert info["Text"]["content"] == "Đề nghị làm rõ số liệu" and info["Text"]["title"] == "Nguyễn Văn A"
    assert info["FreeText"]["content"] == "Cần bổ sung"
    assert info["Ink"]["stroke"] == pytest.approx((229 / 255, 72 / 255, 77 / 255), abs=0.01)
    assert pymupdf.Rect(info["Ink"]["rect"]).intersects(pymupdf.Rect(100, 200, 200, 230))
    assert pymupdf.Rect(info["Highlight"]["rect"]).contains(pymupdf.Rect(80, 102, 290, 112))
    assert read_back(sample.path) == []  # the source is untouched


def read_back(path: Path) -> list[tuple[int, str, dict[str, Any]]]:
    """(page, annotation type, facts) of every annotation in the PDF at ``path``."""
    found = []
    with pymupdf.open(path) as doc:
        for page in doc:  # the page stays referenced while its annotations are read
            for annot in page.annots():
                found.append((page.number, annot.type[1], {**annot.info, "rect": tuple(annot.rect),
                                                            "stroke": annot.colors.get("stroke")}))
    return found


def test_a_missing_source_is_reported_not_raised(qtbot: Any, engine: PdfEngine, tmp_path: Path) -> None:
    with qtbot.waitSignal(engine.export_finished, timeout=WAIT) as finished:
        engine.export_annotated(tmp_path / "gone.pdf", tmp_path / "x.pdf", every_kind())
    assert finished.args[1] == 0 and finished.args[2]
    assert not (tmp_path / "x.pdf").exists()


def test_the_notes_summary_and_the_comment_summary() -> None:
    agenda = [{"id": 1, "title": "Khai mạc"}, {"id": 2, "title": "Kế hoạch năm 2027"}]
    marks = every_kind()
    text = notes_markdown({"title": "Phiên họp thường kỳ"}, agenda, {2: "Hỏi về ngân sách"},
                          [({"title": "Tờ trình"}, marks)])
    assert "## 2. Kế hoạch năm 2027\n\nHỏi về ngân sách" in text and "Khai mạc" not in text
    assert "- p. 3, Sticky note: Đề nghị làm rõ số liệu" in text
    assert "- p. 1, Highlight: Tờ trình" in text
    shared = [{**marks[4], "author_name": "Trần Thị B", "updated_at": "2026-11-21T10:00:00Z"}]
    csv_text = comments_csv({"title": "Tờ trình"}, shared)
    assert csv_text.startswith("\ufeffdocument,page,author,kind,text,updated_at")
    assert "Tờ trình,3,Trần Thị B,Sticky note,Đề nghị làm rõ số liệu" in csv_text
