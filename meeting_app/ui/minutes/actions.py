"""An agenda item's action items (giao việc): what, who, by when, and where it stands.

The table shows the store's action items of the item; the secretary and the chair add,
edit and remove them (``action.save`` / ``action.delete``), and the rows change when the
server's ``action.changed`` / ``action.removed`` reach the store.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meeting_app.state.formats import date_text
from meeting_app.state.store import MeetingStore
from meeting_app.ui.widgets import ask, tool_button
from protocol import commands as c
from protocol.answers.minutes import ActionAnswer
from protocol.statuses import ActionStatus

STATUSES = (ActionStatus.OPEN, ActionStatus.DONE, ActionStatus.CANCELLED)


translate = QCoreApplication.translate
"""``translate(context, text)``: the form the translation tools find."""


def action_status_label(status: str) -> str:
    """An action item's status in words."""
    labels: dict[str, str] = {ActionStatus.OPEN: translate("actions", "Open"),
                              ActionStatus.DONE: translate("actions", "Done"),
                              ActionStatus.CANCELLED: translate("actions", "Cancelled")}
    return labels.get(status, status)


def due_text(due: str | None) -> str:
    """An ISO day in the locale's format (21/11/2026) ("" when there is none)."""
    if not due:
        return ""
    try:
        return date_text(date.fromisoformat(due[:10]))
    except ValueError:
        return due


def owner_text(action: dict[str, Any], store: MeetingStore | None = None) -> str:
    """Who owns an action item: a participant's name, or the free text typed for it."""
    if action.get("owner_id") is not None and store is not None:
        person = store.participant(action["owner_id"])
        if person is not None:
            return str(person["full_name"])
    return str(action.get("owner") or action.get("owner_full_name") or action.get("owner_name") or "")


