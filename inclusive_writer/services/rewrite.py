"""Rewrite use case: one edit per finding that has a fix, in the chosen inclusive style.

`propose_rewrite(text, lang)` analyses the text, picks for every finding the suggestion that
follows the style (organisation setting or `style=`), widens it to the article and adjectives
that must agree, adds English singular-they edits, resolves overlaps and checks that the
result does not raise the same findings again. `Rewrite.apply(accepted_ids)` gives the text
with the accepted edits; `Rewrite.applied(ids).revert(id)` undoes one of them.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ..core.agreement import agree, resolve_style, style_order
from ..core.edits import (Applied, Edit, EditError, check_edit, is_grapheme_boundary,
                          resolve_overlaps, splice)
from ..core.model import Finding, Report

__all__ = ["Rewrite", "propose_rewrite", "PRONOUN_MODES"]

PRONOUN_MODES = ("job-ad", "neutral", "off")
SKIP_CATEGORIES = {"readability", "gender-coded", "spelling", "grammar"}
_PRONOUN_FINDING = re.compile(
    r"(?i)^(?:he|she|him|her|his|hers|himself|herself|he\s*/\s*she|she\s*/\s*he|he or she|"
    r"she or he|s/he|\(s\)he|s\(he\)|him or her|her or him|him\s*/\s*her|his or her|her or his|"
    r"his\s*/\s*her|himself or herself|himself\s*/\s*herself|him- or herself)$")
_DE_ARTICLES = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "eines",
                "einer", "kein", "keine", "keinen", "unser", "unsere", "unseren", "unserem",
                "unserer", "unseres", "diese", "dieser", "diesen", "diesem", "dieses", "jeder",
                "jede", "jeden", "jedem", "jedes"}
_DOUBLET_SPLIT = re.compile(r"\s+(?:oder|und|bzw\.|ou|et|of|en|or|and)\s+|\s*/\s*")


@dataclass
class Rewrite:
    """Proposed edits for one text (non-overlapping, sorted, ids e1, e2, …)."""

    text: str
    language: str
    edits: list[Edit]
    style: str | None = None
    pronouns: str = "job-ad"
    report: Report | None = None
    skipped: list[tuple[Finding, str]] = field(default_factory=list)

    def _chosen(self, accepted_ids: Iterable[str] | None) -> list[Edit]:
        if accepted_ids is None:
            return list(self.edits)
        wanted = set(accepted_ids)
        unknown = wanted - {e.id for e in self.edits}
        if unknown:
            raise KeyError(f"unknown edit ids: {', '.join(sorted(unknown))}")
        return [e for e in self.edits if e.id in wanted]

    def apply(self, accepted_ids: Iterable[str] | None = None) -> str:
        """The text with the accepted edits (all edits when `accepted_ids` is None)."""
        return splice(self.text, self._chosen(accepted_ids))

    def applied(self, accepted_ids: Iterable[str] | None = None) -> Applied:
        """Like `apply`, as an `Applied` that can revert any single edit."""
        return Applied.build(self.text, self._chosen(accepted_ids))

    def to_dict(self) -> dict[str, Any]:
        return {"language": self.language, "style": self.style, "pronouns": self.pronouns,
                "edits": [dict(e.to_dict(), text=self.text[e.start:e.end],
                               message=getattr(e.finding, "message", "")) for e in self.edits]}


# --------------------------------------------------------------------------- rule data

def _rules_by_id(engine: Any, lang: str) -> dict[str, Any]:
    try:
        return {r.id: r for r in engine.pack(lang).rules}
    except Exception:  # noqa: BLE001 - a broken pack must not stop other languages
        return {}


def _alt_for(rule: Any, suggestion: str) -> tuple[Any | None, str | None]:
    """The alternative (and its form) a suggestion was made from; compound prefixes allowed."""
    if rule is None:
        return None, None
    low = " ".join(suggestion.lower().split())
    best = (None, None, -1)
    for alt in rule.alternatives:
        for form in alt.forms:
            f = " ".join(form.lower().split())
            if "{" in f or not f:
                continue
            if low == f or (low.endswith(f) and len(f) > best[2]):
                if low == f:
                    return alt, form
                best = (alt, form, len(f))
    return best[0], best[1]


def _alt_style(lang: str, alt: Any, suggestion: str) -> str:
    """The style of a suggestion: its alternative's tag, else read from the spelling."""
    tagged = getattr(alt, "style", None) if alt is not None else None
    if tagged:
        return tagged
    if lang == "de" and "*" in suggestion:
        return "star"
    if lang == "de" and re.search(r"\w:in", suggestion):
        return "colon"
    if lang == "fr" and "·" in suggestion:
        return "median"
    if lang in ("de", "fr") and _DOUBLET_SPLIT.search(suggestion):
        return "doublet"
    if alt is None and re.search(r"\([a-zA-Z]/[a-zA-Z]", suggestion):
        return "label-only"
    return "neutral"


