"""Offline language detection (lingua), restricted to English, Dutch, French and German."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from .model import LANGUAGES

MIN_WORDS = 5
MIN_CONFIDENCE = 0.6
_CODES = {"ENGLISH": "en", "DUTCH": "nl", "FRENCH": "fr", "GERMAN": "de"}


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(
        Language.ENGLISH, Language.DUTCH, Language.FRENCH, Language.GERMAN).build()


def detect(text: str, default: str | None = None) -> tuple[str | None, float]:
    """(language code, confidence) of `text`; `default` when too short or unsure."""
    sample = text[:2000]
    if sum(1 for w in sample.split() if any(c.isalpha() for c in w)) < MIN_WORDS:
        return default, 0.0
    values = _detector().compute_language_confidence_values(sample)
    if not values:
        return default, 0.0
    best = values[0]
    code = _CODES.get(best.language.name)
    if code is None or best.value < MIN_CONFIDENCE:
        return default, float(best.value)
    return code, float(best.value)


def normalize_language(lang: str | None) -> tuple[str | None, str | None]:
    """'nl-BE' → ('nl', 'BE'); 'auto'/None → (None, None); unknown → ValueError."""
    if lang is None or lang in ("", "auto"):
        return None, None
    code, _, region = lang.replace("_", "-").partition("-")
    code = code.lower()
    if code not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}: use one of {', '.join(LANGUAGES)} or auto")
    return code, (region.upper() or None)
