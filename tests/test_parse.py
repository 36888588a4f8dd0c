"""The parser on the real corpus: article counts and order, identifiers, nothing lost, encodings, refusals."""

from __future__ import annotations

import json
import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html
from pypdf import PdfReader

from compliance.cli import main
from compliance.corpus import CorpusEntry
from compliance.models import Document, Node
from compliance.parse import ParseError, parse_file, parse_text
from compliance.parse.readers import read_html
from compliance.parse.structure import clean_num

from .conftest import REPO, corpus_entries, parsed

ENTRIES = corpus_entries()
IDS = [e.meta.id for e in ENTRIES]


def _nums(doc: Document) -> list[str]:
    return [a.num or "" for a in doc.articles()]


# -- article inventories, counted independently of the parser -------------------------------------------


def test_ru_labour_code_has_529_articles_in_order_with_headings() -> None:
    doc = parsed("ru/labour-code@2023-08-04")
    raw = (REPO / "corpora/national_laws/ru/labour-code/2023-08-04.html").read_text("utf-8")
    expected = []
    for block in re.findall(r'<p class="H">(.*?)</p>', raw, re.S):
        block = re.sub(r'<span class="W9"[^>]*>([^<]*)</span>', r".\1", block)
        m = re.match(r"Статья (\d+(?:\.[\d-]+)?)\.", re.sub(r"<[^>]+>", "", block).replace("&nbsp;", " "))
        if m:
            expected.append(m.group(1))
    assert len(expected) == 529
    assert _nums(doc) == expected
    assert {"22.1", "348.11-1", "1", "424"} <= set(expected)
    assert all(a.heading for a in doc.articles() if not a.repealed)
    assert doc.tree.article("7").repealed and doc.tree.article("85").repealed  # type: ignore[union-attr]
    assert doc.tree.article("348.11-1").eid == "art_348-11-1"  # type: ignore[union-attr]


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.meta.country == "KZ"], ids=lambda e: e.meta.id)
def test_kz_files_give_every_article_heading_they_hold(entry: CorpusEntry) -> None:
    raw = entry.file.read_text("utf-8")
    expected = re.findall(r"(?m)^#+\s+(?:Статья\s+([\d-]+)\.|([\d-]+)-бап\.)", raw)
    expected = [a or b for a, b in expected]
    assert expected, "the file holds article headings"
    assert _nums(parsed(entry.meta.id)) == expected


def test_uz_labour_code_gives_581_articles_in_order() -> None:
    doc = parsed("uz/labour-code@2025-12-12")
    assert _nums(doc) == [str(i) for i in range(1, 582)]
    assert all(a.heading for a in doc.articles())


def test_tj_folder_of_chapters_is_one_document_with_345_articles() -> None:
    doc = parsed("tj/labour-code@2026-06-17")
    nums = _nums(doc)
    assert len(nums) == 345
    assert "288(1)" in nums and nums.index("288(1)") == nums.index("288") + 1
    assert doc.tree.article("288(1)").eid == "art_288-1"  # type: ignore[union-attr]
    assert [c.num for c in doc.tree.children if c.kind == "chapter"][:3] == ["1", "2", "3"]


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.meta.number], ids=lambda e: e.meta.id)
def test_conventions_parse_with_continuous_article_numbering(entry: CorpusEntry) -> None:
    doc = parsed(entry.meta.id)
    runs: list[list[int]] = [[]]
    for art in doc.articles():
        n = int(art.num or 0)
        if n == 1 and runs[-1]:
            runs.append([])  # an annex restarts the numbering (C097)
        runs[-1].append(n)
    for run in runs:
        assert run == list(range(1, len(run) + 1))
    assert len(runs) == (4 if entry.meta.number == "C097" else 1)


def test_convention_article_splits_into_paragraphs_and_points() -> None:
    c105 = parsed("C105")
    art1 = c105.tree.article("1")
    assert art1 is not None
    assert [c.num for c in art1.children] == ["a", "b", "c", "d", "e"]
    assert art1.children[3].eid == "art_1__point_d"
    c097 = parsed("C097")
    points = [n.eid for n in c097.tree.find("art_6").walk()]  # type: ignore[union-attr]
    assert "art_6__para_1__point_a__point_i" in points  # (i) under (a) is a roman sub-item
    assert "sec_annex-ii__art_6" in {n.eid for n in c097.tree.walk()}


# -- identifiers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("ref", IDS)
def test_eids_are_unique_in_every_document(ref: str) -> None:
    eids = [n.eid for n in parsed(ref).tree.walk()]
    assert len(eids) == len(set(eids))


