"""Review a draft against its sources: `factcheck review DRAFT --sources PATH...`.

The draft and the sources go through the ordinary pipeline (load, segment, check_documents with
every enabled plugin); review then keeps only what concerns the draft:

* a finding is kept when the draft's own claim is among its evidence and at least one source's
  claim disagrees with it. Its evidence is reordered so that the draft comes first (the finding
  is located at the draft's line and column), and its message says what the draft says against
  what the sources say.
* When the sources disagree among themselves about that claim, the message says so ("sources
  split: 2 say Sunday, 1 says Monday") instead of blaming the draft: the draft sides with some
  of its sources, and the editor has to decide which sources are right. Every source is
  counted: one the plugin's finding leaves out (among many documents the aligner pairs a claim
  with a few of them only) is added with its claim that retells the draft's claim at least as
  closely as the least close one the plugin compared.
* Disagreements among the sources that the draft does not take part in are not reported (that
  is the main `factcheck` command's job), and neither are claims of the draft that no source
  supports or contradicts. With ``show_unsupported`` those are listed as notes of the report
  ("draft.txt:3:14: no source supports or contradicts ...").

Review adds one rule of its own, ``review.substitution`` (see SUBSTITUTION below): a name, number,
ordinal, colour or member of a closed class of common nouns or verbs (WORD_CLASSES and
VERB_CLASSES: "wife" / "sister", "profits" / "sales", "acquitted" / "arrested") of a draft
sentence that no source mentions where the source sentence it retells has a different one
("north of Osaka" for "north of Tokyo"), or that the sources mention elsewhere where the source
clause the draft's clause retells has another one in its slot; a word of the retold sentence with a prefix added,
dropped or changed ("co-founder" for "founder"); a country of the alias table no source names
against another one there ("U.S. activists" for "activists in London").

Whether two claims agree is decided by the plugin's values: equal values, or values with an
``overlaps`` method that says they overlap (dates and numbers are intervals). For a value
without either, the normalised display text is compared.

Drafts in lower case. A draft written all in lower case (as summarisation models write) hides
its names from every checker that reads capitals. When at most 3% of a draft's words start with
a capital, review gives each of its words the capitalisation the sources use for it in mid
sentence (when they never write it in lower case) and capitalises sentence starts; the
replacements keep every character's position, so lines and columns are those of the draft. A
note says so, and the evidence shows the recased text.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Mapping, Optional, Sequence

import rapidfuzz.process
from rapidfuzz.distance import Levenshtein

from .align import Aligner
from .config import normal_alias
from .host import Host
from .model import (SEVERITY_RANK, Claim, Document, Evidence, Finding, Problem, Report, Rule,
                    Sentence, Source)
from .pipeline import check_documents, load, segment_all
from .segment import segment
from .text import SCALE_ABBR, SCALES, STOPWORDS, fold_diacritics, fold_punctuation, stem, words


class DraftError(Exception):
    """The draft cannot be reviewed (missing, unreadable, or more than one article)."""


@dataclass
class _Recorder:
    """Passes every call to the host and keeps the claims the plugins extract."""

    host: Host
    claims: list = field(default_factory=list)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.host, name)

    def call(self, name: str, hook: str, **kwargs: Any) -> list:
        if hook == "factcheck_compare":  # all of the plugin's claims, however they were extracted
            self.claims.extend(kwargs.get("claims", ()))
        return self.host.call(name, hook, **kwargs)


def _normal(text: str) -> str:
    text = re.sub(r"\(implied\)", "", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


def agree(a: Claim, b: Claim) -> bool:
    """Whether two claims of one plugin give compatible values."""
    if a.plugin != b.plugin:
        return False
    va, vb = a.value, b.value
    try:
        if va == vb:
            return True
        overlaps = getattr(va, "overlaps", None)
        if callable(overlaps):
            return bool(overlaps(vb))
    except Exception:  # a plugin's value that cannot be compared: fall back to the display
        pass
    return _normal(a.display) == _normal(b.display)


def _evidence_key(plugin: str, evidence: Evidence) -> tuple:
    return plugin, evidence.path, evidence.line, evidence.column


def _says(n: int) -> str:
    return f"{n} says" if n == 1 else f"{n} say"


def _value(claim: Optional[Claim], evidence: Evidence) -> str:
    return (claim.display if claim is not None else evidence.value).replace(" (implied)", "")


def _names(items: Iterable[tuple[Evidence, Optional[Claim]]], most: int = 6) -> str:
    names = list(dict.fromkeys(os.path.basename(e.path) for e, _ in items))
    if len(names) > most:
        return ", ".join(names[:most - 1]) + f" and {len(names) - most + 1} more"
    return ", ".join(names)


class Review:
    """What review found: the report and, for --show-unsupported, the unsupported claims."""

    def __init__(self, report: Report, unsupported: list[Claim]) -> None:
        self.report = report
        self.unsupported = unsupported


REVIEW_MIN_SIMILARITY = 0.2  # a draft claim and a source claim it disagrees with must align
REVIEW_RELATIVE_SIMILARITY = 0.6  # ... nearly as well as the best source claim that agrees


class _Context:
    """What reworking a finding needs: the claims by evidence position and by document, and
    an aligner over the draft and its sources."""

    def __init__(self, draft: Document, claims: Sequence[Claim], aligner: Aligner) -> None:
        self.draft = draft
        self.aligner = aligner
        self.at = {(c.plugin, c.document.path) + c.document.position(c.start): c for c in claims}
        self.by_doc: dict[tuple, list[Claim]] = {}
        for claim in claims:
            self.by_doc.setdefault((claim.plugin, claim.document.path), []).append(claim)

    def similarity(self, a: Claim, b: Claim) -> float:
        return self.aligner.similarity(a.context, b.context)[0]

    def agreeing(self, mine: Claim) -> list[Claim]:
        """The sources' claims (of the same plugin) that agree with the draft's claim."""
        return [c for (plugin, path), claims in self.by_doc.items()
                if plugin == mine.plugin and path != self.draft.path for c in claims if agree(mine, c)]

    def retelling(self, mine: Claim, theirs: Claim) -> Claim:
        """Of the source's claims that agree with `theirs`, the one that best retells `mine`."""
        options = [c for c in self.by_doc.get((theirs.plugin, theirs.document.path), ())
                   if c is theirs or agree(c, theirs)]
        return max(options, key=lambda c: (self.similarity(mine, c), c is theirs), default=theirs)


