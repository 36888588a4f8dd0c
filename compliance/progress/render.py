"""Rendering of a `Progress`: JSON, CSV, Markdown, a self-contained HTML page, and the HTML section
"Progress since <year>" (with an SVG timeline) that a country report can include as it is.

Reads the models of `model`; produces text. Every string from the corpus or the rules is escaped
(`html.escape` in HTML, `compliance.markdown.md_escape` in Markdown).
"""

from __future__ import annotations

import csv
import io
from html import escape

from ..markdown import md_escape
from .model import AmendedProvision, ConventionRow, EditionPoint, Progress, WorkProgress

__all__ = ["render_csv", "render_html", "render_json", "render_markdown", "render_progress_section", "timeline_svg"]


def render_json(p: Progress) -> str:
    return p.model_dump_json(indent=1) + "\n"


def render_csv(p: Progress) -> str:
    """One row per open finding at an edition and per change of status between two editions."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["work", "date", "record", "convention", "convention_article", "rule_id", "kind", "article", "acts",
                "note"])
    for wp in p.works:
        for e in wp.editions:
            if e.not_analysed:  # a row of its own: no "open" row there must not read as nothing wrong
                w.writerow([wp.work, e.date, "not analysed", "", "", "", "", "", "", e.not_analysed])
            for f in e.open:
                w.writerow([wp.work, e.date, "open", f.convention, f.convention_article, f.rule_id, f.kind, f.article, ""])
        for t in wp.transitions:
            for c in t.changes:
                acts = "; ".join(c.acts or ([t.amended_by] if t.amended_by else []))
                w.writerow([wp.work, t.new, c.change, c.convention, c.convention_article, c.rule_id, c.kind, c.article, acts])
    return out.getvalue()


def _dates(p: Progress) -> list[str]:
    return [d.isoformat() for d in p.dates]


# The legend of the per-convention table, whose cells `_table` writes.
_CELLS = ("Open conflicts and concerns in the texts of each edition date (not analysed: no rule could be tried on "
          "any text of that date, so nothing is known of it).")


def _table(p: Progress) -> list[tuple[ConventionRow, list[str]]]:
    """Each convention row with its open findings at each date: 0 where texts of that date were analysed and
    none is open there, "not analysed" where no text of that date could be."""
    analysed = {e.date.isoformat() for wp in p.works for e in wp.editions if e.date and not e.not_analysed}
    dates = _dates(p)
    return [(row, [str(row.open[d]) if d in row.open else "0" if d in analysed else "not analysed" for d in dates])
            for row in p.conventions]


def _edition_text(e: EditionPoint) -> str:
    """ "2 open, 1 protections", or why no rule could be tried on the edition's texts."""
    return e.not_analysed or f"{len(e.open)} open, {e.protections} protections"


def _gap_text(wp: WorkProgress) -> str:
    return f"no edition in the corpus for {', '.join(str(y) for y in wp.gaps)} (not seen, not 'no change')" if wp.gaps else ""


def _amended_text(a: AmendedProvision) -> str:
    """ "art. 16 amended (by 199-VII of 2023-02-15)"."""
    by = f" (by {', '.join(a.acts)})" if a.acts else ""
    return f"art. {a.article or '—'} {a.status.replace('_', ' ')}{by}"


def render_markdown(p: Progress) -> str:
    lines = [f"# Progress of {md_escape(p.country)} since {p.since or '—'}", ""]
    dates = _dates(p)
    lines += [_CELLS, "", "| convention | rule | " + " | ".join(dates) + " |", "|---|---|" + "---|" * len(dates)]
    for r, cells in _table(p):
        lines.append(f"| {md_escape(r.convention)} | {md_escape(r.rule_id or 'all rules')} | " + " | ".join(cells) + " |")
    for wp in p.works:
        lines += ["", f"## {md_escape(wp.work)} — {md_escape(wp.title or '')}", ""]
        for e in wp.editions:
            by = f", made by {md_escape(e.amended_by)}" if e.amended_by else ""
            lines.append(f"- {e.date}: {md_escape(_edition_text(e))} ({md_escape(e.extent)}{by})")
        for t in wp.transitions:
            lines.append(f"- {t.old} → {t.new}: " + (", ".join(
                f"{md_escape(c.change.replace('_', ' '))} {md_escape(c.rule_id)} in art. {md_escape(c.article or '—')}"
                + (f" (by {md_escape('; '.join(c.acts))})" if c.acts else "") for c in t.changes) or "no change of status")
                + (f"; {t.outside_extent} findings outside the extent of one text" if t.outside_extent else ""))
            if t.amended:
                lines.append("  - provisions changed: " + "; ".join(_amended_text(a) for a in t.amended))
        if wp.gaps:
            lines.append(f"- {md_escape(_gap_text(wp))}")
    return "\n".join(lines) + "\n"


# -- HTML ------------------------------------------------------------------------------------------------

_ROW_H, _LEFT, _WIDTH = 34, 190, 760


