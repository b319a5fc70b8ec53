"""The run: find files -> load -> segment -> extract -> align -> compare -> Report.

Each stage is a function here or a module of its own (segment, align); plugins are called
through the Host one at a time so that one failing plugin or file does not end the run.
"""
from __future__ import annotations

import datetime as dt
import gc
import os
import stat
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Mapping, Optional, Sequence

from .align import Aligner
from .config import Config, merge_source_meta
from .host import Host, describe_error
from .loaders import LoadError
from .model import Document, Finding, Loader, Problem, Report, Source
from .segment import segment


class InputError(Exception):
    """A path given on the command line that does not exist (exit code 2)."""


@contextmanager
def collector_paused():
    """Python's cyclic garbage collector off for the block (and back on after, if it was on).

    A run builds many small objects (sentences, claims, pairs) that all live until it ends and
    leaves little cyclic garbage; the collector's passes over them cost 15-25% of the run's
    time and free nothing. Reference counting still frees everything else at once.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def discover(paths: Iterable[str], suffixes: Iterable[str], exclude: Iterable[str] = (),
             problems: Optional[list] = None) -> list[str]:
    """Files under the given paths whose suffix a loader reads, sorted, hidden ones skipped.

    A file named explicitly is always returned (an unknown suffix is reported when loading).
    Files in `exclude` (the run's own report and baseline files) are never returned from a folder.
    Symbolic links to folders are followed, each folder once: a link back to a folder already
    walked (a loop) is skipped and, when `problems` is given, reported there.
    """
    suffixes = {s.lower() for s in suffixes}
    excluded = {os.path.realpath(p) for p in exclude}
    found: list[str] = []
    for path in paths:
        if os.path.isfile(path):
            found.append(path)
            continue
        if not os.path.isdir(path):
            raise InputError(f"{path}: no such file or directory")
        walked: set[tuple[int, int]] = set()

        def unreadable(err: OSError) -> None:
            if problems is not None:
                problems.append(Problem("input", err.filename or path, f"skipped: cannot read folder: {err.strerror or err}"))

        for root, dirs, files in os.walk(path, onerror=unreadable, followlinks=True):
            try:
                info = os.stat(root)
            except OSError as err:
                unreadable(err)
                dirs[:] = []
                continue
            if (info.st_dev, info.st_ino) in walked:
                if problems is not None:
                    problems.append(Problem("input", root, "skipped: symbolic link to a folder already read (a loop)"))
                dirs[:] = []
                continue
            walked.add((info.st_dev, info.st_ino))
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                full = os.path.join(root, name)
                if not name.startswith(".") and Path(name).suffix.lower() in suffixes \
                        and os.path.realpath(full) not in excluded:
                    found.append(full)
    seen: set[str] = set()
    unique = []
    for path in found:
        key = os.path.normpath(path)
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


MAX_FILE_MB = 20.0  # default of --max-size: far above any article, far below a memory problem


def load(paths: Sequence[str], loaders: Mapping[str, Loader], config: Config,
         published: Optional[Mapping[str, dt.date]] = None,
         exclude: Iterable[str] = (), max_mb: Optional[float] = MAX_FILE_MB,
         jobs: int = 1) -> tuple[list[Source], list[Problem]]:
    """Sources of the files under `paths`, in order, and the files skipped (with why).

    A file larger than `max_mb` megabytes (None or 0: no limit) is skipped unread.
    """
    problems: list[Problem] = []
    files = discover(paths, loaders, exclude, problems)
    if jobs > 1 and len(files) > 1:
        from .parallel import map_items

        loaded = map_items(load_file, files, loaders, max_mb, jobs=jobs)
    else:
        loaded = [load_file(path, loaders, max_mb) for path in files]
    sources: list[Source] = []
    for found, problem in loaded:
        if problem is not None:
            problems.append(problem)
        for source in found:
            meta = merge_source_meta(config.source_meta(source.path), source.meta,
                                     _published_override(source.path, published or {}))
            sources.append(Source(source.path, source.text, meta, source.body_start))
    return sources, problems


def load_file(path: str, loaders: Mapping[str, Loader],
              max_mb: Optional[float] = MAX_FILE_MB) -> tuple[list[Source], Optional[Problem]]:
    """One file's sources, or why it was skipped."""
    loader = loaders.get(Path(path).suffix.lower())
    if loader is None:
        return [], Problem("input", path, f"skipped: no loader for '{Path(path).suffix}' files")
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return [], Problem("input", path, "skipped: not a regular file (a pipe, socket or device)")
        size = info.st_size
        if max_mb and size > max_mb * 1_000_000:
            shown = f"{size / 1e6:,.1f} MB" if size >= 1e6 else f"{size / 1e3:.1f} kB"
            return [], Problem("input", path, f"skipped: {shown}, above the {max_mb:g} MB limit (--max-size)")
        with open(path, "rb") as handle:
            data = handle.read()
        return list(loader.load(path, data)), None
    except LoadError as err:
        return [], Problem("input", path, f"skipped: {err}")
    except OSError as err:
        return [], Problem("input", path, f"skipped: cannot read: {err.strerror or err}")
    except Exception as err:  # a loader plugin's bug must not end the run
        return [], Problem("plugin", path, f"loader failed: {describe_error(err)}", loader.name)


def _published_override(path: str, published: Mapping[str, dt.date]) -> Optional[dt.date]:
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    for key, value in published.items():
        if key == path or os.path.normpath(key) == os.path.normpath(path) or key == name:
            return value
    return None


def segment_all(sources: Sequence[Source], config: Config) -> list[Document]:
    return [segment(source, index, config.abbreviations) for index, source in enumerate(sources)]


def extract(document: Document, host: Host, documents: Optional[Sequence[Document]] = None) -> dict:
    """Every enabled checker's claims on one document: {plugin: (claims, notes, error or None)}.

    `documents`: what the plugin contexts list (default: this document alone).
    """
    result = {}
    for info in host.checkers():
        context = host.context(info.name, documents if documents is not None else [document])
        try:
            claims, error = host.call(info.name, "factcheck_extract", document=document, context=context), None
        except Exception as err:
            claims, error = [], describe_error(err)
        result[info.name] = (claims, context.notes, error)
    return result


def _segment_and_extract(item: tuple[int, Source], host: Host) -> tuple[Document, dict, float]:
    index, source = item
    with collector_paused():
        started = time.perf_counter()
        document = segment(source, index, host.config.abbreviations)
        segmented = time.perf_counter()
        return document, extract(document, host), segmented - started


def check_documents(documents: Sequence[Document], host: Host, problems: Sequence[Problem] = (),
                    timings: Optional[dict] = None, extracted: Optional[Sequence[dict]] = None,
                    progress: Optional[Callable[[int, int], None]] = None) -> Report:
    """Extract, align and compare with every enabled checker plugin.

    `timings`, when given, receives the seconds spent per stage (extract, align, compare).
    `extracted`: the result of `extract` for each document, when already done (in workers).
    `progress(steps, total)` is told of each document extracted and each plugin compared.
    """
    with collector_paused():
        return _check_documents(documents, host, problems, timings, extracted, progress)


def _check_documents(documents, host, problems, timings, extracted, progress) -> Report:
    problems = list(host.problems) + list(problems)
    clock = timings if timings is not None else {}
    checkers = host.checkers()
    total = len(checkers) * (len(documents) + 1)
    started = time.perf_counter()
    aligner = Aligner(documents)
    _lap(clock, "align", started)
    findings: dict[str, Finding] = {}
    notes: list[str] = []
    for info in checkers:
        context = host.context(info.name, documents, aligner)
        claims = []
        started = time.perf_counter()
        for position, document in enumerate(documents):
            if extracted is None:
                try:
                    claims.extend(host.call(info.name, "factcheck_extract", document=document, context=context))
                except Exception as err:
                    problems.append(Problem("plugin", document.path, describe_error(err), info.name))
                if progress is not None:
                    progress(1, total)
                continue
            found, found_notes, error = extracted[position][info.name]
            claims.extend(found)
            for note in found_notes:
                context.note(note)
            if error is not None:
                problems.append(Problem("plugin", document.path, error, info.name))
        _lap(clock, "extract", started)
        try:
            started = time.perf_counter()
            # a plugin comparing without pairs (names) gets none made
            pairs = aligner.pairs(claims) if host.takes(info.name, "factcheck_compare", "pairs") else []
            started = _lap(clock, "align", started)
            for finding in host.call(info.name, "factcheck_compare", pairs=pairs, claims=claims, context=context):
                if finding is not None:
                    findings.setdefault(finding.fingerprint, finding)
        except Exception as err:
            problems.append(Problem("plugin", "", f"compare failed: {describe_error(err)}", info.name))
        _lap(clock, "compare", started)
        if progress is not None:
            progress(1, total)
        notes.extend(context.notes)
    ordered = sorted(findings.values(), key=Finding.sort_key)
    rules = {rule.id: rule for info in checkers for rule in info.rules}
    return Report(list(documents), ordered, problems, notes, rules)


def _lap(clock: dict, stage: str, started: float) -> float:
    now = time.perf_counter()
    clock[stage] = clock.get(stage, 0.0) + now - started
    return now


def check(paths: Sequence[str], host: Host, published: Optional[Mapping[str, dt.date]] = None,
          timings: Optional[dict] = None, exclude: Iterable[str] = (), jobs: int = 1,
          max_mb: Optional[float] = MAX_FILE_MB,
          progress: Optional[Callable[[int, int], None]] = None) -> Report:
    """The whole run on files and folders; `timings` receives seconds per stage.

    `exclude`: files never read from a folder (the run's own output and baseline files).
    `jobs` > 1: loading, segmentation and extraction run in that many worker processes
    (factcheck.parallel); the report is the same. `max_mb`: larger files are skipped unread.
    `progress(steps, total)`: called as documents are checked (see parallel.ProgressBar).
    """
    with collector_paused():
        return _check(paths, host, published, timings, exclude, jobs, max_mb, progress)


def _check(paths, host, published, timings, exclude, jobs, max_mb, progress) -> Report:
    clock = timings if timings is not None else {}
    started = time.perf_counter()
    sources, problems = load(paths, host.loaders(), host.config, published, exclude, max_mb, jobs)
    started = _lap(clock, "load", started)
    if jobs <= 1 or len(sources) <= 1:
        documents = segment_all(sources, host.config)
        _lap(clock, "segment", started)
        return check_documents(documents, host, problems, clock, progress=progress)
    from .parallel import map_items

    total = len(host.checkers()) * (len(sources) + 1)
    done = (lambda _: progress(len(host.checkers()), total)) if progress is not None else None
    results = map_items(_segment_and_extract, list(enumerate(sources)), host, jobs=jobs, done=done)
    # Workers' seconds, shared out over this process's wall time for the two stages.
    wall = time.perf_counter() - started
    segmenting = sum(r[2] for r in results) / jobs
    clock["segment"] = clock.get("segment", 0.0) + min(segmenting, wall)
    clock["extract"] = clock.get("extract", 0.0) + max(wall - segmenting, 0.0)
    return check_documents([r[0] for r in results], host, problems, clock,
                           extracted=[r[1] for r in results], progress=progress)
