"""The audit log's HTTP routes for the admin's viewer: blocking calls with the session's
bearer token, to run off the GUI thread (``ui.tasks.run_in_thread``)."""

from __future__ import annotations

import http.client
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from meeting_app.net.auth import normalize_server_url
from meeting_app.net.exports import ExportError, fetch
from meeting_app.net.server_messages import server_message

_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # same as auth.py
CHUNK = 64 * 1024


@dataclass(frozen=True)
class AuditQuery:
    """The viewer's filters; None means any."""

    meeting_id: int | None = None
    action: str | None = None
    user_id: int | None = None

    def params(self) -> dict[str, str]:
        """As query parameters."""
        given = {"meeting_id": self.meeting_id, "action": self.action, "user_id": self.user_id}
        return {k: str(v) for k, v in given.items() if v not in (None, "")}


def _url(server_url: str, path: str, params: dict[str, str]) -> str:
    query = urllib.parse.urlencode(params)
    return f"{normalize_server_url(server_url)}{path}" + (f"?{query}" if query else "")


def fetch_page(server_url: str, token: str, query: AuditQuery, before_seq: int | None = None,
               limit: int = 100) -> dict[str, Any]:
    """``GET /api/audit``: ``{"entries", "next_before_seq", "actions", "actors"}``, newest first."""
    params = {**query.params(), "limit": str(limit)}
    if before_seq is not None:
        params["before_seq"] = str(before_seq)
    return dict(json.loads(fetch(_url(server_url, "/api/audit", params), token)))


def fetch_verdict(server_url: str, token: str) -> dict[str, Any]:
    """``GET /api/audit/verify``: ``{"ok", "entries", "verified_seq", "head_hash", "broken_seq",
    "reason"}``."""
    return dict(json.loads(fetch(_url(server_url, "/api/audit/verify", {}), token, timeout=120)))


def download_csv(server_url: str, token: str, query: AuditQuery, target: Path,
                 progress: Callable[[int, int | None], None] | None = None, timeout: float = 120) -> int:
    """Stream ``GET /api/audit.csv`` into ``target`` (replaced only once complete);
    ``progress(bytes_so_far, total_or_None)`` after each piece. Returns the size."""
    url = _url(server_url, "/api/audit.csv", query.params())
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    partial = target.with_name(target.name + ".part")
    try:
        with _opener.open(request, timeout=timeout) as answer, partial.open("wb") as out:
            length = answer.headers.get("Content-Length")
            total = int(length) if length and length.isdigit() else None
            done = 0
            while chunk := answer.read(CHUNK):
                out.write(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
        os.replace(partial, target)
        return done
    except urllib.error.HTTPError as error:
        with error:
            raise ExportError(_refusal(error.code, error.read())) from None
    except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
        reason = error.reason if isinstance(error, urllib.error.URLError) else error
        raise ExportError(f"The audit log could not be exported: {reason}") from None
    finally:
        partial.unlink(missing_ok=True)


def _refusal(status: int, body: bytes) -> str:
    return server_message(body) or f"The server refused the export (HTTP {status})."
