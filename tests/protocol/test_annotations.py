"""Annotation geometry: what a client may send, the page check and the carry-over rule."""

from __future__ import annotations

import math
from typing import Any

import pytest
from pydantic import ValidationError

from protocol import annotations as a
from protocol import commands as c

ID = "2b1f6a4e-9c1d-4f57-8a3e-0c9d1e2f3a4b"

GOOD: dict[str, dict[str, Any]] = {
    "highlight": {"quads": [[72, 100, 300, 100, 72, 114, 300, 114]], "color": "#ffeb3b",
                  "text": "Tổng thu ngân sách năm 2026"},
    "underline": {"quads": [[72, 100, 300, 100, 72, 114, 300, 114]], "color": "#2196f3"},
    "strikeout": {"quads": [[72, 100, 300, 100, 72, 114, 300, 114]], "color": "#f44336"},
    "ink": {"paths": [[[10, 10], [20, 25.5], [30, 40]], [[50, 50]]], "color": "#000000", "width": 2},
    "note": {"point": [500, 40], "text": "Đề nghị làm rõ", "color": "#ffcc00"},
    "textbox": {"rect": [100, 200, 300, 260], "text": "Ý kiến: đồng ý", "color": "#333333", "font_size": 11},
    "rect": {"rect": [100, 200, 300, 260], "color": "#00aa00", "width": 1.5},
}


def save(kind: str, data: dict[str, Any], **extra: Any) -> c.AnnotationSave:
    payload = {"document_id": 4, "annotation": {"id": ID, "page": 2, "kind": kind, "data": data, **extra}}
    return c.AnnotationSave.model_validate(payload)


@pytest.mark.parametrize("kind", a.KINDS)
def test_every_kind_is_accepted_with_its_geometry(kind: str) -> None:
    saved = save(kind, GOOD[kind], shared=True)
    assert saved.annotation.kind == kind and saved.annotation.shared
    data = a.data_of(saved.annotation)
    assert list(a.points(kind, data))  # geometry there is, in points
    assert a.outside_page(kind, data, 595, 842) is None


def test_private_by_default_and_version_optional() -> None:
    saved = save("note", GOOD["note"])
    assert saved.annotation.shared is False and saved.annotation.version is None
    assert "text" not in a.data_of(save("underline", GOOD["underline"]).annotation)


@pytest.mark.parametrize(("kind", "data", "where"), [
    ("ink", {**GOOD["ink"], "paths": []}, "paths"),
    ("ink", {**GOOD["ink"], "paths": [[]]}, "paths"),
    ("ink", {**GOOD["ink"], "paths": [[[1, 2, 3]]]}, "paths"),
    ("ink", {**GOOD["ink"], "paths": [[[1, math.nan]]]}, "paths"),
    ("ink", {**GOOD["ink"], "paths": [[[1, math.inf]]]}, "paths"),
    ("ink", {**GOOD["ink"], "paths": [[["1", 2]]]}, "paths"),
    ("ink", {**GOOD["ink"], "paths": [[[True, 2]]]}, "paths"),
    ("ink", {**GOOD["ink"], "width": 0}, "width"),
    ("ink", {**GOOD["ink"], "color": "red"}, "color"),
    ("ink", {**GOOD["ink"], "color": "#ff00"}, "color"),
    ("ink", {"paths": [[[1, 2]]], "color": "#000000"}, "width"),
    ("highlight", {**GOOD["highlight"], "quads": [[1, 2, 3, 4]]}, "quads"),
    ("highlight", {**GOOD["highlight"], "quads": []}, "quads"),
    ("highlight", {**GOOD["highlight"], "text": "x" * (a.MAX_TEXT + 1)}, "text"),
    ("note", {**GOOD["note"], "point": [1]}, "point"),
    ("note", {**GOOD["note"], "extra": 1}, "extra"),
    ("textbox", {**GOOD["textbox"], "rect": [300, 200, 100, 260]}, "rect"),
    ("textbox", {**GOOD["textbox"], "font_size": 500}, "font_size"),
    ("rect", {**GOOD["rect"], "rect": [0, 0, 10]}, "rect"),
    ("rect", GOOD["ink"], "rect"),  # another kind's data
])
def test_malformed_geometry_is_refused(kind: str, data: dict[str, Any], where: str) -> None:
    with pytest.raises(ValidationError, match=where):
        save(kind, data)


