"""`compliance cite LAW --article N`: paste-ready citations of the findings on an article.

Reads one law (file or corpus id) and the rules, checks the named articles and prints, per finding, the
block `report.paste` builds: citation (English or Russian), the quoted part with its penalties, the
convention article's authentic text, the principle and the ILO supervisory comments with their links. An
article with no finding, or a law no rule can be tried on, is said on stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..errors import UsageError
from .common import write_output
from .options import warn

EXAMPLE = "example: compliance cite kz/criminal-code-ch04-05-arts160-186-incl-art174 --article 174 --lang ru"


def add_parser(sub: Any, summary: str) -> None:
    p = sub.add_parser("cite", help=summary, epilog=EXAMPLE)
    p.add_argument("law", help="a file or a corpus id")
    p.add_argument("--article", required=True, action="append", help="article number (repeatable)")
    p.add_argument("--lang", choices=("en", "ru"), default="en", help="language of citations and texts")
    p.add_argument("--format", choices=("txt", "md", "json"), default="txt", help="output format (default txt)")
    p.add_argument("--rules", help="rules folder (default: rules/)")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..check import check_document
    from ..check.scope import not_analysed
    from ..corpus import load_document
    from ..report.paste import block, render
    from ..rules import load_rules

    rules = load_rules(Path(args.rules) if args.rules else None)
    doc = load_document(args.law)
    missing = [a for a in args.article if doc.tree.article(a) is None]
    if missing:
        raise UsageError(f"{args.law}:1: no article {', '.join(missing)} in this text")
    by_id = {r.id: r for r in rules}
    findings = [f for f in check_document(doc, rules) if f.article in args.article]
    blocks = [block(f, by_id[f.rule_id], args.lang) for f in findings]
    write_output(args.output, render(blocks, args.lang, args.format))
    # An article with nothing to cite is said on stderr (the output stays paste-ready): never a silent exit
    unchecked = not_analysed(doc, rules)
    warn([unchecked])  # no rule could be tried on the law: its articles' lack of findings says nothing
    if not unchecked:
        for article in dict.fromkeys(args.article):
            if not any(f.article == article for f in findings):
                print(f"compliance: {doc.document.id}: art. {article}: no conflict, concern or implementing "
                      "provision found: nothing to cite", file=sys.stderr)
    return 0
