"""Painting the documents list: agenda items as headings; each document with its title,
pages, version and size, a lock for restricted ones, "Not released" for those prepared
ahead, and where its download stands (✓ offline, a progress bar, or an error with Retry).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QMouseEvent, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from meeting_app.net.downloads import DONE, FAILED, RUNNING
from meeting_app.state.documents import DocumentsModel, DownloadState, is_released, is_restricted, size_text
from meeting_app.ui.resources import icon
from meeting_app.ui.theme import color

Index = QModelIndex | QPersistentModelIndex
STATE_WIDTH = 118


def count_text(n: int, one: str, many: str) -> str:
    """``one`` or ``many`` with ``{n}`` filled in (English plural; no translations yet)."""
    return (one if n == 1 else many).format(n=n)


def _font(base: QFont, bold: bool = False, scale: float = 1.0) -> QFont:
    font = QFont(base)
    font.setBold(bold)
    font.setPointSizeF(base.pointSizeF() * scale)
    return font


class DocumentDelegate(QStyledItemDelegate):
    """Two lines per document; emits ``retry_requested`` when "Retry" is clicked."""

    retry_requested = Signal(int)
    PAD = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = QFontMetrics(option.font).height()
        if index.data(DocumentsModel.KindRole) == "group":
            return QSize(200, line + 18)
        return QSize(200, 2 * line + 2 * self.PAD + 6)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if index.data(DocumentsModel.KindRole) == "group":
            self._paint_group(painter, option, index)
        else:
            self._paint_document(painter, option, index)
        painter.restore()

    def _paint_group(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        rect = option.rect.adjusted(0, 6, -4, 0)
        painter.setFont(_font(option.font, bold=True, scale=0.95))
        painter.setPen(color("accent"))
        text = QFontMetrics(painter.font()).elidedText(str(index.data()), Qt.TextElideMode.ElideRight,
                                                       rect.width())
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter, text)

    def _paint_document(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        doc: dict[str, Any] = index.data(DocumentsModel.DocumentRole) or {}
        state: DownloadState = index.data(DocumentsModel.DownloadRole)
        rect = option.rect.adjusted(2, 2, -4, -2)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color("selection"))
            painter.drawRoundedRect(rect, 6, 6)
        restricted = is_restricted(doc)
        glyph = icon("lock", "danger") if restricted else icon("document")
        line = QFontMetrics(option.font).height()
        glyph.paint(painter, QRect(rect.left() + self.PAD, rect.top() + self.PAD + 2, 20, 20))
        left = rect.left() + self.PAD + 28
        state_rect = QRect(rect.right() - STATE_WIDTH, rect.top(), STATE_WIDTH, rect.height())
        right = state_rect.left() - self.PAD

        # Line 1: title, then the badges.
        badges = []
        if restricted:
            badges.append((self.tr("Restricted"), color("danger"), color("danger_pale")))
        if not is_released(doc):
            badges.append((self.tr("Not released"), color("warn_text"), color("gold_pale")))
        small = _font(option.font, scale=0.85)
        small_metrics = QFontMetrics(small)
        badge_width = sum(small_metrics.horizontalAdvance(text) + 16 for text, *_ in badges)
        title_font = _font(option.font, bold=True)
        painter.setFont(title_font)
        painter.setPen(color("text"))
        top = QRect(left, rect.top() + self.PAD, right - left, line)
        title = QFontMetrics(title_font).elidedText(
            str(doc.get("title", index.data())), Qt.TextElideMode.ElideRight, top.width() - badge_width)
        painter.drawText(top, Qt.AlignmentFlag.AlignVCenter, title)
        x = left + QFontMetrics(title_font).horizontalAdvance(title) + 8
        painter.setFont(small)
        for text, ink, paper in badges:
            width = small_metrics.horizontalAdvance(text) + 12
            badge = QRect(x, top.top() + 1, width, line - 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(paper)
            painter.drawRoundedRect(badge, 4, 4)
            painter.setPen(ink)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
            x += width + 4

        # Line 2: pages, version, size, file name.
        details = []
        if doc.get("pages"):
            details.append(count_text(int(doc["pages"]), self.tr("{n} page"), self.tr("{n} pages")))
        if doc.get("version"):
            details.append(self.tr("version %s") % doc["version"])
        if doc.get("size"):
            details.append(size_text(int(doc["size"])))
        if restricted and doc.get("reader_ids") is not None:
            details.append(count_text(len(doc["reader_ids"]), self.tr("{n} named reader"),
                                      self.tr("{n} named readers")))
        painter.setPen(color("muted"))
        below = QRect(left, top.bottom() + 4, right - left, line)
        painter.drawText(below, Qt.AlignmentFlag.AlignVCenter, small_metrics.elidedText(
            "  ·  ".join(details), Qt.TextElideMode.ElideRight, below.width()))
        self._paint_state(painter, state_rect, state, small)

    def _paint_state(self, painter: QPainter, rect: QRect, state: DownloadState | None,
                     font: QFont) -> None:
        painter.setFont(font)
        align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
        if state is None or state.state == "none":
            return
        if state.state == DONE:
            painter.setPen(color("success"))
            painter.drawText(rect, align, self.tr("✓ On this device"))
        elif state.state == FAILED:
            painter.setPen(color("danger"))
            painter.drawText(rect.adjusted(0, -10, 0, -10), align, self.tr("Download failed"))
            painter.setFont(_font(font, bold=True))
            painter.drawText(rect.adjusted(0, 10, 0, 10), align, self.tr("↻ Retry"))
        else:
            bar = QRect(rect.left() + 8, rect.center().y() + 4, rect.width() - 8, 5)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color("grid"))
            painter.drawRoundedRect(bar, 2, 2)
            painter.setBrush(color("accent"))
            painter.drawRoundedRect(QRect(bar.left(), bar.top(), bar.width() * state.percent // 100,
                                          bar.height()), 2, 2)
            painter.setPen(color("muted"))
            label = f"{state.percent} %" if state.state == RUNNING else self.tr("Waiting…")
            painter.drawText(rect.adjusted(0, -10, 0, -10), align, label)

    def editorEvent(self, event: QEvent, model: Any, option: QStyleOptionViewItem,
                    index: Index) -> bool:
        """A click on "Retry" of a failed download asks for it again."""
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            state = index.data(DocumentsModel.DownloadRole)
            zone = QRect(option.rect.right() - STATE_WIDTH, option.rect.top(), STATE_WIDTH,
                         option.rect.height())
            if isinstance(state, DownloadState) and state.state == FAILED and \
                    zone.contains(event.position().toPoint()):
                self.retry_requested.emit(int(index.data(DocumentsModel.IdRole)))
                return True
        return super().editorEvent(event, model, option, index)
