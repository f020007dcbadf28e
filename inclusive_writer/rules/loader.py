"""Rule packs: load YAML rule files, validate every entry, report errors precisely.

An error names the file, the entry (index and id) and what is wrong, so that the people who
maintain an organisation's pack can fix it without reading code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..core.model import CATEGORIES, LANGUAGES, SEVERITIES
from ..resources import resource
from .yamlio import DataError, load_yaml

RULE_CATEGORIES = tuple(c for c in CATEGORIES if c not in ("readability", "spelling", "grammar"))
CONDITION_KEYS = ("next", "prev", "next2", "prev2", "near", "sentence",
                  "capitalized", "sentence_start", "antecedent")
GENDERS = ("m", "f", "n", "c")
STYLES = ("neutral", "doublet", "median", "star", "colon", "label", "epicene", "plural")
RULE_KEYS = {
    "id", "terms", "pattern", "severity", "message", "explanation", "source", "alternatives",
    "when", "unless", "ambiguous", "job_title", "compound", "compound_unless", "lemma",
    "case_sensitive", "gender", "words", "category", "note", "anchors",
}
ID_RE = re.compile(r"^[a-z]{2}\.[a-z-]+\.[a-z0-9][a-z0-9._-]*$")


class RuleError(DataError):
    """A rule file or entry is invalid."""

    def __init__(self, file: Path | str, problem: str, index: int | None = None,
                 rule_id: str | None = None) -> None:
        where = str(file)
        if index is not None:
            where += f": rule #{index + 1}"
            if rule_id:
                where += f" ({rule_id})"
        super().__init__(f"{where}: {problem}")
        self.file, self.problem, self.index, self.rule_id = str(file), problem, index, rule_id


@dataclass(slots=True)
class Alternative:
    """One suggested replacement, form by form aligned with the rule's terms."""

    forms: list[str]
    gender: str | None = None
    style: str | None = None

    def form(self, index: int) -> str:
        return self.forms[min(index, len(self.forms) - 1)]


@dataclass(slots=True)
class Rule:
    """One validated rule entry."""

    id: str
    language: str
    category: str
    severity: str
    message: str
    explanation: str
    source: str
    terms: list[str] = field(default_factory=list)
    pattern: re.Pattern[str] | None = None
    alternatives: list[Alternative] = field(default_factory=list)
    when: dict[str, Any] = field(default_factory=dict)
    unless: dict[str, Any] = field(default_factory=dict)
    ambiguous: bool = False
    job_title: bool = False
    compound: bool = False
    compound_unless: frozenset[str] = frozenset()
    lemma: bool = True
    case_sensitive: bool = False
    gender: str | None = None
    words: list[str] = field(default_factory=list)
    anchors: tuple[str, ...] = ()  # a pattern runs only on paragraphs containing one of these
    file: str = ""

    def key_words(self) -> set[str]:
        """Lower-case words by which an organisation can switch this rule off."""
        out = {w.lower() for w in self.words}
        for form in self.terms:
            out.add(form.lower())
            out.update(w.lower().rstrip("~") for w in form.split() if not w.startswith("@"))
        return out


@dataclass(slots=True)
class Pack:
    """The rules and word sets of one language (built-in, optionally merged with an org pack)."""

    language: str
    rules: list[Rule]
    sets: dict[str, frozenset[str]]
    files: list[str] = field(default_factory=list)


@dataclass(slots=True)
class OrgConfig:
    """An organisation's settings: extra rules, rules switched off, styles, locales."""

    disabled_ids: frozenset[str] = frozenset()
    disabled_categories: frozenset[str] = frozenset()
    disabled_words: frozenset[str] = frozenset()
    style: dict[str, str] = field(default_factory=dict)
    locale: dict[str, str] = field(default_factory=dict)
    rules: dict[str, list[Rule]] = field(default_factory=dict)
    sets: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)
    folder: str | None = None

    def disables(self, rule: Rule) -> bool:
        if rule.id in self.disabled_ids or rule.category in self.disabled_categories:
            return True
        return bool(self.disabled_words and self.disabled_words & rule.key_words())

    def cache_key(self) -> tuple[Any, ...]:
        return (self.folder, self.disabled_ids, self.disabled_categories, self.disabled_words)


