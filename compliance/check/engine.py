"""The matching engine: rules × article tree → findings, in one pass over each article.

All rules of a language compile once: every word of every lemma phrase (expanded to its surface forms by
`morphology.py`; Uzbek and Kazakh words are stems) goes into one spaCy `PhraseMatcher` index; each token
pattern gets a spaCy `Matcher`, run only where the article holds its words; regular expressions run only
where the article holds a literal they require; fuzzy phrases use rapidfuzz. Each article is tokenised
once and scanned once by the word index; phrases are then assembled from the word hits (words in order,
at most `gap` tokens apart, never across a sentence end), and only the rules one of whose trigger phrases
was found are evaluated, so the cost grows with the hits, not with the number of rules. Compositions
(`all` / `any` / `none`, `unless`) are evaluated per scope unit (sentence, part, article). Sanction phrases ride in the same index and are read
only inside the clause that states the penalty ("наказывается …", "влечет …").
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import repeat
from typing import Any, NamedTuple

import yaml
from rapidfuzz import fuzz

from ..literals import required_literals
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


class FamilyStart(NamedTuple):
    """The phrases of one family (same tail) whose first word has a given alternative."""

    family: int
    members: list[tuple[tuple[int, ...], int, int]]  # (the first word's other alternatives, its group, phrase)
    phrases: tuple[int, ...]  # the members' phrase indexes
    others: frozenset[int]  # every member's other alternatives: when none occurs, all share one assembly

    @classmethod
    def of(cls, family: int, members: list[tuple[tuple[int, ...], int, int]]) -> FamilyStart:
        others = frozenset(o for alternatives, _, _ in members for o in alternatives)
        return cls(family, members, tuple(i for _, _, i in members), others)


@dataclass
class Compiled:
    language: str
    nlp: Any
    words: Any  # PhraseMatcher over lower-case forms: one key per alternative word
    stems: dict[str, set[int]]  # stem → alternatives (Uzbek, Kazakh: prefix match)
    phrases: list[Phrase]
    # token-pattern key → the spaCy Matcher of the patterns with the same word tests (see `_anchors`), run
    # on an article only when one of them is asked for and the article passes their tests
    tokens: dict[str, Any]
    leaf_ids: dict[int, str]  # id(Condition) → match key
    regexes: dict[str, re.Pattern[str]]
    fuzzies: dict[str, tuple[str, int]]
    sanction_keys: dict[str, str]  # match key → sanction type
    clause: re.Pattern[str] | None
    rules: list[Rule]
    stem_lengths: tuple[int, ...] = ()
    stop_orths: tuple[int, ...] = ()
    # lower-case form (hash) → alternatives its stems belong to; filled as forms are met, kept across articles
    stem_cache: dict[int, tuple[int, ...]] = field(default_factory=dict)
    group_alts: list[tuple[int, ...]] = field(default_factory=list)  # word group → its alternatives
    # id(Condition) → whether it can hold anywhere in an article (see `_quick_tests`)
    quick: dict[int, Callable[[ArticleMatches], bool]] = field(default_factory=dict)
    # rule id → phrase keys and literal strings one of which must occur in an article for the rule to hold
    triggers: dict[str, frozenset[str] | None] = field(default_factory=dict)
    token_keys: frozenset[str] = frozenset()
    token_groups: dict[str, tuple[str, ...]] = field(default_factory=dict)  # key → keys sharing its Matcher
    # token-pattern key → word tests each of which some word of the article must pass for it to match
    token_anchors: dict[str, list[Anchor]] = field(default_factory=dict)
    # Phrases with the same gap and the same words after the first form a family (a word's variants, rules
    # sharing a phrase tail): each family is (gap, the groups after the first).
    families: list[tuple[int, tuple[int, ...]]] = field(default_factory=list)
    by_first: dict[int, list[FamilyStart]] = field(default_factory=dict)  # alternative → families it starts
    by_trigger: dict[str, list[int]] = field(default_factory=dict)  # phrase key → rules it triggers
    by_literal: dict[str, list[int]] = field(default_factory=dict)  # literal a regex requires → rules
    untriggered: list[int] = field(default_factory=list)  # rules evaluated on every article
    # regex key → sets of strings: every match holds one string of each set (most selective set first)
    literals: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)


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
    """Collects word groups and their alternatives so that the same word is indexed once.

    The index is kept per alternative ("профсоюз" in "профсоюз|объединение"), not per group: the same word
    stands in many groups (other alternatives, other rules), and each of its forms is matched and its
    positions listed once per article, whatever the number of groups and rules using it."""

    def __init__(self, nlp: Any, language: str) -> None:
        from spacy.matcher import PhraseMatcher

        self.nlp, self.language = nlp, language
        self.words = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.stems: dict[str, set[int]] = {}
        self.alts: dict[tuple[str, bool], int] = {}
        self.groups: dict[tuple[str, bool], int] = {}
        self.group_alts: list[tuple[int, ...]] = []

    def alternative(self, word: str, stem: bool, found: frozenset[str] | None) -> int:
        key = (word.lower(), stem)
        if key not in self.alts:
            aid = self.alts[key] = len(self.alts)
            if stem:
                self.stems.setdefault(normalize(word, self.language).lower(), set()).add(aid)
            else:
                self.words.add(f"w{aid}", [self.nlp.make_doc(f) for f in sorted(found or ())])
        return self.alts[key]

    def group(self, word: str, stem: bool) -> int:
        key = (word.lower(), stem)
        if key in self.groups:
            return self.groups[key]
        gid = self.groups[key] = len(self.groups)
        alternatives = [w for w in word.split("|") if w]
        found = [None if stem else forms(w, self.language) for w in alternatives]
        # a group is matched by its forms, or, when a word of it has none (or stems are asked), by stems
        as_stem = not all(f is not None for f in found)
        self.group_alts.append(tuple(self.alternative(w, as_stem, f) for w, f in zip(alternatives, found, strict=True)))
        return gid

    def phrase(self, key: str, text: str, gap: int, stem: bool | None) -> Phrase:
        as_stem = stem if stem is not None else self.language in ("uz-Latn", "kk")
        return Phrase(key, tuple(self.group(w, as_stem) for w in text.split()), gap)


def compile_rules(rules: list[Rule], language: str) -> Compiled:
    """Every rule of `language` into one word index, token Matchers, regexes and fuzzy phrases."""
    import spacy
    from spacy.matcher import Matcher

    nlp = spacy.blank(SPACY_LANG.get(language, "xx"))
    build = _Builder(nlp, language)
    tokens: dict[str, Any] = {}
    token_anchors: dict[str, list[Anchor]] = {}
    anchor_pool: dict[object, Anchor] = {}  # one Anchor per distinct test, shared by the patterns that need it
    matchers: dict[tuple[int, ...], Any] = {}
    members: dict[tuple[int, ...], list[str]] = {}
    token_keys: set[str] = set()
    phrases: list[Phrase] = []
    leaf_ids: dict[int, str] = {}
    regexes: dict[str, re.Pattern[str]] = {}
    fuzzies: dict[str, tuple[str, int]] = {}
    active = [r for r in rules if language in r.patterns]
    seen_phrases: set[str] = set()
    quick: dict[int, Callable[[ArticleMatches], bool]] = {}
    triggers: dict[str, frozenset[str] | None] = {}
    literals: dict[str, tuple[tuple[str, ...], ...]] = {}
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
                pattern = _token_pattern(leaf.tokens, language)
                try:
                    Matcher(nlp.vocab, validate=True).add(key, [pattern])
                except ValueError as exc:  # spaCy refuses a malformed token pattern
                    raise RuleError(f"rules:{rule.id}: patterns.{language}: {str(exc).splitlines()[0]}") from None
                token_anchors[key] = _anchors(pattern, nlp.vocab.strings, anchor_pool)
                # Patterns with the same word tests run together: one pass where those words occur.
                signature = tuple(id(a) for a in token_anchors[key])
                if signature not in matchers:
                    matchers[signature] = Matcher(nlp.vocab, validate=True)
                    members[signature] = []
                matchers[signature].add(key, [pattern])
                members[signature].append(key)
                tokens[key] = matchers[signature]
            elif leaf.regex is not None:
                regexes[key] = re.compile(leaf.regex, re.IGNORECASE)
                found_literals = required_literals(leaf.regex)
                if found_literals:
                    literals[key] = found_literals
            elif leaf.fuzzy is not None:
                fuzzies[key] = (normalize(leaf.fuzzy, language).lower(), leaf.threshold)
        _quick_tests(rule.patterns[language], leaf_ids, quick)
        triggers[rule.id] = _triggers(rule.patterns[language], leaf_ids, literals)
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
    token_groups = {key: tuple(keys) for keys in members.values() for key in keys}
    family_of: dict[tuple[int, tuple[int, ...]], int] = {}  # (gap, tail groups) → family
    starting: dict[int, dict[int, list[tuple[tuple[int, ...], int, int]]]] = {}  # alternative → family → members
    for i, phrase in enumerate(phrases):
        fid = family_of.setdefault((phrase.gap, phrase.groups[1:]), len(family_of))
        alts = build.group_alts[phrase.groups[0]]
        for aid in alts:
            others = tuple(a for a in alts if a != aid)
            starting.setdefault(aid, {}).setdefault(fid, []).append((others, phrase.groups[0], i))
    by_first = {aid: [FamilyStart.of(fid, members) for fid, members in fams.items()] for aid, fams in starting.items()}
    by_trigger: dict[str, list[int]] = {}
    by_literal: dict[str, list[int]] = {}
    untriggered: list[int] = []
    for i, rule in enumerate(active):
        keys = triggers[rule.id]
        if keys is None:
            untriggered.append(i)
        for key in sorted(keys or ()):
            if key in literals:
                for lit in literals[key][0]:
                    by_literal.setdefault(lit, []).append(i)
            else:
                by_trigger.setdefault(key, []).append(i)
    return Compiled(
        language, nlp, build.words, build.stems, phrases, tokens, leaf_ids, regexes, fuzzies, sanction_keys,
        clause, active, stem_lengths, stop_orths, quick=quick, triggers=triggers,
        token_keys=frozenset(token_keys), literals=literals, token_anchors=token_anchors,
        families=list(family_of), by_first=by_first, by_trigger=by_trigger, by_literal=by_literal, untriggered=untriggered,
        group_alts=build.group_alts, token_groups=token_groups,
    )


def _quick_tests(cond: Condition, leaf_ids: dict[int, str], out: dict[int, Callable[[ArticleMatches], bool]]) -> None:
    """For `cond` and each condition in it, a function telling whether it can hold anywhere in an article
    (each part of an `all` matched somewhere, one part of an `any`), built once per rule. Most rules fail
    this on most articles: the phrase parts of each `all` / `any` are tested as one set operation on the
    phrases found by the index pass, the costlier parts after them and only when needed, so that adding
    rules adds little per article. Whether a condition can hold does not depend on the order of tests."""
    for child in (cond.all or []) + (cond.any or []) + (cond.none or []) + (cond.unless or []):
        _quick_tests(child, leaf_ids, out)
    key = leaf_ids.get(id(cond))
    test: Callable[[ArticleMatches], bool]
    if key is not None and cond.phrase is not None:
        test = lambda am: key in am.found
    elif key is not None:
        test = lambda am: bool(am.spans(key))
    elif cond.all is not None or cond.any is not None:
        parts = cond.all if cond.all is not None else cond.any or []
        phrases = frozenset(leaf_ids[id(c)] for c in parts if c.phrase is not None)
        others = [out[id(c)] for c in sorted(parts, key=_cost) if c.phrase is None]
        if cond.all is not None:
            # every regex part's required strings are tested before any regex part is scanned
            regexes = tuple(leaf_ids[id(c)] for c in parts if c.regex is not None)
            test = _every(phrases, regexes, others)
        else:
            test = _some(phrases, others)
    else:
        test = lambda am: True  # `none`: its parts are tested where it stands
    out[id(cond)] = test


# Plain loops below, not all()/any() over a generator: the tests run tens of thousands of times per law,
# and each generator would be an allocation for the garbage collector to scan.


def _every(
    phrases: frozenset[str], regexes: tuple[str, ...], others: list[Callable[[ArticleMatches], bool]]
) -> Callable[[ArticleMatches], bool]:
    def test(am: ArticleMatches) -> bool:
        if not phrases <= am.found:
            return False
        for key in regexes:
            if not am.may_match(key):
                return False
        for other in others:
            if not other(am):
                return False
        return True

    return test


def _some(phrases: frozenset[str], others: list[Callable[[ArticleMatches], bool]]) -> Callable[[ArticleMatches], bool]:
    def test(am: ArticleMatches) -> bool:
        if not phrases.isdisjoint(am.found):
            return True
        for other in others:
            if other(am):
                return True
        return False

    return test


def _cost(cond: Condition) -> int:
    """Rough cost of finding out whether a condition can hold: phrases were found by the index pass."""
    if cond.phrase is not None:
        return 0
    if cond.all is not None or cond.any is not None or cond.none is not None:
        return 1
    if cond.regex is not None:
        return 2
    return 3  # token patterns and fuzzy phrases


class Anchor:
    """A test one word of an article must pass for a token pattern to match there: a mandatory token's
    words (LOWER or ORTH: a string or IN), or its regular expression. Articles are tested by their distinct
    words (LOWER hashes); a regular expression's verdict on a word is remembered across articles."""

    def __init__(self, words: frozenset[int] | None = None, regex: re.Pattern[str] | None = None) -> None:
        self.words, self.regex = words, regex
        self._verdicts: dict[int, bool] = {}

    def met(self, words: frozenset[int], strings: Any) -> bool:
        if self.words is not None:
            return not self.words.isdisjoint(words)
        assert self.regex is not None
        verdicts, regex = self._verdicts, self.regex
        for h in words:
            ok = verdicts.get(h)
            if ok is None:
                ok = verdicts[h] = regex.search(strings[h]) is not None
            if ok:
                return True
        return False


