"""Corpus mode: group a feed of articles into stories, then check each story.

    factcheck corpus PATH... [--threshold 0.2] [--window DAYS] [--dask tcp://HOST:PORT]

1. Read: every file under the paths (local paths, or fsspec URLs such as s3://bucket/feed/) is
   read and each article reduced to its features: stemmed content words, names (runs of two or
   more capitalised words), years, days of a month and other numbers, the last four weighing
   more than common words (NAME_WEIGHT ...), since they tell two events of the same kind apart.
2. Group (`group`): tf-idf vectors over the whole corpus; MinHash LSH (datasketch) over each
   article's top-weighted features finds candidate pairs, so that no all-pairs comparison is
   made; candidate-linked clusters are merged by average linkage (the mean cosine of all article
   pairs of the two clusters, computed exactly from the clusters' summed vectors) while it is at
   least `threshold`, the two clusters share a name, date or number, and the merged story's
   publication dates (where known) span at most `window` days.
3. Check: each story of two or more articles is checked with factcheck.pipeline.check_documents,
   exactly as `factcheck` checks a folder holding only that story's articles.

With a Dask cluster (`--dask ADDRESS` or `[factcheck.dask] scheduler = ...` in rules.toml), steps
1 and 3 run as tasks on the workers, which read the articles themselves (through fsspec, Dask's
I/O layer); results come back as they finish (as_completed); a task that raises is retried
(`retries`, default 2), one whose worker dies is rescheduled by Dask (its allowed-failures), and a
story that still fails is named in the report. The report is the same as the local run's.

JSON report (corpus), version 1:

    {"version": 1, "tool": "factcheck", "tool_version": "...", "mode": "corpus",
     "summary": {"stories", "articles", "checked_stories", "stories_with_errors",
                 "stories_with_findings", "failed_stories", "findings", "error", "warning", "info"},
     "stories": [{"story": 1, "title", "articles": [paths], "checked": bool,
                  "summary": {"findings", "error", "warning", "info"},
                  "findings": [... as in the single-story report ...], "notes": [...]}],
     "failed": [{"story", "articles", "error"}],
     "problems": [{"kind", "path", "plugin", "message"}]}

`stories_with_errors`: stories with at least one finding of severity error;
`stories_with_findings`: stories with at least one finding at or above the fail level.
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import heapq
import json
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Optional, Sequence

from .config import Config, parse_config
from .model import SEVERITY_RANK, Document, Finding, Format, Problem, Report, Source
from .text import STOPWORDS, WORD_RE, fold_diacritics, fold_punctuation, stem

NAME_WEIGHT = 2.0      # a name ("n:tony thompson") counts twice a common word
YEAR_WEIGHT = 3.0      # a year ("y:2012") three times: events of one kind differ by date
DATE_WEIGHT = 3.0      # a day of a month ("d:nov 12") as much
NUMBER_WEIGHT = 2.0    # another number of two or more digits ("#:23") as much as a name
THRESHOLD = 0.20       # least average cosine between two clusters that are merged
WINDOW_DAYS = 7        # longest span of publication dates within one story
LSH_FEATURES = 30      # top-weighted features per article hashed for the candidate search
LSH_THRESHOLD = 0.1    # Jaccard similarity of those feature sets the LSH aims to find
LSH_PERMUTATIONS = 128
RETRIES = 2
READ_BATCH = 25        # files read and reduced to features by one task

_MONTHS = frozenset("january february march april may june july august september october "
                    "november december".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")


# -- features -------------------------------------------------------------------------------

def features(text: str) -> dict[str, int]:
    """Counts of an article's features: stemmed content words, 'n:' names ('n:tony thompson'),
    'y:' years ('y:2012'), 'd:' days of a month ('d:nov 12'), '#:' other numbers ('#:23')."""
    text = _THOUSANDS.sub("", fold_diacritics(fold_punctuation(text)))  # 51,000 -> 51000
    counts: collections.Counter = collections.Counter()
    run: list[str] = []  # consecutive capitalised words: a name when two or more

    def flush() -> None:
        if len(run) > 1:
            counts["n:" + " ".join(run)] += 1
        run.clear()

    previous_end = None
    previous_month = ""
    for match in WORD_RE.finditer(text):
        word = match.group()
        low = word.lower()
        gap = text[previous_end:match.start()] if previous_end is not None else "\n"
        previous_end = match.end()
        if word[0].isupper() and low not in STOPWORDS and low not in _MONTHS and low not in _WEEKDAYS:
            if run and gap.strip():
                flush()
            run.append(low)
        else:
            flush()
        if _NUMBER.fullmatch(word):
            if word.isdigit() and len(word) == 4 and 1900 <= int(word) <= 2099:
                counts["y:" + word] += 1
            elif len(word) > 1 and not (previous_month and word.isdigit() and int(word) <= 31):
                counts["#:" + word] += 1
            if previous_month and word.isdigit() and 1 <= int(word) <= 31:
                counts[f"d:{previous_month} {int(word)}"] += 1
            previous_month = ""
            continue
        previous_month = low[:3] if low in _MONTHS else ""
        for part in re.split(r"[-'.]", word):
            part = part.lower()
            if len(part) >= 2 and not part.isdigit() and part not in STOPWORDS:
                counts[stem(part)] += 1
    flush()
    return dict(counts)


@dataclass(frozen=True)
class Article:
    """One article of the corpus: where it is read from, its path in reports, and its features."""

    location: str               # the file or URL read
    path: str                   # Source.path (a JSON/JSONL item is 'file#item')
    title: str
    published: Optional[dt.date]
    features: Mapping[str, int] = field(default_factory=dict, repr=False, compare=False)


def _title(source: Source) -> str:
    title = source.meta.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    for line in source.text[source.body_start:].splitlines():
        if line.strip():
            line = " ".join(line.split())
            return line if len(line) <= 80 else line[:77].rstrip() + "..."
    return ""


# -- grouping -------------------------------------------------------------------------------

def _weight(feature: str) -> float:
    if feature.startswith("n:"):
        return NAME_WEIGHT
    if feature.startswith("y:"):
        return YEAR_WEIGHT
    if feature.startswith("d:"):
        return DATE_WEIGHT
    if feature.startswith("#:"):
        return NUMBER_WEIGHT
    return 1.0


def _vectors(counts: Sequence[Mapping[str, int]]) -> list[dict[str, float]]:
    """Unit tf-idf vectors: sublinear tf, idf log((n + 1) / df) so that a feature of every
    article of a small corpus still counts; features seen in one article only are dropped."""
    df = collections.Counter(k for c in counts for k in c)
    n = len(counts)
    vectors = []
    for c in counts:
        v = {k: (1 + math.log(x)) * math.log((n + 1) / df[k]) * _weight(k) for k, x in c.items() if df[k] >= 2}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({k: x / norm for k, x in v.items() if x})
    return vectors


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(k, 0.0) for k, x in a.items())


def _share_specifics(a: Mapping[str, float], b: Mapping[str, float]) -> bool:
    """Whether two clusters share a name, year, date or number: one event has specifics that
    reports of it repeat, whereas common words alone can link two events of one kind."""
    if len(a) > len(b):
        a, b = b, a
    return any(key[1:2] == ":" and key in b for key in a)


def candidate_pairs(vectors: Sequence[Mapping[str, float]]) -> list[tuple[int, int]]:
    """Pairs of articles whose top features overlap, found by MinHash LSH (not all pairs)."""
    from datasketch import MinHash, MinHashLSH

    df = collections.Counter(k for v in vectors for k in v)
    tops = [sorted((k for k in v if df[k] > 1), key=lambda k: (-v[k], k))[:LSH_FEATURES] for v in vectors]
    hashes = MinHash.bulk([[k.encode("utf-8") for k in top] for top in tops], num_perm=LSH_PERMUTATIONS)
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=LSH_PERMUTATIONS)
    for i, (top, minhash) in enumerate(zip(tops, hashes)):
        if top:
            lsh.insert(i, minhash)
    pairs = set()
    for i, (top, minhash) in enumerate(zip(tops, hashes)):
        if top:
            pairs.update((i, j) for j in lsh.query(minhash) if j > i)
    return sorted(pairs)


def group(articles: Sequence[Article], threshold: float = THRESHOLD,
          window: Optional[int] = WINDOW_DAYS) -> list[list[int]]:
    """Stories as lists of article indices (each in input order; stories by first article).

    Average linkage over the LSH candidate graph: the best-linked pair of clusters is merged
    while its mean pairwise cosine is at least `threshold` and the merged cluster's known
    publication dates span at most `window` days (None: no window).
    """
    vectors = _vectors([a.features for a in articles])
    sums = {i: dict(v) for i, v in enumerate(vectors)}
    size = {i: 1 for i in sums}
    members = {i: [i] for i in sums}
    dates = {i: (a.published, a.published) if a.published else None for i, a in enumerate(articles)}
    neighbours: dict[int, set[int]] = collections.defaultdict(set)
    heap = []
    for i, j in candidate_pairs(vectors):
        neighbours[i].add(j)
        neighbours[j].add(i)
        score = _dot(vectors[i], vectors[j])
        if score >= threshold:
            heap.append((-score, i, j))
    heapq.heapify(heap)

    def span(i: int, j: int) -> Optional[tuple[dt.date, dt.date]]:
        a, b = dates[i], dates[j]
        if a is None or b is None:
            return a or b
        return min(a[0], b[0]), max(a[1], b[1])

    while heap:
        negative, i, j = heapq.heappop(heap)
        if i not in sums or j not in sums:
            continue
        score = _dot(sums[i], sums[j]) / (size[i] * size[j])
        if abs(score + negative) > 1e-12:  # stale: the clusters changed since it was pushed
            if score >= threshold:
                heapq.heappush(heap, (-score, i, j))
            continue
        if not _share_specifics(sums[i], sums[j]):
            continue
        merged_span = span(i, j)
        if window is not None and merged_span and (merged_span[1] - merged_span[0]).days > window:
            continue
        for key, value in sums.pop(j).items():
            sums[i][key] = sums[i].get(key, 0.0) + value
        size[i] += size.pop(j)
        members[i] += members.pop(j)
        dates[i] = merged_span
        neighbours[i] |= neighbours.pop(j)
        neighbours[i] -= {i, j}
        for k in sorted(neighbours[i]):
            neighbours[k].discard(j)
            neighbours[k].add(i)
            score = _dot(sums[i], sums[k]) / (size[i] * size[k])
            if score >= threshold:
                heapq.heappush(heap, (-score, min(i, k), max(i, k)))
    return sorted(sorted(m) for m in members.values())


# -- reading and checking (the tasks a Dask worker runs) ------------------------------------

@dataclass(frozen=True)
class HostSpec:
    """What a worker needs to build the same plugin host as the command: rules.toml's text and
    path, --plugin files and disabled plugins (hashable, so a worker builds each host once)."""

    config_path: Optional[str] = None
    config_text: str = ""
    plugin_paths: tuple[str, ...] = ()
    disabled: tuple[str, ...] = ()

    @classmethod
    def of(cls, config: Config, plugin_paths: Sequence[str] = (), disabled: Sequence[str] = ()) -> "HostSpec":
        return cls(config.path, config.text, tuple(plugin_paths), tuple(disabled))

    def config(self) -> Config:
        return parse_config(self.config_text, self.config_path) if self.config_path else Config()


_HOSTS: dict = {}


def host_for(spec: HostSpec):
    from .host import Host

    if spec not in _HOSTS:
        _HOSTS[spec] = Host(spec.config(), plugin_paths=spec.plugin_paths, disabled=spec.disabled)
    return _HOSTS[spec]


def is_url(path: str) -> bool:
    return "://" in path


def discover_all(paths: Sequence[str], suffixes: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    """Files under local paths (pipeline.discover) and fsspec URLs (a file, folder or glob)."""
    from .pipeline import InputError, discover

    suffixes = {s.lower() for s in suffixes}
    found: list[str] = []
    for path in paths:
        if not is_url(path):
            found += discover([path], suffixes, exclude)
            continue
        import fsspec

        fs, root = fsspec.core.url_to_fs(path)
        if any(ch in root for ch in "*?["):
            names = fs.glob(root)
        elif fs.isdir(root):
            names = [n for n in fs.find(root)
                     if Path(n).suffix.lower() in suffixes
                     and not any(part.startswith(".") for part in Path(n).relative_to(root).parts)]
        elif fs.exists(root):
            names = [root]
        else:
            raise InputError(f"{path}: no such file or directory")
        found += [path if n == root else fs.unstrip_protocol(n) for n in sorted(names)]
    return list(dict.fromkeys(found))


def read_sources(location: str, spec: HostSpec, published: Optional[Mapping[str, dt.date]] = None
                 ) -> tuple[list[Source], list[Problem]]:
    """The articles of one file or URL, read where this runs (a Dask worker, or locally)."""
    from .loaders import LoadError
    from .pipeline import _published_override, load

    host = host_for(spec)
    if not is_url(location):
        return load([location], host.loaders(), host.config, published)
    import fsspec

    loader = host.loaders().get(Path(location.split("?")[0]).suffix.lower())
    if loader is None:
        return [], [Problem("input", location, f"skipped: no loader for '{Path(location).suffix}' files")]
    try:
        with fsspec.open(location, "rb") as handle:
            data = handle.read()
        loaded = loader.load(location, data)
    except (LoadError, OSError) as err:
        return [], [Problem("input", location, f"skipped: {err}")]
    sources = []
    for source in loaded:
        meta = {**host.config.source_meta(source.path), **source.meta}
        override = _published_override(source.path, published or {})
        if override:
            meta["published"] = override
        sources.append(Source(source.path, source.text, meta, source.body_start))
    return sources, []


def read_articles(locations: Sequence[str], spec: HostSpec, published: Optional[Mapping[str, dt.date]] = None
                  ) -> list[tuple[list[Article], list[Problem]]]:
    """Task 1: a batch of files, each file's articles reduced to features (small to send back)."""
    result = []
    for location in locations:
        sources, problems = read_sources(location, spec, published)
        articles = []
        for source in sources:
            value = source.meta.get("published")
            date = value if isinstance(value, dt.date) else None
            title = source.meta.get("title")
            text = source.text[source.body_start:] + ("\n" + title if isinstance(title, str) else "")
            articles.append(Article(location, source.path, _title(source), date, features(text)))
        result.append((articles, problems))
    return result


