"""Link status per site (tình trạng đường truyền): from each joined connection's last
heartbeat and measured round trip, as flushed to the ``connections`` table.

Computed from the database, so it covers the sockets of every server process.
"""

from __future__ import annotations

import statistics
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, select

from protocol import commands as c
from server.domain import views
from server.domain.context import CommandContext, Outcome
from server.domain.handlers import handles
from server.persistence.event_log import iso
from server.persistence.models import Connection, Participant, utcnow

LOST_AFTER = timedelta(seconds=6)
"""A site none of whose connections was heard from for this long has lost its link."""
POOR_RTT_MS = 400
"""A site whose median round trip is this long or longer has a poor link."""


def _link(connections: list[tuple[datetime, datetime | None, int | None]], now: datetime
          ) -> dict[str, Any]:
    """The link figures of one site's connections: (connected_at, last_seen_at, rtt_ms)."""
    if not connections:
        return {"connections": 0, "rtt_ms": None, "last_seen": None, "link": "offline"}
    # A socket that just joined counts as heard from when it connected.
    heard = [max(connected, seen or connected) for connected, seen, _rtt in connections]
    fresh = [rtt for (_c, _s, rtt), at in zip(connections, heard, strict=True)
             if rtt is not None and now - at <= LOST_AFTER]
    rtt = round(statistics.median(fresh)) if fresh else None
    seen = [s for _c, s, _r in connections if s is not None]
    if now - max(heard) > LOST_AFTER:
        link = "lost"
    elif rtt is not None and rtt >= POOR_RTT_MS:
        link = "poor"
    else:
        link = "ok"
    return {"connections": len(connections), "rtt_ms": rtt, "last_seen": iso(max(seen)) if seen else None,
            "link": link}


@handles(c.SiteStatus, reads=True)
def site_status(ctx: CommandContext, _p: c.MeetingPayload) -> Outcome:
    """Every site's link: ``offline`` (no connection), ``lost`` (no heartbeat for
    LOST_AFTER), ``poor`` (median round trip at least POOR_RTT_MS) or ``ok``."""
    meeting = ctx.require_meeting()
    now = utcnow()
    rows = ctx.session.execute(
        select(Participant.site_id, Connection.user_id, Connection.connected_at, Connection.last_seen_at,
               Connection.rtt_ms)
        .join(Participant, and_(Participant.meeting_id == Connection.meeting_id,
                                Participant.user_id == Connection.user_id))
        .where(Connection.meeting_id == meeting.id))
    by_site: dict[int | None, list[tuple[datetime, datetime | None, int | None]]] = {}
    users: dict[int | None, set[int]] = {}
    for site_id, user_id, connected_at, last_seen_at, rtt_ms in rows:
        by_site.setdefault(site_id, []).append((connected_at, last_seen_at, rtt_ms))
        users.setdefault(site_id, set()).add(user_id)
    sites = [{"site_id": site["id"], "online_users": len(users.get(site["id"], ())),
              **_link(by_site.get(site["id"], []), now)}
             for site in views.sites(ctx.session, meeting.id)]
    return Outcome({"server_time": iso(now), "sites": sites})
