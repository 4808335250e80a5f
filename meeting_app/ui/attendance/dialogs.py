"""Dialogs of the attendance panel: an absence's reason, and choosing a proxy."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from protocol.roles import Attendance, MeetingRole

REASON_PRESETS = ("Công tác", "Ốm", "Việc gia đình")
"""Common reasons, written as they go into the (Vietnamese) minutes."""
OTHER = "__other__"


class ReasonDialog(QDialog):
    """Mark someone absent or excused, with a reason chosen or written."""

    def __init__(self, status: str, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.setWindowTitle(self.tr("Excused absence") if status == Attendance.EXCUSED
                            else self.tr("Absence"))
        who = names[0] if len(names) == 1 else self.tr("{n} participants").format(n=len(names))
        heading = (self.tr("Mark {who} as excused (absent with leave).") if status == Attendance.EXCUSED
                   else self.tr("Mark {who} as absent.")).format(who=who)
        self.heading = QLabel(heading)
        self.heading.setWordWrap(True)
        self.preset = QComboBox()
        for reason in REASON_PRESETS:
            self.preset.addItem(reason, reason)
        self.preset.addItem(self.tr("Other reason (Lý do khác)…"), OTHER)
        if status == Attendance.ABSENT:
            self.preset.insertItem(0, self.tr("No reason given"), "")
            self.preset.setCurrentIndex(0)
        self.other = QLineEdit()
        self.other.setPlaceholderText(self.tr("Write the reason"))
        self.other.setMaxLength(300)
        form = QFormLayout()
        form.addRow(self.tr("&Reason"), self.preset)
        form.addRow("", self.other)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.preset.currentIndexChanged.connect(self._update)
        self.other.textChanged.connect(self._update)
        self.resize(420, self.sizeHint().height())
        self._update()
        self.preset.setFocus()

    def _update(self, *_args: Any) -> None:
        other = self.preset.currentData() == OTHER
        self.other.setVisible(other)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not other or bool(self.other.text().strip()))

    def choose(self, reason: str) -> None:
        """Pick a preset reason, or write ``reason`` as another one."""
        index = self.preset.findData(reason)
        if index >= 0:
            self.preset.setCurrentIndex(index)
        else:
            self.preset.setCurrentIndex(self.preset.findData(OTHER))
            self.other.setText(reason)

    @property
    def reason(self) -> str | None:
        """The reason to record (None: no reason)."""
        data = self.preset.currentData()
        text = self.other.text().strip() if data == OTHER else str(data or "")
        return text or None


class ProxyDialog(QDialog):
    """Choose who represents a member (ủy quyền), or nobody.

    The member chooses for themself; the chair chooses for a member only from the member's
    written authorisation (``on_behalf``), whose number and date are then required."""

    def __init__(self, member: dict[str, Any], candidates: list[dict[str, Any]],
                 parent: QWidget | None = None, on_behalf: bool = False) -> None:
        super().__init__(parent)
        self.on_behalf = on_behalf
        self.setWindowTitle(self.tr("Represented by (proxy)"))
        if on_behalf:
            question = self.tr("Who represents {name} at this meeting, by their written "
                               "authorisation? A proxy counts the member as present for the "
                               "quorum while the proxy is present, and votes for them.")
        else:
            question = self.tr("Who represents you at this meeting? A proxy counts you as "
                               "present for the quorum while the proxy is present, and votes "
                               "for you; you are told when they do.")
        text = QLabel(question.format(name=member["full_name"]))
        text.setWordWrap(True)
        self.combo = QComboBox()
        self.combo.addItem(self.tr("Nobody (no proxy)"), None)
        for person in candidates:
            self.combo.addItem(person["full_name"], person["user_id"])
        current = self.combo.findData(member.get("proxy_id"))
        self.combo.setCurrentIndex(max(0, current))
        self.authorisation = QLineEdit()
        self.authorisation.setMaxLength(300)
        self.authorisation.setPlaceholderText(self.tr("e.g. Giấy ủy quyền số 12/GUQ, 05/12/2026"))
        self.authorisation_label = QLabel(self.tr("&Written authorisation (number, date)"))
        self.authorisation_label.setBuddy(self.authorisation)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        text.setBuddy(self.combo)
        layout.addWidget(text)
        layout.addWidget(self.combo)
        layout.addWidget(self.authorisation_label)
        layout.addWidget(self.authorisation)
        layout.addWidget(self.buttons)
        for widget in (self.authorisation_label, self.authorisation):
            widget.setVisible(on_behalf)
        self.combo.currentIndexChanged.connect(self._update)
        self.authorisation.textChanged.connect(self._update)
        self._update()
        self.resize(460, self.sizeHint().height())
        self.combo.setFocus()

    def _update(self, *_args: Any) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not self.on_behalf or self.proxy_id is None or bool(self.authorisation_text))

    def choose(self, user_id: int | None) -> None:
        """Select a candidate (None: no proxy)."""
        self.combo.setCurrentIndex(max(0, self.combo.findData(user_id)))

    @property
    def proxy_id(self) -> int | None:
        """The chosen proxy's user id, or None to clear."""
        data = self.combo.currentData()
        return int(data) if data is not None else None

    @property
    def authorisation_text(self) -> str | None:
        """The written authorisation cited (None: none)."""
        return self.authorisation.text().strip() or None


def proxy_candidates(member: dict[str, Any], people: list[dict[str, Any]],
                     me: int | None = None) -> list[dict[str, Any]]:
    """Who may represent ``member``: another participant with a voice (not an observer)
    who is not represented themselves (no chains), and never ``me`` when I name the proxy
    for someone else (a proxy is never named by the proxy)."""
    return [p for p in people if p["user_id"] != member["user_id"] and p["role"] != MeetingRole.OBSERVER
            and not p.get("proxy_id") and (me is None or p["user_id"] != me)]
