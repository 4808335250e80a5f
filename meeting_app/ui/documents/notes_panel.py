""""My notes": the delegate's private note on an agenda item, beside the document.

The item follows the document's agenda item (or the one under discussion); another can be
picked. Typing saves by itself a moment after the last key (``NotesStore``: synced to my
other devices, kept on this one while the connection is down).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from meeting_app.net.status import ConnectionStatus
from meeting_app.state.notes import NotesStore
from meeting_app.ui.theme import bind_style

AUTOSAVE_MS = 800


class NotesPanel(QWidget):
    """A notes editor for one agenda item at a time."""

    def __init__(self, notes: NotesStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self.notes = notes
        self.item_id: int | None = None
        title = QLabel(self.tr("My notes"))
        title.setObjectName("notesTitle")
        title.setStyleSheet("font-weight: 600; font-size: 14px;")
        self.items = QComboBox()
        self.items.setToolTip(self.tr("The agenda item these notes are about"))
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText(self.tr("Private notes on this item: only you see them, "
                                               "on every device you sign in on."))
        self.status = QLabel()
        self.status.setObjectName("notesStatus")
        bind_style(self.status, "color: @muted_strong;")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        for widget in (title, self.items, self.editor, self.status):
            layout.addWidget(widget)
        layout.setStretch(2, 1)
        self._timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_now)
        self.editor.textChanged.connect(self._typed)
        self.items.currentIndexChanged.connect(self._item_picked)
        notes.changed.connect(self._note_changed)
        notes.store.agenda_changed.connect(self._fill_items)
        notes.outbox.size_changed.connect(lambda _n: self._show_status())
        self._loading = False
        self._fill_items()

    def show_item(self, item_id: int | None) -> None:
        """Edit my note on agenda item ``item_id`` (None: the one under discussion)."""
        if item_id is None:
            current = self.notes.store.current_item
            item_id = current["id"] if current else None
        index = self.items.findData(item_id)
        if index >= 0:
            self.items.setCurrentIndex(index)
        self._item_picked()

    def save_now(self) -> None:
        self._timer.stop()
        if self.item_id is not None:
            self.notes.save(self.item_id, self.editor.toPlainText())
        self._show_status()

    def _fill_items(self) -> None:
        keep = self.item_id
        self.items.blockSignals(True)
        self.items.clear()
        for number, item in enumerate(self.notes.store.agenda, start=1):
            self.items.addItem(f"{number}. {item['title']}", item["id"])
        self.items.blockSignals(False)
        self.show_item(keep)

    def _item_picked(self) -> None:
        if self._timer.isActive():
            self.save_now()  # what was typed belongs to the item it was typed on
        item_id = self.items.currentData()
        self.item_id = item_id if isinstance(item_id, int) else None
        self._load_text()

    def _load_text(self) -> None:
        self._loading = True
        text = self.notes.text(self.item_id) if self.item_id is not None else ""
        if self.editor.toPlainText() != text:
            self.editor.setPlainText(text)
        self.editor.setEnabled(self.item_id is not None)
        self._loading = False
        self._show_status()

    def _typed(self) -> None:
        if not self._loading:
            self._timer.start()
            self.status.setText(self.tr("Editing…"))

    def _note_changed(self, item_id: int) -> None:
        # Another device's text replaces mine only while I am not typing here.
        if item_id in (-1, self.item_id) and not self._timer.isActive() and not self.editor.hasFocus():
            self._load_text()

    def _show_status(self) -> None:
        if self._timer.isActive():
            return
        waiting = any(e["key"].startswith("note:") for e in self.notes.outbox.pending())
        connection = self.notes.outbox.connection
        online = connection is not None and connection.status == ConnectionStatus.CONNECTED
        if not waiting:
            self.status.setText(self.tr("Saved."))
        elif online:
            self.status.setText(self.tr("Saving…"))
        else:
            self.status.setText(self.tr("Saved on this device; sent when the connection is back."))
        self.status.setAlignment(Qt.AlignmentFlag.AlignLeft)
