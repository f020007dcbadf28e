"""Translation on tiny Marian models built here (sentencepiece trained on a few sentences).

Nothing is downloaded: the models are random, so tests check the machinery (store, loading,
batching, progress, cancel, glossary, line structure, CLI), not translation quality.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = [
    "We are looking for a nurse for our hospital in Ghent.",
    "You will care for patients and work in a friendly team.",
    "Apply before Friday and send your CV to our recruiter.",
    "Wij zoeken een verpleegkundige voor ons ziekenhuis in Gent.",
    "Je zorgt voor patiënten en werkt in een vriendelijk team.",
    "Nous recherchons une infirmière pour notre hôpital.",
    "Wir suchen eine Pflegefachkraft für unser Krankenhaus.",
    "Acme Health offers training, a pension plan and flexible hours (m/v/x).",
]


def build_tiny_marian(dest: Path, src: str = "en", tgt: str = "nl") -> Path:
    """A random 1-layer Marian with a sentencepiece vocabulary trained on CORPUS (~1 s)."""
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer
    from transformers.utils import logging as tlog
    tlog.set_verbosity_error()
    tlog.disable_progress_bar()
    dest.mkdir(parents=True, exist_ok=True)
    work = dest.parent / (dest.name + "-spm")
    work.mkdir(exist_ok=True)
    (work / "corpus.txt").write_text("\n".join(CORPUS * 5), encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(work / "corpus.txt"), model_prefix=str(work / "sp"), vocab_size=120,
        model_type="unigram", character_coverage=1.0, bos_id=-1, eos_id=-1, unk_id=0, pad_id=-1,
        minloglevel=2, hard_vocab_limit=False)
    sp = spm.SentencePieceProcessor(model_file=str(work / "sp.model"))
    vocab = {"</s>": 0, "<unk>": 1, "<pad>": 2}
    for i in range(sp.get_piece_size()):
        vocab.setdefault(sp.id_to_piece(i), len(vocab))
    (work / "vocab.json").write_text(json.dumps(vocab), encoding="utf-8")
    tok = MarianTokenizer(vocab=str(work / "vocab.json"), source_spm=str(work / "sp.model"),
                          target_spm=str(work / "sp.model"), source_lang=src, target_lang=tgt)
    tok.save_pretrained(str(dest))
    torch.manual_seed(0)
    cfg = MarianConfig(vocab_size=len(vocab), d_model=16, encoder_layers=1, decoder_layers=1,
                       encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=32,
                       decoder_ffn_dim=32, max_position_embeddings=128, pad_token_id=2,
                       eos_token_id=0, decoder_start_token_id=2, forced_eos_token_id=0)
    MarianMTModel(cfg).save_pretrained(str(dest))
    return dest


@pytest.fixture(scope="session")
def tiny_store(tmp_path_factory):
    """A model store with tiny en->nl, nl->en and en->fr models (built once, cached)."""
    from inclusive_writer.ml.store import ModelStore
    base = tmp_path_factory.getbasetemp() / "tiny-translation"
    store = ModelStore(base / "store")
    if not (base / "store" / "tiny-en-nl").is_dir():
        folder = build_tiny_marian(base / "build" / "marian")
        for mid, s, t in (("tiny-en-nl", "en", "nl"), ("tiny-nl-en", "nl", "en"), ("tiny-en-fr", "en", "fr")):
            store.add_folder(folder, {"id": mid, "task": "translation", "languages": [s, t],
                                      "source": s, "target": t, "licence": "test", "origin": "built"})
    return store


class EchoModel:
    """Stands in for a seq2seq model: 'translates' by copying (to test placeholder handling)."""

    id = "echo"
    batch_size = 4

    def __init__(self, drop_placeholders: bool = False) -> None:
        self.drop = drop_placeholders
        self.calls: list[list[str]] = []

    def generate(self, texts):
        self.calls.append(list(texts))
        import re
        return [re.sub(r"ZX\d", "", t) if self.drop else t for t in texts]


GLOSSARY = {
    "protect": ["Acme Health"],
    "terms": [{"en": "nurse | nurses", "nl": "verpleegkundige | verpleegkundigen",
               "avoid": {"nl": ["verpleegster | verpleegsters"]}}],
}


def test_tiny_model_translates_through_the_store(tiny_store):
    from inclusive_writer.ml.translate import Translator
    tr = Translator("en", "nl", store=tiny_store)
    assert tr.model_id == "tiny-en-nl"
    seen = []
    text = "We are looking for a nurse.\n\n- You care for patients. You work in a team.\n"
    out = tr.translate(text, progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)
    lines = out.split("\n")
    assert len(lines) == len(text.split("\n")) and lines[1] == "" and lines[2].startswith("- ")


def test_protected_terms_survive_even_when_the_model_mangles_them(tiny_store):
    from inclusive_writer.ml.translate import Translator
    tr = Translator("en", "nl", store=tiny_store)
    text = "Acme Health is looking for a nurse (m/v/x). Mail jobs@acme.example today."
    out = tr.translate(text, glossary=GLOSSARY)
    assert "Acme Health" in out and "(m/v/x)" in out and "jobs@acme.example" in out
    assert "verpleegkundige" in out


def test_placeholders_are_restored_and_preferred_terms_enforced():
    from inclusive_writer.ml.translate import Translator
    echo = EchoModel()
    tr = Translator("en", "nl", models=[echo])
    out = tr.translate("Acme Health hires nurses. Our verpleegster works here (m/w/d).", glossary=GLOSSARY)
    assert out == "Acme Health hires verpleegkundigen. Our verpleegkundige works here (m/w/d)."
    assert all("Acme" not in t for t in echo.calls[0])  # masked before the model saw it


def test_dropped_placeholders_fall_back_to_piecewise_translation():
    from inclusive_writer.ml.translate import Translator
    echo = EchoModel(drop_placeholders=True)
    out = Translator("en", "nl", models=[echo]).translate("Join Acme Health as a nurse today.",
                                                          glossary=GLOSSARY)
    assert "Acme Health" in out and "verpleegkundige" in out
    assert len(echo.calls) == 2  # the first try, then the pieces


def test_cancel_stops_between_batches(tiny_store):
    from inclusive_writer.ml.errors import Cancelled
    from inclusive_writer.ml.translate import Translator
    tr = Translator("en", "nl", store=tiny_store)
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(Cancelled):
        tr.translate(" ".join(CORPUS[:3] * 6), cancel=cancel)


def test_pivot_through_english_when_no_direct_model(tiny_store):
    from inclusive_writer.ml.translate import Translator, resolve_chain
    assert resolve_chain("nl", "fr", tiny_store) == ["tiny-nl-en", "tiny-en-fr"]
    assert Translator("nl", "fr", store=tiny_store).model_id == "tiny-nl-en+tiny-en-fr"


def test_missing_model_gives_a_clear_message(tmp_path):
    from inclusive_writer.ml.errors import ModelNotInstalled
    from inclusive_writer.ml.store import ModelStore
    from inclusive_writer.services.translate import translate
    with pytest.raises(ModelNotInstalled, match=r"en→de.*opus-mt-en-de.*models import"):
        translate("We are hiring.", "en", "de", store=ModelStore(tmp_path / "empty"))


def test_service_offers_target_findings_as_fixes():
    pytest.importorskip("inclusive_writer.core.engine")
    from inclusive_writer.ml.translate import Translator
    from inclusive_writer.services.translate import translate
    # the echo "model" makes the target text known: an English ad with a gendered job title
    res = translate("We are looking for a salesman for our shop in Leeds.", "nl", "en",
                    translator=Translator("nl", "en", models=[EchoModel()]))
    assert res.model_id == "echo" and res.report.language == "en"
    fix = next(f for f in res.fixes if f.text == "salesman")
    assert fix.suggestions and res.text[fix.start:fix.end] == "salesman"


def test_service_with_tiny_model(tiny_store):
    from inclusive_writer.services.translate import translate
    res = translate("Wij zoeken een verpleegkundige.", "nl", "en", store=tiny_store, check=False)
    assert res.model_id == "tiny-nl-en" and isinstance(res.text, str) and res.report is None


NO_NETWORK_SCRIPT = r"""
import json, socket, sys
attempts = []
def refuse(what, *args):
    attempts.append(f"{what} {args!r}")
    raise OSError("network disabled by test")
