"""The "Users" administration window (admins): find, create, edit, deactivate, reset.

It sends commands on the meetings window's connection and lists again after each change
(users are not meeting state: no event tells of them). Refusals show in its message bar;
the dialogs show theirs inline.
"""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from meeting_app.ui.commands import CommandSender
from meeting_app.ui.focus import on_enter, tab_order, tabbable_toolbar, toolbar_controls
from meeting_app.ui.resources import icon
from meeting_app.ui.screen_fit import fit_to_screen, wide_enough
from meeting_app.ui.users.dialogs import ResetPasswordDialog, UserDialog
from meeting_app.ui.users.model import UsersModel
from meeting_app.ui.widgets import MessageBar, Spacer, ask
from protocol import commands as c
from protocol.answers.people import UserListAnswer


class UsersWindow(QMainWindow):
    """User administration; ``my_id`` is the signed-in admin (who may not lock themselves out)."""

    listed = Signal()
    """A ``user.list`` answer was shown."""

    def __init__(self, sender: CommandSender, my_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sender_, self.my_id = sender, my_id
        self._select_next: int | None = None
        """The user to select once the next list arrives (one just created or changed)."""
        self.dialog: QWidget | None = None
        """The dialog or question open now (tests reach it here)."""
        self.setWindowTitle(self.tr("Users"))
        self.setWindowIcon(icon("users"))
        self.model = UsersModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Users"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; arrows move in it
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(34)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.message = MessageBar()
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.setCentralWidget(body)
        bar = self._build_toolbar()
        self.addToolBar(bar)
        # Tab reads the window as the eye does: the tool bar, then the list (made first).
        tabbable_toolbar(bar)
        tab_order(*toolbar_controls(bar), self.table)
        on_enter(self.table, self.edit_selected)
        self.table.setFocus()
        fit_to_screen(self, wide_enough(900, bar), 520)  # the search field in view
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.sender_.availability_changed.connect(self._update_actions)
        self._update_actions()

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar()
        bar.setMovable(False)
        bar.setIconSize(QSize(20, 20))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.new_action = bar.addAction(icon("add"), self.tr("New user…"))
        self.edit_action = bar.addAction(icon("edit"), self.tr("Edit…"))
        self.active_action = bar.addAction(icon("lock"), self.tr("Deactivate…"))
        self.reset_action = bar.addAction(icon("lock"), self.tr("Reset password…"))
        self.refresh_action = bar.addAction(icon("refresh"), self.tr("Refresh"))
        bar.addWidget(Spacer())
        self.inactive_box = QCheckBox(self.tr("Show deactivated"))
        self.inactive_box.setChecked(True)
        bar.addWidget(self.inactive_box)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search by name or username…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_edit.setFixedWidth(240)
        bar.addWidget(self.search_edit)
        self.new_action.triggered.connect(self.create_user)
        self.edit_action.triggered.connect(self.edit_selected)
        self.active_action.triggered.connect(self.toggle_selected)
        self.reset_action.triggered.connect(self.reset_selected)
        self.refresh_action.triggered.connect(self.refresh)
        self.search_edit.returnPressed.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda text: self.refresh() if not text else None)
        self.inactive_box.toggled.connect(lambda _on: self.refresh())
        return bar

    # --- listing -------------------------------------------------------------------------

    def open(self) -> None:
        """Show the window and list the users."""
        self.show()
        self.refresh()

    def refresh(self) -> None:
        """Ask for the users matching the search."""
        fields: dict[str, Any] = {"include_inactive": self.inactive_box.isChecked()}
        if self.search_edit.text().strip():
            fields["query"] = self.search_edit.text().strip()
        listing = self.sender_.compose(c.UserList, report=False, **fields)
        if listing is None:
            self._refused("invalid", self.sender_.describe("invalid", ""))
            return
        self.sender_.send(listing, on_success=self._listed, on_failure=self._refused, report=False)

    def _listed(self, answer: UserListAnswer) -> None:
        selected = self.selected_user()
        # The table's rows are dicts, with the fields the server sent.
        self.model.set_users([user.model_dump(mode="json", exclude_unset=True) for user in answer.users])
        wanted = self._select_next or (int(selected["id"]) if selected is not None else None)
        self._select_next = None
        if wanted is not None:
            self.select(wanted)
        self._update_actions()
        self.listed.emit()

    def _refused(self, _code: str, message: str) -> None:
        self.message.show_message(message)

    def select(self, user_id: int) -> None:
        """Select a user's row, if shown."""
        row = self.model.row_of(user_id)
        if row is not None:
            self.table.selectRow(row)

    def selected_user(self) -> dict[str, Any] | None:
        """The selected user, or None."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.user(rows[0].row()) if rows else None

    def _update_actions(self, *_args: Any) -> None:
        user, online = self.selected_user(), self.sender_.available
        mine = user is not None and user.get("id") == self.my_id
        active = bool(user and user.get("active", True))
        self.new_action.setEnabled(online)
        self.refresh_action.setEnabled(online)
        self.edit_action.setEnabled(online and user is not None)
        self.reset_action.setEnabled(online and user is not None and not mine)
        self.active_action.setEnabled(online and user is not None and not mine)
        self.active_action.setText(
            self.tr("Deactivate…") if active or user is None else self.tr("Reactivate"))
        self.active_action.setToolTip(self.tr("You cannot deactivate your own account") if mine else "")

    # --- changes -------------------------------------------------------------------------

    def _changed(self, user: dict[str, Any], text: str) -> None:
        self.message.show_message(text, "info")
        if user.get("id"):
            self._select_next = int(user["id"])
        self.refresh()

    def create_user(self) -> UserDialog:
        """Open the new-user dialog."""
        dialog = UserDialog(self.sender_, None, self.my_id, self)
        dialog.saved.connect(lambda user: self._changed(
            user, self.tr("Created {name}.").format(name=user.get("full_name", ""))))
        return self._show(dialog)

    def edit_selected(self) -> UserDialog | None:
        """Open the selected user's name-and-roles dialog."""
        user = self.selected_user()
        if user is None or not self.edit_action.isEnabled():
            return None
        dialog = UserDialog(self.sender_, user, self.my_id, self)
        dialog.saved.connect(lambda saved: self._changed(
            saved, self.tr("Saved {name}.").format(name=saved.get("full_name", ""))))
        return self._show(dialog)

    def reset_selected(self) -> ResetPasswordDialog | None:
        """Open the reset-password dialog for the selected user."""
        user = self.selected_user()
        if user is None or not self.reset_action.isEnabled():
            return None
        dialog = ResetPasswordDialog(self.sender_, user, self)
        dialog.saved.connect(lambda saved: self._changed(
            saved, self.tr("{name} has a new password and was signed out everywhere.")
            .format(name=saved.get("full_name", ""))))
        return self._show(dialog)

    def toggle_selected(self) -> QMessageBox | None:
        """Deactivate the selected user (after a confirmation) or reactivate them."""
        user = self.selected_user()
        if user is None or not self.active_action.isEnabled():
            return None
        if not user.get("active", True):
            self._set_active(user, True)
            return None
        box = ask(self, self.tr("Deactivate user"),
                  self.tr("Deactivate {name} ({username})? They are signed out on every device at "
                          "once and cannot sign in until reactivated.")
                  .format(name=user.get("full_name", ""), username=user.get("username", "")),
                  lambda: self._set_active(user, False), self.tr("Deactivate"))
        self.dialog = box
        return box

    def _set_active(self, user: dict[str, Any], active: bool) -> None:
        done = self.tr("Reactivated {name}.") if active else self.tr("Deactivated {name}.")
        self.sender_.send(c.UserSetActive(user_id=user["id"], active=active),
                          on_success=lambda answer: self._changed(
                              answer.user.model_dump(mode="json", exclude_unset=True),
                              done.format(name=user.get("full_name", ""))),
                          on_failure=self._refused, report=False)

    def _show(self, dialog: Any) -> Any:
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.dialog is not None:
            with contextlib.suppress(RuntimeError):  # already deleted
                self.dialog.close()
        super().closeEvent(event)
