"""The revisions of an agenda item's conclusion (``conclusion.history``): who changed it
when, and what it said then. An editor may take an old revision back into the editor."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from meeting_app.state.models import local_time_text
from meeting_app.ui.minutes.editor import MARKDOWN
from meeting_app.ui.screen_fit import fit_to_screen


def author_name(revision: dict[str, Any]) -> str:
    """The author of a revision, whatever form the server gives it in."""
    author = revision.get("author")
    if isinstance(author, dict):
        return str(author.get("full_name") or author.get("username") or "")
    return str(author or revision.get("author_name") or "")


class HistoryDialog(QDialog):
    """The list of revisions (newest first) and the text of the one selected."""

    restore_requested = Signal(str, str)
    """(text, decision) of an old revision, to put back into the editor."""

    def __init__(self, item_title: str, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History of the conclusions"))
        fit_to_screen(self, 820, 520)
        self.revisions: list[dict[str, Any]] = []
        heading = QLabel(item_title)
        heading.setObjectName("panelTitle")
        heading.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("History of the conclusions"))
        self.text = QTextBrowser()
        self.decision = QLabel()
        self.decision.setWordWrap(True)
        self.decision.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.text, 1)
        column.addWidget(self.decision)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setSizes([280, 540])
        self.status = QLabel(self.tr("Loading the history…"))
        self.status.setObjectName("hint")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = self.buttons.addButton(self.tr("Restore this revision"),
                                                     QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setVisible(editable)
        self.restore_button.setEnabled(False)
        self.buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._restore)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.list.currentRowChanged.connect(self.show_revision)
        self.list.setFocus()  # arrows go through the revisions; Tab reads the text, then the buttons

    def set_revisions(self, revisions: list[dict[str, Any]]) -> None:
        """Show the answer of ``conclusion.history`` (any order; shown newest first)."""
        self.revisions = sorted(revisions, key=lambda r: r.get("revision", 0), reverse=True)
        self.list.clear()
        for revision in self.revisions:
            line = self.tr("Revision {n} · {time}\n{author}").format(
                n=revision.get("revision"), time=local_time_text(revision.get("at")),
                author=author_name(revision))
            self.list.addItem(QListWidgetItem(line))
        self.status.setText(self.tr("{n} revisions").format(n=len(self.revisions)) if self.revisions
                            else self.tr("No revision yet."))
        if self.revisions:
            self.list.setCurrentRow(0)

    def show_failure(self, message: str) -> None:
        self.status.setText(message)

    def show_revision(self, row: int) -> None:
        """Show one revision's text and decision."""
        if not 0 <= row < len(self.revisions):
            self.text.clear()
            self.decision.clear()
            self.restore_button.setEnabled(False)
            return
        revision = self.revisions[row]
        self.text.document().setMarkdown(str(revision.get("text") or ""), MARKDOWN)
        decision = str(revision.get("decision") or "")
        self.decision.setText(self.tr("Decision: {text}").format(text=decision) if decision else "")
        self.restore_button.setEnabled(row > 0)  # the newest is what the editor has

    def _restore(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.revisions):
            revision = self.revisions[row]
            self.restore_requested.emit(str(revision.get("text") or ""), str(revision.get("decision") or ""))
            self.accept()
