"""PDF reader: the bytes of a PDF with a text layer → a flat list of `Line`s over the extracted text.

Reads each page's text layer with pypdf (`extract_text`, plain mode: one line of the page per line of text,
words single-spaced; the layout mode pads justified lines with runs of spaces that the matcher would read
as tokens, and costs half as much time again). Produces a `Decoded` over the pages' texts joined by
newlines, with three kinds of line:

- page furniture: running headers and footers (a line repeated at the top or bottom of most pages, digits
  aside) and bare page numbers. They become navigation lines, kept as notes of the document, not law text;
- paragraphs: the lines of a page that a hard wrap split are one `Line` again. A line continues the
  previous one unless that ends a sentence (".", ";", ":", "!", "?"), it opens a unit of the structure
  vocabulary ("Статья 5.", "2.", "а)"), it starts with a capital after a line that stopped well short of
  the full width (a heading), or it starts a bracketed note after a number or a bracket. A paragraph that
  goes on over a page break cannot be one `Line` (the page's furniture lies between): the first line of
  the next page is a `continued` line, which the structure joins to the paragraph it continues;
- the line break inside a joined paragraph is written as a space, or as a zero-width space after a hyphen
  or a space ("уголовно-" + "правового" reads as one word; the matcher drops zero-width characters). The text keeps its
  length, so every other character stays at its offset in what pypdf extracted.

A PDF whose pages hold no text (scanned images) is a `ParseError` asking for OCR first; so are an
encrypted PDF and one pypdf cannot read.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from ..errors import ParseError
from .levels import starts_like_heading, vocabulary
from .readers import Decoded, Line, _strip_span
from .structure import _match

# Lines of a page looked at for running headers and footers, at each end of the page.
_EDGE = 3
# "12", "- 12 -", "Страница 3 из 100", "Page 3 of 100", "3/100": a page number standing alone.
_PAGE_NUMBER = re.compile(
    r"(?i)^[-–—\s]*(?:(?:стр\.?|страница|page|bet|бет|sahifa)\s*)?\d{1,4}(?:\s*(?:из|of|/|dan)\s*\d{1,4})?[-–—\s]*$"
)
_SENTENCE_END = ".;:!?"
_ZWSP = "\u200b"


@dataclass(slots=True)
class _Physical:
    start: int
    end: int  # stripped: [start, end) holds the line's characters without surrounding white space
    lineno: int
    page: int


def read_pdf(data: bytes, label: str) -> Decoded:
    """A PDF file's text layer as lines: page furniture apart, wrapped paragraphs joined."""
    with _pypdf_problems() as problems:
        try:
            pages = _page_texts(data, label)
        except ParseError as exc:
            if any(p.startswith("EOF marker not found") for p in problems) and "encrypted" not in str(exc):
                raise ParseError(label, 1, "the PDF is cut short (no end-of-file marker: an incomplete download?): "
                                           "it cannot be read") from None
            raise
    if not any(ch.isalnum() for page in pages for ch in page):
        raise ParseError(label, 1, "the PDF has no text layer (scanned pages?): it needs OCR first")
    text = "\n".join(pages)
    physical = _physical(text, pages)
    furniture = _furniture(text, physical)
    full = _full_width(text, physical, furniture)
    lines: list[Line] = []
    breaks: list[int] = []  # offsets of the line breaks inside joined paragraphs
    prev: _Physical | None = None
    for ln in physical:
        if ln.lineno in furniture:
            lines.append(Line(ln.start, ln.end, ln.lineno, role="navigation"))
            continue
        goes_on = prev is not None and _continues(text[prev.start : prev.end], text[ln.start : ln.end], full)
        if goes_on and prev is not None and prev.page == ln.page and prev.lineno + 1 == ln.lineno:
            # the next line of the same page, no blank line between: one paragraph hard-wrapped
            breaks.append(text.index("\n", prev.end))
            lines[-1].end = ln.end
        elif goes_on and prev is not None and ln.page == prev.page + 1:
            # the paragraph goes on over the page break: the running header and footer between stay lines of
            # their own, and the structure joins this line to the paragraph it continues
            lines.append(Line(ln.start, ln.end, ln.lineno, role="continued"))
        else:
            lines.append(Line(ln.start, ln.end, ln.lineno))
        prev = ln
    decoded = Decoded(_joined(text, breaks), lines)
    if problems:
        decoded.warnings.append((1, f"the PDF is damaged and was repaired while reading ({len(problems)} problem(s); "
                                    f"first: {problems[0]}): some of its text may be missing"))
    return decoded


