"""User administration (admins) and password changes: accounts and what revokes them.

Every change that ends a user's sessions revokes their tokens in the transaction and names
the sockets to close (``Outcome.ended``): the transport closes them after the commit, on
every server process. An admin may not deactivate or demote themselves, so the server
always keeps the admin making the change: it is never left without an active admin.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from protocol import commands as c
from protocol.errors import conflict, not_found
from protocol.events import SESSION_DEACTIVATED
from server.domain import accounts, capabilities
from server.domain.audit import record
from server.domain.context import CommandContext, Outcome, SessionEnd
from server.domain.handlers import handles
from server.domain.search.fold import fold, matches, words
from server.persistence.event_log import iso
from server.persistence.models import Connection, Token, User, utcnow

DEACTIVATED = accounts.DEACTIVATED_MESSAGE
"""The same words as a refused token's: a client may act on them (wipe its cached data)."""
PASSWORD_RESET = "Your password was reset by an administrator; sign in with the new one"
PASSWORD_CHANGED = "Your password was changed on another device; sign in again"


def revoke_tokens(session: Session, user_id: int, keep: int | None = None) -> tuple[str, ...]:
    """Revoke every live token of a user (but ``keep``); the sockets opened with them."""
    now = utcnow()
    live = update(Token).where(Token.user_id == user_id, Token.revoked_at.is_(None),
                               Token.expires_at > now)
    if keep is not None:
        live = live.where(Token.id != keep)
    session.execute(live.values(revoked_at=now).execution_options(synchronize_session=False))
    sockets = select(Connection.sid).where(Connection.user_id == user_id)
    if keep is not None:
        sockets = sockets.where(Connection.token_id != keep)
    return tuple(session.scalars(sockets.order_by(Connection.sid)))


def user_view(user: User, last_login: datetime | None = None, admin: bool = False) -> dict[str, Any]:
    """A user as the directory shows them; what only admins see when ``admin``."""
    view: dict[str, Any] = {"id": user.id, "username": user.username, "full_name": user.full_name}
    if admin:
        view.update(active=user.active, is_admin=user.is_admin, is_organizer=user.is_organizer,
                    must_change_password=user.must_change_password, last_login=iso(last_login))
    return view


LIST_LIMIT = 200
"""The most users one ``user.list`` answers."""


@handles(c.UserList, reads=True)
def list_users(ctx: CommandContext, p: c.UserList) -> Outcome:
    """Users whose username or full name contains every word of the query, folded (case and
    diacritics: "hung" finds "Nguyễn Văn Hùng"), at most 200: active ones; for admins, with
    their roles, state and last login, and deactivated ones on request."""
    admin = ctx.actor.is_admin
    last_login = (select(Token.user_id, func.max(Token.created_at).label("at"))
                  .group_by(Token.user_id).subquery())
    query = (select(User, last_login.c.at).outerjoin(last_login, last_login.c.user_id == User.id)
             .order_by(User.full_name, User.id).limit(LIST_LIMIT))
    active_only = not (admin and p.include_inactive)
    if active_only:
        query = query.where(User.active.is_(True))
    terms = words(p.query or "")
    if terms:
        query = query.where(User.id.in_(_matching_ids(ctx.session, terms, active_only)))
    users = [user_view(user, at, admin) for user, at in ctx.session.execute(query)]
    return Outcome({"users": users})


def _matching_ids(session: Session, terms: list[str], active_only: bool) -> list[int]:
    """The ids of the users (the first LIST_LIMIT by name) whose folded username and full name
    contain every term. Folded in Python with the document search's own ``fold``: SQLite has
    no unaccent and a stored folded copy would need every writer of a name to keep it; a
    directory of a few thousand names folds in milliseconds."""
    rows = select(User.id, User.username, User.full_name).order_by(User.full_name, User.id)
    if active_only:
        rows = rows.where(User.active.is_(True))
    found: list[int] = []
    for user_id, username, full_name in session.execute(rows):
        if matches(fold(f"{username} {full_name}"), terms):
            found.append(user_id)
            if len(found) == LIST_LIMIT:
                break
    return found


def _user(ctx: CommandContext, user_id: int) -> User:
    user = ctx.session.get(User, user_id)
    if user is None:
        raise not_found(f"User {user_id} not found")
    return user


