"""Carry the capitalisation of a matched word over to its replacement."""
from __future__ import annotations


def match_case(source: str, replacement: str) -> str:
    """ALL CAPS stays all caps; a capital first letter is kept; otherwise the replacement as written."""
    if not replacement or not source:
        return replacement
    letters = [c for c in source if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    first = next((c for c in source if c.isalpha()), "")
    if first.isupper() and replacement[0].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement


def lower_first(word: str) -> str:
    """'Leitung' → 'leitung' (for the head of a compound)."""
    return word[:1].lower() + word[1:] if word else word
