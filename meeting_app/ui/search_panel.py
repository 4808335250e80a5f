"""Search across my meetings (``search``): meetings, documents (full text), conclusions and
action items by words, with date and status filters. Activating a result opens its meeting."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meeting_app.state.models import local_time_text
from meeting_app.ui.commands import CommandSender
from meeting_app.ui.resources import icon
from protocol import commands as c
from protocol.answers.documents import SearchAnswer
from protocol.roles import MeetingStatus
from protocol.statuses import ActionStatus

KIND_ICONS = {"meeting": "calendar", "document": "document", "conclusion": "minutes", "action": "approve"}


class SearchPanel(QWidget):
    """A search box's results: kind, title, meeting (title and date) and an excerpt."""

    open_requested = Signal(int)
    """Open this meeting's room (the result's meeting)."""
    document_requested = Signal(int, int, int)
    """A document result was activated: meeting id, document id, page (0-based)."""

    def __init__(self, commands: CommandSender, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.commands = commands
        self.loaded = False
        self._rows: list[dict[str, Any]] = []
        self.query_edit = QLineEdit()
        self.query_edit.setAccessibleName(self.tr("Search"))
        self.query_edit.setPlaceholderText(self.tr("Search meetings, documents, conclusions, action items…"))
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.status_combo = QComboBox()
        for text, value in ((self.tr("Any status"), None),
                            (self.tr("Upcoming meetings"), MeetingStatus.SCHEDULED),
                            (self.tr("Live meetings"), MeetingStatus.LIVE),
                            (self.tr("Past meetings"), MeetingStatus.ENDED),
                            (self.tr("Open action items"), ActionStatus.OPEN),
                            (self.tr("Done action items"), ActionStatus.DONE)):
            self.status_combo.addItem(text, value)
        self.dates_check = QCheckBox(self.tr("Between"))
        today = QDate.currentDate()
        self.from_edit = QDateEdit(today.addMonths(-3))
        self.to_edit = QDateEdit(today)
        self.from_edit.setAccessibleName(self.tr("From"))
        self.to_edit.setAccessibleName(self.tr("Until"))
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setEnabled(False)
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.query_edit, 1)
        filters.addWidget(self.status_combo)
        filters.addWidget(self.dates_check)
        filters.addWidget(self.from_edit)
        filters.addWidget(QLabel(self.tr("and")))
        filters.addWidget(self.to_edit)
        self.results = QTreeWidget()
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setColumnCount(3)
        self.results.setHeaderLabels([self.tr("Found"), self.tr("Meeting"), self.tr("Excerpt")])
        self.results.setRootIsDecorated(False)
        self.results.setUniformRowHeights(True)
        self.results.setWordWrap(False)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.header().resizeSection(0, 300)
        self.results.header().resizeSection(1, 320)
        self.hint = QLabel(self.tr("Type words to search for: diacritics and capitals do not matter."))
        self.hint.setObjectName("hint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)
        layout.addLayout(filters)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint)
        self._typing = QTimer(self, singleShot=True, interval=400)
        self._typing.timeout.connect(self.search)
        self.query_edit.textChanged.connect(lambda _text: self._typing.start())
        self.query_edit.returnPressed.connect(self.search)
        self.status_combo.currentIndexChanged.connect(lambda _i: self.search())
        self.dates_check.toggled.connect(self._dates_toggled)
        self.from_edit.dateChanged.connect(lambda _d: self.search())
        self.to_edit.dateChanged.connect(lambda _d: self.search())
        self.results.itemActivated.connect(self._activated)

    def _dates_toggled(self, on: bool) -> None:
        self.from_edit.setEnabled(on)
        self.to_edit.setEnabled(on)
        self.search()

    def payload(self) -> dict[str, Any] | None:
        """The ``search`` payload the box and filters ask for (None: no words yet)."""
        query = self.query_edit.text().strip()
        if not query:
            return None
        payload: dict[str, Any] = {"query": query}
        if self.status_combo.currentData() is not None:
            payload["status"] = self.status_combo.currentData()
        if self.dates_check.isChecked():
            payload["from"] = self.from_edit.date().toString("yyyy-MM-dd")
            payload["to"] = self.to_edit.date().toString("yyyy-MM-dd")
        return payload

    def search(self) -> None:
        """Ask the server (when there are words to look for)."""
        self._typing.stop()
        payload = self.payload()
        if payload is None:
            self._show([], self.tr("Type words to search for: diacritics and capitals do not matter."))
        elif self.commands.available:
            asked = self.commands.compose(c.Search, **payload)
            if asked is not None:
                self.commands.send(asked, on_success=self._answered)

    def _answered(self, answer: SearchAnswer) -> None:
        self.loaded = True
        # The rows stay dicts, with the fields the server sent.
        rows = [r.model_dump(mode="json", exclude_unset=True) for r in answer.results]
        self._show(rows, self.tr("Nothing found.") if not rows else "")

    def _show(self, rows: list[dict[str, Any]], hint: str) -> None:
        self._rows = rows
        self.results.clear()
        for result in rows:
            title = result.get("title") or ""
            if result.get("kind") == "document" and result.get("page") is not None:
                title = self.tr("{title} (page {page})").format(title=title, page=int(result["page"]) + 1)
            meeting = f"{result.get('meeting_title', '')} · {local_time_text(result.get('starts_at'))}"
            item = QTreeWidgetItem([title, meeting, result.get("snippet") or ""])
            item.setIcon(0, icon(KIND_ICONS.get(result.get("kind", ""), "search")))
            item.setToolTip(0, self.kind_label(result.get("kind", "")))
            item.setToolTip(2, result.get("snippet") or "")
            self.results.addTopLevelItem(item)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))

    def kind_label(self, kind: str) -> str:
        """What a result is, in words."""
        return {"meeting": self.tr("Meeting"), "document": self.tr("Document"),
                "conclusion": self.tr("Conclusion"), "action": self.tr("Action item")}.get(kind, kind)

    def rows(self) -> list[dict[str, Any]]:
        """The results shown, in order."""
        return list(self._rows)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        index = self.results.indexOfTopLevelItem(item)
        if 0 <= index < len(self._rows):
            self.open_result(index)

    def open_result(self, index: int) -> None:
        """Open the meeting of the result (a document's: also say which document and page)."""
        result = self._rows[index]
        meeting_id = int(result["meeting_id"])
        if result.get("kind") == "document" and result.get("id") is not None:
            self.document_requested.emit(meeting_id, int(result["id"]), int(result.get("page") or 0))
        self.open_requested.emit(meeting_id)
