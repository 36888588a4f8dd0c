"""Matching: a `Compiled` rule set × article texts → `ArticleMatches`, the spans of each pattern per article.

Reads `ArticleText`s (`text.py`) and the compiled rules (`compile.py`); produces, for each article in turn,
its `ArticleMatches`: every phrase and sanction phrase found (each article is tokenised once and scanned
once by the word index; phrases are assembled from the word hits: words in order, at most `gap` tokens
apart, never across a sentence end), sanctions kept only inside a penalty clause ("наказывается …",
"влечет …"), and, when an evaluation first asks, the spans of phrases, token patterns, regular
expressions and fuzzy phrases. Spans are offsets into the article text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

from rapidfuzz import fuzz

from ..regexes import RuleRegex
from .compile import Compiled
from .morphology import normalize_map
from .prefilter import Anchor, may_match
from .text import ArticleText, Span


class Sanction(NamedTuple):
    kind: str
    span: Span


@dataclass
class ArticleMatches:
    """Matches in one article. Which phrases occur is found eagerly (one index pass), where they occur only
    when an evaluation asks (it asks for one phrase found in a hundred: most rules fail on another part);
    token patterns, regexes and fuzzy phrases are matched only when an evaluation asks, since most
    compositions fail on a cheap word first."""

    text: ArticleText
    compiled: Compiled
    norm: str  # the matching text: normalised, zero-width characters dropped
    back: list[int] | None  # offsets of `norm` characters in the article text, when they differ
    doc: Any  # the tokens of `norm`, while the article is evaluated (set to None after)
    leaves: dict[str, list[Span]] = field(default_factory=dict)  # pattern key → spans
    fuzzy_scores: dict[str, float] = field(default_factory=dict)
    sanctions: list[Sanction] = field(default_factory=list)
    found: frozenset[str] = frozenset()  # the phrase keys the index pass found
    places: dict[str, _Place] = field(default_factory=dict)  # phrase key found → where its spans come from
    assembler: _Phrases | None = None  # assembles the phrases' spans, while the article is evaluated
    evaluator: Any = None  # the article's `evaluate.Evaluator`: what it learns serves every rule
    _asked: set[str] = field(default_factory=set)  # lazy pattern keys already matched
    _met: dict[Anchor, bool] = field(default_factory=dict)

    @cached_property
    def lower(self) -> str:
        return self.norm.lower()

    @cached_property
    def lower_ids(self) -> list[int]:
        """The article's tokens in lower case (LOWER hashes), in order."""
        return self.doc.to_array("LOWER").tolist()  # type: ignore[no-any-return]

    @cached_property
    def words(self) -> frozenset[int]:
        """The article's distinct words (LOWER hashes); the rule set learns those new to it (`Compiled.learn`)."""
        found = frozenset(self.lower_ids)
        self.compiled.learn(found)
        return found

    @cached_property
    def encoded(self) -> bytes:
        """The matching text in UTF-8, what RE2 reads: encoded once for every regex of the article."""
        return self.norm.encode("utf-8")

    @cached_property
    def strings(self) -> frozenset[str]:
        """The strings the rules' regexes require that the article (lower case) holds: found in one pass."""
        return self.compiled.strings.found_in(self.lower)

    def release(self) -> None:
        """Let the tokens go once the article is evaluated, so that a huge law is never held tokenised whole."""
        self.doc = self.assembler = None

    def to_original(self, span: Span) -> Span:
        return span if self.back is None else (self.back[span[0]], self.back[span[1] - 1] + 1)

    def spans(self, key: str) -> list[Span]:
        """The spans of pattern `key`; phrases, token patterns, regexes and fuzzy phrases on first ask."""
        if key not in self._asked:
            self._asked.add(key)
            c = self.compiled
            if key in self.places:
                assert self.assembler is not None
                self.leaves[key] = [self.to_original(span) for span in self.assembler.spans(self.places[key])]
            elif key in c.tokens.matchers:
                self._match_tokens(key)
            elif key in c.regexes:
                self._match_regex(key, c.regexes[key])
            elif key in c.fuzzies:
                self._match_fuzzy(key)
        return self.leaves.get(key, [])

    def _match_tokens(self, key: str) -> None:
        tokens = self.compiled.tokens
        self._asked.update(tokens.together[key])
        if not self.words_pass(tokens.anchors[key]):
            return
        doc, strings = self.doc, self.compiled.nlp.vocab.strings
        for match_id, a, b in tokens.matchers[key](doc):
            span = self.to_original((doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)))
            self.leaves.setdefault(strings[match_id], []).append(span)

    def words_pass(self, anchors: tuple[Anchor, ...]) -> bool:
        """Whether some word of the article passes each of a token pattern's word tests."""
        return all(self._anchor_met(anchor) for anchor in anchors)

    def _anchor_met(self, anchor: Anchor) -> bool:
        if anchor not in self._met:
            self._met[anchor] = anchor.met(self.words)
        return self._met[anchor]

    def _match_regex(self, key: str, regex: RuleRegex) -> None:
        if not may_match(self.compiled.literals.get(key, ()), self.strings):
            return
        found = [self.to_original(span) for span in _regex_spans(regex, self.norm, self.encoded) if span[1] > span[0]]
        if found:
            self.leaves[key] = found

    def _match_fuzzy(self, key: str) -> None:
        phrase, threshold = self.compiled.fuzzies[key]
        res = fuzz.partial_ratio_alignment(phrase, self.lower, score_cutoff=threshold)
        if res is not None and res.dest_end > res.dest_start:
            self.leaves[key] = [self.to_original((res.dest_start, res.dest_end))]
            self.fuzzy_scores[key] = res.score / 100


