"""The options part of the poll dialog: the standard Vietnamese options, or one's own list
(each with a "takes a comment" flag)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meeting_app.ui.widgets import tool_button

DEFAULT_OPTIONS = (("Tán thành", False), ("Không tán thành", False), ("Ý kiến khác", True))
"""The server's options when none are given: for, against, another opinion (with a comment)."""


def is_default(options: list[dict[str, Any]]) -> bool:
    """Whether a poll's options are the standard ones."""
    return [(o["text"], bool(o.get("comment"))) for o in options] == list(DEFAULT_OPTIONS)


class OptionsEditor(QWidget):
    """Standard options, or a table of own options."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.default_radio = QRadioButton(self.tr("Standard: {options}").format(
            options=" · ".join(text for text, _ in DEFAULT_OPTIONS)))
        self.default_radio.setToolTip(self.tr("“Ý kiến khác” (another opinion) takes a comment."))
        self.custom_radio = QRadioButton(self.tr("Own options (the first one is the motion's “yes”)"))
        self.default_radio.setChecked(True)
        self.setFocusProxy(self.default_radio)  # where the "Options" label's mnemonic leads
        layout.addWidget(self.default_radio)
        layout.addWidget(self.custom_radio)
        self.table = QTableWidget(0, 2)
        self.table.setAccessibleName(self.tr("Options"))
        self.table.setHorizontalHeaderLabels([self.tr("Option"), self.tr("Takes a comment")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(150)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.add_button = tool_button(self.tr("Add option"), "add")
        self.remove_button = tool_button(self.tr("Remove"), "remove")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.custom_box = QWidget()
        box = QVBoxLayout(self.custom_box)
        box.setContentsMargins(22, 0, 0, 0)
        box.addWidget(self.table)
        box.addLayout(buttons)
        layout.addWidget(self.custom_box)
        self.add_button.clicked.connect(lambda: self.add_option("", False, edit=True))
        self.remove_button.clicked.connect(self._remove)
        self.custom_radio.toggled.connect(self._mode)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        for text, comment in DEFAULT_OPTIONS:
            self.add_option(text, comment)
        self._mode()

    def _mode(self, *_args: Any) -> None:
        self.custom_box.setVisible(self.custom_radio.isChecked())
        self.changed.emit()

    def add_option(self, text: str, comment: bool, edit: bool = False) -> None:
        """Append a row to the own options."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(text))
        flag = QTableWidgetItem()
        flag.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        flag.setCheckState(Qt.CheckState.Checked if comment else Qt.CheckState.Unchecked)
        self.table.setItem(row, 1, flag)
        if edit:
            self.table.setCurrentCell(row, 0)
            item = self.table.item(row, 0)
            if item is not None:
                self.table.editItem(item)
        self.changed.emit()

    def _remove(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        self.changed.emit()

    def set_options(self, options: list[dict[str, Any]]) -> None:
        """Show a poll's options (standard ones select the standard choice)."""
        self.table.setRowCount(0)
        for option in options:
            self.add_option(str(option["text"]), bool(option.get("comment")))
        (self.default_radio if is_default(options) else self.custom_radio).setChecked(True)

    @property
    def custom(self) -> bool:
        return self.custom_radio.isChecked()

    def options(self) -> list[dict[str, Any]]:
        """The own options (empty rows left out)."""
        result = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            text = item.text().strip() if item is not None else ""
            flag = self.table.item(row, 1)
            if text:
                result.append({"text": text,
                               "comment": flag is not None and flag.checkState() == Qt.CheckState.Checked})
        return result

    def count(self) -> int:
        """How many options a ballot offers."""
        return len(self.options()) if self.custom else len(DEFAULT_OPTIONS)
