"""The plugin host: builds the pluggy PluginManager and calls plugins one at a time.

Plugins come from the `factcheck` entry-point group (the built-in ones too), from local files
named in rules.toml (`[factcheck] plugins = [...]`) or on the command line (`--plugin PATH`).
FACTCHECK_LOAD_PLUGINS, when set, limits which entry points load (comma-separated names;
empty = none), so that tests never depend on what else is installed.
"""
from __future__ import annotations

import importlib.util
import os
import sys
import traceback
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any, Iterable, Mapping, Optional, Sequence

import pluggy

from . import hookspecs
from .align import Aligner
from .config import Aliases, Config, ConfigError, severity_overrides, validate_plugin_table
from .model import Claim, Document, Evidence, Finding, Format, Loader, Problem, Rule, Sentence

ENTRY_POINT_GROUP = "factcheck"


class PluginLoadError(Exception):
    """A plugin that cannot be imported or declares invalid rules (exit code 3)."""


@dataclass
class PluginInfo:
    name: str
    origin: str
    plugin: Any
    rules: list[Rule] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def is_checker(self) -> bool:
        return hasattr(self.plugin, "factcheck_extract") or hasattr(self.plugin, "factcheck_compare")


class PluginContext:
    """What a plugin's hooks receive as `context`: its name, options, aliases and two builders."""

    def __init__(self, name: str, options: Mapping[str, Any] | None = None,
                 rules: Sequence[Rule] = (), severities: Mapping[str, str] | None = None,
                 aliases: Aliases | None = None, documents: Sequence[Document] = (),
                 aligner: Optional[Aligner] = None) -> None:
        self.name = name
        self.options = dict(options or {})
        self.rules = {rule.id: rule for rule in rules}
        self.severities = dict(severities or {})
        self.aliases = aliases or Aliases({})
        self.documents = list(documents)
        self.notes: list[str] = []
        self._aligner = aligner

    @property
    def aligner(self) -> Aligner:
        """The run's Aligner over `documents` (its terms, idf weights and `similarity`): the one
        the core aligned the claims with, or one made on first use."""
        if self._aligner is None:
            self._aligner = Aligner(self.documents)
        return self._aligner

    def note(self, text: str) -> None:
        """A line for the report's notes (e.g. how a publication date was inferred)."""
        if text not in self.notes:
            self.notes.append(text)

    def claim(self, kind: str, document: Document, sentence: Sentence, start: int, end: int,
              value: Any, display: Optional[str] = None, context: Optional[str] = None,
              confidence: float = 1.0, implied_from: Optional[Sentence] = None,
              implied_span: Optional[tuple[int, int]] = None, **data: Any) -> Claim:
        """A claim of this plugin; `context` (what the core aligns on) defaults to the clause."""
        if context is None:
            context = sentence.clause_at(start).text if not implied_from else sentence.text
        return Claim(self.name, kind, document, sentence, start, end, value,
                     display if display is not None else str(value), context, confidence,
                     implied_from, implied_span, data)

    def severity(self, rule: str) -> str:
        if rule in self.severities:
            return self.severities[rule]
        if rule not in self.rules:
            raise KeyError(f"plugin {self.name} reported undeclared rule {rule!r}")
        return self.rules[rule].severity

    def finding(self, rule: str, message: str, claims: Iterable[Claim], confidence: float = 1.0,
                severity: Optional[str] = None, diff: Iterable[str] = ()) -> Optional[Finding]:
        """A finding with one evidence item per claim; None when the rule is turned off.

        `severity` overrides the rule's default for this one finding (a rule whose severity
        depends on the case); a severity set in rules.toml always wins. `diff` is the
        word-level difference between the evidence texts, one edit per item ("-any of that
        +anything"), shown in the table and the JSON.
        """
        rule = rule if "." in rule else f"{self.name}.{rule}"
        level = self.severities.get(rule) or severity or self.severity(rule)
        if level == "off":
            return None
        evidence = tuple(Evidence.from_claim(c) for c in claims)
        return Finding(self.name, rule, level, max(0.0, min(1.0, confidence)), message, evidence,
                       tuple(diff))


def _load_file(path: str) -> ModuleType:
    file = Path(path)
    if not file.is_file():
        raise PluginLoadError(f"{path}: plugin file not found")
    name = f"factcheck_local_{file.stem}"
    spec = importlib.util.spec_from_file_location(name, file)
    if spec is None or spec.loader is None:
        raise PluginLoadError(f"{path}: not a Python file")
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as err:  # a broken plugin file is reported, not a traceback
        raise PluginLoadError(f"{path}: plugin failed to import: {type(err).__name__}: {err}") from None
    return module


