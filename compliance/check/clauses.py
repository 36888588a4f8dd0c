"""Clauses: an article's text × where an exception (`unless`) holds → the stretches the exception removes.

Reads an `ArticleMatches` (its text, parts and language) and the clause boundaries of
`vocab/clauses.yaml`; produces, for a unit (sentence, part, article) and the spans an exception holds on,
the clauses to remove: the clause holding each span (between boundaries: a list item's line, ";", ":"), a
chapeau (ending with ":", or with a dash before a list item) together with the items after it — or None
when an exception holds in the unit's head (its first clause), which qualifies every clause after it.
So "Хулиганство, совершенное: а) с применением оружия; б) по мотивам … ненависти" loses item а) only, and
a chapeau all of whose items an exception removes goes with them.
"""

from __future__ import annotations

import re
from functools import cache

from ..models import Node
from ..yamlsafe import load_vocabulary
from .match import ArticleMatches
from .text import Span


@cache
def boundary(language: str) -> re.Pattern[str]:
    vocab = (load_vocabulary("clauses.yaml") or {}).get(language) or {}
    return re.compile(vocab.get("boundary") or r"\n|;|:", re.IGNORECASE)


def clauses(text: str, unit: Span, language: str) -> list[Span]:
    """The clauses of `unit`: stretches between boundaries (each clause keeps the boundary that ends it)."""
    out: list[Span] = []
    start = unit[0]
    for m in boundary(language).finditer(text, unit[0], unit[1]):
        if m.start() > start and text[start:m.start()].strip():
            out.append((start, m.end()))
            start = m.end()
    if unit[1] > start and text[start:unit[1]].strip():
        out.append((start, unit[1]))
    return out or [unit]


def _part_end(am: ArticleMatches, pos: int, unit: Span) -> int:
    for s, e, _ in am.text.parts:
        if s <= pos < e:
            return min(e, unit[1])
    return unit[1]


def excepted_stretches(am: ArticleMatches, unit: Span, found: list[Span]) -> list[Span] | None:
    """The stretches of `unit` removed by exception spans `found`; None when the whole unit is."""
    text = am.text.text
    parts = clauses(text, unit, am.compiled.language)
    removed: list[Span] = []
    for s, e in found:
        holding = [i for i, c in enumerate(parts) if c[0] < e and s < c[1]]
        if not holding or holding[0] == 0:
            return None
        for i in holding:
            a, b = parts[i]
            if _chapeau(am, parts, i):
                b = max(_part_end(am, a, unit), _items_end(am, parts, i))
            removed.append((a, b))
    for chapeau in _emptied_chapeaus(am, parts, removed):
        if chapeau == parts[0]:
            return None
        removed.append(chapeau)
    return removed


def _items_end(am: ArticleMatches, parts: list[Span], i: int) -> int:
    """The end of the list items of chapeau `i` (its own end if none): a chapeau governs them even where the
    parse made them points of the article rather than of the chapeau's part."""
    items = _items_of(am, parts, i)
    return parts[items[-1]][1] if items else parts[i][1]


def _items_of(am: ArticleMatches, parts: list[Span], i: int) -> list[int]:
    """The clauses right after clause `i` that are in list items of the unit clause `i` is in ("1) …: а) …;
    б) …" — not the "2)" after them, which is that unit's sibling)."""
    unit = _node_at(am, parts[i][0])
    out = []
    for j in range(i + 1, len(parts)):
        node = _node_at(am, parts[j][0])
        if unit is None or node is None or node.kind not in _ITEMS or not node.eid.startswith(f"{unit.eid}__"):
            break
        out.append(j)
    return out


_SPACE = re.compile(r"\s*")
_ITEMS = ("point", "subpoint")


def _node_at(am: ArticleMatches, pos: int, starting: bool = False) -> Node | None:
    """The node whose line holds a clause starting at `pos` (with `starting`: whose line it starts)."""
    pos = _SPACE.match(am.text.text, pos).end()  # type: ignore[union-attr]  # \s* always matches
    return next((node for start, end, node in am.text.owners
                 if (start == pos if starting else start <= pos < end)), None)


def _starts_item(am: ArticleMatches, pos: int) -> bool:
    """Whether a clause starting at `pos` starts a list item: a line the parse made a point or sub-point of."""
    node = _node_at(am, pos, starting=True)
    return node is not None and node.kind in _ITEMS


def _chapeau(am: ArticleMatches, parts: list[Span], i: int) -> bool:
    """Whether clause `i` introduces the items after it: it ends with ":", or with a dash before a list item
    (English texts: "… any form of forced or compulsory labour— (a) …"). A dash before a line that is no item
    ends a description of conduct, not a chapeau (Kazakh codes: "… совершенное …, –" / "наказывается …")."""
    a, b = parts[i]
    end = am.text.text[a:b].rstrip()
    if end.endswith(":"):
        return True
    return end.endswith(_DASHES) and i + 1 < len(parts) and _starts_item(am, parts[i + 1][0])


_DASHES = ("\u2014", "\u2013")


def _emptied_chapeaus(am: ArticleMatches, parts: list[Span], removed: list[Span]) -> list[Span]:
    """The chapeaus (`_chapeau`) every item after which is removed: without its items a chapeau describes no
    conduct ("Хулиганство, совершенное: а) с применением насилия; б) с применением оружия")."""
    out = []
    for i, (a, b) in enumerate(parts):
        if not _chapeau(am, parts, i):
            continue
        items = [parts[j] for j in _items_of(am, parts, i) if _starts_item(am, parts[j][0])]
        if items and all(any(x <= c[0] and c[1] <= y for x, y in removed) for c in items):
            out.append((a, b))
    return out
