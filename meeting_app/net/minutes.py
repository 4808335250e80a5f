"""Downloading the minutes of a meeting (PDF or DOCX) over HTTP with the login token.

``GET /api/meetings/{id}/minutes.pdf|.docx[?version=N]``: the published version, or the
draft made on the fly for the chair and the secretary before publication. Blocking: call
it off the GUI thread (``meeting_app.ui.tasks.run_in_thread``).
"""

from __future__ import annotations

import http.client
import os
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from PySide6.QtCore import QCoreApplication

import meeting_app.net.tls as tls
from meeting_app.net.server_messages import http_refusal

FORMATS = ("pdf", "docx")


translate = QCoreApplication.translate
"""``translate(context, text)``: the form the translation tools find."""



class MinutesError(Exception):
    """The minutes could not be downloaded; the message says why, for the user."""


DOCUMENTS = ("minutes", "conclusions")
"""The minutes (BIÊN BẢN HỌP) and the notice of conclusions (THÔNG BÁO KẾT LUẬN)."""


def minutes_url(server_url: str, meeting_id: int, fmt: str, version: int | None = None, *,
                document: str = "minutes", draft: bool = False) -> str:
    """The address of a meeting's minutes (or ``document="conclusions"``: its notice of
    conclusions) in ``fmt`` ("pdf" or "docx"); ``draft``: the draft as it stands now."""
    if fmt not in FORMATS:
        raise ValueError(f"minutes come as {' or '.join(FORMATS)}, not {fmt}")
    if document not in DOCUMENTS:
        raise ValueError(f"no such document {document!r}")
    url = f"{server_url.rstrip('/')}/api/meetings/{meeting_id}/{document}.{fmt}"
    if draft:
        return f"{url}?draft=1"
    return url if version is None else f"{url}?version={version}"


def download_minutes(server_url: str, token: str, meeting_id: int, fmt: str, target: Path,
                     version: int | None = None, timeout: float = 120.0, *, document: str = "minutes",
                     draft: bool = False) -> int:
    """Save the minutes (or the notice of conclusions) to ``target`` (replaced only once
    complete); return the byte count."""
    url = minutes_url(server_url, meeting_id, fmt, version, document=document, draft=draft)
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    try:
        with tls.open_url(request, timeout=timeout) as answer:
            body = answer.read()
    except urllib.error.HTTPError as error:
        with error:
            raise MinutesError(_refusal(error.code, error.read())) from None
    except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
        if problem := tls.certificate_problem(error):
            raise MinutesError(tls.describe_certificate_problem(problem, url)) from None
        reason = error.reason if isinstance(error, urllib.error.URLError) else error
        raise MinutesError(f"The server could not be reached ({reason}).") from None
    except tls.CaFileError as error:
        raise MinutesError(str(error)) from None
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".minutes-", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(body)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return len(body)


def _refusal(status: int, body: bytes) -> str:
    return http_refusal(status, body, {
        404: translate("net", "The minutes are not available yet (not published)."),
        403: translate("net", "You may not read these minutes.")},
        translate("net", "The server refused the download (HTTP {status})."))
