"""`--format html`: one self-contained page (inline CSS, no scripts, no network) for people.

A summary (counts per plugin and severity), each finding with its evidence side by side and the
disagreeing span in a <mark class="sev-SEVERITY">, then each document's text with the findings
marked and linked both ways (#f3 <-> #f3-e1); in a quotation worded differently, the words of
the difference are in <strong class="changed"> inside the mark. Every piece of article text goes through
html.escape, so markup in an article shows as text.
"""
from __future__ import annotations

import re
from collections import Counter
from html import escape

from .model import SEVERITIES, Report

CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:1.5em auto;max-width:72em;color:#222;padding:0 1em}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
.finding{border:1px solid #ccc;border-radius:6px;padding:.6em 1em;margin:1em 0}
.evidence{display:flex;gap:1em;flex-wrap:wrap}.evidence>div{flex:1 1 20em;background:#fafafa;padding:.5em;border-radius:4px}
.where{font-family:monospace;font-size:.9em}.implied{color:#555;font-size:.92em;border-left:3px solid #ccc;padding-left:.5em}
mark.sev-error{background:#f6a5a5}mark.sev-warning{background:#ffd36b}mark.sev-info{background:#b9dcff}
.badge{font-weight:bold;padding:0 .4em;border-radius:3px}.badge.sev-error{background:#f6a5a5}
.badge.sev-warning{background:#ffd36b}.badge.sev-info{background:#b9dcff}
strong.changed{text-decoration:underline 2px;background:#ffffffa0}
pre.doc{white-space:pre-wrap;font:inherit;background:#fafafa;padding:1em;border-radius:4px}
"""


def _phrases(diff) -> list[str]:
    """The words of a finding's word-level difference: '-any of that +anything' -> both."""
    out = []
    for edit in diff:
        for part in re.split(r"(?:^|\s)(?=[-+])", edit):
            if part.strip()[1:].strip():
                out.append(part.strip()[1:].strip())
    return out


def _changed(span: str, phrases) -> str:
    """The escaped span with the words of the difference in <strong class="changed">."""
    found = []
    for phrase in phrases:
        match = re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", span, re.IGNORECASE)
        if match and not any(match.start() < e and s < match.end() for s, e in found):
            found.append((match.start(), match.end()))
    out, pos = [], 0
    for start, end in sorted(found):
        out += [escape(span[pos:start]), f"<strong class=\"changed\">{escape(span[start:end])}</strong>"]
        pos = end
    return "".join(out) + escape(span[pos:])


def _marked(sentence: str, span: str, severity: str, anchor: str = "", phrases=()) -> str:
    """The escaped sentence with the first occurrence of span in a <mark>, and in it the words
    of a word-level difference in bold."""
    at = sentence.find(span) if span else -1
    if at < 0:
        return escape(sentence)
    ident = f' id="{anchor}"' if anchor else ""
    return (f"{escape(sentence[:at])}<mark class=\"sev-{severity}\"{ident}>{_changed(span, phrases)}</mark>"
            f"{escape(sentence[at + len(span):])}")


def _summary(report: Report) -> list[str]:
    counts = Counter((f.plugin, f.severity) for f in report.findings)
    plugins = sorted({p for p, _ in counts})
    levels = list(reversed(SEVERITIES))
    out = ["<table class=\"summary\"><tr><th>plugin</th>"
           + "".join(f"<th>{s}</th>" for s in levels) + "</tr>"]
    for plugin in plugins:
        out.append(f"<tr><td>{escape(plugin)}</td>"
                   + "".join(f"<td>{counts[plugin, s]}</td>" for s in levels) + "</tr>")
    totals = report.counts()
    out.append("<tr><th>all</th>" + "".join(f"<th>{totals[s]}</th>" for s in levels) + "</tr></table>")
    return out


def _locate(doc, evidence) -> int:
    """Document offset of the evidence's span, or -1."""
    try:
        line_start = doc._line_starts[evidence.line - 1]
    except IndexError:
        return -1
    at = line_start + evidence.column - 1
    return at if doc.text[at:at + len(evidence.text)] == evidence.text else -1


def render_html(report: Report) -> str:
    docs = {d.path: d for d in report.documents}
    marks: dict[str, list[tuple[int, int, str, str]]] = {}
    out = ["<!DOCTYPE html>", "<html lang=\"en\"><head><meta charset=\"utf-8\">",
           "<title>factcheck report</title>", f"<style>{CSS}</style></head><body>",
           "<h1>factcheck report</h1>",
           f"<p>{len(report.findings)} findings in {len(report.documents)} documents.</p>"]
    out += _summary(report)
    out.append("<h2>Findings</h2>")
    for number, finding in enumerate(report.findings, 1):
        sev = finding.severity
        out.append(f"<section class=\"finding\" id=\"f{number}\"><p><span class=\"badge sev-{sev}\">"
                   f"{number}. {sev.upper()}</span> <code>{escape(finding.rule)}</code> "
                   f"(confidence {finding.confidence:.2f})</p><p>{escape(finding.message)}</p>"
                   + (f"<p class=\"diff\">words: {escape('; '.join(finding.diff))}</p>" if finding.diff else "")
                   + "<div class=\"evidence\">")
        for k, e in enumerate(finding.evidence, 1):
            doc = docs.get(e.path)
            link = f"f{number}-e{k}"
            if doc is not None and _locate(doc, e) >= 0:
                start = _locate(doc, e)
                marks.setdefault(e.path, []).append((start, start + len(e.text), sev, link))
                where = f"<a href=\"#{link}\">{escape(e.path)}:{e.line}:{e.column}</a>"
            else:
                where = f"{escape(e.path)}:{e.line}:{e.column}"
            out.append(f"<div><div class=\"where\">{where}</div><div>value: <b>{escape(e.value)}</b></div>"
                       f"<p>{_marked(e.sentence, e.text, sev, phrases=_phrases(finding.diff))}</p>")
            if e.implied_from:
                src = e.implied_from
                out.append(f"<p class=\"implied\">implied from line {src['line']}: "
                           f"{_marked(src['sentence'], src['text'], sev)}</p>")
            out.append("</div>")
        out.append("</div></section>")
    for note in report.notes:
        out.append(f"<p class=\"note\">note: {escape(note)}</p>")
    out.append("<h2>Documents</h2>")
    for doc in report.documents:
        out.append(f"<section class=\"document\"><h3>{escape(doc.path)}</h3>")
        if doc.meta.get("title"):
            out.append(f"<p><i>{escape(str(doc.meta['title']))}</i></p>")
        text, pos, parts = doc.text, 0, []
        for start, end, sev, link in sorted(marks.get(doc.path, [])):
            if start < pos:
                continue
            finding = link.split("-")[0]
            parts.append(escape(text[pos:start]))
            parts.append(f"<a href=\"#{finding}\"><mark class=\"sev-{sev}\" id=\"{link}\">"
                         f"{escape(text[start:end])}</mark></a>")
            pos = end
        parts.append(escape(text[pos:]))
        out.append(f"<pre class=\"doc\">{''.join(parts)}</pre></section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
