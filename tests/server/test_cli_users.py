"""``meeting-server user ...`` on a real SQLite data directory: the first admin's tools."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import select

from server.cli import main
from server.domain import accounts
from server.persistence.db import Database, sqlite_url
from server.persistence.models import AuditEntry, Token, User, utcnow


def run(monkeypatch: pytest.MonkeyPatch, data_dir: Path, *args: str, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["user", *args, "--data-dir", str(data_dir)])


def test_the_user_commands_change_accounts_and_end_sessions(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert run(monkeypatch, data, "add", "lan", "--full-name", "Đặng Thị Lan", "--password-stdin",
               stdin="Mật khẩu 2026\n") == 0
    db = Database(sqlite_url(data))
    try:
        with db.write() as session:
            user = session.scalars(select(User).where(User.username == "lan")).one()
            session.add(Token(user_id=user.id, token_hash="a" * 64, expires_at=utcnow().replace(year=2100)))

        assert run(monkeypatch, data, "set-role", "lan", "--admin", "--no-organizer") == 0
        assert run(monkeypatch, data, "deactivate", "lan") == 0
        with db.read() as session:
            user = session.scalars(select(User).where(User.username == "lan")).one()
            assert user.is_admin and not user.is_organizer and not user.active
            assert session.scalars(select(Token)).one().revoked_at is not None
            actions = set(session.scalars(select(AuditEntry.action)))
            assert {"user.update", "user.deactivate"} <= actions

        assert run(monkeypatch, data, "activate", "lan") == 0
        assert run(monkeypatch, data, "reset-password", "lan", "--password-stdin", stdin="ngắn\n") == 1
        assert "at least 8" in capsys.readouterr().err
        new = "Mới hẳn 2026\n"
        assert run(monkeypatch, data, "reset-password", "lan", "--password-stdin", stdin=new) == 0
        with db.read() as session:
            user = session.scalars(select(User).where(User.username == "lan")).one()
            assert user.active and user.must_change_password
            credentials = accounts.load_credentials(session, "lan")
        assert accounts.password_matches(credentials, "Mới hẳn 2026")
        assert run(monkeypatch, data, "deactivate", "nobody") == 1
        assert "No user is named 'nobody'" in capsys.readouterr().err
    finally:
        db.dispose()
