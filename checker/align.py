"""Alignment: which claims of different documents speak of the same thing.

A core service, not each plugin's. Every claim carries a `context` (by default its clause); the
aligner turns contexts into sets of stemmed content words, weighs each word by its rarity across
the sentences of the whole document set (idf), and pairs claims whose contexts share the most
weight. The work grows with the number of claims, never with its square:

- claims with the same set of context words form one group (a story told by 500 outlets repeats
  most clauses word for word), and similarity is computed between groups, not claims;
- a group's candidates come from an inverted index, probing its rarest words first
  (`probe_terms` of them) and stopping at `max_scan` candidate groups; a word in more than
  `max_postings` groups never produces candidates;
- each group keeps its `max_groups` most similar groups (a pair of groups is kept when either
  keeps it);
- a claim meets the claims of its own group in the next `docs_per_group` documents (in document
  order, wrapping around); for each kept pair of groups, each claim of the smaller group meets the
  claims of the larger one in the next `docs_per_group` documents; of the claims a claim meets,
  it keeps at most `max_candidates` per document, the most similar;
- up to `exhaustive_documents` documents (an editor's handful of sources) none of these limits
  but `max_candidates` applies: every claim meets every similar claim of every other document.

So in a large cluster each claim still meets the same clause as worded by a few other documents,
and each variant wording meets the common one: what the checkers need to find a disagreement,
with a number of pairs that grows with the number of claims, not with its square.
"""
from __future__ import annotations

import bisect
import math
from collections import defaultdict
from typing import Iterable, Sequence

from .model import Claim, ClaimPair, Document
from .text import content_terms


def _best_first(option: tuple) -> tuple:
    """Sort key of a candidate (similarity, containment, claim, shared): most similar first."""
    return -option[0], option[2]


