"""numbers: sources that give different counts, amounts, percentages or ages for the same thing.

What is read. In every sentence the plugin finds the quantities an editor would check:

* numbers in digits, with separators and decimals ("12", "1,200", "3.5");
* number words ("twelve", "twenty-five", "two hundred and fifty", "a dozen", "a hundred and
  twenty", "half a million", "three and a half million") and vague amounts ("dozens", "hundreds", "thousands", "tens of thousands",
  "hundreds of thousands", "millions");
* scale words and suffixes ("1.2 million", "3bn", "5k", "$5m"; "m" and "b" only after a
  currency, where they cannot be metres);
* percentages ("12%", "12 percent", "12 per cent", "12 pct"; "percentage points" are their own
  unit);
* money: "$", "US$", "A$" ..., "€", "£", "¥" before the number, codes ("EUR", "USD", "GBP" ...)
  before or after it, and currency words after it ("dollars", "euros", "yen", "yuan" ...).
  Different currencies are never compared;
* measures in units, converted to one base unit per dimension so that they compare: lengths
  ("300 km", "186 miles", "a 10-mile walk", metres, feet) and weights ("5,000 tonnes", "kg",
  "lbs", "metric tons"); a conversion in brackets ("300 kilometers (190 miles)") is not a
  second claim;
* ages: "33-year-old", "33 years old", "aged 45", "at the age of 45", and a number between
  commas after a name or a person word ("The actress, 33,", "Reid's, 33,");
* an earthquake's magnitude ("magnitude 6.1", "a 6.1-magnitude quake", "M6.1", "measuring 6.1
  on the Richter scale"): a measure of its own, plus or minus 0.05;
* results of games ("beat Braga 3-1", "a 2-0 victory", "drew 1-1"): a score, the higher number
  first, so "won 3-1" and "lost 1-3" agree; a win-loss record ("improved to 41-20 all-time", "a
  12-3 record") and a running score ("a 20-13 lead", "a 13-13 tie") are not results;
* fractions of something ("two-thirds of voters", "half of the residents", "a quarter of
  households"): a percentage of what follows "of", give or take a twentieth of the share, so
  "two-thirds" agrees with "about 67%".

What is not a quantity: years ("in 2022", "1999's", "her 2006 accident": a bare 1800-2099 is a
year unless a plural noun follows and no "the"/"in"-like word precedes, as in "2000 cases"; right
after a month and day, "December 9, 2008 police", it is always the date's year; numeric dates,
"2023-02-01", "01.02.2023", are no numbers, and the count after one is no phone number);
decades ("the 1990s"); ordinals ("second", "3rd"); clock times ("10:30", "9 a.m."); calendar
dates ("December 9", "9 Dec"); other digit-dash-digit forms ("ages 3-5", "pages 12-14"); labels
("World War II", "Flight 370", "COVID-19", "G7", "No. 5", "page 12"); phone-like groups and
ID-like runs (seven or more digits without separators, leading zeros); numbers in web
addresses; durations into the past ("three years ago").

Values are intervals. An exact number has a rounding tolerance: half a unit of its last digit
("1.2 million" covers 1,150,000-1,250,000, so it agrees with 1,187,000; "12%" covers 11.5-12.5%);
trailing zeros of a plain integer are read as rounding, at most 10% ("1,200" covers 1,150-1,250;
"100" covers 90-110). Qualifiers are bounds: "more than", "over", "at least", "no fewer than",
"100-plus" (100 and up); "fewer than", "under", "up to", "within", "as many as", "at most" (up to
the value); "nearly", "almost", "just under" (80-100% of it); "just over" (100-115%); "about",
"around", "roughly", "approximately", "some", "an estimated", "or so" (plus or minus 10%).
"between 10 and 20", "10 to 20" and "two or three" are ranges. Vague words are wide: "dozens"
20-150, "hundreds" 100-2,000, "thousands" 1,000-100,000. "a million" is 500,000-1,500,000.

The counted thing. A number counts the noun after it (stemmed with factcheck.text.stem, the
first plural-looking word of the noun phrase for counts above one: "12 Palestinian civilians"
counts civilians, "dozens of people" counts people); people, persons and individuals are one
thing, and so are "deaths", "lives", "the dead" (people, killed). The role is kept too: a role
word right after the number ("12 dead"), just before it ("killing 12 people") or after its
noun phrase ("12 people were killed") puts it in killed, injured (wounded, hurt), missing,
arrested (detained), rescued, evacuated, displaced, hospitalized or casualties. A number with
neither a noun nor a role ("the score was 12") is not a claim. Money and percentages count what
follows "of"/"in" or the noun after them ("$2 billion in aid", "12% of voters"), or nothing.
"others" counts what the sentence counted before it ("killing 15 people and injuring 200
others": people).

Each claim's alignment context is its clause without the number (and its noun); a toll's
(killed, injured, missing, casualties) is its whole sentence, since one outlet tells it in a
clause and another over the sentence ("..., killing twelve people and injuring 230, the fire
agency said"); in a sentence that has nothing else to align on ("About 3,000 people were
evacuated."), a count with a role keeps its noun in the context. Numbers inside quotation
marks (double quotes, and single quotes that are not apostrophes) are extracted but never
compared: a speaker's "I dated a million guys" is not a figure of the story, and a changed
quotation is the quotes plugin's business.

Rules
-----

``numbers.count-conflict`` (warning)
    Two sources tell the same thing (aligned clauses: similarity at least ``min_similarity``,
    default 0.4, or one context contained in the other's, ``min_containment``) and give values
    of the same kind (count, money in one currency, percentage, age) for the same counted thing
    (noun and role) whose intervals cannot overlap: "a.txt says 12 people were killed; b.txt
    says 15". "more than 100" and "about 120" are compatible; "12" and "twelve" agree. Numbers
    that count different things ("12 people" / "15 soldiers"; killed / injured) are never
    compared. Money and percentages without a counted thing, and ages, need closer sentences
    (``min_similarity_bare``, 0.5). When the documents' publication dates differ the message
    says so: a toll may have risen between the stories; with publication times (front matter
    ``published = 2024-03-01T08:15:00``, ``--published a.txt=2024-03-01T08:15``), stories of
    one day published at different times are named with their times too.

``numbers.unit-conflict`` (warning)
    A length or weight given with the same number in different units that cannot agree ("300
    km" / "300 miles"): a slipped unit. Converted values that agree ("300 km" / "186 miles") are
    quiet.

``numbers.order-of-magnitude`` (error)
    The same disagreement, when the two values differ by a power of ten with the same digits
    ("1.2 million" / "1.2 billion", "$3.5m" / "$35m") or use different scale words (thousand,
    million, billion, trillion) a hundredfold or more apart: a slip of a scale word or of a
    decimal point.

Not claims at all: parts ("eight of their last 10 games", "one of the fatalities", "his first
17 passes"), conversions in parentheses ("150 miles (about 240 km)"), numbers in questions ("(8
years?)") are skipped or never compared, and sentences that are a web address broken into words
give no numbers. Increments ("another four people", "four other people died", "three more
survivors", "five new cases") count the noun after the increment word and are compared only
with increments: "four other people" and "eleven other people" disagree, "four other people"
and "six people" (a total) are never compared.

What is not compared: quoted numbers; a claim whose sentence has another value for the same
thing (a change, "rose from 12 to 15"); a value the other document also gives somewhere for
the same thing (a toll before and after it rose: the sources do not disagree); two sentences
set at different times (one names a year or a month, or says "ago", "previously", "since",
that the other does not: background events); two sentences naming only different people or
places (capitalised words, none shared: "Clark had 22 points" / "Hansbrough had 20 points").
Tolls (killed, injured, missing, casualties) are worded freely from outlet to outlet and
need only ``min_similarity_toll`` (0.3); distances ("15 miles north of X": of what?), ages,
and money or percentages without a counted thing need ``min_similarity_bare`` (0.5), and so
do sentences with three numbers or more (statistics lines). One finding per disagreement:
aligned pairs about the same thing linked by a shared claim are one finding, with one evidence
item per document, grouped by value.

Options: ``min_similarity`` (0.4); ``min_containment`` (0.6), which also admits a pair with a
similarity of at least ``min_similarity_contained`` (0.25) sharing ``min_shared_contained`` (3)
content words; ``min_shared_terms`` (2), the fewest content words two contexts must share;
``min_similarity_bare`` (0.5); ``min_similarity_toll`` (0.3); ``decimal_comma`` ([]): file names
or patterns (fnmatch, matched against the file name and the path) of documents written with
European digits, "1.200" for twelve hundred and "3,5" for three and a half; elsewhere "1.200" is
1.2 and "3,5" no number.
"""
from __future__ import annotations

import fnmatch
import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Optional, Sequence

import factcheck
from factcheck.align import UnionFind
from factcheck.text import SCALE_ABBR, SCALES, STOPWORDS, content_terms, fold_punctuation, stem, words

# -- number words -------------------------------------------------------------------------------

UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALE_NAME = {10 ** 3: "thousand", 10 ** 6: "million", 10 ** 9: "billion", 10 ** 12: "trillion"}
_NUMBER_WORDS = {**UNITS, **TEENS, **TENS, "hundred": 100, "dozen": 12, **SCALES}
_NUMWORD = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
# Vague amounts: (low, high) and the counted noun follows "of".
VAGUE = {
    "dozens": (20, 150), "scores": (40, 150), "hundreds": (100, 2_000),
    "thousands": (1_000, 100_000), "millions": (10 ** 6, 10 ** 9), "billions": (10 ** 9, 10 ** 12),
    "tens of thousands": (10_000, 100_000), "hundreds of thousands": (100_000, 10 ** 6),
    "tens of millions": (10 ** 7, 10 ** 8), "hundreds of millions": (10 ** 8, 10 ** 9),
}
VAGUE_RE = re.compile(
    r"\b(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|hundreds|thousands|millions|billions)\b",
    re.I)
INCREMENT_BEFORE = re.compile(r"\b(?:another|an\s+additional|a\s+further|additional)\s+$", re.I)
INCREMENT_AFTER = re.compile(r"\s+(?:more|other|additional|further|extra|new)\b", re.I)
DIGITS_RE = re.compile(r"(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d)")

MONTH_WORDS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec"}
_MONTH_NAME = "|".join(sorted((m.capitalize() for m in MONTH_WORDS), key=len, reverse=True))
# "December 9, 2008", "9 December 2008", "Dec. 9th,": what makes the next 1800-2099 its year
DATE_BEFORE = re.compile(rf"(?:\b(?:{_MONTH_NAME})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\b\d{{1,2}}(?:st|nd|rd|th)?"
                         rf"\s+(?:of\s+)?(?:{_MONTH_NAME})\.?)\s*,?\s*$")
WEEKDAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
LABEL_WORDS = {
    "no", "nos", "number", "page", "pages", "room", "gate", "route", "line", "platform",
    "article", "section", "chapter", "version", "level", "grade", "phase", "category", "size",
    "model", "flight", "channel", "unit", "apartment", "suite", "floor", "row", "seat", "lane",
    "highway", "interstate", "episode", "season", "volume", "vol", "verse", "exit", "pier",
    "terminal", "track", "box", "item", "rule", "paragraph", "clause", "resolution", "tier",
    "stage", "round", "week", "day", "act", "part", "figure", "table", "code", "bus", "ward",
    "district", "precinct", "block", "building", "lot", "batch", "class", "type", "mark", "top",
    "under-",
}
_YEAR_PREPS = {"in", "since", "during", "until", "till", "through", "by", "before", "after",
               "early", "late", "mid", "of", "the", "from", "between", "and", "to", "circa",
               "around", "spring", "summer", "autumn", "fall", "winter", "fiscal", "year"}
PERSON_WORDS = {
    "actress", "actor", "singer", "star", "man", "woman", "boy", "girl", "victim", "suspect",
    "driver", "mother", "father", "wife", "husband", "son", "daughter", "player", "officer",
    "worker", "student", "teenager", "child", "pilot", "rapper", "musician", "model", "author",
    "writer", "director", "lawyer", "doctor", "nurse", "teacher", "soldier", "brother", "sister",
    "mom", "dad", "grandmother", "grandfather", "friend", "boyfriend", "girlfriend", "founder",
    "executive", "chief", "president", "senator", "governor", "mayor", "candidate", "coach",
}
TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
# Units of measure: what they count is never people, so they take no role.
DISTANCE_STEMS = {stem(w) for w in "miles kilometres kilometers km metres meters feet foot yards".split()}
# Units converted to one base unit per dimension, so that "300 km" and "186 miles" compare.
MEASURE_UNITS = {
    "km": ("length", 1000.0), "kms": ("length", 1000.0), "kilometre": ("length", 1000.0),
    "kilometer": ("length", 1000.0), "kilometres": ("length", 1000.0), "kilometers": ("length", 1000.0),
    "mile": ("length", 1609.344), "miles": ("length", 1609.344), "mi": ("length", 1609.344),
    "metre": ("length", 1.0), "meter": ("length", 1.0), "metres": ("length", 1.0), "meters": ("length", 1.0),
    "foot": ("length", 0.3048), "feet": ("length", 0.3048), "ft": ("length", 0.3048),
    "kg": ("mass", 1.0), "kgs": ("mass", 1.0), "kilogram": ("mass", 1.0), "kilograms": ("mass", 1.0),
    "kilo": ("mass", 1.0), "kilos": ("mass", 1.0), "lb": ("mass", 0.45359237), "lbs": ("mass", 0.45359237),
    "tonne": ("mass", 1000.0), "tonnes": ("mass", 1000.0), "metric tons": ("mass", 1000.0),
}
UNIT_AFTER = re.compile(r"^(?:\s*|\s*-\s*)(?P<unit>metric\s+tons|kilomet(?:re|er)s?|kms?|miles?|mi|"
                        r"met(?:re|er)s?|foot|feet|ft|kilograms?|kilos?|kgs?|lbs?|tonnes?)(?![\w-])", re.I)
MEASURE_STEMS = TIME_UNITS | {stem(w) for w in (
    "seconds minutes hours days weeks months years decades centuries times miles kilometres "
    "kilometers km metres meters feet foot yards inches acres hectares tons tonnes pounds "
    "kilograms kg litres liters gallons barrels degrees points goals runs percent").split()}

# Roles: what happened to the counted people.
ROLE_WORDS = {
    "killed": "killed", "kill": "killed", "kills": "killed", "killing": "killed",
    "dead": "killed", "died": "killed", "die": "killed", "dies": "killed", "dying": "killed",
    "death": "killed", "deaths": "killed", "fatalities": "killed", "fatality": "killed",
    "lives": "killed", "perished": "killed", "slain": "killed", "murdered": "killed",
    "toll": "killed", "drowned": "killed",
    "injured": "injured", "injuring": "injured", "injure": "injured", "injures": "injured",
    "injuries": "injured", "injury": "injured", "wounded": "injured", "wounding": "injured",
    "hurt": "injured",
    "missing": "missing", "unaccounted": "missing",
    "arrested": "arrested", "arrests": "arrested", "arresting": "arrested", "detained": "arrested",
    "detaining": "arrested", "detentions": "arrested",
    "rescued": "rescued", "rescuing": "rescued",
    "evacuated": "evacuated", "evacuating": "evacuated", "evacuations": "evacuated",
    "displaced": "displaced", "displacing": "displaced", "homeless": "displaced",
    "hospitalized": "hospitalized", "hospitalised": "hospitalized",
    "hospitalizations": "hospitalized", "hospitalisations": "hospitalized",
    "casualties": "casualties",
}
# Nouns that are people with a role ("12 deaths" counts people killed).
ROLE_NOUNS = {"deaths": "killed", "death": "killed", "fatalities": "killed", "fatality": "killed",
              "lives": "killed", "dead": "killed", "injuries": "injured", "injured": "injured",
              "wounded": "injured", "casualties": "casualties", "arrests": "arrested",
              "detentions": "arrested", "evacuations": "evacuated", "missing": "missing",
              "hospitalizations": "hospitalized", "hospitalisations": "hospitalized"}
PEOPLE = {"peopl", "person", "individu"}
TOLL_ROLES = frozenset(("killed", "injured", "missing", "casualties"))
IRREGULAR_PLURALS = {"people", "men", "women", "children", "police", "staff", "personnel",
                     "troops", "cattle", "feet", "teeth", "mice", "geese", "crew", "data",
                     "livestock", "clergy", "militia", "youth", "sheep", "fish", "deer",
                     "aircraft", "offspring", "faithful"}
_NOT_PLURAL_S = ("ss", "us", "is", "'s", "ous")

# Qualifiers before a number: (pattern, kind).
_QUALIFIERS = [
    (r"more\s+than|over|above|exceeding|in\s+excess\s+of|upwards\s+of|at\s+least|no\s+fewer\s+than|"
     r"no\s+less\s+than|not\s+less\s+than|a\s+minimum\s+of|a\s+record|topping|surpassing", "min"),
    (r"fewer\s+than|less\s+than|under|below|up\s+to|within|at\s+most|no\s+more\s+than|not\s+more\s+than|"
     r"as\s+many\s+as|as\s+much\s+as|as\s+high\s+as|a\s+maximum\s+of|a\s+high\s+of", "max"),
    (r"nearly|almost|close\s+to|just\s+under|just\s+shy\s+of|just\s+below|not\s+quite", "near"),
    (r"just\s+over|just\s+above|just\s+more\s+than|slightly\s+more\s+than|slightly\s+over", "over"),
    (r"about|around|roughly|approximately|approx\.?|some|an\s+estimated|estimated|circa|ca\.|"
     r"or\s+so|~|an\s+approximate|in\s+the\s+region\s+of|on\s+the\s+order\s+of", "about"),
]
QUALIFIER_RE = re.compile(
    r"(?:(?<=\s)|^|(?<=[(\"']))(?P<q>" + "|".join(f"(?P<{k}>{p})" for p, k in _QUALIFIERS) + r")\s*$",
    re.I)

CURRENCY_BEFORE = re.compile(
    r"(?:(?P<sym>US\$|U\.S\.\s?\$|\$US|\$A|A\$|AU\$|C\$|CA\$|HK\$|NZ\$|S\$|R\$|NT\$|\$|€|£|¥|₹|₩)"
    r"|(?<![A-Za-z])(?P<code>USD|EUR|GBP|JPY|CNY|RMB|CHF|AUD|CAD|INR|RUB|HKD|KRW|SEK|NOK|DKK)\s?)$")
CURRENCY_AFTER = re.compile(
    r"^\s*(?:(?:US|U\.S\.|Australian|Canadian|Hong\s+Kong|Singapore|New\s+Zealand)\s+)?"
    r"(?P<word>dollars?|euros?|pounds\s+sterling|sterling|yen|yuan|renminbi|rupees?|roubles?|"
    r"rubles?|francs?|USD|EUR|GBP|JPY|CNY|RMB|CHF|AUD|CAD|INR|RUB)(?![A-Za-z])", re.I)


_SYMBOLS = {"$": "USD", "US$": "USD", "$US": "USD", "$A": "AUD", "U.S.$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD",
            "CA$": "CAD", "HK$": "HKD", "NZ$": "NZD", "S$": "SGD", "R$": "BRL", "NT$": "TWD",
            "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW"}
_CURRENCY_WORDS = {"dollar": "USD", "euro": "EUR", "sterling": "GBP", "pounds sterling": "GBP",
                   "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "rupee": "INR",
                   "rouble": "RUB", "ruble": "RUB", "franc": "CHF"}
_DOLLAR_PREFIX = {"australian": "AUD", "canadian": "CAD", "hong kong": "HKD", "singapore": "SGD",
                  "new zealand": "NZD"}

SCALE_AFTER = re.compile(
    r"^(?:\s*(?P<word>thousand|million|billion|trillion)(?![A-Za-z])"
    r"|\s?(?P<abbr>mn|mln|bn|bln|tn)(?![A-Za-z])|(?P<tight>[kmb])(?![A-Za-z]))", re.I)
PERCENT_AFTER = re.compile(
    r"^(?:\s?%|\s*(?:percent|per\s+cent|pct)(?![A-Za-z])"
    r"|\s*(?P<pp>percentage\s+points?|%\s*points?|points?\s+percent)(?![A-Za-z]))", re.I)
AGE_AFTER = re.compile(r"^(?:\s?-\s?|\s)(?:years?|yr)(?:\s?-\s?|\s)old(?![A-Za-z])", re.I)
AGE_BEFORE = re.compile(r"(?:\baged|\bage|\bages|\bat\s+the\s+age\s+of|\bage\s+of)\s+$", re.I)
COMPOUND_AFTER = re.compile(r"^\s?-\s?(?P<unit>[A-Za-z]+)(?![-A-Za-z])")
COMPOUND_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade",
                  "mile", "kilometre", "kilometer", "km", "metre", "meter", "foot", "storey",
                  "story", "member", "seat", "point", "bed", "room", "page", "acre", "ton",
                  "tonne", "car", "vehicle", "game", "match", "count"}
PLUS_AFTER = re.compile(r"^(?:\+|-plus(?![A-Za-z])|\s+plus(?=\s+[a-z]))", re.I)
ORSO_AFTER = re.compile(r"^\s+or\s+so(?![A-Za-z])", re.I)
MAGNITUDE_BEFORE = re.compile(r"(?:\bmagnitude(?:\s+of)?[\s-]|\bM|\bmeasuring\s)$", re.I)
MAGNITUDE_AFTER = re.compile(r"^(?:\s?-\s?|\s)magnitude\b|^\s+on\s+the\s+Richter\b", re.I)
CLOCK_AFTER = re.compile(r"^(?::\d|\s*(?:a\.?m\.?|p\.?m\.?|am|pm|o'clock|hrs|GMT|UTC|EST|EDT|PST|PDT|BST|CET|JST|KST)(?![A-Za-z]))", re.I)
# "2023-02-01 12 people", "01.02.2023 12 people": a numeric date and a count, not a phone number
NUMERIC_DATE_START = re.compile(r"(?:1[89]|20)\d\d-[01]\d-[0-3]\d\s|[0-3]\d\.[01]\d\.(?:1[89]|20)\d\d\s")
PHONE_RE = re.compile(
    r"(?<![\w])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,5}){2,}(?![\w])")
