"""The built-in rule packs: they load, they are complete, and validation errors are precise."""
from __future__ import annotations

from pathlib import Path

import pytest

from inclusive_writer.rules.loader import RULE_CATEGORIES, RuleError, load_builtin_pack, load_org_pack, load_pack
from inclusive_writer.core.engine import Engine, engine_for

MINIMUM = {"en": 150, "nl": 120, "fr": 120, "de": 120}


@pytest.mark.parametrize("lang", sorted(MINIMUM))
def test_pack_loads_and_meets_coverage(lang):
    pack = load_builtin_pack(lang)
    assert len(pack.rules) >= MINIMUM[lang]
    for rule in pack.rules:
        assert rule.explanation and rule.source and rule.alternatives, rule.id
        assert rule.id.startswith(lang + ".")
    cats = {r.category for r in pack.rules}
    assert {"gender", "age", "origin", "disability", "appearance", "family", "religion"} <= cats
    assert cats <= set(RULE_CATEGORIES)


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("body,problem", [
    ("  - id: en.age.x\n    terms: young\n    message: m\n    explanation: e\n    source: s\n", "alternatives"),
    ("  - id: en.age.x\n    terms: young\n    pattern: 'x'\n    message: m\n    explanation: e\n    source: s\n    alternatives: [a]\n", "exactly one of"),
    ("  - id: en.age.x\n    pattern: '(unclosed'\n    message: m\n    explanation: e\n    source: s\n    alternatives: [a]\n", "not a valid regular expression"),
    ("  - id: en.age.x\n    terms: young\n    severity: fatal\n    message: m\n    explanation: e\n    source: s\n    alternatives: [a]\n", "severity"),
    ("  - id: en.age.x\n    terms: young\n    message: m\n    explanation: e\n    source: s\n    alternatives: [a]\n    when: {after: [x]}\n", "unknown condition 'after'"),
    ("  - id: en.age.x\n    terms: \"young @nope\"\n    message: m\n    explanation: e\n    source: s\n    alternatives: [a]\n", "unknown word set '@nope'"),
    ("  - id: Bad Id\n    terms: young\n    message: m\n    explanation: e\n    source: s\n    alternatives: [a]\n", "'id'"),
    ("  - id: en.age.x\n    terms: young\n    explanation: e\n    source: s\n    alternatives: [a]\n", "missing 'message'"),
])
def test_invalid_entries_name_file_entry_and_problem(tmp_path, body, problem):
    path = _write(tmp_path / "en", "age.yaml", "language: en\ncategory: age\nrules:\n" + body)
    with pytest.raises(RuleError) as exc:
        load_pack(tmp_path / "en", "en")
    message = str(exc.value)
    assert str(path) in message and "rule #1" in message and problem in message


def test_yaml_syntax_error_names_the_line(tmp_path):
    path = _write(tmp_path / "en", "age.yaml", "language: en\ncategory: age\nrules:\n  - id: [unclosed\n")
    with pytest.raises(Exception) as exc:
        load_pack(tmp_path / "en", "en")
    assert str(path) in str(exc.value) and "line" in str(exc.value)


def test_duplicate_ids_are_refused(tmp_path):
    entry = "  - id: en.age.x\n    terms: young\n    message: m\n    explanation: e\n    source: s\n    alternatives: [a]\n"
    _write(tmp_path / "en", "age.yaml", "language: en\ncategory: age\nrules:\n" + entry * 2)
    with pytest.raises(RuleError, match="duplicate id"):
        load_pack(tmp_path / "en", "en")


def test_organisation_pack_adds_rules_and_switches_off_by_word_and_category(tmp_path):
    org = tmp_path / "acme"
    _write(org, "config.yaml", "disable:\n  words: [ninja]\n  categories: [readability]\n")
    _write(org / "rules" / "en", "gender.yaml", """language: en
category: gender
rules:
  - id: en.gender.acme-guys
    terms: "hey guys"
    message: "“{match}” addresses men."
    explanation: "Not everyone on the team is a guy."
    source: "ACME writing guide, section 3."
    alternatives: ["hi all", "hi team"]
  - id: en.gender.acme-ninja
    terms: "ninja | ninjas"
    message: "m"
    explanation: "e"
    source: "s"
    alternatives: ["expert | experts"]
""")
    config = load_org_pack(org)
    engine = Engine(config)
    text = "Hey guys, we need a coding ninja. " + " ".join(["word"] * 40) + "."
    report = engine.analyze(text, "en")
    rules = {f.rule for f in report.findings}
    assert "en.gender.acme-guys" in rules
    assert "en.gender.acme-ninja" not in rules
    assert not any(f.category == "readability" for f in report.findings)
    assert next(f for f in report.findings if f.rule == "en.gender.acme-guys").suggestions[0] == "Hi all"
    assert engine_for(org) is engine_for(org)


def test_organisation_config_errors_are_clear(tmp_path):
    org = tmp_path / "bad"
    _write(org, "config.yaml", "disable:\n  categories: [colour]\n")
    with pytest.raises(RuleError, match="unknown category 'colour'"):
        load_org_pack(org)


def _all_sentences(lang: str) -> list[str]:
    """Every sentence of the eval, unseen and judge sets of `lang`, plus the sample texts."""
    import yaml
    root = Path(__file__).resolve().parents[1] / "resources"
    out: list[str] = []
    for path in (root / "eval" / f"{lang}.yaml", root / "eval" / "unseen" / f"{lang}.yaml"):
        if path.is_file():
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            out += [c if isinstance(c, str) else c["text"] for c in data.get("clean", [])]
            out += [f["text"] for f in data.get("flagged", [])]
    judge = yaml.safe_load((root / "judge" / f"{lang}.yaml").read_text(encoding="utf-8"))
    for concept in (judge.get("concepts") or {}).values():
        out += list(concept.get("people") or []) + list(concept.get("other") or [])
    out += [p.read_text(encoding="utf-8") for p in (root / "samples").glob(f"*{lang}*")
            if p.suffix in (".txt", ".md")]
    return out


@pytest.mark.parametrize("lang", sorted(MINIMUM))
def test_every_pattern_rule_can_be_skipped_cheaply_and_anchors_are_sound(lang):
    """A pattern either starts with words the engine can read from it, or declares `anchors`;
    and on every sentence we have, each match of an anchored pattern contains an anchor."""
    from inclusive_writer.core.triggers import triggers
    pack = load_builtin_pack(lang)
    patterns = [r for r in pack.rules if r.pattern is not None]
    unanchored = [r.id for r in patterns if triggers(r.pattern) is None and not r.anchors]
    assert not unanchored, f"give these pattern rules `anchors` (see docs/RULES.md): {unanchored}"
    anchored = [r for r in patterns if r.anchors]
    sentences = _all_sentences(lang)
    for rule in anchored:
        for s in sentences:
            for m in rule.pattern.finditer(s):
                assert any(a in m.group(0).lower() for a in rule.anchors), (rule.id, m.group(0), s)


@pytest.mark.parametrize("body,problem", [
    ("    terms: youngster\n    anchors: [young]\n", "'anchors' only applies to a 'pattern' rule"),
    ("    pattern: '(?i)\\bunder\\s+30'\n    anchors: young\n", "'anchors' must be a list"),
])
def test_anchors_are_validated(tmp_path, body, problem):
    _write(tmp_path / "en", "age.yaml", "language: en\ncategory: age\nrules:\n  - id: en.age.x\n" + body
           + "    message: m\n    explanation: e\n    source: s\n    alternatives: [a]\n")
    with pytest.raises(RuleError, match=problem):
        load_pack(tmp_path / "en", "en")
