"""No role, status or command name written as a string in ``meeting_app/ui`` and
``meeting_app/state``.

Read every module with ``ast`` (nothing is imported) and refuse a string constant equal to a
value of the role and status enums (``protocol.roles``, ``protocol.statuses``, the connection's
``ConnectionStatus``) where it is used as a value: compared (``==``, ``!=``, ``in``, a ``case``),
given to a function (or as a parameter's default), or stored as a dict's value. Such a string
is a typo waiting to happen (``"cancelled"`` vs ``"canceled"``) and hides every use of the value
from a search for the enum.

Not values, so not refused: docstrings, texts for the user (``tr``/``translate``), logging,
dict keys and subscripts (``data["status"]``), the key given to ``get``/``pop``/``setdefault``,
Qt property names and icon names (other vocabularies that happen to share a word).

Command names (``protocol.commands.COMMANDS``) are refused wherever they are written, not only
as values: a command is sent as its payload instance (``c.PollOpen(poll_id=...)``) and its
name, when needed, read from the class (``c.MeetingJoin.command``). Not refused: docstrings,
texts for the user, icon names, and the keys of a table of translated texts (the audit
log's action codes, a vocabulary of the server's that reuses some command names).
"""

from __future__ import annotations

import ast
from enum import StrEnum
from pathlib import Path

import pytest

from meeting_app.net.status import ConnectionStatus
from protocol.commands import COMMANDS
from protocol.roles import Attendance, GlobalRole, MeetingRole, MeetingStatus
from protocol.statuses import (
    ActionStatus,
    LinkQuality,
    MinutesStatus,
    PollKind,
    PollStatus,
    SpeakerKind,
    SpeakerRequestStatus,
)

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("meeting_app/ui", "meeting_app/state")
ENUMS: tuple[type[StrEnum], ...] = (
    MeetingRole, GlobalRole, MeetingStatus, Attendance, MinutesStatus, PollStatus, PollKind,
    SpeakerKind, SpeakerRequestStatus, ActionStatus, LinkQuality, ConnectionStatus)


def vocabulary() -> dict[str, list[str]]:
    """Every enum value, with the enum members that spell it (``"open"``: two of them)."""
    words: dict[str, list[str]] = {}
    for enum in ENUMS:
        for member in enum:
            words.setdefault(member.value, []).append(f"{enum.__name__}.{member.name}")
    return words


# Calls whose string arguments are texts for people, not values.
TEXT_CALLS = frozenset({"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"})
LOGGING_OBJECTS = frozenset({"log", "logger", "logging", "_log", "_logger", "LOG", "LOGGER"})
# Calls whose first argument is a key or a name from another vocabulary.
KEY_CALLS = frozenset({"get", "pop", "setdefault", "property", "setProperty", "icon"})
# Keywords naming another vocabulary (``tool_button(text, icon_name)``).
NAME_KEYWORDS = frozenset({"icon_name"})
NAME_ARGUMENTS = {"tool_button": 1, "icon": 0, "_action": 0}  # _action: the reader's tool bar
# Names that hold another vocabulary sharing a word: a majority rule ("present",
# ``protocol.commands.polls.Majority``, a Literal with no enum to compare with).
OTHER_VOCABULARY_NAMES = frozenset({"rule", "majority"})


def _call_name(call: ast.Call) -> tuple[str, str]:
    """(object, attribute) of ``obj.attr(...)``; ("", name) of ``name(...)``."""
    func = call.func
    if isinstance(func, ast.Attribute):
        owner = func.value
        if isinstance(owner, ast.Name):
            return owner.id, func.attr
        return (owner.attr if isinstance(owner, ast.Attribute) else ""), func.attr
    return "", func.id if isinstance(func, ast.Name) else ""


def _argument_is_a_value(call: ast.Call, node: ast.expr) -> bool:
    owner, name = _call_name(call)
    if name in TEXT_CALLS or owner in LOGGING_OBJECTS:
        return False
    if node in call.args:
        position = call.args.index(node)
        if name in KEY_CALLS and position == 0:
            return False
        return NAME_ARGUMENTS.get(name) != position
    return not any(k.value is node and k.arg in NAME_KEYWORDS for k in call.keywords)


def _use(node: ast.expr, parents: dict[ast.AST, ast.AST]) -> str | None:
    """How the constant ``node`` is used, if as a value; None for the uses not refused."""
    parent = parents.get(node)
    # A choice between constants (``a if x else b``, ``x or b``) is used as the choice is.
    while isinstance(parent, ast.IfExp | ast.BoolOp) and node is not getattr(parent, "test", None):
        node, parent = parent, parents.get(parent)
    if isinstance(parent, ast.Tuple | ast.List | ast.Set) and isinstance(parents.get(parent), ast.Compare):
        return "an in test"
    if isinstance(parent, ast.Compare):
        names = {n.id for n in [parent.left, *parent.comparators] if isinstance(n, ast.Name)}
        return None if names & OTHER_VOCABULARY_NAMES else "a comparison"
    if isinstance(parent, ast.MatchValue):
        return "a case"
    if isinstance(parent, ast.arguments):
        return "a default argument"
    if isinstance(parent, ast.Dict) and any(v is node for v in parent.values):
        return "a dict value"
    if isinstance(parent, ast.keyword):
        call = parents.get(parent)
        if isinstance(call, ast.Call) and _argument_is_a_value(call, node):
            return "a function argument"
    if isinstance(parent, ast.Call) and node is not parent.func and _argument_is_a_value(parent, node):
        return "a function argument"
    return None


