"""The minutes tab of the meeting room: the Markdown editor, its autosave (after a pause,
with a request_id, kept on disk while the connection is gone), remote changes that never
overwrite unsent typing, rights per role, action items, the workflow and the downloads."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pymupdf
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QDesktopServices, QFont, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from meeting_app.ui.minutes.conclusion import ConclusionPanel
from meeting_app.ui.minutes.preview import MinutesPreview
from meeting_app.ui.room.window import MeetingRoomWindow
from meeting_app.ui.session import Session
from tests.client.minutes_server import ITEMS, MEETING, TOKEN, USERS, MinutesServer

WAIT = 15_000
Opener = Callable[..., MeetingRoomWindow]


@pytest.fixture
def server() -> Iterator[MinutesServer]:
    made = MinutesServer()
    made.start()
    yield made
    made.stop()


@pytest.fixture
def open_room(qtbot: Any, server: MinutesServer, tmp_path: Path) -> Iterator[Opener]:
    """``open_room(role)``: a room window with the minutes tab shown, the snapshot loaded."""
    windows: list[MeetingRoomWindow] = []

    def make(role: str = "secretary") -> MeetingRoomWindow:
        user_id = USERS["delegate1" if role == "delegate" else role]
        server.role, server.user_id = role, user_id
        server.snapshot["you"] = {"user_id": user_id, "role": role}
        session = Session(server.url, TOKEN, {"id": user_id, "full_name": role})
        window = MeetingRoomWindow(session, session.open_meeting(MEETING, tmp_path / "cache"),
                                   cache_dir=tmp_path / "cache")
        qtbot.addWidget(window)
        windows.append(window)
        window.open()
        qtbot.waitUntil(lambda: window.store.loaded, timeout=WAIT)
        window.central.setCurrentWidget(window.minutes)
        return window

    yield make
    for window in windows:
        window.close()


def type_keys(widget: QWidget, text: str) -> None:
    """Key presses carrying each character (QTest.keyClicks stops at non-Latin-1 letters)."""
    for char in text:
        key = Qt.Key.Key_Return if char == "\n" else Qt.Key(0)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier,
                                                     "\r" if char == "\n" else char))


def type_into(qtbot: Any, panel: ConclusionPanel, text: str) -> None:
    edit = panel.editor.text_edit
    edit.moveCursor(QTextCursor.MoveOperation.End)
    type_keys(edit, text)


def test_the_editor_renders_the_stores_markdown_and_sends_markdown(
        open_room: Opener, server: MinutesServer, qtbot: Any) -> None:
    window = open_room("secretary")
    panel = window.minutes.conclusion
    assert window.minutes.item_id == ITEMS[0]  # following the current item
    document = panel.editor.text_edit.document()
    assert document.toPlainText().startswith("Thống nhất đánh giá kết quả năm 2026:")
    first = document.begin().begin().fragment()
    assert first.text() == "Thống nhất" and first.charFormat().fontWeight() == QFont.Weight.Bold
    assert document.findBlockByNumber(1).textList() is not None  # the bullet list
    assert panel.decision.toPlainText() == "Thông qua Báo cáo tổng kết."

    type_into(qtbot, panel, "\nKiến nghị")
    qtbot.waitUntil(lambda: bool(server.sent("conclusion.set")), timeout=WAIT)
    payload = server.sent("conclusion.set")[-1]
    assert payload["meeting_id"] == MEETING and payload["agenda_item_id"] == ITEMS[0]
    assert payload["text"].startswith("**Thống nhất** đánh giá kết quả năm 2026:")
    assert "- Giải ngân đạt 96%" in payload["text"] and payload["text"].endswith("Kiến nghị")
    assert payload["decision"] == "Thông qua Báo cáo tổng kết."
    assert payload["base_revision"] == 2


def test_bold_from_the_toolbar_is_sent_as_markdown(open_room: Opener, server: MinutesServer,
                                                   qtbot: Any) -> None:
    window = open_room("secretary")
    window.minutes.show_item(ITEMS[1])
    panel = window.minutes.conclusion
    type_keys(panel.editor.text_edit, "Giao Bộ phận ")
    panel.editor.bold_action.trigger()
    type_keys(panel.editor.text_edit, "khẩn trương")
    qtbot.waitUntil(lambda: bool(server.sent("conclusion.set")), timeout=WAIT)
    assert server.sent("conclusion.set")[-1]["text"] == "Giao Bộ phận **khẩn trương**"


def test_autosave_waits_for_a_pause_and_carries_a_request_id(
        open_room: Opener, server: MinutesServer, qtbot: Any) -> None:
    window = open_room("secretary")
    panel = window.minutes.conclusion
    started = time.monotonic()
    type_into(qtbot, panel, " Đồng ý.")
    assert panel.dirty and not server.sent("conclusion.set")  # not while typing
    qtbot.waitUntil(lambda: bool(server.sent("conclusion.set")), timeout=WAIT)
    assert time.monotonic() - started >= panel.PAUSE_MS / 1000 * 0.9
    first = server.sent("conclusion.set")[0]
    assert len(first["request_id"]) >= 8
    qtbot.waitUntil(lambda: not panel.dirty, timeout=WAIT)
    assert panel.state.text().startswith("Saved at")
    assert not window.minutes.drafts.pending(MEETING)

    # Leaving the item sends at once (no pause), with a new request_id for the new text.
    type_into(qtbot, panel, " Bổ sung.")
    window.minutes.show_item(ITEMS[2])
    qtbot.waitUntil(lambda: len(server.sent("conclusion.set")) == 2, timeout=1000)
    second = server.sent("conclusion.set")[1]
    assert second["text"].endswith("Đồng ý. Bổ sung.") and second["agenda_item_id"] == ITEMS[0]
    assert second["request_id"] != first["request_id"]
    assert len(server.sent("conclusion.set")) == 2  # nothing was sent for the empty item


def test_unsent_text_survives_a_new_window_and_is_sent_when_the_server_is_back(
        open_room: Opener, server: MinutesServer, qtbot: Any) -> None:
    window = open_room("secretary")
    panel = window.minutes.conclusion
    server.stop()
    qtbot.waitUntil(lambda: not window.commands.available, timeout=WAIT)
    type_into(qtbot, panel, " Lưu khi mất mạng.")
    qtbot.waitUntil(lambda: panel.state.text().startswith("Offline"), timeout=WAIT)
    kept = window.minutes.drafts.load(MEETING, ITEMS[0])
    assert kept is not None and kept.text.endswith("Lưu khi mất mạng.")
    window.close()  # the window goes (as in a crash): the text stays on disk

    server.start()
    again = open_room("secretary")
    shown = again.minutes.conclusion
    assert shown.editor.markdown().endswith("Lưu khi mất mạng.")  # the draft, not the store's
    qtbot.waitUntil(lambda: bool(server.sent("conclusion.set")), timeout=WAIT)
    sent = server.sent("conclusion.set")[-1]
    assert sent["text"] == kept.text and sent["request_id"] == kept.request_id
    qtbot.waitUntil(lambda: again.minutes.drafts.load(MEETING, ITEMS[0]) is None, timeout=WAIT)


def test_a_draft_is_resent_when_the_connection_returns(
        open_room: Opener, server: MinutesServer, qtbot: Any) -> None:
    window = open_room("secretary")
    panel = window.minutes.conclusion
    server.stop()
    qtbot.waitUntil(lambda: not window.commands.available, timeout=WAIT)
    type_into(qtbot, panel, " Gửi lại sau.")
    qtbot.waitUntil(lambda: panel.state.text().startswith("Offline"), timeout=WAIT)
    server.start()
    qtbot.waitUntil(lambda: bool(server.sent("conclusion.set")), timeout=30_000)
    assert server.sent("conclusion.set")[-1]["text"].endswith("Gửi lại sau.")
    qtbot.waitUntil(lambda: not panel.dirty, timeout=WAIT)


def test_a_remote_change_does_not_overwrite_my_typing(
        open_room: Opener, server: MinutesServer, qtbot: Any) -> None:
    server.answers["conclusion.set"] = {"ok": False, "error": {
        "code": "conflict", "message": "Kết luận đã được người khác sửa."}}
    window = open_room("secretary")
    panel = window.minutes.conclusion
    type_into(qtbot, panel, " Ý kiến của tôi.")
    server.emit("conclusion.updated", {"agenda_item_id": ITEMS[0], "text": "Chủ trì sửa kết luận.",
                                       "decision": "", "revision": 3})
    qtbot.waitUntil(lambda: window.store.conclusion(ITEMS[0]) == "Chủ trì sửa kết luận.", timeout=WAIT)
    assert panel.editor.markdown().endswith("Ý kiến của tôi.")
    assert not panel.banner.isHidden()
    assert "another editor" in panel.banner_label.text()
    # My autosave is refused as a conflict: the text stays, nothing is lost.
    qtbot.waitUntil(lambda: bool(server.sent("conclusion.set")), timeout=WAIT)
    qtbot.waitUntil(lambda: panel.state.text().startswith("Not saved"), timeout=WAIT)
    assert panel.editor.markdown().endswith("Ý kiến của tôi.") and panel.dirty

    # Keep mine: sent again on top of their revision.
    server.answers["conclusion.set"] = {"ok": True, "data": {"revision": 4}}
    panel.keep_button.click()
    qtbot.waitUntil(lambda: len(server.sent("conclusion.set")) == 2, timeout=WAIT)
    assert server.sent("conclusion.set")[1]["base_revision"] == 3
    qtbot.waitUntil(lambda: not panel.dirty, timeout=WAIT)
    assert panel.banner.isHidden()


def test_reload_takes_the_other_editors_version(open_room: Opener, server: MinutesServer,
                                                qtbot: Any) -> None:
    window = open_room("secretary")
    panel = window.minutes.conclusion
    type_into(qtbot, panel, " Nháp.")
    server.emit("conclusion.updated", {"agenda_item_id": ITEMS[0], "text": "Bản của Chủ trì.",
                                       "decision": "Thông qua.", "revision": 3})
    qtbot.waitUntil(lambda: not panel.banner.isHidden(), timeout=WAIT)
    panel.reload_button.click()
    assert panel.editor.markdown() == "Bản của Chủ trì." and not panel.dirty
    assert panel.decision.toPlainText() == "Thông qua."
    assert window.minutes.drafts.load(MEETING, ITEMS[0]) is None


def test_my_own_save_coming_back_is_no_conflict(open_room: Opener, server: MinutesServer,
                                                qtbot: Any) -> None:
    window = open_room("secretary")
    panel = window.minutes.conclusion
    type_into(qtbot, panel, " Một.")
    qtbot.waitUntil(lambda: bool(server.sent("conclusion.set")), timeout=WAIT)
    type_into(qtbot, panel, " Hai.")  # typing on while the first save is confirmed
    sent = server.sent("conclusion.set")[0]
    server.emit("conclusion.updated", {"agenda_item_id": ITEMS[0], "text": sent["text"],
                                       "decision": sent["decision"], "revision": 3})
    qtbot.waitUntil(lambda: window.store.conclusion_revision(ITEMS[0]) == 3, timeout=WAIT)
    assert panel.banner.isHidden() and panel.editor.markdown().endswith("Một. Hai.")
    qtbot.waitUntil(lambda: len(server.sent("conclusion.set")) == 2, timeout=WAIT)
    assert server.sent("conclusion.set")[1]["base_revision"] == 3


def test_a_delegate_reads_the_minutes_live_and_cannot_edit(
        open_room: Opener, server: MinutesServer, qtbot: Any) -> None:
    window = open_room("delegate")
    tab = window.minutes
    panel = tab.conclusion
    assert panel.editor.text_edit.isReadOnly() and panel.decision.isReadOnly()
    assert panel.editor.tools.isHidden()
    assert tab.action_items.buttons.isHidden() and tab.history_button.isHidden()
    bar = tab.workflow
    assert bar.approve_button.isHidden() and bar.publish_button.isHidden()
    assert bar.preview_button.isHidden() and bar.docx_button.isHidden()
    assert tab.action_items.table.item(0, 1).text() == "Trần Thị Bích"
    server.emit("conclusion.updated", {"agenda_item_id": ITEMS[0], "text": "*Đã sửa* trực tiếp",
                                       "decision": "", "revision": 3})
    qtbot.waitUntil(lambda: panel.editor.text_edit.toPlainText() == "Đã sửa trực tiếp", timeout=WAIT)
    assert panel.decision.toPlainText() == "" and panel.banner.isHidden()
    server.emit("agenda.current_changed", {"item_id": ITEMS[1], "started_at": None})
    qtbot.waitUntil(lambda: tab.item_id == ITEMS[1], timeout=WAIT)
    assert panel.editor.text_edit.toPlainText() == ""
    assert tab.action_items.table.rowCount() == 0


def test_action_items_are_added_edited_and_removed(
        open_room: Opener, server: MinutesServer, qtbot: Any) -> None:
    window = open_room("secretary")
    table = window.minutes.action_items
    assert [a["id"] for a in table.rows()] == [21]
    assert [table.table.item(0, c).text() for c in range(4)] == [
        "Hoàn thiện Báo cáo, gửi Văn phòng Chính phủ", "Trần Thị Bích", "15/01/2027", "Open"]

    dialog = table.edit(None)
    assert dialog is not None
    dialog.title_edit.setText("Rà soát chỉ tiêu năm 2027")
    dialog.set_owner("Lê Hoàng Cường")
    dialog.has_due.setChecked(True)
    dialog.due.setDate(dialog.due.date().fromString("2027-02-28", "yyyy-MM-dd"))
    dialog.accept()
    qtbot.waitUntil(lambda: bool(server.sent("action.save")), timeout=WAIT)
    assert server.sent("action.save")[-1] == {
        "meeting_id": MEETING, "request_id": server.sent("action.save")[-1]["request_id"],
        "action": {"title": "Rà soát chỉ tiêu năm 2027", "status": "open", "agenda_item_id": ITEMS[0],
                   "owner_id": USERS["delegate1"], "due": "2027-02-28"}}

    table.table.selectRow(0)
    dialog = table.edit(table.selected())
    assert dialog is not None and dialog.owner.currentText() == "Trần Thị Bích"
    dialog.set_owner("Vụ Kế hoạch - Tài chính")  # not a participant: free text
    dialog.has_due.setChecked(False)
    dialog.status.setCurrentIndex(dialog.status.findData("done"))
    dialog.accept()
    qtbot.waitUntil(lambda: len(server.sent("action.save")) == 2, timeout=WAIT)
    assert server.sent("action.save")[-1]["action"] == {
        "id": 21, "agenda_item_id": ITEMS[0], "title": "Hoàn thiện Báo cáo, gửi Văn phòng Chính phủ",
        "owner_name": "Vụ Kế hoạch - Tài chính", "status": "done"}

    # The rows follow the server's events, not the commands.
    server.emit("action.changed", {"action": {
        "id": 22, "meeting_id": MEETING, "agenda_item_id": ITEMS[0], "title": "Rà soát chỉ tiêu năm 2027",
        "owner_id": USERS["delegate1"], "owner_name": "Lê Hoàng Cường", "due": "2027-02-28",
        "status": "open"}})
    qtbot.waitUntil(lambda: table.table.rowCount() == 2, timeout=WAIT)
    table.table.selectRow(1)
    table.remove(table.selected()["id"])
    qtbot.waitUntil(lambda: bool(server.sent("action.delete")), timeout=WAIT)
    assert server.sent("action.delete")[-1]["action_id"] == 22
    server.emit("action.removed", {"action_id": 22})
    qtbot.waitUntil(lambda: table.table.rowCount() == 1, timeout=WAIT)


def test_the_chair_publishes_and_the_secretary_may_not(
        open_room: Opener, server: MinutesServer, qtbot: Any) -> None:
    secretary = open_room("secretary").minutes.workflow
    assert secretary.publish_button.isHidden() and secretary.approve_button.isHidden()
    assert not secretary.preview_button.isHidden() and not secretary.docx_button.isHidden()
    assert secretary.badge.text() == "Draft"

    chair = open_room("chair")
    bar = chair.minutes.workflow
    assert not bar.publish_button.isHidden() and bar.publish_button.text() == "Publish"
    assert bar.approve_button.isEnabled()
    bar.approve_button.click()
    qtbot.waitUntil(lambda: bool(server.sent("minutes.approve")), timeout=WAIT)
    assert server.sent("minutes.approve")[0]["meeting_id"] == MEETING
    server.emit("minutes.status_changed", {"status": "approved"})
    qtbot.waitUntil(lambda: bar.badge.text() == "Approved", timeout=WAIT)
    assert not bar.approve_button.isEnabled() and bar.open_button.isHidden()
    bar.publish_now()
    qtbot.waitUntil(lambda: bool(server.sent("minutes.publish")), timeout=WAIT)
    server.emit("minutes.published", {"version": 1, "sha256": "ab" * 32, "document_id": 9,
                                      "published_at": "2026-12-15T04:00:00Z"})
    qtbot.waitUntil(lambda: bar.badge.text() == "Published · version 1", timeout=WAIT)
    assert not bar.publish_button.isEnabled() and not bar.open_button.isHidden()
    server.emit("minutes.status_changed", {"status": "draft"})  # changed after publication
    qtbot.waitUntil(lambda: bar.publish_button.isEnabled(), timeout=WAIT)
    assert bar.publish_button.text() == "Publish correction"
    assert bar.badge.text() == "Draft · version 1"


def test_the_minutes_download_to_the_chosen_file(
        open_room: Opener, server: MinutesServer, qtbot: Any, tmp_path: Path) -> None:
    server.files = {"pdf": b"%PDF-1.7 bi\xc3\xaan b\xe1\xba\xa3n", "docx": b"PK\x03\x04 docx bytes"}
    bar = open_room("secretary").minutes.workflow
    for fmt in ("pdf", "docx"):
        target = tmp_path / "xuất" / f"bien-ban.{fmt}"
        with qtbot.waitSignal(bar.exported, timeout=WAIT) as saved:
            bar.export(fmt, target)
        assert saved.args == [target] and target.read_bytes() == server.files[fmt]
        assert server.downloads[-1]["path"] == f"/api/meetings/{MEETING}/minutes.{fmt}"
        assert server.downloads[-1]["Authorization"] == f"Bearer {TOKEN}"
    assert bar.detail.text().startswith("Saved to")


def pdf_with(text: str) -> bytes:
    """A real one-page PDF saying ``text`` (in the base-14 Times: ASCII only)."""
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 100), text, fontname="tiro", fontsize=14)
    try:
        return bytes(doc.tobytes())
    finally:
        doc.close()


def test_preview_shows_the_draft_minutes_and_the_notice_in_the_apps_reader(
        open_room: Opener, server: MinutesServer, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    outside: list[Any] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: outside.append(url))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: outside.append(a) or ("", ""))
    server.files = {"pdf": pdf_with("BIEN BAN HOP"), "conclusions.pdf": pdf_with("THONG BAO KET LUAN")}
    bar = open_room("chair").minutes.workflow
    bar.preview_button.click()
    preview = bar.preview_window
    assert isinstance(preview, MinutesPreview)
    qtbot.waitUntil(lambda: preview.reader.page_count == 1, timeout=WAIT)
    assert preview.isVisible() and preview.isWindow()
    assert server.downloads[-1]["path"] == f"/api/meetings/{MEETING}/minutes.pdf"
    assert server.downloads[-1]["query"] == "draft=1"  # the draft as it stands, not the last publication
    assert preview.reader.toolbar.title.text() == "Minutes"
    preview.reader.search("BIEN BAN HOP")  # the downloaded PDF's own text, read by the reader
    qtbot.waitUntil(lambda: len(preview.reader.hits) == 1, timeout=WAIT)
    preview.notice_radio.click()
    qtbot.waitUntil(lambda: preview.reader.toolbar.title.text() == "Notice of conclusions"
                    and preview.reader.page_count == 1, timeout=WAIT)
    assert server.downloads[-1]["path"] == f"/api/meetings/{MEETING}/conclusions.pdf"
    preview.reader.search("THONG BAO KET LUAN")
    qtbot.waitUntil(lambda: len(preview.reader.hits) == 1, timeout=WAIT)
    folder = preview.folder
    assert folder.exists()
    preview.close()
    assert not folder.exists(), "the downloaded drafts go with the window"
    assert outside == [], "no file dialog, no outside viewer"


def test_a_refused_download_is_reported_and_writes_nothing(
        open_room: Opener, server: MinutesServer, qtbot: Any, tmp_path: Path) -> None:
    bar = open_room("secretary").minutes.workflow
    with qtbot.waitSignal(bar.message, timeout=WAIT) as told:
        bar.export("pdf", tmp_path / "bien-ban.pdf")
    assert "Biên bản chưa được công bố." in told.args[0]
    assert not (tmp_path / "bien-ban.pdf").exists()
    assert bar.preview_button.isEnabled()


def test_the_history_lists_revisions_and_restores_one(
        open_room: Opener, server: MinutesServer, qtbot: Any) -> None:
    server.answers["conclusion.history"] = {"ok": True, "data": {"revisions": [
        {"revision": 1, "text": "Bản *đầu tiên*", "decision": "", "author": "Trần Thị Bích",
         "author_id": None, "at": "2026-12-15T02:00:00Z"},
        {"revision": 2, "text": "**Thống nhất**", "decision": "Thông qua.", "author": "Nguyễn Văn An",
         "author_id": None, "at": "2026-12-15T02:30:00Z"}]}}
    window = open_room("secretary")
    dialog = window.minutes.show_history()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.list.count() == 2, timeout=WAIT)
    assert server.sent("conclusion.history")[-1]["agenda_item_id"] == ITEMS[0]
    assert dialog.list.item(0).text().startswith("Revision 2")
    assert "Nguyễn Văn An" in dialog.list.item(0).text()
    dialog.list.setCurrentRow(1)
    assert dialog.text.toPlainText() == "Bản đầu tiên"
    dialog.restore_button.click()
    panel = window.minutes.conclusion
    assert panel.editor.markdown() == "Bản *đầu tiên*" and panel.dirty
    qtbot.waitUntil(lambda: bool(server.sent("conclusion.set")), timeout=WAIT)
    assert server.sent("conclusion.set")[-1]["text"] == "Bản *đầu tiên*"


def test_choosing_another_item_stops_following(open_room: Opener, server: MinutesServer,
                                               qtbot: Any) -> None:
    window = open_room("secretary")
    tab = window.minutes
    tab.item_combo.setCurrentIndex(2)
    tab.item_combo.activated.emit(2)
    assert tab.item_id == ITEMS[2] and not tab.follow.isChecked()
    server.emit("agenda.current_changed", {"item_id": ITEMS[1], "started_at": None})
    qtbot.waitUntil(lambda: window.store.meeting["current_item_id"] == ITEMS[1], timeout=WAIT)
    assert tab.item_id == ITEMS[2]
    tab.follow.setChecked(True)
    assert tab.item_id == ITEMS[1]
    assert tab.item_combo.currentData(Qt.ItemDataRole.UserRole) == ITEMS[1]
