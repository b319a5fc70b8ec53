"""`factcheck review DRAFT --sources PATH...` on drafts written from the seeds' real text."""
import json
import shutil

import pytest

from conftest import SEEDS, run_cli
from factcheck.config import Config
from factcheck.host import Host
from factcheck.review import SUBSTITUTION, review, review_documents
from factcheck.testing import make_documents

A, B = "000_b0ea26a43b1d7dcb.txt", "001_ddb0010219a658f6.txt"

# Paragraphs taken verbatim from the seeds (000 paragraph 2, 000 paragraph 4, 000/001 paragraph on
# South Korea), so a faithful draft agrees with its sources everywhere.
FAITHFUL = (
    "NATO chief in Japan\n\n"
    "NATO Secretary-General Jens Stoltenberg says the Western military alliance will continue to "
    "strengthen its partnership with Japan.\n\n"
    "“The war in Ukraine also demonstrates that our security is closely interconnected,” "
    "Stoltenberg said on Tuesday during a visit at the Iruma Air Base north of Tokyo.\n\n"
    "While in South Korea on Monday, Stoltenberg called for Seoul to provide direct military "
    "support to Ukraine.\n"
)

# The third source: one more outlet that tells the intelligence-report sentence as 001 does.
THIRD = (
    "NATO chief ends Asia tour\n\n"
    "Stoltenberg on Sunday mentioned U.S. intelligence reports accusing North Korea of providing "
    "weapons to Russia to support its war in Ukraine.\n"
)


