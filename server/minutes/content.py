"""The minutes of a meeting gathered from the database as a neutral structure.

Plain, frozen, comparable data: both writers (PDF and DOCX) lay out the same structure,
and publishing compares the structure gathered before rendering with the one gathered in
its transaction to know the files still show the meeting as it is. Nothing here depends
on the clock: a speech still under way is listed without a duration.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from protocol import attendance as counting
from server.domain import views
from server.domain.minutes.workflow import next_version
from server.minutes.markdown import Block, parse
from server.persistence.models import (
    ActionItem,
    AgendaItem,
    Conclusion,
    Document,
    Meeting,
    Poll,
    Site,
    Speech,
    User,
)

LOCAL = timezone(timedelta(hours=7), "ICT")
"""Vietnam's time (no daylight saving): the minutes show local times."""
ROLE_NAMES = {"chair": "Chủ trì", "secretary": "Thư ký", "delegate": "Đại biểu", "observer": "Dự thính"}
QUORUM_RULES = {"more_than_half": "quá nửa số thành viên", "at_least_half": "ít nhất một nửa số thành viên",
                "two_thirds": "ít nhất hai phần ba số thành viên", "none": "không yêu cầu"}


@dataclass(frozen=True)
class AttendanceLine:
    name: str
    role: str
    status: str
    """Có mặt, Vắng, Vắng có lý do, Ủy quyền, Chưa điểm danh (in Vietnamese, as printed)."""
    reason: str | None = None
    proxy: str | None = None


@dataclass(frozen=True)
class SiteAttendance:
    name: str
    central: bool
    lines: tuple[AttendanceLine, ...]
    members: int
    present: int
    represented: int
    absent: int
    excused: int


@dataclass(frozen=True)
class Quorum:
    rule: str
    members: int
    counted: int
    required: int
    reached: bool


@dataclass(frozen=True)
class Speaker:
    name: str
    site: str | None
    kind: str
    """``speak`` (phát biểu) or ``question`` (chất vấn)."""
    started: str
    """Local time, HH:MM."""
    seconds: int | None
    """None while the speech is under way."""


@dataclass(frozen=True)
class VoteResult:
    """One vote closed on an item (see ``vote_results``)."""

    question: str
    lines: tuple[tuple[str, int], ...]
    """Each option and its votes (weights)."""
    outcome: str
    """The result in words ("Thông qua", "Không thông qua")."""


@dataclass(frozen=True)
class ActionLine:
    title: str
    owner: str | None
    due: str | None
    """dd/mm/yyyy."""
    status: str


@dataclass(frozen=True)
class ItemContent:
    number: int
    title: str
    presenter: str | None
    documents: tuple[str, ...]
    speakers: tuple[Speaker, ...]
    votes: tuple[VoteResult, ...]
    conclusion: tuple[Block, ...]
    decision: str | None
    actions: tuple[ActionLine, ...]


@dataclass(frozen=True)
class MinutesContent:
    organization: str
    meeting_id: int
    title: str
    place_and_date: str
    """"Hà Nội, ngày 21 tháng 11 năm 2026"."""
    time: str
    location: str | None
    sites: tuple[str, ...]
    chair: str | None
    secretary: str | None
    attendance: tuple[SiteAttendance, ...]
    quorum: Quorum
    items: tuple[ItemContent, ...]
    other_actions: tuple[ActionLine, ...]
    """Action items attached to no agenda item."""
    version: int
    """The version these minutes would be published as (2 and later correct the earlier)."""
    audit_anchor: str | None = field(default=None, compare=False)
    """The audit chain's head when published (``SEQ:HASH``), printed so that every copy
    anchors the chain (``persistence/audit_anchor.py``); None in a draft. Not compared: the
    chain moves on while the minutes are rendered, and they are no less the same minutes."""


def local(moment: datetime) -> datetime:
    return moment.astimezone(LOCAL)


def vietnamese_date(moment: datetime) -> str:
    day = local(moment)
    return f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


MAJORITY_WORDS = {
    "simple": "quá nửa số phiếu biểu quyết",
    "present": "quá nửa số thành viên có mặt",
    "absolute": "quá nửa tổng số thành viên",
    "two_thirds": "ít nhất hai phần ba tổng số thành viên",
}