def _same(x: tuple, y: tuple) -> bool:
    if x[1] is not None and y[1] is not None:
        return agree(x[1], y[1])
    return _normal(x[0].value) == _normal(y[0].value)


def _rework(findings: Sequence[Finding], ctx: _Context) -> Optional[Finding]:
    """Findings of one rule about one draft claim, told from the draft's side as one finding;
    None when the draft agrees with every source or aligns with none that disagrees."""
    first = findings[0]
    draft = ctx.draft
    items = [(e, ctx.at.get(_evidence_key(f.plugin, e))) for f in findings for e in f.evidence]
    mine = [(e, c) for e, c in items if e.path == draft.path]
    d_ev, d_claim = mine[0]
    theirs: dict[tuple, tuple] = {}
    for e, c in items:
        if e.path == draft.path:
            continue
        if c is not None and d_claim is not None:
            c = ctx.retelling(d_claim, c)
            e = Evidence.from_claim(c)
        theirs.setdefault((e.path, e.line, e.column), (e, c))
    if d_claim is not None and all(c is not None for _, c in theirs.values()):
        # Among many sources the aligner pairs a claim with a few documents only: each source
        # the finding leaves out is added with its claim that retells the draft's as closely as
        # the least close one the plugin compared.
        floor = min(ctx.similarity(d_claim, c) for _, c in theirs.values())
        present = {e.path for e, _ in theirs.values()}
        for (plugin, path), claims in ctx.by_doc.items():
            if plugin != d_claim.plugin or path == draft.path or path in present:
                continue
            best = max(claims, key=lambda c: ctx.similarity(d_claim, c))
            if ctx.similarity(d_claim, best) >= max(floor, REVIEW_MIN_SIMILARITY):
                e = Evidence.from_claim(best)
                theirs.setdefault((e.path, e.line, e.column), (e, best))
    against = [item for item in theirs.values() if not _same((d_ev, d_claim), item)]
    if not against:
        return None
    if d_claim is not None and all(c is not None for _, c in against):
        # The draft's claim only joined a disagreement among the sources when no disagreeing
        # claim retells its sentence, or one that agrees retells it far better.
        opposed = max(ctx.similarity(d_claim, c) for _, c in against)
        supported = max((ctx.similarity(d_claim, c) for c in ctx.agreeing(d_claim)), default=0.0)
        if opposed < max(REVIEW_MIN_SIMILARITY, REVIEW_RELATIVE_SIMILARITY * supported):
            return None
    sides: list[list] = []
    for item in theirs.values():
        for side in sides:
            if _same(side[0], item):
                side.append(item)
                break
        else:
            sides.append([item])
    for side in sides:
        side.sort(key=lambda item: (item[0].path, item[0].line, item[0].column))
    sides.sort(key=lambda side: -len(side))
    draft_value = _value(d_claim, d_ev)
    with_draft = [side for side in sides if _same((d_ev, d_claim), side[0])]
    if len(sides) > 1:
        split = ", ".join(f"{_says(len(side))} {_value(side[0][1], side[0][0])}" for side in sides)
        where = "; ".join(f"{_value(side[0][1], side[0][0])}: {_names(side)}" for side in sides)
        if with_draft:
            head = (f"The draft says {draft_value}, and the sources disagree among themselves: "
                    f"sources split: {split} ({where}). Check which sources are right before "
                    f"publishing.")
        else:
            head = (f"The draft says {draft_value}, which no source says; sources split: {split} "
                    f"({where}).")
    elif first.rule == "quotes.paraphrase-as-quote":
        head = (f"The draft quotes “{draft_value}” directly; {_names(sides[0])} give"
                f"{'s' if len(sides[0]) == 1 else ''} these words as reported speech, without quotation "
                f"marks: check that they were said as quoted.")
    else:
        side = sides[0]
        head = (f"The draft says {draft_value}; {'the source says' if len(side) == 1 else 'the sources say'} "
                f"{_value(side[0][1], side[0][0])} ({_names(side)}).")
    evidence = (d_ev,) + tuple(e for e, _ in mine[1:] if e != d_ev) + tuple(e for side in sides for e, _ in side)
    severity = max((f.severity for f in findings), key=lambda level: SEVERITY_RANK[level])
    if d_ev.implied_from is not None:
        # A draft's sentences are often independent (a summary): a day carried over from an
        # earlier sentence is the plugin's guess, not something the draft says.
        severity = "info"
        head += " The draft does not state this value; it is carried over from an earlier sentence."
    detail = " ".join(dict.fromkeys(f.message for f in findings))
    # the word-level difference, told from the draft's words (-) to the sources' (+)
    diff = dict.fromkeys(edit if f.evidence and f.evidence[0].path == draft.path else _flip(edit)
                         for f in findings for edit in f.diff)
    return Finding(first.plugin, first.rule, severity, max(f.confidence for f in findings),
                   f"{head} Detail: {detail}", evidence, tuple(diff))


def _flip(edit: str) -> str:
    """'-any of that +anything' -> '-anything +any of that'; '+So' -> '-So'."""
    parts = re.split(r"(?:^|\s)(?=[-+])", edit)
    return " ".join(("+" if p[0] == "-" else "-") + p[1:] for p in sorted(
        (p for p in parts if p), key=lambda p: p[0] != "+"))


