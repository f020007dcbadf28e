"""The Dutch rule pack (Belgium and the Netherlands): it loads, it finds what a real job ad
says, it suggests forms that fit at that spot, and it stays quiet on innocent uses."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import inclusive_writer as iw
from inclusive_writer.core.coding import coded_lists
from inclusive_writer.rules.loader import load_pack

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "resources" / "rules" / "nl"
EVAL = ROOT / "resources" / "eval" / "nl.yaml"
CATEGORY_FILES = ("gender", "age", "origin", "disability", "appearance", "family", "religion",
                  "orientation", "socioeconomic")
QUIET = {"readability", "gender-coded", "spelling", "grammar"}


def findings(text: str, category: str | None = None):
    out = [f for f in iw.analyze(text, lang="nl").findings if f.category not in QUIET]
    return [f for f in out if category is None or f.category == category]


def only(text: str, rule: str):
    hits = [f for f in findings(text) if f.rule == rule]
    assert len(hits) == 1, (text, [(f.text, f.rule) for f in findings(text)])
    return hits[0]


# ------------------------------------------------------------------------------ the pack itself

def test_pack_loads_with_every_category_file():
    for name in CATEGORY_FILES + ("lexicon",):
        assert (RULES / f"{name}.yaml").is_file(), name
    pack = load_pack(RULES, "nl")
    assert len(pack.rules) >= 130
    by_cat: dict[str, int] = {}
    for rule in pack.rules:
        by_cat[rule.category] = by_cat.get(rule.category, 0) + 1
    assert set(by_cat) == set(CATEGORY_FILES)
    assert by_cat["gender"] >= 50 and by_cat["age"] >= 15


def test_every_entry_is_complete_and_aligned():
    pack = load_pack(RULES, "nl")
    for rule in pack.rules:
        assert rule.id.startswith(f"nl.{rule.category}."), rule.id
        assert "\n" not in rule.message and len(rule.message) < 110, rule.id
        assert len(rule.explanation) > 40 and len(rule.source) > 40, rule.id
        assert rule.alternatives, rule.id
        for alt in rule.alternatives:
            # aligned form by form, or a single form that stands for every term
            if rule.terms:
                assert len(alt.forms) in (1, len(rule.terms)), (rule.id, alt.forms)
        if rule.job_title:
            assert rule.category == "gender" and rule.gender in ("m", "f", "n"), rule.id
        if any(t.isalpha() for t in rule.terms):
            assert rule.lemma is False or rule.pattern is not None, rule.id


def test_coded_lists_are_documented_and_do_not_over_match():
    data = yaml.safe_load((ROOT / "resources" / "coded" / "nl.yaml").read_text(encoding="utf-8"))
    assert data["language"] == "nl" and data["source"] and data["method"]
    assert len(data["masculine"]) >= 40 and len(data["feminine"]) >= 40
    assert not set(data["masculine"]) & set(data["feminine"])
    lists = coded_lists("nl")
    for innocent in ("leidingwater", "leidingen", "logistiek", "moeder", "trouwens", "warmtepomp",
                     "dominee", "tactiek", "principe", "samenvatting", "concurrerend",
                     "afhankelijk", "inclusief", "actie"):
        assert lists.stems_of(innocent) == ((), ()), innocent
    assert lists.stems_of("leidinggevende")[0] and lists.stems_of("daadkrachtig")[0]
    assert lists.stems_of("samenwerken")[1] and lists.stems_of("zorgzaam")[1]


def test_gender_coding_summary_for_a_dutch_ad():
    text = ("Wij zoeken een daadkrachtige, ambitieuze leider die zelfstandig beslissingen neemt "
            "en uitdagingen niet uit de weg gaat.")
    coding = iw.analyze(text, lang="nl").summary["gender_coding"]
    assert coding["masculine_count"] >= 4 and coding["feminine_count"] == 0
    assert coding["verdict"] == "strongly masculine-coded"


# ------------------------------------------------------------------------------ positives

POSITIVES = [
    # text, rule, flagged span, first suggestion
    ("Onze verkoopsters helpen klanten bij hun keuze.", "nl.gender.verkoopster",
     "verkoopsters", "verkopers"),
    ("Verpleegster gezocht voor de afdeling geriatrie.", "nl.gender.verpleegster",
     "Verpleegster", "Verpleegkundige"),
    ("Wij zoeken een hoofdverpleegster voor de nachtdienst.", "nl.gender.verpleegster",
     "hoofdverpleegster", "hoofdverpleegkundige"),
    ("Voor onze praktijk zoeken wij een tandartsassistente.", "nl.gender.assistente",
     "tandartsassistente", "tandartsassistent"),
    ("Directiesecretaresse gezocht voor 32 uur per week.", "nl.gender.secretaresse",
     "Directiesecretaresse", "Directiesecretaris"),
    ("Wij zoeken een klantenservicemedewerkster die graag belt.", "nl.gender.medewerkster",
     "klantenservicemedewerkster", "klantenservicemedewerker"),
    ("Wij zoeken een woonbegeleidster voor ons team in Leuven.", "nl.gender.begeleidster",
     "woonbegeleidster", "woonbegeleider"),
    ("Wij zoeken een groepsleidster voor ons kinderdagverblijf.", "nl.gender.leidster",
     "groepsleidster", "groepsleider"),
    ("Kleuterleidster gezocht voor de derde kleuterklas.", "nl.gender.kleuterleidster",
     "Kleuterleidster", "Kleuterleerkracht"),
    ("Als dameskapster knip en kleur je dagelijks.", "nl.gender.kapster",
     "dameskapster", "dameskapper"),
    ("Voor ons hotel zoeken wij kamermeisjes voor het weekend.", "nl.gender.kamermeisje",
     "kamermeisjes", "kamerhulpen"),
    ("Meewerkend voorman gezocht voor ons bouwproject.", "nl.gender.voorman",
     "voorman", "ploegleider"),
    ("Wij zoeken twee ervaren vaklieden voor de renovatie.", "nl.gender.vakman",
     "vaklieden", "vakkrachten"),
    ("Stoere jongens gezocht voor ons magazijn!", "nl.gender.crew",
     "Stoere jongens", "Stoere collega's"),
    ("Wij zoeken een mannelijke kandidaat voor deze functie.", "nl.gender.mannelijke-kandidaat",
     "mannelijke kandidaat", "kandidaat"),
    ("De medewerker meldt zich ziek bij zijn leidinggevende.", "nl.gender.zijn-generic",
     "zijn", "zijn of haar"),
    ("De kandidaat rapporteert aan de teamleider. Hij werkt nauw samen met de planning.",
     "nl.gender.hij-generic", "Hij", "Hij of zij"),
    ("Als de kandidaat geschikt is, bieden wij hem een vast contract aan.",
     "nl.gender.hem-generic", "hem", "hem of haar"),
    ("De nieuwe collega krijgt een laptop. Zij is verantwoordelijk voor de planning.",
     "nl.gender.zij-generic", "Zij", "Hij of zij"),
    ("Kassières gezocht voor zaterdag en zondag.", "nl.gender.kassiere",
     "Kassières", "Kassamedewerkers"),
    ("Geachte heer, hierbij ontvangt u uw arbeidsovereenkomst.", "nl.gender.geachte-heer",
     "Geachte heer", "Geachte heer of mevrouw"),
    # age
    ("Je bent maximaal 35 jaar.", "nl.age.max-age", "maximaal 35 jaar", ""),
    ("Profiel: max. 35 jaar, rijbewijs B.", "nl.age.max-age", "max. 35 jaar", ""),
    ("Je bent maximaal 30 jaar oud en gemotiveerd.", "nl.age.max-age", "maximaal 30 jaar oud", ""),
    ("Je bent tussen 25 en 35 jaar en hebt rijervaring.", "nl.age.range", "tussen 25 en 35 jaar", ""),
    ("Leeftijd: 20-30 jaar.", "nl.age.range", "Leeftijd: 20-30 jaar", ""),
    ("Kandidaten jonger dan 40 worden uitgenodigd.", "nl.age.younger-than", "jonger dan 40", ""),
    ("Je bent niet ouder dan 45.", "nl.age.younger-than", "niet ouder dan 45", ""),
    ("Je hebt maximaal 2 jaar ervaring in de verkoop.", "nl.age.max-experience",
     "maximaal 2 jaar ervaring", "relevante ervaring"),
    ("Je bent pas afgestudeerd als bachelor.", "nl.age.recent-graduate",
     "pas afgestudeerd", "afgestudeerd"),
    ("Je komt terecht in een jong team in hartje Amsterdam.", "nl.age.young-people",
     "jong team", "gedreven team"),
    ("Wij zoeken jonge collega's voor de boekhouding.", "nl.age.young-people",
     "jonge collega", "gedreven collega"),
    ("Wij zijn jong en dynamisch.", "nl.age.young-dynamic", "jong en dynamisch",
     "gedreven en dynamisch"),
    ("Ben jij een digital native?", "nl.age.digital-native", "digital native", "digitaal vaardig"),
    ("Wij zoeken young potentials voor ons traineeship.", "nl.age.young-potential",
     "young potentials", "talenten"),
    ("Je bent een schoolverlater met interesse in techniek.", "nl.age.school-leaver",
     "schoolverlater", "kandidaat zonder werkervaring"),
    ("Overgekwalificeerde kandidaten worden niet uitgenodigd.", "nl.age.overqualified",
     "Overgekwalificeerde", ""),
    # origin
    ("Je hebt Nederlands als moedertaal.", "nl.origin.mother-tongue",
     "Nederlands als moedertaal", "Nederlands op C1-niveau"),
    ("Moedertaal Frans is een vereiste.", "nl.origin.mother-tongue",
     "Moedertaal Frans", "Frans op C1-niveau"),
    ("Je bent native speaker Engels.", "nl.origin.native-speaker",
     "native speaker", "vloeiende spreker (C1)"),
    ("Je spreekt native Engels.", "nl.origin.native-language", "native Engels", "Engels op C1-niveau"),
    ("Je hebt de Belgische nationaliteit.", "nl.origin.nationality",
     "de Belgische nationaliteit", "een geldige werkvergunning"),
    ("Je spreekt accentloos Nederlands.", "nl.origin.accent", "accentloos", "goed verstaanbaar"),
    ("Wij moedigen allochtonen aan om te solliciteren.", "nl.origin.allochtoon",
     "allochtonen", "mensen met een migratieachtergrond"),
    # appearance
    ("Je hebt een representatief uiterlijk.", "nl.appearance.representative",
     "representatief uiterlijk", "professionele houding"),
    ("Stuur je cv met foto naar jobs@bedrijf.be.", "nl.appearance.photo-with", "met foto", ""),
    ("Voeg een recente foto toe aan je sollicitatie.", "nl.appearance.photo", "recente foto", ""),
    ("Je hebt een minimale lengte van 1,75 m.", "nl.appearance.height", "lengte van 1,75 m", ""),
    # family
    ("Je bent ongehuwd en flexibel inzetbaar.", "nl.family.marital-status", "ongehuwd", ""),
    ("Heb je een kinderwens?", "nl.family.child-wish", "kinderwens", ""),
    ("Ideale bijbaan voor moeders met schoolgaande kinderen.", "nl.family.mothers",
     "voor moeders met schoolgaande kinderen", "voor ouders met schoolgaande kinderen"),
    # religion
    ("Je bent praktiserend katholiek.", "nl.religion.practising", "praktiserend katholiek", ""),
    ("Hoofddoeken zijn niet toegestaan op de werkvloer.", "nl.religion.religious-signs",
     "Hoofddoeken", ""),
    # orientation
    ("Medewerkers en hun echtgenotes zijn welkom op het kerstdiner.", "nl.orientation.spouse",
     "echtgenotes", "partners"),
    ("Wij discrimineren niet op seksuele voorkeur.", "nl.orientation.sexual-preference",
     "seksuele voorkeur", "seksuele oriëntatie"),
    # disability
    ("Je bent in goede gezondheid.", "nl.disability.good-health", "in goede gezondheid",
     "in staat de kerntaken van de functie uit te voeren"),
    ("Ons kantoor is toegankelijk voor mindervaliden.", "nl.disability.invalide",
     "mindervaliden", "personen met een handicap"),
    ("Je werkt samen met gehandicapte medewerkers.", "nl.disability.gehandicapte-adj",
     "gehandicapte medewerkers", "medewerkers met een handicap"),
    ("Je hebt geen chronische ziekte.", "nl.disability.no-disability", "geen chronische ziekte", ""),
    # socioeconomic
    ("Je beschikt over een eigen auto.", "nl.socioeconomic.own-car", "eigen auto", "rijbewijs B"),
    ("Je komt uit een goed nest.", "nl.socioeconomic.good-family", "uit een goed nest", ""),
    ("Je spreekt Algemeen Beschaafd Nederlands.", "nl.socioeconomic.abn",
     "Algemeen Beschaafd Nederlands", "Standaardnederlands"),
    ("Je bent jong, dynamisch en flexibel.", "nl.age.young-comma-adjective", "jong,", ""),
    ("Leeftijd: max 35, rijbewijs B.", "nl.age.age-field", "Leeftijd: max 35", ""),
    ("Je bent 24/7 beschikbaar, ook in het weekend.", "nl.family.unlimited-availability",
     "24/7 beschikbaar", "beschikbaar volgens rooster"),
    ("Wij zoeken overblijfmoeders voor de middagpauze.", "nl.gender.school-mothers",
     "overblijfmoeders", "overblijfouders"),
    ("Onthaalmoeder gezocht in de regio Kortrijk.", "nl.gender.onthaalmoeder",
     "Onthaalmoeder", "Onthaalouder"),
    ("Winkeljuffrouw gezocht voor onze bakkerij.", "nl.gender.juffrouw-winkel",
     "Winkeljuffrouw", "Winkelmedewerker"),
    ("Wij zoeken een bejaardenhelpster voor de thuiszorg.", "nl.gender.helpster",
     "bejaardenhelpster", "bejaardenhelper"),
    # regressions found while labelling judge examples
    ("Wij verwachten dat je onbeperkt beschikbaar bent.", "nl.family.unlimited-availability",
     "onbeperkt beschikbaar", "beschikbaar volgens rooster"),
    ("Je bent bereid je hoofddoek af te doen tijdens het werk.", "nl.religion.religious-signs",
     "hoofddoek", ""),
    ("Zichtbare tattoos komen niet in aanmerking.", "nl.appearance.tattoos",
     "Zichtbare tattoos", ""),
    ("Wij zoeken een fysiek sterke medewerker voor ons magazijn.",
     "nl.disability.physically-fit", "fysiek sterke", ""),
    ("De kandidaat rapporteert aan de CFO; hij werkt nauw samen met de controller.",
     "nl.gender.hij-generic", "hij", "hij of zij"),
    ("We nodigen je vriendin ook graag uit.", "nl.orientation.boyfriend",
     "je vriendin", "je partner"),
]


@pytest.mark.parametrize("text,rule,span,first", POSITIVES, ids=[p[1] + ":" + p[2] for p in POSITIVES])
def test_positive_span_and_first_suggestion(text, rule, span, first):
    f = only(text, rule)
    assert text[f.start:f.end] == span == f.text
    assert f.suggestions and f.suggestions[0] == first
    assert f.message and f.explanation and f.source


def test_findings_carry_the_legal_source():
    f = only("Je bent maximaal 35 jaar.", "nl.age.max-age")
    assert "WGBL" in f.source and "Antidiscriminatiewet" in f.source
    g = only("Wij zoeken een verkoopster voor onze winkel.", "nl.gender.verkoopster")
    assert "Genderwet" in g.source and "WGB m/v" in g.source
    d = only("Je hebt geen chronische ziekte.", "nl.disability.no-disability")
    assert "WGBH/CZ" in d.source


# ------------------------------------------------------------------------------ traps (quiet)

TRAPS = [
    "Wij zijn een jong bedrijf in volle groei.",
    "Ons jonge merk groeit snel in de Benelux.",
    "De software is beschikbaar in je moedertaal.",
    "Wij organiseren lessen Nederlands voor anderstaligen.",
    "We bouwen een native app voor iOS en Android.",
    "Je verzorgt de Nederlandstalige communicatie met onze klanten.",
    "Maria presenteerde haar rapport aan de directie.",
    "Anna werkt sinds 2019 bij ons. Zij is teamleider van de afdeling.",
    "De kandidaten zijn flexibel. Zij zijn bereid in het weekend te werken.",
    "Hij of zij rapporteert aan de directeur.",
    "Meester in de rechten of master in de rechten.",
    "Meester in de Rechten met vijf jaar ervaring in het vennootschapsrecht.",
    "Onze bedrijfsleider stuurt een team van tien mensen aan.",
    "De werkzaamheden vragen ongeveer 40 manuren.",
    "Wij zoeken een mannequin voor onze modeshow.",
    "Gebruik je gezond verstand.",
    "Iedereen heeft een blinde vlek.",
    "Het bedrijf is financieel gezond.",
    "In ons dierenasiel verzorg je jonge honden en katten.",
    "Je begeleidt jongeren van 16 tot 25 jaar.",
    "Je werkt met kinderen in de leeftijd van 4 tot 12 jaar.",
    "Het betreft een tijdelijk contract van maximaal 2 jaar.",
    "Reageer uiterlijk 15 maart via onze website.",
    "Je werkt met blanke lak en beits.",
    "Medewerkers hebben recht op zwangerschapsverlof.",
    "Wij geloven in jouw talent.",
    "Een hoofddoek is bij ons geen probleem.",
    "Wij werven ongeacht leeftijd, geslacht, afkomst, geloof, seksuele oriëntatie of handicap.",
    "Vrouwelijke kandidaten worden nadrukkelijk uitgenodigd te solliciteren.",
    "Wij zoeken een gastheer/gastvrouw voor het onthaal.",
    "Wij zoeken een vakman/vakvrouw voor onze werkplaats.",
    "Voor groep 5 zoeken wij een meester of juf.",
    "Wij zoeken zowel starters als ervaren krachten.",
    "Stuur je portfolio met foto's van je projecten.",
    "Je cv mag je mailen; een foto toevoegen is niet nodig.",
    "Je werkt nauw samen met ABN AMRO en andere banken.",
    "Voor deze functie heb je geen eigen vervoer nodig.",
    "Bij ons werken mensen met en zonder handicap samen.",
    "Je bent getrouwd met je vak.",
    "Je begeleidt mensen met een verstandelijke beperking.",
    "De vacature staat open tot 30 juni.",
    "Je bent tussen 8 en 17 uur bereikbaar voor klanten.",
    "Parkeren kan op de mindervalidenparking naast de ingang.",
    "Je verwerkt aanvragen voor de Belgische nationaliteit bij de dienst bevolking.",
    "Het sociaal secretariaat vraagt je burgerlijke staat voor de bedrijfsvoorheffing.",
    "Welke godsdienst je ook hebt, je bent welkom.",
    "Heb je kinderen, dan kun je gebruikmaken van ouderschapsverlof.",
    "Deze regeling geldt voor werknemers met en zonder kinderen.",
    "De medewerker draagt het haar in een staart.",
    "De klus kost ongeveer twaalf man-uren.",
    "Wij werken met dove en slechthorende klanten.",
    "De sollicitant ontvangt een reactie op haar of zijn sollicitatie.",
    "Wij zijn een jong, dynamisch bedrijf.",
    "Onze helpdesk is 24/7 beschikbaar voor klanten.",
    "Het dragen van een hoofddoek is toegestaan.",
    # regressions found while labelling judge examples: the innocent neighbours
    "Wij zijn 24/7 beschikbaar voor onze klanten.",
    "Een hoofddoek is bij ons geen probleem, je hoeft hem niet af te doen.",
    "Je hoeft geen tatoeages te verbergen.",
    "Bij ons hoef je geen tattoos te verbergen.",
    "De opleiding is Engelstalig en duurt twee weken.",
    "Het bedrijf is financieel kerngezond.",
    "Je maakt onze IT-infrastructuur weer topfit.",
    "Jan is onze CFO. Hij werkt nauw samen met de controller.",
    "Wij nodigen je uit voor een kennismakingsgesprek.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_innocent_uses_stay_quiet(text):
    assert findings(text) == [], [(f.text, f.rule) for f in findings(text)]


def test_language_group_after_inverted_verb_or_perfect():
    # the suggestion's capital comes from the adjective (engine casing), so only rule and span
    for text, span in (("Ben je Franstalig?", "Franstalig"),
                       ("Je bent perfect Nederlandstalig.", "Nederlandstalig")):
        f = only(text, "nl.origin.language-group")
        assert f.text == span and f.suggestions


def test_bedrijfsleider_is_neutral_but_leidster_is_not():
    assert findings("Bedrijfsleider gezocht voor onze supermarkt.", "gender") == []
    f = only("Bedrijfsleidster gezocht voor onze supermarkt.", "nl.gender.leidster")
    assert f.suggestions[0] == "Bedrijfsleider"


# ------------------------------------------------------------------------------ form and shape

def test_line_break_hyphenation_is_seen():
    text = "Wij zoeken een verpleeg-\nster voor de nachtdienst."
    f = only(text, "nl.gender.verpleegster")
    assert text[f.start:f.end] == "verpleeg-\nster"
    assert f.suggestions[0] == "verpleegkundige"


def test_soft_hyphen_inside_a_word_is_seen():
    text = "Wij zoeken een verkoop\u00adster voor de winkel."
    f = only(text, "nl.gender.verkoopster")
    assert f.text == "verkoop\u00adster" and f.suggestions[0] == "verkoper"


def test_all_caps_heading_keeps_caps():
    f = only("VERKOOPSTER GEZOCHT", "nl.gender.verkoopster")
    assert f.suggestions[0] == "VERKOPER"


def test_sentence_start_capital_in_compound():
    f = only("Hoofdverpleegster gezocht.", "nl.gender.verpleegster")
    assert f.suggestions[0] == "Hoofdverpleegkundige"


def test_plural_and_compound_plural_agree():
    f = only("Wij zoeken twee tandartsassistentes.", "nl.gender.assistente")
    assert f.suggestions[0] == "tandartsassistenten"
    g = only("Onze serveersters werken in ploegen.", "nl.gender.serveerster")
    assert g.suggestions[0] == "bedieningsmedewerkers"


def test_job_title_followed_by_label_is_fine_and_label_elsewhere_makes_info():
    assert findings("Wij zoeken een verkoopster (m/v) voor onze winkel.", "gender") == []
    text = "Verkoopmedewerker (m/v/x)\nAls verkoopster help je klanten bij hun keuze."
    f = only(text, "nl.gender.verkoopster")
    assert f.severity == "info"
    assert findings("Wij zoeken een verkoopster.", "gender")[0].severity == "warning"


def test_pronoun_needs_a_role_antecedent():
    assert findings("Maria bespreekt zijn taken niet.", "gender") == []
    assert only("De werknemer ontvangt zijn loonstrook via het portaal.",
                "nl.gender.zijn-generic").text == "zijn"
    # verb "zijn" after a role word stays quiet
    assert findings("De kandidaten moeten flexibel zijn.", "gender") == []


def test_age_pattern_variants():
    for text in ("Leeftijd tussen de 25 en 35 jaar.", "Je bent 30 jaar of jonger.",
                 "Kandidaten geboren na 1995 krijgen voorrang.", "Je bent van 18 tot 25 jaar oud."):
        assert findings(text, "age"), text
    # a minimum of 18 is a legal floor, not flagged; 25 is
    assert findings("Je bent minimaal 18 jaar oud.", "age") == []
    assert only("Je bent minimaal 25 jaar oud.", "nl.age.min-age").severity == "warning"


def test_near_native_is_info_not_native_requirement():
    fs = findings("Je spreekt near-native Engels.", "origin")
    assert [f.rule for f in fs] == ["nl.origin.native-level"]
    assert fs[0].severity == "info"


# ------------------------------------------------------------------------------ the eval file

def _eval():
    return yaml.safe_load(EVAL.read_text(encoding="utf-8"))


def test_eval_file_shape():
    data = _eval()
    assert data["language"] == "nl"
    assert len(data["clean"]) >= 80 and len(data["flagged"]) >= 80
    ids = {r.id for r in load_pack(RULES, "nl").rules}
    for item in data["flagged"]:
        assert set(item) == {"text", "category", "rule"}
        assert item["rule"] is None or item["rule"] in ids, item


def test_eval_clean_sentences_stay_clean():
    noisy = {t: [(f.text, f.rule) for f in findings(t)] for t in _eval()["clean"]}
    noisy = {t: fs for t, fs in noisy.items() if fs}
    assert noisy == {}


def test_eval_recall():
    items = _eval()["flagged"]
    missed = []
    for item in items:
        fs = findings(item["text"], item["category"])
        if not fs or (item["rule"] and item["rule"] not in {f.rule for f in fs}):
            missed.append(item["text"])
    recall = 1 - len(missed) / len(items)
    assert recall >= 0.9, missed


# ------------------------------------------------------------------------------ engine gaps

def test_label_suggestion_joins_a_hyphenated_line_break():
    f = only("Wij zoeken een verpleeg-\nster voor de nachtdienst.", "nl.gender.verpleegster")
    assert "verpleegster (m/v/x)" in f.suggestions


def test_capital_of_language_name_is_not_transferred_mid_sentence():
    f = only("Je hebt Nederlands als moedertaal.", "nl.origin.mother-tongue")
    assert f.suggestions[1] == "vloeiend Nederlands"


def test_all_caps_is_not_transferred_from_an_acronym():
    f = only("Je spreekt ABN.", "nl.socioeconomic.abn")
    assert f.suggestions[0] == "Standaardnederlands"


def test_named_person_with_role_predicate_is_not_generic():
    assert findings("Piet is onze planner. Hij werkt op maandag en dinsdag.", "gender") == []


# ------------------------------------------------------------------------------ gaps from the
# independent (unseen) evaluation: the phenomena, tested on our own variants

UNSEEN_GAPS = [
    # one sex sought or turned away
    ("We zoeken voor onze bakkerij een handige jongen.", "nl.gender.seek-man-woman",
     "een handige jongen"),
    ("Gezocht: een sterke kerel voor de verhuisploeg.", "nl.gender.seek-man-woman",
     "een sterke kerel"),
    ("Dames worden verzocht niet te solliciteren vanwege het zware werk.", "nl.gender.exclude-sex",
     "Dames worden verzocht niet te solliciteren"),
    ("Het werk is niet geschikt voor vrouwen.", "nl.gender.exclude-sex",
     "niet geschikt voor vrouwen"),
    ("De kandidaat heeft een rijbewijs C en zij moet flexibel zijn.", "nl.gender.zij-generic", "zij"),
    # age groups and decades
    ("55-plussers hoeven niet te solliciteren.", "nl.age.exclude-age-group",
     "55-plussers hoeven niet te solliciteren"),
    ("Deze job is minder geschikt voor 60-plussers.", "nl.age.exclude-age-group",
     "minder geschikt voor 60-plussers"),
    ("Oudere sollicitanten maken bij ons weinig kans.", "nl.age.exclude-age-group",
     "Oudere sollicitanten maken bij ons weinig kans"),
    ("Ons team bestaat uit een bende enthousiaste dertigers.", "nl.age.decade-people", "dertigers"),
    ("Je bent eind twintig en wil doorgroeien.", "nl.age.decade-of-life", "eind twintig"),
    # health
    ("Mensen met een chronische ziekte komen niet in aanmerking.", "nl.disability.exclude-health",
     "Mensen met een chronische ziekte komen niet in aanmerking"),
    ("Je hebt maximaal twee ziektedagen per jaar.", "nl.disability.sick-days",
     "maximaal twee ziektedagen"),
    ("Vul bij je sollicitatie de gezondheidsvragenlijst in.",
     "nl.disability.health-questionnaire", "gezondheidsvragenlijst"),
    ("Je bent in blakende gezondheid.", "nl.disability.good-health", "in blakende gezondheid"),
    # family
    ("Deze functie is perfect voor een jonge moeder.", "nl.family.mothers", "voor een jonge moeder"),
    ("Moeders met jonge kinderen komen niet in aanmerking.", "nl.family.exclude-family",
     "Moeders met jonge kinderen komen niet in aanmerking"),
    ("Je hebt een ononderbroken loopbaan.", "nl.family.career-gaps", "ononderbroken loopbaan"),
    # religion
    ("Je bidt elke ochtend mee met het team.", "nl.religion.join-practice", "bidt elke ochtend mee"),
    ("Wie de ramadan houdt, hoeft niet te solliciteren.", "nl.religion.exclude-faith",
     "Wie de ramadan houdt, hoeft niet te solliciteren"),
    ("Joden komen voor deze functie niet in aanmerking.", "nl.religion.exclude-faith",
     "Joden komen voor deze functie niet in aanmerking"),
    ("Een islamitische achtergrond is vereist voor deze functie als boekhouder.",
     "nl.religion.belief-requirement", "islamitische achtergrond"),
    ("Vermeld op het formulier je godsdienst.", "nl.religion.ask-religion", "godsdienst"),
    # orientation
    ("Lesbische kandidaten komen niet in aanmerking.", "nl.orientation.orientation-person",
     "Lesbische kandidaten"),
    ("Vermeld in je motivatiebrief je seksuele oriëntatie.", "nl.orientation.ask-orientation",
     "seksuele oriëntatie"),
    # origin
    ("Voor de beurs zoeken we getinte hostessen.", "nl.origin.colour-person", "getinte hostessen"),
    ("Je bent geboren en getogen in Vlaanderen.", "nl.origin.raised-born",
     "geboren en getogen in Vlaanderen"),
    ("Kandidaten die in België zijn opgegroeid hebben de voorkeur.", "nl.origin.raised-born",
     "in België zijn opgegroeid"),
    # socio-economic
    ("Je woont binnen 15 km van de winkel in Gent.", "nl.socioeconomic.max-distance",
     "woont binnen 15 km"),
    ("Mensen met schulden komen niet in aanmerking.", "nl.socioeconomic.exclude-benefits",
     "Mensen met schulden komen niet in aanmerking"),
    ("Werkzoekenden hoeven niet te reageren.", "nl.socioeconomic.exclude-benefits",
     "Werkzoekenden hoeven niet te reageren"),
    # appearance
    ("Een pasfoto is verplicht bij je sollicitatie.", "nl.appearance.photo-required",
     "Een pasfoto is verplicht"),
    ("Je bent minstens 175 cm lang.", "nl.appearance.height", "minstens 175 cm lang"),
    ("Je bent 1,70 m lang of langer.", "nl.appearance.height", "1,70 m lang of langer"),
]


@pytest.mark.parametrize("text,rule,span", UNSEEN_GAPS, ids=[g[1] + ":" + g[2] for g in UNSEEN_GAPS])
def test_unseen_gap_phenomena_are_found(text, rule, span):
    f = only(text, rule)
    assert f.text == span
    assert f.message and f.explanation and f.source


UNSEEN_GAP_NEIGHBOURS = [
    # pairs of a feminine and the neutral form name everyone
    "Onze kassières en kassiers werken in twee ploegen.",
    "Wij zoeken een baliemedewerker of baliemedewerkster.",
    "Wij zoeken een ervaren verkoper of een ervaren verkoopster.",
    "Wij zoeken een man of vrouw voor de nachtploeg.",
    "We zoeken een man/vrouw voor de nachtploeg.",
    "Wij zoeken een manager voor de nachtploeg.",
    "Wij zoeken een oplossing voor een man met dementie.",
    "Vrouwen worden nadrukkelijk uitgenodigd te solliciteren.",
    # own car not needed
    "Het depot ligt aan de tramhalte, dus een eigen auto is niet nodig.",
    "Een eigen wagen is overbodig: je krijgt een bedrijfsfiets.",
    # age
    "Ook 50-plussers zijn van harte welkom.",
    "Onze klanten zijn vooral dertigers.",
    "We hebben in de dertig jaar van ons bestaan veel geleerd.",
    "Als jobcoach help je 50-plussers die weinig kans maken op de arbeidsmarkt.",
    # health
    "Kandidaten met een handicap worden uitdrukkelijk uitgenodigd.",
    "Als verzuimconsulent analyseer je het verzuimverleden van medewerkers.",
    "Je neemt met de patiënt een medische vragenlijst door.",
    "Mensen met een handicap maken weinig kans op werk; daarom werken wij met de banenafspraak.",
    # family
    "Je zorgt voor een moeder met dementie.",
    "Ook alleenstaande ouders zijn welkom.",
    "Gaten in je cv zijn voor ons geen probleem.",
    "Je zorgt voor een dienstverlening zonder onderbrekingen.",
    # religion
    "Je begeleidt bewoners die graag meebidden.",
    "Je respecteert de christelijke levensovertuiging van onze school.",
    "Je hebt kennis van de islamitische achtergrond van onze cliënten.",
    "Je hoeft in je cv je geloof niet te vermelden.",
    # orientation
    "Wij hebben een netwerk voor homoseksuele medewerkers.",
    "Ook homoseksuele en lesbische kandidaten zijn welkom.",
    "Wij vragen nooit naar je seksuele oriëntatie.",
    "Je geeft voorlichting over seksuele oriëntatie aan jongeren.",
    # origin
    "Wij zoeken zwarte en witte modellen voor onze campagne.",
    "Ons merk is geboren in België.",
    # socio-economic
    "Medewerkers die binnen 10 km wonen krijgen een fietsvergoeding.",
    "Ook werkzoekenden met een uitkering zijn welkom.",
    # appearance
    "De kast is minimaal 1,80 meter hoog.",
    "Voor je toegangspas is een recente foto verplicht.",
]


@pytest.mark.parametrize("text", UNSEEN_GAP_NEIGHBOURS)
def test_unseen_gap_neighbours_stay_quiet(text):
    assert findings(text) == [], [(f.text, f.rule) for f in findings(text)]


def test_pair_partner_rule_never_reports_by_itself():
    for text in ("Onze verkopers helpen klanten.", "De medewerker krijgt een laptop.",
                 "Wij zoeken een baliemedewerker."):
        assert [f for f in findings(text) if f.rule == "nl.gender.pair-partner"] == []
    # a feminine form alone is still flagged
    assert only("Onze verkoopsters helpen klanten.", "nl.gender.verkoopster")
