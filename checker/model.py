"""The nouns of the pipeline: small immutable dataclasses, one module.

paths --load--> Source --segment--> Document (paragraphs, sentences, clauses)
      --extract (plugin hook)--> Claim --align (core)--> ClaimPair
      --compare (plugin hook)--> Finding(Evidence...) --format (plugin hook)--> text
"""
from __future__ import annotations

import bisect
import datetime as _dt
import hashlib
import re
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, Callable, Mapping, Optional, Sequence

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}
RULE_ID_RE = re.compile(r"^[a-z][a-z0-9_]*\.[a-z0-9]+(?:-[a-z0-9]+)*$")


class _Factory:
    def __repr__(self) -> str:
        return "<factory>"


_NO_VALUE = _Factory()  # the default of a field with a default_factory, as dataclasses shows it


def _quick_init(cls):
    """A frozen dataclass's __init__ with object.__setattr__ bound once: the same signature,
    defaults and result as the generated one, which looks the method up again for every field.
    (Writing into the instance's __dict__ would be quicker still, but it gives the instance a
    dict of its own, and reading its fields back is then slower.) For the classes a run makes
    by the thousand (sentences, clauses, claims, pairs); not for one with __post_init__."""
    assert not hasattr(cls, "__post_init__")
    params, body, namespace = [], [], {"_NO_VALUE": _NO_VALUE, "_setattr": object.__setattr__}
    for f in fields(cls):
        if f.default is not MISSING:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        elif f.default_factory is not MISSING:
            namespace[f"_factory_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_NO_VALUE")
            body.append(f"    if {f.name} is _NO_VALUE:\n        {f.name} = _factory_{f.name}()")
        else:
            params.append(f.name)
        body.append(f"    _setattr(self, {f.name!r}, {f.name})")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body) + "\n"
    exec(source, namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init
    return cls


@dataclass(frozen=True)
class Source:
    """What a loader returns: the file's text, where the article body starts, and metadata."""

    path: str
    text: str
    meta: Mapping[str, Any] = field(default_factory=dict)
    body_start: int = 0


@_quick_init
@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    text: str


@_quick_init
@dataclass(frozen=True, eq=False)
class Sentence:
    """A sentence of a document; offsets are into Document.text."""

    doc_index: int
    index: int
    paragraph: int
    start: int
    end: int
    text: str
    line: int
    column: int
    clauses: tuple[Clause, ...] = ()

    def clause_at(self, offset: int) -> Clause:
        for clause in self.clauses:
            if clause.start <= offset < clause.end:
                return clause
        return Clause(self.start, self.end, self.text)

    def __repr__(self) -> str:
        return f"Sentence({self.doc_index}:{self.index} {self.text[:40]!r})"


@dataclass(frozen=True, eq=False)
class Document:
    index: int
    path: str
    text: str
    meta: Mapping[str, Any]
    body_start: int
    paragraphs: tuple[tuple[int, int], ...] = ()
    sentences: tuple[Sentence, ...] = ()
    _line_starts: tuple[int, ...] = ()

    @property
    def name(self) -> str:
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]

    @property
    def published(self) -> Optional[_dt.date]:
        value = self.meta.get("published")
        return value if isinstance(value, _dt.date) else None

    @property
    def published_at(self) -> Optional[_dt.datetime]:
        """The publication date with its time of day, when both are known."""
        time = self.meta.get("published_time")
        if self.published is None or not isinstance(time, _dt.time):
            return None
        return _dt.datetime.combine(self.published, time)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def sentences_in(self, paragraph: int) -> list[Sentence]:
        return [s for s in self.sentences if s.paragraph == paragraph]

    def __repr__(self) -> str:
        return f"Document({self.path!r})"


@_quick_init
@dataclass(frozen=True, eq=False)
class Claim:
    """One checkable statement a plugin pulled out of a document.

    `value` is the plugin's normalised value (compared by the plugin); `display` is how an editor
    reads it; `context` is the text the core aligns the claim on (by default its clause).
    A claim carried over from another sentence has `implied_from` set to that sentence and a
    lower confidence.
    """

    plugin: str
    kind: str
    document: Document
    sentence: Sentence
    start: int
    end: int
    value: Any
    display: str
    context: str
    confidence: float = 1.0
    implied_from: Optional[Sentence] = None
    implied_span: Optional[tuple[int, int]] = None
    data: Mapping[str, Any] = field(default_factory=dict)
    # document offsets of the stretch shown as the evidence's sentence, when the claim's own
    # sentence is not enough (a quotation running over several sentences); None: the sentence
    evidence_span: Optional[tuple[int, int]] = None

    @property
    def text(self) -> str:
        return self.document.text[self.start:self.end]

    @property
    def implied(self) -> bool:
        return self.implied_from is not None

    def __repr__(self) -> str:
        flag = " implied" if self.implied else ""
        return f"Claim({self.plugin}.{self.kind} {self.display!r} in {self.document.name}{flag})"


