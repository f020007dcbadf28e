"""Lemmatisation via simplemma, cached, loaded lazily per language."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=200_000)
def lemma(word: str, lang: str) -> str:
    """Lower-case lemma of a lower-case word; the word itself when simplemma has none."""
    if not word or word[0].isdigit() or word[0] == "'":
        return word
    import simplemma  # light, pure Python; dictionaries load on first use per language

    try:
        return simplemma.lemmatize(word, lang=lang).lower()
    except (ValueError, KeyError):  # pragma: no cover - unsupported language
        return word
