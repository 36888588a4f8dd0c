"""Word list numbering: the labels Word prints before numbered paragraphs ("1.", "а)", "Статья 5."), which
are no text of the paragraphs' runs but are worked out from the numbering part.

Reads a python-docx document's numbering and styles parts (a paragraph's `w:numPr`, or its paragraph
style's, names a list instance `w:num` and a level; the instance names an abstract list `w:abstractNum`
whose `w:lvl` gives the number format, the label text "%1.%2." and the start); produces, for each paragraph
asked in document order, its label as Word displays it, with the tab, space or nothing Word puts after it.
Instances of one abstract list count on from each other, as Word counts them, unless one restarts a level
(`w:startOverride`) or defines a level for itself; a list that points at a list style (`w:numStyleLink`)
numbers as that style's list. Bullets give no label (a bullet glyph is no part of a law) but are counted; a
level without a number ("none") prints its text alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lxml import etree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = f"{_W}val"
_PLACEHOLDER = re.compile(r"%([1-9])")
_SUFFIX = {"tab": "\t", "space": " ", "nothing": ""}
# Word's Russian letter lists skip ё, й, ъ, ы and ь, as Russian laws letter their points
_RUSSIAN = "абвгдежзиклмнопрстуфхцчшщэюя"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


@dataclass(frozen=True)
class _Level:
    fmt: str  # w:numFmt: decimal, lowerLetter, russianLower, upperRoman, bullet, none …
    text: str  # w:lvlText: "%1.", "%1.%2.", "Статья %1."
    start: int
    suffix: str  # what follows the label: a tab unless w:suff says a space or nothing
    legal: bool  # w:isLgl: every level's number in decimal ("1.1", not "I.a")


class Numbering:
    """The labels of a document's numbered paragraphs, counted as the paragraphs are asked in order."""

    def __init__(self, document: Any) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        # w:numId → (abstract id, {level: restart}, {level: a level this instance defines for itself})
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        self.style_numbers: dict[str, tuple[str | None, int | None]] = {}  # paragraph style → (numId, level)
        self.counters: dict[str, dict[int, int]] = {}  # abstract id → level → the number last given
        self.restarted: set[str] = set()  # list instances whose restarts were applied
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError):  # python-docx versions that do not make an empty part
            numbering = None
        if numbering is not None:
            self._read_lists(numbering)
        if self.nums:
            self._read_styles(document.styles.element)

    def _read_lists(self, root: etree._Element) -> None:
        linked: dict[str, str] = {}  # list style → the abstract list that defines it (w:styleLink)
        links: dict[str, str] = {}  # abstract list → the list style whose levels it takes (w:numStyleLink)
        for a in root.iter(f"{_W}abstractNum"):
            aid = a.get(f"{_W}abstractNumId") or ""
            self.abstract[aid] = {at: _level(lvl) for lvl in a.iter(f"{_W}lvl")
                                  if (at := _small_int(lvl.get(f"{_W}ilvl"))) is not None}
            if (style := _val(a.find(f"{_W}styleLink"))) is not None:
                linked[style] = aid
            if (style := _val(a.find(f"{_W}numStyleLink"))) is not None:
                links[aid] = style
        for aid, style in links.items():  # a list that only points at a list style numbers as that style's list
            if linked.get(style) in self.abstract and not self.abstract[aid]:
                self.abstract[aid] = self.abstract[linked[style]]
        for n in root.iter(f"{_W}num"):
            abstract = _val(n.find(f"{_W}abstractNumId")) or ""
            restarts, own = {}, {}
            for o in n.iter(f"{_W}lvlOverride"):
                at, start = _small_int(o.get(f"{_W}ilvl")), _small_int(_val(o.find(f"{_W}startOverride")))
                if at is not None and start is not None:
                    restarts[at] = start
                if at is not None and (lvl := o.find(f"{_W}lvl")) is not None:
                    own[at] = _level(lvl)
            self.nums[n.get(f"{_W}numId") or ""] = (abstract, restarts, own)

    def _read_styles(self, root: etree._Element) -> None:
        own: dict[str, tuple[str | None, int | None, str | None]] = {}  # style → (numId, level, based on)
        for s in root.iter(f"{_W}style"):
            num_pr = s.find(f"{_W}pPr/{_W}numPr")
            num_id, level = _num_pr(num_pr) if num_pr is not None else (None, None)
            own[s.get(f"{_W}styleId") or ""] = (num_id, level, _val(s.find(f"{_W}basedOn")))
        for style in own:
            num_id, level, seen, current = None, None, set(), style
            while current in own and current not in seen and (num_id is None or level is None):
                seen.add(current)
                n, lv, current = own[current]  # type: ignore[assignment]
                num_id, level = num_id or n, level if level is not None else lv
            if num_id is not None:
                self.style_numbers[style] = (num_id, level)

    def label(self, p: etree._Element) -> str:
        """The label Word prints before paragraph `p` and what follows it ("" for a paragraph no list numbers).
        Each paragraph is asked once, in document order: its number counts."""
        num_id, ilvl = self._numbered(p)
        if num_id is None or num_id not in self.nums:
            return ""
        abstract_id, restarts, own = self.nums[num_id]
        levels = {**self.abstract.get(abstract_id, {}), **own}
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.restarted:
            self.restarted.add(num_id)
            for at, start in restarts.items():
                counters[at] = start - 1
                for deeper in [k for k in counters if k > at]:
                    del counters[deeper]
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            return ""  # counted all the same: the levels under it restart after it

        def number(m: re.Match[str]) -> str:
            at = int(m.group(1)) - 1
            of = levels.get(at)
            if of is not None and of.fmt == "none":
                return ""  # a level that prints its text ("Примечание.") but no number of its own
            value = counters.get(at, of.start if of else 1)
            return formatted_number(value, "decimal" if level.legal or of is None else of.fmt)

        return _PLACEHOLDER.sub(number, level.text) + level.suffix

    def _numbered(self, p: etree._Element) -> tuple[str | None, int]:
        """The list instance and level of a paragraph: its own w:numPr over its style's ("0": not numbered)."""
        num_id, level = None, None
        num_pr = p.find(f"{_W}pPr/{_W}numPr")
        if num_pr is not None:
            num_id, level = _num_pr(num_pr)
        if num_id is None or level is None:
            style = _val(p.find(f"{_W}pPr/{_W}pStyle"))
            s_num, s_level = self.style_numbers.get(style or "", (None, None))
            num_id, level = num_id or s_num, level if level is not None else s_level
        return (None if num_id in (None, "0") else num_id), level or 0


