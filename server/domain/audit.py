"""The audit log: who did what, written in the same transaction as the change."""

from __future__ import annotations

from typing import Any

from server.domain.context import CommandContext
from server.persistence.models import AuditEntry


def record(ctx: CommandContext, action: str, meeting_id: int | None = None,
           details: dict[str, Any] | None = None) -> None:
    """Add one audit entry for the command's actor."""
    ctx.session.add(AuditEntry(actor_id=ctx.actor.user_id, action=action, meeting_id=meeting_id,
                               details=details or {}))
