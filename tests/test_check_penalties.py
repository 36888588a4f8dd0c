"""Penalties judged per part, default sanction data, criminal vs administrative arrest (constructed texts)."""

from __future__ import annotations

from pathlib import Path

from compliance.check import check_document, country_data

from .test_check import doc_of, rules_from

ASSEMBLY = {"id": "C105-A1a-test-assembly", "kind": "conflict", "sanctions": {"compulsory_labour": True},
            "patterns": {"ru": {"phrase": "участие в собрание", "scope": "part"}}}


def test_fine_only_part_is_not_judged_on_another_offences_imprisonment(tmp_path: Path) -> None:
    # constructed: part 1 (the conduct) is fine-only; part 2 is a different offence with imprisonment
    rules = rules_from(tmp_path, ASSEMBLY)
    doc = doc_of("Статья 5. Собрания\n1. Участие в незаконном собрании – наказывается штрафом.\n"
                 "2. Подкуп избирателя – наказывается лишением свободы на срок до двух лет.", "ru", country="RU")
    assert check_document(doc, rules) == []


def test_aggravated_part_referring_back_is_judged_with_the_conduct(tmp_path: Path) -> None:
    # constructed: part 2 takes part 1 up ("Деяния, предусмотренные частью первой") and adds imprisonment
    rules = rules_from(tmp_path, ASSEMBLY)
    doc = doc_of("Статья 5. Собрания\n1. Участие в незаконном собрании – наказывается штрафом.\n"
                 "2. Деяния, предусмотренные частью первой настоящей статьи, совершенные повторно, – "
                 "наказываются лишением свободы на срок до двух лет.\n"
                 "3. Подкуп избирателя – наказывается исправительными работами.", "ru", country="RU")
    [f] = check_document(doc, rules)
    assert f.kind == "conflict"
    assert {s.type for s in f.sanctions} == {"fine", "deprivation_of_liberty"}  # not part 3's penalty


def test_the_same_acts_chain_back_through_the_parts_before(tmp_path: Path) -> None:
    rules = rules_from(tmp_path, ASSEMBLY)
    doc = doc_of("Статья 5. Собрания\n1. Участие в незаконном собрании – наказывается штрафом.\n"
                 "2. Те же деяния, совершенные группой лиц, – наказываются штрафом в двойном размере.\n"
                 "3. Те же деяния, совершенные повторно, – наказываются лишением свободы.", "ru", country="RU")
    [f] = check_document(doc, rules)
    assert "deprivation_of_liberty" in {s.type for s in f.sanctions}


def test_article_without_parts_is_judged_whole(tmp_path: Path) -> None:
    rules = rules_from(tmp_path, ASSEMBLY)
    doc = doc_of("Статья 5. Собрания\nУчастие в незаконном собрании наказывается лишением свободы.", "ru", country="RU")
    assert [f.kind for f in check_document(doc, rules)] == ["conflict"]


def test_kazakh_back_reference_to_the_first_part(tmp_path: Path) -> None:
    rule = {**ASSEMBLY, "patterns": {"kk": {"phrase": "заңсыз жиналыс", "scope": "part"}}}
    rules = rules_from(tmp_path, rule)
    doc = doc_of("5-бап. Жиналыстар\n1. Заңсыз жиналысқа қатысу – айыппұл салуға әкеп соғады.\n"
                 "2. Осы баптың бірінші бөлігінде көзделген іс-әрекеттер, қайталап жасалса, – бас бостандығынан "
                 "айыруға жазаланады.", "kk", country="KZ")
    [f] = check_document(doc, rules)
    assert "deprivation_of_liberty" in {s.type for s in f.sanctions}


def test_country_without_data_fine_only_is_never_a_concern(tmp_path: Path) -> None:
    rules = rules_from(tmp_path, ASSEMBLY)
    doc = doc_of("Статья 5. Собрания\nУчастие в незаконном собрании наказывается штрафом.", "ru", country=None)
    assert check_document(doc, rules, "XX") == []


def test_country_without_data_leaves_only_liberty_and_arrest_not_established() -> None:
    data = country_data("XX")
    assert data["correctional_labour"][0] is True and data["community_work"][0] is True
    assert data["fine"][0] is False and data["disqualification"][0] is False
    unknown = {k for k, (v, _) in data.items() if v is None}
    assert unknown == {"deprivation_of_liberty", "restriction_of_freedom", "arrest", "administrative_arrest"}