def _style_rank(lang: str, style: str, alt_style: str) -> int:
    order = style_order(lang, style)
    if alt_style in order:
        return order.index(alt_style)
    return len(order) + (5 if alt_style == "label-only" else 0)


def _derived_doublet(lang: str, matched: str, suggestion: str, old_gender: str | None) -> str | None:
    """A doublet from an inclusive spelling: Verkäufer*in → Verkäuferin oder Verkäufer,
    vendeur·euse → vendeur ou vendeuse (only from a masculine noun)."""
    if old_gender != "m":
        return None
    if lang == "de":
        m = re.fullmatch(r"(.+?)[*:_](in|innen)", suggestion)
        if not m:
            return None
        fem = m.group(1) + m.group(2)
        plural = m.group(2) == "innen"
        return f"{fem} und {matched}" if plural else f"{fem} oder {matched}"
    if lang == "fr":
        m = re.fullmatch(r"(.+?)·([^\s·]+?)(?:·?(s))?", suggestion)
        if not m:
            return None
        masc, suf, pl = m.group(1), m.group(2), m.group(3) or ""
        fem = _fr_feminine_noun(masc, suf)
        return f"{masc}{pl} et {fem}{pl}" if pl else f"{masc} ou {fem}"
    return None


def _fr_feminine_noun(masc: str, suffix: str) -> str:
    if suffix == "e":
        return masc + "e"
    if suffix == "rice" and masc.endswith("teur"):
        return masc[:-3] + "rice"
    if suffix in ("ère", "ière") and masc.endswith(("er", "ier")):
        return masc[:-2] + "ère"
    if suffix in ("ne", "le", "te"):
        return masc + suffix
    k = masc.rfind(suffix[0])
    return masc[:k] + suffix if k > 0 else masc + suffix


def _convert_marker(lang: str, style: str, suggestion: str) -> str:
    """Verkäufer:in ↔ Verkäufer*in when the rule only has the other spelling."""
    if lang == "de" and style == "star":
        return re.sub(r"(?<=\w):(?=in)", "*", suggestion)
    if lang == "de" and style == "colon":
        return re.sub(r"(?<=\w)\*(?=in)", ":", suggestion)
    return suggestion


def _doublet_pair(matched: str, suggestion: str, old_gender: str | None) -> tuple[str, str] | None:
    """(masculine, feminine) nouns from a doublet suggestion like 'Verkäuferin oder Verkäufer'."""
    parts = [p for p in _DOUBLET_SPLIT.split(suggestion) if p]
    if len(parts) != 2:
        return None
    a, b = parts
    m_low = matched.lower()
    if old_gender == "m":
        return (a, b) if a.lower() == m_low or b.lower() != m_low and len(a) <= len(b) else (b, a)
    if old_gender == "f":
        return (b, a) if a.lower() == m_low else (a, b)
    return (a, b) if len(a) <= len(b) else (b, a)


def _label(lang: str, locale: str | None) -> str | None:
    try:
        from ..core.labels import LabelPolicy

        return LabelPolicy.for_language(lang, locale).label_text()
    except Exception:  # noqa: BLE001
        return None


# --------------------------------------------------------------------------- edits per finding

