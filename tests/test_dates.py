"""The dates plugin: what an editor sees for small stories written here (never the seed articles)."""
import datetime as dt

from hypothesis import given, settings, strategies as st

from factcheck.plugins.dates import MONTHS, WEEKDAYS, When, find_dates, parse_date
from factcheck.testing import extract_claims, run_plugin


def findings(texts, **kw):
    return run_plugin("dates", texts, **kw)


def values(text, published=None):
    return [e.value for e in find_dates(text, published)]


# -- conflicts between sources -----------------------------------------------------------------

def test_different_weekdays_for_the_same_event_are_a_weekday_conflict():
    (finding,) = findings({
        "a.txt": "The ferry Aurora sank off the coast of Lampedusa on Thursday with 40 people aboard.",
        "b.txt": "The ferry Aurora sank off the coast of Lampedusa on Saturday with 40 people aboard.",
    })
    assert finding.rule == "dates.weekday-conflict" and finding.severity == "warning"
    assert "a.txt" in finding.message and "Thursday" in finding.message
    assert "b.txt" in finding.message and "Saturday" in finding.message
    assert [e.value for e in finding.evidence] == ["Thursday", "Saturday"]


def test_different_months_are_a_date_conflict():
    (finding,) = findings({
        "a.txt": "The brewery opened its second taproom in Leuven in March.",
        "b.txt": "The brewery opened its second taproom in Leuven in June.",
    })
    assert finding.rule == "dates.date-conflict"
    assert "March" in finding.message and "June" in finding.message


def test_different_days_of_the_same_month_are_a_date_conflict():
    (finding,) = findings({
        "a.txt": "The orchestra premiered the symphony in Graz on May 4, 2019.",
        "b.txt": "The orchestra premiered the symphony in Graz on 14 May 2019.",
    })
    assert finding.rule == "dates.date-conflict"
    assert [e.value for e in finding.evidence] == ["May 4, 2019", "May 14, 2019"]


def test_weekday_given_with_a_date_conflicts_with_another_weekday():
    (finding,) = findings({
        "a.txt": "The senator resigned from the banking committee on Tuesday, March 3, 2015.",
        "b.txt": "The senator resigned from the banking committee on Friday.",
    })
    assert finding.rule == "dates.weekday-conflict"
    assert finding.evidence[0].value == "Tuesday, March 3, 2015"


def test_same_day_said_two_ways_is_quiet():
    assert findings({
        "a.txt": "The senator resigned from the banking committee on Tuesday, March 3, 2015.",
        "b.txt": "The senator resigned from the banking committee on March 3.",
        "c.txt": "The senator resigned from the banking committee late Tuesday.",
    }) == []


def test_unrelated_sentences_with_different_days_are_quiet():
    assert findings({
        "a.txt": "The ferry Aurora sank off the coast of Lampedusa on Thursday.",
        "b.txt": "Farmers in Normandy protested against fuel prices on Saturday.",
    }) == []


def test_one_day_difference_mentions_midnight_and_time_zones():
    (finding,) = findings({
        "a.txt": "The comet was first photographed from the observatory in Tenerife on Monday night.",
        "b.txt": "The comet was first photographed from the observatory in Tenerife on Tuesday.",
    })
    assert "midnight" in finding.message and "time zones" in finding.message


def test_two_day_difference_has_no_midnight_hint():
    (finding,) = findings({
        "a.txt": "The comet was first photographed from the observatory in Tenerife on Monday.",
        "b.txt": "The comet was first photographed from the observatory in Tenerife on Wednesday.",
    })
    assert "midnight" not in finding.message


def test_several_outlets_on_each_side_make_one_finding_with_one_item_per_document():
    text = "The striking dockworkers in Rotterdam returned to work on {}."
    result = findings({
        "a.txt": text.format("Wednesday"),
        "b.txt": text.format("Wednesday"),
        "c.txt": text.format("Friday"),
        "d.txt": text.format("Friday"),
    })
    assert len(result) == 1
    assert sorted(e.path for e in result[0].evidence) == ["a.txt", "b.txt", "c.txt", "d.txt"]


def test_severity_can_be_changed_in_rules_toml():
    (finding,) = findings({
        "a.txt": "The ferry Aurora sank off the coast of Lampedusa on Thursday.",
        "b.txt": "The ferry Aurora sank off the coast of Lampedusa on Saturday.",
    }, rules='[plugins.dates.severity]\nweekday-conflict = "error"\n')
    assert finding.severity == "error"


# -- relative days and the publication date ----------------------------------------------------

ARREST = {
    "a.txt": "Police in Porto arrested the suspected art forger yesterday, a spokesman said.",
    "b.txt": "Police in Porto arrested the suspected art forger on Sunday, a spokesman said.",
}


def test_yesterday_without_publication_date_is_not_a_conflict():
    assert findings(ARREST) == []


def test_yesterday_is_placed_with_the_publication_date_and_agrees():
    # a.txt published Monday 6 March 2023: "yesterday" is Sunday 5 March.
    assert findings(ARREST, published={"a.txt": "2023-03-06"}) == []


