"""Context conditions of rules (`when` / `unless`), compiled once and checked per match."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from .text import Token, tokenize

LemmaFn = Callable[[str], str]
WINDOW = 5


@dataclass(slots=True)
class WordList:
    """Single words and multi-word phrases a condition looks for."""

    words: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    by_first: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    by_last: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for p in self.phrases:
            self.by_first[p[0]] = self.by_first.get(p[0], ()) + (p,)
            self.by_last[p[-1]] = self.by_last.get(p[-1], ()) + (p,)

    def starting(self, tok: Token, lemma: LemmaFn) -> tuple[tuple[str, ...], ...]:
        """Phrases whose first word could be `tok`."""
        if not self.by_first:
            return ()
        hit = self.by_first.get(tok.norm, ())
        base = lemma(tok.norm)
        return hit + self.by_first.get(base, ()) if base != tok.norm else hit

    def ending(self, tok: Token, lemma: LemmaFn) -> tuple[tuple[str, ...], ...]:
        """Phrases whose last word could be `tok`."""
        if not self.by_last:
            return ()
        hit = self.by_last.get(tok.norm, ())
        base = lemma(tok.norm)
        return hit + self.by_last.get(base, ()) if base != tok.norm else hit

    def has(self, tok: Token, lemma: LemmaFn) -> bool:
        return tok.norm in self.words or (bool(self.words) and lemma(tok.norm) in self.words)


def compile_words(items: list[str], sets: dict[str, frozenset[str]]) -> WordList:
    """Expand `@set` names and split multi-word items into token tuples."""
    words: set[str] = set()
    phrases: list[tuple[str, ...]] = []
    expanded: list[str] = []
    for item in items:
        if item.startswith("@"):
            expanded.extend(sets.get(item[1:], ()))
        else:
            expanded.append(item)
    for item in expanded:
        norms = tuple(t.norm for t in tokenize(item))
        if len(norms) == 1:
            words.add(norms[0])
        elif norms:
            phrases.append(norms)
    return WordList(frozenset(words), tuple(phrases))


@dataclass(slots=True)
class Context:
    """Where a match sits: the paragraph's tokens, the match's token range, sentence data."""

    tokens: list[Token]
    first: int  # index of first token of the match
    last: int   # index of last token of the match
    lemma: LemmaFn
    roles: WordList | None = None
    function_words: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()

    def _phrase_at(self, start: int, phrase: tuple[str, ...], sent: int) -> bool:
        toks = self.tokens
        if start < 0 or start + len(phrase) > len(toks):
            return False
        for k, word in enumerate(phrase):
            tok = toks[start + k]
            if tok.sent != sent or (tok.norm != word and self.lemma(tok.norm) != word):
                return False
        return True

    def next_has(self, wl: WordList, reach: int = 1) -> bool:
        sent = self.tokens[self.last].sent
        for k in range(1, reach + 1):
            j = self.last + k
            if j >= len(self.tokens) or self.tokens[j].sent != sent:
                return False
            if wl.has(self.tokens[j], self.lemma):
                return True
            if any(self._phrase_at(j, p, sent) for p in wl.starting(self.tokens[j], self.lemma)):
                return True
        return False

    def prev_has(self, wl: WordList, reach: int = 1) -> bool:
        sent = self.tokens[self.first].sent
        for k in range(1, reach + 1):
            j = self.first - k
            if j < 0 or self.tokens[j].sent != sent:
                return False
            if wl.has(self.tokens[j], self.lemma):
                return True
            if any(self._phrase_at(j - len(p) + 1, p, sent)
                   for p in wl.ending(self.tokens[j], self.lemma)):
                return True
        return False

    def _sentence_range(self, j: int) -> tuple[int, int]:
        """Token indices [lo, hi) of the sentence token j belongs to."""
        toks, sent = self.tokens, self.tokens[j].sent
        lo, hi = j, j + 1
        while lo > 0 and toks[lo - 1].sent == sent:
            lo -= 1
        while hi < len(toks) and toks[hi].sent == sent:
            hi += 1
        return lo, hi

    def window_has(self, wl: WordList, window: int | None) -> bool:
        toks, sent = self.tokens, self.tokens[self.first].sent
        if window is None:
            lo, hi = self._sentence_range(self.first)
        else:
            lo, hi = max(0, self.first - window), min(len(toks), self.last + window + 1)
        for j in range(lo, hi):
            if self.first <= j <= self.last or toks[j].sent != sent:
                continue
            if wl.has(toks[j], self.lemma) or any(
                    self._phrase_at(j, p, sent) for p in wl.starting(toks[j], self.lemma)):
                return True
        return False

    def sentence_start(self) -> bool:
        j = self.first
        return j == 0 or self.tokens[j - 1].sent != self.tokens[j].sent

    def capitalized(self) -> bool:
        return self.tokens[self.first].cap and not self.sentence_start()

    def _is_name(self, j: int) -> bool:
        """A capitalised word that is neither a function word, a role, nor part of a title."""
        toks = self.tokens
        tok = toks[j]
        if not (tok.cap or tok.upper) or tok.norm[0].isdigit():
            return False
        if tok.norm in self.function_words or self.lemma(tok.norm) in self.function_words:
            return False
        if self.roles is not None and self.roles.has(tok, self.lemma):
            return False
        prev = toks[j - 1] if j > 0 else None
        if prev is not None and prev.sent == tok.sent and prev.norm in self.determiners:
            return False  # "eine Bestätigung", "the Board": a (German) noun or a title, not a person
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        if nxt is not None and nxt.sent == tok.sent and self.roles is not None \
                and self.roles.has(nxt, self.lemma):
            return False  # "Sales Manager": part of a job title
        return True

    def antecedent_is_role(self) -> bool:
        """The nearest earlier noun in this or the previous sentence is a generic role word,
        and no named person stands in that role's sentence ("Piet is our planner. He …")."""
        if self.roles is None:
            return False
        toks = self.tokens
        sent = toks[self.first].sent
        for j in range(self.first - 1, -1, -1):
            tok = toks[j]
            if tok.sent < sent - 1:
                break
            if self.roles.has(tok, self.lemma):
                lo, hi = self._sentence_range(j)
                return not any(self._is_name(k) for k in range(lo, min(hi, self.first)) if k != j)
            if self._is_name(j):
                return False  # a name is the nearer referent
        return False


