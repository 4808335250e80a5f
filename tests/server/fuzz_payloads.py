"""Hypothesis strategies for command payloads, derived from each payload model's JSON schema.

``payloads(name)`` mixes: payloads of the right shape (each field drawn from its schema,
ids small enough to hit real rows), the same with one thing wrong (a key missing, a key
too many, a field of the wrong type, a huge string, deep nesting, NaN, lone surrogates,
integers past any column's range), and values that are not an object at all.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from protocol.commands import COMMANDS
from protocol.errors import ErrorCode

VIETNAMESE = ("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
              "ĂÂĐÊÔƠƯẮỆỮ 0123456789-_.,:;!?")
EDGE_INTS = [0, -1, 1, 2, 2**31 - 1, 2**31, 2**53 + 1, 2**63 - 1, 2**63, 2**64, -(2**63) - 1, 10**30]
EDGE_FLOATS = [math.nan, math.inf, -math.inf, -0.0, 1e308, 5e-324, 0.5]

vietnamese_text = st.text(alphabet=VIETNAMESE, max_size=40)
any_text = st.one_of(
    vietnamese_text,
    st.text(max_size=30),  # every code point, lone surrogates included
    st.text(alphabet=st.characters(categories=["Cs"]), min_size=1, max_size=4),
    st.sampled_from(["", " ", "\x00", "\u202e", "\ufeff", "'; DROP TABLE users; --", "%s%n",
                     "../../etc/passwd"]),
)
huge_text = st.sampled_from(["x" * 70_000, "ầ" * 90_000, "x" * 300_000])
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.sampled_from(EDGE_INTS), st.floats(),
    st.sampled_from(EDGE_FLOATS), any_text,
)


def deeply_nested(depth: int, in_list: bool) -> Any:
    """``[[[...]]]`` or ``{"a": {"a": ...}}`` ``depth`` levels deep."""
    value: Any = 1
    for _ in range(depth):
        value = [value] if in_list else {"a": value}
    return value


@dataclass(frozen=True)
class Deep:
    """Stands for ``deeply_nested(depth, in_list)`` until ``materialize``: hypothesis prints
    the arguments of examples, and the printing of 50,000 levels would exhaust its stack."""

    depth: int
    in_list: bool


def materialize(value: Any) -> Any:
    """``value`` with every Deep made real."""
    if isinstance(value, Deep):
        return deeply_nested(value.depth, value.in_list)
    if isinstance(value, dict):
        return {key: materialize(item) for key, item in value.items()}
    if isinstance(value, list):
        return [materialize(item) for item in value]
    return value


deep = st.builds(Deep, st.sampled_from([50, 500, 5_000, 50_000]), st.booleans())
junk = st.one_of(
    scalars,
    st.recursive(scalars, lambda kids: st.lists(kids, max_size=4) | st.dictionaries(
        any_text, kids, max_size=4), max_leaves=8),
    deep,
    huge_text,
)


def _integer(schema: dict[str, Any]) -> st.SearchStrategy[int]:
    low = schema.get("minimum", schema["exclusiveMinimum"] + 1 if "exclusiveMinimum" in schema else None)
    high = schema.get("maximum", schema["exclusiveMaximum"] - 1 if "exclusiveMaximum" in schema else None)
    # Mostly small numbers: ids that exist (users, meetings, items of the world) are small.
    first = low if low is not None else -3
    last = first + 15 if high is None else min(first + 15, high)
    small = st.integers(first, last)
    return st.one_of(small, st.integers(low, high))


def _string(schema: dict[str, Any]) -> st.SearchStrategy[str]:
    fmt = schema.get("format")
    if fmt == "date-time":
        return st.datetimes().map(lambda moment: moment.isoformat())
    if fmt == "date":
        return st.dates().map(lambda day: day.isoformat())
    if fmt == "uuid":
        return st.uuids().map(str)
    if "pattern" in schema:
        return st.from_regex(schema["pattern"], fullmatch=True).filter(
            lambda text: schema.get("minLength", 0) <= len(text) <= schema.get("maxLength", 10**9))
    low = schema.get("minLength", 0)
    high = min(schema.get("maxLength", 60), low + 60)
    return st.text(alphabet=VIETNAMESE, min_size=low, max_size=high)


def from_schema(schema: dict[str, Any], defs: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values of the shape ``schema`` describes (not always valid: cross-field rules are the
    server's to check)."""
    if "$ref" in schema:
        return st.deferred(lambda: from_schema(defs[schema["$ref"].rsplit("/", 1)[-1]], defs))
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return st.one_of([from_schema(option, defs) for option in schema[key]])
    if "allOf" in schema:
        return from_schema(schema["allOf"][0], defs)
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "integer":
        return _integer(schema)
    if kind == "number":
        return st.floats(schema.get("minimum"), schema.get("maximum"), allow_nan=False, allow_infinity=False)
    if kind == "string":
        return _string(schema)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    if kind == "array":
        low = schema.get("minItems", 0)
        return st.lists(from_schema(schema.get("items", {}), defs), min_size=low,
                        max_size=min(schema.get("maxItems", low + 4), low + 4))
    if kind == "object" and "properties" in schema:
        required = set(schema.get("required", ()))
        props = {name: from_schema(sub, defs) for name, sub in schema["properties"].items()}
        return st.fixed_dictionaries({k: v for k, v in props.items() if k in required},
                                     optional={k: v for k, v in props.items() if k not in required})
    if kind == "object":
        return st.dictionaries(vietnamese_text, scalars, max_size=3)
    return junk


def well_shaped(name: str) -> st.SearchStrategy[dict[str, Any]]:
    """Payloads of ``name``'s shape."""
    schema = COMMANDS[name].model_json_schema()
    return from_schema(schema, schema.get("$defs", {}))


@st.composite
def _one_thing_wrong(draw: st.DrawFn, name: str) -> dict[str, Any]:
    payload = dict(draw(well_shaped(name)))
    how = draw(st.sampled_from(["drop", "extra", "retype", "huge", "deep"]))
    keys = sorted(payload)
    if how == "drop" and keys:
        payload.pop(draw(st.sampled_from(keys)))
    elif how == "extra":
        payload[draw(any_text)] = draw(junk)
    elif keys:
        value = {"retype": junk, "huge": huge_text, "deep": deep}[how]
        payload[draw(st.sampled_from(keys))] = draw(value)
    return payload


def payloads(name: str) -> st.SearchStrategy[Any]:
    """What a client (honest, broken or hostile) may send as ``name``'s payload."""
    return st.one_of(well_shaped(name), _one_thing_wrong(name), junk)


CODES = {str(code) for code in ErrorCode} - {str(ErrorCode.INTERNAL)}
"""What a refusal may say; ``internal`` is a failure the server did not mean."""


def assert_well_formed(envelope: Any, what: str) -> None:
    """An ok envelope with its data, or a refusal with a known code and a message."""
    assert isinstance(envelope, dict) and isinstance(envelope.get("ok"), bool), what
    if envelope["ok"]:
        assert isinstance(envelope.get("data"), dict), what
    else:
        error = envelope.get("error")
        assert isinstance(error, dict), what
        assert error.get("code") in CODES, f"{what}: {error}"
        assert isinstance(error.get("message"), str) and error["message"], what
