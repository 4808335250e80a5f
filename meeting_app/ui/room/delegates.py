"""Painting agenda items and participants: the current item stands out, online people
show a green dot."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from meeting_app.state.models import AgendaModel, ParticipantsModel, role_label
from meeting_app.ui.distinct_names import distinct_elided
from meeting_app.ui.resources import icon
from meeting_app.ui.theme import color
from protocol.roles import MeetingRole

Index = QModelIndex | QPersistentModelIndex
ROLE_TONES = {MeetingRole.CHAIR: "danger", MeetingRole.SECRETARY: "accent"}
"""The theme colour of a role's name in the participants list."""


def _font(base: QFont, bold: bool = False, scale: float = 1.0) -> QFont:
    font = QFont(base)
    font.setBold(bold)
    font.setPointSizeF(base.pointSizeF() * scale)
    return font


class AgendaDelegate(QStyledItemDelegate):
    """Number, title (wrapped), presenter and duration; the current item in gold."""

    PAD, NUMBER = 10, 28

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else option.rect.width()
        return max(120, width - self.NUMBER - 3 * self.PAD - 4)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        title_font = _font(option.font, bold=True)
        title = QFontMetrics(title_font).boundingRect(
            QRect(0, 0, self._text_width(option), 10_000), Qt.TextFlag.TextWordWrap,
            str(index.data()))
        line = QFontMetrics(_font(option.font, scale=0.9)).height()
        return QSize(self._text_width(option), title.height() + line + 2 * self.PAD + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(2, 2, -2, -2)
        current = bool(index.data(AgendaModel.CurrentRole))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        background = color("gold_pale") if current else (color("selection") if selected else None)
        if background is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(background)
            painter.drawRoundedRect(rect, 6, 6)
        if current:
            painter.setBrush(color("gold"))
            painter.drawRoundedRect(QRect(rect.left(), rect.top(), 4, rect.height()), 2, 2)
        # The number in a circle: filled navy for the current item.
        circle = QRect(rect.left() + self.PAD, rect.top() + self.PAD, self.NUMBER, self.NUMBER)
        painter.setPen(color("accent"))
        painter.setBrush(color("accent") if current else Qt.BrushStyle.NoBrush)
        painter.drawEllipse(circle)
        painter.setPen(color("on_accent") if current else color("accent"))
        painter.setFont(_font(option.font, bold=True, scale=0.9))
        painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, str(index.data(AgendaModel.NumberRole)))

        left = circle.right() + self.PAD
        width = rect.right() - left - self.PAD
        title_font = _font(option.font, bold=True)
        title_rect = QFontMetrics(title_font).boundingRect(
            QRect(left, rect.top() + self.PAD, width, 10_000), Qt.TextFlag.TextWordWrap,
            str(index.data()))
        painter.setFont(title_font)
        painter.setPen(color("accent") if current else color("text"))
        painter.drawText(title_rect, Qt.TextFlag.TextWordWrap, str(index.data()))

        details = [str(index.data(AgendaModel.PresenterRole) or "")]
        minutes = index.data(AgendaModel.DurationRole)
        if minutes:
            details.append(self.tr("{n} min").format(n=minutes))
        small = _font(option.font, scale=0.9)
        painter.setFont(small)
        painter.setPen(color("muted"))
        line = QRect(left, title_rect.bottom() + 3, width, QFontMetrics(small).height())
        text = "  ·  ".join(part for part in details if part)
        if current:
            now = self.tr("NOW")
            tag_width = QFontMetrics(small).horizontalAdvance(now) + 14
            tag = QRect(line.right() - tag_width, line.top(), tag_width, line.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color("gold"))
            painter.drawRoundedRect(tag, 4, 4)
            painter.setPen(color("on_gold"))
            painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, now)
            line.setRight(tag.left() - 6)
            painter.setPen(color("muted"))
        metrics = QFontMetrics(small)
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(text, Qt.TextElideMode.ElideRight, line.width()))
        painter.restore()


class ParticipantDelegate(QStyledItemDelegate):
    """Sites as group headers with their online count; people with a presence dot."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        height = QFontMetrics(option.font).height()
        site = index.data(ParticipantsModel.KindRole) == "site"
        return QSize(200, height + (16 if site else 12))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, option.palette.color(QPalette.ColorRole.Highlight))
        online = bool(index.data(ParticipantsModel.OnlineRole))
        if index.data(ParticipantsModel.KindRole) == "site":
            self._paint_site(painter, option, index, online)
        else:
            self._paint_person(painter, option, index, online)
        painter.restore()

    @staticmethod
    def site_text(index: Index, metrics: QFontMetrics, width: int) -> str:
        """A site's name in ``width`` pixels, shortened so that sites stay told apart
        ("…Đà Nẵng", not "Điểm cầu …")."""
        return distinct_elided(str(index.data()), _site_names(index.model()), metrics, width)

    def _paint_site(self, painter: QPainter, option: QStyleOptionViewItem, index: Index,
                    online: bool) -> None:
        rect = option.rect
        central = bool(index.data(ParticipantsModel.CentralRole))
        glyph = icon("central-site" if central else "site", None if online else "disabled")
        glyph.paint(painter, QRect(rect.left() + 2, rect.center().y() - 9, 18, 18))
        counts = self.tr("{online}/{total} online").format(
            online=index.data(ParticipantsModel.OnlineCountRole) or 0,
            total=index.data(ParticipantsModel.CountRole) or 0)
        small = _font(option.font, scale=0.88)
        counts_width = QFontMetrics(small).horizontalAdvance(counts) + 8
        text_rect = rect.adjusted(26, 0, -counts_width - 4, 0)
        painter.setFont(_font(option.font, bold=True))
        painter.setPen(color("accent"))
        name = self.site_text(index, QFontMetrics(painter.font()), text_rect.width())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, name)
        painter.setFont(small)
        painter.setPen(color("success") if online else color("disabled"))
        painter.drawText(rect.adjusted(0, 0, -4, 0),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, counts)

    def _paint_person(self, painter: QPainter, option: QStyleOptionViewItem, index: Index,
                      online: bool) -> None:
        rect = option.rect
        dot = QRect(rect.left() + 4, rect.center().y() - 4, 9, 9)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color("success") if online else color("control_border"))
        painter.drawEllipse(dot)
        role = index.data(ParticipantsModel.RoleRole)
        label = role_label(role)
        small = _font(option.font, scale=0.88)
        role_width = QFontMetrics(small).horizontalAdvance(label) + 8
        painter.setFont(option.font)
        painter.setPen(color("text") if online else color("muted"))
        text_rect = rect.adjusted(20, 0, -role_width - 4, 0)
        name = QFontMetrics(option.font).elidedText(
            str(index.data()), Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, name)
        painter.setFont(_font(small, bold=role in ROLE_TONES))
        painter.setPen(color(ROLE_TONES.get(role, "muted")))
        painter.drawText(rect.adjusted(0, 0, -4, 0),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, label)


def _site_names(model: QAbstractItemModel | None) -> list[str]:
    """The names of the sites (the top rows) of a participants model."""
    if model is None:
        return []
    rows = (model.index(row, 0) for row in range(model.rowCount()))
    return [str(i.data()) for i in rows if i.data(ParticipantsModel.KindRole) == "site"]
