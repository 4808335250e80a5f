"""Users, passwords (argon2), login tokens and login rate limiting."""

from __future__ import annotations

import hashlib
import math
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session, joinedload

from protocol.errors import DEACTIVATED, ErrorCode, ProtocolError, conflict, invalid, rate_limited
from server.domain.context import Actor
from server.persistence.models import AuditEntry, LoginFailure, Token, User, UserCacheKey, utcnow

_hasher = PasswordHasher()
# Verifying against this when the user does not exist keeps the answer's timing the same.
_DUMMY_HASH = _hasher.hash("not a password")


@dataclass(frozen=True)
class AuthPolicy:
    """How long tokens live and how many failed logins are tolerated."""

    token_ttl: timedelta = timedelta(hours=12)
    idle_timeout: timedelta = timedelta(minutes=30)
    """A token unused this long is refused like an expired one. 30 minutes: the top of
    OWASP's range for ordinary applications. A running desktop client never idles out (in
    a meeting it beats every 2 s, its meetings list refreshes every minute); what does is a
    token whose client went away without logging out (a closed laptop, a crashed app, a
    token copied elsewhere), so that it cannot be replayed for the rest of its 12 hours."""
    failure_window: timedelta = timedelta(minutes=5)
    max_failures_per_username: int = 5
    max_failures_per_client: int = 30

    @property
    def usage_interval(self) -> timedelta:
        """How often a token's use is written at most: once a minute, or more often when
        the idle timeout is tiny (tests), so a used token never looks idle."""
        return min(timedelta(minutes=1), self.idle_timeout / 4)


MIN_PASSWORD_LENGTH = 8


def check_password_policy(username: str, password: str) -> None:
    """Refuse (``invalid``) a password that is too short or is the username."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise invalid(f"A password has at least {MIN_PASSWORD_LENGTH} characters")
    if password.strip().casefold() == username.strip().casefold():
        raise invalid("The password must not be the username")


@dataclass(frozen=True)
class LoginResult:
    token: str
    expires_at: datetime
    user: User


def hash_password(password: str) -> str:
    """An argon2id hash of the password."""
    return _hasher.hash(password)


def token_digest(token: str) -> str:
    """What the database keeps of a token: its sha256."""
    return hashlib.sha256(token.encode()).hexdigest()


USERNAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
"""A login name: ASCII letters and digits, then also ``.``, ``_`` and ``-``; at most 64."""


def login_name(text: str) -> str:
    """A new username in its one accepted form, or ``invalid``.

    Usernames are typed at every login and shown as who did what, so one must not pass for
    another: after NFKC (a full-width "ａｄｍｉｎ" is "admin") only ASCII letters, digits,
    dots, hyphens and underscores remain allowed, which leaves no look-alike letters (a
    Cyrillic "а" in "аdmin", a Greek "ο"); uniqueness ignores case. Full names stay free
    Unicode (Vietnamese names with their marks)."""
    name = unicodedata.normalize("NFKC", text).strip()
    if not USERNAME.fullmatch(name):
        raise invalid("A username is 1 to 64 letters A-Z without marks, digits, dots, hyphens "
                      "or underscores, starting with a letter or digit")
    return name


def create_user(session: Session, username: str, full_name: str, password: str, *,
                admin: bool = False, organizer: bool = False, password_hash: str | None = None) -> User:
    """Add a user; the username must be free.

    ``password_hash``, when given, must be ``hash_password(password)``: it lets a caller
    creating many users with one password (the demo) pay for argon2 once.
    """
    username = login_name(username)
    if session.scalar(select(User).where(func.lower(User.username) == username.lower())) is not None:
        raise conflict(f"The username {username!r} is taken")  # "Admin" when "admin" exists too
    user = User(username=username, full_name=full_name.strip() or username,
                password_hash=password_hash or hash_password(password), is_admin=admin,
                is_organizer=organizer)
    session.add(user)
    session.flush()
    return user


def _lock_pair(session: Session, client: str, username: str) -> None:
    """Serialise the attempts on one (address, username) pair until this transaction ends, so
    that counting them and recording this one is atomic. SQLite's write transactions are
    serial already (``BEGIN IMMEDIATE``); PostgreSQL takes an advisory lock on the pair."""
    if session.get_bind().dialect.name == "postgresql":
        digest = hashlib.sha256(f"login\0{client}\0{username}".encode()).digest()
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                        {"key": int.from_bytes(digest[:8], "big", signed=True)})


def reserve_attempt(session: Session, username: str, client: str, policy: AuthPolicy) -> int:
    """Step 1 of a login (write): refuse a pair (address, username) that failed too often;
    otherwise record this attempt as a failure *before* the password is compared (deleted
    if it matches), so that simultaneous guesses are counted exactly: at most
    ``max_failures_per_username`` of them are ever compared. Returns the attempt's id."""
    username = username[:64]
    _lock_pair(session, client, username)
    now = utcnow()
    recent = session.scalars(select(LoginFailure.at).where(
        LoginFailure.client == client, LoginFailure.username == username,
        LoginFailure.at >= now - policy.failure_window,
    ).order_by(LoginFailure.at).limit(policy.max_failures_per_username)).all()
    if len(recent) >= policy.max_failures_per_username:
        wait = (recent[0] + policy.failure_window - now).total_seconds()
        minutes = max(1, math.ceil(wait / 60))
        raise rate_limited(f"Too many failed logins; try again in {minutes} minutes", wait)
    attempt = LoginFailure(client=client, username=username, at=now)
    session.add(attempt)
    session.flush()
    return attempt.id