def _unsupported(draft: Document, aligner: Aligner, claims: Sequence[Claim],
                 reported: set) -> list[Claim]:
    """Draft claims in no finding that no aligned source claim agrees with."""
    supported: set[int] = set()
    by_plugin: dict[str, list[Claim]] = {}
    for claim in claims:
        by_plugin.setdefault(claim.plugin, []).append(claim)
    for plugin_claims in by_plugin.values():
        for pair in aligner.pairs(plugin_claims):
            for mine, other in ((pair.a, pair.b), (pair.b, pair.a)):
                if mine.document is draft and other.document is not draft and agree(mine, other):
                    supported.add(id(mine))
        values = {_normal(c.display) for c in plugin_claims if c.document is not draft}
        for claim in plugin_claims:
            if claim.document is draft and _normal(claim.display) in values:
                supported.add(id(claim))
    result = []
    for claim in claims:
        if claim.document is not draft or id(claim) in supported:
            continue
        line, column = draft.position(claim.start)
        if (claim.plugin, draft.path, line, column) in reported:
            continue
        result.append(claim)
    return sorted(result, key=lambda c: (c.start, c.plugin))


# -- substitutions: review's own check --------------------------------------------------------

SUBSTITUTION = Rule(
    "review.substitution", "warning",
    "A draft sentence names a person, place, organisation, number or kind of thing that no "
    "source mentions, where the source sentence it retells names a different one.",
    "Review only. Each draft sentence is aligned with the source sentences it retells (the same "
    "idf-weighted word overlap the plugins use, at least SUBSTITUTION_MIN_SIMILARITY). A name "
    "(a capitalised word written in lower case nowhere; a sentence's first word only when it is "
    "capitalised inside a sentence too), a number (with its unit: '5bn', '23-year-old', "
    "'one-year'; with its thousands separators: '544,000' is one number; with its scale: '1.25 million', '£1.25m' and '1,250,000' are one amount), an ordinal or a colour of the draft sentence that no source mentions (after "
    "aliases, possessives, dots and demonym endings: 'Russian' is 'Russia') is reported when an "
    "aligned source sentence has one of the same kind that the draft never uses: the draft "
    "likely substituted it. A value is also compared by its slot: 'third quarter' against the "
    "sources' 'fourth quarter' in a sentence that tells the same thing more loosely; and a "
    "word no source uses in the slot of a source's name ('flu vaccine' for 'RSV vaccine'). "
    "Common nouns of a closed class whose members exclude each other (WORD_CLASSES: kin, "
    "people, roles, directions, seasons, meals, financial measures, landforms, metals, "
    "vehicles, animals, medicines, offences) count as values of their class when no source uses "
    "them ('his wife' for 'his sister', 'profits' for 'sales'), or uses them but never in the "
    "slot where it has another member ('beer profits' for 'beer sales'), and so do legal actions "
    "by stem (VERB_CLASSES: 'acquitted' for 'arrested'). A value the sources write elsewhere is "
    "a substitution when the draft's clause around it is most like a source clause with another "
    "value of the same kind in the same slot (the nearest content word before or after, within "
    "three words), and every source clause with the draft's value is less than half as like it "
    "('pleaded guilty to murder in the death' for 'pleaded guilty to manslaughter in the "
    "death', the sources telling of a murder plea elsewhere). A word of the retold sentence "
    "with a prefix added, dropped or changed ('co-founder' for 'founder', 'post-war' for 'pre-war') is "
    "a substitution when no source writes the draft's word. A country or organisation of the "
    "alias table that no source names is a substitution of another one of the table in the "
    "retold sentence, even a city of the table the draft keeps ('U.S. activists' in London). A "
    "name within an edit per five letters of one the sources write is a misspelling, left to "
    "the names plugin. A new name with no counterpart is only listed by --show-unsupported. "
    "Turn the rule off with --disable review.",
    "source: Activists in London dumped gallons of paint in front of the Russian embassy.\n"
    "draft:  Activists dumped gallons of paint in front of the Russian embassy in Moscow.\n"
    "-> the draft says Moscow where the source says London",
)
SUBSTITUTION_MIN_SIMILARITY = 0.3
SUBSTITUTION_MIN_CONTAINMENT = 0.6
SUBSTITUTION_MIN_SIMILARITY_KNOWN = 0.5
SUBSTITUTION_NEIGHBOURS = 2
SUBSTITUTION_MIN_SIMILARITY_SLOT = 0.15
SUBSTITUTION_MIN_SIMILARITY_CLAUSE = 0.3
SUBSTITUTION_CLAUSE_RATIO = 0.5
# Weekdays and months are the dates plugin's business, not names.
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december".split())
_ORDINALS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split())
_COLOURS = frozenset(
    "red orange yellow green blue purple violet pink white black brown grey gray".split())
# Closed classes of common nouns whose members exclude each other: one for another is another
# fact ("his wife" / "his sister", "north of Tokyo" / "south of Tokyo", "sales" / "profits"),
# not a paraphrase. Words joined by "/" are one member (synonyms and forms of one word); plurals
# in -s and -es are added. A member's key is its first form. Hypernyms ("executive", "relative",
# "vehicle") are in no class: a draft may always say the more general word. Words that are
# often verbs or other words ("train", "ship", "chair", "bear", "mount", "pilot", the "van" of
# names) are left out. Times of day are not a class: "the night before the anniversary" retells
# "the eve of the anniversary" of a source that also says "Thursday morning".
WORD_CLASSES = {
    "kin": "mother/mum/mom father/dad son daughter brother sister husband wife/wives uncle aunt "
           "nephew niece grandson granddaughter grandmother/grandma grandfather/grandpa cousin "
           "stepson stepdaughter stepmother stepfather fiance/fiancé fiancee/fiancée widow widower "
           "girlfriend boyfriend son-in-law daughter-in-law mother-in-law father-in-law",
    "person": "man/men/male woman/women/female boy girl",
    "role": "founder co-founder/cofounder owner co-owner chairman/chairwoman/chairperson "
            "ceo/chief-executive president vice-president treasurer intern investor "
            "prime-minister governor mayor senator ambassador king queen prince princess "
            "judge prosecutor defendant suspect witness victim coach captain referee "
            "doctor/physician nurse surgeon teacher student firefighter soldier "
            "lawyer/attorney spokesman/spokeswoman/spokesperson",
    "direction": "north/northern/northward south/southern/southward east/eastern/eastward "
                 "west/western/westward northeast/north-east/northeastern "
                 "northwest/north-west/northwestern southeast/south-east/southeastern "
                 "southwest/south-west/southwestern",
    "season": "spring summer autumn winter",
    "meal": "breakfast lunch dinner/supper",
    "finance": "sales/revenue/turnover profit/earnings loss debt dividend",
    "landform": "beach cliff/clifftop/cliff-top/cliffside mountain hill river lake island "
                "valley desert forest/woods/woodland",
    "metal": "gold silver bronze copper iron steel aluminium/aluminum platinum",
    "vehicle": "car bus plane/aircraft/airplane/aeroplane/jet boat "
               "truck/lorry bicycle/bike motorcycle/motorbike helicopter taxi/cab tram",
    "animal": "dog/puppy cat/kitten horse cow/cattle pig sheep goat chicken/hen bird lion "
              "tiger wolf/wolves fox deer elephant monkey shark whale dolphin snake rat mouse/mice",
    "medicine": "vaccine/vaccination drug/medicine/medication antibiotic antiviral",
    "offence": "murder manslaughter fraud robbery burglary rape kidnapping/kidnap arson bribery "
               "embezzlement smuggling",
}


