"""Article text: an article `Node` of the parse stage → the one text the check matches and a finding quotes.

Reads an article node (heading, own text, units below it); produces an `ArticleText`: the heading line,
then each unit's label and text, one line each, with where each top-level unit (part) and each line's
node lie in it, and the text's sentences. Offsets into this text are the spans of every finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from ..models import Node

Span = tuple[int, int]


class Unit(NamedTuple):
    """A stretch of the article text and the node it comes from."""

    start: int
    end: int
    node: Node


@dataclass
class ArticleText:
    """The text a finding quotes: heading line, then each unit's label and text, one line each."""

    node: Node
    text: str
    parts: list[Unit]  # top-level units (the article's own text is a part of its own)
    owners: list[Unit]  # every line: which node a span falls in
    head: Span | None = None  # the heading line ("Статья 5. Запрещение дискриминации"), when there is one

    @classmethod
    def whole(cls, node: Node, text: str) -> ArticleText:
        """A text that is one article with one part, as the spaCy component sees a `Doc`."""
        unit = Unit(0, len(text), node)
        return cls(node, text, [unit], [unit])

    @cached_property
    def sentences(self) -> list[Span]:
        """The text's sentences, found when a rule scoped to a sentence first asks: most articles hold
        no rule's phrases and are never evaluated."""
        return sentence_spans(self.text)

    def crosses_head(self, span: Span) -> bool:
        """Whether `span` runs from the heading line into the body: a heading is a title, not the first
        words of a sentence, so a phrase of the heading's last words and the body's first is no match."""
        return self.head is not None and span[0] < self.head[1] < span[1]


class _Lines:
    """The article text as it is built: lines joined by newlines, each line's node remembered."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.owners: list[Unit] = []
        self.pos = 0

    def add(self, line: str, node: Node) -> Span:
        # a unit's text hard-wrapped mid-sentence (plain text, a PDF export) reads as one line: the same
        # length, so every span still points at the same characters
        line = _WRAP.sub(" ", line)
        start = self.pos
        self.lines.append(line)
        self.owners.append(Unit(start, start + len(line), node))
        self.pos += len(line) + 1
        return start, start + len(line)

    def add_unit(self, node: Node) -> Span:
        """The unit's line (label and text), then its children's: the span they cover together."""
        line = " ".join(p for p in (node.label, node.text) if p)
        start, end = self.add(line, node) if line else (self.pos, self.pos)
        for child in node.children:
            _, end = self.add_unit(child)
        return start, end


def article_text(article: Node) -> ArticleText:
    """The article's heading line, then its own text, then every unit below it, one line each."""
    out = _Lines()
    head_line = " ".join(p for p in (article.label, article.heading) if p)
    head = out.add(head_line, article) if head_line else None
    parts: list[Unit] = []
    if article.text:
        parts.append(Unit(*out.add(article.text, article), article))
    for child in article.children:
        parts.append(Unit(*out.add_unit(child), child))
    text = "\n".join(out.lines)
    return ArticleText(article, text, parts, out.owners, head)


# A line break inside a unit's text between a word and a word in lower case continues the sentence
# ("двух\nтретей"); after a dash or a colon it is the layout of the law ("… –\nнаказывается …"). The
# pattern starts with the line break, so `re` looks for it as fast as str.find does; the word before it is
# tested once it is found (a pattern that starts with the look-behind is tried at every character).
_WRAP = re.compile(r"\n(?<=[\w,]\n)(?=[ \t]*[a-zа-яёіәғқңөұүһўʻ‘’'`])")

# A break is a line break, or the white space after . ! ? before what starts a sentence. Every break starts
# with a white space character, and the pattern does too, so `re` skips to the next one in C instead of
# trying the pattern at every character; a line break alone is a break of its own, never part of a longer one.
_SENTENCE_BREAK = re.compile(r"\s(?:(?<=\n)|(?<=[.!?]\s)\s*(?=[«\"(A-ZА-ЯЁІӘҒҚҢӨҰҮҺ0-9]))")


def sentence_spans(text: str) -> list[Span]:
    """Spans of the sentences of `text`: a line ends one, and so does . ! ? before a capital or a digit.

    >>> sentence_spans("Первое. Второе\\nтретье")
    [(0, 7), (8, 14), (15, 21)]
    """
    out, start = [], 0
    for m in _SENTENCE_BREAK.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out
