"""Down to the point: an article, the lines of its text and the decisive spans → the unit a citation names.

Reads the article node, where each line of the text a finding quotes comes from (`check.text.ArticleText
.owners`: start, end, node) and the spans of the decisive words (the restriction, or the penalty and its
conduct, whichever the rule is about); produces a `Provision`: the article and the chain of units down to
the one holding most of those words ("476(1)(4)": part 1, point 4). The article's own line and its heading
are the article itself. Russian codes leave their parts unnumbered: they are counted ("part 2").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

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


def _unit_of(lines: Sequence[Line], span: Span) -> Node | None:
    for start, end, node in lines:
        if start <= span[0] < end or (start == span[0] == end):
            return node
    return None


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
        out.append(Step(kind, n.num, n.label, _position(parent.children, n, own)))
        parent = n
    return tuple(out)


def locate(article: Node, lines: Sequence[Line], spans: Sequence[Span]) -> Provision:
    """The unit holding the decisive words: the part holding most of `spans` (the first of equals, in text
    order), then within it the point holding most of those that lie in a point, and so on down. Spans in
    the heading line name the article only."""
    body = lines[1:] if lines and (article.label or article.heading) else lines
    parents = _parents(article)
    chains = []
    for span in sorted(spans):
        unit = _unit_of(body, span)
        if unit is not None:
            chains.append(_steps(article, unit, parents) if unit is not article else _own(article))
    chosen: tuple[Step, ...] = ()
    while True:
        deeper = [c for c in chains if len(c) > len(chosen) and c[: len(chosen)] == chosen]
        if not deeper:
            return Provision(article.num or "", chosen)
        counted = Counter(c[len(chosen)] for c in deeper)
        best = max(counted.values())
        chosen = (*chosen, next(c[len(chosen)] for c in deeper if counted[c[len(chosen)]] == best))


def _own(article: Node) -> tuple[Step, ...]:
    """The article's own text: its first part where the parts are counted, else the article itself."""
    counted = any(c.kind == "paragraph" and not c.num for c in article.children)
    return (Step("part", None, None, 1),) if article.text and counted else ()
