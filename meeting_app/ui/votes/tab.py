"""The Votes tab of the meeting room: the open poll on top, the meeting's polls by agenda
item on the left, the chosen poll in detail on the right; the ballot dialog opens by itself
when a vote opens and I have a ballot to cast."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meeting_app.state.session import MeetingSession
from meeting_app.ui.theme import color, on_change
from meeting_app.ui.votes.ballot import BallotDialog
from meeting_app.ui.votes.banner import OpenPollBanner
from meeting_app.ui.votes.detail import PollDetail
from meeting_app.ui.votes.manage import PollManager
from meeting_app.ui.votes.receipts import ReceiptBook
from meeting_app.ui.votes.texts import status_text
from meeting_app.ui.widgets import tool_button
from protocol import events as ev
from protocol.statuses import PollKind, PollStatus

POLL_ID = Qt.ItemDataRole.UserRole
STATUS_COLOURS: dict[str, str] = {PollStatus.OPEN: "danger", PollStatus.DRAFT: "disabled",
                                  PollStatus.CLOSED: "accent"}
"""The theme colour of each status's dot."""


def status_dot(status: str) -> QIcon:
    """A coloured dot for a poll's status in the list."""
    pixmap = QPixmap(24, 24)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color(STATUS_COLOURS.get(status, "muted_strong")))
    painter.drawEllipse(6, 6, 12, 12)
    painter.end()
    return QIcon(pixmap)


