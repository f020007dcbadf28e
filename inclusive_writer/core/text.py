"""Tokens, sentences and paragraphs with exact offsets into the original text.

Tokens see through soft hyphens, zero-width characters and words hyphenated across a line
break ("sales-\\nman"); their `norm` is the lower-cased, cleaned form used for matching.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

# Characters that may sit inside a word without breaking it.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_MARKS = "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0e31\u0e34-\u0e3a" \
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORD_CHAR = rf"[^\W_]|[{_MARKS}]"
_WORD_RE = re.compile(
    rf"(?:{_WORD_CHAR})(?:[\w{_MARKS}]+|[{_INVISIBLE}]+(?=[^\W_])|-[ \t]*\r?\n[ \t]*(?=[^\W\d_]))*"
    r"|['’](?:s|re|ve|ll|d|m|t)(?![^\W_])",
    re.IGNORECASE,
)
_CLEAN_RE = re.compile(rf"[{_INVISIBLE}]|-[ \t]*\r?\n[ \t]*")
_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-ZÀ-ÖØ-Þ•\-–*])|(?<!-)\n")
_PARAGRAPH_RE = re.compile(r"\n[ \t\r\f\v]*\n\s*")


@dataclass(slots=True)
class Token:
    """A word: `text[start:end]` in the original, `norm` lower-cased and cleaned."""

    start: int
    end: int
    norm: str
    cap: bool  # first letter upper case
    upper: bool  # whole word upper case (and longer than one letter)
    index: int = 0
    sent: int = 0


_SPECIAL_RE = re.compile(rf"[{_INVISIBLE}’-]")


def clean_word(raw: str) -> str:
    """Drop invisible characters and line-break hyphens; NFC; typographic apostrophe → '."""
    if raw.isascii():
        return _CLEAN_RE.sub("", raw) if "-" in raw else raw
    if _SPECIAL_RE.search(raw):
        raw = _CLEAN_RE.sub("", raw).replace("’", "'")
    if not unicodedata.is_normalized("NFC", raw):
        raw = unicodedata.normalize("NFC", raw)
    return raw


def tokenize(text: str, offset: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of `text[offset:end]` with offsets into the whole `text`."""
    tokens: list[Token] = []
    stop = len(text) if end is None else end
    append = tokens.append
    for i, m in enumerate(_WORD_RE.finditer(text, offset, stop)):
        word = m.group()
        if not word.isascii() or "-" in word:
            word = clean_word(word)
        append(Token(m.start(), m.end(), word.lower(), word[0].isupper(),
                     len(word) > 1 and word.isupper(), i))
    return tokens


def sentence_starts(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Offsets where sentences begin in `text[start:end]` (a line break also ends a sentence)."""
    stop = len(text) if end is None else end
    starts = [start]
    for m in _SENTENCE_END_RE.finditer(text, start, stop):
        starts.append(m.end())
    return starts


def assign_sentences(tokens: list[Token], starts: list[int]) -> None:
    """Set `Token.sent` to the index of the sentence each token falls in."""
    for tok in tokens:
        tok.sent = bisect_right(starts, tok.start) - 1


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of paragraphs, separated by blank lines; never empty spans."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _PARAGRAPH_RE.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each non-blank sentence in `text[start:end]`, trimmed of white space."""
    stop = len(text) if end is None else end
    bounds = sentence_starts(text, start, stop) + [stop]
    spans = []
    for a, b in zip(bounds, bounds[1:]):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
    return spans
