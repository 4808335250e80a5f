"""``poll.check``: is the poll ready to vote? What stands in the way, and the quorum."""

from __future__ import annotations

from sqlalchemy import select

from protocol import commands as c
from protocol.attendance import quorum
from protocol.roles import MeetingStatus
from server.domain import views
from server.domain.context import CommandContext, Outcome
from server.domain.handlers import handles
from server.domain.voting import electorate, exposure
from server.domain.voting.polls import load
from server.persistence.models import Poll, utcnow


@handles(c.PollCheck, reads=True)
def check(ctx: CommandContext, p: c.PollRef) -> Outcome:
    """The "ready to vote" check the chair sees before opening a poll."""
    poll = load(ctx, p.poll_id)
    meeting = ctx.require_meeting()
    everyone = electorate.people(ctx.session, meeting.id)
    members = electorate.members(poll, everyone)
    eligible = electorate.eligible(poll, everyone)
    online = views.online_user_ids(ctx.session, meeting.id)
    by_id = {person["user_id"]: person for person in everyone}

    def reachable(member: electorate.Person) -> bool:
        """Online themselves, or (represented) through their online proxy."""
        if member["user_id"] in online and member["attendance"] == "present":
            return True
        proxy = by_id.get(member["proxy_id"] or 0)
        return member["attendance"] != "present" and proxy is not None and proxy["user_id"] in online
    online_eligible = sum(1 for m in eligible if (m["user_id"] in online if poll.kind == "written"
                                                  else reachable(m)))
    rule = meeting.quorum_rule if poll.kind == "meeting" else "none"
    counted = quorum(everyone, rule)
    problems = []
    if poll.status != "draft":
        problems.append(f"The poll is {poll.status}")
    if poll.kind == "meeting":
        if meeting.status != MeetingStatus.LIVE:
            problems.append("The meeting is not live")
        other = ctx.session.scalar(select(Poll.id).where(
            Poll.meeting_id == meeting.id, Poll.status == "open", Poll.kind == "meeting", Poll.id != poll.id))
        if other is not None:
            problems.append(f"Poll {other} is still open")
        if not counted.reached:
            problems.append(f"No quorum: {counted.counted} of {counted.required} members needed are present")
    elif poll.closes_at is not None and poll.closes_at <= utcnow():
        problems.append("The deadline has passed")
    if not eligible:
        problems.append("No member may vote")
    if poll.quorum is not None and len(eligible) < poll.quorum:
        problems.append(f"Fewer members may vote ({len(eligible)}) than the poll's quorum ({poll.quorum})")
    answer = {
        "ready": not problems, "problems": problems, "members": len(members), "eligible": len(eligible),
        "online_eligible": online_eligible,
        "quorum": {"rule": counted.rule, "required": counted.required, "counted": counted.counted,
                   "reached": counted.reached}}
    if warnings := exposure.warnings(poll, everyone):  # weights may have changed since the draft
        answer["warnings"] = warnings
    return Outcome(answer)
