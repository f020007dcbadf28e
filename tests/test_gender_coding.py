"""`summary.gender_coding`: English exactly as Gender Decoder; nl/fr/de lists, same verdicts."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

import inclusive_writer as iw
from inclusive_writer.core.coding import coded_lists, verdict


def gender_decoder_reference(ad_text: str) -> tuple[list[str], list[str], str]:
    """Gender Decoder's own algorithm, step by step as its source does it (the oracle)."""
    lists = coded_lists("en")
    hyphenated = [w for w in lists.feminine if "-" in w] + [w for w in lists.masculine if "-" in w]
    cleaner_text = "".join([i if ord(i) < 128 else " " for i in ad_text])
    cleaner_text = re.sub("[\\s]", " ", cleaner_text, 0, 0)
    cleaned_word_list = re.sub(u"[\\.\\t\\,“”‘’<>\\*\\?\\!\\\"\\[\\]\\@\\':;\\(\\)\\./&]",
                               " ", cleaner_text, 0, 0).split(" ")
    word_list = [word.lower() for word in cleaned_word_list if word != ""]
    for word in list(word_list):
        if word.find("-"):
            if not any(word.startswith(c) for c in hyphenated):
                i = word_list.index(word)
                word_list.remove(word)
                word_list = word_list[:i] + word.split("-") + word_list[i:]
    masc = [w for w in word_list for c in lists.masculine if w.startswith(c)]
    fem = [w for w in word_list for c in lists.feminine if w.startswith(c)]
    score = len(fem) - len(masc)
    if score == 0:
        v = "neutral" if fem else "empty"
    elif score > 3:
        v = "strongly feminine-coded"
    elif score > 0:
        v = "feminine-coded"
    elif score < -3:
        v = "strongly masculine-coded"
    else:
        v = "masculine-coded"
    return sorted(masc), sorted(fem), v


AD = """Senior Data Analyst
We are a fast-growing, ambitious company. You are analytical, self-confident and driven,
with a competitive spirit and the courage to lead. You thrive in a challenging environment
and make decisions independently. Leadership experience is a plus!"""


def test_example_ad_matches_gender_decoder():
    gc = iw.analyze(AD, "en").summary["gender_coding"]
    masc, fem, v = gender_decoder_reference(AD)
    assert sorted(gc["masculine_words"]) == masc and sorted(gc["feminine_words"]) == fem
    assert gc["verdict"] == v == "strongly masculine-coded"
    assert gc["masculine_count"] == len(masc) > 3


def test_contract_shape_and_verdict_thresholds():
    gc = iw.analyze("We value honest, warm and supportive colleagues who share.", "en").summary["gender_coding"]
    assert set(gc) == {"masculine_words", "feminine_words", "masculine_count", "feminine_count", "verdict"}
    assert gc["verdict"] == "strongly feminine-coded"  # honest, warm, supportive, share = 4 - 0
    assert [verdict(m, f) for m, f in [(0, 0), (2, 2), (3, 0), (4, 0), (0, 3), (0, 4)]] == [
        "empty", "neutral", "masculine-coded", "strongly masculine-coded",
        "feminine-coded", "strongly feminine-coded"]


def _words():
    lists = coded_lists("en")
    stems = list(lists.masculine + lists.feminine)
    coded = st.sampled_from(stems).flatmap(
        lambda s: st.sampled_from([s, s + "ing", s + "s", s.capitalize(), "-" + s, "co-" + s, s + "-led"]))
    plain = st.sampled_from(["team", "we", "the", "café", "naïve", "e-mail", "self", "-", "and", "you"])
    sep = st.sampled_from([" ", "  ", "\n", ", ", ". ", "; ", "!", " (", ") ", "/", "\t", "’", "—", " & ",
                           "\x1c", "\u00a0", "\u2028", "\r\n", "\x0b", "?", "#", "\ud800"])
    return st.lists(st.tuples(st.one_of(coded, plain), sep), max_size=40).map(
        lambda items: "".join(w + s for w, s in items))


@settings(max_examples=300, deadline=None)
@given(_words())
def test_english_equals_gender_decoder_on_generated_ads(text):
    gc = iw.analyze(text, "en", readability=False).summary["gender_coding"]
    masc, fem, v = gender_decoder_reference(text)
    assert sorted(gc["masculine_words"]) == masc
    assert sorted(gc["feminine_words"]) == fem
    assert gc["verdict"] == v


@pytest.mark.parametrize("lang", ["nl", "fr", "de"])
def test_other_languages_have_documented_lists(lang):
    lists = coded_lists(lang)
    assert lists is not None, f"resources/coded/{lang}.yaml missing"
    assert len(lists.masculine) >= 30 and len(lists.feminine) >= 30
    assert lists.source


@pytest.mark.parametrize("lang,text,expected", [
    ("nl", "Je bent ambitieus, competitief, analytisch en daadkrachtig.", "masculine"),
    ("fr", "Vous êtes ambitieux, compétitif, analytique et déterminé.", "masculine"),
    ("de", "Sie sind ehrgeizig, durchsetzungsstark, analytisch und wettbewerbsorientiert.", "masculine"),
])
def test_other_languages_count_masculine_words(lang, text, expected):
    gc = iw.analyze(text, lang).summary["gender_coding"]
    assert gc["masculine_count"] >= 3 and gc["verdict"].endswith("masculine-coded")
