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
]
# PyMuPDF is not thread-safe: in the client, one package owns it.
PYMUPDF = ("fitz", "pymupdf")
PYMUPDF_OWNER = "meeting_app.pdf"


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


def test_only_the_pdf_package_imports_pymupdf_in_the_client() -> None:
    broken = [
        f"{path.relative_to(ROOT)}:{line} imports {target}"
        for path in all_modules()
        if within(module_name(path), "meeting_app") and not within(module_name(path), PYMUPDF_OWNER)
        for line, target in imports_of(path)
        if any(within(target, bad) for bad in PYMUPDF)
    ]
    assert not broken, "PyMuPDF has one owner (meeting_app.pdf):\n" + "\n".join(broken)


def test_the_reader_sees_relative_and_nested_imports() -> None:
    """The checker itself: relative imports resolve, imports inside functions count."""
    source = "from ..state import store\nfrom . import auth\n\ndef later():\n    import server.app\n"
    targets = {target for _line, target in imports_in(source, "meeting_app.net")}
    assert {"meeting_app.state", "meeting_app.state.store", "meeting_app.net.auth", "server.app"} <= targets
