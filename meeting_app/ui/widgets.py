"""Small widgets shared by the windows: badges, panels, the message bar, the connection
indicator."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from meeting_app.net.status import ConnectionStatus
from meeting_app.ui.resources import icon
from protocol.roles import MeetingStatus


def restyle(widget: QWidget) -> None:
    """Apply the style sheet again after a dynamic property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class Badge(QLabel):
    """A rounded label coloured by its ``tone`` (see ``app.qss``)."""

    def __init__(self, text: str = "", tone: str = MeetingStatus.SCHEDULED,
                 parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setProperty("badge", True)
        self.set_tone(tone)

    def set_tone(self, tone: str) -> None:
        """Change the colour (a ``tone`` of the style sheet)."""
        if self.property("tone") != tone:
            self.setProperty("tone", tone)
            restyle(self)


class Panel(QFrame):
    """A white rounded card with a title line; ``body`` is its vertical layout."""

    def __init__(self, title: str, icon_name: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(12, 10, 12, 12)
        self.body.setSpacing(8)
        self.title_row = QHBoxLayout()
        if icon_name:
            glyph = QLabel()
            glyph.setPixmap(icon(icon_name).pixmap(QSize(18, 18)))
            self.title_row.addWidget(glyph)
        self.title = QLabel(title)
        self.title.setObjectName("panelTitle")
        self.title_row.addWidget(self.title, 1)
        self.body.addLayout(self.title_row)


def tool_button(text: str, icon_name: str, tooltip: str = "",
                parent: QWidget | None = None) -> QPushButton:
    """A push button with an icon, the house style for actions in panels."""
    button = QPushButton(icon(icon_name), text, parent)
    button.setIconSize(QSize(18, 18))
    if tooltip:
        button.setToolTip(tooltip)
        if not text:  # an icon alone: a screen reader says what the tooltip says
            button.setAccessibleName(tooltip)
    if not text:
        button.setProperty("iconOnly", True)  # less padding beside the icon (app.qss)
    return button


class MessageBar(QFrame):
    """An inline, non-blocking message (a refused command, a lost connection).

    It hides itself after a while; it never takes the focus or waits for a click.
    """

    SHOW_MS = 10_000

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        self._glyph = QLabel()
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setIcon(icon("close"))
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Dismiss"))
        close.clicked.connect(self.hide)
        layout.addWidget(self._glyph)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self._timer = QTimer(self, singleShot=True, interval=self.SHOW_MS)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_message(self, text: str, tone: str = "error") -> None:
        """Show ``text``; tone ``"error"`` (red) or ``"info"`` (blue)."""
        self.setProperty("tone", tone)
        restyle(self)
        name, colour = ("warning", "danger") if tone == "error" else ("info", None)
        self._glyph.setPixmap(icon(name, colour).pixmap(QSize(18, 18)))
        self.label.setText(text)
        self.show()
        self._timer.start()

    @property
    def text(self) -> str:
        """The message shown (or last shown)."""
        return self.label.text()


class ConnectionIndicator(Badge):
    """The connection state, always visible: connected, reconnecting or offline."""

    def __init__(self, connection: QObject, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.status = ""
        connection.status_changed.connect(self.show_status)  # type: ignore[attr-defined]
        self.show_status(str(getattr(connection, "status", ConnectionStatus.CONNECTING)))

    def show_status(self, status: str) -> None:
        """Show a ``ConnectionStatus`` value."""
        labels: dict[str, str] = {ConnectionStatus.CONNECTED: self.tr("● Connected"),
                                  ConnectionStatus.CONNECTING: self.tr("● Connecting…"),
                                  ConnectionStatus.RECONNECTING: self.tr("● Reconnecting…"),
                                  ConnectionStatus.OFFLINE: self.tr("● Offline")}
        tips: dict[str, str] = {
            ConnectionStatus.CONNECTED: self.tr("Live: changes arrive as they happen"),
            ConnectionStatus.RECONNECTING: self.tr("Connection lost; showing the last known state"),
            ConnectionStatus.OFFLINE: self.tr("No connection to the server; showing the last known state")}
        self.status = status
        self.setText(labels.get(status, status))
        self.setToolTip(tips.get(status, ""))
        self.set_tone(status if status in labels else ConnectionStatus.OFFLINE)


class Spacer(QWidget):
    """A widget that takes the free room in a tool bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)


def ask(parent: QWidget, title: str, text: str, on_yes: Callable[[], object],
        yes_text: str = "") -> QMessageBox:
    """A window-modal yes/no question that does not block the event loop."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, parent)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    if yes_text:
        box.button(QMessageBox.StandardButton.Yes).setText(yes_text)

    def clicked(button: QAbstractButton) -> None:
        if box.standardButton(button) == QMessageBox.StandardButton.Yes:
            on_yes()

    box.buttonClicked.connect(clicked)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
