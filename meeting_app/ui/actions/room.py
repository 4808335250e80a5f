"""The meeting room's own commands: its keyboard commands (ask for the floor, vote, follow
the presenter, turn pages, go to each tab of the centre), listed in its "Meeting" menu so
they can be found (and reached with Alt), and its tool bar (the console, the room display,
leaving). Starting and ending the meeting are shared with the console (``meeting``).

Each shortcut does what the matching button does; the server checks the right again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from meeting_app.ui.actions import meeting, rights
from meeting_app.ui.actions.context import ActionContext
from meeting_app.ui.actions.declaration import Action, Menu, Placement
from meeting_app.ui.actions.registry import REGISTRY
from protocol.statuses import SpeakerKind

translate = QCoreApplication.translate
"""``translate(context, text)``: the form the translation tools find."""

MEETING_MENU, GO_TO_MENU = "room.meeting", "room.go_to"
TABS = 9
"""Ctrl+1 … Ctrl+9 go to the first nine tabs of the centre."""
SHORTCUT_NAMES = ("request_floor", "question", "vote", "follow", "next_page", "previous_page")
"""The room's keyboard commands (``room.<name>``), as ``MeetingRoomWindow.shortcut_actions``
names them."""


def _request(context: ActionContext, kind: str) -> None:
    floor = context.room_parts().floor
    if rights.may_request_floor(context.store) and floor.usable:
        floor.request(kind)


def _vote(context: ActionContext) -> None:
    """The ballot of the poll open now (when I still have to vote), else the votes tab."""
    room, store = context.room_parts(), context.store
    poll = store.open_poll
    if poll is not None and store.still_to_vote(poll):
        room.votes.vote(int(poll["id"]))
    else:
        room.central.setCurrentWidget(room.votes)


def _follow(context: ActionContext) -> None:
    room = context.room_parts()
    room.central.setCurrentWidget(room.documents.tab)
    room.documents.link.follow()


def _page(context: ActionContext, step: int) -> None:
    room = context.room_parts()
    tools = room.documents.reader.toolbar
    room.central.setCurrentWidget(room.documents.tab)
    (tools.next_action if step > 0 else tools.previous_action).trigger()


def _go_to(index: int) -> Action:
    def has_tab(context: ActionContext) -> bool:
        return index < context.room_parts().central.count()

    def tab_name(context: ActionContext) -> str:
        central = context.room_parts().central
        return central.tabText(index).replace("&", "&&") if index < central.count() else ""

    # No title of its own: the tab's name (``label``) is shown.
    return Action(f"room.go_to.{index + 1}", str,
                  lambda context: context.room_parts().central.setCurrentIndex(index),
                  visible_when=has_tab, label=tab_name, shortcut=f"Ctrl+{index + 1}",
                  places=(Placement(GO_TO_MENU, "", index),))


def _officer(context: ActionContext) -> bool:
    return rights.is_officer(context.store)


def _in_meeting_menu(order: int) -> tuple[Placement, ...]:
    return (Placement(MEETING_MENU, "commands", order),)


REGISTRY.register_menu(
    Menu(MEETING_MENU, lambda: translate("Actions", "&Meeting"), "meetingMenu"),
    Menu(GO_TO_MENU, lambda: translate("Actions", "&Go to"), "goToMenu", parent=MEETING_MENU,
         group="tabs", order=100),
)
REGISTRY.register(
    Action("room.request_floor", lambda: translate("Actions", "Request to speak"),
           lambda context: _request(context, SpeakerKind.SPEAK), shortcut="Ctrl+Shift+F",
           object_name="request_floorAction", places=_in_meeting_menu(10)),
    Action("room.question", lambda: translate("Actions", "Ask a question"),
           lambda context: _request(context, SpeakerKind.QUESTION), shortcut="Ctrl+Shift+Q",
           object_name="questionAction", places=_in_meeting_menu(20)),
    Action("room.vote", lambda: translate("Actions", "Vote"), _vote, shortcut="Ctrl+Shift+V",
           object_name="voteAction", places=_in_meeting_menu(30)),
    Action("room.follow", lambda: translate("Actions", "Follow presenter"), _follow,
           shortcut="Ctrl+Shift+P", object_name="followAction", places=_in_meeting_menu(40)),
    Action("room.next_page", lambda: translate("Actions", "Next page"),
           lambda context: _page(context, +1), shortcut="Ctrl+Alt+PgDown",
           object_name="next_pageAction", places=_in_meeting_menu(50)),
    Action("room.previous_page", lambda: translate("Actions", "Previous page"),
           lambda context: _page(context, -1), shortcut="Ctrl+Alt+PgUp",
           object_name="previous_pageAction", places=_in_meeting_menu(60)),
    *(_go_to(index) for index in range(TABS)),
    Action("room.console", lambda: translate("Actions", "Console"),
           lambda context: context.room_parts().open_console(), visible_when=_officer,
           icon=("agenda", None),
           tooltip=lambda: translate("Actions", "The chair's console: agenda timing, the floor "
                                     "and attendance on one screen"),
           places=(Placement(meeting.ROOM_TOOLBAR, "officers", 30),)),
    Action("room.display", lambda: translate("Actions", "Room display"),
           lambda context: context.room_parts().open_display(), icon=("fit-page", None),
           tooltip=lambda: translate("Actions", "A large-type window for the room's projector "
                                     "or screen (F11: full screen)"),
           places=(Placement(meeting.ROOM_TOOLBAR, "officers", 40),)),
    Action("room.leave", lambda: translate("Actions", "Leave the room"),
           lambda context: context.window.close(), icon=("logout", None),
           places=(Placement(meeting.ROOM_TOOLBAR, "leave", 50),)),
)

ROOM_IDS = (*meeting.MEETING_IDS, *(f"room.{name}" for name in SHORTCUT_NAMES),
            *(f"room.go_to.{index + 1}" for index in range(TABS)),
            "room.console", "room.display", "room.leave")
"""Every action the room window binds (the agenda panel binds ``meeting.AGENDA_IDS``)."""
