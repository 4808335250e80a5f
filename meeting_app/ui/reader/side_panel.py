"""The side panel: page thumbnails and the table of contents, each a click from a page.

Thumbnails are asked of the engine only when the list view paints them (``data`` is
called for visible rows only), and come from the engine's bounded thumbnail cache, so a
500-page document costs what the visible previews cost.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from meeting_app.pdf import DocumentInfo, PdfEngine, RenderResult
from meeting_app.ui.reader.layout import THUMB_WIDTH
from meeting_app.ui.theme import color

Index = QModelIndex | QPersistentModelIndex


class ThumbnailModel(QAbstractListModel):
    """One row per page: the thumbnail (once rendered) and the page number."""

    def __init__(self, engine: PdfEngine, dpr: float = 1.0) -> None:
        super().__init__()
        self.engine = engine
        self.dpr = dpr
        self.info: DocumentInfo | None = None
        self._requested: set[int] = set()
        self._blank: dict[tuple[int, int], QPixmap] = {}
        engine.thumbnail_ready.connect(self._on_ready)

    @property
    def pixel_width(self) -> int:
        return round(THUMB_WIDTH * self.dpr)

    def set_document(self, info: DocumentInfo | None) -> None:
        self.beginResetModel()
        self.info = info
        self._requested.clear()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.info is None else self.info.page_count

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.info is None or not index.isValid():
            return None
        page = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return str(page + 1)
        if role == Qt.ItemDataRole.DecorationRole:
            image = self.engine.cached_thumbnail(self.info.doc, page, self.pixel_width)
            if image is None and page not in self._requested:
                self._requested.add(page)
                self.engine.thumbnail(self.info.doc, page, self.pixel_width)
            pixmap = self._placeholder(page) if image is None else QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.dpr)
            result = QIcon()
            # The same picture when selected: the list view would tint a selected page blue.
            for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected):
                result.addPixmap(pixmap, mode)
            return result
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Page %s") % (page + 1)
        return None

    def forget_requests(self) -> None:
        """After the engine dropped queued thumbnails: ask again when they are painted."""
        self._requested.clear()

    def _placeholder(self, page: int) -> QPixmap:
        assert self.info is not None
        width, height = self.info.page_sizes[page]
        size = (self.pixel_width, max(1, round(self.pixel_width * height / width)))
        if size not in self._blank:
            pixmap = QPixmap(*size)
            pixmap.fill(QColor("#ffffff"))
            painter = QPainter(pixmap)
            painter.setPen(QColor("#dde3ea"))
            painter.drawRect(0, 0, size[0] - 1, size[1] - 1)
            painter.end()
            self._blank[size] = pixmap
        return self._blank[size]

    def _on_ready(self, result: RenderResult) -> None:
        if self.info is not None and result.doc == self.info.doc and result.page < self.info.page_count:
            index = self.index(result.page)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


class SidePanel(QTabWidget):
    """Tabs "Pages" (thumbnails) and "Contents" (the outline)."""

    page_chosen = Signal(int)
    """A thumbnail or contents entry was clicked: go to this 0-based page."""

    def __init__(self, engine: PdfEngine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerSidePanel")
        self.engine = engine
        self.thumbnails = QListView()
        self.thumbnails.setAccessibleName(self.tr("Pages"))
        self.thumbnails.setObjectName("readerThumbnails")
        self.thumbnails.setViewMode(QListView.ViewMode.IconMode)
        self.thumbnails.setFlow(QListView.Flow.TopToBottom)
        self.thumbnails.setWrapping(False)
        self.thumbnails.setMovement(QListView.Movement.Static)
        self.thumbnails.setIconSize(QSize(THUMB_WIDTH, round(THUMB_WIDTH * 1.5)))
        self.thumbnails.setSpacing(6)
        self.thumbnails.setUniformItemSizes(False)
        self.thumbnails.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.thumbnails.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.model = ThumbnailModel(engine, self.devicePixelRatioF())
        self.thumbnails.setModel(self.model)
        self.thumbnails.clicked.connect(lambda index: self.page_chosen.emit(index.row()))
        self.thumbnails.activated.connect(lambda index: self.page_chosen.emit(index.row()))
        self.thumbnails.verticalScrollBar().valueChanged.connect(self._thumbnails_scrolled)
        self.contents = QTreeWidget()
        self.contents.setAccessibleName(self.tr("Contents"))
        self.contents.setObjectName("readerContents")
        self.contents.setHeaderHidden(True)
        self.contents.setColumnCount(2)
        # The title takes the panel's width (wrapping when long), the page number its own.
        self.contents.setWordWrap(True)
        header = self.contents.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.contents.itemClicked.connect(self._entry_clicked)
        self.contents.itemActivated.connect(self._entry_clicked)
        self.no_contents = QLabel(self.tr("This document has no table of contents."))
        self.no_contents.setObjectName("hint")
        self.no_contents.setWordWrap(True)
        self.no_contents.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.addTab(self.thumbnails, self.tr("Pages"))
        self.addTab(self.contents, self.tr("Contents"))
        self.setMinimumWidth(THUMB_WIDTH + 60)

    def set_document(self, info: DocumentInfo | None) -> None:
        """Fill both tabs for ``info`` (None: empty them)."""
        self.model.dpr = self.devicePixelRatioF()
        self.model.set_document(info)
        self.contents.clear()
        parents: list[QTreeWidgetItem] = []
        for entry in info.toc if info else ():
            item = QTreeWidgetItem([entry.title, str(entry.page + 1) if entry.page >= 0 else ""])
            item.setData(0, Qt.ItemDataRole.UserRole, entry.page)
            item.setToolTip(0, entry.title)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setForeground(1, color("muted"))
            del parents[entry.level - 1:]
            if parents:
                parents[-1].addChild(item)
            else:
                self.contents.addTopLevelItem(item)
            parents.append(item)
        self.contents.expandAll()
        has_toc = bool(info and info.toc)
        self.setTabEnabled(1, has_toc)
        self.setTabToolTip(1, "" if has_toc else self.no_contents.text())
        if not has_toc:
            self.setCurrentIndex(0)

    def show_page(self, page: int) -> None:
        """Mark ``page`` as the current one in the thumbnails (no navigation)."""
        if self.model.info is None or not 0 <= page < self.model.rowCount():
            return
        index = self.model.index(page)
        self.thumbnails.setCurrentIndex(index)
        self.thumbnails.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _entry_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        page = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(page, int) and page >= 0:
            self.page_chosen.emit(page)

    def _thumbnails_scrolled(self) -> None:
        # Previews queued for rows scrolled past are no longer worth rendering.
        if self.model.info is not None:
            self.engine.cancel_pending(self.model.info.doc, "thumbnails")
            self.model.forget_requests()
            self.thumbnails.viewport().update()  # repaint all visible rows: they ask again
