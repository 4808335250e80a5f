"""The reader widget on a real generated PDF (offscreen): pages, navigation and its
signals, zoom, thumbnails and contents, search highlights, watermark, touch, banner."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pymupdf
import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QImage, QInputMethodEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QGestureEvent, QPinchGesture

from meeting_app.pdf import PdfEngine
from meeting_app.pdf.child import render_page
from meeting_app.pdf.documents import TILE_PX, TILED_ABOVE, tile_place
from meeting_app.ui.reader import BROWSING, FOLLOWING, ReaderWidget, ZoomMode
from meeting_app.ui.reader.images import tiles_in
from meeting_app.ui.reader.layout import MARGIN
from tests.support import pdfs

WAIT = 10_000  # ms


def make_reader(qtbot: Any, engine: PdfEngine) -> ReaderWidget:
    widget = ReaderWidget(engine)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def reader(qtbot: Any, engine: PdfEngine, sample: pdfs.SamplePdf) -> ReaderWidget:
    widget = make_reader(qtbot, engine)
    with qtbot.waitSignal(widget.document_loaded, timeout=WAIT):
        widget.open_document(sample.path, "Tài liệu phiên họp")
    return widget


def wait_rendered(qtbot: Any, reader: ReaderWidget, page: int) -> None:
    """Until ``page`` is painted from an image at the view's current scale."""
    view = reader.view
    qtbot.waitUntil(lambda: view.shown_scale(page) == round(view.render_scale * 1000) / 1000,
                    timeout=WAIT)


def grab(reader: ReaderWidget) -> QImage:
    return reader.view.viewport().grab().toImage()


def count(image: QImage, rect: QRect, test: Any) -> int:
    rect = rect.intersected(image.rect())
    return sum(1 for x in range(rect.left(), rect.right(), 2) for y in range(rect.top(), rect.bottom(), 2)
               if test(QColor(image.pixel(x, y))))


def test_it_shows_the_document_and_renders_only_what_is_visible(
        qtbot: Any, reader: ReaderWidget, engine: PdfEngine, sample: pdfs.SamplePdf) -> None:
    assert reader.page_count == sample.page_count and reader.current_page == 0
    assert reader.toolbar.page_total.text() == f"/ {sample.page_count}"
    assert reader.toolbar.page_edit.text() == "1"
    wait_rendered(qtbot, reader, 0)
    qtbot.waitUntil(lambda: not engine.busy(), timeout=WAIT)
    visible = list(reader.view.visible_pages())
    assert visible[0] == 0 and len(visible) < sample.page_count
    scale = reader.view.render_scale
    cached = {p for p in range(sample.page_count) if engine.cached(reader.info.doc, p, scale)}  # type: ignore[union-attr]
    assert set(visible) <= cached <= set(visible) | {visible[-1] + 1, visible[-1] + 2}  # + prefetch
    image = grab(reader)
    page = reader.view.layout_.rects[0]
    assert count(image, page, lambda c: c.lightness() < 100) > 100  # text on the first page


def test_go_to_page_scrolls_there_without_claiming_the_user_moved(qtbot: Any, reader: ReaderWidget) -> None:
    changes: list[int] = []
    reader.current_page_changed.connect(changes.append)
    with qtbot.assertNotEmitted(reader.page_changed):
        reader.go_to_page(6)
        qtbot.wait(50)  # let any queued scroll handling run
    bar = reader.view.verticalScrollBar()
    assert bar.value() == reader.view.layout_.rects[6].top() - MARGIN
    assert reader.current_page == 6 and changes == [6]
    assert reader.toolbar.page_edit.text() == "7"
    assert reader.side_panel.thumbnails.currentIndex().row() == 6
    wait_rendered(qtbot, reader, 6)