def test_yesterday_is_placed_with_the_publication_date_and_can_conflict():
    # published Thursday 9 March 2023: "yesterday" is Wednesday, not Sunday.
    (finding,) = findings(ARREST, published={"a.txt": "2023-03-09"})
    assert finding.rule == "dates.weekday-conflict"
    assert "Wednesday, March 8, 2023 (yesterday)" in [e.value for e in finding.evidence]


def test_last_and_next_weekday_resolve_against_the_publication_date():
    published = dt.date(2023, 3, 9)  # a Thursday
    assert parse_date("last Friday", published).date() == dt.date(2023, 3, 3)
    assert parse_date("next Monday", published).date() == dt.date(2023, 3, 13)
    assert parse_date("tomorrow", published).date() == dt.date(2023, 3, 10)


def test_last_weekday_without_publication_date_is_not_a_conflict():
    assert findings({
        "a.txt": "The museum in Ghent reopened its medieval wing last Friday after repairs.",
        "b.txt": "The museum in Ghent reopened its medieval wing on Monday after repairs.",
    }) == []


# -- implied days (narrative carry-over) -------------------------------------------------------

def test_implied_day_is_reported_with_the_sentence_it_was_carried_from():
    (finding,) = findings({
        "a.txt": ("The finance minister arrived in Lisbon on Monday for budget talks.\n\n"
                  "She also criticised the central bank's decision to raise interest rates."),
        "b.txt": "On Wednesday she criticised the central bank's decision to raise interest rates.",
    })
    implied = next(e for e in finding.evidence if e.path == "a.txt")
    assert implied.value == "Monday (implied)"
    assert implied.implied_from["sentence"].startswith("The finance minister arrived in Lisbon")
    assert implied.implied_from["text"] == "on Monday"
    assert "carried over from 'on Monday'" in finding.message


def test_implied_claim_spans_its_sentence_with_lower_confidence():
    claims = extract_claims("dates", "The minister arrived in Lisbon on Monday. She met the mayor.")
    implied = [c for c in claims if c.implied]
    assert [c.text for c in implied] == ["She met the mayor."]
    assert implied[0].confidence < 1.0 and implied[0].display == "Monday (implied)"
    assert implied[0].implied_span == (31, 40)


def test_two_implied_days_are_never_compared():
    assert findings({
        "a.txt": ("The delegation landed in Nairobi on Monday.\n\n"
                  "The trade envoy signed the coffee export agreement with Kenyan officials."),
        "b.txt": ("The delegation toured the port of Mombasa on Thursday.\n\n"
                  "The trade envoy signed the coffee export agreement with Kenyan officials."),
    }) == []


def test_year_mention_does_not_break_the_carried_day():
    (finding,) = findings({
        "a.txt": ("While in Oslo on Monday, the minister spoke about fisheries.\n\n"
                  "Catches had fallen sharply in 2021, officials said. "
                  "The minister also announced new quotas for cod in the Barents Sea."),
        "b.txt": "On Friday the minister announced new quotas for cod in the Barents Sea.",
    })
    assert "Monday (implied)" in [e.value for e in finding.evidence]


def test_month_mention_neither_sets_nor_breaks_the_carried_day():
    claims = extract_claims("dates", "The minister arrived on Monday. The plan was drafted in May. "
                                     "She met the mayor.")
    assert [c.display for c in claims if c.implied] == ["Monday (implied)", "Monday (implied)"]


def test_carry_stops_after_carry_paragraphs():
    texts = {
        "a.txt": ("The minister toured flood defences in Vukovar on Monday.\n\n"
                  "Traffic had been diverted for years.\n\n"
                  "The minister praised the engineers who rebuilt the bridge over the Danube."),
        "b.txt": "On Thursday the minister praised the engineers who rebuilt the bridge over the Danube.",
    }
    assert findings(texts) == []
    (finding,) = findings(texts, rules="[plugins.dates]\ncarry_paragraphs = 2\n")
    assert finding.rule == "dates.weekday-conflict"


def test_sentence_with_two_different_days_carries_neither():
    claims = extract_claims("dates", "The talks began on Monday and the vote was held on Wednesday. "
                                     "The mayor welcomed the result.")
    assert not [c for c in claims if c.implied]


def test_a_new_day_replaces_the_carried_one():
    claims = extract_claims("dates", "He arrived on Monday. He rested. On Tuesday he flew home. "
                                     "He was tired.")
    assert [c.display for c in claims if c.implied] == ["Monday (implied)", "Tuesday (implied)"]


# -- clauses -----------------------------------------------------------------------------------

def test_time_expression_dates_its_own_clause():
    text = ("The envoy spoke at the naval base near Busan, where he opened the new training "
            "centre yesterday after arriving late Monday from Manila.")
    claims = {c.text: c for c in extract_claims("dates", text)}
    assert "late Monday" in claims and "arriving" in claims["late Monday"].context
    assert "opened" not in claims["late Monday"].context
    assert "spoke" not in claims["late Monday"].context
    # so the arrival day does not date the speech in another source's account
    assert findings({
        "a.txt": text,
        "b.txt": "The envoy spoke on Tuesday at the naval base near Busan.",
    }) == []


