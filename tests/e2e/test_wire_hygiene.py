"""Whatever reaches a real server process gets a clear answer, and a bad frame one log line.

HTTP: JSON nested hundreds of thousands deep, unknown routes, wrong methods and odd upload
file names are each a JSON error body with a 4xx status, never a 500 or aiohttp's plain
text. Socket.IO: a command payload nested past any parser's stack, holding binary data, or
larger than the command limit is answered ``invalid`` with its ack; a frame past the
transport's limit closes the websocket with 1009; malformed frames leave one warning line in
the log, no traceback. SIGTERM ends the process within 2 s even after an abandoned
long-polling handshake.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect as ws_connect

from tests.e2e.documents import download, multipart, post_form
from tests.e2e.helpers import Client, http, login, new_meeting
from tests.support.pdfs import meeting_pdf
from tests.support.server_process import ServerProcess, wait_until

pytestmark = pytest.mark.e2e


def deep(levels: int) -> str:
    return "[" * levels + "]" * levels


@pytest.fixture(scope="module")
def tokens(logins: dict[str, dict[str, object]]) -> dict[str, str]:
    return {name: str(answer["token"]) for name, answer in logins.items()}


def raw_request(server: ServerProcess, method: str, path: str, body: bytes | None = None,
                token: str | None = None) -> tuple[int, dict[str, str], bytes]:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(server.url + path, method=method, data=body, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, dict(answer.headers.items()), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers.items()), error.read()


def json_error(headers: dict[str, str], body: bytes) -> dict[str, Any]:
    """The protocol's error body, after checking it is one."""
    assert headers.get("Content-Type", "").startswith("application/json"), headers
    error = json.loads(body)["error"]
    assert set(error) >= {"code", "message"} and error["message"], error
    return dict(error)


@pytest.mark.parametrize("levels", [1_000, 500_000])
def test_deeply_nested_json_to_login_and_password_is_a_400(server: ServerProcess, tokens: dict[str, str],
                                                           levels: int) -> None:
    body = ('{"username": ' + deep(levels) + ', "password": "x"}').encode()
    for path, token in (("/api/login", None), ("/api/password", tokens["observer1"])):
        status, headers, answer = raw_request(server, "POST", path, body, token)
        assert status == 400, (path, status, answer[:200])
        error = json_error(headers, answer)
        assert error["code"] == "invalid" and "nested" in error["message"]
    assert "RecursionError" not in server.log() and "Traceback" not in server.log()


@pytest.mark.parametrize(("method", "path", "status", "code"), [
    ("GET", "/api/no-such-route", 404, "not_found"),
    ("POST", "/api/meetings/1/nothing", 404, "not_found"),
    ("GET", "/", 404, "not_found"),
    ("GET", "/api/login", 405, "invalid"),
    ("DELETE", "/api/health", 405, "invalid"),
    ("OPTIONS", "/api/login", 405, "invalid"),
])
def test_unknown_routes_and_wrong_methods_answer_the_json_error_body(
        server: ServerProcess, method: str, path: str, status: int, code: str) -> None:
    answer_status, headers, body = raw_request(server, method, path)
    assert answer_status == status
    assert json_error(headers, body)["code"] == code
    if status == 405:
        assert "POST" in headers.get("Allow", "") or "GET" in headers.get("Allow", "")


@pytest.fixture(scope="module")
def meeting_id(server: ServerProcess, tokens: dict[str, str], user_ids: dict[str, int]) -> int:
    async def make() -> int:
        admin = await Client(server, tokens["admin"], "admin").connect()
        try:
            return (await new_meeting(admin, user_ids)).id
        finally:
            await admin.close()

    return asyncio.run(make())


@pytest.mark.parametrize("filename", ["bao\rcao.pdf", "bao\x00cao.pdf", "bao\r\nX-Evil: 1.pdf",
                                      'Báo "cáo"; x.pdf'])
