"""The audit log dialog: what was checked, proposed and decided, on this computer only.

Shows `services.audit.default_log()` entries in a table, exports them (CSV/JSON through the
log's own export, which defuses spreadsheet formulas), clears them after a confirmation, and
edits the log's settings (enabled, raw-text opt-in, retention).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox,
                               QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
                               QLabel, QMessageBox, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from .i18n import Binder, tr

MAX_ROWS = 2000  # newest entries shown; the export always has all of them
HASH_CHARS = 12
# table header labels (collected by tests/test_gui_i18n.py)
COLUMNS = ("When", "Action", "Document (hash)", "Language", "Rules raised", "Suggestions shown",
           "Accepted", "Rejected", "Models used")
ACTION_LABELS = {"check": "Check", "rewrite": "Rewrite", "translate": "Translation",
                 "decision": "Decision", "grammar": "Grammar", "spelling": "Spelling"}


def local_time(stamp: str) -> str:
    """A UTC ISO time from the log, shown in the computer's local time."""
    try:
        return dt.datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except (TypeError, ValueError):
        return stamp or ""


def models_text(models: list[dict[str, Any]]) -> str:
    return ", ".join(m.get("id", "") + (f" {m['version']}" if m.get("version") else "")
                     for m in models if m.get("id"))


def entry_cells(e: Any) -> list[str]:
    """The table cells of one `AuditEntry` (in `COLUMNS` order)."""
    rules = list(dict.fromkeys(e.rules))
    return [
        local_time(e.time),
        tr(ACTION_LABELS[e.action]) if e.action in ACTION_LABELS else e.action,
        (e.document_sha256 or "")[:HASH_CHARS],
        e.language or "",
        ", ".join(rules),
        str(e.suggestions_shown),
        str(len(e.accepted)),
        str(len(e.rejected)),
        models_text(e.models),
    ]


