"""The server's registry is derived from the declarations, and checked: every declared command
has exactly one handler, every handler a declared command; the pipeline's modules import
each other without a cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from protocol import commands as c
from protocol.capabilities import GRANTS, Capability, Condition
from protocol.commands import COMMANDS as DECLARED
from server.domain import floor
from server.domain.context import CommandContext, Outcome
from server.domain.handlers import HANDLERS, Handler, handles
from server.transport.preparing import PREPARERS
from server.transport.registry import COMMANDS, DOCUMENT, POLL, Kind, check, locator_of

TRANSPORT = Path(__file__).resolve().parents[2] / "server" / "transport"


def _nothing(_ctx: CommandContext, _payload: object) -> Outcome:
    raise AssertionError("never run")


def test_every_declared_command_has_exactly_one_handler() -> None:
    assert set(COMMANDS) == set(DECLARED)
    assert {spec.handler.command for spec in COMMANDS.values()} == set(DECLARED.values())
    check(DECLARED, HANDLERS, PREPARERS)  # what the server checks when it starts


def test_a_command_without_a_handler_is_refused_at_start_up() -> None:
    handlers = {cls: h for cls, h in HANDLERS.items() if cls is not c.AgendaReorder}
    with pytest.raises(RuntimeError, match=r"agenda\.reorder has no handler"):
        check(DECLARED, handlers, PREPARERS)


def test_a_handler_of_an_undeclared_command_is_refused_at_start_up() -> None:
    class Undeclared(c.MeetingPayload, command="meeting.dance", needs=Capability.RUN_MEETING):
        pass

    handlers = {**HANDLERS, Undeclared: Handler(Undeclared, _nothing)}
    with pytest.raises(RuntimeError, match="Undeclared, which is not a declared command"):
        check(DECLARED, handlers, PREPARERS)


def test_a_second_handler_of_a_command_is_refused() -> None:
    with pytest.raises(TypeError, match=r"agenda\.set_current has two handlers"):
        handles(c.AgendaSetCurrent)(_nothing)
    assert HANDLERS[c.AgendaSetCurrent].function is not _nothing


def test_a_grouped_command_must_keep_no_answers() -> None:
    with pytest.raises(TypeError, match="grouped"):
        Handler(c.PollVote, _nothing, grouped=True)


def test_each_access_rule_is_the_grant_of_the_capability_the_command_needs() -> None:
    for name, spec in COMMANDS.items():
        grant = GRANTS[DECLARED[name].needs]
        assert (spec.access.anyone, spec.access.global_roles, spec.access.meeting_roles) == (
            grant.anyone, grant.global_roles, grant.meeting_roles), name
        assert (spec.access.also is None) == (grant.also_when is None), name
    assert GRANTS[c.SpeakerEnd.needs].also_when is Condition.HOLDS_FLOOR
    assert COMMANDS[c.SpeakerEnd.command].access.also is floor.holds_floor
    assert COMMANDS[c.PresenterSetPage.command].access.also is floor.holds_floor


def test_the_locator_comes_from_the_payload_fields() -> None:
    assert locator_of(c.AnnotationSave) is DOCUMENT
    assert locator_of(c.PollVote) is POLL
    assert locator_of(c.PresenterSetPage) is None  # it names a document, and its meeting
    assert locator_of(c.ActionList) is None  # its meeting_id is optional: none is located
    located = {name for name, spec in COMMANDS.items() if spec.locate is not None}
    assert located == {name for name, cls in DECLARED.items() if "meeting_id" not in cls.model_fields
                       and {"document_id", "poll_id", "action_id"} & set(cls.model_fields)}


def test_each_kind_of_command() -> None:
    kinds = {name: spec.kind for name, spec in COMMANDS.items()}
    assert {name for name, kind in kinds.items() if kind is Kind.IN_MEMORY} == {c.PresenceHeartbeat.command}
    assert {name for name, kind in kinds.items() if kind is Kind.GROUPED} == {c.PollVote.command}
    assert {name for name, kind in kinds.items() if kind is Kind.PREPARED} == {c.MinutesPublish.command}
    assert {c.MeetingList.command, c.Search.command, c.ActionList.command, c.UserList.command} <= {
        name for name, kind in kinds.items() if kind is Kind.QUERY}
    assert kinds[c.DocumentVersions.command] is Kind.ALONE  # a read about one meeting takes its lock
    assert not COMMANDS[c.PollVote.command].keeps_answers
    assert not COMMANDS[c.MeetingJoin.command].keeps_answers
    assert COMMANDS[c.MeetingLeave.command].keeps_answers


def _imports(module: Path) -> set[str]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    return {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}


def test_group_commit_and_the_unit_of_work_do_not_import_the_pipeline() -> None:
    for name in ("group_commit.py", "unit_of_work.py", "registry.py", "decoding.py"):
        assert "server.transport.pipeline" not in _imports(TRANSPORT / name), name
    assert "server.transport.group_commit" not in _imports(TRANSPORT / "unit_of_work.py")
