"""English gendered pronouns → singular *they*, with verb agreement.

`pronoun_edits(text)` returns `Edit`s on the exact input (only the words that change; every
other character, whitespace and tokenisation stays as it was); `neutralize(text)` applies them.

What changes: he/she → they, him → them, her → them (object) or their (possessive),
his → their (before a noun) or theirs (standing alone), hers → theirs, himself/herself →
themselves (or themself), the forms "he or she", "he/she", "s/he", "(s)he", "his or her",
"him or her", "himself or herself", and the verb that agrees with a subject pronoun:
"she puts" → "they put", is/was/has/does → are/were/have/do, contractions ("he's" → "they're"
or "they've", "doesn't" → "don't", "isn't", "wasn't", "hasn't"), questions and inversions
("was she", "does he", "isn't he?"), coordinated verbs ("she writes code and tests it"),
capitalisation (He → They, HE → THEY). Already tokenised text ("she 's", "does n't") is handled.

Modes: "neutral" rewrites every gendered pronoun; "job-ad" only those whose referent is a
generic role (the candidate, the employee, ...), never a named or gendered person
("Maria ... her report" stays).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .edits import Edit, apply_edits

__all__ = ["pronoun_edits", "pronoun_groups", "neutralize", "verb_base", "Token", "tokenize_en", "ROLE_WORDS"]

# --------------------------------------------------------------------------- tokens

_TOKEN = re.compile(
    r"(?P<stem>[^\W\d_]+?)(?=n['’]t\b)"
    r"|(?P<nt>n['’]t)\b"
    r"|(?P<cl>['’](?:s|re|ve|d|ll|m))\b"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<num>\d+(?:[.,]\d+)*)"
    r"|(?P<p>\S)",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    kind: str          # stem | nt | cl | word | num | p
    sent: int = 0
    nl_before: bool = False

    @property
    def low(self) -> str:
        return self.text.lower().replace("’", "'")

    @property
    def is_word(self) -> bool:
        return self.kind in ("word", "stem")


def tokenize_en(text: str) -> list[Token]:
    """Words, clitics ('s, n't ... attached or not) and punctuation, with sentence numbers."""
    toks: list[Token] = []
    sent, prev_end = 0, 0
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "p"
        tok = Token(m.group(), m.start(), m.end(), kind)
        gap = text[prev_end:m.start()]
        if "\n" in gap and toks:
            tok.nl_before = True
            sent += 1
        elif toks and toks[-1].kind == "p" and toks[-1].text in ".!?;:…" and (
                gap or toks[-1].text in "!?;…") and not _is_abbrev(toks):
            sent += 1
        tok.sent = sent
        toks.append(tok)
        prev_end = m.end()
    return toks


def _is_abbrev(toks: list[Token]) -> bool:
    return (len(toks) >= 2 and toks[-1].text == "." and toks[-2].low in
            {"mr", "mrs", "ms", "dr", "prof", "mx", "e.g", "i.e", "etc", "vs", "st", "no"})


# --------------------------------------------------------------------------- word lists

def _set(s: str) -> frozenset[str]:
    return frozenset(s.split())


SUBJ = {"he": "m", "she": "f"}
OBJ = {"him": "m"}
REFL = {"himself": "m", "herself": "f"}
ADVERBS = _set("""
    always never often usually sometimes also really just still already rarely seldom probably
    certainly actually only even generally typically normally frequently regularly constantly
    then now finally clearly definitely simply mostly hardly barely truly currently personally
    obviously apparently easily immediately soon quietly carefully not n't ever hereby
    therefore thus perhaps maybe allegedly supposedly usually occasionally initially later
    recently previously mainly largely fully rather quite again once twice both all alone
    particularly especially primarily independently actively directly jointly proactively
    closely successfully effectively increasingly continuously promptly quickly kinda sorta
    literally basically honestly totally
""")
NOT_VERB_S = _set("""
    this is was has does always sometimes perhaps thus plus less unless across yes towards
    afterwards besides nevertheless nonetheless us its his hers ours yours theirs as whereas
    whether chaos news series species means various nowadays lots
""")
MODALS = _set("can could will would shall should may might must ought need dare used had did")
BE_HAVE_DO = {"is": "are", "was": "were", "has": "have", "does": "do"}
DETERMINERS = _set("""
    a an the this that these those my your our their its his her some any no every each
    either neither another such what which whose all both half many much more most few
    several enough
""")
PREPOSITIONS = _set("""
    to of in on at by for with about from into onto over under after before during without
    within through across against among around between behind beyond near since until upon
    toward towards via like than as off out up down away back along past per despite except
    throughout inside outside below above beneath besides regarding concerning
