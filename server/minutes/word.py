"""The minutes as a Word document (python-docx), the same structure and order as the PDF.

Times New Roman 13 pt on A4 with the decree's margins; lists are written as indented
paragraphs with their bullet or number in the text, so that every viewer shows the
numbers the secretary typed.
"""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from server.minutes.content import ActionLine, ItemContent, MinutesContent
from server.minutes.markdown import Block, ListBlock, Para
from server.minutes.pdf_html import ANCHOR_LABEL, MARGINS_MM, attendance_detail, speaker_line

FONT = "Times New Roman"


def _para(doc: DocxDocument, text: str = "", *, bold: bool = False, italic: bool = False,
          centre: bool = False, size: float | None = None, indent_mm: float = 0.0) -> Paragraph:
    paragraph = doc.add_paragraph()
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic = bold, italic
        if size:
            run.font.size = Pt(size)
    if centre:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if indent_mm:
        paragraph.paragraph_format.left_indent = Mm(indent_mm)
    return paragraph


def _labelled(doc: DocxDocument, label: str, text: str) -> None:
    paragraph = doc.add_paragraph()
    head = paragraph.add_run(label)
    head.bold = True
    head.italic = True
    paragraph.add_run(f" {text}")


def _blocks(doc: DocxDocument, blocks: tuple[Block, ...], level: int = 0, prefix: str = "") -> None:
    for block in blocks:
        if isinstance(block, Para):
            paragraph = _para(doc, indent_mm=8.0 * level)
            if prefix:
                paragraph.add_run(prefix)
                prefix = ""  # only the item's first paragraph carries its bullet or number
            for run in block.runs:
                written = paragraph.add_run(run.text)
                written.bold, written.italic = run.bold, run.italic
        elif isinstance(block, ListBlock):
            for n, item in enumerate(block.items, start=block.start):
                _blocks(doc, item, level + 1, f"{n}. " if block.ordered else "• ")


def _table(doc: DocxDocument, header: list[str], rows: list[list[str]]) -> Table:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    return table


def _actions(doc: DocxDocument, actions: tuple[ActionLine, ...]) -> None:
    _table(doc, ["STT", "Nội dung công việc", "Người / đơn vị thực hiện", "Thời hạn"],
           [[str(n), a.title, a.owner or "", a.due or ""] for n, a in enumerate(actions, 1)])


def _item(doc: DocxDocument, item: ItemContent) -> None:
    _para(doc, f"{item.number}. {item.title}", bold=True)
    if item.presenter:
        _labelled(doc, "Trình bày:", item.presenter)
    if item.documents:
        _labelled(doc, "Tài liệu:", "; ".join(item.documents))
    if item.speakers:
        _labelled(doc, "Ý kiến phát biểu:", "")
        for speaker in item.speakers:
            _para(doc, f"• {speaker_line(speaker)}", indent_mm=8.0)
    for vote in item.votes:
        options = "; ".join(f"{option}: {count}" for option, count in vote.lines)
        _labelled(doc, "Biểu quyết:", f"{vote.question} — {options}. {vote.outcome}")
    if item.conclusion:
        _labelled(doc, "Kết luận:", "")
        _blocks(doc, item.conclusion)
    if item.decision:
        _labelled(doc, "Quyết định:", item.decision)
    if item.actions:
        _labelled(doc, "Giao nhiệm vụ:", "")
        _actions(doc, item.actions)


def _head(doc: DocxDocument, c: MinutesContent) -> None:
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.text, right.text = "", ""
    for cell, lines in ((left, [(c.organization.upper(), True, False), ("Số:      /BB-HN", False, False)]),
                        (right, [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False),
                                 ("Độc lập - Tự do - Hạnh phúc", True, False),
                                 (c.place_and_date, False, True)])):
        first = True
        for text, bold, italic in lines:
            paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(text)
            run.bold, run.italic = bold, italic


def a4_document(title: str, author: str) -> DocxDocument:
    """An empty A4 document with the decree's margins and body text (13 pt), titled."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    top, right, bottom, left = MARGINS_MM
    section.top_margin, section.right_margin, section.bottom_margin, section.left_margin = (
        Mm(top), Mm(right), Mm(bottom), Mm(left))
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(13)
    doc.core_properties.title = title
    doc.core_properties.author = author
    return doc


def minutes_docx(content: MinutesContent) -> bytes:
    """The whole document as .docx bytes."""
    c = content
    doc = a4_document(f"Biên bản họp: {c.title}", c.organization)
    _head(doc, c)
    _para(doc, "BIÊN BẢN HỌP", bold=True, centre=True, size=14)
    _para(doc, c.title, bold=True, centre=True)
    _para(doc, "I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN", bold=True)
    _labelled(doc, "Thời gian:", f"{c.time}.")
    if c.location:
        _labelled(doc, "Địa điểm:", f"{c.location}.")
    if c.sites:
        _labelled(doc, "Các điểm cầu:", "; ".join(c.sites) + ".")
    _labelled(doc, "Chủ trì:", f"{c.chair or '…'}. Thư ký: {c.secretary or '…'}.")
    for site in c.attendance:
        _para(doc, site.name + (" (điểm cầu chính)" if site.central else ""), bold=True)
        _table(doc, ["STT", "Họ và tên", "Vai trò", "Điểm danh"],
               [[str(n), line.name, line.role, attendance_detail(line)]
                for n, line in enumerate(site.lines, 1)])
        _para(doc, f"Thành viên: {site.members}; có mặt: {site.present}; ủy quyền: {site.represented}; "
                   f"vắng: {site.absent}; vắng có lý do: {site.excused}.")
    q = c.quorum
    _para(doc, f"Số thành viên: {q.members}; có mặt và ủy quyền: {q.counted}; yêu cầu {q.rule} "
               f"({q.required}): cuộc họp {'đủ' if q.reached else 'không đủ'} điều kiện tiến hành.")
    _para(doc, "II. NỘI DUNG CUỘC HỌP", bold=True)
    for item in c.items:
        _item(doc, item)
    if c.other_actions:
        _para(doc, "III. CÁC NHIỆM VỤ KHÁC", bold=True)
        _actions(doc, c.other_actions)
    if c.version > 1:
        _para(doc, f"Biên bản này (bản số {c.version}) thay thế bản số {c.version - 1}.", italic=True)
    sign = doc.add_table(rows=1, cols=2)
    for cell, (role, name) in zip(sign.rows[0].cells, (("THƯ KÝ", c.secretary), ("CHỦ TRÌ", c.chair)),
                                  strict=True):
        cell.text = ""
        lines = [(role, True, False), ("(Ký, ghi rõ họ tên)", False, True), ("", False, False),
                 ("", False, False), (name or "", True, False)]
        for n, (text, bold, italic) in enumerate(lines):
            paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(text)
            run.bold, run.italic = bold, italic
    if c.audit_anchor:
        anchor = doc.add_paragraph().add_run(f"{ANCHOR_LABEL} {c.audit_anchor}")
        anchor.font.size = Pt(8)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
