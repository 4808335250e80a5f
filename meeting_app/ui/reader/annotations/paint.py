"""Painting annotations over a page image: page points times the zoom, so an annotation
stays on its words at every zoom and on every screen."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QLineF, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF

from meeting_app.ui.reader.annotations.geometry import NOTE_SIZE, bounds

SELECTION = QColor("#1d6fd6")
LABEL_FILL = QColor(29, 63, 114, 225)


class PageMapper:
    """Page points to viewport pixels for one page painted at ``rect``."""

    def __init__(self, rect: QRect, px_per_point: float) -> None:
        self.x, self.y, self.scale = rect.x(), rect.y(), px_per_point

    def point(self, x: float, y: float) -> QPointF:
        return QPointF(self.x + x * self.scale, self.y + y * self.scale)

    def rect(self, x0: float, y0: float, x1: float, y1: float) -> QRectF:
        return QRectF(self.point(x0, y0), self.point(x1, y1)).normalized()


def color_of(annotation: dict[str, Any], alpha: int = 255) -> QColor:
    color = QColor(str(annotation["data"].get("color") or "#ffd400"))
    if not color.isValid():
        color = QColor("#ffd400")
    color.setAlpha(alpha)
    return color


def paint_annotation(painter: QPainter, mapper: PageMapper, annotation: dict[str, Any],
                     multiply: bool = True) -> None:
    """One annotation, in its kind's look. ``multiply``: a highlight multiplies what is under
    it (False: painted plain, for an image that is composited with Multiply later)."""
    kind, data, scale = annotation["kind"], annotation["data"], mapper.scale
    if kind == "highlight":
        painter.setPen(Qt.PenStyle.NoPen)
        # Multiply, as a highlighter pen: white paper takes the colour, the text stays black.
        if multiply:
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
        painter.setBrush(color_of(annotation).lighter(115))
        for q in data["quads"]:
            painter.drawPolygon(QPolygonF([mapper.point(q[0], q[1]), mapper.point(q[2], q[3]),
                                           mapper.point(q[6], q[7]), mapper.point(q[4], q[5])]))
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
    elif kind in ("underline", "strikeout"):
        pen = QPen(color_of(annotation), max(1.0, 1.3 * scale))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        for q in data["quads"]:
            if kind == "underline":  # along the bottom edge, a little above it
                a, b = (q[4], q[5] - 0.08 * (q[5] - q[1])), (q[6], q[7] - 0.08 * (q[7] - q[3]))
            else:  # through the middle of the line
                a, b = (q[0], (q[1] + q[5]) / 2 + 0.05 * (q[5] - q[1])), (q[2], (q[3] + q[7]) / 2)
            painter.drawLine(QLineF(mapper.point(*a), mapper.point(*b)))
    elif kind == "ink":
        pen = QPen(color_of(annotation), max(0.5, float(data.get("width") or 2) * scale))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for path in data["paths"]:
            if len(path) == 1:
                painter.drawPoint(mapper.point(*path[0]))
                continue
            line = QPainterPath(mapper.point(*path[0]))
            for x, y in path[1:]:
                line.lineTo(mapper.point(x, y))
            painter.drawPath(line)
    elif kind == "rect":
        painter.setPen(QPen(color_of(annotation), max(0.5, float(data.get("width") or 2) * scale)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(mapper.rect(*data["rect"]))
    elif kind == "textbox":
        box = mapper.rect(*data["rect"])
        painter.setPen(QPen(color_of(annotation), max(1.0, scale)))
        painter.setBrush(QColor(255, 255, 255, 215))
        painter.drawRect(box)
        font = QFont(painter.font())
        font.setPixelSize(max(4, round(float(data.get("font_size") or 11) * scale)))
        painter.setFont(font)
        painter.setPen(color_of(annotation).darker(130))
        pad = 3 * scale
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(box.adjusted(pad, pad, -pad, -pad), int(flags), str(data.get("text", "")))
    elif kind == "note":
        x, y = data["point"]
        box = mapper.rect(x, y, x + NOTE_SIZE, y + NOTE_SIZE)
        fold = box.width() * 0.3
        shape = QPolygonF([box.topLeft(), box.topRight(), QPointF(box.right(), box.bottom() - fold),
                           QPointF(box.right() - fold, box.bottom()), box.bottomLeft()])
        painter.setPen(QPen(color_of(annotation).darker(160), max(1.0, 0.8 * scale)))
        painter.setBrush(color_of(annotation))
        painter.drawPolygon(shape)
        for i in (1, 2, 3):
            yy = box.top() + box.height() * i / 4.5
            painter.drawLine(QLineF(box.left() + box.width() * 0.2, yy, box.right() - box.width() * 0.25, yy))


def paint_selection(painter: QPainter, mapper: PageMapper, annotation: dict[str, Any], label: str,
                    area: QRect | None = None) -> None:
    """A dashed frame around the selected annotation, and a label above it (the author, a
    sticky note's text)."""
    box = mapper.rect(*bounds(annotation)).adjusted(-4, -4, 4, 4)
    pen = QPen(SELECTION, 1.5, Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(box)
    if label:
        paint_label(painter, box.topLeft(), label, area=area)


def paint_label(painter: QPainter, at: QPointF, text: str, width: float = 260,
                area: QRect | None = None) -> None:
    """A dark tag with white text whose bottom left is at ``at`` (kept inside ``area``)."""
    font = QFont(painter.font())
    font.setPixelSize(12)
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
    text_box = metrics.boundingRect(QRectF(0, 0, width, 400), flags, text)
    tag = QRectF(at.x(), at.y() - text_box.height() - 10, text_box.width() + 12, text_box.height() + 8)
    if area is not None:
        tag.moveLeft(max(area.left() + 2, min(tag.left(), area.right() - tag.width() - 2)))
        tag.moveTop(max(area.top() + 2, tag.top()))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(LABEL_FILL)
    painter.drawRoundedRect(tag, 4, 4)
    painter.setPen(QColor("white"))
    painter.drawText(tag.adjusted(6, 4, -6, -4), flags, text)


def paint_page(painter: QPainter, rect: QRect, px_per_point: float,
               annotations: Iterable[dict[str, Any]], multiply: bool = True) -> int:
    """Every annotation of one page, antialiased; returns how many were painted."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setClipRect(rect)
    mapper = PageMapper(rect, px_per_point)
    count = 0
    for annotation in annotations:
        paint_annotation(painter, mapper, annotation, multiply)
        count += 1
    return count