""")
CONJUNCTIONS = _set("""
    and or but nor so yet because although though while whereas if unless when whenever once
    since that until where after before
""")
PRONOUNS = _set("""
    i me you we us they them it he him she her mine yours ours theirs itself myself yourself
    ourselves themselves everything anything something nothing everyone anyone someone
    everybody anybody somebody nobody none one
""")
PARTICLES = _set("up down out off in on back away over around along through about together home")
WH = _set("what where when why how who whom whose which whether")
INVERSION_PREV = _set("so nor neither never rarely seldom only hardly not")
OBJECT_PREV_VERBS = _set("""
    let lets letting make makes made making help helps helped helping see sees saw seen
    watch watches watched hear hears heard have has had feel felt
""")
DITRANSITIVE = _set("""
    give gives gave given giving send sends sent sending tell tells told telling show shows
    showed shown offer offers offered pay pays paid buy buys bought bring brings brought teach
    teaches taught lend lends lent owe owes owed wish wishes wished promise promises promised
    ask asks asked get gets got find finds found cost costs hand hands handed
""")
OBJ_NOUNS = _set("lunch dinner breakfast coffee money advice information feedback time credit")
ADJ_PARTICIPLES = _set("""
    tired interested married qualified experienced based located required expected supposed
    allowed involved used pleased excited worried bored scared concerned surprised retired
    engaged divorced motivated dedicated committed determined skilled talented organised
    organized prepared convinced satisfied disappointed annoyed stressed exhausted confused
    amazed delighted thrilled impressed employed unemployed licensed certified trained
    specialised specialized named called considered regarded entitled obliged registered
    enrolled trusted respected loved admired gifted detailed focused focussed tied ashamed
    embarrassed frustrated overwhelmed relaxed injured hurt sick ill afraid aware
""")
PARTICIPLES = _set("""
    been got gotten had done seen taken given made written known gone come begun chosen
    driven eaten fallen forgotten grown hidden ridden risen shown spoken stolen sworn thrown
    woken worn broken frozen left lost found heard held kept led met paid said sent spent
    stood taught thought told understood won brought bought caught fought sought built felt
    meant read run become put set cut let hit shut quit spread drawn flown sung swum drunk
    beaten bitten forgiven mistaken shaken undertaken overcome
""")
PRED_ADJ = _set("""
    happy sad angry busy comfortable welcome safe ready aware responsible free alone upset
    nervous excited proud calm sure right wrong late early sick ill better worse well
    welcome informed updated involved
""")
VERB_BASES = _set("""
    accept add agree allow answer apply appear arrange arrive ask assess assist attend build
    bring buy call care carry catch change check choose clean close coach come communicate
    complete consider contact continue contribute coordinate cook cost cover create cry cut
    deal decide deliver design develop do draw dream drink drive drop earn eat enjoy ensure
    enter explain fall feel fight fill find finish fix fly follow forget get give go grow
    guide handle hate have hear help hire hold hope hurry identify improve include join jump
    keep know laugh lead learn leave lie like listen live look lose love maintain make manage
    mean meet mentor miss monitor move need negotiate note offer open organise organize own
    pay perform pick plan play prefer prepare present prioritise prioritize produce promote
    provide pull push put reach read realise realize receive recommend reply report represent
    require research respond rest return review ride ring rise run say see seem sell send
    serve set settle share shop show sign sing sit sleep smile solve speak spend stand start
    stay stop study succeed suggest supervise support swim take talk teach tell tend test
    think train travel treat try turn understand use visit wait wake walk want wash watch
    wear win wish work worry write commute compete complain count create dance debug deploy
    describe determine drive earn edit email encourage establish evaluate expect explore
    facilitate fail feed file forecast gather greet hand handle hang hide hit hurt implement
    inform inspect install interview introduce invest invite involve kick kiss knock land last
    launch lift limit link load lock log mark measure mind mix motivate negotiate notice
    observe obtain occur operate order pack paint park pass phone pick place point post pour
    practise practice pray predict print process program protect prove publish purchase
    qualify raise rank rate recruit reduce refer reflect refuse register relax release remain
    remember remind remove rent repair repeat replace request resolve respect restart retire
    reward ring roll rush save scan schedule score search select shape shift shout sit ski
    smoke sort sound speak spell split sponsor staff state step stick store struggle submit
    supply surf survive switch tackle teach text thank throw tidy touch trace track trade
    transfer translate travel trust type update upload value vote wander warn waste welcome
    wonder worry yell
""")
NOUNISH_S = _set("""
    reports works plans needs results changes tests calls answers books cars kids children
    dogs cats apples pears friends colleagues clients customers projects tasks goals skills
    visits shows lists reviews trains talks plays walks runs cooks designs
