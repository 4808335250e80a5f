"""The notice of conclusions (*thông báo kết luận*): a document of its own beside the minutes.

The minutes (BIÊN BẢN HỌP) record the meeting: who came, who spoke, how votes went. The
notice tells those concerned what the chair concluded, item by item, and who does what by
when, in the form of a *thông báo* (Nghị định 30/2020/NĐ-CP, Phụ lục III): the organisation
and its number (…/TB-…), the national name and motto, place and date, "THÔNG BÁO" with its
summary line, the conclusions, the signature of the chair, and "Nơi nhận". Same content,
same fonts and sizes as the minutes (``pdf_html``), laid out by the same renderer.
"""

from __future__ import annotations

import io

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from server.minutes.content import MinutesContent
from server.minutes.pdf_html import _e, _nb, actions_table, blocks_html
from server.minutes.word import _actions, _blocks, _para, a4_document

TITLE = "THÔNG BÁO"


def summary_line(c: MinutesContent) -> str:
    """The line under THÔNG BÁO: what the notice is about."""
    return f"Kết luận của {c.chair or 'Chủ trì'} tại {c.title}"


def opening(c: MinutesContent) -> str:
    """When, where, who chaired what, and the formula that leads to the conclusions."""
    place = c.location or (c.sites[0] if c.sites else None)
    where = f", tại {place}" if place else ""
    return (f"{c.time}{where}, {c.chair or 'Chủ trì'} chủ trì {c.title}. Sau khi nghe báo cáo và ý kiến "
            "của các đại biểu, Chủ trì kết luận như sau:")


def notice_html(c: MinutesContent) -> str:
    """The notice of conclusions as HTML (for ``html_to_pdf``)."""
    agency = _e(c.organization.upper())
    head = (f'<table class="head"><tr><td style="width: 38%"><span class="agency">{agency}'
            f'</span><br/><span class="number">Số: &nbsp;&nbsp;&nbsp;&nbsp;/TB-HN</span></td>'
            f'<td style="width: 62%">'
            f'<span class="nation">{_nb("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")}</span><br/>'
            f'<span class="motto">{_nb("Độc lập - Tự do - Hạnh phúc")}</span><br/><br/>'
            f'<span class="date">{_nb(c.place_and_date)}</span></td></tr></table>')
    body = [head, f'<p class="title">{TITLE}</p>', f'<p class="subtitle">{_e(summary_line(c))}</p>',
            f"<p>{_e(opening(c))}</p>"]
    for item in c.items:
        if not (item.conclusion or item.decision or item.actions):
            continue
        body.append(f"<h3>{item.number}. {_e(item.title)}</h3>")
        body.append(blocks_html(item.conclusion))
        if item.decision:
            body.append(f'<p><span class="label">Quyết định:</span> {_e(item.decision)}</p>')
        if item.actions:
            body.append(f'<p><span class="label">Giao nhiệm vụ:</span></p>{actions_table(item.actions)}')
    if c.other_actions:
        body += ["<h3>Các nhiệm vụ khác</h3>", actions_table(c.other_actions)]
    body.append("<p>Thông báo để các cơ quan, đơn vị, cá nhân liên quan biết, thực hiện.</p>")
    body.append('<table class="sign"><tr><td class="recipients" style="text-align: left">'
                "<b>Nơi nhận:</b><br/>- Các thành viên dự họp;<br/>- Lưu: VT.</td>"
                f"<td><b>CHỦ TRÌ</b><br/><br/><br/><br/><br/><b>{_e(c.chair or '')}</b></td></tr></table>")
    return f"<html><body>{''.join(body)}</body></html>"


def notice_docx(c: MinutesContent) -> bytes:
    """The notice of conclusions as .docx bytes (Times New Roman, the decree's sizes)."""
    doc = a4_document(f"Thông báo kết luận: {c.title}", c.organization)
    head = doc.add_table(rows=1, cols=2)
    left_lines = [(c.organization.upper(), True, False, 12), ("Số:      /TB-HN", False, False, 13)]
    right_lines = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False, 12),
                   ("Độc lập - Tự do - Hạnh phúc", True, False, 13), (c.place_and_date, False, True, 13)]
    for cell, lines in zip(head.rows[0].cells, (left_lines, right_lines), strict=True):
        for n, (text, bold, italic, size) in enumerate(lines):
            paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(text)
            run.bold, run.italic, run.font.size = bold, italic, Pt(size)
    _para(doc, TITLE, bold=True, centre=True, size=14)
    _para(doc, summary_line(c), bold=True, centre=True, size=14)
    _para(doc, opening(c))
    for item in c.items:
        if not (item.conclusion or item.decision or item.actions):
            continue
        _para(doc, f"{item.number}. {item.title}", bold=True)
        _blocks(doc, item.conclusion)
        if item.decision:
            _para(doc, f"Quyết định: {item.decision}")
        if item.actions:
            _actions(doc, item.actions)
    if c.other_actions:
        _para(doc, "Các nhiệm vụ khác", bold=True)
        _actions(doc, c.other_actions)
    _para(doc, "Thông báo để các cơ quan, đơn vị, cá nhân liên quan biết, thực hiện.")
    _para(doc, "CHỦ TRÌ", bold=True, centre=True)
    _para(doc, c.chair or "", bold=True, centre=True)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
