"""Format readers: source text → a flat list of `Line`s with offsets, before any structure is known.

Each reader knows only its format's markup (Markdown heading markers, emphasis and quotes, HTML blocks and
superscripts, YAML front matter) and says what it saw as hints on the line (`heading`, `italic`, `quoted`,
inline note and superscript ranges). Deciding what a line *is* (an article, a point, a note) is the job of
`structure.py`, from the vocabularies. Every line's content is `source_text[start:end]`, so offsets found
later point at characters a user sees.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from lxml import etree

Role = Literal["body", "meta", "navigation"]
Format = Literal["markdown", "html", "text", "akn"]


@dataclass(slots=True)  # a 50 MB law has hundreds of thousands of lines
class Line:
    start: int
    end: int
    lineno: int
    heading: bool | None = None  # True: marked as a heading; False: the format says it is not; None: unknown
    italic: bool = False  # the whole line is emphasised (Markdown * or _)
    quoted: bool = False  # Markdown block quote ("> ")
    indent: int = 0
    role: Role = "body"
    # Absolute ranges that are notes, and ranges printed as superscript. Most lines have neither: the shared
    # empty tuple costs nothing, where two empty lists per line cost 112 bytes (80 MB on a 50 MB law).
    inline_notes: Sequence[tuple[int, int]] = ()
    sups: Sequence[tuple[int, int]] = ()


@dataclass
class Decoded:
    """A reader's result: the text offsets point into, and its lines."""

    text: str
    lines: list[Line]


_SPACE = " \t\r\f\v\u00a0"  # zero-width characters are kept: they are characters of the source


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in _SPACE or text[start] == "\n"):
        start += 1
    while end > start and (text[end - 1] in _SPACE or text[end - 1] == "\n"):
        end -= 1
    return start, end


_BREAK = re.compile(r"\r\n|\r|\n")


def _physical_lines(text: str) -> list[tuple[int, int, int]]:
    """(start, end, lineno) of every line; end excludes the line break. \\r\\n, \\r and \\n all break lines."""
    out = []
    start, lineno = 0, 1
    for m in _BREAK.finditer(text):
        out.append((start, m.start(), lineno))
        start, lineno = m.end(), lineno + 1
    if start < len(text):
        out.append((start, len(text), lineno))
    return out


def read_text(text: str) -> Decoded:
    """Plain text: one `Line` per non-blank line."""
    lines = []
    for start, end, lineno in _physical_lines(text):
        s, e = _strip_span(text, start, end)
        if s < e:
            lines.append(Line(s, e, lineno, indent=s - start))
    return Decoded(text, lines)


_MD_HEADING = re.compile(r"#{1,6}[ \t]+")
_MD_ANCHOR = re.compile(r'^[ \t]*(?:<a[ \t]+(?:id|name)="[^"\n]*"[ \t]*>[ \t]*</a>[ \t]*)+$')
_MD_QUOTE = re.compile(r"[ \t]*>[ \t]?")
_MD_EMPHASIS = ("***", "**", "*", "__", "_")


def read_markdown(text: str) -> Decoded:
    """Markdown (zan.gov.kz mirror, Word exports): heading markers, quotes, emphasis and anchors are markup."""
    lines: list[Line] = []
    physical = _physical_lines(text)
    skip_until = 0
    if text.startswith("---"):
        # YAML front matter: metadata of the mirror, not law text; kept whole as one metadata line.
        for start, end, lineno in physical[1:]:
            if text[start:end].strip() == "---":
                lines.append(Line(0, end, 1, role="meta"))
                skip_until = lineno
                break
    for start, end, lineno in physical:
        if lineno <= skip_until:
            continue
        raw = text[start:end]
        if not raw.strip() or _MD_ANCHOR.match(raw):
            continue
        s = start + (len(raw) - len(raw.lstrip(_SPACE)))
        indent = s - start
        quoted = False
        m = _MD_QUOTE.match(text, s, end)
        if m and text.startswith(">", s):
            quoted, s = True, m.end()
        heading = None
        m = _MD_HEADING.match(text, s, end)
        if m:
            heading, s = True, m.end()
        s, e = _strip_span(text, s, end)
        if e > s and text[e - 1] == "\\":  # Markdown hard line break
            s, e = _strip_span(text, s, e - 1)
        italic = False
        for mark in _MD_EMPHASIS:
            n = len(mark)
            if e - s > 2 * n and text.startswith(mark, s) and text.endswith(mark, s, e) and text[s + n] not in " *_":
                s, e = _strip_span(text, s + n, e - n)
                italic = True
                break
        if s < e:
            role: Role = "navigation" if text[s] == "↑" else "body"
            lines.append(Line(s, e, lineno, heading=heading, italic=italic, quoted=quoted, indent=indent, role=role))
    return Decoded(text, lines)


_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "pre", "blockquote", "div", "dd", "dt", "caption"}
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# pravo.gov.ru: class H = headings (chapter, article), T = titles (part, section), span.mark = amendment note,
# span.W9 / span.WB = superscript article numbers.
_HEADING_CLASSES = {"H", "T"}
_NOTE_CLASSES = {"mark", "markx"}
_SUP_CLASSES = {"W9", "WB"}


