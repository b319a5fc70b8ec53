"""quotes: the same quotation worded differently, or given to different speakers.

A quotation is verbatim, so two outlets that quote the same remark should print the same words
and name the same speaker. The plugin pulls every quotation out of every document, works out who
said it, matches quotations across documents by their words (not by the sentence around them)
and reports the differences an editor should look at.

Extraction
    Quotations in straight and curly double quotes (" “ ” „), guillemets (« ») and single quotes
    (' ‘ ’). Double marks are paired by direction within a paragraph (curly marks by their shape,
    straight ones by the spaces around them; in order when the directions contradict), so a
    quotation may span sentences ('“..., ” he said. “So the war ...”' are two quotations). A
    single-quote pair needs a word boundary outside each mark ("we're", "Reid's" and "her'party"
    are not quotation marks). A quotation left open at the end of a paragraph runs to its end; a
    closing mark before any opening one in a paragraph ends a quotation that began at the
    paragraph's start (a continued quotation, or "..., ' she told the magazine"). A claim's span
    is the quoted text without its marks, its alignment context the quotation's own words, its
    value the normalised word tuple (a quotation over several sentences shows all of them as its
    evidence sentence, ``Claim.evidence_span``); ``data`` holds ``speaker``, ``how`` (explicit,
    pronoun, inherited, paragraph, unknown or None) and ``quote`` (the normalised words).

Speaker
    From the reporting verbs in the quotation's sentence: '"...," X said', '"...," said X', 'X
    said "..."', 'X, <apposition>, said "..."' (after a quotation too: '"...," X, a 22-year-old
    resident of ..., said', up to 20 words), 'The engineer, X, warned "..."', 'X says ...,
    adding that "..."', 'X told reporters "..."', 'according to X', 'X: "..."' (a headline), and
    for a partial quotation 'X called it "..."', 'X described the plan as "..."'. An
    organisation speaks too ('the ministry said' -> "the ministry", 'The Foreign Ministry said'
    -> "Foreign Ministry"); it is never taken for a person. Middle initials stay in the name
    ("Michael J. Fox said"). Titles and job words are stripped ("NATO Secretary-General Jens
    Stoltenberg" -> Jens Stoltenberg; "Tara Reid's representative Jack Ketsoyan" -> Jack
    Ketsoyan; "said Microsoft security head Christopher Budd" -> Christopher Budd), "X and Y
    said" keeps both, and a sentence-opening adverb is no name ("Ironically Nichols said" ->
    Nichols). A surname is completed from the document ("Stoltenberg" -> "Jens Stoltenberg")
    unless two people of the document share it ("Roy Williams", "Marvin Williams": "Williams"
    stays as written); a name written family name first is found by its first word too ("Li
    said" -> "Li Qiang"). "he/she said" is resolved to the last person named outside quotation
    marks before it (a name of two or more capitalised words that is not a known place or
    organisation, or that person's surname). A quotation without attribution that directly
    follows an attributed one in the same paragraph (or continues it from the previous
    paragraph) inherits its speaker (``how`` inherited). A quotation running over paragraphs
    ('“... <end of paragraph>' then '“...,” X said.') is one remark: its unattributed first
    paragraphs take the speaker named at its end. A paragraph that opens with an unattributed
    quotation right after a paragraph quoting someone is most likely that person again: ``how``
    and ``basis`` "paragraph", shown as the speaker but never firm enough for a speaker
    conflict. An unknown speaker is None.

Matching and normalisation
    Before comparing: quotation marks, dashes, ellipses, case, punctuation, diacritics,
    hyphenation, apostrophes ("I ’ m" = "I'm"), lost spaces ("Police'locked") and British/American
    spellings (defence/defense, -ise/-ize, -our/-or, -tre/-ter, travelled/traveled) are
    normalised and bracketed editorial insertions ("[Vladimir]", "(Tara Reid)") are dropped.
    Quotations of different documents are compared when they share two content words (plus the
    core's aligned pairs); difflib aligns their words. They are the same quotation when at least
    ``min_overlap_words`` words are shared (two of them content words, not only names), the
    aligned stretch covers ``min_coverage`` of one of them and is mostly shared words, content
    words included (``min_alignment``). Where both quotations go on with different words beyond
    the shared stretch (two remarks sharing "the war in Ukraine") they are not the same. A
    quotation that starts or ends a sentence at the shared words simply quotes less (a
    truncation), and a gap where an insertion or an ellipsis was dropped is editorial.

Rules
    ``quotes.wording`` (warning; info for a connective)
        The same quotation with words changed, inserted or dropped inside the shared stretch
        (or a different first or last word): warning, with the word-level difference ("[any of
        that] vs [anything]", "[So] only in b.txt"). When the only difference is a leading or
        trailing connective (So, And, But, Yet, Then, Or, Now, Well) it is info. Identical
        quotations and truncations (one quotation is part of the other) are not reported. One
        finding per pair of differing versions, with one evidence item per document.
    ``quotes.speaker-conflict`` (error)
        The same words (at least ``speaker_min_words`` of them, covering
        ``speaker_min_coverage`` of the shorter quotation) given to two different people. Only
        firm attributions count: the speaker named in the quotation's own attribution (or carried
        over from the quotation just before it), never one guessed from "he said"; both speakers
        must look like people (a company, ministry or place is often credited with its
        spokesperson's words); and a quotation in the first person plural ("we", "our") is a
        joint statement that may be credited to any of its authors. Names are compared through
        the alias table (``context.aliases.same``); a surname, a misspelling ("Wetzler" /
        "Welzler"), one family name or one of two joint speakers counts as the same person. An
        unknown speaker never conflicts.
    ``quotes.paraphrase-as-quote`` (warning)
        A quotation of a named speaker (explicit attribution, at least ``paraphrase_min_words``
        words) that only one document prints, while another document gives the same words
        without quotation marks in a sentence with a reporting verb and the speaker's name
        ('Duarte said the port would stay closed ...'): a paraphrase may have been turned into a
        quotation. The unquoted sentence must hold every word of the quotation in order, up to
        the shifts of reported speech (I/we -> he/she/they, my/our -> his/her/their, will ->
        would, is -> was, and other tenses of the same word by their Porter stem), an edge stop
        word and at most two inserted words such as 'that', 'to', 'did' (never a negation). Not
        reported when another document quotes most of the same words too (then it is a real
        quotation, compared by ``quotes.wording``), nor for a sentence holding a quotation mark
        the extraction did not pair.

Options
    ``min_overlap_words``, ``min_coverage``, ``min_alignment`` (matching), ``speaker_min_words``,
    ``speaker_min_coverage`` (speaker conflicts), ``paraphrase_min_words`` (6).
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import chain
from typing import NamedTuple, Optional

from rapidfuzz import fuzz

import factcheck
from factcheck.text import (ORG_WORDS, PLACE_NAMES, PLACE_PREFIXES, STOPWORDS, WORD_RE, fold_diacritics,
                            fold_punctuation, stem)

# ---------------------------------------------------------------------------------------------
# Rules and options

RULES = [
    factcheck.Rule(
        "quotes.wording", "warning",
        "The same quotation is worded differently in two documents.",
        "A quotation is verbatim, so the same remark should carry the same words everywhere. "
        "Quotations are matched across documents by their words; after normalising quotation "
        "marks, dashes, ellipses, case, punctuation, bracketed editorial insertions and British/"
        "American spellings, words changed, inserted or dropped inside the shared stretch are "
        "reported at warning with the word-level difference. A quotation that is only part of "
        "the other (a truncation) is not reported; when only a leading or trailing connective "
        "('So', 'And', 'But') differs, the finding is info.",
        "a.txt: she said she didn't “need to do any of that anymore”\n"
        "b.txt: “I don't need to do anything anymore,” she said.\n"
        "-> quotes.wording (warning): [any of that] vs [anything]",
    ),
    factcheck.Rule(
        "quotes.speaker-conflict", "error",
        "The same quotation is attributed to different speakers.",
        "The speaker of a quotation comes from the reporting verbs around it ('X said', 'said "
        "X', 'according to X'). When two documents give the same words to two different people, "
        "one of them is wrong. Only firm attributions count: a speaker named in the quotation's "
        "own attribution (not guessed from 'he said'), who looks like a person (not a company "
        "credited with its spokesperson's words), for a quotation that is not a joint statement "
        "('we', 'our'). Names are compared through the alias table; a surname, a misspelling or "
        "one of two joint speakers counts as the same person; an unknown speaker never conflicts.",
        "a.txt: “I will rebuild the bridge by spring,” Mayor Ann Ortiz said.\n"
        "b.txt: “I will rebuild the bridge by spring,” said council member Tom Reyes.\n"
        "-> quotes.speaker-conflict (error): Ann Ortiz vs Tom Reyes",
    ),
    factcheck.Rule(
        "quotes.paraphrase-as-quote", "warning",
        "Words one document quotes directly are reported speech in the others.",
        "A quotation only one document prints, whose words the other documents give without "
        "quotation marks, in a sentence with a reporting verb ('X said Japan would ...'), may be a "
        "paraphrase turned into a quotation. Reported when the quotation has at least "
        "`paraphrase_min_words` words and the unquoted sentence holds all of its content words "
        "in order, differing at most by the shifts of reported speech (I/we -> he/she/they, "
        "my/our -> his/her/their, will/can/is -> would/could/was ...). Not reported when a "
        "second document quotes the same words too.",
        "a.txt: Ortiz said the city would rebuild the bridge by spring.\n"
        "b.txt: “The city will rebuild the bridge by spring,” Ortiz said.\n"
        "-> quotes.paraphrase-as-quote (warning): only b.txt quotes it; a.txt reports it",
    ),
]

OPTIONS = {
    "min_overlap_words": 4,      # shared words needed before two quotations can be the same
    "min_coverage": 0.65,        # share of one quotation that the alignment must cover
    "min_alignment": 0.6,        # shared words / (shared + changed) inside the aligned stretch
    "speaker_min_words": 5,      # shared words needed before a speaker conflict is reported
    "speaker_min_coverage": 0.9,  # share of the shorter quotation covered for a speaker conflict
    "paraphrase_min_words": 6,   # words a quotation needs before its paraphrase elsewhere is reported
}


@factcheck.hookimpl
def factcheck_rules():
    return list(RULES)


@factcheck.hookimpl
def factcheck_options():
    return dict(OPTIONS)


# ---------------------------------------------------------------------------------------------
# Word lists

DOUBLE_MARKS = set('"\u201c\u201d\u201e\u201f\u00ab\u00bb')
SINGLE_OPEN = set("'\u2018\u201b")
SINGLE_CLOSE = set("'\u2019")
# The same marks as patterns, to find them without a loop over every character.
_DOUBLE_MARK_RE, _SINGLE_OPEN_RE, _SINGLE_CLOSE_RE = (
    re.compile("[" + re.escape("".join(sorted(marks))) + "]") for marks in (DOUBLE_MARKS, SINGLE_OPEN, SINGLE_CLOSE))
OPEN_BEFORE = set("([{\u2014\u2013-/\u201c\":")  # a colon too: "Told Howell:'I hope ..."
CLOSE_AFTER = set(".,;:!?)]}\u2014\u2013-\u201d\"")
MASK = "\u25a1"

FINITE_VERBS = frozenset("""
said says say added adds told tells stated states explained explains noted notes insisted insists
declared declares warned warns wrote writes asked asks replied replies continued continues
claimed claims argued argues stressed stresses emphasised emphasized emphasises emphasizes
remarked remarks recalled recalls confirmed confirms announced announces criticised criticized
criticises criticizes admitted admits acknowledged acknowledges observed observes commented
comments tweeted tweets posted quipped joked concluded concedes conceded urged urges demanded
demands promised promises vowed vows predicted predicts suggested suggests maintained maintains
reiterated reiterates responded responds answered answers exclaimed whispered shouted
""".split())
PARTICIPLES = frozenset("""
saying adding telling noting explaining stressing warning insisting declaring writing arguing
claiming emphasising emphasizing urging recalling
""".split())
AFTER_VERB_FIRST = FINITE_VERBS - {"told", "tells"}  # '"...," said X' (never '"...," told X')
VERB_RE = re.compile(r"\b(" + "|".join(sorted(FINITE_VERBS | PARTICIPLES, key=len, reverse=True))
                     + r")\b", re.IGNORECASE)
# A verb that frames a partial quotation: 'called it “a tragedy”', 'described the plan as “...”'.
PARTIAL_RE = re.compile(
    r"\b(?:called|calls|described|describes|dubbed|dubs|termed|terms|branded|brands)\s+"
    r"(?:it|him|her|them|this|that|(?:the|his|her|their|its)\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:as\s+)?$",
    re.IGNORECASE)
APPOSITION_START_RE = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+,\s+(?:an?|the)\s")
ACCORDING_RE = re.compile(r"\baccording\s+to\s+", re.IGNORECASE)

PASSIVE_AUX = frozenset("was were been being be is are am".split())
SKIP_BEFORE_VERB = frozenset("""
has have had also later then again further previously recently earlier reportedly repeatedly
publicly once would will did does do not never just already himself herself themselves itself
has's quickly simply flatly bluntly angrily proudly
""".split())
PREPOSITIONS = frozenset("""
of to for with from by about at in on against into onto toward towards between among after before
than like telling told tell tells asked asks near over under
""".split())
PRONOUNS = {"he": "he", "she": "she"}

TITLES = frozenset("""
president vice prime minister secretary secretary-general general chancellor senator sen rep
representative gov governor mayor king queen prince princess pope chairman chairwoman chair ceo
director chief executive spokesman spokeswoman spokesperson ambassador commissioner judge justice
lt col gen capt sgt dr mr mrs ms prof professor foreign defense defence deputy sir lord lady dame
coach manager captain officer inspector detective sheriff attorney counsel leader premier
president-elect emperor sheikh crown publicist actress actor singer star minister-president chef
founder co-founder cofounder head analyst researcher producer producers host comedian author writer
editor economist scientist lawyer doctor commander colonel lieutenant sergeant admiral bishop
cardinal rabbi imam reverend rev senior junior resident witness survivor owner partner
""".split())
DETERMINERS = frozenset("the a an his her its their our".split())
NOT_NAMES = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april june july
august september october november december he she it they we you i
""".split())
PARTICLES = frozenset("de da del della di van von der den la le bin ibn al el dos du ter".split())
PLACE_WORDS = ORG_WORDS | PLACE_NAMES  # factcheck.text: one list for names and quotes
# Lowercase organisations that speak ('the ministry said'): named speakers, never people.
ORG_SPEAKERS = frozenset("""
ministry agency company government department office police council committee commission
embassy army military court prosecutors authorities authority firm group union party club team
network campaign administration organisation organization foundation institute university
hospital school airline bank
""".split())
CONNECTIVES = frozenset("so and but yet then or now well".split())
STOP = frozenset(w.replace("'", "") for w in STOPWORDS)  # stop words as normalised quote words

