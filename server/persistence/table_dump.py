"""A portable, table-by-table JSON dump of the database, and loading it back.

Used by ``meeting-server backup`` for PostgreSQL (and by ``restore`` for any target).
Why not ``pg_dump``: its client must be at least the server's version and be on PATH on
the machine that backs up, and its output restores only into PostgreSQL. This dump needs
nothing but the server's own driver, reads everything in ONE repeatable-read, read-only
transaction (a consistent snapshot while the server runs), is checked row by row on load,
and loads into PostgreSQL or SQLite alike: the schema comes from our own migrations
(brought to the dump's revision first, then to the newest), the rows from the dump.

One JSON Lines file per table; each line a row, values by column type: times as ISO 8601
strings, binary as base64, JSON columns as JSON.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, Engine

SKIPPED_TABLES = {"alembic_version", "connections", "server_instances"}
"""Not dumped: the schema's revision (the manifest holds it) and what running processes
keep of their sockets (a restored server starts with nobody connected)."""
BATCH = 1000


def schema(connection: Connection) -> sa.MetaData:
    """The tables as they are in this database (reflected), for dumping or loading."""
    meta = sa.MetaData()
    meta.reflect(connection)
    return meta


def _encode(column: sa.Column[Any], value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def _decode(column: sa.Column[Any], value: Any) -> Any:
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, sa.DateTime):
        return datetime.fromisoformat(value)
    if isinstance(kind, sa.Date):
        return date.fromisoformat(value)
    if isinstance(kind, sa.LargeBinary):
        return base64.b64decode(value)
    return value


def dump_tables(engine: Engine, directory: Path) -> dict[str, int]:
    """Write ``<table>.jsonl`` for every table into ``directory``; returns rows per table."""
    directory.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
            connection.exec_driver_sql("SET TRANSACTION READ ONLY")
        meta = schema(connection)
        for table in meta.sorted_tables:
            if table.name in SKIPPED_TABLES:
                continue
            order = list(table.primary_key.columns) or list(table.columns)
            result = connection.execution_options(stream_results=True).execute(
                sa.select(table).order_by(*order))
            counts[table.name] = 0
            with (directory / f"{table.name}.jsonl").open("w", encoding="utf-8") as out:
                for row in result:
                    line = {c.name: _encode(c, row._mapping[c.name]) for c in table.columns}
                    out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
                    counts[table.name] += 1
        connection.rollback()
    return counts


def _lines(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            try:
                yield json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{path.name} line {number} is not JSON: {error}") from error


def load_tables(connection: Connection, directory: Path, counts: dict[str, int]) -> None:
    """Insert every dumped row into the (migrated, empty) tables, parents before children."""
    meta = schema(connection)
    missing = set(counts) - set(meta.tables)
    if missing:
        raise ValueError(f"the backup holds tables this schema lacks: {', '.join(sorted(missing))}")
    for table in meta.sorted_tables:
        if table.name not in counts:
            continue
        if table.name == "audit_head":  # made by the migration; the dump brings the real one
            connection.execute(table.delete())
        batch: list[dict[str, Any]] = []
        loaded = 0
        for row in _lines(directory / f"{table.name}.jsonl"):
            batch.append({c.name: _decode(c, row.get(c.name)) for c in table.columns})
            if len(batch) >= BATCH:
                connection.execute(table.insert(), batch)
                loaded, batch = loaded + len(batch), []
        if batch:
            connection.execute(table.insert(), batch)
            loaded += len(batch)
        if loaded != counts[table.name]:
            raise ValueError(f"{table.name}: {loaded} rows in the file, "
                             f"the manifest says {counts[table.name]}")
    if connection.dialect.name == "postgresql":
        _reset_sequences(connection, meta)


def _reset_sequences(connection: Connection, meta: sa.MetaData) -> None:
    """Ids inserted by hand leave PostgreSQL's sequences behind: move them past the rows."""
    for table in meta.sorted_tables:
        for column in table.primary_key.columns:
            sequence = connection.execute(sa.text("SELECT pg_get_serial_sequence(:t, :c)"),
                                          {"t": table.name, "c": column.name}).scalar()
            if sequence:
                connection.execute(sa.text(
                    f'SELECT setval(:s, COALESCE((SELECT MAX("{column.name}") FROM "{table.name}"), 0) + 1, '
                    "false)"), {"s": sequence})
