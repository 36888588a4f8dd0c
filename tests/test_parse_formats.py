"""Page shapes of lex.uz and of older pravo.gov.ru exports: Roman chapters, "BOʻLIM", "1843 -modda.",
glossary annexes, flattened superscripts, letter-spaced headings, a code in one <pre>, and § numbers that
restart in each chapter. Real files first (counts computed from the text, not by the parser), constructed
snippets for the shapes the real files do not hold."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from compliance.models import Document
from compliance.parse import parse_file, parse_text
from compliance.parse.readers import read_html

from .conftest import REPO, SHARED

RU_CODES = SHARED / "ru" / "codes"
needs_shared = pytest.mark.skipif(not RU_CODES.is_dir(), reason="../shared/sources is not checked out")

UZ_LABOUR = REPO / "corpora/national_laws/uz/labour-code/2025-12-12.txt"


def _nums(doc: Document) -> list[str]:
    return [a.num or "" for a in doc.articles()]


@cache
def _parsed(path: Path) -> Document:
    return parse_file(path)


def _html_text(path: Path) -> str:
    """The page's text by lxml's own extraction, independent of the project's HTML reader."""
    body = lxml_html.parse(str(path)).getroot().body
    etree.strip_elements(body, "script", "style", with_tail=False)  # a style sheet is no law text
    return str(body.text_content())


# -- lex.uz: the real Labour Code -----------------------------------------------------------------------


def test_uz_labour_code_has_one_article_per_modda_heading_and_its_sections_and_chapters() -> None:
    text = UZ_LABOUR.read_text("utf-8")
    headings = re.findall(r"(?m)^(\d+) ?-modda\.", text)
    sections = re.findall(r"(?m)^[IVXLC]+ BOʻLIM\.", text)
    chapters = re.findall(r"(?m)^\d+-bob\.", text)
    doc = _parsed(UZ_LABOUR)
    assert _nums(doc) == headings and len(headings) == 581
    kinds = [n.kind for n in doc.tree.walk()]
    assert kinds.count("section") == len(sections) == 7
    assert kinds.count("chapter") == len(chapters)
    last = doc.tree.find("art_581")
    assert last is not None and "Марказ ҳақида" not in last.text  # the page footer is navigation, not law


# -- lex.uz: shapes built from the page's conventions (constructed examples) ----------------------------


@pytest.mark.parametrize("label", ["I BOʻLIM.", "I BO‘LIM.", "I BO'LIM.", "I BO`LIM.", "I Boʻlim.", "I boʻlim"])
def test_bolim_with_any_apostrophe_and_case_opens_a_section(label: str) -> None:
    doc = parse_text(f"{label} UMUMIY QOIDALAR\n1-modda. Maqsad\nMatn.\n")
    section = doc.tree.children[0]
    assert (section.kind, section.eid, section.heading) == ("section", "sec_i", "UMUMIY QOIDALAR")
    assert _nums(doc) == ["1"]


def test_roman_numeral_chapters_in_any_case_open_chapters() -> None:
    doc = parse_text("I bob. Asosiy qoidalar\n1-modda. Maqsad\nMatn.\nXII BOB. Javobgarlik\n2-modda. Turlari\nMatn.\n")
    chapters = [n for n in doc.tree.walk() if n.kind == "chapter"]
    assert [(c.eid, c.heading) for c in chapters] == [("chp_i", "Asosiy qoidalar"), ("chp_xii", "Javobgarlik")]
    assert [[a.num for a in c.articles()] for c in chapters] == [["1"], ["2"]]
    # "V bobda" is a word of the text, not chapter V
    assert [n.kind for n in parse_text("1-modda. A\nV bobda nazarda tutilgan.\n").tree.walk()] == ["document", "article"]


def test_modda_with_a_space_before_the_hyphen_is_an_article() -> None:
    doc = parse_text("183-modda. Oldingi\nMatn.\n184 -modda. Yana\nMatn.\n")
    assert [(a.label, a.num) for a in doc.articles()] == [("183-modda.", "183"), ("184 -modda.", "184")]


