"""The RTF reader: laws saved from Word or exported by legal databases as .rtf. Constructed files, written for
these tests in the shapes Word writes (font table with code pages, style sheet, document information, headers,
list numbers, superscripts in their own groups, \\uN with a fallback byte, tables, pictures as binary data)."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.cli import main
from compliance.parse import ParseError, parse_bytes, parse_file, parse_text
from compliance.parse.rtf import rtf_text


def _cp1251(text: str) -> bytes:
    """`text` as Word writes it in a Cyrillic font: each non-ASCII character a \\'xx byte of cp1251."""
    return b"".join(bytes([b]) if b < 0x80 else b"\\'%02x" % b for b in text.encode("cp1251"))


def _unicode(text: str) -> bytes:
    """`text` as Word writes it for readers that know Unicode: \\uN, then a "?" for those that do not."""
    return b"".join(ch.encode() if ord(ch) < 0x80 else b"\\u%d\\'3f" % ord(ch) for ch in text)


_HEAD = (rb"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman\fcharset0 Times New Roman;}"
         rb"{\f1\froman\fcharset204 Times New Roman Cyr;}}{\colortbl;\red0\green0\blue0;}"
         rb"{\stylesheet{\s0 Normal;}{\s1 heading 1;}}{\info{\title Kodeks}{\author X}}"
         rb"{\*\generator Microsoft Word 16;}\uc1 ")


def _law() -> bytes:
    par = rb"\par" + b"\n"
    return b"".join([
        _HEAD,
        rb"{\header\pard\plain\f1 ", _cp1251("Колонтитул: страница 1"), rb"\par}",
        rb"\pard\plain\s1\f1\b ", _cp1251("Статья 1. Цели"), rb"\b0", par,
        rb"\pard\plain\f1 ", _cp1251("Принудительный труд запрещается."), par,
        rb"\pard\plain\f1 ", _cp1251("Статья 2"), rb"{\f1\super 1}", _cp1251(". Вставленная статья"), par,
        rb"{\listtext\pard\plain\f1 1)\tab}\pard\plain\f1 ", _unicode("Первый пункт"),
        rb"{\field{\*\fldinst HYPERLINK \\l \"x\"}{\fldrslt ", _unicode(" со ссылкой"), rb"}}.", par,
        rb"{\pict\pngblip\bin4 }{\}}", par,
        rb"\trowd\cellx4000\cellx8000\pard\intbl\f1 ", _cp1251("Ячейка"), rb"\cell ",
        _cp1251("таблицы"), rb"\cell\row", b"\n",
        rb"{\footnote\pard\plain ", _cp1251("Сноска"), rb"\par}",
        rb"\pard\plain\f1 ", _cp1251("Статья 3. Последняя"), par, b"}",
    ])


def test_an_rtf_law_is_read_in_its_code_pages_without_headers_tables_of_fonts_or_pictures() -> None:
    text, sups = rtf_text(_law())
    assert text.splitlines() == [
        "Статья 1. Цели", "Принудительный труд запрещается.", "Статья 21. Вставленная статья",
        "1)\tПервый пункт со ссылкой.", "", "Ячейка", "таблицы", "", "Статья 3. Последняя",
    ]
    assert [text[s:e] for s, e in sups] == ["1"]


def test_rtf_superscripts_give_the_same_article_numbers_and_texts_as_html_sup(tmp_path: Path) -> None:
    path = tmp_path / "law.rtf"
    path.write_bytes(_law())
    from_rtf = parse_file(path)
    html = ("<p>Статья 1. Цели</p><p>Принудительный труд запрещается.</p><p>Статья 2<sup>1</sup>. Вставленная "
            "статья</p><p>1)\tПервый пункт со ссылкой.</p><p>Ячейка</p><p>таблицы</p><p>Статья 3. Последняя</p>")
    from_html = parse_text(html, "html")
    assert from_rtf.document.format == "rtf" and from_rtf.document.language == "ru"
    assert [a.num for a in from_rtf.articles()] == [a.num for a in from_html.articles()] == ["1", "2.1", "3"]
    assert [a.full_text() for a in from_rtf.articles()] == [a.full_text() for a in from_html.articles()]


def test_an_rtf_law_is_checked_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "law.rtf"
    path.write_bytes(_law())
    assert main(["check", str(path), "--kind", "labour code", "--country", "RU", "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert '"C029-A1-prohibition' in out  # art. 1's prohibition of forced labour, found in the RTF's text


def test_an_rtf_file_is_recognised_by_its_content_whatever_its_name() -> None:
    doc = parse_bytes(_law(), label="law.txt")
    assert doc.document.format == "rtf" and [a.num for a in doc.articles()] == ["1", "2.1", "3"]


@pytest.mark.parametrize("cut", range(0, len(_law()), 37))
def test_a_truncated_or_unbalanced_rtf_file_is_read_as_far_as_it_goes_or_refused_in_one_line(cut: int) -> None:
    data = _law()[:cut] + b"}}}{{\\"
    try:
        doc = parse_bytes(data, label="cut.rtf")
    except ParseError as exc:
        assert str(exc).startswith("cut.rtf:1: ") and "\n" not in str(exc)
    else:
        assert "Колонтитул" not in doc.source_text and "Times New Roman" not in doc.source_text
