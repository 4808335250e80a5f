"""My action items across meetings (``action.list``): what I was given to do, or, for a
chair or secretary, every action item of their meetings; filtered by status, owner and
text, with "Mark done" for my own (``action.set_status``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meeting_app.ui.commands import CommandSender
from meeting_app.ui.minutes.actions import action_status_label, due_text, owner_text
from meeting_app.ui.resources import icon
from meeting_app.ui.session import Session
from meeting_app.ui.theme import color
from meeting_app.ui.widgets import tool_button
from protocol import commands as c
from protocol.answers.minutes import ActionListAnswer
from protocol.statuses import ActionStatus


class ActionsPanel(QWidget):
    """The action items I may see, across meetings."""

    COLUMNS = 5

    def __init__(self, commands: CommandSender, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.commands, self.session = commands, session
        self.loaded = False
        self._rows: list[dict[str, Any]] = []
        self.status_combo = QComboBox()
        for text, value in ((self.tr("Open"), ActionStatus.OPEN), (self.tr("Done"), ActionStatus.DONE),
                            (self.tr("All"), None)):
            self.status_combo.addItem(text, value)
        self.scope_combo = QComboBox()
        self.scope_combo.addItem(self.tr("Mine"), "mine")
        self.scope_combo.addItem(self.tr("All I may see"), "all")
        self.search_edit = QLineEdit()
        self.search_edit.setAccessibleName(self.tr("Search action items"))
        self.search_edit.setPlaceholderText(self.tr("Search action items…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.done_button = tool_button(self.tr("Mark done"), "approve",
                                       self.tr("I have done the selected action item"))
        self.refresh_button = tool_button(self.tr("Refresh"), "refresh")
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(QLabel(self.tr("Show")))
        filters.addWidget(self.status_combo)
        filters.addWidget(self.scope_combo)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.refresh_button)
        filters.addWidget(self.done_button)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName(self.tr("My action items"))
        self.table.setHorizontalHeaderLabels([self.tr("What"), self.tr("Meeting"), self.tr("Owner"),
                                              self.tr("Due"), self.tr("Status")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(40)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 300)
        for column in (2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel()
        self.empty.setObjectName("hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self._typing = QTimer(self, singleShot=True, interval=400)
        self._typing.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _text: self._typing.start())
        self.status_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.scope_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.done_button.clicked.connect(self.mark_done)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        commands.availability_changed.connect(self._availability)
        self._update_buttons()

    def _availability(self, available: bool) -> None:
        if available and self.isVisible():
            self.refresh()
        self._update_buttons()

    def query(self) -> dict[str, Any]:
        """The ``action.list`` payload the filters ask for."""
        payload: dict[str, Any] = {}
        if self.status_combo.currentData() is not None:
            payload["status"] = self.status_combo.currentData()
        if self.scope_combo.currentData() == "mine":
            payload["owner_id"] = self.session.user_id
        if self.search_edit.text().strip():
            payload["query"] = self.search_edit.text().strip()
        return payload

    def refresh(self) -> None:
        """Ask the server for the action items again."""
        self._typing.stop()
        if self.commands.available:
            listing = self.commands.compose(c.ActionList, **self.query())
            if listing is not None:
                self.commands.send(listing, on_success=self._listed)

    def _listed(self, answer: ActionListAnswer) -> None:
        selected = self.selected()
        # The rows stay dicts, with the fields the server sent (as the minutes' table has them).
        self._rows = [a.model_dump(mode="json", exclude_unset=True) for a in answer.actions]
        self.loaded = True
        today = date.today().isoformat()
        self.table.setRowCount(len(self._rows))
        for row, action in enumerate(self._rows):
            texts = (action.get("title", ""), action.get("meeting_title") or "", owner_text(action),
                     due_text(action.get("due")),
                     action_status_label(action.get("status", ActionStatus.OPEN)))
            late = (action.get("status") == ActionStatus.OPEN and bool(action.get("due"))
                    and action["due"] < today)
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if late and column == 3:
                    cell.setForeground(color("danger"))
                    cell.setToolTip(self.tr("Overdue"))
                self.table.setItem(row, column, cell)
        self.empty.setText(self.tr("No action item matches.") if not self._rows else "")
        self.empty.setVisible(not self._rows)
        if selected is not None:
            again = next((r for r, a in enumerate(self._rows) if a["id"] == selected["id"]), None)
            if again is not None:
                self.table.selectRow(again)
        self._update_buttons()

    def rows(self) -> list[dict[str, Any]]:
        """The action items listed, in order."""
        return list(self._rows)

    def selected(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows and rows[0].row() < len(self._rows) else None

    def _update_buttons(self) -> None:
        action = self.selected()
        mine = action is not None and action.get("owner_id") == self.session.user_id
        self.done_button.setEnabled(self.commands.available and mine and
                                    action is not None and action.get("status") == ActionStatus.OPEN)
        self.refresh_button.setEnabled(self.commands.available)

    def mark_done(self) -> None:
        """My selected action item is done."""
        action = self.selected()
        if action is not None and self.done_button.isEnabled():
            self.commands.send(c.ActionSetStatus(action_id=action["id"], status=ActionStatus.DONE),
                               on_success=lambda _answer: self.refresh())
