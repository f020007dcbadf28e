"""A reproducible corpus of realistic ~600-word job ads per language, built from the
hand-written sentences in resources/eval/<lang>.yaml (clean and flagged ones mixed)."""
from __future__ import annotations

import random

from inclusive_writer.core.model import LANGUAGES
from inclusive_writer.resources import resource
from inclusive_writer.rules.yamlio import load_yaml

HEADINGS = {
    "en": ["About us", "Your role", "What you bring", "What we offer", "How to apply"],
    "nl": ["Over ons", "Jouw functie", "Jouw profiel", "Ons aanbod", "Solliciteren"],
    "fr": ["Qui sommes-nous", "Votre mission", "Votre profil", "Nous offrons", "Postuler"],
    "de": ["Über uns", "Ihre Aufgaben", "Ihr Profil", "Wir bieten", "Bewerbung"],
}


def sentences(lang: str) -> tuple[list[str], list[str]]:
    data = load_yaml(resource("eval", f"{lang}.yaml"))
    clean = [s for s in data.get("clean", []) if isinstance(s, str)]
    flagged = [item["text"] for item in data.get("flagged", []) if isinstance(item, dict)]
    return clean, flagged


def make_ad(lang: str, rng: random.Random, words: int = 600) -> str:
    clean, flagged = sentences(lang)
    parts: list[str] = []
    count = 0
    heading = 0
    while count < words:
        if count >= heading * words // 5 and heading < 5:
            parts.append("\n\n" + HEADINGS[lang][heading] + "\n")
            heading += 1
        pool = flagged if rng.random() < 0.15 and flagged else clean
        sentence = rng.choice(pool)
        parts.append(sentence + (" " if rng.random() < 0.7 else "\n"))
        count += len(sentence.split())
    return "".join(parts).strip() + "\n"


def corpus(per_language: int = 60, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    return [(lang, make_ad(lang, rng)) for lang in LANGUAGES for _ in range(per_language)]
