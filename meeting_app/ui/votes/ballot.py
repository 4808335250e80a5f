"""The ballot (phiếu biểu quyết): choose, confirm, send, get the receipt.

Three steps in one dialog: the choice (radio buttons for one option, check boxes for
min..max), a confirmation that says in words what will be sent, and the answer (the
receipt, or why it was not confirmed with a retry that re-sends the same ballot). While
it is open, events never rebuild it: they only move the countdown and the turnout line;
if the poll closes meanwhile the dialog says so and nothing can be sent any more.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from meeting_app.state.ballots import RETRYABLE, BallotSender
from meeting_app.state.polls import eligible_count
from meeting_app.state.store import MeetingStore
from meeting_app.ui.votes.texts import choice_hint, countdown_text, secrecy_text, turnout_text
from protocol.statuses import PollStatus

CHOOSE, CONFIRM, SENT = 0, 1, 2


class BallotDialog(QDialog):
    """One ballot for one poll; ``voter_id`` preselects whom it is for (proxy)."""

    def __init__(self, store: MeetingStore, sender: BallotSender, poll_id: int,
                 voter_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.ballots, self.poll_id = store, sender, poll_id
        poll = store.poll_by_id(poll_id) or {}
        self.poll = poll
        self.single = int(poll.get("max_choices") or 1) <= 1
        self.setWindowTitle(self.tr("Ballot"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)

        self.question = QLabel(str(poll.get("question", "")))
        self.question.setObjectName("currentTitle")
        self.question.setWordWrap(True)
        layout.addWidget(self.question)
        self.secrecy = QLabel(secrecy_text(poll))
        self.secrecy.setObjectName("hint")
        layout.addWidget(self.secrecy)
        status = QHBoxLayout()
        self.countdown_label = QLabel()
        self.countdown_label.setObjectName("ballotCountdown")
        self.turnout_label = QLabel()
        self.turnout_label.setObjectName("hint")
        status.addWidget(self.countdown_label)
        status.addStretch(1)
        status.addWidget(self.turnout_label)
        layout.addLayout(status)
        self.closed_label = QLabel(self.tr("Voting on this question has closed: the ballot can no "
                                           "longer be sent."))
        self.closed_label.setObjectName("loginError")
        self.closed_label.setWordWrap(True)
        self.closed_label.hide()
        layout.addWidget(self.closed_label)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._choice_page(poll, voter_id))
        self.stack.addWidget(self._confirm_page())
        self.stack.addWidget(self._sent_page())
        layout.addWidget(self.stack, 1)

        self.closed = False
        store.polls_changed.connect(self._poll_updated)
        sender.acknowledged.connect(self._acknowledged)
        sender.failed.connect(self._failed)
        self._ticker = QTimer(self, interval=1000)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()
        self._poll_updated()
        self._update_choice()
        self._focus_first()

    # --- pages -----------------------------------------------------------------------------

    def _choice_page(self, poll: dict[str, Any], voter_id: int | None) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        voters = self.store.may_vote_as(poll)
        self.voter_combo = QComboBox()
        me = self.store.my_user_id
        for person in voters:
            name = person["full_name"] if person["user_id"] == me else self.tr(
                "{name} (you hold the proxy)").format(name=person["full_name"])
            if self.store.has_voted(poll, person["user_id"]):
                name += " — " + self.tr("voted ✓")
            self.voter_combo.addItem(name, person["user_id"])
        wanted = voter_id if voter_id is not None else next(
            (p["user_id"] for p in self.store.still_to_vote(poll)), me)
        self.voter_combo.setCurrentIndex(max(0, self.voter_combo.findData(wanted)))
        self.voter_row = QWidget()
        row = QHBoxLayout(self.voter_row)
        row.setContentsMargins(0, 0, 0, 0)
        voter_label = QLabel(self.tr("&Ballot for:"))
        voter_label.setBuddy(self.voter_combo)
        row.addWidget(voter_label)
        row.addWidget(self.voter_combo, 1)
        self.voter_row.setVisible(len(voters) > 1 or any(p["user_id"] != me for p in voters))
        layout.addWidget(self.voter_row)

        self.hint = QLabel(choice_hint(poll))
        self.hint.setObjectName("hint")
        layout.addWidget(self.hint)
        self.group = QButtonGroup(self)
        self.group.setExclusive(self.single)
        self.option_buttons: dict[int, QAbstractButton] = {}
        for option in poll.get("options") or []:
            button: QAbstractButton = (QRadioButton if self.single else QCheckBox)(option["text"])
            button.setObjectName("ballotOption")
            button.setProperty("takes_comment", bool(option.get("comment")))
            self.group.addButton(button, int(option["id"]))
            self.option_buttons[int(option["id"])] = button
            layout.addWidget(button)
        self.group.buttonToggled.connect(self._update_choice)
        self.comment_edit = QLineEdit()
        self.comment_edit.setPlaceholderText(self.tr("Your opinion (for the option you chose)"))
        self.comment_edit.setMaxLength(2000)
        layout.addWidget(self.comment_edit)
        self.choice_error = QLabel()
        self.choice_error.setObjectName("hint")
        layout.addWidget(self.choice_error)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.continue_button = QPushButton(self.tr("Continue"))
        self.continue_button.setProperty("primary", True)
        self.continue_button.setDefault(True)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.continue_button)
        layout.addLayout(buttons)
        self.cancel_button.clicked.connect(self.reject)
        self.continue_button.clicked.connect(self.review)
        self.voter_combo.currentIndexChanged.connect(self._update_choice)
        return page

    def _confirm_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("nextTitle")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary_label)
        note = QLabel(self.tr("A ballot cannot be taken back once it is sent."))
        note.setObjectName("hint")
        layout.addWidget(note)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Back"))
        self.confirm_button = QPushButton(self.tr("Confirm and send"))
        self.confirm_button.setProperty("primary", True)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.confirm_button)
        layout.addLayout(buttons)
        self.back_button.clicked.connect(self._back)
        self.confirm_button.clicked.connect(self.send)
        return page

    def _sent_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.answer_label = QLabel()
        self.answer_label.setObjectName("nextTitle")
        self.answer_label.setWordWrap(True)
        self.receipt_label = QLabel()
        self.receipt_label.setObjectName("receipt")
        self.receipt_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.receipt_hint = QLabel(self.tr("Keep this receipt: after the close, the result lists "
                                           "every receipt, so you can check your ballot was counted."))
        self.receipt_hint.setObjectName("hint")
        self.receipt_hint.setWordWrap(True)
        for widget in (self.answer_label, self.receipt_label, self.receipt_hint):
            layout.addWidget(widget)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        self.retry_button = QPushButton(self.tr("Send again"))
        self.retry_button.setToolTip(self.tr("Sends the same ballot again; it can only count once."))
        self.next_button = QPushButton(self.tr("Vote for another member"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setProperty("primary", True)
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.retry_button.clicked.connect(self.retry)
        self.next_button.clicked.connect(self._another)
        self.close_button.clicked.connect(self.accept)
        return page

    def _focus_first(self) -> None:
        """The first control of the choice: whom the ballot is for, else the first option."""
        if self.voter_row.isVisibleTo(self):
            self.voter_combo.setFocus()
        elif self.option_buttons:
            next(iter(self.option_buttons.values())).setFocus()

    # --- the choice ------------------------------------------------------------------------

    @property
    def voter_id(self) -> int:
        """Whom the ballot is for."""
        data = self.voter_combo.currentData()
        return int(data) if data is not None else int(self.store.my_user_id or 0)

    def chosen(self) -> list[int]:
        """The option ids ticked, in the poll's order."""
        return [i for i, b in self.option_buttons.items() if b.isChecked()]

    def _comment_wanted(self) -> bool:
        return any(self.option_buttons[i].property("takes_comment") for i in self.chosen())

    def _problem(self) -> str:
        """Why the ballot cannot go on yet ("" when it can)."""
        low = int(self.poll.get("min_choices") or 1)
        high = int(self.poll.get("max_choices") or 1)
        count = len(self.chosen())
        if self.closed:
            return self.tr("Voting has closed.")
        if self.store.has_voted(self.store.poll_by_id(self.poll_id) or self.poll, self.voter_id) \
                and not self.poll.get("allow_change"):
            return self.tr("A ballot was already cast for this member.")
        if count < low:
            return self.tr("Choose at least {n}.").format(n=low) if low > 1 else self.tr("Choose an option.")
        if count > high:
            return self.tr("Choose at most {n}.").format(n=high)
        return ""

    def _update_choice(self, *_args: Any) -> None:
        high = int(self.poll.get("max_choices") or 1)
        if not self.single:
            # At the maximum, the other boxes cannot be ticked (min..max enforced here too).
            full = len(self.chosen()) >= high
            for button in self.option_buttons.values():
                button.setEnabled(button.isChecked() or not full)
        wanted = self._comment_wanted()
        if wanted != self.comment_edit.isVisibleTo(self):
            self.comment_edit.setVisible(wanted)
            # Grow (or shrink) with it: a squeezed layout clips the Vietnamese diacritics.
            QTimer.singleShot(0, self.adjustSize)
        problem = self._problem()
        # Before the first tick the hint above says enough.
        self.choice_error.setText(problem if self.chosen() or self.closed else "")
        self.continue_button.setEnabled(not problem)
        if not problem and not self.cancel_button.hasFocus():
            # Qt leaves the default with Cancel once Tab has passed it while Continue was
            # still disabled: Enter would then throw the ballot away instead of going on.
            self.continue_button.setDefault(True)

    def summary(self) -> str:
        """What will be sent, in words."""
        texts = [self.option_buttons[i].text() for i in self.chosen()]
        text = self.tr("You vote: {choice}").format(choice=", ".join(texts))
        comment = self.comment_text()
        if comment:
            text += "\n" + self.tr("Your opinion: {comment}").format(comment=comment)
        if self.voter_id != self.store.my_user_id:
            person = self.store.participant(self.voter_id) or {}
            text += "\n" + self.tr("On behalf of {name} (proxy)").format(name=person.get("full_name", ""))
        return text + "\n\n" + self.tr("Confirm?")

    def comment_text(self) -> str | None:
        """The comment sent (only with an option that takes one)."""
        text = self.comment_edit.text().strip()
        return text if text and self._comment_wanted() else None

    def review(self) -> None:
        """Step 2: say what will be sent."""
        if self._problem():
            return
        self.summary_label.setText(self.summary())
        self.stack.setCurrentIndex(CONFIRM)
        self.confirm_button.setFocus()

    def _back(self) -> None:
        """Step 1 again, the choice kept; the focus on Continue, where the user left."""
        self.stack.setCurrentIndex(CHOOSE)
        self.continue_button.setFocus()

    # --- sending ---------------------------------------------------------------------------

    def send(self) -> None:
        """Step 3: send the ballot (a new ballot_id, kept until the server acknowledges it)."""
        if self.closed:
            return
        self.stack.setCurrentIndex(SENT)
        self.close_button.setFocus()  # the page that had the focus is gone
        self._show_waiting()
        self.ballots.vote(self.poll_id, self.voter_id, self.chosen(), self.comment_text(),
                         on_behalf=self.voter_id != self.store.my_user_id)

    def retry(self) -> None:
        """Send the pending ballot again: the same ballot_id, so it counts once."""
        if not self.closed and self.ballots.retry(self.poll_id, self.voter_id):
            self._show_waiting()

    def _show_waiting(self) -> None:
        self.answer_label.setText(self.tr("Sending your ballot…"))
        self.receipt_label.clear()
        self.receipt_hint.hide()
        self.retry_button.hide()
        self.next_button.hide()

    def _acknowledged(self, poll_id: int, voter_id: int, receipt: str) -> None:
        if poll_id != self.poll_id or voter_id != self.voter_id:
            return
        self.answer_label.setText(self.tr("Your ballot was received and counted ✓"))
        self.receipt_label.setText(self.tr("Receipt: {code}").format(code=receipt))
        self.receipt_hint.show()
        self.retry_button.hide()
        others = [p for p in self.store.still_to_vote(self.store.poll_by_id(self.poll_id) or {})
                  if p["user_id"] != voter_id]
        self.next_button.setVisible(bool(others))

    def _failed(self, poll_id: int, voter_id: int, code: str, message: str) -> None:
        if poll_id != self.poll_id or voter_id != self.voter_id:
            return
        if code in RETRYABLE:
            self.answer_label.setText(self.tr("Not confirmed yet: {message} The ballot is kept and "
                                              "sent again when the connection is back.").format(
                                                  message=message))
            self.retry_button.setVisible(not self.closed)
        else:
            self.answer_label.setText(self.tr("The ballot was refused: {message}").format(message=message))
            self.retry_button.hide()

    def _another(self) -> None:
        """Back to step 1 for a member not voted for yet."""
        poll = self.store.poll_by_id(self.poll_id) or {}
        others = [p for p in self.store.still_to_vote(poll)]
        if not others:
            return
        self.voter_combo.setCurrentIndex(max(0, self.voter_combo.findData(others[0]["user_id"])))
        self.group.setExclusive(False)
        for button in self.option_buttons.values():
            button.setChecked(False)
        self.group.setExclusive(self.single)
        self.comment_edit.clear()
        self.stack.setCurrentIndex(CHOOSE)
        self._update_choice()
        self._focus_first()

    # --- live updates (never a reset) ------------------------------------------------------

    def _poll_updated(self) -> None:
        poll = self.store.poll_by_id(self.poll_id)
        if poll is None or poll["status"] != PollStatus.OPEN:
            self._close_down(poll)
            return
        self.turnout_label.setText(turnout_text(int(poll.get("ballots", 0) or 0),
                                                eligible_count(poll, self.store.participants)))
        self._tick()

    def _close_down(self, poll: dict[str, Any] | None) -> None:
        if self.closed:
            return
        self.closed = True
        self.closed_label.setText(self.tr("Voting on this question has closed: the ballot can no "
                                          "longer be sent.") if poll is not None else
                                  self.tr("This poll was withdrawn."))
        self.closed_label.show()
        self.countdown_label.setText(self.tr("Closed"))
        for button in (self.continue_button, self.confirm_button, self.retry_button):
            button.setEnabled(False)
        self.next_button.hide()
        self.ballots.forget(self.poll_id)

    def _tick(self) -> None:
        poll = self.store.poll_by_id(self.poll_id)
        if poll is not None and not self.closed:
            self.countdown_label.setText(countdown_text(poll, self.store.clock))
