"""OpenDocument reader: the bytes of an .odt file (LibreOffice, OpenOffice, Word's "Save as ODT") → lines.

Reads `content.xml` of the package with lxml: every heading and paragraph of the body in document order
(those in lists, table cells, sections and text frames included) is a line, as the Word reader makes a
paragraph one (a heading style marks nothing: the words of a line tell its unit); a line break inside one starts
a new line, as on the page; `text:s` is its count of spaces, `text:tab` a tab. Footnotes and endnotes
(`text:note`), the record of tracked changes and deleted text, and the document's headers and footers (in
`styles.xml`) are no body text and are not read, as the Word reader leaves them out of a .docx. Text whose
style raises it (`style:text-position` "super", or a positive shift) is kept as a superscript, so that
"Статья 85¹" is cited as "85.1" as the HTML and Word readers' superscripts are. A numbered list item opens
with the label the application prints for it ("Статья 5.", "1)": `odt_numbering`). A file that is not a readable
OpenDocument text is a one-line `ParseError`.
"""

from __future__ import annotations

import io
import sys
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from ..errors import ParseError
from .docx import paragraph_lines
from .odt_numbering import list_labels
from .readers import Decoded, Line

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_T = f"{{{_TEXT}}}"
_PARAGRAPHS = {f"{_T}p", f"{_T}h"}
_SKIPPED = {f"{_T}note", f"{_T}tracked-changes", f"{_T}deletion", f"{_T}bookmark-ref-placeholder"}
# libxml2 stops at this depth of nested elements even with `huge_tree`, and refuses the document
_MAX_DEPTH = 2048


@dataclass
class _Paragraph:
    pieces: list[str] = field(default_factory=list)
    sups: list[tuple[int, int]] = field(default_factory=list)
    size: int = 0

    def add(self, text: str | None, raised: bool) -> None:
        if text:
            if raised:
                self.sups.append((self.size, self.size + len(text)))
            self.pieces.append(text)
            self.size += len(text)


def read_odt(data: bytes, label: str) -> Decoded:
    """An .odt file's body as lines, with the ranges it prints as superscript."""
    content, styles = _parts(data, label)
    raised = _raised_styles(content) | _raised_styles(styles)
    body = content.find(f"{{{_OFFICE}}}body/{{{_OFFICE}}}text")
    if body is None:
        raise ParseError(label, 1, "an OpenDocument file with no text body: not an .odt text document")
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, _MAX_DEPTH + 1000))  # a call per level of nested spans or lists, at most
    try:
        decoded = _read_body(body, list_labels(body, content, styles), raised)
    finally:
        sys.setrecursionlimit(limit)
    if not any(ch.isalnum() for ch in decoded.text):
        raise ParseError(label, 1, "an OpenDocument text with no text in its body: nothing to parse")
    return decoded


def _read_body(body: etree._Element, labels: dict[etree._Element, str], raised: frozenset[str]) -> Decoded:
    chunks: list[str] = []
    lines: list[Line] = []
    pos = lineno = 0
    for p in body.iter(*_PARAGRAPHS):
        if any(a.tag in _SKIPPED for a in p.iterancestors()):
            continue  # a note's or a deletion's paragraph
        para = _Paragraph()
        _content(p, para, raised, raised_here=False)
        chunk = "".join(para.pieces)
        # the label the application prints before a numbered list item ("Статья 5.", "1)"), unless the file
        # keeps the printed number itself (text:number, read with the paragraph's text)
        number = labels.get(p) if p.find(f"{_T}number") is None else None
        if number:
            chunk = number + chunk
            para.sups = [(a + len(number), b + len(number)) for a, b in para.sups]
        if not chunk.strip():
            lineno += 1
            continue  # an empty paragraph, or one that only holds a frame (its paragraphs come next)
        lines += paragraph_lines(chunk, pos, lineno + 1, para.sups)
        lineno += chunk.count("\n") + 1
        chunks.append(chunk)
        pos += len(chunk) + 1
    return Decoded("\n".join(chunks) + "\n" if chunks else "", lines, superscripts_marked=True)


def _content(el: etree._Element, para: _Paragraph, raised: frozenset[str], raised_here: bool) -> None:
    """The text of `el`'s children into `para`, each followed by its tail (in the style around it)."""
    para.add(el.text, raised_here)
    for child in el:
        tag = child.tag
        if tag == f"{_T}s":
            para.add(" " * _count(child.get(f"{_T}c")), raised_here)
        elif tag == f"{_T}tab":
            para.add("\t", raised_here)
        elif tag == f"{_T}line-break":
            para.add("\n", False)
        elif tag in _SKIPPED or tag in _PARAGRAPHS or not isinstance(tag, str):
            pass  # a note, a deletion, a frame's own paragraph (read on its turn), a comment node
        else:
            style = child.get(f"{_T}style-name")
            _content(child, para, raised, raised_here or (style is not None and style in raised))
        para.add(child.tail, raised_here)


def _count(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1


def _parts(data: bytes, label: str) -> tuple[etree._Element, etree._Element]:
    """content.xml and styles.xml (an empty element when the package has none) of the package."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "content.xml" not in names:
                raise ParseError(label, 1, "an OpenDocument package without content.xml: it cannot be read")
            parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
            content = etree.fromstring(archive.read("content.xml"), parser)
            styles = etree.fromstring(archive.read("styles.xml"), parser) if "styles.xml" in names else etree.Element("x")
    except ParseError:
        raise
    except etree.XMLSyntaxError as exc:  # libxml2's reason: "Excessive depth in document: 2048 …" and the like
        if "Excessive depth" in str(exc):
            raise ParseError(label, 1, f"an OpenDocument file nested deeper than {_MAX_DEPTH} elements: its text "
                                       "cannot all be read") from None
        reason = " ".join(str(exc).split())[:200]
        raise ParseError(label, 1, f"an OpenDocument file whose XML cannot be read: {reason}") from None
    except Exception:  # noqa: BLE001 - a damaged archive: the same answer to the user
        raise ParseError(label, 1, "a damaged OpenDocument (.odt) file: it cannot be read") from None
    return content, styles


def _raised_styles(root: etree._Element) -> frozenset[str]:
    """The names of the text styles that raise their text: "super", or a positive shift ("33% 58%")."""
    out = set()
    for style in root.iter(f"{{{_STYLE}}}style"):
        props = style.find(f"{{{_STYLE}}}text-properties")
        position = props.get(f"{{{_STYLE}}}text-position", "") if props is not None else ""
        first = position.split()[0] if position else ""
        if first == "super" or (first.endswith("%") and first[:-1].lstrip("+").replace(".", "", 1).isdigit()
                                and float(first[:-1]) > 0):
            out.add(style.get(f"{{{_STYLE}}}name", ""))
    return frozenset(out)
