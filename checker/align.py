"""Alignment: which claims of different documents speak of the same thing.

A core service, not each plugin's. Every claim carries a `context` (by default its clause); the
aligner turns contexts into sets of stemmed content words, weighs each word by its rarity across
the sentences of the whole document set (idf), and finds, through an inverted index, the claims of
other documents whose contexts share the most weight. Common words (postings longer than
`max_postings`) never produce candidates and each claim keeps at most `max_candidates` partners
per document, so the work grows with the number of claims, not with its square.
"""
from __future__ import annotations

import math
from collections import defaultdict
from typing import Iterable, Sequence

from .model import Claim, ClaimPair, Document
from .text import content_terms


class Aligner:
    def __init__(self, documents: Sequence[Document], max_postings: int = 2000,
                 max_candidates: int = 5, probe_terms: int = 12) -> None:
        df: dict[str, int] = defaultdict(int)
        count = 0
        for doc in documents:
            for sentence in doc.sentences:
                count += 1
                for term in content_terms(sentence.text):
                    df[term] += 1
        self.sentence_count = max(count, 1)
        self._df = df
        self.max_postings = max_postings
        self.max_candidates = max_candidates
        self.probe_terms = probe_terms
        self.candidate_pairs = 0  # how many pairs were scored (for scaling tests)

    def weight(self, term: str) -> float:
        return math.log((self.sentence_count + 1) / (self._df.get(term, 0) + 1)) + 1.0

    def similarity(self, a: str, b: str) -> tuple[float, float]:
        """(similarity, containment) of two texts, as for a ClaimPair."""
        ta, tb = content_terms(a), content_terms(b)
        shared = sum(self.weight(t) for t in ta & tb)
        wa, wb = sum(map(self.weight, ta)), sum(map(self.weight, tb))
        if not shared:
            return 0.0, 0.0
        return shared / math.sqrt(wa * wb), shared / min(wa, wb)

    def pairs(self, claims: Iterable[Claim], min_similarity: float = 0.15) -> list[ClaimPair]:
        """Pairs of claims from different documents with similar contexts, best first per claim.

        Each unordered pair appears once, `a` from the document that comes first.
        """
        claims = list(claims)
        terms = [content_terms(c.context) for c in claims]
        weights = [{t: self.weight(t) for t in ts} for ts in terms]
        totals = [sum(w.values()) for w in weights]
        index: dict[str, list[int]] = defaultdict(list)
        for i, ts in enumerate(terms):
            for t in ts:
                index[t].append(i)
        seen: set[tuple[int, int]] = set()
        result: list[ClaimPair] = []
        for i, claim in enumerate(claims):
            if not terms[i]:
                continue
            probes = sorted(weights[i].items(), key=lambda kv: (-kv[1], kv[0]))[: self.probe_terms]
            candidates: set[int] = set()
            for term, _ in probes:
                posting = index[term]
                if len(posting) <= self.max_postings:
                    candidates.update(j for j in posting if claims[j].document.index != claim.document.index)
            per_doc: dict[int, list[tuple[float, float, int, tuple[str, ...]]]] = defaultdict(list)
            for j in sorted(candidates):
                self.candidate_pairs += 1
                shared_terms = terms[i] & terms[j]
                shared = sum(weights[i][t] for t in shared_terms)
                sim = shared / math.sqrt(totals[i] * totals[j])
                if sim < min_similarity:
                    continue
                contain = shared / min(totals[i], totals[j])
                per_doc[claims[j].document.index].append((sim, contain, j, tuple(sorted(shared_terms))))
            for options in per_doc.values():
                options.sort(key=lambda o: (-o[0], o[2]))
                for sim, contain, j, shared_terms in options[: self.max_candidates]:
                    key = (min(i, j), max(i, j))
                    if key in seen:
                        continue
                    seen.add(key)
                    a, b = (claim, claims[j]) if (claim.document.index, i) < (claims[j].document.index, j) else (claims[j], claim)
                    result.append(ClaimPair(a, b, round(sim, 4), round(contain, 4), shared_terms))
        result.sort(key=lambda p: (p.a.document.index, p.a.start, p.b.document.index, p.b.start))
        return result
