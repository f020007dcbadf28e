"""Grammar via LanguageTool, tested against a local stand-in speaking its /v2 HTTP API."""
from __future__ import annotations

import json
import os
import stat
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from inclusive_writer import egress
from inclusive_writer.services import grammar
from inclusive_writer.services.grammar import GrammarChecker, GrammarConfig, GrammarUnavailable

LANGUAGES = [
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "Dutch", "code": "nl", "longCode": "nl"},
    {"name": "French", "code": "fr", "longCode": "fr"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
]
# pattern -> (rule id, category, issue type, message, replacements), per language
RULES = {
    "en": [("a apple", "EN_A_VS_AN", "MISC", "grammar", "Use “an” instead of “a”.", ["an apple"]),
           ("teh", "MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling", "Possible typo.", ["the"])],
    "nl": [("een verkopers", "NL_DET_NUMBER", "GRAMMAR", "grammar",
            "Lidwoord en zelfstandig naamwoord komen niet overeen.", ["verkopers", "een verkoper"])],
    "fr": [("les équipe", "FR_AGREEMENT", "GRAMMAR", "grammar", "Accord en nombre.",
            ["les équipes", "l’équipe"])],
    "de": [("einen Team", "DE_AGREEMENT", "GRAMMAR", "grammar", "Möglicherweise fehlende "
            "Übereinstimmung.", ["ein Team"])],
}


def _utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


class StandIn(BaseHTTPRequestHandler):
    """Enough of LanguageTool's HTTP API v2 for language-tool-python."""

    delay = 0.0
    broken = False
    seen: list = []

    def log_message(self, *a):
        pass

    def _json(self, obj, code=200):
        body = json.dumps(obj).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
            pass

    def do_GET(self):
        if self.path.startswith("/v2/languages"):
            return self._json(LANGUAGES)
        if self.path.startswith("/v2/healthcheck"):
            return self._json({"ok": True})
        self._json({"error": "not found"}, 404)

    def do_POST(self):
        form = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        text, lang = form["text"][0], form["language"][0]
        type(self).seen.append({k: v[0] for k, v in form.items()})
        if self.delay:
            time.sleep(self.delay)
        if self.broken:
            body = b"<html>Internal error</html>"
            self.send_response(500)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        disabled = set(form.get("disabledCategories", [""])[0].split(","))
        matches = []
        for pat, rid, cat, issue, msg, repl in RULES.get(lang.split("-")[0], []):
            if cat in disabled:
                continue
            i = text.lower().find(pat.lower())
            if i < 0:
                continue
            off = _utf16_len(text[:i])
            matches.append({
                "message": msg, "shortMessage": "", "replacements": [{"value": r} for r in repl],
                "offset": off, "length": _utf16_len(text[i:i + len(pat)]),
                "context": {"text": text, "offset": off, "length": _utf16_len(pat)},
                "sentence": text,
                "rule": {"id": rid, "description": msg, "issueType": issue,
                         "category": {"id": cat, "name": cat}},
            })
        self._json({"software": {"name": "LanguageTool", "version": "6.6-standin"},
                    "language": {"code": lang}, "matches": matches})


@pytest.fixture
def server():
    class H(StandIn):
        delay = 0.0
        broken = False
        seen: list = []

    srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
    srv.daemon_threads = True
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield srv, H, f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def strict_guard():
    egress.install_guard(strict=True)
    egress.clear_attempts()
    yield egress
    egress.uninstall_guard()
    egress.clear_attempts()


TEXTS = {
    "en": ("We need a apple-loving salesperson 😀 for teh shop.", "a apple", ["an apple"]),
    "nl": ("Wij zoeken een verkopers met ervaring.", "een verkopers", ["verkopers", "een verkoper"]),
    "fr": ("Rejoignez 🎉🎉 les équipe de Liège.", "les équipe", ["les équipes", "l’équipe"]),
    "de": ("Willkommen 👋 in einen Team mit Herz.", "einen Team", ["ein Team"]),
}


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_findings_from_a_local_server(server, strict_guard, lang):
    _, handler, url = server
    text, span, repl = TEXTS[lang]
    checker = GrammarChecker(GrammarConfig(server=url, timeout=10))
    assert checker.status().state == grammar.IDLE
    found = checker.check(text, lang)
    assert [(f.text, f.suggestions) for f in found] == [(span, repl)]
    f = found[0]
    assert text[f.start:f.end] == f.text  # offsets right even after emoji (UTF-16 on the wire)
    assert f.category == "grammar" and f.severity == "warning" and f.language == lang
    assert f.rule.startswith(f"{lang}.grammar.lt.") and "LanguageTool" in f.source
    assert checker.status().state == grammar.READY
    assert handler.seen[-1]["disabledCategories"] == "TYPOS"  # our spelling covers typos
    assert strict_guard.attempts(refused_only=True) == []  # loopback was permitted explicitly


def test_typos_included_on_request(server):
    _, _, url = server
    found = GrammarChecker(GrammarConfig(server=url, include_typos=True)).check(TEXTS["en"][0], "en")
    assert {f.category for f in found} == {"grammar", "spelling"}


