"""The pipeline's first stage: a command's name and arguments, decoded and validated.

The payload is scanned (``payload_scan``), measured and validated against its declaration
(``protocol.commands``) before anything else sees it: a malformed command is refused as
``invalid`` before any rule or transaction.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from protocol.commands import MAX_PAYLOAD_BYTES, Payload
from protocol.errors import invalid
from server.transport.payload_scan import scan_payload
from server.transport.registry import COMMANDS, CommandSpec


def decode(name: str, args: tuple[Any, ...]) -> tuple[CommandSpec, Payload]:
    """The command's registry entry and its validated payload; ``invalid`` otherwise."""
    spec = COMMANDS.get(name)
    if spec is None:
        raise invalid(f"Unknown command {name!r}")
    if len(args) != 1 or not isinstance(args[0], dict):
        raise invalid("A command's payload is one JSON object")
    raw = args[0]
    scan_payload(raw)  # first: what follows measures, validates and stores its text
    if len(json.dumps(raw, ensure_ascii=False).encode()) > MAX_PAYLOAD_BYTES:
        raise invalid(f"The payload is larger than {MAX_PAYLOAD_BYTES // 1024} KB")
    try:
        return spec, spec.model.model_validate(raw)
    except ValidationError as error:
        raise invalid(describe_validation_error(error)) from None


def describe_validation_error(error: ValidationError) -> str:
    """A short, readable account of what is wrong with a payload."""
    parts = []
    for problem in error.errors()[:5]:
        where = ".".join(str(p) for p in problem["loc"]) or "payload"
        parts.append(f"{where}: {problem['msg']}")
    return "Invalid payload: " + "; ".join(parts)
