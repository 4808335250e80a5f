"""Screenshots of every screen of the client, taken from the real client offscreen against
a real server process (seeded with the demo meeting), into ``docs/screenshots/``.

    python docs/make_screenshots.py [--language en|vi] [--theme light|dark|contrast] [--out DIR]

English in the light theme writes ``docs/screenshots/``; another theme writes into
``<theme>/`` below it and Vietnamese into ``vi/`` below that.

Times are shown in Vietnam's time zone, as the people in the demo would see them. The
sites tiles and attendance tab (a lost link, a speaker) come from
``docs/make_site_screenshots.py``, against a scripted server. Every image the user guides
(``docs/guide/``) show comes from one of the two (tests/client/test_guide.py checks it).
"""

from __future__ import annotations

import math
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["TZ"] = "Asia/Ho_Chi_Minh"  # before anything reads the local time zone
time.tzset()
from docs.screenshot_app import parse_arguments, spin, start_application, use_desktop_screen  # noqa: E402

use_desktop_screen()

from PySide6.QtCore import QPoint, QSettings  # noqa: E402
from PySide6.QtGui import QPainter  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from meeting_app.demo import DemoServer, prepare  # noqa: E402
from meeting_app.net.connection import Connection  # noqa: E402
from meeting_app.net.uploads import UploadRequest, upload_document  # noqa: E402
from meeting_app.ui.guide import GuideWindow  # noqa: E402
from meeting_app.ui.login_dialog import LoginDialog  # noqa: E402
from meeting_app.ui.meetings_window import MeetingsWindow  # noqa: E402
from meeting_app.ui.preparation.dialog import PreparationDialog  # noqa: E402
from meeting_app.ui.reader.annotations import Tool, geometry  # noqa: E402
from meeting_app.ui.room.window import MeetingRoomWindow  # noqa: E402
from meeting_app.ui.session import Session  # noqa: E402
from protocol import commands as c  # noqa: E402
from tests.support.pdfs import meeting_pdf  # noqa: E402
from tests.support.server_process import free_port  # noqa: E402

DEMO_MEETING = 1
READER_HEIGHT = 1000
"""The room window's height for the reader's screens."""


