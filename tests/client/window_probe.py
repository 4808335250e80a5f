"""Opens every window and dialog of the client on a screen of a given size and reports what
does not fit: run in its own process, because Qt's offscreen screen is sized when the
application starts (tests/client/test_window_fit.py runs it).

    python -m tests.client.window_probe URL LANGUAGE TOUCH WIDTHxHEIGHT OUT.json

The windows come from ``_factories()``: a factory per window class of ``meeting_app.ui``
(the test checks that every window class found in the package has one). Each window opens
at its default size, as a user sees it first, and is measured there.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QPoint, QRect, QSettings, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QLineEdit,
    QTabBar,
    QToolBar,
    QWidget,
)

ROOM = 1
"""The demo meeting."""


def use_screen(width: int, height: int) -> None:
    """Qt (not yet started) draws offscreen on one screen of ``width`` x ``height``."""
    config = Path(tempfile.mkdtemp(prefix="offscreen-")) / "screen.json"
    screen = {"name": "probe", "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def spin(seconds: float) -> None:
    """Let Qt work for a while (layouts, signals, repaints)."""
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def wait_until(condition: Callable[[], Any], what: str, timeout: float = 30.0) -> None:
    """Spin until ``condition()`` holds; fail with ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        spin(0.05)


# --- what "cut off" means ------------------------------------------------------------------


def _scrolls(widget: QWidget, top: QWidget) -> bool:
    """Whether ``widget`` sits inside a scroll area's viewport below ``top`` (scrolled
    content may extend past what is shown: the scroll bars reach it)."""
    node = widget.parentWidget()
    while node is not None and node is not top:
        parent = node.parentWidget()
        if isinstance(parent, QAbstractScrollArea) and parent.viewport() is node:
            return True
        node = parent
    return False


def _label(widget: QWidget) -> str:
    text = ""
    for getter in ("text", "placeholderText", "toolTip", "accessibleName"):
        value = getattr(widget, getter, None)
        if callable(value):
            text = str(value()) or text
            if text:
                break
    return f"{type(widget).__name__}({widget.objectName() or text[:40]!r})"


