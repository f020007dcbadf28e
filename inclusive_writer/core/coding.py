"""Masculine/feminine-coded word balance (`summary.gender_coding`).

English follows Gender Decoder exactly (Gaucher, Friesen & Kay 2011 stems, its text cleaning,
prefix match, a word counted once per stem it starts with, difference > 3 = strongly).
Dutch, French and German use our own documented lists with the same matching and verdicts,
but keep accented letters (Gender Decoder's ASCII-only cleaning would break those words).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterator

from ..resources import resource
from ..rules.yamlio import DataError, load_yaml

# Gender Decoder turns every non-ASCII character, every white-space character and each of
# .\t,“”‘’<>*?!"[]@':;()./& into a space. One byte-level table does all three in one pass
# (non-ASCII first becomes "?", which the table maps to a space), keeping offsets exact.
_GD_BLANKS = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f" + ".,<>*?!\"[]@':;()/&"
_GD_TABLE = bytes.maketrans(_GD_BLANKS.encode("ascii"), b" " * len(_GD_BLANKS))
_GD_WORD_RE = re.compile(r"[^ ]+")
_WORD_RE = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")


@dataclass(slots=True)
class CodedLists:
    language: str
    masculine: tuple[str, ...]
    feminine: tuple[str, ...]
    exact_gender_decoder: bool
    source: str = ""
    hyphenated: tuple[str, ...] = field(default=())
    _lengths: tuple[int, ...] = field(default=(), repr=False)
    _masc: frozenset[str] = field(default=frozenset(), repr=False)
    _fem: frozenset[str] = field(default=frozenset(), repr=False)
    _cache: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._lengths = tuple(sorted({len(s) for s in self.masculine + self.feminine}))
        self._masc, self._fem = frozenset(self.masculine), frozenset(self.feminine)

    def stems_of(self, word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(masculine stems, feminine stems) that `word` starts with; each counts once."""
        hit = self._cache.get(word)
        if hit is None:
            prefixes = [word[:k] for k in self._lengths if k <= len(word)]
            hit = (tuple(p for p in prefixes if p in self._masc),
                   tuple(p for p in prefixes if p in self._fem))
            if len(self._cache) < 50_000:
                self._cache[word] = hit
        return hit


@lru_cache(maxsize=8)
def coded_lists(lang: str) -> CodedLists | None:
    """The coded stems of one language, or None when the language has no list."""
    path = resource("coded", f"{lang}.yaml")
    if not path.exists():
        return None
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("masculine"), list) \
            or not isinstance(data.get("feminine"), list):
        raise DataError(f"{path}: needs 'masculine' and 'feminine' lists of stems")
    masc = tuple(str(s).lower() for s in data["masculine"])
    fem = tuple(str(s).lower() for s in data["feminine"])
    return CodedLists(lang, masc, fem, data.get("algorithm") == "gender-decoder",
                      str(data.get("source", "")),
                      tuple(s for s in fem + masc if "-" in s))


def _parts(word: str, start: int, end: int, split: bool) -> Iterator[tuple[int, int, str]]:
    """The word, or its hyphen-separated parts with their own offsets."""
    if not split:
        yield start, end, word
        return
    pos = start
    for part in word.split("-"):
        if part:
            yield pos, pos + len(part), part
        pos += len(part) + 1


def _gd_words(text: str, offset: int, hyphenated: tuple[str, ...]) -> Iterator[tuple[int, int, str]]:
    """Gender Decoder's word list with offsets (its cleaning maps one char to one char)."""
    cleaned = text.encode("ascii", "replace").translate(_GD_TABLE).decode("ascii")
    for m in _GD_WORD_RE.finditer(cleaned):
        word = m.group().lower()
        # GD splits on "-" unless the word starts with a hyphenated stem; `str.find` being
        # falsy only at index 0 means a word that starts with "-" is left whole.
        split = bool(word.find("-")) and "-" in word and not word.startswith(hyphenated)
        yield from _parts(word, offset + m.start(), offset + m.end(), split)


_ELISION_RE = re.compile(r"^(?:[a-z]|qu|jusqu|lorsqu|puisqu|quoiqu)'(?=\w)")


def _plain_words(text: str, offset: int, hyphenated: tuple[str, ...]) -> Iterator[tuple[int, int, str]]:
    """Words in lower case, accents kept; French elided articles (l', d', qu') dropped."""
    for m in _WORD_RE.finditer(text):
        word = m.group().lower().replace("’", "'")
        start = m.start()
        elided = _ELISION_RE.match(word) if "'" in word else None
        if elided:  # l'autonomie, d'écoute → autonomie, écoute
            word = word[elided.end():]
            start += elided.end()
        split = "-" in word and not word.startswith(hyphenated)
        yield from _parts(word, offset + start, offset + m.end(), split)


@dataclass(slots=True)
class CodingCounter:
    """Accumulates coded words over chunks of one language's text."""

    lists: CodedLists
    masculine_words: list[str] = field(default_factory=list)
    feminine_words: list[str] = field(default_factory=list)
    spans: list[tuple[int, int, str, str]] = field(default_factory=list)  # start, end, side, stem
    keep_spans: bool = False

    def feed(self, text: str, offset: int = 0) -> None:
        words = _gd_words if self.lists.exact_gender_decoder else _plain_words
        lists = self.lists
        for start, end, word in words(text, offset, lists.hyphenated):
            masc, fem = lists.stems_of(word)
            if not masc and not fem:
                continue
            for side, stems, bucket in (("masculine", masc, self.masculine_words),
                                        ("feminine", fem, self.feminine_words)):
                for stem in stems:
                    bucket.append(word)
                    if self.keep_spans:
                        self.spans.append((start, end, side, stem))


def verdict(masculine: int, feminine: int) -> str:
    """Gender Decoder's verdict from the two counts."""
    score = feminine - masculine
    if score == 0:
        return "neutral" if feminine else "empty"
    if score > 3:
        return "strongly feminine-coded"
    if score > 0:
        return "feminine-coded"
    if score < -3:
        return "strongly masculine-coded"
    return "masculine-coded"


def summarize(counters: list[CodingCounter]) -> dict[str, Any]:
    """The contract's `gender_coding` dict over one or more languages' counters."""
    masc: list[str] = []
    fem: list[str] = []
    for c in counters:
        masc.extend(c.masculine_words)
        fem.extend(c.feminine_words)
    return {
        "masculine_words": masc, "feminine_words": fem,
        "masculine_count": len(masc), "feminine_count": len(fem),
        "verdict": verdict(len(masc), len(fem)),
    }
