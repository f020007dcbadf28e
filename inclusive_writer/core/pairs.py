"""Inclusive forms that must not be flagged: labelled titles, pairs and inclusive spellings.

"Verkäufer (m/w/d)", "Technicien de maintenance (H/F)", "Verkäuferinnen und Verkäufer",
"eine erfahrene Verkäuferin oder einen erfahrenen Verkäufer", "Arzt/Ärztin",
"Verkäufer*in", "VerkäuferIn", "vendeur·euse": all name everyone already.
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right

from .labels import Label, LabelPolicy
from .matcher import RawMatch


def label_after(text: str, end: int, labels: list[Label]) -> Label | None:
    """The label that follows a job title on the same line ("Technicien de maintenance (H/F)")."""
    i = bisect_left(labels, end, key=lambda lb: lb.start)  # labels come in text order
    if i < len(labels):
        gap = text[end:labels[i].start]
        if len(gap) <= 60 and not any(ch in gap for ch in "\n.!?;") and len(gap.split()) <= 6:
            return labels[i]
    return None


def drop_inclusive_forms(text: str, raws: list[RawMatch], everything: list[RawMatch],
                          policy: LabelPolicy) -> list[RawMatch]:
    """Leave alone Verkäufer*in, vendeur·euse, VerkäuferIn and pairs like 'vendeuses et vendeurs'.

    Pairs are looked for among all matches, also those their own context silenced: a
    feminine form that is quiet on its own still makes its masculine partner a pair.
    """
    gender = [m for m in raws if m.rule.category == "gender"]
    if not gender:
        return raws
    drop: set[int] = set()
    for m in gender:
        if policy.suffix_re is not None and policy.suffix_re.match(text, m.end, m.end + 16):
            drop.add(id(m))
        if policy.token_re is not None and policy.token_re.search(text, m.start, m.end):
            drop.add(id(m))
    ordered = sorted((m for m in everything if m.rule.category == "gender"), key=lambda m: m.start)
    starts = [m.start for m in ordered]
    for a in ordered:
        lo, hi = bisect_left(starts, a.end), bisect_right(starts, a.end + 48)
        for b in ordered[lo:hi]:
            if _is_pair_gap(text[a.end:b.start], policy.joiners) and _same_role(a, b, text):
                drop.update((id(a), id(b)))
    return [m for m in raws if id(m) not in drop]


def _is_pair_gap(gap: str, joiners: frozenset[str]) -> bool:
    """'und', ' / ', 'ou', or a joiner with an article and adjectives: 'oder einen erfahrenen'."""
    stripped = gap.strip().lower()
    if stripped in ("", "/", ",") and len(gap) <= 2:
        return True
    if stripped in joiners:
        return True
    words = stripped.replace("/", " / ").split()
    return 1 < len(words) <= 4 and words[0] in joiners and "\n" not in gap


def _fold(word: str) -> str:
    """Lower case without accents or umlauts: 'Ärztin' → 'arztin' (pairs like Arzt/Ärztin)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _same_role(a: RawMatch, b: RawMatch, text: str) -> bool:
    ga, gb = a.rule.gender, b.rule.gender
    if ga and gb and ga == gb:
        return False
    wa, wb = _fold(text[a.start:a.end]), _fold(text[b.start:b.end])
    common = 0
    for x, y in zip(wa, wb):
        if x != y:
            break
        common += 1
    return common >= 4 or a.rule.id == b.rule.id
