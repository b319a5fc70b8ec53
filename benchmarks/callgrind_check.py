"""Deterministic work count of one check: the 128-document ECB+ cluster of bench.py, under callgrind.

    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        .venv/bin/python benchmarks/callgrind_check.py [--story ecbplus] [--size 128] [--setup-only]

Wall-clock time on a shared machine moves with the load (CPU steal); the number of instructions
executed does not. The script builds the cluster the way bench.py does (bench.build_cluster, into
a temporary folder), imports factcheck and creates the Host (the warm-up), then runs the check and
the table report once, as bench.py times them. valgrind prints the total instructions ("Collected"
/ "I refs"); run it again with --setup-only (everything but the check) and subtract to get the
instructions of the check itself. PYTHONHASHSEED=0 keeps set and dict orders, and so the count,
the same from run to run.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--story", default="ecbplus", choices=sorted(bench.STORIES))
    parser.add_argument("--size", type=int, default=128)
    parser.add_argument("--setup-only", action="store_true", help="everything but the check (subtract this)")
    args = parser.parse_args(argv)

    from factcheck.config import Config
    from factcheck.host import Host
    from factcheck.pipeline import check

    with tempfile.TemporaryDirectory(prefix="factcheck-callgrind-") as tmp:
        folder = Path(tmp) / args.story
        bench.build_cluster(folder, args.story, args.size)
        host = Host(Config())
        table = host.formats()["table"]
        if args.setup_only:
            return 0
        report = check([str(folder)], host)
        text = table.render(report)
    print(f"{sum(len(d.sentences) for d in report.documents)} sentences, {len(report.findings)} findings, "
          f"{len(text)} characters of table")
    return 0


if __name__ == "__main__":
    sys.exit(main())