def _candidates(text: str, f: Finding, lang: str, style: str, rule: Any,
                locale: str | None) -> list[tuple[int, int, str, str]]:
    """Possible (start, end, replacement, style) for one finding, best first."""
    old_g = getattr(rule, "gender", None)
    ranked = []
    for k, sugg in enumerate(f.suggestions):
        alt, _form = _alt_for(rule, sugg)
        a_style = _alt_style(lang, alt, sugg)
        ranked.append((_style_rank(lang, style, a_style), k, sugg, alt, a_style))
        if style == "doublet" and a_style in ("star", "colon", "median"):
            derived = _derived_doublet(lang, f.text, _convert_marker(lang, "star", sugg), old_g)
            if derived:
                ranked.append((_style_rank(lang, style, "doublet"), k, derived, None, "doublet"))
    ranked.sort(key=lambda r: (r[0], r[1]))
    out: list[tuple[int, int, str, str]] = []
    job_title = bool(getattr(rule, "job_title", False))
    label = _label(lang, locale) if lang == "nl" else None
    ranks: list[int] = []
    for rank, _k, sugg, alt, a_style in ranked:
        ranks.append(rank)
        if a_style in ("star", "colon") and style in ("star", "colon"):
            sugg, a_style = _convert_marker(lang, style, sugg), style
        if sugg == "":
            out.append(_removal(text, f.start, f.end, lang) + ("removal",))
            continue
        new_g = getattr(alt, "gender", None)
        if new_g is None and lang == "nl" and old_g in ("m", "f", "c"):
            new_g = "c"
        if a_style in ("star", "colon", "median", "doublet"):
            new_g = None
        doublet = _doublet_pair(f.text, sugg, old_g) if a_style == "doublet" else None
        eff_style = a_style if a_style != "neutral" or style != "label" else style
        try:
            np = agree(text, f.start, f.end, sugg, lang, old_gender=old_g, new_gender=new_g,
                       style=eff_style, label=label, job_title=job_title, doublet=doublet)
            ns, ne, nr = np.start, np.end, np.replacement
            if lang == "en":
                ns, ne, nr = _en_double_determiner(text, ns, ne, nr)
            out.append((ns, ne, nr, a_style))
        except Exception:  # noqa: BLE001 - agreement is a refinement; never lose the edit
            out.append((f.start, f.end, sugg, a_style))
    if lang == "de":
        out = _prefer_number(text, f, out, ranks, old_g)
    return out


def _de_plural_context(art: str, matched: str, old_gender: str | None) -> bool:
    """Is the German noun plural here? 'die Verkäufer' yes, 'die Verkäuferin' no."""
    if old_gender == "f":
        return matched.endswith("innen") or not matched.endswith("in") and matched.endswith("en")
    if art == "die":
        return True                       # die + masculine or neuter noun: plural
    if art == "den":
        return matched.endswith("n")      # den Verkäufern (dative plural) / den Verkäufer
    if art in _DE_ARTICLES:
        return False
    return matched.endswith("n") and not matched.endswith("en")


def _prefer_number(text: str, f: Finding, cands: list[tuple[int, int, str, str]],
                   ranks: list[int], old_gender: str | None = None) -> list[tuple[int, int, str, str]]:
    """Within one style, put first the form whose number fits the article
    (der Verkäufer → Verkaufskraft, die Verkäufer → Verkaufskräfte)."""
    from ..core.agreement import _word_before, looks_plural_de

    art, pos = "", f.start
    for _ in range(5):   # skip adjectives back to the article
        prev = _word_before(text, pos)
        if prev is None:
            break
        low = prev[2].lower()
        if low in _DE_ARTICLES:
            art = low
            break
        if not prev[2].islower():
            break
        pos = prev[0]
    plural_ctx = _de_plural_context(art, f.text.lower(), old_gender)

    def score(c: tuple[int, int, str, str]) -> int:
        p = looks_plural_de(c[2])
        return 0 if p is None or p == plural_ctx else 1

    order = sorted(range(len(cands)), key=lambda i: (ranks[i] if i < len(ranks) else 99,
                                                      score(cands[i]), i))
    return [cands[i] for i in order]


_JOIN = {"fr": r"(?:ou|et|/)", "de": r"(?:oder|und|bzw\.|/)", "nl": r"(?:of|en|/)",
         "en": r"(?:or|and|/)"}


