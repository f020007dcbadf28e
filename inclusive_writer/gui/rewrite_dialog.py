"""Review a whole-text rewrite: a diff, and accept or reject each change."""
from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QSplitter, QTextBrowser, QVBoxLayout)

from .i18n import Binder, tr

EDIT_ROLE = Qt.ItemDataRole.UserRole + 2


def diff_html(text: str, edits: list, accepted: set[str]) -> str:
    """The text with every change shown: removed in red strike-through, added in green.

    Rejected changes are shown greyed so the person still sees what was proposed.
    """
    esc = html.escape
    out, pos = [], 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < pos:
            continue
        out.append(esc(text[pos:e.start]))
        old, new = esc(text[e.start:e.end]), esc(e.replacement)
        if e.id in accepted:
            if old:
                out.append(f"<span style='background:#fde2e1;color:#9f1c1c;text-decoration:line-through'>{old}</span>")
            if new:
                out.append(f"<span style='background:#d7f5dd;color:#0f5c23;font-weight:600'>{new}</span>")
        else:
            out.append(f"<span style='text-decoration:underline dotted'>{old}</span>"
                       f"<span style='color:#8c959f'>{' [' + new + ']' if new else ''}</span>")
        pos = e.end
    out.append(esc(text[pos:]))
    return "<div style='white-space:pre-wrap; line-height:140%'>" + "".join(out) + "</div>"


def edit_reason(edit: Any) -> str:
    f = getattr(edit, "finding", None)
    if f is not None and getattr(f, "message", ""):
        return f.message
    return edit.rule or ""


class RewriteDialog(QDialog):
    """Shows the proposed changes; `accepted_ids()` after exec() says which ones to apply."""

    def __init__(self, text: str, rewrite: Any, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("rewriteDialog")
        self.text, self.rewrite = text, rewrite
        self.edits = list(rewrite.edits)
        self.t = Binder()
        self.t(self.setWindowTitle, "Rewrite inclusively — review the changes")
        self.resize(980, 620)
        lay = QVBoxLayout(self)
        intro = QLabel()
        intro.setWordWrap(True)
        self.t(intro.setText, "Each change is listed on the left. Untick the ones you do not want. "
               "Your document only changes when you press “Apply accepted changes”.")
        lay.addWidget(intro)
        split = QSplitter()
        self.list = QListWidget()
        self.list.setObjectName("rewriteEdits")
        self.t(self.list.setAccessibleName, "Proposed changes: tick to accept")
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for e in self.edits:
            old = text[e.start:e.end]
            label = f"“{old}” → “{e.replacement}”" if e.replacement else tr("remove “{text}”", text=old)
            reason = edit_reason(e)
            item = QListWidgetItem(label + (f"\n    {reason}" if reason else ""))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(EDIT_ROLE, e.id)
            self.list.addItem(item)
        self.view = QTextBrowser()
        self.view.setObjectName("rewriteDiff")
        self.t(self.view.setAccessibleName, "The text with the accepted changes marked")
        split.addWidget(self.list)
        split.addWidget(self.view)
        split.setSizes([420, 640])
        lay.addWidget(split, 1)
        row = QHBoxLayout()
        self.all_btn, self.none_btn = QPushButton(), QPushButton()
        self.t(self.all_btn.setText, "Accept &all")
        self.t(self.none_btn.setText, "&Reject all")
        self.all_btn.clicked.connect(lambda: self._set_all(True))
        self.none_btn.clicked.connect(lambda: self._set_all(False))
        self.count = QLabel()
        row.addWidget(self.all_btn)
        row.addWidget(self.none_btn)
        row.addStretch(1)
        row.addWidget(self.count)
        lay.addLayout(row)
        self.buttons = QDialogButtonBox()
        self.apply_btn = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.t(self.apply_btn.setText, "A&pply accepted changes")
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.t(cancel.setText, "Cancel (keep my text)")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.list.itemChanged.connect(self._refresh)
        if not self.edits:
            self.t(intro.setText, "Nothing to rewrite: no change is proposed for this text.")
        self._refresh()
        self.list.setFocus()

    def _set_all(self, on: bool) -> None:
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._refresh()

    def set_accepted(self, edit_id: str, on: bool) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(EDIT_ROLE) == edit_id:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def accepted_ids(self) -> list[str]:
        return [self.list.item(i).data(EDIT_ROLE) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def result_text(self) -> str:
        return self.rewrite.apply(self.accepted_ids())

    def _refresh(self, *_: Any) -> None:
        acc = set(self.accepted_ids())
        self.view.setHtml(diff_html(self.text, self.edits, acc))
        self.count.setText(tr("{n} of {total} changes accepted", n=len(acc), total=len(self.edits)))
        self.apply_btn.setEnabled(bool(acc))
