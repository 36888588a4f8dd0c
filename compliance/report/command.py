"""`compliance report`: choose the laws, check them, write the report folder.

Reads either every law of a country in the bundled corpus (`--country KZ`: the newest edition of each law,
or the edition `--edition` names; where an edition exists in the main language and a second language, the
main language) or a user's files and corpus ids (`compliance report PATH... -o DIR`). Runs the check
stage, builds the `Report` (`model.py`) and writes `index.html`, `report.md`, `findings.json` (the
check contract), `findings.csv` and, when a PDF engine is installed, `report.pdf`. Progress goes to stderr
on a terminal only; `--quiet` prints nothing but errors.

`add_arguments(parser)` declares the options and `run_report(args)` runs them; `compliance.cli` wires
both into the `report` sub-command.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import re
import shutil
import sys
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from ..corpus import CorpusEntry, CorpusError, load_entries
from ..models import Document
from .strings import LANGUAGES

EXAMPLE = "example: compliance report --country KZ -o reports/KZ  |  compliance report law.md kz/trade-unions-law -o out"
OUTPUTS = ("index.html", "report.md", "findings.json", "findings.csv")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PIN = re.compile(r"(?:(?P<cc>[a-z]{2})/)?(?P<slug>[a-z0-9-]+)@(?P<date>\d{4}-\d{2}-\d{2})")


def _usage(message: str) -> Exception:
    from ..cli import UsageError  # lazily: cli imports this module to wire the command

    return UsageError(message)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `compliance report` (the caller sets `func` and the help texts of the sub-command)."""
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
    parser.add_argument("--no-pdf", action="store_true", help="do not write report.pdf even if Chromium is installed")
    parser.add_argument("--stamp", action="store_true", help="write the date and time into the report "
                                                           "(default: none, so the same input gives the same bytes)")
    parser.add_argument("--quiet", action="store_true", help="print nothing but errors")


# -- choosing the laws ------------------------------------------------------------------------------------


def select_entries(country: str, editions: Iterable[str] | None = None,
                   entries: Iterable[CorpusEntry] | None = None) -> tuple[list[CorpusEntry], list[str]]:
    """The corpus texts a country report reads: one per law (slug), sorted by id, and notes on what was left out.

    Per law, the newest edition (or the newest on or before an as-of DATE, or the pinned LAW@DATE); of that
    edition, the main-language text when it exists, else its second-language text.
    """
    cc = country.upper()
    pool = [e for e in (entries if entries is not None else load_entries())
            if (e.meta.country or "").upper() == cc and not e.meta.number]
    if not pool:
        raise CorpusError(f"no laws of country {country!r} in the corpus (see: compliance corpus list)")
    as_of: _dt.date | None = None
    pins: dict[str, _dt.date] = {}
    for value in editions or []:
        for item in (v.strip() for v in value.split(",") if v.strip()):
            if _DATE.fullmatch(item):
                as_of = _date(item)
                continue
            m = _PIN.fullmatch(item)
            if not m:
                raise _usage(f"--edition {item!r}: give a date (2020-06-26) or a law and its edition "
                             f"(criminal-code-art174@2015-11-13)")
            pins[f"{(m['cc'] or cc).lower()}/{m['slug']}"] = _date(m["date"])
    by_base: dict[str, list[CorpusEntry]] = {}
    for e in pool:
        by_base.setdefault(e.base, []).append(e)
    for base in pins:
        if base not in by_base:
            raise CorpusError(f"--edition: no law {base!r} in the corpus for {cc}; laws: {', '.join(sorted(by_base))}")
    chosen: list[CorpusEntry] = []
    notes: list[str] = []
    for base in sorted(by_base):
        group = by_base[base]
        if base in pins:
            candidates = [e for e in group if e.meta.edition == pins[base]]
            if not candidates:
                have = ", ".join(sorted({str(e.meta.edition) for e in group}))
                raise CorpusError(f"--edition: {base} has no edition {pins[base]}; editions: {have}")
        elif as_of is not None:
            candidates = [e for e in group if e.meta.edition and e.meta.edition <= as_of]
            if not candidates:
                notes.append(f"{base}: no edition on or before {as_of}; left out")
                continue
        else:
            candidates = group
        newest = max(e.meta.edition or _dt.date.min for e in candidates)
        same = [e for e in candidates if (e.meta.edition or _dt.date.min) == newest]
        chosen.append(sorted(same, key=lambda e: (e.second_language is not None, e.second_language or "", e.id))[0])
    return sorted(chosen, key=lambda e: e.id), notes


