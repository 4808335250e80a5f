"""Annotating in the reader (offscreen, real PDF, real engine): the pen, text markup snapped
to the page's words, undo and redo, the eraser, moving, sharing, and painting that follows
the zoom. The store here has no connection: every change waits in its outbox."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from meeting_app.pdf import PdfEngine
from meeting_app.state.annotations import AnnotationStore
from meeting_app.state.outbox import Outbox
from meeting_app.ui.reader import ReaderWidget
from meeting_app.ui.reader.annotations import AnnotationLayer, Tool
from tests.client.test_reader import grab, make_reader, wait_rendered
from tests.support import pdfs

WAIT = 10_000


@pytest.fixture
def layer(qtbot: Any, engine: PdfEngine, sample: pdfs.SamplePdf, tmp_path: Path) -> AnnotationLayer:
    reader = make_reader(qtbot, engine)
    with qtbot.waitSignal(reader.document_loaded, timeout=WAIT):
        reader.open_document(sample.path, "Tài liệu")
    made = AnnotationLayer(reader)
    outbox = Outbox(None, tmp_path / "outbox.json")
    made.set_store(AnnotationStore(7, outbox, my_user_id=3, my_name="Nguyễn Văn A"))
    wait_rendered(qtbot, reader, 0)
    return made


def screen(reader: ReaderWidget, page: int, x: float, y: float) -> QPoint:
    """Where page point (x, y) is in the viewport now."""
    rect, scale = reader.view.page_rect(page), reader.view.layout_.px_per_point
    return QPoint(round(rect.x() + x * scale), round(rect.y() + y * scale))


def drag(qtbot: Any, reader: ReaderWidget, page: int, points: list[tuple[float, float]]) -> None:
    surface = reader.view.viewport()
    qtbot.mousePress(surface, Qt.MouseButton.LeftButton, pos=screen(reader, page, *points[0]))
    for point in points[1:]:
        qtbot.mouseMove(surface, screen(reader, page, *point))
    qtbot.mouseRelease(surface, Qt.MouseButton.LeftButton, pos=screen(reader, page, *points[-1]))


def ink_pixels(reader: ReaderWidget, page: int, box: tuple[float, float, float, float]) -> int:
    image = grab(reader)
    a, b = screen(reader, page, box[0], box[1]), screen(reader, page, box[2], box[3])
    found = 0
    for x in range(max(0, a.x()), min(image.width(), b.x()), 2):
        for y in range(max(0, a.y()), min(image.height(), b.y()), 2):
            color = QColor(image.pixel(x, y))
            found += color.red() > 180 and color.green() < 110 and color.blue() < 110
    return found


def test_a_pen_stroke_is_saved_in_page_points_and_stays_on_the_page_at_another_zoom(
        qtbot: Any, layer: AnnotationLayer) -> None:
    reader, store = layer.reader, layer.store
    assert store is not None
    layer.toolbar.set_tool(Tool.INK)
    layer.toolbar.set_color("#e5484d")
    layer.toolbar.set_width(4.0)
    drag(qtbot, reader, 0, [(100, 200), (150, 220), (200, 240), (260, 250)])
    [ink] = store.mine()
    assert ink["kind"] == "ink" and ink["page"] == 0 and ink["data"]["color"] == "#e5484d"
    path = ink["data"]["paths"][0]
    # Page points, whatever the zoom: within a pixel's worth of what was drawn.
    tolerance = 1.5 / reader.view.layout_.px_per_point
    assert path[0] == pytest.approx([100, 200], abs=tolerance)
    assert path[-1] == pytest.approx([260, 250], abs=tolerance)
    assert store.unsent == 1  # no connection: it waits in the outbox
    assert ink_pixels(reader, 0, (95, 195, 265, 255)) > 20
    reader.set_zoom(reader.zoom * 1.6)
    wait_rendered(qtbot, reader, 0)
    reader.view.go_to_page(0)
    assert store.mine()[0]["data"] == ink["data"]  # the zoom changed nothing stored
    qtbot.waitUntil(lambda: ink_pixels(reader, 0, (95, 195, 265, 255)) > 20, timeout=WAIT)
    assert ink_pixels(reader, 0, (300, 300, 400, 400)) == 0  # and painted where it belongs


def test_highlight_snaps_to_the_selected_words_and_keeps_their_text(
        qtbot: Any, layer: AnnotationLayer) -> None:
    reader, store = layer.reader, layer.store
    assert store is not None
    qtbot.waitUntil(lambda: bool(layer.words(0)), timeout=WAIT)
    words = layer.words(0) or []
    first_line = [w for w in words if w[5] == words[0][5]]
    start, end = first_line[0], first_line[-1]
    layer.toolbar.set_tool(Tool.HIGHLIGHT)
    drag(qtbot, reader, 0, [((start[0] + start[2]) / 2, (start[1] + start[3]) / 2),
                            ((end[0] + end[2]) / 2, (end[1] + end[3]) / 2)])
    [mark] = store.mine()
    assert mark["kind"] == "highlight"
    [quad] = mark["data"]["quads"]
    assert quad[0] == pytest.approx(start[0], abs=0.01) and quad[6] == pytest.approx(end[2], abs=0.01)
    assert mark["data"]["text"] == " ".join(w[4] for w in first_line)
    [entry] = store.outbox.pending()
    assert entry["command"] == "annotation.save"
    assert entry["payload"]["annotation"]["data"]["quads"] == [quad]


def test_undo_and_redo_create_move_and_delete(qtbot: Any, layer: AnnotationLayer) -> None:
    reader, store = layer.reader, layer.store
    assert store is not None
    layer.toolbar.set_tool(Tool.RECT)
    drag(qtbot, reader, 0, [(100, 100), (150, 130), (200, 160)])
    [frame] = store.mine()
    assert frame["data"]["rect"] == pytest.approx([100, 100, 200, 160], abs=1)
    layer.toolbar.set_tool(Tool.SELECT)
    drag(qtbot, reader, 0, [(100, 130), (130, 150), (150, 180)])  # grab the left edge
    moved = store.get(frame["id"])
    assert moved is not None and moved["data"]["rect"] == pytest.approx([150, 150, 250, 210], abs=1)
    assert layer.selected == frame["id"]
    layer.delete_selected()
    assert store.get(frame["id"]) is None
    layer.undo_stack.undo()
    assert store.get(frame["id"])["data"]["rect"] == moved["data"]["rect"]  # type: ignore[index]
    layer.undo_stack.undo()
    assert store.get(frame["id"])["data"]["rect"] == frame["data"]["rect"]  # type: ignore[index]
    layer.undo_stack.undo()
    assert store.get(frame["id"]) is None
    layer.undo_stack.redo()
    layer.undo_stack.redo()
    assert store.get(frame["id"])["data"]["rect"] == moved["data"]["rect"]  # type: ignore[index]
    # The outbox holds the latest state only: one save of the moved frame.
    [entry] = store.outbox.pending()
    assert entry["payload"]["annotation"]["data"]["rect"] == moved["data"]["rect"]


def test_the_eraser_removes_strokes_it_touches_in_one_undoable_step(
        qtbot: Any, layer: AnnotationLayer) -> None:
    reader, store = layer.reader, layer.store
    assert store is not None
    layer.toolbar.set_tool(Tool.INK)
    drag(qtbot, reader, 0, [(100, 300), (300, 300)])
    drag(qtbot, reader, 0, [(100, 400), (300, 400)])
    drag(qtbot, reader, 0, [(100, 500), (300, 500)])
    assert len(store.mine()) == 3
    layer.toolbar.set_tool(Tool.ERASER)
    drag(qtbot, reader, 0, [(200, 280), (200, 350), (200, 420)])  # across the first two
    assert [round(a["data"]["paths"][0][0][1]) for a in store.mine()] == [500]
    layer.undo_stack.undo()
    assert len(store.mine()) == 3


def test_notes_share_and_the_author_label(qtbot: Any, layer: AnnotationLayer) -> None:
    reader, store = layer.reader, layer.store
    assert store is not None
    layer.ask_text = lambda _title, _initial: "Đề nghị làm rõ số liệu"
    layer.toolbar.set_tool(Tool.NOTE)
    drag(qtbot, reader, 0, [(300, 120)])
    [note] = store.mine()
    assert note["kind"] == "note" and note["data"]["text"] == "Đề nghị làm rõ số liệu"
    assert note["shared"] is False  # private by default
    layer.toolbar.set_tool(Tool.SELECT)
    drag(qtbot, reader, 0, [(305, 125)])
    assert layer.selected == note["id"] and layer.toolbar.share_action.isEnabled()
    layer.toolbar.share_action.trigger()
    assert store.get(note["id"])["shared"] is True  # type: ignore[index]
    assert store.outbox.pending()[-1]["payload"]["annotation"]["shared"] is True
    # Someone else's shared annotation: shown with their name, hidden by the switch.
    store.apply_event("annotation.shared", {"document_id": 7, "annotation": {
        "id": "other-1234", "page": 0, "kind": "rect", "shared": True, "author_id": 9,
        "author_name": "Trần Thị B", "updated_at": "2026-11-21T10:00:00.000000Z",
        "data": {"rect": [50, 600, 200, 700], "color": "#3b82f6", "width": 2}}})
    assert [a["id"] for a in store.visible(0)] == [note["id"], "other-1234"]
    assert layer._label(store.get("other-1234")) == "Trần Thị B"  # type: ignore[arg-type]
    layer.select("other-1234")
    assert not layer.toolbar.delete_action.isEnabled()  # not mine: not deletable
    layer.toolbar.others_action.setChecked(False)
    assert [a["id"] for a in store.visible(0)] == [note["id"]]
