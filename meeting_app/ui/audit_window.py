"""The audit log viewer for administrators: filters, pages of entries (newest first), the
chain's state as the server verified it, and an export to CSV with progress.

Everything is fetched over HTTP off the GUI thread (``net/audit.py``); the server refuses
anyone but an admin, the window is only offered to admins.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meeting_app.net.audit import AuditQuery, download_csv, fetch_page, fetch_verdict
from meeting_app.state.formats import date_time_text
from meeting_app.ui.audit_actions import action_name
from meeting_app.ui.screen_fit import fit_to_screen
from meeting_app.ui.session import Session
from meeting_app.ui.tasks import run_in_thread
from meeting_app.ui.theme import bind_style

PAGE = 100


class _Progress(QObject):
    """Carries the download's progress from the worker thread to the GUI thread."""

    moved = Signal(int, int)


def _local_time(text: str) -> str:
    try:
        return date_time_text(datetime.fromisoformat(text), seconds=True)
    except ValueError:
        return text


class AuditWindow(QWidget):
    """``Audit log…``: browse, check and export the server's audit trail."""

    loaded = Signal()
    """A page (and the chain's state) arrived; for tests."""
    exported = Signal(str)
    """The CSV file written."""

    COLUMNS = (QT_TRANSLATE_NOOP("AuditWindow", "Seq"), QT_TRANSLATE_NOOP("AuditWindow", "Time"),
               QT_TRANSLATE_NOOP("AuditWindow", "User"), QT_TRANSLATE_NOOP("AuditWindow", "Action"),
               QT_TRANSLATE_NOOP("AuditWindow", "Meeting"), QT_TRANSLATE_NOOP("AuditWindow", "Details"),
               QT_TRANSLATE_NOOP("AuditWindow", "Hash"))

    def __init__(self, session: Session, meetings: list[dict[str, Any]] | None = None,
                 parent: QWidget | None = None, page_size: int = PAGE) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.session = session
        self.page_size = page_size
        self.setWindowTitle(self.tr("Audit log"))
        self._meeting_titles = {int(m["id"]): str(m.get("title", "")) for m in meetings or []}
        self._pages: list[int | None] = [None]  # before_seq of each page shown so far
        self._next: int | None = None
        self._pending = 0

        self.meeting_box = QComboBox()
        self.meeting_box.addItem(self.tr("All meetings"), None)
        for meeting_id, title in self._meeting_titles.items():
            self.meeting_box.addItem(title or str(meeting_id), meeting_id)
        self.action_box = QComboBox()
        self.action_box.addItem(self.tr("All actions"), None)
        self.user_box = QComboBox()
        self.user_box.addItem(self.tr("All users"), None)
        for box in (self.meeting_box, self.action_box, self.user_box):
            box.setMinimumWidth(170)
            box.activated.connect(self._filters_changed)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.reload)
        filters = QHBoxLayout()
        for label, box in ((self.tr("Meeting"), self.meeting_box), (self.tr("Action"), self.action_box),
                           (self.tr("User"), self.user_box)):
            filters.addWidget(QLabel(label))
            filters.addWidget(box)
        filters.addStretch(1)
        filters.addWidget(self.refresh_button)

        self.chain_label = QLabel(self.tr("Checking the chain…"))
        self.chain_label.setObjectName("auditChain")
        self.chain_label.setWordWrap(True)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName(self.tr("Audit log"))
        self.table.setHorizontalHeaderLabels([self.tr(str(c)) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(len(self.COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # A meeting's title can be long: it gets a fixed share (elided, whole in its
        # tooltip), the details the rest.
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(4, 260)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)

        self.newest_button = QPushButton(self.tr("Newest"))
        self.newer_button = QPushButton(self.tr("Newer"))
        self.older_button = QPushButton(self.tr("Older"))
        self.newest_button.clicked.connect(self.reload)
        self.newer_button.clicked.connect(self.newer)
        self.older_button.clicked.connect(self.older)
        self.page_label = QLabel()
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.clicked.connect(lambda: self.export())
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setMaximumWidth(200)
        self.message = QLabel()
        self.message.setWordWrap(True)
        paging = QHBoxLayout()
        for button in (self.newest_button, self.newer_button, self.older_button):
            paging.addWidget(button)
        paging.addWidget(self.page_label, 1)
        paging.addWidget(self.progress)
        paging.addWidget(self.export_button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.chain_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(paging)
        layout.addWidget(self.message)
        self._progress = _Progress(self)
        self._progress.moved.connect(self._moved)
        fit_to_screen(self, 1100, 640)
        self.reload()

    # --- loading ------------------------------------------------------------------------

    def query(self) -> AuditQuery:
        """The filters as chosen."""
        return AuditQuery(self.meeting_box.currentData(), self.action_box.currentData(),
                          self.user_box.currentData())

    def _filters_changed(self, *_args: Any) -> None:
        self.reload()

    def reload(self) -> None:
        """The newest page for the filters, and the chain checked again."""
        self._pages = [None]
        self._load()
        session = self.session
        self._pending += 1
        run_in_thread(lambda: fetch_verdict(session.server_url, session.token), self._verdict, self._failed)

    def older(self) -> None:
        """The next page towards the first entry."""
        if self._next is not None:
            self._pages.append(self._next)
            self._load()

    def newer(self) -> None:
        """The previous page, towards the newest entry."""
        if len(self._pages) > 1:
            self._pages.pop()
            self._load()

    def _load(self) -> None:
        session, query, before, size = self.session, self.query(), self._pages[-1], self.page_size
        self._pending += 1
        run_in_thread(lambda: fetch_page(session.server_url, session.token, query, before, size),
                      self._page, self._failed)

    def _page(self, page: dict[str, Any]) -> None:
        self._fill_choices(self.action_box, [(action_name(a), a) for a in page.get("actions", [])])
        self._fill_choices(self.user_box, [(f"{u['full_name']} ({u['username']})", u["id"])
                                           for u in page.get("actors", [])])
        entries = page.get("entries", [])
        self._next = page.get("next_before_seq")
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            meeting = entry.get("meeting_id")
            cells = [str(entry["seq"]), _local_time(entry["at"]), entry.get("actor") or "—",
                     action_name(entry["action"]),
                     self._meeting_titles.get(meeting, str(meeting)) if meeting is not None else "",
                     json.dumps(entry.get("details") or {}, ensure_ascii=False, sort_keys=True),
                     (entry.get("hash") or "")[:12] + "…"]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (3, 4, 5):  # the action's code; a title or details too long to show
                    item.setToolTip(entry["action"] if column == 3 else text)
                if column == 6:
                    item.setToolTip(self.tr("hash {hash}\nprevious {prev}").format(
                        hash=entry.get("hash"), prev=entry.get("prev_hash")))
                self.table.setItem(row, column, item)
        if entries:
            self.page_label.setText(self.tr("Entries {first}–{last}").format(
                first=entries[-1]["seq"], last=entries[0]["seq"]))
        else:
            self.page_label.setText(self.tr("No entries match these filters"))
        self.older_button.setEnabled(self._next is not None)
        self.newer_button.setEnabled(len(self._pages) > 1)
        self._arrived()

    def _fill_choices(self, box: QComboBox, choices: list[tuple[str, Any]]) -> None:
        current = box.currentData()
        known = {box.itemData(i) for i in range(1, box.count())}
        for text, data in choices:
            if data not in known:
                box.addItem(text, data)
        box.setCurrentIndex(max(0, box.findData(current)) if current is not None else 0)

    def _verdict(self, verdict: dict[str, Any]) -> None:
        if verdict["ok"]:
            self.chain_label.setText(self.tr("✔ Chain verified up to entry {seq} (head {head}…)").format(
                seq=verdict["verified_seq"], head=verdict["head_hash"][:16]))
            bind_style(self.chain_label, "color: @success_text; font-weight: bold;")
        else:
            self.chain_label.setText(self.tr("✘ Chain broken at entry {seq}: {reason}").format(
                seq=verdict["broken_seq"], reason=verdict["reason"]))
            bind_style(self.chain_label, "color: @danger; font-weight: bold;")
        self._arrived()

    def _failed(self, error: BaseException) -> None:
        self.message.setText(str(error))
        self._arrived()

    def _arrived(self) -> None:
        self._pending -= 1
        if self._pending <= 0:
            self._pending = 0
            self.loaded.emit()

    @property
    def busy(self) -> bool:
        """Whether a page or the chain's state is still on its way."""
        return self._pending > 0

    # --- export -------------------------------------------------------------------------

    def export(self, path: Path | None = None) -> bool:
        """Save the filtered entries as CSV; asks for the file when ``path`` is None."""
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export the audit log"), str(Path.home() / "audit-log.csv"),
                self.tr("CSV files (*.csv)"))
            if not chosen:
                return False
            path = Path(chosen)
        session, query, target, progress = self.session, self.query(), path, self._progress
        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)

        def work() -> str:
            download_csv(session.server_url, session.token, query, target,
                         lambda done, total: progress.moved.emit(done, total or 0))
            return str(target)

        run_in_thread(work, self._exported, self._export_failed)
        return True

    def _moved(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _exported(self, path: str) -> None:
        self.export_button.setEnabled(True)
        self.progress.setVisible(False)
        self.message.setText(self.tr("Saved {path}").format(path=path))
        self.exported.emit(path)

    def _export_failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.progress.setVisible(False)
        self.message.setText(str(error))
