"""The quotes plugin: extraction, speakers, matching by words, and what an editor is told.

Every text here is written for the test (none of the seed articles).
"""
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.host import Host
from factcheck.testing import extract_claims, run_plugin
from factcheck.plugins.quotes import quote_words, same_speaker
from factcheck.config import Aliases, DEFAULT_ALIASES


def quotes(text):
    """(quoted text, speaker) for each quotation of one text."""
    return [(c.display, c.data["speaker"]) for c in extract_claims("quotes", text)]


def speakers(text):
    return [speaker for _, speaker in quotes(text)]


def findings(a, b, rules=""):
    return run_plugin("quotes", {"a.txt": a, "b.txt": b}, rules=rules)


# -- extraction ----------------------------------------------------------------------------------

def test_curly_double_quotes_give_the_quoted_words_without_marks():
    claims = extract_claims("quotes", "The mayor said “the bridge reopens in May” after the vote.")
    assert [c.text for c in claims] == ["the bridge reopens in May"]
    assert claims[0].value == ("the", "bridge", "reopens", "in", "may")
    assert claims[0].context == "the bridge reopens in May"


def test_straight_double_quotes_are_quotations():
    assert [q for q, _ in quotes('The mayor said "the bridge reopens in May" after the vote.')] == [
        "the bridge reopens in May"]


def test_guillemets_are_quotations():
    assert [q for q, _ in quotes("Le maire a dit « le pont rouvrira en mai » hier.")] == [
        "le pont rouvrira en mai"]


def test_single_quotes_in_a_headline_are_a_quotation():
    assert [q for q, _ in quotes("Council calls budget plan ‘deeply irresponsible’")] == [
        "deeply irresponsible"]


def test_apostrophes_are_not_quotation_marks():
    text = "We're sure Reid's lawyer won't comment, and the players' union agreed it's over."
    assert quotes(text) == []


def test_a_quotation_may_span_sentences_and_two_quotations_share_a_paragraph():
    text = ("“We lost the harvest. Nobody could stop the water,” the farmer said. "
            "“So the valley needs help now.”")
    assert [q for q, _ in quotes(text)] == [
        "We lost the harvest. Nobody could stop the water", "So the valley needs help now."]


def test_single_quotes_inside_a_paragraph_closed_before_an_attribution():
    text = ("In May the chef spoke to a reporter about the fire. "
            "'We will rebuild the kitchen by autumn,' she told the paper.")
    assert [q for q, _ in quotes(text)] == ["We will rebuild the kitchen by autumn"]


def test_a_closing_mark_without_opening_one_closes_a_quotation_from_the_paragraph_start():
    text = ("Chef Nina Park spoke about the fire.\n\n"
            "We lost everything that night. We will rebuild the kitchen by autumn,' she told the paper.")
    assert quotes(text) == [
        ("We lost everything that night. We will rebuild the kitchen by autumn", "Nina Park")]


# -- speakers ------------------------------------------------------------------------------------

def test_speaker_before_the_quotation_with_title_stripped():
    assert speakers("Governor Maria Lopez said “the levee will hold through the weekend.”") == [
        "Maria Lopez"]


def test_speaker_after_said():
    assert speakers("“The levee will hold,” said Governor Maria Lopez.") == ["Maria Lopez"]


def test_speaker_before_added_after_the_quotation():
    assert speakers("“The levee will hold through the weekend,” Lopez added.") == ["Lopez"]


def test_speaker_from_according_to():
    assert speakers("“The levee will hold,” according to county engineer Paul Brandt.") == [
        "Paul Brandt"]


def test_speaker_who_told_reporters():
    assert speakers("Fire chief Dana Whitfield told reporters: “We have the blaze contained.”") == [
        "Dana Whitfield"]


def test_speaker_separated_from_said_by_an_apposition():
    assert speakers("Dana Whitfield, the county fire chief, said “we have the blaze contained.”") == [
        "Dana Whitfield"]


def test_speaker_after_adding_is_the_subject_of_the_sentence():
    text = ("Mayor Ann Ortiz says the city will pay for repairs, adding that “no family will be "
            "left alone.”")
    assert speakers(text) == ["Ann Ortiz"]


