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


def _copies(count):
    """`count` outlets' copies of the two seed articles; copy 5 moves Sunday to Saturday."""
    from conftest import SEEDS

    base = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts = {}
    for k in range(count):
        text = base[k % 2]
        if k == 5:
            text = text.replace("Stoltenberg on Sunday mentioned", "Stoltenberg on Saturday mentioned")
        texts[f"outlet{k:03d}.txt"] = text
    return make_documents(texts)


def test_candidate_pairs_grow_linearly_with_the_documents_of_one_story():
    counts, pairs = {}, {}
    for n in (32, 64, 128):  # above Aligner.exhaustive_documents
        docs = _copies(n)
        aligner = Aligner(docs)
        pairs[n] = len(aligner.pairs(sentence_claims(docs)))
        counts[n] = aligner.candidate_pairs
    for n in (64, 128):
        assert counts[n] <= 2.2 * counts[n // 2], counts  # all pairs of claims would be 4x
        assert pairs[n] <= 2.2 * pairs[n // 2], pairs
    assert pairs[32] > 32 * 40  # every sentence of every copy still has partners


def test_in_a_large_cluster_a_changed_sentence_still_meets_the_original():
    docs = _copies(64)
    claims = sentence_claims(docs)
    pairs = Aligner(docs).pairs(claims)
    changed = next(c for c in claims if "on Saturday mentioned" in c.context)
    partners = [p.a if p.b is changed else p.b for p in pairs if changed in (p.a, p.b)]
    originals = [c for c in partners if "on Sunday mentioned" in c.context]
    assert 1 <= len(originals) <= 4  # not all 31 copies: the larger group does not come to it
    # every copy of the original sentence is paired with another copy (one connected story)
    copies = [c for c in claims if "on Sunday mentioned" in c.context]
    paired = {id(c) for p in pairs for c in (p.a, p.b)}
    assert len(copies) == 31 and all(id(c) in paired for c in copies)


def test_in_a_large_cluster_two_far_apart_documents_telling_the_same_thing_are_paired():
    texts = {f"outlet{k:02d}.txt": f"Officials in district {k} reported quiet streets." for k in range(40)}
    texts["outlet03.txt"] += " The ferry to Inishmore sank on Monday near Kilronan pier."
    texts["outlet37.txt"] += " The ferry to Inishmore sank on Tuesday near Kilronan pier."
    docs = make_documents(texts)
    aligner = Aligner(docs)
    assert aligner.document_count > aligner.exhaustive_documents  # the bounded mode
    pairs = aligner.pairs(sentence_claims(docs))
    ferry = [(p.a.document.path, p.b.document.path) for p in pairs if "ferry" in p.a.context and "ferry" in p.b.context]
    assert ferry == [("outlet03.txt", "outlet37.txt")]
