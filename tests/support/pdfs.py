"""Real PDF files for the reader's tests and benchmark, made with PyMuPDF.

``meeting_pdf()`` writes a small Vietnamese meeting document: text pages (with the
bundled DejaVu font embedded, so every diacritic is a real glyph), a table of contents,
metadata, one "scanned" page (a single JPEG photo of a text page, no text layer) and one
page of vector drawings (a chart). ``SamplePdf`` says where everything is, so tests assert
against the generator instead of hard-coded numbers. ``broken_pdfs()`` writes the files a
hostile or careless sender produces: truncated, empty, not a PDF, password-protected.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

FONT_FILE = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "DejaVuSans.ttf"
A4 = (595.0, 842.0)
PASSWORD = "mat-khau"
"""The user password of the encrypted file from ``broken_pdfs()``."""

TITLE = "Kỳ họp thứ Tám — Tài liệu phiên họp"
PARAGRAPHS = (
    "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015; căn cứ Luật sửa đổi, bổ sung "
    "một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương.",
    "Thực hiện chương trình công tác năm, Văn phòng Chính phủ chuẩn bị tài liệu, bảo đảm "
    "kỹ thuật và an toàn thông tin cho phiên họp trực tuyến.",
    "Các đại biểu nghiên cứu kỹ tài liệu, chuẩn bị ý kiến phát biểu ngắn gọn, tập trung "
    "vào những vấn đề còn có ý kiến khác nhau; thời gian mỗi ý kiến không quá bảy phút.",
    "Đề nghị các bộ, ngành rà soát số liệu, bổ sung đánh giá tác động, làm rõ nguồn lực "
    "thực hiện và trách nhiệm của từng cơ quan, đơn vị trong tổ chức triển khai.",
    "Ý kiến góp ý bằng văn bản gửi về Văn phòng Chính phủ trước 17 giờ ngày 15 tháng 3 "
    "để tổng hợp, báo cáo Thủ tướng Chính phủ xem xét, quyết định.",
)
RESOLUTION = "Nghị quyết số 01/NQ-CP về những nhiệm vụ, giải pháp chủ yếu thực hiện kế hoạch năm."
BRIDGE = "Phiên họp được kết nối trực tuyến từ điểm cầu Trụ sở Chính phủ tới điểm cầu các tỉnh."
SECTIONS = ("I. Mục đích, yêu cầu", "II. Thành phần tham dự", "III. Nội dung phiên họp",
            "IV. Phụ lục: biểu đồ", "V. Tổ chức thực hiện")


@dataclass
class SamplePdf:
    """A generated document and where its parts are (0-based page numbers)."""

    path: Path
    page_count: int
    scanned_page: int
    vector_page: int
    toc: list[tuple[int, str, int]]
    """(level, title, 0-based page) per entry."""
    words: dict[str, list[int]] = field(default_factory=dict)
    """Phrase -> pages whose text layer holds it (the scanned page has none)."""


def _font() -> pymupdf.Font:
    return pymupdf.Font(fontfile=str(FONT_FILE))


def _write(page: pymupdf.Page, font: pymupdf.Font, lines: list[tuple[str, float]],
           top: float = 72.0) -> None:
    """Wrap and write (text, size) paragraphs from ``top`` down, 72 pt margins."""
    writer = pymupdf.TextWriter(page.rect)
    y, width = top, page.rect.width - 144
    for text, size in lines:
        line = ""
        for word in text.split():
            candidate = f"{line} {word}".strip()
            if font.text_length(candidate, fontsize=size) > width and line:
                y += size * 1.45
                writer.append((72, y), line, font=font, fontsize=size)
                line = word
            else:
                line = candidate
        y += size * 1.45
        writer.append((72, y), line, font=font, fontsize=size)
        y += size * 0.8
    writer.write_text(page)


def _text_page(doc: pymupdf.Document, font: pymupdf.Font, index: int, heading: str,
               extra: list[str]) -> None:
    page = doc.new_page(width=A4[0], height=A4[1])
    lines = [(heading, 15.0)]
    lines += [(PARAGRAPHS[(index + k) % len(PARAGRAPHS)], 11.0) for k in range(4)]
    lines += [(text, 11.0) for text in extra]
    lines += [(PARAGRAPHS[(index + 2) % len(PARAGRAPHS)], 11.0)]
    _write(page, font, lines)
    footer = pymupdf.TextWriter(page.rect)
    footer.append((A4[0] / 2 - 20, A4[1] - 40), f"Trang {index + 1}", font=font, fontsize=9)
    footer.write_text(page)


def _scanned_page(doc: pymupdf.Document, font: pymupdf.Font) -> None:
    """A page that is one 300 dpi JPEG of a text page: what a scanner produces."""
    paper = pymupdf.open()
    src = paper.new_page(width=A4[0], height=A4[1])
    src.draw_rect(src.rect, color=None, fill=(0.97, 0.96, 0.92))
    _write(src, font, [("BẢN SAO — Công văn số 125/VPCP-TH", 15.0), *[(p, 11.0) for p in PARAGRAPHS]])
    src.draw_rect(pymupdf.Rect(380, 620, 520, 720), color=(0.75, 0.1, 0.1), width=3)
    pix = src.get_pixmap(matrix=pymupdf.Matrix(300 / 72, 300 / 72), alpha=False)
    page = doc.new_page(width=A4[0], height=A4[1])
    page.insert_image(page.rect, stream=pix.tobytes("jpeg", jpg_quality=85))


def _vector_page(doc: pymupdf.Document, font: pymupdf.Font) -> None:
    """A chart: axes, a grid, bars, a curve and a few hundred small marks."""
    page = doc.new_page(width=A4[0], height=A4[1])
    _write(page, font, [("Biểu đồ: tiến độ giải ngân vốn đầu tư công theo tháng", 14.0)])
    left, top, right, bottom = 80.0, 140.0, 540.0, 460.0
    shape = page.new_shape()
    for k in range(11):
        y = bottom - k * (bottom - top) / 10
        shape.draw_line((left, y), (right, y))
    shape.finish(color=(0.8, 0.83, 0.87), width=0.5, closePath=False)
    shape.draw_line((left, top), (left, bottom))
    shape.draw_line((left, bottom), (right, bottom))
    shape.finish(color=(0.1, 0.1, 0.1), width=1.2, closePath=False)
    for month in range(12):
        height = (0.2 + 0.7 * abs(math.sin(month * 0.7))) * (bottom - top)
        x = left + 8 + month * 37.5
        shape.draw_rect(pymupdf.Rect(x, bottom - height, x + 24, bottom))
        shape.finish(color=(0.11, 0.25, 0.45), fill=(0.36, 0.55, 0.8), width=0.6)
    points = [(left + t * 4.6, top + 150 + 90 * math.sin(t / 9)) for t in range(101)]
    shape.draw_polyline(points)
    shape.finish(color=(0.83, 0.63, 0.09), width=2.0, closePath=False)
    for row in range(12):  # a scatter of small circles: many paths, like a dense map
        for col in range(24):
            centre = (70 + col * 19.5, 500 + row * 24 + 4 * math.sin(col + row))
            shape.draw_circle(centre, 3.0 + (row * col) % 4)
            shape.finish(color=(0.2, 0.2, 0.2), fill=((col * 9 % 100) / 100, 0.5, (row * 7 % 100) / 100),
                         width=0.4)
    shape.commit()


def meeting_pdf(path: Path, text_pages: int = 8) -> SamplePdf:
    """Write the sample meeting document to ``path``; see the module docstring.

    Layout: text pages 0..k-1, then the vector page, the scanned page, and the rest of
    the text pages. "Nghị quyết" is on pages 0, 2 and the last; "điểm cầu" (twice) on
    pages 1 and 3.
    """
    font = _font()
    doc = pymupdf.open()
    words: dict[str, list[int]] = {"Nghị quyết": [], "điểm cầu": []}
    toc: list[tuple[int, str, int]] = []
    vector_at, scanned_at = min(4, text_pages), min(5, text_pages + 1)
    total = text_pages + 2
    text_index = 0
    for number in range(total):
        if number == vector_at:
            _vector_page(doc, font)
            toc.append((1, SECTIONS[3], number))
            continue
        if number == scanned_at:
            _scanned_page(doc, font)
            toc.append((2, "Công văn số 125/VPCP-TH (bản quét)", number))
            continue
        extra = []
        if number in (0, 2, total - 1):
            extra.append(RESOLUTION)
            words["Nghị quyết"].append(number)
        if number in (1, 3):
            extra.append(BRIDGE)
            words["điểm cầu"].append(number)
        section = SECTIONS[min(text_index, len(SECTIONS) - 1)] if text_index < 3 else SECTIONS[4]
        heading = section if text_index in (0, 1, 2) or number == total - 1 else f"{section} (tiếp)"
        if text_index in (0, 1, 2) or number == total - 1:
            toc.append((1, section, number))
        _text_page(doc, font, number, heading, extra)
        text_index += 1
    doc.set_toc([[level, title, page + 1] for level, title, page in toc])
    doc.set_metadata({"title": TITLE, "author": "Văn phòng Chính phủ", "subject": "Tài liệu họp"})
    doc.save(str(path), garbage=3, deflate=True)
    doc.close()
    return SamplePdf(path, total, scanned_at, vector_at, toc, words)


def long_pdf(path: Path, pages: int = 120, every: int = 7) -> list[int]:
    """Many quick text pages; "điểm cầu" is twice on every ``every``-th page. Returns those pages."""
    font = _font()
    doc = pymupdf.open()
    hits = []
    for number in range(pages):
        page = doc.new_page(width=A4[0], height=A4[1])
        lines = [(f"Phụ lục {number + 1}", 13.0), (PARAGRAPHS[number % len(PARAGRAPHS)], 11.0)]
        if number % every == 0:
            lines.append((BRIDGE, 11.0))
            hits.append(number)
        _write(page, font, lines)
    doc.save(str(path), garbage=3, deflate=True)
    doc.close()
    return hits


def broken_pdfs(folder: Path) -> dict[str, Path]:
    """Files that must not open: ``truncated``, ``empty``, ``not_pdf``, ``encrypted``."""
    folder.mkdir(parents=True, exist_ok=True)
    good = meeting_pdf(folder / "good.pdf", text_pages=3).path
    data = good.read_bytes()
    files = {name: folder / f"{name}.pdf" for name in ("truncated", "empty", "not_pdf", "encrypted")}
    files["truncated"].write_bytes(data[: len(data) // 3])
    files["empty"].write_bytes(b"")
    files["not_pdf"].write_text("Đây không phải là tệp PDF.\n" * 50, encoding="utf-8")
    doc = pymupdf.open(good)
    doc.save(str(files["encrypted"]), encryption=pymupdf.PDF_ENCRYPT_AES_256,  # type: ignore[attr-defined]
             user_pw=PASSWORD, owner_pw=PASSWORD + "-owner")
    doc.close()
    return files


def rotated_pdf(path: Path) -> Path:
    """One A4 page with /Rotate 90 (shown landscape) and "Nghị quyết" on it."""
    doc = pymupdf.open()
    page = doc.new_page(width=A4[0], height=A4[1])
    page.insert_text((72, 120), "Nghị quyết xoay trang", fontname="dejavu", fontfile=str(FONT_FILE),
                     fontsize=18)
    page.set_rotation(90)
    doc.save(str(path))
    doc.close()
    return path


def huge_page_pdf(path: Path, side: float = 14400.0) -> Path:
    """One page 200 inches square (PDF's largest): a render at 2x would need 3 GB."""
    doc = pymupdf.open()
    page = doc.new_page(width=side, height=side)
    page.draw_rect(pymupdf.Rect(100, 100, side - 100, side - 100), color=(0, 0, 0), width=40)
    doc.save(str(path))
    doc.close()
    return path


def slow_page_pdf(path: Path, cell: float = 0.1) -> Path:
    """Two pages: the first a tiling pattern of ``cell``-point tiles over the whole page
    (under 1 KB, yet seconds to draw at any zoom: MuPDF paints every tile), the second
    plain text. Pages like the first are what hold a reader up."""
    doc = pymupdf.open()
    doc.new_page(width=A4[0], height=A4[1])
    doc.new_page(width=A4[0], height=A4[1]).insert_text((72, 100), "Trang 2", fontsize=18)
    pattern, contents = doc.get_new_xref(), doc.get_new_xref()
    doc.update_object(pattern, f"<< /Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 "
                               f"/BBox [0 0 {cell} {cell}] /XStep {cell} /YStep {cell} /Resources << >> >>")
    doc.update_stream(pattern, b"0 0 m 0.01 0.01 l S")
    doc.update_object(contents, "<< >>")
    doc.update_stream(contents, f"/Pattern cs /P1 scn 0 0 {A4[0]} {A4[1]} re f".encode())
    slow = doc[0].xref
    doc.xref_set_key(slow, "Resources", f"<< /Pattern << /P1 {pattern} 0 R >> >>")
    doc.xref_set_key(slow, "Contents", f"{contents} 0 R")
    doc.save(str(path))
    doc.close()
    return path


def cjk_pdf(path: Path) -> Path:
    """Chinese drawn letter-spaced ("全 世 界 人 民") and in a vertical column (全 / 世 / 界),
    as PDFs often carry it: the page text has a space or a line break between characters."""
    doc = pymupdf.open()
    page = doc.new_page(width=A4[0], height=A4[1])
    page.insert_text((72, 100), "全 世 界 人 民", fontname="china-s", fontsize=20)
    for row, char in enumerate("全世界"):
        page.insert_text((300, 200 + 25 * row), char, fontname="china-s", fontsize=20)
    doc.save(str(path))
    doc.close()
    return path


def textless_pdf(path: Path, pages: int = 3) -> Path:
    """Pages with drawings and no text at all, as a scan without a text layer is."""
    doc = pymupdf.open()
    for number in range(pages):
        page = doc.new_page(width=A4[0], height=A4[1])
        page.draw_rect(pymupdf.Rect(72, 72 + number * 10, 400, 300), color=(0, 0, 0), fill=(0.6, 0.6, 0.6))
    doc.save(str(path))
    doc.close()
    return path
