"""The minutes end to end, against the real demo server: the secretary writes a conclusion in
the room's Minutes tab, the chair sees it live and publishes; a delegate opens the published
minutes in the reader, and the PDF holds the conclusion word for word."""

from __future__ import annotations

from typing import Any

import pymupdf
import pytest

from meeting_app.vault import read_sealed

pytestmark = pytest.mark.e2e
WAIT = 30_000
MEETING = 1
CONCLUSION = "Thống nhất thông qua Kế hoạch; giao Vụ Tổ chức cán bộ chủ trì, phối hợp."


def test_the_secretary_writes_the_chair_publishes_a_delegate_reads(qtbot: Any, open_room: Any) -> None:
    secretary, chair, delegate = open_room("secretary"), open_room("chair"), open_room("delegate1")
    item = secretary.store.agenda[2]["id"]
    secretary.minutes.follow.setChecked(False)
    secretary.minutes.show_item(item)
    editor = secretary.minutes.conclusion.editor.text_edit
    editor.setFocus()
    editor.insertPlainText(CONCLUSION)  # as typing does (QTest cannot type Vietnamese letters)
    secretary.minutes.conclusion.flush()  # as leaving the item does (autosave waits for a pause)
    qtbot.waitUntil(lambda: chair.store.conclusion(item).strip() == CONCLUSION, timeout=WAIT)
    assert delegate.store.conclusion(item).strip() == CONCLUSION

    assert not secretary.minutes.workflow.publish_button.isVisible()  # publishing is the chair's
    chair.minutes.workflow.publish_now()
    qtbot.waitUntil(lambda: delegate.store.minutes["status"] == "published", timeout=WAIT)
    document_id = delegate.store.minutes["document_id"]
    assert delegate.store.document_by_id(document_id) is not None

    delegate.minutes.workflow.open_minutes()
    reader = delegate.documents.tab.reader_page
    qtbot.waitUntil(lambda: reader.document_id == document_id and reader.loaded, timeout=WAIT)
    assert delegate.central.currentWidget() is delegate.documents.tab
    assert reader.path is not None and reader.cache_key is not None
    # The cached copy is sealed (docs/offline-cache.md): decrypt it as the PDF process does.
    plain = read_sealed(reader.path, reader.cache_key, reader.path.stem, reader.path.stem)
    with pymupdf.open(stream=plain, filetype="pdf") as pdf:
        text = " ".join(" ".join(page.get_text() for page in pdf).split())
    assert CONCLUSION in text
