"""Findings grouped by category, with counts, filters and keyboard navigation."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from ..core.model import CATEGORIES, SEVERITY_RANK
from .i18n import Binder, tr
from .theme import category_color, category_label, severity_label

MARK_ROLE = Qt.ItemDataRole.UserRole + 1


def swatch(colour: str, size: int = 12) -> QIcon:
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(QColor(colour))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRoundedRect(0, 0, size, size, 3, 3)
    p.end()
    return QIcon(pm)


class FindingsPanel(QWidget):
    """Tree of findings; selecting one highlights it, Enter or double-click jumps to it."""

    selected = Signal(object)     # Mark: highlight, keep focus here
    activated = Signal(object)    # Mark: jump and edit

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.t = Binder()
        self._marks: list = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("findingsTitle")
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        lay.addWidget(self.title)
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.t(self.search.setPlaceholderText, "Filter findings…")
        self.t(self.search.setAccessibleName, "Filter findings by text")
        self.severity = QComboBox()
        self.t(self.severity.setAccessibleName, "Filter by importance")
        row.addWidget(self.search, 1)
        row.addWidget(self.severity)
        lay.addLayout(row)
        self.tree = QTreeWidget()
        self.tree.setObjectName("findingsTree")
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.t(self.tree.setAccessibleName, "Findings, grouped by category")
        lay.addWidget(self.tree, 1)
        self.search.textChanged.connect(self._rebuild)
        self.severity.currentIndexChanged.connect(self._rebuild)
        self.tree.currentItemChanged.connect(self._on_current)
        self.tree.itemActivated.connect(self._on_activated)
        self._fill_severity()
        self._rebuild()

    def _fill_severity(self) -> None:
        idx = max(0, self.severity.currentIndex())
        self.severity.blockSignals(True)
        self.severity.clear()
        self.severity.addItem(tr("All"), "info")
        self.severity.addItem(tr("Should fix and up"), "warning")
        self.severity.addItem(tr("Must fix only"), "error")
        self.severity.setCurrentIndex(idx)
        self.severity.blockSignals(False)

    def retranslate(self) -> None:
        self.t.retranslate()
        self._fill_severity()
        self._rebuild()

    def set_marks(self, marks: list) -> None:
        self._marks = list(marks)
        self._rebuild()

    def visible_marks(self) -> list:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            out += [top.child(j).data(0, MARK_ROLE) for j in range(top.childCount())]
        return out

    def _rebuild(self) -> None:
        needle = self.search.text().strip().lower()
        floor = SEVERITY_RANK.get(self.severity.currentData() or "info", 1)
        groups: dict[str, list] = {}
        for m in self._marks:
            f = m.finding
            if SEVERITY_RANK.get(f.severity, 1) < floor:
                continue
            if needle and needle not in f"{f.text} {f.message} {category_label(f.category)}".lower():
                continue
            groups.setdefault(f.category, []).append(m)
        self.tree.blockSignals(True)
        self.tree.clear()
        order = {c: i for i, c in enumerate(CATEGORIES)}
        for cat in sorted(groups, key=lambda c: order.get(c, 99)):
            items = sorted(groups[cat], key=lambda m: m.start)
            top = QTreeWidgetItem([f"{category_label(cat)}  ({len(items)})"])
            top.setIcon(0, swatch(category_color(cat)))
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.tree.addTopLevelItem(top)
            for m in items:
                f = m.finding
                label = f.message if f.text.lower() in f.message.lower() else f"“{f.text}” — {f.message}"
                child = QTreeWidgetItem([label])
                child.setData(0, MARK_ROLE, m)
                child.setToolTip(0, f"<b>{html.escape(severity_label(f.severity))}</b>: {html.escape(f.message)}"
                                    f"<br>{html.escape(f.explanation)}")
                if f.severity == "error":
                    font = child.font(0)
                    font.setBold(True)
                    child.setFont(0, font)
                top.addChild(child)
            top.setExpanded(True)
        total = sum(len(v) for v in groups.values())
        self.tree.blockSignals(False)
        if not self._marks:
            self.title.setText(tr("No findings"))
        elif total == len(self._marks):
            self.title.setText(tr("{count} findings", count=total))
        else:
            self.title.setText(tr("{shown} of {count} findings shown", shown=total, count=len(self._marks)))

    def _on_current(self, item, _prev=None) -> None:
        mark = item.data(0, MARK_ROLE) if item else None
        if mark is not None:
            self.selected.emit(mark)

    def _on_activated(self, item, _col=0) -> None:
        mark = item.data(0, MARK_ROLE)
        if mark is not None:
            self.activated.emit(mark)
        else:
            item.setExpanded(not item.isExpanded())
