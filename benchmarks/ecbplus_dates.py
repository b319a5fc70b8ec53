"""ECB+ measurement of the dates plugin: the weekday disagreements annotators link across outlets.

    .venv/bin/python benchmarks/ecbplus_dates.py [--corpus ../shared/corpora/ecbplus] [--show]

Each ECB+ subtopic (all articles about one event) is written as a folder of plain-text articles
in a temporary directory (one paragraph per sentence, ``...'' as curly quotes, the url line left
out, split words and numbers such as "Saturday ’ s" and "1, 500" joined again) and checked with the dates plugin alone, as `factcheck FOLDER` would.

Gold from the annotations: TIME_DATE mentions with the same `cross_doc_instance` in two articles
of a subtopic name the same real time. A linked pair whose texts name two different weekdays
("on Tuesday" / "on Friday", the day Tara Reid entered rehab) is a disagreement the outlets
really have ("Yesterday, on Friday" names Friday); a linked pair that names the same weekday,
or a weekday and a relative day ("Tuesday" / "yesterday", which agree once read against the
article's date), is an agreement.

Printed: recall (the disagreements reported as a dates finding whose evidence has, in both
articles, the annotated weekday); false alarms (agreeing linked pairs that a finding sets against
each other: a weekday finding whose evidence is the two mentions' sentences); and the findings per 1,000 sentences at warning or above over all subtopics.
`--show` lists the missed disagreements and the false alarms.
"""
from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from factcheck.config import Config
from factcheck.host import Host
from factcheck.model import SEVERITY_RANK
from factcheck.pipeline import check
from factcheck.plugins import dates

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "ecbplus"
WEEKDAY_RE = re.compile(r"\b(" + "|".join(dates.WEEKDAYS) + r")\b", re.I)
RELATIVE_RE = re.compile(r"\b(yesterday|today|tonight|tomorrow)\b", re.I)


def _untokenise(sentence: str) -> str:
    """Undo the corpus's tokenisation where it splits a word or a number: "Saturday ’ s",
    "1, 500", "6. 0", "2: 39 pm", "play - in"."""
    sentence = re.sub(r"\s+([\u2019'])\s*s\b", r"\1s", sentence)
    sentence = re.sub(r"(\d), (\d{3})\b", r"\1,\2", sentence)
    sentence = re.sub(r"(\d)([.:]) (\d)", r"\1\2\3", sentence)
    sentence = re.sub(r"(\w) - (\w)", r"\1-\2", sentence)
    return re.sub(r"\s+([,.])", r"\1", sentence)


def article_text(sentences: list[str]) -> tuple[str, dict[int, int]]:
    """The article as text, and the line of each sentence index."""
    lines, where = [], {}
    for i, sentence in enumerate(sentences):
        if sentence.startswith("http:"):
            continue
        sentence = re.sub(r"``\s*", "\u201c", sentence).replace("''", "\u201d")
        sentence = _untokenise(sentence)
        where[i] = 2 * len(lines) + 1
        lines.append(sentence)
    return "\n\n".join(lines) + "\n", where


def weekday_of(text: str) -> str:
    m = WEEKDAY_RE.search(text)
    return m.group(1).capitalize() if m else ""


def _mention_weekday(name: str, mention: dict, docs: list[dict]) -> str:
    """The weekday a mention names, or that a relative day names in apposition ("Yesterday, on
    Friday")."""
    day = weekday_of(mention["text"])
    if day or not RELATIVE_RE.search(mention["text"]):
        return day
    sentence = next(d for d in docs if d["doc_name"] == name)["sentences"][mention["sentence"]]
    at = sentence.find(mention["text"])
    m = re.match(r"\s*,?\s*(?:on\s+)?(" + WEEKDAY_RE.pattern[3:-3] + r")\b",
                 sentence[at + len(mention["text"]):], re.I) if at >= 0 else None
    return m.group(1).capitalize() if m else ""


