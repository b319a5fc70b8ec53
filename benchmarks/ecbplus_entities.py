"""How well the names plugin joins one person's mentions across outlets, measured on ECB+.

    .venv/bin/python benchmarks/ecbplus_entities.py [--corpus ../shared/corpora/ecbplus/ecbplus_docs.jsonl] [--misses N]

ECB+ (Cybulska & Vossen, LREC 2014; annotations CC BY 3.0): in the first sentences of each
article, annotators marked person mentions (type HUMAN_PART_PER) and linked the mentions of one
real person across articles (`cross_doc_instance`). All articles of one `subtopic` report one
event, so they are checked together, as one story.

How the share is computed:
- Each article's text is its sentences, one per line, with ``...'' written as curly quotes.
- Gold: per subtopic, the named person mentions (the mention's text has a capitalised word that
  is not a stop word, pronoun, all-capital headline word or a word the corpus mostly writes in
  lowercase mid-sentence: "Tara Reid", "Reid", "Mr. Obama"; not "he", "the actress", "Police",
  "Brooklyn mother of 12", "WILLIAMS"),
  grouped by `cross_doc_instance`, keeping the instances named in at least two articles.
- System: the names plugin's person claims of every article of the subtopic, joined into
  entities by `factcheck.plugins.names.cluster` (what its rules compare). A gold mention is
  matched to the person claim whose span overlaps it in its sentence.
- Share: for each instance, the entity most of its mentions fall into (its majority entity);
  the share is (mentions in their instance's majority entity) / (all gold mentions counted).
  A mention the plugin found no person in counts as a miss. Also printed: the share of gold
  mentions found at all, and of linked cross-article mention pairs (both found) in one entity.
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

from factcheck.config import Config
from factcheck.host import Host
from factcheck.plugins import names
from factcheck.testing import make_documents
from factcheck.text import STOPWORDS

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpora" / "ecbplus" / "ecbplus_docs.jsonl"
PRONOUNS = frozenset("i he she it we they you him her his hers them who whom".split())


def article(doc: dict) -> tuple[str, dict[int, int]]:
    """The article's text and the offset of each sentence id."""
    starts, pieces, at = {}, [], 0
    for sid, sentence in zip(doc["sentence_ids"], doc["sentences"]):
        sentence = sentence.replace("``", "\u201c").replace("''", "\u201d")
        starts[sid] = at
        pieces.append(sentence)
        at += len(sentence) + 1
    return "\n".join(pieces) + "\n", starts


def common_words(stories) -> set[str]:
    """Words the corpus writes in lowercase inside a sentence more often than capitalised there
    ("police", "jury", "president"): a mention made of such words names no one."""
    lower, upper = collections.Counter(), collections.Counter()
    for docs in stories.values():
        for doc in docs:
            for sentence in doc["sentences"]:
                for w in re.findall(r"(?<=[a-z,;] )[A-Za-z]+", sentence):
                    (upper if w[0].isupper() else lower)[w.lower()] += 1
    return {w for w in lower if lower[w] >= upper[w]}


def named(text: str, common: set[str]) -> bool:
    """A mention with a capitalised word that is no stop word, pronoun or common word (all-capital
    headline words are left out: the plugin does not read bylines and shouted headlines)."""
    return any(w[:1].isupper() and not w.isupper() and w.lower().strip(".") not in STOPWORDS
               and w.lower() not in PRONOUNS and w.lower() not in common for w in text.split())


def locate(text: str, start: int, mention: dict) -> tuple[int, int] | None:
    """The mention's character span: the occurrence of its text in its sentence nearest to its
    token position."""
    end = text.find("\n", start)
    sentence = text[start:end]
    best = None
    for m in re.finditer(re.escape(mention["text"]), sentence):
        tokens_before = len(sentence[:m.start()].split())
        score = abs(tokens_before - mention["tok_span"][0])
        if best is None or score < best[0]:
            best = (score, start + m.start(), start + m.end())
    return best and best[1:]


def measure(stories: dict[str, list[dict]], show_misses: int = 0) -> dict:
    host = Host(Config(), plugins={"names": names}, use_entry_points=False)
    totals = collections.Counter()
    misses = []
    common = common_words(stories)
    for subtopic, docs in sorted(stories.items()):
        texts, starts = {}, {}
        for doc in docs:
            texts[doc["doc_name"]], starts[doc["doc_name"]] = article(doc)
        documents = make_documents(texts)
        context = host.context("names", documents)
        claims = {d.name: host.call("names", "factcheck_extract", document=d, context=context) for d in documents}
        clustering = names.cluster([c for cs in claims.values() for c in cs], host.aliases)
        kept = set(map(id, clustering.claims))
        gold = collections.defaultdict(list)  # instance -> [(doc, mention text, entity or None)]
        for doc in docs:
            name, text = doc["doc_name"], texts[doc["doc_name"]]
            for m in doc["mentions"]:
                if m["type"] != "HUMAN_PART_PER" or not m.get("cross_doc_instance") or not named(m["text"], common):
                    continue
                span = locate(text, starts[name][m["sentence"]], m) if m["sentence"] in starts[name] else None
                entity = None
                if span:
                    for c in claims[name]:
                        if id(c) in kept and c.start < span[1] and span[0] < c.end:
                            entity = clustering.entity(c)
                            break
                gold[m["cross_doc_instance"]].append((name, m["text"], entity))
        for instance, mentions in gold.items():
            if len({doc for doc, _, _ in mentions}) < 2:
                continue
            entities = collections.Counter(e for _, _, e in mentions if e is not None)
            major = entities.most_common(1)[0][0] if entities else None
            totals["mentions"] += len(mentions)
            totals["found"] += sum(e is not None for _, _, e in mentions)
            totals["joined"] += sum(e is not None and e == major for _, _, e in mentions)
            for i, (da, _, ea) in enumerate(mentions):
                for db, _, eb in mentions[i + 1:]:
                    if da != db and ea is not None and eb is not None:
                        totals["pairs"] += 1
                        totals["pairs_joined"] += ea == eb
            totals["instances"] += 1
            for doc, text, e in mentions:
                if e is None or e != major:
                    misses.append((subtopic, instance, doc, text, "not found" if e is None else "other entity"))
    for miss in misses[:show_misses]:
        print("  miss:", *miss)
    return totals


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=str(DEFAULT))
    parser.add_argument("--misses", type=int, default=0, help="print the first N missed mentions")
    args = parser.parse_args(argv)
    stories = collections.defaultdict(list)
    with open(args.corpus, encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            stories[doc["subtopic"]].append(doc)
    t = measure(stories, args.misses)
    print(f"ECB+ {sum(map(len, stories.values()))} articles, {len(stories)} stories; "
          f"{t['instances']} people named in two or more articles, {t['mentions']} named mentions")
    print(f"share in the instance's majority entity: {t['joined']}/{t['mentions']} = {t['joined'] / t['mentions']:.3f}")
    print(f"found as a person at all: {t['found']}/{t['mentions']} = {t['found'] / t['mentions']:.3f}")
    print(f"cross-article linked pairs (both found) in one entity: {t['pairs_joined']}/{t['pairs']} = "
          f"{t['pairs_joined'] / t['pairs']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
