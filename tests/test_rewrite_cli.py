"""`inclusive-writer rewrite`: stdin line contract, --diff, .docx in/.docx out, errors."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ENV = dict(os.environ, INCLUSIVE_WRITER_NO_JUDGE="1", PYTHONPATH=str(ROOT))


def cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "inclusive_writer.cli", "rewrite", *args],
                          input=stdin, capture_output=True, env=ENV, cwd=ROOT, timeout=120)


def test_stdin_one_line_out_per_line_in_whitespace_kept():
    data = ("he does n't know .\n\n  She  is late, is n't she ?  \r\n"
            "His desk\tis his.\nThe team is here.").encode("utf-8")
    res = cli("--lang", "en", "--pronouns", "neutral", "-", stdin=data)
    assert res.returncode == 0, res.stderr
    assert res.stdout == ("they do n't know .\n\n  They  are late, are n't they ?  \r\n"
                          "Their desk\tis theirs.\nThe team is here.").encode("utf-8")


def test_stdin_eval_set_round_trip():
    lines = (ROOT / "resources/eval/pronouns_en.tsv").read_text(encoding="utf-8").splitlines()
    cut = next(i for i, line in enumerate(lines) if line.startswith("# mode: job-ad"))
    pairs = [line.split("\t") for line in lines[:cut] if line.strip() and not line.startswith("#")]
    src = "\n".join(p[0] for p in pairs) + "\n"
    res = cli("--lang", "en", "--pronouns", "neutral", "-", stdin=src.encode("utf-8"))
    assert res.returncode == 0, res.stderr
    out = res.stdout.decode("utf-8").split("\n")[:-1]
    assert len(out) == len(pairs)
    exact = sum(o == p[1] for o, p in zip(out, pairs)) / len(pairs)
    assert exact > 0.9   # the whole engine runs too (e.g. gendered nouns are also rewritten)


def test_job_ad_mode_is_default():
    data = b"Maria leads the team; her report is due.\nThe candidate says he is ready.\n"
    res = cli("--lang", "en", "-", stdin=data)
    assert res.stdout == b"Maria leads the team; her report is due.\nThe candidate says they are ready.\n"


def test_diff(tmp_path):
    f = tmp_path / "ad.txt"
    f.write_text("We need a chairman.\nThe team is nice.\nThe candidate says he is ready.\n",
                 encoding="utf-8")
    res = cli("--lang", "en", "--diff", str(f))
    assert res.returncode == 0, res.stderr
    text = res.stdout.decode()
    assert text.startswith(f"--- a/{f}\n+++ b/{f}\n")
    assert "-We need a chairman.\n+We need a chair.\n" in text
    assert "+The candidate says they are ready.\n" in text
    assert "-The team is nice." not in text
    assert f.read_text(encoding="utf-8").startswith("We need a chairman.")  # untouched


def test_text_file_keeps_encoding_and_bom(tmp_path):
    f = tmp_path / "ad.txt"
    f.write_bytes("\ufeffWe need a chairman.\r\n".encode("utf-8"))
    res = cli("--lang", "en", str(f))
    assert res.stdout == "\ufeffWe need a chair.\r\n".encode("utf-8")


def test_errors_exit_2(tmp_path):
    res = cli(str(tmp_path / "missing.txt"))
    assert res.returncode == 2 and b"missing.txt" in res.stderr
    res = cli("--lang", "en", "--style", "bogus", "-", stdin=b"A chairman.\n")
    assert res.returncode == 2 and b"unknown style" in res.stderr


def _make_docx(path: Path) -> None:
    import docx

    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("Vacancy: ").bold = True
    p.add_run("we need a ")
    r = p.add_run("chairman")
    r.italic = True
    p.add_run(" for our board.")
    d.add_paragraph("The team meets on Mondays.").runs[0].bold = True
    d.add_paragraph("The candidate says he is ready.")
    d.save(path)


def test_docx_in_docx_out_keeps_unedited_runs(tmp_path):
    import docx

    src = tmp_path / "ad.docx"
    _make_docx(src)
    before = docx.Document(src)
    res = cli("--lang", "en", str(src))
    assert res.returncode == 0, res.stderr
    out = tmp_path / "ad.rewritten.docx"
    assert out.exists() and b"wrote" in res.stderr
    after = docx.Document(out)
    texts = [p.text for p in after.paragraphs]
    assert texts == ["Vacancy: we need a chair for our board.", "The team meets on Mondays.",
                     "The candidate says they are ready."]
    # untouched paragraph: same XML; edited paragraph: same runs and formatting
    assert after.paragraphs[1]._p.xml == before.paragraphs[1]._p.xml
    runs = after.paragraphs[0].runs
    assert [r.text for r in runs] == ["Vacancy: ", "we need a ", "chair", " for our board."]
    assert runs[0].bold and runs[2].italic
    # the source is left alone
    assert docx.Document(src).paragraphs[0].text == "Vacancy: we need a chairman for our board."


def test_docx_output_option(tmp_path):
    src = tmp_path / "ad.docx"
    _make_docx(src)
    dest = tmp_path / "clean.docx"
    res = cli("--lang", "en", "-o", str(dest), str(src))
    assert res.returncode == 0, res.stderr
    import docx

    assert docx.Document(dest).paragraphs[2].text == "The candidate says they are ready."


@pytest.mark.parametrize("lang, line", [
    ("nl", "Wij zoeken een ervaren verkoopster."),
    ("de", "Wir suchen eine erfahrene Verkaufskraft."),
    ("fr", "Vous rejoignez une équipe dynamique."),
    ("en", "You will join a friendly team."),
])
def test_stdin_other_languages_keep_line_count(lang, line):
    data = (line + "\n\n" + line + "\n").encode("utf-8")
    res = cli("--lang", lang, "-", stdin=data)
    if res.returncode == 2 and b"rule" in res.stderr.lower():
        pytest.skip(f"{lang} rule pack not loadable yet: {res.stderr.decode()[:120]}")
    assert res.returncode == 0, res.stderr
    assert res.stdout.count(b"\n") == data.count(b"\n")
