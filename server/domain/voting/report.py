"""The poll report (``GET /api/polls/{id}/report.csv``): question, options and counts, who
answered and who did not, and the result. UTF-8 with a BOM, so Excel reads Vietnamese."""

from __future__ import annotations

import csv
import io

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.domain.voting import electorate
from server.persistence.event_log import iso
from server.persistence.models import Poll, PollBallot, PollVoter, User


def report_csv(session: Session, poll: Poll) -> str:
    """The report as CSV text (with its BOM)."""
    out = io.StringIO()
    out.write("\ufeff")
    rows = csv.writer(out)
    rows.writerow(["question", poll.question])
    rows.writerow(["kind", poll.kind])
    rows.writerow(["status", poll.status])
    rows.writerow(["secret", "yes" if poll.secret else "no"])
    rows.writerow(["majority", poll.majority])
    rows.writerow(["opened_at", iso(poll.opened_at) or ""])
    rows.writerow(["closes_at", iso(poll.closes_at) or ""])
    rows.writerow(["closed_at", iso(poll.closed_at) or ""])
    rows.writerow([])
    result = poll.result or {}
    counts = result.get("counts", {})
    rows.writerow(["option", "count"])
    for option in poll.options:
        rows.writerow([option["text"], counts.get(str(option["id"]), "") if poll.result else ""])
    rows.writerow([])
    if poll.result:
        for key in ("ballots", "weight_cast", "members", "eligible", "threshold", "quorum_reached", "passed"):
            rows.writerow([key, result.get(key)])
        rows.writerow([])
    voters = {v.voter_id: v for v in session.scalars(select(PollVoter).where(PollVoter.poll_id == poll.id))}
    members = electorate.members(poll, electorate.people(session, poll.meeting_id))
    asked = sorted({m["user_id"] for m in members} | set(voters))
    users = {u.id: u for u in session.scalars(select(User).where(User.id.in_(asked)))}
    texts = {o["id"]: o["text"] for o in poll.options}
    # Named polls show each answer; a secret poll only who answered (its ballots have no voter).
    choices = {} if poll.secret or poll.status != "closed" else {
        b.voter_id: b for b in session.scalars(select(PollBallot).where(PollBallot.poll_id == poll.id))}
    rows.writerow(["full_name", "username", "answered", "cast_by", "choice", "comment"])
    for user_id in sorted(asked, key=lambda uid: (uid not in voters, users[uid].full_name)):
        user, voter, ballot = users[user_id], voters.get(user_id), choices.get(user_id)
        proxy = users.get(voter.cast_by) if voter and voter.cast_by != user_id and voter.cast_by else None
        rows.writerow([user.full_name, user.username, "yes" if voter else "no",
                       proxy.username if proxy else "",
                       "; ".join(texts[o] for o in ballot.option_ids) if ballot else "",
                       (ballot.comment or "") if ballot else ""])
    return out.getvalue()
