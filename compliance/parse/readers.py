"""Format readers: source text → a flat list of `Line`s with offsets, before any structure is known.

Each reader knows only its format's markup (Markdown heading markers, emphasis and quotes, HTML blocks and
superscripts, YAML front matter) and says what it saw as hints on the line (`heading`, `italic`, `quoted`,
inline note and superscript ranges). Deciding what a line *is* (an article, a point, a note) is the job of
`structure.py`, from the vocabularies. Every line's content is `source_text[start:end]`, so offsets found
later point at characters a user sees. Word and PDF files have readers of their own (`docx.py`, `pdf.py`),
which take the file's bytes (`read_binary`) and give the same `Decoded`.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Literal

from lxml import etree

from ..errors import ParseError

# "continued": body text that goes on with the paragraph before it across a page break (PDF).
Role = Literal["body", "meta", "navigation", "continued"]
Format = Literal["markdown", "html", "text", "akn", "docx", "doc", "odt", "pdf", "rtf", "mhtml"]


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
    # The format marks superscripts (HTML <sup>): an article number is never a flattened one ("Статья 174"
    # after "Статья 17" is article 174, not 17⁴).
    superscripts_marked: bool = False
    # (line, message): what the reader had to repair or could not read, said beside the findings
    warnings: list[tuple[int, str]] = field(default_factory=list)


_SPACE = " \t\r\f\v\u00a0"  # zero-width characters are kept: they are characters of the source


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in _SPACE or text[start] == "\n"):
        start += 1
    while end > start and (text[end - 1] in _SPACE or text[end - 1] == "\n"):
        end -= 1
    return start, end


_BREAK = re.compile(r"\r\n|\r|\n")


def _physical_lines(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, lineno) of every line; end excludes the line break. \\r\\n, \\r and \\n all break lines.

    One at a time: a list of them all would sit beside the `Line`s made from them (30 MB on a 40 MB law).
    Found with `str.find` unless a lone \\r breaks a line somewhere: a regex takes five times as long to scan
    a text of 2-byte characters (a Cyrillic one, or Uzbek with "ʻ").
    """
    windows = "\r" in text
    if windows and text.count("\r") != text.count("\r\n"):
        yield from _lines_by_regex(text)
        return
    start, lineno, find = 0, 1, text.find
    while (end := find("\n", start)) >= 0:
        yield start, end - 1 if windows and text[end - 1 : end] == "\r" else end, lineno
        start, lineno = end + 1, lineno + 1
    if start < len(text):
        yield start, len(text), lineno


def _lines_by_regex(text: str) -> Iterator[tuple[int, int, int]]:
    start, lineno = 0, 1
    for m in _BREAK.finditer(text):
        yield start, m.start(), lineno
        start, lineno = m.end(), lineno + 1
    if start < len(text):
        yield start, len(text), lineno


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
    skip_until = 0
    if text.startswith("---"):
        # YAML front matter: metadata of the mirror, not law text; kept whole as one metadata line.
        for start, end, lineno in islice(_physical_lines(text), 1, None):
            if text[start:end].strip() == "---":
                lines.append(Line(0, end, 1, role="meta"))
                skip_until = lineno
                break
    for start, end, lineno in _physical_lines(text):
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


# Elements whose start and end break a line. Containers (section, table, list) matter for the text directly in
# them, which would otherwise run on into the next block's line.
_BLOCKS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "pre", "blockquote", "div", "dd", "dt", "caption",
    "section", "article", "header", "footer", "main", "nav", "aside", "address", "figure", "figcaption", "hr",
    "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr",
}  # fmt: skip
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# pravo.gov.ru: class H = headings (chapter, article), T = titles (part, section), span.mark = amendment note,
# span.W9 / span.WB = superscript article numbers.
_HEADING_CLASSES = {"H", "T"}
_NOTE_CLASSES = {"mark", "markx"}
_SUP_CLASSES = {"W9", "WB"}
# Not law text, but the text after them is. <head> is only met when a page has no <body>.
_SKIPPED = {"script", "style", "noscript", "template", "head"}
_STRIP = _SPACE + "\n"  # what `_strip_span` strips, for str.strip


