"""The analysis engine: `analyze(text, lang) -> Report`.

The text is cut into paragraphs (and long paragraphs into chunks, so memory stays bounded),
each paragraph is analysed in its own language, and the findings of every step are merged
so that spans never cross.
"""
from __future__ import annotations

import re
import threading
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Protocol

from ..rules.loader import OrgConfig, Pack, Rule, load_builtin_pack, load_org_pack
from .coding import CodingCounter, coded_lists, summarize
from .hints import coded_word_findings, readability_findings
from .labels import Label, LabelPolicy, find_labels
from .pairs import drop_inclusive_forms, label_after
from .language import detect, normalize_language
from .matcher import CompiledPack, RawMatch
from .model import CATEGORIES, LANGUAGES, Finding, Report
from .readability import ReadabilityCounter, combine
from .spans import resolve
from .suggest import suggestions
from .text import assign_sentences, clean_word, paragraphs, sentence_starts, tokenize

MAX_CHUNK = 20_000
_CHUNK_BREAK_RE = re.compile(r"[.!?]\s|\n|\s")


class ContextJudge(Protocol):
    """A model that decides whether an ambiguous match is really about people."""

    model_id: str

    def judge(self, rule_id: str, lang: str, sentence: str, start: int, end: int) -> float: ...


@dataclass(slots=True)
class Segment:
    start: int
    end: int
    language: str


