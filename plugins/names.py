"""names: one person written several ways, a misspelt name, or an office given to two people.

No named-entity model is used (none can be downloaded): people are found with heuristics over
capitalised words, and every rule stays quiet unless the evidence is clear.

People (extraction)
    A mention is a run of capitalised words (with particles such as de, van, von, bin, al-, and
    hyphenated parts such as Suk-yeol; initials like "W." are kept for display but ignored when
    comparing). A run is a person when

    - a title or role introduces it: a capitalised title inside the run ("President", "Prime
      Minister", "Secretary-General", "Mr.", "Dr.", "Gen.", "Sen." ...), optionally qualified by
      a nationality, country or organisation ("South Korean President", "NATO Secretary-General",
      "U.S. President"), or a lowercase role just before it ("actress Tara Reid", "the actress's
      rep Jack Ketsoyan", "South Korea's president Yoon"), or a role in apposition after it
      (", Japan's prime minister,", ", the NATO secretary-general.", ", the president of South
      Korea,", ", a former mayor,": a lowercase role word, optionally with its prefixes and a
      capitalised qualifier before it or "of Qualifier" after it, between a comma and a comma,
      full stop or semicolon); or
    - it is the subject of a reporting verb ("Kishida said", "Jack Ketsoyan told ..."); or
    - it is two or three name words none of which is a known place, country, nationality,
      organisation word, month, weekday or alias ("Britney Spears", "Jens Stoltenberg").

    A single word is a person only as a back-reference to someone the same document names in
    full (its surname or first name: "Stoltenberg", "Mr. Yoon", possessive "Yoon's office"), or
    when a title or a reporting verb introduces it. The first word of a sentence is dropped when
    it is a common word ("Already a close ally", "While in South Korea", "Apparently Reid ...",
    any word the document also writes in lowercase), and a lone sentence-initial word is only
    ever a back-reference. Places, countries, organisations, agencies, ministries and parties
    ("NATO", "Korean Central News Agency", "Iruma Air Base", "World War II", "Indo-Pacific",
    "Promises Treatment Center", "People magazine"), names the alias table knows ("US",
    "America", "Pyongyang"), all-capital words (bylines such as "MARI YAMAGUCHI, TOKYO, AP"),
    title-case headline runs ("Reid Checks Into Rehab For ...") and titles of works in quotation
    marks ("“Van Wilder”") are not people. In a run of three or more capitalised words, an edge
    word the document also writes in lowercase is dropped ("Hire Maurice Cheeks" -> Maurice
    Cheeks, "Warren Jeffs Trial" -> Warren Jeffs); "Jr." and "Sr." end a name without being part
    of it; and the lowercase words of a web address (a slug such as "us-oscars-degeneres") do not
    count as the document writing a name in lowercase.

    After the whole document is read, two or three capitalised words anywhere (a title-case
    headline included: "Lindsay Lohan Checks Into Betty Ford Rehab") that the document names as a
    person elsewhere are a mention of that person; in a title-case headline or run, words one
    letter off such a name ("Lindsay Lohen Checks Into ...") are a name of their own, which the
    misspelling rule then compares.

    A single capitalised word inside a sentence that the document never writes in lowercase and
    names no one of the document ("Obama" in an article that never says "Barack Obama") is a
    claim of kind ``surname``: it is only ever joined, by its exact spelling, to the one person
    other documents name in full, and never reported by itself.

    Each mention is a claim of kind ``person``; its value is the document's person (the fullest
    name, as a tuple of comparison keys) and ``data`` holds the mention's parts, their spellings
    and separators, the person's full name and, when a title introduced it, the role
    (``role_office``, ``role_qualifier``, ``role_text``, ``role_current``).

Entities (comparison)
    Names are split into parts at spaces and hyphens; a part's comparison key ignores case,
    diacritics, doubled letters and common transliteration endings ("Zelenskyy" = "Zelensky" =
    "Zelenskiy", "Mohammed" = "Muhammad"). The people of different documents are one entity when
    their keys are equal ("Yoon Suk-yeol" = "Yoon Suk Yeol"), when one name is part of the other
    and matches no one else ("Yoon", "Mr. Yoon" -> "Yoon Suk Yeol"; "Stoltenberg" -> "Jens
    Stoltenberg"; a lone word is looked up among the names it ends before those it starts, so
    "Obama" -> "Barack Obama" despite a headline run "Obama Announces Nominee"), or when they
    differ in one part by a small edit distance while agreeing on the rest (below). Two people
    one document names separately are never merged. A bare ``surname`` claim joins like a
    surname ("Gupta" -> "Sanjay Gupta", not when two people of other documents carry it) but
    never by a misspelling. ``cluster()`` does this joining; it is what
    benchmarks/ecbplus_entities.py measures.

Rules
    ``names.spelling-variant`` (info)
        One entity written in forms that differ only by hyphenation, spacing, case, diacritics or
        transliteration ("Yoon Suk-yeol" / "Yoon Suk Yeol", "Zelensky" / "Zelenskyy"). One finding
        per entity, with one evidence item per document (its first full mention).
    ``names.misspelling`` (warning)
        One part of a name differs by at most ``max_edit_distance`` edits (rapidfuzz OSA: a
        letter changed, added, dropped, or two neighbouring letters swapped is one edit; at most
        one edit per five letters) between documents, both spellings have at least
        ``min_letters`` letters, neither is a prefix or suffix of the other ("Steve"/"Steven"),
        and the rest of the name agrees ("Jens Stoltenburg" / "Jens Stoltenberg"; "Boris
        Johnson" and "Ben Johnston" differ in their given names too, so they stay two people).
        The message names the spelling most documents use; with no majority it says one of them
        is probably wrong. Within one document, a full name written once and one edit away from
        another full name of the same document that other documents write too ("Fumio Kishida"
        ... "Fumio Kishda", while the others write "Kishida"), and written by no other document,
        is a misspelling of that person, not a second person (so the office it holds is no
        role conflict); a similar name written twice, or written by another document too, stays
        a person of its own ("Maria Castel" and "Marie Castel").

    Spelling variants and misspellings are only reported for a name that some document
    introduces with a title or role or as the speaker of a reporting verb: a capitalised pair of
    words seen nowhere else in that way may be a product or a place ("BlackBerry Curve").
    ``names.role-conflict`` (error)
        The same qualified office ("South Korean President", "South Korea's president", "NATO
        Secretary-General", "Japanese Foreign Minister") given to different people in different
        documents. Only single-holder offices count (president, prime minister, secretary-general,
        chancellor, foreign minister, CEO, mayor, governor ...); bare titles ("President", "the
        actress's rep") are too vague and never conflict, nor do offices marked as not current
        ("former", "ex-", "late", "acting", "-elect"), nor a document that itself gives the office
        to both people.
    ``names.title-conflict`` (warning)
        One person (one entity across documents) given two qualified offices he or she cannot
        hold at once: the same office of different countries or organisations ("OECD
        secretary-general" / "WTO Secretary-General"), or two different exclusive offices of one
        ("Peruvian President" / "Peruvian Prime Minister"; exclusive: president, vice president,
        prime minister, the ministers and secretaries of state, attorney general, mayor,
        governor). Qualifiers whose words are all in the other ("Korean" / "South Korea", "Fire"
        / "Central Fire Department") are one country or body; premier and chancellor count as
        prime minister. Other offices (chief, CEO, chairman, leader: named too loosely, or held
        together), bare titles, offices not current, and a role pair that some document gives
        the person itself are not reported. One finding per person.

Options
    ``max_edit_distance`` (2): edits allowed between two spellings of a name part for a
    misspelling. ``min_letters`` (5): shortest name part compared for misspellings. ``allow``
    ([]): spellings (whole names or single parts) that are known variants and never reported; a
    finding is dropped when all of its forms but one are allowed.

Names the alias table knows (``[aliases]`` in rules.toml and the built-in list) are never
reported.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from rapidfuzz.distance import OSA

import factcheck
from factcheck.text import (ORG_WORDS, PLACE_NAMES, PLACE_PREFIXES, STOPWORDS, WORD_RE,
                            fold_diacritics)

# ---------------------------------------------------------------------------------------------
# Rules and options

RULES = [
    factcheck.Rule(
        "names.spelling-variant", "info",
        "One person's name is written in different forms across documents.",
        "The documents name the same person in forms that differ only by hyphenation, spacing, "
        "case, diacritics or transliteration. Nothing is wrong with either form, but a story "
        "usually keeps one spelling. One finding per person, with the first mention of the name "
        "in each document. Known variants can be listed in the plugin's `allow` option.",
        "a.txt: South Korean President Yoon Suk-yeol ...\n"
        "b.txt: South Korean President Yoon Suk Yeol ...\n"
        "-> names.spelling-variant (info): 'Yoon Suk-yeol' (a.txt) / 'Yoon Suk Yeol' (b.txt)",
    ),
    factcheck.Rule(
        "names.misspelling", "warning",
        "A name is spelled differently in one document (a likely misspelling).",
        "One part of a person's name differs by a few letters between documents while the rest "
        "of the name agrees (the edit distance is at most `max_edit_distance`, and both spellings "
        "have at least `min_letters` letters). The message names the spelling most documents "
        "use. Different given names keep two people apart, so 'Boris Johnson' and 'Ben Johnston' "
        "are not reported.",
        "a.txt: NATO Secretary-General Jens Stoltenberg ...\n"
        "b.txt: NATO Secretary-General Jens Stoltenberg ...\n"
        "c.txt: NATO Secretary-General Jens Stoltenburg ...\n"
        "-> names.misspelling (warning): c.txt writes 'Stoltenburg'; a.txt, b.txt write 'Stoltenberg'",
    ),
    factcheck.Rule(
        "names.role-conflict", "error",
        "The same office is given to different people in different documents.",
        "A qualified single-holder office ('South Korean President', 'NATO Secretary-General', "
        "'Japan's foreign minister') names one person in one document and another person in "
        "another. Bare titles ('President', 'the rep') are too vague to compare, and offices "
        "marked as former, acting or elect are skipped.",
        "a.txt: South Korean President Yoon Suk Yeol met ...\n"
        "b.txt: South Korean President Moon Jae-in met ...\n"
        "-> names.role-conflict (error): South Korean president: Yoon Suk Yeol vs Moon Jae-in",
    ),
    factcheck.Rule(
        "names.title-conflict", "warning",
        "One person is given different roles in different documents.",
        "A person named with a qualified office ('South Korean President', 'NATO "
        "Secretary-General', 'Japan's foreign minister', also in apposition: 'Yoon Suk Yeol, the "
        "president of South Korea') in one document is given an office he or she cannot hold at "
        "the same time in another: the same office of another country or organisation, or "
        "another exclusive office of the same one (president / prime minister, foreign / defense "
        "minister). Loosely named offices (chief, CEO, leader), bare titles, former, acting or "
        "elect offices, and a document that itself gives the person both roles are not reported.",
        "a.txt: South Korean President Yoon Suk Yeol met ...\n"
        "b.txt: South Korean Prime Minister Yoon Suk Yeol met ...\n"
        "-> names.title-conflict (warning): a.txt calls Yoon Suk Yeol 'South Korean President', "
        "b.txt calls Yoon Suk Yeol 'South Korean Prime Minister'",
    ),
]

OPTIONS = {
    "max_edit_distance": 2,   # edits between two spellings of a name part for a misspelling
    "min_letters": 5,         # shortest name part compared for misspellings
    "allow": [],              # known variant spellings (whole names or parts), never reported
}


@factcheck.hookimpl
def factcheck_rules():
    return list(RULES)


@factcheck.hookimpl
def factcheck_options():
    return {k: (list(v) if isinstance(v, list) else v) for k, v in OPTIONS.items()}


# ---------------------------------------------------------------------------------------------
# Word lists

def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


HONORIFICS = _set("mr mrs ms mx dr prof sir dame lord lady rev fr")
ABBREV_TITLES = HONORIFICS | _set("gen lt col maj capt cmdr adm sgt cpl brig sen rep gov pres supt amb hon st")
# Capitalised titles that introduce a name inside a run.
TITLES = HONORIFICS | ABBREV_TITLES | _set("""
president vice-president president-elect premier chancellor secretary-general secretary minister
senator representative congressman congresswoman governor mayor king queen prince princess pope
emperor empress chairman chairwoman chairperson ceo director chief ambassador envoy commissioner
judge justice spokesman spokeswoman spokesperson leader sheikh emir ayatollah cardinal bishop
archbishop rabbi imam coach general admiral colonel captain lieutenant sergeant commander marshal
professor doctor detective inspector sheriff attorney-general
""") - {"st"}
# Words that are part of a title only before another title word ("Prime Minister", "Foreign Minister").
TITLE_PREFIX = _set("""
prime vice deputy foreign defense defence finance interior home justice health trade economy
economic education energy environment first attorney supreme chief executive grand crown
""")
TITLE_TAIL = _set("general minister secretary executive officer president leader prince chancellor")
# Lowercase roles that introduce a name right after them.
LOWER_ROLES = _set("""
actress actor singer rapper star rep representative publicist spokesman spokeswoman spokesperson
manager agent lawyer attorney analyst official officer reporter journalist photographer director
producer writer author novelist comedian model designer player striker goalkeeper coach boss
founder co-founder ceo chairman chairwoman president vice-president minister secretary-general
secretary chancellor premier leader mayor governor senator ambassador envoy general commander
colonel captain sergeant lieutenant admiral judge prosecutor professor doctor economist scientist
researcher wife husband daughter son brother sister mother father widow girlfriend boyfriend
fiancee fiance aide adviser advisor candidate nominee opponent rival king queen prince princess
pope emperor teammate chief head dr
""")
LOWER_ROLE_PREFIX = _set("prime vice deputy foreign defense defence finance interior home supreme chief executive")
NONCURRENT = _set("former ex late then outgoing incoming acting interim previous erstwhile future elect designate")
# Offices with one holder at a time: only these make a role conflict.
UNIQUE_OFFICES = frozenset("""
president|vice president|prime minister|secretary general|chancellor|premier|king|queen|pope|emperor
|empress|foreign minister|defense minister|finance minister|interior minister|home minister
|justice minister|health minister|trade minister|economy minister|foreign secretary|home secretary
|defense secretary|treasury secretary|secretary of state|ceo|chief executive|chairman|chairwoman
|chairperson|mayor|governor|leader|supreme leader|chief|attorney general|crown prince
""".replace("\n", "").split("|"))
OFFICE_SYNONYMS = {
    "pres": "president", "gov": "governor", "sen": "senator", "rep": "representative",
    "gen": "general", "defence": "defense", "chief executive officer": "ceo",
    "chief executive": "ceo", "vice-president": "vice president",
}

# A web address, also as tokenised text ("http: / / www. boston. com / fred _ larue _ 75"): its
# lowercase words (a slug naming the story's people) are no evidence of common words.
URL_RE = re.compile(r"(?:\bhttps?[ \t]*:|\bwww[ \t]*\.)(?:\S|[ \t]+(?=[/._?=&-])|(?<=[/._?=&:-])[ \t]+)*", re.I)

# A role in apposition after a name: ", [the|a] [Qualifier ...] [prefix] role[,.;]" or
# ", the role of Qualifier[,.;]".
_CAP = r"[A-Z][\w.'’-]*"
APPOSITION_RE = re.compile(
    r",[ \t]+(?P<body>(?:(?:the|a|an)[ \t]+)?(?P<qual>(?:" + _CAP + r"[ \t]+){0,3}?)"
    r"(?P<role>(?:[a-z][a-z-]*[ \t]+){0,2}?[a-z][a-z-]*)"
    r"(?:[ \t]+of[ \t]+(?P<of>(?:the[ \t]+)?" + _CAP + r"(?:[ \t]+" + _CAP + r"){0,2}))?)"
    r"(?=[ \t]*[,.;]|[ \t]*$)")

# Offices no one holds two of at a time in one country or organisation (a title conflict).
EXCLUSIVE_OFFICES = frozenset("""
president|vice president|prime minister|chancellor|secretary general|foreign minister
|defense minister|finance minister|interior minister|home minister|justice minister
|health minister|trade minister|economy minister|foreign secretary|home secretary
|defense secretary|treasury secretary|secretary of state|attorney general|mayor|governor
""".replace("\n", "").split("|"))
TITLE_SYNONYMS = {"premier": "prime minister", "chancellor": "prime minister"}

NAME_SUFFIXES = _set("jr sr")
_HONORIFICS_AND_I = HONORIFICS | {"i"}  # capitalised stopwords that a name may contain
PARTICLES = _set("de da del della di dos du van von der den ter bin ibn ben al el la le abu")
PARTICLE_PREFIX_RE = re.compile(r"^(?:al|el|bin|ibn|ben|abu|de|da|di|d|o|van|von)[-'’](?=[^\W\d_])", re.I)
POSSESSIVE_RE = re.compile(r"['’]s$", re.I)

DEMONYMS = {
    "american": "united states", "british": "united kingdom", "japanese": "japan", "korean": "korea",
    "chinese": "china", "russian": "russia", "ukrainian": "ukraine", "french": "france",
    "german": "germany", "italian": "italy", "spanish": "spain", "indian": "india",
    "pakistani": "pakistan", "israeli": "israel", "palestinian": "palestine", "iranian": "iran",
    "iraqi": "iraq", "syrian": "syria", "turkish": "turkey", "egyptian": "egypt",
    "saudi": "saudi arabia", "canadian": "canada", "mexican": "mexico", "brazilian": "brazil",
    "australian": "australia", "taiwanese": "taiwan", "philippine": "philippines",
    "filipino": "philippines", "vietnamese": "vietnam", "thai": "thailand",
    "indonesian": "indonesia", "polish": "poland", "dutch": "netherlands", "belgian": "belgium",
    "swedish": "sweden", "norwegian": "norway", "finnish": "finland", "danish": "denmark",
    "greek": "greece", "hungarian": "hungary", "austrian": "austria", "swiss": "switzerland",
    "irish": "ireland", "scottish": "scotland", "welsh": "wales", "english": "england",
    "afghan": "afghanistan", "nigerian": "nigeria", "kenyan": "kenya", "argentine": "argentina",
    "argentinian": "argentina", "chilean": "chile", "colombian": "colombia",
    "venezuelan": "venezuela", "cuban": "cuba", "belarusian": "belarus", "lebanese": "lebanon",
    "jordanian": "jordan", "qatari": "qatar", "emirati": "united arab emirates",
    "european": "europe", "asian": "asia", "african": "africa", "soviet": "soviet union",
    "czech": "czech republic", "romanian": "romania", "serbian": "serbia", "croatian": "croatia",
    "portuguese": "portugal", "malaysian": "malaysia", "singaporean": "singapore",
    "mongolian": "mongolia", "georgian": "georgia", "armenian": "armenia", "latvian": "latvia",
    "lithuanian": "lithuania", "estonian": "estonia", "slovak": "slovakia", "bulgarian": "bulgaria",
    "moroccan": "morocco", "algerian": "algeria", "libyan": "libya", "tunisian": "tunisia",
    "ethiopian": "ethiopia", "sudanese": "sudan", "somali": "somalia", "yemeni": "yemen",
    "kuwaiti": "kuwait", "bangladeshi": "bangladesh", "nepalese": "nepal", "sri": "sri",
    "peruvian": "peru", "bolivian": "bolivia", "ecuadorian": "ecuador", "uruguayan": "uruguay",
    "paraguayan": "paraguay", "haitian": "haiti", "jamaican": "jamaica", "kazakh": "kazakhstan",
    "uzbek": "uzbekistan", "californian": "california", "texan": "texas", "western": "western",
    "eastern": "eastern", "northern": "northern", "southern": "southern", "arab": "arab",
    "latin": "latin", "nordic": "nordic", "baltic": "baltic", "pacific": "pacific",
}
MONTHS_DAYS = _set("""
january february march april may june july august september october november december jan feb
mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
""")
COMMON_CAPS = _set("""
well oh yes no already while yesterday today tomorrow tonight earlier later meanwhile still even
despite although though instead besides following according asked get trust please thanks thank
perhaps maybe also however moreover furthermore nevertheless nonetheless indeed thus hence
therefore otherwise anyway sadly luckily apparently reportedly hopefully finally recently last
next first second third many several some most every each both either neither another such
among amid within without across along around behind beyond beside near since unless until upon
whether whatever whoever wherever whenever here there now then soon once ever never always often
sometimes like unlike just only so yet nor per via plus minus please sir madam god
officials police authorities analysts experts critics residents witnesses investigators
prosecutors researchers scientists doctors reporters sources others neighbors neighbours
protesters lawmakers diplomats observers organizers organisers rescuers firefighters troops
soldiers voters fans friends relatives parents students teachers workers employees staff people
everyone everybody nobody someone somebody anyone officers medics villagers locals fishermen
""")
REPORTING_VERBS = (
    "said|says|say|told|tells|added|adds|stated|states|explained|explains|noted|notes|warned|warns|"
    "wrote|writes|announced|announces|confirmed|confirms|claimed|claims|insisted|insists|argued|"
    "argues|replied|replies|recalled|recalls|admitted|admits|stressed|stresses|urged|urges|"
    "tweeted|posted|concluded|acknowledged|acknowledges|declared|declares|testified|commented|"
    "remarked|asked|asks|answered|responded|denied|denies"
)
VERB_AFTER_RE = re.compile(
    r"^(?:\s*,\s*\d{1,3}\s*,)?\s+(?:(?:also|later|then|has|had|have|previously|reportedly|earlier|"
    r"again|once|recently|repeatedly|publicly|further|quickly|simply)\s+)*(?:" + REPORTING_VERBS + r")\b")
OPEN_QUOTES = set('“"‘\'«„')
CLOSE_QUOTES = set('”"’\'»')


# ---------------------------------------------------------------------------------------------
# Keys and small helpers

@lru_cache(maxsize=65536)  # pure, and a story repeats its words
def fold(text: str) -> str:
    """Case and diacritics folded: 'Séoul' -> 'seoul'."""
    return fold_diacritics(text).casefold()


# Transliterations of common given names: one key for each group.
NAME_GROUPS = [g.split("/") for g in """
mohammed/mohammad/muhammad/mohamed/muhamed/mohamad khaled/khalid hussein/husein/hussain/husain
omar/umar osama/usama yusuf/yousef/youssef/yusef/yousuf ahmed/ahmad mahmoud/mahmud
abdullah/abdallah abdel/abdul hassan/hasan hamid/hamed elias/ilias/ilyas giannis/yiannis/yannis
vassilis/vasilis/vassilios/vasilios georgios/yiorgos/giorgos konstantinos/constantinos
nikolaos/nikos aleksandr/alexander/aleksander alexei/alexey/aleksei/aleksey yevgeny/evgeny/evgeni
yuri/yury/iouri sergei/sergey/serguei dmitry/dmitri/dmitriy mikhail/michail volodymyr/wolodymyr
oleksandr/olexander andrei/andrey/andriy nikolai/nikolay/mykola petro/pyotr/petr
tatiana/tatyana natalia/natalya""".split()]
_NAME_KEY = {name: group[0] for group in NAME_GROUPS for name in group}


# what part_key drops from a name part, and the transliteration variants it folds
_NON_LETTER = re.compile(r"[^\w]|[\d_]")
_IY_ENDING = re.compile(r"(?:iy|yy|ij|ii|yi|iyy)$")
_HARD_C_START = re.compile(r"^c(?=[aou])")
_REPEATED_CHAR = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)  # pure, and a story repeats its names
def part_key(part: str) -> str:
    """The comparison key of one name part: case, diacritics, doubled letters and common
    transliteration differences ignored ('Zelenskyy' = 'Zelensky' = 'Zelenskiy')."""
    s = _NON_LETTER.sub("", fold(part))
    if s in _NAME_KEY:
        return _NAME_KEY[s]
    s = _IY_ENDING.sub("y", s)
    s = s.replace("ou", "u").replace("kh", "h").replace("ph", "f").replace("y", "i")
    s = _HARD_C_START.sub("k", s)  # Carolos/Karolos, Catherine/Katherine
    s = _REPEATED_CHAR.sub(r"\1", s)
    return s


def letters(text: str) -> int:
    return len(text) if text.isalpha() else sum(ch.isalpha() for ch in text)


def split_parts(token: str) -> list[tuple[str, str]]:
    """A name token's parts and the separator after each ('Suk-yeol' -> [('Suk','-'), ('yeol','')])."""
    pieces = [p for p in token.split("-") if p]
    return [(p, "-" if i < len(pieces) - 1 else "") for i, p in enumerate(pieces)]


