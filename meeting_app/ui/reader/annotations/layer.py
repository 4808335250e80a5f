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

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, Qt
from PySide6.QtGui import QKeySequence, QMouseEvent, QPainter, QShortcut, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QToolTip, QVBoxLayout, QWidget

from meeting_app.state.annotations import AnnotationStore, new_annotation
from meeting_app.ui.reader.annotations import geometry, paint
from meeting_app.ui.reader.annotations.cache import OverlayCache
from meeting_app.ui.reader.annotations.toolbar import AnnotationToolBar, Tool
from meeting_app.ui.reader.annotations.undo import ChangeCommand
from meeting_app.ui.reader.widget import ReaderWidget

TEXT_TOOLS = (Tool.HIGHLIGHT, Tool.UNDERLINE, Tool.STRIKEOUT)
AskText = Callable[[str, str], "str | None"]


class AnnotationLayer(QObject):
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

    # --- input -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.store is None or self.reader.info is None:
            return False
        kind = event.type()
        if kind == QEvent.Type.ToolTip:
            return self._tooltip(event)
        if not isinstance(event, QMouseEvent) or self.toolbar.tool is Tool.BROWSE:
            return False
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            return self._press(event.position())
        if kind == QEvent.Type.MouseMove and self._drag is not None:
            self._move(event.position())
            return True
        if kind == QEvent.Type.MouseButtonRelease and self._drag is not None:
            self._release(event.position())
            return True
        if kind == QEvent.Type.MouseButtonDblClick and self.toolbar.tool is Tool.SELECT:
            self.edit_selected_text()
            return True
        return False

    def _tooltip(self, event: QEvent) -> bool:
        position = getattr(event, "position", None) or getattr(event, "pos", None)
        spot = self.view.page_point(QPointF(position())) if position else None
        item = self._hit(*spot) if spot else None
        if item is None or self.store is None:
            QToolTip.hideText()
            return False
        text = self._label(item)
        if text:
            QToolTip.showText(getattr(event, "globalPos")(), text, self.view.viewport())  # noqa: B009
        return True

    def _hit(self, page: int, point: QPointF) -> dict[str, Any] | None:
        if self.store is None:
            return None
        tolerance = 5 / max(0.1, self.view.layout_.px_per_point)  # 5 screen pixels
        for item in reversed(self.store.visible(page)):  # the top one first
            if geometry.hit(item, point.x(), point.y(), tolerance):
                return item
        return None

    def _press(self, pos: QPointF) -> bool:
        spot = self.view.page_point(pos)
        if spot is None:
            return False
        page, point = spot
        tool, x, y = self.toolbar.tool, point.x(), point.y()
        self.view.setFocus()
        drag: dict[str, Any] = {"page": page, "start": (x, y), "tool": tool}
        if tool is Tool.SELECT:
            item = self._hit(page, point)
            self.select(item["id"] if item else None)
            if item is None or not self.store or not self.store.is_mine(item):
                return True
            drag["item"] = item
        elif tool in TEXT_TOOLS:
            self._need_words(page)
        elif tool is Tool.INK:
            drag["path"] = [[x, y]]
        elif tool is Tool.ERASER:
            drag["erased"] = []
            self._erase(drag, x, y)
        elif tool is Tool.NOTE:
            self._drag = None
            text = self.ask_text(self.tr("Sticky note"), "")
            if text:
                self.add(page, "note", {"point": [round(x, 2), round(y, 2)], "text": text,
                                        "color": self.toolbar.color})
            return True
        self._drag = drag
        return True

    def _move(self, pos: QPointF) -> None:
        drag = self._drag
        assert drag is not None
        spot = self.view.page_point(pos, drag["page"])
        if spot is None:
            return
        x, y = spot[1].x(), spot[1].y()
        tool, (x0, y0) = drag["tool"], drag["start"]
        color, width = self.toolbar.color, self.toolbar.pen_width
        if tool is Tool.SELECT and "item" in drag:
            drag["preview"] = geometry.moved(drag["item"], x - x0, y - y0)
        elif tool in TEXT_TOOLS:
            drag["preview"] = self._markup(drag, x, y)
        elif tool is Tool.INK:
            drag["path"].append([x, y])
            drag["preview"] = {"id": "-", "page": drag["page"], "kind": "ink",
                               "data": {"paths": [drag["path"]], "color": color, "width": width}}
        elif tool is Tool.ERASER:
            self._erase(drag, x, y)
        elif tool in (Tool.RECT, Tool.TEXTBOX):
            drag["band"] = geometry.normalized_rect(x0, y0, x, y)
        self.view.update_page(drag["page"])

    def _release(self, pos: QPointF) -> None:
        self._move(pos)
        drag, self._drag = self._drag, None
        assert drag is not None
        page, tool = drag["page"], drag["tool"]
        self.view.update_page(page)
        color, width = self.toolbar.color, self.toolbar.pen_width
        if tool is Tool.SELECT and drag.get("preview") is not None:
            before, after = drag["item"], drag["preview"]
            if geometry.bounds(before) != geometry.bounds(after):
                self.commit(before, after, self.tr("Move annotation"))
        elif tool in TEXT_TOOLS and drag.get("preview") is not None:
            self.add(page, str(tool), drag["preview"]["data"])
        elif tool is Tool.INK and drag.get("path"):
            self.add(page, "ink", {"paths": [geometry.simplify(drag["path"])], "color": color,
                                   "width": width})
        elif tool is Tool.ERASER and drag["erased"]:
            self.undo_stack.beginMacro(self.tr("Erase"))
            for item in drag["erased"]:
                self.commit(item, None, self.tr("Erase"))
            self.undo_stack.endMacro()
        elif tool in (Tool.RECT, Tool.TEXTBOX) and drag.get("band") is not None:
            rect = [round(v, 2) for v in drag["band"]]
            if rect[2] - rect[0] < 4 or rect[3] - rect[1] < 4:
                return  # a click, not a frame
            if tool is Tool.RECT:
                self.add(page, "rect", {"rect": rect, "color": color, "width": width})
            else:
                text = self.ask_text(self.tr("Text box"), "")
                if text:
                    self.add(page, "textbox", {"rect": rect, "text": text, "color": color,
                                               "font_size": 11.0})

    def _erase(self, drag: dict[str, Any], x: float, y: float) -> None:
        """Mark my ink annotations under the eraser: they vanish now, deleted on release."""
        if self.store is None:
            return
        reach = 6 / max(0.1, self.view.layout_.px_per_point)
        # Along the way from the last position: a fast swipe skips over thin strokes.
        lx, ly = drag.get("last", (x, y))
        drag["last"] = (x, y)
        steps = max(1, int(((x - lx) ** 2 + (y - ly) ** 2) ** 0.5 / reach))
        spots = [(lx + (x - lx) * i / steps, ly + (y - ly) * i / steps) for i in range(steps + 1)]
        for item in self.store.visible(drag["page"]):
            if item["kind"] != "ink" or not self.store.is_mine(item) or item in drag["erased"]:
                continue
            width = reach + float(item["data"]["width"]) / 2
            paths = item["data"]["paths"]
            if any(geometry.touches_path(p, sx, sy, width) for p in paths for sx, sy in spots):
                drag["erased"].append(item)
                self.store.delete(item["id"])  # shown at once; the undo step is made on release

    # --- text selection ----------------------------------------------------------------------

    def _markup(self, drag: dict[str, Any], x: float, y: float) -> dict[str, Any] | None:
        words = self._words.get(drag["page"])
        if not words:
            return None
        chosen = geometry.selected_words(words, drag["start"], (x, y))
        if not chosen:
            return None
        quads, text = geometry.line_quads(chosen)
        return {"id": "-", "page": drag["page"], "kind": str(drag["tool"]),
                "data": {"quads": quads, "color": self.toolbar.color, "text": text[:10_000]}}

    def _need_words(self, page: int) -> None:
        if page not in self._words and page not in self._words_asked and self.reader.info is not None:
            self._words_asked.add(page)
            self.reader.engine.words(self.reader.info.doc, page)

    def _on_words(self, _request: int, doc: int, page: int, words: list[geometry.Word]) -> None:
        if self.reader.info is not None and doc == self.reader.info.doc:
            self._words[page] = list(words)

    def words(self, page: int) -> list[geometry.Word] | None:
        """The words of ``page`` once read (for tests and selection)."""
        self._need_words(page)
        return self._words.get(page)

    def _forget_words(self) -> None:
        self._words.clear()
        self._words_asked.clear()

    def _ask_text(self, title: str, initial: str) -> str | None:
        parent: QWidget = self.reader
        text, ok = QInputDialog.getMultiLineText(parent, title, self.tr("Text:"), initial)
        return text.strip() if ok and text.strip() else None
