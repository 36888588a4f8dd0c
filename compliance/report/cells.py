"""One cell of a coverage table: the (rule, law) pairs behind it → what the cell says.

Reads `CoverageCell`s (was the rule tried on the law, which findings concern it) and produces a `CellState`:
the worst finding kind among them, else "nothing wrong found" when a rule was tried on a law, else "no law
of this kind analysed". The country report (convention article × law) and the comparison (rule × country)
both fold their cells here, so the two never disagree on what an empty cell means.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..coverage import CoverageCell
from ..models import Finding

# worst first; `missing`: a required provision found nowhere; `none`: the rules looked and found nothing
# wrong; `not_examined`: no law of a kind and language the rules apply to was analysed
CELL_STATES = ("conflict", "concern", "missing", "implemented", "none", "not_examined")
KIND_CELL = {"conflict": "conflict", "concern": "concern", "requirement": "missing", "implements": "implemented"}
LABELS = {
    "conflict": "conflict",
    "concern": "concern",
    "missing": "no implementing provision found",
    "implemented": "implemented",
    "none": "nothing wrong found",
    "not_examined": "no law of this kind analysed",
}


@dataclass
class CellState:
    state: str  # one of CELL_STATES
    findings: list[Finding] = field(default_factory=list)  # each once, in the order of the cells

    @property
    def label(self) -> str:
        return LABELS[self.state]


def fold(cells: Iterable[CoverageCell]) -> CellState:
    """The cells of one table cell (several rules, or several laws) folded into one state."""
    cells = list(cells)
    hits = list({id(f): f for c in cells for f in c.findings}.values())
    if hits:
        worst = min(CELL_STATES.index(KIND_CELL[f.kind]) for f in hits)
        return CellState(CELL_STATES[worst], hits)
    return CellState("none" if any(c.analysed for c in cells) else "not_examined")
