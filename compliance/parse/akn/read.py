"""Akoma Ntoso XML → `Document` (`from_akn`).

Reads the text of an AKN act (ours, or a foreign one as far as it uses the same shapes); produces a
`Document` whose `source_text` is built from the element texts, one line per piece in document order, with
every offset pointing into it. Metadata, warnings and values AKN cannot hold come back from our proprietary
block. Input that is not XML, not Akoma Ntoso, not an act, or that declares entities / names an external DTD
is refused with a one-line `ParseError`.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import re
from pathlib import Path

from lxml import etree

from ...errors import ParseError
from ...models import AmendmentEvent, Document, DocumentMeta, Node, Note, Warning_
from .elements import (
    _A,
    _BLOCK_CONTAINERS,
    CC_NS,
    _block_lines,
    _get,
    _has,
    _inline,
    _kid,
    _kids,
    _local,
    _refuse_dtd,
    _safe_parser,
)
from .names import _HIER, _LANG2, _NODE_KINDS, _NOTE_KINDS, _SCRIPT, derive_kind, derive_num


class _Importer:
    def __init__(self, act: etree._Element, label: str) -> None:
        self.act = act
        self.label = label
        self.pieces: list[str] = []
        self.pos = 0
        self.lineno = 1
        self.records: dict[str, etree._Element] = {}
        self.events: dict[str, etree._Element] = {}
        self.notes_by_owner: dict[str, list[etree._Element]] = {}
        self.seen: dict[str, int] = {}
        self.warnings: list[Warning_] = []

    # source text
    def _emit(self, text: str) -> tuple[int, int, int]:
        """Append one piece on a line of its own; its start, end and first line."""
        if self.pieces:
            self.pieces.append("\n")
            self.pos += 1
            self.lineno += 1
        start, line = self.pos, self.lineno
        self.pieces.append(text)
        self.pos += len(text)
        self.lineno += text.count("\n")
        return start, self.pos, line

    def _eid(self, el: etree._Element) -> str:
        name = _local(el)
        eid = el.get("eId") or el.get("id") or el.get("wId") or (name if name in ("preface", "preamble") else f"{name}_nn")
        if eid in self.seen:
            self.seen[eid] += 1
            eid = f"{eid}_{self.seen[eid]}"
        self.seen[eid] = 1
        return eid

    def read(self) -> Document:
        meta_el = _kid(self.act, "meta")
        cc_doc = None
        if meta_el is not None:
            for prop in _kids(meta_el, "proprietary"):
                for el in prop:
                    if not isinstance(el.tag, str) or etree.QName(el).namespace != CC_NS:
                        continue
                    name = etree.QName(el).localname
                    if name == "document":
                        cc_doc = el
                    elif name == "warning":
                        self.warnings.append(Warning_(line=int(el.get("line", "0")), message=_get(el, "message") or ""))
                    elif name == "node":
                        self.records[el.get("eId", "")] = el
                    elif name == "note":
                        self.events[el.get("eId", "")] = el
            for notes_el in _kids(meta_el, "notes"):
                for note_el in _kids(notes_el, "note"):
                    owner = note_el.get("placementBase") or self._noteref_owner(note_el.get("eId"))
                    self.notes_by_owner.setdefault(owner or "", []).append(note_el)
        meta = self._meta(meta_el, cc_doc)
        body = _kid(self.act, "body")
        if body is None:
            raise ParseError(self.label, self.act.sourceline or 1, f"<{_local(self.act)}> has no <body>")
        # A note that names no element of the text (or a missing one) is kept on the document node.
        present = {el.get("eId") for el in self.act.iter() if isinstance(el.tag, str) and _local(el) != "note"}
        root_eid = body.get("eId") or "doc"
        for owner in [o for o in self.notes_by_owner if o not in present and o != root_eid]:
            self.notes_by_owner.setdefault(root_eid, []).extend(self.notes_by_owner.pop(owner))
        children_els = [el for el in (_kid(self.act, "preface"), _kid(self.act, "preamble")) if el is not None]
        for skipped in _kids(self.act, "coverPage", "conclusions", "attachments", "components"):
            self.warnings.append(Warning_(line=skipped.sourceline or 0, message=f"<{_local(skipped)}> not read"))
        root = self._node(body, children_els)
        source = "".join(self.pieces)
        return Document(document=meta, tree=root, warnings=self.warnings, source_text=source)

    def _noteref_owner(self, note_id: str | None) -> str | None:
        if not note_id:
            return None
        for ref in self.act.iter(_A + "noteRef"):
            if ref.get("href") == f"#{note_id}":
                anc = ref.getparent()
                while anc is not None and _local(anc) not in _HIER | {"body", "preface", "preamble"}:
                    anc = anc.getparent()
                if anc is not None:
                    return anc.get("eId") or ("doc" if _local(anc) == "body" else None)
        return None

    def _meta(self, meta_el: etree._Element | None, cc_doc: etree._Element | None) -> DocumentMeta:
        if cc_doc is not None:
            data = {name: _get(cc_doc, name) for name in DocumentMeta.model_fields if _has(cc_doc, name)}
            try:
                meta = DocumentMeta.model_validate(data)
            except ValueError as exc:
                raise ParseError(self.label, cc_doc.sourceline or 1, f"bad cc:document metadata: {str(exc).splitlines()[0]}") from None
        else:
            meta = self._foreign_meta(meta_el)
        meta.format = "akn"
        return meta

    def _foreign_meta(self, meta_el: etree._Element | None) -> DocumentMeta:
        meta = DocumentMeta(id=Path(self.label).name)
        ident = _kid(meta_el, "identification") if meta_el is not None else None
        if ident is None:
            return meta
        work, expr = _kid(ident, "FRBRWork"), _kid(ident, "FRBRExpression")

        def value(parent: etree._Element | None, tag: str, attr: str = "value") -> str | None:
            el = _kid(parent, tag) if parent is not None else None
            return el.get(attr) if el is not None else None

        meta.id = value(work, "FRBRthis") or meta.id
        country = (value(work, "FRBRcountry") or "").lower()
        meta.country = country.upper() if re.fullmatch(r"[a-z]{2}", country) and country not in ("un", "zz") else None
        meta.kind = value(work, "FRBRsubtype")
        meta.title = value(work, "FRBRname")
        meta.act_number = value(work, "FRBRnumber")
        lang = value(expr, "FRBRlanguage", "language")
        if lang:
            meta.language = _SCRIPT.get(lang, _LANG2.get(lang, lang))
        for parent, field in ((expr, "edition"), (work, "adopted")):
            date = value(parent, "FRBRdate", "date")
            with contextlib.suppress(ValueError):
                setattr(meta, field, _dt.date.fromisoformat(date or ""))
        return meta

    # tree
    def _notes(self, eid: str, inline: list[etree._Element]) -> tuple[list[Note], int]:
        """The notes of node `eid` (inline authorialNotes, then <meta> notes), and the line of the first."""
        notes: list[Note] = []
        first_line = self.lineno
        for note_el in inline:
            text = "\n".join(_block_lines(note_el, []))
            start, end, line = self._emit(text)
            if not notes:
                first_line = line
            notes.append(Note(kind="footnote", text=text, start=start, end=end))
        for note_el in self.notes_by_owner.get(eid, []):
            rec = self.events.get(note_el.get("eId", ""))
            text = (_get(rec, "text") or "") if rec is not None and _has(rec, "text") else "\n".join(_block_lines(note_el, []))
            kind = note_el.get("class", "")
            events = []
            if rec is not None:
                for ev in _kids(rec, "event"):
                    date = _get(ev, "date")
                    events.append(AmendmentEvent(
                        action=ev.get("action", "other"),
                        act=_get(ev, "act"), act_number=_get(ev, "actNumber"),
                        date=_dt.date.fromisoformat(date) if date else None, target=_get(ev, "target"),
                    ))
            start, end, line = self._emit(text or "")
            if not notes:
                first_line = line
            notes.append(Note(kind=kind if kind in _NOTE_KINDS else "footnote", text=text or "", start=start, end=end,
                              events=events))
        return notes, first_line

    def _node(self, el: etree._Element, extra_children: list[etree._Element] | None = None) -> Node:
        name = _local(el)
        eid = self._eid(el) if name != "body" else (el.get("eId") or "doc")
        if name == "body":
            self.seen.setdefault(eid, 1)
        rec = self.records.get(eid)
        kind: str = derive_kind(el)
        inline: list[etree._Element] = []
        label = heading = None
        text_lines: list[str] = []
        num: str | None = None
        if name in ("preface", "preamble"):
            long_title = _kid(el, "longTitle")
            if long_title is not None and name == "preface":
                heading = "\n".join(_block_lines(long_title, inline))
            text_lines = [line for c in _kids(el) if c is not long_title for line in _block_lines_of(c, inline)]
        elif name != "body":
            num_el = _kid(el, "num")
            if num_el is not None:
                label = _inline(num_el, inline)
                num = derive_num(_inline(num_el, cited=True))
            head_el = _kid(el, "heading")
            if head_el is not None:
                heading = _inline(head_el, inline)
            for part in _kids(el, "subheading", "intro", "content", "wrapUp"):
                if _local(part) == "subheading":
                    text_lines.append(_inline(part, inline))
                else:
                    text_lines.extend(_block_lines(part, inline))
        text = "\n".join(text_lines)
        repealed = False
        if rec is not None:
            kind = rec.get("kind") or kind
            label = _get(rec, "label") if _has(rec, "label") else label
            heading = _get(rec, "heading") if _has(rec, "heading") else heading
            text = (_get(rec, "text") or "") if _has(rec, "text") else text
            num = _get(rec, "num") if _has(rec, "num") else num
            if "num" in (rec.get("null") or "").split():
                num = None
            repealed = rec.get("repealed") == "true"
        if kind not in _NODE_KINDS:
            raise ParseError(self.label, (rec if rec is not None else el).sourceline or 1, f"unknown node kind {kind!r}")
        before = self.pos
        first: tuple[int, int] | None = None  # (offset, line) of the node's first character
        for piece in (" ".join(p for p in (label, heading) if p), text):
            if piece:
                s, _, ln = self._emit(piece)
                first = first or (s, ln)
        notes, notes_line = self._notes(eid, inline)
        if first is None and notes:
            first = (notes[0].start, notes_line)
        children = [self._node(c) for c in extra_children or []]
        for c in _kids(el):
            placeholder = name == "body" and c.get("name") == "empty" and c.get("eId") == f"{eid}__empty"
            if _local(c) in _HIER and not placeholder:
                children.append(self._node(c))
        if first is None:
            first = (children[0].start, children[0].line) if children else (self.pos, self.lineno)
        start, line = first
        end = self.pos if self.pos != before else start
        return Node(eid=eid, kind=kind, label=label, num=num, heading=heading, text=text,  # type: ignore[arg-type]
                    notes=notes, repealed=repealed, start=start, end=end, line=line, children=children)


def _block_lines_of(el: etree._Element, inline: list[etree._Element]) -> list[str]:
    if _local(el) in _BLOCK_CONTAINERS and _kids(el):
        return _block_lines(el, inline)
    return [_inline(el, inline)]


def from_akn(text: str, label: str = "<akn>") -> Document:
    """Read an Akoma Ntoso act (ours, or a foreign one as far as it uses the same shapes) into a `Document`.

    Refuses with a one-line `ParseError` input that is not XML, not Akoma Ntoso, not an act, or that
    declares entities / names an external DTD.
    """
    if not text.strip():
        raise ParseError(label, 1, "empty input: no XML to parse")
    _refuse_dtd(text, label)
    try:
        root = etree.fromstring(text.encode("utf-8"), _safe_parser(encoding="utf-8", remove_comments=True, remove_pis=True))
    except etree.XMLSyntaxError as exc:
        msg = (exc.msg or str(exc)).splitlines()[0]
        raise ParseError(label, exc.lineno or 1, f"not well-formed XML: {msg}") from None
    if root.getroottree().docinfo.internalDTD is not None:
        dtd = root.getroottree().docinfo.internalDTD
        if any(True for _ in dtd.iterentities()):
            raise ParseError(label, 1, "refused: the DOCTYPE declares entities")
    if _local(root) != "akomaNtoso":
        raise ParseError(label, root.sourceline or 1, f"not Akoma Ntoso: the root element is <{_local(root)}>")
    act = next((c for c in _kids(root) if _local(c) in ("act", "bill")), None)
    if act is None:
        found = next((_local(c) for c in _kids(root)), "nothing")
        raise ParseError(label, root.sourceline or 1, f"not an Akoma Ntoso act: <akomaNtoso> holds <{found}>")
    try:
        return _Importer(act, label).read()
    except ParseError:
        raise
    except ValueError as exc:  # a proprietary value the models refuse (bad date, unknown action…)
        raise ParseError(label, 1, f"bad Akoma Ntoso content: {str(exc).splitlines()[0]}") from None
