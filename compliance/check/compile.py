"""Compiling: the rules of one language → a `Compiled` rule set, built once and used for every article.

Reads `Rule`s (`rules/*.yaml`) and the sanction vocabulary (`vocab/sanctions.yaml`); produces one spaCy
`PhraseMatcher` index of every word of every lemma phrase (expanded to its surface forms by
`morphology.py`; Uzbek and Kazakh words are stems matched as prefixes), the phrases as sequences of word
groups, a spaCy `Matcher` per token pattern, the regular expressions and fuzzy phrases, the sanction
phrases and penalty-clause pattern, and the prefilters of `prefilter.py`.
"""

from __future__ import annotations

import re
import sys
import threading
import types
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, NamedTuple

from ..errors import RuleError
from ..regexes import RuleRegex, compile_rule_regex
from ..rules import Rule
from ..yamlsafe import load_vocabulary
from .morphology import forms, normalize, without_yo
from .patterns import Numbering, Pattern
from .prefilter import Anchor, LiteralSets, RuleIndex, StringSet, anchors, regex_literals

SPACY_LANG = {"ru": "ru", "en": "en", "uz-Latn": "xx", "kk": "xx"}
STEM_LANGUAGES = ("uz-Latn", "kk")  # agglutinative: rule words are stems
_SENTENCE_END = [".", ";", "!", "?"]
# Chunks (words with their punctuation) the tokenizer keeps tokenised: spaCy's default, 10,000, is less than
# the distinct chunks of one code, so a long law kept re-tokenising words it had seen.
TOKENIZER_CACHE = 400_000


@dataclass(frozen=True)
class Phrase:
    """A lemma phrase: its word groups (a word with its alternatives, in all forms), at most `gap` apart."""

    key: str
    groups: tuple[int, ...]
    gap: int


class Family(NamedTuple):
    """Phrases with the same gap and the same words after the first (a word's variants, rules sharing a
    phrase tail): in an article, they are all absent when one word of the tail is."""

    gap: int
    tail: tuple[int, ...]  # word groups
    words: frozenset[int] = frozenset()  # the alternatives of the tail's one-word groups: each must occur
    choices: tuple[frozenset[int], ...] = ()  # the alternatives of its other groups: one of each must occur


class Start(NamedTuple):
    """The phrases of one family whose first word has a given alternative."""

    family: int
    phrases: tuple[int, ...]
    others: frozenset[int]  # the other alternatives of their first words
    keys: tuple[str, ...] = ()  # the keys of its rule phrases
    sanctions: tuple[int, ...] = ()  # the positions of its sanction phrases


class Fuzzy(NamedTuple):
    text: str  # normalised, lower case
    threshold: int


class WordIndex:
    """Every alternative word of every phrase, indexed once: forms in a table from a token's lower case to
    the alternatives it is a form of (a form spaCy cuts into several tokens, in a PhraseMatcher: match id
    "w<n>"), stems in a prefix table. The index is kept per alternative ("профсоюз" in
    "профсоюз|объединение"), not per group, so that a word used by many groups and rules is matched once per
    article."""

    def __init__(self, nlp: Any, language: str) -> None:
        from spacy.matcher import PhraseMatcher

        self.nlp, self.language = nlp, language
        self.forms: dict[int, tuple[int, ...]] = {}  # a one-token form's lower case (string hash) → alternatives
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")  # forms of several tokens
        self.stems: dict[str, set[int]] = {}  # stem → alternatives
        self.group_alternatives: list[tuple[int, ...]] = []  # word group → its alternatives
        self._alternatives: dict[tuple[str, bool], int] = {}
        self._groups: dict[tuple[str, bool], int] = {}
        # a word seen in an article (lower-case hash) → the alternatives it is a form of, then those whose stem
        # begins it; only words that are one of either (`learn`)
        self.hits_of: dict[int, tuple[int, ...]] = {}
        self.match_ids: dict[int, int] = {}  # PhraseMatcher match id → alternative

    def phrase(self, key: str, text: str, gap: int, stem: bool | None) -> Phrase:
        as_stem = stem if stem is not None else self.language in STEM_LANGUAGES
        return Phrase(key, tuple(self._group(w, as_stem) for w in text.split()), gap)

    def _group(self, word: str, stem: bool) -> int:
        key = (word.lower(), stem)
        if key not in self._groups:
            self._groups[key] = len(self._groups)
            alternatives = [w for w in word.split("|") if w]
            found = [None if stem else forms(w, self.language) for w in alternatives]
            # a group is matched by its forms, or, when a word of it has none (or stems are asked), by stems
            as_stem = not all(f is not None for f in found)
            ids = tuple(self._alternative(w, as_stem, f) for w, f in zip(alternatives, found, strict=True))
            self.group_alternatives.append(ids)
        return self._groups[key]

    def _alternative(self, word: str, stem: bool, found: frozenset[str] | None) -> int:
        key = (word.lower(), stem)
        if key not in self._alternatives:
            aid = self._alternatives[key] = len(self._alternatives)
            if stem:
                self.stems.setdefault(normalize(word, self.language).lower(), set()).add(aid)
            else:
                docs = [self.nlp.make_doc(f) for f in sorted(found or ())]
                for doc in (d for d in docs if len(d) == 1):  # a token is a form when its lower case is the form's
                    known = self.forms.get(doc[0].lower, ())
                    if aid not in known:  # two forms alike but for their letter case: one entry
                        self.forms[doc[0].lower] = (*known, aid)
                several = [d for d in docs if len(d) > 1]
                if several:
                    self.matcher.add(f"w{aid}", several)
                    self.match_ids[self.nlp.vocab.strings.add(f"w{aid}")] = aid
        return self._alternatives[key]

    @property
    def multi_token(self) -> bool:
        """Whether some form is cut into several tokens: only then does an article need a PhraseMatcher pass."""
        return bool(self.match_ids)

    @cached_property
    def stem_lengths(self) -> list[int]:
        """The lengths of the stems, shortest first: asked once a check has begun, when all are in."""
        return sorted({len(s) for s in self.stems})

    def learn(self, words: Iterable[int]) -> None:
        """The alternatives each of `words` (lower-case string hashes no article showed the rule set before)
        is a form of or begins with a stem of, into `hits_of`: a stem is looked up once per word and rule set."""
        forms, strings, stems, lengths = self.forms, self.nlp.vocab.strings, self.stems, self.stem_lengths
        for word in words:
            found = forms.get(word, ())
            if stems:
                low = strings[word]
                found += tuple(a for n in lengths if n <= len(low) for a in stems.get(low[:n], ()))
            if found:
                self.hits_of[word] = found


