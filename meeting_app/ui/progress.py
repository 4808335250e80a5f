"""Work that takes a while, shown in the status bar of every room window.

Exports (the annotated PDF, the minutes, the attendance CSV) call :func:`begin` with what
they do and :func:`end` when they are done or failed; :class:`WorkIndicator` shows the
text and a busy bar while any work runs. Downloads and uploads keep their own measured
progress (``DownloadIndicator`` in the status bar, the upload dialog's bar with Cancel);
these exports have no measure of their own, so the bar is an indeterminate one and they
offer no Cancel: the PDF export runs in the PDF engine's worker, which finishes a job once
begun, and the server-made files come in one short answer.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget


class WorkRegistry(QObject):
    """What runs now: ``changed`` after each begin and end."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.running: dict[int, str] = {}
        self._ids = itertools.count(1)


_registry: WorkRegistry | None = None


def registry() -> WorkRegistry:
    """The process's one registry of running work (made in the GUI thread on first use)."""
    global _registry
    if _registry is None:
        _registry = WorkRegistry()
    return _registry


def begin(text: str) -> int:
    """Some work started (``text``: what, for the user); returns its token for :func:`end`."""
    works = registry()
    token = next(works._ids)
    works.running[token] = text
    works.changed.emit()
    return token


def end(token: int) -> None:
    """The work of ``token`` is over (done or failed); unknown tokens are ignored."""
    works = registry()
    if works.running.pop(token, None) is not None:
        works.changed.emit()


class WorkIndicator(QWidget):
    """"Exporting the annotated document…" and a busy bar, while work runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workIndicator")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy: no measure
        self.bar.setTextVisible(False)
        self.bar.setFixedSize(110, 8)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        registry().changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Show the latest running work, or hide."""
        running = list(registry().running.values())
        self.setVisible(bool(running))
        if running:
            more = len(running) - 1
            self.label.setText(running[-1] if not more else self.tr("{work} (+{n} more)").format(
                work=running[-1], n=more))
