"""One speaking queue (requests to speak, or questions), grouped by site, in queue order.

Each request shows its place in the queue (the chair takes them in that order), who asked
and how long they have waited. The site of the speaker holding the floor is highlighted.
The chair grants, moves requests up and down, withdraws; a secretary withdraws (and
reorders, at the central site).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from meeting_app.state.clock import parse_time
from meeting_app.state.floor import queue_of
from meeting_app.ui.floor.actions import FloorActions
from meeting_app.ui.floor.labels import primary_button
from meeting_app.ui.floor.texts import person_name, queue_title, site_name, waited_text
from meeting_app.ui.resources import icon
from meeting_app.ui.theme import color, on_change
from meeting_app.ui.widgets import Panel, tool_button
from protocol.statuses import SpeakerKind

REQUEST_ROLE = Qt.ItemDataRole.UserRole
SITE_ROLE = Qt.ItemDataRole.UserRole + 1


Group = tuple[int | None, list[tuple[int, dict[str, Any]]]]


def grouped_by_site(actions: FloorActions, kind: str) -> list[Group]:
    """``[(site_id, [(place, request), ...]), ...]``: sites in the meeting's order, each with
    its requests in queue order (``place`` is 1-based in the whole queue)."""
    store = actions.store
    queue = list(enumerate(queue_of(store.speakers, kind), start=1))
    order = [site["id"] for site in store.sites]
    site_ids = sorted({r["site_id"] for _p, r in queue},
                      key=lambda s: order.index(s) if s in order else len(order))
    return [(site, [(p, r) for p, r in queue if r["site_id"] == site]) for site in site_ids]


def speaking_site_colour() -> QColor:
    """The background of the site whose speaker holds the floor."""
    return color("gold_pale")



class QueuePanel(Panel):
    """One queue; see the module docstring."""

    def __init__(self, actions: FloorActions, kind: str, parent: QWidget | None = None,
                 compact: bool = False) -> None:
        """``compact``: icon-only Withdraw (a narrow column)."""
        super().__init__(queue_title(kind), "microphone" if kind == SpeakerKind.SPEAK else "info", parent)
        self.floor, self.kind = actions, kind
        store = actions.store
        self.count = QLabel()
        self.count.setObjectName("hint")
        self.title_row.addWidget(self.count)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Requests to speak and questions"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(10)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.body.addWidget(self.tree, 1)
        self.empty = QLabel(self.tr("Nobody is waiting."))
        self.empty.setObjectName("hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(self.empty)

        row = QWidget()
        buttons = QHBoxLayout(row)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(6)
        self.grant_button = primary_button(self.tr("Give the floor"), "microphone",
                                           self.tr("Give the floor to the selected request "
                                                   "(or the first in the queue)"))
        self.up_button = tool_button("", "chevron-up", self.tr("Move up in the queue"))
        self.down_button = tool_button("", "chevron-down", self.tr("Move down in the queue"))
        self.withdraw_button = tool_button("" if compact else self.tr("Withdraw"), "remove",
                                           self.tr("Take the selected request out of the queue"))
        buttons.addWidget(self.grant_button)
        buttons.addStretch(1)
        for button in (self.up_button, self.down_button, self.withdraw_button):
            buttons.addWidget(button)
        self.controls = row
        self.body.addWidget(row)

        self.grant_button.clicked.connect(self.grant)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(+1))
        self.withdraw_button.clicked.connect(self.withdraw)
        self.tree.itemSelectionChanged.connect(self.update_controls)
        for signal in (store.speakers_changed, store.participants_changed, store.sites_changed,
                       store.reset):
            signal.connect(self.refresh)
        actions.rights_changed.connect(self.update_controls)
        self._ticker = QTimer(self, interval=1000)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()
        self.refresh()
        on_change(self, self.refresh)  # colours and icons drawn once

    # --- showing -------------------------------------------------------------------------

    def refresh(self, *_args: Any) -> None:
        """Rebuild the tree from the store, keeping the selected request selected."""
        store = self.floor.store
        selected = self.selected_request()
        keep = selected["id"] if selected else None
        self.tree.clear()
        groups = grouped_by_site(self.floor, self.kind) if store.loaded else []
        speaking_site = store.speaking_site_id if store.loaded else None
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for site_id, requests in groups:
            header = QTreeWidgetItem([f"{site_name(store, site_id)}  ({len(requests)})", ""])
            header.setData(0, SITE_ROLE, site_id)
            header.setFont(0, bold)
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)
            header.setForeground(0, QBrush(color("accent")))
            if site_id is not None and site_id == speaking_site:
                header.setIcon(0, icon("microphone", "danger"))
                header.setToolTip(0, self.tr("The speaker holding the floor is at this site"))
                for column in (0, 1):
                    header.setBackground(column, QBrush(speaking_site_colour()))
            self.tree.addTopLevelItem(header)
            header.setFirstColumnSpanned(True)
            for place, request in requests:
                header.addChild(self._request_item(place, request))
        self.tree.expandAll()
        total = sum(len(requests) for _s, requests in groups)
        self.count.setText(self.tr("{n} waiting").format(n=total))
        self.empty.setVisible(total == 0)
        self.tree.setVisible(total > 0)
        if keep is not None:
            self.select(keep)
        self._tick()
        self.update_controls()

    def _request_item(self, place: int, request: dict[str, Any]) -> QTreeWidgetItem:
        store = self.floor.store
        name = person_name(store, request["user_id"])
        if request["user_id"] == store.my_user_id:
            name = self.tr("{name} (you)").format(name=name)
        item = QTreeWidgetItem([f"{place}.  {name}", ""])
        item.setData(0, REQUEST_ROLE, request["id"])
        item.setData(0, SITE_ROLE, request["site_id"])
        item.setToolTip(0, self.tr("#{place} in the queue, {site}").format(
            place=place, site=site_name(store, request["site_id"])))
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setForeground(1, QBrush(color("muted")))
        if request["user_id"] == store.my_user_id:
            for column in (0, 1):
                item.setBackground(column, QBrush(color("success_pale")))
        return item

    def _tick(self) -> None:
        store = self.floor.store
        if not store.loaded:
            return
        now = store.clock.now()
        requested = {r["id"]: r["requested_at"] for r in store.speakers["queue"]}
        for item in self.request_items():
            moment = requested.get(item.data(0, REQUEST_ROLE))
            if moment:
                text = waited_text((now - parse_time(moment)).total_seconds())
                if item.text(1) != text:
                    item.setText(1, text)

    def request_items(self) -> list[QTreeWidgetItem]:
        """The request rows, in the order shown."""
        items: list[QTreeWidgetItem] = []
        for site in self.site_headers():
            items += [child for i in range(site.childCount()) if (child := site.child(i))]
        return items

    def site_headers(self) -> list[QTreeWidgetItem]:
        """The site rows, in the order shown."""
        return [item for row in range(self.tree.topLevelItemCount())
                if (item := self.tree.topLevelItem(row)) is not None]

    # --- selection and controls ------------------------------------------------------------

    def selected_request(self) -> dict[str, Any] | None:
        """The selected pending request, or None."""
        items = self.tree.selectedItems()
        request_id = items[0].data(0, REQUEST_ROLE) if items else None
        return next((r for r in self.floor.store.speakers["queue"] if r["id"] == request_id), None) \
            if request_id is not None and self.floor.store.loaded else None

    def select(self, request_id: int) -> None:
        """Select a request by id (nothing if it is gone)."""
        for item in self.request_items():
            if item.data(0, REQUEST_ROLE) == request_id:
                self.tree.setCurrentItem(item)
                return
        self.tree.clearSelection()

    def update_controls(self, *_args: Any) -> None:
        """Show and enable what my role and the selection allow."""
        actions = self.floor
        queue = queue_of(actions.store.speakers, self.kind) if actions.store.loaded else []
        selected = self.selected_request()
        ids = [r["id"] for r in queue]
        at = ids.index(selected["id"]) if selected else None
        self.grant_button.setVisible(actions.is_chair)
        self.grant_button.setEnabled(actions.live and bool(queue))
        for button in (self.up_button, self.down_button):
            button.setVisible(actions.may_reorder)
        self.up_button.setEnabled(actions.usable and at is not None and at > 0)
        self.down_button.setEnabled(actions.usable and at is not None and at < len(ids) - 1)
        self.withdraw_button.setVisible(actions.may_act_for_others)
        self.withdraw_button.setEnabled(actions.usable and selected is not None
                                        and actions.may_withdraw(selected))
        self.controls.setVisible(actions.is_chair or actions.may_act_for_others)

    # --- commands ------------------------------------------------------------------------

    def grant(self) -> None:
        """Chair: the floor to the selected request, or to the first in the queue."""
        selected = self.selected_request()
        queue = queue_of(self.floor.store.speakers, self.kind)
        target = selected or (queue[0] if queue else None)
        if target is not None:
            self.floor.grant(request_id=target["id"])

    def withdraw(self) -> None:
        """Take the selected request out of the queue."""
        selected = self.selected_request()
        if selected is not None:
            self.floor.withdraw(selected["id"])

    def _move(self, delta: int) -> None:
        selected = self.selected_request()
        if selected is not None:
            self.floor.move(selected["id"], delta)

    def sizeHint(self) -> QSize:
        return QSize(320, 260)
