"""Documents end to end, against the real demo server: the secretary uploads through the
room's upload dialog, a delegate's room lists and downloads the file; the chair presents a
page and a delegate's reader shows it; browsing away and following again; restricted and
unreleased documents stay out of sight of those who may not read them."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from meeting_app.net.downloads import DONE
from meeting_app.ui.documents.dialogs import UploadDialog
from meeting_app.ui.reader import BROWSING, FOLLOWING
from meeting_app.ui.room.window import MeetingRoomWindow
from meeting_app.vault import read_sealed
from tests.support.pdfs import meeting_pdf

pytestmark = pytest.mark.e2e
WAIT = 30_000
MEETING = 1


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return meeting_pdf(tmp_path_factory.mktemp("upload") / "Tờ trình kế hoạch 2027.pdf").path


def upload(qtbot: Any, window: MeetingRoomWindow, path: Path, title: str,
           readers: list[int] | None = None, released: bool = True) -> dict[str, Any]:
    """Upload through the room's own dialog, as the secretary would."""
    tab = window.documents.tab
    tab.upload_files([path])
    dialog = tab.dialog
    assert isinstance(dialog, UploadDialog)
    dialog.fields.title_edit.setText(title)
    for user_id in readers or []:
        dialog.fields.set_reader_checked(user_id)
    dialog.fields.release_box.setChecked(released)
    uploaded: list[dict[str, Any]] = []
    dialog.uploaded.connect(uploaded.append)
    dialog.upload_button.click()
    qtbot.waitUntil(lambda: bool(uploaded) or dialog.error_label.isVisibleTo(dialog), timeout=WAIT)
    assert uploaded, dialog.error_label.text()
    return uploaded[0]


def user_id(window: MeetingRoomWindow, username: str) -> int:
    return next(p["user_id"] for p in window.store.participants if p.get("username") == username)


def start_meeting(qtbot: Any, chair: MeetingRoomWindow) -> None:
    if chair.store.meeting["status"] == "scheduled":
        chair.start_meeting()
        qtbot.waitUntil(lambda: chair.store.meeting["status"] == "live", timeout=WAIT)


def test_an_uploaded_document_reaches_a_delegate_and_is_downloaded(
        qtbot: Any, open_room: Any, sample: Path) -> None:
    secretary = open_room("secretary")
    delegate = open_room("delegate1")
    doc = upload(qtbot, secretary, sample, "Tờ trình kế hoạch năm 2027")
    assert doc["sha256"] == hashlib.sha256(sample.read_bytes()).hexdigest()
    model = delegate.documents.tab.model
    qtbot.waitUntil(lambda: doc["id"] in model.document_ids(), timeout=WAIT)
    sync = delegate.documents.sync
    qtbot.waitUntil(lambda: sync.state(doc["id"]).state == DONE, timeout=WAIT)
    job = sync.job(doc["id"])
    assert job is not None and job.downloaded == sample.stat().st_size
    path = sync.path(doc["id"])
    # Sealed with the session's cache key: the plaintext only comes back with it.
    assert path is not None and b"%PDF" not in path.read_bytes()
    key = delegate.session.cache_key
    assert key is not None and read_sealed(path, key, doc["sha256"], doc["sha256"]) == sample.read_bytes()
    assert "Documents (" in delegate.central.tabText(delegate.central.indexOf(delegate.documents.tab))


def test_a_delegate_follows_the_chair_and_can_browse_away(
        qtbot: Any, open_room: Any, sample: Path) -> None:
    chair = open_room("chair")
    delegate = open_room("delegate2")
    start_meeting(qtbot, chair)
    doc = upload(qtbot, chair, sample, "Tài liệu trình chiếu")
    assert not delegate.documents.link.present_action.isVisible()
    assert chair.documents.link.present_action.isVisible()

    chair_tab = chair.documents.tab
    qtbot.waitUntil(lambda: chair.store.document_by_id(doc["id"]) is not None, timeout=WAIT)
    assert chair_tab.open_document(doc["id"])
    qtbot.waitUntil(lambda: chair_tab.reader_page.loaded, timeout=WAIT)
    chair.documents.link.present_action.setChecked(True)
    chair.documents.reader.go_to_page(3)
    reader = delegate.documents.reader
    qtbot.waitUntil(lambda: delegate.documents.tab.open_document_id == doc["id"]
                    and reader.page_count > 0 and reader.current_page == 3, timeout=WAIT)
    assert reader.banner.state == FOLLOWING
    assert delegate.central.currentWidget() is delegate.documents.tab

    reader.toolbar.next_action.trigger()  # the delegate turns a page themselves
    qtbot.waitUntil(lambda: reader.banner.state == BROWSING, timeout=WAIT)
    chair.documents.reader.go_to_page(5)
    qtbot.waitUntil(lambda: delegate.store.presenter == {"document_id": doc["id"], "page": 5},
                    timeout=WAIT)
    assert reader.current_page == 4  # browsing: it stays where the delegate is

    reader.banner.button.click()  # "Follow presenter"
    qtbot.waitUntil(lambda: reader.current_page == 5, timeout=WAIT)
    assert reader.banner.state == FOLLOWING

    chair.documents.link.present_action.setChecked(False)
    qtbot.waitUntil(lambda: delegate.store.presenter is None, timeout=WAIT)
    assert reader.banner.state is None


def test_restricted_and_unreleased_documents_stay_private(
        qtbot: Any, open_room: Any, sample: Path, tmp_path: Path) -> None:
    secretary = open_room("secretary")
    insider = open_room("delegate3")
    outsider = open_room("delegate4")
    secret = upload(qtbot, secretary, sample, "Báo cáo mật", readers=[user_id(secretary, "delegate3")])
    other = tmp_path / "draft.pdf"
    meeting_pdf(other, text_pages=2)
    draft = upload(qtbot, secretary, other, "Dự thảo chưa phát hành", released=False)
    assert secret["access"] == "restricted" and draft["released"] is False

    qtbot.waitUntil(lambda: insider.store.document_by_id(secret["id"]) is not None, timeout=WAIT)
    assert outsider.store.document_by_id(secret["id"]) is None
    assert secret["id"] not in outsider.documents.tab.model.document_ids()
    assert insider.store.document_by_id(draft["id"]) is None
    # The upload's answer comes over HTTP, its event over the socket: either may be first.
    qtbot.waitUntil(lambda: draft["id"] in secretary.documents.tab.model.document_ids(), timeout=WAIT)

    insider.documents.tab.open_document(secret["id"])
    qtbot.waitUntil(lambda: insider.documents.tab.reader_page.loaded, timeout=WAIT)
    watermark = insider.documents.tab.reader_page.watermark
    assert watermark is not None and watermark.startswith(insider.session.full_name + "\n")

    secretary.documents.tab.release(draft["id"])
    qtbot.waitUntil(lambda: outsider.store.document_by_id(draft["id"]) is not None, timeout=WAIT)
    assert outsider.store.document_by_id(secret["id"]) is None
    # The outsider never got the restricted document's bytes either.
    assert not any(job.document_id == secret["id"] for job in outsider.documents.downloader.jobs())
