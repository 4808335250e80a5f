"""The application's style: Fusion, with the check boxes and radio buttons outlined in the
theme's muted text colour.

Fusion draws an indicator's outline a shade darker than the window: on the light and dark
themes that is faint (below the 3:1 contrast a control's parts need), on the high-contrast
theme's black it is black, so an unticked box or an unchosen option could not be seen.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QStyleOption, QWidget

from meeting_app.ui import theme

_BOXES = (QStyle.PrimitiveElement.PE_IndicatorCheckBox,
          QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck)
_RADIO = QStyle.PrimitiveElement.PE_IndicatorRadioButton


class OutlinedIndicators(QProxyStyle):
    """Fusion with check and radio indicators drawn around in the muted text colour."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,
                      painter: QPainter, widget: QWidget | None = None) -> None:
        """Fusion's drawing, then the outline of an indicator on top."""
        super().drawPrimitive(element, option, painter, widget)
        if element not in _BOXES and element != _RADIO:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(theme.color("muted"), 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if element == _RADIO:
            painter.drawEllipse(QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5))
        else:
            painter.drawRoundedRect(QRectF(option.rect).adjusted(0.5, 0.5, -1.5, -1.5), 2, 2)
        painter.restore()


_STYLE: list[OutlinedIndicators] = []
"""The style handed to Qt, kept alive on the Python side."""


def apply_style(app: QApplication) -> None:
    """Give ``app`` the style (the same base on every platform, so the sheet looks alike)."""
    if not _STYLE:
        _STYLE.append(OutlinedIndicators())
    app.setStyle(_STYLE[0])