def test_representative_named_after_a_possessive_is_the_speaker_not_the_client():
    text = ("Lena Moss's representative Carl Dunn issued a statement, he said “Lena is resting at "
            "home with her family.”")
    assert speakers(text) == ["Carl Dunn"]


def test_rep_after_the_quotation_is_the_speaker():
    text = "“Lena is resting at home,” the singer's rep Carl Dunn told the magazine."
    assert speakers(text) == ["Carl Dunn"]


def test_a_family_name_written_first_is_completed_to_the_full_name():
    text = ("Chinese Premier Li Qiang arrived in Canberra on Sunday. "
            "“Both countries gain from open trade,” Li said.")
    assert speakers(text) == ["Li Qiang"]


def test_a_first_word_two_people_share_is_not_completed():
    text = ("Premier Li Qiang met Li Wei, the trade envoy, on Sunday. "
            "“Both countries gain from open trade,” Li said.")
    assert speakers(text) == ["Li"]


def test_he_said_resolves_to_the_last_person_named_outside_quotation_marks():
    text = ("Mayor Ann Ortiz visited the flooded district on Monday.\n\n"
            "“When Tom Reyes called me at midnight, I knew the river was rising,” she said.")
    assert speakers(text) == ["Ann Ortiz"]


def test_he_said_skips_places_named_after_the_person():
    text = ("“The storm is moving east,” Ben Adler said at the Kemper Weather Center in North "
            "Dakota.\n\n“We expect heavy rain by morning,” he said.")
    assert speakers(text) == ["Ben Adler", "Ben Adler"]


def test_unattributed_quotation_after_an_attributed_one_inherits_its_speaker():
    text = "“We are ready,” Ken Obi said. “Nobody will be left behind.”"
    assert speakers(text) == ["Ken Obi", "Ken Obi"]


def test_apposition_after_the_name_is_skipped():
    text = ("Lena Ruiz, director of the Riverside Wildlife Program, says her group will sue: "
            "“This rule ignores every study of the river.”")
    assert speakers(text) == ["Lena Ruiz"]


def test_organisation_before_the_person_after_said():
    text = ("“Customers should install the update today,” said Microsoft security response head "
            "Christopher Budd.")
    assert speakers(text) == ["Christopher Budd"]


def test_sentence_opening_adverb_is_not_part_of_the_name():
    assert speakers("Ironically Nichols said “I will not bring dishonor to the court.”") == ["Nichols"]


def test_addressee_before_a_colon_is_not_the_speaker():
    text = "Nugroho told Agence France Presse: “We have recorded 24 people dead.”"
    assert speakers(text) == ["Nugroho"]


def test_two_speakers_joined_by_and():
    text = "“I am thrilled to have her host the show,” producers Craig Zadan and Neil Meron said."
    assert speakers(text) == ["Craig Zadan and Neil Meron"]


def test_closing_mark_at_paragraph_start_ends_a_quotation_from_the_previous_paragraph():
    text = ("“The water rose so fast that nobody could reach the school.\n\n"
            "We carried the children out through the roof, ” Mayor Ann Ortiz said.")
    assert quotes(text)[-1] == ("We carried the children out through the roof", "Ann Ortiz")


def test_unnamed_speaker_is_none():
    assert speakers("A friend of Tara Quinn said “she is doing fine now.”") == [None]


def test_passive_told_is_no_attribution():
    assert speakers("He was told “nothing will change” by aides.") == [None]


def test_a_paragraph_of_several_documents_is_read_with_each_documents_own_words(monkeypatch):
    """A paragraph is read once for the copies that print it, but 'Police said' names a speaker
    only in a document that never writes 'police' in lower case: each copy is told apart."""
    from factcheck.config import Config
    from factcheck.testing import make_documents
    import factcheck.plugins.quotes as plugin

    shared = "Police said \u201cwe found the car near the river\u201d on Monday."
    texts = {"a.txt": shared + "\n\nThe police later left.", "b.txt": shared + "\n\nThe officers left.",
             "c.txt": "The officers left.\n\n" + shared, "d.txt": shared + "\n\nThe police left."}
    host = Host(Config(), plugins={"quotes": plugin}, use_entry_points=False)
    docs = make_documents(texts)
    context = host.context("quotes", docs)
    original, read = plugin._read_paragraph, []

    def reading(para, *rest):
        read.append(para)
        return original(para, *rest)
    monkeypatch.setattr(plugin, "_read_paragraph", reading)
    plugin._paragraph_readings.cache_clear()
    found = [[(c.data["speaker"], c.data["how"]) for c in host.call("quotes", "factcheck_extract", document=d,
                                                                      context=context)] for d in docs]
    assert found == [[(None, "unknown")], [("Police", "explicit")], [("Police", "explicit")], [(None, "unknown")]]
    # read again only for another answer about 'police' (b.txt), or a paragraph not read before
    assert read == [shared, "The police later left.", shared, "The officers left.", "The police left."]


