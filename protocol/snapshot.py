"""The snapshot: a meeting's whole state as one participant may see it, as ``meeting.join``
answers it (server/domain/views.py ``snapshot``).

The shared reducer (``protocol.reducer``) keeps working on the snapshot as a dict (its
``Snapshot`` alias); this model is what that dict must look like on the wire.
"""

from __future__ import annotations

from protocol.answers.base import WireModel
from protocol.capabilities import CapabilityField
from protocol.shapes.documents import Document, PresentedPage
from protocol.shapes.floor import Speakers
from protocol.shapes.meetings import AgendaItem, MeetingHeader, Participant, RoleField, SiteOnline
from protocol.shapes.minutes import ActionItem, MinutesState
from protocol.shapes.polls import Poll


class You(WireModel):
    """Who receives the snapshot, and their role in the meeting (None: an admin who takes no part)."""

    user_id: int
    role: RoleField | None
    capabilities: list[CapabilityField]
    """What they may do in this meeting (``protocol.capabilities``), sorted."""
    managed_site_id: int | None
    """A site secretary's own site: their rights over participants reach only that site."""


class Snapshot(WireModel):
    """The whole state. ``conclusions``, ``decisions`` and ``conclusion_revisions`` are keyed
    by agenda item id (as text); an item without a decision has no key in ``decisions``."""

    meeting: MeetingHeader
    agenda: list[AgendaItem]
    documents: list[Document]
    sites: list[SiteOnline]
    participants: list[Participant]
    speakers: Speakers
    polls: list[Poll]
    presenter: PresentedPage | None
    conclusions: dict[str, str]
    decisions: dict[str, str]
    conclusion_revisions: dict[str, int]
    actions: list[ActionItem]
    minutes: MinutesState
    you: You