def test_day_of_a_statement_does_not_date_the_event_it_reports():
    # a.txt dates the statement Monday and the grounding Sunday: only Sunday vs Tuesday is reported
    (finding,) = findings({
        "a.txt": "The coastguard said on Monday that the tanker ran aground near Brest on Sunday.",
        "b.txt": "The tanker ran aground near Brest on Tuesday, the coastguard said.",
    })
    assert [e.value for e in finding.evidence] == ["Sunday", "Tuesday"]


# -- what is (not) a date ----------------------------------------------------------------------

def test_may_the_verb_is_not_a_month():
    assert values("Officials may decide later. Theresa May spoke. It was written by May.") == []
    assert values("The vote is due in May.") == [When(month=5)]
    assert values("Polls close May 5.") == [When(month=5, day=5)]


def test_march_the_verb_is_not_a_month():
    assert values("Thousands march through Paris. March organisers were pleased.") == []
    assert values("Thousands marched in March.") == [When(month=3)]
    assert values("the March on Washington") == []


def test_durations_are_not_dates():
    assert values("After three days of talks and a two-day visit, three years ago, the deal held.") == []


def test_counts_are_not_years():
    assert values("He won by 2,022 votes; one in 2000 cases; 2022 people came.") == []
    assert values("Missile tests in 2022 worried Tokyo.") == [When(2022)]


def test_named_days_and_habits_are_not_dates():
    assert values("The Sunday Times reported on Easter Sunday that every Monday and Mondays are busy.") == []


def test_bounds_and_ranges_are_read_but_never_reported():
    assert [v.exact for v in values("Talks have run since Monday.")] == [False]
    assert [v.exact for v in values("Talks run from Monday to Wednesday.")] == [False, False]
    assert findings({
        "a.txt": "The airport in Bergen has been closed since Monday because of snow.",
        "b.txt": "The airport in Bergen has been closed since Thursday because of snow.",
    }) == []


def test_date_expressions_are_read_in_their_usual_forms():
    assert values("on Tuesday, December 9, 2008") == [When(2008, 12, 9, 1)]
    assert values("on Dec. 9") == [When(month=12, day=9)]
    assert values("9 December 2008") == [When(2008, 12, 9)]
    assert values("in September 2008") == [When(2008, 9)]
    assert values("in an October interview") == [When(month=10)]
    assert values("Yesterday, on Friday, she left")[0].weekday == 4
    assert [e.text for e in find_dates("on Monday night and Tuesday morning")] == ["on Monday night", "Tuesday morning"]


# -- values: intervals that overlap or not -----------------------------------------------------

def test_intervals_overlap_logic():
    monday, sunday = When(weekday=0), When(weekday=6)
    assert not monday.overlaps(sunday) and monday.conflict(sunday) == "weekday"
    assert When(month=12).conflict(When(month=9)) == "month"
    assert When(2008, 12).conflict(When(2008, 9)) == "month"
    assert When(2008, 12).conflict(When(2009, 12)) == "year"
    assert When(2008, 12).conflict(When(2009, 9)) == "year"
    assert When(2008).overlaps(When(2008, 12, 9))
    assert When(month=12).overlaps(When(2008, 12, 9))
    assert When(month=12).overlaps(When(weekday=1))  # a month and a weekday always overlap
    assert When(2008, 12, 9).overlaps(When(weekday=1))  # 9 Dec 2008 was a Tuesday
    assert When(2008, 12, 9).conflict(When(weekday=4)) == "weekday"
    assert When(month=12, day=9).conflict(When(month=12, day=10)) == "day"
    assert When(relative="yesterday").overlaps(sunday)
    assert When(weekday=0, exact=False).overlaps(sunday)
    assert When(2008, 12, 9).interval() == (dt.date(2008, 12, 9), dt.date(2008, 12, 9))
    assert When(2008, 2).interval() == (dt.date(2008, 2, 1), dt.date(2008, 2, 29))
    assert When(month=2).interval() is None


# -- property tests for the parser -------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.text())
def test_parser_never_crashes_on_any_text(text):
    for published in (None, dt.date(2023, 2, 1)):
        for expr in find_dates(text, published):
            assert 0 <= expr.start < expr.end <= len(text)
            assert text[expr.start:expr.end] == expr.text
            expr.value.display()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("MondayTuesMarchMay 0123456789,.'yesterdayin")), max_size=60))
def test_parser_never_crashes_on_date_like_text(text):
    find_dates(text)
    find_dates(text, dt.date(2020, 2, 29))


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
       st.booleans())
