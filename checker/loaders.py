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


def decode(data: bytes) -> str:
    if not data.strip():
        raise LoadError("empty file")
    if b"\x00" in data[:8192]:
        raise LoadError("binary file (NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise LoadError(f"not UTF-8 text (undecodable byte at offset {err.start})") from None


def read_front_matter(text: str) -> tuple[dict, int]:
    """(metadata, offset where the body starts); ({}, 0) when there is no front matter."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    from .config import parse_date, tomllib

    try:
        meta = tomllib.loads(match.group(1))
    except tomllib.TOMLDecodeError as err:
        line = re.search(r"at line (\d+)", str(err))
        where = f" at line {int(line.group(1)) + 1}" if line else ""
        raise LoadError(f"invalid front matter{where}: {str(err).split(' (at line')[0]}") from None
    if "published" in meta:
        try:
            meta["published"] = parse_date(meta["published"])
        except ValueError as err:
            raise LoadError(f"front matter 'published': {err}") from None
    return {k: v for k, v in meta.items() if k in META_KEYS}, match.end()


def load_text(path: str, data: bytes) -> list[Source]:
    text = decode(data)
    meta, body_start = read_front_matter(text)
    if not text[body_start:].strip():
        raise LoadError("no article text")
    return [Source(path, text, meta, body_start)]


@hookimpl
def factcheck_loaders():
    return [Loader("text", (".txt", ".md"), load_text)]
