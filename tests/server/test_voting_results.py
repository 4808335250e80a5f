"""The tally and the majority rules as pure functions."""

from __future__ import annotations

import pytest

from server.domain.voting.results import Ballot, QuorumCheck, tally, threshold

OPTIONS = [{"id": 1, "text": "Tán thành", "comment": False},
           {"id": 2, "text": "Không tán thành", "comment": False},
           {"id": 3, "text": "Ý kiến khác", "comment": True}]


@pytest.mark.parametrize(("rule", "cast", "members", "needed"), [
    ("simple", 10, 99, 6), ("simple", 9, 99, 5), ("simple", 0, 5, 1),
    ("absolute", 3, 10, 6), ("absolute", 3, 9, 5),
    ("two_thirds", 3, 9, 6), ("two_thirds", 3, 10, 7), ("two_thirds", 3, 3, 2),
])
def test_thresholds(rule: str, cast: int, members: int, needed: int) -> None:
    assert threshold(rule, cast, members) == needed


def test_unknown_rule() -> None:
    with pytest.raises(ValueError):
        threshold("most", 1, 1)


def result(ballots: list[Ballot], rule: str = "simple", members: int = 10, quorum: int | None = None,
           secret: bool = True) -> dict[str, object]:
    return tally(OPTIONS, ballots, rule=rule, quorum=quorum, members=members, members_weight=members,
                 eligible=members, secret=secret)


def test_counts_are_weights_and_receipts_sorted() -> None:
    ballots = [Ballot((1,), 3, "ff"), Ballot((2,), 1, "aa"), Ballot((3,), 1, "cc", "Ý kiến", 7)]
    out = result(ballots)
    assert out["counts"] == {"1": 3, "2": 1, "3": 1}
    assert out["weight_cast"] == 5 and out["threshold"] == 3 and out["passed"] is True
    assert out["receipts"] == ["aa", "cc", "ff"]
    assert out["comments"] == [{"option_id": 3, "text": "Ý kiến"}]
    assert out["votes"] == []
    named = result(ballots, secret=False)
    assert named["votes"][-1] == {"user_id": 7, "option_ids": [3], "comment": "Ý kiến"}  # type: ignore[index]


def test_abstentions_count_in_the_weight_cast() -> None:
    out = result([Ballot((1,), 1, "a"), Ballot((), 1, "b"), Ballot((), 1, "c")])
    assert out["weight_cast"] == 3 and out["passed"] is False


def test_no_ballots_never_passes() -> None:
    assert result([], rule="two_thirds", members=0)["passed"] is False


def test_quorum_of_ballots() -> None:
    assert result([Ballot((1,), 1, "a")], quorum=2)["passed"] is False
    assert result([Ballot((1,), 1, "a"), Ballot((1,), 1, "b")], quorum=2)["passed"] is True


def test_more_than_half_of_those_present() -> None:
    assert threshold("present", 2, 9, 5) == 3
    two_of_five = tally(OPTIONS, [Ballot((1,), 1, "a"), Ballot((1,), 1, "b")], rule="present", quorum=None,
                        members=9, members_weight=9, eligible=5, secret=True, present_weight=5)
    assert two_of_five["passed"] is False and two_of_five["reason"] == "below_threshold"


def test_the_meetings_quorum_makes_a_winning_ballot_not_passed() -> None:
    out = tally(OPTIONS, [Ballot((1,), 1, "a")], rule="simple", quorum=None, members=9, members_weight=9,
                eligible=1, secret=True, quorum_check=QuorumCheck("more_than_half", 5, 1))
    assert out["counts"]["1"] == 1 and out["threshold"] == 1
    assert (out["quorum_reached"], out["passed"], out["reason"]) == (False, False, "no_quorum")
    assert (out["quorum_rule"], out["quorum_required"], out["quorum_counted"]) == ("more_than_half", 5, 1)
