"""Report formats for the command line: linter text, JSON and SARIF 2.1.0."""
from __future__ import annotations

import json
from typing import IO, Any, Iterable, Iterator

from .. import __version__
from ..core.model import SEVERITY_RANK, Finding, Report

SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def positions(text: str, findings: Iterable[Finding]) -> Iterator[tuple[Finding, int, int, int, int]]:
    """(finding, line, column, end line, end column), 1-based, columns in code points.

    Walks the text once; `findings` must come sorted by start (as reports and streams do),
    so no line table is kept in memory.
    """
    line, line_start, pos = 1, 0, 0
    for f in findings:
        line += text.count("\n", pos, f.start)
        nl = text.rfind("\n", pos, f.start)
        if nl != -1:
            line_start = nl + 1
        pos = f.start
        end_lines = text.count("\n", f.start, f.end)
        if end_lines:
            end_col = f.end - text.rfind("\n", f.start, f.end)
        else:
            end_col = f.end - line_start + 1
        yield f, line, f.start - line_start + 1, line + end_lines, end_col


def one_line(text: str) -> str:
    return " ".join(text.split())


def format_text(path: str, text: str, findings: Iterable[Finding]) -> Iterator[str]:
    """`path:line:col severity message [rule]`, one line per finding (sorted by start).

    Lazy over `findings`, so a stream of findings is formatted as it arrives."""
    for f, line, col, _, _ in positions(text, findings):
        yield f"{path}:{line}:{col} {f.severity} {one_line(f.message)} [{f.rule}]"


def write_report_json(out: IO[str], path: str, findings: Iterable[Finding],
                      state: dict[str, Any]) -> None:
    """Write one report object while the findings stream in (memory stays bounded).

    Same keys as `Report.to_dict()` plus "path"; "language" and "summary" come after the
    findings because they are known only at the end.
    """
    out.write('{\n  "path": ' + json.dumps(path, ensure_ascii=False) + ',\n  "findings": [')
    first = True
    for f in findings:
        out.write(("\n    " if first else ",\n    ") + json.dumps(f.to_dict(), ensure_ascii=False))
        first = False
    out.write("\n  ],\n" if not first else "],\n")
    out.write('  "language": ' + json.dumps(state["language"]) + ',\n  "summary": '
              + json.dumps(state["summary"], ensure_ascii=False) + "\n}")


def report_json(path: str, report: Report) -> dict[str, Any]:
    data = report.to_dict()
    data["path"] = path
    return data


def sarif(results: list[tuple[str, str, Report]]) -> dict[str, Any]:
    """A SARIF 2.1.0 log with one run over every checked file."""
    rules: dict[str, dict[str, Any]] = {}
    out: list[dict[str, Any]] = []
    for path, text, report in results:
        for f, line, col, end_line, end_col in positions(text, report.findings):
            if f.rule not in rules:
                rules[f.rule] = {
                    "id": f.rule,
                    "shortDescription": {"text": one_line(f.message)},
                    "fullDescription": {"text": f.explanation},
                    "help": {"text": f"{f.explanation}\n\nSource: {f.source}"},
                    "properties": {"category": f.category, "source": f.source},
                    "defaultConfiguration": {"level": SARIF_LEVEL[f.severity]},
                }
            region = {"startLine": line, "startColumn": col, "endLine": end_line,
                      "endColumn": end_col, "charOffset": f.start, "charLength": f.end - f.start,
                      "snippet": {"text": f.text}}
            result: dict[str, Any] = {
                "ruleId": f.rule, "level": SARIF_LEVEL[f.severity],
                "message": {"text": one_line(f.message)},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": path},
                                                    "region": region}}],
                "properties": {"category": f.category, "origin": f.origin,
                               "suggestions": f.suggestions},
            }
            if f.confidence is not None:
                result["properties"]["confidence"] = f.confidence
            if f.suggestions:
                result["fixes"] = [{
                    "description": {"text": f"Replace with “{f.suggestions[0]}”"},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": path},
                        "replacements": [{
                            "deletedRegion": {"startLine": line, "startColumn": col,
                                              "endLine": end_line, "endColumn": end_col},
                            "insertedContent": {"text": f.suggestions[0]},
                        }],
                    }],
                }]
            out.append(result)
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "inclusive-writer", "version": __version__,
                                "semanticVersion": __version__, "rules": list(rules.values())}},
            "columnKind": "unicodeCodePoints",
            "results": out,
        }],
    }


def at_or_above(report: Report, threshold: str) -> bool:
    """Whether any finding is at least as severe as `threshold`."""
    floor = SEVERITY_RANK[threshold]
    return any(SEVERITY_RANK[f.severity] >= floor for f in report.findings)


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
