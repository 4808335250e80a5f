"""The console's agenda: each item's planned time against the time spent on it, the
meeting's total against the plan, and the chair's previous / next / discuss-this.

One row per item (a click selects it): the title, wrapped whole, over a line of figures.
The current item is in gold and its time runs; an item over its plan shows in red.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from meeting_app.state.floor import ItemTiming, MeetingTiming, agenda_timing, clock_text, hours_text
from meeting_app.ui.floor.actions import FloorActions
from meeting_app.ui.widgets import Panel, restyle, tool_button


def _set_flag(widget: QWidget, name: str, value: bool) -> None:
    if widget.property(name) != value:
        widget.setProperty(name, value)
        restyle(widget)


class TimingRow(QFrame):
    """One agenda item: number and title, then planned · spent · left."""

    clicked = Signal(int)

    def __init__(self, number: int, item: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timingRow")
        self.item_id = int(item["id"])
        self.item_title = str(item["title"])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        self.title = QLabel(f"{number}. {item['title']}")
        self.title.setObjectName("timingTitle")
        self.title.setWordWrap(True)
        self.figures = QLabel()
        self.figures.setObjectName("timingFigures")
        layout.addWidget(self.title)
        layout.addWidget(self.figures)

    def show_timing(self, timing: ItemTiming) -> None:
        """Planned, spent and left (or over) for this item."""
        parts = [self.tr("planned {n} min").format(n=timing.planned // 60) if timing.planned
                 else self.tr("no planned time")]
        if timing.spent or timing.current:
            parts.append(self.tr("spent {time}").format(time=clock_text(timing.spent)))
            if timing.planned and timing.over:
                parts.append(self.tr("{time} over").format(time=clock_text(timing.spent - timing.planned)))
            elif timing.planned:
                parts.append(self.tr("{time} left").format(time=clock_text(timing.planned - timing.spent)))
        text = "  ·  ".join(parts)
        if self.figures.text() != text:
            self.figures.setText(text)
        _set_flag(self, "current", timing.current)
        _set_flag(self.figures, "over", timing.over)

    def set_selected(self, selected: bool) -> None:
        _set_flag(self, "selected", selected)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click selects the item."""
        self.clicked.emit(self.item_id)
        super().mousePressEvent(event)


