"""The meetings list: live, upcoming and past meetings with time, place, status and my
role; open one, prepare one, or create a new one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from meeting_app.state.models import MeetingListModel
from meeting_app.ui.actions_panel import ActionsPanel
from meeting_app.ui.commands import CommandSender
from meeting_app.ui.focus import on_enter, tab_order, tabbable_toolbar, toolbar_controls
from meeting_app.ui.guide import add_help_menu
from meeting_app.ui.language_menu import add_language_menu
from meeting_app.ui.password_dialog import ChangePasswordDialog
from meeting_app.ui.resources import icon
from meeting_app.ui.screen_fit import fit_to_screen, wide_enough
from meeting_app.ui.search_panel import SearchPanel
from meeting_app.ui.session import Session, may_prepare
from meeting_app.ui.settings_menu import install as install_settings
from meeting_app.ui.users.window import UsersWindow
from meeting_app.ui.widgets import ConnectionIndicator, MessageBar, Spacer
from protocol import commands as c
from protocol.answers.meetings import MeetingListAnswer


class MeetingsWindow(QMainWindow):
    """The first window after signing in."""

    open_requested = Signal(int)
    """Open this meeting's room."""
    prepare_requested = Signal(object)
    """Open the preparation dialog: a meeting id, or None for a new meeting."""
    sign_out_requested = Signal()
    closed = Signal()
    session_expired = Signal(str)
    REFRESH_MS = 60_000

    def __init__(self, session: Session, connection: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Meetings"))
        self.setWindowIcon(icon("app"))
        self.connection = connection if connection is not None else session.connect(self)
        self.commands = CommandSender(self.connection, self)
        self.model = MeetingListModel(self)
        self.loaded = False
        self.users_window: UsersWindow | None = None
        self.password_dialog: ChangePasswordDialog | None = None
        self.settings_menu = install_settings(self)

        header = QFrame()
        header.setObjectName("headerBar")
        top = QHBoxLayout(header)
        top.setContentsMargins(18, 12, 18, 12)
        titles = QVBoxLayout()
        title = QLabel(self.tr("Meetings"))
        title.setObjectName("meetingTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("meetingSubtitle")
        self._sign_subtitle()
        titles.addWidget(title)
        titles.addWidget(self.subtitle)
        top.addLayout(titles, 1)
        self.indicator = ConnectionIndicator(self.connection)
        top.addWidget(self.indicator, 0, Qt.AlignmentFlag.AlignVCenter)

        self.toolbar = self._build_toolbar()
        self.message = MessageBar()
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Meetings"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; arrows move in it
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(40)
        columns = self.table.horizontalHeader()
        columns.setHighlightSections(False)
        columns.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column in range(self.model.columnCount()):
            columns.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        columns.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("Loading meetings…"))
        self.empty.setObjectName("placeholderTitle")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        self.actions_panel = ActionsPanel(self.commands, session)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.stack, icon("calendar"), self.tr("Meetings"))
        self.tabs.addTab(self.actions_panel, icon("approve"), self.tr("My action items"))
        self.search_panel = SearchPanel(self.commands)
        self.search_panel.open_requested.connect(self.open_requested)
        self.tabs.addTab(self.search_panel, icon("search"), self.tr("Search"))
        self.tabs.currentChanged.connect(self._tab_changed)
        card = QFrame()
        card.setObjectName("panel")
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(1, 1, 1, 1)
        card_layout.addWidget(self.tabs)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self.toolbar)
        content = QVBoxLayout()
        content.setContentsMargins(14, 12, 14, 14)
        content.setSpacing(10)
        content.addWidget(self.message)
        content.addWidget(card, 1)
        layout.addLayout(content, 1)
        self.setCentralWidget(body)
        # Wide enough for the whole tool bar (an admin has three more entries).
        fit_to_screen(self, wide_enough(1100, self.toolbar), 620)
        self.language_menu = add_language_menu(self)
        self.guide_action = add_help_menu(self)

        self.table.doubleClicked.connect(self._double_clicked)
        on_enter(self.table, self.open_selected)
        # Tab reads the window as the eye does: the tool bar, the tabs, then their page.
        tabbable_toolbar(self.toolbar)
        tab_order(*toolbar_controls(self.toolbar), self.tabs, self.table)
        self.table.setFocus()
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.commands.refused.connect(lambda text: self.message.show_message(text))
        self.commands.availability_changed.connect(self._availability)
        self.connection.session_expired.connect(self.session_expired)
        self._timer = QTimer(self, interval=self.REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._update_actions()

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar()
        bar.setIconSize(QSize(20, 20))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.open_action = bar.addAction(icon("open"), self.tr("Open"))
        self.open_action.setToolTip(self.tr("Enter the selected meeting's room"))
        self.prepare_action = bar.addAction(icon("prepare"), self.tr("Prepare…"))
        self.prepare_action.setToolTip(
            self.tr("Edit the selected meeting's details, participants and agenda"))
        self.new_action = bar.addAction(icon("new-meeting"), self.tr("New meeting…"))
        self.new_action.setVisible(self.session.may_create_meetings)
        self.refresh_action = bar.addAction(icon("refresh"), self.tr("Refresh"))
        self.audit_action = bar.addAction(icon("history"), self.tr("Audit log…"))
        self.audit_action.setToolTip(self.tr("Who did what: the server's audit trail (administrators)"))
        self.audit_action.setVisible(self.session.is_admin)
        self.audit_action.triggered.connect(self.open_audit_log)
        self.audit_window: QWidget | None = None
        bar.addWidget(Spacer())
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Search…"))
        self.search_box.setAccessibleName(self.tr("Search"))
        self.search_box.setToolTip(self.tr("Search my meetings, documents, conclusions and action items"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_box.setFixedWidth(200)  # the admin's whole tool bar fits 1280 pixels
        self.search_box.returnPressed.connect(self._search_from_box)
        bar.addWidget(self.search_box)
        self.users_action = bar.addAction(icon("users"), self.tr("Users…"))
        self.users_action.setToolTip(
            self.tr("Create users, set their roles, deactivate them, reset passwords"))
        self.users_action.setVisible(self.session.is_admin)
        self.password_action = bar.addAction(icon("lock"), self.tr("Change password…"))
        self.sign_out_action = bar.addAction(icon("logout"), self.tr("Sign out"))
        self.users_action.triggered.connect(self.open_users)
        self.password_action.triggered.connect(self.change_password)
        self.open_action.triggered.connect(self.open_selected)
        self.prepare_action.triggered.connect(self.prepare_selected)
        self.new_action.triggered.connect(lambda: self.prepare_requested.emit(None))
        self.refresh_action.triggered.connect(self.refresh)
        self.sign_out_action.triggered.connect(self.sign_out_requested)
        return bar

    def _sign_subtitle(self) -> None:
        """Who is signed in, with their roles in words."""
        roles = [self.tr("administrator")] if self.session.is_admin else []
        if self.session.user.get("is_organizer"):
            roles.append(self.tr("organizer"))
        who = self.session.full_name + (f" · {', '.join(roles)}" if roles else "")
        self.subtitle.setText(self.tr("Signed in as {who}").format(who=who))

    def retranslate(self) -> None:
        """Words the catalogue cannot find again by themselves: the roles after the name
        (called when the language changes, see ui/retranslate.py)."""
        self._sign_subtitle()

    # --- life ----------------------------------------------------------------------------

    def open(self) -> None:
        """Show the window and connect; the list loads once connected."""
        self.show()
        self.connection.start()
        self._timer.start()
        if self.commands.available:
            self.refresh()

    def _availability(self, available: bool) -> None:
        if available:
            self.refresh()
        self._update_actions()

    def refresh(self) -> None:
        """Ask the server for my meetings again (and my action items, when shown)."""
        if self.commands.available:
            self.commands.send(c.MeetingList(), on_success=self._listed)
            if self.tabs.currentWidget() is self.actions_panel:
                self.actions_panel.refresh()

    def open_audit_log(self) -> None:
        """Show the audit log viewer (administrators only; the server checks it again)."""
        from meeting_app.ui.audit_window import AuditWindow

        if self.audit_window is None:
            meetings = [self.model.meeting(r) for r in range(self.model.rowCount())]
            self.audit_window = AuditWindow(self.session, meetings, self)
        self.audit_window.show()
        self.audit_window.raise_()

    def search(self, query: str) -> None:
        """Show the search tab and look for ``query``."""
        self.tabs.setCurrentWidget(self.search_panel)
        self.search_panel.query_edit.setText(query)
        self.search_panel.search()

    def _search_from_box(self) -> None:
        if self.search_box.text().strip():
            self.search(self.search_box.text().strip())

    def show_actions(self) -> None:
        """Show my action items (and load them)."""
        self.tabs.setCurrentWidget(self.actions_panel)

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.actions_panel:
            self.actions_panel.refresh()

    def _listed(self, answer: MeetingListAnswer) -> None:
        selected = self.selected_meeting()
        # The model's rows are dicts, with the fields the server sent.
        self.model.set_meetings([m.model_dump(mode="json", exclude_unset=True) for m in answer.meetings])
        first = not self.loaded
        self.loaded = True
        if self.model.rowCount():
            self.stack.setCurrentWidget(self.table)
            self.select(selected["id"] if selected else None)
            if first and not self.search_box.hasFocus():
                self.table.setFocus()  # the list is what the window is for: arrows, Enter
        else:
            self.empty.setText(self.tr("You take part in no meeting yet."))
            self.stack.setCurrentWidget(self.empty)
        self._update_actions()

    def open_users(self) -> UsersWindow:
        """The user administration window (admins; the server checks it again)."""
        if self.users_window is None:
            self.users_window = UsersWindow(self.commands, self.session.user_id)
        self.users_window.open()
        self.users_window.raise_()
        return self.users_window

    def change_password(self, required: bool = False) -> ChangePasswordDialog:
        """Ask for a new password; ``required`` after an admin reset it."""
        dialog = ChangePasswordDialog(self.session.server_url, self.session.token,
                                      str(self.session.user.get("username", "")), required, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.message.show_message(
            self.tr("Your password was changed. Your other devices were signed out."), "info"))
        self.password_dialog = dialog
        dialog.open()
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.users_window is not None:
            self.users_window.close()
        self._timer.stop()
        self.connection.stop()
        super().closeEvent(event)
        self.closed.emit()

    # --- selection -----------------------------------------------------------------------

    def selected_meeting(self) -> dict[str, Any] | None:
        """The selected line of the list, or None."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.meeting(rows[0].row()) if rows else None

    def select(self, meeting_id: int | None) -> None:
        """Select a meeting by id (the first row if it is not there)."""
        rows = range(self.model.rowCount())
        row = next((r for r in rows if self.model.meeting(r)["id"] == meeting_id), 0)
        if self.model.rowCount():
            self.table.selectRow(row)

    def _update_actions(self, *_args: Any) -> None:
        meeting = self.selected_meeting()
        self.open_action.setEnabled(meeting is not None and (
            meeting.get("role") is not None or self.session.is_admin))
        self.prepare_action.setEnabled(
            meeting is not None and may_prepare(self.session, meeting.get("role"),
                                                meeting["status"]))
        self.new_action.setEnabled(self.commands.available)
        self.refresh_action.setEnabled(self.commands.available)

    def _double_clicked(self, index: QModelIndex) -> None:
        self.table.selectRow(index.row())
        self.open_selected()

    def open_selected(self) -> None:
        """Ask to enter the selected meeting's room."""
        meeting = self.selected_meeting()
        if meeting is not None and self.open_action.isEnabled():
            self.open_requested.emit(meeting["id"])

    def prepare_selected(self) -> None:
        """Ask to prepare the selected meeting."""
        meeting = self.selected_meeting()
        if meeting is not None and self.prepare_action.isEnabled():
            self.prepare_requested.emit(meeting["id"])
