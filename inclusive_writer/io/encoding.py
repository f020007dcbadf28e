"""Encoding detection and re-encoding for plain-text documents.

Order of detection: BOM (UTF-8, UTF-32, UTF-16) → strict UTF-8 → UTF-16 without BOM (only
when the NUL pattern is unmistakable) → cp1252 when the bytes look like text. Anything else is
an `InputError` that says what was found and where. A file is written back in the encoding and
with the BOM it came in (`encode_text`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import InputError

BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
BOM_FOR: dict[str, bytes] = {enc: bom for bom, enc in BOMS}

# Signatures of common binary formats, to say what the file really is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a zip archive (a .docx with the wrong extension?)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE file (legacy .doc or an encrypted Office file)"),
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"{\\rtf", "an RTF document (save it as .docx or .txt)"),
)

# Control characters that never occur in ordinary text (tab, LF, VT, FF, CR, SUB, ESC allowed).
_BAD_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x19\x1c-\x1f\x7f]")
_BAD_CONTROLS_B = re.compile(rb"[\x00-\x08\x0e-\x19\x1c-\x1f\x7f]")
# A well-formed multi-byte UTF-8 sequence.
_UTF8_MULTI = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, with what is needed to write it back byte-for-byte."""

    text: str
    encoding: str  # "utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "cp1252"
    bom: bool


def _too_many_controls(count: int, length: int) -> bool:
    return count > length // 2000


def _check_text(text: str, name: str, encoding: str) -> None:
    """Refuse decoded text that is really binary (NULs or many control characters)."""
    nul = text.find("\x00")
    if nul >= 0:
        raise InputError(name, f"binary file (NUL character at position {nul} of the {encoding} text)")
    bad = len(_BAD_CONTROLS.findall(text))
    if _too_many_controls(bad, len(text)):
        raise InputError(name, f"binary file ({bad} control characters in the {encoding} text)")


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the NUL pattern says so without doubt, else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:8192]
    even_zero = sample[0::2].count(0)
    odd_zero = sample[1::2].count(0)
    pairs = len(sample) // 2
    if odd_zero >= pairs * 0.6 and even_zero == 0:
        return "utf-16-le"
    if even_zero >= pairs * 0.6 and odd_zero == 0:
        return "utf-16-be"
    return None


def _binary_reason(data: bytes) -> str | None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return f"binary file ({what})"
    nul = data.find(b"\x00")
    if nul >= 0:
        return f"binary file (NUL bytes, first at byte {nul})"
    return None


def decode_bytes(data: bytes, name: str = "<input>") -> Decoded:
    """Decode a whole text file; raise `InputError` naming `name` and the problem."""
    if not data:
        return Decoded("", "utf-8", False)
    for bom, enc in BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            if enc.startswith("utf-32") and len(body) % 4:
                continue  # FF FE 00 00 … may be UTF-16-LE starting with U+0000; decided below
            try:
                text = body.decode(enc)
            except UnicodeDecodeError as exc:
                label = enc.upper().replace("-LE", "").replace("-BE", "")
                raise InputError(
                    name, f"not valid {label} at byte {exc.start + len(bom)} "
                    f"(the file starts with a {label} byte-order mark)") from None
            _check_text(text, name, enc.upper())
            return Decoded(text, enc, True)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    else:
        if "\x00" in text:
            enc16 = _bomless_utf16(data)
            if enc16:
                return _decode_utf16_nobom(data, enc16, name)
            reason = _binary_reason(data)
            raise InputError(name, reason or "binary file (NUL bytes)")
        try:
            _check_text(text, name, "UTF-8")
        except InputError:
            reason = _binary_reason(data)
            if reason:
                raise InputError(name, reason) from None
            raise
        return Decoded(text, "utf-8", False)

    enc16 = _bomless_utf16(data)
    if enc16:
        return _decode_utf16_nobom(data, enc16, name)
    reason = _binary_reason(data)
    if reason:
        raise InputError(name, reason)
    pos = utf8_error.start
    non_ascii = len(_NON_ASCII.findall(data))
    utf8_bytes = sum(len(m) for m in _UTF8_MULTI.findall(data))
    if utf8_bytes and utf8_bytes * 2 >= non_ascii:
        raise InputError(
            name, f"mixed encodings: mostly valid UTF-8, but not valid UTF-8 at byte {pos} "
            f"(byte 0x{data[pos]:02x}); re-save the file as UTF-8")
    if _looks_like_cp1252(data):
        return Decoded(data.decode("cp1252"), "cp1252", False)
    raise InputError(name, f"not valid UTF-8 at byte {pos} and not cp1252/UTF-16 text")


def _decode_utf16_nobom(data: bytes, enc: str, name: str) -> Decoded:
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as exc:
        raise InputError(name, f"not valid UTF-16 at byte {exc.start} (UTF-16 text without "
                               "byte-order mark)") from None
    _check_text(text, name, "UTF-16")
    return Decoded(text, enc, False)


def _looks_like_cp1252(data: bytes) -> bool:
    if _CP1252_UNDEFINED.intersection(data):
        return False
    bad = len(_BAD_CONTROLS_B.findall(data))
    return not _too_many_controls(bad, len(data))


def encode_text(text: str, encoding: str, bom: bool, name: str = "<output>") -> bytes:
    """Encode `text` back into `encoding` (+BOM); `InputError` if a character does not fit."""
    try:
        body = text.encode(encoding)
    except UnicodeEncodeError as exc:
        ch = text[exc.start]
        raise InputError(
            name, f"cannot save in {encoding}: character {ch!r} (U+{ord(ch):04X}) at position "
            f"{exc.start} does not exist in that encoding; save as UTF-8 instead") from None
    return (BOM_FOR[encoding] + body) if bom else body


def detect_newline(text: str) -> str:
    """The dominant line ending: "\\n", "\\r\\n" or "\\r" ("\\n" when there is none)."""
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    best = max((lf, "\n"), (crlf, "\r\n"), (cr, "\r"), key=lambda p: p[0])
    return best[1] if best[0] else "\n"


_NEWLINES = re.compile(r"\r\n|\r|\n")


def convert_newlines(text: str, newline: str) -> str:
    """Make every line ending in `text` equal to `newline`."""
    return _NEWLINES.sub(newline, text)
