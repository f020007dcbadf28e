"""Grammatical agreement for noun replacements, and gender-inclusive styles per language.

When a rule replaces a noun, the words that agree with it may have to change too:
EN "a policeman" → "an officer"; NL "de enthousiaste verkoopster" → "het enthousiaste
personeelslid"; DE "ein erfahrener Verkäufer" → "eine erfahrene Verkaufskraft" (neutral),
"ein*e erfahrene*r Verkäufer*in" (star), "eine erfahrene Verkäuferin oder ein erfahrener
Verkäufer" (doublet); FR "un vendeur motivé" → "un vendeur motivé ou une vendeuse motivée"
(doublet), "un·e vendeur·euse motivé·e" (median).

`agree(text, start, end, replacement, lang, ...)` returns a `NounPhraseEdit` (start, end,
replacement) whose span may grow to cover the article and adjectives that changed. The word
data lives in `resources/agreement/<lang>.yaml`, the styles in `resources/styles/<lang>.yaml`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..resources import resource
from ..rules.yamlio import load_yaml

__all__ = ["NounPhraseEdit", "agree", "styles", "default_style", "resolve_style",
           "style_order", "merge_forms", "fr_feminine", "fr_masculine", "looks_plural_de"]

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*[*:·]?[^\W\d_]*")
_FR_PLURAL_DETS = ("les", "des", "ces", "mes", "tes", "ses", "nos", "vos", "leurs")
_VOWEL_START = re.compile(r"^[aeiouyàâäéèêëîïôöùûüœæh]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class NounPhraseEdit:
    start: int
    end: int
    replacement: str
    changed_words: int = 0          # how many words besides the noun changed


# --------------------------------------------------------------------------- data

@lru_cache(maxsize=None)
def agreement_data(lang: str) -> dict[str, Any]:
    path = resource("agreement", f"{lang}.yaml")
    return load_yaml(path) if path.exists() else {"language": lang}


@lru_cache(maxsize=None)
def styles(lang: str) -> dict[str, Any]:
    """The inclusive styles of a language (`resources/styles/<lang>.yaml`)."""
    path = resource("styles", f"{lang}.yaml")
    if not path.exists():
        return {"language": lang, "default": "neutral", "styles": {"neutral": {"fallback": ["neutral"]}}}
    return load_yaml(path)


def default_style(lang: str) -> str:
    return str(styles(lang).get("default", "neutral"))


def resolve_style(lang: str, style: str | None = None, config: Any = None) -> str:
    """The style to use: explicit > organisation config (`style: {de: star}`) > default."""
    if style:
        spec = styles(lang)
        if style in spec["styles"]:
            return style
        alias = (spec.get("aliases") or {}).get(style)
        if alias in spec["styles"]:
            return str(alias)   # a style of another language: the nearest one here
        known = ", ".join(spec["styles"])
        raise ValueError(f"unknown style {style!r} for {lang} (choose from {known})")
    conf_style = None
    if config is not None:
        mapping = getattr(config, "style", None)
        if mapping is None and isinstance(config, dict):
            mapping = config.get("style")
        if isinstance(mapping, dict):
            conf_style = mapping.get(lang)
    if conf_style:
        try:
            return resolve_style(lang, str(conf_style))
        except ValueError:
            pass
    return default_style(lang)


def style_order(lang: str, style: str) -> list[str]:
    """Alternative styles in order of preference for `style` (untagged = neutral)."""
    spec = styles(lang)["styles"].get(style) or {}
    order = list(spec.get("fallback") or [style])
    if style not in order:
        order.insert(0, style)
    return order


def _style_spec(lang: str, style: str | None) -> dict[str, Any]:
    return (styles(lang)["styles"].get(style or "") or {}) if style else {}


# --------------------------------------------------------------------------- helpers

def _case_like(orig: str, new: str) -> str:
    if len(orig) > 1 and orig.isupper():
        return new.upper()
    if orig[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def merge_forms(m: str, f: str, marker: str, table: list[list[str]] | None = None) -> str:
    """One inclusive form from a masculine and a feminine form: ein/eine → ein*e,
    einen/eine → eine*n, der/die → der*die, motivé/motivée → motivé·e, actif/active → actif·ve."""
    if m == f:
        return m
    for row in table or ():
        ms, fs, written = row
        if m.endswith(ms) and f.endswith(fs) and m[:-len(ms)] == f[:-len(fs)]:
            return m + written
    if f.startswith(m):
        return m + marker + f[len(m):]
    if m.startswith(f):
        return f + marker + m[len(f):]
    if m[:1].isupper() and f[:1].isupper() and not m.isupper() and len(m) <= 4:
        f = f[:1].lower() + f[1:]   # Der*die (articles at the start of a sentence)
    k = 0
    while k < min(len(m), len(f)) and m[k] == f[k]:
        k += 1
    if k >= 3 and k >= len(m) - 2:
        return m + marker + f[k:]
    return m + marker + f


def _word_before(text: str, pos: int, tight: bool = False) -> tuple[int, int, str] | None:
    """The word ending right before `pos`, separated from it only by spaces/tabs."""
    j = pos
    while j > 0 and text[j - 1] in " \t\u00a0":
        j -= 1
    if j == pos and pos > 0 and text[pos - 1] not in "'’" and not tight:
        return None
    end = j
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] in "'’*:·-"):
        j -= 1
    while j < end and not text[j].isalpha():
        j += 1
    if j >= end:
        return None
    return j, end, text[j:end]


def _word_after(text: str, pos: int) -> tuple[int, int, str] | None:
    j = pos
    while j < len(text) and text[j] in " \t\u00a0":
        j += 1
    if j == pos:
        return None
    m = _WORD.match(text, j)
    if not m:
        return None
    return m.start(), m.end(), m.group()


# --------------------------------------------------------------------------- entry point

def agree(text: str, start: int, end: int, replacement: str, lang: str, *,
          old_gender: str | None = None, new_gender: str | None = None, style: str | None = None,
          label: str | None = None, job_title: bool = False,
          doublet: tuple[str, str] | None = None) -> NounPhraseEdit:
    """Widen the replacement of `text[start:end]` to the words that agree with the noun.

    `replacement`: the new noun (already in the right case); `old_gender`/`new_gender`:
    m, f, n or c (None = unknown: nothing but a/an changes); `style`: the inclusive style;
    `doublet`: (masculine, feminine) nouns when the style writes both; `label`: the
    locale's gender label, added after job titles when the style wants it (NL).
    """
    if lang == "en":
        return _agree_en(text, start, end, replacement)
    if lang == "nl":
        return _agree_nl(text, start, end, replacement, old_gender, new_gender, style, label, job_title)
    if lang == "de":
        return _agree_de(text, start, end, replacement, old_gender, new_gender, style, doublet)
    if lang == "fr":
        return _agree_fr(text, start, end, replacement, old_gender, new_gender, style, doublet)
    return NounPhraseEdit(start, end, replacement)


# --------------------------------------------------------------------------- English

def an_form(word: str) -> str:
    """'a' or 'an' before `word`."""
    data = agreement_data("en")
    w = re.sub(r"[^\w]", "", word.lower())
    if not w:
        return "a"
    if w in data.get("an_exceptions", ()) or w.startswith(("hour", "honest", "honor", "honour", "heir")):
        return "an"
    if w in data.get("a_exceptions", ()) or w.startswith(("uni", "use", "usu", "euro", "one", "uti")):
        return "a"
    if len(w) > 1 and w.isupper() is False and word[:2].isupper():  # acronyms: an MBA, a CFO
        return "an" if word[0].upper() in "AEFHILMNORSX" else "a"
    return "an" if w[0] in "aeiou" else "a"


def _agree_en(text: str, start: int, end: int, replacement: str) -> NounPhraseEdit:
    prev = _word_before(text, start)
    if prev is None or prev[2].lower() not in ("a", "an") or not replacement:
        return NounPhraseEdit(start, end, replacement)
    first = replacement.split()[0]
    want = an_form(first)
    if want == prev[2].lower():
        return NounPhraseEdit(start, end, replacement)
    art = _case_like(prev[2], want)
    return NounPhraseEdit(prev[0], end, art + text[prev[1]:start] + replacement, 1)


# --------------------------------------------------------------------------- Dutch

def _nl_inflect(adj: str) -> str:
    d = agreement_data("nl")
    low = adj.lower()
    if low in d.get("adjective_exceptions", {}):
        return _case_like(adj, d["adjective_exceptions"][low])
    if low in d.get("adjective_invariable", ()) or \
            low.endswith(tuple(d.get("adjective_invariable_endings", ()))):
        return adj
    if low.endswith("e"):
        return adj
    # double vowel before a final consonant: groot → grote
    if len(low) >= 3 and low[-2] == low[-3] and low[-2] in "aeou" and low[-1] not in "aeiou":
        base = adj[:-2] + adj[-1]
    else:
        base = adj
    if base.lower().endswith("f"):
        base = base[:-1] + "v"
    elif base.lower().endswith("s") and not base.lower().endswith(("st", "sch")):
        base = base[:-1] + "z"
    return base + "e"


def _nl_uninflect(adj: str) -> str:
    d = agreement_data("nl")
    low = adj.lower()
    rev = {v: k for k, v in d.get("adjective_exceptions", {}).items()}
    if low in rev:
        return _case_like(adj, rev[low])
    if not low.endswith("e") or low in d.get("adjective_invariable", ()):
        return adj
    base = adj[:-1]
    b = base.lower()
    if b.endswith("v"):
        base = base[:-1] + "f"
    elif b.endswith("z"):
        base = base[:-1] + "s"
    if len(b) >= 2 and b[-1] == b[-2] and b[-1] not in "aeiou":  # felle → fel
        base = base[:-1]
    elif len(b) >= 2 and b[-2] in "aeou" and (len(b) < 3 or b[-3] not in "aeiou") and b[-1] not in "aeiou" \
            and len(b) > 3:
        base = base[:-1] + base[-2] + base[-1]  # grote → groot (open syllable)
    return base


def _nl_gender_class(g: str | None) -> str | None:
    if g in ("m", "f", "c"):
        return "de"
    if g == "n":
        return "het"
    return None


def _agree_nl(text, start, end, replacement, old_g, new_g, style, label, job_title) -> NounPhraseEdit:
    d = agreement_data("nl")
    spec = _style_spec("nl", style)
    noun = replacement
    if label and job_title and spec.get("add_label") and label not in noun:
        after = text[end:end + 12].lstrip(" -–")
        if not after.startswith("("):
            noun = f"{noun} {label}"
    old_c, new_c = _nl_gender_class(old_g), _nl_gender_class(new_g)
    if old_c is None or new_c is None or old_c == new_c:
        return NounPhraseEdit(start, end, noun)
    # collect adjectives and the determiner to the left
    words: list[tuple[int, int, str]] = []
    pos = start
    det = None
    dets_de = {k.lower(): v for k, v in d["determiners"].items()}
    dets_het = {v: k for k, v in dets_de.items()}
    for _ in range(5):
        w = _word_before(text, pos)
        if w is None:
            break
        low = w[2].lower()
        if low in dets_de or low in dets_het or low in d.get("invariable", ()):
            det = w
            break
        if low in d.get("stop_words", ()) or not w[2].islower():
            break
        words.append(w)
        pos = w[0]
    if det is None:
        return NounPhraseEdit(start, end, noun)
    low = det[2].lower()
    plural = low == "de" and old_c == "het"
    if plural:
        return NounPhraseEdit(start, end, noun)
    indefinite = low in d.get("indefinite", ())
    if new_c == "het":
        new_det = dets_de.get(low, det[2]) if low not in d.get("invariable", ()) else det[2]
    else:
        new_det = dets_het.get(low, det[2]) if low not in d.get("invariable", ()) else det[2]
    changed = 0
    new_det = _case_like(det[2], new_det)
    changed += new_det != det[2]
    prev_end = det[1]
    out = [new_det]
    for w in reversed(words):
        out.append(text[prev_end:w[0]])
        adj = w[2]
        if d.get("adverbs") and adj.lower() in d["adverbs"]:
            new_adj = adj
        elif new_c == "het" and indefinite:
            new_adj = _nl_uninflect(adj)
        else:
            new_adj = _nl_inflect(adj)
        changed += new_adj != adj
        out.append(new_adj)
        prev_end = w[1]
    out.append(text[prev_end:start])
    out.append(noun)
    return NounPhraseEdit(det[0], end, "".join(out), changed)


# --------------------------------------------------------------------------- German

def looks_plural_de(word: str) -> bool | None:
    """A guess from the ending: True (Verkaufskräfte, Verkäufer*innen), False, or None."""
    d = agreement_data("de")
    words = [w.strip(",.;:()") for w in word.lower().split()]
    nouns = [w for w in words if w and not w.startswith("(")]
    if any(w.endswith(tuple(d.get("plural_endings", ()))) for w in nouns):
        return True
    if any(w.endswith(tuple(d.get("singular_endings", ()))) for w in nouns):
        return False
    return None


@lru_cache(maxsize=1)
def _de_det_table() -> dict[str, list[tuple[str, str, str]]]:
    """form → [(kind, case, gender)], kind: def | ein | der."""
    d = agreement_data("de")
    table: dict[str, list[tuple[str, str, str]]] = {}
    for case, row in d["articles"]["definite"].items():
        for g, form in row.items():
            table.setdefault(form, []).append(("def", case, g))
    for case, row in d["articles"]["indefinite"].items():
        for g, form in row.items():
            table.setdefault(form, []).append(("ein", case, g))
    for stem in d["der_word_stems"]:
        for case, row in d["der_word_endings"].items():
            for g, e in row.items():
                table.setdefault(stem + e, []).append(("der:" + stem, case, g))
    for stem in d["ein_word_stems"]:
        for case, row in d["ein_word_endings"].items():
            for g, e in row.items():
                table.setdefault(stem + e, []).append(("ein:" + stem, case, g))
    return table


def _de_det_form(kind: str, case: str, g: str) -> str | None:
    d = agreement_data("de")
    if kind == "def":
        return d["articles"]["definite"][case].get(g)
    if kind == "ein":
        return d["articles"]["indefinite"][case].get(g)
    base, stem = kind.split(":")
    endings = d["der_word_endings"] if base == "der" else d["ein_word_endings"]
    e = endings[case].get(g)
    return None if e is None else stem + e


def _de_decl(kind: str | None) -> str:
    if kind is None:
        return "strong"
    return "weak" if kind == "def" or kind.startswith("der:") else "mixed"


def _de_adj(adj: str, decl: str, case: str, old_g: str, new_g: str) -> str:
    d = agreement_data("de")
    old_e = d["adjective_endings"][decl][case][old_g]
    new_e = d["adjective_endings"][decl][case][new_g]
    if adj.lower().endswith(old_e):
        return adj[:len(adj) - len(old_e)] + new_e
    return adj


def _at_sentence_start(text: str, pos: int) -> bool:
    j = pos
    while j > 0 and text[j - 1] in " \t\u00a0\"„“«»-•*":
        j -= 1
    return j == 0 or text[j - 1] in ".!?:\n\r"


def _is_de_adjective(w: str, capital_ok: bool = False) -> bool:
    d = agreement_data("de")
    low = w.lower()
    return ((w.islower() or (capital_ok and w[1:].islower()))
            and low not in d.get("stop_words", ())
            and low.endswith(("e", "en", "er", "em", "es")) and len(low) > 3)


def _agree_de(text, start, end, replacement, old_g, new_g, style, doublet) -> NounPhraseEdit:
    d = agreement_data("de")
    spec = _style_spec("de", style)
    marker = spec.get("marker")
    if old_g not in ("m", "f", "n"):
        return NounPhraseEdit(start, end, replacement)
    # left context: [det] [adv|adj [,|und]]* noun
    adjs: list[tuple[int, int, str]] = []
    between: list[tuple[int, int, str]] = []
    det = None
    pos = start
    for _ in range(8):
        w = _word_before(text, pos)
        if w is None:
            j = pos
            while j > 0 and text[j - 1] in " \t":
                j -= 1
            if adjs and j > 0 and text[j - 1] == ",":   # erfahrene, motivierte Verkäufer
                w = _word_before(text, j - 1, tight=True)
                if w is not None and _is_de_adjective(w[2]):
                    adjs.append(w)
                    pos = w[0]
                    continue
            break
        low = w[2].lower()
        if low in _de_det_table():
            det = w
            break
        if low in d.get("adverbs", ()) or low == "und":
            between.append(w)
            pos = w[0]
            continue
        if _is_de_adjective(w[2], capital_ok=_at_sentence_start(text, w[0])):
            adjs.append(w)
            pos = w[0]
            continue
        break
    if det is None and not adjs:
        return NounPhraseEdit(start, end, replacement)
    # which cells fit the old noun?
    kinds: list[tuple[str | None, str, str]] = []
    if det is not None:
        for kind, case, g in _de_det_table()[det[2].lower()]:
            if g == old_g or g == "pl":
                kinds.append((kind, case, g))
    else:
        first = adjs[-1][2].lower()
        for case, row in d["adjective_endings"]["strong"].items():
            for g, e in row.items():
                if (g == old_g or g == "pl") and first.endswith(e):
                    kinds.append((None, case, g))
    # an adjective ending narrows the cells further
    if adjs:
        a = adjs[-1][2].lower()
        kinds = [k for k in kinds
                 if a.endswith(d["adjective_endings"][_de_decl(k[0])][k[1]][k[2]])] or kinds
    if not kinds:
        return NounPhraseEdit(start, end, replacement)
    want_pl = looks_plural_de(replacement)
    order = d["case_order"]
    kinds.sort(key=lambda k: ((k[2] == "pl") != bool(want_pl), order.index(k[1])))
    kind, case, cell_g = kinds[0]
    if cell_g == "pl":
        return NounPhraseEdit(start, end, replacement)   # plural: nothing agrees by gender

    def np_for(g: str, noun: str) -> str:
        parts, prev = [], None
        first_start = det[0] if det is not None else adjs[-1][0]
        if det is not None:
            form = _de_det_form(kind, case, g) or det[2]
            parts.append(_case_like(det[2], form))
            prev = det[1]
        for w in reversed(adjs):
            if prev is not None:
                parts.append(text[prev:w[0]])
            parts.append(_de_adj(w[2], _de_decl(kind), case, old_g, g))
            prev = w[1]
        parts.append(text[prev:start] if prev is not None else text[first_start:start])
        parts.append(noun)
        return "".join(parts)

    np_start = det[0] if det is not None else adjs[-1][0]
    if style == "doublet" and doublet is not None:
        m_noun, f_noun = doublet
        order_g = spec.get("order", ["f", "m"])
        nps = {"m": np_for("m", m_noun), "f": np_for("f", f_noun)}
        seq = [nps[g] for g in order_g]
        seq = [seq[0]] + [x[:1].lower() + x[1:] for x in seq[1:]]
        return NounPhraseEdit(np_start, end, spec.get("join", " oder ").join(seq), len(adjs) + 1)
    if style in ("star", "colon") and marker and (
            new_g in (None, "m", "f") or "*" in replacement or ":" in replacement):
        m_np, f_np = _de_pieces(np_for, "m"), _de_pieces(np_for, "f")
        merged = "".join(merge_forms(a, b, marker) if a != b else a for a, b in zip(m_np, f_np))
        return NounPhraseEdit(np_start, end, merged + replacement, len(adjs) + 1)
    if new_g not in ("m", "f", "n") or new_g == old_g:
        return NounPhraseEdit(start, end, replacement)
    out = np_for(new_g, replacement)
    return NounPhraseEdit(np_start, end, out, len(adjs) + 1)


def _de_pieces(np_for, g: str) -> list[str]:
    """The noun phrase for gender g without the noun, split into words and separators."""
    marker_noun = "\x00"
    s = np_for(g, marker_noun)
    s = s[:-1]
    return re.split(r"(\s+|,\s*)", s)


# --------------------------------------------------------------------------- French

def fr_feminine(adj: str) -> str:
    """motivé → motivée, sérieux → sérieuse, actif → active, bon → bonne (plural kept)."""
    d = agreement_data("fr")
    low = adj.lower()
    plural = low.endswith("s") and not low.endswith(("is", "us", "os", "as", "ès")) and low[:-1] not in ()
    if low.endswith("aux") and low not in ("faux",):
        return _case_like(adj, low[:-3] + "ales")
    core = low[:-1] if plural else low
    if core in d.get("invariable_adjectives", ()) or (core.endswith("e") and not core.endswith("é")):
        return adj
    exc = d.get("adjective_exceptions", {})
    if core in exc:
        fem = exc[core]
    else:
        fem = None
        for ms, fs in sorted(d.get("adjective_suffixes", ()), key=lambda r: -len(r[0])):
            if core.endswith(ms):
                fem = core[:len(core) - len(ms)] + fs
                break
        if fem is None:
            fem = core + "e"
    return _case_like(adj, fem + ("s" if plural else ""))


def fr_masculine(adj: str) -> str:
    """motivée → motivé, sérieuse → sérieux, active → actif, bonne → bon."""
    d = agreement_data("fr")
    low = adj.lower()
    plural = low.endswith("s")
    core = low[:-1] if plural else low
    rev = {v: k for k, v in d.get("adjective_exceptions", {}).items()}
    if core in rev:
        return _case_like(adj, rev[core] + ("s" if plural else ""))
    if core in d.get("invariable_adjectives", ()):
        return adj
    for ms, fs in sorted(d.get("adjective_suffixes", ()), key=lambda r: -len(r[1])):
        if core.endswith(fs) and len(core) > len(fs):
            return _case_like(adj, core[:len(core) - len(fs)] + ms + ("s" if plural else ""))
    return adj


def _is_fr_adjective(w: str) -> bool:
    d = agreement_data("fr")
    low = w.lower()
    if low in d.get("stop_words", ()) or not w[:1].islower():
        return False
    known = set(d.get("adjectives", ()))
    for form in (low, low.rstrip("s")):
        if form in known or fr_masculine(form) in known:
            return True
    return low.endswith(tuple(d.get("adjective_endings", ()))) and not low.endswith(("ant", "ants"))


def _fr_det_feminine(det: str) -> str | None:
    d = agreement_data("fr")
    return d["determiners"].get(det.lower())


def _fr_det_masculine(det: str) -> str | None:
    d = agreement_data("fr")
    rev: dict[str, str] = {}
    for k, v in d["determiners"].items():
        rev.setdefault(v, k)
    rev["cette"] = "ce"
    return rev.get(det.lower())


def _fr_elide(det: str, next_word: str) -> str:
    d = agreement_data("fr")
    if _VOWEL_START.match(next_word) and det.lower() in d.get("vowel_forms", {}):
        return _case_like(det, d["vowel_forms"][det.lower()])
    if det.lower() == "cet" and not _VOWEL_START.match(next_word):
        return _case_like(det, "ce")
    return det


def _agree_fr(text, start, end, replacement, old_g, new_g, style, doublet) -> NounPhraseEdit:
    d = agreement_data("fr")
    marker = _style_spec("fr", style).get("marker", "·")
    if old_g not in ("m", "f"):
        return NounPhraseEdit(start, end, replacement)
    # determiner (possibly elided: l'assistant) and pre-nominal adjectives
    det = None
    pre: list[tuple[int, int, str]] = []
    pos = start
    elided = text[max(0, start - 2):start].lower() in ("l'", "l’")
    if elided:
        det = (start - 2, start, text[start - 2:start])
    else:
        for _ in range(3):
            w = _word_before(text, pos)
            if w is None:
                break
            low = w[2].lower()
            if low in d["determiners"] or low in d["determiners"].values() or low in _FR_PLURAL_DETS:
                det = w
                break
            if low in d.get("prenominal", ()):
                pre.append(w)
                pos = w[0]
                continue
            break
    # post-nominal adjectives
    post: list[tuple[int, int, str]] = []
    pos = end
    for _ in range(4):
        w = _word_after(text, pos)
        if w is None:
            break
        if w[2].lower() == "et" and post:
            w2 = _word_after(text, w[1])
            if w2 is not None and _is_fr_adjective(w2[2]):
                post.append(w)
                post.append(w2)
                pos = w2[1]
                continue
            break
        if not _is_fr_adjective(w[2]):
            break
        post.append(w)
        pos = w[1]
    plural = det is not None and det[2].lower() in _FR_PLURAL_DETS
    plural = plural or text[start:end].lower().endswith(("s", "x"))

    def inflect(word: str, g: str) -> str:
        if word.lower() == "et":
            return word
        if g == old_g:
            return word
        return fr_feminine(word) if g == "f" else fr_masculine(word)

    def det_for(g: str, first_word: str) -> str | None:
        if det is None:
            return None
        if elided:
            if _VOWEL_START.match(first_word):
                return det[2]
            return _case_like(det[2], "le" if g == "m" else "la")
        if plural or g == old_g:
            return _fr_elide(det[2], first_word) if g == old_g else det[2]
        new = _fr_det_feminine(det[2]) if g == "f" else _fr_det_masculine(det[2])
        if new is None:
            return det[2]
        return _fr_elide(_case_like(det[2], new), first_word)

    def np_for(g: str, noun: str) -> str:
        parts: list[str] = []
        words_after_det = [w[2] for w in reversed(pre)]
        first_word = (inflect(words_after_det[0], g) if words_after_det else noun)
        dform = det_for(g, first_word)
        prev = None
        if det is not None:
            parts.append(dform or det[2])
            prev = det[1]
        for w in reversed(pre):
            if prev is not None:
                parts.append(text[prev:w[0]] if not (elided and prev == start) else "")
            parts.append(inflect(w[2], g))
            prev = w[1]
        if prev is not None:
            gap = text[prev:start]
            if det is not None and prev == det[1] and dform is not None and dform.endswith(("'", "’")):
                gap = ""
            elif det is not None and prev == det[1] and elided and dform and not dform.endswith(("'", "’")):
                gap = " "
            parts.append(gap)
        parts.append(noun)
        prev = end
        for w in post:
            parts.append(text[prev:w[0]])
            parts.append(inflect(w[2], g))
            prev = w[1]
        return "".join(parts)

    np_start = det[0] if det is not None else (pre[-1][0] if pre else start)
    np_end = post[-1][1] if post else end
    if style == "doublet" and doublet is not None:
        m_noun, f_noun = doublet
        spec = _style_spec("fr", "doublet")
        if plural:
            joined = spec.get("join_plural", " et ").join(
                {"m": m_noun, "f": f_noun}[g] for g in spec.get("order", ["m", "f"]))
            return NounPhraseEdit(start, end, joined)
        order_g = spec.get("order", ["m", "f"])
        nps = {"m": np_for("m", m_noun), "f": np_for("f", f_noun)}
        seq = [nps[g] for g in order_g]
        if det is not None or pre:
            seq = [seq[0]] + [x[:1].lower() + x[1:] for x in seq[1:]]
        return NounPhraseEdit(np_start, np_end, spec.get("join", " ou ").join(seq),
                              len(pre) + len(post) + 1)
    if style == "median":
        table = d.get("median_suffixes", [])
        parts: list[str] = []
        prev = None
        if det is not None:
            if plural or elided:
                parts.append(det[2])
            else:
                mdet = det[2].lower() if old_g == "m" else (_fr_det_masculine(det[2]) or det[2].lower())
                parts.append(_case_like(det[2], d.get("median_determiners", {}).get(mdet, det[2])))
            prev = det[1]
        for w in reversed(pre):
            parts.append(text[prev:w[0]] if prev is not None else "")
            m_form, f_form = (w[2], fr_feminine(w[2])) if old_g == "m" else (fr_masculine(w[2]), w[2])
            parts.append(_median(m_form, f_form, marker, table))
            prev = w[1]
        if prev is not None:
            parts.append(text[prev:start])
        parts.append(replacement)
        prev = end
        for w in post:
            parts.append(text[prev:w[0]])
            if w[2].lower() == "et":
                parts.append(w[2])
            else:
                m_form, f_form = (w[2], fr_feminine(w[2])) if old_g == "m" else (fr_masculine(w[2]), w[2])
                parts.append(_median(m_form, f_form, marker, table))
            prev = w[1]
        return NounPhraseEdit(np_start, np_end, "".join(parts), len(pre) + len(post) + 1)
    if new_g not in ("m", "f") or new_g == old_g:
        return NounPhraseEdit(start, end, replacement)
    return NounPhraseEdit(np_start, np_end, np_for(new_g, replacement), len(pre) + len(post) + 1)


def _median(m: str, f: str, marker: str, table: list[list[str]]) -> str:
    plural = m.endswith("s") and f.endswith("s") and not m.endswith(("is", "us"))
    if plural:
        return merge_forms(m[:-1], f[:-1], marker, table) + "s"
    return merge_forms(m, f, marker, table)