def test_month_day_year_round_trips(date, abbreviate):
    month = MONTHS[date.month - 1]
    if abbreviate and month != "May":
        month = month[:3] + "."
    text = f"{month} {date.day}, {date.year}"
    (expr,) = find_dates(text)
    assert expr.text == text
    assert expr.value.date() == date
    assert expr.value.display() == f"{MONTHS[date.month - 1]} {date.day}, {date.year}"
    assert expr.value.day_of_week() == date.weekday()


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_day_month_year_round_trips(date):
    text = f"The treaty was signed on {date.day} {MONTHS[date.month - 1]} {date.year} in Vienna."
    assert values(text) == [When(date.year, date.month, date.day)]


def test_day_a_statement_was_made_is_not_compared_with_the_day_of_the_event():
    assert findings({
        "a.txt": "The old footbridge in Mostar collapsed into the river on Friday, officials said.",
        "b.txt": "The old footbridge in Mostar collapsed into the river, officials said on Saturday.",
    }) == []


def test_page_stamps_are_not_event_dates():
    claims = extract_claims("dates", "Updated: November 11, 2011 20:09 IST. The navy foiled an attack.")
    assert claims == []


def test_a_closing_clause_with_few_words_is_read_with_the_clause_before():
    (finding,) = findings({
        "a.txt": "Three fishermen were still missing off the Faroe coast, Jensen, a coastguard "
                 "officer, told Reuters late Thursday.",
        "b.txt": "Three fishermen were still missing off the Faroe coast, Jensen, a coastguard "
                 "officer, told Reuters late Saturday.",
    })
    assert finding.rule == "dates.weekday-conflict"
    assert [e.value for e in finding.evidence] == ["Thursday", "Saturday"]


# -- publication date inferred from another source ---------------------------------------------

from factcheck.testing import check_texts  # noqa: E402

FERRY_A = ("The ferry Aurora sank off the coast of Lampedusa yesterday with 40 people aboard.\n\n"
           "Divers will resume the search for the missing crew {search}, the coastguard said.")
FERRY_B = ("The ferry Aurora sank off the coast of Lampedusa on {sank} with 40 people aboard.\n\n"
           "Divers will resume the search for the missing crew on {search}, the coastguard said.")


def ferry(a_search="tomorrow", sank="Tuesday", b_search="Thursday", **more):
    texts = {"a.txt": FERRY_A.format(search=a_search), "b.txt": FERRY_B.format(sank=sank, search=b_search)}
    return {**texts, **more}


def test_yesterday_aligned_with_a_weekday_infers_the_publication_weekday():
    report = check_texts(ferry(), ["dates"])
    (note,) = report.notes
    assert note.startswith("a.txt read as published on a Wednesday: its 'yesterday'")
    assert "is Tuesday in b.txt" in note
    assert report.findings == []  # "tomorrow" read as Thursday agrees with b.txt


def test_the_rest_of_the_document_must_agree():
    # "tomorrow" against "on Friday" would put a.txt on a Thursday, "yesterday" on a Wednesday
    report = check_texts(ferry(b_search="Friday"), ["dates"])
    assert report.notes == [] and report.findings == []


def test_contradictory_sources_infer_nothing():
    report = check_texts(ferry(a_search="soon", **{"c.txt": FERRY_B.format(sank="Thursday", search="May 5")}),
                         ["dates"])
    assert report.notes == []
    assert all("inferred" not in e.value for f in report.findings for e in f.evidence)


def test_an_inferred_date_resolves_next_monday():
    texts = {
        "a.txt": "The ferry Aurora sank off the coast of Lampedusa yesterday with 40 people aboard.\n\n"
                 "A public inquiry into the sinking opens in Palermo next Monday.",
        "b.txt": "The ferry Aurora sank off the coast of Lampedusa on Tuesday, March 3, 2015, with 40 "
                 "people aboard.\n\nA public inquiry into the sinking opens in Palermo on March 16.",
    }
    report = check_texts(texts, ["dates"])
    assert any(n.startswith("a.txt read as published on Wednesday, March 4, 2015") for n in report.notes)
    (finding,) = report.findings
    assert finding.rule == "dates.date-conflict"
    assert [e.value for e in finding.evidence] == ["Monday, March 9, 2015 (next Monday, inferred)",
                                                   "March 16"]


def test_a_document_with_a_publication_date_is_not_inferred():
    report = check_texts(ferry(), ["dates"], published={"a.txt": "2015-03-04"})
    assert report.notes == [] and report.findings == []


def test_a_sentence_told_from_another_time_does_not_inherit_the_narrative_day():
    text = ("The Hawks beat Maple Ridge 71-60 on Saturday and advance to the regional final.\n\n"
            "Maple Ridge, which had beaten Lakeside in the opening round just 18 hours earlier, "
            "ran out of energy in the second half.")
    claims = extract_claims("dates", text)
    assert [c.display for c in claims] == ["Saturday"]
    quiet = {"a.txt": text, "b.txt": "Maple Ridge, which had beaten Lakeside in the opening round "
                                     "on Friday, ran out of energy in the second half."}
    assert findings(quiet) == []


