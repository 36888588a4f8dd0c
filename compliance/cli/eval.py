"""`compliance eval`: expert-labelled cases × the checker → recall, false positives and flag density.

Reads a cases file and the rules, runs the evaluation stage (`compliance.evaluate`) and writes the
`Evaluation` as Markdown or JSON. Exits 0 when the targets are met, `EXIT_BELOW_TARGET` when not.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .common import Progress, conventions_option, write_output
from .options import add_jobs_option

EXIT_BELOW_TARGET = 3  # recall < 1.0 or a false positive; 2 stays "bad input", 1 "internal error"


def add_parser(sub: Any, summary: str) -> None:
    p = sub.add_parser(
        "eval",
        help=summary,
        description="Run the checker on every document of a cases file and report recall, false positives, "
        "conflict/concern articles per 100 articles, and tables per rule and per convention.",
        epilog="example: compliance eval tests/eval/cases.yaml --format md\n"
        f"exit codes: 0 targets met; {EXIT_BELOW_TARGET} recall < 1.0 or a false positive; 2 bad input",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("cases", help="cases file (format of tests/eval/cases.yaml)")
    p.add_argument("--format", choices=("json", "md"), default="md", help="output format (default md)")
    p.add_argument("--rules", help="rules folder (default: rules/)")
    p.add_argument("--conventions", help="only these conventions' rules and flags, e.g. C087,C098")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    add_jobs_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..evaluate import evaluate, load_cases, to_json, to_markdown
    from ..rules import load_rules

    cases = load_cases(Path(args.cases))
    rules = load_rules(Path(args.rules) if args.rules else None)
    conventions = conventions_option(args.conventions)  # "c87" is C087; C999 is refused, not scored on nothing
    progress = Progress.for_stderr(args.quiet)
    progress.busy(f"evaluating {len(cases)} labelled documents against {len(rules)} rules")
    try:
        ev = evaluate(cases, rules, conventions, cases_name=str(args.cases))
    finally:
        progress.done()
    write_output(args.output, to_json(ev) if args.format == "json" else to_markdown(ev))
    return 0 if ev.passed else EXIT_BELOW_TARGET
