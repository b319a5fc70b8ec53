"""Worker processes for `--jobs N` and the progress bar.

Loading, segmentation and extraction work on one file or document at a time, so they run in a
concurrent.futures ProcessPoolExecutor; alignment and comparison see all documents and stay in
the main process. Workers are forked after the run's state (host, plugins, configuration) is set
here, so nothing but an item number goes to a worker and only results come back; results come
back in input order, so the report is byte-identical to a run with one job. Where fork is not
available, or a worker fails (a result that cannot be pickled, a killed process), the same work
runs in this process instead.

A plugin's `factcheck_extract` runs in a worker with a context of its own: it must depend on
the document it is given (and the options), not on state kept between calls, and its claims'
`data` must be picklable.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
from typing import Any, Callable, Optional, Sequence

_STATE: dict[str, Any] = {}


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def parse_jobs(value: str) -> int:
    """--jobs: a positive number or 'auto' (the cores this process may use)."""
    if value == "auto":
        return cpu_count()
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise ValueError(f"--jobs takes a positive number or 'auto', got {value!r}")
    return jobs


def _call(index: int):
    func, args = _STATE["job"]
    return func(_STATE["items"][index], *args)


def map_items(func: Callable, items: Sequence, *args: Any, jobs: int,
              done: Optional[Callable[[Any], None]] = None) -> list:
    """[func(item, *args) for item in items], in worker processes; `done(result)` after each."""
    context = None
    if jobs > 1 and len(items) > 1 and "fork" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("fork")
    if context is not None:
        from concurrent.futures import ProcessPoolExecutor

        _STATE["job"], _STATE["items"] = (func, args), items
        results: list = []
        try:
            with ProcessPoolExecutor(max_workers=min(jobs, len(items)), mp_context=context) as pool:
                chunk = max(1, min(16, len(items) // (jobs * 4)))
                for result in pool.map(_call, range(len(items)), chunksize=chunk):
                    results.append(result)
                    if done is not None:
                        done(result)
            return results
        except Exception:  # unpicklable result, a worker killed: do the rest here
            items = items[len(results):]
        finally:
            _STATE.clear()
    else:
        results = []
    for item in items:
        result = func(item, *args)
        results.append(result)
        if done is not None:
            done(result)
    return results


class ProgressBar:
    """A tqdm bar on standard error, shown only when it is a terminal and the run is not quiet,
    and only once the run has taken `delay` seconds (FACTCHECK_PROGRESS_DELAY, default 2)."""

    def __init__(self, enabled: bool = True, stream=None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled and _is_terminal(self.stream)
        self.bar = None

    def __call__(self, steps: int, total: int) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            from tqdm import tqdm

            delay = float(os.environ.get("FACTCHECK_PROGRESS_DELAY", "2"))
            self.bar = tqdm(total=total, file=self.stream, delay=delay, leave=False,
                            desc="factcheck", unit="step", dynamic_ncols=True)
        if self.bar.total != total:
            self.bar.total = total
        self.bar.update(steps)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