def _date(text: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise _usage(f"--edition: {text!r} is not a date (YYYY-MM-DD)") from None


# -- progress ---------------------------------------------------------------------------------------------


class Progress:
    """A one-line progress bar on stderr when it is a terminal; silent when piped or quiet."""

    def __init__(self, enabled: bool, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self._stop: threading.Event | None = None
        self._thread: threading.Thread | None = None

    @classmethod
    def for_stderr(cls, quiet: bool) -> Progress:
        return cls(not quiet and sys.stderr.isatty())

    def _line(self, text: str) -> None:
        width = shutil.get_terminal_size((100, 20)).columns - 1
        self.stream.write("\r" + text[:width].ljust(width))
        self.stream.flush()

    def step(self, done: int, total: int, what: str) -> None:
        if not self.enabled:
            return
        bar = 24
        filled = bar * done // max(total, 1)
        self._line(f"[{'#' * filled}{'.' * (bar - filled)}] {done}/{total} {what}")

    def busy(self, what: str) -> None:
        """An indeterminate step (the check stage): elapsed seconds tick until `done()`."""
        if not self.enabled:
            return
        self.done()
        stop = self._stop = threading.Event()
        start = time.monotonic()

        def tick() -> None:
            spin = "|/-\\"
            i = 0
            while not stop.wait(0.25):
                self._line(f"[{spin[i % 4]}] {what} {time.monotonic() - start:.0f}s")
                i += 1

        self._line(f"[|] {what}")
        self._thread = threading.Thread(target=tick, daemon=True)
        self._thread.start()

    def done(self) -> None:
        if self._stop is not None:
            self._stop.set()
            if self._thread is not None:
                self._thread.join()
            self._stop = self._thread = None
        if self.enabled:
            self._line("")
            self.stream.write("\r")
            self.stream.flush()


# -- running ----------------------------------------------------------------------------------------------


def _parse_refs(refs: list[str], fmt: str | None, progress: Progress) -> list[Document]:
    from ..corpus import load_document

    docs = []
    for i, ref in enumerate(refs):
        progress.step(i, len(refs), f"reading {ref}")
        docs.append(load_document(ref, fmt))
    progress.step(len(refs), len(refs), "read")
    return docs


def _conventions(text: str | None) -> list[str] | None:
    from .conventions import convention_info, normalize_number

    if not text:
        return None
    out = []
    for item in (c.strip() for c in text.split(",") if c.strip()):
        number = normalize_number(item)
        if convention_info(number) is None:
            raise _usage(f"--conventions: {item!r} is not an ILO instrument in the corpus (corpora/conventions)")
        out.append(number)
    return sorted(dict.fromkeys(out))


def write_report(
    docs: list[Document],
    out: Path,
    *,
    rules: list | None = None,  # type: ignore[type-arg]
    country: str | None = None,
    conventions: list[str] | None = None,
    lang: str = "en",
    stamp: bool = False,
    pdf: bool = True,
    notes: list[str] | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Check `docs` and write the report folder `out`; returns the files written."""
    from ..check import check_documents
    from ..rules import load_rules
    from .html import render_html
    from .model import build
    from .pdf import print_pdf
    from .render import findings_csv, report_markdown

    progress = progress or Progress(False)
    rules = list(rules) if rules is not None else load_rules()
    if conventions:
        rules = [r for r in rules if r.convention in conventions]
    progress.busy(f"checking {len(docs)} {'law' if len(docs) == 1 else 'laws'} against {len(rules)} rules")
    try:
        findings = check_documents(docs, rules, country, conventions)
    finally:
        progress.done()
    if notes:
        findings.notes[:0] = notes
    report = build(docs, findings, rules, country=country, conventions=conventions,
                   stamp=_dt.datetime.now(_dt.timezone.utc) if stamp else None)
    out.mkdir(parents=True, exist_ok=True)
    files = {
        "index.html": render_html(report, lang),
        "report.md": report_markdown(report, lang),
        "findings.json": findings.model_dump_json(indent=1) + "\n",
    }
    written = []
    for i, (name, text) in enumerate(files.items()):
        progress.step(i, len(files) + 1, f"writing {name}")
        (out / name).write_bytes(text.encode("utf-8"))
        written.append(out / name)
    # UTF-8 with a byte order mark: spreadsheet programs then read Cyrillic and Uzbek letters correctly
    (out / "findings.csv").write_bytes(findings_csv(findings).encode("utf-8-sig"))
    written.append(out / "findings.csv")
    target = out / "report.pdf"
    if target.exists():
        target.unlink()  # never leave the PDF of an earlier run beside this run's files
    if pdf:
        progress.step(len(files), len(files) + 1, "printing report.pdf")
        problem = print_pdf(out / "index.html", target, deterministic=not stamp)
        if problem:
            print(f"compliance: warning: {problem}; report.pdf not written", file=sys.stderr)
        elif target.exists():
            written.append(target)
    progress.done()
    return written


def run_report(args: argparse.Namespace) -> int:
    """`compliance report`: the country's corpus laws, or the given PATHs, → the report folder."""
    from ..parse import parse_file
    from ..rules import load_rules

    paths: list[str] = list(getattr(args, "paths", None) or [])
    country = args.country.upper() if getattr(args, "country", None) else None
    if not paths and not country:
        raise _usage("give --country (every law of that country in the corpus) or PATHs to your own files")
    if paths and getattr(args, "edition", None):
        raise _usage("--edition chooses corpus editions with --country; with PATHs, name the edition in the id "
                     "(kz/trade-unions-law@2020-05-04)")
    progress = Progress.for_stderr(bool(getattr(args, "quiet", False)))
    conventions = _conventions(getattr(args, "conventions", None))
    rules = load_rules(Path(args.rules) if getattr(args, "rules", None) else None)
    notes: list[str] = []
    if paths:
        docs = _parse_refs(paths, getattr(args, "from_format", None), progress)
    else:
        entries, notes = select_entries(country, getattr(args, "edition", None))  # type: ignore[arg-type]
        docs = []
        for i, entry in enumerate(entries):
            progress.step(i, len(entries), f"reading {entry.id}")
            docs.append(parse_file(entry.file))
        progress.step(len(entries), len(entries), "read")
    out = Path(args.output or f"reports/{country or 'custom'}")
    written = write_report(
        docs, out, rules=rules, country=country, conventions=conventions, lang=getattr(args, "lang", "en") or "en",
        stamp=bool(getattr(args, "stamp", False)), pdf=not getattr(args, "no_pdf", False), notes=notes,
        progress=progress,
    )
    if not getattr(args, "quiet", False):
        import json

        n = len(json.loads((out / "findings.json").read_text("utf-8"))["findings"])
        print(f"{n} {'finding' if n == 1 else 'findings'} in {len(docs)} {'law' if len(docs) == 1 else 'laws'}")
        print("written: " + ", ".join(str(p) for p in written))
    return 0


def main(argv: list[str] | None = None) -> int:
    """`python -m compliance.report`: the same command without the `compliance` entry point."""
    from ..cli import UsageError
    from ..parse import ParseError
    from ..rules import RuleError

    parser = argparse.ArgumentParser(prog="python -m compliance.report", epilog=EXAMPLE)
    add_arguments(parser)
    args = parser.parse_args(argv)
    try:
        return run_report(args)
    except (ParseError, UsageError, RuleError, CorpusError) as exc:
        print(f"compliance: {exc}", file=sys.stderr)
        return 2
