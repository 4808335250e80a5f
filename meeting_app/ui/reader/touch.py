"""Touch for the page view: a finger drags the pages (kinetic, through ``QScroller``), a
pinch zooms around its centre, a swipe turns the page.

The gesture handlers take plain values, so tests (and any other input source) can drive
them without a touch screen; ``event`` unpacks real ``QGestureEvent``s into them, and reads
raw touch events too: two fingers moving apart or together pinch, and a quick one-finger
flick sideways turns the page when the page fits the width (Qt's own swipe gesture wants
three fingers, and nobody turns a page of paper with three).
"""

from __future__ import annotations

import time
from typing import Literal, Protocol

from PySide6.QtCore import QEvent, QLineF, QPointF, Qt
from PySide6.QtGui import QTouchEvent
from PySide6.QtWidgets import QGesture, QGestureEvent, QPinchGesture, QScroller, QSwipeGesture, QWidget

SwipeDirection = Literal["left", "right", "up", "down"]
FLICK_PX = 80
"""How far a finger must travel sideways, mostly horizontally, to turn a page..."""
FLICK_SECONDS = 0.5
"""...and how fast."""
_TOUCH_EVENTS = (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
                 QEvent.Type.TouchCancel)


class Zoomable(Protocol):
    """What the touch handler needs of the view."""

    @property
    def zoom(self) -> float: ...
    @property
    def current_page(self) -> int: ...
    def zoom_at(self, zoom: float, point: QPointF) -> None: ...
    def go_to_page(self, index: int, user: bool = False) -> None: ...
    def can_scroll_sideways(self) -> bool: ...


class TouchHandler:
    """Gestures on ``surface`` (the view's viewport) turned into zoom and page changes."""

    def __init__(self, view: Zoomable, surface: QWidget) -> None:
        self.view = view
        self._pinch_start: float | None = None
        self._fingers: tuple[float, QLineF] | None = None
        """A two-finger pinch under way: its first span's length, and the span."""
        self._flick: tuple[float, QPointF] | None = None
        """One finger down: when and where."""
        surface.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        surface.grabGesture(Qt.GestureType.PinchGesture)
        surface.grabGesture(Qt.GestureType.SwipeGesture)
        QScroller.grabGesture(surface, QScroller.ScrollerGestureType.TouchGesture)

    def event(self, event: QEvent) -> bool:
        """Handle a gesture or touch event; False for any other event."""
        if event.type() in _TOUCH_EVENTS and isinstance(event, QTouchEvent):
            return self._touch(event)
        if event.type() != QEvent.Type.Gesture or not isinstance(event, QGestureEvent):
            return False
        handled = False
        for gesture in event.gestures():
            if isinstance(gesture, QPinchGesture):
                if self._fingers is not None:  # already followed from the touch points
                    event.accept(gesture)
                    handled = True
                    continue
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

    def _touch(self, event: QTouchEvent) -> bool:
        points = [p for p in event.points() if p.state() != p.State.Released] \
            if event.type() != QEvent.Type.TouchEnd else []
        ended = event.type() in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel)
        if len(points) >= 2 and not ended:
            self._flick = None
            span = QLineF(points[0].position(), points[1].position())
            if self._fingers is None:
                self._fingers = (max(1.0, span.length()), span)
            start_length = self._fingers[0]
            self._fingers = (start_length, span)
            self.pinch(span.length() / start_length, span.center())
        elif self._fingers is not None:
            start_length, span = self._fingers
            self._fingers = None
            self.pinch(span.length() / start_length, span.center(), finished=True)
        elif event.type() == QEvent.Type.TouchBegin and len(event.points()) == 1:
            self._flick = (time.monotonic(), event.points()[0].position())
        elif ended and self._flick is not None and len(event.points()) == 1:
            began, start = self._flick
            self._flick = None
            end = event.points()[0].position()
            dx, dy = end.x() - start.x(), end.y() - start.y()
            quick = time.monotonic() - began <= FLICK_SECONDS
            if quick and abs(dx) >= FLICK_PX and abs(dx) > 2 * abs(dy) \
                    and not self.view.can_scroll_sideways():
                self.swipe("left" if dx < 0 else "right")
        event.accept()
        return True

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
