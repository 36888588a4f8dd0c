"""Web pages saved as one file (.mht, .mhtml), as Chrome and Internet Explorer write them: constructed
archives (MIME headers, the page quoted-printable or base64, style sheets and frames as other parts)."""

from __future__ import annotations

import base64
import quopri
import re
from pathlib import Path

import pytest

from compliance.cli import main
from compliance.parse import ParseError, parse_bytes, parse_text

_PAGE = ("<html><head><meta charset='{charset}'><title>Трудовой кодекс</title></head><body><p>Статья 1. Цели</p>"
         "<p>Принудительный труд запрещается.</p><p>Статья 2<sup>1</sup>. Забастовка</p>"
         "<p>Право на забастовку признаётся.</p></body></html>")
_ADDRESS = "https://adilet.zan.kz/rus/docs/K1500000414"


def _archive(parts: list[tuple[str, str, str, bytes]], saved_by: str = "Blink") -> bytes:
    """A single-file page: (content type, transfer encoding, location, body) for each part, the first saved
    from `_ADDRESS`."""
    boundary = "----MultipartBoundary--x1y2----"
    head = (f"From: <Saved by {saved_by}>\r\nSnapshot-Content-Location: {_ADDRESS}\r\nSubject: =?utf-8?Q?=D0=A2?=\r\n"
            f"MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n"
            f"\tboundary=\"{boundary}\"\r\n\r\n\r\n")
    body = b"".join(
        f"--{boundary}\r\nContent-Type: {kind}\r\nContent-Transfer-Encoding: {encoding}\r\n"
        f"Content-Location: {location}\r\n\r\n".encode() + data + b"\r\n"
        for kind, encoding, location, data in parts)
    return head.encode() + body + f"--{boundary}--\r\n".encode()


def _chrome() -> bytes:
    page = quopri.encodestring(_PAGE.format(charset="utf-8").encode()).replace(b"\n", b"\r\n")
    return _archive([("text/html", "quoted-printable", _ADDRESS, page),
                     ("text/css", "quoted-printable", "cid:css-1@mhtml.blink", b"p { margin: 0 }")])


def _internet_explorer() -> bytes:
    page = base64.encodebytes(_PAGE.format(charset="windows-1251").encode("cp1251")).replace(b"\n", b"\r\n")
    frame = quopri.encodestring("<html><body><p>Реклама</p></body></html>".encode()).replace(b"\n", b"\r\n")
    return _archive([("text/html; charset=\"utf-8\"", "quoted-printable", "https://adilet.zan.kz/banner", frame),
                     ("text/html; charset=\"windows-1251\"", "base64", _ADDRESS, page)],
                    saved_by="Windows Internet Explorer 8")


@pytest.mark.parametrize("make", [_chrome, _internet_explorer])
def test_a_saved_single_file_page_is_read_as_its_html(make, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "law.mhtml"
    path.write_bytes(make())
    doc = parse_bytes(path.read_bytes(), label=str(path))
    expected = parse_text(_PAGE.format(charset="utf-8"), "html")
    assert doc.document.format == "mhtml"
    assert [a.num for a in doc.articles()] == [a.num for a in expected.articles()] == ["1", "2.1"]
    assert [a.full_text() for a in doc.articles()] == [a.full_text() for a in expected.articles()]


def test_a_saved_page_is_checked_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "law.mht"
    path.write_bytes(_internet_explorer())
    assert main(["check", str(path), "--kind", "labour code", "--country", "KZ", "--format", "json"]) == 0
    assert '"C029-A1-prohibition' in capsys.readouterr().out


def test_an_archive_without_a_page_is_refused_in_one_line() -> None:
    data = _archive([("text/css", "quoted-printable", "cid:css", b"p { margin: 0 }")])
    with pytest.raises(ParseError, match=r"^saved\.mht:1: a saved web page \(MHTML\) with no HTML page in it"):
        parse_bytes(data, label="saved.mht")


def test_a_text_that_only_names_mime_headers_is_read_as_text() -> None:
    text = "Статья 1. Заголовки\nMIME-Version: 1.0\nContent-Type: multipart/related\nТекст статьи.\n"
    doc = parse_bytes(text.encode(), label="law.txt")
    assert doc.document.format == "text" and [a.num for a in doc.articles()] == ["1"]


def test_parts_nested_too_deep_are_refused_in_one_line() -> None:
    # hostile: the standard library's parser calls itself for each level of nested parts
    depth = 2000
    head = "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b0\"\r\n\r\n"
    body = "".join(f"--b{i}\r\nContent-Type: multipart/related; boundary=\"b{i + 1}\"\r\n\r\n" for i in range(depth))
    body += f"--b{depth}\r\nContent-Type: text/html\r\n\r\n<p>Статья 1. Цели</p>\r\n--b{depth}--\r\n"
    body += "".join(f"--b{i}--\r\n" for i in reversed(range(depth)))
    with pytest.raises(ParseError, match=r"^deep\.mht:1: a saved web page \(MHTML\) with parts nested too deep"):
        parse_bytes((head + body).encode(), label="deep.mht")


@pytest.mark.parametrize("seed", range(40))
def test_a_damaged_saved_page_is_read_or_refused_in_one_line(seed: int) -> None:
    import random

    rng = random.Random(seed)
    data = bytearray((_chrome, _internet_explorer)[seed % 2]())
    for _ in range(rng.randint(1, 20)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    try:
        doc = parse_bytes(bytes(data[: len(data) - rng.randrange(2) * rng.randrange(len(data))]), label="d.mht")
    except ParseError as exc:
        # a file damaged past recognition is read as text, whose refusal names its own line
        assert re.match(r"d[.]mht:\d+: ", str(exc)) and "\n" not in str(exc)
    else:
        doc.model_dump_json()


def test_a_page_in_another_charset_than_its_part_names_is_read_by_its_bytes() -> None:
    # an archive whose part says UTF-8 over a page saved in cp1251: refused before as "cannot decode as utf-8"
    page = base64.encodebytes(_PAGE.format(charset="windows-1251").encode("cp1251")).replace(b"\n", b"\r\n")
    data = _archive([("text/html; charset=\"utf-8\"", "base64", _ADDRESS, page)])
    assert [a.num for a in parse_bytes(data, label="law.mht").articles()] == ["1", "2.1"]