def read_html(text: str, label: str = "<html>", utf8: bytes | None = None) -> Decoded:
    """HTML (pravo.gov.ru export, other portals): the body's text in document order, cut into lines at blocks.

    The start or end of any block element ends the current line, so text outside the innermost blocks (text
    directly in <body>, a div's own text around its paragraphs, a paragraph's tail) makes lines of its own:
    no character of the law is lost, at any depth. A <br> ends a line, as inside <pre> the text's own line
    breaks do. Offsets point into
    the extracted text (the lines' texts joined by newlines), which `Document.source_text` keeps; markup
    itself is not law text. `utf8`: the page's UTF-8 when the caller has it (the file's own bytes), else the
    text is encoded.

    >>> d = read_html("<body>Loose<div>Intro<p>Статья 22<sup>1</sup></p>tail</div></body>")
    >>> [d.text[ln.start : ln.end] for ln in d.lines], d.lines[2].sups
    (['Loose', 'Intro', 'Статья 221', 'tail'], [(21, 22)])
    """
    root = _parse_html(text, label, utf8)
    if root is None:
        return Decoded("", [], superscripts_marked=True)
    body = root.find("body")
    if body is None:
        body = root
    walk = _BodyWalk(body)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 4 * _MAX_DEPTH + 1000))  # two calls a level at most, plus the callers
    try:
        walk.content(body, in_note=False)
    finally:
        sys.setrecursionlimit(limit)
    walk.flush()
    return Decoded("\n".join(walk.chunks) + "\n" if walk.chunks else "", walk.lines, superscripts_marked=True)


# libxml2 stops descending past this depth even with `huge_tree` (without it, past 256) and drops the text
# below: Word pages with hundreds of unclosed <font> tags reach it.
_MAX_DEPTH = 2048
# The end tags, found in the page's UTF-8 (what libxml2 reads): a scan of the bytes costs a third of one of the
# decoded text, and spares a copy of it. Between name and ">", any white space `\s` finds in a str (the
# characters `str.isspace` holds), in UTF-8.
_BODY_END = re.compile(rb"</(?:body|html)(?:[\t-\r\x1c-\x20]|\xc2[\x85\xa0]|\xe1\x9a\x80|\xe2\x80[\x80-\x8a\xa8\xa9\xaf]"
                       rb"|\xe2\x81\x9f|\xe3\x80\x80)*>", re.IGNORECASE)
_TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)([^>]*)>")


