"""Citations an advocate can file: the amending act the text names, the part and point of the decisive words."""

from __future__ import annotations

import datetime as _dt
from functools import cache

import pytest

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


# Real findings whose decisive words are not in part 1, or lie in a numbered point of it; each expected
# unit read in the corpus text: (law, article, rule, the provision the citation names).
SEC1 = "kz/labour-code-sec001-general-provisions"
SEC3 = "kz/labour-code-sec003-social-partnership-disputes-strikes"
LC2020, LC2024 = "kz/labour-code-arts166-178", "kz/labour-code-arts167-178"
TU, AO = "kz/trade-unions-law", "kz/admin-offences-code-ch27-arts457-509-incl-art488"
TUKK = "kz/trade-unions-law@2021-07-01:kk"
REAL = [
    # not in part 1
    ("kz/criminal-code-arts400-406", "404", "C105-A1a-associations", "404(2)"),  # creating an association of discord
    (LC2020, "166", "C087-A3-compulsory-arbitration", "166(7)"),  # arbitration where strikes are banned
    (SEC3, "166", "C087-A3-compulsory-arbitration", "166(7)"),
    (SEC3, "164", "C087-A3-strike-ballot-excessive", "164(2)"),  # two-thirds quorum, second paragraph of part 2
    (SEC3, "171", "C098-A4-bargaining-bypass-union", "171(2)"),  # union and elected representative together
    (f"{SEC3}@2019-11-26", "164", "C087-A3-strike-ballot-excessive", "164(2)"),  # the earlier text: two-thirds vote
    (f"{SEC3}@2019-11-26", "164", "C098-A2-interference-protection", "164(5)"),  # employers refrain from interference
    (LC2024, "171", "C098-A4-bargaining-bypass-union", "171(2)"),
    (SEC1, "6", "C098-A1-antiunion-discrimination-protection", "6(2)"),  # "принадлежности к общественным объединениям"
    (SEC1, "6", "C111-A1a-non-discrimination", "6(2)"),
    (SEC1, "6", "C111-A1a-colour-missing", "6(2)"),  # the list of grounds
    (SEC1, "20", "C098-A4-bargaining-bypass-union", "20(3)(2)"),  # elected representatives bargain collectively
    (SEC1, "23", "C100-A1b-equal-work-only", "23(2)(28)"),  # employer's duty: equal pay for equal work
    (TU, "4", "C098-A2-interference-protection", "4(3)"),  # obstruction and interference not allowed
    (TU, "7", "C098-A1-antiunion-discrimination-protection", "7(2)"),  # discrimination in hiring, promotion, dismissal
    (TU, "10", "C087-A4-suspension-dissolution", "10(3)"),  # suspension for not confirming the status
    (TU, "11", "C087-A2-territorial-structure", "11(3)"),  # members in more than half of the regions
    (TU, "12", "C087-A2-territorial-structure", "12(3)"),
    (TU, "13", "C087-A2-territorial-structure", "13(2)"),
    (TU, "19", "C087-A3-interference-internal-affairs", "19(2)"),  # decisions must conform to partnership bodies'
    ("ru/labour-code", "413", "C087-A3-strike-restriction-open-ended", "413, part 2"),  # "может быть ограничено федеральным законом"
    ("ru/labour-code", "413", "C087-A3-strike-suspension-executive", "413, part 8"),  # the Government may suspend
    ("tj/labour-code", "7", "C111-A1a-non-discrimination", "7(2)"),  # the grounds: race, colour, sex, …
    ("tj/labour-code", "19", "C098-A2-interference-protection", "19(2)"),  # employer's duty not to obstruct unions
    ("tj/labour-code", "21", "C138-A2-minimum-age", "21(2)"),  # fifteen years
    ("tj/labour-code", "21", "C138-A2-admission-below-15", "21(3)"),  # pupils of fourteen, and younger in the arts
    ("tj/labour-code", "307", "C098-A4-bargaining-bypass-union", "307(2)"),  # parties: "представители работников"
    ("tj/labour-code", "301", "C098-A4-bargaining-bypass-union", "301(2)"),  # "профсоюзов, других представителей работников"
    (AO, "488", "C087-A3-penal-sanctions-assembly", "488(6)"),  # arrest for taking part in an assembly held in breach
    (TUKK, "7", "C098-A1-antiunion-discrimination-protection", "7(2)"),  # the Kazakh text: hiring, promotion, dismissal
    (TUKK, "10", "C087-A4-suspension-dissolution", "10(3)"),  # the Kazakh text: "тоқтата тұруға алып келеді"
    (TUKK, "11", "C087-A2-territorial-structure", "11(3)"),  # the Kazakh text: "санының жартысынан астамын"
    (TUKK, "13", "C087-A2-territorial-structure", "13(2)"),
    # in a numbered point of part 1
    (AO, "476", "C087-A3-penal-sanctions-strike", "476(1)(4)"),  # ban on strikes under a state of emergency
    (AO, "476", "C105-A1d-strikes", "476(1)(4)"),
    (AO, "476", "C087-A3-penal-sanctions-assembly", "476(1)(3)"),  # ban on peaceful assemblies
    (LC2020, "176", "C087-A3-strike-ban-non-essential", "176(1)(2)"),  # transport, communications
    (LC2024, "176", "C087-A3-strike-ban-non-essential", "176(1)(2)"),
    (SEC3, "176", "C087-A3-strike-ban-non-essential", "176(1)(2)"),
    (SEC1, "22", "C087-A2-freedom-to-establish", "22(1)(8)"),  # the right to form a trade union
    (SEC1, "22", "C100-A1b-equal-work-only", "22(1)(15)"),
    (TU, "9", "C087-A3-interference-internal-affairs", "9(1)(6)"),  # statutes bound to partnership bodies' decisions
    (TU, "1", "C087-A2-citizenship-condition", "1, point 6)"),  # the definition of a trade union
    ("ru/labour-code", "413", "C087-A3-strike-ban-non-essential", "413, part 1, point б)"),  # transport, communications
    # the closing paragraph after the last point speaks of the whole part, not of point 5
    (LC2020, "176", "C087-A3-strike-suspension-executive", "176(1)"),
    (LC2024, "176", "C087-A3-strike-suspension-executive", "176(1)"),
    (SEC3, "176", "C087-A3-strike-suspension-executive", "176(1)"),
    (CC, "174", "C105-A1a-social-discord", "174(1)"),
]


