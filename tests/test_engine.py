"""Engine mechanics on fixture packs: morphology, context, labels, offsets, configuration."""
from __future__ import annotations

import pytest

from engine_fixtures import fixture_engine
from inclusive_writer.rules.loader import OrgConfig


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return fixture_engine(tmp_path_factory.mktemp("packs"))


def hits(report):
    return [(f.text, f.rule) for f in report.findings if f.category != "readability"]


def first(report, rule):
    return next(f for f in report.findings if f.rule == rule)


def test_offsets_and_case_follow_the_input(engine):
    text = "SALESMEN WANTED. Salesmen wanted for our shop; every salesman gets a car."
    r = engine.analyze(text, "en")
    found = [f for f in r.findings if f.rule == "en.gender.salesman"]
    assert [text[f.start:f.end] for f in found] == ["SALESMEN", "Salesmen", "salesman"]
    assert [f.suggestions[0] for f in found] == ["SALESPEOPLE", "Salespeople", "salesperson"]


def test_words_broken_across_lines_and_invisible_characters(engine):
    text = "We hire a sales-\nman and a chair\u00adman with a zero\u200bwidth. A sales\u200bman too."
    r = engine.analyze(text, "en")
    spans = [f.text for f in r.findings if f.category == "gender"]
    assert spans == ["sales-\nman", "chair\u00adman", "sales\u200bman"]


def test_tokenised_text_and_phrases_across_hyphens(engine):
    r = engine.analyze("Native-English speakers only . she 's the hire .", "en")
    assert ("Native-English speakers", "en.origin.native-speaker") in hits(r)
    assert first(r, "en.origin.native-speaker").suggestions == ["Fluent English speakers (C1)"]


@pytest.mark.parametrize("text", [
    "Our native app runs on iOS and Android.",
    "Join a young company that grows fast.",
    "A master's degree in chemistry is a plus.",
    "A Master of Science in statistics.",
    "Maria presented her report to the board.",
    "I disabled the feature flag yesterday.",
])
def test_innocent_uses_stay_quiet(engine, text):
    assert hits(engine.analyze(text, "en")) == []


def test_context_makes_the_same_word_flagged(engine):
    assert ("young", "en.age.young") in hits(engine.analyze("You join a young team in Ghent.", "en"))
    r = engine.analyze("The candidate brings his own laptop. Tom brings his too.", "en")
    assert [f.text for f in r.findings if f.rule == "en.gender.pronoun-he"] == ["his"]
    assert first(r, "en.gender.pronoun-he").suggestions == ["their"]


def test_age_pattern_and_exact_span(engine):
    text = "Applicants should be under 35 years old."
    f = first(engine.analyze(text, "en"), "en.age.under")
    assert text[f.start:f.end] == "under 35 years old" and f.severity == "error"


def test_dutch_compounds_inflections_and_agreement(engine):
    r = engine.analyze("Wij zoeken verkoopsters en een hoofdverpleegster voor Gent.", "nl")
    got = {f.text: f.suggestions[0] for f in r.findings if f.category == "gender"}
    assert got == {"verkoopsters": "verkopers", "hoofdverpleegster": "hoofdverpleegkundige"}
    r = engine.analyze("Verpleegsters gezocht, max. 35 jaar.", "nl")
    assert first(r, "nl.gender.verpleegster").suggestions[0] == "Verpleegkundigen"
    assert first(r, "nl.age.max-jaar").text == "max. 35 jaar"


def test_german_compound_prefix_kept_and_lemma_phrases(engine):
    r = engine.analyze("Wir suchen einen Vertriebsleiter für unser junges Team.", "de")
    f = first(r, "de.gender.leiter")
    assert f.text == "Vertriebsleiter"
    assert f.suggestions[:2] == ["Vertriebsleitung", "Vertriebsleitungen"]
    assert first(r, "de.age.junges-team").text == "junges Team"
    assert hits(engine.analyze("Der Begleiter kommt morgen.", "de")) == []


def test_german_forms_with_two_readings_offer_both(engine):
    f = first(engine.analyze("Der Verkäufer berät.", "de"), "de.gender.verkaeufer")
    assert f.suggestions[:2] == ["Verkaufskraft", "Verkaufskräfte"]
    f = first(engine.analyze("Wir danken den Verkäufern.", "de"), "de.gender.verkaeufer")
    assert f.suggestions[0] == "Verkaufskräften"


@pytest.mark.parametrize("text", [
    "Verkäufer (m/w/d) gesucht",
    "Verkäufer*in gesucht",
    "Verkäufer:innen gesucht",
    "VerkäuferIn gesucht",
    "Leiterinnen und Leiter gesucht",
])
def test_german_inclusive_forms_are_not_flagged(engine, text):
    assert [h for h in hits(engine.analyze(text, "de")) if "gender" in h[1]] == []


