"""Readability per language: long sentences, long words, and the usual formula.

Flesch (EN), Flesch-Douma (NL), Kandel & Moles (FR), Amstad (DE), all of the form
`base - a * words/sentence - b * syllables/word`; syllables come from pyphen's
hyphenation dictionaries. Scores map to an approximate CEFR level, with B1 as the target.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..resources import resource
from ..rules.yamlio import load_yaml

_VOWELS_RE = re.compile(r"[aeiouyàâäéèêëïîôöùûüÿæœ]+", re.IGNORECASE)


@lru_cache(maxsize=1)
def config() -> dict[str, Any]:
    return load_yaml(resource("readability.yaml"))


@lru_cache(maxsize=4)
def _hyphenator(dictionary: str) -> Any:
    try:
        import pyphen

        return pyphen.Pyphen(lang=dictionary)
    except (ImportError, KeyError):  # pragma: no cover - fall back to vowel groups
        return None


@lru_cache(maxsize=100_000)
def syllables(word: str, dictionary: str) -> int:
    """Syllables of one word: hyphenation points + 1 (vowel groups without pyphen)."""
    hyph = _hyphenator(dictionary)
    if hyph is not None and len(word) > 3:
        return len(hyph.positions(word)) + 1
    return max(1, len(_VOWELS_RE.findall(word)))


@dataclass(slots=True)
class ReadabilityCounter:
    """Accumulates words, sentences and syllables over a language's sentences."""

    language: str
    words: int = 0
    sentences: int = 0
    syllables: int = 0

    def feed_sentence(self, words: list[str]) -> None:
        if not words:
            return
        dictionary = config()["languages"][self.language]["hyphenation"]
        self.sentences += 1
        self.words += len(words)
        self.syllables += sum(syllables(w, dictionary) for w in words)

    def summary(self) -> dict[str, Any]:
        conf = config()
        lang = conf["languages"][self.language]
        if not self.words:
            return {"formula": lang["formula"], "score": None, "level": None,
                    "target": conf["target_level"], "meets_target": None,
                    "words": 0, "sentences": 0, "syllables": 0}
        wps = self.words / self.sentences
        spw = self.syllables / self.words
        score = round(lang["base"] - lang["a"] * wps - lang["b"] * spw, 1)
        level = next((lvl for floor, lvl in conf["bands"] if score >= floor), conf["bands"][-1][1])
        order = ["A1", "A2", "B1", "B2", "C1", "C2"]
        return {
            "formula": lang["formula"], "score": score, "level": level,
            "target": conf["target_level"],
            "meets_target": order.index(level) <= order.index(conf["target_level"]),
            "words": self.words, "sentences": self.sentences, "syllables": self.syllables,
            "words_per_sentence": round(wps, 1), "syllables_per_word": round(spw, 2),
        }


def combine(counters: list[ReadabilityCounter], main: str) -> dict[str, Any]:
    """One readability summary: the main language's, with per-language details if mixed."""
    by_lang = {c.language: c.summary() for c in counters if c.words}
    result = dict(by_lang.get(main) or ReadabilityCounter(main).summary())
    if len(by_lang) > 1:
        result["languages"] = by_lang
    return result
