"""Turn a rule's aligned alternatives into replacements that fit the matched spot."""
from __future__ import annotations

import re

from ..rules.loader import Rule
from .casing import capitalize_first, lower_first, match_case

_PLACEHOLDER_RE = re.compile(r"\{(\d+)\}")


def _same_form_indices(rule: Rule, form: int) -> list[int]:
    """Every index whose surface form equals the matched one (a form with two readings)."""
    if not rule.terms:
        return [form]
    key = rule.terms[form].lower()
    return [i for i, t in enumerate(rule.terms) if t.lower() == key] or [form]


def _fill(template: str, values: tuple[str, ...]) -> str:
    def repl(m: re.Match[str]) -> str:
        k = int(m.group(1))
        return values[k] if k < len(values) else ""

    return _PLACEHOLDER_RE.sub(repl, template) if "{" in template else template


def _with_prefix(prefix: str, alternative: str, head: str) -> str:
    """Put a compound's prefix on every word of the alternative that names the head:
    "Vertriebs" + "Leiterin oder Leiter" → "Vertriebsleiterin oder Vertriebsleiter"."""
    stem = head.lower()[:4]
    words = alternative.split(" ")
    hits = [i for i, w in enumerate(words) if stem and w.lower().startswith(stem)]
    if not hits:
        return prefix + lower_first(alternative)
    for i in hits:
        words[i] = prefix + lower_first(words[i])
    return " ".join(words)


def suggestions(rule: Rule, form: int, matched: str, *, prefix: str = "",
                words: tuple[str, ...] = (), groups: tuple[str, ...] = (),
                style: str | None = None, sentence_start: bool = False) -> list[str]:
    """Replacements for `matched`, in the rule's order, the preferred style first."""
    alts = list(rule.alternatives)
    if style:
        alts.sort(key=lambda a: 0 if a.style == style else 1)
    values = words if words else ("",) + groups if groups else ()
    if groups and not words:
        values = (matched,) + groups
    out: list[str] = []
    for alt in alts:
        for idx in _same_form_indices(rule, form):
            text = _fill(alt.form(idx), values)
            if prefix and text:
                text = _with_prefix(prefix, text, rule.terms[form] if rule.terms else "")
            written = rule.terms[form] if rule.terms else None
            if written and written[0] in "@*":
                written = matched  # a word set: its case is the word's own, not the writer's
            if rule.terms or sentence_start:
                text = match_case(matched, text, None if prefix else written)
            if sentence_start:
                text = capitalize_first(text)
            text = " ".join(text.split()) if text else text
            if text not in out and text != matched:
                out.append(text)
    return out