def gold_pairs(docs: list[dict]) -> tuple[list, list]:
    """(disagreements, agreements): pairs of linked TIME_DATE mentions in two articles."""
    by_instance = defaultdict(list)
    for doc in docs:
        for m in doc["mentions"]:
            if m["type"].startswith("TIME_DATE") and m.get("cross_doc_instance"):
                by_instance[m["cross_doc_instance"]].append((doc["doc_name"], m))
    disagree, agree = [], []
    for mentions in by_instance.values():
        for (da, ma), (db, mb) in itertools.combinations(mentions, 2):
            if da == db:
                continue
            wa, wb = _mention_weekday(da, ma, docs), _mention_weekday(db, mb, docs)
            ra, rb = RELATIVE_RE.search(ma["text"]), RELATIVE_RE.search(mb["text"])
            if wa and wb:
                (agree if wa == wb else disagree).append(((da, ma, wa), (db, mb, wb)))
            elif (wa and rb) or (wb and ra):
                agree.append(((da, ma, wa), (db, mb, wb)))
    return disagree, agree


def _weekday_by_doc(finding) -> dict[str, set]:
    out = defaultdict(set)
    for e in finding.evidence:
        name = Path(e.path).stem
        day = weekday_of(e.value)
        if day:
            out[name].add(day)
    return out


def measure(corpus: Path, show: bool = False) -> dict:
    subtopics = defaultdict(list)
    with open(corpus / "ecbplus_docs.jsonl", encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            subtopics[doc["subtopic"]].append(doc)
    probe = Host(Config())
    host = Host(Config(), disabled=[n for n in probe.infos if n != "dates"])
    floor = SEVERITY_RANK["warning"]
    totals = {"disagreements": 0, "found": 0, "agreements": 0, "false_alarms": 0,
              "sentences": 0, "findings": 0, "articles": 0, "subtopics": 0}
    missed, alarms = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for subtopic, docs in sorted(subtopics.items()):
            folder = Path(tmp) / subtopic
            folder.mkdir()
            lines = {}
            for doc in docs:
                text, lines[Path(doc["doc_name"]).stem] = article_text(doc["sentences"])
                (folder / (Path(doc["doc_name"]).stem + ".txt")).write_text(text, encoding="utf-8")
            report = check([str(folder)], host)
            findings = [f for f in report.findings if SEVERITY_RANK[f.severity] >= floor]
            totals["subtopics"] += 1
            totals["articles"] += len(report.documents)
            totals["sentences"] += sum(len(d.sentences) for d in report.documents)
            totals["findings"] += len(findings)
            weekday_findings = [f for f in findings if f.rule == "dates.weekday-conflict"]
            days = [_weekday_by_doc(f) for f in weekday_findings]
            at = [{(Path(e.path).stem, e.line): weekday_of(e.value) for e in f.evidence}
                  for f in weekday_findings]
            disagree, agree = gold_pairs(docs)
            for (da, ma, wa), (db, mb, wb) in disagree:
                a, b = Path(da).stem, Path(db).stem
                totals["disagreements"] += 1
                if any(wa in d.get(a, ()) and wb in d.get(b, ()) for d in days):
                    totals["found"] += 1
                else:
                    missed.append(f"{subtopic}: {da} {ma['text']!r} / {db} {mb['text']!r}")
            for (da, ma, wa), (db, mb, wb) in agree:
                a, b = Path(da).stem, Path(db).stem
                totals["agreements"] += 1
                sa, sb = (a, lines[a].get(ma["sentence"])), (b, lines[b].get(mb["sentence"]))
                if any(sa in places and sb in places and places[sa] != places[sb] for places in at):
                    totals["false_alarms"] += 1
                    alarms.append(f"{subtopic}: {da} {ma['text']!r} / {db} {mb['text']!r}")
    if show:
        for line in missed:
            print("missed", line)
        for line in alarms:
            print("false alarm", line)
    return totals


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show", action="store_true", help="list misses and false alarms")
    args = parser.parse_args(argv)
    t = measure(args.corpus, args.show)
    recall = t["found"] / t["disagreements"] if t["disagreements"] else float("nan")
    per_k = 1000 * t["findings"] / t["sentences"] if t["sentences"] else 0.0
    print(f"ECB+: {t['subtopics']} subtopics, {t['articles']} articles, {t['sentences']} sentences")
    print(f"linked weekday disagreements: {t['found']}/{t['disagreements']} reported (recall {recall:.2f})")
    print(f"linked agreeing times: {t['agreements']}, set against each other by a finding: "
          f"{t['false_alarms']} (false alarms)")
    print(f"dates findings at warning or above: {t['findings']} ({per_k:.1f} per 1,000 sentences)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
