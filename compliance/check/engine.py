"""The matching engine: rules × article tree → findings, in one pass over each article.

All rules of a language compile once into one spaCy `Matcher` (lemma phrases and token patterns, with
lemmas expanded to surface forms by `morphology.py`), a list of regular expressions and a list of fuzzy
phrases (rapidfuzz). Each article is tokenised once; every leaf pattern's matches become character spans
in the article text; compositions (`all` / `any` / `none`, `unless`) are then evaluated per scope unit
(sentence, part, article). Sanction phrases ride in the same Matcher, read only inside the clause that
states the penalty ("наказывается …", "влечет …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml
from rapidfuzz import fuzz

from ..models import Node
from ..rules import Condition, Rule, RuleError
from .morphology import forms, normalize

Span = tuple[int, int]
SPACY_LANG = {"ru": "ru", "en": "en", "uz-Latn": "xx", "kk": "xx"}
_SENTENCE_END = [".", ";", "!", "?"]
_SCOPE_RANK = {"sentence": 0, "part": 1, "article": 2}


# -- article text -------------------------------------------------------------------------------------


@dataclass
class ArticleText:
    """The text a finding quotes: heading line, then each unit's label and text, one line each."""

    node: Node
    text: str
    parts: list[tuple[int, int, Node]]  # top-level units (the article's own text is a part of its own)
    sentences: list[Span]
    owners: list[tuple[int, int, Node]]  # every unit's line: which node a span falls in


def article_text(article: Node) -> ArticleText:
    lines: list[str] = []
    owners: list[tuple[int, int, Node]] = []
    pos = 0

    def add(line: str, node: Node) -> tuple[int, int]:
        nonlocal pos
        start = pos
        lines.append(line)
        owners.append((start, start + len(line), node))
        pos += len(line) + 1
        return start, start + len(line)

    head = " ".join(p for p in (article.label, article.heading) if p)
    if head:
        add(head, article)
    parts: list[tuple[int, int, Node]] = []
    if article.text:
        s, e = add(article.text, article)
        parts.append((s, e, article))

    def walk(node: Node) -> tuple[int, int]:
        line = " ".join(p for p in (node.label, node.text) if p)
        s, e = add(line, node) if line else (pos, pos)
        for child in node.children:
            _, e = walk(child)
        return s, e

    for child in article.children:
        s, e = walk(child)
        parts.append((s, e, child))
    text = "\n".join(lines)
    return ArticleText(article, text, parts, _sentences(text), owners)


_SENT = re.compile(r"\n|(?<=[.!?])\s+(?=[«\"(A-ZА-ЯЁІӘҒҚҢӨҰҮҺ0-9])")


def _sentences(text: str) -> list[Span]:
    out, start = [], 0
    for m in _SENT.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


# -- compiling ----------------------------------------------------------------------------------------


@dataclass
class Compiled:
    language: str
    nlp: Any
    matcher: Any
    leaf_ids: dict[int, str]  # id(Condition) → match key
    regexes: list[tuple[str, re.Pattern[str]]]
    fuzzies: list[tuple[str, str, int]]
    sanction_keys: dict[str, str]  # match key → sanction type
    clause: re.Pattern[str] | None
    rules: list[Rule]


def _word_spec(word: str, language: str, stem: bool) -> dict[str, Any]:
    alternatives = [w for w in word.split("|") if w]
    if not stem:
        found = [forms(w, language) for w in alternatives]
        if all(f is not None for f in found):
            union = sorted(set().union(*found))  # type: ignore[arg-type]
            return {"LOWER": {"IN": union}}
    stems = "|".join(re.escape(normalize(w, language).lower()) for w in alternatives)
    return {"LOWER": {"REGEX": f"^(?:{stems})"}}


