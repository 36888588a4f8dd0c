"""Coverage: rules × laws → for each pair, whether the rule was tried on the law and the findings concerning it.

Reads the rules that were applied, the laws checked (their metadata: id, kind, language) and the check's
`FindingsReport`s, as they are. Produces a `Coverage`, the one matrix behind the report's coverage table
(folded by convention article) and the cross-country comparison (folded by country). A rule was tried on
a law when `Rule.applies_to_document` says so. A finding concerns the law it was made on; a `requirement`
finding (an obligation no article implements) concerns every law of its check run that the rule was tried
on, since no article of any of them implements it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .models import DocumentMeta, Finding, FindingsReport
from .rules import Rule


@dataclass
class CoverageCell:
    analysed: bool  # the rule was tried on the law
    findings: list[Finding] = field(default_factory=list)  # in the check's order


class Coverage:
    """The (rule id, law id) matrix; rules and laws in the order given."""

    def __init__(self, rules: Iterable[Rule], laws: Iterable[DocumentMeta], runs: Iterable[FindingsReport]) -> None:
        self.rules = {r.id: r for r in rules}
        self.laws = list(laws)
        self._cells: dict[tuple[str, str], CoverageCell] = {
            (r.id, law.id): CoverageCell(r.applies_to_document(law))
            for r in self.rules.values()
            for law in self.laws
        }
        for run in runs:
            in_run = {d.id for d in run.documents}
            for f in run.findings:
                for law_id in self._concerned(f, in_run):
                    self.cell(f.rule_id, law_id).findings.append(f)

    def _concerned(self, f: Finding, in_run: set[str]) -> list[str]:
        rule = self.rules.get(f.rule_id)
        if f.kind == "requirement" and rule is not None:
            return list(dict.fromkeys(law.id for law in self.laws if law.id in in_run and self.cell(rule.id, law.id).analysed))
        return [f.document_id]

    def cell(self, rule_id: str, law_id: str) -> CoverageCell:
        """The pair's cell; a rule that is not among the rules (a finding of another rule set) was not tried."""
        return self._cells.setdefault((rule_id, law_id), CoverageCell(False))

    def analysed_laws(self, rule_id: str) -> list[str]:
        """Ids of the laws the rule was tried on, in law order."""
        return [law.id for law in self.laws if self.cell(rule_id, law.id).analysed]
