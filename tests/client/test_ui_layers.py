"""Imports point one way: ui -> state -> net -> protocol, and the client never imports
the server or SQLAlchemy (the demo launcher runs the server as a subprocess)."""

from __future__ import annotations

import ast
from pathlib import Path

CLIENT = Path(__file__).resolve().parents[2] / "meeting_app"


def imports_of(path: Path) -> set[str]:
    """Top-level package paths imported by one module (``a.b`` for ``from a.b import c``)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def modules(package: str) -> list[Path]:
    return sorted((CLIENT / package).rglob("*.py")) if package else sorted(CLIENT.rglob("*.py"))


def test_the_client_never_imports_the_server_or_sqlalchemy() -> None:
    for path in modules(""):
        bad = {n for n in imports_of(path) if n.split(".")[0] in ("server", "sqlalchemy")}
        assert not bad, f"{path.relative_to(CLIENT)} imports {bad}"


def test_state_does_not_import_ui_and_net_imports_neither() -> None:
    for package, forbidden in (("state", ("meeting_app.ui",)),
                               ("net", ("meeting_app.ui", "meeting_app.state"))):
        for path in modules(package):
            bad = {n for n in imports_of(path) if n.startswith(forbidden)}
            assert not bad, f"{path.relative_to(CLIENT)} imports {bad}"
