"""The store's polls: ``polls_changed`` fires when (and only when) the polls changed, and
the helpers say which poll is open, whom I may vote for (myself, members I hold the proxy
of) and who has voted, as the reducer-applied events leave them."""

from __future__ import annotations

from typing import Any

from meeting_app.state.polls import eligible_count, turnout_by_site
from meeting_app.state.store import MeetingStore
from tests.client.votes_data import (
    ABSENT,
    DELEGATE_B,
    ME,
    OBSERVER,
    SECRETARY,
    event,
    opened,
    poll,
    result,
    snapshot,
)


class Count:
    def __init__(self, store: MeetingStore) -> None:
        self.n = 0
        store.polls_changed.connect(self.bump)

    def bump(self) -> None:
        self.n += 1


def loaded(role: str = "delegate", me: int = ME, polls: list[dict[str, Any]] | None = None
           ) -> MeetingStore:
    store = MeetingStore()
    store.load(3, snapshot(role, me, polls))
    return store


def test_polls_changed_fires_for_poll_events_only(qtbot: Any) -> None:
    store = MeetingStore()
    seen = Count(store)
    store.load(3, snapshot(polls=[poll(1, "Thông qua chương trình hội nghị?")]))
    assert seen.n == 1 and [p["id"] for p in store.polls] == [1]
    store.apply(event(4, "agenda.current_changed", {"item_id": 10, "started_at": "2026-11-21T09:00:00Z"}))
    store.apply(event(5, "presence.changed", {"user_id": DELEGATE_B, "online": False}))
    assert seen.n == 1  # the polls are the same object: nothing to repaint
    store.apply(event(6, "poll.changed", {"poll": poll(2, "Thông qua Kế hoạch năm 2027?")}))
    assert seen.n == 2 and store.poll_by_id(2)["question"] == "Thông qua Kế hoạch năm 2027?"
    store.apply(event(7, "poll.removed", {"poll_id": 1}))
    assert seen.n == 3 and store.poll_by_id(1) is None
    store.apply(event(7, "poll.removed", {"poll_id": 2}))  # a repeat of seq 7: ignored
    assert seen.n == 3 and store.poll_by_id(2) is not None


def test_the_open_poll_turnout_and_who_voted(qtbot: Any) -> None:
    store = loaded(polls=[poll(1, "Thông qua chương trình?", "closed"), poll(2, "Thông qua Kế hoạch?")])
    assert store.open_poll is None
    seen = Count(store)
    store.apply(event(4, "poll.changed", {"poll": opened(poll(2, "Thông qua Kế hoạch?"))}))
    assert store.open_poll is not None and store.open_poll["id"] == 2
    assert not store.has_voted(store.open_poll)
    store.apply(event(5, "poll.progress", {"poll_id": 2, "user_id": DELEGATE_B, "ballots": 1,
                                           "by_site": {"2": 1}}))
    current = store.poll_by_id(2)
    assert seen.n == 2 and current["ballots"] == 1 and current["voted"] == [DELEGATE_B]
    assert store.has_voted(current, DELEGATE_B) and not store.has_voted(current)
    # Members present or represented: me, delegate B, the absent member I represent, the chair.
    assert eligible_count(current, store.participants) == 4
    assert turnout_by_site(current, store.participants, store.sites) == [
        ("Hội trường Bộ (Hà Nội)", 0, 2), ("Điểm cầu TP. Hồ Chí Minh", 1, 2)]
    store.apply(event(6, "poll.progress", {"poll_id": 2, "user_id": ME, "ballots": 2,
                                           "by_site": {"1": 1, "2": 1}}))
    assert store.has_voted(store.poll_by_id(2))
    closed = result({"1": 2, "2": 0, "3": 0}, True, threshold=2)
    store.apply(event(7, "poll.closed", {"poll_id": 2, "result": closed,
                                         "closed_at": "2026-11-21T09:40:00Z"}))
    assert store.open_poll is None and store.poll_by_id(2)["result"]["passed"] is True
    assert seen.n == 4


def test_a_proxy_votes_for_the_members_they_represent(qtbot: Any) -> None:
    store = loaded(polls=[opened(poll(2, "Thông qua Kế hoạch?"))])
    vote = store.poll_by_id(2)
    assert [p["user_id"] for p in store.may_vote_as(vote)] == [ME, ABSENT]
    assert [p["user_id"] for p in store.still_to_vote(vote)] == [ME, ABSENT]
    store.apply(event(4, "poll.progress", {"poll_id": 2, "user_id": ABSENT, "ballots": 1,
                                           "by_site": {"2": 1}}))
    assert [p["user_id"] for p in store.still_to_vote(store.poll_by_id(2))] == [ME]
    # The represented member arrives in person: they vote for themselves from now on.
    store.apply(event(5, "attendance.changed", {"user_id": ABSENT, "attendance": "present",
                                                "reason": None}))
    assert [p["user_id"] for p in store.may_vote_as(store.poll_by_id(2))] == [ME]


def test_observers_secretaries_and_absent_members_have_no_ballot(qtbot: Any) -> None:
    polls = [opened(poll(2, "Thông qua Kế hoạch?"))]
    for role, me in (("observer", OBSERVER), ("secretary", SECRETARY)):
        store = loaded(role, me, polls)
        assert store.may_vote_as(store.poll_by_id(2)) == []
    store = loaded("delegate", ME, polls)
    store.apply(event(4, "attendance.changed", {"user_id": ME, "attendance": "absent", "reason": None}))
    assert store.may_vote_as(store.poll_by_id(2)) == []


def test_written_polls_ask_the_members_named(qtbot: Any) -> None:
    written = opened(poll(3, "Góp ý dự thảo Quy chế làm việc", kind="written",
                          voter_ids=[ME, DELEGATE_B]), seconds=3 * 86_400)
    store = loaded(polls=[written])
    assert [p["user_id"] for p in store.may_vote_as(store.poll_by_id(3))] == [ME]
    assert eligible_count(store.poll_by_id(3), store.participants) == 2
    other = loaded("delegate", ABSENT, [written])
    assert other.may_vote_as(other.poll_by_id(3)) == []
