"""Pointer input for the ``AnnotationLayer``: presses, drags and releases on the pages turned
into annotations by the chosen tool, the eraser, text selection snapped to the page's words,
and the tooltip with an annotation's author. Coordinates become page points at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QUndoStack
from PySide6.QtWidgets import QToolTip

import meeting_app.ui.reader.annotations.geometry as geometry
from meeting_app.state.annotations import AnnotationStore
from meeting_app.ui.reader.annotations.toolbar import AnnotationToolBar, Tool
from meeting_app.ui.reader.view import PageView
from meeting_app.ui.reader.widget import ReaderWidget

TEXT_TOOLS = (Tool.HIGHLIGHT, Tool.UNDERLINE, Tool.STRIKEOUT)


class PointerInput:
    """The input half of ``AnnotationLayer`` (a mixin: the layer has what is declared here)."""

    reader: ReaderWidget
    view: PageView
    store: AnnotationStore | None
    toolbar: AnnotationToolBar
    undo_stack: QUndoStack
    _drag: dict[str, Any] | None
    _words: dict[int, list[geometry.Word]]
    _words_asked: set[int]
    ask_text: Callable[[str, str], str | None]

    if TYPE_CHECKING:
        def commit(self, before: dict[str, Any] | None, after: dict[str, Any] | None, text: str) -> None: ...
        def add(self, page: int, kind: str, data: dict[str, Any]) -> dict[str, Any] | None: ...
        def select(self, annotation_id: str | None) -> None: ...
        def edit_selected_text(self) -> None: ...
        def _label(self, annotation: dict[str, Any]) -> str: ...

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
            text = self.ask_text(QCoreApplication.translate("AnnotationLayer", "Sticky note"), "")
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
                self.commit(before, after, QCoreApplication.translate("AnnotationLayer", "Move annotation"))
        elif tool in TEXT_TOOLS and drag.get("preview") is not None:
            self.add(page, str(tool), drag["preview"]["data"])
        elif tool is Tool.INK and drag.get("path"):
            self.add(page, "ink", {"paths": [geometry.simplify(drag["path"])], "color": color,
                                   "width": width})
        elif tool is Tool.ERASER and drag["erased"]:
            self.undo_stack.beginMacro(QCoreApplication.translate("AnnotationLayer", "Erase"))
            for item in drag["erased"]:
                self.commit(item, None, QCoreApplication.translate("AnnotationLayer", "Erase"))
            self.undo_stack.endMacro()
        elif tool in (Tool.RECT, Tool.TEXTBOX) and drag.get("band") is not None:
            rect = [round(v, 2) for v in drag["band"]]
            if rect[2] - rect[0] < 4 or rect[3] - rect[1] < 4:
                return  # a click, not a frame
            if tool is Tool.RECT:
                self.add(page, "rect", {"rect": rect, "color": color, "width": width})
            else:
                text = self.ask_text(QCoreApplication.translate("AnnotationLayer", "Text box"), "")
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
