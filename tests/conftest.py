import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"

# Only the project's own plugins load from entry points during tests, whatever else is installed.
os.environ["FACTCHECK_LOAD_PLUGINS"] = "dates,numbers,names,quotes"


def run_cli(*args, cwd=ROOT, env=None):
    """Run the installed `factcheck` command as a user would; returns CompletedProcess."""
    full_env = dict(os.environ, **(env or {}))
    return subprocess.run([sys.executable, "-m", "factcheck.cli", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, env=full_env, timeout=120)


@pytest.fixture
def cli():
    return run_cli
