"""The user guide in the client: Help › User guide (F1) in the main windows.

The guide is the Markdown of ``docs/guide/<language>.md`` (English and Vietnamese, with
the screenshots beside it), shown in a ``QTextBrowser`` in the interface's language and
shown again in the other one when the language switches.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QTextBrowser, QVBoxLayout, QWidget

from meeting_app.ui.i18n import current_language, translations
from meeting_app.ui.resources import RESOURCES, icon

GUIDES = RESOURCES.parent / "docs" / "guide"
"""The guide's folder: ``en.md``, ``vi.md`` (the project is installed in place)."""


def guide_path(language: str) -> Path:
    """The guide in ``language``, or the English one when there is none in it."""
    path = GUIDES / f"{language}.md"
    return path if path.exists() else GUIDES / "en.md"


class GuideWindow(QWidget):
    """The guide for reading beside the meeting: links inside it work, images show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideWindow")
        self.setWindowIcon(icon("app"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setAccessibleName(self.tr("User guide"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.resize(900, 760)
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
