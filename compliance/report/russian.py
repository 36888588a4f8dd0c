"""A rule's texts and a finding's explanation in the report's language (`compliance report --lang ru`).

Reads `vocab/rules_ru.yaml` (our Russian title, principle and recommendation of each rule) and
`vocab/explanation_ru.yaml` (the frame of an explanation); produces the strings the Markdown and HTML
reports and the paste blocks show. English is the rule's own text and the explanation `check` wrote, byte
for byte. Convention texts are never translated: the English authentic text is quoted.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from ..check import compulsory_labour_status, evidence_text, relevant_sanctions
from ..models import Finding
from ..rules import Rule
from ..yamlsafe import load_vocabulary


class RuleTexts(NamedTuple):
    title: str
    principle: str
    recommendation: str


def _vocab(name: str) -> dict[str, object]:
    data: dict[str, object] = load_vocabulary(name)
    return data or {}


@cache
def rules_ru() -> dict[str, dict[str, str]]:
    """Our Russian texts of the rules, by rule id."""
    return {k: dict(v) for k, v in _vocab("rules_ru.yaml").items() if isinstance(v, dict)}


@cache
def _frame() -> dict[str, str]:
    return {k: str(v) for k, v in _vocab("explanation_ru.yaml").items()}


def russian(rule: Rule) -> RuleTexts | None:
    """The rule's Russian texts, None when they are not written yet."""
    texts = rules_ru().get(rule.id)
    return RuleTexts(texts["title"], texts["principle"], texts["recommendation"]) if texts else None


def rule_texts(rule: Rule, lang: str) -> RuleTexts:
    """The rule's title, principle and recommendation in `lang` (English when no translation is written)."""
    return (russian(rule) if lang == "ru" else None) or RuleTexts(rule.title, rule.principle, rule.recommendation)


def explanation(f: Finding, rule: Rule | None, lang: str) -> str:
    """The finding's explanation in `lang`: the Russian frame around the rule's Russian texts, the evidence
    and penalties as the law words them; the finding's own (English) explanation otherwise."""
    ru = russian(rule) if rule is not None and lang == "ru" else None
    if rule is None or ru is None:
        return f.explanation
    w = _frame()
    if f.kind == "requirement":
        return w["requirement"].format(title=ru.title, principle=ru.principle, recommendation=ru.recommendation)
    out = w["finding"].format(title=ru.title, evidence=evidence_text(f.quote, f.spans), convention=rule.convention,
                              article=rule.article, principle=ru.principle)
    if f.sanctions:
        label = w["penalties_article" if rule.sanctions is None else "penalties_parts"]
        out += w["penalties"].format(label=label, sanctions=", ".join(f"{s.text} ({s.type})" for s in f.sanctions))
    status = None
    if rule.sanctions is not None and rule.sanctions.compulsory_labour:
        status = compulsory_labour_status(relevant_sanctions(rule, f.sanctions))
    if status:
        out += w["note"].format(notes=w[f"note_{status}"])
    return out
