"""Qt item models over the store (agenda, participants by site) and the meetings list.

The models only ever show what the store holds, i.e. what the server confirmed. Dragging
an agenda item does not move a row: it asks for the new order (``reorder_requested``)
and the row moves when the server's ``agenda.changed`` reaches the store.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QStandardItem, QStandardItemModel

from meeting_app.state.formats import date_time_text, time_text
from meeting_app.state.store import MeetingStore
from protocol.roles import MeetingRole, MeetingStatus

Index = QModelIndex | QPersistentModelIndex
USER = Qt.ItemDataRole.UserRole
_STATUS_ORDER = {MeetingStatus.LIVE: 0, MeetingStatus.SCHEDULED: 1, MeetingStatus.ENDED: 2}


translate = QCoreApplication.translate
"""``translate(context, text)``: the form the translation tools find."""


def role_label(role: str | None) -> str:
    """A meeting role in words."""
    labels: dict[str, str] = {MeetingRole.CHAIR: translate("labels", "Chair"),
                              MeetingRole.SECRETARY: translate("labels", "Secretary"),
                              MeetingRole.DELEGATE: translate("labels", "Delegate"),
                              MeetingRole.OBSERVER: translate("labels", "Observer")}
    return labels.get(role or "", translate("labels", "Not a participant"))


def status_label(status: str) -> str:
    """A meeting status in words."""
    labels: dict[str, str] = {MeetingStatus.SCHEDULED: translate("labels", "Upcoming"),
                              MeetingStatus.LIVE: translate("labels", "In session"),
                              MeetingStatus.ENDED: translate("labels", "Ended")}
    return labels.get(status, status)


def parse_time(text: str | None) -> datetime | None:
    """An ISO 8601 time from the wire as an aware datetime (naive ones are UTC)."""
    if not text:
        return None
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def local_time_text(text: str | None, with_date: bool = True) -> str:
    """A wire time shown in the computer's local time zone (in the locale's format)."""
    moment = parse_time(text)
    if moment is None:
        return ""
    return date_time_text(moment) if with_date else time_text(moment)


class MeetingListModel(QAbstractTableModel):
    """The answer of ``meeting.list``: live first, then upcoming, then past meetings."""

    IdRole = USER + 1
    StatusRole = USER + 2
    MyRoleRole = USER + 3
    COLUMNS = ("time", "title", "location", "status", "role")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._meetings: list[dict[str, Any]] = []

    def set_meetings(self, meetings: list[dict[str, Any]]) -> None:
        """Replace the list (sorted for display)."""
        def key(m: dict[str, Any]) -> tuple[int, float]:
            start = parse_time(m.get("starts_at"))
            stamp = start.timestamp() if start else 0.0
            # Upcoming soonest first; past meetings most recent first.
            return _STATUS_ORDER.get(m["status"], 3), -stamp if m["status"] == MeetingStatus.ENDED else stamp

        self.beginResetModel()
        self._meetings = sorted(meetings, key=key)
        self.endResetModel()

    def meeting(self, row: int) -> dict[str, Any]:
        """The meeting shown on ``row``."""
        return self._meetings[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._meetings)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (translate("labels", "Time"), translate("labels", "Meeting"),
                  translate("labels", "Place"), translate("labels", "Status"), translate("labels", "My role"))
        return titles[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m = self._meetings[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "time":
                start, end = local_time_text(m.get("starts_at")), m.get("ends_at")
                return f"{start} – {local_time_text(end, with_date=False)}" if end else start
            if column == "status":
                return status_label(m["status"])
            if column == "role":
                return role_label(m.get("role"))
            return m.get(column) or ""
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return m["title"]
        if role == Qt.ItemDataRole.ForegroundRole:
            # Live meetings stand out; past ones step back.
            if column == "status" and m["status"] == MeetingStatus.LIVE:
                return QColor("#b3261e")
            return QColor("#7b8794") if m["status"] == MeetingStatus.ENDED else None
        if role == Qt.ItemDataRole.FontRole and column == "status" and m["status"] == MeetingStatus.LIVE:
            font = QFont()
            font.setBold(True)
            return font
        return {self.IdRole: m["id"], self.StatusRole: m["status"],
                self.MyRoleRole: m.get("role")}.get(role)


class AgendaModel(QAbstractListModel):
    """The agenda of the open meeting, with the current item marked."""

    ItemIdRole = USER + 1
    CurrentRole = USER + 2
    PresenterRole = USER + 3
    DurationRole = USER + 4
    NumberRole = USER + 5
    MIME_TYPE = "application/x-meeting-agenda-items"

    reorder_requested = Signal(list)
    """The item ids in the order a drag and drop asked for."""

    def __init__(self, store: MeetingStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._items: list[dict[str, Any]] = list(store.agenda)
        self._current: int | None = store.meeting["current_item_id"] if store.loaded else None
        self._reorderable = False
        store.reset.connect(self._reload)
        store.agenda_changed.connect(self._reload)
        store.current_item_changed.connect(self._current_moved)

    def set_reorderable(self, reorderable: bool) -> None:
        """Allow dragging items (for those who may edit the agenda)."""
        self._reorderable = reorderable

    def _reload(self) -> None:
        self.beginResetModel()
        self._items = list(self._store.agenda)
        self._current = self._store.meeting["current_item_id"] if self._store.loaded else None
        self.endResetModel()

    def _current_moved(self, item_id: int | None) -> None:
        rows = [self.row_of(i) for i in (self._current, item_id)]
        self._current = item_id
        for row in rows:
            if row is not None:
                self.dataChanged.emit(self.index(row), self.index(row))

    def row_of(self, item_id: int | None) -> int | None:
        """The row of an item id, or None."""
        return next((row for row, item in enumerate(self._items) if item["id"] == item_id), None)

    def item_ids(self) -> list[int]:
        """The item ids in the order shown."""
        return [item["id"] for item in self._items]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return item["title"]
        return {self.ItemIdRole: item["id"], self.CurrentRole: item["id"] == self._current,
                self.PresenterRole: item.get("presenter"),
                self.DurationRole: item.get("duration_min"),
                self.NumberRole: index.row() + 1}.get(role)

    # --- drag and drop: asks, never moves ----------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if self._reorderable else Qt.ItemFlag.NoItemFlags
        if self._reorderable:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags | Qt.ItemFlag.ItemNeverHasChildren

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [self.MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        ids = [self._items[i.row()]["id"] for i in sorted(indexes, key=lambda i: i.row())]
        data.setData(self.MIME_TYPE, json.dumps(ids).encode())
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        return self._reorderable and data.hasFormat(self.MIME_TYPE)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        """Emit the order the drop asks for; return False so the view removes nothing."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        moved = [i for i in json.loads(bytes(data.data(self.MIME_TYPE).data())) if i in
                 self.item_ids()]
        # Dropped onto an item: before it; on the empty area below the list: at the end.
        target = parent.row() if parent.isValid() else (row if row >= 0 else len(self._items))
        before = self.item_ids()
        insert_at = target - sum(1 for i in before[:target] if i in moved)
        rest = [i for i in before if i not in moved]
        order = rest[:insert_at] + moved + rest[insert_at:]
        if moved and order != before:
            self.reorder_requested.emit(order)
        return False