def _regex_spans(regex: RuleRegex, text: str, encoded: bytes) -> list[Span]:
    """The spans of `regex` in `text` (`encoded`: its UTF-8), as `finditer` gives them. An RE2 regex runs
    on the article's bytes, encoded once: google-re2's `finditer` on a `str` encodes the whole text again
    at each call and works out each match's offsets in Python, which cost eight times the scan itself."""
    if regex.engine != "re2":
        return [m.span() for m in regex.finditer(text)]
    import re2  # type: ignore[import-untyped]

    scan, unanchored = regex.compiled._regexp.Match, re2._re2.RE2.Anchor.UNANCHORED  # the wrapper's own
    out, pos, end = [], 0, len(encoded)
    while True:  # the wrapper's loop: after an empty match, one character on
        found = scan(unanchored, encoded, pos, end)[0]
        if found[0] < 0:
            break
        out.append(found)
        if pos == end:
            break
        pos = pos + re2._re2.CharLenToBytes(encoded, pos, 1) if pos == found[1] else found[1]
    return out if end == len(text) else _char_offsets(out, encoded)  # the same offsets in ASCII


def _char_offsets(spans: list[Span], encoded: bytes) -> list[Span]:
    """Byte spans in `encoded` (UTF-8) → character spans, counting the characters once over the text."""
    chars: dict[int, int] = {0: 0}
    last = 0
    for offset in sorted({o for span in spans for o in span}):
        chars[offset] = chars[last] + len(encoded[last:offset].decode("utf-8"))
        last = offset
    return [(chars[a], chars[b]) for a, b in spans]


def match_articles(compiled: Compiled, articles: Iterable[ArticleText]) -> Iterator[ArticleMatches]:
    """The matches of each article, in turn: one tokenisation and one index pass each. A generator:
    evaluate each article as it comes, then let its tokens go (`am.release()`)."""
    tokenizer = compiled.nlp.tokenizer
    for art in articles:
        norm, back = normalize_map(art.text, compiled.language)
        doc = tokenize(tokenizer, norm)
        am = ArticleMatches(art, compiled, norm, back, doc)
        _add_phrases(am)
        yield am


def tokenize(tokenizer: Any, text: str) -> Any:
    """The tokens of `text`, exactly as the tokenizer makes them of the whole text, but fast. spaCy's
    tokenizer stops caching a text's chunks after the first special case in it ("ст.", "т.е."), which
    in a law comes early in almost every article; tokenising each line first fills the cache (a line
    starts afresh), and the whole text then reads its chunks from it. A chunk is cut at whitespace, so a
    line holds the same chunks as the whole text: the tokens are the tokenizer's own."""
    if "\n" in text:
        for line in text.split("\n"):
            tokenizer(line)
    return tokenizer(text)


