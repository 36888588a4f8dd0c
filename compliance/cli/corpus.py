"""`compliance corpus list`: the documents of the bundled corpus, one line each (id, country, kind, edition, title)."""

from __future__ import annotations

import argparse
from typing import Any

from .common import write_output

EXAMPLE = "example: compliance corpus list"


def add_parser(sub: Any) -> None:
    p = sub.add_parser("corpus", help="the bundled corpus", epilog=EXAMPLE)
    p.add_argument("action", choices=("list",))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..corpus import format_table, load_entries

    entries = load_entries()
    if args.action == "list":
        write_output(None, format_table(entries))
    return 0
