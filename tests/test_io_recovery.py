"""Kill-during-save, autosave and crash recovery, and big files with bounded memory."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
import tracemalloc
from pathlib import Path

import pytest

from inclusive_writer.io import InputError, read_document, stale_temp_files, write_document
from inclusive_writer.io.autosave import AutosaveStore, key_for

ROOT = Path(__file__).resolve().parents[1]
ORIGINAL = ("Vacature: verkoopster (m/v), max. 35 jaar.\n" * 2000).encode("utf-8")


def _spawn(code: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True,
                            env={**os.environ, **(env or {})})


def test_kill_after_data_written_before_rename_keeps_original(tmp_path):
    target = tmp_path / "ad.txt"
    target.write_bytes(ORIGINAL)
    proc = _spawn(f"""
        import os, sys, time
        from inclusive_writer.io import atomic, read_document, write_document
        real = os.fsync
        def slow_fsync(fd):
            real(fd)
            print("SYNCED", flush=True)
            time.sleep(60)
        atomic.os.fsync = slow_fsync
        doc = read_document({str(target)!r})
        write_document(doc, "Vacature: verkoper (m/v/x).\\n" * 5000)
    """)
    try:
        assert proc.stdout.readline().strip() == "SYNCED", proc.stderr.read()
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        proc.kill()
    assert target.read_bytes() == ORIGINAL
    leftovers = stale_temp_files(tmp_path)
    assert len(leftovers) == 1 and leftovers[0].name.startswith(".ad.txt.")
    assert read_document(target).text == ORIGINAL.decode()


def test_random_kills_leave_old_or_new_never_a_mix(tmp_path):
    target = tmp_path / "ad.txt"
    a = "A" * 3_000_000
    b = "Wij zoeken een verkoper (m/v/x). " * 100_000
    target.write_text(a, encoding="utf-8")
    rng = random.Random(6)
    for _ in range(8):
        proc = _spawn(f"""
            from inclusive_writer.io import InputError, read_document, write_document
            a, b = "A" * 3_000_000, "Wij zoeken een verkoper (m/v/x). " * 100_000
            print("GO", flush=True)
            while True:
                doc = read_document({str(target)!r})
                write_document(doc, b if doc.text == a else a)
        """)
        try:
            assert proc.stdout.readline().strip() == "GO", proc.stderr.read()
            time.sleep(rng.uniform(0.05, 0.4))
            proc.send_signal(signal.SIGKILL)
            proc.wait(10)
        finally:
            proc.kill()
        assert target.read_text(encoding="utf-8") in (a, b)
    for leftover in stale_temp_files(tmp_path):
        leftover.unlink()


def test_autosave_roundtrip_and_normal_close(tmp_path):
    store = AutosaveStore(tmp_path / "autosave")
    key = key_for(tmp_path / "ad.docx")
    text = "Nous recherchons un·e vendeur·euse (H/F/X) — brouillon non enregistré."
    file = store.save(key, text, source=tmp_path / "ad.docx", format="docx")
    assert (file.stat().st_mode & 0o777) == 0o600
    assert store.restore(key) == text
    assert store.recoverable() == []  # our own session is not a crash
    store.close()
    assert store.entries() == []


def test_autosave_recovered_after_the_app_is_killed(tmp_path, monkeypatch):
    root = tmp_path / "autosave"
    text = "Wir suchen eine:n Vertriebsleiter:in (m/w/d).\nUngespeicherte Änderung."
    proc = _spawn(f"""
        import os, signal
        from inclusive_writer.io.autosave import AutosaveStore
        s = AutosaveStore({str(root)!r})
        s.save("untitled-abc", {text!r})
        s.save("doc-123", "zweites Dokument", source="/tmp/ad.docx", format="docx")
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    proc.wait(30)
    assert proc.returncode == -signal.SIGKILL
    store = AutosaveStore(root)
    found = {e.key: e for e in store.recoverable()}
    assert set(found) == {"untitled-abc", "doc-123"}
    assert found["untitled-abc"].load() == text
    assert found["doc-123"].source == "/tmp/ad.docx" and found["doc-123"].format == "docx"
    assert store.adopt(found["untitled-abc"]) == text
    store.discard("doc-123")
    assert [e.key for e in store.recoverable()] == []
    assert store.cleanup_dead_locks() == 1
    store.close()
    assert store.entries() == []


