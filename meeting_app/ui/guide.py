"""The user guide in the client: Help › User guide (F1) in the main windows.

The guide is the Markdown of ``docs/guide/<language>.md`` (English and Vietnamese, with
the screenshots beside it), shown in a ``QTextBrowser`` in the interface's language and
shown again in the other one when the language switches. Its screenshots are as wide as
the windows they show; they are scaled down to the browser's width (never up), so that
the guide reads without scrolling sideways.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QImageReader,
    QKeySequence,
    QResizeEvent,
    QTextBlock,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QMainWindow, QTextBrowser, QVBoxLayout, QWidget

from meeting_app.ui.i18n import current_language, translations
from meeting_app.ui.resource_paths import RESOURCES
from meeting_app.ui.resources import icon
from meeting_app.ui.screen_fit import fit_to_screen

GUIDES = RESOURCES.parent / "docs" / "guide"
"""The guide's folder: ``en.md``, ``vi.md`` (the project is installed in place)."""


def guide_path(language: str) -> Path:
    """The guide in ``language``, or the English one when there is none in it."""
    path = GUIDES / f"{language}.md"
    return path if path.exists() else GUIDES / "en.md"


class GuideBrowser(QTextBrowser):
    """A ``QTextBrowser`` whose images fit its width: each is given the width the text has
    beside it (keeping its aspect, never more than its own), again on every resize."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fitted_for = -1
        """The viewport width the images were last fitted to."""
        self._natural: dict[str, int] = {}
        """Each image's own width in pixels, by its address (0: unknown)."""
        self.sourceChanged.connect(lambda _url: self.fit_images(force=True))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Refit the images to the new width."""
        super().resizeEvent(event)
        self.fit_images()

    def fit_images(self, force: bool = False) -> None:
        """Give every image of the document the width of the text beside it, at most its own."""
        viewport = self.viewport().width()
        if viewport == self._fitted_for and not force:
            return
        self._fitted_for = viewport
        document = self.document()
        # A little slack: rounding in the layout must not bring the scroll bar back.
        room = viewport - 2 * document.documentMargin() - 4
        changes = []
        block = document.begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                image = fragment.charFormat().toImageFormat()
                natural = self._natural_width(image.name()) if image.isValid() else 0
                if natural:
                    width = max(32.0, min(float(natural), room - self._indent(block)))
                    if abs(image.width() - width) > 0.5:
                        image.setWidth(width)
                        # No height: it follows the width's scale.
                        image.clearProperty(QTextFormat.Property.ImageHeight)
                        changes.append((fragment.position(), fragment.length(), image))
                fragments += 1
            block = block.next()
        # Applied after the walk: changing a format can split the fragments walked over.
        cursor = QTextCursor(document)
        for position, length, image in changes:
            cursor.setPosition(position)
            cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(image)

    def _indent(self, block: QTextBlock) -> float:
        """How far the block's text starts from the document's margin (lists, quotes)."""
        document, style = self.document(), block.blockFormat()
        indent = style.leftMargin() + style.rightMargin() + style.indent() * document.indentWidth()
        text_list = block.textList()
        if text_list is not None:
            indent += text_list.format().indent() * document.indentWidth()
        return indent

    def _natural_width(self, name: str) -> int:
        url = self.source().resolved(QUrl(name))
        key = url.toString()
        if key not in self._natural:
            path = url.toLocalFile() if url.isLocalFile() else ""
            size = QImageReader(path).size() if path else None
            self._natural[key] = size.width() if size is not None and size.isValid() else 0
        return self._natural[key]


class GuideWindow(QWidget):
    """The guide for reading beside the meeting: links inside it work, images show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideWindow")
        self.setWindowIcon(icon("app"))
        self.browser = GuideBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setAccessibleName(self.tr("User guide"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        fit_to_screen(self, 900, 760)
        self.show_language(current_language())
        translations().changed.connect(self.show_language)

    def show_language(self, language: str) -> None:
        """Show the guide in ``language`` (from the top)."""
        path = guide_path(language)
        self.setWindowTitle(self.tr("User guide"))
        # Relative image paths and the other guide's link resolve against the guide's folder.
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(path)))


class UserGuideAction(QAction):
    """Help › User guide (F1): opens the guide as a window of its own, one per main window."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(QCoreApplication.translate("HelpMenu", "&User guide"), window)
        self.setObjectName("userGuideAction")
        self.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self._window = window
        self.guide: GuideWindow | None = None
        self.triggered.connect(self.open_guide)

    def open_guide(self) -> GuideWindow:
        """Show the guide (made on first use) and bring it to the front."""
        if self.guide is None:
            # A child of the main window that is a window of its own: it closes with it.
            self.guide = GuideWindow(self._window)
            self.guide.setWindowFlag(Qt.WindowType.Window)
        self.guide.show()
        self.guide.raise_()
        self.guide.activateWindow()
        return self.guide


def add_help_menu(window: QMainWindow) -> UserGuideAction:
    """A Help menu with "User guide" (F1) on ``window``."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("HelpMenu", "&Help"))
    menu.setObjectName("helpMenu")
    action = UserGuideAction(window)
    menu.addAction(action)
    return action
