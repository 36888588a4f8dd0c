"""`compliance report`: choose the laws, check them, write the report folder.

Reads either every law of a country in the bundled corpus (`--country KZ`: the newest edition of each law,
or the edition `--edition` names; where an edition exists in the main language and a second language, the
main language) or a user's files and corpus ids (`compliance report PATH... -o DIR`), and hands them to the
report stage (`report.write_report`), which writes `index.html`, `report.md`, `findings.json`,
`findings.csv` and, when a PDF engine is installed, `report.pdf`. Progress goes to stderr on a terminal
only; `--quiet` prints nothing but errors.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..models import Document
from ..report.strings import LANGUAGES
from .common import Progress, conventions_option
from .options import add_description_options, add_jobs_option, checked_country, describe_options, warn_gaps

if TYPE_CHECKING:
    from ..rules import Rule

EXAMPLE = "example: compliance report --country KZ -o reports/KZ"


def add_parser(sub: Any, summary: str) -> None:
    p = sub.add_parser("report", help=summary, epilog=EXAMPLE)
    add_arguments(p)
    p.set_defaults(func=run)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `compliance report`."""
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="your own files, folders of chapter files or corpus ids "
                             "(default: every law of --country in the corpus)")
    parser.add_argument("--country", help="ISO 3166 alpha-2 code, e.g. KZ: report on every law of that country "
                                          "in the corpus (with PATHs: the jurisdiction of those files)")
    parser.add_argument("-o", "--output", help="output folder (default reports/<COUNTRY>, or reports/custom)")
    parser.add_argument("--edition", action="append", metavar="DATE|LAW@DATE",
                        help="with --country: the laws as they stood on DATE (newest edition on or before it), "
                             "or one law's edition, e.g. criminal-code-art174@2015-11-13; repeatable")
    parser.add_argument("--conventions", help="only these conventions, e.g. C087,C105")
    parser.add_argument("--lang", choices=LANGUAGES, default="en", help="interface language of the report (default en)")
    parser.add_argument("--rules", help="rules folder (default: rules/)")
    parser.add_argument("--from", dest="from_format", help="input format of PATHs (default: detected)")
    parser.add_argument("--all-editions", action="store_true",
                        help="with --country: every edition in the corpus, each reported in full (default: the "
                             "current law, each article from the newest text of its law that holds it)")
    parser.add_argument("--with-law-text", action="store_true",
                        help="append the annotated text of every law (long: hundreds of pages in the PDF)")
    parser.add_argument("--no-progress", action="store_true",
                        help="with --country: leave out the section on the country's progress over the editions")
    parser.add_argument("--no-pdf", action="store_true", help="do not write report.pdf even if Chromium is installed")
    parser.add_argument("--stamp", action="store_true", help="write the date and time into the report "
                                                           "(default: none, so the same input gives the same bytes)")
    parser.add_argument("--quiet", action="store_true", help="print nothing but errors")
    add_jobs_option(parser)
    add_description_options(parser, country=False)


def _read_refs(refs: list[str], fmt: str | None, progress: Progress) -> list[Document]:
    from ..parallel import law_refs, load_documents

    refs = law_refs(refs)
    docs = load_documents(refs, fmt, lambda i, ref: progress.step(i, len(refs), f"reading {ref}"))
    progress.step(len(refs), len(refs), "read")
    return docs


def _read_country(country: str, editions: list[str] | None, progress: Progress,
                  all_editions: bool = False) -> tuple[list[Document], list[str]]:
    from ..parse import parse_file
    from ..selection import select_entries

    entries, notes = select_entries(country, editions)
    if all_editions:  # every main-language edition of the laws the selection found
        from ..corpus import load_entries

        bases = {e.base for e in entries}
        entries = sorted((e for e in load_entries() if e.base in bases and e.second_language is None),
                         key=lambda e: e.id)
    docs = []
    for i, entry in enumerate(entries):
        progress.step(i, len(entries), f"reading {entry.id}")
        docs.append(parse_file(entry.file))
    progress.step(len(entries), len(entries), "read")
    return docs, notes


def _progress_section(country: str | None, selected: list[Rule], progress: Progress) -> str | None:
    """The section "Progress since <year>": every edition of the country's works, checked with the same rules
    (`selected`: those of the report's conventions)."""
    from ..check import check_document
    from ..progress import build_progress, render_progress_section

    if not country:
        return None
    progress.busy("checking every edition for the progress section")
    try:
        found = build_progress(country, lambda doc: check_document(doc, selected, country), rules=selected)
    finally:
        progress.done()
    return render_progress_section(found) if found.works else None


def run(args: argparse.Namespace) -> int:
    """The country's corpus laws, or the given PATHs, → the report folder."""
    from ..parse.meta import unique_ids
    from ..report import write_report
    from ..rules import load_rules, of_conventions

    paths: list[str] = list(args.paths or [])
    country = args.country.upper() if args.country else None
    if not paths and not country:
        raise UsageError("give --country (every law of that country in the corpus) or PATHs to your own files")
    if paths and args.edition:
        raise UsageError("--edition chooses corpus editions with --country; with PATHs, name the edition in the id "
                         "(kz/trade-unions-law@2020-05-04)")
    if not paths and (args.kind or args.title):
        raise UsageError("--kind and --title describe your own files: give PATHs")
    progress = Progress.for_stderr(args.quiet)
    conventions = conventions_option(args.conventions)
    rules = load_rules(Path(args.rules) if args.rules else None)
    notes: list[str] = []
    if paths:
        country = checked_country(country)
        docs = _read_refs(paths, args.from_format, progress)
        for doc in docs:
            describe_options(doc, argparse.Namespace(country=country, kind=args.kind, title=args.title))
    else:
        assert country is not None
        if args.all_editions and args.edition:
            raise UsageError("--all-editions reports every edition; --edition chooses one: give one of them")
        docs, notes = _read_country(country, args.edition, progress, args.all_editions)
    unique_ids([d.document for d in docs])
    out = Path(args.output or f"reports/{country or 'custom'}")
    selected = of_conventions(rules, conventions)
    progress_html = None if paths or args.no_progress else _progress_section(country, selected, progress)
    written = write_report(
        docs, out, rules=rules, country=country, conventions=conventions, lang=args.lang or "en",
        stamp=args.stamp, pdf=not args.no_pdf, notes=notes, progress=progress,
        all_editions=args.all_editions, with_law_text=args.with_law_text, progress_html=progress_html,
    )
    warn_gaps(docs, selected, written.findings)
    if not args.quiet:
        n = len(written.findings.findings)
        print(f"{n} {'finding' if n == 1 else 'findings'} in {len(docs)} {'law' if len(docs) == 1 else 'laws'}")
        print("written: " + ", ".join(str(p) for p in written.files))
    return 0
