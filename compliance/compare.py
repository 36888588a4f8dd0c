"""Cross-country comparison: the corpus laws of several countries × the rules → a matrix (issue: compare).

Reads the newest edition of every law of each country in the corpus (main language), checks them with
every rule, and produces a `Comparison`: rows are rules (labelled by the principle they test, grouped by
convention article), columns are countries; each cell is folded as the country report folds its cells
(`report.cells`): conflict / concern / no implementing provision found / implemented / nothing wrong found
/ no law of this kind analysed, with the articles behind it and the kinds of law the rule applies to that
the country had none of, so an empty cell is never mistaken for compliance. Each country is read as its
report reads it: current law (`report.current`). Rendered as JSON, CSV, Markdown, or HTML with an SVG
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
from .check.scope import not_analysed
from .corpus import CorpusEntry, CorpusError
from .coverage import Coverage, CoverageCell
from .markdown import md_cell
from .models import DocumentMeta, Finding, FindingsReport
from .numbers import number_key
from .parse import parse_file
from .report.cells import CELL_STATES, LABELS, fold
from .report.current import current_findings, superseded
from .report.render import csv_safe
from .rules import Rule, load_rules, of_conventions
from .steps import Progress, Silent

Status = Literal["conflict", "concern", "no implementing provision found", "implemented", "nothing wrong found",
                 "no law of this kind analysed"]
ORDER: tuple[str, ...] = tuple(LABELS[s] for s in CELL_STATES)
# Fill, text colour (contrast >= 4.5:1 with the fill, links included) and a mark that survives greyscale.
STYLE = {
    "conflict": ("#b2182b", "#ffffff", "✗"),
    "concern": ("#ef8a62", "#000000", "!"),
    "no implementing provision found": ("#d8c4ec", "#000000", "?"),
    "implemented": ("#67a9cf", "#000000", "✓"),
    "nothing wrong found": ("#f7f7f7", "#000000", "–"),
    "no law of this kind analysed": ("#ffffff", "#555555", "n/a"),
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
    kinds_not_analysed: list[str] = []  # kinds of law the rule applies to of which the country had none analysed


class Row(_Model):
    rule_id: str
    convention: str
    convention_article: str
    title: str
    principle: str
    kind: str
    cells: dict[str, Cell]


class LawAnalysed(_Model):
    id: str
    title: str | None
    kind: str | None
    language: str | None
    edition: str | None
    not_analysed: str | None = None  # why no rule could be tried on it (`check.scope.not_analysed`)


class CountryColumn(_Model):
    country: str
    laws: list[str]  # document ids analysed
    analysed: list[LawAnalysed] = []  # the same laws, with kind and language
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


def _country(cc: str, rules: list[Rule], progress: Progress
             ) -> tuple[list[DocumentMeta], FindingsReport | None, dict[str, str]]:
    """A country's current law, checked as its report checks it: texts a newer edition wholly holds are
    left out, and findings on superseded articles dropped; and why no rule could be tried on a law, by id."""
    entries = newest_laws(cc)
    docs = []
    for i, e in enumerate(entries):
        progress.step(i, len(entries), f"{cc}: reading {e.id}")
        docs.append(parse_file(e.file))
    supersession = superseded(docs)
    docs = [d for d in docs if not supersession.wholly(d)]
    if not docs:
        return [], None, {}
    unchecked = {d.document.id: why for d in docs if (why := not_analysed(d, rules))}
    progress.busy(f"{cc}: checking {len(docs)} laws against {len(rules)} rules")
    try:
        run = check_documents(docs, rules, cc)
    finally:
        progress.done()
    return [d.document for d in docs], current_findings(run, supersession)[0], unchecked


def compare(countries: list[str], conventions: list[str] | None = None, rules: list[Rule] | None = None,
            progress: Progress | None = None) -> Comparison:
    rules = of_conventions(rules if rules is not None else load_rules(), conventions)
    progress = progress or Silent()
    metas: dict[str, list[DocumentMeta]] = {}
    runs: list[FindingsReport] = []
    unchecked: dict[str, str] = {}
    for cc in countries:
        metas[cc], run, reasons = _country(cc, rules, progress)
        unchecked.update(reasons)
        if run is not None:
            runs.append(run)
    coverage = Coverage(rules, [m for cc in countries for m in metas[cc]], runs)
    laws_of = {cc: [m.id for m in metas[cc]] for cc in countries}
    rows = []
    for rule in sorted(rules, key=lambda r: (r.convention, number_key(r.article), r.id)):
        cells = {cc: _cell(rule, [coverage.cell(rule.id, law) for law in laws_of[cc]], metas[cc]) for cc in countries}
        rows.append(Row(rule_id=rule.id, convention=rule.convention, convention_article=rule.article,
                        title=rule.title, principle=" ".join(rule.principle.split()), kind=rule.kind, cells=cells))
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
        analysed = [LawAnalysed(id=m.id, title=m.short_title or m.title_en or m.title, kind=m.kind,
                                language=m.language, edition=str(m.edition) if m.edition else None,
                                not_analysed=unchecked.get(m.id)) for m in metas[cc]]
        columns.append(CountryColumn(country=cc, laws=laws_of[cc], analysed=analysed, counts=counts,
                                     ratification={c: ratifications.describe(cc, c) for c in convs}))
    findings = [f for run in runs for f in run.findings]
    return Comparison(countries=columns, rows=rows, laws_by_convention=laws_by_convention, findings=findings)


def _cell(rule: Rule, law_cells: list[CoverageCell], metas: list[DocumentMeta]) -> Cell:
    """One rule in one country: the coverage cells of its laws folded as the country report folds them."""
    state = fold(law_cells)
    arts = [CellArticle(document_id=f.document_id, article=f.article, eid=f.eid, finding_id=f.id, kind=f.kind)
            for f in state.findings]
    tried = [m for m in metas if rule.applies_to_document(m)]
    missing = [k for k in rule.applies_to if tried and not any(m.kind == k for m in metas)]
    return Cell(status=state.label, articles=arts, kinds_not_analysed=missing)  # type: ignore[arg-type]


# -- rendering ----------------------------------------------------------------------------------------


def _cell_text(cell: Cell) -> str:
    arts = ", ".join(f"{a.document_id} art. {a.article}" for a in cell.articles if a.article)
    out = f"{cell.status}" + (f" ({arts})" if arts else "")
    if cell.kinds_not_analysed:
        out += f"; no {' or '.join(cell.kinds_not_analysed)} analysed"
    return out


def _law_line(law: LawAnalysed) -> str:
    what = ", ".join(p for p in (law.kind or "kind unknown", law.language, law.edition) if p)
    why = f" — {law.not_analysed.removeprefix(f'{law.id}: ')}" if law.not_analysed else ""
    return f"{law.title or law.id} ({what}) — {law.id}{why}"


def totals(c: Comparison) -> dict[str, dict[str, dict[str, int]]]:
    """convention → country → status → number of rules, every status present (zeros included)."""
    return {conv: {col.country: {st: col.counts.get(conv, {}).get(st, 0) for st in ORDER} for col in c.countries}
            for conv in sorted({r.convention for r in c.rows})}


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
    out = ["# Cross-country comparison", "", "## Laws analysed", ""]
    for col in c.countries:
        out.append(f"### {col.country}")
        out += [f"- {md_cell(_law_line(law))}" for law in col.analysed] or ["- no law of this country in the corpus"]
        out.append("")
    out += ["## Totals per convention (rules)", "", "| Convention | Country | " + " | ".join(ORDER) + " |",
            "|---|---|" + "---:|" * len(ORDER)]
    for conv, per in totals(c).items():
        for cc, counts in per.items():
            ratified = next(col.ratification.get(conv, "not recorded") for col in c.countries if col.country == cc)
            out.append(f"| {conv} | {cc} ({md_cell(ratified)}) | " + " | ".join(str(counts[st]) for st in ORDER) + " |")
    out += ["", "## Matrix", "", "| Convention | Principle | " + " | ".join(codes) + " |", "|---|---|" + "---|" * len(codes)]
    for row in c.rows:
        cells = " | ".join(md_cell(f"{STYLE[row.cells[cc].status][2]} {_cell_text(row.cells[cc])}") for cc in codes)
        out.append(f"| {row.convention} Art. {row.convention_article} | {md_cell(row.title)} | {cells} |")
    out += ["", _METHOD, ""]
    return "\n".join(out)


_METHOD = (
    "Method: each country's current law in the corpus (the newest edition of each law; an article held by "
    "several texts of one law is read from the newest) is checked with every rule, exactly as a country "
    "report checks it, and each cell is folded the same way. 'no law of this kind analysed' means the corpus "
    "holds no law of a kind and language the rule applies to for that country: nothing is known. 'nothing "
    "wrong found' means the rule was tried and matched nothing (with the kinds of law it also applies to "
    "that were not analysed); it is not a certificate of compliance. 'no implementing provision found' means "
    "a whole law of the kind holds no provision the rule recognises. Findings under a convention the country "
    "has not ratified are still shown: the fundamental conventions bind every ILO member through the 1998 "
    "ILO Declaration on Fundamental Principles and Rights at Work."
)


def heatmap_svg(c: Comparison) -> str:
    """The matrix as an SVG heat map: one square per cell, colour AND a mark, with a legend."""
    codes = [col.country for col in c.countries]
    cw, ch, left, top = 56, 22, 380, 40
    width = left + cw * len(codes) + 20
    height = top + ch * len(c.rows) + 40 + 22 * len(ORDER)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Comparison heat map" '
             f'width="{width}" height="{height}" font-family="sans-serif" font-size="12">']
    for j, cc in enumerate(codes):
        parts.append(f'<text x="{left + j * cw + cw // 2}" y="{top - 10}" text-anchor="middle" font-weight="bold">{html.escape(cc)}</text>')
    for i, row in enumerate(c.rows):
        y = top + i * ch
        label = f"{row.convention} {row.convention_article} {row.title}"
        label = label if len(label) <= 60 else label[:59] + "…"
        parts.append(f'<text x="{left - 6}" y="{y + 15}" text-anchor="end">{html.escape(label)}'
                     f'<title>{html.escape(row.rule_id)}</title></text>')
        for j, cc in enumerate(codes):
            st = row.cells[cc].status
            fill, ink, mark = STYLE[st]
            x = left + j * cw
            parts.append(f'<rect x="{x}" y="{y}" width="{cw - 2}" height="{ch - 2}" fill="{fill}" stroke="#333">'
                         f'<title>{html.escape(cc + ": " + _cell_text(row.cells[cc]))}</title></rect>')
            parts.append(f'<text x="{x + cw // 2}" y="{y + 15}" text-anchor="middle" fill="{ink}">{html.escape(mark)}</text>')
    ly = top + ch * len(c.rows) + 20
    for k, label in enumerate(ORDER):
        fill, ink, mark = STYLE[label]
        y = ly + 22 * k
        parts.append(f'<rect x="10" y="{y}" width="30" height="18" fill="{fill}" stroke="#333"/>')
        parts.append(f'<text x="25" y="{y + 13}" text-anchor="middle" fill="{ink}">{html.escape(mark)}</text>')
        parts.append(f'<text x="48" y="{y + 13}">{html.escape(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


_CSS = (
    "body{font-family:sans-serif;margin:2em;max-width:1200px;color:#1b1f24}table{border-collapse:collapse}"
    "td,th{border:1px solid #999;padding:4px;vertical-align:top;font-size:13px}th{text-align:left}"
    "a{color:#0b4f94}td.cell a{color:inherit;text-decoration:underline}"  # contrast >= 4.5:1 on every fill
    "td.num{text-align:right}small{color:#444}details summary{cursor:pointer;color:#444}"
    "@media print{a{color:inherit}}"
)


def to_html(c: Comparison) -> str:
    e = html.escape
    codes = [col.country for col in c.countries]
    head = "".join(f"<th scope=col>{e(cc)}</th>" for cc in codes)
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
            gap = f"<br><small style=\"color:{ink}\">no {e(' or '.join(cell.kinds_not_analysed))} analysed</small>" \
                if cell.kinds_not_analysed else ""
            tds.append(f'<td class="cell" data-status="{e(cell.status)}" style="background:{fill};color:{ink}">'
                       f"{e(mark)} {e(cell.status)}{links}{gap}</td>")
        body.append(f"<tr><th scope=row>{e(row.title)}<br><small>{e(row.convention)} Art. {e(row.convention_article)}"
                    f" · {e(row.kind)}</small><details><summary>principle</summary><small>{e(row.principle)}</small>"
                    f"<br><small><code>{e(row.rule_id)}</code></small></details></th>{''.join(tds)}</tr>")
    analysed = "".join(
        f"<section><h3>{e(col.country)}</h3><ul>"
        + ("".join(f"<li>{e(_law_line(law))}</li>" for law in col.analysed) or "<li>no law of this country in the corpus</li>")
        + "</ul></section>"
        for col in c.countries
    )
    ratified = {col.country: col.ratification for col in c.countries}
    tot_rows = "".join(
        f"<tr><th scope=row>{e(conv)}</th><th scope=row>{e(cc)} <small>({e(ratified[cc].get(conv, 'not recorded'))})</small></th>"
        + "".join(f'<td class="num">{counts[st]}</td>' for st in ORDER) + "</tr>"
        for conv, per in totals(c).items() for cc, counts in per.items()
    )
    tot_head = "".join(f"<th scope=col>{e(STYLE[st][2])} {e(st)}</th>" for st in ORDER)
    laws = "".join(
        f"<tr><th scope=row>{e(conv)}</th>" + "".join(f"<td>{e(', '.join(per[cc]) or 'no law of this kind analysed')}</td>" for cc in codes) + "</tr>"
        for conv, per in sorted(c.laws_by_convention.items())
    )
    finds = "".join(
        f'<li id="{e(_anchor(f.id))}"><b>{e(f.convention)} Art. {e(f.convention_article)}</b> — {e(f.kind)}: '
        f"{e(f.citation)}<br><small>{e(f.explanation)}</small></li>"
        for f in c.findings
    )
    legend = ", ".join(f"{STYLE[st][2]} {st}" for st in ORDER)
    return (
        f"<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Cross-country comparison</title><style>{_CSS}"
        "</style></head><body><h1>Cross-country comparison</h1>"
        f"<h2 id=laws-analysed>Laws analysed per country</h2>{analysed}"
        f"<h2 id=totals>Totals per convention</h2><p>Number of rules in each state.</p><table><thead><tr>"
        f"<th scope=col>Convention</th><th scope=col>Country</th>{tot_head}</tr></thead><tbody>{tot_rows}</tbody></table>"
        f"<h2 id=matrix>Matrix</h2><figure>{heatmap_svg(c)}<figcaption>Principles × countries; marks: "
        f"{e(legend)}.</figcaption></figure>"
        f"<table><thead><tr><th scope=col>Principle</th>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        f"<h2>Laws analysed per convention</h2><table><tr><th>Convention</th>{head}</tr>{laws}</table>"
        f"<h2>Findings</h2><ol>{finds}</ol><h2 id=method>Method and limits</h2><p>{e(_METHOD)}</p></body></html>\n"
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