@dataclass
class TokenPatterns:
    """Token patterns by key: their Matchers, and the word tests an article must pass for them to run.
    Patterns with the same word tests share one Matcher, which runs once where those words occur."""

    matchers: dict[str, Any] = field(default_factory=dict)
    anchors: dict[str, tuple[Anchor, ...]] = field(default_factory=dict)
    together: dict[str, tuple[str, ...]] = field(default_factory=dict)  # key → keys sharing its Matcher

    def add(self, key: str, pattern: list[dict[str, Any]], nlp: Any) -> None:
        from spacy.matcher import Matcher

        self.anchors[key] = anchors(pattern, nlp.vocab.strings)
        sharing = next((k for k, a in self.anchors.items() if a == self.anchors[key] and k != key), None)
        matcher = self.matchers[sharing] if sharing else Matcher(nlp.vocab, validate=True)
        matcher.add(key, [pattern])
        self.matchers[key] = matcher
        keys = (*self.together.get(sharing, ()), key) if sharing else (key,)
        for k in keys:
            self.together[k] = keys


@dataclass
class Compiled:
    """The rules of one language, compiled."""

    language: str
    nlp: Any  # a blank spaCy pipeline: tokenizer and vocabulary
    words: WordIndex
    phrases: list[Phrase]  # rule phrases, then sanction phrases
    tokens: TokenPatterns
    regexes: dict[str, RuleRegex]
    fuzzies: dict[str, Fuzzy]
    sanction_kinds: dict[str, str]  # sanction phrase key → sanction type
    clause: re.Pattern[str] | None  # where an article states its penalties
    rules: list[Rule]
    patterns: dict[str, Pattern]  # rule id → its pattern
    literals: dict[str, LiteralSets] = field(default_factory=dict)  # regex key → strings it requires
    strings: StringSet = field(default_factory=lambda: StringSet(()))  # every string of `literals`
    index: RuleIndex = field(default_factory=RuleIndex)
    families: list[Family] = field(default_factory=list)
    starts: dict[int, list[Start]] = field(default_factory=dict)  # alternative → the families it starts
    stop_orths: frozenset[int] = frozenset()  # sentence-ending tokens (ORTH hashes, their own lower case)
    not_penalty: re.Pattern[str] | None = None  # where a sanction phrase names something else ("арест имущества")
    regex_anchors: tuple[Anchor, ...] = ()  # the token patterns' word tests by regex
    known: set[int] = field(default_factory=set)  # the words (LOWER hashes) `learn` has seen

    def learn(self, words: frozenset[int]) -> None:
        """What the stems and the regex word tests say of the article's `words` that no article showed the
        rule set before: one set difference an article, whichever of them it then asks about."""
        new = words.difference(self.known)
        if new:
            self.words.learn(new)
            strings = self.nlp.vocab.strings
            for anchor in self.regex_anchors:
                anchor.learn(new, strings)
            self.known.update(new)


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
    """A rule's token pattern with LEMMA rewritten to the lemma's surface forms (no tagger is loaded), and its
    LOWER words written as the matching text writes them ("ё" as "е": `normalize`)."""
    out = []
    for spec in tokens:
        spec = dict(spec)
        lemma = spec.pop("LEMMA", None)
        if lemma is not None:
            words = lemma["IN"] if isinstance(lemma, dict) else [lemma]
            spec.update(_word_spec("|".join(words), language, language in STEM_LANGUAGES))
        if "LOWER" in spec:
            spec["LOWER"] = _without_yo_in(spec["LOWER"], language)
        out.append(spec)
    return out