def _pair_of(own: str, other: str) -> bool:
    """vendeur/vendeuse, Verkäufer/Verkäuferin, directeur/directrice: one role, two forms."""
    if other == own:
        return False
    k = 0
    while k < min(len(own), len(other)) and own[k] == other[k]:
        k += 1
    return k >= max(4, len(own) - 3)


def _already_paired(text: str, f: Finding, lang: str) -> bool:
    """'un vendeur ou une vendeuse', 'Verkäuferinnen und Verkäufer': both forms are there."""
    own = f.text.lower()
    join = _JOIN.get(lang)
    if len(own) < 4 or join is None:
        return False
    word = r"[^\W\d_]+"
    after = text[f.end:f.end + 60].lower()
    m = re.match(r"\s*" + join + r"\s+", after)
    if m and any(_pair_of(own, w) for w in re.findall(word, after[m.end():])[:3]):
        return True
    before = text[max(0, f.start - 60):f.start].lower()
    m = re.search(r"\s" + join + r"\s+(?:" + word + r"\s+){0,2}$", before)
    if m:
        return any(_pair_of(own, w) for w in re.findall(word, before[:m.start() + 1])[-3:])
    return False


_EN_DETERMINERS = {"a", "an", "the", "his", "her", "their", "my", "your", "our", "its", "this",
                   "that"}


def _en_double_determiner(text: str, start: int, end: int, rep: str) -> tuple[int, int, str]:
    """'his own car' → 'a reliable way …' must not leave 'his a reliable way': a replacement
    that brings its own article takes the place of the determiner before it."""
    from ..core.agreement import _word_before

    first = rep.split(" ", 1)[0].lower()
    if first not in ("a", "an", "the"):
        return start, end, rep
    prev = _word_before(text, start)
    if prev is None or prev[2].lower() not in _EN_DETERMINERS:
        return start, end, rep
    if prev[2][:1].isupper():
        rep = rep[:1].upper() + rep[1:]
    return prev[0], end, rep


def _removal(text: str, start: int, end: int, lang: str = "") -> tuple[int, int, str]:
    """Remove a phrase with its separator ('young, energetic' → 'energetic'), leave no double
    space, and fix a/an before the word that now follows ('a young, eager' → 'an eager')."""
    from ..core.agreement import _word_after, _word_before, an_form

    after = text[end:end + 6]
    for sep in (", ", " and ", " or ", " "):
        if after.startswith(sep) and (sep == " " or (_word_after(text, end + len(sep) - 1)
                                                     is not None)):
            end += len(sep)
            break
    else:
        if start > 0 and text[start - 1] == " ":
            start -= 1
    if text[start:start + 1].isupper() and end < len(text) and text[end].islower() and \
            (end == start or text[end - 1] == " "):
        k = end + 1
        while k < len(text) and not is_grapheme_boundary(text, k):
            k += 1
        return start, k, text[end].upper() + text[end + 1:k]  # "Young people" → "People"
    if lang == "en":
        prev = _word_before(text, start)
        nxt = _word_after(text, end - 1) if end > 0 and text[end - 1] == " " else None
        if prev is not None and nxt is not None and prev[2].lower() in ("a", "an"):
            want = an_form(nxt[2])
            if want != prev[2].lower():
                art = want if prev[2].islower() else want.capitalize()
                return prev[0], end, art + text[prev[1]:start]
    return start, end, ""


def _merge_removals(text: str, edits: list[Edit], candidates: list, main: str) -> list[Edit]:
    """Two removals that touch ('Are you pregnant' + 'or planning a pregnancy?') become one."""
    removal = [x for x in edits if candidates[int(x.id[1:])][1][0][3] == "removal"]
    if len(removal) < 2:
        return edits
    removal.sort(key=lambda x: x.start)
    merged: list[list[Edit]] = [[removal[0]]]
    for x in removal[1:]:
        if x.start <= merged[-1][-1].end:
            merged[-1].append(x)
        else:
            merged.append([x])
    ids = {x.id for x in removal}
    out = [x for x in edits if x.id not in ids]
    for group in merged:
        if len(group) == 1:
            out.append(group[0])
            continue
        first = group[0]
        lang = first.finding.language or main
        s, e, r = _removal(text, min(x.finding.start for x in group),
                           max(x.finding.end for x in group), lang)
        out.append(Edit(first.id, s, e, r, first.rule, first.finding, first.origin))
    return sorted(out, key=lambda x: x.start)


