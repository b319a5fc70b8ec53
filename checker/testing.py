"""Helpers for testing plugins: run a plugin on texts written in the test, get findings back.

    from factcheck.testing import run_plugin

    def test_direction_conflict():
        findings = run_plugin(my_plugin, {
            "a.txt": "The base lies north of Tokyo.",
            "b.txt": "The base lies northwest of Tokyo.",
        })
        assert [f.rule for f in findings] == ["places.direction-conflict"]

`plugin` is a module or object with hook implementations, the name of a built-in plugin
("dates"), or a path to a plugin file. The project's own plugin tests use these helpers too.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import ModuleType
from typing import Any, Mapping, Optional, Sequence, Union

from .config import Config, merge_source_meta, parse_config
from .host import Host, _load_file
from .loaders import read_front_matter
from .model import Claim, Document, Finding, Report, Source
from .pipeline import check_documents, segment_all

PluginLike = Union[str, ModuleType, Any]


def _plugin_object(plugin: PluginLike) -> tuple[str, Any]:
    if isinstance(plugin, str):
        if plugin.endswith(".py"):
            return Path(plugin).stem, _load_file(plugin)
        import importlib

        return plugin, importlib.import_module(f"factcheck.plugins.{plugin}")
    name = getattr(plugin, "__name__", type(plugin).__name__).rsplit(".", 1)[-1]
    return name.replace("factcheck_local_", ""), plugin


def make_documents(texts: Union[Mapping[str, str], Sequence[str]], config: Optional[Config] = None,
                   published: Optional[Mapping[str, Union[str, dt.date]]] = None) -> list[Document]:
    """Segment in-memory texts as documents named by the mapping's keys (or doc0.txt, doc1.txt)."""
    if not isinstance(texts, Mapping):
        texts = {f"doc{i}.txt": text for i, text in enumerate(texts)}
    config = config or Config()
    sources = []
    for path, text in texts.items():
        meta, body_start = read_front_matter(text)
        meta = merge_source_meta(config.source_meta(path), meta, (published or {}).get(path))
        sources.append(Source(path, text, meta, body_start))
    return segment_all(sources, config)


def check_texts(texts: Union[Mapping[str, str], Sequence[str]], plugins: Sequence[PluginLike] = (),
                rules: str = "", published: Optional[Mapping[str, Union[str, dt.date]]] = None,
                ) -> Report:
    """The whole report for in-memory texts, with only the given plugins loaded.

    `rules` is rules.toml text (e.g. severity overrides or aliases for the test).
    """
    config = parse_config(rules, "rules.toml") if rules else Config()
    given = dict(_plugin_object(p) for p in plugins)
    host = Host(config, plugins=given, use_entry_points=False)
    if host.problems:
        raise RuntimeError("; ".join(str(p) for p in host.problems))
    documents = make_documents(texts, config, published)
    report = check_documents(documents, host)
    plugin_errors = [p for p in report.problems if p.kind == "plugin"]
    if plugin_errors:
        raise RuntimeError("; ".join(str(p) for p in plugin_errors))
    return report


def run_plugin(plugin: PluginLike, texts: Union[Mapping[str, str], Sequence[str]], rules: str = "",
               published: Optional[Mapping[str, Union[str, dt.date]]] = None,
               min_severity: str = "info") -> list[Finding]:
    """The findings of one plugin on the texts, at `min_severity` or above (a plugin error raises)."""
    from .model import SEVERITY_RANK

    report = check_texts(texts, [plugin], rules, published)
    floor = SEVERITY_RANK[min_severity]
    return [f for f in report.findings if SEVERITY_RANK[f.severity] >= floor]


def extract_claims(plugin: PluginLike, text: str, rules: str = "",
                   published: Optional[Union[str, dt.date]] = None) -> list[Claim]:
    """The claims one plugin extracts from a single text (for testing extractors)."""
    config = parse_config(rules, "rules.toml") if rules else Config()
    name, obj = _plugin_object(plugin)
    host = Host(config, plugins={name: obj}, use_entry_points=False)
    docs = make_documents({"doc.txt": text}, config, {"doc.txt": published} if published else None)
    return host.call(name, "factcheck_extract", document=docs[0], context=host.context(name, docs))
