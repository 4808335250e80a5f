"""The authorization matrix (tests/server/authz_matrix.py), command by command.

Every command runs for every role twice: in a meeting where the role has its part, and in
the same kind of meeting after the role was taken out of it (a meeting it takes no part
in). Each scenario is the one the older matrices use (test_permissions,
test_document_rights, test_voting_rights), so an allowed command really succeeds and a
refused one logs nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete

from protocol.commands import COMMANDS
from server.persistence.models import Participant
from server.settings import Settings
from tests.server import test_document_rights as documents
from tests.server import test_permissions as permissions
from tests.server import test_voting_rights as voting
from tests.server.authz_matrix import (
    COMMAND_RULES,
    DOC,
    MEETING_ROLES,
    ROLES,
    ROUTE_RULES,
    RULES,
    render,
    rendered_section,
)
from tests.server.world import MeetingHandle, World

Prepare = Callable[[World, MeetingHandle], Any]
Body = Callable[[World, MeetingHandle, Any], dict[str, Any]]


@dataclass(frozen=True)
class Scenario:
    """What a command needs first (``prepare``) and the payload it is sent with."""

    prepare: Prepare
    body: Body
    join_first: bool = False


def _nothing(_w: World, _m: MeetingHandle) -> None:
    return None


def _shared_note(world: World, m: MeetingHandle) -> tuple[dict[str, Any], str]:
    """A public document with delegate2's shared note on it."""
    doc = documents.public(world, m)
    note = documents.a_note(shared=True)
    world.ok("delegate2", "annotation.save", {"document_id": doc["id"], "annotation": note})
    return doc, str(note["id"])


def scenarios() -> dict[str, Scenario]:
    """One scenario per command, taken from the older matrices (their first row: the plain case)."""
    found: dict[str, Scenario] = {}
    for name, payload, _outcome, prepare in permissions.MATRIX:
        found.setdefault(name, Scenario(
            prepare or _nothing, lambda w, m, _p, payload=payload: payload(w, m),
            join_first=name in permissions.JOIN_FIRST))
    for name, doc_prepare, doc_body, _expected in documents.MATRIX:
        found.setdefault(name, Scenario(doc_prepare, lambda _w, m, d, doc_body=doc_body: doc_body(m, d)))
    for name, poll_prepare, poll_body, _expected in voting.MATRIX:
        found.setdefault(name, Scenario(poll_prepare, lambda _w, m, p, poll_body=poll_body: poll_body(m, p)))
    found["annotation.delete"] = Scenario(
        _shared_note, lambda _w, _m, made: {"document_id": made[0]["id"], "annotation_id": made[1]})
    return found


SCENARIOS = scenarios()


def test_the_matrix_names_every_command() -> None:
    """A new command without a row (or a row without a command) fails here."""
    assert {rule.subject for rule in COMMAND_RULES} == set(COMMANDS)
    assert set(SCENARIOS) == set(COMMANDS)


def test_the_matrix_names_every_route(tmp_path: Path) -> None:
    from server.app import build_app

    app = build_app(Settings(data_dir=tmp_path / "data"))
    routes = {f"{r.method} {r.resource.canonical}" for r in app.router.routes()
              if r.resource is not None and not r.resource.canonical.startswith("/socket.io")
              and r.method != "HEAD"}
    assert {rule.subject for rule in ROUTE_RULES} == routes


def test_a_subject_of_no_meeting_is_the_same_everywhere() -> None:
    for rule in RULES.values():
        if not rule.meeting:
            assert rule.own == rule.foreign, rule.subject
        for role in ("admin", "organizer", "outsider"):
            assert rule.own[role] == rule.foreign[role], (rule.subject, role)


def test_the_older_matrices_agree() -> None:
    """The plain rows of the older, finer matrices say what this one says."""
    for name, _payload, outcome, _prepare in permissions.MATRIX:
        assert outcome == RULES[name].own, name
    for name, _prepare, _body, expected in voting.MATRIX:
        assert expected == RULES[name].own, name
    seen: set[str] = set()
    for name, _prepare, _body, expected in documents.MATRIX:
        if name not in seen:
            seen.add(name)
            assert expected == RULES[name].own, name


def test_docs_security_shows_the_matrix() -> None:
    """docs/security.md holds the table as rendered now (``python -m tests.server.authz_matrix``)."""
    assert rendered_section(DOC.read_text(encoding="utf-8")) == render()


def _attempt(world: World, command: str, role: str, foreign: bool) -> str:
    """Run ``command`` as ``role`` in a fresh meeting (taken out of it first when ``foreign``);
    the outcome, after checking a refusal changed nothing."""
    scenario = SCENARIOS[command]
    meeting = world.new_meeting()
    made = scenario.prepare(world, meeting)
    body = scenario.body(world, meeting, made)
    if foreign and role in MEETING_ROLES:
        # Taken out of the meeting directly: participant.remove refuses to change who is a
        # member while a poll is open, and some scenarios have opened one.
        with world.db.write() as session:
            session.execute(delete(Participant).where(Participant.meeting_id == meeting.id,
                                                      Participant.user_id == world.users[role]))
    sid = world.connect(role)
    if scenario.join_first:
        world.run(role, "meeting.join", {"meeting_id": meeting.id}, sid=sid)
    # The seq alone (the older matrices compare whole snapshots): nothing was logged.
    before = world.seq(meeting.id)
    answer = world.run(role, command, body, sid=sid)
    if answer["ok"]:
        return "ok"
    assert world.seq(meeting.id) == before, f"{role} {command}: a refused command changed the meeting"
    return str(answer["error"]["code"])


# Rights are the same code on either database (the older matrices run on both): SQLite only.
@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_command_rights(world: World, command: str) -> None:
    rule = RULES[command]
    got = {(role, place): _attempt(world, command, role, place == "foreign")
           for role in ROLES for place in ("own", "foreign")
           if place == "own" or role in MEETING_ROLES}
    expected = {(role, place): (rule.own if place == "own" else rule.foreign)[role] for role, place in got}
    assert got == expected, {key: (got[key], expected[key]) for key in got if got[key] != expected[key]}

