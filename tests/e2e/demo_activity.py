"""Activity on the demo meeting for the audit and backup tests: votes, downloads."""

from __future__ import annotations

import asyncio
import urllib.error
import urllib.request
from typing import Any

from tests.e2e.helpers import TIMEOUT, Client
from tests.support.server_process import ServerProcess

MEETING_ID = 1


def get(server: ServerProcess, path: str, token: str,
        headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(server.url + path, headers={"Authorization": f"Bearer {token}",
                                                                 **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def activity(server: ServerProcess, chair: str, delegate: str) -> dict[str, Any]:
    """The chair opens a secret and a named poll, the delegate votes in both; returns what
    the test needs (the document the delegate will open, the polls, the choices)."""
    async def go() -> dict[str, Any]:
        c, d = await Client(server, chair).connect(), await Client(server, delegate).connect()
        try:
            snapshot = (await d.ok("meeting.join", {"meeting_id": MEETING_ID}))["snapshot"]
            await c.call("meeting.start", {"meeting_id": MEETING_ID})
            await d.ok("attendance.check_in", {"meeting_id": MEETING_ID})
            polls = {}
            for secret in (True, False):
                poll = (await c.ok("poll.create", {"meeting_id": MEETING_ID, "question": "Thông qua?",
                                                   "options": ["Đồng ý", "Không đồng ý"], "secret": secret,
                                                   "majority": "simple"}))["poll"]
                await c.ok("poll.open", {"poll_id": poll["id"]})
                choice = poll["options"][1]["id"]
                await d.ok("poll.vote", {"poll_id": poll["id"], "option_ids": [choice],
                                         "ballot_id": f"00000000-0000-4000-8000-00000000000{int(secret)}"})
                polls[secret] = (poll["id"], choice)
                await c.ok("poll.close", {"poll_id": poll["id"]})
            return {"document_id": snapshot["documents"][0]["id"], "polls": polls}
        finally:
            await c.close()
            await d.close()

    return asyncio.run(go())
