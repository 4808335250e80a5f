"""TLS: ``meeting-server serve --certfile --keyfile`` and a client that verifies the
certificate (chain and hostname) for HTTP and the socket, trusting a private CA given with
``trust_ca_file`` (``--ca-file``) or ``$MEETING_CA_FILE``. The CA and the certificates are
made at test time; the server's certificate names ``localhost`` only."""

from __future__ import annotations

import logging
import os
import ssl
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from meeting_app.net import Connection, ConnectionStatus, LoginError, LoginErrorKind, login, tls
from meeting_app.net.downloads import DocumentCache, Downloader
from meeting_app.net.exports import ExportError, fetch_attendance_csv
from meeting_app.net.minutes import download_minutes
from meeting_app.net.uploads import UploadRequest, upload_document
from meeting_app.ui.login_dialog import LoginDialog
from tests.e2e.documents import TunedServer
from tests.support import pdfs
from tests.support.certs import Issued, PrivateCa
from tests.support.server_process import DEMO_PASSWORD, free_port

pytestmark = pytest.mark.e2e
WAIT = 20_000


@dataclass
class TlsServer(TunedServer):
    """A server on HTTPS, known as https://localhost:PORT."""

    ca_file: Path | None = None

    @property
    def url(self) -> str:
        return f"https://localhost:{self.port}"

    def _healthy(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            raise AssertionError(f"server exited with {self.process.returncode}:\n{self.log()}")
        context = ssl.create_default_context(cafile=str(self.ca_file))
        try:
            with urllib.request.urlopen(self.url + "/api/health", timeout=1, context=context) as answer:
                return bool(answer.status == 200)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return False


@pytest.fixture(scope="module")
def ca(tmp_path_factory: pytest.TempPathFactory) -> PrivateCa:
    return PrivateCa(tmp_path_factory.mktemp("ca"))


@pytest.fixture(scope="module")
def issued(ca: PrivateCa) -> Issued:
    return ca.issue("server", ["localhost"])


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory, seeded_sqlite: Path, ca: PrivateCa,
               issued: Issued) -> Iterator[TlsServer]:
    server = TlsServer(tmp_path_factory.mktemp("tls"), ca_file=ca.cert_path, serve_options=[
        "--certfile", str(issued.cert), "--keyfile", str(issued.key), "--websocket-only"])
    server.copy_database_from(seeded_sqlite)
    with server.running():
        yield server


