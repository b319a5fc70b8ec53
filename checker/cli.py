"""The `factcheck` command.

    factcheck PATH... [--format table|json] [--config rules.toml] [--plugin FILE] [--disable NAME]
    factcheck plugins            list loaded plugins, their origin and rules
    factcheck explain RULE       a rule's documentation and example
    factcheck corpus PATH...     group many articles into stories and check each (checker/corpus.py)
    factcheck review DRAFT --sources PATH...   only where a draft disagrees with its sources

Exit codes: 0 nothing at or above the fail level; 1 findings at or above it; 2 usage,
configuration or input error (including a file that had to be skipped); 3 a plugin failed.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import textwrap
from typing import Optional, Sequence

from .config import FAIL_LEVELS, ConfigError, load_config
from .model import SEVERITY_RANK

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_PLUGIN = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line and exit 2, like every other input error
        self.exit(EXIT_INPUT, f"factcheck: error: {message} (see factcheck --help)\n")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="FILE", help="rules file (default: ./rules.toml if present)")
    parser.add_argument("--plugin", metavar="PATH", action="append", default=[], help="load a local plugin file (repeatable)")
    parser.add_argument("--disable", metavar="NAME", action="append", default=[], help="turn a plugin off (repeatable)")
    parser.add_argument("-p", dest="pflags", metavar="no:NAME", action="append", default=[], help="pytest-style: -p no:NAME turns NAME off")


def _report_options(parser: argparse.ArgumentParser) -> None:
    """The options of a command that prints a report (the main command and review)."""
    parser.add_argument("--format", "-f", default="table", help="output format: table (default), json, sarif, github, html, or one a plugin adds")
    parser.add_argument("--fail-on", choices=FAIL_LEVELS, default=None, help="lowest severity that makes the exit code 1 (default: warning, or rules.toml)")
    parser.add_argument("--published", metavar="FILE=DATE", action="append", default=[], help="publication date of a file, e.g. 001.txt=2023-02-01 or 001.txt=2023-02-01T09:30 (repeatable)")
    parser.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    parser.add_argument("--quiet", "-q", action="store_true", help="no warnings about skipped files on standard error")


def _start(args):
    """Publication dates, host and formats of a reporting command; an unknown format is an error."""
    published = _published(args.published)
    host = _host(args)
    formats = host.formats()
    if args.format not in formats:
        raise SystemExit(f"factcheck: error: unknown format {args.format!r} (available: {', '.join(sorted(formats))})")
    return published, host, formats


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = _Parser(prog="factcheck", description="Cross-check articles about one story: dates, numbers, names, quotes.",
                     epilog="Other commands: 'factcheck plugins', 'factcheck explain RULE', 'factcheck review DRAFT --sources PATH...'. "
                            "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage/config/input error, 3 plugin failure.")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders (.txt, .md)")
    _report_options(parser)
    parser.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in this baseline file")
    parser.add_argument("--write-baseline", metavar="FILE", help="record the current findings as a baseline file")
    parser.add_argument("--jobs", "-j", default="1", metavar="N", help="worker processes for loading, segmenting and extracting: a number or 'auto' (= cores; default 1)")
    parser.add_argument("--max-size", type=float, default=20.0, metavar="MB", help="skip files larger than MB megabytes, with a warning (default 20; 0 = no limit)")
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    _common(parser)
    return parser


def _disabled(args) -> list[str]:
    names = list(args.disable)
    for flag in args.pflags:
        if not flag.startswith("no:"):
            raise SystemExit(f"factcheck: error: -p takes no:NAME, got {flag!r}")
        names.append(flag[3:])
    return names


def _host(args):
    from .host import Host

    config = load_config(args.config)
    return Host(config, plugin_paths=args.plugin, disabled=_disabled(args))


def _published(values: Sequence[str]) -> dict[str, dt.date]:
    result = {}
    for value in values:
        path, sep, date = value.rpartition("=")
        try:
            if not sep or not path:
                raise ValueError
            date = date.strip()
            result[path] = dt.datetime.fromisoformat(date) if len(date) > 10 else dt.date.fromisoformat(date)
        except ValueError:
            raise SystemExit(f"factcheck: error: --published takes FILE=YYYY-MM-DD or FILE=YYYY-MM-DDTHH:MM, "
                             f"got {value!r}") from None
    return result


def _print_problems(problems, quiet: bool) -> None:
    for problem in problems:
        if problem.kind == "plugin":
            print(f"factcheck: plugin error: {problem}", file=sys.stderr)
        elif not quiet:
            print(f"factcheck: warning: {problem}", file=sys.stderr)


def cmd_check(argv: Sequence[str]) -> int:
    from .baseline import BaselineError, apply_baseline, read_baseline, write_baseline
    from .parallel import ProgressBar, parse_jobs
    from .pipeline import InputError, check

    args = build_parser().parse_args(argv)
    published, host, formats = _start(args)
    try:
        known = read_baseline(args.baseline) if args.baseline else None
        own_files = [f for f in (args.output, args.baseline, args.write_baseline) if f]
        try:
            jobs = parse_jobs(args.jobs)
        except ValueError as err:
            raise SystemExit(f"factcheck: error: {err}") from None
        progress = ProgressBar(enabled=not args.quiet)
        try:
            report = check(args.paths, host, published, exclude=own_files, jobs=jobs,
                           max_mb=args.max_size or None, progress=progress)
        finally:
            progress.close()
    except (InputError, BaselineError) as err:
        print(f"factcheck: error: {err}", file=sys.stderr)
        return EXIT_INPUT
    if args.write_baseline:
        write_baseline(report, args.write_baseline)
    if known is not None:
        report = apply_baseline(report, known)
    return _finish(report, args, host, formats)


def _finish(report, args, host, formats) -> int:
    """Write the report (to --output or standard output), print problems, return the exit code."""
    text = formats[args.format].render(report)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    _print_problems(report.problems, args.quiet)
    if any(p.kind == "plugin" for p in report.problems):
        return EXIT_PLUGIN
    if any(p.kind == "input" for p in report.problems):
        return EXIT_INPUT
    fail_on = args.fail_on or host.config.fail_on
    if fail_on != "never" and any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_on] for f in report.findings):
        return EXIT_FINDINGS
    return EXIT_OK


def cmd_plugins(argv: Sequence[str]) -> int:
    parser = _Parser(prog="factcheck plugins", description="List the loaded plugins, their origin and rules.")
    _common(parser)
    args = parser.parse_args(argv)
    host = _host(args)
    for name, info in sorted(host.infos.items()):
        state = "disabled" if name in host.disabled else "enabled"
        print(f"{name}  [{state}]  {info.origin}")
        for rule in info.rules:
            print(f"    {rule.id:<28} {rule.severity:<8} {rule.summary}")
        for key, value in sorted(info.options.items()):
            print(f"    option {key} = {value!r}")
    _print_problems(host.problems, False)
    return EXIT_PLUGIN if host.problems else EXIT_OK


def cmd_explain(argv: Sequence[str]) -> int:
    parser = _Parser(prog="factcheck explain", description="Show a rule's documentation and example.")
    parser.add_argument("rule", help="rule id, e.g. dates.weekday-conflict")
    _common(parser)
    args = parser.parse_args(argv)
    from .review import SUBSTITUTION  # review's own rule

    rules = {**_host(args).rules(), SUBSTITUTION.id: SUBSTITUTION}
    rule = rules.get(args.rule)
    if rule is None:
        matches = sorted(r for r in rules if args.rule in r)
        hint = f" (did you mean: {', '.join(matches)})" if matches else f" (known: {', '.join(sorted(rules))})"
        print(f"factcheck: error: unknown rule {args.rule!r}{hint}", file=sys.stderr)
        return EXIT_INPUT
    print(f"{rule.id}  [default severity: {rule.severity}]\n")
    print(textwrap.fill(rule.summary, 100))
    if rule.explanation:
        print()
        print(textwrap.fill(rule.explanation, 100))
    if rule.example:
        print("\nExample:\n" + textwrap.indent(rule.example.strip("\n"), "    "))
    return EXIT_OK


def cmd_review(argv: Sequence[str]) -> int:
    """factcheck review DRAFT --sources PATH...: only where the draft disagrees with its sources."""
    from .pipeline import InputError
    from .review import DraftError, review

    parser = _Parser(prog="factcheck review",
                     description="Review a draft against its sources: report only where the draft "
                                 "disagrees with at least one source (located in the draft).")
    parser.add_argument("draft", metavar="DRAFT", help="the draft article file")
    parser.add_argument("--sources", "-s", nargs="+", metavar="PATH", required=True, help="source article files or folders")
    parser.add_argument("--show-unsupported", action="store_true", help="list draft claims no source supports or contradicts (as notes)")
    _report_options(parser)
    _common(parser)
    args = parser.parse_args(argv)
    published, host, formats = _start(args)
    try:
        result = review(args.draft, args.sources, host, published,
                        exclude=[args.output] if args.output else [], show_unsupported=args.show_unsupported)
    except (InputError, DraftError) as err:
        print(f"factcheck: error: {err}", file=sys.stderr)
        return EXIT_INPUT
    return _finish(result.report, args, host, formats)


def cmd_corpus(argv: Sequence[str]) -> int:
    """factcheck corpus PATH...: group the articles into stories and check each story."""
    from .corpus import main as corpus_main

    return corpus_main(argv)


COMMANDS = {"plugins": cmd_plugins, "explain": cmd_explain, "check": cmd_check, "review": cmd_review,
            "corpus": cmd_corpus}


def main(argv: Optional[Sequence[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = cmd_check
    if argv and argv[0] in COMMANDS:
        command = COMMANDS[argv.pop(0)]
    try:
        return command(argv)
    except ConfigError as err:
        print(f"factcheck: error: {err}", file=sys.stderr)
        return EXIT_INPUT
    except SystemExit as exc:
        if isinstance(exc.code, str):
            print(exc.code, file=sys.stderr)
            return EXIT_INPUT
        return exc.code or 0
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
