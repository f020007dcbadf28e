"""Small, realistic German and French rule packs for the rewrite tests.

The rewrite layer must not depend on how far the language packs are: these packs follow
docs/RULES.md and carry the tags (gender, style) the rewrite uses.
"""
from __future__ import annotations

from pathlib import Path

DE_GENDER = """
language: de
category: gender
rules:
  - id: de.gender.verkaeufer
    terms: "Verkäufer | Verkäufer | Verkäufers | Verkäufern"
    job_title: true
    gender: m
    compound: true
    lemma: false
    severity: warning
    message: "„{match}“ nennt nur Männer."
    explanation: "Die männliche Form liest sich, als suchten Sie einen Mann."
    source: "AGG §§ 1, 7, 11"
    alternatives:
      - forms: "Verkaufskraft | Verkaufskräfte | Verkaufskraft | Verkaufskräften"
        gender: f
        style: neutral
      - forms: "Verkäufer:in | Verkäufer:innen | Verkäufer:in | Verkäufer:innen"
        gender: f
        style: colon
      - forms: "Verkäufer*in | Verkäufer*innen | Verkäufer*in | Verkäufer*innen"
        gender: f
        style: star
  - id: de.gender.leiter
    terms: "Leiter | Leiter | Leiters | Leitern"
    job_title: true
    gender: m
    compound: true
    lemma: false
    severity: warning
    message: "„{match}“ nennt nur Männer."
    explanation: "Leitung ist neutral."
    source: "AGG §§ 1, 7, 11"
    alternatives:
      - forms: "Leitung | Leitungen | Leitung | Leitungen"
        gender: f
        style: neutral
      - forms: "Leiter*in | Leiter*innen | Leiter*in | Leiter*innen"
        style: star
  - id: de.gender.lehrer
    terms: "Lehrer | Lehrer | Lehrers | Lehrern"
    job_title: true
    gender: m
    lemma: false
    severity: warning
    message: "„{match}“ nennt nur Männer."
    explanation: "Lehrkraft ist neutral."
    source: "AGG §§ 1, 7, 11"
    alternatives:
      - forms: "Lehrkraft | Lehrkräfte | Lehrkraft | Lehrkräften"
        gender: f
        style: neutral
      - forms: "Lehrer*in | Lehrer*innen | Lehrer*in | Lehrer*innen"
        style: star
"""

FR_GENDER = """
language: fr
category: gender
rules:
  - id: fr.gender.vendeur
    terms: "vendeur | vendeurs"
    job_title: true
    gender: m
    lemma: false
    severity: warning
    message: "« {match} » ne nomme que les hommes."
    explanation: "Le masculin seul exclut les femmes et les personnes non binaires."
    source: "Code du travail, art. L1142-1"
    alternatives:
      - forms: "vendeur ou vendeuse | vendeurs et vendeuses"
        style: doublet
      - forms: "vendeur·euse | vendeur·euses"
        style: median
      - forms: "personne chargée de la vente | personnes chargées de la vente"
        gender: f
        style: epicene
  - id: fr.gender.directeur
    terms: "directeur | directeurs"
    job_title: true
    gender: m
    lemma: false
    severity: warning
    message: "« {match} » ne nomme que les hommes."
    explanation: "« Direction » est épicène."
    source: "Code du travail, art. L1142-1"
    alternatives:
      - forms: "directeur ou directrice | directeurs et directrices"
        style: doublet
      - forms: "directeur·rice | directeur·rices"
        style: median
      - forms: "direction | directions"
        gender: f
        style: epicene
"""

DE_APPEARANCE = """
language: de
category: appearance
rules:
  - id: de.appearance.schlank
    terms: "schlank | schlanke | schlanken | schlanker | schlankes"
    severity: error
    message: "„{match}“ verlangt ein Aussehen, das mit der Arbeit nichts zu tun hat."
    explanation: "Körpermerkmale sind kein Auswahlkriterium."
    source: "AGG §§ 1, 7 (Behinderung, Geschlecht: mittelbare Benachteiligung)"
    alternatives:
      - ""
"""

FR_AGE = """
language: fr
category: age
rules:
  - id: fr.age.jeune-et-motive
    terms: "jeune et motivé | jeune et motivée"
    severity: warning
    message: "« {match} » vise un âge."
    explanation: "L'âge n'est pas une compétence."
    source: "Code du travail, art. L1132-1"
    alternatives:
      - forms: "motivé ou motivée"
        style: doublet
      - forms: "motivé·e"
        style: median
"""

EXTRA = {"de": {"appearance.yaml": DE_APPEARANCE}, "fr": {"age.yaml": FR_AGE}}


def write_pack(root: Path, lang: str, gender_yaml: str) -> Path:
    folder = root / lang
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "gender.yaml").write_text(gender_yaml, encoding="utf-8")
    for name, body in EXTRA.get(lang, {}).items():
        (folder / name).write_text(body, encoding="utf-8")
    (folder / "lexicon.yaml").write_text(f"language: {lang}\nsets: {{}}\n", encoding="utf-8")
    return folder


def engine_with(root: Path, config=None):
    """An Engine whose German and French packs are the fixtures above."""
    from inclusive_writer.core.engine import Engine
    from inclusive_writer.rules.loader import load_pack

    packs = {
        "de": load_pack(write_pack(root, "de", DE_GENDER), "de"),
        "fr": load_pack(write_pack(root, "fr", FR_GENDER), "fr"),
    }
    return Engine(config, packs=packs)
