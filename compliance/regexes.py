"""Rule regexes with bounded work: Python regex syntax → a linear-time RE2 pattern, or a checked `re` one.

Reads the regex text of a rule condition and produces a `RuleRegex` whose `finditer` gives the same spans
as Python's `re` with IGNORECASE. Where the pattern can be said exactly in RE2 (google-re2: linear time in
the text, whatever the pattern), it runs there: Python's Unicode `\\w`, `\\d`, `\\s` are spelled out as
the Unicode classes they are, since RE2's are ASCII. Patterns RE2 cannot say exactly (a word boundary
`\\b`, which RE2 knows only for ASCII; lookarounds; back-references; `$`) stay on `re`, and are refused at
load (`ValueError`) when a quantified group holds another unbounded quantifier: the shape that backtracks
catastrophically ("(a+)+b" takes exponential time on 45 characters).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

import re2  # type: ignore[import-untyped]

_WORD = r"\p{L}\p{N}_"  # Python's \w on str: letters, numbers and the underscore
_DIGIT = r"\p{Nd}"
_SPACE = r"\t\n\x{0b}\f\r\x{1c}-\x{20}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}"
# Escapes RE2 cannot say as Python means them (inside a class, a negated class cannot be spelled out).
_SPACE_NOT_NEWLINE = _SPACE.replace(r"\n", "")
_OUTSIDE = {"w": f"[{_WORD}]", "W": f"[^{_WORD}]", "d": _DIGIT, "D": r"\P{Nd}", "s": f"[{_SPACE}]", "S": f"[^{_SPACE}]"}
_INSIDE = {"w": _WORD, "d": _DIGIT, "D": r"\P{Nd}", "s": _SPACE}
_PYTHON_ONLY = set("bBZ123456789")  # word boundary (Unicode), \Z, back-references


class Span(Protocol):
    def span(self) -> tuple[int, int]: ...

    def start(self) -> int: ...

    def end(self) -> int: ...


def to_re2(pattern: str) -> str | None:
    """The RE2 spelling of a Python regex with the same matches, or None when there is none this knows.

    >>> to_re2(r"союз\\w*\\s+и")
    'союз[\\\\p{L}\\\\p{N}_]*[\\\\t\\\\n\\\\x{0b}\\\\f\\\\r\\\\x{1c}-\\\\x{20}\\\\x{85}\\\\x{a0}\\\\x{1680}\\\\x{2000}-\\\\x{200a}\\\\x{2028}\\\\x{2029}\\\\x{202f}\\\\x{205f}\\\\x{3000}]+и'
    >>> to_re2(r"\\bсоюз") is None
    True
    """
    # "white space but not a line break", the one negated class with \S the rules write, spelled out
    pattern = pattern.replace(r"[^\S\n]", f"[{_SPACE_NOT_NEWLINE}]")
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            table = _INSIDE if in_class else _OUTSIDE
            if nxt in table:
                out.append(table[nxt])
            elif nxt in _PYTHON_ONLY or nxt in "WS":  # W, S here only inside a class
                return None
            else:
                out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]" or pattern[i - 1] == "[" or pattern[i - 2 : i] == "[^"
        elif ch == "[":
            in_class = True
        elif ch == "$" or pattern.startswith(("(?=", "(?!", "(?<=", "(?<!", "(?P=", "(?>"), i):
            return None
        out.append(ch)
        i += 1
    return "".join(out)


@dataclass(frozen=True)
class RuleRegex:
    """A rule's regex (case-insensitive) on the engine that can run it in bounded time."""

    pattern: str  # as the rule wrote it: literals are read from this
    engine: str  # "re2" or "re"
    compiled: Any

    def finditer(self, text: str) -> Iterator[Span]:
        return iter(self.compiled.finditer(text))


_OPTIONS = re2.Options()
_OPTIONS.case_sensitive = False
# Unicode classes under case folding make large automata: with the default 8 MB the longest rule patterns
# fall back to the slower (still linear) NFA, and RE2 logs that on stderr.
_OPTIONS.max_mem = 256 << 20


# Longest fuzzy phrase a rule may give: partial-ratio matching costs its length times the article's.
FUZZY_MAX = 300


@lru_cache(maxsize=4096)
def compile_rule_regex(pattern: str) -> RuleRegex:
    """`pattern` compiled; `ValueError` for a bad one or one that can backtrack catastrophically."""
    try:
        python = re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"bad regex {pattern!r}: {exc}") from None
    translated = to_re2(pattern)
    if translated is not None:
        try:
            return RuleRegex(pattern, "re2", re2.compile(translated, _OPTIONS))
        except re2.error:
            pass  # RE2 refuses it (a repeat over 1000, say): Python's engine, if it is safe there
    problem = _backtracking(pattern)
    if problem:
        raise ValueError(f"regex {pattern!r} can take exponential time ({problem}): rewrite it")
    return RuleRegex(pattern, "re", python)


def _backtracking(pattern: str) -> str | None:
    """What makes `pattern` backtrack catastrophically on Python's engine (nested unbounded repeats), or None."""
    from re import _parser  # type: ignore[attr-defined]

    def walk(items: Any, under_repeat: bool) -> str | None:
        for op, arg in items:
            name = str(op)
            if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                low, high, sub = arg
                unbounded = high == _parser.MAXREPEAT or high > 100
                if unbounded and under_repeat:
                    return "a repeated group holding another unbounded repeat"
                found = walk(sub, under_repeat or unbounded)
            elif name in ("SUBPATTERN", "ATOMIC_GROUP"):
                found = walk(arg[-1], under_repeat)
            elif name == "BRANCH":
                found = next((f for branch in arg[1] if (f := walk(branch, under_repeat))), None)
            elif name in ("ASSERT", "ASSERT_NOT"):
                found = walk(arg[1], under_repeat)
            else:
                found = None
            if found:
                return found
        return None

    return walk(_parser.parse(pattern), False)
