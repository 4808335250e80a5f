"""The meeting room window against a real server: it follows the chair live, shows each
role only its own controls, reports refusals, and catches up after a server restart."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from meeting_app.net.connection import Connection
from meeting_app.ui.room.window import MeetingRoomWindow
from tests.client.sessions import session_for
from tests.support.server_process import ServerProcess

WAIT = 20_000  # ms
MEETING = 1


class Remote:
    """A second client (another site's chair, say) on its own Connection."""

    def __init__(self, qtbot: Any, server: ServerProcess, username: str) -> None:
        self.qtbot = qtbot
        session = session_for(server, username)
        self.connection = Connection(session.server_url, session.token)
        self.connection.start()
        qtbot.waitUntil(lambda: self.connection.status == "connected", timeout=WAIT)

    def run(self, name: str, payload: dict[str, Any]) -> dict[str, Any]:
        """Send a command and wait for its answer."""
        answers: list[dict[str, Any]] = []
        self.connection.command(name, payload, answers.append)
        self.qtbot.waitUntil(lambda: bool(answers), timeout=WAIT)
        return answers[0]

    def reconnected(self) -> bool:
        return self.connection.status == "connected"


@pytest.fixture
def remote(qtbot: Any, demo_server: ServerProcess) -> Iterator[Callable[[str], Remote]]:
    made: list[Remote] = []

    def make(username: str) -> Remote:
        made.append(Remote(qtbot, demo_server, username))
        return made[-1]

    yield make
    for one in made:
        one.connection.stop()


def agenda_ids(window: MeetingRoomWindow) -> list[int]:
    return window.agenda.model.item_ids()


def current_row(window: MeetingRoomWindow) -> int | None:
    model = window.agenda.model
    rows = [r for r in range(model.rowCount()) if model.data(model.index(r), model.CurrentRole)]
    return rows[0] if rows else None


def test_the_room_follows_the_chair_live(qtbot: Any, open_room: Any, remote: Any) -> None:
    window = open_room("delegate1")
    assert window.header.title.text().startswith("Hội nghị tổng kết")
    assert window.header.role_badge.text() == "Delegate"
    assert window.central.current_page.title.text() == "The meeting has not started yet."
    sites = [window.participants.model.item(r).text() for r in range(3)]
    assert sites == ["Hội trường Bộ (Hà Nội)", "Điểm cầu TP. Hồ Chí Minh", "Điểm cầu Đà Nẵng"]

    chair = remote("chair")
    assert chair.run("meeting.start", {"meeting_id": MEETING})["ok"]
    qtbot.waitUntil(lambda: window.header.status_badge.text() == "In session", timeout=WAIT)
    qtbot.waitUntil(lambda: current_row(window) == 0, timeout=WAIT)

    third = agenda_ids(window)[2]
    assert chair.run("agenda.set_current", {"meeting_id": MEETING, "item_id": third})["ok"]
    qtbot.waitUntil(lambda: current_row(window) == 2, timeout=WAIT)
    page = window.central.current_page
    assert page.title.text() == window.store.item_by_id(third)["title"]
    assert page.caption.text() == "NOW DISCUSSING · ITEM 3 OF 6"
    assert window.header.clock_caption.text() == "ELAPSED"


def test_a_delegate_sees_no_chair_or_secretary_controls(open_room: Any) -> None:
    window = open_room("delegate2")
    assert not window.start_action.isVisible() and not window.end_action.isVisible()
    assert window.agenda.chair_row.isHidden()
    assert window.agenda.editor_row.isHidden()
    assert window.agenda.drag_hint.isHidden()
    assert not window.agenda.model.flags(window.agenda.model.index(0)) & \
        window.agenda.model.flags(window.agenda.model.index(0)).ItemIsDragEnabled


def test_the_observer_sees_no_controls_either(open_room: Any) -> None:
    window = open_room("observer1")
    assert window.header.role_badge.text() == "Observer"
    assert not window.start_action.isVisible()
    assert window.agenda.chair_row.isHidden() and window.agenda.editor_row.isHidden()


def test_the_chair_has_the_chair_controls(open_room: Any, qtbot: Any) -> None:
    window = open_room("chair")
    assert window.start_action.isVisible() and window.start_action.isEnabled()
    assert not window.end_action.isEnabled()  # not started yet
    assert not window.agenda.chair_row.isHidden() and not window.agenda.editor_row.isHidden()
    window.start_meeting()
    qtbot.waitUntil(lambda: window.end_action.isEnabled(), timeout=WAIT)
    assert not window.start_action.isEnabled()
    # Starting makes the first item current (its own event, right after the status).
    qtbot.waitUntil(lambda: current_row(window) == 0, timeout=WAIT)
    window.agenda.next_button.click()
    qtbot.waitUntil(lambda: current_row(window) == 1, timeout=WAIT)
    window.agenda.previous_button.click()
    qtbot.waitUntil(lambda: current_row(window) == 0, timeout=WAIT)


def test_a_refused_command_shows_the_servers_message(open_room: Any, qtbot: Any) -> None:
    window = open_room("chair")
    window.agenda.select(agenda_ids(window)[3])
    # The meeting has not started: the server refuses to move through the agenda.
    window.agenda.discuss_selected()
    qtbot.waitUntil(lambda: window.message.isVisible(), timeout=WAIT)
    assert "Start the meeting" in window.message.text
    assert "Start the meeting" in window.statusBar().currentMessage()
    assert current_row(window) is None  # nothing changed on screen


def test_the_room_catches_up_after_a_server_restart(
        open_room: Any, remote: Any, demo_server: ServerProcess, qtbot: Any) -> None:
    window = open_room("delegate3")
    chair = remote("chair")
    demo_server.stop()
    qtbot.waitUntil(lambda: window.header.connection.status in ("reconnecting", "offline"),
                    timeout=WAIT)
    assert not window.commands.available
    assert window.header.title.text().startswith("Hội nghị")  # the last state stays
    demo_server.start()
    qtbot.waitUntil(chair.reconnected, timeout=30_000)
    assert chair.run("meeting.start", {"meeting_id": MEETING})["ok"]
    qtbot.waitUntil(lambda: window.header.status_badge.text() == "In session", timeout=30_000)
    qtbot.waitUntil(lambda: current_row(window) == 0, timeout=WAIT)
    assert window.header.connection.status == "connected"
