"""``seed-demo``'s documents: real PDFs with extractable Vietnamese, on the agenda, one of
them restricted, stored once, and nothing added the second time."""

from __future__ import annotations

from pathlib import Path

import pymupdf
from sqlalchemy import func, select

from server.demo import OPENING_CONCLUSION, seed_demo
from server.demo_documents import demo_documents
from server.domain import views
from server.persistence.blobs import BlobStore
from server.persistence.db import Database
from server.persistence.models import ConclusionRevision, Meeting, Participant, User


def snapshot_of(db: Database, username: str) -> dict:  # type: ignore[type-arg]
    with db.read() as session:
        meeting = session.scalars(select(Meeting)).one()
        user = session.scalars(select(User).where(User.username == username)).one()
        role = session.scalar(select(Participant.role).where(Participant.user_id == user.id))
        return views.snapshot(session, meeting, user.id, role)


def test_the_demo_has_real_vietnamese_documents(db: Database, tmp_path: Path) -> None:
    seed_demo(db, tmp_path, delegates=4, password="demo")
    blobs = BlobStore(tmp_path / "blobs")
    chair = snapshot_of(db, "chair")
    expected = {d.document.title: d for d in demo_documents()}
    assert sorted(doc["title"] for doc in chair["documents"]) == sorted(expected)
    for doc in chair["documents"]:
        demo = expected[doc["title"]]
        with pymupdf.open(blobs.path(doc["sha256"])) as pdf:
            text = "".join(page.get_text() for page in pdf)
            assert pdf.page_count == doc["pages"]
            assert pdf.metadata["title"] == doc["title"]
            toc = pdf.get_toc()
        for phrase in demo.document.text_samples:
            assert phrase in text, (doc["title"], phrase)
        assert doc["agenda_item_id"] == chair["agenda"][demo.agenda_position]["id"]
        assert toc, "every demo document has an outline"
    report = next(doc for doc in chair["documents"] if doc["title"].startswith("Báo cáo tổng kết"))
    assert report["pages"] >= 5
    secret = next(doc for doc in chair["documents"] if doc["title"].startswith("Tài liệu mật"))
    assert secret["access"] == "restricted" and len(secret["reader_ids"]) == 2
    for username, sees_secret in [("delegate1", True), ("delegate2", True), ("delegate3", False),
                                  ("observer1", False), ("secretary", True), ("admin", True)]:
        titles = [doc["title"] for doc in snapshot_of(db, username)["documents"]]
        assert (secret["title"] in titles) == sees_secret, username
        assert len(titles) == 3 + sees_secret, username


def test_seeding_again_adds_nothing(db: Database, tmp_path: Path) -> None:
    seed_demo(db, tmp_path, delegates=2, password="demo")
    files = sorted(p for p in (tmp_path / "blobs").rglob("*") if p.is_file())
    summary = seed_demo(db, tmp_path, delegates=2, password="demo")
    assert "0 documents added" in summary
    assert sorted(p for p in (tmp_path / "blobs").rglob("*") if p.is_file()) == files
    assert len(files) == len(demo_documents())
    assert len(snapshot_of(db, "chair")["documents"]) == len(demo_documents())


def test_the_demo_opening_item_has_a_conclusion_once(db: Database, tmp_path: Path) -> None:
    seed_demo(db, tmp_path, delegates=2, password="demo")
    seed_demo(db, tmp_path, delegates=2, password="demo")
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(ConclusionRevision)) == 1
        assert session.scalar(select(ConclusionRevision.text)) == OPENING_CONCLUSION
    assert next(iter(snapshot_of(db, "delegate1")["conclusions"].values())) == OPENING_CONCLUSION

def test_the_demo_has_one_draft_poll_on_the_item_to_be_voted(db: Database, tmp_path: Path) -> None:
    seed_demo(db, tmp_path, delegates=2, password="demo")
    seed_demo(db, tmp_path, delegates=2, password="demo")
    snap = snapshot_of(db, "chair")
    [poll] = snap["polls"]
    item = next(i for i in snap["agenda"] if i["id"] == poll["agenda_item_id"])
    assert item["title"].startswith("Thảo luận và biểu quyết Kế hoạch")
    assert poll["status"] == "draft" and poll["options"][0]["text"] == "Tán thành"