# -- normalisation -------------------------------------------------------------------------------

def test_normalised_words_fold_spelling_case_and_punctuation():
    british = quote_words("Our Defence minister — organised, as ever — honoured the centre…")
    american = quote_words("our defense minister - organized, as ever - honored the center...")
    assert british.words == american.words


def test_bracketed_insertions_are_dropped():
    assert quote_words("If [Mayor] Ortiz wins").words == quote_words("If (Mayor) Ortiz wins").words


def test_spaced_apostrophes_and_lost_spaces_are_repaired():
    assert quote_words("I \u2019 m sure").words == quote_words("I'm sure").words
    assert quote_words("Police'locked down' the street").words == quote_words(
        "Police locked down the street").words


# -- comparing quotations ------------------------------------------------------------------------

def test_identical_quotations_are_quiet():
    text = "“We will rebuild the kitchen by autumn,” chef Nina Park said."
    assert findings(text, text) == []


def test_bracketed_insertion_is_not_a_change_of_wording():
    assert findings(
        "“If [Mayor Ann] Ortiz loses the vote, the bridge will never be finished,” Reyes said.",
        "“If (Ann) Ortiz loses the vote, the bridge will never be finished,” Reyes said.",
    ) == []


def test_bracket_standing_for_the_words_it_replaces_is_not_a_change():
    assert findings(
        "“If [Ortiz] loses the vote, the bridge will never be finished,” Reyes said.",
        "“If she loses the vote, the bridge will never be finished,” Reyes said.",
    ) == []


def test_bracket_does_not_hide_a_changed_word_next_to_it():
    result = findings(
        "“We should be looking for ways to improve it, not weaken it,” Reyes said.",
        "“We should be looking at ways to strengthen [the river act], not weaken it,” Reyes said.",
    )
    assert [f.severity for f in result] == ["warning"]
    assert "[improve it] vs [strengthen]" in result[0].message


def test_ellipsis_marks_an_omission_not_a_change():
    assert findings(
        "“We will rebuild the bridge \u2026 before the spring floods,” Ortiz said.",
        "“We will rebuild the bridge, whatever it costs, before the spring floods,” Ortiz said.",
    ) == []


def test_quotation_taken_from_a_sentence_start_is_a_truncation():
    assert findings(
        "“It took us a year to find the right person. That moment has arrived,” Reyes said.",
        "Reyes said “now that moment has arrived” for the town.",
    ) == []


def test_shared_names_alone_do_not_make_the_same_quotation():
    assert findings(
        "“Peter Capaldi is in the Tardis tonight,” Reyes said.",
        "“Peter Capaldi is the perfect choice for us,” Reyes said.",
    ) == []


def test_truncated_quotation_is_not_a_misquote():
    assert findings(
        "Park called the restaurant “the heart of our small town” on Friday.",
        "“It is the heart of our small town and we will rebuild it by autumn,” Park said.",
    ) == []


def test_spelling_variants_inside_a_quotation_are_not_a_change():
    assert findings(
        "“Our neighbours organised the defence of the harbour,” Reyes said.",
        "“Our neighbors organized the defense of the harbor,” Reyes said.",
    ) == []


def test_leading_connective_only_is_info():
    result = findings(
        "“The river will crest tonight in the old town, and we must move the families now,” "
        "Whitfield said.",
        "“So the river will crest tonight in the old town.”",
    )
    assert [(f.rule, f.severity) for f in result] == [("quotes.wording", "info")]
    assert "[So]" in result[0].message


def test_changed_words_inside_a_quotation_are_a_warning_with_the_difference_shown():
    result = findings(
        "Park told the paper she did not “want to see any of that again,” on Friday.",
        "“I never want to see anything again,” Park told the paper.",
    )
    assert [(f.rule, f.severity) for f in result] == [("quotes.wording", "warning")]
    assert "[any of that] vs [anything]" in result[0].message
    assert sorted(e.path for e in result[0].evidence) == ["a.txt", "b.txt"]


