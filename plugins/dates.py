"""dates: sources that put the same event on different days, months or years.

What is read. In every sentence the plugin finds the date expressions an editor would check:

* weekdays, with or without a modifier: "on Monday", "late Monday", "Tuesday morning",
  "Monday night", "Sunday's talks" (plural "Mondays", "every Monday" and named days such as
  "Easter Sunday" or "the Sunday Times" are not dates, nor are days of a publication: "his
  Monday column", "its Tuesday editions");
* calendar dates: "December 9, 2008", "Dec. 9", "9 December 2008", "Tuesday, December 9, 2008"
  (a weekday in apposition to a date, or "Yesterday, on Friday", is one expression);
* months: "in December", "last March", "an October interview", "September 2008". The month
  "May" needs a date context ("in May", "May 5", "May 2023"); "may" the verb and "March" the
  verb are never months;
* years after a preposition: "in 2022", "since 1999", "by 2030" (not "2,022", not counts such
  as "in 2000 cases");
* months and years relative to the publication date: "earlier this month", "last month", "this
  year", "next year" ("in April last year" is the month only);
* read but never one day (they neither conflict nor set a narrative day): ranges of days ("Jan.
  5-7", "March 3-5, 2015"), weeks ("last week", "this weekend") and decades ("the 1990s");
* times of day: "9 a.m.", "5:42am", "9:15 p.m. local time", "at 17:30 CET", "0542 GMT", "around
  9 p.m. ET", "noon", "midnight" (claims of kind ``time``; a bare "12:10" needs "at" before it,
  so scores and ratios are no times; "as of 4 p.m.", "until 8 p.m." are bounds, not an event's
  time; a page stamp such as "9:53 AM, MON 22 JUL 2013" is never compared);
* relative words: "yesterday", "today", "tomorrow", "tonight", "last Friday", "next Monday".
  They are placed with the document's publication date (front matter, rules.toml or
  ``--published``). Without one they stay unresolved and are never reported, unless the date
  is inferred (below).

Inferred publication day. When a document without a publication date has a relative day
("yesterday") in a sentence aligned with an explicit day of another source ("on Tuesday"), and
every such alignment of the document implies the same day, the document is read as published
on that day ("a.txt read as published on a Wednesday", a report note; a full date when the other
source gives one). Its other relative expressions are then resolved with it ("next Monday" is a
date once the publication date is known). Contradictory evidence (another relative day of the
document, or another source, implying a different day) infers nothing.

Durations ("three days of talks", "three years ago") are not dates, and neither are page stamps
and datelines ("Updated: Nov. 11, 2011 20:09", a date followed by a clock time or by "Last
updated", a line that is only a date: "Tuesday, July 2nd, 2013", a blog's line "Posted in Local
News on Friday, September 20, 2013"): outlets publish on different days, so they are never
compared, only checked for an impossible weekday. Bounds and lists ("since
Monday", "until Friday", "Monday to Wednesday", "Monday and Tuesday") are read but never
reported: they do not name one day.

Each value is an interval with a precision (a day, a month, a year, or only a weekday): a
:class:`When`. Two values disagree only when they cannot overlap: Sunday and Monday;
December and September when the years are unknown or equal; "Tuesday, December 9, 2008" and
"Friday". A month and a weekday, or a year and a month of unknown year, always overlap.

Each expression dates its own clause: in "..., where he started his visit yesterday after
arriving late Monday", "late Monday" dates the arrival, not the remark. The clause (without its
date words) is what the core aligns with the other sources. A possessive day after "of", "for",
"against" or "into" dates only the thing it names: in "the arrest will not affect his place in
the squad for Sunday's cup final", Sunday is the final's day, aligned on "cup final" alone, and it
sets no narrative day.

Implied dates. News stories set a day once and let the next sentences run on it. A sentence with
no day of its own inherits the last day-level date (weekday, calendar day or relative day) of its
narrative: the later sentences of the same paragraph and of the following ``carry_paragraphs``
paragraphs (default 1), until a new day appears or a new paragraph opens on another place or
scene ("In Seoul, ...", "Meanwhile in ..."). Month and year mentions ("missile tests in
2022") neither set nor break the narrative day (a sentence whose own month or year cannot hold
the carried day does not inherit it), nor does a sentence told from another time ("just 18
hours earlier", "the day before", "later", "ago"). A sentence with two different days sets none
but ends the old one. An implied date is shown as "Monday (implied)", with the sentence it was carried from,
and has a lower confidence (0.6, less per paragraph of distance). Two implied dates are never
compared with each other.

Rules
-----

``dates.weekday-conflict`` (warning)
    Two sources tell the same thing (aligned sentences, similarity at least ``min_similarity``,
    default 0.35, or a context of one contained in the other's, ``min_containment``) and give
    different weekdays: "001 says Sunday; 000 implies Monday (carried over from 'While in South
    Korea on Monday')". At least one side must be stated explicitly. When the days are one apart
    the message adds that an event crossing midnight or time zones can explain it.

``dates.time-conflict`` (warning)
    Two closely retold sentences (similarity at least ``min_similarity_time``, 0.5, three
    content words shared) give times of day that cannot be the same: more than five minutes
    apart (``CLOCK_TOLERANCE``), an hour-only time covering its hour, "about" or "shortly after"
    adding half an hour. Times with a zone are compared in UTC (an ambiguous US zone such as
    "ET" covers standard and daylight time), times without one as local time, and a time with a
    zone is never compared with one without. Times exactly an hour apart get a hint about time
    zones and daylight-saving time. One finding per disagreement, a side per time.

``dates.impossible-weekday`` (warning)
    A weekday given with a full date it does not fall on ("Thursday, July 2, 2013", a Tuesday),
    in any document, alone or with others.

``dates.date-conflict`` (warning)
    The same, for calendar values: a different day of the same month, a different month ("in
    December" / "in September"), or a different year.

What is not compared: two implied values; an implied day against a month or a year (the
narrative day says nothing about background events); the day something was said ("officials
said Saturday") against the day of an event; bounds, lists and unresolved relative days. Years
and months alone need near-identical sentences (``min_similarity_coarse``, 0.5), and so does a
pair with an implied side (``min_similarity_implied``, 0.5). A pair is dropped when either claim
aligns at least as well with a claim of the other document that gives its own value (the other
source says the same thing elsewhere, so the weaker match is another event).

A sentence that gives both values is set against neither: "heads into Saturday's final, facing
the winner of Friday's semifinal" against "will face the winner of the semifinal on Saturday" is
two events told in one sentence, and the clause a day dates is a guess there.

One finding per disagreement: every pair of aligned sentences that tells the same disagreement
(the same two values, linked by a shared claim) is one finding, with one evidence item per
document. A document whose claim agrees with a side's claim (aligned with it through the same
gates as a compared pair, and giving the same value) is on that side too, and so on from claim
to claim: every outlet that tells the event with that day is in the finding, also one worded too
far from the other side to be compared with it directly (not one whose sentence also gives the
other side's value). A story that tells the event in a sentence without a date (its lead
"Police have arrested the mayor's driver, prosecutors said", aligned with a claim of the finding:
``min_similarity``, ``min_shared_terms``) and names one day, and only one, anywhere in its text
("The driver was picked up ... on Wednesday", a sentence sharing ``min_shared_terms`` content
words with that one) is on that day's side too; a story naming two days (or a relative day
besides) joins by its lead no side. Neither brings a new finding: they only complete one.

Options: ``min_similarity`` (0.35); ``min_containment`` (0.6), which also admits a pair with a
similarity of at least ``min_similarity_contained`` (0.2) sharing ``min_shared_contained`` (4)
content words; ``min_shared_terms`` (2), the fewest content words two contexts must share;
``min_similarity_coarse`` (0.5); ``min_similarity_implied`` (0.5); ``min_similarity_time``
(0.5); ``carry_paragraphs`` (1); ``implied_confidence`` (0.6).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Optional, Sequence

import factcheck
from factcheck.plugins.numbers import quoted_spans, split_sides
from factcheck.align import UnionFind
from factcheck.model import Clause, Sentence
from factcheck.text import content_terms

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_MONTH_ABBR = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
               "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12}
RELATIVE = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}

_M_FULL = "|".join(MONTHS)
_M_ABBR = "|".join(sorted(_MONTH_ABBR, key=len, reverse=True))
_MONTH = rf"(?:{_M_FULL}|(?:{_M_ABBR})\.?)(?![A-Za-z])"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?![\dA-Za-z])(?![,.]\d)(?!\s*%)(?!-\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d])(?![:.,]\d)(?!\s*%)"
_WEEKDAY = "|".join(WEEKDAYS)
_PART = r"morning|afternoon|evening|night"

# Prepositions and modifiers that make a capitalised month a date ("in December").
_MONTH_PRE = ("in", "since", "during", "until", "till", "through", "throughout", "by", "from",
              "of", "before", "after", "early", "late", "mid", "last", "next", "this", "that",
              "between", "and", "or", "to", "around", "every")
# "May" is also a name and (capitalised at a sentence start) a verb: fewer contexts make it a month.
_MAY_PRE = ("in", "since", "during", "until", "till", "through", "throughout", "early", "late",
            "mid", "last", "next", "this")
_DETERMINERS = ("a", "an", "the")
_YEAR_PRE = ("in", "since", "during", "until", "till", "through", "throughout", "by", "before",
             "after", "early", "late", "mid")
_WEEKDAY_MODS = ("on", "late", "early", "last", "next", "this", "since", "until", "till", "by",
                 "from", "through", "before", "after", "each", "every", "the", "that", "coming",
                 "past", "previous", "following")
# A paragraph that opens on another place or scene does not go on with the narrative day.
_NEW_SCENE = re.compile(r"(?:In|At|From|Back\s+in|Meanwhile(?:,)?\s+in|Elsewhere(?:,)?\s+in)\s+"
                        r"(?:the\s+)?[A-Z][a-z]")
_PUBLICATION_AFTER = re.compile(r"(?:['\u2019]s)?\s+(?:[a-z]+\s+)?(?:column|columns|edition|editions|"
                                r"issue|paper|papers|newspaper|broadcast|newscast|bulletin|show|episode)\b")
_NAMED_DAYS = {"easter", "palm", "good", "black", "cyber", "super", "bloody", "ash", "holy",
               "shrove", "maundy", "fat", "giving", "whit", "low", "mothering", "pancake"}
_MINOR_WORDS = {
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with",
    "when", "while", "as", "after", "before", "that", "which", "who", "where", "if", "is", "was",
    "were", "are", "be", "been", "has", "had", "have", "will", "would", "could", "should", "can",
    "than", "then", "so", "its", "his", "her", "their", "alone", "too", "also", "into", "through",
}

DAY_RANGE_RE = re.compile(rf"\s*[-\u2013]\s*(?P<to>[12]\d|3[01]|0?[1-9])(?![\d:])(?:\s*,?\s*(?P<year>{_YEAR}))?")
# Month and year relative to the publication date ("earlier this month", "last year").
REL_PERIOD_RE = re.compile(r"\b(?P<mod>(?i:earlier\s+this|later\s+this|this|last|next|past))\s+"
                           r"(?P<unit>month|year)\b")
# Read so that they never count as one day or set a narrative day: weeks and decades.
VAGUE_RE = re.compile(r"\b(?:(?i:last|this|next|past|previous|the\s+following|the\s+previous)\s+"
                      r"(?:week|weekend)|(?:the\s+)?(?:1[89]|20)\d0s|(?:the\s+)?(?:early|mid|late)[-\s](?:1[89]|20)\d0s)\b")
MDY_RE = re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>{_DAY})(?:\s*,?\s*(?P<year>{_YEAR}))?")
DMY_RE = re.compile(rf"\b(?P<day>{_DAY})\s+(?:of\s+)?(?P<month>{_MONTH})(?:\s*,?\s*(?P<year>{_YEAR}))?")
MY_RE = re.compile(rf"\b(?P<month>{_M_FULL}|(?:{_M_ABBR})\.)(?![A-Za-z])\s*,?\s+(?P<year>{_YEAR})")
MONTH_CTX_RE = re.compile(
    rf"\b(?P<pre>[A-Za-z]+)(?:\s+|-)(?P<month>{_M_FULL})(?![A-Za-z])(?P<poss>['\u2019]s)?"
    rf"(?:\s*,?\s+(?P<year>{_YEAR}))?")
YEAR_RE = re.compile(rf"\b(?P<pre>[A-Za-z]+|the\s+year)(?:\s+|-)(?P<year>{_YEAR})(?P<poss>['\u2019]s)?")
WEEKDAY_RE = re.compile(
    rf"(?P<mods>(?:\b(?i:{'|'.join(_WEEKDAY_MODS)})\s+){{0,2}})\b(?P<wd>{_WEEKDAY})(?![A-Za-z])"
    rf"(?P<poss>['\u2019]s)?(?:\s+(?P<part>{_PART})(?![A-Za-z]))?")
_WEEKDAY_NAME = re.compile(_WEEKDAY)  # what WEEKDAY_RE needs (its modifiers are optional)
RELATIVE_RE = re.compile(rf"\b(?P<rel>(?i:yesterday|today|tomorrow|tonight))(?![A-Za-z'\u2019])"
                         rf"(?:\s+(?P<part>{_PART})(?![A-Za-z]))?")
LAST_NEXT_RE = re.compile(r"(?i:last|next|this|coming|past|previous|following)")
_OPEN_MODS = {"since", "until", "till", "by", "from", "through", "before", "after"}
_STAMP_AFTER = re.compile(r"[\s,]*(?:(?:at\s+|@\s*)?\d{1,2}\s*:\s*\d\d|(?i:last\s+)?(?i:updated|published|posted)\b)")
# What may stand beside the dates of a dateline or page stamp ("Posted: Friday, March 8, 2013
# 2:39 pm", "PUBLISHED: 16:05 GMT, 9 June 2013 | UPDATED: 06:55 GMT, 10 June 2013").
_STAMP_REST = re.compile(
    r"(?:[\s,.|:;()\-\u2013\u2014/]|\d{1,2}\s*[:.]\s*\d\d|\d+|(?i:posted|published|updated|last|"
    r"modified|at|date|gmt|utc|bst|est|edt|cst|cdt|pst|pdt|cet|cest|et|[ap]\.?m\.?)(?![A-Za-z]))*")
_STAMP_BEFORE = re.compile(r"(?i:updated|published|posted|modified|last\s+update|date)\s*(?:on)?\s*:?\s*$")
# A blog's byline or category line: "Posted in Hit and Run Accidents on Friday, September 20, 2013".
_STAMP_LINE = re.compile(r"^\W*(?i:posted|filed)\s+(?i:in|under|by)\s+[^.;:!?]{1,60}?\s+(?:(?i:on|at)\s*)?$")
_SPEECH = r"said|says|told|tells|announced|announces|stated|added|declared|reported|confirmed|insisted|warned|wrote"
_SPEECH_BEFORE = re.compile(rf"\b(?:{_SPEECH})\s+$", re.I)
_SPEECH_AFTER = re.compile(rf"\s*(?:{_SPEECH})\b", re.I)
_RANGE_GAP = re.compile(r"^\s*(?:-|\u2013|\u2014|to|through|thru|until|till|and|or|,|&)\s*$", re.I)
_APPOSITION_GAP = re.compile(r"^\s*,?\s*(?:on\s+)?$", re.I)


def _month_number(token: str) -> int:
    token = token.rstrip(".")
    if token in MONTHS:
        return MONTHS.index(token) + 1
    return _MONTH_ABBR[token]


class _computed_once:
    """A property computed on first reading and kept in the instance's __dict__, where the fields,
    equality and hash of a frozen dataclass do not look (functools.cached_property without the
    lock that makes its first reading slow in Python 3.11)."""

    def __init__(self, method) -> None:
        self.method, self.name, self.__doc__ = method, method.__name__, method.__doc__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.method(instance)
        return value


@dataclass(frozen=True)
class When:
    """A date value: an interval of time at a precision (day, weekday only, month or year).

    Fields not known are None. `relative` names an unresolved relative expression ("yesterday",
    "last Monday" without a publication date): it overlaps everything. `exact` is False for
    bounds and lists ("since Monday", "Monday to Wednesday"), which overlap everything too.
    """

    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    weekday: Optional[int] = None  # 0 = Monday
    relative: str = ""
    exact: bool = True

    # computed once: the compare reads them again for every pair, and pairs share their values
    @_computed_once
    def precision(self) -> str:
        if self.day is not None or self.relative:
            return "day"
        if self.weekday is not None:
            return "weekday"
        if self.month is not None:
            return "month"
        if self.year is not None:
            return "year"
        return "none"

    @_computed_once
    def day_level(self) -> bool:
        """Weekdays, calendar days and relative days: what sets a narrative's time."""
        return self.precision in ("day", "weekday")

    @property
    def resolved(self) -> bool:
        return not self.relative

    def date(self) -> Optional[dt.date]:
        if None in (self.year, self.month, self.day):
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None

    def day_of_week(self) -> Optional[int]:
        if self.weekday is not None:
            return self.weekday
        date = self.date()
        return date.weekday() if date else None

    def interval(self) -> Optional[tuple[dt.date, dt.date]]:
        """First and last day covered, when the year is known."""
        if self.year is None or self.relative:
            return None
        if self.month is None:
            return dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)
        if self.day is None:
            last = calendar.monthrange(self.year, self.month)[1]
            return dt.date(self.year, self.month, 1), dt.date(self.year, self.month, last)
        date = self.date()
        return (date, date) if date else None

    def conflict(self, other: "When") -> Optional[str]:
        """What makes the two values impossible together: 'weekday', 'day', 'month', 'year' or None."""
        if not (self.exact and other.exact) or self.relative or other.relative:
            return None
        if self.precision == "none" or other.precision == "none":
            return None
        if self.year is not None and other.year is not None and self.year != other.year:
            return "year"
        if self.month is not None and other.month is not None and self.month != other.month:
            return "month"
        if (self.day is not None and other.day is not None and self.month == other.month
                and self.day != other.day):
            return "day"
        wa, wb = self.day_of_week(), other.day_of_week()
        if wa is not None and wb is not None and wa != wb:
            return "weekday"
        return None

    def overlaps(self, other: "When") -> bool:
        return self.conflict(other) is None

    def merge(self, other: "When") -> "When":
        """Two expressions in apposition ("Tuesday, December 9, 2008"; "yesterday, on Friday")."""
        return When(
            self.year if self.year is not None else other.year,
            self.month if self.month is not None else other.month,
            self.day if self.day is not None else other.day,
            self.weekday if self.weekday is not None else other.weekday,
            "", self.exact and other.exact,
        )

    def display(self, weekday: bool = False) -> str:
        """How an editor reads the value; `weekday` adds the weekday of a full date."""
        if self.relative:
            return self.relative
        parts = []
        if self.weekday is not None:
            parts.append(WEEKDAYS[self.weekday])
        if self.month is not None:
            md = MONTHS[self.month - 1]
            if self.day is not None:
                md += f" {self.day}"
            if self.year is not None:
                md += f", {self.year}" if self.day is not None else f" {self.year}"
            parts.append(md)
        elif self.year is not None:
            parts.append(str(self.year))
        if weekday and self.weekday is None and self.date() is not None:
            parts.insert(0, WEEKDAYS[self.date().weekday()])
        return ", ".join(parts) or "?"

    def key(self, what: str) -> str:
        """The part of the value a disagreement of kind `what` is about (for grouping)."""
        if what == "weekday":
            return WEEKDAYS[self.day_of_week()]
        if what == "year":
            return str(self.year)
        if what == "month":
            return MONTHS[self.month - 1]
        return f"{MONTHS[self.month - 1]} {self.day}"


