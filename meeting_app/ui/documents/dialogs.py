"""Dialogs of the documents tab: uploading a file (or a new version of a document), and
changing a document's title, agenda item, access or release.

Both are opened with ``open()`` (window-modal; the event loop keeps running).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from meeting_app.net.uploads import UploadRequest, UploadTask
from meeting_app.state.documents import is_released, is_restricted, size_text
from meeting_app.state.store import MeetingStore
from meeting_app.ui.theme import bind_style
from protocol.roles import MeetingRole

ALWAYS_READ = (MeetingRole.CHAIR, MeetingRole.SECRETARY)


class DocumentFields(QWidget):
    """Title, agenda item, access (everyone or named participants) and release."""

    def __init__(self, store: MeetingStore, doc: dict[str, Any] | None = None,
                 item_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        doc = doc or {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.title_edit = QLineEdit(doc.get("title", ""))
        self.title_edit.setMaxLength(300)
        self.title_edit.setPlaceholderText(self.tr("e.g. Tờ trình số 12/TTr-BKHĐT"))
        self.item_combo = QComboBox()
        self.item_combo.addItem(self.tr("No agenda item (other documents)"), None)
        for number, item in enumerate(store.agenda, start=1):
            self.item_combo.addItem(f"{number}. {item['title']}", item["id"])
        chosen = doc.get("agenda_item_id", item_id) if doc else item_id
        self.item_combo.setCurrentIndex(max(0, self.item_combo.findData(chosen)))
        self.everyone = QRadioButton(self.tr("A&ll participants"))
        self.named = QRadioButton(self.tr("&Only these participants:"))
        self.readers = QListWidget()
        self.readers.setAccessibleName(self.tr("Who may read it"))
        self.readers.setMaximumHeight(150)
        allowed = set(doc.get("reader_ids") or [])
        for person in store.participants:
            if person["role"] in ALWAYS_READ:
                continue
            entry = QListWidgetItem(person["full_name"])
            entry.setData(Qt.ItemDataRole.UserRole, person["user_id"])
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if person["user_id"] in allowed
                                else Qt.CheckState.Unchecked)
            self.readers.addItem(entry)
        (self.named if is_restricted(doc) else self.everyone).setChecked(True)
        self.readers.setEnabled(self.named.isChecked())
        self.named.toggled.connect(self.readers.setEnabled)
        note = QLabel(self.tr("The chair and the secretary read every document."))
        note.setObjectName("hint")
        self.release_box = QCheckBox(self.tr("&Release now (otherwise only the chair and the "
                                             "secretary see it until it is released)"))
        self.release_box.setChecked(is_released(doc))
        access = QVBoxLayout()
        for widget in (self.everyone, self.named, self.readers, note):
            access.addWidget(widget)
        form.addRow(self.tr("&Title"), self.title_edit)
        form.addRow(self.tr("&Agenda item"), self.item_combo)
        form.addRow(self.tr("Who may read it"), access)
        form.addRow("", self.release_box)

    @property
    def title(self) -> str:
        return self.title_edit.text().strip()

    @property
    def agenda_item_id(self) -> int | None:
        return self.item_combo.currentData()

    def access(self) -> str | list[int]:
        """``"all"`` or the checked user ids."""
        if self.everyone.isChecked():
            return "all"
        return [self.readers.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.readers.count())
                if self.readers.item(i).checkState() == Qt.CheckState.Checked]

    def set_reader_checked(self, user_id: int, checked: bool = True) -> None:
        """Tick (or untick) one participant and switch to named access."""
        self.named.setChecked(True)
        for i in range(self.readers.count()):
            if self.readers.item(i).data(Qt.ItemDataRole.UserRole) == user_id:
                self.readers.item(i).setCheckState(Qt.CheckState.Checked if checked
                                                   else Qt.CheckState.Unchecked)

    def valid(self) -> bool:
        return bool(self.title) and (self.everyone.isChecked() or bool(self.access()))


class UploadDialog(QDialog):
    """Uploads one file as a new document, or as a new version of ``replaces``."""

    uploaded = Signal(object)
    """The server's document, after a successful upload."""

    def __init__(self, store: MeetingStore, server_url: str, token: str, path: Path,
                 item_id: int | None = None, replaces: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store, self._url, self._token = store, server_url, token
        self.path, self.replaces = Path(path), replaces
        self.task: UploadTask | None = None
        self.setWindowTitle(self.tr("New version of a document") if replaces else
                            self.tr("Upload a document"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        try:
            size = size_text(self.path.stat().st_size)
        except OSError:
            size = ""
        self.file_label = QLabel(f"<b>{self.path.name}</b>  {size}")
        layout.addWidget(self.file_label)
        if replaces:
            intro = QLabel(self.tr("This file becomes the next version of “{title}”. Its title, "
                                   "agenda item and readers stay.").format(title=replaces["title"]))
            intro.setWordWrap(True)
            layout.addWidget(intro)
        self.fields = DocumentFields(store, replaces, item_id)
        if not replaces:
            self.fields.title_edit.setText(self.path.stem)
        else:
            self.fields.item_combo.setEnabled(False)
            for widget in (self.fields.everyone, self.fields.named, self.fields.readers,
                           self.fields.release_box):
                widget.setEnabled(False)
        layout.addWidget(self.fields)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.error_label = QLabel()
        self.error_label.setObjectName("errorText")
        self.error_label.setWordWrap(True)
        bind_style(self.error_label, "color: @danger;")
        self.error_label.hide()
        layout.addWidget(self.progress)
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.upload_button = self.buttons.addButton(self.tr("Upload"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.start_upload)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.fields.title_edit.textChanged.connect(self._validate)
        self.fields.named.toggled.connect(self._validate)
        self.fields.readers.itemChanged.connect(self._validate)
        self._validate()

    def _validate(self, *_args: Any) -> None:
        self.upload_button.setEnabled(self.task is None and self.fields.valid())

    def upload_request(self) -> UploadRequest:
        """What the form asks for."""
        meeting_id = self._store.meeting["id"]
        if self.replaces:
            title = self.fields.title if self.fields.title != self.replaces["title"] else ""
            return UploadRequest(meeting_id, self.path, title=title, replaces=self.replaces["id"])
        return UploadRequest(meeting_id, self.path, self.fields.title, self.fields.agenda_item_id,
                             self.fields.access(), self.fields.release_box.isChecked())

    def start_upload(self) -> None:
        """Send the file on a thread; the dialog shows the progress and stays responsive."""
        if self.task is not None or not self.fields.valid():
            return
        self.task = UploadTask(self._url, self._token, self.upload_request(), self)
        self.task.progress.connect(self._progress)
        self.task.succeeded.connect(self._succeeded)
        self.task.failed.connect(self._failed)
        self.fields.setEnabled(False)
        self.error_label.hide()
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Sending… %p%"))
        self.progress.show()
        self._validate()
        self.task.start()

    def _progress(self, sent: int, total: int) -> None:
        self.progress.setValue(int(100 * sent / total) if total else 100)
        if sent >= total:
            # The server inspects (and maybe converts) the file before it answers: how long
            # that takes is not known, so the bar turns busy.
            self.progress.setFormat(self.tr("Checking the file on the server…"))
            self.progress.setRange(0, 0)

    def _succeeded(self, document: dict[str, Any]) -> None:
        self.uploaded.emit(document)
        self.accept()

    def _failed(self, message: str) -> None:
        self.task = None
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.fields.setEnabled(True)
        self.error_label.setText(self.tr("The server refused the file: {message}").format(
            message=message))
        self.error_label.show()
        self._validate()

    def reject(self) -> None:
        """Cancel: stop sending (the server then stores nothing)."""
        if self.task is not None:
            self.task.cancel()
        super().reject()


class DocumentEditDialog(QDialog):
    """Title, agenda item, readers and release of one document (``document.update``)."""

    def __init__(self, store: MeetingStore, doc: dict[str, Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setWindowTitle(self.tr("Document details"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.fields = DocumentFields(store, doc)
        self.fields.release_box.setText(self.tr("&Released to the participants"))
        # Releasing cannot be taken back by unticking: participants may have read it.
        self.fields.release_box.setEnabled(not is_released(doc))
        layout.addWidget(self.fields)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.fields.title_edit.textChanged.connect(self._validate)
        self.fields.named.toggled.connect(self._validate)
        self.fields.readers.itemChanged.connect(self._validate)

    def _validate(self, *_args: Any) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.fields.valid())

    def changes(self) -> dict[str, Any]:
        """Only what differs from the document, as ``document.update`` takes it."""
        doc, fields = self.doc, self.fields
        changes: dict[str, Any] = {}
        if fields.title != doc["title"]:
            changes["title"] = fields.title
        if fields.agenda_item_id != doc.get("agenda_item_id"):
            changes["agenda_item_id"] = fields.agenda_item_id
        access = fields.access()
        old = "all" if not is_restricted(doc) else sorted(doc.get("reader_ids") or [])
        if (access if access == "all" else sorted(access)) != old:
            changes["access"] = access
        if fields.release_box.isChecked() and not is_released(doc):
            changes["released"] = True
        return changes