class Aligner:
    def __init__(self, documents: Sequence[Document], max_postings: int = 2000,
                 max_candidates: int = 5, probe_terms: int = 12, max_scan: int = 200,
                 max_groups: int = 8, docs_per_group: int = 2, exhaustive_documents: int = 16) -> None:
        self._terms: dict[str, frozenset[str]] = {}
        df: dict[str, int] = defaultdict(int)
        copies: dict[str, int] = defaultdict(int)  # how many sentences read so (copies repeat them)
        for doc in documents:
            for sentence in doc.sentences:
                copies[sentence.text] += 1
        for text, count in copies.items():
            for term in self.terms(text):
                df[term] += count
        self.sentence_count = max(sum(copies.values()), 1)
        self.document_count = len(documents)
        self._df = df
        self._weights: dict[str, float] = {}
        self.max_postings = max_postings
        self.max_candidates = max_candidates
        self.probe_terms = probe_terms
        self.max_scan = max_scan
        self.max_groups = max_groups
        self.docs_per_group = docs_per_group
        self.exhaustive_documents = exhaustive_documents
        self.candidate_pairs = 0  # how many pairs were scored or considered (for scaling tests)

    def terms(self, text: str) -> frozenset[str]:
        """content_terms(text), remembered: copies of a story repeat most sentences."""
        terms = self._terms.get(text)
        if terms is None:
            terms = self._terms[text] = content_terms(text)
        return terms

    def weight(self, term: str) -> float:
        weight = self._weights.get(term)
        if weight is None:
            weight = self._weights[term] = math.log((self.sentence_count + 1) / (self._df.get(term, 0) + 1)) + 1.0
        return weight

    def similarity(self, a: str, b: str) -> tuple[float, float]:
        """(similarity, containment) of two texts, as for a ClaimPair."""
        ta, tb = self.terms(a), self.terms(b)
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
        exhaustive = self.document_count <= self.exhaustive_documents
        per_group = self.document_count if exhaustive else self.docs_per_group
        max_groups = len(claims) if exhaustive else self.max_groups
        # Groups of claims with the same context words; members in (document, claim) order.
        group_of: dict[frozenset[str], int] = {}
        group_terms: list[frozenset[str]] = []
        members: list[list[int]] = []
        for i, claim in enumerate(claims):
            terms = self.terms(claim.context)
            if not terms:
                continue
            g = group_of.get(terms)
            if g is None:
                g = group_of[terms] = len(group_terms)
                group_terms.append(terms)
                members.append([])
            members[g].append(i)
        doc_of = [c.document.index for c in claims]
        for group in members:
            group.sort(key=lambda i: (doc_of[i], i))
        member_docs = [[doc_of[i] for i in group] for group in members]
        weights = [{t: self.weight(t) for t in terms} for terms in group_terms]
        totals = [sum(w.values()) for w in weights]
        index: dict[str, list[int]] = defaultdict(list)
        for g, terms in enumerate(group_terms):
            for t in terms:
                index[t].append(g)

        edges: dict[tuple[int, int], tuple[float, float, tuple[str, ...]]] = {}
        for g in range(len(group_terms)):
            for sim, contain, h, shared_terms in self._similar_groups(g, group_terms, weights, totals, index, min_similarity):
                edges[(g, h) if g < h else (h, g)] = (sim, contain, shared_terms)
        neighbours: list[list[tuple[float, int]]] = [[] for _ in group_terms]
        for (g, h), (sim, _, _) in edges.items():
            neighbours[g].append((sim, h))
            neighbours[h].append((sim, g))
        kept: set[tuple[int, int]] = set()
        for g, options in enumerate(neighbours):
            options.sort(key=lambda o: (-o[0], o[1]))
            lone = member_docs[g][0] if member_docs[g][0] == member_docs[g][-1] else None
            used = 0
            for _, h in options:
                if lone is not None and member_docs[h][0] == lone == member_docs[h][-1]:
                    continue  # both groups only in one and the same document
                kept.add((g, h) if g < h else (h, g))
                used += 1
                if used == max_groups:
                    break

        # Candidates per claim: its own group's claims in the next documents, and for each kept
        # pair of groups, the claims of the smaller group meet those of the larger one.
        # (Members are in document order, and the claims met depend only on the document: the
        # list of candidates is made once per document and shared, its tuples being immutable.)
        candidates: dict[int, list[tuple[float, float, int, tuple[str, ...]]]] = defaultdict(list)
        next_members = self._next_members
        for g, group in enumerate(members):
            shared_terms = tuple(sorted(group_terms[g]))
            docs, last, met = member_docs[g], None, []
            for i in group:
                if doc_of[i] != last:
                    last = doc_of[i]
                    met = [(1.0, 1.0, j, shared_terms) for j in next_members(group, docs, last, per_group)]
                candidates[i] += met
        for g, h in sorted(kept):
            sim, contain, shared_terms = edges[(g, h)]
            sides = [(g, h), (h, g)] if exhaustive or len(members[g]) == len(members[h]) else \
                [(g, h) if len(members[g]) < len(members[h]) else (h, g)]
            for small, large in sides:
                group, docs, last, met = members[large], member_docs[large], None, []
                for i in members[small]:
                    if doc_of[i] != last:
                        last = doc_of[i]
                        met = [(sim, contain, j, shared_terms) for j in next_members(group, docs, last, per_group)]
                    candidates[i] += met

        seen: set[int] = set()  # pairs made, i * n + j with i < j
        n = len(claims)
        result: list[ClaimPair] = []
        # The sort key of each pair: (document a, start a, document b, start b) as one integer,
        # quicker to sort than tuples: a claim's place is document * span + start.
        order: list[int] = []
        span = max((c.start for c in claims), default=0) + 1
        placed = [d * span + c.start for d, c in zip(doc_of, claims)]
        width = (max(doc_of, default=0) + 1) * span
        max_candidates = self.max_candidates
        considered = 0
        for i in sorted(candidates):
            d = doc_of[i]
            mine = candidates[i]
            considered += len(mine)
            per_doc: dict[int, list[tuple[float, float, int, tuple[str, ...]]]] = {}
            for option in mine:
                dj = doc_of[option[2]]
                other = per_doc.get(dj)
                if other is None:
                    per_doc[dj] = [option]
                else:
                    other.append(option)
            for dj, options in per_doc.items():
                if len(options) > 1:
                    options.sort(key=_best_first)
                    if len(options) > max_candidates:
                        del options[max_candidates:]
                for sim, contain, j, shared_terms in options:
                    key = i * n + j if i < j else j * n + i
                    if key in seen:
                        continue
                    seen.add(key)
                    if d < dj or (d == dj and i < j):
                        result.append(ClaimPair(claims[i], claims[j], sim, contain, shared_terms))
                        order.append(placed[i] * width + placed[j])
                    else:
                        result.append(ClaimPair(claims[j], claims[i], sim, contain, shared_terms))
                        order.append(placed[j] * width + placed[i])
        self.candidate_pairs += considered
        return [result[k] for k in sorted(range(len(result)), key=order.__getitem__)]

    def _similar_groups(self, g: int, group_terms, weights, totals, index, min_similarity):
        """Other groups at or above min_similarity: (similarity, containment, group, shared), best first."""
        mine = weights[g]
        probes = sorted(mine.items(), key=lambda kv: (-kv[1], kv[0]))[: self.probe_terms]
        candidates: set[int] = set()
        max_scan = self.max_scan
        for term, _ in probes:
            posting = index[term]
            if len(posting) > self.max_postings:
                continue
            if len(candidates) + len(posting) <= max_scan:
                candidates.update(posting)  # no stop inside this posting: all of it at once
                continue
            for h in posting:
                candidates.add(h)
                if len(candidates) > max_scan:
                    break
            if len(candidates) > max_scan:
                break
        candidates.discard(g)
        found = []
        terms = group_terms[g]
        self.candidate_pairs += len(candidates)
        for h in sorted(candidates):
            shared_terms = terms & group_terms[h]
            shared = sum(map(mine.__getitem__, shared_terms))
            sim = shared / math.sqrt(totals[g] * totals[h])
            if sim < min_similarity:
                continue
            contain = shared / min(totals[g], totals[h])
            found.append((round(sim, 4), round(contain, 4), h, tuple(sorted(shared_terms))))
        found.sort(key=lambda o: (-o[0], o[2]))
        return found

    @staticmethod
    def _next_members(group: list[int], docs: list[int], d: int, count: int) -> list[int]:
        """Members of the next `count` documents after document d (wrapping), not d's."""
        n = len(group)
        start = bisect.bisect_right(docs, d)
        chosen: list[int] = []
        taken = 0
        last = None
        for step in range(n):
            k = (start + step) % n
            doc = docs[k]
            if doc == d:
                continue
            if doc != last:
                if taken == count:
                    break
                taken += 1
                last = doc
            chosen.append(group[k])
        return chosen


class UnionFind:
    """Groups of keys (claims that tell one thing) joined two at a time; `find` gives the key
    that stands for a key's group. Plugins use it to make one finding of linked pairs."""

    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, key):
        parent = self.parent
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(self, a, b) -> None:
        self.parent[self.find(a)] = self.find(b)