def _without_yo_in(value: Any, language: str) -> Any:
    """A token attribute's value (a word, a list of words, or an operator's mapping) with "ё" written "е"."""
    if isinstance(value, str):
        return without_yo(value, language)
    if isinstance(value, list):
        return [_without_yo_in(v, language) for v in value]
    if isinstance(value, dict):
        return {k: _without_yo_in(v, language) for k, v in value.items()}
    return value


@lru_cache(maxsize=1)
def _sanction_vocab() -> dict[str, Any]:
    return load_vocabulary("sanctions.yaml")  # type: ignore[no-any-return]


def _check_token_pattern(rule: Rule, language: str, pattern: list[dict[str, Any]], nlp: Any) -> None:
    from spacy.matcher import Matcher

    try:
        Matcher(nlp.vocab, validate=True).add("check", [pattern])
    except ValueError as exc:  # spaCy refuses a malformed token pattern
        raise RuleError(f"rules:{rule.id}: patterns.{language}: {str(exc).splitlines()[0]}") from None


def import_spacy() -> None:
    """spaCy, imported without its command line. Its package imports `spacy.cli` (typer, weasel, requests:
    some 360 modules, a third of its import time, paid by every command and every worker process) for one
    name, `spacy.info`; a blank tokenizer and its matchers use none of it. The command line stays as it
    was for whoever asks: `import spacy.cli` imports it then, and `spacy.info` is the real one, imported at
    its first call."""
    with _IMPORTING:  # the web page's checks run in threads: one puts the stand-in in place and takes it away
        if "spacy" not in sys.modules:
            _import_spacy_without_cli()


_IMPORTING = threading.Lock()


