"""A small, self-contained rule pack per language for testing the engine's mechanics.

The real packs in resources/ are tested in tests/test_rules_<lang>.py; these fixtures keep the
engine tests independent of how the real data evolves.
"""
from __future__ import annotations

from pathlib import Path

from inclusive_writer.core.engine import Engine
from inclusive_writer.rules.loader import OrgConfig, load_pack

COMMON = 'message: "{match}: flagged."\n    explanation: "Why."\n    source: "Test source."'

PACKS = {
    "en": {
        "lexicon.yaml": """language: en
sets:
  people: [team, people, colleagues, candidates, graduates, professionals]
  roles: [candidate, applicant, employee, hire, manager]
  languages: [english, dutch, french, german]
  function: [the, a, an, our, your, this, we, you, in, as, if, when, he, she]
""",
        "gender.yaml": f"""language: en
category: gender
rules:
  - id: en.gender.salesman
    terms: "salesman | salesmen"
    job_title: true
    {COMMON}
    alternatives: ["salesperson | salespeople", "sales representative | sales representatives"]
  - id: en.gender.chairman
    terms: "chairman | chairmen"
    {COMMON}
    alternatives: ["chair | chairs"]
  - id: en.gender.pronoun-he
    terms: "he | his | him"
    {COMMON}
    alternatives: ["they | their | them"]
    when: {{antecedent: role}}
  - id: en.gender.pronoun-she
    terms: "she | her"
    {COMMON}
    alternatives: ["they | their"]
    when: {{antecedent: role}}
  - id: en.gender.master
    terms: "master | masters"
    severity: info
    {COMMON}
    alternatives: ["expert | experts"]
    unless: {{next: ["'s", "degree", "of science", "of arts"]}}
""",
        "origin.yaml": f"""language: en
category: origin
rules:
  - id: en.origin.native-speaker
    terms: "native @languages speaker | native @languages speakers | native speaker | native speakers"
    {COMMON}
    alternatives: ["fluent {{1}} speaker (C1) | fluent {{1}} speakers (C1) | fluent speaker (C1) | fluent speakers (C1)"]
  - id: en.origin.native
    terms: "native"
    ambiguous: true
    {COMMON}
    alternatives: ["fluent"]
    when: {{next: ["@languages"]}}
""",
        "age.yaml": f"""language: en
category: age
rules:
  - id: en.age.young
    terms: "young | younger"
    {COMMON}
    alternatives: ["motivated | more motivated"]
    when: {{next: ["@people"]}}
  - id: en.age.under
    pattern: '(?i)\\b(?:under|below)\\s+(\\d{{2}})(?:\\s+years?(?:\\s+old)?)?\\b'
    severity: error
    {COMMON}
    alternatives: [""]
  - id: en.age.digital-native
    terms: "digital native | digital natives"
    {COMMON}
    alternatives: ["digitally skilled person | digitally skilled people"]
""",
        "disability.yaml": f"""language: en
category: disability
rules:
  - id: en.disability.disabled
    terms: "the disabled"
    {COMMON}
    alternatives: ["disabled people"]
    unless: {{next: ["@people", feature, account, option, button]}}
""",
    },
    "nl": {
        "lexicon.yaml": "language: nl\nsets:\n  people: [team, collega's, mensen]\n",
        "gender.yaml": f"""language: nl
category: gender
rules:
  - id: nl.gender.verkoopster
    terms: "verkoopster | verkoopsters"
    job_title: true
    compound: true
    gender: f
    {COMMON}
    alternatives: ["verkoper | verkopers"]
  - id: nl.gender.verpleegster
    terms: "verpleegster | verpleegsters"
    job_title: true
    compound: true
    gender: f
    {COMMON}
    alternatives: ["verpleegkundige | verpleegkundigen"]
  - id: nl.gender.verkoper
    terms: "verkoper | verkopers"
    job_title: true
    compound: true
    gender: m
    {COMMON}
    alternatives: ["verkoper | verkopers"]
""",
        "age.yaml": f"""language: nl
category: age
rules:
  - id: nl.age.max-jaar
    pattern: '(?i)\\b(?:max(?:imaal|\\.)?|hoogstens)\\s*(\\d{{2}})\\s*jaar\\b'
    severity: error
    {COMMON}
    alternatives: [""]
  - id: nl.age.pas-afgestudeerd
    terms: "pas afgestudeerd | pas afgestudeerde | pas afgestudeerden"
    {COMMON}
    alternatives: ["met een diploma | met een diploma | met een diploma"]
""",
    },
    "fr": {
        "gender.yaml": f"""language: fr
category: gender
rules:
  - id: fr.gender.vendeur
    terms: "vendeur | vendeurs"
    job_title: true
    gender: m
    {COMMON}
    alternatives: [{{forms: "vendeur ou vendeuse | vendeurs et vendeuses", style: doublet}},
                   {{forms: "vendeur·euse | vendeur·euses", style: median}}]
  - id: fr.gender.vendeuse
    terms: "vendeuse | vendeuses"
    job_title: true
    gender: f
    {COMMON}
    alternatives: ["vendeur ou vendeuse | vendeurs et vendeuses"]
""",
        "age.yaml": f"""language: fr
category: age
rules:
  - id: fr.age.moins-de
    pattern: '(?i)\\b(?:moins\\s+de|max(?:imum)?\\.?)\\s*(\\d{{2}})\\s*ans\\b'
    severity: error
    {COMMON}
    alternatives: [""]
""",
    },
    "de": {
        "lexicon.yaml": "language: de\nsets:\n  people: [team, kollegen, menschen]\n",
        "gender.yaml": f"""language: de
category: gender
rules:
  - id: de.gender.leiter
    terms: "Leiter | Leiter | Leiters | Leitern"
    job_title: true
    compound: true
    gender: m
    compound_unless: [begleiter, wegbegleiter]
    {COMMON}
    alternatives: [{{forms: "Leitung | Leitungen | Leitung | Leitungen", gender: f, style: neutral}},
                   {{forms: "Leiter*in | Leiter*innen | Leiter*in | Leiter*innen", style: star}}]
  - id: de.gender.leiterin
    terms: "Leiterin | Leiterinnen"
    job_title: true
    compound: true
    gender: f
    {COMMON}
    alternatives: ["Leitung | Leitungen"]
  - id: de.gender.verkaeufer
    terms: "Verkäufer | Verkäufer | Verkäufers | Verkäufern"
    job_title: true
    compound: true
    gender: m
    {COMMON}
    alternatives: ["Verkaufskraft | Verkaufskräfte | Verkaufskraft | Verkaufskräften"]
""",
        "age.yaml": f"""language: de
category: age
rules:
  - id: de.age.junges-team
    terms: "jung~ Team | jung~ Teams"
    {COMMON}
    alternatives: ["motiviertes Team | motivierte Teams"]
  - id: de.age.bis-jahre
    pattern: '(?i)\\b(?:bis|höchstens|maximal)\\s+(\\d{{2}})\\s+Jahre\\b'
    severity: error
    {COMMON}
    alternatives: [""]
""",
    },
}


def write_packs(root: Path) -> dict[str, Path]:
    folders = {}
    for lang, files in PACKS.items():
        folder = root / lang
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in files.items():
            (folder / name).write_text(content, encoding="utf-8")
        folders[lang] = folder
    return folders


def fixture_engine(root: Path, config: OrgConfig | None = None) -> Engine:
    folders = write_packs(root)
    packs = {lang: load_pack(folder, lang) for lang, folder in folders.items()}
    return Engine(config, packs=packs)
