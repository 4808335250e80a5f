"""Undo and redo of annotation changes: every change is (before, after) of one annotation.

``before`` None: it was created; ``after`` None: it was deleted. Redo applies ``after``,
undo applies ``before``, both through the store (so an undo is saved and synced like any
change, and works offline too).
"""

from __future__ import annotations

import copy
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand


class Target(Protocol):
    """What the commands change (an ``AnnotationStore``)."""

    def save(self, annotation: dict[str, Any]) -> None: ...
    def delete(self, annotation_id: str) -> None: ...


class ChangeCommand(QUndoCommand):
    """One annotation from ``before`` to ``after``."""

    def __init__(self, target: Target, before: dict[str, Any] | None, after: dict[str, Any] | None,
                 text: str) -> None:
        super().__init__(text)
        self.target = target
        self.before, self.after = copy.deepcopy(before), copy.deepcopy(after)

    def _apply(self, state: dict[str, Any] | None, other: dict[str, Any] | None) -> None:
        if state is not None:
            self.target.save(state)
        elif other is not None:
            self.target.delete(other["id"])

    def redo(self) -> None:
        self._apply(self.after, self.before)

    def undo(self) -> None:
        self._apply(self.before, self.after)