AGO_AFTER = re.compile(r"^\s+(?:ago|earlier|before|after|previously|later|from\s+now)\b", re.I)
RANGE_GAP = re.compile(r"^\s*(?:to|or|and|-|\u2013)\s*$", re.I)
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\u2019]*(?:-[A-Za-z]+)*")


def _fold(text: str) -> str:
    """fold_punctuation one character at a time, keeping offsets (the ellipsis stays)."""
    if text.isascii():
        return text  # every mark fold_punctuation replaces is beyond ASCII
    folded = fold_punctuation(text)
    if len(folded) == len(text):  # every replacement is one character but the ellipsis's three
        return folded
    out = []
    for ch in text:
        folded = fold_punctuation(ch)
        out.append(folded if len(folded) == 1 else ch)
    return "".join(out)


def words_value(tokens: Sequence[str]) -> Optional[int]:
    """The value of number words ("two", "hundred", "and", "fifty") or None if they do not form
    one number ("ten twelve"). A leading "a"/"an" counts as one before a multiplier."""
    total = current = 0
    last = None  # type of the last token
    seen_scale = 10 ** 15
    for raw in tokens:
        word = raw.lower()
        if word == "and":
            if last not in ("hundred", "scale"):
                return None
            last = "and" if last == "hundred" else "scale-and"
            continue
        if word in ("a", "an"):
            if last is not None:
                return None
            current, last = 1, "article"
            continue
        if word in UNITS or word in TEENS or word in TENS:
            kind = "unit" if word in UNITS else "teen" if word in TEENS else "tens"
            if last in ("unit", "teen", "article", "dozen"):
                return None
            if last == "tens" and kind != "unit":
                return None
            if last == "tens" and word == "zero":
                return None
            current += _NUMBER_WORDS[word]
            last = kind
            continue
        if word == "hundred":
            if last not in (None, "unit", "teen", "article") or (last is None and total):
                return None
            if last is None:
                return None
            current = (current or 1) * 100
            last = "hundred"
            continue
        if word == "dozen":
            if last not in ("unit", "article", "teen", "tens"):
                return None
            current = (current or 1) * 12
            last = "dozen"
            continue
        if word in SCALES:
            scale = SCALES[word]
            if last in (None, "and", "scale-and", "scale") or scale >= seen_scale:
                return None
            total += (current or 1) * scale
            current = 0
            seen_scale = scale
            last = "scale"
            continue
        return None
    if last in (None, "article", "and", "scale-and"):
        return None
    return total + current


