"""Link quality: polling ``site.status`` for the chair and secretaries, a site's link
badge, and my own link in the status bar.

``site.status`` is asked every 2 s, but only while someone looks at it: the sites view
when visible, the chair console when open. Each calls ``acquire(owner)`` and
``release(owner)``; the poller runs while any owner holds it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from meeting_app.net.status import ConnectionStatus
from meeting_app.state.commands import wire_payload
from meeting_app.state.sites import MANAGERS, POOR_RTT_MS, SiteLink, parse_site_status
from meeting_app.state.store import MeetingStore
from meeting_app.ui.widgets import Badge
from protocol import commands as c
from protocol.roles import MeetingStatus
from protocol.statuses import LinkQuality

POLL_MS = 2000


class SiteStatusPoller(QObject):
    """Keeps ``links`` (site id -> ``SiteLink``) fresh while acquired; see the module."""

    updated = Signal()
    """``links`` changed (new answer, or forgotten because no answer comes)."""

    def __init__(self, store: MeetingStore, connection: Any, parent: QObject | None = None,
                 interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self._store, self._connection = store, connection
        self.links: dict[int, SiteLink] = {}
        self._owners: set[str] = set()
        self._waiting = False
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.poll)
        store.role_changed.connect(self._update)
        store.reset.connect(self._update)
        connection.status_changed.connect(self._update)

    @property
    def allowed(self) -> bool:
        """Only the chair and secretaries may ask (the server refuses anybody else)."""
        return self._store.loaded and self._store.my_role in MANAGERS

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def acquire(self, owner: str) -> None:
        """``owner`` shows link quality now: poll (at once, then every 2 s)."""
        self._owners.add(owner)
        self._update()

    def release(self, owner: str) -> None:
        """``owner`` no longer shows it; polling stops when nobody does."""
        self._owners.discard(owner)
        self._update()

    def _update(self, *_args: Any) -> None:
        wanted = bool(self._owners) and self.allowed and self._connection.status == ConnectionStatus.CONNECTED
        if wanted and not self._timer.isActive():
            self._timer.start()
            self.poll()
        elif not wanted and self._timer.isActive():
            self._timer.stop()
        if not wanted and self.links:
            self.links = {}  # an old measure must not pass for a current one
            self.updated.emit()

    def poll(self) -> None:
        """Ask ``site.status`` once (unless the previous question is still unanswered)."""
        if self._waiting or not self.allowed:
            return
        self._waiting = True
        # On the connection itself: a failed poll only blanks the links, nobody is told.
        asked = c.SiteStatus(meeting_id=self._store.meeting["id"])
        self._connection.command(type(asked).command, wire_payload(asked),
                                 self._answered, timeout=POLL_MS / 1000 * 2)

    def _answered(self, envelope: dict[str, Any]) -> None:
        self._waiting = False
        if not self._timer.isActive():
            return
        self.links = parse_site_status(envelope["data"]) if envelope.get("ok") else {}
        self.updated.emit()


LINK_TONES: dict[str, str] = {
    LinkQuality.OK: ConnectionStatus.CONNECTED, LinkQuality.POOR: ConnectionStatus.RECONNECTING,
    LinkQuality.LOST: ConnectionStatus.OFFLINE, LinkQuality.OFFLINE: MeetingStatus.ENDED}
"""The badge colour of each link state (tones of the style sheet)."""


class LinkBadge(Badge):
    """A site's link: "● Good · 45 ms", "● Poor · 620 ms", "● Lost · 12 s", "● Offline"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.link: str | None = None
        self.show_link(None)

    def show_link(self, link: SiteLink | None) -> None:
        """Show a site's link (None: not measured)."""
        self.link = link.link if link else None
        if link is None:
            self.setText(self.tr("● No data"))
            self.setToolTip(self.tr("The link is measured for the chair and secretaries"))
            self.set_tone(MeetingStatus.SCHEDULED)
            return
        rtt = self.tr("{ms} ms").format(ms=link.rtt_ms) if link.rtt_ms is not None else ""
        texts: dict[str, str] = {
            LinkQuality.OK: self.tr("● Good"), LinkQuality.POOR: self.tr("● Poor"),
            LinkQuality.LOST: self.tr("● Lost"), LinkQuality.OFFLINE: self.tr("● Offline")}
        text = texts.get(link.link, link.link)
        if link.link in (LinkQuality.OK, LinkQuality.POOR) and rtt:
            text += f" · {rtt}"
        self.setText(text)
        self.setToolTip(self.link_tip(link))
        self.set_tone(LINK_TONES.get(link.link, ConnectionStatus.OFFLINE))

    def link_tip(self, link: SiteLink) -> str:
        """A sentence about the link, for the tooltip."""
        if link.link == LinkQuality.OFFLINE:
            return self.tr("Nobody is connected from this site")
        if link.link == LinkQuality.LOST:
            return self.tr("No heartbeat from this site for {n} s").format(
                n=int(link.silent_seconds or 0))
        return self.tr("{n} connection(s); round trip {ms} ms").format(
            n=link.connections, ms=link.rtt_ms if link.rtt_ms is not None else "?")


def last_seen_text(link: SiteLink | None) -> str:
    """"last seen N s ago" for a lost link, else empty."""
    if link is None or link.link != LinkQuality.LOST:
        return ""
    if link.silent_seconds is None:
        return QCoreApplication.translate("sites", "never seen")
    return QCoreApplication.translate("sites", "last seen {n} s ago").format(n=int(link.silent_seconds))


class OwnLinkIndicator(Badge):
    """My own link, from my heartbeats' round trip, for the status bar."""

    def __init__(self, connection: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        connection.link_measured.connect(self.show_rtt)
        self.show_rtt(connection.rtt_ms)

    def show_rtt(self, rtt_ms: int | None) -> None:
        """Show the last round trip (None: unknown or unanswered)."""
        if rtt_ms is None:
            self.setText(self.tr("Link: —"))
            self.setToolTip(self.tr("No measure of the link to the server right now"))
            self.set_tone(MeetingStatus.SCHEDULED)
            return
        poor = rtt_ms >= POOR_RTT_MS
        text = self.tr("Link: slow · {ms} ms") if poor else self.tr("Link: good · {ms} ms")
        self.setText(text.format(ms=rtt_ms))
        self.setToolTip(self.tr("Round trip of the last heartbeat to the server"))
        self.set_tone(ConnectionStatus.RECONNECTING if poor else ConnectionStatus.CONNECTED)