def test_administrative_arrest_is_its_own_type_and_attachment_of_property_no_penalty(tmp_path: Path) -> None:
    rules = rules_from(tmp_path, {**ASSEMBLY, "sanctions": {"compulsory_labour": False}})
    doc = doc_of("Статья 5. Собрания\nУчастие в незаконном собрании влечет административный арест на срок до "
                 "десяти суток или штраф с арестом имущества.", "ru", country="RU")
    [f] = check_document(doc, rules)
    assert [s.type for s in f.sanctions] == ["administrative_arrest", "fine"]


def test_rule_naming_arrest_counts_administrative_arrest(tmp_path: Path) -> None:
    rules = rules_from(tmp_path, {**ASSEMBLY, "sanctions": {"compulsory_labour": False, "types": ["arrest"]}})
    doc = doc_of("Статья 5. Собрания\nУчастие в незаконном собрании влечет административный арест.", "ru", country="RU")
    assert len(check_document(doc, rules)) == 1


def test_administrative_arrest_follows_the_country_basis() -> None:
    assert country_data("UZ")["administrative_arrest"][0] is True
    assert country_data("BY")["administrative_arrest"][0] is True
    assert country_data("KZ")["administrative_arrest"][0] is None


def test_a_penalty_without_its_own_term_does_not_take_the_next_ones(tmp_path: Path) -> None:
    # constructed, in the shape of the Belarusian code of administrative offences: a fine with no amount,
    # "или" (not "либо") before the arrest and its term
    rules = rules_from(tmp_path, ASSEMBLY)
    doc = doc_of("Статья 5. Собрания\n1. Участие в собрании без разрешения – влечет наложение штрафа или "
                 "административный арест на срок до пятнадцати суток.", "ru", country="BY")
    [f] = check_document(doc, rules)
    assert [(s.type, s.term) for s in f.sanctions] == [("fine", None), ("administrative_arrest", "up to 15 days")]


def _english_rule(tmp_path: Path, phrase: str = "unauthorised meeting") -> list:  # type: ignore[type-arg]
    """A rule on `phrase` in English, for criminal and administrative offences codes, that needs a penalty
    involving compulsory labour."""
    return rules_from(tmp_path, {"id": "C105-A1a-test-assembly-en", "kind": "conflict",
                                 "applies_to": ["criminal code", "administrative offences code"],
                                 "sanctions": {"compulsory_labour": True},
                                 "patterns": {"en": {"phrase": phrase, "gap": 0}}})


def test_english_translations_spell_the_penalties_their_own_ways(tmp_path: Path) -> None:
    # constructed: the spellings of the RU and KZ codes' English translations (legislationline, NATLEX)
    rules = _english_rule(tmp_path)
    doc = doc_of("Article 5. Meetings\nParticipation in an unauthorised meeting shall be punishable by obligatory "
                 "works for up to 240 hours, or by restraint of liberty for up to two years, or by mandatory work, "
                 "or by corrective labor.", "en", country="RU")
    [f] = check_document(doc, rules)
    assert [(s.type, s.text) for s in f.sanctions] == [
        ("community_work", "obligatory works"), ("restriction_of_freedom", "restraint of liberty"),
        ("community_work", "mandatory work"), ("correctional_labour", "corrective labor")]


def test_an_english_administrative_offence_entails_its_penalties(tmp_path: Path) -> None:
    # constructed: "влечет" translated "shall entail" (codes of administrative offences)
    rules = _english_rule(tmp_path)
    doc = doc_of("Article 5. Meetings\nParticipation in an unauthorised meeting shall entail a fine or community "
                 "service for up to forty hours.", "en", kind="administrative offences code", country="KZ")
    [f] = check_document(doc, rules)
    assert [s.type for s in f.sanctions] == ["fine", "community_work"] and f.kind == "conflict"


def test_an_english_arrest_of_property_is_no_penalty(tmp_path: Path) -> None:
    # constructed: "arrest of the vessel" in a penalty clause is the attachment of property, as "арест имущества"
    rules = _english_rule(tmp_path)
    doc = doc_of("Article 5. Meetings\nParticipation in an unauthorised meeting on board shall entail a fine with "
                 "the arrest of the vessel.", "en", kind="administrative offences code", country="KZ")
    assert check_document(doc, rules) == []  # a fine alone: no penalty involving labour


def test_a_negated_english_penalty_opens_no_penalty_clause(tmp_path: Path) -> None:
    # constructed: "incur no liability", "shall not be punished by arrest" name no penalty of the conduct
    rules = _english_rule(tmp_path, "lawful strike")
    doc = doc_of("Article 5. Strikes\nWorkers who participate in a lawful strike incur no liability and shall not be "
                 "punished by arrest or imprisonment for it.", "en", country="KZ")
    assert check_document(doc, rules) == []
