"""One agenda item's conclusion and decision, saved as the secretary types.

Autosave: every edit is put at once in the meeting's outbox as a held draft
(``state/drafts.py``) and let go as ``conclusion.set`` once typing pauses (``PAUSE_MS``) or
the editor leaves the item. The server's confirmation removes the draft; a draft that could
not be sent (offline, a lost answer) is sent again by the outbox, with its own
``request_id``, when the connection is back.

What the store shows never overwrites unsent typing: while I have unsent changes, a change
made by another editor only raises a banner ("updated by another editor — reload?").
``base_revision`` tells the server which stored revision my text started from, so that my
autosave cannot silently overwrite theirs either (it is refused as ``conflict``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from meeting_app.state.commands import CommandSender
from meeting_app.state.drafts import Draft, DraftStore
from meeting_app.state.formats import time_text
from meeting_app.state.store import MeetingStore
from meeting_app.ui.minutes.editor import MarkdownEditor

TRANSIENT = ("offline", "timeout")
"""Failures after which the draft is simply sent again later."""


class ConclusionPanel(QWidget):
    """The conclusion (rich text) and decision (plain text) of the item being shown."""

    PAUSE_MS = 1500
    message = Signal(str)
    """A refusal to show the user."""
    saved = Signal(int)
    """The server confirmed an item's conclusion (its id)."""

    def __init__(self, store: MeetingStore, commands: CommandSender, drafts: DraftStore,
                 meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.commands, self.drafts, self.meeting_id = store, commands, drafts, meeting_id
        self.item_id: int | None = None
        self.editable = False
        self.draft: Draft | None = None
        """The shown item's unsent text (None: the editor shows what the server has)."""
        self._in_flight: set[str] = set()
        """request_ids sent and not answered yet."""
        self._sent: tuple[str, str] | None = None
        """(text, decision) I sent last for the shown item: its echo is no news."""
        self.base_revision = 0

        self.editor = MarkdownEditor(self.tr("The conclusions on this item…"))
        self.decision_caption = QLabel(self.tr("Decision"))
        self.decision_caption.setObjectName("fieldCaption")
        self.decision_caption.setContentsMargins(0, 6, 0, 0)
        self.decision = QPlainTextEdit()
        self.decision.setPlaceholderText(self.tr("What the meeting decided (one paragraph)"))
        self.decision.setAccessibleName(self.tr("Decision"))
        self.decision.setFixedHeight(50)
        self.decision.setTabChangesFocus(True)  # one paragraph: Tab goes on, as in a form
        self.decision_caption.setBuddy(self.decision)
        self.state = QLabel()
        """Saved, saving, offline…: placed by the tab (in the panel's title row)."""
        self.state.setObjectName("hint")
        self.banner = QFrame()
        self.banner.setObjectName("messageBar")
        self.banner.setProperty("tone", "info")
        row = QHBoxLayout(self.banner)
        row.setContentsMargins(10, 4, 6, 4)
        self.banner_label = QLabel(self.tr("Updated by another editor — reload?"))
        self.reload_button = QPushButton(self.tr("Reload theirs"))
        self.reload_button.setToolTip(self.tr("Show their version; my unsent changes are dropped"))
        self.keep_button = QPushButton(self.tr("Keep mine"))
        self.keep_button.setToolTip(self.tr("Save my version over theirs (theirs stays in the history)"))
        row.addWidget(self.banner_label, 1)
        row.addWidget(self.reload_button)
        row.addWidget(self.keep_button)
        self.banner.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.banner)
        layout.addWidget(self.editor, 1)
        decision_row = QHBoxLayout()
        decision_row.addWidget(self.decision_caption, 0, Qt.AlignmentFlag.AlignTop)
        decision_row.addWidget(self.decision, 1)
        layout.addLayout(decision_row)

        self._timer = QTimer(self, singleShot=True, interval=self.PAUSE_MS)
        self._timer.timeout.connect(self.flush)
        self.editor.edited.connect(self._edited)
        self.decision.textChanged.connect(self._decision_edited)
        self.reload_button.clicked.connect(self.reload)
        self.keep_button.clicked.connect(self.keep_mine)
        store.conclusions_changed.connect(self._store_changed)
        store.reset.connect(self._store_changed)
        drafts.outbox.sending.connect(self._sending)
        drafts.outbox.answered.connect(self._answered)
        drafts.outbox.deferred.connect(self._answered)
        self.set_editable(False)

    # --- what is shown -------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        """Whether the editor holds changes the server has not confirmed."""
        return self.draft is not None

    def set_editable(self, editable: bool) -> None:
        """Secretary and chair edit; everyone else reads, live."""
        self.editable = editable
        self.editor.set_read_only(not editable)
        self.decision.setReadOnly(not editable)
        self.decision.setPlaceholderText(
            self.tr("What the meeting decided (one paragraph)") if editable else self.tr("No decision yet"))
        self.editor.text_edit.setPlaceholderText(
            self.tr("The conclusions on this item…") if editable else self.tr("No conclusions yet."))
        if not editable and not self.dirty:
            self._load_from_store()

    def show_item(self, item_id: int | None) -> None:
        """Show another item; unsent changes of the one left are sent at once."""
        if item_id == self.item_id:
            return
        self.flush()
        self._timer.stop()
        self.item_id, self._sent = item_id, None
        self.banner.hide()
        self.draft = self.drafts.load(self.meeting_id, item_id) if item_id is not None else None
        if self.draft is not None:
            # Left here by a lost connection or a crash: show it and send it again.
            self._show(self.draft.text, self.draft.decision)
            self.base_revision = self.draft.base_revision
            self.state.setText(self.tr("Unsent changes kept on this computer"))
            self._timer.start()
        else:
            self._load_from_store()
        enabled = item_id is not None
        self.editor.setEnabled(enabled)
        self.decision.setEnabled(enabled)

    def _show(self, text: str, decision: str) -> None:
        self.editor.set_markdown(text)
        if self.decision.toPlainText() != decision:
            self.decision.blockSignals(True)
            self.decision.setPlainText(decision)
            self.decision.blockSignals(False)

    def _load_from_store(self) -> None:
        item = self.item_id
        text = self.store.conclusion(item) if item is not None else ""
        decision = self.store.decision(item) if item is not None else ""
        self.base_revision = self.store.conclusion_revision(item) if item is not None else 0
        if text != self.editor.markdown() or decision != self.decision.toPlainText():
            self._show(text, decision)
        self.banner.hide()

    # --- editing -------------------------------------------------------------------------

    def _decision_edited(self) -> None:
        if not self.decision.isReadOnly():
            self._edited()

    def _edited(self) -> None:
        if self.item_id is None or not self.editable:
            return
        # New content is a new command: a fresh request_id (a repeat keeps the draft's own).
        self.draft = Draft(self.meeting_id, self.item_id, self.editor.markdown(),
                           self.decision.toPlainText().strip(), self.base_revision)
        self.drafts.save(self.draft)
        self.state.setText(self.tr("Editing…"))
        self._timer.start()

    def flush(self) -> None:
        """Send the shown item's unsent changes now (if there are any and we are online)."""
        self._timer.stop()
        if self.draft is not None and self.draft.request_id not in self._in_flight:
            self._send(self.draft)

    def _send(self, draft: Draft) -> None:
        """Let the draft go: the outbox sends it now, or when the connection is back."""
        if not self.commands.available and draft.agenda_item_id == self.item_id:
            self.state.setText(self.tr("Offline: kept on this computer, sent when the connection "
                                       "is back"))
        self.drafts.send(draft)

    def _mine(self, entry: dict[str, Any]) -> Draft | None:
        """The draft of this meeting an outbox entry sends (None: another kind of change)."""
        if not DraftStore.is_draft(entry):
            return None
        draft = Draft.from_entry(entry)
        return draft if draft.meeting_id == self.meeting_id else None

    def _sending(self, entry: dict[str, Any]) -> None:
        draft = self._mine(entry)
        if draft is None:
            return
        self._in_flight.add(draft.request_id)
        if draft.agenda_item_id == self.item_id:
            self._sent = (draft.text, draft.decision)
            self.state.setText(self.tr("Saving…"))

    def _answered(self, entry: dict[str, Any], envelope: dict[str, Any]) -> None:
        draft = self._mine(entry)
        if draft is None:
            return
        if envelope.get("ok"):
            self._confirmed(draft, envelope.get("data") or {})
            return
        error = envelope.get("error") or {}
        code = str(error.get("code", "internal"))
        self._failed(draft, code, self.commands.describe(code, str(error.get("message", ""))))

    def _confirmed(self, draft: Draft, data: dict[str, Any]) -> None:
        self._in_flight.discard(draft.request_id)
        revision = data.get("revision")  # the outbox has dropped the entry it answered
        if draft.agenda_item_id == self.item_id:
            if isinstance(revision, int):
                self.base_revision = revision
            if self.draft is not None and self.draft.request_id == draft.request_id:
                self.draft = None
                self.state.setText(self.tr("Saved at {time}").format(
                    time=time_text(datetime.now().astimezone(), seconds=True)))
            elif self.draft is not None and isinstance(revision, int):
                # Typed on while it was on its way: the next save builds on this one.
                self.draft.base_revision = revision
                self.drafts.save(self.draft, hold=None)
        self.saved.emit(draft.agenda_item_id)

    def _failed(self, draft: Draft, code: str, text: str) -> None:
        self._in_flight.discard(draft.request_id)
        if draft.agenda_item_id != self.item_id:
            if code not in TRANSIENT:
                self.message.emit(text)
            return
        if code in TRANSIENT:
            self.state.setText(self.tr("Not sent yet: kept on this computer, sent when the "
                                       "connection is back"))
            if code == "timeout":
                self._timer.start()
        elif code == "conflict":
            self._sent = None
            self.banner.show()
            self.state.setText(self.tr("Not saved: another editor changed this item"))
        else:
            self.state.setText(self.tr("Not saved (kept on this computer)"))
            self.message.emit(text)

    # --- others' changes -----------------------------------------------------------------

    def _store_changed(self) -> None:
        item = self.item_id
        if item is None or not self.store.loaded:
            return
        if not self.dirty and not self._in_flight:
            self._load_from_store()
            return
        theirs = (self.store.conclusion(item), self.store.decision(item))
        mine = (self.editor.markdown(), self.decision.toPlainText().strip())
        if theirs == self._sent or theirs == mine:
            # My own save coming back (or the same text): it is the new base.
            self.base_revision = self.store.conclusion_revision(item)
            if self.draft is not None:
                self.draft.base_revision = self.base_revision
                self.drafts.save(self.draft, hold=None)
            if theirs == mine and not self._in_flight:
                self.drafts.discard(self.meeting_id, item)
                self.draft = None
            return
        self.banner.show()

    def reload(self) -> None:
        """Drop my unsent changes and show what the server has."""
        if self.item_id is not None:
            self.drafts.discard(self.meeting_id, self.item_id)
        self.draft, self._sent = None, None
        self._timer.stop()
        self._load_from_store()
        self.state.setText("")

    def keep_mine(self) -> None:
        """Save my version over the other editor's (theirs stays in the history)."""
        self.banner.hide()
        if self.item_id is None:
            return
        self.base_revision = self.store.conclusion_revision(self.item_id)
        self._edited()
        self.flush()

    def restore(self, text: str, decision: str) -> None:
        """Put an old revision back into the editor (saved like any edit)."""
        if not self.editable or self.item_id is None:
            return
        self._show(text, decision)
        self._edited()
