"""The matching engine's shortcuts give what the plain ways give: regex spans read from the article's
UTF-8 bytes, the regexes' required strings found in one pass, rules dropped by set tests."""

from __future__ import annotations

import pickle
import re

from compliance.check.match import _regex_spans
from compliance.check.patterns import Numbering
from compliance.check.prefilter import StringSet, Way, _Tests, ways
from compliance.regexes import compile_rule_regex
from compliance.rules import Condition


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