def parse_number(text: str) -> Optional[float]:
    """The value of one number written alone: "1,234,567", "3.5", "twelve", "two hundred and
    fifty", "a dozen", "1.2 million", "3bn", "5k". None when the text is not one number."""
    text = _fold(text).strip()
    if not text:
        return None
    head = re.match(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?", text)
    if head:
        value = float(head.group().replace(",", ""))
        rest = text[head.end():]
        if not rest:
            return value
        scale = SCALE_AFTER.match(rest)
        if scale and not rest[scale.end():].strip():
            return value * _scale_of(scale)
        return None
    tokens = re.split(r"\s+|-", text)
    value = words_value([t for t in tokens if t])
    return float(value) if value is not None else None


def _scale_of(match: re.Match) -> int:
    word = match.group("word") or match.group("abbr") or match.group("tight")
    word = word.lower()
    return SCALES.get(word) or SCALE_ABBR[word]


# -- quantities ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Quantity:
    """A quantity found in a text: offsets, its interval and what it counts."""

    start: int
    end: int
    text: str
    low: float
    high: float
    nominal: float
    kind: str = "count"  # count | money | percent | age
    unit: str = ""  # currency code, "%" or "pp" for percentages, "" otherwise
    scale: int = 1  # the scale word or suffix used (1000, 10**6 ...), 1 for none
    qualifier: str = ""  # min | max | near | over | about | range | vague | ""
    noun: str = ""  # the counted noun as written
    noun_key: str = ""  # its stem ("people" for people, persons, deaths ...)
    role: str = ""  # killed | injured | ... | ""
    part: str = ""  # "increment" for "another four people", "four other people"; "" for a total

    @property
    def exact(self) -> bool:
        return self.qualifier in ("", "about")

    def overlaps(self, other: "Quantity") -> bool:
        eps = 1e-9 * max(1.0, abs(self.nominal), abs(other.nominal))
        return self.low <= other.high + eps and other.low <= self.high + eps

    @property
    def key(self) -> tuple:
        return (self.kind, self.unit, self.noun_key, self.role, self.part)


@dataclass
class _Atom:
    start: int
    end: int
    value: float
    tol: float
    words: bool = False
    vague: Optional[tuple[float, float]] = None
    scale: int = 1
    follows_of: bool = False  # the counted noun comes after "of" (dozens of, 12% of)


def _tolerance(digits: str, value: float, scale: int) -> float:
    """Half a unit of the last written digit; trailing zeros of an integer at most 10%."""
    if "." in digits:
        places = len(digits.split(".")[1])
        return 0.5 * 10 ** -places * scale
    plain = digits.replace(",", "")
    if scale > 1:
        return 0.5 * scale
    zeros = len(plain) - len(plain.rstrip("0")) if plain.strip("0") else 0
    if zeros == 0 or value < 100:
        return 0.0  # small counts are exact: "30 injured" is not 31
    return min(0.5 * 10 ** zeros, 0.1 * value)


_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.'\u2019-]*)\s*$")


def _word_before(text: str, pos: int) -> str:
    match = _search_end(_WORD_BEFORE, text, pos)
    return match.group(1) if match else ""


def _is_sentence_start(text: str, pos: int) -> bool:
    return not text[:pos].strip() or bool(re.search(r"[.!?:\"'(]\s*$", text[:pos]))


# the context before (..._BEFORE, anchored at the end) and after (..._AFTER) digits that are no count
_DIGIT_DASH_BEFORE = re.compile(r"\d[-\u2013/]$")
_WORD_AFTER = re.compile(r"^\s*(?:of\s+)?([A-Za-z]+)")
_DASH_DIGIT_AFTER = re.compile(r"^[-\u2013/]\d")
_POINT_DIGIT_AFTER = re.compile(r"^[.,]\d")
_ORDINAL_OR_PLURAL_AFTER = re.compile(r"^(?:st|nd|rd|th|s|'s|\u2019s)(?![A-Za-z])", re.I)
_SLASH_BEFORE = re.compile(r"/\s*$")
_SLASH_AFTER = re.compile(r"^\s*/")
_LETTER_OR_DOT_BEFORE = re.compile(r"[A-Za-z.]\s*$")
_YEAR_DIGITS = re.compile(r"1[89]\d\d|20\d\d")
_LETTER_OR_DOT_SPACE_BEFORE = re.compile(r"[A-Za-z.]\s+$")
_LETTER_SPACE_BEFORE = re.compile(r"[A-Za-z]\s+$")
_SPLIT_THOUSANDS_AFTER = re.compile(r"^,\s\d{3}(?!\d)")
_SPLIT_THOUSANDS_BEFORE = re.compile(r"(?<!\d)\d{1,3},\s$")
_POSSESSIVE_AFTER = re.compile(r"^(?:'s|\u2019s)")
_POSSESSIVE_BEFORE = re.compile(r"['\u2019]s\s+$")


def _digit_excluded(text: str, m: re.Match) -> bool:
    """Digits that are no count: labels, codes, clock times, dates, scores, decades, web bits."""
    start, end = m.start(), m.end()
    token = m.group()
    before, after = text[:start], text[end:]
    prev = before[-1:] if before else ""
    nxt = after[:1]
    if _currency_before(text, start):
        prev = " "  # "$US1", "EUR40"
    if prev and (prev.isalpha() or prev in "#/@_\\:" or (prev == "-" and before[-2:-1].isalnum())):
        return True  # COVID-19, F-35, G7, #5, urls, 3:1 handled below too
    if prev in "'\u2019" and len(before) >= 2 and before[-2].isalnum():
        return True
    if _DASH_DIGIT_AFTER.match(after) or _POINT_DIGIT_AFTER.match(after):
        return True  # 3-1, 9/11, 1.2.3, 1,23
    if _DIGIT_DASH_BEFORE.search(before):
        return True
    if (_SPLIT_THOUSANDS_AFTER.match(after) and len(token) <= 3) or _SPLIT_THOUSANDS_BEFORE.search(before) and len(token) == 3:
        return True  # "$2, 199": a number split by tokenisation, not two numbers
    if CLOCK_AFTER.match(after):
        return True
    if _ORDINAL_OR_PLURAL_AFTER.match(after) and not _POSSESSIVE_AFTER.match(after):
        return True  # ordinals and decades ("3rd", "1990s")
    if nxt.isalpha() and not SCALE_AFTER.match(after):
        return True  # 5G, 3D, 4x4
    if nxt in "/@_":
        return True
    if _SLASH_BEFORE.search(before) or _SLASH_AFTER.match(after):
        return True  # a path or address broken up by spaces ("2013 / 09 / 19")
    plain = token.replace(",", "")
    if "," not in token and "." not in token:
        if len(plain) >= 7 or (len(plain) > 1 and plain.startswith("0")):
            return True  # ID-like
    prev_word = _word_before(text, start)
    low = prev_word.lower().rstrip(".")
    if low in MONTH_WORDS and _LETTER_OR_DOT_BEFORE.search(before):
        return True  # December 9
    if _YEAR_DIGITS.fullmatch(token) and _search_end(DATE_BEFORE, text, start):
        return True  # "On December 9, 2008 police said": the year of a date, never a count
    next_word = _WORD_AFTER.match(after)
    if next_word and next_word.group(1).lower().rstrip(".") in MONTH_WORDS and (
            next_word.group(1)[0].isupper()):
        return True  # 9 December, 9 of December
    if low in LABEL_WORDS and _LETTER_OR_DOT_SPACE_BEFORE.search(before) and not _currency_before(text, start):
        return True  # page 12, No. 5
    if (prev_word and prev_word[0].isupper() and _LETTER_SPACE_BEFORE.search(before)
            and not _is_sentence_start(text, start - len(before) + len(before.rstrip()) - len(prev_word))
            and not _search_end(QUALIFIER_RE, text, start) and not _currency_before(before.rstrip() + " ")
            and not _POSSESSIVE_BEFORE.search(before)):
        return True  # Flight 370, Apollo 11, Boeing 737
    return False


# after a year: "2013's"; a lowercase word ("2000 cases" is a count)
_YEAR_POSSESSIVE_AFTER = re.compile(r"^['\u2019]s")
_LOWER_WORD_AFTER = re.compile(r"^\s+([a-z]+)")


def _is_year(text: str, m: re.Match) -> bool:
    token = m.group()
    if not _YEAR_DIGITS.fullmatch(token):
        return False
    after = text[m.end():]
    if PERCENT_AFTER.match(after) or SCALE_AFTER.match(after) or _currency_before(text, m.start()):
        return False
    if _YEAR_POSSESSIVE_AFTER.match(after):
        return True
    nxt = _LOWER_WORD_AFTER.match(after)
    prev = _word_before(text, m.start()).lower()
    if nxt and _plural_like(nxt.group(1)) and nxt.group(1) not in STOPWORDS and prev not in (
            "the", "this", "that", "its", "their", "his", "her", "our"):
        return False  # "2000 cases", "in 2000 cases"
    return True


def _plural_like(word: str) -> bool:
    low = word.lower()
    if low in IRREGULAR_PLURALS:
        return True
    return len(low) > 3 and low.endswith("s") and not low.endswith(_NOT_PLURAL_S)


HALF_SCALE_RE = re.compile(
    r"\b(?:(?P<whole>\d+|" + "|".join(sorted({**UNITS, **TEENS, **TENS}, key=len, reverse=True))
    + r")\s+and\s+a\s+|(?:a\s+)?)(?P<frac>half|quarter)(?(whole)|\s+(?:of\s+)?an?)\s+"
    r"(?P<scale>thousand|million|billion|trillion)\b", re.I)


# _atoms: web addresses, vague amounts ("the thousands"), the gaps and ends of number-word runs
_URL_PART = re.compile(r"\b(?:https?|www|html?|com)\b\s*[/.:]")
_WHITESPACE = re.compile(r"\s+")
_DETERMINER_BEFORE = re.compile(r"\b(?:a|one|the|two|three|several|many|\d+)\s+$", re.I)
_ARTICLE_BEFORE = re.compile(r"\b(an?)\s+$", re.I)
_HYPHEN_COMPOUND_AFTER = re.compile(r"^-(?:time|off|way|sided|on-one|third|thirds|half|fifth|quarter)", re.I)
_LETTER_HYPHEN_BEFORE = re.compile(r"[A-Za-z]-$")
_ORDINAL_SUFFIX_AFTER = re.compile(r"^(?:th|st|nd|rd|ieth)\b")
_OF_AFTER = re.compile(r"^\s+of\b", re.I)
_PRONOUN_ONE_BEFORE = re.compile(r"\b(?:no|any|every|some|each|the|this|that|which|anyone|someone|last|only)\s+$", re.I)
_SPACED_SLASH = re.compile(r"\s/\s")
_NUMBER_WORD_GAP = re.compile(r"\s+|\s*-\s*|\s+and\s+")
_PHONE_PREFIX = re.compile(r"\(\d|\+\d")
_ASCII_WORD = re.compile(r"\b[A-Za-z]+\b")
_DIGIT = re.compile(r"\d")


def _atoms(text: str) -> list[_Atom]:
    """Numbers in digits, in words, and vague amounts; masked spans excluded."""
    # (the literal tests below skip a pattern that cannot match: "/" for a spaced slash, the
    # words of a web address, a digit for the patterns of digits)
    if ("/" in text and len(_SPACED_SLASH.findall(text)) >= 2) or (
            ("http" in text or "www" in text or "htm" in text or "com" in text) and _URL_PART.search(text)):
        return []  # a web address broken into words: no figures of the story
    digits = _DIGIT.search(text) is not None
    masked = [(m.start(), m.end()) for m in (PHONE_RE.finditer(text) if digits else ())
              if (sum(c.isdigit() for c in m.group()) >= 9 or _PHONE_PREFIX.search(m.group()))
              and not NUMERIC_DATE_START.match(m.group())]

    def is_masked(a: int, b: int) -> bool:
        return any(s <= a and b <= e for s, e in masked)

    atoms: list[_Atom] = []
    for m in DIGITS_RE.finditer(text) if digits else ():
        if is_masked(m.start(), m.end()) or _digit_excluded(text, m) or _is_year(text, m):
            continue
        token = m.group()
        value = float(token.replace(",", ""))
        end, scale = m.end(), 1
        sm = SCALE_AFTER.match(text[end:])
        if sm:
            abbr = (sm.group("tight") or "").lower()
            if abbr in ("m", "b") and not _currency_before(text, m.start()):
                sm = None
        if sm:
            scale = _scale_of(sm)
            end += sm.end()
        tol = _tolerance(token, value * scale, scale) if scale == 1 else (
            _tolerance(token, value, 1) * scale if "." in token else 0.5 * scale)
        atoms.append(_Atom(m.start(), end, value * scale, tol, scale=scale))
    taken = [(a.start, a.end) for a in atoms]
    low = text.lower()  # (no letter but H, A, L, F, Q, U, R, T, E matches those under re.I)
    halves = HALF_SCALE_RE.finditer(text) if "half" in low or "quarter" in low else ()
    # under re.I only I, K and S match letters beyond ASCII (dotless i, the Kelvin sign, long s):
    # a text of ASCII alone has a vague amount only if its lower case spells one
    vague = VAGUE_RE.finditer(text) if not text.isascii() or "dozens" in low or "hundreds" in low or (
        "thousands" in low or "millions" in low or "billions" in low) else ()
    for m in halves:  # "half a million", "three and a half million"
        whole = 0.0
        if m.group("whole"):
            whole = float(m.group("whole")) if m.group("whole").isdigit() else float(
                words_value([m.group("whole").lower()]) or 0)
            if not whole:
                continue
        share = {"half": 0.5, "quarter": 0.25}[m.group("frac").lower()]
        scale = SCALES[m.group("scale").lower()]
        value = (whole + share) * scale
        atoms = [a for a in atoms if not (m.start() <= a.start < m.end())]
        atoms.append(_Atom(m.start(), m.end(), value, 0.1 * value, True, scale=scale, follows_of=True))
        taken.append((m.start(), m.end()))
    for m in vague:
        key = _WHITESPACE.sub(" ", m.group().lower())
        if _search_end(_DETERMINER_BEFORE, text, m.start()):
            continue  # "a hundreds"? no: "the thousands" is not vague
        if not _OF_AFTER.match(text[m.end():]):
            continue  # "dozens" counts what follows "of"
        low, high = VAGUE[key]
        atoms.append(_Atom(m.start(), m.end(), math.sqrt(low * high), 0.0, True, (low, high),
                           follows_of=True))
        taken.append((m.start(), m.end()))
    # number words, grouped into runs (words of ASCII letters: a word that only re.I would read
    # as a number word, "\u017fix" with a long s, has no value)
    tokens = [m for m in _ASCII_WORD.finditer(text) if m.group().lower() in _NUMBER_WORDS
              and not any(s <= m.start() < e for s, e in taken)]
    i = 0
    while i < len(tokens):
        group = [tokens[i]]
        j = i + 1
        while j < len(tokens):
            gap = text[group[-1].end():tokens[j].start()]
            if _NUMBER_WORD_GAP.fullmatch(gap) and words_value(
                    _word_tokens(text, group[0].start(), tokens[j].end())) is not None:
                group.append(tokens[j])
                j += 1
            else:
                break
        start, end = group[0].start(), group[-1].end()
        art = _search_end(_ARTICLE_BEFORE, text, start)
        first = group[0].group().lower()
        if art and first in ("hundred", "thousand", "million", "billion", "trillion", "dozen"):
            start = art.start(1)
        vals = _word_tokens(text, start, end)
        value = words_value(vals)
        i = j
        if value is None:
            continue
        if first == "one" and len(group) == 1 and _search_end(_PRONOUN_ONE_BEFORE, text, start):
            continue
        if _HYPHEN_COMPOUND_AFTER.match(text[end:]):
            continue
        if _LETTER_HYPHEN_BEFORE.search(text[:start]):
            continue  # "twenty-first"? words joined to a word before
        if _ORDINAL_SUFFIX_AFTER.match(text[end:]):
            continue
        last = group[-1].group().lower()
        scale = SCALES.get(last, 1)
        if scale > 1:
            rest = value / scale
            tol = 0.5 * scale if rest == int(rest) else 0.0
        elif last == "dozen":
            tol = 2.0 if len(vals) <= 2 else 0.0
        elif last == "hundred":
            tol = min(50.0, 0.1 * value)
        else:
            tol = 0.0  # "two hundred and fifty": written out exactly
        atoms.append(_Atom(start, end, float(value), tol, True, scale=scale,
                           follows_of=last in ("dozen",) or scale > 1))
    atoms.sort(key=lambda a: a.start)
    # "1.5 million" written with a word scale after digits is already one atom; drop overlaps
    result: list[_Atom] = []
    for atom in atoms:
        if result and atom.start < result[-1].end:
            continue
        result.append(atom)
    return result


# what separates the words of a number-word run ("twenty-five", "two hundred")
_SPACES_OR_HYPHENS = re.compile(r"[\s-]+")


def _word_tokens(text: str, start: int, end: int) -> list[str]:
    return [t for t in _SPACES_OR_HYPHENS.split(text[start:end]) if t]


def _currency_after_word(m: re.Match, text: str) -> str:
    word = m.group("word").lower()
    prefix = re.match(r"^\s*([A-Za-z. ]+?)\s+(?:dollars?)", text, re.I)
    if word.startswith("dollar") and prefix:
        return _DOLLAR_PREFIX.get(prefix.group(1).lower().strip(), "USD")
    if word.upper() in {"USD", "EUR", "GBP", "JPY", "CNY", "CHF", "AUD", "CAD", "INR", "RUB"}:
        return word.upper()
    if word == "rmb":
        return "CNY"
    base = word.rstrip("s") if word not in ("pounds sterling",) else word
    return _CURRENCY_WORDS.get(base, _CURRENCY_WORDS.get(word, word.upper()))


# a second noun ("in cash and stock"), what leads to the noun ("of the", "worth of"), an adverb
_AND_WORD_AFTER = re.compile(r"\s+(?:and|or|plus)\s+([A-Za-z][A-Za-z-]*)")
_NOUN_LEAD_AFTER = re.compile(r"^\s+(?:of\s+(?:the\s+|those\s+|them\s+)?|in\s+|worth\s+of\s+)", re.I)
_LY_WORD = re.compile(r"[a-z]+ly")


def _noun_phrase(text: str, pos: int, value: float, follows_of: bool, money_or_percent: bool
                 ) -> tuple[str, int]:
    """The counted noun after `pos` (as written) and the offset after the noun phrase."""
    rest = text[pos:]
    lead = _NOUN_LEAD_AFTER.match(rest) if (
        follows_of or money_or_percent) else None
    offset = pos + (lead.end() if lead else 0)
    words = []
    for m in WORD_RE.finditer(text, offset):
        gap = text[offset:m.start()] if not words else text[words[-1][2]:m.start()]
        if not re.fullmatch(r"\s+" if words or not lead else r"\s*", gap):
            break
        w = m.group()
        low = w.lower().replace("\u2019", "'")
        if low in STOPWORDS or _LY_WORD.fullmatch(low) and len(low) > 4 or \
                low in WEEKDAY_WORDS or low in MONTH_WORDS:
            break  # "slid 12 percent Thursday": a day is never the counted thing
        if words and (low in ROLE_WORDS or low.endswith("ed")):
            break
        words.append((w, m.start(), m.end()))
        if len(words) >= 3:
            break
    if not words:
        return "", pos
    if words[0][0].lower() in ROLE_WORDS and words[0][0].lower() not in ROLE_NOUNS:
        return "", pos
    if value != 1 and not money_or_percent:
        for w, s, e in words:
            if _plural_like(w) or w.lower() in ROLE_NOUNS:
                return w, e
        return "", pos
    # singular or mass nouns: the last word of the short phrase ("$2 billion aid package");
    # "in cash and stock" is another thing than "in cash"
    noun, end = words[-1][0], words[-1][2]
    more = _AND_WORD_AFTER.match(text[end:])
    if more and more.group(1).lower() not in STOPWORDS:
        noun, end = text[words[-1][1]:end + more.end()], end + more.end()
    return noun, end


_AUX = r"(?:\s+(?:were|was|have|had|has|been|being|are|is|be|reportedly|also|later|all|confirmed|now|so\s+far|either|were\s+not))*"
_ROLE_AFTER_RE = re.compile(r"^" + _AUX + r"\s+([A-Za-z]+)", re.I)


_LETTER_WORD = re.compile(r"[A-Za-z]+")


def _role(text: str, start: int, end: int, noun: str, noun_end: int, clause: tuple[int, int]) -> str:
    """killed / injured / ... for the number at text[start:end], '' when none.

    In this order: a role noun ("12 deaths"); a role word right after the number or its noun,
    past auxiliaries ("12 dead", "12 people were killed", "seven were injured"); a role word
    among the three words before it ("killing 12", "killed at least 12", "toll rose to 12"); a
    role word later in the clause before any other number ("12 people in the bus died").
    """
    if noun and noun.lower() in ROLE_NOUNS:
        return ROLE_NOUNS[noun.lower()]
    after = _ROLE_AFTER_RE.match(text[max(noun_end, end):clause[1]])
    if after and after.group(1).lower() in ROLE_WORDS:
        return ROLE_WORDS[after.group(1).lower()]
    before = text[clause[0]:start]
    stop = list(re.finditer(r"\d|\b(?:" + _NUMWORD + r"|dozens|hundreds|thousands)\b", before, re.I))
    if stop:
        before = before[stop[-1].end():]
    for w in reversed(_LETTER_WORD.findall(before)[-3:]):
        if w.lower() in ROLE_WORDS:
            return ROLE_WORDS[w.lower()]
    rest = text[max(noun_end, end):clause[1]]
    stop = re.search(r"\d|\b(?:" + _NUMWORD + r"|dozens|hundreds|thousands)\b", rest, re.I)
    if stop:
        rest = rest[:stop.start()]
    for w in _LETTER_WORD.findall(rest)[:6]:
        if w.lower() in ROLE_WORDS:
            return ROLE_WORDS[w.lower()]
    return ""


THING_AGES = {stem(w) for w in (
    "case cases murder killing crime mystery building bridge house home church temple tree car "
    "ship plane aircraft vessel boat record law company firm business tradition dispute feud war "
    "conflict institution school hotel restaurant painting structure dam road wall tower castle "
    "ban policy rule treaty statue monument mill factory plant station theatre theater stadium "
    "organisation organization band show franchise brand newspaper").split()}


def _age_subject(text: str, pos: int) -> str:
    """Whose age: "person" ("the 33-year-old actress", "a 33-year-old"), or the stem of a thing
    ("a 41-year-old murder case" -> murder)."""
    for i, m in enumerate(re.finditer(r"[A-Za-z][A-Za-z'\u2019-]*", text[pos:pos + 60])):
        low = m.group().lower()
        if i >= 3 or low in STOPWORDS or low.endswith("ed"):
            break
        if stem(low) in THING_AGES:
            return stem(low)
    return "person"


def _noun_key(noun: str, role: str) -> str:
    if not noun:
        return "people" if role else ""
    low = noun.lower()
    if " " in low:
        return " ".join(stem(w) for w in low.split())
    if low in ROLE_NOUNS:
        return "people"
    key = stem(low)
    if key in PEOPLE:
        return "people"
    return key


def _interval(value: float, tol: float, qualifier: str) -> tuple[float, float]:
    if qualifier == "min":
        return value - tol, math.inf
    if qualifier == "max":
        return 0.0, value + tol
    if qualifier == "near":
        return value * 0.8 - tol, value + tol
    if qualifier == "over":
        return value - tol, value * 1.15 + tol
    if qualifier == "about":
        return value * 0.9 - tol, value * 1.1 + tol
    return value - tol, value + tol


# find_quantities: ranges, wholes ("the last 10 games"), conversions ("(about 277km)"), ages ("Smith, 45,")
_RANK_WORD_BEFORE = re.compile(r"\b(?:first|last|top|final|opening|closing|bottom)\s+$", re.I)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+\S*$", re.I)
_FROM_BEFORE = re.compile(r"\bfrom\s+\S*$", re.I)
_OF_GROUP_AFTER = re.compile(r"^\s+of\s+(?:the|them|those|these|whom|which|his|her|their|its|our)\b", re.I)
_CONVERSION_BEFORE = re.compile(r"\(\s*(?:(?:about|approximately|roughly|around|some|or|nearly|almost)\s+)?$", re.I)
_WHITESPACE_CHAR = re.compile(r"\s")
_COMMA_AFTER = re.compile(r"^\s*,")
_COMMA_BEFORE = re.compile(r",\s*$")
_WORD_COMMA_BEFORE = re.compile(r"([A-Za-z][A-Za-z'\u2019]*)\s*,\s*$")
_AND_GAP = re.compile(r"^\s*and\s*$", re.I)
_HYPHEN_GAP = re.compile(r"^\s*-\s*$")
_POSSESSIVE_ENDING = re.compile(r"['\u2019]s$")
_NOUN_COMMA_BEFORE = re.compile(r"\b(?:the|a|an|his|her|their|our|its)\s+(?:[a-z]+\s+)?[a-z]+\s*,\s*$", re.I)


# "eight of their last 10 games": a number before "of" and the counted thing (find_quantities)
_PART_OF_TOTAL_BEFORE = re.compile(r"(?:\d|\b(?:" + _NUMWORD + r"))\s+of\s+(?:\w+(?:['\u2019]s)?\s+){0,3}$", re.I)


@lru_cache(maxsize=16384)  # pure; copies of a story repeat its sentences
def _reading(text: str) -> tuple[str, tuple[_Atom, ...], tuple[Quantity, ...]]:
    """What find_quantities reads in a sentence before its clauses matter: the folded text, its
    atoms and its results of games and fractions. (No atom, score or fraction: no quantity.)"""
    folded = _fold(text)
    return folded, tuple(_atoms(folded)), tuple(_scores(folded) + _fractions(folded))


# Patterns anchored at the end ($) that are searched in the text before a number, and how many
# of its words (runs of non-whitespace) a match spans at most: one more than the whitespace a
# match can hold between other characters ("no fewer than": three words; "U.S. $": two).
_END_WORDS = {
    CURRENCY_BEFORE: 2,
    QUALIFIER_RE: 1 + max(alternative.count("\\s") for pattern, _ in _QUALIFIERS for alternative in pattern.split("|")),
    _PART_OF_TOTAL_BEFORE: 5,  # "10 of the team's first"
    INCREMENT_BEFORE: 2,
    _RANK_WORD_BEFORE: 1,
    _PRONOUN_ONE_BEFORE: 1,
    _ARTICLE_BEFORE: 1,
    _DETERMINER_BEFORE: 1,
    _WORD_BEFORE: 1,
    _WORD_COMMA_BEFORE: 2,  # "Smith ,"
    _NOUN_COMMA_BEFORE: 4,  # "the young actress ,"
    DATE_BEFORE: 4,  # "9th of December ,"
    AGE_BEFORE: 4,  # "at the age of"
    MAGNITUDE_BEFORE: 2,  # "magnitude of"
    _BETWEEN_BEFORE: 2,
    _FROM_BEFORE: 2,
    _CONVERSION_BEFORE: 2,  # "( about"
}


def _search_end(pattern: re.Pattern, text: str, end: Optional[int] = None) -> Optional[re.Match]:
    """pattern.search(text[:end]) for a pattern of _END_WORDS, in the last words only: a match
    ends at `end` (or before a final newline) and spans at most _END_WORDS[pattern] words, so no
    match starts before them. (Searched with pos and endpos, a lookbehind still sees what comes
    before pos, and ^ matches at the start of the text only, as in text[:end].)"""
    end = len(text) if end is None else end
    words = _END_WORDS[pattern]
    head = text[:end].rsplit(None, words)
    return pattern.search(text, len(head[0]) if len(head) > words else 0, end)


def _currency_before(text: str, end: Optional[int] = None) -> Optional[re.Match]:
    """CURRENCY_BEFORE.search(text[:end])."""
    return _search_end(CURRENCY_BEFORE, text, end)


def find_quantities(text: str, clauses: Sequence[tuple[int, int]] = ()) -> list[Quantity]:
    """Every quantity in a sentence (offsets into `text`); `clauses` bound the role search."""
    text, atoms, scores_and_fractions = _reading(text)
    found: list[Quantity] = []
    skip_next = False
    age_key = ""
    for index, atom in enumerate(atoms):
        if skip_next:
            skip_next = False
            continue
        start, end = atom.start, atom.end
        value, tol = atom.value, atom.tol
        qualifier = "vague" if atom.vague else ""
        low_high = atom.vague
        # a range: "between 10 and 20", "10 to 20", "two or three"
        if index + 1 < len(atoms):
            nxt = atoms[index + 1]
            gap = text[end:nxt.start]
            gap_cur = _currency_before(gap)
            gap_plain = gap[:gap_cur.start()] if gap_cur and gap_cur.group("sym") else gap
            between = _search_end(_BETWEEN_BEFORE, text, start)
            from_before = _search_end(_FROM_BEFORE, text, start)
            if (RANGE_GAP.match(gap_plain) and not from_before and not atom.vague and not nxt.vague
                    and (not _AND_GAP.match(gap_plain) or between)
                    and nxt.value > value * (1 if nxt.scale == 1 else 0)):
                hi = nxt.value
                lo = value * nxt.scale if atom.scale == 1 and nxt.scale > 1 and value < 1000 else value
                if lo < hi and not _HYPHEN_GAP.match(gap_plain):
                    low_high = (lo - atom.tol, hi + nxt.tol)
                    value = math.sqrt(max(lo, 1e-9) * hi)
                    qualifier = "range"
                    end = nxt.end
                    atom = replace(atom, scale=max(atom.scale, nxt.scale), words=atom.words and nxt.words)
                    skip_next = True
        after = text[end:]
        kind, unit = "count", ""
        # currency
        cur_before = _currency_before(text, start)
        if cur_before:
            kind = "money"
            sym = cur_before.group("sym")
            unit = _SYMBOLS.get(_WHITESPACE_CHAR.sub("", sym), "USD") if sym else cur_before.group("code").strip().upper()
            if unit == "RMB":
                unit = "CNY"
            start = cur_before.start()
        # percent
        pm = PERCENT_AFTER.match(after)
        if pm and kind == "count":
            kind, unit = "percent", "pp" if pm.group("pp") else "%"
            end += pm.end()
            after = text[end:]
            if "." not in text[atom.start:atom.end] and not atom.words and qualifier not in ("range",):
                tol = max(tol, 0.5)
        cm = CURRENCY_AFTER.match(after) if kind == "count" else None
        if cm:
            kind, unit = "money", _currency_after_word(cm, after)
            end += cm.end()
            after = text[end:]
        elif kind == "money":
            cm2 = CURRENCY_AFTER.match(after)
            if cm2:
                end += cm2.end()
                after = text[end:]
        # ages
        before_text = text[:start]
        am = AGE_AFTER.match(after)
        age = False
        if am and kind == "count":
            age = True
            end += am.end()
            after = text[end:]
        elif kind == "count" and _search_end(AGE_BEFORE, text, start):
            age = True
        elif (kind == "count" and not atom.words and value < 120 and value == int(value)
              and _COMMA_AFTER.match(after) and _COMMA_BEFORE.search(before_text)):
            pw = _search_end(_WORD_COMMA_BEFORE, text, start)
            if pw:
                w = pw.group(1)
                bare = _POSSESSIVE_ENDING.sub("", w)
                if ((bare[:1].isupper() and bare.lower() not in MONTH_WORDS | WEEKDAY_WORDS
                     and not _DIGIT.search(before_text[-12:]))
                        or bare.lower() in PERSON_WORDS or w.lower().endswith(("'s", "\u2019s"))
                        or _search_end(_NOUN_COMMA_BEFORE, text, start)):
                    age = True
        if age:
            kind, tol = "age", 0.0 if not atom.words or value % 10 else tol
            age_key = _age_subject(text, end) if am else "person"
        # qualifiers
        qm = _search_end(QUALIFIER_RE, text, start)
        if qm and qualifier not in ("range",):
            q = next(k for _, k in _QUALIFIERS if qm.group(k))
            qualifier = q if qualifier != "vague" or q in ("min", "max") else qualifier
            if qualifier == "min" and atom.vague:
                low_high = (atom.vague[0], math.inf)
            elif qualifier == "max" and atom.vague:
                low_high = (0.0, atom.vague[1])
            start = qm.start("q")
        plus = PLUS_AFTER.match(after)
        if plus and qualifier in ("", "about"):
            qualifier = "min"
            end += plus.end()
            after = text[end:]
        orso = ORSO_AFTER.match(after)
        if orso and qualifier == "":
            qualifier = "about"
            end += orso.end()
            after = text[end:]
        # a measure in a unit ("300 km", "186 miles", "5,000 tonnes"): converted to the base unit
        factor = 1.0
        um = UNIT_AFTER.match(after) if kind == "count" else None
        # a compound ("a three-day visit") counts its unit
        compound = COMPOUND_AFTER.match(after) if kind == "count" else None
        noun, noun_end = "", end
        magnitude = kind == "count" and value < 10 and (
            _search_end(MAGNITUDE_BEFORE, text, atom.start) or MAGNITUDE_AFTER.match(after))
        if magnitude:  # an earthquake's magnitude: "magnitude 6.1", "6.1-magnitude", "M6.1"
            found.append(Quantity(start, end, text[start:end], value - 0.05, value + 0.05, value, "measure",
                                  "magnitude", 1, "", "magnitude", "magnitude", ""))
            continue
        if um:
            dimension, factor = MEASURE_UNITS[_WHITESPACE.sub(" ", um.group("unit").lower())]
            kind, unit = "measure", dimension
            noun, noun_end = um.group("unit"), end + um.end()
        elif compound and compound.group("unit").lower() in COMPOUND_UNITS:
            noun, noun_end = compound.group("unit"), end + compound.end()
        elif compound:
            continue  # "one-time", "two-thirds": not a count
        elif kind != "age":
            # "four other people", "three more cases": the counted noun comes after the increment word
            skip = INCREMENT_AFTER.match(after) if kind == "count" else None
            noun, noun_end = _noun_phrase(text, end + (skip.end() if skip else 0), value,
                                          atom.follows_of or atom.vague is not None,
                                          kind in ("money", "percent"))
        if noun and stem(noun.lower()) in TIME_UNITS and AGO_AFTER.match(text[noun_end:]):
            continue  # "three years ago": a date, not a count
        if _search_end(_PART_OF_TOTAL_BEFORE, text, atom.start):
            continue  # "eight of their last 10 games", "10 of the team's first 17 points": a total
        if not atom.vague and not atom.follows_of and _OF_GROUP_AFTER.match(text[atom.end:]):
            continue  # "One of the fatalities", "12 of the 40 passengers": a part of a group
        # "another four people", "four other people", "three more": an increment, not a total;
        # compared only with increments
        part = "increment" if (_search_end(INCREMENT_BEFORE, text, atom.start)
                               or INCREMENT_AFTER.match(text[atom.end:])) else ""
        if _search_end(_RANK_WORD_BEFORE, text, atom.start):
            continue  # "his first 17 passes", "the last 10 games": a part of a whole
        if found and _search_end(_CONVERSION_BEFORE, text, start) and start - found[-1].end < 60:
            continue  # a conversion: "150 nautical miles (about 277km)", "$US1 million ($1.52 million)"
        clause = next(((a, b) for a, b in clauses if a <= start < b), (0, len(text)))
        role = _role(text, atom.start, end, noun, noun_end, clause) if kind == "count" else ""
        if noun and stem(noun.lower()) in MEASURE_STEMS:
            role = ""
        if kind == "count" and not noun and not role:
            continue
        lo, hi = low_high if low_high else _interval(value, tol, qualifier)
        if qualifier == "min" and low_high is None:
            lo, hi = _interval(value, tol, "min")
        if kind == "measure":
            lo, hi, value = lo * factor, hi * factor, value * factor
            found.append(Quantity(start, noun_end, text[start:noun_end], max(lo, 0.0), hi, value, kind,
                                  unit, atom.scale, qualifier, noun, unit, "", part))
            continue
        noun_key = _noun_key(noun, role) if kind != "age" else age_key
        if noun.lower() == "others" and kind == "count":
            # "killing 15 people and injuring 200 others": the others are what was counted before
            noun_key = next((q.noun_key for q in reversed(found) if q.kind == "count"), "people" if role else noun_key)
        found.append(Quantity(
            start, end, text[start:end], max(lo, 0.0) if value >= 0 else lo, hi, value, kind, unit,
            atom.scale, qualifier, noun, noun_key, role, part))
    return found + list(scores_and_fractions)


# "won 3-1", "a 2-0 victory", "beat Chelsea 3-1", "drew 1-1": a result, compared as a pair (a
# running score, "a 20-13 lead", "broke a 13-13 tie", changes during a game and is not read)
SCORE_RE = re.compile(r"(?<![\d.,/:$\u20ac\u00a3-])(?P<a>\d{1,3})\s?[-\u2013]\s?(?P<b>\d{1,3})(?![\d.,/:%-])")
_SCORE_BEFORE = re.compile(
    r"\b(?:won|win|wins|winning|lost|lose|loses|losing|beat|beats|beating|defeated|defeats|drew|draw|"
    r"draws|edged|edges|thrashed|routed|crushed|downed|downs|scoreline|victory|defeat|loss|final|"
    r"finished|ended)\b(?:\s+\S+){0,4}\s*$", re.I)
_SCORE_AFTER = re.compile(
    r"^\s+(?:win|victory|defeat|loss|draw|triumph|rout|home\s+win|away\s+win|"
    r"(?:home|away)\s+(?:victory|defeat|loss))\b", re.I)


# "improved Creighton to 41-20 all-time", "a 12-3 record": a win-loss record, not one game's score
_RECORD_BEFORE = re.compile(r"(?:\b(?:improved|improves|improving|fell|falls|dropped|drops|moved|moves|"
                            r"evened|evens)\b(?:\s+\S+){0,2}\s+to|\brecord(?:\s+of)?|\()\s*$", re.I)
_RECORD_AFTER = re.compile(r"^\s*(?:all[\s-]time|overall|record|\)|on\s+the\s+(?:season|year)|"
                           r"(?:this|last)\s+season|in\s+(?:conference|league|the\s+league))", re.I)


def _scores(text: str) -> list[Quantity]:
    """Results of games: a pair of goals or points ("won 3-1", "a 2-0 victory"), the higher
    first, so that "won 3-1" and "lost 1-3" are one result. Value: 1,000 x high + low."""
    found = []
    for m in SCORE_RE.finditer(text) if "-" in text or "\u2013" in text else ():  # a dash or none
        if not (_SCORE_BEFORE.search(text[max(0, m.start() - 60):m.start()]) or _SCORE_AFTER.match(text[m.end():])):
            continue  # "ages 3-5", "pages 12-14", "the 9-11 attacks": no result
        if _RECORD_BEFORE.search(text[max(0, m.start() - 40):m.start()]) or _RECORD_AFTER.match(text[m.end():]):
            continue
        high, low = sorted((int(m.group("a")), int(m.group("b"))), reverse=True)
        value = float(high * 1000 + low)
        found.append(Quantity(m.start(), m.end(), m.group(), value, value, value, "score", "", 1, "",
                              "score", "score", ""))
    return found


_FRACTIONS = {"half": 1 / 2, "halves": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4,
              "quarters": 1 / 4, "fifth": 1 / 5, "fifths": 1 / 5, "tenth": 1 / 10, "tenths": 1 / 10}
FRACTION_RE = re.compile(
    r"\b(?:(?P<n>a|an|one|two|three|four|nine)[\s-]+)?(?P<f>half|halves|thirds?|quarters?|fifths?|tenths?)"
    r"\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?(?P<noun>[a-z][a-z-]+)", re.I)
_FRACTION_COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "nine": 9}


