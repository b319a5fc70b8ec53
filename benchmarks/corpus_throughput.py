"""Throughput of `factcheck corpus` locally and on a local Dask cluster with 1 and 2 workers.

    .venv/bin/python benchmarks/corpus_throughput.py [--articles 2000] [--per-story 5] [--workers 1 2]

Builds a corpus from the project's own articles (seeds/ and tests/data/corpus/): each made-up
event takes one family of articles (the seed pair, the Tara Reid reports, ...), gives its names
new made-up spellings and shifts its years, and each of the event's `--per-story` articles is a
copy with edits (a dropped sentence, a changed number), so that the stories have findings. Then
runs the same corpus in this process and on dask.distributed LocalClusters (one thread per
worker process), prints articles per second, and checks that every run gives the same report.
Also prints the grouping's B-cubed F1 against the made-up events.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

from factcheck import corpus
from factcheck.config import load_config

ROOT = Path(__file__).resolve().parent.parent
FAMILIES = [ROOT / "seeds", ROOT / "tests" / "data" / "corpus" / "reid-rehab",
            ROOT / "tests" / "data" / "corpus" / "klitschko-rahman",
            ROOT / "tests" / "data" / "corpus" / "klitschko-thompson"]
NAME = re.compile(r"\b[A-Z][a-z]{3,}\b")
YEAR = re.compile(r"\b(19[5-9]\d|20[0-2]\d)\b")
NUMBER = re.compile(r"\b(?<![\d.,])([1-9]\d?)(?![\d.,])\b")
SYLLABLES = "ka lo mi ra ven tor sel dun bar qui zan el or im ush pe dra gol nis".split()


def made_up(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def build(folder: Path, articles: int, per_story: int, seed: int = 7) -> list[int]:
    """Write the corpus into folder; return each article's event number (in file-name order)."""
    rng = random.Random(seed)
    families = [[p.read_text(encoding="utf-8") for p in sorted(f.glob("*.txt"))] for f in FAMILIES]
    events = []
    for event in range(articles // per_story):
        texts = families[event % len(families)]
        names = {}

        def rename(match):
            word = match.group()
            if word not in names:
                names[word] = made_up(rng)
            return names[word]

        shift = rng.randint(-20, 3)
        for n in range(per_story):
            text = NAME.sub(rename, texts[n % len(texts)])
            text = YEAR.sub(lambda m: str(int(m.group()) + shift), text)
            paragraphs = [p for p in text.split("\n\n") if p.strip()]
            if len(paragraphs) > 3 and n:
                del paragraphs[rng.randrange(1, len(paragraphs))]
            text = "\n\n".join(paragraphs)
            if n == per_story - 1:  # one outlet gets a number wrong
                text = NUMBER.sub(lambda m: str(int(m.group()) + 1), text, count=1)
            (folder / f"{event:04d}_{n}.txt").write_text(text, encoding="utf-8")
            events.append(event)
    return events


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--per-story", type=int, default=5)
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    args = parser.parse_args()
    from distributed import Client, LocalCluster

    from corpus_bcubed import bcubed

    spec = corpus.HostSpec.of(load_config(str(ROOT / "rules.toml")))
    with tempfile.TemporaryDirectory() as tmp:
        events = build(Path(tmp), args.articles, args.per_story)
        print(f"corpus: {len(events)} articles, {len(set(events))} made-up events")
        started = time.perf_counter()
        local = corpus.run([tmp], spec)
        seconds = time.perf_counter() - started
        predicted, made = [], []
        for number, story in enumerate(local.stories):
            for article in story.articles:
                predicted.append(number)
                made.append(int(Path(article.path).stem.split("_")[0]))
        p, r, f = bcubed(predicted, made)
        s = local.summary()
        print(f"grouping: {s['stories']} stories (B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f}); "
              f"{s['checked_stories']} checked, {s['findings']} findings, {s['stories_with_findings']} stories with findings")
        print(f"in-process: {seconds:.1f} s, {len(events) / seconds:.1f} articles/s")
        expected = corpus.render_json(local)
        for workers in args.workers:
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                              dashboard_address=None) as cluster, Client(cluster) as client:
                client.run(lambda: None)  # workers are up before the clock starts
                started = time.perf_counter()
                remote = corpus.run([tmp], spec, client=client)
                seconds = time.perf_counter() - started
            same = corpus.render_json(remote) == expected
            print(f"dask, {workers} worker{'s' if workers > 1 else ''}: {seconds:.1f} s, "
                  f"{len(events) / seconds:.1f} articles/s, report identical to in-process: {same}")
            for story in remote.stories:
                if story.error:
                    print(f"  failed: story {story.number}: {story.error}")
            if not same:
                print(f"  summaries: in-process {s}; dask {remote.summary()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
