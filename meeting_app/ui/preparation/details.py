"""The meeting's details: title, start and end (in local time), place, and, for a new
meeting, its sites (the first one is the central hall)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meeting_app.state.models import parse_time
from meeting_app.ui.widgets import tool_button

DATE_FORMAT = "dd/MM/yyyy HH:mm"


def to_wire(moment: QDateTime) -> str:
    """A local QDateTime as an ISO 8601 UTC string."""
    return datetime.fromtimestamp(moment.toSecsSinceEpoch(), UTC).isoformat().replace("+00:00", "Z")


def from_wire(text: str | None) -> QDateTime | None:
    """A wire time as a local QDateTime."""
    moment = parse_time(text)
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp())) if moment else None


class DetailsForm(QWidget):
    """Edits a meeting's fields; ``values()`` gives the payload of create or update."""

    changed = Signal()

    def __init__(self, creating: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.creating = creating
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(300)
        self.title_edit.setPlaceholderText(self.tr("e.g. Hội nghị giao ban quý IV"))
        start = QDateTime.currentDateTime().addDays(1)
        start.setTime(QTime(8, 0))
        self.starts = self._time_edit(start)
        self.ends = self._time_edit(start.addSecs(3 * 3600))
        self.has_end = QCheckBox(self.tr("Planned end"))
        self.has_end.setChecked(True)
        self.has_end.toggled.connect(self.ends.setEnabled)
        self._start = start
        """The start as last seen: moving it moves the end by as much (the length is kept)."""
        self.starts.dateTimeChanged.connect(self._start_moved)
        self.location_edit = QLineEdit()
        self.location_edit.setMaxLength(300)
        self.location_edit.setPlaceholderText(self.tr("e.g. Phòng họp số 1, trụ sở Bộ"))
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(self.tr("&Title"), self.title_edit)
        form.addRow(self.tr("St&arts"), self.starts)
        end_row = QHBoxLayout()
        end_row.addWidget(self.has_end)
        end_row.addWidget(self.ends, 1)
        form.addRow(self.tr("&Ends"), end_row)
        self._buddy(form, end_row, self.has_end)
        self.ends.setAccessibleName(self.tr("Ends"))
        form.addRow(self.tr("&Place"), self.location_edit)

        self.sites = QListWidget()
        self.sites.setAccessibleName(self.tr("Sites"))
        self.sites.setMaximumHeight(150)
        self.add_site = tool_button(self.tr("Add site"), "add")
        self.remove_site = tool_button(self.tr("Remove site"), "remove")
        self.add_site.clicked.connect(lambda: self._new_site(self.tr("New site")))
        self.remove_site.clicked.connect(self._remove_site)
        site_buttons = QVBoxLayout()
        site_buttons.addWidget(self.add_site)
        site_buttons.addWidget(self.remove_site)
        site_buttons.addStretch(1)
        sites_row = QHBoxLayout()
        sites_row.addWidget(self.sites, 1)
        sites_row.addLayout(site_buttons)
        form.addRow(self.tr("S&ites"), sites_row)
        self._buddy(form, sites_row, self.sites)
        self.sites_hint = QLabel(self.tr("The first site is the central hall. Double-click a "
                                         "name to change it.") if creating else
                                 self.tr("The sites are fixed once the meeting exists."))
        self.sites_hint.setObjectName("hint")
        form.addRow("", self.sites_hint)
        self.my_role = QComboBox()
        # Nothing chosen for the creator: a meeting chaired by its secretary by accident
        # would give her the chair's rights in the room.
        self.my_role.setPlaceholderText(self.tr("Choose…"))
        form.addRow(self.tr("I ta&ke part as"), self.my_role)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

        if creating:
            self._new_site(self.tr("Main hall"))
        for button in (self.add_site, self.remove_site):
            button.setVisible(creating)
        self.my_role.setVisible(creating)
        form.labelForField(self.my_role).setVisible(creating)
        for signal in (self.title_edit.textChanged, self.location_edit.textChanged,
                       self.starts.dateTimeChanged, self.ends.dateTimeChanged,
                       self.has_end.toggled):
            signal.connect(self.changed)

    @staticmethod
    def _buddy(form: QFormLayout, row: QHBoxLayout, field: QWidget) -> None:
        """A row of several controls: its label's mnemonic goes to ``field``."""
        label = form.labelForField(row)
        if isinstance(label, QLabel):
            label.setBuddy(field)

    def _time_edit(self, value: QDateTime) -> QDateTimeEdit:
        edit = QDateTimeEdit(value)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DATE_FORMAT)
        return edit

    def _start_moved(self, start: QDateTime) -> None:
        """The end follows the start, keeping the meeting's length."""
        shift = self._start.msecsTo(start)
        self._start = start
        if shift:
            self.ends.setDateTime(self.ends.dateTime().addMSecs(shift))

    def _new_site(self, name: str) -> None:
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.sites.addItem(item)
        self.sites.setCurrentItem(item)

    def _remove_site(self) -> None:
        if self.sites.count() > 1 and self.sites.currentRow() >= 0:
            self.sites.takeItem(self.sites.currentRow())

    def offer_roles(self, roles: list[tuple[str | None, str]]) -> None:
        """The roles the creator may give themselves (value, label)."""
        self.my_role.clear()
        for value, label in roles:
            self.my_role.addItem(label, value)
        self.my_role.setCurrentIndex(-1)  # the placeholder: the creator chooses

    def fill(self, meeting: dict[str, Any], sites: list[dict[str, Any]]) -> None:
        """Show an existing meeting."""
        self.title_edit.setText(meeting.get("title") or "")
        self.location_edit.setText(meeting.get("location") or "")
        starts, ends = from_wire(meeting.get("starts_at")), from_wire(meeting.get("ends_at"))
        if starts is not None:
            self.starts.setDateTime(starts)  # moves the end too; the meeting's own comes next
        self.has_end.setChecked(ends is not None)
        if ends is not None:
            self.ends.setDateTime(ends)
        self.sites.clear()
        for site in sites:
            self.sites.addItem(QListWidgetItem(site["name"]))

    def problem(self) -> str | None:
        """What keeps the form from being saved, in words; None when it is fine."""
        if not self.title_edit.text().strip():
            return self.tr("Give the meeting a title.")
        if self.has_end.isChecked() and self.ends.dateTime() <= self.starts.dateTime():
            return self.tr("The meeting must end after it starts.")
        if self.creating and self.my_role.count() and self.my_role.currentIndex() < 0:
            return self.tr("Choose the part you take in the meeting (I take part as).")
        names = self.site_names()
        if self.creating and (not names or len(set(names)) != len(names)):
            return self.tr("Every site needs a name, and no two sites may have the same name.")
        return None

    def site_names(self) -> list[str]:
        """The sites typed in, in order, without blank ones."""
        return [self.sites.item(row).text().strip() for row in range(self.sites.count())
                if self.sites.item(row).text().strip()]

    def values(self) -> dict[str, Any]:
        """The fields as ``meeting.create`` (with sites) or ``meeting.update`` take them."""
        values: dict[str, Any] = {
            "title": self.title_edit.text().strip(),
            "starts_at": to_wire(self.starts.dateTime()),
            "location": self.location_edit.text().strip(),
        }
        if self.has_end.isChecked():
            values["ends_at"] = to_wire(self.ends.dateTime())
        elif not self.creating:
            values["ends_at"] = None  # clears a planned end
        if self.creating:
            values["sites"] = self.site_names()
        return values

