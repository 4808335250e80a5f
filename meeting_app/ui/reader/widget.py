"""``ReaderWidget``: one document, with tool bar, side panel, search and follow banner.

See the package docstring (``meeting_app/ui/reader/__init__.py``) for the public API.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from meeting_app.pdf import DocumentInfo, PdfEngine, PdfError, SearchHit, shared_engine
from meeting_app.ui.reader.banner import FollowBanner, FollowState
from meeting_app.ui.reader.layout import ZoomMode
from meeting_app.ui.reader.search_bar import SearchBar
from meeting_app.ui.reader.side_panel import SidePanel
from meeting_app.ui.reader.style import READER_QSS
from meeting_app.ui.reader.toolbar import ReaderToolBar
from meeting_app.ui.reader.view import PageView
from meeting_app.ui.theme import bind_style


class ReaderWidget(QWidget):
    """Reads one PDF document at a time; see the package docstring."""

    page_changed = Signal(int)
    """0-based page the *user* moved to (scrolling, keys, buttons, thumbnails, contents,
    search, touch). Not emitted for ``go_to_page``: a change of page by the room."""
    current_page_changed = Signal(int)
    """0-based current page after any change, the user's or ``go_to_page``'s."""
    document_loaded = Signal(int)
    """The document opened; its page count."""
    document_failed = Signal(str)
    """The document cannot be shown; a message for the user (also shown in the view)."""
    follow_requested = Signal()
    """The user pressed "Follow presenter" on the banner."""

    def __init__(self, engine: PdfEngine | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine or shared_engine()
        self.setObjectName("reader")
        bind_style(self, READER_QSS)
        self.info: DocumentInfo | None = None
        self._doc: int | None = None
        self._holder: list[int | None] = [None]  # the open doc key, for the destroyed slot
        self._title = ""
        self._pending_page: int | None = None
        self._search_id = 0
        self._hits: list[SearchHit] = []
        self._hit = -1
        self._search_done = True
        self._no_text = False
        self.toolbar = ReaderToolBar()
        self.banner = FollowBanner()
        self.search_bar = SearchBar()
        self.side_panel = SidePanel(self.engine)
        self.view = PageView(self.engine)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.side_panel)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([190, 800])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for widget in (self.toolbar, self.banner, self.search_bar):
            layout.addWidget(widget)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.view)  # focusing the reader focuses the pages (keys work)
        self._connect()
        # Close the document when the widget is deleted; the slot must not refer to self.
        holder, engine = self._holder, self.engine

        def close_on_destroy(*_: object) -> None:
            if holder[0] is not None:
                engine.close(holder[0])

        self.destroyed.connect(close_on_destroy)

    def _connect(self) -> None:
        engine, tools, view = self.engine, self.toolbar, self.view
        engine.document_opened.connect(self._on_opened)
        engine.open_failed.connect(self._on_open_failed)
        engine.search_progress.connect(self._on_search_progress)
        engine.search_finished.connect(self._on_search_finished)
        engine.search_no_text.connect(self._on_search_no_text)
        view.current_page_changed.connect(self._on_page)
        view.zoom_changed.connect(lambda zoom: tools.show_zoom(zoom, view.zoom_mode))
        tools.sidebar_action.toggled.connect(self.side_panel.setVisible)
        tools.previous_action.triggered.connect(lambda: self._navigate(self.current_page - 1))
        tools.next_action.triggered.connect(lambda: self._navigate(self.current_page + 1))
        tools.page_entered.connect(self._navigate)
        tools.zoom_in_action.triggered.connect(view.zoom_in)
        tools.zoom_out_action.triggered.connect(view.zoom_out)
        tools.zoom_chosen.connect(view.set_zoom)
        tools.fit_width_action.triggered.connect(lambda on: self._fit(ZoomMode.FIT_WIDTH, on))
        tools.fit_page_action.triggered.connect(lambda on: self._fit(ZoomMode.FIT_PAGE, on))
        tools.search_action.triggered.connect(lambda on: self.open_search() if on else self.close_search())
        self.side_panel.page_chosen.connect(self._navigate)
        self.banner.follow_requested.connect(self.follow_requested)
        bar = self.search_bar
        bar.search_requested.connect(self.search)
        bar.next_requested.connect(lambda: self.select_hit(self._hit + 1))
        bar.previous_requested.connect(lambda: self.select_hit(self._hit - 1))
        bar.closed.connect(self.close_search)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        keys = ((QKeySequence.StandardKey.Find, self.open_search),
                (QKeySequence.StandardKey.ZoomIn, view.zoom_in),
                (QKeySequence("Ctrl+="), view.zoom_in),
                (QKeySequence.StandardKey.ZoomOut, view.zoom_out),
                (QKeySequence("Ctrl+0"), lambda: self.set_zoom_mode(ZoomMode.FIT_WIDTH)),
                (QKeySequence.StandardKey.FindNext, lambda: self.select_hit(self._hit + 1)),
                (QKeySequence.StandardKey.FindPrevious, lambda: self.select_hit(self._hit - 1)))
        for sequence, slot in keys:
            QShortcut(sequence, self, slot, context=context)

    # ---- documents ----

    def open_document(self, path: str | Path, title: str = "", password: str | None = None,
                      cache_key: bytes | None = None) -> None:
        """Show the PDF at ``path`` (closing any other); ``title`` defaults to the PDF's own.
        ``cache_key``: ``path`` is a sealed file of the offline cache. Then
        ``document_loaded`` or ``document_failed``."""
        self.close_document()
        self._title = title
        self._doc = self._holder[0] = self.engine.open(path, password, cache_key)
        self.view.set_message(self.tr("Opening %s…") % (title or Path(path).name))
        self.toolbar.show_document(title or Path(path).name, 0)

    def close_document(self) -> None:
        """Close the document (if any); the reader shows nothing."""
        self.close_search()
        if self._doc is not None:
            self.engine.close(self._doc)
        self._doc = self._holder[0] = None
        self.info = None
        self._pending_page = None
        self.view.set_document(None)
        self.view.set_message("")
        self.side_panel.set_document(None)
        self.toolbar.show_document("", 0)

    @property
    def page_count(self) -> int:
        return self.info.page_count if self.info else 0

    @property
    def current_page(self) -> int:
        """The 0-based page showing the most in the view."""
        return self.view.current_page

    def go_to_page(self, index: int) -> None:
        """Show page ``index`` (0-based) at the top, *not* as the user's doing: no
        ``page_changed`` (the room uses it to follow the presenter). Remembered if the
        document is still opening."""
        if self.info is None:
            self._pending_page = index
        else:
            self.view.go_to_page(index, user=False)

    # ---- zoom, watermark, banner ----

    @property
    def zoom(self) -> float:
        return self.view.zoom

    def set_zoom(self, zoom: float) -> None:
        """Free zoom, 1.0 = 100 %."""
        self.view.set_zoom(zoom)

    def set_zoom_mode(self, mode: ZoomMode) -> None:
        """``ZoomMode.FIT_WIDTH`` (the default), ``FIT_PAGE`` or ``FREE``."""
        self.view.set_zoom_mode(mode)
        self.toolbar.show_zoom(self.view.zoom, mode)

    def set_watermark(self, text: str | None) -> None:
        """Paint ``text`` (lines allowed) diagonally over every page; None removes it."""
        self.view.set_watermark(text or "")

    def set_follow_banner(self, state: FollowState | None, presenter: str = "") -> None:
        """Show "following" or "browsing" (with a "Follow presenter" button emitting
        ``follow_requested``), or None to hide the banner."""
        self.banner.set_state(state, presenter)

    # ---- search ----

    def open_search(self) -> None:
        if self.info is None:
            return
        self.toolbar.search_action.setChecked(True)
        self.search_bar.open_bar()

    def close_search(self) -> None:
        """Hide the find bar and the highlights."""
        self.engine.cancel_search(self._search_id)
        self._hits, self._hit, self._search_done = [], -1, True
        self.view.set_hits([], -1)
        self.toolbar.search_action.setChecked(False)
        if self.search_bar.isVisible():
            self.search_bar.close_bar()
        self.search_bar.clear_count()

    def search(self, text: str) -> None:
        """Search the document and highlight every match; the first one at or after the
        current page becomes the current match."""
        self.engine.cancel_search(self._search_id)
        self._hits, self._hit = [], -1
        self.view.set_hits([], -1)
        if self._doc is None or not text.strip():
            self._search_done = True
            self.search_bar.clear_count()
            return
        self._search_done, self._no_text = False, False
        self._search_id = self.engine.search(self._doc, text)
        self.search_bar.show_count(-1, 0, False)

    @property
    def hits(self) -> list[SearchHit]:
        return list(self._hits)

    @property
    def current_hit(self) -> int:
        return self._hit

    def select_hit(self, index: int) -> None:
        """Make match ``index`` (wrapping around) current and bring it into view."""
        if not self._hits:
            return
        self._hit = index % len(self._hits)
        hit = self._hits[self._hit]
        self.view.set_hits(self._hits, self._hit)
        box = QRectF()
        for rect in hit.rects:
            box = box.united(rect)
        self.view.show_rect(hit.page, box, user=True)
        self.search_bar.show_count(self._hit, len(self._hits), self._search_done)

    def _on_search_progress(self, search_id: int, hits: list[SearchHit]) -> None:
        if search_id != self._search_id:
            return
        self._hits.extend(hits)
        if self._hit < 0:
            first = next((i for i, h in enumerate(self._hits) if h.page >= self.current_page), -1)
            if first >= 0:
                self.select_hit(first)
                return
        self.view.set_hits(self._hits, self._hit)
        self.search_bar.show_count(self._hit, len(self._hits), False)

    def _on_search_no_text(self, search_id: int) -> None:
        if search_id == self._search_id:
            self._no_text = True

    def _on_search_finished(self, search_id: int, _total: int) -> None:
        if search_id != self._search_id:
            return
        self._search_done = True
        if self._no_text:
            self.search_bar.show_no_text()
            return
        if self._hit < 0 and self._hits:
            self.select_hit(0)
        else:
            self.search_bar.show_count(self._hit, len(self._hits), True)

    # ---- internals ----

    def _on_opened(self, info: DocumentInfo) -> None:
        if info.doc != self._doc:
            return
        self.info = info
        self.view.set_document(info)
        self.side_panel.set_document(info)
        self.toolbar.show_document(self._title or info.title, info.page_count)
        self.toolbar.show_zoom(self.view.zoom, self.view.zoom_mode)
        if self._pending_page is not None:
            self.view.go_to_page(self._pending_page, user=False)
            self._pending_page = None
        self.document_loaded.emit(info.page_count)

    def _on_open_failed(self, doc: int, error: PdfError) -> None:
        if doc != self._doc:
            return
        self._doc = self._holder[0] = None
        self.view.set_message(self.tr("This document cannot be opened.") + "\n" + error.message)
        self.document_failed.emit(error.message)

    def _on_page(self, page: int, by_user: bool) -> None:
        self.toolbar.show_page(page)
        self.side_panel.show_page(page)
        self.current_page_changed.emit(page)
        if by_user:
            self.page_changed.emit(page)

    def _navigate(self, page: int) -> None:
        self.view.go_to_page(page, user=True)

    def _fit(self, mode: ZoomMode, checked: bool) -> None:
        self.set_zoom_mode(mode if checked else ZoomMode.FREE)