def test_eid_of_an_article_is_the_same_in_an_excerpt_and_in_a_whole_chapter() -> None:
    eids = {
        ref: parsed(ref).tree.article("174").eid  # type: ignore[union-attr]
        for ref in (
            "kz/criminal-code-art174@2015-11-13",
            "kz/criminal-code-art174@2020-06-26",
            "kz/criminal-code-ch04-05-arts160-186-incl-art174@2025-09-16",
        )
    }
    assert set(eids.values()) == {"art_174"}
    old = {n.eid for n in parsed("kz/trade-unions-law@2020-05-04").tree.walk()}
    new = {n.eid for n in parsed("kz/trade-unions-law@2023-04-18").tree.walk()}
    assert len(old & new) > 0.9 * len(old)


def test_numbered_parts_and_points_get_nested_eids() -> None:
    art = parsed("kz/criminal-code-arts400-406@2023-01-01").tree.article("402")
    assert art is not None and [c.eid for c in art.children][:2] == ["art_402__para_1", "art_402__para_2"]
    assert "наказываются" in art.children[0].text  # the sanction line stays with its part


def test_unnumbered_russian_parts_keep_their_point_lists_apart() -> None:
    art = parsed("ru/labour-code@2023-08-04").tree.article("99")
    assert art is not None
    eids = [n.eid for n in art.walk()]
    assert "art_99__point_1" in eids and "art_99__para_nn_1__point_1" in eids


def test_clean_num_follows_the_akn_naming_convention() -> None:
    assert [clean_num(n) for n in ("174", "282.1", "348.11-1", "288(1)", "а", "ПЕРВАЯ")] == [
        "174",
        "282-1",
        "348-11-1",
        "288-1",
        "a",
        "1",
    ]


# -- nothing lost --------------------------------------------------------------------------------------

_ANCHOR = re.compile(r'<a\s+(?:id|name)="[^"]*"\s*>\s*</a>')
_MARKUP = re.compile(r"[\s#*_>\\]")


def _chars(text: str) -> Counter[str]:
    return Counter(_MARKUP.sub("", _ANCHOR.sub("", text)))


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _source_body(entry: CorpusEntry) -> str:
    """The law text as a reader sees it, computed without the parser: for Word, the w:t texts of
    word/document.xml read with zipfile and lxml (a non-breaking hyphen is printed "-"); for PDF, pypdf's
    plain text of every page."""
    if entry.file.is_dir():
        return "".join(p.read_text("utf-8") for p in sorted(entry.file.glob("*.md")))
    if entry.file.suffix == ".docx":
        root = etree.fromstring(zipfile.ZipFile(entry.file).read("word/document.xml"))
        return "".join(t.text or "" for t in root.iter(f"{_W}t")) + "-" * len(list(root.iter(f"{_W}noBreakHyphen")))
    if entry.file.suffix == ".pdf":
        return "\n".join(page.extract_text() or "" for page in PdfReader(entry.file).pages)
    raw = entry.file.read_text("utf-8")
    if entry.file.suffix == ".html":
        # UTF-8 stated: an HTML fragment (the Turkmen code) has no <meta charset> to say it
        root = lxml_html.document_fromstring(raw.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8"))
        for bad in root.iter("script", "style", "head"):
            bad.drop_tree()
        return root.text_content()
    return raw


def _tree_chars(doc: Document) -> Counter[str]:
    total: Counter[str] = Counter()
    for node in doc.tree.walk():
        for piece in (node.label, node.heading, node.text, *(n.text for n in node.notes)):
            if piece:
                total += _chars(piece)
    return total


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.meta.id)
def test_every_character_of_the_source_lands_in_exactly_one_node(entry: CorpusEntry) -> None:
    doc = parsed(entry.meta.id)
    expected, got = _chars(_source_body(entry)), _tree_chars(doc)
    if entry.file.suffix == ".pdf":  # the PDF reader writes a zero-width space for some line breaks it joins
        del got["\u200b"], expected["\u200b"]
    assert got - expected == Counter(), "characters duplicated"
    assert expected - got == Counter(), "characters lost"


def _html_lines(page: str) -> list[str]:
    decoded = read_html(page)
    return [decoded.text[ln.start : ln.end] for ln in decoded.lines]


def test_html_text_outside_innermost_blocks_is_kept_as_lines_in_document_order() -> None:
    # constructed example: text directly in <body>, a div's own text around its paragraph, a paragraph's tail
    page = "<html><body>Loose text<div>Intro text<p>Para one</p>tail of p</div><p>Two</p>end of body</body></html>"
    assert _html_lines(page) == ["Loose text", "Intro text", "Para one", "tail of p", "Two", "end of body"]
    scripted = "<body><p>a</p><script>x()</script>after a script<p>b</p></body>"
    assert _html_lines(scripted) == ["a", "after a script", "b"]
    # containers are blocks too: the text of two sections, or after a list, does not run into its neighbour
    assert _html_lines("<body><section>One</section><section>Two</section></body>") == ["One", "Two"]
    assert _html_lines("<body><ul>Intro<li>x</li></ul>after the list</body>") == ["Intro", "x", "after the list"]
    doc = parse_text(page.replace("Para one", "Статья 1. Цель"), "html")
    kept = "".join(n.full_text() for n in doc.tree.walk())
    assert all(piece in kept for piece in ("Loose text", "Intro text", "tail of p", "end of body"))


