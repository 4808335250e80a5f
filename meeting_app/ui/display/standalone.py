"""``meeting-app --display``: the room display on its own, for a computer that drives a
site's projector. It signs in like the app, then opens the display of the chosen meeting
with its own connection, store and document cache (no meeting room window)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from meeting_app.net.downloads import DocumentCache, Downloader
from meeting_app.state.documents import DocumentSync, default_cache_dir
from meeting_app.state.store import MeetingStore
from meeting_app.ui.display.window import RoomDisplayWindow
from meeting_app.ui.session import Session
from meeting_app.vault import user_cache_dir


class DisplayRoom(QObject):
    """One meeting's room display and what feeds it; it sends no command."""

    closed = Signal(int)
    """The meeting id, when the display window closes."""

    def __init__(self, session: Session, meeting_id: int, connection: Any = None,
                 cache_dir: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.meeting_id = meeting_id
        self.store = MeetingStore(self)
        self.connection = connection if connection is not None else session.connect(self)
        cache = DocumentCache(user_cache_dir(cache_dir or default_cache_dir(), session.server_url,
                                             session.username), session.cache_key)
        self.downloader = Downloader(session.server_url, session.token, cache, parent=self)
        self.sync = DocumentSync(self.store, self.downloader, self)
        self.window = RoomDisplayWindow(self.store, self.sync)
        self.connection.snapshot_received.connect(self._snapshot)
        self.connection.event_received.connect(self.store.apply)
        self.connection.server_time_observed.connect(self.store.observe_server_time)
        self.window.closed.connect(self._closed)

    def open(self, full_screen: bool = False) -> None:
        """Show the display, connect and join the meeting."""
        if full_screen:
            self.window.showFullScreen()
        else:
            self.window.show()
        self.connection.join_meeting(self.meeting_id)
        self.connection.start()

    def _snapshot(self, meeting_id: int, seq: int, snapshot: dict[str, Any]) -> None:
        if meeting_id == self.meeting_id:
            self.store.load(seq, snapshot)

    def _closed(self) -> None:
        self.downloader.shutdown()
        self.connection.stop()
        self.closed.emit(self.meeting_id)
