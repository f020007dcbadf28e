"""Gender labels in job ads ((m/v/x), (m/w/d), (H/F) …) and inclusive spellings, per locale."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..resources import resource
from ..rules.yamlio import load_yaml

_LABEL_RE = re.compile(
    r"\(\s*((?:[A-Za-z]{1,3}|\*)(?:\s*[/|,]\s*(?:[A-Za-z]{1,3}|\*)){1,3})\s*\)"
    r"|\(\s*(all genders?|alle geschlechter|alle genders|tous genres|gn\*?)\s*\)",
    re.IGNORECASE,
)
_GENDER_LETTERS = frozenset("mwvfhxdi*")


@dataclass(slots=True)
class Label:
    start: int
    end: int
    text: str
    letters: frozenset[str]
    universal: bool


@lru_cache(maxsize=1)
def locale_data() -> dict[str, Any]:
    return load_yaml(resource("locales.yaml"))


def find_labels(text: str) -> list[Label]:
    """Every gender label in `text`."""
    out = []
    for m in _LABEL_RE.finditer(text):
        if m.group(2):
            out.append(Label(m.start(), m.end(), m.group(), frozenset(), True))
            continue
        parts = [p.strip().lower() for p in re.split(r"[/|,]", m.group(1))]
        letters = frozenset(p[0] for p in parts if p)
        if not letters <= _GENDER_LETTERS or len(letters) < 2:
            continue
        if not any(p in ("m", "h") or p.startswith(("m", "h")) for p in parts):
            continue
        out.append(Label(m.start(), m.end(), m.group(), letters, False))
    return out


def valid_for(label: Label, locale: str) -> bool:
    """Whether `label` names everyone the locale's convention names."""
    if label.universal or "*" in label.letters:
        return True
    spec = locale_data()["locales"].get(locale)
    if spec is None:
        return True
    return all(any(ch in label.letters for ch in group) for group in spec["requires"])


@dataclass(slots=True)
class LabelPolicy:
    """How one language in one (or an unknown) locale treats labels and inclusive spellings."""

    language: str
    locales: tuple[str, ...]
    suggest_locale: str | None
    exempt: bool
    joiners: frozenset[str]
    suffix_re: re.Pattern[str] | None
    token_re: re.Pattern[str] | None

    @classmethod
    def for_language(cls, lang: str, locale: str | None) -> "LabelPolicy":
        data = locale_data()["languages"][lang]
        if locale and locale in locale_data()["locales"]:
            locales: tuple[str, ...] = (locale,)
            suggest = locale
        else:
            locales = tuple(data.get("auto_locales") or ())
            suggest = data.get("default_locale")
        suffix = data.get("inclusive_suffix")
        token = data.get("inclusive_token")
        return cls(lang, locales, suggest, bool(data.get("labels_exempt")),
                   frozenset(j.lower() for j in data.get("joiners", [])),
                   re.compile(suffix.lstrip("^")) if suffix else None,
                   re.compile(token) if token else None)

    @property
    def checks_labels(self) -> bool:
        return bool(self.locales)

    def valid(self, label: Label) -> bool:
        return any(valid_for(label, loc) for loc in self.locales)

    def label_text(self) -> str | None:
        if not self.suggest_locale:
            return None
        return locale_data()["locales"][self.suggest_locale]["label"].get(self.language)

    def source(self) -> str:
        loc = self.suggest_locale or (self.locales[0] if self.locales else None)
        if not loc:
            return ""
        src = locale_data()["locales"][loc]["source"]
        return src.get(self.language) or src.get("en", "")

    def message(self, key: str, **values: str) -> str:
        msgs = locale_data()["messages"][key]
        template = msgs.get(self.language) or msgs["en"]
        return template.format(**values)
