"""Everything documents in one meeting room: the downloader and its cache, the sync with the
store, the documents tab, following the presenter, and a download indicator for the status
bar. The room window makes one ``RoomDocuments`` and places its widgets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from meeting_app.net.downloads import DocumentCache, Downloader
from meeting_app.net.status import ConnectionStatus
from meeting_app.pdf import PdfEngine
from meeting_app.state.annotation_sync import AnnotationSync
from meeting_app.state.documents import DocumentSync, default_cache_dir
from meeting_app.state.session import MeetingSession
from meeting_app.ui.documents.delegate import count_text
from meeting_app.ui.documents.follow import PresenterLink
from meeting_app.ui.documents.tab import DocumentsTab
from meeting_app.ui.session import Session
from meeting_app.vault import remove_plain_documents, user_cache_dir
from protocol.roles import MeetingRole

EDITORS = (MeetingRole.CHAIR, MeetingRole.SECRETARY)


class DownloadIndicator(QWidget):
    """"Documents 3/7" and a thin bar in the status bar while downloads run."""

    def __init__(self, sync: DocumentSync, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sync = sync
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setFixedSize(110, 8)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        sync.overall_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        ready, total, have, size = self.sync.overall()
        busy = self.sync.busy
        self.bar.setVisible(busy)
        self.bar.setValue(int(100 * have / size) if size else 0)
        failed = self.sync.failures()
        if failed:
            self.label.setText(count_text(failed, self.tr("Documents: {n} download failed"),
                                          self.tr("Documents: {n} downloads failed")))
        elif busy:
            self.label.setText(self.tr("Downloading documents {ready}/{total}").format(
                ready=ready, total=total))
        else:
            self.label.setText(self.tr("Documents on this device ✓") if total else "")


class RoomDocuments(QObject):
    """The documents part of a meeting room; see the module docstring."""

    tab_title_changed = Signal(str)

    def __init__(self, meeting: MeetingSession, session: Session, cache_dir: Path | None = None,
                 engine: PdfEngine | None = None, parent: QObject | None = None) -> None:
        """``meeting``: the meeting's session (its store, commands and outbox)."""
        super().__init__(parent)
        store, commands, connection = meeting.store, meeting, meeting.connection
        self.store, self.session = store, session
        # One directory per server and user (wiped whole when the account is deactivated),
        # its files sealed with the session's cache key (docs/offline-cache.md).
        self.cache_dir = user_cache_dir(cache_dir or default_cache_dir(), session.server_url,
                                        session.username)
        cache = DocumentCache(self.cache_dir, session.cache_key)
        if session.cache_key is not None:
            remove_plain_documents(self.cache_dir.parent)  # an older version's, in the clear
        self.downloader = Downloader(session.server_url, session.token, cache, parent=self)
        self.sync = DocumentSync(store, self.downloader, self)
        self.tab = DocumentsTab(store, self.sync, commands, session, engine)
        # Annotations and notes: through the meeting's outbox (on disk beside the files, sealed).
        self.annotations = AnnotationSync(store, meeting.outbox, session.user_id, session.full_name, self)
        self.tab.reader_page.set_cache_policy(session.cache_key, session.allow_restricted_export)
        self.annotations.message.connect(self.tab.message)
        self.tab.reader_page.set_sync(self.annotations)
        self.link = PresenterLink(store, self.tab, commands, self)
        self.indicator = DownloadIndicator(self.sync)
        connection.status_changed.connect(self._connection)
        for signal in (store.reset, store.role_changed, store.participants_changed):
            signal.connect(self.update_rights)
        store.event_applied.connect(self._event)
        store.documents_changed.connect(self._retitle)
        self.update_rights()

    @property
    def reader(self) -> Any:
        """The room's ``ReaderWidget``."""
        return self.tab.reader

    def update_rights(self, *_args: Any) -> None:
        """Editing for the chair and the secretary; "Present" for the chair or the speaker
        holding the floor (the server checks both again)."""
        role = self.store.my_role
        self.tab.set_editor(role in EDITORS)
        holder = self.store.floor_holder_id
        me = self.store.my_user_id
        self.link.set_may_present(role == MeetingRole.CHAIR or (holder is not None and holder == me))

    def _event(self, event: dict[str, Any]) -> None:
        if str(event.get("type", "")).startswith("speaker."):
            self.update_rights()

    def _retitle(self) -> None:
        count = len(self.store.documents)
        self.tab_title_changed.emit(self.tr("Documents ({n})").format(n=count) if count
                                    else self.tr("Documents"))

    def _connection(self, status: str) -> None:
        if status == ConnectionStatus.CONNECTED:
            self.sync.retry_failed()  # failures while offline get another chance

    def shutdown(self) -> None:
        """Stop the downloads (partial files stay for the next time) and close the reader."""
        self.downloader.shutdown()
        self.tab.reader_page.close_document()
