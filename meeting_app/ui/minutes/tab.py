"""The "Minutes" tab of the meeting room.

Per agenda item (the current one by default, any one on demand): the conclusions (rich
text, autosaved), the decision and the action items; above them the minutes' workflow.
The secretary and the chair edit; every other participant reads it live.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from meeting_app.state.session import MeetingSession
from meeting_app.ui.minutes.actions import ActionItemsTable
from meeting_app.ui.minutes.conclusion import ConclusionPanel
from meeting_app.ui.minutes.history import HistoryDialog
from meeting_app.ui.minutes.workflow import EDITORS, WorkflowBar
from meeting_app.ui.session import Session
from meeting_app.ui.widgets import Panel, tool_button
from protocol import commands as c


class MinutesTab(QWidget):
    """Conclusions, decisions and action items per agenda item, and the minutes' workflow."""

    message = Signal(str)
    """A refusal or failure to show the user."""
    open_document_requested = Signal(int)

    def __init__(self, meeting: MeetingSession, session: Session, parent: QWidget | None = None) -> None:
        """``meeting``: the meeting's session (its store, commands and drafts)."""
        super().__init__(parent)
        assert meeting.meeting_id is not None
        store, commands, meeting_id = meeting.store, meeting, meeting.meeting_id
        self.store, self.commands, self.meeting_id = store, commands, meeting_id
        self.drafts = meeting.drafts
        self.history: HistoryDialog | None = None
        self.workflow = WorkflowBar(store, commands, session, meeting_id)
        self.item_combo = QComboBox()
        self.item_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.item_combo.setMinimumContentsLength(12)
        self.follow = QCheckBox(self.tr("Follow the current item"))
        self.follow.setChecked(True)
        self.history_button = tool_button(self.tr("History"), "history",
                                          self.tr("Earlier versions of these conclusions"))
        self.conclusion = ConclusionPanel(store, commands, self.drafts, meeting_id)
        self.action_items = ActionItemsTable(store, commands, meeting_id)

        top = Panel("")
        top.title.hide()
        top.body.addWidget(self.workflow)
        chooser = QHBoxLayout()
        item_caption = QLabel(self.tr("Agenda item"))
        item_caption.setObjectName("fieldCaption")
        chooser.addWidget(item_caption)
        chooser.addWidget(self.item_combo, 1)
        chooser.addWidget(self.follow)
        chooser.addWidget(self.history_button)
        top.body.addLayout(chooser)
        conclusions = Panel(self.tr("Conclusions"), "minutes")
        conclusions.title_row.addWidget(self.conclusion.state)
        conclusions.title_row.addWidget(self.conclusion.editor.tools)  # saves a row for the text
        conclusions.body.addWidget(self.conclusion, 1)
        actions = Panel(self.tr("Action items"), "users")
        actions.body.addWidget(self.action_items, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(conclusions)
        splitter.addWidget(actions)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([260, 230])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(top)
        layout.addWidget(splitter, 1)

        self.item_combo.activated.connect(self._item_chosen)
        self.follow.toggled.connect(self._follow_toggled)
        self.history_button.clicked.connect(self.show_history)
        self.conclusion.message.connect(self.message)
        self.action_items.message.connect(self.message)
        self.workflow.message.connect(self.message)
        self.workflow.open_document_requested.connect(self.open_document_requested)
        store.agenda_changed.connect(self._agenda_changed)
        store.reset.connect(self._agenda_changed)
        store.current_item_changed.connect(lambda _item: self._follow_current())
        for signal in (store.role_changed, store.reset):
            signal.connect(self._update_rights)
        self._agenda_changed()
        self._update_rights()

    @property
    def item_id(self) -> int | None:
        """The agenda item shown."""
        return self.conclusion.item_id

    @property
    def editable(self) -> bool:
        return self.store.my_role in EDITORS

    def _update_rights(self, *_args: Any) -> None:
        editable = self.editable
        self.conclusion.set_editable(editable)
        self.action_items.set_editable(editable)
        self.history_button.setVisible(editable)  # the history is for those who write it

    def _agenda_changed(self) -> None:
        shown = self.item_id
        self.item_combo.blockSignals(True)
        self.item_combo.clear()
        for number, item in enumerate(self.store.agenda, start=1):
            self.item_combo.addItem(f"{number}. {item['title']}", item["id"])
            self.item_combo.setItemData(number - 1, item["title"], Qt.ItemDataRole.ToolTipRole)
        self.item_combo.blockSignals(False)
        ids = [item["id"] for item in self.store.agenda]
        if self.follow.isChecked() and self.store.current_item is not None:
            self.show_item(self.store.current_item["id"])
        elif shown in ids:
            self.show_item(shown)
        else:
            self.show_item(ids[0] if ids else None)

    def _follow_toggled(self, on: bool) -> None:
        if on:
            self._follow_current()

    def _follow_current(self) -> None:
        current = self.store.current_item
        if self.follow.isChecked() and current is not None:
            self.show_item(current["id"])

    def _item_chosen(self, index: int) -> None:
        item_id = self.item_combo.itemData(index)
        current = self.store.current_item
        # Choosing another item than the one discussed stops following.
        if current is None or item_id != current["id"]:
            self.follow.setChecked(False)
        self.show_item(item_id)

    def show_item(self, item_id: int | None) -> None:
        """Show an agenda item's conclusions and action items."""
        self.conclusion.show_item(item_id)
        self.action_items.show_item(item_id)
        index = self.item_combo.findData(item_id)
        if index >= 0 and self.item_combo.currentIndex() != index:
            self.item_combo.setCurrentIndex(index)
        self.history_button.setEnabled(item_id is not None)

    def show_history(self) -> HistoryDialog | None:
        """Open the list of the shown item's revisions (``conclusion.history``)."""
        item = self.store.item_by_id(self.item_id) if self.item_id is not None else None
        if item is None:
            return None
        dialog = HistoryDialog(item["title"], self.editable, self)
        dialog.restore_requested.connect(self.conclusion.restore)
        # The answer's model is not typed yet: its data is read from the pending answer.
        asked = c.ConclusionHistory(meeting_id=self.meeting_id, agenda_item_id=item["id"])
        pending = self.commands.send(asked, on_failure=lambda _code, text: dialog.show_failure(text))
        pending.then(lambda _answer: dialog.set_revisions(list((pending.data or {}).get("revisions") or [])))
        dialog.open()
        self.history = dialog
        return dialog

    def shutdown(self) -> None:
        """Send what is still unsent (the draft stays on disk if that fails)."""
        self.conclusion.flush()
