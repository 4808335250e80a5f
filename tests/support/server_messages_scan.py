"""Every English message the server may send in an error, read from its source (AST).

A message is the text passed to ``forbidden``/``not_found``/``invalid``/``conflict``/
``closed``/``ProtocolError``/``error_envelope``/``error_response``/``FileRefused``/
``unsupported``/``unprocessable``/``ConnectionRefusedError``, plus the few functions and
tables that make messages for those calls (``refusal_of``, ``describe_validation_error``,
the locators' ``missing``,
the PDF checker's answers). Each is turned into a template whose f-string fields are
``%1``, ``%2``… and a sample text with every field filled in.
"""

from __future__ import annotations

import ast
import itertools
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("server", "protocol")

MESSAGE_ARGUMENT = {"forbidden": 0, "not_found": 0, "invalid": 0, "conflict": 0, "closed": 0,
                    "unsupported": 0, "unprocessable": 0, "rate_limited": 0, "quota_exceeded": 0,
                    "ProtocolError": 1, "error_envelope": 1,
                    "error_response": 1, "FileRefused": 2, "refused": 0}
"""Function called by name -> the position of its message argument."""
MESSAGE_FUNCTIONS = frozenset({"refusal_of", "describe_validation_error"})
"""Functions whose returned text becomes a message."""
SAMPLE = "7"


@dataclass(frozen=True)
class Message:
    """One message form found in the source."""

    where: str
    template: str
    """The text with each field written ``%1``, ``%2``…"""
    sample: str
    """The text as the server would send it, every field filled with a sample value."""


def _forms(node: ast.expr, constants: dict[str, str]) -> list[tuple[str, str]] | None:
    """(template, sample) pairs ``node`` may produce, or None when it is no message text."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [(node.value, node.value)]
    if isinstance(node, ast.Name) and node.id in constants:
        return [(constants[node.id], constants[node.id])]
    if isinstance(node, ast.IfExp):
        body, orelse = _forms(node.body, constants), _forms(node.orelse, constants)
        return (body or []) + (orelse or []) or None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _forms(node.left, constants), _forms(node.right, constants)
        if left is None and right is None:
            return None
        left, right = left or [("%", SAMPLE)], right or [("%", SAMPLE)]
        return [(lt + rt, ls + rs) for (lt, ls), (rt, rs) in itertools.product(left, right)]
    if isinstance(node, ast.JoinedStr):
        template, sample = "", ""
        for part in node.values:
            if isinstance(part, ast.Constant):
                template += str(part.value)
                sample += str(part.value)
            else:
                template += "%"  # numbered below
                sample += SAMPLE
        return [(template, sample)]
    return None


def _numbered(template: str) -> str:
    """``%`` field marks (a lone ``%`` from _forms) numbered ``%1``, ``%2``…"""
    out, number, i = "", 0, 0
    while i < len(template):
        char = template[i]
        # A field mark is a "%" that _forms wrote; a literal "%" of a message is always
        # followed by a letter (e.g. "%PDF-"), which the marks never are.
        if char == "%" and not (i + 1 < len(template) and template[i + 1].isalpha()):
            number += 1
            out += f"%{number}"
        else:
            out += char
        i += 1
    return out


def _constants(tree: ast.Module) -> dict[str, str]:
    return {node.targets[0].id: node.value.value for node in tree.body
            if isinstance(node, ast.Assign) and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name) and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)}


def _message_nodes(tree: ast.Module) -> list[ast.expr]:
    nodes: list[ast.expr] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "ConnectionRefusedError" and node.args:  # a refused socket
            nodes.append(node.args[0])
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            position = MESSAGE_ARGUMENT.get(node.func.id)
            if position is not None:
                if len(node.args) > position:
                    nodes.append(node.args[position])
                nodes += [k.value for k in node.keywords if k.arg == "message"]
            if node.func.id == "Locator" and len(node.args) > 1 and isinstance(node.args[1], ast.Lambda):
                nodes.append(node.args[1].body)
        elif isinstance(node, ast.FunctionDef):
            if node.name in MESSAGE_FUNCTIONS:
                nodes += [r.value for r in ast.walk(node) if isinstance(r, ast.Return) and r.value]
            elif node.name == "forbidden":  # its default message
                nodes += [d for d in node.args.defaults if isinstance(d, ast.Constant)]
        elif isinstance(node, ast.Dict):  # the PDF checker's {"ok": False, "error": "..."}
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and key.value == "error" and value is not None:
                    nodes.append(value)
    return nodes


def server_messages() -> list[Message]:
    """Every message form of the server's source, with where it is written."""
    found: list[Message] = []
    for root in SCANNED:
        for path in sorted((ROOT / root).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            constants = _constants(tree)
            for node in _message_nodes(tree):
                for template, sample in _forms(node, constants) or []:
                    where = f"{path.relative_to(ROOT)}:{node.lineno}"
                    found.append(Message(where, _numbered(template), sample))
    return found


if __name__ == "__main__":  # list them (for writing the client's catalogue)
    for text in sorted({m.template for m in server_messages()}):
        print(text)
