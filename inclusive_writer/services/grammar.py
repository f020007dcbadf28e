"""Grammar through LanguageTool — only where the user has one locally, never online by default.

Sources, in the order settings can give them:
- `server`: the address of a LanguageTool HTTP server the user runs (loopback by default;
  any other host needs `allow_remote_server=True`, since the text would leave the machine);
- `directory`: a prepared LanguageTool folder (with languagetool-server.jar) and a Java
  runtime: we start the server ourselves on 127.0.0.1 with our own start-up timeout, so a
  broken jar cannot make language-tool-python download or retry forever;
- `public_api=True`: the public api.languagetool.org service, only when the user opted in.
Nothing configured → state "not-installed" with a message saying how to set it up.

language-tool-python is the HTTP client (always in `remote_server` mode, so it never
downloads anything); every call runs under our own hard timeout in a daemon thread, and under
the egress guard's `permit_local` (loopback) or `allow_network` (explicit opt-in).
"""
from __future__ import annotations

import ipaddress
import json
import logging
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

from ..core.model import Finding

log = logging.getLogger(__name__)

PUBLIC_API = "https://api.languagetool.org"
LT_LANG = {"en": "en-US", "nl": "nl", "fr": "fr", "de": "de-DE"}
NOT_INSTALLED_HELP = ("grammar check not installed: set the address of a local LanguageTool "
                      "server (e.g. http://127.0.0.1:8081) or a LanguageTool folder in Settings")

NOT_INSTALLED, IDLE, STARTING, READY, FAILED = "not-installed", "idle", "starting", "ready", "failed"


class GrammarUnavailable(RuntimeError):
    """Grammar checking cannot run; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class GrammarConfig:
    server: str | None = None
    directory: str | None = None
    public_api: bool = False
    allow_remote_server: bool = False
    include_typos: bool = False  # our own spelling check covers typos
    timeout: float = 15.0  # one check
    start_timeout: float = 90.0  # starting a local server from `directory`
    java: str | None = None  # path to java (default: JAVA_HOME/bin/java or PATH)

    @classmethod
    def from_settings(cls, settings: Any = None) -> "GrammarConfig":
        """Read grammar_* keys/attributes from app settings, then INCLUSIVE_WRITER_LT_* env."""
        def get(name: str, default: Any = None) -> Any:
            for key in (f"grammar_{name}", name):
                if isinstance(settings, Mapping) and key in settings:
                    return settings[key]
                if settings is not None and not isinstance(settings, Mapping) \
                        and getattr(settings, key, None) is not None:
                    return getattr(settings, key)
                extra = getattr(settings, "extra", None)
                if isinstance(extra, Mapping) and key in extra:
                    return extra[key]
            return default

        env = os.environ
        return cls(
            server=get("server") or env.get("INCLUSIVE_WRITER_LT_SERVER") or None,
            directory=get("directory") or env.get("INCLUSIVE_WRITER_LT_DIR") or None,
            public_api=bool(get("public_api", False)),
            allow_remote_server=bool(get("allow_remote_server", False)),
            include_typos=bool(get("include_typos", False)),
            timeout=float(get("timeout", 15.0)),
            start_timeout=float(get("start_timeout", 90.0)),
            java=get("java"),
        )


@dataclass(slots=True)
class GrammarStatus:
    state: str
    message: str
    server: str | None = None

    @property
    def available(self) -> bool:
        return self.state in (IDLE, READY)


def _run_with_timeout(fn: Callable[[], Any], timeout: float, what: str) -> Any:
    """Run `fn` in a daemon thread; `GrammarUnavailable` if it takes longer than `timeout`."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller
            box["error"] = exc

    t = threading.Thread(target=target, name="languagetool-call", daemon=True)
    t.start()
    t.join(timeout)
    if t.is_alive():
        raise GrammarUnavailable(f"LanguageTool did not answer within {timeout:g} s ({what})")
    if "error" in box:
        raise box["error"]
    return box.get("value")


def _is_loopback_host(host: str) -> bool:
    h = host.strip("[]").lower()
    if h == "localhost":
        return True
    try:
        return ipaddress.ip_address(h).is_loopback
    except ValueError:
        return False


def _utf16_end(text: str, start: int, units: int) -> int:
    i = start
    while units > 0 and i < len(text):
        units -= 2 if ord(text[i]) > 0xFFFF else 1
        i += 1
    return i