def _compose_nested(text: str, edits: list[Edit], candidates: list,
                    locale: str | None) -> list[Edit]:
    """An edit inside the noun phrase that another edit re-inflects ('eine schlanke
    Bewerberin': remove 'schlanke', and Bewerberin → Bewerber*in with its article) is applied
    first; the noun phrase is then agreed on that text, and both become one edit."""
    from dataclasses import replace as dc_replace

    out = list(edits)
    for outer in sorted(edits, key=lambda x: x.start - x.end):
        f = outer.finding
        if outer not in out or f is None or (outer.start == f.start and outer.end == f.end):
            continue
        inner = [x for x in out if x is not outer and x.finding is not None
                 and x.start < outer.end and outer.start < x.end
                 and (x.end <= f.start or x.start >= f.end)]
        if len(inner) != 1:
            continue
        x = inner[0]
        xr = x.replacement
        if " " in xr.strip():   # only a removal or one word; "motivé ou motivée" → "motivé"
            pair = re.fullmatch(r"(\S+) (?:ou|et|oder|und|of|en|or|and) \S+", xr.strip())
            outer_style = candidates[int(outer.id[1:])][1][0][3]
            if pair is None or outer_style not in ("doublet", "median", "star", "colon"):
                continue
            xr = pair.group(1)
        text2 = text[:x.start] + xr + text[x.end:]
        delta = len(xr) - (x.end - x.start)
        shift = delta if f.start >= x.end else 0
        f2 = dc_replace(f, start=f.start + shift, end=f.end + shift)
        flang, st, rule = candidates[int(outer.id[1:])][2]
        cands = _candidates(text2, f2, flang, st, rule, locale)
        if not cands:
            continue
        s2, e2, r2 = cands[0][:3]
        text3 = text2[:s2] + r2 + text2[e2:]
        lo = min(s2, x.start, outer.start)
        hi = max(e2 - delta if e2 >= x.start + len(xr) else e2, x.end, outer.end)
        rep = text3[lo:len(text3) - (len(text) - hi)]
        if text3[:lo] != text[:lo] or text3[len(text3) - (len(text) - hi):] != text[hi:]:
            continue
        merged = Edit(outer.id, lo, hi, rep, outer.rule, f, outer.origin)
        out = [y for y in out if y is not outer and y is not x] + [merged]
    return sorted(out, key=lambda y: y.start)


def _keeps_lines(text: str, start: int, end: int, replacement: str) -> bool:
    return text[start:end].count("\n") == replacement.count("\n") and \
        text[start:end].count("\r") == replacement.count("\r")


def _is_pronoun_finding(f: Finding, lang: str) -> bool:
    return lang == "en" and f.category == "gender" and bool(
        _PRONOUN_FINDING.match(" ".join(f.text.split())))


def _english_spans(report: Report, text: str) -> list[tuple[int, int]]:
    paras = report.summary.get("paragraph_languages") if report.summary else None
    if paras:
        return [(s, e) for s, e, lang in paras if lang == "en"]
    return [(0, len(text))] if report.language == "en" else []


# --------------------------------------------------------------------------- the use case

