"""The minutes' workflow bar: where the minutes stand (draft, approved, published with its
version), the chair's Approve / Publish / Publish correction, the secretary's and the
chair's Preview PDF / Export DOCX, and "Open minutes" once they are published."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from meeting_app.net.minutes import MinutesError, download_minutes
from meeting_app.net.status import ConnectionStatus
from meeting_app.state.models import local_time_text
from meeting_app.state.store import MeetingStore
from meeting_app.ui import progress
from meeting_app.ui.minutes.preview import MinutesPreview
from meeting_app.ui.resources import icon
from meeting_app.ui.session import Session
from meeting_app.ui.tasks import run_in_thread
from meeting_app.ui.widgets import Badge, ask, tool_button
from protocol import commands as c
from protocol.roles import MeetingRole, MeetingStatus
from protocol.statuses import MinutesStatus

EDITORS = (MeetingRole.CHAIR, MeetingRole.SECRETARY)


class WorkflowBar(QFrame):
    """Status and actions of the meeting's minutes."""

    open_document_requested = Signal(int)
    """Show this meeting document (the published minutes) in the reader."""
    message = Signal(str)
    """A refusal or a failed download, to show the user."""
    exported = Signal(object)
    """A download finished: the ``Path`` it was saved to."""

    def __init__(self, store: MeetingStore, commands: Any, session: Session, meeting_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workflowBar")
        self.store, self.commands, self.session, self.meeting_id = store, commands, session, meeting_id
        self.role: str | None = None
        self.busy = False
        self.badge = Badge()
        self.detail = QLabel()
        self.detail.setObjectName("hint")
        self.detail.setWordWrap(True)
        self.approve_button = tool_button(self.tr("Approve"), "approve",
                                          self.tr("Approve this draft for publication"))
        self.publish_button = tool_button(self.tr("Publish"), "publish")
        self.publish_button.setProperty("primary", True)
        self.publish_button.setIcon(icon("publish", "on_accent"))
        self.preview_button = tool_button(self.tr("Preview PDF"), "document",
                                          self.tr("Show the draft minutes and notice of conclusions "
                                                  "in the reader"))
        self.docx_button = tool_button(self.tr("Export DOCX"), "export-file",
                                       self.tr("Download the minutes as a Word document"))
        self.open_button = tool_button(self.tr("Open minutes"), "open",
                                       self.tr("Read the published minutes in the documents tab"))
        row = QHBoxLayout()
        row.setSpacing(8)
        # No caption beside the badge: the tab says "Minutes", and the room's narrowest
        # layout (1280 px, Vietnamese) needs the width for the buttons.
        row.addWidget(self.badge)
        row.addStretch(1)
        for button in (self.open_button, self.preview_button, self.docx_button,
                       self.approve_button, self.publish_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.detail)
        self.approve_button.clicked.connect(self.approve)
        self.publish_button.clicked.connect(self.publish)
        self.preview_button.clicked.connect(self.preview)
        self.docx_button.clicked.connect(lambda: self.export("docx"))
        self.open_button.clicked.connect(self.open_minutes)
        self.preview_window: MinutesPreview | None = None
        for signal in (store.minutes_changed, store.reset, store.role_changed):
            signal.connect(self.refresh)
        commands.availability_changed.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args: Any) -> None:
        """Show the store's minutes status and the buttons my role has."""
        minutes = self.store.minutes
        status, version = minutes["status"], minutes["version"]
        self.role = self.store.my_role
        chair, editor = self.role == MeetingRole.CHAIR, self.role in EDITORS
        texts = {MinutesStatus.DRAFT: (self.tr("Draft"), MeetingStatus.SCHEDULED),
                 MinutesStatus.APPROVED: (self.tr("Approved"), "role"),
                 MinutesStatus.PUBLISHED: (self.tr("Published"), ConnectionStatus.CONNECTED)}
        text, tone = texts.get(status, (status, MeetingStatus.SCHEDULED))
        if version is not None:
            text = self.tr("{status} · version {n}").format(status=text, n=version)
        self.badge.setText(text)
        self.badge.set_tone(tone)
        if status == MinutesStatus.PUBLISHED:
            self.detail.setText(self.tr("Published {time}").format(
                time=local_time_text(minutes.get("published_at"))))
        elif version is not None:
            self.detail.setText(self.tr("Changed since version {n}: publish a correction").format(n=version))
        elif status == MinutesStatus.APPROVED:
            self.detail.setText(self.tr("Approved: ready to publish"))
        else:
            self.detail.setText(self.tr("Saved as you type; approved and published by the chair")
                                if editor else self.tr("Being written by the secretary"))
        up = self.commands.available and self.store.loaded
        self.approve_button.setVisible(chair)
        self.publish_button.setVisible(chair)
        self.approve_button.setEnabled(up and status == MinutesStatus.DRAFT)
        correction = version is not None
        self.publish_button.setText(self.tr("Publish correction") if correction else self.tr("Publish"))
        self.publish_button.setEnabled(up and status != MinutesStatus.PUBLISHED)
        self.publish_button.setToolTip(
            self.tr("Publish a new version that replaces version {n}").format(n=version) if correction
            else self.tr("Publish the minutes: they become final and go to every participant"))
        self.preview_button.setVisible(editor)
        self.docx_button.setVisible(editor)
        for button in (self.preview_button, self.docx_button):
            button.setEnabled(not self.busy and self.store.loaded)
        self.open_button.setVisible(minutes.get("document_id") is not None)

    # --- the chair -----------------------------------------------------------------------

    def approve(self) -> None:
        """Chair: the current draft is the one to publish."""
        self.commands.send(c.MinutesApprove(meeting_id=self.meeting_id))

    def publish(self) -> None:
        """Chair: ask, then publish (or publish a correction)."""
        version = self.store.minutes["version"]
        text = self.tr(
            "Publish the minutes of this meeting?\n\nThe published minutes can never change: "
            "their PDF is stored with its fingerprint in the audit log, and it is distributed "
            "to every participant as a meeting document.")
        if version is not None:
            text += "\n\n" + self.tr("This publishes version {n}, a correction that replaces "
                                     "version {old}; version {old} stays on record.").format(
                n=version + 1, old=version)
        ask(self, self.tr("Publish the minutes"), text, self.publish_now, self.tr("Publish"))

    def publish_now(self) -> None:
        """Chair: publish without asking (after the confirmation)."""
        self.commands.send(c.MinutesPublish(meeting_id=self.meeting_id))

    def open_minutes(self) -> None:
        """Show the published minutes (a meeting document) in the reader."""
        document_id = self.store.minutes.get("document_id")
        if document_id is not None:
            self.open_document_requested.emit(int(document_id))

    # --- preview and downloads ------------------------------------------------------------

    def preview(self) -> MinutesPreview:
        """Show the draft minutes (and, a click away, the notice of conclusions) in the app's
        own reader window; one window, raised again if already open."""
        window = self.preview_window
        if window is None or window.closed:
            title = str(self.store.meeting.get("title") or "") if self.store.loaded else ""
            window = MinutesPreview(self.session, self.meeting_id, title, draft=True, parent=self.window())
            window.failed.connect(self.message)
            self.preview_window = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def export(self, fmt: str, path: Path | None = None) -> None:
        """Download the minutes as ``fmt`` ("pdf" or "docx") to ``path`` (None: ask where).

        A PDF the user chose a place for opens in the system's viewer once saved.
        """
        chosen = path is None
        if path is None:
            names = {"pdf": self.tr("PDF documents (*.pdf)"), "docx": self.tr("Word documents (*.docx)")}
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the minutes"), f"bien-ban-hop-{self.meeting_id}.{fmt}", names[fmt])
            if not name:
                return
            path = Path(name)
        target = path
        server, token, meeting = self.session.server_url, self.session.token, self.meeting_id
        self.busy = True
        self.refresh()
        self.detail.setText(self.tr("Downloading the minutes…"))
        work = progress.begin(self.tr("Downloading the minutes…"))

        def done(_size: int) -> None:
            progress.end(work)
            self.busy = False
            self.refresh()
            self.detail.setText(self.tr("Saved to {path}").format(path=target))
            self.exported.emit(target)
            if chosen and fmt == "pdf":
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

        def failed(error: BaseException) -> None:
            progress.end(work)
            self.busy = False
            self.refresh()
            text = str(error) if isinstance(error, MinutesError | OSError) else repr(error)
            self.message.emit(self.tr("The minutes could not be downloaded: {error}").format(error=text))

        run_in_thread(lambda: download_minutes(server, token, meeting, fmt, target), done, failed)
