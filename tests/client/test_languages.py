"""The interface in Vietnamese and English: chosen from the settings or the system, switched
live with windows open (a meeting room against a real server), dates and numbers in the
chosen locale, and Qt's own dialog buttons translated too."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from meeting_app.net.auth import LoginError, login
from meeting_app.state.formats import date_text, date_time_text, number_text, percent_text, time_text
from meeting_app.ui.i18n import (
    SETTING,
    choose_language,
    current_language,
    resolve,
    saved_choice,
    setup_language,
    system_language,
)
from meeting_app.ui.login_dialog import LoginDialog
from meeting_app.ui.meetings_window import MeetingsWindow
from tests.client.sessions import session_for
from tests.support.server_process import free_port

WAIT = 20_000


@pytest.fixture
def settings(language_settings: QSettings) -> QSettings:
    return language_settings


def texts_of(top: QWidget) -> list[tuple[str, str]]:
    """Every visible text of a window, in a stable order."""
    found: list[tuple[str, str]] = []
    for widget in [top, *top.findChildren(QWidget)]:
        name = type(widget).__name__
        for getter in ("text", "windowTitle", "toolTip", "placeholderText", "accessibleName"):
            value = getattr(widget, getter, None)
            if callable(value):
                try:
                    found.append((f"{name}.{getter}", str(value())))
                except TypeError:
                    continue
        for action in widget.actions():
            found.append((f"{name}.action", action.text()))
    return found


def test_the_choice_comes_from_the_settings_else_the_system(settings: QSettings) -> None:
    assert saved_choice(settings) == "system"
    assert system_language(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)) == "vi"
    assert system_language(QLocale(QLocale.Language.French, QLocale.Country.France)) == "en"
    settings.setValue(SETTING, "klingon")
    assert saved_choice(settings) == "system"  # nonsense is ignored, not fatal
    settings.setValue(SETTING, "vi")
    assert setup_language(settings) == "vi" and current_language() == "vi"
    assert resolve("en") == "en"


def test_dates_times_and_numbers_follow_the_language(settings: QSettings) -> None:
    moment = datetime(2026, 11, 21, 7, 5, 9, tzinfo=UTC).astimezone()
    choose_language("vi", settings)
    assert date_text(date(2026, 11, 21)) == "21/11/2026"
    assert date_text(date(2027, 1, 5)) == "05/01/2027"
    assert time_text(moment) == moment.strftime("%H:%M")
    assert number_text(1234) == "1.234"
    assert percent_text(58.33, 1) == "58,3 %"
    choose_language("en", settings)
    assert date_text(date(2026, 11, 21)) == "21/11/2026"
    assert date_time_text(moment, seconds=True) == moment.strftime("%d/%m/%Y %H:%M:%S")
    assert number_text(1234) == "1,234"
    assert percent_text(58.33, 1) == "58.3%"


def test_the_login_dialog_switches_before_signing_in(qtbot: Any, settings: QSettings) -> None:
    dialog = LoginDialog(settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.sign_in.text() == "Sign in"
    box = dialog.language_box
    box.setCurrentIndex(box.findData("vi"))
    box.activated.emit(box.currentIndex())
    assert dialog.sign_in.text() == "Đăng nhập"
    assert dialog.windowTitle() == "Đăng nhập"
    assert dialog.cancel.text() == "Hủy"
    assert dialog.password_edit.accessibleName() == "Mật khẩu"
    assert settings.value(SETTING) == "vi"  # kept for the next start
    dialog.submit()  # nothing typed: the message comes in Vietnamese
    assert dialog.error_label.text() == "Hãy nhập địa chỉ máy chủ, tên đăng nhập và mật khẩu."
    box.setCurrentIndex(box.findData("en"))
    box.activated.emit(box.currentIndex())
    assert dialog.sign_in.text() == "Sign in"
    assert dialog.error_label.text() == "Enter the server address, your username and your password."


def test_qt_standard_buttons_speak_vietnamese(qtbot: Any, settings: QSettings) -> None:
    choose_language("vi", settings)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and cancel.text().replace("&", "") == "Hủy"


def test_switching_with_a_room_open_changes_every_screen_and_keeps_its_state(
        qtbot: Any, open_room: Any, demo_server: Any, settings: QSettings) -> None:
    room = open_room("chair")
    meetings = MeetingsWindow(session_for(demo_server, "chair"))
    qtbot.addWidget(meetings)
    meetings.open()
    qtbot.waitUntil(lambda: meetings.loaded, timeout=WAIT)
    room.central.setCurrentWidget(room.votes)
    tab = room.central.currentIndex()
    english_room, english_list = texts_of(room), texts_of(meetings)
    assert room.start_action.text() == "Start meeting"
    assert room.header.role_badge.text() == "Chair"

    room.language_menu.choices["vi"].trigger()

    assert current_language() == "vi"
    # The room: toolbar, header (data-built texts too), tabs, panels.
    assert room.start_action.text() == "Khai mạc cuộc họp"
    assert room.leave_action.text() == "Rời phòng họp"
    assert room.header.role_badge.text() == "Chủ trì"
    assert room.header.status_badge.text() == "Sắp diễn ra"
    tabs = [room.central.tabText(i) for i in range(room.central.count())]
    assert "Biểu quyết" in tabs and "Điểm danh" in tabs
    assert any(text.startswith("Tài liệu") for text in tabs)
    assert [room.side.tabText(i) for i in range(room.side.count())] == ["Điểm cầu", "Đại biểu"]
    # The meetings list: title, toolbar, the table's words from the model.
    assert meetings.windowTitle() == "Cuộc họp"
    assert meetings.open_action.text() == "Mở"
    model = meetings.model
    assert model.data(model.index(0, 3)) == "Sắp diễn ra"
    assert model.data(model.index(0, 4)) == "Chủ trì"
    assert meetings.language_menu.title() == "&Ngôn ngữ"
    menus = [action.text() for action in room.menuBar().actions()]
    assert menus == ["Cuộc &họp", "&Cài đặt", "Trợ &giúp"]
    assert room.shortcut_actions()["request_floor"].text() == "Xin phát biểu"
    # Nothing else moved: same tab, same window.
    assert room.central.currentIndex() == tab and room.store.loaded
    changed = sum(a != b for a, b in zip(english_room, texts_of(room), strict=True))
    assert changed > 40

    meetings.language_menu.choices["en"].trigger()
    assert texts_of(room) == english_room  # back in English, word for word
    assert texts_of(meetings) == english_list
    meetings.close()


def test_errors_from_the_network_layer_come_in_the_chosen_language(settings: QSettings) -> None:
    """A failure found in a worker thread (no window involved) is worded in Vietnamese too."""
    choose_language("vi", settings)
    with pytest.raises(LoginError) as failure:
        login(f"http://127.0.0.1:{free_port()}", "chair", "demo", timeout=5)
    assert "không có máy chủ nào đang chạy ở đó" in failure.value.message
    assert failure.value.message.startswith("Không kết nối được tới 127.0.0.1:")
