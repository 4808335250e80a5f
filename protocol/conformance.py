"""Does what the server sends match its declared models? (answers, events, the snapshot)

Each function returns the problems it finds, as short readable lines (none: it conforms).
Tests run every answer and event the server sends through these (tests/support/contract_check.py),
so the models in ``protocol.answers``, ``protocol.events`` and ``protocol.snapshot`` are
checked against the real server by the whole suite.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ValidationError

from protocol.answers.base import IsoTime, WireModel
from protocol.commands import COMMANDS
from protocol.events import EVENT_NAME, SESSION_ENDED_NAME, USER_EVENT_NAME, SessionEnded, data_model


class _Envelope(WireModel):
    """``meeting.event``'s envelope (``protocol.events.EventEnvelope``)."""

    meeting_id: int
    seq: int
    type: str
    data: dict[str, Any]
    at: IsoTime


class _UserEnvelope(WireModel):
    """``user.event``'s envelope (``protocol.events.UserEventEnvelope``)."""

    meeting_id: int
    type: str
    data: dict[str, Any]
    at: IsoTime


def _wire(value: Any) -> Any:
    """The value as the receiver decodes it (JSON), so that what is checked is the wire form."""
    return json.loads(json.dumps(value, default=str))


def _validate(model: type[BaseModel], value: Any, what: str) -> list[str]:
    try:
        model.model_validate(value)
    except ValidationError as error:
        details = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or '<root>'}: {e['msg']}"
                            for e in error.errors()[:5])
        return [f"{what} does not match {model.__name__}: {details}"]
    return []


def event_problems(name: str, data: Any, *, user: bool = False) -> list[str]:
    """The data of the event ``name`` against its model (or the withheld form)."""
    kind = "user event" if user else "event"
    if not isinstance(data, dict):
        return [f"{kind} {name}: data is not an object"]
    try:
        model = data_model(name, data, user=user)
    except KeyError:
        return [f"{kind} {name}: no such {kind} is declared"]
    return _validate(model, data, f"{kind} {name}")


def answer_problems(command: str, envelope: Any) -> list[str]:
    """An ``ok`` envelope's data against the command's answer model (a refusal is not checked
    here); for ``meeting.join``, the replayed events against their own models too."""
    envelope = _wire(envelope)
    if not isinstance(envelope, dict) or envelope.get("ok") is not True:
        return []
    spec = COMMANDS.get(command)
    if spec is None:
        return [f"answer to an unknown command {command!r}"]
    data = envelope.get("data")
    problems = _validate(spec.answer, data, f"answer of {command}")
    for event in (data or {}).get("events") or [] if command == "meeting.join" else []:
        if isinstance(event, dict):
            problems += event_problems(str(event.get("type")), event.get("data"))
    return problems


def emitted_problems(socket_event: str, payload: Any) -> list[str]:
    """A Socket.IO event the server emits: its envelope and its data."""
    payload = _wire(payload)
    if socket_event == EVENT_NAME:
        problems = _validate(_Envelope, payload, "meeting.event envelope")
        return problems or event_problems(payload["type"], payload["data"])
    if socket_event == USER_EVENT_NAME:
        problems = _validate(_UserEnvelope, payload, "user.event envelope")
        return problems or event_problems(payload["type"], payload["data"], user=True)
    if socket_event == SESSION_ENDED_NAME:
        return _validate(SessionEnded, payload, SESSION_ENDED_NAME)
    return [f"the server emitted an undeclared Socket.IO event {socket_event!r}"]
