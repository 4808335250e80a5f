"""Touch mode: buttons and fields at least :data:`TARGET` logical pixels high and wide.

On when a touch screen is present or the user turned it on in Settings (kept in
``QSettings`` under ``appearance/touch``). The rules are added to the application's style
sheet (``resources.style_sheet``), so they reach every window at once; turning the mode on
or off in a running application is ``resources.apply_touch_mode`` (this module holds the
state the style sheet reads, and knows nothing of the style sheet itself).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QInputDevice

SETTINGS_KEY = "appearance/touch"
TARGET = 44
"""The smallest touch target, in logical pixels (the common guideline for fingers)."""

# min-height counts the content only: padding and border are added to it (6+6+1+1 for a
# push button, 5+5+1+1 for a tool bar button), so the whole button is at least TARGET.
# No min-width on push buttons with text: a style sheet's min-width becomes the widget's minimum
# size, which layouts then take instead of the text's width, and squeeze the text off.
# Tool bar buttons, mostly icons alone, and push buttons with an icon alone get one so
# that they are a finger wide. The
# icons inside a field (clear, show password) are tool buttons too, but they live in the
# field: the field is the finger's target, and a taller button would hang out of it.
RULES = f"""
QPushButton, QToolButton {{ min-height: {TARGET - 14}px; }}
QToolBar QToolButton {{ min-height: {TARGET - 7}px; min-width: {TARGET - 18}px; }}
QLineEdit, QComboBox, QSpinBox, QDateTimeEdit {{ min-height: {TARGET - 12}px; }}
QRadioButton#ballotOption, QCheckBox#ballotOption {{ min-height: {TARGET}px; }}
QRadioButton#ballotOption::indicator, QCheckBox#ballotOption::indicator {{
    width: 26px; height: 26px; }}
QScrollBar:vertical {{ width: 18px; }}
QScrollBar:horizontal {{ height: 18px; }}
QLineEdit QToolButton {{ min-height: 0px; min-width: 0px; }}
QPushButton[iconOnly="true"] {{ min-width: {TARGET - 18}px; }}
"""


class TouchSignals(QObject):
    """Emits ``changed`` when touch mode is turned on or off."""

    changed = Signal(bool)


_state = {"on": False}
_signals: TouchSignals | None = None


def signals() -> TouchSignals:
    """The one emitter of touch mode changes."""
    global _signals
    if _signals is None:
        _signals = TouchSignals()
    return _signals


def touch_screen_present() -> bool:
    """True when the system reports a touch screen."""
    return any(device.type() == QInputDevice.DeviceType.TouchScreen
               for device in QInputDevice.devices())


def enabled() -> bool:
    """Whether touch mode is on now."""
    return _state["on"]


def saved(settings: QSettings | None = None) -> bool:
    """The user's setting, or True when a touch screen is present and nothing was chosen."""
    value = (settings or QSettings()).value(SETTINGS_KEY, None)
    if value is None:
        return touch_screen_present()
    return value is True or str(value).lower() == "true"


def save(on: bool, settings: QSettings | None = None) -> None:
    """Keep the user's choice."""
    (settings or QSettings()).setValue(SETTINGS_KEY, on)


def set_state(on: bool) -> bool:
    """Record touch mode as on or off; True when that changed it. Only the state: the
    windows change with ``resources.apply_touch_mode``, which calls this."""
    if _state["on"] == on:
        return False
    _state["on"] = on
    return True
