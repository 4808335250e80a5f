"""Annotations end to end in the real client against the real demo server: a delegate marks up
a document with the mouse on one device and sees it on their second device at once, shares a
note that another delegate sees with the author's name, keeps drawing while the server is
down (none lost, none doubled after it returns), and exports the marked-up PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from meeting_app.ui.reader.annotations import Tool
from meeting_app.ui.room.window import MeetingRoomWindow
from tests.client.test_annotation_export import read_back
from tests.client.test_annotation_tools import drag
from tests.client.test_documents_room import upload
from tests.support.pdfs import meeting_pdf
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.e2e
WAIT = 30_000
MEETING = 1


def open_doc(qtbot: Any, window: MeetingRoomWindow, doc_id: int) -> Any:
    tab = window.documents.tab
    qtbot.waitUntil(lambda: window.store.document_by_id(doc_id) is not None, timeout=WAIT)
    window.central.setCurrentWidget(tab)
    assert tab.open_document(doc_id)
    qtbot.waitUntil(lambda: tab.reader_page.loaded and tab.reader_page.annotations.store is not None
                    and tab.reader_page.annotations.store.loaded, timeout=WAIT)
    return tab.reader_page


def test_mark_up_share_work_through_a_cut_and_export(
        qtbot: Any, open_room: Any, demo_server: ServerProcess, tmp_path: Path) -> None:
    secretary = open_room("secretary", "pc")
    sample = meeting_pdf(tmp_path / "Tờ trình ngân sách.pdf").path
    doc = upload(qtbot, secretary, sample, "Tờ trình ngân sách 2027")
    laptop, tablet = open_room("delegate1", "laptop"), open_room("delegate1", "tablet")
    colleague = open_room("delegate2", "pc")
    on_laptop, on_tablet, theirs = (open_doc(qtbot, w, doc["id"]) for w in (laptop, tablet, colleague))
    mine, second = on_laptop.annotations.store, on_tablet.annotations.store

    # 1. A pen stroke with the mouse on the laptop shows on the tablet at once.
    layer = on_laptop.annotations
    layer.toolbar.set_tool(Tool.INK)
    drag(qtbot, on_laptop.reader, 0, [(100, 200), (160, 230), (220, 215)])
    [stroke] = mine.mine()
    qtbot.waitUntil(lambda: second.get(stroke["id"]) is not None, timeout=WAIT)
    assert second.get(stroke["id"])["data"]["paths"] == stroke["data"]["paths"]
    assert theirs.annotations.store.get(stroke["id"]) is None  # private: not for delegate2

    # 2. A sticky note shared with the meeting: delegate2 sees it, with my name.
    layer.ask_text = lambda _title, _initial: "Đề nghị bổ sung số liệu quý IV"
    layer.toolbar.set_tool(Tool.NOTE)
    drag(qtbot, on_laptop.reader, 0, [(400, 150)])
    note = next(a for a in mine.mine() if a["kind"] == "note")
    layer.select(note["id"])
    layer.toolbar.share_action.trigger()
    others = theirs.annotations.store
    qtbot.waitUntil(lambda: others.get(note["id"]) is not None, timeout=WAIT)
    assert others.get(note["id"])["author_name"] == laptop.session.full_name
    assert theirs.annotations._label(others.get(note["id"])).startswith(laptop.session.full_name)

    # 3. The server goes away: strokes drawn meanwhile wait on the laptop, then all arrive once.
    # (The share's answer may come after delegate2's event: wait until nothing is pending.)
    qtbot.waitUntil(lambda: mine.unsent == 0, timeout=WAIT)
    demo_server.stop()
    qtbot.waitUntil(lambda: laptop.connection.status != "connected", timeout=WAIT)
    layer.toolbar.set_tool(Tool.INK)
    for y in (300, 340, 380):
        drag(qtbot, on_laptop.reader, 0, [(100, y), (250, y + 10)])
    assert mine.unsent == 3 and "3" in layer.toolbar.status.text()
    demo_server.start()
    qtbot.waitUntil(lambda: mine.unsent == 0, timeout=60_000)
    strokes = {a["id"] for a in mine.mine() if a["kind"] == "ink"}
    assert len(strokes) == 4
    qtbot.waitUntil(lambda: {a["id"] for a in second.mine() if a["kind"] == "ink"} == strokes, timeout=WAIT)
    assert not layer.toolbar.status.text()

    # 4. Export the marked-up PDF.
    target = tmp_path / "export" / "Tờ trình (ghi chú).pdf"
    with qtbot.waitSignal(on_laptop.reader.engine.export_finished, timeout=WAIT):
        on_laptop.export_pdf(target)
    kinds = sorted(kind for page, kind, _ in read_back(target) if page == 0)
    assert kinds == ["Ink"] * 4 + ["Text"]


def test_my_notes_on_an_agenda_item_follow_me_to_my_other_device(
        qtbot: Any, open_room: Any) -> None:
    laptop, tablet = open_room("delegate3", "laptop"), open_room("delegate3", "tablet")
    item = laptop.store.agenda[1]
    page = laptop.documents.tab.reader_page
    page.notes_action.setChecked(True)
    panel = page.notes_panel
    assert panel is not None and panel.isVisibleTo(page)
    panel.show_item(item["id"])
    panel.editor.setFocus()
    panel.editor.insertPlainText("Hỏi về nguồn vốn")  # as typed (keyClicks knows no Vietnamese)
    # Saved by itself a moment after the last key; the other device gets it.
    notes = tablet.documents.annotations.notes
    qtbot.waitUntil(lambda: notes.text(item["id"]) == "Hỏi về nguồn vốn", timeout=WAIT)
    qtbot.waitUntil(lambda: panel.status.text() == panel.tr("Saved."), timeout=WAIT)
    summary = page.notes_summary()
    assert f"## 2. {item['title']}\n\nHỏi về nguồn vốn" in summary
    # A colleague's notes are theirs alone.
    colleague = open_room("delegate4", "pc")
    qtbot.waitUntil(lambda: colleague.connection.status == "connected", timeout=WAIT)
    assert colleague.documents.annotations.notes.notes() == {}


def test_a_new_version_carries_annotations_and_says_which_could_not_be(
        qtbot: Any, open_room: Any, tmp_path: Path) -> None:
    secretary = open_room("secretary", "pc")
    doc = upload(qtbot, secretary, meeting_pdf(tmp_path / "v1.pdf", text_pages=8).path, "Dự thảo nghị quyết")
    delegate = open_room("delegate5", "pc")
    page = open_doc(qtbot, delegate, doc["id"])
    layer = page.annotations
    kept = layer.add(0, "ink", {"paths": [[[100, 100], [200, 120]]], "color": "#e5484d", "width": 2.0})
    lost = layer.add(9, "note", {"point": [300, 300], "text": "Trang cuối", "color": "#ffd400"})
    assert kept is not None and lost is not None
    qtbot.waitUntil(lambda: layer.store is not None and layer.store.unsent == 0, timeout=WAIT)
    messages: list[str] = []
    delegate.documents.tab.message.connect(messages.append)
    # The new version has the first pages only: page 10's text is gone.
    second = meeting_pdf(tmp_path / "v2.pdf", text_pages=3).path
    dialog = secretary.documents.tab.upload_version(doc["id"], second)
    assert dialog is not None
    dialog.upload_button.click()
    qtbot.waitUntil(lambda: any("could not be carried over" in m for m in messages), timeout=WAIT)
    assert "page 10" in next(m for m in messages if "carried" in m)
    # The reader moves to the new version: the stroke is there, the note stayed behind.
    qtbot.waitUntil(lambda: layer.store is not None and layer.store.version == 2 and layer.store.loaded,
                    timeout=WAIT)
    qtbot.waitUntil(lambda: layer.store.get(kept["id"]) is not None, timeout=WAIT)
    assert layer.store.get(lost["id"]) is None  # not painted on the new version's pages
    assert [a["id"] for a in layer.store.orphans] == [lost["id"]]
    # They are shown, not only told: the strip's button lists the note with its old page.
    bar, panel = layer.toolbar, layer.orphans_panel
    strip_button = bar.widgetForAction(bar.orphans_action)
    assert strip_button is not None
    qtbot.waitUntil(strip_button.isVisible, timeout=WAIT)
    assert "(1)" in bar.orphans_action.text()
    bar.orphans_action.trigger()
    qtbot.waitUntil(panel.isVisible, timeout=WAIT)
    assert panel.title.text() == "Not carried over (1)"
    button = panel.delete_buttons[lost["id"]]
    row = button.parentWidget()
    assert row is not None
    assert "Page 10 (version 1) · Sticky note: Trang cuối" in " ".join(
        label.text() for label in row.findChildren(QLabel))
    # Delete lets it go, on the server too (listed again, it is not there).
    button.click()
    qtbot.waitUntil(lambda: not layer.store.orphans and not bar.orphans_action.isVisible(), timeout=WAIT)
    assert not panel.isVisible()
    qtbot.waitUntil(lambda: layer.store.unsent == 0, timeout=WAIT)
    layer.store.loaded = False
    layer.store.load()
    qtbot.waitUntil(lambda: layer.store.loaded, timeout=WAIT)
    assert layer.store.orphans == [] and layer.store.get(kept["id"]) is not None
