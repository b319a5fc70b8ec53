"""places: a small factcheck plugin that compares compass directions between sources.

"Iruma Air Base north of Tokyo" in one article and "... northwest of Tokyo" in another describe
the same place differently. This file is the worked example of the README's "Writing a plugin"
section; run it with

    factcheck seeds/ --plugin examples/places.py
"""
import re

import factcheck

DIRECTIONS = "north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west"
PHRASE = re.compile(rf"\b((?i:{DIRECTIONS}))\s+of\s+([A-Z][\w'-]+(?:\s[A-Z][\w'-]+)*)")


@factcheck.hookimpl
def factcheck_rules():
    return [factcheck.Rule(
        "places.direction-conflict", "info",
        "Sources place the same thing in different directions from a reference place.",
        "A direction phrase ('north of Tokyo') in one source and a different one ('northwest of "
        "Tokyo') in a sentence of another source that tells the same thing. Often a caption "
        "written apart from the story; check the map.",
        "000: ... the Iruma Air Base north of Tokyo.\n001: ... Iruma Air Base in Sayama, northwest of Tokyo",
    )]


@factcheck.hookimpl
def factcheck_options():
    return {"min_similarity": 0.25}


@factcheck.hookimpl
def factcheck_extract(document, context):
    claims = []
    for sentence in document.sentences:
        for match in PHRASE.finditer(sentence.text):
            direction = match.group(1).lower().replace("-", "")
            place = match.group(2).strip()
            start = sentence.start + match.start()
            claims.append(context.claim(
                "direction", document, sentence, start, sentence.start + match.end(),
                value=(direction, place), display=f"{direction} of {place}",
                context=sentence.text,  # align on the whole sentence: what is located where
            ))
    return claims


@factcheck.hookimpl
def factcheck_compare(pairs, context):
    findings = []
    for pair in pairs:
        (dir_a, place_a), (dir_b, place_b) = pair.a.value, pair.b.value
        if place_a != place_b or dir_a == dir_b or pair.similarity < context.options["min_similarity"]:
            continue
        findings.append(context.finding(
            "places.direction-conflict",
            f"{pair.a.document.name} puts it {dir_a} of {place_a}; "
            f"{pair.b.document.name} says {dir_b} of {place_b}.",
            [pair.a, pair.b], confidence=pair.similarity,
        ))
    return findings
