"""Writing the report folder: parsed laws → the check stage → `index.html`, `report.md`, `findings.json`, ….

Reads parsed documents (and optionally the rules, the country, the conventions to check). Runs the check
stage, builds the `Report` (`model.py`) and writes `index.html`, `report.md`, `findings.json` (the check
contract), `findings.csv` and, when a PDF engine is installed, `report.pdf`. Choosing the laws and drawing
progress are the command's business (`compliance.cli.report`); this module only reports progress through
the `Progress` protocol it is given.
"""

from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path
from typing import NamedTuple

from ..models import Document, FindingsReport
from ..output import AtomicFolder
from ..steps import Progress, Silent


class Written(NamedTuple):
    files: list[Path]
    findings: FindingsReport


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
    all_editions: bool = False,
    with_law_text: bool = False,
    progress_html: str | None = None,
) -> Written:
    """Check `docs` and write the report folder `out`; returns the files written and the findings.

    Unless `all_editions`, each article is reported from the newest text of its work that holds it
    (`current.py`): texts all of whose articles newer editions hold are listed but not checked, and the
    findings on superseded articles are left out of every file (findings.json included, with a note).
    `progress_html` is the country's progress over the editions (`compliance.progress`), shown as its own section."""
    from ..check import check_documents
    from ..rules import load_rules, of_conventions
    from .current import current_findings, superseded
    from .html import render_html
    from .model import Superseded, build
    from .pdf import print_pdf
    from .render import findings_csv, report_markdown

    progress = progress or Silent()
    rules = of_conventions(rules if rules is not None else load_rules(), conventions)
    supersession = None if all_editions else superseded(docs)
    gone = [Superseded(d, sorted(set(supersession.by_doc[d.document.id].values())))
            for d in docs if supersession and supersession.wholly(d)]
    if gone:
        left = {id(g.doc) for g in gone}
        docs = [d for d in docs if id(d) not in left]
    progress.busy(f"checking {len(docs)} {'law' if len(docs) == 1 else 'laws'} against {len(rules)} rules")
    try:
        findings = check_documents(docs, rules, country, conventions)
    finally:
        progress.done()
    if supersession is not None:
        findings, dropped = current_findings(findings, supersession)
        if dropped:
            findings.notes.insert(0, f"{dropped} findings on articles a newer edition of the same law also holds "
                                     "are left out (the newer edition is reported; --all-editions shows both)")
    if notes:
        findings.notes[:0] = notes
    report = build(docs, findings, rules, country=country, conventions=conventions,
                   stamp=_dt.datetime.now(_dt.UTC) if stamp else None, supersession=supersession,
                   superseded=gone, with_law_text=with_law_text, progress_html=progress_html)
    files = {
        "index.html": render_html(report, lang),
        "report.md": report_markdown(report, lang),
        "findings.json": findings.model_dump_json(indent=1) + "\n",
    }
    written = []
    inputs = [Path(p) for d in docs for p in [*d.document.read_files, *([d.document.path] if d.document.path else [])]]
    with AtomicFolder(out, inputs=inputs) as folder:  # the old report stays whole until the new one is
        for i, (name, text) in enumerate(files.items()):
            progress.step(i, len(files) + 1, f"writing {name}")
            written.append(folder.write(name, text.encode("utf-8")))
        # UTF-8 with a byte order mark: spreadsheet programs then read Cyrillic and Uzbek letters correctly
        written.append(folder.write("findings.csv", findings_csv(findings).encode("utf-8-sig")))
        folder.discard("report.pdf")  # never leave the PDF of an earlier run beside this run's files
        if pdf:
            progress.step(len(files), len(files) + 1, "printing report.pdf")
            html, target = folder.temp_of("index.html"), folder.temp("report.pdf")
            problem = print_pdf(html, target, deterministic=not stamp)
            if problem:
                print(f"compliance: warning: {problem}; report.pdf not written", file=sys.stderr)
            if problem or not target.stat().st_size:
                folder.cancel(target)
            else:
                written.append(out / "report.pdf")
    progress.done()
    return Written(written, findings)
