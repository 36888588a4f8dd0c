"""Text formats of a report: Markdown (`report.md`, `compliance check --format md`) and CSV (`findings.csv`).

Law text is untrusted. Markdown output escapes every character that could start markup (links, images,
emphasis, HTML, tables, headings, lists), so a law's words render as themselves; identifiers go into code
spans. CSV cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
return) are prefixed with a single quote. Both read the same `Report` / `FindingsReport` as the HTML, so
their findings are those of `findings.json`, in the same order as the HTML.
"""

from __future__ import annotations

import csv
import io

from ..markdown import code_span, md_escape, md_line, safe_line_start
from ..models import Finding, FindingsReport
from . import strings as _strings
from .highlight import Segment, lines, segments
from .model import CELL_STATES, SEVERITIES, Report, sanction_classes


def _md_segments(line: list[Segment]) -> str:
    out = []
    for s in line:
        if s.mark and s.text.strip():
            lead = s.text[: len(s.text) - len(s.text.lstrip())]
            trail = s.text[len(s.text.rstrip()) :]
            out.append(f"{md_escape(lead)}**{md_escape(s.text.strip())}**{md_escape(trail)}")
        else:
            out.append(md_escape(s.text))
    return safe_line_start("".join(out))


def highlighted(finding: Finding, mark: str = "**") -> str:
    """The quote with the evidence spans marked (escaped text between the marks), on one line."""
    out, pos = [], 0
    for s, e in sorted(finding.spans):
        if s < pos:
            continue
        out.append(md_escape(finding.quote[pos:s]))
        out.append(f"{mark}{md_escape(finding.quote[s:e])}{mark}")
        pos = e
    out.append(md_escape(finding.quote[pos:]))
    return "".join(out)


def quote_block(finding: Finding) -> list[str]:
    """The finding's quote as a Markdown block quote, one paragraph per line, evidence in bold."""
    if not finding.quote:
        return []
    out: list[str] = []
    for i, line in enumerate(lines(segments(finding.quote, finding.spans, classes=sanction_classes(finding)))):
        if i:
            out.append(">")
        out.append(f"> {_md_segments(line)}")
    return out


def findings_markdown(report: FindingsReport) -> str:
    """`compliance check --format md`: the findings alone, in check order."""
    lines_: list[str] = ["# Findings", ""]
    for doc in report.documents:
        lines_.append(f"- {md_escape(doc.title or doc.id)} ({code_span(doc.id)}, {doc.language}, edition {doc.edition}): "
                      f"{doc.articles} articles")
    lines_ += ["", f"{len(report.findings)} findings.", ""]
    for note in report.notes:
        lines_.append(f"> {md_escape(note)}")
    for f in report.findings:
        lines_ += [
            f"## {f.convention} Art. {md_escape(f.convention_article)} — {f.kind} ({f.severity}): {md_escape(f.citation)}",
            "",
            f"Rule {code_span(f.rule_id)}, confidence {f.confidence:.2f}. Finding ID: {code_span(f.id)}",
            "",
            *quote_block(f),
            "",
            md_escape(f.explanation),
            "",
        ]
    return "\n".join(lines_) + "\n"


def _cell(text: str) -> str:
    return md_escape(text)  # `|` is escaped already


def _code_cell(text: str) -> str:
    return code_span(text).replace("|", "\\|")  # GFM splits table cells at | even inside code spans