def test_unknown_kind_and_bad_ids_are_refused() -> None:
    with pytest.raises(ValidationError, match="kind"):
        save("circle", GOOD["rect"])
    for bad in ("short", "has space in it", "x" * 65, 12345678):
        with pytest.raises(ValidationError, match="id"):
            c.AnnotationSave.model_validate({"document_id": 4, "annotation": {
                "id": bad, "page": 0, "kind": "note", "data": GOOD["note"]}})
    with pytest.raises(ValidationError, match="page"):
        c.AnnotationSave.model_validate(
            {"document_id": 4, "annotation": {"id": ID, "page": -1, "kind": "note", "data": GOOD["note"]}})


def test_ink_point_and_path_limits() -> None:
    at_limit = [[[float(i % 500), float(i // 500)] for i in range(a.MAX_INK_POINTS // 2)]] * 2
    save("ink", {**GOOD["ink"], "paths": at_limit})
    with pytest.raises(ValidationError, match="at most 10000 points"):
        save("ink", {**GOOD["ink"], "paths": [*at_limit, [[1.0, 1.0]]]})
    with pytest.raises(ValidationError, match="paths"):
        save("ink", {**GOOD["ink"], "paths": [[[1.0, 1.0]]] * (a.MAX_INK_PATHS + 1)})


def test_outside_the_page_box_is_found() -> None:
    assert a.outside_page("note", {"point": [595 + a.PAGE_MARGIN, -a.PAGE_MARGIN]}, 595, 842) is None
    message = a.outside_page("ink", {"paths": [[[10, 10], [10, 5000]]]}, 595, 842)
    assert message is not None and "(10, 5000)" in message
    assert a.outside_page("rect", {"rect": [-100, 0, 10, 10]}, 595, 842) is not None


def test_page_text_hash_ignores_layout_whitespace_not_words() -> None:
    assert a.page_text_hash("Báo cáo\n tổng kết  ") == a.page_text_hash("Báo cáo tổng kết")
    # Composed and decomposed Vietnamese letters are the same text.
    assert a.page_text_hash("Nghị quyết") == a.page_text_hash("Nghi\u0323 quye\u0302\u0301t")
    assert a.page_text_hash("Báo cáo tổng kết") != a.page_text_hash("Báo cáo tổng kết 2026")
    assert a.page_text_hash(" \n ") == ""


def test_carry_pages_follows_text_not_position() -> None:
    h = a.page_text_hash
    old = [h("Trang bìa"), h("Mục lục"), h("Chương 1"), h(""), h("Phụ lục")]
    # A page inserted at the front, chapter 1 rewritten, the appendix kept.
    new = [h("Lời nói đầu"), h("Trang bìa"), h("Mục lục"), h("Chương 1 (sửa)"), h(""), h("Phụ lục")]
    assert a.carry_pages(old, new) == {0: 1, 1: 2, 4: 5}
    # Identical pages pair in order.
    assert a.carry_pages([h("A"), h("A")], [h("B"), h("A"), h("A")]) == {0: 1, 1: 2}


def test_latest_change_wins_by_server_time() -> None:
    older = {"id": ID, "updated_at": "2026-11-21T01:00:00.000001Z", "data": 1}
    newer = {"id": ID, "updated_at": "2026-11-21T01:00:00.000002Z", "data": 2}
    assert a.latest(older, newer) is newer and a.latest(newer, older) is newer


def test_note_save_limits() -> None:
    ok = c.NoteSave.model_validate({"meeting_id": 1, "agenda_item_id": 3, "text": "x" * a.MAX_TEXT})
    assert ok.id is None
    with pytest.raises(ValidationError, match="text"):
        c.NoteSave.model_validate({"meeting_id": 1, "agenda_item_id": 3, "text": "x" * (a.MAX_TEXT + 1)})
