"""`inclusive-writer check` on bad input, through the real readers (issue 2's requirements)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOOD = "Wij zoeken een jonge verkoopster (m/v) van max. 35 jaar met Nederlands als moedertaal.\n"


def _cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "INCLUSIVE_WRITER_NO_JUDGE": "1"}
    return subprocess.run([sys.executable, "-m", "inclusive_writer", *args], cwd=ROOT,
                          input=stdin, capture_output=True, timeout=300, env=env)


@pytest.fixture(autouse=True)
def _needs_check():
    pytest.importorskip("inclusive_writer.cli.check", reason="lead's `check` not built yet")


def test_bad_files_exit_2_name_the_file_and_the_good_one_is_still_checked(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    files = {
        "invalid.txt": "Wij zoeken".encode() + "é".encode() + b" caf\xe9 \xff",
        "binary.txt": b"\x00\x01\x02\x03ELF",
        "broken.docx": b"PK\x03\x04 this is not a real zip",
        "text.docx": b"Just text with a .docx name",
        "locked.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
                       + "EncryptionInfo".encode("utf-16-le"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    paths = [str(tmp_path / n) for n in files] + [str(good)]
    res = _cli("check", "--format", "json", *paths)
    assert res.returncode == 2
    err = res.stderr.decode()
    for name, problem in [("invalid.txt", "mixed encodings"), ("binary.txt", "binary file"),
                          ("broken.docx", "not a .docx (zip) file"),
                          ("text.docx", "not a .docx (zip) file"),
                          ("locked.docx", "password-protected .docx")]:
        assert f"{tmp_path / name}: {problem}" in err, err
    out = json.loads(res.stdout)
    items = out if isinstance(out, list) else [out]
    assert [i["path"] for i in items] == [str(good)]
    assert items[0]["findings"]


def test_empty_input_gives_an_empty_report(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    res = _cli("check", "--format", "json", str(empty))
    assert res.returncode == 0, res.stderr.decode()
    assert json.loads(res.stdout)["findings"] == []
    res = _cli("check", "--format", "json", "-", stdin=b"")
    assert res.returncode == 0 and json.loads(res.stdout)["findings"] == []


def test_stdin_in_other_encodings():
    res = _cli("check", "--format", "json", "--lang", "nl", "-", stdin=GOOD.encode("utf-16"))
    assert res.returncode == 1, res.stderr.decode()
    assert json.loads(res.stdout)["findings"]
    res = _cli("check", "-", stdin=b"\x00\x00binary\x00")
    assert res.returncode == 2 and b"<stdin>: binary file" in res.stderr


def test_docx_is_checked_like_text(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("Vacature")
    d.add_paragraph(GOOD.strip())
    d.save(tmp_path / "ad.docx")
    res = _cli("check", "--format", "json", str(tmp_path / "ad.docx"))
    assert res.returncode == 1, res.stderr.decode()
    rep = json.loads(res.stdout)
    text = "Vacature\n" + GOOD.strip()
    assert all(text[f["start"]:f["end"]] == f["text"] for f in rep["findings"])


@pytest.mark.slow
def test_fifty_megabyte_text_with_bounded_memory(tmp_path):
    big = tmp_path / "big.txt"
    clean = ("Je werkt in een hecht team en bouwt mee aan onze producten voor klanten in heel "
             "Vlaanderen. Je krijgt een opleiding, een laptop en flexibele uren.\n")
    block = ((clean * 9 + GOOD) * 20).encode()  # mostly clean text, one flagged line in ten
    with open(big, "wb") as fh:
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(block)
    size = big.stat().st_size
    code = ("import resource, sys\nfrom inclusive_writer.cli import main\n"
            "rc = main(['check', '--format', 'json', '--lang', 'nl', sys.argv[1]])\n"
            # VmHWM: this process's own peak; ru_maxrss would carry over the pytest parent's
            # peak through fork + exec.
            "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
            "print('MAXRSS', hwm, file=sys.stderr)\n"
            "sys.exit(rc)\n")
    # A clean environment: state that earlier tests left in this process's environment
    # must not leak into the measurement.
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "LC_ALL")}
    env.update(INCLUSIVE_WRITER_NO_JUDGE="1", INCLUSIVE_WRITER_DATA=str(tmp_path / "data"),
               INCLUSIVE_WRITER_MODELS=str(tmp_path / "models"), HF_HUB_OFFLINE="1")
    res = subprocess.run([sys.executable, "-c", code, str(big)], cwd=ROOT, capture_output=True,
                         timeout=1800, env=env)
    assert res.returncode in (0, 1), res.stderr.decode()[-2000:]
    rss_kb = int(res.stderr.decode().split("MAXRSS")[-1].split()[0])
    print(f"50 MB check: peak RSS {rss_kb / 1024:.0f} MB for a {size / 1e6:.0f} MB file")
    assert rss_kb * 1024 < 12 * size  # the text's own size times a small factor (+ runtime)
