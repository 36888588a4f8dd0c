"""`compliance diff`: two editions of a law → the changes (articles, redlines, findings delta).

Reads two laws (files, corpus ids with edition, or `work@date`, whose portions are read as one text) and
writes the `Diff` as JSON, HTML or Markdown. `compliance history` is in `history.py`.
"""

from __future__ import annotations

import argparse
from typing import Any

from .common import inputs_of, write_output
from .options import warn

DIFF_EXAMPLE = ("example: compliance diff kz/trade-unions-law@2020-05-04 kz/trade-unions-law@2023-04-18 "
                "--format html -o tu.html")


def add_parser(sub: Any, summary: str) -> None:
    p = sub.add_parser("diff", help=summary, epilog=DIFF_EXAMPLE)
    p.add_argument("old", help="the older edition: a file, or a corpus id with edition (kz/trade-unions-law@2020-05-04)")
    p.add_argument("new", help="the newer edition, likewise")
    p.add_argument("--format", choices=("json", "html", "md"), default="json", help="output format (default json)")
    p.add_argument("--no-check", action="store_true", help="compare the texts only, without running the checker on both")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.set_defaults(func=run_diff)


def run_diff(args: argparse.Namespace) -> int:
    from ..check import check_document
    from ..check.scope import not_analysed
    from ..corpus import load_document
    from ..diff import diff_documents, render_html, render_json, render_markdown
    from ..rules import load_rules

    old, new = load_document(args.old), load_document(args.new)
    rules = [] if args.no_check else load_rules()  # one rule set, for the check and for what it cannot be tried on
    unchecked = {id(doc): why for doc in (old, new) if not args.no_check and (why := not_analysed(doc, rules))}
    diff = diff_documents(old, new, checker=lambda doc: check_document(doc, rules), run_checker=not args.no_check,
                          unchecked=lambda doc: unchecked.get(id(doc)))
    render = {"json": render_json, "html": render_html, "md": render_markdown}[args.format]
    write_output(args.output, render(diff), inputs=[args.old, args.new, *inputs_of([old, new])])
    warn(unchecked.values())  # as `check` says it: findings unchanged there must not read as compliance
    return 0
