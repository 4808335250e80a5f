"""Server error messages shown in the interface's language.

The server answers a refused command with an English message (the wire contract is fixed
and other programs read it). This catalogue holds one entry per message the server writes:
the English template, its fields written ``%1``, ``%2``… as they are f-string fields on the
server, is both the pattern a received message is matched against and the source text of
its translation (context ``ServerMessages``). A message the catalogue does not know is shown
as a translated generic text for its error code followed by the original, so nothing is lost.

tests/client/test_server_messages.py reads every message of server/ and protocol/ and fails
when one is missing here.
"""

from __future__ import annotations

import json
import re
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "ServerMessages"

# QT_TRANSLATE_NOOP is typed as returning object: str() below gives the text its type.
_TEMPLATES = (
    QT_TRANSLATE_NOOP("ServerMessages", "%1 %2 not found"),
    QT_TRANSLATE_NOOP("ServerMessages", "The file is an OLE compound file (an old Office format) but is "
                                        "damaged; save it again and upload it"),
    QT_TRANSLATE_NOOP("ServerMessages", "The file is an OLE compound file but not a Word, Excel or "
                                        "PowerPoint document (it may be an e-mail message or an installer)"),
    QT_TRANSLATE_NOOP("ServerMessages", "The file is a zip archive but not a Word, Excel, PowerPoint or "
                                        "OpenDocument text, spreadsheet or presentation"),
    QT_TRANSLATE_NOOP("ServerMessages", "The file is a zip but not a readable one (damaged or incomplete); "
                                        "save it again and upload it"),
    QT_TRANSLATE_NOOP("ServerMessages", "%1 is an Office document. This server converts Office "
                                        "documents to PDF with LibreOffice, which is not installed on "
                                        "it: upload the document as PDF, or ask the administrator to "
                                        "install LibreOffice (e.g. the libreoffice-writer-nogui "
                                        "package)."),
    QT_TRANSLATE_NOOP("ServerMessages", "%1 is an Office document. This server converts Office "
                                        "documents only in a sandbox (bubblewrap), which is not "
                                        "installed or cannot run here: upload the document as PDF, or "
                                        "ask the administrator to install the bubblewrap package."),
    QT_TRANSLATE_NOOP("ServerMessages", "%1 is named like a PDF but is not one (it does not start with "
                                        "%PDF-); accepted: %2"),
    QT_TRANSLATE_NOOP("ServerMessages", "%1 is named like an Office document but its content is not "
                                        "one; accepted: %2"),
    QT_TRANSLATE_NOOP("ServerMessages", "%1 is not a document this server takes; accepted: %2"),
    QT_TRANSLATE_NOOP("ServerMessages", "%1: a positive number"),
    QT_TRANSLATE_NOOP("ServerMessages", "%1: a whole number from %2 to %3"),
    QT_TRANSLATE_NOOP("ServerMessages", "%1: cannot be cleared"),
    QT_TRANSLATE_NOOP("ServerMessages", "%1: given twice"),
    QT_TRANSLATE_NOOP("ServerMessages", "%1: longer than %2 KB"),
    QT_TRANSLATE_NOOP("ServerMessages", "%1: may not be null"),
    QT_TRANSLATE_NOOP("ServerMessages", "%1: not UTF-8 text"),
    QT_TRANSLATE_NOOP("ServerMessages", "A command is an event name (text) and one JSON object"),
    QT_TRANSLATE_NOOP("ServerMessages", "A command's payload is JSON: binary data is not accepted"),
    QT_TRANSLATE_NOOP("ServerMessages", "A command's payload is one JSON object"),
    QT_TRANSLATE_NOOP("ServerMessages", "A meeting needs a start time"),
    QT_TRANSLATE_NOOP("ServerMessages", "A meeting needs a title"),
    QT_TRANSLATE_NOOP("ServerMessages", "A login token is required"),
    QT_TRANSLATE_NOOP("ServerMessages", "A member cannot represent themself"),
    QT_TRANSLATE_NOOP("ServerMessages", "A password has at least %1 characters"),
    QT_TRANSLATE_NOOP("ServerMessages", "A proxy is never named by the proxy"),
    QT_TRANSLATE_NOOP("ServerMessages", "A proxy is named by the member themself, or by the chair from the "
                                        "member's written authorisation"),
    QT_TRANSLATE_NOOP("ServerMessages", "A site secretary cannot move anyone to another site"),
    QT_TRANSLATE_NOOP("ServerMessages", "A site secretary manages only the participants of their own site"),
    QT_TRANSLATE_NOOP("ServerMessages", "A username is 1 to 64 letters A-Z without marks, digits, "
                                        "dots, hyphens or underscores, starting with a letter or "
                                        "digit"),
    QT_TRANSLATE_NOOP("ServerMessages", "A vote opens while the meeting is live"),
    QT_TRANSLATE_NOOP("ServerMessages", "Action item %1 not found"),
    QT_TRANSLATE_NOOP("ServerMessages", "Agenda item %1 not found"),
    QT_TRANSLATE_NOOP("ServerMessages", "Already voted"),
    QT_TRANSLATE_NOOP("ServerMessages", "An agenda item needs a title"),
    QT_TRANSLATE_NOOP("ServerMessages", "An observer cannot be given the floor"),
    QT_TRANSLATE_NOOP("ServerMessages", "An observer cannot represent a member"),
    QT_TRANSLATE_NOOP("ServerMessages", "An observer has no voice in the meeting"),
    QT_TRANSLATE_NOOP("ServerMessages", "Ask for a version or for the draft, not both"),
    QT_TRANSLATE_NOOP("ServerMessages", "Authorization: Bearer <token> is required"),
    QT_TRANSLATE_NOOP("ServerMessages", "Change your own password with \"Change password\" (it asks "
                                        "for the current one)"),
    QT_TRANSLATE_NOOP("ServerMessages", "Check in first: a proxy votes while present"),
    QT_TRANSLATE_NOOP("ServerMessages", "Check in first: members present vote"),
    QT_TRANSLATE_NOOP("ServerMessages", "Checking the PDF needed more than %1 s of processing; it is "
                                        "too complex or built to exhaust a reader"),
    QT_TRANSLATE_NOOP("ServerMessages", "Checking the PDF took longer than %1 s; it is too complex or "
                                        "built to stall a reader"),
    QT_TRANSLATE_NOOP("ServerMessages", "Choices: need min_choices <= max_choices <= %1 options"),
    QT_TRANSLATE_NOOP("ServerMessages", "Cite the member's written authorisation to name a proxy for them"),
    QT_TRANSLATE_NOOP("ServerMessages", "Converting %1 to PDF took longer than %2 s"),
    QT_TRANSLATE_NOOP("ServerMessages", "Document %1 has no version %2"),
    QT_TRANSLATE_NOOP("ServerMessages", "Document %1 not found"),
    QT_TRANSLATE_NOOP("ServerMessages", "Invalid payload: %1"),
    QT_TRANSLATE_NOOP("ServerMessages", "LibreOffice could not convert the document to PDF%1"),
    QT_TRANSLATE_NOOP("ServerMessages", "Malformed multipart form: %1"),
    QT_TRANSLATE_NOOP("ServerMessages", "Malformed multipart form: a part's header holds a control "
                                        "character (a line break or NUL in the file name?)"),
    QT_TRANSLATE_NOOP("ServerMessages", "Malformed multipart form: every part needs a name"),
    QT_TRANSLATE_NOOP("ServerMessages", "Meeting %1 not found"),
    QT_TRANSLATE_NOOP("ServerMessages", "Meeting %1 not found (join it before sending heartbeats)"),
    QT_TRANSLATE_NOOP("ServerMessages", "No pending request %1"),
    QT_TRANSLATE_NOOP("ServerMessages", "No such annotation"),
    QT_TRANSLATE_NOOP("ServerMessages", "No user is named %1"),
    QT_TRANSLATE_NOOP("ServerMessages", "Nobody holds the floor"),
    QT_TRANSLATE_NOOP("ServerMessages", "Nobody changes their own role, site or voting weight"),
    QT_TRANSLATE_NOOP("ServerMessages", "Nobody removes themself from a meeting"),
    QT_TRANSLATE_NOOP("ServerMessages", "Not connected"),
    QT_TRANSLATE_NOOP("ServerMessages", "Only a draft poll can be changed"),
    QT_TRANSLATE_NOOP("ServerMessages", "Only a member (the chair or a delegate) can be represented"),
    QT_TRANSLATE_NOOP("ServerMessages", "Only a participant can check in"),
    QT_TRANSLATE_NOOP("ServerMessages", "Only a participant may ask for the floor"),
    QT_TRANSLATE_NOOP("ServerMessages", "Only an administrator may export the whole audit log; give "
                                        "meeting_id for one meeting's entries"),
    QT_TRANSLATE_NOOP("ServerMessages", "Only an administrator may read the audit log"),
    QT_TRANSLATE_NOOP("ServerMessages", "Only its author may change an annotation"),
    QT_TRANSLATE_NOOP("ServerMessages", "Only its author may delete an annotation"),
    QT_TRANSLATE_NOOP("ServerMessages", "Only its author, the chair or a secretary may withdraw a request"),
    QT_TRANSLATE_NOOP("ServerMessages", "Only members vote"),
    QT_TRANSLATE_NOOP("ServerMessages", "Only the chair and the secretary may read the draft minutes"),
    QT_TRANSLATE_NOOP("ServerMessages", "Only the chair marks a present, online participant absent"),
    QT_TRANSLATE_NOOP("ServerMessages", "Only the chair or a secretary may ask for the floor on "
                                        "someone's behalf"),
    QT_TRANSLATE_NOOP("ServerMessages", "Only the chair or a secretary of the central site orders the queue"),
    QT_TRANSLATE_NOOP("ServerMessages", "Only the meeting's organiser changes the chair or a secretary"),
    QT_TRANSLATE_NOOP("ServerMessages", "Only the meeting's organiser grants the roles of chair and "
                                        "secretary"),
    QT_TRANSLATE_NOOP("ServerMessages", "Only the meeting's organiser sets voting weights"),
    QT_TRANSLATE_NOOP("ServerMessages", "Only the owner, the chair or the secretary may change this "
                                        "action item's status"),
    QT_TRANSLATE_NOOP("ServerMessages", "Poll %1 is open: close it first (one vote at a time)"),
    QT_TRANSLATE_NOOP("ServerMessages", "Poll %1 not found"),
    QT_TRANSLATE_NOOP("ServerMessages", "Checking the Office document needed more than its limits (%1 "
                                        "s of processing, %2 MB of memory): it is too large, or built "
                                        "to exhaust the checker"),
    QT_TRANSLATE_NOOP("ServerMessages", "Checking the Office document took longer than %1 s; it is too "
                                        "large, or built to stall the checker"),
    QT_TRANSLATE_NOOP("ServerMessages", "Checking the document needs more memory than allowed"),
    QT_TRANSLATE_NOOP("ServerMessages", "Converting the document to PDF needed more than its limits (%1 "
                                        "MB of memory, %2 s of processing): it is too complex, or built "
                                        "to exhaust the converter"),
    QT_TRANSLATE_NOOP("ServerMessages", "Reading the PDF needs more than %1 MB of memory"),
    QT_TRANSLATE_NOOP("ServerMessages", "Reading the PDF stopped the checking process (signal %1): the "
                                        "file is damaged, hostile, or needs more than %2 MB of memory"),
    QT_TRANSLATE_NOOP("ServerMessages", "Site %1 is not a site of this meeting"),
    QT_TRANSLATE_NOOP("ServerMessages", "Start the meeting before giving the floor"),
    QT_TRANSLATE_NOOP("ServerMessages", "Start the meeting before moving through its agenda"),
    QT_TRANSLATE_NOOP("ServerMessages", "Start the meeting before presenting"),
    QT_TRANSLATE_NOOP("ServerMessages", "Text may not contain NUL characters"),
    QT_TRANSLATE_NOOP("ServerMessages", "Text must be valid Unicode (it holds a lone UTF-16 surrogate)"),
    QT_TRANSLATE_NOOP("ServerMessages", "The PDF could not be checked (%1)"),
    QT_TRANSLATE_NOOP("ServerMessages", "The document holds %1 parts; at most %2 are accepted"),
    QT_TRANSLATE_NOOP("ServerMessages", "The document holds two parts under one name (readers would "
                                        "disagree on which counts)"),
    QT_TRANSLATE_NOOP("ServerMessages", "The document is protected by a password; upload it without the "
                                        "password"),
    QT_TRANSLATE_NOOP("ServerMessages", "The document unpacks to more than %1; it is too large to "
                                        "convert (or built to exhaust the converter)"),
    QT_TRANSLATE_NOOP("ServerMessages", "The document's part %1 declares an XML document type (DTD), "
                                        "which Office documents never do; it is how XML pulls in "
                                        "outside content"),
    QT_TRANSLATE_NOOP("ServerMessages", "The document's part %1 holds %2, which could not be removed; "
                                        "remove it (or embed the content) and upload the document again"),
    QT_TRANSLATE_NOOP("ServerMessages", "The document's part %1 is damaged (bad compressed data)"),
    QT_TRANSLATE_NOOP("ServerMessages", "The document's part %1 is damaged (no local header)"),
    QT_TRANSLATE_NOOP("ServerMessages", "The document's part %1 is not what its header says (%2 "
                                        "declared): damaged, or built to mislead"),
    QT_TRANSLATE_NOOP("ServerMessages", "The document's part %1 is not well-formed XML (%2)"),
    QT_TRANSLATE_NOOP("ServerMessages", "The document's part %1 unpacks from %2 to %3 (more than %4 "
                                        "times): a compression bomb, refused"),
    QT_TRANSLATE_NOOP("ServerMessages", "The document's part %1 unpacks to %2; parts up to %3 are "
                                        "accepted"),
    QT_TRANSLATE_NOOP("ServerMessages", "The document's part %1 uses an unusual compression (method "
                                        "%2); save it again from the Office program"),
    QT_TRANSLATE_NOOP("ServerMessages", "The PDF is damaged and cannot be read (%1)"),
    QT_TRANSLATE_NOOP("ServerMessages", "The body is nested more than %1 levels deep"),
    QT_TRANSLATE_NOOP("ServerMessages", "The body is not JSON"),
    QT_TRANSLATE_NOOP("ServerMessages", "The body is not UTF-8 text"),
    QT_TRANSLATE_NOOP("ServerMessages", "The conclusion was changed meanwhile (revision %1); it now "
                                        "reads: %2"),
    QT_TRANSLATE_NOOP("ServerMessages", "The current password is wrong"),
    QT_TRANSLATE_NOOP("ServerMessages", "The file is empty (0 bytes)"),
    QT_TRANSLATE_NOOP("ServerMessages", "The file is larger than the limit of %1 MB"),
    QT_TRANSLATE_NOOP("ServerMessages", "The meeting has already ended"),
    QT_TRANSLATE_NOOP("ServerMessages", "The meeting has ended"),
    QT_TRANSLATE_NOOP("ServerMessages", "The meeting has ended; its agenda can no longer change"),
    QT_TRANSLATE_NOOP("ServerMessages", "The meeting has ended; its documents can no longer change"),
    QT_TRANSLATE_NOOP("ServerMessages", "The meeting has not started"),
    QT_TRANSLATE_NOOP("ServerMessages", "The meeting is already in progress"),
    QT_TRANSLATE_NOOP("ServerMessages", "The meeting kept changing while this command was being "
                                        "prepared; try again"),
    QT_TRANSLATE_NOOP("ServerMessages", "The meeting must end after it starts"),
    QT_TRANSLATE_NOOP("ServerMessages", "The minutes have no version %1"),
    QT_TRANSLATE_NOOP("ServerMessages", "The minutes of this meeting are not published yet"),
    QT_TRANSLATE_NOOP("ServerMessages", "The new order must name every agenda item exactly once"),
    QT_TRANSLATE_NOOP("ServerMessages", "The new order must name every pending %1 request exactly once"),
    QT_TRANSLATE_NOOP("ServerMessages", "The password must not be the username"),
    QT_TRANSLATE_NOOP("ServerMessages", "The payload is larger than %1 KB"),
    QT_TRANSLATE_NOOP("ServerMessages", "The payload is nested more than %1 levels deep"),
    QT_TRANSLATE_NOOP("ServerMessages", "The proxy is represented by someone else: a proxy cannot be "
                                        "represented"),
    QT_TRANSLATE_NOOP("ServerMessages", "The request's body is too large"),
    QT_TRANSLATE_NOOP("ServerMessages", "The sealed ballots of poll %1 cannot be opened: their key is "
                                        "missing from the server's ballot-seals directory"),
    QT_TRANSLATE_NOOP("ServerMessages", "The server cannot reach its database right now; try again in "
                                        "a moment (a retry with the same request_id is carried out at "
                                        "most once)"),
    QT_TRANSLATE_NOOP("ServerMessages", "The server cannot reach its database right now; try again "
                                        "in a moment"),
    QT_TRANSLATE_NOOP("ServerMessages", "The server could not accept this connection; try again"),
    QT_TRANSLATE_NOOP("ServerMessages", "The server could not complete this command"),
    QT_TRANSLATE_NOOP("ServerMessages", "The server could not complete this request"),
    QT_TRANSLATE_NOOP("ServerMessages", "The server has no room to store this file; nothing was "
                                        "stored. Ask the administrator to free disk space, then try "
                                        "again"),
    QT_TRANSLATE_NOOP("ServerMessages", "The upload is a multipart/form-data form with a file field"),
    QT_TRANSLATE_NOOP("ServerMessages", "The username %1 is taken"),
    QT_TRANSLATE_NOOP("ServerMessages", "There is already a pending request (%1) for this participant"),
    QT_TRANSLATE_NOOP("ServerMessages", "There is no such address in this server's API"),
    QT_TRANSLATE_NOOP("ServerMessages", "This account is deactivated"),
    QT_TRANSLATE_NOOP("ServerMessages", "This address does not take the %1 method"),
    QT_TRANSLATE_NOOP("ServerMessages", "This annotation was deleted on another device"),
    QT_TRANSLATE_NOOP("ServerMessages", "This ballot_id was already used"),
    QT_TRANSLATE_NOOP("ServerMessages", "This command's subject moved while it ran; try again"),
    QT_TRANSLATE_NOOP("ServerMessages", "This member is present and votes in person"),
    QT_TRANSLATE_NOOP("ServerMessages", "This member represents others, so cannot be represented"),
    QT_TRANSLATE_NOOP("ServerMessages", "This participant does not vote"),
    QT_TRANSLATE_NOOP("ServerMessages", "This poll has not been opened"),
    QT_TRANSLATE_NOOP("ServerMessages", "This poll is already closed"),
    QT_TRANSLATE_NOOP("ServerMessages", "This poll is already open"),
    QT_TRANSLATE_NOOP("ServerMessages", "This poll is closed"),
    QT_TRANSLATE_NOOP("ServerMessages", "This request_id was already used for another command"),
    QT_TRANSLATE_NOOP("ServerMessages", "This request_id was already used with a different payload; "
                                        "a new request needs a new request_id"),
    QT_TRANSLATE_NOOP("ServerMessages", "This server speaks protocol version %1; update the app to "
                                        "connect"),
    QT_TRANSLATE_NOOP("ServerMessages", "This session has expired; log in again"),
    QT_TRANSLATE_NOOP("ServerMessages", "This session was idle for more than %1 minutes; log in again"),
    QT_TRANSLATE_NOOP("ServerMessages", "This session was logged out; log in again"),
    QT_TRANSLATE_NOOP("ServerMessages", "This written poll does not ask this member"),
    QT_TRANSLATE_NOOP("ServerMessages", "The shared annotations of this meeting would take %1 KB; the "
                                        "limit is %2 KB. Keep this one private, or remove shared ones"),
    QT_TRANSLATE_NOOP("ServerMessages", "This login already has %1 connections open, the limit; close "
                                        "some windows or log in again"),
    QT_TRANSLATE_NOOP("ServerMessages", "Too many commands too fast; try again in %1 s"),
    QT_TRANSLATE_NOOP("ServerMessages", "Too many exports too fast; try again in %1 s"),
    QT_TRANSLATE_NOOP("ServerMessages", "Too many failed logins from this address; try again in a moment"),
    QT_TRANSLATE_NOOP("ServerMessages", "Too many failed logins; try again in %1 minutes"),
    QT_TRANSLATE_NOOP("ServerMessages", "Too many searches too fast; try again in %1 s"),
    QT_TRANSLATE_NOOP("ServerMessages", "Too many uploads too fast; try again in %1 s"),
    QT_TRANSLATE_NOOP("ServerMessages", "Two sites have the same name"),
    QT_TRANSLATE_NOOP("ServerMessages", "Unknown command %1"),
    QT_TRANSLATE_NOOP("ServerMessages", "Unknown token; log in again"),
    QT_TRANSLATE_NOOP("ServerMessages", "User %1 is not a participant of this meeting"),
    QT_TRANSLATE_NOOP("ServerMessages", "User %1 not found"),
    QT_TRANSLATE_NOOP("ServerMessages", "Who is a member cannot change while a poll is open"),
    QT_TRANSLATE_NOOP("ServerMessages", "Wrong username or password"),
    QT_TRANSLATE_NOOP("ServerMessages", "You already keep %1 annotations on this document; the limit is %2"),
    QT_TRANSLATE_NOOP("ServerMessages", "Voting weights cannot change while a poll is open"),
    QT_TRANSLATE_NOOP("ServerMessages", "You cannot deactivate your own account"),
    QT_TRANSLATE_NOOP("ServerMessages", "You cannot remove your own administrator role"),
    QT_TRANSLATE_NOOP("ServerMessages", "You do not have the right to do this"),
    QT_TRANSLATE_NOOP("ServerMessages", "You do not represent this member"),
    QT_TRANSLATE_NOOP("ServerMessages", "You may not present a document you may not read"),
    QT_TRANSLATE_NOOP("ServerMessages", "You may not read this document"),
    QT_TRANSLATE_NOOP("ServerMessages", "Your annotations on this document would take %1 KB; the limit "
                                        "is %2 KB"),
    QT_TRANSLATE_NOOP("ServerMessages", "access: no user with id %1"),
    QT_TRANSLATE_NOOP("ServerMessages", "action: at most 64 characters"),
    QT_TRANSLATE_NOOP("ServerMessages", "agenda_item_id: %1 is not an agenda item of this meeting"),
    QT_TRANSLATE_NOOP("ServerMessages", "allow_change: a secret ballot cannot be found again to be changed"),
    QT_TRANSLATE_NOOP("ServerMessages", "annotation.data: %1"),
    QT_TRANSLATE_NOOP("ServerMessages", "closes_at: a written poll needs a deadline"),
    QT_TRANSLATE_NOOP("ServerMessages", "closes_at: the deadline has passed"),
    QT_TRANSLATE_NOOP("ServerMessages", "comment: none of the chosen options takes a comment"),
    QT_TRANSLATE_NOOP("ServerMessages", "document_ids: no document %1 in this meeting"),
    QT_TRANSLATE_NOOP("ServerMessages", "file: the form has no file"),
    QT_TRANSLATE_NOOP("ServerMessages", "id: this note id is already in use"),
    QT_TRANSLATE_NOOP("ServerMessages", "max_choices: a ballot must be able to choose an option"),
    QT_TRANSLATE_NOOP("ServerMessages", "option_ids: an option is chosen twice"),
    QT_TRANSLATE_NOOP("ServerMessages", "option_ids: choose %1 to %2 options"),
    QT_TRANSLATE_NOOP("ServerMessages", "option_ids: no option %1 in this poll"),
    QT_TRANSLATE_NOOP("ServerMessages", "options: two options have the same text"),
    QT_TRANSLATE_NOOP("ServerMessages", "owner_id: no user with id %1"),
    QT_TRANSLATE_NOOP("ServerMessages", "page: %1 is out of range (version %2 has %3 pages, counted from 0)"),
    QT_TRANSLATE_NOOP("ServerMessages", "page: the document has %1 pages (counted from 0)"),
    QT_TRANSLATE_NOOP("ServerMessages", "query: give at least one word to search for"),
    QT_TRANSLATE_NOOP("ServerMessages", "quorum_rule: give one of the rules (none: no quorum)"),
    QT_TRANSLATE_NOOP("ServerMessages", "replaces: document %1 is not a document of this meeting"),
    QT_TRANSLATE_NOOP("ServerMessages", "since: an ISO 8601 time"),
    QT_TRANSLATE_NOOP("ServerMessages", "title: a new document needs a title"),
    QT_TRANSLATE_NOOP("ServerMessages", "version: a version number"),
    QT_TRANSLATE_NOOP("ServerMessages", "version: document %1 has no version %2"),
    QT_TRANSLATE_NOOP("ServerMessages", "voter_ids: %1 are not members of this meeting"),
)
TEMPLATES: tuple[str, ...] = tuple(str(text) for text in _TEMPLATES)
"""Every message the server sends in an error, in English, fields as ``%1``, ``%2``…"""

