"""The checker's measured evaluation figures, as the report's "Method and limits" section states them.

Reads `evaluation.json` beside this module, which `scripts/evaluation_figures.py` writes from a run of the
evaluation stage (`compliance.evaluate`) on each labelled set, with the date of the run. Produces typed
`EvalFigures`; none when the file is absent, so a report never states a figure nobody measured.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from pydantic import BaseModel, ConfigDict

FIGURES = Path(__file__).resolve().parent / "evaluation.json"


class EvalFigures(BaseModel):
    model_config = ConfigDict(extra="forbid")

    cases: str  # the labelled set, as named when it was run
    measured: _dt.date
    rules: int
    documents: int
    required: int  # labelled provisions the checker must flag
    found: int
    recall: float
    true_positives: int  # conflict/concern flags on labelled provisions that deserve them
    false_positives: int  # conflict/concern flags on provisions labelled as fine
    precision: float | None  # true / (true + false) among labelled provisions


class FiguresFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sets: list[EvalFigures]


def load_figures(path: Path = FIGURES) -> list[EvalFigures]:
    if not path.is_file():
        return []
    return FiguresFile.model_validate_json(path.read_text("utf-8")).sets
