"""Text edits: validation, deterministic overlap resolution, applying and per-edit undo.

An `Edit` replaces `text[start:end]` (Python `str` indices into the exact input) with
`replacement`. Edits are checked against the text before they are applied: a span that does not
fit the text, or that would cut a grapheme cluster (surrogate pair, base letter + combining
marks, emoji ZWJ sequence, flag pair, CR LF, Hangul syllable), is rejected with `EditError`.
"""
from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Sequence

__all__ = [
    "Edit", "EditError", "Applied", "is_grapheme_boundary", "check_edit", "conflicts",
    "resolve_overlaps", "apply_edits", "splice",
]

SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}


class EditError(ValueError):
    """An edit that cannot be applied to the given text."""

    def __init__(self, edit: "Edit", problem: str) -> None:
        super().__init__(f"edit {edit.id} [{edit.start}:{edit.end}]: {problem}")
        self.edit = edit
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace `text[start:end]` by `replacement`; `finding` is the Finding it answers (if any)."""

    id: str
    start: int
    end: int
    replacement: str
    rule: str = ""
    finding: Any = field(default=None, compare=False, hash=False, repr=False)
    origin: str = "rule"
    priority: int = 0          # higher wins an overlap (before severity and length)

    def shifted(self, delta: int) -> "Edit":
        return replace(self, start=self.start + delta, end=self.end + delta)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "start": self.start, "end": self.end,
                "replacement": self.replacement, "rule": self.rule, "origin": self.origin}


# --------------------------------------------------------------------------- graphemes

def _is_high(c: str) -> bool:
    return "\ud800" <= c <= "\udbff"


def _is_low(c: str) -> bool:
    return "\udc00" <= c <= "\udfff"


def _is_extend(c: str) -> bool:
    """Characters that attach to the character before them (UAX #29 Extend/ZWJ/SpacingMark)."""
    o = ord(c)
    if o in (0x200C, 0x200D) or 0xFE00 <= o <= 0xFE0F or 0xE0100 <= o <= 0xE01EF:
        return True
    if 0x1F3FB <= o <= 0x1F3FF or 0xE0020 <= o <= 0xE007F or o in (0xFF9E, 0xFF9F):
        return True
    if o in (0x0E33, 0x0EB3):  # Thai/Lao SARA AM: category Lo, but SpacingMark in UAX #29
        return True
    # Cn: unassigned in this Python's Unicode tables, possibly a mark in a newer version
    # (U+0ECE LAO YAMAKKAN since Unicode 15): attaching it only refuses a boundary.
    return unicodedata.category(c) in ("Mn", "Me", "Mc", "Cn")


def _is_prepend(c: str) -> bool:
    o = ord(c)
    return (0x0600 <= o <= 0x0605 or o in (0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x110BD,
                                          0x110CD) or 0x111C2 <= o <= 0x111C3)


def _is_ri(c: str) -> bool:
    return 0x1F1E6 <= ord(c) <= 0x1F1FF


def _hangul(c: str) -> str:
    o = ord(c)
    if 0x1100 <= o <= 0x115F or 0xA960 <= o <= 0xA97C:
        return "L"
    if 0x1160 <= o <= 0x11A7 or 0xD7B0 <= o <= 0xD7C6:
        return "V"
    if 0x11A8 <= o <= 0x11FF or 0xD7CB <= o <= 0xD7FB:
        return "T"
    if 0xAC00 <= o <= 0xD7A3:
        return "LV" if (o - 0xAC00) % 28 == 0 else "LVT"
    return ""


def is_grapheme_boundary(text: str, i: int) -> bool:
    """True when position `i` does not fall inside a user-perceived character of `text`.

    A conservative implementation of the UAX #29 rules that matter for editing: it never
    reports a boundary inside a cluster (it may refuse a few rare boundaries, which only makes
    an edit be rejected, never corrupts the text).
    """
    if i <= 0 or i >= len(text):
        return 0 <= i <= len(text)
    a, b = text[i - 1], text[i]
    if a == "\r" and b == "\n":
        return False
    if _is_high(a) and _is_low(b):
        return False
    if a in "\r\n" or b in "\r\n":
        return True
    if _is_extend(b):
        return False
    if a == "\u200d":  # emoji ZWJ sequences (conservative: anything after ZWJ joins)
        return False
    if _is_prepend(a):
        return False
    if unicodedata.category(b) == "Lo":  # Indic conjuncts: virama (+ marks) + consonant
        j = i - 1
        while j > 0 and unicodedata.combining(text[j]) != 9 and _is_extend(text[j]):
            j -= 1
        if unicodedata.combining(text[j]) == 9:
            return False
    ha, hb = _hangul(a), _hangul(b)
    if ha and hb:
        if ha == "L" and hb in ("L", "V", "LV", "LVT"):
            return False
        if ha in ("LV", "V") and hb in ("V", "T"):
            return False
        if ha in ("LVT", "T") and hb == "T":
            return False
    if _is_ri(a) and _is_ri(b):
        j, n = i - 1, 0
        while j >= 0 and _is_ri(text[j]):
            n += 1
            j -= 1
        return n % 2 == 0
    return True


# --------------------------------------------------------------------------- checks

def check_edit(text: str, edit: Edit) -> None:
    """Raise `EditError` unless `edit` fits `text` without breaking a character."""
    if not isinstance(edit.start, int) or not isinstance(edit.end, int):
        raise EditError(edit, "offsets must be integers")
    if not 0 <= edit.start <= edit.end <= len(text):
        raise EditError(edit, f"span does not fit a text of length {len(text)}")
    if not isinstance(edit.replacement, str):
        raise EditError(edit, "replacement must be a string")
    for pos in (edit.start, edit.end):
        if not is_grapheme_boundary(text, pos):
            raise EditError(edit, f"offset {pos} splits a character")
    rep = edit.replacement
    if rep and _is_extend(rep[0]) and rep[0] not in "\u200c\u200d":
        raise EditError(edit, "replacement starts with a combining mark")
    if any("\ud800" <= c <= "\udfff" for c in rep):
        # a replacement may carry a *pair*, never a lone surrogate
        for k, c in enumerate(rep):
            if _is_high(c) and (k + 1 < len(rep) and _is_low(rep[k + 1])):
                continue
            if _is_low(c) and k > 0 and _is_high(rep[k - 1]):
                continue
            raise EditError(edit, "replacement holds a lone surrogate")


def conflicts(a: Edit, b: Edit) -> bool:
    """Two edits conflict when their spans overlap, or both insert at the same point, or an
    insertion falls strictly inside the other edit's span."""
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def _rank(e: Edit) -> tuple:
    sev = SEVERITY_RANK.get(getattr(e.finding, "severity", ""), 0)
    # higher priority, severity, longer span first; then position, then content: total order
    return (-e.priority, -sev, -(e.end - e.start), e.start, e.end, e.replacement, e.rule, e.id)


def resolve_overlaps(edits: Iterable[Edit]) -> list[Edit]:
    """Keep a set of mutually compatible edits, independent of input order; sorted by position.

    Winner of a conflict: higher `priority`, then more severe finding, then longer span, then
    earlier start, then the lexically smaller replacement/rule/id. Exact duplicates (same span
    and replacement) collapse to one.
    """
    keys: list[tuple[int, int]] = []      # kept edits, sorted by position (never overlapping)
    kept: list[Edit] = []
    for e in sorted(edits, key=_rank):
        i = bisect.bisect_left(keys, (e.start, e.end))
        if any(conflicts(e, kept[j]) for j in range(max(0, i - 3), min(len(kept), i + 3))):
            continue
        keys.insert(i, (e.start, e.end))
        kept.insert(i, e)
    return sorted(kept, key=lambda e: (e.start, e.end, e.id))


def splice(text: str, edits: Sequence[Edit]) -> str:
    """Apply already checked, non-conflicting edits (any order)."""
    out, pos = [], 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        out.append(text[pos:e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def apply_edits(text: str, edits: Iterable[Edit], *, resolve: bool = True) -> str:
    """Check every edit, resolve overlaps (or raise on one when `resolve=False`) and apply."""
    edits = list(edits)
    for e in edits:
        check_edit(text, e)
    if resolve:
        edits = resolve_overlaps(edits)
    else:
        ordered = sorted(edits, key=lambda e: (e.start, e.end))
        for x, y in zip(ordered, ordered[1:]):
            if conflicts(x, y):
                raise EditError(y, f"overlaps edit {x.id}")
        edits = ordered
    return splice(text, edits)


# --------------------------------------------------------------------------- applied + undo

@dataclass(frozen=True)
class Applied:
    """The result of applying accepted edits to `original`; any single edit can be reverted.

    `spans[id]` is where each applied replacement sits in `text`.
    """

    original: str
    edits: tuple[Edit, ...]
    text: str
    spans: dict[str, tuple[int, int]]

    @classmethod
    def build(cls, original: str, edits: Iterable[Edit]) -> "Applied":
        chosen = resolve_overlaps(list(edits))
        for e in chosen:
            check_edit(original, e)
        spans: dict[str, tuple[int, int]] = {}
        out, pos, delta = [], 0, 0
        for e in chosen:
            out.append(original[pos:e.start])
            out.append(e.replacement)
            s = e.start + delta
            spans[e.id] = (s, s + len(e.replacement))
            delta += len(e.replacement) - (e.end - e.start)
            pos = e.end
        out.append(original[pos:])
        return cls(original, tuple(chosen), "".join(out), spans)

    @property
    def ids(self) -> list[str]:
        return [e.id for e in self.edits]

    def revert(self, edit_id: str) -> "Applied":
        """The same result without edit `edit_id` (the other edits stay applied)."""
        if edit_id not in self.spans:
            raise KeyError(edit_id)
        return Applied.build(self.original, [e for e in self.edits if e.id != edit_id])

    def map_offset(self, pos: int) -> int:
        """Position in `text` of original position `pos` (inside an edit: its start)."""
        delta = 0
        for e in self.edits:
            if pos < e.start or (pos == e.start and e.start != e.end):
                break
            if pos < e.end:
                return e.start + delta
            delta += len(e.replacement) - (e.end - e.start)
        return pos + delta