def from_date(date: dt.date, **kw) -> When:
    return When(date.year, date.month, date.day, None, **kw)


@dataclass(frozen=True)
class Expression:
    """A date expression found in a text: offsets into that text, its value and words."""

    start: int
    end: int
    text: str
    value: When
    part: str = ""  # morning / night ...
    relative_word: str = ""  # "yesterday", "last Monday" as written
    stamp: bool = False  # "Updated: Nov. 11, 2011 20:09": when the page was written, not an event

    def shifted(self, offset: int) -> "Expression":
        """The same expression with its offsets moved by `offset` (replace(), made cheaply)."""
        return Expression(self.start + offset, self.end + offset, self.text, self.value, self.part,
                          self.relative_word, self.stamp)

    @property
    def display(self) -> str:
        shown = self.value.display(weekday=bool(self.relative_word))
        if self.relative_word and self.value.resolved:
            shown += f" ({self.relative_word})"
        return shown


# the word ending the text before a date, past spaces or a hyphen
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]*$")


def _word_before(text: str, pos: int) -> str:
    match = _WORD_BEFORE.search(text[:pos])
    return match.group(1) if match else ""


_WORD_AFTER = re.compile(r"\s*([A-Za-z]+)")


def _word_after(text: str, pos: int) -> str:
    match = _WORD_AFTER.match(text[pos:])
    return match.group(1) if match else ""