_GENERIC = {
    "forbidden": QT_TRANSLATE_NOOP("ServerMessages", "You do not have the right to do this"),
    "not_found": QT_TRANSLATE_NOOP("ServerMessages", "What the command names does not exist"),
    "invalid": QT_TRANSLATE_NOOP("ServerMessages", "The command is not valid"),
    "conflict": QT_TRANSLATE_NOOP("ServerMessages", "This conflicts with a change made meanwhile"),
    "closed": QT_TRANSLATE_NOOP("ServerMessages", "This can no longer be changed"),
    "unauthenticated": QT_TRANSLATE_NOOP("ServerMessages", "You are not signed in"),
    "rate_limited": QT_TRANSLATE_NOOP("ServerMessages", "Too many attempts; try again later"),
    "internal": QT_TRANSLATE_NOOP("ServerMessages", "The server could not complete this"),
}
GENERIC: dict[str, str] = {code: str(text) for code, text in _GENERIC.items()}
"""A generic text per error code, for a message the catalogue does not know."""
UNKNOWN_CODE = str(QT_TRANSLATE_NOOP("ServerMessages", "The server refused this"))
FIELD = re.compile(r"%([1-9])")


def _filled(text: str, fields: dict[str, str]) -> str:
    """``text`` with ``%1``, ``%2``… replaced by the fields captured as ``f1``, ``f2``…
    (in one pass: a field's own text is never read as a mark)."""
    return FIELD.sub(lambda mark: fields.get(f"f{mark.group(1)}") or "", text)


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, template) pairs, the most specific (most fixed text) first: "Poll %1 not
    found" must win over the generic "%1 %2 not found"."""
    def fixed_length(template: str) -> int:
        return len(FIELD.sub("", template))

    patterns = []
    for template in sorted(TEMPLATES, key=fixed_length, reverse=True):
        pieces = FIELD.split(template)  # text, field number, text, field number, …
        regex = "".join(re.escape(piece) if i % 2 == 0 else f"(?P<f{piece}>.*?)"
                        for i, piece in enumerate(pieces))
        patterns.append((re.compile(regex, re.DOTALL), template))
    return tuple(patterns)


