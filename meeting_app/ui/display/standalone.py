"""``meeting-app --display``: the room display on its own, for a computer that drives a
site's projector. It signs in like the app, then opens the display of the chosen meeting
on the meeting's session, with its own document cache (no meeting room window)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from meeting_app.net.downloads import DocumentCache, Downloader
from meeting_app.state.documents import DocumentSync, default_cache_dir
from meeting_app.state.session import MeetingSession
from meeting_app.ui.display.window import RoomDisplayWindow
from meeting_app.ui.session import Session
from meeting_app.vault import user_cache_dir


class DisplayRoom(QObject):
    """One meeting's room display and what feeds it; it sends no command."""

    closed = Signal(int)
    """The meeting id, when the display window closes."""

    def __init__(self, session: Session, meeting: MeetingSession,
                 cache_dir: Path | None = None, parent: QObject | None = None) -> None:
        """``meeting``: the meeting's session, held until the display closes."""
        super().__init__(parent)
        assert meeting.meeting_id is not None
        self.meeting_id = meeting.meeting_id
        self.meeting = meeting.hold(self)
        self.store, self.connection = meeting.store, meeting.connection
        cache = DocumentCache(user_cache_dir(cache_dir or default_cache_dir(), session.server_url,
                                             session.username), session.cache_key)
        self.downloader = Downloader(session.server_url, session.token, cache, parent=self)
        self.sync = DocumentSync(self.store, self.downloader, self)
        self.window = RoomDisplayWindow(self.store, self.sync)
        self.window.closed.connect(self._closed)

    def open(self, full_screen: bool = False) -> None:
        """Show the display, connect and join the meeting."""
        if full_screen:
            self.window.showFullScreen()
        else:
            self.window.show()
        self.meeting.enter()

    def _closed(self) -> None:
        self.downloader.shutdown()
        self.meeting.release(self)
        self.closed.emit(self.meeting_id)
