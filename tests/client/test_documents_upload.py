"""Uploading: the multipart form the server reads (fields, a Vietnamese file name, the
bytes), progress, the server's own message for a refusal, and the dialogs' fields."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from meeting_app.net.uploads import UploadError, UploadRequest, UploadTask, accepted_files, upload_document
from meeting_app.state.store import MeetingStore
from meeting_app.ui.documents.dialogs import DocumentEditDialog, UploadDialog
from tests.support.capabilities import empty_snapshot_for
from tests.support.http_stub import serving
from tests.support.server_process import free_port

WAIT = 15_000


@dataclass
class UploadServer:
    """Answers ``POST /api/meetings/1/documents`` with ``answer`` and keeps what came."""

    port: int = field(default_factory=free_port)
    forms: list[dict[str, Any]] = field(default_factory=list)
    status: int = 201
    message: str = ""
    repaired: bool = False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def upload(self, request: web.Request) -> web.Response:
        form: dict[str, Any] = {"auth": request.headers.get("Authorization")}
        async for part in await request.multipart():
            if part.name == "file":
                form["filename"] = part.filename
                form["file"] = await part.read()  # type: ignore[union-attr]
            else:
                form[str(part.name)] = await part.text()  # type: ignore[union-attr]
        self.forms.append(form)
        if self.status != 201:
            return web.json_response({"error": {"code": "too_large", "message": self.message}},
                                     status=self.status)
        answer: dict[str, Any] = {"document": {"id": 9, "title": form.get("title", "")}}
        if self.repaired:
            answer["repaired"] = True
        return web.json_response(answer, status=201)


@pytest.fixture
def upload_server() -> Iterator[UploadServer]:
    server = UploadServer()
    app = web.Application(client_max_size=50 * 1024 * 1024)
    app.router.add_post("/api/meetings/1/documents", server.upload)
    with serving(app, server.port):
        yield server


def test_the_form_carries_the_fields_and_the_bytes(upload_server: UploadServer, tmp_path: Path) -> None:
    path = tmp_path / "Tờ trình số 12.pdf"
    body = b"%PDF-1.7\n" + bytes(range(256)) * 4000
    path.write_bytes(body)
    seen: list[tuple[int, int]] = []
    doc = upload_document(upload_server.url, "tok", UploadRequest(
        1, path, "Tờ trình số 12", agenda_item_id=3, access=[4, 6], released=False),
        progress=lambda sent, total: seen.append((sent, total)))
    assert doc == {"id": 9, "title": "Tờ trình số 12"}
    form = upload_server.forms[0]
    assert form["auth"] == "Bearer tok"
    assert form["file"] == body and form["filename"] == "Tờ trình số 12.pdf"
    assert (form["title"], form["agenda_item_id"], form["access"], form["released"]) == \
        ("Tờ trình số 12", "3", "4,6", "false")
    assert seen[-1] == (len(body), len(body)) and len(seen) > 1


def test_a_new_version_names_the_document_it_replaces(upload_server: UploadServer,
                                                       tmp_path: Path) -> None:
    path = tmp_path / "v2.pdf"
    path.write_bytes(b"%PDF-1.7 v2")
    upload_document(upload_server.url, "tok", UploadRequest(1, path, replaces=5))
    form = upload_server.forms[0]
    assert form["replaces"] == "5"
    assert "title" not in form and "access" not in form and "released" not in form


def test_a_refusal_carries_the_servers_message(upload_server: UploadServer, tmp_path: Path) -> None:
    upload_server.status, upload_server.message = 413, "Tệp quá lớn: tối đa 100 MB."
    path = tmp_path / "big.pdf"
    path.write_bytes(b"%PDF-1.7 big")
    with pytest.raises(UploadError) as refused:
        upload_document(upload_server.url, "tok", UploadRequest(1, path, "Lớn"))
    assert refused.value.status == 413 and refused.value.message == "Tệp quá lớn: tối đa 100 MB."


def test_no_server_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(b"%PDF")
    with pytest.raises(UploadError) as failed:
        upload_document(f"http://127.0.0.1:{free_port()}", "tok", UploadRequest(1, path, "A"))
    assert failed.value.status == 0 and "could not be reached" in failed.value.message


def test_the_task_reports_on_the_gui_thread(qtbot: Any, upload_server: UploadServer,
                                            tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(b"%PDF-1.7" * 1000)
    task = UploadTask(upload_server.url, "tok", UploadRequest(1, path, "A"))
    with qtbot.waitSignal(task.succeeded, timeout=WAIT) as done:
        task.start()
    assert done.args == [{"id": 9, "title": "A"}]
    upload_server.repaired = True
    task = UploadTask(upload_server.url, "tok", UploadRequest(1, path, "A"))
    with qtbot.waitSignal(task.succeeded, timeout=WAIT) as done:
        task.start()
    assert done.args[0]["repaired"] is True, "the server's repair is told to the uploader"


def test_only_known_kinds_of_file_are_taken(tmp_path: Path) -> None:
    names = ["a.pdf", "b.DOCX", "c.odt", "d.xlsx", "e.pptx", "f.doc", "g.ods", "h.odp", "i.xls", "j.ppt",
             "k.rtf", "l.exe", "m.txt"]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in accepted_files(tmp_path / n for n in names)] == names[:11]


def store_with_people() -> MeetingStore:
    snap = empty_snapshot_for(1, 2, "secretary")
    snap["agenda"] = [{"id": 10, "title": "Khai mạc", "position": 0, "presenter": None,
                       "duration_min": None, "document_ids": []}]
    snap["meeting"]["current_item_id"] = 10
    people = [(1, "Chủ tọa", "chair"), (2, "Thư ký", "secretary"), (3, "Đại biểu A", "delegate"),
              (4, "Đại biểu B", "delegate")]
    snap["participants"] = [{"user_id": i, "full_name": n, "role": r, "site_id": None,
                             "attendance": "unknown", "online": True} for i, n, r in people]
    store = MeetingStore()
    store.load(1, snap)
    return store


def test_the_upload_dialog_defaults_and_shows_a_refusal(qtbot: Any, upload_server: UploadServer,
                                                        tmp_path: Path) -> None:
    path = tmp_path / "Báo cáo quý.pdf"
    path.write_bytes(b"%PDF-1.7")
    store = store_with_people()
    dialog = UploadDialog(store, upload_server.url, "tok", path, item_id=10)
    qtbot.addWidget(dialog)
    fields = dialog.fields
    assert fields.title == "Báo cáo quý" and fields.agenda_item_id == 10
    assert fields.access() == "all" and fields.release_box.isChecked()
    # Chair and secretary always read: only the others are offered.
    assert [fields.readers.item(i).text() for i in range(fields.readers.count())] == \
        ["Đại biểu A", "Đại biểu B"]
    fields.set_reader_checked(4)
    assert dialog.upload_request().access == [4]
    upload_server.status, upload_server.message = 422, "Tệp PDF bị hỏng."
    dialog.upload_button.click()
    # Once every byte is sent, the server's check (or conversion) has no known length:
    # the bar turns busy until the answer.
    assert dialog.task is not None
    busy_after_sending: list[bool] = []
    dialog.task.progress.connect(lambda sent, total: busy_after_sending.append(
        dialog.progress.maximum() == 0) if sent >= total else None)
    qtbot.waitUntil(lambda: dialog.error_label.isVisibleTo(dialog), timeout=WAIT)
    assert busy_after_sending and all(busy_after_sending)
    assert dialog.progress.maximum() == 100  # a determinate bar for the next try
    assert "Tệp PDF bị hỏng." in dialog.error_label.text()
    assert dialog.upload_button.isEnabled()  # fix and try again


def test_the_edit_dialog_sends_only_what_changed(qtbot: Any) -> None:
    store = store_with_people()
    doc = {"id": 5, "title": "Cũ", "agenda_item_id": None, "access": "restricted",
           "reader_ids": [3], "released": False, "sha256": "a" * 64}
    dialog = DocumentEditDialog(store, doc)
    qtbot.addWidget(dialog)
    assert dialog.changes() == {}
    dialog.fields.title_edit.setText("Mới")
    dialog.fields.item_combo.setCurrentIndex(1)
    dialog.fields.everyone.setChecked(True)
    dialog.fields.release_box.setChecked(True)
    assert dialog.changes() == {"title": "Mới", "agenda_item_id": 10, "access": "all",
                                "released": True}