class AgendaTimingPanel(Panel):
    """See the module docstring."""

    def __init__(self, actions: FloorActions, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Agenda and time"), "clock", parent)
        self.floor = actions
        store = actions.store
        self.timing: MeetingTiming | None = None
        self.rows: list[TimingRow] = []
        self._selected: int | None = None
        self.list = QWidget()
        self.list.setObjectName("timingList")
        self.list_layout = QVBoxLayout(self.list)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(2)
        self.list_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("timingScroll")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.list)
        self.body.addWidget(scroll, 1)
        self.total = QLabel()
        self.total.setObjectName("consoleTotal")
        self.total.setWordWrap(True)
        self.body.addWidget(self.total)

        row = QWidget()
        buttons = QHBoxLayout(row)
        buttons.setContentsMargins(0, 0, 0, 0)
        self.previous_button = tool_button(self.tr("Previous"), "previous",
                                           self.tr("Go back to the previous item"))
        self.next_button = tool_button(self.tr("Next"), "next", self.tr("Move on to the next item"))
        self.discuss_button = tool_button(self.tr("Discuss this"), "current",
                                          self.tr("Make the selected item the current one"))
        for button in (self.previous_button, self.next_button, self.discuss_button):
            buttons.addWidget(button)
        self.controls = row
        self.body.addWidget(row)
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(+1))
        self.discuss_button.clicked.connect(self.discuss_selected)
        for signal in (store.reset, store.agenda_changed, store.meeting_changed):
            signal.connect(self.rebuild)
        actions.rights_changed.connect(self.update_controls)
        self._ticker = QTimer(self, interval=1000)
        self._ticker.timeout.connect(self.tick)
        self._ticker.start()
        self.rebuild()

    def rebuild(self, *_args: Any) -> None:
        """One row per agenda item (after the agenda or the meeting changed)."""
        store = self.floor.store
        agenda = store.agenda if store.loaded else []
        shape = [(item["id"], item["title"]) for item in agenda]
        if shape != [(row.item_id, row.item_title) for row in self.rows]:
            for old in self.rows:
                old.deleteLater()
            self.rows = []
            for number, item in enumerate(agenda, start=1):
                row = TimingRow(number, item)
                row.clicked.connect(self.select)
                self.list_layout.insertWidget(number - 1, row)
                self.rows.append(row)
            if self._selected not in {item["id"] for item in agenda}:
                self._selected = None
            self.select(self._selected)
        self.tick()
        self.update_controls()

    def tick(self) -> None:
        """Update the times (every second: the current item's time runs)."""
        store = self.floor.store
        if not store.loaded:
            self.timing = None
            self.total.setText("")
            return
        timing = self.timing = agenda_timing(store.meeting, store.agenda, store.clock.now())
        for row, item in zip(self.rows, timing.items, strict=False):
            row.show_timing(item)
        if store.meeting.get("started_at"):
            over = timing.elapsed - timing.planned
            verdict = (self.tr("{time} over the plan").format(time=hours_text(over)) if over > 0
                       else self.tr("{time} left in the plan").format(time=hours_text(-over)))
            self.total.setText(self.tr("Meeting: {elapsed} of {planned} planned — {verdict}").format(
                elapsed=hours_text(timing.elapsed), planned=hours_text(timing.planned),
                verdict=verdict))
        else:
            self.total.setText(self.tr("Planned: {planned} for {n} items").format(
                planned=hours_text(timing.planned), n=len(timing.items)))
        _set_flag(self.total, "over", timing.planned > 0 and timing.elapsed > timing.planned)

    def row(self, item_id: int) -> TimingRow | None:
        """The row of an item, or None."""
        return next((row for row in self.rows if row.item_id == item_id), None)

    # --- the chair's steering ----------------------------------------------------------

    def selected_id(self) -> int | None:
        return self._selected

    def select(self, item_id: int | None) -> None:
        """Select an item by id (None: nothing)."""
        self._selected = item_id
        for row in self.rows:
            row.set_selected(row.item_id == item_id)
        self.update_controls()

    def update_controls(self, *_args: Any) -> None:
        actions, store = self.floor, self.floor.store
        self.controls.setVisible(actions.is_chair)
        ids = [item["id"] for item in store.agenda] if store.loaded else []
        current = store.meeting["current_item_id"] if store.loaded else None
        at = ids.index(current) if current in ids else None
        live = actions.is_chair and actions.live
        self.previous_button.setEnabled(live and at is not None and at > 0)
        self.next_button.setEnabled(live and bool(ids) and (at is None or at < len(ids) - 1))
        selected = self.selected_id()
        self.discuss_button.setEnabled(live and selected is not None and selected != current)

    def _step(self, delta: int) -> None:
        store = self.floor.store
        ids = [item["id"] for item in store.agenda]
        current = store.meeting["current_item_id"]
        if current not in ids:
            target = ids[0] if ids else None
        else:
            position = ids.index(current) + delta
            target = ids[position] if 0 <= position < len(ids) else None
        if target is not None:
            self._set_current(target)

    def discuss_selected(self) -> None:
        """Chair: make the selected item the current one."""
        selected = self.selected_id()
        if selected is not None:
            self._set_current(selected)

    def _set_current(self, item_id: int) -> None:
        store = self.floor.store
        self.floor.commands.send("agenda.set_current",
                                 {"meeting_id": store.meeting["id"], "item_id": item_id})

    def sizeHint(self) -> QSize:
        return QSize(420, 500)