class ActionDialog(QDialog):
    """What, owner (a participant or free text), due day and status of one action item."""

    def __init__(self, store: MeetingStore, action: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._action = action or {}
        self.setWindowTitle(self.tr("Edit action item") if action else self.tr("New action item"))
        self.setMinimumWidth(480)
        self.title_edit = QLineEdit(self._action.get("title", ""))
        self.title_edit.setMaxLength(2000)
        self.title_edit.setPlaceholderText(self.tr("e.g. Hoàn thiện dự thảo kế hoạch, trình Bộ trưởng"))
        self.owner = QComboBox()
        self.owner.setEditable(True)
        self.owner.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.owner.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("A participant, or a unit's name"))
        self.owner.addItem("", None)
        for person in store.participants:
            self.owner.addItem(person["full_name"], person["user_id"])
        self.owner.setCurrentText(owner_text(self._action, store))
        self.has_due = QCheckBox(self.tr("Due by"))
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd/MM/yyyy")
        due = self._action.get("due")
        self.has_due.setChecked(bool(due))
        self.due.setDate(QDate.fromString(due[:10], "yyyy-MM-dd") if due else
                         QDate.currentDate().addDays(14))
        self.due.setEnabled(bool(due))
        self.has_due.toggled.connect(self.due.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        self.status = QComboBox()
        for status in STATUSES:
            self.status.addItem(action_status_label(status), status)
        self.status.setCurrentIndex(
            max(0, self.status.findData(self._action.get("status", ActionStatus.OPEN))))
        form = QFormLayout()
        form.addRow(self.tr("&What"), self.title_edit)
        form.addRow(self.tr("&Owner"), self.owner)
        form.addRow(self.tr("&Due"), due_row)
        due_label = form.labelForField(due_row)
        if isinstance(due_label, QLabel):  # a row of two: the letter goes to its check box
            due_label.setBuddy(self.has_due)
        form.addRow(self.tr("&Status"), self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.title_edit.textChanged.connect(self._validate)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._validate()
        self.title_edit.setFocus()

    def _validate(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.title_edit.text().strip()))

    def set_owner(self, text: str) -> None:
        """Choose the owner by name (a participant's, or free text)."""
        self.owner.setCurrentText(text)

    def values(self) -> dict[str, Any]:
        """The action item as ``action.save`` takes it (with its id when editing)."""
        values: dict[str, Any] = {"title": self.title_edit.text().strip(),
                                  "status": self.status.currentData()}
        if self._action.get("id") is not None:
            values["id"] = self._action["id"]
        if "agenda_item_id" in self._action:
            values["agenda_item_id"] = self._action["agenda_item_id"]
        name = self.owner.currentText().strip()
        index = self.owner.findText(name, Qt.MatchFlag.MatchExactly)
        user_id = self.owner.itemData(index) if index > 0 else None
        if user_id is not None:
            values["owner_id"] = user_id
        elif name:
            values["owner_name"] = name
        if self.has_due.isChecked():
            values["due"] = self.due.date().toString("yyyy-MM-dd")
        return values


class ActionItemsTable(QWidget):
    """The action items of one agenda item, with add / edit / remove for editors."""

    COLUMNS = 4
    message = Signal(str)

    def __init__(self, store: MeetingStore, commands: Any, meeting_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.commands, self.meeting_id = store, commands, meeting_id
        self.item_id: int | None = None
        self.editable = False
        self.dialog: ActionDialog | None = None
        self._rows: list[dict[str, Any]] = []
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName(self.tr("Action items"))
        self.table.setHorizontalHeaderLabels([self.tr("What"), self.tr("Owner"), self.tr("Due"),
                                              self.tr("Status")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(48)  # its header and a row: the tab fits 1280x800
        self.table.setShowGrid(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = tool_button(self.tr("Add"), "add",
                                      self.tr("A new action item for this agenda item"))
        self.edit_button = tool_button(self.tr("Edit…"), "edit")
        self.remove_button = tool_button(self.tr("Remove"), "remove")
        self.remove_button.setProperty("danger", True)
        self.buttons = QWidget()
        row = QHBoxLayout(self.buttons)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_button, self.edit_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.add_button.clicked.connect(lambda: self.edit(None))
        self.edit_button.clicked.connect(lambda: self.edit(self.selected()))
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.doubleClicked.connect(lambda _index: self.editable and self.edit(self.selected()))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        for signal in (store.actions_changed, store.participants_changed, store.reset):
            signal.connect(self.refresh)
        self.set_editable(False)

    def set_editable(self, editable: bool) -> None:
        """Secretary and chair change action items; others only read them."""
        self.editable = editable
        self.buttons.setVisible(editable)
        self._update_buttons()

    def show_item(self, item_id: int | None) -> None:
        self.item_id = item_id
        self.refresh()

    def refresh(self) -> None:
        """Show the store's action items of the item (keeping the selection)."""
        selected = self.selected()
        self._rows = self.store.actions_for(self.item_id) if self.item_id is not None else []
        self.table.setRowCount(len(self._rows))
        for row, action in enumerate(self._rows):
            texts = (action["title"], owner_text(action, self.store), due_text(action.get("due")),
                     action_status_label(action.get("status", ActionStatus.OPEN)))
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if action.get("status") in (ActionStatus.DONE, ActionStatus.CANCELLED):
                    cell.setForeground(Qt.GlobalColor.darkGray)
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        if selected is not None:
            self.select(selected["id"])
        self._update_buttons()

    def rows(self) -> list[dict[str, Any]]:
        """The action items shown, in order."""
        return list(self._rows)

    def select(self, action_id: int) -> None:
        row = next((r for r, a in enumerate(self._rows) if a["id"] == action_id), None)
        if row is not None:
            self.table.selectRow(row)

    def selected(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows and rows[0].row() < len(self._rows) else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.add_button.setEnabled(self.editable and self.item_id is not None)
        self.edit_button.setEnabled(self.editable and chosen)
        self.remove_button.setEnabled(self.editable and chosen)

    def edit(self, action: dict[str, Any] | None) -> ActionDialog | None:
        """Open the dialog for a new (None) or an existing action item."""
        if not self.editable or self.item_id is None:
            return None
        start = action if action is not None else {"agenda_item_id": self.item_id}
        dialog = ActionDialog(self.store, start, self)
        dialog.accepted.connect(lambda: self.save(dialog.values()))
        dialog.open()
        self.dialog = dialog
        return dialog

    def save(self, action: dict[str, Any]) -> None:
        """Send one action item (new without ``id``)."""
        saved = self.commands.compose(c.ActionSave, meeting_id=self.meeting_id, action=action)
        if saved is not None:
            self.commands.send(saved, on_success=self._saved)

    def _saved(self, answer: ActionAnswer) -> None:
        self.select(answer.action.id)

    def remove_selected(self) -> None:
        """Ask, then remove the selected action item."""
        action = self.selected()
        if action is None or not self.editable:
            return
        ask(self, self.tr("Remove the action item"),
            self.tr("Remove “{title}” from the minutes?").format(title=action["title"]),
            lambda: self.remove(action["id"]), self.tr("Remove"))

    def remove(self, action_id: int) -> None:
        """Remove an action item (without asking)."""
        self.commands.send(c.ActionDelete(meeting_id=self.meeting_id, action_id=action_id))
