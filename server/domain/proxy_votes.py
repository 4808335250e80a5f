"""``poll.vote`` as the registry runs it: the ballot (``voting.ballots``), and when a proxy
cast it, a word to the member they represent, so that the member sees who voted in their
place (docs/security.md, "A proxy votes for a member")."""

from __future__ import annotations

from protocol import commands as c
from protocol import events as ev
from server.domain.context import CommandContext, Outcome, UserEvent
from server.domain.handlers import handles
from server.domain.voting import ballots


@handles(c.PollVote, replays=False, grouped=True)
def vote(ctx: CommandContext, p: c.PollVote) -> Outcome:
    """Cast the ballot; tell the member (on their open connections) when a proxy cast it."""
    outcome = ballots.vote(ctx, p)
    if p.voter_id is not None and p.voter_id != ctx.actor.user_id:
        meeting = ctx.require_meeting()
        outcome.user_events.append(UserEvent(meeting.id, p.voter_id, ev.POLL_PROXY_VOTED, {
            "poll_id": p.poll_id, "proxy_id": ctx.actor.user_id}))
    return outcome
