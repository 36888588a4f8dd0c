"""`compliance progress --country KZ`: a country's compliance over the editions the corpus holds.

Reads the country's works from the corpus, runs the checker on each edition and writes the `Progress`
(open conflicts and concerns per edition, changes of status with their amending acts, gaps) as HTML with
an SVG timeline, Markdown, JSON or CSV.
"""

from __future__ import annotations

import argparse
from typing import Any

from .common import write_output
from .options import warn

EXAMPLE = "example: compliance progress --country KZ --format html -o kz-progress.html"


def add_parser(sub: Any, summary: str) -> None:
    p = sub.add_parser("progress", help=summary, epilog=EXAMPLE)
    p.add_argument("--country", required=True, help="ISO code of a country with laws in the corpus, e.g. KZ")
    p.add_argument("--format", choices=("html", "md", "json", "csv"), default="md", help="output format (default md)")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..check import check_document
    from ..errors import UnknownReference
    from ..progress import build_progress, render_csv, render_html, render_json, render_markdown

    progress = build_progress(args.country, check_document)
    if not progress.works:
        raise UnknownReference(f"--country {args.country}: no law of this country in the corpus "
                               "(`compliance corpus list` shows every work)")
    render = {"html": render_html, "md": render_markdown, "json": render_json, "csv": render_csv}[args.format]
    write_output(args.output, render(progress))
    warn(e.not_analysed for w in progress.works for e in w.editions)  # as `check` says it
    return 0
