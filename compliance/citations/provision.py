"""Down to the point: an article, the lines of its text and the decisive spans → the unit a citation names.

Reads the article node, where each line of the text a finding quotes comes from (`check.text.ArticleText
.owners`: start, end, node) and the spans of the decisive words (the restriction, or the penalty and its
conduct, whichever the rule is about); produces a `Provision`: the article and the chain of units down to
the one holding most of those words ("476(1)(4)": part 1, point 4). The article's own line and its heading
are the article itself. Russian codes leave their parts unnumbered: they are counted ("part 2").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..models import Node

Span = tuple[int, int]
Line = tuple[int, int, Node]


@dataclass(frozen=True)
class Step:
    """One unit below the article: a numbered part ("1"), a counted one (number None, position 2), a point."""

    kind: str  # "part" or "point"
    num: str | None  # as printed without its punctuation: "1", "4", "а"
    label: str | None  # as printed: "1.", "4)", "а)"
    position: int  # 1-based among the article's parts (counted parts) or the unit's points


@dataclass(frozen=True)
class Provision:
    article: str
    steps: tuple[Step, ...] = ()
    section: bool = False  # the law calls its articles sections ("Section 241.", "45. Penalties …"): cited "s."

    @property
    def english(self) -> str:
        """ "174(1)", "476(1)(4)", "1, point 6)", "413, part 2".

        >>> Provision("476", (Step("part", "1", "1.", 1), Step("point", "4", "4)", 4))).english
        '476(1)(4)'
        >>> Provision("1", (Step("point", "6", "6)", 6),)).english
        '1, point 6)'
        """
        out = self.article
        for i, step in enumerate(self.steps):
            if step.kind == "part":
                out += f"({step.num})" if step.num else f", part {step.position}"
            elif i and self.steps[i - 1].num:
                out += f"({step.num or step.position})"
            else:
                out += f", point {step.label or step.num}"
        return out


def _parents(article: Node) -> dict[int, Node]:
    out: dict[int, Node] = {}
    for node in article.walk():
        for child in node.children:
            out[id(child)] = node
    return out


def _unit_of(lines: Sequence[Line], span: Span, parents: dict[int, Node], text: str) -> Node | None:
    for start, end, node in lines:
        if start <= span[0] < end or (start == span[0] == end):
            return _closing_owner(node, start, span, parents, text)
    return None


def _closing_owner(node: Node, start: int, span: Span, parents: dict[int, Node], text: str) -> Node:
    """A paragraph set on its own line after the last point of a list closes the list: the penalty after
    "3) …, –" or "При наличии одного из оснований, указанных в настоящем пункте, …" speaks of every point, so
    its words belong to the unit holding the list, not to the last point the layout attached them to."""
    parent = parents.get(id(node))
    if node.kind not in ("point", "subpoint") or parent is None or node.children:
        return node
    if [c for c in parent.children if c.kind == node.kind][-1] is not node:
        return node
    return parent if "\n" in text[start : span[0]] else node


def _position(siblings: list[Node], node: Node, own_text: bool) -> int:
    """1-based place of `node` among its numbered or unnumbered siblings; the article's own text (a
    Russian article's first part) counts as the first part."""
    same = [c for c in siblings if c.kind == node.kind]
    return same.index(node) + 1 + (1 if own_text and node.kind == "paragraph" else 0)


def _steps(article: Node, unit: Node, parents: dict[int, Node]) -> tuple[Step, ...]:
    chain: list[Node] = []
    node: Node | None = unit
    while node is not None and node is not article:
        chain.append(node)
        node = parents.get(id(node))
    out: list[Step] = []
    parent = article
    for n in reversed(chain):
        if n.kind not in ("paragraph", "point", "subpoint"):
            parent = n
            continue
        kind = "part" if n.kind == "paragraph" else "point"
        if kind == "part" and not n.num and out:
            break  # an unnumbered paragraph inside a part: the part is the unit
        own = parent is article and bool(article.text)
        if kind == "point" and parent is article:
            out.extend(_own(article))  # a point of a Russian article's first part, which is its own text
        if n.kind == "subpoint" and parent.kind == "point" and _shape(n.label) == _shape(parent.label):
            out.pop()  # "б)" under "а)": a list's next point the layout indented, not a point of "а)"
        out.append(Step(kind, n.num, n.label, _position(parent.children, n, own)))
        parent = n
    return tuple(out)