def check_story(articles: Sequence[tuple[str, str]], spec: HostSpec,
                published: Optional[Mapping[str, dt.date]] = None) -> Report:
    """Task 2: read a story's articles ((location, path) pairs, in corpus order) and check them
    as one story with the pipeline, as `factcheck` would check them alone."""
    from .pipeline import check_documents, segment_all

    host = host_for(spec)
    wanted = {path: n for n, (_, path) in enumerate(articles)}
    sources: list[Source] = []
    problems: list[Problem] = []
    for location in dict.fromkeys(loc for loc, _ in articles):
        found, trouble = read_sources(location, spec, published)
        sources += [s for s in found if s.path in wanted]
        problems += trouble
    sources.sort(key=lambda s: wanted[s.path])
    report = check_documents(segment_all(sources, host.config), host, problems)
    # Findings carry their own evidence text: the documents go back without text and sentences.
    report.documents = [Document(d.index, d.path, "", d.meta, 0) for d in report.documents]
    return report


# -- the run --------------------------------------------------------------------------------

@dataclass
class Story:
    number: int
    articles: list[Article]
    report: Optional[Report] = None
    error: str = ""

    @property
    def title(self) -> str:
        return next((a.title for a in self.articles if a.title), "")


@dataclass
class CorpusReport:
    stories: list[Story]
    problems: list[Problem]
    fail_on: str = "warning"

    @property
    def findings(self) -> list[Finding]:
        return [f for s in self.stories if s.report is not None for f in s.report.findings]

    @property
    def articles(self) -> int:
        return sum(len(s.articles) for s in self.stories)

    def summary(self) -> dict[str, int]:
        checked = [s for s in self.stories if s.report is not None]
        counts = {"error": 0, "warning": 0, "info": 0}
        for story in checked:
            for level, n in story.report.counts().items():
                counts[level] += n
        floor = SEVERITY_RANK.get(self.fail_on)
        return {
            "stories": len(self.stories),
            "articles": self.articles,
            "checked_stories": len(checked),
            "stories_with_errors": sum(1 for s in checked if any(f.severity == "error" for f in s.report.findings)),
            "stories_with_findings": 0 if floor is None else sum(
                1 for s in checked if any(SEVERITY_RANK[f.severity] >= floor for f in s.report.findings)),
            "failed_stories": sum(1 for s in self.stories if s.error),
            "findings": sum(counts.values()),
            **counts,
        }