@pytest.fixture(autouse=True)
def fresh_trust(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test starts from the system store alone, and leaves it so."""
    monkeypatch.delenv(tls.ENV_CA_FILE, raising=False)
    tls.forget()
    yield
    tls.forget()


# --- the server ---------------------------------------------------------------------------


def serve(data_dir: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "server.cli", "serve", "--data-dir", str(data_dir),
                           "--port", str(free_port()), *options], capture_output=True, text=True, timeout=60)


def test_serve_refuses_tls_files_it_cannot_use(tmp_path: Path, ca: PrivateCa, issued: Issued) -> None:
    other = ca.issue("other", ["other.example"])
    unreadable = tmp_path / "unreadable.key"
    unreadable.write_bytes(issued.key.read_bytes())
    unreadable.chmod(0)
    not_pem = tmp_path / "notes.txt"
    not_pem.write_text("Đây không phải là chứng chỉ", encoding="utf-8")
    cases = {
        "does not exist": ["--certfile", str(tmp_path / "missing.pem"), "--keyfile", str(issued.key)],
        "go together": ["--certfile", str(issued.cert)],
        "cannot be used together": ["--certfile", str(issued.cert), "--keyfile", str(other.key)],
        "PEM files": ["--certfile", str(not_pem), "--keyfile", str(issued.key)],
    }
    if not _readable(unreadable):  # root reads anything: no such case then
        cases["cannot be read"] = ["--certfile", str(issued.cert), "--keyfile", str(unreadable)]
    for said, options in cases.items():
        done = serve(tmp_path / "data", *options)
        assert done.returncode == 2, (said, done.stdout, done.stderr)
        assert said in done.stderr, (said, done.stderr)
        assert "Traceback" not in done.stderr
    # Refused before anything else: no database was even made.
    assert not (tmp_path / "data" / "meetings.db").exists()


def _readable(path: Path) -> bool:
    try:
        path.read_bytes()
    except OSError:
        return False
    return True


# --- the client with the CA -----------------------------------------------------------------


def test_the_client_trusting_the_ca_does_everything_over_https(
        tls_server: TlsServer, ca: PrivateCa, qtbot: Any, tmp_path: Path) -> None:
    tls.trust_ca_file(ca.cert_path)
    signed_in = login(tls_server.url, "secretary", DEMO_PASSWORD)
    assert signed_in.server_url == tls_server.url
    token = signed_in.token

    # The socket: commands and a joined meeting, over wss.
    conn = Connection(signed_in.server_url, token)
    answers: dict[str, Any] = {}
    snapshots: list[Any] = []
    conn.snapshot_received.connect(lambda _m, _s, snapshot: snapshots.append(snapshot))
    try:
        conn.start()
        qtbot.waitUntil(lambda: conn.status == ConnectionStatus.CONNECTED, timeout=WAIT)
        conn.command("meeting.list", {}, lambda envelope: answers.setdefault("list", envelope))
        qtbot.waitUntil(lambda: "list" in answers, timeout=WAIT)
        meeting_id = answers["list"]["data"]["meetings"][0]["id"]
        conn.join_meeting(meeting_id)
        qtbot.waitUntil(lambda: bool(snapshots), timeout=WAIT)
        assert snapshots[0]["you"]["role"] == "secretary"
    finally:
        conn.stop()

    # Served with --websocket-only: long-polling is refused.
    polling = urllib.request.Request(tls_server.url + "/socket.io/?EIO=4&transport=polling")
    with pytest.raises(urllib.error.HTTPError) as refused:
        tls.open_url(polling, timeout=10)
    assert refused.value.code == 400

    # Upload, then download it again with the resumable downloader.
    pdf = tmp_path / "bien-ban-qua-https.pdf"
    pdfs.meeting_pdf(pdf, text_pages=2)
    document = upload_document(signed_in.server_url, token,
                               UploadRequest(meeting_id, pdf, title="Tài liệu qua HTTPS"))
    downloader = Downloader(signed_in.server_url, token, DocumentCache(tmp_path / "cache"))
    try:
        job = downloader.request(document["id"], document["sha256"])
        qtbot.waitUntil(lambda: job.state in ("done", "failed"), timeout=WAIT)
        assert job.state == "done", job.error
        assert job.path is not None
        assert job.path.read_bytes() == pdf.read_bytes()
    finally:
        downloader.shutdown()

    # Exports and the minutes' draft.
    assert fetch_attendance_csv(signed_in.server_url, token, meeting_id).startswith(b"\xef\xbb\xbf")
    target = tmp_path / "minutes.pdf"
    assert download_minutes(signed_in.server_url, token, meeting_id, "pdf", target) > 0
    assert target.read_bytes().startswith(b"%PDF")


def test_the_ca_file_can_come_from_the_environment(tls_server: TlsServer, ca: PrivateCa,
                                                   monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(tls.ENV_CA_FILE, str(ca.cert_path))
    tls.forget()
    assert login(tls_server.url, "chair", DEMO_PASSWORD).token
    assert tls.ca_file() == ca.cert_path

    broken = tmp_path / "broken-ca.pem"
    broken.write_text("-----BEGIN CERTIFICATE-----\nkhông hợp lệ\n-----END CERTIFICATE-----\n")
    monkeypatch.setenv(tls.ENV_CA_FILE, str(broken))
    tls.forget()
    with pytest.raises(LoginError) as caught:
        login(tls_server.url, "chair", DEMO_PASSWORD)
    assert caught.value.kind == LoginErrorKind.CERTIFICATE
    assert str(broken) in caught.value.message


def test_meeting_app_refuses_a_ca_file_it_cannot_use(tmp_path: Path) -> None:
    """From the option, the environment or the setting: told at start, exit status 2."""
    settings = tmp_path / "config" / "paperless-meeting" / "meeting-app.conf"
    settings.parent.mkdir(parents=True)
    settings.write_text(f"[tls]\nca_file={tmp_path / 'setting-ca.pem'}\n", encoding="utf-8")
    env = {**{k: v for k, v in os.environ.items() if k != tls.ENV_CA_FILE}, "QT_QPA_PLATFORM": "offscreen",
           "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    for extra_env, options, named in [({}, ["--ca-file", str(tmp_path / "option-ca.pem")], "option-ca.pem"),
                                      ({tls.ENV_CA_FILE: str(tmp_path / "env-ca.pem")}, [], "env-ca.pem"),
                                      ({}, [], "setting-ca.pem")]:
        done = subprocess.run([sys.executable, "-m", "meeting_app", *options], capture_output=True, text=True,
                              timeout=60, env={**env, **extra_env})
        assert done.returncode == 2, (named, done.stdout, done.stderr)
        assert f"{named} does not exist" in done.stderr


# --- refusals -------------------------------------------------------------------------------


def test_without_the_ca_the_client_refuses_with_a_certificate_error(
        tls_server: TlsServer, ca: PrivateCa, qtbot: Any, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(LoginError) as caught:
        login(tls_server.url, "chair", DEMO_PASSWORD)
    assert caught.value.kind == LoginErrorKind.CERTIFICATE
    assert "not signed by an authority this computer trusts" in caught.value.message
    assert "--ca-file" in caught.value.message

    # The login dialog says so, in those words.
    dialog = LoginDialog(settings=QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.server_edit.setText(tls_server.url)
    dialog.user_edit.setText("chair")
    dialog.password_edit.setText(DEMO_PASSWORD)
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.busy and dialog.error_label.isVisible(), timeout=WAIT)
    shown = dialog.error_label.text()
    assert shown.startswith("The server's certificate could not be verified")
    assert "not signed by an authority" in shown
    assert dialog.login_result is None

    # Every other HTTP path and the socket refuse too (a token from a trusting client).
    tls.trust_ca_file(ca.cert_path)
    token = login(tls_server.url, "secretary", DEMO_PASSWORD).token
    tls.trust_ca_file(None)
    with pytest.raises(ExportError, match="not signed by an authority"):
        fetch_attendance_csv(tls_server.url, token, 1)
    caplog.set_level(logging.WARNING, logger="meeting_app.net.session")
    conn = Connection(tls_server.url, token)
    try:
        conn.start()
        qtbot.waitUntil(lambda: "not signed by an authority" in caplog.text, timeout=WAIT)
        assert conn.status != ConnectionStatus.CONNECTED
    finally:
        conn.stop()


def test_a_certificate_for_another_name_is_refused(tls_server: TlsServer, ca: PrivateCa, qtbot: Any,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    tls.trust_ca_file(ca.cert_path)
    wrong = f"https://127.0.0.1:{tls_server.port}"  # the certificate names localhost only
    with pytest.raises(LoginError) as caught:
        login(wrong, "chair", DEMO_PASSWORD)
    assert caught.value.kind == LoginErrorKind.CERTIFICATE
    assert "not valid for that name" in caught.value.message

    token = login(tls_server.url, "chair", DEMO_PASSWORD).token
    with pytest.raises(ExportError, match="not valid for that name"):
        fetch_attendance_csv(wrong, token, 1)
    caplog.set_level(logging.WARNING, logger="meeting_app.net.session")
    conn = Connection(wrong, token)
    try:
        conn.start()
        qtbot.waitUntil(lambda: "not valid for that name" in caplog.text, timeout=WAIT)
        assert conn.status != ConnectionStatus.CONNECTED
    finally:
        conn.stop()
