"""Attendance counts and the quorum (protocol/attendance.py): what the server's CSV and
every client's attendance panel show."""

from __future__ import annotations

from typing import Any

import pytest

from protocol.attendance import Counts, by_site, count, is_member, quorum, represented, required_for

HANOI, HCM = 1, 2


def person(user_id: int, role: str = "delegate", attendance: str = "unknown", site: int | None = HANOI,
           proxy: int | None = None, weight: int = 1, online: bool = False) -> dict[str, Any]:
    return {"user_id": user_id, "role": role, "attendance": attendance, "site_id": site, "proxy_id": proxy,
            "voting_weight": weight, "online": online}


def test_members_are_the_chair_and_delegates_with_a_vote() -> None:
    assert is_member(person(1, "chair")) and is_member(person(2))
    assert not is_member(person(3, "secretary"))
    assert not is_member(person(4, "observer"))
    assert not is_member(person(5, weight=0))


def test_a_member_is_represented_only_by_a_present_proxy() -> None:
    proxy = person(2, attendance="present")
    absent_proxy = person(3, attendance="absent")
    people = {p["user_id"]: p for p in (proxy, absent_proxy)}
    assert represented(person(1, attendance="excused", proxy=2), people)
    assert not represented(person(1, attendance="excused", proxy=3), people)
    assert not represented(person(1, attendance="excused"), people)
    assert not represented(person(1, attendance="present", proxy=2), people), "present counts in person"


def everyone() -> list[dict[str, Any]]:
    return [
        person(1, "chair", "present", online=True),
        person(2, "secretary", "present", online=True),
        person(3, "delegate", "present", HCM, online=True),
        person(4, "delegate", "excused", HCM, proxy=3),  # represented by 3
        person(5, "delegate", "absent", HCM),
        person(6, "delegate", "unknown", None),
        person(7, "observer", "present", HANOI),
    ]


def test_counts_in_total_and_per_site() -> None:
    people = everyone()
    assert count(people, people) == Counts(participants=7, online=3, members=5, present=2, represented=1,
                                           absent=1, excused=0, unknown=1)
    assert count(people, people).counted == 3
    sites = by_site(people)
    assert set(sites) == {HANOI, HCM, None}
    assert (sites[HANOI].members, sites[HANOI].present, sites[HANOI].participants) == (1, 1, 3)
    assert (sites[HCM].members, sites[HCM].present, sites[HCM].represented, sites[HCM].absent) == (3, 1, 1, 1)
    assert sites[None].unknown == 1


@pytest.mark.parametrize(("rule", "members", "required"), [
    ("more_than_half", 5, 3), ("more_than_half", 4, 3), ("more_than_half", 0, 1),
    ("at_least_half", 5, 3), ("at_least_half", 4, 2),
    ("two_thirds", 5, 4), ("two_thirds", 6, 4), ("two_thirds", 3, 2),
    ("none", 5, 0),
])
def test_each_rule_requires(rule: str, members: int, required: int) -> None:
    assert required_for(rule, members) == required


def test_the_quorum_counts_represented_members() -> None:
    people = everyone()
    assert quorum(people, "more_than_half").reached  # 3 of 5 (one by proxy)
    assert not quorum(people, "two_thirds").reached  # 4 needed
    assert quorum(people, "none").reached
    people[4] = {**people[4], "attendance": "present"}
    two_thirds = quorum(people, "two_thirds")
    assert (two_thirds.members, two_thirds.counted, two_thirds.required) == (5, 4, 4)
    assert two_thirds.reached
