"""The options that say what a law is when its text and metadata do not (parse, check, report), and the
warnings of a check that could not cover everything.

Reads parsed documents and the command's `--country`, `--kind` and `--title`; produces the documents with
those fields set (winning over meta.yaml and over what the text says), the country code checked against
the ones the corpus and the ratifications table know (`UnknownCountry`, exit 2), and the check's gaps as
`compliance: warning: …` lines on stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import Any

from ..models import Document, FindingsReport
from ..rules import Rule


def add_description_options(p: Any, country: bool = True) -> None:
    if country:
        p.add_argument("--country", help="ISO 3166 alpha-2 of the jurisdiction (default: meta.yaml, else the text)")
    p.add_argument("--kind", help='kind of law, e.g. "labour code", "criminal code" (default: meta.yaml, else the text)')
    p.add_argument("--title", help="title of the law (default: meta.yaml, else the text)")


def add_jobs_option(p: Any) -> None:
    p.add_argument("--jobs", type=processes, metavar="N",
                   help="processes to use (default: every core); the output is the same for any N")


def processes(text: str) -> int:
    """A number of processes given on the command line: a whole number of at least 1."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a positive number of processes: {text!r}")
    return int(text)


def checked_country(code: str | None) -> str | None:
    """`--country` upper-cased; an unknown code is a usage error (exit 2), never a silent empty check."""
    if not code:
        return None
    from ..selection import require_country

    return require_country(code)


def describe_options(doc: Document, args: argparse.Namespace) -> None:
    from ..parse.meta import apply_options

    apply_options(doc.document, getattr(args, "country", None), getattr(args, "kind", None),
                  getattr(args, "title", None))


def warn(lines: Iterable[str | None]) -> None:
    """Each line (None: none) as a `compliance: warning: …` line on stderr: what a command could not cover,
    said beside an output that would otherwise read as complete."""
    for line in lines:
        if line:
            print(f"compliance: warning: {line}", file=sys.stderr)


def warn_gaps(docs: Iterable[Document], rules: Iterable[Rule], findings: FindingsReport) -> None:
    """Laws not analysed and countries without sanction data, as warnings on stderr."""
    from ..check.scope import warnings

    warn(warnings(docs, rules, [d.country for d in findings.documents]))