# Classes of verbs (and their nouns), matched by Porter stem: "acquitted" for "arrested".
# Verbs with common other senses ("released a statement", "executed a plan", "charged a fee")
# are left out, and so is "charge": an arrest and a charge are told of one event.
VERB_CLASSES = {
    "legal action": "arrest/detain/apprehend/custody acquit/acquittal convict/conviction "
                    "sentence/jail/imprison deport/deportation extradite/extradition "
                    "sue/lawsuit",
}
CLASS_KINDS = frozenset(WORD_CLASSES) | frozenset(VERB_CLASSES)


def _class_table() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """Word classes by word (with plurals) and verb classes by stem."""
    table: dict[str, tuple[str, str]] = {}
    for kind, members in WORD_CLASSES.items():
        for member in members.split():
            forms = member.split("/")
            for form in forms:
                for variant in (form, form + "s", form + "es"):
                    table.setdefault(variant, (kind, forms[0]))
    stems: dict[str, tuple[str, str]] = {}
    for kind, members in VERB_CLASSES.items():
        for member in members.split():
            forms = member.split("/")
            for form in forms:
                stems.setdefault(stem(form), (kind, forms[0]))
    return table, stems


_CLASS_OF, _VERB_CLASS_OF = _class_table()
_NUMBER_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve".split())
_SPELLED_UNIT = re.compile(r"(%s)-(second|minute|hour|day|week|month|year|decade|century)s?(?:-old)?"
                           % "|".join(_NUMBER_WORDS))
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _scale(text: str, start: int, unit: str,
           rest: Sequence[tuple[str, int, int]]) -> Optional[tuple[int, Optional[int]]]:
    """The scale of the number at text[start:] and, when it is the word after the number, that
    word's end (None for a suffix): 'bn' in '5bn', 'million' in '1.25 million'; 'm' and 'b' only
    after a currency sign ('$5m', not '5m' of a distance)."""
    if unit in SCALE_ABBR and (unit not in ("m", "b") or text[max(0, start - 1):start] in ("$", "£", "€", "¥")):
        return SCALE_ABBR[unit], None
    if not unit and rest and rest[0][0].lower() in SCALES and not text[start:rest[0][1]].strip(" 0123456789.,"):
        return SCALES[rest[0][0].lower()], rest[0][2]
    return None


@dataclass(frozen=True)
class _Entity:
    document: Document
    sentence: Sentence
    start: int
    end: int
    kind: str  # "name", "number" (or "number bn": with a unit), "ordinal", "colour", a CLASS_KINDS one
    key: str

    @property
    def text(self) -> str:
        return self.document.text[self.start:self.end]


def _name_key(token: str) -> str:
    token = fold_diacritics(fold_punctuation(token)).lower()
    token = re.sub(r"'s?$", "", token)
    return token.replace(".", "").replace("'", "")


def _entities(document: Document, lowercase: frozenset, inner: frozenset) -> list[_Entity]:
    """Names (capitalised words that are written in lower case nowhere, and a sentence's first
    word only when it is capitalised inside a sentence too; labels such as 'SARS-CoV-2'),
    numbers ('35', '$5bn', '23-year-old'), ordinals and colours."""
    found = []
    for sentence in document.sentences:
        tokens = words(sentence.text)
        skip_to = 0  # the end of a number read across tokens ("544,000" is "544" and "000")
        for i, (token, a, b) in enumerate(tokens):
            if a < skip_to:
                continue
            start, end = sentence.start + a, sentence.start + b
            low = token.lower()
            if token[0].isdigit():
                # The number from the token's start in the sentence: WORD_RE ends a token at a
                # comma, and "544,000" or "1,250,000" is one number.
                number = _NUMBER.match(sentence.text, a).group()
                skip_to = a + len(number)
                last = next(t for t in reversed(tokens) if t[1] < skip_to)  # the token it ends in
                low = last[0].lower()[skip_to - last[1]:]
                end = sentence.start + last[2]
                unit = re.sub(r"[^a-z]", "", low)  # "5bn" -> bn, "23-year-old" -> yearold
                key = number.replace(",", "")
                scale = _scale(sentence.text, a, unit, tokens[i + 1:])
                if scale:  # "1.25 million", "$5bn" and "1,250,000" are one amount
                    factor, word_end = scale
                    if word_end is not None:  # the scale is the word after the number
                        end, skip_to = sentence.start + word_end, word_end
                    value = float(key) * factor
                    unit, key = "", f"{value:.0f}" if value.is_integer() else f"{value:g}"
                kind = "ordinal" if unit in ("st", "nd", "rd", "th") else f"number {unit}".strip()
                found.append(_Entity(document, sentence, start, end, kind, key))
                continue
            spelled = _SPELLED_UNIT.fullmatch(low)
            if spelled:  # "one-year", "two-day": a number of a unit
                key = f"{_NUMBER_WORDS.index(spelled.group(1))}-{spelled.group(2)}"
                found.append(_Entity(document, sentence, start, end, "number", key))
                continue
            if low in _ORDINALS or low in _COLOURS:
                kind = "ordinal" if low in _ORDINALS else "colour"
                found.append(_Entity(document, sentence, start, end, kind, low))
                continue
            folded = fold_diacritics(fold_punctuation(low))
            member = _CLASS_OF.get(folded) or (_VERB_CLASS_OF.get(stem(folded)) if folded.isalpha() else None)
            if member is not None and (token[0].islower() or i == 0 or token.isupper()):
                found.append(_Entity(document, sentence, start, end, *member))
                continue
            if not token[0].isupper():
                continue
            key = _name_key(token)
            plain = "." not in token and not token.isupper()  # "U.S." and "US" are no stop words
            if (plain and key in STOPWORDS) or key in lowercase or key in _CALENDAR or len(key) < 2:
                continue
            if i == 0 and key not in inner:
                continue
            found.append(_Entity(document, sentence, start, end, "name", key))
    return found