class GrammarChecker:
    """One LanguageTool connection (lazy), with its state and its own timeouts."""

    def __init__(self, config: GrammarConfig | None = None) -> None:
        self.config = config or GrammarConfig()
        self._lock = threading.RLock()
        self._tools: dict[str, Any] = {}
        self._proc: subprocess.Popen | None = None
        self._url: str | None = None
        self._status = self._initial_status()

    # -- status
    def _initial_status(self) -> GrammarStatus:
        c = self.config
        if c.server:
            url = c.server if "://" in c.server else "http://" + c.server
            host = urllib.parse.urlsplit(url).hostname or ""
            if not _is_loopback_host(host) and not c.allow_remote_server:
                return GrammarStatus(FAILED, f"grammar server {c.server} is not on this computer; "
                                     "the text would leave the machine. Use a local address or "
                                     "explicitly allow a remote grammar server in Settings", c.server)
            return GrammarStatus(IDLE, "LanguageTool server configured (not contacted yet)", url)
        if c.directory:
            jar = self._find_jar()
            if jar is None:
                return GrammarStatus(NOT_INSTALLED, f"grammar check not installed: no "
                                     f"languagetool-server.jar in {c.directory}")
            if self._java() is None:
                return GrammarStatus(NOT_INSTALLED, "grammar check not installed: LanguageTool "
                                     "needs Java, which was not found (set JAVA_HOME)")
            return GrammarStatus(IDLE, f"LanguageTool folder {c.directory} (starts on first use)")
        if c.public_api:
            return GrammarStatus(IDLE, "public LanguageTool service (opted in: text is sent "
                                 "to api.languagetool.org)", PUBLIC_API)
        return GrammarStatus(NOT_INSTALLED, NOT_INSTALLED_HELP)

    def status(self) -> GrammarStatus:
        return self._status

    # -- local server from a directory
    def _find_jar(self) -> Path | None:
        root = Path(self.config.directory or "")
        if not root.is_dir():
            return None
        for cand in [root / "languagetool-server.jar", *root.glob("*/languagetool-server.jar")]:
            if cand.is_file():
                return cand
        return None

    def _java(self) -> str | None:
        if self.config.java:
            return self.config.java if os.access(self.config.java, os.X_OK) else None
        home = os.environ.get("JAVA_HOME")
        if home and os.access(os.path.join(home, "bin", "java"), os.X_OK):
            return os.path.join(home, "bin", "java")
        return shutil.which("java")

    def _start_local(self) -> str:
        jar, java = self._find_jar(), self._java()
        if jar is None or java is None:
            raise GrammarUnavailable(self._status.message)
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        cmd = [java, "-cp", str(jar), "org.languagetool.server.HTTPServer", "--port", str(port)]
        self._status = GrammarStatus(STARTING, "starting LanguageTool…")
        log.info("starting LanguageTool: %s", " ".join(cmd))
        self._proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL, cwd=str(jar.parent))
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + self.config.start_timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                code = self._proc.returncode
                self._proc = None
                raise GrammarUnavailable(f"LanguageTool exited at start-up (code {code}); "
                                         f"check the folder {self.config.directory}")
            if self._ping(url, min(2.0, self.config.timeout)):
                return url
            time.sleep(0.2)
        self._kill()
        raise GrammarUnavailable(f"LanguageTool did not start within "
                                 f"{self.config.start_timeout:g} s; it was stopped")

    def _ping(self, url: str, timeout: float) -> bool:
        parts = urllib.parse.urlsplit(url)
        try:
            with self._egress(parts.hostname or "", parts.port or 80):
                opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
                with opener.open(url.rstrip("/") + "/v2/languages", timeout=timeout) as r:
                    json.load(r)
            return True
        except (OSError, ValueError, urllib.error.URLError):
            return False

    def _kill(self) -> None:
        if self._proc is not None:
            try:
                self._proc.kill()
                self._proc.wait(5)
            except (OSError, subprocess.TimeoutExpired):
                pass
            self._proc = None

    # -- egress
    @contextmanager
    def _egress(self, host: str, port: int) -> Iterator[None]:
        from .. import egress

        if _is_loopback_host(host):
            with egress.permit_local(host, port):
                yield
        elif self.config.public_api or self.config.allow_remote_server:
            with egress.allow_network(f"grammar check via {host} (user opted in)"):
                yield
        else:  # never reached: refused in _initial_status
            raise GrammarUnavailable(f"grammar server {host} is not local")

    # -- the client
    def _base_url(self) -> str:
        if self._url:
            return self._url
        if self._status.state in (NOT_INSTALLED, FAILED):
            raise GrammarUnavailable(self._status.message)
        if self.config.server:
            url = self._status.server or self.config.server
        elif self.config.directory:
            url = self._start_local()
        else:
            url = PUBLIC_API
        self._url = url.rstrip("/")
        return self._url

    def _tool(self, lang: str) -> Any:
        if lang in self._tools:
            return self._tools[lang]
        try:
            import language_tool_python as ltp
        except ImportError:
            self._status = GrammarStatus(NOT_INSTALLED, "grammar check not installed: the "
                                         "language-tool-python package is missing")
            raise GrammarUnavailable(self._status.message) from None
        url = self._base_url()
        parts = urllib.parse.urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)

        def make() -> Any:
            with self._egress(parts.hostname or "", port):
                # proxies={…: None}: never route local text through an environment proxy
                return ltp.LanguageTool(LT_LANG.get(lang, lang), remote_server=url,
                                        proxies={"http": None, "https": None})

        tool = _run_with_timeout(make, self.config.timeout, "connecting")
        tool._TIMEOUT = self.config.timeout  # the library's own HTTP timeout (default 300 s)
        if not self.config.include_typos:
            tool.disabled_categories = {"TYPOS"}
        self._tools[lang] = tool
        return tool

    def check(self, text: str, lang: str) -> list[Finding]:
        """Grammar findings for `text`; `GrammarUnavailable` when LanguageTool cannot run."""
        base = (lang or "").split("-")[0].lower()
        if not text.strip():
            return []
        with self._lock:
            try:
                tool = self._tool(base)
                parts = urllib.parse.urlsplit(self._base_url())
                port = parts.port or (443 if parts.scheme == "https" else 80)

                def call() -> Any:
                    with self._egress(parts.hostname or "", port):
                        return tool.check(text)

                matches = _run_with_timeout(call, self.config.timeout, "checking")
            except GrammarUnavailable as exc:
                self._status = GrammarStatus(FAILED, str(exc), self._url)
                self._drop()
                raise
            except Exception as exc:  # noqa: BLE001 - LanguageToolError, ServerError, HTTP errors
                msg = f"LanguageTool failed: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
                self._status = GrammarStatus(FAILED, msg, self._url)
                self._drop()
                raise GrammarUnavailable(msg) from None
            self._status = GrammarStatus(READY, "LanguageTool ready", self._url)
        return [f for m in matches if (f := self._finding(text, m, base)) is not None]

    def _drop(self) -> None:
        self._tools.clear()
        self._url = None
        self._kill()

    def _finding(self, text: str, m: Any, lang: str) -> Finding | None:
        start = int(getattr(m, "offset", -1))
        if not 0 <= start < len(text):
            return None
        end = _utf16_end(text, start, int(getattr(m, "error_length", 0)))
        if end <= start:
            return None
        category = "spelling" if getattr(m, "category", "") == "TYPOS" else "grammar"
        issue = getattr(m, "rule_issue_type", "") or ""
        rule_id = getattr(m, "rule_id", "UNKNOWN")
        return Finding(
            start=start, end=end, text=text[start:end], rule=f"{lang}.grammar.lt.{rule_id}",
            category=category,
            severity="warning" if issue in ("grammar", "misspelling") else "info",
            message=(getattr(m, "message", "") or "Possible grammar problem.").splitlines()[0],
            explanation=getattr(m, "message", "") or "",
            source=f"LanguageTool rule {rule_id} ({getattr(m, 'category', '')})",
            suggestions=list(getattr(m, "replacements", []) or [])[:5],
            confidence=None, origin="rule", language=lang)

    def close(self) -> None:
        with self._lock:
            self._drop()
            if self._status.state in (READY, STARTING):
                self._status = self._initial_status()


_checkers: dict[GrammarConfig, GrammarChecker] = {}
_checkers_lock = threading.Lock()


def checker_for(settings: Any = None) -> GrammarChecker:
    """The shared checker for these settings (one LanguageTool per configuration)."""
    cfg = settings if isinstance(settings, GrammarConfig) else GrammarConfig.from_settings(settings)
    with _checkers_lock:
        if cfg not in _checkers:
            _checkers[cfg] = GrammarChecker(cfg)
        return _checkers[cfg]


def grammar_status(settings: Any = None) -> GrammarStatus:
    """'not-installed' | 'idle' | 'starting' | 'ready' | 'failed', with a message for the UI."""
    return checker_for(settings).status()


def check_grammar(text: str, lang: str, settings: Any = None, *, quiet: bool = True
                  ) -> list[Finding]:
    """Grammar findings, or [] when LanguageTool is not available (`quiet=False`: raise)."""
    try:
        return checker_for(settings).check(text, lang)
    except GrammarUnavailable:
        if quiet:
            return []
        raise


def shutdown() -> None:
    """Stop every LanguageTool this process started (call at app exit)."""
    with _checkers_lock:
        for c in _checkers.values():
            c.close()
        _checkers.clear()