_OFFICE_SYNONYM_RES = [(re.compile(rf"\b{re.escape(a)}\b"), b) for a, b in OFFICE_SYNONYMS.items()]


def office_key(words: list[str]) -> str:
    text = " ".join(w.casefold().rstrip(".") for w in words).replace("-", " ")
    text = re.sub(r"\s+", " ", text).strip()
    for pattern, b in _OFFICE_SYNONYM_RES:
        text = pattern.sub(b, text)
    return text


# ---------------------------------------------------------------------------------------------
# Tokens and runs

@dataclass
class Tok:
    text: str          # the word without a possessive 's
    start: int         # document offsets of `text`
    end: int
    raw_end: int       # end including the possessive
    kind: str          # cap, acronym, dotted, initial, particle, lower, other
    possessive: bool
    initial: bool      # first word of its sentence (or of a quotation / after a colon)
    index: int         # position among the sentence's tokens
    low: str           # `text` casefolded, without a final full stop


# an initial ("J") and a dotted acronym ("U.S") as WORD_RE reads them
_CAPITAL = re.compile(r"[A-Z]")
_DOTTED_CAPITALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")


@lru_cache(maxsize=65536)  # pure, and a story repeats its words
def _kind(word: str, next_char: str) -> str:
    if _CAPITAL.fullmatch(word):
        return "initial" if next_char == "." else "other"
    if _DOTTED_CAPITALS.fullmatch(word):
        return "dotted"
    alpha = [c for c in word if c.isalpha()]
    if not alpha or any(c.isdigit() for c in word):
        return "other"
    if "." in word or word.casefold() in NAME_SUFFIXES:
        return "other"  # "Jr." ends a name without being part of it
    if len(alpha) >= 2 and all(c.isupper() for c in alpha):
        return "acronym"
    head = word.split("-")[0]
    if "-" in word and len(head) >= 2 and head.isupper():
        return "acronym"  # "US-led", "NATO-style"
    if word[0].isupper():
        return "cap"
    if word.casefold() in PARTICLES:
        return "particle"
    if PARTICLE_PREFIX_RE.match(word) and word[PARTICLE_PREFIX_RE.match(word).end()].isupper():
        return "cap"
    return "lower"


