"""The app and the local audit log: decisions, rewrites and checks are recorded (hashes, no text),
the audit dialog lists, exports, clears and configures it; crash recovery and spelling warm-up."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import csv  # noqa: E402
import json  # noqa: E402

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox  # noqa: E402

from inclusive_writer.gui import i18n  # noqa: E402
from inclusive_writer.gui.main_window import MainWindow  # noqa: E402
from inclusive_writer.gui.settings import GuiSettings  # noqa: E402
from inclusive_writer.services.audit import default_log, doc_hash  # noqa: E402

AD_EN = ("We are looking for a young and dynamic salesman for our team in Antwerp. "
         "He is a native English speaker and works well under pressure.")
AD_NL = ("Wij zoeken een dynamische verkoper voor ons team in Gent. "
         "Hij is een native speaker Nederlands en werkt graag met klanten.")
WAIT = 20_000


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("INCLUSIVE_WRITER_CONFIG", str(tmp_path / "config"))
    monkeypatch.setenv("INCLUSIVE_WRITER_DATA", str(tmp_path / "data"))
    i18n.set_language("en")
    settings = GuiSettings()
    settings.categories["spelling"] = False
    win = MainWindow(settings)
    qtbot.addWidget(win, before_close_func=lambda w: w.editor.document().setModified(False))
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.editor.document().setModified(False)
    win.audit_pool.waitForDone(5000)
    i18n.set_language("en")


def wait_checked(qtbot, win):
    ed = win.editor
    qtbot.waitUntil(lambda: ed.report is not None and not ed._running and not ed.timer.isActive(),
                    timeout=WAIT)


def find_mark(editor, word):
    marks = [m for m in editor.marks() if m.finding.text.lower() == word.lower()]
    assert marks, f"no finding for {word!r}: {[m.finding.text for m in editor.marks()]}"
    return marks[0]


def logged(action=None):
    return default_log().entries(action=action)


def apply_first_fix(qtbot, win, text=AD_EN, word="salesman"):
    win.editor.set_text(text)
    wait_checked(qtbot, win)
    mark = find_mark(win.editor, word)
    first = mark.finding.suggestions[0]
    menu = win.editor.fixes_menu(mark)
    next(a for a in menu.actions() if a.isEnabled() and a.text() == f"Replace with “{first}”").trigger()
    qtbot.waitUntil(lambda: len(logged("decision")) == 1, timeout=WAIT)
    return mark.finding, first


def test_applying_a_suggestion_records_a_decision_without_text(window, qtbot):
    finding, first = apply_first_fix(qtbot, window)
    assert first in window.editor.toPlainText()
    (e,) = logged("decision")
    assert e.source == "app" and e.language == "en"
    assert e.document_sha256 == doc_hash(AD_EN)  # the text the finding was made on
    assert e.rules == [finding.rule] and e.suggestions_shown == len(finding.suggestions)
    assert e.rejected == [] and len(e.accepted) == 1
    assert e.accepted[0]["rule"] == finding.rule and e.accepted[0]["replacement"] == first
    assert e.accepted[0]["origin"] == "rule"
    # no raw text: neither in the entry nor anywhere in the database file
    assert e.text is None and "original" not in e.accepted[0]
    raw = default_log().path.read_bytes()
    for words in (b"Antwerp", b"native English speaker", b"young and dynamic"):
        assert words not in raw
    # typing is not a check of an opened/saved document: no check entries
    assert logged("check") == []


def test_ignoring_a_finding_records_a_rejection(window, qtbot):
    text = "Our salesman visits clients. The new chairman starts in May."
    window.editor.set_text(text)
    wait_checked(qtbot, window)
    window.editor.ignore_here(find_mark(window.editor, "salesman"))
    menu = window.editor.fixes_menu(find_mark(window.editor, "chairman"))
    next(a for a in menu.actions() if "in this document" in a.text()).trigger()
    qtbot.waitUntil(lambda: len(logged("decision")) == 2, timeout=WAIT)
    entries = logged("decision")
    assert all(not e.accepted and len(e.rejected) == 1 for e in entries)
    assert {e.rejected[0]["replacement"] for e in entries} == {None}
    assert all(len(e.rules) == 1 and e.rejected[0]["rule"] == e.rules[0] for e in entries)
    assert all(e.document_sha256 == doc_hash(text) and e.text is None for e in entries)


def test_audit_dialog_lists_exports_and_clears(window, qtbot, tmp_path, monkeypatch):
    finding, first = apply_first_fix(qtbot, window)
    # the dialog is in the Tools menu, with a shortcut and an accessible name
    assert window.a_audit.shortcut().toString() == "Ctrl+Shift+L"
    menus = [o for o in window.a_audit.associatedObjects() if isinstance(o, QMenu)]
    assert [m.title() for m in menus] == ["&Tools"]
    window.a_audit.trigger()
    dlg = window.audit_dialog
    assert dlg is not None and dlg.isVisible()
    assert dlg.table.accessibleName() and dlg.csv_btn.accessibleName() and dlg.clear_btn.accessibleName()
    assert "stays on this computer" in dlg.note.text() and "not as text" in dlg.note.text()
    assert dlg.table.rowCount() == 1
    cells = [dlg.table.item(0, c).text() for c in range(dlg.table.columnCount())]
    h = doc_hash(AD_EN)
    assert cells[1] == "Decision" and cells[2] == h[:12] and cells[3] == "en"
    assert finding.rule in cells[4] and cells[6] == "1" and cells[7] == "0"
    assert dlg.table.item(0, 2).toolTip() == h

    out = tmp_path / "export" / "audit.csv"
    out.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    dlg.csv_btn.click()
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert len(rows) == 1 and rows[0]["action"] == "decision" and rows[0]["document_sha256"] == h
    assert "Antwerp" not in out.read_text(encoding="utf-8")
    out_json = tmp_path / "export" / "audit"  # no suffix: the format's is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out_json), "")))
    dlg.json_btn.click()
    data = json.loads((tmp_path / "export" / "audit.json").read_text(encoding="utf-8"))
    assert [d["action"] for d in data] == ["decision"]

    # clearing asks first: "No" keeps everything, "Yes" empties the log
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    dlg.clear_btn.click()
    assert default_log().count() == 1 and dlg.table.rowCount() == 1
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    dlg.clear_btn.click()
    assert default_log().count() == 0 and dlg.table.rowCount() == 0
    assert not dlg.csv_btn.isEnabled() and "empty" in dlg.count.text()
    dlg.close()


def test_audit_dialog_changes_the_log_settings(window, qtbot):
    dlg = window.open_audit()
    assert dlg.enabled.isChecked() and not dlg.store_text.isChecked()
    assert dlg.retention.value() == 365 and not dlg.forever.isChecked()
    dlg.retention.setValue(30)
    dlg.store_text.setChecked(True)
    assert dlg.save_settings()
    s = default_log().settings
    assert s.retention_days == 30 and s.store_text and s.enabled
    dlg.forever.setChecked(True)
    dlg.enabled.setChecked(False)
    dlg.store_text.setChecked(False)
    dlg.save_btn.click()
    s = default_log().settings
    assert s.retention_days is None and not s.enabled and not s.store_text
    # disabled: applying a suggestion records nothing
    window.editor.set_text(AD_EN)
    wait_checked(qtbot, window)
    mark = find_mark(window.editor, "salesman")
    window.editor.apply_suggestion(mark, mark.finding.suggestions[0])
    window.audit_pool.waitForDone(5000)
    assert default_log().count() == 0
    dlg.close()


def test_dialog_in_dutch(window, qtbot):
    window.set_ui_language("nl")
    dlg = window.open_audit()
    headers = [dlg.table.horizontalHeaderItem(c).text() for c in range(dlg.table.columnCount())]
    assert headers[0] == "Wanneer" and "Gebruikte modellen" in headers
    assert "computer" in dlg.note.text() and "niet als tekst" in dlg.note.text()
    assert window.a_audit.text() == "&Auditlogboek…"
    dlg.close()


def test_open_and_save_record_one_check_each_not_per_keystroke(window, qtbot, tmp_path):
    path = tmp_path / "vacature.txt"
    path.write_text(AD_NL, encoding="utf-8")
    assert window.open_path(path)
    qtbot.waitUntil(lambda: len(logged("check")) == 1, timeout=WAIT)
    (e,) = logged("check")
    assert e.document_sha256 == doc_hash(AD_NL) and e.language == "nl" and e.source == "app"
    assert e.findings >= 1 and e.rules and e.text is None
    # typing triggers checks, but none of them is recorded
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor, " Een jonge collega.")
    wait_checked(qtbot, window)
    window.editor.check_now()
    wait_checked(qtbot, window)
    window.audit_pool.waitForDone(5000)
    assert len(logged("check")) == 1
    # saving records the check of the saved text (once)
    assert window.save()
    saved = path.read_text(encoding="utf-8")
    qtbot.waitUntil(lambda: len(logged("check")) == 2, timeout=WAIT)
    assert logged("check")[0].document_sha256 == doc_hash(saved)
    window.audit_pool.waitForDone(5000)
    assert len(logged("check")) == 2
    assert b"Gent" not in default_log().path.read_bytes()


def test_applied_rewrite_is_recorded_with_accepted_and_rejected_edits(window, qtbot):
    from inclusive_writer.gui.rewrite_dialog import RewriteDialog

    text = ("We are looking for a salesman for our shop. He will advise customers. "
            "The chairman of our board meets him every month.")
    window.editor.set_text(text)
    wait_checked(qtbot, window)
    window.rewrite()
    qtbot.waitUntil(lambda: isinstance(getattr(window, "rewrite_dialog", None), RewriteDialog), timeout=WAIT)
    dlg = window.rewrite_dialog
    assert len(dlg.edits) >= 2
    dlg.set_accepted(dlg.edits[1].id, False)
    accepted = dlg.accepted_ids()
    dlg.accept()
    qtbot.waitUntil(lambda: len(logged("rewrite")) == 1, timeout=WAIT)
    (e,) = logged("rewrite")
    assert e.document_sha256 == doc_hash(text) and e.suggestions_shown == len(dlg.edits)
    assert sorted(a["id"] for a in e.accepted) == sorted(str(i) for i in accepted)
    assert [r["id"] for r in e.rejected] == [str(dlg.edits[1].id)]
    assert all("original" not in a for a in e.accepted + e.rejected) and e.text is None


def test_recording_never_breaks_the_editor(window, qtbot, monkeypatch):
    import inclusive_writer.services.audit as audit

    class Broken:
        def __getattr__(self, name):
            def fail(*a, **k):
                raise RuntimeError("disk on fire")
            return fail

    monkeypatch.setattr(audit, "default_log", lambda: Broken())
    window.editor.set_text(AD_EN)
    wait_checked(qtbot, window)
    mark = find_mark(window.editor, "salesman")
    assert window.editor.apply_suggestion(mark, mark.finding.suggestions[0])
    window.audit_pool.waitForDone(5000)

    def unavailable():
        raise OSError("no data dir")

    monkeypatch.setattr(audit, "default_log", unavailable)
    wait_checked(qtbot, window)
    mark = window.editor.marks()[0]
    window.editor.ignore_here(mark)  # still works
    assert mark not in window.editor.marks()


def test_declining_recovery_discards_the_autosave(qtbot, tmp_path, monkeypatch):
    from inclusive_writer.io.autosave import AutosaveStore, key_for

    monkeypatch.setenv("INCLUSIVE_WRITER_CONFIG", str(tmp_path / "config"))
    monkeypatch.setenv("INCLUSIVE_WRITER_DATA", str(tmp_path / "data"))
    crashed = AutosaveStore()
    crashed.save(key_for(None), "Draft from before the crash: we need a salesman.")
    crashed._lock.release()  # the crashed process is gone
    assert len(AutosaveStore().recoverable()) == 1
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    win = MainWindow(GuiSettings())
    qtbot.addWidget(win, before_close_func=lambda w: w.editor.document().setModified(False))
    assert not win.offer_recovery()
    assert win.editor.toPlainText() == ""
    assert AutosaveStore().recoverable() == [] and AutosaveStore().entries() == []
    # and it is not offered again at the next start
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes))
    assert not win.offer_recovery() and not asked


def test_spelling_warm_up_runs_in_the_background(window, qtbot):
    from inclusive_writer.services import spelling

    assert window.warm_up_spelling() is None  # spelling is off in this window's settings
    window.settings.categories["spelling"] = True
    window.settings.document_language = "fr"
    spelling._lexicons.pop("fr", None)
    task = window.warm_up_spelling()
    assert task is not None and task.args == ("fr",)
    qtbot.waitUntil(lambda: "fr" in spelling._lexicons and spelling._lexicons["fr"]._index is not None,
                    timeout=WAIT)