def test_flattened_superscripts_after_an_article_and_after_one_left_out_as_repealed() -> None:
    doc = parse_text(
        "184-modda. Asosiy\nMatn.\n1842-modda. Ikkinchi\nMatn.\n1843 -modda. Uchinchi\nMatn.\n"
        "185-modda. Keyingi\nMatn.\n1861-modda. Kiritilgan\nMatn.\n187-modda. Oxirgi\nMatn.\n"
    )
    assert _nums(doc) == ["184", "184.2", "184.3", "185", "186.1", "187"]
    assert not any("follows" in w.message for w in doc.warnings)


def test_plain_articles_that_look_flattened_keep_their_numbers() -> None:
    # 1842 after 1841 is the next article; 183 after article 1 is a jump, not 1 with superscript 83
    assert _nums(parse_text("1840-modda. A\nM.\n1841-modda. B\nM.\n1842-modda. C\nM.\n")) == ["1840", "1841", "1842"]
    assert _nums(parse_text("1-modda. A\nM.\n183-modda. B\nM.\n")) == ["1", "183"]
    # two-digit superscripts go on from another inserted article
    assert _nums(parse_text("184-modda. A\nM.\n1849-modda. B\nM.\n18410-modda. C\nM.\n")) == ["184", "184.9", "184.10"]


def test_glossary_annex_closes_the_last_article_and_keeps_its_entries_apart() -> None:
    doc = parse_text(
        "1-bob. Qoidalar\n580-modda. Oldingi\nMatn.\n581-modda. Oxirgi\nOxirgi moddaning matni.\n"
        "Oʻzbekiston Respublikasi Mehnat kodeksiga ILOVA\nKodeksda qoʻllaniladigan asosiy tushunchalar\n"
        "ish beruvchi — yuridik shaxs;\n1-modda. Atama\nxodim — jismoniy shaxs.\n"
    )
    last = doc.tree.find("art_581")
    assert last is not None and last.text == "Oxirgi moddaning matni."
    annex = doc.tree.children[-1]
    assert (annex.eid, annex.heading) == ("annex_ilova", "Kodeksda qoʻllaniladigan asosiy tushunchalar")
    assert annex.text == "ish beruvchi — yuridik shaxs;"
    # the glossary's own numbering does not become article 1 of the code, nor break the code's order
    assert [a.eid for a in doc.articles()] == ["art_580", "art_581", "annex_ilova__art_1"]
    assert doc.tree.find("art_1") is None and not doc.warnings


# -- older pravo.gov.ru exports ------------------------------------------------------------------------


def test_a_code_in_one_pre_is_cut_at_its_own_line_breaks_with_the_same_text() -> None:
    page = "<body><pre>   Глава 1. Основные положения\n\n     С т а т ь я  1. Цель\n     Текст <b>статьи</b>.\n</pre></body>"
    decoded = read_html(page)
    assert [decoded.text[ln.start : ln.end] for ln in decoded.lines] == [
        "Глава 1. Основные положения",
        "С т а т ь я  1. Цель",
        "Текст статьи.",
    ]
    assert decoded.text.split() == lxml_html.fromstring(page).text_content().split()


def test_letter_spaced_headings_open_sections_chapters_and_articles() -> None:
    doc = parse_text("Р а з д е л I. ОБЩИЕ\nГ л а в а I. Начала\nС т а т ь я 1. Цель\nТекст.\nС т а т ь я  2.\nТекст.\n")
    assert [(n.eid, n.label) for n in doc.tree.walk()][1:] == [
        ("sec_i", "Р а з д е л I."),
        ("chp_i", "Г л а в а I."),
        ("art_1", "С т а т ь я 1."),
        ("art_2", "С т а т ь я  2."),
    ]


