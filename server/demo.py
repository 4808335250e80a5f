"""``meeting-server seed-demo``: a realistic multi-site meeting to try the product on.

Modelled on a ministry's annual review of administrative reform and e-government: a
central hall and two remote sites (điểm cầu), six agenda items, a chair, a secretary
(an organizer too: she prepares meetings, as a ministry's office does), a site secretary
at each remote site (``secretary2``, ``secretary3``), delegates spread over the three sites
and an observer, and four generated Vietnamese PDFs on
the agenda (one restricted to the chair, the secretary, delegate1 and delegate2). Running
it again only adds what is missing (a global role a demo user should have included).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from protocol.roles import MeetingRole
from server.demo_documents import demo_documents
from server.documents.pdf import inspect, write_document
from server.domain.accounts import actor_of, create_user, hash_password
from server.domain.context import CommandContext
from server.domain.documents import upload as uploads
from server.domain.voting.polls import DEFAULT_OPTIONS
from server.persistence.blobs import BlobStore
from server.persistence.db import Database
from server.persistence.models import (
    AgendaItem,
    Conclusion,
    ConclusionRevision,
    Document,
    Meeting,
    Participant,
    Poll,
    Site,
    User,
)

DEMO_TITLE = "Hội nghị tổng kết công tác cải cách hành chính và chuyển đổi số năm 2026"
DEMO_LOCATION = "Hội trường A, trụ sở Bộ, Hà Nội"
SITES = ["Hội trường Bộ (Hà Nội)", "Điểm cầu TP. Hồ Chí Minh", "Điểm cầu Đà Nẵng"]

AGENDA = [
    ("Khai mạc hội nghị, giới thiệu đại biểu", "Chánh Văn phòng Bộ", 10),
    ("Báo cáo tổng kết công tác cải cách hành chính năm 2026", "Vụ trưởng Vụ Tổ chức cán bộ", 30),
    ("Báo cáo kết quả chuyển đổi số và xây dựng Chính phủ điện tử",
     "Giám đốc Trung tâm Công nghệ thông tin", 30),
    ("Tham luận của các điểm cầu", "Đại diện các đơn vị", 45),
    ("Thảo luận và biểu quyết Kế hoạch cải cách hành chính năm 2027", "Chủ trì hội nghị", 30),
    ("Kết luận của Chủ trì hội nghị và bế mạc", "Thứ trưởng Nguyễn Văn Hùng", 15),
]

DELEGATE_NAMES = [
    "Lê Quang Đức", "Phạm Thị Hồng Nhung", "Hoàng Minh Tuấn", "Vũ Thị Thu Hằng", "Đặng Văn Lâm",
    "Bùi Thị Ngọc Ánh", "Đỗ Trọng Nghĩa", "Ngô Thị Phương Thảo", "Dương Văn Khải", "Lý Thị Kim Oanh",
    "Trịnh Xuân Trường", "Huỳnh Thị Diễm My", "Phan Văn Định", "Võ Thị Bích Ngọc", "Tạ Quốc Bảo",
]

FIXED_USERS = [
    ("admin", "Quản trị hệ thống", {"admin": True}),
    ("chair", "Nguyễn Văn Hùng", {"organizer": True}),
    # The secretary prepares meetings (creates them, invites, writes the agenda): the
    # organizer role, which "New meeting" needs. The chair keeps it too.
    ("secretary", "Trần Thị Mai", {"organizer": True}),
    ("observer1", "Mai Thu Trang", {}),
    ("secretary2", "Nguyễn Thị Thanh Hương", {}),
    ("secretary3", "Trương Công Minh", {}),
]
SITE_SECRETARIES = {"secretary2": 1, "secretary3": 2}
"""The secretary of each remote site (index into SITES): marks attendance there."""


def delegate_name(index: int) -> str:
    """A Vietnamese full name for delegate ``index`` (1-based)."""
    base = DELEGATE_NAMES[(index - 1) % len(DELEGATE_NAMES)]
    return base if index <= len(DELEGATE_NAMES) else f"{base} ({index})"


def _user(session: Session, username: str, full_name: str, password: str, password_hash: str,
          **roles: bool) -> User:
    existing = session.scalar(select(User).where(User.username == username))
    if existing is not None:
        # A demo seeded before a role was added gets it; nothing is ever taken away.
        existing.is_admin = existing.is_admin or roles.get("admin", False)
        existing.is_organizer = existing.is_organizer or roles.get("organizer", False)
        return existing
    return create_user(session, username, full_name, password, password_hash=password_hash,
                                   **roles)


def _meeting(session: Session) -> tuple[Meeting, list[Site], bool]:
    meeting = session.scalar(select(Meeting).where(Meeting.title == DEMO_TITLE))
    if meeting is not None:
        query = select(Site).where(Site.meeting_id == meeting.id).order_by(Site.position)
        sites = list(session.scalars(query))
        return meeting, sites, False
    # 08:00 in Vietnam (UTC+7) on the day the demo is seeded.
    today = datetime.now(UTC).replace(hour=1, minute=0, second=0, microsecond=0)
    meeting = Meeting(title=DEMO_TITLE, location=DEMO_LOCATION, starts_at=today,
                      ends_at=today + timedelta(hours=3))
    session.add(meeting)
    session.flush()
    sites = [Site(meeting_id=meeting.id, name=name, position=i) for i, name in enumerate(SITES)]
    session.add_all(sites)
    for position, (title, presenter, minutes) in enumerate(AGENDA):
        session.add(AgendaItem(meeting_id=meeting.id, title=title, presenter=presenter,
                               duration_min=minutes, position=position))
    session.flush()
    return meeting, sites, True


def _documents(session: Session, meeting: Meeting, users: dict[str, User], blobs: BlobStore) -> int:
    """Write and attach the demo documents the meeting lacks (by title); how many were added.

    They go through the upload's own domain function (as the secretary), so their rows are
    exactly what an upload makes; no events are logged, as for the rest of the seed.
    """
    present = set(session.scalars(select(Document.title).where(
        Document.meeting_id == meeting.id, Document.removed_at.is_(None))))
    items = list(session.scalars(select(AgendaItem.id).where(AgendaItem.meeting_id == meeting.id)
                                 .order_by(AgendaItem.position)))
    ctx = CommandContext(session, actor_of(users["secretary"]), meeting=meeting)
    added = 0
    for demo in demo_documents():
        if demo.document.title in present:
            continue
        path = blobs.temp_path(".pdf")
        try:
            pages = write_document(path, demo.document)
            facts = inspect(path, pages, 14_400.0)  # our own file: read here
            written, _new = blobs.put_file(path)
        finally:
            path.unlink(missing_ok=True)
        readers = [users[name].id for name in demo.readers if name in users] if demo.readers else None
        item = items[demo.agenda_position] if demo.agenda_position < len(items) else None
        form = uploads.UploadForm(title=demo.document.title, access=readers or None, agenda_item_id=item)
        uploads.add(ctx, form, uploads.NewVersion(written.sha256, written.size, pages,
                                                  f"{demo.document.footer or demo.document.title}.pdf",
                                                  facts["page_info"], facts["page_texts"]))
        added += 1
    return added


OPENING_CONCLUSION = (
    "Hội nghị thống nhất **chương trình làm việc** gồm 6 nội dung như dự kiến; các điểm cầu "
    "kết nối ổn định, bảo đảm điều kiện tiến hành.\n\n"
    "- Các đại biểu nghiên cứu tài liệu điện tử trên hệ thống, *không in tài liệu giấy*;\n"
    "- Ý kiến phát biểu đăng ký qua hệ thống, mỗi lượt không quá 5 phút.\n")


def _conclusion(session: Session, meeting: Meeting, secretary: User) -> None:
    """The secretary's conclusion on the opening item, if it has none yet."""
    first = session.scalar(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id)
                           .order_by(AgendaItem.position).limit(1))
    if first is None or session.get(Conclusion, first.id) is not None:
        return
    session.add(Conclusion(agenda_item_id=first.id, meeting_id=meeting.id, text=OPENING_CONCLUSION,
                           revision=1, updated_by=secretary.id))
    session.add(ConclusionRevision(meeting_id=meeting.id, agenda_item_id=first.id, revision=1,
                                   text=OPENING_CONCLUSION, author_id=secretary.id))


