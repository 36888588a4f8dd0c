"""The Word and PDF readers: the real Kyrgyz files first (article counts, superscripts, page furniture),
then constructed files (detection by content, wrapped lines, bad files refused with one line and exit 2)."""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from functools import cache
from pathlib import Path

import docx as word
import pytest
from lxml import etree
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, StreamObject

from compliance.cli import main
from compliance.models import Document
from compliance.parse import ParseError, parse_bytes, parse_file, parse_text

from .conftest import SHARED

# ../shared beside the clone, as CI lays it out (test_corpus.py looks there too).
KG = SHARED / "kg"
needs_shared = pytest.mark.skipif(not KG.is_dir(), reason="../shared/sources is not beside this clone")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@cache
def _parsed(path: Path) -> Document:
    return parse_file(path)


def _nums(doc: Document) -> list[str]:
    return [a.num or "" for a in doc.articles()]


# -- independent extractions: no reader of ours involved ------------------------------------------------


def docx_paragraphs(path: Path) -> list[str]:
    """The text of every w:p of word/document.xml (its own w:t, flattened), read with zipfile and lxml."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    out = []
    for p in root.iter(f"{_W}p"):
        own = [t.text or "" for t in p.iter(f"{_W}t") if next(t.iterancestors(f"{_W}p")) is p]
        out.append("".join(own))
    return out


def docx_chars(path: Path) -> Counter[str]:
    """Non-white-space characters of word/document.xml's w:t texts (and non-breaking hyphens, printed "-")."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    chars = Counter(ch for t in root.iter(f"{_W}t") for ch in (t.text or "") if not ch.isspace())
    chars["-"] += sum(1 for _ in root.iter(f"{_W}noBreakHyphen"))
    return +chars


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def pdf_chars(path: Path) -> Counter[str]:
    return Counter(ch for ch in pdf_text(path) if not ch.isspace() and ch != "\u200b")


def tree_chars(doc: Document) -> Counter[str]:
    """Non-white-space characters of every node's label, heading, text and notes. In a PDF, zero-width
    spaces are left out on both sides: the reader writes one for a line break it joins after a hyphen."""
    got: Counter[str] = Counter()
    for node in doc.tree.walk():
        for piece in (node.label, node.heading, node.text, *(n.text for n in node.notes)):
            if piece:
                got.update(ch for ch in piece if not ch.isspace())
    if doc.document.format == "pdf":
        del got["\u200b"]
    return got


def source_chars(path: Path) -> Counter[str]:
    return docx_chars(path) if path.suffix == ".docx" else pdf_chars(path)


# -- the real Kyrgyz files ------------------------------------------------------------------------------

# kg/PROVENANCE.md: paragraphs that begin «Статья N» (the PDF's counted on pypdf's text).
KG_ARTICLES = {
    "constitution-2021.ru.2021-05-05.docx": 116,
    "family-code-2003.ru.2025-07-17.docx": 141,
    "land-code-2025.ru.2025-07-18.docx": 131,
    "criminal-executive-code-2017.ru.2025-07-31.pdf": 168,
}
_HEADING = re.compile(r"^\s*Статья\s+\d")


@needs_shared
@pytest.mark.parametrize("name", sorted(KG_ARTICLES))
def test_kyrgyz_word_and_pdf_files_give_one_article_per_statya_heading(name: str) -> None:
    path = KG / name
    if path.suffix == ".docx":
        headings = sum(1 for p in docx_paragraphs(path) if _HEADING.match(p))
    else:
        headings = sum(1 for line in pdf_text(path).splitlines() if _HEADING.match(line))
    assert headings == KG_ARTICLES[name]
    doc = _parsed(path)
    assert len(doc.articles()) == headings
    assert doc.document.format == path.suffix[1:] and doc.document.language == "ru"


@needs_shared
def test_word_superscript_article_is_cited_as_n_point_1() -> None:
    doc = _parsed(KG / "family-code-2003.ru.2025-07-17.docx")
    nums = _nums(doc)
    assert nums[nums.index("85") + 1] == "85.1"
    assert doc.tree.article("85.1").eid == "art_85-1"  # type: ignore[union-attr]
    assert not any(re.fullmatch(r"\d{3,}", n) and int(n) > 177 for n in nums)


