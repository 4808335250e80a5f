"""``meeting-app --demo``: a local server is started (or reused), the chair's room opens,
and the server this launcher started stops with it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from meeting_app.__main__ import _parser
from meeting_app.demo import DemoLauncher, DemoServer, demo_data_dir, server_answers
from meeting_app.ui.app import ClientController
from tests.support.server_process import free_port

WAIT = 120_000  # seeding and starting a server takes a few seconds on a slow machine


@pytest.fixture
def launchers() -> Iterator[list[DemoLauncher]]:
    made: list[DemoLauncher] = []
    yield made
    for launcher in reversed(made):  # the owner last: others close their sockets first
        launcher.controller.close_all()
        launcher.stop_server()


def launch(launchers: list[DemoLauncher], port: int, data_dir: Path,
           user: str = "chair") -> DemoLauncher:
    launcher = DemoLauncher(ClientController(), user, port, data_dir)
    launcher.show_errors = False  # no modal box in tests
    launchers.append(launcher)
    launcher.start()
    return launcher


def room_of(launcher: DemoLauncher) -> Any:
    rooms = list(launcher.controller.rooms.values())
    return rooms[0] if rooms and rooms[0].store.loaded else None


def test_the_demo_opens_the_chairs_room_and_a_second_window_reuses_the_server(
        qtbot: Any, tmp_path: Path, launchers: list[DemoLauncher]) -> None:
    port = free_port()
    first = launch(launchers, port, tmp_path / "demo")
    qtbot.waitUntil(lambda: room_of(first) is not None, timeout=WAIT)
    room = room_of(first)
    assert room.store.my_role == "chair"
    assert room.start_action.isVisible()
    assert room.windowTitle().startswith("Hội nghị tổng kết")
    assert first.server.process is not None  # this launcher started the server

    second = launch(launchers, port, tmp_path / "demo", user="delegate1")
    qtbot.waitUntil(lambda: room_of(second) is not None, timeout=WAIT)
    assert second.server.process is None  # reused the running one
    assert room_of(second).store.my_role == "delegate"
    assert not room_of(second).start_action.isVisible()

    second.controller.close_all()
    second.stop_server()
    assert server_answers(first.server.url)  # the second window did not stop it
    first.controller.close_all()
    process = first.server.process
    first.stop_server()
    assert process is not None and process.poll() is not None
    assert not server_answers(first.server.url)


def test_a_server_that_cannot_start_is_reported(
        qtbot: Any, tmp_path: Path, launchers: list[DemoLauncher]) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the data directory should be")
    launcher = launch(launchers, free_port(), blocker / "demo")
    with qtbot.waitSignal(launcher.failed, timeout=WAIT) as failed:
        pass
    assert "Could not create the demo data directory" in failed.args[0]
    assert not launcher.controller.rooms


def test_the_data_directory_follows_the_environment(monkeypatch: Any, tmp_path: Path) -> None:
    monkeypatch.setenv("MEETING_DATA_DIR", str(tmp_path))
    assert demo_data_dir() == tmp_path
    assert DemoServer().data_dir == tmp_path
    monkeypatch.delenv("MEETING_DATA_DIR")
    assert demo_data_dir().parts[-2:] == ("paperless-meeting", "demo-server")


def test_the_command_line() -> None:
    args = _parser().parse_args(["--demo", "--as", "delegate1"])
    assert args.demo and args.as_user == "delegate1"
    args = _parser().parse_args(["--server", "http://10.0.0.5:8765", "--user", "secretary"])
    assert (args.server, args.user, args.demo) == ("http://10.0.0.5:8765", "secretary", False)
