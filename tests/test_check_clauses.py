"""`unless` removes the clause it qualifies, not the whole unit; no match runs from an article's heading into
its body (constructed texts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.check import check_document

from .test_check import doc_of, rules_from

DISCORD = {"id": "C087-A2-test-discord", "patterns": {"ru": {
    "phrase": "разжигание рознь", "scope": "part", "unless": [{"phrase": "оружие"}]}}}


def fired(tmp_path: Path, text: str) -> bool:
    return bool(check_document(doc_of(text, "ru"), rules_from(tmp_path, DISCORD)))


def test_exception_in_another_list_item_leaves_the_evidence_item(tmp_path: Path) -> None:
    assert fired(tmp_path, "Статья 1. Т\n1. Деяния, совершенные:\nа) с применением оружия;\nб) в целях разжигания розни.")


def test_exception_in_the_same_item_removes_it(tmp_path: Path) -> None:
    assert not fired(tmp_path, "Статья 1. Т\n1. Деяния, совершенные:\nа) в целях разжигания розни с применением оружия;\n"
                               "б) группой лиц.")


def test_exception_in_the_head_removes_the_whole_unit(tmp_path: Path) -> None:
    assert not fired(tmp_path, "Статья 1. Т\n1. Вооруженное применение оружия, совершенное:\nа) группой;\n"
                               "б) в целях разжигания розни.")


def test_exception_after_a_semicolon_removes_only_its_clause(tmp_path: Path) -> None:
    assert fired(tmp_path, "Статья 1. Т\n1. Деяния: разжигание розни; хищение оружия.")


def test_libo_joins_one_clause_so_an_exception_there_qualifies_it(tmp_path: Path) -> None:
    assert not fired(tmp_path, "Статья 1. Т\n1. Разжигание розни лицом с оружием либо лидером объединения.")


def test_exception_in_a_chapeau_removes_its_items(tmp_path: Path) -> None:
    assert not fired(tmp_path, "Статья 1. Т\n1. Общие положения; деяния с применением оружия:\nа) группой;\n"
                               "б) в целях разжигания розни.")


def test_a_chapeau_goes_with_its_items_when_the_exception_removes_every_one(tmp_path: Path) -> None:
    # the evidence in the chapeau; every item names weapons: the offence is committed with weapons only
    assert not fired(tmp_path, "Статья 1. Т\n1. Разжигание розни, совершенное:\nа) с применением оружия;\n"
                               "б) с угрозой применения оружия,\n– наказывается арестом.")
    # one item free of it: the chapeau stays and holds
    assert fired(tmp_path, "Статья 1. Т\n1. Разжигание розни, совершенное:\nа) с применением оружия;\n"
                           "б) группой лиц,\n– наказывается арестом.")


MOBILISING = {"id": "C105-A1b-test-mobilising", "patterns": {"en": {
    "phrase": "mobilising labour", "gap": 2, "scope": "article", "unless": [{"phrase": "compulsory labour", "gap": 0}]}}}


def test_a_chapeau_ending_in_a_dash_governs_the_items_after_it(tmp_path: Path) -> None:
    # English texts end a chapeau with a dash, and the parse makes its items points of the article (C105 art. 1)
    rules = rules_from(tmp_path, MOBILISING)
    protective = ("Article 1\nEach Member undertakes to suppress and not to make use of any form of compulsory "
                  "labour\u2014\n(a) as a means of political coercion;\n(b) as a method of mobilising and using labour "
                  "for purposes of economic development.")
    assert not check_document(doc_of(protective, "en"), rules)
    # a dash that ends a description of conduct before its penalty is no chapeau: the clause alone goes
    offence = ("Article 1\nRefusal of compulsory labour \u2013\nshall be punished by arrest.\nMobilising the labour of "
               "students for the harvest shall be punished by a fine.")
    assert check_document(doc_of(offence, "en"), rules)


def test_a_chapeau_governs_its_own_items_not_the_next_point_after_them(tmp_path: Path) -> None:
    # constructed: the chapeau and its exception are in point 1); point 2) is its sibling and keeps its evidence
    rules = rules_from(tmp_path, {"id": "C087-A2-test-discord-article", "patterns": {"ru": {
        "phrase": "разжигание рознь", "scope": "article", "unless": [{"phrase": "оружие"}]}}})
    text = ("Статья 1. Т\nЗапрещаются:\n1) хранение взрывчатки; деяния, совершенные с применением оружия:\n"
            "а) группой;\nб) ночью;\n2) разжигание розни.")
    assert check_document(doc_of(text, "ru"), rules)


def test_russian_preposition_in_a_phrase_is_matched_literally(tmp_path: Path) -> None:
    # «к» must not take the forms pymorphy3 lists for it ("как"): "призыв к" is not "призыв как"
    rules = rules_from(tmp_path, {"id": "C087-A2-test-calls", "patterns": {"ru": {"phrase": "призыв к", "gap": 0}}})
    assert check_document(doc_of("Статья 1. Т\nПризывы к забастовке.", "ru"), rules)
    assert check_document(doc_of("Статья 1. Т\nПризывы ко всем.", "ru"), rules)
    assert not check_document(doc_of("Статья 1. Т\nПризыв как форма участия.", "ru"), rules)


HEADING_INTO_BODY = "Статья 5. Запрещение дискриминации\nЗапрещается дискриминация по признаку пола."


@pytest.mark.parametrize("pattern", [{"regex": r"дискриминации\s+запрещается"},
                                     {"phrase": "дискриминация запрещаться", "gap": 3}])
def test_a_match_does_not_run_from_the_heading_into_the_body(tmp_path: Path, pattern: dict) -> None:  # type: ignore[type-arg]
    rules = rules_from(tmp_path, {"id": "C111-A1-test-heading", "patterns": {"ru": pattern}})
    assert not check_document(doc_of(HEADING_INTO_BODY, "ru"), rules)


def test_a_match_inside_the_heading_or_inside_the_body_still_holds(tmp_path: Path) -> None:
    rules = rules_from(tmp_path, {"id": "C111-A1-test-heading", "patterns": {"ru": {"any": [
        {"regex": r"запрещение\s+дискриминации"}, {"regex": r"запрещается\s+дискриминация"}], "scope": "article"}}})
    [finding] = check_document(doc_of(HEADING_INTO_BODY, "ru"), rules)
    assert [finding.quote[s:e] for s, e in finding.spans] == ["Запрещение дискриминации", "Запрещается дискриминация"]
