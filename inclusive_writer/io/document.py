"""`Document`, `read_document`, `read_bytes_as_text`, `write_document`."""
from __future__ import annotations

import errno
import os
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from . import docxfile
from .atomic import atomic_write_bytes
from .encoding import Decoded, convert_newlines, decode_bytes, detect_newline, encode_text
from .errors import InputError

MAX_BYTES = 64 * 1024 * 1024
"""Default size limit for one document (a 50 MB text passes, a 100 MB one is refused)."""

FORMATS = ("txt", "md", "docx")
_EXT_FORMAT = {".docx": "docx", ".docm": "docx", ".dotx": "docx", ".md": "md",
               ".markdown": "md", ".txt": "txt", ".text": "txt"}


@dataclass(slots=True)
class Document:
    """A document as read from disk (or bytes) with what is needed to write it back faithfully.

    `text` is exact: line endings are kept as they were (`newline` names the dominant one).
    For .docx, `paragraphs` lists each paragraph's text (`text` is them joined by "\\n").
    """

    text: str
    path: Path | None = None
    format: str = "txt"
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"
    paragraphs: list[str] | None = None
    size: int = 0
    mtime_ns: int | None = None
    _source: bytes | None = field(default=None, repr=False)  # original .docx bytes

    @property
    def name(self) -> str:
        return os.fspath(self.path) if self.path is not None else "<input>"

    def changed_on_disk(self) -> bool:
        """True when the file on disk was modified or removed since it was read."""
        if self.path is None or self.mtime_ns is None:
            return False
        try:
            st = os.stat(self.path)
        except OSError:
            return True
        return st.st_mtime_ns != self.mtime_ns or st.st_size != self.size


def format_for(path: str | os.PathLike[str]) -> str:
    """'docx', 'md' or 'txt' from the file name (unknown extensions are read as text)."""
    return _EXT_FORMAT.get(Path(path).suffix.lower(), "txt")


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB"