@_quick_init
@dataclass(frozen=True, eq=False)
class ClaimPair:
    """Two claims of one plugin, from different documents, whose contexts report the same thing.

    similarity: idf-weighted overlap of the two contexts' content words over the geometric mean
    of their weights (0-1); containment: the same overlap over the smaller context's weight.
    """

    a: Claim
    b: Claim
    similarity: float
    containment: float
    shared: tuple[str, ...] = ()


@dataclass(frozen=True)
class Evidence:
    path: str
    line: int
    column: int
    sentence: str
    text: str
    value: str
    implied_from: Optional[Mapping[str, Any]] = None

    @classmethod
    def from_claim(cls, claim: Claim) -> "Evidence":
        doc = claim.document
        line, column = doc.position(claim.start)
        implied = None
        if claim.implied_from is not None:
            src = claim.implied_from
            start, end = claim.implied_span or (src.start, src.end)
            implied = {
                "line": src.line,
                "column": src.column,
                "sentence": src.text,
                "text": doc.text[start:end],
            }
        span = claim.evidence_span
        shown = doc.text[span[0]:span[1]] if span else claim.sentence.text
        return cls(doc.path, line, column, shown, claim.text, claim.display, implied)

    def to_dict(self) -> dict:
        data = {
            "path": self.path, "line": self.line, "column": self.column,
            "sentence": self.sentence, "text": self.text, "value": self.value,
        }
        if self.implied_from is not None:
            data["implied_from"] = dict(self.implied_from)
        return data


_WHITESPACE_RE = re.compile(r"\s+")


def _normal(text: str) -> str:
    return _WHITESPACE_RE.sub(" ", text).strip().casefold()


@dataclass(frozen=True)
class Finding:
    plugin: str
    rule: str
    severity: str
    confidence: float
    message: str
    evidence: tuple[Evidence, ...]
    # The word-level difference, one edit per item, from the first evidence's words to the
    # others' ("-anything +any of that", "+So"); empty for findings that compare values.
    diff: tuple[str, ...] = ()

    @property
    def fingerprint(self) -> str:
        """Stable across line moves: the rule and the normalised evidence text, not positions."""
        parts = [self.rule] + sorted(
            f"{e.path.replace(chr(92), '/').rsplit('/', 1)[-1]}|{_normal(e.text)}|{_normal(e.value)}"
            for e in self.evidence
        )
        return hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()[:16]

    def sort_key(self) -> tuple:
        first = self.evidence[0] if self.evidence else Evidence("", 0, 0, "", "", "")
        return (first.path, first.line, first.column, self.rule, self.message)

    def to_dict(self) -> dict:
        return {
            "plugin": self.plugin,
            "rule": self.rule,
            "severity": self.severity,
            "confidence": round(self.confidence, 2),
            "message": self.message,
            "fingerprint": self.fingerprint,
            "evidence": [e.to_dict() for e in self.evidence],
            "diff": list(self.diff),
        }


@dataclass(frozen=True)
class Rule:
    """A rule a plugin can report: id `<plugin>.<rule>`, default severity, documentation."""

    id: str
    severity: str
    summary: str
    explanation: str = ""
    example: str = ""

    def __post_init__(self) -> None:
        if not RULE_ID_RE.match(self.id):
            raise ValueError(f"rule id {self.id!r} is not '<plugin>.<kebab-case-rule>'")
        if self.severity not in SEVERITIES:
            raise ValueError(f"rule {self.id}: severity {self.severity!r} is not one of {SEVERITIES}")


@dataclass(frozen=True)
class Loader:
    """Reads files with the given suffixes into Sources (a file may hold several articles)."""

    name: str
    suffixes: tuple[str, ...]
    load: Callable[[str, bytes], Sequence[Source]]


@dataclass(frozen=True)
class Format:
    """An output format: render(report) returns the whole text to print."""

    name: str
    description: str
    render: Callable[["Report"], str]


@dataclass(frozen=True)
class Problem:
    """Something that went wrong without ending the run: a skipped file, a failing plugin."""

    kind: str  # "input" | "plugin"
    path: str
    message: str
    plugin: str = ""

    def __str__(self) -> str:
        who = f"plugin {self.plugin}: " if self.plugin else ""
        where = f"{self.path}: " if self.path else ""
        return f"{where}{who}{self.message}"


@dataclass
class Report:
    documents: list[Document]
    findings: list[Finding]
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rules: dict[str, Rule] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        counts = {name: 0 for name in reversed(SEVERITIES)}
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts
