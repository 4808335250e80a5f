"""Which page images the view asks for, and which it keeps to paint.

The view says what is visible (``want``); this asks the engine for those pages at the
render scale, nearest the middle first, prefetches the neighbours, and cancels requests
still queued for pages that scrolled out of view. It keeps the images of the visible
pages (and a couple around them) even if the engine's cache evicts them, and, during a
zoom, the old image of a page until the new one arrives.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from meeting_app.pdf import PdfEngine, RenderFailure, RenderResult


def scale_key(scale: float) -> int:
    """The engine's rounding of a scale (to 1/1000)."""
    return max(1, round(scale * 1000))


class PageImages(QObject):
    """Page images of one document for the view (see the module docstring)."""

    changed = Signal(int)
    """A page's image (or its failure) changed: repaint that page."""

    def __init__(self, engine: PdfEngine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.doc: int | None = None
        self._shown: dict[int, tuple[int, QImage]] = {}
        self._failed: dict[int, str] = {}
        self._wanted: tuple[tuple[int, ...], int] = ((), 0)
        engine.page_rendered.connect(self._on_rendered)
        engine.render_failed.connect(self._on_failed)
        engine.thumbnail_ready.connect(self._on_thumbnail)

    def reset(self, doc: int | None) -> None:
        """Forget everything; from now on, pages of ``doc``."""
        if self.doc is not None:
            self.engine.cancel_pending(self.doc)
        self.doc = doc
        self._shown.clear()
        self._failed.clear()
        self._wanted = ((), 0)

    @property
    def wanted(self) -> tuple[int, ...]:
        """The pages of the last ``want`` (the visible ones), in order."""
        return self._wanted[0]

    @property
    def scale_key(self) -> int:
        """The scale (in 1/1000) of the last ``want``."""
        return self._wanted[1]

    def want(self, pages: list[int], scale: float, page_count: int) -> None:
        """``pages`` (nearest the middle first) are visible at ``scale``: ask for what is
        missing. Nothing happens if neither changed since the last call."""
        key = scale_key(scale)
        if self.doc is None or (tuple(sorted(pages)), key) == self._wanted:
            return
        self._wanted = (tuple(sorted(pages)), key)
        # The requests still queued are for what was visible before: drop them, then ask
        # again for what is visible now (a render already running is joined, not redone).
        self.engine.cancel_pending(self.doc)
        if pages:
            keep = set(range(min(pages) - 2, max(pages) + 3))
            self._shown = {p: v for p, v in self._shown.items() if p in keep}
        for page in pages:
            image = self.engine.cached(self.doc, page, scale)
            if image is not None:
                self._shown[page] = (key, image)
            elif page not in self._failed:
                self.engine.render(self.doc, page, scale)
        if pages:
            ahead = [max(pages) + 1, min(pages) - 1, max(pages) + 2]
            self.engine.prefetch(self.doc, [p for p in ahead if 0 <= p < page_count], scale)

    def image(self, page: int) -> tuple[int, QImage] | None:
        """(scale key, image) to paint ``page`` with: at the wanted scale, or an older one."""
        return self._shown.get(page)

    def failure(self, page: int) -> str | None:
        """Why ``page`` cannot be shown, if it cannot."""
        return self._failed.get(page)

    def thumbnail(self, page: int, width: int) -> QImage | None:
        """The page's thumbnail if cached: a blurry stand-in while the page renders."""
        return None if self.doc is None else self.engine.cached_thumbnail(self.doc, page, width)

    def _on_rendered(self, result: RenderResult) -> None:
        if result.doc != self.doc:
            return
        key = scale_key(result.scale)
        if key == self._wanted[1] and result.page in self._wanted[0]:
            self._shown[result.page] = (key, result.image)
            self.changed.emit(result.page)

    def _on_thumbnail(self, result: RenderResult) -> None:
        if result.doc == self.doc and result.page in self._wanted[0] and result.page not in self._shown:
            self.changed.emit(result.page)

    def _on_failed(self, failure: RenderFailure) -> None:
        if failure.doc == self.doc:
            self._failed[failure.page] = failure.message
            self.changed.emit(failure.page)
