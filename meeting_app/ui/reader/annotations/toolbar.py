"""The annotation tool bar, a vertical strip left of the pages (the room's reader is narrow):
tools, colour, width, undo and redo, delete, share, the switch for others' shared
annotations, and export."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QMenu, QSizePolicy, QToolBar, QToolButton, QWidget

from meeting_app.ui.resources import icon
from meeting_app.ui.theme import bind_style, color
from meeting_app.ui.widgets import Spacer


class Tool(StrEnum):
    """What a press on the page does."""

    BROWSE = "browse"
    SELECT = "select"
    HIGHLIGHT = "highlight"
    UNDERLINE = "underline"
    STRIKEOUT = "strikeout"
    INK = "ink"
    ERASER = "eraser"
    NOTE = "note"
    TEXTBOX = "textbox"
    RECT = "rect"


COLORS = (("#ffd400", "Yellow"), ("#5fd068", "Green"), ("#3b82f6", "Blue"), ("#e5484d", "Red"),
          ("#8e4ec6", "Purple"), ("#1f2933", "Black"))
WIDTHS = (1.0, 2.0, 4.0, 8.0)


def swatch(color: str, size: int = 16) -> QIcon:
    """A round colour sample for the colour button and menu."""
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#52606d"))
    painter.setBrush(QColor(color))
    painter.drawEllipse(3, 3, size * 2 - 6, size * 2 - 6)
    painter.end()
    return QIcon(pixmap)


def badged(base: QIcon, count: int, size: int = 18) -> QIcon:
    """``base`` with ``count`` on a red dot in its corner (the strip has no room for words)."""
    pixmap = base.pixmap(size * 2, size * 2)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#e5484d"))
    dot = size
    painter.drawEllipse(size * 2 - dot, 0, dot, dot)
    painter.setPen(QColor("white"))
    font = painter.font()
    font.setPixelSize(int(dot * 0.7))
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(size * 2 - dot, 0, dot, dot, Qt.AlignmentFlag.AlignCenter, str(min(count, 99)))
    painter.end()
    return QIcon(pixmap)


def line_icon(width: float, size: int = 18) -> QIcon:
    """A sample stroke of ``width`` points for the width button and menu."""
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(color("accent"), max(1.5, width * 1.5))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.drawLine(6, size * 2 - 8, size * 2 - 6, 8)
    painter.end()
    return QIcon(pixmap)


class AnnotationToolBar(QToolBar):
    """Reports what was asked; the ``AnnotationLayer`` acts."""

    tool_chosen = Signal(str)
    color_chosen = Signal(str)
    width_chosen = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationToolBar")
        self.setOrientation(Qt.Orientation.Vertical)
        self.setIconSize(QSize(17, 17))
        self.setMovable(False)
        bind_style(self, "QToolBar#annotationToolBar { background: @toolbar_alt; border: none;"
                   " border-right: 1px solid @border; padding: 2px; }"
                   " QToolBar#annotationToolBar QToolButton { padding: 2px; margin: 0; }"
                   " QToolBar#annotationToolBar QToolButton:checked { background: @selection;"
                   " border: 1px solid @info_border; border-radius: 4px; }"
                   " QToolBar#annotationToolBar::separator { height: 1px; margin: 3px 4px; }"
                   " QLabel#annotationStatus { color: @danger; font-weight: bold; }"
                   " QToolButton::menu-indicator { image: none; width: 0; }")
        self.tools = QActionGroup(self)
        self.tools.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        self.tool_actions: dict[Tool, QAction] = {}
        tips = {Tool.SELECT: self.tr("Select, move and edit annotations"),
                Tool.HIGHLIGHT: self.tr("Highlight text"), Tool.UNDERLINE: self.tr("Underline text"),
                Tool.STRIKEOUT: self.tr("Strike through text"), Tool.INK: self.tr("Pen (freehand)"),
                Tool.ERASER: self.tr("Eraser: removes pen strokes"), Tool.NOTE: self.tr("Sticky note"),
                Tool.TEXTBOX: self.tr("Text box"), Tool.RECT: self.tr("Rectangle")}
        icons = {Tool.INK: "pen"}
        for tool, tip in tips.items():
            action = self.addAction(icon(icons.get(tool, str(tool))), tip)
            action.setToolTip(tip)
            action.setCheckable(True)
            action.setData(str(tool))
            self.tools.addAction(action)
            self.tool_actions[tool] = action
            if tool in (Tool.SELECT, Tool.ERASER, Tool.RECT):
                self.addSeparator()
        self.tools.triggered.connect(self._tool_triggered)
        self.color = COLORS[0][0]
        self.color_button = QToolButton()
        self.color_button.setObjectName("annotationColor")
        self.color_button.setToolTip(self.tr("Colour"))
        self.color_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        colors = QMenu(self.color_button)
        names = {"Yellow": self.tr("Yellow"), "Green": self.tr("Green"), "Blue": self.tr("Blue"),
                 "Red": self.tr("Red"), "Purple": self.tr("Purple"), "Black": self.tr("Black")}
        for value, name in COLORS:
            colors.addAction(swatch(value), names[name]).triggered.connect(
                lambda _=False, v=value: self.set_color(v, emit=True))
        self.color_button.setMenu(colors)
        self.addWidget(self.color_button)
        self.pen_width = WIDTHS[1]
        self.width_button = QToolButton()
        self.width_button.setObjectName("annotationWidth")
        self.width_button.setToolTip(self.tr("Line width"))
        self.width_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        widths = QMenu(self.width_button)
        for pen in WIDTHS:
            widths.addAction(line_icon(pen), f"{pen:g} pt").triggered.connect(
                lambda _=False, v=pen: self.set_width(v, emit=True))
        self.width_button.setMenu(widths)
        self.addWidget(self.width_button)
        self.addSeparator()
        self.undo_action = self._action("undo", self.tr("Undo (Ctrl+Z)"))
        self.redo_action = self._action("redo", self.tr("Redo (Ctrl+Shift+Z)"))
        self.delete_action = self._action("remove", self.tr("Delete the selected annotation (Del)"))
        self.share_action = self._action("share", self.tr("Share with the meeting"), checkable=True)
        self.addSeparator()
        self.others_action = self._action("eye", self.tr("Show others' shared annotations"), checkable=True)
        self.others_action.setChecked(True)
        # Shown only while a new version left some of mine behind (see ``orphans``).
        self.orphans_action = self._action("warning", self.tr("Not carried over"))
        self.orphans_action.setVisible(False)
        self.export_action = self._action("export", self.tr("Export…"))
        export_button = self.widgetForAction(self.export_action)
        if isinstance(export_button, QToolButton):
            export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self)
        self.export_pdf_action = self.export_menu.addAction(
            self.tr("The document with my annotations (PDF)…"))
        self.export_notes_action = self.export_menu.addAction(self.tr("My notes (Markdown)…"))
        self.export_notes_pdf_action = self.export_menu.addAction(self.tr("My notes (PDF)…"))
        self.export_comments_action = self.export_menu.addAction(self.tr("Comment summary (CSV)…"))
        self.export_comments_pdf_action = self.export_menu.addAction(self.tr("Comment summary (PDF)…"))
        self.export_action.setMenu(self.export_menu)
        spacer = Spacer()
        spacer.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.addWidget(spacer)
        self.status = QLabel()
        self.status.setObjectName("annotationStatus")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_action = self.addWidget(self.status)
        self.status_action.setVisible(False)
        self.set_color(self.color)
        self.set_width(self.pen_width)
        self.show_selection(None, False, False)

    def _action(self, icon_name: str, tip: str, checkable: bool = False) -> QAction:
        action = self.addAction(icon(icon_name), tip)
        action.setToolTip(tip)
        action.setCheckable(checkable)
        return action

    @property
    def tool(self) -> Tool:
        checked = self.tools.checkedAction()
        return Tool(checked.data()) if checked is not None else Tool.BROWSE

    def set_tool(self, tool: Tool) -> None:
        for value, action in self.tool_actions.items():
            action.setChecked(value == tool)

    def _tool_triggered(self, _action: QAction) -> None:
        self.tool_chosen.emit(str(self.tool))

    def set_color(self, color: str, emit: bool = False) -> None:
        self.color = color
        self.color_button.setIcon(swatch(color))
        if emit:
            self.color_chosen.emit(color)

    def set_width(self, width: float, emit: bool = False) -> None:
        self.pen_width = width
        self.width_button.setIcon(line_icon(width))
        self.width_button.setToolTip(self.tr("Line width: {width} pt").format(width=f"{width:g}"))
        if emit:
            self.width_chosen.emit(width)

    def show_selection(self, annotation_kind: str | None, mine: bool, shared: bool) -> None:
        """Enable what applies to the selected annotation (None: nothing selected)."""
        self.delete_action.setEnabled(annotation_kind is not None and mine)
        self.share_action.setEnabled(annotation_kind is not None and mine)
        self.share_action.setChecked(shared)

    def show_orphans(self, count: int) -> None:
        """How many of my annotations a new version could not carry over (0: the button hides)."""
        text = self.tr("Not carried over ({n}): annotations left on the previous version").format(n=count)
        self.orphans_action.setText(text)
        self.orphans_action.setToolTip(text)
        self.orphans_action.setIcon(badged(icon("warning"), count) if count else icon("warning"))
        self.orphans_action.setVisible(count > 0)

    def show_status(self, unsent: int, text: str) -> None:
        """How many changes wait to be sent (0: none) and the sentence that says so."""
        self.status.setText(f"⇡{unsent}" if unsent else "")
        self.status.setToolTip(text)
        self.status_action.setVisible(bool(unsent))
