"""Prefilters: cheap tests that tell which rules and patterns cannot hold in an article, so they are skipped.

Reads compiled `Pattern`s (and, at match time, what the index pass found in an article); produces
- each rule's triggers (phrases, or strings a regular expression requires, one of which must occur for
  the rule to hold) and a `RuleIndex` from triggers to rules, so that the rules evaluated on an article
  follow what it contains, not the number of rules; and each rule's `ways` to hold as set tests (its
  phrases found, its regexes' strings and its token patterns' words present), so that a triggered rule
  that cannot hold is dropped without walking its pattern;
- each regular expression's required strings (`literals.required_literals`), tested before it scans, all
  found in an article in one pass (`StringSet`);
- each token pattern's `Anchor`s: word tests some word of the article must pass before its Matcher runs;
- `can_hold`: whether a pattern can hold anywhere in an article, from what was found there.
Every prefilter only saves work: with all of them off, the same rules hold on the same articles.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

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


def may_match(sets: LiteralSets, present: frozenset[str]) -> bool:
    """Whether the article holds a string of each set a regex requires (`present`: the strings of the rules'
    regexes it holds, `StringSet.found_in`)."""
    return not any(map(present.isdisjoint, sets))  # no generator: it runs for every string test of every article


class StringSet:
    """Every string the regexes require, found in an article in one pass (an RE2 set of literals: testing
    each string with `in` cost a scan of the article per string). Pickled as its strings: the automaton
    is built on first use."""

    def __init__(self, strings: Iterable[str]) -> None:
        self.strings = tuple(sorted(set(strings)))
        self._set: Any = None

    def __getstate__(self) -> tuple[str, ...]:
        return self.strings

    def __setstate__(self, strings: tuple[str, ...]) -> None:
        self.__init__(strings)  # type: ignore[misc]

    def found_in(self, lower: str) -> frozenset[str]:
        """The strings that occur in `lower` (the article in lower case, as the strings are)."""
        if not self.strings:
            return frozenset()
        if self._set is None:
            import re2  # type: ignore[import-untyped]

            found = re2._re2.Set(re2._re2.RE2.Anchor.UNANCHORED, re2.Options())
            for string in self.strings:
                found.Add(re2.escape(string).encode("utf-8"))
            self._set = found if found.Compile() else False
        if self._set is False:  # RE2 refused the set: one scan per string, as a fallback
            return frozenset(s for s in self.strings if s in lower)
        return frozenset(self.strings[i] for i in self._set.Match(lower.encode("utf-8")))


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
    """Which rules (by position) an article's phrases and strings make worth evaluating: those with a way
    to hold whose phrases, strings and words the article has (each way listed under one of its phrases, or
    its first test, so an article touches only the ways of what it holds); rules with too many ways to
    list, by their triggers."""

    by_phrase: dict[str, list[int]] = field(default_factory=dict)
    by_literal: dict[str, list[int]] = field(default_factory=dict)  # a string a trigger regex requires
    always: list[int] = field(default_factory=list)  # rules without triggers
    ways_by_phrase: dict[str, list[tuple[int, Way]]] = field(default_factory=dict)
    ways_by_strings: dict[int, list[tuple[int, Way]]] = field(default_factory=dict)  # ways without phrases
    ways_by_words: dict[int, list[tuple[int, Way]]] = field(default_factory=dict)  # nor strings
    string_sets: list[LiteralSets] = field(default_factory=list)  # the regexes' required strings, each once
    string_bits: dict[str, int] = field(default_factory=dict)  # a string → the sets of `string_sets` holding it
    test_bits: list[int] = field(default_factory=list)  # a test of `string_sets` → the bits of its sets
    anchor_sets: list[tuple[Anchor, ...]] = field(default_factory=list)  # the token patterns' word tests, each once

    @classmethod
    def build(cls, roots: list[Pattern], literals: dict[str, LiteralSets],
              anchors: dict[str, tuple[Anchor, ...]]) -> RuleIndex:
        index = cls()
        tests = _Tests(literals, anchors)
        for i, root in enumerate(roots):
            found = _simple(ways(root, tests))
            if found is None:
                index._add_triggers(i, root, literals)
            for way in found or ():
                index._add_way(i, way)
        index.string_sets, index.anchor_sets = list(tests.strings), list(tests.words)
        index.string_bits, index.test_bits = _as_bits(index.string_sets)
        return index

    def _add_way(self, rule: int, way: Way) -> None:
        if way.phrases:  # the longest key: a phrase of more words, found in fewer articles
            self.ways_by_phrase.setdefault(max(way.phrases, key=lambda k: (len(k), k)), []).append((rule, way))
        elif way.strings:
            self.ways_by_strings.setdefault(min(way.strings), []).append((rule, way))
        else:
            self.ways_by_words.setdefault(min(way.words), []).append((rule, way))

    def _add_triggers(self, rule: int, root: Pattern, literals: dict[str, LiteralSets]) -> None:
        keys = triggers(root, literals)
        if keys is None:
            self.always.append(rule)
        for key in sorted(keys or ()):
            if key in literals:
                for lit in literals[key][0]:
                    self.by_literal.setdefault(lit, []).append(rule)
            else:
                self.by_phrase.setdefault(key, []).append(rule)

    def strings_met(self, present: frozenset[str]) -> list[bool]:
        """`may_match` of each of `string_sets`, told at once from the bits of the sets the strings an
        article holds (`present`) stand in."""
        held = 0
        for string in present.intersection(self.string_bits):
            held |= self.string_bits[string]
        return [held & need == need for need in self.test_bits]

    def candidates(self, found: frozenset[str], present: frozenset[str],
                   words_pass: Callable[[tuple[Anchor, ...]], bool]) -> list[int]:
        """Positions of the rules the article may hold, in order: those with a way to hold whose phrases it
        holds (`found`), and the strings its regexes require (of those it holds, `present`) and the words
        its token patterns require (`words_pass`), set tests where evaluating would walk the pattern; rules
        with too many ways, when one of their triggers is found."""
        out = set(self.always)
        for key in found.intersection(self.by_phrase):
            out.update(self.by_phrase[key])
        for lit in present.intersection(self.by_literal):
            out.update(self.by_literal[lit])
        strings_in = self.strings_met(present).__getitem__
        words_met: dict[int, bool] = {}  # each test once per article, whichever rules need it

        def words_in(g: int) -> bool:
            if g not in words_met:
                words_met[g] = words_pass(self.anchor_sets[g])
            return words_met[g]

        def add(entries: Iterable[tuple[int, Way]]) -> None:
            for rule, way in entries:
                if rule not in out and way.phrases <= found and all(map(strings_in, way.strings)) \
                        and all(map(words_in, way.words)):
                    out.add(rule)

        for key in found.intersection(self.ways_by_phrase):
            add(self.ways_by_phrase[key])
        for g, entries in self.ways_by_strings.items():
            if strings_in(g):
                add(entries)
        for g, entries in self.ways_by_words.items():
            if words_in(g):
                add(entries)
        return sorted(out)


def _as_bits(tests: list[LiteralSets]) -> tuple[dict[str, int], list[int]]:
    """Each set of strings of the string tests as a bit: the bits of the sets that hold each string, and the
    bits of each test's sets. A test passes where the strings an article holds cover its bits (`may_match`)."""
    holding: dict[str, int] = {}
    needs = []
    bit = 1
    for sets in tests:
        need = 0
        for strings in sets:
            for string in strings:
                holding[string] = holding.get(string, 0) | bit
            need |= bit
            bit <<= 1
        needs.append(need)
    return holding, needs


