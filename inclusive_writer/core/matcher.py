"""Compile a rule pack into look-up tables and find its matches in a stretch of text.

Matching is by token, not by substring: surface forms, lemmas (simplemma), multi-word
phrases across spaces, hyphens and line breaks, compound heads (nl/de), and regex patterns
for numbers and fixed shapes. Context conditions decide whether a match stands.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import partial

from ..rules.loader import Pack, Rule
from .conditions import Conditions, Context, WordList, compile_words
from .lemmas import lemma as _lemma
from .text import Token, clean_word, tokenize
from .triggers import TriggerIndex, triggers

MIN_COMPOUND_PREFIX = 3
_GAP_RE = re.compile(r"[\s\-‐‑–'’]*")


@dataclass(slots=True, frozen=True)
class Element:
    """One word of a multi-word term: literal, lemma (`word~`), word set (`@set`) or any (`*`)."""

    kind: str  # "w" literal, "l" lemma, "s" set, "*" any
    value: str = ""


@dataclass(slots=True)
class Phrase:
    rule: Rule
    form: int
    elements: tuple[Element, ...]


@dataclass(slots=True)
class RawMatch:
    """A rule hit before context checks: token range (or char span for patterns)."""

    rule: Rule
    form: int
    first: int
    last: int
    start: int
    end: int
    prefix: str = ""           # compound prefix kept in suggestions
    groups: tuple[str, ...] = ()
    words: tuple[str, ...] = ()


@dataclass(slots=True)
class CompiledRule:
    rule: Rule
    when: Conditions
    unless: Conditions


@dataclass
class CompiledPack:
    """Look-up tables of one language's rules."""

    language: str
    sets: dict[str, frozenset[str]]
    single: dict[str, list[tuple[Rule, int]]] = field(default_factory=dict)
    lemmas: dict[str, list[tuple[Rule, int]]] = field(default_factory=dict)
    phrases: dict[str, list[Phrase]] = field(default_factory=dict)
    phrase_lemmas: dict[str, list[Phrase]] = field(default_factory=dict)
    compounds: dict[str, list[tuple[Rule, int]]] = field(default_factory=dict)
    compound_lengths: tuple[int, ...] = ()
    compound_tails: dict[str, tuple[str, ...]] = field(default_factory=dict)
    patterns: list[Rule] = field(default_factory=list)
    pattern_triggers: dict[str, frozenset[str] | None] = field(default_factory=dict)
    trigger_index: TriggerIndex | None = None
    phrases2: dict[tuple[str, str], list[Phrase]] = field(default_factory=dict)
    compiled: dict[str, CompiledRule] = field(default_factory=dict)
    roles: WordList | None = None
    function_words: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    rules: list[Rule] = field(default_factory=list)
    _set_lengths: dict[str, int] = field(default_factory=dict)

    def lemma(self, word: str) -> str:
        return _lemma(word, self.language)

    @classmethod
    def build(cls, pack: Pack, rules: list[Rule]) -> "CompiledPack":
        cp = cls(pack.language, pack.sets, rules=rules)
        lem = partial(_lemma, lang=pack.language)
        cp.roles = compile_words(["@roles"], pack.sets) if "roles" in pack.sets else None
        cp.function_words = pack.sets.get("function", frozenset())
        cp.determiners = pack.sets.get("determiners", frozenset())
        lengths: set[int] = set()
        for rule in rules:
            cp.compiled[rule.id] = CompiledRule(
                rule, Conditions.compile(rule.when, pack.sets), Conditions.compile(rule.unless, pack.sets))
            if rule.pattern is not None:
                cp.patterns.append(rule)
                continue
            for idx, form in enumerate(rule.terms):
                elements = _elements(form)
                if len(elements) == 1 and elements[0].kind in ("w", "l"):
                    word = elements[0].value
                    if any(r is rule for r, _ in cp.single.get(word, ())):
                        continue  # same form twice (two readings): suggestions cover both
                    cp.single.setdefault(word, []).append((rule, idx))
                    if rule.lemma or elements[0].kind == "l":
                        base = lem(word)
                        cp.lemmas.setdefault(base, []).append((rule, idx))
                    if rule.compound and len(word) >= 4:
                        cp.compounds.setdefault(word, []).append((rule, idx))
                        lengths.add(len(word))
                    continue
                if len(elements) == 1 and elements[0].kind == "s":
                    for word in pack.sets.get(elements[0].value, ()):
                        cp.single.setdefault(word, []).append((rule, idx))
                    continue
                phrase = Phrase(rule, idx, elements)
                head = elements[0]
                if head.kind == "w" and elements[1].kind == "w":
                    cp.phrases2.setdefault((head.value, elements[1].value), []).append(phrase)
                elif head.kind == "w":
                    cp.phrases.setdefault(head.value, []).append(phrase)
                elif head.kind == "l":
                    cp.phrase_lemmas.setdefault(lem(head.value), []).append(phrase)
                elif head.kind == "s":
                    for word in pack.sets.get(head.value, ()):
                        first = word.split()[0] if word else word
                        cp.phrases.setdefault(first, []).append(phrase)
        cp.compound_lengths = tuple(sorted(lengths))
        for word in sorted(cp.compounds, key=len, reverse=True):  # longest head first
            cp.compound_tails[word[-3:]] = cp.compound_tails.get(word[-3:], ()) + (word,)
        for rule in cp.patterns:
            assert rule.pattern is not None
            cp.pattern_triggers[rule.id] = triggers(rule.pattern)
        cp.trigger_index = TriggerIndex({p for t in cp.pattern_triggers.values() if t for p in t})
        return cp

    # -- matching -----------------------------------------------------------------------------

    def find(self, text: str, tokens: list[Token], start: int, end: int) -> list[RawMatch]:
        """All raw matches of this pack in `text[start:end]` (tokens already computed)."""
        out: list[RawMatch] = []
        lem = self.lemma
        compound = bool(self.compounds)
        phrases2 = self.phrases2
        n = len(tokens)
        for i, tok in enumerate(tokens):
            norm = tok.norm
            if phrases2 and i + 1 < n:
                for phrase in phrases2.get((norm, tokens[i + 1].norm), ()):
                    m = self._match_phrase(text, tokens, i, phrase)
                    if m:
                        out.append(m)
            for phrase in self.phrases.get(norm, ()):
                m = self._match_phrase(text, tokens, i, phrase)
                if m:
                    out.append(m)
            if self.phrase_lemmas:
                for phrase in self.phrase_lemmas.get(lem(norm), ()):
                    m = self._match_phrase(text, tokens, i, phrase)
                    if m:
                        out.append(m)
            hits = self.single.get(norm)
            if hits:
                for rule, idx in hits:
                    if rule.case_sensitive and text[tok.start:tok.end] != rule.terms[idx]:
                        continue
                    out.append(RawMatch(rule, idx, i, i, tok.start, tok.end))
                continue
            if self.lemmas and not norm[0].isdigit():
                base = lem(norm)
                if base != norm:
                    for rule, idx in self.lemmas.get(base, ()):
                        if rule.lemma and not rule.case_sensitive:
                            out.append(RawMatch(rule, idx, i, i, tok.start, tok.end))
                    if base in self.lemmas:
                        continue
            if compound and len(norm) >= MIN_COMPOUND_PREFIX + 4:
                out.extend(self._compound(text, tok, i))
        if self.patterns:
            out.extend(self._all_patterns(text, tokens, start, end))
        return out

    def _all_patterns(self, text: str, tokens: list[Token], start: int,
                      end: int) -> list[RawMatch]:
        """Regex rules, tried only where a word they must start with occurs."""
        assert self.trigger_index is not None
        at = self.trigger_index.positions([t.norm for t in tokens])
        starts: list[int] = []
        ends: list[int] = []
        out: list[RawMatch] = []
        lowered: str | None = None
        for rule in self.patterns:
            trig = self.pattern_triggers[rule.id]
            if rule.anchors:  # run only on paragraphs where an anchor occurs
                if lowered is None:
                    lowered = text[start:end].lower()
                if not any(a in lowered for a in rule.anchors):
                    continue
            if trig is None:
                where = None
            else:
                idx = sorted({i for p in trig for i in at.get(p, ())})
                if not idx:
                    continue
                where = [tokens[i].start for i in idx]
            if not starts and tokens:  # only for paragraphs where some pattern is due
                starts[:] = [t.start for t in tokens]
                ends[:] = [t.end for t in tokens]
            out.extend(self._patterns(rule, text, tokens, starts, ends, start, end, where))
        return out

    def _compound(self, text: str, tok: Token, i: int) -> list[RawMatch]:
        norm = tok.norm
        for head in self.compound_tails.get(norm[-3:], ()):
            if len(norm) - len(head) < MIN_COMPOUND_PREFIX or not norm.endswith(head):
                continue
            hits = self.compounds[head]
            raw = clean_word(text[tok.start:tok.end])
            cut = len(raw) - len(head) if len(raw) == len(norm) else len(norm) - len(head)
            prefix = raw[:cut]
            found = [RawMatch(rule, idx, i, i, tok.start, tok.end, prefix=prefix)
                     for rule, idx in hits if norm not in rule.compound_unless]
            if found:
                return found
        return []

    def _match_phrase(self, text: str, tokens: list[Token], i: int, phrase: Phrase) -> RawMatch | None:
        j = i
        words: list[str] = []
        elements = phrase.elements
        k = 0
        while k < len(elements):
            if j >= len(tokens):
                return None
            tok = tokens[j]
            if j > i and not _GAP_RE.fullmatch(text, tokens[j - 1].end, tok.start):
                return None
            el = elements[k]
            if el.kind == "s":
                consumed = self._match_set(tokens, j, el.value, text)
                if not consumed:
                    return None
                words.append(text[tok.start:tokens[j + consumed - 1].end])
                j += consumed
                k += 1
                continue
            if el.kind == "w":
                ok = tok.norm == el.value
            elif el.kind == "l":
                ok = tok.norm == el.value or self.lemma(tok.norm) == self.lemma(el.value)
            else:
                ok = True
            if not ok:
                return None
            words.append(text[tok.start:tok.end])
            j += 1
            k += 1
        first, last = i, j - 1
        return RawMatch(phrase.rule, phrase.form, first, last, tokens[first].start,
                        tokens[last].end, words=tuple(words))

    def _match_set(self, tokens: list[Token], j: int, name: str, text: str) -> int:
        """How many tokens from j spell a member of set `name` (longest first); 0 if none."""
        members = self.sets.get(name, frozenset())
        longest = self._set_lengths.get(name)
        if longest is None:
            longest = self._set_lengths[name] = max((len(m.split()) for m in members), default=1)
        if longest > 1:
            for n in range(min(longest, len(tokens) - j), 1, -1):
                seq = tokens[j:j + n]
                if any(not _GAP_RE.fullmatch(text, a.end, b.start) for a, b in zip(seq, seq[1:])):
                    continue
                if " ".join(t.norm for t in seq) in members:
                    return n
        norm = tokens[j].norm
        if norm in members or self.lemma(norm) in members:
            return 1
        return 0

    def _patterns(self, rule: Rule, text: str, tokens: list[Token], starts: list[int],
                  ends: list[int], start: int, end: int,
                  where: list[int] | None = None) -> list[RawMatch]:
        out = []
        assert rule.pattern is not None
        for m in _pattern_matches(rule.pattern, text, start, end, where):
            if "span" in rule.pattern.groupindex and m.group("span") is not None:
                s, e = m.span("span")
            else:
                s, e = m.span()
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e <= s:
                continue
            first = max(0, min(bisect_right(starts, s) - 1, len(tokens) - 1))
            if tokens and ends[first] <= s and first + 1 < len(tokens):
                first += 1
            last = max(first, bisect_left(ends, e) if tokens else 0)
            last = min(last, len(tokens) - 1) if tokens else 0
            groups = tuple(g or "" for g in m.groups())
            out.append(RawMatch(rule, 0, first, last, s, e, groups=groups))
        return out

    def context(self, tokens: list[Token], m: RawMatch) -> Context:
        return Context(tokens, m.first, m.last, self.lemma, self.roles, self.function_words,
                       self.determiners)

    def accepts(self, tokens: list[Token], m: RawMatch) -> bool:
        """Whether the rule's `when` holds and no `unless` condition does."""
        cr = self.compiled[m.rule.id]
        if not cr.when.checks and not cr.unless.checks:
            return True
        if not tokens:
            return not cr.when.checks
        ctx = self.context(tokens, m)
        if cr.when.checks and not cr.when.all(ctx):
            return False
        return not (cr.unless.checks and cr.unless.any(ctx))


def _pattern_matches(pattern: re.Pattern[str], text: str, start: int, end: int,
                     where: list[int] | None) -> list[re.Match[str]]:
    """finditer, or — when the possible start positions are known — match at each of them."""
    if where is None:
        return list(pattern.finditer(text, start, end))
    found = []
    last_end = start
    for pos in where:
        if pos < last_end:
            continue
        m = pattern.match(text, pos, end)
        if m and m.end() > m.start():
            found.append(m)
            last_end = m.end()
    return found


def _elements(form: str) -> tuple[Element, ...]:
    out: list[Element] = []
    for piece in form.split():
        if piece == "*":
            out.append(Element("*"))
        elif piece.startswith("@") and len(piece) > 1:
            out.append(Element("s", piece[1:]))
        elif piece.endswith("~") and len(piece) > 1:
            for tok in tokenize(piece[:-1]):
                out.append(Element("l", tok.norm))
        else:
            for tok in tokenize(piece):
                out.append(Element("w", tok.norm))
    return tuple(out)