def address_failures(session: Session, client: str, policy: AuthPolicy) -> int:
    """Failed logins from one address within the window, whatever the username."""
    return session.scalar(select(func.count()).select_from(LoginFailure).where(
        LoginFailure.client == client, LoginFailure.at >= utcnow() - policy.failure_window)) or 0


def settle_attempt(session: Session, attempt_id: int, matched: bool) -> None:
    """A right password was no failure: forget its reserved attempt."""
    if matched:
        session.execute(delete(LoginFailure).where(LoginFailure.id == attempt_id))


@dataclass(frozen=True)
class Credentials:
    """What a login attempt is checked against, read before the slow hash comparison."""

    user_id: int | None
    password_hash: str
    active: bool


def load_credentials(session: Session, username: str) -> Credentials:
    """Step 2 of a login: the user's hash (a dummy one for an unknown user)."""
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        return Credentials(None, _DUMMY_HASH, False)
    return Credentials(user.id, user.password_hash, user.active)


def password_matches(credentials: Credentials, password: str) -> bool:
    """Step 2 (no transaction open: argon2 takes ~100 ms and must not hold a write lock)."""
    try:
        _hasher.verify(credentials.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
    # A deactivated account with the right password is told so (finish_login), so that its
    # client can wipe its offline cache; a wrong password never learns the account's state.
    return credentials.user_id is not None


def finish_login(session: Session, credentials: Credentials, matched: bool, username: str, password: str,
                 client: str, policy: AuthPolicy, attempt_id: int) -> LoginResult:
    """Step 4 (write): keep the failure reserved in step 1, or forget it and issue a token."""
    user = session.get(User, credentials.user_id) if matched and credentials.user_id else None
    settle_attempt(session, attempt_id, user is not None)
    if user is None:
        session.add(AuditEntry(actor_id=credentials.user_id, action="login.failed",
                               details={"client": client, "username": username[:64]}))
        raise ProtocolError(ErrorCode.UNAUTHENTICATED, "Wrong username or password")
    if not user.active:
        raise ProtocolError(ErrorCode.UNAUTHENTICATED, DEACTIVATED_MESSAGE, reason=DEACTIVATED)
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    token = secrets.token_urlsafe(32)
    expires_at = utcnow() + policy.token_ttl
    session.add(Token(user_id=user.id, token_hash=token_digest(token), expires_at=expires_at,
                      last_used_at=utcnow()))
    session.add(AuditEntry(actor_id=user.id, action="login", details={"client": client}))
    return LoginResult(token, expires_at, user)


DEACTIVATED_MESSAGE = "This account is deactivated"


def refusal_of(row: Token, user: User, policy: AuthPolicy, now: datetime | None = None) -> str | None:
    """Why a token no longer holds, or None while it does.

    The order matters: a deactivated account is reported before the revocation that came
    with it (a client wipes its cached data when it reads "deactivated").
    """
    now = now or utcnow()
    if not user.active:
        return DEACTIVATED_MESSAGE
    if row.revoked_at is not None:
        return "This session was logged out; log in again"
    if row.expires_at <= now:
        return "This session has expired; log in again"
    if (row.last_used_at or row.created_at) + policy.idle_timeout <= now:
        minutes = policy.idle_timeout.total_seconds() / 60
        return f"This session was idle for more than {minutes:g} minutes; log in again"
    return None


def authenticate(session: Session, token: str, policy: AuthPolicy | None = None) -> tuple[Actor, Token]:
    """The user behind a token; refuses a missing, deactivated, revoked, expired, idle or
    forged one. ``policy``: the server's (the default one otherwise)."""
    row = session.scalar(select(Token).options(joinedload(Token.user))
                         .where(Token.token_hash == token_digest(token)))
    if row is None:
        raise ProtocolError(ErrorCode.UNAUTHENTICATED, "Unknown token; log in again")
    reason = refusal_of(row, row.user, policy or AuthPolicy())
    if reason is not None:
        # A client reading the "deactivated" reason wipes its offline cache.
        raise ProtocolError(ErrorCode.UNAUTHENTICATED, reason,
                            reason=DEACTIVATED if reason == DEACTIVATED_MESSAGE else None)
    return actor_of(row.user), row


def cache_key(session: Session, user: User) -> bytes:
    """The user's offline-cache key (32 random bytes), made on first use."""
    row = session.get(UserCacheKey, user.id)
    if row is None:
        row = UserCacheKey(user_id=user.id, key=secrets.token_bytes(32))
        session.add(row)
        session.flush()
    return bytes(row.key)


def rotate_cache_key(session: Session, user_id: int) -> None:
    """Forget the user's cache key: every offline cache made with it becomes unreadable
    (call it when deactivating a user or resetting their password)."""
    row = session.get(UserCacheKey, user_id)
    if row is not None:
        session.delete(row)
        session.flush()


def actor_of(user: User) -> Actor:
    """The Actor a user acts as."""
    return Actor(user.id, user.username, user.full_name, user.is_admin, user.is_organizer)


def logout(session: Session, token: str, policy: AuthPolicy | None = None) -> int:
    """Revoke a token; returns its id (to disconnect its sockets)."""
    _actor, row = authenticate(session, token, policy)
    row.revoked_at = utcnow()
    session.add(AuditEntry(actor_id=row.user_id, action="logout"))
    return row.id
