"""What the server sends as a participant's capabilities, for client tests without a server.

The client never works capabilities out; a test that builds a snapshot by hand asks the
server's own function (``server.domain.capabilities.held``) what that participant holds.
"""

from __future__ import annotations

from typing import Any

from protocol.capabilities import Condition
from protocol.reducer import empty_snapshot
from protocol.roles import GlobalRole, MeetingRole
from server.domain.capabilities import Standing, held


def you_fields(role: str | None, *, admin: bool = False, organizer: bool = False, holds_floor: bool = False,
               managed_site_id: int | None = None) -> dict[str, Any]:
    """The ``capabilities`` and ``managed_site_id`` of a snapshot's ``you``."""
    flags = ((GlobalRole.ADMIN, admin), (GlobalRole.ORGANIZER, organizer))
    global_roles = frozenset(r for r, on in flags if on)
    standing = Standing(global_roles, MeetingRole(role) if role else None,
                        frozenset({Condition.HOLDS_FLOOR}) if holds_floor else frozenset(), managed_site_id)
    return {"capabilities": sorted(c.value for c in held(standing)), "managed_site_id": managed_site_id}


def with_capabilities(snapshot: dict[str, Any], **flags: Any) -> dict[str, Any]:
    """``snapshot`` with ``you`` holding what the server would send for its role."""
    you = snapshot["you"]
    snapshot["you"] = {**you, **you_fields(you["role"], **flags)}
    return snapshot


def empty_snapshot_for(meeting_id: int, user_id: int, role: str) -> dict[str, Any]:
    """``protocol.reducer.empty_snapshot`` with ``you`` holding what the server would send."""
    return with_capabilities(empty_snapshot(meeting_id, user_id, role))
