"""Prefilters: cheap tests that tell which rules and patterns cannot hold in an article, so they are skipped.

Reads compiled `Pattern`s (and, at match time, what the index pass found in an article); produces
- each rule's triggers (phrases, or strings a regular expression requires, one of which must occur for
  the rule to hold) and a `RuleIndex` from triggers to rules, so that the rules evaluated on an article
  follow what it contains, not the number of rules;
- each regular expression's required strings (`literals.required_literals`), tested before it scans;
- each token pattern's `Anchor`s: word tests some word of the article must pass before its Matcher runs;
- `can_hold`: whether a pattern can hold anywhere in an article, from what was found there.
Every prefilter only saves work: with all of them off, the same rules hold on the same articles.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..literals import required_literals
from .patterns import Pattern

Span = tuple[int, int]
LiteralSets = tuple[tuple[str, ...], ...]  # every match holds one string of each set, most selective first


class Found(Protocol):
    """What a prefilter reads of an article's matches."""

    found: frozenset[str]

    def spans(self, key: str) -> list[Span]: ...


# -- regular expressions: required strings ---------------------------------------------------------------


def regex_literals(regexes: Iterable[tuple[str, str]]) -> dict[str, LiteralSets]:
    """{regex key: the strings every match of it holds}, for the (key, regex) that have any.
    Worth its use of `re._parser`: skipping rules and scans by these strings takes 14–22 % off the check
    of the RU Labour Code."""
    out = {}
    for key, regex in regexes:
        found = required_literals(regex)
        if found:
            out[key] = found
    return out


def may_match(sets: LiteralSets, has: Callable[[str], bool]) -> bool:
    """Whether the article (`has`: does it hold a string) holds a string of each set a regex requires."""
    return all(any(has(s) for s in strings) for strings in sets)


# -- rules: triggers ------------------------------------------------------------------------------------


def triggers(p: Pattern, literals: dict[str, LiteralSets]) -> frozenset[str] | None:
    """Phrase keys and keys of regexes with required strings, one of which must match for `p` to hold;
    None when none is necessary (a condition of token patterns or fuzzy phrases only). In an `all`, the
    part with the fewest triggers, phrases (found by the index pass) before regexes."""
    if p.kind == "phrase" or (p.kind == "regex" and p.key in literals):
        assert p.key is not None
        return frozenset({p.key})
    if p.kind == "all":
        found = [t for t in (triggers(c, literals) for c in p.parts) if t is not None]
        return min(found, key=lambda t: (len(t), sum(k in literals for k in t))) if found else None
    if p.kind == "any":
        each = [triggers(c, literals) for c in p.parts]
        return None if any(t is None for t in each) else frozenset().union(*each)  # type: ignore[arg-type]
    return None


@dataclass
class RuleIndex:
    """Which rules (by position) an article's phrases and strings make worth evaluating."""

    by_phrase: dict[str, list[int]] = field(default_factory=dict)
    by_literal: dict[str, list[int]] = field(default_factory=dict)  # a string a trigger regex requires
    always: list[int] = field(default_factory=list)  # rules without triggers
    needed: list[frozenset[str]] = field(default_factory=list)  # per rule: phrase keys it cannot hold without
    needed_strings: list[LiteralSets] = field(default_factory=list)  # per rule: strings it cannot hold without

    @classmethod
    def build(cls, roots: list[Pattern], literals: dict[str, LiteralSets]) -> RuleIndex:
        index = cls()
        for i, root in enumerate(roots):
            index.needed.append(needed_phrases(root))
            index.needed_strings.append(tuple(sorted(needed_literals(root, literals))))
            keys = triggers(root, literals)
            if keys is None:
                index.always.append(i)
            for key in sorted(keys or ()):
                if key in literals:
                    for lit in literals[key][0]:
                        index.by_literal.setdefault(lit, []).append(i)
                else:
                    index.by_phrase.setdefault(key, []).append(i)
        return index

    def candidates(self, found: frozenset[str], has: Callable[[str], bool]) -> list[int]:
        """Positions of the rules one of whose triggers the article holds, and of those without, in order;
        none that misses a phrase or a string it needs (a few set and string tests, where evaluating would
        walk its pattern)."""
        out = set(self.always)
        for key in found:
            out.update(self.by_phrase.get(key, ()))
        for lit, rules in self.by_literal.items():
            if has(lit):
                out.update(rules)
        return sorted(i for i in out if self.needed[i] <= found and may_match(self.needed_strings[i], has))


