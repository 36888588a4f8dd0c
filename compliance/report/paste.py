"""A paste-ready block per finding: citation, the quoted part with its penalty, the convention article, the
principle and what the ILO supervisory bodies said, with links (`compliance cite`, the report card's copy
button: one builder, so both give the same words).

Reads a `Finding` (with its citations, sanctions and comments), its `Rule`, the convention text of the
corpus (`report.conventions.quote`, English authentic text, never translated) and `vocab/rules_ru.yaml`
(our Russian texts of rules); produces a `Block` rendered as plain text, Markdown or JSON.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

from ..models import CommentLink, Finding
from ..rules import Rule
from .conventions import quote
from .russian import russian

Lang = Literal["en", "ru"]

_WORDS: dict[str, dict[str, str]] = {
    "en": {"citation": "Provision", "text": "Text of the provision", "penalties": "Penalties",
           "convention": "{conv}, Article {art} (authentic English text)", "principle": "Principle",
           "recommendation": "Recommendation", "comments": "ILO supervisory bodies",
           "provision": "on this provision", "predecessor": "on the provision it replaced",
           "principle_rel": "on the same principle", "english": ""},
    "ru": {"citation": "Норма", "text": "Текст нормы", "penalties": "Наказания",
           "convention": "{conv}, статья {art} (аутентичный текст на английском языке, не переводится)",
           "principle": "Принцип", "recommendation": "Рекомендация", "comments": "Контрольные органы МОТ",
           "provision": "об этой норме", "predecessor": "о норме, которую она заменила",
           "principle_rel": "о том же принципе", "english": " (текст правила на английском: перевода пока нет)"},
}


class Block(BaseModel):
    finding_id: str
    citation: str
    part: str  # the cited part's text, verbatim
    penalties: list[str]
    convention: str
    convention_text: list[str]
    title: str
    principle: str
    recommendation: str
    comments: list[CommentLink]


def _part_text(finding: Finding) -> str:
    """The body lines holding the evidence, each with the penalty lines right after it: the cited part."""
    lines, pos, keep = [], 0, False
    penalties = [s.span for s in finding.sanctions]
    for line in finding.quote.split("\n"):
        end = pos + len(line)
        held = bool(pos) and any(pos <= a < end for a, _ in finding.spans if (a, _) not in penalties)
        keep = held or (keep and any(pos <= a < end for a, _ in penalties))
        if keep:
            lines.append(line)
        pos = end + 1
    return "\n".join(lines) or finding.quote


def block(finding: Finding, rule: Rule, lang: Lang = "en") -> Block:
    words = _WORDS[lang]
    texts = russian(rule) if lang == "ru" else None
    q = quote(rule.convention, rule.article)
    return Block(
        finding_id=finding.id,
        citation=(finding.citation_ru if lang == "ru" and finding.citation_ru else finding.citation),
        part=_part_text(finding),
        penalties=[f"{s.text} ({s.type}{', ' + s.term if s.term else ''})" for s in finding.sanctions],
        convention=words["convention"].format(conv=rule.convention, art=rule.article),
        convention_text=[" ".join(p for p in (line.label, line.text) if p) for line in q.lines] if q else [],
        title=texts.title if texts else rule.title + words["english"],
        principle=texts.principle if texts else rule.principle,
        recommendation=texts.recommendation if texts else rule.recommendation,
        comments=finding.comments,
    )


def _comment_lines(c: CommentLink, lang: Lang, md: bool) -> list[str]:
    words = _WORDS[lang]
    rel = words["principle_rel" if c.relation == "principle" else c.relation]
    head = f"{c.body} {c.type or ''} {c.year or ''}".split()
    where = f"{' '.join(head)}, {c.convention}, {c.act}, {c.provisions} ({rel})"
    link = f"[{c.url}]({c.url})" if md else c.url
    return [f"- {where}: “{c.quote}” {link}"]


def render(blocks: list[Block], lang: Lang, fmt: Literal["txt", "md", "json"]) -> str:
    if fmt == "json":
        return "[" + ",\n".join(b.model_dump_json(indent=1) for b in blocks) + "]\n"
    md = fmt == "md"
    out: list[str] = []
    for b in blocks:
        out += render_one(b, lang, md)
    return "\n".join(out)


def render_one(b: Block, lang: Lang, md: bool) -> list[str]:
    """One block as lines (plain text or Markdown)."""
    w = _WORDS[lang]

    def h(text: str) -> str:
        return f"**{text}**" if md else text

    def quote_lines(text: str) -> list[str]:
        return [("> " if md else "    ") + line for line in text.split("\n")]

    out = [h(b.title), "", f"{h(w['citation'])}: {b.citation}", "", f"{h(w['text'])}:", *quote_lines(b.part)]
    if b.penalties:
        out += ["", f"{h(w['penalties'])}: " + "; ".join(b.penalties)]
    if b.convention_text:
        out += ["", f"{h(b.convention)}:", *quote_lines("\n".join(b.convention_text))]
    out += ["", f"{h(w['principle'])}: {b.principle}", "", f"{h(w['recommendation'])}: {b.recommendation}"]
    if b.comments:
        out += ["", f"{h(w['comments'])}:"]
        for c in b.comments:
            out += _comment_lines(c, lang, md)
    return [*out, "", ""]


def as_dict(b: Block) -> dict[str, Any]:
    return b.model_dump()
