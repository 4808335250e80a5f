"""Annotations and their geometry: the shapes, limits and rules both sides use.

An annotation belongs to one user and one version of a document. Its geometry is in PDF
page points (origin at the top left of the page, y downwards, as PyMuPDF's page
coordinates), so it does not depend on zoom or screen. Each kind has its own ``data``:

- ``highlight``, ``underline``, ``strikeout``: ``{"quads": [[x0,y0, x1,y1, x2,y2, x3,y3], ...],
  "color", "text"?}``: a quad is four corners in PyMuPDF's order (upper left, upper right,
  lower left, lower right); ``text`` is the marked text, for summaries;
- ``ink``: ``{"paths": [[[x, y], ...], ...], "color", "width"}`` (an eraser removes or
  re-saves strokes: it is not a kind);
- ``note`` (a sticky note): ``{"point": [x, y], "text", "color"}``;
- ``textbox``: ``{"rect": [x0, y0, x1, y1], "text", "color", "font_size"}``;
- ``rect``: ``{"rect": [x0, y0, x1, y1], "color", "width"}``.

Everything here is pure: no I/O, no server or client code.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

MARKUP_KINDS = ("highlight", "underline", "strikeout")
KINDS = (*MARKUP_KINDS, "ink", "note", "textbox", "rect")

MAX_INK_POINTS = 10_000
"""Points of one ink annotation, all its paths together."""
MAX_INK_PATHS = 200
MAX_QUADS = 2_000
MAX_TEXT = 10_000
"""Characters of an annotation's text (and of a personal note)."""
PAGE_MARGIN = 36.0
"""How far (in points) geometry may reach beyond the page box: a stroke that starts in the
margin's edge is still the user's; a point 1,000 pt off the page is an error."""

