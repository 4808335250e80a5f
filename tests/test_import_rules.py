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
        if isinstance(node, ast.Import | ast.ImportFrom):
            found += imported_by(node, package)
    return found


def imported_by(node: ast.Import | ast.ImportFrom, package: str) -> list[tuple[int, str]]:
    """The modules one import statement of a module of ``package`` names, with its line."""
    if isinstance(node, ast.Import):
        return [(node.lineno, alias.name) for alias in node.names]
    if node.level:  # relative: resolve against the importing package
        base = package.split(".")[: len(package.split(".")) - node.level + 1]
        target = ".".join([*base, node.module] if node.module else base)
    else:
        target = node.module or ""
    # "from package import module" imports the module too.
    return [(node.lineno, target), *((node.lineno, f"{target}.{alias.name}") for alias in node.names)]


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


# --- No import cycles -------------------------------------------------------------------
# A cycle means neither module can be read, tested or loaded without the other, and which
# one runs first decides what the other sees half-built. The graph holds the imports made
# when a module loads (module level, ``if TYPE_CHECKING:`` blocks and class bodies
# included; not those inside functions), and ``from package import name`` leads to the
# package's ``__init__`` and, when ``name`` is a submodule, to that submodule as well.

KNOWN_CYCLES: tuple[frozenset[str], ...] = ()
"""Cycles tolerated for a while, each the whole strongly connected set of modules (one that
grows fails as well); none now."""


def load_time_imports(source: str, package: str, filename: str = "<source>") -> list[tuple[int, str]]:
    """The modules a module of ``package`` imports when it loads: what ``imports_in``
    finds, less the imports inside functions."""
    found: list[tuple[int, str]] = []
    pending: list[ast.AST] = list(ast.parse(source, filename).body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue  # its body runs when it is called; a class body runs at load time
        if isinstance(node, ast.Import | ast.ImportFrom):
            found += imported_by(node, package)
        else:
            pending.extend(ast.iter_child_nodes(node))
    return found


def import_graph(modules: dict[str, str], packages: set[str]) -> dict[str, set[str]]:
    """Module -> the modules of ``modules`` (name -> source) it imports when it loads;
    ``packages`` are the names of those that are packages (``__init__.py``)."""
    graph: dict[str, set[str]] = {}
    for name, source in modules.items():
        package = name if name in packages else name.rpartition(".")[0]
        graph[name] = {target for _line, target in load_time_imports(source, package, name)
                       if target in modules and target != name}
    return graph


def cycles_in(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected sets of more than one module (Tarjan's algorithm, without
    recursion): every module of one reaches every other through imports."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, targets = work[-1]
            target = next(targets, None)
            if target is not None:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph[target]))))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                members = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.add(member)
                    if member == node:
                        break
                if len(members) > 1:
                    found.append(frozenset(members))
    return found


def project_graph() -> dict[str, set[str]]:
    paths = all_modules()
    modules = {module_name(p): p.read_text(encoding="utf-8") for p in paths}
    packages = {module_name(p) for p in paths if p.name == "__init__.py"}
    return import_graph(modules, packages)


def describe(cycle: frozenset[str], graph: dict[str, set[str]]) -> str:
    """The cycle's modules, then each import that keeps it closed."""
    links = [f"    {source} imports {target}" for source in sorted(cycle)
             for target in sorted(graph[source] & cycle)]
    return "\n".join([", ".join(sorted(cycle)), *links])


def test_no_import_cycles() -> None:
    graph = project_graph()
    new = [cycle for cycle in cycles_in(graph) if cycle not in KNOWN_CYCLES]
    assert not new, "import cycles (move what both sides need into a module of its own):\n" + "\n".join(
        describe(cycle, graph) for cycle in new)


def test_the_known_cycles_are_still_there() -> None:
    """An entry whose cycle is gone leaves the list: it must not excuse a new one later."""
    cycles = cycles_in(project_graph())
    gone = [", ".join(sorted(cycle)) for cycle in KNOWN_CYCLES if cycle not in cycles]
    assert not gone, "no longer cycles, take them out of KNOWN_CYCLES:\n" + "\n".join(gone)


def test_the_cycle_finder_reads_what_runs_at_load_time() -> None:
    """The checker itself: a package's ``__init__`` re-exporting from a submodule that
    imports the package back is a cycle, as is one through ``if TYPE_CHECKING:``; an import
    inside a function is not, nor is a submodule imported by its full name."""
    modules = {
        "pkg": "from pkg.a import A\n",
        "pkg.a": "from pkg import b\nA = 1\n",
        "pkg.b": "B = 2\n",
        "pkg.c": "import pkg.b as b\nfrom pkg.d import D\n",
        "pkg.d": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.c import b\nD = 4\n",
        "pkg.e": "def later():\n    from pkg.f import F\nE = 5\n",
        "pkg.f": "from pkg.e import E\nF = 6\n",
    }
    graph = import_graph(modules, {"pkg"})
    assert graph["pkg.a"] == {"pkg", "pkg.b"}
    assert graph["pkg.c"] == {"pkg.b", "pkg.d"}
    assert sorted(map(sorted, cycles_in(graph))) == [["pkg", "pkg.a"], ["pkg.c", "pkg.d"]]


# --- Small modules ----------------------------------------------------------------------
MAX_LINES = 450
OVERSIZED: frozenset[str] = frozenset()
"""Files allowed over the limit for a while (each named with the reason); none now."""


def line_counts() -> dict[str, int]:
    return {p.relative_to(ROOT).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
            for p in all_modules()}


def test_no_module_is_over_the_line_limit() -> None:
    over = [f"{path}: {count} lines" for path, count in line_counts().items()
            if count > MAX_LINES and path not in OVERSIZED]
    assert not over, f"modules over {MAX_LINES} lines (split them by what they do):\n" + "\n".join(over)


def test_the_oversized_allowlist_is_current() -> None:
    counts = line_counts()
    stale = sorted(path for path in OVERSIZED if counts.get(path, 0) <= MAX_LINES)
    assert not stale, f"within {MAX_LINES} lines (or gone) now, take them out of OVERSIZED: {stale}"
