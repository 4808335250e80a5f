"""The quorum (túc số) with the rule selector, and the attendance counts by site.

Counted the same way as the server and the CSV export, by ``protocol.attendance``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meeting_app.net.status import ConnectionStatus
from meeting_app.ui.distinct_names import DistinctNamesDelegate
from meeting_app.ui.widgets import Badge, restyle
from protocol.attendance import QUORUM_RULES, Counts, Quorum
from protocol.roles import MeetingStatus

translate = QCoreApplication.translate
"""``translate(context, text)``: the form the translation tools find."""


def rule_name(rule: str) -> str:
    """A quorum rule's short name."""
    names = {"more_than_half": translate("quorum", "More than half"),
             "at_least_half": translate("quorum", "At least half"),
             "two_thirds": translate("quorum", "Two thirds"), "none": translate("quorum", "No quorum")}
    return names.get(rule, rule)


def rule_explanation(rule: str) -> str:
    """What a quorum rule asks for, in a sentence."""
    texts = {
        "more_than_half": translate("quorum", "More than half of the members must be present, in person or "
                              "by proxy (quá nửa)."),
        "at_least_half": translate("quorum", "At least half of the members must be present, in person or "
                             "by proxy (ít nhất một nửa)."),
        "two_thirds": translate("quorum", "At least two thirds of the members must be present, in person or "
                          "by proxy (hai phần ba)."),
        "none": translate("quorum", "The meeting may decide however many members are present."),
    }
    return texts.get(rule, "")


COUNT_FIELDS = ("members", "present", "represented", "absent", "excused", "unknown")


def count_caption(name: str) -> str:
    """The caption of one attendance count."""
    captions = {"members": translate("quorum", "Members"), "present": translate("quorum", "Present"),
                "represented": translate("quorum", "By proxy"), "absent": translate("quorum", "Absent"),
                "excused": translate("quorum", "Excused"), "unknown": translate("quorum", "Unknown")}
    return captions[name]


def count_explanation(name: str) -> str:
    """What one attendance count counts (a tooltip)."""
    texts = {"members": translate("quorum", "Members: the chair and the delegates, who count for the quorum"),
             "present": translate("quorum", "Members present in person"),
             "represented": translate("quorum", "Members absent but represented by a present proxy"),
             "absent": translate("quorum", "Members recorded absent (not represented)"),
             "excused": translate("quorum", "Members absent with leave (not represented)"),
             "unknown": translate("quorum", "Members whose attendance is not recorded yet")}
    return texts[name]


class CountsTable(QTableWidget):
    """Attendance counts: one row per site, then the total; a column per kind of count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COUNT_FIELDS) + 1, parent)
        self.setAccessibleName(self.tr("Attendance by site"))
        self.setHorizontalHeaderLabels([self.tr("Site")] + [count_caption(n) for n in COUNT_FIELDS])
        for column, name in enumerate(COUNT_FIELDS, start=1):
            header_item = self.horizontalHeaderItem(column)
            if header_item is not None:
                header_item.setToolTip(count_explanation(name))
        self.verticalHeader().hide()
        self.setShowGrid(False)
        # Site names told apart when the column is narrow ("…Thái Nguyên", not "Điểm cầu …").
        self.setItemDelegateForColumn(0, DistinctNamesDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(24)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COUNT_FIELDS) + 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def show_counts(self, rows: list[tuple[str, Counts]], total: Counts) -> None:
        """One row per (site name, counts), then the total in bold."""
        self.setRowCount(len(rows) + 1)
        bold = QFont(self.font())
        bold.setBold(True)
        for row, (name, counts) in enumerate([*rows, (self.tr("Total"), total)]):
            cells = [name] + [str(getattr(counts, field)) for field in COUNT_FIELDS]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(name if column == 0 else "")
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if row == len(rows):
                    item.setFont(bold)
                self.setItem(row, column, item)
        # Every row shown when there is room; on a short screen (1280x800 in touch mode) one
        # row stays, and the rest scrolls (so many sites never push the window off the screen).
        height = self.horizontalHeader().height() + 24 * self.rowCount() + 2 * self.frameWidth()
        self.setMaximumHeight(height)
        self.setMinimumHeight(min(height, self.horizontalHeader().height() + 24 + 2 * self.frameWidth()))


class QuorumBox(QFrame):
    """Headline (reached or not), required vs counted, and the rule."""

    rule_chosen = Signal(str)
    """A manager picked another quorum rule."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quorumBox")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(6)
        top = QHBoxLayout()
        self.badge = Badge()
        self.headline = QLabel()
        self.headline.setObjectName("quorumHeadline")
        self.headline.setWordWrap(True)
        self.rule_combo = QComboBox()
        for rule in QUORUM_RULES:
            self.rule_combo.addItem(rule_name(rule), rule)
            self.rule_combo.setItemData(self.rule_combo.count() - 1, rule_explanation(rule),
                                        Qt.ItemDataRole.ToolTipRole)
        self.rule_combo.setToolTip(self.tr("The quorum rule of this meeting"))
        self.rule_caption = QLabel(self.tr("Rule:"))
        top.addWidget(self.badge)
        top.addWidget(self.headline, 1)
        layout.addLayout(top)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setObjectName("hint")
        bottom = QHBoxLayout()
        bottom.addWidget(self.detail, 1)
        bottom.addWidget(self.rule_caption)
        bottom.addWidget(self.rule_combo)
        layout.addLayout(bottom)
        self.rule_combo.activated.connect(
            lambda index: self.rule_chosen.emit(self.rule_combo.itemData(index)))

    def show_quorum(self, quorum: Quorum, editable: bool) -> None:
        """Show the meeting's quorum; ``editable``: the rule can be changed."""
        self.rule_combo.setCurrentIndex(max(0, self.rule_combo.findData(quorum.rule)))
        self.rule_combo.setEnabled(editable)
        if quorum.rule == "none":
            self.badge.setText(self.tr("No quorum rule"))
            self.badge.set_tone(MeetingStatus.SCHEDULED)
            self.headline.setText(self.tr("{counted} of {members} members present").format(
                counted=quorum.counted, members=quorum.members))
            reached: Any = "none"
        else:
            self.badge.setText(self.tr("Quorum reached") if quorum.reached
                               else self.tr("No quorum yet"))
            self.badge.set_tone(ConnectionStatus.CONNECTED if quorum.reached else MeetingStatus.LIVE)
            self.headline.setText(self.tr("{counted} of {members} members present · "
                                          "{required} required").format(
                counted=quorum.counted, members=quorum.members, required=quorum.required))
            reached = "true" if quorum.reached else "false"
        self.detail.setText(f"{rule_name(quorum.rule)}: {rule_explanation(quorum.rule)}")
        if self.headline.property("reached") != reached:
            self.headline.setProperty("reached", reached)
            restyle(self.headline)