AnnotationId = Annotated[str, StringConstraints(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9-]+$")]
"""A client-made id (a UUID string): made offline, sent again after a cut, never doubled."""
Coordinate = Annotated[float, Field(allow_inf_nan=False)]
Point = Annotated[list[Coordinate], Field(min_length=2, max_length=2)]
Quad = Annotated[list[Coordinate], Field(min_length=8, max_length=8)]
RectBox = Annotated[list[Coordinate], Field(min_length=4, max_length=4)]
Color = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
Width = Annotated[float, Field(ge=0.1, le=50.0, allow_inf_nan=False)]
FontSize = Annotated[float, Field(ge=4.0, le=96.0, allow_inf_nan=False)]


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class MarkupData(_Data):
    quads: Annotated[list[Quad], Field(min_length=1, max_length=MAX_QUADS)]
    color: Color
    text: Text | None = None


class InkData(_Data):
    paths: Annotated[list[Annotated[list[Point], Field(min_length=1)]],
                     Field(min_length=1, max_length=MAX_INK_PATHS)]
    color: Color
    width: Width

    @model_validator(mode="after")
    def _point_limit(self) -> InkData:
        total = sum(len(path) for path in self.paths)
        if total > MAX_INK_POINTS:
            raise ValueError(f"an ink annotation has at most {MAX_INK_POINTS} points ({total} given)")
        return self


class NoteData(_Data):
    point: Point
    text: Text
    color: Color


def _ordered(rect: list[float]) -> None:
    if rect[0] > rect[2] or rect[1] > rect[3]:
        raise ValueError("a rect is [x0, y0, x1, y1] with x0 <= x1 and y0 <= y1")


class TextboxData(_Data):
    rect: RectBox
    text: Text
    color: Color
    font_size: FontSize

    @model_validator(mode="after")
    def _rect(self) -> TextboxData:
        _ordered(self.rect)
        return self


class RectData(_Data):
    rect: RectBox
    color: Color
    width: Width

    @model_validator(mode="after")
    def _rect(self) -> RectData:
        _ordered(self.rect)
        return self


class _Annotation(BaseModel):
    """What a client sends in ``annotation.save``; ``data`` is checked by ``kind``."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    id: AnnotationId
    page: Annotated[int, Field(ge=0, le=100_000)]
    """Counts from 0."""
    shared: bool = False
    """Private by default; shared: every reader of the document sees it, with its author's name."""
    version: Annotated[int, Field(gt=0)] | None = None
    """The document version it is drawn on (default: the current one)."""
    base_updated_at: Annotated[str, StringConstraints(max_length=40)] | None = None
    """The ``updated_at`` the client edited from (null for a new one). Informational: the
    server applies every save; the latest change to reach it wins."""


class MarkupAnnotation(_Annotation):
    kind: Literal["highlight", "underline", "strikeout"]
    data: MarkupData


class InkAnnotation(_Annotation):
    kind: Literal["ink"]
    data: InkData


class NoteAnnotation(_Annotation):
    kind: Literal["note"]
    data: NoteData


class TextboxAnnotation(_Annotation):
    kind: Literal["textbox"]
    data: TextboxData


class RectAnnotation(_Annotation):
    kind: Literal["rect"]
    data: RectData


AnnotationIn = Annotated[
    MarkupAnnotation | InkAnnotation | NoteAnnotation | TextboxAnnotation | RectAnnotation,
    Field(discriminator="kind"),
]
"""One annotation as sent in ``annotation.save``."""

STORED_FIELDS = ("id", "document_id", "version", "page", "kind", "data", "shared", "author_id",
                 "author_name", "created_at", "updated_at", "deleted", "orphaned")
"""The keys of an annotation as the server answers and sends it."""


def data_of(annotation: BaseModel) -> dict[str, Any]:
    """An annotation's ``data`` as stored and sent (absent optional fields left out)."""
    data = getattr(annotation, "data")  # noqa: B009 (every annotation model has one)
    return dict(data.model_dump(exclude_none=True))


def points(kind: str, data: dict[str, Any]) -> Iterator[tuple[float, float]]:
    """Every point of an annotation's geometry."""
    if kind in MARKUP_KINDS:
        for quad in data["quads"]:
            yield from zip(quad[0::2], quad[1::2], strict=True)
    elif kind == "ink":
        for path in data["paths"]:
            yield from ((x, y) for x, y in path)
    elif kind == "note":
        yield data["point"][0], data["point"][1]
    else:
        x0, y0, x1, y1 = data["rect"]
        yield x0, y0
        yield x1, y1


def outside_page(kind: str, data: dict[str, Any], width: float, height: float,
                 margin: float = PAGE_MARGIN) -> str | None:
    """Why the geometry does not fit a ``width`` x ``height`` pt page (None: it fits)."""
    for x, y in points(kind, data):
        if not (-margin <= x <= width + margin and -margin <= y <= height + margin):
            return (f"the point ({x:g}, {y:g}) lies outside the page "
                    f"({width:g} × {height:g} pt)")
    return None


_SPACE = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """A page's text as compared across versions: NFC, whitespace runs as one space."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def page_text_hash(text: str) -> str:
    """The hash a page's text is matched by ("" for a page without text: it matches none)."""
    normalized = normalize_text(text)
    return hashlib.sha256(normalized.encode()).hexdigest()[:32] if normalized else ""


def carry_pages(old: list[str], new: list[str]) -> dict[int, int]:
    """Which page of the new version each page of the old one became, by text hash.

    A page carries over to a new page with the same text; identical pages are paired in
    order (the first with the first). Pages without text, or whose text is gone, are not
    in the result: their annotations cannot be carried.
    """
    free: dict[str, list[int]] = {}
    for number, digest in enumerate(new):
        if digest:
            free.setdefault(digest, []).append(number)
    result: dict[int, int] = {}
    for number, digest in enumerate(old):
        if digest and free.get(digest):
            result[number] = free[digest].pop(0)
    return result


def latest(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Of two states of one annotation, the one that wins: the later server ``updated_at``
    (ISO strings of one fixed width compare as times do)."""
    return b if b["updated_at"] > a["updated_at"] else a
