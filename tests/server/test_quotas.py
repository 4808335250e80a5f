"""Storage quotas through the server's pipeline, on SQLite and PostgreSQL: one user's
annotations on a document (count and size) and a meeting's shared annotations (the bytes
every reader receives) stop at their limit with a clear error, and what is freed is usable
again. Small limits here; the defaults are in ``server/domain/quotas.py``."""

from __future__ import annotations

import json
from typing import Any

import pytest

from server.domain.quotas import QUOTA, Quotas
from tests.server.test_annotations import TEXTS, info, note
from tests.server.world import World


@pytest.fixture
def doc(world: World) -> dict[str, Any]:
    world.ok("chair", "meeting.start", {"meeting_id": world.main})
    return world.uploaded("secretary", "Báo cáo tổng kết", pages=3, page_info=info(TEXTS))


def limit(world: World, **quotas: int) -> None:
    world.pipeline.services.settings.quotas = Quotas(**quotas)


def save(world: World, user: str, doc: dict[str, Any], annotation: dict[str, Any]) -> dict[str, Any]:
    return world.run(user, "annotation.save", {"document_id": doc["id"], "annotation": annotation})


def refused_by_quota(answer: dict[str, Any]) -> str:
    assert answer["ok"] is False, answer
    assert (answer["error"]["code"], answer["error"].get("reason")) == ("invalid", QUOTA), answer
    return str(answer["error"]["message"])


def test_one_user_keeps_at_most_n_annotations_on_a_document(world: World, doc: dict[str, Any]) -> None:
    limit(world, annotations_per_document=3)
    kept = [save(world, "delegate", doc, note(text=f"Ý kiến {n}")) for n in range(3)]
    assert all(answer["ok"] for answer in kept)
    message = refused_by_quota(save(world, "delegate", doc, note(text="Một ý nữa")))
    assert "3" in message and "limit" in message
    # Changing one kept is not a new one; another reader has a quota of their own.
    first = kept[0]["data"]["annotation"]
    assert save(world, "delegate", doc, note(first["id"], text="Sửa lại"))["ok"]
    assert save(world, "delegate2", doc, note())["ok"]
    # Deleting one makes room.
    world.ok("delegate", "annotation.delete", {"document_id": doc["id"], "annotation_id": first["id"]})
    assert save(world, "delegate", doc, note(text="Thay thế"))["ok"]


def size(annotation: dict[str, Any]) -> int:
    """An annotation's size as the quotas measure it: its data's JSON as stored."""
    return len(json.dumps(annotation["data"]))


def test_one_user_s_annotations_on_a_document_have_a_size_limit(world: World, doc: dict[str, Any]) -> None:
    long = "Cần bổ sung số liệu. " * 100
    allowed = int(size(note(text=long)) * 2.5)
    limit(world, annotation_bytes_per_document=allowed)
    assert save(world, "delegate", doc, note(text=long))["ok"]
    assert save(world, "delegate", doc, note(text=long))["ok"]
    message = refused_by_quota(save(world, "delegate", doc, note(text=long)))
    assert f"the limit is {-(-allowed // 1024)} KB" in message
    assert save(world, "delegate", doc, note(text="Ngắn gọn"))["ok"], "a small one still fits"


def test_a_meeting_s_shared_annotations_share_one_budget(world: World, doc: dict[str, Any]) -> None:
    long = "Đề nghị làm rõ. " * 100
    allowed = int(size(note(text=long)) * 2.5)
    limit(world, shared_bytes_per_meeting=allowed)
    first = save(world, "delegate", doc, note(shared=True, text=long))
    assert first["ok"] and save(world, "delegate2", doc, note(shared=True, text=long))["ok"]
    seq = world.seq()
    message = refused_by_quota(save(world, "chair", doc, note(shared=True, text=long)))
    assert "shared annotations of this meeting" in message
    assert f"the limit is {-(-allowed // 1024)} KB" in message
    assert world.seq() == seq, "nothing was sent to the readers"
    # Kept private it is stored; unsharing one frees the budget for another.
    assert save(world, "chair", doc, note(text=long))["ok"]
    mine = first["data"]["annotation"]
    assert save(world, "delegate", doc, note(mine["id"], text=long))["ok"]  # now private
    assert save(world, "chair", doc, note(shared=True, text=long))["ok"]


def test_the_default_quotas_leave_normal_use_alone(world: World, doc: dict[str, Any]) -> None:
    marks = [save(world, "delegate", doc, note(text="Ghi chú " * 50, shared=n % 2 == 0)) for n in range(40)]
    assert all(answer["ok"] for answer in marks)