@pytest.fixture
def story(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    for name in (A, B):
        shutil.copy(SEEDS / name, sources / name)
    return tmp_path


def write_draft(folder, text, name="draft.txt"):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def run_review(draft, *sources, extra=()):
    result = run_cli("review", draft, "--sources", *sources, "--format", "json", *extra)
    data = json.loads(result.stdout) if result.stdout.strip().startswith("{") else None
    return result, data


def only_finding(story, text, rule):
    """Review `text` as a draft of the story: exit code 1 and one finding of `rule`."""
    draft = write_draft(story, text)
    result, data = run_review(draft, story / "sources")
    assert result.returncode == 1, result.stderr
    [finding] = data["findings"]
    assert finding["rule"] == rule
    return draft, finding


def position(text, needle):
    offset = text.index(needle)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def test_faithful_draft_has_no_findings_although_the_sources_disagree(story):
    # The seeds disagree among themselves (a weekday, a spelling of Yoon); the draft takes no part.
    draft = write_draft(story, FAITHFUL)
    result, data = run_review(draft, story / "sources")
    assert result.returncode == 0, result.stderr
    assert data["findings"] == []
    assert [d["path"] for d in data["documents"]][0] == str(draft)


def test_changed_weekday_is_located_at_the_draft(story):
    text = FAITHFUL.replace("said on Tuesday", "said on Wednesday")
    draft, finding = only_finding(story, text, "dates.weekday-conflict")
    first, second = finding["evidence"]
    assert first["path"] == str(draft)
    assert (first["line"], first["column"]) == position(text, "on Wednesday")
    assert first["text"] == "on Wednesday" and second["path"].endswith(A)
    assert finding["message"].startswith(f"The draft says Wednesday; the source says Tuesday ({A}).")


def test_sources_split_is_said_not_blamed_on_the_draft(story):
    (story / "sources" / "002_third.txt").write_text(THIRD, encoding="utf-8")
    text = FAITHFUL + ("\nStoltenberg on Sunday mentioned U.S. intelligence reports accusing North "
                       "Korea of providing weapons to Russia to support its war in Ukraine.\n")
    draft = write_draft(story, text)
    result, data = run_review(draft, story / "sources")
    [finding] = data["findings"]
    assert finding["rule"] == "dates.weekday-conflict"
    assert "sources split: 2 say Sunday, 1 says Monday" in finding["message"]
    assert f"Sunday: {B}, 002_third.txt; Monday: {A}" in finding["message"]
    assert finding["evidence"][0]["path"] == str(draft)
    assert (finding["evidence"][0]["line"], finding["evidence"][0]["column"]) == position(text, "on Sunday")
    values = [e["value"] for e in finding["evidence"]]
    assert values[:3] == ["Sunday", "Sunday", "Sunday"] and values[3].startswith("Monday")
    assert [e["path"].rsplit("/", 1)[-1] for e in finding["evidence"][1:]] == [B, "002_third.txt", A]


def test_a_value_no_source_gives_while_the_sources_split(story):
    (story / "sources" / "002_third.txt").write_text(THIRD, encoding="utf-8")
    text = FAITHFUL + ("\nStoltenberg on Saturday mentioned U.S. intelligence reports accusing North "
                       "Korea of providing weapons to Russia to support its war in Ukraine.\n")
    result, data = run_review(write_draft(story, text), story / "sources")
    [finding] = data["findings"]
    assert "The draft says Saturday, which no source says; sources split: 2 say Sunday, 1 says Monday" \
        in finding["message"]


def test_unsupported_claim_is_no_finding_but_can_be_listed(story):
    text = FAITHFUL + "\nStoltenberg will travel to Manila on Friday for talks with the Philippine navy.\n"
    draft = write_draft(story, text)
    result, data = run_review(draft, story / "sources")
    assert result.returncode == 0 and data["findings"] == [] and data["notes"] == []
    result, data = run_review(draft, story / "sources", extra=["--show-unsupported"])
    assert result.returncode == 0 and data["findings"] == []
    line, column = position(text, "on Friday")
    assert f"{draft}:{line}:{column}: unsupported dates claim 'Friday'" in "\n".join(data["notes"])
    assert any("unsupported name 'Manila'" in note for note in data["notes"])
    # Claims the sources do support are not listed.
    assert not any("'Tuesday'" in note for note in data["notes"])


def test_substituted_name_in_a_retold_sentence(story):
    text = FAITHFUL.replace("north of Tokyo", "north of Osaka")
    draft, finding = only_finding(story, text, SUBSTITUTION.id)
    assert finding["evidence"][0]["text"] == "Osaka"
    assert (finding["evidence"][0]["line"], finding["evidence"][0]["column"]) == position(text, "Osaka")
    assert finding["evidence"][1]["text"] == "Tokyo"
    result, data = run_review(draft, story / "sources", extra=["--disable", "review"])
    assert result.returncode == 0 and data["findings"] == []


def test_changed_quotation_wording(story):
    text = FAITHFUL.replace("our security is closely interconnected", "our security is loosely connected")
    result, data = run_review(write_draft(story, text), story / "sources")
    rules = [f["rule"] for f in data["findings"]]
    assert "quotes.wording" in rules
    quote = next(f for f in data["findings"] if f["rule"] == "quotes.wording")
    assert quote["evidence"][0]["path"].endswith("draft.txt")


def test_exit_codes(story):
    changed = write_draft(story, FAITHFUL.replace("said on Tuesday", "said on Wednesday"))
    assert run_cli("review", changed, "--sources", story / "sources").returncode == 1
    assert run_cli("review", changed, "--sources", story / "sources", "--fail-on", "never").returncode == 0
    assert run_cli("review", changed, "--sources", story / "sources", "--fail-on", "error").returncode == 0
    missing = run_cli("review", story / "nope.txt", "--sources", story / "sources")
    assert missing.returncode == 2 and "nope.txt" in missing.stderr
    assert run_cli("review", changed, "--sources", story / "absent").returncode == 2
    assert run_cli("review", changed).returncode == 2  # --sources is required
    broken = story / "broken.py"
    broken.write_text("import factcheck\n\n@factcheck.hookimpl\ndef factcheck_extract(document, context):\n"
                      "    raise ValueError('cannot read ' + document.name)\n", encoding="utf-8")
    result = run_cli("review", changed, "--sources", story / "sources", "--plugin", broken)
    assert result.returncode == 3 and "plugin broken" in result.stderr


def test_table_output_and_output_file(story):
    draft = write_draft(story, FAITHFUL.replace("said on Tuesday", "said on Wednesday"))
    out = story / "report.txt"
    result = run_cli("review", draft, "--sources", story / "sources", "--output", out)
    assert result.returncode == 1 and result.stdout == ""
    report = out.read_text(encoding="utf-8")
    assert "WARNING  dates.weekday-conflict" in report and "The draft says Wednesday" in report
    assert "1 finding (1 warning) in 3 documents." in report


def test_draft_is_never_its_own_source(story):
    draft = write_draft(story / "sources", FAITHFUL.replace("said on Tuesday", "said on Wednesday"))
    result, data = run_review(draft, story / "sources")
    assert [d["path"] for d in data["documents"]].count(str(draft)) == 1
    assert len(data["documents"]) == 3


def test_in_process_review_of_documents():
    docs = make_documents({"draft.txt": FAITHFUL.replace("on Monday", "on Thursday"),
                           A: (SEEDS / A).read_text(encoding="utf-8")})
    host = Host(Config())
    result = review_documents(docs[0], docs[1:], host)
    [finding] = result.report.findings
    assert finding.evidence[0].path == "draft.txt" and finding.evidence[0].value == "Thursday"
    assert finding.evidence[1].value == "Monday"


def test_review_function_rejects_a_missing_draft(story):
    from factcheck.review import DraftError

    with pytest.raises(DraftError):
        review(str(story / "nope.txt"), [str(story / "sources")], Host(Config()))


def test_substitution_kinds_and_name_forms():
    from factcheck.review import _related

    assert _related("russian", {"russia"}) and _related("ukrainian", {"ukraine"})
    assert not _related("sars-cov-4", {"sars-cov-2"})  # another label, not another ending
    assert not _related("moscow", {"london"})
    source = ("Activists in London dumped gallons of yellow and blue paint in front of the Russian "
              "embassy on the eve of the one-year anniversary of the invasion, the fourth protest "
              "there this year.")
    cases = {"blue paint": ("white paint", "white", "blue"), "fourth": ("third", "third", "fourth"),
             "London": ("Paris", "Paris", "London"), "one-year": ("one-month", "one-month", "one-year")}
    host = Host(Config())
    for old, (new, said, instead) in cases.items():
        docs = make_documents({"draft.txt": source.replace(old, new), "wire.txt": source})
        [finding] = review_documents(docs[0], docs[1:], host).report.findings
        assert finding.rule == "review.substitution"
        assert (finding.evidence[0].text, finding.evidence[1].text) == (said, instead)
    docs = make_documents({"draft.txt": source, "wire.txt": source})
    assert review_documents(docs[0], docs[1:], host).report.findings == []


def test_lower_case_draft_gets_the_sources_capitals_and_keeps_positions():
    from factcheck.review import recase

    sources = {A: (SEEDS / A).read_text(encoding="utf-8"), B: (SEEDS / B).read_text(encoding="utf-8")}
    low = FAITHFUL.lower().replace("jens stoltenberg", "jens stoltenburg").replace("tuesday", "wednesday")
    docs = make_documents({"draft.txt": low, **sources})
    recased = recase(low, docs[1:])
    assert len(recased) == len(low) and recased.lower() == low
    assert "Jens Stoltenburg says" in recased  # close to a name the sources write: a name
    assert "“The war in Ukraine" in recased and "north of Tokyo." in recased and "on Wednesday" in recased
    assert "secretary-general" in recased  # the sources also write it in lower case
    assert recase(FAITHFUL, docs[1:]) is None  # a draft with capitals of its own is left alone
    result = review_documents(docs[0], docs[1:], Host(Config()))
    by_rule = {f.rule: f for f in result.report.findings}
    [name] = [f for rule, f in by_rule.items() if rule.startswith("names.")]  # the misspelt name
    assert name.evidence[0].text.endswith("Stoltenburg") and name.evidence[0].line == 3
    weekday = by_rule["dates.weekday-conflict"].evidence[0]
    assert (weekday.line, weekday.column) == position(low, "on wednesday")
    assert any("written in lower case" in note for note in result.report.notes)


def test_explain_knows_the_review_rule():
    result = run_cli("explain", "review.substitution")
    assert result.returncode == 0
    assert result.stdout.startswith("review.substitution  [default severity: warning]")
    assert "north of Osaka" not in result.stdout and "Moscow" in result.stdout


def test_readme_example_is_the_real_output(tmp_path):
    readme = (SEEDS.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Review a draft"):]
    blocks = section.split("```\n")
    draft, output = blocks[1], blocks[3]
    (tmp_path / "draft.txt").write_text(draft, encoding="utf-8")
    (tmp_path / "seeds").symlink_to(SEEDS, target_is_directory=True)
    result = run_cli("review", "draft.txt", "--sources", "seeds/", "--show-unsupported", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == output


def test_substituted_value_in_the_same_slot_of_a_looser_retelling():
    # The draft sentence retells the source sentence only loosely (similarity below the floor of
    # a retold sentence); the value's neighbour word ("quarter", "years") still finds the
    # source's value in the same slot.
    source = ("Moderna announced its earnings on Thursday, reporting revenues of 5.1 billion dollars. "
              "For the fourth quarter, the sales figure for Spikevax and related bivalent vaccines "
              "represented a 30% decrease from the comparable period. An Australian pleaded guilty on "
              "Thursday to the manslaughter of Scott Johnson, who fell to his death 35 years ago from a "
              "clifftop in Sydney that was known as a gay meeting place.")
    host = Host(Config())
    for draft, said, instead in (
            ("The company reported a third quarter decline in vaccine sales and guided for sales of "
             "five billion dollars in 2023.", "third", "fourth"),
            ("A student who fell to his death 20 years ago was the victim of a hate crime, police "
             "now say.", "20", "35")):
        docs = make_documents({"draft.txt": draft, "wire.txt": source})
        [finding] = review_documents(docs[0], docs[1:], host).report.findings
        assert finding.rule == "review.substitution"
        assert (finding.evidence[0].text, finding.evidence[1].text) == (said, instead)
    docs = make_documents({"draft.txt": "The company reported a fourth quarter decline in vaccine sales.",
                           "wire.txt": source})
    assert review_documents(docs[0], docs[1:], host).report.findings == []


def test_a_common_word_where_the_sources_have_a_name():
    source = ("Moderna plans regulatory filings for mRNA-1345, its RSV vaccine for older adults, in the "
              "first half of the year, the company said on Thursday.")
    host = Host(Config())
    docs = make_documents({"draft.txt": "Moderna is looking ahead to filing for approval of its flu "
                                        "vaccine for older adults.", "wire.txt": source})
    [finding] = review_documents(docs[0], docs[1:], host).report.findings
    assert finding.rule == "review.substitution"
    assert (finding.evidence[0].text, finding.evidence[1].text) == ("flu", "RSV")
    # A word the sources use, or one in no slot of a name, is no substitution.
    for draft in ("Moderna is looking ahead to filings for its RSV vaccine for older adults.",
                  "Moderna is looking ahead to filing for approval of a vaccine for elderly adults."):
        docs = make_documents({"draft.txt": draft, "wire.txt": source})
        assert review_documents(docs[0], docs[1:], host).report.findings == []


def test_published_places_the_drafts_relative_days(story):
    text = FAITHFUL.replace("said on Tuesday", "said yesterday")
    draft = write_draft(story, text)
    result, data = run_review(draft, story / "sources")
    assert result.returncode == 0 and data["findings"] == []  # "yesterday" of an unknown day
    result, data = run_review(draft, story / "sources", extra=["--published", "draft.txt=2023-02-02"])
    assert result.returncode == 1
    [finding] = data["findings"]
    assert finding["rule"] == "dates.weekday-conflict"
    assert finding["evidence"][0]["text"] == "yesterday" and "Wednesday" in finding["evidence"][0]["value"]
    assert data["documents"][0]["published"] == "2023-02-02"


def test_every_source_counts_among_many():
    # Above 16 documents the aligner pairs a claim with a few documents only; review still
    # counts every source that tells the draft's sentence.
    seed = (SEEDS / A).read_text(encoding="utf-8")
    texts = {"draft.txt": FAITHFUL.replace("said on Tuesday", "said on Wednesday")}
    texts.update({f"{i:02d}.txt": seed for i in range(19)})
    texts["19.txt"] = seed.replace("said on Tuesday", "said on Wednesday")
    docs = make_documents(texts)
    [finding] = review_documents(docs[0], docs[1:], Host(Config())).report.findings
    assert "sources split: 19 say Tuesday, 1 says Wednesday" in finding.message
    assert "(Tuesday: 00.txt, 01.txt, 02.txt, 03.txt, 04.txt and 14 more; Wednesday: 19.txt)" \
        in finding.message
    assert len(finding.evidence) == 21


def test_a_draft_that_cannot_be_reviewed_is_an_input_error(story):
    empty = write_draft(story, "", "empty.txt")
    result = run_cli("review", empty, "--sources", story / "sources")
    assert result.returncode == 2 and "empty.txt" in result.stderr and "empty" in result.stderr
    two = write_draft(story, json.dumps([{"text": FAITHFUL}, {"text": FAITHFUL}]), "two.json")
    result = run_cli("review", two, "--sources", story / "sources")
    assert result.returncode == 2 and "the draft must be one article, found 2" in result.stderr
    one = write_draft(story, json.dumps({"text": FAITHFUL.replace("said on Tuesday", "said on Wednesday"),
                                         "title": "NATO chief in Japan"}), "one.json")
    result, data = run_review(one, story / "sources")
    assert result.returncode == 1 and data["documents"][0]["title"] == "NATO chief in Japan"


def _substitution_pairs(draft, source):
    docs = make_documents({"draft.txt": draft, "wire.txt": source})
    findings = review_documents(docs[0], docs[1:], Host(Config())).report.findings
    assert all(f.rule == "review.substitution" for f in findings)
    return [(f.evidence[0].text, f.evidence[1].text) for f in findings]


def test_a_member_of_a_closed_word_class_for_another():
    # One kinship word, role, direction or financial measure for another is another fact.
    source = ("The mayor of Harwick opened the new bridge on the northern edge of the town on "
              "Saturday, together with his sister and the founder of the building firm. The firm "
              "said its sales rose by a fifth last year.")
    for old, new in (("sister", "wife"), ("founder", "co-founder"), ("northern", "southern"),
                     ("sales", "profits"), ("mayor", "governor")):
        draft = source.replace(old, new)
        assert _substitution_pairs(draft, source) == [(new, old)], new
    # A shorter draft sentence that the source sentence contains.
    assert _substitution_pairs("The mayor opened the bridge with his nephew.",
                               source) == [("nephew", "sister")]
    # A paraphrase outside the classes, a hypernym, or a class word the sources use elsewhere
    # is no substitution.
    for draft in ("The mayor of Harwick opened the new bridge at the north end of the town on "
                  "Saturday, with a relative and the head of the building company.",
                  "The mayor of Harwick and his sister opened the bridge, which the founder of "
                  "the building firm built. The firm said its sales rose by a fifth last year."):
        assert _substitution_pairs(draft, source) == []
    assert _substitution_pairs(source.replace("The firm said its sales",
                                              "The firm's founder said its sales"), source) == []
    # A class word with no counterpart is not listed as an unsupported claim either.
    docs = make_documents({"draft.txt": "The mayor opened the bridge with his dog.", "wire.txt": source})
    result = review_documents(docs[0], docs[1:], Host(Config()), show_unsupported=True)
    assert result.report.findings == [] and not any("dog" in note for note in result.report.notes)


def test_a_prefix_added_to_or_dropped_from_a_word_of_the_retold_sentence():
    source = ("Anna Berg, a co-owner of the bakery, said the non-stick pans had been stolen from the "
              "pre-war building on Friday night.")
    assert _substitution_pairs(source.replace("non-stick", "stick"), source) == [("stick", "non-stick")]
    assert _substitution_pairs(source.replace("pre-war", "post-war"), source) == [("post-war", "pre-war")]
    other = "Anna Berg said the pans had been stolen from the old flat of her partner on Friday night."
    assert _substitution_pairs(other.replace("partner", "ex-partner"), other) == [("ex-partner", "partner")]
    # The same word with the same prefix, or a prefixed word the sources write, is no change.
    assert _substitution_pairs(source, source) == []
    assert _substitution_pairs(other.replace("the old flat", "the pre-war flat"),
                               other + " " + source) == []


def test_a_country_the_sources_never_name_against_a_place_of_another_country():
    # "London" is the United Kingdom in the alias table: a draft that places the protesters in
    # the United States contradicts it although it keeps "London"; "Britain" agrees with it.
    source = "Protesters in London blocked a bridge over the Thames for six hours on Saturday."
    assert _substitution_pairs("On Saturday, U.S. protesters blocked a bridge over the Thames in "
                               "London for six hours.", source) == [("U.S", "London")]
    assert _substitution_pairs("On Saturday, protesters in Britain blocked a bridge over the Thames "
                               "in London for six hours.", source) == []
    # A country told alongside the one the source names is an addition, not a substitution.
    source = "On Monday, Russia condemned the new sanctions on its banks."
    assert _substitution_pairs("On Monday, Russia and the U.S. condemned the new sanctions on its "
                               "banks.", source) == []


def test_a_class_word_for_another_that_the_draft_keeps_elsewhere():
    source = ("The brewery said beer sales fell by a tenth in the spring. It expects sales of "
              "2 million pounds next year.")
    draft = ("The brewery said beer profits fell by a tenth in the spring. It expects sales of "
             "2 million pounds next year.")
    assert _substitution_pairs(draft, source) == [("profits", "sales")]
    # "sales and profits fell": the draft says more than the source (profits fell): reported.
    assert _substitution_pairs("The brewery said beer sales and profits fell by a tenth in the "
                               "spring.", source) == [("profits", "sales")]
    # A class word in no slot of the source's is not compared.
    assert _substitution_pairs("The brewery said beer sales fell by a tenth in the spring. Its "
                               "pubs made profits.", source) == []


def test_a_direction_only_against_one_of_the_same_place():
    source = "The storm hit the northern coast of the island on Monday, west of the capital."
    assert _substitution_pairs("The storm hit the southern coast of the island on Monday, west of "
                               "the capital.", source) == [("southern", "northern")]
    # "northwestern coast" may be told as "northern coast"; "east of the port" and "west of the
    # capital" are of two places: no contradiction.
    assert _substitution_pairs("The storm hit the northwestern coast of the island on Monday, west "
                               "of the capital.", source) == []
    assert _substitution_pairs("The storm hit the northern coast of the island on Monday, east of "
                               "the port.", source) == []


def test_a_legal_action_for_another_matched_by_stem():
    source = ("Police said the owner of the Harwick bakery was arrested on Monday on charges of "
              "tax fraud after a two-year inquiry.")
    assert _substitution_pairs("The owner of the Harwick bakery was acquitted on Monday of tax "
                               "fraud after a two-year inquiry.", source) == [("acquitted", "arrested")]
    assert _substitution_pairs("The owner of the Harwick bakery was convicted on Monday of tax "
                               "fraud.", source) == [("convicted", "arrested")]
    # "detained" and "taken into custody" tell the arrest.
    for draft in ("The owner of the Harwick bakery was detained on Monday on tax fraud charges.",
                  "The owner of the Harwick bakery was taken into custody on Monday over tax fraud."):
        assert _substitution_pairs(draft, source) == []


def _review_texts(draft, sources):
    documents = make_documents({"draft.txt": draft, **sources}, Config())
    host = Host(Config(), disabled=["dates", "numbers", "names"])
    return review_documents(documents[0], documents[1:], host).report.findings


def test_the_word_difference_of_a_changed_quotation_is_told_from_the_draft_to_the_sources():
    source = "“The levee will hold through the night, and we will keep the pumps running,” Mayor Rosa Marsh said."
    draft = "“The levee should hold through the night, and we will keep the pumps running,” Mayor Rosa Marsh said."
    (finding,) = _review_texts(draft, {"wire.txt": source})
    assert finding.rule == "quotes.wording" and finding.diff == ("-should +will",)


def test_an_edit_told_from_the_other_side_is_flipped():
    from factcheck.review import _flip

    assert _flip("-any of that +anything") == "-anything +any of that"
    assert _flip("+So") == "-So" and _flip("-So") == "+So"


def test_a_draft_quoting_what_the_sources_only_report_is_told_so():
    (finding,) = _review_texts(
        "“The port will stay closed to tankers until the spill is cleaned up,” Ines Duarte said on Friday.",
        {"wire.txt": "Harbour master Ines Duarte said the port would stay closed to tankers until the spill was cleaned up."})
    assert finding.rule == "quotes.paraphrase-as-quote"
    assert finding.message.startswith("The draft quotes “The port will stay closed to tankers until the "
                                      "spill is cleaned up” directly; wire.txt gives these words as reported speech")


def test_a_value_the_sources_write_elsewhere_for_the_one_of_the_retold_clause():
    # The sources mention fraud and red, but of another day and another ferry: the clause the
    # draft retells has arson and blue in the same slot.
    source = ("The baker was convicted of fraud in 2019 and moved to Harwick. On Monday, the baker "
              "pleaded guilty to arson at the county court after the fire at the old mill.")
    assert _substitution_pairs("On Monday, the baker pleaded guilty to fraud at the county court "
                               "after the fire at the old mill.", source) == [("fraud", "arson")]
    ferry = ("The old ferry was painted red when it sank in 2010. The new ferry has twelve lifeboats "
             "and was painted blue for its first crossing of the bay on Sunday.")
    assert _substitution_pairs("The new ferry was painted red for its first crossing of the bay on "
                               "Sunday.", ferry) == [("red", "blue")]
    # A draft that joins the facts of both sentences keeps each value in its own clause.
    for draft, text in (("The baker, convicted of fraud in 2019, pleaded guilty to arson at the "
                         "county court on Monday.", source),
                        ("The baker pleaded guilty at the county court to arson on Monday; he had "
                         "been convicted of fraud in 2019.", source),
                        ("The new ferry, painted blue, crossed the bay on Sunday; the old one was "
                         "painted red when it sank in 2010.", ferry),
                        ("The red ferry sank in 2010, and its successor was painted blue for its "
                         "first crossing of the bay.", ferry)):
        assert _substitution_pairs(draft, text) == [], draft


def test_an_offence_for_another():
    source = "On Monday, the baker pleaded guilty to arson at the county court after the fire."
    assert _substitution_pairs(source.replace("arson", "murder"), source) == [("murder", "arson")]
    # "homicide" is the more general word, and outside the class.
    assert _substitution_pairs("On Monday, the baker admitted the homicide at the county court "
                               "after the fire.", source) == []


def test_a_class_word_the_sources_use_elsewhere_in_the_slot_of_another():
    source = ("The brewery said beer sales fell by a tenth in the spring, when its three pubs in "
              "Harwick closed for repairs. Its pubs made profits. It expects sales of 2 million "
              "pounds next year.")
    # "profits" is written in the sources, but not after "beer", where they write "sales"; the
    # draft's sentence tells more than the source's (similarity 0.24).
    assert _substitution_pairs("Beer profits fell, the brewery said as it opened a large new hotel "
                               "with forty rooms by the sea. It expects sales of 2 million pounds "
                               "next year.", source) == [("profits", "sales")]
    assert _substitution_pairs("Beer sales fell, the brewery said as it opened a large new hotel "
                               "with forty rooms by the sea. Its pubs made profits.", source) == []


def test_a_number_with_thousands_separators_is_one_number():
    # WORD_RE ends a token at a comma; review reads "544,000" and "1,250,000" whole.
    source = ("The harbour board said 544,000 passengers used the ferry to Harwick last year, and "
              "it spent 1,250,000 pounds on a new pier that is 3.5 metres wide.")
    assert _substitution_pairs("Some 544,000 passengers used the Harwick ferry last year, the "
                               "harbour board said.", source) == []
    assert _substitution_pairs("Some 545,000 passengers used the Harwick ferry last year, the "
                               "harbour board said.", source) == [("545,000", "544,000")]
    assert _substitution_pairs("The board spent 1,350,000 pounds on a new pier that is 3.5 metres "
                               "wide.", source) == [("1,350,000", "1,250,000")]
    # The same number in other words, or written without the separators: "000" of "544,000" is
    # no number of its own.
    assert _substitution_pairs("Last year 544,000 people took the ferry to Harwick, and the board "
                               "spent 1,250,000 pounds on a pier.", source) == []
    assert _substitution_pairs("Some 544,000 passengers used the Harwick ferry last year.",
                               source.replace("544,000", "544000")) == []


def test_a_number_with_a_scale_word_is_its_amount():
    # "1.25 million" is 1,250,000 and "5bn" is "5 billion": the same amount in other words.
    source = ("The harbour board said it would spend 1.25 million pounds on a new pier at Harwick "
              "and that the port had earned $5bn since it opened in 1990.")
    for draft in ("The board will spend 1,250,000 pounds on a new pier at Harwick, and the port "
                  "has earned $5 billion since it opened in 1990.",
                  "The board will spend £1.25m on a new pier at Harwick, and the port has earned "
                  "5 billion dollars since it opened in 1990."):
        assert _substitution_pairs(draft, source) == [], draft
    assert _substitution_pairs("The board will spend 1.5 million pounds on a new pier at Harwick.",
                               source) == [("1.5 million", "1.25 million")]
    assert _substitution_pairs("The board will spend 1,250,000 pounds on a new pier at Harwick, and "
                               "the port has earned $6bn since it opened in 1990.",
                               source) == [("6bn", "5bn")]
    # "m" after a number is a unit of its own unless a currency sign comes first.
    pier = "The new pier at Harwick is 5m wide and cost $5m to build."
    assert _substitution_pairs("The new pier at Harwick is 5m wide and cost 5 million dollars to "
                               "build.", pier) == []