_OUR_EXCEPTIONS = ("four", "your", "hour", "tour", "pour", "flour", "sour", "dour", "journ",
                   "court", "cours", "ourselv", "devour", "contour", "detour", "amour")
_LL_STEMS = ("travel", "cancel", "label", "model", "fuel", "signal", "total", "level", "counsel",
             "marvel", "channel", "jewel", "dial", "duel", "equal", "rival", "tunnel", "quarrel",
             "libel", "pedal", "shovel", "label", "panel", "funnel", "worship", "kidnap")
_LL_PREFIXES = tuple(stem_ + "l" for stem_ in _LL_STEMS)  # 'travell', 'cancell', ...
_SPELLING = {"defence": "defense", "offence": "offense", "pretence": "pretense",
             "licence": "license", "programme": "program", "programmes": "programs",
             "grey": "gray", "ageing": "aging", "judgement": "judgment", "aluminium": "aluminum",
             "cheque": "check", "tyre": "tire", "tyres": "tires", "plough": "plow",
             "sceptical": "skeptical", "whilst": "while", "amongst": "among", "manoeuvre": "maneuver",
             "storey": "story", "mould": "mold", "moult": "molt", "catalogue": "catalog",
             "dialogue": "dialog", "analogue": "analog", "enrol": "enroll", "fulfil": "fulfill"}


# British spellings: realise, analyse, centre, colour
_BRITISH_ISE = re.compile(r"^(\w{3,}?)is(e|es|ed|ing|ation|ations|er|ers)$")
_BRITISH_YSE = re.compile(r"^(\w{2,}?)ys(e|es|ed|ing)$")
_BRITISH_TRE = re.compile(r"^(\w{2,}[^aeiou])(t|b)re(s|d)?$")
_BRITISH_OUR = re.compile(r"(?<=\w)our")


@lru_cache(maxsize=65536)  # pure, and a story repeats its words
def spelling(word: str) -> str:
    """One spelling for British and American variants: 'defence' -> 'defense', 'realise' ->
    'realize', 'colour' -> 'color', 'centre' -> 'center', 'travelled' -> 'traveled'."""
    if word in _SPELLING:
        return _SPELLING[word]
    if len(word) >= 6 and "our" in word[1:] and not any(x in word for x in _OUR_EXCEPTIONS):
        word = _BRITISH_OUR.sub("or", word)
    # each pattern only where its letters are (a regex call costs more than the test)
    if "is" in word:
        word = _BRITISH_ISE.sub(r"\1iz\2", word)
    if "ys" in word:
        word = _BRITISH_YSE.sub(r"\1yz\2", word)
    if "re" in word:
        word = _BRITISH_TRE.sub(lambda m: f"{m.group(1)}{m.group(2)}er{m.group(3) or ''}", word)
    if word.startswith(_LL_PREFIXES):
        for stem_ in _LL_STEMS:
            if word.startswith(stem_ + "l") and word[len(stem_) + 1:] in ("ed", "ing", "er", "ers"):
                return stem_ + word[len(stem_) + 1:]
    return word


# ---------------------------------------------------------------------------------------------
# Normalised words of a quotation

_EDITORIAL_RE = re.compile(r"\[[^\]]*\]|\([^)]*\)|\.(?:\s*\.){2,}")


@dataclass(frozen=True)
class QuoteWords:
    words: tuple[str, ...]      # normalised words (compared)
    surface: tuple[str, ...]    # the same words as printed (shown in messages)
    breaks: frozenset[int]      # word positions where an insertion or ellipsis was dropped
    stops: frozenset[int] = frozenset()  # word positions where a new sentence starts


# an apostrophe set off by tokenisation ("I ' m")
_SPACED_APOSTROPHE = re.compile(r"(?<=\w) ?' ?(?=\w)")
_SENTENCE_END = re.compile(r"[.!?]")
# an apostrophe where a space was lost ("Police'locked"), not a contraction
_LOST_SPACE_APOSTROPHE = re.compile(r"'(?!(?:s|t|m|re|ve|ll|d)\b)(?=\w)")
_DROP_WORD_INNER_MARKS = str.maketrans("", "", "-.'")


@lru_cache(maxsize=16384)  # pure, and copies of a story repeat its quotations
def quote_words(text: str) -> QuoteWords:
    """The normalised words of a quotation, with the positions of dropped editorial marks."""
    folded = _SPACED_APOSTROPHE.sub("'", fold_punctuation(text))  # "I ' m" -> "I'm"
    words: list[str] = []
    surface: list[str] = []
    breaks: set[int] = set()
    pos = 0
    pieces = []
    for match in _EDITORIAL_RE.finditer(folded):
        pieces.append((folded[pos:match.start()], True))
        pos = match.end()
    pieces.append((folded[pos:], False))
    stops: set[int] = set()
    for piece, followed_by_break in pieces:
        matches = list(WORD_RE.finditer(piece))
        for n, match in enumerate(matches):
            token = match.group()
            # "Police'locked down'" (a lost space) is two words; "don't", "Reid's" are one
            parts = _LOST_SPACE_APOSTROPHE.split(token) if "'" in token else [token]
            for part in parts:
                norm = spelling(fold_diacritics(part).casefold().translate(_DROP_WORD_INNER_MARKS))
                if norm:
                    words.append(norm)
                    surface.append(part)
            following = piece[match.end():matches[n + 1].start() if n + 1 < len(matches) else len(piece)]
            if following != " " and _SENTENCE_END.search(following.replace("...", "")):
                stops.add(len(words))
        if followed_by_break:
            breaks.add(len(words))
    return QuoteWords(tuple(words), tuple(surface), frozenset(breaks), frozenset(stops))


# ---------------------------------------------------------------------------------------------
# Finding quotations in a document


@dataclass
class Span:
    open: int            # offset of the opening mark (= start when there is none)
    start: int           # quoted text
    end: int
    close: int           # offset after the closing mark (= end when there is none)
    paragraph: int
    kind: str = "double"
    closed: bool = True
    continues: bool = False  # continues the previous paragraph's unclosed quotation
    speaker: Optional[str] = None
    how: Optional[str] = None  # explicit | pronoun | inherited | unknown | None (no attribution)
    cue: str = ""
    basis: Optional[str] = None  # explicit | pronoun: how the (possibly inherited) speaker was found


def _looks_closer(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in CLOSE_AFTER)


