"""The audit log is one hash chain, on SQLite and PostgreSQL, and tampering is caught."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Connection, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from server.persistence.audit_anchor import anchor_today, current_head, read_anchors, write_anchor
from server.persistence.audit_chain import GENESIS, entry_hash
from server.persistence.audit_verify import Verdict, parse_head, verify_chain
from server.persistence.db import Database
from server.persistence.models import AuditEntry, utcnow


def add_entries(db: Database, count: int, per_transaction: int = 2) -> None:
    for start in range(0, count, per_transaction):
        with db.write() as session:
            for i in range(start, min(count, start + per_transaction)):
                session.add(AuditEntry(action="test.entry", meeting_id=i % 3 or None,
                                       details={"i": i, "ghi chú": "Biên bản Hà Nội"}))


def verdict(db: Database) -> Verdict:
    with db.read() as session:
        return verify_chain(session)


@contextmanager
def attacker(db: Database) -> Iterator[Connection]:
    """A connection with the append-only triggers dropped (as someone with the database's
    rights could), in a transaction rolled back at the end (PostgreSQL's DDL too), so the
    shared test database keeps its triggers."""
    with db.engine.connect() as connection:
        transaction = connection.begin()
        if db.is_sqlite:
            connection.execute(text("DROP TRIGGER audit_log_no_update"))
            connection.execute(text("DROP TRIGGER audit_log_no_delete"))
        else:
            connection.execute(text("DROP TRIGGER audit_log_append_only ON audit_log"))
        try:
            yield connection
        finally:
            transaction.rollback()


def verdict_on(connection: Connection) -> Verdict:
    return verify_chain(Session(bind=connection))


def test_entries_are_chained_in_order_with_their_hashes(db: Database) -> None:
    add_entries(db, 7, per_transaction=3)
    with db.read() as session:
        rows = session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars().all()
    assert [r.seq for r in rows] == list(range(1, 8))
    prev = GENESIS
    for row in rows:
        assert row.prev_hash == prev
        assert row.hash == entry_hash(row.seq or 0, row.at, row.actor_id, row.action, row.meeting_id,
                                      row.details, prev)
        prev = row.hash
    result = verdict(db)
    assert result.ok and result.entries == 7 and result.verified_seq == 7 and result.head_hash == prev


def test_a_rolled_back_savepoint_leaves_no_entry_and_no_gap(db: Database) -> None:
    with db.write() as session:
        session.add(AuditEntry(action="kept.1"))
        nested = session.begin_nested()
        session.add(AuditEntry(action="refused"))
        session.flush()
        nested.rollback()
        session.add(AuditEntry(action="kept.2"))
    with db.write() as session:
        session.add(AuditEntry(action="never"))
        session.flush()
        session.rollback()
    with db.read() as session:
        actions = session.execute(select(AuditEntry.action).order_by(AuditEntry.seq)).scalars().all()
    assert actions == ["kept.1", "kept.2"]
    assert verdict(db).ok


def test_the_triggers_refuse_changing_or_deleting_an_entry(db: Database) -> None:
    add_entries(db, 3)
    for statement in ("UPDATE audit_log SET action = 'forged' WHERE seq = 2",
                      "UPDATE audit_log SET hash = NULL, seq = NULL WHERE seq = 2",
                      "DELETE FROM audit_log WHERE seq = 3"):
        with pytest.raises(DBAPIError, match="append-only"), db.write() as session:
            session.execute(text(statement))
    assert verdict(db).ok and verdict(db).entries == 3


def test_verify_catches_a_changed_entry(db: Database) -> None:
    add_entries(db, 5)
    with attacker(db) as connection:
        connection.execute(text("UPDATE audit_log SET details = :d WHERE seq = 3"), {"d": '{"i": 99}'})
        result = verdict_on(connection)
    assert not result.ok and result.broken_seq == 3 and "changed" in result.reason
    assert result.verified_seq == 2


def test_verify_catches_a_changed_entry_even_with_its_hash_recomputed(db: Database) -> None:
    add_entries(db, 5)
    with attacker(db) as connection:
        row = connection.execute(text("SELECT at, prev_hash FROM audit_log WHERE seq = 2")).one()
        with Session(bind=connection) as session:
            entry = session.execute(select(AuditEntry).where(AuditEntry.seq == 2)).scalar_one()
            forged = entry_hash(2, entry.at, None, "forged", None, {}, row.prev_hash)
        connection.execute(text("UPDATE audit_log SET action = 'forged', actor_id = NULL, meeting_id = NULL, "
                                "details = '{}', hash = :h WHERE seq = 2"), {"h": forged})
        result = verdict_on(connection)
    assert not result.ok and result.broken_seq == 3 and "prev_hash" in result.reason


def test_verify_catches_a_removed_entry(db: Database) -> None:
    add_entries(db, 5)
    with attacker(db) as connection:
        connection.execute(text("DELETE FROM audit_log WHERE seq = 2"))
        result = verdict_on(connection)
    assert not result.ok and result.broken_seq == 2 and "missing" in result.reason


def test_verify_catches_a_cut_tail_by_the_head_or_the_noted_head(db: Database) -> None:
    add_entries(db, 5)
    noted = verdict(db)
    with attacker(db) as connection:
        connection.execute(text("DELETE FROM audit_log WHERE seq >= 4"))
        result = verdict_on(connection)
        assert not result.ok and result.broken_seq == 4 and "removed" in result.reason
        # Rewriting the head too hides it from the database alone, not from a noted head.
        last = connection.execute(text("SELECT hash FROM audit_log WHERE seq = 3")).scalar_one()
        connection.execute(text("UPDATE audit_head SET last_seq = 3, last_hash = :h"), {"h": last})
        assert verdict_on(connection).ok
        session = Session(bind=connection)
        cut = verify_chain(session, parse_head(f"{noted.verified_seq}:{noted.head_hash}"))
    assert not cut.ok and cut.broken_seq == 4


def test_verify_reports_an_entry_slipped_in_outside_the_chain(db: Database) -> None:
    add_entries(db, 2)
    with db.engine.begin() as connection:  # Core, not a session: nothing chains it
        connection.execute(AuditEntry.__table__.insert().values(action="sneaked", details={}))
    result = verdict(db)
    assert not result.ok and "without a place" in result.reason


@pytest.mark.postgres
def test_concurrent_writers_on_postgres_make_one_line(postgres_database: Database) -> None:
    from tests.server.databases import truncate_all

    db = postgres_database
    truncate_all(db)
    errors: list[BaseException] = []
    start = threading.Barrier(6)

    def writer(n: int) -> None:
        try:
            start.wait(timeout=30)
            for i in range(15):
                with db.write() as session:
                    session.add(AuditEntry(action="concurrent", details={"writer": n, "i": i}))
                    if i % 2:
                        session.add(AuditEntry(action="concurrent.pair", details={"writer": n, "i": i}))
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    result = verdict(db)
    assert result.ok, result.reason
    assert result.entries == 6 * (15 + 7)


def test_the_migration_chains_the_entries_written_before_it(tmp_path: Path) -> None:
    from alembic import command

    from server.persistence.migrate import alembic_config, migrate

    db = Database(f"sqlite:///{tmp_path / 'old.db'}")
    try:
        config = alembic_config(db.url)
        with db.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0007")
        with db.engine.begin() as connection:
            for n in range(4):
                connection.execute(text("INSERT INTO audit_log (at, action, details) VALUES "
                                        "(:at, :action, :details)"),
                                   {"at": f"2026-11-0{n + 1} 08:00:00.000000", "action": f"old.{n}",
                                    "details": '{"tên": "Đà Nẵng"}'})
        migrate(db)
        result = verdict(db)
        assert result.ok and result.entries == 4
        add_entries(db, 2)
        assert verdict(db).ok and verdict(db).entries == 6
    finally:
        db.dispose()


def rewrite_from(connection: Connection, seq: int) -> None:
    """What someone with the database's rights can do: change entry ``seq`` and hash the
    chain again from there, head included, so that it checks out from inside."""
    connection.execute(text("UPDATE audit_log SET details = '{\"i\": 99}' WHERE seq = :s"), {"s": seq})
    session = Session(bind=connection)
    entries = session.execute(select(AuditEntry).where(AuditEntry.seq >= seq)
                              .order_by(AuditEntry.seq)).scalars()
    prev = connection.execute(text("SELECT prev_hash FROM audit_log WHERE seq = :s"), {"s": seq}).scalar_one()
    for entry in list(entries):
        digest = entry_hash(entry.seq, entry.at, entry.actor_id, entry.action, entry.meeting_id,
                            entry.details, prev)
        connection.execute(text("UPDATE audit_log SET prev_hash = :p, hash = :h WHERE seq = :s"),
                           {"p": prev, "h": digest, "s": entry.seq})
        prev = digest
    connection.execute(text("UPDATE audit_head SET last_hash = :h"), {"h": prev})


def test_a_rewritten_chain_is_caught_by_the_anchors_outside_the_database(db: Database,
                                                                        tmp_path: Path) -> None:
    """The day's head file and a published minutes' anchor are points of the chain kept
    outside the database: a chain rewritten from before them fails at the first one."""
    anchors_dir = tmp_path / "anchors"
    add_entries(db, 4)
    assert anchor_today(db, anchors_dir) is not None
    assert anchor_today(db, anchors_dir) is None  # once a day
    add_entries(db, 3)
    with db.read() as session:
        write_anchor(anchors_dir, "minutes-1-v1", current_head(session), utcnow())
    add_entries(db, 2)
    anchors = read_anchors(anchors_dir)
    assert [a.head.seq for a in anchors] == [4, 7]
    with db.read() as session:
        assert verify_chain(session, anchors=anchors).ok
    with attacker(db) as connection:
        rewrite_from(connection, 6)
        assert verdict_on(connection).ok  # from inside the database, nothing shows
        caught = verify_chain(Session(bind=connection), anchors=anchors)
        assert not caught.ok and caught.broken_seq == 7
        assert "minutes-1-v1" in caught.reason and "rewritten" in caught.reason
        rewrite_from(connection, 2)
        caught = verify_chain(Session(bind=connection), anchors=anchors)
        assert not caught.ok and caught.broken_seq == 4 and "head-" in caught.reason


def test_audit_verify_reads_the_anchors_by_itself(tmp_path: Path) -> None:
    """``meeting-server audit verify`` with no --expect-head checks the data directory's anchors."""
    data = tmp_path / "data"
    data.mkdir()
    db = Database(f"sqlite:///{data / 'meetings.db'}")
    try:
        from server.persistence.migrate import migrate

        migrate(db)
        add_entries(db, 5)
        with db.read() as session:
            write_anchor(data / "anchors", "head-2026-12-07", current_head(session), utcnow())
        with db.engine.begin() as connection:  # the triggers dropped for good, as an attacker would
            connection.execute(text("DROP TRIGGER audit_log_no_update"))
            rewrite_from(connection, 3)
    finally:
        db.dispose()

    def verify() -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "server.cli", "audit", "verify", "--data-dir", str(data)]
        return subprocess.run(command, capture_output=True, text=True, timeout=60)

    broken = verify()
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "BROKEN at seq 5" in broken.stdout and "head-2026-12-07" in broken.stdout
    (data / "anchors" / "head-2026-12-07").unlink()
    intact = verify()  # without its anchor the rewrite passes: the anchors are what catch it
    assert intact.returncode == 0 and "0 anchors checked" in intact.stdout
