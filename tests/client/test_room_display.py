"""The room display with no server: the store fed with real events, real PDFs already in
the offline cache (nothing is downloaded), the real PDF engine rendering the presented
page."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from meeting_app.net.downloads import DocumentCache, Downloader
from meeting_app.state.documents import DocumentSync
from meeting_app.ui.display.window import RoomDisplayWindow
from tests.client.floor_data import Meeting, speaking
from tests.client.votes_data import poll, result
from tests.support.pdfs import meeting_pdf
from tests.support.server_process import free_port

WAIT = 15_000


class Display:
    def __init__(self, cache: Path, engine: Any) -> None:
        self.meeting = Meeting("secretary", 2)
        self.downloader = Downloader(f"http://127.0.0.1:{free_port()}", "token",  # nobody there
                                     DocumentCache(cache))
        self.sync = DocumentSync(self.meeting.store, self.downloader)
        self.window = RoomDisplayWindow(self.meeting.store, self.sync, engine)


@pytest.fixture
def display(qtbot: Any, tmp_path: Path, engine: Any) -> Iterator[Display]:
    shown = Display(tmp_path / "cache", engine)
    qtbot.addWidget(shown.window)
    shown.window.resize(1280, 720)
    shown.window.show()
    yield shown
    shown.downloader.shutdown()


def add_document(display: Display, folder: Path, doc_id: int, **extra: Any) -> None:
    """A real PDF, already in the display's offline cache, announced by an event."""
    path = meeting_pdf(folder / f"doc{doc_id}.pdf", text_pages=5).path
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    cache = display.downloader.cache.path(sha)
    cache.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, cache)
    display.meeting.event("document.added", {"document": {
        "id": doc_id, "title": f"Tờ trình số {doc_id}", "sha256": sha, "pages": 5,
        "agenda_item_id": 102, "version": 1, "size": path.stat().st_size,
        "filename": f"{doc_id}.pdf", "access": "all", "released": True, **extra}})


def test_the_display_shows_the_item_the_speaker_and_the_countdown(display: Display) -> None:
    window = display.window
    assert window.meeting_title.text().startswith("Hội nghị tổng kết công tác cải cách")
    assert window.item_caption.text() == "ITEM 2 OF 6"
    assert window.item_title.text() == "Báo cáo tổng kết công tác cải cách hành chính năm 2026"
    assert window.speaker.name.text() == "Nobody has the floor"
    assert window.speaker.clock.isHidden()

    display.meeting.floor(speaking(12, 7, spoken=60, limit=180))
    assert window.speaker.name.text() == "Phạm Thị Hồng Nhung"
    assert window.speaker.site.text() == "Điểm cầu TP. Hồ Chí Minh"
    assert window.speaker.caption.text() == "SPEAKING"
    assert window.speaker.clock.isVisible() and window.speaker.clock.text() == "02:00"
    display.meeting.clock.advance(200)
    window.speaker.clock.refresh()
    assert window.speaker.clock.text() == "+01:20" and window.speaker.clock.tone == "over"

    # Nothing presented: the agenda, the current item marked.
    assert window.presented.currentWidget() is window.presented.agenda
    assert window.presented.agenda_texts()[1].startswith("▶  2.  Báo cáo tổng kết")


def test_the_display_shows_the_presented_page(display: Display, tmp_path: Path, qtbot: Any) -> None:
    add_document(display, tmp_path, 1)
    window = display.window
    display.meeting.event("presenter.page_changed", {"document_id": 1, "page": 3})
    qtbot.waitUntil(lambda: window.presented.showing_page, timeout=WAIT)
    reader = window.presented.reader
    qtbot.waitUntil(lambda: reader.current_page == 3, timeout=WAIT)
    # The page is really drawn (the engine rendered it), not a placeholder.
    qtbot.waitUntil(lambda: reader.view.shown_scale(3) is not None, timeout=WAIT)
    display.meeting.event("presenter.page_changed", {"document_id": 1, "page": 1})
    qtbot.waitUntil(lambda: reader.current_page == 1, timeout=WAIT)
    display.meeting.event("presenter.stopped", {})
    assert window.presented.currentWidget() is window.presented.agenda


def test_a_restricted_document_stays_off_the_room_screen(display: Display, tmp_path: Path) -> None:
    add_document(display, tmp_path, 2, access="restricted")
    display.meeting.event("presenter.page_changed", {"document_id": 2, "page": 0})
    presented = display.window.presented
    assert presented.currentWidget() is presented.notice
    assert "not shown on the room display" in presented.notice.text()
    assert presented.reader.info is None


def test_the_display_shows_a_votes_turnout_then_its_result(display: Display) -> None:
    """Open: the question and how many have voted, no choice; closed: the bars and verdict,
    until the room moves to another item."""
    window, item = display.window, display.meeting.store.meeting["current_item_id"]
    assert window.results.isHidden() and window.results.result is None
    vote = poll(7, "Thông qua Kế hoạch cải cách hành chính năm 2027", "open", agenda_item_id=item)
    display.meeting.event("poll.changed", {"poll": vote})
    assert window.results.isVisible() and window.results.chart.isHidden()
    display.meeting.event("poll.progress", {"poll_id": 7, "user_id": 12, "user_ids": [12],
                                            "ballots": 1, "by_site": {}})
    assert "1 of" in window.results.status.text()
    outcome = result({"1": 9, "2": 1, "3": 0}, passed=True)
    display.meeting.event("poll.closed", {"poll_id": 7, "result": outcome,
                                          "closed_at": "2026-11-21T09:40:00Z"})
    assert window.results.result == outcome and window.results.chart.isVisible()
    assert [row.count for row in window.results.chart.rows] == [9, 1, 0]
    assert window.results.chart.verdict
    display.meeting.event("agenda.current_changed", {"item_id": None, "started_at": None})
    assert window.results.isHidden()


def test_f11_toggles_full_screen_and_escape_leaves_it(display: Display, qtbot: Any) -> None:
    window = display.window
    window.activateWindow()
    window.toggle_full_screen()
    qtbot.waitUntil(lambda: bool(window.windowState() & Qt.WindowState.WindowFullScreen), timeout=WAIT)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.windowState() & Qt.WindowState.WindowFullScreen, timeout=WAIT)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: bool(window.windowState() & Qt.WindowState.WindowFullScreen), timeout=WAIT)
