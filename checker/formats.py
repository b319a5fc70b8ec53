"""Built-in output formats: `table` (default, for people) and `json` (a versioned contract).

JSON report, version 1:

    {
      "version": 1, "tool": "factcheck", "tool_version": "0.1.0",
      "summary": {"documents": 2, "findings": 3, "error": 0, "warning": 1, "info": 2},
      "documents": [{"path", "title", "outlet", "url", "published", "sentences"}],
      "findings": [{"plugin", "rule", "severity", "confidence", "message", "fingerprint",
                    "evidence": [{"path", "line", "column", "sentence", "text", "value",
                                  "implied_from"?: {"line", "column", "sentence", "text"}}],
                    "diff": ["-any of that +anything", ...]}],
      "notes": ["..."],
      "problems": [{"kind": "input" | "plugin", "path", "plugin", "message"}]
    }

Findings are ordered by first evidence path, line, column and rule. `diff` is the word-level
difference of a wording finding, one edit per item, from the first evidence's words (`-`) to the
other evidence's (`+`); an empty list for findings that compare values.
"""
from __future__ import annotations

import importlib.util
import json
import re
import sys
import textwrap
from functools import lru_cache

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


# textwrap's split of a text into chunks (words, and a word's parts after its hyphens)
_WRAP_CHUNKS = textwrap.TextWrapper.wordsep_re


class _Wrapper(textwrap.TextWrapper):
    """textwrap.TextWrapper, the same lines, split into chunks quicker: at textwrap's whitespace
    first (its `wordsep_simple_re`), then only the words with a hyphen by textwrap's own word
    splitter, whose lazy match with look-arounds at every character is most of textwrap's
    time. The same chunks: that splitter's matches never cross whitespace, and what its
    look-arounds see at a word's edge (whitespace, or the text's start or end) fails or holds
    alike (a test compares the lines with textwrap.wrap's on random text)."""

    def _split(self, text: str) -> list[str]:
        if not self.break_on_hyphens:
            return super()._split(text)
        chunks: list[str] = []
        for piece in self.wordsep_simple_re.split(text):
            if "-" in piece:
                chunks += super()._split(piece)
            elif piece:
                chunks.append(piece)
        return chunks


@lru_cache(maxsize=64)
def _wrapper(width: int, indent: str = "", break_on_hyphens: bool = True) -> _Wrapper:
    return _Wrapper(width, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=break_on_hyphens)


@lru_cache(maxsize=4096)  # copies of a story repeat their sentences in the evidence
def _wrap(text: str, width: int) -> tuple[str, ...]:
    if width > 0 and text.split() == [text]:
        return _wrap_word(text, width)
    return tuple(_wrapper(width).wrap(text))


def _wrap_word(text: str, width: int) -> tuple[str, ...]:
    """textwrap.wrap(text, width) of one word (a path:line:column), without its machinery: its
    chunks, as many as fit on each line, a chunk longer than a line cut after its last hyphen
    that fits or else at the width (a test compares them). No whitespace to munge or drop but
    the empty rest of a cut chunk."""
    chunks = [c for c in _WRAP_CHUNKS.split(text) if c]
    chunks.reverse()
    lines: list[str] = []
    while chunks:
        if not chunks[-1] and lines:
            del chunks[-1]
        line: list[str] = []
        used = 0
        while chunks and used + len(chunks[-1]) <= width:
            used += len(chunks[-1])
            line.append(chunks.pop())
        if chunks and len(chunks[-1]) > width:  # textwrap's _handle_long_word
            space_left = width - used
            chunk = chunks[-1]
            end = space_left
            hyphen = chunk.rfind("-", 0, space_left)
            if hyphen > 0 and any(c != "-" for c in chunk[:hyphen]):
                end = hyphen + 1
            line.append(chunk[:end])
            chunks[-1] = chunk[end:]
        if line and not line[-1]:
            del line[-1]
        if line:
            lines.append("".join(line))
    return tuple(lines)


SHOWN_IN_FULL = 4  # a finding with this much evidence or less shows every piece in its own box


