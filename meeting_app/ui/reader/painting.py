"""What the page view paints over and around page images: the paper, search hits, the
watermark of a restricted document."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from meeting_app.pdf import SearchHit
from meeting_app.pdf.documents import TILE_PX, tile_place
from meeting_app.ui.theme import color

PAPER = QColor("#ffffff")
SHADOW = QColor(29, 63, 114, 40)
HIT_FILL = QColor(255, 214, 0, 110)
CURRENT_FILL = QColor(255, 140, 0, 130)
CURRENT_EDGE = QColor("#c25e00")
WATERMARK_INK = QColor(179, 38, 30, 44)


def paint_paper(painter: QPainter, rect: QRect) -> None:
    """A blank sheet with a soft shadow, where the page image goes."""
    painter.fillRect(rect.adjusted(2, 3, 2, 3), SHADOW)
    painter.fillRect(rect, PAPER)


def paint_label(painter: QPainter, rect: QRect, text: str) -> None:
    """A grey note in the middle of a page ("12", "This page cannot be displayed")."""
    painter.save()
    painter.setPen(color("disabled"))
    font = QFont(painter.font())
    font.setPointSizeF(max(8.0, min(28.0, rect.width() / 18)))
    painter.setFont(font)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
    painter.restore()


def paint_hits(painter: QPainter, rect: QRect, px_per_point: float,
               hits: Sequence[tuple[SearchHit, bool]]) -> None:
    """Search hits on one page: every hit tinted yellow, the current one orange and outlined.
    ``rect`` is where the page is painted; hit rects are in page points."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for hit, current in hits:
        for r in hit.rects:
            box = QRectF(rect.x() + r.x() * px_per_point, rect.y() + r.y() * px_per_point,
                         r.width() * px_per_point, r.height() * px_per_point).adjusted(-1, -1, 1, 1)
            painter.fillRect(box, CURRENT_FILL if current else HIT_FILL)
            if current:
                painter.setPen(QPen(CURRENT_EDGE, 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(box.adjusted(-1, -1, 1, 1), 2, 2)
    painter.restore()


def paint_tiles(painter: QPainter, rect: QRect, dpr: float, tiles: dict[int, QImage]) -> None:
    """Tiles of a page drawn 1:1 in device pixels over its blurry whole image."""
    for tile, image in tiles.items():
        column, row = tile_place(tile)
        painter.drawImage(QRectF(rect.x() + column * TILE_PX / dpr, rect.y() + row * TILE_PX / dpr,
                                 image.width() / dpr, image.height() / dpr), image)


def paint_watermark(painter: QPainter, rect: QRect, text: str) -> None:
    """``text`` repeated diagonally over the page, faint red: whoever photographs the screen
    photographs the viewer's name with it. Sized to the page, so it scales with the zoom."""
    if not text.strip() or rect.width() < 20:
        return
    painter.save()
    painter.setClipRect(rect)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(max(8, round(rect.width() / 22)))
    painter.setFont(font)
    painter.setPen(WATERMARK_INK)
    metrics = QFontMetricsF(font)
    lines = text.splitlines() or [text]
    block = QRectF(0, 0, max(metrics.horizontalAdvance(line) for line in lines) + font.pixelSize() * 3,
                   metrics.lineSpacing() * len(lines) + font.pixelSize() * 3)
    painter.translate(QPointF(rect.center()))
    painter.rotate(-35)
    reach = math.hypot(rect.width(), rect.height()) / 2
    rows = int(reach / block.height()) + 1
    cols = int(reach / block.width()) + 1
    for row in range(-rows, rows + 1):
        shift = block.width() / 2 if row % 2 else 0.0  # a brick pattern, so no column of gaps
        for col in range(-cols, cols + 1):
            cell = block.translated(col * block.width() + shift - block.width() / 2,
                                    row * block.height() - block.height() / 2)
            painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, "\n".join(lines))
    painter.restore()
