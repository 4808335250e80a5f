"""Show the open windows in a new language, without rebuilding them.

Rebuilding a meeting room would mean a new connection, a new join and losing the reader's
page, the open tab and every half-typed text; so the windows stay and their texts change.
Every text the interface shows came from a message of the catalogue
(``resources/i18n/meeting_app_vi.ts``). Knowing the language the windows showed, each text
of each widget (labels, buttons, tabs, actions, menus, tooltips, placeholders, accessible
names, items of lists, tables and trees) is looked up in that language's messages, then
translated again into the new one. A message with placeholders (``{n} pages``) is matched
as a pattern and its values carried over. Texts from the meeting's data (titles, names)
match no message and stay as they are.

Then item models are told their data changed (they translate as they answer), every
widget repaints (painted texts), and a widget with a ``retranslate()`` method is asked to
set what only it knows.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QTabBar,
    QTableWidget,
    QTextEdit,
    QToolBox,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from meeting_app.ui.i18n import translations, translations_dir

log = logging.getLogger(__name__)

_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%s|%n")
Message = tuple[str, str]
"""(context, source text)."""
_MEMORY: dict[tuple[int, str], tuple[str, Message, dict[str, str]]] = {}
"""(object id, which text) -> (the text set, its message, its values), from the last switch."""


@dataclass
class Catalogue:
    """The messages of one language: its texts, each with the messages it renders."""

    exact: dict[str, list[Message]] = field(default_factory=dict)
    patterns: list[tuple[re.Pattern[str], list[str], Message]] = field(default_factory=list)


def read_ts(path: Path) -> list[tuple[str, str, str]]:
    """The (context, source, translation) of every message of a ``.ts`` file; the
    translation is empty when there is none (or it is unfinished)."""
    messages = []
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            element = message.find("translation")
            done = element is not None and element.get("type") not in ("unfinished", "vanished",
                                                                        "obsolete")
            messages.append((name, source, (element.text or "") if done and element is not None
                             else ""))
    return messages


@cache
def catalogue(language: str) -> Catalogue:
    """The texts ``language`` shows for each message (English: the sources themselves)."""
    result = Catalogue()
    path = translations_dir() / "meeting_app_vi.ts"
    try:
        messages = read_ts(path)
    except (OSError, ElementTree.ParseError) as error:
        log.warning("cannot read %s: %s", path, error)
        return result
    for context, source, translation in messages:
        text = source if language == "en" else translation
        if not text:
            continue
        result.exact.setdefault(text, []).append((context, source))
        tokens = _PLACEHOLDER.findall(text)
        if tokens:
            parts = _PLACEHOLDER.split(text)
            regex = "(.*?)".join(re.escape(part) for part in parts)
            result.patterns.append((re.compile(f"^{regex}$", re.DOTALL), tokens, (context, source)))
    return result


def _contexts_of(obj: QObject) -> list[str]:
    """The class names of ``obj`` and its parents: the contexts its texts come from,
    nearest first."""
    names: list[str] = []
    node: QObject | None = obj
    while node is not None:
        names += [cls.__name__ for cls in type(node).__mro__]
        node = node.parent()
    return names


def _pick(candidates: list[Message], contexts: list[str]) -> Message:
    ranked = {name: rank for rank, name in reversed(list(enumerate(contexts)))}
    return min(candidates, key=lambda message: ranked.get(message[0], len(contexts)))


class Retranslator:
    """Turns texts shown in one language into another (the translators of the new one
    must be installed)."""

    def __init__(self, old: str) -> None:
        self.old = catalogue(old)
        self.changed = 0

    def text(self, text: str, owner: QObject, key: tuple[int, str] | None = None) -> str | None:
        """``text`` in the new language, or None when it renders no known message. With
        ``key`` (where the text is shown), the message found is remembered, so that the
        next switch needs no lookup (and cannot confuse two messages translated alike)."""
        if not text:
            return None
        found = self._recall(text, key) or self._lookup(text, owner)
        if found is None:
            return None
        (context, source), values = found
        translated = QCoreApplication.translate(context, source)
        if values:
            translated = _PLACEHOLDER.sub(lambda token: values.get(token.group(0), token.group(0)),
                                          translated)
        if key is not None:
            _MEMORY[key] = (translated, (context, source), values)
        return translated

    @staticmethod
    def _recall(text: str, key: tuple[int, str] | None) -> tuple[Message, dict[str, str]] | None:
        remembered = _MEMORY.get(key) if key is not None else None
        if remembered is None or remembered[0] != text:
            return None  # set by the code since: look it up
        return remembered[1], remembered[2]

    def _lookup(self, text: str, owner: QObject) -> tuple[Message, dict[str, str]] | None:
        candidates = self.old.exact.get(text)
        if candidates:
            return _pick(candidates, _contexts_of(owner)), {}
        if "{" in text:  # a literal brace left: no pattern of ours rendered it
            return None
        for pattern, tokens, message in self.old.patterns:
            match = pattern.match(text)
            if match is not None:
                return message, dict(zip(tokens, match.groups(), strict=True))
        return None

    def set(self, owner: QObject, getter: Callable[[], str], setter: Callable[[str], object],
            where: str = "") -> None:
        """Translate one text property of ``owner`` in place (``where``: which one, when
        the getter does not say it)."""
        current = getter()
        key = (id(owner), where or getattr(getter, "__name__", ""))
        new = self.text(current, owner, key)
        if new is not None and new != current:
            setter(new)
            self.changed += 1

    # --- widgets ------------------------------------------------------------------------

    def widget(self, widget: QWidget) -> None:
        """Every text of one widget (not of its children)."""
        for getter, setter in ((widget.windowTitle, widget.setWindowTitle),
                               (widget.toolTip, widget.setToolTip),
                               (widget.statusTip, widget.setStatusTip),
                               (widget.whatsThis, widget.setWhatsThis),
                               (widget.accessibleName, widget.setAccessibleName),
                               (widget.accessibleDescription, widget.setAccessibleDescription)):
            self.set(widget, getter, setter)
        if isinstance(widget, (QLabel, QAbstractButton)):
            self.set(widget, widget.text, widget.setText)
        if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
            self.set(widget, widget.placeholderText, widget.setPlaceholderText)
        if isinstance(widget, QGroupBox):
            self.set(widget, widget.title, widget.setTitle)
        if isinstance(widget, QMenu):
            self.set(widget, widget.title, widget.setTitle)
        if isinstance(widget, QAbstractSpinBox):
            self.set(widget, widget.specialValueText, widget.setSpecialValueText)
            for name in ("suffix", "prefix"):
                if hasattr(widget, name):
                    self.set(widget, getattr(widget, name), getattr(widget, "set" + name.title()))
        if isinstance(widget, QProgressBar):
            self.set(widget, widget.format, widget.setFormat)
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                self.set(widget, partial(widget.tabText, i), partial(widget.setTabText, i), f"tab{i}")
                self.set(widget, partial(widget.tabToolTip, i), partial(widget.setTabToolTip, i),
                         f"tabtip{i}")
        if isinstance(widget, QToolBox):
            for i in range(widget.count()):
                self.set(widget, partial(widget.itemText, i), partial(widget.setItemText, i), f"box{i}")
        if isinstance(widget, QComboBox):
            self.set(widget, widget.placeholderText, widget.setPlaceholderText)
            for i in range(widget.count()):
                self.set(widget, partial(widget.itemText, i), partial(widget.setItemText, i), f"item{i}")
        if isinstance(widget, QAbstractItemView):
            self.items(widget)

    def action(self, action: QAction) -> None:
        """The texts of one action (toolbars, menus)."""
        tip_is_text = action.toolTip() == action.text().replace("&", "")
        self.set(action, action.text, action.setText)
        self.set(action, action.iconText, action.setIconText)
        self.set(action, action.statusTip, action.setStatusTip)
        if not tip_is_text:
            self.set(action, action.toolTip, action.setToolTip)

    def items(self, view: QAbstractItemView) -> None:
        """Items of item widgets hold their texts; other models translate as they answer."""
        if isinstance(view, QTreeWidget):
            self._tree_item(view, view.headerItem())
            for i in range(view.topLevelItemCount()):
                self._tree_item(view, view.topLevelItem(i))
        elif isinstance(view, QTableWidget):
            headers = [view.horizontalHeaderItem(c) for c in range(view.columnCount())]
            headers += [view.verticalHeaderItem(r) for r in range(view.rowCount())]
            cells = [view.item(r, c) for r in range(view.rowCount()) for c in range(view.columnCount())]
            for number, item in enumerate((*headers, *cells)):
                if item is not None:
                    self.set(view, item.text, item.setText, f"cell{number}")
                    self.set(view, item.toolTip, item.setToolTip, f"celltip{number}")
        elif isinstance(view, QListWidget):
            for i in range(view.count()):
                row = view.item(i)
                self.set(view, row.text, row.setText, f"row{i}")
                self.set(view, row.toolTip, row.setToolTip, f"rowtip{i}")
        else:
            model = view.model()
            if isinstance(model, QStandardItemModel):
                self._standard(view, model)
            elif model is not None:
                _model_changed(model)

    def _tree_item(self, view: QTreeWidget, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        for column in range(item.columnCount()):
            self.set(view, partial(item.text, column), partial(item.setText, column),
                     f"{id(item)}text{column}")
            self.set(view, partial(item.toolTip, column), partial(item.setToolTip, column),
                     f"{id(item)}tip{column}")
        for i in range(item.childCount()):
            self._tree_item(view, item.child(i))

    def _standard(self, view: QAbstractItemView, model: QStandardItemModel) -> None:
        columns = range(model.columnCount())
        items: list[QStandardItem | None] = [model.horizontalHeaderItem(c) for c in columns]
        pending = [model.item(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())]
        while pending:
            item = pending.pop()
            if item is None:
                continue
            items.append(item)
            pending += [item.child(r, c) for r in range(item.rowCount()) for c in range(item.columnCount())]
        for number, entry in enumerate(items):
            if entry is not None:
                self.set(view, entry.text, entry.setText, f"std{number}")
                self.set(view, entry.toolTip, entry.setToolTip, f"stdtip{number}")


def _model_changed(model: QAbstractItemModel) -> None:
    """Ask the views of a model to fetch every text again (headers included)."""
    root = QModelIndex()
    try:
        columns = model.columnCount(root)
    except TypeError:  # a list model: one column, its columnCount is private
        columns = 1
    rows = model.rowCount(root)
    if columns:
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
    if rows and columns:
        model.dataChanged.emit(model.index(0, 0), model.index(rows - 1, columns - 1))


def _all_widgets(tops: Iterable[QWidget]) -> Iterator[QWidget]:
    for top in tops:
        yield top
        yield from top.findChildren(QWidget)


def retranslate_widgets(old_language: str, tops: Iterable[QWidget] | None = None) -> int:
    """Show ``tops`` (default: every top-level window) in the installed language, from
    ``old_language``. Returns how many texts changed."""
    tops = list(tops if tops is not None else QApplication.topLevelWidgets())
    worker = Retranslator(old_language)
    actions: dict[int, QAction] = {}
    widgets = list(_all_widgets(tops))
    for widget in widgets:
        try:
            worker.widget(widget)
        except (RuntimeError, TypeError):  # one odd widget must not stop the others
            log.exception("could not retranslate %s", type(widget).__name__)
        for action in (*widget.actions(), *widget.findChildren(QAction,
                                                               options=Qt.FindChildOption.FindDirectChildrenOnly)):
            actions[id(action)] = action
    for action in actions.values():
        worker.action(action)
    for widget in widgets:
        hook = getattr(widget, "retranslate", None)
        if callable(hook):
            hook()
        widget.update()
    return worker.changed


def follow_language_changes() -> None:
    """From now on, every change of language retranslates the open windows (once per
    application, however often it is called)."""
    shared = translations()
    if shared.property("retranslates"):
        return
    shared.setProperty("retranslates", True)
    shared.changed.connect(lambda _language: retranslate_widgets(shared.previous))
