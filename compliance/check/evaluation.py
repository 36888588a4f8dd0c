"""Evaluating: a rule's pattern × an article's matches → the evidence spans and score if the rule holds.

Reads a `Compiled` rule set and an `ArticleMatches` (`match.py`); produces, per rule and article, the
evidence spans (offsets into the article text) and a match score (1.0 exact, lower for fuzzy matches),
or None. Compositions (`all` / `any` / `none`) hold within one unit of their scope (sentence, part,
article). An `unless` exception removes the clause that holds it (`clauses.py`): the pattern must then
hold on what is left of the unit. `candidate_rules` gives the rules worth evaluating on an article
(`prefilter.RuleIndex`).
"""

from __future__ import annotations

from ..rules import Rule
from .clauses import excepted_stretches
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
        self.units: dict[str, list[Span]] = {"article": [(0, len(am.text.text))]}  # parts, sentences: on first ask
        self.scores: list[float] = []  # the scores of the leaves that held, for the rule being evaluated
        self.masked: list[Span] = []  # clauses removed by an exception: no leaf holds inside them
        self._possible: dict[int, bool] = {}  # pattern number → whether it can hold in the article

    def evidence(self, rule: Rule) -> list[Span] | None:
        """The evidence spans of `rule` in the whole article, in the order found, if it holds (a conflict or
        concern: not in the heading alone, `_in_heading`)."""
        self.scores = []
        spans = self.holds(self.compiled.patterns[rule.id], (0, len(self.am.text.text)))
        if spans is not None and rule.kind in ("conflict", "concern") and _in_heading(self.am, spans):
            return None
        return spans

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
            spans = self._leaf(p.key, unit)
            if spans and p.unless:
                removed = self._exceptions(p, unit)
                spans = [] if removed is None else [s for s in spans if not _inside_any(s, removed)]
            if not spans:
                return None
            self.scores.append(self.am.fuzzy_scores.get(p.key, 1.0))
            return spans
        evidence: list[Span] = []
        found = False
        for sub in self._within(p.scope, unit):
            got = self._compose(p, sub)
            if got is not None and p.unless:
                got = self._after_exceptions(p, sub, got)
            if got is not None:
                found = True
                evidence.extend(got)
        return evidence if found else None

    def _leaf(self, key: str, unit: Span) -> list[Span]:
        return [
            s for s in self.am.spans(key)
            if unit[0] <= s[0] and s[1] <= unit[1] and not _inside_any(s, self.masked)
            and not self.am.text.crosses_head(s)
        ]

    def _exceptions(self, p: Pattern, unit: Span) -> list[Span] | None:
        """The clauses of `unit` the exceptions of `p` remove ([] when none holds); None when one holds in
        the unit's head, which qualifies the whole unit."""
        found = [s for u in p.unless for s in (self.holds(u, unit) or [])]
        if not found:
            return []
        if p.condition.unless_in == "scope":
            return None
        return excepted_stretches(self.am, unit, found)

    def _after_exceptions(self, p: Pattern, unit: Span, got: list[Span]) -> list[Span] | None:
        """The composition's evidence once the clauses its exceptions hold in are removed, if it still holds."""
        removed = self._exceptions(p, unit)
        if removed is None:
            return None
        if not removed:
            return got
        saved = self.masked
        self.masked = saved + removed
        try:
            return self._compose(p, unit)
        finally:
            self.masked = saved

    def _within(self, scope: str, unit: Span) -> list[Span]:
        """The units of `scope` that overlap `unit`, cut to it (`unit` itself if none)."""
        units = [u for u in self._units(scope) if u[0] < unit[1] and unit[0] < u[1]]
        return [(max(a, unit[0]), min(b, unit[1])) for a, b in units] or [unit]

    def _units(self, scope: str) -> list[Span]:
        """The article's units of `scope`, worked out when a composition first asks: most rules evaluated
        on an article fail on a word before any asks for its sentences."""
        if scope not in self.units:
            assert scope in ("part", "sentence"), scope
            text = self.am.text
            found = [(s, e) for s, e, _ in text.parts] if scope == "part" else text.sentences
            self.units[scope] = found or [(0, len(text.text))]
        return self.units[scope]

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
            return None if any(self._in_body(self.holds(c, unit)) for c in p.parts) else []
        return None

    def _in_body(self, got: list[Span] | None) -> bool:
        """Whether a condition held somewhere other than the article's heading alone. The heading names the
        subject, the body what the law provides: an article headed "Вовлечение несовершеннолетнего …" whose
        body protects only those under sixteen is not saved by its heading's word for every minor."""
        return got is not None and (not got or not _in_heading(self.am, got))


def _inside_any(span: Span, stretches: list[Span]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in stretches)


def candidate_rules(compiled: Compiled, am: ArticleMatches) -> list[Rule]:
    """The rules worth evaluating on an article, in rule order: those one of whose triggers it holds,
    and those without triggers."""
    return [compiled.rules[i] for i in compiled.index.candidates(am.found, am.strings, am.words_pass)]


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


def _in_heading(am: ArticleMatches, spans: list[Span]) -> bool:
    """Whether every evidence span lies in the article's heading. A heading names what the body says; a
    conflict or concern needs the body to say it. So the title of a body an exception took out ("Extremist
    group for terrorist acts" over an offence of terrorism) flags nothing by itself."""
    head = am.text.head
    return head is not None and all(head[0] <= s and e <= head[1] for s, e in spans)
