"""Evidence highlighting: character spans over a text → plain/marked segments, the same for every format.

Offsets are sacred: a finding's `spans` point into its `quote` (the article text built by
`compliance.check.text.article_text`), so the HTML card, the annotated law view and the Markdown quote
all cut the very same characters. Segments carry text only; escaping is the renderer's job (Jinja2
autoescape for HTML, `md_escape` for Markdown), so no markup is ever built from a law's words here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

Span = tuple[int, int]


@dataclass(frozen=True)
class Segment:
    text: str
    mark: str | None = None  # None: plain text; else the CSS class / kind of the highlight
    title: str | None = None  # tooltip for a highlight (e.g. the sanction type)


def merge(spans: Iterable[Span]) -> list[Span]:
    """Sorted, non-overlapping spans (overlapping or touching spans joined).

    >>> merge([(5, 9), (0, 2), (8, 12), (12, 13)])
    [(0, 2), (5, 13)]
    """
    out: list[list[int]] = []
    for s, e in sorted((s, e) for s, e in spans if e > s):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def segments(
    text: str,
    spans: Iterable[Span],
    *,
    offset: int = 0,
    classes: dict[Span, tuple[str, str | None]] | None = None,
    default: str = "evidence",
) -> list[Segment]:
    """`text` (which starts at `offset` of the text the spans point into) cut into plain and marked pieces.

    A marked piece whose span is exactly one of `classes` gets that class and title (e.g. a sanction);
    others get `default`. Spans are clipped to the text, so a line of an article can be cut with the
    spans of the whole article.

    >>> [(s.text, s.mark) for s in segments("наказываются штрафом", [(13, 20)])]
    [('наказываются ', None), ('штрафом', 'evidence')]
    >>> [(s.text, s.mark) for s in segments("abc def", [(0, 5)], offset=4)]
    [('a', 'evidence'), ('bc def', None)]
    """
    classes = classes or {}
    end_of_text = offset + len(text)
    merged = merge(spans)  # a run joined from several spans takes the default class
    out: list[Segment] = []
    pos = offset
    for s0, e0 in merged:
        s, e = max(s0, offset), min(e0, end_of_text)
        if e <= s:
            continue
        if s > pos:
            out.append(Segment(text[pos - offset : s - offset]))
        cls, title = classes.get((s0, e0), (default, None))
        out.append(Segment(text[s - offset : e - offset], cls, title))
        pos = e
    if pos < end_of_text:
        out.append(Segment(text[pos - offset :]))
    return out


def lines(segs: list[Segment]) -> list[list[Segment]]:
    """Segments split at newlines: one list per line (a highlight crossing a line end is cut in two).

    >>> [[s.text for s in line] for line in lines([Segment("a\\nb", "evidence"), Segment("c")])]
    [['a'], ['b', 'c']]
    """
    out: list[list[Segment]] = [[]]
    for seg in segs:
        pieces = seg.text.split("\n")
        for i, piece in enumerate(pieces):
            if i:
                out.append([])
            if piece:
                out[-1].append(Segment(piece, seg.mark, seg.title))
    return out
