"""Site names too long for their column stay told apart: the words they share go first
("…Thái Nguyên", not "Điểm cầu T…"), the whole name is in the tooltip."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from meeting_app.ui.attendance.quorum import CountsTable
from meeting_app.ui.distinct_names import distinct_elided
from meeting_app.ui.room.delegates import ParticipantDelegate
from meeting_app.ui.room.participants_panel import ParticipantsPanel
from protocol.attendance import Counts
from tests.client.floor_data import SITES as SITES_OF_THE_DEMO
from tests.client.floor_data import Meeting

SITES = ["Hội trường Bộ (Hà Nội)", "Điểm cầu Thái Nguyên", "Điểm cầu Thái Bình",
         "Điểm cầu Đà Nẵng"]


def test_shared_words_go_first_and_the_rest_is_cut_in_the_middle(qapp: QApplication) -> None:
    metrics = QFontMetrics(qapp.font())
    whole = metrics.horizontalAdvance("Điểm cầu Thái Nguyên")
    assert distinct_elided("Điểm cầu Thái Nguyên", SITES, metrics, whole) == "Điểm cầu Thái Nguyên"
    narrow = metrics.horizontalAdvance("…Thái Nguyên")
    shown = [distinct_elided(name, SITES, metrics, narrow) for name in SITES]
    assert shown[1:] == ["…Nguyên", "…Bình", "…Đà Nẵng"]  # "Thái" is shared by two
    assert len(set(shown)) == len(SITES)
    tiny = metrics.horizontalAdvance("…Đà…")
    squeezed = [distinct_elided(name, SITES, metrics, tiny) for name in SITES]
    assert all(metrics.horizontalAdvance(text) <= tiny for text in squeezed)


def shown_texts(table: CountsTable) -> list[str]:
    delegate = table.itemDelegateForColumn(0)
    texts = []
    for row in range(table.rowCount() - 1):  # the total's row is not a site
        option = QStyleOptionViewItem()
        option.initFrom(table.viewport())
        option.rect = table.visualRect(table.model().index(row, 0))
        option.widget = table
        delegate.initStyleOption(option, table.model().index(row, 0))
        texts.append(option.text)
    return texts


def test_the_attendance_counts_keep_site_names_apart_in_a_narrow_column(qtbot: Any) -> None:
    table = CountsTable()
    qtbot.addWidget(table)
    table.show_counts([(name, Counts()) for name in SITES], Counts())
    table.resize(1000, 200)
    table.show()
    qtbot.waitExposed(table)
    assert shown_texts(table) == SITES  # room enough: whole names
    table.resize(table.width() - table.columnWidth(0) + 110, 200)
    qtbot.waitUntil(lambda: table.columnWidth(0) <= 112, timeout=5000)
    shown = shown_texts(table)
    assert len(set(shown)) == len(SITES), shown
    assert not any(text.startswith("Điểm cầu") for text in shown[1:]), shown
    for row, name in enumerate(SITES):
        assert table.item(row, 0).data(Qt.ItemDataRole.ToolTipRole) == name


def test_the_participants_panel_keeps_site_headers_apart(qtbot: Any) -> None:
    meeting = Meeting("chair", 1)
    panel = ParticipantsPanel(meeting.store)
    qtbot.addWidget(panel)
    model = panel.view.model()
    sites = [model.index(row, 0) for row in range(model.rowCount())]
    names = [str(index.data()) for index in sites]
    assert names == [name for _id, name, _central in SITES_OF_THE_DEMO]
    metrics = QFontMetrics(panel.font())
    narrow = metrics.horizontalAdvance("Điểm cầu T…")  # what the panel had at 1280x800
    shown = [ParticipantDelegate.site_text(index, metrics, narrow) for index in sites]
    assert len(set(shown)) == len(shown), shown
    assert shown[2].endswith("Nẵng"), shown  # the part that tells it from the others
    assert not any(text.startswith("Điểm cầu") for text in shown[1:]), shown
    assert all(index.data(Qt.ItemDataRole.ToolTipRole) == name for index, name in zip(sites, names,
                                                                                       strict=True))