class Way(NamedTuple):
    """One way a pattern can hold: these phrases found, the strings of these regex tests present, the
    words of these token pattern tests present."""

    phrases: frozenset[str]
    strings: frozenset[int] = frozenset()
    words: frozenset[int] = frozenset()


class _Tests:
    """Numbers the regexes' string tests and the token patterns' word tests: the same test, whichever
    patterns need it, is tried once per article."""

    def __init__(self, literals: dict[str, LiteralSets], anchors: dict[str, tuple[Anchor, ...]]) -> None:
        self.literals, self.anchors = literals, anchors
        self.strings: dict[LiteralSets, int] = {}
        self.words: dict[tuple[Anchor, ...], int] = {}

    def way(self, p: Pattern) -> Way:
        """The way a leaf holds, as far as sets tell."""
        if p.kind == "phrase":
            assert p.key is not None
            return Way(frozenset({p.key}))
        if p.kind == "regex" and p.key in self.literals:
            return Way(frozenset(), strings=frozenset({self.strings.setdefault(self.literals[p.key], len(self.strings))}))
        if p.kind == "tokens" and self.anchors.get(p.key or ""):
            found = self.anchors[p.key or ""]
            return Way(frozenset(), words=frozenset({self.words.setdefault(found, len(self.words))}))
        return _ANY  # fuzzy phrases, regexes without required strings: not told by sets


_ANY = Way(frozenset())  # holds as far as sets tell
_WAYS_MAX = 64  # ways per rule kept; a rule with more is evaluated wherever it is triggered


def ways(p: Pattern, tests: _Tests) -> list[Way] | None:
    """The ways `p` can hold anywhere in an article (`can_hold` as alternatives of set tests: each part of
    an `all`, one part of an `any`); None when there are more than `_WAYS_MAX`."""
    if p.key is not None:
        return [tests.way(p)]
    if p.kind == "none":
        return [_ANY]  # tested where it stands
    out = [_ANY] if p.kind == "all" else []
    for part in p.parts:
        sub = ways(part, tests)
        if sub is None:
            return None
        if p.kind == "all":
            out = [Way(a.phrases | b.phrases, a.strings | b.strings, a.words | b.words) for a in out for b in sub]
        else:
            out.extend(sub)
        out = list(dict.fromkeys(out))
        if len(out) > _WAYS_MAX:
            return None
    return out


def _simple(found: list[Way] | None) -> list[Way] | None:
    """None for a rule one of whose ways needs nothing: it can hold in any article."""
    return None if found is None or _ANY in found else found


# -- token patterns: word anchors --------------------------------------------------------------------------


@dataclass(frozen=True)
class Anchor:
    """A test one word of an article must pass for a token pattern to match there: one of `words` (LOWER
    hashes), or a match of `regex`. A regex's verdict on a word is worked out once (`learn`)."""

    words: frozenset[int] | None = None
    regex: re.Pattern[str] | None = None
    passing: set[int] = field(default_factory=set, compare=False, hash=False, repr=False)  # words the regex matches

    def learn(self, words: Iterable[int], strings: Any) -> None:
        """The regex's verdict on `words` (LOWER hashes; `strings` spells them), words no article showed it."""
        assert self.regex is not None
        search = self.regex.search
        self.passing.update(h for h in words if search(strings[h]))

    def met(self, words: frozenset[int]) -> bool:
        """Whether one of the article's distinct words (LOWER hashes) passes; a regex knows its verdict on
        each of them (`Compiled.learn`)."""
        if self.words is not None:
            return not self.words.isdisjoint(words)
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