@needs_shared
def test_water_code_1995_has_an_article_per_article_heading_spaced_out_or_not() -> None:
    path = RU_CODES / "water-code-1995.ru.2005-12-31.html"
    text = _html_text(path)
    headings = re.findall(r"(?m)^\s*(?:С т а т ь я|Статья)\s+(\d+(?:-\d+)*)\.", text)
    spaced = re.findall(r"(?m)^\s*С т а т ь я\s+\d", text)
    chapters = re.findall(r"(?m)^\s*(?:Г л а в а|Глава)\s+\d+", text)
    doc = _parsed(path)
    assert [a.num for a in doc.articles()] == headings
    assert sum(1 for a in doc.articles() if (a.label or "").startswith("С т а т ь я")) == len(spaced) == 141
    assert sum(1 for n in doc.tree.walk() if n.kind == "chapter") == len(chapters)
    assert not doc.warnings


@needs_shared
def test_water_code_1995_keeps_every_character_of_its_pre_block() -> None:
    path = RU_CODES / "water-code-1995.ru.2005-12-31.html"
    doc = _parsed(path)
    kept: Counter[str] = Counter()
    for node in doc.tree.walk():
        for piece in (node.label, node.heading, node.text, *(n.text for n in node.notes)):
            kept.update(ch for ch in piece or "" if not ch.isspace())
    assert kept == Counter(ch for ch in _html_text(path) if not ch.isspace())

def test_sub_chapters_restarting_in_each_chapter_get_eids_under_their_chapter() -> None:
    doc = parse_text(
        "Глава 1. Первая\n§ 1. Общие\nСтатья 1. А\nТекст.\n§ 2. Особые\nСтатья 2. Б\nТекст.\n"
        "Глава 2. Вторая\n§ 1. Общие\nСтатья 3. В\nТекст.\n"
    )
    subchapters = [n.eid for n in doc.tree.walk() if n.kind == "subchapter"]
    assert subchapters == ["chp_1__subchap_1", "chp_1__subchap_2", "chp_2__subchap_1"]
    assert [a.eid for a in doc.articles()] == ["art_1", "art_2", "art_3"]  # articles keep code-wide eIds
    assert not doc.warnings


def test_sub_chapters_numbered_through_the_code_keep_short_eids() -> None:
    doc = parse_text("Глава 1. Первая\n§ 1. Общие\nСтатья 1. А\nТекст.\nГлава 2. Вторая\n§ 2. Особые\nСтатья 2. Б\nТекст.\n")
    assert [n.eid for n in doc.tree.walk() if n.kind == "subchapter"] == ["subchap_1", "subchap_2"]


@needs_shared
@pytest.mark.parametrize("path", sorted(RU_CODES.glob("*.html")) if RU_CODES.is_dir() else [], ids=lambda p: p.name)
def test_no_ru_federal_code_numbers_a_sub_chapter_twice(path: Path) -> None:
    doc = _parsed(path)
    assert not [w.message for w in doc.warnings if "duplicate identifier" in w.message and "subchap" in w.message]
    eids = [n.eid for n in doc.tree.walk() if n.kind == "subchapter"]
    assert len(eids) == len(set(eids))


@needs_shared
def test_civil_code_part_two_sub_chapters_sit_under_their_chapters() -> None:
    doc = _parsed(RU_CODES / "civil-code-part2.ru.2023-07-24.html")
    for chapter in (n for n in doc.tree.walk() if n.kind == "chapter"):
        for sub in (c for c in chapter.children if c.kind == "subchapter"):
            assert sub.eid == f"{chapter.eid}__subchap_{sub.num}"
    assert doc.tree.find("chp_30__subchap_1") is not None  # purchase and sale: § 1 General provisions


# -- pravo.gov.ru: superscript numbers of inserted units ------------------------------------------------


def _html(body: str) -> Document:
    return parse_text(f"<html><body>{body}</body></html>", "html")


