"""The declared actions (meeting_app/ui/actions): a declaration is bound to QActions per
window; enablement follows the store and the connection; shortcuts trigger the handler;
titles follow the language; start/end and agenda stepping are one declaration bound by
both the chair's console and the room's agenda. No server: a store fed with real events
(tests/client/floor_data.py)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMenu, QToolBar, QWidget

from meeting_app.ui.actions import meeting as meeting_actions
from meeting_app.ui.actions import rights
from meeting_app.ui.actions.context import ActionContext
from meeting_app.ui.actions.declaration import Action, Menu, Placement
from meeting_app.ui.actions.registry import REGISTRY, ActionRegistry, BoundActions
from meeting_app.ui.actions.room import ROOM_IDS, SHORTCUT_NAMES
from meeting_app.ui.console.window import ChairConsole
from meeting_app.ui.floor.actions import FloorActions
from meeting_app.ui.i18n import choose_language
from meeting_app.ui.room.agenda_panel import AgendaPanel
from tests.client.floor_data import CHAIR, SECRETARY, Meeting, iso
from tests.client.focus_chain import press
from tests.support.capabilities import you_fields

WAIT = 5000
START, END, PREVIOUS, NEXT = (meeting_actions.START, meeting_actions.END, meeting_actions.PREVIOUS,
                              meeting_actions.NEXT)


def window(qtbot: Any) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def bound(qtbot: Any, meeting: Meeting, ids: tuple[str, ...]) -> BoundActions:
    return BoundActions(ActionContext(meeting.store, meeting.sender, window(qtbot)), ids)


def make_current(meeting: Meeting, item_id: int) -> None:
    meeting.event("agenda.current_changed", {"item_id": item_id,
                                             "started_at": iso(meeting.clock.now())})


def test_enablement_follows_the_store_and_the_connection(qtbot: Any) -> None:
    meeting = Meeting("chair", CHAIR)  # live, on its second item (102)
    actions = bound(qtbot, meeting, (*meeting_actions.MEETING_IDS, *meeting_actions.AGENDA_IDS))
    assert actions[END].isEnabled() and not actions[START].isEnabled()
    assert actions[PREVIOUS].isEnabled() and actions[NEXT].isEnabled()

    make_current(meeting, 106)  # the last item: no next
    assert actions[PREVIOUS].isEnabled() and not actions[NEXT].isEnabled()

    meeting.connection.status = "offline"
    meeting.sender._status_changed("offline")  # the connection drops: nothing is offered
    assert not any(actions[name].isEnabled() for name in (START, END, PREVIOUS, NEXT))
    meeting.sender._status_changed("connected")
    assert actions[END].isEnabled()

    meeting.event("meeting.status_changed", {"status": "ended", "ended_at": iso(meeting.clock.now())})
    assert not actions[END].isEnabled() and not actions[PREVIOUS].isEnabled()


def test_the_chairs_actions_are_hidden_from_others(qtbot: Any) -> None:
    secretary = bound(qtbot, Meeting("secretary", SECRETARY), meeting_actions.MEETING_IDS)
    assert not secretary[START].isVisible() and not secretary[END].isVisible()
    chair = bound(qtbot, Meeting("chair", CHAIR), meeting_actions.MEETING_IDS)
    assert chair[START].isVisible() and chair[END].isVisible()


def test_a_triggered_action_sends_its_command(qtbot: Any) -> None:
    meeting = Meeting("chair", CHAIR)
    actions = bound(qtbot, meeting, meeting_actions.AGENDA_IDS)
    actions[NEXT].trigger()
    assert meeting.connection.last("agenda.set_current") == {"meeting_id": 1, "item_id": 103}
    actions[PREVIOUS].trigger()
    assert meeting.connection.last("agenda.set_current") == {"meeting_id": 1, "item_id": 101}


def test_one_declaration_serves_the_console_and_the_room(qtbot: Any) -> None:
    meeting = Meeting("chair", CHAIR)
    console = ChairConsole(meeting.session, FloorActions(meeting.store, meeting.sender))
    qtbot.addWidget(console)
    room_agenda = AgendaPanel(meeting.store, meeting.sender)
    qtbot.addWidget(room_agenda)
    room_agenda.set_rights(chair=True, editor=True)
    # The room's window binds start and end among its actions; the console's header too.
    assert {START, END} <= set(ROOM_IDS)
    assert set(console.header.meeting_actions.by_id()) == {START, END}
    # Two QActions (one per window) from the one declaration: same title, same rule.
    for name in (PREVIOUS, NEXT, meeting_actions.DISCUSS):
        ours, theirs = console.agenda.agenda_actions[name], room_agenda.agenda_actions[name]
        assert ours is not theirs and ours.text() == theirs.text() == REGISTRY.action(name).title()
    assert console.agenda.next_button.isEnabled() and room_agenda.next_button.isEnabled()
    assert console.agenda.next_button.text() == room_agenda.next_button.text() == "Next"

    console.agenda.next_button.click()  # either window sends the same command
    first = meeting.connection.last("agenda.set_current")
    room_agenda.next_button.click()
    assert meeting.connection.last("agenda.set_current") == first == {"meeting_id": 1, "item_id": 103}

    make_current(meeting, 106)  # both windows follow the store
    assert not console.agenda.next_button.isEnabled() and not room_agenda.next_button.isEnabled()
    assert console.agenda.previous_button.isEnabled() and room_agenda.previous_button.isEnabled()

    # "Discuss this" reads each window's own selection.
    assert not console.agenda.discuss_button.isEnabled()
    console.agenda.select(104)
    assert console.agenda.discuss_button.isEnabled() and not room_agenda.set_current_button.isEnabled()
    room_agenda.select(105)
    assert room_agenda.set_current_button.isEnabled()
    room_agenda.set_current_button.click()
    assert meeting.connection.last("agenda.set_current") == {"meeting_id": 1, "item_id": 105}


# --- the registry's own machinery, with declarations made for the test ---------------------------


@pytest.fixture
def registry() -> ActionRegistry:
    """A registry of its own, so that the test declarations stay out of the application's."""
    return ActionRegistry()


