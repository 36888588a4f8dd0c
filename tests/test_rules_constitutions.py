"""Constitutions: the rules whose principle a constitution's own provisions can breach or implement read them.

The supervisory bodies comment on constitutions too (Kazakhstan's art. 23(2), GT018; Uzbekistan's art. 18,
GT032). A constitution has no penalties and does not regulate unions' procedures, so the criminal-law rules
and the rules that ask a law to contain a protection ("requirement") stay with the laws they are about.
"""

from __future__ import annotations

import pytest

from compliance.check import check_document
from compliance.corpus import load_document
from compliance.parse import parse_file
from compliance.rules import load_rules

from .conftest import SHARED
from .test_rules_foa import doc_of

RULES = load_rules()
CONSTITUTION_RULES = {r.id for r in RULES if "constitution" in r.applies_to}


def _found(text: str) -> dict[str, str]:
    doc = doc_of(text, "constitution")
    return {f.rule_id: f.kind for f in check_document(doc, RULES, "KZ") if f.article == "1"}


def test_only_rules_a_constitution_can_breach_or_implement_read_it() -> None:
    kinds = {r.kind for r in RULES if r.id in CONSTITUTION_RULES}
    assert "requirement" not in kinds  # a constitution is not where a missing protection is asked for
    assert not {r for r in CONSTITUTION_RULES if r.startswith(("C105", "P029"))}  # no penalties in a constitution
    assert {"C087-A2-excluded-categories", "C111-A1a-colour-missing", "C029-A1-prohibition"} <= CONSTITUTION_RULES
    assert "C087-A2-citizenship-condition" not in CONSTITUTION_RULES  # see the test of citizens' guarantees


def test_judges_and_law_enforcement_barred_from_unions_by_the_constitution_conflicts_with_c087() -> None:
    # constructed, in the shape of the provision GT018 names
    found = _found("Статья 1\nВоеннослужащие, работники правоохранительных органов и судьи не должны состоять в "
                   "партиях, профессиональных союзах, выступать в поддержку какой-либо политической партии.")
    assert found == {"C087-A2-excluded-categories": "conflict"}  # a ban on persons, not on unions' politics


@pytest.mark.parametrize(("text", "expected"), [
    # constructed, in the shape of an English translation of the provision GT018 names
    ("Servicemen, employees of national security and law enforcement bodies, and judges must not be members of "
     "parties, trade unions, or act in support of any political party.", True),
    ("The police shall not join trade unions.", False),  # the police: Article 9 lets the law decide
])
def test_an_english_constitution_barring_judges_from_unions_conflicts_with_c087(text: str, expected: bool) -> None:
    doc = doc_of(f"Article 1\n{text}", "constitution", language="en")
    found = {f.rule_id for f in check_document(doc, RULES, "KZ") if f.article == "1"}
    assert ("C087-A2-excluded-categories" in found) is expected


@pytest.mark.parametrize(("text", "language", "expected"), [
    # constructed, in the shape of the provision GT032 names (UZ Constitution art. 18)
    ("Все граждане Республики Узбекистан имеют одинаковые права и свободы и равны перед законом без различия пола, "
     "расы, национальности, языка, религии, социального происхождения, убеждений.", "ru", True),
    ("All citizens of the Republic have equal rights and freedoms and are equal before the law, without "
     "distinction of sex, race, nationality, language or religion.", "en", True),
    # constructed traps: equality of everyone; equality of the parties before the courts; a citizen's right
    ("Все равны перед законом и судом. Каждый имеет равные права без различия пола, расы, национальности.", "ru",
     False),
    ("Правосудие осуществляется на началах равенства перед законом и судом всех граждан независимо от пола, расы, "
     "национальности.", "ru", False),
    ("Граждане Республики Узбекистан имеют право участвовать в управлении делами общества.", "ru", False),
])
def test_a_constitution_making_only_citizens_equal_is_a_concern(text: str, language: str, expected: bool) -> None:
    doc = doc_of(f"Статья 1\n{text}" if language == "ru" else f"Article 1\n{text}", "constitution",
                 language=language)
    found = {f.rule_id for f in check_document(doc, RULES, "UZ") if f.article == "1"}
    assert ("C111-A1a-equality-citizens-only" in found) is expected


def test_a_constitution_guaranteeing_citizens_the_right_to_join_unions_is_not_read_as_excluding_others() -> None:
    # constructed: a constitution guarantees rights to citizens without taking them from anyone else; the
    # citizenship rule is for laws that define a union as an association of citizens
    found = _found("Статья 1\nГраждане Республики Казахстан имеют право объединяться в профессиональные союзы, "
                   "политические партии и другие общественные объединения.")
    assert "C087-A2-citizenship-condition" not in found


def test_a_constitutional_ban_on_foreign_financing_of_unions_conflicts_with_article_5() -> None:
    # constructed
    found = _found("Статья 1\nНе допускается финансирование политических партий и профессиональных союзов "
                   "иностранными юридическими лицами и гражданами, иностранными государствами и международными "
                   "организациями.")
    assert found.get("C087-A5-foreign-affiliation-financing") == "conflict"


def test_a_constitutional_list_of_grounds_without_colour_is_a_concern_and_one_with_it_is_not() -> None:
    # constructed
    clause = ("Статья 1\nНикто не может подвергаться дискриминации по признаку пола, расы, {}национальности, языка, "
              "вероисповедания, политических убеждений, социального и национального происхождения.")
    assert _found(clause.format("")).get("C111-A1a-colour-missing") == "concern"
    assert "C111-A1a-colour-missing" not in _found(clause.format("цвета кожи, "))


def test_a_constitution_of_the_corpus_is_analysed_and_cited() -> None:
    doc = load_document("kg/constitution")
    findings = check_document(doc, RULES)
    assert {(f.article, f.rule_id) for f in findings if f.kind in ("conflict", "concern")} == {
        ("24", "C111-A1a-colour-missing")}  # "пола, расы, языка, инвалидности, …": no colour
    assert ("28", "C029-A1-prohibition") in {(f.article, f.rule_id) for f in findings}
    assert not [f for f in findings if f.kind == "requirement"]


@pytest.mark.skipif(not (SHARED / "ru" / "codes").is_dir(), reason="../shared/sources is not checked out")
def test_the_russian_constitution_is_analysed_with_no_conflict_or_concern() -> None:
    # a precision control: its guarantees are protections (arts. 19, 30, 37), none of them a gap
    doc = parse_file(SHARED / "ru" / "codes" / "constitution.ru.2022-10-04.html")
    findings = check_document(doc, RULES)
    assert {f.kind for f in findings} == {"implements"}
    assert {f.article for f in findings} == {"19", "30", "37"}