@needs_shared
def test_pdf_flattened_superscript_articles_are_read_as_n_point_1() -> None:
    nums = _nums(_parsed(KG / "criminal-executive-code-2017.ru.2025-07-31.pdf"))
    assert nums[nums.index("65") + 1 : nums.index("65") + 3] == ["65.1", "65.2"]
    assert [n for n in nums if n.startswith("160")] == ["160", "160.1", "160.2", "160.3", "160.4"]


@needs_shared
def test_pdf_running_header_and_footer_are_page_furniture_not_law_text() -> None:
    doc = _parsed(KG / "criminal-executive-code-2017.ru.2025-07-31.pdf")
    header = "Кодекс КР от 31 января 2017 года № 17"
    furniture = [n.text for n in doc.tree.notes if n.kind == "navigation"]
    assert sum(t.startswith(header) for t in furniture) == 100  # one on each of the 100 pages
    assert sum(t == "cbd.minjust.gov.kg" for t in furniture) == 100
    for node in doc.tree.walk():
        law = " ".join(p for p in (node.heading, node.text) if p)
        assert "cbd.minjust.gov.kg" not in law and header not in law, node.eid
        if node is not doc.tree:
            assert all(n.kind != "navigation" for n in node.notes), node.eid


@needs_shared
def test_pdf_wrapped_article_heading_and_sentences_are_joined_with_offsets_into_the_extracted_text() -> None:
    path = KG / "criminal-executive-code-2017.ru.2025-07-31.pdf"
    doc = _parsed(path)
    art94 = doc.tree.article("94")
    assert art94 is not None and art94.heading is not None
    # the line broke after "и " (a trailing space): the break is a zero-width space, not a second space
    assert art94.heading.replace("\u200b", "") == "Приобретение и хранение осужденными литературы и письменных принадлежностей"
    art2 = doc.tree.article("2")
    assert art2 is not None and art2.heading == "Основные понятия, применяемые в настоящем Кодексе"
    assert art2.text.startswith("В настоящем Кодексе")
    # "уголовно-" at a line's end and "правового" on the next read as one word once zero-width spaces are dropped
    para = doc.tree.find("art_1__para_1")
    assert para is not None and "\n" not in para.text
    assert "уголовно-правового воздействия" in para.text.replace("\u200b", "")
    # same length as pypdf's text, and every character other than a joined line break at its offset
    extracted = pdf_text(path)
    assert len(doc.source_text) == len(extracted)
    differ = [i for i, (a, b) in enumerate(zip(doc.source_text, extracted)) if a != b]
    assert differ and all(extracted[i] == "\n" and doc.source_text[i] in " \u200b" for i in differ)
    for node in doc.articles():
        assert doc.source_text[node.start :].startswith(node.label or "")


@needs_shared
@pytest.mark.parametrize(
    "path", sorted(SHARED.rglob("*.docx")) + sorted(SHARED.rglob("*.pdf")) if SHARED.is_dir() else [], ids=lambda p: p.name
)
def test_every_character_of_a_shared_word_or_pdf_law_lands_in_the_tree(path: Path) -> None:
    got, want = tree_chars(_parsed(path)), source_chars(path)
    assert got - want == Counter(), "characters duplicated"
    assert want - got == Counter(), "characters lost"


# -- constructed files ----------------------------------------------------------------------------------


