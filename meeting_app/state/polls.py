"""Reading the snapshot's polls (biểu quyết): who may vote for whom, who has voted, turnout.

Pure functions over the poll and participant dicts of a snapshot (see docs/protocol.md for
their shapes), so the store, the widgets and the tests share one reading. The server
decides again on every ballot; these only choose what the client offers.
"""

from __future__ import annotations

from typing import Any

from protocol.attendance import by_site, count, is_member
from protocol.roles import Attendance
from protocol.statuses import PollKind, PollStatus

Poll = dict[str, Any]
Participant = dict[str, Any]


def poll_by_id(polls: list[Poll], poll_id: int | None) -> Poll | None:
    """One poll, or None."""
    return next((p for p in polls if p["id"] == poll_id), None)


def open_poll(polls: list[Poll]) -> Poll | None:
    """The poll being voted in the room (one at a time); written polls only if no other."""
    opened = [p for p in polls if p["status"] == PollStatus.OPEN]
    in_room = [p for p in opened if p.get("kind") != PollKind.WRITTEN]
    chosen = in_room or opened
    return chosen[0] if chosen else None


def represented_by(participants: list[Participant], user_id: int | None) -> list[Participant]:
    """The members who named ``user_id`` their proxy (ủy quyền)."""
    if user_id is None:
        return []
    return [p for p in participants if p.get("proxy_id") == user_id and is_member(p)]


def may_vote_as(poll: Poll, participants: list[Participant], me: int | None) -> list[Participant]:
    """The people I may cast a ballot for in ``poll``: myself first, then those I represent.

    Meeting polls: a member present in person votes for themselves; a present proxy votes
    for each absent member who named them. Written polls: whoever is asked (voter_ids).
    """
    by_id = {p["user_id"]: p for p in participants}
    mine = by_id.get(me) if me is not None else None
    if mine is None:
        return []
    if poll.get("kind") == PollKind.WRITTEN:
        return [mine] if asked(poll, mine) else []
    if mine.get("attendance") != Attendance.PRESENT:
        return []
    people = [mine] if is_member(mine) else []
    people += [p for p in represented_by(participants, me) if p.get("attendance") != Attendance.PRESENT]
    return people


def asked(poll: Poll, person: Participant) -> bool:
    """Whether a written poll asks ``person`` (no list: every member)."""
    voter_ids = poll.get("voter_ids")
    return is_member(person) and (voter_ids is None or person["user_id"] in voter_ids)


def has_voted(poll: Poll, user_id: int | None) -> bool:
    """Whether a ballot was cast for ``user_id`` (by them or their proxy)."""
    return user_id is not None and user_id in (poll.get("voted") or [])


def still_to_vote(poll: Poll, participants: list[Participant], me: int | None) -> list[Participant]:
    """Those I may vote for who have no ballot yet (empty when the poll is not open)."""
    if poll["status"] != PollStatus.OPEN:
        return []
    return [p for p in may_vote_as(poll, participants, me) if not has_voted(poll, p["user_id"])]


def eligible_count(poll: Poll, participants: list[Participant]) -> int:
    """How many ballots may be cast: members present or represented (meeting polls), or
    the people asked (written polls)."""
    if poll.get("kind") == PollKind.WRITTEN:
        return sum(1 for p in participants if asked(poll, p))
    return count(participants, participants).counted


def turnout_by_site(poll: Poll, participants: list[Participant],
                    sites: list[dict[str, Any]]) -> list[tuple[str, int, int]]:
    """``(site name, ballots, eligible)`` per site, in the sites' order (meeting polls)."""
    ballots = {str(k): int(v) for k, v in (poll.get("by_site") or {}).items()}
    counts = by_site(participants)
    rows = []
    for site in sites:
        eligible = counts[site["id"]].counted if site["id"] in counts else 0
        rows.append((site["name"], ballots.get(str(site["id"]), 0), eligible))
    return rows


def option_text(poll: Poll | None, option_id: int | str) -> str:
    """The text of an option, or "#id" when the poll is not known."""
    for option in (poll or {}).get("options") or []:
        if str(option["id"]) == str(option_id):
            return str(option["text"])
    return f"#{option_id}"
