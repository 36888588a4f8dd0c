"""Word reader: the bytes of a .docx → a flat list of `Line`s over the document's extracted text.

Reads the main document part with python-docx: every paragraph of the body in document order (paragraphs
in table cells and text boxes included), each run's text (`w:t`, tabs, line breaks, non-breaking hyphens).
Produces a `Decoded` whose text is the paragraphs' texts joined by newlines, one `Line` per paragraph (a
manual line break inside a paragraph starts a new line, as it does on the page), a numbered paragraph
opening with the label Word prints for it ("Статья 5.", "1.", "а)": `docx_numbering`), with the ranges printed
as superscript (`w:vertAlign` on the run or its character style), so that "Статья 85<sup>1</sup>" is
cited as "85.1" exactly as the HTML reader's `<sup>`. Headers and footers are other parts of the package,
not body text, and are not read. A file python-docx cannot open is a one-line `ParseError`.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence

from lxml import etree

from ..errors import ParseError
from .docx_numbering import Numbering
from .readers import Decoded, Line, _strip_span

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _R, _T, _DEL = f"{_W}p", f"{_W}r", f"{_W}t", f"{_W}del"
# What a run's children mean as text; anything else (field codes, deleted text, drawings) is not body text.
_MARKS = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}


def read_docx(data: bytes, label: str) -> Decoded:
    """A .docx file's body as lines.

    >>> import docx as word
    >>> d = word.Document(); p = d.add_paragraph("Статья 85"); sup = p.add_run("1"); sup.font.superscript = True
    >>> _ = p.add_run(". Право"); buf = io.BytesIO(); d.save(buf)
    >>> decoded = read_docx(buf.getvalue(), "x.docx")
    >>> [decoded.text[ln.start : ln.end] for ln in decoded.lines], decoded.lines[0].sups
    (['Статья 851. Право'], [(9, 10)])
    """
    document = _open(data, label)
    styles = _SuperscriptStyles(document)
    numbering = Numbering(document)
    chunks: list[str] = []
    lines: list[Line] = []
    pos = lineno = 0
    for p in document.element.body.iter(_P):
        chunk, sups = _paragraph(p, styles)
        blank = not chunk.strip(" \t\r\n\f\v\u00a0")
        if blank and p.find(f".//{_DEL}") is not None:
            continue  # deleted under tracked changes: Word neither shows nor numbers it
        number = numbering.label(p)  # asked of every other paragraph, in order: each numbered one counts
        if blank and not number:
            continue
        if number:
            chunk = number + chunk
            sups = [(a + len(number), b + len(number)) for a, b in sups]
        lines += paragraph_lines(chunk, pos, lineno + 1, sups)
        lineno += chunk.count("\n") + 1
        chunks.append(chunk)
        pos += len(chunk) + 1
    return Decoded("\n".join(chunks) + "\n" if chunks else "", lines)


def paragraph_lines(chunk: str, pos: int, lineno: int, sups: Sequence[tuple[int, int]]) -> list[Line]:
    """The lines of one paragraph of a word processor's file (`chunk`, at `pos` in the extracted text, its first
    line numbered `lineno`): one per line break in it, blank ones left out, each with the superscript ranges
    (`sups`, offsets in `chunk`) that fall in it."""
    lines, start = [], 0
    for i, piece in enumerate(chunk.split("\n")):
        s, e = _strip_span(chunk, start, start + len(piece))
        if s < e:
            line = Line(pos + s, pos + e, lineno + i)
            line.sups = [(pos + max(a, s), pos + min(b, e)) for a, b in sups if max(a, s) < min(b, e)]
            lines.append(line)
        start += len(piece) + 1
    return lines


def _open(data: bytes, label: str):  # type: ignore[no-untyped-def]
    """The python-docx document, or a `ParseError` that says why the file is not one."""
    import docx as word

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    # a damaged archive raises BadZipFile, EOFError, ValueError, or NotImplementedError for a version byte gone
    # wrong ("zip file version 6.5"): each is the same answer to the user
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, OverflowError):
        raise ParseError(label, 1, "damaged or truncated ZIP archive: not a readable .docx") from None
    if "word/document.xml" not in names:
        raise ParseError(label, 1, "a ZIP archive without word/document.xml: not a Word .docx document")
    try:
        return word.Document(io.BytesIO(data))
    # python-docx and lxml raise many kinds of error on a damaged package (KeyError for a missing part,
    # XMLSyntaxError, ValueError for a wrong content type, zlib errors); each is the same answer to the user.
    except Exception as exc:  # noqa: BLE001
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise ParseError(label, 1, f"cannot read the Word document: {reason}") from None


def _paragraph(p: etree._Element, styles: _SuperscriptStyles) -> tuple[str, list[tuple[int, int]]]:
    """The text of one paragraph (its own runs, not those of a paragraph nested in a text box) and the
    ranges of superscript runs in it."""
    pieces: list[str] = []
    sups: list[tuple[int, int]] = []
    size = 0
    for r in p.iter(_R):
        if next(r.iterancestors(_P)) is not p:
            continue  # a text box's paragraph: read on its own turn of the body walk
        text = _run_text(r)
        if not text:
            continue
        if styles.superscript(r):
            sups.append((size, size + len(text)))
        pieces.append(text)
        size += len(text)
    return "".join(pieces), sups


def _run_text(r: etree._Element) -> str:
    out = []
    for child in r:
        if child.tag == _T:
            if child.text:
                out.append(child.text)
        elif child.tag in _MARKS:
            out.append(_MARKS[child.tag])
    return "".join(out)


class _SuperscriptStyles:
    """Whether a run is printed raised: its own `w:vertAlign`, else that of its character style."""

    def __init__(self, document) -> None:  # type: ignore[no-untyped-def]
        self.document = document
        self.known: dict[str, bool] = {}  # style id → raised; a document names a handful of styles

    def superscript(self, r: etree._Element) -> bool:
        rpr = r.find(f"{_W}rPr")
        if rpr is None:
            return False
        align = rpr.find(f"{_W}vertAlign")
        if align is not None:
            return bool(align.get(f"{_W}val") == "superscript")
        style = rpr.find(f"{_W}rStyle")
        if style is None:
            return False
        style_id = style.get(f"{_W}val") or ""
        if style_id not in self.known:
            self.known[style_id] = self._style(style_id)
        return self.known[style_id]

    def _style(self, style_id: str) -> bool:
        from docx.enum.style import WD_STYLE_TYPE

        style = self.document.part.get_style(style_id, WD_STYLE_TYPE.CHARACTER)
        while style is not None:
            if style.font.superscript is not None:
                return bool(style.font.superscript)
            style = style.base_style
        return False
