"""Built-in document loader: .txt and .md articles with optional TOML front matter.

    +++
    title = "NATO chief wants firmer ties with Japan"
    outlet = "AP"
    published = 2023-02-01
    +++
    Article text ...

Registered through the `factcheck` entry-point group like any plugin; other loaders (HTML,
JSON) plug in through the same `factcheck_loaders` hook.
"""
from __future__ import annotations

import re

import pluggy

from .model import Loader, Source

hookimpl = pluggy.HookimplMarker("factcheck")

FRONT_MATTER = re.compile(r"\A\ufeff?\+\+\+[ \t]*\r?\n(.*?)\r?\n\+\+\+[ \t]*(?:\r?\n|\Z)", re.S)
META_KEYS = ("title", "outlet", "url", "published")


class LoadError(Exception):
    """Why a file is skipped; str() is the reason shown after the file's name."""


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes) -> str:
    """Text of a file: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252/Latin-1.

    Raises LoadError for empty, binary (NUL bytes without a UTF-16 BOM) or undecodable data.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as err:
                raise LoadError(f"undecodable {codec} text (byte {err.start})") from None
            break
    else:
        if b"\x00" in data[:8192]:
            raise LoadError("binary file (NUL bytes)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as err:
                raise LoadError(f"undecodable: neither UTF-8 nor Windows-1252 (byte {err.start})") from None
    if _CONTROL.search(text[:8192]):
        raise LoadError("binary file (control characters)")
    if not text.strip():
        raise LoadError("empty file")
    return text.lstrip("\ufeff")


def read_front_matter(text: str) -> tuple[dict, int]:
    """(metadata, offset where the body starts); ({}, 0) when there is no front matter."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    from .config import publication_meta, tomllib

    try:
        meta = tomllib.loads(match.group(1))
    except tomllib.TOMLDecodeError as err:
        line = re.search(r"at line (\d+)", str(err))
        where = f" at line {int(line.group(1)) + 1}" if line else ""
        raise LoadError(f"invalid front matter{where}: {str(err).split(' (at line')[0]}") from None
    if "published" in meta:
        try:
            meta.update(publication_meta(meta["published"]))
        except ValueError as err:
            raise LoadError(f"front matter 'published': {err}") from None
    return {k: v for k, v in meta.items() if k in META_KEYS or k == "published_time"}, match.end()


def load_text(path: str, data: bytes) -> list[Source]:
    text = decode(data)
    meta, body_start = read_front_matter(text)
    if not text[body_start:].strip():
        raise LoadError("no article text")
    return [Source(path, text, meta, body_start)]


def _record_source(path: str, record: object, where: str) -> Source:
    if not isinstance(record, dict):
        raise LoadError(f"{where}: expected an object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise LoadError(f"{where}: no 'text' field with article text")
    meta = {k: record[k] for k in META_KEYS if record.get(k) is not None}
    if "published" in meta:
        from .config import publication_meta

        try:
            meta.update(publication_meta(meta["published"]))
        except ValueError as err:
            raise LoadError(f"{where}: 'published': {err}") from None
    if not where:
        return Source(path, text, meta, 0)
    name = record.get("id") or where.split(" ")[-1]
    return Source(f"{path}#{name}", text, meta, 0)


def load_json(path: str, data: bytes) -> list[Source]:
    """A .json file: one article object, or a list of them ({text, title, outlet, url, published})."""
    import json

    try:
        value = json.loads(decode(data))
    except ValueError as err:
        raise LoadError(f"invalid JSON: {err}") from None
    if isinstance(value, dict):
        return [_record_source(path, value, "")]
    if isinstance(value, list):
        return [_record_source(path, item, f"item {i}") for i, item in enumerate(value)]
    raise LoadError("expected an article object or a list of them")


def load_jsonl(path: str, data: bytes) -> list[Source]:
    """A .jsonl file: one article object per line."""
    import json

    sources = []
    for number, line in enumerate(decode(data).splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as err:
            raise LoadError(f"line {number}: invalid JSON: {err}") from None
        sources.append(_record_source(path, record, f"line {number}"))
    return sources


@hookimpl
def factcheck_loaders():
    return [
        Loader("text", (".txt", ".md"), load_text),
        Loader("json", (".json",), load_json),
        Loader("jsonl", (".jsonl",), load_jsonl),
        Loader("html", (".html", ".htm"), load_html),
    ]


def load_html(path: str, data: bytes) -> list[Source]:
    from .html_input import load_html as load

    return load(path, data)
