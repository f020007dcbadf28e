"""Keep findings laminar: any two are either disjoint or nested, never crossing."""
from __future__ import annotations

from typing import Sequence

from .model import SEVERITY_RANK, Finding


def resolve(candidates: Sequence[tuple[int, Finding]]) -> list[Finding]:
    """Drop crossing, duplicate and same-category nested findings.

    `candidates` are (priority, finding); a lower priority number wins. Earlier-starting and
    longer spans are considered first, so a phrase beats the single word inside it.
    """
    order = sorted(candidates, key=lambda pf: (pf[0], pf[1].start, -(pf[1].end - pf[1].start),
                                              -SEVERITY_RANK[pf[1].severity]))
    kept: list[Finding] = []
    for _, f in order:
        if f.end <= f.start:
            continue
        ok = True
        for k in kept:
            if k.end <= f.start or f.end <= k.start:
                continue  # disjoint
            inside = k.start <= f.start and f.end <= k.end
            outside = f.start <= k.start and k.end <= f.end
            if not (inside or outside):
                ok = False  # crossing
                break
            if (k.start, k.end) == (f.start, f.end):
                ok = False
                break
            if k.category == f.category and k.category != "readability":
                ok = False
                break
        if ok:
            kept.append(f)
    kept.sort(key=lambda f: (f.start, -(f.end - f.start)))
    return kept