def _anchors(pattern: list[dict[str, Any]], strings: Any, pool: dict[object, Anchor]) -> list[Anchor]:
    """Word tests from a token pattern's mandatory tokens: an article where no word passes one of them
    cannot match, so the pattern's Matcher is not run there. Equal tests are one `Anchor` from `pool`, so
    that an article is tested once for each."""
    out = []
    for spec in pattern:
        if spec.get("OP", "1") not in ("1", "+"):
            continue
        for attr in ("LOWER", "ORTH"):
            value = spec.get(attr)
            words = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) else None
            if words:
                test: object = frozenset(strings.add(w.lower()) for w in words)
                if test not in pool:
                    pool[test] = Anchor(words=test)  # type: ignore[arg-type]
                out.append(pool[test])
            elif isinstance(value, dict) and isinstance(value.get("REGEX"), str) and attr == "LOWER":
                test = ("regex", value["REGEX"])
                if test not in pool:
                    pool[test] = Anchor(regex=re.compile(value["REGEX"]))
                out.append(pool[test])
    return out


def candidate_rules(compiled: Compiled, am: ArticleMatches) -> list[Rule]:
    """The rules worth evaluating on an article, in rule order: those one of whose trigger phrases occurs
    in it (found by the index pass), those a literal of whose trigger regex occurs in it, and those without
    a trigger. The cost follows the phrases found and the distinct literals, not the number of rules."""
    found = set(compiled.untriggered)
    for key in am.found:
        found.update(compiled.by_trigger.get(key, ()))
    for lit, rules in compiled.by_literal.items():
        if am.has(lit):
            found.update(rules)
    return [compiled.rules[i] for i in sorted(found)]