def phrase_pattern(phrase: str, language: str, gap: int, stem: bool | None = None) -> list[dict[str, Any]]:
    """A lemma phrase as a spaCy Matcher pattern: each word in any form, up to `gap` tokens between words
    (but never across the end of a sentence), so that inserted list items do not break the phrase.

    >>> phrase_pattern("social|national discord", "en", 3)[1]
    {'TEXT': {'NOT_IN': ['.', ';', '!', '?']}, 'OP': '{0,3}'}
    """
    as_stem = stem if stem is not None else language in ("uz-Latn", "kk")
    pattern: list[dict[str, Any]] = []
    for i, word in enumerate(phrase.split()):
        if i and gap:
            pattern.append({"TEXT": {"NOT_IN": _SENTENCE_END}, "OP": f"{{0,{gap}}}"})
        pattern.append(_word_spec(word, language, as_stem))
    return pattern


def _token_pattern(tokens: list[dict[str, Any]], language: str) -> list[dict[str, Any]]:
    """A rule's token pattern with LEMMA rewritten to the lemma's surface forms (no tagger is loaded)."""
    out = []
    for spec in tokens:
        spec = dict(spec)
        lemma = spec.pop("LEMMA", None)
        if lemma is not None:
            words = lemma["IN"] if isinstance(lemma, dict) else [lemma]
            spec.update(_word_spec("|".join(words), language, language in ("uz-Latn", "kk")))
        out.append(spec)
    return out


@cache
def _sanction_vocab() -> dict[str, Any]:
    return yaml.safe_load(resources.files("compliance").joinpath("vocab/sanctions.yaml").read_text("utf-8"))


def compile_rules(rules: list[Rule], language: str) -> Compiled:
    import spacy
    from spacy.matcher import Matcher

    nlp = spacy.blank(SPACY_LANG.get(language, "xx"))
    matcher = Matcher(nlp.vocab, validate=True)
    leaf_ids: dict[int, str] = {}
    regexes: list[tuple[str, re.Pattern[str]]] = []
    fuzzies: list[tuple[str, str, int]] = []
    active = [r for r in rules if language in r.patterns]
    for rule in active:
        for n, leaf in enumerate(rule.patterns[language].leaves()):
            key = f"{rule.id}#{n}"
            leaf_ids[id(leaf)] = key
            try:
                if leaf.phrase is not None:
                    matcher.add(key, [phrase_pattern(leaf.phrase, language, leaf.gap, leaf.stem)])
                elif leaf.tokens is not None:
                    matcher.add(key, [_token_pattern(leaf.tokens, language)])
                elif leaf.regex is not None:
                    regexes.append((key, re.compile(leaf.regex, re.IGNORECASE)))
                elif leaf.fuzzy is not None:
                    fuzzies.append((key, normalize(leaf.fuzzy, language).lower(), leaf.threshold))
            except ValueError as exc:  # spaCy refuses a malformed token pattern
                raise RuleError(f"rules:{rule.id}: patterns.{language}: {str(exc).splitlines()[0]}") from None
    vocab = _sanction_vocab().get(language, {})
    sanction_keys: dict[str, str] = {}
    for kind, phrases in (vocab.get("types") or {}).items():
        key = f"sanction:{kind}"
        matcher.add(key, [phrase_pattern(p, language, 0) for p in phrases])
        sanction_keys[key] = kind
    clause = re.compile(vocab["clause"]) if vocab.get("clause") else None
    return Compiled(language, nlp, matcher, leaf_ids, regexes, fuzzies, sanction_keys, clause, active)


# -- matching -----------------------------------------------------------------------------------------


@dataclass
class ArticleMatches:
    text: ArticleText
    leaves: dict[str, list[Span]] = field(default_factory=dict)
    fuzzy_scores: dict[str, float] = field(default_factory=dict)
    sanctions: list[tuple[str, Span]] = field(default_factory=list)


def match_articles(compiled: Compiled, articles: list[ArticleText]) -> list[ArticleMatches]:
    """Every leaf pattern and sanction phrase over every article: one tokenisation, one Matcher pass each."""
    norm = [normalize(a.text, compiled.language) for a in articles]
    docs = compiled.nlp.tokenizer.pipe(norm, batch_size=256)
    strings = compiled.nlp.vocab.strings
    out = []
    for art, text, doc in zip(articles, norm, docs, strict=True):
        am = ArticleMatches(art)
        lower = text.lower()
        for match_id, start, end in compiled.matcher(doc):
            key = strings[match_id]
            span = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
            if key in compiled.sanction_keys:
                am.sanctions.append((compiled.sanction_keys[key], span))
            else:
                am.leaves.setdefault(key, []).append(span)
        for key, pattern in compiled.regexes:
            spans = [m.span() for m in pattern.finditer(text) if m.end() > m.start()]
            if spans:
                am.leaves[key] = spans
        for key, phrase, threshold in compiled.fuzzies:
            res = fuzz.partial_ratio_alignment(phrase, lower, score_cutoff=threshold)
            if res is not None:
                am.leaves[key] = [(res.dest_start, res.dest_end)]
                am.fuzzy_scores[key] = res.score / 100
        am.sanctions = _in_clauses(am.sanctions, text, compiled.clause)
        out.append(am)
    return out


