"""Translation view: source and target side by side, with the target checked too."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QFrame, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QProgressBar, QPushButton, QSplitter, QVBoxLayout,
                               QWidget)

from . import workers
from .editor import CheckingEditor
from .i18n import Binder, tr
from .theme import language_name

LANGS = ("en", "nl", "fr", "de")


def run_translation(text: str, src: str, tgt: str, terms: list[str], progress=None, cancel=None) -> Any:
    """Worker side: call the translation service (imports the ml layer only now)."""
    from ..services.translate import translate

    glossary = {"protect": list(terms)} if terms else None
    return translate(text, src, tgt, glossary=glossary, progress=progress, cancel=cancel)


def is_not_installed(exc: BaseException) -> bool:
    return type(exc).__name__ == "ModelNotInstalled"


def is_cancelled(exc: BaseException) -> bool:
    return type(exc).__name__ in ("Cancelled", "CancelledError")


class TranslateView(QDialog):
    """Non-modal window. `open_models` asks the main window to show the model manager."""

    open_models = Signal()
    use_translation = Signal(str)
    translated = Signal(str, object, str, str)  # source text, Translation, source and target language

    def __init__(self, source_text: str, src: str | None, parent=None,
                 settings_provider=None) -> None:
        super().__init__(parent)
        self.setObjectName("translateView")
        self.t = Binder()
        self.t(self.setWindowTitle, "Translate")
        self.resize(1100, 640)
        self.task: workers.Task | None = None
        self.last_model = ""
        lay = QVBoxLayout(self)

        bar = QHBoxLayout()
        self.src, self.tgt = QComboBox(), QComboBox()
        self.src.setObjectName("sourceLanguage")
        self.tgt.setObjectName("targetLanguage")
        for combo in (self.src, self.tgt):
            for code in LANGS:
                combo.addItem(language_name(code), code)
        self.src.setCurrentIndex(LANGS.index(src) if src in LANGS else 0)
        self.tgt.setCurrentIndex(1 if self.src.currentIndex() == 0 else 0)
        self.src_label, self.tgt_label, self.terms_label = QLabel(), QLabel(), QLabel()
        self.t(self.src_label.setText, "&From")
        self.t(self.tgt_label.setText, "&To")
        self.src_label.setBuddy(self.src)
        self.tgt_label.setBuddy(self.tgt)
        self.t(self.src.setAccessibleName, "Source language")
        self.t(self.tgt.setAccessibleName, "Target language")
        self.swap = QPushButton("⇄")
        self.t(self.swap.setToolTip, "Swap languages")
        self.t(self.swap.setAccessibleName, "Swap languages")
        self.swap.clicked.connect(self._swap)
        self.terms = QLineEdit()
        self.terms.setObjectName("protectedTerms")
        self.t(self.terms.setPlaceholderText, "Protected terms, comma-separated (company, product, job title)")
        self.t(self.terms.setAccessibleName, "Protected terms: kept exactly as written")
        self.t(self.terms_label.setText, "&Keep as is")
        self.terms_label.setBuddy(self.terms)
        self.go = QPushButton()
        self.go.setObjectName("translateButton")
        self.t(self.go.setText, "T&ranslate")
        self.go.setDefault(True)
        self.cancel_btn = QPushButton()
        self.t(self.cancel_btn.setText, "&Cancel")
        self.cancel_btn.setEnabled(False)
        for w in (self.src_label, self.src, self.swap, self.tgt_label, self.tgt, self.terms_label):
            bar.addWidget(w)
        bar.addWidget(self.terms, 1)
        bar.addWidget(self.go)
        bar.addWidget(self.cancel_btn)
        lay.addLayout(bar)

        self.banner = QFrame()
        self.banner.setObjectName("noModelBanner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setStyleSheet("#noModelBanner{background:#fff4ce;border:1px solid #e0b400;border-radius:6px}"
                                  "#noModelBanner QLabel{color:#3d3000}")
        bl = QHBoxLayout(self.banner)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.models_btn = QPushButton()
        self.t(self.models_btn.setText, "Open the &model manager…")
        self.models_btn.clicked.connect(self.open_models.emit)
        bl.addWidget(self.banner_text, 1)
        bl.addWidget(self.models_btn)
        self.banner.hide()
        lay.addWidget(self.banner)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.source = QPlainTextEdit()
        self.source.setObjectName("translateSource")
        self.source.setPlainText(source_text)
        self.t(self.source.setAccessibleName, "Source text")
        self.target = CheckingEditor()
        self.target.setObjectName("translateTarget")
        self.t(self.target.setAccessibleName, "Translation (checked for inclusive wording; right-click a flag for fixes)")
        if settings_provider:
            self.target.settings_provider = settings_provider
        self.target.language = self._tgt()
        self.target.setReadOnly(False)
        split.addWidget(self.source)
        split.addWidget(self.target)
        lay.addWidget(split, 1)

        foot = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setObjectName("translateProgress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.t(self.progress.setAccessibleName, "Translation progress")
        self.status = QLabel()
        self.t(self.status.setText, "Runs on this computer. Nothing is sent anywhere.")
        self.use_btn = QPushButton()
        self.t(self.use_btn.setText, "&Use translation as my document")
        self.use_btn.setEnabled(False)
        self.use_btn.clicked.connect(lambda: self.use_translation.emit(self.target.toPlainText()))
        foot.addWidget(self.progress, 1)
        foot.addWidget(self.status, 2)
        foot.addWidget(self.use_btn)
        lay.addLayout(foot)

        self.go.clicked.connect(self.start)
        self.cancel_btn.clicked.connect(self.cancel)
        self.tgt.currentIndexChanged.connect(lambda: setattr(self.target, "language", self._tgt()))
        self.target.report_ready.connect(self._target_checked)

    def _tgt(self) -> str:
        return self.tgt.currentData()

    def _swap(self) -> None:
        s, t = self.src.currentIndex(), self.tgt.currentIndex()
        self.src.setCurrentIndex(t)
        self.tgt.setCurrentIndex(s)

    def protected_terms(self) -> list[str]:
        return [t.strip() for t in self.terms.text().split(",") if t.strip()]

    def start(self) -> None:
        src, tgt = self.src.currentData(), self._tgt()
        if src == tgt:
            self.status.setText(tr("Choose two different languages."))
            return
        self.banner.hide()
        self.progress.setRange(0, 0)  # busy until the first progress report
        self.go.setEnabled(False)
        self.cancel_btn.setEnabled(True)
        self.status.setText(tr("Translating on this computer…"))
        self._job = (self.source.toPlainText(), src, tgt)
        self.task = workers.run_async(
            run_translation, self._job[0], src, tgt, self.protected_terms(),
            with_progress=True, on_done=self._done, on_failed=self._failed, on_progress=self._progress)

    def cancel(self) -> None:
        if self.task:
            self.task.cancel()
            self.status.setText(tr("Cancelling…"))

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _reset(self) -> None:
        self.go.setEnabled(True)
        self.cancel_btn.setEnabled(False)
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 100)
        self.task = None

    def _done(self, result: Any) -> None:
        cancelled = self.task is not None and self.task.cancelled
        self._reset()
        if cancelled:
            self.progress.setValue(0)
            self.status.setText(tr("Translation cancelled."))
            return
        self.progress.setValue(self.progress.maximum())
        self.target.language = self._tgt()
        self.target.set_text(result.text)
        self.use_btn.setEnabled(True)
        model = getattr(result, "model_id", "") or "?"
        self.last_model = model
        self.status.setText(tr("Translated on this computer with {model}. Checking the translation…", model=model))
        job = getattr(self, "_job", None)
        if job is not None:
            self.translated.emit(job[0], result, job[1], job[2])

    def _failed(self, exc: BaseException) -> None:
        self._reset()
        self.progress.setValue(0)
        if is_not_installed(exc):
            self.show_no_model(str(exc))
        elif is_cancelled(exc):
            self.status.setText(tr("Translation cancelled."))
        else:
            self.status.setText(tr("Translation failed: {error}", error=str(exc)))

    def show_no_model(self, detail: str = "") -> None:
        self.banner_text.setText(
            "<b>" + tr("No translation model is installed for {src} → {tgt}.",
                       src=language_name(self.src.currentData()), tgt=language_name(self._tgt())) + "</b><br>"
            + tr("Translation runs only on this computer, so it needs a model pack. "
                 "Import one in the model manager (from a folder or zip your IT team provides)."))
        self.banner_text.setToolTip(detail)
        self.banner.show()
        self.status.setText(tr("No model installed."))

    def _target_checked(self, _report: Any) -> None:
        n = len(self.target.marks())
        head = tr("Translated on this computer with {model}.", model=self.last_model) + " " if self.last_model else ""
        self.status.setText(head + (tr("Translation checked: {n} findings. Right-click a flagged word for fixes.", n=n)
                                    if n else tr("Translation checked: no findings.")))

    def retranslate(self) -> None:
        self.t.retranslate()
        for combo in (self.src, self.tgt):
            for i in range(combo.count()):
                combo.setItemText(i, language_name(combo.itemData(i)))

    def closeEvent(self, ev) -> None:  # noqa: N802
        self.cancel()
        super().closeEvent(ev)
