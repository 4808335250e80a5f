"""Participants grouped by site (điểm cầu), with who is online."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTreeView, QWidget

from meeting_app.state.models import ParticipantsModel
from meeting_app.state.store import MeetingStore
from meeting_app.ui.room.delegates import ParticipantDelegate
from meeting_app.ui.widgets import Panel


class ParticipantsPanel(Panel):
    """A tree of sites and their participants; sites stay expanded."""

    def __init__(self, store: MeetingStore, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Participants"), "users", parent)
        self._store = store
        self.model = ParticipantsModel(store, self)
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        self.title_row.addWidget(self.summary)
        self.view = QTreeView()
        self.view.setAccessibleName(self.tr("Participants by site"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(ParticipantDelegate(self.view))
        self.view.setHeaderHidden(True)
        self.view.setRootIsDecorated(False)
        self.view.setIndentation(12)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setUniformRowHeights(False)
        self.body.addWidget(self.view, 1)
        # The model rebuilds when someone joins, leaves or changes site.
        self.model.modelReset.connect(self._expand)
        self.model.rowsInserted.connect(self._expand)
        self.model.dataChanged.connect(self._count)
        self._expand()

    def _expand(self) -> None:
        self.view.expandAll()
        self._count()

    def _count(self) -> None:
        people = self._store.participants
        online = sum(1 for person in people if person["online"])
        self.summary.setText(self.tr("{online} of {total} online").format(
            online=online, total=len(people)))

    def sizeHint(self) -> QSize:
        return QSize(320, 600)
