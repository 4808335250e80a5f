"""``GET /api/meetings/{id}/attendance.csv``: the attendance list for the minutes (Excel).

UTF-8 with a byte-order mark (so that Excel reads Vietnamese names right), one line per
participant by site, then the counts per site and in total, and the quorum; counted with
``protocol.attendance`` like every client does.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from aiohttp import web

from protocol import attendance
from protocol.roles import MeetingRole
from server.domain import views
from server.domain.context import CommandContext
from server.domain.permissions import access, resolve
from server.persistence.models import Meeting
from server.transport.documents_http import authenticate
from server.transport.http import SERVICES, path_id

READERS = access(MeetingRole.CHAIR, MeetingRole.SECRETARY)
COLUMNS = ["site", "full name", "username", "role", "attendance", "reason", "represented by"]
COUNT_COLUMNS = ["site", "participants", "online", "members", "present", "represented", "counted",
                 "absent", "excused", "unknown"]


def _counts_row(name: str, counts: attendance.Counts) -> list[Any]:
    return [name, counts.participants, counts.online, counts.members, counts.present, counts.represented,
            counts.counted, counts.absent, counts.excused, counts.unknown]


def attendance_csv(meeting: Meeting, sites: list[dict[str, Any]], people: list[dict[str, Any]]) -> str:
    """The CSV text (without the byte-order mark)."""
    site_names: dict[int | None, str] = {s["id"]: s["name"] for s in sites}
    site_names[None] = ""
    by_id = {p["user_id"]: p for p in people}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for person in people:
        proxy = by_id.get(person["proxy_id"] or 0)
        writer.writerow([site_names.get(person["site_id"], ""), person["full_name"], person["username"],
                         person["role"], person["attendance"], person["attendance_reason"] or "",
                         proxy["full_name"] if proxy else ""])
    writer.writerow([])
    writer.writerow(COUNT_COLUMNS)
    per_site = attendance.by_site(people)
    for site in sites:
        writer.writerow(_counts_row(site["name"], per_site.get(site["id"], attendance.Counts())))
    if None in per_site:
        writer.writerow(_counts_row("(no site)", per_site[None]))
    writer.writerow(_counts_row("total", attendance.count(people, people)))
    writer.writerow([])
    quorum = attendance.quorum(people, meeting.quorum_rule)
    writer.writerow(["quorum rule", "members", "required", "counted", "reached"])
    writer.writerow([quorum.rule, quorum.members, quorum.required, quorum.counted,
                     "yes" if quorum.reached else "no"])
    return out.getvalue()


async def attendance_export(request: web.Request) -> web.Response:
    """The chair, a secretary or an admin downloads the attendance list."""
    services = request.app[SERVICES]
    actor = await authenticate(services, request)
    meeting_id = path_id(request, "meeting_id")

    def build() -> str:
        with services.db.read() as session:
            ctx = CommandContext(session, actor)
            resolve(ctx, READERS, meeting_id)
            meeting = ctx.require_meeting()
            return attendance_csv(meeting, views.sites(session, meeting.id),
                                  views.participants(session, meeting.id))

    text = await services.in_heavy_thread(build)  # a heavy read: its own threads
    return web.Response(body=("\ufeff" + text).encode("utf-8"), headers={
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": f'attachment; filename="attendance-meeting-{meeting_id}.csv"',
        "Cache-Control": "no-store"})


def register(app: web.Application) -> None:
    """Add the attendance export route."""
    app.router.add_get(r"/api/meetings/{meeting_id:\d+}/attendance.csv", attendance_export)