def needed_phrases(p: Pattern) -> frozenset[str]:
    """Phrase keys the article must hold for `p` to hold anywhere in it: the phrases of an `all` and of its
    parts, those every part of an `any` needs."""
    if p.kind == "phrase":
        assert p.key is not None
        return frozenset({p.key})
    if p.kind == "all":
        return frozenset().union(*map(needed_phrases, p.parts))
    if p.kind == "any" and p.parts:
        return frozenset.intersection(*map(needed_phrases, p.parts))
    return frozenset()


# -- token patterns: word anchors --------------------------------------------------------------------------


@dataclass(frozen=True)
class Anchor:
    """A test one word of an article must pass for a token pattern to match there: one of `words` (LOWER
    hashes), or a match of `regex`. A regex's verdict on a word is kept across articles."""

    words: frozenset[int] | None = None
    regex: re.Pattern[str] | None = None
    verdicts: dict[int, bool] = field(default_factory=dict, compare=False, hash=False, repr=False)
    passing: set[int] = field(default_factory=set, compare=False, hash=False, repr=False)  # verdict True

    def met(self, words: frozenset[int], strings: Any) -> bool:
        """Whether one of the article's distinct words (LOWER hashes; `strings` spells them) passes: the
        regex reads only the words no article showed it before."""
        if self.words is not None:
            return not self.words.isdisjoint(words)
        assert self.regex is not None
        for h in [w for w in words if w not in self.verdicts]:
            verdict = self.verdicts[h] = self.regex.search(strings[h]) is not None
            if verdict:
                self.passing.add(h)
        return not self.passing.isdisjoint(words)


def anchors(pattern: list[dict[str, Any]], strings: Any) -> tuple[Anchor, ...]:
    """Word tests from a token pattern's mandatory tokens (LOWER or ORTH words, or a LOWER regex): an
    article where no word passes one of them cannot match, so the pattern's Matcher is not run there."""
    out = []
    for spec in pattern:
        if spec.get("OP", "1") not in ("1", "+"):
            continue
        for attr in ("LOWER", "ORTH"):
            value = spec.get(attr)
            words = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) else None
            if words:
                out.append(Anchor(words=frozenset(strings.add(w.lower()) for w in words)))
            elif isinstance(value, dict) and isinstance(value.get("REGEX"), str) and attr == "LOWER":
                out.append(Anchor(regex=re.compile(value["REGEX"])))
    return tuple(out)


# -- compositions ---------------------------------------------------------------------------------------


def can_hold(p: Pattern, article: Found) -> bool:
    """Whether `p` can hold anywhere in the article: each part of an `all` matched somewhere, one part of
    an `any`. The phrase parts are one set operation on what the index pass found; the costlier parts are
    tried after them, cheapest first."""
    if p.kind == "phrase":
        return p.key in article.found
    if p.key is not None:
        return bool(article.spans(p.key))
    if p.kind == "all":
        return p.phrase_keys <= article.found and all(can_hold(c, article) for c in p.others)
    if p.kind == "any":
        return not p.phrase_keys.isdisjoint(article.found) or any(can_hold(c, article) for c in p.others)
    return True  # `none`: its parts are tested where it stands


def needed_literals(p: Pattern, literals: dict[str, LiteralSets]) -> frozenset[tuple[str, ...]]:
    """Sets of strings the article must hold one of each for `p` to hold anywhere in it: those of the
    regexes of an `all` and of its parts, those every part of an `any` needs."""
    if p.kind == "regex":
        return frozenset(literals.get(p.key or "", ()))
    if p.kind == "all":
        return frozenset().union(*(needed_literals(c, literals) for c in p.parts))
    if p.kind == "any" and p.parts:
        return frozenset.intersection(*(needed_literals(c, literals) for c in p.parts))
    return frozenset()
