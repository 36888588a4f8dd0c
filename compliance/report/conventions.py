"""Convention text for the report: "C105", "1(a)" → the words of that article, quoted from the corpus.

Reads `corpora/conventions/<NUMBER>.en.txt` through the parse stage and `citations.resolve` (the resolver
the rule loader validates citations with, so every rule's citation can be quoted) and returns the cited unit with what it hangs on: for a point, the article's chapeau
("Each Member … undertakes to suppress … labour—") and the point itself; for a paragraph, the paragraph;
for a whole article, all of it. Produces `ConventionQuote` (lines with the cited unit flagged) and
`ConventionInfo` (number, titles), or None when the corpus does not hold the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..citations import numbered_children, resolve
from ..corpus import instrument, normalize_number
from ..models import Node

__all__ = ["ConventionInfo", "ConventionQuote", "QuoteLine", "convention_info", "normalize_number", "quote"]


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
    chain = resolve(number, article)
    if chain is None:
        return None
    art = chain[0]
    heading = " ".join(p for p in (art.label or f"Article {art.num}", art.heading) if p)
    out: list[QuoteLine] = []
    if len(chain) == 1:
        if art.text:
            out.append(QuoteLine("", art.text, True, 0))
        for depth, node in _walk_units(art, 0):
            out.append(_line(node, True, depth))
        return ConventionQuote(number, article, heading, tuple(out))
    if art.text:
        out.append(QuoteLine("", art.text, False, 0))
    for depth, child in enumerate(chain[1:]):
        last = depth == len(chain) - 2
        if last:
            out.append(_line(child, True, depth))
            out.extend(_line(n, True, depth + d) for d, n in _walk_units(child, 1))
        else:
            out.append(_line(child, False, depth))
    return ConventionQuote(number, article, heading, tuple(out))


def _walk_units(node: Node, depth: int) -> list[tuple[int, Node]]:
    out = []
    for child in numbered_children(node) or [c for c in node.children if c.text]:
        out.append((depth, child))
        out.extend(_walk_units(child, depth + 1))
    return out
