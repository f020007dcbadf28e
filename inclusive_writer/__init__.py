"""Inclusive Writer: local checking, rewriting and translation of inclusive job ads and HR texts.

`analyze(text, lang)` is the one engine every front end uses (see ARCHITECTURE.md).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from .core.model import Report


def analyze(text: str, lang: str | None = None, **options: Any) -> "Report":
    """Analyse `text` (language given or detected per paragraph) and return a `Report`."""
    from .core.engine import analyze as _analyze

    return _analyze(text, lang, **options)


__all__ = ["analyze", "__version__"]
