"""`compliance comments CC`: the ILO supervisory comments on a country's laws, with the corpus articles
they are on.

Reads the normalised comments (`compliance.supervisory`) and the country's corpus laws (newest edition of
each); prints one line per comment (id, body, type, year, convention, act, provisions, the matching corpus
articles or "not in the corpus"), its quote and link; or JSON.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from .common import write_output


def add_parser(sub: Any, summary: str) -> None:
    p = sub.add_parser("comments", help=summary,
                       epilog="example: compliance comments KZ")
    p.add_argument("country", help="ISO code, e.g. KZ")
    p.add_argument("--format", choices=("txt", "json"), default="txt")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..corpus import load_document, load_entries
    from ..supervisory import load_comments
    from ..supervisory.links import matching_articles

    country = args.country.upper()
    comments = [c for c in load_comments() if c.country == country]
    laws = {}
    for e in load_entries():
        if e.meta.country == country and e.second_language is None:
            laws[e.base] = e  # entries come oldest first: the newest edition stays
    rows = []
    for c in comments:
        found = []
        for base, e in sorted(laws.items()):
            if c.act_number and e.meta.act_number:
                doc = load_document(e.id)
                arts = matching_articles(c, doc.document, [a.num or "" for a in doc.articles()])
                found += [f"{base} art. {a}" for a in arts]
        rows.append((c, found))
    if args.format == "json":
        data = [c.model_dump(mode="json") | {"corpus_articles": found} for c, found in rows]
        write_output(args.output, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return 0
    lines = []
    for c, found in rows:
        lines.append(f"{c.id}  {c.body or ''} {c.type or ''} {c.year or ''}  {c.convention}"
                     f"{' Art. ' + c.convention_article if c.convention_article else ''}  {c.law}: {c.cited}")
        lines.append(f"    corpus: {'; '.join(found) if found else 'not in the corpus'}")
        lines.append(f"    “{c.quote}”")
        lines.append(f"    {c.url}")
    write_output(args.output, "\n".join(lines) + "\n")
    return 0