def test_html_without_a_utf8_charset_declaration_keeps_its_letters() -> None:
    # constructed examples: text arrives decoded, so a missing or different <meta charset> must not re-decode it
    assert _html_lines("<p>Статья 22<sup>1</sup>. Право</p>") == ["Статья 221. Право"]
    page = '<html><head><meta charset="windows-1251"></head><body><p>Статья 1. Цель</p></body></html>'
    assert _html_lines(page) == ["Статья 1. Цель"]
    assert [a.num for a in parse_text(page, "html").articles()] == ["1"]


def test_offsets_point_at_the_text_of_each_node() -> None:
    doc = parsed("kz/criminal-code-art174@2020-06-26")
    art = doc.tree.article("174")
    assert art is not None
    span = doc.source_text[art.start : art.end]
    assert span.startswith("Статья 174") and art.children[-1].text.splitlines()[-1] in span
    for note in art.notes:
        assert doc.source_text[note.start : note.end] == note.text


# -- notes and repeals ---------------------------------------------------------------------------------


def test_footnotes_are_kept_verbatim_with_amendment_events() -> None:
    art = parsed("kz/criminal-code-art174@2020-06-26").tree.article("174")
    assert art is not None
    assert all(n.text.startswith("Сноска.") for n in art.notes)
    events = [e for n in art.notes for e in n.events]
    assert any(e.act_number == "349-VI" and str(e.date) == "2020-06-26" for e in events)


def test_a_note_over_an_article_label_leaves_the_label_out_of_the_note() -> None:
    # constructed example in the pravo.gov.ru shape: the whole heading paragraph is one amendment mark
    doc = parse_text('<p class="H"><span class="mark">Статья 7. (Утратила силу)</span></p>', "html")
    art = doc.tree.article("7")
    assert art is not None and art.label == "Статья 7." and [n.text for n in art.notes] == ["(Утратила силу)"]


def test_repealed_articles_and_items_are_flagged() -> None:
    doc = parsed("kz/admin-offences-code-ch27-arts457-509-incl-art488@2024-06-16")
    assert doc.tree.article("459").repealed  # type: ignore[union-attr]
    assert not doc.tree.article("488").repealed  # type: ignore[union-attr]
    ru = parsed("ru/labour-code@2023-08-04").tree.article("278")
    assert ru is not None and any(n.repealed for n in ru.walk())


def test_lexuz_navigation_and_editorial_markers_become_notes() -> None:
    doc = parsed("uz/labour-code@2025-12-12")
    nav = [n.text for n in doc.tree.notes if n.kind == "navigation"]
    assert "РУС" in nav and "RSS" in nav
    art4 = doc.tree.article("4")
    assert art4 is not None and "Oldingi tahrirga qarang." not in art4.full_text()
    assert any("OʻRQ-963" in n.text for n in art4.notes)


def test_table_of_contents_is_not_taken_for_articles() -> None:
    doc = parsed("kz/public-associations-law@2023-12-21")
    assert _nums(doc) == [str(i) for i in range(1, 25)]


# -- other input forms (constructed examples) -----------------------------------------------------------


def test_plain_text_in_kazakh_english_and_russian() -> None:
    # constructed examples
    kk = parse_text("1-тарау. ЖАЛПЫ ЕРЕЖЕЛЕР\n1-бап. Негізгі ұғымдар\n1. Бірінші тармақ.\n2-бап. Заңнама\nМәтін.")
    assert _nums(kk) == ["1", "2"] and kk.document.language == "kk"
    en = parse_text("PART I\nGeneral\nArticle 1\n1. Each Member shall...\n(a) first;\n(b) second.\nArticle 2\nText.")
    assert _nums(en) == ["1", "2"] and en.tree.children[0].heading == "General"
    ru = parse_text("Глава 1. ОБЩИЕ\nСтатья 5. Цель\nГлава 5 настоящего Кодекса применяется.\n")
    assert [n.kind for n in ru.tree.walk()] == ["document", "chapter", "article"]


def test_flattened_lexuz_superscripts_are_read_as_inserted_articles() -> None:
    # constructed example in the lex.uz page shape
    doc = parse_text("216-modda. Birinchi\nMatn.\n2161-modda. Qoʻshimcha\nMatn.\n217-modda. Keyingi\nMatn.\n")
    assert _nums(doc) == ["216", "216.1", "217"]
    assert any("216.1" in w.message for w in doc.warnings)