# An English unit printed "Section 241." or with its number alone ("45."): an Act's section, cited "s. 45"
_SECTION = re.compile(r"(?i:section)\s|\d+[A-Z]{0,2}\.$")


def _shape(label: str | None) -> str:
    """A label's pattern: "а)" and "б)" share one, "1)" and "а)" do not."""
    return "".join("a" if ch.isalpha() else "1" if ch.isdigit() else ch for ch in label or "")


def _breaks_before(article: Node, lines: Sequence[Line], text: str, span: Span) -> int:
    """Paragraph breaks before `span` inside the article's own text and its unnumbered parts: where the
    layout ran several counted parts into one unit, each line of it is a part of its own."""
    top = {id(c) for c in article.children if c.kind == "paragraph" and not c.num} | {id(article)}
    return sum(text.count("\n", start, min(end, span[0])) for start, end, node in lines
               if id(node) in top and start < span[0])


def _counted(chain: tuple[Step, ...], shift: int) -> tuple[Step, ...]:
    if not shift or not chain or chain[0].kind != "part" or chain[0].num:
        return chain
    first = chain[0]
    return (Step("part", None, None, first.position + shift), *chain[1:])


def locate(article: Node, lines: Sequence[Line], spans: Sequence[Span], text: str = "") -> Provision:
    """The unit holding the decisive words: the part holding most of `spans` (the first of equals, in text
    order), then within it the point holding most of those that lie in a point, and so on down. Spans in
    the heading line name the article only. With the article `text` the lines index, words on a line of
    their own after the last point of a list belong to the list's unit (see `_closing_owner`)."""
    body = lines[1:] if lines and (article.label or article.heading) else lines
    parents = _parents(article)
    chains = []
    for span in sorted(spans):
        unit = _unit_of(body, span, parents, text)
        if unit is not None:
            chain = _steps(article, unit, parents) if unit is not article else _own(article)
            chains.append(_counted(chain, _breaks_before(article, body, text, span)))
    chosen: tuple[Step, ...] = ()
    while True:
        deeper = [c for c in chains if len(c) > len(chosen) and c[: len(chosen)] == chosen]
        if not deeper:
            return replace(_numbered_in_article(article.num or "", chosen), section=bool(_SECTION.match(article.label or "")))
        counted = Counter(c[len(chosen)] for c in deeper)
        best = max(counted.values())
        chosen = (*chosen, next(c[len(chosen)] for c in deeper if counted[c[len(chosen)]] == best))


def _numbered_in_article(num: str, chain: tuple[Step, ...]) -> Provision:
    """A part whose number begins with its article's ("169.1." in article 169: the Azerbaijani codes) is cited
    by that number, as those codes cite it: "article 169.1", not "part 169.1 of article 169". A part "1.1" of
    article 20.2 stays part 1.1 of it.

    >>> _numbered_in_article("169", (Step("part", "169.1", "169.1.", 1),)).english
    '169.1'
    >>> _numbered_in_article("20.2", (Step("part", "1.1", "1.1.", 2),)).english
    '20.2(1.1)'
    """
    if num and chain and chain[0].kind == "part" and (chain[0].num or "").startswith(f"{num}."):
        return Provision(chain[0].num or "", chain[1:])
    return Provision(num, chain)


def _own(article: Node) -> tuple[Step, ...]:
    """The article's own text: its first part where the parts are counted, else the article itself."""
    counted = any(c.kind == "paragraph" and not c.num for c in article.children)
    return (Step("part", None, None, 1),) if article.text and counted else ()