def _is_single_opener(text: str, i: int) -> bool:
    if text[i] not in SINGLE_OPEN:
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if not (before.isspace() or before in OPEN_BEFORE) or not after.isalnum():
        return False
    # elisions: 'em, 'til, 'n', '90s, 'tis
    return not re.match(r"(?:em|til|till|tis|twas|cause|n|\d\ds?)\b", text[i + 1:i + 7], re.IGNORECASE)


def _is_single_closer(text: str, i: int) -> bool:
    if text[i] not in SINGLE_CLOSE or i == 0:
        return False
    before = text[i - 1]
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isalnum() or before in ".,!?;:\u2026") and (after.isspace() or after in CLOSE_AFTER)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _attribution_follows(text: str) -> bool:
    """Does a reporting clause start here (', she told the magazine', ' said Smith')?"""
    return _after_attribution_raw(text) is not None


def _direction(text: str, i: int) -> Optional[str]:
    """'open', 'close' or None for a double mark: curly marks by their shape, straight ones by
    the spaces around them."""
    ch = text[i]
    if ch in "\u201c\u00ab":
        return "open"
    if ch in "\u201d\u00bb":
        return "close"
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if (before.isspace() or before in OPEN_BEFORE) and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or after in CLOSE_AFTER):
        return "close"
    return None


def _pair_double(para: str, marks: list[int], previous_open: bool):
    """(opening, closing-or-None) pairs and the offset of a closing mark without an opening one."""
    orphan = None
    pairs: list[tuple[int, Optional[int]]] = []
    if "\u201e" not in para:  # German „...“ uses “ as the closing mark
        expect, opened, consistent = "open", None, True
        for n, i in enumerate(marks):
            direction = _direction(para, i) or expect
            if direction == expect:
                if expect == "open":
                    opened, expect = i, "close"
                else:
                    pairs.append((opened, i))
                    opened, expect = None, "open"
            elif n == 0 and i > 0 and _direction(para, i) == "close":
                orphan = i  # the end of a quotation that started before this paragraph
            else:
                consistent = False
                break
        if consistent:
            if opened is not None:
                pairs.append((opened, None))
            return pairs, orphan
    # in order: the first mark opens, the second closes ...
    orphan = None
    if marks and len(marks) % 2 == 1 and _looks_closer(para, marks[0]) and marks[0] > 0 and (
            previous_open or _attribution_follows(para[marks[0] + 1:])):
        orphan, marks = marks[0], marks[1:]
    pairs = [(marks[k], marks[k + 1] if k + 1 < len(marks) else None) for k in range(0, len(marks), 2)]
    return pairs, orphan


@lru_cache(maxsize=16384)  # pure; copies of a story repeat their paragraphs
def _paragraph_quotes(para: str, previous_open: bool) -> tuple[tuple, bool]:
    """The quotations of one paragraph (whether the one before left a quotation open): its spans
    as (open, start, end, close, kind, closed, continues), offsets into the paragraph, and
    whether it leaves a quotation open."""
    text, p_start, p_end, p_index = para, 0, len(para), 0  # factcheck_extract adds the start and index
    found: list[Span] = []
    # double marks: paired by direction, or in order when the directions contradict
    marks = [m.start() for m in _DOUBLE_MARK_RE.finditer(para)]
    pairs, orphan = _pair_double(para, marks, previous_open)
    if orphan is not None:
        found.append(Span(p_start, p_start, p_start + orphan, p_start + orphan + 1, p_index,
                          continues=previous_open))
    for a, b in pairs:
        # '“...' left open at the end of the previous paragraph, continued by '“...' here
        continued = previous_open and not found and not para[:a].strip()
        if b is not None:
            found.append(Span(p_start + a, p_start + a + 1, p_start + b, p_start + b + 1, p_index,
                              continues=continued))
        else:
            found.append(Span(p_start + a, p_start + a + 1, p_end, p_end, p_index, closed=False,
                              continues=continued))
    # single marks, outside the double-quoted stretches
    inside = [(s.open - p_start, s.close - p_start) for s in found]

    def free(i: int) -> bool:
        return not any(a <= i < b for a, b in inside)

    openers = [i for i in (m.start() for m in _SINGLE_OPEN_RE.finditer(para)) if _is_single_opener(para, i) and free(i)]
    closers = [i for i in (m.start() for m in _SINGLE_CLOSE_RE.finditer(para)) if _is_single_closer(para, i) and free(i)]
    used: set[int] = set()
    singles: list[Span] = []
    last_end = -1
    for o in openers:
        if o <= last_end:
            continue
        c = next((c for c in closers if c > o + 1 and c not in used), None)
        if c is not None and all(free(i) for i in range(o, c)):
            used.add(c)
            singles.append(Span(p_start + o, p_start + o + 1, p_start + c, p_start + c + 1, p_index, "single"))
            last_end = c
        elif c is None and para[o + 1].isupper() and (para[:o].rstrip()[-1:] in ("", ".", "!", "?")):
            stop = min([a for a, _ in inside if a > o] + [len(para)])
            singles.append(Span(p_start + o, p_start + o + 1, p_start + stop, p_start + stop, p_index,
                                "single", closed=stop < len(para)))
            last_end = stop
    for c in closers:
        if c in used or any(s.open - p_start <= c < s.close - p_start for s in singles):
            continue
        if para[c - 1] in ",.!?" and (_attribution_follows(para[c + 1:]) or (previous_open and not found and not singles)):
            begin = max([s.close - p_start for s in found + singles if s.close - p_start <= c] + [0])
            singles.append(Span(p_start + begin, p_start + begin, p_start + c, p_start + c + 1, p_index,
                                "single", continues=previous_open and begin == 0))
            used.add(c)
    found.extend(singles)
    found.sort(key=lambda s: s.open)
    kept = []
    for span in found:
        span.start, span.end = _trim(text, span.start, span.end)
        if span.end > span.start and WORD_RE.search(text, span.start, span.end):
            kept.append(span)
    previous_open = any(not s.closed and s.end >= p_end - 1 for s in found) or (
        bool(found) and not found[-1].closed)
    return tuple((s.open, s.start, s.end, s.close, s.kind, s.closed, s.continues) for s in kept), previous_open


# ---------------------------------------------------------------------------------------------
# Names


def _is_name_word(word: str) -> bool:
    if not word[:1].isupper():
        return False
    low = word.casefold()
    return low not in STOPWORDS and low not in NOT_NAMES


def _possessive(word: str) -> bool:
    return word.endswith("'s") or word.endswith("\u2019s")


def _strip_possessive(word: str) -> str:
    return word[:-2] if _possessive(word) else word


@dataclass
class Run:
    start: int
    end: int
    words: list[str]

    @property
    def possessive(self) -> bool:
        return _possessive(self.words[-1])


def name_runs(text: str, start: int, end: int, lower=None) -> list[Run]:
    """Sequences of capitalised words (with name particles) between start and end. `lower`:
    the words the document writes in lower case (_lowercase_words of `text` when None)."""
    # No run goes over a line break (words join across a space or an initial's ". " only), so
    # each line's runs are found on its own, from a cache of the line's text: copies of a story
    # repeat their paragraphs.
    runs: list[Run] = []
    pos = start
    while True:
        newline = text.find("\n", pos, end)
        stop = end if newline < 0 else newline
        if stop > pos:
            runs.extend(Run(pos + s, pos + e, list(words)) for s, e, words in _line_runs(text[pos:stop]))
        if newline < 0:
            break
        pos = newline + 1
    return _drop_sentence_openers(text, runs, lower)


