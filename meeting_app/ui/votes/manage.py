"""Running the votes (chair; drafts also the secretary): create, edit and delete drafts,
the "ready to vote" check before opening, open, close, and "open the next" to vote several
items in order. Every change comes back as an event; nothing here changes what is shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from meeting_app.state.store import MeetingStore
from meeting_app.ui.commands import CommandSender
from meeting_app.ui.votes.create import PollDialog
from meeting_app.ui.votes.texts import weight_warnings
from meeting_app.ui.widgets import ask
from protocol import commands as c
from protocol.roles import MeetingRole
from protocol.statuses import PollKind, PollStatus


def check_text(check: dict[str, Any]) -> str:
    """The answer of poll.check in words."""
    translate = QCoreApplication.translate
    lines = [translate("votes", "Ready to vote.") if check.get("ready")
             else translate("votes", "Not ready to vote:")]
    lines += [f"• {problem}" for problem in check.get("problems") or []]
    lines.append(translate("votes", "Members: {m}; may vote now: {e} ({o} online).").format(
        m=check.get("members", 0), e=check.get("eligible", 0), o=check.get("online_eligible", 0)))
    quorum = check.get("quorum") or {}
    if quorum:
        state = translate("votes", "reached") if quorum.get("reached") else translate("votes", "NOT reached")
        lines.append(translate("votes", "Meeting quorum: {counted} of {required} needed, {state}.").format(
            counted=quorum.get("counted", 0), required=quorum.get("required", 0), state=state))
    return "\n".join(lines)


class PollManager(QObject):
    """The chair's and the secretary's commands on polls."""

    poll_saved = Signal(int)
    """A poll was created or edited (its id): the tab shows it, not the one shown before."""

    def __init__(self, store: MeetingStore, commands: CommandSender, window: QWidget,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store, self.commands, self.window = store, commands, window
        self.dialog: PollDialog | None = None
        self.check_box: QMessageBox | None = None
        self.close_box: QMessageBox | None = None

    @property
    def editor(self) -> bool:
        """May create, edit and delete drafts."""
        return self.store.my_role in (MeetingRole.CHAIR, MeetingRole.SECRETARY)

    @property
    def chair(self) -> bool:
        """May open and close votes."""
        return self.store.my_role == MeetingRole.CHAIR

    # --- drafts ----------------------------------------------------------------------------

    def new_poll(self, written: bool = False) -> PollDialog:
        """The dialog for a new poll (a vote, or written opinions)."""
        return self._show(PollDialog(self.store, self.commands, written=written, parent=self.window))

    def edit(self, poll_id: int) -> PollDialog | None:
        poll = self.store.poll_by_id(poll_id)
        if poll is None or poll["status"] != PollStatus.DRAFT:
            return None
        return self._show(PollDialog(self.store, self.commands, poll, parent=self.window))

    def _show(self, dialog: PollDialog) -> PollDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog = dialog
        dialog.saved.connect(self.poll_saved)
        dialog.open()
        return dialog

    def delete(self, poll_id: int) -> None:
        poll = self.store.poll_by_id(poll_id)
        if poll is None:
            return
        ask(self.window, self.tr("Delete the poll"),
            self.tr("Delete the draft “{q}”?").format(q=poll["question"]),
            lambda: self.commands.send(c.PollDelete(poll_id=poll_id)), self.tr("Delete"))

    # --- voting ----------------------------------------------------------------------------

    def open_poll(self, poll_id: int) -> None:
        """Check the poll is ready, show the answer, and open it when the chair agrees."""
        # The check is read as a dict with the fields the server sent (``check_text``).
        self.commands.send(c.PollCheck(poll_id=poll_id), on_success=lambda check: self._confirm_open(
            poll_id, check.model_dump(mode="json", exclude_unset=True)))

    def _confirm_open(self, poll_id: int, check: dict[str, Any]) -> None:
        poll = self.store.poll_by_id(poll_id) or {}
        ready = bool(check.get("ready"))
        box = QMessageBox(QMessageBox.Icon.Question if ready else QMessageBox.Icon.Warning,
                          self.tr("Open the vote"), poll.get("question", ""),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self.window)
        warning = weight_warnings(check.get("warnings") or [], self.store.participants)
        if warning:
            box.setIcon(QMessageBox.Icon.Warning)
        box.setInformativeText("\n\n".join(filter(None, [check_text(check), warning])))
        box.button(QMessageBox.StandardButton.Yes).setText(
            self.tr("Open voting") if ready else self.tr("Open anyway"))
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def clicked(button: QAbstractButton) -> None:
            if box.standardButton(button) == QMessageBox.StandardButton.Yes:
                self.commands.send(c.PollOpen(poll_id=poll_id))

        box.buttonClicked.connect(clicked)
        self.check_box = box
        box.open()

    def close_poll(self, poll_id: int) -> None:
        """Ask, then close the vote now (before its countdown ends)."""
        self.close_box = ask(self.window, self.tr("Close the vote"),
            self.tr("Close the vote now? Ballots not yet sent will not count."),
            lambda: self.commands.send(c.PollClose(poll_id=poll_id)), self.tr("Close voting"))

    def next_draft(self) -> dict[str, Any] | None:
        """The next draft vote in agenda order (then by creation), or None."""
        positions = {item["id"]: n for n, item in enumerate(self.store.agenda)}
        drafts = [p for p in self.store.polls
                  if p["status"] == PollStatus.DRAFT and p.get("kind") != PollKind.WRITTEN]
        drafts.sort(key=lambda p: (positions.get(p.get("agenda_item_id"), len(positions)), p["id"]))
        return drafts[0] if drafts else None

    def open_next(self) -> None:
        """Open the next draft (after the check), if no vote is open."""
        poll = self.next_draft()
        if poll is not None and self.store.open_poll is None:
            self.open_poll(poll["id"])
