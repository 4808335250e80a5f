"""``GET /api/polls/{poll_id}/report.csv`` for the chair, the secretary and admins."""

from __future__ import annotations

from aiohttp import web

from protocol.errors import ErrorCode, ProtocolError, not_found
from protocol.roles import MeetingRole
from server.domain import accounts
from server.domain.context import CommandContext
from server.domain.permissions import access, resolve
from server.domain.voting.report import report_csv
from server.persistence.models import Poll
from server.transport.http import SERVICES, bearer_token, path_id

REPORT_READERS = access(MeetingRole.CHAIR, MeetingRole.SECRETARY)


async def report(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    token = bearer_token(request)
    poll_id = path_id(request, "poll_id")

    def build() -> str:
        with services.db.read() as session:
            actor = accounts.authenticate(session, token, services.settings.auth)[0]
            poll = session.get(Poll, poll_id)
            if poll is None:
                raise not_found(f"Poll {poll_id} not found")
            try:
                resolve(CommandContext(session, actor), REPORT_READERS, poll.meeting_id)
            except ProtocolError as refusal:
                if refusal.code == ErrorCode.NOT_FOUND:
                    raise not_found(f"Poll {poll_id} not found") from None
                raise
            return report_csv(session, poll)

    text = await services.in_heavy_thread(build)  # a heavy read: its own threads
    return web.Response(body=text.encode("utf-8"), content_type="text/csv", charset="utf-8", headers={
        "Content-Disposition": f'attachment; filename="poll-{poll_id}.csv"'})


def register(app: web.Application) -> None:
    """Add the poll routes."""
    app.router.add_get(r"/api/polls/{poll_id:\d+}/report.csv", report)