@lru_cache(maxsize=8192)
def _line_runs(text: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """name_runs of one line, before sentence openers are dropped: (start, end, words)."""
    runs: list[Run] = []
    current: Optional[Run] = None
    pending: list[tuple[int, int, str]] = []  # particles waiting for a capitalised word
    for match in WORD_RE.finditer(text):
        word = match[0]
        if not word[0].isupper() and word.casefold() not in PARTICLES:
            # an ordinary word ends any run: skipped here, it is in the gap before the next
            # word looked at, and a gap with a word in it joins nothing
            continue
        s, e = match.span()
        gap = text[current.end:s] if current is not None else ""
        initial = current is not None and gap == ". " and len(current.words[-1]) == 1 and not pending
        joined = current is not None and not current.possessive and (gap == " " or initial)
        if _is_name_word(word):
            if joined and (not pending or text[pending[-1][1]:s] == " "):
                if initial:  # a middle initial: 'Michael J. Fox', 'Rusli M. Saleh'
                    current.words[-1] += "."
                current.words.extend(p[2] for p in pending)
                current.words.append(word)
                current.end = e
            else:
                current = Run(s, e, [word])
                runs.append(current)
            pending = []
        elif joined and not pending and word.casefold() in PARTICLES:
            pending = [(s, e, word)]
        else:
            current = None
            pending = []
    return tuple((run.start, run.end, tuple(run.words)) for run in runs)


@lru_cache(maxsize=16384)  # copies of a story repeat their paragraphs
def _lowercase_words(text: str) -> frozenset[str]:
    """Words the document also writes in lower case ('police', 'ironically')."""
    return frozenset().union(*map(_line_lowercase_words, text.split("\n")))  # no word crosses a line


@lru_cache(maxsize=16384)  # copies of a story repeat their paragraphs
def _line_lowercase_words(line: str) -> frozenset[str]:
    return frozenset({w for w in WORD_RE.findall(line) if w[0].islower()})


class _LowerWords:
    """The words a document writes in lower case outside quotations (_lowercase_words of the
    masked document) from its pieces, the masked paragraphs: a document is asked about a few
    words (each paragraph about the same ones), so a word is looked up only in the pieces that
    hold it, and once."""
    __slots__ = ("pieces", "answers")

    def __init__(self, pieces: list[str]) -> None:
        self.pieces = pieces
        self.answers: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        found = self.answers.get(word)
        if found is None:
            found = self.answers[word] = any(word in piece and word in _lowercase_words(piece)
                                             for piece in self.pieces)
        return found


def _sentence_initial(text: str, pos: int) -> bool:
    while pos > 0 and text[pos - 1] in " \t":
        pos -= 1
    return pos == 0 or text[pos - 1] in '.!?:"\u201c\u201d\n' + MASK


def _drop_sentence_openers(text: str, runs: list[Run], lower=None) -> list[Run]:
    """'Ironically Nichols said' -> Nichols; 'Police said' -> no name ('police' in `lower`)."""
    kept = []
    for run in runs:
        if _sentence_initial(text, run.start):
            first = run.words[0]
            if first.casefold().endswith(("ly", "ing")) and len(first) > 4:
                if len(run.words) == 1:
                    continue
                rest = WORD_RE.search(text, run.start + len(first))
                run = Run(rest.start(), run.end, run.words[1:])
            elif len(run.words) == 1:
                if lower is None:
                    lower = _lowercase_words(text)
                if first.casefold() in lower:
                    continue
        kept.append(run)
    return kept


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def strip_titles(words: list[str]) -> list[str]:
    """'NATO Secretary-General Jens Stoltenberg' -> ['Jens', 'Stoltenberg']; an organisation
    keeps its words ('Foreign Ministry', 'Defense Department')."""
    return list(_strip_titles(tuple(words)))


@lru_cache(maxsize=16384)  # pure; a story names the same people again and again
def _strip_titles(words: tuple[str, ...]) -> tuple[str, ...]:
    words = list(words)
    if words and _strip_possessive(words[-1]).casefold() in PLACE_WORDS:
        return tuple(w for w in words[:-1] + [_strip_possessive(words[-1])] if w)
    last = -1
    for i, word in enumerate(words):
        if word.casefold().rstrip(".") in TITLES:
            last = i
    words = words[last + 1:]
    while len(words) > 1 and _is_acronym(words[0]):
        words = words[1:]
    if words:
        words = words[:-1] + [_strip_possessive(words[-1])]
    return tuple(w for w in words if w)


def run_name(run: Run) -> Optional[str]:
    words = strip_titles(run.words)
    return " ".join(words) if words else None


# ---------------------------------------------------------------------------------------------
# Attribution

@dataclass
class Attribution:
    kind: str                  # "name" | "pronoun" | "unknown" | "passive"
    name: Optional[str] = None
    pos: int = 0               # where the pronoun is (for resolving it)
    cue: str = ""


def _last_word(text: str) -> Optional[re.Match]:
    match = None
    for match in WORD_RE.finditer(text):
        pass
    return match


def subject_before(masked: str, region_start: int, verb_start: int, lower=None) -> Attribution:
    """The subject of a reporting verb: the name, pronoun or nothing right before it."""
    end = verb_start
    first = True
    while True:
        segment = masked[region_start:end]
        stripped = segment.rstrip()
        word = _last_word(stripped)
        if word is None or word.end() != len(stripped):
            break
        low = word.group().casefold()
        if first and low in PASSIVE_AUX:
            return Attribution("passive")
        first = False
        if low in SKIP_BEFORE_VERB:
            end = region_start + word.start()
            continue
        break
    stripped = masked[region_start:end].rstrip()
    if stripped.endswith(","):  # 'X, in Japan as part of his tour, said'; 'The engineer, Paul Brandt, said'
        pieces = [m.start() for m in re.finditer(",", stripped)]
        bounds = [0] + [c + 1 for c in pieces]
        candidates = []
        for a, b in zip(bounds, pieces):
            piece_end = region_start + len(stripped[:b].rstrip())
            runs = name_runs(masked, region_start + a, piece_end, lower)
            if runs and runs[-1].end == piece_end and not runs[-1].possessive and run_name(runs[-1]):
                candidates.append((runs[-1], (a, b)))
        whole = [r for r, (a, b) in candidates
                 if not masked[region_start + a:r.start].strip() and _person_like(run_name(r).split())]
        if whole:  # a piece that is just a person's name: 'Andrew Wetzler, director of ..., says'
            run = whole[0]
            return Attribution("name", run_name(run), run.start, masked[run.start:run.end])
        first_end = region_start + len(stripped[:pieces[0]].rstrip())
        if candidates and candidates[0][0].end == first_end and len(pieces) >= 2:
            run = candidates[0][0]
            return Attribution("name", run_name(run), run.start, masked[run.start:run.end])
        return Attribution("unknown")
    stop = region_start + len(stripped)
    word = _last_word(stripped)
    if word is None or word.end() != len(stripped):
        return Attribution("unknown")
    low = word.group().casefold()
    if low in PRONOUNS:
        return Attribution("pronoun", PRONOUNS[low], region_start + word.start(), word.group())
    if low in ORG_SPEAKERS:  # 'the ministry said', 'the company's statement said' is no subject
        det = _last_word(masked[region_start:region_start + word.start()].rstrip())
        if det is not None and det.group().casefold() in ("the", "its", "their") and \
                not masked[region_start + det.end():region_start + word.start()].strip():
            return Attribution("name", f"the {low}", region_start + det.start(), masked[region_start + det.start():stop])
    runs = name_runs(masked, max(region_start, stop - 200), stop, lower)
    if not runs or runs[-1].end != stop or runs[-1].possessive:
        return Attribution("unknown")
    run = runs[-1]
    before = _last_word(masked[region_start:run.start])
    if before is not None and before.group().casefold() in PREPOSITIONS and \
            masked[region_start + before.end():run.start].strip() == "":
        return Attribution("unknown")
    name = run_name(run)
    if not name:
        return Attribution("unknown")
    others = [r for r in runs[:-1] if re.fullmatch(r",?\s+and\s+", masked[r.end:run.start])]
    if others and run_name(others[-1]):  # 'producers Craig Zadan and Neil Meron said'
        name = f"{run_name(others[-1])} and {name}"
    return Attribution("name", name, run.start, masked[run.start:run.end])


def subject_after(masked: str, start: int, end: int, lower=None) -> Attribution:
    """The speaker named right after 'said' or 'according to' ('said NATO chief Jens ...')."""
    count = 0
    for match in WORD_RE.finditer(masked, start, end):
        word = match.group()
        low = word.casefold()
        if masked[start:match.start()].strip(" ,") and re.search(r"[.;:!?\u25a1]", masked[start:match.start()]):
            break
        if count == 0 and low in PRONOUNS:
            return Attribution("pronoun", PRONOUNS[low], match.start(), word)
        if _is_name_word(word):
            runs = name_runs(masked, match.start(), end, lower)
            if runs and runs[0].start == match.start():
                run = runs[0]
                if run.possessive:  # "Tara Reid's representative Jack Ketsoyan"
                    return subject_after(masked, run.end, end, lower)
                following = _after_run(masked, run.end, end, lower)
                if following is not None:
                    return following
                name = run_name(run)
                if name:
                    return Attribution("name", name, run.start, masked[run.start:run.end])
            return Attribution("unknown")
        if low in PREPOSITIONS or (low in STOPWORDS and low not in DETERMINERS):
            break
        count += 1  # 'the', titles, possessives, ages, job words: 'county engineer Paul Brandt'
        if count > 5:
            break
    return Attribution("unknown")


def _after_run(masked: str, start: int, end: int, lower=None) -> Optional[Attribution]:
    """After a name: 'and Neil Meron', or lowercase words then the person ('... head Christopher
    Budd'); 'unknown' when only lowercase words follow ('the Greek premier'); None otherwise."""
    tail = masked[start:end]
    both = re.match(r"\s+and\s+", tail)
    if both:
        runs = name_runs(masked, start + both.end(), end, lower)
        if runs and runs[0].start == start + both.end() and run_name(runs[0]):
            first = name_runs(masked, max(0, start - 120), start, lower)
            lead = run_name(first[-1]) if first and first[-1].end == start else None
            names = f"{lead} and {run_name(runs[0])}" if lead else run_name(runs[0])
            return Attribution("name", names, runs[0].start, masked[runs[0].start:runs[0].end])
        return None
    words = 0
    for match in WORD_RE.finditer(masked, start, end):
        if re.search(r"[,.;:!?()\u25a1]", masked[start:match.start()]):
            break
        word = match.group()
        low = word.casefold()
        if _is_name_word(word):
            if words == 0:
                return None
            runs = name_runs(masked, match.start(), end, lower)
            if runs and runs[0].start == match.start() and run_name(runs[0]):
                return Attribution("name", run_name(runs[0]), runs[0].start, masked[runs[0].start:runs[0].end])
            return None
        if low in PREPOSITIONS or (low in STOPWORDS and low not in DETERMINERS) or words >= 6:
            break
        words += 1
    return Attribution("unknown") if words else None


# the comma or dash after a quotation, an initial ("J."), a subject's determiner
_ATTRIBUTION_LEAD = re.compile(r"[\s,\u2014\u2013-]*")
_INITIAL = re.compile(r"\b[A-Z]\.")
_DETERMINER_START = re.compile(r"\s*(?:the|a|an|his|her|their|its|one|an?other)\b", re.I)


def _after_attribution(masked: str, start: int, end: int, lower=None) -> Optional[Attribution]:
    """An attribution right after a quotation: ', Smith said', ', said Smith', ', he told X'."""
    text = masked[start:end]
    lead = _ATTRIBUTION_LEAD.match(text).end()
    rest_start = start + lead
    match = ACCORDING_RE.match(masked, rest_start, end)
    if match:
        return subject_after(masked, match.end(), end, lower)
    for verb in VERB_RE.finditer(masked, rest_start, end):
        between = masked[rest_start:verb.start()]
        # 'X, a 22-year-old resident of ... district, said' may run longer than a plain subject
        limit = 20 if APPOSITION_START_RE.match(between) else 10
        if re.search(r"[.;:!?\u25a1]", _INITIAL.sub("", between)) or len(between.split()) > limit:
            return None
        low = verb.group().casefold()
        if not between.strip():
            if low in AFTER_VERB_FIRST:
                return subject_after(masked, verb.end(), end, lower)
            return None
        if low in PARTICIPLES:
            return None
        found = subject_before(masked, rest_start, verb.start(), lower)
        if found.kind == "passive":
            return None
        if found.kind == "unknown" and not _DETERMINER_START.match(between):
            return None  # '"American Pie," the actress has said' is fine; 'it was unclear' not
        return found
    return None


_SENTENCE_OR_QUOTE_STOP = re.compile(r"[.!?]\s|[\"\u201c\u201d]")


def _after_attribution_raw(text: str) -> Optional[Attribution]:
    end = len(text)
    for stop in _SENTENCE_OR_QUOTE_STOP.finditer(text):
        end = stop.start()
        break
    return _after_attribution(text, 0, end)


# a quotation ending as speech does (comma, ! ? or dash), or a comma right after it
_SPEECH_END_MARK = re.compile(r"[,!?\u2014\u2013-]\s*$")
_COMMA_START = re.compile(r"\s*,")


def attribute(text: str, masked: str, span: Span, sentences: list[tuple[int, int]], starts: list[int],
              lower=None) -> Attribution:
    """Who said the quotation, from the sentence(s) around it (pronouns unresolved): `masked` is
    `text` with its quotations masked, `sentences` its sentences as (start, end), `starts` their
    starts and `lower` the words its document writes in lower case."""
    s_open = sentences[max(0, bisect.bisect_right(starts, span.open) - 1)]
    s_close = sentences[max(0, bisect.bisect_right(starts, max(span.close - 1, span.open)) - 1)]
    sentence_start, sentence_end = s_open[0], s_close[1]
    # after the quotation
    quoted = text[span.start:span.close]
    if span.closed and span.close < sentence_end:
        ends_like_speech = _SPEECH_END_MARK.search(text[span.start:span.close - 1]) \
            or _COMMA_START.match(masked[span.close:sentence_end]) or span.kind == "single"
        if ends_like_speech or not quoted:
            found = _after_attribution(masked, span.close, sentence_end, lower)
            if found is not None and found.kind != "unknown" or (found is not None and ends_like_speech):
                return found
    # before the quotation: 'X: "..."'
    prefix = masked[sentence_start:span.open].rstrip()
    if prefix.endswith(":"):
        runs = name_runs(masked, sentence_start, sentence_start + len(prefix) - 1, lower)
        if runs and runs[-1].end == sentence_start + len(prefix) - 1 and run_name(runs[-1]) and \
                not masked[sentence_start:runs[-1].start].strip():
            return Attribution("name", run_name(runs[-1]), runs[-1].start, masked[runs[-1].start:runs[-1].end])
    # a partial quotation right after 'X called it', 'X described the plan as'
    partial = PARTIAL_RE.search(masked[sentence_start:span.open])
    if partial:
        found = subject_before(masked, sentence_start, sentence_start + partial.start(), lower)
        if found.kind in ("name", "pronoun"):
            return found
    # before the quotation: the nearest reporting verb
    verbs = list(VERB_RE.finditer(masked, sentence_start, span.open))
    for verb in reversed(verbs):
        low = verb.group().casefold()
        if low in PARTICIPLES:
            earlier = [v for v in verbs if v.start() < verb.start() and v.group().casefold() in FINITE_VERBS]
            for finite in reversed(earlier):
                found = subject_before(masked, sentence_start, finite.start(), lower)
                if found.kind in ("name", "pronoun"):
                    return found
            runs = name_runs(masked, sentence_start, verb.start(), lower)
            if runs and not masked[sentence_start:runs[0].start].strip() and run_name(runs[0]):
                return Attribution("name", run_name(runs[0]), runs[0].start, masked[runs[0].start:runs[0].end])
            return Attribution("unknown")
        found = subject_before(masked, sentence_start, verb.start(), lower)
        if found.kind != "passive":
            return found
    match = None
    for match in ACCORDING_RE.finditer(masked, sentence_start, sentence_end):
        pass
    if match is not None:
        found = subject_after(masked, match.end(), sentence_end, lower)
        if found.kind != "unknown":
            return found
    return None


# ---------------------------------------------------------------------------------------------
# People, for resolving "he said"

def _person_like(words: list[str], aliases=None) -> bool:
    return _person_like_words(tuple(words), aliases)


@lru_cache(maxsize=16384)  # pure (a run's aliases table does not change); copies repeat names
def _person_like_words(words: tuple[str, ...], aliases) -> bool:
    name = " ".join(words)
    if len(words) < 2 or (aliases is not None and aliases.known(name)):
        return False
    if words[0].casefold().rstrip(".") in PLACE_PREFIXES:
        return False
    return not any(w.casefold().rstrip(".") in PLACE_WORDS or _is_acronym(w) or w[:1].isdigit() for w in words)


class Named(NamedTuple):
    """A name written outside quotation marks (people()'s candidates), offsets from its paragraph."""
    start: int
    name: str           # titles stripped ('Jens Stoltenberg')
    last: str           # its last word, casefolded: the key of a surname
    first: str          # its first word, casefolded: the key of a family name written first
    one_word: bool
    person: bool        # _person_like
    known: bool         # in the alias table (a place or organisation, not a person)


def people(named: list[tuple[int, tuple[Named, ...]]], aliases,
           explicit: list[str]) -> tuple[list[tuple[int, str]], dict[str, str]]:
    """Mentions of people outside quotations (offset, name) and surname -> fullest name, from the
    names of each paragraph (the paragraph's start, its names in order).

    A name is found by its last word and, for names written family name first ("Yoon Suk Yeol",
    "Xi Jinping"), by its first word too; a word two people share names neither."""
    full: dict[str, str] = {}
    shared: set[str] = set()  # surnames of two people ("Roy Williams", "Marvin Williams")
    for _, names in named:
        for _, name, last, first, _, person, _ in names:
            if not person:
                continue
            for key in (last, first) if first != last else (last,):
                known = full.get(key, "")
                if known and not (known.endswith(" " + name) or name.endswith(" " + known)
                                  or known.startswith(name + " ") or name.startswith(known + " ")) \
                        and known != name:
                    shared.add(key)
                if len(name) > len(known):
                    full[key] = name
    for key in shared:
        del full[key]
    singles = {n.casefold() for n in explicit if " " not in n and not aliases.known(n)}
    mentions = []
    for p_start, names in named:
        for start, name, last, _, one_word, person, known in names:
            if not known and (person or (one_word and (last in full or last in singles))):
                mentions.append((p_start + start, full.get(last, name)))
    return mentions, full


# ---------------------------------------------------------------------------------------------
# Extraction hook

_WHITESPACE = re.compile(r"\s+")


@lru_cache(maxsize=16384)  # copies of a story repeat its quotations
def _one_line(text: str) -> str:
    """The text with each run of white space as one space."""
    return _WHITESPACE.sub(" ", text)


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with each span's characters replaced by MASK (by slices: copies of long texts)."""
    parts, done = [], 0
    for start, end in sorted(spans):
        start, end = max(start, done), min(end, len(text))
        if start < end:
            parts += (text[done:start], MASK * (end - start))
            done = end
    parts.append(text[done:])
    return "".join(parts)


@lru_cache(maxsize=16384)  # pure; copies of a story repeat their paragraphs
def _masked_paragraph(para: str, previous_open: bool) -> tuple[tuple, bool, str]:
    """A paragraph's quotations and whether it leaves one open (_paragraph_quotes), and the
    paragraph with its quotations masked."""
    found, leaves_open = _paragraph_quotes(para, previous_open)
    return found, leaves_open, _masked(para, [(q[0], q[3]) for q in found])


class _Asked:
    """A document's lowercase words, noting each word looked up and the answer: a paragraph read
    with them reads the same in any document that gives the same answers."""
    __slots__ = ("words", "answers")

    def __init__(self, words: _LowerWords) -> None:
        self.words = words
        self.answers: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        found = self.answers[word] = word in self.words
        return found


@dataclass(frozen=True)
class _Quote:
    """One quotation of a paragraph, read: who said it and its words."""
    attribution: Optional[Attribution]  # pronouns unresolved; pos an offset from the paragraph
    sentence: int   # the sentences it starts and ends in, counted from the paragraph's first
    last: int
    quoted: str     # the quoted text
    words: QuoteWords
    display: str    # the quoted text on one line


def _answers_as(lower: _LowerWords, answers: tuple[tuple[str, bool], ...]) -> bool:
    """Does the document answer each (word, answer) as a reading's document did?"""
    for word, answer in answers:
        if (word in lower) != answer:
            return False
    return True


@lru_cache(maxsize=16384)  # copies of a story repeat their paragraphs
def _paragraph_readings(para: str, previous_open: bool, sentences: tuple[tuple[int, int], ...], before: str,
                        aliases) -> list[tuple[tuple[tuple[str, bool], ...], tuple]]:
    """The readings of a paragraph made so far (_read_paragraph), each with the lowercase words
    it looked up and their answers (_Asked): filled by factcheck_extract."""
    return []


def _read_paragraph(para: str, masked: str, quotes: tuple, sentences: tuple[tuple[int, int], ...],
                    before: str, aliases, lower) -> tuple[tuple[_Quote, ...], tuple[Named, ...]]:
    """One paragraph's quotations (`quotes`, from _masked_paragraph) read, and the names it
    writes outside them. `sentences`: the paragraph's sentences as offsets from its start;
    `before`: one character standing for the document's text before the paragraph (all that
    the reading looks at there: whether the paragraph starts a sentence, a regex's \\b);
    `lower`: the words the document writes in lower case."""
    # The paragraph is read with `before` in front of it, so the offsets below are one more
    # than the paragraph's own.
    text, masked = before + para, before + masked
    bounds = [(start + 1, end + 1) for start, end in sentences]
    starts = [start for start, _ in bounds]
    read = []
    for o, s, e, c, kind, closed, _ in quotes:
        span = Span(o + 1, s + 1, e + 1, c + 1, 0, kind, closed)
        found = attribute(text, masked, span, bounds, starts, lower)
        if found is not None:
            found = Attribution(found.kind, found.name, found.pos - 1, found.cue)
        quoted = para[s:e]
        read.append(_Quote(found, max(0, bisect.bisect_right(starts, s + 1) - 1),
                           max(0, bisect.bisect_right(starts, max(e, s + 1)) - 1), quoted, quote_words(quoted),
                           _one_line(quoted)))
    named = []
    for run in name_runs(masked, 1, len(masked), lower):
        words = strip_titles(run.words)
        if words:
            name = " ".join(words)
            named.append(Named(run.start - 1, name, words[-1].casefold(), words[0].casefold(), len(words) == 1,
                               _person_like(words, aliases), aliases.known(name)))
    return tuple(read), tuple(named)


@factcheck.hookimpl
def factcheck_extract(document, context):
    sentences = document.sentences
    if not sentences:
        return []
    found = _read_document(document.text, document.paragraphs,
                           tuple((s.paragraph, s.start, s.end) for s in sentences), context.aliases)
    claims = []
    for start, end, first, last, quote, speaker, how, cue, basis, person in found:
        sentence, last = sentences[first], sentences[last]  # indices -> sentences
        claim = context.claim(
            "quote", document, sentence, start, end, quote.words.words,
            display=quote.display, context=quote.quoted,
            speaker=speaker, how=how, cue=cue, basis=basis, quote=quote.words, person=person,
        )
        if last is not sentence:  # the evidence shows every sentence the quotation runs over
            claim = dataclasses.replace(claim, evidence_span=(sentence.start, last.end))
        claims.append(claim)
    return claims


@lru_cache(maxsize=1024)  # copies of a story: some are printed word for word
def _read_document(text: str, paragraphs: tuple[tuple[int, int], ...], sentences: tuple[tuple[int, int, int], ...],
                   aliases) -> tuple[tuple, ...]:
    """The quotations of a document with its paragraphs and sentences (paragraph, start, end),
    each as (start, end, its first and last sentence, _Quote, speaker, how, cue, basis, whether
    the speaker looks like a person). Read paragraph by paragraph: copies of a story repeat most
    paragraphs, so each is read once (_paragraph_readings) and only its speakers are resolved
    against the rest of the document here."""
    layers, previous_open = [], False  # (paragraph, previous_open, _masked_paragraph)
    for p_start, p_end in paragraphs:
        para = text[p_start:p_end]
        layer = _masked_paragraph(para, previous_open)
        layers.append((para, previous_open, layer))
        previous_open = layer[1]
    if not any(layer[0] for _, _, layer in layers):
        return ()
    # the words the document writes in lower case outside quotations, by pieces: no word runs
    # over a paragraph break, and no quotation is outside the paragraphs
    head = text[:paragraphs[0][0]]
    pieces = [layer[2] for _, _, layer in layers]
    if head[-1:].strip():  # the head's last word runs on into the first paragraph
        pieces[0] = head + pieces[0]
    elif head:
        pieces.append(head)
    lower = _LowerWords(pieces)
    first = [0] * len(paragraphs)  # the index of each paragraph's first sentence
    bounds: list[list[tuple[int, int]]] = [[] for _ in paragraphs]
    for k, (p_index, start, end) in enumerate(sentences):
        own = bounds[p_index]
        if not own:
            first[p_index] = k
        p_start = paragraphs[p_index][0]
        own.append((start - p_start, end - p_start))
    spans: list[Span] = []
    read: list[_Quote] = []
    named = []
    for p_index, ((p_start, _), (para, previous_open, layer)) in enumerate(zip(paragraphs, layers)):
        # what precedes the paragraph, as _read_paragraph needs it: _sentence_initial skips
        # spaces and tabs before it, so those are replaced by a mark that gives the same answer
        before = text[p_start - 1] if p_start else "\n"
        if before in " \t":
            before = "\n" if _sentence_initial(text, p_start) else "\u00a0"
        quotes, _, masked = layer
        own = tuple(bounds[p_index])
        readings = _paragraph_readings(para, previous_open, own, before, aliases)
        for answers, reading in readings:
            if _answers_as(lower, answers):
                break
        else:
            asked = _Asked(lower)
            reading = _read_paragraph(para, masked, quotes, own, before, aliases, asked)
            readings.append((tuple(asked.answers.items()), reading))
        quotes_read, names = reading
        spans.extend(Span(p_start + o, p_start + s, p_start + e, p_start + c, p_index, kind, closed, continues)
                     for o, s, e, c, kind, closed, continues in quotes)
        read.extend(quotes_read)
        named.append((p_start, names))
    explicit = [q.attribution.name for q in read
                if q.attribution is not None and q.attribution.kind == "name" and q.attribution.name]
    mentions, full = people(named, aliases, explicit)
    mention_starts = [m[0] for m in mentions]
    for span, quote in zip(spans, read):
        attribution = quote.attribution
        if attribution is None:
            continue
        span.cue = attribution.cue
        if attribution.kind == "name":
            name = attribution.name
            if " " not in name and name.casefold() in full and not aliases.known(name):
                name = full[name.casefold()]
            span.speaker, span.how, span.basis = name, "explicit", "explicit"
        elif attribution.kind == "pronoun":
            k = bisect.bisect_left(mention_starts, paragraphs[span.paragraph][0] + attribution.pos) - 1
            span.speaker = mentions[k][1] if k >= 0 else None
            span.how = span.basis = "pronoun"
        else:
            span.how = "unknown"
    previous: Optional[Span] = None
    for span in spans:  # an unattributed quotation continues the one before it
        if span.how is None and previous is not None and (
                previous.paragraph == span.paragraph or span.continues) and previous.how is not None:
            span.speaker, span.how, span.cue = previous.speaker, "inherited", previous.cue
            span.basis = previous.basis
        elif span.how is None and previous is not None and previous.how is not None and previous.speaker \
                and previous.paragraph == span.paragraph - 1 \
                and not text[paragraphs[span.paragraph][0]:span.open].strip():
            # a paragraph opening with an unattributed quotation after a paragraph that quoted
            # someone: most likely the same speaker, but not firm enough for a conflict
            span.speaker, span.how, span.cue, span.basis = previous.speaker, "paragraph", previous.cue, "paragraph"
        previous = span
    following: Optional[Span] = None
    for span in reversed(spans):  # a quotation running over paragraphs, attributed at its end
        if span.how is None and not span.closed and following is not None and following.continues \
                and following.how is not None and following.paragraph == span.paragraph + 1:
            span.speaker, span.how, span.cue = following.speaker, "inherited", following.cue
            span.basis = following.basis
        following = span
    return tuple(
        (span.start, span.end, first[span.paragraph] + quote.sentence, first[span.paragraph] + quote.last, quote,
         span.speaker, span.how, span.cue, span.basis,
         bool(span.speaker) and all(_person_like(n.split(), aliases) for n in span.speaker.split(" and ")))
        for span, quote in zip(spans, read) if quote.words.words)


# ---------------------------------------------------------------------------------------------
# Comparing two quotations

@dataclass
class Match:
    coverage: float
    alignment: float
    shared: int
    changes: list = field(default_factory=list)      # (a words, b words, a surface, b surface)
    connectives: list = field(default_factory=list)  # the same, for connective-only edges
    span_a: tuple = (0, 0)  # the aligned stretch, in words of each quotation
    span_b: tuple = (0, 0)


def _editorial(qa: QuoteWords, qb: QuoteWords, i1: int, i2: int, j1: int, j2: int) -> bool:
    ga, gb = qa.words[i1:i2], qb.words[j1:j2]
    if "".join(ga) == "".join(gb):
        return True
    # 'If [he] wins' vs 'If Putin wins': the insertion stands for the other side's words
    return (not ga and any(i1 <= b <= i2 for b in qa.breaks)) or \
        (not gb and any(j1 <= b <= j2 for b in qb.breaks))


def compare_quotes(qa: QuoteWords, qb: QuoteWords, options: dict) -> Optional[Match]:
    """How two quotations align; None when they are not the same quotation."""
    a, b = qa.words, qb.words
    if min(len(a), len(b)) < 3:
        return None
    # The matching blocks are a common subsequence: each word is matched at most as many times
    # as the side with fewer of it holds it. Too few such words, or content words, and no
    # alignment passes the checks on `shared` and `content` below (the words are counted only
    # when there are few of them).
    common = set(a).intersection(b)
    if len(common) < options["min_overlap_words"] and \
            sum(min(a.count(w), b.count(w)) for w in common) < options["min_overlap_words"]:
        return None
    common_content = common.difference(STOP)
    if len(common_content) < 2 and sum(min(a.count(w), b.count(w)) for w in common_content) < 2:
        return None
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    blocks = [blk for blk in matcher.get_matching_blocks() if blk.size]
    if not blocks:
        return None
    shared = sum(blk.size for blk in blocks)
    matched = [(k, blk.b + k - blk.a) for blk in blocks for k in range(blk.a, blk.a + blk.size) if a[k] not in STOP]
    content = len(matched)
    plain = [k for k, j in matched if not (qa.surface[k][:1].isupper() and qb.surface[j][:1].isupper())]
    if shared < options["min_overlap_words"] or content < 2 or not plain:
        return None  # too little in common, or only names ('Peter Capaldi is the ...')
    first, last = blocks[0], blocks[-1]
    changes, connectives, diverging = [], [], []
    changed = 0.0
    changed_content = 0.0

    def note(i1, i2, j1, j2, edge, shown=None):
        nonlocal changed, changed_content
        ga, gb = a[i1:i2], b[j1:j2]
        if _editorial(qa, qb, i1, i2, j1, j2):
            return
        d1, d2, e1, e2 = shown or (i1, i2, j1, j2)
        item = (ga, gb, qa.surface[d1:d2], qb.surface[e1:e2])
        shorter = ga if len(ga) <= len(gb) else gb
        longer = gb if shorter is ga else ga
        if edge and (not shorter or all(w in CONNECTIVES for w in shorter)) and \
                (all(w in CONNECTIVES for w in longer) or not shorter) and len(longer) <= 2 and \
                all(w in CONNECTIVES for w in longer):
            connectives.append(item)
            return
        if edge and not shorter:
            return  # truncation
        if edge and all(w in STOP for w in ga + gb):
            return  # 'It is being treated' vs 'which is being treated': where a quotation starts
        if edge and len(shorter) >= 2 and shared < max(8, 3 * len(shorter)):
            diverging.append(item)  # both go on differently: two remarks sharing a phrase
            return
        changes.append(item)
        changed += (len(ga) + len(gb)) / 2 if not edge else len(shorter)
        content_a = sum(w not in STOP for w in ga)
        content_b = sum(w not in STOP for w in gb)
        changed_content += (content_a + content_b) / 2 if not edge else min(content_a, content_b)

    # inner gaps
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or i1 < first.a or i2 > last.a + last.size or j1 < first.b or j2 > last.b + last.size:
            continue
        note(i1, i2, j1, j2, False)
    # edges: the shorter side is compared with as many words of the longer one; where one
    # quotation starts (or ends) a sentence at the shared words, the other simply quotes more
    lead_k = min(first.a, first.b)
    if lead_k == 1 and (first.a in qa.stops or first.b in qb.stops):
        lead_k = 0
    elif first.a == 0 or first.b == 0:
        note(0, first.a, 0, first.b, True)
    else:
        connective_lead = all(w in CONNECTIVES for w in (a[:first.a] if first.a <= first.b else b[:first.b]))
        if connective_lead:
            note(first.a - min(first.a, 2), first.a, first.b - min(first.b, 2), first.b, True)
        else:
            whole = first.a <= 4 and first.b <= 4
            note(first.a - lead_k, first.a, first.b - lead_k, first.b, True,
                 (0, first.a, 0, first.b) if whole else None)
    a_end, b_end = last.a + last.size, last.b + last.size
    trail_k = min(len(a) - a_end, len(b) - b_end)
    if trail_k == 1 and (a_end in qa.stops or b_end in qb.stops):
        trail_k = 0
    elif trail_k == 0:
        note(a_end, len(a), b_end, len(b), True)
    else:
        whole = len(a) - a_end <= 4 and len(b) - b_end <= 4
        note(a_end, a_end + trail_k, b_end, b_end + trail_k, True,
             (a_end, len(a), b_end, len(b)) if whole else None)
    region_a = len(a) - (first.a - lead_k) - (len(a) - a_end - trail_k)
    region_b = len(b) - (first.b - lead_k) - (len(b) - b_end - trail_k)
    coverage = max(region_a / len(a), region_b / len(b))
    alignment = min(shared / (shared + changed), content / (content + changed_content))
    if coverage < options["min_coverage"] or alignment < options["min_alignment"] or diverging:
        return None
    span_a = (first.a - lead_k, a_end + trail_k)
    span_b = (first.b - lead_k, b_end + trail_k)
    return Match(coverage, alignment, shared, changes, connectives, span_a, span_b)


# ---------------------------------------------------------------------------------------------
# Speakers

def _name_tokens(name: str) -> list[str]:
    name = fold_diacritics(fold_punctuation(name)).casefold().replace(".", "")
    return [_strip_possessive(t) for t in re.split(r"[\s\-]+", name) if t]


def same_speaker(a: str, b: str, aliases) -> bool:
    """'Stoltenberg' = 'Jens Stoltenberg'; 'Pyongyang' = 'North Korea' through the aliases.

    Generous on purpose, since a conflict is an error: one of two joint speakers ('Craig Zadan
    and Neil Meron'), a misspelt name ('Wetzler' / 'Welzler', 'DelGiudice' / 'Del Giudice') and
    one family name ('Mark Felt' / 'Audrey Felt', often a misread pronoun) all count as the same.
    """
    parts_a, parts_b = a.split(" and "), b.split(" and ")
    if len(parts_a) > 1 or len(parts_b) > 1:
        return any(same_speaker(x, y, aliases) for x in parts_a for y in parts_b)
    if aliases.same(a, b):
        return True
    ta, tb = _name_tokens(a), _name_tokens(b)
    if not ta or not tb or ta == tb or "".join(ta) == "".join(tb):
        return True
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if any(fuzz.ratio(x, y) >= 80 for x in short for y in long_ if len(x) > 2 and len(y) > 2) and (
            len(short) == 1 or fuzz.ratio(short[-1], long_[-1]) >= 80):
        return True
    return fuzz.ratio("".join(short), "".join(long_)) >= 88


# ---------------------------------------------------------------------------------------------
# Compare hook

def _clip(text: str, limit: int = 110) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what \w matches


def _find_words(words: tuple[str, ...], text: str) -> Optional[str]:
    r"""The first stretch of `text` that writes `words` in order with only non-word characters
    between them: re.search(r"\W*".join(map(re.escape, words)), text), without compiling a
    pattern per quotation. When every word starts with a word character, \W* can only take all
    the non-word characters before the next word, so each start is tried without backtracking."""
    if not all(w and _is_word_char(w[0]) for w in words):
        pattern = r"\W*".join(re.escape(w) for w in words)
        found = re.search(pattern, text) if pattern else None
        return found.group() if found else None
    if not words:
        return None
    first, n = words[0], len(text)
    at = text.find(first)
    while at >= 0:
        pos = at + len(first)
        for word in words[1:]:
            while pos < n and not _is_word_char(text[pos]):
                pos += 1
            if not text.startswith(word, pos):
                break
            pos += len(word)
        else:
            return text[at:pos]
        at = text.find(first, at + 1)
    return None


def _excerpt(claim, span: tuple) -> str:
    """The aligned stretch of a quotation as printed: the whole quotation when it is short."""
    quote = claim.data["quote"]
    start, end = span
    if len(claim.display) <= 110 or end <= start:
        return _clip(claim.display)
    start, end = max(0, start - 2), min(len(quote.surface), end + 2)
    words = _find_words(quote.surface[start:end], claim.display)
    if words is None:
        words = " ".join(quote.surface[start:end])
    words = _clip(words, 160)
    before = "\u2026" if start > 0 else ""
    after = "\u2026" if end < len(quote.surface) and not words.endswith("\u2026") else ""
    return before + words + after


def _show(words) -> str:
    return "[" + " ".join(words) + "]" if words else "[nothing]"


FIRST_PLURAL = frozenset(("we", "our", "us", "ours", "ourselves"))


def _attributable(claim) -> bool:
    """Is this claim's speaker firm enough for a conflict?

    The speaker must be named in the quotation's own attribution (or carried over from the
    quotation just before it), not guessed from 'he said'; it must look like a person (a
    company, a ministry or a place is often credited with its spokesperson's words); and the
    quotation must not speak for a group ('we', 'our'), since a joint statement is correctly
    credited to any of its authors.
    """
    return (claim.data.get("basis") == "explicit" and claim.data.get("person")
            and not FIRST_PLURAL & set(claim.value))


def _diff(sa, sb, names_a: str, names_b: str) -> str:
    """'[any of that] vs [anything]', or '[So] only in b.txt' for a word one side lacks."""
    if sa and sb:
        return f"{_show(sa)} vs {_show(sb)}"
    return f"{_show(sa or sb)} only in {names_a if sa else names_b}"


def _edit(sa, sb) -> str:
    """One word-level edit from side a to side b: '-any of that +anything', '+So'."""
    return " ".join(([f"-{' '.join(sa)}"] if sa else []) + ([f"+{' '.join(sb)}"] if sb else []))


# Reported speech shifts a quotation's person and tense: the quotation's word -> what it may become.
SHIFTS = {
    "i": {"he", "she"}, "we": {"they", "he", "she"}, "me": {"him", "her"}, "us": {"them"},
    "my": {"his", "her"}, "our": {"their", "his", "her"}, "mine": {"his", "hers"},
    "ours": {"theirs"}, "myself": {"himself", "herself"}, "ourselves": {"themselves"},
    "will": {"would"}, "can": {"could"}, "shall": {"should", "would"}, "may": {"might"},
    "is": {"was"}, "are": {"were"}, "am": {"was"}, "have": {"had"}, "has": {"had"},
    "do": {"did"}, "does": {"did"}, "this": {"that"}, "these": {"those"}, "here": {"there"},
    "now": {"then"}, "wont": {"wouldnt"}, "cant": {"couldnt"}, "isnt": {"wasnt"},
    "arent": {"werent"}, "dont": {"didnt"}, "doesnt": {"didnt"},
}


NEGATIONS = frozenset("not no never nor none nothing neither nt cannot".split())
# what reported speech may add inside a quotation's words ('she did not need to do')
INSERTABLE = frozenset("that to do did does be been being had have has would could then".split())


def _shift_classes() -> dict[str, str]:
    """Each word of SHIFTS and its reported-speech forms -> one class name ('will', 'would' ->
    'will'; all personal pronouns one class)."""
    parent: dict[str, str] = {}

    def find(w: str) -> str:
        while parent.setdefault(w, w) != w:
            w = parent[w]
        return w
    for word, shifted in SHIFTS.items():
        for other in shifted:
            parent[find(other)] = find(word)
    return {w: find(w) for w in parent}


SHIFT_CLASS = _shift_classes()


def _speech_key(word: str) -> str:
    return SHIFT_CLASS.get(word) or stem(word)


def reported_speech(quote: tuple[str, ...], sentence: tuple[str, ...]) -> Optional[tuple[int, int]]:
    """Does `sentence` (normalised words, no quotation marks) report `quote`'s words: every word
    of it in order, but for the shifts of reported speech ('we will' -> 'they would', 'matters'
    -> 'mattered'), a stop word dropped at an edge and a stop word or two inserted ('said
    that')? The sentence's words that do, as (first, end); None when it does not."""
    qk = [_speech_key(w) for w in quote]
    sk = [_speech_key(w) for w in sentence]
    matcher = SequenceMatcher(None, qk, sk, autojunk=False)
    first = end = None
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            first = j1 if first is None else first
            end = j2
            continue
        inside = 0 < i1 and i2 < len(quote) if tag != "insert" else 0 < i1 < len(quote)
        if tag in ("replace", "delete") and (inside or i2 - i1 > 1 or not all(
                w in STOP and w not in NEGATIONS for w in quote[i1:i2])):
            return None  # a word of the quotation changed or missing, or more than a stop word at an edge
        if tag in ("replace", "insert") and inside and (j2 - j1 > 2 or not all(w in INSERTABLE for w in sentence[j1:j2])):
            return None  # words inside the reported stretch that the quotation lacks ('not')
    return (first, end) if first is not None else None


def _word_offsets(sentence, surface, first: int, end: int) -> tuple[int, int]:
    """Document offsets of the words surface[first:end] of a sentence (the whole sentence when
    they cannot be found as written)."""
    text, pos, found = sentence.text, 0, []
    for word in surface[:end]:
        at = text.find(word, pos)
        if at < 0:
            return sentence.start, sentence.end
        found.append((at, at + len(word)))
        pos = at + len(word)
    return sentence.start + found[first][0], sentence.start + found[end - 1][1]


QUOTE_MARK_RE = re.compile(r"[\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018]|(?<!\w)'|'(?!\w)")


@lru_cache(maxsize=16384)
def _reported_words(text: str) -> Optional[QuoteWords]:
    """A sentence's words when it may be reported speech: a reporting verb and no quotation
    mark (not even one the extraction did not pair)."""
    if not VERB_RE.search(text) or QUOTE_MARK_RE.search(text):
        return None
    return quote_words(text)


def _paraphrases(quotes, context, options) -> list:
    """quotes.paraphrase-as-quote: a quotation one document prints and no other, whose words the
    other documents give as reported speech by the same speaker."""
    documents = list(context.documents or ())
    if len(documents) < 2:
        return []
    quoting: dict[tuple, set[int]] = {}  # quotation words -> documents quoting them
    for c in quotes:
        quoting.setdefault(c.value, set()).add(c.document.index)
    quoted_by: dict[str, set[int]] = {}  # content stem -> documents quoting it
    for value, docs in quoting.items():
        for w in value:
            if w not in STOP:
                quoted_by.setdefault(stem(w), set()).update(docs)
    candidates, values = [], set()
    for c in quotes:
        if len(c.value) < options["paraphrase_min_words"] or not c.data.get("speaker") or \
                c.data.get("basis") != "explicit" or c.value in values:
            continue
        values.add(c.value)
        content = {stem(w) for w in c.value if w not in STOP and len(w) > 1}
        if len(content) < 3:
            continue
        # another document quoting most of these words: a real quotation, compared as wording
        others = Counter(chain.from_iterable(quoted_by.get(w, ()) for w in content))
        others.pop(c.document.index, None)
        if not any(n >= 0.6 * len(content) for n in others.values()):
            candidates.append((c, content))
    if not candidates:
        return []
    needed = set().union(*(content for _, content in candidates))
    spans: dict[int, list[tuple[int, int]]] = {}
    for c in quotes:
        spans.setdefault(c.document.index, []).append((c.start, c.end))
    index: dict[str, list[tuple]] = {}
    for doc in documents:
        for sentence in doc.sentences:
            words = _reported_words(sentence.text)
            if words is None or any(s < sentence.end and e > sentence.start for s, e in spans.get(doc.index, ())):
                continue
            for word in {stem(w) for w in words.words if w not in STOP and len(w) > 1} & needed:
                index.setdefault(word, []).append((doc, sentence, words))
    findings = []
    for c, content in candidates:
        speaker = c.data["speaker"]
        # the speaker named in the reported sentence: any word of the name ("Yoon" of Yoon Suk Yeol)
        named = {w.casefold() for w in speaker.split() if len(w) >= 2 and w != "and"}
        rarest = min(content, key=lambda w: len(index.get(w, ())))
        reported = {}
        for doc, sentence, words in index.get(rarest, ()):
            if doc.index == c.document.index or doc.index in reported or \
                    not named & set(re.findall(r"\w+", sentence.text.casefold())):
                continue
            region = reported_speech(c.value, words.words)
            if region is not None:
                start, end = _word_offsets(sentence, words.surface, *region)
                reported[doc.index] = context.claim("reported", doc, sentence, start, end, words.words[region[0]:region[1]],
                                                    display=" ".join(words.surface[region[0]:region[1]]),
                                                    context=sentence.text)
        if not reported:
            continue
        rest = sorted(reported.values(), key=lambda r: r.document.index)
        names = ", ".join(r.document.name for r in rest)
        finding = context.finding(
            "quotes.paraphrase-as-quote",
            f"Only {c.document.name} quotes {speaker} directly: \u201c{_clip(c.display)}\u201d; "
            f"{names} give{'s' if len(rest) == 1 else ''} the same words as reported speech, without "
            f"quotation marks ('{_clip(rest[0].display)}'). A paraphrase may have been turned into a "
            "quotation: check the words against the source.",
            [c, *rest], confidence=0.6)
        if finding is not None:
            findings.append(finding)
    return findings


def _candidate_groups(claims) -> tuple[list[list[int]], list[tuple[int, int]]]:
    """Groups of claims with the same content words (a quotation repeated by many copies is
    one group), and the pairs of groups sharing at least two content words.

    A word in more than 400 claims does not count. Returns (members of each group, in claim
    order; the linked pairs of groups, a group with itself included).
    """
    group_of: dict[frozenset[str], int] = {}
    members: list[list[int]] = []
    words_of: dict[tuple, frozenset[str]] = {}  # copies repeat the same quotations
    for i, claim in enumerate(claims):
        words = words_of.get(claim.value)
        if words is None:
            words = words_of[claim.value] = frozenset(stem(w) for w in claim.value if w not in STOP and len(w) > 1)
        g = group_of.get(words)
        if g is None:
            g = group_of[words] = len(members)
            members.append([])
        members[g].append(i)
    claims_with: dict[str, int] = {}
    for words, g in group_of.items():
        for word in words:
            claims_with[word] = claims_with.get(word, 0) + len(members[g])
    index: dict[str, list[int]] = {}
    for words, g in group_of.items():
        for word in words:
            if claims_with[word] <= 400:
                index.setdefault(word, []).append(g)
    counts: dict[tuple[int, int], int] = {}
    for groups in index.values():
        for x in range(len(groups)):
            for y in range(x, len(groups)):
                key = (groups[x], groups[y]) if groups[x] <= groups[y] else (groups[y], groups[x])
                counts[key] = counts.get(key, 0) + 1
    return members, [key for key, n in counts.items() if n >= 2]


@factcheck.hookimpl
def factcheck_compare(pairs, claims, context):
    options = {**OPTIONS, **context.options}
    claims = [c for c in claims if c.kind == "quote"]
    position = {c: i for i, c in enumerate(claims)}  # claims hash by identity
    # Copies of a story repeat the same quotations: each pair of distinct ones is compared once.
    same: dict[QuoteWords, QuoteWords] = {}
    by_object: dict[int, QuoteWords] = {}  # copies mostly share one object (quote_words is cached)
    quote = []
    for c in claims:
        q = c.data["quote"]
        found = by_object.get(id(q))
        if found is None:
            found = by_object[id(q)] = same.setdefault(q, q)
        quote.append(found)
    quote_id = [id(q) for q in quote]
    speaker = [c.data.get("speaker") for c in claims]
    attributable = [bool(s) and _attributable(c) for s, c in zip(speaker, claims)]
    matches: dict[tuple[int, int], Optional[Match]] = {}

    def match_of(i: int, j: int) -> Optional[Match]:
        key = (quote_id[i], quote_id[j])
        try:
            return matches[key]
        except KeyError:
            match = matches[key] = compare_quotes(quote[i], quote[j], options)
            return match

    def telling(i: int, j: int) -> bool:
        """Can the pair (i before j) add to a finding below? It depends only on the two
        quotations, speakers and attributabilities, so it is decided once per such kind."""
        match = match_of(i, j)
        return match is not None and bool(
            match.changes or match.connectives or
            (attributable[i] and attributable[j] and match.shared >= options["speaker_min_words"] and
             match.coverage >= options["speaker_min_coverage"] and
             not same_speaker(speaker[i], speaker[j], context.aliases)))

    # Candidate pairs of claims from different documents, by kind of claim: pairs that cannot
    # tell anything (most are copies of one quotation by one speaker) are never made.
    members, linked = _candidate_groups(claims)
    doc = [claim.document.index for claim in claims]
    kinds_of: dict[int, dict[tuple, list[int]]] = {}

    def kinds(g: int) -> dict[tuple, list[int]]:
        found = kinds_of.get(g)
        if found is None:
            found = kinds_of[g] = {}
            for i in members[g]:
                found.setdefault((quote_id[i], speaker[i], attributable[i]), []).append(i)
        return found

    tells: dict[tuple, bool] = {}
    todo: set[tuple[int, int]] = set()
    for g, h in linked:
        for kind_x, xs in kinds(g).items():
            for kind_y, ys in kinds(h).items():
                key = (kind_x, kind_y)
                if key not in tells:
                    tells[key] = telling(xs[0], ys[0]) or telling(ys[0], xs[0])
                if not tells[key]:
                    continue
                for i in xs:
                    d = doc[i]
                    todo.update((i, j) if i < j else (j, i) for j in ys if doc[j] != d)
    for pair in pairs:
        i, j = position.get(pair.a), position.get(pair.b)
        if i is not None and j is not None:
            todo.add((i, j) if i < j else (j, i))
    at = [(c.document.index, c.start) for c in claims]
    rank = {p: r for r, p in enumerate(sorted(set(at)))}  # positions as numbers, ties kept
    ranks = [rank[p] for p in at]
    ordered = sorted(todo, key=lambda ij: ranks[ij[0]] * len(rank) + ranks[ij[1]])
    wording: dict[tuple, dict] = {}
    speaker_findings: dict[tuple, tuple] = {}
    signatures: dict[int, tuple] = {}  # per match (kept in `matches`): its changes, unordered
    for i, j in ordered:
        if ranks[i] > ranks[j]:
            i, j = j, i
        match = match_of(i, j)
        if match is None:
            continue
        x, y = claims[i], claims[j]
        items = match.changes or match.connectives
        if items:
            signature = signatures.get(id(match))
            if signature is None:
                severity = "warning" if match.changes else "info"
                signature = signatures[id(match)] = (severity, frozenset(frozenset((ga, gb)) for ga, gb, _, _ in items))
            group = wording.get(signature)
            if group is None:
                group = wording[signature] = {"items": items, "sides": {}, "match": match,
                                              "order": len(wording), "spans": {}}
            side_x, side_y = (0, 1) if items[0][0] == group["items"][0][0] else (1, 0)
            for claim, side in ((x, side_x), (y, side_y)):
                docs = group["sides"].setdefault(side, {})
                other = group["sides"].get(1 - side, {})
                if claim.document.index not in docs and claim.document.index not in other:
                    docs[claim.document.index] = claim
                    group["spans"][id(claim)] = match.span_a if claim is x else match.span_b
            group["match"] = group["match"] if group["match"].alignment <= match.alignment else match
        sx, sy = speaker[i], speaker[j]
        if attributable[i] and attributable[j] and \
                match.shared >= options["speaker_min_words"] and \
                match.coverage >= options["speaker_min_coverage"] and not match.changes and \
                not same_speaker(sx, sy, context.aliases):
            key = (frozenset((x.document.index, y.document.index)),
                   frozenset((context.aliases.canonical(sx), context.aliases.canonical(sy))))
            speaker_findings.setdefault(key, (x, y))
    findings = []
    for signature, group in sorted(wording.items(), key=lambda kv: kv[1]["order"]):
        severity = signature[0]
        side_a = [c for _, c in sorted(group["sides"].get(0, {}).items())]
        side_b = [c for _, c in sorted(group["sides"].get(1, {}).items())]
        if not side_a or not side_b:
            continue
        names_a = ", ".join(c.document.name for c in side_a)
        names_b = ", ".join(c.document.name for c in side_b)
        diffs = "; ".join(_diff(sa, sb, names_a, names_b) for _, _, sa, sb in group["items"])
        who = side_a[0].data.get("speaker") or side_b[0].data.get("speaker")
        shown_a = _excerpt(side_a[0], group["spans"][id(side_a[0])])
        shown_b = _excerpt(side_b[0], group["spans"][id(side_b[0])])
        of = f" of {who}" if who else ""
        if severity == "warning":
            message = (f"The same quotation{of} is worded differently: {names_a} quote"
                       f"{'s' if len(side_a) == 1 else ''} \u201c{shown_a}\u201d; {names_b} quote"
                       f"{'s' if len(side_b) == 1 else ''} \u201c{shown_b}\u201d. "
                       f"Different words: {diffs}.")
        else:
            message = (f"The same quotation{of} differs only by a connective at its edge: {names_a} "
                       f"\u201c{shown_a}\u201d; {names_b} \u201c{shown_b}\u201d "
                       f"({diffs}).")
        finding = context.finding("quotes.wording", message, side_a + side_b,
                                  confidence=round(0.5 + 0.5 * group["match"].alignment, 2), severity=severity,
                                  diff=[_edit(sa, sb) for _, _, sa, sb in group["items"]])
        if finding is not None:
            findings.append(finding)
    for (x, y) in speaker_findings.values():
        def how(c):
            cue = c.data.get("cue")
            if c.data.get("how") == "pronoun":
                return f" ('{cue}' read as {c.data['speaker']})"
            if c.data.get("how") == "inherited":
                return " (carried over from the quotation before it)"
            return ""
        message = (f"The same quotation \u201c{_clip(x.display)}\u201d is attributed to "
                   f"{x.data['speaker']} in {x.document.name}{how(x)} and to {y.data['speaker']} in "
                   f"{y.document.name}{how(y)}.")
        confident = all(c.data.get("how") == "explicit" for c in (x, y))
        finding = context.finding("quotes.speaker-conflict", message, [x, y],
                                  confidence=0.9 if confident else 0.7)
        if finding is not None:
            findings.append(finding)
    return findings + _paraphrases(claims, context, options)
