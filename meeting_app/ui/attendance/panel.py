"""The attendance tab (điểm danh): check in, who is present by site, the quorum.

Everyone sees the counts and the list and can check themselves in; a member (the chair, a
delegate) names their own proxy. The chair and the secretaries record attendance
(present, absent, excused with a reason) and the quorum rule, and export the list as CSV;
a site secretary only for their own site (their other rows are disabled; the server
refuses them anyway). A present, online participant is marked absent only by the chair,
and only the chair names a proxy for a member, from the member's written authorisation.
As everywhere in the room, the panel shows what the store holds: a change shows once the
server's event arrives.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meeting_app.state.rights import acts_as_chair, may_name_own_proxy, why_not_mark_absent
from meeting_app.state.sites import managed_sites, may_manage, site_summaries
from meeting_app.state.store import MeetingStore
from meeting_app.ui.attendance.dialogs import ProxyDialog, ReasonDialog, proxy_candidates
from meeting_app.ui.attendance.export import AttendanceExporter
from meeting_app.ui.attendance.quorum import CountsTable, QuorumBox
from meeting_app.ui.attendance.table import AttendanceTree
from meeting_app.ui.commands import CommandSender
from meeting_app.ui.resources import icon
from meeting_app.ui.session import Session
from meeting_app.ui.theme import on_change
from meeting_app.ui.widgets import tool_button
from protocol import commands as c
from protocol.attendance import count, is_member, quorum
from protocol.roles import Attendance


class AttendancePanel(QWidget):
    """See the module docstring."""

    message = Signal(str, str)
    """(text, tone "info" | "error") for the window's message bar."""

    def __init__(self, store: MeetingStore, sender: CommandSender, session: Session,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store, self._sender = store, sender
        self._admin = session.is_admin
        self.exporter = AttendanceExporter(session, self)
        self.reason_dialog: ReasonDialog | None = None
        self.proxy_dialog: ProxyDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(10)

        self.banner = QFrame()
        self.banner.setObjectName("checkInBanner")
        banner_row = QHBoxLayout(self.banner)
        banner_row.setContentsMargins(12, 8, 12, 8)
        self.banner_text = QLabel(self.tr("You have not checked in yet: check in to be "
                                          "recorded as present at this meeting."))
        self.banner_text.setWordWrap(True)
        self.check_in_button = tool_button(self.tr("Check in"), "check-in")
        self.check_in_button.setProperty("primary", True)
        self.check_in_button.setIconSize(QSize(20, 20))
        self.check_in_button.setIcon(icon("check-in", "on_accent"))
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(self.check_in_button)
        layout.addWidget(self.banner)

        self.quorum = QuorumBox()
        layout.addWidget(self.quorum)
        self.counts = CountsTable()
        layout.addWidget(self.counts)
        self.scope_hint = QLabel()
        self.scope_hint.setObjectName("hint")
        self.scope_hint.setWordWrap(True)
        layout.addWidget(self.scope_hint)

        # A member names their own proxy (ủy quyền): nobody else may, but the chair from
        # their written authorisation.
        self.member_bar = QWidget()
        member_row = QHBoxLayout(self.member_bar)
        member_row.setContentsMargins(0, 0, 0, 0)
        self.my_proxy_label = QLabel()
        self.my_proxy_label.setWordWrap(True)
        self.my_proxy_button = tool_button(self.tr("My proxy…"), "users",
                                           self.tr("Name who represents you if you cannot attend"))
        member_row.addWidget(self.my_proxy_label, 1)
        member_row.addWidget(self.my_proxy_button)
        layout.addWidget(self.member_bar)

        self.tree = AttendanceTree()
        # Its header and a row at least (Qt's default minimum is taller): with the banners
        # and the counts above, the tab fits a 1280x800 screen in touch mode.
        self.tree.setMinimumHeight(56)
        layout.addWidget(self.tree, 1)

        self.action_bar = QWidget()
        rows = QVBoxLayout(self.action_bar)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(6)
        row, second = QHBoxLayout(), QHBoxLayout()
        rows.addLayout(row)
        rows.addLayout(second)
        self.present_button = tool_button(self.tr("Present"), "check-in",
                                          self.tr("Mark the selected participants present"))
        self.absent_button = tool_button(self.tr("Absent…"), "close",
                                         self.tr("Mark absent, with a reason if one is given"))
        self.excused_button = tool_button(self.tr("Excused…"), "info",
                                          self.tr("Absent with leave, with the reason"))
        self.proxy_button = tool_button(self.tr("Proxy…"), "users",
                                        self.tr("Record who represents the selected member, "
                                                "from their written authorisation"))
        self.online_button = tool_button(self.tr("All online present"), "connected",
                                         self.tr("Mark everyone online (that you manage) present"))
        self.export_button = tool_button(self.tr("Export CSV"), "export",
                                         self.tr("Save the attendance list for the minutes"))
        # Two rows, so that the panel fits the centre of a 1360 px wide room window.
        for button in (self.present_button, self.absent_button, self.excused_button,
                       self.proxy_button):
            row.addWidget(button)
        row.addStretch(1)
        second.addWidget(self.online_button)
        second.addStretch(1)
        second.addWidget(self.export_button)
        layout.addWidget(self.action_bar)
        self.refusal = QLabel()
        self.refusal.setObjectName("hint")
        self.refusal.setWordWrap(True)
        layout.addWidget(self.refusal)

        self.check_in_button.clicked.connect(self.check_in)
        self.present_button.clicked.connect(lambda: self.mark_selected(Attendance.PRESENT))
        self.absent_button.clicked.connect(lambda: self.ask_reason(Attendance.ABSENT))
        self.excused_button.clicked.connect(lambda: self.ask_reason(Attendance.EXCUSED))
        self.proxy_button.clicked.connect(self.ask_proxy)
        self.my_proxy_button.clicked.connect(self.ask_my_proxy)
        self.online_button.clicked.connect(self.mark_online_present)
        self.export_button.clicked.connect(lambda: self.export_csv())
        self.quorum.rule_chosen.connect(self.set_rule)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.exporter.finished.connect(
            lambda path: self.message.emit(self.tr("Attendance list saved to {path}").format(
                path=path), "info"))
        self.exporter.failed.connect(lambda text: self.message.emit(text, "error"))
        self.exporter.finished.connect(self._update_buttons)
        self.exporter.failed.connect(self._update_buttons)
        for signal in (store.reset, store.participants_changed, store.sites_changed,
                       store.meeting_changed, store.role_changed):
            signal.connect(self.refresh)
        sender.availability_changed.connect(self._update_buttons)
        self.refresh()
        on_change(self, self.refresh)  # the tree's colours are set once per fill

    # --- reading -------------------------------------------------------------------------

    @property
    def manager(self) -> bool:
        """Whether I record attendance (chair, secretary)."""
        return managed_sites(self._store) != set()

    def selected_ids(self) -> list[int]:
        """The user ids of the selected participants, top to bottom."""
        return self.tree.selected_ids()

    def row(self, user_id: int) -> QTreeWidgetItem | None:
        """The row of a participant, or None."""
        return self.tree.row(user_id)

    def select(self, user_ids: list[int]) -> None:
        """Select these participants (those I may not edit stay unselected)."""
        self.tree.select(user_ids)

    # --- showing -------------------------------------------------------------------------

    def refresh(self, *_args: Any) -> None:
        """Show the store's attendance."""
        store = self._store
        people = store.participants
        me = store.participant(store.my_user_id)
        self.banner.setVisible(
            me is not None and me.get("attendance", Attendance.UNKNOWN) == Attendance.UNKNOWN)
        rule = store.meeting.get("quorum_rule", "more_than_half") if store.loaded else "none"
        self.quorum.show_quorum(quorum(people, rule), self.manager and store.loaded)
        summaries = site_summaries(store, self.tr("No site"))
        self.counts.show_counts([(s.name, s.counts) for s in summaries], count(people, people))
        self.tree.show_sites(store, summaries, self.manager)
        self._update_buttons()

    def _update_buttons(self, *_args: Any) -> None:
        up = self._sender.available and self._store.loaded
        manager = self.manager
        self.action_bar.setVisible(manager)
        selected = self.selected_ids()
        self.present_button.setEnabled(up and bool(selected))
        chosen = [p for p in map(self._store.participant, selected) if p]
        refusal = why_not_mark_absent(self._store, self._admin, chosen)
        for button in (self.absent_button, self.excused_button):
            button.setEnabled(up and bool(selected) and refusal is None)
        self.refusal.setText(refusal or "")
        self.refusal.setVisible(manager and bool(selected) and refusal is not None)
        member = self._store.participant(selected[0]) if len(selected) == 1 else None
        chair = acts_as_chair(self._store, self._admin)
        self.proxy_button.setVisible(chair)
        self.proxy_button.setEnabled(up and chair and member is not None and is_member(member)
                                     and member["user_id"] != self._store.my_user_id)
        me = self._store.participant(self._store.my_user_id)
        self.member_bar.setVisible(may_name_own_proxy(self._store))
        self.my_proxy_button.setEnabled(up)
        proxy = self._store.participant(me.get("proxy_id")) if me else None
        self.my_proxy_label.setText(
            self.tr("You are represented by {name}.").format(name=proxy["full_name"]) if proxy
            else self.tr("Nobody represents you at this meeting."))
        self.online_button.setEnabled(up and bool(self._online_unrecorded()))
        self.export_button.setEnabled(up and not self.exporter.busy)
        self.check_in_button.setEnabled(up)
        managed = managed_sites(self._store)
        self.scope_hint.setVisible(manager and managed is not None)
        if managed:
            names = [s["name"] for s in self._store.sites if s["id"] in managed]
            self.scope_hint.setText(self.tr("You record attendance for your site only: {site}")
                                    .format(site=", ".join(names)))

    def _online_unrecorded(self) -> list[int]:
        return [p["user_id"] for p in self._store.participants
                if p.get("online") and p.get("attendance") != Attendance.PRESENT
                and may_manage(self._store, p["site_id"])]

    # --- commands ------------------------------------------------------------------------

    def _meeting_id(self) -> int:
        return int(self._store.meeting["id"])

    def check_in(self) -> None:
        """Record myself present."""
        self._sender.send(c.AttendanceCheckIn(meeting_id=self._meeting_id()))

    def mark(self, user_ids: list[int], status: str, reason: str | None = None) -> None:
        """Record ``status`` (and the reason) for these participants, one command each."""
        for user_id in user_ids:
            extra: dict[str, Any] = {"reason": reason} if reason else {}
            payload = self._sender.compose(c.AttendanceSet, meeting_id=self._meeting_id(),
                                           user_id=user_id, status=status, **extra)
            if payload is not None:
                self._sender.send(payload)

    def mark_selected(self, status: str) -> None:
        """Mark the selected participants (present needs no reason)."""
        self.mark(self.selected_ids(), status)

    def ask_reason(self, status: str) -> ReasonDialog | None:
        """Ask for the reason, then mark the selected participants absent or excused."""
        ids = self.selected_ids()
        if not ids:
            return None
        names = [p["full_name"] for p in map(self._store.participant, ids) if p]
        dialog = self.reason_dialog = ReasonDialog(status, names, self)
        dialog.accepted.connect(lambda: self.mark(ids, status, dialog.reason))
        dialog.open()
        return dialog

    def ask_proxy(self) -> ProxyDialog | None:
        """The chair records who represents the selected member (or nobody), citing the
        member's written authorisation."""
        ids = self.selected_ids()
        member = self._store.participant(ids[0]) if len(ids) == 1 else None
        if member is None:
            return None
        candidates = proxy_candidates(member, self._store.participants, self._store.my_user_id)
        dialog = self.proxy_dialog = ProxyDialog(member, candidates, self, on_behalf=True)
        dialog.accepted.connect(lambda: self.set_proxy(member["user_id"], dialog.proxy_id,
                                                       dialog.authorisation_text))
        dialog.open()
        return dialog

    def ask_my_proxy(self) -> ProxyDialog | None:
        """I (a member) name who represents me, or nobody."""
        me = self._store.participant(self._store.my_user_id)
        if me is None:
            return None
        dialog = self.proxy_dialog = ProxyDialog(me, proxy_candidates(me, self._store.participants), self)
        dialog.accepted.connect(lambda: self.set_proxy(me["user_id"], dialog.proxy_id))
        dialog.open()
        return dialog

    def set_proxy(self, user_id: int, proxy_id: int | None, authorisation: str | None = None) -> None:
        """Name ``proxy_id`` as the member's proxy (None: clear it); ``authorisation``: the
        member's written authorisation, when the chair names it for them."""
        extra: dict[str, Any] = {"authorisation": authorisation} if authorisation else {}
        payload = self._sender.compose(c.AttendanceSetProxy, meeting_id=self._meeting_id(),
                                       user_id=user_id, proxy_user_id=proxy_id, **extra)
        if payload is not None:
            self._sender.send(payload)

    def mark_online_present(self) -> None:
        """Everyone online (of the sites I manage) not yet present becomes present."""
        self.mark(self._online_unrecorded(), Attendance.PRESENT)

    def set_rule(self, rule: str) -> None:
        """Change the meeting's quorum rule."""
        if rule != self._store.meeting.get("quorum_rule"):
            # Refused: show the rule in force again.
            payload = self._sender.compose(c.MeetingUpdate, meeting_id=self._meeting_id(),
                                           quorum_rule=rule)
            if payload is None:
                self.refresh()
                return
            self._sender.send(payload, on_failure=lambda _code, _text: self.refresh())

    def export_csv(self, path: Path | None = None) -> bool:
        """Save the server's attendance CSV (asks where when ``path`` is None)."""
        started = self.exporter.export(self._meeting_id(), path, self.window())
        self._update_buttons()
        return started
