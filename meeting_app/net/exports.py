"""Files the server makes for a meeting (the attendance list as CSV): blocking HTTP GETs
with the session's bearer token, to run off the GUI thread (``ui.tasks.run_in_thread``)."""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request

from PySide6.QtCore import QCoreApplication

import meeting_app.net.tls as tls
from meeting_app.net.auth import normalize_server_url
from meeting_app.net.server_messages import http_refusal

MAX_BYTES = 50 * 1024 * 1024
"""An export larger than this is refused rather than held in memory."""


translate = QCoreApplication.translate
"""``translate(context, text)``: the form the translation tools find."""



class ExportError(Exception):
    """An export that could not be fetched; the message is for the user (English)."""


def attendance_csv_url(server_url: str, meeting_id: int) -> str:
    """Where the server serves a meeting's attendance list."""
    return f"{normalize_server_url(server_url)}/api/meetings/{meeting_id}/attendance.csv"


def fetch_attendance_csv(server_url: str, token: str, meeting_id: int,
                         timeout: float = 30.0) -> bytes:
    """The attendance CSV's bytes exactly as the server sent them (UTF-8 with BOM).

    Blocking. Raises ``ExportError`` when the server refuses or cannot be reached.
    """
    return fetch(attendance_csv_url(server_url, meeting_id), token, timeout)


def fetch(url: str, token: str, timeout: float = 30.0) -> bytes:
    """GET ``url`` with the bearer token; the body, or ``ExportError``.

    A ``429`` whose ``Retry-After`` is at most ``MAX_RETRY_AFTER`` seconds is fetched again
    once after that wait (a GET changes nothing); a longer one is the server's message."""
    try:
        return _fetch_once(url, token, timeout)
    except _TooFast as busy:
        time.sleep(busy.seconds)  # the server's own retry time, in a worker thread
        try:
            return _fetch_once(url, token, timeout, retry=False)
        except _TooFast as again:
            raise ExportError(again.message) from None


MAX_RETRY_AFTER = 5
"""The longest ``Retry-After`` an export waits for by itself, in seconds."""


class _TooFast(Exception):
    def __init__(self, seconds: int, message: str) -> None:
        super().__init__(message)
        self.seconds, self.message = seconds, message


def _fetch_once(url: str, token: str, timeout: float, retry: bool = True) -> bytes:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    try:
        with tls.open_url(request, timeout=timeout) as answer:
            body: bytes = answer.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as error:
        with error:
            message = _refusal(error.code, error.read())
            wait = (error.headers.get("Retry-After") or "").strip()
            if error.code == 429 and wait.isdigit() and (not retry or int(wait) <= MAX_RETRY_AFTER):
                raise _TooFast(int(wait), message) from None
            raise ExportError(message) from None
    except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
        if problem := tls.certificate_problem(error):
            raise ExportError(tls.describe_certificate_problem(problem, url)) from None
        reason = error.reason if isinstance(error, urllib.error.URLError) else error
        raise ExportError(f"The server could not be reached: {reason}") from None
    except tls.CaFileError as error:
        raise ExportError(str(error)) from None
    if len(body) > MAX_BYTES:
        raise ExportError("The export is too large.")
    return body


def _refusal(status: int, body: bytes) -> str:
    return http_refusal(status, body, {
        403: translate("net", "Only the chair and the secretaries may export the attendance list."),
        404: translate("net", "This meeting no longer exists.")},
        translate("net", "The server refused the export (HTTP {status})."))
