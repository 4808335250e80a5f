"""The reader inside the meeting room: the ``ReaderWidget`` with a "back to the list" button
and the presenter's "Present" toggle in its tool bar, a watermark for restricted documents,
and a waiting message while a document is still downloading."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QToolButton, QVBoxLayout, QWidget

from meeting_app.pdf import PdfEngine
from meeting_app.state.documents import is_restricted
from meeting_app.ui.reader import ReaderWidget
from meeting_app.ui.resources import icon


def watermark_text(full_name: str, moment: datetime | None = None) -> str:
    """The viewer's name and the time, painted over every page of a restricted document."""
    moment = moment or datetime.now().astimezone()
    return f"{full_name}\n{moment.strftime('%H:%M %d/%m/%Y')}"


class ReaderPage(QWidget):
    """One document of the meeting in the reader (see ``meeting_app.ui.reader``)."""

    back_requested = Signal()
    """"All documents" was pressed."""

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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.reader)
        # The room is narrower than a reader window: pages first, thumbnails on demand.
        toolbar.sidebar_action.setChecked(False)
        self.reader.document_loaded.connect(lambda _count: self._fit_title())
        # The watermark carries the time: keep it current while a restricted one is open.
        self._clock = QTimer(self, interval=30_000)
        self._clock.timeout.connect(self._stamp)

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

    def show_file(self, doc: dict[str, Any], path: Path, page: int | None = None) -> None:
        """Open ``path`` for ``doc`` (at ``page``, 0-based, if given)."""
        same = self.path == path and self.reader.info is not None
        self.document = doc
        if not same:
            self.path = path
            self.reader.open_document(path, doc["title"])
        self._fit_title()
        if page is not None:
            self.reader.go_to_page(page)
        self._stamp()
        if is_restricted(doc):
            self._clock.start()
        else:
            self._clock.stop()

    def close_document(self) -> None:
        """Show nothing."""
        self.reader.close_document()
        self.reader.set_watermark(None)
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
        # Narrow: the back button drops its text before the title shrinks below 160 px.
        for style in (Qt.ToolButtonStyle.ToolButtonTextBesideIcon, Qt.ToolButtonStyle.ToolButtonIconOnly):
            self.back_button.setToolButtonStyle(style)
            others = toolbar.sizeHint().width() - label.sizeHint().width()
            room = max(80, min(360, self.width() - others - 24))
            if room >= 160:
                break
        label.setText(label.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight, room))

    def _stamp(self) -> None:
        restricted = self.document is not None and is_restricted(self.document)
        # Kept here too: the reader has no getter for its watermark.
        self.watermark = watermark_text(self.viewer_name) if restricted else None
        self.reader.set_watermark(self.watermark)