def outcome_words(poll: Poll) -> str:
    """The result in words, exactly as the server decided it at the close (``poll.result``):
    the verdict, the ballots, the rule and its threshold, and why it did not pass."""
    result = poll.result or {}
    verdict = "Thông qua" if result.get("passed") else "Không thông qua"
    rule = str(result.get("rule") or poll.majority)
    how = [f"{result.get('ballots', 0)} phiếu",
           "biểu quyết kín" if poll.secret else "biểu quyết công khai",
           f"cần {MAJORITY_WORDS.get(rule, rule)} ({result.get('threshold', 0)})"]
    if result.get("reason") == "no_quorum" or result.get("quorum_reached") is False:
        counted, required = result.get("quorum_counted"), result.get("quorum_required")
        if result.get("quorum_rule") == "ballots" or counted is None:
            cast = counted if counted is not None else result.get("ballots", 0)
            least = required if required is not None else result.get("quorum")
            how.append(f"không đủ số phiếu tối thiểu ({cast}/{least})")
        else:
            how.append(f"không đủ số thành viên có mặt theo quy định ({counted}/{required})")
    elif result.get("reason") == "below_threshold":
        how.append("phương án thứ nhất không đạt số phiếu cần thiết")
    return f"{verdict} ({'; '.join(how)})"


def vote_results(session: Session, meeting_id: int, item_id: int) -> list[VoteResult]:
    """The votes closed on an agenda item, oldest first: the question, each option with its
    (weighted) votes, and the outcome in words. Counts only: a secret ballot has no voter."""
    polls = session.scalars(select(Poll).where(
        Poll.meeting_id == meeting_id, Poll.agenda_item_id == item_id, Poll.status == "closed")
        .order_by(Poll.closed_at, Poll.id))
    results = []
    for poll in polls:
        counts = (poll.result or {}).get("counts") or {}
        lines = tuple((str(o["text"]), int(counts.get(str(o["id"]), 0))) for o in poll.options)
        results.append(VoteResult(poll.question, lines, outcome_words(poll)))
    return results


def _attendance(session: Session, meeting_id: int, sites: list[Site]
                ) -> tuple[tuple[SiteAttendance, ...], list[dict[str, object]], dict[int, str]]:
    people = views.participants(session, meeting_id)
    names = {int(p["user_id"]): str(p["full_name"]) for p in people}
    by_id = {p["user_id"]: p for p in people}
    result = []
    groups: list[tuple[str, bool, int | None]] = [(s.name, s.position == 0, s.id) for s in sites]
    if any(p["site_id"] is None for p in people):
        groups.append(("Không thuộc điểm cầu nào", False, None))
    for name, central, site_id in groups:
        here = [p for p in people if p["site_id"] == site_id]
        lines = []
        for person in here:
            status, proxy = str(person["attendance"]), None
            if counting.represented(person, by_id):
                status, proxy = "represented", names.get(int(person["proxy_id"]))
            label = {"present": "Có mặt", "absent": "Vắng", "excused": "Vắng có lý do",
                     "represented": "Ủy quyền", "unknown": "Chưa điểm danh"}.get(status, status)
            lines.append(AttendanceLine(str(person["full_name"]), ROLE_NAMES.get(str(person["role"]), ""),
                                        label, person["attendance_reason"] or None, proxy))
        tally = counting.count(here, people)
        result.append(SiteAttendance(name, central, tuple(lines), tally.members, tally.present,
                                     tally.represented, tally.absent, tally.excused))
    return tuple(result), people, names


def _speakers(session: Session, meeting_id: int) -> dict[int | None, list[Speaker]]:
    rows = session.execute(
        select(Speech, User.full_name, Site.name).join(User, User.id == Speech.user_id)
        .outerjoin(Site, Site.id == Speech.site_id).where(Speech.meeting_id == meeting_id)
        .order_by(Speech.started_at, Speech.id))
    found: dict[int | None, list[Speaker]] = {}
    for speech, name, site in rows:
        ended = speech.ended_at
        seconds = None if ended is None else int((ended - speech.started_at).total_seconds())
        found.setdefault(speech.agenda_item_id, []).append(
            Speaker(name, site, speech.kind, local(speech.started_at).strftime("%H:%M"), seconds))
    return found


