"""``AnnotationLayer``: pen and highlighter on the reader's pages.

It adds the annotation tool bar under the reader's, paints the store's annotations over
every visible page (a ``PageView`` overlay, in page points: zoom does not move them) and,
while a tool is chosen, turns mouse and pen input on the pages into annotations. Every
change goes through a ``QUndoStack`` into the ``AnnotationStore`` (saved, synced, offline
safe). Text tools snap to the words the PDF engine reads from the page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRect, Qt
from PySide6.QtGui import QKeySequence, QPainter, QShortcut, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QVBoxLayout, QWidget

import meeting_app.ui.reader.annotations.geometry as geometry
import meeting_app.ui.reader.annotations.paint as paint
from meeting_app.state.annotations import AnnotationStore, new_annotation
from meeting_app.ui.reader.annotations.cache import OverlayCache
from meeting_app.ui.reader.annotations.input import TEXT_TOOLS, PointerInput
from meeting_app.ui.reader.annotations.orphans import OrphansPanel
from meeting_app.ui.reader.annotations.toolbar import AnnotationToolBar, Tool
from meeting_app.ui.reader.annotations.undo import ChangeCommand
from meeting_app.ui.reader.widget import ReaderWidget

AskText = Callable[[str, str], "str | None"]


class AnnotationLayer(PointerInput, QObject):
    """Annotations on a ``ReaderWidget`` (see the module docstring)."""

    def __init__(self, reader: ReaderWidget, parent: QObject | None = None) -> None:
        super().__init__(parent or reader)
        self.reader, self.view = reader, reader.view
        self.store: AnnotationStore | None = None
        self.undo_stack = QUndoStack(self)
        self.toolbar = AnnotationToolBar()
        # A strip left of the pages: the split of side panel and pages moves into a row with it.
        box = reader.layout()
        splitter = reader.view.parentWidget()
        assert isinstance(box, QVBoxLayout) and splitter is not None
        index = box.indexOf(splitter)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(0)
        box.removeWidget(splitter)
        line.addWidget(self.toolbar)
        line.addWidget(splitter, 1)
        box.insertWidget(index, row, 1)
        self.selected: str | None = None
        self.ask_text: AskText = self._ask_text
        """Asks for a note's or text box's text (title, initial) -> text or None."""
        self._words: dict[int, list[geometry.Word]] = {}
        self._words_asked: set[int] = set()
        self._drag: dict[str, Any] | None = None
        self.cache = OverlayCache()
        self.view.overlays.append(self._paint)
        self.view.viewport().installEventFilter(self)
        self.view.viewport().setMouseTracking(True)
        reader.engine.words_ready.connect(self._on_words)
        reader.document_loaded.connect(lambda _n: self._forget_words())
        bar = self.toolbar
        bar.tool_chosen.connect(lambda _t: self._tool_changed())
        bar.color_chosen.connect(self._recolor_selected)
        bar.width_chosen.connect(self._rewidth_selected)
        bar.undo_action.triggered.connect(self.undo_stack.undo)
        bar.redo_action.triggered.connect(self.undo_stack.redo)
        bar.delete_action.triggered.connect(self.delete_selected)
        bar.share_action.triggered.connect(self.share_selected)
        bar.others_action.toggled.connect(self._show_others)
        self._orphans_listed: list[tuple[str, Any]] = []
        self.orphans_panel = OrphansPanel(reader)
        self.orphans_panel.setWindowFlags(Qt.WindowType.Popup)
        self.orphans_panel.delete_requested.connect(self._delete_orphan)
        bar.orphans_action.triggered.connect(self.show_orphans)
        self.undo_stack.canUndoChanged.connect(bar.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(bar.redo_action.setEnabled)
        bar.undo_action.setEnabled(False)
        bar.redo_action.setEnabled(False)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for sequence, slot in ((QKeySequence.StandardKey.Undo, self.undo_stack.undo),
                               (QKeySequence.StandardKey.Redo, self.undo_stack.redo),
                               (QKeySequence("Ctrl+Shift+Z"), self.undo_stack.redo),
                               (QKeySequence.StandardKey.Delete, self.delete_selected),
                               (QKeySequence("Escape"), lambda: self.select(None))):
            QShortcut(sequence, reader, slot, context=context)
        self.set_store(None)

    # --- the store ---------------------------------------------------------------------------

    def set_store(self, store: AnnotationStore | None) -> None:
        """Show and edit ``store``'s annotations (None: no annotating, e.g. while downloading)."""
        if self.store is not None:
            self.store.changed.disconnect(self._store_changed)
        self.store = store
        self.undo_stack.clear()
        self.selected = None
        self._drag = None
        if store is not None:
            store.changed.connect(self._store_changed)
            store.set_show_others(self.toolbar.others_action.isChecked())
        self.toolbar.setEnabled(store is not None)
        self._store_changed(-1)

    def _store_changed(self, page: int) -> None:
        self.cache.invalidate(page)
        if self.selected is not None and (self.store is None or self.store.get(self.selected) is None):
            self.selected = None
        self._show_selection()
        unsent = self.store.unsent if self.store is not None else 0
        self.toolbar.show_status(unsent, self.tr("{n} changes not sent yet: they are kept on this device "
                                                 "and sent when the connection is back").format(n=unsent))
        self.view.update_page(page)
        orphans = self.store.orphans if self.store is not None else []
        listed = [(a["id"], a.get("updated_at")) for a in orphans]
        if listed != self._orphans_listed:  # (not on every stroke: the list rarely changes)
            self._orphans_listed = listed
            self.toolbar.show_orphans(len(orphans))
            self.orphans_panel.show_orphans(orphans)
            if not orphans:
                self.orphans_panel.hide()

    def show_orphans(self) -> None:
        """Open the list of my annotations a new version could not carry over, by its button."""
        bar = self.toolbar
        button = bar.widgetForAction(bar.orphans_action)
        anchor = button if button is not None and button.isVisible() else bar
        self.orphans_panel.adjustSize()
        self.orphans_panel.move(anchor.mapToGlobal(anchor.rect().topRight()))
        self.orphans_panel.show()

    def _delete_orphan(self, annotation_id: str) -> None:
        if self.store is not None:
            self.store.dismiss_orphan(annotation_id)

    # --- actions -----------------------------------------------------------------------------

    def commit(self, before: dict[str, Any] | None, after: dict[str, Any] | None, text: str) -> None:
        """Make a change as an undoable step (applied at once)."""
        if self.store is not None:
            self.undo_stack.push(ChangeCommand(self.store, before, after, text))

    def add(self, page: int, kind: str, data: dict[str, Any]) -> dict[str, Any] | None:
        """Create one of my annotations (undoable); returns it."""
        if self.store is None:
            return None
        annotation = new_annotation(page, kind, data)
        self.commit(None, annotation, self.tr("Add annotation"))
        return self.store.get(annotation["id"])

    def select(self, annotation_id: str | None) -> None:
        old = self.store.get(self.selected) if self.store and self.selected else None
        self.selected = annotation_id
        new = self.store.get(annotation_id) if self.store and annotation_id else None
        for item in (old, new):
            if item is not None:
                self.view.update_page(item["page"])
        self._show_selection()

    def delete_selected(self) -> None:
        item = self._selected_item(mine=True)
        if item is not None:
            self.selected = None
            self.commit(item, None, self.tr("Delete annotation"))

    def share_selected(self, shared: bool = True) -> None:
        """Share the selected annotation with the meeting (or make it private again)."""
        item = self._selected_item(mine=True)
        if item is not None and bool(item.get("shared")) != shared:
            self.commit(item, {**item, "shared": shared},
                        self.tr("Share annotation") if shared else self.tr("Make annotation private"))
        self._show_selection()

    def edit_selected_text(self) -> None:
        item = self._selected_item(mine=True)
        if item is None or item["kind"] not in ("note", "textbox"):
            return
        text = self.ask_text(self.tr("Edit"), str(item["data"].get("text", "")))
        if text is not None and text != item["data"].get("text"):
            self.commit(item, {**item, "data": {**item["data"], "text": text}}, self.tr("Edit text"))

    def _recolor_selected(self, color: str) -> None:
        item = self._selected_item(mine=True)
        if item is not None:
            self.commit(item, {**item, "data": {**item["data"], "color": color}}, self.tr("Colour"))

    def _rewidth_selected(self, width: float) -> None:
        item = self._selected_item(mine=True)
        if item is not None and "width" in item["data"]:
            self.commit(item, {**item, "data": {**item["data"], "width": width}}, self.tr("Width"))

    def _show_others(self, show: bool) -> None:
        if self.store is not None:
            self.store.set_show_others(show)

    def _selected_item(self, mine: bool = False) -> dict[str, Any] | None:
        item = self.store.get(self.selected) if self.store and self.selected else None
        if item is None or (mine and self.store is not None and not self.store.is_mine(item)):
            return None
        return item

    def _show_selection(self) -> None:
        item = self._selected_item()
        mine = item is not None and self.store is not None and self.store.is_mine(item)
        self.toolbar.show_selection(item["kind"] if item else None, mine, bool(item and item.get("shared")))

    def _tool_changed(self) -> None:
        tool = self.toolbar.tool
        cursor = {Tool.BROWSE: Qt.CursorShape.ArrowCursor, Tool.SELECT: Qt.CursorShape.ArrowCursor,
                  Tool.ERASER: Qt.CursorShape.PointingHandCursor}.get(tool, Qt.CursorShape.CrossCursor)
        if tool in TEXT_TOOLS:
            cursor = Qt.CursorShape.IBeamCursor
        self.view.viewport().setCursor(cursor)
        if tool not in (Tool.SELECT, Tool.BROWSE):
            self.select(None)

    # --- painting ----------------------------------------------------------------------------

    def _paint(self, painter: QPainter, page: int, rect: QRect, px_per_point: float) -> None:
        if self.store is None:
            return
        store, drag = self.store, self._drag
        preview = drag.get("preview") if drag is not None and drag["page"] == page else None
        # A moved annotation shows where it is dragged, not in place (a new one is not in place).
        hidden = preview["id"] if preview is not None and store.get(preview["id"]) else None
        self.cache.keep_only(self.view.visible_pages())
        self.cache.paint(painter, page, rect, px_per_point, self.view.viewport().devicePixelRatioF(),
                         lambda: [a for a in store.visible(page) if a["id"] != hidden],
                         (id(store), store.show_others, hidden))
        mapper = paint.PageMapper(rect, px_per_point)
        if preview is not None:
            paint.paint_page(painter, rect, px_per_point, [preview])
        items = store.visible(page)
        selected = next((a for a in items if a["id"] == self.selected), None)
        if selected is not None:
            if preview is not None and preview["id"] == selected["id"]:
                selected = preview
            painter.setClipping(False)  # the author's tag may stand out of the page
            paint.paint_selection(painter, mapper, selected, self._label(selected),
                                  self.view.viewport().rect())
        if drag is not None and drag["page"] == page and drag.get("band") is not None:
            painter.setPen(paint.SELECTION)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(mapper.rect(*drag["band"]))

    def _label(self, annotation: dict[str, Any]) -> str:
        """Who made an annotation (for others' shared ones) and a note's text."""
        parts = []
        if self.store is not None and not self.store.is_mine(annotation):
            parts.append(str(annotation.get("author_name") or self.tr("Another participant")))
        elif annotation.get("shared"):
            parts.append(self.tr("Shared with the meeting"))
        if annotation["kind"] == "note" and annotation["data"].get("text"):
            parts.append(str(annotation["data"]["text"]))
        return "\n".join(parts)

    def _ask_text(self, title: str, initial: str) -> str | None:
        parent: QWidget = self.reader
        text, ok = QInputDialog.getMultiLineText(parent, title, self.tr("Text:"), initial)
        return text.strip() if ok and text.strip() else None
