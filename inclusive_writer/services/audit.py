"""Local audit log: what was checked, what was proposed, what the user did, which models.

SQLite in the user data dir (`INCLUSIVE_WRITER_DATA` overrides it), file mode 0600. A document
is identified by the SHA-256 of its text (`doc_hash`), never by the text itself: raw text (and
the words that were replaced) are stored only when the user opts in (`store_text`). Entries
older than `retention_days` are purged when the log is opened. Recording never breaks the
caller: on a database problem it logs a warning and returns None (a damaged database file is
moved aside and a fresh one started).
"""
from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import io
import json
import logging
import os
import sqlite3
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
DEFAULT_RETENTION_DAYS = 365
FILE_NAME = "audit.sqlite3"
ACTIONS = ("check", "rewrite", "translate", "decision", "grammar", "spelling")
COLUMNS = ("id", "time", "action", "source", "document_sha256", "language", "findings", "rules",
           "suggestions_shown", "accepted", "rejected", "models", "app_version", "text")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ts TEXT NOT NULL,
    action TEXT NOT NULL,
    source TEXT,
    doc_hash TEXT,
    language TEXT,
    findings INTEGER,
    rules TEXT NOT NULL DEFAULT '[]',
    suggestions_shown INTEGER NOT NULL DEFAULT 0,
    accepted TEXT NOT NULL DEFAULT '[]',
    rejected TEXT NOT NULL DEFAULT '[]',
    models TEXT NOT NULL DEFAULT '[]',
    app_version TEXT,
    text TEXT
);
CREATE INDEX IF NOT EXISTS events_ts ON events (ts);
"""


class AuditError(Exception):
    """The audit log could not be read or written."""


def doc_hash(text: str) -> str:
    """The identifier of a document in the log: SHA-256 of its UTF-8 text, hex."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def default_path() -> Path:
    from ..io.paths import data_dir

    return data_dir() / FILE_NAME


@dataclass(frozen=True, slots=True)
class AuditSettings:
    enabled: bool = True
    store_text: bool = False  # opt-in: keep raw text and replaced words
    retention_days: int | None = DEFAULT_RETENTION_DAYS  # None: keep forever


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    time: str  # UTC, ISO 8601
    action: str
    source: str | None
    document_sha256: str | None
    language: str | None
    findings: int | None
    rules: list[str]
    suggestions_shown: int
    accepted: list[dict[str, Any]]
    rejected: list[dict[str, Any]]
    models: list[dict[str, Any]]
    app_version: str | None
    text: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _app_version() -> str | None:
    try:
        from .. import __version__

        return str(__version__)
    except Exception:  # noqa: BLE001
        return None


def _model_dicts(models: Iterable[Any]) -> list[dict[str, Any]]:
    """Normalise model descriptions (str id, dict, or object with .id/.version)."""
    out: list[dict[str, Any]] = []
    seen: set[tuple] = set()
    for m in models:
        if m is None:
            continue
        if isinstance(m, str):
            d = {"id": m}
        elif isinstance(m, dict):
            d = {k: m[k] for k in ("id", "version", "sha256", "revision") if m.get(k) is not None}
        else:
            d = {k: getattr(m, k) for k in ("id", "version", "sha256", "revision")
                 if getattr(m, k, None) is not None}
            if "id" not in d and getattr(m, "model_id", None):
                d["id"] = m.model_id
        d = {k: str(v) for k, v in d.items()}
        key = tuple(sorted(d.items()))
        if d.get("id") and key not in seen:
            seen.add(key)
            out.append(d)
    return out


def _origins(findings: Iterable[Any]) -> list[str]:
    ids = []
    for f in findings:
        origin = getattr(f, "origin", "rule") or "rule"
        if origin.startswith("model:") and origin[6:] not in ids:
            ids.append(origin[6:])
    return ids


