"""One poll in detail: its settings, the turnout while open, and after the close the
verdict, the chart, the quorum, the receipts (with the check of mine) and, for named
polls, who voted what. Before the close nothing shows any choice, for any poll."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meeting_app.state.models import local_time_text
from meeting_app.state.polls import asked, eligible_count, option_text, turnout_by_site
from meeting_app.state.store import MeetingStore
from meeting_app.ui.votes.chart import ResultChart
from meeting_app.ui.votes.receipts import ReceiptBook
from meeting_app.ui.votes.texts import (
    choice_hint,
    quorum_text,
    rule_name,
    status_text,
    status_tone,
    verdict_text,
)
from meeting_app.ui.widgets import Badge
from protocol.statuses import PollKind, PollStatus


def _label(name: str = "", wrap: bool = True) -> QLabel:
    label = QLabel()
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    return label


class PollDetail(QWidget):
    """The selected poll; ``show_poll(id)`` chooses it, the store keeps it current."""

    def __init__(self, store: MeetingStore, book: ReceiptBook | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.book = store, book
        self.poll_id: int | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(14, 10, 14, 10)
        self.body = QWidget()
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.item_label = _label("currentCaption")
        self.status_badge = Badge()
        top.addWidget(self.item_label, 1)
        top.addWidget(self.status_badge, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.question = _label("nextTitle")
        self.settings = _label("hint")
        self.action_row = QHBoxLayout()  # the manager's buttons go here (see manage.py)
        self.turnout = _label()
        self.sites = _label("hint")
        self.people_caption = _label("panelTitle")
        self.people = _label()
        self.verdict = _label("verdict")
        self.quorum = _label()
        self.chart = ResultChart()
        self.receipt_check = _label("receiptCheck")
        self.receipts_caption = _label("panelTitle")
        self.receipts = QPlainTextEdit()
        self.receipts.setReadOnly(True)
        self.receipts.setFixedHeight(76)
        self.receipts.setFont(QFont("DejaVu Sans Mono", 9))
        self.votes_caption = _label("panelTitle")
        self.votes = QTreeWidget()
        self.votes.setAccessibleName(self.tr("Who voted what"))
        self.votes.setHeaderLabels([self.tr("Member"), self.tr("Vote"), self.tr("Opinion")])
        self.votes.setRootIsDecorated(False)
        self.votes.setMinimumHeight(140)
        layout.addWidget(self.question)
        layout.addWidget(self.settings)
        layout.addLayout(self.action_row)
        for widget in (self.turnout, self.sites, self.verdict, self.quorum, self.chart,
                       self.people_caption, self.people, self.receipt_check, self.receipts_caption,
                       self.receipts, self.votes_caption, self.votes):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.empty = _label("hint")
        self.empty.setText(self.tr("Choose a poll in the list."))
        outer.addWidget(self.body, 1)
        outer.addWidget(self.empty)
        outer.addStretch(0)
        store.polls_changed.connect(self.refresh)
        store.participants_changed.connect(self.refresh)
        self.refresh()

    @property
    def poll(self) -> dict[str, Any] | None:
        return self.store.poll_by_id(self.poll_id)

    def show_poll(self, poll_id: int | None) -> None:
        """Show another poll (or none)."""
        self.poll_id = poll_id
        self.refresh()

    def refresh(self) -> None:
        """Show the store's version of the poll."""
        poll = self.poll
        self.body.setVisible(poll is not None)
        self.empty.setVisible(poll is None)
        if poll is None:
            return
        item = self.store.item_by_id(poll["agenda_item_id"]) if poll.get("agenda_item_id") else None
        kind = self.tr("WRITTEN OPINIONS") if poll.get("kind") == PollKind.WRITTEN else self.tr("VOTE")
        self.item_label.setText(f"{kind} · {item['title']}" if item else kind)
        self.status_badge.setText(status_text(poll["status"]))
        self.status_badge.set_tone(status_tone(poll["status"]))
        self.question.setText(poll["question"])
        self.settings.setText(self._settings(poll))
        status = poll["status"]
        self._show_turnout(poll, visible=status != PollStatus.DRAFT)
        self._show_people(poll)
        self._show_result(poll if status == PollStatus.CLOSED else None)

    def _settings(self, poll: dict[str, Any]) -> str:
        parts = [self.tr("Secret ballot") if poll.get("secret") else self.tr("Named vote"),
                 rule_name(str(poll.get("majority"))), choice_hint(poll)]
        if poll.get("quorum"):
            parts.append(self.tr("quorum {n} ballots").format(n=poll["quorum"]))
        if poll.get("allow_change"):
            parts.append(self.tr("votes may be changed"))
        if poll.get("kind") == PollKind.WRITTEN and poll.get("closes_at"):
            parts.append(self.tr("deadline {time}").format(time=local_time_text(poll["closes_at"])))
        elif poll.get("duration_seconds") and poll["status"] == PollStatus.DRAFT:
            parts.append(self.tr("countdown {n} s").format(n=poll["duration_seconds"]))
        titles = [d["title"] for d in self.store.documents if d["id"] in (poll.get("document_ids") or [])]
        if titles:
            parts.append(self.tr("documents: {titles}").format(titles=", ".join(titles)))
        return " · ".join(parts)

    def _show_turnout(self, poll: dict[str, Any], visible: bool) -> None:
        self.turnout.setVisible(visible)
        self.sites.setVisible(visible and poll.get("kind") != PollKind.WRITTEN)
        if not visible:
            return
        result = poll.get("result") or {}
        # After the close the result's numbers are final (attendance may change later).
        eligible = result.get("eligible", eligible_count(poll, self.store.participants))
        ballots = result.get("ballots", poll.get("ballots", 0))
        self.turnout.setText(self.tr("Turnout: {n} of {m} ballots").format(n=ballots, m=eligible))
        rows = turnout_by_site(poll, self.store.participants, self.store.sites)
        self.sites.setText("   ".join(f"{name}: {n}/{m}" for name, n, m in rows))

    def _show_people(self, poll: dict[str, Any]) -> None:
        """Written polls: who has answered and who has not (never what)."""
        written = poll.get("kind") == PollKind.WRITTEN and poll["status"] != PollStatus.DRAFT
        self.people_caption.setVisible(written)
        self.people.setVisible(written)
        if not written:
            return
        voted = set(poll.get("voted") or [])
        people = [p for p in self.store.participants if asked(poll, p)]
        answered = [p["full_name"] for p in people if p["user_id"] in voted]
        waiting = [p["full_name"] for p in people if p["user_id"] not in voted]
        self.people_caption.setText(self.tr("Answers"))
        self.people.setText(self.tr("Answered ({n}): {names}").format(
            n=len(answered), names=", ".join(answered) or "—") + "\n" + self.tr(
            "Not yet answered ({n}): {names}").format(n=len(waiting), names=", ".join(waiting) or "—"))

    def _show_result(self, poll: dict[str, Any] | None) -> None:
        result = (poll or {}).get("result")
        for widget in (self.verdict, self.quorum, self.chart, self.receipt_check,
                       self.receipts_caption, self.receipts):
            widget.setVisible(bool(result))
        named = bool(result and not (poll or {}).get("secret") and result.get("votes"))
        self.votes_caption.setVisible(named)
        self.votes.setVisible(named)
        if not result or poll is None:
            self.chart.set_result({})
            return
        self.verdict.setText(verdict_text(result, poll))
        self.verdict.setProperty("passed", bool(result.get("passed")))
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
        self.quorum.setText(quorum_text(result, poll.get("quorum")))
        self.chart.set_result(result, poll)
        receipts = [str(r) for r in result.get("receipts") or []]
        self.receipts_caption.setText(self.tr("Receipts ({n})").format(n=len(receipts)))
        self.receipts.setPlainText("  ".join(receipts))
        self.receipt_check.setText(self._receipt_check(poll["id"], receipts))
        comments = result.get("comments") or []
        if comments and poll.get("secret"):
            self.receipts.appendPlainText("\n" + self.tr("Opinions:") + "\n" + "\n".join(
                f"– {c['text']}" for c in comments))
        if named:
            self._fill_votes(poll, result)

    def _receipt_check(self, poll_id: int, receipts: list[str]) -> str:
        found, kept = self.book.check(poll_id, receipts) if self.book is not None else (0, 0)
        if not kept:
            return self.tr("No receipt of yours is kept on this computer for this poll.")
        if found == kept:
            return self.tr("Your receipt is in the list ✓") if kept == 1 else self.tr(
                "Your {n} receipts are in the list ✓").format(n=kept)
        return self.tr("✗ {missing} of your {n} receipts are NOT in the list: tell the secretary.").format(
            missing=kept - found, n=kept)

    def _fill_votes(self, poll: dict[str, Any], result: dict[str, Any]) -> None:
        self.votes_caption.setText(self.tr("Who voted what"))
        self.votes.clear()
        for vote in result.get("votes") or []:
            person = self.store.participant(vote.get("user_id")) or {}
            choice = ", ".join(option_text(poll, i) for i in vote.get("option_ids") or [])
            row = QTreeWidgetItem([person.get("full_name", f"#{vote.get('user_id')}"), choice,
                                   vote.get("comment") or ""])
            self.votes.addTopLevelItem(row)
        self.votes.resizeColumnToContents(0)
