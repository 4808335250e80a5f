"""The console's agenda: each item's planned time against the time spent on it, the
meeting's total against the plan, and the chair's previous / next / discuss-this (the
declared actions of ``ui/actions/meeting.py``, shared with the room's agenda).

One row per item (a click selects it): the title, wrapped whole, over a line of figures.
The current item is in gold and its time runs; an item over its plan shows in red.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from meeting_app.state.floor import ItemTiming, MeetingTiming, agenda_timing, clock_text, hours_text
from meeting_app.ui.actions import meeting as meeting_actions
from meeting_app.ui.actions import rights
from meeting_app.ui.actions.context import ActionContext
from meeting_app.ui.actions.registry import BoundActions
from meeting_app.ui.floor.actions import FloorActions
from meeting_app.ui.widgets import Panel, restyle


def _set_flag(widget: QWidget, name: str, value: bool) -> None:
    if widget.property(name) != value:
        widget.setProperty(name, value)
        restyle(widget)


class TimingRow(QFrame):
    """One agenda item: number and title, then planned · spent · left."""

    clicked = Signal(int)
    """The item's id, when the row is clicked."""

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

    selection_changed = Signal()
    """Another item (or none) is selected."""

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
        self.action_context = ActionContext(store, actions.commands, self,
                                            selected_item=self.selected_id,
                                            changed=(self.selection_changed,))
        self.agenda_actions = BoundActions(self.action_context, meeting_actions.AGENDA_IDS)
        self.previous_button = self.agenda_actions.button(meeting_actions.PREVIOUS)
        self.next_button = self.agenda_actions.button(meeting_actions.NEXT)
        self.discuss_button = self.agenda_actions.button(meeting_actions.DISCUSS)
        for button in (self.previous_button, self.next_button, self.discuss_button):
            buttons.addWidget(button)
        self.controls = row
        self.body.addWidget(row)
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
        self.selection_changed.emit()
        self.update_controls()

    def update_controls(self, *_args: Any) -> None:
        """The chair's row is the chair's (its buttons follow their actions)."""
        self.controls.setVisible(rights.is_chair(self.floor.store))

    def discuss_selected(self) -> None:
        """Chair: make the selected item the current one."""
        meeting_actions.discuss_selected(self.action_context)

    def sizeHint(self) -> QSize:
        return QSize(420, 500)
