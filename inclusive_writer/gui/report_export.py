"""Findings report for a hiring manager: HTML (self-contained) and PDF (QTextDocument)."""
from __future__ import annotations

import datetime as _dt
import html
from pathlib import Path
from typing import Any

from ..core.model import CATEGORIES
from .gauges import VERDICTS
from .i18n import tr
from .theme import category_color, category_label, language_name, severity_label


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    a, b = max(0, start - width), min(len(text), end + width)
    esc = html.escape
    return (("…" if a else "") + esc(text[a:start]) + "<b><u>" + esc(text[start:end]) + "</u></b>"
            + esc(text[end:b]) + ("…" if b < len(text) else "")).replace("\n", " ")


def report_html(report: Any, text: str, findings: list, title: str = "") -> str:
    """The report as one HTML page (only the findings still visible, i.e. not ignored)."""
    esc = html.escape
    summary = getattr(report, "summary", {}) or {}
    gc = summary.get("gender_coding") or {}
    rd = summary.get("readability") or {}
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.category] = counts.get(f.category, 0) + 1
    when = _dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    out = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'>",
        f"<title>{esc(tr('Inclusive wording report'))}</title>",
        "<style>body{font-family:sans-serif;max-width:800px;margin:24px auto;color:#1f2328}"
        "h1{font-size:20pt}h2{font-size:14pt;margin-top:18px}td,th{padding:4px 8px;text-align:left}"
        ".f{margin:10px 0;padding:6px 10px;border-left:4px solid #999}.ctx{color:#444}"
        ".small{color:#666;font-size:9pt}</style></head><body>",
        f"<h1>{esc(tr('Inclusive wording report'))}</h1>",
        f"<p class='small'>{esc(title)} · {esc(when)} · {esc(tr('Language'))}: "
        f"{esc(language_name(getattr(report, 'language', None)))} · "
        f"{esc(tr('Checked on this computer by Inclusive Writer'))}</p>",
        f"<h2>{esc(tr('At a glance'))}</h2><table>",
        f"<tr><th>{esc(tr('Findings'))}</th><td>{len(findings)}</td></tr>",
    ]
    if gc:
        verdict = tr(VERDICTS.get(gc.get("verdict", ""), gc.get("verdict", "")))
        out.append(
            f"<tr><th>{esc(tr('Gender-coded wording'))}</th><td>{esc(verdict)} — "
            f"{esc(tr('masculine'))}: {gc.get('masculine_count', 0)} "
            f"({esc(', '.join(gc.get('masculine_words', [])))}); "
            f"{esc(tr('feminine'))}: {gc.get('feminine_count', 0)} "
            f"({esc(', '.join(gc.get('feminine_words', [])))})</td></tr>")
    level = next((rd.get(k) for k in ("cefr", "level", "estimated_level") if isinstance(rd.get(k), str)), None)
    if level:
        out.append(f"<tr><th>{esc(tr('Readability'))}</th><td>{esc(level)} "
                   f"({esc(tr('target'))} {esc(str(rd.get('target', 'B1')))})</td></tr>")
    out.append("</table>")
    if counts:
        out.append(f"<h2>{esc(tr('Findings per category'))}</h2><table>")
        for cat in [c for c in CATEGORIES if c in counts] + [c for c in counts if c not in CATEGORIES]:
            out.append(f"<tr><td><span style='color:{category_color(cat)}'>■</span> "
                       f"{esc(category_label(cat))}</td><td>{counts[cat]}</td></tr>")
        out.append("</table>")
    out.append(f"<h2>{esc(tr('Details'))}</h2>")
    if not findings:
        out.append(f"<p>{esc(tr('No findings.'))}</p>")
    for f in sorted(findings, key=lambda f: f.start):
        sugg = ", ".join(f"“{esc(s)}”" for s in f.suggestions if s) or "—"
        out.append(
            f"<div class='f' style='border-left-color:{category_color(f.category)}'>"
            f"<p><b>{esc(category_label(f.category))}</b> · {esc(severity_label(f.severity))}: "
            f"{esc(f.message)}</p><p class='ctx'>{_context(text, f.start, f.end)}</p>"
            f"<p>{esc(f.explanation)}</p><p>{esc(tr('Suggestions'))}: {sugg}</p>"
            f"<p class='small'>{esc(tr('Source:'))} {esc(f.source)}</p></div>")
    out.append("</body></html>")
    return "".join(out)


def write_html(path: str | Path, html_text: str) -> None:
    Path(path).write_text(html_text, encoding="utf-8")


def write_pdf(path: str | Path, html_text: str) -> None:
    """Render the HTML to an A4 PDF with Qt (no browser, no network)."""
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(150)
    writer.setTitle(tr("Inclusive wording report"))
    writer.setCreator("Inclusive Writer")
    doc = QTextDocument()
    doc.setHtml(html_text)
    doc.print_(writer)
