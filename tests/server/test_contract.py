"""The server's answers, events and snapshots match their protocol models.

Every test of the server already checks each answer and event it sends (the autouse
fixture in tests/conftest.py); this one walks a meeting through its life and checks, as
each participant receives them, the snapshot and every logged event, and parses the typed
answers the client will use.
"""

from __future__ import annotations

from protocol import commands as c
from protocol.answers.floor import SpeakerRequestAnswer
from protocol.answers.meetings import MeetingJoinAnswer
from protocol.answers.polls import PollCloseAnswer
from protocol.conformance import event_problems
from protocol.snapshot import Snapshot
from protocol.statuses import MeetingStatus, PollStatus, SpeakerKind
from tests.server import voting
from tests.server.world import MEETING_ROLES, World


def test_a_meeting_s_life_matches_the_models(world: World) -> None:
    main = world.main
    secret_doc = world.uploaded("secretary", "Mật", access=[world.users["chair"]])
    world.uploaded("secretary", "Công khai")
    voting.live(world)
    world.ok("chair", "agenda.set_current", {"meeting_id": main, "item_id": world.meeting.items[1]})
    assert c.SpeakerRequestCreate.answer is SpeakerRequestAnswer
    request = SpeakerRequestAnswer.model_validate(
        world.ok("delegate", "speaker.request", {"meeting_id": main, "kind": "question"})).request
    assert request.kind is SpeakerKind.QUESTION
    world.ok("chair", "speaker.grant", {"meeting_id": main, "speaker_request_id": request.id, "seconds": 60})
    world.ok("chair", "presenter.set_page", {"meeting_id": main, "document_id": secret_doc["id"], "page": 2})
    poll = voting.opened(world)
    voting.vote(world, "delegate", poll["id"], [poll["options"][0]["id"]])
    closed = c.PollClose.parse_answer(world.ok("chair", "poll.close", {"poll_id": poll["id"]}))
    assert isinstance(closed, PollCloseAnswer) and closed.result.ballots == 1
    world.ok("secretary", "conclusion.set", {"meeting_id": main, "agenda_item_id": world.meeting.items[1],
                                             "text": "Thống nhất", "decision": "Thông qua"})
    world.ok("secretary", "action.save",
             {"meeting_id": main, "action": {"title": "Báo cáo", "due": "2027-01-31"}})

    for user in (*MEETING_ROLES, "admin"):
        snapshot = Snapshot.model_validate(world.snapshot(user))
        assert snapshot.meeting.status is MeetingStatus.LIVE
        assert [p.status for p in snapshot.polls] == [PollStatus.CLOSED]
        for event in world.events_for(user):
            assert event_problems(event["type"], event["data"]) == [], event
    joined = MeetingJoinAnswer.model_validate(world.ok("delegate", "meeting.join", {"meeting_id": main}))
    assert joined.snapshot is not None and joined.snapshot.you.user_id == world.users["delegate"]
    replayed = MeetingJoinAnswer.model_validate(
        world.ok("delegate", "meeting.join", {"meeting_id": main, "since_seq": 0}))
    assert replayed.events and replayed.snapshot is None
