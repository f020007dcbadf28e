"""Carry the capitalisation of a matched word over to its replacement."""
from __future__ import annotations


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def match_case(source: str, replacement: str, written: str | None = None) -> str:
    """Give `replacement` the case the writer used for `source`.

    `written` is the form as the rule writes it: case that the word always has (German
    nouns, "Nederlands", the acronym "ABN") is not the writer's choice and is not carried over.
    ALL CAPS carries over only from words of more than three letters (not from acronyms).
    """
    if not replacement or not source:
        return replacement
    if _all_caps(source) and sum(c.isalpha() for c in source) > 3 \
            and not (written and _all_caps(written)):
        return replacement.upper()
    first = next((c for c in source if c.isalpha()), "")
    written_first = next((c for c in written if c.isalpha()), "") if written else ""
    if first.isupper() and not written_first.isupper() and replacement[0].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement


def capitalize_first(text: str) -> str:
    """Upper-case the first letter (sentence start)."""
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1:] if ch.islower() else text
    return text


def lower_first(word: str) -> str:
    """'Leitung' → 'leitung' (for the head of a compound)."""
    return word[:1].lower() + word[1:] if word else word
