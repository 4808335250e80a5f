"""``meeting-server audit verify|export``, ``backup`` and ``restore``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from server.settings import Settings

BLOB_HELP = "document files (default: DATA_DIR/blobs)"


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser],
                storage: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add the audit, backup and restore sub-commands to ``meeting-server``; ``storage``
    adds ``--data-dir`` and ``--database-url``."""
    audit = commands.add_parser("audit", help="check or export the audit trail")
    audit_commands = audit.add_subparsers(dest="audit_command", required=True)
    verify = audit_commands.add_parser("verify", help="check the hash chain; exit 1 if broken")
    verify.add_argument("--expect-head", default=None, metavar="SEQ:HASH",
                        help="a head noted earlier: also catches entries cut off the end")
    verify.add_argument("--anchor-dir", type=Path, action="append", default=None, metavar="DIR",
                        help="anchor files to check the chain against (default: DATA_DIR/anchors, "
                             "the heads of every day and every published minutes); repeatable")
    storage(verify)
    export = audit_commands.add_parser("export", help="write the entries to standard output")
    export.add_argument("--meeting", type=int, default=None, help="only this meeting's entries")
    export.add_argument("--since", default=None,
                        help="only entries from this time (ISO 8601, UTC if no zone)")
    export.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    storage(export)

    backup = commands.add_parser("backup", help="write the database and documents into one archive")
    backup.add_argument("--out", type=Path, required=True, help="the archive: FILE.tar or FILE.tar.gz")
    backup.add_argument("--blob-dir", type=Path, default=None, help=BLOB_HELP)
    storage(backup)
    restore = commands.add_parser("restore", help="restore an archive made by backup")
    restore.add_argument("archive", type=Path)
    restore.add_argument("--force", action="store_true", help="replace a target that already holds data")
    restore.add_argument("--blob-dir", type=Path, default=None, help=BLOB_HELP)
    storage(restore)


def _since(text: str | None) -> datetime | None:
    if text is None:
        return None
    moment = datetime.fromisoformat(text)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run one of the commands added by ``add_parsers``; returns the exit status."""
    if args.command in ("backup", "restore"):
        return _backup_or_restore(args, settings)
    from server.app import open_database
    from server.domain import audit_log
    from server.persistence.audit_anchor import read_anchors
    from server.persistence.audit_verify import parse_head, verify_chain

    try:
        expected = parse_head(args.expect_head) if getattr(args, "expect_head", None) else None
        since = _since(getattr(args, "since", None))
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    db = open_database(settings)
    try:
        with db.read() as session:
            if args.audit_command == "verify":
                anchors = [anchor for directory in (args.anchor_dir or [settings.anchor_root])
                           for anchor in read_anchors(directory)]
                verdict = verify_chain(session, expected, anchors)
                if verdict.ok:
                    print(f"audit chain intact: {verdict.entries} entries, seq 1..{verdict.verified_seq}, "
                          f"{len(anchors)} anchors checked")
                    print(f"head: {verdict.verified_seq}:{verdict.head_hash}")
                    return 0
                print(f"audit chain BROKEN at seq {verdict.broken_seq}: {verdict.reason}")
                print(f"verified up to seq {verdict.verified_seq} (hash {verdict.head_hash})")
                return 1
            flt = audit_log.AuditFilter(meeting_id=args.meeting, since=since)
            out = sys.stdout
            if args.format == "csv":
                out.write(audit_log.csv_header())
            as_csv = args.format == "csv"
            for entry in audit_log.iter_entries(session, flt):
                out.write(audit_log.csv_lines([entry]) if as_csv else audit_log.jsonl_line(entry))
            out.flush()
            return 0
    finally:
        db.dispose()


def _backup_or_restore(args: argparse.Namespace, settings: Settings) -> int:
    from server.backup import BackupError, Target, backup, restore
    from server.persistence.db import sqlite_url

    target = Target(settings.database_url or sqlite_url(settings.data_dir),
                    args.blob_dir or settings.data_dir / "blobs")
    try:
        if args.command == "backup":
            if not target.is_sqlite or target.sqlite_path.exists():
                manifest = backup(target, args.out)
            else:
                raise BackupError(f"no database at {target.sqlite_path}")
            rows = sum(manifest["counts"].values())
            print(f"backup written to {args.out}: {rows} rows in {len(manifest['counts'])} tables, "
                  f"{manifest['blobs']} document files, revision {manifest['revision']}")
        else:
            settings.data_dir.mkdir(parents=True, exist_ok=True)
            manifest = restore(args.archive, target, force=args.force)
            print(f"restored {args.archive} (made {manifest['created_at']}): "
                  f"{sum(manifest['counts'].values())} rows, {manifest['blobs']} document files")
    except BackupError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0