@handles(c.UserCreate)
def create(ctx: CommandContext, p: c.UserCreate) -> Outcome:
    """Add a user (the password policy applies)."""
    accounts.check_password_policy(p.username, p.password)
    user = accounts.create_user(ctx.session, p.username, p.full_name, p.password,
                                admin=p.is_admin, organizer=p.is_organizer)
    record(ctx, "user.create", details={"user_id": user.id, "username": user.username,
                                        "is_admin": user.is_admin, "is_organizer": user.is_organizer})
    return Outcome({"user": user_view(user, admin=True)})


@handles(c.UserUpdate)
def update_user(ctx: CommandContext, p: c.UserUpdate) -> Outcome:
    """Change a user's name or global roles. Sockets of a user whose roles changed are
    closed quietly: they reconnect with the rights they have now."""
    user = _user(ctx, p.user_id)
    if user.id == ctx.actor.user_id and p.is_admin is False:
        raise conflict("You cannot remove your own administrator role")
    before = {"full_name": user.full_name, "is_admin": user.is_admin, "is_organizer": user.is_organizer}
    # Their capabilities in each meeting they take part in, told there if they change (a
    # client that catches up after the reconnect replays them).
    roles_change = p.is_admin not in (None, user.is_admin) or p.is_organizer not in (None, user.is_organizer)
    watches = [capabilities.Watch(ctx.session, meeting_id, [user.id])
               for meeting_id in capabilities.meetings_of(ctx.session, user.id)] if roles_change else []
    if p.full_name is not None:
        user.full_name = p.full_name
    if p.is_admin is not None:
        user.is_admin = p.is_admin
    if p.is_organizer is not None:
        user.is_organizer = p.is_organizer
    after = {"full_name": user.full_name, "is_admin": user.is_admin, "is_organizer": user.is_organizer}
    outcome = Outcome({"user": user_view(user, admin=True)})
    if after == before:
        return outcome
    outcome.events = [event for watch in watches for event in watch.events()]
    record(ctx, "user.update", details={"user_id": user.id, "before": before, "after": after})
    if (before["is_admin"], before["is_organizer"]) != (user.is_admin, user.is_organizer):
        sids = tuple(ctx.session.scalars(select(Connection.sid).where(Connection.user_id == user.id)))
        if sids:
            outcome.ended.append(SessionEnd(sids))
    return outcome


@handles(c.UserSetActive)
def set_active(ctx: CommandContext, p: c.UserSetActive) -> Outcome:
    """Deactivate (every session revoked, every socket closed at once) or reactivate a user."""
    user = _user(ctx, p.user_id)
    if user.id == ctx.actor.user_id and not p.active:
        raise conflict("You cannot deactivate your own account")
    outcome = Outcome()
    if user.active != p.active:
        user.active = p.active
        record(ctx, "user.activate" if p.active else "user.deactivate",
               details={"user_id": user.id, "username": user.username})
        if not p.active:
            accounts.rotate_cache_key(ctx.session, user.id)  # old offline caches become unreadable
            sids = revoke_tokens(ctx.session, user.id)
            if sids:
                outcome.ended.append(SessionEnd(sids, DEACTIVATED, SESSION_DEACTIVATED))
    outcome.data = {"user": user_view(user, admin=True)}
    return outcome


@handles(c.UserResetPassword)
def reset_password(ctx: CommandContext, p: c.UserResetPassword) -> Outcome:
    """Give a user a new password: every session of theirs ends, and they are asked to
    choose their own at their next login."""
    user = _user(ctx, p.user_id)
    if user.id == ctx.actor.user_id:
        raise conflict("Change your own password with \"Change password\" (it asks for the current one)")
    accounts.check_password_policy(user.username, p.new_password)
    user.password_hash = accounts.hash_password(p.new_password)
    user.must_change_password = True
    record(ctx, "user.reset_password", details={"user_id": user.id, "username": user.username})
    accounts.rotate_cache_key(ctx.session, user.id)
    sids = revoke_tokens(ctx.session, user.id)
    outcome = Outcome({"user": user_view(user, admin=True)})
    if sids:
        outcome.ended.append(SessionEnd(sids, PASSWORD_RESET))
    return outcome
