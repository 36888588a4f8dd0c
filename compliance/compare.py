"""Cross-country comparison: the corpus laws of several countries × the rules → a matrix (issue: compare).

Reads the newest edition of every law of each country in the corpus (main language), checks them with
every rule, and produces a `Comparison`: rows are rules (grouped by convention article), columns are
countries; each cell says conflict / concern / implemented / no provision found / not analysed, with the
articles behind it. "Not analysed" means the corpus holds no law of a kind and language the rule applies
to, so an empty cell is never mistaken for compliance. Rendered as JSON, CSV, Markdown, or HTML with an SVG
heat map (no plotting library; readable in print and in greyscale).
"""

from __future__ import annotations

import csv
import html
import io
from typing import Literal

from pydantic import BaseModel, ConfigDict

from . import ratifications
from .check import check_documents
from .corpus import CorpusEntry, CorpusError
from .coverage import Coverage, CoverageCell
from .markdown import md_cell
from .models import Finding, FindingsReport
from .numbers import number_key
from .parse import parse_file
from .report.render import csv_safe
from .rules import Rule, load_rules

Status = Literal["conflict", "concern", "implemented", "no provision found", "not analysed"]
ORDER: tuple[Status, ...] = ("conflict", "concern", "implemented", "no provision found", "not analysed")
# Fill, text colour and a mark that survives greyscale printing.
STYLE = {
    "conflict": ("#b2182b", "#ffffff", "✗"),
    "concern": ("#ef8a62", "#000000", "!"),
    "implemented": ("#67a9cf", "#000000", "✓"),
    "no provision found": ("#f7f7f7", "#000000", "–"),
    "not analysed": ("#ffffff", "#555555", "n/a"),
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CellArticle(_Model):
    document_id: str
    article: str | None
    eid: str | None
    finding_id: str
    kind: str


class Cell(_Model):
    status: Status
    articles: list[CellArticle] = []


class Row(_Model):
    rule_id: str
    convention: str
    convention_article: str
    title: str
    kind: str
    cells: dict[str, Cell]


class CountryColumn(_Model):
    country: str
    laws: list[str]  # document ids analysed
    counts: dict[str, dict[str, int]]  # convention → status → number of rules
    ratification: dict[str, str]  # convention → status as printed


class Comparison(_Model):
    countries: list[CountryColumn]
    rows: list[Row]
    laws_by_convention: dict[str, dict[str, list[str]]]  # convention → country → document ids analysed
    findings: list[Finding]


def newest_laws(country: str) -> list[CorpusEntry]:
    """Newest edition of each law of a country, as a country report reads them (none: an empty list)."""
    from .selection import select_entries

    try:
        return select_entries(country)[0]
    except CorpusError:
        return []


def compare(countries: list[str], conventions: list[str] | None = None, rules: list[Rule] | None = None) -> Comparison:
    rules = rules if rules is not None else load_rules()
    if conventions:
        wanted = {c.upper() for c in conventions}
        rules = [r for r in rules if r.convention in wanted]
    entries_by: dict[str, list[CorpusEntry]] = {}
    runs: list[FindingsReport] = []
    for cc in countries:
        entries_by[cc] = newest_laws(cc)
        docs = [parse_file(e.file) for e in entries_by[cc]]
        if docs:
            runs.append(check_documents(docs, rules, cc))
    coverage = Coverage(rules, [e.meta for cc in countries for e in entries_by[cc]], runs)
    laws_of = {cc: [e.meta.id for e in entries_by[cc]] for cc in countries}
    rows = []
    for rule in sorted(rules, key=lambda r: (r.convention, number_key(r.article), r.id)):
        cells = {cc: _cell(rule, [coverage.cell(rule.id, law) for law in laws_of[cc]]) for cc in countries}
        rows.append(Row(rule_id=rule.id, convention=rule.convention, convention_article=rule.article,
                        title=rule.title, kind=rule.kind, cells=cells))
    convs = sorted({r.convention for r in rules})
    laws_by_convention = {
        conv: {cc: sorted({d for r in rules if r.convention == conv for d in coverage.analysed_laws(r.id)
                           if d in laws_of[cc]}) for cc in countries}
        for conv in convs
    }
    columns = []
    for cc in countries:
        counts: dict[str, dict[str, int]] = {}
        for row in rows:
            counts.setdefault(row.convention, {})
            st = row.cells[cc].status
            counts[row.convention][st] = counts[row.convention].get(st, 0) + 1
        columns.append(CountryColumn(country=cc, laws=laws_of[cc], counts=counts,
                                     ratification={c: ratifications.describe(cc, c) for c in convs}))
    findings = [f for run in runs for f in run.findings]
    return Comparison(countries=columns, rows=rows, laws_by_convention=laws_by_convention, findings=findings)


def _cell(rule: Rule, law_cells: list[CoverageCell]) -> Cell:
    """One rule in one country: the coverage cells of its laws folded into one status."""
    hits = list({id(f): f for c in law_cells for f in c.findings}.values())  # a requirement: in several laws
    if not any(c.analysed for c in law_cells):
        status: Status = "not analysed"
    elif rule.kind == "requirement":
        status = "no provision found" if hits else "implemented"
    elif any(f.kind == "conflict" for f in hits):
        status = "conflict"
    elif any(f.kind == "concern" for f in hits):
        status = "concern"
    elif hits:
        status = "implemented"
    else:
        status = "no provision found"
    arts = [CellArticle(document_id=f.document_id, article=f.article, eid=f.eid, finding_id=f.id, kind=f.kind)
            for f in hits]
    return Cell(status=status, articles=arts)


# -- rendering ----------------------------------------------------------------------------------------


def _cell_text(cell: Cell) -> str:
    arts = ", ".join(f"{a.document_id} art. {a.article}" for a in cell.articles if a.article)
    return f"{cell.status}" + (f" ({arts})" if arts else "")


def to_csv(c: Comparison) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    codes = [col.country for col in c.countries]
    w.writerow(["convention", "article", "rule_id", "title", *codes])
    for row in c.rows:
        w.writerow([row.convention, row.convention_article, row.rule_id, csv_safe(row.title),
                    *(csv_safe(_cell_text(row.cells[cc])) for cc in codes)])
    return buf.getvalue()


def to_markdown(c: Comparison) -> str:
    codes = [col.country for col in c.countries]
    out = ["# Cross-country comparison", "", "| Convention | Rule | " + " | ".join(codes) + " |",
           "|---|---|" + "---|" * len(codes)]
    for row in c.rows:
        cells = " | ".join(md_cell(f"{STYLE[row.cells[cc].status][2]} {_cell_text(row.cells[cc])}") for cc in codes)
        out.append(f"| {row.convention} Art. {row.convention_article} | {row.rule_id} | {cells} |")
    out += ["", "## Per country", ""]
    for col in c.countries:
        out.append(f"### {col.country}")
        out.append(f"Laws analysed: {', '.join(col.laws) or 'none'}")
        for conv, counts in sorted(col.counts.items()):
            summary = ", ".join(f"{n} {st}" for st, n in sorted(counts.items(), key=lambda x: ORDER.index(x[0])))
            out.append(f"- {conv} ({col.ratification.get(conv, 'not recorded')}): {summary}")
        out.append("")
    out += [_METHOD, ""]
    return "\n".join(out)


_METHOD = (
    "Method: each country's newest corpus edition of each law is checked with every rule. A cell is "
    "'not analysed' when no law of a kind and language the rule applies to was analysed for that country; "
    "'no provision found' means the laws analysed hold no provision the rule matches. Findings under a "
    "convention the country has not ratified are still shown: the fundamental conventions bind every ILO "
    "member through the 1998 ILO Declaration on Fundamental Principles and Rights at Work."
)


def heatmap_svg(c: Comparison) -> str:
    """The matrix as an SVG heat map: one square per cell, colour AND a mark, with a legend."""
    codes = [col.country for col in c.countries]
    cw, ch, left, top = 56, 22, 330, 40
    width = left + cw * len(codes) + 20
    height = top + ch * len(c.rows) + 40 + 22 * len(ORDER)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Comparison heat map" '
             f'width="{width}" height="{height}" font-family="sans-serif" font-size="12">']
    for j, cc in enumerate(codes):
        parts.append(f'<text x="{left + j * cw + cw // 2}" y="{top - 10}" text-anchor="middle" font-weight="bold">{html.escape(cc)}</text>')
    for i, row in enumerate(c.rows):
        y = top + i * ch
        label = f"{row.convention} {row.convention_article} {row.rule_id}"
        parts.append(f'<text x="{left - 6}" y="{y + 15}" text-anchor="end">{html.escape(label[:52])}</text>')
        for j, cc in enumerate(codes):
            st = row.cells[cc].status
            fill, ink, mark = STYLE[st]
            x = left + j * cw
            parts.append(f'<rect x="{x}" y="{y}" width="{cw - 2}" height="{ch - 2}" fill="{fill}" stroke="#333">'
                         f'<title>{html.escape(cc + ": " + _cell_text(row.cells[cc]))}</title></rect>')
            parts.append(f'<text x="{x + cw // 2}" y="{y + 15}" text-anchor="middle" fill="{ink}">{html.escape(mark)}</text>')
    ly = top + ch * len(c.rows) + 20
    for k, st in enumerate(ORDER):
        fill, ink, mark = STYLE[st]
        y = ly + 22 * k
        parts.append(f'<rect x="10" y="{y}" width="30" height="18" fill="{fill}" stroke="#333"/>')
        parts.append(f'<text x="25" y="{y + 13}" text-anchor="middle" fill="{ink}">{html.escape(mark)}</text>')
        parts.append(f'<text x="48" y="{y + 13}">{html.escape(st)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def to_html(c: Comparison) -> str:
    e = html.escape
    codes = [col.country for col in c.countries]
    head = "".join(f"<th>{e(cc)}</th>" for cc in codes)
    body = []
    for row in c.rows:
        tds = []
        for cc in codes:
            cell = row.cells[cc]
            fill, ink, mark = STYLE[cell.status]
            links = "".join(
                f'<br><a href="#{e(_anchor(a.finding_id))}">{e(a.document_id)} art. {e(a.article or "")}</a>'
                for a in cell.articles
            )
            tds.append(f'<td style="background:{fill};color:{ink}">{e(mark)} {e(cell.status)}{links}</td>')
        body.append(f"<tr><th scope=row>{e(row.convention)} Art. {e(row.convention_article)}<br>"
                    f"<small>{e(row.rule_id)}: {e(row.title)}</small></th>{''.join(tds)}</tr>")
    summary = []
    for col in c.countries:
        items = "".join(
            f"<li>{e(conv)} ({e(col.ratification.get(conv, 'not recorded'))}): "
            + e(", ".join(f"{n} {st}" for st, n in counts.items())) + "</li>"
            for conv, counts in sorted(col.counts.items())
        )
        summary.append(f"<section><h3>{e(col.country)}</h3><p>Laws analysed: {e(', '.join(col.laws) or 'none')}</p><ul>{items}</ul></section>")
    laws = "".join(
        f"<tr><th>{e(conv)}</th>" + "".join(f"<td>{e(', '.join(per[cc]) or 'not analysed')}</td>" for cc in codes) + "</tr>"
        for conv, per in sorted(c.laws_by_convention.items())
    )
    finds = "".join(
        f'<li id="{e(_anchor(f.id))}"><b>{e(f.convention)} Art. {e(f.convention_article)}</b> — {e(f.kind)}: '
        f"{e(f.citation)}<br><small>{e(f.explanation)}</small></li>"
        for f in c.findings
    )
    return (
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Cross-country comparison</title><style>"
        "body{font-family:sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse}"
        "td,th{border:1px solid #999;padding:4px;vertical-align:top;font-size:13px}th{text-align:left}"
        "@media print{a{color:inherit}}</style></head><body><h1>Cross-country comparison</h1>"
        f"<figure>{heatmap_svg(c)}<figcaption>Rules × countries; marks: ✗ conflict, ! concern, ✓ implemented, "
        "– no provision found, n/a not analysed.</figcaption></figure>"
        f"<table><thead><tr><th>Rule</th>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        f"<h2>Per country</h2>{''.join(summary)}"
        f"<h2>Laws analysed per convention</h2><table><tr><th>Convention</th>{head}</tr>{laws}</table>"
        f"<h2>Findings</h2><ol>{finds}</ol><h2>Method</h2><p>{e(_METHOD)}</p></body></html>\n"
    )


def _anchor(finding_id: str) -> str:
    return "f-" + "".join(ch if ch.isalnum() else "-" for ch in finding_id)


def render(c: Comparison, fmt: str) -> str:
    if fmt == "json":
        return c.model_dump_json(indent=1) + "\n"
    if fmt == "csv":
        return to_csv(c)
    if fmt == "md":
        return to_markdown(c)
    return to_html(c)
