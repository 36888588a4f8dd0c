"""What a job does, on the worker thread: the stages the commands call, writing into the job's result folder.

Reads a job's confirmed uploads (or a country code, or country codes to compare) and produces the same files
the commands write: the report folder of `compliance report` (`report.write_report`: index.html, report.md,
findings.json, findings.csv, report.pdf when Chromium is installed), the matrix of `compliance compare`
(HTML, Markdown, JSON, CSV) or the progress of `compliance progress` (its HTML section for the job page,
Markdown, JSON, CSV). Nothing here renders a report of its own.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from ..rules import Rule, load_rules, of_conventions
from .jobs import Job, JobProgress

Work = Callable[[Job], None]


def rules() -> list[Rule]:
    """The bundled rules, read once per server (a copy each time: a caller may filter its list)."""
    return list(_rules())


@functools.cache
def _rules() -> tuple[Rule, ...]:
    return tuple(load_rules())


def _gaps(job: Job, selected: list[Rule]) -> None:
    from ..check.scope import warnings

    assert job.findings is not None
    docs = [u.doc for u in job.uploads]
    job.notes = warnings(docs, selected, [d.country for d in job.findings.documents])


def upload_report(conventions: list[str] | None, lang: str, pdf: bool) -> Work:
    """Check the job's uploads (as `compliance report PATH...` does) and write the report folder."""
    from ..report import write_report

    def work(job: Job) -> None:
        all_rules = rules()
        written = write_report([u.doc for u in job.uploads], job.result, rules=all_rules, conventions=conventions,
                               lang=lang, pdf=pdf, progress=JobProgress(job))
        job.findings = written.findings
        job.files = [p.name for p in written.files]
        _gaps(job, of_conventions(all_rules, conventions))

    return work


def country_report(country: str, lang: str, pdf: bool) -> Work:
    """The report on every law of a country in the corpus (as `compliance report --country CC` does)."""
    from ..parse import parse_file
    from ..report import write_report
    from ..selection import select_entries

    def work(job: Job) -> None:
        progress = JobProgress(job)
        entries, notes = select_entries(country)
        docs = []
        for i, entry in enumerate(entries):
            progress.step(i, len(entries), f"reading {entry.id}")
            docs.append(parse_file(entry.file))
        written = write_report(docs, job.result, rules=rules(), country=country, lang=lang, pdf=pdf, notes=notes,
                               progress=progress)
        job.findings = written.findings
        job.files = [p.name for p in written.files]

    return work


def comparison(countries: list[str]) -> Work:
    """The comparison matrix of `compliance compare` over the countries' newest corpus laws, in every format."""
    from ..compare import compare, render

    def work(job: Job) -> None:
        job.step = f"comparing {', '.join(countries)}"
        matrix = compare(countries)
        job.result.mkdir(parents=True, exist_ok=True)
        for fmt, name in (("html", "compare.html"), ("md", "compare.md"), ("json", "compare.json"),
                          ("csv", "compare.csv")):
            (job.result / name).write_text(render(matrix, fmt), "utf-8")
            job.files.append(name)

    return work


def country_progress(country: str) -> Work:
    """A country's works edition by edition (as `compliance progress --country CC` does): the HTML section
    the job page shows ("Progress since <year>", its SVG timeline inline), and the other formats to download."""
    from ..check import check_document
    from ..progress import build_progress, render_csv, render_json, render_markdown, render_progress_section

    def work(job: Job) -> None:
        job.step = f"checking every edition of the laws of {country}"
        found = build_progress(country, check_document)
        job.section = render_progress_section(found)
        job.result.mkdir(parents=True, exist_ok=True)
        for render, name in ((render_markdown, "progress.md"), (render_json, "progress.json"),
                             (render_csv, "progress.csv")):
            (job.result / name).write_text(render(found), "utf-8")
            job.files.append(name)

    return work
