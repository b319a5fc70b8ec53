"""Speed and scale benchmark: story clusters of 2 to 512 documents, stage by stage.

    .venv/bin/python benchmarks/bench.py [--sizes 2,8,32,128,512] [--story ecbplus,seeds]
                                         [--jobs 1] [--runs 7]

Each story cluster is built from real article text shipped in the project: the seeds (seeds/,
two articles about one NATO visit) and an ECB+ excerpt (benchmarks/data/ecbplus_18_ecb.jsonl,
sixteen articles about one shooting; see benchmarks/data/README.md). Document k of a cluster is
base article k mod the number of base articles, copied with the edits an outlet's rewrite makes
(a weekday moved by one, a number changed, a name respelt, a word of a quotation replaced, a
sentence left out), chosen by a seeded random generator so every run builds the same files and
every stage has work.

Each size runs in a fresh process (so peak memory is that size's own: the largest resident set of
that process and, with --jobs, of its workers) and prints one row:
documents, sentences, wall seconds of the whole check (load to formatted table), sentences per
second, the CPU seconds of this process over the same span and the sentences per CPU second
(with --jobs, the workers' CPU time is not included), peak resident memory, the wall seconds of
each stage, and the ratio of the whole run to NLTK Punkt segmentation alone of the same texts, in
wall time and in CPU time (on a shared machine CPU time is the steadier measure). Last, the whole-process time of `factcheck seeds/`
(interpreter start-up, imports and plugin loading included; the median of --runs runs).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
STAGES = ("load", "segment", "extract", "align", "compare", "format")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
QUOTE_WORDS = {"said": "stated", "people": "persons", "man": "person", "very": "really",
               "job": "work", "party": "celebration", "we": "we all", "is": "was"}


# -- building the clusters ----------------------------------------------------------------------

def ecbplus_articles() -> list[str]:
    """The ECB+ excerpt as article texts: paragraphs of three sentences, ``'' as curly quotes."""
    articles = []
    with open(DATA / "ecbplus_18_ecb.jsonl", encoding="utf-8") as handle:
        for line in handle:
            sentences = [re.sub(r"''", "\u201d", re.sub(r"``\s*", "\u201c", s)) for s in json.loads(line)["sentences"]]
            paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
            articles.append("\n\n".join(paragraphs) + "\n")
    return articles


def seed_articles() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


STORIES = {"ecbplus": ecbplus_articles, "seeds": seed_articles}


def _replace_one(rng: random.Random, text: str, pattern: str, change) -> str:
    matches = list(re.finditer(pattern, text))
    if not matches:
        return text
    m = rng.choice(matches)
    return text[:m.start()] + change(m) + text[m.end():]


def _next_weekday(m: re.Match) -> str:
    return WEEKDAYS[(WEEKDAYS.index(m.group()) + 1) % 7]


def _other_number(m: re.Match) -> str:
    value = int(m.group().replace(",", ""))
    return f"{value * 10:,}" if value >= 100 else str(value + 1)


def _respell(m: re.Match) -> str:
    name = m.group()
    return name[:-1] if len(name) > 6 else name + name[-1]


def _quote_word(rng: random.Random):
    def change(m: re.Match) -> str:
        quote = m.group()
        words = [w for w in QUOTE_WORDS if re.search(rf"\b{w}\b", quote)]
        if not words:
            return quote
        word = rng.choice(words)
        return re.sub(rf"\b{word}\b", QUOTE_WORDS[word], quote, count=1)
    return change


def rewrite(text: str, rng: random.Random) -> str:
    """One outlet's copy: each kind of edit with probability 0.3, one sentence dropped at 0.3."""
    if rng.random() < 0.3:
        text = _replace_one(rng, text, r"\b(?:" + "|".join(WEEKDAYS) + r")\b", _next_weekday)
    if rng.random() < 0.3:
        text = _replace_one(rng, text, r"(?<![\d.,:$])\d{1,3}(?:,\d{3})*(?![\d.,:%])", _other_number)
    if rng.random() < 0.3:
        text = _replace_one(rng, text, r"(?<=[a-z,] )[A-Z][a-z]{4,}(?= [A-Z][a-z]+|[,.])", _respell)
    if rng.random() < 0.3:
        text = _replace_one(rng, text, "\u201c[^\u201d]{20,}\u201d", _quote_word(rng))
    if rng.random() < 0.3:
        sentences = list(re.finditer(r"(?<=[.!?] )[A-Z][^.!?\n]{20,}[.!?] ", text))
        if sentences:
            m = rng.choice(sentences)
            text = text[:m.start()] + text[m.end():]
    return text


