"""Users, passwords (argon2), login tokens and login rate limiting."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from protocol.errors import ErrorCode, ProtocolError, conflict, invalid
from server.domain.context import Actor
from server.persistence.models import AuditEntry, LoginFailure, Token, User, utcnow

_hasher = PasswordHasher()
# Verifying against this when the user does not exist keeps the answer's timing the same.
_DUMMY_HASH = _hasher.hash("not a password")


@dataclass(frozen=True)
class AuthPolicy:
    """How long tokens live and how many failed logins are tolerated."""

    token_ttl: timedelta = timedelta(hours=12)
    failure_window: timedelta = timedelta(minutes=5)
    max_failures_per_username: int = 5
    max_failures_per_client: int = 30


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


def create_user(session: Session, username: str, full_name: str, password: str, *,
                admin: bool = False, organizer: bool = False, password_hash: str | None = None) -> User:
    """Add a user; the username must be free.

    ``password_hash``, when given, must be ``hash_password(password)``: it lets a caller
    creating many users with one password (the demo) pay for argon2 once.
    """
    username = username.strip()
    if not username or len(username) > 64:
        raise invalid("A username has 1 to 64 characters")
    if session.scalar(select(User).where(User.username == username)) is not None:
        raise conflict(f"The username {username!r} is taken")
    user = User(username=username, full_name=full_name.strip() or username,
                password_hash=password_hash or hash_password(password), is_admin=admin,
                is_organizer=organizer)
    session.add(user)
    session.flush()
    return user


def _too_many_failures(session: Session, username: str, client: str, policy: AuthPolicy) -> bool:
    since = utcnow() - policy.failure_window
    recent = select(func.count()).select_from(LoginFailure).where(LoginFailure.at >= since)
    by_client = session.scalar(recent.where(LoginFailure.client == client)) or 0
    by_name = session.scalar(recent.where(LoginFailure.client == client,
                                          LoginFailure.username == username)) or 0
    return by_client >= policy.max_failures_per_client or by_name >= policy.max_failures_per_username


@dataclass(frozen=True)
class Credentials:
    """What a login attempt is checked against, read before the slow hash comparison."""

    user_id: int | None
    password_hash: str
    active: bool


def load_credentials(session: Session, username: str, client: str, policy: AuthPolicy) -> Credentials:
    """Step 1 of a login (read-only): refuse a client that failed too often; load the hash."""
    if _too_many_failures(session, username, client, policy):
        raise ProtocolError(ErrorCode.RATE_LIMITED, "Too many failed logins; try again in a few minutes")
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
    return credentials.user_id is not None and credentials.active


def finish_login(session: Session, credentials: Credentials, matched: bool, username: str, password: str,
                 client: str, policy: AuthPolicy) -> LoginResult:
    """Step 3 (write): record a failure, or issue a token."""
    user = session.get(User, credentials.user_id) if matched and credentials.user_id else None
    if user is None or not user.active:
        session.add(LoginFailure(client=client, username=username[:64]))
        raise ProtocolError(ErrorCode.UNAUTHENTICATED, "Wrong username or password")
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    token = secrets.token_urlsafe(32)
    expires_at = utcnow() + policy.token_ttl
    session.add(Token(user_id=user.id, token_hash=token_digest(token), expires_at=expires_at))
    session.add(AuditEntry(actor_id=user.id, action="login", details={"client": client}))
    return LoginResult(token, expires_at, user)


def authenticate(session: Session, token: str) -> tuple[Actor, Token]:
    """The user behind a token; refuses a missing, expired, revoked or forged one."""
    row = session.scalar(select(Token).where(Token.token_hash == token_digest(token)))
    if row is None:
        raise ProtocolError(ErrorCode.UNAUTHENTICATED, "Unknown token; log in again")
    if row.revoked_at is not None:
        raise ProtocolError(ErrorCode.UNAUTHENTICATED, "This session was logged out; log in again")
    if row.expires_at <= utcnow():
        raise ProtocolError(ErrorCode.UNAUTHENTICATED, "This session has expired; log in again")
    user = row.user
    if not user.active:
        raise ProtocolError(ErrorCode.UNAUTHENTICATED, "This account is deactivated")
    return actor_of(user), row


def actor_of(user: User) -> Actor:
    """The Actor a user acts as."""
    return Actor(user.id, user.username, user.full_name, user.is_admin, user.is_organizer)


def logout(session: Session, token: str) -> int:
    """Revoke a token; returns its id (to disconnect its sockets)."""
    _actor, row = authenticate(session, token)
    row.revoked_at = utcnow()
    session.add(AuditEntry(actor_id=row.user_id, action="logout"))
    return row.id