def test_a_quotation_in_the_clause_is_left_out_of_what_is_aligned():
    # the quotation's many words would otherwise drown the few the two reports share
    (finding,) = findings({
        "a.txt": "After telling reporters in May that she “would never again set foot in any clinic or "
                 "hospital or retreat or rehab program” “Velvet Road” singer and former model Lena "
                 "Varga checked into the Hollow Pines clinic on Friday.",
        "b.txt": "After months of rumours Lena Varga quietly checked into the Hollow Pines clinic "
                 "outside Ojai on Tuesday.",
    })
    assert finding.rule == "dates.weekday-conflict"
    assert [e.value for e in finding.evidence] == ["Friday", "Tuesday"]


# -- ranges, weeks, decades, months and years relative to the publication date ------------------

def test_a_range_of_days_is_one_expression_never_reported():
    (expr,) = find_dates("The climate talks ran Jan. 5-7 in Bonn.")
    assert expr.text == "Jan. 5-7" and not expr.value.exact
    assert findings({"a.txt": "The climate talks in Bonn ran Jan. 5-7 with 190 delegations.",
                     "b.txt": "The climate talks in Bonn ran Jan. 6 with 190 delegations."}) == []


@given(st.sampled_from(MONTHS), st.integers(1, 25), st.integers(1, 3))
def test_every_day_range_is_read_whole(month, first, length):
    text = f"The festival runs {month} {first}-{first + length}, 2024, in the old town."
    (expr,) = find_dates(text)
    assert expr.text == f"{month} {first}-{first + length}, 2024"
    assert (expr.value.month, expr.value.day, expr.value.year) == (MONTHS.index(month) + 1, first, 2024)
    assert not expr.value.exact


def test_this_month_and_last_year_are_placed_with_the_publication_date():
    published = dt.date(2015, 3, 4)
    assert values("The mill closed earlier this month.", published) == [When(2015, 3)]
    assert values("Exports fell last year.", published) == [When(2014)]
    assert values("Exports will rise next month.", dt.date(2015, 12, 1)) == [When(2016, 1)]
    assert [e.value.exact for e in find_dates("The mill closed earlier this month.")] == [False]
    assert [e.text for e in find_dates("A quake struck in April last year.", published)] == ["in April"]


def test_this_month_conflicts_with_another_month_once_placed():
    (finding,) = findings({
        "a.txt": "The textile mill in Roubaix closed its doors for good earlier this month.",
        "b.txt": "The textile mill in Roubaix closed its doors for good in January.",
    }, published={"a.txt": "2015-03-20", "b.txt": "2015-03-21"})
    assert finding.rule == "dates.date-conflict"
    assert [e.value for e in finding.evidence] == ["March 2015 (earlier this month)", "January"]


def test_weeks_and_decades_are_read_but_never_a_day():
    exprs = find_dates("The band, formed in the 1990s, toured last week and again this weekend.")
    assert [e.text for e in exprs] == ["the 1990s", "last week", "this weekend"]
    assert not any(e.value.exact for e in exprs)
    assert findings({"a.txt": "The band from Leeds played two sold-out shows last week.",
                     "b.txt": "The band from Leeds played two sold-out shows on Monday."}) == []


def test_a_weekday_the_date_does_not_fall_on_is_impossible():
    (finding,) = findings({"a.txt": "Kyiv, Thursday, July 2nd, 2013\n\nThe ceasefire talks resumed in Minsk."})
    assert finding.rule == "dates.impossible-weekday" and finding.severity == "warning"
    assert "Thursday" in finding.message and "which is a Tuesday" in finding.message
    assert findings({"a.txt": "Kyiv, Tuesday, July 2nd, 2013\n\nThe ceasefire talks resumed in Minsk."}) == []
    assert findings({"a.txt": "The ceasefire talks resumed on Thursday, July 2."}) == []  # no year


def test_datelines_and_page_stamps_are_never_compared_but_checked_for_impossible_weekdays():
    body = "\n\nThe regional council approved the new tram line to the harbour."
    assert findings({"a.txt": "21 July 2013 Last updated at 11:11 GMT" + body,
                     "b.txt": "PUBLISHED: 16:05 GMT, 23 July 2013 | UPDATED: 06:55 GMT, 24 July 2013" + body,
                     "c.txt": "Friday, July 26, 2013" + body}) == []
    (finding,) = findings({"a.txt": "Thursday, July 2nd, 2013" + body})
    assert finding.rule == "dates.impossible-weekday"
    assert [e.text for e in find_dates("On Tuesday.") if e.stamp] == []


def test_the_day_a_paper_appeared_is_not_the_day_of_the_event():
    assert values("The Globe reported in its Tuesday editions that the deal was close.") == []
    assert values("Ellis wrote in his Monday column that the offer was expected.") == []
    assert [e.text for e in find_dates("The Tuesday vote was close, the paper said.")] == ["Tuesday"]


def test_a_paragraph_opening_on_another_place_does_not_inherit_the_day():
    text = ("The ministers met in Vienna on Monday to discuss gas prices.\n\n"
            "In Lisbon, dock workers walked out over the new shift rules.")
    assert [c.display for c in extract_claims("dates", text)] == ["Monday"]
    carried = text.replace("In Lisbon, dock", "Dock")
    assert [c.display for c in extract_claims("dates", carried)] == ["Monday", "Monday (implied)"]


