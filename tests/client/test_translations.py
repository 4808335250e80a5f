"""The Vietnamese catalogue is complete and current, and its compiled form matches it.

Runs the real Qt tools: ``pyside6-lupdate`` over the client's sources into a copy of the
committed ``.ts`` (a message added, changed or removed in the code shows as a difference),
and ``pyside6-lrelease`` into a fresh ``.qm`` compared byte for byte with the committed one.
Fix a failure with ``scripts/translations`` (and translate what it added).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from meeting_app.ui.retranslate import read_ts

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
TS, QM = I18N / "meeting_app_vi.ts", I18N / "meeting_app_vi.qm"
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%[snp]|%p%")


def tool(name: str) -> str:
    found = BIN / name
    if not found.exists():
        found_on_path = shutil.which(name)
        if found_on_path is None:
            pytest.fail(f"{name} is missing: it comes with PySide6")
        return found_on_path
    return str(found)


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "meeting_app").rglob("*.py"))


def test_the_catalogue_holds_exactly_the_messages_of_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "meeting_app_vi.ts"
    shutil.copy(TS, fresh)
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
                    "-source-language", "en", "-target-language", "vi", "-ts", str(fresh)],
                   cwd=ROOT, check=True, capture_output=True, timeout=120)
    committed = {(c, s) for c, s, _t in read_ts(TS)}
    current = {(c, s) for c, s, _t in read_ts(fresh)}
    assert not current - committed, f"messages not in the catalogue yet: {sorted(current - committed)[:10]}"
    assert not committed - current, f"messages no longer in the code: {sorted(committed - current)[:10]}"


def test_every_message_has_a_finished_vietnamese_translation() -> None:
    messages = read_ts(TS)
    assert len(messages) > 800
    untranslated = [(c, s) for c, s, t in messages if not t.strip()]
    assert not untranslated, f"{len(untranslated)} untranslated, e.g. {untranslated[:5]}"


def test_translations_keep_every_placeholder() -> None:
    """A lost ``{n}`` would show a wrong number; an extra one would raise at ``format``."""
    wrong = [(s, t) for _c, s, t in read_ts(TS)
             if sorted(set(PLACEHOLDER.findall(s))) != sorted(set(PLACEHOLDER.findall(t)))]
    assert not wrong, wrong[:5]


def test_the_committed_qm_is_compiled_from_the_committed_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "meeting_app_vi.qm"
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(fresh)],
                   check=True, capture_output=True, timeout=60)
    assert fresh.read_bytes() == QM.read_bytes(), "run scripts/translations --compile"
