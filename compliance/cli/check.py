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

from ..parse import FORMATS
from .common import Progress, conventions_option, inputs_of, write_output
from .options import add_description_options, add_jobs_option, checked_country, describe_options, warn_gaps

EXAMPLE = "example: compliance check corpora/national_laws/kz/criminal-code-art174/2020-06-26.md --format md"


def add_parser(sub: Any, summary: str) -> None:
    p = sub.add_parser("check", help=summary, epilog=EXAMPLE)
    p.add_argument("paths", nargs="+", help="files, folders of chapter files, corpus ids, or - for standard input")
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
    from ..check import check_documents
    from ..parallel import load_documents
    from ..parse.meta import unique_ids
    from ..rules import load_rules

    country = checked_country(args.country)
    conventions = conventions_option(args.conventions)
    rules = load_rules(Path(args.rules) if args.rules else None)
    # several files take long enough to want progress; one file answers at once
    progress = Progress.for_stderr(args.quiet or len(args.paths) < 2)
    progress.busy(f"reading {len(args.paths)} files")
    docs = load_documents(args.paths, args.from_format)
    for doc in docs:
        describe_options(doc, args)
    unique_ids([d.document for d in docs])
    progress.busy(f"checking {len(docs)} laws against {len(rules)} rules")
    try:
        report = check_documents(docs, rules, country, conventions)
    finally:
        progress.done()
    if args.article:
        report.findings = [f for f in report.findings if f.article in args.article]
    selected = [r for r in rules if not conventions or r.convention in conventions]
    warn_gaps(docs, selected, report)
    fmt = args.format or ("md" if args.output in (None, "-") and sys.stdout.isatty() else "json")
    read = [*args.paths, *inputs_of(docs)]
    if fmt == "json":
        write_output(args.output, report.model_dump_json(indent=1) + "\n", inputs=read)
    else:
        from ..report.render import findings_markdown  # the report package only for Markdown

        write_output(args.output, findings_markdown(report), inputs=read)
    return 0
