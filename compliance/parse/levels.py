"""The structure vocabulary (`vocab/structure.yaml`) compiled once: the levels of a law, the items inside an
article, the units only a marked heading opens, Latin letters for eIds, Cyrillic look-alikes in Roman numerals
and the page-furniture lines; and how a heading's words begin (capitalised, in the scripts that have
capitals). `structure.py` reads it; nothing here decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Self

from ..literals import needles
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
    (`lastgroup`) is the first pattern, in order, that matches, since alternatives are tried left to right.

    A pattern that reads ahead for a word ("\\S.{0,200}?kodeksini", the title of a Turkmen enacting law) scans
    every line it is tried on, which cost more than all the other patterns together on a long law. It is left
    out of that regex (`gated`) and tried, in its turn, only on lines whose `.lower()` holds one of the
    strings every match of it holds, or a character `re` takes for one of theirs (`literals.needles`)."""

    any: re.Pattern[str] | None
    by_group: dict[str, tuple[Level, re.Pattern[str]]]
    order: dict[str, int]  # a group's place among all the patterns
    gated: tuple[tuple[int, tuple[str, ...]], ...]  # (place, what a line's `.lower()` holds where it can match)

    def __new__(cls, levels: Iterable[Level]) -> Self:
        self = super().__new__(cls, levels)
        self.by_group = {f"_{i}": found for i, found in enumerate((lv, p) for lv in self for p in lv.patterns)}
        self.order = {name: i for i, name in enumerate(self.by_group)}
        strings = {name: _gate(p.pattern) for name, (_, p) in self.by_group.items()}
        self.gated = tuple((self.order[name], found) for name, found in strings.items() if found)
        try:
            self.any = re.compile(
                "|".join(f"(?P<{name}>{without_names(p.pattern)})" for name, (_, p) in self.by_group.items()
                         if not strings[name]) or "(?!)",
                _FLAGS,
            )
        except re.error:  # patterns that cannot be joined (one sets a global flag): try each in turn
            self.any = None
        return self


# A lazy quantifier ("\S.{0,200}?kodeksini") tries every position ahead for what follows it. Told from the
# pattern's text, not its parse: vocabulary() runs at every parse's start, and an escaped "\*?" taken for
# one only costs its pattern the word test, never a match.
_LAZY = ("*?", "+?", "??", "}?")


def _gate(pattern: str) -> tuple[str, ...]:
    """For a pattern with a lazy quantifier: what a line's `.lower()` holds wherever the pattern can match;
    () for any other pattern, or one with no strings to look for."""
    return needles(pattern) if any(q in pattern for q in _LAZY) else ()


@dataclass(frozen=True)
class Vocabulary:
    levels: Levels  # containers and articles
    items: Levels  # units inside an article
    subpoints: Levels  # the sub-point levels of `items` ("(i)" under "(h)" is the letter, else a numeral)
    headed: Levels  # units that only a marked heading opens, inside the unit they subdivide
    numbered: Levels  # `levels` and then sections numbered without a word ("45. Penalties"), for `build_tree`
    translit: dict[str, str]
    navigation: re.Pattern[str]
    roman_lookalikes: dict[str, str]  # Cyrillic letters typed for Latin ones in a Roman numeral ("IХ")
    letter_orders: dict[str, tuple[str, ...]]  # language → the order its lists letter their points in


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
    orders = {str(k): tuple(str(x) for x in v) for k, v in (data.get("letter_orders") or {}).items()}
    numbered = Levels((*levels("levels"), *levels("numbered_sections")))
    return Vocabulary(levels("levels"), items, subpoints, levels("headed"), numbered, translit, nav, roman, orders)


def starts_like_heading(rest: str) -> bool:
    """Whether the words after a unit's number begin as a heading does (a capital, a digit or nothing), not
    as a cross-reference goes on ("Глава 5 настоящего Кодекса")."""
    ch = rest.lstrip("«“„\"'(").strip()[:1]
    return not ch or ch.isdigit() or (ch.isalpha() and not lower_case(ch))


# Georgian writes no capitals (its Mkhedruli letters, which Unicode gives a lower case, begin headings too)
_CASELESS = re.compile("[\u10d0-\u10ff]")


def lower_case(ch: str) -> bool:
    """Whether a letter is lower case in a script that writes capitals."""
    return ch.islower() and not _CASELESS.match(ch)


def next_letter(letter: str, order: tuple[str, ...] | None) -> str:
    """The letter a list puts after `letter`: the next in the language's order (`letter_orders`), else in the
    alphabet."""
    if order and letter in order:
        i = order.index(letter)
        return order[i + 1] if i + 1 < len(order) else ""
    return chr(ord(letter) + 1) if len(letter) == 1 else ""
