"""The console's attendance summary: the quorum and, per site, the members present (in
person or represented) and who is online; the speaker's site is highlighted.

The counts come from ``protocol.attendance``, computed the same way as the server's and
every other client's. Marking attendance and proxies is the attendance panel's job.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListWidget, QListWidgetItem, QWidget

from meeting_app.state.sites import SiteLink
from meeting_app.state.store import MeetingStore
from meeting_app.ui.floor.texts import site_name
from meeting_app.ui.resources import icon
from meeting_app.ui.sites.link import SiteStatusPoller
from meeting_app.ui.theme import color, on_change
from meeting_app.ui.widgets import Panel, restyle
from protocol.attendance import Quorum, by_site, count, quorum
from protocol.statuses import LinkQuality


class AttendanceSummary(Panel):
    """See the module docstring."""

    def __init__(self, store: MeetingStore, poller: SiteStatusPoller | None = None,
                 parent: QWidget | None = None) -> None:
        """``poller``: the room's ``site.status`` poller, for each site's link (optional)."""
        super().__init__(self.tr("Attendance"), "users", parent)
        self.store, self.poller = store, poller
        self.quorum: Quorum | None = None
        self.verdict = QLabel()
        self.verdict.setObjectName("quorumVerdict")
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        self.body.addWidget(self.verdict)
        self.body.addWidget(self.figures)
        self.sites = QListWidget()
        self.sites.setAccessibleName(self.tr("Sites"))
        self.sites.setObjectName("consoleSites")
        self.sites.setWordWrap(True)
        self.sites.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.sites.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sites.setIconSize(QSize(18, 18))
        self.sites.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sites.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.body.addWidget(self.sites, 1)
        for signal in (store.reset, store.participants_changed, store.sites_changed,
                       store.meeting_changed, store.speakers_changed):
            signal.connect(self.refresh)
        if poller is not None:
            poller.updated.connect(self.refresh)
        self.refresh()
        on_change(self, self.refresh)  # colours and icons drawn once

    def rule_text(self, rule: str) -> str:
        """The quorum rule in words."""
        return {"more_than_half": self.tr("more than half of the members"),
                "at_least_half": self.tr("at least half of the members"),
                "two_thirds": self.tr("two thirds of the members"),
                "none": self.tr("no quorum required")}.get(rule, rule)

    def refresh(self, *_args: Any) -> None:
        """Recount from the store."""
        store = self.store
        if not store.loaded:
            return
        people = store.participants
        rule = store.meeting.get("quorum_rule") or "more_than_half"
        self.quorum = result = quorum(people, rule)
        reached = result.reached
        self.verdict.setText(self.tr("Quorum reached") if reached else self.tr("No quorum"))
        if self.verdict.property("reached") != reached:
            self.verdict.setProperty("reached", reached)
            restyle(self.verdict)
        represented = count(people, people).represented
        self.figures.setText(self.tr(
            "{counted} of {members} members present ({represented} by proxy); "
            "{required} needed: {rule}.").format(
                counted=result.counted, members=result.members, represented=represented,
                required=result.required, rule=self.rule_text(rule)))
        self._fill_sites(people)

    def _fill_sites(self, people: list[dict[str, Any]]) -> None:
        """One entry per site: members counted present, and who is online."""
        store = self.store
        counts = by_site(people)
        order = [site["id"] for site in store.sites]
        site_ids = [s for s in order if s in counts] + sorted(
            (s for s in counts if s not in order), key=lambda s: s or 0)
        speaking = store.speaking_site_id
        self.sites.clear()
        for site_id in site_ids:
            c = counts[site_id]
            line = self.tr("{counted}/{members} present · {online}/{total} online").format(
                counted=c.counted, members=c.members, online=c.online, total=c.participants)
            link = self.poller.links.get(site_id) if self.poller is not None and site_id else None
            if link is not None:
                line += "\n" + self.link_text(link)
            item = QListWidgetItem(f"{site_name(store, site_id)}\n{line}")
            item.setData(Qt.ItemDataRole.UserRole, site_id)
            if site_id is not None and site_id == speaking:
                item.setBackground(QBrush(color("gold_pale")))
                item.setIcon(icon("microphone", "danger"))
                item.setToolTip(self.tr("The speaker holding the floor is at this site"))
            else:
                item.setIcon(icon("site"))
            self.sites.addItem(item)

    def link_text(self, link: SiteLink) -> str:
        """A site's link in words (as the server measured it)."""
        words: dict[str, str] = {
            LinkQuality.OK: self.tr("link good"), LinkQuality.POOR: self.tr("link poor"),
            LinkQuality.LOST: self.tr("link lost"), LinkQuality.OFFLINE: self.tr("offline")}
        text = words.get(link.link, link.link)
        if link.link in (LinkQuality.OK, LinkQuality.POOR) and link.rtt_ms is not None:
            text += f" · {link.rtt_ms} ms"
        return text

    def site_texts(self) -> list[str]:
        """The sites' entries as shown."""
        return [self.sites.item(row).text() for row in range(self.sites.count())]

    def sizeHint(self) -> QSize:
        return QSize(340, 400)
