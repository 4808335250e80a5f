"""``meeting-server``: serve, migrate, user add, seed-demo, audit, backup, restore."""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from server.cli_users import add_parsers as add_user_parsers
from server.settings import Settings, default_data_dir


def _add_storage_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="where the SQLite database and documents live (default: %(default)s)")
    parser.add_argument("--database-url", default=None,
                        help="a SQLAlchemy URL, e.g. postgresql+psycopg://user@host/db (default: SQLite)")


SHUTDOWN_SECONDS = 1.0
"""How long a stopping server waits for requests in flight (uploads, downloads)."""


def _settings(args: argparse.Namespace) -> Settings:
    settings = Settings(data_dir=args.data_dir or default_data_dir(), database_url=args.database_url)
    for name in ("host", "port", "redis_url", "redis_channel", "blob_dir", "organization", "city",
                 "presence_grace_seconds", "websocket_only", "offline_grace_hours",
                 "allow_restricted_export"):
        if getattr(args, name, None) is not None:
            setattr(settings, name, getattr(args, name))
    auth = settings.auth
    if getattr(args, "idle_timeout", None) is not None:
        auth = replace(auth, idle_timeout=timedelta(minutes=args.idle_timeout))
    if getattr(args, "token_ttl", None) is not None:
        auth = replace(auth, token_ttl=timedelta(hours=args.token_ttl))
    settings.auth = auth
    if settings.offline_grace_hours <= 0:
        raise SystemExit("--offline-hours must be more than 0")
    if getattr(args, "trusted_proxy", None):
        from server.transport.forwarded import parse_networks

        try:
            settings.trusted_proxies = parse_networks(args.trusted_proxy)
        except ValueError as error:
            raise SystemExit(f"meeting-server: --trusted-proxy: {error}") from None
    if getattr(args, "cors_origin", None):
        from server.transport.cors import normalise_origin

        try:
            settings.cors_origins = sorted({normalise_origin(origin) for origin in args.cors_origin})
        except ValueError as error:
            raise SystemExit(f"meeting-server: --cors-origin: {error}") from None
    from server import cli_limits

    cli_limits.apply(settings, getattr(args, "limit", None))
    policy = settings.documents
    if getattr(args, "max_upload_mb", None) is not None:
        policy.max_upload_bytes = int(args.max_upload_mb * 1024 * 1024)
    if getattr(args, "unsafe_unsandboxed_office", False):
        policy.unsafe_unsandboxed_office = True
    for name in ("inspect_cpu_seconds", "inspect_memory_mb", "soffice", "convert_memory_mb",
                 "convert_cpu_seconds", "office_workers"):
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
    parser.add_argument("--convert-memory-mb", type=int, default=None,
                        help="memory allowed to convert one Office document, in MB (default 1536)")
    parser.add_argument("--convert-cpu-seconds", type=int, default=None,
                        help="CPU time allowed to convert one Office document (default 60)")
    parser.add_argument("--office-workers", type=int, default=None,
                        help="Office conversions at once per process (default 1; PDFs queue apart)")
    parser.add_argument("--unsafe-unsandboxed-office", action="store_true", default=False,
                        help="UNSAFE: convert Office documents without the bubblewrap sandbox, with "
                             "the server's network and files (only where bubblewrap cannot run)")


