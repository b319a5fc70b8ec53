"""The command as a user runs it: exit codes, formats, bad input, plugin loading."""
import json
import textwrap

from conftest import ROOT, SEEDS

BROKEN_PLUGIN = textwrap.dedent('''
    import factcheck

    @factcheck.hookimpl
    def factcheck_rules():
        return [factcheck.Rule("broken.always", "warning", "never works")]

    @factcheck.hookimpl
    def factcheck_extract(document, context):
        raise ValueError("cannot read " + document.name)
''')

WORD_PLUGIN = textwrap.dedent('''
    """Reports every document that mentions a banned word (a tiny plugin for tests)."""
    import factcheck

    @factcheck.hookimpl
    def factcheck_rules():
        return [factcheck.Rule("word.banned", "warning", "A banned word is used.")]

    @factcheck.hookimpl
    def factcheck_options():
        return {"word": "kerfuffle"}

    @factcheck.hookimpl
    def factcheck_extract(document, context):
        word = context.options["word"]
        return [context.claim("word", document, s, s.start + s.text.index(word),
                              s.start + s.text.index(word) + len(word), word)
                for s in document.sentences if word in s.text]

    @factcheck.hookimpl
    def factcheck_compare(claims, context):
        return [context.finding("word.banned", f"{c.document.name} says {c.value!r}", [c]) for c in claims]
''')


def write(tmp_path, files):
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return tmp_path