def test_article_numbers_with_dots_are_one_number_not_a_number_and_a_part() -> None:
    # constructed examples in the shape of a code numbered by chapter (RU and BY codes of administrative
    # offences: "Статья 20.2.", "Статья 6.1.1.") and of a plain-text export of an inserted article ("212.1.")
    doc = parse_text("Глава 20. ОБЩИЕ\nСтатья 20.1. Первая\nТекст.\nСтатья 20.2. Вторая\n1. Часть первая.\n"
                     "1.1. Часть, вставленная после первой.\n2. Часть вторая.\nСтатья 20.2.2. Третья\nТекст.\nСтатья 20.3\nТекст.\n")
    assert _nums(doc) == ["20.1", "20.2", "20.2.2", "20.3"]
    art = doc.tree.article("20.2")
    assert art is not None and art.heading == "Вторая" and art.eid == "art_20-2"
    assert [c.eid for c in art.children] == ["art_20-2__para_1", "art_20-2__para_1-1", "art_20-2__para_2"]
    assert not doc.warnings  # no number is taken twice, and chapter-numbered articles are in order
    inserted = parse_text("Статья 212. Одна\nТекст.\nСтатья 212.1. Вставленная\nТекст.\nСтатья 212.2 Без точки\n"
                          "Статья 20.2 настоящего Кодекса применяется.\nСтатья 213. 1. Часть первая.\n")
    assert _nums(inserted) == ["212", "212.1", "212.2", "213"] and not inserted.warnings
    assert inserted.source_text.startswith("Статья 212.1. Вставленная", inserted.tree.article("212.1").start)  # type: ignore[union-attr]
    # docs.cntd.ru flattens a superscript with an underscore: "Статья 282_2.", a part "1_1."
    cntd = parse_text("Статья 282_2. Организация\n1. Первая.\n1_1. Вставленная.\n2. Вторая.\n")
    assert _nums(cntd) == ["282.2"]
    assert [c.num for c in cntd.tree.article("282.2").children] == ["1", "1.1", "2"]  # type: ignore[union-attr]
    en = parse_text("Article 283-1. Text\nArticle 24.23. Other\nArticle 25\nMore.\n")
    assert _nums(en) == ["283-1", "24.23", "25"]
    # translations: an article in capitals with its heading in curly quotes, or called a section
    caps = parse_text("SECTION 1. GENERAL PROVISIONS\nChapter 1. Basic provisions\nARTICLE 193.1 “THE ILLEGAL "
                      "ORGANIZATION”.\nText.\nArticle 5 of this Code applies.\n")
    assert [(n.kind, n.num) for n in caps.tree.walk()][1:] == [("section", "1"), ("chapter", "1"), ("article", "193.1")]


def test_a_lettered_list_directly_under_a_part_is_one_list_of_points() -> None:
    # constructed: "б)" after "а)" is the next point, not a sub-point of "а)" (RU Constitution art. 102's shape);
    # letters under a numbered point are its sub-points, and a roman "(i)" under "(a)" is one
    doc = parse_text("Статья 1. Т\n1. Часть:\nа) первый;\nа-1) вставной;\nб) второй;\nв) третий.\nСтатья 2. Т\n1. Часть:\n"
                     "1) пункт:\nа) подпункт;\nб) подпункт.\nArticle 3. T\n1. Text:\n(a) first;\n(i) one;\n(ii) two;\n"
                     "(b) second.\n")
    assert [n.eid for n in doc.tree.walk() if n.kind in ("point", "subpoint")] == [
        "art_1__para_1__point_a", "art_1__para_1__point_a-1", "art_1__para_1__point_b", "art_1__para_1__point_v",
        "art_2__para_1__point_1", "art_2__para_1__point_1__point_a", "art_2__para_1__point_1__point_b",
        "art_3__para_1__point_a", "art_3__para_1__point_a__point_i", "art_3__para_1__point_a__point_ii",
        "art_3__para_1__point_b"]


def test_sections_spelled_out_chapters_numbered_before_the_word_and_lowercase_references() -> None:
    # constructed, in the shapes of the Kyrgyz Constitution ("РАЗДЕЛ ТРЕТИЙ", "II ГЛАВА.") and of the list of
    # repealed acts in the Kyrgyz Family Code ("раздел I Указа …": a reference in running text, no section)
    doc = parse_text("РАЗДЕЛ ВТОРОЙ. ПРАВА\nГЛАВА I. ОБЩИЕ\nСтатья 1. Т\nТекст.\nРАЗДЕЛ ТРЕТИЙ. ВЛАСТЬ\nГЛАВА I. "
                     "ПРЕЗИДЕНТ\nСтатья 2. Т\nТекст.\nII ГЛАВА. ПАРЛАМЕНТ\nСтатья 3. Утратившие силу акты\n"
                     "Признать утратившими силу:\nраздел I Указа Президиума Верховного Совета;\nстатью 5 Закона.\n")
    assert [n.eid for n in doc.tree.walk() if n.kind in ("section", "chapter")] == [
        "sec_2", "sec_2__chp_i", "sec_3", "sec_3__chp_i", "sec_3__chp_ii"]
    assert not doc.warnings
    assert "раздел I Указа" in doc.tree.article("3").text  # type: ignore[union-attr]


