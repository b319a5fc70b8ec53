"""Speed and scale: lazy NLTK import, parallel runs, progress output, bad input at scale.

No timings are asserted here (benchmarks/bench.py prints them); these tests check the
behaviour that makes the run fast and safe on large inputs.
"""
from __future__ import annotations

import subprocess
import sys
import textwrap


def _python(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_checking_imports_only_the_nltk_modules_it_uses():
    out = _python("""
        import sys
        import factcheck.pipeline, factcheck.segment, factcheck.text
        heavy = [m for m in ("nltk.collocations", "nltk.corpus", "nltk.parse", "nltk.tag", "scipy", "sklearn")
                 if m in sys.modules]
        print(heavy)
        print(factcheck.text.stem("running"), len(factcheck.segment.sentence_tokenizer().tokenize("Mr. Li came. He left.")))
    """)
    assert out.splitlines() == ["[]", "run 2"]


def test_other_code_still_sees_all_of_nltk_after_factcheck_is_imported():
    out = _python("""
        import factcheck.segment
        import nltk
        from nltk.corpus import stopwords
        from nltk.stem import SnowballStemmer, PorterStemmer
        print(nltk.FreqDist("aab")["a"], SnowballStemmer("english").stem("running"),
              "word_tokenize" in dir(nltk), type(stopwords).__name__)
    """)
    assert out.split() == ["2", "run", "True", "LazyCorpusLoader"]


# -- parallel runs ------------------------------------------------------------------------------

import json
import os
import shutil

from conftest import SEEDS, run_cli


def _story(folder, copies=6):
    """Outlets' copies of the seed articles with the edits rewrites make, and a JSONL file."""
    folder.mkdir()
    base = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    edits = [("on Sunday", "on Saturday"), ("Yoon Suk Yeol", "Yoon Suk-yeol"), ("2022", "2021"),
             ("matters for all of us", "matters for every one of us")]
    for k in range(copies):
        text = base[k % 2]
        old, new = edits[k % len(edits)]
        (folder / f"outlet{k}.txt").write_text(text.replace(old, new, 1), encoding="utf-8")
    records = [{"text": base[0].replace("Monday", "Tuesday"), "outlet": "wire"}, {"text": base[1]}]
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def test_jobs_give_the_same_report_byte_for_byte(tmp_path):
    folder = _story(tmp_path / "story")
    one = run_cli(folder, "--format", "json", "--jobs", "1")
    two = run_cli(folder, "--format", "json", "--jobs", "2")
    auto = run_cli(folder, "--jobs", "auto")
    table = run_cli(folder)
    report = json.loads(one.stdout)
    assert report["summary"]["documents"] == 8 and report["summary"]["findings"] >= 4
    assert [p["message"] for p in report["problems"]] == ["skipped: empty file"]
    assert (two.stdout, two.stderr, two.returncode) == (one.stdout, one.stderr, one.returncode)
    assert (auto.stdout, auto.stderr, auto.returncode) == (table.stdout, table.stderr, table.returncode)


def test_jobs_must_be_a_positive_number_or_auto(tmp_path):
    done = run_cli(SEEDS, "--jobs", "0")
    assert done.returncode == 2 and "--jobs takes a positive number or 'auto'" in done.stderr


# -- progress -----------------------------------------------------------------------------------

def _run_with_terminal_stderr(*args):
    """The CLI with standard error on a pseudo-terminal (80 columns): (stdout, what the terminal got)."""
    import fcntl
    import pty
    import select
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, FACTCHECK_PROGRESS_DELAY="0")
    process = subprocess.Popen([sys.executable, "-m", "factcheck.cli", *map(str, args)],
                               stdout=subprocess.PIPE, stderr=slave, env=env)
    os.close(slave)
    out = process.stdout.read().decode()
    process.wait(timeout=120)
    seen = b""
    while select.select([master], [], [], 0.5)[0]:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    return out, seen.decode(errors="replace")


