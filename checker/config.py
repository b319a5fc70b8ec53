"""rules.toml: reading, validating (file:line:column on every error) and the built-in defaults.

    [factcheck]            plugins = [...], fail_on = "warning", abbreviations = [...]
    [factcheck.dask]       scheduler = "tcp://HOST:PORT", retries = 2   (factcheck corpus)
    [plugins.NAME]         enabled = true, <the plugin's options>, [plugins.NAME.severity]
    [aliases]              "United States" = ["US", "U.S.", "America"]
    [sources."FILE"]       title, outlet, url, published
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Optional

try:
    import tomllib  # Python 3.11+
except ImportError:  # pragma: no cover - Python < 3.11
    import tomli as tomllib

from .model import SEVERITIES

FAIL_LEVELS = SEVERITIES + ("never",)

DEFAULT_ALIASES: dict[str, list[str]] = {
    "United States": ["US", "U.S.", "USA", "U.S.A.", "America", "Washington"],
    "United Kingdom": ["UK", "U.K.", "Britain", "Great Britain", "London"],
    "North Korea": ["Pyongyang", "DPRK", "Democratic People's Republic of Korea"],
    "South Korea": ["Seoul", "Republic of Korea", "ROK"],
    "Japan": ["Tokyo"],
    "China": ["Beijing", "PRC", "People's Republic of China"],
    "Russia": ["Moscow", "Kremlin", "Russian Federation"],
    "Ukraine": ["Kyiv", "Kiev"],
    "European Union": ["EU", "E.U."],
    "United Nations": ["UN", "U.N."],
    "NATO": ["North Atlantic Treaty Organization", "the alliance"],
}

_SOURCE_KEYS = {"title": str, "outlet": str, "url": str, "published": (dt.date, str)}
_FACTCHECK_KEYS = {"plugins": list, "fail_on": str, "abbreviations": list, "dask": dict}
_DASK_KEYS = {"scheduler": str, "retries": int}
_SCHEDULER_RE = re.compile(r"^[a-z][a-z0-9+.-]*://\S+$")


class ConfigError(Exception):
    """A problem with rules.toml; str() is the one-line message with file:line:column."""


_ALIAS_SPACE = re.compile(r"[\s\-]+")


@lru_cache(maxsize=65536)  # pure, asked about the same words again and again
def normal_alias(text: str) -> str:
    """'U.S.' -> 'us', 'the  Kremlin' -> 'the kremlin'."""
    text = text.replace("\u2019", "'").casefold().replace(".", "")
    return _ALIAS_SPACE.sub(" ", text).strip()


class Aliases:
    """Names of one entity: canonical("U.S.") == canonical("America") == "united states"."""

    def __init__(self, table: Mapping[str, list[str]]) -> None:
        self._canon: dict[str, str] = {}
        self._spellings: dict[str, list[str]] = {}
        for name, others in table.items():
            canon = normal_alias(name)
            self._canon[canon] = canon
            self._spellings.setdefault(canon, []).append(name)
            for other in others:
                self._canon[normal_alias(other)] = canon
                self._spellings.setdefault(normal_alias(other), []).append(other)
        # short acronyms ("US", "UN", "EU") are names only in capitals: "us" and "Un" are not
        self._caps_only = {key for key, spellings in self._spellings.items()
                           if all(_short_acronym(s) for s in spellings)}

    def canonical(self, name: str) -> str:
        key = normal_alias(name)
        if key.startswith("the "):
            key = self._canon.get(key, key[4:])
        return self._canon.get(key, key)

    def same(self, a: str, b: str) -> bool:
        return self.canonical(a) == self.canonical(b)

    def known(self, name: str) -> bool:
        """Is `name` in the table? Case-aware for short acronyms: known("US") but not "us"."""
        key = normal_alias(name)
        if key not in self._canon:
            return False
        return key not in self._caps_only or _short_acronym(name)


def _short_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 0 < len(letters) <= 3 and all(c.isupper() for c in letters)


@dataclass
class Config:
    path: Optional[str] = None
    text: str = ""
    fail_on: str = "warning"
    plugin_paths: list[str] = field(default_factory=list)
    abbreviations: list[str] = field(default_factory=list)
    plugins: dict[str, dict[str, Any]] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=lambda: {k: list(v) for k, v in DEFAULT_ALIASES.items()})
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    dask: dict[str, Any] = field(default_factory=dict)

    def error(self, table: tuple[str, ...], key: Optional[str], message: str) -> ConfigError:
        line, col = locate(self.text, table, key)
        where = ".".join(table + ((key,) if key else ()))
        return ConfigError(f"{self.path}:{line}:{col}: {where}: {message}")

    def alias_table(self) -> Aliases:
        return Aliases(self.aliases)

    def source_meta(self, path: str) -> dict[str, Any]:
        """Metadata from [sources."FILE"]: matched by the path as given, or by the file name."""
        name = path.replace("\\", "/").rsplit("/", 1)[-1]
        for key, meta in self.sources.items():
            if key == path or key.replace("\\", "/").rsplit("/", 1)[-1] == name:
                return dict(meta)
        return {}


_HEADER = re.compile(r"^\s*\[\[?\s*(.+?)\s*\]\]?\s*(?:#.*)?$")


def _split_dotted(key: str) -> tuple[str, ...]:
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([A-Za-z0-9_\-]+)', key)
    return tuple(a or b or c for a, b, c in parts)


def locate(text: str, table: tuple[str, ...], key: Optional[str]) -> tuple[int, int]:
    """Best-effort line and column of `key` in `[table]` (or of the table header)."""
    current: tuple[str, ...] = ()
    header_pos = (1, 1)
    found_table = not table
    for number, line in enumerate(text.splitlines(), 1):
        match = _HEADER.match(line)
        if match and not line.lstrip().startswith("#"):
            current = _split_dotted(match.group(1))
            if current == table:
                header_pos = (number, line.index("[") + 1)
                found_table = True
            continue
        if key is None:
            continue
        # key in its table, or as a dotted key / inline table of a parent table
        for depth in range(len(table), -1, -1):
            if current != table[:depth]:
                continue
            rest = table[depth:] + (key,)
            pattern = r"\s*\.\s*".join(r"(?:\"%s\"|'%s'|%s)" % ((re.escape(p),) * 3) for p in rest)
            m = re.match(r"^\s*(" + pattern + r")\s*=", line)
            if m:
                return number, m.start(1) + 1
            if depth < len(table) and re.match(r"^\s*" + re.escape(table[depth]) + r"\s*=", line):
                col = line.find(key)
                if col >= 0:
                    return number, col + 1
    if found_table:
        return header_pos
    return 1, 1


def _check_type(config: Config, table: tuple[str, ...], key: str, value: Any, expected: Any) -> None:
    types = expected if isinstance(expected, tuple) else (expected,)
    if bool in types and not isinstance(value, bool) or bool not in types and isinstance(value, bool):
        ok = False
    else:
        ok = isinstance(value, types) or (float in types and isinstance(value, int))
    if not ok:
        names = " or ".join(t.__name__ for t in types)
        raise config.error(table, key, f"expected {names}, got {type(value).__name__} {value!r}")


def parse_config(text: str, path: str = "rules.toml") -> Config:
    """Parse and check the parts of rules.toml that do not depend on which plugins are loaded."""
    config = Config(path=path, text=text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        msg = str(err)
        m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
        line, col = (m.group(1), m.group(2)) if m else ("1", "1")
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", msg)
        raise ConfigError(f"{path}:{line}:{col}: invalid TOML: {msg}") from None
    for key in data:
        if key not in ("factcheck", "plugins", "aliases", "sources"):
            raise config.error((), key, "unknown table (expected factcheck, plugins, aliases, sources)")
        if not isinstance(data[key], dict):
            raise config.error((), key, "must be a table")
    core = data.get("factcheck", {})
    for key, value in core.items():
        if key not in _FACTCHECK_KEYS:
            raise config.error(("factcheck",), key, f"unknown key (expected one of {', '.join(_FACTCHECK_KEYS)})")
        _check_type(config, ("factcheck",), key, value, _FACTCHECK_KEYS[key])
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise config.error(("factcheck",), key, "expected a list of strings")
    if "fail_on" in core:
        if core["fail_on"] not in FAIL_LEVELS:
            raise config.error(("factcheck",), "fail_on", f"must be one of {', '.join(FAIL_LEVELS)}")
        config.fail_on = core["fail_on"]
    base = Path(path).parent
    config.plugin_paths = [str(base / p) for p in core.get("plugins", [])]
    config.abbreviations = list(core.get("abbreviations", []))
    for key, value in core.get("dask", {}).items():
        if key not in _DASK_KEYS:
            raise config.error(("factcheck", "dask"), key, f"unknown key (expected one of {', '.join(_DASK_KEYS)})")
        _check_type(config, ("factcheck", "dask"), key, value, _DASK_KEYS[key])
        if key == "scheduler" and not _SCHEDULER_RE.match(value):
            raise config.error(("factcheck", "dask"), key, f"expected a scheduler address like tcp://HOST:PORT, got {value!r}")
        if key == "retries" and value < 0:
            raise config.error(("factcheck", "dask"), key, f"must be 0 or more, got {value}")
        config.dask[key] = value
    for name, table in data.get("plugins", {}).items():
        if not isinstance(table, dict):
            raise config.error(("plugins",), name, "must be a table")
        config.plugins[name] = table
    for name, others in data.get("aliases", {}).items():
        if isinstance(others, str):
            others = [others]
        if not isinstance(others, list) or not all(isinstance(o, str) for o in others):
            raise config.error(("aliases",), name, "expected a list of strings")
        config.aliases[name] = config.aliases.get(name, []) + others
    for name, meta in data.get("sources", {}).items():
        if not isinstance(meta, dict):
            raise config.error(("sources",), name, "must be a table")
        for key, value in meta.items():
            if key not in _SOURCE_KEYS:
                raise config.error(("sources", name), key, f"unknown key (expected one of {', '.join(_SOURCE_KEYS)})")
            _check_type(config, ("sources", name), key, value, _SOURCE_KEYS[key])
        if "published" in meta:
            try:
                meta.update(publication_meta(meta["published"]))
            except ValueError as err:
                raise config.error(("sources", name), "published", str(err)) from None
        config.sources[name] = meta
    return config


def parse_date(value: Any) -> dt.date:
    """A TOML date or datetime, or an ISO 'YYYY-MM-DD' string."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise ValueError(f"expected a date like 2023-02-01, got {value!r}") from None