socket.socket.connect = lambda self, addr: refuse("connect", addr)
socket.socket.connect_ex = lambda self, addr: refuse("connect_ex", addr)
socket.create_connection = lambda *a, **k: refuse("create_connection", *a)
socket.getaddrinfo = lambda *a, **k: refuse("getaddrinfo", *a)
import inclusive_writer as iw
from inclusive_writer.ml.judge import load_judge
from inclusive_writer.ml.semantic import SemanticFlagger
from inclusive_writer.ml.store import ModelStore
from inclusive_writer.services.translate import translate
judge = load_judge()
text = ("We are looking for a young salesman. Our guys are all in their twenties, so you'll fit "
        "right in. You should be a native English speaker.")
report = iw.analyze(text, "en", judge=judge)
flags = SemanticFlagger(judge.encoder, judge.heads).findings(text, "en")
nl = iw.analyze("Wij zoeken een starter. Je begeleidt starters bij hun onderneming.", "nl", judge=judge)
out = translate("Acme Health is looking for a nurse. Apply today.", "en", "nl",
                store=ModelStore(sys.argv[1]), check=False,
                glossary={"protect": ["Acme Health"]})
print(json.dumps({"attempts": attempts, "findings": len(report.findings), "flags": len(flags),
                  "text": out.text}))
