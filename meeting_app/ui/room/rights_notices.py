"""Notices about rights (docs/security.md, "Rights over participants"): the chair is shown
every role or voting-weight change made during the live meeting, and a member is told when
their proxy voted for them.

The first comes from the ``change`` that the server puts in a ``participant.changed`` of a
live meeting (whoever made it); the second from the user event ``poll.proxy_voted``, sent
to the member's own connections only.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QObject

from meeting_app.state.models import role_label
from meeting_app.state.store import MeetingStore
from meeting_app.ui.notices import NoticeArea
from meeting_app.ui.room.notifications import RoomActions
from protocol import events as ev
from protocol.roles import MeetingRole


class RightsNotifier(QObject):
    """Shows the rights notices of one room in its notice area."""

    def __init__(self, store: MeetingStore, area: NoticeArea, room: RoomActions,
                 connection: Any = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store, self.area, self.room = store, area, room
        store.event_applied.connect(self._event)
        user_events = getattr(connection, "user_event_received", None)  # a real Connection's
        if user_events is not None:
            user_events.connect(self.user_event)

    def _name(self, user_id: Any) -> str:
        person = self.store.participant(user_id if isinstance(user_id, int) else None)
        return str(person["full_name"]) if person else self.tr("someone")

    def _event(self, event: dict[str, Any]) -> None:
        if event.get("type") != ev.PARTICIPANT_CHANGED or self.store.my_role != MeetingRole.CHAIR:
            return
        change, person = event["data"].get("change"), event["data"].get("participant") or {}
        if not isinstance(change, dict) or change.get("by") == self.store.my_user_id:
            return  # nothing to tell, or my own doing
        parts = []
        roles, weights = change.get("role") or [None, None], change.get("voting_weight") or [None, None]
        if roles[0] is None:
            parts.append(self.tr("added as {role}").format(role=role_label(roles[1])))
        elif roles[0] != roles[1]:
            parts.append(self.tr("role {before} → {after}").format(
                before=role_label(roles[0]), after=role_label(roles[1])))
        if roles[0] is not None and weights[0] != weights[1]:
            parts.append(self.tr("voting weight {before} → {after}").format(
                before=weights[0], after=weights[1]))
        if not parts:
            return
        self.area.notify(
            self.tr("{name}: {what} (by {who})").format(
                name=person.get("full_name", ""), what=", ".join(parts), who=self._name(change.get("by"))),
            "users", None, self.tr("Recorded in the audit log"),
            key=f"rights-{person.get('user_id')}")

    def user_event(self, event: dict[str, Any]) -> None:
        """A user event of my own: my proxy voted for me."""
        if event.get("type") != ev.POLL_PROXY_VOTED:
            return
        if not self.store.loaded or event.get("meeting_id") != self.store.meeting.get("id"):
            return
        data = event.get("data") or {}
        poll_id = data.get("poll_id")
        poll = self.store.poll_by_id(poll_id) or {}
        self.area.notify(
            self.tr("{proxy}, your proxy, voted for you: {question}").format(
                proxy=self._name(data.get("proxy_id")), question=poll.get("question", "")),
            "vote", partial(self.room.open_ballot, int(poll_id)) if isinstance(poll_id, int) else None,
            self.tr("Click to show the vote"), key=f"proxy-voted-{poll_id}")
