"""`compliance parse`: a law (file, folder of chapter files, or standard input) → its article tree.

Reads the input through the parse stage and writes the `Document` as JSON, Akoma Ntoso XML or indented
text; parse warnings go to stderr as `file:line: warning: …`.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..models import DocumentMeta
from ..parse import FORMATS
from .common import inputs_of, render_text, write_output
from .options import add_description_options, describe_options

EXAMPLE = "example: compliance parse corpora/national_laws/kz/criminal-code-art174/2020-06-26.md --format text"


def add_parser(sub: Any, summary: str) -> None:
    p = sub.add_parser("parse", help=summary, epilog=EXAMPLE)
    p.add_argument("path", help="file, folder of chapter files, or - for standard input")
    p.add_argument("--format", choices=("json", "akn", "text"), default="json", help="output format (default json)")
    p.add_argument("--from", dest="from_format", choices=FORMATS, help="input format (default: detected)")
    p.add_argument("--encoding", help="input encoding (default: detected: UTF-8, UTF-16 with BOM, cp1251, KOI8-R)")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    add_description_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..parse import parse_file

    doc = parse_file(args.path, args.from_format, encoding=args.encoding)
    describe_options(doc, args)
    for w in doc.warnings:
        print(f"{args.path}:{w.line}: warning: {w.message}", file=sys.stderr)
    read = [args.path, *inputs_of([doc])]
    if args.format == "json":
        write_output(args.output, doc.model_dump_json(indent=1) + "\n", inputs=read)
    elif args.format == "akn":
        from ..akn import to_akn

        write_output(args.output, to_akn(doc), inputs=read)
    else:
        write_output(args.output, _described_lines(doc.document) + render_text(doc.tree), inputs=read)
    return 0


def _described_lines(meta: DocumentMeta) -> str:
    """The fields the text itself stated (no meta.yaml said them), above the tree: "(inferred) kind: labour code"."""
    lines = [f"(inferred) {name}: {getattr(meta, name)}" for name in meta.inferred]
    if "edition" in meta.inferred and meta.amended_by:
        lines.append(f"(inferred) amended_by: {meta.amended_by}")
    return "".join(f"{line}\n" for line in lines)
