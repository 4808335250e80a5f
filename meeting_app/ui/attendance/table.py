"""The attendance list: participants grouped by site, with attendance, reason and proxy.

Rows of sites I may not record (another site, for a site secretary) are shown greyed and
cannot be selected; for someone who records nothing the list is read-only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from meeting_app.state.models import role_label
from meeting_app.state.sites import SiteSummary, may_manage
from meeting_app.state.store import MeetingStore
from meeting_app.ui.resources import icon
from meeting_app.ui.theme import color
from protocol.attendance import is_member, represented
from protocol.roles import Attendance

USER_ID = Qt.ItemDataRole.UserRole
COLUMNS = 5
STATUS_COLOURS = {Attendance.PRESENT: "success_text", Attendance.ABSENT: "danger",
                  Attendance.EXCUSED: "gold_text", Attendance.UNKNOWN: "disabled_text"}
"""The theme colour of each attendance status."""
REPRESENTED, GREYED = "accent", "disabled"


def attendance_label(status: str | None) -> str:
    """An attendance status in words."""
    labels: dict[str, object] = {Attendance.PRESENT: QT_TRANSLATE_NOOP("attendance", "Present"),
                                 Attendance.ABSENT: QT_TRANSLATE_NOOP("attendance", "Absent"),
                                 Attendance.EXCUSED: QT_TRANSLATE_NOOP("attendance", "Excused"),
                                 Attendance.UNKNOWN: QT_TRANSLATE_NOOP("attendance", "Not recorded")}
    return QCoreApplication.translate(
        "attendance", str(labels.get(status or Attendance.UNKNOWN, labels[Attendance.UNKNOWN])))


class AttendanceTree(QTreeWidget):
    """See the module docstring; ``show_sites`` fills it, keeping the selection."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(COLUMNS)
        self.setAccessibleName(self.tr("Attendance"))
        self.setHeaderLabels([self.tr("Participant"), self.tr("Role"), self.tr("Attendance"),
                              self.tr("Reason"), self.tr("Represented by")])
        self.setRootIsDecorated(False)
        self.setIndentation(10)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    # --- reading -------------------------------------------------------------------------

    def rows(self) -> list[QTreeWidgetItem]:
        """Every participant's row, top to bottom."""
        rows: list[QTreeWidgetItem] = []
        for n in range(self.topLevelItemCount()):
            group = self.topLevelItem(n)
            if group is not None:
                rows.extend(c for m in range(group.childCount()) if (c := group.child(m)) is not None)
        return rows

    def row(self, user_id: int) -> QTreeWidgetItem | None:
        """The row of a participant, or None."""
        return next((item for item in self.rows() if item.data(0, USER_ID) == user_id), None)

    def selected_ids(self) -> list[int]:
        """The user ids of the selected participants, top to bottom."""
        return [int(item.data(0, USER_ID)) for item in self.rows() if item.isSelected()]

    def select(self, user_ids: list[int] | set[int]) -> None:
        """Select these participants (rows that cannot be selected stay unselected)."""
        self.clearSelection()
        for user_id in user_ids:
            item = self.row(user_id)
            if item is not None and item.flags() & Qt.ItemFlag.ItemIsSelectable:
                item.setSelected(True)

    # --- showing -------------------------------------------------------------------------

    def show_sites(self, store: MeetingStore, summaries: list[SiteSummary], manager: bool) -> None:
        """One group per site, its participants below; ``manager``: I record attendance."""
        selected = set(self.selected_ids())
        people = store.participants
        by_id = {p["user_id"]: p for p in people}
        self.clear()
        for summary in summaries:
            group = QTreeWidgetItem(self)
            group.setFirstColumnSpanned(True)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setText(0, self.tr("{name} — {counted}/{members} members present").format(
                name=summary.name, counted=summary.counts.counted, members=summary.counts.members))
            font = QFont(self.font())
            font.setBold(True)
            group.setFont(0, font)
            group.setForeground(0, QBrush(color("accent")))
            group.setBackground(0, QBrush(color("window")))
            editable = manager and may_manage(store, summary.site_id)
            for person in (p for p in people if p["site_id"] == summary.site_id):
                self._add_person(group, person, by_id, manager, editable)
        self.expandAll()
        self.select(selected)

    def _add_person(self, group: QTreeWidgetItem, person: dict[str, Any],
                    by_id: dict[int, dict[str, Any]], manager: bool, editable: bool) -> None:
        status = person.get("attendance", Attendance.UNKNOWN)
        proxy = by_id.get(person.get("proxy_id") or 0)
        status_text, colour = attendance_label(status), STATUS_COLOURS.get(status, GREYED)
        if is_member(person) and represented(person, by_id):
            status_text += self.tr(" (represented)")
            colour = REPRESENTED  # counted, though not there in person
        item = QTreeWidgetItem(group, [person["full_name"], role_label(person["role"]),
                                       status_text, person.get("attendance_reason") or "",
                                       proxy["full_name"] if proxy else ""])
        item.setData(0, USER_ID, person["user_id"])
        item.setIcon(0, icon("user", "success" if person.get("online") else GREYED))
        item.setToolTip(0, self.tr("Online") if person.get("online") else self.tr("Not connected"))
        item.setForeground(2, QBrush(color(colour)))
        if not manager:
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # read-only
        elif not editable:
            # Another site's participant, for a site secretary: shown, not editable.
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            item.setToolTip(0, self.tr("Recorded by that site's secretary"))
            for column in range(COLUMNS):
                item.setForeground(column, QBrush(color(GREYED)))