def known(message: str) -> bool:
    """Whether ``message`` is one of the catalogue's server messages."""
    return any(pattern.fullmatch(message) for pattern, _ in _patterns())


def translate_server_message(message: str, code: str | None = None) -> str:
    """``message`` (a server error's English text) in the interface's language.

    A known message is translated with its fields kept; an unknown one is shown as the
    generic text for ``code`` followed by the original message (in English, where the
    generic text would only repeat it less precisely, the original alone)."""
    message = message.strip()
    for pattern, template in _patterns():
        match = pattern.fullmatch(message)
        if match is None:
            continue
        translated = QCoreApplication.translate(CONTEXT, template)
        return _filled(translated, match.groupdict())
    source = GENERIC.get(code or "", UNKNOWN_CODE)
    generic = QCoreApplication.translate(CONTEXT, source)
    if not message:
        return generic
    if generic == source:  # not translated: the interface speaks English
        return message
    return QCoreApplication.translate("ServerMessages", "%1. The server said: “%2”").replace(
        "%1", generic, 1).replace("%2", message, 1)


def server_message(body: bytes) -> str:
    """The message of an HTTP error body ``{"error": {"code", "message"}}`` in the
    interface's language, or "" when the body has none."""
    try:
        error = json.loads(body)["error"]
        message, code = error["message"], error.get("code")
    except (ValueError, KeyError, TypeError, AttributeError):
        return ""
    if not isinstance(message, str) or not message:
        return ""
    return translate_server_message(message, code if isinstance(code, str) else None)


def http_refusal(status: int, body: bytes, plain: dict[int, str], refused: str) -> str:
    """What to say of a refused HTTP request: the server's own message, in the interface's
    language; else ``plain``'s text for ``status`` (a 401 without one: the session ended);
    else ``refused`` with its ``{status}`` filled in."""
    message = server_message(body)
    if message:
        return message
    if status in plain:
        return plain[status]
    if status == 401:
        return QCoreApplication.translate("net", "Your session has ended; sign in again.")
    return refused.format(status=status)
