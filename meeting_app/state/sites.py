"""What each site (điểm cầu) looks like right now, and who may manage which site.

Pure reading of the store's snapshot (and of a ``site.status`` answer): attendance counts
by site (``protocol.attendance``), who speaks there, whose hand is up there, and the link
the server measures from the site's heartbeats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from meeting_app.state.clock import parse_time
from meeting_app.state.store import MeetingStore
from protocol.attendance import Counts, by_site
from protocol.capabilities import Capability
from protocol.roles import MeetingRole
from protocol.statuses import LinkQuality

POOR_RTT_MS = 400
"""From this round trip on a link counts as poor (the server's threshold too)."""
MANAGERS = (MeetingRole.CHAIR, MeetingRole.SECRETARY)


@dataclass(frozen=True)
class SiteLink:
    """One site's link as the server measured it (an item of ``site.status``)."""

    site_id: int
    link: str
    """``ok``, ``poor``, ``lost`` or ``offline``."""
    connections: int = 0
    online_users: int = 0
    rtt_ms: int | None = None
    silent_seconds: float | None = None
    """Seconds since the site's last heartbeat, by the server's clock (None: never)."""


def parse_site_status(data: dict[str, Any]) -> dict[int, SiteLink]:
    """The links of a ``site.status`` answer, by site id (malformed items are skipped)."""
    now = _time(data.get("server_time"))
    links: dict[int, SiteLink] = {}
    for item in data.get("sites") or []:
        if not isinstance(item, dict) or not isinstance(item.get("site_id"), int):
            continue
        seen = _time(item.get("last_seen"))
        rtt = item.get("rtt_ms")
        links[item["site_id"]] = SiteLink(
            site_id=item["site_id"], link=str(item.get("link") or LinkQuality.OFFLINE),
            connections=int(item.get("connections") or 0),
            online_users=int(item.get("online_users") or 0),
            rtt_ms=rtt if isinstance(rtt, int) else None,
            silent_seconds=max(0.0, (now - seen).total_seconds()) if now and seen else None)
    return links


def _time(value: Any) -> datetime | None:
    try:
        return parse_time(value) if isinstance(value, str) else None
    except ValueError:
        return None


@dataclass(frozen=True)
class SiteSummary:
    """Everything a site's tile shows, except the link."""

    site_id: int | None
    name: str
    central: bool
    counts: Counts
    speaker: str | None = None
    """The name of the participant holding the floor from this site, or None."""
    hands: list[str] = field(default_factory=list)
    """Names of this site's pending speak requests and questions, in queue order."""


def site_summaries(store: MeetingStore, no_site_name: str = "No site") -> list[SiteSummary]:
    """One summary per site of the meeting, in order (and one for participants at none)."""
    people = store.participants
    counts = by_site(people)
    names = {p["user_id"]: p["full_name"] for p in people}
    speakers = store.speakers
    current = speakers.get("current") or None
    queue = speakers.get("queue") or []
    sites: list[tuple[int | None, str, bool]] = [
        (s["id"], s["name"], bool(s.get("is_central"))) for s in store.sites]
    if None in counts:
        sites.append((None, no_site_name, False))
    summaries = []
    for site_id, name, central in sites:
        speaker = None
        if current is not None and current.get("site_id") == site_id:
            speaker = names.get(current.get("user_id"), "?")
        hands = [names.get(r.get("user_id"), "?") for r in queue if r.get("site_id") == site_id]
        summaries.append(SiteSummary(site_id, name, central, counts.get(site_id, Counts()),
                                     speaker, hands))
    return summaries


def central_site_id(store: MeetingStore) -> int | None:
    """The id of the central site (the first one), or None."""
    return next((s["id"] for s in store.sites if s.get("is_central")), None)


def managed_sites(store: MeetingStore) -> set[int | None] | None:
    """The sites whose attendance I may record: None for all of them (the chair, an admin,
    a secretary at the central site or at none), a set with my site for a site secretary,
    and an empty set when I manage nothing. Read from what the server sends (``can`` and
    ``managed_site_id``), which applies the same rule to my commands."""
    if not store.can(Capability.RECORD_ATTENDANCE):
        return set()
    site = store.managed_site_id
    return None if site is None else {site}


def may_manage(store: MeetingStore, site_id: int | None) -> bool:
    """Whether I may record attendance for participants of ``site_id``."""
    managed = managed_sites(store)
    return managed is None or site_id in managed
