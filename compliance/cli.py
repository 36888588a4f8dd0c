"""The `compliance` command: one entry point, one sub-command per stage.

Errors in the input are one line on stderr ("file:line: what is wrong") and exit code 2; a bug in the
program exits 1. Sub-commands import their stage lazily so that `compliance --help` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .models import Node
from .corpus import CorpusError
from .parse import FORMATS, ParseError, parse_file
from .ratifications import RatificationError
from .rules import RuleError

EXAMPLES = {
    "parse": "example: compliance parse corpora/national_laws/kz/criminal-code-art174/2020-06-26.md --format text",
    "corpus": "example: compliance corpus list",
    "compare": "example: compliance compare --countries KZ,UZ,RU --format html -o compare.html",
    "ratifications": "example: compliance ratifications KZ",
    "check": "example: compliance check corpora/national_laws/kz/criminal-code-art174/2020-06-26.md --format md",
    "report": "example: compliance report --country KZ -o reports/KZ",
}


class UsageError(ValueError):
    """Bad arguments or input named by the user: exit code 2."""


def write_output(out: str | None, data: str | bytes) -> None:
    """Write to a file (creating its folder) or, for None or "-", to standard output."""
    if out in (None, "-"):
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        return
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")


def render_text(tree: Node) -> str:
    """The tree as indented plain text: one line per unit, then its text and notes, for reading and diffs."""
    lines: list[str] = []

    def emit(node: Node, depth: int) -> None:
        pad = "  " * depth
        head = " ".join(p for p in (node.label, node.heading) if p)
        flag = " [repealed]" if node.repealed else ""
        lines.append(f"{pad}[{node.eid}]{flag} {head}".rstrip())
        lines.extend(f"{pad}  {t}" for t in node.text.splitlines())
        lines.extend(f"{pad}  ({note.kind}) {note.text}" for note in node.notes)
        for child in node.children:
            emit(child, depth + 1)

    for child in tree.children:
        emit(child, 0)
    lines.extend(f"({note.kind}) {note.text}" for note in tree.notes)
    return "\n".join(lines) + "\n"


def cmd_parse(args: argparse.Namespace) -> int:
    doc = parse_file(args.path, args.from_format, encoding=args.encoding)
    for w in doc.warnings:
        print(f"{args.path}:{w.line}: warning: {w.message}", file=sys.stderr)
    if args.format == "json":
        write_output(args.output, doc.model_dump_json(indent=1) + "\n")
    elif args.format == "akn":
        from .akn import to_akn

        write_output(args.output, to_akn(doc))
    else:
        write_output(args.output, render_text(doc.tree))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from .check import check_documents
    from .report.render import findings_markdown
    from .rules import load_rules

    rules = load_rules(Path(args.rules) if args.rules else None)
    from .corpus import load_document

    docs = [load_document(ref, args.from_format) for ref in args.paths]
    conventions = [c.strip() for c in args.conventions.split(",")] if args.conventions else None
    report = check_documents(docs, rules, args.country.upper() if args.country else None, conventions)
    if args.format == "json":
        write_output(args.output, report.model_dump_json(indent=1) + "\n")
    else:
        write_output(args.output, findings_markdown(report))
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from .compare import compare, render

    countries = [c.strip().upper() for c in args.countries.split(",") if c.strip()]
    conventions = [c.strip() for c in args.conventions.split(",")] if args.conventions else None
    write_output(args.output, render(compare(countries, conventions), args.format))
    return 0


def cmd_ratifications(args: argparse.Namespace) -> int:
    from .ratifications import table

    write_output(None, table(args.country))
    return 0


def cmd_corpus(args: argparse.Namespace) -> int:
    from .corpus import format_table, load_entries

    entries = load_entries()
    if args.action == "list":
        write_output(None, format_table(entries))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="compliance",
        description="Check national labour and criminal legislation against ILO conventions.",
        epilog="example: compliance parse law.md --format json -o law.json",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="parse a law into an article tree", epilog=EXAMPLES["parse"])
    p.add_argument("path", help="file, folder of chapter files, or - for standard input")
    p.add_argument("--format", choices=("json", "akn", "text"), default="json", help="output format (default json)")
    p.add_argument("--from", dest="from_format", choices=FORMATS, help="input format (default: detected)")
    p.add_argument("--encoding", help="input encoding (default: detected: UTF-8, UTF-16 with BOM, cp1251, KOI8-R)")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser("check", help="check laws against the ILO rule sets", epilog=EXAMPLES["check"])
    p.add_argument("paths", nargs="+", help="files, folders of chapter files, corpus ids, or - for standard input")
    p.add_argument("--country", help="ISO 3166 alpha-2 of the jurisdiction, when no meta.yaml says it")
    p.add_argument("--rules", help="rules folder (default: rules/)")
    p.add_argument("--conventions", help="only these conventions, e.g. C087,C105")
    p.add_argument("--format", choices=("json", "md"), default="json", help="output format (default json)")
    p.add_argument("--from", dest="from_format", choices=FORMATS, help="input format (default: detected)")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("compare", help="matrix of rules × countries", epilog=EXAMPLES["compare"])
    p.add_argument("--countries", required=True, help="ISO alpha-2 codes, e.g. KZ,UZ,RU")
    p.add_argument("--conventions", help="only these conventions, e.g. C087,C105")
    p.add_argument("--format", choices=("html", "md", "json", "csv"), default="html", help="default html")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser("ratifications", help="a country's ratifications with evidence", epilog=EXAMPLES["ratifications"])
    p.add_argument("country", help="ISO alpha-2 code, e.g. KZ")
    p.set_defaults(func=cmd_ratifications)

    from .diff import add_commands as add_diff_commands
    from .evaluate import add_command as add_eval_command

    add_diff_commands(sub)
    add_eval_command(sub)

    p = sub.add_parser("corpus", help="the bundled corpus", epilog=EXAMPLES["corpus"])
    p.add_argument("action", choices=("list",))
    p.set_defaults(func=cmd_corpus)

    p = sub.add_parser("report", help="annotated gap report on a country's laws or your own files", epilog=EXAMPLES["report"])
    from .report import add_arguments, run_report

    add_arguments(p)
    p.set_defaults(func=run_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except (ParseError, UsageError, RuleError, CorpusError, RatificationError) as exc:
        print(f"compliance: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, exit 1
        print(f"compliance: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
