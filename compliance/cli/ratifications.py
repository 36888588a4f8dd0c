"""`compliance ratifications KZ`: a country's ratifications of ILO instruments, with their evidence, as text."""

from __future__ import annotations

import argparse
from typing import Any

from .common import write_output

EXAMPLE = "example: compliance ratifications KZ"


def add_parser(sub: Any, summary: str) -> None:
    p = sub.add_parser("ratifications", help=summary, epilog=EXAMPLE)
    p.add_argument("country", help="ISO alpha-2 code, e.g. KZ")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..ratifications import table
    from ..selection import require_country

    require_country(args.country)
    write_output(None, table(args.country))
    return 0