def make_docx(paragraphs: list[list[tuple[str, bool]]], table: list[str] = ()) -> bytes:  # type: ignore[assignment]
    """A .docx whose paragraphs are runs of (text, superscript), and a one-row table of `table` cells."""
    d = word.Document()
    for runs in paragraphs:
        p = d.add_paragraph()
        for text, sup in runs:
            p.add_run(text).font.superscript = sup or None
    if table:
        row = d.add_table(rows=1, cols=len(table)).rows[0]
        for cell, text in zip(row.cells, table):
            cell.text = text
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def make_pdf(pages: list[list[str]]) -> bytes:
    """A PDF with a Helvetica text layer, one text line per string, top to bottom; no page = no text layer."""
    w = PdfWriter()
    font = DictionaryObject(
        {NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
         NameObject("/BaseFont"): NameObject("/Helvetica")}
    )
    for lines in pages:
        page = w.add_blank_page(612, 792)
        if not lines:
            continue
        ops = ["BT", "/F1 11 Tf", "14 TL", "72 760 Td"] + [f"({line}) Tj T*" for line in lines] + ["ET"]
        stream = StreamObject()
        stream.set_data("\n".join(ops).encode("latin-1"))
        page[NameObject("/Contents")] = w._add_object(stream)
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def test_word_superscript_runs_give_the_same_article_numbers_as_html_sup() -> None:
    data = make_docx([
        [("Статья 152. Первая", False)],
        [("Текст статьи.", False)],
        [("Статья 152", False), ("1", True), (". Вставленная", False)],
        [("Текст вставленной статьи.", False)],
    ])
    html = "<p>Статья 152. Первая</p><p>Текст статьи.</p><p>Статья 152<sup>1</sup>. Вставленная</p><p>Текст вставленной статьи.</p>"
    from_word, from_html = parse_bytes(data, label="law.docx"), parse_text(html, "html")
    assert _nums(from_word) == _nums(from_html) == ["152", "152.1"]
    assert [a.full_text() for a in from_word.articles()] == [a.full_text() for a in from_html.articles()]


def test_word_table_cells_and_line_breaks_are_read_and_every_character_kept(tmp_path: Path) -> None:
    d = word.Document()
    d.add_paragraph("Статья 1. Цель")
    p = d.add_paragraph("Первая строка")
    p.add_run().add_break()
    p.add_run("вторая строка.")
    d.add_table(rows=1, cols=2).rows[0].cells[1].text = "Ячейка таблицы"
    path = tmp_path / "law.docx"
    d.save(str(path))
    doc = parse_file(path)
    lines = doc.source_text.splitlines()
    assert lines == ["Статья 1. Цель", "Первая строка", "вторая строка.", "Ячейка таблицы"]
    assert tree_chars(doc) == docx_chars(path)


def test_pdf_furniture_and_page_numbers_are_kept_apart_and_wrapped_lines_joined() -> None:
    header = "Law of Examplestan on Trade Unions - portal.example"
    pages = [
        [header, "Article 1. Scope", "This Law applies to every trade union registered", "in the country.", "1"],
        [header, "Article 2. Freedom of association", "1. Workers may join unions.", "2"],
        [header, "Article 3. Rights", "Unions may bargain collectively.", "3"],
    ]
    doc = parse_bytes(make_pdf(pages), label="law.pdf")
    assert _nums(doc) == ["1", "2", "3"] and doc.document.language == "en"
    furniture = [n.text for n in doc.tree.notes if n.kind == "navigation"]
    assert furniture == [header, "1", header, "2", header, "3"]
    art1 = doc.tree.article("1")
    assert art1 is not None and art1.text == "This Law applies to every trade union registered in the country."
    assert doc.source_text[art1.start : art1.end].startswith("Article 1. Scope")
    assert tree_chars(doc) == Counter(ch for page in pages for line in page for ch in line if not ch.isspace())


def test_pdf_paragraph_split_by_a_page_break_is_one_paragraph_and_the_furniture_between_stays_apart() -> None:
    header = "Law of Examplestan on Trade Unions - portal.example"
    pages = [
        [header, "Article 1. Scope", "This Law applies to every trade union registered in the country and",
         "to their federations, con-", "1"],
        [header, "federations and unions of employers.", "Article 2. Heading that goes on over", "2"],
        [header, "the page break", "Workers may join unions.", "3"],
    ]
    doc = parse_bytes(make_pdf(pages), label="law.pdf")
    art1, art2 = doc.tree.article("1"), doc.tree.article("2")
    assert art1 is not None and art1.text == (
        "This Law applies to every trade union registered in the country and to their federations, con-\u200b"
        "federations and unions of employers."
    )
    assert art2 is not None and art2.heading == "Heading that goes on over the page break"
    assert art2.text == "Workers may join unions."
    assert [n.text for n in doc.tree.notes if n.kind == "navigation"] == [header, "1", header, "2", header, "3"]
    assert tree_chars(doc) == Counter(ch for page in pages for line in page for ch in line if not ch.isspace())


