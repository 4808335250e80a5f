"""The client's look: icons, fonts and the style sheet, all read from ``resources/``.

Icons are SVG files drawn in one ink colour (``INK``); :func:`icon` re-inks them in a
colour role of the theme (``meeting_app/ui/theme.py``) each time they are drawn, so the
same file serves a navy toolbar button and a white one on a coloured badge, and every icon
already set on a button follows a change of theme.
"""

from __future__ import annotations

import logging
import tempfile
from functools import cache, lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QRect, QRectF, QSettings, QSize, Qt
from PySide6.QtGui import QFont, QFontDatabase, QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from meeting_app.ui import theme, touch
from meeting_app.ui.indicators import apply_style
from meeting_app.ui.resource_paths import resource_path
from meeting_app.ui.retranslate import follow_language_changes

log = logging.getLogger(__name__)

INK = "#1d3f72"
"""The colour every icon file is drawn in."""
FONT_FAMILY = "DejaVu Sans"
"""The bundled font, used when the system's default font lacks Vietnamese glyphs."""
ORGANIZATION = "paperless-meeting"
_SIZES = (16, 20, 24, 32, 48)


@cache
def _svg(name: str) -> str:
    path = resource_path("icons", f"{name}.svg")
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        log.warning("missing icon %s", path)
        return ""


@lru_cache(maxsize=4096)
def _render(name: str, ink: str, width: int, height: int) -> QPixmap:
    """``name`` drawn in ``ink`` on a transparent pixmap of ``width`` x ``height`` pixels."""
    text = _svg(name).replace(INK, ink)
    renderer = QSvgRenderer(QByteArray(text.encode("utf-8")))
    pixmap = QPixmap(max(1, width), max(1, height))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    return pixmap


class _InkEngine(QIconEngine):
    """Draws an SVG icon in the theme's colour of its role, looked up at each drawing.

    ``ink`` is a colour role of the theme ("accent", "danger", "on_accent"...) or a fixed
    ``#rrggbb``. A disabled icon takes the theme's "disabled" colour.
    """

    def __init__(self, name: str, ink: str) -> None:
        super().__init__()
        self.name, self.ink = name, ink

    def _ink(self, mode: QIcon.Mode) -> str:
        current = theme.current()
        if mode == QIcon.Mode.Disabled:
            return current.hex("disabled")
        if self.ink.startswith("#"):
            return self.ink
        return current.colors.get(self.ink, current.hex("accent"))

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State,
                     scale: float) -> QPixmap:
        """The icon at ``size`` logical pixels for a screen of ``scale`` (sharp on HiDPI)."""
        pixmap = QPixmap(_render(self.name, self._ink(mode), round(size.width() * scale),
                                 round(size.height() * scale)))
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        """The icon at ``size`` device pixels."""
        return QPixmap(_render(self.name, self._ink(mode), size.width(), size.height()))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        """Draw the icon into ``rect`` at the painter's device pixel ratio."""
        scale = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        """Icons are square and scale to any size."""
        side = min(size.width(), size.height())
        return QSize(side, side)

    def availableSizes(self, mode: QIcon.Mode = QIcon.Mode.Normal,
                       state: QIcon.State = QIcon.State.Off) -> list[QSize]:
        """The sizes the toolkit may ask for (any other scales as well)."""
        return [QSize(size, size) for size in _SIZES]

    def clone(self) -> QIconEngine:
        """A copy (Qt detaches icons by cloning their engine)."""
        copy = _InkEngine(self.name, self.ink)
        _ENGINES.append(copy)
        return copy

    def key(self) -> str:
        """The engine's kind."""
        return "meeting-ink"


_ENGINES: list[QIconEngine] = []
"""Every engine handed to Qt, kept alive here: a QIcon holds only the C++ side."""


@cache
def icon(name: str, color: str | None = None) -> QIcon:
    """The icon ``resources/icons/<name>.svg`` in the ink of ``color``: a colour role of
    the theme (default "accent") or a fixed ``#rrggbb``; it follows theme changes."""
    if not _svg(name):
        return QIcon()
    engine = _InkEngine(name, color or "accent")
    _ENGINES.append(engine)
    return QIcon(engine)


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


def style_sheet(current: theme.Theme | None = None) -> str:
    """The application style sheet in the colours of ``current`` (default: the theme in
    use), with ``url(icons/...)`` made absolute."""
    text = resource_path("styles", "app.qss").read_text(encoding="utf-8")
    chosen = current or theme.current()
    text = chosen.substitute(text)
    if touch.enabled():
        text += touch.RULES
    return text.replace("url(icons/", f"url({_inked_icons(chosen.hex('accent')).as_posix()}/")


def _inked_icons(ink: str) -> Path:
    """A folder of the icons the style sheet names, drawn in ``ink`` (the files in
    ``resources/icons`` themselves when ``ink`` is theirs)."""
    if ink.lower() == INK:
        return resource_path("icons")
    folder = Path(tempfile.gettempdir()) / f"meeting-app-icons-{ink.lstrip('#').lower()}"
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("chevron-down", "chevron-up"):
        target = folder / f"{name}.svg"
        text = _svg(name).replace(INK, ink)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
    return folder


def apply_theme(choice: str, app: QApplication | None = None) -> theme.Theme:
    """Switch the running application to the theme of ``choice`` ("system", "light",
    "dark", "contrast") at once."""
    target = app or QApplication.instance()
    assert isinstance(target, QApplication)
    return theme.apply(target, choice, style_sheet)


def apply_touch_mode(on: bool, app: QApplication | None = None) -> None:
    """Turn touch mode on or off at once in every window: the style sheet gains or loses
    the touch rules, then ``touch.signals().changed`` tells whoever follows it."""
    if not touch.set_state(on):
        return
    apply_theme(theme.choice(), app)
    touch.signals().changed.emit(on)


def setup_application(app: QApplication, settings: QSettings | None = None) -> None:
    """Name, icon, font and style of the application; call once after creating it. The
    theme is the one chosen last time (``settings``), following the system by default."""
    app.setApplicationName("meeting-app")
    app.setApplicationDisplayName(QCoreApplication.translate("app", "Paperless Meeting Room"))
    app.setOrganizationName(ORGANIZATION)
    app.setWindowIcon(icon("app"))
    font = QFont(load_fonts())
    font.setPointSizeF(10.0)
    app.setFont(font)
    apply_style(app)  # Fusion, indicators outlined
    apply_touch_mode(touch.saved(settings), app)
    apply_theme(theme.saved_choice(settings), app)
    # "system" follows the platform when its colour scheme changes.
    app.styleHints().colorSchemeChanged.connect(_scheme_changed)
    follow_language_changes()


def _scheme_changed(*_args: object) -> None:
    if theme.choice() == theme.SYSTEM:
        apply_theme(theme.SYSTEM)