def _casing(documents: Sequence[Document]) -> tuple[frozenset, frozenset]:
    """Words written in lower case anywhere, and words capitalised inside a sentence."""
    lower, inner = set(), set()
    for document in documents:
        for sentence in document.sentences:
            for i, (token, _, _) in enumerate(words(sentence.text)):
                if token[:1].islower():
                    lower.add(_name_key(token))
                elif i and token[:1].isupper():
                    inner.add(_name_key(token))
    return frozenset(lower), frozenset(inner)


def _related(key: str, keys: set) -> bool:
    """The same name in another form: equal, or one is the other plus an ending (Russia/Russian,
    Britain/British, Ukraine/Ukrainian)."""
    if key in keys:
        return True
    for other in keys:
        short, long = sorted((key, other), key=len)
        common = len(os.path.commonprefix([short, long]))
        if any(ch.isdigit() for ch in short[common:] + long[common:]):
            continue  # "SARS-CoV-2" / "SARS-CoV-4": another label, not another ending
        if common >= 4 and common >= len(short) - 2 and len(long) - common <= 4:
            return True
    return False


def _keys(entities: Iterable[_Entity]) -> dict[str, set]:
    """Keys by kind."""
    keys: dict[str, set] = {}
    for entity in entities:
        keys.setdefault(entity.kind, set()).add(entity.key)
    return keys


def _mentioned(entity: _Entity, known: Mapping[str, set], canon: set, aliases) -> bool:
    if entity.kind != "name":
        return entity.key in known.get(entity.kind, ())
    return _related(entity.key, known.get("name", set())) or aliases.canonical(entity.text) in canon