def _boxes(evidence) -> list[tuple]:
    """A finding's evidence as the table's boxes: (evidence, [others]), in the evidence's order.

    Up to SHOWN_IN_FULL pieces (a draft and its sources, a handful of outlets) each have a box.
    Beyond that, evidence that shows the same thing (value, sentence, span, and the sentence a
    value is carried over from, with its line) has one box, the others named only by place:
    copies of a story repeat a sentence in many documents, and the table shows it once."""
    if len(evidence) <= SHOWN_IN_FULL:
        return [(e, []) for e in evidence]
    boxes: dict[tuple, tuple] = {}
    for e in evidence:
        implied = e.implied_from
        key = (e.value, e.sentence, e.text, implied and (implied["line"], implied["sentence"], implied["text"]))
        box = boxes.get(key)
        if box is None:
            boxes[key] = (e, [])
        else:
            box[1].append(e)
    return list(boxes.values())


def _cell(evidence, width: int, more: int = 0) -> str:
    lines = [*_wrap(f"{evidence.path}:{evidence.line}:{evidence.column}", width)]
    if more:
        lines.append(f"(and {more} more, below)")
    lines += _wrap(f"value: {evidence.value}", width)
    lines += _wrap(_mark(evidence.sentence, evidence.text), width)
    if evidence.implied_from:
        src = evidence.implied_from
        lines.append(f"(implied from line {src['line']}:)")
        lines += _wrap(_mark(src["sentence"], src["text"]), width)
    return "\n".join(lines)


