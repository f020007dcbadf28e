"""Start-up time of the desktop app: process launch -> main window shown and idle.

Runs the real `main.py` start-up path in fresh processes (offscreen unless a display is set) and
prints, per run, the wall-clock time from launching the process until the window is shown and the
event loop is idle, and whether torch/transformers were imported. Usage:

    .venv/bin/python benchmarks/bench_startup.py [--runs 5]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = r"""
import os, sys, time, json
t0 = time.perf_counter()
sys.path.insert(0, sys.argv[1])
from inclusive_writer.gui.app import create_app
from inclusive_writer.gui.main_window import MainWindow
from inclusive_writer.gui.settings import GuiSettings
from inclusive_writer.gui.theme import apply_scheme
from PySide6.QtCore import QTimer
app = create_app(["bench"])
s = GuiSettings.load()
apply_scheme(app, s.color_scheme)
win = MainWindow(s)
win.show()
def shown():
    t_shown = time.perf_counter() - t0
    win.editor.setPlainText("We are looking for a young salesman.")
    win.editor.check_now()
    def wait_check():
        if win.editor.report is None and time.perf_counter() - t0 < 60:
            QTimer.singleShot(20, wait_check)
            return
        print(json.dumps({"in_process_shown": t_shown,
                          "first_check": time.perf_counter() - t0,
                          "torch": "torch" in sys.modules,
                          "transformers": "transformers" in sys.modules}), flush=True)
        app.quit()
    # the marker the parent times: the window is shown and the event loop has run once
    print("SHOWN", flush=True)
    wait_check()
QTimer.singleShot(0, shown)
app.exec()
"""


def one_run(env: dict[str, str]) -> dict:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", PROBE, str(ROOT)], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=env)
    shown_at = None
    result: dict = {}
    for line in proc.stdout:  # type: ignore[union-attr]
        if line.startswith("SHOWN") and shown_at is None:
            shown_at = time.perf_counter() - start
        elif line.startswith("{"):
            result = json.loads(line)
    proc.wait(timeout=120)
    result["wall_shown"] = shown_at
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("INCLUSIVE_WRITER_NO_JUDGE", "")
    runs = [one_run(env) for _ in range(args.runs)]
    for i, r in enumerate(runs, 1):
        print(f"run {i}: window shown after {r['wall_shown']:.3f} s (launch to idle event loop), "
              f"first check done after {r.get('first_check', float('nan')):.3f} s; "
              f"torch imported: {r.get('torch')}, transformers imported: {r.get('transformers')}")
    shown = [r["wall_shown"] for r in runs if r["wall_shown"] is not None]
    print(f"start-up (window usable): median {statistics.median(shown):.3f} s, "
          f"max {max(shown):.3f} s over {len(shown)} runs "
          f"(platform: {env.get('QT_QPA_PLATFORM', 'default display')})")
    return 0 if shown and max(shown) < 1.0 and not any(r.get("torch") for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