def test_an_uzbek_list_lettered_in_cyrillic_order_is_one_list() -> None:
    # constructed: lex.uz letters points "a), b), v), g)" (а, б, в, г): "v)" after "b)" is the next point, not a
    # roman five under it; in an English list "(i)" after "(a)" still is one
    doc = parse_text("1-modda. Sinov\nIsh vaqti:\na) birinchi;\nb) ikkinchi;\nv) uchinchi;\ng) toʻrtinchi.\n")
    assert doc.document.language == "uz-Latn"
    assert [n.num for n in doc.tree.article("1").children] == ["a", "b", "v", "g"]  # type: ignore[union-attr]


def test_translations_that_put_a_dash_after_the_number_or_call_articles_sections_have_their_articles() -> None:
    # Georgia's official translations: "Article 2 - Right to …", the dash between number and heading
    matsne = parse_text("Article 2 - Right to establish trade unions\n1. Text.\nArticle 3 \u2013 Membership\nText.\n")
    assert [(a.label, a.num, a.heading) for a in matsne.articles()] == [
        ("Article 2 -", "2", "Right to establish trade unions"), ("Article 3 \u2013", "3", "Membership")]
    # a range of articles referred to at a line's start is no heading
    assert [a.num for a in parse_text("Article 1. Scope\nThe rules of\nArticle 5 - 7 of this Law apply.\n").articles()] == ["1"]
    # a translation that calls every article "Section 241.": the sections are its articles, as it has no other
    sections = parse_text("Section 241. Jobs prohibited for women\n1. Text.\nSection 242. Pregnant women\nText.\n")
    assert [(a.num, a.eid, a.heading) for a in sections.articles()] == [
        ("241", "art_241", "Jobs prohibited for women"), ("242", "art_242", "Pregnant women")]
    assert not sections.warnings


