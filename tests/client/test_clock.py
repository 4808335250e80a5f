"""The server clock: countdowns agree across sites whatever each machine's own clock says."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from meeting_app.state.clock import ServerClock, parse_time


def test_without_samples_the_local_clock_is_used() -> None:
    clock = ServerClock()
    assert clock.offset == 0.0
    assert abs((clock.now() - datetime.now(UTC)).total_seconds()) < 1


def test_the_offset_corrects_a_client_clock_that_is_off() -> None:
    clock = ServerClock()
    local = datetime(2026, 11, 21, 9, 0, 0, tzinfo=UTC)
    clock.observe("2026-11-21T09:01:30.000Z", rtt_seconds=0.2, received_at=local)
    assert abs(clock.offset - 90.1) < 1e-6


def test_the_sample_with_the_shortest_round_trip_wins() -> None:
    clock = ServerClock()
    local = datetime(2026, 11, 21, 9, 0, 0, tzinfo=UTC)
    clock.observe("2026-11-21T09:00:10.000Z", rtt_seconds=2.0, received_at=local)   # slow: 11 s
    clock.observe("2026-11-21T09:00:05.000Z", rtt_seconds=0.02, received_at=local)  # fast: 5.01 s
    assert abs(clock.offset - 5.01) < 1e-6


def test_seconds_until_counts_down_in_server_time() -> None:
    clock = ServerClock()
    server_now = datetime.now(UTC) + timedelta(minutes=5)  # this machine is 5 minutes late
    clock.observe(server_now.isoformat())
    ends_at = (server_now + timedelta(seconds=60)).isoformat()
    assert 58 < clock.seconds_until(ends_at) <= 60
    assert parse_time("2026-11-21T09:00:00Z").tzinfo is not None