def wait_until(condition: Callable[[], Any], what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        spin(0.05)


def beside(window: QWidget, button: QWidget, popup: QWidget) -> QPoint:
    """Where ``popup`` opens by ``button`` (at its top right), in ``window``'s coordinates:
    moved up to stay inside the window, as a screen's edge would move it."""
    corner = button.mapTo(window, button.rect().topRight())
    size = popup.sizeHint().expandedTo(popup.size())
    return QPoint(corner.x(), max(0, min(corner.y(), window.height() - size.height() - 4)))


class Script:
    """Drives the demo: other participants, the chair's commands, the screenshots."""

    def __init__(self, server: DemoServer, out: Path) -> None:
        self.server, self.out = server, out
        self.connections: list[Connection] = []
        self.cache = Path(tempfile.mkdtemp(prefix="screenshot-cache-"))
        self.widgets: list[QWidget] = []
        self.people: dict[str, Connection] = {}
        self.made: list[dict[str, Any]] = []
        """The documents the secretary uploaded (see ``documents``)."""

    def session(self, username: str) -> Session:
        return prepare(self.server, username)

    def connect(self, username: str, meeting_id: int | None = None,
                on_snapshot: Callable[..., None] | None = None) -> Connection:
        """Another participant, connected (and joined: they show as online)."""
        session = self.session(username)
        connection = Connection(session.server_url, session.token)
        if on_snapshot is not None:
            connection.snapshot_received.connect(on_snapshot)
        if meeting_id is not None:
            connection.join_meeting(meeting_id)
        connection.start()
        wait_until(lambda: connection.status == "connected", f"{username} to connect")
        self.connections.append(connection)
        return connection

    def run(self, connection: Connection, name: str, payload: dict[str, Any]) -> dict[str, Any]:
        answers: list[dict[str, Any]] = []
        connection.command(name, payload, answers.append)
        wait_until(lambda: answers, name)
        if not answers[0]["ok"]:
            raise SystemExit(f"{name} failed: {answers[0]['error']}")
        return dict(answers[0]["data"])

    def try_run(self, connection: Connection, name: str, payload: dict[str, Any]) -> dict[str, Any] | None:
        """Like ``run``, but a refusal skips the screen instead of stopping the script."""
        answers: list[dict[str, Any]] = []
        connection.command(name, payload, answers.append)
        wait_until(lambda: answers, name)
        if not answers[0]["ok"]:
            print(f"skipped: {name} was refused ({answers[0]['error']['message']})")
            return None
        return dict(answers[0]["data"])

    def shoot(self, widget: QWidget, name: str, popup: QWidget | None = None,
              at: QPoint | None = None, keep_notices: bool = False) -> None:
        """Save ``widget`` as ``name``.png; with ``popup`` (a menu or panel that is a window
        of its own, which ``grab`` leaves out) painted over it where it opens, at ``at`` in
        the widget's coordinates: the offscreen screen is smaller than the windows, so
        where Qt put the popup is not where a real screen would show it."""
        spin(0.6)  # let the last events land and the clocks tick
        notices = getattr(widget, "notices", None)
        for notice in [] if keep_notices else list(getattr(notices, "notices", [])):
            notices.dismiss(notice)  # type: ignore[union-attr]  # passing news, not the screen
        path = self.out / f"{name}.png"
        picture = widget.grab()
        if popup is not None:
            painter = QPainter(picture)
            painter.drawPixmap(at or QPoint(0, 0), popup.grab())
            painter.end()
        picture.save(str(path))
        print(f"saved {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")

    def other_meetings(self, chair: Connection, chair_id: int) -> None:
        """An upcoming and a past meeting, so the list shows all three kinds."""
        # 08:00 and 14:00 in Vietnam (UTC+7).
        now = datetime.now(UTC).replace(hour=1, minute=0, second=0, microsecond=0)
        plans = [("Họp giao ban công tác tháng 12/2026", now + timedelta(days=9),
                  "Phòng họp số 2, trụ sở Bộ", False),
                 ("Phiên họp thường kỳ tháng 10/2026", now - timedelta(days=30, hours=-6),
                  "Hội trường A, trụ sở Bộ", True)]
        for title, start, place, finish in plans:
            created = self.run(chair, "meeting.create", {
                "title": title, "starts_at": start.isoformat(),
                "ends_at": (start + timedelta(hours=2)).isoformat(), "location": place,
                "sites": ["Hội trường Bộ (Hà Nội)", "Điểm cầu TP. Hồ Chí Minh"]})
            meeting_id = created["meeting"]["id"]
            self.run(chair, "participant.set", {"meeting_id": meeting_id, "user_id": chair_id,
                                                "role": "chair"})
            if finish:
                self.run(chair, "meeting.start", {"meeting_id": meeting_id})
                self.run(chair, "meeting.end", {"meeting_id": meeting_id})

    def documents(self, room: MeetingRoomWindow, delegate: MeetingRoomWindow,
                  agenda_ids: list[int]) -> None:
        """The documents tab (chair: upload, a restricted and an unreleased document;
        delegate: downloads done) and the delegate's reader following the chair."""
        secretary = self.session("secretary")
        folder = Path(tempfile.mkdtemp(prefix="screenshot-pdfs-"))
        delegate1 = next(p["user_id"] for p in room.store.participants
                         if p.get("username") == "delegate1")
        uploads = [("Tờ trình kế hoạch công tác năm 2027", agenda_ids[1], "all", True, 9),
                   ("Báo cáo đánh giá cán bộ (mật)", agenda_ids[1], [delegate1], True, 3),
                   ("Dự thảo nghị quyết phiên họp", agenda_ids[2], "all", False, 5)]
        made = []
        for n, (title, item, access, released, pages) in enumerate(uploads):
            path = meeting_pdf(folder / f"tai-lieu-{n}.pdf", text_pages=pages).path
            made.append(upload_document(secretary.server_url, secretary.token, UploadRequest(
                DEMO_MEETING, path, title, item, access, released)))
        self.made = made
        wait_until(lambda: len(room.store.documents) >= len(made), "the uploaded documents")
        self.upload_dialog(room, folder)
        room.central.setCurrentWidget(room.documents.tab)
        room.documents.tab.list_page.select(made[1]["id"])
        wait_until(lambda: not room.documents.sync.busy, "the chair's downloads")
        self.shoot(room, "documents-chair")

        delegate.central.setCurrentWidget(delegate.documents.tab)
        wait_until(lambda: not delegate.documents.sync.busy, "the delegate's downloads")
        self.shoot(delegate, "documents-delegate")

        tab = room.documents.tab
        tab.open_document(made[0]["id"])
        wait_until(lambda: tab.reader_page.loaded, "the chair's reader")
        room.documents.link.present_action.setChecked(True)
        room.documents.reader.go_to_page(2)
        reader = delegate.documents.reader
        wait_until(lambda: reader.page_count and reader.current_page == 2, "following the chair")
        spin(1.0)  # the pages render
        self.shoot(delegate, "room-following")
        self.shoot(room, "room-presenting")  # the chair's banner: presenting, Stop
        room.documents.link.present_action.setChecked(False)
        self.annotations(room, delegate)
        # Taller, so that the reader's tool strip shows all its buttons (Export, Not carried
        # over); back to the usual size for the screens after.
        size = delegate.size()
        delegate.resize(size.width(), READER_HEIGHT)
        self.reader(delegate)
        self.restricted(delegate, made[1])
        delegate.resize(size)

    def upload_dialog(self, room: MeetingRoomWindow, folder: Path) -> None:
        """The form a secretary or chair fills for each file they upload (not sent)."""
        path = meeting_pdf(folder / "to-trinh-du-toan-2027.pdf", text_pages=2).path
        tab = room.documents.tab
        tab.upload_files([path])
        dialog = tab.dialog
        assert dialog is not None
        fields = dialog.fields
        fields.title_edit.setText("Tờ trình dự toán ngân sách năm 2027")
        fields.named.setChecked(True)
        for participant in room.store.participants:
            if participant.get("username") in ("delegate1", "delegate2", "delegate5"):
                fields.set_reader_checked(int(participant["user_id"]))
        fields.release_box.setChecked(False)
        self.shoot(dialog, "upload")
        dialog.reject()

    def agenda_item_dialog(self, room: MeetingRoomWindow) -> None:
        """The form for a new agenda item (not sent)."""
        dialog = room.agenda.add_item()
        dialog.title_edit.setText("Thông qua Nghị quyết hội nghị")
        dialog.presenter_edit.setText("Thư ký hội nghị")
        dialog.duration.setValue(15)
        self.shoot(dialog, "agenda-item")
        dialog.reject()

    def guide(self) -> None:
        """Help › User guide: the guide in the interface's language, in its own window."""
        window = GuideWindow()
        window.resize(900, 760)
        window.show()
        self.shoot(window, "guide")
        window.close()

    def annotations(self, room: MeetingRoomWindow, delegate: MeetingRoomWindow) -> None:
        """The delegate's reader with their annotations, a note the chair shared, the
        annotation tool bar and "My notes"."""
        chair_page, page = room.documents.tab.reader_page, delegate.documents.tab.reader_page
        for reader_page in (chair_page, page):
            wait_until(lambda p=reader_page: p.annotations.store is not None and p.annotations.store.loaded,
                       "the annotations")
        chair_layer, layer = chair_page.annotations, page.annotations
        shared = chair_layer.add(2, "note", {"point": [470, 96], "color": "#3b82f6",
                                             "text": "Đề nghị các đại biểu cho ý kiến về mục III"})
        assert shared is not None
        chair_layer.select(shared["id"])
        chair_layer.share_selected(True)
        store = layer.store
        assert store is not None
        wait_until(lambda: store.get(shared["id"]) is not None, "the chair's shared note")
        wait_until(lambda: bool(layer.words(2)), "the page's words")
        words = layer.words(2) or []
        lines = sorted({w[5] for w in words})
        for line, (kind, color) in zip(lines[1:4], (("highlight", "#ffd400"), ("underline", "#3b82f6"),
                                                    ("strikeout", "#e5484d")), strict=False):
            chosen = [w for w in words if w[5] == line]
            quads, text = geometry.line_quads(chosen)
            layer.add(2, kind, {"quads": quads, "color": color, "text": text})
        layer.add(2, "ink", {"paths": [[[60 + x * 1.5, 330 + 8 * math.sin(x / 6)] for x in range(0, 120, 3)]],
                             "color": "#e5484d", "width": 2.0})
        layer.add(2, "rect", {"rect": [52, 380, 330, 440], "color": "#5fd068", "width": 2.0})
        layer.add(2, "textbox", {"rect": [350, 380, 545, 430], "color": "#8e4ec6", "font_size": 11.0,
                                 "text": "Cần bổ sung số liệu quý IV"})
        layer.toolbar.set_tool(Tool.HIGHLIGHT)
        layer.select(shared["id"])
        page.notes_action.setChecked(True)
        assert page.notes_panel is not None
        page.notes_panel.editor.setPlainText("Hỏi về nguồn vốn cho dự án chuyển đổi số.\n"
                                             "Đề xuất lùi thời hạn sang quý II.")
        page.notes_panel.save_now()
        delegate.documents.reader.go_to_page(2)
        spin(1.5)  # the pages render
        self.shoot(delegate, "reader-annotations")
        page.notes_action.setChecked(False)

    def reader(self, delegate: MeetingRoomWindow) -> None:
        """The delegate's reader on the demo's report: its contents beside the pages and a
        search for words in it."""
        tab, page = delegate.documents.tab, delegate.documents.tab.reader_page
        mine = {d["id"] for d in self.made}
        # The seeded documents come first: the first one for everyone is the report.
        report = min((d for d in delegate.store.documents
                      if d.get("access") == "all" and d["id"] not in mine), key=lambda d: d["id"])
        delegate.central.setCurrentWidget(tab)
        tab.open_document(report["id"])
        wait_until(lambda: page.loaded and page.document_id == report["id"], "the delegate's reader")
        reader = page.reader
        reader.toolbar.sidebar_action.setChecked(True)
        if reader.info is not None and reader.info.toc:
            reader.side_panel.setCurrentIndex(1)  # Contents
        reader.open_search()
        words = "cải cách hành chính"
        reader.search_bar.field.setText(words)
        reader.search(words)
        wait_until(lambda: reader.hits and not reader.search_bar.count.text().endswith("…"),
                   "the search")
        later = [n for n, hit in enumerate(reader.hits) if hit.page >= 1]  # past the title page
        if later:
            reader.select_hit(later[0])
        spin(1.5)  # the pages and thumbnails render
        self.shoot(delegate, "reader")
        reader.close_search()
        reader.toolbar.sidebar_action.setChecked(False)

    def restricted(self, delegate: MeetingRoomWindow, document: dict[str, Any]) -> None:
        """The restricted document in the delegate's reader: the watermark with their name
        and the time on the pages, and its Export menu with the document itself refused."""
        tab, page = delegate.documents.tab, delegate.documents.tab.reader_page
        tab.open_document(document["id"])
        wait_until(lambda: page.loaded and page.document_id == document["id"] and page.watermark,
                   "the restricted document")
        spin(1.5)  # the pages render
        bar = page.annotations.toolbar
        button = bar.widgetForAction(bar.export_action)
        assert button is not None
        menu = bar.export_menu
        spin(0.5)
        if not button.isVisible():  # a short screen: the strip keeps Export in its overflow
            print("the Export button is in the strip's overflow at this size: no menu in the picture")
            self.shoot(delegate, "reader-restricted")
            return
        menu.popup(button.mapToGlobal(button.rect().topRight()))
        wait_until(menu.isVisible, "the export menu")
        self.shoot(delegate, "reader-restricted", menu, beside(delegate, button, menu))
        menu.hide()

    def not_carried_over(self, delegate: MeetingRoomWindow) -> None:
        """A new version with fewer pages while the delegate has a note on a page it drops:
        the reader moves to it and lists, by its strip's button, what stayed behind."""
        document = self.made[0]
        tab, page = delegate.documents.tab, delegate.documents.tab.reader_page
        delegate.resize(delegate.width(), READER_HEIGHT)
        delegate.central.setCurrentWidget(tab)
        tab.open_document(document["id"])
        layer = page.annotations
        wait_until(lambda: page.loaded and page.document_id == document["id"] and layer.store is not None
                   and layer.store.loaded, "the delegate's document")
        store = layer.store
        assert store is not None
        last = page.reader.page_count - 1
        layer.add(last, "note", {"point": [300, 300], "color": "#ffd400",
                                 "text": "Đối chiếu với số liệu năm 2026"})
        wait_until(lambda: store.unsent == 0, "the note to be saved")
        secretary = self.session("secretary")
        shorter = meeting_pdf(Path(tempfile.mkdtemp(prefix="screenshot-pdfs-")) / "phien-ban-2.pdf",
                              text_pages=3).path
        upload_document(secretary.server_url, secretary.token, UploadRequest(
            DEMO_MEETING, shorter, replaces=document["id"]))
        wait_until(lambda: layer.store is not None and layer.store.version == 2 and layer.store.loaded
                   and layer.store.orphans, "the new version and what it could not carry")
        page.reader.go_to_page(2)  # the page marked up earlier: carried over
        bar, panel = layer.toolbar, layer.orphans_panel
        button = bar.widgetForAction(bar.orphans_action)
        wait_until(lambda: button is not None and button.isVisible(), "the Not carried over button")
        assert button is not None
        bar.orphans_action.trigger()
        wait_until(panel.isVisible, "the list of what was not carried over")
        spin(1.5)  # the pages render
        self.shoot(delegate, "annotations-not-carried", panel, beside(delegate, button, panel))
        panel.hide()

    def votes(self, room: MeetingRoomWindow, delegate: MeetingRoomWindow, agenda_ids: list[int]) -> None:
        """Votes: a closed named vote with its chart, an open secret vote with its turnout,
        the delegate's ballot, and the chair's dialog for a new poll."""
        voters = ["chair", "delegate2", "delegate3", "delegate5", "delegate7", "delegate9"]
        for name in voters:
            self.run(self.people[name], "attendance.check_in", {"meeting_id": DEMO_MEETING})
        delegate.commands.send(c.AttendanceCheckIn(meeting_id=DEMO_MEETING))
        chair, secretary = self.people["chair"], self.people["secretary"]
        delegate.votes.auto_open = False

        first = self.run(secretary, "poll.create", {
            "meeting_id": DEMO_MEETING, "agenda_item_id": agenda_ids[0], "secret": False,
            "majority": "simple", "question": "Thông qua chương trình hội nghị"})["poll"]["id"]
        self.run(chair, "poll.open", {"poll_id": first})
        wait_until(lambda: (delegate.store.poll_by_id(first) or {}).get("status") == "open", "the first vote")
        delegate.votes.ballots.vote(first, delegate.store.my_user_id or 0, [1], None, False)
        for name, choice in zip(voters, [1, 1, 1, 2, 1, 3], strict=True):
            ballot = {"poll_id": first, "option_ids": [choice], "ballot_id": str(uuid.uuid4())}
            if choice == 3:
                ballot["comment"] = "Đề nghị bổ sung thời gian thảo luận"
            self.run(self.people[name], "poll.vote", ballot)
        wait_until(lambda: (room.store.poll_by_id(first) or {}).get("ballots") == 7, "the first ballots")
        self.run(chair, "poll.close", {"poll_id": first})

        second = self.run(secretary, "poll.create", {
            "meeting_id": DEMO_MEETING, "agenda_item_id": agenda_ids[4], "secret": True,
            "majority": "absolute", "duration_seconds": 300,
            "question": "Thông qua Kế hoạch cải cách hành chính năm 2027 của Bộ"})["poll"]["id"]
        self.run(secretary, "poll.create", {
            "meeting_id": DEMO_MEETING, "agenda_item_id": agenda_ids[5], "secret": False,
            "majority": "simple", "question": "Thông qua Kết luận hội nghị"})
        for notice in list(delegate.notices.notices):
            delegate.notices.dismiss(notice)  # the first vote's, gone by now on a real screen
        self.run(chair, "poll.open", {"poll_id": second})
        wait_until(lambda: delegate.notices.notices, "the delegate's notice of the vote")
        self.shoot(delegate, "notice", keep_notices=True)
        for name in voters[1:4]:
            self.run(self.people[name], "poll.vote", {"poll_id": second, "option_ids": [1],
                                                      "ballot_id": str(uuid.uuid4())})
        wait_until(lambda: (delegate.store.poll_by_id(second) or {}).get("ballots") == 3, "the turnout")
        delegate.central.setCurrentWidget(delegate.votes)
        self.shoot(delegate, "votes-open")
        ballot = delegate.votes.vote(second)
        assert ballot is not None
        ballot.option_buttons[3].click()
        ballot.comment_edit.setText("Đề nghị bổ sung chỉ tiêu về dịch vụ công trực tuyến toàn trình")
        self.shoot(ballot, "votes-ballot")
        ballot.close()
        delegate.votes.select(first)
        self.shoot(delegate, "votes-result")

        room.central.setCurrentWidget(room.votes)
        dialog = room.votes.manager.new_poll()
        dialog.question_edit.setPlainText("Bầu chọn hai đơn vị dẫn đầu phong trào thi đua năm 2026")
        dialog.options.custom_radio.setChecked(True)
        dialog.options.table.setRowCount(0)
        for text in ("Văn phòng Bộ", "Vụ Tổ chức cán bộ", "Trung tâm Công nghệ thông tin", "Thanh tra Bộ"):
            dialog.options.add_option(text, False)
        dialog.multiple_radio.setChecked(True)
        dialog.secret_radio.setChecked(True)
        self.shoot(dialog, "votes-create")
        dialog.close()

    def floor(self, room: MeetingRoomWindow, delegate: MeetingRoomWindow, chair: Connection,
              others: dict[str, Connection]) -> None:
        """The floor: requests from three sites, one speaker granted 3 minutes; the Floor tab
        (delegate and chair), the console, and the room display with a presented page."""
        asked = {}
        for username, kind in (("delegate3", "speak"), ("delegate5", "speak"),
                               ("delegate7", "question"), ("delegate9", "speak"),
                               ("delegate2", "question")):
            answer = self.run(others[username], "speaker.request",
                              {"meeting_id": DEMO_MEETING, "kind": kind})
            asked[username] = answer["request"]["id"]
        self.run(chair, "speaker.grant", {"meeting_id": DEMO_MEETING,
                                          "request_id": asked["delegate3"], "seconds": 180})
        delegate.floor_page.mine.speak.ask_button.click()
        wait_until(lambda: delegate.floor_page.mine.speak.request is not None, "my request")
        wait_until(lambda: room.store.speaker is not None, "the speaker")
        spin(2.0)  # a few seconds into the speech
        delegate.central.setCurrentWidget(delegate.floor_page)
        self.shoot(delegate, "floor-delegate")
        room.central.setCurrentWidget(room.floor_page)
        room.floor_page.queue("speak").select(asked["delegate9"])
        self.shoot(room, "floor-chair")
        console = room.open_console()
        console.resize(1360, 820)
        wait_until(lambda: console.attendance.site_texts(), "the console")
        self.shoot(console, "console")
        console.close()
        document = next(d for d in room.store.documents if d.get("access") == "all")
        self.run(chair, "presenter.set_page", {"meeting_id": DEMO_MEETING,
                                               "document_id": document["id"], "page": 1})
        display = room.open_display()
        display.resize(1360, 765)
        wait_until(lambda: display.presented.showing_page, "the presented page on the display")
        spin(1.5)  # the page renders
        self.shoot(display, "room-display")
        display.close()

    def minutes(self, delegate: MeetingRoomWindow, agenda_ids: list[int]) -> None:
        """The minutes tab (the secretary editing, a delegate reading) and the action items
        across meetings in the meetings window."""
        secretary = self.connect("secretary")
        people = {p["username"]: p["user_id"] for p in delegate.store.participants}
        item = agenda_ids[1]  # the item under discussion
        text = ("**Thống nhất** thông qua Kế hoạch công tác năm 2027 với các chỉ tiêu chủ yếu:\n\n"
                "- Hoàn thành 100% nhiệm vụ được giao\n- Giải ngân vốn đầu tư công đạt trên 95%\n\n"
                "*Đề nghị* các đơn vị hoàn thiện kế hoạch chi tiết trước ngày 15/01/2027.")
        if self.try_run(secretary, "conclusion.set", {
                "meeting_id": DEMO_MEETING, "agenda_item_id": item, "text": text,
                "decision": "Thông qua Kế hoạch công tác năm 2027."}) is None:
            return
        plans = (("Hoàn thiện Kế hoạch chi tiết, trình Bộ trưởng", "delegate1", "2027-01-15"),
                 ("Rà soát chỉ tiêu giải ngân vốn đầu tư công", None, "2027-02-28"))
        for title, owner, due in plans:
            action: dict[str, Any] = {"agenda_item_id": item, "title": title, "due": due, "status": "open"}
            if owner:
                action["owner_id"] = people[owner]
            else:
                action["owner_name"] = "Vụ Kế hoạch - Tài chính"
            self.try_run(secretary, "action.save", {"meeting_id": DEMO_MEETING, "action": action})
        writer, writer_cache = self.session("secretary"), self.cache / "secretary"
        room = MeetingRoomWindow(writer, writer.open_meeting(DEMO_MEETING, writer_cache),
                                 cache_dir=writer_cache)
        room.open()
        wait_until(lambda: room.store.loaded and room.minutes.item_id == item, "the secretary's room")
        room.central.setCurrentWidget(room.minutes)
        room.minutes.action_items.table.selectRow(0)
        self.shoot(room, "minutes-secretary")
        delegate.central.setCurrentWidget(delegate.minutes)
        wait_until(lambda: delegate.minutes.action_items.table.rowCount() == 2, "the delegate's minutes")
        self.shoot(delegate, "minutes-delegate")
        meetings = MeetingsWindow(self.session("delegate1"))
        meetings.open()
        wait_until(lambda: meetings.loaded, "the delegate's meetings")
        meetings.show_actions()
        wait_until(lambda: meetings.actions_panel.loaded, "the action items")
        self.shoot(meetings, "action-items")
        meetings.search("ngân sách")
        wait_until(lambda: meetings.search_panel.loaded, "the search results")
        self.shoot(meetings, "search")
        for window in (meetings, room):
            window.close()

    def administration(self) -> None:
        """An administrator's windows: the users (and a new user's form), the audit log,
        and the password change everyone has."""
        meetings = MeetingsWindow(self.session("admin"))
        meetings.open()
        wait_until(lambda: meetings.loaded, "the administrator's meetings")
        users = meetings.open_users()
        wait_until(lambda: users.model.rowCount() > 5, "the users")
        users.select(next(users.model.user(row)["id"] for row in range(users.model.rowCount())
                          if users.model.user(row)["username"] == "delegate1"))
        self.shoot(users, "users")
        dialog = users.create_user()
        dialog.username_edit.setText("tranthuha")
        dialog.full_name_edit.setText("Trần Thu Hà")
        dialog.password_edit.setText("tam-thoi-2026")
        dialog.repeat_edit.setText("tam-thoi-2026")
        dialog.organizer_box.setChecked(True)
        self.shoot(dialog, "users-new")
        dialog.close()
        meetings.open_audit_log()
        audit = meetings.audit_window
        assert audit is not None
        loaded: list[bool] = []
        audit.loaded.connect(lambda: loaded.append(True))
        audit.reload()
        wait_until(lambda: loaded, "the audit log")
        self.shoot(audit, "audit")
        password = meetings.change_password()
        self.shoot(password, "password")
        for window in (password, audit, users, meetings):
            window.close()

    def main(self) -> None:
        login = LoginDialog(self.server.url, "chair", settings=QSettings(
            str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat))
        login.password_edit.setText("demo")
        login.show()
        login.password_edit.deselect()
        self.shoot(login, "login")
        login.close()

        chair_session = self.session("chair")
        chair = self.connect("chair")
        self.other_meetings(chair, chair_session.user_id)
        self.run(chair, "meeting.start", {"meeting_id": DEMO_MEETING})
        self.run(chair, "attendance.check_in", {"meeting_id": DEMO_MEETING})  # no banner for her
        agenda_ids: list[int] = []
        self.connect("admin", DEMO_MEETING,
                     lambda _m, _s, snap: agenda_ids.extend(i["id"] for i in snap["agenda"]))
        wait_until(lambda: agenda_ids, "the agenda")
        self.run(chair, "agenda.set_current", {"meeting_id": DEMO_MEETING,
                                               "item_id": agenda_ids[1]})
        for username in ("secretary", "delegate2", "delegate3", "delegate5", "delegate7",
                         "delegate9", "observer1"):
            self.people[username] = self.connect(username, DEMO_MEETING)
        self.people["chair"] = chair
        others = {name: connection for name, connection in self.people.items() if name != "chair"}

        meetings = MeetingsWindow(chair_session)
        meetings.open()
        wait_until(lambda: meetings.loaded, "the meetings list")
        meetings.select(DEMO_MEETING)
        self.shoot(meetings, "meetings")

        chair_cache = self.cache / "chair"
        room = MeetingRoomWindow(chair_session, chair_session.open_meeting(DEMO_MEETING, chair_cache),
                                 cache_dir=chair_cache)
        room.open()
        wait_until(lambda: room.store.loaded, "the chair's room")
        room.agenda.select(agenda_ids[2])
        self.shoot(room, "room-chair")
        self.agenda_item_dialog(room)

        delegate_session = self.session("delegate1")
        delegate = MeetingRoomWindow(delegate_session,
                                     delegate_session.open_meeting(DEMO_MEETING, self.cache / "delegate1"),
                                     cache_dir=self.cache / "delegate1")
        delegate.open()
        wait_until(lambda: delegate.store.loaded, "the delegate's room")
        self.shoot(delegate, "room-delegate")  # with the banner asking to check in
        delegate.check_in_banner.check_in_button.click()
        wait_until(lambda: delegate.check_in_banner.isHidden(), "the delegate's check-in")
        self.documents(room, delegate, agenda_ids)
        self.floor(room, delegate, chair, others)
        self.votes(room, delegate, agenda_ids)
        self.minutes(delegate, agenda_ids)

        preparer = self.session("secretary")
        prep = PreparationDialog(preparer, preparer.open_meeting(DEMO_MEETING))
        prep.open_dialog()
        wait_until(lambda: prep.store.loaded, "the preparation dialog")
        prep.tabs.setCurrentIndex(1)
        prep.participants.search_edit.setText("thi")  # no accents needed: "Thị" is found
        prep.participants.search()
        wait_until(lambda: prep.participants.results.count(), "the user search")
        prep.participants.results.setCurrentRow(0)
        self.shoot(prep, "preparation")
        prep.tabs.setCurrentIndex(2)
        self.shoot(prep, "preparation-agenda")

        new = PreparationDialog(preparer, preparer.open_meeting(None))  # the demo's preparation path
        new.open_dialog()
        wait_until(lambda: new.save_button.isEnabled(), "the new meeting dialog")
        new.details.title_edit.setText("Hội nghị sơ kết 6 tháng đầu năm 2027")
        new.details.location_edit.setText("Hội trường B, trụ sở Bộ, Hà Nội")
        new.details.sites.item(0).setText("Hội trường Bộ (Hà Nội)")
        for name in ("Điểm cầu TP. Hồ Chí Minh", "Điểm cầu Đà Nẵng"):
            new.details.add_site.click()
            new.details.sites.currentItem().setText(name)
        self.shoot(new, "preparation-new")
        self.administration()
        self.guide()
        # Last: the new version would change the documents and the display shown before.
        self.not_carried_over(delegate)

        for window in (new, prep, delegate, room, meetings):
            window.close()
        for connection in self.connections:
            connection.stop()


def main() -> int:
    args = parse_arguments(__doc__)
    application = start_application(args)  # noqa: F841  # held: the windows need it alive
    server = DemoServer(free_port(), Path(tempfile.mkdtemp(prefix="screenshots-")))
    try:
        server.ensure_running()
        Script(server, args.out).main()
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
