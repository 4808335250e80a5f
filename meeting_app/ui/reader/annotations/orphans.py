"""The annotations a new version of the document could not carry over, shown, not only told.

When a document is replaced, the server moves each of my annotations to the new version's
page with the same text; those whose page changed stay on the old version, ``orphaned``
(``AnnotationStore.orphans``), and are not painted on the new pages. The tool strip then shows
a "Not carried over (N)" button; it opens this list: each one's old page, version, kind and
words, with "Delete" to let it go (a delete like any other: sent now or when online).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from meeting_app.ui.theme import bind_style


class OrphansPanel(QFrame):
    """The list of annotations not carried over (see the module docstring)."""

    delete_requested = Signal(str)
    """The id of an annotation the user chose to delete."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orphansPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(400)
        self.setMaximumHeight(420)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        self.title = QLabel()
        self.title.setObjectName("orphansTitle")
        self.title.setStyleSheet("font-weight: bold;")
        self.hint = QLabel(self.tr("A new version of the document changed the text of their pages. "
                                   "They stay on the previous version."))
        self.hint.setWordWrap(True)
        bind_style(self.hint, "color: @muted_strong;")
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        self.rows = QWidget()
        self.rows_layout = QVBoxLayout(self.rows)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout.setSpacing(4)
        self.rows_area = QScrollArea()
        self.rows_area.setWidgetResizable(True)
        self.rows_area.setFrameShape(QFrame.Shape.NoFrame)
        self.rows_area.setWidget(self.rows)
        layout.addWidget(self.rows_area, 1)
        self.delete_buttons: dict[str, QPushButton] = {}
        """The "Delete" button of each annotation listed, by id."""
        self.show_orphans([])

    def kind_name(self, kind: str) -> str:
        names = {"highlight": self.tr("Highlight"), "underline": self.tr("Underline"),
                 "strikeout": self.tr("Strike-through"), "ink": self.tr("Pen"),
                 "note": self.tr("Sticky note"), "textbox": self.tr("Text box"), "rect": self.tr("Rectangle")}
        return names.get(kind, kind)

    def describe(self, annotation: dict[str, Any]) -> str:
        """"Page 10 (version 1) · Sticky note: the words" for one annotation."""
        where = self.tr("Page {page} (version {version})").format(
            page=int(annotation.get("page", 0)) + 1, version=annotation.get("version", "?"))
        text = str((annotation.get("data") or {}).get("text") or "").strip().replace("\n", " ")
        if len(text) > 120:
            text = text[:119] + "…"
        kind = self.kind_name(str(annotation.get("kind", "")))
        return f"{where} · {kind}: {text}" if text else f"{where} · {kind}"

    def show_orphans(self, orphans: list[dict[str, Any]]) -> None:
        """List ``orphans`` (the store's), one row each."""
        while self.rows_layout.count():
            item = self.rows_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.delete_buttons = {}
        self.title.setText(self.tr("Not carried over ({n})").format(n=len(orphans)))
        ordered = sorted(orphans, key=lambda a: (int(a.get("version") or 0), int(a.get("page", 0))))
        for annotation in ordered:
            row = QFrame()
            row.setObjectName("orphanRow")
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 2, 0, 2)
            label = QLabel(self.describe(annotation))
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            button = QPushButton(self.tr("Delete"))
            button.setToolTip(self.tr("Delete this annotation: it is not shown on any version any more"))
            annotation_id = str(annotation["id"])
            button.clicked.connect(lambda _=False, i=annotation_id: self.delete_requested.emit(i))
            line.addWidget(label, 1)
            line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self.rows_layout.addWidget(row)
            self.delete_buttons[annotation_id] = button
        self.rows_layout.addStretch(1)
        # As tall as the rows (a scroll area's own hint would leave a gap under a short
        # list); the panel's maximum height makes a long list scroll.
        self.rows_area.setMaximumHeight(self.rows.sizeHint().height() + 2 * self.rows_area.frameWidth())