def timeline_svg(p: Progress) -> str:
    """One row per work: a dot per edition (labelled with its open findings), solid between editions the
    corpus holds in consecutive years, dashed across years without an edition (gaps)."""
    years = [d.year for d in p.dates]
    if not years:
        return ""
    lo, hi = min(years), max(years) + 1
    span = max(hi - lo, 1)

    def x(year: float) -> float:
        return _LEFT + (year - lo) / span * (_WIDTH - _LEFT - 20)

    height = _ROW_H * len(p.works) + 30
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 {_WIDTH} {height}" '
           f'width="{_WIDTH}" height="{height}" role="img" aria-label="editions and open findings by year">']
    for year in range(lo, hi + 1):
        out.append(f'<text x="{x(year):.1f}" y="{height - 8}" font-size="10" text-anchor="middle" fill="#666">{year}</text>')
    for i, wp in enumerate(p.works):
        y = 20 + i * _ROW_H
        out.append(f'<text x="4" y="{y + 4}" font-size="11">{escape(wp.work)}</text>')
        points = [(e.date.year + (e.date.timetuple().tm_yday - 1) / 366, e) for e in wp.editions if e.date]
        for (x0, _), (x1, _) in zip(points, points[1:]):
            gap = any(int(x0) < g < int(x1) for g in wp.gaps)
            dash = ' stroke-dasharray="4 3"' if gap else ""
            out.append(f'<line x1="{x(x0):.1f}" y1="{y}" x2="{x(x1):.1f}" y2="{y}" stroke="#999"{dash}/>')
        for pos, e in points:
            colour = "#999" if e.not_analysed else "#c0392b" if e.open else "#2e7d32"
            title = escape(f"{e.expression}: {_edition_text(e)} ({e.extent})")
            label = "–" if e.not_analysed else str(len(e.open))  # not a count of 0: nothing was checked
            out.append(f'<circle cx="{x(pos):.1f}" cy="{y}" r="6" fill="{colour}"><title>{title}</title></circle>')
            out.append(f'<text x="{x(pos):.1f}" y="{y - 9}" font-size="10" text-anchor="middle">{label}</text>')
    out.append("</svg>")
    return "".join(out)


def render_progress_section(p: Progress) -> str:
    """The HTML section "Progress since <year>": the timeline, the per-convention table and each work's changes."""
    dates = _dates(p)
    h = [f'<section id="progress"><h2>Progress since {p.since or "—"}</h2>',
         "<p>Each dot is an edition the corpus holds, labelled with the open conflicts and concerns in its texts "
         "(a grey dot marked – : an edition no rule could be tried on, not analysed); a dashed line crosses years "
         "with no edition (a gap: nothing is known of those years).</p>", timeline_svg(p),
         f"<p>{escape(_CELLS)}</p>",
         "<table><tr><th>convention</th><th>rule</th>" + "".join(f"<th>{d}</th>" for d in dates) + "</tr>"]
    for r, cells in _table(p):
        tds = "".join(f"<td>{c}</td>" for c in cells)
        h.append(f"<tr><td>{escape(r.convention)}</td><td>{escape(r.rule_id or 'all rules')}</td>{tds}</tr>")
    h.append("</table>")
    h.append('<p class="print-only">Each law\'s changes, edition by edition, with their amending acts: index.html, '
             "or <code>compliance progress --country " + escape(p.country) + "</code>.</p>")
    for wp in p.works:
        h.append(f"<h3>{escape(wp.work)} — {escape(wp.title or '')}</h3><ul>")
        for e in wp.editions:
            by = f", made by {escape(e.amended_by)}" if e.amended_by else ""
            h.append(f"<li>{e.date}: {escape(_edition_text(e))} ({escape(e.extent)}{by})</li>")
        for t in wp.transitions:
            items = "".join(
                f"<li>{escape(c.change.replace('_', ' '))}: {escape(c.rule_id)} ({escape(c.convention or '')} "
                f"{escape(c.convention_article or '')}) in art. {escape(c.article or '—')}"
                + (f" — by {escape('; '.join(c.acts))}" if c.acts else "") + "</li>" for c in t.changes)
            by = f" (edition made by {escape(t.amended_by)})" if t.amended_by else ""
            h.append(f"<li>{t.old} → {t.new}{by}: " + (f"<ul>{items}</ul>" if items else "no change of status")
                     + (f"; {t.outside_extent} findings outside the extent of one text" if t.outside_extent else "")
                     + (f"<br>provisions changed: {escape('; '.join(_amended_text(a) for a in t.amended))}"
                        if t.amended else "") + "</li>")
        if wp.gaps:
            h.append(f"<li>{escape(_gap_text(wp))}</li>")
        h.append("</ul>")
    h.append("</section>")
    return "\n".join(h)


def render_html(p: Progress) -> str:
    """A self-contained page (inline CSS, no scripts) holding the progress section."""
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>Progress of {escape(p.country)}</title><style>body{{font:15px/1.5 Georgia,serif;max-width:60em;"
            "margin:2em auto;padding:0 1em}} table{{border-collapse:collapse;font-size:.9em}} td,th{{padding:2px 8px;"
            "border-bottom:1px solid #eee;text-align:left}}</style></head><body>\n"
            + render_progress_section(p) + "\n</body></html>\n")