def _read_limited(fh: BinaryIO, limit: int, name: str) -> bytes:
    chunks, total = [], 0
    while True:
        chunk = fh.read(min(1 << 20, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise InputError(name, f"file too large (> {_mb(limit)})")
    return b"".join(chunks)


def read_bytes_as_text(data: bytes, name: str = "<input>") -> Document:
    """Decode text bytes (UTF-8 ± BOM, UTF-16/32 with BOM, cp1252) into a `Document`."""
    dec: Decoded = decode_bytes(data, name)
    return Document(text=dec.text, path=None, format="txt", encoding=dec.encoding, bom=dec.bom,
                    newline=detect_newline(dec.text), size=len(data))


def document_from_bytes(data: bytes, name: str, fmt: str = "txt",
                        path: Path | None = None) -> Document:
    """A `Document` from in-memory bytes of any supported format."""
    if fmt == "docx":
        content = docxfile.load_docx(data, name)
        paras = [p.text for p in content.paragraphs]
        return Document(text="\n".join(paras), path=path, format="docx", encoding="utf-8",
                        newline="\n", paragraphs=paras, size=len(data), _source=data)
    doc = read_bytes_as_text(data, name)
    doc.path, doc.format = path, fmt
    return doc


def read_document(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES,
                  format: str | None = None) -> Document:  # noqa: A002 - public name
    """Read a .txt, .md or .docx file without modifying it; `InputError` on any problem."""
    name = os.fspath(path)
    fmt = format or format_for(path)
    if fmt not in FORMATS:
        raise InputError(name, f"unsupported format {fmt!r} (use txt, md or docx)")
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(name, flags | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputError(name, "file vanished or does not exist") from None
    except IsADirectoryError:
        raise InputError(name, "is a folder, not a file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as exc:
        raise InputError(name, f"cannot open: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(name, "is a folder, not a file")
        if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
            raise InputError(name, f"file too large (> {_mb(max_bytes)}; it has "
                                   f"{_mb(st.st_size)})")
        if not stat.S_ISREG(st.st_mode):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=True) as fh:
            fd = -1
            data = _read_limited(fh, max_bytes, name)
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(name, "file vanished while it was being read") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as exc:
        if exc.errno == errno.EISDIR:
            raise InputError(name, "is a folder, not a file") from None
        raise InputError(name, f"read error: {exc.strerror or exc}") from None
    finally:
        if fd >= 0:
            os.close(fd)
    doc = document_from_bytes(data, name, fmt, Path(name))
    doc.mtime_ns = st.st_mtime_ns
    return doc


def read_stdin(*, max_bytes: int = MAX_BYTES, name: str = "<stdin>") -> Document:
    """Read standard input as text (same detection and limits as files)."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError(name, "no standard input available")
    try:
        data = _read_limited(stream, max_bytes, name)
    except OSError as exc:
        raise InputError(name, f"read error: {exc.strerror or exc}") from None
    return read_bytes_as_text(data, name)


def _new_docx_bytes(text: str, name: str) -> bytes:
    """A fresh .docx holding `text` (one paragraph per line)."""
    import io as _io

    import docx  # python-docx; only needed when creating a .docx from scratch

    docxfile._check_xml_chars(text, name)
    d = docx.Document()
    body = d.element.body
    for p in list(body.iterchildren(docxfile.W + "p")):
        body.remove(p)
    buf = _io.BytesIO()
    d.save(buf)
    content = docxfile.load_docx(buf.getvalue(), name)
    docxfile.apply_text(content, text, name)
    return docxfile.serialize_docx(content)


def write_document(target: Document | str | os.PathLike[str], text: str, *,
                   path: str | os.PathLike[str] | None = None, format: str | None = None,  # noqa: A002
                   encoding: str | None = None, bom: bool | None = None,
                   newline: str | None = None) -> Document:
    """Save `text` atomically and return the `Document` now on disk.

    `target` is the `Document` that was read (its encoding, BOM and .docx structure are
    reused: edited paragraphs change, everything else is kept) or a path. `path` saves
    elsewhere ("save as"). `newline`, when given, converts every line ending in `text`.
    Raises `InputError` (file + problem) and then leaves the existing file untouched.
    The returned `Document.text` is what is now on disk: for .docx it equals `text` except
    for empty paragraphs Word requires (see `docxfile.apply_text`).
    """
    doc = target if isinstance(target, Document) else None
    dest = Path(path) if path is not None else (doc.path if doc is not None else Path(target))
    if dest is None:
        raise InputError("<output>", "no file name to save to")
    name = os.fspath(dest)
    fmt = format or (doc.format if doc is not None and path is None else format_for(dest))
    if newline is not None:
        text = convert_newlines(text, newline)
    if fmt == "docx":
        source = doc._source if doc is not None and doc.format == "docx" else None
        if source is None and doc is None and dest.exists():
            source = read_document(dest, format="docx")._source
        kept: list[int] = []
        if source is not None:
            content = docxfile.load_docx(source, name)  # fresh tree: `doc` stays pristine
            docxfile.apply_text(content, text, name)
            kept = content.kept_empty
            data = docxfile.serialize_docx(content)
        else:
            data = _new_docx_bytes(text, name)
        check = docxfile.load_docx(data, name)
        lines = [p.text for p in check.paragraphs]
        # never write something that would not read back as the text (see apply_text)
        if not docxfile.matches_with_kept(lines, kept, text.split("\n")):
            raise InputError(name, "internal error: the .docx would not read back identically; "
                                   "nothing was changed")
        new = Document(text=check.text, path=dest, format="docx", encoding="utf-8",
                       newline="\n", paragraphs=lines, size=len(data), _source=data)
    else:
        enc = encoding or (doc.encoding if doc is not None else "utf-8")
        use_bom = bom if bom is not None else (doc.bom if doc is not None and encoding is None
                                               else False)
        data = encode_text(text, enc, use_bom, name)
        new = Document(text=text, path=dest, format=fmt, encoding=enc, bom=use_bom,
                       newline=detect_newline(text), size=len(data))
    real = atomic_write_bytes(dest, data, name=name)
    try:
        new.mtime_ns = os.stat(real).st_mtime_ns
    except OSError:
        pass
    return new
