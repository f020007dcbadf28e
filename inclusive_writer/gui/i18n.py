"""Interface translations: English source strings looked up in resources/i18n/<lang>.json.

`tr("Open…")` returns the text in the current UI language (English when missing).
`Binder` remembers which widget texts came from which key so a window can re-translate itself
when the UI language changes, without being rebuilt (keeping the undo history).
"""
from __future__ import annotations

import json
from typing import Any, Callable

UI_LANGUAGES: dict[str, str] = {"en": "English", "nl": "Nederlands", "fr": "Français"}

_current = "en"
_table: dict[str, str] = {}


def load_table(lang: str) -> dict[str, str]:
    """The translation table of `lang` (empty for English or a missing file)."""
    from ..resources import resource

    path = resource("i18n", f"{lang}.json")
    if lang == "en" or not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if isinstance(v, str) and v and not k.startswith("_")}


def set_language(lang: str) -> None:
    """Switch the interface language (`en`, `nl`, `fr`)."""
    global _current, _table
    if lang not in UI_LANGUAGES:
        lang = "en"
    _current, _table = lang, load_table(lang)


def language() -> str:
    return _current


def tr(key: str, **fmt: Any) -> str:
    """Translate an English interface string; `{name}` fields are filled from `fmt`."""
    text = _table.get(key, key)
    if fmt:
        try:
            return text.format(**fmt)
        except (KeyError, IndexError, ValueError):
            return key.format(**fmt)
    return text


class Binder:
    """Calls `setter(tr(key, **fmt))` now and again on every `retranslate()`."""

    def __init__(self) -> None:
        self._binds: list[tuple[Callable[[str], Any], str, dict[str, Any]]] = []

    def __call__(self, setter: Callable[[str], Any], key: str, **fmt: Any) -> None:
        setter(tr(key, **fmt))
        self._binds.append((setter, key, fmt))

    def retranslate(self) -> None:
        alive = []
        for setter, key, fmt in self._binds:
            try:
                setter(tr(key, **fmt))
            except RuntimeError:  # the C++ widget is gone
                continue
            alive.append((setter, key, fmt))
        self._binds = alive
