"""Rewrite service: styles, agreement, pronouns, re-analysis, undo — in EN, NL, FR and DE."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rewrite_fixtures import engine_with  # noqa: E402

from inclusive_writer.core.edits import apply_edits  # noqa: E402
from inclusive_writer.services.rewrite import Rewrite, propose_rewrite  # noqa: E402


@pytest.fixture(scope="module")
def eng(tmp_path_factory):
    return engine_with(tmp_path_factory.mktemp("packs"))


def rewrite(text, lang, eng=None, **kw):
    return propose_rewrite(text, lang, engine=eng, **kw)


def _no_same_finding_again(rw: Rewrite, engine=None):
    """Re-analysing the result does not raise the findings the edits answered."""
    from inclusive_writer.core.engine import engine_for

    e = engine or engine_for(None)
    applied = rw.applied()
    again = e.analyze(applied.text, rw.language)
    for x in applied.edits:
        if x.finding is None:
            continue
        s, t = applied.spans[x.id]
        for g in again.findings:
            if g.rule == x.rule and g.start < t and s < g.end:
                # a doublet may name the masculine form on purpose
                assert " ou " in x.replacement or " oder " in x.replacement or " und " in x.replacement, \
                    (x, g.text)


# --------------------------------------------------------------------------- English

def test_en_job_titles_and_articles():
    rw = rewrite("We are hiring a policeman and a chairman for our board.", "en")
    out = rw.apply()
    assert "policeman" not in out and "chairman" not in out
    assert "a police officer" in out or "an officer" in out
    assert "a chair" in out
    _no_same_finding_again(rw)


def test_en_job_ad_pronouns_only_for_generic_candidate():
    text = ("The successful candidate will report to our CFO. He manages the ledger and his "
            "team. Maria leads finance; her door is always open.")
    rw = rewrite(text, "en")
    out = rw.apply()
    assert "They manage the ledger and their team." in out
    assert "Maria leads finance; her door is always open." in out
    assert all(e.finding is not None for e in rw.edits)


def test_en_neutral_pronouns_everywhere_and_themself():
    text = "Maria says she taught herself Dutch."
    assert rewrite(text, "en", pronouns="neutral").apply() == "Maria says they taught themselves Dutch."
    assert rewrite(text, "en", pronouns="neutral", reflexive="themself").apply() == \
        "Maria says they taught themself Dutch."
    assert rewrite(text, "en").apply() == text  # job-ad mode: a named person


def test_en_he_or_she_forms():
    text = "The applicant sends his or her CV. He/she is contacted within two weeks."
    out = rewrite(text, "en").apply()
    assert out == "The applicant sends their CV. They are contacted within two weeks."


@pytest.mark.parametrize("text, span, expected", [
    ("We need a young, energetic salesperson.", "young", "We need an energetic salesperson."),
    ("We need a young and eager team.", "young", "We need an eager team."),
    ("Young people apply.", "Young", "People apply."),
    ("an old hand", "old", "a hand"),
])
def test_removal_keeps_spacing_and_articles(text, span, expected):
    from inclusive_writer.services.rewrite import _removal

    s = text.index(span)
    a, b, r = _removal(text, s, s + len(span), "en")
    assert text[:a] + r + text[b:] == expected


def test_replacement_with_own_article_replaces_the_determiner():
    from inclusive_writer.services.rewrite import _en_double_determiner

    text = "You bring his own car."
    s = text.index("own car")
    a, b, r = _en_double_determiner(text, s, s + 7, "a reliable way to get to work")
    assert text[:a] + r + text[b:] == "You bring a reliable way to get to work."


def test_en_whole_job_ad():
    text = ("We are looking for a young, energetic salesman to join our team. The ideal candidate "
            "has five years of experience. He reports to our chairman, John Peeters. John joined "
            "in 2010; his team has grown ever since.")
    out = rewrite(text, "en").apply()
    assert "salesman" not in out and "chairman" not in out
    assert "They report to our chair, John Peeters." in out
    assert "John joined in 2010; his team has grown ever since." in out
    assert "a, " not in out and "  " not in out


@pytest.mark.parametrize("text", [
    "We are looking for a motivated colleague to join our finance team.",
    "You will work closely with the sales team and report to the head of operations.",
    "Their manager approves the holiday requests.",
])
def test_en_nothing_to_change(text):
    rw = rewrite(text, "en", pronouns="neutral")
    assert rw.edits == [] and rw.apply() == text


# --------------------------------------------------------------------------- Dutch

def test_nl_label_style_keeps_article_and_adjective():
    rw = rewrite("Wij zoeken een ervaren verkoopster voor onze winkel in Gent.", "nl", locale="BE")
    assert rw.apply() == "Wij zoeken een ervaren verkoper (m/v/x) voor onze winkel in Gent."
    assert rw.style == "label"
    _no_same_finding_again(rw)


def test_nl_label_follows_locale():
    out = rewrite("Wij zoeken een ervaren verkoopster.", "nl", locale="NL").apply()
    assert "verkoper" in out and "verkoopster" not in out


def test_nl_neutral_style_without_label():
    out = rewrite("Wij zoeken een ervaren verkoopster.", "nl", style="neutral").apply()
    assert "verkoopster" not in out and "(m/v" not in out


@pytest.mark.parametrize("text", [
    "Je werkt samen met een enthousiast team van twaalf collega's.",
    "Wij bieden een marktconform salaris en flexibele werkuren.",
])
def test_nl_nothing_to_change(text):
    rw = rewrite(text, "nl")
    assert [e for e in rw.edits if e.rule.startswith("nl.gender")] == []


# --------------------------------------------------------------------------- German

@pytest.mark.parametrize("style, expected", [
    (None, "Wir suchen eine erfahrene Verkaufskraft für unsere Filiale."),
    ("neutral", "Wir suchen eine erfahrene Verkaufskraft für unsere Filiale."),
    ("star", "Wir suchen eine*n erfahrene*n Verkäufer*in für unsere Filiale."),
    ("colon", "Wir suchen eine:n erfahrene:n Verkäufer:in für unsere Filiale."),
    ("doublet", "Wir suchen eine erfahrene Verkäuferin oder einen erfahrenen Verkäufer für unsere Filiale."),
])
def test_de_styles_with_agreement(eng, style, expected):
    rw = rewrite("Wir suchen einen erfahrenen Verkäufer für unsere Filiale.", "de", eng, style=style)
    assert rw.apply() == expected
    _no_same_finding_again(rw, eng)


def test_de_nominative_article_and_plural(eng):
    assert rewrite("Ein erfahrener Verkäufer berät unsere Kunden.", "de", eng).apply() == \
        "Eine erfahrene Verkaufskraft berät unsere Kunden."
    assert rewrite("Die erfahrenen Verkäufer beraten unsere Kunden.", "de", eng).apply() == \
        "Die erfahrenen Verkaufskräfte beraten unsere Kunden."
    assert rewrite("Sie unterstützen den Leiter des Teams.", "de", eng).apply() == \
        "Sie unterstützen die Leitung des Teams."
    assert rewrite("Die Aufgaben des Lehrers sind vielfältig.", "de", eng).apply() == \
        "Die Aufgaben der Lehrkraft sind vielfältig."


def test_de_compound_keeps_prefix(eng):
    assert rewrite("Der Vertriebsleiter führt das Team.", "de", eng).apply() == \
        "Die Vertriebsleitung führt das Team."
    assert rewrite("Der Vertriebsleiter führt das Team.", "de", eng, style="star").apply() == \
        "Der*die Vertriebsleiter*in führt das Team."


def test_de_org_pack_style(eng, tmp_path):
    from inclusive_writer.rules.loader import load_org_pack

    org = tmp_path / "org"
    org.mkdir()
    (org / "config.yaml").write_text("style:\n  de: star\n  fr: median\n", encoding="utf-8")
    org_eng = engine_with(tmp_path / "packs", load_org_pack(org))
    rw = propose_rewrite("Ein erfahrener Verkäufer berät Kunden.", "de", engine=org_eng)
    assert rw.style == "star"
    assert rw.apply() == "Ein*e erfahrene*r Verkäufer*in berät Kunden."
    rw = propose_rewrite("Nous recherchons un vendeur motivé.", "fr", engine=org_eng)
    assert rw.apply() == "Nous recherchons un·e vendeur·euse motivé·e."


@pytest.mark.parametrize("text", [
    "Wir suchen eine erfahrene Verkaufskraft für unsere Filiale.",
    "Als Verkäufer*in berätst du unsere Kundschaft.",
    "Unsere Lehrkräfte unterrichten in kleinen Gruppen.",
])
def test_de_nothing_to_change(eng, text):
    rw = rewrite(text, "de", eng)
    assert rw.edits == [] and rw.apply() == text


def test_unknown_style_is_an_error_and_other_languages_styles_map(eng):
    with pytest.raises(ValueError, match="unknown style"):
        rewrite("Ein Verkäufer.", "de", eng, style="bogus")
    # a style name of another language maps to the nearest one (the app sets one per language)
    assert rewrite("Ein erfahrener Verkäufer.", "de", eng, style="median").apply() == \
        "Ein*e erfahrene*r Verkäufer*in."
    assert rewrite("Un vendeur motivé.", "fr", eng, style="star").apply() == "Un·e vendeur·euse motivé·e."


# --------------------------------------------------------------------------- French

@pytest.mark.parametrize("style, expected", [
    (None, "Nous recherchons un vendeur motivé ou une vendeuse motivée pour notre magasin."),
    ("doublet", "Nous recherchons un vendeur motivé ou une vendeuse motivée pour notre magasin."),
    ("median", "Nous recherchons un·e vendeur·euse motivé·e pour notre magasin."),
    ("epicene", "Nous recherchons une personne chargée de la vente motivée pour notre magasin."),
])
def test_fr_styles(eng, style, expected):
    rw = rewrite("Nous recherchons un vendeur motivé pour notre magasin.", "fr", eng, style=style)
    assert rw.apply() == expected
    _no_same_finding_again(rw, eng)


def test_fr_adjective_before_and_after_and_plural(eng):
    assert rewrite("Le directeur commercial dirige l'équipe.", "fr", eng, style="epicene").apply() == \
        "La direction commerciale dirige l'équipe."
    assert rewrite("Le directeur commercial dirige l'équipe.", "fr", eng, style="median").apply() == \
        "Le·la directeur·rice commercial·e dirige l'équipe."
    assert rewrite("Nous recrutons des vendeurs expérimentés.", "fr", eng).apply() == \
        "Nous recrutons des vendeurs et vendeuses expérimentés."
    assert rewrite("Nous recrutons des vendeurs expérimentés.", "fr", eng, style="median").apply() == \
        "Nous recrutons des vendeur·euses expérimenté·es."


@pytest.mark.parametrize("text", [
    "Nous recherchons une personne motivée pour notre magasin.",
    "Vous rejoignez une équipe dynamique et bienveillante.",
    "Nous recherchons un vendeur ou une vendeuse pour notre magasin.",
])
def test_fr_nothing_to_change(eng, text):
    rw = rewrite(text, "fr", eng)
    assert rw.edits == [] and rw.apply() == text


def test_edit_inside_a_re_inflected_noun_phrase_is_composed(eng):
    rw = rewrite("Gesucht wird eine schlanke Verkäuferin.", "de", eng, style="star")
    assert rw.apply() == "Gesucht wird eine Verkäuferin."  # the fixtures have no rule for -in
    rw = rewrite("Wir suchen einen schlanken Verkäufer.", "de", eng, style="star")
    assert rw.apply() == "Wir suchen eine*n Verkäufer*in."
    assert len(rw.edits) == 1 and rw.skipped == []
    rw = rewrite("Wir suchen einen schlanken Verkäufer.", "de", eng)
    assert rw.apply() == "Wir suchen eine Verkaufskraft."
    for style, expected in (("doublet", "un vendeur motivé ou une vendeuse motivée"),
                            ("median", "un·e vendeur·euse motivé·e")):
        rw = rewrite("Nous recherchons un vendeur jeune et motivé.", "fr", eng, style=style)
        assert rw.apply() == f"Nous recherchons {expected}.", style


# --------------------------------------------------------------------------- edits contract

def test_edits_are_sorted_non_overlapping_and_undoable(eng):
    text = "Ein erfahrener Verkäufer und ein Lehrer aus Köln. Der Vertriebsleiter auch."
    rw = rewrite(text, "de", eng)
    assert [e.id for e in rw.edits] == [f"e{i + 1}" for i in range(len(rw.edits))]
    for a, b in zip(rw.edits, rw.edits[1:]):
        assert a.end <= b.start
    assert len(rw.edits) == 3
    full = rw.applied()
    for e in rw.edits:
        undone = full.revert(e.id)
        rest = [x.id for x in rw.edits if x.id != e.id]
        assert undone.text == rw.apply(rest)
        assert text[e.start:e.end] in undone.text
    assert rw.apply([]) == text
    assert apply_edits(text, rw.edits) == rw.apply()
    with pytest.raises(KeyError):
        rw.apply(["nope"])


def test_pronoun_groups_are_one_edit():
    rw = rewrite("The candidate says he is ready.", "en")
    assert len(rw.edits) == 1
    e = rw.edits[0]
    assert (rw.text[e.start:e.end], e.replacement) == ("he is", "they are")
    assert rw.apply([]) == rw.text


def test_line_structure_is_never_changed():
    text = "We need a chairman.\r\nThe candidate says he is ready.\n\n  A sales-\nman is wanted.\n"
    rw = rewrite(text, "en")
    out = rw.apply()
    assert out.count("\n") == text.count("\n") and out.count("\r") == text.count("\r")
    assert out.splitlines()[0] == "We need a chair."


# --------------------------------------------------------------------------- the shipped packs

def _real(lang):
    from inclusive_writer.core.engine import engine_for
    from inclusive_writer.rules.loader import RuleError

    try:
        engine_for(None).pack(lang)
    except RuleError as exc:  # a teammate's pack mid-edit must not hide the other results
        pytest.skip(f"{lang} pack does not load: {exc}")


@pytest.mark.parametrize("lang, style, text, expected", [
    ("nl", None, "Wij zoeken een ervaren verkoopster voor onze winkel.",
     "Wij zoeken een ervaren verkoper (m/v/x) voor onze winkel."),
    ("de", None, "Wir suchen einen erfahrenen Verkäufer für unsere Filiale.",
     "Wir suchen eine erfahrene Verkaufskraft für unsere Filiale."),
    ("de", None, "Ein erfahrener Verkäufer berät unsere Kundschaft.",
     "Eine erfahrene Verkaufskraft berät unsere Kundschaft."),
    ("de", "star", "Ein erfahrener Verkäufer berät unsere Kundschaft.",
     "Ein*e erfahrene*r Verkäufer*in berät unsere Kundschaft."),
    ("de", "doublet", "Ein erfahrener Verkäufer berät unsere Kundschaft.",
     "Eine erfahrene Verkäuferin oder ein erfahrener Verkäufer berät unsere Kundschaft."),
    ("fr", "doublet", "Nous recherchons un vendeur motivé pour notre magasin.",
     "Nous recherchons un vendeur motivé ou une vendeuse motivée pour notre magasin."),
    ("fr", "median", "Nous recherchons un vendeur motivé pour notre magasin.",
     "Nous recherchons un·e vendeur·euse motivé·e pour notre magasin."),
])
def test_shipped_packs_issue_examples(lang, style, text, expected):
    _real(lang)
    rw = propose_rewrite(text, lang, style=style)
    assert rw.apply() == expected
    _no_same_finding_again(rw)


@pytest.mark.parametrize("lang, text", [
    ("nl", "Wij zoeken een ervaren verkoper (m/v/x) voor onze winkel in Gent."),
    ("de", "Wir suchen eine erfahrene Verkaufskraft (m/w/d) für unsere Filiale."),
    ("fr", "Nous recherchons un vendeur ou une vendeuse (H/F) pour notre magasin."),
    ("en", "We are looking for a sales assistant to join our friendly team."),
])
def test_shipped_packs_nothing_to_change(lang, text):
    _real(lang)
    rw = propose_rewrite(text, lang)
    assert rw.apply() == text, [(e.rule, text[e.start:e.end], e.replacement) for e in rw.edits]


# --------------------------------------------------------------------------- any input is safe

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from([
    "chairman", "salesman", "he", "she", "his", "her", "is", "does", "n't", "'s", "The candidate",
    "Verkäufer", "einen erfahrenen", "vendeur", "un", "motivé", "verkoopster", "een ervaren",
    " ", "  ", "\n", "\r\n", "\t", ".", ",", "?", "e\u0301", "\U0001F469\u200d\U0001F4BB", "\u00ad",
    "sales-\nman", "(m/v/x)", "ß", "İ",
])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=30).map(" ".join), st.sampled_from(["en", "nl", "de", "fr"]),
       st.sampled_from(["job-ad", "neutral"]))
def test_rewrite_never_corrupts_text(eng, text, lang, pronouns):
    rw = propose_rewrite(text, lang, engine=eng, pronouns=pronouns)
    out = rw.apply()
    assert out.count("\n") == text.count("\n") and out.count("\r") == text.count("\r")
    pos = 0
    for e in rw.edits:
        assert pos <= e.start <= e.end <= len(text)
        pos = e.end
    out.encode("utf-8")
    for e in rw.edits:  # undo any single edit
        rest = [x.id for x in rw.edits if x.id != e.id]
        assert rw.applied().revert(e.id).text == rw.apply(rest)
