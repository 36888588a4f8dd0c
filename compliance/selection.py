"""Choosing corpus texts: the laws a country report reads, and whether a country code names a country we know.

Reads the corpus index (`corpus.load_entries`) and the ratifications table. `select_entries` produces, for a
country, one text per law: the newest edition (or the newest on or before an as-of DATE, or the pinned
LAW@DATE), in the main language when that edition has it, else in its second language, plus notes on the
laws left out. `require_country` produces the upper-case code of a country the corpus has laws for or the
ratifications table has rows for, and raises `UnknownCountry` for any other.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable

from . import ratifications
from .corpus import LAW_REF, CorpusEntry, load_entries
from .errors import UnknownCountry, UnknownReference, UsageError

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def select_entries(country: str, editions: Iterable[str] | None = None,
                   entries: Iterable[CorpusEntry] | None = None) -> tuple[list[CorpusEntry], list[str]]:
    """The corpus texts a country report reads: one per law (slug), sorted by id, and notes on what was left out.

    Per law, the newest edition (or the newest on or before an as-of DATE, or the pinned LAW@DATE); of that
    edition, the main-language text when it exists, else its second-language text.
    """
    cc = country.upper()
    pool = [e for e in (entries if entries is not None else load_entries())
            if (e.meta.country or "").upper() == cc and not e.meta.number]
    if not pool:
        raise UnknownCountry(f"no laws of country {country!r} in the corpus (see: compliance corpus list)")
    as_of: _dt.date | None = None
    pins: dict[str, _dt.date] = {}
    for value in editions or []:
        for item in (v.strip() for v in value.split(",") if v.strip()):
            if _DATE.fullmatch(item):
                as_of = _date(item)
                continue
            m = LAW_REF.fullmatch(item)
            if not m or not m["edition"] or m["lang"]:
                raise UsageError(f"--edition {item!r}: give a date (2020-06-26) or a law and its edition "
                                 f"(criminal-code-art174@2015-11-13)")
            pins[f"{(m['country'] or cc).lower()}/{m['slug']}"] = _date(m["edition"])
    by_base: dict[str, list[CorpusEntry]] = {}
    for e in pool:
        by_base.setdefault(e.base, []).append(e)
    for base in pins:
        if base not in by_base:
            raise UnknownReference(f"--edition: no law {base!r} in the corpus for {cc}; laws: {', '.join(sorted(by_base))}")
    chosen: list[CorpusEntry] = []
    notes: list[str] = []
    for base in sorted(by_base):
        group = by_base[base]
        if base in pins:
            candidates = [e for e in group if e.meta.edition == pins[base]]
            if not candidates:
                have = ", ".join(sorted({str(e.meta.edition) for e in group}))
                raise UnknownReference(f"--edition: {base} has no edition {pins[base]}; editions: {have}")
        elif as_of is not None:
            candidates = [e for e in group if e.meta.edition and e.meta.edition <= as_of]
            if not candidates:
                notes.append(f"{base}: no edition on or before {as_of}; left out")
                continue
        else:
            candidates = group
        newest = max(e.meta.edition or _dt.date.min for e in candidates)
        same = [e for e in candidates if (e.meta.edition or _dt.date.min) == newest]
        chosen.append(sorted(same, key=lambda e: (e.second_language is not None, e.second_language or "", e.id))[0])
    if not chosen:
        # every law left out by the as-of date: an empty report would read as a clean bill of health
        oldest = min(e.meta.edition or _dt.date.min for e in pool)
        raise UnknownReference(f"--edition {as_of}: no law of {cc} in the corpus has an edition on or before that "
                               f"date (the oldest edition is {oldest})")
    return sorted(chosen, key=lambda e: e.id), notes


def _date(text: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--edition: {text!r} is not a date (YYYY-MM-DD)") from None


def known_countries() -> list[str]:
    """Upper-case codes of the countries with laws in the corpus or rows in the ratifications table, sorted."""
    codes = {(e.meta.country or "").upper() for e in load_entries() if e.meta.country}
    codes |= {r.iso2.upper() for r in ratifications.load()} if ratifications.RATIFICATIONS.is_file() else set()
    return sorted(codes)


def require_country(code: str) -> str:
    """`code` upper-cased, if the corpus or the ratifications table knows the country; else `UnknownCountry`."""
    cc = code.strip().upper()
    known = known_countries()
    if cc not in known:
        raise UnknownCountry(f"unknown country code {code.strip()!r}: no laws in the corpus and no ratifications "
                             f"recorded; known codes: {', '.join(known)}")
    return cc