def test_the_word_level_difference_is_a_field_of_the_finding_in_the_table_and_the_json():
    import json

    from factcheck.testing import check_texts

    report = check_texts({
        "a.txt": "“The levee will hold through the night, and we will keep the pumps running,” Marsh said.",
        "b.txt": "“The levee should hold through the night,” Marsh said.",
    }, ["quotes"])
    (finding,) = report.findings
    assert finding.diff == ("-will +should",)
    formats = Host().formats()
    assert "\n   words: -will +should\n" in formats["table"].render(report)
    assert json.loads(formats["json"].render(report))["findings"][0]["diff"] == ["-will +should"]
    sarif = json.loads(formats["sarif"].render(report))
    assert sarif["runs"][0]["results"][0]["properties"]["diff"] == ["-will +should"]


def test_a_connective_at_the_edge_is_an_insertion_in_the_diff():
    result = findings("“The levee will hold through the night.”", "“So the levee will hold through the night.”")
    assert [(f.severity, f.diff) for f in result] == [("info", ("+So",))]


def test_one_finding_per_pair_of_versions_with_one_evidence_item_per_document():
    same = "“I never want to see anything again,” Park told the paper."
    result = run_plugin("quotes", {
        "a.txt": "Park said she did not “want to see any of that again.”",
        "b.txt": same,
        "c.txt": same,
    })
    assert len(result) == 1
    assert sorted(e.path for e in result[0].evidence) == ["a.txt", "b.txt", "c.txt"]


def test_two_different_quotations_sharing_a_phrase_are_not_matched():
    assert findings(
        "“The flood in the valley destroyed every bridge we had,” Reyes said.",
        "“The flood in the valley matters for the whole country,” Reyes said.",
    ) == []


def test_same_words_from_different_speakers_are_a_speaker_conflict():
    result = findings(
        "“I will rebuild the bridge before the spring floods,” Mayor Ann Ortiz said.",
        "“I will rebuild the bridge before the spring floods,” said council member Tom Reyes.",
    )
    assert [(f.rule, f.severity) for f in result] == [("quotes.speaker-conflict", "error")]
    assert "Ann Ortiz" in result[0].message and "Tom Reyes" in result[0].message


def test_surname_and_full_name_are_one_speaker():
    assert findings(
        "“I will rebuild the bridge before the spring floods,” Mayor Ann Ortiz said.",
        "“I will rebuild the bridge before the spring floods,” Ortiz said.",
    ) == []


def test_misspelt_name_is_one_speaker():
    assert findings(
        "“I will rebuild the bridge before the spring floods,” Mayor Ann Ortiz said.",
        "“I will rebuild the bridge before the spring floods,” Mayor Ann Ortis said.",
    ) == []


def test_a_statement_for_a_group_is_no_speaker_conflict():
    assert findings(
        "“We will rebuild the bridge before the spring floods,” Mayor Ann Ortiz said.",
        "“We will rebuild the bridge before the spring floods,” said council member Tom Reyes.",
    ) == []


def test_a_company_and_its_spokesman_are_no_speaker_conflict():
    assert findings(
        "“Customers should install the update as soon as possible,” said Microsoft.",
        "“Customers should install the update as soon as possible,” said Microsoft security "
        "response head Christopher Budd.",
    ) == []


def test_a_joint_statement_credited_to_one_of_its_authors_is_no_conflict():
    assert findings(
        "“I am thrilled to have her host the show,” producers Craig Zadan and Neil Meron said.",
        "“I am thrilled to have her host the show,” Zadan said.",
    ) == []


def test_speaker_guessed_from_he_said_never_conflicts():
    assert findings(
        "Ann Ortiz spoke first.\n\nTom Reyes arrived later. “I will rebuild the bridge before the "
        "spring floods,” she said.",
        "“I will rebuild the bridge before the spring floods,” Mayor Ann Ortiz said.",
    ) == []


def test_aliases_are_one_speaker():
    assert findings(
        "“Our weapons programme is not for sale at any price,” Pyongyang said.",
        "“Our weapons program is not for sale at any price,” North Korea said.",
    ) == []


