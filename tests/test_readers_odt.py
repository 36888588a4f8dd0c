"""The OpenDocument reader: .odt laws as LibreOffice writes them, constructed here as packages (mimetype
first and stored, content.xml with automatic styles, styles.xml with a footer), and the files it refuses."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from compliance.cli import main
from compliance.parse import ParseError, parse_bytes, parse_text

_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
       'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')
_BODY = """
<text:h text:outline-level="2">Статья 1. Цели</text:h>
<text:p>Принудительный труд<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>
  <text:note-body><text:p>Сноска редакции.</text:p></text:note-body></text:note> запрещается.</text:p>
<text:p>Статья 2<text:span text:style-name="T1">1</text:span>. Вставленная<text:s text:c="2"/>статья</text:p>
<text:list><text:list-item><text:p>1)<text:tab/>первый пункт;<text:line-break/>его вторая строка.</text:p></text:list-item></text:list>
<text:tracked-changes><text:changed-region><text:deletion><text:p>Удалённый текст.</text:p></text:deletion></text:changed-region></text:tracked-changes>
<table:table><table:table-row><table:table-cell><text:p>Ячейка</text:p></table:table-cell></table:table-row></table:table>
<text:p><draw:frame><draw:text-box><text:p>Статья 3. В рамке</text:p></draw:text-box></draw:frame></text:p>
"""


_LIST_STYLES = """
<text:list-style style:name="LArt">
  <text:list-level-style-number text:level="1" style:num-prefix="Статья " style:num-suffix="." style:num-format="1">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
      <style:list-level-label-alignment text:label-followed-by="space"/></style:list-level-properties>
  </text:list-level-style-number>
  <text:list-level-style-number text:level="2" style:num-suffix=")" style:num-format="а, б, .."/>
  <text:list-level-style-bullet text:level="3" text:bullet-char="•"/>
</text:list-style>"""


def odt(body: str = _BODY, *, mimetype: bool = True, content: bool = True) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        if mimetype:
            z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        if content:
            z.writestr("content.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {_NS}><office:automatic-styles>
<style:style style:name="T1" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
{_LIST_STYLES}</office:automatic-styles><office:body><office:text>{body}</office:text></office:body></office:document-content>""")
        z.writestr("styles.xml", f"""<?xml version="1.0" encoding="UTF-8"?><office:document-styles {_NS}>
<office:master-styles><style:master-page style:name="Standard"><style:footer><text:p>Колонтитул</text:p>
</style:footer></style:master-page></office:master-styles></office:document-styles>""")
    return buf.getvalue()


def test_an_odt_law_is_read_without_notes_deletions_or_footers_and_with_its_superscripts() -> None:
    doc = parse_bytes(odt(), label="law.odt")
    assert doc.document.format == "odt"
    assert [line for line in doc.source_text.splitlines() if line] == [
        "Статья 1. Цели", "Принудительный труд запрещается.", "Статья 21. Вставленная  статья",
        "1)\tпервый пункт;", "его вторая строка.", "Ячейка", "Статья 3. В рамке"]
    assert [a.num for a in doc.articles()] == ["1", "2.1", "3"]


def test_an_odt_law_gives_the_same_articles_as_its_html() -> None:
    html = ("<p>Статья 1. Цели</p><p>Принудительный труд запрещается.</p><p>Статья 2<sup>1</sup>. Вставленная  "
            "статья</p><p>1)\tпервый пункт;<br>его вторая строка.</p><p>Ячейка</p><p>Статья 3. В рамке</p>")
    from_odt, from_html = parse_bytes(odt(), label="law.odt"), parse_text(html, "html")
    assert [a.num for a in from_odt.articles()] == [a.num for a in from_html.articles()]
    assert [a.full_text() for a in from_odt.articles()] == [a.full_text() for a in from_html.articles()]


def test_an_odt_law_is_checked_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "law.odt"
    path.write_bytes(odt())
    assert main(["check", str(path), "--kind", "labour code", "--country", "RU", "--format", "json"]) == 0
    assert '"C029-A1-prohibition' in capsys.readouterr().out


