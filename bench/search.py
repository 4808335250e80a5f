"""Search benchmark: ``search`` on a year of meetings, in process, on SQLite or PostgreSQL.

Seeds an empty database (a temporary SQLite file, or ``--database-url``, which must be an
empty database: it is migrated and filled) with ``--meetings`` meetings spread over a year,
each with 8 agenda items and their conclusions, 5 action items and ``--documents`` documents
of ``--pages`` pages of Vietnamese text (about ``--page-chars`` characters a page), rows
inserted directly (the page text stored as an upload stores it: ``search.documents``). A
delegate takes part in every other meeting; one document in ten is restricted.

Then runs each typical query ``--repeat`` times (after one warm-up) through the command's
handler in a read session, as the admin (every meeting) and as the delegate, and prints one
JSON object: per query p50/p99/max ms and the result count, and over all queries p50/p99.

    python -m bench.search
    python -m bench.search --database-url postgresql+psycopg://postgres@127.0.0.1:5432/bench
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from bench.fanout import machine, percentile
from protocol import commands as c
from server.domain.accounts import actor_of
from server.domain.context import CommandContext
from server.domain.search import handler
from server.domain.search.fold import fold_for_index
from server.persistence.db import Database, sqlite_url
from server.persistence.migrate import migrate
from server.persistence.models import (
    ActionItem,
    AgendaItem,
    Blob,
    Conclusion,
    Document,
    DocumentReader,
    DocumentText,
    DocumentVersion,
    Meeting,
    Participant,
    User,
)

log = logging.getLogger("bench.search")

WORDS = (  # noqa: SIM905 (a sentence of words reads better than a list of them)
    "báo cáo kết quả thực hiện nhiệm vụ kế hoạch phát triển kinh tế xã hội năm tỉnh thành phố "
    "đầu tư công giải ngân vốn dự án hạ tầng giao thông đô thị nông thôn mới chương trình mục tiêu "
    "quốc gia giảm nghèo bền vững y tế giáo dục đào tạo nguồn nhân lực khoa học công nghệ chuyển "
    "đổi số chính quyền điện tử dịch vụ công trực tuyến thủ tục hành chính cải cách tổ chức bộ máy "
    "tinh giản biên chế thanh tra kiểm tra phòng chống tham nhũng lãng phí tài chính ngân sách thu "
    "chi dự toán quyết toán đất đai tài nguyên môi trường biến đổi khí hậu phòng chống thiên tai "
    "an ninh trật tự an toàn xã hội quốc phòng đối ngoại hội nhập doanh nghiệp hợp tác xã lao động "
    "việc làm an sinh văn hóa thể thao du lịch thông tin truyền thông các cơ quan đơn vị địa phương "
    "triển khai thực hiện nghiêm túc hiệu quả đúng tiến độ đề xuất kiến nghị giải pháp trọng tâm"
).split()
RARE = "tuyến cao tốc Bắc Nam phía Đông"
"""Planted on one page in 500: a phrase few documents hold."""
STATUSES = ("ended",) * 8 + ("scheduled",) * 2


def sentence(rng: random.Random, length: int) -> str:
    words = rng.choices(WORDS, k=length)
    return " ".join(words).capitalize() + "."


def page_text(rng: random.Random, chars: int) -> str:
    lines: list[str] = []
    size = 0
    while size < chars:
        line = sentence(rng, rng.randint(8, 18))
        if rng.random() < 0.002:
            line = f"Đẩy nhanh tiến độ {RARE}."
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines)


def seed(db: Database, options: argparse.Namespace) -> dict[str, int]:
    """Fill the database; the ids of the admin and the delegate."""
    rng = random.Random(8)
    start = datetime(2026, 1, 5, 1, 0, tzinfo=UTC)
    with db.write() as session:
        admin = User(username="admin", full_name="Quản trị", password_hash="-", is_admin=True)
        delegate = User(username="delegate", full_name="Đại biểu", password_hash="-")
        session.add_all([admin, delegate])
        session.flush()
        session.add(Blob(sha256="0" * 64, size=1))
        ids = {"admin": admin.id, "delegate": delegate.id}
    doc_id = version_id = 0
    for number in range(options.meetings):
        when = start + timedelta(days=number * 365 // options.meetings)
        with db.write() as session:
            meeting = Meeting(title=f"Họp {sentence(rng, 5)[:-1]} (kỳ {number + 1})", starts_at=when,
                              location="Hội trường A", status=rng.choice(STATUSES), created_by=ids["admin"])
            session.add(meeting)
            session.flush()
            mid = meeting.id
            if number % 2 == 0:
                session.add(Participant(meeting_id=mid, user_id=ids["delegate"], role="delegate"))
            items = []
            for position in range(8):
                item = AgendaItem(meeting_id=mid, title=sentence(rng, 6)[:-1], position=position)
                session.add(item)
                items.append(item)
            session.flush()
            session.execute(insert(Conclusion), [
                {"agenda_item_id": item.id, "meeting_id": mid, "revision": 1, "updated_at": when,
                 "text": " ".join(sentence(rng, 14) for _ in range(6)), "decision": sentence(rng, 10)}
                for item in items])
            session.execute(insert(ActionItem), [
                {"meeting_id": mid, "title": sentence(rng, 9), "owner_name": "Sở " + sentence(rng, 2)[:-1],
                 "status": rng.choice(("open", "done", "cancelled")), "created_at": when, "updated_at": when}
                for _ in range(5)])
            docs, versions, texts, readers = [], [], [], []
            for n in range(options.documents):
                doc_id += 1
                version_id += 1
                restricted = n == 9
                docs.append({"id": doc_id, "meeting_id": mid, "title": f"Tài liệu {sentence(rng, 4)[:-1]}",
                             "access": "restricted" if restricted else "all", "released": True,
                             "current_version": 1, "created_at": when})
                versions.append({"id": version_id, "document_id": doc_id, "version": 1, "sha256": "0" * 64,
                                 "pages": options.pages, "size": 1, "filename": "t.pdf", "uploaded_at": when})
                if restricted:
                    readers.append({"document_id": doc_id, "user_id": ids["admin"]})
                for page in range(options.pages):
                    text = page_text(rng, options.page_chars)
                    texts.append({"document_version_id": version_id, "page": page, "text": text,
                                  "folded": fold_for_index(text)})
            session.execute(insert(Document), docs)
            session.execute(insert(DocumentVersion), versions)
            session.execute(insert(DocumentText), texts)
            if readers:
                session.execute(insert(DocumentReader), readers)
        if number % 25 == 24:
            log.info("seeded %d meetings", number + 1)
    return ids


QUERIES: list[tuple[str, dict[str, Any]]] = [
    ("planted phrase (a line in 500)", {"query": "cao tốc phía Đông"}),
    ("common words (every document)", {"query": "cải cách hành chính"}),
    ("one common word", {"query": "ngân sách"}),
    ("no match", {"query": "xyzzy"}),
    ("words + one quarter", {"query": "chuyển đổi số", "from": "2026-04-01", "to": "2026-06-30"}),
    ("words + status ended", {"query": "dự toán quyết toán", "status": "ended"}),
    ("action items done", {"query": "Sở", "status": "done"}),
]


def measure(db: Database, who: dict[str, Any], repeat: int) -> dict[str, Any]:
    """Each query ``repeat`` times as each user; per query and overall figures (ms)."""
    out: dict[str, Any] = {}
    everything: list[float] = []
    for user, user_id in who.items():
        with db.read() as session:
            user_row = session.get(User, user_id)
            assert user_row is not None
            actor = actor_of(user_row)
        for label, body in QUERIES:
            payload = c.Search.model_validate(body)
            times: list[float] = []
            count = 0
            for round_ in range(repeat + 1):
                with db.read() as session:
                    began = time.perf_counter()
                    count = len(handler.search(CommandContext(session, actor), payload).data["results"])
                    elapsed = (time.perf_counter() - began) * 1000
                if round_:  # the first is a warm-up
                    times.append(elapsed)
            times.sort()
            everything += times
            out[f"{user}: {label}"] = {"results": count, "p50_ms": round(percentile(times, 0.5), 1),
                                       "p99_ms": round(percentile(times, 0.99), 1),
                                       "max_ms": round(times[-1], 1)}
    everything.sort()
    return {"queries": out, "all_p50_ms": round(percentile(everything, 0.5), 1),
            "all_p99_ms": round(percentile(everything, 0.99), 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", help="an empty database to fill (default: a temporary SQLite file)")
    parser.add_argument("--meetings", type=int, default=250)
    parser.add_argument("--documents", type=int, default=10, help="per meeting")
    parser.add_argument("--pages", type=int, default=20, help="per document")
    parser.add_argument("--page-chars", type=int, default=1500)
    parser.add_argument("--repeat", type=int, default=20)
    options = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(asctime)s %(message)s")
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        db = Database(options.database_url or sqlite_url(Path(tmp)))
        migrate(db)
        began = time.perf_counter()
        ids = seed(db, options)
        seeded = time.perf_counter() - began
        log.info("seeded in %.0f s; measuring", seeded)
        report = {"benchmark": "search", "database": db.engine.dialect.name, "meetings": options.meetings,
                  "documents": options.meetings * options.documents,
                  "pages": options.meetings * options.documents * options.pages,
                  "page_chars": options.page_chars, "repeat": options.repeat, "seed_s": round(seeded, 1),
                  "machine": machine(), **measure(db, ids, options.repeat)}
        db.dispose()
    print(json.dumps(report, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