def test_user_scrolling_emits_page_changed(qtbot: Any, reader: ReaderWidget) -> None:
    bar, rects = reader.view.verticalScrollBar(), reader.view.layout_.rects
    with qtbot.waitSignal(reader.page_changed, timeout=WAIT) as blocker:
        bar.setValue(rects[3].top() - 5)  # what dragging the scroll bar does
    assert blocker.args == [3] and reader.current_page == 3
    wheel = QWheelEvent(QPointF(300, 300), QPointF(300, 300), QPoint(0, 0), QPoint(0, -120 * 5),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    with qtbot.waitSignal(reader.page_changed, timeout=WAIT) as blocker:
        for _ in range(4):  # Qt scrolls at most a screenful per wheel event
            QApplication.sendEvent(reader.view.viewport(), wheel)
    assert blocker.args == [4] and bar.value() > rects[3].top()


def test_fast_scrolling_drops_the_requests_for_pages_scrolled_past(
        qtbot: Any, reader: ReaderWidget, engine: PdfEngine, monkeypatch: pytest.MonkeyPatch) -> None:
    wait_rendered(qtbot, reader, 0)
    qtbot.waitUntil(lambda: not engine.busy(), timeout=WAIT)  # prefetches done too
    gate = threading.Event()
    real = engine._worker.render

    def held_render(job: Any) -> None:  # a slow machine: nothing renders until the gate opens
        assert gate.wait(WAIT / 1000)
        real(job)

    monkeypatch.setattr(engine._worker, "render", held_render)
    dropped = engine.stats.dropped
    view, bar = reader.view, reader.view.verticalScrollBar()
    for page in range(2, 9):
        bar.setValue(view.layout_.rects[page].top() - MARGIN)
        qtbot.waitUntil(lambda page=page: page in view.images.wanted, timeout=WAIT)
    gate.set()
    wait_rendered(qtbot, reader, 8)
    qtbot.waitUntil(lambda: engine.pending_jobs() == 0, timeout=WAIT)
    assert engine.stats.dropped > dropped
    doc, scale = reader.info.doc, view.render_scale  # type: ignore[union-attr]
    # Pages only flown over: their requests were dropped. (Pages 1 and 2 were prefetched
    # before; the held render is page 3's prefetch; the last view asked for 7 and 8 and
    # prefetched 6, 9 and 10.)
    assert [p for p in (4, 5) if engine.cached(doc, p, scale) is not None] == []


def test_keyboard_navigation(qtbot: Any, reader: ReaderWidget, sample: pdfs.SamplePdf) -> None:
    view = reader.view
    view.setFocus()
    seen: list[int] = []
    reader.page_changed.connect(seen.append)
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert reader.current_page == sample.page_count - 1
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert reader.current_page == 0 and view.verticalScrollBar().value() == 0
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert reader.current_page == 1
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert reader.current_page == 0
    step = view.verticalScrollBar().pageStep()
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.verticalScrollBar().value() == step
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.verticalScrollBar().value() == 2 * step
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.verticalScrollBar().value() == step + view.verticalScrollBar().singleStep()
    assert seen[:4] == [sample.page_count - 1, 0, 1, 0]
    reader.toolbar.next_action.trigger()
    assert seen[-1] == reader.current_page


def test_fit_width_fit_page_and_zoom_change_the_rendered_scale(qtbot: Any, reader: ReaderWidget) -> None:
    view = reader.view
    assert view.zoom_mode is ZoomMode.FIT_WIDTH
    assert abs(view.layout_.rects[0].width() - (view.viewport().width() - 2 * MARGIN)) <= 1
    wait_rendered(qtbot, reader, 0)
    fit_width_scale = view.render_scale
    reader.toolbar.fit_page_action.trigger()
    assert view.zoom_mode is ZoomMode.FIT_PAGE
    assert view.layout_.rects[0].height() <= view.viewport().height() - 2 * MARGIN + 1
    assert view.render_scale < fit_width_scale
    wait_rendered(qtbot, reader, 0)
    reader.toolbar.zoom_in_action.trigger()
    assert view.zoom_mode is ZoomMode.FREE
    assert reader.toolbar.zoom_button.text() == f"{round(view.zoom * 100)} %"
    wait_rendered(qtbot, reader, reader.current_page)
    shown = view.images.image(reader.current_page)
    assert shown is not None
    image = shown[1]
    assert abs(image.width() - 595 * view.render_scale) <= 1  # rendered anew, not stretched
    reader.set_zoom(1.0)
    assert view.zoom == 1.0 and view.layout_.rects[0].width() == round(595 * 96 / 72)
    reader.toolbar.zoom_out_action.trigger()
    assert view.zoom == 0.9  # the next step down


def test_a_high_zoom_draws_only_the_tiles_in_view(qtbot: Any, reader: ReaderWidget, engine: PdfEngine,
                                                  sample: pdfs.SamplePdf) -> None:
    view = reader.view
    reader.set_zoom(6.0)  # an A4 page would be 12 million pixels whole
    page = reader.current_page
    scale = view.render_scale
    assert 595 * 842 * scale * scale > TILED_ABOVE
    wanted = set(tiles_in(view._visible_part(page)))
    assert 0 < len(wanted) < 12, "a few tiles cover the view, not the page's dozen"
    qtbot.waitUntil(lambda: set(view.images.tiles(page)) == wanted, timeout=WAIT)
    assert all(max(image.width(), image.height()) <= TILE_PX for image in view.images.tiles(page).values())
    assert engine.cached(reader._doc, page, scale) is None, "the whole page is never drawn at this zoom"
    shown = view.shown_scale(page)
    assert shown is not None and shown < scale / 2, "under the tiles, a small whole image came first"

    tile = max(wanted)  # one that is not at the page's top left
    assert tile_place(tile) != (0, 0)
    with pymupdf.open(sample.path) as doc:
        expected = render_page(doc[page], scale, tile)
    image = view.images.tiles(page)[tile]
    assert (image.width(), image.height()) == (expected.width, expected.height)

    view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 3 * TILE_PX)
    moved = set(tiles_in(view._visible_part(view.visible_pages()[0])))
    qtbot.waitUntil(lambda: set(view.images.tiles(view.visible_pages()[0])) >= moved, timeout=WAIT)