def _import_spacy_without_cli() -> None:
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, with no modules of its own: only `spacy.cli.info` below
    info = types.ModuleType("spacy.cli.info")
    info.info = _spacy_info  # type: ignore[attr-defined]
    sys.modules.update({"spacy.cli": cli, "spacy.cli.info": info})
    try:
        import spacy
    except ImportError:  # a spaCy whose package imports more of its command line: the whole of it
        for name in [m for m in sys.modules if m == "spacy" or m.startswith("spacy.")]:
            del sys.modules[name]
        import spacy
    finally:
        for name, stand_in in (("spacy.cli.info", info), ("spacy.cli", cli)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
    if getattr(spacy, "cli", None) is cli:
        del spacy.cli  # type: ignore[attr-defined]


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    from spacy.cli.info import info

    return info(*args, **kwargs)


def compile_rules(rules: list[Rule], language: str) -> Compiled:
    """Every rule of `language` into one word index, token Matchers, regexes, fuzzy phrases, prefilters."""
    import_spacy()
    import spacy

    nlp = spacy.blank(SPACY_LANG.get(language, "xx"))
    nlp.tokenizer.max_cache_size = TOKENIZER_CACHE  # type: ignore[union-attr]
    active = [r for r in rules if language in r.patterns]
    numbering = Numbering()
    patterns = {r.id: numbering.pattern(r.patterns[language]) for r in active}
    # spaCy's pickle keeps the attributes kept: the rules read back from the disk cache are as compiled
    keep_lexical(nlp, lexical_attributes(leaf.condition.tokens for p in patterns.values() for leaf in p.leaves()
                                         if leaf.condition.tokens is not None))
    c = Compiled(language, nlp, WordIndex(nlp, language), [], TokenPatterns(), {}, {}, {}, None, active, patterns)
    phrase_keys: set[str] = set()
    for rule in active:
        for leaf in patterns[rule.id].leaves():
            _add_leaf(c, rule, leaf, phrase_keys)
    c.literals = regex_literals((key, regex.pattern) for key, regex in c.regexes.items())
    c.strings = StringSet(s for sets in c.literals.values() for strings in sets for s in strings)
    c.index = RuleIndex.build([patterns[r.id] for r in active], c.literals, c.tokens.anchors)
    _add_sanctions(c)
    c.families, c.starts = _families(c.phrases, c.words.group_alternatives, set(c.sanction_kinds))
    c.stop_orths = frozenset(nlp.vocab.strings.add(p) for p in _SENTENCE_END)
    c.regex_anchors = tuple({id(a): a for found in c.tokens.anchors.values() for a in found if a.regex}.values())
    return c


def lexical_attributes(token_patterns: Iterable[list[dict[str, Any]]]) -> frozenset[int]:
    """The attributes of a word that matching reads: its lower case (the word index, the phrases' forms and
    stems), and those the token patterns test ("IS_DIGIT", "SHAPE", …)."""
    from spacy.attrs import IDS, LOWER  # type: ignore[import-not-found]

    named = {name.upper() for pattern in token_patterns for spec in pattern for name in spec}
    return frozenset({LOWER, *(IDS[name] for name in named if name in IDS)})


def keep_lexical(nlp: Any, kept: frozenset[int]) -> None:
    """A word new to the vocabulary is given only the attributes `kept`. spaCy works out 22 for a blank
    Russian pipeline (number-likeness, shape, URL-likeness, stop word …) in Python: two thirds of what a
    new word costs the tokenizer, and a code brings tens of thousands of new words, each worker process
    its own."""
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {attr: get for attr, get in getters.items() if attr in kept}


def _add_leaf(c: Compiled, rule: Rule, leaf: Pattern, phrase_keys: set[str]) -> None:
    """A leaf's matcher, once per key: the same pattern in several rules is matched once."""
    key, cond = leaf.key, leaf.condition
    assert key is not None
    if cond.phrase is not None:
        if key not in phrase_keys:
            phrase_keys.add(key)
            c.phrases.append(c.words.phrase(key, cond.phrase, cond.gap, cond.stem))
    elif cond.tokens is not None:
        if key not in c.tokens.matchers:
            pattern = _token_pattern(cond.tokens, c.language)
            _check_token_pattern(rule, c.language, pattern, c.nlp)
            c.tokens.add(key, pattern, c.nlp)
    elif cond.regex is not None:
        c.regexes[key] = compile_rule_regex(without_yo(cond.regex, c.language))
    elif cond.fuzzy is not None:
        c.fuzzies[key] = Fuzzy(normalize(cond.fuzzy, c.language).lower(), cond.threshold)


def _add_sanctions(c: Compiled) -> None:
    """Sanction phrases ride in the word index; the clause pattern says where an article's penalties are."""
    vocab = _sanction_vocab().get(c.language, {})
    for kind, texts in (vocab.get("types") or {}).items():
        for i, text in enumerate(texts):
            key = f"sanction:{kind}:{i}"
            c.phrases.append(c.words.phrase(key, text, 0, None))
            c.sanction_kinds[key] = kind
    c.clause = re.compile(vocab["clause"]) if vocab.get("clause") else None
    c.not_penalty = re.compile(vocab["not_penalty"]) if vocab.get("not_penalty") else None


def broader_sanction(kind: str) -> str | None:
    """The sanction type `kind` is a narrower form of (`administrative_arrest` → `arrest`), if any."""
    return (_sanction_vocab().get("broader") or {}).get(kind)


def _families(phrases: list[Phrase], group_alternatives: list[tuple[int, ...]],
              sanctions: set[str]) -> tuple[list[Family], dict[int, list[Start]]]:
    """The phrases' families, and for each alternative word the families (and their phrases) it starts."""
    family_of: dict[Family, int] = {}
    members: dict[int, dict[int, list[int]]] = {}  # alternative → family → phrases
    for i, phrase in enumerate(phrases):
        fid = family_of.setdefault(Family(phrase.gap, phrase.groups[1:]), len(family_of))
        for aid in group_alternatives[phrase.groups[0]]:
            members.setdefault(aid, {}).setdefault(fid, []).append(i)

    def start(aid: int, fid: int, found: list[int]) -> Start:
        others = {a for i in found for a in group_alternatives[phrases[i].groups[0]] if a != aid}
        keys = tuple(phrases[i].key for i in found if phrases[i].key not in sanctions)
        return Start(fid, tuple(found), frozenset(others), keys, tuple(i for i in found if phrases[i].key in sanctions))

    starts = {aid: [start(aid, fid, found) for fid, found in fams.items()] for aid, fams in members.items()}
    return [_with_words(f, group_alternatives) for f in family_of], starts


def _with_words(family: Family, group_alternatives: list[tuple[int, ...]]) -> Family:
    """The family with the words its tail needs, so that an article missing one skips it by set tests."""
    alternatives = [group_alternatives[g] for g in family.tail]
    words = frozenset(a[0] for a in alternatives if len(a) == 1)
    return family._replace(words=words, choices=tuple(frozenset(a) for a in alternatives if len(a) > 1))