@needs_shared
def test_kyrgyz_pdf_parts_split_by_a_page_break_are_whole_parts() -> None:
    doc = _parsed(KG / "criminal-executive-code-2017.ru.2025-07-31.pdf")
    part = doc.tree.find("art_18__para_2")
    # the part runs from page 6 to page 7; the running header and the portal's name lie between in the PDF
    assert part is not None and "уголовно-\u200bправового воздействия. Меры принуждения" in part.text
    assert "cbd.minjust.gov.kg" not in part.text and "Кодекс КР от 31 января 2017" not in part.text


def test_word_and_pdf_are_recognised_by_content_whatever_the_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docx_file, pdf_file = tmp_path / "download", tmp_path / "printed.bin"
    docx_file.write_bytes(make_docx([[("Статья 1. Цель", False)], [("Текст.", False)]]))
    pdf_file.write_bytes(make_pdf([["Article 1. Scope", "Text."]]))
    assert parse_file(docx_file).document.format == "docx"
    assert parse_file(pdf_file).document.format == "pdf"
    assert main(["parse", str(docx_file), "--from", "docx", "--format", "text"]) == 0
    assert main(["parse", str(pdf_file), "--from", "pdf", "--format", "text"]) == 0
    capsys.readouterr()
    assert main(["parse", str(docx_file), "--from", "pdf"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(docx_file) in err and "docx file, not pdf" in err


def _truncated_docx() -> bytes:
    data = make_docx([[("Статья 1. Цель", False)]])
    return data[: len(data) // 2]


def _zip_of_a_later_version() -> bytes:
    data = bytearray(make_docx([[("Статья 1. Цель", False)]]))
    at = data.find(b"PK\x01\x02")  # the first entry of the central directory: the version needed to extract it
    data[at + 6] = 65
    return bytes(data)


def _zip_without_document() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("notes.txt", "Статья 1.")
    return buf.getvalue()


def _encrypted_pdf() -> bytes:
    w = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([["Article 1. Scope"]]))))
    w.encrypt("secret", algorithm="RC4-128")
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