def _in_clauses(found: list[tuple[str, Span]], text: str, clause: re.Pattern[str] | None) -> list[tuple[str, Span]]:
    """Keep sanction phrases that stand in a penalty clause (from "наказывается" to the end of its line);
    one per place, the longest (so "лишением права занимать" is not also "лишение свободы")."""
    if clause is None:
        return []
    regions = []
    for m in clause.finditer(text):
        end = text.find("\n", m.end())
        regions.append((m.start(), len(text) if end < 0 else end))
    kept: list[tuple[str, Span]] = []
    for kind, (s, e) in sorted(found, key=lambda x: (x[1][0], -(x[1][1] - x[1][0]))):
        if not any(a <= s and e <= b for a, b in regions):
            continue
        if kept and s < kept[-1][1][1]:
            continue
        kept.append((kind, (s, e)))
    return kept


# -- evaluating compositions ----------------------------------------------------------------------------


class Evaluator:
    def __init__(self, compiled: Compiled, am: ArticleMatches) -> None:
        self.c = compiled
        self.am = am
        whole = (0, len(am.text.text))
        self.units: dict[str, list[Span]] = {
            "article": [whole],
            "part": [(s, e) for s, e, _ in am.text.parts] or [whole],
            "sentence": am.text.sentences or [whole],
        }
        self.scores: list[float] = []

    def _within(self, scope: str, unit: Span) -> list[Span]:
        units = [u for u in self.units[scope] if u[0] < unit[1] and unit[0] < u[1]]
        return [(max(a, unit[0]), min(b, unit[1])) for a, b in units] or [unit]

    def holds(self, cond: Condition, unit: Span) -> list[Span] | None:
        """Evidence spans if `cond` holds somewhere in `unit` (within one unit of its scope), else None."""
        key = self.c.leaf_ids.get(id(cond))
        if key is not None:
            spans = [s for s in self.am.leaves.get(key, []) if unit[0] <= s[0] and s[1] <= unit[1]]
            if not spans or self._excepted(cond, unit):
                return None
            self.scores.append(self.am.fuzzy_scores.get(key, 1.0))
            return spans
        evidence: list[Span] = []
        found = False
        for sub in self._within(cond.scope, unit):
            got = self._compose(cond, sub)
            if got is not None and not self._excepted(cond, sub):
                found = True
                evidence.extend(got)
        return evidence if found else None

    def _excepted(self, cond: Condition, unit: Span) -> bool:
        return any(self.holds(u, unit) is not None for u in cond.unless or [])

    def _compose(self, cond: Condition, unit: Span) -> list[Span] | None:
        if cond.all is not None:
            results = [self.holds(c, unit) for c in cond.all]
            return None if any(r is None for r in results) else [s for r in results for s in r or []]
        if cond.any is not None:
            results = [r for r in (self.holds(c, unit) for c in cond.any) if r is not None]
            return [s for r in results for s in r] if results else None
        if cond.none is not None:
            return None if any(self.holds(c, unit) is not None for c in cond.none) else []
        return None


def evaluate(compiled: Compiled, rule: Rule, am: ArticleMatches) -> tuple[list[Span], float] | None:
    """Evidence spans and a match score (1.0 exact, lower for fuzzy matches) if the rule holds."""
    ev = Evaluator(compiled, am)
    spans = ev.holds(rule.patterns[compiled.language], (0, len(am.text.text)))
    if spans is None:
        return None
    score = min(ev.scores) if ev.scores else 1.0
    return sorted(set(spans)), score
