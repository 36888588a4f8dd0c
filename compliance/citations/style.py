"""Citation strings: a document's metadata × a provision × its last amending act → English and Russian.

Reads `DocumentMeta` (title, adoption date, number, edition, country, kind), a `Provision` (`provision.py`),
an `Amendment` (`history.py`) and `vocab/citation.yaml`; produces a `Citation`:
"Criminal Code of the Republic of Kazakhstan of 3 July 2014 No. 226-V, art. 174(1), as amended by Law
No. 94-VIII of 19 June 2024 (text as of 16 September 2025)" and «часть 1 статьи 174 Уголовного кодекса
Республики Казахстан от 3 июля 2014 года № 226-V (с изменениями, внесёнными Законом РК от 19.06.2024
№ 94-VIII)». Built only from what the metadata and the notes say: no act, no date that no act carries.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..models import DocumentMeta, english_date
from ..morph import russian_genitive
from ..yamlsafe import load_vocabulary
from .history import Amendment
from .provision import Provision


@dataclass(frozen=True)
class Citation:
    english: str
    russian: str
    amendment: Amendment | None


@cache
def vocab() -> dict[str, Any]:
    data: dict[str, Any] = load_vocabulary("citation.yaml")
    return data


def russian_date(d: _dt.date, long: bool = False) -> str:
    """ "19.06.2024"; long: "3 июля 2014 года"."""
    if long:
        return f"{d.day} {vocab()['ru']['months'][d.month - 1]} {d.year} года"
    return d.strftime("%d.%m.%Y")


def _english(meta: DocumentMeta, provision: Provision | None, amendment: Amendment | None) -> str:
    name = meta.title_en or meta.title or meta.id
    if meta.adopted:
        name += f" of {english_date(meta.adopted)}"
    if meta.act_number:
        name += f" No. {meta.act_number}"
    unit = "s." if provision and provision.section else "art."
    out = f"{name}, {unit} {provision.english}" if provision and provision.article else name
    if not meta.country:
        return out
    as_of = f"text as of {english_date(meta.edition)}" if meta.edition else ""
    if amendment is not None:
        act = vocab()["en"]["acts"].get(meta.country, "Law")
        out += f", as amended by {act} No. {amendment.number} of {english_date(amendment.date)}"
        return out + (f" ({as_of})" if as_of else "")
    return out + (f", {as_of}" if as_of else "")


def _units(meta: DocumentMeta) -> dict[str, list[str]]:
    table: dict[str, Any] = vocab()["ru"]["units"]
    country: dict[str, Any] = table.get(meta.country or "", {})
    found: dict[str, list[str]] = country.get(meta.kind or "") or country.get("default") or table["default"]
    return found


def _russian_where(meta: DocumentMeta, provision: Provision) -> str:
    """ "пункт 4) части 1 статьи 476": the cited unit in the nominative, the units above it in the genitive."""
    units = _units(meta)
    words = []
    for i, step in enumerate(reversed(provision.steps)):
        nominative, genitive = units["part" if step.kind == "part" else "point"]
        number = step.num or str(step.position)
        if step.kind == "point":
            number = step.label or number
        words.append(f"{genitive if i else nominative} {number}")
    words.append(f"{vocab()['ru']['article'] if provision.steps else 'статья'} {provision.article}")
    return " ".join(words)


def _russian(meta: DocumentMeta, provision: Provision | None, amendment: Amendment | None) -> str:
    ru = vocab()["ru"]
    title = meta.title or ""
    name = ru["titles"].get(meta.title_en or "") or russian_genitive(title) or title or meta.id
    if meta.adopted:
        name += f" от {russian_date(meta.adopted, long=True)}"
    if meta.act_number:
        name += f" № {meta.act_number}"
    out = f"{_russian_where(meta, provision)} {name}" if provision and provision.article else name
    if amendment is not None and meta.country:
        act = ru["acts"].get(meta.country, "Законом")
        return out + f" ({ru['amended']} {act} от {russian_date(amendment.date)} № {amendment.number})"
    if meta.edition and meta.country:
        return out + f" ({ru['as_of']} {russian_date(meta.edition)})"
    return out


def cite(meta: DocumentMeta, provision: Provision | None, amendment: Amendment | None) -> Citation:
    return Citation(_english(meta, provision, amendment), _russian(meta, provision, amendment), amendment)
