"""The minutes' preview in the app's own reader: the draft (or the newest publication) of
the minutes and of the notice of conclusions, downloaded to a private temporary folder and
shown in a ``ReaderWidget`` window, never handed to an outside viewer."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QVBoxLayout, QWidget

from meeting_app.net.minutes import MinutesError, download_minutes
from meeting_app.ui.reader import ReaderWidget
from meeting_app.ui.screen_fit import fit_to_screen
from meeting_app.ui.session import Session
from meeting_app.ui.tasks import run_in_thread


class MinutesPreview(QWidget):
    """A window with the reader and a choice between the minutes and the notice."""

    failed = Signal(str)
    """A download failed: a message for the user (also shown in the window)."""
    loaded = Signal(str)
    """A document was downloaded and opened: ``"minutes"`` or ``"conclusions"``."""

    def __init__(self, session: Session, meeting_id: int, title: str, draft: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session, self.meeting_id, self.draft = session, meeting_id, draft
        self.folder = Path(tempfile.mkdtemp(prefix="meeting-minutes-"))  # 0700: mine alone
        self.current = "minutes"
        self.closed = False  # downloads may finish after the window went
        self.setWindowTitle(self.tr("Preview: {title}").format(title=title))
        fit_to_screen(self, 1000, 820)
        self.minutes_radio = QRadioButton(self.tr("&Minutes"))
        self.notice_radio = QRadioButton(self.tr("&Notice of conclusions"))
        self.minutes_radio.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.minutes_radio, self.notice_radio):
            group.addButton(button)
        self.status = QLabel(self.tr("Draft, as it stands now") if draft else self.tr("Published version"))
        self.status.setObjectName("hint")
        row = QHBoxLayout()
        row.setContentsMargins(8, 6, 8, 6)
        row.addWidget(self.minutes_radio)
        row.addWidget(self.notice_radio)
        row.addStretch(1)
        row.addWidget(self.status)
        self.reader = ReaderWidget(parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(row)
        layout.addWidget(self.reader, 1)
        self.minutes_radio.toggled.connect(lambda on: self._chosen(on, "minutes"))
        self.notice_radio.toggled.connect(lambda on: self._chosen(on, "conclusions"))
        self.show_document("minutes")

    def _chosen(self, on: bool, document: str) -> None:
        if on:
            self.show_document(document)

    def path_of(self, document: str) -> Path:
        return self.folder / f"{document}-{self.meeting_id}.pdf"

    def show_document(self, document: str) -> None:
        """Download ``document`` ("minutes" or "conclusions") once, then show it."""
        self.current = document
        target = self.path_of(document)
        names = {"minutes": self.tr("Minutes"), "conclusions": self.tr("Notice of conclusions")}
        if target.exists():
            self.reader.open_document(target, names[document])
            return
        self.reader.close_document()
        self.reader.view.set_message(self.tr("Downloading…"))
        server, token = self.session.server_url, self.session.token
        meeting, draft = self.meeting_id, self.draft

        def done(_size: int) -> None:
            if self.closed:
                target.unlink(missing_ok=True)  # its folder went with the window
                return
            if self.current == document:
                self.reader.open_document(target, names[document])
            self.loaded.emit(document)

        def failed(error: BaseException) -> None:
            if self.closed:
                return
            text = str(error) if isinstance(error, MinutesError | OSError) else repr(error)
            message = self.tr("The document could not be downloaded: {error}").format(error=text)
            self.reader.view.set_message(message)
            self.failed.emit(message)

        run_in_thread(lambda: download_minutes(server, token, meeting, "pdf", target, document=document,
                                               draft=draft), done, failed)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close the documents and remove the downloaded files."""
        self.closed = True
        self.reader.close_document()
        shutil.rmtree(self.folder, ignore_errors=True)
        super().closeEvent(event)

    def __repr__(self) -> str:
        return f"MinutesPreview(meeting={self.meeting_id}, showing={self.current!r})"
