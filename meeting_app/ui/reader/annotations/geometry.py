"""Annotation geometry in page points: bounds, hit tests, moving, erasing, text selection.

Pure arithmetic on the wire's shapes (``protocol.annotations``), no Qt: the layer, the
painter and the benchmark share it.
"""

from __future__ import annotations

import copy
import itertools
import math
from collections.abc import Iterable, Sequence
from typing import Any

from protocol.annotations import MARKUP_KINDS, points

Box = tuple[float, float, float, float]
Word = tuple[float, float, float, float, str, int]
NOTE_SIZE = 18.0
"""A sticky note's icon, in points (its ``point`` is the top left corner)."""


def bounds(annotation: dict[str, Any]) -> Box:
    """The box (x0, y0, x1, y1) an annotation covers, ink widths and note icons included."""
    kind, data = annotation["kind"], annotation["data"]
    xs, ys = zip(*points(kind, data), strict=True) if kind != "ink" or data["paths"] else ((0,), (0,))
    box = (min(xs), min(ys), max(xs), max(ys))
    if kind == "note":
        return (box[0], box[1], box[0] + NOTE_SIZE, box[1] + NOTE_SIZE)
    pad = float(data.get("width") or 0) / 2
    return (box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad)


def _distance_to_segment(px: float, py: float, a: Sequence[float], b: Sequence[float]) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - a[0]) * dx + (py - a[1]) * dy) / length))
    return math.hypot(px - (a[0] + t * dx), py - (a[1] + t * dy))


def touches_path(path: Sequence[Sequence[float]], x: float, y: float, reach: float) -> bool:
    """Whether an ink path passes within ``reach`` points of (x, y)."""
    if len(path) == 1:
        return math.hypot(x - path[0][0], y - path[0][1]) <= reach
    return any(_distance_to_segment(x, y, a, b) <= reach for a, b in itertools.pairwise(path))


def hit(annotation: dict[str, Any], x: float, y: float, tolerance: float = 4.0) -> bool:
    """Whether the point (x, y) picks ``annotation`` (its strokes for ink, its box else)."""
    kind, data = annotation["kind"], annotation["data"]
    if kind == "ink":
        reach = tolerance + float(data.get("width") or 0) / 2
        return any(touches_path(path, x, y, reach) for path in data["paths"])
    if kind == "rect":
        x0, y0, x1, y1 = data["rect"]
        inside = x0 - tolerance <= x <= x1 + tolerance and y0 - tolerance <= y <= y1 + tolerance
        deep = x0 + tolerance < x < x1 - tolerance and y0 + tolerance < y < y1 - tolerance
        return inside and not deep  # a frame is picked on its edge: what is inside stays reachable
    if kind in MARKUP_KINDS:
        return any(_in_box(_quad_box(q), x, y, tolerance) for q in data["quads"])
    return _in_box(bounds(annotation), x, y, tolerance)


def _in_box(box: Box, x: float, y: float, tolerance: float) -> bool:
    return box[0] - tolerance <= x <= box[2] + tolerance and box[1] - tolerance <= y <= box[3] + tolerance


def _quad_box(quad: Sequence[float]) -> Box:
    return (min(quad[0::2]), min(quad[1::2]), max(quad[0::2]), max(quad[1::2]))


def moved(annotation: dict[str, Any], dx: float, dy: float) -> dict[str, Any]:
    """A copy of ``annotation`` shifted by (dx, dy) points."""
    result = copy.deepcopy(annotation)
    kind, data = result["kind"], result["data"]
    if kind in MARKUP_KINDS:
        data["quads"] = [[v + (dx if i % 2 == 0 else dy) for i, v in enumerate(q)] for q in data["quads"]]
    elif kind == "ink":
        data["paths"] = [[[x + dx, y + dy] for x, y in path] for path in data["paths"]]
    elif kind == "note":
        data["point"] = [data["point"][0] + dx, data["point"][1] + dy]
    else:
        x0, y0, x1, y1 = data["rect"]
        data["rect"] = [x0 + dx, y0 + dy, x1 + dx, y1 + dy]
    return result


def normalized_rect(x0: float, y0: float, x1: float, y1: float) -> list[float]:
    """[x0, y0, x1, y1] with x0 <= x1 and y0 <= y1."""
    return [min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)]


def simplify(path: Sequence[Sequence[float]], min_step: float = 0.75) -> list[list[float]]:
    """Drop points closer than ``min_step`` points to the last kept one (a mouse sends many);
    the last point is always kept. Rounded to 1/100 pt: the wire carries less, no less exact."""
    kept: list[list[float]] = []
    for x, y in path:
        if not kept or math.hypot(x - kept[-1][0], y - kept[-1][1]) >= min_step:
            kept.append([round(x, 2), round(y, 2)])
    last = [round(path[-1][0], 2), round(path[-1][1], 2)] if path else None
    if last is not None and kept[-1] != last:
        kept.append(last)
    return kept


# ---- text selection ----

def nearest_word(words: Sequence[Word], x: float, y: float) -> int:
    """The index of the word at (x, y), or of the nearest one (-1: no words)."""
    best, best_distance = -1, math.inf
    for index, (x0, y0, x1, y1, _text, _line) in enumerate(words):
        distance = math.hypot(max(x0 - x, 0, x - x1), max(y0 - y, 0, y - y1))
        if distance < best_distance:
            best, best_distance = index, distance
    return best


def selected_words(words: Sequence[Word], start: tuple[float, float], end: tuple[float, float]
                   ) -> list[Word]:
    """The words from the one at ``start`` to the one at ``end``, in reading order."""
    a, b = nearest_word(words, *start), nearest_word(words, *end)
    if a < 0:
        return []
    return list(words[min(a, b):max(a, b) + 1])


def line_quads(words: Iterable[Word]) -> tuple[list[list[float]], str]:
    """One quad per line over ``words`` (PyMuPDF's corner order), and their text."""
    lines: dict[int, list[Word]] = {}
    for word in words:
        lines.setdefault(word[5], []).append(word)
    quads, texts = [], []
    for line in lines.values():
        x0, y0 = min(w[0] for w in line), min(w[1] for w in line)
        x1, y1 = max(w[2] for w in line), max(w[3] for w in line)
        quads.append([round(v, 2) for v in (x0, y0, x1, y0, x0, y1, x1, y1)])
        texts.append(" ".join(w[4] for w in line))
    return quads, "\n".join(texts)