def propose_rewrite(text: str, lang: str | None = None, *, style: str | None = None,
                    pronouns: str = "job-ad", locale: str | None = None, config: Any = None,
                    reflexive: str = "themselves", judge: Any = None,
                    verify: bool = True, engine: Any = None) -> Rewrite:
    """Propose edits that fix the findings in `text` (see the module docstring).

    `style`: inclusive style (nl: label|neutral, fr: doublet|median|epicene,
    de: neutral|doublet|star|colon, en: neutral), default from the organisation pack
    (`config`: OrgConfig or pack folder) or the language; `pronouns`: "job-ad" (only
    pronouns about a generic candidate/employee), "neutral" (every gendered pronoun) or "off";
    `engine`: a prepared `Engine` (custom packs, tests) instead of the cached one for `config`.
    """
    from ..core.engine import engine_for
    from ..core.pronouns import pronoun_groups

    if pronouns not in PRONOUN_MODES:
        raise ValueError(f"unknown pronoun mode {pronouns!r} (choose from {', '.join(PRONOUN_MODES)})")
    engine = engine if engine is not None else engine_for(config)
    report = engine.analyze(text, lang, locale=locale, judge=judge, style=style)
    main = report.language
    if style is not None:
        resolve_style(main, style)  # unknown style: ValueError naming the choices
        style = resolve_style(main, style)   # another language's name: the nearest here
    rules: dict[str, dict[str, Any]] = {}
    styles_used: dict[str, str] = {}
    candidates: list[tuple[Finding, list[tuple[int, int, str]]]] = []
    skipped: list[tuple[Finding, str]] = []
    pronoun_findings: list[Finding] = []
    for f in report.findings:
        flang = f.language or main
        if f.category in SKIP_CATEGORIES:
            continue
        if _is_pronoun_finding(f, flang):
            pronoun_findings.append(f)
            continue
        if not f.suggestions:
            skipped.append((f, "no suggestion"))
            continue
        if f.category == "gender" and _already_paired(text, f, flang):
            skipped.append((f, "already written as a pair"))
            continue
        if flang not in rules:
            rules[flang] = _rules_by_id(engine, flang)
        st = styles_used.setdefault(flang, resolve_style(flang, style if flang == main else None,
                                                         engine.config))
        cands = [c for c in _candidates(text, f, flang, st, rules[flang].get(f.rule), locale)
                 if _keeps_lines(text, *c[:3]) and text[c[0]:c[1]] != c[2]]
        if not cands:
            skipped.append((f, "suggestion would join lines"))
            continue
        candidates.append((f, cands, (flang, st, rules[flang].get(f.rule))))

    edits: list[Edit] = []
    choice: dict[int, int] = {}
    for n, (f, cands, _ctx) in enumerate(candidates):
        choice[n] = 0
        s, e, r = cands[0][:3]
        edits.append(Edit(f"f{n}", s, e, r, f.rule, f, f.origin or "rule"))
    edits = _merge_removals(text, edits, candidates, main)
    edits = _compose_nested(text, edits, candidates, locale)

    # English pronouns → singular they, one edit per pronoun with its agreeing words
    if pronouns != "off":
        mode = "neutral" if pronouns == "neutral" else "job-ad"
        generic_at = {f.start for f in pronoun_findings}
        at: dict[int, Finding] = {}
        for f in pronoun_findings:
            for pos in range(f.start, f.end):
                at.setdefault(pos, f)
        linked: set[int] = set()
        for a, b in _english_spans(report, text):
            for g_i, group in enumerate(pronoun_groups(text[a:b], mode=mode, reflexive=reflexive,
                                                       generic_at={x - a for x in generic_at})):
                group = [x.shifted(a) for x in group]
                found = [at[p] for x in group for p in range(x.start, x.end) if p in at]
                linked.update(id(f) for f in found)
                edits.extend(_pronoun_edits(text, group, found[0] if found else None,
                                            f"g{a}-{g_i}"))
        for f in pronoun_findings:
            if id(f) not in linked:
                skipped.append((f, "pronoun left as it is (not about a generic role)"))

    valid = []
    for x in edits:
        try:
            check_edit(text, x)
            valid.append(x)
        except EditError as exc:
            skipped.append((x.finding, f"unsafe edit: {exc.problem}") if x.finding else (None, str(exc)))
    kept = resolve_overlaps(valid)
    kept_ids = {id(x) for x in kept}
    dropped = [x for x in valid if id(x) not in kept_ids]
    for x in dropped:
        if x.finding is not None:
            skipped.append((x.finding, "overlaps another change"))

    if verify and kept:
        kept = _verify(engine, text, lang, locale, judge, style, kept, candidates, choice, skipped)

    final = [Edit(f"e{i + 1}", x.start, x.end, x.replacement, x.rule, x.finding, x.origin)
             for i, x in enumerate(sorted(kept, key=lambda x: (x.start, x.end)))]
    used = styles_used.get(main) or resolve_style(main, style, engine.config)
    return Rewrite(text, main, final, used, pronouns, report, skipped)