# -- who is in a disagreement ------------------------------------------------------------------

def test_an_outlet_agreeing_with_one_side_joins_the_finding_even_if_worded_apart_from_the_other():
    # c.txt tells the vote as b.txt does (same meeting, same Tuesday) but shares too little with
    # a.txt to be compared with it directly: it is still on b.txt's side of the disagreement.
    (finding,) = findings({
        "a.txt": "Shareholders of Norvik Shipping approved the sale to Maersk on Monday.",
        "b.txt": "Shareholders of Norvik Shipping approved the sale to Maersk on Tuesday at a "
                 "stormy meeting in a packed Oslo concert hall.",
        "c.txt": "At a stormy meeting in a packed Oslo concert hall on Tuesday, Norvik investors "
                 "voted for the deal.",
    })
    assert [(e.path, e.value) for e in finding.evidence] == [
        ("a.txt", "Monday"), ("b.txt", "Tuesday"), ("c.txt", "Tuesday")]
    assert "Tuesday in b.txt, c.txt" in finding.message


def test_an_outlet_on_another_event_does_not_join_a_side():
    result = findings({
        "a.txt": "Shareholders of Norvik Shipping approved the sale to Maersk on Monday.",
        "b.txt": "Shareholders of Norvik Shipping approved the sale to Maersk on Tuesday.",
        "c.txt": "A storm closed the port of Bergen on Tuesday.",
    })
    assert [sorted(e.path for e in f.evidence) for f in result] == [["a.txt", "b.txt"]]


def test_a_sentence_giving_both_days_is_not_set_against_either():
    # a.txt dates the final Saturday and the semifinal Friday: b.txt's Saturday is the final's.
    assert findings({
        "a.txt": "Okafor heads into Saturday's final as the league's top scorer, facing the winner "
                 "of Friday's semifinal between Lyon and Nantes.",
        "b.txt": "Okafor will face the winner of the Lyon and Nantes semifinal on Saturday.",
    }) == []


def test_a_month_joins_a_side_only_from_a_near_identical_sentence():
    # months and years of background events need min_similarity_coarse, to join a side as to
    # start a disagreement: c.txt's roof repairs are told too loosely to stand with b.txt
    texts = {
        "a.txt": "The Rijksmuseum in Amsterdam reopened its east wing in March after two years of repairs.",
        "b.txt": "The Rijksmuseum in Amsterdam reopened its east wing in September after two years of "
                 "repairs to the leaking glass roof.",
        "c.txt": "Repairs to the leaking glass roof of the Rijksmuseum east wing ended in September.",
    }
    assert [[e.path for e in f.evidence] for f in findings(texts)] == [["a.txt", "b.txt"]]
    loose = findings(texts, rules="[plugins.dates]\nmin_similarity_coarse = 0.3\n")
    assert [[e.path for e in f.evidence] for f in loose] == [["a.txt", "b.txt", "c.txt"]]


GHENT = {
    "a.txt": "Police in Ghent arrested the mayor's driver on Monday over the missing city funds.",
    "b.txt": "Police in Ghent arrested the mayor's driver on Wednesday over the missing city funds.",
}
GHENT_LATE_DAY = (
    "Police in Ghent have arrested the mayor's driver over the missing city funds, prosecutors said.\n\n"
    "Officers had been watching the driver for weeks.\n\n"
    "The driver was picked up at his home in the city on Wednesday and questioned for six hours.")


def test_a_story_telling_the_event_without_a_day_and_naming_one_day_later_joins_that_side():
    # c.txt's lead tells the arrest with no day; the only day of its story comes two paragraphs
    # later, in a sentence about the same driver and city
    (finding,) = findings({**GHENT, "c.txt": GHENT_LATE_DAY})
    assert [(e.path, e.value) for e in finding.evidence] == [
        ("a.txt", "Monday"), ("b.txt", "Wednesday"), ("c.txt", "Wednesday")]
    # the message says how c.txt is on that side: where it tells the event
    assert ("c.txt (the story's only day; it tells the event in 'Police in Ghent have arrested "
            "the mayor's driver over the...')") in finding.message


def test_a_story_naming_two_days_does_not_join_a_side_by_its_lead():
    (finding,) = findings({**GHENT, "c.txt": GHENT_LATE_DAY + "\n\nHe will appear before a judge on Friday."})
    assert [e.path for e in finding.evidence] == ["a.txt", "b.txt"]


def test_a_story_whose_only_day_is_about_something_else_does_not_join_a_side():
    late = GHENT_LATE_DAY.replace(
        "The driver was picked up at his home in the city on Wednesday and questioned for six hours.",
        "The council meets on Wednesday to elect a new treasurer.")
    (finding,) = findings({**GHENT, "c.txt": late})
    assert [e.path for e in finding.evidence] == ["a.txt", "b.txt"]


# -- a day that dates a thing, not the clause ---------------------------------------------------