def _parse_html(text: str, label: str, utf8: bytes | None) -> etree._Element | None:
    """The page's element tree, with every character of its text, or a `ParseError` saying why not.

    Plain etree (not lxml.html): the html element classes cost a third of the parse and are not needed.
    The text is already decoded: UTF-8 is said outright, or a page declaring another charset (or none)
    would be decoded a second time, into mojibake.
    """
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True, huge_tree=True)
    # libxml2 drops text after </html> and puts elements after </body> outside the body; HTML5 reads both
    # as body content, and so does the reader once these end tags are gone (they hold no line break).
    root = etree.fromstring(_BODY_END.sub(b"", text.encode("utf-8") if utf8 is None else utf8), parser=parser)
    if not _too_deep(parser):
        return root
    # Inline elements that mark nothing the walk reads are only nesting: without them the text is the same.
    flat = _without_plain_inline_tags(text)
    root = etree.fromstring(_BODY_END.sub(b"", flat.encode("utf-8")), parser=parser)
    if _too_deep(parser):
        line = next((e.line for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"), 1)
        raise ParseError(label, line, f"HTML nested deeper than {_MAX_DEPTH} elements: its text cannot all be read")
    return root


def _too_deep(parser: etree.HTMLParser) -> bool:
    return any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)


def _without_plain_inline_tags(text: str) -> str:
    """`text` without the tags of inline elements no class of which makes a note or superscript.

    A tag becomes as many line breaks as it holds, so that line numbers stay those of the source.
    """
    marking = {m.group(2).lower() for m in _TAG.finditer(text) if not m.group(1) and "class" in m.group(3).lower()
               and any(_class_flags(c)[:2] != (False, False) for c in re.findall(r"class\s*=\s*[\"']?([^\"'>]*)", m.group(3)))}
    keep = _BLOCKS | _SKIPPED | marking | {"sup", "br", "html", "body", "title", "meta", "link", "base"}

    def plain(m: re.Match[str]) -> str:
        return m.group(0) if m.group(2).lower() in keep else "\n" * m.group(0).count("\n")

    return _TAG.sub(plain, text)


@dataclass(slots=True)
class _Mark:
    """A note or superscript element being walked, and where it started in the current line."""

    note: bool
    start: int


class _BodyWalk:
    """Depth-first walk of a body: text goes to the current line; a block's start or end ends that line.

    Every text node is read once, in document order, which is what keeps every character. Note and
    superscript ranges are offsets in the current line until it is kept. An element still open when a line
    ends (a note wrapping whole paragraphs) covers the rest of that line and goes on from the next one's start.
    """

    def __init__(self, body: etree._Element) -> None:
        self.chunks: list[str] = []  # text of each kept line, unstripped
        self.pos = 0  # where the next kept line starts in the extracted text
        self.lines: list[Line] = []
        self.pieces: list[str] = []  # the current line's text nodes
        self.notes: list[tuple[int, int]] = []  # the current line's ranges
        self.sups: list[tuple[int, int]] = []
        self.open: list[_Mark] = []
        self.block = body  # the innermost block around the current line: its source line and heading flag
        self.heading = False
        self.pre = False  # inside <pre>: the text's own line breaks end lines

    def content(self, el: etree._Element, in_note: bool) -> None:
        """The text of `el` and of its children, each followed by its tail.

        The hot loop (10,000 elements in the RU Labour Code): an inline element that is no note, superscript
        or line break and holds no element gives its text here, without a call.
        """
        pieces = self.pieces
        text = el.text
        if text:
            pieces.append(text)
        for child in el:
            tag = child.tag
            if tag in _BLOCKS:
                self.block_element(child, tag, in_note)
            elif tag not in _SKIPPED and tag.__class__ is str:  # comments and entities have a function as tag
                cls = child.get("class")
                note, sup, _ = _class_flags(cls) if cls else _NO_FLAGS
                if tag == "br":
                    self.flush()
                    if len(child) or child.text:  # markup that is not HTML: a br holding text
                        self.marked(child, note and not in_note, sup, in_note)
                elif note or sup or tag == "sup":
                    self.marked(child, note and not in_note, sup or tag == "sup", in_note)
                elif len(child):
                    self.content(child, in_note)
                else:
                    text = child.text
                    if text:
                        pieces.append(text)
            tail = child.tail
            if tail:
                pieces.append(tail)

    def block_element(self, el: etree._Element, tag: str, in_note: bool) -> None:
        pieces = self.pieces
        if len(pieces) == 1 and not (self.open or self.notes or self.sups) and not pieces[0].strip(_STRIP):
            pieces.clear()  # the white space between two blocks, nothing more: no line, and no call to say so
        else:
            self.flush()
        cls = el.get("class")
        note, sup, heading = _class_flags(cls) if cls else _NO_FLAGS
        heading = heading or tag in _HEADING_TAGS
        if not (note or sup or self.open or len(el)):
            # Most blocks hold only text (2,859 of the 4,780 paragraphs of the RU Labour Code): that is the line.
            text = el.text
            if text:
                self.keep(text, el, heading, (), ())
            return
        outer = self.block, self.heading, self.pre
        self.block, self.heading, self.pre = el, heading, self.pre or tag == "pre"
        if note or sup:
            self.marked(el, note and not in_note, sup, in_note)
        else:
            self.content(el, in_note)
        self.flush()
        self.block, self.heading, self.pre = outer

    def marked(self, el: etree._Element, note: bool, sup: bool, in_note: bool) -> None:
        """The content of `el`, recorded as a note (the outermost only) and/or a superscript range."""
        if not (note or sup):
            self.content(el, in_note)
            return
        start = sum(map(len, self.pieces))  # characters are counted only here: most text is in no mark
        marks = [_Mark(True, start)] if note else []
        if sup:
            marks.append(_Mark(False, start))
        self.open += marks
        self.content(el, in_note or note)
        del self.open[-len(marks) :]
        end = sum(map(len, self.pieces))
        for mark in marks:
            self._record(mark, end)

    def _record(self, mark: _Mark, end: int) -> None:
        if end > mark.start:
            (self.notes if mark.note else self.sups).append((mark.start, end))

    def flush(self) -> None:
        """End the current line: keep it if it holds more than white space."""
        pieces = self.pieces
        if not pieces:
            return
        chunk = pieces[0] if len(pieces) == 1 else "".join(pieces)
        pieces.clear()
        for mark in self.open:  # an element wrapping blocks: its part in this line, then on in the next
            self._record(mark, len(chunk))
            mark.start = 0
        if self.notes or self.sups:
            self.keep(chunk, self.block, self.heading, self.notes, self.sups)
            self.notes, self.sups = [], []
        elif chunk[-1] not in _STRIP or chunk.rstrip(_STRIP):
            self.keep(chunk, self.block, self.heading, (), ())

    def keep(self, chunk: str, block: etree._Element, heading: bool, notes: Sequence[tuple[int, int]],
             sups: Sequence[tuple[int, int]]) -> None:
        """Add a line unless `chunk` is blank; `notes` and `sups` are offsets in `chunk`."""
        if (self.pre or block.tag == "pre") and "\n" in chunk:
            self.keep_pre(chunk, block, heading, notes, sups)
            return
        end = len(chunk)
        if chunk[-1] in _STRIP:  # most lines end in a letter or a stop: no copy made to strip them
            end = len(chunk.rstrip(_STRIP))
            if not end:
                return
        start = end - len(chunk[:end].lstrip(_STRIP)) if chunk[0] in _STRIP else 0
        # libxml2 numbers every element it parses; the line's ordinal is only a last resort.
        self._line(chunk, start, end, block.sourceline or len(self.lines) + 1, heading, notes, sups)
        self.chunks.append(chunk)
        self.pos += len(chunk) + 1

    def _line(self, chunk: str, start: int, end: int, lineno: int, heading: bool,
              notes: Sequence[tuple[int, int]], sups: Sequence[tuple[int, int]]) -> None:
        """One line over chunk[start:end] (the chunk begins at `self.pos`), with its notes and superscripts."""
        pos = self.pos
        line = Line(pos + start, pos + end, lineno, heading)
        if notes:
            line.inline_notes = _merge_adjacent(_clip(notes, start, end, pos), chunk, pos)
        if sups:
            line.sups = _clip(sups, start, end, pos)
        self.lines.append(line)


    def keep_pre(self, chunk: str, block: etree._Element, heading: bool, notes: Sequence[tuple[int, int]],
                 sups: Sequence[tuple[int, int]]) -> None:
        """Preformatted text (older pravo.gov.ru exports put a whole code in one <pre>): a line per line of it.

        The chunk is kept whole, so the extracted text is the same as for any block; only the lines differ.
        """
        first = block.sourceline or len(self.lines) + 1
        for start, end, lineno in _physical_lines(chunk):
            s, e = _strip_span(chunk, start, end)
            if s < e:
                self._line(chunk, s, e, first + lineno - 1, heading, notes, sups)
        self.chunks.append(chunk)
        self.pos += len(chunk) + 1


_NO_FLAGS = (False, False, False)


@lru_cache(maxsize=1024)
def _class_flags(cls: str) -> tuple[bool, bool, bool]:
    """(is a note, is a superscript, is a heading) for a class attribute; a page uses a handful of values."""
    classes = cls.split()
    return (
        not _NOTE_CLASSES.isdisjoint(classes),
        not _SUP_CLASSES.isdisjoint(classes),
        not _HEADING_CLASSES.isdisjoint(classes),
    )


def _merge_adjacent(ranges: list[tuple[int, int]], chunk: str, base: int) -> list[tuple[int, int]]:
    """pravo.gov.ru sometimes splits one note over several marks ("(Статья в" "редакции …"): join them."""
    out: list[tuple[int, int]] = []
    for s, e in ranges:
        if out and not chunk[out[-1][1] - base : s - base].strip():
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _clip(ranges: Sequence[tuple[int, int]], start: int, end: int, base: int) -> list[tuple[int, int]]:
    """Ranges in a line's text cut to its stripped part [start, end), then moved by `base` (the line's offset)."""
    out = []
    for s, e in sorted(ranges):
        s, e = max(s, start), min(e, end)
        if s < e:
            out.append((s + base, e + base))
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


def read(text: str, fmt: Format, label: str = "<text>", utf8: bytes | None = None) -> Decoded:
    """`text` read as `fmt`; `label` names the input in a `ParseError`; `utf8`: the text's UTF-8, if at hand."""
    if fmt == "markdown":
        return read_markdown(text)
    if fmt == "html":
        return read_html(text, label, utf8)
    return read_text(text)
