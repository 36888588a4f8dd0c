"""Evaluating: a rule's pattern × an article's matches → the evidence spans and score if the rule holds.

Reads a `Compiled` rule set and an `ArticleMatches` (`match.py`); produces, per rule and article, the
evidence spans (offsets into the article text) and a match score (1.0 exact, lower for fuzzy matches),
or None. Compositions (`all` / `any` / `none`) hold within one unit of their scope (sentence, part,
article); an `unless` exception that holds in the same unit cancels them. `candidate_rules` gives the
rules worth evaluating on an article (`prefilter.RuleIndex`).
"""

from __future__ import annotations

from ..rules import Rule
from .compile import Compiled
from .match import ArticleMatches
from .patterns import Pattern
from .prefilter import can_hold
from .text import Span


class Evaluator:
    """Evaluates patterns on one article; what it learns about a pattern there serves every rule."""

    def __init__(self, compiled: Compiled, am: ArticleMatches) -> None:
        self.compiled = compiled
        self.am = am
        whole = (0, len(am.text.text))
        self.units: dict[str, list[Span]] = {
            "article": [whole],
            "part": [(s, e) for s, e, _ in am.text.parts] or [whole],
            "sentence": am.text.sentences or [whole],
        }
        self.scores: list[float] = []  # the scores of the leaves that held, for the rule being evaluated
        self._possible: dict[int, bool] = {}  # pattern number → whether it can hold in the article

    def evidence(self, rule: Rule) -> list[Span] | None:
        """The evidence spans of `rule` in the whole article, in the order found, if it holds."""
        self.scores = []
        return self.holds(self.compiled.patterns[rule.id], (0, len(self.am.text.text)))

    def possible(self, p: Pattern) -> bool:
        """Whether `p` can hold anywhere in the article: spares walking every sentence for rules whose
        words are not in the article."""
        if p.number not in self._possible:
            self._possible[p.number] = can_hold(p, self.am)
        return self._possible[p.number]

    def holds(self, p: Pattern, unit: Span) -> list[Span] | None:
        """Evidence spans if `p` holds somewhere in `unit` (within one unit of its scope), else None."""
        if not self.possible(p):
            return None
        if p.key is not None:
            spans = [s for s in self.am.spans(p.key) if unit[0] <= s[0] and s[1] <= unit[1]]
            if not spans or self._excepted(p, unit):
                return None
            self.scores.append(self.am.fuzzy_scores.get(p.key, 1.0))
            return spans
        evidence: list[Span] = []
        found = False
        for sub in self._within(p.scope, unit):
            got = self._compose(p, sub)
            if got is not None and not self._excepted(p, sub):
                found = True
                evidence.extend(got)
        return evidence if found else None

    def _within(self, scope: str, unit: Span) -> list[Span]:
        """The units of `scope` that overlap `unit`, cut to it (`unit` itself if none)."""
        units = [u for u in self.units[scope] if u[0] < unit[1] and unit[0] < u[1]]
        return [(max(a, unit[0]), min(b, unit[1])) for a, b in units] or [unit]

    def _excepted(self, p: Pattern, unit: Span) -> bool:
        return any(self.holds(u, unit) is not None for u in p.unless)

    def _compose(self, p: Pattern, unit: Span) -> list[Span] | None:
        if p.kind == "all":
            evidence: list[Span] = []
            for part in p.parts:  # stop at the first part that fails
                got = self.holds(part, unit)
                if got is None:
                    return None
                evidence.extend(got)
            return evidence
        if p.kind == "any":
            results = [r for r in (self.holds(c, unit) for c in p.parts) if r is not None]
            return [s for r in results for s in r] if results else None
        if p.kind == "none":
            return None if any(self.holds(c, unit) is not None for c in p.parts) else []
        return None


def candidate_rules(compiled: Compiled, am: ArticleMatches) -> list[Rule]:
    """The rules worth evaluating on an article, in rule order: those one of whose triggers it holds,
    and those without triggers."""
    return [compiled.rules[i] for i in compiled.index.candidates(am.found, am.has)]


def evaluate(compiled: Compiled, rule: Rule, am: ArticleMatches) -> tuple[list[Span], float] | None:
    """Evidence spans (sorted, each once) and a match score (the lowest of the leaves that held) if the
    rule holds on the article."""
    if am.evaluator is None:
        am.evaluator = Evaluator(compiled, am)
    ev: Evaluator = am.evaluator
    spans = ev.evidence(rule)
    if spans is None:
        return None
    score = min(ev.scores) if ev.scores else 1.0
    return sorted(set(spans)), score
