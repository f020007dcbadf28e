"""`inclusive-writer check [--lang] [--format text|json|sarif] PATH... | -`"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Iterator

from ..core.model import CATEGORIES, SEVERITY_RANK, Finding
from ..services import formats

DOC_SUFFIXES = (".txt", ".md", ".markdown", ".docx")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("check", help="flag exclusionary wording in files or standard input",
                       description="Check .txt, .md and .docx files (folders recurse) or '-' for "
                       "standard input. Exit 0: nothing at or above --fail-on; 1: findings; "
                       "2: usage or input error.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, or - for stdin")
    p.add_argument("--lang", default="auto", help="auto (default), en, nl, fr, de, or nl-BE …")
    p.add_argument("--locale", default=None,
                   help="gender-label convention: BE, NL, DE, AT, CH, FR (default: from --lang)")
    p.add_argument("--format", choices=("text", "json", "sarif"), default="text")
    p.add_argument("--fail-on", choices=("error", "warning", "info"), default="warning",
                   help="lowest severity that makes the exit code 1 (default: warning)")
    p.add_argument("--min-severity", choices=("error", "warning", "info"), default="info",
                   help="hide findings below this severity")
    p.add_argument("--categories", default=None,
                   help=f"comma-separated subset of: {', '.join(CATEGORIES)}")
    p.add_argument("--org", default=os.environ.get("INCLUSIVE_WRITER_ORG"), metavar="FOLDER",
                   help="organisation rule pack (extra rules, rules switched off)")
    p.add_argument("--spelling", action="store_true", help="also check spelling")
    p.add_argument("--no-model", action="store_true", help="rules only, no context model")
    p.add_argument("--semantic", action="store_true",
                   help="also report sentences the model finds close to exclusionary examples")
    p.add_argument("--grammar-server", metavar="URL", default=None,
                   help="grammar via a LanguageTool server on this machine (e.g. http://127.0.0.1:8081)")
    p.add_argument("--grammar-dir", metavar="FOLDER", default=None,
                   help="grammar via a prepared LanguageTool folder (started locally)")
    p.add_argument("--summary", action="store_true",
                   help="text format: also print coded-word balance and readability per file")
    p.set_defaults(func=run)


def _expand(paths: list[str]) -> Iterator[str]:
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in DOC_SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            for p in found:
                yield str(p)
        else:
            yield raw


def run(args: argparse.Namespace) -> int:
    from ..io import InputError, read_document, read_stdin
    from ..rules.yamlio import DataError
    from ..services.check import CheckSettings, check_text, stream_check

    cats = [c.strip() for c in args.categories.split(",")] if args.categories else None
    if cats and set(cats) - set(CATEGORIES):
        print(f"inclusive-writer: unknown categories: {', '.join(sorted(set(cats) - set(CATEGORIES)))}",
              file=sys.stderr)
        return 2
    settings = CheckSettings(locale=args.locale, org_pack=args.org, categories=cats,
                             spelling=args.spelling, use_judge=not args.no_model,
                             semantic=args.semantic and not args.no_model,
                             extra={k: v for k, v in (("grammar_server", args.grammar_server),
                                                      ("grammar_directory", args.grammar_dir))
                                    if v})
    lang = None if args.lang == "auto" else args.lang
    try:  # usage errors first, before any output starts
        from ..core.engine import engine_for
        from ..core.language import normalize_language

        normalize_language(lang)
        engine_for(args.org)
    except (DataError, ValueError) as exc:
        print(f"inclusive-writer: {exc}", file=sys.stderr)
        return 2
    failed = False
    flag = [False]  # any finding at or above --fail-on
    results: list[tuple[str, str, object]] = []
    floor = SEVERITY_RANK[args.min_severity]
    fail_floor = SEVERITY_RANK[args.fail_on]
    single = len(args.paths) == 1 and args.paths[0] != "" and not Path(args.paths[0]).is_dir()
    out = sys.stdout
    emitted = 0
    if args.format == "json" and not single:
        out.write("[")
    for name in _expand(args.paths):
        shown = "<stdin>" if name == "-" else name
        try:
            doc = read_stdin() if name == "-" else read_document(name)
            if args.format in ("text", "json"):
                state: dict = {}
                tally = _AuditTally()
                hits = (f for f in tally.watch(stream_check(doc.text, lang, settings=settings,
                                                            state=state))
                        if SEVERITY_RANK[f.severity] >= floor)
                hits = _watch(hits, fail_floor, flag)
                if args.format == "json":
                    out.write(("," if emitted else "") + ("\n" if not single else ""))
                    formats.write_report_json(out, shown, hits, state)
                    emitted += 1
                else:
                    for line in formats.format_text(shown, doc.text, hits):
                        out.write(line + "\n")
                    if args.summary:
                        _print_summary(shown, state["language"], state["summary"])
                tally.record(doc.text, state)
                continue
            report = check_text(doc.text, lang, settings=settings)
        except InputError as exc:
            print(f"inclusive-writer: {exc}", file=sys.stderr)
            failed = True
            continue
        except (DataError, ValueError) as exc:
            print(f"inclusive-writer: {name}: {exc}", file=sys.stderr)
            return 2
        report.findings = [f for f in report.findings if SEVERITY_RANK[f.severity] >= floor]
        if formats.at_or_above(report, args.fail_on):
            flag[0] = True
        results.append((shown, doc.text, report))
        _AuditTally.from_report(report).record(doc.text, {"language": report.language,
                                                          "summary": report.summary})
        del doc
    if args.format == "json":
        if not single:
            out.write("\n]\n" if emitted else "]\n")
        elif emitted:
            out.write("\n")
    elif args.format == "sarif":
        print(formats.dumps(formats.sarif(results)))  # type: ignore[arg-type]
    any_findings = flag[0]
    sys.stdout.flush()
    if failed:
        return 2
    return 1 if any_findings else 0


class _AuditTally:
    """What the local audit log keeps of a check: rule ids and counts, never the text."""

    def __init__(self) -> None:
        self.rules: dict[str, None] = {}
        self.findings = 0
        self.suggestions = 0
        self.models: dict[str, None] = {}

    @classmethod
    def from_report(cls, report: object) -> "_AuditTally":
        tally = cls()
        for _ in tally.watch(iter(report.findings)):  # type: ignore[attr-defined]
            pass
        return tally

    def watch(self, findings: Iterator[Finding]) -> Iterator[Finding]:
        for f in findings:
            self.rules[f.rule] = None
            self.findings += 1
            self.suggestions += len(f.suggestions)
            if f.origin != "rule":
                self.models[f.origin] = None
            yield f

    def record(self, text: str, state: dict) -> None:
        try:
            from ..services.audit import default_log

            models = [{"id": m} for m in self.models]
            judge = (state.get("summary") or {}).get("judge")
            if judge:
                models.append({"id": judge, "role": "context judge"})
            default_log().record("check", text=text, language=state.get("language"),
                                 findings=self.findings, rules=list(self.rules),
                                 suggestions_shown=self.suggestions, models=models, source="cli")
        except Exception:  # noqa: BLE001 - the audit log must never break a check
            pass


def _watch(findings: Iterator[Finding], fail_floor: int, flag: list[bool]) -> Iterator[Finding]:
    for f in findings:
        if SEVERITY_RANK[f.severity] >= fail_floor:
            flag[0] = True
        yield f


def _print_summary(path: str, language: str, summary: dict) -> None:
    gc = summary["gender_coding"]
    rd = summary["readability"]
    print(f"{path}: language {language}; coding: {gc['verdict']} "
          f"({gc['masculine_count']} masculine, {gc['feminine_count']} feminine); "
          f"readability: {rd.get('formula')} {rd.get('score')} (≈{rd.get('level')}, "
          f"target {rd.get('target')})")
