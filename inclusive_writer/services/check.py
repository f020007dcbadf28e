"""Check use case: the engine, plus spelling and the context judge when they are available."""
from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.model import Finding, Report
from ..core.spans import resolve

log = logging.getLogger(__name__)


@dataclass(slots=True)
class CheckSettings:
    """What a check includes. Defaults suit a job ad checked as you type."""

    locale: str | None = None
    org_pack: str | None = None
    categories: list[str] | None = None
    spelling: bool = False
    use_judge: bool = True
    coded_findings: bool = False
    readability: bool = True
    style: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


_JUDGE_STATE: dict[str, Any] = {"loaded": False, "judge": None, "said": False}


def context_judge() -> Any | None:
    """The installed context judge, or None (rules only); says so once on stderr."""
    if os.environ.get("INCLUSIVE_WRITER_NO_JUDGE"):
        return None
    if not _JUDGE_STATE["loaded"]:
        _JUDGE_STATE["loaded"] = True
        try:
            from ..ml import judge as judge_mod  # lazy: may pull in the encoder

            _JUDGE_STATE["judge"] = judge_mod.default_judge()
        except Exception as exc:  # noqa: BLE001 - no model means rules only
            log.debug("context judge unavailable: %s", exc)
            _JUDGE_STATE["judge"] = None
        if _JUDGE_STATE["judge"] is None and not _JUDGE_STATE["said"]:
            _JUDGE_STATE["said"] = True
            print("inclusive-writer: no context model installed; checking with rules only.",
                  file=sys.stderr)
    return _JUDGE_STATE["judge"]


def check_text(text: str, lang: str | None = None, *,
               settings: CheckSettings | None = None) -> Report:
    """Analyse `text` with the engine (+ spelling, + judge) into one report."""
    from ..core.engine import analyze

    s = settings or CheckSettings()
    judge = context_judge() if s.use_judge else None
    report = analyze(text, lang, locale=s.locale, config=s.org_pack, judge=judge,
                     categories=s.categories, coded_findings=s.coded_findings,
                     readability=s.readability, style=s.style)
    if s.spelling and (s.categories is None or "spelling" in s.categories):
        extra = _spelling(text, report.language)
        if extra:
            merged = resolve([(0, f) for f in report.findings] + [(5, f) for f in extra])
            report.findings = merged
            report.summary["counts"]["spelling"] = sum(1 for f in merged if f.category == "spelling")
    return report


def _spelling(text: str, lang: str) -> list[Finding]:
    try:
        from . import spelling
    except ImportError:  # pragma: no cover - module not installed
        return []
    return list(spelling.check_spelling(text, lang))


def check_path(path: str | Path, lang: str | None = None, *,
               settings: CheckSettings | None = None) -> tuple[Any, Report]:
    """Read a document (txt/md/docx) and check it; raises `io.InputError` on bad input."""
    from ..io import read_document

    doc = read_document(path)
    return doc, check_text(doc.text, lang, settings=settings)
