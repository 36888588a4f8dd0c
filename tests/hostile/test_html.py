"""HTML that hides text: deep nesting, unclosed tags, <br> lines. Every character of the body reaches the tree.

Conservation is checked against an extraction that shares nothing with the reader: the reader walks
libxml2's tree (lxml); the expected characters come from lexbor's HTML5 tree (selectolax). Every HTML
source of the corpus and of the shared sources is checked, and generated pages nest past libxml2's limits.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from compliance.errors import ParseError
from compliance.models import Document
from compliance.parse import parse_text

from ..conftest import REPO

# ../shared beside the clone (CI), ../../shared beside a worktree of it, or SHARED_SOURCES
SHARED = next((p for p in (Path(os.environ.get("SHARED_SOURCES", "/nonexistent")), REPO.parent / "shared" / "sources",
                           REPO.parents[1] / "shared" / "sources") if p.is_dir()), None)
SOURCES = sorted({*REPO.glob("corpora/**/*.htm*"), *(SHARED.glob("**/*.htm*") if SHARED else ())})


def lexbor_chars(page: str) -> Counter[str]:
    """Non-space characters of the body as an HTML5 parser reads it, scripts and styles left out."""
    tree = LexborHTMLParser(page)
    for node in tree.css("script, style, noscript, template"):
        node.decompose()
    body = tree.body
    text = body.text(deep=True) if body is not None else ""
    return Counter(ch for ch in text if not ch.isspace())


def tree_chars(doc: Document) -> Counter[str]:
    got: Counter[str] = Counter()
    for node in doc.tree.walk():
        for piece in (node.label, node.heading, node.text, *(n.text for n in node.notes)):
            if piece:
                got.update(ch for ch in piece if not ch.isspace())
    return got


def assert_conserved(page: str) -> Document:
    doc = parse_text(page, "html")
    want, got = lexbor_chars(page), tree_chars(doc)
    assert want - got == Counter(), f"lost: {''.join(sorted((want - got).elements()))[:200]!r}"
    assert got - want == Counter(), f"invented: {''.join(sorted((got - want).elements()))[:200]!r}"
    return doc


@pytest.mark.skipif(not SOURCES, reason="no HTML sources")
@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_every_html_source_keeps_every_character_an_html5_parser_sees(path: Path) -> None:
    assert_conserved(path.read_text("utf-8"))


def _nested(depth: int, tag: str, closed: bool) -> str:
    opening = "".join(f"<{tag}>слово{i} " for i in range(depth))
    return f"<html><body><p>Статья 1. Начало</p>{opening}КОНЕЦ{f'</{tag}>' * depth if closed else ''}</body></html>"


DEPTHS = [(d, tag, closed) for d in (10, 255, 256, 300, 2047, 2100, 6000) for tag, closed in
          (("font", False), ("span", True), ("b", False))] + [(300, "div", True), (300, "div", False),
                                                           (1500, "blockquote", True)]


@pytest.mark.parametrize(("depth", "tag", "closed"), DEPTHS, ids=lambda v: str(v))
def test_text_at_any_depth_is_kept(depth: int, tag: str, closed: bool) -> None:
    doc = assert_conserved(_nested(depth, tag, closed))
    assert "КОНЕЦ" in doc.source_text


def test_blocks_nested_past_the_parsers_limit_are_refused_not_dropped() -> None:
    with pytest.raises(ParseError, match="nested deeper"):
        parse_text(_nested(2100, "div", True), "html")


UNCLOSED = [
    "<p>Статья 1. Первая<p>Статья 2. Вторая<p>Статья 3. Третья",
    "<table><tr><td>Статья 1. В ячейке<td>ещё<tr><td>Статья 2. Дальше</table>хвост",
    "<ul><li>Статья 1. Пункт<li>второй<li>третий</ul>после",
    "<div><span class=mark>(В редакции закона</div> от 2020)</span> Статья 1. Текст",
    "<p>Статья 1. <b>жирный <i>курсив</p> Статья 2. после</b> хвост</i>",
    "<html><body>Статья 1. Текст</body></html>после конца",
    "<html><body>Статья 1. Текст</body><p>после тела</p>хвост</html>",
    "<html><head><title>Заголовок</title></head><body>Статья 1. Текст<!-- комментарий --></body></html>",
    "<body><h2>Статья 1. Заголовок<p>внутри заголовка</h2>вне",
    "<p>Статья 1<sup>1</sup>. Вставленная<sup>2",
    "<pre>Статья 1. Первая\nСтатья 2. Вторая\n<b>Статья 3. Третья</pre>",
    "<font><font><font><p>Статья 1. Word<font></p><p>Статья 2. Ещё</font></font>",
    "<p>Статья 1. a &amp; b &lt; c &nbsp; d &#1071; &unknown; e",
    "<script>var x = '<p>не закон</p>';</script><p>Статья 1. Закон",
    "<p>Статья 1. <a href='#'>ссылка <a href='#'>вложенная</a> хвост",
    "<select><option>Статья 1. В списке</select>",
    "<textarea>Статья 1. В поле</textarea>",
]


@pytest.mark.parametrize("content", UNCLOSED, ids=range(len(UNCLOSED)))
def test_unclosed_and_misnested_tags_lose_no_text(content: str) -> None:
    page = content if content.startswith(("<html", "<body")) else f"<html><body>{content}</body></html>"
    assert_conserved(page)


@pytest.mark.parametrize("br", ["<br>", "<br/>", "<BR>", "<br clear=all>", "<br></br>"])
def test_articles_separated_by_br_are_articles(br: str) -> None:
    doc = assert_conserved(f"<html><body><p>Статья 1. Первая{br}Текст первой.{br}Статья 2. Вторая{br}"
                           f"Текст второй.{br}Статья 3. Третья</p></body></html>")
    assert [n.num for n in doc.tree.articles()] == ["1", "2", "3"]


def test_article_174_after_article_17_is_article_174() -> None:
    doc = parse_text("<html><body><p>Статья 16. Шестнадцатая</p><p>Статья 17. Семнадцатая</p>"
                     "<p>Статья 174. Сто семьдесят четвёртая</p><p>Статья 22<sup>1</sup>. Вставленная</p>"
                     "</body></html>", "html")
    assert [n.num for n in doc.tree.articles()] == ["16", "17", "174", "22.1"]
    assert not any("flattened" in w.message for w in doc.warnings)


LABOUR_CODE = REPO / "corpora/national_laws/ru/labour-code/2023-08-04.html"


@pytest.mark.skipif(not LABOUR_CODE.is_file(), reason="RU Labour Code not in the corpus")
def test_the_labour_code_with_260_unclosed_font_tags_keeps_its_529_articles() -> None:
    page = LABOUR_CODE.read_text("utf-8")
    at = page.index(">", page.index("<body")) + 1
    doc = assert_conserved(page[:at] + "<font>" * 260 + page[at:])
    assert len(doc.tree.articles()) == len(parse_text(page, "html").tree.articles()) == 529