def _chunks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split a long paragraph at sentence ends, line breaks or spaces, ≤ MAX_CHUNK chars."""
    while end - start > MAX_CHUNK:
        limit = start + MAX_CHUNK
        cut = -1
        for m in _CHUNK_BREAK_RE.finditer(text, limit - MAX_CHUNK // 4, limit):
            cut = m.end()
        if cut <= start:
            cut = limit
            while cut > start + 1 and (text[cut].isalnum() or _is_mark(text[cut])):
                cut -= 1  # never split inside a word or a grapheme
            if cut <= start + 1:
                cut = limit
        yield start, cut
        start = cut
    if end > start:
        yield start, end


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch).startswith("M") or ch in "\u200d\ufe0f"


class Engine:
    """Compiled rule packs for one organisation configuration (thread-safe, cached)."""

    def __init__(self, config: OrgConfig | None = None,
                 packs: dict[str, "Pack"] | None = None) -> None:
        self.config = config or OrgConfig()
        self._base = dict(packs or {})
        self._packs: dict[str, CompiledPack] = {}
        self._lock = threading.Lock()

    def pack(self, lang: str) -> CompiledPack:
        with self._lock:
            cp = self._packs.get(lang)
            if cp is None:
                base = self._base.get(lang) or load_builtin_pack(lang)
                rules = {r.id: r for r in base.rules}
                for extra in self.config.rules.get(lang, []):
                    rules[extra.id] = extra
                active = [r for r in rules.values() if not self.config.disables(r)]
                sets = dict(base.sets)
                sets.update(self.config.sets.get(lang, {}))
                cp = CompiledPack.build(Pack(lang, list(rules.values()), sets, base.files), active)
                self._packs[lang] = cp
            return cp

    # -- the public entry -------------------------------------------------------------------

    def analyze(self, text: str, lang: str | None = None, **options: Any) -> Report:
        """Analyse `text`; options: locale, judge, categories, coded_findings, readability, style."""
        state: dict[str, Any] = {}
        findings = list(self.stream(text, lang, state=state, **options))
        return Report(state["language"], findings, state["summary"])

    def stream(self, text: str, lang: str | None = None, *, locale: str | None = None,
               judge: ContextJudge | None = None, categories: list[str] | None = None,
               coded_findings: bool = False, readability: bool = True,
               style: str | None = None, state: dict[str, Any] | None = None) -> Iterator[Finding]:
        """Yield findings in text order, paragraph by paragraph (memory stays bounded).

        When the iteration ends, `state` holds "language" and "summary".
        """
        if not isinstance(text, str):
            raise TypeError(f"analyze() needs text (str), got {type(text).__name__}")
        state = {} if state is None else state
        code, region = normalize_language(lang)
        locale = (locale or region or self.config.locale.get(code or "", None))
        locale = locale.upper() if locale else None
        wanted = set(categories) if categories else None
        if wanted:
            unknown = wanted - set(CATEGORIES)
            if unknown:
                raise ValueError(f"unknown categories: {', '.join(sorted(unknown))}")

        segments = self._segments(text, code)
        main = code or _main_language(segments) or "en"
        labels = find_labels(text) if segments else []
        policies: dict[str, LabelPolicy] = {
            main: LabelPolicy.for_language(main, locale)}
        coding: dict[str, CodingCounter] = {}
        reading: dict[str, ReadabilityCounter] = {}
        tally = FindingTally()
        pending = self._label_findings(text, labels, policies, main, locale, wanted)
        next_label = 0
        valid_label: dict[str, bool] = {}
        uniform = not coded_findings and len({s.language for s in segments}) == 1
        for seg in segments:
            lang_code = seg.language
            policy = policies.get(lang_code)
            if policy is None:
                policy = policies[lang_code] = LabelPolicy.for_language(
                    lang_code, locale if code else None)
            counter = coding.get(lang_code)
            if counter is None and coded_lists(lang_code) is not None:
                counter = coding[lang_code] = CodingCounter(
                    coded_lists(lang_code), keep_spans=coded_findings)  # type: ignore[arg-type]
                if uniform:
                    counter.feed(text)  # one pass over the whole text
            new_spans: list[tuple[int, int, str, str]] = []
            if counter is not None and not uniform:
                before = len(counter.spans)
                counter.feed(text[seg.start:seg.end], seg.start)
                new_spans = counter.spans[before:]
                if not coded_findings:
                    counter.spans.clear()
            reader = reading.setdefault(lang_code, ReadabilityCounter(lang_code))
            if lang_code not in valid_label:  # once per language, not per paragraph
                valid_label[lang_code] = policy.checks_labels and any(map(policy.valid, labels))
            found = self._analyze_segment(text, seg, policy, labels, valid_label[lang_code], judge,
                                          reader, readability,
                                          style or self.config.style.get(lang_code))
            found.extend((3, f) for f in coded_word_findings(text, new_spans, lang_code))
            if wanted is not None:
                found = [(p, f) for p, f in found if f.category in wanted]
            if self.config.disabled_categories or self.config.disabled_words:
                found = [(p, f) for p, f in found if not self._switched_off(f)]
            batch = resolve(found)
            while next_label < len(pending) and pending[next_label].start < seg.end:
                batch.append(pending[next_label])
                next_label += 1
            batch.sort(key=lambda f: (f.start, -(f.end - f.start)))
            for f in batch:
                tally.add(f)
                yield f
        for f in pending[next_label:]:
            tally.add(f)
            yield f
        state["language"] = main
        state["summary"] = self._summary(tally, coding, reading, main, segments, locale, judge)

    def _switched_off(self, f: Finding) -> bool:
        cfg = self.config
        return f.category in cfg.disabled_categories or \
            " ".join(f.text.lower().split()) in cfg.disabled_words

    # -- steps -----------------------------------------------------------------------------

    def _segments(self, text: str, lang: str | None) -> list[Segment]:
        spans = [c for p in paragraphs(text) for c in _chunks(text, *p)]
        if lang:
            return [Segment(s, e, lang) for s, e in spans]
        doc_lang, _ = detect(text[:5000], None)
        if doc_lang is None:
            doc_lang = "en"
        out = []
        for s, e in spans:
            seg_lang, _ = detect(text[s:min(e, s + 2000)], doc_lang)
            out.append(Segment(s, e, seg_lang or doc_lang))
        return out

    def _analyze_segment(self, text: str, seg: Segment, policy: LabelPolicy, labels: list[Label],
                         has_valid_label: bool, judge: ContextJudge | None,
                         reader: ReadabilityCounter, readability: bool,
                         style: str | None) -> list[tuple[int, Finding]]:
        cp = self.pack(seg.language)
        tokens = tokenize(text, seg.start, seg.end)
        starts = sentence_starts(text, seg.start, seg.end)
        assign_sentences(tokens, starts)
        out: list[tuple[int, Finding]] = []
        found = cp.find(text, tokens, seg.start, seg.end)
        raws = drop_inclusive_forms(text, [m for m in found if cp.accepts(tokens, m)], found,
                                     policy)
        for m in raws:
            f = self._finding(text, m, cp, policy, labels, has_valid_label, style)
            if f is None:
                continue
            if m.rule.ambiguous and judge is not None:
                s_start, s_end = _sentence_bounds(starts, seg.end, m.start)
                sentence = text[s_start:s_end]
                p = float(judge.judge(m.rule.id, seg.language, sentence, m.start - s_start,
                                      m.end - s_start))
                if p < getattr(judge, "drop_below", 0.5):
                    continue
                f.confidence = round(p, 3)
                f.origin = f"rule+model:{getattr(judge, 'model_id', 'judge')}"
            priority = 0 if m.rule.pattern is None and m.last > m.first else 1
            out.append((priority, f))
        out.extend((2, f) for f in readability_findings(text, tokens, seg.language, reader,
                                                         readability))
        return out

    def _finding(self, text: str, m: RawMatch, cp: CompiledPack, policy: LabelPolicy,
                 labels: list[Label], has_valid_label: bool, style: str | None) -> Finding | None:
        rule = m.rule
        matched = text[m.start:m.end]
        shown = " ".join(clean_word(matched).split())
        severity = rule.severity
        explanation = rule.explanation
        sugg = suggestions(rule, m.form, matched, prefix=m.prefix, words=m.words,
                           groups=m.groups, style=style,
                           sentence_start=_at_sentence_start(text, m.start))
        if rule.job_title and policy.exempt and policy.checks_labels:
            after = label_after(text, m.end, labels)
            if after is not None:
                return None  # labelled title: fine, or the label itself is flagged
            label = policy.label_text()
            if has_valid_label:
                severity = "info"
                explanation = policy.message("covered") + " " + explanation
            elif label:
                labelled = f"{shown} {label}"
                if labelled not in sugg:
                    sugg.append(labelled)
        return Finding(
            start=m.start, end=m.end, text=matched, rule=rule.id, category=rule.category,
            severity=severity, message=rule.message.replace("{match}", shown),
            explanation=explanation, source=rule.source, suggestions=sugg,
            language=cp.language,
        )

    def _label_findings(self, text: str, labels: list[Label], policies: dict[str, LabelPolicy],
                        main: str, locale: str | None, wanted: set[str] | None) -> list[Finding]:
        if wanted is not None and "gender" not in wanted:
            return []
        policy = policies.get(main)
        if policy is None or not policy.checks_labels:
            return []
        if self.config.disabled_categories & {"gender"}:
            return []
        out = []
        suggest = policy.label_text()
        for lb in labels:
            if policy.valid(lb):
                continue
            found = lb.text
            target = suggest or "(m/f/x)"
            out.append(Finding(
                start=lb.start, end=lb.end, text=found, rule=f"{main}.gender.label-excludes",
                category="gender", severity="warning",
                message=policy.message("excludes", found=found, label=target),
                explanation=policy.message("excludes_explanation"), source=policy.source(),
                suggestions=[target], language=main,
            ))
        return out

    def _summary(self, tally: "FindingTally", coding: dict[str, CodingCounter],
                 reading: dict[str, ReadabilityCounter], main: str, segments: list[Segment],
                 locale: str | None, judge: ContextJudge | None) -> dict[str, Any]:
        counts, severities = tally.counts, tally.severities
        langs: dict[str, int] = {}
        for seg in segments:
            langs[seg.language] = langs.get(seg.language, 0) + (seg.end - seg.start)
        order = [main] + [lang for lang in coding if lang != main]
        summary: dict[str, Any] = {
            "gender_coding": summarize([coding[lang] for lang in order if lang in coding]),
            "readability": combine(list(reading.values()), main),
            "counts": counts,
            "severity_counts": severities,
            "languages": sorted(langs, key=lambda k: -langs[k]),
            "locale": locale,
            "judge": getattr(judge, "model_id", None) if judge is not None else None,
        }
        if len(langs) > 1:
            summary["paragraph_languages"] = [[s.start, s.end, s.language] for s in segments]
        return summary


def _at_sentence_start(text: str, pos: int) -> bool:
    """Whether only white space, bullets or quotes stand between `pos` and a sentence end."""
    i = pos - 1
    while i >= 0 and (text[i] in " \t\"'“‘«(•*-–—" ):
        i -= 1
    return i < 0 or text[i] in "\n.!?:…"


class FindingTally:
    """Counts per category and severity, kept while findings stream past."""

    __slots__ = ("counts", "severities")

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.severities = {"error": 0, "warning": 0, "info": 0}

    def add(self, f: Finding) -> None:
        self.counts[f.category] = self.counts.get(f.category, 0) + 1
        self.severities[f.severity] += 1


def _main_language(segments: list[Segment]) -> str | None:
    sizes: dict[str, int] = {}
    for s in segments:
        sizes[s.language] = sizes.get(s.language, 0) + s.end - s.start
    return max(sizes, key=lambda k: sizes[k]) if sizes else None


def _sentence_bounds(starts: list[int], end: int, pos: int) -> tuple[int, int]:
    i = bisect_right(starts, pos) - 1
    return starts[max(i, 0)], starts[i + 1] if i + 1 < len(starts) else end


_ENGINES: dict[Any, Engine] = {}
_ENGINES_LOCK = threading.Lock()


def engine_for(config: OrgConfig | str | Path | None = None) -> Engine:
    """A cached engine for the built-in rules, optionally with an organisation pack."""
    if isinstance(config, (str, Path)):
        config = load_org_pack(config)
    key = config.cache_key() if config is not None else None
    with _ENGINES_LOCK:
        eng = _ENGINES.get(key)
        if eng is None:
            eng = _ENGINES[key] = Engine(config)
        return eng


def analyze(text: str, lang: str | None = None, *, config: OrgConfig | str | Path | None = None,
            **options: Any) -> Report:
    """Analyse `text`; see `Engine.analyze` for the options."""
    return engine_for(config).analyze(text, lang, **options)


def rules_for(lang: str, config: OrgConfig | None = None) -> list[Rule]:
    """The active rules of one language (for listings and coverage counts)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    return engine_for(config).pack(lang).rules