def _parse_day(value: str | dt.datetime | dt.date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        d = value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    elif isinstance(value, dt.date):
        d = dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
    else:
        d = dt.datetime.fromisoformat(str(value))
        d = d if d.tzinfo else d.replace(tzinfo=dt.timezone.utc)
    return d.astimezone(dt.timezone.utc).isoformat(timespec="seconds")


class AuditLog:
    """The audit log database. Cheap to create; every call opens its own connection."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, strict: bool = False) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.strict = strict
        self._lock = threading.Lock()
        self._ready = False

    # -- connection
    @contextlib.contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if not self._ready:
                self._open_or_repair()
            con = sqlite3.connect(self.path, timeout=5.0)
            try:
                con.execute("PRAGMA busy_timeout = 5000")
                con.execute("PRAGMA secure_delete = ON")
                with con:
                    yield con
            finally:
                con.close()

    def _open_or_repair(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        new = not self.path.exists()
        try:
            self._init_schema()
        except sqlite3.DatabaseError as exc:
            if new:
                raise
            aside = self.path.with_name(f"{self.path.name}.damaged-"
                                        f"{dt.datetime.now():%Y%m%d-%H%M%S}")
            log.warning("audit log %s is damaged (%s); moved aside to %s", self.path, exc, aside)
            os.replace(self.path, aside)
            self._init_schema()
        try:
            os.chmod(self.path, 0o600)
        except OSError:
            pass
        self._ready = True
        self._purge_locked()

    def _init_schema(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        os.close(fd)
        con = sqlite3.connect(self.path, timeout=5.0)
        try:
            con.execute("PRAGMA quick_check").fetchone()
            with con:
                con.executescript(_SCHEMA)
                con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)",
                            (str(SCHEMA_VERSION),))
            row = con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            if row and int(row[0]) > SCHEMA_VERSION:
                raise AuditError(f"{self.path}: audit log was written by a newer version")
        finally:
            con.close()

    def _safe(self, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (sqlite3.Error, OSError, AuditError) as exc:
            if self.strict:
                raise AuditError(f"{self.path}: {exc}") from exc
            log.warning("audit log %s: could not record (%s)", self.path, exc)
            return None

    # -- settings
    @property
    def settings(self) -> AuditSettings:
        with self._db() as con:
            rows = dict(con.execute("SELECT key, value FROM meta").fetchall())
        raw = json.loads(rows.get("settings", "{}"))
        base = AuditSettings()
        return AuditSettings(enabled=bool(raw.get("enabled", base.enabled)),
                             store_text=bool(raw.get("store_text", base.store_text)),
                             retention_days=raw.get("retention_days", base.retention_days))

    def set_settings(self, *, enabled: bool | None = None, store_text: bool | None = None,
                     retention_days: int | None | str = "keep") -> AuditSettings:
        """Change settings (`retention_days=None`: keep forever; "keep": unchanged)."""
        cur = self.settings
        if retention_days != "keep" and retention_days is not None:
            retention_days = int(retention_days)
            if retention_days < 1:
                raise ValueError("retention_days must be at least 1 (or None for forever)")
        new = AuditSettings(
            enabled=cur.enabled if enabled is None else bool(enabled),
            store_text=cur.store_text if store_text is None else bool(store_text),
            retention_days=cur.retention_days if retention_days == "keep" else retention_days)
        with self._db() as con:
            con.execute("INSERT OR REPLACE INTO meta VALUES ('settings', ?)",
                        (json.dumps(asdict(new)),))
            if store_text is False:  # opting out also forgets the text kept so far
                con.execute("UPDATE events SET text = NULL")
                rows = con.execute("SELECT id, accepted, rejected FROM events WHERE "
                                   "accepted LIKE '%\"original\"%' OR "
                                   "rejected LIKE '%\"original\"%'").fetchall()
                for rid, acc, rej in rows:
                    strip = [json.dumps([{k: v for k, v in d.items() if k != "original"}
                                         for d in json.loads(x)], ensure_ascii=False)
                             for x in (acc, rej)]
                    con.execute("UPDATE events SET accepted = ?, rejected = ? WHERE id = ?",
                                (*strip, rid))
        if store_text is False:
            self._vacuum()
        self.purge_expired()
        return new

    # -- recording
    def record(self, action: str, *, text: str | None = None, document_sha256: str | None = None,
               language: str | None = None, findings: int | None = None,
               rules: Iterable[str] = (), suggestions_shown: int = 0,
               accepted: Iterable[dict[str, Any]] = (), rejected: Iterable[dict[str, Any]] = (),
               models: Iterable[Any] = (), source: str | None = None) -> int | None:
        """Add one entry; returns its id (None when disabled or on a database problem)."""
        return self._safe(self._record, action, text, document_sha256, language, findings,
                          rules, suggestions_shown, accepted, rejected, models, source)

    def _record(self, action, text, document_sha256, language, findings, rules,
                suggestions_shown, accepted, rejected, models, source) -> int | None:
        s = self.settings
        if not s.enabled:
            return None
        if document_sha256 is None and text is not None:
            document_sha256 = doc_hash(text)
        keep = s.store_text

        def scrub(items):
            out = []
            for item in items:
                d = dict(item)
                if not keep:
                    d.pop("original", None)
                out.append(d)
            return out

        row = (_now(), action, source, document_sha256, language, findings,
               json.dumps(list(dict.fromkeys(rules)), ensure_ascii=False), int(suggestions_shown),
               json.dumps(scrub(accepted), ensure_ascii=False),
               json.dumps(scrub(rejected), ensure_ascii=False),
               json.dumps(_model_dicts(models), ensure_ascii=False), _app_version(),
               text if keep else None)
        with self._db() as con:
            cur = con.execute(
                "INSERT INTO events (ts, action, source, doc_hash, language, findings, rules, "
                "suggestions_shown, accepted, rejected, models, app_version, text) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", row)
            return int(cur.lastrowid)

    def record_check(self, text: str, report: Any, *, source: str = "cli",
                     models: Iterable[Any] = ()) -> int | None:
        """Log a check: rules raised, suggestions shown and the models behind findings."""
        findings = list(getattr(report, "findings", []))
        return self.record(
            "check", text=text, language=getattr(report, "language", None),
            findings=len(findings), rules=[f.rule for f in findings],
            suggestions_shown=sum(len(f.suggestions or []) for f in findings),
            models=list(models) + _origins(findings), source=source)

    def record_rewrite(self, text: str, rewrite: Any, accepted_ids: Iterable[Any], *,
                       language: str | None = None, source: str = "app",
                       models: Iterable[Any] = ()) -> int | None:
        """Log a rewrite proposal and which edits the user accepted or rejected."""
        chosen = set(accepted_ids)
        acc, rej = [], []
        edits = list(getattr(rewrite, "edits", []))
        for e in edits:
            item = {"id": str(getattr(e, "id", "")), "rule": getattr(e, "rule", None),
                    "replacement": getattr(e, "replacement", None),
                    "origin": getattr(e, "origin", "rule"),
                    "original": text[getattr(e, "start", 0):getattr(e, "end", 0)]}
            (acc if getattr(e, "id", None) in chosen else rej).append(item)
        return self.record(
            "rewrite", text=text, language=language or getattr(rewrite, "language", None),
            rules=[getattr(e, "rule", "") for e in edits if getattr(e, "rule", None)],
            suggestions_shown=len(edits), accepted=acc, rejected=rej,
            models=list(models) + _origins(edits), source=source)

    def record_translation(self, text: str, translation: Any, src: str, tgt: str, *,
                           source: str = "app", models: Iterable[Any] = ()) -> int | None:
        """Log a translation: source hash, target language, model id and target findings."""
        report = getattr(translation, "report", None)
        findings = list(getattr(report, "findings", []) or [])
        mid = getattr(translation, "model_id", None)
        return self.record(
            "translate", text=text, language=f"{src}->{tgt}", findings=len(findings),
            rules=[f.rule for f in findings],
            suggestions_shown=sum(len(f.suggestions or []) for f in findings),
            models=list(models) + ([mid] if mid else []) + _origins(findings), source=source)

    def record_decision(self, text: str, finding: Any, accepted: bool, *,
                        replacement: str | None = None, source: str = "app") -> int | None:
        """Log one accepted/rejected suggestion (e.g. from the editor's context menu)."""
        item = {"rule": getattr(finding, "rule", None), "replacement": replacement,
                "origin": getattr(finding, "origin", "rule"),
                "original": getattr(finding, "text", None)}
        return self.record("decision", text=text, language=getattr(finding, "language", None),
                           rules=[item["rule"]] if item["rule"] else [],
                           suggestions_shown=len(getattr(finding, "suggestions", []) or []),
                           accepted=[item] if accepted else [],
                           rejected=[] if accepted else [item],
                           models=_origins([finding]), source=source)

    # -- reading, export, clearing
    def entries(self, *, limit: int | None = None, since: Any = None, until: Any = None,
                action: str | None = None, newest_first: bool = True) -> list[AuditEntry]:
        sql = ("SELECT id, ts, action, source, doc_hash, language, findings, rules, "
               "suggestions_shown, accepted, rejected, models, app_version, text FROM events")
        cond, args = [], []
        if since is not None:
            cond.append("ts >= ?")
            args.append(_parse_day(since))
        if until is not None:
            cond.append("ts < ?")
            args.append(_parse_day(until))
        if action:
            cond.append("action = ?")
            args.append(action)
        if cond:
            sql += " WHERE " + " AND ".join(cond)
        sql += f" ORDER BY id {'DESC' if newest_first else 'ASC'}"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(int(limit))
        with self._db() as con:
            rows = con.execute(sql, args).fetchall()
        return [AuditEntry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], json.loads(r[7]), r[8],
                           json.loads(r[9]), json.loads(r[10]), json.loads(r[11]), r[12], r[13])
                for r in rows]

    def export(self, dest: str | os.PathLike[str] | io.TextIOBase, fmt: str = "csv", **filters
               ) -> int:
        """Write entries (oldest first) as CSV or JSON to a path (atomic) or a text stream."""
        entries = self.entries(newest_first=False, **filters)
        if fmt == "json":
            data = json.dumps([e.to_dict() for e in entries], ensure_ascii=False, indent=2) + "\n"
        elif fmt == "csv":
            buf = io.StringIO()
            w = csv.writer(buf, lineterminator="\r\n")
            w.writerow(COLUMNS)
            for e in entries:
                d = e.to_dict()
                row = []
                for c in COLUMNS:
                    v = d[c]
                    if c == "rules":
                        v = " ".join(v)
                    elif isinstance(v, (list, dict)):
                        v = json.dumps(v, ensure_ascii=False)
                    row.append(_csv_safe(v))
                w.writerow(row)
            data = buf.getvalue()
        else:
            raise ValueError(f"unknown export format {fmt!r} (csv or json)")
        if isinstance(dest, (str, os.PathLike)):
            from ..io.atomic import atomic_write_bytes

            atomic_write_bytes(dest, data.encode("utf-8"), mode=0o600)
        else:
            dest.write(data)
        return len(entries)

    def clear(self, *, before: Any = None) -> int:
        """Delete entries (all, or those before a date); returns how many."""
        with self._db() as con:
            if before is None:
                n = con.execute("DELETE FROM events").rowcount
            else:
                n = con.execute("DELETE FROM events WHERE ts < ?", (_parse_day(before),)).rowcount
        self._vacuum()
        return n

    def purge_expired(self) -> int:
        """Delete entries older than the retention setting; returns how many."""
        with self._lock:
            return self._purge_locked()

    def _purge_locked(self) -> int:
        con = sqlite3.connect(self.path, timeout=5.0)
        try:
            row = con.execute("SELECT value FROM meta WHERE key='settings'").fetchone()
            days = json.loads(row[0]).get("retention_days", DEFAULT_RETENTION_DAYS) if row \
                else DEFAULT_RETENTION_DAYS
            if not days:
                return 0
            con.execute("PRAGMA secure_delete = ON")
            cutoff = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=int(days)))
            with con:
                return con.execute("DELETE FROM events WHERE ts < ?",
                                   (cutoff.isoformat(timespec="seconds"),)).rowcount
        finally:
            con.close()

    def _vacuum(self) -> None:
        """Reclaim space so deleted text does not linger in the file."""
        with self._lock:
            con = sqlite3.connect(self.path, timeout=5.0)
            try:
                con.execute("VACUUM")
            except sqlite3.Error as exc:
                log.debug("vacuum failed: %s", exc)
            finally:
                con.close()

    def count(self) -> int:
        with self._db() as con:
            return int(con.execute("SELECT COUNT(*) FROM events").fetchone()[0])


def _csv_safe(v: Any) -> Any:
    """Defuse spreadsheet formulas in exported text cells (CSV injection)."""
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + v
    return "" if v is None else v


_default: AuditLog | None = None


def default_log() -> AuditLog:
    """The process-wide audit log in the user data dir."""
    global _default
    if _default is None or _default.path != default_path():
        _default = AuditLog()
    return _default