def _pronoun_edits(text: str, group: list[Edit], finding: Finding | None, key: str) -> list[Edit]:
    """One edit for a pronoun and its agreeing words when they are close, else one each."""
    if finding is None:
        finding = _synthetic_finding(text, group[0])
    close = group[-1].end - group[0].start <= 80
    if len(group) > 1 and close and "\n" not in text[group[0].start:group[-1].end]:
        s, e = group[0].start, group[-1].end
        rep = splice(text[s:e], [x.shifted(-s) for x in group])
        return [Edit(key, s, e, rep, "en.pronoun.singular-they", finding, "rule", priority=-1)]
    return [Edit(f"{key}.{i}", x.start, x.end, x.replacement, x.rule, finding, "rule", priority=-1)
            for i, x in enumerate(group)]


def _synthetic_finding(text: str, edit: Edit) -> Finding:
    word = text[edit.start:edit.end]
    return Finding(
        start=edit.start, end=edit.end, text=word, rule="en.pronoun.singular-they",
        category="gender", severity="info",
        message=f"“{word}” assumes a gender; singular “they” includes everyone.",
        explanation="Singular they (with the verb that agrees with it) speaks about a person "
                    "without assuming their gender.",
        source="APA Publication Manual (7th ed.), 5.5; UK Civil Service style guide.",
        suggestions=[edit.replacement], language="en",
    )


def _verify(engine: Any, text: str, lang: str | None, locale: str | None, judge: Any,
            style: str | None, kept: list[Edit], candidates: list, choice: dict[int, int],
            skipped: list) -> list[Edit]:
    """Re-analyse the result; an edit whose finding comes back tries its next candidate,
    and is dropped when none is left."""
    rounds = 4
    for _round in range(rounds):
        applied = Applied.build(text, kept)
        again = engine.analyze(applied.text, lang, locale=locale, judge=judge, style=style)
        bad: set[str] = set()
        by_rule: dict[str, list[tuple[int, int]]] = {}
        for g in again.findings:
            by_rule.setdefault(g.rule, []).append((g.start, g.end))
        for spans in by_rule.values():
            spans.sort()
        for x in kept:
            if x.finding is None or x.rule == "en.pronoun.singular-they" or x.rule not in by_rule:
                continue
            n = int(x.id[1:]) if x.id.startswith("f") else None
            if n is not None and candidates[n][1][choice.get(n, 0)][3] == "doublet":
                continue  # a doublet names the masculine form on purpose
            s, e = applied.spans[x.id]
            spans = by_rule[x.rule]
            i = bisect.bisect_left(spans, (s, -1))
            for gs, ge in spans[max(0, i - 3):i + 3]:
                if gs < max(e, s + 1) and s < ge:
                    bad.add(x.id)
        if not bad:
            return kept
        good = [x for x in kept if x.id not in bad]
        alternates = []
        for x in kept:
            if x.id not in bad:
                continue
            n = int(x.id[1:]) if x.id.startswith("f") else None
            if _round < rounds - 1 and n is not None and choice.get(n, 0) + 1 < len(candidates[n][1]):
                choice[n] += 1
                s, e, r = candidates[n][1][choice[n]][:3]
                alternates.append(Edit(x.id, s, e, r, x.rule, x.finding, x.origin, priority=-5))
            else:
                skipped.append((x.finding, "the finding would come back after the change"))
        kept = resolve_overlaps(good + alternates)   # an alternate never pushes out a good edit
        kept_ids = {id(x) for x in kept}
        for x in alternates:
            if id(x) not in kept_ids:
                skipped.append((x.finding, "overlaps another change"))
    return kept


def rewrite_document(path: str | Path, lang: str | None = None, *, output: str | Path | None = None,
                     **options: Any) -> tuple[Any, Rewrite]:
    """Rewrite a .txt/.md/.docx file into `output` (a .docx keeps its unedited runs)."""
    from ..io import read_document, write_document

    doc = read_document(path)
    rw = propose_rewrite(doc.text, lang, **options)
    new_text = rw.apply()
    out = write_document(doc, new_text, path=output) if output is not None else None
    return out, rw
