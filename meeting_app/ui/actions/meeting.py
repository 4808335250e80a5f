"""The meeting's commands offered by both the room and the chair's console: start and end
the meeting, and steer the agenda (previous, next, discuss the selected item); and the
agenda's editing (add, edit, remove), offered by the room's agenda.

Declared once here; the room's tool bar and agenda panel and the console's header and
agenda panel each bind them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from meeting_app.ui.actions import rights
from meeting_app.ui.actions.context import ActionContext
from meeting_app.ui.actions.declaration import Action, Placement
from meeting_app.ui.actions.registry import REGISTRY
from meeting_app.ui.widgets import ask
from protocol import commands as c
from protocol.roles import MeetingStatus

translate = QCoreApplication.translate
"""``translate(context, text)``: the form the translation tools find."""

ROOM_TOOLBAR = "room.toolbar"
"""The room's tool bar (the chair's group first, then the officers', then "Leave")."""
# The actions that send one command are named after it.
START, END = c.MeetingStart.command, c.MeetingEnd.command
PREVIOUS, NEXT, DISCUSS = "agenda.previous", "agenda.next", "agenda.discuss"
ADD, EDIT, REMOVE = "agenda.add", "agenda.edit", "agenda.remove"
MEETING_IDS = (START, END)
AGENDA_IDS = (PREVIOUS, NEXT, DISCUSS)
AGENDA_EDITING_IDS = (ADD, EDIT, REMOVE)


# --- start and end ---------------------------------------------------------------------------


def _chair_and_connected(context: ActionContext) -> bool:
    return rights.is_chair(context.store) and rights.connected(context.store, context.commands)


def may_start(context: ActionContext) -> bool:
    """The chair, connected, in a meeting not started yet."""
    return _chair_and_connected(context) and rights.status(context.store) == MeetingStatus.SCHEDULED


def may_end(context: ActionContext) -> bool:
    """The chair, connected, in a meeting under way."""
    return _chair_and_connected(context) and rights.status(context.store) == MeetingStatus.LIVE


def chair_only(context: ActionContext) -> bool:
    """Shown to the chair only."""
    return rights.is_chair(context.store)


def start_meeting(context: ActionContext) -> None:
    """Chair: open the meeting for every site."""
    context.commands.send(c.MeetingStart(meeting_id=context.store.meeting["id"]))


def end_meeting(context: ActionContext) -> None:
    """Chair: ask, then close the meeting."""
    meeting_id = context.store.meeting["id"]
    ask(context.window.window(), translate("Actions", "End the meeting"),
        translate("Actions", "End the meeting for every site? It can no longer change afterwards."),
        lambda: context.commands.send(c.MeetingEnd(meeting_id=meeting_id)),
        translate("Actions", "End meeting"))


# --- the agenda ------------------------------------------------------------------------------


def _agenda(context: ActionContext) -> tuple[list[int], int | None, int | None]:
    """The item ids, the current item and its position (None: none)."""
    store = context.store
    if not store.loaded:
        return [], None, None
    ids = [int(item["id"]) for item in store.agenda]
    current = store.meeting["current_item_id"]
    return ids, current, ids.index(current) if current in ids else None


def _steers(context: ActionContext) -> bool:
    return rights.is_chair(context.store) and rights.live(context.store, context.commands)


def may_go_back(context: ActionContext) -> bool:
    """The chair of a live meeting, past its first item."""
    _ids, _current, at = _agenda(context)
    return _steers(context) and at is not None and at > 0


def may_go_on(context: ActionContext) -> bool:
    """The chair of a live meeting, before its last item (or with none current yet)."""
    ids, _current, at = _agenda(context)
    return _steers(context) and bool(ids) and (at is None or at < len(ids) - 1)


def may_discuss_selected(context: ActionContext) -> bool:
    """The chair of a live meeting, with another item than the current one selected."""
    _ids, current, _at = _agenda(context)
    selected = context.selected_item()
    return _steers(context) and selected is not None and selected != current


def _set_current(context: ActionContext, item_id: int) -> None:
    context.commands.send(c.AgendaSetCurrent(meeting_id=context.store.meeting["id"], item_id=item_id))


def step(context: ActionContext, delta: int) -> None:
    """Make the item ``delta`` places from the current one current (the first item when
    none is current yet)."""
    ids, current, at = _agenda(context)
    if at is None:
        target = ids[0] if ids else None
    else:
        position = at + delta
        target = ids[position] if 0 <= position < len(ids) else None
    if target is not None and target != current:
        _set_current(context, target)


def discuss_selected(context: ActionContext) -> None:
    """Chair: make the selected item the current one."""
    selected = context.selected_item()
    if selected is not None:
        _set_current(context, selected)


# --- editing the agenda ----------------------------------------------------------------------


def may_edit_agenda(context: ActionContext) -> bool:
    """The chair or a secretary, connected, in a meeting that has not ended."""
    return rights.is_officer(context.store) and rights.usable(context.store, context.commands)


def may_edit_selected(context: ActionContext) -> bool:
    """As :func:`may_edit_agenda`, with an item selected."""
    return may_edit_agenda(context) and context.selected_item() is not None


REGISTRY.register(
    Action(START, lambda: translate("Actions", "Start meeting"), start_meeting,
           enabled_when=may_start, visible_when=chair_only, icon=("play", "success"),
           tooltip=lambda: translate("Actions", "Open the meeting for every site"),
           places=(Placement(ROOM_TOOLBAR, "chairing", 10),)),
    Action(END, lambda: translate("Actions", "End meeting"), end_meeting,
           enabled_when=may_end, visible_when=chair_only, icon=("stop", "danger"),
           tooltip=lambda: translate("Actions", "Close the meeting; it can no longer change"),
           places=(Placement(ROOM_TOOLBAR, "chairing", 20),)),
    Action(PREVIOUS, lambda: translate("Actions", "Previous"), lambda context: step(context, -1),
           enabled_when=may_go_back, icon=("previous", None),
           tooltip=lambda: translate("Actions", "Go back to the previous item")),
    Action(NEXT, lambda: translate("Actions", "Next"), lambda context: step(context, +1),
           enabled_when=may_go_on, icon=("next", None),
           tooltip=lambda: translate("Actions", "Move on to the next item")),
    Action(DISCUSS, lambda: translate("Actions", "Discuss this"), discuss_selected,
           enabled_when=may_discuss_selected, icon=("current", None),
           tooltip=lambda: translate("Actions", "Make the selected item the current one")),
    Action(ADD, lambda: translate("Actions", "Add"),
           lambda context: context.agenda_editor().add_item(), enabled_when=may_edit_agenda,
           icon=("add", None), tooltip=lambda: translate("Actions", "Add an agenda item")),
    Action(EDIT, lambda: translate("Actions", "Edit"),
           lambda context: context.agenda_editor().edit_selected(), enabled_when=may_edit_selected,
           icon=("edit", None),
           tooltip=lambda: translate("Actions", "Rename the item, set its presenter or duration")),
    Action(REMOVE, lambda: translate("Actions", "Remove"),
           lambda context: context.agenda_editor().remove_selected(),
           enabled_when=may_edit_selected, icon=("remove", None),
           tooltip=lambda: translate("Actions", "Remove the selected item")),
)
