"""A rule's condition tree (`rules.Condition`) → a typed, numbered `Pattern` tree the engine works on.

Reads the conditions of the rules' `patterns.<language>`; produces `Pattern`s: each leaf names its match
by a key built from its content (so a pattern several rules share is matched once per article), each
node has a number unique in the compiled rule set (what is learnt about a node in one article is kept
under that number), and the parts of a composition are listed cheapest first.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

from ..rules import Condition

Kind = Literal["phrase", "tokens", "regex", "fuzzy", "all", "any", "none"]
LEAF_KINDS: tuple[Kind, ...] = ("phrase", "tokens", "regex", "fuzzy")
# Rough cost of finding out whether a pattern can hold in an article: compositions are worked out from
# their parts, regexes scan the text, token patterns and fuzzy phrases cost most (phrases cost nothing:
# the index pass found them).
_COST = {"all": 1, "any": 1, "none": 1, "regex": 2, "tokens": 3, "fuzzy": 3}


@dataclass(frozen=True)
class Pattern:
    """One condition of a rule, compiled: a leaf (its match `key`) or a composition of `parts`."""

    number: int
    kind: Kind
    key: str | None  # leaves: the key of their matches
    parts: tuple[Pattern, ...]  # compositions: their parts, in the rule's order
    phrase_keys: frozenset[str]  # the keys of the parts that are phrases
    others: tuple[Pattern, ...]  # the other parts, cheapest to test first
    unless: tuple[Pattern, ...]
    scope: str
    condition: Condition  # the condition as the rule wrote it

    def leaves(self) -> list[Pattern]:
        """Every leaf in this pattern (parts and exceptions first, as `Condition.leaves` lists them)."""
        below = [leaf for child in (*self.parts, *self.unless) for leaf in child.leaves()]
        return [*below, self] if self.key is not None else below


def leaf_key(leaf: Condition) -> str:
    """The key of a leaf's matches: its content, so that equal patterns share their matches."""
    if leaf.phrase is not None:
        return f"phrase:{leaf.gap}:{leaf.stem}:{leaf.phrase}"
    if leaf.tokens is not None:
        return "tokens:" + json.dumps(leaf.tokens, ensure_ascii=False, sort_keys=True)
    if leaf.regex is not None:
        return f"regex:{leaf.regex}"
    return f"fuzzy:{leaf.threshold}:{leaf.fuzzy}"


def kind_of(cond: Condition) -> Kind:
    for kind in ("phrase", "tokens", "regex", "fuzzy", "all", "any", "none"):
        if getattr(cond, kind) is not None:
            return kind
    raise ValueError("a condition without a pattern")  # the rule loader refuses these


class Numbering:
    """Hands out pattern numbers across every rule compiled together."""

    def __init__(self) -> None:
        self.next = 0

    def pattern(self, cond: Condition) -> Pattern:
        kind = kind_of(cond)
        parts = tuple(self.pattern(c) for c in (cond.all or cond.any or cond.none or []))
        unless = tuple(self.pattern(c) for c in cond.unless or [])
        number, self.next = self.next, self.next + 1
        key = leaf_key(cond) if kind in LEAF_KINDS else None
        phrase_keys = frozenset(p.key for p in parts if p.kind == "phrase" and p.key is not None)
        others = tuple(sorted((p for p in parts if p.kind != "phrase"), key=lambda p: _COST[p.kind]))
        return Pattern(number, kind, key, parts, phrase_keys, others, unless, cond.scope, cond)