class VotesTab(QWidget):
    """Everything about votes in one tab; ``receipts`` is where my receipts are kept."""

    focus_requested = Signal()
    """A vote opened: show this tab."""
    message = Signal(str)
    """Something to tell the user (a reminder of a written poll)."""

    def __init__(self, meeting: MeetingSession, receipts: Path | None = None,
                 server_url: str = "", parent: QWidget | None = None) -> None:
        """``meeting``: the meeting's session (its store, commands and ballot sender)."""
        super().__init__(parent)
        store, commands = meeting.store, meeting
        self.store, self.commands = store, commands
        self._receipts_path, self._server_url = receipts, server_url
        self.book: ReceiptBook | None = None
        self.ballots = meeting.ballots
        self.manager = PollManager(store, commands, self, self)
        self.ballot_dialog: BallotDialog | None = None
        self._shape: list[tuple[Any, ...]] = []
        self._agenda: list[dict[str, Any]] | None = None
        self._wanted: int | None = None
        """A poll just saved, to select once the list has it (its event may come later)."""
        self.auto_open = True
        """Open the ballot by itself when a vote opens."""

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        self.banner = OpenPollBanner(store)
        layout.addWidget(self.banner)
        tools = QHBoxLayout()
        self.new_button = tool_button(self.tr("New poll"), "add")
        self.written_button = tool_button(self.tr("Written opinions"), "edit")
        self.written_button.setToolTip(self.tr("Ask members for their opinion in writing, by a deadline"))
        self.next_button = tool_button(self.tr("Open the next vote"), "next")
        for button in (self.new_button, self.written_button, self.next_button):
            tools.addWidget(button)
        tools.addStretch(1)
        layout.addLayout(tools)
        self.list = QTreeWidget()
        self.list.setAccessibleName(self.tr("Polls"))
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(False)
        self.list.setIndentation(12)
        self.list.setWordWrap(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.detail = PollDetail(store, None)
        scroll = QScrollArea()
        scroll.setWidget(self.detail)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setObjectName("pollDetailScroll")
        self.detail.setObjectName("pollDetail")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([250, 450])
        layout.addWidget(self.splitter, 1)
        self._detail_buttons()

        self.banner.vote_requested.connect(self.vote)
        self.banner.close_requested.connect(self.manager.close_poll)
        self.new_button.clicked.connect(lambda: self.manager.new_poll())
        self.written_button.clicked.connect(lambda: self.manager.new_poll(written=True))
        self.next_button.clicked.connect(self.manager.open_next)
        self.manager.poll_saved.connect(self.show_saved)
        self.list.currentItemChanged.connect(self._selected)
        for signal in (store.reset, store.polls_changed, store.agenda_changed):
            signal.connect(self.refresh)
        store.reset.connect(self._loaded)
        store.role_changed.connect(self.update_rights)
        commands.availability_changed.connect(self.update_rights)
        store.event_applied.connect(self._event)
        self.refresh()
        on_change(self, self.refresh)  # colours and icons drawn once

    def _detail_buttons(self) -> None:
        self.edit_button = tool_button(self.tr("Edit"), "edit")
        self.delete_button = tool_button(self.tr("Delete"), "remove")
        self.delete_button.setProperty("danger", True)
        self.open_button = tool_button(self.tr("Check and open voting"), "play")
        self.open_button.setProperty("primary", True)
        self.close_button = tool_button(self.tr("Close voting"), "stop")
        self.ballot_button = tool_button(self.tr("Vote"), "vote")
        for button in (self.edit_button, self.delete_button, self.open_button, self.close_button,
                       self.ballot_button):
            self.detail.action_row.addWidget(button)
        self.detail.action_row.addStretch(1)
        self.edit_button.clicked.connect(lambda: self._on_selected(self.manager.edit))
        self.delete_button.clicked.connect(lambda: self._on_selected(self.manager.delete))
        self.open_button.clicked.connect(lambda: self._on_selected(self.manager.open_poll))
        self.close_button.clicked.connect(lambda: self._on_selected(self.manager.close_poll))
        self.ballot_button.clicked.connect(lambda: self._on_selected(self.vote))

    def _on_selected(self, action: Any) -> None:
        if self.detail.poll_id is not None:
            action(self.detail.poll_id)

    def _loaded(self) -> None:
        """A new snapshot: my receipts are kept per server and user."""
        me = self.store.my_user_id
        if self._receipts_path is not None and me is not None and (
                self.book is None or self.book.path != self._receipts_path):
            self.book = ReceiptBook(self._receipts_path, self._server_url, me)
        self.ballots.book = self.detail.book = self.book
        self.update_rights()

    # --- the list --------------------------------------------------------------------------

    def refresh(self) -> None:
        """List the polls by agenda item (then those on no item), keeping the selection."""
        shape = [(p["id"], p["status"], p["question"], self._group(p)) for p in self.store.polls]
        if shape == self._shape and self.store.agenda is self._agenda:
            self.update_rights()  # turnout only: the detail and the banner follow by themselves
            return
        self._shape, self._agenda = shape, self.store.agenda
        selected = self.detail.poll_id
        self.list.blockSignals(True)
        self.list.clear()
        groups: dict[Any, QTreeWidgetItem] = {}
        order = [item["id"] for item in self.store.agenda] + [None, PollKind.WRITTEN]
        titles = {item["id"]: f"{n}. {item['title']}" for n, item in enumerate(self.store.agenda, 1)}
        titles[None] = self.tr("Not on the agenda")
        titles[PollKind.WRITTEN] = self.tr("Written opinions")
        polls = sorted(self.store.polls, key=lambda p: (order.index(self._group(p)), p["id"]))
        for poll in polls:
            group = self._group(poll)
            if group not in groups:
                header = QTreeWidgetItem([titles.get(group, "")])
                header.setFlags(Qt.ItemFlag.ItemIsEnabled)
                header.setFirstColumnSpanned(True)
                font = header.font(0)
                font.setBold(True)
                header.setFont(0, font)
                self.list.addTopLevelItem(header)
                header.setExpanded(True)
                groups[group] = header
            row = QTreeWidgetItem([f"{poll['question']}\n{self._status_line(poll)}"])
            row.setData(0, POLL_ID, poll["id"])
            row.setToolTip(0, poll["question"])
            row.setIcon(0, status_dot(poll["status"]))
            groups[group].addChild(row)
            groups[group].setExpanded(True)
        self.list.blockSignals(False)
        if self._wanted is not None and self.store.poll_by_id(self._wanted) is not None:
            selected, self._wanted = self._wanted, None
        if selected is None or self.store.poll_by_id(selected) is None:
            opened = self.store.open_poll
            selected = opened["id"] if opened else (polls[-1]["id"] if polls else None)
        self.select(selected)
        self.update_rights()

    def retranslate(self) -> None:
        """List the polls again in the new language: a row joins the question (data) and
        its status line (words), which no single message of the catalogue renders."""
        self._shape = [("retranslate",)]  # not the list's shape: it is built again
        self.refresh()

    def _status_line(self, poll: dict[str, Any]) -> str:
        text = status_text(poll["status"])
        result = poll.get("result") or {}
        if poll["status"] == PollStatus.CLOSED and result:
            text += " · " + (self.tr("passed") if result.get("passed") else self.tr("not passed"))
        elif poll["status"] == PollStatus.OPEN and poll.get("kind") == PollKind.WRITTEN:
            text += " · " + self.tr("written")
        return text

    def _group(self, poll: dict[str, Any]) -> Any:
        if poll.get("kind") == PollKind.WRITTEN:
            return PollKind.WRITTEN
        item = poll.get("agenda_item_id")
        return item if item is not None and self.store.item_by_id(item) is not None else None

    def select(self, poll_id: int | None) -> None:
        """Show one poll in the detail."""
        for row in self._rows():
            if row.data(0, POLL_ID) == poll_id:
                self.list.blockSignals(True)
                self.list.setCurrentItem(row)
                self.list.blockSignals(False)
        self.detail.show_poll(poll_id)
        self.update_rights()

    def show_saved(self, poll_id: int) -> None:
        """Select a poll just created or edited, so that "Check and open voting" opens it
        and not the draft shown before; now if the list has it, else when its event comes."""
        if self.store.poll_by_id(poll_id) is not None:
            self._wanted = None
            self.select(poll_id)
        else:
            self._wanted = poll_id

    def _rows(self) -> list[QTreeWidgetItem]:
        """The poll rows of the list (under their group headers)."""
        rows = []
        for n in range(self.list.topLevelItemCount()):
            group = self.list.topLevelItem(n)
            if group is not None:
                rows += [c for c in (group.child(i) for i in range(group.childCount())) if c is not None]
        return rows

    def _selected(self, current: QTreeWidgetItem | None, _previous: Any) -> None:
        poll_id = current.data(0, POLL_ID) if current is not None else None
        if poll_id is not None:
            self.select(int(poll_id))

    # --- rights and actions ----------------------------------------------------------------

    def update_rights(self, *_args: Any) -> None:
        """Show each role only its own buttons (the server checks again)."""
        up = self.commands.available and self.store.loaded
        editor, chair = self.manager.editor, self.manager.chair
        for button in (self.new_button, self.written_button):
            button.setVisible(editor)
            button.setEnabled(up)
        self.next_button.setVisible(chair)
        no_vote_open = not any(p["status"] == PollStatus.OPEN and p.get("kind") != PollKind.WRITTEN
                               for p in self.store.polls)
        self.next_button.setEnabled(up and no_vote_open and self.manager.next_draft() is not None)
        self.banner.set_may_close(chair)
        poll = self.detail.poll
        status = poll["status"] if poll else None
        self.edit_button.setVisible(editor and status == PollStatus.DRAFT)
        self.delete_button.setVisible(editor and status == PollStatus.DRAFT)
        self.open_button.setVisible(chair and status == PollStatus.DRAFT)
        self.close_button.setVisible(chair and status == PollStatus.OPEN and poll is not self.store.open_poll)
        # The poll in the banner has its own "Vote" button there.
        can_vote = (poll is not None and status == PollStatus.OPEN and bool(self.store.still_to_vote(poll))
                    and poll is not self.store.open_poll)
        self.ballot_button.setVisible(can_vote)
        for button in (self.edit_button, self.delete_button, self.open_button, self.close_button,
                       self.ballot_button):
            button.setEnabled(up)

    def vote(self, poll_id: int) -> BallotDialog | None:
        """Open the ballot for a poll (raises it if it is already open)."""
        dialog = self.ballot_dialog
        if dialog is not None and dialog.isVisible() and dialog.poll_id == poll_id:
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        if self.store.poll_by_id(poll_id) is None:
            return None
        dialog = BallotDialog(self.store, self.ballots, poll_id, parent=self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r, d=dialog: self._ballot_closed(d))
        self.ballot_dialog = dialog
        dialog.show()
        return dialog

    def _ballot_closed(self, dialog: BallotDialog) -> None:
        if self.ballot_dialog is dialog:
            self.ballot_dialog = None

    def _event(self, event: dict[str, Any]) -> None:
        kind, data = event.get("type"), event.get("data") or {}
        if kind == ev.POLL_CHANGED:
            poll = self.store.poll_by_id((data.get("poll") or {}).get("id"))
            if poll is not None and poll["status"] == PollStatus.OPEN:  # only drafts change otherwise
                self._opened(poll)
        elif kind == ev.POLL_REMINDER and self.store.my_user_id in (data.get("user_ids") or []):
            poll = self.store.poll_by_id(data.get("poll_id")) or {}
            self.message.emit(self.tr("Reminder: please give your written opinion on “{q}”.").format(
                q=poll.get("question", "")))
        elif kind == ev.POLL_CLOSED:
            self.select(int(data.get("poll_id", 0)) or None)

    def _opened(self, poll: dict[str, Any]) -> None:
        """A vote opened: show it, and open my ballot if I have one to cast."""
        self.select(poll["id"])
        if poll.get("kind") != PollKind.WRITTEN:
            self.focus_requested.emit()
        if self.auto_open and self.store.still_to_vote(poll) and self.ballot_dialog is None:
            self.vote(poll["id"])