""")
ROLE_WORDS = _set("""
    candidate applicant employee hire recruit jobholder incumbent person individual newcomer
    trainee intern colleague member worker professional engineer developer manager nurse
    teacher assistant consultant specialist representative officer technician analyst
    designer driver salesperson chair chairperson lead leader supervisor director head
    coordinator administrator user customer client student patient caller visitor writer
    author reader participant researcher doctor physician lawyer accountant architect
    programmer operator cashier cleaner receptionist secretary buyer seller owner tenant
    contractor freelancer volunteer apprentice graduate jobseeker starter hire
    businessperson spokesperson firefighter officer nominee appointee
""")
GENDERED_NOUNS = _set("""
    woman man girl boy mother father wife husband sister brother daughter son grandmother
    grandfather aunt uncle lady gentleman mom dad mum girlfriend boyfriend queen king niece
    nephew madam sir businesswoman businessman chairwoman chairman salesman saleswoman
    actress waitress mr mrs ms miss
""")
GENERIC_PREV = _set("the a an each every any our this your new ideal successful right future selected chosen")
TITLES = _set("mr mrs ms miss mx dr prof sir madam")
NOT_NAMES = _set("""
    i monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december english dutch french german
    spanish italian european christmas easter
""")
PERSON_PREV = _set("contact ask meet call email tell thank to from by")
CONTRACTION_NEXT_HAS = PARTICIPLES


_GENDER_OF = {"he": "m", "him": "m", "his": "m", "himself": "m",
              "she": "f", "her": "f", "hers": "f", "herself": "f"}


def _gender(word: str) -> str:
    return _GENDER_OF.get(word, "m")


# --------------------------------------------------------------------------- morphology

_ES_EXCEPT = {"aches": "ache", "focuses": "focus", "biases": "bias", "buses": "bus",
              "gases": "gas", "tiptoes": "tiptoe", "canoes": "canoe", "shoes": "shoe",
              "horseshoes": "horseshoe"}


def verb_base(word: str) -> str:
    """Base form of a 3rd-person-singular present verb: puts→put, tries→try, is→are."""
    low = word.lower()
    if low in BE_HAVE_DO:
        return match_case(word, BE_HAVE_DO[low])
    if low in _ES_EXCEPT:
        base = _ES_EXCEPT[low]
    elif low.endswith("ies") and len(low) > 4:
        base = low[:-3] + "y"
    elif low.endswith(("sses", "shes", "ches", "xes", "zzes", "oes")):
        base = low[:-2]
    elif low.endswith("s") and not low.endswith("ss"):
        base = low[:-1]
    else:
        base = low
    return match_case(word, base)


def match_case(orig: str, new: str) -> str:
    """Give `new` the capitalisation pattern of `orig` (lower, Capitalised, UPPER)."""
    letters = [c for c in orig if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return new.upper()
    if letters and letters[0].isupper():
        for i, c in enumerate(new):
            if c.isalpha():
                return new[:i] + c.upper() + new[i + 1:]
    return new


def _looks_3sg(low: str) -> bool:
    return (low in BE_HAVE_DO or low in {"goes"}) or (
        low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 2
        and low not in NOT_VERB_S and low.isalpha())


def _is_adverb(t: Token | None) -> bool:
    return t is not None and t.is_word and (t.low in ADVERBS or (
        t.low.endswith("ly") and len(t.low) > 4 and t.low not in {"family", "supply", "apply",
                                                                   "reply", "rely", "fly", "italy"}))


# --------------------------------------------------------------------------- the rewriter

class _Rewriter:
    def __init__(self, text: str, mode: str, reflexive: str, roles: frozenset[str]):
        self.text = text
        self.toks = tokenize_en(text)
        self.mode = mode
        self.reflexive = reflexive
        self.roles = roles
        self.repl: dict[int, str] = {}        # token index -> replacement (same span)
        self.span: dict[int, int] = {}        # compound: first token index -> last index
        self.done: set[int] = set()
        self.decision: dict[int, bool] = {}   # pronoun token index -> rewritten?
        self.owner: dict[int, int] = {}       # changed token -> the pronoun it agrees with
        self.cur = -1
        self.generic_at: frozenset[int] = frozenset()
        self.claimed: dict[int, str] = {}    # name token -> gender of the pronoun that took it

    # ---- helpers
    def tok(self, i: int) -> Token | None:
        return self.toks[i] if 0 <= i < len(self.toks) else None

    def same_sent(self, i: int, j: int) -> bool:
        a, b = self.tok(i), self.tok(j)
        return a is not None and b is not None and a.sent == b.sent

    def nxt(self, i: int) -> Token | None:
        return self.tok(i + 1) if self.same_sent(i, i + 1) else None

    def prv(self, i: int) -> Token | None:
        return self.tok(i - 1) if self.same_sent(i, i - 1) else None

    def adjacent(self, i: int, j: int) -> bool:
        return self.toks[i].end == self.toks[j].start

    def hyphen_bound(self, i: int) -> bool:
        """A pronoun inside a hyphenated word (she-wolf, he-man) is not a pronoun."""
        t = self.toks[i]
        before = self.text[t.start - 1:t.start] if t.start else ""
        after = self.text[t.end:t.end + 1]
        return before == "-" or (after == "-" and self.text[t.end + 1:t.end + 2].isalpha())

    def is_question(self, i: int) -> bool:
        s = self.toks[i].sent
        last = i
        while last + 1 < len(self.toks) and self.toks[last + 1].sent == s:
            last += 1
        return self.toks[last].text in ("?", "？")

    def set(self, i: int, new: str) -> None:
        old = self.toks[i].text
        if "’" in old:
            new = new.replace("'", "’")
        new = match_case(old, new)
        if new != old:
            self.repl[i] = new
            self.owner[i] = self.cur
        self.done.add(i)

    # ---- main
    def run(self) -> None:
        i = 0
        while i < len(self.toks):
            if i in self.done:
                i += 1
                continue
            n = self.compound(i)
            if n:
                i += n
                continue
            self.single(i)
            i += 1

    # ---- compounds: he or she, s/he, (s)he, his/her, him or her, himself or herself
    def compound(self, i: int) -> int:
        t = self.toks
        low = [x.low for x in t[i:i + 5]]
        if len(low) >= 4 and low[:4] == ["(", "s", ")", "he"] and self._tight(i, i + 3):
            return self._subject_compound(i, i + 3)
        if len(low) >= 3 and low[0] == "s" and low[1] == "/" and low[2] == "he" and self._tight(i, i + 2):
            return self._subject_compound(i, i + 2)
        if len(low) >= 3 and low[1] in ("or", "/", "and") and self.same_sent(i, i + 2):
            a, b = low[0], low[2]
            pair = {a, b}
            if pair == {"he", "she"}:
                if low[1] == "and":   # two people: verb already plural
                    self._replace_range(i, i + 2, "they")
                    return 3
                return self._subject_compound(i, i + 2)
            if pair == {"him", "her"}:
                self._replace_range(i, i + 2, "them")
                return 3
            if pair in ({"his", "her"}, {"his", "hers"}, {"her", "his"}):
                stand = b in ("hers",) or self._stands_alone(i + 2)
                self._replace_range(i, i + 2, "theirs" if stand else "their")
                return 3
            if pair == {"himself", "herself"}:
                self._replace_range(i, i + 2, self.reflexive)
                return 3
        # him- or herself
        if len(low) >= 4 and low[0] == "him" and low[1] == "-" and low[2] == "or" and low[3] == "herself":
            self._replace_range(i, i + 3, self.reflexive)
            return 4
        return 0

    def _tight(self, a: int, b: int) -> bool:
        return all(self.adjacent(k, k + 1) for k in range(a, b))

    def _replace_range(self, a: int, b: int, new: str) -> None:
        self.cur = a
        self.owner[a] = a
        first = next((t.text for t in self.toks[a:b + 1] if t.text[:1].isalpha()), "")
        self.repl[a] = match_case(first, new)
        self.span[a] = b
        for k in range(a, b + 1):
            self.done.add(k)
            self.decision[k] = True

    def _subject_compound(self, a: int, b: int) -> int:
        self._replace_range(a, b, "they")
        self.agree_after(b)
        self.agree_before(a)
        return b - a + 1

    # ---- single pronouns
    def single(self, i: int) -> None:
        t = self.toks[i]
        low = t.low
        if not t.is_word or low not in ("he", "she", "him", "her", "his", "hers", "himself", "herself"):
            return
        if self.hyphen_bound(i) or not t.text[0].isalpha():
            return
        if t.text == "HE" and not self._caps_context(i):
            return  # "HE" in mixed-case text is an abbreviation (higher education)
        if self.mode == "job-ad" and t.start not in self.generic_at and not self.generic(i):
            self.decision[i] = False
            return
        self.decision[i] = True
        self.cur = i
        if low in SUBJ:
            self.set(i, "they")
            self.agree_after(i)
            self.agree_before(i)
        elif low == "him":
            self.set(i, "them")
        elif low == "hers":
            self.set(i, "theirs")
        elif low in REFL:
            self.set(i, self.reflexive)
        elif low == "his":
            self.set(i, "theirs" if self._stands_alone(i) else "their")
        elif low == "her":
            self.set(i, "their" if self._possessive_her(i) else "them")

    def _caps_context(self, i: int) -> bool:
        near = [t for t in (self.tok(i - 1), self.tok(i + 1)) if t is not None and t.is_word
                and self.same_sent(i, self.toks.index(t))]
        return not near or any(t.text.isupper() for t in near)

    # ---- subject-verb agreement
    def agree_after(self, i: int) -> None:
        """Fix the verb(s) whose subject is the pronoun ending at token i."""
        j = i + 1
        t = self.nxt(i)
        if t is None:
            return
        # they're / they've from he's / she's
        if t.kind == "cl":
            if t.low == "'s":
                self.set(j, "'ve" if self._has_reading(j) else "'re")
                self.coordinated(j + 1)
            return
        j = self._skip(j)
        j = self._skip_parenthetical(j)
        j = self._skip(j)
        v = self.tok(j)
        if v is None or not self.same_sent(i, j) or not v.is_word:
            return
        if v.low in MODALS or v.low in ("are", "were", "have", "do"):
            self.coordinated(j + 1)
            return
        if v.kind == "stem" or v.low in BE_HAVE_DO or _looks_3sg(v.low):
            if v.low in BE_HAVE_DO or _looks_3sg(v.low):
                self.set(j, verb_base(v.text))
            self.coordinated(j + 1)

    def _skip(self, j: int) -> int:
        while True:
            t = self.tok(j)
            if t is None:
                return j
            if t.low in ("sort", "kind") and (o := self.tok(j + 1)) is not None and o.low == "of":
                j += 2
                continue
            if _is_adverb(t) or t.low in ("himself", "herself"):
                if t.low in ("himself", "herself") and j not in self.done:
                    self.decision[j] = True
                    self.set(j, self.reflexive)  # "he himself": part of the same change
                j += 1
                continue
            return j

    def _skip_parenthetical(self, j: int) -> int:
        """Skip ', however,' / '(the manager)' / '—the manager—' before the verb."""
        t = self.tok(j)
        closers = {",": ",", "(": ")", "—": "—", "–": "–", "-": "-"}
        if t is None or t.text not in closers:
            return j
        close = closers[t.text]
        for k in range(j + 1, min(j + 10, len(self.toks))):
            if not self.same_sent(j, k):
                return j
            if self.toks[k].text == close:
                m = self._skip(k + 1)
                nxt = self.tok(m)
                if nxt is not None and nxt.is_word and (
                        nxt.low in BE_HAVE_DO or nxt.low in MODALS or _looks_3sg(nxt.low)):
                    return k + 1
                return j
        return j

    def _has_reading(self, j: int) -> bool:
        """Does the 's at token j stand for 'has' (she's been) rather than 'is'?"""
        k = j + 1
        while (t := self.tok(k)) is not None and self.same_sent(j, k) and (_is_adverb(t)):
            k += 1
        t = self.tok(k)
        if t is None or not self.same_sent(j, k) or not t.is_word:
            return False
        w = t.low
        if w in ADJ_PARTICIPLES:
            return False
        if w in PARTICIPLES:
            return True
        return w.endswith("ed") and len(w) > 3

    def coordinated(self, j: int) -> None:
        """'she writes code and tests it': verbs after and/or/but sharing the subject."""
        k = j
        while (t := self.tok(k)) is not None and self.same_sent(j - 1, k):
            if t.is_word and (t.low in PRONOUNS or t.low in WH or t.low in (
                    "that", "because", "if", "when", "while", "although", "though", "who",
                    "which", "since", "as", "where", "whether", "until", "unless", "than")):
                return
            after_verb = (k - 1) in self.repl and self.owner.get(k - 1) == self.cur
            if t.text == "," and (v := self.tok(self._skip(k + 1))) is not None and v.is_word \
                    and (v.low in BE_HAVE_DO or (_looks_3sg(v.low) and verb_base(v.low) in VERB_BASES
                                                 and (v.low not in NOUNISH_S or after_verb))):
                m = self._skip(k + 1)          # "she plans, organises and delivers"
                self.set(m, verb_base(v.text))
                k = m + 1
                continue
            if t.text in (";", ":", "(", ")") or (t.text == "," and self._clause_comma(k)):
                return
            if t.low in ("and", "or", "but"):
                m = self._skip(k + 1)
                v = self.tok(m)
                if v is not None and self.same_sent(k, m) and v.is_word:
                    if v.low in BE_HAVE_DO or (v.kind == "stem" and v.low in BE_HAVE_DO):
                        self.set(m, BE_HAVE_DO[v.low])
                        k = m + 1
                        continue
                    if _looks_3sg(v.low) and (
                            (verb_base(v.low) in VERB_BASES and (
                                v.low not in NOUNISH_S or after_verb or self._object_follows(m)))
                            or self._object_follows(m, strict=True)):
                        self.set(m, verb_base(v.text))
                        k = m + 1
                        continue
            k += 1

    def _clause_comma(self, k: int) -> bool:
        nxt = self.tok(k + 1)
        return nxt is None or nxt.low not in ("and", "or", "but")

    def _object_follows(self, m: int, strict: bool = False) -> bool:
        """A determiner or object pronoun (or, unless strict, a preposition) follows token m."""
        n = self.nxt(m)
        if n is None:
            return False
        if strict:
            return n.low in DETERMINERS or n.low in ("it", "them", "me", "us", "him", "her", "you")
        return n.low in DETERMINERS or n.low in PRONOUNS or n.low in PREPOSITIONS

    def agree_before(self, i: int) -> None:
        """Inversions and questions: 'was she', 'does he', 'isn't she?', 'where's he'."""
        p = self.prv(i)
        if p is None:
            return
        j = i - 1
        if p.kind == "nt":
            j -= 1
            p2 = self.tok(j)
            if p2 is None or not self.same_sent(i, j):
                return
            verb_idx, verb = j, p2
        else:
            verb_idx, verb = j, p
        if verb.kind == "cl" and verb.low == "'s":
            host = self.tok(verb_idx - 1)
            if host is not None and host.low in WH | {"there", "here"} and self.is_question(i):
                sep = " " if self.adjacent(verb_idx - 1, verb_idx) else ""
                self.repl[verb_idx] = sep + ("ARE" if host.text.isupper() else "are")
                self.owner[verb_idx] = self.cur
                self.done.add(verb_idx)
            return
        if verb.low not in BE_HAVE_DO:
            return
        before = self.prv(verb_idx) if self.same_sent(i, verb_idx) else None
        inversion = (before is None or self.is_question(i) or before.text in (",", "(", "—", "–")
                     or before.low in INVERSION_PREV or before.low in WH
                     or (before.kind == "cl" and before.low == "'s"))
        if inversion:
            self.set(verb_idx, BE_HAVE_DO[verb.low])

    # ---- his/her decisions
    def _stands_alone(self, i: int) -> bool:
        """'his' before a noun is a determiner (their); standing alone it is 'theirs'."""
        n = self.nxt(i)
        if n is None or not n.is_word:
            return n is None or n.kind in ("p", "cl", "nt")
        if n.low == "own":
            return False
        n2 = self.tok(i + 2)
        if n.low in ("and", "or") and n2 is not None and n2.low in ("my", "your", "our", "her",
                                                                     "their", "its"):
            return False
        p, p3 = self.tok(i - 1), self.tok(i - 3)
        if p is not None and p.low == "of" and p3 is not None and p3.low in ("a", "an") and (
                n.low in MODALS or _looks_3sg(n.low)):
            return True  # a friend of his works there
        return (n.low in PREPOSITIONS or n.low in CONJUNCTIONS or n.low in MODALS
                or n.low in ("is", "was", "are", "were", "has", "have", "too", "either",
                             "alone", "instead", "anyway", "now", "then", "here", "there",
                             "not") or n.low in PRONOUNS) and n.low not in DETERMINERS

    def _possessive_her(self, i: int) -> bool:
        """Possessive 'her' (her report → their report) vs object (tell her → tell them)."""
        n = self.nxt(i)
        p = self.prv(i)
        if n is None or not n.is_word:
            return n is not None and n.kind == "num"
        w = n.low
        if w in ("very", "really", "so", "quite", "too", "extremely", "incredibly"):
            return self._noun_follows(i + 2) and not self._adj_then_stop(i + 2)
        if w in ("own", "best", "first", "last", "next", "only", "whole", "favourite",
                 "favorite", "main", "biggest", "greatest", "former", "current", "new", "old"):
            return True
        if (w in DETERMINERS or w in PRONOUNS or w in PREPOSITIONS or w in CONJUNCTIONS
                or w in PARTICLES or w in MODALS or w in WH or _is_adverb(n)
                or w in ("is", "was", "are", "were", "has", "have", "do", "does", "did", "be",
                         "been", "too", "either", "herself", "yourself", "himself", "themselves",
                         "know", "feel", "go", "come", "leave", "stay", "think", "work",
                         "laugh", "cry", "smile", "win", "do", "get", "be", "there", "here",
                         "yet", "instead", "anyway", "how", "why", "a", "an")):
            return False
        if p is not None and p.low in OBJECT_PREV_VERBS and (
                w in VERB_BASES or w.endswith("ing")):
            return False
        if w.endswith("ing") and p is not None and p.is_word and p.low not in PREPOSITIONS:
            return False
        if p is not None and p.low in DITRANSITIVE and (
                w in OBJ_NOUNS or (w.endswith("s") and not self._noun_follows(i + 1))):
            return False
        if (w in PRED_ADJ or w.endswith(("ful", "ous", "ive", "able", "ible", "less"))) and (
                not self._noun_follows(i + 1)):
            return False
        return True

    def _adj_then_stop(self, j: int) -> bool:
        n = self.nxt(j)
        return n is None or not n.is_word or n.low in PREPOSITIONS or n.low in CONJUNCTIONS

    def _noun_follows(self, j: int) -> bool:
        n = self.nxt(j)
        return n is not None and n.is_word and not (
            n.low in DETERMINERS or n.low in PRONOUNS or n.low in PREPOSITIONS
            or n.low in CONJUNCTIONS or n.low in MODALS or _is_adverb(n) or n.low in
            ("is", "was", "are", "were", "has", "have", "too"))

    # ---- job-ad mode: who is the referent?
    def generic(self, i: int) -> bool:
        """True when the referent of pronoun i is a generic role word (job-ad mode).

        1. A sentence-initial pronoun continues the subject of the previous sentence.
        2. Otherwise the nearest earlier candidate wins: a role word, a name, a gendered noun,
           or an earlier pronoun of the same gender.
        A full noun phrase in the pronoun's own clause cannot be its referent ("He will show
        the intern": he is not the intern), and a name already taken by a pronoun of the other
        gender is not a candidate ("next to Lisa. She will help him": him is not Lisa).
        """
        gender = _gender(self.toks[i].low)
        decision, ref = self._sentence_subject_referent(i)
        if decision is None:
            decision, ref = self._nearest_referent(i, gender)
        if ref is not None and self._is_name(ref):
            self.claimed.setdefault(ref, gender)
        return bool(decision)

    def _excluded(self, i: int, k: int, gender: str) -> bool:
        t = self.toks[k]
        if self._is_name(k) and self.claimed.get(k, gender) != gender:
            return True
        if t.low in self.roles and self._repeated_in_clause(i, t.low):
            return True
        return False

    def _repeated_in_clause(self, i: int, word: str) -> bool:
        """Is `word` repeated after pronoun i in its sentence (then it is someone else)?"""
        j = i + 1
        while (t := self.tok(j)) is not None and self.same_sent(i, j):
            if t.text in (";", ":") or t.low in ("and", "but", "because", "while", "when"):
                return False
            if t.low == word:
                return True
            j += 1
        return False

    def _nearest_referent(self, i: int, gender: str) -> tuple[bool, int | None]:
        s0 = self.toks[i].sent
        k = i - 1
        while k >= 0 and self.toks[k].sent >= s0 - 2:
            t = self.toks[k]
            low = t.low
            if k in self.decision and low in _GENDER_OF:
                if _GENDER_OF[low] == gender or self.decision[k]:
                    return self.decision[k], None
            if t.is_word and not self._excluded(i, k, gender):
                if low in GENDERED_NOUNS:
                    return False, k
                if self._is_name(k):
                    return False, k
                if low in self.roles:
                    return not self._apposition_to_name(k), k
            k -= 1
        return False, None

    def _sentence_subject_referent(self, i: int) -> tuple[bool | None, int | None]:
        """A sentence-initial pronoun usually continues the subject of the previous sentence."""
        t = self.toks[i]
        if t.low not in _GENDER_OF or (self.prv(i) is not None and self.prv(i).text not in ("-", "•", "*")):
            return None, None
        start = i - 1
        while start > 0 and self.toks[start - 1].sent == t.sent - 1:
            start -= 1
        if start < 0 or self.toks[start].sent != t.sent - 1:
            return None, None
        gender = _gender(t.low)
        for k in range(start, min(start + 5, i)):
            w = self.toks[k]
            if not w.is_word:
                continue
            if self._excluded(i, k, gender):
                return None, None
            if w.low in GENDERED_NOUNS or self._is_name(k):
                return False, k
            if w.low in self.roles:
                if self._other_gender_pronoun_in_sentence(i):
                    return None, None
                return not self._apposition_to_name(k), k
            if k in self.decision and w.low in ("he", "she"):
                return self.decision[k], None
            if w.low in MODALS or w.low in BE_HAVE_DO or _looks_3sg(w.low):
                return None, None  # reached the verb without a subject we know
        return None, None

    def _other_gender_pronoun_in_sentence(self, i: int) -> bool:
        g = _gender(self.toks[i].low)
        j = i + 1
        while (t := self.tok(j)) is not None and self.same_sent(i, j):
            if t.low in _GENDER_OF and _GENDER_OF[t.low] != g:
                return True
            j += 1
        return False

    def _is_name(self, k: int) -> bool:
        t = self.toks[k]
        if not t.text[:1].isupper() or t.low in NOT_NAMES or t.low in self.roles:
            return False
        if t.low in DETERMINERS or t.low in PRONOUNS or t.low in PREPOSITIONS or t.low in \
                CONJUNCTIONS or t.low in WH or t.low in MODALS or t.low in ADVERBS:
            return False
        if t.low in GENERIC_PREV or t.low in TITLES:
            return False
        p = self.tok(k - 1)
        if p is not None and p.low.rstrip(".") in TITLES:
            return True
        n = self.tok(k + 1)
        if n is not None and n.kind == "cl" and n.low == "'s":
            return True
        if p is not None and p.low in PERSON_PREV:
            return True
        if n is not None and n.is_word and (n.low in BE_HAVE_DO or n.low in MODALS or (
                _looks_3sg(n.low) and verb_base(n.low) in VERB_BASES) or n.low.endswith("ed")):
            return True
        if n is not None and n.text == "," and (m := self.tok(k + 2)) is not None and \
                m.low in ("a", "an", "the", "our", "who"):
            return True
        # a capitalised word in mid-sentence that is followed by another capitalised word
        if n is not None and n.is_word and n.text[:1].isupper() and n.low not in self.roles:
            return p is None or p.sent != t.sent or p.low in PERSON_PREV
        return False

    def _apposition_to_name(self, k: int) -> bool:
        s = self.toks[k].sent
        j = k - 1
        while j >= 0 and self.toks[j].sent == s and k - j < 8:
            if self.toks[j].text == "," and j > 0 and self._is_name(j - 1):
                return True
            j -= 1
        return False

    # ---- output
    def groups(self) -> list[list[Edit]]:
        """The changes, one group per pronoun (the pronoun and the words that agree with it)."""
        by_owner: dict[int, list[int]] = {}
        for i in sorted(self.repl):
            by_owner.setdefault(self.owner.get(i, i), []).append(i)
        out, n = [], 0
        for owner in sorted(by_owner, key=lambda o: min(by_owner[o])):
            group = []
            for i in by_owner[owner]:
                n += 1
                a = self.toks[i]
                b = self.toks[self.span.get(i, i)]
                group.append(Edit(f"p{n}", a.start, b.end, self.repl[i],
                                  "en.pronoun.singular-they", None, "rule"))
            out.append(group)
        return out


def pronoun_groups(text: str, *, mode: str = "neutral", reflexive: str = "themselves",
                   roles: frozenset[str] | set[str] | None = None,
                   generic_at: set[int] | frozenset[int] | None = None) -> list[list[Edit]]:
    """Like `pronoun_edits`, grouped: each group is one pronoun with its agreeing words.

    `generic_at`: start offsets of pronouns known to refer to a generic role (for example
    flagged by a rule with `antecedent: role`); job-ad mode rewrites them too.
    """
    if mode not in ("neutral", "job-ad"):
        raise ValueError(f"unknown pronoun mode {mode!r} (neutral, job-ad)")
    if reflexive not in ("themselves", "themself"):
        raise ValueError(f"unknown reflexive {reflexive!r} (themselves, themself)")
    all_roles = ROLE_WORDS | frozenset(w.lower() for w in (roles or ()))
    rw = _Rewriter(text, mode, reflexive, frozenset(all_roles))
    rw.generic_at = frozenset(generic_at or ())
    rw.run()
    return rw.groups()


def pronoun_edits(text: str, *, mode: str = "neutral", reflexive: str = "themselves",
                  roles: frozenset[str] | set[str] | None = None,
                  generic_at: set[int] | frozenset[int] | None = None) -> list[Edit]:
    """Edits that turn English gendered pronouns into singular they (see module doc).

    `mode`: "neutral" (every pronoun) or "job-ad" (only pronouns about a generic role);
    `reflexive`: "themselves" or "themself"; `roles`: extra generic role words.
    """
    return [e for g in pronoun_groups(text, mode=mode, reflexive=reflexive, roles=roles,
                                      generic_at=generic_at) for e in g]


def neutralize(text: str, *, mode: str = "neutral", reflexive: str = "themselves") -> str:
    """`text` with gendered pronouns turned into singular they (only those words change)."""
    return apply_edits(text, pronoun_edits(text, mode=mode, reflexive=reflexive))
