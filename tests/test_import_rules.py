"""Imports point one way. Read every import of every module (with ``ast``, without importing
anything) and refuse the ones that cross a line the architecture draws:

    protocol  <-  server (transport -> domain -> persistence)
    protocol  <-  meeting_app (ui -> state -> net; pdf owns PyMuPDF)
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("protocol", "server", "meeting_app")

# (modules the rule is about, imports they must not make, why)
RULES: list[tuple[str, tuple[str, ...], str]] = [
    ("protocol", ("server", "meeting_app", "PySide6", "sqlalchemy"), "protocol is shared by both sides"),
    ("server", ("PySide6", "meeting_app"), "the server has no GUI"),
    ("meeting_app", ("server", "sqlalchemy"), "the client speaks the protocol, never the database"),
    ("meeting_app.net", ("meeting_app.state", "meeting_app.ui", "PySide6.QtWidgets"), "ui -> state -> net"),
    ("meeting_app.state", ("meeting_app.ui", "PySide6.QtWidgets"), "ui -> state -> net"),
    ("meeting_app.pdf", ("meeting_app.ui", "meeting_app.state", "meeting_app.net"), "pdf serves the ui"),
    ("server.persistence", ("server.domain", "server.transport"), "transport -> domain -> persistence"),
    ("server.domain", ("server.transport",), "transport -> domain -> persistence"),
    ("server.domain", ("server.documents",), "the domain gets checked files, it does not check them"),
    ("server.documents", ("server.domain", "server.transport"), "file intake knows nothing of meetings"),
    ("server.domain", ("server.minutes",), "the domain gets rendered minutes, it does not render them"),
    ("server.minutes", ("server.transport",), "the minutes generator knows no transport"),
]
# PyMuPDF is not thread-safe and parses hostile files: one owner per side. In the client a
# package (its worker process); in the server one module, loaded in the limited inspecting
# process (and by seed-demo, to write the demo's documents).
PYMUPDF = ("fitz", "pymupdf")
PYMUPDF_OWNERS = {"meeting_app": "meeting_app.pdf", "server": "server.documents.pdf"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> list[tuple[int, str]]:
    """Every module ``path`` imports, absolute, with its line (also inside functions)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    return imports_in(path.read_text(encoding="utf-8"), package, str(path))


def imports_in(source: str, package: str, filename: str = "<source>") -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the importing package
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.append((node.lineno, target))
            # "from package import module" imports the module too.
            found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
    return found


def within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def all_modules() -> list[Path]:
    return sorted(p for package in PACKAGES for p in (ROOT / package).rglob("*.py"))


def test_there_is_code_to_check() -> None:
    names = {module_name(p) for p in all_modules()}
    assert {"protocol.reducer", "server.transport.pipeline", "meeting_app.state.store"} <= names


@pytest.mark.parametrize(("owner", "forbidden", "why"), RULES, ids=[rule[0] for rule in RULES])
def test_imports_point_one_way(owner: str, forbidden: tuple[str, ...], why: str) -> None:
    broken = [
        f"{path.relative_to(ROOT)}:{line} imports {target}"
        for path in all_modules() if within(module_name(path), owner)
        for line, target in imports_of(path)
        if any(within(target, bad) for bad in forbidden)
    ]
    assert not broken, f"{why}:\n" + "\n".join(broken)


@pytest.mark.parametrize(("side", "owner"), PYMUPDF_OWNERS.items())
def test_only_one_owner_imports_pymupdf_on_each_side(side: str, owner: str) -> None:
    broken = [
        f"{path.relative_to(ROOT)}:{line} imports {target}"
        for path in all_modules()
        if within(module_name(path), side) and not within(module_name(path), owner)
        for line, target in imports_of(path)
        if any(within(target, bad) for bad in PYMUPDF)
    ]
    assert not broken, f"PyMuPDF has one owner ({owner}):\n" + "\n".join(broken)


def test_the_server_pdf_owner_exists_and_uses_pymupdf() -> None:
    owner = ROOT / "server" / "documents" / "pdf.py"
    assert any(within(target, "pymupdf") for _line, target in imports_of(owner))


def test_the_reader_sees_relative_and_nested_imports() -> None:
    """The checker itself: relative imports resolve, imports inside functions count."""
    source = "from ..state import store\nfrom . import auth\n\ndef later():\n    import server.app\n"
    targets = {target for _line, target in imports_in(source, "meeting_app.net")}
    assert {"meeting_app.state", "meeting_app.state.store", "meeting_app.net.auth", "server.app"} <= targets