def _substitutions(draft: Document, sources: Sequence[Document], aligner: Aligner,
                   aliases) -> tuple[list[Finding], list[_Entity]]:
    """Findings of review.substitution, and the draft's new names with no counterpart."""
    casing = _casing([draft, *sources])
    source_entities = [e for s in sources for e in _entities(s, *casing)]
    known = _keys(source_entities)
    canon = {aliases.canonical(e.text) for e in source_entities if e.kind == "name"}
    mine = _entities(draft, *casing)
    source_words = {_name_key(t) for d in sources for t, _, _ in words(d.text)}
    source_stems = {stem(w) for w in source_words}
    for sentence in draft.sentences:
        for token, a, b in words(sentence.text):
            key = _name_key(token)
            if token[:1].islower() and len(key) > 2 and token.isalpha() and key not in STOPWORDS \
                    and not key.endswith(("ly", "ed", "ing")) \
                    and key not in source_words and stem(key) not in source_stems:
                mine.append(_Entity(draft, sentence, sentence.start + a, sentence.start + b, "word", key))
    source_names = sorted({e.text for e in source_entities if e.kind == "name" and len(e.text) >= 5})
    draft_keys = {e.key for e in mine}
    draft_slots: dict[tuple, set] = {}
    for entity in mine:
        for slot in _slots(entity):
            draft_slots.setdefault(slot, set()).add(entity.key)
    by_sentence: dict[int, list[_Entity]] = {}
    for entity in source_entities:
        by_sentence.setdefault(id(entity.sentence), []).append(entity)
    slots: dict[tuple, list[_Entity]] = {}
    for entity in source_entities:
        for slot in _slots(entity):
            slots.setdefault(slot, []).append(entity)
    scores: dict[int, list] = {}  # draft sentence -> [(similarity, containment, source sentence)]
    findings, lonely = [], []

    def add(entity: _Entity, other: _Entity, sim: float, local: bool) -> None:
        where = "the sentences it retells do not mention" if local else "no source mentions"
        message = (f"The draft says {entity.text!r} where the source sentence it retells says "
                   f"{other.text!r} ({other.document.name}); {where} {entity.text!r}: "
                   f"a substituted {entity.kind}?")
        findings.append(Finding("review", SUBSTITUTION.id, SUBSTITUTION.severity,
                                round(min(1.0, 0.4 + sim), 2), message,
                                (_evidence(entity), _evidence(other))))

    for entity in mine:
        if id(entity.sentence) not in scores:
            scores[id(entity.sentence)] = [
                (*aligner.similarity(entity.sentence.text, sentence.text), sentence)
                for source in sources for sentence in source.sentences]
        similarity = {id(sentence): sim for sim, _, sentence in scores[id(entity.sentence)]}
        ranked = sorted(((sim, sentence) for sim, contain, sentence in scores[id(entity.sentence)]
                         if sim >= SUBSTITUTION_MIN_SIMILARITY or contain >= SUBSTITUTION_MIN_CONTAINMENT),
                        key=lambda r: -r[0])
        if entity.kind == "name" and _near_name(entity.text, source_names):
            continue  # a misspelt name: the names plugin's business
        if entity.kind == "word":
            # A word no source uses where the sources have a name ("flu vaccine" / "RSV vaccine").
            options = [(similarity[id(e.sentence)], e) for slot in _slots(entity, "name")
                       for e in slots.get(slot, ()) if e.key not in draft_keys
                       and e.start > e.sentence.start  # not a sentence's first word
                       and similarity[id(e.sentence)] >= SUBSTITUTION_MIN_SIMILARITY_SLOT]
            if options:
                sim, other = max(options, key=lambda o: o[0])
                add(entity, other, sim, False)
            continue
        mentioned = _mentioned(entity, known, canon, aliases)
        if mentioned and entity.kind != "name":
            # Written elsewhere in the sources, but the source clause that the draft's clause
            # retells has another value in its slot ("pleaded guilty to murder in the death" for
            # "pleaded guilty to manslaughter in the death", a source that mentions a murder
            # plea of another day).
            retold = _retold_with_another(entity, source_entities, aligner, draft_keys)
            if retold is not None:
                add(entity, retold[1], retold[0], True)
                continue
        if entity.kind != "name":
            # The same slot in a source ("fourth quarter" / "third quarter", "35 years ago" /
            # "20 years ago") with another value, in a sentence that tells the same thing.
            mine_slots = _slots(entity)
            if not any(e.key == entity.key for slot in mine_slots for e in slots.get(slot, ())):
                options = [(similarity[id(e.sentence)], e) for slot in mine_slots
                           for e in slots.get(slot, ()) if e.key not in draft_keys
                           and similarity[id(e.sentence)] >= SUBSTITUTION_MIN_SIMILARITY_SLOT]
                if not options and entity.kind in CLASS_KINDS:
                    # A class word the draft keeps elsewhere but not in this slot ("vaccine
                    # profits ... sales of $5bn" for "vaccine sales ... sales of $5bn"), in a
                    # sentence that retells the source's.
                    options = [(similarity[id(e.sentence)], e) for slot in mine_slots
                               for e in slots.get(slot, ()) if e.key not in draft_slots.get(slot, ())
                               and similarity[id(e.sentence)] >= SUBSTITUTION_MIN_SIMILARITY_SLOT]
                if entity.kind == "direction":
                    options = [o for o in options if _other_direction(entity, o[1])]
                if options:
                    sim, other = max(options, key=lambda o: o[0])
                    add(entity, other, sim, mentioned)
                    continue
        if entity.kind in CLASS_KINDS and mentioned:
            continue  # a common noun the sources use elsewhere, in no slot of another's
        local = mentioned
        if local:
            # Named elsewhere in the sources: a substitution only against the sentences it retells.
            # The sentences it retells and those around the best one (a draft sentence often
            # joins a name from one sentence to the event of the next).
            near = [sentence for _, sentence in ranked] + _around(ranked[0][1], sources, SUBSTITUTION_NEIGHBOURS) \
                if ranked else []
            local = [e for sentence in near for e in by_sentence.get(id(sentence), ())]
            if not ranked or ranked[0][0] < SUBSTITUTION_MIN_SIMILARITY_KNOWN or _mentioned(
                    entity, _keys(local),
                    {aliases.canonical(e.text) for e in local if e.kind == "name"}, aliases):
                continue
            ranked = ranked[:1]
        counterpart = None
        if entity.kind in CLASS_KINDS:
            # Outside a shared slot a common noun only counts against a sentence that the draft's
            # retells closely or nearly contains: across looser retellings roles and directions
            # are often of other people and places ("both attorneys said" / "the defendant
            # used a handgun").
            contained = {id(sentence) for _, contain, sentence in scores[id(entity.sentence)]
                         if contain >= SUBSTITUTION_MIN_CONTAINMENT}
            ranked = [r for r in ranked if r[0] >= SUBSTITUTION_MIN_SIMILARITY_KNOWN or id(r[1]) in contained]
        for sim, sentence in ranked[:3]:
            options = [e for e in by_sentence.get(id(sentence), ())
                       if e.kind == entity.kind and e.key not in draft_keys
                       and not (e.kind == "name" and local and _related(e.key, draft_keys))
                       and (e.kind != "direction" or _other_direction(entity, e))]
            if options:
                counterpart = (sim, max(options, key=lambda e: _context_overlap(entity, e)))
                break
        if counterpart is None and not local and entity.kind == "name" and aliases.known(entity.text):
            # A country or organisation of the alias table that no source names, where the
            # sentence it retells names another one of the table, even one the draft keeps ("U.S.
            # activists ... in London" for "activists in London": London is the United Kingdom).
            # A main name the draft's sentence keeps is told alongside, not replaced ("Russia and
            # the U.S. condemned" for "Russia condemned").
            mine_canon = aliases.canonical(entity.text)
            kept = {e.key for e in mine if e.sentence is entity.sentence}
            for sim, sentence in ranked[:1]:
                options = [e for e in by_sentence.get(id(sentence), ()) if e.kind == "name"
                           and aliases.known(e.text) and aliases.canonical(e.text) != mine_canon
                           and not (e.key in kept and normal_alias(e.text) == aliases.canonical(e.text))]
                if options:
                    counterpart = (sim, max(options, key=lambda e: _context_overlap(entity, e)))
        if counterpart is None:
            if entity.kind not in CLASS_KINDS:  # a common noun is no unsupported claim
                lonely.append(entity)
            continue
        add(entity, counterpart[1], counterpart[0], bool(local))
    flagged = {(f.evidence[0].line, f.evidence[0].column) for f in findings}
    rests = {split[1] for split in map(_prefixed, source_words) if split is not None}  # "founder"
    for sentence in draft.sentences:
        for ours, theirs, sim in _prefix_changes(draft, sentence, sources, aligner, scores,
                                                 source_words, rests):
            if draft.position(ours.start) not in flagged:  # "co-founder" is also a role
                add(ours, theirs, sim, False)
    return findings, lonely


# Prefixes that make another word of a word: "co-founder" is not "founder", "ex-wife" not
# "wife", "non-toxic" not "toxic".
PREFIXES = frozenset("co ex vice non anti pro counter pre post semi sub step half self".split())


def _prefixed(token: str) -> Optional[tuple[str, str]]:
    """("co", "founder") for "co-founder"; None for a word without such a prefix."""
    head, _, rest = fold_punctuation(token).lower().partition("-")
    return (head, rest) if head in PREFIXES and len(rest) > 2 else None


