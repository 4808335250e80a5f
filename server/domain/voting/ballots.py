"""``poll.vote``: one ballot per member, cast by them or by their proxy, exactly once.

A ballot is idempotent by its ``ballot_id``: the receipt is HMAC(key, poll:ballot_id), and
a ballot row with that receipt already in the poll means this ballot was cast: the same
receipt is answered and nothing changes. Nothing stores which voter sent which ballot_id.
A secret poll's ballot is sealed until the close (``seals``); its seal is found again by
the receipt's tag under the poll's key.
The unique (poll_id, voter_id) of ``poll_voters`` is the last word on "once".
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import bindparam, insert, select

from protocol import commands as c
from protocol.errors import closed, conflict, forbidden, invalid
from server.domain.audit import record
from server.domain.context import CommandContext, Outcome
from server.domain.voting import electorate, receipts, seals, shapes
from server.domain.voting.polls import load
from server.persistence.models import Participant, Poll, PollBallot, PollVoter, utcnow

PROGRESS_EVERY = timedelta(seconds=0.5)
"""``poll.progress`` goes at most this often per poll: 500 ballots at once must not cost
500 events for each of 500 clients. The poll clock publishes what a burst left unsent."""

# Built once: a ballot is the hot path of a vote (hundreds at once), and building and
# keying a statement costs about as much as running it on SQLite.
_VOTED = select(PollVoter.id).where(PollVoter.poll_id == bindparam("poll_id"),
                                    PollVoter.voter_id == bindparam("voter_id"))
_SAME = select(PollBallot.id, PollBallot.voter_id).where(PollBallot.poll_id == bindparam("poll_id"),
                                                         PollBallot.receipt == bindparam("receipt"))
_ADD_VOTER = insert(PollVoter)
_ADD_BALLOT = insert(PollBallot)


def _voter(ctx: CommandContext, poll: Poll, voter_id: int) -> electorate.Person:
    """The member this ballot is for, if the sender may cast it."""
    sender = ctx.participant
    if sender is None or sender.role == "observer":
        raise forbidden("Only members vote")
    if voter_id == ctx.actor.user_id:
        member = electorate.person(sender)
    else:
        row = ctx.session.scalar(select(Participant).where(
            Participant.meeting_id == poll.meeting_id, Participant.user_id == voter_id))
        if row is None or row.proxy_user_id != ctx.actor.user_id:
            raise forbidden("You do not represent this member")
        member = electorate.person(row)
    if not electorate.is_member(member):
        raise forbidden("Only members vote" if voter_id == ctx.actor.user_id
                        else "This participant does not vote")
    if poll.kind == "written":
        if voter_id not in (poll.voter_ids or []):
            raise forbidden("This written poll does not ask this member")
    elif voter_id == ctx.actor.user_id:
        if member["attendance"] != "present":
            raise forbidden("Check in first: members present vote")
    elif member["attendance"] == "present":
        raise forbidden("This member is present and votes in person")
    elif sender.attendance != "present":
        raise forbidden("Check in first: a proxy votes while present")
    return member


def _choices(poll: Poll, p: c.PollVote) -> None:
    known = {o["id"]: o for o in poll.options}
    if unknown := [o for o in p.option_ids if o not in known]:
        raise invalid(f"option_ids: no option {', '.join(map(str, unknown))} in this poll")
    if len(set(p.option_ids)) != len(p.option_ids):
        raise invalid("option_ids: an option is chosen twice")
    if not poll.min_choices <= len(p.option_ids) <= poll.max_choices:
        raise invalid(f"option_ids: choose {poll.min_choices} to {poll.max_choices} options")
    if p.comment and not any(known[o]["comment"] for o in p.option_ids):
        raise invalid("comment: none of the chosen options takes a comment")


def _audit(ctx: CommandContext, poll: Poll, voter_id: int, p: c.PollVote, action: str) -> None:
    """Who voted in which poll (and who cast it for them). For a secret poll never the
    choice, nor the receipt (which would tie the voter to their ballot)."""
    details: dict[str, Any] = {"poll_id": poll.id, "voter_id": voter_id, "secret": poll.secret}
    if voter_id != ctx.actor.user_id:
        details["proxy_id"] = ctx.actor.user_id
    if not poll.secret:
        details["option_ids"] = list(p.option_ids)
    record(ctx, action, poll.meeting_id, details)


def vote(ctx: CommandContext, p: c.PollVote) -> Outcome:
    """Cast (or, where allowed, change) a ballot; answers ``{"receipt"}``."""
    poll = load(ctx, p.poll_id)
    if poll.status == "draft":
        raise conflict("This poll has not been opened")
    if poll.status == "closed" or (poll.closes_at is not None and poll.closes_at <= utcnow()):
        raise closed("This poll is closed")
    voter_id = p.voter_id or ctx.actor.user_id
    member = _voter(ctx, poll, voter_id)
    _choices(poll, p)
    session = ctx.session
    receipt = receipts.receipt(receipts.receipt_key(session), poll.id, p.ballot_id)
    voted = session.scalar(_VOTED, {"poll_id": poll.id, "voter_id": voter_id})
    if poll.secret:
        key = seals.poll_key(session, poll.id)
        if seals.exists(session, poll.id, key, receipt):
            if voted is None:
                raise conflict("This ballot_id was already used")
            return Outcome({"receipt": receipt})  # the same ballot again: counted once
    else:
        same = session.execute(_SAME, {"poll_id": poll.id, "receipt": receipt}).first()
        if same is not None:
            if voted is None or (same.voter_id is not None and same.voter_id != voter_id):
                raise conflict("This ballot_id was already used")
            return Outcome({"receipt": receipt})  # the same ballot again: counted once
    comment = p.comment or None
    if voted is not None:
        if not poll.allow_change:
            raise conflict("Already voted")
        mine = session.scalar(select(PollBallot).where(PollBallot.poll_id == poll.id,
                                                       PollBallot.voter_id == voter_id))
        assert mine is not None  # named polls keep the voter on the ballot
        mine.option_ids, mine.comment, mine.receipt = list(p.option_ids), comment, receipt
        _audit(ctx, poll, voter_id, p, "poll.vote_changed")
        return Outcome({"receipt": receipt})  # a changed vote: the turnout stays
    # Plain inserts, not new objects for the unit of work: nothing reads them back as rows.
    session.execute(_ADD_VOTER, {"poll_id": poll.id, "voter_id": voter_id, "cast_by": ctx.actor.user_id,
                                 "site_id": member["site_id"], "at": utcnow()})
    weight = electorate.weight(poll, member)
    if poll.secret:
        # Sealed: this commit names the voter, so the ballot in it must be unreadable; the
        # close writes it readable, shuffled among the others (``seals``).
        seals.add(session, poll.id, key, seals.Opened(tuple(p.option_ids), comment, weight, receipt))
    else:
        session.execute(_ADD_BALLOT, {
            "id": str(uuid.uuid4()), "poll_id": poll.id, "option_ids": list(p.option_ids),
            "comment": comment, "weight": weight, "receipt": receipt, "voter_id": voter_id})
    _audit(ctx, poll, voter_id, p, "poll.vote")
    now = utcnow()
    if poll.turnout_at is not None and now - poll.turnout_at < PROGRESS_EVERY:
        return Outcome({"receipt": receipt})  # the poll clock publishes it (or the next ballot)
    session.flush()
    event = shapes.progress(session, poll, now)
    return Outcome({"receipt": receipt}, [event] if event else [])
