"""Ratifications: `corpora/ratifications.csv` (copied from the evidence in shared/sources) → typed facts.

Each row is a fact read in a public source (`evidence`), with `verified` = yes (status and exact date read)
or partial (year or status only). Absent rows are unknown: reports say "not recorded", never guess. A
malformed file is refused with its file and line.
"""

from __future__ import annotations

import csv
import datetime as _dt
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from .bundled import bundled
from .errors import RatificationError
from .models import english_date

RATIFICATIONS = bundled("corpora") / "ratifications.csv"
COLUMNS = ["country", "iso2", "convention", "ratified", "year", "date", "status", "min_age", "evidence", "verified"]

# The fundamental conventions bind every ILO member through the 1998 Declaration, ratified or not.
FUNDAMENTAL = ("C029", "P029", "C087", "C098", "C100", "C105", "C111", "C138", "C182", "C155", "C187")


class Ratification(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    country: str
    iso2: str
    convention: str
    ratified: bool
    year: int | None = None
    date: _dt.date | None = None
    status: str | None = None
    min_age: int | None = None
    evidence: str
    verified: str

    @field_validator("ratified", mode="before")
    @classmethod
    def _yes_no(cls, v: str) -> bool:
        if v not in ("yes", "no"):
            raise ValueError("ratified must be yes or no")
        return v == "yes"

    @field_validator("year", "date", "min_age", "status", mode="before")
    @classmethod
    def _empty(cls, v: str | None) -> str | None:
        return v or None

    @field_validator("verified")
    @classmethod
    def _verified(cls, v: str) -> str:
        if v not in ("yes", "partial"):
            raise ValueError("verified must be yes or partial")
        return v

    def describe(self) -> str:
        """ "ratified 26 February 2003 (In Force)", "ratified 2001", "not ratified (as of the evidence)"."""
        if not self.ratified:
            return "not ratified (as of the date in the evidence)"
        when = f" {english_date(self.date)}" if self.date else (f" {self.year}" if self.year else "")
        status = f" ({self.status})" if self.status else ""
        return f"ratified{when}{status}"


def load(path: Path = RATIFICATIONS) -> list[Ratification]:
    """Every row; `RatificationError` with file and line for a malformed one."""
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise RatificationError(f"{path}:1: cannot read: {exc.strerror}") from None
    with handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header != COLUMNS:
            raise RatificationError(f"{path}:1: header must be {','.join(COLUMNS)}")
        rows = []
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(COLUMNS):
                raise RatificationError(f"{path}:{line}: expected {len(COLUMNS)} fields, found {len(row)}")
            try:
                rows.append(Ratification.model_validate(dict(zip(COLUMNS, row, strict=True))))
            except ValidationError as exc:
                err = exc.errors()[0]
                field = ".".join(str(p) for p in err["loc"])
                raise RatificationError(f"{path}:{line}: {field}: {err['msg']}") from None
    return rows


@cache
def _index(path: Path = RATIFICATIONS) -> dict[tuple[str, str], Ratification]:
    return {(r.iso2, r.convention): r for r in load(path)} if path.is_file() else {}


def status(country: str, convention: str, path: Path = RATIFICATIONS) -> Ratification | None:
    return _index(path).get((country.upper(), convention.upper()))


def describe(country: str, convention: str, path: Path = RATIFICATIONS) -> str:
    """The status as a report prints it; "not recorded" when the evidence says nothing."""
    r = status(country, convention, path)
    return r.describe() if r else "not recorded"


def table(country: str, path: Path = RATIFICATIONS) -> str:
    """`compliance ratifications KZ`: the country's rows with their evidence, as plain text."""
    rows = [r for r in load(path) if r.iso2 == country.upper()]
    if not rows:
        return f"{country.upper()}: no ratification recorded in {path.name}\n"
    lines = [f"{'convention':<10}  {'status':<45}  verified  evidence"]
    for r in sorted(rows, key=lambda r: r.convention):
        lines.append(f"{r.convention:<10}  {r.describe():<45}  {r.verified:<8}  {r.evidence}")
    return "\n".join(lines) + "\n"
