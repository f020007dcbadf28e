"""Spelling: bundled dictionaries for EN/NL/FR/DE, findings in the report format."""
from __future__ import annotations

import time

import pytest

from inclusive_writer.core.model import CATEGORIES, Finding
from inclusive_writer.services import spelling
from inclusive_writer.services.spelling import available_languages, check_spelling

CASES = {
    "en": ("We are lookng for an enthusiastic salesperson to welcome customers at our Antwerp "
           "office. Send your CV and cover letter to jobs@example.com or apply via "
           "https://example.com/jobs before 31 May. O'Brien & Peeters is an equal-opportunity "
           "employer; the team's HR manager will recieve every application.",
           {"lookng": "looking", "recieve": "receive"}),
    "nl": ("Wij zoeken een enthousiaste verkoopmedewerker (m/v/x) voor onze winkel in Gent. Je "
           "bent klantvriendelijk, hebt rijbewijs B en stuurt je cv naar mevrouw Peeters via "
           "vacatures@example.be. De ploegverantwoordelijke begeleidt je. Wij bieden een "
           "aantrekelijk loon en zo'n 32 vakantiedagen.",
           {"aantrekelijk": "aantrekkelijk"}),
    "fr": ("Nous recherchons un·e collaborateur·rice motivé·e pour notre équipe à Liège. "
           "L'entreprise propose du télétravail et un salaire attractiv. Envoyez votre "
           "candidature aujourd'hui à Mme Dupont (drh@example.fr) : c'est simple.",
           {"attractiv": "attractif"}),
    "de": ("Wir suchen eine:n Vertriebsleiter:in (m/w/d) für unser Team in Berlin. Die "
           "Vertriebsleiterin berichtet an die Geschäftsführung. Ihre Bewerbungsunterlagen "
           "senden Sie bitte an Frau Müller. Wir bieten ein flexibles Arbeitszeitmodell, "
           "Homeoffice und ein motiviertes Team von Mitarbieterinnen und Mitarbieter.",
           {"Mitarbieter": "Mitarbeiter"}),
}


def test_all_four_languages_are_bundled():
    assert available_languages() == ("en", "nl", "fr", "de")


@pytest.mark.parametrize("lang", sorted(CASES))
def test_typos_are_flagged_and_everything_else_is_quiet(lang):
    text, typos = CASES[lang]
    found = check_spelling(text, lang)
    assert {f.text: f.suggestions[0] for f in found if f.text in typos} == typos
    assert {f.text for f in found} <= set(typos) | {"Mitarbieterinnen"}
    for f in found:
        assert isinstance(f, Finding)
        assert text[f.start:f.end] == f.text
        assert f.category == "spelling" and f.category in CATEGORIES
        assert f.severity == "info" and f.rule == f"{lang}.spelling.unknown-word"
        assert f.origin == "rule" and f.language == lang
        assert f.message and f.explanation and "pyspellchecker" in f.source
        assert 1 <= len(f.suggestions) <= 5


def test_suggestions_follow_the_case_of_the_word():
    (f,) = check_spelling("RECIEVE the parcel.", "en") or [None]
    assert f is None  # ALL-CAPS is treated as an acronym and skipped
    (f,) = check_spelling("Recieve the parcel.", "en")
    assert f.suggestions[0] == "Receive"


@pytest.mark.parametrize("text,lang", [
    ("Contact: https://www.example.org/vacature?id=12 of hr@example.nl", "nl"),
    ("Mitarbeiter*innen, Mitarbeiter_innen, MitarbeiterInnen und Kolleg/innen", "de"),
    ("verkoper(st)er, medewerk(st)er m/v/x", "nl"),
    ("chef·fe, directeur.rice, étudiant·es", "fr"),
    ("Use `pip install foo` and config.yaml with ID X7Z9 or COVID-19.", "en"),
    ("", "en"),
])
def test_things_that_are_not_misspellings(text, lang):
    assert check_spelling(text, lang) == []


def test_unsupported_language_gives_nothing():
    assert check_spelling("Hola, buscamos un vendedor.", "es") == []
    assert check_spelling("Wij zoeken een vrkoper.", "nl-BE")[0].suggestions[0] == "verkoper"


def test_names_are_skipped_but_a_capitalised_typo_at_sentence_start_is_caught():
    text = "Our recruiter Annelies Vandenbroucke will call you. Plaese reply soon."
    assert [f.text for f in check_spelling(text, "en")] == ["Plaese"]


def test_ignore_list():
    assert check_spelling("We use Kubernettes daily.", "en", ignore=["kubernettes"]) == []


def test_fast_enough_for_live_typing():
    text = " ".join([CASES["nl"][0]] * 12)  # ~600 words
    spelling.warm_up("nl")
    check_spelling(text, "nl")
    t0 = time.perf_counter()
    for _ in range(5):
        check_spelling(text + " extra woord", "nl")
    per_call = (time.perf_counter() - t0) / 5
    assert per_call < 0.1, f"{per_call * 1000:.0f} ms per 600-word check"


def test_check_service_merges_spelling_findings():
    check = pytest.importorskip("inclusive_writer.services.check")
    text = CASES["en"][0]
    rep = check.check_text(text, "en", settings=check.CheckSettings(spelling=True, use_judge=False))
    spell = [f for f in rep.findings if f.category == "spelling"]
    assert {f.text for f in spell} >= {"lookng", "recieve"}
