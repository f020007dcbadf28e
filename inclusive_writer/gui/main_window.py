"""The main window: editor, gauges, findings panel, menus, files, and the tool windows."""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QApplication, QComboBox, QFileDialog, QLabel, QMainWindow, QMenu,
                               QMessageBox, QSplitter, QToolBar, QVBoxLayout, QWidget)

from . import i18n, workers
from .editor import CheckingEditor, Mark
from .findings_panel import FindingsPanel
from .gauges import GaugesPanel
from .i18n import Binder, tr
from .settings import GuiSettings
from .theme import apply_scheme, language_name

DOC_LANGS = ("en", "nl", "fr", "de")
OPEN_FILTER = "Documents (*.txt *.md *.docx);;Word (*.docx);;Text (*.txt *.md);;All files (*)"
AUTOSAVE_MS = 5_000

log = logging.getLogger(__name__)


def propose(text: str, lang: str | None, style: str | None, locale: str | None) -> tuple[Any, str]:
    """Worker side of "Rewrite inclusively"."""
    from ..services.rewrite import propose_rewrite

    return propose_rewrite(text, lang, style=style, pronouns="job-ad", locale=locale), text


def record_audit(audit_log: Any, method: str, args: tuple, kwargs: dict) -> None:
    """Worker side of the audit log: `audit_log.<method>(*args, **kwargs)`; never raises."""
    try:
        getattr(audit_log, method)(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - the audit log must never break the app
        log.warning("audit log: could not record %s (%s)", method, exc)


def warm_spelling(lang: str) -> str:
    """Worker side of the spelling warm-up (loads the dictionary and its suggestion index)."""
    from ..services.spelling import warm_up

    warm_up(lang)
    return lang


class MainWindow(QMainWindow):
    def __init__(self, settings: GuiSettings | None = None, checker=None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or GuiSettings.load()
        i18n.set_language(self.settings.ui_language)
        self.t = Binder()
        self.doc: Any = None            # io.Document of the open file
        self.path: Path | None = None
        self.translate_view = None
        self.model_manager = None
        self._rewrite_task = None
        self._autosave_store = None
        self._autosave_keyname: str | None = None
        self._audit_check_text: str | None = None  # record the next check of this text
        self.audit_dialog = None
        self.audit_pool = QThreadPool(self)  # audit writes, in order, off the UI thread
        self.audit_pool.setMaxThreadCount(1)

        self.editor = CheckingEditor(checker=checker)
        self.editor.settings_provider = lambda lang: self.settings.check_settings(lang)
        self.editor.language = None if self.settings.document_language == "auto" else self.settings.document_language
        self.t(self.editor.setPlaceholderText,
               "Paste or type your job ad here. Flagged words are underlined as you type; "
               "hover for the reason, right-click (or Ctrl+.) for alternatives.")
        self.panel = FindingsPanel()
        self.gauges = GaugesPanel()
        right = QWidget()
        right.setObjectName("sidePanel")
        rl = QVBoxLayout(right)
        rl.setContentsMargins(8, 4, 4, 4)
        rl.addWidget(self.gauges)
        rl.addWidget(self.panel, 1)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.editor)
        self.split.addWidget(right)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setSizes([760, 440])
        self.setCentralWidget(self.split)
        font = self.editor.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.editor.setFont(font)
        self.editor.document().setDocumentMargin(12)

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status()

        self.editor.report_ready.connect(self._on_report)
        self.editor.marks_changed.connect(self._on_marks)
        self.editor.check_started.connect(lambda: self.state.setText(tr("Checking…")))
        self.editor.check_failed.connect(self._on_check_failed)
        self.editor.ignore_word_requested.connect(self.add_to_org_list)
        self.editor.decision_made.connect(self._record_decision)
        self.editor.document().modificationChanged.connect(self.setWindowModified)
        self.panel.selected.connect(lambda m: self.editor.jump_to(m, focus=False))
        self.panel.activated.connect(lambda m: self.editor.jump_to(m, focus=True))
        self.setAcceptDrops(True)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self.resize(1280, 820)
        if self.settings.geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.geometry.encode()))
        self._update_title()
        self.retranslate()
        self.editor.document().setModified(False)

    # ---- building ----------------------------------------------------------------------------
    def _act(self, key: str, slot, shortcut: Any = None, name: str = "") -> QAction:
        act = QAction(self)
        self.t(act.setText, key)
        if name:
            act.setObjectName(name)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(slot)
        self.addAction(act)
        return act

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.a_new = self._act("&New", self.new_document, K.New, "actNew")
        self.a_open = self._act("&Open…", self.open_dialog, K.Open, "actOpen")
        self.a_save = self._act("&Save", self.save, K.Save, "actSave")
        self.a_save_as = self._act("Save &as…", self.save_as, K.SaveAs, "actSaveAs")
        self.a_html = self._act("Export report as &HTML…", lambda: self.export_dialog("html"), "Ctrl+E", "actHtml")
        self.a_pdf = self._act("Export report as &PDF…", lambda: self.export_dialog("pdf"), "Ctrl+Shift+E", "actPdf")
        self.a_quit = self._act("&Quit", self.close, K.Quit, "actQuit")
        self.a_undo = self._act("&Undo", self.editor.undo, K.Undo, "actUndo")
        self.a_redo = self._act("&Redo", self.editor.redo, K.Redo, "actRedo")
        self.a_next = self._act("&Next finding", lambda: self.editor.step_finding(True), "F8", "actNext")
        self.a_prev = self._act("&Previous finding", lambda: self.editor.step_finding(False), "Shift+F8", "actPrev")
        self.a_fix = self._act("Show &fixes for this finding", self.editor.show_fixes_at_cursor, None, "actFix")
        self.a_fix.setShortcut(QKeySequence("Ctrl+."))
        self.a_fix.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the editor owns Ctrl+.
        self.a_clear_ign = self._act("Show ignored findings again", self.editor.clear_ignores, None, "actClearIgnores")
        self.a_check = self._act("Check &now", self.editor.check_now, "F5", "actCheck")
        self.a_rewrite = self._act("Rewrite &inclusively…", self.rewrite, "Ctrl+Shift+R", "actRewrite")
        self.a_translate = self._act("&Translate…", self.open_translate, "Ctrl+Shift+T", "actTranslate")
        self.a_models = self._act("On-device &models…", self.open_models, None, "actModels")
        self.a_audit = self._act("&Audit log…", self.open_audit, "Ctrl+Shift+L", "actAudit")
        self.a_settings = self._act("&Settings…", self.open_settings, K.Preferences, "actSettings")
        if not self.a_settings.shortcut().toString():
            self.a_settings.setShortcut(QKeySequence("Ctrl+,"))
        self.a_focus_editor = self._act("Go to the &text", self.editor.setFocus, "Ctrl+1", "actFocusEditor")
        self.a_focus_panel = self._act("Go to the &findings", self.panel.tree.setFocus, "Ctrl+2", "actFocusPanel")
        self.a_about = self._act("&Privacy and about", self.about, None, "actAbout")
        self.editor.undoAvailable.connect(self.a_undo.setEnabled)
        self.editor.redoAvailable.connect(self.a_redo.setEnabled)
        self.a_undo.setEnabled(False)
        self.a_redo.setEnabled(False)

    def _menu(self, key: str) -> QMenu:
        menu = self.menuBar().addMenu("")
        self.t(menu.setTitle, key)
        return menu

    def _build_menus(self) -> None:
        m = self._menu("&File")
        for a in (self.a_new, self.a_open):
            m.addAction(a)
        self.recent_menu = m.addMenu("")
        self.t(self.recent_menu.setTitle, "Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._fill_recent()
        m.addSeparator()
        for a in (self.a_save, self.a_save_as):
            m.addAction(a)
        m.addSeparator()
        m.addAction(self.a_html)
        m.addAction(self.a_pdf)
        m.addSeparator()
        m.addAction(self.a_quit)
        e = self._menu("&Edit")
        for a in (self.a_undo, self.a_redo):
            e.addAction(a)
        e.addSeparator()
        for a in (self.a_next, self.a_prev, self.a_fix, self.a_clear_ign, self.a_check):
            e.addAction(a)
        t = self._menu("&Tools")
        for a in (self.a_rewrite, self.a_translate):
            t.addAction(a)
        t.addSeparator()
        t.addAction(self.a_models)
        t.addAction(self.a_audit)
        t.addAction(self.a_settings)
        v = self._menu("&View")
        v.addAction(self.a_focus_editor)
        v.addAction(self.a_focus_panel)
        h = self._menu("&Help")
        h.addAction(self.a_about)

    def _build_toolbar(self) -> None:
        tb = QToolBar()
        tb.setObjectName("mainToolbar")
        self.t(tb.setWindowTitle, "Main toolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in (self.a_open, self.a_save):
            tb.addAction(a)
        tb.addSeparator()
        self.lang_label = QLabel()
        self.t(self.lang_label.setText, "Document language:")
        self.lang_combo = QComboBox()
        self.lang_combo.setObjectName("documentLanguage")
        self.t(self.lang_combo.setAccessibleName, "Document language")
        self.lang_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.lang_combo.addItem("", "auto")
        for code in DOC_LANGS:
            self.lang_combo.addItem("", code)
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(self.settings.document_language)))
        self.lang_combo.currentIndexChanged.connect(self._on_lang_chosen)
        self.lang_label.setBuddy(self.lang_combo)
        tb.addWidget(self.lang_label)
        tb.addWidget(self.lang_combo)
        tb.addSeparator()
        for a in (self.a_rewrite, self.a_translate, self.a_html):
            tb.addAction(a)
        tb.addSeparator()
        tb.addAction(self.a_models)
        tb.addAction(self.a_settings)
        self.addToolBar(tb)
        self.toolbar = tb

    def _build_status(self) -> None:
        sb = self.statusBar()
        self.state = QLabel()
        self.state.setObjectName("checkState")
        self.detected = QLabel()
        self.detected.setObjectName("detectedLanguage")
        self.privacy = QLabel()
        self.privacy.setObjectName("privacyBadge")
        self.t(self.privacy.setText, "Offline: nothing leaves this computer")
        sb.addWidget(self.state, 1)
        sb.addPermanentWidget(self.detected)
        sb.addPermanentWidget(self.privacy)

    # ---- language and translation of the UI --------------------------------------------------
    def retranslate(self) -> None:
        self.t.retranslate()
        self.panel.retranslate()
        self.gauges.retranslate()
        self.editor.setAccessibleName(tr("Text editor"))
        self._lang_items()
        self._update_title()
        if self.translate_view is not None:
            self.translate_view.retranslate()
        self._on_marks()

    def set_ui_language(self, lang: str) -> None:
        self.settings.ui_language = lang
        i18n.set_language(lang)
        self.retranslate()

    def _lang_items(self) -> None:
        detected = getattr(self.editor.report, "language", None)
        auto = tr("Detect automatically")
        if detected and self.lang_combo.currentData() == "auto":
            auto = tr("Automatic: {lang}", lang=language_name(detected))
        self.lang_combo.setItemText(0, auto)
        for i, code in enumerate(DOC_LANGS, start=1):
            self.lang_combo.setItemText(i, language_name(code))
        if detected:
            how = tr("detected") if self.lang_combo.currentData() == "auto" else tr("set by you")
            self.detected.setText(tr("Language: {lang} ({how})", lang=language_name(detected), how=how))
        else:
            self.detected.setText("")

    def _on_lang_chosen(self) -> None:
        code = self.lang_combo.currentData()
        self.editor.language = None if code == "auto" else code
        self.editor.schedule_check()
        self.editor.check_now()

    # ---- results -----------------------------------------------------------------------------
    def _on_report(self, report: Any) -> None:
        self._lang_items()
        if self._audit_check_text is not None:
            expected, self._audit_check_text = self._audit_check_text, None
            text = getattr(self.editor, "_text_snapshot", None)
            if text == expected:  # the opened/saved text itself, not a later edit
                self._audit("record_check", text, report, source="app")

    def _on_marks(self) -> None:
        marks = self.editor.marks()
        self.panel.set_marks(marks)
        if self.editor.report is not None:
            self.gauges.set_report(self.editor.report, marks)
            n = len(marks)
            self.state.setText(tr("{n} findings", n=n) if n else tr("No findings: nothing to change"))
        else:
            self.state.setText(tr("Ready"))

    def _on_check_failed(self, message: str) -> None:
        self.state.setText(tr("The check failed: {error}", error=message))

    # ---- files -------------------------------------------------------------------------------
    def _update_title(self) -> None:
        name = self.path.name if self.path else tr("Untitled")
        self.setWindowTitle(f"{name}[*] — Inclusive Writer")

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = [p for p in self.settings.recent_files if os.path.exists(p)]
        for i, p in enumerate(files):
            act = self.recent_menu.addAction(f"&{i + 1} {Path(p).name}  —  {Path(p).parent}")
            act.triggered.connect(lambda _=False, p=p: self.open_path(p))
        if not files:
            self.recent_menu.addAction(tr("No recent files")).setEnabled(False)

    def maybe_save(self) -> bool:
        """Ask before losing changes; True when it is fine to continue."""
        if not self.editor.document().isModified():
            return True
        box = QMessageBox(QMessageBox.Icon.Question, tr("Unsaved changes"),
                          tr("Save the changes to {name}?", name=self.path.name if self.path else tr("Untitled")),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        ans = box.exec()
        if ans == QMessageBox.StandardButton.Save:
            return self.save()
        return ans == QMessageBox.StandardButton.Discard

    def new_document(self) -> None:
        if not self.maybe_save():
            return
        self._clear_autosave()
        self.doc, self.path = None, None
        self.editor.set_text("")
        self._update_title()

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        start = str(self.path.parent) if self.path else ""
        path, _ = QFileDialog.getOpenFileName(self, tr("Open a document"), start, tr(OPEN_FILTER))
        if path:
            self.open_path(path)

    def open_path(self, path: str | os.PathLike[str]) -> bool:
        from ..io import InputError, read_document

        try:
            doc = read_document(path)
        except InputError as exc:
            QMessageBox.warning(self, tr("Cannot open the file"), str(exc))
            return False
        self._clear_autosave()
        self.doc, self.path = doc, Path(path)
        self.editor.set_text(doc.text)
        self._audit_check_on_next_report()
        self.settings.add_recent(str(path))
        self._save_settings()
        self._update_title()
        self.state.setText(tr("Opened {name}", name=self.path.name))
        return True

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        start = str(self.path) if self.path else tr("job-ad.docx")
        path, _ = QFileDialog.getSaveFileName(self, tr("Save as"), start, tr(OPEN_FILTER))
        if not path:
            return False
        if not Path(path).suffix:
            path += ".docx"
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        from ..io import InputError, write_document

        text = self.editor.toPlainText()
        from .positions import plain_text
        text = plain_text(self.editor.document())
        try:
            if self.doc is not None and self.path is not None and Path(path) == self.path:
                newline = self.doc.newline if self.doc.format != "docx" else None
                self.doc = write_document(self.doc, text, newline=newline)
            elif self.doc is not None:
                self.doc = write_document(self.doc, text, path=path)
            else:
                self.doc = write_document(path, text)
        except InputError as exc:
            QMessageBox.warning(self, tr("Cannot save the file"), str(exc))
            return False
        self.path = Path(path)
        self.editor.document().setModified(False)
        self.settings.add_recent(str(path))
        self._save_settings()
        self._update_title()
        self._clear_autosave()
        self.state.setText(tr("Saved {name}", name=self.path.name))
        self._audit_saved(text)
        return True

    # ---- autosave and crash recovery (io.autosave) ------------------------------------------
    def _store(self):
        if self._autosave_store is None:
            from ..io.autosave import AutosaveStore

            self._autosave_store = AutosaveStore()
        return self._autosave_store

    def _autosave_key(self) -> str:
        if self._autosave_keyname is None:
            from ..io.autosave import key_for

            self._autosave_keyname = key_for(str(self.path) if self.path else None)
        return self._autosave_keyname

    def autosave(self) -> None:
        """Keep a copy of unsaved changes so a crash loses at most a few seconds."""
        if not self.editor.document().isModified():
            return
        from .positions import plain_text

        try:
            self._store().save(self._autosave_key(), plain_text(self.editor.document()),
                               source=str(self.path) if self.path else None,
                               format=getattr(self.doc, "format", None))
        except Exception as exc:  # noqa: BLE001 - autosave must never break editing
            self.state.setText(tr("Autosave failed: {error}", error=str(exc)))

    def _clear_autosave(self) -> None:
        if self._autosave_store is not None and self._autosave_keyname is not None:
            try:
                self._autosave_store.discard(self._autosave_keyname)
            except OSError:
                pass
        self._autosave_keyname = None

    def offer_recovery(self) -> bool:
        """At start-up: offer the text a crashed session left behind. True if restored."""
        try:
            entries = self._store().recoverable()
        except Exception:  # noqa: BLE001
            return False
        if not entries:
            return False
        import datetime as _dt

        e = entries[0]
        when = _dt.datetime.fromtimestamp(e.saved_at).strftime("%Y-%m-%d %H:%M")
        name = Path(e.source).name if e.source else tr("Untitled")
        ans = QMessageBox.question(
            self, tr("Recover unsaved work?"),
            tr("Inclusive Writer closed without saving “{name}”. Restore the text saved at {when}?",
               name=name, when=when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if ans != QMessageBox.StandardButton.Yes:
            try:  # declined: forget it, so it is not offered again at every start
                self._store().discard(e.key)
            except OSError as exc:
                log.warning("could not discard the autosave %s: %s", e.key, exc)
            return False
        text = self._store().adopt(e)
        self._autosave_keyname = e.key
        self.path = Path(e.source) if e.source else None
        self.doc = None
        if self.path and self.path.exists():
            from ..io import InputError, read_document
            try:
                self.doc = read_document(self.path)
            except InputError:
                self.doc = None
        self.editor.set_text(text)
        self.editor.document().setModified(True)
        self._update_title()
        return True

    # ---- drag and drop -----------------------------------------------------------------------
    def dragEnterEvent(self, ev) -> None:  # noqa: N802
        if ev.mimeData().hasUrls():
            ev.acceptProposedAction()

    def dropEvent(self, ev) -> None:  # noqa: N802
        urls = [u.toLocalFile() for u in ev.mimeData().urls() if u.isLocalFile()]
        if urls and self.maybe_save():
            self.open_path(urls[0])
            ev.acceptProposedAction()

    # ---- export ------------------------------------------------------------------------------
    def report_html(self) -> str:
        from .positions import plain_text
        from .report_export import report_html

        text = getattr(self.editor, "_text_snapshot", plain_text(self.editor.document()))
        findings = [m.finding for m in self.editor.marks()]
        return report_html(self.editor.report, text, findings, self.path.name if self.path else tr("Untitled"))

    def export_to(self, path: str | os.PathLike[str]) -> None:
        from .report_export import write_html, write_pdf

        html = self.report_html()
        if str(path).lower().endswith(".pdf"):
            write_pdf(path, html)
        else:
            write_html(path, html)

    def export_dialog(self, kind: str) -> None:
        if self.editor.report is None:
            self.state.setText(tr("Nothing checked yet."))
            return
        stem = (self.path.stem if self.path else "job-ad") + "-report." + kind
        filt = tr("Web page (*.html)") if kind == "html" else tr("PDF (*.pdf)")
        path, _ = QFileDialog.getSaveFileName(self, tr("Export the findings report"), stem, filt)
        if path:
            self.export_to(path)
            self.state.setText(tr("Report saved: {name}", name=Path(path).name))

    # ---- rewrite -----------------------------------------------------------------------------
    def rewrite(self) -> None:
        from .positions import plain_text

        text = plain_text(self.editor.document())
        lang = self.editor.language or getattr(self.editor.report, "language", None)
        style = self.settings.style.get(lang or "", None)
        locale = self.settings.locale.get(lang or "", None)
        self.state.setText(tr("Preparing a rewrite…"))
        self.a_rewrite.setEnabled(False)
        self._rewrite_task = workers.run_async(
            propose, text, lang, style, locale, on_done=self._show_rewrite,
            on_failed=lambda exc: (self.a_rewrite.setEnabled(True),
                                   self.state.setText(tr("Rewrite failed: {error}", error=str(exc)))))

    def _show_rewrite(self, result: tuple[Any, str]) -> None:
        from .positions import plain_text
        from .rewrite_dialog import RewriteDialog

        self.a_rewrite.setEnabled(True)
        rewrite, text = result
        if plain_text(self.editor.document()) != text:
            self.state.setText(tr("The text changed while the rewrite was prepared; try again."))
            return
        self.rewrite_dialog = RewriteDialog(text, rewrite, self)
        self.rewrite_dialog.accepted.connect(lambda: self._apply_rewrite(self.rewrite_dialog, text))
        self.rewrite_dialog.open()
        self.state.setText(tr("{n} changes proposed", n=len(rewrite.edits)))

    def _apply_rewrite(self, dialog, text: str) -> None:
        from .positions import plain_text

        if plain_text(self.editor.document()) != text:
            return
        new = dialog.result_text()
        lang = self.editor.language or getattr(self.editor.report, "language", None)
        self._audit("record_rewrite", text, dialog.rewrite, list(dialog.accepted_ids()),
                    language=lang, source="app")
        if new != text:
            self.editor.replace_all_text(new)
            self.state.setText(tr("{n} changes applied (Ctrl+Z undoes them)", n=len(dialog.accepted_ids())))

    # ---- tool windows ------------------------------------------------------------------------
    def open_translate(self):
        from .positions import plain_text
        from .translate_view import TranslateView

        src = self.editor.language or getattr(self.editor.report, "language", None)
        if self.translate_view is None:
            self.translate_view = TranslateView(plain_text(self.editor.document()), src, self,
                                                settings_provider=lambda lang: self.settings.check_settings(lang))
            self.translate_view.open_models.connect(self.open_models)
            self.translate_view.use_translation.connect(self._use_translation)
            self.translate_view.translated.connect(
                lambda text, result, src, tgt: self._audit("record_translation", text, result, src, tgt,
                                                           source="app"))
        else:
            self.translate_view.source.setPlainText(plain_text(self.editor.document()))
        self.translate_view.show()
        self.translate_view.raise_()
        return self.translate_view

    def _use_translation(self, text: str) -> None:
        self.editor.replace_all_text(text)
        tgt = self.translate_view.tgt.currentData()
        self.lang_combo.setCurrentIndex(self.lang_combo.findData(tgt))

    def open_models(self):
        from .model_manager import ModelManager

        self.model_manager = ModelManager(self)
        self.model_manager.open()
        return self.model_manager

    def open_audit(self):
        from .audit_dialog import AuditDialog

        self.audit_dialog = AuditDialog(self)
        self.audit_dialog.open()
        return self.audit_dialog

    def open_settings(self):
        from .settings_dialog import SettingsDialog

        dlg = SettingsDialog(self.settings, self)
        dlg.accepted.connect(lambda: self._apply_settings(dlg))
        dlg.open()
        return dlg

    def _apply_settings(self, dlg) -> None:
        old_ui, old_scheme = self.settings.ui_language, self.settings.color_scheme
        dlg.apply()
        if self.settings.color_scheme != old_scheme:
            apply_scheme(QApplication.instance(), self.settings.color_scheme)
        if self.settings.ui_language != old_ui:
            self.set_ui_language(self.settings.ui_language)
        self._save_settings()
        self.editor.schedule_check()

    def add_to_org_list(self, word: str) -> None:
        from .orgpack import add_accepted_word

        pack = self.settings.org_pack
        if not pack:
            pack = QFileDialog.getExistingDirectory(self, tr("Choose your organisation's rule pack folder"))
            if not pack:
                return
            self.settings.org_pack = pack
        path = add_accepted_word(pack, word)
        self._save_settings()
        self.editor.ignore_word(word)
        self.state.setText(tr("“{word}” added to your organisation's accepted words ({file})", word=word, file=str(path)))
        self.editor.schedule_check()

    def about(self) -> None:
        QMessageBox.information(
            self, tr("Privacy and about"),
            tr("Inclusive Writer checks, rewrites and translates on this computer. "
               "Nothing you write is sent anywhere. Only an explicit model download uses the network."))

    # ---- audit log (services.audit) --------------------------------------------------------
    def _audit(self, method: str, *args: Any, **kwargs: Any) -> None:
        """Record in the local audit log, in the background; never raises into the UI."""
        try:
            from ..services.audit import default_log

            workers.start(workers.Task(record_audit, default_log(), method, args, kwargs),
                          self.audit_pool)
        except Exception as exc:  # noqa: BLE001
            log.warning("audit log: could not record %s (%s)", method, exc)

    def _record_decision(self, finding: Any, accepted: bool, replacement: Any, text: str) -> None:
        if getattr(finding, "language", None) is None and self.editor.report is not None:
            try:
                import dataclasses

                finding = dataclasses.replace(finding, language=self.editor.report.language)
            except (TypeError, ValueError):
                pass
        self._audit("record_decision", text, finding, bool(accepted),
                    replacement=replacement, source="app")

    def _audit_check_on_next_report(self) -> None:
        from .positions import plain_text

        self._audit_check_text = plain_text(self.editor.document())

    def _audit_saved(self, text: str) -> None:
        """Record the check of a saved text: now if it is already checked, else when it is."""
        if (self.editor.report is not None and not self.editor._running
                and getattr(self.editor, "_text_snapshot", None) == text):
            self._audit_check_text = None
            self._audit("record_check", text, self.editor.report, source="app")
        else:
            self._audit_check_text = text

    # ---- spelling warm-up ------------------------------------------------------------------
    def warm_up_spelling(self):
        """Load the spelling dictionary in a worker after start-up (if spelling is on)."""
        if not self.settings.categories.get("spelling", True):
            return None
        lang = self.settings.document_language
        if lang not in DOC_LANGS:
            lang = self.settings.ui_language if self.settings.ui_language in DOC_LANGS else "en"
        return workers.run_async(warm_spelling, lang,
                                 on_failed=lambda exc: log.info("spelling warm-up failed: %s", exc))

    # ---- closing -----------------------------------------------------------------------------
    def _save_settings(self) -> None:
        try:
            self.settings.geometry = bytes(self.saveGeometry().toBase64()).decode()
            self.settings.save()
        except OSError:
            pass

    def closeEvent(self, ev) -> None:  # noqa: N802
        if not self.maybe_save():
            ev.ignore()
            return
        self._save_settings()
        self._clear_autosave()
        self.audit_pool.waitForDone(2000)  # let the last audit entries reach the log
        if self._autosave_store is not None:
            self._autosave_store.close()
        if self.translate_view is not None:
            self.translate_view.close()
        ev.accept()
