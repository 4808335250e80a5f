"""HTTP routes of the audit trail (read only: no route changes or deletes an entry).

- ``GET /api/audit``: a page of entries, newest first (admins);
- ``GET /api/audit/verify``: the chain checked now (admins);
- ``GET /api/audit.csv``: the entries as CSV (admins; the chair or a secretary of a
  meeting for that meeting's entries, with ``meeting_id``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from aiohttp import web

from protocol.errors import forbidden, invalid
from protocol.roles import MeetingRole
from server.domain import audit_log
from server.domain.context import Actor, CommandContext
from server.domain.permissions import access, resolve
from server.persistence.audit_anchor import read_anchors
from server.persistence.audit_verify import verify_chain
from server.transport.documents_http import authenticate
from server.transport.http import SERVICES, query_number

MEETING_EXPORTERS = access(MeetingRole.CHAIR, MeetingRole.SECRETARY)


def _int(request: web.Request, name: str) -> int | None:
    return query_number(request, name)


def _filter(request: web.Request) -> audit_log.AuditFilter:
    since_text = request.query.get("since")
    since = None
    if since_text:
        try:
            since = datetime.fromisoformat(since_text)
        except ValueError as error:
            raise invalid("since: an ISO 8601 time") from error
        since = since.replace(tzinfo=UTC) if since.tzinfo is None else since
    action = request.query.get("action") or None
    if action is not None and len(action) > 64:
        raise invalid("action: at most 64 characters")
    return audit_log.AuditFilter(meeting_id=_int(request, "meeting_id"), action=action,
                                 user_id=_int(request, "user_id"), since=since)


def _require_admin(actor: Actor) -> None:
    if not actor.is_admin:
        raise forbidden("Only an administrator may read the audit log")


async def audit_page(request: web.Request) -> web.Response:
    """``GET /api/audit?meeting_id=&action=&user_id=&since=&before_seq=&limit=``."""
    services = request.app[SERVICES]
    actor = await authenticate(services, request)
    _require_admin(actor)
    flt = _filter(request)
    before_seq = _int(request, "before_seq")
    limit = _int(request, "limit") or 100

    def read() -> dict[str, Any]:
        with services.db.read() as session:
            answer = audit_log.page(session, flt, before_seq, limit)
            answer["actions"] = audit_log.actions(session)
            answer["actors"] = audit_log.actors(session)
            return answer

    return web.json_response(await services.in_thread(read), headers={"Cache-Control": "no-store"})


async def audit_verify(request: web.Request) -> web.Response:
    """``GET /api/audit/verify``: ``{"ok", "entries", "verified_seq", "head_hash", "broken_seq",
    "reason"}``."""
    services = request.app[SERVICES]
    _require_admin(await authenticate(services, request))

    def check() -> dict[str, object]:
        anchors = read_anchors(services.settings.anchor_root)
        with services.db.read() as session:
            return verify_chain(session, anchors=anchors).as_dict()

    return web.json_response(await services.in_heavy_thread(check), headers={"Cache-Control": "no-store"})


async def audit_csv(request: web.Request) -> web.Response:
    """``GET /api/audit.csv``: the filtered entries in chain order, UTF-8 with a BOM (Excel)."""
    services = request.app[SERVICES]
    actor = await authenticate(services, request)
    flt = _filter(request)

    def build() -> str:
        with services.db.read() as session:
            if not actor.is_admin:
                if flt.meeting_id is None:
                    raise forbidden("Only an administrator may export the whole audit log; "
                                    "give meeting_id for one meeting's entries")
                resolve(CommandContext(session, actor), MEETING_EXPORTERS, flt.meeting_id)
            parts = [audit_log.csv_header()]
            batch: list[dict[str, Any]] = []
            for entry in audit_log.iter_entries(session, flt):
                batch.append(entry)
                if len(batch) >= 500:
                    parts.append(audit_log.csv_lines(batch))
                    batch = []
            parts.append(audit_log.csv_lines(batch))
            return "".join(parts)

    body = ("\ufeff" + await services.in_heavy_thread(build)).encode("utf-8")
    name = f"audit-meeting-{flt.meeting_id}.csv" if flt.meeting_id is not None else "audit.csv"
    return web.Response(body=body, headers={
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"})


def register(app: web.Application) -> None:
    """Add the audit routes (GET only)."""
    app.router.add_get("/api/audit", audit_page)
    app.router.add_get("/api/audit/verify", audit_verify)
    app.router.add_get("/api/audit.csv", audit_csv)
