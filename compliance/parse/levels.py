"""The structure vocabulary (`vocab/structure.yaml`) compiled once: the levels of a law, the items inside an
article, the units only a marked heading opens, Latin letters for eIds, Cyrillic look-alikes in Roman numerals
and the page-furniture lines. `structure.py` reads it; nothing here decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Self

from ..models import NodeKind
from ..yamlsafe import load_vocabulary
from .notes import without_names

# A line of an HTML page may hold the source's own line breaks (a heading typed over two lines of markup):
# "." crosses them, so that such a heading still opens its unit.
_FLAGS = re.DOTALL


@dataclass(frozen=True)
class Level:
    kind: NodeKind
    rank: int
    alias: str
    patterns: tuple[re.Pattern[str], ...]
    within: str | None = None  # the alias of the unit it subdivides (`headed` levels only)


class Levels(tuple[Level, ...]):
    """Levels in the order they are tried, with one regex that matches where any of their patterns does:
    most lines are law text, and one failed match costs less than a dozen.

    Each pattern is a named group of that regex (`_0`, `_1`, … in `by_group`): the group a match ends in
    (`lastgroup`) is the first pattern, in order, that matches, since alternatives are tried left to right."""

    any: re.Pattern[str] | None
    by_group: dict[str, tuple[Level, re.Pattern[str]]]

    def __new__(cls, levels: Iterable[Level]) -> Self:
        self = super().__new__(cls, levels)
        self.by_group = {f"_{i}": found for i, found in enumerate((lv, p) for lv in self for p in lv.patterns)}
        try:
            self.any = re.compile(
                "|".join(f"(?P<{name}>{without_names(p.pattern)})" for name, (_, p) in self.by_group.items()), _FLAGS
            )
        except re.error:  # patterns that cannot be joined (one sets a global flag): try each in turn
            self.any = None
        return self


@dataclass(frozen=True)
class Vocabulary:
    levels: Levels  # containers and articles
    items: Levels  # units inside an article
    subpoints: Levels  # the sub-point levels of `items` ("(i)" under "(h)" is the letter, else a numeral)
    headed: Levels  # units that only a marked heading opens, inside the unit they subdivide
    translit: dict[str, str]
    navigation: re.Pattern[str]
    roman_lookalikes: dict[str, str]  # Cyrillic letters typed for Latin ones in a Roman numeral ("IХ")


@cache
def vocabulary() -> Vocabulary:
    data = load_vocabulary("structure.yaml")

    def levels(key: str) -> Levels:
        return Levels(
            Level(d["kind"], d["rank"], d["alias"], tuple(re.compile(p, _FLAGS) for p in d["patterns"]), d.get("within"))
            for d in data[key]
        )

    nav = re.compile("^(?:" + "|".join(data["navigation_lines"]) + ")$")
    items = levels("items")
    subpoints = Levels(lv for lv in items if lv.kind == "subpoint")
    translit = {str(k): str(v) for k, v in data["eid_translit"].items()}
    roman = {str(k): str(v) for k, v in data["roman_lookalikes"].items()}
    return Vocabulary(levels("levels"), items, subpoints, levels("headed"), translit, nav, roman)