def _toolbar_controls(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    return isinstance(parent, (QToolBar, QTabBar)) or widget.objectName() in (
        "qt_toolbar_ext_button", "qt_scrollarea_hcontainer", "qt_scrollarea_vcontainer")


def cut_off(top: QWidget) -> list[str]:
    """Every visible control of ``top`` that its parent, its window or the screen cuts off;
    every text narrower than it needs; tabs and tool bar entries pushed out of view."""
    bad: list[str] = []
    screen = top.screen().availableGeometry()
    frame = top.frameGeometry()
    if not screen.contains(frame):
        bad.append(f"window {frame.getRect()} outside the screen {screen.getRect()}")
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow() or widget.width() <= 0:
            continue
        parent = widget.parentWidget()
        if parent is None:
            continue
        if not _scrolls(widget, top) and not _toolbar_controls(widget):
            shown = widget.geometry().intersected(parent.rect())
            if shown != widget.geometry() and not parent.inherits("QSplitter"):
                bad.append(f"{_label(widget)} {widget.geometry().getRect()} cut by "
                           f"{_label(parent)} {parent.rect().getRect()}")
            corner = widget.mapTo(top, QPoint(0, 0))
            if not top.rect().contains(QRect(corner, widget.size())):
                bad.append(f"{_label(widget)} at {corner.toTuple()} outside its window")
        if isinstance(widget, QAbstractButton) and not isinstance(parent, (QToolBar, QLineEdit)) \
                and not widget.inherits("QTabBar") and not isinstance(parent, QTabBar):
            need = widget.minimumSizeHint()
            if widget.width() < need.width() - 1 or widget.height() < need.height() - 1:
                bad.append(f"{_label(widget)} {widget.size().toTuple()} needs {need.toTuple()}")
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text() \
                and widget.pixmap().isNull() and "<" not in widget.text():
            text = widget.text()
            if widget.buddy() is not None:  # "&Name": the ampersand is not drawn
                text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
            need = widget.fontMetrics().horizontalAdvance(text) + 2 * widget.margin() \
                + 2 * widget.frameWidth()
            if widget.contentsRect().width() + 2 * widget.frameWidth() < need - 2:
                bad.append(f"{_label(widget)} {widget.width()} px wide needs {need}")
        if isinstance(widget, QTabBar):
            bad += tabs_cut(widget)
        if isinstance(widget, QToolBar):
            bad += [f"tool bar entry {text!r} only in the overflow menu"
                    for text in overflowed(widget)]
    return bad


def settled(window: QWidget, timeout: float = 3.0) -> list[str]:
    """What :func:`cut_off` finds once the window's layouts have settled: a problem must
    last ``timeout`` seconds (a loaded machine may take a while to lay a window out)."""
    deadline = time.monotonic() + timeout
    found = cut_off(window)
    while found and time.monotonic() < deadline:
        spin(0.1)
        found = cut_off(window)
    return found


def tabs_cut(bar: QTabBar) -> list[str]:
    """Tabs out of the bar's view, or shown with an elided title."""
    bad = []
    for n in range(bar.count()):
        if not bar.isTabVisible(n):
            continue
        rect = bar.tabRect(n)
        text = bar.tabText(n).replace("&", "")
        need = bar.fontMetrics().horizontalAdvance(text)
        if not bar.rect().contains(rect):
            bad.append(f"tab {text!r} out of view")
        elif rect.width() < need:
            bad.append(f"tab {text!r} {rect.width()} px wide, its title needs {need}")
    return bad


def overflowed(bar: QToolBar) -> list[str]:
    """Actions a tool bar pushed into its overflow menu."""
    return [a.text() or a.toolTip() for a in bar.actions()
            if a.isVisible() and not a.isSeparator() and bar.widgetForAction(a) is not None
            and not bar.widgetForAction(a).isVisible()]


# --- the windows ---------------------------------------------------------------------------


class Windows:
    """Makes each window of the client against a real server."""

    def __init__(self, url: str, folder: Path) -> None:
        self.url, self.folder = url, folder
        self.sessions: dict[str, Any] = {}
        self.rooms: dict[str, Any] = {}
        self.meetings: dict[str, Any] = {}

    def session(self, username: str) -> Any:
        if username not in self.sessions:
            self.sessions[username] = _session(self.url, username)
        return self.sessions[username]

    def room(self, username: str = "chair") -> Any:
        from meeting_app.ui.room.window import MeetingRoomWindow
        if username not in self.rooms:
            session, cache = self.session(username), self.folder / f"cache-{username}"
            room = MeetingRoomWindow(session, session.open_meeting(ROOM, cache), cache_dir=cache)
            room.open()
            wait_until(lambda: room.store.loaded and room.commands.available, "the room")
            self.rooms[username] = room
        return self.rooms[username]

    def meetings_window(self, username: str) -> Any:
        from meeting_app.ui.meetings_window import MeetingsWindow
        if username not in self.meetings:
            window = MeetingsWindow(self.session(username))
            window.open()
            wait_until(lambda: window.loaded, "the meetings list")
            self.meetings[username] = window
        return self.meetings[username]


def _session(url: str, username: str) -> Any:
    """Signed in with the demo password, as tests/client/sessions.py does."""
    import base64
    import urllib.request

    from meeting_app.ui.session import Session
    request = urllib.request.Request(
        url + "/api/login", method="POST", headers={"Content-Type": "application/json"},
        data=json.dumps({"username": username, "password": "demo"}).encode())
    with urllib.request.urlopen(request, timeout=10) as answer:
        body = json.loads(answer.read())
    key = base64.b64decode(body["cache_key"]) if body.get("cache_key") else None
    return Session(url, body["token"], body["user"], key,
                   float(body.get("offline_grace_hours", 8)),
                   bool(body.get("allow_restricted_export", False)))


Opened = list[tuple[str, Callable[[], QWidget]]]
"""What a factory opens: (a name for the report, a function that shows the window as it
is to be measured and returns it), each called just before its measure."""


def _dialog(make: Callable[[], QWidget]) -> Callable[[], QWidget]:
    def show() -> QWidget:
        dialog = make()
        dialog.show()
        return dialog
    return show


def _room(w: Windows) -> Opened:
    def tab(index: int) -> Callable[[], QWidget]:
        def show() -> QWidget:
            room = w.room("chair")
            room.central.setCurrentIndex(index)
            return room
        return show
    return [(f"room, tab {index}", tab(index)) for index in range(6)]


def _first_member(w: Windows) -> dict[str, Any]:
    return next(p for p in w.room().store.participants if p.get("role") == "delegate")


def _sample_pdf(w: Windows) -> Path:
    from tests.support.pdfs import meeting_pdf
    path = w.folder / "Báo cáo tổng kết công tác năm 2026 và phương hướng.pdf"
    if not path.exists():
        meeting_pdf(path)
    return path


def _factories() -> dict[str, Callable[[Windows], Opened]]:
    """For each window class of the client: how to open it (or its variants)."""
    from meeting_app.ui.agenda_item_dialog import AgendaItemDialog
    from meeting_app.ui.attendance.dialogs import ProxyDialog, ReasonDialog
    from meeting_app.ui.documents.dialogs import DocumentEditDialog, UploadDialog
    from meeting_app.ui.guide import GuideWindow
    from meeting_app.ui.login_dialog import LoginDialog
    from meeting_app.ui.minutes.actions import ActionDialog
    from meeting_app.ui.minutes.history import HistoryDialog
    from meeting_app.ui.preparation.dialog import PreparationDialog
    from meeting_app.ui.users.dialogs import ResetPasswordDialog, UserDialog
    from meeting_app.ui.votes.ballot import BallotDialog
    from meeting_app.ui.votes.create import PollDialog

    def users(w: Windows) -> QWidget:
        window = w.meetings_window("admin").open_users()
        wait_until(lambda: window.model.rowCount() > 0, "the users")
        return window

    def audit(w: Windows) -> QWidget:
        admin = w.meetings_window("admin")
        admin.open_audit_log()
        return admin.audit_window

    def ballot(w: Windows) -> QWidget:
        room = w.room("delegate1")
        return BallotDialog(room.store, room.votes.ballots, room.store.polls[0]["id"], parent=room)

    def preparation(w: Windows) -> QWidget:
        dialog = PreparationDialog(w.session("secretary"), w.session("secretary").open_meeting(ROOM))
        dialog.show()
        wait_until(lambda: getattr(dialog, "loaded", True), "the meeting's details")
        return dialog

    user = {"id": 99, "username": "nguyenvanthanh", "full_name": "Nguyễn Văn Thành",
            "role": "delegate", "active": True}

    def upload(w: Windows) -> QWidget:
        session = w.session("chair")
        return UploadDialog(w.room().store, session.server_url, session.token, _sample_pdf(w),
                            parent=w.room())

    return {
        "LoginDialog": lambda w: [("login", _dialog(lambda: LoginDialog(w.url, "chair")))],
        "MeetingsWindow": lambda w: [("meetings (chair)", lambda: w.meetings_window("chair")),
                                     ("meetings (admin)", lambda: w.meetings_window("admin"))],
        "UsersWindow": lambda w: [("users", lambda: users(w))],
        "ChangePasswordDialog": lambda w: [
            ("password", lambda: w.meetings_window("admin").change_password())],
        "AuditWindow": lambda w: [("audit", lambda: audit(w))],
        "MeetingRoomWindow": _room,
        "ChairConsole": lambda w: [("console", lambda: w.room().open_console())],
        "RoomDisplayWindow": lambda w: [("display", lambda: w.room().open_display())],
        "GuideWindow": lambda w: [("guide", _dialog(GuideWindow))],
        "PreparationDialog": lambda w: [
            ("preparation", lambda: preparation(w)),
            ("new meeting", _dialog(lambda: PreparationDialog(
                w.session("secretary"), w.session("secretary").open_meeting(None))))],
        "AgendaItemDialog": lambda w: [("agenda item", _dialog(lambda: AgendaItemDialog(
            w.room().store.agenda[0], w.room())))],
        "ReasonDialog": lambda w: [("reason", _dialog(lambda: ReasonDialog(
            "excused", [p["full_name"] for p in w.room().store.participants[:3]], w.room())))],
        "ProxyDialog": lambda w: [("proxy", _dialog(lambda: ProxyDialog(
            _first_member(w), w.room().store.participants, w.room())))],
        "UserDialog": lambda w: [
            ("new user", _dialog(lambda: UserDialog(w.meetings_window("admin").commands))),
            ("edit user", _dialog(lambda: UserDialog(w.meetings_window("admin").commands,
                                                     user, my_id=1)))],
        "ResetPasswordDialog": lambda w: [("reset password", _dialog(lambda: ResetPasswordDialog(
            w.meetings_window("admin").commands, user)))],
        "UploadDialog": lambda w: [("upload", _dialog(lambda: upload(w)))],
        "DocumentEditDialog": lambda w: [("document", _dialog(lambda: DocumentEditDialog(
            w.room().store, w.room().store.documents[0], w.room())))],
        "PollDialog": lambda w: [("poll", _dialog(lambda: PollDialog(
            w.room().store, w.room().commands, parent=w.room())))],
        "BallotDialog": lambda w: [("ballot", _dialog(lambda: ballot(w)))],
        "ActionDialog": lambda w: [("action item", _dialog(lambda: ActionDialog(
            w.room().store, parent=w.room())))],
        "MinutesPreview": lambda w: [("minutes preview", lambda: w.room().minutes.workflow.preview())],
        "HistoryDialog": lambda w: [("history", _dialog(lambda: HistoryDialog(
            w.room().store.agenda[0]["title"], True, w.room())))],
    }


def names() -> list[str]:
    """The window classes the probe opens."""
    return sorted(_factories())


def main(argv: list[str]) -> int:
    """Open every window, measure, write the report (JSON: name -> problems)."""
    url, language, touch_on, size, out = argv
    width, height = (int(n) for n in size.split("x"))
    use_screen(width, height)
    from meeting_app.ui.i18n import translations
    from meeting_app.ui.resources import apply_touch_mode, setup_application

    app = QApplication([sys.argv[0]])
    folder = Path(tempfile.mkdtemp(prefix="window-probe-"))
    settings = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("appearance/theme", "light")
    setup_application(app, settings)
    translations().apply(language)
    apply_touch_mode(touch_on == "touch", app)
    windows = Windows(url, folder)
    report: dict[str, list[str]] = {}
    for cls, factory in _factories().items():
        for name, show in factory(windows):
            window = show()
            wait_until(window.isVisible, f"{name} shown")
            report[f"{cls}: {name}"] = settled(window)
    Path(out).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    for each in (*windows.rooms.values(), *windows.meetings.values(), *app.topLevelWidgets()):
        each.close()  # the rooms stop their connections and PDF engines
    spin(0.5)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