_COUNT_WORDS = {"people", "men", "women", "children", "police", "staff", "personnel", "feet",
                "million", "billion", "thousand", "hundred", "more", "other", "new", "extra"}


def _count_follows(text: str, pos: int) -> bool:
    """A plural noun right after a number: a count ('in 2000 cases'), not a year."""
    match = re.match(r"\s+([a-z][a-z-]*)", text[pos:])
    if not match:
        return False
    word = match.group(1)
    if word in _COUNT_WORDS:
        return True
    return (word.endswith("s") and not word.endswith(("ss", "us", "is"))
            and word not in _MINOR_WORDS and word not in ("was", "has", "does", "says"))


def _valid_day(month: int, day: int, year: Optional[int]) -> bool:
    limit = calendar.monthrange(year or 2000, month)[1]  # 2000: a leap year, so Feb 29 passes
    return 1 <= day <= limit


def _resolve_weekday(published: dt.date, weekday: int, direction: str) -> dt.date:
    if direction in ("last", "past", "previous"):
        back = (published.weekday() - weekday) % 7 or 7
        return published - dt.timedelta(days=back)
    ahead = (weekday - published.weekday()) % 7 or 7
    return published + dt.timedelta(days=ahead)


# a digit just before a day-month date: part of a number ("3, 9 December", "1.5 May")
_NUMBER_BEFORE = re.compile(r"\d[.,]?\s*$")
_NON_SPACE_RUN = re.compile(r"\S+")
_DIGITS = re.compile(r"\d+")


# The letters outside ASCII that re.IGNORECASE matches with ASCII ones: the dotted capital I and
# the dotless i with "i", the long s with "s", the Kelvin sign with "k".
_CASE_FOLDS = ("\u0130", "\u0131", "\u017f", "\u212a")


def _has_word(text: str, words: Iterable[str]) -> bool:
    """Whether one of the lowercase ASCII `words` may occur in `text` in any case, as a pattern
    ignoring case would find it: a quick test before running one that needs one of them."""
    lower = text.lower()
    for word in words:  # (loops, not any() over generators: this runs on every sentence)
        if word in lower:
            return True
    return not text.isascii() and _has_case_fold(text)


def _has_case_fold(text: str) -> bool:
    """Whether the text has one of the letters of _CASE_FOLDS."""
    for letter in _CASE_FOLDS:
        if letter in text:
            return True
    return False


def _weekday_matches(text: str):
    """WEEKDAY_RE.finditer(text), each search started just before the next weekday name: the
    pattern tries its modifiers at every place it starts (a costly scan), and a match has at most
    two of them, two words, before its weekday (none of them holds a weekday name)."""
    pos = 0
    while True:
        name = _WEEKDAY_NAME.search(text, pos)
        if name is None:
            return
        start = name.start()
        for _word in range(2):  # back over spaces, then over a word, twice
            while start > pos and text[start - 1].isspace():
                start -= 1
            while start > pos and not text[start - 1].isspace():
                start -= 1
        match = WEEKDAY_RE.search(text, start)
        if match is None:
            return
        yield match
        pos = match.end()


# Every way of writing a month (_MONTH: names and abbreviations) contains one of these.
_MONTH_STEMS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_STEM = re.compile("|".join(_MONTH_STEMS))


