"""The result chart: the right counts and shares for a known result, the verdict and the
rule in words, and bars painted to scale in the passed / not passed colours."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor

from meeting_app.ui.theme import color
from meeting_app.ui.votes.chart import ResultChart, result_rows
from meeting_app.ui.votes.texts import quorum_text, turnout_text, verdict_text
from tests.client.votes_data import options, poll, result

PLAN = poll(2, "Thông qua Kế hoạch cải cách hành chính năm 2027?", "closed")


def test_rows_carry_counts_and_shares_of_the_votes_cast() -> None:
    known = result({"1": 7, "2": 3, "3": 2}, True, threshold=7)
    rows = result_rows(known, PLAN)
    assert [(r.text, r.count, r.percent) for r in rows] == [
        ("Tán thành", 7, "58.3%"), ("Không tán thành", 3, "25.0%"), ("Ý kiến khác", 2, "16.7%")]
    assert rows[0].label == "7 · 58.3%"
    # Options nobody chose still have their bar, and nothing cast shows no share.
    empty = result_rows(result({"1": 0, "2": 0, "3": 0}, False, threshold=1), PLAN)
    assert [(r.count, r.percent) for r in empty] == [(0, "–"), (0, "–"), (0, "–")]


def test_the_verdict_says_the_rule_and_the_numbers() -> None:
    passed = result({"1": 7, "2": 3, "3": 2}, True, threshold=7)
    assert verdict_text(passed, PLAN) == (
        "PASSED — “Tán thành” got 7; needed 7 (more than half of the 12 votes cast).")
    failed = result({"1": 7, "2": 3, "3": 2}, False, rule="two_thirds", threshold=10, members=15)
    assert verdict_text(failed, PLAN) == (
        "NOT PASSED — “Tán thành” got 7; needed 10 (at least two thirds of the 15 members).")
    short = result({"1": 3, "2": 0, "3": 0}, False, threshold=2, quorum=8)
    assert verdict_text(short, PLAN).endswith("The quorum was not reached.")
    assert quorum_text(short, 8) == "Quorum NOT reached: 3 ballots cast, 8 needed."
    assert quorum_text(passed, None) == "No minimum turnout: 12 ballots cast."
    one = result({"1": 1, "2": 0, "3": 0}, True, threshold=1, quorum=2)
    assert quorum_text(one, 2) == "Quorum NOT reached: 1 ballot cast, 2 needed."  # not "1 ballots"
    assert turnout_text(1, 3) == "1 of 3 ballots cast" and turnout_text(1, 1) == "1 of 1 ballot cast"


def test_bars_are_drawn_to_scale(qtbot: Any) -> None:
    chart = ResultChart(result({"1": 6, "2": 3, "3": 3}, True, threshold=7), PLAN)
    qtbot.addWidget(chart)
    chart.resize(600, chart.sizeHint().height())
    image = chart.grab().toImage()
    dpr = image.devicePixelRatio()
    row = chart._row_height()
    line = chart.fontMetrics().height()
    y = int((4 + line + 2 + line * 0.45) * dpr)  # the middle of the first bar

    def colour(x: float, y: int) -> QColor:
        return image.pixelColor(int(x * dpr), y)

    width = [x for x in range(600) if colour(x, y) == color("success")]
    assert width, "the first bar is green: passed"
    second_y = int(y + row * dpr)
    second = [x for x in range(600) if colour(x, second_y).red() > 150 and colour(x, second_y).green() < 80]
    assert abs(len(second) / len(width) - 0.5) < 0.08  # 3 votes draw half of 6


def test_large_mode_puts_the_verdict_on_top(qtbot: Any) -> None:
    plan = poll(3, "Bầu Ban kiểm tra", "closed",
                options=options("Đồng ý", "Không đồng ý", comment_last=False))
    small = ResultChart(result({"1": 2, "2": 5}, False, threshold=4), plan)
    large = ResultChart(result({"1": 2, "2": 5}, False, threshold=4), plan, large=True)
    qtbot.addWidget(small)
    qtbot.addWidget(large)
    assert large.sizeHint().height() > 2 * small.sizeHint().height()
    assert large.verdict.startswith("NOT PASSED — “Đồng ý” got 2")
    assert ResultChart().rows == []  # empty until a result is set
