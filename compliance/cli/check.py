"""`compliance check`: laws (files, folders, corpus ids, standard input) × the rule sets → findings.

Reads the laws and the rules folder, runs the check stage and writes the `FindingsReport` as JSON (the
check contract) or Markdown.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..parse import FORMATS
from .common import conventions_option, write_output
from .options import add_description_options, checked_country, describe_options, warn_gaps

EXAMPLE = "example: compliance check corpora/national_laws/kz/criminal-code-art174/2020-06-26.md --format md"


def add_parser(sub: Any) -> None:
    p = sub.add_parser("check", help="check laws against the ILO rule sets", epilog=EXAMPLE)
    p.add_argument("paths", nargs="+", help="files, folders of chapter files, corpus ids, or - for standard input")
    add_description_options(p)
    p.add_argument("--rules", help="rules folder (default: rules/)")
    p.add_argument("--conventions", help="only these conventions, e.g. C087,C105")
    p.add_argument("--format", choices=("json", "md"), default="json", help="output format (default json)")
    p.add_argument("--from", dest="from_format", choices=FORMATS, help="input format (default: detected)")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..check import check_documents
    from ..corpus import load_document
    from ..parse.meta import unique_ids
    from ..report.render import findings_markdown
    from ..rules import load_rules

    country = checked_country(args.country)
    conventions = conventions_option(args.conventions)
    rules = load_rules(Path(args.rules) if args.rules else None)
    docs = [load_document(ref, args.from_format) for ref in args.paths]
    for doc in docs:
        describe_options(doc, args)
    unique_ids([d.document for d in docs])
    report = check_documents(docs, rules, country, conventions)
    selected = [r for r in rules if not conventions or r.convention in conventions]
    warn_gaps(docs, selected, report)
    if args.format == "json":
        write_output(args.output, report.model_dump_json(indent=1) + "\n")
    else:
        write_output(args.output, findings_markdown(report))
    return 0
