"""Spelling for EN/NL/FR/DE with pyspellchecker's bundled word lists (no download).

`check_spelling(text, lang)` returns `Finding`s (category "spelling", severity "info") with
up to five suggestions. Built for checking as you type: dictionaries load lazily once per
language, every word's verdict is cached, and suggestions come from single edits (fast,
ranked by frequency) plus a symmetric-delete index over the most frequent words for the
common two-edit typos (swapped or doubled letters inside longer words).

Skipped on purpose: names (capitalised words mid-sentence in EN/NL/FR), ALL-CAPS acronyms,
words with digits, URLs, e-mail addresses, file names, code spans, and inclusive writing forms
("collaborateur·rice", "Mitarbeiter:innen", "MitarbeiterInnen", "medewerk(st)er", "m/v/x").
Dutch and German compounds are accepted when they split into known words.
"""
from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Iterable

from ..core.model import Finding

LANGS = ("en", "nl", "fr", "de")
LANG_NAMES = {"en": "English", "nl": "Dutch", "fr": "French", "de": "German"}
MAX_SUGGESTIONS = 5
INDEX_TOP_WORDS = 60_000

# Common words of job ads and HR texts missing from the bundled lists.
EXTRA_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("""e-mail e-mails email emails cv cvs résumé onboarding offboarding upskilling
        reskilling hybrid teleworking skillset skillsets workplace inclusivity neurodivergent
        neurodiverse nonbinary non-binary chairperson chairpersons salespeople salesperson
        spokesperson spokespeople firefighter firefighters homemaker staffer parental""".split()),
    "nl": frozenset("""cv cv's e-mail e-mails mailadres onboarding thuiswerk thuiswerken
        hybride verkoopmedewerkster genderneutraal genderneutrale non-binair non-binaire
        ploegverantwoordelijke ploegverantwoordelijken werkzoekende werkzoekenden""".split()),
    "fr": frozenset("""cv e-mail e-mails courriel courriels télétravail bruxelles
        inclusif inclusive inclusives épicène épicènes iel iels celleux toustes""".split()),
    "de": frozenset("""e-mail e-mails lebenslauf homeoffice home-office onboarding
        arbeitszeitmodell arbeitszeitmodelle divers nichtbinär nichtbinäre""".split()),
}
FR_ELISIONS = ("l", "d", "j", "n", "s", "c", "m", "t", "qu", "jusqu", "lorsqu", "puisqu",
               "quoiqu", "presqu")
LINKERS = {"nl": ("", "s", "e", "en"), "de": ("", "s", "es", "n", "en", "e", "er")}

_CHUNK = re.compile(r"\S+")
_LETTERS = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_INCLUSIVE_MARK = re.compile(r"[^\W\d_][·•∙.*:_/|(][^\W\d_]|[^\W\d_]\)[^\W\d_]")
_SKIP_CHUNK = re.compile(r"(?:://|^www\.|@|`|\\|\.(?:com|org|net|be|nl|fr|de|eu|docx?|pdf|txt|md)"
                         r"\b|[<>{}\[\]=#~^|])", re.I)
_SENTENCE_END = re.compile(r"[.!?…:]['\"”’»)]*\s*$")


class _Lexicon:
    """One language's word list, loaded lazily, plus the suggestion index."""

    def __init__(self, lang: str) -> None:
        from spellchecker import SpellChecker  # lazy: ~0.1-0.5 s per language

        self.lang = lang
        self.checker = SpellChecker(language=lang, distance=1)
        self.freq: dict[str, int] = self.checker.word_frequency.dictionary
        self.extra = set(EXTRA_WORDS.get(lang, ()))
        self._index: dict[str, list[str]] | None = None
        self._index_lock = threading.Lock()

    def known(self, w: str) -> bool:
        return w in self.freq or w in self.extra

    def frequency(self, w: str) -> int:
        return self.freq.get(w, 50 if w in self.extra else 0)

    def _deletes_index(self) -> dict[str, list[str]]:
        with self._index_lock:
            if self._index is None:
                top = sorted(self.freq.items(), key=lambda kv: -kv[1])[:INDEX_TOP_WORDS]
                index: dict[str, list[str]] = {}
                for word, _ in top:
                    if len(word) < 5 or " " in word:
                        continue
                    for i in range(len(word)):
                        index.setdefault(word[:i] + word[i + 1:], []).append(word)
                self._index = index
            return self._index

    def suggestions(self, w: str) -> list[str]:
        d1 = [c for c in self.checker.edit_distance_1(w) if self.known(c) and c != w]
        ranked = sorted(set(d1), key=lambda c: (-self.frequency(c), c))
        if len(ranked) < MAX_SUGGESTIONS and len(w) >= 5:
            index = self._deletes_index()
            found = set(index.get(w, ()))
            for i in range(len(w)):
                found.update(index.get(w[:i] + w[i + 1:], ()))
            more = [c for c in found if c not in d1 and c != w and _damerau(w, c) <= 2]
            ranked += sorted(more, key=lambda c: (-self.frequency(c), c))
        return ranked[:MAX_SUGGESTIONS]