def test_superscripts_of_inserted_chapters_sections_parts_and_points_are_read_as_n_dot_k() -> None:
    doc = _html(
        '<p class="T">РАЗДЕЛ III<span class="W9">1</span></p>'
        '<p class="H">ГЛАВА V<span class="W9">1</span>. ПРЕДОСТАВЛЕНИЕ УЧАСТКОВ</p>'
        '<p class="H">Статья 39<span class="W9">1</span>. Основания</p>'
        "<p>1.&nbsp;Первая часть:</p><p>4<span class=\"W9\">2</span>)&nbsp;пункт;</p>"
        '<p>1<span class="W9">1</span>.&nbsp;Вставленная часть.</p><p>2.&nbsp;Вторая часть.</p>'
    )
    assert [(n.kind, n.num) for n in doc.tree.walk()][1:] == [
        ("section", "III.1"), ("chapter", "V.1"), ("article", "39.1"), ("paragraph", "1"), ("point", "4.2"),
        ("paragraph", "1.1"), ("paragraph", "2"),
    ]
    assert doc.tree.find("sec_iii-1__chp_v-1") is None and doc.tree.find("art_39-1__para_1-1") is not None
    assert not doc.warnings


def test_points_whose_superscript_the_source_lost_are_unflattened_against_the_point_before() -> None:
    doc = parse_text("Статья 5. Полномочия\n" + "".join(f"{n}) пункт {n};\n" for n in (1, 2, 21, 22, 3, 10, 11, 12)))
    assert [n.num for n in doc.tree.walk() if n.kind == "point"] == ["1", "2", "2.1", "2.2", "3", "10", "11", "12"]
    assert [w.message for w in doc.warnings] == [
        "point number 21 read as 2.1 (flattened superscript after 2)",
        "point number 22 read as 2.2 (flattened superscript after 2)",
    ]


def test_a_roman_chapter_number_typed_with_a_cyrillic_letter_is_cited_in_latin_letters() -> None:
    doc = _html('<p class="H">ГЛАВА VIII. А</p><p class="H">ГЛАВА IХ. Б</p><p class="H">Статья 1. В</p><p>Т.</p>')
    assert [(n.eid, n.num) for n in doc.tree.walk() if n.kind == "chapter"] == [("chp_viii", "VIII"), ("chp_ix", "IX")]


def test_a_section_named_by_an_ordinal_word_closes_the_article_before_it() -> None:
    doc = _html(
        '<p class="T">РАЗДЕЛ ПЕРВЫЙ</p><p class="T">Статья 137</p><p>1.&nbsp;Изменения.</p>'
        '<p class="T">РАЗДЕЛ ВТОРОЙ</p><p class="T">Заключительные положения</p><p>1.&nbsp;Вступает в силу.</p>'
    )
    art = doc.tree.find("art_137")
    assert art is not None and [c.num for c in art.children] == ["1"]
    assert [n.eid for n in doc.tree.walk() if n.kind == "section"] == ["sec_1", "sec_2"]
    assert not doc.warnings


def test_numbered_headings_inside_a_sub_chapter_divide_it_instead_of_joining_the_article_before() -> None:
    doc = _html(
        '<p class="H">Глава 4. Юридические лица</p><p class="H">§ 2. Коммерческие организации</p>'
        '<p class="H">1. Общие положения</p><p class="H">Статья 66. Основные положения</p><p>1.&nbsp;Текст.</p>'
        '<p class="H">2. Полное товарищество</p><p class="H">Статья 69. Понятие</p><p>1.&nbsp;Текст.</p>'
    )
    subdivisions = [n for n in doc.tree.walk() if n.eid.endswith(("subdiv_1", "subdiv_2"))]
    assert [(n.eid, n.heading) for n in subdivisions] == [
        ("subchap_2__subdiv_1", "Общие положения"), ("subchap_2__subdiv_2", "Полное товарищество"),
    ]
    art = doc.tree.find("art_66")
    assert art is not None and [c.num for c in art.children] == ["1"]


