"""Following the presenter, and presenting.

Everyone but the presenter follows by default: when the store's ``presenter`` moves, the
room opens that document (downloading it first if needed) at that page. Turning a page
oneself, opening another document or going back to the list is browsing: the banner says
so and offers "Follow presenter", which jumps back to the presented page.

The chair (or the speaker who holds the floor) has "Present" in the reader: while it is on,
each page they show is sent as ``presenter.set_page``, at most one every ~100 ms and always
the latest (scrolling through ten pages sends one or two commands, not ten); turning it
off sends ``presenter.stop``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from meeting_app.state.store import MeetingStore
from meeting_app.ui.commands import CommandSender
from meeting_app.ui.documents.tab import DocumentsTab
from meeting_app.ui.reader import BROWSING, FOLLOWING
from protocol import commands as c
from protocol.roles import MeetingRole

SEND_EVERY_MS = 100


class PresenterLink(QObject):
    """Ties the store's presenter to the documents tab; see the module docstring."""

    following_changed = Signal(bool)

    def __init__(self, store: MeetingStore, tab: DocumentsTab, commands: CommandSender,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store, self.tab, self.commands = store, tab, commands
        self.following = True
        self.sent: list[tuple[int, int]] = []
        """Every (document id, page) sent with presenter.set_page, for tests and logs."""
        self._may_present = False
        self._throttle = QTimer(self, singleShot=True, interval=SEND_EVERY_MS)
        self._throttle.timeout.connect(self._send_page)
        reader = tab.reader
        self.present_action = tab.reader_page.present_action
        store.presenter_changed.connect(self._presenter_moved)
        reader.page_changed.connect(self._user_paged)
        reader.current_page_changed.connect(self._page_shown)
        reader.document_loaded.connect(lambda _count: self._page_shown(reader.current_page))
        reader.follow_requested.connect(self.follow)
        tab.user_navigated.connect(self._browsed)
        self.present_action.toggled.connect(self._present_toggled)

    # --- following -----------------------------------------------------------------------

    @property
    def presenting(self) -> bool:
        """Whether I present (my pages go to everyone)."""
        return self.present_action.isChecked()

    def follow(self) -> None:
        """Follow the presenter again: jump to the presented page."""
        self._set_following(True)
        presenter = self.store.presenter
        if presenter is not None and not self.presenting:
            self._show(presenter)
        self._update_banner()

    def _presenter_moved(self, presenter: dict[str, Any] | None) -> None:
        if self.presenting:
            if presenter is None:  # stopped by the server (document removed, say)
                self.present_action.blockSignals(True)
                self.present_action.setChecked(False)
                self.present_action.blockSignals(False)
            return  # otherwise my own page coming back
        if presenter is not None and self.following:
            self._show(presenter)
        self._update_banner()

    def _show(self, presenter: dict[str, Any]) -> None:
        doc_id, page = presenter["document_id"], presenter["page"]
        if self.tab.open_document_id == doc_id and self.tab.reader_page.document is not None \
                and self.tab.store.document_by_id(doc_id) is not None:
            self.tab.setCurrentWidget(self.tab.reader_page)
            self.tab.go_to_page(page)
        elif self.tab.open_document(doc_id, page=page, user=False):
            self.tab.focus_requested.emit()  # a new document: bring the reader forward

    def _user_paged(self, _page: int) -> None:
        if self.store.presenter is not None and not self.presenting:
            self._set_following(False)
            self._update_banner()

    def _browsed(self) -> None:
        self._user_paged(0)

    def _set_following(self, following: bool) -> None:
        if following != self.following:
            self.following = following
            self.following_changed.emit(following)

    def _update_banner(self) -> None:
        presenter = self.store.presenter
        if presenter is None or self.presenting:
            self.tab.reader.set_follow_banner(None)
            return
        on_it = self.tab.open_document_id == presenter["document_id"]
        state = FOLLOWING if self.following and on_it else BROWSING
        self.tab.reader.set_follow_banner(state, self.presenter_name())

    def presenter_name(self) -> str:
        """Who presents: the speaker holding the floor, else the chair."""
        person = self.store.participant(self.store.floor_holder_id)
        if person is None:
            person = next((p for p in self.store.participants if p["role"] == MeetingRole.CHAIR), None)
        return str(person["full_name"]) if person else ""

    # --- presenting ----------------------------------------------------------------------

    def set_may_present(self, may: bool) -> None:
        """Show "Present" to the chair (and the speaker holding the floor) only."""
        self._may_present = may
        self.present_action.setVisible(may)
        if not may and self.presenting:
            self.present_action.setChecked(False)

    def _present_toggled(self, on: bool) -> None:
        meeting_id = self.store.meeting["id"]
        if on:
            self._set_following(False)
            self._page_shown(self.tab.reader.current_page)
        else:
            self._throttle.stop()
            self.commands.send(c.PresenterStop(meeting_id=meeting_id))
            self._set_following(True)
        self._update_banner()

    def _page_shown(self, _page: int) -> None:
        if self.presenting and not self._throttle.isActive():
            self._throttle.start()

    def _send_page(self) -> None:
        """Send the page shown now (the latest, however many pages went by)."""
        doc_id = self.tab.open_document_id
        if not self.presenting or doc_id is None or not self.tab.reader_page.loaded:
            return
        page = self.tab.reader.current_page
        current = self.store.presenter
        if current is not None and (current["document_id"], current["page"]) == (doc_id, page):
            return
        self.sent.append((doc_id, page))
        self.commands.send(c.PresenterSetPage(meeting_id=self.store.meeting["id"], document_id=doc_id,
                                              page=page))
