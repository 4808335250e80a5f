"""Minutes: conclusions, action items, approval and publication."""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
)

from protocol.answers.base import Empty
from protocol.answers.minutes import (
    ActionAnswer,
    ActionListAnswer,
    ConclusionHistoryAnswer,
    ConclusionSetAnswer,
    MinutesApproveAnswer,
    MinutesPublishAnswer,
)
from protocol.capabilities import Capability
from protocol.commands.base import Day, Id, MeetingPayload, Payload, ShortText
from protocol.statuses import ActionStatus, ActionStatusField

MAX_CONCLUSION_BYTES = 100 * 1024
"""A conclusion's Markdown text may be this long (UTF-8 bytes)."""


def _at_most_100_kb(text: str) -> str:
    if len(text.encode("utf-8")) > MAX_CONCLUSION_BYTES:
        raise ValueError(f"longer than {MAX_CONCLUSION_BYTES // 1024} KB")
    return text


ConclusionText = Annotated[str, StringConstraints(max_length=MAX_CONCLUSION_BYTES),
                           AfterValidator(_at_most_100_kb)]


DecisionText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=10_000)]


class ConclusionSet(MeetingPayload, command="conclusion.set", needs=Capability.WRITE_MINUTES,
        answer=ConclusionSetAnswer):
    """An agenda item's conclusion (Markdown: paragraphs, bold, italic, lists) and decision
    (one plain paragraph). Every change is kept as a revision."""

    agenda_item_id: Id
    text: ConclusionText
    decision: DecisionText | None = None
    """None: the decision is left as it is; "": no decision."""
    base_revision: Annotated[int, Field(ge=0)] | None = None
    """The revision the editor started from (0: none yet). If the stored one is newer and its
    text differs from ``text``, the command is refused as ``conflict`` (nothing changes)."""


class ConclusionRef(MeetingPayload):
    agenda_item_id: Id


class ConclusionHistory(ConclusionRef, command="conclusion.history", needs=Capability.WRITE_MINUTES,
        answer=ConclusionHistoryAnswer):
    """An agenda item's conclusion revisions."""


class ActionFields(BaseModel):
    """An action item as ``action.save`` sends it; absent ``id``: a new one."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    id: Id | None = None
    agenda_item_id: Id | None = None
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
    owner_id: Id | None = None
    """A user who owns it (they see it in ``action.list`` and may mark it done)."""
    owner_name: ShortText | None = None
    """Free text when the owner is not a user (a unit: "Vụ Tổ chức cán bộ")."""
    due: Day | None = None
    status: ActionStatusField = ActionStatus.OPEN


class ActionSave(MeetingPayload, command="action.save", needs=Capability.WRITE_MINUTES, answer=ActionAnswer):
    action: ActionFields


class ActionDelete(MeetingPayload, command="action.delete", needs=Capability.WRITE_MINUTES, answer=Empty):
    action_id: Id


class ActionList(Payload, command="action.list", needs=Capability.TRACK_ACTIONS, answer=ActionListAnswer):
    """Action items across meetings, those the caller may see; every filter is optional."""

    status: ActionStatusField | None = None
    owner_id: Id | None = None
    query: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None
    meeting_id: Id | None = None


class ActionSetStatus(Payload, command="action.set_status", needs=Capability.TRACK_ACTIONS,
        answer=ActionAnswer):
    action_id: Id
    status: ActionStatusField


class MinutesApprove(MeetingPayload, command="minutes.approve", needs=Capability.APPROVE_MINUTES,
        answer=MinutesApproveAnswer):
    """The chair approves the minutes."""


class MinutesPublish(MeetingPayload, command="minutes.publish", needs=Capability.APPROVE_MINUTES,
        answer=MinutesPublishAnswer):
    """The chair publishes the minutes (PDF and DOCX) to the participants."""
