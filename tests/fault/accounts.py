"""Login tokens for the demo users, written straight to the database: a login hashes the
password (argon2), and the fault tests have better things to spend their minutes on."""

from __future__ import annotations

import secrets
from datetime import timedelta

from sqlalchemy import select

from server.domain.accounts import token_digest
from server.persistence.models import Token, User, utcnow
from tests.e2e.voting_scenarios import database_of
from tests.support.server_process import ServerProcess

NAMES = ["admin", "chair", "secretary", "observer1", "delegate1", "delegate2", "delegate3"]


def accounts(server: ServerProcess, names: list[str] = NAMES) -> tuple[dict[str, str], dict[str, int]]:
    """(token by username, user id by username) for ``names``, valid for two hours."""
    tokens = {name: secrets.token_urlsafe(32) for name in names}
    db = database_of(server)
    try:
        with db.write() as session:
            ids = dict(session.execute(select(User.username, User.id).where(User.username.in_(names))).all())
            for name, token in tokens.items():
                session.add(Token(user_id=ids[name], token_hash=token_digest(token),
                                  expires_at=utcnow() + timedelta(hours=2)))
    finally:
        db.dispose()
    return tokens, {name: int(ids[name]) for name in names}