def publication_meta(value: Any) -> dict[str, Any]:
    """`published` and, when the value has a time of day, `published_time`: a TOML datetime, or
    an ISO string 'YYYY-MM-DD', 'YYYY-MM-DDTHH:MM' or 'YYYY-MM-DD HH:MM[:SS]'."""
    meta: dict[str, Any] = {"published": parse_date(value)}
    if isinstance(value, dt.datetime):
        meta["published_time"] = value.time().replace(tzinfo=None)
    elif isinstance(value, str) and len(value.strip()) > 10:
        try:
            meta["published_time"] = dt.datetime.fromisoformat(value.strip()).time().replace(tzinfo=None)
        except ValueError:
            pass  # a date with something else after it: the date alone, as parse_date reads it
    return meta


def merge_source_meta(base: dict[str, Any], own: dict[str, Any], published: Any = None) -> dict[str, Any]:
    """A source's metadata: rules.toml's `base`, then the file's `own`, then a `published` override
    (the command line); a publication date set later never keeps an earlier one's time."""
    meta = {**base, **own}
    if "published" in own and "published_time" not in own:
        meta.pop("published_time", None)
    if published is not None:
        meta.pop("published_time", None)
        meta.update(publication_meta(published))
    return meta


def load_config(path: Optional[str]) -> Config:
    """rules.toml at `path`; with None, ./rules.toml where present, else the built-in defaults."""
    if path is None:
        if not Path("rules.toml").is_file():
            return Config()
        path = "rules.toml"
    try:
        raw = Path(path).read_bytes()
    except OSError as err:
        raise ConfigError(f"{path}: cannot read configuration: {err.strerror or err}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ConfigError(f"{path}: not UTF-8 text (byte {err.start})") from None
    return parse_config(text, path)


def validate_plugin_table(config: Config, name: str, options: Mapping[str, Any],
                          rule_ids: set[str]) -> dict[str, Any]:
    """Check [plugins.NAME] against the plugin's declared options and rules; return its options."""
    table = config.plugins.get(name, {})
    merged = dict(options)
    for key, value in table.items():
        if key == "enabled":
            _check_type(config, ("plugins", name), key, value, bool)
        elif key == "severity":
            if not isinstance(value, dict):
                raise config.error(("plugins", name), key, "must be a table of rule = severity")
            for rule, level in value.items():
                full = rule if "." in rule else f"{name}.{rule}"
                if full not in rule_ids:
                    known = ", ".join(sorted(r.split(".", 1)[1] for r in rule_ids)) or "none"
                    raise config.error(("plugins", name, "severity"), rule, f"unknown rule (plugin {name} has: {known})")
                if level not in SEVERITIES + ("off",):
                    raise config.error(("plugins", name, "severity"), rule, f"severity must be one of {', '.join(SEVERITIES + ('off',))}")
        elif key in options:
            _check_type(config, ("plugins", name), key, value, type(options[key]))
            merged[key] = value
        else:
            known = ", ".join(["enabled", "severity"] + sorted(options))
            raise config.error(("plugins", name), key, f"unknown key (plugin {name} accepts: {known})")
    return merged


def severity_overrides(config: Config, name: str) -> dict[str, str]:
    table = config.plugins.get(name, {}).get("severity", {})
    return {(rule if "." in rule else f"{name}.{rule}"): level for rule, level in table.items()}
