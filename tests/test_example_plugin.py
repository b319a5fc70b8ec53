"""The README's worked example, examples/places.py, run the way the README runs it."""
import json

from conftest import ROOT, SEEDS

from factcheck.testing import run_plugin

PLACES = str(ROOT / "examples" / "places.py")


def test_direction_conflict_between_sources():
    findings = run_plugin(PLACES, {
        "a.txt": "The minister toured the Kamisu Research Station north of Mito on Friday.",
        "b.txt": "On Friday the minister toured Kamisu Research Station, southeast of Mito.",
    })
    assert [f.rule for f in findings] == ["places.direction-conflict"]
    assert [e.value for e in findings[0].evidence] == ["north of Mito", "southeast of Mito"]


def test_same_direction_or_unrelated_sentences_are_quiet():
    assert run_plugin(PLACES, {
        "a.txt": "The minister toured the Kamisu Research Station north of Mito.",
        "b.txt": "The minister toured Kamisu Research Station, north of Mito.",
    }) == []
    assert run_plugin(PLACES, {
        "a.txt": "The minister toured the Kamisu Research Station north of Mito.",
        "b.txt": "Floods hit farms south of Mito last spring.",
    }) == []


def test_seeds_caption_is_reported_from_the_command_line(cli):
    result = cli(SEEDS, "--plugin", PLACES, "--format", "json")
    places = [f for f in json.loads(result.stdout)["findings"] if f["plugin"] == "places"]
    assert len(places) == 1
    texts = {e["path"].rsplit("/", 1)[-1]: e["text"] for e in places[0]["evidence"]}
    assert texts["001_ddb0010219a658f6.txt"] == "northwest of Tokyo"
    assert texts["000_b0ea26a43b1d7dcb.txt"] == "north of Tokyo"
