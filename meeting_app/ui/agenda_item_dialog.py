"""The small form that adds or edits one agenda item."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


class AgendaItemDialog(QDialog):
    """Title, presenter and planned duration of an agenda item.

    Opened with ``open()`` (window-modal, the event loop keeps running); read ``changes()``
    when ``accepted`` fires.
    """

    def __init__(self, item: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._item = item or {}
        self.setWindowTitle(self.tr("Edit agenda item") if item else self.tr("New agenda item"))
        self.setMinimumWidth(460)
        form = QFormLayout()
        self.title_edit = QLineEdit(self._item.get("title", ""))
        self.title_edit.setPlaceholderText(self.tr("e.g. Báo cáo tổng kết năm"))
        self.title_edit.setMaxLength(300)
        self.presenter_edit = QLineEdit(self._item.get("presenter") or "")
        self.presenter_edit.setPlaceholderText(self.tr("Who presents it (optional)"))
        self.duration = QSpinBox()
        self.duration.setRange(0, 24 * 60)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setSpecialValueText(self.tr("not planned"))
        self.duration.setValue(self._item.get("duration_min") or 0)
        form.addRow(self.tr("&Title"), self.title_edit)
        form.addRow(self.tr("&Presenter"), self.presenter_edit)
        form.addRow(self.tr("Planned &duration"), self.duration)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.title_edit.textChanged.connect(self._validate)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._validate()
        self.title_edit.setFocus()  # Enter (OK) and Escape (Cancel) work from any field

    def _validate(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.title_edit.text().strip()))

    def values(self) -> dict[str, Any]:
        """Every field, as ``agenda.add_item`` takes them."""
        values: dict[str, Any] = {"title": self.title_edit.text().strip()}
        if self.presenter_edit.text().strip():
            values["presenter"] = self.presenter_edit.text().strip()
        if self.duration.value():
            values["duration_min"] = self.duration.value()
        return values

    def changes(self) -> dict[str, Any]:
        """Only the fields that differ from the item (for ``agenda.update_item``)."""
        new = {"title": self.title_edit.text().strip(),
               "presenter": self.presenter_edit.text().strip(),
               "duration_min": self.duration.value()}
        old = {"title": self._item.get("title", ""), "presenter": self._item.get("presenter") or "",
               "duration_min": self._item.get("duration_min") or 0}
        return {key: value for key, value in new.items() if value != old[key]}
