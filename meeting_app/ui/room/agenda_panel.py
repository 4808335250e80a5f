"""The agenda: the list, the chair's controls (previous / next / set current, shared with
the console) and the secretary's editing (add, edit, remove, drag to reorder). The buttons
are the declared actions of ``ui/actions/meeting.py``: they are enabled by its rules.

Buttons send commands; the list changes only when the server's event reaches the store.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QWidget,
)

from meeting_app.state.models import AgendaModel
from meeting_app.state.store import MeetingStore
from meeting_app.ui.actions import meeting as meeting_actions
from meeting_app.ui.actions.context import ActionContext
from meeting_app.ui.actions.registry import BoundActions
from meeting_app.ui.agenda_item_dialog import AgendaItemDialog
from meeting_app.ui.commands import CommandSender
from meeting_app.ui.focus import on_enter
from meeting_app.ui.room.delegates import AgendaDelegate
from meeting_app.ui.widgets import Panel, ask
from protocol import commands as c
from protocol.commands.base import Payload
from protocol.roles import MeetingStatus


class AgendaPanel(Panel):
    """The agenda of the open meeting, with the controls the user's role allows."""

    def __init__(self, store: MeetingStore, sender: CommandSender,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Agenda"), "agenda", parent)
        self._store, self._sender = store, sender
        self._editor = False
        self.model = AgendaModel(store, self)
        self.view = QListView()
        self.view.setAccessibleName(self.tr("Agenda"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(AgendaDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setWordWrap(True)
        self.view.setMinimumWidth(250)
        self.body.addWidget(self.view, 1)

        self.action_context = ActionContext(
            store, sender, self, selected_item=self.selected_id,
            changed=(self.view.selectionModel().selectionChanged,))
        self.agenda_actions = BoundActions(self.action_context, (*meeting_actions.AGENDA_IDS,
                                                           *meeting_actions.AGENDA_EDITING_IDS))
        self.previous_button = self.agenda_actions.button(meeting_actions.PREVIOUS)
        self.next_button = self.agenda_actions.button(meeting_actions.NEXT)
        self.set_current_button = self.agenda_actions.button(meeting_actions.DISCUSS)
        self.chair_row = self._row(self.previous_button, self.next_button, self.set_current_button)
        self.add_button = self.agenda_actions.button(meeting_actions.ADD)
        self.edit_button = self.agenda_actions.button(meeting_actions.EDIT)
        self.remove_button = self.agenda_actions.button(meeting_actions.REMOVE)
        self.editor_row = self._row(self.add_button, self.edit_button, self.remove_button)
        self.drag_hint = QLabel(self.tr("Drag items, or press Alt+Up or Alt+Down, to change "
                                        "their order."))
        self.drag_hint.setWordWrap(True)
        self.drag_hint.setObjectName("hint")
        self.body.addWidget(self.drag_hint)

        self.model.reorder_requested.connect(self.reorder)
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        # The keyboard's way to what the mouse does: Enter edits, Alt+Up/Down reorders.
        on_enter(self.view, self.edit_selected)
        for keys, step in (("Alt+Up", -1), ("Alt+Down", +1)):
            move = QShortcut(QKeySequence(keys), self.view, context=Qt.ShortcutContext.WidgetShortcut)
            move.activated.connect(lambda step=step: self.move_selected(step))
        self._remembered: int | None = None
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.view.selectionModel().selectionChanged.connect(self.update_controls)
        store.current_item_changed.connect(self._follow_current)
        store.reset.connect(self.update_controls)
        store.status_changed.connect(self.update_controls)
        store.current_item_changed.connect(self.update_controls)
        store.agenda_changed.connect(self.update_controls)
        sender.availability_changed.connect(self.update_controls)
        self.set_rights(chair=False, editor=False)

    def _row(self, *buttons: QWidget) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)  # the column stays narrow enough for the room at 1280 pixels
        for button in buttons:
            layout.addWidget(button)
        self.body.addWidget(row)
        return row

    # --- rights and state --------------------------------------------------------------

    def set_rights(self, chair: bool, editor: bool) -> None:
        """Show the chair's and the editor's controls only to those who have the role."""
        self._editor = editor
        self.chair_row.setVisible(chair)
        self.editor_row.setVisible(editor)
        self.drag_hint.setVisible(editor)
        self.update_controls()

    def update_controls(self, *_args: Any) -> None:
        """Allow dragging items to reorder them (editors, meeting not ended); the buttons
        follow their actions' rules themselves."""
        open_ = self._store.loaded and self._store.meeting["status"] != MeetingStatus.ENDED
        reorder = self._editor and open_
        self.model.set_reorderable(reorder)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove if reorder
                                  else QAbstractItemView.DragDropMode.NoDragDrop)

    def selected_id(self) -> int | None:
        """The id of the selected item, or None."""
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(AgendaModel.ItemIdRole) if rows else None

    def select(self, item_id: int | None) -> None:
        """Select an item by id (nothing if it is gone)."""
        row = self.model.row_of(item_id)
        if row is None:
            self.view.clearSelection()
            return
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.view.selectionModel().select(self.model.index(row), flags)
        self.view.setCurrentIndex(self.model.index(row))

    def _remember_selection(self) -> None:
        self._remembered = self.selected_id()

    def _restore_selection(self) -> None:
        # The model resets on every agenda change; keep the user's selection across it.
        if self._remembered is not None:
            self.select(self._remembered)
        self._follow_current(self._store.meeting["current_item_id"] if self._store.loaded else None)

    def _follow_current(self, item_id: int | None) -> None:
        row = self.model.row_of(item_id)
        if row is not None:
            self.view.scrollTo(self.model.index(row), QAbstractItemView.ScrollHint.EnsureVisible)

    # --- commands ------------------------------------------------------------------------

    def _send(self, command: type[Payload], **fields: Any) -> None:
        """Send ``command`` on this meeting with ``fields`` (from a form: checked first)."""
        payload = self._sender.compose(command, meeting_id=self._store.meeting["id"], **fields)
        if payload is not None:
            self._sender.send(payload)

    def discuss_selected(self) -> None:
        """Chair: make the selected item the current one (sent even when the button is
        disabled: the server then says why not)."""
        meeting_actions.discuss_selected(self.action_context)

    def add_item(self) -> AgendaItemDialog:
        """Open the form for a new item; it is inserted after the selection, or at the end."""
        dialog = AgendaItemDialog(parent=self)
        row = self.model.row_of(self.selected_id())

        def accepted() -> None:
            position = {} if row is None else {"position": row + 1}
            self._send(c.AgendaAddItem, **dialog.values(), **position)

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def edit_selected(self) -> AgendaItemDialog | None:
        """Open the form on the selected item (editors only)."""
        item = self._store.item_by_id(self.selected_id() or 0)
        if item is None or not self.edit_button.isEnabled():
            return None
        dialog = AgendaItemDialog(item, parent=self)

        def accepted() -> None:
            changes = dialog.changes()
            if changes:
                self._send(c.AgendaUpdateItem, item_id=item["id"], **changes)

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def remove_selected(self) -> QMessageBox | None:
        """Ask, then remove the selected item."""
        item = self._store.item_by_id(self.selected_id() or 0)
        if item is None:
            return None
        return ask(self, self.tr("Remove agenda item"),
            self.tr("Remove “{title}” from the agenda?").format(title=item["title"]),
            lambda: self._send(c.AgendaRemoveItem, item_id=item["id"]), self.tr("Remove"))

    def move_selected(self, step: int) -> bool:
        """Move the selected item up (-1) or down (+1) one place; False when it cannot."""
        ids, selected = self.model.item_ids(), self.selected_id()
        if not (self._editor and self.edit_button.isEnabled()) or selected not in ids:
            return False
        at = ids.index(selected)
        to = at + step
        if not 0 <= to < len(ids):
            return False
        ids[at], ids[to] = ids[to], ids[at]
        self.reorder(ids)
        return True

    def reorder(self, item_ids: list[int]) -> None:
        """Ask the server for a new order (from a drag and drop, or Alt+Up/Down)."""
        self._send(c.AgendaReorder, item_ids=item_ids)

    def sizeHint(self) -> QSize:
        return QSize(380, 600)

