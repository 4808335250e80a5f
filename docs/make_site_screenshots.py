"""Screenshots of the sites tiles and the attendance tab, into ``docs/screenshots/``.

    python docs/make_site_screenshots.py [--language en|vi] [--out docs/screenshots]

The real meeting room window, offscreen, connected over Socket.IO to the tests' scripted
server (``tests/client/conftest.py: FakeServer``), which answers the join with a live
three-site demo meeting (``tests/support/meeting_data.py``: a speaker in TP. Hồ Chí Minh,
raised hands, excuses and a proxy) and ``site.status`` with Đà Nẵng's link lost. Scripted
rather than the demo server so that a lost link and a speaker show on every run.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["TZ"] = "Asia/Ho_Chi_Minh"  # before anything reads the local time zone
time.tzset()
from docs.screenshot_app import parse_arguments, spin, start_application, use_desktop_screen  # noqa: E402

use_desktop_screen()

from PySide6.QtWidgets import QWidget  # noqa: E402

from meeting_app.ui.room.window import MeetingRoomWindow  # noqa: E402
from meeting_app.ui.session import Session  # noqa: E402
from tests.client.conftest import FakeServer  # noqa: E402
from tests.support import meeting_data as md  # noqa: E402
from tests.support.http_stub import serving  # noqa: E402

NOW = md.site_status()["server_time"]


def shoot(widget: QWidget, out: Path, name: str) -> None:
    spin(0.4)
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(f"saved {path}")


def room(server: FakeServer, user_id: int, role: str) -> MeetingRoomWindow:
    """The room of ``user_id`` joined to the scripted meeting."""
    server.join_answers.append({"seq": 1, "snapshot": md.meeting_snapshot(user_id, role),
                                "server_time": NOW})
    session = Session(server.url, "good", {"id": user_id})
    window = MeetingRoomWindow(session, session.open_meeting(1))
    window.open()
    deadline = time.monotonic() + 20
    while not window.store.loaded or window.connection.status != "connected":
        if time.monotonic() > deadline:
            raise SystemExit("the room did not join the scripted meeting")
        spin(0.05)
    return window


def main() -> int:
    args = parse_arguments(__doc__)
    application = start_application(args)  # noqa: F841  # held: the windows need it alive
    server = FakeServer()
    server.command_answers["site.status"] = {"ok": True, "data": md.site_status()}
    server.command_answers["presence.heartbeat"] = {"ok": True, "data": {"server_time": NOW}}
    with serving(server.app(), server.port) as loop:
        server.loop = loop
        chair = room(server, 1, "chair")
        chair.central.setCurrentWidget(chair.attendance)
        spin(2.5)  # the first poll and heartbeat
        chair.attendance.select([10])
        shoot(chair, args.out, "sites-attendance-chair")

        chair.attendance.select([8])
        dialog = chair.attendance.ask_reason("excused")
        if dialog is not None:
            dialog.choose("Công tác")
            shoot(dialog, args.out, "attendance-reason")
            dialog.reject()
        chair.close()

        secretary = room(server, 16, "secretary")  # TP. Hồ Chí Minh's secretary
        secretary.central.setCurrentWidget(secretary.attendance)
        secretary.attendance.select([8])
        spin(2.5)
        shoot(secretary, args.out, "attendance-site-secretary")
        secretary.close()

        delegate = room(server, 12, "delegate")  # Dương Văn Khải, not checked in yet
        delegate.central.setCurrentWidget(delegate.attendance)
        spin(2.5)
        shoot(delegate, args.out, "attendance-delegate")
        delegate.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