def test_an_id_is_declared_once(registry: ActionRegistry) -> None:
    registry.register(Action("test.one", lambda: "One", lambda _context: None))
    with pytest.raises(ValueError, match="declared twice"):
        registry.register(Action("test.one", lambda: "Again", lambda _context: None))
    with pytest.raises(ValueError, match="declared twice"):
        REGISTRY.register(Action(START, lambda: "Start", lambda _context: None))


def test_a_shortcut_triggers_its_handler(qtbot: Any, registry: ActionRegistry) -> None:
    meeting = Meeting("delegate", 12)
    calls: list[str] = []
    registry.register(Action("test.ping", lambda: "Ping", lambda context: calls.append("ping"),
                             shortcut="Ctrl+Shift+K"))
    top = window(qtbot)
    BoundActions(ActionContext(meeting.store, meeting.sender, top), ["test.ping"], registry)
    top.show()
    qtbot.waitExposed(top)
    top.activateWindow()  # window shortcuts act in the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is top, timeout=WAIT)
    press(top, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert calls == ["ping"]


def test_the_room_declares_its_shortcuts() -> None:
    keys = {name: REGISTRY.action(f"room.{name}").shortcut for name in SHORTCUT_NAMES}
    assert keys == {"request_floor": "Ctrl+Shift+F", "question": "Ctrl+Shift+Q",
                    "vote": "Ctrl+Shift+V", "follow": "Ctrl+Shift+P",
                    "next_page": "Ctrl+Alt+PgDown", "previous_page": "Ctrl+Alt+PgUp"}
    assert [REGISTRY.action(f"room.go_to.{n}").shortcut for n in range(1, 10)] == [
        f"Ctrl+{n}" for n in range(1, 10)]


def test_menus_groups_checked_state_and_separators(qtbot: Any, registry: ActionRegistry) -> None:
    meeting = Meeting("chair", CHAIR)
    registry.register_menu(Menu("test.menu", lambda: "&Test", "testMenu"),
                           Menu("test.sub", lambda: "&More", parent="test.menu", group="more", order=9))
    registry.register(
        Action("test.chair", lambda: "Chair only", lambda _context: None,
               visible_when=lambda context: rights.is_chair(context.store),
               places=(Placement("test.menu", "a", 1), Placement("test.bar", "a", 1))),
        Action("test.live", lambda: "Live?", lambda _context: None,
               checked_when=lambda context: rights.status(context.store) == "live",
               places=(Placement("test.menu", "b", 2), Placement("test.bar", "b", 2))),
        Action("test.deep", lambda: "Deep", lambda _context: None, places=(Placement("test.sub"),)))
    top = window(qtbot)
    actions = BoundActions(ActionContext(meeting.store, meeting.sender, top),
                           ["test.chair", "test.live", "test.deep"], registry)
    bar = QToolBar(top)
    actions.fill(bar, "test.bar")
    assert [a.text() or "|" for a in bar.actions()] == ["Chair only", "|", "Live?"]
    menu = QMenu(top)
    actions.fill(menu, "test.menu")
    assert [a.text() or "|" for a in menu.actions()] == ["Chair only", "|", "Live?", "|", "&More"]
    assert actions["test.live"].isCheckable() and actions["test.live"].isChecked()

    meeting.event("meeting.status_changed", {"status": "ended"})
    assert not actions["test.live"].isChecked()
    # A separator shows only while an action before it does.
    demoted(meeting)
    assert not actions["test.chair"].isVisible() and not bar.actions()[1].isVisible()


@pytest.mark.usefixtures("language_settings")
def test_titles_follow_the_language(qtbot: Any, registry: ActionRegistry) -> None:
    translate = QCoreApplication.translate
    registry.register(Action("test.start", lambda: translate("Actions", "Start meeting"),
                             lambda _context: None,
                             tooltip=lambda: translate("Actions", "Open the meeting for every site")))
    meeting = Meeting("chair", CHAIR)
    actions = BoundActions(ActionContext(meeting.store, meeting.sender, window(qtbot)),
                           ["test.start"], registry)
    choose_language("vi", QSettings())
    assert actions["test.start"].text() == "Khai mạc cuộc họp"
    assert actions["test.start"].toolTip() == "Khai mạc cuộc họp cho mọi điểm cầu"
    choose_language("en", QSettings())
    assert actions["test.start"].text() == "Start meeting"


def test_the_agenda_editing_follows_the_role_the_selection_and_the_status(qtbot: Any) -> None:
    meeting = Meeting("secretary", SECRETARY)
    panel = AgendaPanel(meeting.store, meeting.sender)
    qtbot.addWidget(panel)
    panel.set_rights(chair=False, editor=True)
    assert panel.add_button.isEnabled() and not panel.edit_button.isEnabled()
    assert not panel.next_button.isEnabled()  # steering is the chair's
    panel.select(103)
    assert panel.edit_button.isEnabled() and panel.remove_button.isEnabled()
    meeting.event("meeting.status_changed", {"status": "ended"})
    assert not any(button.isEnabled() for button in (panel.add_button, panel.edit_button,
                                                      panel.remove_button))
    observer = AgendaPanel(Meeting("observer", 3).store, meeting.sender)
    qtbot.addWidget(observer)
    assert not observer.add_button.isEnabled()


def demoted(meeting: Meeting) -> None:
    """The chair is made a delegate: the server sends the new capabilities, then the change."""
    meeting.event("capabilities.changed", {"user_id": CHAIR, **you_fields("delegate")})
    me = dict(meeting.store.participant(CHAIR), role="delegate")
    meeting.event("participant.changed", {"participant": me})