def literals_in(source: str, filename: str = "<source>") -> list[tuple[int, str, str]]:
    """(line, string, use) of every role or status written as a string and used as a value."""
    words = vocabulary()
    tree = ast.parse(source, filename)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in words:
            use = _use(node, parents)
            if use is not None:
                found.append((node.lineno, node.value, use))
    return sorted(found)


def _command_name_allowed(node: ast.Constant, parents: dict[ast.AST, ast.AST]) -> bool:
    """Whether a string equal to a command name is one of the uses let be (see the module
    docstring): climbs the expression it is part of, up to its statement."""
    child: ast.AST = node
    parent = parents.get(node)
    if isinstance(parent, ast.Expr):
        return True  # a docstring (or a bare string)
    while parent is not None and not isinstance(child, ast.stmt):
        if isinstance(parent, ast.Call):
            name = _call_name(parent)[1]
            if name in TEXT_CALLS:
                return True
            if child in parent.args and NAME_ARGUMENTS.get(name) == parent.args.index(child):
                return True
            if any(k.value is child and k.arg in NAME_KEYWORDS for k in parent.keywords):
                return True
        if isinstance(parent, ast.Dict) and child in parent.keys:
            value = parent.values[parent.keys.index(child)]  # type: ignore[arg-type]
            if isinstance(value, ast.Call) and _call_name(value)[1] in TEXT_CALLS:
                return True
        child, parent = parent, parents.get(parent)
    return False


def command_names_in(source: str, filename: str = "<source>") -> list[tuple[int, str]]:
    """(line, name) of every command name written as a string (outside the uses let be)."""
    tree = ast.parse(source, filename)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    return sorted((node.lineno, node.value) for node in ast.walk(tree)
                  if isinstance(node, ast.Constant) and isinstance(node.value, str)
                  and node.value in COMMANDS and not _command_name_allowed(node, parents))


def scanned_modules() -> list[Path]:
    return sorted(p for folder in SCANNED for p in (ROOT / folder).rglob("*.py"))


def test_there_is_code_to_scan() -> None:
    assert len(scanned_modules()) > 50


@pytest.mark.parametrize("path", scanned_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_role_or_status_as_a_string(path: Path) -> None:
    words = vocabulary()
    found = literals_in(path.read_text(encoding="utf-8"), str(path))
    assert not found, "\n".join(
        f"{path.relative_to(ROOT)}:{line}: {value!r} used as {use}; write {' or '.join(words[value])}"
        for line, value, use in found)


@pytest.mark.parametrize("source", [
    'ok = poll["status"] == "open"',
    'ok = role in ("chair", "secretary")',
    'ok = "live" != meeting.get("status")',
    'colours = {"present": "success", "other": "absent"}',
    'send("poll.open", {"status": "closed"})',
    'badge.set_tone("connected" if up else "offline")',
    'link = item.get("link") or "offline"\nshow(item.get("link") or "lost")',
    'kind = data.get("kind", "speak")',
    'def paint(tone: str = "scheduled") -> None: ...',
    'match status:\n    case "draft":\n        pass',
])
def test_the_scan_finds_literals(source: str) -> None:
    assert literals_in(source)


@pytest.mark.parametrize("source", [
    '"""The meeting is open; the chair speaks."""',
    'label = self.tr("present")',
    'label = translate("votes", "closed")',
    'logger.info("offline")',
    'status = data["status"]; poll = store["question"]',
    'labels = {"draft": 1}',
    'value = data.get("meeting")',
    'self.setProperty("pending", True)',
    'button = tool_button(self.tr("Open"), "open")',
    'picture = icon("open")',
    'ok = role == MeetingRole.CHAIR',
    'by_present = rule == "present"',
])
def test_the_scan_lets_other_strings_be(source: str) -> None:
    assert not literals_in(source)


@pytest.mark.parametrize("path", scanned_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_command_name_as_a_string(path: Path) -> None:
    found = command_names_in(path.read_text(encoding="utf-8"), str(path))
    assert not found, "\n".join(
        f"{path.relative_to(ROOT)}:{line}: {name!r}; send {COMMANDS[name].__name__}(...) "
        f"(protocol.commands), or read {COMMANDS[name].__name__}.command"
        for line, name in found)


@pytest.mark.parametrize("source", [
    'send("poll.open", {"poll_id": 1})',
    'name = "poll.update" if editing else "poll.create"',
    'if name == "meeting.join":\n    pass',
    'START = "meeting.start"',
    'answers = {"search": 1}',
    'connection.command("site.status", payload, answered)',
    'outbox.put(key, "annotation.save", payload)',
])
def test_the_scan_finds_command_names(source: str) -> None:
    assert command_names_in(source)


@pytest.mark.parametrize("source", [
    '"""Sends ``poll.open``."""',
    'def f() -> None:\n    """poll.open"""',
    'label = self.tr("search")',
    'picture = icon("search")',
    'picture = icon(ICONS.get(kind, "search"))',
    'button = tool_button(self.tr("Search"), "search")',
    'labels = {"user.create": QT_TRANSLATE_NOOP("AuditActions", "Created a user")}',
    'name = c.MeetingStart.command',
    'send(c.PollOpen(poll_id=1))',
])
def test_the_scan_lets_other_uses_of_command_names_be(source: str) -> None:
    assert not command_names_in(source)
