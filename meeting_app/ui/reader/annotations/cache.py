"""Painted annotations kept as images per page, so a repaint (scrolling, a search hit, the
watermark's clock) is two blits instead of stroking every pen path again: 1,000 annotations
take ~100 ms to paint and well under a millisecond to blit (``bench/annotations_render.py``).

Two images per page: text markup (composited with Multiply, like a highlighter on paper)
and everything else (painted over). A page's images are made again when its annotations
change, the zoom or screen changes, or the shown set changes; only pages in view are kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QImage, QPainter

import meeting_app.ui.reader.annotations.paint as paint

MARKUP = ("highlight",)
"""Kinds composited with Multiply (underline and strike-out are lines: painted over)."""
Key = tuple[Any, ...]


class OverlayCache:
    """Per-page images of the annotations (see the module docstring)."""

    def __init__(self) -> None:
        self._images: dict[int, tuple[Key, QImage | None, QImage | None]] = {}
        self._revisions: dict[int, int] = {}
        self._everything = 0

    def invalidate(self, page: int) -> None:
        """``page``'s annotations changed (-1: every page's)."""
        if page < 0:
            self._everything += 1
        else:
            self._revisions[page] = self._revisions.get(page, 0) + 1

    def keep_only(self, pages: Iterable[int]) -> None:
        """Forget the images of pages out of view."""
        wanted = set(pages)
        self._images = {p: v for p, v in self._images.items() if p in wanted}

    def paint(self, painter: QPainter, page: int, rect: QRect, px_per_point: float, dpr: float,
              items: Callable[[], list[dict[str, Any]]], extra: Key = ()) -> None:
        """Blit ``page``'s annotations at ``rect``; ``items`` lists them if the images must be
        made again; ``extra`` is anything else the picture depends on."""
        key = (rect.width(), rect.height(), round(dpr * 1000), self._everything,
               self._revisions.get(page, 0), *extra)
        cached = self._images.get(page)
        if cached is None or cached[0] != key:
            cached = (key, *self._make(rect, px_per_point, dpr, items()))
            self._images[page] = cached
        _, markup, rest = cached
        target = QRectF(rect)
        if markup is not None:
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
            painter.drawImage(target, markup)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        if rest is not None:
            painter.drawImage(target, rest)

    @staticmethod
    def _make(rect: QRect, px_per_point: float, dpr: float, items: list[dict[str, Any]]
              ) -> tuple[QImage | None, QImage | None]:
        made: list[QImage | None] = []
        markup = [a for a in items if a["kind"] in MARKUP]
        for group in (markup, [a for a in items if a["kind"] not in MARKUP]):
            if not group:
                made.append(None)
                continue
            image = QImage(max(1, round(rect.width() * dpr)), max(1, round(rect.height() * dpr)),
                           QImage.Format.Format_ARGB32_Premultiplied)
            image.setDevicePixelRatio(dpr)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            paint.paint_page(painter, QRect(0, 0, rect.width(), rect.height()), px_per_point, group,
                             multiply=False)
            painter.end()
            made.append(image)
        return made[0], made[1]
