"""Files the server makes for a meeting (the attendance list as CSV): blocking HTTP GETs
with the session's bearer token, to run off the GUI thread (``ui.tasks.run_in_thread``)."""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request

from PySide6.QtCore import QCoreApplication

from meeting_app.net import tls
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
    """GET ``url`` with the bearer token; the body, or ``ExportError``."""
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    try:
        with tls.open_url(request, timeout=timeout) as answer:
            body: bytes = answer.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as error:
        with error:
            raise ExportError(_refusal(error.code, error.read())) from None
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
