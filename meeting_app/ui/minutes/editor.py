"""A small rich-text editor that reads and writes Markdown.

The minutes only need what a secretary types during a meeting: paragraphs, **bold**,
*italic*, bullet and numbered lists. ``QTextEdit`` edits them; ``toMarkdown()`` and
``setMarkdown()`` carry them to and from the wire, where the server renders the same
Markdown into the PDF and DOCX.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QTextCharFormat, QTextDocument, QTextListFormat
from PySide6.QtWidgets import QHBoxLayout, QTextEdit, QToolButton, QVBoxLayout, QWidget

from meeting_app.ui.resources import icon

MARKDOWN = QTextDocument.MarkdownFeature.MarkdownDialectCommonMark


class MarkdownEditor(QWidget):
    """A ``QTextEdit`` with a tool row (bold, italic, bullet list, numbered list)."""

    edited = Signal()
    """The user changed the text (not ``set_markdown``)."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text_edit = QTextEdit()
        self.text_edit.setAcceptRichText(False)  # pasted text comes in plain: no stray styles
        # Tab goes on to the next control: otherwise a keyboard user is stuck in the text
        # (Qt's text edit keeps Ctrl+Tab too). Minutes have no use for tab characters.
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText(placeholder)
        self.text_edit.setAccessibleName(placeholder.rstrip("…"))
        self.text_edit.setObjectName("conclusionText")
        self.text_edit.document().setDocumentMargin(8)
        # Two lines at least (Qt's default minimum is taller): the minutes tab fits a
        # 1280x800 screen in touch mode; the splitter gives the text the room there is.
        self.text_edit.setMinimumHeight(40)
        self._loading = False
        self.tools = QWidget()
        row = QHBoxLayout(self.tools)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.bold_action = self._action("format-bold", self.tr("Bold"), QKeySequence.StandardKey.Bold,
                                        self._toggle_bold, row)
        self.italic_action = self._action("format-italic", self.tr("Italic"),
                                          QKeySequence.StandardKey.Italic, self._toggle_italic, row)
        self.bullet_action = self._action(
            "list-bullet", self.tr("Bullet list"), None,
            lambda on: self._toggle_list(on, QTextListFormat.Style.ListDisc), row)
        self.numbered_action = self._action(
            "list-numbered", self.tr("Numbered list"), None,
            lambda on: self._toggle_list(on, QTextListFormat.Style.ListDecimal), row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.tools)
        layout.addWidget(self.text_edit, 1)
        self.text_edit.textChanged.connect(self._changed)
        self.text_edit.cursorPositionChanged.connect(self._show_format)
        self.text_edit.currentCharFormatChanged.connect(lambda _f: self._show_format())

    def _action(self, icon_name: str, text: str, keys: QKeySequence.StandardKey | None,
                slot: object, row: QHBoxLayout) -> QAction:
        action = QAction(icon(icon_name), text, self)
        action.setCheckable(True)
        if keys is not None:
            action.setShortcut(keys)
            text = f"{text} ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})"
        action.setToolTip(text)
        action.triggered.connect(slot)
        button = QToolButton()
        button.setDefaultAction(action)
        button.setIconSize(QSize(16, 16))
        button.setAutoRaise(True)
        button.setObjectName("formatButton")
        row.addWidget(button)
        self.text_edit.addAction(action)
        return action

    # --- content -------------------------------------------------------------------------

    def markdown(self) -> str:
        """The text as Markdown (trailing blank lines removed)."""
        return self.text_edit.document().toMarkdown(MARKDOWN).rstrip() if \
            self.text_edit.document().toPlainText().strip() else ""

    def set_markdown(self, text: str) -> None:
        """Show ``text`` (Markdown) without reporting it as an edit; keeps the cursor near."""
        self._loading = True
        try:
            position = self.text_edit.textCursor().position()
            self.text_edit.document().setMarkdown(text, MARKDOWN)
            cursor = self.text_edit.textCursor()
            cursor.setPosition(min(position, max(0, self.text_edit.document().characterCount() - 1)))
            self.text_edit.setTextCursor(cursor)
        finally:
            self._loading = False
        self._show_format()

    def set_read_only(self, read_only: bool) -> None:
        """Read-only: no tool row, no cursor; the text stays selectable."""
        self.text_edit.setReadOnly(read_only)
        self.tools.setVisible(not read_only)

    def _changed(self) -> None:
        if not self._loading and not self.text_edit.isReadOnly():
            self.edited.emit()

    # --- formatting ----------------------------------------------------------------------

    def _merge(self, char_format: QTextCharFormat) -> None:
        cursor = self.text_edit.textCursor()
        if not cursor.hasSelection():
            cursor.select(cursor.SelectionType.WordUnderCursor)
        cursor.mergeCharFormat(char_format)
        self.text_edit.mergeCurrentCharFormat(char_format)

    def _toggle_bold(self, on: bool) -> None:
        char_format = QTextCharFormat()
        char_format.setFontWeight(QFont.Weight.Bold if on else QFont.Weight.Normal)
        self._merge(char_format)

    def _toggle_italic(self, on: bool) -> None:
        char_format = QTextCharFormat()
        char_format.setFontItalic(on)
        self._merge(char_format)

    def _toggle_list(self, on: bool, style: QTextListFormat.Style) -> None:
        cursor = self.text_edit.textCursor()
        cursor.beginEditBlock()
        current = cursor.currentList()
        if on:
            list_format = QTextListFormat()
            list_format.setStyle(style)
            if current is not None:
                current.setFormat(list_format)
            else:
                cursor.createList(list_format)
        elif current is not None:
            # Out of the list: the paragraph stays, without its bullet or number.
            block = cursor.block()
            current.remove(block)
            block_format = cursor.blockFormat()
            block_format.setIndent(0)
            cursor.setBlockFormat(block_format)
        cursor.endEditBlock()
        self._show_format()

    def _show_format(self) -> None:
        cursor = self.text_edit.textCursor()
        char_format = cursor.charFormat()
        self.bold_action.setChecked(char_format.fontWeight() >= QFont.Weight.Bold)
        self.italic_action.setChecked(char_format.fontItalic())
        current = cursor.currentList()
        style = current.format().style() if current is not None else None
        self.bullet_action.setChecked(style == QTextListFormat.Style.ListDisc)
        self.numbered_action.setChecked(style == QTextListFormat.Style.ListDecimal)