def _triggers(cond: Condition, leaf_ids: dict[int, str], literals: dict[str, tuple[str, ...]]) -> frozenset[str] | None:
    """Phrase patterns and literal-bearing regular expressions at least one of which must match for `cond`
    to hold; None when none is necessary (a condition of token patterns or fuzzy phrases only is always
    evaluated). A phrase trigger is a phrase preferred to a regular expression in an `all`."""
    key = leaf_ids.get(id(cond))
    if cond.phrase is not None or (cond.regex is not None and key in literals):
        return frozenset({key})  # type: ignore[arg-type]
    if cond.all is not None:
        found = [t for t in (_triggers(c, leaf_ids, literals) for c in cond.all) if t is not None]
        # fewest keys first, phrases (found by the index pass) before literal tests
        return min(found, key=lambda t: (len(t), sum(k in literals for k in t))) if found else None
    if cond.any is not None:
        found = [_triggers(c, leaf_ids, literals) for c in cond.any]
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
    found: frozenset[str] = frozenset()  # the phrase keys found by the index pass
    _lower: str | None = None
    _words: frozenset[int] | None = None  # LOWER hashes of the article's tokens (token-pattern prefilter)
    _has: dict[str, bool] = field(default_factory=dict)  # required string → whether the article holds it
    _met: dict[int, bool] = field(default_factory=dict)  # id(Anchor) → whether a word of the article passes

    @property
    def lower(self) -> str:
        if self._lower is None:
            self._lower = self.norm.lower()
        return self._lower

    def _anchor_met(self, anchor: Anchor) -> bool:
        found = self._met.get(id(anchor))
        if found is None:
            assert self.compiled is not None and self._words is not None
            found = self._met[id(anchor)] = anchor.met(self._words, self.compiled.nlp.vocab.strings)
        return found

    def may_match(self, key: str) -> bool:
        """Whether the article holds a string of each set the regex `key` requires (True if it has none).
        Each string is looked for once per article, however many regexes require it."""
        if self.compiled is None:
            return True
        for strings in self.compiled.literals.get(key, ()):
            for lit in strings:  # a loop, not any(): asked for every candidate rule's regexes on every article
                if self.has(lit):
                    break
            else:
                return False
        return True

    def has(self, lit: str) -> bool:
        """Whether the article (lower case) holds the string: looked for once per article."""
        found = self._has.get(lit)
        if found is None:
            found = self._has[lit] = lit in self.lower
        return found

    def _to_original(self, span: Span) -> Span:
        return span if self.back is None else (self.back[span[0]], self.back[span[1] - 1] + 1)

    def spans(self, key: str) -> list[Span]:
        c = self.compiled
        if c is not None and key not in self._lazy_done and (key in c.regexes or key in c.fuzzies or key in c.token_keys):
            self._lazy_done.add(key)
            if key in c.token_keys:
                doc = self.doc
                if self._words is None:
                    self._words = frozenset(doc.to_array("LOWER").tolist())
                self._lazy_done.update(c.token_groups[key])
                if all(self._anchor_met(anchor) for anchor in c.token_anchors[key]):
                    strings = c.nlp.vocab.strings
                    for match_id, a, b in c.tokens[key](doc):
                        sp = self._to_original((doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)))
                        self.leaves.setdefault(strings[match_id], []).append(sp)
            elif key in c.regexes:
                if not self.may_match(key):  # a string every match holds is missing: no scan
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
    """Token positions of every alternative word: one PhraseMatcher pass, plus a prefix lookup for stems
    (cached per distinct word form, so each form's prefixes are looked up once per run)."""
    hits: dict[int, list[int]] = {}
    strings = compiled.nlp.vocab.strings
    for match_id, start, _ in compiled.words(doc):
        hits.setdefault(int(strings[match_id][1:]), []).append(start)
    if compiled.stems:
        stems, lengths, cache = compiled.stems, compiled.stem_lengths, compiled.stem_cache
        for i, h in enumerate(doc.to_array("LOWER").tolist()):
            aids = cache.get(h)
            if aids is None:
                low = strings[h]
                aids = cache[h] = tuple(a for n in lengths if n <= len(low) for a in stems.get(low[:n], ()))
            for aid in aids:
                hits.setdefault(aid, []).append(i)
    for positions in hits.values():
        positions.sort()
    return hits


