"""The reader inside the meeting room: the ``ReaderWidget`` with a "back to the list" button
and the presenter's "Present" toggle in its tool bar, a watermark for restricted documents,
a waiting message while a document is still downloading, the annotation tools (with
export) and "My notes" beside the pages."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFileDialog, QSplitter, QToolButton, QVBoxLayout, QWidget

from meeting_app.net.server_messages import translate_server_message
from meeting_app.pdf import PdfEngine
from meeting_app.state.annotation_sync import AnnotationSync
from meeting_app.state.commands import wire_payload
from meeting_app.state.documents import is_restricted
from meeting_app.state.formats import date_text, time_text
from meeting_app.ui import progress
from meeting_app.ui.documents import exports
from meeting_app.ui.documents.notes_panel import NotesPanel
from meeting_app.ui.reader import ReaderWidget
from meeting_app.ui.reader.annotations import AnnotationLayer
from meeting_app.ui.resources import icon
from protocol import commands as c


def watermark_text(full_name: str, moment: datetime | None = None) -> str:
    """The viewer's name and the time, painted over every page of a restricted document."""
    moment = moment or datetime.now().astimezone()
    return f"{full_name}\n{time_text(moment)} {date_text(moment.astimezone().date())}"


class ReaderPage(QWidget):
    """One document of the meeting in the reader (see ``meeting_app.ui.reader``)."""

    back_requested = Signal()
    """"All documents" was pressed."""
    message = Signal(str)
    """Something to tell the user (an export written or failed)."""

    def __init__(self, viewer_name: str, engine: PdfEngine | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.viewer_name = viewer_name
        self.reader = ReaderWidget(engine)
        self.document: dict[str, Any] | None = None
        """The document shown (or being downloaded to be shown), as the server sent it."""
        self.path: Path | None = None
        self.watermark: str | None = None
        """The text painted over the pages (restricted documents), or None."""
        toolbar = self.reader.toolbar
        self.back_button = QToolButton()
        self.back_button.setIcon(icon("previous"))
        self.back_button.setText(self.tr("All documents"))
        self.back_button.setToolTip(self.tr("Back to the list of documents"))
        self.back_button.setIconSize(QSize(18, 18))
        self.back_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.back_button.clicked.connect(self.back_requested)
        first = toolbar.actions()[0]
        toolbar.insertWidget(first, self.back_button)
        toolbar.insertSeparator(first)
        toolbar.addSeparator()
        # Present: the chair (or the speaker holding the floor) turns the pages for everyone.
        self.present_action = toolbar.addAction(icon("follow"), self.tr("Present"))
        self.present_action.setCheckable(True)
        self.present_action.setToolTip(self.tr("Present this document: every participant who "
                                               "follows sees the page you show"))
        self.present_button = toolbar.widgetForAction(self.present_action)
        if isinstance(self.present_button, QToolButton):
            self.present_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self.present_button.setObjectName("presentButton")
        self.present_action.setVisible(False)
        self.notes_action = toolbar.addAction(icon("edit"), self.tr("My notes"))
        self.notes_action.setCheckable(True)
        self.notes_action.setToolTip(self.tr("My private notes on the agenda item"))
        self.notes_action.setVisible(False)
        self.annotations = AnnotationLayer(self.reader)
        self.sync: AnnotationSync | None = None
        self.notes_panel: NotesPanel | None = None
        self.may_export_comments = False
        self.cache_key: bytes | None = None
        """The offline cache's key: the files shown are sealed with it."""
        self.allow_restricted_export = False
        """The server lets restricted documents be exported, watermarked."""
        self._exports: dict[int, tuple[str, bool]] = {}
        """Export requests of the PDF engine: (target, whether a summary) by request id."""
        self._work: dict[int, int] = {}
        """The progress token of each export under way, by engine request."""
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        bar = self.annotations.toolbar
        bar.export_pdf_action.triggered.connect(lambda: self.export_pdf())
        bar.export_notes_action.triggered.connect(lambda: self.export_notes())
        bar.export_notes_pdf_action.triggered.connect(lambda: self.export_notes(pdf=True))
        bar.export_comments_action.triggered.connect(lambda: self.export_comments())
        bar.export_comments_pdf_action.triggered.connect(lambda: self.export_comments(pdf=True))
        self.reader.engine.export_finished.connect(self._exported)
        # The room is narrower than a reader window: fit width and fit page stay in the zoom
        # menu only, so that the page controls never go to the bar's overflow menu.
        for action in (toolbar.fit_width_action, toolbar.fit_page_action):
            toolbar.removeAction(action)
        # Pages first, thumbnails on demand.
        toolbar.sidebar_action.setChecked(False)
        self.reader.document_loaded.connect(lambda _count: self._fit_title())
        for action in (self.present_action, self.notes_action):  # shown or hidden by rights
            action.changed.connect(self._fit_title)
        # The watermark carries the time: keep it current while a restricted one is open.
        self._clock = QTimer(self, interval=30_000)
        self._clock.timeout.connect(self._stamp)

    def set_sync(self, sync: AnnotationSync) -> None:
        """Annotations and notes of this meeting (the room calls it once)."""
        self.sync = sync
        self.notes_panel = NotesPanel(sync.notes)
        self.notes_panel.setMinimumWidth(200)
        self.notes_panel.setMaximumWidth(360)
        self.notes_panel.setVisible(False)
        self.splitter.addWidget(self.notes_panel)
        self.splitter.setSizes([800, 280])
        self.notes_action.setVisible(True)
        self.notes_action.toggled.connect(self._toggle_notes)
        if self.document is not None and self.path is not None:
            self.annotations.set_store(sync.store_for(self.document))

    def set_cache_policy(self, cache_key: bytes | None, allow_restricted_export: bool) -> None:
        """The session's cache key and whether restricted documents may leave the reader."""
        self.cache_key, self.allow_restricted_export = cache_key, allow_restricted_export
        self._export_rights()

    @property
    def may_export_document(self) -> bool:
        """Whether the document shown may be exported: always unless it is restricted and
        the server does not allow it (docs/offline-cache.md)."""
        return self.document is None or not is_restricted(self.document) \
            or self.allow_restricted_export

    def _export_rights(self) -> None:
        action = self.annotations.toolbar.export_pdf_action
        action.setEnabled(self.may_export_document)
        action.setToolTip("" if self.may_export_document else self.tr(
            "This document is restricted: it may not be exported or printed."))

    def _toggle_notes(self, show: bool) -> None:
        if self.notes_panel is None:
            return
        self.notes_panel.setVisible(show)
        if show:  # the pages keep most of the room
            total = max(1, self.splitter.width())
            side = max(200, min(280, total // 3))
            self.splitter.setSizes([total - side, side])
            item = self.document.get("agenda_item_id") if self.document else None
            self.notes_panel.show_item(item)
        else:
            self.notes_panel.save_now()

    # --- export ------------------------------------------------------------------------------

    def export_pdf(self, target: Path | None = None) -> int | None:
        """Write the document with my annotations (and others' shared ones if shown) to a
        PDF the user picks; returns the engine's request id (None: nothing to do)."""
        store = self.annotations.store
        if self.path is None or self.document is None or store is None:
            return None
        if not self.may_export_document:
            self.message.emit(self.tr("This document is restricted: it may not be exported."))
            return None
        if target is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the annotated document"),
                f"{self.document['title']} ({self.tr('annotated')}).pdf", self.tr("PDF (*.pdf)"))
            if not name:
                return None
            target = Path(name)
        chosen = [a for a in store.all() if store.is_mine(a) or store.show_others]
        # Where a restricted document may leave, it carries who exported it and when.
        stamp = watermark_text(self.viewer_name) if is_restricted(self.document) else None
        request = self.reader.engine.export_annotated(self.path, target, chosen,
                                                      cache_key=self.cache_key, watermark=stamp)
        self._exports[request] = (str(target), False)
        self._work[request] = progress.begin(self.tr("Exporting the annotated document…"))
        return request

    def _exported(self, request: int, count: int, error: str) -> None:
        target, summary = self._exports.pop(request, (None, False))
        progress.end(self._work.pop(request, 0))
        if target is None:
            return
        if error:
            failed = (self.tr("The summary could not be written: {error}") if summary
                      else self.tr("The annotated document could not be written: {error}"))
            self.message.emit(failed.format(error=error))
        elif summary:
            self.message.emit(self.tr("Saved {path}.").format(path=target))
        else:
            self.message.emit(self.tr("Saved {path} with {n} annotations.").format(path=target, n=count))

    def notes_summary(self, pdf: bool = False) -> str:
        """My notes on the agenda and the words of my annotations, as Markdown (``pdf``: as
        the HTML the PDF version is laid out from)."""
        if self.sync is None or not self.sync.store.loaded:
            return ""
        store = self.sync.store
        documents = []
        for marks in self.sync.stores():
            doc = store.document_by_id(marks.document_id)
            if doc is not None:
                documents.append((doc, marks.mine()))
        if self.notes_panel is not None:
            self.notes_panel.save_now()
        build = exports.notes_html if pdf else exports.notes_markdown
        return build(store.meeting, store.agenda, self.sync.notes.notes(), documents)

    def export_notes(self, target: Path | None = None, pdf: bool = False) -> Path | None:
        """Save ``notes_summary`` as a Markdown file (``pdf``: a PDF, written by the PDF
        engine in an embedded Unicode font) the user picks."""
        if self.sync is None:
            return None
        if target is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export my notes"), self.tr("My notes") + (".pdf" if pdf else ".md"),
                self.tr("PDF (*.pdf)") if pdf else self.tr("Markdown (*.md)"))
            if not name:
                return None
            target = Path(name)
        if pdf:
            title = str(self.sync.store.meeting.get("title", ""))
            request = self.reader.engine.write_summary(target, self.notes_summary(pdf=True), title)
            self._exports[request] = (str(target), True)
            self._work[request] = progress.begin(self.tr("Writing the summary…"))
            return target
        target.write_text(self.notes_summary(), encoding="utf-8")
        self.message.emit(self.tr("Saved {path}.").format(path=target))
        return target

    def export_comments(self, target: Path | None = None, pdf: bool = False) -> None:
        """Chair and secretary: every shared annotation of the document, as CSV (``pdf``: a
        PDF table)."""
        if self.sync is None or self.document is None:
            return
        document = self.document
        if target is None:
            suffix, kind = (".pdf", self.tr("PDF (*.pdf)")) if pdf else (".csv", self.tr("CSV (*.csv)"))
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the comment summary"),
                f"{document['title']} ({self.tr('comments')}){suffix}", kind)
            if not name:
                return
            target = Path(name)
        chosen = target

        def answered(envelope: dict[str, Any]) -> None:
            if not envelope.get("ok"):
                error = envelope.get("error") or {}
                self.message.emit(translate_server_message(str(error.get("message", "")),
                                                           str(error.get("code", ""))))
                return
            comments = envelope["data"].get("annotations") or envelope["data"].get("comments") or []
            if pdf:
                request = self.reader.engine.write_summary(
                    chosen, exports.comments_html(document, comments), str(document.get("title", "")))
                self._exports[request] = (str(chosen), True)
                self._work[request] = progress.begin(self.tr("Writing the summary…"))
                return
            chosen.write_text(exports.comments_csv(document, comments), encoding="utf-8")
            self.message.emit(self.tr("Saved {path} with {n} comments.").format(path=chosen, n=len(comments)))

        asked = c.AnnotationComments(document_id=document["id"])
        self.sync.connection.command(type(asked).command, wire_payload(asked), answered)

    # --- documents ---------------------------------------------------------------------------

    @property
    def document_id(self) -> int | None:
        return self.document["id"] if self.document else None

    @property
    def loaded(self) -> bool:
        """Whether the reader shows the document (not a waiting message)."""
        return self.path is not None and self.reader.info is not None

    def wait_for(self, doc: dict[str, Any], message: str) -> None:
        """Show ``doc`` as on its way (downloading, or failed: ``message`` says)."""
        if self.document is None or self.document is not doc or self.path is not None:
            self.reader.close_document()
            self.path = None
        self.document = doc
        self.reader.toolbar.show_document(doc["title"], 0)
        self._fit_title()
        self.watermark = None
        self.reader.set_watermark(None)
        self.reader.view.set_message(message)
        self.annotations.set_store(None)

    def show_file(self, doc: dict[str, Any], path: Path, page: int | None = None) -> None:
        """Open ``path`` for ``doc`` (at ``page``, 0-based, if given)."""
        same = self.path == path and self.reader.info is not None
        self.document = doc
        if not same:
            self.path = path
            self.reader.open_document(path, doc["title"], cache_key=self.cache_key)
        self._fit_title()
        if page is not None:
            self.reader.go_to_page(page)
        self.annotations.set_store(self.sync.store_for(doc) if self.sync is not None else None)
        self.annotations.toolbar.export_comments_action.setVisible(self.may_export_comments)
        self.annotations.toolbar.export_comments_pdf_action.setVisible(self.may_export_comments)
        self._stamp()
        self._export_rights()
        if is_restricted(doc):
            self._clock.start()
        else:
            self._clock.stop()

    def close_document(self) -> None:
        """Show nothing."""
        self.reader.close_document()
        self.reader.set_watermark(None)
        self.annotations.set_store(None)
        self.document, self.path, self.watermark = None, None, None
        self._clock.stop()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Re-fit the title so that the page number and zoom stay on the tool bar."""
        super().resizeEvent(event)
        self._fit_title()

    def _fit_title(self) -> None:
        # The reader elides titles to a fixed 360 px; in the room the tool bar is shorter and
        # would push the page controls into its overflow menu.
        toolbar, label = self.reader.toolbar, self.reader.toolbar.title
        title = self.document["title"] if self.document else label.toolTip()
        room = 0
        # Narrow: the back button, then "Present", drop their text before the title shrinks
        # below 160 px, so that nothing goes to the tool bar's overflow menu at 1280 px.
        text, bare = Qt.ToolButtonStyle.ToolButtonTextBesideIcon, Qt.ToolButtonStyle.ToolButtonIconOnly
        present = self.present_button if isinstance(self.present_button, QToolButton) else None
        for back_style, present_style in ((text, text), (bare, text), (bare, bare)):
            self.back_button.setToolButtonStyle(back_style)
            if present is not None:
                present.setToolButtonStyle(present_style)
            others = toolbar.sizeHint().width() - label.sizeHint().width()
            room = min(360, self.width() - others - 24)
            if room >= 160:
                break
        # Narrower still (touch-sized buttons on a 1280 px tablet): the title goes before a
        # control is squeezed; it stays in the tooltip and in the documents list.
        label.setText(label.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight, room)
                      if room >= 60 else "")

    def _stamp(self) -> None:
        restricted = self.document is not None and is_restricted(self.document)
        # Kept here too: the reader has no getter for its watermark.
        self.watermark = watermark_text(self.viewer_name) if restricted else None
        self.reader.set_watermark(self.watermark)
