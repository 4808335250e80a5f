"""Which page images the view asks for, and which it keeps to paint.

The view says what is visible (``want``); this asks the engine for those pages at the
render scale, nearest the middle first, prefetches the neighbours, and cancels requests
still queued for pages that scrolled out of view. It keeps the images of the visible
pages (and a couple around them) even if the engine's cache evicts them, and, during a
zoom, the old image of a page until the new one arrives.

At a high zoom a whole page image would be huge (and a slow page would take many times as
long): a page above ``TILED_ABOVE`` pixels is then asked for as a small whole image (a
first paint that comes at once, blurry) and, at full sharpness, only the ``TILE_PX``
tiles in view.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, QRect, Signal
from PySide6.QtGui import QImage

from meeting_app.pdf import PdfEngine, RenderFailure, RenderResult
from meeting_app.pdf.documents import TILE_PX, TILED_ABOVE, tile_number


def scale_key(scale: float) -> int:
    """The engine's rounding of a scale (to 1/1000)."""
    return max(1, round(scale * 1000))


def tiles_in(visible: QRect) -> list[int]:
    """The tiles covering ``visible`` (device pixels from the page's top left)."""
    if visible.isEmpty():
        return []
    columns = range(max(0, visible.left()) // TILE_PX, visible.right() // TILE_PX + 1)
    rows = range(max(0, visible.top()) // TILE_PX, visible.bottom() // TILE_PX + 1)
    return [tile_number(column, row) for row in rows for column in columns]


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
        self._whole_key: dict[int, int] = {}
        """The scale key of the whole image wanted for each visible page (lower for a tiled one)."""
        self._tiles: dict[int, dict[int, QImage]] = {}
        """Tiles at the wanted scale, per tiled page."""
        self._wanted_tiles: dict[int, frozenset[int]] = {}
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
        self._whole_key.clear()
        self._tiles.clear()
        self._wanted_tiles.clear()

    @property
    def wanted(self) -> tuple[int, ...]:
        """The pages of the last ``want`` (the visible ones), in order."""
        return self._wanted[0]

    @property
    def scale_key(self) -> int:
        """The scale (in 1/1000) of the last ``want``."""
        return self._wanted[1]

    def want(self, pages: list[int], scale: float, page_count: int,
             visible: dict[int, QRect] | None = None) -> None:
        """``pages`` (nearest the middle first) are visible at ``scale``: ask for what is
        missing. ``visible``: the part of each page in view, in device pixels from its top
        left (what a tiled page needs). Nothing happens if nothing changed since the last call."""
        key = scale_key(scale)
        tiled = {page: frozenset(tiles_in(visible[page])) for page in pages
                 if visible is not None and page in visible and self._is_tiled(page, scale)}
        if self.doc is None or ((tuple(sorted(pages)), key) == self._wanted and tiled == self._wanted_tiles):
            return
        if key != self._wanted[1]:
            self._tiles.clear()
        self._wanted = (tuple(sorted(pages)), key)
        self._wanted_tiles = tiled
        # The requests still queued are for what was visible before: drop them, then ask
        # again for what is visible now (a render already running is joined, not redone).
        self.engine.cancel_pending(self.doc)
        if pages:
            keep = set(range(min(pages) - 2, max(pages) + 3))
            self._shown = {p: v for p, v in self._shown.items() if p in keep}
            self._tiles = {p: v for p, v in self._tiles.items() if p in tiled}
        for page in pages:
            whole = self._base_scale(page, scale) if page in tiled else scale
            self._whole_key[page] = scale_key(whole)
            image = self.engine.cached(self.doc, page, whole)
            if image is not None:
                self._shown[page] = (scale_key(whole), image)
            elif page not in self._failed:
                self.engine.render(self.doc, page, whole)
            for tile in tiled.get(page, ()):
                held = self._tiles.setdefault(page, {})
                cached = held.get(tile) or self.engine.cached_tile(self.doc, page, scale, tile)
                if cached is not None:
                    held[tile] = cached
                elif page not in self._failed:
                    self.engine.render_tile(self.doc, page, scale, tile)
        if pages:
            ahead = [max(pages) + 1, min(pages) - 1, max(pages) + 2]
            ahead = [p for p in ahead if 0 <= p < page_count and not self._is_tiled(p, scale)]
            self.engine.prefetch(self.doc, ahead, scale)

    def is_tiled(self, page: int) -> bool:
        """Whether ``page`` is shown in tiles at the wanted scale."""
        return page in self._wanted_tiles

    def tiles(self, page: int) -> dict[int, QImage]:
        """The tiles of ``page`` at the wanted scale that have come (tile number: image)."""
        return self._tiles.get(page, {})

    def _page_pixels(self, page: int, scale: float) -> float:
        info = self.engine.info(self.doc) if self.doc is not None else None
        if info is None or not 0 <= page < info.page_count:
            return 0.0
        width, height = info.page_sizes[page]
        return width * height * scale * scale

    def _is_tiled(self, page: int, scale: float) -> bool:
        return self._page_pixels(page, scale) > TILED_ABOVE

    def _base_scale(self, page: int, scale: float) -> float:
        """The scale of a tiled page's whole image: a quarter of ``TILED_ABOVE`` pixels."""
        return scale * math.sqrt(TILED_ABOVE / 4 / self._page_pixels(page, scale))

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
        if result.doc != self.doc or result.page not in self._wanted[0]:
            return
        key = scale_key(result.scale)
        if result.tile >= 0:
            if key == self._wanted[1] and result.tile in self._wanted_tiles.get(result.page, ()):
                self._tiles.setdefault(result.page, {})[result.tile] = result.image
                self.changed.emit(result.page)
        elif key == self._whole_key.get(result.page, self._wanted[1]):
            self._shown[result.page] = (key, result.image)
            self.changed.emit(result.page)

    def _on_thumbnail(self, result: RenderResult) -> None:
        if result.doc == self.doc and result.page in self._wanted[0] and result.page not in self._shown:
            self.changed.emit(result.page)

    def _on_failed(self, failure: RenderFailure) -> None:
        if failure.doc == self.doc:
            self._failed[failure.page] = failure.message
            self.changed.emit(failure.page)
