"""Rule regexes with bounded work: Python regex syntax → a linear-time RE2 pattern, or a checked `re` one.

Reads the regex text of a rule condition and produces a `RuleRegex` whose `finditer` gives the same spans
as Python's `re` with IGNORECASE. Where the pattern can be said exactly in RE2 (google-re2: linear time in
the text, whatever the pattern), it runs there: Python's Unicode `\\w`, `\\d`, `\\s` are spelled out as
the Unicode classes they are, since RE2's are ASCII. Patterns RE2 cannot say exactly (a word boundary
`\\b`, which RE2 knows only for ASCII; lookarounds; back-references; `$`) stay on `re`, and are refused at
load (`ValueError`) when a quantified group holds another unbounded quantifier, or alternatives that can
begin with the same character: the shapes that backtrack catastrophically ("(a+)+b", "(a|aa)+b" and
"(\\w|\\d)+!" take exponential time on a few dozen characters). The alternatives' check is conservative: it
compares first characters only, so "(ab|ac)+" is refused too (write "(a[bc])+").
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


class RuleRegex:
    """A rule's regex (case-insensitive) on the engine that can run it in bounded time.

    Pickled (the on-disk rule cache) as its source only: unpickling recompiled every RE2 automaton at each
    start-up, a tenth of a one-article check, though the literal prefilter lets most of them never run. The
    engine was chosen, and the pattern checked, when the regex was first compiled."""

    __slots__ = ("pattern", "engine", "source", "_compiled")

    def __init__(self, pattern: str, engine: str, source: str, compiled: Any = None) -> None:
        self.pattern = pattern  # as the rule wrote it: literals are read from this
        self.engine = engine  # "re2" or "re"
        self.source = source  # what the engine compiles: RE2's translation, or the rule's pattern
        self._compiled = compiled

    def __getstate__(self) -> tuple[str, str, str]:
        return self.pattern, self.engine, self.source

    def __setstate__(self, state: tuple[str, str, str]) -> None:
        self.pattern, self.engine, self.source = state
        self._compiled = None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RuleRegex) and self.__getstate__() == other.__getstate__()

    def __hash__(self) -> int:
        return hash(self.__getstate__())

    def __repr__(self) -> str:
        return f"RuleRegex({self.pattern!r}, {self.engine!r})"

    @property
    def compiled(self) -> Any:
        if self._compiled is None:
            self._compiled = (re2.compile(self.source, _OPTIONS) if self.engine == "re2"
                              else re.compile(self.source, re.IGNORECASE))
        return self._compiled

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
            return RuleRegex(pattern, "re2", translated, re2.compile(translated, _OPTIONS))
        except re2.error:
            pass  # RE2 refuses it (a repeat over 1000, say): Python's engine, if it is safe there
    problem = _backtracking(pattern)
    if problem:
        raise ValueError(f"regex {pattern!r} can take exponential time ({problem}): rewrite it")
    return RuleRegex(pattern, "re", pattern, python)


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
                found = _overlapping(arg[1]) if under_repeat else None
                found = found or next((f for branch in arg[1] if (f := walk(branch, under_repeat))), None)
            elif name in ("ASSERT", "ASSERT_NOT"):
                found = walk(arg[1], under_repeat)
            else:
                found = None
            if found:
                return found
        return None

    return walk(_parser.parse(pattern), False)


# Characters the first-character check tries: Latin, Cyrillic (with the Kazakh and Uzbek letters), general
# punctuation and the pattern's own literals. Two classes that share a character share one of these.
_PROBE = "".join(map(chr, (*range(0x20, 0x530), 0x9, 0xA, 0xD, *range(0x2000, 0x2070), 0x3000)))


def _overlapping(branches: list[Any]) -> str | None:
    """Alternatives (under an unbounded repeat) that can begin with the same character, or None."""
    firsts = [_first_chars(branch) for branch in branches]
    if len(firsts) > 1 and any(first.empty for first in firsts):
        # the parser moves a shared prefix out ("(a|aa)" is "a(?:|a)"): an alternative that can match nothing
        # beside one that cannot still splits the same text two ways
        return "a repeated group with an alternative that can match nothing"
    probe = set(_PROBE) | {c for first in firsts for c in first.literals}
    for i, a in enumerate(firsts):
        for b in firsts[i + 1:]:
            if a.anything or b.anything or any(a.holds(c) and b.holds(c) for c in probe):
                return "a repeated group whose alternatives can begin with the same character"
    return None


@dataclass
class _First:
    """The characters a sequence can begin with: single-character tests (case-insensitive), or anything."""

    tests: list[Any]
    literals: set[str]
    anything: bool = False
    empty: bool = False  # the sequence can match the empty string

    def holds(self, ch: str) -> bool:
        # "ŉ".upper() is two characters: Python's regex engine folds case one character at a time
        cases = {c for c in (ch, ch.lower(), ch.upper()) if len(c) == 1}
        return any(_char_in(op, arg, c) for op, arg in self.tests for c in cases)


def _first_chars(items: Any) -> _First:
    first = _First([], set())
    first.empty = _add_first(items, first)
    return first


def _add_first(items: Any, first: _First) -> bool:
    """Add what `items` can begin with to `first`; True when they can match the empty string."""
    for op, arg in items:
        name = str(op)
        if name in ("LITERAL", "NOT_LITERAL", "ANY", "IN"):
            first.tests.append((name, arg))
            if name == "LITERAL":
                first.literals.add(chr(arg))
            return False
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # zero-width
        if name in ("SUBPATTERN", "ATOMIC_GROUP"):
            nullable = _add_first(arg[-1], first)
        elif name == "BRANCH":
            nullable = any([_add_first(branch, first) for branch in arg[1]])
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            nullable = _add_first(arg[2], first) or arg[0] == 0
        else:  # a back-reference or a conditional: anything, to be safe
            first.anything = True
            return False
        if not nullable:
            return False
    return True


_CATEGORY = {"CATEGORY_WORD": r"\w", "CATEGORY_DIGIT": r"\d", "CATEGORY_SPACE": r"\s",
             "CATEGORY_NOT_WORD": r"\W", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_NOT_SPACE": r"\S"}


def _char_in(name: str, arg: Any, ch: str) -> bool:
    """Whether one character matches one parsed single-character item of Python's regex parser."""
    if name == "LITERAL":
        return ch == chr(arg)
    if name == "NOT_LITERAL":
        return ch != chr(arg)
    if name == "ANY":
        return True
    if name == "RANGE":
        return bool(arg[0] <= ord(ch) <= arg[1])
    if name == "CATEGORY":
        return re.fullmatch(_CATEGORY.get(str(arg), "."), ch, re.DOTALL) is not None
    if name == "IN":
        negated = bool(arg) and str(arg[0][0]) == "NEGATE"
        found = any(_char_in(str(op), a, ch) for op, a in arg[negated:])
        return found != negated
    return True
