"""Balanced accuracy of `factcheck review` on human-labelled drafts (SummEdits news, FRANK).

    .venv/bin/python benchmarks/review_summedits.py [--limit N] [--corpus summedits|frank|both]
                                                    [--misses N] [--half even|odd]

Each summary is a draft and its article the only source; the draft counts as flagged when review
reports anything at warning or above. Balanced accuracy = (share of inconsistent drafts flagged
+ share of consistent drafts not flagged) / 2, in percent.

SummEdits news (../shared/corpora/summedits-news, Apache-2.0): label 0 = inconsistent. Per edit
type, the inconsistent drafts with that edit are scored against all consistent drafts. --half
even (or odd) keeps the drafts of the articles at even (odd) positions of docs.jsonl (the
drafts are about 4 of its articles): review's word rules were developed on the even half (64
drafts of 2 articles: the London paint protest, Ozy Media); the odd half (69 drafts of the 2
others) is the held-out check. FRANK is not split. Antonym
swaps and negations are outside what the four plugins read (dates, numbers, names, quotes): they
are reported as measured, nothing is done to catch them.

FRANK (../shared/corpora/frank, MIT), validation split: a summary is inconsistent when people
marked an entity (EntE) or circumstance (CircE) error in it, consistent when its Factuality is
1.0; summaries with only other errors (OutE, RelE, CorefE, GramE ...) are left out of the score
and their flag rate is printed apart.

Published news-domain balanced accuracy on SummEdits (the authors' README): DAE 60.9,
SummaC-Conv 61.9, QAFactEval 74.4 (neural models). Everything runs in this process (one Host,
each article segmented once), so the whole run takes well under a minute.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from factcheck.host import Host  # noqa: E402
from factcheck.model import SEVERITY_RANK, Source  # noqa: E402
from factcheck.review import review_documents  # noqa: E402
from factcheck.segment import segment  # noqa: E402

CORPORA = Path(os.environ.get("FACTCHECK_CORPORA", HERE.parent.parent / "shared" / "corpora"))
PUBLISHED = {"DAE": 60.9, "SummaC-Conv": 61.9, "QAFactEval": 74.4}
WARNING = SEVERITY_RANK["warning"]


def detokenize(text: str) -> str:
    """FRANK's tokenised sentences back to ordinary text ("Watson , 34 ," -> "Watson, 34,");
    the models' unknown-word token UNK becomes an ellipsis."""
    text = re.sub(r"\[?\bUNK\b\]?", "\u2026", text)  # the model's unknown-word token: no word, no name
    text = text.replace("-LRB-", "(").replace("-RRB-", ")").replace("``", "\u201c").replace("''", "\u201d")
    text = re.sub(r"\s+([.,;:!?%)\u201d])", r"\1", text)
    text = re.sub(r"([(\u201c$#£])\s+", r"\1", text)
    text = re.sub(r"\s+('s|n't|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


class Reviewer:
    def __init__(self) -> None:
        self.host = Host()
        self._sources: dict[str, object] = {}

    def source(self, key: str, name: str, text: str):
        if key not in self._sources:
            self._sources[key] = segment(Source(name, text), 1, self.host.config.abbreviations)
        return self._sources[key]

    def review(self, draft_text: str, source) -> list:
        draft = segment(Source("draft.txt", draft_text), 0, self.host.config.abbreviations)
        result = review_documents(draft, [source], self.host)
        return [f for f in result.report.findings if SEVERITY_RANK[f.severity] >= WARNING]


def balanced(pos_flags: list[bool], neg_flags: list[bool]) -> tuple[float, float, float]:
    tpr = sum(pos_flags) / len(pos_flags) if pos_flags else float("nan")
    tnr = 1 - sum(neg_flags) / len(neg_flags) if neg_flags else float("nan")
    return 100 * (tpr + tnr) / 2, 100 * tpr, 100 * tnr


def summedits(reviewer: Reviewer, limit: int, misses: int, half: str = "") -> dict:
    folder = CORPORA / "summedits-news"
    docs = {d["doc_id"]: d["doc"] for d in map(json.loads, open(folder / "docs.jsonl", encoding="utf-8"))}
    rows = [json.loads(line) for line in open(folder / "edits-evaluation.jsonl", encoding="utf-8")]
    if half:
        position = {doc_id: i for i, doc_id in enumerate(docs)}
        rows = [row for row in rows if position[row["doc_id"]] % 2 == (half == "odd")]
    rows = rows[:limit] if limit else rows
    results = []
    for row in rows:
        source = reviewer.source("se:" + row["doc_id"], f"{row['doc_id']}.txt", docs[row["doc_id"]])
        findings = reviewer.review(row["summary"], source)
        results.append((row, bool(findings), findings))
    negatives = [flag for row, flag, _ in results if row["label"] == 1]
    positives = [flag for row, flag, _ in results if row["label"] == 0]
    table = [("overall", len(positives), len(negatives), *balanced(positives, negatives))]
    types = sorted({t for row, _, _ in results for t in row["edit_types"]})
    for kind in types:
        pos = [flag for row, flag, _ in results if row["label"] == 0 and kind in row["edit_types"]]
        table.append((kind, len(pos), len(negatives), *balanced(pos, negatives)))
    pos = [flag for row, flag, _ in results if row["label"] == 0 and row["edit_types"] == ["entity_modification"]]
    table.append(("entity_modification only", len(pos), len(negatives), *balanced(pos, negatives)))
    if misses:
        _show_misses("SummEdits", [(row["summary"], row["original_summary"], row["edit_types"], flag, found)
                                   for row, flag, found in results], lambda r: r[2] is not None,
                     [row["label"] == 0 for row, _, _ in results], misses)
    return {"rows": table}


def frank(reviewer: Reviewer, limit: int, misses: int) -> dict:
    folder = CORPORA / "frank"
    articles = {a["hash"]: a for a in map(json.loads, open(folder / "articles-valid.jsonl", encoding="utf-8"))}
    rows = [json.loads(line) for line in open(folder / "summaries-valid.jsonl", encoding="utf-8")]
    rows = rows[:limit] if limit else rows
    results = []
    for row in rows:
        article = articles[row["hash"]]
        source = reviewer.source("fr:" + row["hash"], f"{row['hash'][:12]}.txt",
                                 " ".join(article["article_sentences"]))
        draft = " ".join(detokenize(s) for s in row["summary_sentences"])
        findings = reviewer.review(draft, source)
        human = row["human"]
        kind = ("EntE+CircE" if human["EntE"] < 1 and human["CircE"] < 1 else "EntE" if human["EntE"] < 1
                else "CircE" if human["CircE"] < 1 else "consistent" if human["Factuality"] >= 1 else "other")
        results.append((row, kind, bool(findings), findings, draft))
    negatives = [flag for _, kind, flag, _, _ in results if kind == "consistent"]
    positives = [flag for _, kind, flag, _, _ in results if kind.startswith(("EntE", "CircE"))]
    table = [("overall (EntE or CircE)", len(positives), len(negatives), *balanced(positives, negatives))]
    for name, test in (("EntE", lambda k: "EntE" in k), ("CircE", lambda k: "CircE" in k)):
        pos = [flag for _, kind, flag, _, _ in results if test(kind)]
        table.append((name, len(pos), len(negatives), *balanced(pos, negatives)))
    other = [flag for _, kind, flag, _, _ in results if kind == "other"]
    if misses:
        _show_misses("FRANK", [(draft, "", kind, flag, found) for _, kind, flag, found, draft in results],
                     lambda r: True, [kind.startswith(("EntE", "CircE")) for _, kind, _, _, _ in results], misses)
    return {"rows": table, "other": (len(other), 100 * sum(other) / len(other) if other else float("nan"))}


def _show_misses(name, results, _keep, truth, limit) -> None:
    missed = [r for r, t in zip(results, truth) if t and not r[3]][:limit]
    false = [r for r, t in zip(results, truth) if not t and r[3]][:limit]
    print(f"\n{name}: missed inconsistent drafts (first {len(missed)}):")
    for draft, original, kind, _, _ in missed:
        print(f"  [{kind}] {draft[:200]}")
        if original:
            print(f"      original: {original[:200]}")
    print(f"{name}: flagged consistent drafts (first {len(false)}):")
    for draft, _, kind, _, found in false:
        print(f"  {draft[:200]}")
        for finding in found:
            print(f"      -> {finding.rule}: {finding.message[:240]}")


def _print(title: str, rows) -> None:
    print(f"\n{title}")
    print(f"  {'subset':<28} {'incons.':>7} {'cons.':>6} {'bal.acc':>8} {'flagged':>8} {'passed':>7}")
    for name, npos, nneg, ba, tpr, tnr in rows:
        print(f"  {name:<28} {npos:>7} {nneg:>6} {ba:>8.1f} {tpr:>7.1f}% {tnr:>6.1f}%")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N drafts of each corpus")
    parser.add_argument("--corpus", choices=("summedits", "frank", "both"), default="both")
    parser.add_argument("--misses", type=int, default=0, help="print up to N missed and N wrongly flagged drafts")
    parser.add_argument("--half", choices=("even", "odd"), default="",
                        help="SummEdits only: the drafts of the articles at even (development) or odd "
                             "(held-out) positions")
    args = parser.parse_args(argv)
    os.environ.setdefault("FACTCHECK_LOAD_PLUGINS", "dates,numbers,names,quotes")
    reviewer = Reviewer()
    started = time.perf_counter()
    if args.corpus in ("summedits", "both"):
        result = summedits(reviewer, args.limit, args.misses, args.half)
        which = f", {args.half} half" if args.half else ""
        _print(f"SummEdits news{which} (label 0 = inconsistent; flagged = a finding at warning or above)",
               result["rows"])
        print("  published (news, overall): " + ", ".join(f"{k} {v}" for k, v in PUBLISHED.items()))
    if args.corpus in ("frank", "both"):
        result = frank(reviewer, args.limit, args.misses)
        _print("FRANK validation (inconsistent = EntE or CircE error; consistent = Factuality 1.0)", result["rows"])
        count, rate = result["other"]
        flagged = f"{rate:.1f}% flagged" if count else "none"
        print(f"  left out: {count} summaries with only other error types ({flagged})")
    print(f"\n{time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
