"""Check use case: the engine, plus spelling and the context judge when they are available."""
from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

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
    semantic: bool = False  # model flags for sentences close to exclusionary examples
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
    extra: list[Finding] = []
    if s.spelling and (s.categories is None or "spelling" in s.categories):
        extra.extend(_spelling(text, report.language))
    if s.semantic and judge is not None:
        extra.extend(_semantic(text, report))
    if any(s.extra.get(k) for k in ("grammar_server", "grammar_directory", "grammar_public_api")):
        from .grammar import check_grammar

        extra.extend(check_grammar(text, report.language, s.extra))
    if s.categories is not None:
        extra = [f for f in extra if f.category in s.categories]
    if extra:
        report.findings = resolve([(0, f) for f in report.findings] + [(5, f) for f in extra])
        from ..core.engine import FindingTally

        tally = FindingTally()
        for f in report.findings:
            tally.add(f)
        report.summary["counts"] = tally.counts
        report.summary["severity_counts"] = tally.severities
    return report


def stream_check(text: str, lang: str | None = None, *, settings: CheckSettings | None = None,
                 state: dict[str, Any] | None = None) -> Iterator[Finding]:
    """Findings in text order; streams paragraph by paragraph unless a whole-text step
    (spelling, semantic flags, grammar) is asked for. `state` receives "language" and "summary"."""
    s = settings or CheckSettings()
    state = {} if state is None else state
    if s.spelling or s.semantic or s.extra:
        report = check_text(text, lang, settings=s)
        state["language"], state["summary"] = report.language, report.summary
        yield from report.findings
        return
    from ..core.engine import engine_for

    judge = context_judge() if s.use_judge else None
    yield from engine_for(s.org_pack).stream(
        text, lang, locale=s.locale, judge=judge, categories=s.categories,
        coded_findings=s.coded_findings, readability=s.readability, style=s.style, state=state)


def _semantic(text: str, report: Report) -> list[Finding]:
    try:
        from ..ml.semantic import semantic_findings
    except ImportError:  # pragma: no cover
        return []
    try:
        return list(semantic_findings(text, report.language, report))
    except Exception as exc:  # noqa: BLE001 - a model problem must not break checking
        log.warning("semantic flags unavailable: %s", exc)
        return []


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