def test_aliases_from_rules_toml_are_one_speaker():
    a = "“I give my life to the poorest of the poor,” Mother Teresa said."
    b = "“I give my life to the poorest of the poor,” Anjeze Bojaxhiu said."
    assert [f.rule for f in findings(a, b)] == ["quotes.speaker-conflict"]
    assert findings(a, b, '[aliases]\n"Mother Teresa" = ["Anjeze Bojaxhiu"]\n') == []


def test_unknown_speaker_never_conflicts():
    assert findings(
        "“We will rebuild the bridge before the spring floods,” a council member said.",
        "“We will rebuild the bridge before the spring floods,” Mayor Ann Ortiz said.",
    ) == []


def test_same_speaker_compares_surnames_and_aliases():
    aliases = Aliases(DEFAULT_ALIASES)
    assert same_speaker("Stoltz", "Jens Stoltz", aliases)
    assert same_speaker("Seoul", "South Korea", aliases)
    assert not same_speaker("Ann Ortiz", "Tom Reyes", aliases)


# -- robustness ----------------------------------------------------------------------------------

@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab C.,'\"“”‘’«»()[]\n …-")), max_size=120))
def test_extraction_never_crashes_on_any_text(text):
    for claim in extract_claims("quotes", text):
        assert 0 <= claim.start < claim.end <= len(text)


# -- speakers: organisations, partial quotations, quotations over paragraphs ------------------------

def claims_of(text):
    return [(c.text, c.data["speaker"], c.data["how"]) for c in extract_claims("quotes", text)]


def test_an_organisation_speaks_but_is_no_person():
    claims = extract_claims("quotes", "The ministry said it was “deeply concerned about the escalation” "
                                      "in the border region.")
    assert [(c.data["speaker"], c.data["person"]) for c in claims] == [("the ministry", False)]
    claims = extract_claims("quotes", "The Foreign Ministry said: “We are deeply concerned.”")
    assert [(c.data["speaker"], c.data["person"]) for c in claims] == [("Foreign Ministry", False)]


def test_a_partial_quotation_after_called_it_or_described_as_has_the_subject_as_speaker():
    assert speakers("Council member Tom Reyes called it “a tragedy for the town” on Monday.") == ["Tom Reyes"]
    assert speakers("Ann Ortiz described the closure as ‘a tragedy for the town’ on Monday.") == ["Ann Ortiz"]
    assert speakers("The closure was called “a tragedy for the town” by many residents.") == [None]


def test_a_quotation_running_over_paragraphs_takes_the_speaker_named_at_its_end():
    text = ("“The river rose faster than anyone had planned for in the spring.\n\n"
            "“We will rebuild the levee before the next flood,” engineer Paul Brandt said.")
    assert claims_of(text) == [
        ("The river rose faster than anyone had planned for in the spring.", "Paul Brandt", "inherited"),
        ("We will rebuild the levee before the next flood", "Paul Brandt", "explicit")]


def test_an_unattributed_paragraph_after_a_quoted_one_shows_the_speaker_but_never_conflicts():
    a = ("“The harvest came in late this year,” farmer Ines Kowalski said.\n\n"
         "“Nobody in the valley could have stopped the water from reaching the barns.”")
    assert claims_of(a)[1] == ("Nobody in the valley could have stopped the water from reaching the barns.",
                               "Ines Kowalski", "paragraph")
    b = "“Nobody in the valley could have stopped the water from reaching the barns,” Mayor Tom Reyes said."
    assert [f.rule for f in findings(a, b)] == []


def test_a_surname_two_people_share_is_not_completed_to_either():
    text = ("Coach Roy Williams and forward Marvin Williams watched the ceremony.\n\n"
            "“He dove across the line on the asphalt track,” Williams said.")
    assert speakers(text) == ["Williams"]


def test_the_evidence_of_a_quotation_over_several_sentences_shows_all_of_them():
    a = ("The mayor spoke on Friday. “We lost the harvest. Nobody could stop the water from reaching "
         "the barns,” Mayor Ann Ortiz said. Crews left.")
    b = ("“We lost the harvest. Nobody could stop the flood from reaching the barns,” Mayor Ann Ortiz "
         "said on Friday.")
    (finding,) = findings(a, b)
    first = finding.evidence[0]
    assert first.path == "a.txt"
    assert first.sentence == ("“We lost the harvest. Nobody could stop the water from reaching the barns,” "
                              "Mayor Ann Ortiz said.")
    one = extract_claims("quotes", "Crews left. “The bridge reopens in May,” she said. Then rain.")[0]
    assert one.evidence_span is None