def test_autosave_of_a_running_session_is_not_offered(tmp_path):
    root = tmp_path / "autosave"
    proc = _spawn(f"""
        import sys, time
        from inclusive_writer.io.autosave import AutosaveStore
        s = AutosaveStore({str(root)!r})
        s.save("untitled-live", "still editing")
        print("SAVED", flush=True)
        sys.stdin.read()
    """)
    try:
        assert proc.stdout.readline().strip() == "SAVED", proc.stderr.read()
        store = AutosaveStore(root)
        assert [e.key for e in store.entries()] == ["untitled-live"]
        assert store.recoverable() == []
        proc.kill()
        proc.wait(10)
        assert [e.key for e in store.recoverable()] == ["untitled-live"]
    finally:
        proc.kill()


def test_damaged_autosave_is_skipped(tmp_path):
    store = AutosaveStore(tmp_path)
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    store.save("untitled-ok", "ok")
    assert [e.key for e in store.entries()] == ["untitled-ok"]
    store.close()


def test_fifty_megabyte_text_reads_with_bounded_memory(tmp_path):
    line = "Wij zoeken een enthousiaste verkoopster (m/v) voor ons jonge team in Gent.\n"
    p = tmp_path / "big.txt"
    size = 50 * 1024 * 1024
    with open(p, "w", encoding="utf-8") as fh:
        fh.write(line * (size // len(line)))
    tracemalloc.start()
    try:
        doc = read_document(p)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(doc.text) == p.stat().st_size
    assert peak < 3 * p.stat().st_size, f"peak {peak / 1e6:.0f} MB"


def test_hundred_megabyte_file_is_refused_quickly(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        fh.truncate(100 * 1024 * 1024)
    t0 = time.perf_counter()
    with pytest.raises(InputError) as err:
        read_document(p)
    assert "file too large (> 64 MB" in str(err.value)
    assert time.perf_counter() - t0 < 1.0


def test_module_level_snapshot_api_used_by_the_app(tmp_path, monkeypatch):
    from inclusive_writer.io import autosave

    monkeypatch.setenv("INCLUSIVE_WRITER_DATA", str(tmp_path))
    autosave._reset_default_store()
    text = "Wij zoeken een verpleegkundige (m/v/x) — nog niet bewaard."
    proc = _spawn(f"""
        import os, signal
        from inclusive_writer.io import autosave
        autosave.save_snapshot("weg", None)
        autosave.clear_snapshot("/tmp/bewaard.docx")  # untitled text saved as a file
        autosave.save_snapshot({text!r}, None)
        autosave.save_snapshot("tweede", "/tmp/vacature.docx")
        os.kill(os.getpid(), signal.SIGKILL)
    """, env={"INCLUSIVE_WRITER_DATA": str(tmp_path)})
    proc.wait(30)
    try:
        snaps = autosave.list_snapshots()
        assert sorted(s.text for s in snaps) == sorted([text, "tweede"])
        by_text = {s.text: s for s in snaps}
        assert by_text["tweede"].original_path == "/tmp/vacature.docx"
        assert by_text[text].original_path is None
        assert len(str(by_text[text].saved_at)) == 19
        for s in snaps:
            autosave.discard_snapshot(s)
        assert autosave.list_snapshots() == []
        autosave.save_snapshot("mine", None)
        assert autosave.list_snapshots() == []  # own session is not a crash
        autosave.clear_snapshot(None)
    finally:
        autosave._reset_default_store()
