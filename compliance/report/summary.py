"""What the executive summary and the "Method and limits" section state, from a built `Report`.

Reads the `Report` (`model.py`), the country's sanction data (`rules/countries/<CC>.yaml` through the check
stage's `country_data`) and the measured evaluation figures (`figures.py`). Produces the most serious
findings (a short list for the first page), the sanctions counted as labour with their basis, and the
figures; the renderers only lay these out.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..check import country_data
from .figures import EvalFigures, load_figures
from .model import SEVERITIES, FindingView, Report

SERIOUS_KINDS = ("conflict", "concern")
TOP = 8  # findings named on the summary page; the rest are one click away


@dataclass
class SanctionBasis:
    type: str
    involves: bool | None  # None: not established
    basis: str


@dataclass
class Summary:
    serious: list[FindingView]  # conflicts then concerns, most severe first, at most TOP
    serious_total: int
    sanctions: list[SanctionBasis]
    figures: list[EvalFigures]
    languages: list[str]
    unanalysed_conventions: list[str]  # conventions none of whose rules applies to any law analysed
    analysed: int  # laws some rule could be tried on, of `len(report.laws)` read


def serious(report: Report, limit: int = TOP) -> tuple[list[FindingView], int]:
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    found = [v for v in report.findings if v.f.kind in SERIOUS_KINDS]
    found.sort(key=lambda v: (SERIOUS_KINDS.index(v.f.kind), rank.get(v.f.severity, 9)))  # stable: report order
    return found[:limit], len(found)


def summarize(report: Report) -> Summary:
    top, total = serious(report)
    table = country_data(report.country or report.title_country)
    sanctions = [SanctionBasis(t, involves, basis) for t, (involves, basis) in sorted(table.items())]
    return Summary(
        serious=top, serious_total=total, sanctions=sanctions, figures=load_figures(),
        languages=sorted({law.meta.language for law in report.laws if law.meta.language}),
        unanalysed_conventions=[c.number for c in report.conventions if not c.analysed],
        analysed=sum(1 for law in report.laws if not law.not_analysed),
    )
