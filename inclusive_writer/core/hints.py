"""Findings that do not come from rule packs: readability hints and coded words."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..resources import resource
from ..rules.yamlio import load_yaml
from .coding import coded_lists
from .model import Finding
from .readability import ReadabilityCounter, config as readability_config
from .text import Token


@lru_cache(maxsize=1)
def _coded_messages() -> dict[str, Any]:
    return load_yaml(resource("coded", "messages.yaml"))


def coded_word_findings(text: str, spans: list[tuple[int, int, str, str]], lang: str) -> list[Finding]:
    if not spans:
        return []
    msgs = _coded_messages()
    src = coded_lists(lang).source if coded_lists(lang) else ""
    out = []
    seen: set[tuple[int, int]] = set()
    for start, end, side, stem in spans:
        if (start, end) in seen:
            continue
        seen.add((start, end))
        out.append(Finding(
            start=start, end=end, text=text[start:end], rule=f"{lang}.gender-coded.{side}",
            category="gender-coded", severity="info", message=msgs[side].get(lang, msgs[side]["en"]),
            explanation=msgs["explanation"].get(lang, msgs["explanation"]["en"]), source=src,
            suggestions=[], language=lang,
        ))
    return out


def readability_findings(text: str, tokens: list[Token], lang: str,
                           reader: ReadabilityCounter, want_findings: bool) -> list[Finding]:
    conf = readability_config()
    lang_conf = conf["languages"][lang]
    msgs = conf["messages"]
    out: list[Finding] = []
    max_sentence, max_word = lang_conf["long_sentence"], lang_conf["long_word"]
    by_sentence: dict[int, list[Token]] = {}
    for tok in tokens:
        if tok.norm[0] != "'":
            by_sentence.setdefault(tok.sent, []).append(tok)
    for sent_tokens in by_sentence.values():
        words = [t.norm for t in sent_tokens if not t.norm[0].isdigit()]
        reader.feed_sentence(words)
        if not want_findings:
            continue
        if len(words) > max_sentence:
            s, e = sent_tokens[0].start, sent_tokens[-1].end
            out.append(Finding(
                start=s, end=e, text=text[s:e], rule=f"{lang}.readability.long-sentence",
                category="readability", severity="info",
                message=msgs["long_sentence"][lang].format(n=len(words), max=20),
                explanation=msgs["long_sentence_explanation"][lang],
                source=msgs["source"][lang], suggestions=[], language=lang,
            ))
        for t in sent_tokens:
            if len(t.norm) > max_word and t.norm.isalpha():
                out.append(Finding(
                    start=t.start, end=t.end, text=text[t.start:t.end],
                    rule=f"{lang}.readability.long-word", category="readability",
                    severity="info", message=msgs["long_word"][lang].format(n=len(t.norm)),
                    explanation=msgs["long_word_explanation"][lang],
                    source=msgs["source"][lang], suggestions=[], language=lang,
                ))
    return out
