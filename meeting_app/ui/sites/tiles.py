"""The "Sites" view: one tile per site (điểm cầu), like a video-conference grid.

A tile shows the site's name (the central one marked), how many members are present and
how many participants are online, who is speaking there (the tile lights up), whose hands
are up, and for the chair and secretaries the link the server measures (a lost link
turns the tile red within a poll or two).
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from meeting_app.state.sites import SiteLink, SiteSummary, site_summaries
from meeting_app.state.store import MeetingStore
from meeting_app.ui.resources import icon
from meeting_app.ui.sites.link import LinkBadge, SiteStatusPoller, last_seen_text
from meeting_app.ui.theme import color, on_change
from meeting_app.ui.widgets import Badge, restyle
from protocol.statuses import LinkQuality

TILE_WIDTH = 240
"""The narrowest a tile gets before the grid drops a column."""
MAX_NAMES = 3


def _glyph(name: str, colour: str | None = None, size: int = 18) -> QLabel:
    label = QLabel()
    label.setPixmap(icon(name, colour).pixmap(QSize(size, size)))
    label.setFixedSize(size, size)
    return label


class _Figures(QLabel):
    """The site's two figures, "3/4 present   4/6 online", as one wrapping label: on a
    narrow tile (a long Vietnamese caption, a squeezed side panel) the second figure moves
    to the next line instead of being cut off."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("hint")  # the captions muted, the figures in the accent colour
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.values: tuple[str, str] = ("", "")

    def show_figures(self, present: tuple[str, str], online: tuple[str, str]) -> None:
        """Show two (figure, caption) pairs; each pair stays on one line."""
        self.values = (present[0], online[0])
        style = f"font-size: 14pt; font-weight: bold; color: {color('accent').name()}"

        def pair(figure: str, caption: str) -> str:
            return (f"<span style='{style}'>{html.escape(figure)}</span>&nbsp;"
                    + html.escape(caption).replace(" ", "&nbsp;"))

        self.setText(pair(*present) + "&nbsp;&nbsp; " + pair(*online))