class _Local:
    """Runs the tasks in this process, one after another, in the shape of the Dask path."""

    def map(self, function: Callable, items: Sequence, **kwargs: Any):
        for number, item in enumerate(items):
            try:
                yield number, function(item, **kwargs), ""
            except Exception as err:  # a story that fails is named in the report, not lost
                from .host import describe_error

                yield number, None, describe_error(err)


class _Dask:
    """Submits the tasks to a dask.distributed cluster and yields results as they finish."""

    def __init__(self, client, retries: int = RETRIES) -> None:
        self.client, self.retries = client, retries

    def map(self, function: Callable, items: Sequence, **kwargs: Any):
        from distributed import as_completed

        futures = [self.client.submit(function, item, **kwargs, retries=self.retries, pure=False)
                   for item in items]
        number_of = {future.key: n for n, future in enumerate(futures)}
        for future in as_completed(futures):
            number = number_of[future.key]
            try:
                yield number, future.result(), ""
            except Exception as err:  # retried and still failing, or its worker kept dying
                yield number, None, f"{type(err).__name__}: {err}"
            future.release()


def run(paths: Sequence[str], spec: HostSpec, published: Optional[Mapping[str, dt.date]] = None,
        client=None, retries: int = RETRIES, threshold: float = THRESHOLD,
        window: Optional[int] = WINDOW_DAYS, exclude: Iterable[str] = (),
        progress: Optional[Callable[[Story, int, int], None]] = None) -> CorpusReport:
    """Read, group and check a corpus; with a dask.distributed `client`, on its cluster.

    `progress(story, done, total)` is called as each story's check finishes (in the order they
    finish: on a cluster, not the story order)."""
    host = host_for(spec)
    runner = _Dask(client, retries) if client is not None else _Local()
    locations = discover_all(paths, host.loaders(), exclude)
    batches = [locations[at:at + READ_BATCH] for at in range(0, len(locations), READ_BATCH)]
    per_batch: list[list[tuple[list[Article], list[Problem]]]] = [[] for _ in batches]
    for number, result, error in runner.map(read_articles, batches, spec=spec, published=published):
        per_batch[number] = result or [([], [Problem("input", loc, f"skipped: {error}")]) for loc in batches[number]]
    problems = [p for batch in per_batch for _, trouble in batch for p in trouble]
    articles = [a for batch in per_batch for found, _ in batch for a in found]
    stories = [Story(n, [articles[i] for i in members])
               for n, members in enumerate(group(articles, threshold, window), 1)]
    to_check = [s for s in stories if len(s.articles) > 1]
    jobs = [[(a.location, a.path) for a in s.articles] for s in to_check]
    for done, (number, report, error) in enumerate(runner.map(check_story, jobs, spec=spec, published=published), 1):
        story = to_check[number]
        story.report, story.error = report, error
        if report is not None:
            problems += report.problems
        else:  # exit code 3, like a failing plugin: the other stories were still checked
            problems.append(Problem("plugin", "", f"story {story.number} failed "
                                    f"({', '.join(a.path for a in story.articles)}): {error}"))
        if progress:
            progress(story, done, len(jobs))
    problems = list(dict.fromkeys(list(host.problems) + problems))
    return CorpusReport(stories, problems, host.config.fail_on)


