"""The matching engine's shortcuts give what the plain ways give: regex spans read from the article's
UTF-8 bytes, the regexes' required strings found in one pass, rules dropped by set tests."""

from __future__ import annotations

import pickle
import random
import re
from itertools import product
from typing import Any

from compliance.check import check_document, compiled_rules
from compliance.check.match import _regex_spans
from compliance.check.patterns import Numbering
from compliance.check.prefilter import StringSet, Way, _Tests, may_match, ways
from compliance.check.text import _WRAP, sentence_spans
from compliance.models import DocumentMeta, Finding
from compliance.parse import parse_text
from compliance.regexes import compile_rule_regex
from compliance.rules import Condition, Rule, load_rules


def test_regex_spans_on_bytes_are_the_character_spans_python_finds() -> None:
    text = "Статья 5. Ёлка — «союз» и профсоюз;\nсоюзы, союз"
    for pattern in (r"союз\w*", r"(?:про)?", r"ё\w+|профсоюз", r"\s+и\s+"):
        regex = compile_rule_regex(pattern)
        assert regex.engine == "re2"
        expected = [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]
        assert _regex_spans(regex, text, text.encode("utf-8")) == expected


def test_string_set_finds_strings_inside_each_other_and_survives_pickling() -> None:
    strings = StringSet(["союз", "профсоюз", "граждан", "absent"])
    restored = pickle.loads(pickle.dumps(strings))
    for found in (strings, restored):
        assert found.found_in("члены профсоюза — граждане") == {"союз", "профсоюз", "граждан"}


def test_a_rule_needing_two_phrases_has_one_way_and_an_any_has_one_per_part() -> None:
    numbering = Numbering()
    both = numbering.pattern(Condition.model_validate({"all": [{"phrase": "профсоюз"}, {"phrase": "забастовка"}]}))
    either = numbering.pattern(Condition.model_validate({"any": [{"phrase": "профсоюз"}, {"phrase": "забастовка"}]}))
    tests = _Tests({}, {})
    found = ways(both, tests)
    assert found is not None and len(found) == 1
    assert found[0] == Way(frozenset(p.key for p in both.parts if p.key))
    assert ways(either, tests) == [Way(frozenset({p.key})) for p in either.parts if p.key]


def test_the_string_tests_told_at_once_by_bits_are_each_test_told_by_its_sets() -> None:
    # every string test of the real rules, on the strings of each of its own sets and on random mixtures
    index = compiled_rules(load_rules(), "ru").index
    strings = sorted(index.string_bits)
    rng = random.Random(7)
    samples = [frozenset(s for sets in index.string_sets[:n] for s in sets[-1]) for n in range(len(index.string_sets) + 1)]
    samples += [frozenset(rng.sample(strings, k)) for k in range(0, len(strings), 3) for _ in range(5)]
    assert any(any(index.strings_met(p)) for p in samples) and not all(all(index.strings_met(p)) for p in samples)
    for present in samples:
        assert index.strings_met(present) == [may_match(sets, present) for sets in index.string_sets]


def _rule(rule_id: str, **condition: Any) -> Rule:
    """A labour-code rule of one Russian condition (`phrase=…`, `tokens=…`)."""
    return Rule(id=rule_id, convention="C087", article="3", title="t", principle="p", kind="concern", severity="low",
                applies_to=["labour code"], recommendation="r", patterns={"ru": Condition(**condition)})


def _findings(text: str, rules: list[Rule]) -> list[Finding]:
    """The findings of `rules` on a Kazakh labour code of `text` (plain text)."""
    meta = DocumentMeta(id="constructed", kind="labour code", country="KZ", language="ru")
    return check_document(parse_text(text, "text", meta=meta), rules, "KZ")