def test_a_possessive_day_after_for_or_of_dates_only_the_thing_it_names():
    # "for Sunday's cup final": Sunday is the final's day, not the arrest's
    assert findings({
        "a.txt": "The drink-driving arrest of Lyon striker Okafor will not affect his place in the "
                 "squad for Sunday's cup final.",
        "b.txt": "Lyon striker Okafor was arrested for drink-driving on Tuesday.",
    }) == []
    (claim,) = extract_claims("dates", "Lyon will face the winner of Friday's semifinal in Nantes.")
    assert claim.context.split() == ["semifinal", "in", "Nantes."]


def test_a_possessive_day_of_a_thing_sets_no_narrative_day():
    assert findings({
        "a.txt": "Lyon have named Okafor in the squad for Sunday's cup final. The striker was "
                 "arrested for drink-driving in the city centre.",
        "b.txt": "The striker was arrested for drink-driving in the city centre on Tuesday.",
    }) == []


def test_a_blog_posting_line_is_a_page_stamp():
    # the day each blog put its item up, not the day of the accident
    assert findings({
        "a.txt": "A cyclist was killed in a hit-and-run crash on Route 9 in Lakewood.\n\n"
                 "Posted in Pedestrian Accidents on Wednesday, September 18, 2013.",
        "b.txt": "A cyclist was killed in a hit-and-run crash on Route 9 in Lakewood.\n\n"
                 "Posted in Hit and Run Accidents on Friday, September 20, 2013.",
    }) == []
    (expr,) = find_dates("Posted by Jane Okafor on March 3, 2013")
    assert expr.stamp
    (expr,) = find_dates("The video was posted in a Facebook group on Tuesday.")
    assert not expr.stamp  # an event told in the story


# -- times of day ----------------------------------------------------------------------------------

from factcheck.plugins.dates import find_clocks  # noqa: E402


def clock(text):
    return [(text[s:e], c.low, c.high, c.utc) for s, e, c in find_clocks(text)]


def test_clock_times_are_read_with_their_zones_as_intervals():
    assert clock("The blast came at 9:15 p.m. local time.") == [("9:15 p.m. local time", 1270, 1280, False)]
    assert clock("The polls opened at 07:30 CET.") == [("07:30 CET", 385, 395, True)]  # 06:30 UTC
    assert clock("The launch was set for 1430 GMT.") == [("1430 GMT", 865, 875, True)]
    assert clock("It ended around 9 p.m. ET") == [("around 9 p.m. ET", 1225 + 240, 1349 + 300, True)]
    assert clock("They met at noon.") == [("noon", 715, 725, False)]


def test_scores_ratios_and_bounds_are_no_times_of_day():
    assert clock("The final score was 12:10 after extra time.") == []
    assert clock("Turnout was 40 percent as of 4 p.m. and the polls stay open until 8 p.m.") == []


def test_different_times_of_the_same_event_are_a_time_conflict_with_a_time_zone_hint():
    (finding,) = findings({
        "a.txt": "The cargo ship Maren ran aground near the port of Gdynia at 3:20 a.m. on Sunday, the coastguard said.",
        "b.txt": "The cargo ship Maren ran aground near the port of Gdynia at 4:20 a.m. on Sunday, the coastguard said.",
    })
    assert finding.rule == "dates.time-conflict" and finding.severity == "warning"
    assert [e.value for e in finding.evidence] == ["3:20 a.m.", "4:20 a.m."]
    assert "exactly an hour apart" in finding.message


def test_the_same_time_in_two_zones_or_rounded_is_no_conflict():
    assert findings({
        "a.txt": "The cargo ship Maren ran aground near the port of Gdynia at 0120 GMT on Sunday, the coastguard said.",
        "b.txt": "The cargo ship Maren ran aground near the port of Gdynia at 3:20 a.m. CEST on Sunday, the coastguard said.",
        "c.txt": "The cargo ship Maren ran aground near the port of Gdynia shortly after 1 a.m. GMT on Sunday, the coastguard said.",
    }) == []
    assert findings({
        "a.txt": "The cargo ship Maren ran aground near the port of Gdynia at 3:20 a.m. on Sunday, the coastguard said.",
        "b.txt": "The cargo ship Maren ran aground near the port of Gdynia at 3:18 a.m. on Sunday, the coastguard said.",
    }) == []


def test_a_time_with_a_zone_is_never_compared_with_one_without():
    assert findings({
        "a.txt": "The cargo ship Maren ran aground near the port of Gdynia at 3:20 a.m. on Sunday, the coastguard said.",
        "b.txt": "The cargo ship Maren ran aground near the port of Gdynia at 0120 GMT on Sunday, the coastguard said.",
    }) == []


