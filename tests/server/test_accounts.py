"""Accounts: user administration, what ends a session, the idle timeout, password rules.

Over the server's own pipeline (``World``) on SQLite and PostgreSQL; sockets are the
``connections`` rows the transport writes. Closing real sockets is in tests/e2e/test_accounts.py.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

import pytest
from sqlalchemy import select

from protocol.errors import ProtocolError
from server.domain import accounts
from server.domain.accounts import AuthPolicy, authenticate, token_digest
from server.persistence.models import AuditEntry, Token, User, utcnow
from server.transport.sessions import dead_sockets
from server.transport.usage import TokenUsage
from tests.server.world import World


def new_token(world: World, user: str, **fields: object) -> str:
    """A login token of ``user`` (its raw form), with the given columns."""
    raw = secrets.token_urlsafe(32)
    with world.db.write() as session:
        values = {"expires_at": utcnow() + timedelta(hours=1), **fields}
        session.add(Token(user_id=world.users[user], token_hash=token_digest(raw), **values))
    return raw


def refusal(world: World, raw: str, policy: AuthPolicy | None = None) -> str | None:
    """Why ``authenticate`` refuses the token, or None when it accepts it."""
    with world.db.read() as session:
        try:
            authenticate(session, raw, policy)
        except ProtocolError as error:
            return error.message
    return None


def user_row(world: World, name: str) -> User:
    with world.db.read() as session:
        user = session.get(User, world.users[name])
        assert user is not None
        session.expunge(user)
        return user


def test_admin_creates_a_user_who_can_log_in(world: World) -> None:
    data = world.ok("admin", "user.create", {"username": "nguyenthib", "full_name": "Nguyễn Thị Bình",
                                             "password": "Mật khẩu 2026", "is_organizer": True})
    user = data["user"]
    assert user["username"] == "nguyenthib" and user["full_name"] == "Nguyễn Thị Bình"
    assert (user["active"], user["is_admin"], user["is_organizer"]) == (True, False, True)
    with world.db.read() as session:
        credentials = accounts.load_credentials(session, "nguyenthib")
    assert accounts.password_matches(credentials, "Mật khẩu 2026")
    assert world.refused("admin", "user.create", {"username": "nguyenthib", "full_name": "Khác",
                                                  "password": "Mật khẩu 2026"}, "conflict")


@pytest.mark.parametrize("imitation", [
    "\u0430dmin",        # Cyrillic а: looks exactly like "admin"
    "adm\u0456n",        # Cyrillic і
    "chai\u0433",        # Cyrillic г for r
    "Admin",             # another case of the same letters
    "ADMIN",
    "\uff41\uff44\uff4d\uff49\uff4e",  # full-width: NFKC makes it "admin", which is taken
    "admin\u200b",       # a zero-width space after it
    "ad\u00admin",       # a soft hyphen inside
    "nguy\u1ec5nvana",   # Vietnamese marks: a login is typed with letters A-Z
    "admin ",            # trailing space: the same name
    ".admin", "ad min", "ad/min", "",
])
def test_a_username_that_imitates_another_is_refused(world: World, imitation: str) -> None:
    """Usernames name who did what in the audit trail and are typed at every login: none
    may pass for another. NFKC, then ASCII letters, digits, dots, hyphens, underscores;
    uniqueness ignores case. The full name stays free Unicode."""
    answer = world.run("admin", "user.create", {"username": imitation, "full_name": "Quản trị giả",
                                                "password": "Mật khẩu 2026"})
    assert not answer["ok"] and answer["error"]["code"] in ("invalid", "conflict"), (imitation, answer)
    with world.db.read() as session:
        assert session.scalar(select(User).where(User.full_name == "Quản trị giả")) is None


def test_a_plain_username_and_a_vietnamese_full_name_are_welcome(world: World) -> None:
    user = world.ok("admin", "user.create", {"username": "Le.Van-B_2", "full_name": "Lê Văn Bảy",
                                             "password": "Mật khẩu 2026"})["user"]
    assert (user["username"], user["full_name"]) == ("Le.Van-B_2", "Lê Văn Bảy")
    # Full-width letters are read as what they are (NFKC).
    fullwidth = world.ok("admin", "user.create", {"username": "\uff54\uff52\uff41\uff4e", "full_name": "Trần",
                                                  "password": "Mật khẩu 2026"})["user"]
    assert fullwidth["username"] == "tran"


@pytest.mark.parametrize(("username", "password", "says"), [
    ("tranvanc", "ngắn", "at least 8"),
    ("tranvanc", "TRANVANC", "must not be the username"),
])
def test_the_password_policy_is_enforced(world: World, username: str, password: str, says: str) -> None:
    message = world.refused("admin", "user.create", {"username": username, "full_name": "Trần Văn C",
                                                     "password": password}, "invalid")
    assert says in message
    assert says in world.refused("admin", "user.reset_password",
                                 {"user_id": world.users["delegate"], "new_password": password if
                                  password != "TRANVANC" else "DELEGATE"}, "invalid")


def test_deactivation_revokes_every_token_and_is_reported_before_the_revocation(world: World) -> None:
    first, second = new_token(world, "delegate"), new_token(world, "delegate")
    other = new_token(world, "chair")
    sid = world.connect("delegate")
    world.ok("admin", "user.set_active", {"user_id": world.users["delegate"], "active": False})
    for raw in (first, second):
        assert refusal(world, raw) == "This account is deactivated"
    assert refusal(world, other) is None
    with world.db.read() as session:
        tokens = session.scalars(select(Token).where(Token.user_id == world.users["delegate"])).all()
        assert tokens and all(t.revoked_at is not None for t in tokens)
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "user.deactivate")).one()
        assert audit.actor_id == world.users["admin"] and audit.details["user_id"] == world.users["delegate"]
    # The sweep of the process holding the socket finds it too (deactivated from the command line).
    ends = dead_sockets(world.pipeline.services)
    assert [(e.sids, e.reason) for e in ends] == [((sid,), "This account is deactivated")]
    # Reactivated: new logins work, the old tokens stay revoked.
    world.ok("admin", "user.set_active", {"user_id": world.users["delegate"], "active": True})
    assert "logged out" in (refusal(world, first) or "")
    assert refusal(world, new_token(world, "delegate")) is None


def test_an_admin_cannot_lock_themselves_out(world: World) -> None:
    me = world.users["admin"]
    assert "own account" in world.refused("admin", "user.set_active", {"user_id": me, "active": False},
                                          "conflict")
    assert "own administrator" in world.refused("admin", "user.update", {"user_id": me, "is_admin": False},
                                                "conflict")
    world.refused("admin", "user.reset_password", {"user_id": me, "new_password": "Mật khẩu mới"}, "conflict")
    assert user_row(world, "admin").is_admin and user_row(world, "admin").active
    world.refused("admin", "user.update", {"user_id": 999_999, "full_name": "Không ai"}, "not_found")


def test_reset_password_ends_every_session_and_asks_for_a_new_one(world: World) -> None:
    raw = new_token(world, "chair")
    data = world.ok("admin", "user.reset_password", {"user_id": world.users["chair"],
                                                     "new_password": "Tạm thời 123"})
    assert data["user"]["must_change_password"] is True
    assert "logged out" in (refusal(world, raw) or "")
    with world.db.read() as session:
        credentials = accounts.load_credentials(session, "chair")
    assert accounts.password_matches(credentials, "Tạm thời 123")


def test_roles_are_set_by_admins_and_listed_for_admins_only(world: World) -> None:
    newcomer = world.users["newcomer"]
    world.ok("admin", "user.update", {"user_id": newcomer, "is_organizer": True,
                                      "full_name": "Phạm Minh Đức"})
    assert user_row(world, "newcomer").is_organizer
    world.ok("admin", "user.set_active", {"user_id": world.users["outsider"], "active": False})

    listed = {u["username"]: u for u in world.ok("admin", "user.list", {"include_inactive": True})["users"]}
    assert listed["newcomer"]["is_organizer"] is True and listed["newcomer"]["full_name"] == "Phạm Minh Đức"
    assert listed["outsider"]["active"] is False and listed["admin"]["is_admin"] is True
    assert "last_login" in listed["chair"]
    active_only = {u["username"] for u in world.ok("admin", "user.list", {})["users"]}
    assert "outsider" not in active_only and "newcomer" in active_only
    # A secretary still gets the directory as before: active users, no roles, even when asking for more.
    seen = world.ok("secretary", "user.list", {"include_inactive": True})["users"]
    assert "outsider" not in {u["username"] for u in seen}
    assert all(set(u) == {"id", "username", "full_name"} for u in seen)


def test_an_idle_token_is_refused_and_a_used_one_is_not(world: World) -> None:
    policy = AuthPolicy(idle_timeout=timedelta(minutes=30))
    long_ago = utcnow() - timedelta(minutes=31)
    idle = new_token(world, "delegate", created_at=long_ago)
    used = new_token(world, "delegate", created_at=long_ago, last_used_at=utcnow() - timedelta(minutes=5))
    assert "idle for more than 30 minutes" in (refusal(world, idle, policy) or "")
    assert refusal(world, used, policy) is None
    assert refusal(world, used, AuthPolicy(idle_timeout=timedelta(minutes=4))) is not None
    # Uses remembered in memory (a command by token id, an HTTP call by digest), written by
    # the sweep, keep live tokens alive.
    short = AuthPolicy(idle_timeout=timedelta(minutes=4))
    http_used = new_token(world, "chair", created_at=utcnow() - timedelta(minutes=10))
    assert refusal(world, http_used, short) is not None
    with world.db.read() as session:
        token_id = session.scalar(select(Token.id).where(Token.token_hash == token_digest(used)))
    assert token_id is not None
    usage = TokenUsage(policy.usage_interval)
    usage.touch(token_id)
    usage.touch_digest(token_digest(http_used))
    TokenUsage.write(world.db, *usage.take())
    assert refusal(world, used, short) is None
    assert refusal(world, http_used, short) is None
    usage.touch(token_id)
    assert usage.waiting == 0, "a token is written at most once per interval"


def test_the_usage_interval_follows_a_tiny_idle_timeout() -> None:
    assert AuthPolicy().usage_interval == timedelta(minutes=1)
    assert AuthPolicy(idle_timeout=timedelta(seconds=8)).usage_interval == timedelta(seconds=2)


def test_people_search_folds_case_and_diacritics(world: World) -> None:
    """A secretary adding participants types without accents, as on any keyboard: "hung"
    finds "Nguyễn Văn Hùng", "DUC" finds "Phạm Minh Đức", every word must match, and a
    username still matches; on SQLite and PostgreSQL alike."""
    world.ok("admin", "user.update", {"user_id": world.users["newcomer"], "full_name": "Phạm Minh Đức"})
    world.ok("admin", "user.update", {"user_id": world.users["delegate"], "full_name": "Nguyễn Văn Hùng"})
    world.ok("admin", "user.update", {"user_id": world.users["observer"], "full_name": "Nguyễn Thị Hương"})

    def found(query: str) -> set[str]:
        return {u["full_name"] for u in world.ok("secretary", "user.list", {"query": query})["users"]}

    assert found("hung") == {"Nguyễn Văn Hùng"}
    assert found("Hùng") == {"Nguyễn Văn Hùng"}
    assert found("DUC") == {"Phạm Minh Đức"}
    assert found("nguyen") == {"Nguyễn Văn Hùng", "Nguyễn Thị Hương"}
    assert found("hung nguyen") == {"Nguyễn Văn Hùng"}  # every word, in any order
    assert found("huong nguyen") == {"Nguyễn Thị Hương"}
    assert found("newcom") == {"Phạm Minh Đức"}  # the username too
    assert found("hung pham") == set()
    world.ok("admin", "user.set_active", {"user_id": world.users["delegate"], "active": False})
    assert found("hung") == set()  # deactivated users stay out of the directory
    admin_sees = world.ok("admin", "user.list", {"query": "hung", "include_inactive": True})["users"]
    assert [u["full_name"] for u in admin_sees] == ["Nguyễn Văn Hùng"]
