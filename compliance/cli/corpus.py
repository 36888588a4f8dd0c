"""`compliance corpus list`: the bundled corpus, grouped by work (each work's editions and the stored texts of
each, with their extent and amending act), or `--flat`, one line per text (id, country, kind, edition, title)."""

from __future__ import annotations

import argparse
from typing import Any

from .common import write_output

EXAMPLE = "example: compliance corpus list"


def add_parser(sub: Any, summary: str) -> None:
    p = sub.add_parser("corpus", help=summary, epilog=EXAMPLE)
    p.add_argument("action", choices=("list",))
    p.add_argument("--flat", action="store_true", help="one line per stored text, ILO instruments included")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..corpus import corpus_works, format_table, format_works, load_entries

    entries = load_entries()
    if args.action == "list":
        write_output(None, format_table(entries) if args.flat else format_works(corpus_works()))
    return 0
