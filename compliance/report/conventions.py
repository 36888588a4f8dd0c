"""Convention text for the report: "C105", "1(a)" → the words of that article, quoted from the corpus.

Reads `corpora/conventions/<NUMBER>.en.txt` through the parse stage (the same article tree the rules are
validated against) and returns the cited unit with what it hangs on: for a point, the article's chapeau
("Each Member … undertakes to suppress … labour—") and the point itself; for a paragraph, the paragraph;
for a whole article, all of it. Produces `ConventionQuote` (lines with the cited unit flagged) and
`ConventionInfo` (number, titles), or None when the corpus does not hold the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..corpus import instrument
from ..models import Node

_UNITS = ("article", "paragraph", "point", "subpoint")


@dataclass(frozen=True)
class QuoteLine:
    label: str
    text: str
    cited: bool  # the unit the rule cites (or a unit inside it)
    depth: int = 0


@dataclass(frozen=True)
class ConventionQuote:
    convention: str
    article: str
    heading: str  # "Article 1"
    lines: tuple[QuoteLine, ...] = field(default_factory=tuple)

    @property
    def partial(self) -> bool:
        """The quote shows context (a chapeau) besides the cited unit: worth marking which is which."""
        return any(not line.cited for line in self.lines)


@dataclass(frozen=True)
class ConventionInfo:
    number: str
    title: str
    short_title: str | None
    year: int | None
    category: str | None
    source: str | None


def convention_info(number: str) -> ConventionInfo | None:
    doc = instrument(number)
    if doc is None:
        return None
    m = doc.document
    return ConventionInfo(m.number or number, m.title_en or m.title or number, m.short_title, m.year, m.category,
                          m.source)


def normalize_number(ref: str) -> str:
    """ "c87", "C 87", "87" → "C087"; "P29" → "P029".

    >>> normalize_number("c87"), normalize_number("105"), normalize_number("P029")
    ('C087', 'C105', 'P029')
    """
    m = re.fullmatch(r"\s*([CPcp])?\s*0*(\d{1,3})\s*", ref)
    if not m:
        return ref.strip().upper()
    return f"{(m[1] or 'C').upper()}{int(m[2]):03d}"


def _numbered_children(node: Node) -> list[Node]:
    """Citable units directly below `node`, looking through unnumbered containers (parts, indents)."""
    out = []
    for child in node.children:
        if child.kind in _UNITS and child.num:
            out.append(child)
        else:
            out.extend(_numbered_children(child))
    return out


def _line(node: Node, cited: bool, depth: int) -> QuoteLine:
    return QuoteLine(node.label or "", " ".join(p for p in (node.heading, node.text) if p), cited, depth)


def quote(number: str, article: str) -> ConventionQuote | None:
    """The cited unit of a convention with its chapeau, or None when the corpus lacks it.

    >>> q = quote("C105", "1(a)")
    >>> [line.label for line in q.lines], q.lines[-1].cited
    (['', '(a)'], True)
    >>> q.lines[0].text.startswith("Each member")
    True
    """
    doc = instrument(normalize_number(number))
    keys = re.findall(r"[0-9a-z]+", article)
    if doc is None or not keys:
        return None
    art = next((a for a in _numbered_children(doc.tree) if a.kind == "article" and a.num == keys[0]), None)
    if art is None:
        art = doc.tree.article(keys[0])
    if art is None:
        return None
    heading = " ".join(p for p in (art.label or f"Article {art.num}", art.heading) if p)
    out: list[QuoteLine] = []
    if len(keys) == 1:
        if art.text:
            out.append(QuoteLine("", art.text, True, 0))
        for depth, node in _walk_units(art, 0):
            out.append(_line(node, True, depth))
        return ConventionQuote(number, article, heading, tuple(out))
    if art.text:
        out.append(QuoteLine("", art.text, False, 0))
    node = art
    for depth, key in enumerate(keys[1:]):
        child = next((c for c in _numbered_children(node) if c.num == key), None)
        if child is None:
            return None
        last = depth == len(keys) - 2
        if last:
            out.append(_line(child, True, depth))
            out.extend(_line(n, True, depth + d) for d, n in _walk_units(child, 1))
        else:
            out.append(_line(child, False, depth))
        node = child
    return ConventionQuote(number, article, heading, tuple(out))


def _walk_units(node: Node, depth: int) -> list[tuple[int, Node]]:
    out = []
    for child in _numbered_children(node) or [c for c in node.children if c.text]:
        out.append((depth, child))
        out.extend(_walk_units(child, depth + 1))
    return out
