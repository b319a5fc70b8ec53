"""The nouns of WordNet 3.0, read from its dict files when they are installed (optional).

WordNet is the only lexicon factcheck can have with no download at run time: no PyPI package
bundles its data and `nltk.download()` is a download, but Debian and Ubuntu package the
WordNet 3.0 dict files (`apt-get install wordnet-base`, under /usr/share/wordnet). NLTK's
WordNetCorpusReader does not read that directory as it is (it needs a `lexnames` file the
package lacks, maps every synset to a downloaded copy's index.sense, and refuses a directory
outside its data path) and takes about five seconds to load all of its indexes; this module
reads only what review asks for: index.noun is sorted, so a word is found by bisection, and a
synset is read at its byte offset in data.noun. Nothing is loaded before the first question.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Optional

DEFAULT_PATH = "/usr/share/wordnet"
_FILES = ("index.noun", "data.noun", "noun.exc")
# WordNet's own rules for the base form of a noun (morphy): plural endings, then noun.exc.
_ENDINGS = (("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
            ("men", "man"), ("ies", "y"), ("s", ""))


def available(path: str) -> bool:
    return all(os.path.isfile(os.path.join(path, name)) for name in _FILES)


class Nouns:
    """Noun synsets (by byte offset in data.noun), their hypernyms and their words."""

    def __init__(self, path: str) -> None:
        self.path = path
        with open(os.path.join(path, "index.noun"), "rb") as fp:
            self._index = fp.read()
        self._data = open(os.path.join(path, "data.noun"), "rb")
        self._exceptions: dict[str, list[str]] = {}
        with open(os.path.join(path, "noun.exc"), encoding="utf-8") as fp:
            for line in fp:
                inflected, *bases = line.split()
                self._exceptions[inflected] = bases
        self.synsets = lru_cache(maxsize=50_000)(self._synsets)
        self.hypernyms = lru_cache(maxsize=50_000)(self._hypernyms)

    def _lookup(self, lemma: str) -> tuple[int, ...]:
        """The synset offsets of a lemma in index.noun, most frequent sense first."""
        data, key = self._index, lemma.encode() + b" "
        lo, hi = 0, len(data)
        while lo < hi:  # bisect over line starts: the file is sorted by lemma
            mid = (lo + hi) // 2
            start = data.rfind(b"\n", 0, mid) + 1
            end = data.find(b"\n", start)
            end = len(data) if end < 0 else end
            line = data[start:end]
            if line.startswith(b"  "):  # the licence header sorts first
                lo = end + 1
            elif line.startswith(key):
                fields = line.split()
                n_synsets, n_pointers = int(fields[2]), int(fields[3])
                return tuple(int(o) for o in fields[6 + n_pointers:6 + n_pointers + n_synsets])
            elif line < key:
                lo = end + 1
            else:
                hi = start
        return ()

    def base_forms(self, word: str) -> list[str]:
        word = word.lower().replace(" ", "_")
        forms = [word] + self._exceptions.get(word, [])
        forms += [word[:-len(end)] + base for end, base in _ENDINGS if word.endswith(end)]
        return [f for f in dict.fromkeys(forms) if f]

    def _synsets(self, word: str) -> tuple[int, ...]:
        """The synsets of a noun in any of its base forms, the word's own form first."""
        found: list[int] = []
        for form in self.base_forms(word):
            found += [o for o in self._lookup(form) if o not in found]
        return tuple(found)

    def _record(self, offset: int) -> list[bytes]:
        self._data.seek(offset)
        return self._data.readline().split(b" | ", 1)[0].split()

    def words(self, offset: int) -> list[str]:
        fields = self._record(offset)
        return [fields[4 + 2 * i].decode().lower() for i in range(int(fields[3], 16))]

    def _hypernyms(self, offset: int) -> tuple[int, ...]:
        """The synset's hypernyms, instance hypernyms included."""
        fields = self._record(offset)
        at = 4 + 2 * int(fields[3], 16)
        found = []
        for i in range(int(fields[at])):
            symbol, target = fields[at + 1 + 4 * i], int(fields[at + 2 + 4 * i])
            if symbol in (b"@", b"@i"):
                found.append(target)
        return tuple(found)

    def ancestors(self, offset: int, most: int = 99) -> dict[int, int]:
        """Hypernyms up to `most` steps above a synset, with their distance (the nearest)."""
        found: dict[int, int] = {}
        frontier = [offset]
        for depth in range(1, most + 1):
            frontier = [h for o in frontier for h in self.hypernyms(o) if h not in found]
            for h in frontier:
                found.setdefault(h, depth)
            if not frontier:
                break
        return found


_LOADED: dict[str, Optional[Nouns]] = {}


def nouns(path: str = DEFAULT_PATH) -> Optional[Nouns]:
    """The nouns of the WordNet files at `path`, or None when they are not there."""
    if path not in _LOADED:
        _LOADED[path] = Nouns(path) if available(path) else None
    return _LOADED[path]
