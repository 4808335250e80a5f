"""The minutes as HTML and CSS for ``server.documents.pdf.html_to_pdf`` (MuPDF's Story).

Laid out as a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I): A4,
margins 20/15/20/30 mm, Liberation Serif (metric-compatible with Times New Roman, every
Vietnamese letter, embedded) at the decree's sizes: body 13 pt; the national name 12 pt
bold, the motto 13 pt bold, underlined; the organisation 12 pt bold; the document's kind
(BIÊN BẢN HỌP) 14 pt bold; place and date 13 pt italic; signatures 13 pt bold. Every piece
of text is escaped: a conclusion cannot inject markup.
"""

from __future__ import annotations

from html import escape

from server.minutes.content import ActionLine, ItemContent, MinutesContent, SiteAttendance, Speaker
from server.minutes.markdown import Block, ListBlock, Para

MARGINS_MM = (20.0, 15.0, 20.0, 30.0)
"""Top, right, bottom, left."""
FONT_FILES = {(False, False): "LiberationSerif-Regular.ttf", (True, False): "LiberationSerif-Bold.ttf",
              (False, True): "LiberationSerif-Italic.ttf", (True, True): "LiberationSerif-BoldItalic.ttf"}
"""Liberation Serif 2 (SIL OFL 1.1, in resources/fonts): Times New Roman's metrics, and,
unlike Liberation 1.x, the Vietnamese letters."""

CSS = """
%(faces)s
* { font-family: minutes; font-size: 13pt; line-height: 1.25; }
p { margin: 0 0 6pt 0; text-align: justify; }
.head { width: 100%%; margin-bottom: 10pt; }
.head td { text-align: center; vertical-align: top; padding: 0; }
.head * { font-size: 12pt; }
.agency { font-weight: bold; font-size: 12pt; }
.nation { font-weight: bold; font-size: 12pt; }
.motto { font-weight: bold; font-size: 13pt; text-decoration: underline; }
.head .motto { font-size: 13pt; }
.number { font-size: 13pt; }
.date { font-style: italic; font-size: 13pt; }
.small { font-size: 12pt; }
.title { text-align: center; font-weight: bold; font-size: 14pt; margin: 12pt 0 2pt 0; }
.subtitle { text-align: center; font-weight: bold; font-size: 14pt; margin: 0 0 12pt 0; }
h2 { font-size: 13pt; font-weight: bold; margin: 10pt 0 4pt 0; }
h3 { font-size: 13pt; font-weight: bold; margin: 8pt 0 3pt 0; }
.label { font-weight: bold; font-style: italic; }
table.grid { width: 100%%; border-collapse: collapse; margin: 3pt 0 6pt 0; }
table.grid td, table.grid th { border: 0.6pt solid black; padding: 2pt 4pt; font-size: 12pt;
                               vertical-align: top; }
table.grid th { font-weight: bold; text-align: center; }
ul, ol { margin: 0 0 4pt 0; padding-left: 18pt; }
li { margin: 0; }
.sign { width: 100%%; margin-top: 18pt; }
.sign td { text-align: center; vertical-align: top; width: 50%%; }
.sign b { font-size: 13pt; }
.recipients { font-size: 11pt; }
.recipients b { font-size: 12pt; font-style: italic; }
.note { font-style: italic; }
.anchor { font-size: 8pt; margin-top: 12pt; }
"""


def css() -> str:
    """The stylesheet, with the bundled Liberation Serif faces."""
    faces = "\n".join(
        f"@font-face {{ font-family: minutes; src: url({name}); font-weight: {'bold' if bold else 'normal'};"
        f" font-style: {'italic' if italic else 'normal'}; }}"
        for (bold, italic), name in FONT_FILES.items())
    return CSS % {"faces": faces}


def _e(text: str | None) -> str:
    return escape(text or "", quote=True)


def _nb(text: str | None) -> str:
    """Escaped, on one line: MuPDF sizes table columns by their content, not by CSS widths,
    so short cells that must not wrap (a role, a date, the national motto) say so."""
    return _e(text).replace(" ", "&nbsp;")


def blocks_html(blocks: tuple[Block, ...]) -> str:
    """A conclusion's blocks as HTML."""
    parts = []
    for block in blocks:
        if isinstance(block, Para):
            runs = []
            for run in block.runs:
                text = _e(run.text)
                if run.italic:
                    text = f"<i>{text}</i>"
                if run.bold:
                    text = f"<b>{text}</b>"
                runs.append(text)
            parts.append(f"<p>{''.join(runs)}</p>")
        elif isinstance(block, ListBlock):
            tag = "ol" if block.ordered else "ul"
            start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
            items = "".join(f"<li>{blocks_html(item)}</li>" for item in block.items)
            parts.append(f"<{tag}{start}>{items}</{tag}>")
    return "".join(parts)


def duration(seconds: int | None) -> str:
    """"3 phút 20 giây"; "đang phát biểu" while under way."""
    if seconds is None:
        return "đang phát biểu"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} phút {rest:02d} giây" if minutes else f"{rest} giây"


def speaker_line(speaker: Speaker) -> str:
    """One speaker as the minutes print them."""
    kind = "chất vấn" if speaker.kind == "question" else "phát biểu"
    site = f" ({speaker.site})" if speaker.site else ""
    return f"{speaker.name}{site}: {kind} lúc {speaker.started}, {duration(speaker.seconds)}"


def attendance_detail(line: object) -> str:
    """The status column: the status with its reason or proxy."""
    status, reason, proxy = line.status, line.reason, line.proxy  # type: ignore[attr-defined]
    text = f"{status} cho {proxy}" if proxy else str(status)
    return f"{text} ({reason})" if reason else text


