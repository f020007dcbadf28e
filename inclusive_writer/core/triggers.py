"""Cheap pre-checks for regex rules: the words a match must start with.

A pattern such as `(?i)\\b(?:under|below)\\s+\\d{2}` can only match where a word starts
with "under" or "below". Reading those literal prefixes from the parsed pattern lets the
engine skip the regex for every paragraph that has no such word, which is most of them.
"""
from __future__ import annotations

import re
from typing import Any

try:  # Python 3.11+
    from re import _constants as C, _parser as P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

DIGIT = "\x00digit"
MIN_PREFIX = 2


def _class_letters(arg: list[Any]) -> set[str] | None:
    """Letters of a character class like [Ee] (lower-cased); DIGIT for digit classes."""
    letters: set[str] = set()
    for o, a in arg:
        if o is C.CATEGORY and a is C.CATEGORY_DIGIT:
            return {DIGIT}
        if o is C.RANGE:
            lo, hi = a
            if chr(lo).isdigit() and chr(hi).isdigit():
                return {DIGIT}
            return None
        if o is C.LITERAL:
            letters.add(chr(a).lower())
        else:
            return None
    return letters or None


def _prefixes(items: list[Any], depth: int = 0) -> set[str] | None:
    """Literal word prefixes every match of `items` starts with; None if unknown."""
    if depth > 30:
        return None
    prefix = ""
    for i, (op, arg) in enumerate(items):
        rest = items[i + 1:]
        if op is C.AT or op is C.ASSERT or op is C.ASSERT_NOT:
            if prefix:
                break
            continue
        if op is C.LITERAL:
            ch = chr(arg)
            if ch.isalnum() or ch in "'’-":
                prefix += ch.lower()
                continue
            break
        if op is C.IN:
            letters = _class_letters(arg)
            if letters == {DIGIT}:
                return {prefix or DIGIT} if prefix else {DIGIT}
            if letters and len(letters) == 1 and next(iter(letters)).isalpha():
                prefix += next(iter(letters))
                continue
            if letters and not prefix and all(ch.isalpha() for ch in letters):
                tail = _prefixes(rest, depth + 1) or {""}
                return {ch + t for ch in letters for t in tail}
            break
        if op is C.SUBPATTERN or op is C.BRANCH:
            alts = [list(arg[-1])] if op is C.SUBPATTERN else [list(a) for a in arg[1]]
            out: set[str] = set()
            for alt in alts:
                got = _prefixes(alt + rest, depth + 1)
                if got is None:
                    return {prefix} if prefix else None
                out |= got
            return {prefix + g for g in out}
        if op is C.MAX_REPEAT or op is C.MIN_REPEAT:
            lo, _hi, sub = arg
            if prefix:
                break
            with_it = _prefixes(list(sub) + rest, depth + 1)
            if lo >= 1:
                return with_it
            without = _prefixes(rest, depth + 1)
            if with_it is None or without is None:
                return None
            return with_it | without
        break
    return {prefix} if prefix else None


def triggers(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The set of word prefixes (or DIGIT) one of which starts every match, or None."""
    try:
        parsed = P.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - anything unusual: always run the pattern
        return None
    found = _prefixes(list(parsed.data))
    if not found:
        return None
    cleaned = set()
    for p in found:
        if p == DIGIT:
            cleaned.add(p)
            continue
        word = re.split(r"[^\w]", p)[0]
        if len(word) < MIN_PREFIX and not word.isdigit():
            return None
        cleaned.add(word[:1].isdigit() and DIGIT or word)
    return frozenset(cleaned)


class TriggerIndex:
    """Finds, in one paragraph's tokens, where words with the wanted prefixes start."""

    __slots__ = ("_by_head", "_digit")

    def __init__(self, all_prefixes: set[str]) -> None:
        self._by_head: dict[str, tuple[str, ...]] = {}
        for p in sorted(all_prefixes):
            if p != DIGIT:
                self._by_head[p[:2]] = self._by_head.get(p[:2], ()) + (p,)
        self._digit = DIGIT in all_prefixes

    def positions(self, norms: list[str]) -> dict[str, list[int]]:
        """prefix (or DIGIT) → indices of the tokens that start with it."""
        found: dict[str, list[int]] = {}
        by_head = self._by_head
        for i, norm in enumerate(norms):
            candidates = by_head.get(norm[:2])
            if candidates:
                for p in candidates:
                    if norm.startswith(p):
                        found.setdefault(p, []).append(i)
            elif self._digit and norm[:1].isdigit():
                found.setdefault(DIGIT, []).append(i)
        return found
