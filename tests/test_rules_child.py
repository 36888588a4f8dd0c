"""Child-labour rules (rules/c138-c182-child-labour.yaml) on the corpus and on small constructed texts. Each
rule: at least two texts where it must fire and two where it must not. Constructed examples are marked
`# constructed`."""

from __future__ import annotations

import pytest

from .rulesets import KZ_CH3, KZ_LC, RU_LC, TJ_LC, UZ_LC, RuleSet

RS = RuleSet("c138-c182-child-labour.yaml")
RULES = RS.rules
corpus_findings, rules_on = RS.findings, RS.on

fired = RS.fired


# -- admission to employment below 15 (C138 Art. 2(3), 7(1)) -------------------------------------------------


def test_students_of_fourteen_admitted_without_light_work_limit() -> None:
    assert rules_on(TJ_LC, "21").get("C138-A2-admission-below-15") == "concern"


def test_general_minimum_age_of_fourteen_flagged() -> None:
    # constructed: "достигшими четырнадцатилетнего возраста" (adjective form)
    text = ("Статья 10. Возраст\nЗаключение трудового договора допускается с лицами, достигшими "
            "четырнадцатилетнего возраста.")
    assert fired(text).get("C138-A2-admission-below-15") == "concern"


def test_admission_from_fourteen_flagged_in_uzbek_with_ascii_apostrophes() -> None:
    # constructed
    text = ("1-modda. Ishga qabul qilish yoshi\nIshga qabul qilishga o'n to'rt yoshdan yo'l qo'yiladi.")
    assert fired(text, country="UZ", language="uz-Latn").get("C138-A2-admission-below-15") == "concern"


@pytest.mark.parametrize(("ref", "article"), [(RU_LC, "63"), (UZ_LC, "118"), (UZ_LC, "31"), (TJ_LC, "211")])
def test_admission_rule_silent_on_light_work_artistic_work_and_hours(ref: str, article: str) -> None:
    assert "C138-A2-admission-below-15" not in rules_on(ref, article)


# -- light work below 13 (C138 Art. 7(1), 7(4)) --------------------------------------------------------------


def test_light_work_from_twelve_flagged() -> None:
    # constructed
    text = ("Статья 11. Легкий труд\nС согласия родителей трудовой договор может быть заключен с лицом, "
            "достигшим возраста двенадцати лет, для выполнения легкого труда.")
    assert fired(text).get("C138-A7-light-work-below-13") == "concern"


def test_light_work_from_twelve_flagged_in_uzbek() -> None:
    # constructed: modifier-letter apostrophe ʼ
    text = ("1-modda. Yengil mehnat\nOʼn ikki yoshga toʼlgan oʼquvchilarni yengil mehnatga qabul qilishga yoʼl "
            "qoʼyiladi.")
    assert fired(text, country="UZ", language="uz-Latn").get("C138-A7-light-work-below-13") == "concern"


@pytest.mark.parametrize(("ref", "article"), [(RU_LC, "63"), (UZ_LC, "118"), (TJ_LC, "21")])
def test_light_work_age_rule_silent_from_fourteen(ref: str, article: str) -> None:
    assert "C138-A7-light-work-below-13" not in rules_on(ref, article)


# -- light work without limits (C138 Art. 7(1), 7(3)) --------------------------------------------------------


def test_light_work_without_conditions_flagged() -> None:
    # constructed
    text = ("Статья 12. Легкий труд подростков\nЛица, достигшие возраста четырнадцати лет, могут привлекаться "
            "к легкому труду по решению работодателя.")
    assert fired(text).get("C138-A7-light-work-without-limits") == "concern"


def test_light_work_without_conditions_flagged_in_uzbek() -> None:
    # constructed
    text = "1-modda. Yengil ish\nOʻn besh yoshga toʻlmagan shaxslar yengil ishlarda ishlashi mumkin."
    assert fired(text, country="UZ", language="uz-Latn").get("C138-A7-light-work-without-limits") == "concern"


@pytest.mark.parametrize(("ref", "article"), [(RU_LC, "63"), (UZ_LC, "118")])
def test_light_work_with_health_and_school_conditions_not_flagged(ref: str, article: str) -> None:
    assert "C138-A7-light-work-without-limits" not in rules_on(ref, article)