def test_not_installed_by_default(monkeypatch):
    monkeypatch.delenv("INCLUSIVE_WRITER_LT_SERVER", raising=False)
    monkeypatch.delenv("INCLUSIVE_WRITER_LT_DIR", raising=False)
    st = grammar.grammar_status(None)
    assert st.state == grammar.NOT_INSTALLED and "grammar check not installed" in st.message
    assert grammar.check_grammar("We need a apple.", "en") == []
    with pytest.raises(GrammarUnavailable, match="not installed"):
        grammar.check_grammar("We need a apple.", "en", quiet=False)


def test_public_service_and_remote_hosts_need_an_explicit_opt_in(strict_guard):
    st = GrammarChecker(GrammarConfig(server="https://api.languagetool.org")).status()
    assert st.state == grammar.FAILED and "not on this computer" in st.message
    st = GrammarChecker(GrammarConfig(server="http://10.20.30.40:8081")).status()
    assert st.state == grammar.FAILED
    with pytest.raises(GrammarUnavailable, match="would leave the machine"):
        GrammarChecker(GrammarConfig(server="lt.example.com:8081")).check("a apple", "en")
    assert strict_guard.attempts() == []  # refused before any connection
    st = GrammarChecker(GrammarConfig(public_api=True)).status()
    assert st.state == grammar.IDLE and "opted in" in st.message


def test_settings_sources(monkeypatch, server):
    _, _, url = server
    assert GrammarConfig.from_settings({"grammar_server": url}).server == url
    monkeypatch.setenv("INCLUSIVE_WRITER_LT_SERVER", url)
    assert GrammarConfig.from_settings(None).server == url
    obj = type("S", (), {"extra": {"grammar_directory": "/opt/lt"}})()
    assert GrammarConfig.from_settings(obj).directory == "/opt/lt"


def test_slow_server_hits_our_timeout(server):
    _, handler, url = server
    handler.delay = 5
    checker = GrammarChecker(GrammarConfig(server=url, timeout=1))
    t0 = time.perf_counter()
    with pytest.raises(GrammarUnavailable, match="did not answer within 1 s"):
        checker.check(TEXTS["nl"][0], "nl")
    assert time.perf_counter() - t0 < 3
    assert checker.status().state == grammar.FAILED


def test_broken_server_gives_a_clear_state(server):
    _, handler, url = server
    handler.broken = True
    checker = GrammarChecker(GrammarConfig(server=url, timeout=5))
    with pytest.raises(GrammarUnavailable, match="LanguageTool failed"):
        checker.check(TEXTS["de"][0], "de")
    assert checker.status().state == grammar.FAILED


def test_server_that_is_not_running(strict_guard):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    checker = GrammarChecker(GrammarConfig(server=f"http://127.0.0.1:{port}", timeout=5))
    with pytest.raises(GrammarUnavailable):
        checker.check("We need a apple.", "en")
    assert strict_guard.attempts(refused_only=True) == []


def test_prepared_directory_without_jar_or_java(tmp_path, monkeypatch):
    st = GrammarChecker(GrammarConfig(directory=str(tmp_path))).status()
    assert st.state == grammar.NOT_INSTALLED and "languagetool-server.jar" in st.message
    (tmp_path / "languagetool-server.jar").write_bytes(b"PK")
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    st = GrammarChecker(GrammarConfig(directory=str(tmp_path))).status()
    assert st.state == grammar.NOT_INSTALLED and "Java" in st.message


def test_broken_jar_that_never_starts_is_stopped(tmp_path):
    lt = tmp_path / "LanguageTool-6.6"
    lt.mkdir()
    (lt / "languagetool-server.jar").write_bytes(b"PK\x03\x04 not really a jar")
    pidfile = tmp_path / "java.pid"
    fake_java = tmp_path / "java"
    fake_java.write_text(f"#!/bin/sh\necho $$ > {pidfile}\nexec sleep 600\n")
    fake_java.chmod(fake_java.stat().st_mode | stat.S_IEXEC)
    checker = GrammarChecker(GrammarConfig(directory=str(tmp_path), java=str(fake_java),
                                           start_timeout=1.5, timeout=1))
    assert checker.status().state == grammar.IDLE
    t0 = time.perf_counter()
    with pytest.raises(GrammarUnavailable, match="did not start within 1.5 s"):
        checker.check("Wij zoeken een verkopers.", "nl")
    assert time.perf_counter() - t0 < 5
    pid = int(pidfile.read_text())
    time.sleep(0.2)
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert checker.status().state == grammar.FAILED


def test_jar_that_exits_at_start(tmp_path):
    (tmp_path / "languagetool-server.jar").write_bytes(b"PK")
    fake_java = tmp_path / "java"
    fake_java.write_text("#!/bin/sh\nexit 3\n")
    fake_java.chmod(0o755)
    checker = GrammarChecker(GrammarConfig(directory=str(tmp_path), java=str(fake_java)))
    with pytest.raises(GrammarUnavailable, match="exited at start-up \\(code 3\\)"):
        checker.check("x y", "en")


def test_check_command_adds_grammar_from_a_local_server(server, capsys, tmp_path):
    from inclusive_writer.cli import main

    _, _, url = server
    path = tmp_path / "ad.txt"
    path.write_text("Wij zoeken een verkopers met ervaring.\n", encoding="utf-8")
    code = main(["check", "--no-model", "--lang", "nl", "--grammar-server", url, str(path)])
    out = capsys.readouterr().out
    assert code == 1 and ":1:12 warning" in out and ".grammar.lt." in out
