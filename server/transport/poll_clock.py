"""The poll clock: every second, publish the turnout a burst of ballots left unsent, close
the polls whose deadline passed, and send the written polls' reminders, each as a change
through ``CommandPipeline.publish`` (logged, committed, broadcast). Every server process
runs one; the changes are idempotent under the meeting's row lock, so the first process to
get there does the work and the others find none."""

from __future__ import annotations

import asyncio
import logging
from functools import partial

from server.domain.voting import written
from server.persistence.models import utcnow
from server.transport.pipeline import CommandPipeline

log = logging.getLogger(__name__)

TICK_SECONDS = 1.0
"""At most this late, a poll closes after its deadline."""


async def tick(pipeline: CommandPipeline) -> int:
    """Do what is due now; how many pieces of work were found."""
    services = pipeline.services
    now = utcnow()

    def find() -> list[written.Due]:
        with services.db.read() as session:
            return [*written.unpublished(session), *written.due(session, now)]

    work = await services.in_thread(find)
    for item in work:
        if item.action == "progress":
            change = partial(written.publish_progress, poll_id=item.poll_id, meeting_id=item.meeting_id,
                             now=now)
        elif item.action == "close":
            change = partial(written.close_due, poll_id=item.poll_id, meeting_id=item.meeting_id, now=now)
        else:
            change = partial(written.remind, poll_id=item.poll_id, meeting_id=item.meeting_id,
                             name=item.action)
        await pipeline.publish(change, item.meeting_id)
    return len(work)


async def run(pipeline: CommandPipeline, interval: float = TICK_SECONDS) -> None:
    """Tick until cancelled; a failed tick (a database hiccup) is logged and the next one runs."""
    while True:
        await asyncio.sleep(interval)
        try:
            await tick(pipeline)
        except Exception:
            log.exception("poll clock tick failed")
