"""B-cubed precision, recall and F1 of `factcheck corpus`'s story grouping on ECB+.

    .venv/bin/python benchmarks/corpus_bcubed.py [--corpus ../shared/corpora/ecbplus/ecbplus_docs.jsonl]

ECB+ (Cybulska & Vossen, LREC 2014): 982 news articles; `subtopic` is the story (the gold
grouping). The two subtopics of one topic are different events of the same kind (two
earthquakes, two boxing title defences), the hard case. The articles have no publication dates,
so the time window plays no part here. Each article's text is its sentences joined by newlines;
the grouping is factcheck.corpus.group with its defaults. Also prints the figures for a few other
thresholds, to show how sensitive the result is to that one setting.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

from factcheck import corpus

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpora" / "ecbplus" / "ecbplus_docs.jsonl"


def bcubed(predicted: list, gold: list) -> tuple[float, float, float]:
    """B-cubed (Bagga & Baldwin 1998): per item, the share of its predicted cluster that shares its
    gold class (precision) and the share of its gold class inside its predicted cluster (recall)."""
    by_pred, by_gold = collections.defaultdict(set), collections.defaultdict(set)
    for i, (p, g) in enumerate(zip(predicted, gold)):
        by_pred[p].add(i)
        by_gold[g].add(i)
    precision = recall = 0.0
    for i, (p, g) in enumerate(zip(predicted, gold)):
        both = len(by_pred[p] & by_gold[g])
        precision += both / len(by_pred[p])
        recall += both / len(by_gold[g])
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(DEFAULT), help="ECB+ ecbplus_docs.jsonl")
    args = parser.parse_args()
    if not Path(args.corpus).is_file():
        print(f"no ECB+ corpus at {args.corpus}", file=sys.stderr)
        return 2
    docs = [json.loads(line) for line in open(args.corpus, encoding="utf-8")]
    gold = [d["subtopic"] for d in docs]
    started = time.perf_counter()
    articles = [corpus.Article(d["doc_name"], d["doc_name"], "", None, corpus.features("\n".join(d["sentences"])))
                for d in docs]
    featured = time.perf_counter()
    stories = corpus.group(articles)
    grouped = time.perf_counter()
    candidates = len(corpus.candidate_pairs(corpus._vectors([a.features for a in articles])))
    all_pairs = len(docs) * (len(docs) - 1) // 2

    def labels(groups):
        result = [0] * len(docs)
        for n, members in enumerate(groups):
            for i in members:
                result[i] = n
        return result

    p, r, f = bcubed(labels(stories), gold)
    print(f"ECB+: {len(docs)} articles, {len(set(gold))} gold stories ({len({d['topic'] for d in docs})} topics)")
    print(f"threshold {corpus.THRESHOLD} (default): {len(stories)} stories; "
          f"B-cubed precision {p:.3f}, recall {r:.3f}, F1 {f:.3f}")
    print(f"candidate pairs from MinHash LSH: {candidates} of {all_pairs} ({100 * candidates / all_pairs:.1f}%)")
    print(f"time: features {featured - started:.2f} s, grouping {grouped - featured:.2f} s")
    mixed = [m for m in stories if len({gold[i] for i in m}) > 1]
    same_topic = sum(1 for m in mixed if len({gold[i].split('_')[0] for i in m}) == 1)
    print(f"stories mixing gold stories: {len(mixed)} ({same_topic} of them two events of one topic)")
    print("other thresholds:")
    for threshold in (0.10, 0.12, 0.14, 0.16, 0.18, 0.22, 0.25):
        p, r, f = bcubed(labels(corpus.group(articles, threshold)), gold)
        print(f"  {threshold:.2f}: P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
