"""numbers plugin (placeholder until written)."""
import factcheck


@factcheck.hookimpl
def factcheck_rules():
    return []
