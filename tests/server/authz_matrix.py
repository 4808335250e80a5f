"""The authorization matrix: every command and every HTTP route, for every role, in a
meeting the role takes part in ("own") and in one it does not ("foreign").

This module is data. ``tests/server/test_authz_matrix.py`` runs every command row on the
server's pipeline (and ``test_authz_targets.py`` the rows of ``authz_targets.py``: the
commands that name a participant, aimed at oneself, one's site, another site, another
meeting), ``tests/e2e/test_authz_http.py`` every route row against a real server
process with real tokens, and ``docs/security.md`` shows the table as rendered here
(``python -m tests.server.authz_matrix`` writes it; a test fails when the two differ).

Roles: ``admin`` and ``organizer`` are global roles and take part in no meeting;
``chair``, ``secretary``, ``delegate`` and ``observer`` are roles in the own meeting and
none in the foreign one; ``outsider`` is a user with no role at all; ``anonymous`` (HTTP
only) sends no token. A socket without a valid token is refused when it connects, so no
command is ever run anonymously.

Outcomes: commands answer ``ok``, ``forbidden`` or ``not_found`` (a meeting one takes no
part in is not disclosed); routes answer their HTTP status.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tests.server.authz_targets import render_targets
from tests.support import generated_docs

ROLES = ("admin", "organizer", "chair", "secretary", "delegate", "observer", "outsider")
HTTP_ROLES = (*ROLES, "anonymous")
MEETING_ROLES = ("chair", "secretary", "delegate", "observer")
"""The roles that take part in the own meeting (and in no foreign one)."""
HIDDEN = ("organizer", "outsider")
"""Who takes no part in any meeting (and has no global role that reaches into one)."""


@dataclass(frozen=True)
class Rule:
    """One row: who gets what from one command or route."""

    subject: str
    """A command name, or ``METHOD /path`` of a route (aiohttp's canonical form)."""
    own: Mapping[str, str]
    foreign: Mapping[str, str]
    note: str = ""
    meeting: bool = True
    """Whether the subject concerns one meeting (otherwise own and foreign are the same)."""

    @property
    def is_route(self) -> bool:
        return " " in self.subject


@dataclass(frozen=True)
class _Outcomes:
    """How to write a row: who succeeds, who is refused with what, in one meeting."""

    ok: tuple[str, ...]
    hidden: tuple[str, ...] = HIDDEN
    refused: str = "forbidden"
    hidden_as: str = "not_found"
    success: str = "ok"
    overrides: dict[str, str] = field(default_factory=dict)


def _own(o: _Outcomes, roles: Iterable[str]) -> dict[str, str]:
    outcome = {}
    for role in roles:
        if role in o.overrides:
            outcome[role] = o.overrides[role]
        elif role in o.ok:
            outcome[role] = o.success
        elif role in o.hidden:
            outcome[role] = o.hidden_as
        else:
            outcome[role] = o.refused
    return outcome


def command(name: str, *ok: str, hidden: tuple[str, ...] = HIDDEN, meeting: bool = True,
            note: str = "") -> Rule:
    """A command: ``ok`` for ``ok``, not_found for ``hidden``, forbidden for the rest; in a
    foreign meeting every meeting role is not_found (when the command concerns a meeting)."""
    own = _own(_Outcomes(ok, hidden), ROLES)
    foreign = {role: ("not_found" if meeting and role in MEETING_ROLES else outcome)
               for role, outcome in own.items()}
    return Rule(name, own, foreign, note, meeting)


def route(subject: str, *ok: str, success: str = "200", hidden: tuple[str, ...] = HIDDEN,
          hidden_as: str = "404", foreign_as: str = "404", meeting: bool = True,
          overrides: dict[str, str] | None = None, note: str = "") -> Rule:
    """A route: ``success`` for ``ok``, 401 without a token, ``hidden_as`` for ``hidden``, 403
    for the rest; in a foreign meeting every meeting role gets ``foreign_as``."""
    o = _Outcomes(ok, hidden, "403", hidden_as, success, {"anonymous": "401", **(overrides or {})})
    own = _own(o, HTTP_ROLES)
    foreign = {role: (foreign_as if meeting and role in MEETING_ROLES else outcome)
               for role, outcome in own.items()}
    return Rule(subject, own, foreign, note, meeting)


EVERYONE = ROLES
MEMBERS = ("admin", *MEETING_ROLES)
"""Admins and everyone who takes part."""
MANAGERS = ("admin", "chair", "secretary")
READERS = (*MANAGERS, "delegate", "observer")

COMMAND_RULES: list[Rule] = [
    command("meeting.list", *EVERYONE, meeting=False, note="each sees the meetings they take part in"),
    command("meeting.create", "admin", "organizer", hidden=(), meeting=False),
    command("meeting.update", "admin", "organizer", "chair", "secretary", hidden=("outsider",),
            note="organizers may update any meeting"),
    command("participant.set", "admin", "organizer", "secretary", hidden=("outsider",),
            note="what, for whom: *Aimed at people* below"),
    command("participant.remove", "admin", "organizer", "secretary", hidden=("outsider",),
            note="for whom: below"),
    command("user.list", "admin", "organizer", "secretary", hidden=(), meeting=False,
            note="a secretary of any meeting may look users up"),
    command("user.create", "admin", hidden=(), meeting=False),
    command("user.update", "admin", hidden=(), meeting=False),
    command("user.set_active", "admin", hidden=(), meeting=False),
    command("user.reset_password", "admin", hidden=(), meeting=False),
    command("search", *EVERYONE, meeting=False, note="each finds only what they may see"),
    command("meeting.join", *MEMBERS),
    command("meeting.leave", *MEMBERS),
    command("meeting.start", "admin", "chair"),
    command("meeting.end", "admin", "chair"),
    command("agenda.set_current", "admin", "chair"),
    command("agenda.add_item", *MANAGERS),
    command("agenda.update_item", *MANAGERS),
    command("agenda.reorder", *MANAGERS),
    command("agenda.remove_item", *MANAGERS),
    command("attendance.check_in", *MEETING_ROLES,
            note="the participant themself: an admin has nobody to check in"),
    command("attendance.set", *MANAGERS, note="a present, online participant absent: the chair"),
    command("attendance.set_proxy", "admin", "chair", "delegate",
            note="the member themself; the chair from their written authorisation"),
    command("document.update", *MANAGERS),
    command("document.remove", *MANAGERS),
    command("document.versions", *READERS, note="of a public document; a restricted one: its readers"),
    command("presenter.set_page", "admin", "chair", note="or the speaker who holds the floor"),
    command("presenter.stop", "admin", "chair", note="or the speaker who holds the floor"),
    command("annotation.save", *READERS, note="on a document one may read"),
    command("annotation.delete", note="someone else's shared note: only its author may delete it"),
    command("annotation.list", *READERS, note="on a document one may read"),
    command("annotation.comments", *MANAGERS),
    command("note.save", *MEMBERS, note="private notes"),
    command("note.list", *MEMBERS),
    command("speaker.request", "chair", "secretary", "delegate", note="participants with a voice"),
    command("speaker.withdraw", *MANAGERS, note="someone else's request; one's own: its author too"),
    command("speaker.reorder", *MANAGERS),
    command("speaker.grant", "admin", "chair"),
    command("speaker.extend", "admin", "chair"),
    command("speaker.end", "admin", "chair", note="or the speaker"),
    command("site.status", *MANAGERS),
    command("presence.heartbeat", *MEMBERS, note="on a socket that joined the meeting"),
    command("poll.create", *MANAGERS),
    command("poll.update", *MANAGERS),
    command("poll.delete", *MANAGERS),
    command("poll.check", *MANAGERS),
    command("poll.open", "admin", "chair"),
    command("poll.close", "admin", "chair"),
    command("poll.vote", "chair", "delegate", note="members present (the secretary: as a proxy only)"),
    command("conclusion.set", *MANAGERS),
    command("conclusion.history", *MANAGERS),
    command("action.save", *MANAGERS),
    command("action.delete", *MANAGERS),
    command("action.set_status", *MANAGERS, note="or the action item's owner"),
    command("action.list", *EVERYONE, meeting=False, note="each sees the action items they may see"),
    command("minutes.approve", "admin", "chair"),
    command("minutes.publish", "admin", "chair"),
]

ROUTE_RULES: list[Rule] = [
    route("GET /api/health", *EVERYONE, meeting=False, overrides={"anonymous": "200"}),
    route("POST /api/login", *EVERYONE, meeting=False,
          note="with one's own password; anonymous: a wrong one"),
    route("POST /api/logout", *EVERYONE, success="204", meeting=False),
    route("POST /api/password", *EVERYONE, success="204", meeting=False,
          note="one's own; the other sessions end"),
    route("POST /api/meetings/{meeting_id}/documents", *MANAGERS, success="201"),
    route("GET /api/documents/{document_id}/content", *READERS, hidden_as="403", foreign_as="403",
          note="a public document; a restricted one: its readers"),
    route("GET /api/meetings/{meeting_id}/attendance.csv", *MANAGERS),
    route("GET /api/meetings/{meeting_id}/minutes.{kind}", *MANAGERS,
          note="the draft; published minutes: every participant"),
    route("GET /api/meetings/{meeting_id}/conclusions.{kind}", *MANAGERS,
          note="the notice of conclusions, as the minutes"),
    route("GET /api/polls/{poll_id}/report.csv", *MANAGERS),
    route("GET /api/audit", "admin", hidden=(), meeting=False),
    route("GET /api/audit/verify", "admin", hidden=(), meeting=False),
    route("GET /api/audit.csv", *MANAGERS, note="with meeting_id; the whole log: admins"),
]

RULES = {rule.subject: rule for rule in [*COMMAND_RULES, *ROUTE_RULES]}
assert len(RULES) == len(COMMAND_RULES) + len(ROUTE_RULES), "one row per subject"

# ------------------------------------------------------------------------- the document

DOC = Path(__file__).resolve().parents[2] / "docs" / "security.md"
BEGIN = "<!-- authorization matrix: generated by `python -m tests.server.authz_matrix` -->"
END = "<!-- end of the authorization matrix -->"
WORDS = {"ok": "ok", "forbidden": "forbidden", "not_found": "not found"}


def _cell(rule: Rule, role: str) -> str:
    own, foreign = rule.own[role], rule.foreign[role]
    own, foreign = WORDS.get(own, own), WORDS.get(foreign, foreign)
    return own if own == foreign else f"{own} / {foreign}"


def _table(rules: list[Rule], roles: tuple[str, ...], heading: str) -> list[str]:
    lines = [f"| {heading} | " + " | ".join(roles) + " | note |",
             "|---" * (len(roles) + 2) + "|"]
    for rule in rules:
        cells = " | ".join(_cell(rule, role) for role in roles)
        lines.append(f"| `{rule.subject}` | {cells} | {rule.note} |")
    return lines


def render() -> str:
    """The matrix as Markdown: the commands' table, then the routes' table."""
    lines = [BEGIN, "", "A cell reads *own meeting / foreign meeting* where the two differ.", "",
             "### Commands (Socket.IO)", ""]
    lines += _table(COMMAND_RULES, ROLES, "command")
    lines += ["", "### HTTP routes", ""]
    lines += _table(ROUTE_RULES, HTTP_ROLES, "route")
    lines += ["", *render_targets()]
    return "\n".join([*lines, "", END])


def rendered_section(text: str) -> str:
    """The generated part of ``docs/security.md`` as it stands."""
    return generated_docs.section(text, BEGIN, END)


def write_doc(path: Path = DOC) -> None:
    """Replace the generated part of ``docs/security.md`` with the table as it is now."""
    generated_docs.rewrite(path, BEGIN, END, render())


if __name__ == "__main__":
    write_doc()
    sys.stdout.write(f"wrote {DOC}\n")
