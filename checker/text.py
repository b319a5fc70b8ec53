"""Small text utilities shared by the core and the plugins.

Everything here works without downloaded data: the stop-word list is written out below and
stemming uses NLTK's Porter stemmer, which is pure code.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .lazy_nltk import PorterStemmer

WORD_RE = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*", re.UNICODE)

# Scale words and their abbreviations ("1.2 million", "3bn"; "m" and "b" mean millions and
# billions only after a currency sign, which the reader checks).
SCALES = {"thousand": 10 ** 3, "million": 10 ** 6, "billion": 10 ** 9, "trillion": 10 ** 12}
SCALE_ABBR = {"k": 10 ** 3, "m": 10 ** 6, "mn": 10 ** 6, "mln": 10 ** 6, "b": 10 ** 9,
              "bn": 10 ** 9, "bln": 10 ** 9, "tn": 10 ** 12}

# Curly and typographic marks folded to their plain forms.
_PUNCT_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    "\u2026": "...",
})

STOPWORDS = frozenset("""
a about above after again against all also am an and any are aren't as at be because been before
being below between both but by can cannot could couldn't did didn't do does doesn't doing don't
down during each few for from further had hadn't has hasn't have haven't having he he'd he'll he's
her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it
it's its itself let's me more most mustn't my myself no nor not of off on once only or other ought
our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some such
than that that's the their theirs them themselves then there there's these they they'd they'll
they're they've this those through to too under until up very was wasn't we we'd we'll we're we've
were weren't what what's when when's where where's which while who who's whom why why's will with
won't would wouldn't you you'd you'll you're you've your yours yourself yourselves said says say
told tell tells added according just now also would could one two mr mrs ms dr its it's
""".split())


# Place and organisation words, shared by the names and quotes plugins: a capitalised run with
# one of these is a place or an organisation, not a person ("Iruma Air Base", "Foreign Ministry").
# Words that are also common surnames (Park, Hall, Green) are left out.
PLACE_NAMES = frozenset("""
japan korea china russia ukraine france germany italy spain india pakistan israel palestine gaza
iran iraq syria turkey egypt canada mexico brazil australia taiwan philippines vietnam thailand
indonesia poland netherlands holland belgium sweden norway finland denmark greece hungary austria
switzerland ireland scotland wales england britain afghanistan nigeria kenya argentina chile
colombia venezuela cuba belarus lebanon jordan qatar europe asia africa america americas antarctica
arctic california texas florida york london paris tokyo seoul beijing moscow kyiv kiev washington
malibu hollywood angeles berlin rome madrid brussels geneva vienna warsaw kabul tehran baghdad
damascus jerusalem cairo delhi mumbai shanghai osaka busan pyongyang taipei manila jakarta hanoi
bangkok sydney toronto ottawa chicago boston atlanta dallas houston miami seattle denver
manhattan brooklyn bronx queens oxford cambridge harvard yale kremlin pentagon crimea donbas
donetsk luhansk kharkiv odesa mariupol bakhmut sayama iruma hokkaido okinawa kyushu
albania algeria andorra angola armenia azerbaijan bahamas bahrain bangladesh barbados belize benin
bhutan bolivia bosnia herzegovina botswana brunei bulgaria burkina faso burundi cambodia cameroon
chad comoros congo croatia cyprus czechia djibouti dominica ecuador eritrea estonia eswatini
ethiopia fiji gabon gambia ghana grenada guatemala guinea guyana haiti honduras iceland jamaica
kazakhstan kiribati kosovo kuwait kyrgyzstan laos latvia lesotho liberia libya liechtenstein
lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius moldova
monaco mongolia montenegro morocco mozambique myanmar burma namibia nauru nepal nicaragua niger
macedonia oman palau panama paraguay peru portugal romania rwanda samoa senegal serbia seychelles
singapore slovakia slovenia somalia sudan suriname tajikistan tanzania togo tonga trinidad tobago
tunisia turkmenistan tuvalu uganda uruguay uzbekistan vanuatu vatican yemen zambia zimbabwe tibet
kashmir darfur chechnya ossetia abkhazia catalonia crimea balkans caucasus caribbean scandinavia
""".split())
# First words of multi-word place names ("New", "South", "Hong").
PLACE_PREFIXES = frozenset("new los las san santa north south east west saint st fort port mount hong sri el united upper lower central great greater".split())
ORG_WORDS = frozenset("""
center centre base house street avenue road square bridge river lake mountain mountains island
islands sea ocean bay gulf valley hills beach city county state states republic kingdom
province region district prefecture peninsula strait canal tower building stadium palace
theatre theater university college school academy institute hospital clinic treatment airport
station hotel council committee commission ministry department agency bureau office party union
alliance league federation association organization organisation foundation fund bank company
corporation corp inc ltd co group holdings partners news times post weekly daily journal tribune
herald gazette magazine press media network channel radio television tv studios records pictures
airlines airways motors systems energy exchange market index court parliament congress senate
assembly government administration cabinet army navy force forces police guard guards command
coast military air base war wars crisis revolution summit treaty act bill law accord declaration
plan project program programme operation operations initiative strategy forum conference
festival award awards prize cup championship games olympics club team series show church mosque
temple cathedral museum library zoo cemetery province relief aid services service web site
website internet twitter facebook instagram youtube google microsoft apple amazon christmas
easter ramadan thanksgiving halloween new-year pacific atlantic democratic republican democrats
republicans labour conservative conservatives liberal liberals communist socialist greens
security defense defence intelligence national international central federal global world
harbour harbor port authority authorities directorate board trust watch rights coalition front
movement brigade battalion regiment division fleet unit naval research development institute
advisors advisers associates capital consulting ventures solutions industries enterprises labs
hurricane hurricanes storm typhoon cyclone tornado earthquake ranch farm farms mall plaza highway presse
""".split())

_STEMMER = PorterStemmer()


def fold_punctuation(text: str) -> str:
    """Curly quotes, dashes, non-breaking spaces and the ellipsis character to plain ASCII forms.

    Only 1:1 replacements except the ellipsis, so use it for comparison, not for offsets.
    """
    return text.translate(_PUNCT_FOLD)


@lru_cache(maxsize=100_000)  # pure, called on the same words again and again
def fold_diacritics(text: str) -> str:
    """'Zelenskyy' stays, 'Séoul' becomes 'Seoul'."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[tuple[str, int, int]]:
    """Word tokens with their offsets: ('U.S.-led' is one token, 'Suk-yeol' one token)."""
    return [(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text)]


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    return _STEMMER.stem(word.lower())


_TERM_PART_SPLIT = re.compile(r"[-'.]")


@lru_cache(maxsize=100_000)  # pure; copies of a story repeat their sentences and clauses
def content_terms(text: str) -> frozenset[str]:
    """The stemmed content words of a text: what alignment compares.

    Hyphenated and dotted tokens are split into parts ('U.S.-led' -> 'u', 's', 'led' are
    dropped or kept by length); stop words, numbers and one-letter parts are dropped.
    """
    terms = set()
    for token in WORD_RE.findall(fold_punctuation(text)):
        for part in _TERM_PART_SPLIT.split(token):
            low = part.lower()
            if len(low) < 2 or low.isdigit() or low in STOPWORDS:
                continue
            terms.add(stem(fold_diacritics(low)))
    return frozenset(terms)
