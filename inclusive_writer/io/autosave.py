"""Autosave and crash recovery for unsaved text.

The GUI calls `AutosaveStore.save(key, text, source=...)` every few seconds while a document
has unsaved changes, `discard(key)` once it is saved (or the user throws the changes away),
and at start-up `recoverable()` to offer what a crashed or killed session left behind.

Each store instance is one session holding an exclusive lock file for as long as the process
lives; the OS drops the lock when the process dies, which is how a crash is told apart from
another window that is still running (no PID guessing). Autosaves live in the user data dir
(mode 0600: HR texts are confidential) and are written atomically.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from .atomic import atomic_write_bytes
from .paths import data_dir

log = logging.getLogger(__name__)
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class AutosaveEntry:
    """One autosaved text: where it came from and when it was saved."""

    key: str
    source: str | None  # the document's path, None for an untitled text
    saved_at: float  # Unix time
    session: str
    chars: int
    format: str | None
    encoding: str | None
    file: Path

    def load(self) -> str:
        """The autosaved text (verified against its checksum)."""
        return _load_text(self.file)


def key_for(source: str | os.PathLike[str] | None) -> str:
    """A stable key for a document path; a fresh unique one for an untitled text."""
    if source is None:
        return "untitled-" + uuid.uuid4().hex[:12]
    real = os.path.realpath(os.fspath(source))
    return "doc-" + hashlib.sha256(real.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _load_text(file: Path) -> str:
    raw = json.loads(file.read_text(encoding="utf-8"))
    text = raw["text"]
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    if digest != raw.get("sha256"):
        raise ValueError(f"{file}: autosave is damaged (checksum mismatch)")
    return text


class _SessionLock:
    """An exclusive lock on a file, held until `release()` or process death."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh = open(path, "a+b")  # noqa: SIM115 - kept open on purpose
        if not _try_lock(self._fh):
            self._fh.close()
            raise RuntimeError(f"session lock {path} is held")

    def release(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


def _try_lock(fh) -> bool:
    try:
        if os.name == "nt":  # pragma: no cover - Windows
            import msvcrt

            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _session_alive(lock_file: Path) -> bool:
    """True when another live process holds this session's lock."""
    try:
        with open(lock_file, "a+b") as fh:
            return not _try_lock(fh)  # closing the handle releases our probe lock
    except OSError:
        return False


class AutosaveStore:
    """Autosaves of one app session, plus recovery of those left by dead sessions."""

    def __init__(self, root: str | os.PathLike[str] | None = None) -> None:
        self.root = Path(root) if root is not None else data_dir() / "autosave"
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.session = uuid.uuid4().hex
        self._lock: _SessionLock | None = None
        self._own: set[str] = set()

    # -- this session
    def save(self, key: str, text: str, *, source: str | os.PathLike[str] | None = None,
             format: str | None = None, encoding: str | None = None) -> Path:  # noqa: A002
        """Store `text` under `key` (atomic, mode 0600) and return the file written."""
        if self._lock is None:
            self._lock = _SessionLock(self.root / f"{self.session}.lock")
        record = {
            "version": FORMAT_VERSION, "key": key, "session": self.session,
            "source": os.fspath(source) if source is not None else None,
            "saved_at": time.time(), "format": format, "encoding": encoding,
            "sha256": hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
            "text": text,
        }
        data = json.dumps(record, ensure_ascii=True).encode("ascii")
        file = self._file(key)
        atomic_write_bytes(file, data, mode=0o600)
        self._own.add(key)
        return file

    def discard(self, key: str) -> None:
        """Forget the autosave for `key` (after a save, or when the user discards changes)."""
        try:
            self._file(key).unlink()
        except FileNotFoundError:
            pass
        self._own.discard(key)

    def close(self, *, discard: bool = True) -> None:
        """End the session normally: remove its autosaves (unless `discard=False`)."""
        if discard:
            for key in list(self._own):
                self.discard(key)
        if self._lock is not None:
            lock_path = self._lock.path
            self._lock.release()
            self._lock = None
            if discard:
                try:
                    lock_path.unlink()
                except OSError:
                    pass

    # -- recovery
    def entries(self) -> list[AutosaveEntry]:
        """Every readable autosave in the store, newest first (damaged ones are skipped)."""
        out = []
        for file in self.root.glob("*.json"):
            try:
                raw = json.loads(file.read_text(encoding="utf-8"))
                out.append(AutosaveEntry(
                    key=raw["key"], source=raw.get("source"), saved_at=float(raw["saved_at"]),
                    session=raw["session"], chars=len(raw["text"]), format=raw.get("format"),
                    encoding=raw.get("encoding"), file=file))
            except (OSError, ValueError, KeyError, TypeError) as exc:
                log.warning("ignoring damaged autosave %s: %s", file, exc)
        out.sort(key=lambda e: e.saved_at, reverse=True)
        return out

    def recoverable(self) -> list[AutosaveEntry]:
        """Autosaves left by sessions that ended without cleaning up (crash, kill, power cut)."""
        alive: dict[str, bool] = {}
        result = []
        for e in self.entries():
            if e.session == self.session:
                continue
            if e.session not in alive:
                alive[e.session] = _session_alive(self.root / f"{e.session}.lock")
            if not alive[e.session]:
                result.append(e)
        return result

    def restore(self, key: str) -> str:
        """The text of a recoverable autosave (the entry stays until `discard(key)`)."""
        return _load_text(self._file(key))

    def adopt(self, entry: AutosaveEntry) -> str:
        """Take a dead session's autosave over into this session; returns its text."""
        text = entry.load()
        self.save(entry.key, text, source=entry.source, format=entry.format,
                  encoding=entry.encoding)
        return text

    def cleanup_dead_locks(self) -> int:
        """Remove lock files of dead sessions that have no autosaves left; returns how many."""
        live_sessions = {e.session for e in self.entries()}
        removed = 0
        for lock in self.root.glob("*.lock"):
            sid = lock.stem
            if sid == self.session or sid in live_sessions or _session_alive(lock):
                continue
            try:
                lock.unlink()
                removed += 1
            except OSError:
                pass
        return removed

    def _file(self, key: str) -> Path:
        safe = "".join(c for c in key if c.isalnum() or c in "-_")[:80] or "doc"
        return self.root / f"{safe}.json"


# ------------------------------------------------------------------ simple module-level API
# One store per process, for the desktop app: `save_snapshot` on a timer while there are unsaved
# changes, `clear_snapshot` after a save, `list_snapshots` at start-up to offer recovery, and
# `discard_snapshot` once the user has answered (restored or declined).

MAX_AGE_DAYS = 30
_default: AutosaveStore | None = None


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Unsaved text left behind by a session that crashed or was killed."""

    entry: AutosaveEntry
    text: str

    @property
    def original_path(self) -> str | None:
        return self.entry.source

    @property
    def saved_at(self):
        """Local time of the autosave (a datetime; `str()` gives '2026-11-23 14:05:09')."""
        import datetime as _dt

        return _dt.datetime.fromtimestamp(int(self.entry.saved_at))

    @property
    def key(self) -> str:
        return self.entry.key


def default_store() -> AutosaveStore:
    global _default
    if _default is None:
        _default = AutosaveStore()
    return _default


def _key(path: str | os.PathLike[str] | None, store: AutosaveStore) -> str:
    return key_for(path) if path is not None else f"untitled-{store.session[:12]}"


def save_snapshot(text: str, path: str | os.PathLike[str] | None = None) -> Path:
    """Autosave the unsaved `text` of the document at `path` (None: the untitled document)."""
    store = default_store()
    return store.save(_key(path, store), text, source=path)


def clear_snapshot(path: str | os.PathLike[str] | None = None) -> None:
    """Forget the autosave of `path` (call after a successful save or a discard)."""
    store = default_store()
    store.discard(_key(path, store))
    if path is not None:  # a save of a document also settles its old untitled autosave
        store.discard(_key(None, store))


def list_snapshots() -> list[Snapshot]:
    """Recoverable autosaves of crashed sessions, newest first (too old ones are removed)."""
    store = default_store()
    out = []
    limit = time.time() - MAX_AGE_DAYS * 86400
    for e in store.recoverable():
        if e.saved_at < limit:
            store.discard(e.key)
            continue
        try:
            out.append(Snapshot(e, e.load()))
        except (OSError, ValueError, KeyError) as exc:
            log.warning("autosave %s unreadable: %s", e.file, exc)
    store.cleanup_dead_locks()
    return out


def discard_snapshot(snapshot: Snapshot) -> None:
    """Remove a recovered snapshot once the user restored or declined it."""
    default_store().discard(snapshot.key)


def _reset_default_store() -> None:  # tests
    global _default
    if _default is not None:
        _default.close(discard=False)
    _default = None