def _prefix_changes(draft: Document, sentence: Sentence, sources: Sequence[Document], aligner: Aligner,
                    scores: dict, source_words: set, rests: set) -> list[tuple[_Entity, _Entity, float]]:
    """A draft word that is a word of the source sentence it retells best with a prefix added,
    dropped or changed ("co-founder" for "founder", "founder" for "co-founder", "post-war" for
    "pre-war"), the draft's word written in no source. `rests`: the words the sources write with
    a prefix ("founder" of "co-founder")."""
    if not any(_name_key(t) not in source_words and (_prefixed(_name_key(t)) or _name_key(t) in rests)
               for t, _, _ in words(sentence.text)):
        return []  # no word with a prefix that the sources lack, nor one the sources prefix
    if id(sentence) not in scores:
        scores[id(sentence)] = [(*aligner.similarity(sentence.text, other.text), other)
                                for source in sources for other in source.sentences]
    ranked = sorted(((sim, other) for sim, contain, other in scores[id(sentence)]
                     if sim >= SUBSTITUTION_MIN_SIMILARITY or contain >= SUBSTITUTION_MIN_CONTAINMENT),
                    key=lambda r: -r[0])[:1]
    if not ranked:
        return []
    sim, other = ranked[0]
    mine, theirs = words(sentence.text), words(other.text)
    mine_keys = {_name_key(t) for t, _, _ in mine}
    document = next(d for d in sources if d.index == other.doc_index)
    found = []
    for token, a, b in mine:
        key = _name_key(token)
        if key in source_words or key.replace("-", "") in source_words:
            continue
        split = _prefixed(key)
        for t, x, y in theirs:
            their = _name_key(t)
            if their in mine_keys:
                continue
            their_split = _prefixed(their)
            rest = split[1] if split else key
            if rest == (their_split[1] if their_split else their) and (split or their_split):
                found.append((_Entity(draft, sentence, sentence.start + a,
                                      sentence.start + b, "word", key),
                              _Entity(document, other, other.start + x, other.start + y, "word", their),
                              sim))
                break
    return found


_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s-\s|\b(?:and|but|while|whereas|who|which)\b")


def _clause(entity: _Entity) -> str:
    """The words around a value in its clause (the value left out): the text between the nearest
    commas, semicolons, brackets, dashes or clause-joining words ("and", "but", "who", "which")."""
    sentence = entity.sentence
    return _clause_around(sentence.text, entity.start - sentence.start, entity.end - sentence.start)


@lru_cache(maxsize=16_384)
def _clause_around(text: str, start: int, end: int) -> str:
    """_clause of text[start:end], memoised on the text: each source value's clause is asked for
    once per draft value."""
    breaks = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text)]
    left = max((b for a, b in breaks if b <= start), default=0)
    right = min((a for a, b in breaks if a >= end), default=len(text))
    return text[left:start] + " " + text[end:right]


def _retold_with_another(entity: _Entity, source_entities: Sequence[_Entity], aligner: Aligner,
                         draft_keys: set) -> Optional[tuple[float, _Entity]]:
    """For a value the sources mention: (similarity, the source's value) when the source clause
    most like the draft's clause around it holds another value of the same kind that the draft
    never uses, and every source clause with the draft's value is far less like it."""
    clause = _clause(entity)
    best_other, best_own = None, 0.0
    for other in source_entities:
        if other.kind != entity.kind:
            continue
        if other.key != entity.key and not set(_slots(entity, reach=3)) & set(_slots(other, reach=3)):
            continue  # another value, but not in the draft's value's slot
        sim = aligner.similarity(clause, _clause(other))[0]
        if other.key == entity.key:
            best_own = max(best_own, sim)
        elif other.key not in draft_keys and (other.kind != "direction" or _other_direction(entity, other)) \
                and (best_other is None or sim > best_other[0]):
            best_other = (sim, other)
    if best_other is None or best_other[0] < SUBSTITUTION_MIN_SIMILARITY_CLAUSE \
            or best_own >= SUBSTITUTION_CLAUSE_RATIO * best_other[0]:
        return None
    return best_other


def _slots(entity: _Entity, kind: Optional[str] = None, reach: int = 1) -> list[tuple]:
    """The content words right before and after a value: ("after", "number", "quarter"); with
    `reach`, the nearest content word among that many words on each side ("guilty to murder in
    the death": "guilty" and "death")."""
    kind = kind or entity.kind
    text = entity.document.text
    before = words(text[entity.sentence.start:entity.start])[-reach:][::-1]
    after = words(text[entity.end:entity.sentence.end])[:reach]
    found = []
    for side, near in (("before", before), ("after", after)):
        content = [w for w, _, _ in near if w.lower() not in STOPWORDS and len(w) > 2]
        if content:
            found.append((side, kind, stem(content[0].lower())))
    return found


def _next_content(entity: _Entity) -> Optional[str]:
    """The stem of the first content word after a value: a direction is only another one of the
    same thing ("north of Tokyo" / "south of Tokyo", not "the northern tip of Sumatra" / "west
    of the city")."""
    text = entity.document.text
    for w, _, _ in words(text[entity.end:entity.sentence.end]):
        if w.lower() not in STOPWORDS:
            return stem(_name_key(w))
    return None


def _other_direction(a: _Entity, b: _Entity) -> bool:
    """Two directions that exclude each other for the same thing: "south" is not "north", but
    "northeast" may be told as "north" or "east"."""
    return a.key not in b.key and b.key not in a.key and _next_content(a) == _next_content(b)


def _around(sentence: Sentence, documents: Sequence[Document], distance: int) -> list[Sentence]:
    """The sentences of the same document within `distance` of this one."""
    return [s for d in documents if d.index == sentence.doc_index for s in d.sentences
            if abs(s.index - sentence.index) <= distance]


def _context_overlap(a: _Entity, b: _Entity) -> int:
    def around(e: _Entity) -> set:
        text = e.document.text
        left = [w.lower() for w, _, _ in words(text[e.sentence.start:e.start])][-3:]
        right = [w.lower() for w, _, _ in words(text[e.end:e.sentence.end])][:3]
        return set(left) | set(right)
    return len(around(a) & around(b))