def _add_phrases(am: ArticleMatches) -> None:
    """The article's phrases into `am.found` and `am.places`, its sanction phrases in penalty clauses into
    `am.sanctions`, in phrase order."""
    c = am.compiled
    am.assembler = assembler = _Phrases(c, am)
    sanctions: list[tuple[int, Sanction]] = []
    for keys, positions, place in assembler.matches():
        am.places.update(dict.fromkeys(keys, place))  # phrases found at the same places: one assembly
        for i in positions:
            kind = c.sanction_kinds[c.phrases[i].key]
            sanctions.extend((i, Sanction(kind, am.to_original(span))) for span in assembler.spans(place))
    am.found = frozenset(am.places)
    in_order = [found for _, found in sorted(sanctions, key=lambda found: found[0])]
    am.sanctions = _in_clauses(in_order, am.text.text, c.clause, c.not_penalty)


def _word_hits(c: Compiled, am: ArticleMatches) -> dict[int, list[int]]:
    """Token positions of every alternative word. The article's distinct words (`am.words`) that are forms,
    or that a stem begins (looked up once per distinct word and rule set, not per token), are found by a set
    operation; one pass over the tokens then gives their positions. Forms of several tokens: a PhraseMatcher
    pass."""
    words, present = c.words, am.words  # `am.words` first: the rule set learns the article's new words
    wanted = words.hits_of.keys() & present
    at: dict[int, list[int]] = {}
    if wanted:
        for i, word in enumerate(am.lower_ids):
            if word in wanted:
                at.setdefault(word, []).append(i)
    hits: dict[int, list[int]] = {}
    for word, positions in at.items():
        for aid in words.hits_of[word]:
            hits.setdefault(aid, []).extend(positions)
    if words.multi_token:
        alternative = words.match_ids
        for match_id, start, _ in words.matcher(am.doc):
            hits.setdefault(alternative[match_id], []).append(start)
    for positions in hits.values():
        positions.sort()
    return hits


class _Group(NamedTuple):
    present: tuple[int, ...]  # the group's alternatives that occur in the article
    positions: list[int]  # their token positions, merged


class _Groups:
    """Positions of word groups in one article, from those of their alternatives, worked out on first ask."""

    def __init__(self, group_alternatives: list[tuple[int, ...]], hits: dict[int, list[int]]) -> None:
        self.group_alternatives, self.hits = group_alternatives, hits
        self.known: dict[int, _Group | None] = {}
        self.merged: dict[tuple[int, ...], list[int]] = {}

    def get(self, gid: int) -> _Group | None:
        """The group's positions; None if no word of it occurs."""
        if gid not in self.known:
            present = tuple(filter(self.hits.__contains__, self.group_alternatives[gid]))
            self.known[gid] = _Group(present, self._positions(present)) if present else None
        return self.known[gid]

    def _positions(self, present: tuple[int, ...]) -> list[int]:
        if len(present) == 1:
            return self.hits[present[0]]
        if present not in self.merged:
            self.merged[present] = sorted(set().union(*(self.hits[a] for a in present)))
        return self.merged[present]


class _Place(NamedTuple):
    """Where a phrase may occur in an article: its family, the alternatives of its first word that occur,
    their positions, and the positions of the words of the family's tail."""

    family: int
    first: tuple[int, ...]
    positions: list[int]
    tail: list[list[int]]

    @property
    def assembly(self) -> tuple[int, tuple[int, ...]]:
        """What the phrases here are assembled from: places with the same family and first word share it."""
        return self.family, self.first


