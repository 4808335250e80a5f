"""The users table of the administration window: the answer of ``user.list`` for admins."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from meeting_app.state.models import local_time_text
from meeting_app.ui.theme import color

Index = QModelIndex | QPersistentModelIndex


translate = QCoreApplication.translate
"""``translate(context, text)``: the form the translation tools find."""


def roles_text(user: dict[str, Any]) -> str:
    """A user's global roles in words."""
    roles = [translate("users", "Administrator")] if user.get("is_admin") else []
    if user.get("is_organizer"):
        roles.append(translate("users", "Organizer"))
    return ", ".join(roles)


class UsersModel(QAbstractTableModel):
    """Users with their roles, state and last login; deactivated ones greyed."""

    UserRole = Qt.ItemDataRole.UserRole + 1
    COLUMNS = ("username", "full_name", "roles", "status", "last_login")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._users: list[dict[str, Any]] = []

    def set_users(self, users: list[dict[str, Any]]) -> None:
        """Show these users (in the server's order: by full name)."""
        self.beginResetModel()
        self._users = [dict(u) for u in users]
        self.endResetModel()

    def user(self, row: int) -> dict[str, Any]:
        """The user shown on ``row``."""
        return self._users[row]

    def row_of(self, user_id: int) -> int | None:
        """The row of a user, or None when not shown."""
        return next((r for r, u in enumerate(self._users) if u.get("id") == user_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._users)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [translate("users", "Username"), translate("users", "Full name"),
                translate("users", "Global roles"), translate("users", "Status"),
                translate("users", "Last sign-in")][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        user = self._users[index.row()]
        column = self.COLUMNS[index.column()]
        if role == self.UserRole:
            return user
        if role == Qt.ItemDataRole.ForegroundRole and not user.get("active", True):
            return color("disabled_text")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == "roles":
            return roles_text(user)
        if column == "status":
            if not user.get("active", True):
                return translate("users", "Deactivated")
            if user.get("must_change_password"):
                return translate("users", "Must change password")
            return translate("users", "Active")
        if column == "last_login":
            return local_time_text(user.get("last_login")) or translate("users", "Never")
        return str(user.get(column) or "")
