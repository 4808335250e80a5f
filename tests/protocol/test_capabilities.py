"""The rights table: every capability has its grant, and docs/security.md shows it as
``GRANTS`` says."""

from __future__ import annotations

from protocol.capabilities import GRANTS, Capability
from tests.protocol.capabilities_table import DOC, render, rendered_section


def test_every_capability_has_a_grant() -> None:
    assert set(GRANTS) == set(Capability)


def test_the_security_page_shows_the_table_from_grants() -> None:
    """Rewrite it with ``python -m tests.protocol.capabilities_table``."""
    assert rendered_section(DOC.read_text(encoding="utf-8")) == render()
