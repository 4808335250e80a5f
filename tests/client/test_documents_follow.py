"""The documents tab and the presenter link with no server: real PDFs already in the offline
cache (so nothing is fetched), the store fed with events by hand, and a connection that only
records the commands sent. The same flows run against the real server in
test_documents_room.py."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QObject, QPoint, QPointF, Qt, QUrl, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from meeting_app.state.session import MeetingSession
from meeting_app.ui.documents.dialogs import UploadDialog
from meeting_app.ui.documents.reader_page import watermark_text
from meeting_app.ui.documents.room import RoomDocuments
from meeting_app.ui.reader import BROWSING, FOLLOWING
from meeting_app.ui.session import Session
from meeting_app.vault import user_cache_dir
from tests.support.capabilities import empty_snapshot_for
from tests.support.pdfs import meeting_pdf
from tests.support.server_process import free_port

WAIT = 15_000


class RecordingConnection(QObject):
    """Stands in for ``Connection``: always connected, answers every command with ok."""

    status_changed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.status = "connected"
        self.sent: list[tuple[str, dict[str, Any]]] = []

    def command(self, name: str, payload: dict[str, Any], callback: Any = None) -> None:
        self.sent.append((name, payload))
        if callback is not None:
            callback({"ok": True, "data": {}})


@pytest.fixture(scope="module")
def pdf_files(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, str, int]]:
    folder = tmp_path_factory.mktemp("pdfs")
    made = []
    for n, pages in ((1, 6), (2, 4)):
        sample = meeting_pdf(folder / f"doc{n}.pdf", text_pages=pages)
        sha = hashlib.sha256(sample.path.read_bytes()).hexdigest()
        made.append((sample.path, sha, sample.page_count))
    return made


def document(doc_id: int, sha: str, pages: int, **extra: Any) -> dict[str, Any]:
    return {"id": doc_id, "title": f"Tài liệu {doc_id}", "sha256": sha, "pages": pages,
            "agenda_item_id": None, "version": 1, "size": 0, "filename": f"{doc_id}.pdf",
            "access": "all", "released": True, **extra}


class Room:
    """The documents part of a delegate's (or the chair's) room, without a window."""

    def __init__(self, role: str, files: list[tuple[Path, str, int]], cache: Path) -> None:
        self.connection = RecordingConnection()
        self.meeting = MeetingSession(1, self.connection)
        self.store, self.commands = self.meeting.store, self.meeting
        session = Session(f"http://127.0.0.1:{free_port()}", "token",  # nobody listens there
                          {"id": 5, "full_name": "Nguyễn Thị Hoa", "username": "delegate1"})
        mine = user_cache_dir(cache, session.server_url, "delegate1")  # without a key: plain
        mine.mkdir(parents=True, exist_ok=True)
        for path, sha, _pages in files:
            shutil.copy(path, mine / f"{sha}.pdf")
        self.docs = RoomDocuments(self.meeting, session, cache)
        snap = empty_snapshot_for(1, 5, role)
        snap["documents"] = [document(1, files[0][1], files[0][2]),
                             document(2, files[1][1], files[1][2], access="restricted")]
        snap["participants"] = [{"user_id": 1, "full_name": "Trần Văn Chủ", "role": "chair",
                                 "site_id": None, "attendance": "present", "online": True}]
        self.store.load(1, snap)
        self.seq = 1
        self.tab, self.reader, self.link = self.docs.tab, self.docs.reader, self.docs.link

    def event(self, kind: str, data: dict[str, Any]) -> None:
        self.seq += 1
        self.store.apply({"meeting_id": 1, "seq": self.seq, "type": kind, "data": data, "at": ""})

    def present(self, doc_id: int, page: int) -> None:
        self.event("presenter.page_changed", {"document_id": doc_id, "page": page})


@pytest.fixture
def make_room(tmp_path: Path, pdf_files: Any, qtbot: Any) -> Iterator[Any]:
    rooms: list[Room] = []

    def make(role: str = "delegate") -> Room:
        room = Room(role, pdf_files, tmp_path / "cache")
        qtbot.addWidget(room.tab)
        room.tab.resize(900, 700)
        room.tab.show()
        rooms.append(room)
        return room

    yield make
    for room in rooms:
        room.docs.shutdown()


def test_cached_documents_are_ready_without_any_network(make_room: Any, qtbot: Any) -> None:
    room = make_room()
    qtbot.waitUntil(lambda: room.docs.sync.overall()[0] == 2, timeout=WAIT)
    for doc_id in (1, 2):
        job = room.docs.sync.job(doc_id)
        assert job is not None and job.downloaded == 0 and job.requests == 0
    # The label follows the downloader's (queued) signals, a moment after the jobs' state.
    qtbot.waitUntil(lambda: "saved on this device" in room.tab.list_page.status_label.text(),
                    timeout=WAIT)


def test_a_delegate_follows_the_presenter_and_can_browse_away(make_room: Any, qtbot: Any) -> None:
    room = make_room()
    assert not room.link.present_action.isVisible()  # a delegate never presents
    room.present(1, 3)
    qtbot.waitUntil(lambda: room.tab.currentWidget() is room.tab.reader_page, timeout=WAIT)
    qtbot.waitUntil(lambda: room.reader.page_count and room.reader.current_page == 3, timeout=WAIT)
    assert room.reader.banner.state == FOLLOWING
    room.present(1, 1)
    qtbot.waitUntil(lambda: room.reader.current_page == 1, timeout=WAIT)

    room.reader.toolbar.next_action.trigger()  # the user turns a page: browsing
    qtbot.waitUntil(lambda: room.reader.banner.state == BROWSING, timeout=WAIT)
    assert not room.link.following
    room.present(1, 4)  # the presenter moves on; the browsing delegate stays put
    qtbot.waitUntil(lambda: room.reader.banner.state == BROWSING, timeout=WAIT)
    assert room.reader.current_page == 2

    room.reader.banner.button.click()  # "Follow presenter"
    qtbot.waitUntil(lambda: room.reader.current_page == 4, timeout=WAIT)
    assert room.link.following and room.reader.banner.state == FOLLOWING

    room.present(2, 0)  # another document: it opens, with the watermark (restricted)
    qtbot.waitUntil(lambda: room.tab.open_document_id == 2 and room.reader.page_count > 0,
                    timeout=WAIT)
    assert room.tab.reader_page.watermark.startswith("Nguyễn Thị Hoa\n")
    room.event("presenter.stopped", {})
    assert room.reader.banner.state is None


def test_opening_another_document_stops_following(make_room: Any, qtbot: Any) -> None:
    room = make_room()
    room.present(1, 2)
    qtbot.waitUntil(lambda: room.reader.page_count and room.reader.current_page == 2, timeout=WAIT)
    room.tab.open_document(2)  # the user's own choice
    assert not room.link.following
    qtbot.waitUntil(lambda: room.reader.banner.state == BROWSING, timeout=WAIT)
    room.reader.banner.button.click()
    qtbot.waitUntil(lambda: room.tab.open_document_id == 1 and room.reader.current_page == 2,
                    timeout=WAIT)


def test_the_chair_presents_with_the_latest_page_debounced(make_room: Any, qtbot: Any) -> None:
    room = make_room("chair")
    assert room.link.present_action.isVisible()
    room.tab.open_document(1)
    qtbot.waitUntil(lambda: room.reader.page_count > 0, timeout=WAIT)
    room.link.present_action.setChecked(True)
    qtbot.waitUntil(lambda: room.link.sent == [(1, 0)], timeout=WAIT)
    for _ in range(4):  # four quick page turns
        room.reader.toolbar.next_action.trigger()
    qtbot.waitUntil(lambda: room.link.sent[-1] == (1, 4), timeout=WAIT)
    assert len(room.link.sent) <= 3  # not one command per page
    pages = [p for name, p in room.connection.sent if name == "presenter.set_page"]
    assert pages[-1] == {"meeting_id": 1, "document_id": 1, "page": 4}
    room.present(1, 4)  # the echo of my own page does not move my reader
    assert room.reader.banner.state is None
    room.link.present_action.setChecked(False)
    assert room.connection.sent[-1][0] == "presenter.stop"


def test_the_speaker_holding_the_floor_may_present(make_room: Any) -> None:
    room = make_room()  # a delegate (user 5)
    assert not room.link.present_action.isVisible()
    current = {"request_id": 3, "user_id": 5, "site_id": None, "kind": "speak",
               "agenda_item_id": None, "started_at": "2026-12-18T02:30:00+00:00",
               "limit_seconds": None, "ends_at": None}
    room.event("speaker.floor_changed", {"current": current, "speech": None})
    assert room.link.present_action.isVisible()  # the server allows presenter.set_page now
    room.event("speaker.floor_changed", {"current": {**current, "user_id": 1}, "speech": None})
    assert not room.link.present_action.isVisible()


def test_the_watermark_names_the_viewer_and_the_time() -> None:
    text = watermark_text("Nguyễn Thị Hoa")
    name, when = text.split("\n")
    assert name == "Nguyễn Thị Hoa" and len(when) == len("14:05 12/03/2025")


def drag_events(path: Path, mime: QMimeData) -> tuple[QDragEnterEvent, QDropEvent]:
    """Events carrying ``mime`` (the caller keeps it alive: the events only point at it)."""
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    return QDragEnterEvent(QPoint(10, 10), *args), QDropEvent(QPointF(10, 10), *args)


def test_files_dropped_on_the_tab_open_the_upload_dialog(make_room: Any, tmp_path: Path) -> None:
    room = make_room("secretary")
    pdf = tmp_path / "Biên bản.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    mime = QMimeData()
    enter, drop = drag_events(pdf, mime)
    room.tab.dragEnterEvent(enter)
    assert enter.isAccepted()
    room.tab.dropEvent(drop)
    dialog = room.tab.dialog
    assert isinstance(dialog, UploadDialog) and dialog.fields.title == "Biên bản"
    dialog.reject()


def test_a_delegate_cannot_drop_files(make_room: Any, tmp_path: Path) -> None:
    room = make_room("delegate")
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    mime = QMimeData()
    enter, _drop = drag_events(pdf, mime)
    room.tab.dragEnterEvent(enter)
    assert not enter.isAccepted()
    assert not room.tab.list_page.upload_button.isVisibleTo(room.tab)
