"""The meeting room's main actions on the keyboard, also listed in its "Meeting" menu so
they can be found (and reached with Alt): ask for the floor, vote, follow the presenter,
turn pages, and go to each tab of the centre.

Each shortcut does what the matching button does; the server checks the right again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from protocol.statuses import SpeakerKind

if TYPE_CHECKING:
    from meeting_app.ui.room.window import MeetingRoomWindow

translate = QCoreApplication.translate
"""``translate(context, text)``: the form the translation tools find."""

KEYS = {
    "request_floor": "Ctrl+Shift+F",
    "question": "Ctrl+Shift+Q",
    "vote": "Ctrl+Shift+V",
    "follow": "Ctrl+Shift+P",
    "next_page": "Ctrl+Alt+PgDown",
    "previous_page": "Ctrl+Alt+PgUp",
}


def install_room_shortcuts(room: MeetingRoomWindow) -> dict[str, QAction]:
    """Make the room's keyboard actions (window-wide) and their menu; returns them by name."""
    menu = room.menuBar().addMenu(translate("room", "&Meeting"))
    menu.setObjectName("meetingMenu")
    texts = {
        "request_floor": translate("room", "Request to speak"),
        "question": translate("room", "Ask a question"),
        "vote": translate("room", "Vote"),
        "follow": translate("room", "Follow presenter"),
        "next_page": translate("room", "Next page"),
        "previous_page": translate("room", "Previous page"),
    }
    slots = {
        "request_floor": lambda: _request(room, SpeakerKind.SPEAK),
        "question": lambda: _request(room, SpeakerKind.QUESTION),
        "vote": lambda: _vote(room),
        "follow": lambda: _follow(room),
        "next_page": lambda: _page(room, +1),
        "previous_page": lambda: _page(room, -1),
    }
    actions: dict[str, QAction] = {}
    for name, text in texts.items():
        action = QAction(text, room)
        action.setObjectName(f"{name}Action")
        action.setShortcut(QKeySequence(KEYS[name]))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slots[name])
        room.addAction(action)
        menu.addAction(action)
        actions[name] = action
    menu.addSeparator()
    tabs = menu.addMenu(translate("room", "&Go to"))
    tabs.setObjectName("goToMenu")
    for index in range(min(room.central.count(), 9)):
        action = QAction(room.central.tabText(index), room)
        action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
        action.triggered.connect(lambda _checked=False, i=index: room.central.setCurrentIndex(i))
        room.addAction(action)
        tabs.addAction(action)
    # The tab titles change (counts, language): the menu shows them as they are now.
    tabs.aboutToShow.connect(lambda: _name_tabs(room, tabs.actions()))
    return actions


def _name_tabs(room: MeetingRoomWindow, actions: list[QAction]) -> None:
    for index, action in enumerate(actions):
        action.setText(room.central.tabText(index).replace("&", "&&"))


def _request(room: MeetingRoomWindow, kind: str) -> None:
    if room.floor.may_request and room.floor.usable:
        room.floor.request(kind)


def _vote(room: MeetingRoomWindow) -> None:
    """The ballot of the poll open now (when I still have to vote), else the votes tab."""
    poll = room.store.open_poll
    if poll is not None and room.store.still_to_vote(poll):
        room.votes.vote(int(poll["id"]))
    else:
        room.central.setCurrentWidget(room.votes)


def _follow(room: MeetingRoomWindow) -> None:
    room.central.setCurrentWidget(room.documents.tab)
    room.documents.link.follow()


def _page(room: MeetingRoomWindow, step: int) -> None:
    tools = room.documents.reader.toolbar
    room.central.setCurrentWidget(room.documents.tab)
    (tools.next_action if step > 0 else tools.previous_action).trigger()
