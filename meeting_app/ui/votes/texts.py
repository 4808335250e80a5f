"""Words for polls: status, majority rules, the verdict and the quorum, shared by the tab,
the ballot dialog, the chart and the room display."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from meeting_app.state.clock import ServerClock
from meeting_app.state.formats import number_text, percent_text
from protocol.roles import MeetingStatus
from protocol.statuses import PollStatus

translate = QCoreApplication.translate
"""``translate(context, text)``: the form the translation tools find."""


def status_text(status: str) -> str:
    """A poll's status in words."""
    labels: dict[str, str] = {PollStatus.DRAFT: translate("votes", "Draft"),
                              PollStatus.OPEN: translate("votes", "Voting"),
                              PollStatus.CLOSED: translate("votes", "Closed")}
    return labels.get(status, status)


def status_tone(status: str) -> str:
    """The badge tone of a status (see app.qss)."""
    tones: dict[str, str] = {PollStatus.DRAFT: MeetingStatus.SCHEDULED, PollStatus.OPEN: MeetingStatus.LIVE,
                             PollStatus.CLOSED: MeetingStatus.ENDED}
    return tones.get(status, MeetingStatus.SCHEDULED)


RULES = ("absolute", "present", "two_thirds")
"""The rules a new poll offers, the default first (more than half of all members)."""
DEFAULT_RULE = RULES[0]


def rule_name(rule: str) -> str:
    """A majority rule's short name."""
    return {"simple": translate("votes", "More than half of the votes cast"),
            "absolute": translate("votes", "More than half of all members"),
            "present": translate("votes", "More than half of the members present"),
            "two_thirds": translate("votes", "Two thirds of all members")}.get(rule, rule)


def rule_explanation(rule: str) -> str:
    """What a majority rule asks of the first option (the motion's "yes")."""
    return {
        "simple": translate("votes", "Passed when the first option gets more than half of the votes cast."),
        "absolute": translate("votes", "Passed when the first option gets more than half of the votes of "
                        "all members, whether they voted or not (the rule of People's Councils and "
                        "Committees)."),
        "present": translate("votes", "Passed when the first option gets more than half of the votes of "
                       "the members present (in person or by proxy) when the vote closes."),
        "two_thirds": translate("votes", "Passed when the first option gets at least two thirds of the votes "
                          "of all members, whether they voted or not."),
    }.get(rule, "")


def number(value: float) -> str:
    """A count or a weight: no decimals when it is whole."""
    if value == int(value):
        return number_text(int(value))
    return number_text(value, len(f"{value:g}".partition(".")[2]))


def percent(part: float, whole: float) -> str:
    """``58.3%`` (one decimal), or an en dash when nothing was cast."""
    if not whole:
        return "–"
    return percent_text(100 * part / whole, 1)


def first_option(poll: dict[str, Any] | None, result: dict[str, Any]) -> tuple[str, str]:
    """``(option id, text)`` of the motion's "yes": the poll's first option."""
    options = (poll or {}).get("options") or []
    if options:
        return str(options[0]["id"]), str(options[0]["text"])
    ids = sorted((result.get("counts") or {"1": 0}), key=int)
    return ids[0], f"#{ids[0]}"


def verdict_text(result: dict[str, Any], poll: dict[str, Any] | None) -> str:
    """"PASSED" / "NOT PASSED" as the server decided, with the rule in words, the numbers
    behind it and, when not passed, why."""
    option_id, option = first_option(poll, result)
    yes = float((result.get("counts") or {}).get(option_id, 0))
    head = translate("votes", "PASSED") if result.get("passed") else translate("votes", "NOT PASSED")
    rule = str(result.get("rule", "simple"))
    if rule == "simple":
        base = translate("votes", "more than half of the {cast} votes cast").format(
            cast=number(float(result.get("weight_cast") or 0)))
    elif rule == "present":
        base = translate("votes", "more than half of the {present} present").format(
            present=number(float(result.get("present_weight") or 0)))
    elif rule == "absolute":
        base = translate("votes", "more than half of the {members} members").format(
            members=result.get("members", 0))
    else:
        base = translate("votes", "at least two thirds of the {members} members").format(
            members=result.get("members", 0))
    detail = translate("votes", "“{option}” got {yes}; needed {needed} ({base}).").format(
        option=option, yes=number(yes), needed=number(float(result.get("threshold") or 0)), base=base)
    no_quorum = result.get("reason") == "no_quorum" or result.get("quorum_reached") is False
    if not result.get("passed") and no_quorum:
        detail += " " + translate("votes", "The quorum was not reached.")
    return f"{head} — {detail}"


