"""Properties of `analyze()` for any input: exact spans, laminar offsets, never raises."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

import inclusive_writer as iw

# Words the rule packs look for, mixed with hostile characters, so that matches really happen.
SEEDS = ["salesman", "Salesmen", "native", "speaker", "young", "team", "under 35", "he", "his",
         "her", "Maria", "Verkäufer", "Vertriebsleiter", "(m/w)", "(m/v/x)", "junges", "Team",
         "verkoopster", "max. 35 jaar", "vendeur", "moins de 30 ans", "bis 28 Jahre", "jeune",
         "digital native", "pas afgestudeerd", "master's", "disabled", "she 's", "-\n", "\u00ad",
         "\u200b", "\u200d", "👩‍💻", "e\u0301", "שלום", "مرحبا", "\u202e", "\ufeff", "\r\n", "\n\n",
         "’", "'", "·", "*in", ":innen", "\x00", "\ud7ff", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "İ", "ß", "ﬁ"]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(SEEDS), st.text(max_size=5)), max_size=40).map(" ".join),
    st.lists(st.sampled_from(SEEDS), max_size=60).map("".join),
)


def check_report(text, report):
    last_end = -1
    for f in report.findings:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == f.text
        assert f.severity in ("error", "warning", "info")
        assert f.message and "\n" not in f.message
        assert isinstance(f.suggestions, list)
    spans = sorted((f.start, f.end) for f in report.findings)
    for i, (a0, a1) in enumerate(spans):
        for b0, b1 in spans[i + 1:]:
            if b0 >= a1:
                break
            assert b1 <= a1, ((a0, a1), (b0, b1))  # laminar: nested, never crossing
    starts = [f.start for f in report.findings]
    assert starts == sorted(starts)
    del last_end


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(["en", "nl", "fr", "de", None]))
def test_spans_are_exact_and_never_cross(text, lang):
    check_report(text, iw.analyze(text, lang))


@settings(max_examples=80, deadline=None)
@given(texts)
def test_coded_findings_and_no_readability_keep_the_same_properties(text):
    check_report(text, iw.analyze(text, "en", coded_findings=True, readability=False))
