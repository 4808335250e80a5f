"""The list of the meeting's documents, grouped by agenda item, with the download progress
in its header and, for the chair and the secretary, upload and editing buttons."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from meeting_app.state.documents import DocumentsModel, DocumentSync, is_released
from meeting_app.ui.documents.delegate import DocumentDelegate, count_text
from meeting_app.ui.widgets import tool_button


class DocumentListPage(QWidget):
    """The documents I may read; double-click opens one."""

    open_requested = Signal(int)
    """A document id the user wants to read."""
    upload_requested = Signal()
    edit_requested = Signal(int)
    version_requested = Signal(int)
    release_requested = Signal(int)
    remove_requested = Signal(int)

    def __init__(self, model: DocumentsModel, sync: DocumentSync,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model, self.sync = model, sync
        self._editor = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        head = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setObjectName("hint")
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(8)
        self.progress.setMaximumWidth(160)
        self.retry_button = QPushButton(self.tr("Retry"))
        self.upload_button = tool_button(self.tr("Upload…"), "add",
                                         self.tr("Upload a PDF or an Office file (or drop files here)"))
        head.addWidget(self.status_label, 1)
        head.addWidget(self.progress)
        head.addWidget(self.retry_button)
        head.addWidget(self.upload_button)
        layout.addLayout(head)

        self.view = QTreeView()
        self.view.setAccessibleName(self.tr("Documents"))
        self.view.setModel(model)
        self.view.setHeaderHidden(True)
        self.view.setRootIsDecorated(False)
        self.view.setIndentation(0)  # the delegate indents; a branch area would paint selected
        self.view.setUniformRowHeights(False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setExpandsOnDoubleClick(False)
        self.view.setItemsExpandable(False)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.delegate = DocumentDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        layout.addWidget(self.view, 1)
        self.empty_label = QLabel(self.tr("No documents for this meeting yet."))
        self.empty_label.setObjectName("hint")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty_label)

        self.edit_button = tool_button(self.tr("Details…"), "edit",
                                       self.tr("Rename, attach to an item, choose who reads it"))
        self.version_button = tool_button(self.tr("New version…"), "refresh",
                                          self.tr("Replace the file with a new version"))
        self.release_button = tool_button(self.tr("Release"), "open",
                                          self.tr("Let the participants read it"))
        self.remove_button = tool_button(self.tr("Remove"), "remove", self.tr("Remove the document"))
        self.editor_row = QWidget()
        row = QHBoxLayout(self.editor_row)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.edit_button, self.version_button, self.release_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        self.drop_hint = QLabel(self.tr("Drop files here to upload them."))
        self.drop_hint.setObjectName("hint")
        self.drop_hint.setWordWrap(True)  # on two lines rather than widen the room
        row.addWidget(self.drop_hint)
        layout.addWidget(self.editor_row)

        self.view.doubleClicked.connect(self._double_clicked)
        self.view.activated.connect(self._double_clicked)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.delegate.retry_requested.connect(lambda doc_id: self.sync.fetch(doc_id))
        self.retry_button.clicked.connect(sync.retry_failed)
        self.upload_button.clicked.connect(self.upload_requested)
        self.edit_button.clicked.connect(lambda: self._on_selected(self.edit_requested))
        self.version_button.clicked.connect(lambda: self._on_selected(self.version_requested))
        self.release_button.clicked.connect(lambda: self._on_selected(self.release_requested))
        self.remove_button.clicked.connect(lambda: self._on_selected(self.remove_requested))
        model.modelReset.connect(self._reshaped)
        model.rowsInserted.connect(self._reshaped)
        self.view.selectionModel().selectionChanged.connect(self.update_controls)
        sync.overall_changed.connect(self.show_progress)
        self._remembered: int | None = None
        model.modelAboutToBeReset.connect(self._remember)
        self.set_editor(False)
        self._reshaped()

    # --- rights and state ----------------------------------------------------------------

    def set_editor(self, editor: bool) -> None:
        """Show upload and editing only to the chair and the secretary."""
        self._editor = editor
        self.upload_button.setVisible(editor)
        self.editor_row.setVisible(editor)
        self.update_controls()

    def update_controls(self, *_args: Any) -> None:
        doc = self.selected_document()
        for button in (self.edit_button, self.version_button, self.remove_button):
            button.setEnabled(self._editor and doc is not None)
        self.release_button.setEnabled(self._editor and doc is not None and not is_released(doc))

    def show_progress(self) -> None:
        """"Downloading 2 of 5 documents…", or all offline, or failures to retry."""
        ready, total, have, size = self.sync.overall()
        failed = self.sync.failures()
        self.retry_button.setVisible(failed > 0)
        self.progress.setVisible(self.sync.busy)
        self.progress.setValue(int(100 * have / size) if size else 0)
        if total == 0:
            text = ""
        elif failed:
            text = count_text(failed, self.tr("{n} download failed."), self.tr("{n} downloads failed."))
        elif self.sync.busy:
            text = self.tr("Downloading documents: {ready} of {total} ready…").format(
                ready=ready, total=total)
        else:
            text = count_text(total, self.tr("✓ The document is saved on this device."),
                              self.tr("✓ All {n} documents are saved on this device."))
        self.status_label.setText(text)

    def _reshaped(self, *_args: Any) -> None:
        self.view.expandAll()
        empty = not self.model.document_ids()
        self.empty_label.setVisible(empty)
        self.view.setVisible(not empty)
        if self._remembered is not None:
            self.select(self._remembered)
        self.update_controls()
        self.show_progress()

    def _remember(self) -> None:
        self._remembered = self.selected_id()

    # --- selection -----------------------------------------------------------------------

    def selected_id(self) -> int | None:
        """The selected document's id, or None."""
        index = self.view.currentIndex()
        if not index.isValid() or index.data(DocumentsModel.KindRole) != "document":
            return None
        return int(index.data(DocumentsModel.IdRole))

    def selected_document(self) -> dict[str, Any] | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.data(DocumentsModel.KindRole) != "document":
            return None
        doc: dict[str, Any] = index.data(DocumentsModel.DocumentRole)
        return doc

    def select(self, document_id: int) -> None:
        """Select a document's row (if shown)."""
        row = self.model.row_item(document_id)
        if row is not None:
            self.view.setCurrentIndex(row.index())

    def _on_selected(self, signal: Any) -> None:
        doc_id = self.selected_id()
        if doc_id is not None:
            signal.emit(doc_id)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.data(DocumentsModel.KindRole) == "document":
            self.open_requested.emit(int(index.data(DocumentsModel.IdRole)))

    def _context_menu(self, point: QPoint) -> None:
        index = self.view.indexAt(point)
        if not index.isValid() or index.data(DocumentsModel.KindRole) != "document":
            return
        self.view.setCurrentIndex(index)
        doc_id = int(index.data(DocumentsModel.IdRole))
        menu = QMenu(self)
        menu.addAction(self.tr("Open")).triggered.connect(lambda: self.open_requested.emit(doc_id))
        if self.sync.state(doc_id).state == "failed":
            menu.addAction(self.tr("Retry the download")).triggered.connect(
                lambda: self.sync.fetch(doc_id))
        if self._editor:
            menu.addSeparator()
            for text, signal in ((self.tr("Details…"), self.edit_requested),
                                 (self.tr("New version…"), self.version_requested),
                                 (self.tr("Release"), self.release_requested),
                                 (self.tr("Remove…"), self.remove_requested)):
                action = menu.addAction(text)
                action.triggered.connect(lambda _=False, s=signal: s.emit(doc_id))
                if signal is self.release_requested:
                    action.setEnabled(not is_released(index.data(DocumentsModel.DocumentRole)))
        menu.popup(self.view.viewport().mapToGlobal(point))
