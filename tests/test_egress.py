"""The egress guard refuses and records every network attempt; the product makes none."""
from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys
import textwrap
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from inclusive_writer import egress

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def guard():
    egress.install_guard(strict=True)
    egress.clear_attempts()
    yield egress
    egress.uninstall_guard()
    egress.clear_attempts()


@pytest.fixture
def local_server():
    egress.uninstall_guard()

    class Hello(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"hello")

        def log_message(self, *a):
            pass

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Hello)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield srv.server_address[1]
    srv.shutdown()
    srv.server_close()


def test_http_to_the_internet_is_refused_before_any_dns(guard):
    with pytest.raises(urllib.error.URLError) as err:
        urllib.request.urlopen("https://api.languagetool.org/v2/check", timeout=2)
    assert isinstance(err.value.reason, egress.EgressBlocked)
    seen = guard.attempts()
    assert seen and not any(a.allowed for a in seen)
    assert seen[0].host == "api.languagetool.org"


@pytest.mark.parametrize("call", [
    lambda: socket.create_connection(("93.184.216.34", 443), timeout=1),
    lambda: socket.getaddrinfo("huggingface.co", 443),
    lambda: socket.gethostbyname("example.org"),
    lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"q", ("8.8.8.8", 53)),
    lambda: socket.socket(socket.AF_INET6, socket.SOCK_STREAM).connect_ex(("2001:db8::1", 80)),
])
def test_each_socket_path_is_guarded(guard, call):
    with pytest.raises(egress.EgressBlocked):
        call()
    assert len(guard.attempts(refused_only=True)) == 1


def test_strict_refuses_loopback_unless_permitted(guard, local_server):
    guard.install_guard(strict=True)
    url = f"http://127.0.0.1:{local_server}/"
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url, timeout=2)
    with guard.permit_local("localhost", local_server):
        assert urllib.request.urlopen(url, timeout=2).read() == b"hello"
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url, timeout=2)
    with pytest.raises(ValueError):
        with guard.permit_local("10.0.0.5", 8081):
            pass


def test_non_strict_allows_loopback_only(guard, local_server):
    guard.install_guard(strict=False)
    assert urllib.request.urlopen(f"http://localhost:{local_server}/", timeout=2).read() == b"hello"
    with pytest.raises(egress.EgressBlocked):
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    allowed = [a.allowed for a in guard.attempts() if a.function == "connect"]
    assert allowed == [True, False] or allowed == [True]


def test_allow_network_lifts_the_guard_and_is_recorded(guard, local_server):
    guard.install_guard(strict=True)
    with guard.allow_network("model download: test"):
        assert urllib.request.urlopen(f"http://127.0.0.1:{local_server}/").read() == b"hello"
    assert all(a.allowed and "model download" in a.reason for a in guard.attempts())
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"http://127.0.0.1:{local_server}/", timeout=2)


def test_unix_sockets_are_allowed(guard, tmp_path):
    a, b = socket.socketpair()
    a.sendall(b"x")
    assert b.recv(1) == b"x"
    a.close()
    b.close()
    assert guard.attempts() == []


# ------------------------------------------------------------- the product itself
_PRELUDE = """
import json, os, sys, tempfile
from inclusive_writer import egress
egress.install_guard(strict=True)
def report():
    print("ATTEMPTS=" + json.dumps([[a.function, a.host, a.port] for a in egress.attempts()]))
"""


def _run_guarded(body: str, timeout: int = 240) -> list:
    code = _PRELUDE + textwrap.dedent(body) + "\nreport()\n"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "TRANSFORMERS_"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env=env)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("ATTEMPTS=")]
    assert lines, f"exit {proc.returncode}\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}"
    return json.loads(lines[-1][len("ATTEMPTS="):])


