"""Restricted documents leave the reader only where the server allows it, watermarked:
by default the export is off; with ``serve --allow-restricted-export`` the exported PDF
carries the reader's name and the time on every page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pymupdf
import pytest

from meeting_app.ui.room.window import MeetingRoomWindow
from tests.client.sessions import session_for
from tests.support.server_process import ServerProcess

WAIT = 30_000


def open_restricted(qtbot: Any, room: MeetingRoomWindow) -> Any:
    """Open the demo's restricted document in the room's reader; its reader page."""
    secret = next(d for d in room.store.documents if d.get("access") == "restricted")
    assert room.documents.tab.open_document(secret["id"])
    page = room.documents.tab.reader_page
    qtbot.waitUntil(lambda: page.loaded and page.annotations.store is not None, timeout=WAIT)
    return page


def test_restricted_documents_are_not_exported_by_default(
        qtbot: Any, open_room: Any, tmp_path: Path) -> None:
    room = open_room("delegate1")  # one of the restricted document's readers
    page = open_restricted(qtbot, room)
    action = page.annotations.toolbar.export_pdf_action
    assert not action.isEnabled() and "restricted" in action.toolTip()
    messages: list[str] = []
    page.message.connect(messages.append)
    target = tmp_path / "out.pdf"
    assert page.export_pdf(target) is None
    assert not target.exists()
    assert messages == ["This document is restricted: it may not be exported."]
    room.resize(1200, 800)
    room.central.setCurrentWidget(room.documents.tab)
    room.grab().save("/tmp/h6-restricted-export-off.png")
    page.annotations.toolbar.export_menu.grab().save("/tmp/h6-restricted-export-menu.png")
    # A document for everyone exports as before.
    public = next(d for d in room.store.documents if d.get("access") != "restricted")
    room.documents.tab.open_document(public["id"])
    qtbot.waitUntil(lambda: page.loaded and page.document_id == public["id"], timeout=WAIT)
    assert action.isEnabled()


@pytest.fixture
def lenient_server(tmp_path: Path) -> Iterator[ServerProcess]:
    server = ServerProcess(tmp_path / "server", serve_args=("--allow-restricted-export",))
    server.data_dir.mkdir()
    server.seed_demo()
    with server.running():
        yield server


def test_where_allowed_the_export_carries_the_watermark(
        qtbot: Any, lenient_server: ServerProcess, tmp_path: Path) -> None:
    session = session_for(lenient_server, "delegate1")
    assert session.allow_restricted_export
    cache = tmp_path / "cache"
    room = MeetingRoomWindow(session, session.open_meeting(1, cache), cache_dir=cache)
    qtbot.addWidget(room)
    room.open()
    try:
        qtbot.waitUntil(lambda: room.store.loaded, timeout=WAIT)
        page = open_restricted(qtbot, room)
        assert page.annotations.toolbar.export_pdf_action.isEnabled()
        target = tmp_path / "Tờ trình nhân sự (bản xuất).pdf"
        with qtbot.waitSignal(page.reader.engine.export_finished, timeout=WAIT) as finished:
            request = page.export_pdf(target)
        assert finished.args[0] == request and finished.args[2] == ""
    finally:
        room.close()
    today = datetime.now().astimezone().strftime("%d/%m/%Y")
    with pymupdf.open(target) as exported:
        texts = [exported[n].get_text() for n in range(exported.page_count)]
    assert all(session.full_name in text and today in text for text in texts)
    with pymupdf.open(target) as exported:
        exported[0].get_pixmap(dpi=60).save("/tmp/h6-restricted-export-watermark.png")