class ParticipantsModel(QStandardItemModel):
    """Participants grouped by site (a tree: sites, then their participants)."""

    KindRole = USER + 1
    """``"site"`` or ``"participant"``."""
    IdRole = USER + 2
    """The site id, or the participant's user id."""
    OnlineRole = USER + 3
    RoleRole = USER + 4
    AttendanceRole = USER + 5
    CentralRole = USER + 6
    OnlineCountRole = USER + 7
    """For a site: how many of its participants are online."""
    CountRole = USER + 8
    """For a site: how many participants it has."""
    NO_SITE = 0

    def __init__(self, store: MeetingStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._shape: list[tuple[int, list[int]]] = []
        for signal in (store.reset, store.participants_changed, store.sites_changed):
            signal.connect(self.refresh)
        self.refresh()

    def _groups(self) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
        sites = list(self._store.sites)
        known = {site["id"] for site in sites}
        people = self._store.participants
        groups = [(site, [p for p in people if p["site_id"] == site["id"]]) for site in sites]
        homeless = [p for p in people if p["site_id"] not in known]
        if homeless:
            groups.append(({"id": self.NO_SITE, "name": translate("labels", "No site"), "is_central": False,
                            "online": any(p["online"] for p in homeless)}, homeless))
        return groups

    def refresh(self) -> None:
        """Show the store's participants; update rows in place when nobody moved."""
        groups = self._groups()
        shape = [(site["id"], [p["user_id"] for p in people]) for site, people in groups]
        if shape != self._shape:
            # Someone joined, left or changed site: rebuild (views re-expand on reset).
            self._shape = shape
            self.clear()
            for _site, people in groups:
                site_item = QStandardItem()
                site_item.setEditable(False)
                site_item.appendRows([self._new_item() for _ in people])
                self.appendRow(site_item)
        for row, (site, people) in enumerate(groups):
            site_item = self.item(row)
            self._fill_site(site_item, site, people)
            for child_row, person in enumerate(people):
                self._fill_person(site_item.child(child_row), person)

    @staticmethod
    def _new_item() -> QStandardItem:
        item = QStandardItem()
        item.setEditable(False)
        return item

    def _fill_site(self, item: QStandardItem, site: dict[str, Any],
                   people: list[dict[str, Any]]) -> None:
        # The tooltip: the whole name where the panel shows it shortened.
        values = {Qt.ItemDataRole.DisplayRole: site["name"], Qt.ItemDataRole.ToolTipRole: site["name"],
                  self.KindRole: "site",
                  self.IdRole: site["id"], self.OnlineRole: bool(site.get("online")),
                  self.CentralRole: bool(site.get("is_central")),
                  self.OnlineCountRole: sum(1 for p in people if p["online"]),
                  self.CountRole: len(people)}
        self._set(item, values)

    def _fill_person(self, item: QStandardItem, person: dict[str, Any]) -> None:
        values = {Qt.ItemDataRole.DisplayRole: person["full_name"],
                  Qt.ItemDataRole.ToolTipRole: person["full_name"], self.KindRole: "participant",
                  self.IdRole: person["user_id"], self.OnlineRole: bool(person["online"]),
                  self.RoleRole: person["role"], self.AttendanceRole: person.get("attendance")}
        self._set(item, values)

    @staticmethod
    def _set(item: QStandardItem, values: dict[int, Any]) -> None:
        # setData emits dataChanged only for values that really changed.
        for role, value in values.items():
            if item.data(role) != value:
                item.setData(value, role)
