"""Keep findings laminar: any two are either disjoint or nested, never crossing."""
from __future__ import annotations

from bisect import bisect_left, insort
from typing import Sequence

from .model import SEVERITY_RANK, Finding


def resolve(candidates: Sequence[tuple[int, Finding]]) -> list[Finding]:
    """Drop crossing, duplicate and same-category nested findings.

    `candidates` are (priority, finding); a lower priority number wins. Earlier-starting and
    longer spans are considered first, so a phrase beats the single word inside it.
    Runs in about O(n log n): only kept spans that can overlap a candidate are compared.
    """
    order = sorted(candidates, key=lambda pf: (pf[0], pf[1].start, -(pf[1].end - pf[1].start),
                                              -SEVERITY_RANK[pf[1].severity]))
    starts: list[tuple[int, int]] = []  # (start, index into kept), sorted
    kept: list[Finding] = []
    longest = 0
    for _, f in order:
        if f.end <= f.start:
            continue
        ok = True
        lo = bisect_left(starts, (f.start - longest, -1))
        hi = bisect_left(starts, (f.end, -1))
        for _, k_index in starts[lo:hi]:
            k = kept[k_index]
            if k.end <= f.start or f.end <= k.start:
                continue  # disjoint
            inside = k.start <= f.start and f.end <= k.end
            outside = f.start <= k.start and k.end <= f.end
            if not (inside or outside) or (k.start, k.end) == (f.start, f.end):
                ok = False  # crossing or the same span
                break
            if k.category == f.category and k.category != "readability":
                ok = False
                break
        if ok:
            insort(starts, (f.start, len(kept)))
            kept.append(f)
            longest = max(longest, f.end - f.start)
    kept.sort(key=lambda f: (f.start, -(f.end - f.start)))
    return kept
