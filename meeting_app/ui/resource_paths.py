"""Where the client's resource files live: ``resources/`` at the repository's root.

A module of its own, importing nothing of the client, so that every part that reads a
file there (icons and styles in ``resources.py``, translations in ``i18n.py``) can find it
without depending on the others.
"""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
"""The repository's resources folder (the project is installed in place)."""


def resource_path(*parts: str) -> Path:
    """A path inside ``resources/``."""
    return RESOURCES.joinpath(*parts)
