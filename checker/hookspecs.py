"""Every hook a factcheck plugin can implement. This module is the plugin author's reference.

A plugin is a module (or object) with functions decorated by ``@factcheck.hookimpl`` whose names
are the hook names below. Implement only the hooks you need; a hook implementation may accept any
subset of the arguments listed (pluggy passes them by name).

Order of a run:

1. ``factcheck_loaders`` once, then every file is read by the loader for its suffix.
2. ``factcheck_rules`` and ``factcheck_options`` once per plugin, when the plugin is loaded
   (rules.toml is validated against them).
3. ``factcheck_extract`` once per plugin and document.
4. The core aligns each plugin's claims across documents.
5. ``factcheck_compare`` once per plugin, with that plugin's claims and aligned pairs.
6. ``factcheck_formats`` once, and the chosen format renders the report.

The core calls ``factcheck_extract`` and ``factcheck_compare`` for one plugin at a time: a plugin
only ever sees its own claims, and a plugin that raises is reported (plugin, file, error) while
the others go on.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping, Sequence

import pluggy

hookspec = pluggy.HookspecMarker("factcheck")


@hookspec
def factcheck_rules() -> Sequence["Rule"]:
    """The rules this plugin can report.

    Returns a list of :class:`factcheck.Rule` (id ``<plugin>.<rule>`` in kebab case, default
    severity, summary, explanation, example). Called once when the plugin loads; the ids are
    what rules.toml's ``[plugins.NAME.severity]`` table and ``factcheck explain`` accept.
    """


@hookspec
def factcheck_options() -> Mapping[str, Any]:
    """The plugin's settings and their defaults, e.g. ``{"min_similarity": 0.35}``.

    Called once when the plugin loads. rules.toml's ``[plugins.NAME]`` table may set exactly
    these keys (plus ``enabled`` and ``severity``), with values of the default's type; the
    merged values reach the plugin as ``context.options``.
    """


@hookspec
def factcheck_extract(document: "Document", context: "PluginContext") -> Iterable["Claim"]:
    """The claims of one document.

    ``document`` is segmented (``document.sentences``, each with ``clauses``, ``paragraph``,
    ``line``/``column``; offsets index ``document.text``). Build claims with
    ``context.claim(...)``, which fills in the plugin name and document. Called once per
    document, in sorted path order. Not firstresult: each plugin returns its own list.
    """


@hookspec
def factcheck_compare(pairs: Sequence["ClaimPair"], claims: Sequence["Claim"],
                      context: "PluginContext") -> Iterable["Finding"]:
    """The findings among this plugin's claims.

    ``pairs`` are claims of different documents whose contexts the core aligned (with their
    ``similarity`` and ``containment``, 0-1); ``claims`` are all of this plugin's claims, for
    comparisons that need no alignment (a name spelled two ways anywhere in the story). Build
    findings with ``context.finding(rule, message, claims, confidence)``, which applies the
    rule's configured severity and drops findings of rules turned off. Called once per run.
    """


@hookspec
def factcheck_loaders() -> Sequence["Loader"]:
    """Document loaders: :class:`factcheck.Loader` (name, suffixes, load(path, data) -> Sources).

    Files whose suffix no loader claims are not read. When two loaders claim a suffix, the one
    registered last wins (a local plugin can replace a built-in loader).
    """


@hookspec
def factcheck_formats() -> Sequence["Format"]:
    """Output formats: :class:`factcheck.Format` (name, description, render(report) -> str).

    ``--format NAME`` picks one; a later registration of the same name wins.
    """