# -- output ---------------------------------------------------------------------------------

def render_json(corpus: CorpusReport) -> str:
    from . import __version__
    from .formats import render_json as story_json

    stories = []
    for story in corpus.stories:
        single = json.loads(story_json(story.report)) if story.report is not None else {}
        counts = single.get("summary", {})
        stories.append({
            "story": story.number,
            "title": story.title,
            "articles": [a.path for a in story.articles],
            "checked": story.report is not None,
            "summary": {k: counts.get(k, 0) for k in ("findings", "error", "warning", "info")},
            "findings": single.get("findings", []),
            "notes": single.get("notes", []),
        })
    data = {
        "version": 1, "tool": "factcheck", "tool_version": __version__, "mode": "corpus",
        "summary": corpus.summary(),
        "stories": stories,
        "failed": [{"story": s.number, "articles": [a.path for a in s.articles], "error": s.error}
                   for s in corpus.stories if s.error],
        "problems": [{"kind": p.kind, "path": p.path, "plugin": p.plugin, "message": p.message}
                     for p in corpus.problems],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render_table(corpus: CorpusReport) -> str:
    """Each story of two or more articles with its findings (the single-story table), then the
    single-article stories in one list, failed stories, and the summary line."""
    from .formats import render_table as story_table

    out: list[str] = []
    singles = []
    for story in corpus.stories:
        if len(story.articles) == 1:
            singles.append(story)
            continue
        out.append(f"== Story {story.number}: {len(story.articles)} articles: {story.title}")
        out.extend(f"   {a.path}" for a in story.articles)
        out.append("")
        if story.error:
            out.append(f"FAILED: {story.error}\n")
        elif story.report is not None:
            out.append(story_table(story.report))
    if singles:
        out.append(f"== {len(singles)} single-article stories (nothing to compare):")
        out.extend(f"   {s.number}. {s.articles[0].path}" for s in singles)
        out.append("")
    for story in corpus.stories:
        if story.error:
            out.append(f"failed: story {story.number} ({', '.join(a.path for a in story.articles)}): {story.error}")
    s = corpus.summary()
    out.append(f"{s['stories']} stories from {s['articles']} articles: {s['stories_with_errors']} with errors, "
               f"{s['stories_with_findings']} with findings at or above {corpus.fail_on}, "
               f"{s['findings']} findings ({s['error']} error, {s['warning']} warning, {s['info']} info)"
               + (f", {s['failed_stories']} failed." if s["failed_stories"] else "."))
    return "\n".join(out) + "\n"


FORMATS = {"table": render_table, "json": render_json}


# -- the command ----------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    from .cli import _common, _Parser
    from .config import FAIL_LEVELS

    parser = _Parser(prog="factcheck corpus",
                     description="Group articles about many events into stories and check each story.")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or fsspec URLs (s3://, file://, ...)")
    parser.add_argument("--format", "-f", default="table", choices=sorted(FORMATS), help="table (default) or json")
    parser.add_argument("--fail-on", choices=FAIL_LEVELS, default=None, help="lowest severity that makes the exit code 1")
    parser.add_argument("--published", metavar="FILE=DATE", action="append", default=[], help="publication date of a file (repeatable)")
    parser.add_argument("--threshold", type=float, default=THRESHOLD, help=f"least average similarity of one story's articles (default {THRESHOLD})")
    parser.add_argument("--window", type=int, default=WINDOW_DAYS, metavar="DAYS", help=f"longest span of publication dates in one story (default {WINDOW_DAYS})")
    parser.add_argument("--dask", metavar="ADDRESS", help="run on this Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: [factcheck.dask] scheduler in rules.toml, else locally)")
    parser.add_argument("--retries", type=int, default=None, help=f"retries of a task that fails (default {RETRIES}, or rules.toml)")
    parser.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE")
    parser.add_argument("--quiet", "-q", action="store_true", help="no warnings about skipped files")
    parser.add_argument("--progress", action="store_true", help="a line on standard error as each story is checked")
    _common(parser)
    return parser


def main(argv: Sequence[str]) -> int:
    from .cli import EXIT_INPUT, _disabled, _finish, _published
    from .config import load_config
    from .pipeline import InputError

    args = build_parser().parse_args(argv)
    if not 0 < args.threshold <= 1 or args.window < 0 or (args.retries or 0) < 0:
        raise SystemExit("factcheck: error: --threshold takes a number in (0, 1], --window and --retries 0 or more")
    published = _published(args.published)
    config = load_config(args.config)
    spec = HostSpec.of(config, args.plugin, _disabled(args))
    address = args.dask or config.dask.get("scheduler")
    retries = args.retries if args.retries is not None else config.dask.get("retries", RETRIES)
    try:
        import datasketch  # noqa: F401
    except ImportError:
        raise SystemExit("factcheck: error: corpus mode needs datasketch: pip install 'factcheck[corpus]'") from None
    client = None
    if address:
        try:
            from distributed import Client
        except ImportError:
            raise SystemExit("factcheck: error: --dask needs dask.distributed: pip install 'factcheck[dask]'") from None
        try:
            client = Client(address, timeout="20s")
        except (OSError, TimeoutError) as err:
            raise SystemExit(f"factcheck: error: cannot reach the Dask scheduler {address}: {err}") from None
    def progress(story: Story, done: int, total: int) -> None:
        found = f"{len(story.report.findings)} findings" if story.report is not None else f"failed: {story.error}"
        print(f"factcheck: story {story.number} checked ({done}/{total}, {len(story.articles)} articles, {found})",
              file=sys.stderr, flush=True)

    try:
        corpus = run(args.paths, spec, published, client, retries, args.threshold, args.window,
                     exclude=[args.output] if args.output else [], progress=progress if args.progress else None)
    except InputError as err:
        print(f"factcheck: error: {err}", file=sys.stderr)
        return EXIT_INPUT
    finally:
        if client is not None:
            client.close()
    corpus.fail_on = args.fail_on or config.fail_on
    formats = {name: Format(name, "", render) for name, render in FORMATS.items()}
    return _finish(corpus, args, host_for(spec), formats)
