"""The offline cache in the whole client against a real server: documents cached sealed
in the user's own directory, and wiped when the account turns out to be deactivated."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from meeting_app.ui.app import ClientController
from meeting_app.vault import user_cache_dir
from server.persistence.db import Database, sqlite_url
from server.persistence.models import User
from tests.support.server_process import ServerProcess

WAIT = 30_000


@pytest.fixture
def controller(tmp_path: Path, demo_server: ServerProcess) -> Iterator[ClientController]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    made = ClientController(demo_server.url, "delegate1", settings, cache_dir=tmp_path / "cache")
    yield made
    made.close_all()
    if made.login_dialog is not None:
        made.login_dialog.close()


def deactivate(server: ServerProcess, username: str) -> None:
    db = Database(sqlite_url(server.data_dir))
    try:
        with db.write() as session:
            session.query(User).filter_by(username=username).one().active = False
    finally:
        db.dispose()


def files_under(directory: Path) -> list[Path]:
    return [p for p in directory.rglob("*") if p.is_file()] if directory.exists() else []


def sign_in(controller: ClientController, qtbot: Any, password: str = "demo") -> Any:
    dialog = controller.show_login()
    dialog.password_edit.setText(password)
    dialog.sign_in.click()
    return dialog


def test_a_deactivated_users_client_loses_its_cache_at_its_next_connection(
        controller: ClientController, demo_server: ServerProcess, qtbot: Any, tmp_path: Path) -> None:
    sign_in(controller, qtbot)
    qtbot.waitUntil(lambda: controller.meetings is not None and controller.meetings.loaded, timeout=WAIT)
    room = controller.open_room(1)
    assert room is not None
    qtbot.waitUntil(lambda: room.store.loaded, timeout=WAIT)
    sync = room.documents.sync
    qtbot.waitUntil(lambda: sync.overall()[1] > 0 and sync.overall()[0] == sync.overall()[1],
                    timeout=WAIT)
    mine = user_cache_dir(tmp_path / "cache", demo_server.url, "delegate1")
    assert room.documents.cache_dir == mine
    # Open a document: the PDF process decrypts it and the page renders.
    first = room.store.documents[0]
    assert room.documents.tab.open_document(first["id"])
    page = room.documents.tab.reader_page
    qtbot.waitUntil(lambda: page.loaded and page.reader.engine.stats.rendered > 0, timeout=WAIT)
    cached = files_under(mine)
    assert any(p.suffix == ".sealed" for p in cached) and (mine / "key.json").is_file()
    assert not any(b"%PDF" in p.read_bytes() for p in cached)

    deactivate(demo_server, "delegate1")
    demo_server.restart()  # the client's next connection is refused
    qtbot.waitUntil(lambda: controller.session is None and controller.login_dialog is not None
                    and controller.login_dialog.isVisible(), timeout=WAIT)
    assert "This account is deactivated" in controller.login_dialog.error_label.text()
    assert not mine.exists()
    assert not any(b"%PDF" in p.read_bytes() for p in files_under(tmp_path / "cache"))

    # Signing in again is refused with the reason, and leaves nothing behind either.
    dialog = sign_in(controller, qtbot)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=WAIT)
    assert "This account is deactivated." in dialog.error_label.text()
    assert not mine.exists()
    dialog.grab().save("/tmp/h6-login-deactivated.png")
