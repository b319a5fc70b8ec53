"""`.html` articles: main text and metadata extracted by trafilatura; a broken page is skipped."""
import json
import socket

import pytest

pytest.importorskip("trafilatura", reason="HTML input is the optional extra factcheck[html]")

from factcheck.html_input import load_html  # noqa: E402

PAGE = """
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>NATO chief seeks firmer ties with Japan | Harbour Herald</title>
<meta property="og:title" content="NATO chief seeks firmer ties with Japan">
<meta property="og:site_name" content="Harbour Herald">
<meta property="og:url" content="https://harbourherald.example/world/nato-japan">
<meta property="article:published_time" content="2023-02-01T08:30:00+09:00">
<link rel="canonical" href="https://harbourherald.example/world/nato-japan">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "NATO chief seeks firmer ties with Japan",
 "datePublished": "2023-02-01T08:30:00+09:00",
 "publisher": {"@type": "Organization", "name": "Harbour Herald"},
 "author": {"@type": "Person", "name": "Mari Tanaka"}}
</script>
<script>window.dataLayer = [];</script>
<style>body { font-family: serif; }</style>
</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe now</a></li></ul></nav></header>
<div class="ad-slot" id="top-ad"><p>ADVERTISEMENT: Save 50% on your first year of Harbour Herald Premium!</p></div>
<main>
<article>
<h1>NATO chief seeks firmer ties with Japan</h1>
<p class="byline">By Mari Tanaka</p>
<p>TOKYO — NATO Secretary-General Jens Stoltenberg said on Tuesday that the Western military alliance will continue to strengthen its partnership with Japan as the war in Ukraine enters its second year.</p>
<p>“The war in Ukraine also demonstrates that our security is closely interconnected,” Stoltenberg said during a visit to the Iruma Air Base north of Tokyo, where he was shown the C-2 cargo aircraft.</p>
<p>Stoltenberg on Sunday mentioned U.S. intelligence reports accusing North Korea of providing weapons to Russia to support its war in Ukraine.</p>
<p>He met Prime Minister Fumio Kishida on Tuesday evening and was expected to leave Japan on Wednesday after talks on cyber defence and space.</p>
</article>
</main>
<aside class="related"><h2>Most read</h2><ul><li><a href="/a">Ten recipes for a winter picnic</a></li><li><a href="/b">Stocks slide as bond yields climb</a></li></ul></aside>
<footer><p>© 2023 Harbour Herald. All rights reserved.</p><p><a href="/privacy">Privacy policy</a> · <a href="/cookies">Cookie settings</a></p></footer>
</body>
</html>
"""
OTHER = ("Stoltenberg on Monday mentioned U.S. intelligence reports accusing North Korea of "
         "providing weapons to Russia to support its war in Ukraine.\n")


def test_main_text_and_metadata_without_network(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("network access during extraction")

    monkeypatch.setattr(socket, "socket", no_network)
    (source,) = load_html("story.html", PAGE.encode("utf-8"))
    assert source.meta == {
        "title": "NATO chief seeks firmer ties with Japan", "outlet": "Harbour Herald",
        "url": "https://harbourherald.example/world/nato-japan",
        "published": __import__("datetime").date(2023, 2, 1),
    }
    text = source.text
    assert "TOKYO — NATO Secretary-General Jens Stoltenberg said on Tuesday" in text
    assert "Stoltenberg on Sunday mentioned U.S. intelligence reports" in text
    for boilerplate in ("Subscribe now", "ADVERTISEMENT", "Ten recipes", "All rights reserved",
                        "Cookie settings", "dataLayer", "font-family", "@context"):
        assert boilerplate not in text
    # one paragraph per block, blank-line separated
    assert "\n\nStoltenberg on Sunday mentioned" in text


def test_html_story_checked_and_broken_page_skipped(cli, tmp_path):
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER)
    (tmp_path / "broken.htm").write_bytes(b"<html><head><title>x</title></head><body><div class='nav'></div>")
    result = cli(tmp_path, "--format", "json")
    assert result.returncode == 2  # a skipped file
    warnings = [line for line in result.stderr.splitlines() if line]
    assert warnings == [f"factcheck: warning: {tmp_path}/broken.htm: skipped: no article text found in the HTML"]
    report = json.loads(result.stdout)
    assert [d["path"].rsplit("/", 1)[1] for d in report["documents"]] == ["a.html", "b.txt"]
    assert report["documents"][0]["outlet"] == "Harbour Herald"
    (finding,) = [f for f in report["findings"] if f["rule"] == "dates.weekday-conflict"]
    assert sorted(e["value"] for e in finding["evidence"]) == ["Monday", "Sunday"]
