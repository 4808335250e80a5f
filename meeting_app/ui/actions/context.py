"""What an action's predicates and handler read: :class:`ActionContext`.

One context per window that binds actions. It names the meeting's store and command
sender (shared by every window of a meeting), the window (the parent of the dialogs a
command opens), what is selected there, and, for the meeting room's own commands, the
room's parts (:class:`RoomParts`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QWidget

from meeting_app.state.store import MeetingStore
from meeting_app.ui.commands import CommandSender

if TYPE_CHECKING:
    from meeting_app.ui.documents.room import RoomDocuments
    from meeting_app.ui.floor.actions import FloorActions
    from meeting_app.ui.room.central import CentralArea
    from meeting_app.ui.votes.tab import VotesTab


def _nothing() -> int | None:
    return None


@runtime_checkable
class AgendaEditor(Protocol):
    """A window that edits the agenda (the room's agenda panel): the forms it opens."""

    def add_item(self) -> object:
        """Open the form for a new item."""

    def edit_selected(self) -> object:
        """Open the form on the selected item."""

    def remove_selected(self) -> object:
        """Ask, then remove the selected item."""


@dataclass(frozen=True)
class RoomParts:
    """The parts of the meeting room its commands act on."""

    central: CentralArea
    floor: FloorActions
    votes: VotesTab
    documents: RoomDocuments
    open_console: Callable[[], object]
    open_display: Callable[[], object]


@dataclass(frozen=True)
class ActionContext:
    """See the module docstring."""

    store: MeetingStore
    commands: CommandSender
    window: QWidget
    selected_item: Callable[[], int | None] = _nothing
    """The agenda item selected in this window (None: none)."""
    room: RoomParts | None = None
    changed: tuple[SignalInstance, ...] = field(default_factory=tuple)
    """Signals besides the store's and the connection's after which the conditions are
    evaluated again (a selection)."""

    def room_parts(self) -> RoomParts:
        """The room's parts (only the meeting room binds the actions that need them)."""
        if self.room is None:
            raise LookupError("this window is not a meeting room")
        return self.room

    def agenda_editor(self) -> AgendaEditor:
        """The window, as the agenda's editor (only the agenda panel binds its editing)."""
        if not isinstance(self.window, AgendaEditor):
            raise LookupError("this window does not edit the agenda")
        return self.window

    def refresh_signals(self) -> list[SignalInstance]:
        """Every signal after which the conditions may have changed."""
        store = self.store
        return [store.reset, store.meeting_changed, store.status_changed, store.agenda_changed,
                store.current_item_changed, store.role_changed, store.participants_changed,
                store.speakers_changed, store.polls_changed,
                self.commands.availability_changed, *self.changed]