# What tabulate treats specially (ANSI codes, tabs, line breaks other than "\n"): such cells go
# through tabulate itself, the others through _grid_row.
_NOT_PLAIN = re.compile("[\x1b\t\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _grid_row(cells: list[str]) -> str:
    """tabulate([cells], tablefmt="grid", disable_numparse=True) for plain text cells, measured
    in characters (tabulate's width without wcwidth), without tabulate's general machinery."""
    stripped = [cell.strip() for cell in cells]
    if any("\n" in cell for cell in cells):  # tabulate's multiline cells: an empty one has no line
        lines = [cell.split("\n") if cell else [] for cell in stripped]
    else:
        lines = [[cell] for cell in stripped]
    widths = [max(map(len, cell), default=0) for cell in lines]
    border = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    height = max(map(len, lines))
    columns = [[" " + line.ljust(w) + " " for line in cell] + [" " * (w + 2)] * (height - len(cell))
               for cell, w in zip(lines, widths)]
    rows = ["|" + "|".join(parts) + "|" for parts in zip(*columns)]
    return "\n".join([border, *rows, border])


def _wide_chars_mode() -> bool:
    """tabulate.WIDE_CHARS_MODE (wcwidth installed, or as set) without importing tabulate for it:
    a report whose cells are all plain never needs tabulate."""
    module = sys.modules.get("tabulate")
    if module is not None:
        return module.WIDE_CHARS_MODE
    return importlib.util.find_spec("wcwidth") is not None


def _tabulate_grid(row: list[str]) -> str:
    from tabulate import tabulate

    return tabulate([row], tablefmt="grid", disable_numparse=True)


def render_table(report: Report) -> str:
    wide = _wide_chars_mode()
    out: list[str] = []
    for number, finding in enumerate(report.findings, 1):
        out.append(f"{number}. {finding.severity.upper()}  {finding.rule}  (confidence {finding.confidence:.2f})")
        out.extend(_wrapper(WIDTH, "   ").wrap(finding.message))
        if finding.diff:
            out.extend(_wrapper(WIDTH, "   ").wrap("words: " + "; ".join(finding.diff)))
        boxes = _boxes(finding.evidence)
        per_row = min(len(boxes), 2) or 1
        width = (WIDTH - 4 - 3 * (per_row - 1)) // per_row - 1
        sides = ("left", "right") if per_row == 2 else ("",)
        for start in range(0, len(boxes), per_row):
            shown = boxes[start:start + per_row]
            row = [_cell(first, width, len(others)) for first, others in shown]
            plain = not wide and not any(_NOT_PLAIN.search(c) for c in row)
            out.append(_grid_row(row) if plain else _tabulate_grid(row))
            for side, (_, others) in zip(sides, shown):
                if others:
                    places = ", ".join(f"{e.path}:{e.line}:{e.column}" for e in others)
                    out.extend(_wrapper(WIDTH, "   ", break_on_hyphens=False).wrap(
                        f"{side + ' box' if side else 'the box'} also in: {places}"))
        out.append("")
    for note in report.notes:
        out.append(f"note: {note}")
    counts = report.counts()
    summary = ", ".join(f"{n} {level}" for level, n in counts.items() if n) or "no findings"
    docs = len(report.documents)
    out.append(f"{len(report.findings)} finding{'s' if len(report.findings) != 1 else ''} "
               f"({summary}) in {docs} document{'s' if docs != 1 else ''}.")
    return "\n".join(out) + "\n"


SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    from urllib.parse import quote

    return quote(path.replace("\\", "/"))


def _physical(evidence) -> dict:
    return {
        "artifactLocation": {"uri": _uri(evidence.path)},
        "region": {"startLine": evidence.line, "startColumn": evidence.column,
                   "snippet": {"text": evidence.sentence}},
    }


def render_sarif(report: Report) -> str:
    """SARIF 2.1.0: one run, the rules in tool.driver, one result per finding located at its
    first evidence, the other sources' evidence as relatedLocations."""
    from . import __version__

    rule_ids = sorted(report.rules)
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    rules = []
    for rule_id in rule_ids:
        rule = report.rules[rule_id]
        rules.append({
            "id": rule_id,
            "name": rule_id.split(".", 1)[1],
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.explanation or rule.summary},
            "help": {"text": (rule.explanation + ("\nExample:\n" + rule.example if rule.example else "")).strip() or rule.summary},
            "defaultConfiguration": {"level": SARIF_LEVEL[rule.severity]},
        })
    results = []
    for finding in report.findings:
        first, *others = finding.evidence
        result = {
            "ruleId": finding.rule,
            "level": SARIF_LEVEL[finding.severity],
            "message": {"text": finding.message},
            "locations": [{"physicalLocation": _physical(first)}],
            "partialFingerprints": {"factcheck/v1": finding.fingerprint},
            "properties": {"confidence": round(finding.confidence, 2), "plugin": finding.plugin,
                           **({"diff": list(finding.diff)} if finding.diff else {})},
        }
        if finding.rule in index:
            result["ruleIndex"] = index[finding.rule]
        if others:
            result["relatedLocations"] = [
                {"id": i, "physicalLocation": _physical(e), "message": {"text": f"{e.path}: {e.value}"}}
                for i, e in enumerate(others, 1)
            ]
        results.append(result)
    data = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "factcheck", "version": __version__, "rules": rules}},
            "results": results,
        }],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def render_github(report: Report) -> str:
    """GitHub Actions workflow commands: one annotation per finding at its first evidence."""
    level = {"error": "error", "warning": "warning", "info": "notice"}
    lines = []
    for finding in report.findings:
        first = finding.evidence[0]
        others = "; ".join(f"{e.path}:{e.line}: {e.value}" for e in finding.evidence[1:])
        message = finding.message + (f" (other sources: {others})" if others else "")
        lines.append(
            f"::{level[finding.severity]} file={_gh_escape(first.path, True)},line={first.line},"
            f"col={first.column},title={_gh_escape(finding.rule, True)}::{_gh_escape(message)}"
        )
    return "\n".join(lines) + ("\n" if lines else "")


def render_html(report: Report) -> str:
    from .html_report import render_html as render

    return render(report)


@hookimpl
def factcheck_formats():
    return [
        Format("table", "one block per finding, evidence side by side (for people)", render_table),
        Format("json", "the versioned JSON report (for programs and scoring)", render_json),
        Format("sarif", "SARIF 2.1.0 (code-scanning tools)", render_sarif),
        Format("github", "GitHub Actions annotations", render_github),
        Format("html", "one self-contained HTML page (summary, evidence, marked documents)", render_html),
    ]
