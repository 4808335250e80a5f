"""What the meeting room announces with a notice (``meeting_app/ui/notices.py``).

Four moments deserve a notice even when the user looks elsewhere: the floor is given to
me, a vote opens, a new document arrives, the presenter moves while I am not following.
The notifier compares the store's state after each change with what it saw before; a
fresh snapshot (joining, a long catch-up) only sets the baseline, so nothing already
there is announced. An optional sound (``QApplication.beep``: the platform's own alert,
no multimedia module needed) accompanies a notice when the user turned it on.
"""

from __future__ import annotations

from functools import partial
from typing import Any, Protocol

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QApplication

from meeting_app.state.store import MeetingStore
from meeting_app.ui.notices import NoticeArea
from protocol.statuses import PollStatus

SOUND_KEY = "notifications/sound"
"""QSettings key: play a sound with each notice (off by default)."""


class RoomActions(Protocol):
    """What a notice's click may ask the room to do."""

    def show_floor(self) -> None:
        """Bring the floor page to the front."""

    def open_ballot(self, poll_id: int) -> None:
        """Show a poll and open my ballot if I have one to cast."""

    def show_document(self, document_id: int) -> None:
        """Open a document in the reader."""

    def follow_presenter(self) -> None:
        """Follow the presenter again."""

    def following(self) -> bool:
        """True while the reader follows the presenter (or I present)."""


def sound_enabled(settings: QSettings | None = None) -> bool:
    """Whether notices play a sound (the user's setting; off by default)."""
    value = (settings or QSettings()).value(SOUND_KEY, False)
    return value is True or str(value).lower() == "true"


class RoomNotifier(QObject):
    """Watches a room's store and shows notices in its area."""

    def __init__(self, store: MeetingStore, area: NoticeArea, room: RoomActions,
                 settings: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store, self.area, self.room, self.settings = store, area, room, settings
        self._floor: int | None = None
        self._open_polls: set[int] = set()
        self._documents: set[int] = set()
        self._loaded = False
        store.reset.connect(self._baseline)
        store.speakers_changed.connect(self._speakers)
        store.polls_changed.connect(self._polls)
        store.documents_changed.connect(self._new_documents)
        store.presenter_changed.connect(self._presenter)
        area.shown.connect(self._sound)

    def _baseline(self) -> None:
        """A whole new snapshot: remember it without announcing anything."""
        self._loaded = self.store.loaded
        self._floor = self.store.floor_holder_id if self._loaded else None
        self._open_polls = self._open_ids() if self._loaded else set()
        self._documents = {d["id"] for d in self.store.documents} if self._loaded else set()

    def _open_ids(self) -> set[int]:
        return {int(p["id"]) for p in self.store.polls if p["status"] == PollStatus.OPEN}

    def _speakers(self) -> None:
        if not self._loaded:
            return
        holder, me = self.store.floor_holder_id, self.store.my_user_id
        if holder is not None and holder == me and self._floor != me:
            self.area.notify(self.tr("You have the floor."), "microphone", self.room.show_floor,
                             self.tr("Click to show the floor"), key="floor")
        self._floor = holder

    def _polls(self) -> None:
        if not self._loaded:
            return
        now = self._open_ids()
        for poll_id in sorted(now - self._open_polls):
            poll = self.store.poll_by_id(poll_id) or {}
            # Only someone with a ballot to cast is told of one (not a chair who does not vote).
            hint = (self.tr("Click to open the ballot") if poll and self.store.still_to_vote(poll)
                    else self.tr("Click to show the vote"))
            self.area.notify(
                self.tr("A vote has opened: {question}").format(question=poll.get("question", "")),
                "vote", partial(self.room.open_ballot, poll_id), hint, key=f"poll-{poll_id}")
        self._open_polls = now

    def _new_documents(self) -> None:
        if not self._loaded:
            return
        documents = {int(d["id"]): d for d in self.store.documents}
        for doc_id in sorted(set(documents) - self._documents):
            if documents[doc_id].get("uploaded_by") == self.store.my_user_id:
                continue  # my own upload is no news to me
            self.area.notify(
                self.tr("New document: {title}").format(title=documents[doc_id].get("title", "")),
                "document", partial(self.room.show_document, doc_id),
                self.tr("Click to open it"), key=f"document-{doc_id}")
        self._documents = set(documents)

    def _presenter(self, presenter: dict[str, Any] | None) -> None:
        if not self._loaded or presenter is None or self.room.following():
            return
        doc = self.store.document_by_id(presenter.get("document_id")) or {}
        self.area.notify(
            self.tr("The presenter is on page {page} of {title}").format(
                page=int(presenter.get("page", 0)) + 1, title=doc.get("title", "")),
            "follow", self.room.follow_presenter, self.tr("Click to follow the presenter"),
            key="presenter")

    def _sound(self, _key: str) -> None:
        if sound_enabled(self.settings):
            QApplication.beep()