def _exists(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


AD = ("Wij zoeken een jonge, dynamische verkoopster (m/v) van max. 35 jaar, "
      "Nederlands als moedertaal.")


def test_check_makes_no_network_attempt(tmp_path):
    if not _exists("inclusive_writer.services.check"):
        pytest.skip("services.check not built yet (lead)")
    p = tmp_path / "ad.txt"
    p.write_text(AD, encoding="utf-8")
    attempts = _run_guarded(f"""
        from inclusive_writer.services import check
        check.check_text({AD!r}, "nl")
        check.check_text("We need a young salesman who is a native English speaker.")
        check.check_path({str(p)!r})
        from inclusive_writer.cli import main
        main(["check", "--format", "json", {str(p)!r}])
    """)
    assert attempts == []


def test_rewrite_makes_no_network_attempt():
    if not _exists("inclusive_writer.services.rewrite"):
        pytest.skip("services.rewrite not built yet (rewrite teammate)")
    attempts = _run_guarded(f"""
        from inclusive_writer.services.rewrite import propose_rewrite
        rw = propose_rewrite({AD!r}, "nl")
        rw.apply([e.id for e in rw.edits])
        rw = propose_rewrite("Every applicant must send his CV to the chairman.", "en",
                             pronouns="neutral")
        rw.apply([e.id for e in rw.edits])
    """)
    assert attempts == []


def test_translate_makes_no_network_attempt(tmp_path):
    if not _exists("inclusive_writer.services.translate"):
        pytest.skip("services.translate not built yet (ml teammate)")
    helper = ROOT / "tests" / "test_translate.py"
    if not helper.exists():
        pytest.skip("the ml teammate's tiny-model builder (tests/test_translate.py) is missing")
    spec = importlib.util.spec_from_file_location("_iw_tiny_translate", helper)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    from inclusive_writer.ml.store import ModelStore

    store_dir = tmp_path / "store"
    folder = mod.build_tiny_marian(tmp_path / "build" / "marian")  # built before the guard
    ModelStore(store_dir).add_folder(folder, {
        "id": "tiny-en-nl", "task": "translation", "languages": ["en", "nl"], "source": "en",
        "target": "nl", "licence": "test", "origin": "built"})
    attempts = _run_guarded(f"""
        from inclusive_writer.ml.store import ModelStore
        from inclusive_writer.services import translate as tr
        t = tr.translate("We are looking for a nurse for our hospital in Ghent.\\n"
                         "Apply before Friday.", "en", "nl", store=ModelStore({str(store_dir)!r}))
        assert t.model_id == "tiny-en-nl" and len(t.text.split("\\n")) == 2, t
        try:  # a pair without a model must fail locally, not fetch
            tr.translate("Wij zoeken een verpleegkundige.", "nl", "fr",
                         store=ModelStore({str(store_dir)!r}))
        except Exception as exc:
            print("no nl->fr model:", type(exc).__name__, file=sys.stderr)
    """)
    assert attempts == []


def test_judge_and_models_make_no_network_attempt():
    if not _exists("inclusive_writer.ml.store"):
        pytest.skip("ml.store not built yet (ml teammate)")
    attempts = _run_guarded("""
        from inclusive_writer.ml.store import ModelStore
        store = ModelStore()
        store.list()
        store.verify()
    """)
    assert attempts == []


def test_app_makes_no_network_attempt(tmp_path):
    if not _exists("inclusive_writer.gui.main_window"):
        pytest.skip("GUI not built yet (gui teammate): no gui.main_window module")
    ad = tmp_path / "vacature.txt"
    ad.write_text(AD, encoding="utf-8")
    attempts = _run_guarded(f"""
        os.environ["INCLUSIVE_WRITER_CONFIG_DIR"] = {str(tmp_path / "config")!r}
        os.environ["INCLUSIVE_WRITER_DATA"] = {str(tmp_path / "data")!r}
        from PySide6.QtCore import QTimer
        from inclusive_writer.gui.app import create_app
        from inclusive_writer.gui.main_window import MainWindow
        app = create_app(["inclusive-writer"])
        win = MainWindow()
        win.show()
        win.open_path({str(ad)!r})
        win.editor.set_text({AD!r} + " We need a young salesman.")
        win.autosave()
        QTimer.singleShot(2500, app.quit)
        app.exec()
        win.save_to(win.path)
        win.editor.document().setModified(False)
        win.close()
    """)
    assert attempts == []


def test_local_lookups_and_servers_are_not_egress(guard):
    socket.getaddrinfo(None, 8080)
    socket.getaddrinfo(None, 8080, flags=socket.AI_PASSIVE)
    socket.getaddrinfo("127.0.0.1", 80)
    socket.getaddrinfo("localhost", 80)
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    srv.close()
    assert guard.attempts() == []
    guard.install_guard(strict=True)  # idempotent
    guard.uninstall_guard()
    assert socket.getaddrinfo.__module__ == "socket"
