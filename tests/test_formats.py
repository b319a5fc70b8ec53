"""SARIF, GitHub annotations and baselines, on a tiny plugin so that the format is what is tested."""
import json

from conftest import ROOT, SEEDS

PLACES = ROOT / "examples" / "places.py"
TEXTS = {
    "a.txt": "Intro line.\n\nThe minister toured the Kamisu Research Station north of Mito on Friday.",
    "b.txt": "On Friday the minister toured Kamisu Research Station, southeast of Mito.",
}


def story(tmp_path, texts=TEXTS):
    for name, text in texts.items():
        (tmp_path / name).write_text(text)
    return tmp_path


def test_sarif_has_the_required_structure(cli, tmp_path):
    result = cli(story(tmp_path), "--plugin", PLACES, "--format", "sarif", "--disable", "dates",
                 "--disable", "numbers", "--disable", "names", "--disable", "quotes")
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "factcheck"
    assert [r["id"] for r in driver["rules"]] == ["places.direction-conflict"]
    (res,) = run["results"]
    assert res["ruleId"] == "places.direction-conflict" and res["level"] == "note"
    assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
    assert res["message"]["text"]
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"].endswith("a.txt")
    assert (loc["region"]["startLine"], loc["region"]["startColumn"]) == (3, 49)
    related = res["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"].endswith("b.txt") and related["region"]["startLine"] == 1


def test_github_annotations(cli, tmp_path):
    result = cli(story(tmp_path), "--plugin", PLACES, "--format", "github", "-p", "no:dates",
                 "-p", "no:numbers", "-p", "no:names", "-p", "no:quotes")
    (line,) = result.stdout.splitlines()
    assert line.startswith(f"::notice file={tmp_path}/a.txt,line=3,col=49,title=places.direction-conflict::")
    assert "southeast of Mito" in line


def test_baseline_hides_known_findings_even_when_lines_move(cli, tmp_path):
    folder = story(tmp_path)
    baseline = tmp_path / "baseline.json"
    args = ["--plugin", PLACES, "--format", "json", "--fail-on", "info"]
    first = cli(folder, *args, "--write-baseline", baseline)
    assert first.returncode == 1 and len(json.loads(first.stdout)["findings"]) == 1
    # move the sentence down two lines: still the same finding
    (folder / "a.txt").write_text("Intro line.\n\nAnother paragraph.\n\n" + TEXTS["a.txt"].split("\n\n")[1])
    again = cli(folder, *args, "--baseline", baseline)
    report = json.loads(again.stdout)
    assert again.returncode == 0 and report["findings"] == []
    assert "1 finding already in the baseline not shown" in report["notes"]
    # a new disagreement is still reported
    (folder / "c.txt").write_text("The minister toured the Kamisu Research Station west of Mito.")
    new = json.loads(cli(folder, *args, "--baseline", baseline).stdout)["findings"]
    assert new and all("west of Mito" in json.dumps(f) for f in new)


def test_bad_baseline_file_is_an_input_error(cli, tmp_path):
    folder = story(tmp_path)
    (tmp_path / "bad.json").write_text("{not json")
    result = cli(folder, "--baseline", tmp_path / "bad.json")
    assert result.returncode == 2 and "bad.json: not a baseline file" in result.stderr


def test_table_grid_rows_are_tabulates():
    """The table's evidence rows are drawn without tabulate for plain text; the same grid."""
    import random

    from tabulate import tabulate

    from factcheck.formats import _grid_row

    rows = [["a"], [""], [" "], ["\n"], ["", "\n"], ["a\nbb  x\n", " lead\ntrail "], ["1.5", "nan"],
            ["x", "", "y\nz"], ["“Quoted” — é»", "path.txt:1:2\nvalue: 3"]]
    rng = random.Random(6)
    alphabet = "ab XY09.,:;'\"-»“”’é—\n"
    rows += [["".join(rng.choice(alphabet) for _ in range(rng.randrange(30))) for _ in range(rng.randrange(1, 4))]
             for _ in range(2000)]
    for row in rows:
        assert _grid_row(row) == tabulate([row], tablefmt="grid", disable_numparse=True), row


