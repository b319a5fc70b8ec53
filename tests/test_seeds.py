"""End to end on the two seed articles, as an editor reads the report (see ../shared/eval/seeds)."""
import json
import subprocess
import sys

import pytest
from conftest import SEEDS, SHARED

A, B = "000_b0ea26a43b1d7dcb.txt", "001_ddb0010219a658f6.txt"


@pytest.fixture(scope="module")
def report():
    from conftest import run_cli

    result = run_cli(SEEDS, "--format", "json")
    assert result.returncode == 1, result.stderr  # a warning: exit 1 with --fail-on warning
    assert result.stderr == ""
    return json.loads(result.stdout)


def by_doc(finding):
    return {e["path"].rsplit("/", 1)[-1]: e for e in finding["evidence"]}


def test_day_of_the_intelligence_remark_is_reported_with_the_implied_source(report):
    dates = [f for f in report["findings"] if f["plugin"] == "dates"]
    assert len(dates) == 1
    finding = dates[0]
    assert finding["severity"] in ("warning", "error")
    ev = by_doc(finding)
    assert "Stoltenberg also mentioned US intelligence reports" in ev[A]["sentence"]
    assert "Stoltenberg on Sunday mentioned U.S. intelligence reports" in ev[B]["sentence"]
    assert "While in South Korea on Monday" in ev[A]["implied_from"]["sentence"]
    assert "Monday" in ev[A]["value"] and "Sunday" in ev[B]["value"]
    assert "Sunday" in finding["message"] and "Monday" in finding["message"]


def test_reworded_quote_is_reported_mildly(report):
    quotes = [f for f in report["findings"] if f["plugin"] == "quotes"]
    assert len(quotes) == 1
    assert quotes[0]["severity"] in ("info", "warning")
    ev = by_doc(quotes[0])
    assert "The war in Ukraine matters for all of us" in ev[A]["text"]
    assert "So the war in Ukraine matters for all of us" in ev[B]["text"]


def test_yoon_spelling_is_one_person_noted_as_info(report):
    names = [f for f in report["findings"] if f["plugin"] == "names"]
    assert [f["severity"] for f in names] == ["info"]
    ev = by_doc(names[0])
    assert "Yoon Suk-yeol" in ev[A]["text"] and "Yoon Suk Yeol" in ev[B]["text"]


def test_nothing_else_at_warning_or_error(report):
    loud = [f for f in report["findings"] if f["severity"] != "info"]
    assert [f["rule"] for f in loud] == ["dates.weekday-conflict"]
    assert not [f for f in report["findings"] if f["plugin"] == "numbers"]


@pytest.mark.skipif(not (SHARED / "tools" / "score_findings.py").exists(), reason="../shared not present")
def test_answer_key_scores_full_marks(report, tmp_path):
    path = tmp_path / "r.json"
    path.write_text(json.dumps(report))
    result = subprocess.run([sys.executable, str(SHARED / "tools" / "score_findings.py"),
                             str(SHARED / "eval" / "seeds" / "EXPECTED.toml"), str(path)],
                            capture_output=True, text=True)
    last = result.stdout.strip().splitlines()[-1]
    assert "must 1/1" in last and "recall 1.00" in last and "false+ 0" in last, result.stdout
    assert result.returncode == 0


def test_table_shows_the_implied_sentence():
    from conftest import run_cli

    out = run_cli(SEEDS).stdout
    assert "WARNING" in out and "dates.weekday-conflict" in out
    assert "(implied from line" in out


def test_readme_shows_the_real_table_for_the_seeds():
    from conftest import ROOT, run_cli

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = readme.split("The output, verbatim:\n\n```\n", 1)[1].split("```", 1)[0]
    result = run_cli("seeds/", cwd=ROOT)
    assert result.stdout == shown
