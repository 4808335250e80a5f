"""Creating or editing a poll (chair, secretary): the question and its agenda item, the
options, single or multiple choice, named or secret, the majority rule and the quorum, the
countdown; for written opinions, whom to ask, the deadline and the documents attached."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from meeting_app.state.models import parse_time
from meeting_app.state.store import MeetingStore
from meeting_app.ui.commands import CommandSender
from meeting_app.ui.votes.options import OptionsEditor
from meeting_app.ui.votes.texts import RULES, rule_explanation, rule_name, weight_warnings
from protocol import commands as c
from protocol.answers.polls import PollAnswer
from protocol.attendance import is_member
from protocol.statuses import PollKind


def _checklist(rows: list[tuple[str, int]], checked: set[int]) -> QListWidget:
    widget = QListWidget()
    for text, value in rows:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if value in checked else Qt.CheckState.Unchecked)
        widget.addItem(item)
    return widget


def checked_values(widget: QListWidget) -> list[int]:
    """The values of the ticked rows of a check list."""
    return [int(widget.item(r).data(Qt.ItemDataRole.UserRole)) for r in range(widget.count())
            if widget.item(r).checkState() == Qt.CheckState.Checked]


class PollDialog(QDialog):
    """A new poll (``poll`` None) or a draft to edit; sends poll.create / poll.update."""

    saved = Signal(int)
    """The server accepted the poll: its id (the votes tab selects it)."""

    def __init__(self, store: MeetingStore, commands: CommandSender,
                 poll: dict[str, Any] | None = None, written: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.warning_box: QMessageBox | None = None
        """The warning shown after saving, if the server gave one."""
        self.store, self.commands, self.poll = store, commands, poll
        self.setWindowTitle(self.tr("Edit the poll") if poll else self.tr("New poll"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Vote in the meeting"), PollKind.MEETING)
        self.kind_combo.addItem(self.tr("Written opinions (until a deadline)"), PollKind.WRITTEN)
        form.addRow(self.tr("&Kind"), self.kind_combo)
        self.question_edit = QPlainTextEdit()
        self.question_edit.setPlaceholderText(self.tr("The question put to the vote"))
        self.question_edit.setFixedHeight(62)
        self.question_edit.setTabChangesFocus(True)  # a question has no tabs: Tab goes on
        form.addRow(self.tr("&Question"), self.question_edit)
        self.item_combo = QComboBox()
        self.item_combo.addItem(self.tr("No agenda item"), None)
        for n, item in enumerate(store.agenda, 1):
            self.item_combo.addItem(f"{n}. {item['title']}", item["id"])
        current = store.current_item
        self.item_combo.setCurrentIndex(max(0, self.item_combo.findData(current["id"] if current else None)))
        form.addRow(self.tr("Agenda &item"), self.item_combo)
        self.options = OptionsEditor()
        form.addRow(self.tr("O&ptions"), self.options)
        form.addRow(self.tr("Choice"), self._choice_row())
        form.addRow(self.tr("Ballot"), self._ballot_row())
        self.majority_combo = QComboBox()
        for rule in RULES:  # the default first: more than half of all members
            self.majority_combo.addItem(rule_name(rule), rule)
        if poll is not None and poll.get("majority") not in RULES:  # an older rule stays as it was
            self.majority_combo.addItem(rule_name(str(poll.get("majority"))), poll.get("majority"))
        self.rule_hint = QLabel()
        self.rule_hint.setObjectName("hint")
        self.rule_hint.setWordWrap(True)
        form.addRow(self.tr("&Majority"), self.majority_combo)
        form.addRow("", self.rule_hint)
        self.quorum_spin = QSpinBox()
        self.quorum_spin.setRange(0, 100_000)
        self.quorum_spin.setSpecialValueText(self.tr("The meeting's quorum"))
        self.quorum_spin.setSuffix(self.tr(" ballots"))
        self.quorum_spin.setToolTip(self.tr("The fewest ballots for the result to be valid; by default "
                                            "the meeting's quorum rule over the members present."))
        form.addRow(self.tr("Q&uorum"), self.quorum_spin)
        self.seconds_spin = QSpinBox()
        self.seconds_spin.setRange(0, 3600)
        self.seconds_spin.setSingleStep(30)
        self.seconds_spin.setValue(60)
        self.seconds_spin.setSpecialValueText(self.tr("No countdown (closed by the chair)"))
        self.seconds_spin.setSuffix(self.tr(" seconds"))
        form.addRow(self.tr("&Countdown"), self.seconds_spin)
        for spin in (self.quorum_spin, self.seconds_spin):
            spin.setMaximumWidth(300)
        self._written_rows(form, poll)
        self.form = form
        layout.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setObjectName("loginError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.save_button = QPushButton(self.tr("Save") if poll else self.tr("Create poll"))
        self.save_button.setProperty("primary", True)
        # Enter saves from any field but the question (a draft: nothing is put to the vote).
        self.save_button.setDefault(True)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        for spin in (self.min_spin, self.max_spin):
            spin.setFixedWidth(70)
        for signal in (self.kind_combo.currentIndexChanged, self.majority_combo.currentIndexChanged,
                       self.secret_radio.toggled, self.multiple_radio.toggled, self.options.changed):
            signal.connect(self._update)
        if poll is not None:
            self._fill(poll)
        elif written:
            self.kind_combo.setCurrentIndex(1)
        self._update()
        self.kind_combo.setFocus()  # the first field, in reading order

    def _choice_row(self) -> QWidget:
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        self.single_radio = QRadioButton(self.tr("&One option"))
        self.multiple_radio = QRadioButton(self.tr("&Several options, from"))
        self.single_radio.setChecked(True)
        self.min_spin, self.max_spin = QSpinBox(), QSpinBox()
        self.min_spin.setRange(1, 50)
        self.max_spin.setRange(1, 50)
        self.max_spin.setValue(2)
        for widget in (self.single_radio, self.multiple_radio, self.min_spin, QLabel(self.tr("to")),
                       self.max_spin):
            box.addWidget(widget)
        box.addStretch(1)
        return row

    def _ballot_row(self) -> QWidget:
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        self.named_radio = QRadioButton(self.tr("&Named"))
        self.named_radio.setToolTip(self.tr("The result shows who voted what."))
        self.secret_radio = QRadioButton(self.tr("S&ecret"))
        self.secret_radio.setToolTip(self.tr("Nobody, not even the server's administrators, can "
                                             "link a ballot to its voter."))
        self.named_radio.setChecked(True)
        self.allow_change_box = QCheckBox(self.tr("&Voters may change their vote until the close"))
        for widget in (self.named_radio, self.secret_radio, self.allow_change_box):
            box.addWidget(widget)
        box.addStretch(1)
        return row

    def _written_rows(self, form: QFormLayout, poll: dict[str, Any] | None) -> None:
        members = [p for p in self.store.participants if is_member(p)]
        asked = set((poll or {}).get("voter_ids") or [p["user_id"] for p in members])
        self.voters_list = _checklist([(p["full_name"], p["user_id"]) for p in members], asked)
        self.voters_list.setFixedHeight(110)
        form.addRow(self.tr("&Ask"), self.voters_list)
        self.deadline_edit = QDateTimeEdit()
        self.deadline_edit.setCalendarPopup(True)
        self.deadline_edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        deadline = parse_time((poll or {}).get("closes_at")) or (datetime.now(UTC) + timedelta(days=3))
        self.deadline_edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(deadline.timestamp())))
        form.addRow(self.tr("&Deadline"), self.deadline_edit)
        attached = set((poll or {}).get("document_ids") or [])
        self.documents_list = _checklist([(d["title"], d["id"]) for d in self.store.documents], attached)
        self.documents_list.setFixedHeight(80)
        form.addRow(self.tr("Documen&ts"), self.documents_list)
        self.written_rows = [self.voters_list, self.deadline_edit, self.documents_list]

    def _fill(self, poll: dict[str, Any]) -> None:
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(poll.get("kind", PollKind.MEETING))))
        self.question_edit.setPlainText(str(poll.get("question", "")))
        self.item_combo.setCurrentIndex(max(0, self.item_combo.findData(poll.get("agenda_item_id"))))
        self.options.set_options(list(poll.get("options") or []))
        multiple = int(poll.get("max_choices") or 1) > 1
        (self.multiple_radio if multiple else self.single_radio).setChecked(True)
        self.min_spin.setValue(int(poll.get("min_choices") or 1))
        self.max_spin.setValue(int(poll.get("max_choices") or 1) if multiple else 2)
        (self.secret_radio if poll.get("secret") else self.named_radio).setChecked(True)
        self.allow_change_box.setChecked(bool(poll.get("allow_change")))
        self.majority_combo.setCurrentIndex(max(0, self.majority_combo.findData(poll.get("majority"))))
        self.quorum_spin.setValue(int(poll.get("quorum") or 0))
        self.seconds_spin.setValue(int(poll.get("duration_seconds") or 0))

    # --- rules between fields --------------------------------------------------------------

    @property
    def written(self) -> bool:
        return self.kind_combo.currentData() == PollKind.WRITTEN

    def _update(self, *_args: Any) -> None:
        secret = self.secret_radio.isChecked()
        # A secret ballot cannot be found again, so it cannot be changed (the server refuses).
        self.allow_change_box.setEnabled(not secret)
        if secret:
            self.allow_change_box.setChecked(False)
        for spin in (self.min_spin, self.max_spin):
            spin.setEnabled(self.multiple_radio.isChecked())
        self.rule_hint.setText(rule_explanation(str(self.majority_combo.currentData())))
        for widget in self.written_rows:
            empty = widget is self.documents_list and not self.documents_list.count()
            self.form.setRowVisible(widget, self.written and not empty)
        self.form.setRowVisible(self.seconds_spin, not self.written)
        self.adjustSize()

    def problem(self) -> str:
        """What must be fixed before saving ("" when nothing)."""
        if not self.question_edit.toPlainText().strip():
            return self.tr("Write the question.")
        if self.options.custom and len(self.options.options()) < 2:
            return self.tr("Give at least two options.")
        if self.multiple_radio.isChecked():
            if self.min_spin.value() > self.max_spin.value():
                return self.tr("The fewest choices cannot exceed the most.")
            if self.max_spin.value() > self.options.count():
                return self.tr("There are only {n} options to choose from.").format(n=self.options.count())
        if 0 < self.seconds_spin.value() < 10 and not self.written:
            return self.tr("A countdown lasts at least 10 seconds.")
        if self.written:
            if not checked_values(self.voters_list):
                return self.tr("Choose whom to ask.")
            if self.deadline_edit.dateTime().toSecsSinceEpoch() <= datetime.now(UTC).timestamp():
                return self.tr("The deadline must be in the future.")
        return ""

    def payload(self) -> dict[str, Any]:
        """The poll.create payload (poll.update: ``poll_id`` instead of ``meeting_id``)."""
        multiple = self.multiple_radio.isChecked()
        data: dict[str, Any] = {
            "question": " ".join(self.question_edit.toPlainText().split()),
            "kind": PollKind.WRITTEN if self.written else PollKind.MEETING,
            "secret": self.secret_radio.isChecked(),
            "majority": str(self.majority_combo.currentData()),
            "min_choices": self.min_spin.value() if multiple else 1,
            "max_choices": self.max_spin.value() if multiple else 1,
            "allow_change": self.allow_change_box.isChecked(),
        }
        item = self.item_combo.currentData()
        quorum = self.quorum_spin.value() or None
        if self.poll is not None:  # an update: null clears
            data.update(agenda_item_id=item, quorum=quorum,
                        options=self.options.options() if self.options.custom else [])
        else:
            data["meeting_id"] = self.store.meeting["id"]
            data.update({k: v for k, v in (("agenda_item_id", item), ("quorum", quorum)) if v is not None})
            if self.options.custom:
                data["options"] = self.options.options()
        if self.written:
            stamp = self.deadline_edit.dateTime().toSecsSinceEpoch()
            data["closes_at"] = datetime.fromtimestamp(stamp, UTC).isoformat().replace("+00:00", "Z")
            data["voter_ids"] = checked_values(self.voters_list)
            data["document_ids"] = checked_values(self.documents_list)
        elif self.seconds_spin.value():
            data["duration_seconds"] = self.seconds_spin.value()
        if self.poll is not None:
            data["poll_id"] = self.poll["id"]
            data.setdefault("duration_seconds", None)  # null clears
            data.setdefault("closes_at", None)
        return data

    def save(self) -> None:
        """Send the poll; close on success, say why on a refusal."""
        problem = self.problem()
        if problem:
            self.show_error(problem)
            return
        command = self.commands.compose(c.PollUpdate if self.poll is not None else c.PollCreate,
                                        report=False, **self.payload())
        if command is None:  # what the form does not check: the server would refuse it
            self.show_error(self.commands.describe("invalid", ""))
            return
        self.save_button.setEnabled(False)
        self.commands.send(command, on_success=self._saved,
                           on_failure=lambda _code, message: self.show_error(message))

    def _saved(self, answer: PollAnswer) -> None:
        """Saved: close, and tell the chair when the poll's weights give a secret ballot away."""
        self.saved.emit(answer.poll.id)
        warnings = [w.model_dump(mode="json", exclude_unset=True) for w in answer.warnings or []]
        text = weight_warnings(warnings, self.store.participants)
        if text:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Secret vote"), text,
                              QMessageBox.StandardButton.Ok, self.parentWidget())
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.warning_box = box
            box.open()
        self.accept()

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        self.save_button.setEnabled(True)
