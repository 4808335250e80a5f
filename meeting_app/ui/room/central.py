"""The central area of the meeting room: the item under discussion, the document reader,
the floor, and the places kept for votes and minutes (later versions)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from meeting_app.state.store import MeetingStore
from meeting_app.ui.resources import icon
from meeting_app.ui.room.header import duration_text, elapsed_since
from protocol.roles import MeetingStatus


class CurrentItemPage(QWidget):
    """Which item is discussed, by whom, for how long."""

    def __init__(self, store: MeetingStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(10)
        self.caption = QLabel()
        self.caption.setObjectName("currentCaption")
        self.title = QLabel()
        self.title.setObjectName("currentTitle")
        self.title.setWordWrap(True)
        self.presenter = QLabel()
        self.presenter.setWordWrap(True)
        self.clock_caption = QLabel()
        self.clock_caption.setObjectName("hint")
        self.clock = QLabel()
        self.clock.setObjectName("bigClock")
        self.next_caption = QLabel(self.tr("UP NEXT"))
        self.next_caption.setObjectName("hint")
        self.next_title = QLabel()
        self.next_title.setWordWrap(True)
        self.next_title.setObjectName("nextTitle")
        for widget in (self.caption, self.title, self.presenter):
            layout.addWidget(widget)
        layout.addSpacing(18)
        layout.addWidget(self.clock_caption)
        layout.addWidget(self.clock)
        layout.addSpacing(24)
        layout.addWidget(self.next_caption)
        layout.addWidget(self.next_title)
        layout.addStretch(1)
        for signal in (store.reset, store.meeting_changed, store.agenda_changed):
            signal.connect(self.refresh)
        self._ticker = QTimer(self, interval=1000)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()
        self.refresh()

    def refresh(self) -> None:
        """Show the store's current item."""
        store = self._store
        item = store.current_item
        status = store.meeting["status"] if store.loaded else None
        if item is None:
            texts = {None: self.tr("Joining the meeting…"),
                     MeetingStatus.SCHEDULED: self.tr("The meeting has not started yet."),
                     MeetingStatus.LIVE: self.tr("No agenda item is being discussed right now."),
                     MeetingStatus.ENDED: self.tr("The meeting has ended.")}
            self.caption.setText(self.tr("MEETING") if status else "")
            self.title.setText(texts.get(status, ""))
            self.presenter.setText("")
        else:
            ids = [i["id"] for i in store.agenda]
            self.caption.setText(self.tr("NOW DISCUSSING · ITEM {n} OF {total}").format(
                n=ids.index(item["id"]) + 1, total=len(ids)))
            self.title.setText(item["title"])
            parts = []
            if item.get("presenter"):
                parts.append(self.tr("Presented by {name}").format(name=item["presenter"]))
            if item.get("duration_min"):
                parts.append(self.tr("planned {n} min").format(n=item["duration_min"]))
            self.presenter.setText(" · ".join(parts))
        self._show_next(item)
        self._tick()

    def _show_next(self, item: dict[str, Any] | None) -> None:
        """The item that follows the current one (or the first, before the start)."""
        agenda = self._store.agenda
        ids = [i["id"] for i in agenda]
        status = self._store.meeting["status"] if self._store.loaded else None
        # Before the start the first item is next; once live with no current item, none.
        start = 0 if status == MeetingStatus.SCHEDULED else len(ids)
        position = ids.index(item["id"]) + 1 if item is not None else start
        following = agenda[position] if position < len(agenda) else None
        self.next_caption.setVisible(following is not None)
        self.next_title.setVisible(following is not None)
        if following is not None:
            self.next_title.setText(f"{position + 1}. {following['title']}")

    def _tick(self) -> None:
        item = self._store.current_item
        seconds = None
        if item is not None and self._store.meeting["status"] == MeetingStatus.LIVE:
            seconds = elapsed_since(self._store.meeting.get("current_item_started_at"))
        self.clock_caption.setVisible(seconds is not None)
        self.clock.setVisible(seconds is not None)
        if seconds is None:
            return
        self.clock_caption.setText(self.tr("Time on this item"))
        planned = item.get("duration_min") if item else None
        text = duration_text(seconds)
        self.clock.setText(f"{text} / {duration_text(planned * 60)}" if planned else text)


class PlaceholderPage(QWidget):
    """A tab kept for a part of the product that comes in a later version."""

    def __init__(self, icon_name: str, title: str, text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        glyph = QLabel()
        glyph.setPixmap(icon(icon_name, "disabled").pixmap(QSize(48, 48)))
        heading = QLabel(title)
        heading.setObjectName("placeholderTitle")
        body = QLabel(text)
        body.setObjectName("hint")
        body.setWordWrap(True)
        for widget in (glyph, heading, body):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(widget)
        layout.addStretch(2)


class CentralArea(QTabWidget):
    """Tabs: the current item, the documents, the floor, the votes and the minutes.

    A page not given (a window that does without it, as some tests do) is a placeholder
    saying what the tab is for."""

    def __init__(self, store: MeetingStore, documents: QWidget | None = None,
                 votes: QWidget | None = None, parent: QWidget | None = None,
                 floor: QWidget | None = None, minutes: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(False)
        # Every tab whole and in view: an elided tab ("B…") or one behind scroll arrows is
        # lost to the reader; the room keeps the centre wide enough for all six.
        self.tabBar().setUsesScrollButtons(False)
        self.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        self.current_page = CurrentItemPage(store)
        self.addTab(self.current_page, icon("current"), self.tr("Current item"))
        self.documents_page = self._page(documents, "document", self.tr("Documents"),
                                         self.tr("Read the meeting's documents."))
        self.floor_page = self._page(
            floor, "microphone", self.tr("Floor"),
            self.tr("Ask for the floor; the chair grants it and times each speaker."))
        self.votes_page = self._page(votes, "vote", self.tr("Votes"),
                                     self.tr("Vote on resolutions, openly or by secret ballot."))
        self.minutes_page = self._page(
            minutes, "minutes", self.tr("Minutes"),
            self.tr("The secretary records conclusions; the chair publishes the minutes."))

    def _page(self, page: QWidget | None, icon_name: str, title: str, text: str) -> QWidget:
        page = page or PlaceholderPage(icon_name, title, text)
        self.addTab(page, icon(icon_name), title)
        return page
