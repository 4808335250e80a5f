"""``meeting-app``: the desktop client.

    meeting-app [--server URL] [--user NAME]     sign in, then the meetings list
    meeting-app --ca-file PEM ...                also trust a private certificate authority
    meeting-app --demo [--as USER]               a local demo server, its meeting room open
    meeting-app --display [...]                  the room display (projector) instead of the room
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="meeting-app", description="The paperless meeting client")
    parser.add_argument("--server", help="the meeting server's address, e.g. http://host:8765")
    parser.add_argument("--user", help="the username to sign in with")
    parser.add_argument("--demo", action="store_true",
                        help="start (or reuse) a local demo server and open its meeting room")
    parser.add_argument("--as", dest="as_user", default="chair",
                        help="with --demo: the demo user to sign in as (default: chair)")
    parser.add_argument("--port", type=int, default=None,
                        help="with --demo: the local server's port (default 8765)")
    parser.add_argument("--display", action="store_true",
                        help="open the chosen meeting's room display (full screen, for a "
                             "projector) instead of its room")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="with --demo: the local server's data directory")
    parser.add_argument("--ca-file", type=Path, default=None,
                        help="for https:// servers: also trust the certificate authority (or "
                             "authorities) in this PEM file, besides the system's; default: "
                             "$MEETING_CA_FILE, else the setting tls/ca_file")
    return parser


def _trust(ca_file: Path | None) -> bool:
    """Set up which certificate authorities HTTPS servers are checked against.

    The first of ``--ca-file``, ``$MEETING_CA_FILE`` and the setting ``tls/ca_file``
    (QSettings) that is given; the system's store always. False (after saying why) when
    that file cannot be used: better to stop than to fail every connection later.
    """
    from PySide6.QtCore import QSettings

    from meeting_app.net import tls

    chosen = ca_file or os.environ.get(tls.ENV_CA_FILE) or QSettings().value(tls.SETTING_CA_FILE) or None
    try:
        tls.trust_ca_file(str(chosen) if chosen else None)
    except tls.CaFileError as error:
        print(f"meeting-app: {error}", file=sys.stderr)
        return False
    return True


def _quit_on_signals(app: QCoreApplication) -> None:
    """Ctrl+C or SIGTERM quit the application cleanly (so a demo server stops too).

    Python runs signal handlers only between bytecodes; a timer gives it that chance while
    Qt's event loop waits.
    """
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_args: app.quit())
    ticker = QTimer(app, interval=300)
    ticker.timeout.connect(lambda: None)
    ticker.start()


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``meeting-app``."""
    args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    from PySide6.QtWidgets import QApplication

    from meeting_app.ui.app import ClientController
    from meeting_app.ui.i18n import setup_language
    from meeting_app.ui.resources import setup_application

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    setup_application(app)
    setup_language()  # the saved choice, else the system's language
    if not _trust(args.ca_file):
        return 2
    # The controller quits when its last window closes (see ClientController).
    app.setQuitOnLastWindowClosed(False)
    _quit_on_signals(app)
    controller = ClientController(args.server, args.user, display=args.display)
    if args.demo:
        from meeting_app.demo import DEMO_PORT, DemoLauncher

        launcher = DemoLauncher(controller, args.as_user, args.port or DEMO_PORT, args.data_dir)
        # The server this window started stops with it; a reused one keeps running.
        app.aboutToQuit.connect(launcher.stop_server)
        launcher.start()
    else:
        controller.show_login()
    try:
        return app.exec()
    finally:
        if args.demo:
            launcher.stop_server()


if __name__ == "__main__":
    sys.exit(main())