class AuditDialog(QDialog):
    """View, export, clear and configure the local audit log."""

    def __init__(self, parent=None, log: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditDialog")
        if log is None:
            from ..services.audit import default_log

            log = default_log()
        self.log = log
        self.entries: list[Any] = []
        self.t = Binder()
        self.t(self.setWindowTitle, "Audit log")
        self.t(self.setAccessibleName, "Audit log")
        self.resize(1100, 600)
        lay = QVBoxLayout(self)

        self.note = QLabel()
        self.note.setObjectName("auditPrivacyNote")
        self.note.setWordWrap(True)
        self.t(self.note.setText,
               "This log stays on this computer; nothing is sent anywhere. It records what was "
               "checked, proposed and decided, and which rules and models were used. A document "
               "is stored as a fingerprint (SHA-256 hash), not as text, unless you choose below "
               "to keep the text.")
        lay.addWidget(self.note)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("auditTable")
        self.t(self.table.setAccessibleName, "Audit log entries, newest first")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        lay.addWidget(self.table, 1)
        self.count = QLabel()
        self.count.setObjectName("auditCount")
        lay.addWidget(self.count)

        row = QHBoxLayout()
        self.csv_btn, self.json_btn = QPushButton(), QPushButton()
        self.clear_btn, self.refresh_btn = QPushButton(), QPushButton()
        self.csv_btn.setObjectName("auditExportCsv")
        self.json_btn.setObjectName("auditExportJson")
        self.clear_btn.setObjectName("auditClear")
        self.t(self.csv_btn.setText, "Export &CSV…")
        self.t(self.json_btn.setText, "Export &JSON…")
        self.t(self.clear_btn.setText, "C&lear the log…")
        self.t(self.refresh_btn.setText, "Re&fresh")
        self.t(self.csv_btn.setAccessibleName, "Export the audit log as CSV")
        self.t(self.json_btn.setAccessibleName, "Export the audit log as JSON")
        self.t(self.clear_btn.setAccessibleName, "Delete every audit log entry")
        self.t(self.refresh_btn.setAccessibleName, "Reload the audit log")
        self.csv_btn.clicked.connect(lambda: self.export_dialog("csv"))
        self.json_btn.clicked.connect(lambda: self.export_dialog("json"))
        self.clear_btn.clicked.connect(self.clear)
        self.refresh_btn.clicked.connect(self.refresh)
        for b in (self.csv_btn, self.json_btn, self.clear_btn):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.refresh_btn)
        lay.addLayout(row)

        box = QGroupBox()
        self.t(box.setTitle, "Audit log settings")
        form = QFormLayout(box)
        self.enabled = QCheckBox()
        self.enabled.setObjectName("auditEnabled")
        self.t(self.enabled.setText, "&Keep an audit log")
        self.store_text = QCheckBox()
        self.store_text.setObjectName("auditStoreText")
        self.t(self.store_text.setText, "Also keep the &raw text and the replaced words (opt-in)")
        self.t(self.store_text.setToolTip,
               "Off: only fingerprints (hashes) are kept. Switching this off again erases the "
               "text kept so far.")
        self.forever = QCheckBox()
        self.forever.setObjectName("auditKeepForever")
        self.t(self.forever.setText, "Keep entries &forever")
        self.retention = QSpinBox()
        self.retention.setObjectName("auditRetention")
        self.retention.setRange(1, 36500)
        self.t(self.retention.setSuffix, " days")
        self.t(self.retention.setAccessibleName, "Keep entries for this many days")
        self.forever.toggled.connect(lambda on: self.retention.setEnabled(not on))
        keep = QHBoxLayout()
        keep.addWidget(self.retention)
        keep.addWidget(self.forever)
        keep.addStretch(1)
        self.save_btn = QPushButton()
        self.save_btn.setObjectName("auditSaveSettings")
        self.t(self.save_btn.setText, "&Save settings")
        self.save_btn.clicked.connect(self.save_settings)
        form.addRow(self.enabled)
        form.addRow(self.store_text)
        keep_label = QLabel()
        self.t(keep_label.setText, "Keep entries for:")
        keep_label.setBuddy(self.retention)
        form.addRow(keep_label, keep)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_btn)
        save_row.addStretch(1)
        form.addRow(save_row)
        lay.addWidget(box)

        self.status = QLabel()
        self.status.setObjectName("auditStatus")
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.t(buttons.button(QDialogButtonBox.StandardButton.Close).setText, "Close")
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

        self.load_settings()
        self.refresh()
        self.table.setFocus()

    # ---- loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """(Re)load the newest entries into the table."""
        try:
            self.entries = self.log.entries(limit=MAX_ROWS)
            total = self.log.count()
        except Exception as exc:  # noqa: BLE001 - a broken log must not break the app
            self.entries, total = [], 0
            self.status.setText(tr("The audit log could not be read: {error}", error=str(exc)))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setRowCount(len(self.entries))
        for r, e in enumerate(self.entries):
            for c, text in enumerate(entry_cells(e)):
                item = QTableWidgetItem(text)
                if c == 2 and e.document_sha256:
                    item.setToolTip(e.document_sha256)
                elif text:
                    item.setToolTip(text)
                if c >= 5 and c <= 7:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        for c in (4, 8):
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), 320))
        if not total:
            self.count.setText(tr("The audit log is empty."))
        elif total > len(self.entries):
            self.count.setText(tr("Showing the newest {shown} of {total} entries (exports include all).",
                                  shown=len(self.entries), total=total))
        else:
            self.count.setText(tr("Entries: {n}", n=total))
        has = bool(total)
        for b in (self.csv_btn, self.json_btn, self.clear_btn):
            b.setEnabled(has)

    def load_settings(self) -> None:
        try:
            s = self.log.settings
        except Exception as exc:  # noqa: BLE001
            self.status.setText(tr("The audit log could not be read: {error}", error=str(exc)))
            return
        self.enabled.setChecked(s.enabled)
        self.store_text.setChecked(s.store_text)
        self.forever.setChecked(s.retention_days is None)
        self.retention.setValue(int(s.retention_days or 365))
        self.retention.setEnabled(s.retention_days is not None)

    # ---- actions ---------------------------------------------------------------------------
    def save_settings(self) -> bool:
        days = None if self.forever.isChecked() else self.retention.value()
        try:
            self.log.set_settings(enabled=self.enabled.isChecked(),
                                  store_text=self.store_text.isChecked(), retention_days=days)
        except Exception as exc:  # noqa: BLE001
            self.status.setText(tr("The settings could not be saved: {error}", error=str(exc)))
            return False
        self.status.setText(tr("Audit log settings saved."))
        self.refresh()  # a shorter retention or the text opt-out may have removed data
        return True

    def export_to(self, path: str, fmt: str) -> int:
        return self.log.export(path, fmt)

    def export_dialog(self, fmt: str) -> str | None:
        stem = f"inclusive-writer-audit-{dt.date.today():%Y-%m-%d}.{fmt}"
        filt = tr("CSV table (*.csv)") if fmt == "csv" else tr("JSON (*.json)")
        path, _ = QFileDialog.getSaveFileName(self, tr("Export the audit log"), stem, filt)
        if not path:
            return None
        if not Path(path).suffix:
            path += "." + fmt
        try:
            n = self.export_to(path, fmt)
        except Exception as exc:  # noqa: BLE001
            QMessageBox.warning(self, tr("Export failed"), str(exc))
            return None
        self.status.setText(tr("{n} entries exported to {file}", n=n, file=Path(path).name))
        return path

    def clear(self) -> bool:
        ans = QMessageBox.question(
            self, tr("Clear the audit log?"),
            tr("Delete all {n} entries of the audit log from this computer? This cannot be undone.",
               n=self.log_count()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if ans != QMessageBox.StandardButton.Yes:
            return False
        try:
            n = self.log.clear()
        except Exception as exc:  # noqa: BLE001
            self.status.setText(tr("The audit log could not be cleared: {error}", error=str(exc)))
            return False
        self.status.setText(tr("Entries deleted: {n}", n=n))
        self.refresh()
        return True

    def log_count(self) -> int:
        try:
            return self.log.count()
        except Exception:  # noqa: BLE001
            return len(self.entries)