def test_a_token_pattern_testing_what_spacy_works_out_of_a_word_matches_as_in_spacy() -> None:
    # new words get only the attributes matching reads: a user's rule testing digits, number-likeness or
    # shape still sees them, on words new to the vocabulary as on words it had before
    import spacy
    from spacy.matcher import Matcher

    patterns = {"C087-A3-digits-test": [{"IS_DIGIT": True}, {"LOWER": "дней"}],
                "C087-A3-number-test": [{"like_num": True}, {"LOWER": "месяцев"}],
                "C087-A3-shape-test": [{"SHAPE": "dd.dd.dddd"}]}
    rules = [_rule(rule_id, tokens=tokens) for rule_id, tokens in patterns.items()]
    text = "Статья 1. Сроки\nЗабастовка объявляется за 14 дней, не позднее 20.11.2026, или за шесть месяцев."
    found = {f.rule_id for f in _findings(text, rules)}
    spacy_finds = set()
    nlp = spacy.blank("ru")
    for rule_id, tokens in patterns.items():
        matcher = Matcher(nlp.vocab)
        matcher.add(rule_id, [tokens])
        if matcher(nlp(text)):
            spacy_finds.add(rule_id)
    assert found == spacy_finds == set(patterns)


def test_new_words_get_only_the_attributes_the_real_rules_read() -> None:
    from spacy.attrs import LOWER

    compiled = compiled_rules(load_rules(), "ru")
    assert set(compiled.nlp.vocab.lex_attr_getters) == {LOWER}


def test_a_word_test_by_regex_knows_a_word_first_seen_in_an_article_where_no_rule_asked_it() -> None:
    # the rule set learns each new word once, in the article that shows it first, for every regex word test
    # and stem: an article where the rule's phrase is missing (its word test never asked) teaches it too
    rule = _rule("C087-A3-learnt-test", all=[{"phrase": "забастовка"},
                                            {"tokens": [{"LOWER": {"REGEX": "^двенадцат"}}, {"LOWER": "дней"}]}])
    first = "Статья 1. Сроки\nСрок составляет двенадцать дней.\n"
    second = "Статья 2. Забастовка\nЗабастовка объявляется за двенадцать дней.\n"
    assert [f.article for f in _findings(first + second, [rule])] == ["2"]
    assert [f.article for f in _findings(second, [rule])] == ["2"]
    assert _findings(first, [rule]) == []


def test_a_line_break_joins_a_unit_s_lines_only_between_a_word_and_a_lower_case_word() -> None:
    """Every text of up to five characters of an alphabet of the cases: the line breaks read as spaces are
    exactly those after a letter, digit, underscore or comma whose next character past spaces and tabs
    begins a word in lower case."""

    def joined(text: str) -> list[int]:
        return [i for i, ch in enumerate(text) if ch == "\n" and i > 0 and (text[i - 1].isalnum() or text[i - 1] in "_,")
                and text[i + 1 :].lstrip(" \t")[:1] in ("a", "б", "ʻ")]

    for n in range(1, 6):
        for text in map("".join, product(["a", "Б", "б", "ʻ", "1", ",", ".", "-", " ", "\t", "\n"], repeat=n)):
            assert [m.start() for m in _WRAP.finditer(text)] == joined(text), repr(text)


def test_sentences_end_at_a_line_break_and_at_a_stop_before_a_capital_digit_or_opening_mark() -> None:
    """Every text of up to five characters of an alphabet of the cases: the sentences are those the rule
    says in Python gives. A line break ends one; so does the white space after . ! ? when a capital, a
    digit, «, " or ( follows it; and a sentence is what lies between two ends, if anything."""

    def ends(text: str) -> list[tuple[int, int]]:
        out, i = [], 0
        while i < len(text):
            if text[i] == "\n":
                out.append((i, i + 1))
            elif text[i].isspace() and i > 0 and text[i - 1] in ".!?":
                j = i
                while j < len(text) and text[j].isspace():
                    j += 1
                if j < len(text) and text[j] in "AБ1«(":
                    out.append((i, j))
                    i = j
                    continue
            i += 1
        return out

    def sentences(text: str) -> list[tuple[int, int]]:
        bounds = [(0, 0), *ends(text), (len(text), len(text))]
        return [(a[1], b[0]) for a, b in zip(bounds, bounds[1:]) if b[0] > a[1]]

    for n in range(1, 6):
        for text in map("".join, product(["a", "A", "Б", "1", "«", ".", "!", " ", "\n"], repeat=n)):
            assert sentence_spans(text) == sentences(text), repr(text)


