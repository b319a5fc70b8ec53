"""Injected changes on real article text: the names and quotes plugins find a misspelt surname, a
changed word inside a long quotation and a quotation given to another named person, each at the
changed span; a restyled copy (US/U.S., hyphenated Korean name, bracketed insertions, a quotation
cut at a comma) gives nothing at warning or error.

Base texts: the two seed articles and four ECB+ articles in tests/data/ecbplus (CC BY 3.0, see its
README). Each change is made programmatically, one change per copy, over every name and quotation
of a base text that the change applies to, so recall is measured per kind; `recall_report()`
prints the figures (python tests/test_injected_names_quotes.py).

Which changes apply:
- misspelling: a person named in full (two or more words) whose surname has at least six letters;
  every mention of that surname in the copy gets two neighbouring inner letters swapped.
- wording: a quotation of at least 12 words; one lowercase word of four or more letters in its
  middle third is replaced by a word the quotation does not contain.
- speaker: a quotation of at least 8 words with a named speaker in its own sentence who is one
  person of the article (not an organisation, not a surname two people share), not in the
  first person plural (a joint statement may be credited to any of its authors, so the rule
  skips it); the speaker's name in that sentence becomes another person named in the article.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

from factcheck.testing import check_texts, extract_claims

ROOT = Path(__file__).resolve().parent.parent
BASES = sorted(ROOT.glob("seeds/*.txt")) + [
    ROOT / "tests/data/ecbplus" / f"{n}.txt" for n in ("3_9ecb", "27_11ecb", "2_7ecb", "31_14ecb")]
PLUGINS = ["names", "quotes"]
REPLACEMENTS = ("harsh", "quiet", "simple", "certain")


def text_of(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def people_of(path: Path) -> dict[str, list]:
    """Full name -> claims of the people the names plugin finds in a base text."""
    found: dict[str, list] = {}
    for claim in extract_claims("names", text_of(path)):
        if claim.kind != "person":
            continue
        found.setdefault(claim.data["full"], []).append(claim)
    return found


def _firm(claims) -> bool:
    return any(c.data.get("role_office") or c.data.get("role_text") or c.data.get("speaker")
               for c in claims)


def position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def at(finding, path: str, text: str, start: int, end: int) -> bool:
    """Some evidence item of the finding in `path` covers [start, end) of `text`."""
    line, column = position(text, start)
    for e in finding.evidence:
        if e.path == path and e.line == line and e.column <= column and column + (end - start) <= e.column + len(e.text):
            return True
    return False


def report(base: str, changed: str):
    """Findings at warning or error for the original, an unchanged copy and the changed copy."""
    findings = check_texts({"a.txt": base, "b.txt": base, "c.txt": changed}, PLUGINS).findings
    return [f for f in findings if f.severity in ("warning", "error")]


# -- changes ------------------------------------------------------------------------------------

def misspellings(path: Path):
    text = text_of(path)
    for full, claims in people_of(path).items():
        parts = full.split()
        surname = parts[-1]
        if len(parts) < 2 or len(surname) < 6 or not surname.isalpha():
            continue
        if not any(c.data.get("role_office") or c.data.get("role_text") for c in claims) and \
                not re.search(re.escape(surname) + r"\s+(?:said|says|added|told)|said\s+[^.]*" + re.escape(surname), text):
            continue
        wrong = surname[:2] + surname[3] + surname[2] + surname[4:]
        if wrong == surname:
            continue
        pattern = re.compile(r"\b" + re.escape(surname) + r"\b")
        spans = [m.span() for m in pattern.finditer(text)]
        yield f"{full} -> {wrong}", pattern.sub(wrong, text), spans, "names.misspelling"


def quotations(path: Path):
    return [c for c in extract_claims("quotes", text_of(path))]


def wording_changes(path: Path):
    text = text_of(path)
    for claim in quotations(path):
        if len(claim.data["quote"].words) < 12:
            continue
        toks = [m for m in re.finditer(r"[A-Za-z]+", claim.text)]
        third = len(toks) // 3
        middle = [m for m in toks[third:2 * third + 1] if m.group().islower() and len(m.group()) >= 4]
        if not middle:
            continue
        word = middle[len(middle) // 2]
        new = next(r for r in REPLACEMENTS if r not in claim.text.lower())
        start, end = claim.start + word.start(), claim.start + word.end()
        yield f"{word.group()} -> {new}", text[:start] + new + text[end:], [(start, start + len(new))], "quotes.wording"


def speaker_changes(path: Path):
    text = text_of(path)
    names = [full for full, claims in people_of(path).items() if len(full.split()) >= 2 and _firm(claims)]
    for claim in quotations(path):
        speaker = claim.data.get("speaker")
        words = claim.data["quote"].words
        if claim.data.get("how") != "explicit" or not claim.data.get("person") or len(words) < 8:
            continue
        if {"we", "our", "us"} & set(words):
            continue
        sentence = claim.sentence
        outside = text[sentence.start:claim.start] + " " * (claim.end - claim.start) + text[claim.end:sentence.end]
        found = None
        for form in (speaker, speaker.split()[-1]):
            m = re.search(r"\b" + re.escape(form) + r"\b", outside)
            if m:
                found = (sentence.start + m.start(), sentence.start + m.end())
                break
        others = [n for n in names if speaker.split()[-1] not in n and n.split()[-1] not in speaker]
        if not found or not others:
            continue
        other = others[0]
        start, end = found
        yield (f"{speaker} -> {other}", text[:start] + other + text[end:], [(claim.start, claim.end)],
               "quotes.speaker-conflict")


KINDS = {"misspelling": misspellings, "wording": wording_changes, "speaker": speaker_changes}


def cases(kind):
    return [(base, *change) for base in BASES for change in KINDS[kind](base)]


def found(rule: str, changed: str, spans, findings) -> bool:
    return any(f.rule == rule and any(at(f, "c.txt", changed, s, e) for s, e in spans) for f in findings)


def recall(kind) -> tuple[int, int, list]:
    hits, missed = 0, []
    for base, label, changed, spans, rule in cases(kind):
        if found(rule, changed, spans, report(text_of(base), changed)):
            hits += 1
        else:
            missed.append(f"{base.name}: {label}")
    return hits, len(cases(kind)), missed


# -- the suite ------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_of_change_is_injected_over_several_names_or_quotes(kind):
    changes = cases(kind)
    assert len(changes) >= 10
    assert len({base for base, *_ in changes}) >= 3


@pytest.mark.parametrize("kind,floor", [("misspelling", 0.9), ("wording", 0.9), ("speaker", 0.9)])
def test_injected_changes_are_found_by_the_right_rule_at_the_changed_span(kind, floor):
    hits, total, missed = recall(kind)
    assert hits / total >= floor, missed


@pytest.mark.parametrize("base", BASES, ids=lambda p: p.name)
def test_unchanged_copies_give_nothing_so_each_finding_comes_from_the_change(base):
    assert report(text_of(base), text_of(base)) == []


def restyle(text: str) -> str:
    """Editorial restyling that changes nothing a reader could object to."""
    out = re.sub(r"\bUS\b", "U.S.", text)
    out = re.sub(r"\bU\.S\.(?=\s)", "US", text) if out == text else out
    out = out.replace("Yoon Suk-yeol", "Yoon Suk Yeol").replace("Kim Jong-un", "Kim Jong Un")
    out = out.replace("[Vladimir]", "(Vladimir)")
    # a bracketed insertion after the first word of each long quotation, and a quotation cut at
    # its first comma (the rest of the sentence after the closing mark is kept)
    for claim in sorted(quotations_of_text(text), key=lambda c: -c.start):
        words = claim.data["quote"].words
        if len(words) < 12 or claim.data.get("speaker") is None:
            continue
        body = claim.text
        comma = body.find(",")
        if 20 < comma < len(body) - 20:
            out = out.replace(body, body[:comma], 1)
        else:
            first = body.find(" ")
            out = out.replace(body, body[:first] + " [" + claim.data["speaker"] + "]" + body[first:], 1)
    return out


def quotations_of_text(text: str):
    return extract_claims("quotes", text)


@pytest.mark.parametrize("base", BASES, ids=lambda p: p.name)
def test_a_restyled_copy_gives_nothing_at_warning_or_error(base):
    text = text_of(base)
    restyled = restyle(text)
    assert restyled != text
    assert report(text, restyled) == []


def test_restyling_covers_the_issue_cases():
    seeds = "\n".join(text_of(p) for p in BASES[:2])
    restyled = restyle(seeds)
    assert "Yoon Suk Yeol" in restyled and "Yoon Suk-yeol" not in restyled
    assert "(Vladimir)" in restyled and "[Vladimir]" not in restyled
    assert "[Jens Stoltenberg]" in restyled or "[Stoltenberg]" in restyled
    ecb = text_of(BASES[2])
    assert ("U.S." in ecb) != ("U.S." in restyle(ecb))


def recall_report() -> None:
    for kind in sorted(KINDS):
        hits, total, missed = recall(kind)
        print(f"{kind}: {hits}/{total} = {hits / total:.2f}" + (f"  missed: {missed}" if missed else ""))


if __name__ == "__main__":
    recall_report()
