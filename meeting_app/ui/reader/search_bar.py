"""The find bar under the tool bar: a field, "n / N", previous and next hit, close."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from meeting_app.ui.resources import icon

TYPING_PAUSE_MS = 300


class SearchBar(QFrame):
    """Reports what to search and where to go; ``ReaderWidget`` runs the search."""

    search_requested = Signal(str)
    """The text to search for (after a pause in typing, or Enter on new text)."""
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerSearchBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(4)
        glyph = QLabel()
        glyph.setPixmap(icon("search").pixmap(QSize(16, 16)))
        self.field = QLineEdit()
        self.field.setObjectName("readerSearchField")
        self.field.setPlaceholderText(self.tr("Find in document (e.g. nghị quyết)"))
        self.field.setClearButtonEnabled(True)
        self._typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._search_now)
        self.field.textEdited.connect(lambda _: self._typing.start())
        self.field.returnPressed.connect(self._enter)
        self.field.installEventFilter(self)
        self.count = QLabel()
        self.count.setObjectName("readerSearchCount")
        self.count.setMinimumWidth(90)
        self.previous_button = self._button("chevron-up", self.tr("Previous match (Shift+Enter)"))
        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button = self._button("chevron-down", self.tr("Next match (Enter)"))
        self.next_button.clicked.connect(self.next_requested)
        close = self._button("close", self.tr("Close (Esc)"))
        close.clicked.connect(self.close_bar)
        self.field.setMaximumWidth(420)
        layout.addWidget(glyph)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addStretch(0)
        layout.addWidget(close)
        self._searched = ""
        self.hide()

    def _button(self, icon_name: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setIcon(icon(icon_name))
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    def open_bar(self) -> None:
        """Show the bar with the field focused and its text selected."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        self._typing.stop()
        self.hide()
        self.closed.emit()

    def show_count(self, current: int, total: int, finished: bool) -> None:
        """"3 / 17" (current is 0-based; -1 for none yet), "No matches", or still searching."""
        self.count.setToolTip("")
        if total == 0:
            self.count.setText(self.tr("No matches") if finished else self.tr("Searching…"))
        else:
            shown = f"{current + 1} / {total}" if current >= 0 else f"– / {total}"
            self.count.setText(shown if finished else f"{shown}…")
        for button in (self.previous_button, self.next_button):
            button.setEnabled(total > 0)

    def show_no_text(self) -> None:
        """The document has no text to search: say so instead of "No matches"."""
        self.count.setText(self.tr("No searchable text"))
        self.count.setToolTip(self.tr("This document has no text that can be searched: it is a scan, "
                                      "or its fonts do not say which letters they draw."))
        for button in (self.previous_button, self.next_button):
            button.setEnabled(False)

    def clear_count(self) -> None:
        self.count.setText("")

    def _search_now(self) -> None:
        text = self.field.text().strip()
        if text != self._searched:
            self._searched = text
            self.search_requested.emit(text)

    def _enter(self) -> None:
        if self.field.text().strip() != self._searched:
            self._typing.stop()
            self._search_now()
        else:
            self.next_requested.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Shift+Enter in the field means "previous"; QLineEdit would report it as Enter.
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                    event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.previous_requested.emit()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)