def test_a_phrase_word_is_found_in_any_form_and_letter_case_and_as_several_tokens() -> None:
    # the word index reads one-token forms from a table of lower cases; a form spaCy cuts into tokens
    # ("кого-либо": "кого", "-", "либо") from a PhraseMatcher
    rules = [_rule("C087-A3-union-test", phrase="профсоюз"), _rule("C087-A3-anyone-test", phrase="кто-либо")]
    found = {f.rule_id: f for f in _findings("Статья 1. Сроки\nПРОФСОЮЗОВ не принуждают кого-либо.", rules)}
    assert set(found) == {"C087-A3-union-test", "C087-A3-anyone-test"}
    union, anyone = found["C087-A3-union-test"], found["C087-A3-anyone-test"]
    assert [union.quote[a:b] for a, b in union.spans] == ["ПРОФСОЮЗОВ"]
    assert [anyone.quote[a:b] for a, b in anyone.spans] == ["кого"]  # a phrase's span ends at its last word's first token
    assert compiled_rules(rules, "ru").words.multi_token


def test_a_phrase_s_spans_worked_out_when_asked_are_every_place_it_occurs_in_the_original_text() -> None:
    # the index pass only tells that a phrase occurs; its places are assembled when a rule asks, and are
    # offsets into the article as written, not into the matching text (a zero-width space dropped)
    rules = [_rule("C087-A3-union-test", phrase="создание профсоюза", gap=1)]
    text = "Статья 1. Сроки\nСоздание\u200b профсоюза. Право на создание нового профсоюза. Создание. Профсоюза."
    [finding] = _findings(text, rules)
    assert [finding.quote[a:b] for a, b in finding.spans] == ["Создание\u200b профсоюза", "создание нового профсоюза"]


def test_phrase_runs_read_for_stops_only_between_words_are_the_runs_of_the_stops_counted_before_each_token() -> None:
    # the definition: words at most `gap` tokens apart, no sentence end among the tokens between them
    from bisect import bisect_right
    from itertools import accumulate

    from compliance.check.match import _phrase_runs

    def defined(lists: list[list[int]], gap: int, ids: list[int], stops: frozenset[int]) -> list[tuple[int, int]]:
        before = list(accumulate(map(stops.__contains__, ids), initial=0))
        out = []
        for first in lists[0]:
            end = first
            for positions in lists[1:]:
                j = bisect_right(positions, end)
                if j == len(positions) or positions[j] > end + 1 + gap or before[positions[j]] != before[end + 1]:
                    break
                end = positions[j]
            else:
                out.append((first, end))
        return out

    rng = random.Random(11)
    stops = frozenset({0})
    runs = 0
    for _ in range(3000):
        ids = [rng.choice([0, 1, 2, 3, 4, 5, 6]) for _ in range(rng.randint(1, 30))]
        lists = [[i for i, w in enumerate(ids) if w == word] for word in rng.sample([1, 2, 3, 4], rng.randint(1, 3))]
        gap = rng.randint(0, 3)
        expected = defined(lists, gap, ids, stops)
        assert list(_phrase_runs(lists, gap, ids, stops)) == expected
        runs += len(expected)
    assert runs > 1000  # the cases hold runs, and (below) runs a stop breaks
    assert list(_phrase_runs([[0], [2]], 1, [1, 0, 2], stops)) == []
    assert list(_phrase_runs([[0], [2]], 1, [1, 5, 2], stops)) == [(0, 2)]
