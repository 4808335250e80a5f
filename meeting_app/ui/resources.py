"""The client's look: icons, fonts and the style sheet, all read from ``resources/``.

Icons are SVG files drawn in one ink colour (``INK``); :func:`icon` can re-ink them, so
the same file serves a navy toolbar button and a white one on a coloured badge.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QRectF, Qt
from PySide6.QtGui import QFont, QFontDatabase, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
"""The repository's resources folder (the project is installed in place)."""
INK = "#1d3f72"
"""The colour every icon file is drawn in."""
FONT_FAMILY = "DejaVu Sans"
"""The bundled font, used when the system's default font lacks Vietnamese glyphs."""
ORGANIZATION = "paperless-meeting"
_SIZES = (16, 20, 24, 32, 48)


def resource_path(*parts: str) -> Path:
    """A path inside ``resources/``."""
    return RESOURCES.joinpath(*parts)


@cache
def _svg(name: str) -> str:
    path = resource_path("icons", f"{name}.svg")
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        log.warning("missing icon %s", path)
        return ""


@cache
def icon(name: str, color: str | None = None) -> QIcon:
    """The icon ``resources/icons/<name>.svg``, optionally re-inked in ``color``."""
    text = _svg(name)
    if not text:
        return QIcon()
    if color:
        text = text.replace(INK, color)
    renderer = QSvgRenderer(QByteArray(text.encode("utf-8")))
    result = QIcon()
    for size in _SIZES:
        # Render at twice the size so the icon stays sharp on high-density screens.
        pixmap = QPixmap(size * 2, size * 2)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size * 2, size * 2))
        painter.end()
        pixmap.setDevicePixelRatio(2.0)
        result.addPixmap(pixmap)
    return result


def load_fonts() -> str:
    """Register the bundled fonts; return the family the application should use."""
    for path in sorted(resource_path("fonts").glob("*.ttf")):
        if QFontDatabase.addApplicationFont(str(path)) < 0:
            log.warning("could not load font %s", path)
    default = QApplication.font().family()
    vietnamese = QFontDatabase.WritingSystem.Vietnamese
    if vietnamese in QFontDatabase.writingSystems(default):
        return default
    return FONT_FAMILY


def style_sheet() -> str:
    """The application style sheet, with ``url(icons/...)`` made absolute."""
    text = resource_path("styles", "app.qss").read_text(encoding="utf-8")
    return text.replace("url(icons/", f"url({resource_path('icons').as_posix()}/")


def setup_application(app: QApplication) -> None:
    """Name, icon, font and style of the application; call once after creating it."""
    app.setApplicationName("meeting-app")
    app.setApplicationDisplayName(QCoreApplication.translate("app", "Paperless Meeting Room"))
    app.setOrganizationName(ORGANIZATION)
    app.setWindowIcon(icon("app"))
    font = QFont(load_fonts())
    font.setPointSizeF(10.0)
    app.setFont(font)
    app.setStyle("Fusion")  # the same base on every platform, so the style sheet looks alike
    app.setStyleSheet(style_sheet())
    from meeting_app.ui.retranslate import follow_language_changes  # it imports this module

    follow_language_changes()
