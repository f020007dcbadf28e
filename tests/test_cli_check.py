"""`inclusive-writer check`: formats, exit codes, folders, stdin and bad input."""
from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import docx
import pytest

from inclusive_writer.cli import main

AD_EN = "Salesmen wanted!\nWe need a native English speaker, under 35, for our young team.\n"
AD_NL = "Wij zoeken ervaren verkoopsters voor onze winkel in Gent, max. 35 jaar.\n"
CLEAN = "We are hiring a product designer for our Brussels office.\n"
LINE_RE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+) (?P<sev>error|warning|info) .+ \[(?P<rule>[a-z]{2}\.[a-z-]+\.[^\]]+)\]$")


def run(args, capsys, stdin=None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = main(["check", "--no-model", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_format_is_linter_style_with_exact_positions(tmp_path, capsys):
    path = tmp_path / "ad.txt"
    path.write_text(AD_EN, encoding="utf-8")
    code, out, _ = run([str(path)], capsys)
    assert code == 1
    lines = out.strip().splitlines()
    assert lines and all(LINE_RE.match(line) for line in lines), out
    first = LINE_RE.match(lines[0])
    assert (first["line"], first["col"]) == ("1", "1") and "gender" in first["rule"]
    positions = {(m["line"], m["col"]) for m in map(LINE_RE.match, lines)}
    text_lines = AD_EN.splitlines()
    col = text_lines[1].index("native") + 1
    assert ("2", str(col)) in positions


def test_json_single_object_and_array_for_several(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.md"
    a.write_text(AD_EN, encoding="utf-8")
    b.write_text("# Vacature\n\n" + AD_NL, encoding="utf-8")
    code, out, _ = run(["--format", "json", str(a)], capsys)
    data = json.loads(out)
    assert code == 1 and data["path"] == str(a) and data["language"] == "en"
    for f in data["findings"]:
        assert AD_EN[f["start"]:f["end"]] == f["text"]
        assert {"rule", "category", "severity", "message", "explanation", "source",
                "suggestions", "confidence"} <= set(f)
    assert set(data["summary"]["gender_coding"]) >= {"verdict", "masculine_count"}
    code, out, _ = run(["--format", "json", str(a), str(b)], capsys)
    items = json.loads(out)
    assert isinstance(items, list) and [i["language"] for i in items] == ["en", "nl"]


def test_sarif_is_valid_2_1_0(tmp_path, capsys):
    path = tmp_path / "ad.txt"
    path.write_text(AD_EN, encoding="utf-8")
    code, out, _ = run(["--format", "sarif", str(path)], capsys)
    log = json.loads(out)
    assert code == 1 and log["version"] == "2.1.0"
    run_ = log["runs"][0]
    rule_ids = {r["id"] for r in run_["tool"]["driver"]["rules"]}
    assert run_["results"]
    for res in run_["results"]:
        assert res["ruleId"] in rule_ids and res["level"] in ("error", "warning", "note")
        region = res["locations"][0]["physicalLocation"]["region"]
        start = region["charOffset"]
        assert AD_EN[start:start + region["charLength"]] == region["snippet"]["text"]


def test_clean_text_exits_zero_and_empty_input_gives_empty_report(tmp_path, capsys):
    clean, empty = tmp_path / "clean.txt", tmp_path / "empty.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    empty.write_bytes(b"")
    assert run([str(clean)], capsys)[0] == 0
    code, out, _ = run(["--format", "json", str(empty)], capsys)
    assert code == 0 and json.loads(out)["findings"] == []


def test_stdin(capsys, monkeypatch):
    code, out, _ = run(["--lang", "nl", "-"], capsys, stdin=AD_NL.encode(), monkeypatch=monkeypatch)
    assert code == 1 and out.startswith("<stdin>:1:")


def test_bad_files_exit_2_and_other_files_are_still_checked(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(AD_EN, encoding="utf-8")
    bad_utf8 = tmp_path / "latin.txt"
    bad_utf8.write_bytes(b"caf\xc3\x28 \xff\xfe\xfd\x00\x00 binary")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    broken_docx = tmp_path / "broken.docx"
    broken_docx.write_bytes(b"PK\x03\x04 this is not really a zip")
    missing = tmp_path / "missing.txt"
    code, out, err = run([str(bad_utf8), str(binary), str(broken_docx), str(missing), str(good)], capsys)
    assert code == 2
    for p in (bad_utf8, binary, broken_docx, missing):
        assert str(p) in err, err
    assert str(good) + ":1:1" in out


def test_folders_recurse_and_docx_is_read(tmp_path, capsys):
    sub = tmp_path / "ads" / "2026"
    sub.mkdir(parents=True)
    d = docx.Document()
    d.add_paragraph("Vacature: verkoopster (deeltijds)")
    d.add_paragraph("Je bent maximaal 30 jaar oud.")
    d.save(sub / "vacature.docx")
    (tmp_path / "ads" / "notes.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "ads" / "image.png").write_bytes(b"\x89PNG\r\n")
    code, out, err = run(["--lang", "nl", "--format", "json", str(tmp_path / "ads")], capsys)
    items = json.loads(out)
    assert code == 1 and err.strip() == ""
    assert sorted(Path(i["path"]).name for i in items) == ["notes.md", "vacature.docx"]
    report = next(i for i in items if i["path"].endswith(".docx"))
    assert {f["category"] for f in report["findings"]} >= {"gender", "age"}


def test_unknown_language_and_category_are_usage_errors(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(CLEAN, encoding="utf-8")
    assert run(["--lang", "es", str(path)], capsys)[0] == 2
    assert run(["--categories", "gender,nonsense", str(path)], capsys)[0] == 2


# The 50 MB memory bound is tested in tests/test_io_cli.py::test_fifty_megabyte_text_with_bounded_memory.
