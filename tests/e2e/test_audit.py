"""The audit trail against a real server: what is recorded, who may read it, and
``meeting-server audit verify`` catching a tampered row."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from typing import Any

import pytest

from tests.e2e.demo_activity import MEETING_ID, activity, get
from tests.e2e.helpers import http
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.e2e


def entries(server: ServerProcess, token: str, query: str = "") -> list[dict[str, Any]]:
    status, body = http(server, "GET", f"/api/audit?limit=500{query}", token=token)
    assert status == 200, body
    return list(body["entries"])


def cli(server: ServerProcess, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "server.cli", *args, "--data-dir", str(server.data_dir)],
                          capture_output=True, text=True, timeout=60)


def test_the_audit_trail_records_reads_and_is_verified(demo_server: ServerProcess) -> None:
    admin = demo_server.login("admin")["token"]
    chair = demo_server.login("chair")["token"]
    delegate = demo_server.login("delegate1")
    assert http(demo_server, "POST", "/api/login", {"username": "delegate1", "password": "sai"})[0] == 401
    done = activity(demo_server, chair, delegate["token"])
    doc = done["document_id"]
    # One download in three requests (a first range, a continuation) and a second open: one entry.
    for headers in ({"Range": "bytes=0-99"}, {"Range": "bytes=100-"}, {}):
        assert get(demo_server, f"/api/documents/{doc}/content", delegate["token"], headers)[0] in (200, 206)

    seen = entries(demo_server, admin)
    assert [e["seq"] for e in seen] == sorted((e["seq"] for e in seen), reverse=True)
    mine = [e for e in seen if e["actor_id"] == delegate["user"]["id"]]
    actions = [e["action"] for e in mine]
    assert "login" in actions and "login.failed" in actions
    opens = [e for e in mine if e["action"] == "document.open"]
    assert len(opens) == 1, opens
    assert opens[0]["details"]["document_id"] == doc and opens[0]["meeting_id"] == MEETING_ID
    votes = {e["details"]["poll_id"]: e for e in mine if e["action"] == "poll.vote"}
    secret_id, _secret_choice = done["polls"][True]
    named_id, named_choice = done["polls"][False]
    assert "option_ids" not in votes[secret_id]["details"] and votes[secret_id]["details"]["secret"] is True
    assert votes[named_id]["details"]["option_ids"] == [named_choice]
    assert not any("receipt" in json.dumps(e) for e in seen), "no receipt may tie a voter to a ballot"
    assert {"poll.open", "meeting.start"} <= {e["action"] for e in seen}

    # Filters and paging.
    page = http(demo_server, "GET", "/api/audit?action=poll.&limit=2", token=admin)[1]
    assert len(page["entries"]) == 2 and all(e["action"].startswith("poll.") for e in page["entries"])
    rest = http(demo_server, "GET", f"/api/audit?action=poll.&before_seq={page['next_before_seq']}",
                token=admin)[1]
    assert rest["entries"] and max(e["seq"] for e in rest["entries"]) < page["next_before_seq"]
    assert "poll.vote" in page["actions"]

    # Who may read: admins everything, the chair their meeting's CSV, a delegate nothing.
    assert http(demo_server, "GET", "/api/audit", token=delegate["token"])[0] == 403
    assert http(demo_server, "GET", "/api/audit/verify", token=chair)[0] == 403
    assert get(demo_server, "/api/audit.csv", chair)[0] == 403
    status, csv_body = get(demo_server, f"/api/audit.csv?meeting_id={MEETING_ID}", chair)
    assert status == 200 and csv_body.startswith("\ufeffseq,at,".encode())
    assert "Đồng ý" not in csv_body.decode("utf-8") and "poll.vote" in csv_body.decode("utf-8")
    assert get(demo_server, f"/api/audit.csv?meeting_id={MEETING_ID}", delegate["token"])[0] == 403
    verdict = http(demo_server, "GET", "/api/audit/verify", token=admin)[1]
    assert verdict["ok"] and verdict["verified_seq"] == max(e["seq"] for e in seen)

    # The command line: intact, then a row changed behind the triggers' back.
    demo_server.stop()
    intact = cli(demo_server, "audit", "verify")
    assert intact.returncode == 0, intact.stdout + intact.stderr
    assert f"head: {verdict['verified_seq']}:{verdict['head_hash']}" in intact.stdout
    exported = cli(demo_server, "audit", "export", "--format", "jsonl", "--meeting", str(MEETING_ID))
    lines = [json.loads(line) for line in exported.stdout.splitlines()]
    assert lines and all(e["meeting_id"] == MEETING_ID for e in lines)
    target = votes[named_id]["seq"]
    with sqlite3.connect(demo_server.data_dir / "meetings.db") as connection:
        connection.execute("DROP TRIGGER audit_log_no_update")
        forged = {**votes[named_id]["details"], "option_ids": [named_choice + 1]}
        changed = connection.execute("UPDATE audit_log SET details = ? WHERE seq = ?",
                                     (json.dumps(forged), target))
        assert changed.rowcount == 1
    broken = cli(demo_server, "audit", "verify")
    assert broken.returncode == 1
    assert f"BROKEN at seq {target}" in broken.stdout and "changed" in broken.stdout
