"""Rendering findings as text formats. Law text is untrusted: Markdown output escapes what would be markup."""

from __future__ import annotations

import re

from ..models import Finding, FindingsReport

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#|<>])")


def md_escape(text: str) -> str:
    """Text that renders as itself in Markdown (no links, emphasis, HTML or tables from a law's words).

    >>> md_escape("<script>*x*</script>")
    '\\\\<script\\\\>\\\\*x\\\\*\\\\</script\\\\>'
    """
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def highlighted(finding: Finding, mark: str = "**") -> str:
    """The quote with the evidence spans marked (escaped text between the marks)."""
    out, pos = [], 0
    for s, e in sorted(finding.spans):
        if s < pos:
            continue
        out.append(md_escape(finding.quote[pos:s]))
        out.append(f"{mark}{md_escape(finding.quote[s:e])}{mark}")
        pos = e
    out.append(md_escape(finding.quote[pos:]))
    return "".join(out)


def findings_markdown(report: FindingsReport) -> str:
    lines = ["# Findings", ""]
    for doc in report.documents:
        lines.append(f"- {md_escape(doc.title or doc.id)} ({doc.id}, {doc.language}, edition {doc.edition}): "
                     f"{doc.articles} articles")
    lines += ["", f"{len(report.findings)} findings.", ""]
    for note in report.notes:
        lines.append(f"> {md_escape(note)}")
    for f in report.findings:
        lines += [
            f"## {f.convention} Art. {f.convention_article} — {f.kind} ({f.severity}): {md_escape(f.citation)}",
            "",
            f"Rule `{f.rule_id}`, confidence {f.confidence:.2f}.",
            "",
            f"> {highlighted(f)}" if f.quote else "",
            "",
            md_escape(f.explanation),
            "",
        ]
    return "\n".join(lines) + "\n"
