"""The suite's table: each figure beside its same-run baseline and its target, generated.

``rows(results)`` reads the suite's JSON (``bench.suite``) and makes one row per figure;
``markdown(results)`` renders the section that ``--update-docs`` writes into
docs/performance.md between the markers below. Nothing here is written by hand: a figure
whose benchmark failed or did not run shows "–" and says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

START = "<!-- bench-suite:start -->"
END = "<!-- bench-suite:end -->"


@dataclass
class Row:
    """One figure: the product's value, the baseline's (same run), the target and verdict."""

    figure: str
    product: float | None
    baseline: float | None = None
    baseline_name: str = ""
    unit: str = "ms"
    limit: float | None = None
    """The target: at most ``limit`` (or at least, when ``at_least``)."""
    at_least: bool = False
    ratio_limit: float | None = None
    """A second target: product / baseline at most this."""

    @property
    def ratio(self) -> float | None:
        """Product divided by baseline."""
        if self.product is None or not self.baseline:
            return None
        return self.product / self.baseline

    def target(self) -> str:
        """The target in words."""
        parts = []
        if self.limit is not None:
            parts.append(f"{'≥' if self.at_least else '≤'} {number(self.limit)} {self.unit}")
        if self.ratio_limit is not None:
            parts.append(f"≤ {self.ratio_limit:g}× {self.baseline_name}")
        return "; ".join(parts) or "–"

    def verdict(self) -> str:
        """"met", "missed by ..." (how far), or "–" when there is no target or no value."""
        if self.limit is None and self.ratio_limit is None:
            return "–"
        if self.product is None:
            return "not measured"
        misses = []
        if self.limit is not None:
            over = self.limit - self.product if self.at_least else self.product - self.limit
            if over > 0:
                misses.append(f"by {number(over)} {self.unit} ({over / self.limit:.0%})")
        ratio = self.ratio
        if self.ratio_limit is not None and ratio is not None and ratio > self.ratio_limit:
            misses.append(f"ratio {ratio:.2f} > {self.ratio_limit:g}")
        return "**met**" if not misses else "**missed** " + ", ".join(misses)


def number(value: float | None) -> str:
    """A figure for the table: thousands separated, one decimal below 100."""
    if value is None:
        return "–"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.1f}" if abs(value) >= 1 else f"{value:.2f}"


def dig(tree: Any, *path: str) -> Any:
    """tree[path[0]][path[1]]... or None when any step is missing."""
    for step in path:
        if not isinstance(tree, dict) or step not in tree:
            return None
        tree = tree[step]
    return tree


def kb(value: Any) -> float | None:
    """Bytes to KB (1,000 bytes, the issue's unit)."""
    return None if value is None else value / 1000


def fanout_rows(scale: Any) -> list[Row]:
    """Fan-out, throughput and memory rows from ``bench.scale``'s report."""
    rows: list[Row] = []
    limits = {200: 50.0, 500: 100.0, 1000: 250.0}
    for size, figures in (dig(scale, "fanout") or {}).items():
        n = int(size)
        sio = dig(figures, "bare_socketio", "p99_ms")
        rows.append(Row(f"Fan-out p99, {n} clients, 1 process", dig(figures, "product", "p99_ms"), sio,
                        "bare python-socketio", limit=limits.get(n), ratio_limit=1.5))
        rows.append(Row(f"Fan-out p99, {n} clients, 1 process, vs bare websockets",
                        dig(figures, "product", "p99_ms"), dig(figures, "bare_websockets", "p99_ms"),
                        "bare websockets"))
        rows.append(Row(f"Fan-out p99, {n} clients, 2 processes (PostgreSQL + Redis)",
                        dig(figures, "product_2proc", "p99_ms"), sio, "bare python-socketio"))
        rows.append(Row(f"Fan-out p50, {n} clients, 1 process", dig(figures, "product", "p50_ms"),
                        dig(figures, "bare_socketio", "p50_ms"), "bare python-socketio"))
        rows.append(Row(f"Deliveries per server-CPU second, {n} clients, 1 process",
                        dig(figures, "product", "deliveries_per_server_cpu_s"),
                        dig(figures, "bare_socketio", "deliveries_per_server_cpu_s"), "bare python-socketio",
                        unit="/s", limit=30_000, at_least=True))
        rows.append(Row(f"Deliveries per second (wall clock), {n} clients, 1 process",
                        dig(figures, "product", "deliveries_per_s_wall"),
                        dig(figures, "bare_socketio", "deliveries_per_s_wall"), "bare python-socketio",
                        unit="/s"))
    for size, figures in (dig(scale, "memory") or {}).items():
        if size.isdigit():
            rows.append(Row(f"Memory per joined connection, {size} clients",
                            kb(dig(figures, "product", "per_connection_bytes")),
                            kb(dig(figures, "bare_socketio", "per_connection_bytes")),
                            "bare python-socketio",
                            unit="KB", limit=60.0))
    trips = dig(scale, "round_trip") or {}
    echo = trips.get("bare_socketio:bench.echo", {})
    for command in ("agenda.set_current", "meeting.list"):
        for stat in ("p50_ms", "p99_ms"):
            rows.append(Row(f"Command round trip `{command}` {stat[:3]}",
                            dig(trips, f"product:{command}", stat), echo.get(stat),
                            "bare python-socketio echo"))
    return rows


def other_rows(results: dict[str, Any]) -> list[Row]:
    """Vote storm, reconnect storm, downloads, flood and reader rows."""
    rows: list[Row] = []
    voting = dig(results, "voting", "report")
    rows.append(Row(f"Vote storm ({dig(voting, 'voters') or '–'} voters): ack p99",
                    dig(voting, "ack", "p99_ms")))
    rows.append(Row("Vote storm: ballots per second", dig(voting, "ballots_per_s"), unit="/s"))
    rows.append(Row("Vote storm: close to result in every client, p99",
                    dig(voting, "close_to_result_in_every_client", "p99_ms")))
    storm = dig(results, "reconnect", "report")
    for variant, words in (("plain", ""), ("with_event", ", one event while away")):
        rows.append(Row(f"Reconnect storm ({dig(storm, 'clients') or '–'} clients{words}): all caught up",
                        dig(storm, variant, "all_caught_up_s"), unit="s", limit=5.0))
    downloads = dig(results, "downloads", "report")
    label = f"{dig(downloads, 'clients') or '–'} clients"
    for key, words in (("round_span_p50_ms", "all downloads done, p50"),
                       ("first_byte_p99_ms", "first byte p99")):
        rows.append(Row(f"Document distribution ({label}): {words}", dig(downloads, "product", key),
                        dig(downloads, "baseline_bare_aiohttp", key), "bare aiohttp FileResponse"))
    flood = dig(results, "flood", "report")
    rows.append(Row(f"Flood ({dig(flood, 'rate') or '–'} searches/s from one socket): another user's "
                    "meeting.list p95", dig(flood, "limited", "during_flood", "p95_ms"),
                    dig(flood, "unlimited", "during_flood", "p95_ms"), "command budgets off", limit=50.0))
    reader = dig(results, "reader", "report", "pages")
    targets = dig(results, "reader", "report", "targets") or {}
    for kind, zoom in (("vector", "1x"), ("vector", "2x"), ("scanned", "2x")):
        rows.append(Row(f"Reader page render, {kind} {zoom}, cold p50",
                        dig(reader, kind, zoom, "engine_cold", "p50_ms"),
                        dig(reader, kind, zoom, "bare_cold", "p50_ms"), "bare PyMuPDF"))
    for key, value in targets.items():
        label, page = READER_TARGETS.get(key, (f"Reader `{key}`", None))
        bare = dig(reader, *page, "bare_cold", "p95_ms") if page else None
        rows.append(Row(label, value.get("measured_ms"), bare, "bare PyMuPDF" if bare else "",
                        limit=value.get("target_ms")))
    return rows


READER_TARGETS: dict[str, tuple[str, tuple[str, str] | None]] = {
    "cached_p95": ("Reader page from the cache, p95", None),
    "cold_vector_p95": ("Reader page render, vector 2x, cold p95", ("vector", "2x")),
    "cold_scanned_2x_p95": ("Reader page render, scanned 2x, cold p95", ("scanned", "2x")),
}
"""The reader's targets (``bench.reader``): the row's words and the page whose bare
PyMuPDF p95 stands beside it (a target in milliseconds depends on the CPU)."""


def rows(results: dict[str, Any]) -> list[Row]:
    """Every row of the table."""
    return [*fanout_rows(dig(results, "benchmarks", "scale", "report")), *other_rows(results["benchmarks"])]


def machine_line(machine: dict[str, Any]) -> str:
    """The machine in one sentence."""
    packages = ", ".join(f"{name} {version}" for name, version in machine.get("packages", {}).items())
    return (f"{machine.get('cpu_count')} × {machine.get('cpu_model')}, {machine.get('ram_gib')} GiB RAM, "
            f"Linux {machine.get('kernel')}, Python {machine.get('python')}; {packages}. "
            f"1-minute load average at the start: {machine.get('load_average_1m_at_start')}.")


def markdown(results: dict[str, Any]) -> str:
    """The generated section, markers included."""
    lines = [START, "## Benchmark suite", "",
             "Generated by `python -m bench.suite --update-docs` (do not edit by hand; method and "
             "fields: [bench/README.md](../bench/README.md)). Every baseline ran in the same run, on "
             "the same machine.", "",
             f"**Run:** {results['started_at']}, {results['duration_s'] / 60:.1f} minutes, commit "
             f"`{results.get('commit', '?')}`.  ",
             f"**Machine:** {machine_line(results['machine'])}", ""]
    failed = [name for name, bench in results["benchmarks"].items() if bench.get("exit_code") != 0]
    if failed:
        lines += [f"**Failed or skipped:** {', '.join(failed)} (their figures show –).", ""]
    lines += ["| figure | product | baseline | ratio | target | verdict |", "|---|---|---|---|---|---|"]
    for row in rows(results):
        unit = "" if row.unit in ("/s",) else f" {row.unit}"
        baseline = f"{number(row.baseline)}{unit} ({row.baseline_name})" if row.baseline is not None else "–"
        product = f"{number(row.product)}{unit}" if row.product is not None else "–"
        ratio = f"{row.ratio:.2f}" if row.ratio is not None else "–"
        lines.append(f"| {row.figure} | {product} | {baseline} | {ratio} | {row.target()} "
                     f"| {row.verdict()} |")
    return "\n".join([*lines, "", END])


def update_docs(path: Path, section: str) -> None:
    """Replace the marked section of ``path``, or insert it after the page's title."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n"
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _match: section, text, count=1)
    else:
        title, _, rest = text.partition("\n")
        text = f"{title}\n\n{section}\n{rest}"
    path.write_text(text, encoding="utf-8")