@pytest.mark.parametrize(("ref", "article", "rule", "expected"), REAL, ids=[f"{r[0]}:{r[1]}:{r[2]}" for r in REAL])
def test_real_articles_are_cited_down_to_the_part_and_point(ref: str, article: str, rule: str, expected: str) -> None:
    [f] = [f for f in findings(ref) if f.rule_id == rule and f.article == article]
    assert f.provision == expected
    assert f"art. {expected}" in f.citation


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


def test_a_list_indented_under_its_first_point_is_cited_as_that_list() -> None:
    art = Node(eid="art_9", kind="article", num="9", label="Статья 9.", text="Не допускаются:", start=0, end=0, children=[
        Node(eid="art_9__pt_a", kind="point", num="а", label="а)", text="первое;", start=0, end=0, children=[
            Node(eid="art_9__pt_a__sp_b", kind="subpoint", num="б", label="б)", text="второе.", start=0, end=0)])])
    text = article_text(art)
    at = text.text.index("второе")
    assert locate(art, text.owners, [(at, at + 6)], text.text).english == "9, point б)"


def test_a_paragraph_after_the_last_point_belongs_to_the_part() -> None:
    part = Node(eid="art_5__para_1", kind="paragraph", num="1", label="1.", text="Запрещаются:", start=0, end=0,
                children=[Node(eid=f"art_5__para_1__pt_{i}", kind="point", num=str(i), label=f"{i})", text=t, start=0,
                               end=0) for i, t in ((1, "первое;"), (2, "второе.\nПрокурор вправе приостановить."))])
    art = Node(eid="art_5", kind="article", num="5", label="Статья 5.", children=[part], start=0, end=0)
    text = article_text(art)
    at, second = text.text.index("Прокурор"), text.text.index("второе")
    assert locate(art, text.owners, [(at, at + 8)], text.text).english == "5(1)"
    assert locate(art, text.owners, [(second, second + 6)], text.text).english == "5(1)(2)"


def test_parts_run_into_one_unit_are_counted_line_by_line() -> None:
    art = Node(eid="art_8", kind="article", num="8", label="Статья 8.", text="Первая часть.", start=0, end=0, children=[
        Node(eid="art_8__p2", kind="paragraph", text="Вторая часть.\nТретья часть.", start=0, end=0)])
    text = article_text(art)
    at = text.text.index("Третья")
    assert locate(art, text.owners, [(at, at + 6)], text.text).english == "8, part 3"


def test_a_part_numbered_from_its_article_is_cited_by_that_number() -> None:
    # constructed, in the shape of the Azerbaijani codes ("169.1." in article 169) and of the RU code of
    # administrative offences (part "1.1." of article 20.2)
    for num, part, want in (("169", "169.1", "169.1"), ("20.2", "1.1", "20.2(1.1)")):
        art = Node(eid="art_x", kind="article", num=num, label=f"Статья {num}.", heading="Собрания", start=0, end=0,
                   children=[Node(eid="art_x__para_1", kind="paragraph", num=part, label=f"{part}.",
                                  text="Нарушение порядка наказывается арестом.", start=0, end=0)])
        text = article_text(art)
        at = text.text.index("арестом")
        assert locate(art, text.owners, [(at, at + 7)]).english == want


def test_a_law_outside_the_corpus_is_named_in_the_genitive_in_its_russian_citation() -> None:
    from compliance.citations.style import cite
    from compliance.models import DocumentMeta

    provision = Provision("342", (Step("part", "1", "1.", 1),))
    meta = DocumentMeta(id="by-cc.txt", title="Уголовный кодекс Республики Беларусь")
    assert cite(meta, provision, None).russian == "часть 1 статьи 342 Уголовного кодекса Республики Беларусь"
    odd = DocumentMeta(id="x.txt", title="О порядке проведения собраний")  # no noun to inflect first: as written
    assert cite(odd, provision, None).russian == "часть 1 статьи 342 О порядке проведения собраний"


def test_an_act_s_sections_are_cited_as_sections_and_a_code_s_articles_as_articles() -> None:
    from compliance.models import DocumentMeta
    from compliance.parse import parse_text

    def cited(text: str, title: str) -> list[str]:
        meta = DocumentMeta(id="x", kind="labour code", country="MY", language="en", title=title)
        return [f.citation for f in check_document(parse_text(text, "text", meta=meta))]

    # constructed: an Act of the Commonwealth tradition, a translation that says "Section", one that says "Article"
    strike = ("(1) Any workman who takes part in a strike which is illegal under this Act shall be liable on "
              "conviction to imprisonment for a term not exceeding one year.\n")
    assert set(cited(f"INDUSTRIAL RELATIONS ACT\n45. Penalties for illegal strikes\n{strike}",
                     "Industrial Relations Act 1967")) == {"Industrial Relations Act 1967, s. 45(1)"}
    assert set(cited(f"Section 45. Penalties\n{strike}", "Labour Code")) == {"Labour Code, s. 45(1)"}
    assert set(cited(f"Article 45. Penalties\n{strike}", "Labour Code")) == {"Labour Code, art. 45(1)"}