def _site(site: SiteAttendance) -> str:
    rows = "".join(f"<tr><td>{n}</td><td>{_e(line.name)}</td><td>{_nb(line.role)}</td>"
                   f"<td>{_e(attendance_detail(line))}</td></tr>" for n, line in enumerate(site.lines, 1))
    summary = (f"Thành viên: {site.members}; có mặt: {site.present}; ủy quyền: {site.represented}; "
               f"vắng: {site.absent}; vắng có lý do: {site.excused}.")
    central = " (điểm cầu chính)" if site.central else ""
    return (f"<p><b>{_e(site.name)}</b>{central}</p>"
            f'<table class="grid"><tr><th>STT</th><th>Họ và tên</th>'
            f'<th>Vai&nbsp;trò</th><th>Điểm danh</th></tr>'
            f"{rows}</table><p class=\"small\">{summary}</p>")


def actions_table(actions: tuple[ActionLine, ...]) -> str:
    rows = "".join(f"<tr><td>{n}</td><td>{_e(a.title)}</td><td>{_e(a.owner or '')}</td>"
                   f"<td>{_nb(a.due or '')}</td></tr>" for n, a in enumerate(actions, 1))
    return ('<table class="grid"><tr><th>STT</th><th>Nội dung công việc</th>'
            '<th>Người / đơn vị thực hiện</th>'
            f'<th>Thời&nbsp;hạn</th></tr>{rows}</table>')


def _item(item: ItemContent) -> str:
    parts = [f"<h3>{item.number}. {_e(item.title)}</h3>"]
    if item.presenter:
        parts.append(f'<p><span class="label">Trình bày:</span> {_e(item.presenter)}</p>')
    if item.documents:
        parts.append(f'<p><span class="label">Tài liệu:</span> {_e("; ".join(item.documents))}</p>')
    if item.speakers:
        lines = "".join(f"<li>{_e(speaker_line(s))}</li>" for s in item.speakers)
        parts.append(f'<p><span class="label">Ý kiến phát biểu:</span></p><ul>{lines}</ul>')
    for vote in item.votes:
        options = "; ".join(f"{option}: {count}" for option, count in vote.lines)
        parts.append(f'<p><span class="label">Biểu quyết:</span> {_e(vote.question)} — {_e(options)}. '
                     f"<b>{_e(vote.outcome)}</b></p>")
    if item.conclusion:
        parts.append(f'<p><span class="label">Kết luận:</span></p>{blocks_html(item.conclusion)}')
    if item.decision:
        parts.append(f'<p><span class="label">Quyết định:</span> {_e(item.decision)}</p>')
    if item.actions:
        parts.append(f'<p><span class="label">Giao nhiệm vụ:</span></p>{actions_table(item.actions)}')
    return "".join(parts)


ANCHOR_LABEL = "Neo nhật ký kiểm tra khi ban hành:"
"""Before the audit chain's head in published minutes ("the audit log's anchor at publication")."""


def minutes_html(content: MinutesContent) -> str:
    """The whole document as HTML."""
    c = content
    head = (f'<table class="head"><tr><td style="width: 38%"><b>{_e(c.organization.upper())}</b><br/>'
            f'<span class="small">Số: &nbsp;&nbsp;&nbsp;&nbsp;/BB-HN</span></td>'
            f'<td style="width: 62%">'
            f'<span class="nation">{_nb("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")}</span><br/>'
            f'<span class="motto">{_nb("Độc lập - Tự do - Hạnh phúc")}</span><br/><br/>'
            f"<i>{_nb(c.place_and_date)}</i></td></tr></table>")
    people = [f"<p><b>Thời gian:</b> {_e(c.time)}.</p>"]
    if c.location:
        people.append(f"<p><b>Địa điểm:</b> {_e(c.location)}.</p>")
    if c.sites:
        people.append(f"<p><b>Các điểm cầu:</b> {_e('; '.join(c.sites))}.</p>")
    people.append(f"<p><b>Chủ trì:</b> {_e(c.chair or '…')}. <b>Thư ký:</b> {_e(c.secretary or '…')}.</p>")
    q = c.quorum
    verdict = "đủ" if q.reached else "không đủ"
    quorum = (f"<p><b>Số thành viên:</b> {q.members}; có mặt và ủy quyền: {q.counted}; yêu cầu "
              f"{_e(q.rule)} ({q.required}): cuộc họp <b>{verdict}</b> điều kiện tiến hành.</p>")
    body = [head, '<p class="title">BIÊN BẢN HỌP</p>', f'<p class="subtitle">{_e(c.title)}</p>',
            "<h2>I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN</h2>", *people,
            "<p><b>Thành phần tham dự theo điểm cầu:</b></p>", *(_site(s) for s in c.attendance), quorum,
            "<h2>II. NỘI DUNG CUỘC HỌP</h2>", *(_item(item) for item in c.items)]
    if c.other_actions:
        body += ["<h2>III. CÁC NHIỆM VỤ KHÁC</h2>", actions_table(c.other_actions)]
    if c.version > 1:
        body.append(f'<p class="note">Biên bản này (bản số {c.version}) thay thế bản số {c.version - 1}.</p>')
    body.append('<table class="sign"><tr><td><b>THƯ KÝ</b><br/><i>(Ký, ghi rõ họ tên)</i><br/><br/><br/><br/>'
                f"<b>{_e(c.secretary or '')}</b></td><td><b>CHỦ TRÌ</b><br/><i>(Ký, ghi rõ họ tên)</i>"
                f"<br/><br/><br/><br/><b>{_e(c.chair or '')}</b></td></tr></table>")
    if c.audit_anchor:
        body.append(f'<p class="anchor">{_e(ANCHOR_LABEL)} {_e(c.audit_anchor)}</p>')
    return f"<html><body>{''.join(body)}</body></html>"
