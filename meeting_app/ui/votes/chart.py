"""A poll's result as horizontal bars, drawn with QPainter (no chart library).

``ResultChart(result, poll)`` is reusable: the Votes tab shows it at the normal size, and
the room display (projector) can show it with ``large=True`` (big type, the verdict on
top). Each bar is an option's weight with its count and its share of the votes cast; a
dashed line marks what the first option (the motion's "yes") needed, when it fits.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from meeting_app.state.polls import option_text
from meeting_app.ui.theme import color
from meeting_app.ui.votes.texts import first_option, number, percent, verdict_text


@dataclass(frozen=True)
class ChartRow:
    """One bar: an option, its weight and its share of the votes cast."""

    option_id: str
    text: str
    count: float
    percent: str

    @property
    def label(self) -> str:
        """``"7 · 58.3%"``."""
        return f"{number(self.count)} · {self.percent}"


def result_rows(result: dict[str, Any], poll: dict[str, Any] | None = None) -> list[ChartRow]:
    """The bars of a result, in the poll's option order (or by option id)."""
    counts = {str(k): float(v) for k, v in (result.get("counts") or {}).items()}
    ids = [str(o["id"]) for o in (poll or {}).get("options") or []] or sorted(counts, key=int)
    cast = float(result.get("weight_cast") or result.get("ballots") or 0)
    return [ChartRow(i, option_text(poll, i), counts.get(i, 0.0), percent(counts.get(i, 0.0), cast))
            for i in ids]


class ResultChart(QWidget):
    """Horizontal bars of a closed poll's result; ``large`` for the room display."""

    def __init__(self, result: dict[str, Any] | None = None, poll: dict[str, Any] | None = None,
                 large: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.large = large
        self.result: dict[str, Any] = {}
        self.poll: dict[str, Any] | None = None
        self.rows: list[ChartRow] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.set_result(result or {}, poll)

    def set_result(self, result: dict[str, Any], poll: dict[str, Any] | None = None) -> None:
        """Show ``result`` (the options' texts come from ``poll``)."""
        self.result, self.poll = result, poll
        self.rows = result_rows(result, poll) if result else []
        self.updateGeometry()
        self.update()

    @property
    def verdict(self) -> str:
        """The verdict line (drawn on top in large mode)."""
        return verdict_text(self.result, self.poll) if self.result else ""

    # --- geometry ------------------------------------------------------------------------

    def _font(self, scale: float = 1.0, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * (2.2 if self.large else 1.0) * scale)
        font.setBold(bold)
        return font

    def _row_height(self) -> int:
        return QFontMetrics(self._font()).height() * 2 + (12 if self.large else 6)

    def _verdict_height(self) -> int:
        return QFontMetrics(self._font(1.1, True)).height() * 2 + 10 if self.large else 0

    def sizeHint(self) -> QSize:
        return QSize(480 if not self.large else 1200,
                     self._verdict_height() + max(1, len(self.rows)) * self._row_height() + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def hasHeightForWidth(self) -> bool:
        return False

    # --- painting ------------------------------------------------------------------------

    def _colour(self, row: ChartRow, index: int) -> QColor:
        first_id, _ = first_option(self.poll, self.result)
        if row.option_id == first_id:
            return color("success") if self.result.get("passed") else color("chart_failed")
        return color("danger") if index == 1 else color("chart_other")

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.width()
        top = 4.0
        if self.large and self.result:
            painter.setFont(self._font(1.1, True))
            painter.setPen(color("success") if self.result.get("passed") else color("danger"))
            box = QRectF(0, top, width, self._verdict_height() - 10)
            # Large type has room for the headline only ("PASSED"); the room display writes
            # the reasons beside it in normal type.
            headline = self.verdict.split(" — ")[0]
            painter.drawText(box, Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft, headline)
            top += self._verdict_height()
        if not self.rows:
            painter.setPen(color("muted"))
            painter.setFont(self._font())
            painter.drawText(QRectF(0, top, width, self._row_height()), Qt.AlignmentFlag.AlignVCenter,
                             self.tr("No result yet."))
            return
        font = self._font()
        bold = self._font(1.0, True)
        metrics = QFontMetrics(font)
        line = metrics.height()
        value_width = max(QFontMetrics(bold).horizontalAdvance(r.label) for r in self.rows) + 12
        bar_width = max(40.0, width - value_width - 4)
        scale = max([r.count for r in self.rows] + [float(self.result.get("weight_cast") or 0), 1.0])
        for index, row in enumerate(self.rows):
            y = top + index * self._row_height()
            painter.setFont(font)
            painter.setPen(color("text"))
            painter.drawText(QRectF(0, y, bar_width, line), Qt.AlignmentFlag.AlignLeft,
                             metrics.elidedText(row.text, Qt.TextElideMode.ElideRight, int(bar_width)))
            bar = QRectF(0, y + line + 2, bar_width, line * 0.9)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color("grid"))
            painter.drawRoundedRect(bar, 3, 3)
            if row.count:
                painter.setBrush(self._colour(row, index))
                painter.drawRoundedRect(QRectF(bar.x(), bar.y(), bar_width * row.count / scale,
                                               bar.height()), 3, 3)
            painter.setFont(bold)
            painter.setPen(color("text"))
            painter.drawText(QRectF(bar_width + 10, bar.y() - line * 0.1, value_width, line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, row.label)
        self._threshold_line(painter, top, bar_width, scale, line)

    def _threshold_line(self, painter: QPainter, top: float, bar_width: float, scale: float,
                        line: int) -> None:
        """A dashed line across the first bar where the "yes" votes had to reach."""
        needed = float(self.result.get("threshold") or 0)
        if not needed or needed > scale:
            return
        x = bar_width * needed / scale
        pen = QPen(color("text"), 1.5 if not self.large else 3, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        y = top + line + 2
        painter.drawLine(int(x), int(y - 2), int(x), int(y + line * 0.9 + 2))
