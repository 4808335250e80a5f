"""Who takes part, in which role and from which site: chosen from the user directory.

A person found is picked with the mouse (a click selects, a double-click adds), the keyboard
(arrows select, Enter adds) or a finger (a tap adds: on a tablet there is no double tap to
learn). A person already taking part is only selected, never changed by accident.

The rights table (docs/security.md) is followed here as the server enforces it: nobody
edits their own row; only the meeting's organiser (admin, organizer) gives chair or
secretary, edits a chair or a secretary and sets voting weights (never while a poll is
open); a site secretary places people at their own site only. A control that would be
refused is disabled, with the reason below it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QInputDevice, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meeting_app.state.models import role_label
from meeting_app.state.rights import my_site_only, poll_open, roles_i_grant, why_not_edit
from meeting_app.state.store import MeetingStore
from meeting_app.ui.commands import CommandSender
from meeting_app.ui.resources import icon
from meeting_app.ui.widgets import Panel, ask, tool_button
from protocol import commands as c
from protocol.answers.people import UserListAnswer
from protocol.roles import MeetingRole

ROLES = tuple(MeetingRole)
USER_ID = Qt.ItemDataRole.UserRole


class ParticipantsEditor(QWidget):
    """The participant list on the left; the user search and role/site form on the right."""

    def __init__(self, store: MeetingStore, sender: CommandSender,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store, self._sender = store, sender
        self.organiser = False
        """Whether I am the meeting's organiser (admin or organizer): see ``set_organiser``."""
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(self.tr("Participants"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Site")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.remove_button = tool_button(self.tr("Remove from meeting"), "remove")
        people = Panel(self.tr("Participants"), "users")
        people.body.addWidget(self.table, 1)
        people.body.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.search_edit = QLineEdit()
        self.search_edit.setAccessibleName(self.tr("Search by name or username"))
        self.search_edit.setPlaceholderText(self.tr("Search by name or username"))
        self.search_button = tool_button(self.tr("Search"), "search")
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.search_button)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Users found"))
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.role_combo = QComboBox()
        for role in ROLES:
            self.role_combo.addItem(role_label(role), role)
        self.role_combo.setCurrentIndex(ROLES.index(MeetingRole.DELEGATE))
        self.site_combo = QComboBox()
        self.weight_spin = QSpinBox()
        self.weight_spin.setRange(0, 1000)
        self.weight_spin.setValue(1)
        self.weight_spin.setAccessibleName(self.tr("Voting weight"))
        self.set_button = tool_button(self.tr("Add to meeting"), "add")
        self.set_button.setProperty("primary", True)
        form = QFormLayout()
        form.addRow(self.tr("&Role"), self.role_combo)
        form.addRow(self.tr("&Site"), self.site_combo)
        form.addRow(self.tr("&Voting weight"), self.weight_spin)
        directory = Panel(self.tr("Add or change"), "user")
        directory.body.addLayout(search_row)
        directory.body.addWidget(self.results, 1)
        directory.body.addLayout(form)
        directory.body.addWidget(self.set_button)
        self.refusal = QLabel()
        self.refusal.setObjectName("hint")
        self.refusal.setWordWrap(True)
        directory.body.addWidget(self.refusal)
        self.hint = QLabel(self.tr("Click a person found, choose their role and site, and "
                                   "press Add to meeting (or double-click them). Selecting a "
                                   "participant on the left lets you change theirs."))
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        directory.body.addWidget(self.hint)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(people, 3)
        right = QVBoxLayout()
        right.addWidget(directory)
        layout.addLayout(right, 2)

        self.search_button.clicked.connect(self.search)
        self.search_edit.returnPressed.connect(self.search)
        # currentItemChanged comes before a click's selection: the selection is what counts.
        self.results.itemSelectionChanged.connect(self._result_selected)
        self.results.itemActivated.connect(self._result_activated)  # double-click, Enter
        self.results.viewport().installEventFilter(self)  # a tap
        self.table.itemSelectionChanged.connect(self._participant_selected)
        self.set_button.clicked.connect(self.apply)
        self.remove_button.clicked.connect(self.remove_selected)
        for signal in (store.reset, store.participants_changed, store.sites_changed, store.role_changed,
                       store.polls_changed):
            signal.connect(self.refresh)
        sender.availability_changed.connect(self._update_buttons)
        self.refresh()

    # --- showing ---------------------------------------------------------------------------

    def set_organiser(self, organiser: bool) -> None:
        """Whether I am the meeting's organiser (admin or organizer): then I give every role
        and set voting weights; otherwise delegates and observers only."""
        self.organiser = organiser
        self.refresh()

    def refresh(self) -> None:
        """Show the store's participants and sites."""
        selected = self.selected_participant()
        sites = {site["id"]: site["name"] for site in self._store.sites}
        site_id = self.site_combo.currentData()
        self.site_combo.clear()
        self.site_combo.addItem(self.tr("No site"), None)
        for sid, name in sites.items():
            self.site_combo.addItem(name, sid)
        self.site_combo.setCurrentIndex(max(0, self.site_combo.findData(site_id)))
        people = self._store.participants
        self.table.setRowCount(len(people))
        for row, person in enumerate(people):
            cells = (person["full_name"], role_label(person["role"]),
                     sites.get(person["site_id"], ""))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(USER_ID, person["user_id"])
                self.table.setItem(row, column, item)
        self._reselect(selected)
        granted = roles_i_grant(self.organiser)
        model = self.role_combo.model()
        for index, role in enumerate(ROLES):
            model.item(index).setEnabled(role in granted)  # type: ignore[attr-defined]
        if self.role_combo.currentData() not in granted:
            self.role_combo.setCurrentIndex(ROLES.index(MeetingRole.DELEGATE))
        own_site = my_site_only(self._store, self.organiser)
        if own_site is not None:
            self.site_combo.setCurrentIndex(max(0, self.site_combo.findData(own_site)))
        self.site_combo.setEnabled(own_site is None)
        self._update_buttons()

    def _reselect(self, user_id: int | None) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(USER_ID) == user_id:
                self.table.selectRow(row)

    def selected_participant(self) -> int | None:
        """The user id of the participant selected on the left, or None."""
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 0) if rows else None
        return item.data(USER_ID) if item is not None else None

    def _participant_selected(self) -> None:
        user_id = self.selected_participant()
        person = next((p for p in self._store.participants if p["user_id"] == user_id), None)
        if person is not None:
            self.role_combo.setCurrentIndex(ROLES.index(person["role"]))
            self.site_combo.setCurrentIndex(max(0, self.site_combo.findData(person["site_id"])))
            self.weight_spin.setValue(int(person.get("voting_weight", 1)))
            self.results.clearSelection()
            self.results.setCurrentRow(-1)
        self._update_buttons()

    def _result_selected(self) -> None:
        """A person found was picked: one already taking part shows their role and site."""
        user_id = self._target()
        person = next((p for p in self._store.participants if p["user_id"] == user_id), None)
        if person is not None and self.results.selectedItems():
            self.role_combo.setCurrentIndex(ROLES.index(person["role"]))
            self.site_combo.setCurrentIndex(max(0, self.site_combo.findData(person["site_id"])))
        self._update_buttons()

    def _result_activated(self, item: QListWidgetItem) -> None:
        """Double-click, Enter or a tap: add the person (only select one taking part)."""
        self.results.setCurrentItem(item)
        item.setSelected(True)
        known = {p["user_id"] for p in self._store.participants}
        if int(item.data(USER_ID)) in known:
            self._result_selected()  # their role and site, shown to be changed on purpose
        elif self.set_button.isEnabled():
            self.apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A tap on a person found (a touch screen's release) adds them."""
        if (watched is self.results.viewport() and event.type() == QEvent.Type.MouseButtonRelease
                and isinstance(event, QMouseEvent)
                and event.device().type() == QInputDevice.DeviceType.TouchScreen):
            item = self.results.itemAt(event.position().toPoint())
            if item is not None:
                self._result_activated(item)
        return super().eventFilter(watched, event)

    def _target(self) -> int | None:
        """The user the form applies to: a search result, else the selected participant."""
        item = self.results.currentItem()
        if item is not None and item.isSelected():
            return int(item.data(USER_ID))
        return self.selected_participant()

    def _update_buttons(self, *_args: Any) -> None:
        up = self._sender.available and self._store.loaded
        target = self._target()
        known = {p["user_id"] for p in self._store.participants}
        self.set_button.setText(self.tr("Save role and site") if target in known
                                else self.tr("Add to meeting"))
        refusal = why_not_edit(self._store, self.organiser, target)
        selected = self.selected_participant()
        self.set_button.setEnabled(up and target is not None and refusal is None)
        self.remove_button.setEnabled(up and selected is not None
                                      and why_not_edit(self._store, self.organiser, selected) is None)
        self.search_button.setEnabled(up)
        frozen = poll_open(self._store)
        self.weight_spin.setEnabled(self.organiser and not frozen)
        if refusal is None and frozen:
            refusal = self.tr("A poll is open: voting weights and who is a member cannot "
                              "change until it closes.")
        elif refusal is None and not self.organiser:
            refusal = self.tr("The meeting's organiser gives the roles of chair and secretary "
                              "and sets voting weights.")
        self.refusal.setText(refusal or "")
        self.refusal.setVisible(bool(refusal))

    # --- commands --------------------------------------------------------------------------

    def search(self) -> None:
        """Look users up in the directory (``user.list``)."""
        query = self.search_edit.text().strip()
        fields: dict[str, Any] = {"query": query} if query else {}
        listing = self._sender.compose(c.UserList, **fields)
        if listing is not None:
            self._sender.send(listing, on_success=self._found)

    def _found(self, answer: UserListAnswer) -> None:
        known = {p["user_id"] for p in self._store.participants}
        self.results.clear()
        for user in answer.users:
            item = QListWidgetItem(f"{user.full_name}  ({user.username})")
            if user.id in known:
                item.setIcon(icon("vote", "success"))
                item.setToolTip(self.tr("Already taking part: pick to change the role or site"))
            item.setData(USER_ID, user.id)
            self.results.addItem(item)
        self._update_buttons()

    def apply(self) -> None:
        """Add the chosen user, or change the role and site of a participant."""
        user_id = self._target()
        if user_id is None:
            return
        changes: dict[str, Any] = {
            "meeting_id": self._store.meeting["id"], "user_id": user_id,
            "role": self.role_combo.currentData(), "site_id": self.site_combo.currentData()}
        if self.weight_spin.isEnabled():  # the organiser's; the server keeps it otherwise
            changes["voting_weight"] = self.weight_spin.value()
        payload = self._sender.compose(c.ParticipantSet, **changes)
        if payload is not None:
            self._sender.send(payload)

    def remove_selected(self) -> QMessageBox | None:
        """Ask, then take the selected participant out of the meeting."""
        user_id = self.selected_participant()
        person = next((p for p in self._store.participants if p["user_id"] == user_id), None)
        if person is None:
            return None
        return ask(self, self.tr("Remove participant"),
            self.tr("Remove {name} from this meeting?").format(name=person["full_name"]),
            lambda: self._sender.send(c.ParticipantRemove(
                meeting_id=self._store.meeting["id"], user_id=person["user_id"])),
            self.tr("Remove"))
