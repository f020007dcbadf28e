"""Agreement of articles and adjectives with a replaced noun, and the style settings."""
from __future__ import annotations

import pytest

from inclusive_writer.core.agreement import (
    agree, an_form, default_style, fr_feminine, fr_masculine, merge_forms, resolve_style,
    style_order, styles,
)


def put(text, word, replacement, lang, **kw):
    s = text.index(word)
    r = agree(text, s, s + len(word), replacement, lang, **kw)
    return text[:r.start] + r.replacement + text[r.end:]


@pytest.mark.parametrize("text, word, rep, expected", [
    ("We need a policeman for the night shift.", "policeman", "officer",
     "We need an officer for the night shift."),
    ("An alderman chairs the session.", "alderman", "council member",
     "A council member chairs the session."),
    ("A fireman is on duty.", "fireman", "firefighter", "A firefighter is on duty."),
    ("Hire a headmistress.", "headmistress", "head teacher", "Hire a head teacher."),
    ("She is an usher.", "usher", "attendant", "She is an attendant."),
    ("a waitress", "waitress", "hourly server", "an hourly server"),
    ("a stewardess", "stewardess", "European flight attendant", "a European flight attendant"),
])
def test_en_articles(text, word, rep, expected):
    assert put(text, word, rep, "en") == expected


def test_an_form():
    assert [an_form(w) for w in ("hour", "user", "MBA", "CFO", "apple", "one")] == \
        ["an", "a", "an", "a", "an", "a"]


@pytest.mark.parametrize("text, word, rep, kw, expected", [
    ("Wij zoeken een ervaren verkoopster.", "verkoopster", "verkoper",
     dict(old_gender="f", new_gender="m", style="label", label="(m/v/x)", job_title=True),
     "Wij zoeken een ervaren verkoper (m/v/x)."),
    ("Wij zoeken een ervaren verkoopster (m/v/x).", "verkoopster", "verkoper",
     dict(old_gender="f", new_gender="m", style="label", label="(m/v/x)", job_title=True),
     "Wij zoeken een ervaren verkoper (m/v/x)."),
    ("Wij zoeken een enthousiaste verkoopster.", "verkoopster", "personeelslid",
     dict(old_gender="f", new_gender="n", style="neutral"),
     "Wij zoeken een enthousiast personeelslid."),
    ("De enthousiaste verkoopster helpt klanten.", "verkoopster", "personeelslid",
     dict(old_gender="f", new_gender="n", style="neutral"),
     "Het enthousiaste personeelslid helpt klanten."),
    ("Deze gemotiveerde kassierster werkt hard.", "kassierster", "personeelslid",
     dict(old_gender="f", new_gender="n"), "Dit gemotiveerde personeelslid werkt hard."),
    ("Een groot talent.", "talent", "kracht", dict(old_gender="n", new_gender="c"),
     "Een grote kracht."),
    ("De zakenman belt.", "zakenman", "zakenpersoon", dict(old_gender="m", new_gender="c"),
     "De zakenpersoon belt."),
])
def test_nl(text, word, rep, kw, expected):
    assert put(text, word, rep, "nl", **kw) == expected


@pytest.mark.parametrize("text, rep, kw, expected", [
    ("Wir suchen einen erfahrenen Verkäufer.", "Verkaufskraft",
     dict(old_gender="m", new_gender="f"), "Wir suchen eine erfahrene Verkaufskraft."),
    ("Ein erfahrener Verkäufer berät Kunden.", "Verkaufskraft",
     dict(old_gender="m", new_gender="f"), "Eine erfahrene Verkaufskraft berät Kunden."),
    ("Erfahrener Verkäufer gesucht", "Verkaufskraft",
     dict(old_gender="m", new_gender="f"), "Erfahrene Verkaufskraft gesucht"),
    ("mit dem neuen Verkäufer", "Verkaufskraft", dict(old_gender="m", new_gender="f"),
     "mit der neuen Verkaufskraft"),
    ("Wir suchen einen erfahrenen, motivierten Verkäufer.", "Verkäufer*in",
     dict(old_gender="m", style="star"), "Wir suchen eine*n erfahrene*n, motivierte*n Verkäufer*in."),
    ("Ein sehr erfahrener Verkäufer.", "Verkäufer:in", dict(old_gender="m", style="colon"),
     "Ein:e sehr erfahrene:r Verkäufer:in."),
    ("Ein erfahrener Verkäufer berät Kunden.", "Verkäuferin oder Verkäufer",
     dict(old_gender="m", style="doublet", doublet=("Verkäufer", "Verkäuferin")),
     "Eine erfahrene Verkäuferin oder ein erfahrener Verkäufer berät Kunden."),
    ("Die erfahrenen Verkäufer beraten.", "Verkaufskräfte", dict(old_gender="m", new_gender="f"),
     "Die erfahrenen Verkaufskräfte beraten."),
    ("Unser neuer Verkäufer", "Verkaufskraft", dict(old_gender="m", new_gender="f"),
     "Unsere neue Verkaufskraft"),
    ("dieser erfahrene Verkäufer", "Verkaufskraft", dict(old_gender="m", new_gender="f"),
     "diese erfahrene Verkaufskraft"),
])
def test_de(text, rep, kw, expected):
    assert put(text, "Verkäufer", rep, "de", **kw) == expected


