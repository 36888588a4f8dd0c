"""Convention citations: "c87", "1(a)" → the instrument and the units of its text that the citation names.

Reads the ILO instrument texts of the corpus through `corpus.instrument` (each parsed on first use, once
per process, so only the instruments actually cited are parsed) and produces the chain of units a
citation resolves to: for "1(a)", Article 1 and its point (a). The rule loader asks whether a rule's
citation resolves; the report quotes what it resolves to. One resolver, so a rule that loads can always
be quoted.
"""

from __future__ import annotations

import re

from ..corpus import instrument, normalize_number
from ..models import Node

UNITS = ("article", "paragraph", "point", "subpoint")


def article_path(article: str) -> tuple[str, ...]:
    """The numbers to follow down the convention's tree.

    >>> article_path("1(a)"), article_path("2(2)(c)")
    (('1', 'a'), ('2', '2', 'c'))
    """
    return tuple(re.findall(r"[0-9a-z]+", article))


def numbered_children(node: Node) -> list[Node]:
    """Citable units directly below `node`, looking through unnumbered containers (parts, indents)."""
    out = []
    for child in node.children:
        if child.kind in UNITS and child.num:
            out.append(child)
        else:
            out.extend(numbered_children(child))
    return out


def instrument_exists(number: str) -> bool:
    return instrument(normalize_number(number)) is not None


def resolve(number: str, article: str) -> list[Node] | None:
    """The units a citation names, from its article down to the cited unit; None when the corpus lacks it.

    >>> [n.label for n in resolve("C105", "1(a)")]
    ['Article 1', '(a)']
    >>> resolve("C105", "1(z)") is None
    True
    """
    doc = instrument(normalize_number(number))
    path = article_path(article)
    if doc is None or not path:
        return None
    art = next((a for a in numbered_children(doc.tree) if a.kind == "article" and a.num == path[0]), None)
    if art is None:
        art = doc.tree.article(path[0])
    if art is None:
        return None
    chain = [art]
    for key in path[1:]:
        child = next((c for c in numbered_children(chain[-1]) if c.num == key), None)
        if child is None:
            return None
        chain.append(child)
    return chain
