"""Deterministic work count of one check: the 128-document ECB+ cluster of bench.py, under callgrind.

    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        .venv/bin/python benchmarks/callgrind_check.py [--story ecbplus] [--size 128] [--setup-only]

Wall-clock time on a shared machine moves with the load (CPU steal); the number of instructions
executed does not. The script builds the cluster the way bench.py does (bench.build_cluster, into
a temporary folder), imports factcheck and creates the Host (the warm-up), then runs the check and
the table report once, as bench.py times them. valgrind prints the total instructions ("Collected"
/ "I refs"); run it again with --setup-only (everything but the check) and subtract to get the
instructions of the check itself. PYTHONHASHSEED=0 keeps set and dict orders, and so the count,
the same from run to run. A run takes about two minutes.

--stages counts each stage on its own: the script then calls os.getppid() (a marker: nothing
else calls it) after the warm-up, after loading and segmentation, after each plugin's extraction
(the first one includes building the Aligner), after each plugin's alignment and comparison, and
after the table, and valgrind writes one profile part per stage when told to dump there:

    PYTHONHASHSEED=0 valgrind --tool=callgrind --dump-before=getppid \\
        --callgrind-out-file=/tmp/stages.out .venv/bin/python benchmarks/callgrind_check.py --stages
    grep -h '^summary:' /tmp/stages.out.*   # parts 2, 3, ... in the order printed on stderr
"""
from __future__ import annotations

import argparse
import os
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
    parser.add_argument("--stages", action="store_true", help="call os.getppid() between stages (see above)")
    args = parser.parse_args(argv)

    from factcheck.config import Config
    from factcheck.host import Host
    from factcheck.pipeline import check, check_documents, collector_paused, load, segment_all

    with tempfile.TemporaryDirectory(prefix="factcheck-callgrind-") as tmp:
        folder = Path(tmp) / args.story
        bench.build_cluster(folder, args.story, args.size)
        host = Host(Config())
        table = host.formats()["table"]
        if args.setup_only:
            return 0
        if not args.stages:
            report = check([str(folder)], host)
        else:
            names = [info.name for info in host.checkers()]
            os.getppid()  # part 1 ends: the warm-up
            with collector_paused():
                sources, problems = load([str(folder)], host.loaders(), host.config)
                documents = segment_all(sources, host.config)
            os.getppid()
            print("part 2: load and segment", file=sys.stderr)
            steps = []

            def marker(step: int, total: int) -> None:  # one step per document, then the compare
                steps.append(step)
                plugin, k = divmod(len(steps), len(documents) + 1)
                if k in (0, len(documents)):
                    os.getppid()
                    what = "align and compare" if k == 0 else "extract"
                    print(f"part {len(steps) // (len(documents) + 1) * 2 + (3 if k else 2)}: "
                          f"{names[plugin - (k == 0)]} {what}", file=sys.stderr)

            report = check_documents(documents, host, problems, progress=marker)
        text = table.render(report)
        if args.stages:
            os.getppid()
            print(f"part {2 * len(names) + 3}: table (and the collector's pass after the check)",
                  file=sys.stderr)
    print(f"{sum(len(d.sentences) for d in report.documents)} sentences, {len(report.findings)} findings, "
          f"{len(text)} characters of table")
    return 0


if __name__ == "__main__":
    sys.exit(main())
