"""`compliance diff` and `compliance history`: two editions of a law → the changes; every edition → a timeline.

Reads two laws (files or corpus ids with edition) and writes the `Diff` as JSON, HTML or Markdown; or reads
every edition of a corpus law and writes each article's history as text or JSON.
"""

from __future__ import annotations

import argparse
from typing import Any

from .common import write_output

DIFF_EXAMPLE = ("example: compliance diff kz/trade-unions-law@2020-05-04 kz/trade-unions-law@2023-04-18 "
                "--format html -o tu.html")
HISTORY_EXAMPLE = "example: compliance history kz/criminal-code-art174 --article 174"


def add_parser(sub: Any) -> None:
    p = sub.add_parser("diff", help="compare two editions of a law", epilog=DIFF_EXAMPLE)
    p.add_argument("old", help="the older edition: a file, or a corpus id with edition (kz/trade-unions-law@2020-05-04)")
    p.add_argument("new", help="the newer edition, likewise")
    p.add_argument("--format", choices=("json", "html", "md"), default="json", help="output format (default json)")
    p.add_argument("--no-check", action="store_true", help="compare the texts only, without running the checker on both")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.set_defaults(func=run_diff)

    p = sub.add_parser(
        "history", help="timeline of each article across every edition of a law in the corpus", epilog=HISTORY_EXAMPLE
    )
    p.add_argument("law", help="a law of the corpus without edition, e.g. kz/trade-unions-law")
    p.add_argument("--article", help='only the article with this number in any edition, e.g. 174 or "282.1"')
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default text)")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.set_defaults(func=run_history)


def run_diff(args: argparse.Namespace) -> int:
    from ..check import check_document
    from ..corpus import load_document
    from ..diff import diff_documents, render_html, render_json, render_markdown

    diff = diff_documents(load_document(args.old), load_document(args.new), checker=check_document,
                          run_checker=not args.no_check)
    render = {"json": render_json, "html": render_html, "md": render_markdown}[args.format]
    write_output(args.output, render(diff))
    return 0


def run_history(args: argparse.Namespace) -> int:
    from ..corpus import find
    from ..diff import history, render_history_text

    find(args.law)  # a law the corpus does not have is the user's error: UnknownReference, with suggestions
    h = history(args.law, article=args.article)
    write_output(args.output, h.model_dump_json(indent=1) + "\n" if args.format == "json" else render_history_text(h))
    return 0
