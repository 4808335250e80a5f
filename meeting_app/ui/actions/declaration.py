"""What a command is, declared once: :class:`Action`, where it is placed
(:class:`Placement`) and the menus it is placed in (:class:`Menu`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from meeting_app.ui.actions.context import ActionContext

TranslatableText = Callable[[], str]
"""A text in the current language: a function that calls ``translate(context, source)``
when asked (so the translation tools find the message, and a language change only needs
the function called again)."""
Predicate = Callable[["ActionContext"], bool]
"""A condition over the context (enabled, visible, checked)."""
Handler = Callable[["ActionContext"], object]
"""What a command does, given the window's context."""


def always(_context: ActionContext) -> bool:
    """The default condition: true."""
    return True


@dataclass(frozen=True)
class Placement:
    """Where an action appears: a menu or tool bar (by id), in a group (groups are kept
    apart by a separator), at a position within its group."""

    menu: str
    group: str = ""
    order: int = 0


@dataclass(frozen=True)
class Menu:
    """A menu (or submenu: ``parent`` is another menu's id) that actions are placed in."""

    id: str
    title: TranslatableText
    object_name: str = ""
    parent: str | None = None
    """The menu this one is a submenu of (None: a menu of the menu bar)."""
    group: str = ""
    """The group of its parent that the submenu goes in."""
    order: int = 0
    """Its position among its parent's entries."""


@dataclass(frozen=True)
class Action:
    """One command, declared once for every window that offers it.

    ``enabled_when`` and ``visible_when`` are evaluated again whenever the context
    changes (the store, the connection, a selection); ``checked_when`` makes the action
    checkable. ``label``, when given, is the title shown instead of ``title``: a text made
    from data (a tab's name), read again when its menu opens.
    """

    id: str
    title: TranslatableText
    handler: Handler
    enabled_when: Predicate = always
    visible_when: Predicate = always
    checked_when: Predicate | None = None
    tooltip: TranslatableText | None = None
    icon: tuple[str, str | None] | None = None
    """(icon name, colour role) for ``meeting_app.ui.resources.icon``."""
    shortcut: str | None = None
    places: tuple[Placement, ...] = field(default_factory=tuple)
    object_name: str = ""
    label: Callable[[ActionContext], str] | None = None

    @property
    def checkable(self) -> bool:
        """Whether the action has a checked state."""
        return self.checked_when is not None
