"""Citations an advocate can file: the amending act the text names, the part and point of the decisive words."""

from __future__ import annotations

import datetime as _dt
from functools import cache

from compliance.check import check_document
from compliance.check.text import article_text
from compliance.citations import Provision, last_amendment, locate
from compliance.citations.provision import Step
from compliance.corpus import load_document
from compliance.models import Finding, Node

CC = "kz/criminal-code-ch04-05-arts160-186-incl-art174"


@cache
def findings(ref: str) -> tuple[Finding, ...]:
    return tuple(check_document(load_document(ref)))


def test_kz_174_names_the_last_amending_act_of_its_footnote_not_the_copy_date() -> None:
    [f, *_] = [f for f in findings(CC) if f.article == "174"]
    assert f.citation.endswith("art. 174(1), as amended by Law No. 94-VIII of 19 June 2024 (text as of 16 September 2025)")
    assert f.citation_ru == ("часть 1 статьи 174 Уголовного кодекса Республики Казахстан от 3 июля 2014 года № 226-V "
                             "(с изменениями, внесёнными Законом РК от 19.06.2024 № 94-VIII)")


def test_kz_labour_code_art_7_names_law_157_vii() -> None:
    doc = load_document("kz/labour-code-sec001-general-provisions")
    found = last_amendment(doc, doc.tree.article("7"))
    assert found is not None and (found.number, found.date, found.source) == ("157-VII", _dt.date(2022, 11, 5), "article")


def test_every_finding_names_an_act_of_its_article_or_header_or_says_text_as_of() -> None:
    for ref in (CC, "kz/labour-code-sec001-general-provisions", "ru/labour-code", "uz/labour-code",
                "kz/trade-unions-law", "kz/admin-offences-code-ch27-arts457-509-incl-art488"):
        doc = load_document(ref)
        for f in findings(ref):
            if f.article is None:
                continue
            art = doc.tree.article(f.article)
            assert art is not None
            named = {e.act_number for n in [*art.walk(), doc.tree, *doc.tree.children[:1]] for note in n.notes
                     for e in note.events}
            if f.amended_by:
                assert f.amended_by.split(" of ")[0] in named, f.id
            else:
                assert "text as of" in f.citation, f.id


# Real articles whose decisive words are not in part 1 (or lie in a numbered point), read in the texts.
REAL = [
    ("kz/admin-offences-code-ch27-arts457-509-incl-art488", "C105-A1d-strikes", "476(1)(4)"),  # point 4: ban on strikes
    ("kz/trade-unions-law", "C087-A2-citizenship-condition", "1, point 6)"),  # the definition of a trade union
    (CC, "C105-A1a-social-discord", "174(1)"),
]


def test_real_articles_are_cited_down_to_the_part_and_point() -> None:
    for ref, rule, expected in REAL:
        assert [f.provision for f in findings(ref) if f.rule_id == rule and f.provision and
                f.provision.startswith(expected.split("(")[0].split(",")[0])][0] == expected


def _article(parts: list[str]) -> Node:
    children = [Node(eid=f"art_14__para_{i}", kind="paragraph", num=str(i), label=f"{i}.", text=t, start=0, end=0)
                for i, t in enumerate(parts, 1)]
    return Node(eid="art_14", kind="article", num="14", label="Статья 14.", heading="Забастовка", children=children,
                start=0, end=0)


def test_decisive_words_in_the_last_part_are_cited_there() -> None:
    art = _article(["Работники вправе бастовать.", "Решение принимается двумя третями.", "Наказывается лишением свободы."])
    text = article_text(art)
    at = text.text.index("лишением")
    assert locate(art, text.owners, [(at, at + 8)]).english == "14(3)"
    at2 = text.text.index("двумя третями")
    assert locate(art, text.owners, [(at2, at2 + 5), (at, at + 8), (at2 + 6, at2 + 12)]).english == "14(2)"


def test_a_heading_word_names_the_article_only() -> None:
    art = _article(["Первая часть."])
    text = article_text(art)
    assert locate(art, text.owners, [(0, 5)]) == Provision("14")


def test_counted_russian_parts_and_points_are_written_as_parts() -> None:
    assert Provision("413", (Step("part", None, None, 2),)).english == "413, part 2"
