"""Segmentation: a Source becomes a Document of paragraphs, sentences and clauses.

Sentences come from NLTK's PunktSentenceTokenizer with its parameters built here in code (no
trained model, nothing downloaded): a list of abbreviations that never end a sentence ("U.S.",
"Mr.", "Sept.") and a list of frequent sentence starters that let Punkt end a sentence after an
abbreviation ("... in the U.S. The next day ...").
"""
from __future__ import annotations

import re
import sys
from functools import lru_cache
from typing import Iterable

from .lazy_nltk import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer, PunktToken

from .model import Clause, Document, Sentence, Source

ABBREVIATIONS = (
    "U.S.", "U.K.", "U.N.", "E.U.", "D.C.", "L.A.", "N.Y.", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.",
    "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "Cmdr.", "Adm.", "Sgt.", "Sen.", "Rep.", "Gov.",
    "Pres.", "Supt.", "Rev.", "Hon.", "Sr.", "Jr.", "St.", "Mt.", "Ft.", "Ave.", "Blvd.", "Rd.",
    "Inc.", "Corp.", "Ltd.", "Co.", "Bros.", "No.", "Nos.", "vs.", "v.", "etc.", "e.g.", "i.e.",
    "a.m.", "p.m.", "approx.", "est.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.",
    "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "Mon.", "Tue.", "Tues.", "Wed.", "Thu.", "Thur.",
    "Thurs.", "Fri.", "Sat.", "Sun.", "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.",
    "Fla.", "Ga.", "Ill.", "Ind.", "Kan.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.",
    "Mo.", "Mont.", "Neb.", "Nev.", "Okla.", "Ore.", "Pa.", "Tenn.", "Tex.", "Va.", "Vt.", "Wash.",
    "Wis.", "Wyo.",
)

SENTENCE_STARTERS = (
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "in", "on", "at",
    "this", "that", "these", "those", "there", "his", "her", "their", "its", "our", "after",
    "before", "when", "while", "as", "if", "however", "meanwhile", "then", "so", "yet", "also",
    "officials", "police",
)

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*|\r\n[ \t]*\r\n\s*")
# A clause ends at these marks or before a subordinating word.
_CLAUSE_MARK = re.compile(r"[;:]\s+|\s+[\u2014\u2013]\s*|\s+--\s+|,[\u201d\u2019\"']?\s+|\s+(?=(?:after|before|while|when|where|whereas|although|though|because|whom|which)\b)")
MIN_CLAUSE_WORDS = 3


def _abbrev_type(abbrev: str) -> str:
    return abbrev.lower().rstrip(".")


# The standard engine's flags for the `regex` module's (the same letters, other bits for some)
_RE_FLAGS = ("IGNORECASE", "MULTILINE", "DOTALL", "VERBOSE", "ASCII", "UNICODE")


def _standard_engine(pattern):
    """One of Punkt's own patterns compiled by the standard `re`, when NLTK compiled it otherwise.

    Since NLTK 3.10 every pattern in NLTK goes through `nltk.redos`: the third-party `regex`
    engine run under a time limit, a defence against patterns a caller supplies. Punkt's
    patterns are NLTK's own and fixed, and the same patterns ran on `re` in NLTK up to 3.9; on
    `re` they match the same (a test compares the spans with stock Punkt's) and Punkt runs
    about three times faster. A pattern that is already `re`'s, or that `re` cannot compile,
    is kept as it is."""
    engine = sys.modules.get("regex")  # imported by nltk.redos
    if isinstance(pattern, re.Pattern) or engine is None or not isinstance(getattr(pattern, "pattern", None), str):
        return pattern
    flags = 0
    for name in _RE_FLAGS:
        if pattern.flags & getattr(engine, name):
            flags |= getattr(re, name)
    try:
        return re.compile(pattern.pattern, flags)
    except re.error:
        return pattern


class _Token(PunktToken):
    """Punkt's token, its own patterns on the standard engine (see _standard_engine)."""


for _name in [n for n in vars(PunktToken) if n.startswith("_RE_")]:
    setattr(_Token, _name, _standard_engine(getattr(PunktToken, _name)))


