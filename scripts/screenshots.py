"""Regenerate docs/screenshots/*.png from the real app window.

Run under a virtual X server so tooltips and menus are real windows:

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshots.py

(Debian: apt-get install xvfb libxcb-icccm4 libxcb-keysyms1 libxcb-xinerama0 libxcb-cursor0
libxkbcommon-x11-0). Settings, autosaves and models go to a temporary folder, so your own
preferences are neither used nor changed.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
TMP = Path(tempfile.mkdtemp(prefix="iw-shots-"))
os.environ["INCLUSIVE_WRITER_CONFIG"] = str(TMP / "config")
os.environ["INCLUSIVE_WRITER_DATA"] = str(TMP / "data")
os.environ.setdefault("INCLUSIVE_WRITER_MODELS", str(TMP / "models"))
sys.path.insert(0, str(ROOT))

AD_EN = """Sales Manager Benelux

We are a young, dynamic scale-up in Antwerp looking for an ambitious salesman to lead our sales team. \
He is a native English speaker, competitive and dominant in negotiations, and he thrives under pressure.

What you do
- You build relationships with our key accounts and you coach a team of five.
- You report to our chairman and travel about two days a week.

Who you are
- A recent graduate with max. 5 years of experience.
- Young and energetic: our team has an average age of 28.
- Fluent in Dutch and French is a plus.

We offer a competitive salary, a company car and flexible hours. Apply before 1 June."""

AD_NL = """Verkoopmedewerker Gent

Wij zoeken een jonge, dynamische verkoper voor ons team in Gent. Hij is een native speaker \
Nederlands en werkt graag onder druk.

Jouw taken
- Je adviseert klanten in de winkel en je bouwt een sterke relatie op met onze vaste klanten.
- Je rapporteert aan de zaakvoerder.

Jouw profiel
- Je bent maximaal 30 jaar en hebt een rijbewijs B.
- Je bent een echte teamspeler en stressbestendig.

Wij bieden een vast contract, maaltijdcheques en opleiding. Solliciteer voor 1 juni."""


def pump(app, seconds: float) -> None:
    end = time.time() + seconds
    while time.time() < end:
        app.processEvents()
        time.sleep(0.01)


def wait_checked(app, editor, timeout: float = 30) -> None:
    end = time.time() + timeout
    while time.time() < end:
        app.processEvents()
        if editor.report is not None and not editor._running and not editor.timer.isActive():
            break
        time.sleep(0.02)
    pump(app, 0.3)


def screen(app, name: str, widget=None) -> Path:
    """Grab the screen area of `widget` (or the whole screen) including popups and tooltips."""
    path = OUT / name
    scr = app.primaryScreen()
    if widget is None:
        pm = scr.grabWindow(0)
    else:
        g = widget.frameGeometry()
        pm = scr.grabWindow(0, g.x(), g.y(), g.width(), g.height())
    pm.save(str(path))
    print("wrote", path.relative_to(ROOT))
    return path


def main() -> int:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QCursor, QHelpEvent
    from PySide6.QtWidgets import QApplication

    from inclusive_writer.gui import i18n
    from inclusive_writer.gui.app import create_app
    from inclusive_writer.gui.main_window import MainWindow
    from inclusive_writer.gui.settings import GuiSettings
    from inclusive_writer.gui.theme import apply_scheme

    OUT.mkdir(parents=True, exist_ok=True)
    app = create_app(["screenshots"])
    font = app.font()
    font.setPointSizeF(10)
    app.setFont(font)
    apply_scheme(app, "light")
    settings = GuiSettings()
    settings.categories["spelling"] = False
    win = MainWindow(settings)
    win.resize(1360, 860)
    win.move(20, 20)
    win.show()
    pump(app, 0.5)
    win.editor.set_text(AD_EN)
    win.editor.document().setModified(False)
    wait_checked(app, win.editor)
    win.editor.setFocus()
    screen(app, "main-en.png", win)

    # hover tooltip over "salesman"
    ed = win.editor
    mark = next((m for m in ed.marks() if m.finding.text.lower() == "salesman"), ed.marks()[0])
    cur = ed.textCursor()
    cur.setPosition(mark.start + 2)
    rect = ed.cursorRect(cur)
    local = rect.center()
    glob = ed.viewport().mapToGlobal(local)
    QCursor.setPos(glob)
    QApplication.sendEvent(ed.viewport(), QHelpEvent(QHelpEvent.Type.ToolTip, local, glob))
    pump(app, 0.8)
    screen(app, "tooltip.png", win)

    # right-click menu with alternatives
    cur.setPosition(mark.start)
    ed.setTextCursor(cur)
    menu = ed.show_fixes_at_cursor()
    pump(app, 0.6)
    screen(app, "fixes-menu.png", win)
    menu.close()
    pump(app, 0.2)

    # rewrite review
    win.rewrite()
    end = time.time() + 60
    while time.time() < end and getattr(win, "rewrite_dialog", None) is None:
        pump(app, 0.05)
    dlg = getattr(win, "rewrite_dialog", None)
    if dlg is not None:
        dlg.resize(1200, 700)
        dlg.move(60, 60)
        if dlg.list.count() > 2:
            dlg.list.item(1).setCheckState(Qt.CheckState.Unchecked)
        pump(app, 0.6)
        screen(app, "rewrite-review.png", dlg)
        dlg.reject()
        pump(app, 0.2)
    else:
        print("rewrite dialog did not open:", win.state.text())

    # translation without a model installed
    tv = win.open_translate()
    tv.resize(1200, 640)
    tv.move(60, 60)
    tv.tgt.setCurrentIndex(tv.tgt.findData("nl"))
    tv.start()
    end = time.time() + 60
    while time.time() < end and tv.task is not None:
        pump(app, 0.05)
    pump(app, 0.5)
    screen(app, "translate-no-model.png", tv)
    tv.close()

    # model manager
    mm = win.open_models()
    mm.resize(1000, 460)
    mm.move(80, 80)
    pump(app, 1.5)
    screen(app, "model-manager.png", mm)
    mm.reject()
    pump(app, 0.2)

    # Dutch interface, Dutch ad
    win.set_ui_language("nl")
    win.editor.set_text(AD_NL)
    win.editor.document().setModified(False)
    wait_checked(app, win.editor)
    screen(app, "main-nl.png", win)

    # settings (in Dutch)
    sd = win.open_settings()
    sd.move(120, 120)
    pump(app, 0.5)
    screen(app, "settings-nl.png", sd)
    sd.reject()
    win.set_ui_language("en")

    # dark mode
    apply_scheme(app, "dark")
    win.editor.set_text(AD_EN)
    win.editor.document().setModified(False)
    wait_checked(app, win.editor)
    win.editor._refresh_selections()
    pump(app, 0.5)
    screen(app, "main-dark.png", win)
    win.editor.document().setModified(False)
    win.close()
    i18n.set_language("en")
    return 0


if __name__ == "__main__":
    sys.exit(main())
