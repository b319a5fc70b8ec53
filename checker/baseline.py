"""Baselines: record today's findings, then report only new ones.

A baseline file is JSON: {"version": 1, "findings": [{"fingerprint", "rule", "message"}]}.
Fingerprints come from the rule and the normalised evidence text (Finding.fingerprint), not from
line numbers, so a finding stays known when lines move.
"""
from __future__ import annotations

import json
from dataclasses import replace

from .model import Report


class BaselineError(Exception):
    """An unreadable or malformed baseline file (exit code 2)."""


def write_baseline(report: Report, path: str) -> None:
    data = {
        "version": 1,
        "findings": [{"fingerprint": f.fingerprint, "rule": f.rule, "message": f.message}
                     for f in report.findings],
    }
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=2, ensure_ascii=False)
        handle.write("\n")


def read_baseline(path: str) -> set[str]:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as err:
        raise BaselineError(f"{path}: cannot read baseline: {err.strerror or err}") from None
    except ValueError as err:
        raise BaselineError(f"{path}: not a baseline file: {err}") from None
    if not isinstance(data, dict) or data.get("version") != 1 or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a factcheck baseline (expected version 1 and a findings list)")
    try:
        return {str(item["fingerprint"]) for item in data["findings"]}
    except (KeyError, TypeError):
        raise BaselineError(f"{path}: a baseline entry has no fingerprint") from None


def apply_baseline(report: Report, known: set[str]) -> Report:
    """The report without the findings the baseline knows, with a note saying how many."""
    kept = [f for f in report.findings if f.fingerprint not in known]
    hidden = len(report.findings) - len(kept)
    notes = list(report.notes)
    if hidden:
        notes.append(f"{hidden} finding{'s' if hidden != 1 else ''} already in the baseline not shown")
    return replace(report, findings=kept, notes=notes)
