"""Structure: a flat list of `Line`s → the article tree, driven by the vocabulary in `vocab/structure.yaml`.

One pass over the lines keeps a stack of open units (book → part → section → chapter → § → article →
paragraph → point → subpoint). A line that matches a level closes every open unit of the same or deeper
rank and opens a new one; notes attach to the nearest open article (or container); any other line is text
of the deepest open unit. Nothing is dropped: every line's characters land in one node's label, num,
heading, text or notes. The builder never refuses input: odd structure becomes warnings with line numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..models import Node, Note, NoteKind, Warning_, made_here
from . import notes as note_vocab
from .eids import ARTICLE_RANK, Piece, _Unit, _walk, check_order, cited_num, to_nodes
from .eids import clean_num as clean_num  # where the readers and the AKN names have always found it
from .levels import Level, Levels, lower_case, next_letter, starts_like_heading, vocabulary
from .readers import Decoded, Line

_ZWSP = "\u200b"
PARAGRAPH_RANK = 70


@dataclass
class _Match:
    level: Level
    label: str
    num: str
    rest: str
    rest_start: int
    annex: bool = False
    article_like: bool = False  # a container whose units are the articles of a text without any (`Builder`)
    body_start: int | None = None  # where the unit's own text begins on its heading's line ("3. (1) The …")


_LONG_NUMBER = re.compile(r"\d{13}")
_ROMAN_ITEM = re.compile(r"[ivx]+")


def _match(levels: Levels, text: str, offset: int) -> _Match | None:
    """The first level (in order) whose pattern matches the start of `text`, with what it matched."""
    if levels.any is not None:
        found = levels.any.match(text)
        name = found.lastgroup if found is not None else None
        first = levels.order[name] if name is not None else None
        gated = _read_ahead(levels, text, first) if levels.gated else None
        if gated is not None:
            return _matched(*gated, text, offset)
        if name is None:
            return None
        level, pattern = levels.by_group[name]
        return _matched(level, pattern.match(text), text, offset)
    for level in levels:
        for pattern in level.patterns:
            m = pattern.match(text)
            if m:
                return _matched(level, m, text, offset)
    return None


def _read_ahead(levels: Levels, text: str, first: int | None) -> tuple[Level, re.Match[str]] | None:
    """The first of the `gated` patterns placed before `first` (all if None) that matches `text`."""
    lower = text.lower()
    # `literals.may_hold` spelled out: this runs on every line of a law, and the call and its generator
    # cost 28 ms more on the 22,830 lines of a 4.4 MB plain-text law (a parse of about 340 ms).
    for i, needles in levels.gated:
        if first is not None and i > first:
            return None
        for s in needles:
            if s in lower:
                level, pattern = levels.by_group[f"_{i}"]
                m = pattern.match(text)
                if m:
                    return level, m
                break
    return None


def _matched(level: Level, m: re.Match[str] | None, text: str, offset: int) -> _Match | None:
    if m is None or _LONG_NUMBER.search(m.group("num") or ""):
        return None  # no law numbers a unit with 13 digits: the line stays text, none of it lost
    rest_group = "heading" if "heading" in m.re.groupindex else "text"
    rest = m.group(rest_group) or ""
    rest_start = offset + m.start(rest_group) if m.group(rest_group) is not None else offset + len(text)
    annex = "annex" in m.re.groupindex and m.group("annex") is not None
    article_like = "article_like" in m.re.groupindex and m.group("article_like") is not None
    num = m.group("num")
    body = offset + m.start("body") if "body" in m.re.groupindex and m.group("body") is not None else None
    return _Match(level, m.group("label"), cited_num(num) if num else num, rest, rest_start, annex, article_like, body)


class Builder:
    def __init__(self, decoded: Decoded, language: str | None = None, sections_are_articles: bool = False,
                 numbered_sections: bool = False) -> None:
        self.src = decoded.text
        # Some English translations call every article "Section 241." (`build_tree` reads a text so only when
        # no line of it is an article: elsewhere "SECTION 1." is a part of the code above its chapters).
        self.sections_are_articles = sections_are_articles
        self.article_like = False  # a unit was opened by a line that may name an article (`_Match.article_like`)
        self.lines = decoded.lines
        self.superscripts_marked = decoded.superscripts_marked
        self.language = language or "ru"
        self.vocab = vocabulary()
        # An Act that numbers its sections without a word ("45. Penalties …"): see `build_tree`
        self.levels = self.vocab.numbered if numbered_sections else self.vocab.levels
        self.root = _Unit("document", 0, "", 0, 1)
        self.stack: list[_Unit] = [self.root]
        self.article: _Unit | None = None  # the open article: asked about on every line, so kept, not searched
        self.warnings: list[Warning_] = []
        self.prev_article_base: int | None = None
        self.prev_inserted = False  # the previous article is an inserted one (216.1)
        # Where the last line's words went (a unit's heading or its last piece of text): a PDF paragraph that
        # goes on over a page break continues there. None after a note: a note's text is a span of the source.
        self.last: tuple[_Unit, bool] | None = None  # (unit, True for its heading)
        # A code repeats the same note hundreds of times: the reader analyses each distinct text once.
        self.notes = note_vocab.NoteReader(self.language)
        # In formats that mark headings (Markdown "#", HTML <h*>/class H), only marked lines open units,
        # so that a table of contents or a cross-reference is never taken for an article. Unless no marked
        # line is an article: a file that marks its chapters ("## Глава 1") and leaves its articles plain
        # lines has its articles opened by those lines (its chapters still only by marked ones).
        # The headings are read up to the first marked article only: a code marks hundreds.
        heads = (_match(self.levels, self._text(ln), ln.start) for ln in self.lines if ln.heading)
        kinds = (m.level.kind for m in heads if m)
        first = next(kinds, None)
        self.marked = first is not None
        self.articles_marked = first == "article" or any(kind == "article" for kind in kinds)

    # -- helpers ---------------------------------------------------------------------------------------
    def _text(self, ln: Line) -> str:
        return self.src[ln.start : ln.end]

    @property
    def top(self) -> _Unit:
        return self.stack[-1]

    def _note_owner(self) -> _Unit:
        """Block notes belong to the nearest open article, else the deepest open container."""
        return self.article or self.top

    def _open(self, unit: _Unit) -> None:
        # Only here can the open article change: items and the end of a point list never close an article.
        while self.top.rank >= unit.rank and len(self.stack) > 1:
            self.stack.pop()
        self.top.children.append(unit)
        self.stack.append(unit)
        self.article = next((u for u in reversed(self.stack) if u.kind == "article"), None)

    def _warn(self, line: int, message: str) -> None:
        self.warnings.append(Warning_(line=line, message=message))

    def _note(self, kind: NoteKind, start: int, end: int) -> Note:
        text = self.src[start:end]
        events = self.notes.events(text) if kind in ("amendment", "footnote") else []
        if events and kind == "footnote":
            kind = "amendment"
        return made_here(Note, {"kind": kind, "text": text, "start": start, "end": end, "events": list(events)})

    # -- the pass --------------------------------------------------------------------------------------
    def build(self) -> _Unit:
        i = 0
        lines = self.lines
        while i < len(lines):
            ln = lines[i]
            consumed_next = self._line(ln, lines[i + 1] if i + 1 < len(lines) else None)
            i += 2 if consumed_next else 1
        if not _has_article(self.root):
            self._warn(1, "no articles found: the whole text is kept in the document node")
        return self.root

    def _line(self, ln: Line, nxt: Line | None) -> bool:
        """Place one line; returns True when it also consumed the next line (a container's heading)."""
        text = self._text(ln)
        if ln.role == "meta":
            self.root.notes.append(self._note("metadata", ln.start, ln.end))
            return False
        if ln.role == "navigation" or self.vocab.navigation.match(text):
            self.root.notes.append(self._note("navigation", ln.start, ln.end))
            return False
        if ln.role == "continued" and self._continue(ln):
            return False
        self.last = None
        may_open = ln.heading is True or not self.articles_marked
        m = _match(self.levels, text, ln.start) if may_open else None
        if m and self.marked and not ln.heading and m.level.kind != "article":
            m = None  # a container the format marks elsewhere, on a plain line: a reference or a contents line
        if m and not ln.heading and m.rest and not starts_like_heading(m.rest) and not self.notes.repealed(m.rest):
            # "Глава 5 настоящего Кодекса…": a cross-reference, not a heading ("99-njy madda güýjüni ýitiren.",
            # article 99 repealed, is one)
            m = None
        if m and not ln.heading and lower_case(m.label[:1]):
            # "раздел I Указа Президиума …" in a list of the acts a code repeals: a unit's heading is capitalised
            m = None
        if m is None and ln.heading is True and self.marked:
            m = self._match_headed(text, ln.start)
        if m and ln.italic and m.level.rank < ARTICLE_RANK:
            # Word exports repeat "_Раздел III…_" under each chapter heading: a running header, not structure.
            self._note_owner().notes.append(self._note("editorial", ln.start, ln.end))
            return False
        if m and m.article_like:
            self.article_like = True
            if self.sections_are_articles:
                m = replace(m, level=next(lv for lv in self.vocab.levels if lv.kind == "article"))
        if m:
            return self._open_level(m, ln, nxt)
        if self.article is not None:
            m = self._match_item(text, ln.start)
            if m:
                self._open_item(m, ln)
                return False
        kind: NoteKind | None = "footnote" if ln.quoted else None
        whole = text.strip("*_ ")
        kind = self.notes.kind(whole) or kind
        if kind is not None:
            note = self._note(kind, ln.start, ln.end)
            art = self.article
            if art is not None and (art.text or art.children) and self.notes.repealed(whole):
                # "Часть. (Утратила силу - …)" after the article's text: a repealed part, kept in its place.
                self._placeholder(ln, "", [note])
            else:
                self._note_owner().notes.append(note)
            return False
        if ln.italic and self.article is None and self.top is not self.root:
            self.top.notes.append(self._note("editorial", ln.start, ln.end))
            return False
        self._body(ln)
        return False

    def _match_headed(self, text: str, offset: int) -> _Match | None:
        """A unit that only a marked heading opens, inside the open unit it subdivides."""
        m = _match(self.vocab.headed, text, offset)
        if m is None or not any(u.alias == m.level.within for u in self.stack):
            return None
        return m

    def _open_level(self, m: _Match, ln: Line, nxt: Line | None) -> bool:
        level = m.level
        unit = _Unit(level.kind, level.rank, level.alias, ln.start, ln.lineno, label=m.label, end=ln.end)
        if level.kind == "article":
            unit.num = self._article_num(m, ln)
        else:
            # A Roman numeral typed with Cyrillic look-alike letters ("ГЛАВА IХ") is cited in Latin letters.
            roman = self.vocab.roman_lookalikes
            unit.num = "".join(roman.get(ch, ch) for ch in self._sup_num(m, ln)[0])
        if m.annex:
            unit.annex = True
            self.prev_article_base = None  # the annex numbers its entries afresh: nothing to unflatten against
        heading, notes, _ = self._split_inline(ln, m.rest_start, ln.end if m.body_start is None else m.rest_start + len(m.rest))
        # A heading the markup wrapped over two source lines is one heading: its own breaks are no layout.
        unit.heading = (" ".join(heading.split()) if "\n" in heading else heading) or None
        unit.notes.extend(notes)
        if unit.heading and self.notes.repealed(unit.heading):
            unit.repealed = True
        self._open(unit)
        self.last = (unit, True)
        if m.body_start is not None:  # the section's own words run on from its number: "3. (1) The Minister …"
            body = replace(ln, start=m.body_start)
            item = self._match_item(self._text(body), body.start)
            if item:
                self._open_item(item, body)
            else:
                self._body(body)
        if level.kind != "article" and not unit.heading and nxt is not None and self._is_heading_line(nxt):
            unit.heading = self._text(nxt)
            unit.end = nxt.end
            return True
        return False

    def _continue(self, ln: Line) -> bool:
        """Join a line that goes on with the paragraph before a page break to where that paragraph went."""
        if self.last is None:
            return False
        unit, heading = self.last
        text, notes, _ = self._split_inline(ln, ln.start, ln.end)
        before = (unit.heading or "") if heading else (self._piece_text(unit.text[-1]) if unit.text else "")
        if not before or not text:
            return False
        # The break is a space, or nothing after a hyphen: the zero-width space the PDF reader writes inside a
        # page, which the matcher drops ("уголовно-" + "правового").
        joined = f"{before}{_ZWSP if before[-1] == '-' else ' '}{text}"
        if heading:
            unit.heading = joined
        else:
            unit.text[-1] = joined
            unit.last_text_end_char = text[-1]
        unit.notes.extend(notes)
        unit.end = max(unit.end, ln.end)
        return True

    def _is_heading_line(self, ln: Line) -> bool:
        text = self._text(ln)
        # A line in brackets is a note (the act's place of publication, an amendment), never a title.
        if ln.role != "body" or ln.inline_notes or len(text) > 150 or text[-1] in ".;:," or text[0] == "(":
            return False
        if _match(self.levels, text, ln.start) or _match(self.vocab.items, text, ln.start):
            return False
        return self.notes.kind(text) is None

    def _sup_num(self, m: _Match, ln: Line) -> tuple[str, bool]:
        """The number of a unit as cited, and whether the line printed part of it as a superscript.

        pravo.gov.ru prints inserted units with a superscript: "Статья 22<sup>1</sup>", "ГЛАВА V<sup>1</sup>",
        a part "1<sup>1</sup>." or a point "4<sup>2</sup>)". Each is cited as "22.1", "V.1", "1.1", "4.2".
        """
        num = m.num
        if ln.sups:
            label_start = ln.start + self._text(ln).find(m.label)
            num_start = label_start + m.label.find(num)
            for s, e in ln.sups:
                if num_start < s <= num_start + len(num):
                    base = self.src[num_start:s]
                    sup = self.src[s:e].strip()
                    rest = self.src[e : num_start + len(num)]
                    return f"{base}.{sup}{rest}" if not rest else f"{base}.{sup}", True
        return num, False

    def _article_num(self, m: _Match, ln: Line) -> str:
        num, sup = self._sup_num(m, ln)
        # a page that marks its superscripts (HTML <sup>) printed none here: "174" after 17 is article 174
        if not sup and not self.superscripts_marked:
            num = self._unflatten(num, ln, self.prev_article_base, self.prev_inserted, "article")
        lead = re.match(r"\d+", num)
        if lead:
            self.prev_article_base = int(lead.group(0))
            self.prev_inserted = num[lead.end() : lead.end() + 1] == "."
        return num

    def _unflatten(self, num: str, ln: Line, prev: int | None, prev_inserted: bool, what: str) -> str:
        """lex.uz flattens superscripts: "2161-modda" right after article 216 means 216¹ ("216.1").

        Units follow each other: after unit p comes p + 1 or an inserted p^k. So a number that is p or
        p + 1 (its base unit repealed and left out) followed by one more digit is such an inserted unit,
        once it is not p + 1 itself: "1842" after 184 is 184², after 1841 it is the plain 1842. Two more digits
        (p¹⁰ and on) only follow another inserted unit: "183" after article 1 is article 183. Articles and the
        parts and points inside an article follow the same rule (pravo.gov.ru lost the superscript of
        "4<sup>1</sup>)" in some lists, which then read "4), 41), 5)").
        """
        if prev is None or not num.isdigit() or int(num) <= prev + 1:
            return num
        for base in (str(prev), str(prev + 1)):
            tail = num[len(base) :]
            if num.startswith(base) and (len(tail) == 1 or len(tail) == 2 and prev_inserted) and tail[0] != "0":
                fixed = f"{base}.{tail}"
                self._warn(ln.lineno, f"{what} number {num} read as {fixed} (flattened superscript after {prev})")
                return fixed
        return num

    def _match_item(self, text: str, offset: int) -> _Match | None:
        m = _match(self.vocab.items, text, offset)
        if m is not None and m.label.startswith("(") and m.level.kind == "paragraph":
            # "(1)" is a part unless it lists inside a part numbered "1." (C029 Art. 9: "…: (1) that …")
            para = next((u for u in reversed(self.stack) if u.kind == "paragraph"), None)
            return m if para is None or (para.label or "").startswith("(") else None
        if m is None or m.level.kind != "point" or not _ROMAN_ITEM.fullmatch(m.num):  # a point's num: one letter
            return m
        # "(i)" is the roman numeral one under a lettered point, unless it follows "(h)" as the letter i (or, in
        # an Uzbek list, "v)" follows "b)": `letter_orders`).
        letter = next((u for u in reversed(self.stack) if u.kind == "point" and u.num and u.num.isalpha()), None)
        if letter is None or next_letter(letter.num or "a", self.vocab.letter_orders.get(self.language)) == m.num:
            return m
        sub = _match(self.vocab.subpoints, text, offset)
        return sub or m

    def _open_item(self, m: _Match, ln: Line) -> None:
        level = m.level
        point = next((u for u in reversed(self.stack) if u.kind == "point"), None)
        lettered_list = point is not None and (point.num or "")[:1].isalpha() and not _ROMAN_ITEM.fullmatch(m.num)
        if level.kind == "subpoint" and (point is None or lettered_list):
            # "а)" directly under an article or part is that unit's point, not a sub-point of nothing; and so
            # is the "б)" after it: a letter is a sub-point under a numbered point ("1) …: а) …"). A roman
            # "(i)" under a lettered point "(a)" stays its sub-point.
            level = next(lv for lv in self.vocab.items if lv.kind == "point")
        # Items never close the article they are in.
        while self.top.rank >= level.rank and self.top.kind != "article":
            self.stack.pop()
        num = self._item_num(m, ln, level)
        unit = _Unit(level.kind, level.rank, level.alias, ln.start, ln.lineno, label=m.label, num=num, end=ln.end)
        self.top.children.append(unit)
        self.stack.append(unit)
        text, notes, piece = self._split_inline(ln, m.rest_start, ln.end)
        if text:
            unit.text.append(piece)
            unit.last_text_end_char = text[-1]
            self.last = (unit, False)
        unit.notes.extend(notes)
        if self.notes.repealed(text):
            unit.repealed = True

    def _item_num(self, m: _Match, ln: Line, level: Level) -> str:
        """An item's number: its superscript read, else unflattened against the item before it in its list."""
        num, sup = self._sup_num(m, ln)
        if sup or not num.isdigit():
            return num
        prev = next((c for c in reversed(self.top.children) if c.alias == level.alias and c.rank == level.rank), None)
        lead = re.match(r"\d+", prev.num or "") if prev is not None else None
        if prev is None or lead is None:
            return num
        inserted = (prev.num or "")[lead.end() : lead.end() + 1] == "."
        return self._unflatten(num, ln, int(lead.group(0)), inserted, level.kind)

    def _body(self, ln: Line) -> None:
        target = self.top
        if target is self.root:
            preface = next((c for c in self.root.children if c.kind == "preface"), None)
            if preface is None or self.root.children[-1] is not preface:
                preface = _Unit("preface", 10, "preface", ln.start, ln.lineno)
                self.root.children.append(preface)
            target = preface
            if ln.heading and not preface.heading and not preface.text:
                preface.heading, notes, _ = self._split_inline(ln, ln.start, ln.end)
                preface.notes.extend(notes)
                preface.end = ln.end
                return
        elif target.kind in ("point", "subpoint") and target.last_text_end_char in (".", "") and ln.indent == 0:
            # A point list ended with "." and an unnumbered line follows: it belongs to the enclosing unit.
            while len(self.stack) > 1 and self.top.kind in ("point", "subpoint"):
                self.stack.pop()
            target = self.top
            if target.kind == "article":
                # Russian codes do not number their parts ("части"): a new unnumbered part after a list opens
                # an unnumbered paragraph, so that its own list "1) 2) 3)" does not collide with the first.
                target = _Unit("paragraph", PARAGRAPH_RANK, "para", ln.start, ln.lineno, end=ln.end)
                self._open(target)
        text, notes, piece = self._split_inline(ln, ln.start, ln.end)
        if notes and len(text) <= 20 and self.article is not None and self.notes.repealed(self._text(ln)):
            # pravo.gov.ru keeps a repealed part as a placeholder: "Часть. (Утратила силу - …)".
            self._placeholder(ln, text, notes)
            return
        if text:
            target.text.append(piece)
            target.last_text_end_char = text[-1]
            self.last = (target, False)
        target.notes.extend(notes)
        target.end = max(target.end, ln.end)

    def _piece_text(self, piece: Piece) -> str:
        return piece if isinstance(piece, str) else self.src[piece[0] : piece[1]]

    def _placeholder(self, ln: Line, text: str, notes: list[Note]) -> None:
        """A repealed unnumbered part: a child of the current unit, never left open for the lines after it."""
        unit = _Unit("paragraph", PARAGRAPH_RANK, "para", ln.start, ln.lineno, text=[text] if text else [], end=ln.end)
        unit.notes, unit.repealed = notes, True
        self.top.children.append(unit)

    def _split_inline(self, ln: Line, start: int, end: int) -> tuple[str, list[Note], Piece]:
        """Text of [start, end) without inline notes, those notes, and the text as a unit keeps it."""
        if not ln.inline_notes:  # most lines
            raw = self.src[start:end]
            text = raw.strip()
            # The text is a stretch of the source: a unit keeps where it is, and the string goes now.
            return text, [], (start, end) if text is raw else _trim(self.src, start, end)
        pieces, notes, pos = [], [], start
        for s, e in ln.inline_notes:
            if e <= start or s >= end:
                continue
            s, e = max(s, start), min(e, end)  # a note over the label too: the label already holds those characters
            pieces.append(self.src[pos:s])
            ns, ne = _trim(self.src, s, e)
            if ns < ne:
                notes.append(self._note("amendment", ns, ne))
            pos = e
        pieces.append(self.src[pos:end])
        text = " ".join(p.strip() for p in pieces if p.strip())
        return text, notes, text


def _trim(src: str, s: int, e: int) -> tuple[int, int]:
    while s < e and src[s].isspace():
        s += 1
    while e > s and src[e - 1].isspace():
        e -= 1
    return s, e


def _has_article(root: _Unit) -> bool:
    return any(u.kind == "article" for u in _walk(root))


def build_tree(decoded: Decoded, language: str | None = None) -> tuple[Node, list[Warning_]]:
    builder = Builder(decoded, language)
    root = builder.build()
    if builder.article_like and not _has_article(root):
        builder = Builder(decoded, language, sections_are_articles=True)
        root = builder.build()
    if not _has_article(root) and (language or "").startswith("en"):
        # An English Act with no "Article" or "Section" line: read its "45. Penalties …" lines as its sections
        numbered = Builder(decoded, language, numbered_sections=True)
        if _has_article(numbered_root := numbered.build()):
            builder, root = numbered, numbered_root
    root.end = len(decoded.text)
    # The lines are done with: let them go before the nodes are made (tens of MB on a 50 MB law).
    decoded.lines = builder.lines = []
    tree = to_nodes(root, decoded.text, builder.warnings, builder.notes)
    check_order(tree, builder.warnings)
    return tree, sorted(builder.warnings, key=lambda w: w.line)
