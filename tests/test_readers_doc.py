"""The Word 97-2003 reader: .doc laws, built by `make_doc` in the shapes Word writes (pieces in UTF-16 and in
one-byte cp1252, fields, table cells, line and page breaks, headers after the main text), and the .doc files
it cannot read, each refused in one line that says why."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from compliance.cli import main
from compliance.parse import ParseError, parse_bytes, parse_file, parse_text

from .make_doc import compound_file, word_doc

_LAW = [
    ("Статья 1. Цели\r", False),
    ("Принудительный труд запрещается.\r", False),
    # a piece Word keeps in one byte a character (only cp1252 letters in it), with a hyperlink field
    ("See \x13 HYPERLINK \"http://example.org\" \x14the Convention\x15 of 1930.\r", True),
    ("Статья 2. Сфера\x0bприменения\r\x01\x08", False),
    ("Ячейка\x07таблицы\x07\x07\x0c", False),
    ("Статья 3. Последняя\r", False),
]
_LINES = ["Статья 1. Цели", "Принудительный труд запрещается.", "See the Convention of 1930.", "Статья 2. Сфера",
          "применения", "Ячейка", "таблицы", "Статья 3. Последняя"]


def test_a_doc_law_is_read_from_its_pieces_without_field_instructions_or_headers() -> None:
    doc = parse_bytes(word_doc(_LAW, tail="Колонтитул: страница 1\r"), label="law.doc")
    assert doc.document.format == "doc" and doc.document.language == "ru"
    assert [line for line in doc.source_text.splitlines() if line] == _LINES
    assert [a.num for a in doc.articles()] == ["1", "2", "3"]


def test_a_doc_law_gives_the_same_articles_as_its_text_in_html() -> None:
    html = "".join(f"<p>{line}</p>" for line in _LINES)
    from_doc, from_html = parse_bytes(word_doc(_LAW), label="law.doc"), parse_text(html, "html")
    assert [a.full_text() for a in from_doc.articles()] == [a.full_text() for a in from_html.articles()]


def test_a_doc_law_is_checked_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "law.doc"
    path.write_bytes(word_doc(_LAW))
    assert main(["check", str(path), "--kind", "labour code", "--country", "RU", "--format", "json"]) == 0
    assert '"C029-A1-prohibition' in capsys.readouterr().out


def test_a_doc_is_recognised_by_its_content_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "law.txt"
    path.write_bytes(word_doc(_LAW))
    assert parse_file(path).document.format == "doc"


BAD = {
    "no Word document in it": lambda: compound_file({"Workbook": b"\x09\x08" * 100}),
    "encrypted": lambda: word_doc(_LAW, flags=0x0300),
    "Word 6 or Word 95": lambda: word_doc(_LAW, n_fib=0x0065 - 1),
    "no Word header": lambda: word_doc(_LAW, ident=0x1234),
    "1Table stream is missing": lambda: word_doc(_LAW, streams=("WordDocument", "0Table")),
    "no text in its body": lambda: word_doc([("\r\x07\x0c", False)]),
    "damaged Word 97-2003 .doc": lambda: word_doc(_LAW)[:700],
}


@pytest.mark.parametrize("reason", sorted(BAD))
def test_a_doc_the_reader_cannot_take_exits_2_with_one_line_saying_why(
    reason: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.doc"
    path.write_bytes(BAD[reason]())
    assert main(["parse", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"compliance: {path}:1: ") and reason in err


@pytest.mark.parametrize("seed", range(40))
def test_a_damaged_doc_is_read_or_refused_in_one_line(seed: int) -> None:
    data = bytearray(word_doc(_LAW))
    rng = random.Random(seed)
    for _ in range(rng.randint(1, 40)):  # bytes of the container, the header and the piece table
        data[rng.randrange(len(data))] = rng.randrange(256)
    try:
        doc = parse_bytes(bytes(data), label="damaged.doc")
    except ParseError as exc:
        assert str(exc).startswith("damaged.doc:1: ") and "\n" not in str(exc)
    else:
        doc.model_dump_json()


def test_nested_fields_keep_only_the_results_shown_on_the_page() -> None:
    from compliance.parse.doc import _clean

    # a field in another's result is shown; a field in another's instructions is not
    shown = "a \x13 REF x \x14b \x13 PAGE \x141\x15 c\x15 d \x13 IF \x13 DATE \x142020\x15 = 1 \x14e\x15 f"
    assert _clean(shown) == "a b 1 c d e f"


def test_a_doc_with_numbered_lists_says_their_numbers_are_not_read() -> None:
    # Word keeps a list item's number out of the text: a law numbering its articles by a list loses them
    with_lists = parse_bytes(word_doc(_LAW, lists=True), label="law.doc")
    assert any("numbers Word prints" in w.message and ".docx" in w.message for w in with_lists.warnings)
    assert not any("numbers Word prints" in w.message for w in parse_bytes(word_doc(_LAW), label="law.doc").warnings)