def test_light_work_rule_silent_when_schooling_protected() -> None:
    # constructed
    text = ("Статья 13. Легкий труд\nУчащиеся, достигшие четырнадцати лет, могут выполнять легкий труд в "
            "свободное от учебы время.")
    assert "C138-A7-light-work-without-limits" not in fired(text)


# -- hazardous work below 18 (C138 Art. 3) -------------------------------------------------------------------


def test_hazardous_work_ban_stopping_at_sixteen_is_a_conflict() -> None:
    # constructed
    text = ("Статья 14. Запрещенные работы\nЗапрещается применение труда лиц в возрасте до шестнадцати лет на "
            "тяжелых работах и работах с вредными условиями труда.")
    assert fired(text).get("C138-A3-hazardous-work-below-18") == "conflict"


def test_hazardous_work_from_sixteen_flagged_in_uzbek() -> None:
    # constructed
    text = ("1-modda. Zararli ishlar\nOʻn olti yoshga toʻlgan shaxslarni zararli va xavfli ishlarga qabul "
            "qilishga yoʻl qoʻyiladi.")
    assert fired(text, country="UZ", language="uz-Latn").get("C138-A3-hazardous-work-below-18") == "conflict"


@pytest.mark.parametrize(("ref", "article"), [(RU_LC, "265"), (TJ_LC, "208"), (UZ_LC, "412"), (TJ_LC, "217"),
                                              (TJ_LC, "211")])
def test_hazardous_rule_silent_on_bans_at_eighteen_and_family_provisions(ref: str, article: str) -> None:
    assert "C138-A3-hazardous-work-below-18" not in rules_on(ref, article)


def test_hazardous_rule_silent_on_training_from_sixteen() -> None:
    # constructed: Art. 3(3) authorisation from 16 with specific training
    text = ("Статья 15. Производственное обучение\nЛица, достигшие шестнадцати лет, могут выполнять работы с "
            "вредными условиями труда в ходе профессионального обучения под надзором наставника.")
    assert "C138-A3-hazardous-work-below-18" not in fired(text)


def test_hazardous_work_ban_at_sixteen_answered_by_an_under_eighteen_ban_in_another_part() -> None:
    # constructed: under-18 protection is judged on the whole article, not sentence by sentence
    text = ("Статья 14. Запрещенные работы\n1. Запрещается применение труда лиц в возрасте до шестнадцати лет на "
            "тяжелых работах.\n2. Запрещается применение труда лиц моложе восемнадцати лет на работах с вредными "
            "условиями труда и на подземных работах.")
    assert "C138-A3-hazardous-work-below-18" not in fired(text)


def test_hazardous_work_from_fifteen_flagged_in_english() -> None:
    # constructed
    text = "Article 14. Hazardous work\nPersons of 15 years and over may be employed in heavy and hazardous work."
    assert fired(text, language="en").get("C138-A3-hazardous-work-below-18") == "conflict"


# -- minimum age and hazardous-work ban (implements) ---------------------------------------------------------


@pytest.mark.parametrize(("ref", "article"), [(RU_LC, "63"), (TJ_LC, "21"), (UZ_LC, "118"), (UZ_LC, "514")])
def test_minimum_age_of_fifteen_or_sixteen_implements(ref: str, article: str) -> None:
    assert rules_on(ref, article).get("C138-A2-minimum-age") == "implements"


@pytest.mark.parametrize(("ref", "article"), [(RU_LC, "265"), (TJ_LC, "211")])
def test_minimum_age_rule_silent_elsewhere(ref: str, article: str) -> None:
    assert "C138-A2-minimum-age" not in rules_on(ref, article)


@pytest.mark.parametrize(("ref", "article"), [(RU_LC, "265"), (TJ_LC, "208"), (UZ_LC, "412"), (KZ_CH3, "153")])
def test_hazardous_work_ban_at_eighteen_implements(ref: str, article: str) -> None:
    assert rules_on(ref, article).get("C138-A3-hazardous-work-ban") == "implements"


@pytest.mark.parametrize(("ref", "article"), [(RU_LC, "124"), (RU_LC, "268"), (TJ_LC, "211")])
def test_hazardous_work_ban_rule_silent_on_leave_overtime_and_hours(ref: str, article: str) -> None:
    assert "C138-A3-hazardous-work-ban" not in rules_on(ref, article)


