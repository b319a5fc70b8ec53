"""Built-in output formats: `table` (default, for people) and `json` (a versioned contract).

JSON report, version 1:

    {
      "version": 1, "tool": "factcheck", "tool_version": "0.1.0",
      "summary": {"documents": 2, "findings": 3, "error": 0, "warning": 1, "info": 2},
      "documents": [{"path", "title", "outlet", "url", "published", "sentences"}],
      "findings": [{"plugin", "rule", "severity", "confidence", "message", "fingerprint",
                    "evidence": [{"path", "line", "column", "sentence", "text", "value",
                                  "implied_from"?: {"line", "column", "sentence", "text"}}]}],
      "notes": ["..."],
      "problems": [{"kind": "input" | "plugin", "path", "plugin", "message"}]
    }

Findings are ordered by first evidence path, line, column and rule.
"""
from __future__ import annotations

import json
import textwrap

import pluggy

from .model import Format, Report

hookimpl = pluggy.HookimplMarker("factcheck")

JSON_VERSION = 1
WIDTH = 100


def render_json(report: Report) -> str:
    from . import __version__

    counts = report.counts()
    data = {
        "version": JSON_VERSION,
        "tool": "factcheck",
        "tool_version": __version__,
        "summary": {"documents": len(report.documents), "findings": len(report.findings), **counts},
        "documents": [
            {
                "path": d.path,
                "title": d.meta.get("title"),
                "outlet": d.meta.get("outlet"),
                "url": d.meta.get("url"),
                "published": d.published.isoformat() if d.published else None,
                "sentences": len(d.sentences),
            }
            for d in report.documents
        ],
        "findings": [f.to_dict() for f in report.findings],
        "notes": list(report.notes),
        "problems": [
            {"kind": p.kind, "path": p.path, "plugin": p.plugin, "message": p.message}
            for p in report.problems
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _mark(sentence: str, span: str) -> str:
    """The sentence with the reported span between »« marks (first occurrence)."""
    at = sentence.find(span) if span else -1
    if at < 0 or span == sentence:
        return sentence
    return f"{sentence[:at]}»{span}«{sentence[at + len(span):]}"


def _cell(evidence, width: int) -> str:
    lines = textwrap.wrap(f"{evidence.path}:{evidence.line}:{evidence.column}", width)
    lines += textwrap.wrap(f"value: {evidence.value}", width)
    lines += textwrap.wrap(_mark(evidence.sentence, evidence.text), width)
    if evidence.implied_from:
        src = evidence.implied_from
        lines.append(f"(implied from line {src['line']}:)")
        lines += textwrap.wrap(_mark(src["sentence"], src["text"]), width)
    return "\n".join(lines)


def render_table(report: Report) -> str:
    from tabulate import tabulate

    out: list[str] = []
    for number, finding in enumerate(report.findings, 1):
        out.append(f"{number}. {finding.severity.upper()}  {finding.rule}  (confidence {finding.confidence:.2f})")
        out.extend(textwrap.wrap(finding.message, WIDTH, initial_indent="   ", subsequent_indent="   "))
        evidence = list(finding.evidence)
        per_row = min(len(evidence), 2) or 1
        width = (WIDTH - 4 - 3 * (per_row - 1)) // per_row - 1
        for start in range(0, len(evidence), per_row):
            row = [_cell(e, width) for e in evidence[start:start + per_row]]
            out.append(tabulate([row], tablefmt="grid", disable_numparse=True))
        out.append("")
    for note in report.notes:
        out.append(f"note: {note}")
    counts = report.counts()
    summary = ", ".join(f"{n} {level}" for level, n in counts.items() if n) or "no findings"
    docs = len(report.documents)
    out.append(f"{len(report.findings)} finding{'s' if len(report.findings) != 1 else ''} "
               f"({summary}) in {docs} document{'s' if docs != 1 else ''}.")
    return "\n".join(out) + "\n"


@hookimpl
def factcheck_formats():
    return [
        Format("table", "one block per finding, evidence side by side (for people)", render_table),
        Format("json", "the versioned JSON report (for programs and scoring)", render_json),
    ]
