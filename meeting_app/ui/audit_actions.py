"""What each action of the audit log means, in the interface's language.

The server records an action as a code ("document.open", "poll.vote"); the audit window
shows its name ("Opened a document") with the code in the tooltip, and a code this client
does not know as it is. tests/client/test_audit_window.py reads every code the server
records and fails when one has no name here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "AuditActions"

_NAMES = {
    "login": QT_TRANSLATE_NOOP("AuditActions", "Signed in"),
    "login.failed": QT_TRANSLATE_NOOP("AuditActions", "Failed sign-in"),
    "logout": QT_TRANSLATE_NOOP("AuditActions", "Signed out"),
    "password.change": QT_TRANSLATE_NOOP("AuditActions", "Changed their password"),
    "user.create": QT_TRANSLATE_NOOP("AuditActions", "Created a user"),
    "user.update": QT_TRANSLATE_NOOP("AuditActions", "Changed a user"),
    "user.activate": QT_TRANSLATE_NOOP("AuditActions", "Reactivated a user"),
    "user.deactivate": QT_TRANSLATE_NOOP("AuditActions", "Deactivated a user"),
    "user.reset_password": QT_TRANSLATE_NOOP("AuditActions", "Reset a user's password"),
    "meeting.create": QT_TRANSLATE_NOOP("AuditActions", "Created a meeting"),
    "meeting.start": QT_TRANSLATE_NOOP("AuditActions", "Opened the meeting"),
    "meeting.end": QT_TRANSLATE_NOOP("AuditActions", "Closed the meeting"),
    "participant.set": QT_TRANSLATE_NOOP("AuditActions", "Set a participant's role"),
    "participant.remove": QT_TRANSLATE_NOOP("AuditActions", "Removed a participant"),
    "attendance.set_proxy": QT_TRANSLATE_NOOP("AuditActions", "Named a proxy"),
    "document.upload": QT_TRANSLATE_NOOP("AuditActions", "Uploaded a document"),
    "document.update": QT_TRANSLATE_NOOP("AuditActions", "Changed a document"),
    "document.remove": QT_TRANSLATE_NOOP("AuditActions", "Removed a document"),
    "document.open": QT_TRANSLATE_NOOP("AuditActions", "Opened a document"),
    "poll.open": QT_TRANSLATE_NOOP("AuditActions", "Opened a vote"),
    "poll.close": QT_TRANSLATE_NOOP("AuditActions", "Closed a vote"),
    "poll.vote": QT_TRANSLATE_NOOP("AuditActions", "Voted"),
    "poll.vote_changed": QT_TRANSLATE_NOOP("AuditActions", "Changed their vote"),
    "conclusion.set": QT_TRANSLATE_NOOP("AuditActions", "Recorded a conclusion"),
    "action.save": QT_TRANSLATE_NOOP("AuditActions", "Saved an action item"),
    "action.set_status": QT_TRANSLATE_NOOP("AuditActions", "Changed an action item's status"),
    "action.delete": QT_TRANSLATE_NOOP("AuditActions", "Deleted an action item"),
    "minutes.approve": QT_TRANSLATE_NOOP("AuditActions", "Approved the minutes"),
    "minutes.publish": QT_TRANSLATE_NOOP("AuditActions", "Published the minutes"),
}

KNOWN = frozenset(_NAMES)
"""The action codes this client names."""


def action_name(code: str) -> str:
    """The name of the audit action ``code`` in the interface's language (the code itself
    when this client does not know it)."""
    name = _NAMES.get(code)
    return QCoreApplication.translate(CONTEXT, str(name)) if name is not None else code
