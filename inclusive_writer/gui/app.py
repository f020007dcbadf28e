"""QApplication set-up: style, dark mode, interface language, main window."""
from __future__ import annotations

import time
from typing import Sequence

T0 = time.perf_counter()


def create_app(argv: Sequence[str] = ()):
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(list(argv) or ["inclusive-writer"])
    app.setApplicationName("Inclusive Writer")
    app.setOrganizationName("Inclusive Writer")
    return app


def main(argv: list[str]) -> int:
    from .. import egress

    egress.install_guard(strict=True)  # no connection leaves the app, except a model download
    from PySide6.QtCore import QTimer

    from .main_window import MainWindow
    from .settings import GuiSettings
    from .theme import apply_scheme

    app = create_app(argv)
    settings = GuiSettings.load()
    apply_scheme(app, settings.color_scheme)
    try:
        app.styleHints().colorSchemeChanged.connect(
            lambda *_: settings.color_scheme == "system" and apply_scheme(app, "system"))
    except AttributeError:
        pass
    win = MainWindow(settings)
    paths = [a for a in argv[1:] if not a.startswith("-")]
    win.show()
    if paths:
        QTimer.singleShot(0, lambda: win.open_path(paths[0]))
    else:
        QTimer.singleShot(0, win.offer_recovery)
    QTimer.singleShot(50, win.editor.warm_up)
    QTimer.singleShot(300, win.warm_up_spelling)  # background; the UI thread never waits
    return app.exec()
