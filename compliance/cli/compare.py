"""`compliance compare`: the matrix rules × countries over each country's newest corpus laws.

Reads the country codes (each must be known to the corpus or the ratifications table) and the conventions
to keep, runs the compare stage and writes the matrix as HTML, Markdown, JSON or CSV.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..errors import UsageError
from .common import Progress, conventions_option, write_output
from .options import add_jobs_option

EXAMPLE = "example: compliance compare --countries KZ,UZ,RU --format html -o compare.html"


def add_parser(sub: Any, summary: str) -> None:
    p = sub.add_parser("compare", help=summary, epilog=EXAMPLE)
    p.add_argument("--countries", required=True, help="ISO alpha-2 codes, e.g. KZ,UZ,RU")
    p.add_argument("--conventions", help="only these conventions, e.g. C087,C105")
    p.add_argument("--format", choices=("html", "md", "json", "csv"), default="html", help="default html")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    add_jobs_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..compare import compare, render
    from ..selection import require_country

    # each country once, in the order given ("KZ,kz" is one column); none at all compares nothing
    countries = list(dict.fromkeys(require_country(c) for c in args.countries.split(",") if c.strip()))
    if not countries:
        raise UsageError("--countries: give one or more ISO alpha-2 codes, e.g. KZ,UZ,RU")
    conventions = conventions_option(args.conventions)
    progress = Progress.for_stderr(args.quiet)
    write_output(args.output, render(compare(countries, conventions, progress=progress), args.format))
    return 0
