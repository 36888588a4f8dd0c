"""OpenDocument list numbering: the labels an office application prints before the paragraphs of numbered
lists ("1)", "а)", "Статья 5."), which are no text of the paragraphs but are worked out from the list styles.

Reads the body of `content.xml` and the list styles of `content.xml` and `styles.xml` (a `text:list` names its
style, or inherits its outer list's; the style's `text:list-level-style-number` for each level gives the
format, prefix, suffix, start and how many levels the label shows); produces, for the first paragraph of each
numbered list item, its label with the tab, space or nothing the application puts after it. A list continues
the numbering of the list before it with `text:continue-numbering` or `text:continue-list`, and an item may
restart it (`text:start-value`). Bullets and list headers give no label; a level whose format is empty prints
its prefix and suffix alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .docx_numbering import MAX_COUNT, formatted_number

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_T, _S = f"{{{_TEXT}}}", f"{{{_STYLE}}}"
_FOLLOWED = {"listtab": "\t", "space": " ", "nothing": ""}
# ODF's number formats → the numbering formats `formatted_number` prints
_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}


@dataclass(frozen=True)
class _Level:
    fmt: str | None  # None: a bullet, or a level without a number style
    prefix: str = ""
    suffix: str = ""
    start: int = 1
    shown: int = 1  # how many levels the label shows ("1.2.")
    followed: str = "\t"


def list_labels(body: etree._Element, *styles: etree._Element) -> dict[etree._Element, str]:
    """{first paragraph of a numbered list item: its label}, over the whole body in document order."""
    defined = {s.get(f"{_S}name"): s for root in styles for s in root.iter(f"{_T}list-style")}
    labels: dict[etree._Element, str] = {}
    counters: dict[str | None, list[int]] = {}  # by list style: the counts of the last list of that style
    previous: list[int] | None = None
    for lst in body.iter(f"{_T}list"):
        if any(a.tag == f"{_T}list" for a in lst.iterancestors()):
            continue  # numbered with its outer list
        name = lst.get(f"{_T}style-name")
        goes_on = lst.get(f"{_T}continue-numbering") == "true" or lst.get(f"{_T}continue-list") is not None
        counts = (counters.get(name) or previous or []) if goes_on else []
        counts = counters[name] = list(counts)
        _number(lst, 0, _levels(defined.get(name)), counts, labels, defined)
        previous = counts
    return labels


def _number(lst: etree._Element, depth: int, levels: dict[int, _Level], counts: list[int],
            labels: dict[etree._Element, str], defined: dict[str | None, etree._Element]) -> None:
    own = lst.get(f"{_T}style-name")
    if own is not None and depth:
        levels = _levels(defined.get(own))  # a nested list with a style of its own
    level = levels.get(depth + 1, _Level(None))
    for item in lst:
        if item.tag == f"{_T}list-header" or item.tag != f"{_T}list-item":
            continue
        while len(counts) <= depth:
            counts.append(0)
        restart = _count(item.get(f"{_T}start-value"))
        counts[depth] = restart if restart is not None else (counts[depth] + 1 if counts[depth] else level.start)
        del counts[depth + 1 :]  # a deeper level starts afresh under each item
        first = next((c for c in item if c.tag in (f"{_T}p", f"{_T}h")), None)
        if first is not None and level.fmt is not None:
            shown = [formatted_number(n, fmt) for n, fmt in _shown(counts, depth, level, levels)]
            labels[first] = f"{level.prefix}{'.'.join(shown)}{level.suffix}{level.followed}"
        for nested in item.iter(f"{_T}list"):
            if next(nested.iterancestors(f"{_T}list")) is lst:
                _number(nested, depth + 1, levels, counts, labels, defined)


def _shown(counts: list[int], depth: int, level: _Level, levels: dict[int, _Level]) -> list[tuple[int, str]]:
    """The counts a label shows, each in its level's format: its own, and the levels above it it displays."""
    first = max(0, depth + 1 - level.shown)
    return [(counts[i], (levels.get(i + 1) or level).fmt or "decimal") for i in range(first, depth + 1)]


def _levels(style: etree._Element | None) -> dict[int, _Level]:
    if style is None:
        return {}
    out = {}
    for el in style:
        depth = _count(el.get(f"{_T}level"))
        if depth is None:
            continue
        if el.tag != f"{_T}list-level-style-number":
            out[depth] = _Level(None)
            continue
        fmt = el.get(f"{_S}num-format") or ""
        props = el.find(f"{_S}list-level-properties/{_S}list-level-label-alignment")
        followed = props.get(f"{_T}label-followed-by") if props is not None else None
        out[depth] = _Level(
            fmt=_format(fmt),
            prefix=el.get(f"{_S}num-prefix") or "",
            suffix=el.get(f"{_S}num-suffix") or "",
            start=_count(el.get(f"{_T}start-value")) or 1,
            shown=_count(el.get(f"{_T}display-levels")) or 1,
            followed=_FOLLOWED.get(followed or "", "\t"),
        )
    return out


def _format(fmt: str) -> str:
    """The numbering format of an ODF num-format: "" prints no number; "а, б, .." is the Russian alphabet."""
    if not fmt:
        return "none"
    if fmt[0] in "абв":
        return "russianLower"
    if fmt[0] in "АБВ":
        return "russianUpper"
    return _FORMATS.get(fmt, "decimal")


def _count(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and int(value) <= MAX_COUNT else None