@contextmanager
def _pypdf_problems() -> Iterator[list[str]]:
    """What pypdf logs while it reads a damaged file (\"EOF marker not found\"), kept for one warning of the
    document instead of lines of its own on standard error beside the one line a bad input gets."""
    import logging

    found: list[str] = []

    class _Kept(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            found.append(" ".join(record.getMessage().split())[:200])

    logger, handler = logging.getLogger("pypdf"), _Kept(logging.WARNING)
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield found
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _page_texts(data: bytes, label: str) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ParseError(label, 1, "the PDF is encrypted (it needs a password): save an unprotected copy first")
        return [page.extract_text() or "" for page in reader.pages]
    except ParseError:
        raise
    except FileNotDecryptedError:
        raise ParseError(label, 1, "the PDF is encrypted (it needs a password): save an unprotected copy first") from None
    # pypdf raises many kinds of error on a damaged file (PdfReadError, KeyError, ValueError, zlib errors);
    # each is the same answer to the user.
    except Exception as exc:  # noqa: BLE001
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise ParseError(label, 1, f"cannot read the PDF: {reason}") from None


def _physical(text: str, pages: list[str]) -> list[_Physical]:
    """The non-blank lines of `text`, with the page each is on."""
    out: list[_Physical] = []
    pos, lineno = 0, 0
    for page_no, page in enumerate(pages):
        for raw in page.split("\n"):
            lineno += 1
            s, e = _strip_span(text, pos, pos + len(raw))
            if s < e:
                out.append(_Physical(s, e, lineno, page_no))
            pos += len(raw) + 1
    return out


def _furniture(text: str, physical: list[_Physical]) -> set[int]:
    """Line numbers of running headers, footers and page numbers."""
    edges: dict[int, list[_Physical]] = {}
    by_page: dict[int, list[_Physical]] = {}
    for ln in physical:
        by_page.setdefault(ln.page, []).append(ln)
    for page, page_lines in by_page.items():
        edges[page] = page_lines[:_EDGE] + page_lines[_EDGE:][-_EDGE:]
    keys: Counter[str] = Counter()
    for page_lines in edges.values():
        keys.update({_key(text[ln.start : ln.end]) for ln in page_lines})
    # Repeated on at least half the pages (and on two at least): a running header or footer.
    running = {k for k, n in keys.items() if n >= 2 and 2 * n >= len(by_page)}
    out = set()
    for page_lines in edges.values():
        for ln in page_lines:
            line = text[ln.start : ln.end]
            if _key(line) in running or _PAGE_NUMBER.match(line):
                out.add(ln.lineno)
    return out


def _key(line: str) -> str:
    """A line compared across pages: page numbers and spacing aside."""
    return " ".join(re.sub(r"\d+", "#", line).split())


def _full_width(text: str, physical: list[_Physical], furniture: set[int]) -> int:
    """The length of a full line of text: most lines of a page are wrapped at about this many characters."""
    widths = sorted(ln.end - ln.start for ln in physical if ln.lineno not in furniture)
    return widths[int(0.9 * (len(widths) - 1))] if widths else 0


def _continues(prev: str, line: str, full: int) -> bool:
    """Whether `line` goes on with the paragraph that `prev` ends (a hard wrap)."""
    if prev[-1] in _SENTENCE_END:
        return False
    if prev[-1] == "№":
        return True  # "… Законом КР от 31 июля 2025 года №" then "181)": the act's number, never a point 181)
    if line[0].isupper() and len(prev) < 0.8 * full:
        return False  # "Статья 2. Основные понятия" then "В настоящем Кодексе …": the heading was short
    vocab = vocabulary()
    level = _match(vocab.levels, line, 0)
    if level and (not level.rest or starts_like_heading(level.rest)):
        return False  # not "Глава 5 настоящего Кодекса …", a cross-reference that a wrap put first
    if _match(vocab.items, line, 0):
        return False
    if line[0] == "(" and (prev[-1].isdigit() or prev[-1] == ")"):
        return False  # "… № 17" then "(Вводится в действие …)": a note of its own
    # A heading in capitals ends where the capitals do: "КЫРГЫЗСКОЙ РЕСПУБЛИКИ" then "от 31 января 2017 года".
    return not (prev.isupper() and not line.isupper())


def _joined(text: str, breaks: list[int]) -> str:
    """`text` with each line break in `breaks` written as a space, or a zero-width space after a hyphen or a
    space (where a space would split the word or double the gap).

    >>> _joined("уголовно-\\nправового воздействия \\nосужденных\\nлиц", [9, 32, 43])
    'уголовно-\\u200bправового воздействия \\u200bосужденных лиц'
    """
    if not breaks:
        return text
    pieces, pos = [], 0
    for at in breaks:
        pieces.append(text[pos:at])
        pieces.append(_ZWSP if text[at - 1] in "- \t\u00a0" else " ")
        pos = at + 1
    pieces.append(text[pos:])
    return "".join(pieces)
