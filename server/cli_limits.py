"""``serve --limit NAME=VALUE``: the fair-use limits and quotas (``docs/security.md``)."""

from __future__ import annotations

import argparse
from dataclasses import fields, replace
from typing import Any

from server.settings import Limits, Settings

AUTH_NAMES = {"login_failures_per_user": "max_failures_per_username",
              "login_failures_per_address": "max_failures_per_client"}
"""Login limits, named for what they count (the AuthPolicy's fields)."""
QUOTA_NAMES = {"annotations_per_document": "annotations_per_document",
               "annotation_kb_per_document": "annotation_bytes_per_document",
               "shared_annotation_kb_per_meeting": "shared_bytes_per_meeting"}
INTEGERS = {"heavy_threads", "sockets_per_token", *AUTH_NAMES, *QUOTA_NAMES}


def names() -> list[str]:
    """Every name ``--limit`` takes."""
    return [f.name for f in fields(Limits)] + list(AUTH_NAMES) + list(QUOTA_NAMES)


def add_option(parser: argparse.ArgumentParser) -> None:
    """Add the repeatable ``--limit`` option."""
    parser.add_argument("--limit", action="append", default=None, metavar="NAME=VALUE",
                        help="a fair-use limit or quota (repeatable; rates per second, 0 switches a "
                             "budget off): " + ", ".join(names()))


def apply(settings: Settings, given: list[str] | None) -> None:
    """Set the ``--limit`` values on ``settings``; SystemExit with a clear message otherwise."""
    for item in given or []:
        name, sep, text = item.partition("=")
        name = name.strip().replace("-", "_")
        if not sep or name not in names():
            raise SystemExit(f"meeting-server: --limit {item!r}: expected NAME=VALUE, NAME one of "
                             f"{', '.join(names())}")
        try:
            value: float = int(text) if name in INTEGERS else float(text)
        except ValueError:
            raise SystemExit(f"meeting-server: --limit {item!r}: {text!r} is not a "
                             f"{'whole ' if name in INTEGERS else ''}number") from None
        if value < 0:
            raise SystemExit(f"meeting-server: --limit {item!r}: must not be negative")
        if name in AUTH_NAMES:
            changes: dict[str, Any] = {AUTH_NAMES[name]: int(value)}
            settings.auth = replace(settings.auth, **changes)
        elif name in QUOTA_NAMES:
            scale = 1024 if name.endswith("_kb_per_document") or name.endswith("_kb_per_meeting") else 1
            settings.quotas = replace(settings.quotas, **{QUOTA_NAMES[name]: int(value) * scale})
        else:
            setattr(settings.limits, name, value)
