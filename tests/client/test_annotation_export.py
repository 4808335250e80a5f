"""Export: the document with my annotations written by the PDF engine's process as real PDF
annotations (PyMuPDF reads them back: kinds, pages, colours, texts), and the notes summary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pymupdf
import pytest

from meeting_app.pdf import PdfEngine
from meeting_app.state.annotations import new_annotation
from meeting_app.ui.documents.exports import comments_csv, comments_html, notes_html, notes_markdown
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


VIETNAMESE = "Đề nghị bổ sung số liệu quý IV – Hà Nội, Đà Nẵng"


def test_vietnamese_text_boxes_and_notes_are_drawn_in_embedded_fonts(
        qtbot: Any, engine: PdfEngine, tmp_path: Path) -> None:
    source, target = tmp_path / "blank.pdf", tmp_path / "vi.pdf"
    with pymupdf.open() as blank:  # a page with no text of its own: what reads back is the box's
        blank.new_page()
        blank.save(source)
    marks = [new_annotation(0, "textbox", {"rect": [60, 400, 400, 470], "text": f"{VIETNAMESE}\n<b>A & B</b>",
                                           "color": "#e5484d", "font_size": 12}),
             new_annotation(0, "note", {"point": [420, 120], "text": VIETNAMESE, "color": "#ffd400"})]
    with qtbot.waitSignal(engine.export_finished, timeout=WAIT) as finished:
        engine.export_annotated(source, target, marks)
    assert finished.args[1:] == [2, ""]
    with pymupdf.open(target) as doc:
        page = doc[0]
        by_kind = {annot.type[1]: annot for annot in page.annots()}
        assert by_kind["Text"].info["content"] == VIETNAMESE
        box = by_kind["FreeText"]
        assert box.info["content"] == f"{VIETNAMESE}\n<b>A & B</b>"  # exactly, markup not read as such
        # The box's appearance names only fonts embedded in the file (never the base-14
        # Helvetica, which has no Vietnamese letters).
        appearance = int(doc.xref_get_key(box.xref, "AP/N")[1].split()[0])
        fonts = [int(ref) for ref in
                 doc.xref_get_key(appearance, "Resources/Font")[1].replace("0 R", "").split()[1::2]]
        assert fonts
        for font in fonts:
            assert "Helvetica" not in doc.xref_get_key(font, "BaseFont")[1]
            descendant = doc.xref_get_key(font, "DescendantFonts")[1].strip("[] ").split()[0]
            descriptor = doc.xref_get_key(int(descendant), "FontDescriptor")[1].split()[0]
            assert any(doc.xref_get_key(int(descriptor), key)[0] == "xref"
                       for key in ("FontFile", "FontFile2", "FontFile3"))
        # What the appearance draws reads back letter for letter, in the box's colour.
        drawn = page.get_text("dict")
    lines = [line["spans"] for block in drawn["blocks"] for line in block.get("lines", [])]
    assert ["".join(s["text"] for s in spans).strip() for spans in lines] == [VIETNAMESE, "<b>A & B</b>"]
    assert {s["color"] for spans in lines for s in spans if s["text"].strip()} == {0xE5484D}


def test_the_notes_and_comment_summaries_as_pdf(qtbot: Any, engine: PdfEngine, tmp_path: Path) -> None:
    agenda = [{"id": 1, "title": "Khai mạc"}, {"id": 2, "title": "Kế hoạch năm 2027"}]
    marks = every_kind()
    marks[4]["data"]["text"] = VIETNAMESE
    notes = notes_html({"title": "Phiên họp thường kỳ"}, agenda, {2: f"Hỏi về ngân sách\n{VIETNAMESE}"},
                       [({"title": "Tờ trình"}, marks)])
    shared = [{**marks[4], "author_name": "Trần Thị B", "updated_at": "2026-11-21T10:00:00Z"},
              {**marks[5], "author_name": "Lê Văn <C>", "updated_at": "2026-11-21T10:05:00Z"}]
    comments = comments_html({"title": "Tờ trình"}, shared)
    written = {}
    for name, body in (("notes", notes), ("comments", comments)):
        with qtbot.waitSignal(engine.export_finished, timeout=WAIT) as finished:
            engine.write_summary(tmp_path / f"{name}.pdf", body, "Tờ trình")
        assert finished.args[1:] == [1, ""]
        with pymupdf.open(tmp_path / f"{name}.pdf") as doc:
            text = "".join(page.get_text() for page in doc)
            written[name] = " ".join(text.split())
            fonts = {font[3].split("+")[-1] for page in doc for font in page.get_fonts()}
            assert doc.metadata["title"] == "Tờ trình"
        assert fonts <= {"DejaVu Sans Book", "DejaVu Sans Bold", "DejaVuSans", "DejaVuSans-Bold"}, fonts
    assert "Phiên họp thường kỳ" in written["notes"] and "2. Kế hoạch năm 2027" in written["notes"]
    assert f"Hỏi về ngân sách {VIETNAMESE}" in written["notes"] and "Khai mạc" not in written["notes"]
    assert f"p. 3, Sticky note: {VIETNAMESE}" in written["notes"]
    assert f"3 Trần Thị B Sticky note {VIETNAMESE}" in written["comments"]
    assert "3 Lê Văn <C> Text box Cần bổ sung" in written["comments"]


def test_a_summary_that_cannot_be_written_is_reported(qtbot: Any, engine: PdfEngine, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with qtbot.waitSignal(engine.export_finished, timeout=WAIT) as finished:
        engine.write_summary(blocker / "notes.pdf", "<p>Tờ trình</p>")
    assert finished.args[1] == 0 and "could not be written" in finished.args[2]