def _damerau(a: str, b: str) -> int:
    """Optimal-string-alignment distance (small words only)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]


_lexicons: dict[str, _Lexicon] = {}
_lex_lock = threading.Lock()


def lexicon(lang: str) -> _Lexicon:
    """The word list for `lang` (loaded on first use, then shared)."""
    if lang not in LANGS:
        raise ValueError(f"no spelling dictionary for {lang!r} (have {', '.join(LANGS)})")
    with _lex_lock:
        if lang not in _lexicons:
            _lexicons[lang] = _Lexicon(lang)
        return _lexicons[lang]


def available_languages() -> tuple[str, ...]:
    """Languages whose dictionary ships with the installed pyspellchecker."""
    import os

    try:
        import spellchecker

        res = os.path.join(os.path.dirname(spellchecker.__file__), "resources")
        have = {f.split(".")[0] for f in os.listdir(res)}
    except (ImportError, OSError):
        return ()
    return tuple(lang for lang in LANGS if lang in have)


def _is_compound(lex: _Lexicon, w: str, depth: int = 0) -> bool:
    """Dutch/German: `w` splits into known words (with a linking s/e/en/…)."""
    links = LINKERS.get(lex.lang)
    if not links or len(w) < 7 or depth > 2:
        return False
    for cut in range(len(w) - 4, 2, -1):
        head, tail = w[:cut], w[cut:]
        if not (lex.known(tail) or _is_compound(lex, tail, depth + 1)):
            continue
        for link in links:
            if link and not head.endswith(link):
                continue
            base = head[: len(head) - len(link)] if link else head
            if len(base) >= 3 and lex.known(base):
                return True
    if lex.lang == "de":  # feminine forms of compounds: Vertriebsleiterin(nen)
        for suffix in ("innen", "in"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 7:
                stem = w[: -len(suffix)]
                if lex.known(stem) or _is_compound(lex, stem, depth + 1):
                    return True
    return False


@lru_cache(maxsize=65536)
def _verdict(lang: str, w: str) -> tuple[bool, tuple[str, ...]]:
    """(is known, suggestions) for a lower-case word; cached for live typing."""
    lex = lexicon(lang)
    if lex.known(w):
        return True, ()
    if "-" in w and all(lex.known(p) or _is_compound(lex, p) for p in w.split("-") if p):
        return True, ()
    for apo in ("'", "’"):
        if apo in w:
            norm = w.replace("’", "'")
            if lex.known(norm):
                return True, ()
            head, _, tail = norm.partition("'")
            if lang == "fr" and head in FR_ELISIONS and (lex.known(tail) or not tail):
                return True, ()
            if lang in ("en", "nl") and tail in ("s", "n", "t") and lex.known(head):
                return True, ()
            if lang == "nl" and head in ("'s", "z", "m", "d", "t", "k"):
                return True, ()
    sugg = lex.suggestions(w)
    # A compound split is believed only when the word is not one edit away from a known
    # word: "aantrekelijk" is a typo of "aantrekkelijk", not "aantrek+e+lijk".
    near = sugg and _damerau(w, sugg[0].lower()) <= 1
    if not near and _is_compound(lex, w):
        return True, ()
    return False, tuple(sugg)


def _match_case(original: str, suggestion: str) -> str:
    if original.isupper() and len(original) > 1:
        return suggestion.upper()
    if original[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def _skip_chunk(chunk: str) -> bool:
    core = chunk.strip("()[]{}\"'“”‘’«»„‚,;:.!?…*_~")
    if not core or _SKIP_CHUNK.search(core):
        return True
    if any(ch.isdigit() for ch in core):
        return True
    if _INCLUSIVE_MARK.search(core):
        return True
    return False


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 40):start]
    if not before.strip():
        return True
    if "\n" in before and not before[before.rfind("\n") + 1:].strip(" \t-*•#>0123456789.)"):
        return True  # first word of a line or list item
    return bool(_SENTENCE_END.search(before))


def check_spelling(text: str, lang: str, *, ignore: Iterable[str] = ()) -> list[Finding]:
    """Findings for words not in the `lang` dictionary (empty for other languages)."""
    base = (lang or "").split("-")[0].split("_")[0].lower()
    if base not in LANGS or not text:
        return []
    lex = lexicon(base)
    ignored = {w.lower() for w in ignore}
    # Capitalised words seen mid-sentence anywhere are names: skip them everywhere.
    spans: list[tuple[int, int, str]] = []
    for chunk in _CHUNK.finditer(text):
        if _skip_chunk(chunk.group()):
            continue
        for m in _LETTERS.finditer(chunk.group()):
            s = chunk.start() + m.start()
            spans.append((s, s + len(m.group()), m.group()))
    names: set[str] = set()
    if base != "de":
        for s, _, word in spans:
            if word[:1].isupper() and not _sentence_initial(text, s):
                names.add(word.lower())
    findings: list[Finding] = []
    for s, e, word in spans:
        if len(word) < 2:
            continue
        lower = word.lower()
        if lower in ignored or lower in names:
            continue
        if word.isupper() or _has_inner_capital(word):
            continue  # acronyms, CamelCase, Binnen-I
        known, sugg = _verdict(base, lower)
        if known:
            continue
        if word[:1].isupper() and not sugg:
            continue  # probably a name or a term; flag only near-misses of real words
        findings.append(Finding(
            start=s, end=e, text=word, rule=f"{base}.spelling.unknown-word", category="spelling",
            severity="info",
            message=f"“{word}” is not in the {LANG_NAMES[base]} dictionary.",
            explanation="Possibly a typing error. Names, brand names and technical terms can be "
                        "flagged too; add them to your word list to silence this.",
            source=f"pyspellchecker word list ({base}), bundled with the app (no download)",
            suggestions=[_match_case(word, c) for c in sugg], confidence=None, origin="rule",
            language=base))
    return findings


def _has_inner_capital(word: str) -> bool:
    return any(ch.isupper() for ch in word[1:]) and not word.isupper()


def warm_up(lang: str) -> None:
    """Load a dictionary and its suggestion index ahead of time (background thread)."""
    lexicon(lang)._deletes_index()