def tokenize(document, sentence) -> list[Tok]:
    fields = _token_fields(sentence.text)
    return [_tok(fields, sentence.start, i) for i in range(len(fields))]


def _tok(fields: tuple, at: int, i: int) -> Tok:
    """Token i of a sentence at document offset `at`, from its _token_fields."""
    core, start, end, raw_end, kind, possessive, initial, low = fields[i]
    return Tok(core, at + start, at + end, at + raw_end, kind, possessive, initial, i, low)


_INITIAL_MARKS = re.compile("[“\"‘:;—–(\\[]")


@lru_cache(maxsize=16384)  # pure; copies of a story repeat its sentences
def _token_fields(text: str) -> tuple[tuple[str, int, int, int, str, bool, bool, str], ...]:
    """tokenize's tokens of a sentence's text, offsets into the text: (text, start, end, raw_end,
    kind, possessive, initial, low) as Tok has them."""
    fields = []
    # a token is initial when first or after a mark (_INITIAL_MARKS) in the gap before it; no
    # mark is inside a word, so the marks are passed once, in order
    marks = iter([m.start() for m in _INITIAL_MARKS.finditer(text)])
    no_mark = len(text)
    next_mark = next(marks, no_mark)
    for m in WORD_RE.finditer(text):
        word = m.group()
        start, end = m.span()
        possessive = len(word) > 2 and word[-2] in "'’" and POSSESSIVE_RE.search(word) is not None
        core = word[:-2] if possessive else word
        initial = not fields
        while next_mark < start:
            initial = True
            next_mark = next(marks, no_mark)
        fields.append((core, start, start + len(core), end, _kind(core, text[end:end + 1]), possessive, initial,
                       core.casefold().rstrip(".")))
    return tuple(fields)


# the gaps that join two tokens of one name
_SPACES = re.compile(r"[ \t]+")
_DOT_SPACES = re.compile(r"\.[ \t]+")


def _joined(document, a: Tok, b: Tok) -> bool:
    gap = document.text[a.raw_end:b.start]
    if _SPACES.fullmatch(gap):
        return True
    if _DOT_SPACES.fullmatch(gap) and not a.possessive:
        return a.kind in ("initial", "dotted") or a.low in ABBREV_TITLES
    return False


def runs(document, toks: list[Tok]) -> list[list[Tok]]:
    result: list[list[Tok]] = []
    current: list[Tok] = []
    for tok in toks:
        if tok.kind in ("cap", "acronym", "dotted", "initial", "particle"):
            if current and _joined(document, current[-1], tok):
                current.append(tok)
                continue
            if current:
                result.append(current)
            current = [tok]
        else:
            if current:
                result.append(current)
            current = []
    if current:
        result.append(current)
    cleaned = []
    for run in result:
        while run and run[0].kind == "particle":
            run = run[1:]
        while run and run[-1].kind == "particle":
            run = run[:-1]
        if run:
            cleaned.append(run)
    return cleaned


# ---------------------------------------------------------------------------------------------
# Extraction

@dataclass
class Role:
    office: str        # normalised office ("prime minister")
    qualifier: str     # normalised qualifier ("south korea"), "" for a bare title
    text: str          # as written ("South Korean President")
    current: bool


