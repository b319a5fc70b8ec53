"""NLTK's Punkt tokenizer and Porter stemmer without the cost of `import nltk`.

`import nltk` runs nltk/__init__.py, which imports nearly all of NLTK and, when they are
installed, numpy, scipy and scikit-learn: 0.3 to 1.5 seconds, most of a short run. factcheck
needs two pure-Python modules, nltk.tokenize.punkt and nltk.stem.porter. So, when NLTK has not
been imported yet, the packages `nltk`, `nltk.tokenize` and `nltk.stem` are registered unexecuted:
their submodules import normally, and the first time anything asks one of these packages for an
attribute that is not a submodule (`nltk.word_tokenize`, `from nltk.stem import *`), the real
package (top-level `nltk` first) is executed in place, so other code sees the whole of NLTK; so
is top-level `nltk` before any other NLTK module is imported for the first time.
"""
from __future__ import annotations

import importlib
import importlib.util
import sys
from types import ModuleType

_PACKAGES = ("nltk", "nltk.tokenize", "nltk.stem")
_pending: dict[str, ModuleType] = {}


def _run_init(module: ModuleType) -> None:
    """Execute a deferred package's real __init__.py into the module (top-level nltk first)."""
    if _pending.get("nltk") is not None and module.__name__ != "nltk":
        _run_init(_pending["nltk"])
    if _pending.pop(module.__name__, None) is None:
        return
    module.__dict__.pop("__getattr__", None)
    module.__dict__.pop("__dir__", None)
    module.__spec__.loader.exec_module(module)


class _RunInitFirst:
    """Import hook: a first import of another NLTK module runs nltk/__init__.py first."""

    @staticmethod
    def find_spec(fullname, path=None, target=None):
        if fullname.startswith("nltk.") and "nltk" in _pending:
            _run_init(_pending["nltk"])
        return None  # the usual finders do the import


def _deferred_getattr(module: ModuleType):
    def __getattr__(name: str):
        if name != "__all__" and not name.startswith("__"):
            full = f"{module.__name__}.{name}"
            if full in sys.modules or importlib.util.find_spec(full) is not None:
                return importlib.import_module(full)
        if name.startswith("__") and name != "__all__":
            raise AttributeError(name)
        _run_init(module)
        try:
            return module.__dict__[name]
        except KeyError:
            raise AttributeError(f"module {module.__name__!r} has no attribute {name!r}") from None
    return __getattr__


def _defer_packages() -> None:
    if "nltk" in sys.modules:  # already imported (for real, or deferred by an earlier call)
        return
    for name in _PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return  # NLTK missing: the imports below raise the usual ImportError
        module = importlib.util.module_from_spec(spec)
        module.__getattr__ = _deferred_getattr(module)
        module.__dir__ = lambda module=module: (_run_init(module), sorted(module.__dict__))[1]
        sys.modules[name] = module
        _pending[name] = module
        parent, _, child = name.rpartition(".")
        if parent:
            setattr(sys.modules[parent], child, module)


_defer_packages()

from nltk.stem.porter import PorterStemmer  # noqa: E402
from nltk.tokenize.punkt import (  # noqa: E402
    PunktLanguageVars, PunktParameters, PunktSentenceTokenizer, PunktToken)

if _pending:
    sys.meta_path.insert(0, _RunInitFirst())

__all__ = ["PorterStemmer", "PunktLanguageVars", "PunktParameters", "PunktSentenceTokenizer", "PunktToken"]
