"""Preparing a meeting: create it or edit its details, choose its participants, write its
agenda. For admins, organizers and the meeting's secretary (the server checks each step).

The dialog is handed the meeting's ``MeetingSession`` (the room's, when the room is open; a
session of its own for a new meeting, joined once the meeting exists), so that its lists show
the server's state, live, like the meeting room does.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from meeting_app.state.models import role_label
from meeting_app.state.session import MeetingSession
from meeting_app.ui.focus import focusables, tab_order
from meeting_app.ui.preparation.details import DetailsForm
from meeting_app.ui.preparation.participants import ParticipantsEditor
from meeting_app.ui.resources import icon
from meeting_app.ui.room.agenda_panel import AgendaPanel
from meeting_app.ui.screen_fit import fit_to_screen
from meeting_app.ui.session import Session
from meeting_app.ui.widgets import ConnectionIndicator, MessageBar
from protocol import commands as c
from protocol.roles import MeetingRole


class PreparationDialog(QDialog):
    """Details, participants and agenda of one meeting (or of a new one)."""

    meeting_saved = Signal(int)
    """A meeting was created or changed (the meetings list refreshes)."""

    def __init__(self, session: Session, meeting: MeetingSession,
                 parent: QWidget | None = None) -> None:
        """``meeting``: the meeting's session (``meeting_id`` None: a meeting to create),
        held until the dialog closes."""
        super().__init__(parent)
        meeting_id = meeting.meeting_id
        self.session, self.meeting_id = session, meeting_id
        self.meeting = meeting.hold(self)
        self.setWindowTitle(self.tr("Prepare meeting") if meeting_id else self.tr("New meeting"))
        self.setWindowIcon(icon("prepare"))
        # The session's parts, by the names the dialog's parts know them.
        self.store, self.connection, self.commands = meeting.store, meeting.connection, meeting

        heading = QLabel(self.windowTitle())
        heading.setObjectName("loginTitle")
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(ConnectionIndicator(self.connection))
        self.message = MessageBar()
        self.details = DetailsForm(creating=meeting_id is None)
        roles: list[tuple[str | None, str]] = [(MeetingRole.CHAIR, role_label(MeetingRole.CHAIR)),
                                               (MeetingRole.SECRETARY, role_label(MeetingRole.SECRETARY))]
        if session.is_admin:  # an admin may join any meeting without taking part
            roles.append((None, self.tr("Not taking part")))
        self.details.offer_roles(roles)
        self.participants = ParticipantsEditor(self.store, self.commands)
        self.participants.set_organiser(session.may_create_meetings)
        self.agenda = AgendaPanel(self.store, self.commands)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.details, icon("calendar"), self.tr("Details"))
        self.tabs.addTab(self.participants, icon("users"), self.tr("Participants"))
        self.tabs.addTab(self.agenda, icon("agenda"), self.tr("Agenda"))

        self.save_button = QPushButton(icon("vote", "on_accent"), self.tr(
            "Save details") if meeting_id else self.tr("Create meeting"))
        self.save_button.setProperty("primary", True)
        close = QPushButton(self.tr("Close"))
        self.close_button = close
        buttons = QHBoxLayout()
        self.state_label = QLabel()
        self.state_label.setObjectName("hint")
        buttons.addWidget(self.state_label, 1)
        buttons.addWidget(close)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 980, 640)
        # Reading order: the tabs, the page shown, then Close and Save as they stand (the
        # pages were made before the tabs, the Save button before Close).
        pages = (self.details, self.participants, self.agenda)
        tab_order(self.tabs, *(widget for page in pages for widget in focusables(page)), close,
                  self.save_button)
        self.details.title_edit.setFocus()

        self.save_button.clicked.connect(self.save)
        close.clicked.connect(self.close)
        self.commands.refused.connect(self.message.show_message)
        self.commands.availability_changed.connect(self._update)
        self.connection.command_failed.connect(self._join_failed)
        self.store.reset.connect(self._fill)
        self.store.role_changed.connect(self._update)
        self._update()

    def open_dialog(self) -> None:
        """Show the dialog and connect (joining the meeting when it exists)."""
        self.show()
        self.meeting.enter()  # does nothing if the room of the meeting already did
        if self.store.loaded:  # the room's session: its snapshot came before this dialog
            self._fill()

    # --- state -----------------------------------------------------------------------------

    def _join_failed(self, name: str, envelope: dict[str, Any]) -> None:
        error = envelope.get("error") or {}
        message = self.commands.describe(str(error.get("code", "")), str(error.get("message", "")))
        self.message.show_message(self.tr("Could not open the meeting: {message}").format(
            message=message))

    def _fill(self) -> None:
        if self.store.loaded:
            self.details.fill(self.store.meeting, self.store.sites)
            self.setWindowTitle(self.tr("Prepare: {title}").format(title=self.store.meeting["title"]))
        self._update()

    def _update(self, *_args: Any) -> None:
        loaded = self.store.loaded
        role = self.store.my_role
        admin_like = self.session.may_create_meetings
        self.tabs.setTabEnabled(1, loaded and (admin_like or role == MeetingRole.SECRETARY))
        self.tabs.setTabEnabled(2, loaded)
        self.agenda.set_rights(chair=False, editor=self.session.is_admin or
                               role in (MeetingRole.CHAIR, MeetingRole.SECRETARY))
        creating = self.meeting_id is None
        self.save_button.setEnabled(self.commands.available and (creating or loaded))
        if creating:
            self.state_label.setText(self.tr("Create the meeting first; then add its "
                                             "participants and agenda."))
        elif not loaded:
            self.state_label.setText(self.tr("Loading the meeting…"))
        else:
            self.state_label.setText(self.tr("Changes are saved on the server at once, "
                                             "except the details: save them with the button."))

    # --- commands ------------------------------------------------------------------------

    def save(self) -> None:
        """Create the meeting, or save its details."""
        problem = self.details.problem()
        if problem:
            self.message.show_message(problem)
            return
        values = self.details.values()
        try:
            command = c.MeetingCreate(**values) if self.meeting_id is None \
                else c.MeetingUpdate(meeting_id=self.meeting_id, **values)
        except ValidationError:  # what the form does not check: the server would refuse it
            self.message.show_message(self.commands.describe("invalid", ""))
            return
        if isinstance(command, c.MeetingCreate):
            self.save_button.setEnabled(False)
            # The answer's model is not typed yet: its data is read from the pending answer.
            pending = self.commands.send(command, on_failure=lambda _code, _text: self._update())
            pending.then(lambda _answer: self._created(pending.data or {}))
        else:
            self.commands.send(command, on_success=lambda _answer: self._saved())

    def _saved(self) -> None:
        self.message.show_message(self.tr("The details were saved."), tone="info")
        if self.meeting_id is not None:
            self.meeting_saved.emit(self.meeting_id)

    def _created(self, data: dict[str, Any]) -> None:
        meeting = data["meeting"]
        self.meeting_id = int(meeting["id"])
        self.details.creating = False
        self.save_button.setText(self.tr("Save details"))
        self.meeting_saved.emit(self.meeting_id)
        role = self.details.my_role.currentData()
        sites = meeting.get("sites") or []
        if role is None:
            self._join()
            return
        taking_part = c.ParticipantSet(meeting_id=self.meeting_id, user_id=self.session.user_id,
                                       role=role, site_id=sites[0]["id"] if sites else None)
        # Taking part first, so that joining (participants only) is allowed.
        self.commands.send(taking_part, on_success=lambda _answer: self._join(),
                           on_failure=lambda _code, _text: self._join())

    def _join(self) -> None:
        assert self.meeting_id is not None
        self.setWindowTitle(self.tr("Prepare meeting"))
        self.message.show_message(self.tr("The meeting was created. Now add its participants "
                                          "and agenda."), tone="info")
        for button in (self.details.add_site, self.details.remove_site):
            button.hide()
        self.details.my_role.setEnabled(False)
        self.meeting.join(self.meeting_id)
        self._update()

    def done(self, result: int) -> None:
        """Closing (button, Escape or the window's close box) lets the session go (the last
        window of the meeting ends its connection)."""
        self.meeting.release(self)
        super().done(result)

    def keyPressEvent(self, event: Any) -> None:
        # Enter in a form field must not close the dialog (QDialog's default button).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)
