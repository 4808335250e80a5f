"""How much a PDF's streams inflate to, measured before anything reads them.

A content stream of a few kilobytes can hold gigabytes (FlateDecode over FlateDecode); a
reader that parses it all keeps the checking process busy for a minute and may accept the
file. Here every stream that is read whole (contents, forms, fonts, object streams: all but
images, which MuPDF decodes only as far as it draws them) is inflated in a pipeline with a
budget for the whole document; past the budget the file is refused in about a second.
Only leading Flate layers are measured (every stream, in practice); another filter first
leaves the stream to the CPU and memory limits of the checking process.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable

CHUNK = 64 * 1024
FLATE = frozenset({"FlateDecode", "Fl"})


class InflationExceeded(Exception):
    """The streams inflate past the budget."""


def filter_names(value: str) -> list[str]:
    """The filter names of a ``/Filter`` value as PyMuPDF gives it (a name or an array)."""
    return re.findall(r"/([^\s/\[\]<>()]+)", value)


def _layers(raw: bytes, layers: int) -> Iterable[bytes]:
    """The output of ``layers`` Flate layers over ``raw``, a chunk at a time (never the whole)."""
    def inflate(chunks: Iterable[bytes]) -> Iterable[bytes]:
        inflater = zlib.decompressobj()
        for chunk in chunks:
            pending = chunk
            while pending and not inflater.eof:
                out = inflater.decompress(pending, CHUNK)
                if out:
                    yield out
                pending = inflater.unconsumed_tail
            if inflater.eof:
                return

    stream: Iterable[bytes] = (raw[i:i + CHUNK] for i in range(0, len(raw), CHUNK))
    for _ in range(layers):
        stream = inflate(stream)
    return stream


def inflated_size(raw: bytes, filters: list[str], budget: int) -> int:
    """The size of ``raw`` after its leading Flate filters, counted up to ``budget`` (then
    InflationExceeded); a damaged stream counts as far as it inflates."""
    layers = 0
    for name in filters:
        if name not in FLATE:
            break
        layers += 1
    if layers == 0:
        return len(raw)
    total = 0
    try:
        for chunk in _layers(raw, layers):
            total += len(chunk)
            if total > budget:
                raise InflationExceeded
    except zlib.error:
        pass  # MuPDF judges damaged data itself
    return total


def check_budget(streams: Iterable[tuple[bytes, list[str]]], budget: int) -> int:
    """All ``streams`` (raw bytes, filters) inflated together; InflationExceeded past ``budget``."""
    total = 0
    for raw, filters in streams:
        total += inflated_size(raw, filters, budget - total)
    return total
