"""The actions declared once (:data:`REGISTRY`) and their QActions in one window
(:class:`BoundActions`).

A window binds the ids of the actions it offers, with its context; the binding makes one
QAction per declaration (parented to the window), wires the shortcut (window-wide), fills
the menus and tool bars the declarations name, evaluates ``enabled_when`` /
``visible_when`` / ``checked_when`` again whenever the context says something changed, and
sets the titles again when the language changes. Two windows binding the same id get two
QActions from the one declaration.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QMenu, QMenuBar, QPushButton, QToolBar, QWidget

from meeting_app.ui.actions.context import ActionContext
from meeting_app.ui.actions.declaration import Action, Menu
from meeting_app.ui.i18n import translations
from meeting_app.ui.resources import icon
from meeting_app.ui.widgets import Spacer, tool_button


class ActionRegistry:
    """Every declared action and menu, by id; each is registered once."""

    def __init__(self) -> None:
        self._actions: dict[str, Action] = {}
        self._menus: dict[str, Menu] = {}

    def register(self, *actions: Action) -> tuple[Action, ...]:
        """Declare ``actions`` (an id is declared once); returns them."""
        for action in actions:
            if action.id in self._actions:
                raise ValueError(f"action declared twice: {action.id}")
            self._actions[action.id] = action
        return actions

    def register_menu(self, *menus: Menu) -> tuple[Menu, ...]:
        """Declare the menus actions are placed in."""
        for menu in menus:
            if menu.id in self._menus:
                raise ValueError(f"menu declared twice: {menu.id}")
            self._menus[menu.id] = menu
        return menus

    def action(self, action_id: str) -> Action:
        """The declaration of ``action_id`` (KeyError when it is not declared)."""
        return self._actions[action_id]

    def menu(self, menu_id: str) -> Menu:
        """The menu ``menu_id``."""
        return self._menus[menu_id]

    def ids(self) -> list[str]:
        """Every declared action id."""
        return list(self._actions)

    def entries(self, menu_id: str) -> list[Entry]:
        """What goes in a menu or tool bar, in order: its actions and its submenus."""
        found = [Entry(place.order, place.group, action=action)
                 for action in self._actions.values() for place in action.places
                 if place.menu == menu_id]
        found += [Entry(menu.order, menu.group, menu=menu) for menu in self._menus.values()
                  if menu.parent == menu_id]
        return sorted(found, key=lambda entry: entry.order)


@dataclass(frozen=True)
class Entry:
    """One entry of a menu: an action or a submenu."""

    order: int
    group: str
    action: Action | None = None
    menu: Menu | None = None


REGISTRY = ActionRegistry()
"""The application's actions (filled by ``meeting`` and ``room`` when imported)."""


