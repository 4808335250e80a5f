"""Fuzzing every command through the server's real pipeline (tests/server/fuzz_payloads.py).

For every command, payloads of the right shape, with one thing wrong, and not objects at
all, sent by users of every kind: every answer is a well-formed envelope (``ok`` with
data, or an error with a known code and a message), never ``internal`` (a refusal the
server did not mean), no exception escapes, and the event log stays consistent (no gap, no
seq used twice, ``last_seq`` is the last event's).

Examples per command on SQLite: ``MEETING_FUZZ_EXAMPLES`` (200 by default; CI sets 1,000 and
then the examples are derandomized, so a CI failure replays exactly); on PostgreSQL a tenth.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from protocol.commands import COMMANDS
from server.persistence.models import Event, Meeting
from tests.server.fuzz_payloads import assert_well_formed, materialize, payloads
from tests.server.world import World

EXAMPLES = int(os.environ.get("MEETING_FUZZ_EXAMPLES", "200"))
IN_CI = "MEETING_FUZZ_EXAMPLES" in os.environ
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=IN_CI,
                # One World per command (building one per example would cost more than the
                # examples); an example may leave the world changed, as a real client would.
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large, HealthCheck.filter_too_much])
SENDERS = ["admin", "organizer", "chair", "secretary", "delegate", "observer", "outsider"]


def assert_log_consistent(world: World) -> None:
    """Every meeting's events are numbered 1..last_seq, each once."""
    with world.db.read() as session:
        meetings = session.execute(select(Meeting.id, Meeting.last_seq)).all()
        for meeting_id, last_seq in meetings:
            count, low, high = session.execute(
                select(func.count(), func.min(Event.seq), func.max(Event.seq)).where(
                    Event.meeting_id == meeting_id)).one()
            assert count == (high or 0) == last_seq and (low or 1) == 1, \
                f"meeting {meeting_id}: {count} events, seq {low}..{high}, last_seq {last_seq}"


@pytest.mark.timeout(900)  # 1,000 examples of a slow command (minutes.publish renders)
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_fuzz_command(world: World, command: str) -> None:
    sids = {sender: world.connect(sender) for sender in SENDERS}
    for sender in SENDERS:  # joined, so that presence.heartbeat gets past its first check
        world.run(sender, "meeting.join", {"meeting_id": world.main}, sid=sids[sender])

    # The examples' count on SQLite; PostgreSQL gets a tenth (the code paths are the same,
    # only the database's refusals differ: NUL, integer ranges), so CI stays within minutes.
    examples = EXAMPLES if world.db.is_sqlite else max(40, EXAMPLES // 10)

    @settings(FUZZ, max_examples=examples)
    @given(sender=st.sampled_from(SENDERS), payload=payloads(command))
    def answers_well(sender: str, payload: Any) -> None:
        envelope = world.run(sender, command, materialize(payload), sid=sids[sender])
        assert_well_formed(envelope, f"{sender} {command} {str(payload)[:300]}")

    answers_well()
    assert_log_consistent(world)
