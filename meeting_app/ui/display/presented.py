"""The display's main area: the presented page, full height, or the agenda when nothing
is presented.

It follows the store's ``presenter`` the way a delegate's reader does (same
``ReaderWidget`` and PDF engine), but never browses away and shows no controls. A
restricted document (readable by named participants only) is not put on the room's
screen: the area says that one is being presented.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QStackedWidget, QWidget

from meeting_app.pdf import PdfEngine
from meeting_app.state.documents import DocumentSync, is_restricted
from meeting_app.state.store import MeetingStore
from meeting_app.ui.reader import ReaderWidget, ZoomMode


class PresentedArea(QStackedWidget):
    """See the module docstring."""

    def __init__(self, store: MeetingStore, sync: DocumentSync | None,
                 engine: PdfEngine | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.sync = store, sync
        self.reader = ReaderWidget(engine)
        self.reader.toolbar.hide()
        self.reader.side_panel.hide()
        self.reader.set_zoom_mode(ZoomMode.FIT_PAGE)
        # Nobody scrolls a projector: no scroll bars, no focus.
        self.reader.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.reader.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.reader.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.agenda = QListWidget()
        self.agenda.setAccessibleName(self.tr("Agenda"))
        self.agenda.setObjectName("displayAgenda")
        self.agenda.setWordWrap(True)
        self.agenda.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.agenda.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.agenda.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.agenda.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.notice = QLabel()
        self.notice.setObjectName("displayNotice")
        self.notice.setWordWrap(True)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (self.agenda, self.reader, self.notice):
            self.addWidget(widget)
        self.document_id: int | None = None
        """The document open in the reader (shown or downloading), or None."""
        self._page: int | None = None
        store.presenter_changed.connect(self.follow)
        store.documents_changed.connect(lambda: self.follow(store.presenter))
        for signal in (store.reset, store.agenda_changed, store.current_item_changed):
            signal.connect(self.fill_agenda)
        if sync is not None:
            sync.changed.connect(self._download_moved)
        self.fill_agenda()
        self.follow(store.presenter if store.loaded else None)

    @property
    def showing_page(self) -> bool:
        """Whether the presented page is on screen (not the agenda or a notice)."""
        return self.currentWidget() is self.reader and self.reader.info is not None

    # --- the presented page --------------------------------------------------------------

    def follow(self, presenter: dict[str, Any] | None) -> None:
        """Show the presented page (or the agenda when nobody presents)."""
        if presenter is None:
            self._page = None
            self.setCurrentWidget(self.agenda)
            return
        doc = self.store.document_by_id(presenter["document_id"])
        if doc is None or is_restricted(doc):
            self._close()
            self.notice.setText(self.tr("A document reserved to some participants is being "
                                        "presented.\nIt is not shown on the room display."))
            self.setCurrentWidget(self.notice)
            return
        self._page = presenter["page"]
        path = self.sync.path(doc["id"]) if self.sync is not None else None
        if path is None:
            if self.sync is not None:
                self.sync.fetch(doc["id"])
            self.document_id = doc["id"]
            self.notice.setText(self.tr("Loading “{title}”…").format(title=doc["title"]))
            self.setCurrentWidget(self.notice)
            return
        if self.document_id != doc["id"] or self.reader.info is None:
            self.document_id = doc["id"]
            key = self.sync.downloader.cache.key if self.sync is not None else None
            self.reader.open_document(path, doc["title"], cache_key=key)  # sealed in the cache
        self.reader.go_to_page(self._page)
        self.setCurrentWidget(self.reader)

    def _download_moved(self, document_id: int) -> None:
        presenter = self.store.presenter
        if presenter is not None and presenter["document_id"] == document_id \
                and self.currentWidget() is self.notice and self.sync is not None \
                and self.sync.path(document_id) is not None:
            self.document_id = None  # open it now that the file is here
            self.follow(presenter)

    def _close(self) -> None:
        if self.document_id is not None:
            self.reader.close_document()
            self.document_id = None

    # --- the agenda (nothing presented) ------------------------------------------------

    def fill_agenda(self, *_args: Any) -> None:
        """The agenda, the current item marked."""
        self.agenda.clear()
        store = self.store
        current = store.meeting["current_item_id"] if store.loaded else None
        for number, item in enumerate(store.agenda, start=1):
            row = QListWidgetItem(f"{number}.  {item['title']}")
            if item["id"] == current:
                font = self.agenda.font()
                font.setBold(True)
                row.setFont(font)
                row.setForeground(QColor("#ffd66b"))
                row.setData(Qt.ItemDataRole.UserRole, "current")
                row.setText(f"▶  {number}.  {item['title']}")
            self.agenda.addItem(row)

    def agenda_texts(self) -> list[str]:
        return [self.agenda.item(row).text() for row in range(self.agenda.count())]
