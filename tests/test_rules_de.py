"""The German rule pack (Germany, Austria, Switzerland): it loads, it finds what real job ads
and HR texts say, it suggests forms that fit at that spot (case, number, compounds), and it
stays quiet on innocent uses of the same words."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import inclusive_writer as iw
from inclusive_writer.core.coding import coded_lists
from inclusive_writer.rules.loader import load_pack

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "resources" / "rules" / "de"
EVAL = ROOT / "resources" / "eval" / "de.yaml"
CATEGORY_FILES = ("gender", "age", "origin", "disability", "appearance", "family", "religion",
                  "orientation", "socioeconomic")
QUIET = {"readability", "gender-coded", "spelling", "grammar"}


def findings(text: str, category: str | None = None, **options):
    out = [f for f in iw.analyze(text, lang="de", **options).findings if f.category not in QUIET]
    return [f for f in out if category is None or f.category == category]


def only(text: str, rule: str):
    hits = [f for f in findings(text) if f.rule == rule]
    assert len(hits) == 1, (text, [(f.text, f.rule) for f in findings(text)])
    return hits[0]


# ------------------------------------------------------------------------------ the pack itself

def test_pack_loads_with_every_category_file():
    for name in CATEGORY_FILES + ("lexicon",):
        assert (RULES / f"{name}.yaml").is_file(), name
    pack = load_pack(RULES, "de")
    assert len(pack.rules) >= 130
    by_cat: dict[str, int] = {}
    for rule in pack.rules:
        by_cat[rule.category] = by_cat.get(rule.category, 0) + 1
    assert set(by_cat) == set(CATEGORY_FILES)
    assert by_cat["gender"] >= 60 and by_cat["age"] >= 15
    for cat in ("origin", "disability", "appearance", "family", "socioeconomic"):
        assert by_cat[cat] >= 8, cat
    assert by_cat["religion"] >= 5 and by_cat["orientation"] >= 5


def test_every_entry_is_complete_and_aligned():
    pack = load_pack(RULES, "de")
    for rule in pack.rules:
        assert rule.id.startswith(f"de.{rule.category}."), rule.id
        assert "\n" not in rule.message and len(rule.message) < 110, rule.id
        assert len(rule.explanation) > 60 and len(rule.source) > 60, rule.id
        assert rule.alternatives, rule.id
        for alt in rule.alternatives:
            if rule.terms:
                assert len(alt.forms) in (1, len(rule.terms)), (rule.id, alt.forms)
        if rule.job_title:
            assert rule.category == "gender" and rule.gender in ("m", "f"), rule.id
        if rule.terms and rule.category == "gender":
            assert rule.lemma is False, rule.id  # forms are listed: no lemma surprises


def test_sources_cite_the_law_with_article_numbers():
    pack = load_pack(RULES, "de")
    sources = {r.id: r.source for r in pack.rules}
    assert "§11" in sources["de.gender.verkaeufer"] and "1 BvR 2019/16" in sources["de.gender.verkaeufer"]
    assert "§22 Abs. 3 PStG" in sources["de.gender.verkaeufer"] and "GlBG §9" in sources["de.gender.verkaeufer"]
    assert "§10" in sources["de.age.bis-jahre"] and "2000/78/EG" in sources["de.age.bis-jahre"]
    assert "2000/43/EG" in sources["de.origin.als-muttersprache"]
    assert "§9 AGG" in sources["de.religion.konfession"]
    assert "2006/54/EG" in sources["de.family.schwanger"]


def test_coded_lists_are_documented_and_do_not_over_match():
    data = yaml.safe_load((ROOT / "resources" / "coded" / "de.yaml").read_text(encoding="utf-8"))
    assert data["language"] == "de" and data["source"] and data["method"]
    assert len(data["masculine"]) >= 40 and len(data["feminine"]) >= 40
    assert not set(data["masculine"]) & set(data["feminine"])
    lists = coded_lists("de")
    for innocent in ("direktor", "hierarchien", "unabhängig", "sozialversicherung",
                     "verbindlichkeiten", "vertraulich", "logistik", "führerschein", "starkes",
                     "teamleitung", "betreuung", "analyse"):
        assert lists.stems_of(innocent) == ((), ()), innocent
    assert lists.stems_of("durchsetzungsstark")[0] and lists.stems_of("zielstrebige")[0]
    assert lists.stems_of("einfühlsam")[1] and lists.stems_of("hilfsbereit")[1]
    # no stem is a prefix of another on the same side (a word would count twice)
    for side in ("masculine", "feminine"):
        stems = data[side]
        assert not [(a, b) for a in stems for b in stems if a != b and b.startswith(a)], side


def test_gender_coding_summary_for_a_german_ad():
    text = ("Wir suchen eine durchsetzungsstarke, zielstrebige Persönlichkeit mit Ehrgeiz, "
            "die analytisch denkt und Entscheidungen selbstbewusst trifft.")
    coding = iw.analyze(text, lang="de").summary["gender_coding"]
    assert coding["verdict"] == "strongly masculine-coded"
    assert coding["masculine_count"] >= 5 and coding["feminine_count"] == 0


# ------------------------------------------------------------------------- gender: job titles

@pytest.mark.parametrize("text,span,rule,first", [
    ("Wir suchen einen Verkäufer für unsere Filiale in Köln.", "Verkäufer",
     "de.gender.verkaeufer", "Verkaufskraft"),
    ("Als Vertriebsleiter verantworten Sie den Umsatz im Süden.", "Vertriebsleiter",
     "de.gender.leiter", "Vertriebsleitung"),
    ("Wir suchen Mitarbeiter für unseren Kundenservice.", "Mitarbeiter",
     "de.gender.mitarbeiter", "Mitarbeitende"),
    ("Wir danken den Mitarbeitern für ihren Einsatz im letzten Jahr.", "Mitarbeitern",
     "de.gender.mitarbeiter-det", "Mitarbeitenden"),
    ("Unsere Vertriebsmitarbeiter besuchen Kundinnen und Kunden vor Ort.", "Vertriebsmitarbeiter",
     "de.gender.mitarbeiter-det", "Vertriebsmitarbeitenden"),
    ("Ein Mitarbeiter der IT richtet Ihren Arbeitsplatz ein.", "Mitarbeiter",
     "de.gender.mitarbeiter-indef", "Mitarbeitender"),
    ("Wir suchen einen Sachbearbeiter für die Personalabteilung.", "Sachbearbeiter",
     "de.gender.sachbearbeiter", "Sachbearbeitung"),
    ("Als Teamassistent organisieren Sie Termine und Reisen.", "Teamassistent",
     "de.gender.assistent", "Teamassistenz"),
    ("Für unsere Station suchen wir einen Krankenpfleger.", "Krankenpfleger",
     "de.gender.pfleger", "Krankenpflegekraft"),
    ("Als Lehrer unterrichten Sie Deutsch und Geschichte.", "Lehrer", "de.gender.lehrer",
     "Lehrkraft"),
    ("Die Klinik sucht einen Assistenzarzt für die Innere Medizin.", "Assistenzarzt",
     "de.gender.arzt", "Assistenzärzt:in"),
    ("Als Softwareentwickler arbeiten Sie agil in kleinen Teams.", "Softwareentwickler",
     "de.gender.entwickler", "Softwareentwickler:in"),
    ("Werkstudent im Marketing gesucht", "Werkstudent", "de.gender.student", "Werkstudierender"),
    ("Als Industriekaufmann arbeiten Sie im Einkauf.", "Industriekaufmann", "de.gender.kaufmann",
     "Industriekauffrau/-mann"),
    ("Als Versicherungsfachmann beraten Sie Privatkunden.", "Versicherungsfachmann",
     "de.gender.fachmann", "Versicherungsfachkraft"),
    ("Wir suchen einen Kellner für die Abendschicht.", "Kellner", "de.gender.kellner",
     "Servicekraft"),
    ("Wir suchen eine Sekretärin für die Geschäftsleitung.", "Sekretärin",
     "de.gender.sekretaerin", "Sekretär:in"),
    ("Wir suchen eine Putzfrau für zwei Tage pro Woche.", "Putzfrau", "de.gender.putzfrau",
     "Reinigungskraft"),
    ("Krankenschwester für die Intensivstation gesucht", "Krankenschwester",
     "de.gender.krankenschwester", "Pflegefachkraft"),
    ("Als Projektkoordinator halten Sie alle Fäden zusammen.", "Projektkoordinator",
     "de.gender.koordinator", "Projektkoordination"),
])
def test_job_titles_and_role_nouns(text, span, rule, first):
    f = only(text, rule)
    assert text[f.start:f.end] == span
    assert f.category == "gender" and f.suggestions[0] == first
    assert f.severity == "warning"


def test_every_inclusive_style_is_offered_for_verkaeufer():
    f = only("Wir suchen einen Verkäufer in Teilzeit.", "de.gender.verkaeufer")
    for form in ("Verkaufskraft", "Verkäufer:in", "Verkäufer*in", "Verkäufer (m/w/d)"):
        assert form in f.suggestions, f.suggestions
    # the plural reading of the same surface form is offered too
    assert "Verkaufskräfte" in f.suggestions


def test_case_and_number_follow_the_matched_form():
    hits = [h for h in findings("Wir danken allen Verkäufern und dem Team des Verkäufers.")
            if h.rule == "de.gender.verkaeufer"]
    assert [h.text for h in hits] == ["Verkäufern", "Verkäufers"]
    assert hits[0].suggestions[0] == "Verkaufskräften"   # dative plural
    assert hits[1].suggestions[0] == "Verkaufskraft"     # genitive singular
    f = only("Wir suchen Lehrer für Mathematik.", "de.gender.lehrer")
    assert f.suggestions[0] == "Lehrkraft" and "Lehrkräfte" in f.suggestions
    f = only("Wir danken allen Lehrern für die Unterstützung.", "de.gender.lehrer")
    assert f.suggestions[0] == "Lehrkräften"
    f = only("Als Assistent der Geschäftsführung planen Sie Termine.", "de.gender.assistent")
    assert f.suggestions[0] == "Assistenz"
    f = only("Wir suchen zwei Assistenten für das Sekretariat.", "de.gender.assistent")
    assert "Assistenzen" in f.suggestions[:2]


def test_article_decides_the_participle_ending():
    assert only("Wir suchen Bewerber mit Erfahrung.", "de.gender.bewerber").suggestions[0] == "Bewerbende"
    assert only("Die Bewerber erhalten eine Eingangsbestätigung.",
                "de.gender.bewerber-det").suggestions[0] == "Bewerbenden"
    assert only("Jeder Teilnehmer erhält ein Zertifikat.",
                "de.gender.teilnehmer-det").suggestions[:2] == ["Teilnehmenden", "Teilnehmende"]
    assert only("Kein Arbeitnehmer darf benachteiligt werden.",
                "de.gender.arbeitnehmer-indef").suggestions[0] == "Arbeitnehmender"
    assert only("Wir bieten unseren Studenten flexible Arbeitszeiten.",
                "de.gender.student-det").suggestions[0] == "Studierenden"


def test_capitalisation_at_sentence_start_and_in_capitals():
    f = only("Mitarbeiter im Lager arbeiten in zwei Schichten.", "de.gender.mitarbeiter")
    assert f.text == "Mitarbeiter" and f.suggestions[0] == "Mitarbeitende"
    f = only("VERKÄUFER GESUCHT", "de.gender.verkaeufer")
    assert f.suggestions[0] == "VERKAUFSKRAFT"
    f = only("Junges Team sucht Verstärkung im Vertrieb.", "de.age.jung")
    assert f.text == "Junges" and f.suggestions[0] == "Motiviertes"


def test_compound_split_over_a_line_break():
    text = "Sie arbeiten als Vertriebs-\nleiter im Außendienst."
    f = only(text, "de.gender.leiter")
    assert text[f.start:f.end] == "Vertriebs-\nleiter"
    assert f.suggestions[0] == "Vertriebsleitung"


def test_soft_hyphen_inside_a_title_is_seen():
    text = "Wir suchen einen Ver\u00adkäufer."
    f = only(text, "de.gender.verkaeufer")
    assert text[f.start:f.end] == "Ver\u00adkäufer"


def test_label_right_after_the_title_silences_it_and_elsewhere_makes_it_info():
    assert not findings("Verkäufer (m/w/d) für unsere Filiale in Dresden", "gender")
    assert not findings("Vertriebsleiter (w/m/d) Region Süd", "gender")
    text = "Stellenangebot (m/w/d): Wir suchen einen Verkäufer für unsere Filiale."
    f = only(text, "de.gender.verkaeufer")
    assert f.severity == "info"


def test_binary_label_is_flagged_in_germany():
    hits = findings("Verkäufer (m/w) für unsere Filiale gesucht", "gender")
    assert any("(m/w/d)" in h.suggestions for h in hits), [(h.text, h.rule) for h in hits]


@pytest.mark.parametrize("text", [
    "Verkäufer*innen im Einzelhandel erhalten bei uns Tariflohn.",
    "Wir suchen Verkäufer:innen für unsere Filialen.",
    "Wir suchen eine:n Verkäufer/-in in Teilzeit.",
    "Liebe Kolleginnen und Kollegen, das Sommerfest findet am Freitag statt.",
    "Verkäuferinnen und Verkäufer erhalten einen Personalrabatt.",
    "Vertriebsleiterinnen und Vertriebsleiter treffen sich einmal im Quartal.",
    "Unsere Ärztinnen und Ärzte arbeiten im Schichtdienst.",
    "Wir suchen einen Koch/Köchin für unser Restaurant.",
    "Als Industriekauffrau/-mann arbeiten Sie im Einkauf.",
    "Bewerberinnen und Bewerber mit Behinderung sind willkommen.",
    "Wir suchen eine Fachkraft für Lagerlogistik.",
    "Als Lehrkraft unterrichten Sie Mathematik.",
    "Unsere Mitarbeitenden arbeiten hybrid.",
    "Die Geschäftsführung dankt allen Beschäftigten.",
    "Hebammen betreuen bei uns Familien vor und nach der Geburt.",
])
def test_inclusive_forms_and_pairs_stay_quiet(text):
    assert not findings(text, "gender"), [(f.text, f.rule) for f in findings(text)]


@pytest.mark.parametrize("text", [
    "Man muss nicht alles können, aber man sollte neugierig sein.",
    "Sie arbeiten im Team und sie unterstützen einander.",
    "Die Mitarbeitenden sind im Homeoffice, sie melden sich morgen.",
    "Maria hat ihren Bericht in der Teamrunde vorgestellt.",
    "Unser Geschäftsführer Thomas Berger stellt das Unternehmen vor.",
    "Ihr Ansprechpartner ist Herr Becker aus der Personalabteilung.",
    "Herr Koch übernimmt Ihre Einarbeitung.",
    "Die Leiter steht im Lager neben dem Hochregal.",
    "Bei uns klettern Sie die Karriereleiter schnell hinauf.",
    "Wir produzieren Halbleiter für die Automobilindustrie.",
    "Unsere Mannschaft hat das Fußballturnier der Firmen gewonnen.",
    "Sie haben die Meisterprüfung im Elektrohandwerk abgelegt.",
    "Eine Weiterbildung zum Meister fördern wir finanziell.",
    "Sie haben eine Meister- oder Technikerausbildung abgeschlossen.",
    "Er ist ein Meister seines Fachs.",
    "Wir suchen einen Meister (m/w/d) für unsere Werkstatt.",
    "Wir beobachten unsere Mitbewerber am Markt genau.",
])
def test_gender_traps_stay_quiet(text):
    assert not findings(text, "gender"), [(f.text, f.rule) for f in findings(text)]


def test_meister_as_a_person_noun_is_only_info():
    f = only("Unser Meister leitet die Werkstatt seit zehn Jahren.", "de.gender.meister")
    assert f.severity == "info" and f.suggestions[0] == "Meister:in"


def test_mannschaft_outside_sport_is_info():
    f = only("Die Mannschaft auf der Baustelle besteht aus zwölf Personen.", "de.gender.mannschaft")
    assert f.severity == "info" and f.suggestions[0] == "Team"


def test_feminine_title_alone_excludes_men_but_a_named_woman_is_fine():
    f = only("Wir suchen eine Verkäuferin für unsere Bäckerei.", "de.gender.feminine-form")
    assert f.suggestions[0] == "Verkaufskraft"
    assert not findings("Frau Yilmaz ist unsere neue Teamleiterin.", "gender")


def test_addresses_and_pronoun_pairs():
    f = only("Sehr geehrte Damen und Herren, vielen Dank für Ihre Bewerbung.",
             "de.gender.damen-und-herren")
    assert f.text == "Sehr geehrte Damen und Herren" and f.suggestions[0] == "Guten Tag"
    f = only("Anrede: Herr/Frau", "de.gender.anrede-herr-frau")
    assert f.text == "Herr/Frau" and "divers" in f.suggestions[0]
    f = only("Er/Sie ist für die Dienstplanung verantwortlich.", "de.gender.er-sie")
    assert f.text == "Er/Sie" and f.suggestions[0] == "Die Person"
    f = only("Das Formular unterschreibt Fräulein Meier.", "de.gender.fraeulein")
    assert f.severity == "error" and f.suggestions == ["Frau"]


def test_generic_er_after_a_role_word_but_not_after_a_named_person():
    text = "Wenn ein Mitarbeiter krank ist, meldet er sich bis 9 Uhr."
    f = only(text, "de.gender.er-generisch")
    assert text[f.start:f.end] == "er" and f.severity == "info"
    assert not [h for h in findings("Unser Gründer Thomas Berger leitet die Firma, er ist 64.")
                if h.rule == "de.gender.er-generisch"]
    assert not findings("Maria ist unsere Teamleiterin, sie leitet das Team seit 2020.", "gender")


def test_sentence_initial_singular_in_contracts():
    text = "Der Arbeitnehmer verpflichtet sich zur Verschwiegenheit."
    f = only(text, "de.gender.der-mitarbeiter-satzanfang")
    assert f.text == "Der Arbeitnehmer"
    assert f.suggestions[:2] == ["Die beschäftigte Person", "Die Arbeitnehmerin oder der Arbeitnehmer"]
    # mid-sentence "der Mitarbeiter" (often a genitive plural) keeps the weak ending
    f = only("Die Zufriedenheit der Mitarbeiter ist uns wichtig.", "de.gender.mitarbeiter-det")
    assert f.suggestions[0] == "Mitarbeitenden"
    assert not findings("Die Bewerberin oder der Bewerber erhält eine Einladung.", "gender")
    assert not findings("Der Bewerber oder die Bewerberin erhält eine Einladung.", "gender")


def test_explicit_search_for_a_man():
    f = only("Wir suchen einen Mann für die Baustelle.", "de.gender.suche-mann-frau")
    assert f.text == "einen Mann" and f.suggestions[0] == "eine Person"
    assert not findings("Für unser Frauenhaus suchen wir eine Frau als Beraterin.", "gender")


# ----------------------------------------------------------------------------------------- age

@pytest.mark.parametrize("text,span,rule", [
    ("Bewerbungen von Personen bis 28 Jahre sind erwünscht.", "bis 28 Jahre", "de.age.bis-jahre"),
    ("Sie sind zwischen 25 und 35 Jahren alt.", "zwischen 25 und 35 Jahren alt", "de.age.zwischen"),
    ("Sie sind maximal 40 Jahre alt und flexibel.", "maximal 40 Jahre alt", "de.age.bis-jahre"),
    ("Sie sind nicht älter als 45.", "nicht älter als 45", "de.age.nicht-aelter-als"),
    ("Gesucht werden Fachkräfte unter 30 Jahren.", "unter 30 Jahren", "de.age.unter-jahren"),
    ("Alter: 20-30", "Alter: 20-30", "de.age.alter-spanne"),
    ("Ideal sind 25- bis 35-Jährige mit Vertriebserfahrung.", "25- bis 35-Jährige",
     "de.age.jahre-alt-spanne"),
    ("Wir berücksichtigen Bewerbungen ab Jahrgang 1995.", "ab Jahrgang 1995", "de.age.jahrgang"),
    ("Hochschulabsolvent (max. 2 Jahre Berufserfahrung) gesucht", "max. 2 Jahre Berufserfahrung",
     "de.age.max-berufserfahrung"),
    ("Du bist Mitte 20 und hast Lust auf Vertrieb?", "Mitte 20", "de.age.anfang-mitte-ende"),
])
def test_age_limits(text, span, rule):
    f = only(text, rule)
    assert text[f.start:f.end] == span and f.category == "age"


@pytest.mark.parametrize("text,span,rule,first", [
    ("Verstärkung für unser junges Team gesucht!", "junges", "de.age.jung", "motiviertes"),
    ("Sie arbeiten in einem jungen, dynamischen Team.", "jungen", "de.age.jung", "motivierten"),
    ("Unser Team ist jung, motiviert und international.", "jung", "de.age.jung-praedikativ",
     "motiviert"),
    ("Sie sind jung und dynamisch und wollen etwas bewegen.", "jung und dynamisch",
     "de.age.jung-und-dynamisch", "dynamisch"),
    ("Die Stelle richtet sich an Berufseinsteiger mit Interesse an Finanzen.", "Berufseinsteiger",
     "de.age.berufseinsteiger", "Berufseinsteigende"),
    ("Du kommst frisch von der Uni und willst durchstarten?", "frisch von der Uni",
     "de.age.frisch-von-der-uni", "mit abgeschlossenem Studium"),
    ("Wir suchen Digital Natives für unser Social-Media-Team.", "Digital Natives",
     "de.age.digital-native", "Personen mit digitaler Kompetenz"),
    ("Sie überzeugen durch ein jugendliches Auftreten.", "jugendliches", "de.age.jugendlich",
     "sympathisches"),
    ("Wir suchen Young Professionals für unser Traineeprogramm.", "Young Professionals",
     "de.age.young-professional", "Fachkräfte mit erster Berufserfahrung"),
    ("Leider sind Sie für die Position überqualifiziert.", "überqualifiziert",
     "de.age.ueberqualifiziert", "sehr erfahren"),
])
def test_age_proxies(text, span, rule, first):
    f = only(text, rule)
    assert text[f.start:f.end] == span and f.suggestions[0] == first


def test_berufseinsteiger_is_ambiguous_info_and_quiet_next_to_experienced_people():
    f = only("Wir freuen uns auf Berufseinsteiger.", "de.age.berufseinsteiger")
    assert f.severity == "info"
    assert not findings("Die Stelle eignet sich für Berufseinsteiger und Berufserfahrene.", "age")


@pytest.mark.parametrize("text", [
    "Wir sind ein junges Unternehmen aus Leipzig.",
    "Unser junges Start-up entwickelt Software für die Logistik.",
    "Das Unternehmen ist jung und wächst schnell.",
    "Wir bilden jedes Jahr junge Menschen in sechs Berufen aus.",
    "Die Arbeitszeit beträgt zwischen 20 und 30 Stunden pro Woche.",
    "Sie verfügen über mindestens drei Jahre Berufserfahrung.",
    "Wir sind seit über 30 Jahren erfolgreich am Markt.",
    "Wir zahlen einen Zuschuss zur Betreuung für Kinder bis 12 Jahre.",
    "Die Betreuung erfolgt für Jugendliche zwischen 14 und 18 Jahren.",
    "Die Kinder in unserer Kita sind zwischen 3 und 6 Jahren alt.",
    "Die Firma feiert ihr 25-jähriges Bestehen.",
    "Sie arbeiten bis zum Erreichen der gesetzlichen Altersgrenze in Teilzeit.",
    "Wir freuen uns über Bewerbungen von Menschen jeden Alters.",
    "Die Stelle ist zunächst auf zwei Jahre befristet.",
    "Der Ausbildungsjahrgang 2025 startet im August.",
])
def test_age_traps_stay_quiet(text):
    assert not findings(text, "age"), [(f.text, f.rule) for f in findings(text)]


# -------------------------------------------------------------------------------------- origin

@pytest.mark.parametrize("text,span,rule,first", [
    ("Deutsch als Muttersprache ist Voraussetzung.", "Deutsch als Muttersprache",
     "de.origin.als-muttersprache", "Deutsch auf Niveau C1"),
    ("Sie verfügen über muttersprachliche Deutschkenntnisse.", "muttersprachliche Deutschkenntnisse",
     "de.origin.muttersprachliche-kenntnisse", "Deutschkenntnisse auf Niveau C1"),
    ("Sie sprechen Englisch auf muttersprachlichem Niveau.", "auf muttersprachlichem Niveau",
     "de.origin.muttersprachliches-niveau", "auf Niveau C1"),
    ("Sie sprechen akzentfreies Deutsch.", "akzentfreies", "de.origin.akzentfrei", "sicheres"),
    ("Voraussetzung ist die deutsche Staatsangehörigkeit.", "deutsche Staatsangehörigkeit",
     "de.origin.staatsangehoerigkeit", "erforderliche Arbeitserlaubnis"),
    ("Sie besitzen die österreichische Staatsbürgerschaft.", "österreichische Staatsbürgerschaft",
     "de.origin.staatsangehoerigkeit", "erforderliche Arbeitserlaubnis"),
    ("Wir suchen Native Speaker für Englisch.", "Native Speaker", "de.origin.native-speaker",
     "Person mit Sprachniveau C2"),
])
def test_native_language_and_nationality(text, span, rule, first):
    f = only(text, rule)
    assert text[f.start:f.end] == span and f.suggestions[0] == first and f.category == "origin"


@pytest.mark.parametrize("text", [
    "Die Software ist in Ihrer Muttersprache verfügbar.",
    "Sie entwickeln eine native App für iOS und Android.",
    "Erfahrung mit nativen Apps in Swift ist von Vorteil.",
    "Sie sprechen sicher Deutsch in Wort und Schrift (mindestens C1).",
    "Die Muttersprachen unserer Belegschaft sind so vielfältig wie unsere Kundschaft.",
    "Wir beraten Familien auch in ihrer Muttersprache.",
    "Für die Verbeamtung ist die deutsche Staatsangehörigkeit oder die eines EU-Staates nötig.",
    "Unser Team besteht aus Menschen aus zwölf Nationen.",
])
def test_origin_traps_stay_quiet(text):
    assert not findings(text, "origin"), [(f.text, f.rule) for f in findings(text)]


# ----------------------------------------------------- disability, appearance, family, religion

@pytest.mark.parametrize("text,span,rule,category", [
    ("Sie sind körperlich gesund und belastbar.", "körperlich gesund",
     "de.disability.koerperlich-gesund", "disability"),
    ("Sie sind voll belastbar und flexibel einsetzbar.", "voll belastbar",
     "de.disability.voll-belastbar", "disability"),
    ("Unser Gebäude ist auch für Behinderte gut erreichbar.", "Behinderte",
     "de.disability.behinderte", "disability"),
    ("Seit dem Unfall ist sie an den Rollstuhl gefesselt.", "an den Rollstuhl gefesselt",
     "de.disability.rollstuhl", "disability"),
    ("Bitte senden Sie Ihre Bewerbungsunterlagen mit Lichtbild an uns.", "mit Lichtbild",
     "de.appearance.mit-foto", "appearance"),
    ("Bitte fügen Sie Ihrem Lebenslauf ein aktuelles Foto bei.", "Foto", "de.appearance.foto",
     "appearance"),
    ("Sie haben ein gepflegtes Äußeres und gute Umgangsformen.", "gepflegtes Äußeres",
     "de.appearance.gepflegtes-aeusseres", "appearance"),
    ("Konfektionsgröße max. 38", "Konfektionsgröße max. 38", "de.appearance.konfektionsgroesse",
     "appearance"),
    ("Sie haben keine Kinder und sind zeitlich flexibel.", "keine Kinder",
     "de.family.keine-kinder", "family"),
    ("Ihre Familienplanung ist abgeschlossen.", "Familienplanung ist abgeschlossen",
     "de.family.familienplanung", "family"),
    ("Bewerbende dürfen nicht schwanger sein.", "nicht schwanger", "de.family.schwanger", "family"),
    ("Sie sind ungebunden und reisen gern.", "ungebunden", "de.family.ungebunden", "family"),
    ("Im Kundenkontakt arbeiten Sie ohne Kopftuch.", "ohne Kopftuch", "de.religion.kopftuch",
     "religion"),
    ("Bitte geben Sie in der Bewerbung Ihre Konfession an.", "Konfession",
     "de.religion.konfession", "religion"),
    ("Fragen zur sexuellen Neigung sind im Gespräch tabu.", "sexuellen Neigung",
     "de.orientation.sexuelle-neigung", "orientation"),
    ("Ein eigener PKW ist Voraussetzung.", "eigener PKW", "de.socioeconomic.eigener-pkw",
     "socioeconomic"),
    ("Bitte senden Sie uns einen lückenlosen Lebenslauf.", "lückenlosen Lebenslauf",
     "de.socioeconomic.lueckenloser-lebenslauf", "socioeconomic"),
    ("Sie stammen aus gutem Hause und haben Stil.", "aus gutem Hause",
     "de.socioeconomic.gutes-haus", "socioeconomic"),
])
def test_other_categories(text, span, rule, category):
    f = only(text, rule)
    assert text[f.start:f.end] == span and f.category == category


def test_suggestions_fit_the_spot_in_other_categories():
    assert only("Sie haben ein gepflegtes Äußeres.",
                "de.appearance.gepflegtes-aeusseres").suggestions[0] == "professionelles Auftreten"
    assert only("Bitte senden Sie uns einen lückenlosen Lebenslauf.",
                "de.socioeconomic.lueckenloser-lebenslauf").suggestions[0] == \
        "aussagekräftigen Lebenslauf"
    assert only("Unser Gebäude ist auch für Behinderte gut erreichbar.",
                "de.disability.behinderte").suggestions[0] == "Menschen mit Behinderung"
    assert only("Sie sind ungebunden und reisen gern.",
                "de.family.ungebunden").suggestions[0] == "reisebereit"
    assert only("Transsexuelle Beschäftigte unterstützen wir bei der Transition.",
                "de.orientation.transsexuell").suggestions[0] == "Trans"


@pytest.mark.parametrize("text", [
    "Schwerbehinderte Menschen werden bei gleicher Eignung bevorzugt berücksichtigt.",
    "Menschen mit und ohne Behinderung arbeiten bei uns in gemischten Teams.",
    "Ein Gesundheitszeugnis nach §43 Infektionsschutzgesetz ist erforderlich.",
    "Wir bieten eine gesunde Work-Life-Balance und betriebliches Gesundheitsmanagement.",
    "Bitte senden Sie Ihre Bewerbung ohne Foto an karriere@beispiel.de.",
    "Ein Foto ist für die Bewerbung nicht erforderlich.",
    "Sie erstellen Produktfotos und bearbeiten Bilder für den Onlineshop.",
    "Wir bieten eine attraktive Vergütung und 30 Tage Urlaub.",
    "Sie haben Spaß an schlanken Prozessen und klaren Strukturen.",
    "Wir stellen Arbeitskleidung in allen Konfektionsgrößen.",
    "Die Stelle ist familienfreundlich und auch in Teilzeit möglich.",
    "Eine Mitteilung über eine Schwangerschaft behandeln wir vertraulich.",
    "Für die Lohnabrechnung benötigen wir nach der Einstellung Ihre Steuerklasse und Ihren "
    "Familienstand.",
    "Im Dezember feiern wir gemeinsam unsere Weihnachtsfeier.",
    "Wir achten auf eine Auswahl unabhängig von Geschlecht, Herkunft, Religion, Alter oder "
    "sexueller Identität.",
    "Für den Außendienst ist ein eigener PKW erforderlich, die Kilometer erstatten wir.",
    "Wir unterstützen Sie mit einem Zuschuss zur Kinderbetreuung.",
])
def test_other_traps_stay_quiet(text):
    assert not findings(text), [(f.text, f.rule) for f in findings(text)]


# ----------------------------------------------------------------------------------- a full ad

def test_a_full_job_ad_gets_the_expected_findings_and_nothing_else():
    ad = ("Vertriebsmitarbeiter im Außendienst\n\n"
          "Wir sind ein junges Unternehmen aus Hamburg und suchen Verstärkung für unser junges, "
          "dynamisches Team. Sie sind zwischen 25 und 35 Jahren alt, sprechen Deutsch als "
          "Muttersprache und besitzen einen Führerschein der Klasse B.\n\n"
          "Bitte senden Sie Ihre Unterlagen mit Foto an bewerbung@beispiel.de. Ihr "
          "Ansprechpartner ist Herr Becker.")
    got = {(f.rule, f.text) for f in findings(ad)}
    assert got == {
        ("de.gender.mitarbeiter", "Vertriebsmitarbeiter"),
        ("de.age.jung", "junges"),
        ("de.age.zwischen", "zwischen 25 und 35 Jahren alt"),
        ("de.origin.als-muttersprache", "Deutsch als Muttersprache"),
        ("de.appearance.mit-foto", "mit Foto"),
    }, got


# ------------------------------------------------------------------------------ the eval file

def _eval():
    return yaml.safe_load(EVAL.read_text(encoding="utf-8"))


def test_eval_file_shape():
    data = _eval()
    assert data["language"] == "de"
    assert len(data["clean"]) >= 80 and len(data["flagged"]) >= 80
    cats = {item["category"] for item in data["flagged"]}
    assert set(CATEGORY_FILES) <= cats
    ids = {r.id for r in load_pack(RULES, "de").rules}
    for item in data["flagged"]:
        assert item["rule"] is None or item["rule"] in ids, item


def test_eval_clean_sentences_stay_clean():
    noisy = [(s, [(f.text, f.rule) for f in findings(s)]) for s in _eval()["clean"] if findings(s)]
    assert not noisy, noisy


def test_eval_recall_is_at_least_90_percent():
    items = _eval()["flagged"]
    missed = []
    for item in items:
        hits = findings(item["text"], item["category"])
        if not hits or (item["rule"] and item["rule"] not in {f.rule for f in hits}):
            missed.append(item)
    recall = 1 - len(missed) / len(items)
    assert recall >= 0.9, (recall, missed)


# ------------------------------------------------------------------ Austria and Switzerland

def test_swiss_spelling_and_documents():
    f = only("Wir suchen einen Schweisser für unsere Werkstatt in Zürich.", "de.gender.schweisser-ch")
    assert f.suggestions[0] == "Schweisser:in"
    f = only("Nur Bewerbende mit Schweizer Pass werden berücksichtigt.",
             "de.origin.staatsangehoerigkeit")
    assert f.text == "Schweizer Pass" and f.suggestions[0] == "Arbeitsbewilligung"
    assert only("Konfektionsgrösse max. 38", "de.appearance.konfektionsgroesse").severity == "error"


def test_lehrling_is_only_an_ambiguous_hint():
    f = only("Wir suchen zwei Lehrlinge für unseren Betrieb.", "de.gender.lehrling")
    assert f.severity == "info" and f.suggestions[:2] == ["Auszubildende", "Lernende"]


# ------------------------------------------------------------- engine behaviour (reported)

def test_inclusive_infix_inside_a_compound_stays_quiet():
    assert not findings("Wir führen jährlich Mitarbeiter:innengespräche durch.", "gender")
    assert not findings("Der Arbeitnehmer:innenschutz hat bei uns Vorrang.", "gender")


def test_pairs_with_articles_are_recognised_by_the_engine():
    assert not findings("Die Ärztinnen und die Ärzte der Station arbeiten im Schichtdienst.",
                        "gender")


# ------------------------------------------------- rule fixes found while labelling judge examples

@pytest.mark.parametrize("text,span,rule,first", [
    ("Körpergröße mindestens 175 cm.", "Körpergröße mindestens 175 cm",
     "de.appearance.koerpergroesse", ""),
    ("Gewicht max. 90 kg", "Gewicht max. 90 kg", "de.appearance.koerpergroesse", ""),
    ("Wir erwarten eine uneingeschränkt belastbare Persönlichkeit.", "uneingeschränkt belastbare",
     "de.disability.voll-belastbar", "den beschriebenen Anforderungen gewachsene"),
    ("Mit ansprechendem Aussehen überzeugen Sie unsere Gäste.", "ansprechendem Aussehen",
     "de.appearance.gepflegtes-aeusseres", "professionellem Auftreten"),
    ("Sie teilen das christliche Menschenbild.", "christliche Menschenbild",
     "de.religion.christliches-menschenbild", "Menschenbild unseres Hauses"),
    ("Keine Einstellung bei negativer SCHUFA.", "negativer SCHUFA", "de.socioeconomic.schufa", ""),
    ("Der unbezahlte Probearbeitstag findet am Montag statt.", "unbezahlte Probearbeitstag",
     "de.socioeconomic.unbezahlt", "vergütete Probearbeitstag"),
    ("Im unentgeltlichen Praktikum lernen Sie alles.", "unentgeltlichen Praktikum",
     "de.socioeconomic.unbezahlt", "vergüteten Praktikum"),
    ("Wir suchen keine verheirateten Bewerbenden.", "verheirateten", "de.family.ledig-verheiratet", ""),
    ("Wenn ein Praktikant krank ist, meldet er sich bis 9 Uhr.", "er", "de.gender.er-generisch",
     "die Person"),
    ("Als Meister führen Sie ein Team von zehn Personen.", "Meister", "de.gender.meister",
     "Meister:in"),
    ("Wir suchen Berufseinsteiger, erfahrene Kräfte sind nicht erwünscht.", "Berufseinsteiger",
     "de.age.berufseinsteiger", "Berufseinsteigende"),
    ("Sie verstärken unser junges und dynamisches Team.", "junges und dynamisches", "de.age.jung",
     "dynamisches"),
    ("Eine Kirchenmitgliedschaft ist Voraussetzung für die Stelle.", "Kirchenmitgliedschaft",
     "de.religion.kirchenmitgliedschaft", "Identifikation mit unseren Werten"),
])
def test_fixed_rules_find_inflected_and_excluded_forms(text, span, rule, first):
    f = only(text, rule)
    assert text[f.start:f.end] == span and f.suggestions[0] == first


@pytest.mark.parametrize("text,category", [
    ("Sie heben Pakete bis zu einem Gewicht von 25 kg.", "appearance"),
    ("Sie liefern belastbare Zahlen für die Planung.", "disability"),
    ("Mit ansprechendem Design überzeugen Sie unsere Kundschaft.", "appearance"),
    ("Das christliche Menschenbild prägt unser Haus.", "religion"),
    ("In der Bank prüfen Sie Kreditanträge bei negativer SCHUFA.", "socioeconomic"),
    ("Das unentgeltliche Praktikum ist ein Pflichtpraktikum laut Studienordnung.", "socioeconomic"),
    ("Sie berechnen die Lohnsteuer von verheirateten Beschäftigten.", "family"),
    ("Unser Praktikant Jonas hat gekündigt, er geht nach Berlin.", "gender"),
    ("Sie haben einen Abschluss als Meister im Elektrohandwerk.", "gender"),
    ("Berufseinsteiger und erfahrene Fachkräfte sind gleichermaßen willkommen.", "age"),
    ("Wir sind ein junges und dynamisches Unternehmen.", "age"),
    ("Wir sind ein junges und erfahrenes Team.", "age"),
    ("Die Kirchenmitgliedschaft ist keine Voraussetzung für diese Stelle.", "religion"),
])
def test_fixed_rules_stay_quiet_on_innocent_neighbours(text, category):
    assert not findings(text, category), [(f.text, f.rule) for f in findings(text)]


@pytest.mark.parametrize("text,flagged", [
    # German capitalises every noun: a noun after an article is not a named person
    ("Jeder Bewerber erhält eine Bestätigung, sobald er die Unterlagen hochgeladen hat.", True),
    ("Der Kandidat bekommt einen Laptop, den er auch privat nutzen darf.", True),
    ("Unser Praktikant Jonas arbeitet seit Mai hier, er hilft dir beim Start.", False),
])
def test_generic_er_after_nouns_with_articles(text, flagged):
    got = [f for f in findings(text, "gender") if f.rule == "de.gender.er-generisch"]
    assert bool(got) == flagged, [(f.text, f.rule) for f in findings(text)]


# ------------------------------------------------- phenomena found by an independent evaluation
# Own variants (inflections, word order, synonyms), not the evaluation's sentences.

@pytest.mark.parametrize("text,span,rule", [
    # gender: a sex with an adjective, or the job "ideal for women"
    ("Für die Montage suchen wir einen kräftigen, zuverlässigen Mann.", "einen kräftigen, zuverlässigen Mann",
     "de.gender.suche-geschlecht-adjektiv"),
    ("Gesucht wird eine freundliche junge Dame für die Rezeption.", "eine freundliche junge Dame",
     "de.gender.suche-geschlecht-adjektiv"),
    ("Der Job eignet sich vor allem für Männer, die gern draußen arbeiten.",
     "eignet sich vor allem für Männer", "de.gender.zielgruppe-geschlecht"),
    ("Die Tätigkeit ist perfekt geeignet für junge Frauen.", "perfekt geeignet für junge Frauen",
     "de.gender.zielgruppe-geschlecht"),
    # age: limits without "Jahre", age-group nouns, generations, fresh degrees
    ("Wir berücksichtigen nur Bewerbende unter 35.", "unter 35", "de.age.personen-unter-ueber"),
    ("Bewerber:innen bis 30 sind willkommen.", "bis 30", "de.age.personen-unter-ueber"),
    ("Kandidatinnen über 50 passen leider nicht in unser Konzept.", "über 50", "de.age.personen-unter-ueber"),
    ("Unser Team besteht aus Enddreißigern.", "Enddreißigern", "de.age.altersgruppe-nomen"),
    ("Wir sind eine Truppe von Ü30ern und suchen Verstärkung.", "Ü30ern", "de.age.altersgruppe-nomen"),
    ("Du passt zu uns, wenn du zur Generation Y gehörst.", "Generation Y", "de.age.generation"),
    ("Millennials sind bei uns besonders willkommen.", "Millennials", "de.age.generation"),
    ("Ihr Studienabschluss sollte höchstens zwei Jahre zurückliegen.",
     "Studienabschluss sollte höchstens zwei Jahre zurückliegen", "de.age.abschluss-zurueckliegend"),
    ("Sie haben Ihr Studium vor höchstens drei Jahren abgeschlossen.",
     "vor höchstens drei Jahren abgeschlossen", "de.age.abschluss-zurueckliegend"),
    ("Der Job ist perfekt für junge Menschen mit Spaß am Verkauf.", "junge Menschen", "de.age.junge-leute"),
    ("Wir suchen junge Leute für die Spätschicht.", "junge Leute", "de.age.junge-leute"),
    # disability: health history, senses, explicit exclusion
    ("Wir erwarten Bewerbende ohne psychische Vorerkrankungen.", "ohne psychische Vorerkrankungen",
     "de.disability.ohne-erkrankung"),
    ("Gesucht wird eine belastbare Person ohne Krankengeschichte.", "ohne Krankengeschichte",
     "de.disability.ohne-erkrankung"),
    ("Ein uneingeschränktes Sehvermögen ist Voraussetzung für die Stelle im Büro.",
     "uneingeschränktes Sehvermögen", "de.disability.sinne-gesundheit"),
    ("Sie verfügen über ein perfektes Gehör und Sehvermögen.", "perfektes Gehör und Sehvermögen",
     "de.disability.sinne-gesundheit"),
    ("Sie bringen eine robuste Gesundheit mit.", "robuste Gesundheit", "de.disability.sinne-gesundheit"),
    ("Bitte teilen Sie uns Ihre Krankheitstage der letzten zwei Jahre mit.", "Krankheitstage",
     "de.disability.gesundheitsfragen"),
    ("Geben Sie bitte an, ob Sie unter chronischen Erkrankungen leiden.", "chronischen Erkrankungen",
     "de.disability.gesundheitsfragen"),
    ("Menschen im Rollstuhl können wir für diese Stelle nicht berücksichtigen.", "Menschen im Rollstuhl",
     "de.disability.ausschluss-gruppe"),
    ("Bewerbungen von chronisch Kranken werden nicht berücksichtigt.", "chronisch Kranken",
     "de.disability.ausschluss-gruppe"),
    # origin: nationality only, skin colour / "European looks", exclusion
    ("Wir stellen ausschließlich deutsche Staatsbürger ein.", "ausschließlich deutsche Staatsbürger",
     "de.origin.nur-nationalitaet"),
    ("Für den Kundendienst suchen wir bevorzugt Einheimische.", "bevorzugt Einheimische",
     "de.origin.nur-nationalitaet"),
    ("Wir suchen Servicekräfte mit westeuropäischem Aussehen.", "westeuropäischem Aussehen",
     "de.origin.erscheinungsbild"),
    ("Voraussetzung ist eine helle Hautfarbe.", "helle Hautfarbe", "de.origin.erscheinungsbild"),
    ("Bewerbungen von Geflüchteten können wir nicht berücksichtigen.", "Geflüchteten",
     "de.origin.ausschluss-gruppe"),
    # religion: faith demanded, garments banned, believers excluded
    ("Ein katholisches Bekenntnis setzen wir für die Tätigkeit im Lager voraus.", "katholisches Bekenntnis",
     "de.religion.glaubensbekenntnis-gefordert"),
    ("Wir wünschen uns Mitarbeitende, die unseren Glauben leben.", "unseren Glauben leben",
     "de.religion.glauben-teilen"),
    ("Das Tragen eines Turbans ist während der Arbeitszeit untersagt.", "Turbans",
     "de.religion.kleidung-verbot"),
    ("Religiöse Symbole sind am Empfang unerwünscht.", "Religiöse Symbole", "de.religion.kleidung-verbot"),
    ("Muslime können wir für diese Stelle leider nicht berücksichtigen.", "Muslime",
     "de.religion.ausschluss-gruppe"),
    # orientation
    ("Bewerbungen lesbischer Frauen passen nicht zu unserem Leitbild.", "lesbischer Frauen",
     "de.orientation.ausschluss-gruppe"),
    ("Eine eingetragene Lebenspartnerschaft ist mit der Stelle unvereinbar.",
     "eingetragene Lebenspartnerschaft", "de.orientation.ausschluss-gruppe"),
    ("Die Betriebswohnung steht nur heterosexuellen Paaren zur Verfügung.", "heterosexuellen",
     "de.orientation.heterosexuell-gefordert"),
    ("Bitte geben Sie Ihre sexuelle Identität im Bewerbungsformular an.", "sexuelle Identität",
     "de.orientation.angabe-orientierung"),
    # appearance
    ("Wir erwarten ein gepflegtes Äusseres.", "gepflegtes Äusseres", "de.appearance.gepflegtes-aeusseres"),
    ("Wir suchen eine attraktive Kellnerin für unsere Bar.", "attraktive Kellnerin", "de.appearance.attraktiv"),
    ("Gesucht wird eine Verkaufskraft mit sportlicher Figur.", "sportlicher Figur", "de.appearance.figur"),
    ("Bitte senden Sie uns ein Ganzkörperbild mit Ihrer Bewerbung.", "Ganzkörperbild",
     "de.appearance.ganzkoerperfoto"),
    ("Für unser Modegeschäft suchen wir eine schlanke, sportliche Verkaufskraft.", "schlanke",
     "de.appearance.schlank"),
    # family
    ("Der Nebenjob ist perfekt für Mütter, die vormittags Zeit haben.", "perfekt für Mütter",
     "de.family.ideal-fuer-muetter"),
    ("Dieser Job ist wie gemacht für eine alleinerziehende Mutter.",
     "wie gemacht für eine alleinerziehende Mutter", "de.family.ideal-fuer-muetter"),
    ("Bitte teilen Sie uns mit, ob Sie in den nächsten Jahren Kinder planen.",
     "ob Sie in den nächsten Jahren Kinder planen", "de.family.frage-kinder"),
    ("Bitte informieren Sie uns, ob ein Kinderwunsch besteht.", "Kinderwunsch",
     "de.family.frage-familienplanung"),
    ("Babypausen sehen wir bei dieser Position kritisch.", "Babypausen", "de.family.elternzeit-nachteil"),
    ("Gesucht wird eine Fachkraft ohne Sorgepflichten.", "ohne Sorgepflichten", "de.family.keine-kinder"),
    # socioeconomic
    ("Bewerbungen von Studienabbrechern sind unerwünscht.", "Studienabbrechern",
     "de.socioeconomic.ausschluss-gruppe"),
    ("Lücken im Werdegang sind ein K.O.-Kriterium.", "Lücken im Werdegang",
     "de.socioeconomic.luecken-ausschluss"),
    ("Ein eigenes Haus ist von Vorteil.", "eigenes Haus", "de.socioeconomic.wohneigentum"),
    ("Idealerweise haben Sie eine Privatschule besucht.", "Privatschule", "de.socioeconomic.privatschule"),
    ("Für die Stelle im Backoffice setzen wir einen eigenen PKW voraus.", "eigenen PKW",
     "de.socioeconomic.eigener-pkw"),
])
def test_unseen_phenomena_are_found(text, span, rule):
    hits = [f for f in findings(text) if f.rule == rule]
    assert hits and any(text[f.start:f.end] == span for f in hits), \
        (text, [(text[f.start:f.end], f.rule) for f in findings(text)])


@pytest.mark.parametrize("text,category", [
    ("Für einen blinden Mann suchen wir eine Alltagsbegleitung.", "gender"),
    ("Eine ältere Dame sucht Unterstützung im Haushalt.", "gender"),
    ("Wir suchen eine Nachfolge für unsere Kollegin, eine erfahrene Frau aus dem Vertrieb.", "gender"),
    ("Unser Mentoring-Programm richtet sich speziell an Frauen in Führungspositionen.", "gender"),
    ("Unsere Pflegeserie richtet sich an Männer mit und ohne Bart.", "gender"),
    ("Wir freuen uns besonders über Bewerbungen von Frauen.", "gender"),
    ("Die Ausbildung dauert höchstens drei Jahre.", "age"),
    ("Wir betreuen junge Menschen in unseren Wohngruppen.", "age"),
    ("Unser Projekt richtet sich an junge Erwachsene ohne Ausbildungsplatz.", "age"),
    ("Sie begleiten Menschen über 60 bei Arztbesuchen.", "age"),
    ("Unser Tarif für Personen unter 25 ist besonders günstig.", "age"),
    ("Wir suchen Verstärkung für unser Team aus Menschen über 20 Nationen.", "age"),
    ("Wir feiern unser 30-jähriges Jubiläum.", "age"),
    ("Die 45-Jährige leitet seit 2019 unser Team.", "age"),
    ("Unsere App erreicht vor allem die Generation Z.", "age"),
    ("Unsere Zielgruppe sind Millennials und Babyboomer.", "age"),
    ("Menschen mit und ohne chronische Erkrankungen sind bei uns willkommen.", "disability"),
    ("Sie haben ein gutes Gehör für die Wünsche unserer Kundschaft.", "disability"),
    ("Wir bieten einen Zuschuss zur Bildschirmarbeitsplatzbrille für gutes Sehvermögen.", "disability"),
    ("Sie betreuen Patientinnen und Patienten mit chronischen Erkrankungen.", "disability"),
    ("Unser Büro ist barrierefrei, Menschen mit Behinderung sind herzlich willkommen.", "disability"),
    ("Unser Behinderten-WC befindet sich im Erdgeschoss.", "disability"),
    ("Sie beraten Versicherte zu Vorerkrankungen und Leistungen.", "disability"),
    ("Wir verkaufen nur Schweizer Käse aus der Region.", "origin"),
    ("Unsere Marke steht für ein modernes, europäisches Erscheinungsbild.", "origin"),
    ("Wir entwickeln Sonnenschutz für hellhäutige Menschen.", "origin"),
    ("Sie unterrichten Deutsch für Lernende mit Arabisch als Muttersprache.", "origin"),
    ("Geflüchtete sind bei uns ausdrücklich willkommen.", "origin"),
    ("Unser Team besteht aus Einheimischen und Zugezogenen.", "origin"),
    ("Für die Stelle im Beamtenverhältnis kommen nur deutsche Staatsangehörige infrage.", "origin"),
    ("Kolleginnen muslimischen Glaubens nutzen unseren Raum der Stille gern.", "religion"),
    ("Für die Seelsorge im Krankenhaus ist ein katholisches Bekenntnis Voraussetzung.", "religion"),
    ("Das Tragen eines Kopftuchs ist bei uns selbstverständlich erlaubt.", "religion"),
    ("Ein christliches Bekenntnis ist keine Voraussetzung für die Mitarbeit.", "religion"),
    ("Bei uns sind alle willkommen, egal ob hetero, schwul oder lesbisch.", "orientation"),
    ("Unser Queer-Netzwerk berät Kolleginnen und Kollegen zu Fragen der sexuellen Identität.", "orientation"),
    ("Sie machen auch vor großen Kunden eine gute Figur.", "appearance"),
    ("Unser Fitnessstudio hilft Ihnen, eine sportliche Figur zu bekommen.", "appearance"),
    ("Für unsere Modelagentur suchen wir Models, bitte mit Ganzkörperfoto und Sedcard.", "appearance"),
    ("Wir bieten Kurse speziell für Mütter und Väter in Elternzeit an.", "family"),
    ("Die Stelle ist ideal für Mütter und Väter, die Teilzeit suchen.", "family"),
    ("Egal, ob Sie Kinder haben oder nicht: Bei uns gibt es flexible Arbeitszeiten.", "family"),
    ("Sie müssen uns nie sagen, ob Sie schwanger sind.", "family"),
    ("Wir unterstützen Ihre Familienplanung mit flexiblen Modellen.", "family"),
    ("Elternzeit ist bei uns kein Nachteil, wir freuen uns auf Ihre Rückkehr.", "family"),
    ("Menschen mit und ohne Kinder sind herzlich willkommen.", "family"),
    ("Wir arbeiten mit dem Jobcenter zusammen und geben Langzeitarbeitslosen eine Chance.", "socioeconomic"),
    ("Bewerbungen ohne Lebenslauf können wir nicht berücksichtigen.", "socioeconomic"),
    ("Mit eigenem Wagen nehmen wir jedes Jahr am Karnevalsumzug teil.", "socioeconomic"),
    ("Sie beraten Kundinnen und Kunden beim Kauf einer eigenen Immobilie.", "socioeconomic"),
    ("Sie unterrichten Mathematik an unserer Privatschule.", "socioeconomic"),
])
def test_unseen_phenomena_stay_quiet_on_innocent_neighbours(text, category):
    assert not findings(text, category), [(f.text, f.rule) for f in findings(text)]