def test_ctrl_wheel_zooms_at_the_pointer(qtbot: Any, reader: ReaderWidget) -> None:
    view = reader.view
    zoom = view.zoom
    wheel = QWheelEvent(QPointF(200, 200), QPointF(200, 200), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom == pytest.approx(zoom * 1.15) and view.zoom_mode is ZoomMode.FREE


def test_thumbnails_and_contents_jump_to_their_page(qtbot: Any, reader: ReaderWidget,
                                                    sample: pdfs.SamplePdf) -> None:
    panel = reader.side_panel
    assert panel.model.rowCount() == sample.page_count
    index = panel.model.index(3)
    panel.thumbnails.scrollTo(index)
    doc = reader.info.doc  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: reader.engine.cached_thumbnail(doc, 3, panel.model.pixel_width) is not None,
                    timeout=WAIT)
    with qtbot.waitSignal(reader.page_changed, timeout=WAIT) as blocker:
        qtbot.mouseClick(panel.thumbnails.viewport(), Qt.MouseButton.LeftButton,
                         pos=panel.thumbnails.visualRect(index).center())
    assert blocker.args == [3] and reader.current_page == 3
    panel.setCurrentIndex(1)
    assert panel.isTabEnabled(1) and panel.contents.topLevelItemCount() == 5
    last = panel.contents.topLevelItem(4)
    assert last is not None and last.text(0) == "V. Tổ chức thực hiện"
    with qtbot.waitSignal(reader.page_changed, timeout=WAIT) as blocker:
        qtbot.mouseClick(panel.contents.viewport(), Qt.MouseButton.LeftButton,
                         pos=panel.contents.visualItemRect(last).center())
    assert blocker.args == [sample.page_count - 1]
    reader.toolbar.sidebar_action.trigger()
    assert not panel.isVisible()


def test_searching_a_document_without_text_says_so(qtbot: Any, engine: PdfEngine, tmp_path: Path) -> None:
    widget = make_reader(qtbot, engine)
    with qtbot.waitSignal(widget.document_loaded, timeout=WAIT):
        widget.open_document(pdfs.textless_pdf(tmp_path / "scan.pdf"), "Bản quét")
    widget.search_bar.open_bar()
    widget.search("nghị quyết")
    qtbot.waitUntil(lambda: widget.search_bar.count.text() == "No searchable text", timeout=WAIT)
    assert "scan" in widget.search_bar.count.toolTip()
    assert not widget.search_bar.next_button.isEnabled()


