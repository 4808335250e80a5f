"""An LRU cache of rendered pages, bounded by the bytes the images hold.

It lives on the GUI thread (only the engine's GUI-side half touches it), so it needs no
lock; the worker never reads it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable

from PySide6.QtGui import QImage


class ImageCache:
    """Least recently used images, at most ``max_bytes`` of pixel data in all."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self.hits = 0
        self.misses = 0
        self._items: OrderedDict[Hashable, QImage] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._items

    def get(self, key: Hashable) -> QImage | None:
        """The image for ``key`` (now the most recently used), or None."""
        image = self._items.get(key)
        if image is None:
            self.misses += 1
            return None
        self.hits += 1
        self._items.move_to_end(key)
        return image

    def put(self, key: Hashable, image: QImage) -> None:
        """Keep ``image``, evicting the least recently used ones to stay in budget. An image
        bigger than the whole budget is not kept (it would evict everything for nothing)."""
        size = image.sizeInBytes()
        if size > self.max_bytes:
            return
        old = self._items.pop(key, None)
        if old is not None:
            self.bytes -= old.sizeInBytes()
        self._items[key] = image
        self.bytes += size
        while self.bytes > self.max_bytes:
            _, evicted = self._items.popitem(last=False)
            self.bytes -= evicted.sizeInBytes()

    def discard_if(self, predicate: Callable[[Hashable], bool]) -> None:
        """Forget every image whose key matches (e.g. all pages of a closed document)."""
        for key in [k for k in self._items if predicate(k)]:
            self.bytes -= self._items.pop(key).sizeInBytes()

    def clear(self) -> None:
        """Forget everything (the hit and miss counters stay)."""
        self._items.clear()
        self.bytes = 0
