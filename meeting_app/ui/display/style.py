"""The room display's look: dark navy, white type sized for the back of the room.

Sizes are given for a 1080-pixel-high screen and multiplied by ``scale`` (the window's
height / 1080), so the proportions hold on any screen.
"""

from __future__ import annotations

# (selector, point size at 1080 px, other rules)
_RULES = (
    ("QWidget#roomDisplay", 0, "background: #0f2747;"),
    ("QFrame#displayHead", 0, "background: #0b1d36; border-bottom: 3px solid #d4a017;"),
    ("QLabel#displayMeeting", 20, "color: #c9d6ea;"),
    ("QLabel#displayTime", 26, "color: #ffffff; font-weight: bold;"),
    ("QLabel#displayCaption", 16, "color: #d4a017; font-weight: bold; letter-spacing: 2px;"),
    ("QLabel#displayItem", 36, "color: #ffffff; font-weight: bold;"),
    ("QFrame#displaySpeaker", 0, "background: #163560; border-radius: 14px;"),
    ('QFrame#displaySpeaker[tone="speaking"]', 0, "border: 3px solid #d4a017;"),
    ("QLabel#displaySpeakerName", 34, "color: #ffffff; font-weight: bold;"),
    ("QLabel#displaySpeakerSite", 22, "color: #c9d6ea;"),
    ("QLabel#displayClock", 80, "color: #ffffff; font-weight: bold;"),
    ('QLabel#displayClock[tone="warning"]', 0, "color: #ffb020;"),
    ('QLabel#displayClock[tone="over"]', 0, "color: #ff6b5e;"),
    ("QListWidget#displayAgenda", 26,
     "background: transparent; color: #e6edf7; border: none;"),
    ("QListWidget#displayAgenda::item", 0, "padding: 10px 6px; border-bottom: 1px solid #244a7c;"),
    ("QLabel#displayNotice", 26, "color: #c9d6ea;"),
    ("QFrame#displayResults", 0, "background: #ffffff; border-radius: 14px;"),
    ("QLabel#displayResultTitle", 22, "color: #1d3f72; font-weight: bold;"),
    ("QLabel#displayResultLine", 20, "color: #1f2933;"),
)


def display_style(scale: float) -> str:
    """The style sheet at ``scale`` (1.0 for a 1080-pixel-high window)."""
    rules = []
    for selector, points, other in _RULES:
        size = f"font-size: {max(8, round(points * scale))}pt; " if points else ""
        rules.append(f"{selector} {{ {size}{other} }}")
    return "\n".join(rules)
