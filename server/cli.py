"""``meeting-server``: serve, migrate, user add, seed-demo."""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from pathlib import Path

from server.persistence.db import Database
from server.settings import Settings, default_data_dir


def _add_storage_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="where the SQLite database and documents live (default: %(default)s)")
    parser.add_argument("--database-url", default=None,
                        help="a SQLAlchemy URL, e.g. postgresql+psycopg://user@host/db (default: SQLite)")


def _settings(args: argparse.Namespace) -> Settings:
    settings = Settings(data_dir=args.data_dir or default_data_dir(), database_url=args.database_url)
    for name in ("host", "port", "redis_url", "blob_dir", "organization", "city"):
        if getattr(args, name, None) is not None:
            setattr(settings, name, getattr(args, name))
    policy = settings.documents
    if getattr(args, "max_upload_mb", None) is not None:
        policy.max_upload_bytes = int(args.max_upload_mb * 1024 * 1024)
    for name in ("inspect_cpu_seconds", "inspect_memory_mb", "soffice"):
        if getattr(args, name, None) is not None:
            setattr(policy, name, getattr(args, name))
    return settings


def _add_document_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--blob-dir", type=Path, default=None,
                        help="where document files live (default: DATA_DIR/blobs); share it between "
                             "processes that share a database")
    parser.add_argument("--max-upload-mb", type=float, default=None,
                        help="the largest document upload accepted, in MB (default 100)")
    parser.add_argument("--inspect-cpu-seconds", type=float, default=None,
                        help="CPU time allowed to check one PDF (default 30)")
    parser.add_argument("--inspect-memory-mb", type=int, default=None,
                        help="memory allowed to check one PDF, in MB (default 1024)")
    parser.add_argument("--soffice", default=None,
                        help="LibreOffice's soffice program, to convert Office documents "
                             "(default: soffice or libreoffice on PATH)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="meeting-server", description="The paperless meeting server")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="serve HTTP and Socket.IO on one port")
    serve.add_argument("--host", default=None, help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=None, help="port (default 8765)")
    serve.add_argument("--redis-url", default=None, help="Redis for several server processes")
    _add_storage_options(serve)
    _add_document_options(serve)
    serve.add_argument("--organization", default=None,
                       help="the organisation named at the top of the minutes "
                            "(default: Ban Tổ chức hội nghị)")
    serve.add_argument("--city", default=None, help="the place in the minutes' date line (default: Hà Nội)")

    migrate = commands.add_parser("migrate", help="bring the database schema up to date")
    _add_storage_options(migrate)

    user = commands.add_parser("user", help="manage users")
    user_commands = user.add_subparsers(dest="user_command", required=True)
    add = user_commands.add_parser("add", help="add a user")
    add.add_argument("username")
    add.add_argument("--full-name", required=True)
    add.add_argument("--admin", action="store_true", help="may do everything")
    add.add_argument("--organizer", action="store_true", help="may create meetings")
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    _add_storage_options(add)

    demo = commands.add_parser("seed-demo", help="create the demo meeting and its users (idempotent)")
    demo.add_argument("--delegates", type=int, default=12, help="how many delegates (default 12)")
    demo.add_argument("--password", default="demo", help="password of every demo user (default: demo)")
    _add_storage_options(demo)
    demo.add_argument("--blob-dir", type=Path, default=None,
                      help="where document files live (default: DATA_DIR/blobs)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``meeting-server``."""
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    settings = _settings(args)
    if args.command == "serve":
        from aiohttp import web

        from server.app import build_app
        from server.runtime import tune_garbage_collector

        app = build_app(settings)
        tune_garbage_collector()
        web.run_app(app, host=settings.host, port=settings.port,
                    print=lambda text: print(text, flush=True))
        return 0

    from server.app import open_database

    db = open_database(settings)
    try:
        if args.command == "migrate":
            print(f"Database is up to date: {db.engine.url.render_as_string(hide_password=True)}")
        elif args.command == "user":
            return _add_user(db, args)
        elif args.command == "seed-demo":
            from server.demo import seed_demo

            summary = seed_demo(db, settings.data_dir, delegates=args.delegates, password=args.password,
                                blob_dir=settings.blob_root)
            print(summary)
    finally:
        db.dispose()
    return 0


def _add_user(db: Database, args: argparse.Namespace) -> int:
    from protocol.errors import ProtocolError
    from server.domain.accounts import create_user

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass(f"Password for {args.username}: ")
    if not password:
        print("A password is required", file=sys.stderr)
        return 2
    try:
        with db.write() as session:
            user = create_user(session, args.username, args.full_name, password,
                               admin=args.admin, organizer=args.organizer)
            print(f"Added user {user.username} (id {user.id})")
    except ProtocolError as refusal:
        print(refusal.message, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
