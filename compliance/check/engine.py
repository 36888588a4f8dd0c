"""The matching engine: rules × article tree → findings, in one pass over each article.

All rules of a language compile once: every word of every lemma phrase (expanded to its surface forms by
`morphology.py`; Uzbek and Kazakh words are stems) goes into one spaCy `PhraseMatcher` index, the rules'
own token patterns into one spaCy `Matcher`, plus lists of regular expressions and fuzzy phrases
(rapidfuzz). Each article is tokenised once and scanned once by each index; phrases are then assembled
from the word hits (words in order, at most `gap` tokens apart, never across a sentence end), so the cost
grows with the hits, not with the number of rules. Compositions (`all` / `any` / `none`, `unless`) are
evaluated per scope unit (sentence, part, article). Sanction phrases ride in the same index and are read
only inside the clause that states the penalty ("наказывается …", "влечет …").
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml
from rapidfuzz import fuzz

from ..models import Node
from ..rules import Condition, Rule, RuleError
from .morphology import forms, normalize, normalize_map

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


@dataclass(frozen=True)
class Phrase:
    """A lemma phrase compiled to word groups: each group is one word with its alternatives, in all forms."""

    key: str
    groups: tuple[int, ...]
    gap: int


@dataclass
class Compiled:
    language: str
    nlp: Any
    words: Any  # PhraseMatcher over lower-case forms: one key per word group
    stems: dict[str, set[int]]  # stem → word groups (Uzbek, Kazakh: prefix match)
    phrases: list[Phrase]
    tokens: Any  # one spaCy Matcher for every token-pattern leaf, run on an article only when asked
    leaf_ids: dict[int, str]  # id(Condition) → match key
    regexes: dict[str, re.Pattern[str]]
    fuzzies: dict[str, tuple[str, int]]
    sanction_keys: dict[str, str]  # match key → sanction type
    clause: re.Pattern[str] | None
    rules: list[Rule]
    stem_lengths: tuple[int, ...] = ()
    stop_orths: tuple[int, ...] = ()
    # lower-case form (hash) → word groups its stems belong to; filled as forms are met, kept across articles
    stem_cache: dict[int, tuple[int, ...]] = field(default_factory=dict)
    required: dict[str, frozenset[str]] = field(default_factory=dict)  # rule id → phrases that must match
    triggers: dict[str, frozenset[str] | None] = field(default_factory=dict)  # rule id → one of these must
    token_keys: frozenset[str] = frozenset()
    literals: dict[str, str] = field(default_factory=dict)  # regex key → a string every match contains


def _word_spec(word: str, language: str, stem: bool) -> dict[str, Any]:
    """A token spec for spaCy's Matcher: the word's forms (LOWER IN), or its stems (LOWER REGEX ^…)."""
    alternatives = [w for w in word.split("|") if w]
    if not stem:
        found = [forms(w, language) for w in alternatives]
        if all(f is not None for f in found):
            return {"LOWER": {"IN": sorted(set().union(*found))}}  # type: ignore[arg-type]
    stems = "|".join(re.escape(normalize(w, language).lower()) for w in alternatives)
    return {"LOWER": {"REGEX": f"^(?:{stems})"}}


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


class _Builder:
    """Collects word groups so that the same word (with the same alternatives) is indexed once."""

    def __init__(self, nlp: Any, language: str) -> None:
        from spacy.matcher import PhraseMatcher

        self.nlp, self.language = nlp, language
        self.words = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.stems: dict[str, set[int]] = {}
        self.groups: dict[tuple[str, bool], int] = {}

    def group(self, word: str, stem: bool) -> int:
        key = (word.lower(), stem)
        if key in self.groups:
            return self.groups[key]
        gid = self.groups[key] = len(self.groups)
        alternatives = [w for w in word.split("|") if w]
        found = [None if stem else forms(w, self.language) for w in alternatives]
        if all(f is not None for f in found):
            surface = sorted(set().union(*found))  # type: ignore[arg-type]
            self.words.add(f"w{gid}", [self.nlp.make_doc(f) for f in surface])
        else:
            for w in alternatives:
                self.stems.setdefault(normalize(w, self.language).lower(), set()).add(gid)
        return gid

    def phrase(self, key: str, text: str, gap: int, stem: bool | None) -> Phrase:
        as_stem = stem if stem is not None else self.language in ("uz-Latn", "kk")
        return Phrase(key, tuple(self.group(w, as_stem) for w in text.split()), gap)


def compile_rules(rules: list[Rule], language: str) -> Compiled:
    """Every rule of `language` into one word index, one token Matcher, regexes and fuzzy phrases."""
    import spacy
    from spacy.matcher import Matcher

    nlp = spacy.blank(SPACY_LANG.get(language, "xx"))
    build = _Builder(nlp, language)
    tokens = Matcher(nlp.vocab, validate=True)
    token_keys: set[str] = set()
    phrases: list[Phrase] = []
    leaf_ids: dict[int, str] = {}
    regexes: dict[str, re.Pattern[str]] = {}
    fuzzies: dict[str, tuple[str, int]] = {}
    active = [r for r in rules if language in r.patterns]
    seen_phrases: set[str] = set()
    required: dict[str, frozenset[str]] = {}
    triggers: dict[str, frozenset[str] | None] = {}
    literals: dict[str, str] = {}
    for rule in active:
        for leaf in rule.patterns[language].leaves():
            # Keys name the pattern's content, so a pattern shared by several rules is matched once.
            key = _leaf_key(leaf)
            leaf_ids[id(leaf)] = key
            if leaf.phrase is not None:
                if key not in seen_phrases:
                    seen_phrases.add(key)
                    phrases.append(build.phrase(key, leaf.phrase, leaf.gap, leaf.stem))
            elif leaf.tokens is not None:
                if key in token_keys:
                    continue
                token_keys.add(key)
                try:
                    tokens.add(key, [_token_pattern(leaf.tokens, language)])
                except ValueError as exc:  # spaCy refuses a malformed token pattern
                    raise RuleError(f"rules:{rule.id}: patterns.{language}: {str(exc).splitlines()[0]}") from None
            elif leaf.regex is not None:
                regexes[key] = re.compile(leaf.regex, re.IGNORECASE)
                literal = required_literal(leaf.regex)
                if literal:
                    literals[key] = literal
            elif leaf.fuzzy is not None:
                fuzzies[key] = (normalize(leaf.fuzzy, language).lower(), leaf.threshold)
        required[rule.id] = _required_phrases(rule.patterns[language], leaf_ids)
        triggers[rule.id] = _trigger_phrases(rule.patterns[language], leaf_ids)
    vocab = _sanction_vocab().get(language, {})
    sanction_keys: dict[str, str] = {}
    for kind, texts in (vocab.get("types") or {}).items():
        for i, text in enumerate(texts):
            key = f"sanction:{kind}:{i}"
            phrases.append(build.phrase(key, text, 0, None))
            sanction_keys[key] = kind
    clause = re.compile(vocab["clause"]) if vocab.get("clause") else None
    stem_lengths = tuple(sorted({len(s) for s in build.stems}))
    stop_orths = tuple(nlp.vocab.strings.add(p) for p in _SENTENCE_END)
    return Compiled(
        language, nlp, build.words, build.stems, phrases, tokens, leaf_ids, regexes, fuzzies, sanction_keys,
        clause, active, stem_lengths, stop_orths, required=required, triggers=triggers,
        token_keys=frozenset(token_keys), literals=literals,
    )


def required_literal(pattern: str) -> str | None:
    r"""The longest run of plain characters that every match of `pattern` contains (lower case), if any.

    A substring test on the article is far cheaper than a regular-expression scan, and most articles lack
    the literal; the scan then runs only where it can match (the prefilter trick of RE2 and Hyperscan).

    >>> required_literal(r"граждан\w*\s+Республики"), required_literal(r"(?:более|не\s+менее)\s+половин")
    ('республики', 'половин')
    """
    from re import _parser  # type: ignore[attr-defined]

    try:
        parsed = _parser.parse(pattern, re.IGNORECASE)
    except re.error:
        return None
    best, run = "", ""
    for op, arg in parsed:
        if op is _parser.LITERAL:
            run += chr(arg)
            continue
        best, run = max(best, run, key=len), ""
    best = max(best, run, key=len)
    return best.lower() if len(best) >= 3 else None


def _trigger_phrases(cond: Condition, leaf_ids: dict[int, str]) -> frozenset[str] | None:
    """Phrase patterns at least one of which must match for `cond` to hold; None when no phrase is
    necessary (a condition made only of regular expressions or token patterns is always evaluated)."""
    if cond.phrase is not None:
        return frozenset({leaf_ids[id(cond)]})
    if cond.all is not None:
        found = [t for t in (_trigger_phrases(c, leaf_ids) for c in cond.all) if t is not None]
        return min(found, key=len) if found else None
    if cond.any is not None:
        found = [_trigger_phrases(c, leaf_ids) for c in cond.any]
        return None if any(t is None for t in found) else frozenset().union(*found)  # type: ignore[arg-type]
    return None


def _leaf_key(leaf: Condition) -> str:
    if leaf.phrase is not None:
        return f"phrase:{leaf.gap}:{leaf.stem}:{leaf.phrase}"
    if leaf.tokens is not None:
        return "tokens:" + json.dumps(leaf.tokens, ensure_ascii=False, sort_keys=True)
    if leaf.regex is not None:
        return f"regex:{leaf.regex}"
    return f"fuzzy:{leaf.threshold}:{leaf.fuzzy}"


def _required_phrases(cond: Condition, leaf_ids: dict[int, str]) -> frozenset[str]:
    """Phrase patterns that must all match in an article for `cond` to hold there (its `all` chain).

    Found by the one index pass, they let a rule be skipped on an article without evaluating it, so that
    adding rules costs in proportion to the articles where their words occur."""
    if cond.phrase is not None:
        return frozenset({leaf_ids[id(cond)]})
    if cond.all is not None:
        return frozenset().union(*(_required_phrases(c, leaf_ids) for c in cond.all))
    if cond.any is not None and len(cond.any) == 1:
        return _required_phrases(cond.any[0], leaf_ids)
    return frozenset()


# -- matching -----------------------------------------------------------------------------------------


@dataclass
class ArticleMatches:
    """Matches in one article. Phrase and token matches are found eagerly (one index pass); regular
    expressions and fuzzy phrases only when an evaluation asks for them, since most compositions fail
    on a cheap word before they get there."""

    text: ArticleText
    leaves: dict[str, list[Span]] = field(default_factory=dict)
    fuzzy_scores: dict[str, float] = field(default_factory=dict)
    sanctions: list[tuple[str, Span]] = field(default_factory=list)
    compiled: Compiled | None = None
    norm: str = ""  # the matching text (normalised)
    back: list[int] | None = None  # offsets of `norm` characters in the article text, when they differ
    doc: Any = None  # the tokens, while the article is being evaluated (token patterns run on demand)
    evaluator: Any = None  # one per article: what it learns about conditions serves every rule
    _lazy_done: set[str] = field(default_factory=set)
    _lower: str | None = None

    @property
    def lower(self) -> str:
        if self._lower is None:
            self._lower = self.norm.lower()
        return self._lower

    def _to_original(self, span: Span) -> Span:
        return span if self.back is None else (self.back[span[0]], self.back[span[1] - 1] + 1)

    def spans(self, key: str) -> list[Span]:
        c = self.compiled
        if c is not None and key not in self._lazy_done and (key in c.regexes or key in c.fuzzies or key in c.token_keys):
            self._lazy_done.add(key)
            if key in c.token_keys:
                # The first token pattern asked for runs them all: one Matcher pass over the article.
                doc, strings = self.doc, c.nlp.vocab.strings
                for match_id, a, b in c.tokens(doc):
                    sp = self._to_original((doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)))
                    self.leaves.setdefault(strings[match_id], []).append(sp)
                self._lazy_done.update(c.token_keys)
            elif key in c.regexes:
                literal = c.literals.get(key)
                if literal and literal not in self.lower:  # the regex cannot match: skip the scan
                    return self.leaves.get(key, [])
                found = [m.span() for m in c.regexes[key].finditer(self.norm) if m.end() > m.start()]
                if found:
                    self.leaves[key] = [self._to_original(sp) for sp in found]
            else:
                phrase, threshold = c.fuzzies[key]
                res = fuzz.partial_ratio_alignment(phrase, self.lower, score_cutoff=threshold)
                if res is not None and res.dest_end > res.dest_start:
                    self.leaves[key] = [self._to_original((res.dest_start, res.dest_end))]
                    self.fuzzy_scores[key] = res.score / 100
        return self.leaves.get(key, [])


def _word_hits(compiled: Compiled, doc: Any) -> dict[int, list[int]]:
    """Token positions of every word group: one PhraseMatcher pass, plus a prefix lookup for stems
    (cached per distinct word form, so each form's prefixes are looked up once per run)."""
    hits: dict[int, list[int]] = {}
    strings = compiled.nlp.vocab.strings
    for match_id, start, _ in compiled.words(doc):
        hits.setdefault(int(strings[match_id][1:]), []).append(start)
    if compiled.stems:
        stems, lengths, cache = compiled.stems, compiled.stem_lengths, compiled.stem_cache
        for i, h in enumerate(doc.to_array("LOWER").tolist()):
            gids = cache.get(h)
            if gids is None:
                low = strings[h]
                gids = cache[h] = tuple(g for n in lengths if n <= len(low) for g in stems.get(low[:n], ()))
            for gid in gids:
                hits.setdefault(gid, []).append(i)
    for positions in hits.values():
        positions.sort()
    return hits


def _phrase_spans(phrase: Phrase, hits: dict[int, list[int]], stops: list[int]) -> list[tuple[int, int]]:
    """Token spans where the phrase's words follow each other with at most `gap` tokens between, never
    across a sentence end (`stops[i]` counts sentence-ending tokens before token i)."""
    lists = [hits.get(g) for g in phrase.groups]
    if any(not p for p in lists):
        return []
    out = []
    for first in lists[0]:  # type: ignore[union-attr]
        end = first
        for positions in lists[1:]:
            j = bisect_right(positions, end)  # type: ignore[arg-type]
            if j == len(positions) or positions[j] > end + 1 + phrase.gap:  # type: ignore[arg-type, index]
                break
            nxt = positions[j]  # type: ignore[index]
            if stops[nxt] != stops[end + 1]:
                break
            end = nxt
        else:
            out.append((first, end + 1))
    return out


def match_articles(compiled: Compiled, articles: Iterable[ArticleText]) -> Iterator[ArticleMatches]:
    """Every phrase and sanction phrase over every article: one tokenisation and one index pass each.
    Spans are offsets into each article's text. A generator: evaluate each article as it comes, then let
    its tokens go (`am.doc = None`), so that a huge law is never held tokenised whole."""
    pending: deque[tuple[ArticleText, tuple[str, list[int] | None]]] = deque()

    def feed() -> Iterator[str]:
        for art in articles:
            prep = normalize_map(art.text, compiled.language)
            pending.append((art, prep))
            yield prep[0]

    for doc in compiled.nlp.tokenizer.pipe(feed(), batch_size=64):
        art, (text, back) = pending.popleft()
        am = _match_one(compiled, art, doc)
        am.norm, am.back, am.doc = text, back, doc
        if back is not None:  # zero-width characters were dropped for matching: map spans back
            am.leaves = {k: [am._to_original(sp) for sp in v] for k, v in am.leaves.items()}
            am.sanctions = [(k, am._to_original(sp)) for k, sp in am.sanctions]
        am.sanctions = _in_clauses(am.sanctions, art.text, compiled.clause)
        yield am


def _match_one(compiled: Compiled, art: ArticleText, doc: Any) -> ArticleMatches:
    """Phrase and sanction spans of one article, as offsets into the matching text."""
    import numpy

    am = ArticleMatches(art, compiled=compiled)
    hits = _word_hits(compiled, doc)
    ends = numpy.isin(doc.to_array("ORTH"), compiled.stop_orths)
    stops = [0, *numpy.cumsum(ends).tolist()]
    for phrase in compiled.phrases:
        for start, end in _phrase_spans(phrase, hits, stops):
            span = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
            if phrase.key in compiled.sanction_keys:
                am.sanctions.append((compiled.sanction_keys[phrase.key], span))
            else:
                am.leaves.setdefault(phrase.key, []).append(span)
    return am


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
        self._possible: dict[int, bool] = {}

    def possible(self, cond: Condition) -> bool:
        """Whether `cond` can hold anywhere in the article (each `all` part matched somewhere, …): a cheap
        test that spares walking every sentence for rules whose words are not in the article."""
        key = id(cond)
        if key not in self._possible:
            leaf = self.c.leaf_ids.get(key)
            if leaf is not None:
                ok = bool(self.am.spans(leaf))
            elif cond.all is not None:
                ok = all(self.possible(c) for c in cond.all)
            elif cond.any is not None:
                ok = any(self.possible(c) for c in cond.any)
            else:
                ok = True
            self._possible[key] = ok
        return self._possible[key]

    def _within(self, scope: str, unit: Span) -> list[Span]:
        units = [u for u in self.units[scope] if u[0] < unit[1] and unit[0] < u[1]]
        return [(max(a, unit[0]), min(b, unit[1])) for a, b in units] or [unit]

    def holds(self, cond: Condition, unit: Span) -> list[Span] | None:
        """Evidence spans if `cond` holds somewhere in `unit` (within one unit of its scope), else None."""
        if not self.possible(cond):
            return None
        key = self.c.leaf_ids.get(id(cond))
        if key is not None:
            spans = [s for s in self.am.spans(key) if unit[0] <= s[0] and s[1] <= unit[1]]
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
            evidence: list[Span] = []
            for child in cond.all:  # stop at the first part that fails
                got = self.holds(child, unit)
                if got is None:
                    return None
                evidence.extend(got)
            return evidence
        if cond.any is not None:
            results = [r for r in (self.holds(c, unit) for c in cond.any) if r is not None]
            return [s for r in results for s in r] if results else None
        if cond.none is not None:
            return None if any(self.holds(c, unit) is not None for c in cond.none) else []
        return None


def evaluate(compiled: Compiled, rule: Rule, am: ArticleMatches) -> tuple[list[Span], float] | None:
    """Evidence spans and a match score (1.0 exact, lower for fuzzy matches) if the rule holds."""
    required = compiled.required.get(rule.id)
    if required and not all(key in am.leaves for key in required):
        return None
    triggers = compiled.triggers.get(rule.id)
    if triggers is not None and not any(key in am.leaves for key in triggers):
        return None
    if am.evaluator is None:
        am.evaluator = Evaluator(compiled, am)
    ev = am.evaluator
    ev.scores = []
    spans = ev.holds(rule.patterns[compiled.language], (0, len(am.text.text)))
    if spans is None:
        return None
    score = min(ev.scores) if ev.scores else 1.0
    return sorted(set(spans)), score
