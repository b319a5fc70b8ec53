"""The run: find files -> load -> segment -> extract -> align -> compare -> Report.

Each stage is a function here or a module of its own (segment, align); plugins are called
through the Host one at a time so that one failing plugin or file does not end the run.
"""
from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path
from typing import Iterable, Mapping, Optional, Sequence

from .align import Aligner
from .config import Config
from .host import Host, describe_error
from .loaders import LoadError
from .model import Document, Finding, Loader, Problem, Report, Source
from .segment import segment


class InputError(Exception):
    """A path given on the command line that does not exist (exit code 2)."""


def discover(paths: Iterable[str], suffixes: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    """Files under the given paths whose suffix a loader reads, sorted, hidden ones skipped.

    A file named explicitly is always returned (an unknown suffix is reported when loading).
    Files in `exclude` (the run's own report and baseline files) are never returned from a folder.
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
        for root, dirs, files in os.walk(path):
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


def load(paths: Sequence[str], loaders: Mapping[str, Loader], config: Config,
         published: Optional[Mapping[str, dt.date]] = None,
         exclude: Iterable[str] = ()) -> tuple[list[Source], list[Problem]]:
    sources: list[Source] = []
    problems: list[Problem] = []
    for path in discover(paths, loaders, exclude):
        loader = loaders.get(Path(path).suffix.lower())
        if loader is None:
            problems.append(Problem("input", path, f"skipped: no loader for '{Path(path).suffix}' files"))
            continue
        try:
            with open(path, "rb") as handle:
                data = handle.read()
            loaded = loader.load(path, data)
        except LoadError as err:
            problems.append(Problem("input", path, f"skipped: {err}"))
            continue
        except OSError as err:
            problems.append(Problem("input", path, f"skipped: cannot read: {err.strerror or err}"))
            continue
        except Exception as err:  # a loader plugin's bug must not end the run
            problems.append(Problem("plugin", path, f"loader failed: {describe_error(err)}", loader.name))
            continue
        for source in loaded:
            meta = {**config.source_meta(source.path), **source.meta}
            override = _published_override(source.path, published or {})
            if override:
                meta["published"] = override
            sources.append(Source(source.path, source.text, meta, source.body_start))
    return sources, problems


def _published_override(path: str, published: Mapping[str, dt.date]) -> Optional[dt.date]:
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    for key, value in published.items():
        if key == path or os.path.normpath(key) == os.path.normpath(path) or key == name:
            return value
    return None


def segment_all(sources: Sequence[Source], config: Config) -> list[Document]:
    return [segment(source, index, config.abbreviations) for index, source in enumerate(sources)]


def check_documents(documents: Sequence[Document], host: Host, problems: Sequence[Problem] = (),
                    timings: Optional[dict] = None) -> Report:
    """Extract, align and compare with every enabled checker plugin.

    `timings`, when given, receives the seconds spent per stage (extract, align, compare).
    """
    problems = list(host.problems) + list(problems)
    clock = timings if timings is not None else {}
    started = time.perf_counter()
    aligner = Aligner(documents)
    _lap(clock, "align", started)
    findings: dict[str, Finding] = {}
    notes: list[str] = []
    for info in host.checkers():
        context = host.context(info.name, documents)
        claims = []
        started = time.perf_counter()
        for document in documents:
            try:
                claims.extend(host.call(info.name, "factcheck_extract", document=document, context=context))
            except Exception as err:
                problems.append(Problem("plugin", document.path, describe_error(err), info.name))
        _lap(clock, "extract", started)
        try:
            started = time.perf_counter()
            pairs = aligner.pairs(claims)
            started = _lap(clock, "align", started)
            for finding in host.call(info.name, "factcheck_compare", pairs=pairs, claims=claims, context=context):
                if finding is not None:
                    findings.setdefault(finding.fingerprint, finding)
        except Exception as err:
            problems.append(Problem("plugin", "", f"compare failed: {describe_error(err)}", info.name))
        _lap(clock, "compare", started)
        notes.extend(context.notes)
    ordered = sorted(findings.values(), key=Finding.sort_key)
    rules = {rule.id: rule for info in host.checkers() for rule in info.rules}
    return Report(list(documents), ordered, problems, notes, rules)


def _lap(clock: dict, stage: str, started: float) -> float:
    now = time.perf_counter()
    clock[stage] = clock.get(stage, 0.0) + now - started
    return now


def check(paths: Sequence[str], host: Host, published: Optional[Mapping[str, dt.date]] = None,
          timings: Optional[dict] = None, exclude: Iterable[str] = ()) -> Report:
    """The whole run on files and folders; `timings` receives seconds per stage.

    `exclude`: files never read from a folder (the run's own output and baseline files).
    """
    clock = timings if timings is not None else {}
    started = time.perf_counter()
    sources, problems = load(paths, host.loaders(), host.config, published, exclude)
    started = _lap(clock, "load", started)
    documents = segment_all(sources, host.config)
    _lap(clock, "segment", started)
    return check_documents(documents, host, problems, clock)
