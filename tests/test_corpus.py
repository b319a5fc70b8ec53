"""Corpus mode: grouping articles into stories, checking each, locally and on a Dask cluster.

The corpus: the project's seed articles (NATO chief in Japan and South Korea) plus excerpts of
ECB+ articles in tests/data/corpus (Cybulska & Vossen, LREC 2014; see tests/data/ECBPLUS-NOTICE):
Tara Reid entering rehab (4), Klitschko beating Rahman in 2008 (2), Klitschko beating Thompson
in 2012 (2: another event of the same kind), and three unrelated articles.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from factcheck import corpus
from factcheck.cli import main
from factcheck.config import load_config
from factcheck.corpus import HostSpec, run
from factcheck.formats import render_json as story_json
from factcheck.pipeline import check

from conftest import ROOT, SEEDS

DATA = ROOT / "tests" / "data" / "corpus"
SPEC = HostSpec()


def folders(report) -> list[list[str]]:
    """Each story as the sorted 'folder/file' names of its articles."""
    return sorted(sorted("/".join(Path(a.path).parts[-2:]) for a in s.articles) for s in report.stories)


def names(folder: Path) -> list[str]:
    return sorted(f"{folder.name}/{p.name}" for p in folder.iterdir())


def test_articles_about_one_event_come_together_and_unrelated_ones_apart():
    report = run([str(SEEDS), str(DATA / "reid-rehab"), str(DATA / "klitschko-rahman"), str(DATA / "other")], SPEC)
    expected = [names(SEEDS), names(DATA / "reid-rehab"), names(DATA / "klitschko-rahman")]
    expected += [[name] for name in names(DATA / "other")]
    assert folders(report) == sorted(expected)
    assert report.summary()["stories"] == 6 and report.summary()["articles"] == 11


def test_publication_dates_keep_two_events_of_one_kind_apart():
    # Two title defences by one boxer, four years apart: the window keeps them in two stories.
    published = {"7_10ecb.txt": dt.date(2008, 12, 13), "7_1ecb.txt": dt.date(2008, 12, 14),
                 "7_10ecbplus.txt": dt.date(2012, 7, 7), "7_11ecbplus.txt": dt.date(2012, 7, 8)}
    paths = [str(DATA / "klitschko-rahman"), str(DATA / "klitschko-thompson")]
    report = run(paths, SPEC, published)
    assert folders(report) == [names(DATA / "klitschko-rahman"), names(DATA / "klitschko-thompson")]
    # one day apart is within the window: the same event reported on consecutive days
    assert len(run([str(DATA / "klitschko-rahman")], SPEC, published).stories) == 1


def test_features_weigh_names_years_dates_and_numbers():
    found = corpus.features("Wladimir Klitschko stopped Tony Thompson on July 7, 2012 before 51,000 fans. "
                            "Klitschko won.")
    assert {"n:wladimir klitschko", "n:tony thompson", "y:2012", "d:jul 7", "#:51000"} <= set(found)
    assert found["klitschko"] == 2 and "n:klitschko" not in found  # a name needs two capitalised words
    assert corpus._weight("n:tony thompson") > corpus._weight("stop")


def test_a_storys_findings_equal_those_of_checking_its_folder_alone():
    spec = HostSpec.of(load_config(None))
    host = corpus.host_for(spec)
    report = run([str(SEEDS), str(DATA)], spec)
    by_first = {Path(s.articles[0].path).parent.name: s for s in report.stories}
    for folder in (SEEDS, DATA / "reid-rehab"):
        alone = check([str(folder)], host)
        story = by_first[folder.name]
        assert story.report is not None and [a.path for a in story.articles] == [d.path for d in alone.documents]
        mine, theirs = json.loads(story_json(story.report)), json.loads(story_json(alone))
        assert {k: mine[k] for k in ("summary", "findings", "notes", "problems")} == \
            {k: theirs[k] for k in ("summary", "findings", "notes", "problems")}
        assert alone.findings  # both stories have findings: the comparison is not between empty lists


def test_cli_reports_stories_in_json_and_table_with_the_main_exit_codes(cli):
    done = cli("corpus", "seeds", "tests/data/corpus/reid-rehab", "tests/data/corpus/other", "--format", "json")
    assert done.returncode == 1, done.stderr  # warnings at the default fail level
    data = json.loads(done.stdout)
    assert data["mode"] == "corpus"
    assert {k: data["summary"][k] for k in ("stories", "articles", "stories_with_errors", "stories_with_findings")} \
        == {"stories": 5, "articles": 9, "stories_with_errors": 0, "stories_with_findings": 2}
    multi = [s for s in data["stories"] if len(s["articles"]) > 1]
    assert [len(s["articles"]) for s in multi] == [2, 4] and all(s["findings"] for s in multi)
    assert all(not s["checked"] for s in data["stories"] if len(s["articles"]) == 1)



def test_table_report_and_input_errors(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["corpus", "seeds", "tests/data/corpus/other", "--fail-on", "never"]) == 0
    table = capsys.readouterr().out
    assert "== Story 1: 2 articles: The NATO secretary-general said" in table and "dates.weekday-conflict" in table
    assert "== 3 single-article stories" in table
    assert table.rstrip().endswith("4 stories from 5 articles: 0 with errors, 0 with findings at or above "
                                   "never, 3 findings (0 error, 1 warning, 2 info).")
    assert main(["corpus", "seeds", "--fail-on", "info", "--format", "json"]) == 1
    assert main(["corpus", "no/such/folder"]) == 2
    assert main(["corpus", "seeds", "--threshold", "1.5"]) == 2
    assert "no/such/folder: no such file or directory" in capsys.readouterr().err


def test_fsspec_urls_are_read_like_local_paths():
    local = run([str(DATA / "reid-rehab")], SPEC)
    remote = run([(DATA / "reid-rehab").as_uri()], SPEC)
    assert [a.path for s in remote.stories for a in s.articles] == \
        [(DATA / "reid-rehab" / Path(a.path).name).as_uri() for s in local.stories for a in s.articles]
    assert [f.rule for f in remote.stories[0].report.findings] == [f.rule for f in local.stories[0].report.findings]


# -- Dask -----------------------------------------------------------------------------------

CRASH_PLUGIN = '''
import os
import factcheck

@factcheck.hookimpl
def factcheck_extract(document, context):
    if "CRASH-ALWAYS" in document.text:
        os._exit(1)
    marker = os.path.join(os.path.dirname(__file__), "crashed-once")
    if "CRASH-ONCE" in document.text and not os.path.exists(marker):
        open(marker, "w").close()
        os._exit(1)
    return []
'''


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    import dask

    # a task whose worker dies is tried on a second worker before it is given up
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      dashboard_address=None) as local, distributed.Client(local) as client:
            yield client


def test_dask_run_gives_the_local_report(cluster):
    paths = [str(SEEDS), str(DATA)]
    spec = HostSpec.of(load_config(None))
    local = run(paths, spec)
    remote = run(paths, spec, client=cluster)
    assert corpus.render_json(remote) == corpus.render_json(local)
    assert corpus.render_table(remote) == corpus.render_table(local)
    assert sum(1 for s in local.stories if s.report is not None) >= 3
    # workers read fsspec URLs themselves
    urls = [SEEDS.as_uri(), (DATA / "reid-rehab").as_uri()]
    assert corpus.render_json(run(urls, spec, client=cluster)) == corpus.render_json(run(urls, spec))


def test_cli_runs_on_the_cluster_given_by_option_or_rules_toml(cluster, capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(ROOT)
    paths = ["seeds", "tests/data/corpus/reid-rehab", "--format", "json", "--progress"]
    assert main(["corpus", *paths]) == 1
    local = capsys.readouterr()
    assert local.err.count(" checked (") == 2  # one progress line per checked story
    from distributed import get_task_stream

    address = cluster.scheduler.address
    rules = tmp_path / "rules.toml"
    rules.write_text((ROOT / "rules.toml").read_text() + f'\n[factcheck.dask]\nscheduler = "{address}"\n')
    for where in (["--dask", address], ["--config", str(rules)]):
        with get_task_stream(cluster) as tasks:
            assert main(["corpus", *paths, *where]) == 1
        assert capsys.readouterr().out == local.out
        assert sum(task["key"].startswith("check_story") for task in tasks.data) == 2  # ran on the cluster


def _crash_feed(tmp_path, marker_text: str) -> tuple[HostSpec, Path]:
    plugin = tmp_path / "crash.py"
    plugin.write_text(CRASH_PLUGIN)
    feed = tmp_path / "feed"
    shutil.copytree(SEEDS, feed / "nato")
    event = ("The Zorvathian harbour authority closed the Quellmark ferry terminal after a fuel leak, "
             "harbour master Ilse Brandvoll said on May 3.")
    (feed / "a1.txt").write_text(f"{event} {marker_text}\n")
    (feed / "a2.txt").write_text(f"{event} Repairs will take a week.\n")
    return HostSpec(plugin_paths=(str(plugin),)), feed


def test_a_story_whose_worker_dies_is_retried(cluster, tmp_path):
    spec, feed = _crash_feed(tmp_path, "CRASH-ONCE")
    remote = run([str(feed)], spec, client=cluster)
    assert (tmp_path / "crashed-once").exists()  # a worker died in the story's first try
    assert folders(remote) == [["feed/a1.txt", "feed/a2.txt"], names(feed / "nato")]
    assert not any(s.error for s in remote.stories)
    assert corpus.render_json(remote) == corpus.render_json(run([str(feed)], spec))


def test_a_story_that_keeps_killing_its_worker_is_named_in_the_report(cluster, tmp_path):
    spec, feed = _crash_feed(tmp_path, "CRASH-ALWAYS")
    shutil.rmtree(feed / "nato")
    report = run([str(feed)], spec, client=cluster)
    assert [s.error.split(":")[0] for s in report.stories] == ["KilledWorker"]
    data = json.loads(corpus.render_json(report))
    assert data["failed"] == [{"story": 1, "articles": [str(feed / "a1.txt"), str(feed / "a2.txt")],
                               "error": report.stories[0].error}]
    assert data["summary"]["failed_stories"] == 1
    assert "failed: story 1 (" in corpus.render_table(report)