def _fractions(text: str) -> list[Quantity]:
    """A share as a fraction ("two-thirds of voters", "half of the residents", "a quarter of
    households"): a percentage of what follows "of", plus or minus a twentieth of the share
    (outlets round "two-thirds" to 65% or 67%)."""
    found = []
    low = text.lower()  # (as in _atoms: beyond ASCII, only I, K and S match other letters under re.I)
    if text.isascii() and "half" not in low and "halves" not in low and "third" not in low and (
            "quarter" not in low and "fifth" not in low and "tenth" not in low):
        return found
    for m in FRACTION_RE.finditer(text):
        count = _FRACTION_COUNT[m.group("n").lower()] if m.group("n") else 1
        share = count * _FRACTIONS[m.group("f").lower()]
        noun = m.group("noun")
        if share > 1 or (m.group("f").lower() in ("half", "halves") and m.group("n") and count > 1) or \
                noun.lower() in STOPWORDS or stem(noun.lower()) in MEASURE_STEMS:
            continue  # "two halves of the match", "half of it", "half of the year"
        percent = 100 * share
        tol = max(1.0, percent * 0.05)
        found.append(Quantity(m.start(), m.end("f"), m.group()[:m.end("f") - m.start()],
                              percent - tol, percent + tol, percent, "percent", "%", 1, "about", noun,
                              _noun_key(noun, ""), ""))
    return found