class Host:
    """Loads plugins, validates their rules and configuration, and calls them one at a time."""

    def __init__(self, config: Optional[Config] = None, plugin_paths: Sequence[str] = (),
                 disabled: Sequence[str] = (), plugins: Optional[Mapping[str, Any]] = None,
                 use_entry_points: bool = True) -> None:
        self.config = config or Config()
        self.pm = pluggy.PluginManager(ENTRY_POINT_GROUP)
        self.pm.add_hookspecs(hookspecs)
        self.infos: dict[str, PluginInfo] = {}
        self.problems: list[Problem] = []
        self._callers: dict[tuple[str, str], Any] = {}
        self.disabled = set(disabled) | {n for n, t in self.config.plugins.items() if t.get("enabled") is False}
        if use_entry_points:
            self._load_entry_points()
        for name, plugin in (plugins or {}).items():
            self._register(name, plugin, "given")
        for path in list(self.config.plugin_paths) + list(plugin_paths):
            try:
                module = _load_file(path)
            except PluginLoadError as err:
                self.problems.append(Problem("plugin", path, str(err).split(": ", 1)[-1], Path(path).stem))
                continue
            self._register(Path(path).stem, module, path)
        for name in self.config.plugins:
            if name not in self.infos:
                raise self.config.error(("plugins", name), None, f"no plugin named {name!r} is loaded (loaded: {', '.join(sorted(self.infos))})")
        self.aliases = self.config.alias_table()

    def _load_entry_points(self) -> None:
        only = os.environ.get("FACTCHECK_LOAD_PLUGINS")
        allowed = None if only is None else {n.strip() for n in only.split(",") if n.strip()}
        for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            if allowed is not None and ep.name not in allowed and ep.name not in ("loaders", "formats"):
                continue
            if ep.name in self.infos:
                continue
            try:
                plugin = ep.load()
            except Exception as err:
                self.problems.append(Problem("plugin", "", f"failed to load: {type(err).__name__}: {err}", ep.name))
                continue
            dist = getattr(ep, "dist", None)
            origin = f"{dist.name} {dist.version}" if dist is not None else "entry point"
            self._register(ep.name, plugin, f"{origin} ({ep.value})")

    def _register(self, name: str, plugin: Any, origin: str) -> None:
        if name in self.infos:
            self.pm.unregister(name=name)
            del self.infos[name]
        self._callers.clear()
        info = PluginInfo(name, origin, plugin)
        try:
            self.pm.register(plugin, name=name)
            info.rules = list(self._call(name, "factcheck_rules") or [])
            options = dict(self._call(name, "factcheck_options") or {})
            bad = [r.id for r in info.rules if not r.id.startswith(name + ".")]
            if bad:
                raise PluginLoadError(f"rule {bad[0]!r} must start with '{name}.'")
        except Exception as err:
            if self.pm.is_registered(plugin):
                self.pm.unregister(plugin)
            self._callers.clear()
            origin_path = origin if origin.endswith(".py") else ""
            self.problems.append(Problem("plugin", origin_path, f"not loaded: {describe_error(err)}", name))
            return
        info.options = validate_plugin_table(self.config, name, options, {r.id for r in info.rules})
        self.infos[name] = info

    def _call(self, name: str, hook: str, **kwargs: Any) -> Any:
        caller = self._callers.get((name, hook))
        if caller is None:
            plugin = self.pm.get_plugin(name)
            others = [p for p in self.pm.get_plugins() if p is not plugin]
            caller = self._callers[(name, hook)] = self.pm.subset_hook_caller(hook, remove_plugins=others)
        results = caller(**kwargs)
        if not results:
            return None
        return results[0]

    # -- what the pipeline uses -------------------------------------------------------------

    def checkers(self) -> list[PluginInfo]:
        return [info for name, info in sorted(self.infos.items())
                if info.is_checker and name not in self.disabled]

    def context(self, name: str, documents: Sequence[Document] = (),
                aligner: Optional[Aligner] = None) -> PluginContext:
        """`aligner`: the run's Aligner over `documents`, when made already (context.aligner)."""
        info = self.infos[name]
        return PluginContext(name, info.options, info.rules, severity_overrides(self.config, name),
                             self.aliases, documents, aligner)

    def call(self, name: str, hook: str, **kwargs: Any) -> list:
        """Call one plugin's hook; its result as a list."""
        return list(self._call(name, hook, **kwargs) or [])

    def takes(self, name: str, hook: str, argument: str) -> bool:
        """Does plugin `name`'s `hook` name `argument`? (pluggy passes a hook function only the
        arguments it names, so what it does not name need not be computed.)"""
        plugin = self.pm.get_plugin(name)
        return any(argument in impl.argnames or argument in impl.kwargnames
                   for impl in getattr(self.pm.hook, hook).get_hookimpls() if impl.plugin is plugin)

    def rules(self) -> dict[str, Rule]:
        return {rule.id: rule for info in self.infos.values() for rule in info.rules}

    def loaders(self) -> dict[str, Loader]:
        by_suffix: dict[str, Loader] = {}
        for loaders in reversed(self.pm.hook.factcheck_loaders()):  # pluggy: last registered first
            for loader in loaders:
                for suffix in loader.suffixes:
                    by_suffix[suffix.lower()] = loader
        return by_suffix

    def formats(self) -> dict[str, Format]:
        result: dict[str, Format] = {}
        for formats in reversed(self.pm.hook.factcheck_formats()):
            for fmt in formats:
                result[fmt.name] = fmt
        return result


def describe_error(err: BaseException) -> str:
    """One line: the exception and the innermost frame of plugin code."""
    frames = traceback.extract_tb(err.__traceback__)
    where = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    return f"{type(err).__name__}: {err}{where}"
