"""Notices: small, non-blocking messages in a window's top-right corner.

A notice never takes the keyboard focus and never waits for an answer: it stacks under
the ones already shown, hides by itself after a few seconds, and clicking it does what it
announces (open the ballot, the document, follow the presenter) and closes it. A notice
given a ``key`` replaces the one shown with the same key (the presenter moving page after
page gives one notice, kept up to date).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from meeting_app.ui.resources import icon

SHOWN_MS = 6000
"""How long a notice stays when nobody touches it."""
MAX_SHOWN = 4
"""At most this many notices at once: the oldest goes first."""
MARGIN = 12


class Notice(QFrame):
    """One notice: an icon, a text, a hint of what a click does."""

    clicked = Signal()
    dismissed = Signal()

    def __init__(self, text: str, icon_name: str, action_text: str, key: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("notice")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.glyph = QLabel()
        self.glyph.setPixmap(icon(icon_name, "on_toast").pixmap(QSize(22, 22)))
        self.text = QLabel(text)
        self.text.setObjectName("noticeText")
        self.text.setWordWrap(True)
        self.hint = QLabel(action_text)
        self.hint.setObjectName("noticeHint")
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(self.text)
        column.addWidget(self.hint)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 10, 14, 10)
        row.setSpacing(10)
        row.addWidget(self.glyph, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(column, 1)
        self.setFixedWidth(320)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.dismissed.emit)

    def update_text(self, text: str) -> None:
        """Change the text (a newer state of the same thing) and show it for longer."""
        self.text.setText(text)
        self.timer.start()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A click (or tap) does the notice's action."""
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class NoticeArea(QWidget):
    """The stack of notices over ``host``'s top-right corner, following its size."""

    shown = Signal(str)
    """The key of a notice just shown (for the optional sound)."""

    def __init__(self, host: QWidget, shown_ms: int = SHOWN_MS,
                 below: QWidget | None = None) -> None:
        """``below``: a widget of ``host`` the notices must not cover (the header)."""
        super().__init__(host)
        self.setObjectName("noticeArea")
        self.host, self.shown_ms, self.below = host, shown_ms, below
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        self.notices: list[Notice] = []
        self._actions: dict[int, Callable[[], None]] = {}
        host.installEventFilter(self)
        self.hide()

    def notify(self, text: str, icon_name: str = "info", action: Callable[[], None] | None = None,
               action_text: str = "", key: str = "") -> Notice:
        """Show a notice; clicking it calls ``action`` and closes it."""
        notice = next((n for n in self.notices if key and n.key == key), None)
        if notice is not None:
            notice.update_text(text)
            if action is not None:
                self._actions[id(notice)] = action
            return notice
        notice = Notice(text, icon_name, action_text, key, self)
        if action is not None:
            self._actions[id(notice)] = action
        notice.clicked.connect(lambda n=notice: self._clicked(n))
        notice.dismissed.connect(lambda n=notice: self.dismiss(n))
        notice.timer.setInterval(self.shown_ms)
        self.notices.append(notice)
        self._layout.addWidget(notice)
        notice.show()  # now, not queued: the area's size counts it
        while len(self.notices) > MAX_SHOWN:
            self.dismiss(self.notices[0])
        notice.timer.start()
        self.show()
        self._place()
        self.raise_()
        self.shown.emit(key)
        return notice

    def dismiss(self, notice: Notice) -> None:
        """Take a notice away."""
        if notice not in self.notices:
            return
        self.notices.remove(notice)
        self._actions.pop(id(notice), None)
        notice.timer.stop()
        notice.hide()
        self._layout.removeWidget(notice)
        notice.deleteLater()
        self._place()
        if not self.notices:
            self.hide()

    def _clicked(self, notice: Notice) -> None:
        action = self._actions.get(id(notice))
        self.dismiss(notice)
        if action is not None:
            action()

    def texts(self) -> list[str]:
        """The texts shown, oldest first (what a reader of the screen sees)."""
        return [n.text.text() for n in self.notices]

    def _place(self) -> None:
        # Only as large as the notices: the rest of the window stays clickable.
        width = self.sizeHint().width()
        # Wrapped texts: the height for that width, not the one-line hint.
        height = self._layout.totalHeightForWidth(width) if self._layout.hasHeightForWidth() \
            else self.sizeHint().height()
        self.setGeometry(self.host.width() - width - MARGIN, MARGIN + self._top(), width,
                         max(height, self.sizeHint().height()))
        self._layout.activate()  # place the notices now, not at the next event

    def _top(self) -> int:
        """Below ``below`` if given, else below the host's menu bar, if it has one."""
        if self.below is not None and self.below.isVisible():
            return self.below.mapTo(self.host, self.below.rect().bottomLeft()).y()
        menu = getattr(self.host, "menuWidget", None)
        widget = menu() if callable(menu) else None
        return widget.height() if widget is not None and widget.isVisible() else 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keep to the corner when the host resizes."""
        if watched is self.host and event.type() == QEvent.Type.Resize and self.notices:
            self._place()
        return False
