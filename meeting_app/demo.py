"""``meeting-app --demo``: a local demo server, signed in as a demo user, room open.

The first demo window seeds a data directory and starts ``python -m server.cli serve`` as
a subprocess (never importing the server: the client does not depend on it), waits for
``/api/health``, logs in and opens the demo meeting's room. A second ``--demo --as
delegate1`` finds the server already answering and reuses it. The server started by a
window stops when that window's application quits.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QMessageBox

from meeting_app.state.offline import sign_in
from meeting_app.ui.app import ClientController
from meeting_app.ui.session import Session
from meeting_app.ui.tasks import run_in_thread

log = logging.getLogger(__name__)

DEMO_PORT = 8765
DEMO_PASSWORD = "demo"
START_DEADLINE = 90.0
"""Seconds to wait for a started server to answer (seeding runs migrations first)."""
_no_proxy = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class DemoError(RuntimeError):
    """The demo could not be started; the message says why and what to do."""


def demo_data_dir() -> Path:
    """``$MEETING_DATA_DIR``, else the user's data directory for the demo server."""
    env = os.environ.get("MEETING_DATA_DIR")
    return Path(env) if env else Path(platformdirs.user_data_dir("paperless-meeting")) / "demo-server"


def server_answers(url: str, timeout: float = 1.0) -> bool:
    """True when ``url`` serves a meeting server's ``/api/health``."""
    try:
        with _no_proxy.open(url + "/api/health", timeout=timeout) as answer:
            body = json.loads(answer.read())
            return answer.status == 200 and body.get("status") == "ok"
    except (urllib.error.URLError, OSError, ValueError, AttributeError):
        return False


@dataclass
class DemoServer:
    """The local demo server: reused if one answers, else started (and owned) here."""

    port: int = DEMO_PORT
    data_dir: Path = field(default_factory=demo_data_dir)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """The server's address."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        """Where the server started here writes its log."""
        return self.data_dir / "demo-server.log"

    def _cli(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "server.cli", *args, "--data-dir", str(self.data_dir)]

    def ensure_running(self, deadline: float = START_DEADLINE) -> None:
        """Reuse a server that answers on the port, or seed and start one; blocking."""
        if server_answers(self.url):
            log.info("reusing the demo server at %s", self.url)
            return
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            output = self.log_path.open("ab")
        except OSError as error:
            raise DemoError(f"Could not create the demo data directory {self.data_dir} "
                            f"({error.strerror}). Set MEETING_DATA_DIR to a writable "
                            "folder.") from None
        with output:
            try:
                subprocess.run(self._cli("seed-demo", "--password", DEMO_PASSWORD),
                               stdout=output, stderr=subprocess.STDOUT, check=True,
                               timeout=deadline)
            except (subprocess.SubprocessError, OSError) as error:
                raise DemoError(f"Could not create the demo data in {self.data_dir} ({error}). "
                                f"See {self.log_path}.") from None
            env = {**os.environ, "PYTHONUNBUFFERED": "1"}
            self.process = subprocess.Popen(self._cli("serve", "--port", str(self.port)),
                                            stdout=output, stderr=subprocess.STDOUT, env=env)
        give_up = time.monotonic() + deadline
        while not server_answers(self.url):
            if self.process.poll() is not None:
                code = self.process.returncode
                self.process = None
                raise DemoError(f"The demo server stopped at start (exit code {code}); is "
                                f"port {self.port} taken? See {self.log_path}.")
            if time.monotonic() > give_up:
                self.stop()
                raise DemoError(f"The demo server did not answer within {deadline:g} s. "
                                f"See {self.log_path}.")
            time.sleep(0.2)

    def stop(self) -> None:
        """Stop the server if this process started it."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def prepare(server: DemoServer, username: str, password: str = DEMO_PASSWORD) -> Session:
    """Make sure the server runs, then log in; blocking (run it off the GUI thread)."""
    server.ensure_running()
    result = sign_in(server.url, username, password)
    return Session.from_login(result)


class DemoLauncher(QObject):
    """Starts (or finds) the demo server off the GUI thread, then opens the room.

    While it works a small window says so; a failure is shown with what to do, and the
    application then quits with exit code 1.
    """

    ready = Signal(object)
    """The ``Session`` once signed in."""
    failed = Signal(str)

    def __init__(self, controller: ClientController, username: str = "chair",
                 port: int = DEMO_PORT, data_dir: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller, self.username = controller, username
        self.server = DemoServer(port, data_dir or demo_data_dir())
        self.splash = QLabel(self.tr("Starting the demo meeting server…\n{url}").format(
            url=self.server.url))
        self.splash.setObjectName("placeholderTitle")
        self.splash.setWindowTitle(self.tr("Paperless Meeting Room — demo"))
        self.splash.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.splash.setMinimumSize(440, 140)
        self.show_errors = True

    def start(self) -> None:
        """Begin: the splash shows, the work runs in a thread."""
        self.splash.show()
        run_in_thread(lambda: prepare(self.server, self.username), self._ready, self._failed)

    def _ready(self, session: Session) -> None:
        self.controller.start_session(session, auto_open=True)
        self.splash.close()
        self.ready.emit(session)

    def _failed(self, error: BaseException) -> None:
        self.splash.close()
        text = str(getattr(error, "message", "") or error)
        self.failed.emit(text)
        if self.show_errors:
            QMessageBox.critical(None, self.tr("The demo could not start"), text)
            QCoreApplication.exit(1)

    def stop_server(self) -> None:
        """Stop the server if this launcher started it (on quit)."""
        self.server.stop()
