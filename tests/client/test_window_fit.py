"""Every window and dialog of the client fits a 1280x800 screen at the size it opens with,
in Vietnamese (the longer words) and English, in touch mode and not: nothing is cut off by
its parent or the screen, no text is narrower than it needs, no tab is elided or behind
scroll arrows, no tool bar entry is only in the overflow menu.

The windows open in a process of their own (tests/client/window_probe.py), because Qt's
offscreen screen gets its size when the application starts.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import meeting_app.ui
from tests.client.window_probe import names
from tests.support.server_process import ServerProcess

ROOT = Path(__file__).resolve().parents[2]
WINDOW_BASES = {"QDialog", "QMainWindow", "_CommandDialog"}


def window_classes() -> set[str]:
    """The client's windows, found in the source of ``meeting_app/ui``: subclasses of
    QDialog and QMainWindow, and widgets made windows (``Qt.WindowType.Window``, or
    named so)."""
    found = set()
    for path in Path(meeting_app.ui.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef) or node.name.startswith("_"):
                continue
            bases = {getattr(base, "id", getattr(base, "attr", "")) for base in node.bases}
            made_window = "QWidget" in bases and (node.name.endswith("Window")
                                                  or "WindowType.Window" in ast.unparse(node))
            if bases & WINDOW_BASES or made_window:
                found.add(node.name)
    return found


def test_the_probe_opens_every_window_of_the_client() -> None:
    missing = window_classes() - set(names())
    assert not missing, f"add these windows to tests/client/window_probe.py: {missing}"


@pytest.mark.e2e
@pytest.mark.parametrize("language, mode", [("vi", "touch"), ("vi", "mouse"), ("en", "mouse"),
                                            ("en", "touch")])
def test_every_window_fits_1280x800_with_nothing_cut_off(
        demo_server: ServerProcess, tmp_path: Path, language: str, mode: str) -> None:
    report = tmp_path / "report.json"
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-m", "tests.client.window_probe", demo_server.url, language, mode,
         "1280x800", str(report)],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    measured = json.loads(report.read_text(encoding="utf-8"))
    opened = {name.split(":")[0] for name in measured}
    assert opened == set(names())  # every window was opened and measured
    problems = {name: found for name, found in measured.items() if found}
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)
