from pathlib import Path

from factcheck.config import parse_config
from factcheck.model import Source
from factcheck.segment import clauses, paragraphs, segment


def sentences_of(text, abbreviations=()):
    return [s.text for s in segment(Source("a.txt", text), 0, abbreviations).sentences]


def test_us_abbreviation_does_not_end_the_sentence():
    text = "The envoy mentioned U.S. intelligence reports on Sunday. He left for Seoul."
    assert sentences_of(text) == [
        "The envoy mentioned U.S. intelligence reports on Sunday.",
        "He left for Seoul.",
    ]


def test_titles_months_and_times_do_not_end_sentences():
    text = "Gen. Milley met Sen. Warren at 9 a.m. on Sept. 5 at No. 10 Downing St. in London. It rained."
    assert len(sentences_of(text)) == 2


def test_sentence_starter_after_abbreviation_ends_the_sentence():
    assert sentences_of("She moved to the U.S. The next year she returned.") == [
        "She moved to the U.S.", "The next year she returned."]


def test_rules_toml_abbreviations_extend_the_list():
    text = "The ship docked near Ft. Bragg and Amb. Lee spoke. Then it left."
    assert len(sentences_of("Amb. Lee spoke. Then it left.", ["Amb."])) == 2
    assert len(sentences_of("Amb. Lee spoke. Then it left.")) == 3
    config = parse_config('[factcheck]\nabbreviations = ["Amb."]\n')
    assert config.abbreviations == ["Amb."]
    assert text


def test_paragraphs_split_on_blank_lines_and_keep_offsets():
    text = "First para.\n\n  Second para line one.\nline two.\n\n\nThird."
    spans = paragraphs(text)
    assert [text[a:b] for a, b in spans] == ["First para.", "Second para line one.\nline two.", "Third."]


def test_sentences_know_their_paragraph_line_and_column():
    text = "One here. Two here.\n\nThree starts the second paragraph."
    doc = segment(Source("a.txt", text))
    assert [(s.paragraph, s.line, s.column) for s in doc.sentences] == [(0, 1, 1), (0, 1, 11), (1, 3, 1)]
    assert doc.position(text.index("second")) == (3, 18)


def test_front_matter_lines_count_towards_positions():
    text = '+++\ntitle = "x"\n+++\nBody sentence here.'
    doc = segment(Source("a.txt", text, {"title": "x"}, body_start=text.index("Body")))
    assert doc.sentences[0].line == 4
    assert doc.sentences[0].text == "Body sentence here."


def test_clauses_split_at_commas_and_subordinators():
    text = ("Stoltenberg spoke at the air base north of the capital, where he started his visit "
            "yesterday after arriving late Monday from Seoul.")
    parts = [c.text for c in clauses(text)]
    assert parts == [
        "Stoltenberg spoke at the air base north of the capital, ",
        "where he started his visit yesterday ",
        "after arriving late Monday from Seoul.",
    ]


def test_a_comma_closing_a_quotation_ends_the_clause():
    for mark in ("\u201d", '"', "\u2019"):
        text = (f"\u201cThe bridge will reopen to traffic next spring,{mark} the regional transport "
                f"minister told reporters in Ghent.")
        assert [c.text for c in clauses(text)] == [
            f"\u201cThe bridge will reopen to traffic next spring,{mark} ",
            "the regional transport minister told reporters in Ghent.",
        ]


def test_short_leading_pieces_join_the_following_clause():
    text = "Yesterday, on Friday, the singer checked into a clinic in Malibu."
    assert [c.text for c in clauses(text)] == [text]


def test_clause_offsets_point_into_the_document():
    text = "Intro sentence. After the storm, the mayor spoke to reporters at city hall."
    doc = segment(Source("a.txt", text))
    for sentence in doc.sentences:
        for clause in sentence.clauses:
            assert text[clause.start:clause.end] == clause.text


def test_punkt_on_the_standard_engine_finds_the_same_sentences_as_stock_punkt():
    """factcheck's Punkt runs NLTK's own patterns on `re` (NLTK 3.10+ compiles them for its
    time-limited `regex` wrapper): the same sentence spans as stock Punkt with the same
    parameters, on real articles and on shuffled pieces of them (quotes, initials, ellipses)."""
    import random
    import re

    from factcheck.lazy_nltk import PunktSentenceTokenizer, PunktToken
    from factcheck.segment import sentence_tokenizer

    ours = sentence_tokenizer()
    stock = PunktSentenceTokenizer(ours._params)
    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "seeds").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((root / "tests" / "data").rglob("*.txt"))]
    assert len(texts) >= 20
    rng = random.Random(3)
    pieces = [w for text in texts for w in re.split(r"(\s+)", text)]
    extra = ["“", "”", "‘", "’", "«", "»", '"', "'", "...", "…", "U.S.", "J.", "Mr.", "3.5", "No.", ".",
             "?!", ")", "(", "--", "e.g.", "Dec.", "p.m.", "\n", "\n\n", " "]
    for _ in range(400):
        texts.append("".join(rng.choice(pieces) if rng.random() < 0.7 else rng.choice(extra)
                             for _ in range(rng.randrange(1, 120))))
    for text in texts:
        assert list(ours.span_tokenize(text)) == list(stock.span_tokenize(text)), text[:200]
    if not isinstance(PunktToken._RE_ELLIPSIS, re.Pattern):  # NLTK 3.10 and later
        assert isinstance(ours._lang_vars.period_context_re(), re.Pattern)
        assert isinstance(ours._Token._RE_NUMERIC, re.Pattern)
