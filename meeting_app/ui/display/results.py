"""The display's place for a vote's result, shown when a vote closes.

Votes arrive in a later version (issue 7): it will call ``RoomDisplayWindow.show_result``
with the result it publishes. Until then nothing calls it, and the area stays hidden.
What it reads: ``title`` and ``options`` (``[{"label", "count"}]``), optionally
``outcome`` (a sentence such as "Adopted").
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class ResultsArea(QFrame):
    """See the module docstring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("displayResults")
        self.result: dict[str, Any] | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(20, 16, 20, 16)
        self.title = QLabel()
        self.title.setObjectName("displayResultTitle")
        self.title.setWordWrap(True)
        self._layout.addWidget(self.title)
        self.lines: list[QLabel] = []
        self.hide()

    def show_result(self, result: dict[str, Any]) -> None:
        """Show ``result`` (see the module docstring)."""
        self.clear()
        self.result = result
        self.title.setText(str(result.get("title") or self.tr("Vote result")))
        texts = [f"{o.get('label', '')}: {o.get('count', 0)}" for o in result.get("options") or []]
        if result.get("outcome"):
            texts.append(str(result["outcome"]))
        for text in texts:
            line = QLabel(text)
            line.setObjectName("displayResultLine")
            line.setWordWrap(True)
            self._layout.addWidget(line)
            self.lines.append(line)
        self.show()

    def clear(self) -> None:
        """Hide the area."""
        for line in self.lines:
            line.deleteLater()
        self.lines = []
        self.result = None
        self.hide()
