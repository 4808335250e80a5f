"""The authorization matrix's HTTP routes (tests/server/authz_matrix.py) against a real
server process, with real tokens from real logins.

Each role is a user of its own (so that the demo's chair, who is also an organizer, does
not blur two roles). The "own" meeting gives the meeting roles their parts; the "foreign"
one is the same kind of meeting with other people in every part.
"""

from __future__ import annotations

import asyncio
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from tests.e2e.documents import upload
from tests.e2e.helpers import Client, http, login, new_meeting
from tests.server import hostile_pdfs
from tests.server.authz_matrix import HTTP_ROLES, MEETING_ROLES, ROUTE_RULES, RULES
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.e2e

PASSWORD = "Mật khẩu thử 2026"
NEW_PASSWORD = "Mật khẩu mới 2027"
PLACES = ("own", "foreign")


def _username(role: str) -> str:
    return "admin" if role == "admin" else f"quyen-{role}"


@dataclass
class Place:
    """One meeting and the things in it that routes name."""

    meeting_id: int
    document_id: int
    poll_id: int


@dataclass
class Setup:
    server: ServerProcess
    tokens: dict[str, str | None]
    places: dict[str, Place]
    passwords: dict[str, str]


async def _prepare(server: ServerProcess, admin_token: str, demo_ids: dict[str, int]) -> dict[str, Any]:
    admin = await Client(server, admin_token, "admin").connect()
    try:
        ids = {}
        for role in ("organizer", *MEETING_ROLES, "outsider"):
            user = (await admin.ok("user.create", {
                "username": _username(role), "full_name": f"Người thử {role}", "password": PASSWORD,
                "is_organizer": role == "organizer"}))["user"]
            ids[role] = int(user["id"])
        own = await new_meeting(admin, {**demo_ids, **{_username(r): ids[r] for r in MEETING_ROLES}},
                                cast={_username(r): r for r in MEETING_ROLES})
        foreign = await new_meeting(admin, demo_ids, cast={"delegate5": "chair", "delegate6": "secretary",
                                                            "delegate4": "delegate"})
        polls = {}
        for name, meeting in (("own", own), ("foreign", foreign)):
            await admin.ok("meeting.start", {"meeting_id": meeting.id})
            polls[name] = (await admin.ok("poll.create", {
                "meeting_id": meeting.id, "question": "Thông qua?", "secret": False,
                "majority": "simple"}))["poll"]["id"]
        return {"own": own.id, "foreign": foreign.id, "polls": polls}
    finally:
        await admin.close()


@pytest.fixture(scope="module")
def setup(server: ServerProcess, logins: dict[str, dict[str, object]], user_ids: dict[str, int]) -> Setup:
    admin_token = str(logins["admin"]["token"])
    made = asyncio.run(_prepare(server, admin_token, user_ids))
    tokens: dict[str, str | None] = {"admin": admin_token, "anonymous": None}
    for role in ("organizer", *MEETING_ROLES, "outsider"):
        tokens[role] = str(login(server, _username(role), PASSWORD)["token"])
    places = {}
    for name in PLACES:
        status, body = upload(server, admin_token, made[name], hostile_pdfs.minimal("Public"),
                              title="Báo cáo")
        assert status == 201, body
        places[name] = Place(made[name], int(body["document"]["id"]), int(made["polls"][name]))
    passwords = {role: PASSWORD for role in HTTP_ROLES}
    passwords["admin"] = "demo"
    return Setup(server, tokens, places, passwords)


def _get(server: ServerProcess, path: str, token: str | None) -> int:
    """The status of a GET (the body is read and dropped: a file, a CSV)."""
    request = urllib.request.Request(server.url + path, headers=(
        {"Authorization": f"Bearer {token}"} if token else {}))
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            answer.read()
            return int(answer.status)
    except urllib.error.HTTPError as error:
        error.read()
        return int(error.code)


def _login(s: Setup, role: str, _p: Place) -> int:
    if role == "anonymous":
        body = {"username": "khong-co-ai", "password": "sai mật khẩu"}
    else:
        body = {"username": _username(role), "password": s.passwords[role]}
    return http(s.server, "POST", "/api/login", body)[0]


def _fresh_token(s: Setup, role: str) -> str | None:
    """A token of its own for a call that ends a session (logout, password)."""
    if role == "anonymous":
        return None
    return str(login(s.server, _username(role), s.passwords[role])["token"])


def _logout(s: Setup, role: str, _p: Place) -> int:
    return http(s.server, "POST", "/api/logout", token=_fresh_token(s, role))[0]


