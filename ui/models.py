"""Thin Qt item models over the document's records: the squad, the competitions, the warnings.

A model holds no data of its own beyond the records it was last given, each under a key (an
athlete's or a competition's id, a warning's athlete, day and rule). Given the records again
after an edit, it tells the views row by row what went, what came, what moved and what
changed, rather than resetting: a selected row stays selected (and the current row current)
through any edit that keeps its record, as in napari's ``_base_item_model``. Rows may have
child rows (the warnings under their week).
"""

# No ``from __future__ import annotations``: this module defines a named tuple (see planner/__init__.py).
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, NamedTuple, TypeVar

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

R = TypeVar("R")
AnyIndex = QModelIndex | QPersistentModelIndex


class Entry(NamedTuple, Generic[R]):
    """One row as given to the model: its key, its record and, for a group, its child rows."""

    key: Hashable
    record: R
    children: "Sequence[Entry[R]] | None" = None


@dataclass(eq=False, slots=True)
class _Node(Generic[R]):
    key: Hashable
    record: R | None
    parent: "_Node[R] | None"
    children: "list[_Node[R]]" = field(default_factory=list)


class RecordModel(QAbstractItemModel, Generic[R]):
    """Rows of records under fixed column headers; subclasses say what a cell shows (``cell``)."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = tuple(headers)
        self._root: _Node[R] = _Node(None, None, None)
        self._updating = False

    # What a cell shows ------------------------------------------------------------------------

    def cell(self, record: R, column: int, role: int, *, grouped: bool) -> Any:
        """The value of ``role`` for ``record``'s cell in ``column`` (``grouped``: a child row)."""
        raise NotImplementedError

    def selectable(self, record: R, *, grouped: bool) -> bool:
        return True

    # Reading -----------------------------------------------------------------------------------

    def record(self, index: AnyIndex) -> R | None:
        node = self._node(index)
        return None if node is self._root else node.record

    def key(self, index: AnyIndex) -> Hashable | None:
        node = self._node(index)
        return None if node is self._root else node.key

    def find(self, key: Hashable, parent: AnyIndex | None = None) -> QModelIndex:
        """The index of the row with ``key`` under ``parent`` (top level by default), or an invalid one."""
        node = self._root if parent is None else self._node(parent)
        for row, child in enumerate(node.children):
            if child.key == key:
                return self.createIndex(row, 0, child)
        return QModelIndex()

    def records(self) -> list[R]:
        """Every record without child rows (for groups: the rows in them), in the order shown."""
        found: list[R] = []

        def walk(node: _Node[R]) -> None:
            for child in node.children:
                if child.children:
                    walk(child)
                elif child.record is not None:
                    found.append(child.record)

        walk(self._root)
        return found

    # Updating ----------------------------------------------------------------------------------

    @property
    def updating(self) -> bool:
        """True while ``set_entries`` runs: a view's current row moving then is the model's doing,
        not the coach's (a removed current row hands "current" to a neighbour)."""
        return self._updating

    def set_entries(self, entries: Sequence[Entry[R]]) -> None:
        """Show ``entries``: rows go, come, move and change one by one, keeping the others."""
        self._updating = True
        try:
            self._sync(self._root, entries)
        finally:
            self._updating = False

    def _sync(self, node: _Node[R], entries: Sequence[Entry[R]]) -> None:
        parent = self._index_of(node)
        wanted = [entry.key for entry in entries]
        assert len(set(wanted)) == len(wanted), "keys must be unique among siblings"
        kept_keys = set(wanted)
        for row in reversed(range(len(node.children))):
            if node.children[row].key not in kept_keys:
                self.beginRemoveRows(parent, row, row)
                del node.children[row]
                self.endRemoveRows()
        present = {child.key for child in node.children}
        order = [key for key in wanted if key in present]
        if [child.key for child in node.children] != order:
            self._reorder(node, order)
        for row, entry in enumerate(entries):
            if row >= len(node.children) or node.children[row].key != entry.key:
                self.beginInsertRows(parent, row, row)
                node.children.insert(row, _Node(entry.key, entry.record, node))
                self.endInsertRows()
            child = node.children[row]
            if child.record != entry.record:
                child.record = entry.record
                self.dataChanged.emit(self.createIndex(row, 0, child),
                                      self.createIndex(row, len(self._headers) - 1, child))
            if entry.children is not None or child.children:
                self._sync(child, entry.children or ())

    def _reorder(self, node: _Node[R], order: list[Hashable]) -> None:
        self.layoutAboutToBeChanged.emit()
        by_key = {child.key: child for child in node.children}
        old_rows = {child.key: row for row, child in enumerate(node.children)}
        node.children = [by_key[key] for key in order]
        new_rows = {key: row for row, key in enumerate(order)}
        for persistent in self.persistentIndexList():
            moved = self._node(persistent)
            if moved.parent is node and moved.key in old_rows:
                moved_index = self.createIndex(new_rows[moved.key], persistent.column(), moved)
                self.changePersistentIndex(persistent, moved_index)
        self.layoutChanged.emit()

    # QAbstractItemModel ------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._node(parent)
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        if not (0 <= row < len(node.children) and 0 <= column < len(self._headers)):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        return self._index_of(self._node(index).parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(self._headers)

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is self._root or node.record is None:
            return None
        return self.cell(node.record, index.column(), role, grouped=node.parent is not self._root)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        return self._headers[section] if horizontal and 0 <= section < len(self._headers) else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        node = self._node(index)
        if node is self._root or node.record is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled
        if self.selectable(node.record, grouped=node.parent is not self._root):
            flags |= Qt.ItemFlag.ItemIsSelectable
        if not node.children:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    # Internals ---------------------------------------------------------------------------------

    def _node(self, index: AnyIndex) -> _Node[R]:
        if not index.isValid():
            return self._root
        node = index.internalPointer()
        assert isinstance(node, _Node)
        return node

    def _index_of(self, node: _Node[R] | None) -> QModelIndex:
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.children.index(node), 0, node)
