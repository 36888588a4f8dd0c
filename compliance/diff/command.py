"""The `diff` and `history` commands: argparse arguments → the diff stage → JSON, HTML, Markdown or text output.

Reads the command line (two editions: files or corpus ids; or a law of the corpus); writes the rendered
`Diff` or `History` to a file or standard output. The checker is passed to the diff from here, so that the
diff stage itself does not import the check stage.
"""

from __future__ import annotations

import argparse
from typing import Any

from .changes import diff_documents
from .history import history
from .render import render_history_text, render_html, render_json, render_markdown

__all__ = ["add_commands", "cmd_diff", "cmd_history"]


def cmd_diff(args: argparse.Namespace) -> int:
    from ..check import check_document
    from ..cli import write_output
    from ..corpus import load_document

    diff = diff_documents(load_document(args.old), load_document(args.new), checker=check_document, run_checker=not args.no_check)
    render = {"json": render_json, "html": render_html, "md": render_markdown}[args.format]
    write_output(args.output, render(diff))
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    from ..cli import write_output

    h = history(args.law, article=args.article)
    write_output(args.output, h.model_dump_json(indent=1) + "\n" if args.format == "json" else render_history_text(h))
    return 0


def add_commands(subparsers: Any) -> None:
    """Register `diff` and `history` on the `compliance` command's sub-parsers."""
    p = subparsers.add_parser(
        "diff",
        help="compare two editions of a law",
        epilog="example: compliance diff kz/trade-unions-law@2020-05-04 kz/trade-unions-law@2023-04-18 --format html -o tu.html",
    )
    p.add_argument("old", help="the older edition: a file, or a corpus id with edition (kz/trade-unions-law@2020-05-04)")
    p.add_argument("new", help="the newer edition, likewise")
    p.add_argument("--format", choices=("json", "html", "md"), default="json", help="output format (default json)")
    p.add_argument("--no-check", action="store_true", help="compare the texts only, without running the checker on both")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.set_defaults(func=cmd_diff)

    p = subparsers.add_parser(
        "history",
        help="timeline of each article across every edition of a law in the corpus",
        epilog="example: compliance history kz/criminal-code-art174 --article 174",
    )
    p.add_argument("law", help="a law of the corpus without edition, e.g. kz/trade-unions-law")
    p.add_argument("--article", help='only the article with this number in any edition, e.g. 174 or "282.1"')
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default text)")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.set_defaults(func=cmd_history)