BAD_FILES = {
    "truncated.docx": (_truncated_docx, "damaged or truncated ZIP archive"),
    "not-a-zip.docx": (lambda: "Статья 1. Цель".encode(), "not a ZIP archive"),
    "version.docx": (_zip_of_a_later_version, "damaged or truncated ZIP archive"),
    "archive.docx": (_zip_without_document, "without word/document.xml"),
    "encrypted.pdf": (_encrypted_pdf, "encrypted"),
    "scanned.pdf": (lambda: make_pdf([[], []]), "no text layer (scanned pages?): it needs OCR first"),
    "damaged.pdf": (lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<", "the PDF is cut short"),
    "old.doc": (lambda: bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504), "damaged Word 97-2003 .doc"),
    "empty.rtf": (lambda: b"{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}{\\header Page 1\\par}\\par\\par}", "no text in its body"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_word_and_pdf_files_exit_2_with_one_line_naming_file_and_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    make, reason = BAD_FILES[name]
    bad = tmp_path / name
    bad.write_bytes(make())
    assert main(["parse", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(bad) in err and reason in err
    with pytest.raises(ParseError, match=rf"^{re.escape(str(bad))}:1: "):
        parse_file(bad)


# -- Word list numbering: labels printed by Word, not typed in the runs ------------------------------------

_WNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# constructed: a multilevel list as a law typed in Word may number its articles, parts and points
_LAW_LIST = f"""<w:abstractNum xmlns:w="{_WNS}" w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Статья %1."/><w:suff w:val="space"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="russianLower"/><w:lvlText w:val="%3)"/><w:suff w:val="space"/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
</w:abstractNum>"""
_LAW_NUMS = f"""<w:num xmlns:w="{_WNS}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>"""
_RESTART = f"""<w:num xmlns:w="{_WNS}" w:numId="91"><w:abstractNumId w:val="90"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="400"/></w:lvlOverride></w:num>"""


def _numbered_docx(paragraphs: list[tuple[str, str | None, int]]) -> bytes:
    """A .docx whose paragraphs (text, list instance or None, level) are numbered by Word's list numbering."""
    document = word.Document()
    numbering = document.part.numbering_part.element
    first_num = numbering.find(f"{{{_WNS}}}num")
    for xml in (_LAW_LIST,):
        first_num.addprevious(etree.fromstring(xml))  # abstract lists come before the instances
    for xml in (_LAW_NUMS, _RESTART):
        numbering.append(etree.fromstring(xml))
    for text, num_id, level in paragraphs:
        p = document.add_paragraph(text)
        if num_id is not None:
            ppr = p._p.get_or_add_pPr()
            ppr.append(etree.fromstring(f'<w:numPr xmlns:w="{_WNS}"><w:ilvl w:val="{level}"/>'
                                        f'<w:numId w:val="{num_id}"/></w:numPr>'))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_word_list_numbering_gives_articles_parts_and_points_their_printed_numbers() -> None:
    data = _numbered_docx([
        ("ЗАКОН О ПРОФЕССИОНАЛЬНЫХ СОЮЗАХ", None, 0),
        ("Цели", "90", 0),
        ("Первая часть.", "90", 1),
        ("Вторая часть:", "90", 1),
        ("первый пункт;", "90", 2),
        ("второй пункт.", "90", 2),
        ("примечание списком", "90", 3),  # a bullet: no label
        ("Профсоюзы", "90", 0),
        ("Часть статьи два.", "90", 1),  # parts restart under a new article
        ("Переходные положения", "91", 0),  # another instance that restarts the articles at 400
    ])
    doc = parse_bytes(data, label="law.docx")
    assert [(a.num, a.heading) for a in doc.articles()] == [("1", "Цели"), ("2", "Профсоюзы"),
                                                             ("400", "Переходные положения")]
    first = doc.tree.article("1")
    assert first is not None and [(c.kind, c.num) for c in first.children] == [("paragraph", "1"), ("paragraph", "2")]
    assert [(c.kind, c.num, c.text) for c in first.children[1].children] == [
        ("point", "а", "первый пункт;"), ("point", "б", "второй пункт.")]
    assert first.children[1].text == "Вторая часть:\nпримечание списком"  # after the list ended with "."
    assert [(c.kind, c.num) for c in doc.tree.article("2").children] == [("paragraph", "1")]  # type: ignore[union-attr]
    assert "Статья 2. Профсоюзы" in doc.source_text and "\uf0b7" not in doc.source_text


def test_word_numbering_counts_bullets_skips_deleted_paragraphs_and_survives_odd_values() -> None:
    # constructed: a bullet at the top level restarts the numbered level under it; a paragraph deleted under
    # tracked changes is neither shown nor counted; a start of two billion letters is not printed
    data = _numbered_docx([("Статья 1. Т", None, 0), ("Вводная.", "90", 3), ("Первая.", "90", 1)])
    assert "1.\tПервая." in parse_bytes(data, label="a.docx").source_text
    document = word.Document(io.BytesIO(_numbered_docx([("Цели", "90", 0), ("Удалено", "90", 0), ("Союзы", "90", 0)])))
    deleted = document.paragraphs[1]._p
    for r in deleted.findall(f"{{{_WNS}}}r"):
        for t in r.findall(f"{{{_WNS}}}t"):
            t.tag = f"{{{_WNS}}}delText"
        wrapper = etree.SubElement(deleted, f"{{{_WNS}}}del")
        wrapper.append(r)
    buffer = io.BytesIO()
    document.save(buffer)
    assert [a.num for a in parse_bytes(buffer.getvalue(), label="b.docx").articles()] == ["1", "2"]
    from compliance.parse.docx_numbering import _small_int

    assert _small_int("2000000000") is None and _small_int("one") is None and _small_int("12") == 12


def test_word_numbering_levels_of_an_instance_and_levels_without_a_number() -> None:
    # constructed: a list instance that defines its top level for itself ("Раздел %1." in roman), and a
    # level of format "none" that prints its text ("Примечание.") and no number
    document = word.Document()
    numbering = document.part.numbering_part.element
    numbering.find(f"{{{_WNS}}}num").addprevious(etree.fromstring(
        f'<w:abstractNum xmlns:w="{_WNS}" w:abstractNumId="95"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="none"/><w:lvlText w:val="Примечание."/><w:suff w:val="space"/></w:lvl></w:abstractNum>'))
    numbering.append(etree.fromstring(_LAW_NUMS.replace('w:numId="90"', 'w:numId="94"').replace(
        "</w:num>", '<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>'
        '<w:lvlText w:val="Раздел %1."/><w:suff w:val="space"/></w:lvl></w:lvlOverride></w:num>')))
    numbering.append(etree.fromstring(f'<w:num xmlns:w="{_WNS}" w:numId="95"><w:abstractNumId w:val="95"/></w:num>'))
    numbering.find(f"{{{_WNS}}}num").addprevious(etree.fromstring(_LAW_LIST))
    for text, num_id in (("Общие положения", "94"), ("Особые положения", "94"), ("Текст примечания.", "95")):
        p = document.add_paragraph(text)
        p._p.get_or_add_pPr().append(etree.fromstring(
            f'<w:numPr xmlns:w="{_WNS}"><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))
    buffer = io.BytesIO()
    document.save(buffer)
    text = parse_bytes(buffer.getvalue(), label="c.docx").source_text
    assert "Раздел I. Общие положения\nРаздел II. Особые положения\nПримечание. Текст примечания." in text


def test_a_paragraph_style_that_numbers_its_paragraphs_gives_them_their_labels() -> None:
    # python-docx's own template: the "List Number" style numbers its paragraphs "1.", "2." (a tab after)
    document = word.Document()
    document.add_paragraph("Статья 1. Цели")
    for text in ("Первая часть.", "Вторая часть."):
        document.add_paragraph(text, style="List Number")
    buffer = io.BytesIO()
    document.save(buffer)
    doc = parse_bytes(buffer.getvalue(), label="law.docx")
    assert [(c.num, c.text) for c in doc.tree.article("1").children] == [  # type: ignore[union-attr]
        ("1", "Первая часть."), ("2", "Вторая часть.")]


@pytest.mark.parametrize(("n", "fmt", "printed"), [
    (4, "upperRoman", "IV"), (14, "lowerRoman", "xiv"), (3, "lowerLetter", "c"), (27, "lowerLetter", "aa"),
    (2, "upperLetter", "B"), (10, "russianLower", "к"), (3, "russianUpper", "В"), (7, "decimalZero", "07"),
    (12, "decimal", "12"), (5, "ordinalText", "5"),  # a format not read here: its number
    (3, "none", ""),  # a level that prints no number
])
def test_word_number_formats_print_as_word_prints_them(n: int, fmt: str, printed: str) -> None:
    from compliance.parse.docx_numbering import formatted_number

    assert formatted_number(n, fmt) == printed


def test_a_pdf_line_wrapped_after_a_number_sign_goes_on_with_the_act_number() -> None:
    # KG Criminal-Executive Code (PDF): "(утратил силу … от 31 июля 2025 года №" wrapped before "181)": the act's
    # number and the note's closing bracket, not a point 181) (23 such points were read before)
    from compliance.parse.pdf import _continues

    assert _continues("3) (утратил силу в соответствии с Законом КР от 31 июля 2025 года №", "181)", 90)
    assert not _continues("2) из исправительной колонии в колонию-поселение;", "3) из колонии", 90)


@needs_shared
def test_the_kyrgyz_criminal_executive_code_has_no_point_made_of_an_act_number() -> None:
    doc = _parsed(KG / "criminal-executive-code-2017.ru.2025-07-31.pdf")
    assert not [n.eid for n in doc.tree.walk() if n.kind == "point" and n.num in ("181", "29")]
    art = doc.tree.article("80")
    assert art is not None and [p.num for p in art.children[1].children] == ["1", "2", "3", "4"]
    assert not [w for w in doc.warnings if "duplicate" in w.message]


def test_a_pdf_cut_short_is_refused_in_one_line_that_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # an incomplete download: pypdf's own complaints ("EOF marker not found") are no lines of their own
    data = make_pdf([["Article 1. Scope", "Text of the article."]])
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) * 9 // 10])
    assert main(["parse", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cut short" in err and str(path) in err


def test_a_pdf_repaired_while_reading_says_so_beside_its_text(capsys: pytest.CaptureFixture[str]) -> None:
    data = re.sub(rb"startxref\n\d+", b"startxref\n9", make_pdf([["Article 1. Scope", "Text of the article."]]))
    doc = parse_bytes(data, label="repaired.pdf")
    assert [a.num for a in doc.articles()] == ["1"]
    assert "damaged and was repaired" in doc.warnings[0].message and "some of its text may be missing" in doc.warnings[0].message
    assert capsys.readouterr().err == ""
