"""``meeting-server user ...``: add, deactivate, activate, reset-password, set-role.

For the first admin's sake (and a locked-out one): these run against the database
directly, with no admin to check them. Sockets of a running server whose user was
deactivated or whose password was reset are closed by its session sweep within seconds.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from protocol.errors import ProtocolError, not_found
from server.domain import accounts
from server.domain.users import revoke_tokens
from server.persistence.db import Database
from server.persistence.models import AuditEntry, User


def add_parsers(user_commands: argparse._SubParsersAction[argparse.ArgumentParser],
                storage: Callable[[argparse.ArgumentParser], None]) -> None:
    """The ``user`` subcommands; ``storage`` adds the database options to each."""
    add = user_commands.add_parser("add", help="add a user")
    add.add_argument("username")
    add.add_argument("--full-name", required=True)
    add.add_argument("--admin", action="store_true", help="may do everything")
    add.add_argument("--organizer", action="store_true", help="may create meetings")
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    storage(add)
    for name, text in (("deactivate", "deactivate a user: every session ends, no more logins"),
                       ("activate", "let a deactivated user log in again")):
        command = user_commands.add_parser(name, help=text)
        command.add_argument("username")
        storage(command)
    reset = user_commands.add_parser("reset-password",
                                     help="set a new password (every session of the user ends)")
    reset.add_argument("username")
    reset.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    reset.add_argument("--no-change-required", action="store_true",
                       help="do not ask the user to choose a new password at the next login")
    storage(reset)
    role = user_commands.add_parser("set-role", help="give or take the global admin/organizer roles")
    role.add_argument("username")
    for flag, meaning in (("admin", "administrator"), ("organizer", "organizer")):
        group = role.add_mutually_exclusive_group()
        group.add_argument(f"--{flag}", dest=flag, action="store_true", default=None, help=f"make {meaning}")
        group.add_argument(f"--no-{flag}", dest=flag, action="store_false", help=f"no longer {meaning}")
    storage(role)


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    return getpass.getpass(f"Password for {args.username}: ")


def _find(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise not_found(f"No user is named {username!r}")
    return user


def run(db: Database, args: argparse.Namespace) -> int:
    """Run one ``user`` subcommand; 0 on success, 1 refused, 2 bad input."""
    try:
        if args.user_command == "add":
            return _add(db, args)
        password = _password(args) if args.user_command == "reset-password" else ""
        with db.write() as session:
            user = _find(session, args.username)
            print(_change(session, user, args, password))
    except ProtocolError as refusal:
        print(refusal.message, file=sys.stderr)
        return 1
    return 0


def _add(db: Database, args: argparse.Namespace) -> int:
    password = _password(args)
    if not password:
        print("A password is required", file=sys.stderr)
        return 2
    with db.write() as session:
        user = accounts.create_user(session, args.username, args.full_name, password,
                                    admin=args.admin, organizer=args.organizer)
        print(f"Added user {user.username} (id {user.id})")
    return 0


def _change(session: Session, user: User, args: argparse.Namespace, password: str) -> str:
    """Apply one change to ``user``; what to print."""
    command = args.user_command
    details = {"user_id": user.id, "username": user.username, "by": "command line"}
    if command == "deactivate":
        user.active = False
        accounts.rotate_cache_key(session, user.id)
        ended = revoke_tokens(session, user.id)
        session.add(AuditEntry(actor_id=None, action="user.deactivate", details=details))
        return f"Deactivated {user.username} ({len(ended)} open connections will be closed)"
    if command == "activate":
        user.active = True
        session.add(AuditEntry(actor_id=None, action="user.activate", details=details))
        return f"Activated {user.username}"
    if command == "reset-password":
        accounts.check_password_policy(user.username, password)
        user.password_hash = accounts.hash_password(password)
        user.must_change_password = not args.no_change_required
        accounts.rotate_cache_key(session, user.id)
        revoke_tokens(session, user.id)
        session.add(AuditEntry(actor_id=None, action="user.reset_password", details=details))
        return f"Set a new password for {user.username}"
    if args.admin is not None:
        user.is_admin = args.admin
    if args.organizer is not None:
        user.is_organizer = args.organizer
    session.add(AuditEntry(actor_id=None, action="user.update", details={
        **details, "after": {"is_admin": user.is_admin, "is_organizer": user.is_organizer}}))
    roles = [name for name, held in (("admin", user.is_admin), ("organizer", user.is_organizer)) if held]
    return f"{user.username} is now: {', '.join(roles) or 'no global role'}"
