"""Semantic flags: sentences that *mean* something exclusionary although no rule word matches.

("You'd fit right in with our twenty-something crew.") A logistic head on the sentence vector
separates exemplar exclusionary statements (resources/judge/<lang>.yaml `semantic.exemplars`)
from clean job-ad sentences (`semantic.neutral` + the innocent judge examples); the category is
that of the nearest exemplar. Findings have severity `info`, a confidence, and origin
`model:<encoder id>`. The threshold is set above every clean calibration sentence, so plain
job-ad text stays quiet.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Sequence

from .judge import LANGS, Heads, all_examples, load_semantic, train_logreg

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from .encoder import Encoder

SEMANTIC = "_semantic"
THRESHOLD = 0.6
MIN_WORDS = 4  # headings and two-word calls to action carry no exclusionary statement

MESSAGES = {
    "en": "This sentence may read as excluding people ({category}).",
    "nl": "Deze zin kan mensen uitsluiten ({category}).",
    "fr": "Cette phrase peut exclure des personnes ({category}).",
    "de": "Dieser Satz kann Menschen ausschließen ({category}).",
}
EXPLANATION = {
    "en": "No rule word matched, but the on-device model found this sentence close in meaning to "
          "statements that discourage people because of {category}. Check whether it is needed.",
    "nl": "Geen regelwoord gevonden, maar het lokale model vond deze zin qua betekenis dicht bij "
          "uitspraken die mensen afschrikken op basis van {category}. Kijk of hij nodig is.",
    "fr": "Aucun mot de règle, mais le modèle local trouve cette phrase proche d'énoncés qui "
          "découragent des personnes pour motif de {category}. Vérifiez si elle est utile.",
    "de": "Kein Regelwort, aber das lokale Modell findet diesen Satz inhaltlich nah an Aussagen, "
          "die Menschen wegen {category} abschrecken. Prüfen Sie, ob er nötig ist.",
}


_BOUNDARY = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s|$)|\n")
_ABBREV = frozenset("""e.g i.e etc vs mr mrs ms dr prof approx incl excl no nr tel ca cf min max st
    bijv bv o.a m.a.w enz d.w.z evt resp z.b u.a bzw usw ggf inkl evtl ca d.h p.ex env mme mlle
    cie art abs""".split())


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, trimmed of surrounding whitespace.

    Splits after . ! ? … followed by white space (not inside e-mail addresses, URLs, numbers or
    after common EN/NL/FR/DE abbreviations) and at line breaks.
    """
    cuts, start = [], 0
    for m in _BOUNDARY.finditer(text):
        if m.group(0) == ".":
            before = text[start:m.start()].split()
            last = before[-1].lower().lstrip("([\"'") if before else ""
            if last in _ABBREV or (len(last) == 1 and last.isalpha()):
                continue
        cuts.append((start, m.end()))
        start = m.end()
    cuts.append((start, len(text)))
    spans = []
    for a, b in cuts:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b - a >= 2 and re.search(r"\w", text[a:b]):
            spans.append((a, b))
    return spans


def _exemplars(langs: Sequence[str] = LANGS) -> tuple[list[str], list[str], list[str]]:
    texts, cats, neutral = [], [], []
    for lang in langs:
        sem = load_semantic(lang)
        for cat, items in (sem.get("exemplars") or {}).items():
            texts += list(items)
            cats += [cat] * len(items)
        neutral += list(sem.get("neutral") or [])
    return texts, cats, neutral


def train_semantic(encoder: "Encoder", heads: Heads, langs: Sequence[str] = LANGS) -> Heads:
    """Add the semantic head (and exemplar vectors) to `heads`.

    Negatives are the clean job-ad sentences (`neutral`) and the judge's innocent examples, each
    group weighing half. The
    threshold sits above every clean job-ad sentence and above 99 % of the innocent examples
    (those are deliberate near-misses, such as "we never ask for a photo"), never below THRESHOLD.
    """
    import numpy as np
    texts, cats, clean = _exemplars(langs)
    innocent = [e.text for e in all_examples(langs) if e.label == 0]
    clean = [t for t in clean if len(t.split()) >= MIN_WORDS]  # scan() never looks at shorter ones
    xp, xc, xi = encoder.encode(texts), encoder.encode(clean), encoder.encode(innocent)
    x = np.concatenate([xp, xc, xi])
    y = np.array([1] * len(xp) + [0] * (len(xc) + len(xi)))
    # clean job-ad text and innocent near-misses weigh the same as groups (there are ten times
    # more near-misses; unweighted, they flatten the scores of real exclusionary sentences)
    sw = np.concatenate([np.ones(len(xp)), np.full(len(xc), 1.0 / max(len(xc), 1)),
                         np.full(len(xi), 1.0 / max(len(xi), 1))])
    w, b = train_logreg(x, y, sample_weight=sw)
    heads.weights[SEMANTIC], heads.biases[SEMANTIC] = w, b
    heads.weights["_exemplars"] = xp.astype(np.float32)
    heads.biases["_exemplars"] = 0.0
    max_clean = float((1 / (1 + np.exp(-(xc @ w + b)))).max()) if len(xc) else 0.0
    hard = float(np.quantile(1 / (1 + np.exp(-(xi @ w + b))), 0.99)) if len(xi) else 0.0
    heads.meta["semantic"] = {"categories": cats, "max_clean_score": round(max_clean, 4),
                              "innocent_p99_score": round(hard, 4),
                              "threshold": round(max(THRESHOLD, max_clean + 0.02, hard + 0.02), 4)}
    return heads