class SiteTile(QFrame):
    """One site; ``state`` (a style property): ``speaking``, ``lost``, ``offline``, ``normal``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("siteTile")
        self.site_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)

        top = QHBoxLayout()
        top.setSpacing(8)
        self.site_icon = QLabel()
        self.name = QLabel()
        self.name.setObjectName("tileName")
        self.name.setWordWrap(True)
        self.central_badge = Badge(self.tr("Central"), "role")
        top.addWidget(self.site_icon, 0, Qt.AlignmentFlag.AlignTop)
        # The "central" badge under the name, so the name has the tile's width to wrap in
        # and a narrow side panel never cuts the tile off.
        title = QVBoxLayout()
        title.setSpacing(4)
        title.addWidget(self.name)
        title.addWidget(self.central_badge, 0, Qt.AlignmentFlag.AlignLeft)
        top.addLayout(title, 1)
        layout.addLayout(top)

        link_row = QHBoxLayout()
        self.link_badge = LinkBadge()
        self.last_seen = QLabel()
        self.last_seen.setObjectName("tileAlert")
        self.last_seen.setWordWrap(True)
        link_row.addWidget(self.link_badge, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        link_row.addWidget(self.last_seen, 1)
        layout.addLayout(link_row)

        self.figures = _Figures()
        layout.addWidget(self.figures)

        self.speaking = QFrame()
        self.speaking.setObjectName("tileSpeaking")
        speaking_row = QHBoxLayout(self.speaking)
        speaking_row.setContentsMargins(8, 5, 8, 5)
        self.speaker = QLabel()
        self.speaker.setWordWrap(True)
        speaking_row.addWidget(_glyph("microphone", "#7a5200"))
        speaking_row.addWidget(self.speaker, 1)
        layout.addWidget(self.speaking)

        hands_row = QHBoxLayout()
        self.hands_icon = _glyph("hand-raised", "accent")
        self.hands = QLabel()
        self.hands.setWordWrap(True)
        hands_row.addWidget(self.hands_icon, 0, Qt.AlignmentFlag.AlignTop)
        hands_row.addWidget(self.hands, 1)
        layout.addLayout(hands_row)
        layout.addStretch(1)
        self.state = ""

    def show_site(self, summary: SiteSummary, link: SiteLink | None, show_link: bool) -> None:
        """Fill the tile; ``show_link``: the viewer may see link quality."""
        self.site_id = summary.site_id
        lost = show_link and link is not None and link.link == LinkQuality.LOST
        offline = show_link and link is not None and link.link == LinkQuality.OFFLINE
        self.name.setText(summary.name)
        self.central_badge.setVisible(summary.central)
        colour = "danger" if lost else ("disabled" if offline else None)
        glyph = icon("central-site" if summary.central else "site", colour)
        self.site_icon.setPixmap(glyph.pixmap(QSize(22, 22)))
        self.link_badge.setVisible(show_link)
        self.link_badge.show_link(link)
        self.last_seen.setVisible(show_link and bool(last_seen_text(link)))
        self.last_seen.setText(last_seen_text(link))

        counts = summary.counts
        self.figures.show_figures((f"{counts.counted}/{counts.members}", self.tr("present")),
                                  (f"{counts.online}/{counts.participants}", self.tr("online")))
        self.figures.setToolTip(self.tr(
            "Members present (in person or by proxy) of the site's members: "
            "{present} in person, {represented} represented, {absent} absent, "
            "{excused} excused, {unknown} not recorded").format(
                present=counts.present, represented=counts.represented, absent=counts.absent,
                excused=counts.excused, unknown=counts.unknown)
            + "\n" + self.tr("{online} of {total} participants connected").format(
                online=counts.online, total=counts.participants))

        self.speaking.setVisible(summary.speaker is not None)
        self.speaker.setText(self.tr("Speaking: {name}").format(name=summary.speaker or ""))
        self.hands.setText(self.hands_text(summary.hands))
        self.hands.setObjectName("" if summary.hands else "hint")
        self.hands_icon.setEnabled(bool(summary.hands))
        restyle(self.hands)
        state = "speaking" if summary.speaker else (
            "lost" if lost else ("offline" if offline else "normal"))
        if state != self.state:
            self.state = state
            self.setProperty("state", state)
            restyle(self)

    def hands_text(self, names: list[str]) -> str:
        """"2 raised hands: A, B" (the first few names, in queue order)."""
        if not names:
            return self.tr("No raised hands")
        shown = ", ".join(names[:MAX_NAMES])
        if len(names) > MAX_NAMES:
            shown += self.tr(" and {n} more").format(n=len(names) - MAX_NAMES)
        if len(names) == 1:
            return self.tr("1 raised hand: {names}").format(names=shown)
        return self.tr("{n} raised hands: {names}").format(n=len(names), names=shown)


class SitesView(QScrollArea):
    """The grid of site tiles; polls link quality while visible (chair, secretaries)."""

    OWNER = "sites-view"

    def __init__(self, store: MeetingStore, poller: SiteStatusPoller,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store, self._poller = store, poller
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Tiles follow the width (names wrap); only a long list scrolls, vertically.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        inner.setObjectName("sitesGrid")
        outer = QVBoxLayout(inner)
        outer.setContentsMargins(8, 10, 8, 10)
        outer.setSpacing(8)
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        self.summary.setWordWrap(True)
        outer.addWidget(self.summary)
        self.grid = QGridLayout()
        self.grid.setSpacing(10)
        outer.addLayout(self.grid)
        outer.addStretch(1)
        self.setWidget(inner)
        self.tiles: list[SiteTile] = []
        self._columns = 0
        for signal in (store.reset, store.participants_changed, store.sites_changed,
                       store.speakers_changed, store.role_changed):
            signal.connect(self.refresh)
        poller.updated.connect(self.refresh)
        self.refresh()
        on_change(self, self.refresh)  # colours and icons drawn once

    def tile(self, site_id: int | None) -> SiteTile | None:
        """The tile of a site, or None."""
        return next((t for t in self.tiles if t.site_id == site_id), None)

    def refresh(self, *_args: Any) -> None:
        """Show the store's sites and the poller's links."""
        summaries = site_summaries(self._store, self.tr("No site"))
        while len(self.tiles) < len(summaries):
            self.tiles.append(SiteTile())
        while len(self.tiles) > len(summaries):
            self.tiles.pop().deleteLater()
        show_link = self._poller.allowed
        for tile, summary in zip(self.tiles, summaries, strict=True):
            link = self._poller.links.get(summary.site_id) if summary.site_id is not None else None
            tile.show_site(summary, link, show_link)
        self._arrange(force=True)
        self.summary.setText(self._summary_text(summaries))

    def _summary_text(self, summaries: list[SiteSummary]) -> str:
        links = self._poller.links.values()
        text = self.tr("{n} sites · {online} with someone online").format(
            n=len(summaries), online=sum(1 for s in summaries if s.counts.online))
        lost = sum(1 for link in links if link.link == LinkQuality.LOST)
        if lost:
            text += " · " + self.tr("{n} link(s) lost").format(n=lost)
        return text

    def _arrange(self, force: bool = False) -> None:
        width = self.viewport().width() - 16
        columns = max(1, min(len(self.tiles) or 1, width // TILE_WIDTH))
        if columns == self._columns and not force:
            return
        self._columns = columns
        for tile in self.tiles:
            self.grid.removeWidget(tile)
        for n, tile in enumerate(self.tiles):
            self.grid.addWidget(tile, n // columns, n % columns)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._poller.acquire(self.OWNER)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._poller.release(self.OWNER)
