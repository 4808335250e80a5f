"""The speaker's clock: time left (limit) or time spoken (no limit), in server time.

Every site computes it from the same ``ends_at``/``started_at`` and the server's clock as
this client knows it (``store.clock``), so the rooms agree to the second. The label's
``tone`` property (``normal``, ``warning`` under 30 s, ``over``) colours it through the
style sheet.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from meeting_app.state.floor import FloorTime, floor_time
from meeting_app.state.store import MeetingStore
from meeting_app.ui.widgets import restyle

TICK_MS = 250
"""A quarter of a second: the digits change close to the real second boundary."""


class CountdownLabel(QLabel):
    """The current speaker's clock; ``empty_text`` while nobody speaks."""

    tone_changed = Signal(str)

    def __init__(self, store: MeetingStore, object_name: str = "floorClock",
                 empty_text: str = "—", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.empty_text = empty_text
        self.setObjectName(object_name)
        self.setProperty("countdown", True)
        self.setProperty("tone", "idle")
        self.timing: FloorTime | None = None
        """The timing last shown (None: nobody speaks)."""
        self._ticker = QTimer(self, interval=TICK_MS)
        self._ticker.timeout.connect(self.refresh)
        store.speakers_changed.connect(self.refresh)
        store.reset.connect(self.refresh)
        self.refresh()

    @property
    def tone(self) -> str:
        """``idle`` (nobody), ``normal``, ``warning`` or ``over``."""
        return str(self.property("tone"))

    def refresh(self) -> None:
        """Show the clock now (also called by the ticker while someone speaks)."""
        store = self._store
        self.timing = floor_time(store.speaker, store.clock.now()) if store.loaded else None
        if self.timing is None:
            self._ticker.stop()
            self._show(self.empty_text, "idle")
            return
        if not self._ticker.isActive():
            self._ticker.start()
        self._show(self.timing.text, self.timing.tone)

    def _show(self, text: str, tone: str) -> None:
        if self.text() != text:
            self.setText(text)
        if self.property("tone") != tone:
            self.setProperty("tone", tone)
            restyle(self)
            self.tone_changed.emit(tone)
