"""Python string indices (code points) <-> Qt document positions (UTF-16 code units)."""
from __future__ import annotations

from bisect import bisect_right


class PosMap:
    """Maps offsets of one text; identity when the text has no characters outside the BMP."""

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def to_qt(self, index: int) -> int:
        if not self._astral:
            return index
        return index + bisect_right(self._astral, index - 1)

    def to_py(self, pos: int) -> int:
        if not self._astral:
            return pos
        # each astral char before the python index adds one unit
        lo, hi = 0, pos
        while lo < hi:  # smallest i with to_qt(i) >= pos
            mid = (lo + hi) // 2
            if self.to_qt(mid) < pos:
                lo = mid + 1
            else:
                hi = mid
        return lo


def plain_text(document) -> str:
    """The document's text with non-breaking spaces kept and paragraphs joined by \\n."""
    return document.toRawText().replace("\u2029", "\n").replace("\u2028", "\n")