def _val(el: etree._Element | None) -> str | None:
    return None if el is None else el.get(_VAL)


def _num_pr(num_pr: etree._Element) -> tuple[str | None, int | None]:
    return _val(num_pr.find(f"{_W}numId")), _small_int(_val(num_pr.find(f"{_W}ilvl")))


def _small_int(value: str | None) -> int | None:
    """A count as the numbering part writes it, up to Word's own limit (a start of 2,000,000,000 letters
    would print a label of 77 million "a"s); None for anything else."""
    return int(value) if value and value.isdigit() and int(value) <= MAX_COUNT else None


MAX_COUNT = 32767


def _level(lvl: etree._Element) -> _Level:
    legal = lvl.find(f"{_W}isLgl")
    return _Level(
        fmt=_val(lvl.find(f"{_W}numFmt")) or "decimal",
        text=_val(lvl.find(f"{_W}lvlText")) or "",
        start=_small_int(_val(lvl.find(f"{_W}start"))) or 0,
        suffix=_SUFFIX.get(_val(lvl.find(f"{_W}suff")) or "tab", "\t"),
        legal=legal is not None and _val(legal) not in ("0", "false"),
    )


def formatted_number(n: int, fmt: str) -> str:
    """A number as a numbering format prints it ("none": nothing); a format not read here prints as decimal."""
    if fmt == "none":
        return ""
    if fmt in ("lowerLetter", "upperLetter", "russianLower", "russianUpper") and n > 0:
        letters = _RUSSIAN if fmt.startswith("russian") else "abcdefghijklmnopqrstuvwxyz"
        out = letters[(n - 1) % len(letters)] * ((n - 1) // len(letters) + 1)  # z, aa, bb: as Word counts on
        return out.upper() if fmt.endswith("Upper") or fmt == "upperLetter" else out
    if fmt in ("lowerRoman", "upperRoman") and 0 < n < 4000:
        out = ""
        for value, digits in _ROMAN:
            while n >= value:
                out, n = out + digits, n - value
        return out.upper() if fmt == "upperRoman" else out
    if fmt == "decimalZero" and 0 <= n < 10:
        return f"0{n}"
    return str(n)
