"""`compliance check`: laws (files, folders, corpus ids, standard input) × the rule sets → findings.

Reads the laws and the rules folder, runs the check stage and writes the `FindingsReport` as JSON (the
check contract; the default to a pipe or a file) or Markdown (the default on a terminal). With several
laws, progress goes to stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..parse import FORMATS
from .common import Progress, conventions_option, write_output
from .options import add_description_options, add_jobs_option, checked_country, warn

EXAMPLE = "example: compliance check corpora/national_laws/kz/criminal-code-art174/2020-06-26.md --format md"


def add_parser(sub: Any, summary: str) -> None:
    p = sub.add_parser("check", help=summary, epilog=EXAMPLE)
    p.add_argument("paths", nargs="+",
                   help="files, folders (of laws, or of one law's chapter files), corpus ids, or - for standard input")
    add_description_options(p)
    p.add_argument("--rules", help="rules folder (default: rules/)")
    p.add_argument("--conventions", help="only these conventions, e.g. C087,C105")
    p.add_argument("--article", action="append", help="only findings on this article (repeatable)")
    p.add_argument("--format", choices=("json", "md"),
                   help="output format (default: md on a terminal, json to a pipe or a file)")
    p.add_argument("--from", dest="from_format", choices=FORMATS, help="input format (default: detected)")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    add_jobs_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..check.laws import Described, check_laws
    from ..check.scope import gaps
    from ..parallel import law_refs
    from ..rules import load_rules

    country = checked_country(args.country)
    conventions = conventions_option(args.conventions)
    rules = load_rules(Path(args.rules) if args.rules else None)
    paths = law_refs(args.paths)  # a folder of laws: each of them
    # several files take long enough to want progress; one file answers at once
    progress = Progress.for_stderr(args.quiet or len(paths) < 2)
    progress.busy(f"reading and checking {len(paths)} laws")
    try:
        laws = check_laws(paths, args.from_format, rules, conventions, Described(country, args.kind, args.title))
    finally:
        progress.done()
    report = laws.report
    if args.article:
        report.findings = [f for f in report.findings if f.article in args.article]
        # an article no law holds: "0 findings" there would say it was checked and found clean
        absent = [a for a in dict.fromkeys(args.article) if a not in laws.nums]
        if len(absent) == len(set(args.article)):
            raise UsageError(f"--article {', '.join(absent)}: no law checked has an article with this number")
        warn(f"--article {a}: no law checked has an article with this number" for a in absent)
    warn(gaps(laws.unchecked, [d.country for d in report.documents]))
    fmt = args.format or ("md" if args.output in (None, "-") and sys.stdout.isatty() else "json")
    read = [*paths, *(f for meta in laws.metas for f in meta.read_files)]
    if fmt == "json":
        write_output(args.output, report.model_dump_json(indent=1) + "\n", inputs=read)
    else:
        from ..report.render import findings_markdown  # the report package only for Markdown

        write_output(args.output, findings_markdown(report), inputs=read)
    return 0
