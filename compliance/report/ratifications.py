"""Ratification status for the report summary: one country's rows of `corpora/ratifications.csv`.

A thin view over `compliance.ratifications` (the loader that validates the file and refuses a malformed
one with its line). An absent row, or an absent file, is unknown: the report says "not recorded".
"""

from __future__ import annotations

from pathlib import Path

from ..ratifications import RATIFICATIONS, Ratification
from ..ratifications import load as load_all

__all__ = ["RATIFICATIONS", "Ratification", "load"]


def load(country: str, path: Path | None = None) -> dict[str, Ratification] | None:
    """{convention: Ratification} of one country; None when there is no ratifications file at all."""
    path = Path(path) if path is not None else RATIFICATIONS
    if not path.is_file():
        return None
    return {r.convention: r for r in load_all(path) if r.iso2 == country.upper()}