@dataclass
class Candidate:
    sentence: object
    toks: list[Tok]
    how: str                       # title, verb, name
    role: Optional[Role] = None
    parts: list[tuple[str, str]] = field(default_factory=list)   # (surface, separator after)
    words: int = 0                                               # capitalised words of the name
    # from toks and parts, which do not change: the comparison key of each part, and the
    # document offsets of the name
    keys: tuple[str, ...] = field(init=False)
    start: int = field(init=False)
    end: int = field(init=False)

    def __post_init__(self) -> None:
        self.keys = _part_keys(tuple(self.parts))
        self.start, self.end = self.toks[0].start, self.toks[-1].end

    @property
    def full(self) -> bool:
        """A name that introduces a person: two parts, and two words unless a title or verb
        vouches for it ("Coca-Cola" alone is no person)."""
        return len(self.parts) >= 2 and (self.words >= 2 or self.how != "name")


@lru_cache(maxsize=65536)  # pure; a document names its people again and again
def _part_keys(parts: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """Candidate.keys: the comparison key of each part."""
    return tuple([part_key(p) for p, _ in parts])


# Extractor.sentence's memo: a story's copies repeat its sentences (bounded: cleared when full).
_SENTENCE_MEMO: dict[tuple, tuple] = {}
_SENTENCE_MEMO_SIZE = 16384
# The characters an apposition (APPOSITION_RE) can contain: no match, or attempt to match,
# reads past the first other character and the one after it (`$` before a final newline).
_APPOSITION_REACH = re.compile(r"[\w.'’ \t-]*")


@lru_cache(maxsize=16384)  # pure; copies of a story repeat its sentences
def _capitalised_words(text: str) -> tuple[int, int]:
    """How many words a sentence's text has (tokens but "other" ones), and how many of them are
    capitalised words or acronyms, particles left out: what tells a title-case headline."""
    kinds = [(kind, low) for _, _, _, _, kind, _, _, low in _token_fields(text) if kind != "other"]
    return len(kinds), sum(kind in ("cap", "acronym") and low not in PARTICLES for kind, low in kinds)


# the kinds of token whose words the analysis of a sentence looks up in the lowercase vocabulary
_LOOKED_UP_KINDS = frozenset(("cap", "acronym", "dotted"))


@lru_cache(maxsize=16384)
def _vocab_queries(text: str) -> frozenset[str]:
    """Every form of a sentence's words that the sentence's analysis looks up in the document's
    lowercase vocabulary (Tok.low, the casefolded word, the folded word): only capitalised words,
    acronyms and dotted acronyms are looked up (a run's words, a role's qualifier)."""
    forms = set()
    for core, _, _, _, kind, _, _, low in _token_fields(text):
        if kind in _LOOKED_UP_KINDS:
            forms.update((core.casefold(), low, fold(core)))
    return frozenset(forms)


# punctuation around a word between spaces ("(said,", "“yes”"): none of it is part of a word
_WORD_EDGES = ",.;:!?\"“”‘’'()[]—–-"


@lru_cache(maxsize=16384)  # copies of a story repeat their paragraphs
def _line_lower_vocab(line: str) -> frozenset[str]:
    """The casefolded words of a line that start with a lowercase letter, outside web addresses."""
    lowered = line.lower()
    if "http" in lowered or "www" in lowered:  # what a web address (URL_RE) starts with
        line = URL_RE.sub(" ", line)
    words = set()
    # WORD_RE's words, read between spaces (no word contains one): a piece that is letters and
    # digits once its edges are stripped is one word (WORD_RE's letters and digits are those of
    # str.isalnum), any other is read with WORD_RE
    for piece in line.split():
        core = piece.strip(_WORD_EDGES)
        if core.isalnum():
            if core[0].islower():
                words.add(core)
        elif core:
            words.update(w for w in WORD_RE.findall(piece) if w[0].islower())
    return frozenset(map(str.casefold, words))


# what splits a word into the pieces placeish looks up ("Al-Jazeera", "Côte d'Ivoire")
_HYPHEN_OR_APOSTROPHE = re.compile(r"[-'’]")


@lru_cache(maxsize=65536)  # pure, and a story repeats its words
def _place_or_common_word(word: str) -> bool:
    """Extractor.placeish's tests of the word alone: a place, organisation, nationality, month or
    weekday in one of its pieces, or a common word."""
    low = fold(word)
    pieces = [p for p in _HYPHEN_OR_APOSTROPHE.split(low) if p]
    if any(p in PLACE_NAMES or p in ORG_WORDS or p in DEMONYMS or p in MONTHS_DAYS for p in pieces):
        return True
    return low in STOPWORDS and low not in HONORIFICS or low in COMMON_CAPS


@lru_cache(maxsize=65536)  # an aliases table does not change, and a story repeats its names
def _known(aliases, name: str) -> bool:
    """aliases.known(name)."""
    return aliases.known(name)
_SPACE_OR_COMMA_GAP = re.compile(r"[ \t]+|,[ \t]+")


class Extractor:
    def __init__(self, document, aliases) -> None:
        self.document = document
        self.aliases = aliases
        # words the body writes in lower case, web addresses left out ("…/us-oscars-degeneres-…");
        # neither a word nor an address goes over a line break, so line by line from a cache
        self.lower_vocab = set().union(*map(_line_lower_vocab, document.text[document.body_start:].split("\n")))
        self.candidates: list[Candidate] = []

    # -- word tests ---------------------------------------------------------------------------

    def is_title(self, tok: Tok) -> bool:
        if tok.kind not in ("cap", "acronym"):
            return False
        low = tok.low[:-6] if tok.low.endswith("-elect") else tok.low
        return low in TITLES or (tok.initial and low in LOWER_ROLES)  # "Actress Emma Stone ..."

    def placeish(self, tok: Tok) -> bool:
        """A word that makes a capitalised run a place, organisation or common word, not a person."""
        if _place_or_common_word(tok.text):
            return True
        low = fold(tok.text)
        if low.endswith(("ese", "ian")) and low in self.lower_vocab:
            return True
        # "Un" in "Kim Jong Un" is not the UN: Aliases.known is case-aware for short acronyms
        return _known(self.aliases, tok.text)

    def qualifier_word(self, tok: Tok) -> bool:
        """A country, nationality or compass word ("South" of "South Sudan's president")."""
        low = fold(tok.text)
        return low in PLACE_PREFIXES or low in PLACE_NAMES or low in DEMONYMS or _known(self.aliases, tok.text)

    def common_initial(self, tok: Tok) -> bool:
        low = tok.text.casefold()
        if low in STOPWORDS or low in COMMON_CAPS or low in self.lower_vocab:
            return True
        if len(low) >= 6 and (low.endswith("ly") or low.endswith("ing")):
            return True
        return tok.kind == "cap" and low.endswith("ed") and len(low) >= 6

    def is_verb_subject(self, toks: list[Tok]) -> bool:
        if toks[-1].possessive:
            return False
        return VERB_AFTER_RE.match(self.document.text[toks[-1].raw_end:toks[-1].raw_end + 80]) is not None

    def enclosed(self, run: list[Tok]) -> bool:
        """A run between quotation marks is the title of a work ("“Van Wilder”")."""
        text = self.document.text
        before = text[max(0, run[0].start - 3):run[0].start].rstrip()
        if not before or before[-1] not in OPEN_QUOTES:
            return False
        after = text[run[-1].raw_end:run[-1].raw_end + 4].lstrip(" .,!?")
        return bool(after) and after[0] in CLOSE_QUOTES

    # -- runs ---------------------------------------------------------------------------------

    def sentence(self, sentence) -> None:
        """The sentence's candidates, from the memo when the same sentence was read before with
        everything it reads the same (see `_sentence_key`)."""
        key = self._sentence_key(sentence)
        found = _SENTENCE_MEMO.get(key)
        if found is None:
            first = len(self.candidates)
            self._sentence(sentence, tokenize(self.document, sentence))
            found = tuple((tuple(t.index for t in c.toks), c.how, c.role, tuple(c.parts), c.words)
                          for c in self.candidates[first:])
            if len(_SENTENCE_MEMO) >= _SENTENCE_MEMO_SIZE:
                _SENTENCE_MEMO.clear()
            _SENTENCE_MEMO[key] = found
            return
        if not found:
            return
        fields, at, toks = _token_fields(sentence.text), sentence.start, {}
        for indexes, how, role, parts, words in found:
            for i in indexes:
                if i not in toks:
                    toks[i] = _tok(fields, at, i)
            self.candidates.append(Candidate(sentence, [toks[i] for i in indexes], how, role, list(parts), words))

    def _sentence_key(self, sentence) -> tuple:
        """What the analysis of a sentence reads: its text, the three characters before it, the
        text after it up to where the apposition and verb tests can look (80 characters, or
        further: past its first character, up to the next one that no apposition can contain,
        and one more), which
        of its capitalised words the document also writes in lower case, and the aliases table."""
        text = self.document.text
        start, end = sentence.start, sentence.end
        reach = _APPOSITION_REACH.match(text, end + 1).end() + 2
        return (sentence.text, text[max(0, start - 3):start], text[end:max(end + 80, reach)],
                _vocab_queries(sentence.text) & self.lower_vocab, self.aliases)

    def _sentence(self, sentence, toks: list[Tok]) -> None:
        words, caps = _capitalised_words(sentence.text)
        if words >= 6 and caps >= 0.85 * words:
            return  # a title-case headline or an all-caps line
        for run in runs(self.document, toks):
            self.run(sentence, toks, run)

    def run(self, sentence, toks: list[Tok], run: list[Tok]) -> None:
        if self.enclosed(run):
            return
        if run[0].initial and run[0].kind == "cap" and not self.is_title(run[0]) \
                and not self.qualifier_word(run[0]) and self.common_initial(run[0]):
            run = run[1:]
            while run and run[0].kind == "particle":
                run = run[1:]
        if not run:
            return
        if any(t.kind == "cap" and t.low in STOPWORDS and t.low not in _HONORIFICS_AND_I for t in run):
            return  # a title-case headline: "Reid Checks Into Rehab For ..."
        n, i = len(run), 0
        while i < n:
            k = next((j for j in range(i, n) if self.block_at(run, j)), None)
            if k is None:
                self.untitled(sentence, toks, run[i:], at_run_start=(i == 0))
                return
            m = k
            while m < n and (self.is_title(run[m]) or run[m].low in TITLE_PREFIX or run[m].low in TITLE_TAIL) \
                    and not (m > k and run[m - 1].possessive):
                m += 1
            while m > k + 1 and not (self.is_title(run[m - 1]) or run[m - 1].low in TITLE_TAIL):
                m -= 1
            q = k
            while q > i and k - q < 4 and run[q - 1].kind in ("cap", "acronym", "dotted") \
                    and not self.is_title(run[q - 1]) and not (run[q - 1].possessive and q - 1 != k - 1):
                q -= 1
            if q > i:
                self.untitled(sentence, toks, run[i:q], at_run_start=(i == 0))
            p, name, cut = m, [], False
            while p < n and run[p].kind in ("cap", "particle", "initial", "dotted") and not self.block_at(run, p):
                if run[p].kind == "cap" and self.placeish(run[p]):
                    # "Greek Prime Minister Calls Bank Workers ...": a headline
                    cut = fold(run[p].text) not in MONTHS_DAYS
                    break
                name.append(run[p])
                p += 1
                if run[p - 1].possessive:
                    break
            while name and name[-1].kind in ("particle", "initial", "dotted"):
                name.pop()
                p -= 1
            qualifier, block = run[q:k], run[k:m]
            before = toks[qualifier[0].index - 1] if qualifier and qualifier[0].index > 0 else (
                toks[block[0].index - 1] if block[0].index > 0 else None)
            single_word = len([t for t in name if t.kind == "cap"]) == 1
            if name and not cut and self.name_ok(name, titled=True) and not (
                    single_word and name[-1].text.casefold() in self.lower_vocab):
                role = self.make_role(qualifier, block, before)
                self.add(sentence, name, "title", role)
            i = max(p, m)

    def block_at(self, run: list[Tok], j: int) -> bool:
        tok = run[j]
        if self.is_title(tok):
            return not (tok.low in TITLE_TAIL and j > 0 and run[j - 1].low in TITLE_PREFIX)
        if tok.low in TITLE_PREFIX and tok.kind == "cap":
            k = j + 1
            while k < len(run) and run[k].low in TITLE_PREFIX:
                k += 1
            return k < len(run) and (self.is_title(run[k]) or run[k].low in TITLE_TAIL) and k - j <= 2
        return False

    def make_role(self, qualifier: list[Tok], block: list[Tok], before: Optional[Tok]) -> Role:
        current = True
        qual_words = []
        for t in qualifier:
            if t.low in NONCURRENT:
                current = False
            elif not (t.initial and t is qualifier[0] and not self.qualifier_word(t)
                      and self.common_initial(t)):
                qual_words.append(t)
        if before is not None and (before.low in NONCURRENT or before.low.split("-")[0] in NONCURRENT):
            current = False
        if any(t.low.endswith("-elect") or t.low in NONCURRENT for t in block):
            current = False
        office_words = [t.text for t in block if t.low not in NONCURRENT]
        office = office_key(office_words)
        qual = self.qualifier_key(qual_words)
        text_start = (qual_words[0] if qual_words else block[0]).start
        text = re.sub(r"\s+", " ", self.document.text[text_start:block[-1].raw_end])
        return Role(office, qual, text, current)

    def qualifier_key(self, words: list[Tok]) -> str:
        return self.qualifier_text_key([t.text for t in words])

    def qualifier_text_key(self, words: list[str]) -> str:
        if not words:
            return ""
        pieces = []
        for w in words:
            low = fold(POSSESSIVE_RE.sub("", w)).replace(".", "")
            pieces.append(DEMONYMS.get(low, low))
        return self.aliases.canonical(" ".join(pieces))

    def role_after(self, name: list[Tok]) -> Optional[Role]:
        """A role in apposition after the name: "Fumio Kishida, Japan's prime minister, said",
        "Jens Stoltenberg, the NATO secretary-general.", "Yoon, the president of South Korea,"."""
        text = self.document.text
        if not text.startswith(",", name[-1].raw_end):
            return None  # what an apposition starts with
        m = APPOSITION_RE.match(text, name[-1].raw_end)
        if not m:
            return None
        qual_words = (m.group("qual") or "").split()
        role_words = m.group("role").split()
        if m.group("of"):
            if qual_words:
                return None
            qual_words = [w for w in m.group("of").split() if w.lower() != "the"]
        if role_words[-1].casefold() not in LOWER_ROLES or any(
                w.casefold() not in LOWER_ROLE_PREFIX and w.casefold() not in NONCURRENT
                and w.casefold().split("-")[0] not in NONCURRENT for w in role_words[:-1]):
            return None
        if any(w.casefold() in MONTHS_DAYS for w in qual_words):
            return None
        current = not any(w.casefold() in NONCURRENT or w.casefold().split("-")[0] in NONCURRENT
                          or w.casefold().endswith("-elect") for w in role_words)
        office = office_key([w for w in role_words if w.casefold() not in NONCURRENT
                             and w.casefold().split("-")[0] not in NONCURRENT])
        start, end = m.start("body"), m.end("body")
        return Role(office, self.qualifier_text_key(qual_words), re.sub(r"\s+", " ", text[start:end]), current)

    def lower_role(self, toks: list[Tok], first: Tok) -> tuple[Optional[Role], bool]:
        """A lowercase role right before a name ("actress Tara Reid", "Japan's prime minister,
        Fumio Kishida"): the role (None if none) and whether it is known at all."""
        j = first.index - 1
        text = self.document.text
        if j < 0:
            return None, False
        gap = text[toks[j].raw_end:first.start]
        if not _SPACE_OR_COMMA_GAP.fullmatch(gap) or toks[j].kind != "lower" or toks[j].low not in LOWER_ROLES:
            return None, False
        block = [toks[j]]
        while j - 1 >= 0 and toks[j - 1].kind == "lower" and not toks[j - 1].possessive \
                and _SPACES.fullmatch(text[toks[j - 1].raw_end:toks[j].start]) \
                and (toks[j - 1].low in LOWER_ROLE_PREFIX or toks[j - 1].low in NONCURRENT):
            j -= 1
            block.insert(0, toks[j])
        qualifier: list[Tok] = []
        q = j - 1
        while q >= 0 and toks[q].kind in ("cap", "acronym", "dotted") and len(qualifier) < 4 \
                and _SPACES.fullmatch(text[toks[q].raw_end:(qualifier[0] if qualifier else toks[j]).start]) \
                and not (toks[q].possessive and qualifier):
            qualifier.insert(0, toks[q])
            q -= 1
        before = toks[q] if q >= 0 else None
        if qualifier and not qualifier[-1].possessive and all(t.kind == "cap" for t in qualifier) \
                and not any(self.placeish(t) for t in qualifier):
            qualifier = []  # "Reid rep" is no office of a country or organisation
        return self.make_role(qualifier, block, before), True

    def untitled(self, sentence, toks: list[Tok], seg: list[Tok], at_run_start: bool) -> None:
        pieces: list[list[Tok]] = []
        current: list[Tok] = []
        for t in seg:
            if t.kind in ("acronym",) or (t.kind == "dotted" and _known(self.aliases, t.text)):
                if current:
                    pieces.append(current)
                current = []
                continue
            current.append(t)
            if t.possessive:
                pieces.append(current)
                current = []
        if current:
            pieces.append(current)
        for piece in pieces:
            while piece and piece[0].kind in ("particle", "initial", "dotted"):
                piece = piece[1:]
            while piece and piece[-1].kind in ("particle", "initial", "dotted"):
                piece = piece[:-1]
            piece = self.trim_common_edges(piece)
            if not piece:
                continue
            words = [t for t in piece if t.kind == "cap"]
            if not (1 <= len(words) <= 3) or any(self.placeish(t) for t in words):
                continue
            if not self.name_ok(piece, titled=False):
                continue
            role, has_role = self.lower_role(toks, piece[0])
            if has_role:
                self.add(sentence, piece, "title", role)
            elif self.is_verb_subject(piece):
                self.add(sentence, piece, "verb", None)
            else:
                self.add(sentence, piece, "name", None)

    def trim_common_edges(self, piece: list[Tok]) -> list[Tok]:
        """Headline words around a name ("Hire Maurice Cheeks", "Warren Jeffs Trial"): an edge
        word of a run of three or more capitalised words that the document also writes in
        lowercase is dropped, down to two words."""
        while sum(t.kind == "cap" for t in piece) >= 3:
            if piece[0].kind == "cap" and piece[0].low in self.lower_vocab:
                piece = piece[1:]
            elif piece[-1].kind == "cap" and not piece[-1].possessive and piece[-1].low in self.lower_vocab:
                piece = piece[:-1]
            else:
                break
        return piece

    def name_ok(self, name: list[Tok], titled: bool) -> bool:
        words = [t for t in name if t.kind == "cap"]
        if not words or len(words) > 4 or (not titled and len(words) > 3):
            return False
        if words[0].low in PLACE_PREFIXES and len(words) > 1 and not titled:
            return False
        full = " ".join(t.text for t in name)
        if _known(self.aliases, full):
            return False
        return not any(self.placeish(t) for t in words)

    def add(self, sentence, name: list[Tok], how: str, role: Optional[Role]) -> None:
        parts = name_parts(name)
        if not parts:
            return
        if role is None:
            role = self.role_after(name)
            if role is not None and how == "name":
                how = "title"
        self.candidates.append(Candidate(sentence, list(name), how, role, parts,
                                         sum(t.kind == "cap" for t in name)))


def name_parts(name: list[Tok]) -> list[tuple[str, str]]:
    """A name's parts as (surface, separator after): hyphenated parts apart, initials left out."""
    parts: list[tuple[str, str]] = []
    for t in name:
        if t.kind in ("initial", "dotted"):
            continue
        parts.extend(split_parts(t.text))
        if parts:
            parts[-1] = (parts[-1][0], " ")
    if parts:
        parts[-1] = (parts[-1][0], "")
    return parts


@lru_cache(maxsize=16384)  # pure; copies of a story repeat its sentences
def _cap_spans(text: str) -> tuple[tuple[int, int, tuple[str, ...], tuple[str, ...], bool], ...]:
    """Runs of two or three capitalised words of a sentence, longest first at each place:
    (first token, size, comparison keys, written parts, in a title-case headline or run)."""
    fields = _token_fields(text)  # (text, start, end, raw_end, kind, possessive, initial, low)
    kinds = [f[4] for f in fields]
    if kinds.count("cap") < 2:
        return ()
    words, caps = _capitalised_words(text)
    headline = words >= 4 and caps >= 0.85 * words
    spans = []
    n = len(fields)
    for i in range(n - 1):
        if kinds[i] != "cap" or kinds[i + 1] != "cap" or fields[i][5]:
            continue  # a span is capitalised words, none possessive but its last
        for size in (3, 2):
            if size == 3 and (i + 2 == n or kinds[i + 2] != "cap" or fields[i + 1][5]):
                continue
            span = fields[i:i + size]
            after = fields[i + size] if i + size < n else None
            parts = [piece for f in span for piece, _ in split_parts(f[0])]
            spans.append((i, size, tuple(part_key(p) for p in parts), tuple(parts),
                          headline or (after is not None and after[4] == "cap"
                                       and after[7] in STOPWORDS)))
    return tuple(spans)


def _headline_names(extractor: Extractor) -> None:
    """People a title-case headline names ("Lindsay Lohan Checks Into Betty Ford Rehab"): such a
    run is no person by itself, but two or three of its capitalised words that the document's
    text names as a person are a mention of that person, and so are words one letter off such a
    name in a title-case headline ("Lindsay Lohen Checks Into ...": a name of its own then, which
    names.misspelling compares)."""
    people = {c.keys: c for c in extractor.candidates if c.full and c.words >= 2 and len(c.parts) in (2, 3)}
    if not people:
        return
    taken = None  # (sentence index, token index) of the candidates, made when first needed
    for sentence in extractor.document.sentences:
        for i, size, keys, surface, titled in _cap_spans(sentence.text):
            if not titled and keys not in people:
                continue
            if taken is None:
                taken = {(c.sentence.index, t.index) for c in extractor.candidates for t in c.toks}
            if any((sentence.index, k) in taken for k in range(i, i + size)):
                continue
            if keys in people or any(
                    len(k) == len(keys) and near_align(keys, k, list(surface), [p for p, _ in c.parts], 1, 5)
                    for k, c in people.items()):
                fields = _token_fields(sentence.text)
                span = [_tok(fields, sentence.start, k) for k in range(i, i + size)]
                extractor.candidates.append(Candidate(sentence, span, "name", None, name_parts(span), size))
                taken.update((sentence.index, k) for k in range(i, i + size))


@dataclass
class DocPerson:
    key: tuple[str, ...]
    candidates: list[Candidate] = field(default_factory=list)


def resolve(extractor: Extractor) -> list[tuple[Candidate, DocPerson]]:
    """Candidates of one document attached to the document's people."""
    people: dict[tuple[str, ...], DocPerson] = {}
    for cand in extractor.candidates:
        if cand.full:
            people.setdefault(cand.keys, DocPerson(cand.keys)).candidates.append(cand)
    # a shorter full name inside a longer one ("Jae-in Moon" no; "Tara Reid" in "Tara Reid Smith")
    keys = sorted(people, key=len, reverse=True)
    merged: dict[tuple[str, ...], tuple[str, ...]] = {}
    for key in keys:
        longer = [k for k in keys if len(k) > len(key) and _subsequence(key, k) and k not in merged]
        if len(longer) == 1:
            merged[key] = longer[0]
            people[longer[0]].candidates.extend(people[key].candidates)
    for key in merged:
        del people[key]
    result: list[tuple[Candidate, DocPerson]] = []
    for person in people.values():
        for cand in person.candidates:
            result.append((cand, person))
    singles: dict[tuple[str, ...], DocPerson] = {}
    by_last: dict[str, list[DocPerson]] = {}  # people by the key of their last part, in order
    by_first: dict[str, list[DocPerson]] = {}
    for p in people.values():
        by_last.setdefault(p.key[-1], []).append(p)
        by_first.setdefault(p.key[0], []).append(p)
    for cand in extractor.candidates:
        if cand.full:
            continue
        if len(cand.parts) > 1:  # a hyphenated word: only as part of a known name
            inside = [p for p in people.values() if _subsequence(cand.keys, p.key)]
            if len(inside) == 1:
                inside[0].candidates.append(cand)
                result.append((cand, inside[0]))
            continue
        k = cand.keys[0]
        last = by_last.get(k, [])
        first = by_first.get(k, [])
        target = last[0] if len(last) == 1 else (first[0] if not last and len(first) == 1 else None)
        if target is None and (last or first):
            continue  # ambiguous back-reference
        if target is None:
            initial = cand.toks[0].initial and cand.how != "verb" and cand.how != "title"
            if cand.how == "name" and not cand.toks[0].initial and letters(cand.parts[0][0]) >= 3 \
                    and cand.toks[0].low not in extractor.lower_vocab:
                # a surname the document never writes in full ("Obama" in a story whose other
                # articles say "Barack Obama"): kept only to be joined to another document's person
                cand.how = "surname"
            elif cand.how == "name" or initial or letters(cand.parts[0][0]) < 2:
                continue
            target = singles.setdefault(cand.keys, DocPerson(cand.keys))
        target.candidates.append(cand)
        result.append((cand, target))
    result.sort(key=lambda cp: cp[0].start)
    return result


def _subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(any(x == y for y in it) for x in short)


# factcheck_extract's memo: copies of a story repeat whole documents (bounded: cleared when full)
_DOCUMENT_MEMO: dict[tuple, tuple] = {}
_DOCUMENT_MEMO_SIZE = 1024


@factcheck.hookimpl
def factcheck_extract(document, context):
    # all that the extraction reads of a document: its text, where its body starts, its
    # sentences (each the text between its offsets), and the aliases table
    key = (document.text, document.body_start, tuple([(s.start, s.end) for s in document.sentences]),
           context.aliases)
    found = _DOCUMENT_MEMO.get(key)
    if found is None:
        found = _mentions(document, context.aliases)
        if len(_DOCUMENT_MEMO) >= _DOCUMENT_MEMO_SIZE:
            _DOCUMENT_MEMO.clear()
        _DOCUMENT_MEMO[key] = found
    text, sentences = document.text, document.sentences
    return [context.claim(kind, document, sentences[at], start, end, value, display=text[start:end],
                          context=sentences[at].text, confidence=confidence, **data)
            for kind, at, start, end, value, confidence, data in found]


def _mentions(document, aliases) -> tuple:
    """The document's person and surname claims, as (kind, position of the sentence, start, end,
    value, confidence, data): what factcheck_extract makes claims of."""
    extractor = Extractor(document, aliases)
    for sentence in document.sentences:
        extractor.sentence(sentence)
    _headline_names(extractor)
    position = {id(sentence): at for at, sentence in enumerate(document.sentences)}
    found = []
    fullest: dict[int, Candidate] = {}  # per person: its fullest mention
    for cand, person in resolve(extractor):
        full = fullest.get(id(person))
        if full is None:
            full = fullest[id(person)] = max(person.candidates, key=lambda c: (len(c.parts), -c.start))
        role = cand.role
        found.append((
            "surname" if cand.how == "surname" else "person", position[id(cand.sentence)], cand.start,
            cand.end, person.key, 0.9 if cand.how not in ("name", "surname") else 0.8,
            dict(parts=tuple(cand.parts), keys=cand.keys, how=cand.how,
                 full=document.text[full.start:full.end],
                 role_office=role.office if role else None,
                 role_qualifier=role.qualifier if role else None,
                 role_text=role.text if role else None,
                 role_current=role.current if role else None),
        ))
    return tuple(found)


# ---------------------------------------------------------------------------------------------
# Comparison

class Entities:
    """Union-find over (document, person) groups; `docs[root]`: the documents of an entity."""

    def __init__(self, n: int, docs: Optional[list] = None) -> None:
        self.parent = list(range(n))
        self.docs = [{d} for d in docs] if docs is not None else [set() for _ in range(n)]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)
            self.docs[min(a, b)] |= self.docs[max(a, b)]


