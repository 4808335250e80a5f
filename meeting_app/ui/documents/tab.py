"""The "Documents" tab of the meeting room: the list, and the reader it opens into.

Opening a document shows the reader at once: with the file if it is in the offline cache,
else with "Downloading…" until the file arrives (its download jumps the queue). The chair
and the secretary upload files (button or drag and drop), edit, release, replace and
remove documents; every change comes back as an event through the store.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox, QStackedWidget, QWidget

from meeting_app.net.downloads import DONE, FAILED
from meeting_app.net.uploads import UPLOAD_SUFFIXES, accepted_files
from meeting_app.pdf import PdfEngine
from meeting_app.state.documents import DocumentsModel, DocumentSync
from meeting_app.state.store import MeetingStore
from meeting_app.ui.commands import CommandSender
from meeting_app.ui.documents.dialogs import DocumentEditDialog, UploadDialog
from meeting_app.ui.documents.list_page import DocumentListPage
from meeting_app.ui.documents.reader_page import ReaderPage
from meeting_app.ui.session import Session
from meeting_app.ui.widgets import ask
from protocol import commands as c


class DocumentsTab(QStackedWidget):
    """The list of documents, or one document in the reader."""

    user_navigated = Signal()
    """The user opened a document or went back to the list themselves."""
    focus_requested = Signal()
    """The room should bring this tab forward (the presenter's document opened)."""
    message = Signal(str)
    """Something to tell the user (a refusal, a removed document)."""

    def __init__(self, store: MeetingStore, sync: DocumentSync, commands: CommandSender,
                 session: Session, engine: PdfEngine | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.sync, self.commands, self.session = store, sync, commands, session
        self.model = DocumentsModel(store, sync, self)
        self.list_page = DocumentListPage(self.model, sync)
        self.reader_page = ReaderPage(session.full_name, engine)
        self.reader = self.reader_page.reader
        self.addWidget(self.list_page)
        self.addWidget(self.reader_page)
        self._editor = False
        self._pending_page: int | None = None
        self.dialog: UploadDialog | DocumentEditDialog | None = None
        self._drops: list[Path] = []
        page = self.list_page
        page.open_requested.connect(lambda doc_id: self.open_document(doc_id, user=True))
        page.upload_requested.connect(self.choose_files)
        page.edit_requested.connect(self.edit_document)
        page.version_requested.connect(self.choose_new_version)
        page.release_requested.connect(self.release)
        page.remove_requested.connect(self.remove)
        self.reader_page.back_requested.connect(lambda: self.show_list(user=True))
        self.reader_page.message.connect(self.message)
        sync.changed.connect(self._download_moved)
        store.documents_changed.connect(self._documents_changed)

    def set_editor(self, editor: bool) -> None:
        """Upload and editing for the chair and the secretary."""
        self._editor = editor
        self.list_page.set_editor(editor)
        self.reader_page.may_export_comments = editor
        self.reader_page.annotations.toolbar.export_comments_action.setVisible(editor)
        self.reader_page.annotations.toolbar.export_comments_pdf_action.setVisible(editor)
        self.setAcceptDrops(editor)

    # --- reading -------------------------------------------------------------------------

    @property
    def open_document_id(self) -> int | None:
        """The document in the reader (shown or on its way), or None."""
        return self.reader_page.document_id

    def open_document(self, document_id: int, page: int | None = None, user: bool = True) -> bool:
        """Show a document in the reader (at ``page``, 0-based); False if I may not read it.

        ``user``: the user asked (not the presenter): it counts as browsing away.
        """
        doc = self.store.document_by_id(document_id)
        if doc is None:
            return False
        self.setCurrentWidget(self.reader_page)
        if user:
            self.user_navigated.emit()
        path = self.sync.path(document_id)
        if path is not None:
            self._pending_page = None
            self.reader_page.show_file(doc, path, page)
        else:
            self._pending_page = page
            self.sync.fetch(document_id)
            self._show_waiting(doc)
        return True

    def go_to_page(self, page: int) -> None:
        """Move the open document to ``page`` (as the room's doing, not the user's)."""
        if self.reader_page.path is None:
            self._pending_page = page
        else:
            self.reader.go_to_page(page)

    def show_list(self, user: bool = False) -> None:
        """Back to the list (the document stays loaded for a quick return)."""
        self.setCurrentWidget(self.list_page)
        if user:
            self.user_navigated.emit()

    def _show_waiting(self, doc: dict[str, Any]) -> None:
        state = self.sync.state(doc["id"])
        if state.state == FAILED:
            text = self.tr("The document could not be downloaded: {error}\nUse Retry in the list."
                           ).format(error=state.error)
        else:
            text = self.tr("Downloading “{title}”… {percent} %").format(title=doc["title"],
                                                                        percent=state.percent)
        self.reader_page.wait_for(doc, text)

    def _download_moved(self, document_id: int) -> None:
        page = self.reader_page
        if document_id != page.document_id or page.path is not None or page.document is None:
            return
        path = self.sync.path(document_id)
        if self.sync.state(document_id).state == DONE and path is not None:
            pending, self._pending_page = self._pending_page, None
            page.show_file(page.document, path, pending)
        else:
            self._show_waiting(page.document)

    def _documents_changed(self) -> None:
        page = self.reader_page
        if page.document is None:
            return
        doc = self.store.document_by_id(page.document["id"])
        if doc is None:
            title = page.document["title"]
            page.close_document()
            self.show_list()
            self.message.emit(self.tr("“{title}” is no longer available.").format(title=title))
        elif doc["sha256"] != page.document["sha256"]:
            # A new version: show it where the reader was.
            self.open_document(doc["id"], page=self.reader.current_page, user=False)
        elif doc is not page.document and page.path is not None:
            page.show_file(doc, page.path)  # renamed, access changed: title and watermark
        else:
            page.document = doc

    # --- uploading -----------------------------------------------------------------------

    def choose_files(self) -> None:
        """Upload…: pick files, then one dialog per file."""
        patterns = " ".join(f"*{suffix}" for suffix in UPLOAD_SUFFIXES)
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Upload documents"), "",
            self.tr("Documents ({patterns})").format(patterns=patterns))
        self.upload_files([Path(n) for n in names])

    def upload_files(self, paths: list[Path]) -> None:
        """Ask for each file's title, item and readers, then upload it."""
        self._drops.extend(accepted_files(paths))
        self._next_upload()

    def _next_upload(self) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            return
        if not self._drops:
            return
        path = self._drops.pop(0)
        self.dialog = UploadDialog(self.store, self.session.server_url, self.session.token, path,
                                   self._default_item(), parent=self)
        self._open_dialog(self.dialog)

    def _open_dialog(self, dialog: UploadDialog) -> None:
        dialog.finished.connect(lambda _result: self._next_upload())
        dialog.uploaded.connect(lambda doc: self.list_page.select(doc["id"]))
        dialog.uploaded.connect(self._tell_if_repaired)
        dialog.open()

    def _tell_if_repaired(self, doc: dict[str, Any]) -> None:
        if doc.get("repaired"):
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("File repaired"),
                              self.tr("“%1” was damaged; the server repaired it and stores the repaired "
                                      "copy. Check that every page reads as expected.").replace(
                                  "%1", str(doc.get("title", ""))), QMessageBox.StandardButton.Ok, self)
            box.setObjectName("repaired-notice")
            box.open()

    def _default_item(self) -> int | None:
        current = self.store.meeting["current_item_id"] if self.store.loaded else None
        return current

    def choose_new_version(self, document_id: int) -> None:
        """New version…: pick one file; it replaces the document's content."""
        doc = self.store.document_by_id(document_id)
        if doc is None:
            return
        patterns = " ".join(f"*{suffix}" for suffix in UPLOAD_SUFFIXES)
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("New version of “{title}”").format(title=doc["title"]), "",
            self.tr("Documents ({patterns})").format(patterns=patterns))
        if name:
            self.upload_version(document_id, Path(name))

    def upload_version(self, document_id: int, path: Path) -> UploadDialog | None:
        """Open the dialog that uploads ``path`` as the document's next version."""
        doc = self.store.document_by_id(document_id)
        if doc is None:
            return None
        self.dialog = UploadDialog(self.store, self.session.server_url, self.session.token, path,
                                   replaces=doc, parent=self)
        self._open_dialog(self.dialog)
        return self.dialog

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Chair and secretary: files of a kind the server takes may be dropped."""
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if self._editor and accepted_files(u.toLocalFile() for u in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Upload the dropped files, one dialog each."""
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls()]
        event.acceptProposedAction()
        self.upload_files(paths)

    # --- editing -------------------------------------------------------------------------

    def edit_document(self, document_id: int) -> DocumentEditDialog | None:
        """Details…: title, item, readers, release, sent as one ``document.update``."""
        doc = self.store.document_by_id(document_id)
        if doc is None:
            return None
        dialog = DocumentEditDialog(self.store, doc, self)

        def accepted() -> None:
            changes = dialog.changes()
            if changes:
                update = self.commands.compose(c.DocumentUpdate, document_id=document_id, **changes)
                if update is not None:
                    self.commands.send(update)

        dialog.accepted.connect(accepted)
        dialog.open()
        self.dialog = dialog
        return dialog

    def release(self, document_id: int) -> None:
        """Let the participants read a document prepared ahead."""
        self.commands.send(c.DocumentUpdate(document_id=document_id, released=True))

    def remove(self, document_id: int) -> None:
        """Ask, then remove the document for everyone."""
        doc = self.store.document_by_id(document_id)
        if doc is None:
            return
        ask(self, self.tr("Remove the document"),
            self.tr("Remove “{title}” for every participant?").format(title=doc["title"]),
            lambda: self.commands.send(c.DocumentRemove(document_id=document_id)),
            self.tr("Remove"))
