"""The report contract: `Finding` and `Report` (see ARCHITECTURE.md)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
SEVERITY_RANK: dict[str, int] = {"error": 3, "warning": 2, "info": 1}
CATEGORIES: tuple[str, ...] = (
    "gender", "gender-coded", "age", "disability", "origin", "religion", "family",
    "appearance", "orientation", "socioeconomic", "readability", "spelling", "grammar",
)
LANGUAGES: tuple[str, ...] = ("en", "nl", "fr", "de")


@dataclass(slots=True)
class Finding:
    """One flagged span: `text[start:end] == self.text` for the analysed input."""

    start: int
    end: int
    text: str
    rule: str
    category: str
    severity: str
    message: str
    explanation: str
    source: str
    suggestions: list[str] = field(default_factory=list)
    confidence: float | None = None
    origin: str = "rule"
    language: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start, "end": self.end, "text": self.text, "rule": self.rule,
            "category": self.category, "severity": self.severity, "message": self.message,
            "explanation": self.explanation, "source": self.source,
            "suggestions": list(self.suggestions), "confidence": self.confidence,
            "origin": self.origin, "language": self.language,
        }


@dataclass(slots=True)
class Report:
    """What `analyze()` returns: language, findings sorted by position, and a summary."""

    language: str
    findings: list[Finding] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "findings": [f.to_dict() for f in self.findings],
            "summary": self.summary,
        }
