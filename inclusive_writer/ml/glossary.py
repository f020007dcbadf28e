"""Translation glossary: protected terms and an organisation's preferred target terms.

File format (YAML; one file serves every language pair):

```yaml
protect: ["Acme Health", "CareConnect"]   # names, products: copied untouched
terms:                                     # preferred translations, forms aligned by position
  - en: nurse | nurses
    nl: verpleegkundige | verpleegkundigen
    de: Pflegefachkraft | Pflegefachkräfte
    avoid:                                 # target words to replace by the preferred form
      nl: ["verpleegster | verpleegsters", "verpleger | verplegers"]
```
Gender labels such as `(m/v/x)`, `(m/w/d)`, `(H/F)`, URLs and e-mail addresses are protected
by default.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from .errors import MLError

DEFAULT_PROTECT_PATTERNS: tuple[str, ...] = (
    r"\((?:[A-Za-z]{1,2}\s*[/|]\s*){1,3}[A-Za-z]{1,2}\)",   # (m/v/x), (m/w/d), (H/F), (h/f/x)
    r"\bhttps?://\S+[\w/]",
    r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b",
)


def _forms(value: str | list[str]) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [f.strip() for f in str(value).split("|") if f.strip()]


@dataclass(slots=True)
class Term:
    forms: dict[str, list[str]]                     # lang -> forms
    avoid: dict[str, list[list[str]]] = field(default_factory=dict)  # lang -> aligned form lists


@dataclass(slots=True)
class Span:
    """A protected or glossary span in a source sentence and what must stand in the target."""

    start: int
    end: int
    target: str
    kind: str  # "protect" | "term"


@dataclass(slots=True)
class Glossary:
    protect: list[str] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    patterns: tuple[str, ...] = DEFAULT_PROTECT_PATTERNS

    @classmethod
    def load(cls, path: str | Path) -> "Glossary":
        import yaml
        p = Path(path)
        try:
            data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise MLError(f"{p}: cannot read glossary ({exc}).") from exc
        return cls.from_dict(data, where=str(p))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str = "glossary") -> "Glossary":
        if not isinstance(data, Mapping):
            raise MLError(f"{where}: a glossary is a mapping with `protect` and/or `terms`.")
        protect = [str(x) for x in data.get("protect") or []]
        terms = []
        for i, raw in enumerate(data.get("terms") or []):
            if not isinstance(raw, Mapping):
                raise MLError(f"{where}: terms[{i}] must be a mapping of language -> forms.")
            forms = {k: _forms(v) for k, v in raw.items() if k != "avoid"}
            if len(forms) < 2:
                raise MLError(f"{where}: terms[{i}] needs forms in at least two languages.")
            avoid = {lang: [_forms(x) for x in (v if isinstance(v, list) else [v])]
                     for lang, v in (raw.get("avoid") or {}).items()}
            terms.append(Term(forms, avoid))
        return cls(protect, terms)

    # --- source side -------------------------------------------------------------------------
    def spans(self, sentence: str, src: str, tgt: str) -> list[Span]:
        """Non-overlapping protected/term spans in `sentence` (longest first wins)."""
        cands: list[Span] = []
        for pat in self.patterns:
            for m in re.finditer(pat, sentence):
                cands.append(Span(m.start(), m.end(), m.group(0), "protect"))
        for word in self.protect:
            for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", sentence):
                cands.append(Span(m.start(), m.end(), m.group(0), "protect"))
        for term in self.terms:
            sforms, tforms = term.forms.get(src), term.forms.get(tgt)
            if not sforms or not tforms:
                continue
            for i, form in enumerate(sforms):
                for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", sentence, re.IGNORECASE):
                    target = tforms[min(i, len(tforms) - 1)]
                    if m.group(0)[:1].isupper() and not target[:1].isupper():
                        target = target[:1].upper() + target[1:]
                    cands.append(Span(m.start(), m.end(), target, "term"))
        cands.sort(key=lambda s: (-(s.end - s.start), s.start))
        chosen: list[Span] = []
        for s in cands:
            if all(s.end <= c.start or s.start >= c.end for c in chosen):
                chosen.append(s)
        return sorted(chosen, key=lambda s: s.start)

    # --- target side -------------------------------------------------------------------------
    def enforce(self, text: str, tgt: str) -> str:
        """Replace avoided target words by the preferred form (case of the first letter kept)."""
        for term in self.terms:
            preferred = term.forms.get(tgt)
            if not preferred:
                continue
            for forms in term.avoid.get(tgt, []):
                for i, word in enumerate(forms):
                    repl = preferred[min(i, len(preferred) - 1)]

                    def _sub(m: re.Match[str], repl: str = repl) -> str:
                        return repl[:1].upper() + repl[1:] if m.group(0)[:1].isupper() else repl
                    text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", _sub, text, flags=re.IGNORECASE)
        return text


def as_glossary(value: "Glossary | Mapping[str, Any] | str | Path | None") -> Glossary:
    if value is None:
        return Glossary()
    if isinstance(value, Glossary):
        return value
    if isinstance(value, Mapping):
        return Glossary.from_dict(value)
    return Glossary.load(value)
