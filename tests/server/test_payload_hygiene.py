"""Payloads that no model refuses but that break what comes after it: each is ``invalid``
with a message that says why, and changes nothing (found by test_fuzz_commands)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.server.fuzz_payloads import deeply_nested
from tests.server.world import World

BAD: list[tuple[str, dict[str, Any], str]] = [
    # "\ud800" is what JSON's "\\ud800" decodes to: it cannot even be measured as UTF-8.
    ("lone surrogate", {"title": "Báo cáo \ud800"}, "surrogate"),
    ("surrogate in a key", {"title": "Mục", "\udfff": 1}, "surrogate"),
    ("NUL", {"title": "Báo cáo\x00"}, "NUL"),
    ("nested 5,000 deep", {"title": deeply_nested(5_000, True)}, "nested"),
    ("nested 50,000 deep", {"title": deeply_nested(50_000, False)}, "nested"),
    ("an id past every column", {"meeting_id": 2**31}, "meeting_id"),
    ("an id past 64 bits", {"meeting_id": 2**64}, "meeting_id"),
]


@pytest.mark.parametrize(("case", "change", "word"), BAD, ids=[row[0] for row in BAD])
def test_a_payload_that_is_no_real_text_or_too_deep_is_invalid(world: World, case: str,
                                                               change: dict[str, Any], word: str) -> None:
    payload = {"meeting_id": world.main, "title": "Mục", **change}
    before = world.state(world.main)
    answer = world.run("secretary", "agenda.add_item", payload)
    assert not answer["ok"] and answer["error"]["code"] == "invalid", (case, answer)
    assert word in answer["error"]["message"], (case, answer)
    assert world.state(world.main) == before


def test_vietnamese_and_other_real_text_is_kept(world: World) -> None:
    title = "Nghị quyết về kế hoạch năm 2027 — 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓ 😀"
    item = world.ok("secretary", "agenda.add_item", {"meeting_id": world.main, "title": title})["item"]
    assert item["title"] == title