def test_clean_folder_exits_0(cli, tmp_path):
    write(tmp_path, {"a.txt": "The mayor opened the bridge.", "b.txt": "A bridge was opened by the mayor."})
    result = cli(tmp_path, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["findings"] == []


def test_local_plugin_findings_exit_1(cli, tmp_path):
    write(tmp_path, {"a.txt": "What a kerfuffle it was.", "word.py": WORD_PLUGIN})
    result = cli(tmp_path / "a.txt", "--plugin", tmp_path / "word.py", "--format", "json")
    assert result.returncode == 1, result.stderr
    finding = json.loads(result.stdout)["findings"][0]
    assert finding["rule"] == "word.banned"
    assert finding["evidence"][0]["text"] == "kerfuffle"
    assert (finding["evidence"][0]["line"], finding["evidence"][0]["column"]) == (1, 8)


def test_fail_on_error_lets_warnings_pass(cli, tmp_path):
    write(tmp_path, {"a.txt": "What a kerfuffle it was.", "word.py": WORD_PLUGIN})
    assert cli(tmp_path / "a.txt", "--plugin", tmp_path / "word.py", "--fail-on", "error").returncode == 0


def test_plugin_options_and_severity_come_from_rules_toml(cli, tmp_path):
    write(tmp_path, {
        "a.txt": "What a brouhaha it was.", "word.py": WORD_PLUGIN,
        "rules.toml": '[factcheck]\nplugins = ["word.py"]\n[plugins.word]\nword = "brouhaha"\n'
                      '[plugins.word.severity]\n"word.banned" = "error"\n',
    })
    result = cli("a.txt", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    finding = json.loads(result.stdout)["findings"][0]
    assert finding["severity"] == "error" and finding["evidence"][0]["text"] == "brouhaha"


def test_rule_turned_off_in_rules_toml(cli, tmp_path):
    write(tmp_path, {
        "a.txt": "What a kerfuffle it was.", "word.py": WORD_PLUGIN,
        "rules.toml": '[factcheck]\nplugins = ["word.py"]\n[plugins.word.severity]\n"bannd" = "off"\n',
    })
    result = cli("a.txt", "--format", "json", cwd=tmp_path)
    assert result.returncode == 2
    assert "unknown rule" in result.stderr  # rule ids are checked: it is word.banned, not word
    (tmp_path / "rules.toml").write_text('[factcheck]\nplugins = ["word.py"]\n[plugins.word.severity]\n"banned" = "off"\n')
    result = cli("a.txt", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0 and json.loads(result.stdout)["findings"] == []


def test_failing_plugin_is_reported_and_others_go_on(cli, tmp_path):
    write(tmp_path, {"a.txt": "What a kerfuffle it was.", "broken.py": BROKEN_PLUGIN, "word.py": WORD_PLUGIN})
    result = cli(tmp_path / "a.txt", "--plugin", tmp_path / "broken.py", "--plugin", tmp_path / "word.py",
                 "--format", "json")
    assert result.returncode == 3
    report = json.loads(result.stdout)
    assert [f["rule"] for f in report["findings"]] == ["word.banned"]
    assert report["problems"][0]["plugin"] == "broken"
    assert "ValueError: cannot read a.txt" in result.stderr
    assert "broken" in result.stderr and "a.txt" in result.stderr


def test_plugin_file_that_does_not_import_is_reported(cli, tmp_path):
    write(tmp_path, {"a.txt": "Fine text here.", "bad.py": "import factcheck\ndef broken(:\n"})
    result = cli(tmp_path / "a.txt", "--plugin", tmp_path / "bad.py")
    assert result.returncode == 3
    assert "bad.py" in result.stderr and "SyntaxError" in result.stderr


def test_disable_and_p_no_turn_plugins_off(cli, tmp_path):
    write(tmp_path, {"a.txt": "What a kerfuffle it was.", "word.py": WORD_PLUGIN})
    for flags in (["--disable", "word"], ["-p", "no:word"]):
        result = cli(tmp_path / "a.txt", "--plugin", tmp_path / "word.py", *flags)
        assert result.returncode == 0, (flags, result.stderr)


def test_bad_files_are_skipped_with_a_warning_and_the_rest_is_checked(cli, tmp_path):
    write(tmp_path, {
        "a.txt": "What a kerfuffle it was.",
        "empty.txt": "  \n",
        "binary.txt": b"\x00\x01\x02PNG",
        "latin.txt": "A caf\xe9 kerfuffle.".encode("cp1252"),
        "utf16.txt": "A kerfuffle in UTF-16.".encode("utf-16"),
        "garbled.txt": b"\x81\x8d\x8f\x90 abc \xff\xfe",
        "notes.csv": "not,an,article",
        "word.py": WORD_PLUGIN,
    })
    result = cli(tmp_path, "--plugin", tmp_path / "word.py", "--format", "json")
    assert result.returncode == 2
    report = json.loads(result.stdout)
    found = sorted(f["evidence"][0]["path"].rsplit("/", 1)[-1] for f in report["findings"])
    assert found == ["a.txt", "latin.txt", "utf16.txt"]
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3
    assert any("binary.txt: skipped: binary file" in line for line in lines)
    assert any("empty.txt: skipped: empty file" in line for line in lines)
    assert any("garbled.txt: skipped: undecodable" in line for line in lines)


def test_missing_path_is_a_usage_error(cli, tmp_path):
    result = cli(tmp_path / "nothing-here")
    assert result.returncode == 2
    assert result.stderr.strip() == f"factcheck: error: {tmp_path / 'nothing-here'}: no such file or directory"


def test_bad_config_exit_2_one_line(cli, tmp_path):
    write(tmp_path, {"a.txt": "Text.", "rules.toml": "[factcheck]\nfail_on = 3\n"})
    result = cli("a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == "factcheck: error: rules.toml:2:1: factcheck.fail_on: expected str, got int 3"


def test_unknown_format_and_bad_published(cli, tmp_path):
    write(tmp_path, {"a.txt": "Text here."})
    assert cli(tmp_path, "--format", "yaml").returncode == 2
    result = cli(tmp_path, "--published", "a.txt=last week")
    assert result.returncode == 2 and "FILE=YYYY-MM-DD" in result.stderr


def test_front_matter_metadata_reaches_the_report(cli, tmp_path):
    write(tmp_path, {"a.md": '+++\ntitle = "Bridge opens"\noutlet = "Gazette"\npublished = 2024-03-05\n+++\nThe bridge opened.\n',
                     "b.txt": "The bridge opened."})
    report = json.loads(cli(tmp_path, "--format", "json", "--published", "b.txt=2024-03-06").stdout)
    docs = {d["path"].rsplit("/", 1)[-1]: d for d in report["documents"]}
    assert docs["a.md"]["title"] == "Bridge opens" and docs["a.md"]["published"] == "2024-03-05"
    assert docs["b.txt"]["published"] == "2024-03-06"


def test_publication_times_from_the_command_line_and_rules_toml_reach_the_report(cli, tmp_path):
    text = "{n} people were killed when the bus plunged into a ravine near Cusco.\n"
    write(tmp_path, {"a.txt": text.format(n="Twelve"), "b.txt": text.format(n="15"),
                     "rules.toml": '[sources."a.txt"]\npublished = 2024-03-01T08:15:00\n'})
    result = cli(".", "--format", "json", "--published", "b.txt=2024-03-01T19:40", cwd=tmp_path)
    report = json.loads(result.stdout)
    (finding,) = [f for f in report["findings"] if f["rule"] == "numbers.count-conflict"]
    assert "a.txt 2024-03-01 08:15, b.txt 2024-03-01 19:40" in finding["message"]
    assert {d["published"] for d in report["documents"]} == {"2024-03-01"}


def test_invalid_front_matter_is_skipped_naming_the_line(cli, tmp_path):
    write(tmp_path, {"a.md": '+++\ntitle = "x"\npublished = = 3\n+++\nBody.\n', "b.txt": "Fine."})
    result = cli(tmp_path)
    assert result.returncode == 2
    assert "a.md: skipped: invalid front matter at line 3" in result.stderr


def test_json_report_schema(cli):
    result = cli(SEEDS, "--format", "json")
    report = json.loads(result.stdout)
    assert report["version"] == 1 and report["tool"] == "factcheck"
    assert set(report) == {"version", "tool", "tool_version", "summary", "documents", "findings", "notes", "problems"}
    assert report["summary"]["documents"] == 2
    for finding in report["findings"]:
        assert set(finding) == {"plugin", "rule", "severity", "confidence", "message", "fingerprint", "evidence", "diff"}
        assert all(isinstance(edit, str) and edit[:1] in "-+" for edit in finding["diff"])
        assert finding["rule"].startswith(finding["plugin"] + ".")
        assert finding["severity"] in ("info", "warning", "error")
        assert 0 <= finding["confidence"] <= 1
        for item in finding["evidence"]:
            assert {"path", "line", "column", "sentence", "text", "value"} <= set(item)
            assert item["text"] in item["sentence"]
    keys = [(f["evidence"][0]["path"], f["evidence"][0]["line"], f["evidence"][0]["column"], f["rule"]) for f in report["findings"]]
    assert keys == sorted(keys)


def test_table_fits_in_100_columns(cli):
    result = cli(SEEDS, "--plugin", ROOT / "examples" / "places.py")
    assert result.stdout.strip()
    assert max(len(line) for line in result.stdout.splitlines()) <= 100


def test_plugins_command_lists_origin_and_rules(cli, tmp_path):
    write(tmp_path, {"word.py": WORD_PLUGIN})
    result = cli("plugins", "--plugin", tmp_path / "word.py")
    assert result.returncode == 0, result.stderr
    for name in ("dates", "numbers", "names", "quotes", "word"):
        assert name in result.stdout
    rule_line = next(line for line in result.stdout.splitlines() if "word.banned" in line)
    assert rule_line.split()[:2] == ["word.banned", "warning"]
    assert "option word = 'kerfuffle'" in result.stdout
    assert str(tmp_path / "word.py") in result.stdout


def test_explain_prints_rule_documentation(cli, tmp_path):
    write(tmp_path, {"word.py": WORD_PLUGIN})
    result = cli("explain", "word.banned", "--plugin", tmp_path / "word.py")
    assert result.returncode == 0
    assert "A banned word is used." in result.stdout
    assert cli("explain", "word.nope", "--plugin", tmp_path / "word.py").returncode == 2


def test_output_file(cli, tmp_path):
    write(tmp_path, {"a.txt": "The bridge opened."})
    out = tmp_path / "report.json"
    assert cli(tmp_path / "a.txt", "--format", "json", "--output", out).returncode == 0
    assert json.loads(out.read_text())["summary"]["findings"] == 0


def test_json_and_jsonl_articles(cli, tmp_path):
    records = [{"id": "wire-1", "text": "A kerfuffle at the port.", "outlet": "Wire", "published": "2024-05-01"},
               {"id": "paper-2", "text": "Calm at the port.", "title": "Port calm"}]
    write(tmp_path, {
        "one.json": json.dumps({"text": "Another kerfuffle.", "title": "T", "published": "2024-05-02"}),
        "many.jsonl": "\n".join(json.dumps(r) for r in records) + "\n",
        "bad.jsonl": '{"text": "ok"}\n{broken\n',
        "word.py": WORD_PLUGIN,
    })
    result = cli(tmp_path, "--plugin", tmp_path / "word.py", "--format", "json")
    report = json.loads(result.stdout)
    docs = {d["path"].rsplit("/", 1)[-1]: d for d in report["documents"]}
    assert set(docs) == {"many.jsonl#wire-1", "many.jsonl#paper-2", "one.json"}
    assert docs["many.jsonl#wire-1"]["outlet"] == "Wire" and docs["one.json"]["published"] == "2024-05-02"
    assert len(report["findings"]) == 2
    assert result.returncode == 2 and "bad.jsonl: skipped: line 2: invalid JSON" in result.stderr