def ballots_cast(n: int) -> str:
    """"1 ballot cast", "3 ballots cast" (English has a singular; Vietnamese does not)."""
    if n == 1:
        return translate("votes", "1 ballot cast")
    return translate("votes", "{n} ballots cast").format(n=n)


def turnout_text(ballots: int, eligible: int) -> str:
    """"2 of 4 ballots cast" ("1 of 1 ballot cast")."""
    if eligible == 1:
        return translate("votes", "{n} of 1 ballot cast").format(n=ballots)
    return translate("votes", "{n} of {m} ballots cast").format(n=ballots, m=eligible)


def quorum_text(result: dict[str, Any], quorum: int | None) -> str:
    """Which quorum applied and whether it was reached (the poll's own minimum of ballots,
    or the meeting's rule over the members present)."""
    cast = ballots_cast(int(result.get("ballots", 0) or 0))
    rule = result.get("quorum_rule")
    if rule and rule != "ballots":
        counted, required = result.get("quorum_counted", 0), result.get("quorum_required", 0)
        if result.get("quorum_reached"):
            return translate("votes", "Meeting quorum reached: {n} members present, {q} needed.").format(
                n=counted, q=required)
        return translate("votes", "Meeting quorum NOT reached: {n} members present, {q} needed.").format(
            n=counted, q=required)
    quorum = result.get("quorum_required", quorum) if rule == "ballots" else quorum
    if not quorum:
        return translate("votes", "No minimum turnout: {cast}.").format(cast=cast)
    if result.get("quorum_reached"):
        return translate("votes", "Quorum reached: {cast}, {q} needed.").format(cast=cast, q=quorum)
    return translate("votes", "Quorum NOT reached: {cast}, {q} needed.").format(cast=cast, q=quorum)


def choice_hint(poll: dict[str, Any]) -> str:
    """How many options a ballot must mark."""
    low, high = int(poll.get("min_choices") or 1), int(poll.get("max_choices") or 1)
    if high <= 1:
        return translate("votes", "Choose one option.")
    if low == high:
        return translate("votes", "Choose exactly {n} options.").format(n=low)
    return translate("votes", "Choose from {low} to {high} options.").format(low=low, high=high)


def secrecy_text(poll: dict[str, Any]) -> str:
    """Named or secret, in words."""
    if poll.get("secret"):
        return translate("votes", "Secret ballot: nobody can see what you chose.")
    return translate("votes", "Named vote: the result shows who voted what.")


def clock_text(seconds: float) -> str:
    """``MM:SS`` (or ``H:MM:SS``)."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def countdown_text(poll: dict[str, Any], clock: ServerClock) -> str:
    """"Closes in 01:23", "Closing…", or "" for a poll that is not open or has no deadline."""
    closes_at = poll.get("closes_at")
    if poll.get("status") != PollStatus.OPEN or not closes_at:
        return ""
    left = clock.seconds_until(closes_at)
    if left <= 0:
        return translate("votes", "Closing…")  # the server closes it; its event follows
    if left >= 2 * 86_400:
        return translate("votes", "Closes in {d} days").format(d=int(left // 86_400))
    return translate("votes", "Closes in {t}").format(t=clock_text(left))


def weight_warnings(warnings: list[dict[str, Any]], participants: list[dict[str, Any]]) -> str:
    """The server's warnings on a poll in words ("" when none): a secret weighted poll whose
    tally would show how a heavy member voted."""
    names = {p["user_id"]: p.get("full_name") or str(p["user_id"]) for p in participants}
    lines = []
    for warning in warnings:
        if warning.get("code") != "weight_reveals_ballot":
            continue
        weights = warning.get("weights") or {}
        who = ", ".join(translate("votes", "{name} (weight {weight})").format(
            name=names.get(user_id, str(user_id)), weight=weights.get(str(user_id), "?"))
            for user_id in warning.get("user_ids") or [])
        lines.append(translate("votes", "This secret vote is weighted, and its result will show how "
                                        "these members voted: no combination of the other members' "
                                        "weights adds up like theirs. {who}. Consider an unweighted "
                                        "or a named vote.").format(who=who))
    return "\n".join(lines)