def _password(s: Setup, role: str, _p: Place) -> int:
    """Changing one's password ends one's other sessions: the token that changed it is the
    one the calls that follow use."""
    token = _fresh_token(s, role)
    status = http(s.server, "POST", "/api/password", {"current_password": s.passwords[role],
                                                      "new_password": NEW_PASSWORD}, token=token)[0]
    if status == 204:
        s.passwords[role], s.tokens[role] = NEW_PASSWORD, token
    return status


def _upload(s: Setup, role: str, p: Place) -> int:
    return upload(s.server, s.tokens[role], p.meeting_id, hostile_pdfs.minimal("Upload"), title="Tải lên")[0]


CALLS: dict[str, Callable[[Setup, str, Place], int]] = {
    "GET /api/health": lambda s, role, p: _get(s.server, "/api/health", s.tokens[role]),
    "POST /api/login": _login,
    "POST /api/logout": _logout,
    "POST /api/password": _password,
    "POST /api/meetings/{meeting_id}/documents": _upload,
    "GET /api/documents/{document_id}/content":
        lambda s, role, p: _get(s.server, f"/api/documents/{p.document_id}/content", s.tokens[role]),
    "GET /api/meetings/{meeting_id}/attendance.csv":
        lambda s, role, p: _get(s.server, f"/api/meetings/{p.meeting_id}/attendance.csv", s.tokens[role]),
    "GET /api/meetings/{meeting_id}/minutes.{kind}":
        lambda s, role, p: _get(s.server, f"/api/meetings/{p.meeting_id}/minutes.docx?draft=1",
                                s.tokens[role]),
    "GET /api/meetings/{meeting_id}/conclusions.{kind}":
        lambda s, role, p: _get(s.server, f"/api/meetings/{p.meeting_id}/conclusions.docx?draft=1",
                                s.tokens[role]),
    "GET /api/polls/{poll_id}/report.csv":
        lambda s, role, p: _get(s.server, f"/api/polls/{p.poll_id}/report.csv", s.tokens[role]),
    "GET /api/audit": lambda s, role, p: _get(s.server, "/api/audit?limit=5", s.tokens[role]),
    "GET /api/audit/verify": lambda s, role, p: _get(s.server, "/api/audit/verify", s.tokens[role]),
    "GET /api/audit.csv":
        lambda s, role, p: _get(s.server, f"/api/audit.csv?meeting_id={p.meeting_id}", s.tokens[role]),
}


def test_every_route_has_a_call() -> None:
    assert set(CALLS) == {rule.subject for rule in ROUTE_RULES}


def test_route_rights(setup: Setup) -> None:
    got: dict[tuple[str, str, str], str] = {}
    for rule in ROUTE_RULES:
        for role in HTTP_ROLES:
            for place in PLACES:
                if place == "foreign" and not (rule.meeting and role in MEETING_ROLES):
                    continue  # the same as in the own meeting (test_a_subject_of_no_meeting_is_the_same)
                got[(rule.subject, role, place)] = str(CALLS[rule.subject](setup, role, setup.places[place]))
    expected = {key: (RULES[key[0]].own if key[2] == "own" else RULES[key[0]].foreign)[key[1]] for key in got}
    wrong = {key: (got[key], expected[key]) for key in got if got[key] != expected[key]}
    assert not wrong, f"(route, role, meeting): (got, expected): {wrong}"


HUGE = "9" * 25
BAD_NUMBERS = [
    (f"/api/meetings/{HUGE}/attendance.csv", 404),
    (f"/api/meetings/{2**31}/minutes.pdf", 404),
    (f"/api/documents/{HUGE}/content", 404),
    (f"/api/polls/{HUGE}/report.csv", 404),
    (f"/api/audit?meeting_id={HUGE}", 400),
    (f"/api/audit?before_seq={HUGE}&limit={HUGE}", 400),
    ("/api/audit?limit=%C2%B2", 400),  # "²": a digit to str.isdigit, not to int()
    (f"/api/audit.csv?meeting_id={HUGE}", 400),
    (f"/api/meetings/1/minutes.pdf?version={HUGE}", 400),
]


@pytest.mark.parametrize(("path", "status"), BAD_NUMBERS, ids=[row[0] for row in BAD_NUMBERS])
def test_numbers_past_any_id_are_refused_not_failed(setup: Setup, path: str, status: int) -> None:
    """Found by fuzzing: such numbers reached the database, which failed (500)."""
    assert _get(setup.server, path, setup.tokens["admin"]) == status
    assert _get(setup.server, f"/api/documents/{setup.places['own'].document_id}/content",
                setup.tokens["admin"]) == 200
