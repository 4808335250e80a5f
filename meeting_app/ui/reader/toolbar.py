"""The reader's tool bar: side panel, page "n / N" with previous/next, zoom, search."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QIntValidator
from PySide6.QtWidgets import QLabel, QLineEdit, QMenu, QToolBar, QToolButton, QWidget

from meeting_app.ui.reader.layout import ZOOM_STEPS, ZoomMode
from meeting_app.ui.resources import icon
from meeting_app.ui.widgets import Spacer

PRESETS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)


class ReaderToolBar(QToolBar):
    """Buttons and fields; it only reports what was asked (``ReaderWidget`` acts)."""

    page_entered = Signal(int)
    """0-based page typed in the page field."""
    zoom_chosen = Signal(float)
    """A preset zoom picked from the zoom menu (1.0 = 100 %)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerToolBar")
        self.setIconSize(QSize(20, 20))
        self.setMovable(False)
        self.sidebar_action = self._action("sidebar", self.tr("Pages and contents"), checkable=True)
        self.sidebar_action.setChecked(True)
        self.title = QLabel()
        self.title.setObjectName("readerTitle")
        self.addWidget(self.title)
        self.addWidget(Spacer())
        self.previous_action = self._action("previous", self.tr("Previous page (Page Up)"))
        self.page_edit = QLineEdit()
        self.page_edit.setObjectName("readerPageField")
        self.page_edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_edit.setFixedWidth(56)
        self.page_edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the pages get the first focus
        self.page_edit.setToolTip(self.tr("Page number: type one and press Enter"))
        self.page_edit.returnPressed.connect(self._page_typed)
        self.addWidget(self.page_edit)
        self.page_total = QLabel("/ 0")
        self.page_total.setObjectName("readerPageTotal")
        self.addWidget(self.page_total)
        self.next_action = self._action("next", self.tr("Next page (Page Down)"))
        self.addSeparator()
        self.zoom_out_action = self._action("zoom-out", self.tr("Zoom out (Ctrl+-)"))
        self.zoom_button = QToolButton()
        self.zoom_button.setObjectName("readerZoom")
        self.zoom_button.setToolTip(self.tr("Zoom"))
        self.zoom_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.zoom_button.setMinimumWidth(64)
        self.addWidget(self.zoom_button)
        self.zoom_in_action = self._action("zoom-in", self.tr("Zoom in (Ctrl++)"))
        modes = QActionGroup(self)
        self.fit_width_action = self._action("fit-width", self.tr("Fit width"), checkable=True)
        self.fit_page_action = self._action("fit-page", self.tr("Fit page"), checkable=True)
        for action in (self.fit_width_action, self.fit_page_action):
            modes.addAction(action)
        modes.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        menu = QMenu(self.zoom_button)
        menu.addAction(self.fit_width_action)
        menu.addAction(self.fit_page_action)
        menu.addSeparator()
        for zoom in PRESETS:
            menu.addAction(f"{round(zoom * 100)} %").triggered.connect(
                lambda _=False, z=zoom: self.zoom_chosen.emit(z))
        self.zoom_button.setMenu(menu)
        self.addSeparator()
        self.search_action = self._action("search", self.tr("Search (Ctrl+F)"), checkable=True)
        self.show_document("", 0)

    def _action(self, icon_name: str, tip: str, checkable: bool = False) -> QAction:
        action = self.addAction(icon(icon_name), tip)
        action.setToolTip(tip)
        action.setCheckable(checkable)
        return action

    def show_document(self, title: str, page_count: int) -> None:
        """The document's title and length (0 pages: nothing to navigate)."""
        metrics = self.title.fontMetrics()
        self.title.setText(metrics.elidedText(title, Qt.TextElideMode.ElideRight, 360))
        self.title.setToolTip(title)
        self.page_total.setText(f"/ {page_count}")
        self.page_edit.setValidator(QIntValidator(1, max(1, page_count), self.page_edit))
        for widget in (self.page_edit, self.zoom_button):
            widget.setEnabled(page_count > 0)
        for action in (self.previous_action, self.next_action, self.zoom_in_action,
                       self.zoom_out_action, self.fit_width_action, self.fit_page_action,
                       self.search_action):
            action.setEnabled(page_count > 0)
        self._count = page_count
        self.show_page(0)

    def show_page(self, index: int) -> None:
        """Page ``index`` (0-based) is the current one."""
        if not (self.page_edit.hasFocus() and self.page_edit.isModified()):  # not while typing
            self.page_edit.setText(str(index + 1) if self._count else "")
        self.previous_action.setEnabled(index > 0)
        self.next_action.setEnabled(index < self._count - 1)

    def show_zoom(self, zoom: float, mode: ZoomMode) -> None:
        self.zoom_button.setText(f"{round(zoom * 100)} %")
        self.fit_width_action.setChecked(mode is ZoomMode.FIT_WIDTH)
        self.fit_page_action.setChecked(mode is ZoomMode.FIT_PAGE)
        self.zoom_in_action.setEnabled(self._count > 0 and zoom < ZOOM_STEPS[-1] - 0.001)
        self.zoom_out_action.setEnabled(self._count > 0 and zoom > 0.11)

    def _page_typed(self) -> None:
        text = self.page_edit.text().strip()
        self.page_edit.clearFocus()
        if text.isdigit():
            self.page_entered.emit(int(text) - 1)
