"""Where each page sits in the reader's continuous scroll: pure arithmetic, no painting.

Pages are stacked top to bottom, centred horizontally, ``GAP`` pixels apart with a
``MARGIN`` around them. Coordinates are logical pixels of the scrolled content.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from enum import StrEnum

from PySide6.QtCore import QRect

GAP = 12
MARGIN = 16
PX_PER_POINT = 96 / 72
"""Logical pixels per point at 100 % zoom: a page shows at its printed size."""
THUMB_WIDTH = 120
"""Logical width of thumbnails (the side panel's; the view borrows them as previews)."""
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
MIN_ZOOM, MAX_ZOOM = 0.1, 4.0


class ZoomMode(StrEnum):
    """How the zoom follows the window: fit the width, fit a whole page, or stay put."""

    FIT_WIDTH = "fit_width"
    FIT_PAGE = "fit_page"
    FREE = "free"


def zoom_step(zoom: float, up: bool) -> float:
    """The next zoom step above (or below) ``zoom``."""
    if up:
        return next((z for z in ZOOM_STEPS if z > zoom * 1.01), MAX_ZOOM)
    return next((z for z in reversed(ZOOM_STEPS) if z < zoom / 1.01), MIN_ZOOM)


class PageLayout:
    """Page rectangles for ``sizes`` (points) at ``zoom`` (1.0 = 100 %) in a viewport
    ``viewport_width`` logical pixels wide."""

    def __init__(self, sizes: Sequence[tuple[float, float]], zoom: float, viewport_width: int) -> None:
        self.sizes = list(sizes)
        self.zoom = zoom
        factor = zoom * PX_PER_POINT
        dims = [(max(1, round(w * factor)), max(1, round(h * factor))) for w, h in self.sizes]
        widest = max((w for w, _ in dims), default=0)
        self.width = max(viewport_width, widest + 2 * MARGIN)
        self.rects: list[QRect] = []
        self._tops: list[int] = []
        y = MARGIN
        for w, h in dims:
            self.rects.append(QRect((self.width - w) // 2, y, w, h))
            self._tops.append(y)
            y += h + GAP
        self.height = y - GAP + MARGIN if dims else 0

    @property
    def px_per_point(self) -> float:
        """Logical pixels per point."""
        return self.zoom * PX_PER_POINT

    def __len__(self) -> int:
        return len(self.rects)

    def page_at(self, y: float) -> int:
        """The page at content height ``y`` (or the one just above a gap); -1 if none."""
        if not self.rects:
            return -1
        return max(0, bisect.bisect_right(self._tops, y) - 1)

    def visible(self, top: float, bottom: float) -> range:
        """Pages that overlap the band [top, bottom)."""
        if not self.rects:
            return range(0)
        first = self.page_at(top)
        if self.rects[first].bottom() < top:
            first += 1
        last = self.page_at(bottom)
        return range(first, min(last, len(self.rects) - 1) + 1) if first <= last else range(0)

    def most_visible(self, top: float, bottom: float) -> int:
        """The page showing the most of itself in [top, bottom); the first one on a tie."""
        best, best_height = -1, 0.0
        for page in self.visible(top, bottom):
            rect = self.rects[page]
            height = min(rect.bottom() + 1, bottom) - max(rect.top(), top)
            if height > best_height + 1:
                best, best_height = page, height
        return best

    def fit_width_zoom(self, viewport_width: int) -> float:
        """The zoom at which the widest page fills the viewport's width."""
        widest = max((w for w, _ in self.sizes), default=595.0)
        return max(0.05, (viewport_width - 2 * MARGIN) / (widest * PX_PER_POINT))

    def fit_page_zoom(self, viewport_width: int, viewport_height: int) -> float:
        """The zoom at which the biggest page fits whole in the viewport."""
        tallest = max((h for _, h in self.sizes), default=842.0)
        by_height = (viewport_height - 2 * MARGIN) / (tallest * PX_PER_POINT)
        return max(0.05, min(self.fit_width_zoom(viewport_width), by_height))