def test_a_long_apposition_after_the_quotation_still_names_the_speaker():
    text = ("“We are searching the rubble for survivors,” said district chief Rusli Saleh.\n\n"
            "“I saw many houses fall onto the people inside,” Bensu Elianita, a 22-year-old "
            "resident of Bukit Sama village in the Central Aceh district, said after the quake.")
    assert speakers(text) == ["Rusli Saleh", "Bensu Elianita"]
    # too long to be one subject: no speaker, rather than a guess
    far = ("“I saw many houses fall,” the people who had come down from the villages in the hills "
           "above the lake and the river and the road said.")
    assert speakers(far) == [None]


def test_a_middle_initial_stays_inside_the_speakers_name():
    assert speakers("“We are searching the rubble,” said Rusli M. Saleh, the deputy chief.") == ["Rusli M. Saleh"]
    assert speakers("“We are searching the rubble,” Michael J. Fox said on Monday.") == ["Michael J. Fox"]


# -- a paraphrase presented as a quotation -----------------------------------------------------

def test_words_only_one_document_quotes_and_another_reports_are_a_paraphrase_as_quote():
    result = findings(
        "Harbour master Ines Duarte said the port would stay closed to tankers until the spill was cleaned up.",
        "“The port will stay closed to tankers until the spill is cleaned up,” Ines Duarte said on Friday.",
    )
    assert [(f.rule, f.severity) for f in result] == [("quotes.paraphrase-as-quote", "warning")]
    quoted, reported = result[0].evidence
    assert quoted.path == "b.txt" and reported.path == "a.txt"
    assert reported.text == "the port would stay closed to tankers until the spill was cleaned up"
    assert "Only b.txt quotes Ines Duarte directly" in result[0].message


def test_reported_speech_shifts_person_and_tense_but_not_content_words():
    from factcheck.plugins.quotes import reported_speech

    def reported(quote, sentence):
        qw, sw = quote_words(quote), quote_words(sentence)
        region = reported_speech(qw.words, sw.words)
        return region and " ".join(sw.surface[region[0]:region[1]])

    assert reported("We will rebuild every school", "Okoro said they would rebuild every school.") == \
        "they would rebuild every school"
    assert reported("I am proud of my team", "Okoro said he was proud of his team.") == "he was proud of his team"
    assert reported("We will rebuild every school", "Okoro said they would rebuild every clinic.") is None
    assert reported("We will rebuild every school", "Okoro said they would not rebuild every school.") is None


def test_a_quotation_two_documents_print_is_no_paraphrase_when_a_third_reports_it():
    quoted = "“The port will stay closed to tankers until the spill is cleaned up,” Ines Duarte said."
    assert findings_of(
        {"a.txt": "Ines Duarte said the port would stay closed to tankers until the spill was cleaned up.",
         "b.txt": quoted, "c.txt": quoted}) == []


def test_reported_speech_of_someone_else_or_with_other_words_is_no_paraphrase():
    quoted = "“The port will stay closed to tankers until the spill is cleaned up,” Ines Duarte said."
    assert findings("Minister Paulo Reis said the port would stay closed to tankers until the spill was cleaned up.",
                    quoted) == []
    assert findings("Ines Duarte said the port would stay closed to all ships until the spill was cleaned up.",
                    quoted) == []


def findings_of(texts):
    return [f for f in run_plugin("quotes", texts) if f.rule == "quotes.paraphrase-as-quote"]


def test_reported_speech_names_the_speaker_by_any_word_of_the_name_never_by_a_piece_of_a_word():
    quoted = "“Both countries will gain from open trade in the years ahead,” Premier Li Qiang said."
    assert [f.rule for f in findings_of({
        "a.txt": quoted, "b.txt": "Li said both countries would gain from open trade in the years ahead."})] == \
        ["quotes.paraphrase-as-quote"]
    assert findings_of({
        "a.txt": quoted, "b.txt": "Police said both countries would gain from open trade in the years ahead."}) == []
