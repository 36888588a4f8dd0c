"""Strings that every match of a regular expression must contain: the prefilter of the parse and check stages.

A substring test is far cheaper than a regular-expression scan, and most texts lack the strings; the scan
then runs only where it can match (the prefilter trick of RE2 and Hyperscan). The check engine tests them
before its rules' regexes on each article; the note reader before its repeal words on each heading.
Strings are lower case: test them against the text's `.lower()`, as the regexes are compiled with
re.IGNORECASE.
"""

from __future__ import annotations

import re
from typing import Any


def required_literals(pattern: str) -> tuple[tuple[str, ...], ...]:
    r"""Sets of strings (lower case) such that every match of `pattern` holds a string of each set; the most
    selective set first; empty when the pattern has none.

    Groups and repeats that must match at least once are looked into; an alternation gives one string per
    branch. Strings shorter than 3 characters are not worth a test.

    >>> required_literals(r"граждан\w*\s+Республики"), required_literals(r"(?:более|не\s+менее)\s+половин")
    ((('республики',), ('граждан',)), (('половин',), ('более', 'менее')))
    >>> required_literals(r"судья|қызметш[iі]|қызметкер"), required_literals(r"(?:кодекс)(?:zz1zz)?")
    ((('судья', 'қызметкер', 'қызметш'),), (('кодекс',),))
    """
    from re import _parser  # type: ignore[attr-defined]

    try:
        parsed = _parser.parse(pattern, re.IGNORECASE)
    except re.error:
        return ()
    usable = {f for f in _literal_sets(parsed, _parser) if min(map(len, f)) >= 3}
    return tuple(tuple(sorted(f)) for f in sorted(usable, key=_selectivity, reverse=True))


def lower_needles(strings: tuple[str, ...]) -> tuple[str, ...] | None:
    """What to look for in a text's `.lower()` so as to miss no place where `strings` (lower case) match
    case-insensitively in the text itself: the strings, and the characters `.lower()` keeps apart from
    theirs though `re` takes them as alike ("ı" and "ſ" for "i" and "s"; "İ" lowers to "i" and a combining
    dot). None when this Python does not say which those are.

    >>> lower_needles(("tassyklamak",)), [f"U+{ord(c):04X}" for c in lower_needles(("ilova",))[1:]]
    (('tassyklamak', 'ſ'), ['U+0131', 'U+0307'])
    """
    try:
        from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]  # the table `re` matches by
    except ImportError:
        return None
    chars = set("".join(strings))
    alike = {chr(e) for c in chars for e in _EXTRA_CASES.get(ord(c), ())} | ({"\u0307"} if "i" in chars else set())
    return (*strings, *sorted(alike - chars))


def needles(pattern: str) -> tuple[str, ...]:
    """What a text's `.lower()` holds wherever `pattern` (compiled with re.IGNORECASE) matches in the text:
    the most selective set of its required strings, with the characters `re` takes for theirs; () when it
    has none, or this Python does not say which those are (then the pattern is always tried)."""
    found = required_literals(pattern)
    return (lower_needles(found[0]) or ()) if found else ()


def may_hold(found: tuple[str, ...], lower: str) -> bool:
    """Whether a text (`lower`: its `.lower()`) can hold a match of the pattern whose `needles` are `found`."""
    return not found or any(s in lower for s in found)


def _literal_sets(seq: Any, sre: Any) -> list[frozenset[str]]:
    """Candidate sets of strings: every match of `seq` contains at least one string of each set."""
    found: list[frozenset[str]] = []
    run = ""
    for op, arg in seq:
        if op is sre.LITERAL:
            run += chr(arg)
            continue
        if run:
            found.append(frozenset({run.lower()}))
            run = ""
        if op is sre.SUBPATTERN:
            found += _literal_sets(arg[-1], sre)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and arg[0] >= 1:
            found += _literal_sets(arg[2], sre)
        elif op is sre.BRANCH:
            branches = [_best_literals(_literal_sets(b, sre)) for b in arg[1]]
            if all(branches):
                found.append(frozenset().union(*branches))  # type: ignore[arg-type]
    if run:
        found.append(frozenset({run.lower()}))
    return found


def _selectivity(strings: frozenset[str]) -> tuple[int, int, tuple[str, ...]]:
    """How rarely a set of strings is likely met: its shortest string as long as possible, then fewest
    strings (then the strings themselves, so that the order is fixed)."""
    return min(map(len, strings)), -len(strings), tuple(sorted(strings))


def _best_literals(found: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective set whose strings are all at least 3 characters long."""
    usable = [f for f in found if min(map(len, f)) >= 3]
    return max(usable, key=_selectivity) if usable else None


def digit_blind(pattern: str, flags: int = 0) -> bool:
    r"""Whether `pattern` treats the ASCII digits 0–9 all alike: no digit written literally, no class holding
    some digits but not all, no backreference. Such a pattern matches a text where every digit is replaced
    by "0" at the same places, with the same groups, as it matches the text itself: a reader can then
    analyse "(В редакции … от 02.07.2013 № 185-ФЗ)" once for every note of that shape.

    >>> digit_blind(r"(?P<day>\d{1,2})\.(?P<year>\d{4})"), digit_blind(r"[\w-]+"), digit_blind(r"19\d\d")
    (True, True, False)
    >>> digit_blind(r"[1-5]"), digit_blind(r"(\w)\1"), digit_blind(r"[^0-9]")
    (False, False, True)
    """
    from re import _parser  # type: ignore[attr-defined]

    try:
        parsed = _parser.parse(pattern, flags)
    except re.error:
        return False
    return _blind(parsed, _parser)


_DIGITS = range(ord("0"), ord("9") + 1)


def _blind(seq: Any, sre: Any) -> bool:
    for op, arg in seq:
        if op in (sre.LITERAL, sre.NOT_LITERAL):
            if arg in _DIGITS:
                return False
        elif op is sre.IN:
            for item_op, item in arg:
                if item_op is sre.LITERAL and item in _DIGITS:
                    return False
                if item_op is sre.RANGE and len(set(range(item[0], item[1] + 1)) & set(_DIGITS)) not in (0, 10):
                    return False
        elif op in (sre.GROUPREF, sre.GROUPREF_EXISTS):
            return False
        elif op is sre.SUBPATTERN:
            if not _blind(arg[-1], sre):
                return False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            if not _blind(arg[2], sre):
                return False
        elif op is sre.BRANCH:
            if not all(_blind(b, sre) for b in arg[1]):
                return False
        elif op in (sre.ASSERT, sre.ASSERT_NOT, sre.ATOMIC_GROUP) and not _blind(
            arg[-1] if op is not sre.ATOMIC_GROUP else arg, sre
        ):
            return False
    return True