def test_a_numbered_line_outside_a_sub_chapter_stays_a_part_of_its_article() -> None:
    doc = _html('<p class="H">Статья 1. А</p><p class="H">2. Заголовок части</p>')
    assert [n.kind for n in doc.tree.walk()][1:] == ["article", "paragraph"]


@needs_shared
def test_ru_federal_codes_number_every_unit_once_but_where_the_source_itself_repeats_a_number() -> None:
    duplicates = {
        path.name: [w.message for w in _parsed(path).warnings if "duplicate identifier" in w.message]
        for path in sorted(RU_CODES.glob("*.html"))
    }
    # The Budget Code keeps a repealed article 242¹ in chapter 24 and reuses the number in chapter 24¹.
    assert {name: found for name, found in duplicates.items() if found} == {
        "budget-code.ru.2023-11-02.html": [
            "duplicate identifier art_242-1: the unit at line 6306 has the number of the one at line 6299;"
            " it is identified as art_242-1_2"
        ]
    }
    budget = _parsed(RU_CODES / "budget-code.ru.2023-11-02.html")
    first, second = budget.tree.find("art_242-1"), budget.tree.find("art_242-1_2")
    assert first is not None and first.repealed and second is not None and second.heading == "Общие положения"


# -- tds.gov.tm: the Turkmen Labour Code ----------------------------------------------------------------

TM_LABOUR = REPO / "corpora/national_laws/tm/labour-code/2019-03-02.html"


def test_turkmen_labour_code_has_one_article_per_madda_heading_wrapped_repealed_or_inserted() -> None:
    raw = TM_LABOUR.read_text("utf-8")
    # Headings open a paragraph or its bold: "37-nji madda. …" (wrapped over source lines), "91<sup>1</sup>-nji
    # madda. …", "99-njy madda güýjüni ýitiren." (repealed, no full stop after "madda").
    found = re.findall(r'(?:<b>|<p class="esasyj">)\s*(\d+)(?:<sup>(\d+)</sup>)?-nj[iy] madda(?:\.|\s+güýjüni)', raw)
    doc = _parsed(TM_LABOUR)
    assert _nums(doc) == [f"{n}.{sup}" if sup else n for n, sup in found] and len(found) == 417
    code = [a for a in doc.articles() if not a.eid.startswith("enact_law__")]
    assert [a.eid for a in doc.articles()][:7] == [f"enact_law__art_{n}" for n in range(1, 7)] + ["art_1"]
    assert len(code) == 411 and code[-1].eid == "art_410"  # 1–410 and the inserted 91¹
    assert [a.num for a in code if a.repealed] == ["99", "100", "101"]
    assert not [w for w in doc.warnings if "duplicate" in w.message or "follows" in w.message]


def test_a_heading_wrapped_over_source_lines_is_one_heading_on_one_line() -> None:
    doc = _html('<p><b>\n  37-nji madda. Kärhananyň eýesi çalşanda,\n   zähmet gatnaşyklary\n</b></p><p>1. Tekst.</p>')
    art = doc.tree.find("art_37")
    assert art is not None and art.heading == "Kärhananyň eýesi çalşanda, zähmet gatnaşyklary"


def test_the_end_tags_taken_out_of_a_page_are_those_any_white_space_closes() -> None:
    """</body> and </html> come out of a page before libxml2 reads it (which would drop or move what follows
    them), found in its UTF-8: between the name and ">", any character `\\s` finds in a str."""
    import sys

    from compliance.parse.readers import _BODY_END

    in_text = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
    assert max(c for c in range(sys.maxunicode + 1) if chr(c).isspace()) < 0x3001
    for ch in map(chr, range(0x3001)):
        page = f"a</BODY{ch}{ch}>b</html{ch}>c</body>"
        assert _BODY_END.sub(b"", page.encode("utf-8")) == in_text.sub("", page).encode("utf-8"), hex(ord(ch))


