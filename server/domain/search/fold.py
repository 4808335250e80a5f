"""Folding text for matching (case- and diacritics-insensitive, Vietnamese-aware) and the
snippet around a match. Pure functions.

``fold("Cải cách ĐẤT đai")`` is ``"cai cach dat dai"``: NFD, combining marks dropped,
casefolded, ``đ`` as ``d`` (it has no decomposition). Whitespace between two CJK
characters is dropped: those scripts put no spaces between words, and letter-spaced or
vertical text comes out of a PDF with one between every character (``"全 世 界"`` is
``"全世界"``).
"""

from __future__ import annotations

import re
import unicodedata

_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_CJK = ("\u2e80-\u2fdf\u3040-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
        "\uff01-\uff60\U00020000-\U0003134f")
_SPACE_IN_CJK = re.compile(f"(?<=[{_CJK}])\\s+(?=[{_CJK}])")
MAX_WORDS = 8
SNIPPET_BEFORE = 60
SNIPPET_AFTER = 120


def fold(text: str) -> str:
    """``text`` without case or diacritics."""
    folded = _MARKS.sub("", unicodedata.normalize("NFD", text)).casefold().replace("đ", "d")
    return _SPACE_IN_CJK.sub("", folded)


def fold_for_index(text: str) -> str:
    """The folded copy stored for matching: whitespace runs (line breaks) as one space."""
    return " ".join(fold(text).split())


def words(query: str) -> list[str]:
    """The folded words of a query, each once, in order (at most ``MAX_WORDS``)."""
    seen: list[str] = []
    for word in fold(query).split():
        if word not in seen:
            seen.append(word)
    return seen[:MAX_WORDS]


def matches(folded: str, terms: list[str]) -> bool:
    """Whether a folded text contains every term."""
    return all(term in folded for term in terms)


def _aligned(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index of the original one."""
    folded = fold(text)
    joined = _SPACE_IN_CJK.search(text) is not None
    if len(folded) == len(text) and not joined:  # the usual case: every character folds to one
        return folded, list(range(len(text)))
    dropped = {index for match in _SPACE_IN_CJK.finditer(text) for index in range(*match.span())}
    parts: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        piece = "" if index in dropped else fold(char)
        parts.append(piece)
        origin.extend([index] * len(piece))
    return "".join(parts), origin


def first_match(text: str, terms: list[str]) -> tuple[int, int] | None:
    """Where the earliest of the terms occurs in ``text``: (start, end) in the original."""
    folded, origin = _aligned(text)
    best: tuple[int, int] | None = None
    for term in terms:
        at = folded.find(term)
        if at >= 0 and (best is None or at < best[0]):
            best = (at, at + len(term))
    if best is None:
        return None
    start, end = best
    return origin[start], origin[end - 1] + 1


def snippet(text: str, terms: list[str]) -> str:
    """A short excerpt of ``text`` around the first match (its start when none), on one line."""
    found = first_match(text, terms) or (0, 0)
    start = max(0, found[0] - SNIPPET_BEFORE)
    end = min(len(text), found[1] + SNIPPET_AFTER)
    if start > 0:  # begin at a word
        space = text.find(" ", start, found[0])
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", found[1], end)
        end = space if space > 0 else end
    excerpt = " ".join(text[start:end].replace("**", "").split())
    return ("…" if start > 0 else "") + excerpt + ("…" if end < len(text) else "")