class BoundActions(QObject):
    """The QActions of some declared actions in one window; see the module docstring."""

    def __init__(self, context: ActionContext, ids: Iterable[str],
                 registry: ActionRegistry = REGISTRY) -> None:
        super().__init__(context.window)
        self.context, self.registry = context, registry
        self._declared: dict[str, Action] = {}
        self._actions: dict[str, QAction] = {}
        self._menus: list[tuple[QMenu, Menu]] = []
        self._separators: list[tuple[QAction, list[QAction]]] = []
        for action_id in ids:
            self._make(registry.action(action_id))
        for signal in context.refresh_signals():
            signal.connect(self.refresh)
        translations().changed.connect(self.retranslate)
        self.refresh()

    def _make(self, declared: Action) -> None:
        window = self.context.window
        action = QAction(declared.title(), window)
        action.setObjectName(declared.object_name or declared.id)
        if declared.icon is not None:
            action.setIcon(icon(*declared.icon))
        if declared.tooltip is not None:
            action.setToolTip(declared.tooltip())
        action.setCheckable(declared.checkable)
        if declared.shortcut:
            action.setShortcut(QKeySequence(declared.shortcut))
            # Window-wide: the shortcut works wherever the focus is in the window.
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)
        action.triggered.connect(lambda _checked=False, run=declared: run.handler(self.context))
        self._declared[declared.id] = declared
        self._actions[declared.id] = action

    # --- what the window asks for -------------------------------------------------------

    def __getitem__(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def __contains__(self, action_id: object) -> bool:
        return action_id in self._actions

    def by_id(self) -> dict[str, QAction]:
        """The QActions by declared id."""
        return dict(self._actions)

    def menu_bar(self, bar: QMenuBar, menu_id: str) -> QMenu:
        """Add the declared menu ``menu_id`` to a menu bar, filled with its entries."""
        menu = self._titled_menu(menu_id, bar)
        bar.addMenu(menu)
        return menu

    def fill(self, container: QMenu | QToolBar, menu_id: str, stretch_before: str | None = None) -> None:
        """Put the bound actions placed in ``menu_id`` (and its submenus) in a menu or a
        tool bar, a separator between groups. ``stretch_before``: in a tool bar, the group
        pushed to the far end (a stretch instead of its separator)."""
        group: str | None = None
        since: list[QAction] = []
        for entry in self.registry.entries(menu_id):
            if entry.action is not None and entry.action.id not in self._actions:
                continue
            if group is not None and entry.group != group:
                if entry.group == stretch_before and isinstance(container, QToolBar):
                    container.addWidget(Spacer())
                else:
                    self._separators.append((container.addSeparator(), since))
                since = []
            group = entry.group
            if entry.action is not None:
                action = self._actions[entry.action.id]
                container.addAction(action)
                since.append(action)
            elif entry.menu is not None and isinstance(container, QMenu):
                submenu = self._titled_menu(entry.menu.id, container)
                container.addMenu(submenu)
                since.append(submenu.menuAction())
        if isinstance(container, QMenu):
            # Titles made from data (a tab's name) are read again as the menu opens.
            container.aboutToShow.connect(self._relabel)
        self.refresh()

    def _titled_menu(self, menu_id: str, parent: QWidget) -> QMenu:
        declared = self.registry.menu(menu_id)
        menu = QMenu(declared.title(), parent)
        if declared.object_name:
            menu.setObjectName(declared.object_name)
        self._menus.append((menu, declared))
        self.fill(menu, menu_id)
        return menu

    def attach(self, button: QAbstractButton, action_id: str) -> QAbstractButton:
        """Make a button act for a bound action: a click triggers it, and the button shows
        the action's text, tooltip, enabled and visible state (its icon stays its own)."""
        action = self._actions[action_id]

        def follow() -> None:
            button.setText(action.text())
            button.setToolTip(action.toolTip() if action.toolTip() != action.text().replace("&", "")
                              else "")
            button.setEnabled(action.isEnabled())
            button.setHidden(not action.isVisible())

        button.clicked.connect(action.trigger)
        action.changed.connect(follow)
        follow()
        return button

    def button(self, action_id: str) -> QPushButton:
        """A house-style panel button (``tool_button``) for a bound action."""
        declared = self._declared[action_id]
        name = declared.icon[0] if declared.icon is not None else ""
        button = tool_button(declared.title(), name)
        button.setObjectName(f"{declared.object_name or action_id}Button")
        self.attach(button, action_id)
        return button

    # --- keeping up with the context and the language ------------------------------------

    def refresh(self, *_args: object) -> None:
        """Evaluate every condition again (the context changed)."""
        context = self.context
        for action_id, declared in self._declared.items():
            action = self._actions[action_id]
            visible = declared.visible_when(context)
            enabled = declared.enabled_when(context)
            if action.isVisible() != visible:
                action.setVisible(visible)
            if action.isEnabled() != enabled:
                action.setEnabled(enabled)
            if declared.checked_when is not None:
                checked = declared.checked_when(context)
                if action.isChecked() != checked:
                    action.setChecked(checked)
        for separator, before in self._separators:
            separator.setVisible(any(action.isVisible() for action in before))
        self._relabel()

    def _relabel(self) -> None:
        for action_id, declared in self._declared.items():
            if declared.label is not None:
                text = declared.label(self.context)
                if self._actions[action_id].text() != text:
                    self._actions[action_id].setText(text)

    def retranslate(self, *_args: object) -> None:
        """Set every title again in the language now installed."""
        for action_id, declared in self._declared.items():
            action = self._actions[action_id]
            action.setText(declared.label(self.context) if declared.label is not None
                           else declared.title())
            if declared.tooltip is not None:
                action.setToolTip(declared.tooltip())
        for menu, declared_menu in self._menus:
            menu.setTitle(declared_menu.title())