def test_an_upload_named_with_control_characters_is_stored_under_a_clean_name(
        server: ServerProcess, tokens: dict[str, str], meeting_id: int, tmp_path: Path,
        filename: str) -> None:
    content = meeting_pdf(tmp_path / "doc.pdf", text_pages=1).path.read_bytes()
    boundary = "hygieneboundary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nBáo cáo\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"").encode() \
        + filename.encode() + b"\"\r\nContent-Type: application/pdf\r\n\r\n" + content \
        + f"\r\n--{boundary}--\r\n".encode()
    status, answer = post_form(server, tokens["secretary"], meeting_id, body,
                               f"multipart/form-data; boundary={boundary}")
    assert status in (201, 400), (status, answer)
    if status == 400:
        assert answer["error"]["code"] == "invalid" and answer["error"]["message"]
        return
    document = answer["document"]
    fetched = download(server, tokens["secretary"], document["id"])
    assert fetched.status == 200 and fetched.body == content
    # Served as what it is, never sniffed into something a browser runs; named in both forms.
    assert fetched.headers["x-content-type-options"] == "nosniff"
    disposition = fetched.headers["content-disposition"]
    assert disposition.startswith("inline; filename=\"") and "filename*=UTF-8''" in disposition
    assert not any(ch in disposition for ch in "\r\n\x00")
    assert "\r" not in document["filename"] and "\x00" not in document["filename"]


def test_a_plain_upload_is_served_with_nosniff(server: ServerProcess, tokens: dict[str, str],
                                              meeting_id: int, tmp_path: Path) -> None:
    content = meeting_pdf(tmp_path / "doc.pdf", text_pages=1).path.read_bytes()
    body, content_type = multipart({"title": "Tờ trình"}, "Tờ trình số 5.pdf", content)
    status, answer = post_form(server, tokens["secretary"], meeting_id, body, content_type)
    assert status == 201, answer
    fetched = download(server, tokens["delegate1"], answer["document"]["id"])
    assert fetched.headers["x-content-type-options"] == "nosniff"
    assert fetched.headers["content-disposition"] == (
        "inline; filename=\"T_ tr_nh s_ 5.pdf\"; "
        "filename*=UTF-8''T%E1%BB%9D%20tr%C3%ACnh%20s%E1%BB%91%205.pdf")


def _open_raw(server: ServerProcess, token: str) -> Any:
    url = server.url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"
    socket = ws_connect(url, open_timeout=10, max_size=None)
    assert str(socket.recv(timeout=10)).startswith("0")
    socket.send("40" + json.dumps({"token": token, "protocol": 1}))
    assert str(socket.recv(timeout=10)).startswith("40")
    return socket


def _answer(socket: Any, ack: int, timeout: float = 10.0) -> Any:
    """The acknowledgement ``ack``'s envelope (the server's pings answered meanwhile)."""
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        frame = socket.recv(timeout=left)
        if frame == "2":
            socket.send("3")
        elif isinstance(frame, str) and frame.startswith(f"43{ack}["):
            return json.loads(frame[len(f"43{ack}"):])[0]
    raise AssertionError(f"no answer to ack {ack} within {timeout}s")


@pytest.mark.parametrize(("case", "frame", "says"), [
    ("900 levels", '4211["agenda.add_item",' + deep(900) + "]", "nested"),
    ("1,000 levels", '4212["agenda.add_item",' + deep(1_000) + "]", "nested"),
    ("500,000 levels", '4213["agenda.add_item",' + deep(500_000) + "]", "nested"),
    ("deep objects", '4214["agenda.add_item",' + '{"a":' * 5_000 + "1" + "}" * 5_000 + "]", "nested"),
    ("deep in a string-looking key", '4215["agenda.add_item",{"meeting_id":1,"title":"[[[[","x":'
     + deep(2_000) + "}]", "nested"),
    ("larger than a command", '4216["agenda.add_item",{"meeting_id":1,"title":"' + "x" * 900_000 + '"}]',
     "larger than 256 KB"),
    ("5 MB", '4218["agenda.add_item",{"meeting_id":1,"title":"' + "x" * (5 * 1024 * 1024) + '"}]',
     "larger than 256 KB"),
    ("an event without a name", '4217[{"a":1},{}]', "event name"),
])
def test_every_command_frame_that_reaches_the_server_is_answered(
        server: ServerProcess, tokens: dict[str, str], case: str, frame: str, says: str) -> None:
    socket = _open_raw(server, tokens["delegate1"])
    try:
        socket.send(frame)
        answer = _answer(socket, int(frame[2:4]))
        assert answer["ok"] is False and answer["error"]["code"] == "invalid", (case, answer)
        assert says in answer["error"]["message"], (case, answer)
        socket.send('4299["meeting.list",{}]')  # and the connection goes on
        assert _answer(socket, 99)["ok"] is True
    finally:
        socket.close()


