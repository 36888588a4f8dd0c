"""Property-based tests (hypothesis): the parser and the rule loader never fail on what users feed them.

Random keyword soup, mutated real articles and random nested HTML must give a tree (never an unhandled
exception), keep every character (text conservation), and keep identifiers unique; random rule files give a
RuleError or rules.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from compliance.parse import ParseError, parse_bytes, parse_text
from compliance.rules import RuleError, load_file

from .conftest import REPO

KEYWORDS = [
    "Статья", "Глава", "Раздел", "ОБЩАЯ ЧАСТЬ", "1.", "2-1.", "1)", "а)", "(a)", "(i)", "Article", "PART I", "ANNEX I",
    "1-modda.", "2-bob.", "I BOʻLIM.", "1-бап.", "Сноска.", "(В редакции Федерального закона от 01.01.2020 № 1-ФЗ)",
    "Исключен Законом РК от 04.05.2020 № 321-VІ.", "Oldingi tahrirga qarang.", "#", "###", ">", "*", "_", "<a id=\"x\"></a>",
    "\n", "\n\n", "\r\n", " ", "\u00a0", "\u200b", "—", "–", "№", "174", "282.1", "(", ")", ".", ";", ":",
]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_MARKUP = re.compile(r"[\s#*_>\\]|<a[ \t]+(?:id|name)=\"[^\"\n]*\"[ \t]*>[ \t]*</a>")


def _conserved(text: str, fmt: str) -> None:
    doc = parse_text(text, fmt)  # type: ignore[arg-type]
    got: Counter[str] = Counter()
    for node in doc.tree.walk():
        for piece in (node.label, node.heading, node.text, *(n.text for n in node.notes)):
            if piece:
                got += Counter(_MARKUP.sub("", piece))
    want = Counter(_MARKUP.sub("", doc.source_text))
    assert got == want
    eids = [n.eid for n in doc.tree.walk()]
    assert len(eids) == len(set(eids))


@SETTINGS
@given(st.lists(st.sampled_from(KEYWORDS) | st.text(max_size=12), max_size=60).map(" ".join))
def test_keyword_soup_in_plain_text_gives_a_tree_that_keeps_every_character(text: str) -> None:
    if text.strip() and any(ch.isalnum() for ch in text):
        _conserved(text, "text")


@SETTINGS
@given(st.lists(st.sampled_from(KEYWORDS) | st.text(max_size=12), max_size=60).map("\n".join))
def test_keyword_soup_in_markdown_gives_a_tree_that_keeps_every_character(text: str) -> None:
    if text.strip() and any(ch.isalnum() for ch in text):
        _conserved(text, "markdown")


REAL = (REPO / "corpora/national_laws/kz/criminal-code-arts400-406/2023-01-01.md").read_text("utf-8")


@SETTINGS
@given(st.data())
def test_mutated_real_law_still_parses_and_keeps_every_character(data: st.DataObject) -> None:
    text = REAL
    for _ in range(data.draw(st.integers(1, 8))):
        pos = data.draw(st.integers(0, len(text)))
        op = data.draw(st.sampled_from(["insert", "delete", "duplicate"]))
        if op == "insert":
            text = text[:pos] + data.draw(st.sampled_from(KEYWORDS)) + text[pos:]
        elif op == "delete":
            text = text[:pos] + text[pos + data.draw(st.integers(1, 200)) :]
        else:
            text = text[:pos] + text[max(0, pos - 300) : pos] + text[pos:]
    if any(ch.isalnum() for ch in text):
        _conserved(text, "markdown")


@SETTINGS
@given(st.binary(max_size=400))
def test_random_bytes_give_a_tree_or_a_one_line_parse_error(data: bytes) -> None:
    try:
        doc = parse_bytes(data, label="random.bin")
    except ParseError as exc:
        assert str(exc).startswith("random.bin:") and "\n" not in str(exc)
    else:
        assert doc.tree.kind == "document"


_RTF_PIECES = st.sampled_from([b"{", b"}", b"\\", b"\\par ", b"\\super ", b"\\u-10179", b"\\u1055?", b"\\'d1",
                                b"\\'", b"\\bin", b"\\uc", b"\\*", b"\\fonttbl", b"\\f0", b"\\fcharset204", b"-1",
                                b"99999999999", b"\\u-9999999999", "Статья 1.".encode("cp1251"), b" ", b"\n"])


@SETTINGS
@given(st.lists(_RTF_PIECES | st.binary(max_size=8), max_size=80).map(b"".join))
def test_random_rtf_gives_a_tree_or_a_one_line_parse_error(body: bytes) -> None:
    try:
        doc = parse_bytes(b"{\\rtf1\\ansi\\ansicpg1251 " + body, label="random.rtf")
    except ParseError as exc:
        assert str(exc).startswith("random.rtf:") and "\n" not in str(exc)
    else:
        assert doc.tree.kind == "document" and doc.document.format == "rtf"
        doc.model_dump_json()  # every character can be written out: no half of a surrogate pair


@SETTINGS
@given(st.text(max_size=300), st.sampled_from(["html", "text", "markdown"]))
def test_any_text_in_any_format_never_raises(text: str, fmt: str) -> None:
    if any(ch.isalnum() for ch in text):
        doc = parse_text(text, fmt)  # type: ignore[arg-type]
        assert doc.tree.eid == "doc"


# Random nested HTML: blocks (some marked as headings), notes, superscripts, line breaks and scripts around
# random text, so text lands directly in <body>, around inner blocks and in their tails.
_HTML_TAGS = [("p", ""), ("div", ""), ("section", ""), ("ul", ""), ("li", ""), ("td", ""), ("h2", ""),
              ("p", ' class="H"'), ("b", ""), ("span", ' class="mark"'), ("span", ' class="W9"'), ("sup", ""),
              ("a", ' href="#x"')]
_HTML_LEAVES = (st.text(max_size=12) | st.sampled_from(KEYWORDS)).map(html.escape) | st.sampled_from(
    ["<br>", "<script>var a = 1;</script>", "<style>p { color: red }</style>"]
)
_HTML = st.recursive(
    _HTML_LEAVES,
    lambda inner: st.tuples(st.sampled_from(_HTML_TAGS), st.lists(inner, max_size=4)).map(
        lambda t: f"<{t[0][0]}{t[0][1]}>{''.join(t[1])}</{t[0][0]}>"
    ),
    max_leaves=30,
)


def _page_chars(page: str) -> Counter[str]:
    """The characters of the body's text as lxml sees it, scripts and styles left out: no reader involved."""
    root = lxml_html.document_fromstring(page)
    body = root.find("body")
    body = body if body is not None else root
    chars = Counter(ch for ch in body.text_content() if not ch.isspace())
    for bad in body.iter("script", "style"):
        chars -= Counter(ch for ch in bad.text_content() if not ch.isspace())
    return chars


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_HTML, max_size=6).map("".join))
def test_random_nested_html_keeps_every_character_of_its_body(content: str) -> None:
    page = f"<html><body>{content}</body></html>"
    doc = parse_text(page, "html")
    got: Counter[str] = Counter()
    for node in doc.tree.walk():
        for piece in (node.label, node.heading, node.text, *(n.text for n in node.notes)):
            if piece:
                got.update(ch for ch in piece if not ch.isspace())
    assert got == _page_chars(page)


