"""``PageView``: every page of a document in one vertical scroll, painted as it arrives.

Only the pages in the viewport are asked of the engine (``PageImages``), at zoom x device
pixel ratio so text is sharp on high-density screens. Until a page's image arrives its
place shows a blank sheet of the right size (or its thumbnail enlarged, or the page at
the previous zoom).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

import meeting_app.ui.reader.painting as painting
from meeting_app.pdf import DocumentInfo, PdfEngine, SearchHit
from meeting_app.ui.reader.images import PageImages
from meeting_app.ui.reader.layout import (
    MARGIN,
    MAX_ZOOM,
    MIN_ZOOM,
    THUMB_WIDTH,
    PageLayout,
    ZoomMode,
    zoom_step,
)
from meeting_app.ui.reader.touch import TouchHandler
from meeting_app.ui.theme import color

LINE_STEP = 48
"""Pixels per arrow key or wheel line."""

Overlay = Callable[[QPainter, int, QRect, float], None]
"""Paints over one page: (painter, page, where the page is on screen, pixels per point)."""


class PageView(QAbstractScrollArea):
    """The scrolling pages of one document (see the module docstring)."""

    current_page_changed = Signal(int, bool)
    """(0-based page, by_user): the page showing the most changed; by_user is False for
    ``go_to_page(..., user=False)`` and for layout changes."""
    zoom_changed = Signal(float)
    """The zoom (1.0 = 100 %) after any change, including a fit mode following a resize."""

    def __init__(self, engine: PdfEngine, parent: QWidget | None = None) -> None:
        self.touch: TouchHandler | None = None  # viewportEvent runs during __init__
        super().__init__(parent)
        self.engine = engine
        self.info: DocumentInfo | None = None
        self.layout_ = PageLayout([], 1.0, 0)
        self.zoom_mode = ZoomMode.FIT_WIDTH
        self._zoom = 1.0
        self._current = 0
        self._programmatic = 0
        self._message = ""
        self._watermark = ""
        self._hits: dict[int, list[tuple[SearchHit, bool]]] = {}
        self.overlays: list[Overlay] = []
        """Painted over each visible page, under the watermark (annotations)."""
        self.images = PageImages(engine, self)
        self.images.changed.connect(lambda page: self.viewport().update(self._page_on_screen(page)))
        self._request_timer = QTimer(self, singleShot=True, interval=0)
        self._request_timer.timeout.connect(self._request_visible)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QAbstractScrollArea.Shape.NoFrame)
        # Always on: a scroll bar that comes and goes would change the width, hence the
        # fit-width zoom, hence the height, hence the scroll bar...
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.horizontalScrollBar().valueChanged.connect(self._on_scrolled)
        self.verticalScrollBar().setSingleStep(LINE_STEP)
        self.touch = TouchHandler(self, self.viewport())

    # ---- document ----

    def set_document(self, info: DocumentInfo | None) -> None:
        """Show ``info``'s pages from the first (None: nothing, see ``set_message``)."""
        self.info = info
        self.images.reset(info.doc if info else None)
        self._hits.clear()
        self._current = 0
        self._message = ""
        self._relayout(keep_anchor=False)
        self._scroll_to(0, 0)

    def set_message(self, text: str) -> None:
        """A note shown instead of pages ("Opening…", an error); empty to clear it."""
        self._message = text
        self.viewport().update()

    @property
    def page_count(self) -> int:
        return self.info.page_count if self.info else 0

    # ---- zoom ----

    @property
    def zoom(self) -> float:
        """Current zoom, 1.0 = 100 % (a page at its printed size)."""
        return self._zoom

    @property
    def render_scale(self) -> float:
        """Device pixels per point the pages are rendered at."""
        return self.layout_.px_per_point * self.viewport().devicePixelRatioF()

    def set_zoom_mode(self, mode: ZoomMode) -> None:
        self.zoom_mode = mode
        self._relayout()

    def set_zoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        """Free zoom to ``zoom``, keeping the document point at viewport position ``anchor``
        (default: the top centre) where it is."""
        self.zoom_mode = ZoomMode.FREE
        self._zoom = min(MAX_ZOOM, max(MIN_ZOOM, zoom))
        self._relayout(anchor=anchor)

    def zoom_in(self) -> None:
        self.set_zoom(zoom_step(self._zoom, up=True))

    def zoom_out(self) -> None:
        self.set_zoom(zoom_step(self._zoom, up=False))

    # ---- navigation ----

    @property
    def current_page(self) -> int:
        return self._current

    def go_to_page(self, index: int, user: bool = False) -> None:
        """Scroll so page ``index`` (0-based, clamped) is at the top and make it current."""
        if not self.info:
            return
        index = max(0, min(index, self.info.page_count - 1))
        rect = self.layout_.rects[index]
        self._scroll_to(self.horizontalScrollBar().value(), rect.top() - MARGIN)
        self._set_current(index, user)

    def show_rect(self, page: int, rect: QRectF, user: bool = True) -> None:
        """Bring ``rect`` (page points) of ``page`` into view, centred if it was not in view."""
        if not self.info or not 0 <= page < self.info.page_count:
            return
        scale, origin = self.layout_.px_per_point, self.layout_.rects[page].topLeft()
        box = QRectF(origin.x() + rect.x() * scale, origin.y() + rect.y() * scale,
                     rect.width() * scale, rect.height() * scale)
        view = QRectF(self.horizontalScrollBar().value(), self.verticalScrollBar().value(),
                      self.viewport().width(), self.viewport().height())
        if not view.contains(box):
            x = view.x() if view.left() <= box.left() and box.right() <= view.right() \
                else box.center().x() - view.width() / 2
            self._scroll_to(round(x), round(box.center().y() - view.height() / 2))
        self._set_current(page, user)

    def scroll_by(self, dy: int) -> None:
        """Scroll ``dy`` logical pixels down (up if negative), as the user."""
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + dy)

    # ---- decorations ----

    def set_hits(self, hits: list[SearchHit], current: int) -> None:
        """Highlight ``hits``; ``hits[current]`` stands out (-1: none does)."""
        self._hits = {}
        for index, hit in enumerate(hits):
            self._hits.setdefault(hit.page, []).append((hit, index == current))
        self.viewport().update()

    def set_watermark(self, text: str) -> None:
        self._watermark = text
        self.viewport().update()

    def visible_pages(self) -> range:
        top = self.verticalScrollBar().value()
        return self.layout_.visible(top, top + self.viewport().height())

    def shown_scale(self, page: int) -> float | None:
        """Scale of the image painted for ``page`` (None: none yet). For tests."""
        shown = self.images.image(page)
        return shown[0] / 1000 if shown else None

    def page_rect(self, page: int) -> QRect:
        """Where ``page`` is in the viewport (logical pixels)."""
        return self._page_on_screen(page)

    def page_point(self, pos: QPointF, page: int | None = None) -> tuple[int, QPointF] | None:
        """The page under viewport position ``pos`` and the point there in page points
        (None outside every page). With ``page``, the point on that page wherever ``pos``
        is (a drag that leaves its page)."""
        if not self.info or not len(self.layout_):
            return None
        scale = self.layout_.px_per_point
        if page is None:
            y = pos.y() + self.verticalScrollBar().value()
            page = self.layout_.page_at(y)
            if not self.page_rect(page).contains(pos.toPoint()):
                return None
        rect = self.page_rect(page)
        return page, QPointF((pos.x() - rect.x()) / scale, (pos.y() - rect.y()) / scale)

    def update_page(self, page: int) -> None:
        """Repaint one page (-1: all) after its overlays changed."""
        if page < 0 or not 0 <= page < len(self.layout_):
            self.viewport().update()
        else:
            self.viewport().update(self._page_on_screen(page).adjusted(-4, -4, 4, 4))

    # ---- internals: layout and scrolling ----

    def _relayout(self, anchor: QPointF | None = None, keep_anchor: bool = True) -> None:
        viewport = self.viewport()
        sizes = self.info.page_sizes if self.info else ()
        probe = PageLayout(sizes, 1.0, viewport.width())
        if self.zoom_mode is ZoomMode.FIT_WIDTH:
            self._zoom = probe.fit_width_zoom(viewport.width())
        elif self.zoom_mode is ZoomMode.FIT_PAGE:
            self._zoom = probe.fit_page_zoom(viewport.width(), viewport.height())
        point = anchor if anchor is not None else QPointF(viewport.width() / 2, 0)
        held = self._document_point(point) if keep_anchor else None
        self.layout_ = PageLayout(sizes, self._zoom, viewport.width())
        self._programmatic += 1
        try:
            for bar, total, page_size in ((self.horizontalScrollBar(), self.layout_.width, viewport.width()),
                                          (self.verticalScrollBar(), self.layout_.height, viewport.height())):
                bar.setRange(0, max(0, total - page_size))
                bar.setPageStep(max(1, page_size - LINE_STEP))
            if held is not None:
                page, fx, fy = held
                rect = self.layout_.rects[page]
                self._scroll_to(round(rect.x() + fx * rect.width() - point.x()),
                                round(rect.y() + fy * rect.height() - point.y()))
        finally:
            self._programmatic -= 1
        self.zoom_changed.emit(self._zoom)
        self._schedule()

    def _document_point(self, point: QPointF) -> tuple[int, float, float] | None:
        """(page, x fraction, y fraction) under viewport ``point``; the current page keeps
        its place when the point is in a gap."""
        if not len(self.layout_):
            return None
        x = point.x() + self.horizontalScrollBar().value()
        y = point.y() + self.verticalScrollBar().value()
        page = self.layout_.page_at(y)
        if point.y() <= MARGIN and page != self._current and self._current < len(self.layout_):
            page = self._current  # the top of a page just scrolled to by go_to_page
        rect = self.layout_.rects[page]
        return page, (x - rect.x()) / rect.width(), (y - rect.y()) / rect.height()

    def _scroll_to(self, x: int, y: int) -> None:
        self._programmatic += 1
        try:
            self.horizontalScrollBar().setValue(x)
            self.verticalScrollBar().setValue(y)
        finally:
            self._programmatic -= 1
        self._schedule()
        self.viewport().update()

    def _set_current(self, page: int, user: bool) -> None:
        if page != self._current:
            self._current = page
            self.current_page_changed.emit(page, user)

    def _on_scrolled(self) -> None:
        self._schedule()
        self.viewport().update()
        if self._programmatic or not self.info:
            return
        top = self.verticalScrollBar().value()
        page = self.layout_.most_visible(top, top + self.viewport().height())
        if page >= 0:
            self._set_current(page, True)

    # ---- internals: asking for images ----

    def _schedule(self) -> None:
        self._request_timer.start()

    def _request_visible(self) -> None:
        if self.info is None:
            return
        middle = self.verticalScrollBar().value() + self.viewport().height() / 2
        pages = sorted(self.visible_pages(), key=lambda p: abs(self.layout_.rects[p].center().y() - middle))
        self.images.want(pages, self.render_scale, self.info.page_count,
                         {page: self._visible_part(page) for page in pages})
        self.viewport().update()

    def _visible_part(self, page: int) -> QRect:
        """The part of ``page`` in view, in device pixels from its top left."""
        on_screen = self._page_on_screen(page)
        seen = on_screen.intersected(self.viewport().rect()).translated(-on_screen.topLeft())
        dpr = self.viewport().devicePixelRatioF()
        return QRect(math.floor(seen.x() * dpr), math.floor(seen.y() * dpr),
                     math.ceil(seen.width() * dpr), math.ceil(seen.height() * dpr))

    def _page_on_screen(self, page: int) -> QRect:
        return self.layout_.rects[page].translated(-self.horizontalScrollBar().value(),
                                                   -self.verticalScrollBar().value())

    # ---- internals: events ----

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), color("page_bg"))
        if self._message or not self.info:
            painting.paint_label(painter, self.viewport().rect(), self._message)
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        dpr = self.viewport().devicePixelRatioF()
        key = self.images.scale_key
        for page in self.visible_pages():
            rect = self._page_on_screen(page)
            if not rect.intersects(event.rect()):
                continue
            painting.paint_paper(painter, rect)
            shown = self.images.image(page)
            if shown is not None and shown[0] == key:
                image = shown[1]  # drawn 1:1 in device pixels: no resampling, sharp text
                painter.drawImage(QRectF(rect.x(), rect.y(), image.width() / dpr,
                                         image.height() / dpr), image)
            elif shown is not None:
                painter.drawImage(QRectF(rect), shown[1])
            elif (thumb := self.images.thumbnail(page, round(THUMB_WIDTH * dpr))) is not None:
                painter.drawImage(QRectF(rect), thumb)
            else:
                painting.paint_label(painter, rect, self.images.failure(page) or str(page + 1))
            if self.images.is_tiled(page):
                painting.paint_tiles(painter, rect, dpr, self.images.tiles(page))
            if page in self._hits:
                painting.paint_hits(painter, rect, self.layout_.px_per_point, self._hits[page])
            for overlay in self.overlays:
                painter.save()
                overlay(painter, page, rect, self.layout_.px_per_point)
                painter.restore()
            if self._watermark:
                painting.paint_watermark(painter, rect, self._watermark)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            self.set_zoom(self._zoom * (1.15 ** steps), anchor=event.position())
            event.accept()
        else:
            super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        page_step = self.verticalScrollBar().pageStep()
        moves = {Qt.Key.Key_PageDown: page_step, Qt.Key.Key_PageUp: -page_step,
                 Qt.Key.Key_Down: LINE_STEP, Qt.Key.Key_Up: -LINE_STEP,
                 Qt.Key.Key_Space: -page_step if shift else page_step}
        if key in moves:
            self.scroll_by(moves[Qt.Key(key)])
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.go_to_page(0 if key == Qt.Key.Key_Home else self.page_count - 1, user=True)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and not self.can_scroll_sideways():
            self.go_to_page(self._current + (1 if key == Qt.Key.Key_Right else -1), user=True)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def can_scroll_sideways(self) -> bool:
        """True when the pages are wider than the view (a sideways drag scrolls)."""
        return self.horizontalScrollBar().maximum() > 0

    def viewportEvent(self, event: QEvent) -> bool:
        if self.touch is not None and self.touch.event(event):
            return True
        if event.type() == QEvent.Type.DevicePixelRatioChange:  # moved to another screen
            self._schedule()  # the render scale changed: ask for sharp images again
        return super().viewportEvent(event)

    def zoom_at(self, zoom: float, point: QPoint | QPointF) -> None:
        """Free zoom anchored at a viewport point (a pinch's centre)."""
        self.set_zoom(zoom, anchor=QPointF(point))