def test_search_highlights_the_hits_and_walks_through_them(qtbot: Any, reader: ReaderWidget,
                                                           sample: pdfs.SamplePdf) -> None:
    reader.activateWindow()
    reader.view.setFocus()
    qtbot.keyClick(reader.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert reader.search_bar.isVisible() and reader.search_bar.field.hasFocus()
    typed = QInputMethodEvent()  # how Vietnamese arrives: composed by the input method
    typed.setCommitString("nghị quyết")
    QApplication.sendEvent(reader.search_bar.field, typed)
    qtbot.waitUntil(lambda: reader.search_bar.count.text() == "1 / 3", timeout=WAIT)
    assert [h.page for h in reader.hits] == sample.words["Nghị quyết"]
    assert reader.current_hit == 0 and reader.current_page == 0
    qtbot.keyClick(reader.search_bar.field, Qt.Key.Key_Return)  # next match: page 2
    assert reader.current_hit == 1 and reader.current_page == 2
    hit = reader.hits[1]
    view = reader.view
    page_rect = view._page_on_screen(2)
    scale = view.layout_.px_per_point
    box = hit.rects[0]
    on_screen = QRect(round(page_rect.x() + box.x() * scale), round(page_rect.y() + box.y() * scale),
                      round(box.width() * scale), round(box.height() * scale))
    assert view.viewport().rect().contains(on_screen)

    def orange(c: QColor) -> bool:
        return c.red() > 200 and 90 < c.green() < 200 and c.blue() < 120

    wait_rendered(qtbot, reader, 2)
    assert count(grab(reader), on_screen, orange) > 10
    qtbot.keyClick(reader.search_bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert reader.current_hit == 0
    qtbot.keyClick(reader.search_bar.field, Qt.Key.Key_Escape)
    assert not reader.search_bar.isVisible() and reader.hits == []
    reader.go_to_page(2)
    wait_rendered(qtbot, reader, 2)
    assert count(grab(reader), view._page_on_screen(2), orange) == 0


def test_the_watermark_is_painted_over_the_pages(qtbot: Any, reader: ReaderWidget) -> None:
    wait_rendered(qtbot, reader, 0)
    page = reader.view._page_on_screen(0).intersected(reader.view.viewport().rect())

    def tinted(c: QColor) -> bool:  # paper with faint red ink on it
        return c.red() > c.green() + 15 and c.red() > c.blue() + 15

    plain = grab(reader)
    reader.set_watermark("Nguyễn Văn An\n14:05 12/03/2025")
    marked = grab(reader)
    assert plain != marked
    assert count(plain, page, tinted) == 0 and count(marked, page, tinted) > 200
    reader.set_watermark(None)
    assert grab(reader) == plain


def test_pinch_zooms_and_swipe_turns_the_page(qtbot: Any, reader: ReaderWidget) -> None:
    view = reader.view
    start = view.zoom
    view.touch.pinch(1.5, QPointF(200, 200))  # type: ignore[union-attr]
    view.touch.pinch(2.0, QPointF(200, 200), finished=True)  # type: ignore[union-attr]
    assert view.zoom == pytest.approx(start * 2.0) and view.zoom_mode is ZoomMode.FREE
    gesture = QPinchGesture()
    gesture.setTotalScaleFactor(0.5)
    gesture.setCenterPoint(QPointF(100, 100))
    QApplication.sendEvent(view.viewport(), QGestureEvent([gesture]))  # the real event path
    assert view.zoom == pytest.approx(start)
    with qtbot.waitSignal(reader.page_changed, timeout=WAIT) as blocker:
        view.touch.swipe("left")  # type: ignore[union-attr]
    assert blocker.args == [1]
    view.touch.swipe("right")  # type: ignore[union-attr]
    assert reader.current_page == 0


def test_follow_banner(qtbot: Any, reader: ReaderWidget) -> None:
    banner = reader.banner
    assert not banner.isVisible()
    reader.set_follow_banner(FOLLOWING, "Chủ tọa")
    assert banner.isVisible() and not banner.button.isVisible() and "Chủ tọa" in banner.label.text()
    reader.set_follow_banner(BROWSING)
    assert banner.button.isVisible()
    with qtbot.waitSignal(reader.follow_requested, timeout=WAIT):
        qtbot.mouseClick(banner.button, Qt.MouseButton.LeftButton)
    reader.set_follow_banner(None)
    assert not banner.isVisible()


def test_a_broken_document_shows_a_message(qtbot: Any, engine: PdfEngine, tmp_path: Path) -> None:
    reader = make_reader(qtbot, engine)
    files = pdfs.broken_pdfs(tmp_path)
    with qtbot.waitSignal(reader.document_failed, timeout=WAIT) as blocker:
        reader.open_document(files["not_pdf"], "Hồ sơ")
    assert "not a PDF" in blocker.args[0]
    assert "not a PDF" in reader.view._message and reader.page_count == 0
    assert not reader.toolbar.next_action.isEnabled()
    with qtbot.waitSignal(reader.document_loaded, timeout=WAIT):
        reader.open_document(files["encrypted"], "Hồ sơ mật", password=pdfs.PASSWORD)
    assert reader.page_count == 5 and reader.view._message == ""


def test_go_to_page_before_loading_is_kept(qtbot: Any, engine: PdfEngine, sample: pdfs.SamplePdf) -> None:
    reader = make_reader(qtbot, engine)
    reader.open_document(sample.path)
    reader.go_to_page(4)
    with qtbot.waitSignal(reader.document_loaded, timeout=WAIT):
        pass
    assert reader.current_page == 4
    assert reader.toolbar.title.text() == pdfs.TITLE  # the PDF's own title when none is given
    reader.close_document()
    assert reader.page_count == 0 and engine.info(4) is None