class _LanguageVars(PunktLanguageVars):
    """Punkt's English language variables, their patterns on the standard engine."""

    re_boundary_realignment = _standard_engine(PunktLanguageVars.re_boundary_realignment)

    def __init__(self) -> None:
        super().__init__()
        self._re_word_tokenizer = _standard_engine(self._word_tokenizer_re())
        self._re_period_context = _standard_engine(self.period_context_re())


@lru_cache(maxsize=8)
def sentence_tokenizer(extra_abbreviations: tuple[str, ...] = ()) -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = {_abbrev_type(a) for a in ABBREVIATIONS + tuple(extra_abbreviations)}
    params.sent_starters = set(SENTENCE_STARTERS)
    return PunktSentenceTokenizer(params, lang_vars=_LanguageVars(), token_cls=_Token)


def paragraphs(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Paragraph spans (blank-line separated), trimmed of surrounding whitespace."""
    spans = []
    pos = start
    for match in PARAGRAPH_BREAK.finditer(text, start):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(text)))
    result = []
    for a, b in spans:
        chunk = text[a:b]
        stripped = chunk.strip()
        if stripped:
            a += len(chunk) - len(chunk.lstrip())
            result.append((a, a + len(stripped)))
    return result


def clauses(text: str, offset: int = 0) -> tuple[Clause, ...]:
    """Split a sentence into clauses at , ; : dashes and before subordinators.

    A comma that closes a quotation (`,”` `,"` `,’`) ends a clause like any other comma.

    A piece of fewer than three words is joined to its neighbour (the next one at the start of
    the sentence, the previous one elsewhere) so that "Yesterday, on Friday, Reid ..." stays one
    clause while "..., where he started his visit yesterday after arriving late Monday" gives
    "where he started his visit yesterday" and "after arriving late Monday".
    """
    return tuple(Clause(offset + a, offset + b, text[a:b]) for a, b in _clause_spans(text))


@lru_cache(maxsize=16384)  # pure; copies of a story repeat its sentences
def _clause_spans(text: str) -> tuple[tuple[int, int], ...]:
    """clauses(text) as (start, end) offsets into text."""
    cuts = [0]
    for match in _CLAUSE_MARK.finditer(text):
        if match.start() > cuts[-1]:
            cuts.append(match.end())
    pieces = [[a, b] for a, b in zip(cuts, cuts[1:] + [len(text)]) if b > a]
    merged: list[list[int]] = []
    carry_start = None
    for a, b in pieces:
        short = len(text[a:b].split()) < MIN_CLAUSE_WORDS
        if carry_start is not None:
            a, carry_start = carry_start, None
        if short:
            if merged:
                merged[-1][1] = b
            else:
                carry_start = a
            continue
        merged.append([a, b])
    if carry_start is not None:
        if merged:
            merged[-1][1] = len(text)
        else:
            merged.append([carry_start, len(text)])
    return tuple((a, b) for a, b in merged)


@lru_cache(maxsize=16384)  # Punkt is deterministic; copies of a story repeat its paragraphs
def _sentence_spans(tokenizer: PunktSentenceTokenizer, paragraph: str) -> tuple[tuple[int, int], ...]:
    return tuple(tokenizer.span_tokenize(paragraph))


_NEWLINE = re.compile(r"\n")


def _line_starts(text: str) -> tuple[int, ...]:
    return (0,) + tuple(m.end() for m in _NEWLINE.finditer(text))


def segment(source: Source, index: int = 0, abbreviations: Iterable[str] = ()) -> Document:
    tokenizer = sentence_tokenizer(tuple(sorted(set(abbreviations))))
    text = source.text
    line_starts = _line_starts(text)
    doc = Document(index, source.path, text, dict(source.meta), source.body_start, (), (), line_starts)
    paras = paragraphs(text, source.body_start)
    sentences = []
    for p_index, (p_start, p_end) in enumerate(paras):
        chunk = text[p_start:p_end]
        for s_start, s_end in _sentence_spans(tokenizer, chunk):
            start, end = p_start + s_start, p_start + s_end
            line, column = doc.position(start)
            sentences.append(Sentence(
                index, len(sentences), p_index, start, end, text[start:end], line, column,
                clauses(text[start:end], start),
            ))
    return Document(index, source.path, text, dict(source.meta), source.body_start,
                    tuple(paras), tuple(sentences), line_starts)