@dataclass(slots=True)
class SemanticHit:
    start: int
    end: int
    category: str
    confidence: float
    nearest: str


class SemanticFlagger:
    """Flags sentences close to exemplar exclusionary statements."""

    def __init__(self, encoder: "Encoder", heads: Heads, *, threshold: float | None = None) -> None:
        if SEMANTIC not in heads.weights:
            raise ValueError("these judge heads have no semantic head; retrain them")
        self.encoder = encoder
        self.heads = heads
        info = heads.meta.get("semantic") or {}
        self.categories: list[str] = list(info.get("categories") or [])
        self.threshold = threshold if threshold is not None else float(info.get("threshold", THRESHOLD))
        texts, _, _ = _exemplars()
        self._exemplar_texts = texts if len(texts) == len(self.categories) else [""] * len(self.categories)

    def scan(self, text: str, lang: str | None = None,
             skip: Sequence[tuple[int, int]] = ()) -> list[SemanticHit]:
        """Sentences of `text` at or above the threshold (sentences overlapping `skip` excluded)."""
        import numpy as np
        spans = [s for s in sentence_spans(text)
                 if len(text[s[0]:s[1]].split()) >= MIN_WORDS
                 and not any(a < s[1] and s[0] < b for a, b in skip)]
        if not spans:
            return []
        vecs = self.encoder.encode([text[a:b] for a, b in spans])
        w, b0 = self.heads.weights[SEMANTIC], self.heads.biases[SEMANTIC]
        probs = 1.0 / (1.0 + np.exp(-(vecs @ w + b0)))
        ex = self.heads.weights["_exemplars"]
        hits = []
        for (a, b), p, v in zip(spans, probs, vecs):
            if p < self.threshold:
                continue
            j = int(np.argmax(ex @ v))
            hits.append(SemanticHit(a, b, self.categories[j] if self.categories else "gender",
                                    round(float(p), 3), self._exemplar_texts[j]))
        return hits

    def findings(self, text: str, lang: str = "en", skip: Sequence[tuple[int, int]] = ()) -> list[Any]:
        """`scan` as core Findings (severity info, origin model:<encoder id>)."""
        from ..core.model import Finding
        lang = lang if lang in MESSAGES else "en"
        out = []
        for h in self.scan(text, lang, skip):
            out.append(Finding(
                start=h.start, end=h.end, text=text[h.start:h.end],
                rule=f"{lang}.{h.category}.semantic", category=h.category, severity="info",
                message=MESSAGES[lang].format(category=h.category),
                explanation=EXPLANATION[lang].format(category=h.category),
                source="On-device model (multilingual-e5-small) compared with exemplar statements "
                       "in resources/judge/.",
                suggestions=[], confidence=h.confidence, origin=f"model:{self.encoder.id}",
                language=lang))
        return out


_SHARED: list[SemanticFlagger | None] = []


def semantic_findings(text: str, lang: str, report: Any = None) -> list[Any]:
    """Semantic findings for `text` with the default judge's encoder, or [] without an encoder.

    Sentences that already carry a rule finding (other than readability/spelling/grammar) in
    `report` are skipped, so the model only adds what the rules missed. For services.check.
    """
    if not _SHARED:
        from .judge import default_judge
        j = default_judge()
        _SHARED.append(SemanticFlagger(j.encoder, j.heads) if j is not None and SEMANTIC in j.heads.weights else None)
    flagger = _SHARED[0]
    if flagger is None:
        return []
    skip = [(f.start, f.end) for f in getattr(report, "findings", [])
            if f.category not in ("readability", "spelling", "grammar")]
    return flagger.findings(text, lang, skip)


def load_flagger(encoder: "Encoder | None" = None) -> SemanticFlagger:
    from .judge import load_judge
    j = load_judge(encoder)
    return SemanticFlagger(j.encoder, j.heads)


__all__ = ["SemanticFlagger", "SemanticHit", "load_flagger", "semantic_findings", "sentence_spans", "train_semantic",
           "THRESHOLD"]