@dataclass(slots=True)
class Conditions:
    """Compiled `when` (all must hold) or `unless` (any holds) conditions."""

    checks: tuple[tuple[str, Any], ...]

    @classmethod
    def compile(cls, spec: dict[str, Any], sets: dict[str, frozenset[str]]) -> "Conditions":
        checks: list[tuple[str, Any]] = []
        for key, arg in spec.items():
            checks.append((key, compile_words(arg, sets) if isinstance(arg, list) else arg))
        return cls(tuple(checks))

    def _holds(self, key: str, arg: Any, ctx: Context) -> bool:
        if key == "next":
            return ctx.next_has(arg)
        if key == "next2":
            return ctx.next_has(arg, 2)
        if key == "prev":
            return ctx.prev_has(arg)
        if key == "prev2":
            return ctx.prev_has(arg, 2)
        if key == "near":
            return ctx.window_has(arg, WINDOW)
        if key == "sentence":
            return ctx.window_has(arg, None)
        if key == "capitalized":
            return ctx.capitalized() == arg
        if key == "sentence_start":
            return ctx.sentence_start() == arg
        if key == "antecedent":
            return ctx.antecedent_is_role()
        raise KeyError(key)  # pragma: no cover - validated on load

    def all(self, ctx: Context) -> bool:
        return all(self._holds(k, a, ctx) for k, a in self.checks)

    def any(self, ctx: Context) -> bool:
        return any(self._holds(k, a, ctx) for k, a in self.checks)
