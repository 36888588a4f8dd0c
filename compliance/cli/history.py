"""`compliance history`: every edition of a work in the corpus → each article's timeline (text or JSON).

Reads a work of the corpus (`kz/criminal-code`, or any id of one of its stored texts) and, with `--article`,
the text of that article in every edition that holds it; runs the checker on each edition unless
`--no-check`; writes the `History` as text (redlines, amending acts, findings per edition) or JSON.
"""

from __future__ import annotations

import argparse
from typing import Any

from .common import write_output
from .options import warn

EXAMPLE = "example: compliance history kz/criminal-code --article 174"


def add_parser(sub: Any, summary: str) -> None:
    p = sub.add_parser(
        "history", help=summary, epilog=EXAMPLE
    )
    p.add_argument("law", help="a work of the corpus, e.g. kz/criminal-code or kz/trade-unions-law (or one of its texts' ids)")
    p.add_argument("--article", help='only the article with this number in any edition, e.g. 174 or "282.1"')
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default text)")
    p.add_argument("--no-check", action="store_true", help="the texts only, without the findings of each edition")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..check import check_document
    from ..check.scope import not_analysed
    from ..corpus import work
    from ..diff import history, render_history_text
    from ..errors import UnknownReference
    from ..rules import load_rules

    work(args.law)  # a law the corpus does not have is the user's error: UnknownReference, with suggestions
    rules = load_rules()  # one rule set, for the check and for what it cannot be tried on
    try:
        h = history(args.law, article=args.article,
                    checker=None if args.no_check else lambda doc: check_document(doc, rules),
                    unchecked=lambda doc: not_analysed(doc, rules))
    except ValueError as exc:
        raise UnknownReference(str(exc)) from None
    write_output(args.output, h.model_dump_json(indent=1) + "\n" if args.format == "json" else render_history_text(h))
    warn(h.not_analysed.values())  # as `check` says it: no findings there must not read as compliant
    return 0
