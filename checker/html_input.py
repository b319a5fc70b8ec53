"""`.html` / `.htm` articles: main text and metadata through trafilatura (extra `html`).

trafilatura drops navigation, ads, related links and footers, and reads the title, site name
(outlet), canonical URL and publication date from meta tags and JSON-LD. The published date is
taken from the page's metadata only (no guessing from the text). Lines and columns of findings
in an HTML article are those of its extracted text (one paragraph per block, blank-line
separated), which the HTML report shows.
"""
from __future__ import annotations

import codecs
import re

from .loaders import LoadError, decode
from .model import Source

_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)


def _html_text(data: bytes) -> str:
    """decode(), but a charset the page declares wins over the Windows-1252 fallback."""
    declared = _CHARSET.search(data[:4096])
    if declared:
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii")).name
        except LookupError:
            codec = None
        if codec and codec not in ("utf-8", "utf-16"):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                pass
    return decode(data)


def load_html(path: str, data: bytes) -> list[Source]:
    try:
        import trafilatura
    except ImportError:
        raise LoadError("HTML input needs trafilatura: pip install 'factcheck[html]'") from None
    from .config import parse_date

    html = _html_text(data)
    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as err:  # the library's parser on malformed input
        raise LoadError(f"unreadable HTML: {type(err).__name__}: {err}") from None
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise LoadError("no article text found in the HTML")
    body = "\n\n".join(line.strip() for line in text.splitlines() if line.strip()) + "\n"
    meta = {}
    for key, attr in (("title", "title"), ("outlet", "sitename"), ("url", "url"), ("published", "date")):
        value = getattr(doc, attr, None)
        if value:
            meta[key] = value
    if "published" in meta:
        try:
            meta["published"] = parse_date(meta["published"])
        except ValueError:
            del meta["published"]
    return [Source(path, body, meta, 0)]