def test_a_page_stamp_with_a_time_is_never_compared():
    kinds = [c.kind for c in extract_claims(
        "dates", "9:53 AM, MON 22 JUL 2013\n\nThe cargo ship Maren ran aground near Gdynia at 3:20 a.m.")]
    assert kinds.count("time") == 1  # the event's time, not the page's
    assert findings({
        "a.txt": "9:53 AM, MON 22 JUL 2013\n\nThe cargo ship Maren ran aground near Gdynia, the coastguard said.",
        "b.txt": "10:24 AM, MON 22 JUL 2013\n\nThe cargo ship Maren ran aground near Gdynia, the coastguard said.",
    }) == []


@given(st.text(alphabet=st.sampled_from(list("0123456789:. apmAPMGTUCESnoid()")), max_size=40))
@settings(max_examples=300, deadline=None)
def test_clock_reader_never_crashes_and_keeps_its_spans_inside_the_text(text):
    for start, end, value in find_clocks(text):
        assert 0 <= start < end <= len(text) and value.low <= value.high


@given(st.integers(0, 23), st.integers(0, 59))
def test_a_written_clock_time_round_trips(hour, minute):
    twelve = f"{(hour % 12) or 12}:{minute:02d} {'p.m.' if hour >= 12 else 'a.m.'}"
    ((_, _, a),) = find_clocks(f"It happened at {twelve}.")
    ((_, _, b),) = find_clocks(f"It happened at {hour:02d}:{minute:02d}.")
    assert a.written == b.written == hour * 60 + minute


def test_a_time_without_a_zone_is_not_listed_beside_a_time_it_cannot_be_compared_with():
    (finding,) = findings({
        "a.txt": "The cargo ship Maren ran aground near the port of Gdynia at 3:20 a.m. on Sunday, the coastguard said.",
        "b.txt": "The cargo ship Maren ran aground near the port of Gdynia at 4:20 a.m. on Sunday, the coastguard said.",
        "c.txt": "The cargo ship Maren ran aground near the port of Gdynia at 0120 GMT on Sunday, the coastguard said.",
    })
    assert sorted(e.path for e in finding.evidence) == ["a.txt", "b.txt"]



# The quick tests before the date and clock patterns: never "no" where the pattern finds something.
from factcheck.plugins.dates import (  # noqa: E402
    CLOCK_RE, RELATIVE, RELATIVE_RE, _TIME_SHIFT, _TIME_SHIFT_WORDS, _has_word, _may_have_clock)

_GATE_SAMPLES = [
    "He left YESTERDAY.", "Tonight's game", "ton\u0131ght", "TOMORROW", "to day", "the day before",
    "Previously, she said", "three years AGO", "afterwards", "overnight", "The Chicago office",
    "at 5:42 a.m.", "AT 17:30 CET", "0542 GMT", "0542 utc", "9 P.M.", "9pm", "around 9 p.m. ET",
    "NOON", "m\u0131dnight", "Midday", "12:10", "scores of 3-1", "in 2000 cases", "",
]


def _gates_keep(text: str) -> None:
    if RELATIVE_RE.search(text):
        assert _has_word(text, RELATIVE), text
    if _TIME_SHIFT.search(text):
        assert _has_word(text, _TIME_SHIFT_WORDS), text
    if CLOCK_RE.search(text):
        assert _may_have_clock(text), text


def test_the_quick_tests_keep_every_relative_day_time_shift_and_clock_time():
    for text in _GATE_SAMPLES:
        _gates_keep(text)
    assert not _has_word("The Sunday talks", RELATIVE) and not _may_have_clock("scores of 3-1")


@given(st.text(alphabet=st.sampled_from(list("yesterdaYTODmrwnighlpvufAPMGUC0159:. \u0130\u0131\u017f\u212a")),
               max_size=30))
@settings(max_examples=500, deadline=None)
def test_the_quick_tests_never_miss_what_a_pattern_ignoring_case_finds(text):
    _gates_keep(text)


@given(st.lists(st.sampled_from(["on", "last", "Last", "the", "this", "\u017fince", "x", "Monday", "Mondays",
                                 "Sunday's", "xFriday", "Friday-", "morning", " ", "  ", "\n", ",", "-"]),
                max_size=14))
@settings(max_examples=500, deadline=None)
def test_the_weekday_scan_finds_what_the_weekday_pattern_finds(parts):
    from factcheck.plugins.dates import WEEKDAY_RE, _weekday_matches
    text = "".join(parts)
    assert [m.span() for m in _weekday_matches(text)] == [m.span() for m in WEEKDAY_RE.finditer(text)]


@given(st.lists(st.sampled_from(["about", "shortly", "after", "just", "at", "At", "9", "12", "5:42", "17:30", "0542",
                                 "GMT", "utc", "a.m.", "pm", "P.M", "noon", "Midnight", "m\u0131dnight", "ET", "local",
                                 "time", "x", "by", "(", ")", ",", ":", ".", " ", "  ", "\n"]),
                max_size=14))
@settings(max_examples=800, deadline=None)
def test_the_clock_scan_finds_what_the_clock_pattern_finds(parts):
    from factcheck.plugins.dates import _clock_matches
    text = "".join(parts)
    assert [m.span() for m in _clock_matches(text)] == [m.span() for m in CLOCK_RE.finditer(text)]
