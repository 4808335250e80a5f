"""Touch for the page view: a finger drags the pages (kinetic, through ``QScroller``), a
pinch zooms around its centre, a swipe turns the page.

The gesture handlers take plain values, so tests (and any other input source) can drive
them without a touch screen; ``event`` unpacks real ``QGestureEvent``s into them.
"""

from __future__ import annotations

from typing import Literal, Protocol

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtWidgets import QGesture, QGestureEvent, QPinchGesture, QScroller, QSwipeGesture, QWidget

SwipeDirection = Literal["left", "right", "up", "down"]


class Zoomable(Protocol):
    """What the touch handler needs of the view."""

    @property
    def zoom(self) -> float: ...
    @property
    def current_page(self) -> int: ...
    def zoom_at(self, zoom: float, point: QPointF) -> None: ...
    def go_to_page(self, index: int, user: bool = False) -> None: ...


class TouchHandler:
    """Gestures on ``surface`` (the view's viewport) turned into zoom and page changes."""

    def __init__(self, view: Zoomable, surface: QWidget) -> None:
        self.view = view
        self._pinch_start: float | None = None
        surface.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        surface.grabGesture(Qt.GestureType.PinchGesture)
        surface.grabGesture(Qt.GestureType.SwipeGesture)
        QScroller.grabGesture(surface, QScroller.ScrollerGestureType.TouchGesture)

    def event(self, event: QEvent) -> bool:
        """Handle a gesture event; False for any other event."""
        if event.type() != QEvent.Type.Gesture or not isinstance(event, QGestureEvent):
            return False
        handled = False
        for gesture in event.gestures():
            if isinstance(gesture, QPinchGesture):
                finished = gesture.state() in (Qt.GestureState.GestureFinished,
                                               Qt.GestureState.GestureCanceled)
                self.pinch(gesture.totalScaleFactor(), gesture.centerPoint(), finished)
            elif isinstance(gesture, QSwipeGesture):
                if gesture.state() == Qt.GestureState.GestureFinished:
                    self.swipe(_direction(gesture))
            else:
                continue
            event.accept(gesture)
            handled = True
        return handled

    def pinch(self, total_scale: float, center: QPointF, finished: bool = False) -> None:
        """Zoom to (zoom when the pinch began) x ``total_scale``, around ``center``."""
        if self._pinch_start is None:
            self._pinch_start = self.view.zoom
        self.view.zoom_at(self._pinch_start * total_scale, center)
        if finished:
            self._pinch_start = None

    def swipe(self, direction: SwipeDirection) -> None:
        """Next page for a swipe left or up, previous for right or down."""
        step = 1 if direction in ("left", "up") else -1
        self.view.go_to_page(self.view.current_page + step, user=True)


def _direction(gesture: QGesture) -> SwipeDirection:
    assert isinstance(gesture, QSwipeGesture)
    horizontal = gesture.horizontalDirection()
    if horizontal == QSwipeGesture.SwipeDirection.Left:
        return "left"
    if horizontal == QSwipeGesture.SwipeDirection.Right:
        return "right"
    return "up" if gesture.verticalDirection() == QSwipeGesture.SwipeDirection.Up else "down"