def read_html(text: str) -> Decoded:
    """HTML (pravo.gov.ru export, other portals): the text of leaf blocks, one `Line` per block.

    Offsets point into the extracted text (block texts joined by newlines), which `Document.source_text`
    keeps; markup itself is not law text.
    """
    # Plain etree (not lxml.html): the html element classes cost a third of the parse and are not needed.
    parser = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    root = etree.fromstring(text.encode("utf-8"), parser=parser)
    if root is None:
        return Decoded("", [])
    body = root.find("body")
    if body is None:
        body = root
    for bad in list(body.iter("script", "style", "noscript", "template")):
        _drop_keep_tail(bad)
    out: list[str] = []
    lines: list[Line] = []
    pos = 0
    blocks = _leaf_blocks(body)
    for lineno, el in enumerate(blocks, start=1):
        acc = None
        if len(el) == 0:  # no child elements: no note, no superscript, nothing to record
            chunk = el.text or ""
        else:
            acc = _Acc(pos)
            acc.collect(el, in_note=False)
            chunk = "".join(acc.pieces)
        s, e = _strip_span(chunk, 0, len(chunk))
        if s >= e:
            continue
        cls = el.get("class")
        heading = el.tag in _HEADING_TAGS or bool(cls and not _HEADING_CLASSES.isdisjoint(cls.split()))
        line = Line(pos + s, pos + e, el.sourceline or lineno, heading=heading)
        if acc is not None:
            line.inline_notes = _merge_adjacent(_clip(acc.notes, line.start, line.end), chunk, pos)
            line.sups = _clip(acc.sups, line.start, line.end)
        lines.append(line)
        out.append(chunk)
        pos += len(chunk)
        out.append("\n")
        pos += 1
    return Decoded("".join(out), lines)


def _drop_keep_tail(el: etree._Element) -> None:
    """Remove an element but keep the text that follows it (lxml's remove() would drop its tail)."""
    parent, tail = el.getparent(), el.tail
    if parent is None:
        return
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _leaf_blocks(body: etree._Element) -> list[etree._Element]:
    """Blocks holding no other block, in document order: each block marks the blocks above it (a walk up
    from each block, stopping at one already marked, instead of a search below every block)."""
    blocks = list(body.iter(*_BLOCKS))  # kept alive: getparent() then returns these same proxies
    outer: set[etree._Element] = set()
    for el in blocks:
        parent = el.getparent()
        while parent is not None and parent is not body:
            if parent.tag in _BLOCKS:
                if parent in outer:
                    break
                outer.add(parent)
            parent = parent.getparent()
    return [el for el in blocks if el not in outer]


class _Acc:
    """Text of one block, depth first, with note and superscript ranges as absolute offsets."""

    def __init__(self, base: int) -> None:
        self.pieces: list[str] = []
        self.pos = base
        self.notes: list[tuple[int, int]] = []
        self.sups: list[tuple[int, int]] = []

    def add(self, text: str | None) -> None:
        if text:
            self.pieces.append(text)
            self.pos += len(text)

    def collect(self, el: etree._Element, in_note: bool) -> None:
        cls = el.get("class")
        note_class, sup_class = _class_flags(cls) if cls else (False, False)
        is_note = note_class and not in_note
        is_sup = sup_class or el.tag == "sup"
        if el.tag == "br":
            self.add(" ")
        start = self.pos
        self.add(el.text)
        for child in el:
            if isinstance(child.tag, str):
                self.collect(child, in_note or is_note)
            self.add(child.tail)
        if is_note and self.pos > start:
            self.notes.append((start, self.pos))
        if is_sup and self.pos > start:
            self.sups.append((start, self.pos))


@lru_cache(maxsize=1024)
def _class_flags(cls: str) -> tuple[bool, bool]:
    """(is a note, is a superscript) for a class attribute; a page uses a handful of distinct values."""
    classes = cls.split()
    return not _NOTE_CLASSES.isdisjoint(classes), not _SUP_CLASSES.isdisjoint(classes)


def _merge_adjacent(ranges: list[tuple[int, int]], chunk: str, base: int) -> list[tuple[int, int]]:
    """pravo.gov.ru sometimes splits one note over several marks ("(Статья в" "редакции …"): join them."""
    out: list[tuple[int, int]] = []
    for s, e in ranges:
        if out and not chunk[out[-1][1] - base : s - base].strip():
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _clip(ranges: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for s, e in sorted(ranges):
        s, e = max(s, start), min(e, end)
        if s < e:
            out.append((s, e))
    return out


def detect_format(text: str, name: str = "") -> Format:
    """Guess the format from the file name and the first kilobytes.

    >>> detect_format("### Статья 1. Цель")
    'markdown'
    """
    head = text[:4096].lstrip("\ufeff \t\r\n")
    lower = name.lower()
    if "<akomaNtoso" in text[:4096] or lower.endswith((".akn", ".akn.xml")):
        return "akn"
    if lower.endswith((".html", ".htm")) or re.match(r"(?i)<!doctype html|<html", head):
        return "html"
    if lower.endswith(".md") or re.search(r"(?m)^#{1,6} \S|^<a id=\"|^> \*", text[:20000]):
        return "markdown"
    if lower.endswith(".xml") and "<akomaNtoso" in text:
        return "akn"
    return "text"


def read(text: str, fmt: Format) -> Decoded:
    if fmt == "markdown":
        return read_markdown(text)
    if fmt == "html":
        return read_html(text)
    return read_text(text)