class _Phrases:
    """Assembles the phrases of one article from its word hits. A family whose tail is missing is skipped
    whole, and phrases whose words have the same positions here (same words, or words whose other
    alternatives are absent) are assembled once. Worth it: assembling phrase by phrase took the bench's
    rule scaling (ten times the rules) from 1.5 to 2.0 times the check's time. Whether a phrase occurs is
    told by its first run; its spans are worked out when asked."""

    def __init__(self, c: Compiled, am: ArticleMatches) -> None:
        self.c = c
        self.hits = _word_hits(c, am)
        self.groups = _Groups(c.words.group_alternatives, self.hits)
        self.doc, self.lower_ids = am.doc, am.lower_ids
        self.tails: dict[int, list[list[int]] | None] = {}  # family → positions of its tail words
        self.present = set(self.hits)  # the alternatives that occur
        self.occurs: dict[tuple[int, tuple[int, ...]], bool] = {}  # (family, first word) → whether it occurs
        self.assembled: dict[tuple[int, tuple[int, ...]], list[Span]] = {}  # (family, first word) → spans

    def matches(self) -> Iterator[tuple[tuple[str, ...], tuple[int, ...], _Place]]:
        """(rule phrase keys, sanction phrase positions, where they occur) of the phrases found, those
        found at the same places together."""
        seen: set[int] = set()
        for aid in self.hits:
            for start in self.c.starts.get(aid, ()):
                tail = self._tail(start.family)
                if tail is None:
                    continue
                if self.hits.keys().isdisjoint(start.others):  # the first word is this alternative alone
                    place = _Place(start.family, (aid,), self.hits[aid], tail)
                    if self._occurs(place):
                        yield start.keys, start.sanctions, place
                    continue
                for i in start.phrases:
                    if i not in seen:  # a first word with several alternatives present is met by each
                        seen.add(i)
                        first = self.groups.get(self.c.phrases[i].groups[0])
                        assert first is not None
                        place = _Place(start.family, first.present, first.positions, tail)
                        if not self._occurs(place):
                            continue
                        key = self.c.phrases[i].key
                        yield ((), (i,), place) if key in self.c.sanction_kinds else ((key,), (), place)

    def _char_span(self, first: int, last: int) -> Span:
        """The characters of tokens first..last: asked for a few runs an article, so read off those tokens."""
        end = self.doc[last]
        return self.doc[first].idx, end.idx + len(end)

    def _tail(self, fid: int) -> list[list[int]] | None:
        if fid not in self.tails:
            family = self.c.families[fid]
            if not family.words <= self.present or any(map(self.present.isdisjoint, family.choices)):
                self.tails[fid] = None  # a word of the tail is missing: most families, told by set tests
                return None
            found = [self.groups.get(g) for g in family.tail]
            self.tails[fid] = None if None in found else [g.positions for g in found]  # type: ignore[union-attr]
        return self.tails[fid]

    def _runs(self, place: _Place) -> Iterator[tuple[int, int]]:
        family = self.c.families[place.family]
        return _phrase_runs([place.positions, *place.tail], family.gap, self.lower_ids, self.c.stop_orths)

    def _occurs(self, place: _Place) -> bool:
        if place.assembly not in self.occurs:
            self.occurs[place.assembly] = next(self._runs(place), None) is not None
        return self.occurs[place.assembly]

    def spans(self, place: _Place) -> list[Span]:
        """The character spans of the phrases at `place` (in the matching text)."""
        if place.assembly not in self.assembled:
            self.assembled[place.assembly] = [self._char_span(a, b) for a, b in self._runs(place)]
        return self.assembled[place.assembly]


def _phrase_runs(lists: list[list[int]], gap: int, lower_ids: list[int],
                 stop_orths: frozenset[int]) -> Iterator[tuple[int, int]]:
    """(first, last) tokens of each place where the words (their positions in `lists`) follow each other
    with at most `gap` tokens between, never across a sentence end (a token of `stop_orths`), in order.
    Only the at most `gap` tokens between two words are read for a stop: most phrases have none. A stop is
    punctuation, its own lower case: its ORTH in `stop_orths` is its LOWER in `lower_ids`."""
    for first in lists[0]:
        end = first
        for positions in lists[1:]:
            j = bisect_right(positions, end)
            if j == len(positions) or positions[j] > end + 1 + gap:
                break
            nxt = positions[j]
            if nxt > end + 1 and not stop_orths.isdisjoint(lower_ids[end + 1 : nxt]):
                break
            end = nxt
        else:
            yield first, end


def _in_clauses(
    found: list[Sanction], text: str, clause: re.Pattern[str] | None, not_penalty: re.Pattern[str] | None = None
) -> list[Sanction]:
    """Keep sanction phrases that stand in a penalty clause (from "наказывается" to the end of its line);
    one per place, the longest (so "лишением права занимать" is not also "лишение свободы"); none that
    `not_penalty` says names something else ("арестом имущества": attachment of property)."""
    if clause is None or not found:
        return []
    regions = []
    for m in clause.finditer(text):
        end = text.find("\n", m.end())
        regions.append((m.start(), len(text) if end < 0 else end))
    kept: list[Sanction] = []
    for kind, (s, e) in sorted(found, key=lambda x: (x.span[0], -(x.span[1] - x.span[0]))):
        if not any(a <= s and e <= b for a, b in regions):
            continue
        if kept and s < kept[-1].span[1]:
            continue
        if not_penalty is not None and not_penalty.match(text, s):
            continue
        kept.append(Sanction(kind, (s, e)))
    return kept