def test_table_wraps_as_textwrap():
    """A cell's one-word lines (path:line:column, hyphens too) are cut without textwrap; the
    same lines."""
    import random
    import textwrap

    from factcheck.formats import _wrap

    rng = random.Random(7)
    alphabet = "ab/:._09é\u00a0\u2009 \t-—"
    texts = ["", " ", "a", "-", "a-b", "/tmp/x/ecbplus_0000.txt:1:109", "/tmp/factcheck-bench-x/a.txt:2:3"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(120))) for _ in range(3000)]
    words = "ab/:._09é-"  # one word: letters, digits, hyphens (textwrap's chunks at hyphens)
    texts += ["".join(rng.choice(words) for _ in range(rng.randrange(1, 120))) for _ in range(3000)]
    texts += ["/tmp/factcheck-callgrind-" + "".join(rng.choice(words) for _ in range(rng.randrange(30)))
              + "/ecbplus/ecbplus_0001.txt:12:3" for _ in range(500)]
    for text in texts:
        for width in (1, 7, 45, 96):
            assert list(_wrap(text, width)) == textwrap.wrap(text, width), (text, width)


def test_table_shows_a_sentence_repeated_by_copies_once_and_says_where_else_it_is(cli, tmp_path):
    """Four copies tell the seeds' sentence with Sunday, a fifth with Monday: the table has one
    box per distinct sentence, the copies by place under it; the JSON keeps every evidence. (Up
    to four pieces of evidence, each has its box: see the README's review example.)"""
    sentence = ("Stoltenberg on {} mentioned U.S. intelligence reports accusing North Korea of "
                "providing weapons to Russia to support its war in Ukraine.\n")
    texts = {f"{name}.txt": "NATO chief in Seoul\n\n" + sentence.format(day)
             for name, day in zip("abcde", ["Sunday"] * 3 + ["Monday", "Sunday"])}
    (tmp_path / "s").mkdir()
    story(tmp_path / "s", texts)
    table = cli("s", cwd=tmp_path).stdout
    assert "dates.weekday-conflict" in table
    assert table.count("»on Sunday«") == 1 and table.count("»on Monday«") == 1
    assert "| s/a.txt:3:13 " in table and "| (and 3 more, below) " in table
    assert "\n   left box also in: s/b.txt:3:13, s/c.txt:3:13, s/e.txt:3:13\n" in table
    evidence = json.loads(cli("s", "--format", "json", cwd=tmp_path).stdout)["findings"][0]["evidence"]
    assert sorted(e["path"].rsplit("/", 1)[1] for e in evidence) == ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"]


def test_table_wrapper_gives_textwraps_lines():
    """The table's wrapper splits at whitespace before running textwrap's word splitter on words
    with hyphens: the same lines as textwrap.wrap, on the seeds' text and on random text."""
    import random
    import textwrap

    from factcheck.formats import _wrapper

    texts = [line for path in sorted(SEEDS.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
    rng = random.Random(11)
    alphabet = "abcXYZé9 -----\t\n.,!?'\"&/:;()\u00a0\u2009\u2014"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(200))) for _ in range(4000)]
    words = ["first-degree", "re-elected", "--", "---", "a--b", "-x", "x-", "e-mail", "2-1", "ab-cd-ef",
             "--word", "word--", "Jae-in", "U.S.-led", "’s", "co-founder", "a-b-c-d", "Lt.-Gen.", "-"]
    texts += [" ".join(rng.choice(words + ["the", "x", "long" * 5]) for _ in range(rng.randrange(40)))
              for _ in range(2000)]
    for text in texts:
        for width, indent in ((7, ""), (45, ""), (96, ""), (100, "   "), (12, "  ")):
            expected = textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent)
            assert _wrapper(width, indent).wrap(text) == expected, (text, width)
            assert _wrapper(width, indent, False).wrap(text) == textwrap.wrap(
                text, width, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False)