def test_an_english_act_that_numbers_its_sections_without_a_word_is_read_by_its_sections() -> None:
    # constructed in the shape of Acts of the Commonwealth tradition: "45. Penalties …" over "(1) …"
    act = parse_text("TRADE UNIONS ACT\nPART II\n3. Minimum number of members\n(1) An application shall be signed—\n"
                     "(a) by at least two hundred members.\n97A. Participation in prohibited strikes\n(1) Any person who "
                     "takes part in a strike.\n45. Penalties (general)\nA person who contravenes this Act commits an "
                     "offence.\n")
    assert [(a.num, a.eid, a.heading) for a in act.articles()] == [
        ("3", "art_3", "Minimum number of members"), ("97A", "art_97a", "Participation in prohibited strikes"),
        ("45", "art_45", "Penalties (general)")]
    assert [(n.eid, n.text) for n in act.articles()[1].children] == [
        ("art_97a__para_1", "Any person who takes part in a strike.")]
    # the first subsection on the section's line, or the title run into it; a part's title after a dash
    run_in = parse_text("EMPLOYMENT ACT\nPART I—PRELIMINARY\n3. (1) The Minister may make regulations.\n(2) Fees.\n"
                        "4.—(1) No person shall employ a child.\n5. Minimum number of members.—(1) An application "
                        "shall be signed.\n11. Any person who publicly calls upon others commits an offence.\n")
    assert [(n.kind, n.eid, n.heading, n.text) for n in run_in.tree.walk()][2:] == [
        ("part", "part_i", "PRELIMINARY", ""), ("article", "art_3", None, ""),
        ("paragraph", "art_3__para_1", None, "The Minister may make regulations."),
        ("paragraph", "art_3__para_2", None, "Fees."), ("article", "art_4", None, ""),
        ("paragraph", "art_4__para_1", None, "No person shall employ a child."),
        ("article", "art_5", "Minimum number of members", ""),
        ("paragraph", "art_5__para_1", None, "An application shall be signed."),
        ("article", "art_11", None, "Any person who publicly calls upon others commits an offence.")]
    # numbered paragraphs are sentences, not titles: a Recommendation's, or a Russian text's, stay text
    paragraphs = parse_text("1. Members should adopt a policy.\n2. This Recommendation applies to all workers.\n")
    assert not paragraphs.articles()
    russian = parse_text("Положение\n1. Общие положения\nНастоящее положение определяет порядок.\n")
    assert not russian.articles()
    # a text with articles keeps its numbered parts
    article = parse_text("Article 5. Scope\n1. Application of this Law\nText.\n")
    assert [n.eid for n in article.tree.walk()][1:] == ["art_5", "art_5__para_1"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1251", "koi8_r"])
def test_encodings_give_the_same_tree(tmp_path: Path, encoding: str) -> None:
    src = REPO / "corpora/national_laws/kz/criminal-code-arts400-406/2023-01-01.md"
    text = src.read_text("utf-8").replace("–", "-").replace("«", '"').replace("»", '"').replace("№", "N").replace("І", "I")
    target = tmp_path / "law.md"
    target.write_bytes(text.encode(encoding))
    base = tmp_path / "base.md"
    base.write_text(text, encoding="utf-8")
    got, want = parse_file(target), parse_file(base)
    assert got.tree.model_dump(exclude={"start", "end"}) == want.tree.model_dump(exclude={"start", "end"})
    assert got.document.encoding.replace("-", "_").startswith(encoding.replace("-", "_")[:5])  # type: ignore[union-attr]


def test_mixed_line_endings_parse_like_unix_ones() -> None:
    text = "Статья 1. Цель\r\n1. Первая.\r2. Вторая.\nСтатья 2. Другая\r\nТекст.\n"
    doc = parse_text(text)
    assert [n.eid for n in doc.tree.walk()][1:] == ["art_1", "art_1__para_1", "art_1__para_2", "art_2"]
    para2 = doc.tree.find("art_1__para_2")
    assert para2 is not None and doc.source_text[para2.start : para2.end] == "2. Вторая."


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty input"), (b"   \n\n", "empty input"), (b"\x00\x01\x02PK\x03\x04" * 50, "binary input")],
)
def test_input_that_is_not_text_is_refused_with_file_and_line(tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with pytest.raises(ParseError, match=rf"^{re.escape(str(bad))}:\d+: {message}"):
        parse_file(bad)


def test_cli_refuses_bad_input_with_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "empty.md"
    bad.write_bytes(b"")
    assert main(["parse", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(bad) in err


def test_text_without_structure_is_kept_with_a_warning() -> None:
    doc = parse_text("Просто текст без статей.\nЕщё строка.")
    assert doc.warnings and "no articles" in doc.warnings[0].message
    assert "Ещё строка." in doc.tree.children[0].text


def test_cli_parse_writes_json_with_document_and_tree(tmp_path: Path) -> None:
    out = tmp_path / "doc.json"
    law = REPO / "corpora/national_laws/kz/criminal-code-art174/2015-11-13.md"
    assert main(["parse", str(law), "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text("utf-8"))
    assert data["document"]["id"] == "kz/criminal-code-art174@2015-11-13"
    assert data["document"]["act_number"] == "226-V"
    assert data["tree"]["children"][0]["eid"] == "art_174"


def test_committed_json_schema_matches_the_models() -> None:
    from compliance.schemas import document_schema

    committed = json.loads((REPO / "compliance/schemas/document.schema.json").read_text("utf-8"))
    assert committed == document_schema()


def test_bad_metadata_beside_a_law_names_its_file_line_and_field(tmp_path: Path) -> None:
    law = tmp_path / "2020-01-01.txt"
    law.write_text("Статья 1. Цель\nТекст.\n", encoding="utf-8")
    meta = tmp_path / "2020-01-01.meta.yaml"
    meta.write_text("id: x\ntitle: Закон\nedition: not-a-date\n", encoding="utf-8")
    with pytest.raises(ParseError, match=rf"^{re.escape(str(meta))}:3: edition: "):
        parse_file(law)
    meta.write_text("id: x\ntitle: [unclosed\n", encoding="utf-8")
    with pytest.raises(ParseError, match=rf"^{re.escape(str(meta))}:\d+: not valid YAML"):
        parse_file(law)
    meta.write_text("id: x\nlanguage: ru\n", encoding="utf-8")
    assert parse_file(law).document.id == "x"


def test_a_parsed_document_is_what_validating_its_own_dump_gives() -> None:
    # the tree, its notes and their events: equal values, every field counted as set, and a node changed on
    # its own without changing what the others count as set
    from compliance.models import Node

    doc = parsed("kz/criminal-code-ch04-05-arts160-186-incl-art174@2025-09-16")
    assert any(note.events for node in doc.tree.walk() for note in node.notes)
    again = Document.model_validate(doc.model_dump())
    assert again.tree == doc.tree and again.model_dump() == doc.model_dump()  # (the source text is not dumped)
    assert doc.tree.model_dump(exclude_unset=True) == doc.tree.model_dump()
    changed = doc.model_copy(deep=True)
    first, second = list(changed.tree.walk())[1:3]
    first.heading = "Другая"
    assert second.model_fields_set == set(Node.model_fields)
    assert changed.tree.model_dump(exclude_unset=True) == changed.tree.model_dump()


def test_parsing_leaves_the_cycle_collector_as_it_found_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    import compliance.parse as parse_module

    assert gc.isenabled()
    parse_text("Статья 1. Цель\nТекст.")
    assert gc.isenabled()
    gc.disable()
    try:
        parse_text("Статья 1. Цель\nТекст.")
        assert not gc.isenabled()  # a caller that paused it keeps it paused
    finally:
        gc.enable()

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom")

    monkeypatch.setattr(parse_module, "build_tree", broken)
    with pytest.raises(RuntimeError):
        parse_text("Статья 1. Цель\nТекст.")
    assert gc.isenabled()


@pytest.mark.parametrize(("encoding", "declared"), [("cp1251", "windows-1251"), ("koi8_r", "koi8-r")])
def test_a_page_naming_its_single_byte_charset_is_read_in_it(tmp_path: Path, encoding: str, declared: str) -> None:
    # constructed; short pages give the letter counts little to go on, the declaration settles it
    page = (f'<html><head><meta charset="{declared}"></head><body><p class="H">Статья 1. Цель</p>'
            "<p>Работник имеет право.</p></body></html>")  # fmt: skip
    for raw in (page.encode(encoding), page.encode("utf-8")):
        law = tmp_path / "law.html"
        law.write_bytes(raw)
        doc = parse_file(law)
        assert doc.source_text == "Статья 1. Цель\nРаботник имеет право.\n"
        assert [a.heading for a in doc.articles()] == ["Цель"]


def test_a_gated_level_pattern_is_tried_on_every_line_where_it_could_match() -> None:
    # the strings looked for in a line's .lower() before a read-ahead pattern runs: whatever character `re`
    # takes for a letter of theirs (any case, "İ", dotless "ı", long "ſ"), the lowered line shows one of them
    from compliance.literals import lower_needles
    from compliance.parse.levels import vocabulary

    every_char = "".join(map(chr, range(0x10000)))
    gated = [needles for _, needles in vocabulary().levels.gated]
    assert gated and all(needles[0] for needles in gated)
    for needles in gated + [lower_needles(("kodeksiga", "ilova", "статья"))]:
        assert needles is not None
        word = needles[0]
        for i, c in enumerate(word):
            for alike in re.findall(f"(?i){re.escape(c)}", every_char):
                line = word[:i] + alike + word[i + 1 :]
                assert re.fullmatch(f"(?i){re.escape(word)}", line)
                assert any(s in line.lower() for s in needles), (word, alike)


def test_the_joined_level_patterns_pick_the_level_each_pattern_in_turn_picks() -> None:
    # `_match` asks the joined regex which pattern matched; the first pattern in order that matches must win
    from compliance.parse.levels import vocabulary
    from compliance.parse.readers import detect_format, read
    from compliance.parse.structure import _match

    vocab = vocabulary()
    lines = ["Статья 5. Цели", "ГЛАВА IХ. Итоги", "1. Часть", "1) пункт", "а) подпункт", "(i) item", "(h) item",
             # patterns that read ahead for a word are tried apart, on lines holding it: still in their turn
             "Türkmenistanyň Zähmet kodeksini tassyklamak we güýje girizmek hakynda",
             "5-modda. Kodeksini tassyklamak hakynda", "5-modda. Kodeksini tassyklamak", "Mehnat kodeksiga ILOVA",
             "1-ilova", "2-ILOVA. Atamalar", "ushbu ilova bilan", "1-bob. Umumiy qoidalar ilova", "Ilova",
             "1-İLOVA", "Mehnat kodeksiga ılova"]  # `re` reads "İ" and "ı" as "i": so must the test for the word
    for name in ("ru/labour-code/2023-08-04.html", "uz/labour-code/2025-12-12.txt", "kz/criminal-code-art174/2020-06-26.md",
                 "tm/labour-code/2019-03-02.html"):
        path = REPO / "corpora/national_laws" / name
        decoded = read(path.read_text("utf-8"), detect_format(path.read_text("utf-8"), name))
        lines += [decoded.text[ln.start : ln.end] for ln in decoded.lines]
    # the Turkmen enacting law's title and the Uzbek annex read ahead for a word: they are the gated ones
    assert {vocab.levels.by_group[f"_{i}"][0].alias for i, _ in vocab.levels.gated} == {"enact", "annex"}
    for levels in (vocab.levels, vocab.items, vocab.subpoints, vocab.headed):
        assert levels.any is not None
        for line in lines:
            found = _match(levels, line, 0)
            first = next(((lv, m) for lv in levels for p in lv.patterns for m in [p.match(line)] if m), None)
            long_number = first is not None and re.search(r"\d{13}", first[1].group("num") or "") is not None
            assert (found is None) == (first is None or long_number), line
            if found is not None and first is not None:
                assert (found.level, found.label, found.num) == (first[0], first[1].group("label"), first[1].group("num"))


def _files(folder: Path, *names: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text("Статья 1. Текст.\n", encoding="utf-8")
    return folder


def test_a_folder_is_one_law_only_in_chapters_named_alike_and_its_notes_are_never_a_chapter(tmp_path: Path) -> None:
    from compliance.parse.meta import chapter_files, laws_in, one_law

    code = _files(tmp_path / "laws" / "labour-code", "glava-01.md", "glava-02.md", "glava-10.md", "PROVENANCE.md")
    kg = _files(tmp_path / "laws" / "kg", "family-code.docx", "land-code.pdf", "README.md")
    kz = _files(tmp_path / "laws" / "kz", "criminal-code-art174.md", "trade-unions-law.md")
    assert [p.name for p in chapter_files(code)] == ["glava-01.md", "glava-02.md", "glava-10.md"]
    assert one_law(code) and not one_law(kg) and not one_law(kz) and one_law(kz, named_alike=False)
    assert laws_in(tmp_path / "laws") == [kg / "family-code.docx", kg / "land-code.pdf",
                                          kz / "criminal-code-art174.md", kz / "trade-unions-law.md", code]


def test_a_folder_of_chapters_not_named_alike_is_read_as_one_law_with_a_warning(tmp_path: Path) -> None:
    folder = _files(tmp_path / "kz", "criminal-code-art174.md", "trade-unions-law.md", "PROVENANCE.md")
    doc = parse_file(folder)
    assert doc.document.read_files == [str(folder / "criminal-code-art174.md"), str(folder / "trade-unions-law.md")]
    assert "give the files to check them as separate laws" in doc.warnings[0].message
    chapters = parse_file(_files(tmp_path / "tj", "glava-01.md", "glava-02.md"))
    assert not any("named alike" in w.message for w in chapters.warnings)


def test_parsing_a_folder_of_laws_says_to_give_one_of_them(tmp_path: Path) -> None:
    folder = _files(tmp_path / "kg", "family-code.docx", "land-code.pdf", "PROVENANCE.md")
    with pytest.raises(ParseError, match="a folder of 2 laws, not one law in chapter files"):
        parse_file(folder)


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_a_parsed_tree_is_the_one_its_json_validates_into(entry: CorpusEntry) -> None:
    """The parser makes its nodes and notes without pydantic's validation (`models.made_here`): every field
    holds a value of its declared type, the same as validating the tree's JSON gives (a tuple for a list, a
    number for a string, a field left out would differ or fail here)."""
    doc = parsed(entry.meta.id)
    again = Document.model_validate_json(doc.model_dump_json())
    assert again.tree == doc.tree
    assert [n.model_fields_set for n in again.tree.walk()] == [n.model_fields_set for n in doc.tree.walk()]


def test_walk_gives_every_node_once_parents_before_children_in_document_order() -> None:
    def in_order(node: Node) -> list[Node]:
        return [node, *(n for child in node.children for n in in_order(child))]

    tree = parsed("ru/labour-code@2023-08-04").tree
    assert [id(n) for n in tree.walk()] == [id(n) for n in in_order(tree)]
    assert len({id(n) for n in tree.walk()}) > 800


def test_a_file_that_marks_its_chapters_but_not_its_articles_still_has_its_articles() -> None:
    # constructed: a Word document converted to Markdown, the chapters in heading styles ("## Глава 1."),
    # the articles typed as plain or bold lines; a plain line naming a chapter stays a cross-reference
    text = ("# Уголовный кодекс\n\n## Глава 1. Общие\n\nСтатья 1. Цели\n\nТекст первой.\n\n**Статья 2. Задачи**\n\n"
            "Текст второй.\n\n## Глава 2. Иное\n\nГлава 1 настоящего Кодекса применяется.\n\nСтатья 3. Третья\n\nТекст.\n")
    doc = parse_text(text, "markdown")
    assert [(n.kind, n.num) for n in doc.tree.walk() if n.kind in ("chapter", "article")] == [
        ("chapter", "1"), ("article", "1"), ("article", "2"), ("chapter", "2"), ("article", "3")]
    assert not doc.warnings
    # where the articles are marked too, a plain "Статья" line (a contents line) opens nothing, as before
    marked = parse_text("## Статья 1. Цели\n\nСтатья 2. Задачи\n\n## Статья 3. Третья\n\nТекст.\n", "markdown")
    assert _nums(marked) == ["1", "3"]


@pytest.mark.parametrize(("text", "language"), [
    # constructed, in the shapes of lex.uz in Cyrillic, the Kyrgyz and the Tajik official texts
    ("1-боб. Умумий қоидалар\n1-модда. Мақсад\nМатн.\n2-модда. Қонунчилик\nМатн.\n", "uz-Cyrl"),
    ("1-глава. Жалпы жоболор\n1-берене. Максаты\nБул Кодекс эмгек мамилелерин жөнгө салат.\n2-берене. Экинчи\n"
     "Эмгек мыйзамдары ушул Кодекстен турат.\n", "ky"),
    ("Боби 1. Муқаррароти умумӣ\nМоддаи 1. Мақсад\nМатн.\nМоддаи 2. Дуюм\nМатн.\n", "tg"),
])
def test_laws_in_languages_no_rule_reads_still_have_their_chapters_and_articles(text: str, language: str) -> None:
    doc = parse_text(text)
    assert doc.document.language == language
    assert [(n.kind, n.num) for n in doc.tree.walk()][1:] == [("chapter", "1"), ("article", "1"), ("article", "2")]
