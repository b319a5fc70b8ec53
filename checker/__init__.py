"""factcheck: cross-check news articles about one story for disagreeing facts.

Plugin authors need only this module::

    import factcheck

    @factcheck.hookimpl
    def factcheck_extract(document, context): ...
"""
import pluggy

from .model import (Claim, ClaimPair, Clause, Document, Evidence, Finding, Format, Loader,
                    Report, Rule, Sentence, Source)
from .host import PluginContext

__version__ = "0.1.0"

hookimpl = pluggy.HookimplMarker("factcheck")

__all__ = [
    "hookimpl", "Claim", "ClaimPair", "Clause", "Document", "Evidence", "Finding", "Format",
    "Loader", "PluginContext", "Report", "Rule", "Sentence", "Source", "__version__",
]