# -- quotations ---------------------------------------------------------------------------------

_QUOTE_MARK = re.compile("[\"\u201c\u201d\u201e\u00ab\u00bb'\u2018\u2019]")


@lru_cache(maxsize=4096)  # pure; read by numbers and dates for each document, computed once
def quoted_spans(text: str, paragraphs: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """Spans inside quotation marks, paragraph by paragraph.

    Double marks pair by direction; a single mark is a quotation mark only at a word boundary
    (not in "Reid's" or "her'party"). A quotation left open runs to the paragraph's end and goes
    on through the next paragraph when that one has no marks, or closes it (a quotation of
    several paragraphs); a closing mark with nothing open also ends a quotation that began at
    the paragraph's start when an attribution follows it ("..., ' she told the magazine").
    """
    spans = []
    carry = 0  # paragraphs a quotation left open may still run through
    for ps, pe in paragraphs or [(0, len(text))]:
        open_at: Optional[int] = None
        family = ""
        first = True
        for mark in _QUOTE_MARK.finditer(text, ps, pe):
            i, ch = mark.start(), mark.group()
            prev = text[i - 1] if i > ps else " "
            nxt = text[i + 1] if i + 1 < pe else " "
            fam = "d" if ch in "\"\u201c\u201d\u201e\u00ab\u00bb" else "s"
            if fam == "s" and prev.isalnum() and nxt.isalnum():
                continue  # an apostrophe
            if fam == "s" and open_at is not None and family == "d":
                continue
            if ch in "\u201c\u201e\u00ab\u2018":
                opener = True
            elif ch in "\u201d\u00bb\u2019":
                opener = False
            else:
                opener = (prev.isspace() or prev in "([{-\u2014") and not nxt.isspace()
            if fam == "s" and opener and not (prev.isspace() or prev in "([{-\u2014\"\u201c"):
                continue
            if fam == "s" and not opener and (prev.isspace() or prev in "sS"):
                continue  # a space before, or a plural possessive ("the players' union")
            if opener and open_at is None:
                open_at, family = i, fam
            elif not opener and open_at is not None and fam == family:
                spans.append((open_at, i + 1))
                open_at = None
            elif not opener and open_at is None and first and (carry or _ATTRIBUTION.match(text, i + 1)):
                spans.append((ps, i + 1))
            first = False
        if open_at is not None:
            spans.append((open_at, pe))
            carry = 2
        elif first and carry:
            spans.append((ps, pe))  # a paragraph without marks inside a long quotation
            carry -= 1
        else:
            carry = 0
    return tuple(spans)


_ATTRIBUTION = re.compile(
    r"[\s,]*(?:(?:he|she|they|it|we|i|[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)?\s+)?"
    r"(?:said|says|told|tells|added|adds|asked|wrote|writes|explained|stated|insisted|noted)\b")


# -- hooks --------------------------------------------------------------------------------------

@factcheck.hookimpl
def factcheck_rules():
    return [
        factcheck.Rule(
            "numbers.count-conflict", "warning",
            "Two sources give incompatible numbers for the same counted thing",
            "Aligned sentences of two documents count the same thing (the same noun and role, "
            "e.g. people killed; money in one currency; a percentage; an age) with values whose "
            "intervals cannot overlap. Rounding ('1.2 million' vs 1,187,000) and qualifiers "
            "('more than 100' vs 'about 120') are taken into account; numbers counting different "
            "things, killed vs injured, and quoted numbers are never compared. When the "
            "publication dates (or, on one day, times) differ the message says so: a toll may "
            "have risen between stories.",
            "a.txt: '12 people were killed in the blast'; b.txt: '15 people were killed in the "
            "blast'.",
        ),
        factcheck.Rule(
            "numbers.order-of-magnitude", "error",
            "Two sources give the same thing values a power of ten apart",
            "A count conflict where the values have the same digits but differ by a power of ten "
            "('1.2 million' vs '1.2 billion', '$3.5m' vs '$35m'), or use different scale words "
            "(thousand, million, billion) a hundredfold or more apart: a slip of a scale word or "
            "a decimal point in one of the sources.",
            "a.txt: 'The dam cost $2 million'; b.txt: 'The dam cost $2 billion'.",
        ),
        factcheck.Rule(
            "numbers.unit-conflict", "warning",
            "Two sources give the same number in different units for the same measure",
            "Aligned sentences give a length or a weight with the same number but in units that "
            "make the values incompatible ('300 km' vs '300 miles', '5 tonnes' vs '5 kg'): one "
            "source probably slipped on the unit. The same measure converted correctly ('300 km' "
            "vs '186 miles') agrees.",
            "a.txt: 'The pipeline runs 300 kilometres'; b.txt: 'The pipeline runs 300 miles'.",
        ),
    ]


@factcheck.hookimpl
def factcheck_options():
    return {
        "min_similarity": 0.4,
        "min_containment": 0.6,
        "min_similarity_contained": 0.25,
        "min_shared_contained": 3,
        "min_shared_terms": 2,
        "min_similarity_bare": 0.5,
        "min_similarity_toll": 0.3,
        "decimal_comma": [],
    }


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def decimal_comma(text: str) -> str:
    """European digits in English style, character for character: "1.200,5" -> "1,200.5",
    "3,5" -> "3.5" (offsets are kept)."""
    return re.sub(r"(?<=\d)[.,](?=\d)", lambda m: "," if m.group() == "." else ".", text)


@lru_cache(maxsize=16384)  # pure; copies of a story repeat its sentences
def _sentence_claims(text: str, clauses: tuple[tuple[int, int], ...], european: bool) -> tuple[tuple, ...]:
    """What a sentence's claims are made of, one tuple per quantity: (quantity, its start and end
    in the sentence, display, context, confidence, question, crowded). `clauses`: the sentence's
    clauses as offsets into `text`; `european`: its digits are read with decimal_comma."""
    found = find_quantities(decimal_comma(text) if european else text, clauses)
    question = text.rstrip().rstrip("\"'\u201d\u2019)").endswith("?")
    # three numbers or more make a statistics line (a quake's magnitude beside its toll does not)
    crowded = sum(q.unit != "magnitude" for q in found) >= 3
    readings = []
    for q in found:
        start, end = q.start, q.end
        clause = next(((a, b) for a, b in clauses if a <= start < b), (0, len(text)))  # Sentence.clause_at
        ctx = _context(text[clause[0]:start] + " " + text[end:clause[1]], q.noun)
        if len(content_terms(ctx)) < 3 or q.role in TOLL_ROLES:
            # a toll is told in one clause here, over a whole sentence there: the sentence
            ctx = _context(text[:start] + " " + text[end:], q.noun)
        if len(content_terms(ctx)) < 2 and q.noun and q.role:
            # "About 3,000 people were evacuated.": the noun and its role are all there is to
            # align on (a statistic such as "He had 269 yards." is too bare to compare)
            ctx = text[:start] + " " + text[end:]
        confidence = 0.6 if q.qualifier == "vague" else 0.85 if q.qualifier else 1.0
        readings.append((q, start, end, " ".join(text[start:end].split()), ctx, confidence, question, crowded))
    return tuple(readings)


_LOWER_WORD = re.compile(r"[a-z][a-z]+")


class _LowercaseWords:
    """The words of two letters or more that a text writes in lower case, for `word in words`
    (see `_names`): each word asked for is looked up in the text, once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.known: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        found = self.known.get(word)
        if found is None:
            found = self.known[word] = bool(_LOWER_WORD.fullmatch(word)) and _find_word(self.text, word) >= 0
        return found


@factcheck.hookimpl
def factcheck_extract(document, context):
    text = document.text
    quoted = quoted_spans(text, document.paragraphs)
    lowercase = _LowercaseWords(text)
    european = any(fnmatch.fnmatch(document.name, pattern) or fnmatch.fnmatch(document.path, pattern)
                   for pattern in context.options.get("decimal_comma") or ())
    claims = []
    for sentence in document.sentences:
        _, atoms, scores_and_fractions = _reading(decimal_comma(sentence.text) if european else sentence.text)
        if not atoms and not scores_and_fractions:
            continue  # no quantity in any clauses
        offset = sentence.start
        clauses = tuple((c.start - offset, c.end - offset) for c in sentence.clauses)
        readings = _sentence_claims(sentence.text, clauses, european)
        if not readings:
            continue
        anchors, names = _anchors(sentence.text), _names(sentence.text, lowercase)
        for q, start, end, display, ctx, confidence, question, crowded in readings:
            start, end = offset + start, offset + end
            inside = any(a <= start < b for a, b in quoted)
            claims.append(context.claim(
                q.kind, document, sentence, start, end, q, display=display,
                context=ctx, confidence=confidence, key=q.key, quoted=inside,
                noun=q.noun, role=q.role, question=question, crowded=crowded,
                anchors=anchors, names=names))
    return claims


_NAME_STOP = {w.capitalize() for w in STOPWORDS} | {m.capitalize() for m in MONTH_WORDS} | {
    d.capitalize() for d in WEEKDAY_WORDS} | {"I", "Mr", "Mrs", "Ms", "Dr"}


# a word that starts a sentence or a quotation; an adverb such as "Nearly"
_SENTENCE_BREAK_BEFORE = re.compile(r"[.!?:\"]\s*$")
_LONG_LY_WORD = re.compile(r"[a-z]{3,}ly")


@lru_cache(maxsize=16384)  # pure; copies of a story repeat its sentences
def _name_words(text: str) -> tuple[frozenset, tuple[tuple[str, str], ...]]:
    """What `_names` reads in a sentence: the stems of its names, and (the word in lower case, its
    stem) for each word starting the sentence or a quotation that is a name unless the document
    writes it in lower case."""
    names, starts = set(), []
    for i, (w, s, e) in enumerate(words(fold_punctuation(text))):
        if not w[:1].isupper():
            continue
        first = i == 0 or _SENTENCE_BREAK_BEFORE.search(text[:s])
        low = w.lower()
        if first and (low in STOPWORDS or _LONG_LY_WORD.fullmatch(low) or QUALIFIER_RE.fullmatch(w + " ")):
            continue  # "Nearly 3,000 residents ...": an adverb or a qualifier, no name
        w = _POSSESSIVE_ENDING.sub("", w)
        if w in _NAME_STOP or len(w) < 2 or w.lower() in _NUMBER_WORDS:
            continue
        key = stem(w.lower())  # (stem lowers the word: in lower case it is the key content_terms cached)
        if first:
            starts.append((low, key))
        else:
            names.add(key)
    return frozenset(names), tuple(starts)


def _names(text: str, lowercase=frozenset()) -> frozenset:
    """Capitalised words: who and where. A sentence's first word counts when the document never
    writes it in lower case ("Manning completed ..." but not "Police said ..."); `lowercase`:
    the document's words in lower case (a set, or _LowercaseWords)."""
    names, starts = _name_words(text)
    if not starts:
        return names
    return names.union([key for low, key in starts if low not in lowercase])


_ANCHOR_RE = re.compile(
    r"\b(?:1[89]\d\d|20\d\d)\b|\b(?:January|February|March|April|June|July|August|September|"
    r"October|November|December)\b|\b(?:ago|last\s+year|previous|previously|earlier\s+this|"
    r"in\s+the\s+past|former|since)\b", re.I)


@lru_cache(maxsize=16384)  # pure; copies of a story repeat its sentences
def _anchors(text: str) -> frozenset:
    """Years, months and words that set a sentence in the past: background, not the story."""
    return frozenset(re.sub(r"\s+", " ", m.group().lower()) for m in _ANCHOR_RE.finditer(text))


def _context(text: str, noun: str) -> str:
    """What the claim aligns on: its clause without the number and without the counted noun
    (the noun is compared through the key; aligning on it too would make any two clauses about
    "years" or "touchdowns" look alike)."""
    at = _find_word(text, noun) if noun else -1
    return text[:at] + " " + text[at + len(noun):] if at >= 0 else text


def _find_word(text: str, word: str) -> int:
    """The offset of the first `word` in `text` with no word character either side (\\w:
    alphanumeric or _), -1 if none."""
    at, size = text.find(word), len(word)
    while at >= 0:
        before, after = text[at - 1:at], text[at + size:at + size + 1]
        if not (before and (before.isalnum() or before == "_")) and not (after and (after.isalnum() or after == "_")):
            return at
        at = text.find(word, at + 1)
    return -1


def _similar(pair, options, bare: bool, toll: bool = False) -> bool:
    shared = len(pair.shared)
    if shared < options["min_shared_terms"]:
        return False
    floor = options["min_similarity_bare"] if bare else options["min_similarity"]
    if toll and not bare:
        floor = min(floor, options["min_similarity_toll"])
    if pair.similarity >= floor:
        return True
    return (not bare and pair.containment >= options["min_containment"]
            and pair.similarity >= options["min_similarity_contained"]
            and shared >= options["min_shared_contained"])


def _unit_slip(a: Quantity, b: Quantity) -> bool:
    """The same number written with two different units of one measure ("300 km" / "300 miles")."""
    if a.kind != "measure" or a.noun.lower() == b.noun.lower():
        return False
    if MEASURE_UNITS[re.sub(r"\s+", " ", a.noun.lower())] == MEASURE_UNITS[re.sub(r"\s+", " ", b.noun.lower())]:
        return False  # "km" and "kilometres"
    number_a = parse_number(a.text[:len(a.text) - len(a.noun)].rstrip(" -"))
    number_b = parse_number(b.text[:len(b.text) - len(b.noun)].rstrip(" -"))
    return number_a is not None and number_a == number_b


def _magnitude_slip(a: Quantity, b: Quantity) -> bool:
    if a.kind == "score" or not (a.exact and b.exact) or a.nominal <= 0 or b.nominal <= 0:
        return False
    ratio = max(a.nominal, b.nominal) / min(a.nominal, b.nominal)
    if ratio < 9:
        return False
    power = math.log10(ratio)
    if abs(power - round(power)) < 0.005:
        return True  # same digits, another power of ten
    return a.scale != b.scale and max(a.scale, b.scale) >= 10 ** 6 and ratio >= 100


def _format(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _thing(claim) -> str:
    q: Quantity = claim.value
    noun = q.noun.lower() if q.noun and not q.noun[:1].isupper() else q.noun
    if q.kind == "age":
        return "the age"
    if q.kind == "score":
        return "the score"
    if q.kind == "measure":
        return {"length": "the distance", "mass": "the weight"}.get(q.unit, f"the {q.unit}")
    if q.kind == "percent":
        what = "percentage points" if q.unit == "pp" else "percentage"
        return f"the {what} of {noun}" if noun else f"the {what}"
    if q.kind == "money":
        return f"the amount ({q.unit}) of {noun}" if noun else f"the amount ({q.unit})"
    if not noun or noun.lower() in ROLE_NOUNS or q.noun_key == "people":
        noun = "people"
    if q.part == "increment":
        noun = f"other {noun}"  # "four other people died": beyond those counted before
    return f"{noun} {q.role}" if q.role else noun


def split_sides(claims) -> list[list]:
    """Claims in sides: each joins the first side whose first claim's value overlaps its own."""
    sides: list[list] = []
    for claim in claims:
        for side in sides:
            if side[0].value.overlaps(claim.value):
                side.append(claim)
                break
        else:
            sides.append([claim])
    return sides


def _describe(claim) -> str:
    return f"{claim.document.name} says {claim.display} ('{_short(claim.sentence.text, 90)}')"


def _dates_note(chosen) -> str:
    """Publication dates (with their times, when every story has one) that differ: a figure such
    as a toll may have changed between the stories."""
    dates = {c.document.name: c.document.published for c in chosen}
    if any(d is None for d in dates.values()):
        return ""
    times = {c.document.name: c.document.published_at for c in chosen}
    if all(t is not None for t in times.values()) and len(set(times.values())) > 1:
        listed = ", ".join(f"{name} {t.isoformat(sep=' ', timespec='minutes')}" for name, t in times.items())
        when = "on different dates" if len(set(dates.values())) > 1 else "at different times"
    elif len(set(dates.values())) > 1:
        listed = ", ".join(f"{name} {d.isoformat()}" for name, d in dates.items())
        when = "on different dates"
    else:
        return ""
    return (f" The stories were published {when} ({listed}): the figure may have "
            f"changed between them (a toll rising), which would explain the difference.")


@factcheck.hookimpl
def factcheck_compare(pairs, claims, context):
    options = {**factcheck_options(), **context.options}
    links = UnionFind()
    find = links.find

    # A sentence telling two values of one thing (a change, a list) is ambiguous.
    per_sentence: dict[tuple, list] = {}
    for claim in claims:
        per_sentence.setdefault((id(claim.sentence), claim.data.get("key")), []).append(claim)

    def ambiguous(claim) -> bool:
        return any(not other.value.overlaps(claim.value)
                   for other in per_sentence[(id(claim.sentence), claim.data.get("key"))]
                   if other is not claim)

    by_document: dict[tuple, list] = {}
    for claim in claims:
        if not claim.data.get("quoted"):
            by_document.setdefault((claim.document.index, claim.data.get("key")), []).append(claim)

    def like(claim, other) -> list:
        """The other claims of `other`'s document with a value like `claim`'s for the same thing."""
        return [c for c in by_document.get((other.document.index, claim.data.get("key")), ())
                if c is not other and c.value.overlaps(claim.value)]

    def confirmed_elsewhere(claim, other, similarity: float) -> bool:
        """The other document also gives a value like `claim`'s for the same thing (a toll given
        before and after it rose, a total and a part): no disagreement between the sources.
        The other value must be told in a clause aligned with `claim`'s (similarity at least
        ``min_similarity``, or as close as the disagreeing pair): "1,500 houses destroyed" is not
        confirmed by "1,500 houses rendered unsafe" three paragraphs later."""
        found = like(claim, other)
        if not found:
            return False
        floor = min(similarity, options["min_similarity"])
        aligned = {id(c) for sim, c in partners.get(id(claim), ()) if sim >= floor}
        return any(id(c) in aligned for c in found)

    # What a pair is first told apart by, read once per claim: (never compared: quoted, or a
    # question), anchors, names, key.
    facts = {id(claim): (bool(claim.data.get("quoted") or claim.data.get("question")), claim.data.get("anchors"),
                         claim.data.get("names", frozenset()), claim.value.key) for claim in claims}

    disagreeing = []  # pairs whose values cannot overlap, unless the other document confirms them
    for pair in pairs:
        a, b = pair.a, pair.b
        skip_a, anchors_a, names_a, key_a = facts[id(a)]
        skip_b, anchors_b, names_b, key_b = facts[id(b)]
        if skip_a or skip_b:
            continue  # a quoted number; "(8 years?)": a question is no claim
        if anchors_a != anchors_b:
            continue  # one sentence is set in another year or month: maybe another event
        if names_a and names_b and names_a.isdisjoint(names_b):
            continue  # "Clark had 22 points" / "Hansbrough had 20 points": other people, places
        if key_a != key_b:
            continue
        qa, qb = a.value, b.value
        bare = (qa.kind == "age" or (qa.kind in ("money", "percent") and not qa.noun_key)
                or qa.kind == "measure" or qa.noun_key in DISTANCE_STEMS)  # "15 miles north of X" of what?
        toll = qa.role in TOLL_ROLES
        if not _similar(pair, options, bare or a.data.get("crowded") or b.data.get("crowded"), toll):
            continue
        if qa.overlaps(qb):
            links.union(id(a), id(b))
            continue
        if ambiguous(a) or ambiguous(b):
            continue
        disagreeing.append(pair)

    # The pairs, (similarity, other claim), of each claim of a disagreement that the other
    # document may confirm, for confirmed_elsewhere. (The links made below join the same groups
    # as if made in the loop above.)
    asked = {id(claim) for pair in disagreeing for claim, other in ((pair.a, pair.b), (pair.b, pair.a))
             if like(claim, other)}
    partners: dict[int, list] = {}
    for pair in pairs if asked else ():
        if id(pair.a) in asked:
            partners.setdefault(id(pair.a), []).append((pair.similarity, pair.b))
        if id(pair.b) in asked:
            partners.setdefault(id(pair.b), []).append((pair.similarity, pair.a))
    conflicts = []
    for pair in disagreeing:
        a, b = pair.a, pair.b
        qa, qb = a.value, b.value
        if confirmed_elsewhere(a, b, pair.similarity) or confirmed_elsewhere(b, a, pair.similarity):
            continue
        rule = ("numbers.unit-conflict" if _unit_slip(qa, qb)
                else "numbers.order-of-magnitude" if _magnitude_slip(qa, qb) else "numbers.count-conflict")
        conflicts.append(((rule, qa.key), pair))
        links.union(id(a), id(b))

    groups: dict[tuple, list] = {}
    for key, pair in conflicts:
        groups.setdefault((key, find(id(pair.a))), []).append(pair)

    findings = []
    for (key, _root), group in groups.items():
        rule = key[0]
        best: dict[int, tuple] = {}
        for pair in group:
            for claim in (pair.a, pair.b):
                rank = (claim.confidence, pair.similarity, -claim.start)
                doc = claim.document.index
                if doc not in best or rank > best[doc][0]:
                    best[doc] = (rank, claim)
        sides = split_sides(best[d][1] for d in sorted(best))
        if len(sides) < 2:
            continue
        chosen = [c for side in sides for c in side]
        thing = _thing(chosen[0])
        if len(chosen) <= 2:
            body = "; ".join(_describe(c) for c in chosen)
        else:
            body = "; ".join(
                f"{side[0].display} in {', '.join(c.document.name for c in side)}" for side in sides)
        if rule == "numbers.unit-conflict":
            message = (f"The sources give {thing} with the same number in different units: {body}. "
                       f"One of them probably has the wrong unit.")
        elif rule == "numbers.order-of-magnitude":
            values = sorted(c.value.nominal for c in (sides[0][0], sides[1][0]))
            factor = round(values[1] / values[0]) if values[0] else 0
            message = (f"The sources give {thing} values about {factor:,} times apart: {body}. "
                       f"A slip of a scale word (thousand, million, billion) or of a decimal point "
                       f"is likely.")
        else:
            message = f"The sources give different numbers for {thing}: {body}."
        message += _dates_note(chosen)
        similarity = max(p.similarity for p in group)
        confidence = min(c.confidence for c in chosen) * min(1.0, 0.5 + similarity)
        if _dates_note(chosen):
            confidence *= 0.7
        finding = context.finding(rule, message, chosen, confidence=confidence)
        if finding is not None:
            findings.append(finding)
    return findings
