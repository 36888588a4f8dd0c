"""Every shipped rule regex runs in bounded time on one long repeated token, the shape that made Python's
engine quadratic (a 544 kB hostile article took 198 s); and a regex that can backtrack catastrophically is
refused when its rule file is loaded.
"""

from __future__ import annotations

import time

import pytest

from compliance.literals import required_literals
from compliance.regexes import compile_rule_regex
from compliance.rules import Condition, load_rules

N = 12_000  # characters: a quadratic regex takes seconds here, a linear one milliseconds
BOUND = 1.0  # seconds for all the hostile texts of one regex, on a loaded machine


def _regexes(cond: Condition | None) -> list[str]:
    if cond is None:
        return []
    found = [cond.regex] if cond.regex else []
    for part in (*(cond.all or []), *(cond.any or []), *(cond.none or []), *(cond.unless or [])):
        found += _regexes(part)
    return found


SHIPPED = sorted({rx for rule in load_rules() for cond in rule.patterns.values() for rx in _regexes(cond)})


def hostile_texts(pattern: str) -> list[str]:
    """One token repeated: a string the regex needs, with and without spaces between; or letters."""
    words = [w for group in required_literals(pattern) or [] for w in group][:1] or ["а"]
    return [(w * (N // len(w) + 1))[:N] for w in (*words, *(f"{w} " for w in words))]


def test_the_shipped_rules_have_regexes() -> None:
    assert len(SHIPPED) > 200


@pytest.mark.parametrize("pattern", SHIPPED)
def test_a_shipped_regex_is_linear_on_a_long_repeated_token(pattern: str) -> None:
    regex = compile_rule_regex(pattern)
    start = time.perf_counter()
    for text in hostile_texts(pattern):
        sum(1 for _ in regex.finditer(text))
    assert time.perf_counter() - start < BOUND, f"{regex.engine}: {pattern}"


@pytest.mark.parametrize("pattern", [r"(\w+\s?)+$", r"(?:\w*)*\b", r"((ab)*)+$", r"(x+x+)+\b", r"(a+|b)+\b"])
def test_a_regex_that_backtracks_catastrophically_is_refused(pattern: str) -> None:
    with pytest.raises(ValueError, match="exponential"):
        compile_rule_regex(pattern)


@pytest.mark.parametrize("pattern", [r"(а+)+б", r"(\w+\s?)+x", r"(?:\w*)*z"])
def test_a_nested_quantifier_re2_can_run_is_linear(pattern: str) -> None:
    regex = compile_rule_regex(pattern)
    start = time.perf_counter()
    assert not list(regex.finditer("а" * 100_000))
    assert regex.engine == "re2" and time.perf_counter() - start < BOUND


@pytest.mark.parametrize(("pattern", "text"), [
    (r"профсоюз\w*\s+и", "ПРОФСОЮЗЫ и профсоюз и"), (r"\d+\s*%", "50 % и ٣٤%"), (r"[^\S\n]+x", "a \u00a0x\nx"),
    (r"ё\w*", "ЁЛКА ёж"), (r"\W+", "a — b"), (r"[\w-]+", "уч-ся"), (r"\bсвяз", "связь несвязь"),
])
def test_re2_finds_what_python_finds(pattern: str, text: str) -> None:
    import re

    want = [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]
    assert [m.span() for m in compile_rule_regex(pattern).finditer(text)] == want