def test_binary_data_in_a_payload_is_invalid(server: ServerProcess, tokens: dict[str, str]) -> None:
    async def scenario() -> None:
        client = await Client(server, tokens["secretary"], "secretary").connect()
        try:
            answer = await client.sio.call("agenda.add_item", {"meeting_id": 1, "title": b"\x00\xff" * 100},
                                           timeout=10)
            assert answer["ok"] is False and answer["error"]["code"] == "invalid"
            assert "binary" in answer["error"]["message"]
        finally:
            await client.close()

    asyncio.run(scenario())


def test_a_frame_past_the_transport_limit_of_8_mb_closes_the_socket_with_1009(
        server: ServerProcess, tokens: dict[str, str]) -> None:
    socket = _open_raw(server, tokens["delegate1"])
    try:
        with contextlib.suppress(ConnectionClosed, OSError):  # closed while it is still sending
            socket.send('4221["agenda.add_item",{"meeting_id":1,"title":"' + "x" * (9 * 1024 * 1024) + '"}]')
        with pytest.raises(ConnectionClosed) as closed:
            _answer(socket, 21)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 1009
    finally:
        socket.close()
    status, _body = http(server, "GET", "/api/health")
    assert status == 200


MALFORMED = ['42["meeting.list",{', "42[]", "49garbage", "9hello", "", "bnot base64!",
             '451-425["agenda.add_item",{"_placeholder":true,"num":7}]', b"\x01\x02",
             '43999["x"]', '42{"meeting.list":{}}']


def test_malformed_frames_write_one_log_line_each_and_no_traceback(
        server: ServerProcess, tokens: dict[str, str]) -> None:
    before = len(server.log().splitlines())
    socket = _open_raw(server, tokens["delegate1"])
    try:
        for frame in MALFORMED:
            try:
                socket.send(frame)
            except ConnectionClosed:
                socket = _open_raw(server, tokens["delegate1"])
        socket.send('4298["meeting.list",{}]')
        _answer(socket, 98)
    finally:
        socket.close()

    def logged() -> list[str]:
        return [line for line in server.log().splitlines()[before:] if "aiohttp.access" not in line]

    lines = wait_until(lambda: [line for line in logged() if "malformed" in line or "without a name" in line]
                       if len([ln for ln in logged() if "WARNING" in ln]) >= 6 else None,
                       message="the warnings")
    text = "\n".join(logged())
    assert "Traceback" not in text and "ERROR" not in text, text
    assert all(line.split()[2] == "WARNING" for line in lines), lines


def test_sigterm_after_an_abandoned_long_polling_handshake_exits_within_2_s(
        tmp_path: Path, seeded_sqlite: Path) -> None:
    process = ServerProcess(tmp_path)
    process.copy_database_from(seeded_sqlite)
    process.start()
    try:
        with urllib.request.urlopen(process.url + "/socket.io/?EIO=4&transport=polling", timeout=5) as opened:
            assert opened.read().startswith(b"0{")
        token = login(process, "observer1")["token"]
        socket = _open_raw(process, token)  # and a websocket that should hear the close
        assert process.process is not None
        started = time.monotonic()
        process.process.send_signal(signal.SIGTERM)
        process.process.wait(timeout=10)
        assert time.monotonic() - started < 2.0
        with pytest.raises(ConnectionClosed):
            while True:
                socket.recv(timeout=5)
    finally:
        process.stop()