@pytest.mark.parametrize(("make", "reason"), [
    (lambda: odt(content=False), "without content.xml"),
    (lambda: odt("<text:p> </text:p>"), "no text in its body"),
    (lambda: odt("<text:p>Статья 1.</text:p")[:-40], "damaged OpenDocument"),
])
def test_an_odt_the_reader_cannot_take_exits_2_with_one_line_saying_why(make, reason: str, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.odt"
    path.write_bytes(make())
    assert main(["parse", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{path}:1: " in err and reason in err


def test_a_zip_that_names_no_opendocument_type_is_still_taken_for_a_word_file() -> None:
    with pytest.raises(ParseError, match="without word/document.xml"):
        parse_bytes(odt(mimetype=False), label="law.odt")


def test_list_numbering_gives_articles_and_points_the_labels_the_application_prints() -> None:
    # constructed: a law typed with its articles and points numbered by a list style, as in the Word reader's
    # test; the list goes on after a paragraph between, and one item restarts the count
    body = """
<text:list text:style-name="LArt">
  <text:list-item><text:p>Цели</text:p><text:p>Принудительный труд запрещается.</text:p>
    <text:list><text:list-item><text:p>первый пункт;</text:p></text:list-item>
      <text:list-item><text:p>второй пункт;</text:p>
        <text:list><text:list-item><text:p>маркер</text:p></text:list-item></text:list></text:list-item>
      <text:list-header><text:p>заголовок без номера</text:p></text:list-header></text:list></text:list-item>
  <text:list-item><text:p>Сфера</text:p></text:list-item>
</text:list>
<text:p>Текст между статьями.</text:p>
<text:list text:style-name="LArt" text:continue-numbering="true">
  <text:list-item><text:p>Третья</text:p></text:list-item>
  <text:list-item text:start-value="10"><text:p>Десятая</text:p></text:list-item>
</text:list>"""
    doc = parse_bytes(odt(body), label="law.odt")
    assert [line for line in doc.source_text.splitlines() if line] == [
        "Статья 1. Цели", "Принудительный труд запрещается.", "а)\tпервый пункт;", "б)\tвторой пункт;", "маркер",
        "заголовок без номера", "Статья 2. Сфера", "Текст между статьями.", "Статья 3. Третья", "Статья 10. Десятая"]
    assert [a.num for a in doc.articles()] == ["1", "2", "3", "10"]


@pytest.mark.parametrize(("depth", "lists"), [(1500, False), (1015, True)])
def test_deeply_nested_spans_or_lists_are_read(depth: int, lists: bool) -> None:
    # hostile: a python call per level of nesting ran out of stack (RecursionError) at 1,500 spans
    if lists:
        body = ('<text:list text:style-name="LArt"><text:list-item>' * depth + "<text:p>Статья 1. Цели</text:p>"
                + "</text:list-item></text:list>" * depth)
    else:
        body = "<text:p>Статья 1. " + "<text:span>" * depth + "Цели" + "</text:span>" * depth + "</text:p>"
    assert "Цели" in parse_bytes(odt(body), label="deep.odt").source_text


def test_a_document_nested_deeper_than_libxml2_reads_is_refused_in_one_line() -> None:
    body = "<text:p>Статья 1. " + "<text:span>" * 3000 + "Цели" + "</text:span>" * 3000 + "</text:p>"
    with pytest.raises(ParseError, match=r"^deep\.odt:1: an OpenDocument file nested deeper than 2048 elements"):
        parse_bytes(odt(body), label="deep.odt")


@pytest.mark.parametrize("seed", range(40))
def test_a_damaged_odt_is_read_or_refused_in_one_line(seed: int) -> None:
    import random

    data = bytearray(odt())
    rng = random.Random(seed)
    for _ in range(rng.randint(1, 30)):  # bytes of the archive's headers, its compressed XML and its directory
        data[rng.randrange(len(data))] = rng.randrange(256)
    try:
        doc = parse_bytes(bytes(data[: len(data) - rng.randrange(2) * rng.randrange(len(data))]), label="d.odt")
    except ParseError as exc:
        assert str(exc).startswith("d.odt:1: ") and "\n" not in str(exc)
    else:
        doc.model_dump_json()


def test_a_number_the_file_keeps_with_the_item_is_read_once() -> None:
    # ODF lets a writer keep the number it printed (text:number) beside the list style: it is not doubled
    body = ('<text:list text:style-name="LArt"><text:list-item><text:p><text:number>Статья 7.</text:number> '
            "Цели</text:p></text:list-item></text:list>")
    assert parse_bytes(odt(body), label="law.odt").source_text.splitlines() == ["Статья 7. Цели"]
