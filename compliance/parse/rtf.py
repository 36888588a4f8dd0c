"""RTF reader: the bytes of an .rtf file (Word's "Save as RTF", legal databases that export so) → lines of text.

Reads the body's text in document order: a paragraph, a line break, a table cell or row ends a line, as a
paragraph does in the Word reader. Characters come from `\\uN` (Unicode, its fallback bytes skipped), from
`\\'xx` and raw bytes in the code page of their font (`\\fcharset204`: cp1251) or of the document
(`\\ansicpg1251`), and from the symbols Word writes as words (`\\emdash`, `\\ldblquote` …). What is no body text
is left out: the font, colour, style and list tables, document information, headers and footers, footnotes
and comments (other parts of a .docx, which the Word reader does not read either), field instructions,
pictures and binary data. What RTF prints as superscript (`\\super`, `\\up N`) is kept as such, so that
"Статья 85\\super 1" is cited as "85.1" as the HTML and Word readers' superscripts are. Never refuses a file
it can tokenise: a byte its code page has no character for becomes U+FFFD; a file with no text in its
body is a `ParseError`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from ..errors import ParseError
from .readers import Decoded, read_text

# a control word and its number; a run of \'xx bytes; a control symbol; a brace; line breaks (no text); text
_TOKEN = re.compile(rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|((?:\\'[0-9a-fA-F]{2})+)|\\(.?)|([{}])|[\r\n]+|([^\\{}\r\n]+)",
                    re.S)
# Groups whose text is no body text. `{\*\word …}` groups are skipped too, whatever the word.
_SKIPPED = frozenset({
    "fonttbl", "colortbl", "stylesheet", "info", "listtable", "listoverridetable", "rsidtbl", "revtbl", "filetbl",
    "generator", "themedata", "colorschememapping", "datastore", "latentstyles", "xmlnstbl", "userprops",
    "docvar", "template", "header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf",
    "footnote", "annotation", "pict", "object", "shp", "shpinst", "shppict", "nonshppict", "fldinst", "bkmkstart",
    "bkmkend", "mmath", "xe", "tc",
})
_BREAKS = {"par": "\n", "line": "\n", "sect": "\n", "page": "\n", "cell": "\n", "row": "\n", "nestcell": "\n",
           "tab": "\t", "emdash": "—", "endash": "–", "emspace": "\u2003", "enspace": "\u2002", "bullet": "•",
           "lquote": "‘", "rquote": "’", "ldblquote": "“", "rdblquote": "”"}
_SYMBOLS = {"~": "\u00a0", "_": "-", "{": "{", "}": "}", "\\": "\\", "-": ""}  # "\-": where a word may be hyphenated
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # half of a pair whose other half never came: no character
_SUPER_OFF = frozenset({"nosupersub", "sub", "plain"})
# \fcharset → code page (Windows character sets); 0, "ANSI", is the document's own code page
_CHARSETS = {161: "cp1253", 162: "cp1254", 177: "cp1255", 178: "cp1256", 186: "cp1257", 204: "cp1251",
             238: "cp1250", 128: "cp932", 129: "cp949", 134: "cp936", 136: "cp950", 222: "cp874"}


@dataclass(frozen=True)
class _State:
    skip: bool = False  # the group is no body text
    fonts: bool = False  # the font table: its \f and \fcharset name the fonts' code pages
    sup: bool = False
    codepage: str | None = None  # the current font's, when it names one
    uc: int = 1  # characters after \uN that stand in for it, for readers that know no Unicode


class _Walk:
    def __init__(self, codepage: str) -> None:
        self.codepage = codepage
        self.fonts: dict[int, str] = {}
        self.font: int | None = None  # the font the font table is defining
        self.out: list[str] = []
        self.size = 0
        self.sups: list[tuple[int, int]] = []
        self.sup_start: int | None = None  # where the superscript being read began

    def emit(self, text: str) -> None:
        if text:
            self.out.append(text)
            self.size += len(text)

    def unicode(self, code: int) -> None:
        """A \\uN character; a character beyond 65535 comes as two, a surrogate pair, joined here."""
        if 0xDC00 <= code <= 0xDFFF and self.out and len(self.out[-1]) == 1 and 0xD800 <= ord(self.out[-1]) <= 0xDBFF:
            self.out[-1] = chr(0x10000 + ((ord(self.out[-1]) - 0xD800) << 10) + code - 0xDC00)
            return
        self.emit(chr(code) if 0 <= code <= 0x10FFFF else "\ufffd")  # a first half waits for its second

    def superscript(self, on: bool) -> None:
        if on and self.sup_start is None:
            self.sup_start = self.size
        elif not on and self.sup_start is not None:
            if self.size > self.sup_start:
                self.sups.append((self.sup_start, self.size))
            self.sup_start = None

    def word(self, state: _State, word: str, arg: int | None) -> _State:
        """The state after control word `word`; its text, if any, emitted."""
        if state.fonts:
            if word == "f" and arg is not None:
                self.font = arg
            elif word == "fcharset" and arg is not None and self.font is not None and arg in _CHARSETS:
                self.fonts[self.font] = _CHARSETS[arg]
            return state
        if word in _SKIPPED:
            return replace(state, skip=True, fonts=word == "fonttbl")
        if state.skip:
            return state
        if word in _BREAKS:
            self.emit(_BREAKS[word])
        elif word == "super" or (word == "up" and (arg or 0) > 0):
            state = replace(state, sup=True)
        elif word in _SUPER_OFF or (word == "up" and not arg):
            state = replace(state, sup=False)
        elif word == "f" and arg is not None:
            state = replace(state, codepage=self.fonts.get(arg))
        elif word == "uc" and arg is not None:
            state = replace(state, uc=max(arg, 0))
        elif word == "ansicpg" and arg:
            self.codepage = _known(f"cp{arg}") or self.codepage
        return state


def _known(codepage: str) -> str | None:
    import codecs

    try:
        codecs.lookup(codepage)
    except LookupError:
        return None
    return codepage


def rtf_text(data: bytes) -> tuple[str, list[tuple[int, int]]]:
    """The body text of an RTF file and the ranges of it printed as superscript."""
    walk = _Walk("cp1252")
    state, stack, skip_chars = _State(), [], 0
    pos, end = 0, len(data)
    while pos < end:
        m = _TOKEN.match(data, pos)
        assert m is not None  # every byte starts a token
        pos = m.end()
        word, arg, hexa, symbol, brace, text = m.groups()
        if brace is not None:
            skip_chars = 0
            if brace == b"{":
                stack.append(state)
            elif stack:
                state = stack.pop()
        elif word is not None:
            name, number = word.decode("ascii"), int(arg) if arg is not None else None
            skip_chars = 0
            if name == "bin" and number is not None and number > 0:
                pos += number  # binary data: no text, and its bytes may look like anything
            elif name == "u" and number is not None and not state.skip:
                walk.unicode(number + 0x10000 if number < 0 else number)
                skip_chars = state.uc
            else:
                state = walk.word(state, name, number)
        elif hexa is not None and not state.skip:  # decoded together: a character may take two bytes
            raw = bytes.fromhex(hexa.replace(b"\\'", b"").decode("ascii"))
            raw, skip_chars = raw[skip_chars:], max(skip_chars - len(raw), 0)
            walk.emit(raw.decode(state.codepage or walk.codepage, errors="replace"))
        elif symbol is not None:
            skip_chars = 0
            if symbol == b"*":
                state = replace(state, skip=True)
            elif not state.skip and symbol.decode("latin-1") in _SYMBOLS:
                walk.emit(_SYMBOLS[symbol.decode("latin-1")])
            elif not state.skip and symbol in (b"\n", b"\r"):
                walk.emit("\n")  # "\" before a line break is \par
        elif text is not None and not state.skip:
            if skip_chars:
                dropped = min(skip_chars, len(text))
                text, skip_chars = text[dropped:], skip_chars - dropped
            walk.emit(text.decode(state.codepage or walk.codepage, errors="replace"))
        if (state.sup and not state.skip) is not (walk.sup_start is not None):
            walk.superscript(state.sup and not state.skip)
    walk.superscript(False)
    return _LONE_SURROGATE.sub("\ufffd", "".join(walk.out)), walk.sups


def read_rtf(data: bytes, label: str) -> Decoded:
    r"""An RTF file's body as lines, with the ranges it prints as superscript.

    >>> d = read_rtf(rb"{\rtf1\ansi\ansicpg1251{\fonttbl{\f0 Arial;}}{\header Page 1\par}\f0 "
    ...              rb"\'d1\'f2\'e0\'f2\'fc\'ff 85{\super 1}. \u1055\'3f\par}", "x.rtf")
    >>> [d.text[ln.start : ln.end] for ln in d.lines], d.lines[0].sups
    (['Статья 851. П'], ((9, 10),))
    """
    text, sups = rtf_text(data)
    if not any(ch.isalnum() for ch in text):
        raise ParseError(label, 1, "an RTF file with no text in its body: nothing to parse")
    decoded = read_text(text)
    starts = [ln.start for ln in decoded.lines]
    for s, e in sups:
        i = bisect_right(starts, s) - 1
        if i >= 0 and s < decoded.lines[i].end:
            line = decoded.lines[i]
            line.sups = (*line.sups, (s, min(e, line.end)))
    decoded.superscripts_marked = bool(sups)
    return decoded
