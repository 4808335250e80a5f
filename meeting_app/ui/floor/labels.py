"""Small widgets of the floor's screens: a label that elides instead of widening its
window, and the filled "primary" button with a white icon."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QWidget

from meeting_app.ui.resources import icon


class ElidedLabel(QLabel):
    """One line that ends in "…" when it does not fit; the whole text in the tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        """Show ``text`` (elided to the width)."""
        self.full_text = text
        self.setToolTip(text)
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight,
                                                   max(0, self.width())))

    def minimumSizeHint(self) -> QSize:
        return QSize(40, super().minimumSizeHint().height())


def primary_button(text: str, icon_name: str, tooltip: str = "",
                   parent: QWidget | None = None) -> QPushButton:
    """The filled navy button of the main action, its icon in white."""
    button = QPushButton(icon(icon_name, "on_accent"), text, parent)
    button.setIconSize(QSize(18, 18))
    button.setProperty("primary", True)
    if tooltip:
        button.setToolTip(tooltip)
    return button