def build_cluster(folder: Path, story: str, size: int) -> None:
    base = STORIES[story]()
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(size):
        rng = random.Random(f"{story}-{k}")
        text = base[k % len(base)] if k < len(base) else rewrite(base[k % len(base)], rng)
        (folder / f"{story}_{k:04d}.txt").write_text(text, encoding="utf-8")


# -- one measurement (run in a child process) ---------------------------------------------------

def measure(story: str, size: int, jobs: int) -> dict:
    from factcheck.config import Config
    from factcheck.host import Host
    from factcheck.pipeline import check
    from factcheck.segment import sentence_tokenizer

    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
        folder = Path(tmp) / story
        build_cluster(folder, story, size)
        host = Host(Config())
        table = host.formats()["table"]
        timings: dict = {}
        started, cpu_started = time.perf_counter(), time.process_time()
        report = check([str(folder)], host, timings=timings, jobs=jobs)
        before_format = time.perf_counter()
        text = table.render(report)
        timings["format"] = time.perf_counter() - before_format
        wall = time.perf_counter() - started
        cpu = time.process_time() - cpu_started

        tokenizer = sentence_tokenizer()
        texts = [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())]
        started, cpu_started = time.perf_counter(), time.process_time()
        punkt_sentences = sum(len(tokenizer.tokenize(t)) for t in texts)
        punkt = time.perf_counter() - started
        punkt_cpu = time.process_time() - cpu_started
    sentences = sum(len(d.sentences) for d in report.documents)
    return {
        "story": story, "documents": len(report.documents), "sentences": sentences,
        "wall": wall, "rate": sentences / wall, "cpu": cpu, "cpu_rate": sentences / cpu, "peak_mib": max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024,
        "stages": {s: timings.get(s, 0.0) for s in STAGES}, "punkt": punkt, "ratio": wall / punkt,
        "cpu_ratio": cpu / punkt_cpu,
        "punkt_sentences": punkt_sentences, "findings": len(report.findings), "output_chars": len(text),
    }


def process_time(runs: int) -> list[float]:
    command = [str(Path(sys.executable).with_name("factcheck")), "seeds/"]
    if not Path(command[0]).exists():
        command = [shutil.which("factcheck") or "factcheck", "seeds/"]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return times


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2,8,32,128,512", help="documents per story, comma-separated")
    parser.add_argument("--story", default="ecbplus,seeds", help="stories: ecbplus, seeds (comma-separated)")
    parser.add_argument("--jobs", default="1", help="worker processes for load/segment/extract (as factcheck --jobs)")
    parser.add_argument("--runs", type=int, default=7, help="runs of `factcheck seeds/` for the process time")
    parser.add_argument("--one", metavar="STORY:SIZE", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    from factcheck.parallel import parse_jobs

    jobs = parse_jobs(args.jobs)
    if args.one:
        story, size = args.one.split(":")
        print(json.dumps(measure(story, int(size), jobs)))
        return 0

    from tabulate import tabulate

    sizes = [int(s) for s in args.sizes.split(",")]
    for story in args.story.split(","):
        rows = []
        previous = None
        for size in sizes:
            out = subprocess.run([sys.executable, __file__, "--one", f"{story}:{size}", "--jobs", str(jobs)],
                                 capture_output=True, text=True, check=True).stdout
            r = json.loads(out)
            growth = ""  # the time factor per doubling of the documents, from the previous size
            if previous and r["documents"] > previous["documents"]:
                doublings = math.log2(r["documents"] / previous["documents"])
                growth = f"{(r['wall'] / previous['wall']) ** (1 / doublings):.2f}"
            rows.append([r["documents"], r["sentences"], f"{r['wall']:.3f}", f"{r['rate']:,.0f}",
                         f"{r['cpu']:.3f}", f"{r['cpu_rate']:,.0f}",
                         f"{r['peak_mib']:.0f}", *(f"{r['stages'][s]:.3f}" for s in STAGES),
                         f"{r['ratio']:.1f}", f"{r['cpu_ratio']:.1f}", growth, r["findings"]])
            previous = r
        print(f"\nstory: {story}  (jobs={jobs})")
        print(tabulate(rows, headers=["docs", "sentences", "wall s", "sent/s", "cpu s", "sent/cpu s", "peak MiB",
                                      *(f"{s} s" for s in STAGES), "x Punkt", "x Punkt cpu", "x per doubling",
                                      "findings"], disable_numparse=True))
    times = process_time(args.runs)
    print(f"\nfactcheck seeds/ whole process: median {statistics.median(times):.3f} s of {len(times)} runs "
          f"(min {min(times):.3f}, max {max(times):.3f}; PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', 'unset')})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