def report_markdown(report: Report, lang: str = "en") -> str:
    """`report.md`: the summary (most serious findings first), the sources, the coverage matrix, every finding
    grouped by convention (worst kind first), and the method and its limits."""
    from .html import ratification_text, version
    from .summary import summarize

    sm = summarize(report)

    t = _strings.strings(lang)
    country = _strings.country_name(report.title_country, lang)
    title = t["title_country"].format(country=country) if country else t["title"]
    out: list[str] = [f"# {md_escape(title)}", ""]
    if report.stamp:
        out += [md_escape(t["generated"].format(stamp=report.stamp)), ""]
    out += [f"## {t['summary']}", ""]
    if country:
        out.append(f"- {t['country']}: {md_escape(country)}")
    out.append(f"- {t['laws_analysed']}: {sm.analysed}" + ("" if sm.analysed == len(report.laws) else
               f" ({md_escape(t['analysed_of_read'].format(analysed=sm.analysed, read=len(report.laws)))})"))
    out.append(f"- {t['findings']}: {len(report.findings)} ("
               + ", ".join(f"{t[k]} {n}" for k, n in report.by_kind.items()) + ")")
    out += ["", f"### {t['most_serious']}", ""]
    for i, v in enumerate(sm.serious, 1):
        where = f"{v.law.label}, art. {v.f.article}" if v.law and v.f.article else t["requirement_none"]
        out.append(f"{i}. {t[v.f.kind]}: {v.f.convention} Art. {md_escape(v.f.convention_article)} · "
                   f"{md_escape(where)}" + (f" — {md_escape(rt.title)}" if (rt := v.texts(lang)) else ""))
    if not sm.serious:
        out.append(md_escape(t["no_serious"] if sm.analysed else t["no_law_analysed"]))
    if report.superseded:
        out += ["", f"- {md_escape(t['scope_superseded'])}: " + "; ".join(
            f"{md_escape(x.doc.document.id)} → {md_escape(', '.join(x.newer))}" for x in report.superseded)]
    if sm.unanalysed_conventions:
        out += ["", f"- {md_escape(t['scope_no_law'])}: {', '.join(sm.unanalysed_conventions)}"]
    out += ["", f"### {t['laws_analysed']}", ""]
    out += [f"| # | {t['law']} | {t['edition']} | {t['articles']} | {t['findings']} | {t['source']} | sha256 |",
            "|---|---|---|---:|---:|---|---|"]
    for law in report.laws:
        m = law.meta
        name = m.title or m.id
        if m.title_en and m.title_en != m.title:
            name += f" ({m.title_en})"
        if law.scope:
            name += f", {law.scope}"
        out.append(
            f"| {law.key} | {_cell(name)}<br>{_code_cell(m.id)} | {m.edition or '—'} | {law.articles} | "
            f"{t['not_analysed'] if law.not_analysed else len(law.findings)} | {_cell(m.source or m.path or '')} | {_code_cell(law.sha256) if law.sha256 else '—'} |"
        )
    out += ["", f"### {t['conventions_considered']}", ""]
    if not report.ratifications_recorded:
        out += [md_escape(t["not_recorded"]), ""]
    out += [f"| {t['convention']} | {t['ratification_plain']} | {t['rules']} | {t['findings']} | "
            + " | ".join(t[s] for s in SEVERITIES) + " |",
            "|---|---|---:|---:|" + "---:|" * len(SEVERITIES)]
    for c in report.conventions:
        name = c.number + (f" {c.info.short_title or c.info.title}" if c.info else "")
        out.append(f"| {_cell(name)} | {_cell(ratification_text(c.ratification, lang))} | {c.rules} | {c.findings} | "
                   + " | ".join(str(c.by_severity[s]) for s in SEVERITIES) + " |")
    if report.notes:
        out += ["", f"### {t['checker_notes']}", ""]
        out += [f"- {md_escape(n)}" for n in report.notes]

    out += ["", f"## {t['matrix']}", "", md_escape(t["matrix_intro"]), ""]
    if report.groups:
        out.append(f"| {t['convention']} | " + " | ".join(law.key for law in report.laws) + " |")
        out.append("|---|" + "---|" * len(report.laws))
        for g in report.groups:
            cells = [t[f"cell_{c.state}"] + (f" ({c.count})" if c.count > 1 else "") for c in g.cells]
            out.append(f"| {g.convention} Art. {_cell(g.article)} | " + " | ".join(_cell(c) for c in cells) + " |")
        out += ["", *(f"- {_cell(t['cell_' + s])}: {md_escape(t['legend_' + s])}" for s in CELL_STATES)]
    else:
        out.append(t["no_findings"])

    out += ["", f"## {t['findings_heading']}", "", (t["finding_count_one"] if len(report.findings) == 1 else t["findings_count"].format(n=len(report.findings))), ""]
    n = 0
    for c in report.conventions:
        if not c.views:
            continue
        out += [f"### {c.number}" + (f" {md_escape(c.info.short_title or c.info.title)}" if c.info else ""), ""]
        for v in c.views:
            n += 1
            f = v.f
            if f.kind == "requirement" or not v.law:
                where = md_escape(t["requirement_none"]) + (f" ({', '.join(v.law_keys)})" if v.law_keys else "")
            else:
                where = f"{v.law.key} {md_escape(v.law.label)}" + (f", art. {md_escape(f.article)}" if f.article else "")
            out += [f"#### {n}. {t[f.kind]} ({t[f.severity]}): {f.convention} Art. {md_escape(f.convention_article)} · "
                    f"{where}", ""]
            out += [f"- {t['citation']}: {md_escape(f.citation)}",
                    f"- {t['finding_id']}: {code_span(f.id)}",
                    f"- {t['rule']}: {code_span(f.rule_id)}, {t['confidence'].lower()} {f.confidence:.2f}", ""]
            if f.quote:
                out += [f"{t['provision']}:", "", *quote_block(f), ""]
            out += _convention_block(v.convention_quote, t)
            if texts := v.texts(lang):
                out += [f"**{t['principle']}.** {md_escape(texts.principle)}", ""]
                out += [f"**{t['recommendation']}.** {md_escape(texts.recommendation)}", ""]
            out += [f"**{t['explanation']}.** {md_escape(v.explanation(lang))}", ""]
            out += _comments_block(f, t)
            if f.sanctions:
                out += [f"| {t['sanction_text']} | {t['sanction_type']} | {t['compulsory_labour']} |", "|---|---|---|"]
                for s in f.sanctions:
                    cl = t["yes"] if s.compulsory_labour else (t["no"] if s.compulsory_labour is False else t["unknown"])
                    out.append(f"| {_cell(s.text)} | {_cell(s.type)} | {cl} |")
                out.append("")
    out += [f"## {t['method']}", ""]
    out += [f"- **{t[k]}**: {md_escape(t['method_' + k])}" for k in ("conflict", "concern", "implements", "requirement")]
    out += [f"- **{t['cell_none']}**: {md_escape(t['method_none'])}",
            f"- **{t['cell_not_examined']}**: {md_escape(t['method_not_analysed'])}", "",
            f"**{md_escape(t['method_no_certificate'])}**", "", md_escape(t["method_current"]), ""]
    out += [f"### {t['method_sanctions']}", "", f"| {t['sanction_type']} | {t['compulsory_labour']} | {t['basis']} |",
            "|---|---|---|"]
    out += [f"| {_cell(x.type)} | {t['yes'] if x.involves else (t['no'] if x.involves is False else t['unknown'])} | "
            f"{_cell(' '.join(x.basis.split()))} |" for x in sm.sanctions]
    out += ["", f"### {t['method_figures']}", ""]
    out += [f"- {code_span(e.cases)} ({e.measured}): {t['figures_recall'].lower()} {e.recall:.2f} ({e.found}/{e.required}), "
            f"{t['figures_precision'].lower()} " + (f"{e.precision:.3f}" if e.precision is not None else "—")
            + f", {t['figures_fp'].lower()} {e.false_positives}" for e in sm.figures] or [md_escape(t["figures_none"])]
    out += ["", "---", "", md_escape(t["made_with"].format(version=version()))]
    return "\n".join(out) + "\n"