def test_lines_break_at_crlf_cr_and_lf_as_the_regex_reads_them_whatever_the_mix() -> None:
    """`str.find` finds the lines where every \\r stands before a \\n; the lines are the regex's in every case."""
    import itertools

    from compliance.parse.readers import _lines_by_regex, _physical_lines

    texts = ["".join(p) for n in range(7) for p in itertools.product("a\r\n", repeat=n)]
    texts += ["Статья 1.\r\nТекст.\r\n\r\n", "Статья 1.\nТекст.\r\nЕщё\n", "x\r\ny\rz"]
    for text in texts:
        assert list(_physical_lines(text)) == list(_lines_by_regex(text)), repr(text)


@pytest.mark.parametrize(("heading", "num", "label"), [
    # constructed: article headings as texts pasted from the region's portals print them
    ("СТАТЬЯ 5. ЦЕЛИ", "5", "СТАТЬЯ 5."),
    ("СТАТЬЯ 5.1. ДРОБНАЯ", "5.1", "СТАТЬЯ 5.1."),
    ("Статья 5 – Цели", "5", "Статья 5 –"),
    ("Статья 5 - Цели", "5", "Статья 5 -"),
    ("Статья 5¹. Вставная", "5.1", "Статья 5¹."),
    ("Статья 5²⁰. Вставная", "5.20", "Статья 5²⁰."),
])
def test_capitals_a_dash_or_a_superscript_character_still_make_an_article_heading(heading: str, num: str,
                                                                                  label: str) -> None:
    doc = parse_text(f"Закон\n{heading}\nТекст статьи.\nСтатья 6. Шесть\nТекст.", "text")
    assert [a.num for a in doc.articles()] == [num, "6"] and doc.articles()[0].label == label


def test_a_range_of_articles_referred_to_is_no_heading() -> None:
    doc = parse_text("Закон\nСтатья 4. Четыре\nСтатья 5 – 7 настоящего Кодекса применяются.\nСтатья 6. Шесть", "text")
    assert [a.num for a in doc.articles()] == ["4", "6"]


@pytest.mark.parametrize(("text", "nums"), [
    # constructed: English translations' and Kazakh and Uzbek headings as texts print them
    ("Law\nArt. 5. Scope\nText of it.\nArticle 6. Six\nText.", ["5", "6"]),
    ("Law\nArticle 5: Scope\nText of it.\nArticle 6. Six\nText.", ["5", "6"]),
    ("Law\nArticle 5¹. Inserted\nText of it.\nArticle 6. Six\nText.", ["5.1", "6"]),
    ("Law\nArticle 4. Four\nArt. 5 of this Code applies.\nArticle 6. Six\nText.", ["4", "6"]),
    ("Заң\n5-БАП. МАҚСАТЫ\nОсы баптың мәтіні және басқа сөздер.\n6-бап. Алты\nМәтін.", ["5", "6"]),
    ("Заң\n5 бап. Мақсаты\nОсы баптың мәтіні және басқа сөздер.\n6-бап. Алты\nМәтін.", ["5", "6"]),
    ("Заң\n5¹-бап. Қосымша\nОсы баптың мәтіні және басқа сөздер.\n6-бап. Алты\nМәтін.", ["5.1", "6"]),
    ("Qonun\n5 modda. Maqsad\nUshbu moddaning matni va boshqa soʻzlar.\n6-modda. Olti\nMatn.", ["5", "6"]),
    ("Qonun\n5¹-modda. Qoʻshimcha\nUshbu moddaning matni va boshqa soʻzlar.\n6-modda. Olti\nMatn.", ["5.1", "6"]),
])
def test_translations_and_kazakh_and_uzbek_headings_as_texts_print_them_are_articles(text: str,
                                                                                     nums: list[str]) -> None:
    assert [a.num for a in parse_text(text, "text").articles()] == nums