# -- C182 Art. 3(b): sexual exploitation protection stopping below 18 ----------------------------------------


def test_child_prostitution_offence_limited_to_sixteen_is_a_concern() -> None:
    # constructed
    text = ("Статья 16. Вовлечение в проституцию\nВовлечение в занятие проституцией лица, не достигшего "
            "шестнадцатилетнего возраста, – наказывается лишением свободы на срок от трех до восьми лет.")
    assert fired(text, kind="criminal code").get("C182-A3b-sexual-exploitation-below-18") == "concern"


def test_child_pornography_offence_limited_to_fourteen_uzbek() -> None:
    # constructed
    text = ("1-modda. Pornografik mahsulot\nOʻn toʻrt yoshga toʻlmagan shaxs tasvirlangan pornografik mahsulotni "
            "tayyorlash — ozodlikdan mahrum qilish bilan jazolanadi.")
    assert fired(text, country="UZ", language="uz-Latn", kind="criminal code").get(
        "C182-A3b-sexual-exploitation-below-18") == "concern"


def test_prostitution_rule_silent_when_all_minors_are_protected() -> None:
    # constructed
    text = ("Статья 17. Вовлечение несовершеннолетнего в проституцию\nВовлечение несовершеннолетнего в занятие "
            "проституцией, в том числе лица, не достигшего шестнадцати лет, – наказывается лишением свободы.")
    assert "C182-A3b-sexual-exploitation-below-18" not in fired(text, kind="criminal code")


def test_prostitution_rule_silent_on_age_of_consent_offences() -> None:
    # constructed: sexual intercourse with a person under 16 (no prostitution or pornography)
    text = ("Статья 18. Половое сношение с лицом, не достигшим шестнадцатилетнего возраста\nПоловое сношение "
            "с лицом, не достигшим шестнадцатилетнего возраста, – наказывается лишением свободы.")
    assert "C182-A3b-sexual-exploitation-below-18" not in fired(text, kind="criminal code")


def test_prostitution_offence_with_a_lower_age_as_aggravation_of_a_minors_part_is_not_flagged() -> None:
    # constructed, in the layout of a criminal code: the under-14 part aggravates a part covering every minor
    text = ("Статья 19. Вовлечение в занятие проституцией\n1. Вовлечение в занятие проституцией – наказывается "
            "штрафом.\n2. То же деяние, совершенное в отношении несовершеннолетнего, – наказывается лишением "
            "свободы.\n3. Деяния, предусмотренные частью второй настоящей статьи, совершенные в отношении лица, не "
            "достигшего четырнадцатилетнего возраста, – наказываются лишением свободы на срок до десяти лет.")
    assert "C182-A3b-sexual-exploitation-below-18" not in fired(text, kind="criminal code")


def test_pornography_offence_limited_to_sixteen_flagged_in_english() -> None:
    # constructed
    text = ("Article 20. Child pornography\nThe production of pornographic material depicting a person under 16 "
            "years of age shall be punished by imprisonment.")
    assert fired(text, language="en", kind="criminal code").get("C182-A3b-sexual-exploitation-below-18") == "concern"


# -- C182 Art. 3: worst forms prohibited (implements) -------------------------------------------------------


@pytest.mark.parametrize(("ref", "article"), [(KZ_LC, "4"), (KZ_CH3, "153")])
def test_worst_forms_prohibition_implements(ref: str, article: str) -> None:
    assert rules_on(ref, article).get("C182-A3-worst-forms-prohibited") == "implements"


def test_involving_a_minor_in_prostitution_implements() -> None:
    # constructed
    text = ("Статья 19. Вовлечение несовершеннолетнего в занятие проституцией\nВовлечение несовершеннолетнего "
            "в занятие проституцией – наказывается лишением свободы.")
    assert fired(text, kind="criminal code").get("C182-A3-worst-forms-prohibited") == "implements"


@pytest.mark.parametrize(("ref", "article"), [(KZ_CH3, "152"), (RU_LC, "265"), (KZ_LC, "6")])
def test_worst_forms_rule_silent_elsewhere(ref: str, article: str) -> None:
    assert "C182-A3-worst-forms-prohibited" not in rules_on(ref, article)


def test_no_child_labour_conflict_or_concern_on_russian_labour_code() -> None:
    assert not [f for f in corpus_findings(RU_LC) if f.kind in ("conflict", "concern")]
