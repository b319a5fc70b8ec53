"""Speed and scale: lazy NLTK import, parallel runs, progress output, bad input at scale.

No timings are asserted here (benchmarks/bench.py prints them); these tests check the
behaviour that makes the run fast and safe on large inputs.
"""
from __future__ import annotations

import subprocess
import sys
import textwrap


def _python(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_checking_imports_only_the_nltk_modules_it_uses():
    out = _python("""
        import sys
        import factcheck.pipeline, factcheck.segment, factcheck.text
        heavy = [m for m in ("nltk.collocations", "nltk.corpus", "nltk.parse", "nltk.tag", "scipy", "sklearn")
                 if m in sys.modules]
        print(heavy)
        print(factcheck.text.stem("running"), len(factcheck.segment.sentence_tokenizer().tokenize("Mr. Li came. He left.")))
    """)
    assert out.splitlines() == ["[]", "run 2"]


def test_other_code_still_sees_all_of_nltk_after_factcheck_is_imported():
    out = _python("""
        import factcheck.segment
        import nltk
        from nltk.corpus import stopwords
        from nltk.stem import SnowballStemmer, PorterStemmer
        print(nltk.FreqDist("aab")["a"], SnowballStemmer("english").stem("running"),
              "word_tokenize" in dir(nltk), type(stopwords).__name__)
    """)
    assert out.split() == ["2", "run", "True", "LazyCorpusLoader"]
