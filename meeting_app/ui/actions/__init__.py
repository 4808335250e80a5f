"""Commands declared once (in the manner of napari's app-model).

An :class:`~meeting_app.ui.actions.declaration.Action` says what a command is: its id,
its title (a translatable text), what it does, when it is enabled, where it is placed
(menus, tool bars) and its shortcut. Declarations are registered once, at import, in the
:data:`~meeting_app.ui.actions.registry.REGISTRY`; a window binds the ones it offers
(:class:`~meeting_app.ui.actions.registry.BoundActions`), which makes its QActions, fills
its menus and tool bars, wires the shortcuts, re-evaluates enablement when the store
changes and retranslates the titles when the language changes.

Modules:

* ``declaration``: ``Action``, ``Placement``, ``Menu``;
* ``context``: ``ActionContext``, what predicates and handlers read;
* ``rights``: every read of "what may I do" (the one module to switch to server-sent
  capabilities);
* ``registry``: the registry and the per-window binding;
* ``meeting``: start and end the meeting, agenda stepping (room and console);
* ``room``: the room's keyboard commands, its "Meeting" menu and its tool bar.

This package imports no declaration module itself, so that widgets may import
``rights`` without importing the windows' declarations.
"""