def _text(entry: dict[str, Any], key: str, fail: Any, required: bool = True) -> str:
    value = entry.get(key)
    if value is None:
        if required:
            fail(f"missing '{key}'")
        return ""
    if not isinstance(value, str) or not value.strip():
        fail(f"'{key}' must be a non-empty string")
    return " ".join(value.split()) if key == "message" else value.strip()


def _forms(value: Any, what: str, fail: Any) -> list[str]:
    if isinstance(value, list):
        value = " | ".join(str(v) for v in value)
    if not isinstance(value, str):
        fail(f"'{what}' must be a string of forms separated by '|'")
    forms = [" ".join(f.split()) for f in value.split("|")]
    return forms


def _condition(value: Any, key: str, fail: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        fail(f"'{key}' must be a mapping of conditions")
    out: dict[str, Any] = {}
    for cond, arg in value.items():
        if cond not in CONDITION_KEYS:
            fail(f"unknown condition '{cond}' in '{key}' (known: {', '.join(CONDITION_KEYS)})")
        if cond in ("capitalized", "sentence_start"):
            if not isinstance(arg, bool):
                fail(f"condition '{cond}' takes true or false")
        elif cond == "antecedent":
            if arg != "role":
                fail("condition 'antecedent' takes the value 'role'")
        else:
            if isinstance(arg, str):
                arg = [arg]
            if not isinstance(arg, list) or not all(isinstance(a, str) and a.strip() for a in arg):
                fail(f"condition '{cond}' takes a list of words")
            arg = [a.strip().lower() for a in arg]
        out[cond] = arg
    return out


def _alternatives(value: Any, fail: Any) -> list[Alternative]:
    if value is None:
        return []
    if not isinstance(value, list):
        fail("'alternatives' must be a list")
    alts = []
    for i, item in enumerate(value):
        if isinstance(item, str):
            alts.append(Alternative(_forms(item, "alternatives", fail)))
        elif isinstance(item, dict):
            unknown = set(item) - {"forms", "gender", "style"}
            if unknown:
                fail(f"alternative #{i + 1}: unknown key(s) {', '.join(sorted(unknown))}")
            if "forms" not in item:
                fail(f"alternative #{i + 1}: missing 'forms'")
            gender, style = item.get("gender"), item.get("style")
            if gender is not None and gender not in GENDERS:
                fail(f"alternative #{i + 1}: gender must be one of {', '.join(GENDERS)}")
            if style is not None and style not in STYLES:
                fail(f"alternative #{i + 1}: style must be one of {', '.join(STYLES)}")
            alts.append(Alternative(_forms(item["forms"], "alternatives", fail), gender, style))
        else:
            fail(f"alternative #{i + 1} must be a string or a mapping with 'forms'")
    return alts


def parse_rule(entry: Any, *, language: str, category: str, file: Path | str, index: int,
               sets: dict[str, frozenset[str]] | None = None) -> Rule:
    """Validate one entry of a category file and build its `Rule`."""
    rule_id = entry.get("id") if isinstance(entry, dict) else None

    def fail(problem: str) -> None:
        raise RuleError(file, problem, index, rule_id if isinstance(rule_id, str) else None)

    if not isinstance(entry, dict):
        fail("must be a mapping")
    unknown = set(entry) - RULE_KEYS
    if unknown:
        fail(f"unknown key(s): {', '.join(sorted(unknown))}")
    if not isinstance(rule_id, str) or not ID_RE.match(rule_id):
        fail("'id' must look like '<lang>.<category>.<slug>' in lower case")
    if not rule_id.startswith(language + "."):
        fail(f"'id' must start with '{language}.'")
    category = entry.get("category", category)
    if category not in RULE_CATEGORIES:
        fail(f"category '{category}' is not one of {', '.join(RULE_CATEGORIES)}")
    severity = entry.get("severity", "warning")
    if severity not in SEVERITIES:
        fail(f"severity must be one of {', '.join(SEVERITIES)}")
    has_terms, has_pattern = "terms" in entry, "pattern" in entry
    if has_terms == has_pattern:
        fail("needs exactly one of 'terms' or 'pattern'")
    terms: list[str] = []
    pattern = None
    if has_terms:
        terms = _forms(entry["terms"], "terms", fail)
        if not all(terms):
            fail("'terms' has an empty form (check for a doubled or trailing '|')")
        for form in terms:
            for word in form.split():
                if word.startswith("@") and sets is not None and word[1:] not in sets:
                    fail(f"term '{form}' uses unknown word set '{word}'")
            if form.split()[0] == "*":
                fail(f"term '{form}' must not start with '*'")
    else:
        if not isinstance(entry["pattern"], str) or not entry["pattern"]:
            fail("'pattern' must be a non-empty regular expression")
        try:
            pattern = re.compile(entry["pattern"])
        except re.error as exc:
            fail(f"'pattern' is not a valid regular expression: {exc}")
        if pattern.match(""):
            fail("'pattern' matches the empty string")
    alternatives = _alternatives(entry.get("alternatives"), fail)
    if not alternatives:
        fail("needs at least one entry in 'alternatives'")
    when = _condition(entry.get("when"), "when", fail)
    unless = _condition(entry.get("unless"), "unless", fail)
    for cond in (when, unless):
        for arg in cond.values():
            if isinstance(arg, list):
                for word in arg:
                    if word.startswith("@") and sets is not None and word[1:] not in sets:
                        fail(f"condition uses unknown word set '{word}'")
    gender = entry.get("gender")
    if gender is not None and gender not in GENDERS:
        fail(f"gender must be one of {', '.join(GENDERS)}")
    for flag in ("ambiguous", "job_title", "compound", "lemma", "case_sensitive"):
        if flag in entry and not isinstance(entry[flag], bool):
            fail(f"'{flag}' must be true or false")
    words = entry.get("words") or []
    compound_unless = entry.get("compound_unless") or []
    anchors = entry.get("anchors") or []
    if anchors and pattern is None:
        fail("'anchors' only applies to a 'pattern' rule")
    if not isinstance(anchors, list) or not all(isinstance(a, str) and a.strip() for a in anchors):
        fail("'anchors' must be a list of non-empty strings (one of them occurs in every match)")
    for name, value in (("words", words), ("compound_unless", compound_unless)):
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            fail(f"'{name}' must be a list of words")
    return Rule(
        id=rule_id, language=language, category=category, severity=severity,
        message=_text(entry, "message", fail), explanation=_text(entry, "explanation", fail),
        source=_text(entry, "source", fail), terms=terms, pattern=pattern,
        alternatives=alternatives, when=when, unless=unless,
        ambiguous=bool(entry.get("ambiguous", False)), job_title=bool(entry.get("job_title", False)),
        compound=bool(entry.get("compound", False)),
        compound_unless=frozenset(w.lower() for w in compound_unless),
        lemma=bool(entry.get("lemma", True)), case_sensitive=bool(entry.get("case_sensitive", False)),
        gender=gender, words=list(words), anchors=tuple(a.lower() for a in anchors), file=str(file),
    )


def load_lexicon(path: Path, language: str) -> dict[str, frozenset[str]]:
    """Named word sets of one language (`lexicon.yaml`)."""
    if not path.exists():
        return {}
    data = load_yaml(path) or {}
    if not isinstance(data, dict) or not isinstance(data.get("sets", {}), dict):
        raise RuleError(path, "must be a mapping with 'sets: {name: [words]}'")
    if data.get("language", language) != language:
        raise RuleError(path, f"'language' is {data.get('language')!r}, expected {language!r}")
    sets: dict[str, frozenset[str]] = {}
    for name, words in (data.get("sets") or {}).items():
        if not isinstance(words, list) or not all(isinstance(w, (str, int)) for w in words):
            raise RuleError(path, f"set '{name}' must be a list of words")
        flags = [w for w in words if isinstance(w, bool)]
        if flags:
            raise RuleError(path, f"set '{name}' has {str(flags[0]).lower()}: YAML reads bare "
                            "no/yes/on/off as true/false; put the word in quotes")
        sets[str(name)] = frozenset(" ".join(str(w).lower().split()) for w in words)
    return sets


def load_rule_file(path: Path, language: str, sets: dict[str, frozenset[str]]) -> list[Rule]:
    """Validate and parse one category file."""
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise RuleError(path, "must be a mapping with 'language', 'category' and 'rules'")
    if data.get("language") != language:
        raise RuleError(path, f"'language' is {data.get('language')!r}, expected {language!r}")
    category = data.get("category")
    if category not in RULE_CATEGORIES:
        raise RuleError(path, f"'category' {category!r} is not one of {', '.join(RULE_CATEGORIES)}")
    entries = data.get("rules")
    if not isinstance(entries, list):
        raise RuleError(path, "'rules' must be a list")
    return [parse_rule(e, language=language, category=category, file=path, index=i, sets=sets)
            for i, e in enumerate(entries)]


def load_pack(folder: Path | str, language: str,
              base_sets: dict[str, frozenset[str]] | None = None) -> Pack:
    """Load every category file of `folder` (plus its lexicon); ids must be unique."""
    folder = Path(folder)
    if language not in LANGUAGES:
        raise RuleError(folder, f"unsupported language {language!r}")
    sets = dict(base_sets or {})
    for name, words in load_lexicon(folder / "lexicon.yaml", language).items():
        sets[name] = sets.get(name, frozenset()) | words
    rules: list[Rule] = []
    files: list[str] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")):
        if path.name in ("lexicon.yaml", "lexicon.yml"):
            continue
        for i, rule in enumerate(load_rule_file(path, language, sets)):
            if rule.id in seen:
                raise RuleError(path, f"duplicate id (also in {seen[rule.id]})", i, rule.id)
            seen[rule.id] = path.name
            rules.append(rule)
        files.append(str(path))
    return Pack(language, rules, sets, files)


@lru_cache(maxsize=8)
def load_builtin_pack(language: str) -> Pack:
    """The built-in rules of one language (cached)."""
    return load_pack(resource("rules", language), language)


def load_org_pack(folder: Path | str) -> OrgConfig:
    """An organisation pack: `config.yaml` (switches, styles, locales) plus `rules/<lang>/`."""
    folder = Path(folder)
    if not folder.is_dir():
        raise RuleError(folder, "organisation pack folder not found")
    config_path = folder / "config.yaml"
    data: dict[str, Any] = {}
    if config_path.exists():
        loaded = load_yaml(config_path) or {}
        if not isinstance(loaded, dict):
            raise RuleError(config_path, "must be a mapping")
        data = loaded
    disable = data.get("disable") or {}
    if not isinstance(disable, dict):
        raise RuleError(config_path, "'disable' must be a mapping with ids, categories, words")
    for key in disable:
        if key not in ("ids", "categories", "words"):
            raise RuleError(config_path, f"'disable' has unknown key '{key}'")
        if not isinstance(disable[key], list):
            raise RuleError(config_path, f"'disable.{key}' must be a list")
    for cat in disable.get("categories", []):
        if cat not in CATEGORIES:
            raise RuleError(config_path, f"'disable.categories': unknown category '{cat}'")
    for key in ("style", "locale"):
        if not isinstance(data.get(key, {}), dict):
            raise RuleError(config_path, f"'{key}' must be a mapping of language to value")
    config = OrgConfig(
        disabled_ids=frozenset(disable.get("ids", [])),
        disabled_categories=frozenset(disable.get("categories", [])),
        disabled_words=frozenset(" ".join(str(w).lower().split()) for w in disable.get("words", [])),
        style=dict(data.get("style") or {}), locale=dict(data.get("locale") or {}),
        folder=str(folder.resolve()),
    )
    for lang in LANGUAGES:
        sub = folder / "rules" / lang
        if sub.is_dir():
            base = load_builtin_pack(lang).sets if resource("rules", lang).is_dir() else {}
            pack = load_pack(sub, lang, base)
            config.rules[lang] = pack.rules
            config.sets[lang] = pack.sets
    return config