def _evidence(entity: _Entity) -> Evidence:
    line, column = entity.document.position(entity.start)
    return Evidence(entity.document.path, line, column, entity.sentence.text, entity.text, entity.text)


LOWERCASE_SHARE = 0.03  # a draft with at most this share of capitalised words is recased


def _near_name(token: str, names: Sequence[str]) -> bool:
    """Within one edit per five letters of one of the names (case ignored), but not equal."""
    if len(token) < 5 or any(ch.isdigit() for ch in token):  # "SARS-CoV-4" is another label
        return False
    match = rapidfuzz.process.extractOne(token, names, scorer=Levenshtein.distance,
                                         processor=str.lower, score_cutoff=max(1, len(token) // 5))
    return match is not None and match[1] > 0


def recase(text: str, sources: Sequence[Document]) -> Optional[str]:
    """A lower-case draft with the sources' capitalisation (same length), or None when the draft
    has capitals of its own."""
    tokens = words(text)
    capitalised = sum(1 for t, _, _ in tokens if t[:1].isupper())
    if not tokens or capitalised > LOWERCASE_SHARE * len(tokens):
        return None
    forms: dict[str, dict[str, int]] = {}
    for document in sources:
        for sentence in document.sentences:
            for token, _, _ in words(sentence.text)[1:]:  # a sentence's first word says nothing
                forms.setdefault(token.lower(), {}).setdefault(token, 0)
                forms[token.lower()][token] += 1
    names = sorted({f for seen in forms.values() for f in seen if f[:1].isupper() and len(f) >= 5})
    chars = list(text)
    for token, start, end in tokens:
        if token.lower() in _CALENDAR - {"may", "march"}:  # "wednesday": always a capital
            chars[start] = chars[start].upper()
            continue
        seen = forms.get(token.lower(), {})
        if not seen:  # a word no source writes: a misspelt name ("stoltenburg") stays a name
            if _near_name(token, names):
                chars[start] = chars[start].upper()
            continue
        if token.lower() in seen:
            continue
        form = max(seen, key=lambda f: (seen[f], f))
        if len(form) == end - start:
            chars[start:end] = form
    for match in re.finditer(r"(?:^|[.!?][\"”’']?\s+|\n\s*)[\"“‘'(]*([a-z])", text):
        chars[match.start(1)] = chars[match.start(1)].upper()
    return "".join(chars)


def review_documents(draft: Document, sources: Sequence[Document], host: Host,
                     problems: Sequence[Problem] = (), show_unsupported: bool = False) -> Review:
    """Review a segmented draft (document index 0) against segmented sources."""
    recased = recase(draft.text, sources)
    if recased is not None:
        draft = segment(Source(draft.path, recased, draft.meta, draft.body_start), draft.index,
                        host.config.abbreviations)
    documents = [draft, *sources]
    recorder = _Recorder(host)
    report = check_documents(documents, recorder, problems)  # the ordinary pipeline
    aligner = Aligner(documents)
    ctx = _Context(draft, recorder.claims, aligner)
    about: dict[tuple, list[Finding]] = {}  # (rule, draft evidence) -> the plugin's findings
    for finding in report.findings:
        mine = [e for e in finding.evidence if e.path == draft.path]
        if mine and any(e.path != draft.path for e in finding.evidence):
            about.setdefault((finding.rule, mine[0].line, mine[0].column), []).append(finding)
    findings = [f for f in (_rework(group, ctx) for group in about.values()) if f is not None]
    lonely: list[_Entity] = []
    if "review" not in host.disabled:
        extra, lonely = _substitutions(draft, sources, aligner, host.aliases)
        findings.extend(extra)
    unique = {f.fingerprint: f for f in findings}
    ordered = sorted(unique.values(), key=Finding.sort_key)
    reported = {_evidence_key(f.plugin, e) for f in ordered for e in f.evidence}
    unsupported = _unsupported(draft, aligner, recorder.claims, reported)
    notes = list(report.notes)
    if recased is not None:
        notes.append(f"{draft.path} is written in lower case: its words were given the sources' "
                     f"capitalisation before checking (positions unchanged)")
    if show_unsupported:  # in the draft's order
        listed = [(c.start, f"unsupported {c.plugin} claim {c.display!r}: no source supports or "
                            f"contradicts it", c.sentence) for c in unsupported]
        listed += [(e.start, f"unsupported {e.kind} {e.text!r}: no source mentions it", e.sentence)
                   for e in lonely]
        for start, what, sentence in sorted(listed, key=lambda item: item[0]):
            line, column = draft.position(start)
            notes.append(f"{draft.path}:{line}:{column}: {what} ('{sentence.text.strip()[:90]}')")
    rules = dict(report.rules)
    if "review" not in host.disabled:
        rules[SUBSTITUTION.id] = SUBSTITUTION
    result = Report(documents, ordered, report.problems, notes, rules)
    return Review(result, unsupported)


def review(draft_path: str, source_paths: Sequence[str], host: Host,
           published: Optional[Mapping[str, dt.date]] = None, exclude: Iterable[str] = (),
           show_unsupported: bool = False) -> Review:
    """Load, segment and review files. Raises DraftError when the draft cannot be read and
    pipeline.InputError for a source path that does not exist."""
    if not os.path.isfile(draft_path):
        raise DraftError(f"{draft_path}: no such file")
    loaders = host.loaders()
    drafts, problems = load([draft_path], loaders, host.config, published)
    if problems and not drafts:
        raise DraftError(str(problems[0]))
    if len(drafts) != 1:
        raise DraftError(f"{draft_path}: the draft must be one article, found {len(drafts)}")
    draft_real = os.path.realpath(draft_path)
    sources, source_problems = load(source_paths, loaders, host.config, published,
                                    exclude=[*exclude, draft_path])
    sources = [s for s in sources if os.path.realpath(s.path) != draft_real]
    if not sources:
        raise DraftError("no source articles to review the draft against")
    documents = segment_all([*drafts, *sources], host.config)
    return review_documents(documents[0], documents[1:], host, [*problems, *source_problems],
                            show_unsupported)
