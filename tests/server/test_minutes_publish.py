"""Approving and publishing the minutes: the real PDF and DOCX, the blob store, the audit
log, the distributed document and the versions, on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import io
import re
from datetime import UTC, datetime

import docx
import pymupdf
import pytest
from sqlalchemy import select

from protocol.errors import ProtocolError
from protocol.reducer import apply_events
from server.domain.accounts import actor_of
from server.domain.context import Stale
from server.domain.minutes.files import readable_file
from server.minutes.content import vietnamese_date
from server.persistence.models import AuditEntry, Participant, Speech, User
from server.transport.registry import COMMANDS
from tests.server.test_minutes import CONCLUSION, conclude, save
from tests.server.world import World


def blob(world: World, sha256: str) -> bytes:
    return world.pipeline.services.blobs.path(sha256).read_bytes()


def pdf_text(data: bytes) -> str:
    """The PDF's text as PyMuPDF extracts it, lines joined (a sentence may wrap, even onto the
    next page: the page numbers at the foot are left out)."""
    with pymupdf.open("pdf", data) as doc:
        lines = [line for page in doc for line in page.get_text().splitlines()
                 if not re.fullmatch(r"Trang \d+/\d+", line.strip())]
    return " ".join(" ".join(lines).split())


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join([p.text for p in document.paragraphs] + cells).split())


def furnish(world: World) -> None:
    """A meeting with what the minutes show: attendance with a reason and a proxy, two
    speeches, a conclusion with its decision, an action item."""
    assert world.meeting is not None
    item = world.meeting.items[1]
    world.ok("chair", "meeting.start", {"meeting_id": world.main})
    world.ok("chair", "attendance.check_in", {"meeting_id": world.main})
    world.ok("secretary", "attendance.set", {"meeting_id": world.main, "user_id": world.users["delegate"],
                                             "status": "present"})
    world.ok("secretary", "attendance.set", {"meeting_id": world.main, "user_id": world.users["delegate2"],
                                             "status": "excused", "reason": "Đi công tác nước ngoài"})
    world.ok("secretary", "attendance.set", {"meeting_id": world.main, "user_id": world.users["observer"],
                                             "status": "excused", "reason": "Nghỉ phép"})
    with world.db.write() as session:
        for name, full_name in (("chair", "Nguyễn Văn Hùng"), ("delegate", "Lê Quang Đức"),
                                ("delegate2", "Phạm Thị Hồng Nhung")):
            session.get(User, world.users[name]).full_name = full_name  # type: ignore[union-attr]
        session.scalar(select(Participant).where(  # type: ignore[union-attr]
            Participant.meeting_id == world.main, Participant.user_id == world.users["delegate2"])
        ).proxy_user_id = world.users["delegate"]
        start = datetime(2026, 11, 21, 2, 10, tzinfo=UTC)  # 09:10 in Hà Nội
        session.add_all([
            Speech(meeting_id=world.main, user_id=world.users["delegate"], site_id=world.meeting.sites[1],
                   kind="speak", agenda_item_id=item, started_at=start,
                   ended_at=start.replace(minute=13, second=20)),
            Speech(meeting_id=world.main, user_id=world.users["chair"], site_id=world.meeting.sites[0],
                   kind="question", agenda_item_id=item, started_at=start.replace(minute=15),
                   ended_at=start.replace(minute=15, second=45))])
    conclude(world, "secretary",
             f"{CONCLUSION}\n\n- Văn phòng Bộ **tổng hợp** ý kiến;\n- *Báo cáo* Bộ trưởng.",
             item=item, decision="Thông qua Kế hoạch cải cách hành chính năm 2027.")
    save(world, title="Hoàn thiện Kế hoạch và trình ký ban hành", agenda_item_id=item,
         owner_id=world.users["delegate"], due="2027-01-15")


def test_only_the_chair_approves_and_publishes(world: World) -> None:
    payload = {"meeting_id": world.main}
    for user in ("secretary", "delegate", "observer"):
        world.refused(user, "minutes.approve", payload, "forbidden")
        world.refused(user, "minutes.publish", payload, "forbidden")
    world.refused("outsider", "minutes.publish", payload, "not_found")
    assert world.ok("chair", "minutes.approve", payload)["minutes"]["status"] == "approved"
    assert world.snapshot("delegate")["minutes"]["status"] == "approved"
    conclude(world, "secretary", "Sửa sau khi duyệt")
    assert world.snapshot("delegate")["minutes"]["status"] == "draft", \
        "a change makes approved minutes a draft"


def test_publishing_stores_the_files_audits_their_hash_and_distributes_the_pdf(world: World) -> None:
    furnish(world)
    before, seq = world.snapshot("delegate"), world.seq()
    first = world.ok("chair", "minutes.publish", {"meeting_id": world.main})
    pdf = blob(world, first["sha256"])
    assert hashlib.sha256(pdf).hexdigest() == first["sha256"] and pdf.startswith(b"%PDF")
    assert first["version"] == 1 and first["supersedes"] is None
    with world.db.read() as session:
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "minutes.publish")).all()
    assert [(a.actor_id, a.details["sha256"], a.details["version"]) for a in audit] == [
        (world.users["chair"], first["sha256"], 1)]
    snapshot = world.snapshot("delegate")
    document = next(d for d in snapshot["documents"] if d["id"] == first["document_id"])
    assert (document["title"], document["sha256"], document["version"], document["access"]) == (
        "Biên bản họp: Hội nghị tổng kết", first["sha256"], 1, "all")
    assert snapshot["minutes"] == {"status": "published", "version": 1, "sha256": first["sha256"],
                                   "document_id": first["document_id"], "published_at": first["published_at"]}
    assert apply_events(before, world.events_for("delegate", since=seq)) == snapshot

    text = pdf_text(pdf)
    for expected in (CONCLUSION, "BIÊN BẢN HỌP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Độc lập - Tự do - Hạnh phúc",
                     "Văn phòng Bộ tổng hợp ý kiến;", "Thông qua Kế hoạch cải cách hành chính năm 2027.",
                     "Lê Quang Đức (Điểm cầu TP. Hồ Chí Minh): phát biểu lúc 09:10, 3 phút 20 giây",
                     "Nguyễn Văn Hùng (Hội trường Bộ (Hà Nội)): chất vấn lúc 09:15, 45 giây",
                     "Vắng có lý do (Nghỉ phép)", "Ủy quyền cho Lê Quang Đức (Đi công tác nước ngoài)",
                     "Hoàn thiện Kế hoạch và trình ký ban hành", "15/01/2027", "THƯ KÝ", "CHỦ TRÌ",
                     # Dated the day it is published, in Hà Nội (past 17:00 UTC: the next day).
                     vietnamese_date(datetime.fromisoformat(first["published_at"].replace("Z", "+00:00")))):
        assert expected in text, expected
    words = docx_text(blob(world, first["docx_sha256"]))
    for expected in (CONCLUSION, "BIÊN BẢN HỌP", "Ủy quyền cho Lê Quang Đức",
                     "Hoàn thiện Kế hoạch và trình ký"):
        assert expected in words, expected
    assert "THÔNG BÁO" not in text

    # The notice of conclusions: a document of its own, in its own form, for everyone.
    notice = next(d for d in snapshot["documents"] if d["id"] == first["notice_document_id"])
    assert (notice["title"], notice["sha256"], notice["access"]) == (
        "Thông báo kết luận: Hội nghị tổng kết", first["notice_sha256"], "all")
    told = pdf_text(blob(world, first["notice_sha256"]))
    for expected in ("THÔNG BÁO", "Kết luận của Nguyễn Văn Hùng tại Hội nghị tổng kết", "/TB-", CONCLUSION,
                     "Thông qua Kế hoạch cải cách hành chính năm 2027.", "Nơi nhận:", "CHỦ TRÌ",
                     "Hoàn thiện Kế hoạch và trình ký ban hành"):
        assert expected in told, expected
    assert "BIÊN BẢN HỌP" not in told and "Ý kiến phát biểu" not in told
    assert "THÔNG BÁO" in docx_text(blob(world, first["notice_docx_sha256"]))
    with world.db.read() as session:
        delegate = actor_of(session.get(User, world.users["delegate"]))  # type: ignore[arg-type]
        found = readable_file(session, delegate, world.main, None, False)
        assert (found.notice_pdf_sha256, found.notice_docx_sha256) == (
            first["notice_sha256"], first["notice_docx_sha256"])


def test_a_correction_is_version_2_of_the_same_document_and_version_1_stays(world: World) -> None:
    conclude(world, "secretary", CONCLUSION)
    first = world.ok("chair", "minutes.publish", {"meeting_id": world.main})
    world.ok("chair", "meeting.start", {"meeting_id": world.main})
    world.ok("chair", "meeting.end", {"meeting_id": world.main})  # minutes are corrected after the meeting
    corrected = CONCLUSION.replace("phối hợp", "phối hợp với Văn phòng Bộ")
    conclude(world, "secretary", corrected)
    assert world.snapshot("delegate")["minutes"]["status"] == "draft"
    second = world.ok("chair", "minutes.publish", {"meeting_id": world.main})
    assert (second["version"], second["supersedes"], second["document_id"]) == (2, 1, first["document_id"])
    assert second["notice_document_id"] == first["notice_document_id"], "the notice is corrected too"
    assert second["sha256"] != first["sha256"]
    document = next(d for d in world.snapshot("delegate")["documents"] if d["id"] == first["document_id"])
    assert (document["version"], document["sha256"]) == (2, second["sha256"])
    versions = world.ok("delegate", "document.versions", {"document_id": first["document_id"]})["versions"]
    assert [v["sha256"] for v in versions] == [first["sha256"], second["sha256"]]
    assert corrected in pdf_text(blob(world, second["sha256"]))
    assert "Biên bản này (bản số 2) thay thế bản số 1." in pdf_text(blob(world, second["sha256"]))
    assert CONCLUSION in pdf_text(blob(world, first["sha256"])), "the first version's bytes stay"
    with world.db.read() as session:
        delegate = actor_of(session.get(User, world.users["delegate"]))  # type: ignore[arg-type]
        assert readable_file(session, delegate, world.main, 1, False).pdf_sha256 == first["sha256"]
        assert readable_file(session, delegate, world.main, None, False).pdf_sha256 == second["sha256"]


@pytest.mark.parametrize(("user", "version", "draft", "outcome"), [
    ("chair", None, False, "draft"), ("secretary", None, True, "draft"), ("admin", None, False, "draft"),
    ("delegate", None, False, "not_found"), ("delegate", None, True, "forbidden"),
    ("outsider", None, False, "not_found"), ("chair", 1, False, "not_found")])
def test_before_publication_only_the_writers_read_the_draft(world: World, user: str, version: int | None,
                                                            draft: bool, outcome: str) -> None:
    with world.db.read() as session:
        actor = actor_of(session.get(User, world.users[user]))  # type: ignore[arg-type]
        try:
            found = readable_file(session, actor, world.main, version, draft)
        except ProtocolError as refusal:
            assert str(refusal.code) == outcome
        else:
            assert outcome == "draft" and found.draft



def test_minutes_rendered_before_a_change_are_not_recorded(world: World) -> None:
    """What was rendered before the transaction is recorded only if the meeting's minutes are
    still the same; otherwise the pipeline renders again (here: the handler says Stale)."""
    spec = COMMANDS["minutes.publish"]
    payload = spec.model.model_validate({"meeting_id": world.main})
    conn = world.conns["chair"]
    assert spec.prepare is not None
    prepared = world.loop.run_until_complete(
        spec.prepare(world.pipeline.services, conn.actor, spec.access, payload))
    conclude(world, "secretary", CONCLUSION)
    seq = world.seq()
    with pytest.raises(Stale):
        world.pipeline.work.execute(spec, payload, "thread-chair", conn, prepared)
    assert world.seq() == seq and world.snapshot("chair")["minutes"]["version"] is None
    published = world.ok("chair", "minutes.publish", {"meeting_id": world.main})
    assert CONCLUSION in pdf_text(blob(world, published["sha256"]))


def test_the_minutes_carry_the_votes_of_each_item(world: World) -> None:
    """A closed vote appears under its agenda item: the question, each option's count and the
    outcome with its rule (a secret vote: counts only)."""
    assert world.meeting is not None
    furnish(world)
    question = "Thông qua Kế hoạch cải cách hành chính năm 2027"
    poll = world.ok("secretary", "poll.create", {
        "meeting_id": world.main, "agenda_item_id": world.meeting.items[1], "question": question,
        "secret": True, "majority": "simple"})["poll"]
    world.ok("chair", "poll.open", {"poll_id": poll["id"]})
    for voter, choice in (("chair", 1), ("delegate", 1)):
        world.ok(voter, "poll.vote", {"poll_id": poll["id"], "option_ids": [choice],
                                      "ballot_id": f"ballot-{voter}-0001"})
    world.ok("chair", "poll.close", {"poll_id": poll["id"]})
    published = world.ok("chair", "minutes.publish", {"meeting_id": world.main})
    text = pdf_text(blob(world, published["sha256"]))
    assert (f"Biểu quyết: {question} — Tán thành: 2; Không tán thành: 0; Ý kiến khác: 0. "
            "Thông qua (2 phiếu; biểu quyết kín; cần quá nửa số phiếu biểu quyết (2))") in text
    words = docx_text(blob(world, published["docx_sha256"]))
    assert f"{question} — Tán thành: 2; Không tán thành: 0; Ý kiến khác: 0." in words
