"""The application's real look for tests that measure or switch it, restored afterwards
(the other tests run with Qt's plain style)."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QApplication

from meeting_app.ui import theme
from meeting_app.ui.resources import apply_theme, apply_touch_mode


def styled_app(app: QApplication) -> Iterator[None]:
    """The light theme's style sheet and palette while the test runs; then as before."""
    sheet, palette = app.styleSheet(), app.palette()
    apply_theme(theme.LIGHT, app)
    yield
    apply_touch_mode(False, app)
    apply_theme(theme.LIGHT, app)  # the theme's state back to light (colours painted)
    app.setStyleSheet(sheet)
    app.setPalette(palette)
