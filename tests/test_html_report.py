"""--format html: escaping of article text, and the seeds' report rendered in headless Chromium."""
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import SEEDS

CHROMIUM = shutil.which("chromium") or (Path("/usr/bin/chromium").is_file() and "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def test_article_markup_renders_as_text(cli, tmp_path):
    (tmp_path / "a.txt").write_text('The mayor spoke on Monday. <script>alert(1)</script> '
                                    '<img src=x onerror="alert(2)"> The vote was held on 3 May 2021.')
    (tmp_path / "b.txt").write_text("The vote was held on 4 May 2021, officials said.")
    result = cli(tmp_path, "--format", "html", "--fail-on", "never")
    page = result.stdout
    assert result.returncode == 0 and page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in page
    assert "http" not in page.replace("http-equiv", "")  # nothing fetched from anywhere
    # the disagreeing dates are marked, in the finding and in the document view, linked both ways
    marks = re.findall(r'<mark class="sev-(\w+)"[^>]*>([^<]*)</mark>', page)
    assert any("3 May 2021" in text for _, text in marks) and any("4 May 2021" in text for _, text in marks)
    for link in re.findall(r'<a href="#(f\d+-e\d+)"', page):
        assert f'id="{link}"' in page


def test_the_changed_words_of_a_quotation_are_emphasised_inside_its_mark(cli, tmp_path):
    (tmp_path / "a.txt").write_text("“The levee will hold through the night,” Mayor Rosa Marsh said.")
    (tmp_path / "b.txt").write_text("“The levee should hold through the night,” Mayor Rosa Marsh said.")
    page = cli(tmp_path, "--format", "html", "--fail-on", "never").stdout
    assert "words: -will +should" in page
    marked = re.findall(r'<mark class="sev-warning">(.*?)</mark>', page)
    assert 'The levee <strong class="changed">will</strong> hold through the night' in marked
    assert 'The levee <strong class="changed">should</strong> hold through the night' in marked


def _chromium(*args, page):
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
                              capture_output=True, text=True, timeout=90)


@pytest.mark.skipif(not CHROMIUM, reason="chromium is not installed (.ci/run installs it with apt-get when it can)")
def test_seeds_report_in_headless_chromium(cli, tmp_path):
    page = tmp_path / "seeds.html"
    cli(SEEDS, "--format", "html", "--output", page)
    shot = tmp_path / "seeds.png"
    _chromium(f"--screenshot={shot}", "--window-size=1200,1400", page=page)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20000
    dom = _chromium("--dump-dom", page=page).stdout
    marks = re.findall(r'<mark class="sev-(\w+)"[^>]*>([^<]*)</mark>', dom)
    assert ("warning", "on Monday") in marks and ("warning", "on Sunday") in marks
    assert ("info", "Yoon Suk-yeol") in marks and ("info", "Yoon Suk Yeol") in marks
    assert "factcheck report" in dom and "<script" not in dom
