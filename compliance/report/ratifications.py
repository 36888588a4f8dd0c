"""Ratification status for the report summary: `corpora/ratifications.csv` → one line per convention.

Reads the corpus ratifications table (columns country, iso2, convention, ratified, year, date, status,
min_age, evidence, verified). Only facts read in a public source are in it; an absent row, or an absent
file, is unknown and the report says "not recorded", never guesses.
"""

from __future__ import annotations

import csv
import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from ..corpus import CORPUS_DIR

RATIFICATIONS = CORPUS_DIR / "ratifications.csv"


@dataclass(frozen=True)
class Ratification:
    convention: str
    ratified: bool | None  # None: the row does not say
    year: int | None
    date: _dt.date | None
    status: str | None
    evidence: str | None
    verified: str | None


def load(country: str, path: Path | None = None) -> dict[str, Ratification] | None:
    """{convention: Ratification} of one country; None when there is no ratifications file at all."""
    path = Path(path) if path is not None else RATIFICATIONS
    if not path.is_file():
        return None
    out: dict[str, Ratification] = {}
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            if (row.get("iso2") or "").strip().upper() != country.upper():
                continue
            conv = (row.get("convention") or "").strip().upper()
            if not conv:
                continue
            ratified = {"yes": True, "no": False}.get((row.get("ratified") or "").strip().lower())
            year = (row.get("year") or "").strip()
            date = (row.get("date") or "").strip()
            try:
                day = _dt.date.fromisoformat(date) if date else None
            except ValueError:
                day = None
            out[conv] = Ratification(
                convention=conv,
                ratified=ratified,
                year=int(year) if year.isdigit() else None,
                date=day,
                status=(row.get("status") or "").strip() or None,
                evidence=(row.get("evidence") or "").strip() or None,
                verified=(row.get("verified") or "").strip() or None,
            )
    return out