def _convention_block(q, t: dict[str, str]) -> list[str]:  # type: ignore[no-untyped-def]
    if q is None:
        return [f"{t['convention_text']}: {md_escape(t['convention_text_missing'])}", ""]
    out = [f"{t['convention_text']} ({q.convention} {md_escape(q.heading)}):", ""]
    for i, line in enumerate(q.lines):
        if i:
            out.append(">")
        text = md_line(" ".join(p for p in (line.label, line.text) if p))
        out.append(f"> **{text}**" if line.cited and q.partial else f"> {text}")
    return out + [""]


def _comments_block(f: Finding, t: dict[str, str]) -> list[str]:
    """The ILO supervisory comments a finding shows, quoted verbatim with their links."""
    if not f.comments:
        return []
    out = [f"**{md_escape(t['ilo_comments'])}.**", ""]
    for c in f.comments:
        head = " ".join(p for p in (c.body, c.type, str(c.year or "")) if p)
        out.append(f"- {md_escape(t['comment_' + c.relation])}: {md_escape(head)}, {md_escape(c.convention)}, "
                   f"{md_escape(c.act)}, {md_escape(c.provisions)}: “{md_escape(c.quote)}” <{c.url}>")
    return [*out, ""]


# -- CSV ------------------------------------------------------------------------------------------------

CSV_COLUMNS = ("id", "rule_id", "kind", "severity", "convention", "convention_article", "document_id", "article",
               "eid", "citation", "confidence", "evidence", "explanation", "citation_ru", "sanction_terms", "ilo_comments")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: object) -> str:
    """A cell a spreadsheet shows as text: formula-like starts get a leading single quote.

    >>> csv_safe('=HYPERLINK("http://x")'), csv_safe("-1"), csv_safe(None), csv_safe(0.9)
    ('\\'=HYPERLINK("http://x")', "'-1", '', '0.9')
    """
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def findings_csv(report: FindingsReport) -> str:
    """`findings.csv`: one row per finding of `findings.json`, in its order (RFC 4180, CRLF line ends)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for f in report.findings:
        evidence = " … ".join(f.quote[s:e] for s, e in f.spans)
        row = [f.id, f.rule_id, f.kind, f.severity, f.convention, f.convention_article, f.document_id, f.article,
               f.eid, f.citation, f.confidence, evidence, f.explanation, f.citation_ru,
               "; ".join(f"{s.type}: {s.term}" for s in f.sanctions if s.term),
               "; ".join(f"{c.id} ({c.relation}) {c.url}" for c in f.comments)]
        writer.writerow([csv_safe(v) for v in row])
    return buf.getvalue()