def test_label_that_excludes_is_flagged_per_locale(engine):
    r = engine.analyze("Vertriebsleiter (m/w) gesucht.", "de")
    f = first(r, "de.gender.label-excludes")
    assert f.text == "(m/w)" and f.suggestions == ["(m/w/d)"]
    nl_auto = engine.analyze("Verkoper (m/v) gezocht in Utrecht.", "nl")
    assert not [h for h in hits(nl_auto) if h[1] == "nl.gender.label-excludes"]
    nl_be = engine.analyze("Verkoper (m/v) gezocht in Gent.", "nl", locale="BE")
    assert first(nl_be, "nl.gender.label-excludes").suggestions == ["(m/v/x)"]


def test_title_without_label_gets_label_suggestion_and_label_elsewhere_lowers_severity(engine):
    f = first(engine.analyze("Verkoper gezocht voor onze winkel.", "nl"), "nl.gender.verkoper")
    assert f.severity == "warning" and "Verkoper (m/v/x)" in f.suggestions
    r = engine.analyze("Verkoper (m/v/x)\n\nAls verkoper adviseer je klanten.", "nl")
    assert [(f.text, f.severity) for f in r.findings if f.category == "gender"] == [("verkoper", "info")]


def test_french_styles_order_suggestions(engine):
    text = "Nous cherchons un vendeur motivé."
    assert first(engine.analyze(text, "fr"), "fr.gender.vendeur").suggestions[0] == "vendeur ou vendeuse"
    f = first(engine.analyze(text, "fr", style="median"), "fr.gender.vendeur")
    assert f.suggestions[0] == "vendeur·euse"
    assert hits(engine.analyze("Vendeurs et vendeuses bienvenus.", "fr")) == []
    assert hits(engine.analyze("Nous recrutons un vendeur·euse.", "fr")) == []


def test_mixed_language_document_is_analysed_per_paragraph(engine):
    text = ("We are looking for experienced salesmen for our store in Brussels.\n\n"
            "Wij zoeken ervaren verkoopsters voor onze winkel in Brussel.")
    r = engine.analyze(text)
    assert {(f.text, f.language) for f in r.findings if f.category == "gender"} == {
        ("salesmen", "en"), ("verkoopsters", "nl")}
    assert r.summary["paragraph_languages"][1][2] == "nl"


def test_disable_by_word_category_and_id(tmp_path):
    text = "Salesmen wanted, under 35, for a young team."
    by_word = fixture_engine(tmp_path / "a", OrgConfig(disabled_words=frozenset({"salesman"})))
    assert "en.gender.salesman" not in [h[1] for h in hits(by_word.analyze(text, "en"))]
    by_cat = fixture_engine(tmp_path / "b", OrgConfig(disabled_categories=frozenset({"age"})))
    assert {h[1] for h in hits(by_cat.analyze(text, "en"))} == {"en.gender.salesman"}
    by_id = fixture_engine(tmp_path / "c", OrgConfig(disabled_ids=frozenset({"en.age.under"})))
    assert {h[1] for h in hits(by_id.analyze(text, "en"))} == {"en.gender.salesman", "en.age.young"}


class _Judge:
    model_id = "test-judge"

    def __init__(self):
        self.calls = []

    def judge(self, rule_id, lang, sentence, start, end):
        self.calls.append((rule_id, sentence[start:end]))
        return 0.1 if "app" in sentence else 0.9


def test_judge_is_consulted_only_for_ambiguous_rules(engine):
    judge = _Judge()
    r = engine.analyze("Native English is a must. Salesmen wanted.", "en", judge=judge)
    assert judge.calls == [("en.origin.native", "Native")]
    f = first(r, "en.origin.native")
    assert f.confidence == 0.9 and f.origin == "rule+model:test-judge"


def test_empty_and_whitespace_input(engine):
    for text in ("", "   \n\n  \t"):
        r = engine.analyze(text, "en")
        assert r.findings == [] and r.summary["gender_coding"]["verdict"] == "empty"


def test_long_sentences_and_words_get_readability_hints(engine):
    text = " ".join(["word"] * 30) + ". Internationalisationarrangements matter."
    r = engine.analyze(text, "en")
    rules = [f.rule for f in r.findings]
    assert "en.readability.long-sentence" in rules and "en.readability.long-word" in rules
    assert r.summary["readability"]["formula"].startswith("Flesch")


def test_rejects_non_text_and_unknown_language(engine):
    with pytest.raises(TypeError):
        engine.analyze(b"bytes", "en")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        engine.analyze("Hallo", "es")
