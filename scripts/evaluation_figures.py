"""Measure the checker on the labelled sets and write compliance/report/evaluation.json (the report's figures).

Reads the cases files given (default tests/eval/cases.yaml, the labelled set the eval gate runs on),
runs the evaluation stage on each with the bundled rules, and writes recall, false positives and precision
with today's date. Run it after changing rules: `python scripts/evaluation_figures.py`.
"""

from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path

from compliance.evaluate import evaluate, load_cases
from compliance.report.figures import FIGURES, EvalFigures, FiguresFile
from compliance.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "tests/eval/cases.yaml"]


def measure(path: Path, name: str) -> EvalFigures:
    ev = evaluate(load_cases(path), load_rules(), None, cases_name=name)
    tp = sum(r.true_positives for r in ev.by_rule)
    fp = sum(r.false_positives for r in ev.by_rule)
    return EvalFigures(cases=name, measured=_dt.date.today(), rules=ev.rules, documents=len(ev.documents),
                       required=ev.required, found=ev.found, recall=ev.recall, true_positives=tp,
                       false_positives=fp, precision=round(tp / (tp + fp), 3) if tp + fp else None)


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [p for p in DEFAULT if p.is_file()]
    sets = []
    for p in paths:
        name = str(p.resolve().relative_to(ROOT)) if p.resolve().is_relative_to(ROOT) else f"shared/{p.parent.name}/{p.name}"
        sets.append(measure(p, name))
        print(f"{name}: recall {sets[-1].recall}, false positives {sets[-1].false_positives}", file=sys.stderr)
    FIGURES.write_text(FiguresFile(sets=sets).model_dump_json(indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
