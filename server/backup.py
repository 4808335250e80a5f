"""``meeting-server backup`` and ``restore``: the database and the documents in one archive.

The archive is a tar file (gzip when its name ends in ``.gz``) holding:

- ``database/meetings.db``: a SQLite database copied with SQLite's online backup API (a
  consistent copy while the server writes), or ``database/tables/<table>.jsonl``: the
  portable dump of ``persistence/table_dump.py`` (PostgreSQL);
- ``blobs/ab/cd/<sha256>``: every document file. The database is copied first: a blob is
  stored before the row naming it commits, so every file the copy names is there;
- ``manifest.json``: format, server version, migration revision, rows per table and the
  sha256 of every other member. ``restore`` checks every hash (and that nothing is missing
  or added) before it touches the target.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command

from server import __version__
from server.persistence import table_dump
from server.persistence.db import Database
from server.persistence.migrate import alembic_config

FORMAT = "paperless-meeting-backup/1"
CHUNK = 1024 * 1024
EMPTY_ALLOWED = table_dump.SKIPPED_TABLES | {"audit_head"}
"""Tables that may hold rows in a target that counts as empty (a migrated database, or one
a server started on and left)."""


class BackupError(Exception):
    """A backup or restore refused, with a message for the operator."""


@dataclass(frozen=True)
class Target:
    """Where a backup is read from or restored to."""

    database_url: str
    blob_root: Path

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def sqlite_path(self) -> Path:
        return Path(sa.make_url(self.database_url).database or "")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _revision(engine: sa.Engine) -> str | None:
    with engine.connect() as connection:
        return connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def _sqlite_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        names = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        return {n: connection.execute(f'SELECT COUNT(*) FROM "{n}"').fetchone()[0]
                for n in names if n != "alembic_version"}


def backup(source: Target, out: Path) -> dict[str, Any]:
    """Write the archive ``out``; returns its manifest."""
    db = Database(source.database_url)
    try:
        revision = _revision(db.engine)
        with tempfile.TemporaryDirectory(prefix="meeting-backup-", dir=out.parent) as work_dir:
            work = Path(work_dir)
            if source.is_sqlite:
                copy = work / "database" / "meetings.db"
                copy.parent.mkdir(parents=True)
                src, dst = sqlite3.connect(source.sqlite_path), sqlite3.connect(copy)
                try:
                    src.backup(dst)  # the online backup API: a consistent copy while others write
                    # A single file: opened later in WAL mode, the copy would grow -wal and -shm
                    # files that come and go while the archive is listed and written.
                    dst.execute("PRAGMA journal_mode=DELETE")
                finally:
                    dst.close()
                    src.close()
                kind, counts = "sqlite", _sqlite_counts(copy)
            else:
                kind, counts = "tables", table_dump.dump_tables(db.engine, work / "database" / "tables")
            files: dict[str, str] = {}
            for path in sorted((work / "database").rglob("*")):
                if path.is_file() and not path.name.endswith(("-wal", "-shm", "-journal")):
                    files[path.relative_to(work).as_posix()] = _sha256(path)
            blobs = sorted(p for p in source.blob_root.glob("??/??/*") if p.is_file()) \
                if source.blob_root.is_dir() else []
            for path in blobs:
                files["blobs/" + path.relative_to(source.blob_root).as_posix()] = path.name
            manifest = {"format": FORMAT, "created_at": datetime.now(UTC).isoformat(),
                        "server_version": __version__, "revision": revision, "database": kind,
                        "counts": counts, "blobs": len(blobs), "files": files}
            (work / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False),
                                                encoding="utf-8")
            partial = out.with_name(out.name + ".partial")
            with tarfile.open(partial, "w:gz" if out.name.endswith(".gz") else "w") as archive:
                archive.add(work / "manifest.json", "manifest.json")
                for name in files:
                    blob = name.startswith("blobs/")
                    origin = source.blob_root / name[len("blobs/"):] if blob else work / name
                    archive.add(origin, name)
            partial.replace(out)
        return manifest
    finally:
        db.dispose()


def _extract_checked(archive_path: Path, into: Path) -> dict[str, Any]:
    """Unpack into ``into`` and check every member against the manifest."""
    try:
        with tarfile.open(archive_path) as archive:
            try:
                manifest = json.loads(archive.extractfile("manifest.json").read())  # type: ignore[union-attr]
            except (KeyError, AttributeError, ValueError) as error:
                raise BackupError(f"{archive_path} has no readable manifest.json: not a backup") from error
            if manifest.get("format") != FORMAT:
                raise BackupError(f"{archive_path} is not a backup of this kind ({manifest.get('format')!r})")
            files: dict[str, str] = manifest["files"]
            names = {m.name for m in archive.getmembers() if m.isfile()} - {"manifest.json"}
            extra, missing = sorted(names - set(files)), sorted(set(files) - names)
            if extra:
                raise BackupError(f"the archive holds files its manifest does not list: {extra[:3]}")
            if missing:
                raise BackupError(f"files listed in the manifest are missing: {missing[:3]}")
            archive.extractall(into, members=[m for m in archive.getmembers() if m.name in files],
                               filter="data")
    except (tarfile.TarError, EOFError, OSError) as error:
        raise BackupError(f"{archive_path} cannot be read (damaged or not a tar archive): {error}") from error
    for name, expected in files.items():
        if _sha256(into / name) != expected:
            raise BackupError(f"{name} is damaged: its sha256 differs from the manifest's; nothing restored")
    return manifest


def _has_data(target: Target) -> bool:
    if target.is_sqlite and not target.sqlite_path.exists():
        return False
    engine = sa.create_engine(target.database_url)
    try:
        with engine.connect() as connection:
            meta = table_dump.schema(connection)
            return any(connection.execute(sa.select(sa.func.count()).select_from(t)).scalar()
                       for t in meta.sorted_tables if t.name not in EMPTY_ALLOWED)
    finally:
        engine.dispose()


def _clear(target: Target) -> None:
    if target.is_sqlite:
        for suffix in ("", "-wal", "-shm"):
            Path(str(target.sqlite_path) + suffix).unlink(missing_ok=True)
        return
    engine = sa.create_engine(target.database_url)
    try:
        with engine.begin() as connection:
            table_dump.schema(connection).drop_all(connection)
            connection.execute(sa.text("DROP FUNCTION IF EXISTS audit_log_append_only()"))
    finally:
        engine.dispose()


def restore(archive_path: Path, target: Target, *, force: bool = False) -> dict[str, Any]:
    """Check the archive, then restore it into ``target``; returns its manifest."""
    if not archive_path.is_file():
        raise BackupError(f"{archive_path} does not exist")
    if _has_data(target) and not force:
        raise BackupError("the target database is not empty; give --force to replace what it holds")
    with tempfile.TemporaryDirectory(prefix="meeting-restore-") as work_dir:
        work = Path(work_dir)
        manifest = _extract_checked(archive_path, work)
        if manifest["database"] == "sqlite" and not target.is_sqlite:
            raise BackupError("this backup is a SQLite database: restore it with --data-dir")
        _clear(target)
        if target.is_sqlite:
            target.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        if manifest["database"] == "sqlite":
            shutil.copyfile(work / "database" / "meetings.db", target.sqlite_path)
        db = Database(target.database_url)
        try:
            config = alembic_config(target.database_url)
            with db.engine.begin() as connection:
                config.attributes["connection"] = connection
                if manifest["database"] == "tables":
                    # The schema as it was when the dump was made, the rows, then the newest schema.
                    command.upgrade(config, manifest["revision"])
                    table_dump.load_tables(connection, work / "database" / "tables", manifest["counts"])
                command.upgrade(config, "head")
        finally:
            db.dispose()
        for name in manifest["files"]:
            if name.startswith("blobs/"):
                destination = target.blob_root / name[len("blobs/"):]
                if not destination.exists():
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(work / name, destination)
    return manifest