def _positive(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="meeting-server", description="The paperless meeting server")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="serve HTTP and Socket.IO on one port")
    serve.add_argument("--host", default=None, help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=None, help="port (default 8765)")
    serve.add_argument("--redis-url", default=None, help="Redis for several server processes")
    serve.add_argument("--redis-channel", default=None,
                       help="the Redis pub/sub channel; one per deployment sharing a Redis "
                            "(default paperless-meeting)")
    serve.add_argument("--presence-grace", type=float, default=None, dest="presence_grace_seconds",
                       metavar="SECONDS",
                       help="how long a dropped connection keeps its user online (default 10)")
    serve.add_argument("--certfile", type=Path, default=None,
                       help="serve HTTPS: the server's certificate (PEM, followed by any intermediate "
                            "certificates); needs --keyfile")
    serve.add_argument("--keyfile", type=Path, default=None,
                       help="the certificate's private key (PEM, unencrypted)")
    serve.add_argument("--trusted-proxy", action="append", default=None, metavar="ADDRESS",
                       help="a reverse proxy (IP address or network, repeatable) whose X-Forwarded-For "
                            "header names the client; without it the header is ignored")
    serve.add_argument("--cors-origin", action="append", default=None, metavar="URL",
                       help="a web origin (https://host[:port], repeatable) whose pages may call the "
                            "HTTP API and Socket.IO from a browser; none by default")
    serve.add_argument("--websocket-only", action="store_true", default=None,
                       help="accept Socket.IO over websockets only, no long-polling: several processes "
                            "behind a load balancer then need no sticky sessions")
    _add_storage_options(serve)
    _add_document_options(serve)
    serve.add_argument("--organization", default=None,
                       help="the organisation named at the top of the minutes "
                            "(default: Ban Tổ chức hội nghị)")
    serve.add_argument("--city", default=None, help="the place in the minutes' date line (default: Hà Nội)")
    serve.add_argument("--offline-hours", dest="offline_grace_hours", type=float, default=None,
                       help="how long after their last login clients may read their offline "
                            "cache, in hours (default 8)")
    serve.add_argument("--allow-restricted-export", action="store_true", default=None,
                       help="let readers print and export restricted documents (watermarked)")
    serve.add_argument("--idle-timeout", type=_positive, default=None, metavar="MIN",
                       help="a login unused this many minutes ends (default 30)")
    serve.add_argument("--token-ttl", type=_positive, default=None, metavar="HOURS",
                       help="a login ends this many hours after it began, used or not (default 12)")
    from server import cli_limits

    cli_limits.add_option(serve)

    migrate = commands.add_parser("migrate", help="bring the database schema up to date")
    _add_storage_options(migrate)

    user = commands.add_parser("user", help="manage users")
    user_commands = user.add_subparsers(dest="user_command", required=True)
    add_user_parsers(user_commands, _add_storage_options)

    demo = commands.add_parser("seed-demo", help="create the demo meeting and its users (idempotent)")
    demo.add_argument("--delegates", type=int, default=12, help="how many delegates (default 12)")
    demo.add_argument("--password", default="demo", help="password of every demo user (default: demo)")
    _add_storage_options(demo)
    demo.add_argument("--blob-dir", type=Path, default=None,
                      help="where document files live (default: DATA_DIR/blobs)")
    from server import cli_ops

    cli_ops.add_parsers(commands, _add_storage_options)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``meeting-server``."""
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    settings = _settings(args)
    if args.command == "serve":
        return _serve(settings, args)

    if args.command in ("audit", "backup", "restore"):
        from server import cli_ops

        return cli_ops.run(args, settings)
    from server.app import open_database

    db = open_database(settings)
    try:
        if args.command == "migrate":
            print(f"Database is up to date: {db.engine.url.render_as_string(hide_password=True)}")
        elif args.command == "user":
            from server.cli_users import run as run_user_command

            return run_user_command(db, args)
        elif args.command == "seed-demo":
            from server.demo import seed_demo

            summary = seed_demo(db, settings.data_dir, delegates=args.delegates, password=args.password,
                                blob_dir=settings.blob_root)
            print(summary)
    finally:
        db.dispose()
    return 0


def _serve(settings: Settings, args: argparse.Namespace) -> int:
    from aiohttp import web

    from server.app import build_app
    from server.runtime import tune_garbage_collector
    from server.tls import TlsConfigError, server_ssl_context

    try:  # before the database is opened or a port bound: a bad file stops everything
        ssl_context = server_ssl_context(args.certfile, args.keyfile)
    except TlsConfigError as error:
        print(f"meeting-server: {error}", file=sys.stderr)
        return 2
    app = build_app(settings)
    tune_garbage_collector()
    # Every socket is closed on shutdown (app.py); aiohttp would still wait up to a minute for
    # each websocket handler to notice, keeping the port, and the clients, from the next process.
    web.run_app(app, host=settings.host, port=settings.port, ssl_context=ssl_context,
                shutdown_timeout=SHUTDOWN_SECONDS, print=lambda text: print(text, flush=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
