"""Names shortened so that they stay told apart.

Site names share their first words ("Điểm cầu Thái Nguyên", "Điểm cầu Đà Nẵng"): cut at
the end to fit a narrow column they all read "Điểm cầu …". Here the words a name shares
with the others go first ("…Thái Nguyên"), and only what still does not fit is cut in the
middle; the whole name stays in the item's tooltip.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

ELLIPSIS = "…"


def shared_words(name: str, others: Iterable[str]) -> int:
    """How many leading words ``name`` shares with the other name most like it."""
    words = name.split(" ")
    best = 0
    for other in others:
        if other == name:
            continue
        theirs = other.split(" ")
        n = 0
        while n < min(len(words), len(theirs)) - 1 and words[n] == theirs[n]:
            n += 1
        best = max(best, n)
    return best


def distinct_elided(name: str, others: Iterable[str], metrics: QFontMetrics, width: int) -> str:
    """``name`` in at most ``width`` pixels: whole if it fits; else without the words it
    shares with ``others`` ("…Thái Nguyên"); else cut in the middle."""
    if metrics.horizontalAdvance(name) <= width:
        return name
    shared = shared_words(name, others)
    if shared:
        rest = ELLIPSIS + " ".join(name.split(" ")[shared:])
        if metrics.horizontalAdvance(rest) <= width:
            return rest
        return metrics.elidedText(rest, Qt.TextElideMode.ElideMiddle, width)
    return metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, width)


class DistinctNamesDelegate(QStyledItemDelegate):
    """Draws a column of names (sites) shortened by :func:`distinct_elided` against the
    other names of the same column."""

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        model = index.model()
        if model is None or not option.text:
            return
        column = [str(model.data(model.index(row, index.column(), index.parent())) or "")
                  for row in range(model.rowCount(index.parent()))]
        widget = option.widget
        style = widget.style() if widget is not None else None
        # What the style keeps beside the text: its focus margin, and the style sheet's
        # item padding (4 px a side, app.qss).
        margin = (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, option, widget) + 1
                  if style is not None else 3)
        room = option.rect.width() - 2 * margin - 8
        option.text = distinct_elided(option.text, column,
                                      option.fontMetrics, room)
