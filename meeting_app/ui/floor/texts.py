"""Words for the floor's data: kinds of request, names, sites, waiting times."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from meeting_app.state.store import MeetingStore
from protocol.statuses import SpeakerKind

translate = QCoreApplication.translate
"""``translate(context, text)``: the form the translation tools find."""


def kind_label(kind: str) -> str:
    """"Speech" or "Question" (chất vấn)."""
    return translate("floor", "Question") if kind == SpeakerKind.QUESTION else translate("floor", "Speech")


def queue_title(kind: str) -> str:
    """The title of one queue."""
    return (translate("floor", "Questions") if kind == SpeakerKind.QUESTION
            else translate("floor", "Requests to speak"))


def waited_text(seconds: float) -> str:
    """A rounded waiting time: ``45 s``, ``3 min``, ``1 h 05``."""
    total = max(0, int(seconds))
    if total < 60:
        return translate("floor", "{n} s").format(n=total)
    minutes = total // 60
    if minutes < 60:
        return translate("floor", "{n} min").format(n=minutes)
    return translate("floor", "{h} h {m:02d}").format(h=minutes // 60, m=minutes % 60)


def limit_text(seconds: int | None) -> str:
    """A time limit choice: ``3 min``, ``30 s`` or "No limit"."""
    if seconds is None:
        return translate("floor", "No limit")
    if seconds % 60:
        return translate("floor", "{n} s").format(n=seconds)
    return translate("floor", "{n} min").format(n=seconds // 60)


def person_name(store: MeetingStore, user_id: int | None) -> str:
    """A participant's full name (or a placeholder for someone no longer listed)."""
    person = store.participant(user_id)
    return str(person["full_name"]) if person else translate("floor", "Participant #{id}").format(id=user_id)


def site_name(store: MeetingStore, site_id: int | None) -> str:
    """A site's name ("No site" for none)."""
    site = store.site(site_id)
    return str(site["name"]) if site else translate("floor", "No site")