VOTED_ITEM = 4
"""The agenda item "Thảo luận và biểu quyết Kế hoạch ...": the demo's draft poll is on it."""


def _draft_poll(session: Session, meeting: Meeting, chair: User) -> None:
    """One draft poll on the item to be voted, if the meeting has no poll yet (no event
    is logged, as for the rest of the seed)."""
    if session.scalar(select(Poll.id).where(Poll.meeting_id == meeting.id).limit(1)) is not None:
        return
    items = list(session.scalars(select(AgendaItem.id).where(AgendaItem.meeting_id == meeting.id)
                                 .order_by(AgendaItem.position)))
    item = items[VOTED_ITEM] if len(items) > VOTED_ITEM else None
    session.add(Poll(meeting_id=meeting.id, agenda_item_id=item, secret=False,
                     question="Thông qua Kế hoạch cải cách hành chính năm 2027",
                     majority="absolute", options=[{"id": n, **o} for n, o in enumerate(DEFAULT_OPTIONS, 1)],
                     min_choices=1, max_choices=1, weighted=False, allow_change=False, kind="meeting",
                     status="draft", document_ids=[], reminders=[], turnout={}, created_by=chair.id))


def seed_demo(db: Database, data_dir: Path, *, delegates: int = 12, password: str = "demo",
              blob_dir: Path | None = None) -> str:
    """Create the demo users, meeting and documents if they are missing; return a summary line."""
    with db.write() as session:
        # Every demo user has the same password: hash it once (argon2 is slow on purpose).
        digest = hash_password(password)
        users = {name: _user(session, name, full, password, digest, **roles)
                 for name, full, roles in FIXED_USERS}
        for i in range(1, delegates + 1):
            users[f"delegate{i}"] = _user(session, f"delegate{i}", delegate_name(i), password, digest)
        meeting, sites, created = _meeting(session)
        placed = set(session.scalars(select(Participant.user_id).where(Participant.meeting_id == meeting.id)))

        def place(user: User, role: MeetingRole, site: Site) -> None:
            if user.id not in placed:
                session.add(Participant(meeting_id=meeting.id, user_id=user.id, role=role, site_id=site.id))

        place(users["chair"], MeetingRole.CHAIR, sites[0])
        place(users["secretary"], MeetingRole.SECRETARY, sites[0])
        place(users["observer1"], MeetingRole.OBSERVER, sites[0])
        for name, site in SITE_SECRETARIES.items():
            place(users[name], MeetingRole.SECRETARY, sites[site])
        for i in range(1, delegates + 1):
            place(users[f"delegate{i}"], MeetingRole.DELEGATE, sites[(i - 1) % len(sites)])
        session.flush()
        blobs = BlobStore(blob_dir or data_dir / "blobs")
        blobs.ensure()
        documents = _documents(session, meeting, users, blobs)
        _conclusion(session, meeting, users["secretary"])
        _draft_poll(session, meeting, users["chair"])
        meeting_id = meeting.id
    state = "created" if created else "already there"
    return (f"Demo meeting {meeting_id} {state}: {len(users)} users, password {password!r}, "
            f"{documents} documents added, data in {data_dir}")