@lru_cache(maxsize=65536)  # pure; the same name parts meet again and again
def misspelt_pair(a: str, b: str, max_edits: int, min_letters: int) -> bool:
    """Two spellings of one name part a few edits apart: both at least `min_letters` long, at
    most `max_edits` edits and one edit per five letters, and neither a prefix or suffix of the
    other ('Steve'/'Steven', 'Charger'/'Chargers', 'Calamita'/'LaCalamita' are other words or
    forms, not typing errors)."""
    a, b = fold(a), fold(b)
    if abs(len(a) - len(b)) > max_edits:
        return False  # more edits than that: at least one per letter of difference
    shorter = min(letters(a), letters(b))
    if shorter < min_letters or a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a):
        return False
    limit = min(max_edits, max(1, shorter // 5))
    return OSA.distance(a, b, score_cutoff=limit) <= limit


def near_align(short: tuple[str, ...], long: tuple[str, ...], surfaces_s, surfaces_l,
               max_edits: int, min_letters: int) -> Optional[tuple[int, int]]:
    """Align `short`'s parts in order onto `long`'s with exactly one part misspelt (returned as
    (index in short, index in long)); None when the names do not agree on the rest."""
    if len(short) == 1:  # the first part of `long` it is a misspelling of, as the search below finds
        for jj, part in enumerate(long):
            if part != short[0] and misspelt_pair(surfaces_s[0], surfaces_l[jj], max_edits, min_letters):
                return 0, jj
        return None
    best = None

    def walk(i: int, j: int, near: Optional[tuple[int, int]]) -> None:
        nonlocal best
        if best is not None:
            return
        if i == len(short):
            if near is not None:
                best = near
            return
        for jj in range(j, len(long)):
            if short[i] == long[jj]:
                walk(i + 1, jj + 1, near)
            elif near is None:
                if misspelt_pair(surfaces_s[i], surfaces_l[jj], max_edits, min_letters):
                    walk(i + 1, jj + 1, (i, jj))
    walk(0, 0, None)
    return best


def _plural(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _difference(a: str, b: str) -> str:
    """What separates two spellings of one name: hyphenation or spacing, case, diacritics or
    transliteration."""
    kinds = []
    if re.findall(r"[-\s]", a) != re.findall(r"[-\s]", b):
        kinds.append("hyphenation or spacing")
    na, nb = re.sub(r"[-\s]", "", a), re.sub(r"[-\s]", "", b)
    if na != nb:
        if na.casefold() == nb.casefold():
            kinds.append("case")
        elif fold(na) == fold(nb):
            kinds.append("diacritics")
        else:
            kinds.append("transliteration")
    return ", ".join(kinds) or "spelling"


@dataclass
class Clustering:
    """People of several documents joined into entities (see `cluster`)."""
    claims: list                        # the person claims compared
    groups: dict                        # (document index, person key) -> claims
    keys: list                          # the (document index, person key) groups in order
    surface: dict                       # group index -> the fullest written parts
    uf: Entities                        # union-find over group indexes
    misspelt: list                      # (i, j, (part i, part j)) joined by a misspelt part
    # (j, i, (part j, part i)): a name one document writes once, a typing error away from another
    # name of the same document that other documents write too (j joined into i's entity)
    misspelt_within: list = field(default_factory=list)

    def entity(self, claim) -> int:
        """The entity (a root group index) a person claim belongs to."""
        return self.uf.find(self._index[(claim.document.index, claim.value)])

    def __post_init__(self) -> None:
        self._index = {key: i for i, key in enumerate(self.keys)}


def cluster(claims, aliases, max_edits: int = OPTIONS["max_edit_distance"],
            min_letters: int = OPTIONS["min_letters"]) -> Clustering:
    """Join the people of different documents into entities: equal comparison keys, a name part
    of one longer name of another document, or one part misspelt with the rest in agreement."""
    claims = [c for c in claims if c.kind in ("person", "surname")
              and not _known(aliases, c.data.get("full", "")) and not _known(aliases, c.display)]

    # (document, person) groups
    groups: dict[tuple[int, tuple], list] = defaultdict(list)
    for c in claims:
        groups[(c.document.index, c.value)].append(c)
    keys = sorted(groups, key=lambda k: (k[0], groups[k][0].start))
    n = len(keys)
    surface = {}
    for i, key in enumerate(keys):
        group = groups[key]
        best = group[0] if len(group) == 1 else max(group, key=lambda c: (len(c.data["parts"]), -c.start))
        surface[i] = [p for p, _ in best.data["parts"]]
    uf = Entities(n, [doc for doc, _ in keys])
    by_key: dict[tuple, list[int]] = defaultdict(list)
    for i, (doc, key) in enumerate(keys):
        by_key[key].append(i)
    for idx in by_key.values():
        for j in idx[1:]:
            uf.union(idx[0], j)

    def docs_of(root: int) -> set[int]:
        return uf.docs[root]

    # Work over distinct names, not (document, name) pairs, so that a story told by hundreds of
    # documents costs little more than one told by a few: all entries of one key are one entity
    # (joined above), at most one entry per document.
    longer: dict[tuple, list[tuple]] = {}
    for key in by_key:
        if len(key) == 1:  # a surname first ("Obama" -> "Barack Obama", not "Obama Announces ...")
            last = [k for k in by_key if len(k) > 1 and k[-1] == key[0]]
            longer[key] = last or [k for k in by_key if len(k) > 1 and k[0] == key[0]]
        else:
            longer[key] = [k for k in by_key if len(k) > len(key) and _subsequence(key, k)]

    def elsewhere(k: tuple, doc: int) -> bool:
        return len(by_key[k]) > 1 or keys[by_key[k][0]][0] != doc

    # a name inside a longer one of another document ("Yoon" -> "Yoon Suk Yeol")
    for i in sorted(range(n), key=lambda i: len(keys[i][1])):
        doc, key = keys[i]
        roots = {uf.find(by_key[k][0]) for k in longer[key] if elsewhere(k, doc)}
        if len(roots) == 1:
            root = roots.pop()
            if uf.find(i) != root and not (docs_of(uf.find(i)) & docs_of(root)):
                uf.union(i, root)

    def surname_only(i: int) -> bool:
        return all(c.data["how"] == "surname" for c in groups[keys[i]])

    # misspellings: one part a few edits away, the rest of the name in agreement
    misspelt: list[tuple[int, int, tuple[int, int]]] = []
    # near_align depends only on the two names and their written forms: computed once per pair
    # of distinct forms; pairs of entries whose forms do not align are skipped as before.
    forms: dict[tuple, list[int]] = defaultdict(list)
    for i in range(n):
        forms[(keys[i][1], tuple(surface[i]))].append(i)
    aligned: dict[tuple, list[tuple[tuple, tuple[int, int]]]] = defaultdict(list)
    form_list = list(forms)
    with_part: dict[str, set[int]] = defaultdict(set)
    for x, (key, _) in enumerate(form_list):
        for part in key:
            with_part[part].add(x)
    part_docs: dict[str, set[int]] = defaultdict(set)
    for doc, key in keys:
        for part in key:
            part_docs[part].add(doc)
    for fa in form_list:
        if len(fa[0]) == 1 and len(part_docs[fa[0][0]]) > 1:
            continue  # a one-part name whose spelling exists for someone else: never misspelt (below)
        # near_align needs all parts of the shorter name but one among the longer's: a name of
        # two parts or more meets only the names sharing one of its parts
        others = form_list if len(fa[0]) < 2 else \
            [form_list[y] for y in sorted(set().union(*(with_part[part] for part in fa[0])))]
        for fb in others:
            if len(fa[0]) <= len(fb[0]) and sum(k in fb[0] for k in fa[0]) >= len(fa[0]) - 1:
                near = near_align(fa[0], fb[0], fa[1], fb[1], max_edits, min_letters)
                if near is not None:
                    aligned[fa].append((fb, near))
    for i in range(n):
        di, ki = keys[i]
        near_forms = aligned.get((ki, tuple(surface[i])))
        if not near_forms:
            continue
        for j, near in sorted((j, near) for fb, near in near_forms for j in forms[fb]):
            dj, kj = keys[j]
            if di == dj or uf.find(i) == uf.find(j) or len(ki) > len(kj) or (len(ki) == len(kj) and i > j):
                continue
            if len(ki) == 1 and len(kj) > 1 and near[1] not in (0, len(kj) - 1):
                continue
            if len(ki) == 1 and (len(part_docs[ki[0]]) > 1 or di not in part_docs[ki[0]]):
                continue  # the spelling exists for someone else
            if docs_of(uf.find(i)) & docs_of(uf.find(j)):
                continue  # one document names both: two people
            if surname_only(i) or surname_only(j):
                continue  # a bare surname is joined by its exact spelling only
            misspelt.append((i, j, near))
            uf.union(i, j)

    # within one document: 'Fumio Kishida' twice, then 'Fumio Kishda' once, and the other
    # documents write 'Kishida': one edit in one part of a full name written once, a form no
    # other document writes, while the rest of the name agrees
    within: list[tuple[int, int, tuple[int, int]]] = []
    by_doc: dict[int, list[int]] = defaultdict(list)
    for i, (doc, _) in enumerate(keys):
        by_doc[doc].append(i)
    for doc, idx in by_doc.items():
        for j in idx:
            kj = keys[j][1]
            if len(kj) < 2 or len(groups[keys[j]]) != 1 or surname_only(j) or docs_of(uf.find(j)) != {doc}:
                continue
            for i in idx:
                ki = keys[i][1]
                if i == j or len(ki) != len(kj) or docs_of(uf.find(i)) == {doc} or surname_only(i):
                    continue
                near = near_align(kj, ki, surface[j], surface[i], 1, min_letters)
                if near is not None:
                    within.append((j, i, near))
                    uf.union(i, j)
                    break
    return Clustering(claims, groups, keys, surface, uf, misspelt, within)


@factcheck.hookimpl
def factcheck_compare(claims, context):
    options = {**OPTIONS, **context.options}
    max_edits = int(options["max_edit_distance"])
    min_letters = int(options["min_letters"])
    allow = {fold(a).strip() for a in options.get("allow") or []}
    clustering = cluster(claims, context.aliases, max_edits, min_letters)
    claims, groups, keys, surface, uf, misspelt = (
        clustering.claims, clustering.groups, clustering.keys, clustering.surface, clustering.uf,
        clustering.misspelt)
    n = len(keys)

    entities: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        entities[uf.find(i)].append(i)

    def allowed(text: str) -> bool:
        return fold(text).strip() in allow or any(fold(p) in allow for p in re.split(r"[\s-]+", text))

    findings = []
    for root, members in sorted(entities.items()):
        docs = sorted({keys[i][0] for i in members})
        if len(docs) < 2:
            continue
        if not any(c.data["how"] in ("title", "verb") for i in members for c in groups[keys[i]]):
            continue  # never introduced by a title or as a speaker: maybe no person at all
        canon_i = max(members, key=lambda i: (len(keys[i][1]), -keys[i][0]))
        canon = keys[canon_i][1]
        canon_surface = surface[canon_i]
        name = " ".join(canon_surface)
        # per document: slot -> (key, surface, first claim), and separators between slots
        slots: dict[int, dict[int, tuple[str, str, object]]] = defaultdict(dict)
        seps: dict[int, dict[int, str]] = defaultdict(dict)
        full_claim: dict[int, object] = {}
        mappings: dict[tuple, dict[int, int]] = {}  # the documents of an entity repeat its forms
        for i in members:
            doc = keys[i][0]
            for c in sorted(groups[keys[i]], key=lambda c: c.start):
                parts = c.data["parts"]
                mapping = mappings.get(parts)
                if mapping is None:
                    mapping = mappings[parts] = _map_slots(c.data["keys"], [p for p, _ in parts], canon,
                                                           canon_surface, max_edits, min_letters)
                for pi, slot in mapping.items():
                    if slot not in slots[doc]:
                        slots[doc][slot] = (part_key(parts[pi][0]), parts[pi][0], c)
                    if pi + 1 in mapping and mapping[pi + 1] == slot + 1 and slot not in seps[doc]:
                        seps[doc][slot] = parts[pi][1]
                if doc not in full_claim or len(parts) > len(full_claim[doc].data["parts"]):
                    full_claim[doc] = c
        findings += _misspellings(context, canon_surface, canon, docs, slots, allowed, misspelt, members, keys)
        findings += _misspellings_within(context, clustering, members, allowed)
        finding = _variant(context, name, docs, slots, seps, full_claim, allowed)
        if finding is not None:
            findings.append(finding)
    offices = _offices_held(claims)
    findings += _role_conflicts(context, offices, clustering)
    findings += _title_conflicts(context, offices, clustering)
    return [f for f in findings if f is not None]


def _map_slots(keys_: tuple[str, ...], surfaces, canon, canon_surface, max_edits, min_letters) -> dict[int, int]:
    mapping: dict[int, int] = {}
    j = 0
    for i, k in enumerate(keys_):
        for jj in range(j, len(canon)):
            if canon[jj] == k:
                mapping[i] = jj
                j = jj + 1
                break
        else:
            for jj in range(j, len(canon)):
                if misspelt_pair(surfaces[i], canon_surface[jj], max_edits, min_letters):
                    mapping[i] = jj
                    j = jj + 1
                    break
    return mapping


def _misspellings(context, canon_surface, canon, docs, slots, allowed, misspelt, members, keys):
    if not any(i in members for i, _, _ in misspelt):
        return []
    single_link = any(i in members and len(keys[i][1]) == 1 for i, _, _ in misspelt)
    findings = []
    for slot in range(len(canon)):
        by_key: dict[str, list[int]] = defaultdict(list)
        for doc in docs:
            if slot in slots[doc]:
                by_key[slots[doc][slot][0]].append(doc)
        if len(by_key) < 2:
            continue
        ranked = sorted(by_key.items(), key=lambda kv: (-len(kv[1]), kv[1][0]))
        spelling = {k: slots[ds[0]][slot][1] for k, ds in ranked}
        non_allowed = [k for k, _ in ranked if not allowed(spelling[k])]
        if len(non_allowed) <= 1:
            continue
        confidence = 0.6 if single_link else 0.8

        def evidence(ds):
            return [slots[d][slot][2] for d in ds]

        majority_key, majority_docs = ranked[0]
        name = " ".join(spelling[majority_key] if i == slot else p for i, p in enumerate(canon_surface))
        if len(ranked[1][1]) == len(majority_docs):  # no majority
            ev = [c for _, ds in ranked for c in evidence(ds)]
            forms = "; ".join(f"{_names(ev, ds)} write{'s' if len(ds) == 1 else ''} '{spelling[k]}'"
                              for k, ds in ranked)
            findings.append(context.finding(
                "names.misspelling",
                f"{forms} for the same person ({name}): one of these spellings is probably wrong.",
                sorted(ev, key=lambda c: c.document.index), confidence=confidence))
            continue
        for k, ds in ranked[1:]:
            if allowed(spelling[k]):
                continue
            ev = sorted(evidence(ds) + evidence(majority_docs), key=lambda c: c.document.index)
            findings.append(context.finding(
                "names.misspelling",
                f"{_names(ev, ds)} write{'s' if len(ds) == 1 else ''} '{spelling[k]}' where "
                f"{_names(ev, majority_docs)} "
                f"write{'s' if len(majority_docs) == 1 else ''} '{spelling[majority_key]}' "
                f"({name}): probably a misspelling.",
                ev, confidence=confidence))
    return findings


def _misspellings_within(context, clustering, members, allowed):
    """One finding per name a document writes once misspelt and elsewhere right (see cluster)."""
    keys, groups, surface = clustering.keys, clustering.groups, clustering.surface
    findings = []
    for j, i, (pj, pi) in clustering.misspelt_within:
        if i not in members or allowed(surface[j][pj]):
            continue
        doc = keys[j][0]
        bad = groups[keys[j]][0]
        good = min(groups[keys[i]], key=lambda c: c.start)
        other = sorted((c for m in members if keys[m][1] == keys[i][1] and keys[m][0] != doc
                        for c in groups[keys[m]]), key=lambda c: (c.document.index, c.start))
        if not other:
            continue
        names = list(dict.fromkeys(c.document.name for c in other))
        first_other = other[0]
        findings.append(context.finding(
            "names.misspelling",
            f"{bad.document.name} writes '{surface[j][pj]}' once ({' '.join(surface[j])}, line "
            f"{bad.sentence.line}) where it writes '{surface[i][pi]}' elsewhere, as "
            f"{_plural(names)} do{'es' if len(names) == 1 else ''} ({' '.join(surface[i])}): "
            "probably a misspelling.",
            [bad, good, first_other], confidence=0.7))
    return findings


def _names(claims, docs) -> str:
    by_doc = {c.document.index: c.document.name for c in claims}
    return _plural([by_doc.get(d, str(d)) for d in docs])


def _variant(context, name, docs, slots, seps, full_claim, allowed):
    differing = set()
    kinds = []
    # Documents that write every slot and separator alike never differ from each other: the
    # test runs on one document of each way of writing, and a difference counts for them all.
    ways: dict[tuple, list[int]] = {}
    for d in docs:
        way = (tuple(sorted((slot, k, s) for slot, (k, s, _) in slots[d].items())), tuple(sorted(seps[d].items())))
        ways.setdefault(way, []).append(d)
    groups = list(ways.values())
    for x, group_a in enumerate(groups):
        a = group_a[0]
        for group_b in groups[x + 1:]:
            b = group_b[0]
            differ = any(slots[a][slot][0] == slots[b][slot][0] and slots[a][slot][1] != slots[b][slot][1]
                         for slot in set(slots[a]) & set(slots[b])) or \
                any(seps[a][slot] != seps[b][slot] for slot in set(seps[a]) & set(seps[b]))
            if differ:
                differing.update(group_a)
                differing.update(group_b)
    if not differing:
        return None
    evidence = [full_claim[d] for d in sorted(differing)]
    forms: dict[str, list] = {}
    for c in evidence:
        forms.setdefault(re.sub(r"\s+", " ", c.display), []).append(c)
    if len(forms) < 2:
        return None
    non_allowed = [f for f in forms if not allowed(f)]
    if len(non_allowed) <= 1:
        return None
    texts = list(forms)
    for a in texts[1:]:
        for kind in _difference(texts[0], a).split(", "):
            if kind not in kinds:
                kinds.append(kind)
    listing = "; ".join(f"'{f}' in {_plural([c.document.name for c in cs])}" for f, cs in forms.items())
    return context.finding(
        "names.spelling-variant",
        f"One person written {len(forms)} ways ({', '.join(kinds)}): {listing}.",
        evidence, confidence=0.9)


def _offices_held(claims) -> list[tuple[object, tuple[str, str]]]:
    """The claims that give a current, qualified single-holder office, each with its
    (qualifier, office): what the role and title conflicts compare."""
    held = []
    for c in claims:
        data = c.data
        office = data.get("role_office")
        if office in UNIQUE_OFFICES and data.get("role_qualifier") and data.get("role_current"):
            held.append((c, (data["role_qualifier"], office)))
    return held


def _role_conflicts(context, offices, clustering):
    by_role: dict[tuple[str, str], dict[int, list]] = defaultdict(lambda: defaultdict(list))
    for c, role in offices:
        by_role[role][clustering.entity(c)].append(c)
    findings = []
    for (qual, office), holders in sorted(by_role.items()):
        if len(holders) < 2:
            continue
        docs_of = {e: {c.document.index for c in cs} for e, cs in holders.items()}
        evidence = []
        involved = []
        for e, cs in holders.items():
            others = set().union(*(d for x, d in docs_of.items() if x != e))
            own = [c for c in cs if c.document.index not in others]
            if not own:
                continue
            seen = set()
            for c in sorted(own, key=lambda c: (c.document.index, c.start)):
                if c.document.index not in seen:
                    seen.add(c.document.index)
                    evidence.append(c)
            involved.append(e)
        if len(involved) < 2:
            continue
        evidence.sort(key=lambda c: (c.document.index, c.start))
        role_text = evidence[0].data["role_text"]
        parts = [f"{c.document.name} gives '{c.data['role_text']}' to {c.data['full']}" for c in evidence]
        findings.append(context.finding(
            "names.role-conflict",
            f"Different people hold the same office ({role_text}): " + "; ".join(parts) + ".",
            evidence, confidence=0.8))
    return findings


def _compatible_qualifiers(a: str, b: str) -> bool:
    """"korea" and "south korea", "fire" and "central fire department" may name one country or
    body: the words of one qualifier are all in the other."""
    wa, wb = set(a.split()), set(b.split())
    return wa <= wb or wb <= wa


def _roles_conflict(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Two qualified offices one person cannot hold at once: the same office of two different
    countries or organisations, or two different exclusive offices of one."""
    (qa, oa), (qb, ob) = a, b
    oa, ob = TITLE_SYNONYMS.get(oa, oa), TITLE_SYNONYMS.get(ob, ob)
    if oa not in EXCLUSIVE_OFFICES or ob not in EXCLUSIVE_OFFICES:
        return False  # "chief", "CEO", "leader": named too loosely to tell two roles apart
    if _compatible_qualifiers(qa, qb):
        return oa != ob
    return oa == ob


def _title_conflicts(context, offices, clustering):
    # entity -> role -> document -> first claim giving it
    by_entity: dict[int, dict[tuple[str, str], dict[int, object]]] = defaultdict(lambda: defaultdict(dict))
    for c, role in sorted(offices, key=lambda cr: (cr[0].document.index, cr[0].start)):
        by_entity[clustering.entity(c)][role].setdefault(c.document.index, c)
    findings = []
    for entity, roles in sorted(by_entity.items()):
        pairs = []
        ordered = sorted(roles, key=lambda r: min(roles[r]))
        for i, ra in enumerate(ordered):
            for rb in ordered[i + 1:]:
                if not _roles_conflict(ra, rb):
                    continue
                only_a = set(roles[ra]) - set(roles[rb])
                only_b = set(roles[rb]) - set(roles[ra])
                if only_a and only_b:  # a document giving both roles knows better
                    pairs.append((ra, rb, min(only_a), min(only_b)))
        if not pairs:
            continue
        ra, rb, da, db = pairs[0]
        ca, cb = roles[ra][da], roles[rb][db]
        findings.append(context.finding(
            "names.title-conflict",
            f"One person given different roles: {ca.document.name} calls {ca.data['full']} "
            f"'{ca.data['role_text']}', {cb.document.name} calls {cb.data['full']} '{cb.data['role_text']}'.",
            [ca, cb], confidence=0.7))
    return findings
