from factcheck.align import Aligner
from factcheck.host import PluginContext
from factcheck.testing import make_documents

STORY_A = ("The storm knocked out power to 40,000 homes in Galway on Sunday.\n\n"
           "Engineers restored the western substation after a long night.\n\n"
           "The mayor thanked volunteers at the harbour.")
STORY_B = ("Volunteers were thanked by the mayor down at the harbour.\n\n"
           "A storm cut electricity to 40,000 Galway homes on Sunday.\n\n"
           "Ferries were cancelled.")


def sentence_claims(docs):
    context = PluginContext("test")
    return [context.claim("sentence", d, s, s.start, s.end, s.text, context=s.text)
            for d in docs for s in d.sentences]


def test_sentences_reporting_the_same_event_are_paired():
    docs = make_documents({"a.txt": STORY_A, "b.txt": STORY_B})
    pairs = Aligner(docs).pairs(sentence_claims(docs), min_similarity=0.3)
    matched = {(p.a.sentence.index, p.b.sentence.index) for p in pairs}
    assert (0, 1) in matched  # storm / power / Galway
    assert (2, 0) in matched  # mayor thanked volunteers at the harbour
    assert (1, 2) not in matched  # substation vs ferries
    for pair in pairs:
        assert pair.a.document.index < pair.b.document.index
        assert 0 < pair.similarity <= pair.containment <= 1.0001


def test_claims_of_one_document_are_never_paired():
    docs = make_documents({"a.txt": STORY_A + "\n\nThe mayor thanked volunteers at the harbour again."})
    assert Aligner(docs).pairs(sentence_claims(docs)) == []


def test_rare_shared_words_weigh_more_than_common_ones():
    docs = make_documents({
        "a.txt": "The minister said the plan works. The minister said the tunnel flooded.",
        "b.txt": "The minister said the plan works. Engineers said the tunnel flooded.",
    })
    aligner = Aligner(docs)
    assert aligner.weight("tunnel") > aligner.weight("minist")
    sim_tunnel, _ = aligner.similarity("the tunnel flooded", "the tunnel flooded again")
    sim_minister, _ = aligner.similarity("the minister spoke", "the minister left")
    assert sim_tunnel > sim_minister


def test_common_terms_do_not_generate_candidates():
    texts = {f"d{i}.txt": f"Police said item{i} was found." for i in range(10)}
    docs = make_documents(texts)
    aligner = Aligner(docs, max_postings=5)
    assert aligner.pairs(sentence_claims(docs)) == []
    assert aligner.candidate_pairs == 0