def _candidates(text: str, published: Optional[dt.date]) -> list[Expression]:
    found: list[Expression] = []
    # each pattern runs only where its literal part occurs (a month, a year's first two digits,
    # a weekday, "month" or "year", "week" or a decade's "0s", a relative day): most sentences
    # have no date
    has_month = _MONTH_STEM.search(text) is not None

    for regex in (MDY_RE, DMY_RE) if has_month else ():
        for m in regex.finditer(text):
            month = _month_number(m.group("month"))
            day = int(_DIGITS.match(m.group("day")).group())
            year = int(m.group("year")) if m.group("year") else None
            if not _valid_day(month, day, year):
                continue
            if regex is DMY_RE and _NUMBER_BEFORE.search(text[:m.start()]):
                continue  # "3, 9 December" / "1.5 May": part of a number
            span = DAY_RANGE_RE.match(text, m.end("day")) if regex is MDY_RE else None
            if span and int(span.group("to")) > day and _valid_day(month, int(span.group("to")), year):
                # "Jan. 5-7", "March 3-5, 2015": a span of days, read but never one day
                end = span.end()
                found.append(Expression(m.start(), end, text[m.start():end],
                                        When(year if year else (int(span.group("year")) if span.group("year") else None),
                                             month, day, exact=False)))
                continue
            found.append(Expression(m.start(), m.end(), m.group(), When(year, month, day)))

    for m in MY_RE.finditer(text) if has_month else ():
        found.append(Expression(m.start(), m.end(), m.group(),
                                When(int(m.group("year")), _month_number(m.group("month")))))

    for m in MONTH_CTX_RE.finditer(text) if has_month else ():
        pre, month_name = m.group("pre").lower(), m.group("month")
        if month_name == "May":
            if pre not in _MAY_PRE or m.group("poss"):
                continue
        elif pre in _DETERMINERS:
            nxt = _word_after(text, m.end("month"))
            if not nxt or not nxt.islower() or nxt in _MINOR_WORDS:
                continue  # "the March on Washington" is not a month
        elif pre not in _MONTH_PRE:
            continue
        start = m.start("month") if pre in _DETERMINERS or pre in ("and", "or", "to", "between") else m.start()
        year = int(m.group("year")) if m.group("year") else None
        end = m.end() if year else m.end("month")
        found.append(Expression(start, end, text[start:end],
                                When(year, _month_number(month_name), exact=pre not in _OPEN_MODS)))

    for m in YEAR_RE.finditer(text) if "18" in text or "19" in text or "20" in text else ():
        pre = m.group("pre").lower()
        if pre not in _YEAR_PRE and pre not in ("the", "the year"):
            continue
        if not m.group("poss") and _count_follows(text, m.end("year")):
            continue
        found.append(Expression(m.start(), m.end("year"), text[m.start():m.end("year")],
                                When(int(m.group("year")), exact=pre not in _OPEN_MODS)))

    for m in _weekday_matches(text):
        weekday = WEEKDAYS.index(m.group("wd"))
        tokens = [(t.group().lower(), m.start("mods") + t.start())
                  for t in _NON_SPACE_RUN.finditer(m.group("mods"))]
        if _word_before(text, m.start()).lower() in _NAMED_DAYS:
            continue  # "Easter Sunday", "Black Friday"
        mods = [w for w, _ in tokens]
        if any(w in ("each", "every") for w in mods):
            continue  # a habit, not a day
        nxt = _word_after(text, m.end("wd"))
        if ("the" in mods or "that" in mods) and nxt[:1].isupper() and nxt not in MONTHS:
            continue  # "the Sunday Times"
        if _PUBLICATION_AFTER.match(text, m.end("wd")):
            continue  # "his Monday column", "its Tuesday editions": when a paper appeared
        # "the"/"that" only qualify the day: they are not part of the expression
        while tokens and tokens[0][0] in ("the", "that"):
            tokens = tokens[1:]
        mods = [w for w, _ in tokens]
        start = tokens[0][1] if tokens else m.start("wd")
        end = m.end()
        relative = next((w for w in mods if w in ("last", "next", "this", "coming", "past",
                                                      "previous", "following")), "")
        open_bound = any(w in _OPEN_MODS for w in mods)
        value = When(weekday=weekday, exact=not open_bound)
        written = ""
        if relative in ("last", "next", "coming", "past", "previous", "following"):
            written = f"{relative} {WEEKDAYS[weekday]}"
            if published is not None:
                value = replace(from_date(_resolve_weekday(published, weekday, relative)),
                                weekday=weekday, exact=not open_bound)
            else:
                value = When(weekday=weekday, relative=written, exact=not open_bound)
        found.append(Expression(start, end, text[start:end], value, m.group("part") or "", written))

    for m in REL_PERIOD_RE.finditer(text) if "month" in text or "year" in text else ():
        mod, unit = m.group("mod").lower().split()[-1], m.group("unit")
        shift = {"last": -1, "past": -1, "next": 1}.get(mod, 0)
        if mod == "past" and unit == "year":
            continue  # "the past year": the twelve months before, not a calendar year
        if re.search(rf"\b{_MONTH}\s+$", text[:m.start()]):
            continue  # "in April last year": the month is the date, the year only places it
        written = m.group().lower()
        if published is None:
            value = When(relative=written, exact=False)
        elif unit == "year":
            value = When(published.year + shift)
        else:
            month0 = published.year * 12 + published.month - 1 + shift
            value = When(month0 // 12, month0 % 12 + 1)
        found.append(Expression(m.start(), m.end(), m.group(), value, "", written))

    for m in VAGUE_RE.finditer(text) if "week" in text or "0s" in text else ():
        found.append(Expression(m.start(), m.end(), m.group(), When(relative=m.group(), exact=False)))

    for m in RELATIVE_RE.finditer(text) if _has_word(text, RELATIVE) else ():
        word = m.group("rel").lower()
        if text[m.end("rel"):m.end("rel") + 2] in ("'s", "\u2019s"):
            continue  # "today's world"
        if published is not None:
            value = from_date(published + dt.timedelta(days=RELATIVE[word]))
        else:
            value = When(relative=word)
        found.append(Expression(m.start(), m.end(), m.group(), value, m.group("part") or "", word))
    return found


def find_dates(text: str, published: Optional[dt.date] = None) -> list[Expression]:
    """The date expressions of a text, in order, without overlaps; appositions joined.

    `published` places relative expressions ("yesterday"); without it they stay unresolved.
    """
    candidates = sorted(_candidates(text, published), key=lambda e: (e.start, -(e.end - e.start)))
    chosen: list[Expression] = []
    for expr in candidates:
        if chosen and expr.start < chosen[-1].end:
            if expr.end - expr.start > chosen[-1].end - chosen[-1].start and expr.start == chosen[-1].start:
                chosen[-1] = expr
            continue
        chosen.append(expr)
    # "Tuesday, December 9, 2008" and "Yesterday, on Friday" are one expression.
    joined: list[Expression] = []
    for expr in chosen:
        if joined and _APPOSITION_GAP.match(text[joined[-1].end:expr.start]) and _joins(joined[-1], expr):
            prev = joined[-1]
            joined[-1] = Expression(prev.start, expr.end, text[prev.start:expr.end],
                                    _merge(prev, expr), prev.part or expr.part,
                                    prev.relative_word or expr.relative_word)
            continue
        joined.append(expr)
    alone = bool(joined) and all(e.value.month is not None for e in joined) and _STAMP_REST.fullmatch(_strip(text, 0, [(e.start, e.end) for e in joined]))
    for i, expr in enumerate(joined):
        if (alone or _STAMP_AFTER.match(text, expr.end)
                or _STAMP_BEFORE.search(text[max(0, expr.start - 30):expr.start])
                or _STAMP_LINE.match(text[:expr.start])):
            joined[i] = replace(expr, stamp=True)
    # "Monday to Wednesday", "Monday and Tuesday": a span or a list, not one day.
    for i in range(len(joined) - 1):
        a, b = joined[i], joined[i + 1]
        if a.value.precision == b.value.precision and _RANGE_GAP.match(text[a.end:b.start]):
            joined[i] = replace(a, value=replace(a.value, exact=False))
            joined[i + 1] = replace(b, value=replace(b.value, exact=False))
    return joined


def _is_relative_day(expr: Expression) -> bool:
    return expr.relative_word in RELATIVE


def _complements(a: When, b: When) -> bool:
    """Apposition joins a weekday with a calendar date, never two alike."""
    has_wd = (a.weekday is not None) != (b.weekday is not None)
    has_date = (a.month is not None) != (b.month is not None)
    return has_wd and has_date


def _merge(a: Expression, b: Expression) -> When:
    """The value of two expressions in apposition; a stated day wins over a relative word."""
    rel = [e for e in (a, b) if _is_relative_day(e)]
    if rel:
        relative, stated = rel[0].value, (b if rel[0] is a else a).value
        if relative.relative or not relative.overlaps(stated):
            return stated  # unresolved, or the publication date does not fit the stated day
        return stated.merge(relative)
    return a.value.merge(b.value)


def _joins(a: Expression, b: Expression) -> bool:
    if _is_relative_day(a) != _is_relative_day(b):
        other = b if _is_relative_day(a) else a
        return other.value.day_level and not other.relative_word
    return not a.relative_word and not b.relative_word and _complements(a.value, b.value)


def parse_date(text: str, published: Optional[dt.date] = None) -> Optional[When]:
    """The value of the first date expression in `text`, or None."""
    found = find_dates(text, published)
    return found[0].value if found else None


# -- clock times -------------------------------------------------------------------------------

# Offsets from UTC in hours; the US zone names without S/D ("ET") are standard or daylight time.
ZONES = {"UTC": (0, 0), "GMT": (0, 0), "BST": (1, 1), "CET": (1, 1), "CEST": (2, 2), "EET": (2, 2),
         "EEST": (3, 3), "MSK": (3, 3), "IST": (5.5, 5.5), "ICT": (7, 7), "WIB": (7, 7), "SGT": (8, 8),
         "HKT": (8, 8), "AWST": (8, 8), "JST": (9, 9), "KST": (9, 9), "AEST": (10, 10), "AEDT": (11, 11),
         "NZST": (12, 12), "NZDT": (13, 13), "EST": (-5, -5), "EDT": (-4, -4), "ET": (-5, -4),
         "CST": (-6, -6), "CDT": (-5, -5), "CT": (-6, -5), "MST": (-7, -7), "MDT": (-6, -6),
         "MT": (-7, -6), "PST": (-8, -8), "PDT": (-7, -7), "PT": (-8, -7)}
_ZONE = (r"(?:\s*\(?\s*(?P<zone>" + "|".join(sorted(ZONES, key=len, reverse=True))
         + r"|local\s+time)\b\)?)?")
_CLOCK_QUALIFIER = (r"(?P<q>\b(?:about|around|approximately|roughly|shortly\s+(?:after|before)|"
                    r"just\s+(?:after|before|past)|soon\s+after)\s+)?")
CLOCK_RE = re.compile(
    _CLOCK_QUALIFIER
    + r"(?:\b(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s?(?P<ap>[ap])\.?\s?m\b\.?"  # 9 a.m., 5:42pm
    + r"|(?<=\bat\s)(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b(?!\s?[ap]\.?\s?m\b)"  # at 17:30
    + r"|\b(?P<mil>[01]\d|2[0-3])(?P<milm>[0-5]\d)(?=\s?(?:GMT|UTC)\b)"  # 0542 GMT
    + r"|\b(?P<word>noon|midday|midnight)\b)" + _ZONE, re.I)
# What the branches of CLOCK_RE need: a digit before "am"/"pm", "at" before a digit, a digit
# before GMT or UTC (each has a digit, and starts on it or on the "a" of "at"), or the word.
_CLOCK_DIGITS = re.compile(r"(?=[\dAa])(?:\d\s?[ap]\.?\s?m\b|\bat\s\d|\d\s?(?:GMT|UTC)\b)", re.I)
_CLOCK_WORDS = ("noon", "midday", "midnight")


def _may_have_clock(text: str) -> bool:
    """A quick test: False when CLOCK_RE finds nothing in the text (most sentences)."""
    return bool(_DIGITS.search(text) and _CLOCK_DIGITS.search(text)) or _has_word(text, _CLOCK_WORDS)
CLOCK_TOLERANCE = 5  # minutes: "5:42" and "5:40" are one time, rounded
# "as of 4 p.m.", "by noon", "until 9 a.m.": a bound or a progress point, not the time of an event
_CLOCK_BOUND = re.compile(r"\b(?:as\s+of|by|until|till|til|since|from|before|after|between|through|"
                          r"and|to|or|every|each)\s+$", re.I)


@dataclass(frozen=True)
class Clock:
    """A time of day as an interval of minutes after midnight, in UTC when a zone is given
    (``utc`` True; an ambiguous US zone widens it by the hour of daylight time), else as written
    (local time)."""
    low: int
    high: int
    utc: bool
    written: int = 0  # the minute of day as written (before zone and tolerance), for "an hour apart"

    def overlaps(self, other: "Clock") -> bool:
        if self.utc != other.utc:
            return True  # a zone against none: nothing to compare
        return any(self.low <= other.high + shift and other.low + shift <= self.high
                   for shift in (-1440, 0, 1440))


def find_clocks(text: str) -> list[tuple[int, int, Clock]]:
    """(start, end, Clock) of the times of day in a text: "9 a.m.", "5:42am", "at 17:30 CET",
    "0542 GMT", "around 9 p.m. ET", "noon", "midnight"; a bare "12:10" without "at" before it is
    no time (a score, a ratio)."""
    return list(_clocks(text))


def _back_over_words(text: str, index: int, words: int, floor: int) -> int:
    """Where the word at `index` begins, after stepping back over `words` more words (words are
    runs of non-spaces), not before `floor`."""
    for step in range(words + 1):
        if step:
            while index > floor and text[index - 1].isspace():
                index -= 1
        while index > floor and not text[index - 1].isspace():
            index -= 1
    return index


def _clock_matches(text: str):
    """CLOCK_RE.finditer(text), each search started just before the next place where a branch of
    CLOCK_RE can match (see _CLOCK_DIGITS; the match itself may begin three characters after it,
    on the digit after "at"): the pattern tries its qualifiers at every place it starts (a costly
    scan), and these are two words at most, before the word where the time begins."""
    if _has_case_fold(text):  # the words below are looked for in text.lower(): not these letters
        yield from CLOCK_RE.finditer(text)
        return
    lower = text.lower()  # (as long as the text, without the dotted capital I)
    pos = 0
    while True:
        since = max(pos - 3, 0)
        hints = [i for i in (lower.find(word, since) for word in _CLOCK_WORDS) if i >= 0]
        digits = _CLOCK_DIGITS.search(text, since)
        if digits is not None:
            hints.append(digits.start())
        if not hints:
            return
        match = CLOCK_RE.search(text, _back_over_words(text, max(min(hints), pos), 2, pos))
        if match is None:
            return
        yield match
        pos = match.end()


@lru_cache(maxsize=16384)  # pure; copies of a story repeat its sentences
def _clocks(text: str) -> tuple[tuple[int, int, Clock], ...]:
    if not _may_have_clock(text):
        return ()
    found = []
    for m in _clock_matches(text):
        if m.group("word"):
            minute, precise = (0 if m.group("word").lower() == "midnight" else 720), True
        elif m.group("h"):
            hour = int(m.group("h")) % 12 + (12 if m.group("ap").lower() == "p" else 0)
            minute, precise = hour * 60 + int(m.group("m") or 0), m.group("m") is not None
        elif m.group("h24"):
            minute, precise = int(m.group("h24")) * 60 + int(m.group("m24")), True
        else:
            minute, precise = int(m.group("mil")) * 60 + int(m.group("milm")), True
        low, high = minute - CLOCK_TOLERANCE, minute + (CLOCK_TOLERANCE if precise else 59)
        if m.group("q"):
            low, high = low - 30, high + 30  # "shortly after 9 a.m."
        zone = (m.group("zone") or "").upper()
        utc = zone in ZONES
        if utc:
            first, second = ZONES[zone]
            low, high = low - round(second * 60), high - round(first * 60)
        start = m.start("q") if m.group("q") else m.start()
        if not m.group("q") and _CLOCK_BOUND.search(text[max(0, start - 12):start]):
            continue
        end = m.end() - (1 if text[m.end() - 1] == ")" else 0)
        found.append((start, end, Clock(low, high, utc, minute)))
    return tuple(found)


def _clock_text(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _time_conflicts(pairs, options, context) -> list:
    """dates.time-conflict: aligned sentences (`pairs` of two times) whose times of day cannot be
    the same. Aligned times that agree join one side, so a disagreement is one finding with a
    side per time."""
    links = UnionFind()
    find = links.find
    claims, conflicting, best = {}, set(), {}
    for pair in pairs:
        a, b = pair.a, pair.b
        if not _similar(pair, options) or \
                pair.similarity < options["min_similarity_time"] or len(pair.shared) < 3:
            continue  # a time of day needs closely retold sentences: a day has many hours
        if a.value.utc != b.value.utc:
            continue  # a time with a zone and one without: neither agrees nor disagrees
        for claim in (a, b):
            claims[id(claim)] = claim
            if pair.similarity > best.get(id(claim), -1.0):
                best[id(claim)] = pair.similarity
        links.union(id(a), id(b))
        if not a.value.overlaps(b.value):
            conflicting.add(id(a))
    groups: dict[int, list] = {}
    for i, claim in claims.items():
        groups.setdefault(find(i), []).append(claim)
    findings = []
    for root, members in groups.items():
        if not any(find(i) == root for i in conflicting):
            continue
        per_doc: dict[int, object] = {}
        for claim in sorted(members, key=lambda c: (-best[id(c)], c.start)):
            per_doc.setdefault(claim.document.index, claim)
        sides = split_sides(per_doc[d] for d in sorted(per_doc))
        if len(sides) < 2:
            continue
        if len(per_doc) == 2:
            body = "; ".join(f"{c.document.name} says {c.display} ('{_short(c.sentence.text)}')"
                             for side in sides for c in side)
        else:
            body = "; ".join(f"{side[0].display} in {', '.join(c.document.name for c in side)}" for side in sides)
        message = f"The sources give different times of day for the same event: {body}."
        first, second = sides[0][0].value, sides[1][0].value
        if not first.utc and abs(first.written - second.written) % 1440 in (60, 1380):
            message += " They are exactly an hour apart: a slip of time zone or of daylight-saving time?"
        elif not first.utc:
            message += (" Times without a zone are read as local time; a source that gives another "
                        "zone may be right too.")
        chosen = [c for side in sides for c in side]
        finding = context.finding("dates.time-conflict", message, chosen,
                                  confidence=min(1.0, 0.5 + max(best[id(c)] for c in chosen)))
        if finding is not None:
            findings.append(finding)
    return findings


# -- plugin hooks -----------------------------------------------------------------------------

@factcheck.hookimpl
def factcheck_rules():
    return [
        factcheck.Rule(
            "dates.weekday-conflict", "warning",
            "Sources give different weekdays for the same event.",
            "Two sources tell the same thing (their sentences align) and name days of the week "
            "that cannot both be right. One side may be implied: a sentence without a day of its "
            "own takes the day its narrative set earlier (the same or the previous paragraph); the "
            "finding then shows the sentence the day was carried from. Relative days ('yesterday', "
            "'last Monday') count only when the publication date is known. Days one apart can be "
            "the same event across midnight or time zones.",
            "001: Stoltenberg on Sunday mentioned U.S. intelligence reports ...\n"
            "000: While in South Korea on Monday, ... / Stoltenberg also mentioned US intelligence "
            "reports ... (implied Monday)",
        ),
        factcheck.Rule(
            "dates.date-conflict", "warning",
            "Sources give different calendar dates, months or years for the same event.",
            "Two aligned sentences give calendar values that cannot overlap: another day of the "
            "same month, another month (when the years are unknown or equal), another year. A "
            "month and a full date of that month agree; so do a year and any date in it.",
            "a: Reid launched a new fashion line called Mantra in December.\n"
            "b: Reid, who has launched a new fashion line called Mantra in September, ...",
        ),
        factcheck.Rule(
            "dates.time-conflict", "warning",
            "Sources give different times of day for the same event.",
            "Two aligned sentences give clock times ('5:42 a.m.', 'at 17:30 CET', '0542 GMT', "
            "'around 9 p.m. ET', 'noon') that cannot be the same: more than five minutes apart (an "
            "hour-only time covers its hour; 'about', 'shortly after' add half an hour). Times with "
            "a zone are compared in UTC, times without one as local time, and a time with a zone is "
            "never compared with one without. Times exactly an hour apart get a hint about time "
            "zones and daylight-saving time.",
            "a: The quake hit at 5:42 a.m. local time, south of Hualien.\n"
            "b: It struck at 6:42 a.m., south of Hualien.",
        ),
        factcheck.Rule(
            "dates.impossible-weekday", "warning",
            "A weekday given with a full date on which it does not fall.",
            "A weekday in apposition to a date with its year ('Thursday, July 2, 2013') names a "
            "day the calendar does not allow: one of the two is wrong. Checked in every document, "
            "alone or with others.",
            "a: Tuesday, July 2nd, 2013 (a Tuesday) is right; 'Thursday, July 2nd, 2013' is not.",
        ),
    ]


@factcheck.hookimpl
def factcheck_options():
    return {
        "min_similarity": 0.35,
        "min_containment": 0.6,
        "min_similarity_contained": 0.2,
        "min_shared_contained": 4,
        "min_shared_terms": 2,
        "min_similarity_coarse": 0.5,
        "min_similarity_implied": 0.5,
        "min_similarity_time": 0.5,
        "carry_paragraphs": 1,
        "implied_confidence": 0.6,
    }


def _strip(text: str, offset: int, spans: Iterable[tuple[int, int]]) -> str:
    """The text with the date expressions blanked: alignment compares what happened, not when."""
    n = len(text)
    cuts = sorted((max(start - offset, 0), min(end - offset, n)) for start, end in spans)
    parts, done = [], 0
    for a, b in cuts:
        a = max(a, done)
        if a < b:
            parts += (text[done:a], " " * (b - a))
            done = b
    if not parts:
        return text
    parts.append(text[done:])
    return "".join(parts)


_TIME_SHIFT = re.compile(
    r"\b(?:earlier|later|ago|previously|beforehand|afterwards|overnight|the\s+(?:day|night|week|"
    r"evening|morning)\s+(?:before|after)|the\s+(?:previous|next|following)\s+(?:day|night|"
    r"evening|morning|week))\b", re.I)
_SUB_CLAUSE = re.compile(r"[,;:][\"\u201d\u2019']?\s+|\s+(?=(?:that|and|but|after|before|when|while|where|because|as)\s)")
# a word each branch of _TIME_SHIFT needs ("previously" has "previous", "beforehand" "before")
_TIME_SHIFT_WORDS = ("earlier", "later", "ago", "before", "after", "previous", "next", "following",
                     "overnight")
MIN_CONTEXT_TERMS = 3


@lru_cache(maxsize=16384)  # copies of a story repeat its sentences
def _shifts_time(text: str) -> bool:
    """The sentence tells from another time ("18 hours earlier", "the day before")."""
    return _has_word(text, _TIME_SHIFT_WORDS) and _TIME_SHIFT.search(text) is not None


def _clause_span(sentence, expr: Expression, found: Sequence[Expression]) -> tuple[int, int]:
    """The clause an expression dates (document offsets).

    The segmenter's clause, cut again between two date expressions at a comma it did not cut
    ("... in October that she didn't 'need to ...,' Reid checked in on Friday"); a fronted
    clause with almost no words of its own ("While in South Korea on Monday, ...") is read with
    the clause that follows it.
    """
    clauses = list(sentence.clauses) or [sentence.clause_at(expr.start)]
    index = next((i for i, c in enumerate(clauses) if c.start <= expr.start < c.end), None)
    if index is None:
        clause = sentence.clause_at(expr.start)
        start, end = clause.start, clause.end
    else:
        start, end = clauses[index].start, clauses[index].end
        spans = [(e.start, e.end) for e in found]
        stripped = _strip(clauses[index].text, start, spans)
        if len(content_terms(stripped)) < MIN_CONTEXT_TERMS:
            if index + 1 < len(clauses):
                end = clauses[index + 1].end
            elif index > 0:  # a closing clause ("..., told AFP late Tuesday."): read the one before
                start = clauses[index - 1].start
    text = sentence.text
    for other in found:
        if other is expr or not (start <= other.start < end):
            continue
        lo, hi = sorted((expr.end, other.start)) if other.start >= expr.end else (other.end, expr.start)
        cuts = [m.end() for m in _SUB_CLAUSE.finditer(text, lo - sentence.start, hi - sentence.start)]
        if cuts:
            cut = sentence.start + (cuts[-1] if other.start >= expr.end else cuts[0])
        else:  # no mark between them: each takes the words on its side of the middle
            middle = (lo + hi) // 2 - sentence.start
            space = text.rfind(" ", lo - sentence.start, middle + 1)
            cut = sentence.start + (space + 1 if space >= 0 else middle)
        if other.start >= expr.end:
            end = min(end, cut)
        else:
            start = max(start, cut)
    return start, end


_THING_BEFORE = re.compile(r"\b(?:of|for|against|into|toward|towards)\s+$", re.I)
_POSSESSIVE_AFTER = re.compile(r"['\u2019]s\b")


def _dates_a_thing(text: str, expr: Expression) -> bool:
    """'the winner of Friday's semifinal', 'fit for Sunday's game': a possessive day after "of",
    "for", "against" or "into" dates the thing it names, not what its clause tells."""
    if expr.value.weekday is None or expr.value.month is not None:
        return False
    possessive = expr.text.endswith(("'s", "\u2019s")) or bool(_POSSESSIVE_AFTER.match(text, expr.end))
    return possessive and bool(_THING_BEFORE.search(text[max(0, expr.start - 20):expr.start]))


def _dates_speech(text: str, expr: Expression) -> bool:
    """'officials said Saturday', 'on Tuesday announced': the day of a statement, not of its news."""
    return bool(_SPEECH_BEFORE.search(text[max(0, expr.start - 20):expr.start])
                or _SPEECH_AFTER.match(text, expr.end))


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


@lru_cache(maxsize=16384)  # find_dates is pure; copies of a story repeat its sentences
def _sentence_dates(text: str, published: Optional[dt.date]) -> tuple[Expression, ...]:
    return tuple(find_dates(text, published))


# a word of two letters or more: a page stamp has few besides its dates and clock times
_LETTER_WORD = re.compile(r"[A-Za-z]{2,}")


@lru_cache(maxsize=16384)  # copies of a story repeat its sentences
def _event_clocks(text: str, published: Optional[dt.date]) -> tuple[tuple[int, int, Clock, str, str], ...]:
    """(start, end, clock, display, context) of the clock times of a sentence (offsets into it),
    none for a page stamp ("Updated: Nov. 11, 2011 20:09", "9:53 AM, MON 22 JUL 2013")."""
    clocks = _clocks(text)
    if not clocks:
        return ()
    dates = _sentence_dates(text, published)
    if any(e.stamp for e in dates) or len(_LETTER_WORD.findall(_strip(
            text, 0, [(e.start, e.end) for e in dates] + [(a, b) for a, b, _ in clocks]))) < 4:
        return ()
    spans = [(e.start, e.end) for e in dates]
    # a time is told in a clause of its own ("It struck at 6:42 a.m., some 20 km south of ..."):
    # its sentence is what it aligns on
    return tuple((a, b, clock, " ".join(text[a:b].split()), _strip(text, 0, spans + [(a, b)]))
                 for a, b, clock in clocks)


@lru_cache(maxsize=16384)  # copies of a story repeat its sentences, quotations and all
def _date_contexts(text: str, published: Optional[dt.date], clauses: tuple[tuple[int, int], ...],
                   quotes: tuple[tuple[int, int], ...], things: tuple[bool, ...]) -> tuple[tuple[int, int, str], ...]:
    """Per date expression of a sentence (not a page stamp): the start and end of what it dates
    and the context it aligns on, that stretch without the dates and the quotations. Offsets are
    into the sentence; `clauses` and `quotes` (quotations, cut to the sentence) too; `things`:
    which expressions date a thing (_dates_a_thing)."""
    sentence = Sentence(0, 0, 0, 0, len(text), text, 0, 0, tuple(Clause(a, b, text[a:b]) for a, b in clauses))
    found = [e for e in _sentence_dates(text, published) if not e.stamp]
    spans = [(e.start, e.end) for e in found]
    contexts = []
    for expr, thing in zip(found, things):
        start, end = _clause_span(sentence, expr, found)
        if thing:
            start = expr.start  # "the winner of Friday's semifinal": the day of the semifinal only
        # a quotation inside the clause is what someone said, not what happened
        blank = spans if any(a <= expr.start < b for a, b in quotes) else spans + [
            (a, b) for a, b in quotes if a < end and b > start]
        contexts.append((start, end, _strip(text[start:end], start, blank)))
    return tuple(contexts)


@factcheck.hookimpl
def factcheck_extract(document, context):
    options = context.options
    carry = int(options.get("carry_paragraphs", 1))
    base_confidence = float(options.get("implied_confidence", 0.6))
    published = document.published
    text_of = document.text
    sentences = document.sentences
    claims = []
    narrative = None  # (expression, sentence, its display)
    quoted = quoted_spans(text_of, document.paragraphs)
    for sentence in sentences:
        text, offset = sentence.text, sentence.start
        dates = _sentence_dates(text, published)
        clocks = _clocks(text)
        if not dates and not clocks and narrative is None:
            continue  # most sentences: no date of their own, none carried
        every = [e.shifted(offset) for e in dates]
        for expr in every:
            if expr.stamp and expr.value.weekday is not None and expr.value.date() is not None:
                # a page stamp is never compared with other sources, only checked on its own
                claims.append(context.claim(
                    "date", document, sentence, expr.start, expr.end, expr.value,
                    display=expr.display, context="", stamp=True))
        found = [e for e in every if not e.stamp]
        spans = [(e.start, e.end) for e in found]
        for start, end, clock, display, clock_context in _event_clocks(text, published) if clocks else ():
            start, end = offset + start, offset + end
            if any(a <= start < b for a, b in quoted):
                continue  # a time inside a quotation is what someone said
            claims.append(context.claim("time", document, sentence, start, end, clock,
                                        display=display, context=clock_context))
        points = []  # the exact days that date what happened (not a statement, not a thing)
        if found:
            things = tuple(_dates_a_thing(text_of, e) for e in found)
            end_of = sentence.end
            quotes = tuple((max(a, offset) - offset, min(b, end_of) - offset)
                           for a, b in quoted if a < end_of and b > offset)
            clauses = tuple((c.start - offset, c.end - offset) for c in sentence.clauses)
            dated = _date_contexts(text, published, clauses, quotes, things)
            for expr, thing, (start, end, date_context) in zip(found, things, dated):
                speech = _dates_speech(text_of, expr)
                claims.append(context.claim(
                    "date", document, sentence, expr.start, expr.end, expr.value,
                    display=expr.display, context=date_context,
                    precision=expr.value.precision, part=expr.part, speech=speech,
                ))
                if expr.value.day_level and expr.value.exact and not speech and not thing:
                    points.append(expr)
        days = [e for e in found if e.value.day_level]
        if days:
            if points and len(days) == len(points) and len({e.value for e in points}) == 1:
                narrative = (points[0], sentence, f"{points[0].display} (implied)")
            else:
                narrative = None  # two days (or a span): no single narrative day
            continue
        if narrative is None:
            continue
        source_expr, source, display = narrative
        distance = sentence.paragraph - source.paragraph
        first_of_paragraph = sentence.paragraph != source.paragraph and (
            sentence.index == 0 or sentences[sentence.index - 1].paragraph != sentence.paragraph)
        if distance > carry or (first_of_paragraph and _NEW_SCENE.match(text)):
            narrative = None  # too far, or a new paragraph set somewhere else ("In Seoul, ...")
            continue
        if source_expr.value.relative:
            continue  # an unresolved day can never be compared: nothing to carry
        if any(not e.value.overlaps(source_expr.value) for e in found):
            continue  # "in an October interview": this sentence is not on the carried day
        if _shifts_time(text):
            continue  # "just 18 hours earlier", "the day before": told from another time
        claims.append(context.claim(
            "date", document, sentence, offset, sentence.end, source_expr.value,
            display=display,
            context=_strip(text, offset, spans) if spans else text,
            confidence=max(0.2, base_confidence - 0.1 * distance),
            implied_from=source, implied_span=(source_expr.start, source_expr.end),
            precision=source_expr.value.precision, part=source_expr.part,
        ))
    return claims


def _similar(pair, options) -> bool:
    """The two contexts tell the same thing: similar enough, or one contained in the other."""
    shared = len(pair.shared)
    if shared < options["min_shared_terms"]:
        return False  # one common word ("the coastguard said") is not the same statement
    if pair.similarity >= options["min_similarity"]:
        return True
    return (pair.containment >= options["min_containment"]
            and pair.similarity >= options["min_similarity_contained"]
            and shared >= options["min_shared_contained"])


def _level_key(value: When, what: str) -> Optional[str]:
    """The value's key at a level, or None when it does not say (a month has no weekday)."""
    if what == "weekday":
        return WEEKDAYS[value.day_of_week()] if value.day_of_week() is not None and value.exact and not value.relative else None
    if what == "year":
        return str(value.year) if value.year is not None and value.exact else None
    if what == "month":
        return MONTHS[value.month - 1] if value.month is not None and value.exact else None
    if value.day is None or value.month is None or not value.exact:
        return None
    return f"{MONTHS[value.month - 1]} {value.day}"


def _agree(a: When, b: When) -> bool:
    """Both say the same at some level (same weekday, same month ...) and nothing clashes."""
    return a.overlaps(b) and any(
        _level_key(a, w) is not None and _level_key(a, w) == _level_key(b, w)
        for w in ("weekday", "day", "month", "year"))


def _one_day_apart(a: When, b: When, what: str) -> bool:
    if what == "weekday":
        return (a.day_of_week() - b.day_of_week()) % 7 in (1, 6)
    da, db = a.date(), b.date()
    if da and db:
        return abs((da - db).days) == 1
    return what == "day" and abs(a.day - b.day) == 1


def _carried(claim) -> str:
    src = claim.document.text[claim.implied_span[0]:claim.implied_span[1]] if claim.implied_span else ""
    where = f"'{_short(claim.implied_from.text, 80)}'"
    return f"carried over from '{src}' in {where}" if src else f"carried over from {where}"


def _describe(claim) -> str:
    doc = claim.document.name
    if claim.implied:
        return (f"{doc} implies {claim.value.display()} for '{_short(claim.sentence.text, 70)}' "
                f"({_carried(claim)})")
    return f"{doc} says {claim.display} ('{_short(claim.sentence.text, 80)}')"


def _message(what: str, sides: Sequence[tuple[str, list]], told: Optional[dict] = None) -> str:
    """`told`: for a story that joined by its only day, the sentence where it tells the event."""
    noun = {"weekday": "day of the week", "day": "date", "month": "month", "year": "year"}[what]
    told = told or {}

    def how(c) -> str:
        if c.implied:
            return f" (implied, {_carried(c)})"
        if id(c) in told:
            return f" (the story's only day; it tells the event in '{_short(told[id(c)].text, 60)}')"
        return ""

    if sum(len(claims) for _, claims in sides) <= 2:
        body = "; ".join(_describe(c) for _, claims in sides for c in claims)
    else:
        parts = []
        for label, claims in sides:
            names = ", ".join(c.document.name + how(c) for c in claims)
            parts.append(f"{label} in {names}")
        body = "; ".join(parts)
    message = f"The sources give a different {noun} for the same event: {body}."
    if len(sides) == 2 and _one_day_apart(sides[0][1][0].value, sides[1][1][0].value, what):
        message += (" The two days are one apart: an event that crosses midnight or time zones "
                    "can explain a one-day difference.")
    return message


def _explicit_day(claim) -> bool:
    value = claim.value
    return (not claim.implied and not claim.data.get("stamp") and value.exact and not value.relative
            and value.day_of_week() is not None and value.precision in ("day", "weekday"))


def _names_a_day(value: When) -> bool:
    """A weekday, a calendar day or a relative day, even unresolved; not a week or a span of days."""
    if not value.day_level:
        return False
    if value.relative:
        return value.relative in RELATIVE or value.weekday is not None
    return value.day is not None or value.weekday is not None


def _publication_evidence(pairs, options) -> dict[int, list]:
    """Per document without a publication date: (weekday, date or None, relative claim, explicit
    claim) for every relative day ("yesterday") aligned with an explicit day of another source."""
    found: dict[int, list] = {}
    for pair in pairs:
        a, b = pair.a, pair.b
        if a.value.relative not in RELATIVE and b.value.relative not in RELATIVE:
            continue  # most pairs: no relative day on either side
        for rel, other in ((a, b), (b, a)):
            word = rel.value.relative
            if (word not in RELATIVE or rel.document.published is not None or rel.implied
                    or not _explicit_day(other) or not _similar(pair, options)
                    or rel.data.get("speech", False) != other.data.get("speech", False)):
                continue
            shift = dt.timedelta(days=RELATIVE[word])
            date = other.value.date()
            published = date - shift if date else None
            weekday = (other.value.day_of_week() - RELATIVE[word]) % 7
            found.setdefault(rel.document.index, []).append((weekday, published, rel, other))
    return found


def _resolve(value: When, weekday: int, published: Optional[dt.date]) -> When:
    """A relative value read with an inferred publication weekday (or date)."""
    word = value.relative
    if word in RELATIVE:
        if published is not None:
            return from_date(published + dt.timedelta(days=RELATIVE[word]))
        return When(weekday=(weekday + RELATIVE[word]) % 7, exact=value.exact)
    if published is not None and value.weekday is not None:  # "last Friday"
        direction = word.split()[0]
        return replace(from_date(_resolve_weekday(published, value.weekday, direction)),
                       weekday=value.weekday, exact=value.exact)
    return value  # "last Friday" with only a weekday known: still a Friday of unknown week


def infer_publication(pairs, options, note=None, relative_pairs=None) -> list:
    """The pairs with relative days resolved in documents whose publication day is inferred.

    A document without a publication date whose relative days ("yesterday") align with explicit
    days of other sources ("on Tuesday") is read as published on the day they imply ("a
    Wednesday"; a date when the other side gives one), provided every such alignment implies the
    same day: contradictory evidence infers nothing. Its other relative expressions are then
    resolved with that day, and `note` receives one line saying so.

    `relative_pairs`: those of `pairs` with a relative day ("yesterday") on a side, when the
    caller has them (the only pairs that can be evidence); by default they are looked for.
    """
    evidence = _publication_evidence(pairs if relative_pairs is None else relative_pairs, options)
    inferred: dict[int, tuple[int, Optional[dt.date]]] = {}
    for index, items in evidence.items():
        weekdays = {w for w, _d, _r, _o in items}
        dates = {d for _w, d, _r, _o in items if d is not None}
        if len(weekdays) != 1 or len(dates) > 1:
            continue  # the sources disagree about the day: no inference
        weekday, date = weekdays.pop(), (dates.pop() if dates else None)
        inferred[index] = (weekday, date)
        _w, _d, rel, other = items[0]
        if note is not None:
            when = f"on {WEEKDAYS[weekday]}, {MONTHS[date.month - 1]} {date.day}, {date.year}" if date \
                else f"on a {WEEKDAYS[weekday]}"
            note(f"{rel.document.name} read as published {when}: its '{rel.display}' "
                 f"('{_short(rel.sentence.text, 60)}') is {other.display} in {other.document.name}; "
                 f"its other relative days are read from that day.")
    if not inferred:
        return list(pairs)
    resolved: dict[int, object] = {}

    def read(claim):
        if claim.document.index not in inferred or not claim.value.relative:
            return claim
        if id(claim) not in resolved:
            weekday, date = inferred[claim.document.index]
            value = _resolve(claim.value, weekday, date)
            display = f"{value.display(weekday=True)} ({claim.value.relative}, inferred)" \
                if value != claim.value else claim.display
            resolved[id(claim)] = replace(claim, value=value, display=display)
        return resolved[id(claim)]

    changed = []
    for pair in pairs:
        a, b = read(pair.a), read(pair.b)
        changed.append(pair if a is pair.a and b is pair.b else replace(pair, a=a, b=b))
    return changed


def _sentence_id(claim) -> tuple[int, int]:
    return claim.document.index, claim.sentence.index


def _sentence_values(claims) -> dict[tuple[int, int], set]:
    """Per sentence: every value its own (explicit, exact) dates give, at every level."""
    said: dict[tuple[int, int], set] = {}
    for claim in claims:
        if claim.implied or claim.data.get("stamp"):
            continue
        for what in ("weekday", "day", "month", "year"):
            level = _level_key(claim.value, what)
            if level is not None:
                said.setdefault(_sentence_id(claim), set()).add(level)
    return said


def _agreeing_sides(best: dict[int, tuple], agreeing: dict[int, list], what: str, said) -> list:
    """Claims of documents not yet in a disagreement that say what one of its sides says.

    A claim aligned with a side's claim (the same gates as a compared pair) and giving the same
    value joins that side, and so on from claim to claim: every document that tells the event
    with that value is in the finding. Not one whose sentence also gives another side's value.
    """
    values = {_level_key(c.value, what) for _r, c in best.values()}
    queue = [c for _r, c in best.values()]
    seen = {id(c) for c in queue}
    docs = set(best)
    added = []
    while queue:
        claim = queue.pop(0)
        mine = _level_key(claim.value, what)
        for other in agreeing.get(id(claim), ()):
            if id(other) in seen or _level_key(other.value, what) != mine:
                continue
            seen.add(id(other))
            if other.document.index in docs or (values - {mine}) & said.get(_sentence_id(other), set()):
                continue
            docs.add(other.document.index)
            added.append(other)
            queue.append(other)
    return added


def _impossible_weekdays(claims, context) -> list:
    """Findings for weekdays given with a full date that falls on another day."""
    findings = []
    for claim in claims:
        value = claim.value
        date = value.date()
        if claim.implied or value.weekday is None or date is None or date.weekday() == value.weekday:
            continue
        message = (f"{claim.document.name} gives {WEEKDAYS[value.weekday]} with "
                   f"{MONTHS[date.month - 1]} {date.day}, {date.year}, which is a "
                   f"{WEEKDAYS[date.weekday()]}: the weekday or the date is wrong.")
        finding = context.finding("dates.impossible-weekday", message, [claim])
        if finding is not None:
            findings.append(finding)
    return findings


@factcheck.hookimpl
def factcheck_compare(pairs, claims, context):
    options = {**factcheck_options(), **context.options}
    date_pairs, time_pairs, relative_pairs = [], [], []
    for pair in pairs:
        a, b = pair.a, pair.b
        kind = a.kind
        if kind != b.kind:
            continue
        if kind == "date":
            date_pairs.append(pair)
            if a.value.relative in RELATIVE or b.value.relative in RELATIVE:
                relative_pairs.append(pair)
        elif kind == "time":
            time_pairs.append(pair)
    times = _time_conflicts(time_pairs, options, context)
    claims = [c for c in claims if c.kind == "date"]
    pairs = infer_publication(date_pairs, options, context.note, relative_pairs)
    groups: dict[tuple, dict] = {}
    links = UnionFind()
    find = links.find

    # (claim id, document index) -> (similarity, claim) of the claim's partners in that document,
    # made after the loop over the pairs for the claims of its disagreements only
    partners_in: dict[tuple[int, int], list] = {}

    def confirmed_elsewhere(claim, other, what: str, similarity: float) -> bool:
        """`claim` aligns better with another claim of `other`'s document that agrees with it."""
        mine = _level_key(claim.value, what)
        return any(sim >= similarity and c.document is other.document and c is not other
                   and _level_key(c.value, what) == mine
                   for sim, c in partners_in.get((id(claim), other.document.index), ()))

    said = _sentence_values(claims)

    min_similarity_implied = options["min_similarity_implied"]
    min_similarity_coarse = options["min_similarity_coarse"]

    def comparable(pair) -> bool:
        """The gates every compared pair passes, agreeing or not (see the module docstring)."""
        a, b = pair.a, pair.b
        a_implied, b_implied = a.implied, b.implied
        if a_implied and b_implied:
            return False
        if a.data.get("speech", False) != b.data.get("speech", False):
            return False  # the day something was said against the day it happened
        a_day, b_day = a.value.day_level, b.value.day_level
        if a_implied or b_implied:
            if not (a_day and b_day):
                return False  # the narrative day says nothing about a background year or month
            if pair.similarity < min_similarity_implied:
                return False  # a carried day is a guess: the sentences must tell the same thing closely
        elif not a_day and not b_day and pair.similarity < min_similarity_coarse:
            return False  # years and months of background events: only near-identical sentences
        return True

    story_days: dict[int, list] = {}  # per document: its explicit days (weekdays, dates)
    dated: set[tuple[int, int]] = set()  # sentences with a date of their own or carried
    for claim in claims:
        if not claim.data.get("stamp"):
            dated.add(_sentence_id(claim))
            if not claim.implied and _names_a_day(claim.value):
                story_days.setdefault(claim.document.index, []).append(claim)

    # whether a sentence tells a finding's event (by the event's distinct contexts, numbered):
    # copies repeat both, so each sentence is judged once per event
    event_keys: dict[tuple[str, ...], int] = {}
    tells_event: dict[tuple[str, int], bool] = {}

    only_days: dict[tuple[int, str], object] = {}  # (document index, level) -> only_day()

    def only_day(document, what: str):
        """The first claim of the story's explicit days when they all name one day, else None
        (no day, or more than one: "yesterday" and "on Tuesday" may be two)."""
        key = (document.index, what)
        if key not in only_days:
            days = story_days.get(document.index, [])
            one = (days and all(_explicit_day(c) and c.value.exact for c in days)
                   and len({_level_key(c.value, what) for c in days}) == 1)
            only_days[key] = days[0] if one else None
        return only_days[key]

    def one_day_stories(best: dict[int, tuple], what: str) -> list:
        """(claim, sentence) of documents outside the finding that tell its event in a sentence
        without a date, and name one day, and only one, in the whole story, in a sentence sharing
        words with it."""
        if what not in ("weekday", "day"):
            return []
        event = [c for _r, c in best.values() if not c.implied]
        values = {_level_key(c.value, what) for c in event}
        speech = {c.data.get("speech", False) for c in event}
        contexts = tuple(dict.fromkeys(c.context for c in event))
        event_key = event_keys.setdefault(contexts, len(event_keys))
        added = []
        for document in context.documents:
            if document.index in best:
                continue
            claim = only_day(document, what)
            if claim is None:
                continue
            if _level_key(claim.value, what) not in values or {claim.data.get("speech", False)} != speech:
                continue
            aligner = context.aligner
            terms = aligner.terms
            own = terms(claim.context)
            for sentence in document.sentences:
                if (document.index, sentence.index) in dated:
                    continue
                mine = terms(sentence.text)
                if len(mine & own) < options["min_shared_terms"]:
                    continue
                tells = tells_event.get((sentence.text, event_key))
                if tells is None:
                    tells = tells_event[(sentence.text, event_key)] = any(
                        len(mine & terms(context)) >= options["min_shared_terms"]
                        and aligner.similarity(sentence.text, context)[0] >= options["min_similarity"]
                        for context in contexts)
                if tells:
                    added.append((claim, sentence))
                    break
        return added

    disagreeing = []  # (pair, what) of comparable pairs whose values cannot both be right
    agreeing: dict[int, list] = {}  # claim id -> claims of other documents that say the same
    verdicts: dict[tuple[int, int], tuple] = {}  # (id, id) of two values -> (conflict, agree)
    for pair in pairs:
        if not _similar(pair, options):
            continue
        a, b = pair.a, pair.b
        if a.data.get("stamp") or b.data.get("stamp"):
            continue
        # claims share their value objects (a sentence's dates are read once): judged once
        verdict = verdicts.get((id(a.value), id(b.value)))
        if verdict is None:
            what = a.value.conflict(b.value)
            verdict = verdicts[(id(a.value), id(b.value))] = (what, what is None and _agree(a.value, b.value))
        what, agree = verdict
        if what is None:
            if agree:
                links.union(id(a), id(b))  # the same statement: one side of a disagreement
                if comparable(pair):
                    agreeing.setdefault(id(a), []).append(b)
                    agreeing.setdefault(id(b), []).append(a)
            continue
        if not comparable(pair):
            continue
        if (_level_key(b.value, what) in said.get(_sentence_id(a), ())
                or _level_key(a.value, what) in said.get(_sentence_id(b), ())):
            continue  # one sentence gives both values: two events, one of them the other side's
        disagreeing.append((pair, what))

    # (the links of the agreeing pairs are all made above: linking in another order makes the
    # same groups, and the groups are only read below)
    needed = {c for pair, _what in disagreeing for c in (pair.a, pair.b)}  # claims hash by identity
    if needed:
        floor = min(pair.similarity for pair, _what in disagreeing)  # a weaker partner never confirms
        for pair in pairs:
            similarity = pair.similarity
            if similarity < floor:
                continue
            a, b = pair.a, pair.b
            if a in needed:
                partners_in.setdefault((id(a), b.document.index), []).append((similarity, b))
            if b in needed:
                partners_in.setdefault((id(b), a.document.index), []).append((similarity, a))
    conflicts = []
    for pair, what in disagreeing:
        a, b = pair.a, pair.b
        if (confirmed_elsewhere(a, b, what, pair.similarity)
                or confirmed_elsewhere(b, a, what, pair.similarity)):
            continue
        rule = "dates.weekday-conflict" if what == "weekday" else "dates.date-conflict"
        key = (rule, frozenset((a.value.key(what), b.value.key(what))))
        conflicts.append((key, pair, what))
        links.union(id(a), id(b))

    for key, pair, what in conflicts:
        root = find(id(pair.a))
        group = groups.setdefault((key, root), {"pairs": [], "what": what})
        group["pairs"].append(pair)

    findings = []
    for (key, _root), group in groups.items():
        rule = key[0]
        what = group["what"]
        best: dict[int, tuple] = {}  # per document: the strongest claim
        for pair in group["pairs"]:
            for claim in (pair.a, pair.b):
                rank = (not claim.implied, claim.confidence, pair.similarity, -claim.start)
                doc = claim.document.index
                if doc not in best or rank > best[doc][0]:
                    best[doc] = (rank, claim)
        # then the outlets that only agree with a side, and those that date the event elsewhere
        for claim in _agreeing_sides(best, agreeing, what, said):
            best[claim.document.index] = ((), claim)
        told = {}
        for claim, sentence in one_day_stories(best, what):
            best[claim.document.index] = ((), claim)
            told[id(claim)] = sentence
        chosen = [best[d][1] for d in sorted(best)]
        sides: dict[str, list] = {}
        for claim in chosen:
            sides.setdefault(claim.value.key(what), []).append(claim)
        if len(sides) < 2:
            continue
        ordered = list(sides.items())
        message = _message(what, ordered, told)
        chosen = [c for _, side in ordered for c in side]  # evidence: one side, then the other
        similarity = max(p.similarity for p in group["pairs"])
        confidence = min(c.confidence for c in chosen) * min(1.0, 0.5 + similarity)
        finding = context.finding(rule, message, chosen, confidence=confidence)
        if finding is not None:
            findings.append(finding)
    return findings + times + _impossible_weekdays(claims, context)
