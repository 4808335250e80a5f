"""Site tiles: counts per site from the snapshot, the speaker's site lit up, raised hands,
and link quality from ``site.status`` polled over a real Socket.IO connection (scripted
server), only while the tiles are visible and only for the chair and secretaries."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from meeting_app.net import Connection
from meeting_app.state.store import MeetingStore
from meeting_app.ui.sites.link import OwnLinkIndicator, SiteStatusPoller
from meeting_app.ui.sites.tiles import SitesView
from tests.client.conftest import FakeServer, Recorder
from tests.support import meeting_data as md

WAIT = 15_000
OpenConnection = Callable[..., tuple[Connection, Recorder]]


class Tiles:
    """A sites view on a store loaded with the demo snapshot, polling the scripted server."""

    def __init__(self, qtbot: Any, fake_server: FakeServer, open_connection: OpenConnection,
                 user_id: int = 1, role: str = "chair") -> None:
        self.server = fake_server
        fake_server.command_answers["site.status"] = lambda _p: {"ok": True,
                                                                 "data": self.answer}
        self.answer = md.site_status()
        self.conn, _rec = open_connection(fake_server.url, "good")
        qtbot.waitUntil(lambda: self.conn.status == "connected", timeout=WAIT)
        self.store = MeetingStore()
        self.store.load(1, md.meeting_snapshot(user_id, role))
        self.poller = SiteStatusPoller(self.store, self.conn, interval_ms=200)
        self.view = SitesView(self.store, self.poller)
        qtbot.addWidget(self.view)
        self.view.resize(700, 600)

    def polls(self) -> int:
        return len(self.server.sent("site.status"))

    def tile(self, site_id: int) -> Any:
        tile = self.view.tile(site_id)
        assert tile is not None
        return tile


@pytest.fixture
def tiles(qtbot: Any, fake_server: FakeServer, open_connection: OpenConnection
          ) -> Callable[..., Tiles]:
    return lambda **kw: Tiles(qtbot, fake_server, open_connection, **kw)


def test_tiles_count_each_sites_members_and_connections(tiles: Any) -> None:
    t = tiles()
    assert [tile.name.text() for tile in t.view.tiles] == [s["name"] for s in md.SITES]
    assert t.tile(md.CENTRAL).central_badge.isVisibleTo(t.view)
    assert not t.tile(md.HCM).central_badge.isVisibleTo(t.view)
    # Hà Nội: chair, Lê Quang Đức present, Đỗ Trọng Nghĩa by proxy, Vũ Thị Thu Hằng excused.
    shown = {site: t.tile(site).figures.values for site in (md.CENTRAL, md.HCM, md.DANANG)}
    assert shown == {md.CENTRAL: ("3/4", "4/6"), md.HCM: ("2/4", "4/5"), md.DANANG: ("1/3", "3/4")}
    assert "3/4" in t.tile(md.CENTRAL).figures.text() and "4/6" in t.tile(md.CENTRAL).figures.text()
    assert "1 represented" in t.tile(md.CENTRAL).figures.toolTip()


def test_the_speakers_site_lights_up_and_hands_are_listed(tiles: Any) -> None:
    t = tiles()
    assert t.tile(md.HCM).state == "speaking"
    assert t.tile(md.HCM).speaker.text() == "Speaking: Phạm Thị Hồng Nhung"
    assert t.tile(md.CENTRAL).speaking.isHidden() and t.tile(md.CENTRAL).state != "speaking"
    assert t.tile(md.DANANG).hands.text() == "2 raised hands: Hoàng Minh Tuấn, Dương Văn Khải"
    assert t.tile(md.CENTRAL).hands.text() == "1 raised hand: Lê Quang Đức"
    assert t.tile(md.HCM).hands.text() == "No raised hands"

    # The chair gives the floor to Hoàng Minh Tuấn (Đà Nẵng): the light moves there.
    current = {"request_id": 1, "user_id": 6, "site_id": md.DANANG, "kind": "speak",
               "agenda_item_id": 2, "started_at": "2026-12-15T01:06:00+00:00",
               "limit_seconds": None, "ends_at": None}
    t.store.apply({"meeting_id": 1, "seq": 2, "type": "speaker.floor_changed", "at": "",
                   "data": {"current": current, "speech": None}})
    t.store.apply({"meeting_id": 1, "seq": 3, "type": "speaker.queue_changed", "at": "",
                   "data": {"queue": t.store.speakers["queue"][1:]}})
    assert t.tile(md.DANANG).state == "speaking" and t.tile(md.HCM).state != "speaking"
    assert t.tile(md.DANANG).speaker.text() == "Speaking: Hoàng Minh Tuấn"
    assert t.tile(md.DANANG).hands.text() == "1 raised hand: Dương Văn Khải"


def test_the_chair_sees_a_lost_site_within_a_poll(tiles: Any, qtbot: Any) -> None:
    t = tiles()
    assert t.polls() == 0  # nothing asked while nobody looks
    t.view.show()
    qtbot.waitUntil(lambda: t.tile(md.DANANG).link_badge.link == "lost", timeout=WAIT)
    danang = t.tile(md.DANANG)
    assert danang.state == "lost" and danang.last_seen.text() == "last seen 14 s ago"
    assert danang.link_badge.text() == "● Lost"
    assert t.tile(md.HCM).link_badge.text() == "● Poor · 460 ms"
    assert t.tile(md.CENTRAL).link_badge.text() == "● Good · 38 ms"
    assert t.tile(md.HCM).state == "speaking"  # the speaker's light wins over a slow link
    assert "1 link(s) lost" in t.view.summary.text()
    assert t.server.sent("site.status")[0] == {"meeting_id": 1}

    # Đà Nẵng's link comes back: the next poll shows it.
    t.answer = {**md.site_status(), "sites": [
        {**s, "link": "ok", "last_seen": md.site_status()["server_time"]}
        for s in md.site_status()["sites"]]}
    qtbot.waitUntil(lambda: t.tile(md.DANANG).state == "normal", timeout=WAIT)
    assert t.tile(md.DANANG).last_seen.isHidden()

    # Hidden: polling stops and the measures are dropped.
    t.view.hide()
    assert not t.poller.running and t.poller.links == {}
    assert t.tile(md.DANANG).link_badge.link is None


def test_polls_repeat_while_visible(tiles: Any, qtbot: Any) -> None:
    t = tiles(user_id=2, role="secretary")
    t.view.show()
    qtbot.waitUntil(lambda: t.polls() >= 3, timeout=WAIT)
    assert t.poller.running


def test_a_delegate_sees_no_link_and_never_polls(tiles: Any, qtbot: Any) -> None:
    t = tiles(user_id=8, role="delegate")
    t.view.show()
    assert not t.poller.running
    assert all(tile.link_badge.isHidden() for tile in t.view.tiles)
    assert t.tile(md.HCM).state == "speaking"  # everyone sees who speaks
    qtbot.wait(500)  # a window for polls that must not happen
    assert t.polls() == 0


def test_my_own_link_in_the_status_bar(qtbot: Any, fake_server: FakeServer,
                                       open_connection: OpenConnection) -> None:
    fake_server.join_answers = [{"seq": 1, "snapshot": md.meeting_snapshot()}]
    conn, _rec = open_connection(fake_server.url, "good", heartbeat_interval=0.1)
    indicator = OwnLinkIndicator(conn)
    qtbot.addWidget(indicator)
    assert indicator.text() == "Link: —"
    conn.join_meeting(1)
    qtbot.waitUntil(lambda: indicator.text().startswith("Link: good"), timeout=WAIT)
    assert indicator.text().endswith(" ms")
    indicator.show_rtt(650)
    assert indicator.text() == "Link: slow · 650 ms"