class _GroupPositions(dict[int, "list[int] | None"]):
    """Token positions of word groups in one article, from those of their alternatives, worked out when a
    phrase first asks (`positions[gid]`; None: the group is absent). A group with one alternative present
    shares that alternative's list, and groups with the same alternatives present share one merged list:
    equal inputs are then the same object (see `_match_one`)."""

    def __init__(self, group_alts: list[tuple[int, ...]], hits: dict[int, list[int]]) -> None:
        super().__init__()
        self.group_alts, self.hits = group_alts, hits
        self.merged: dict[tuple[int, ...], list[int]] = {}

    def __missing__(self, gid: int) -> list[int] | None:
        hits = self.hits
        present = tuple([a for a in self.group_alts[gid] if a in hits])
        found: list[int] | None
        if not present:
            found = None
        elif len(present) == 1:
            found = hits[present[0]]
        else:
            if present not in self.merged:
                self.merged[present] = sorted(set().union(*(hits[a] for a in present)))
            found = self.merged[present]
        self[gid] = found
        return found


def _phrase_spans(lists: list[list[int]], gap: int, stops: list[int]) -> list[tuple[int, int]]:
    """Token spans where the words (their positions in `lists`) follow each other with at most `gap`
    tokens between, never across a sentence end (`stops[i]` counts sentence-ending tokens before token i)."""
    out = []
    for first in lists[0]:
        end = first
        for positions in lists[1:]:
            j = bisect_right(positions, end)
            if j == len(positions) or positions[j] > end + 1 + gap:
                break
            nxt = positions[j]
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
    positions = _GroupPositions(compiled.group_alts, hits)
    ends = numpy.isin(doc.to_array("ORTH"), compiled.stop_orths)
    stops = [0, *numpy.cumsum(ends).tolist()]
    token_offsets = doc.to_array(["IDX", "LENGTH"])
    starts: list[int] = token_offsets[:, 0].tolist()
    token_ends: list[int] = (token_offsets[:, 0] + token_offsets[:, 1]).tolist()
    # Only phrases whose first word occurs can match, and a family whose tail is missing is skipped whole.
    # Phrases whose words have the same positions here (same words, or alternatives absent from this
    # article) are assembled once.
    done: dict[tuple[int, ...], list[Span]] = {}

    def assembled(key: tuple[int, ...], lists: list[list[int]], gap: int) -> list[Span]:
        """Character spans of the phrase whose words have the positions `lists`, once per `key`."""
        spans = done.get(key)
        if spans is None:
            spans = done[key] = [(starts[s], token_ends[e - 1]) for s, e in _phrase_spans(lists, gap, stops)]
        return spans

    found: list[tuple[int, list[Span]]] = []
    tails: dict[int, tuple[list[list[int]], tuple[int, ...]] | None] = {}
    seen: set[int] = set()
    for aid, found_first in hits.items():
        for fid, members, member_ids, all_others in compiled.by_first.get(aid, ()):
            if fid not in tails:
                found_tail = [positions[g] for g in compiled.families[fid][1]]
                tails[fid] = None if None in found_tail else (found_tail, tuple(map(id, found_tail)))  # type: ignore[arg-type]
            known = tails[fid]
            if known is None:
                continue
            tail, tail_ids = known
            gap = compiled.families[fid][0]
            own_key = (gap, id(found_first), *tail_ids)
            if hits.keys().isdisjoint(all_others):
                # No member's first word has another alternative here: all take this alternative's positions,
                # so they share one assembly, and none can be reached from another alternative.
                spans = assembled(own_key, [found_first, *tail], gap)
                if spans:
                    found.extend(zip(member_ids, repeat(spans)))
                continue
            for others, first_group, i in members:
                if i in seen:  # a first word with two alternatives present
                    continue
                seen.add(i)
                # the first word's positions are this alternative's, unless another alternative occurs too
                if not others or hits.keys().isdisjoint(others):
                    first, key = found_first, own_key
                else:
                    first = positions[first_group]
                    key = (gap, id(first), *tail_ids)
                spans = assembled(key, [first, *tail], gap)  # type: ignore[list-item]
                if spans:
                    found.append((i, spans))
    found.sort(key=lambda f: f[0])  # index order, so that the output does not depend on set order
    leaves, phrases, sanction_keys = am.leaves, compiled.phrases, compiled.sanction_keys
    for i, spans in found:
        key = phrases[i].key
        kind = sanction_keys.get(key)
        if kind is not None:
            am.sanctions.extend((kind, span) for span in spans)
        elif key in leaves:
            leaves[key].extend(spans)
        else:
            leaves[key] = list(spans)  # a copy: phrases assembled alike share `spans`
    am.found = frozenset(am.leaves)
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
        """Whether `cond` can hold anywhere in the article: spares walking every sentence for rules whose
        words are not in the article (remembered, since `holds` asks again at each level)."""
        key = id(cond)
        if key not in self._possible:
            self._possible[key] = self.c.quick[key](self.am)
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
    if not compiled.quick[id(rule.patterns[compiled.language])](am):
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
