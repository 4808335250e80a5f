"""Server error messages in the interface's language.

The server's messages are English on the wire; the client's catalogue
(meeting_app/net/server_messages.py) shows each in the chosen language. The source scan
makes a new server message without a catalogue entry (and so without a translation) fail
here; the room tests show a real refusal where the user reads it, in both languages.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from meeting_app.net.auth import PasswordChangeError, change_password
from meeting_app.net.server_messages import TEMPLATES, known, server_message, translate_server_message
from meeting_app.ui.i18n import translations
from protocol import commands as c
from tests.support.server_messages_scan import server_messages

WAIT = 20_000
DEMO_POLL = 1
"""The demo meeting's draft poll (the only poll of a fresh demo database)."""


@pytest.fixture
def vietnamese(qapp: Any) -> Iterator[None]:
    """The interface in Vietnamese for one test, English again after."""
    assert translations().apply("vi")
    yield
    translations().apply("en")


def test_every_message_of_the_server_has_a_catalogue_entry() -> None:
    found = server_messages()
    assert len(found) > 150  # the scan reads the server (not an empty list passing by default)
    missing = sorted({f"{m.where}: {m.template}" for m in found if m.template not in TEMPLATES})
    assert not missing, "server messages missing from meeting_app/net/server_messages.py:\n" + \
        "\n".join(missing)
    unrecognised = [f"{m.where}: {m.sample}" for m in found if not known(m.sample)]
    assert not unrecognised
    stale = set(TEMPLATES) - {m.template for m in found}
    assert not stale, f"catalogue entries the server no longer sends: {sorted(stale)}"


def test_a_known_message_is_translated_with_its_fields_kept(vietnamese: None) -> None:
    assert translate_server_message("No pending request 4711", "not_found") == \
        "Không có yêu cầu 4711 đang chờ"
    # The most specific entry wins over the generic "%1 %2 not found".
    assert translate_server_message("Poll 12 not found", "not_found") == "Không tìm thấy biểu quyết 12"
    assert translate_server_message("Meeting 3 not found (join it before sending heartbeats)") == \
        "Không tìm thấy cuộc họp 3 (hãy tham gia cuộc họp trước khi gửi tín hiệu duy trì)"
    # Fields in another order in Vietnamese, a field that holds a "%2" of its own.
    assert translate_server_message("option_ids: choose 1 to 3 options", "invalid") == \
        "option_ids: hãy chọn từ 1 đến 3 phương án"
    assert translate_server_message("Unknown command '%2x'", "invalid") == "Lệnh không xác định '%2x'"


def test_an_unknown_message_falls_back_with_the_original_kept(vietnamese: None) -> None:
    text = translate_server_message("Quorum cannot be reached today", "forbidden")
    assert text == ("Bạn không có quyền thực hiện thao tác này. "
                    "Thông báo của máy chủ: “Quorum cannot be reached today”")
    assert "Something else" in translate_server_message("Something else", "brand_new_code")
    assert translate_server_message("", "conflict") == \
        "Thao tác này xung đột với một thay đổi vừa được thực hiện"


def test_in_english_messages_are_shown_as_the_server_wrote_them(qapp: Any) -> None:
    translations().apply("en")
    assert translate_server_message("No pending request 4711", "not_found") == "No pending request 4711"
    assert translate_server_message("Quorum cannot be reached today", "forbidden") == \
        "Quorum cannot be reached today"


def test_an_http_error_body_is_translated(vietnamese: None) -> None:
    body = b'{"error": {"code": "invalid", "message": "The file is larger than the limit of 50 MB"}}'
    assert server_message(body) == "Tệp lớn hơn giới hạn 50 MB"
    assert server_message(b"<html>bad gateway</html>") == ""


def test_a_refusal_in_the_room_is_shown_in_the_chosen_language(
        qtbot: Any, open_room: Any, demo_server: Any) -> None:
    """A delegate tries to open the vote (the chair's right) and to open a poll that does
    not exist: the room's message bar says why, in Vietnamese, then in English."""
    delegate = open_room("delegate1")

    def refused(poll_id: int, expected: str) -> None:
        delegate.message.hide()
        delegate.commands.send(c.PollOpen(poll_id=poll_id))
        qtbot.waitUntil(lambda: delegate.message.isVisible() and delegate.message.text == expected,
                        timeout=WAIT)

    assert translations().apply("vi")
    try:
        refused(DEMO_POLL, "Bạn không có quyền thực hiện thao tác này")
        refused(987654, "Không tìm thấy biểu quyết 987654")
        # An HTTP refusal (password change) comes in Vietnamese as well.
        with pytest.raises(PasswordChangeError) as failure:
            change_password(demo_server.url, delegate.session.token, "not my password", "a new password 1")
        assert failure.value.message == "Mật khẩu hiện tại không đúng"
    finally:
        translations().apply("en")
    refused(DEMO_POLL, "You do not have the right to do this")
    refused(987654, "Poll 987654 not found")
