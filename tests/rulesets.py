"""Shared helpers of the rule-set tests: the rules of some files, checked once per corpus document."""

from __future__ import annotations

from compliance.check import check_document
from compliance.models import DocumentMeta, Finding
from compliance.parse import parse_text
from compliance.rules import RULES_DIR, Rule, load_file

from .conftest import parsed


def kinds(findings: tuple[Finding, ...] | list[Finding], article: str | None = None) -> dict[str, str]:
    """{rule id: kind} of the findings (on one article when given)."""
    return {f.rule_id: f.kind for f in findings if article is None or f.article == article}


# Corpus documents the rule-set tests read.
RU_LC = "ru/labour-code@2023-08-04"
TJ_LC = "tj/labour-code@2026-06-17"
UZ_LC = "uz/labour-code@2025-12-12"
KZ_LC = "kz/labour-code-sec001-general-provisions@2025-01-01"
KZ_CH3 = "kz/criminal-code-ch03-constitutional-rights-arts145-159@2022-09-11"


class RuleSet:
    """The rules of some files in rules/, with their findings on corpus documents (computed once each)."""

    def __init__(self, *files: str) -> None:
        self.rules: list[Rule] = [r for name in files for r in load_file(RULES_DIR / name)]
        self._found: dict[str, tuple[Finding, ...]] = {}

    def findings(self, ref: str) -> tuple[Finding, ...]:
        if ref not in self._found:
            doc = parsed(ref)
            self._found[ref] = tuple(check_document(doc, self.rules, doc.document.country))
        return self._found[ref]

    def on(self, ref: str, article: str) -> dict[str, str]:
        """{rule id: kind} of the findings on one article of a corpus document."""
        return kinds(self.findings(ref), article)

    def check_text(self, text: str, kind: str | None, country: str | None = "KZ", language: str = "ru") -> list[Finding]:
        """Findings on a constructed text of the given kind of law (None: a law of no kind the checker knows)."""
        meta = DocumentMeta(id="constructed", kind=kind, country=country, language=language, title_en="Test Law")
        return check_document(parse_text(text, "text", meta=meta), self.rules, country)

    def fired(self, text: str, kind: str | None = "labour code", country: str = "KZ",
              language: str = "ru") -> dict[str, str]:
        """{rule id: kind} of the findings on a constructed text."""
        return kinds(self.check_text(text, kind, country, language))