def _actions(session: Session, meeting_id: int) -> dict[int | None, list[ActionLine]]:
    found: dict[int | None, list[ActionLine]] = {}
    rows = session.scalars(select(ActionItem).where(ActionItem.meeting_id == meeting_id,
                                                    ActionItem.status != "cancelled").order_by(ActionItem.id))
    for row in rows:
        due = row.due.strftime("%d/%m/%Y") if row.due is not None else None
        line = ActionLine(row.title, row.owner_name, due, row.status)
        found.setdefault(row.agenda_item_id, []).append(line)
    return found


def _documents(session: Session, meeting_id: int) -> dict[int, list[str]]:
    """The titles of the documents everyone may read, by item (a restricted document's
    title is not for everyone who reads the minutes)."""
    found: dict[int, list[str]] = {}
    rows = session.execute(select(Document.agenda_item_id, Document.title).where(
        Document.meeting_id == meeting_id, Document.removed_at.is_(None), Document.access == "all",
        Document.released.is_(True), Document.agenda_item_id.is_not(None)).order_by(Document.id))
    for item_id, title in rows:
        if item_id is not None:  # the query has none; the type does not know
            found.setdefault(item_id, []).append(title)
    return found


def _time(meeting: Meeting) -> str:
    """From the actual start to the actual end once held (the planned times before); an end
    on another day carries its date, and an end before the start is never printed."""
    start = local(meeting.started_at or meeting.starts_at)
    # Once started: the actual end, none while under way (never the planned one).
    end = meeting.ended_at if meeting.started_at is not None else meeting.ends_at
    text = f"Từ {start:%H giờ %M} {vietnamese_date(start)}"
    if end is None or local(end) < start:
        return text
    finish = local(end)
    day = "" if finish.date() == start.date() else f" {vietnamese_date(finish)}"
    return f"{text} đến {finish:%H giờ %M}{day}"


def gather(session: Session, meeting_id: int, organization: str, city: str) -> MinutesContent:
    """The meeting's minutes as they stand now."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise LookupError(f"no meeting {meeting_id}")
    sites = list(session.scalars(select(Site).where(Site.meeting_id == meeting_id).order_by(Site.position)))
    attendance, people, _names = _attendance(session, meeting_id, sites)
    quorum = counting.quorum(people, meeting.quorum_rule)
    speakers, actions = _speakers(session, meeting_id), _actions(session, meeting_id)
    documents = _documents(session, meeting_id)
    conclusions = {row.agenda_item_id: row for row in session.scalars(
        select(Conclusion).where(Conclusion.meeting_id == meeting_id))}
    items = []
    agenda = session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
                             .order_by(AgendaItem.position))
    for number, item in enumerate(agenda, start=1):
        written = conclusions.get(item.id)
        items.append(ItemContent(
            number, item.title, item.presenter, tuple(documents.get(item.id, [])),
            tuple(speakers.get(item.id, [])), tuple(vote_results(session, meeting_id, item.id)),
            parse(written.text) if written else (), written.decision if written else None,
            tuple(actions.get(item.id, []))))

    def first(role: str) -> str | None:
        return next((str(p["full_name"]) for p in people if p["role"] == role), None)

    return MinutesContent(
        organization=organization, meeting_id=meeting.id, title=meeting.title,
        place_and_date=f"{city}, {vietnamese_date(meeting.started_at or meeting.starts_at)}",
        time=_time(meeting), location=meeting.location, sites=tuple(s.name for s in sites),
        chair=first("chair"), secretary=first("secretary"), attendance=attendance,
        quorum=Quorum(QUORUM_RULES.get(quorum.rule, quorum.rule), quorum.members, quorum.counted,
                      quorum.required, quorum.reached),
        items=tuple(items), other_actions=tuple(actions.get(None, [])),
        version=next_version(session, meeting_id))