"""


def test_analysing_and_translating_open_no_network_connection(tiny_store):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"):
        env.pop(var, None)  # the code must go offline by itself
    r = subprocess.run([sys.executable, "-c", NO_NETWORK_SCRIPT, str(tiny_store.root)],
                       capture_output=True, text=True, env=env, timeout=300, cwd=ROOT)
    assert r.returncode == 0, r.stderr[-3000:]
    res = json.loads(r.stdout.strip().splitlines()[-1])
    assert res["attempts"] == []
    assert res["findings"] >= 2 and res["flags"] >= 1 and "Acme Health" in res["text"]


def test_glossary_file_errors_are_clear(tmp_path):
    from inclusive_writer.ml.errors import MLError
    from inclusive_writer.ml.glossary import Glossary
    bad = tmp_path / "g.yaml"
    bad.write_text("terms:\n  - en: nurse\n", encoding="utf-8")
    with pytest.raises(MLError, match="at least two languages"):
        Glossary.load(bad)


def _cli(args, env_store, stdin=None, data_dir=None):
    env = dict(os.environ, INCLUSIVE_WRITER_MODELS=str(env_store), PYTHONPATH=str(ROOT))
    if data_dir is not None:
        env["INCLUSIVE_WRITER_DATA"] = str(data_dir)
    code = ("import sys; from inclusive_writer.cli.translate import register, run; import argparse; "
            "p = argparse.ArgumentParser(); s = p.add_subparsers(); register(s); "
            "a = p.parse_args(sys.argv[1:]); sys.exit(a.func(a))")
    return subprocess.run([sys.executable, "-c", code, "translate", *args], capture_output=True,
                          text=True, input=stdin, env=env, timeout=120)


def test_cli_translate_reads_stdin_and_reports_missing_models(tiny_store, tmp_path):
    gl = tmp_path / "glossary.yaml"
    import yaml
    gl.write_text(yaml.safe_dump(GLOSSARY), encoding="utf-8")
    r = _cli(["--from", "en", "--to", "nl", "--glossary", str(gl), "-"], tiny_store.root,
             stdin="Acme Health needs a nurse.\n", data_dir=tmp_path / "data")
    assert r.returncode in (0, 1), r.stderr
    assert "Acme Health" in r.stdout and "verpleegkundige" in r.stdout
    from inclusive_writer.services.audit import AuditLog, doc_hash
    logs = list((tmp_path / "data").rglob("*.sqlite*")) + list((tmp_path / "data").rglob("*.db"))
    assert logs, "the translation was not written to the local audit log"
    entries = AuditLog(logs[0]).entries(action="translate")
    assert len(entries) == 1 and entries[0].language == "en->nl" and entries[0].source == "cli"
    assert entries[0].text is None and entries[0].document_sha256 == doc_hash("Acme Health needs a nurse.\n")
    r = _cli(["--from", "en", "--to", "de", "-"], tiny_store.root, stdin="Hello.\n")
    assert r.returncode == 2 and "No model installed for translation en→de" in r.stderr