def test_progress_bar_only_on_a_terminal_and_never_on_stdout(tmp_path):
    folder = _story(tmp_path / "story")
    out, terminal = _run_with_terminal_stderr(folder, "--format", "json")
    assert "factcheck:" in terminal and "step" in terminal and "\r" in terminal  # the bar
    assert json.loads(out)["summary"]["documents"] == 8  # stdout: the report only
    piped = run_cli(folder, "--format", "json", env={"FACTCHECK_PROGRESS_DELAY": "0"})
    assert piped.stdout == out
    assert piped.stderr.splitlines() == ["factcheck: warning: " + str(folder / "empty.txt") + ": skipped: empty file"]
    _, quiet = _run_with_terminal_stderr(folder, "--format", "json", "--quiet")
    assert "step" not in quiet and "\r" not in quiet.replace("\r\n", "\n")


# -- bad input at scale -------------------------------------------------------------------------

def test_a_folder_of_many_bad_files_finishes_names_what_it_skipped_and_stays_small(tmp_path):
    folder = _story(tmp_path / "drop", copies=4)
    for k in range(600):
        (folder / f"empty{k:03d}.txt").write_bytes(b"" if k % 2 else b"  \n\n ")
    for k in range(300):
        (folder / f"photo{k:03d}.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with open(folder / "archive.txt", "wb") as handle:  # 200 MB, sparse: costs no disk
        handle.truncate(200_000_000)
    (folder / "nested").mkdir()
    shutil.copy(SEEDS / "000_b0ea26a43b1d7dcb.txt", folder / "nested" / "copy.txt")
    os.symlink("..", folder / "nested" / "loop")  # a symbolic link loop
    os.symlink("missing.txt", folder / "dangling.txt")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")  # no loader: not read from a folder
    os.mkfifo(folder / "pipe.txt")  # reading it would wait for ever
    # Peak memory of this process alone: VmHWM starts afresh at exec (ru_maxrss would carry the
    # peak of the forking pytest process over, whatever the suite imported before).
    code = ("import re, sys\nfrom factcheck.cli import main\ncode = main(sys.argv[1:])\n"
            "status = open('/proc/self/status').read()\n"
            "print(re.search(r'VmHWM:\\s+(\\d+)', status).group(1), file=sys.stderr)\nsys.exit(code)\n")
    done = subprocess.run([sys.executable, "-c", code, str(folder), "--format", "json", "--jobs", "2"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr  # files had to be skipped
    report = json.loads(done.stdout)
    assert report["summary"]["documents"] == 7  # 4 copies, 2 JSONL articles, nested/copy.txt once
    reasons = [p["message"] for p in report["problems"]]
    assert reasons.count("skipped: empty file") == 601
    assert sum(r.startswith("skipped: binary file") for r in reasons) == 300
    large = [p for p in report["problems"] if p["path"].endswith("archive.txt")]
    assert [p["message"] for p in large] == ["skipped: 200.0 MB, above the 20 MB limit (--max-size)"]
    assert any(p["path"].endswith("loop") and "already read (a loop" in p["message"] for p in report["problems"])
    assert any(p["path"].endswith("dangling.txt") and "cannot read" in p["message"] for p in report["problems"])
    assert any(p["path"].endswith("pipe.txt") and "not a regular file" in p["message"] for p in report["problems"])
    warnings = done.stderr.splitlines()[:-1]
    assert len(warnings) == len(reasons) == 905 and all(w.startswith("factcheck: warning: ") for w in warnings)
    assert int(done.stderr.splitlines()[-1]) < 150_000  # KiB: the 200 MB file was never read


def test_max_size_option_sets_the_limit(tmp_path):
    folder = _story(tmp_path / "story", copies=2)
    (folder / "empty.txt").unlink()
    small = run_cli(folder, "--format", "json", "--max-size", "0.0034")
    messages = {p["path"].rsplit("/", 1)[-1]: p["message"] for p in json.loads(small.stdout)["problems"]}
    assert messages == {"outlet1.txt": "skipped: 3.6 kB, above the 0.0034 MB limit (--max-size)",
                        "wire.jsonl": "skipped: 7.2 kB, above the 0.0034 MB limit (--max-size)"}
    assert json.loads(run_cli(folder, "--format", "json", "--max-size", "0").stdout)["problems"] == []
