"""The record models' updates: rows go, come, move and change one by one, and a selection
survives every edit that keeps its record; checked by pytest-qt's model tester."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester

from tests.ui.model_check import check_model
from ui.models import Entry, RecordModel


class Words(RecordModel[str]):
    def __init__(self) -> None:
        super().__init__(("Word", "Length"))

    def cell(self, record: str, column: int, role: int, *, grouped: bool) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return record if column == 0 else str(len(record))


def entries(*words: str) -> list[Entry[str]]:
    return [Entry(word.split("=")[0], word.split("=")[-1]) for word in words]


def texts(model: Words) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_rows_follow_the_records_and_a_kept_row_keeps_its_selection(qtmodeltester: ModelTester) -> None:
    model = Words()
    check_model(qtmodeltester, model)  # and again on every change that follows
    model.set_entries(entries("a", "b", "c", "d"))
    selection = QItemSelectionModel(model)
    rows = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    selection.setCurrentIndex(model.find("c"), rows)
    held = QPersistentModelIndex(model.find("c"))
    changes: list[str] = []
    model.rowsRemoved.connect(lambda *_: changes.append("removed"))
    model.rowsInserted.connect(lambda *_: changes.append("inserted"))
    model.dataChanged.connect(lambda *_: changes.append("changed"))
    model.layoutChanged.connect(lambda *_: changes.append("moved"))
    model.modelReset.connect(lambda *_: changes.append("reset"))

    model.set_entries(entries("e", "d", "b", "c=cc"))  # a goes, e comes, d moves up, c changes
    assert texts(model) == ["e", "d", "b", "cc"]
    assert "reset" not in changes and {"removed", "inserted", "changed", "moved"} <= set(changes)
    assert held.isValid() and held.row() == 3 and model.record(held) == "cc"
    assert selection.currentIndex().row() == 3 and selection.isRowSelected(3)

    model.set_entries(entries())
    assert model.rowCount() == 0 and not held.isValid()


def test_grouped_rows_nest_under_their_group(qtmodeltester: ModelTester) -> None:
    model = Words()
    check_model(qtmodeltester, model)  # and again on every change that follows
    model.set_entries([Entry("x", "X", entries("x1", "x2")), Entry("y", "Y", entries("y1"))])
    x = model.find("x")
    assert model.rowCount(x) == 2 and model.index(1, 0, x).data() == "x2"
    assert model.parent(model.index(1, 0, x)) == x
    held = QPersistentModelIndex(model.index(0, 0, model.find("y")))
    model.set_entries([Entry("y", "Y", entries("y0", "y1")), Entry("z", "Z", entries("z1"))])
    assert model.records() == ["y0", "y1", "z1"]
    assert held.isValid() and held.row() == 1 and held.parent() == model.find("y")
