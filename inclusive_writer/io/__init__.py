"""Documents in and out: .txt/.md/.docx reading with encoding detection, atomic saves,
autosave and crash recovery. Pure Python (python-docx's lxml for .docx), no Qt."""
from __future__ import annotations

from .atomic import atomic_write_bytes, stale_temp_files
from .document import (MAX_BYTES, Document, document_from_bytes, format_for, read_bytes_as_text,
                       read_document, read_stdin, write_document)
from .encoding import convert_newlines, detect_newline
from .errors import InputError
from .paths import data_dir

__all__ = [
    "MAX_BYTES", "Document", "InputError", "atomic_write_bytes", "convert_newlines", "data_dir",
    "detect_newline", "document_from_bytes", "format_for", "read_bytes_as_text",
    "read_document", "read_stdin", "stale_temp_files", "write_document",
]