RULE_KEYS = ["rules", "id", "convention", "article", "title", "principle", "kind", "severity", "applies_to",
             "recommendation", "patterns", "ru", "phrase", "regex", "all", "any", "none", "scope", "unless"]


@SETTINGS
@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8) | st.sampled_from(RULE_KEYS),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(RULE_KEYS), children, max_size=5),
    max_leaves=25,
))
def test_rule_loader_gives_rules_or_a_rule_error_for_any_yaml(tmp_path_factory, value) -> None:  # type: ignore[no-untyped-def]
    import yaml

    path: Path = tmp_path_factory.mktemp("rules") / "r.yaml"
    path.write_text(yaml.safe_dump(value, allow_unicode=True), "utf-8")
    try:
        rules = load_file(path)
    except RuleError as exc:
        assert str(exc).startswith(f"{path}:") and "\n" not in str(exc)
    else:
        assert isinstance(rules, list)


def test_a_five_megabyte_line_is_parsed() -> None:
    doc = parse_text("Статья 1. Тест\n1. " + "слово, " * 700_000 + "\nСтатья 2. Другая", "text")
    assert [a.num for a in doc.articles()] == ["1", "2"]
    doc = parse_text("(В редакции " + "x" * 5_000_000 + ")", "text")
    assert len(doc.tree.children[0].text) > 5_000_000


# -- diff ------------------------------------------------------------------------------------------------

WORDS = ["профсоюз", "работник", "право", "свобода", "забастовка", "орган", "закон", "членство", "устав", "союз",
         "oʻzgartirish", "kasaba", "haq", "mehnat", "—", "1)", "2)", "не", "и", "или"]
_article = st.lists(st.sampled_from(WORDS), min_size=1, max_size=25).map(" ".join)
_law = st.lists(_article, min_size=1, max_size=12)


def _text(articles: list[str]) -> str:
    return "\n".join(f"### Статья {i}. Заголовок {i}\n\n{body}\n" for i, body in enumerate(articles, start=1))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_law, st.data())
def test_diff_of_a_law_with_itself_is_empty_and_diff_backwards_is_the_mirror(articles: list[str], data: st.DataObject) -> None:
    from compliance.diff import diff_documents

    from .test_diff import _key, _mirror

    mutated = list(articles)
    for _ in range(data.draw(st.integers(0, 4))):
        op = data.draw(st.sampled_from(["edit", "delete", "insert"]))
        i = data.draw(st.integers(0, max(0, len(mutated) - 1)))
        if op == "edit" and mutated:
            mutated[i] = mutated[i] + " " + data.draw(st.sampled_from(WORDS))
        elif op == "delete" and len(mutated) > 1:
            del mutated[i]
        else:
            mutated.insert(i, data.draw(_article))
    a, b = parse_text(_text(articles), "markdown"), parse_text(_text(mutated), "markdown")
    same = diff_documents(a, a, run_checker=False)
    assert all(c.status == "unchanged" for c in same.changes)
    forward, backward = diff_documents(a, b, run_checker=False), diff_documents(b, a, run_checker=False)
    mirrored = sorted((_mirror(c) for c in forward.changes), key=_key)
    assert sorted((c.model_dump(mode="json") for c in backward.changes), key=_key) == mirrored