@pytest.mark.parametrize("text, word, rep, kw, expected", [
    ("Nous recherchons un vendeur motivé.", "vendeur", "vendeur ou vendeuse",
     dict(old_gender="m", style="doublet", doublet=("vendeur", "vendeuse")),
     "Nous recherchons un vendeur motivé ou une vendeuse motivée."),
    ("Nous recherchons un vendeur motivé et sérieux.", "vendeur", "vendeur·euse",
     dict(old_gender="m", style="median"),
     "Nous recherchons un·e vendeur·euse motivé·e et sérieux·se."),
    ("Un bon vendeur actif.", "vendeur", "vendeur·euse", dict(old_gender="m", style="median"),
     "Un·e bon·ne vendeur·euse actif·ve."),
    ("Le directeur commercial dirige l'équipe.", "directeur", "direction",
     dict(old_gender="m", new_gender="f", style="epicene"),
     "La direction commerciale dirige l'équipe."),
    ("l'infirmière expérimentée", "infirmière", "personnel infirmier",
     dict(old_gender="f", new_gender="m", style="epicene"), "le personnel infirmier expérimenté"),
    ("Ce vendeur motivé", "vendeur", "assistante", dict(old_gender="m", new_gender="f"),
     "Cette assistante motivée"),
    ("Le vendeur parlant anglais", "vendeur", "personne", dict(old_gender="m", new_gender="f"),
     "La personne parlant anglais"),
    ("Un vendeur de voitures", "vendeur", "personne", dict(old_gender="m", new_gender="f"),
     "Une personne de voitures"),
])
def test_fr(text, word, rep, kw, expected):
    assert put(text, word, rep, "fr", **kw) == expected


@pytest.mark.parametrize("m, f", [("motivé", "motivée"), ("sérieux", "sérieuse"), ("actif", "active"),
                                  ("bon", "bonne"), ("commercial", "commerciale"), ("dynamique", "dynamique"),
                                  ("expérimentés", "expérimentées"), ("ponctuel", "ponctuelle")])
def test_fr_adjectives_both_ways(m, f):
    assert fr_feminine(m) == f
    assert fr_masculine(f) == m


def test_merge_forms():
    assert merge_forms("ein", "eine", "*") == "ein*e"
    assert merge_forms("einen", "eine", "*") == "eine*n"
    assert merge_forms("der", "die", "*") == "der*die"
    assert merge_forms("Der", "Die", "*") == "Der*die"
    assert merge_forms("erfahrener", "erfahrene", ":") == "erfahrene:r"


def test_styles_per_language_and_org_config():
    assert default_style("en") == "neutral" and default_style("de") == "neutral"
    assert default_style("fr") == "doublet" and default_style("nl") == "label"
    for lang, names in {"fr": {"doublet", "median", "epicene"},
                        "de": {"neutral", "doublet", "star", "colon", "label"},
                        "nl": {"label", "neutral"}, "en": {"neutral"}}.items():
        assert set(styles(lang)["styles"]) == names
    assert resolve_style("de", None, {"style": {"de": "star"}}) == "star"
    assert resolve_style("de", "colon", {"style": {"de": "star"}}) == "colon"
    assert resolve_style("fr", None, {"style": {"de": "star"}}) == "doublet"
    with pytest.raises(ValueError):
        resolve_style("en", "bogus")
    assert resolve_style("en", "star") == "neutral"
    assert resolve_style("fr", "neutral") == "epicene" and resolve_style("de", "median") == "star"
    assert resolve_style("nl", "doublet") == "label"
    assert style_order("de", "star")[:2] == ["star", "colon"]
