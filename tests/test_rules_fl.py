"""Forced-labour rules (rules/c105-forced-labour.yaml, rules/c029-forced-labour.yaml) on the corpus and on
small constructed texts. Each rule: at least two texts where it must fire and two where it must not.
Constructed examples are marked `# constructed`."""

from __future__ import annotations

import pytest

from .rulesets import KZ_CH3, KZ_LC, RU_LC, TJ_LC, UZ_LC, RuleSet

RS = RuleSet("c105-forced-labour.yaml", "c029-forced-labour.yaml")
RULES = RS.rules
corpus_findings, rules_on, check_text = RS.findings, RS.on, RS.check_text

KZ174 = ["kz/criminal-code-art174@2015-11-13", "kz/criminal-code-art174@2020-06-26",
         "kz/criminal-code-ch04-05-arts160-186-incl-art174@2025-09-16"]
KZ400 = ["kz/criminal-code-arts400-406@2015-11-13", "kz/criminal-code-arts400-406@2023-01-01"]
KZ_CH4 = "kz/criminal-code-ch04-05-arts160-186-incl-art174@2025-09-16"
KZ_CH9 = "kz/criminal-code-ch09-10-arts250-295-1-incl-art274@2025-09-16"
KZ_ADM = "kz/admin-offences-code-ch27-arts457-509-incl-art488@2024-06-16"


fired = RS.fired


# -- C105 Art. 1(a): "inciting social discord" -------------------------------------------------------------


@pytest.mark.parametrize("ref", KZ174)
def test_social_discord_flagged_in_every_edition_with_sanctions_quoted(ref: str) -> None:
    finding = next(f for f in corpus_findings(ref) if f.article == "174" and f.rule_id == "C105-A1a-social-discord")
    assert finding.kind == "conflict" and finding.convention_article == "1(a)"
    quoted = {s.type for s in finding.sanctions if s.compulsory_labour}
    assert {"restriction_of_freedom", "deprivation_of_liberty"} <= quoted
    assert "лишением свободы" in finding.explanation


@pytest.mark.parametrize(("ref", "article"), [(KZ_CH3, "145"), (KZ_CH4, "168"), (KZ_CH4, "175")])
def test_social_discord_silent_on_equality_genocide_and_treason(ref: str, article: str) -> None:
    assert "C105-A1a-social-discord" not in rules_on(ref, article)


def test_social_discord_needs_a_penalty_involving_labour() -> None:
    # constructed: the same offence punished by a fine only
    text = ("Статья 1. Разжигание розни\nДействия, направленные на разжигание социальной розни, – "
            "наказываются штрафом в размере до ста месячных расчетных показателей.")
    assert "C105-A1a-social-discord" not in fired(text, "criminal code")


def test_social_discord_kazakh_stems() -> None:
    # constructed: Kazakh wording, mixed Cyrillic і / Latin i as in adilet.zan.kz texts
    text = ("1-бап. Әлеуметтiк, ұлттық, рулық, нәсiлдік, тектік-топтық немесе дiни алауыздықты қоздыру\n"
            "Әлеуметтік алауыздықты қоздыруға бағытталған қасақана әрекеттер – бас бостандығынан айыруға "
            "жазаланады.")
    assert fired(text, "criminal code", language="kk").get("C105-A1a-social-discord") == "conflict"


def test_insult_of_national_honour_inside_a_kazakh_offence_of_discord_is_that_offence() -> None:
    # constructed: as in Russian ("рознь"), an insult of national honour inside an offence of discord
    # ("алауыздық") is read under the discord rule, not as an insult offence
    text = ("1-бап. Алауыздықты қоздыру\nҰлттық алауыздықты қоздыруға, азаматтардың ұлттық ар-намысын қорлауға "
            "бағытталған қасақана әрекеттер – бас бостандығынан айыруға жазаланады.")
    got = fired(text, "criminal code", language="kk")
    assert got.get("C105-A1a-social-discord") == "conflict" and "C105-A1a-insulting-officials" not in got


# -- C105 Art. 1(a): false information ---------------------------------------------------------------------


def test_false_information_flagged_on_kz_274() -> None:
    assert rules_on(KZ_CH9, "274").get("C105-A1a-false-information") == "conflict"


def test_false_information_matches_inflected_verb_form() -> None:
    # constructed: participle "распространившее", "недостоверные сведения", correctional labour
    text = ("Статья 2. Недостоверные сведения\nЛицо, публично распространившее заведомо недостоверные сведения "
            "об органах власти, – наказывается исправительными работами на срок до одного года.")
    assert fired(text, "criminal code", country="RU").get("C105-A1a-false-information") == "conflict"


@pytest.mark.parametrize(("ref", "article"), [(KZ_CH9, "273"), (KZ_ADM, "495"), (KZ_CH9, "272")])
def test_false_information_silent_on_terror_hoax_false_statements_to_authorities_and_riots(
    ref: str, article: str
) -> None:
    assert "C105-A1a-false-information" not in rules_on(ref, article)


# -- C105 Art. 1(a): assemblies ----------------------------------------------------------------------------


@pytest.mark.parametrize("ref", KZ400)
def test_assembly_offence_flagged_as_conflict(ref: str) -> None:
    assert rules_on(ref, "400").get("C105-A1a-assemblies") == "conflict"


def test_administrative_arrest_for_assemblies_is_a_concern_when_labour_link_unknown() -> None:
    finding = next(f for f in corpus_findings(KZ_ADM) if f.article == "488" and f.rule_id == "C105-A1a-assemblies")
    assert finding.kind == "concern"
    assert any(s.type == "administrative_arrest" and s.compulsory_labour is None for s in finding.sanctions)


@pytest.mark.parametrize(("ref", "article"), [(KZ_CH3, "155"), (KZ_ADM, "488-1"), (KZ_CH9, "263"), (KZ_ADM, "505")])
def test_assembly_rule_silent_on_obstruction_sports_events_and_criminal_meetings(ref: str, article: str) -> None:
    assert "C105-A1a-assemblies" not in rules_on(ref, article)


# -- C105 Art. 1(a): associations ----------------------------------------------------------------------------


@pytest.mark.parametrize("ref", KZ400)
def test_association_offences_flagged(ref: str) -> None:
    assert rules_on(ref, "404").get("C105-A1a-associations") == "conflict"
    assert "C105-A1a-associations" in rules_on(ref, "405")


@pytest.mark.parametrize(("ref", "article"), [(KZ_CH3, "145"), (KZ_CH9, "262"), (KZ_CH9, "263"), (KZ_ADM, "489")])
def test_association_rule_silent_on_criminal_groups_and_fine_only_offences(ref: str, article: str) -> None:
    assert "C105-A1a-associations" not in rules_on(ref, article)


# -- C105 Art. 1(d): strikes -------------------------------------------------------------------------------


@pytest.mark.parametrize("ref", KZ400)
def test_calling_to_continue_a_strike_flagged(ref: str) -> None:
    assert rules_on(ref, "402").get("C105-A1d-strikes") == "conflict"


def test_strike_rule_silent_on_coercion_to_strike() -> None:
    assert "C105-A1d-strikes" not in rules_on(KZ_CH3, "157")


def test_strike_rule_needs_a_penalty_involving_labour() -> None:
    # constructed: participation in an unlawful strike punished by a fine
    text = ("Статья 3. Незаконная забастовка\nУчастие в забастовке, признанной судом незаконной, – "
            "наказывается штрафом в размере до ста месячных расчетных показателей.")
    assert "C105-A1d-strikes" not in fired(text, "criminal code")


def test_strike_rule_uzbek() -> None:
    # constructed: Uzbek, backtick apostrophe, correctional labour
    text = ("1-modda. Ish tashlashda qatnashish\nNoqonuniy deb topilgan ish tashlashda qatnashish — "
            "axloq tuzatish ishlari bilan jazolanadi.")
    assert fired(text, "criminal code", country="UZ", language="uz-Latn").get("C105-A1d-strikes") == "conflict"


# -- C105 Art. 1(a): extremism -----------------------------------------------------------------------------


@pytest.mark.parametrize(("ref", "article"), [(KZ_CH4, "182"), (KZ400[1], "405"), (KZ_CH9, "258")])
def test_extremism_offences_are_concerns(ref: str, article: str) -> None:
    assert rules_on(ref, article).get("C105-A1a-extremism") == "concern"


@pytest.mark.parametrize(("ref", "article"), [(KZ_CH9, "255"), (KZ_CH4, "184")])
def test_extremism_rule_silent_on_terrorism_and_sabotage(ref: str, article: str) -> None:
    assert "C105-A1a-extremism" not in rules_on(ref, article)


# -- C105 Art. 1(a): insulting officials -------------------------------------------------------------------


def test_insulting_a_representative_of_authority_flagged() -> None:
    # constructed: Russian inflection ("оскорбление представителя власти"), compulsory works
    text = ("Статья 319. Оскорбление представителя власти\nПубличное оскорбление представителя власти при "
            "исполнении им своих должностных обязанностей – наказывается обязательными работами на срок до "
            "трехсот шестидесяти часов.")
    assert fired(text, "criminal code", country="RU").get("C105-A1a-insulting-officials") == "conflict"


def test_insulting_the_president_flagged_in_uzbek() -> None:
    # constructed: Uzbek, right single quotation mark as apostrophe
    text = ("1-modda. Prezidentni haqorat qilish\nOʻzbekiston Respublikasi Prezidentini ochiqdan-ochiq haqorat "
            "qilish — axloq tuzatish ishlari bilan jazolanadi.")
    assert fired(text.replace("ʻ", "’"), "criminal code", country="UZ", language="uz-Latn").get(
        "C105-A1a-insulting-officials") == "conflict"


def test_insult_of_a_private_person_punished_by_labour_is_flagged() -> None:
    # constructed: insult of a private person. Issue 15: insult and defamation of anyone, not only of
    # officials, fall under C105 Art. 1(a) when punished by compulsory labour (cf. GT070, defamation).
    text = ("Статья 4. Оскорбление\nОскорбление, то есть унижение чести и достоинства другого лица, – "
            "наказывается исправительными работами.")
    assert fired(text, "criminal code").get("C105-A1a-insulting-officials") == "conflict"


@pytest.mark.parametrize(("ref", "article"), [(KZ_CH9, "294"), (KZ174[1], "174")])
def test_insult_rule_silent_on_vandalism_and_national_dignity(ref: str, article: str) -> None:
    assert "C105-A1a-insulting-officials" not in rules_on(ref, article)


# -- C105 Art. 1(c): labour discipline ---------------------------------------------------------------------


def test_breach_of_labour_discipline_flagged() -> None:
    # constructed: "нарушение трудовой дисциплины" inflected, correctional labour
    text = ("Статья 5. Нарушение трудовой дисциплины\nГрубое нарушение работником трудовой дисциплины, "
            "совершенное неоднократно, – наказывается исправительными работами на срок до двух лет.")
    assert fired(text, "criminal code").get("C105-A1c-labour-discipline") == "conflict"


def test_leaving_work_without_permission_flagged() -> None:
    # constructed: "самовольное оставление работы", deprivation of liberty
    text = ("Статья 6. Самовольное оставление работы\nСамовольное оставление работы работником оборонного "
            "предприятия – наказывается лишением свободы на срок до одного года.")
    assert fired(text, "criminal code").get("C105-A1c-labour-discipline") == "conflict"


def test_labour_discipline_rule_silent_on_breaches_endangering_life() -> None:
    # constructed: breach of discipline causing death (penalties accepted under Art. 1(c))
    text = ("Статья 7. Нарушение трудовой дисциплины на транспорте\nНарушение трудовой дисциплины "
            "работником транспорта, повлекшее по неосторожности смерть человека, – наказывается лишением "
            "свободы на срок до пяти лет.")
    assert "C105-A1c-labour-discipline" not in fired(text, "criminal code")


def test_labour_discipline_rule_silent_on_employers_violations() -> None:
    assert "C105-A1c-labour-discipline" not in rules_on(KZ_CH3, "152")


# -- C105 Art. 1(b): mobilisation of labour ----------------------------------------------------------------


def test_mobilising_students_for_harvest_flagged() -> None:
    # constructed
    text = ("Статья 8. Сельскохозяйственные работы\nМестные исполнительные органы вправе привлекать "
            "студентов и работников бюджетных организаций к уборке хлопка.")
    assert fired(text, "labour code", country="UZ").get("C105-A1b-labour-mobilisation") == "conflict"


def test_mobilisation_flagged_in_uzbek_with_ascii_apostrophe() -> None:
    # constructed: ASCII apostrophe in "qishloq xo'jaligi"
    text = ("1-modda. Mavsumiy ishlar\nHokimliklar fuqarolarni qishloq xo'jaligi ishlariga va paxta "
            "terimiga jalb qilishi mumkin.")
    assert fired(text, "labour code", country="UZ", language="uz-Latn").get("C105-A1b-labour-mobilisation") == "conflict"


def test_mobilisation_rule_silent_on_the_prohibition_of_forced_labour() -> None:
    assert "C105-A1b-labour-mobilisation" not in rules_on(RU_LC, "4")


def test_mobilisation_rule_silent_on_voluntary_work() -> None:
    # constructed
    text = ("Статья 9. Сезонные работы\nСтуденты могут привлекаться к сельскохозяйственным работам только "
            "добровольно, по трудовому договору.")
    assert "C105-A1b-labour-mobilisation" not in fired(text, "labour code")


# -- C029: prohibition, exceptions, leaving employment -------------------------------------------------------


@pytest.mark.parametrize(("ref", "article"), [(RU_LC, "4"), (KZ_LC, "7"), (TJ_LC, "8"), (UZ_LC, "5")])
def test_prohibition_of_forced_labour_implements(ref: str, article: str) -> None:
    assert rules_on(ref, article).get("C029-A1-prohibition") == "implements"


@pytest.mark.parametrize(("ref", "article"), [(RU_LC, "3"), (KZ_LC, "4")])
def test_prohibition_rule_silent_elsewhere(ref: str, article: str) -> None:
    assert "C029-A1-prohibition" not in rules_on(ref, article)


@pytest.mark.parametrize(("ref", "article"), [(RU_LC, "4"), (KZ_LC, "7"), (TJ_LC, "8"), (UZ_LC, "5")])
def test_corpus_exceptions_stay_within_the_convention(ref: str, article: str) -> None:
    found = rules_on(ref, article)
    assert "C029-A2-2c-prison-labour-unsupervised" not in found
    assert "C029-A2-2-exceptions-beyond-convention" not in found


def test_convict_labour_exception_without_supervision_is_a_concern() -> None:
    # constructed
    text = ("Статья 10. Запрещение принудительного труда\nПринудительный труд запрещен.\n"
            "Принудительным трудом не считается работа, выполняемая на основании приговора суда.")
    assert fired(text, "labour code").get("C029-A2-2c-prison-labour-unsupervised") == "concern"


def test_convict_labour_exception_without_supervision_uzbek() -> None:
    # constructed
    text = ("1-modda. Majburiy mehnatni taqiqlash\nMajburiy mehnat taqiqlanadi.\n"
            "Majburiy mehnat sud hukmi boʻyicha bajariladigan ishni oʻz ichiga olmaydi.")
    assert fired(text, "labour code", country="UZ", language="uz-Latn").get(
        "C029-A2-2c-prison-labour-unsupervised") == "concern"


def test_exceptions_for_economic_needs_flagged() -> None:
    # constructed: an exception list with economic and agricultural work
    text = ("Статья 11. Запрещение принудительного труда\nПринудительный труд запрещен.\n"
            "Принудительным трудом не считаются:\nработа, требуемая в условиях чрезвычайных обстоятельств;\n"
            "работа, выполняемая гражданами по решению местных исполнительных органов для нужд экономического "
            "развития региона.")
    assert fired(text, "labour code").get("C029-A2-2-exceptions-beyond-convention") == "conflict"


def test_exceptions_for_hashar_flagged_in_uzbek() -> None:
    # constructed: Uzbek, right quotation mark in "o’z"
    text = ("1-modda. Majburiy mehnat\nMajburiy mehnat taqiqlanadi.\nMajburiy mehnat quyidagilarni o’z ichiga "
            "olmaydi:\nhashar tartibida obodonlashtirish ishlari.")
    assert fired(text, "labour code", country="UZ", language="uz-Latn").get(
        "C029-A2-2-exceptions-beyond-convention") == "conflict"


def test_resignation_only_with_employer_consent_is_a_concern() -> None:
    # constructed
    text = ("Статья 12. Расторжение трудового договора\nРасторжение трудового договора по инициативе работника "
            "допускается только с согласия работодателя.")
    assert fired(text, "labour code").get("C029-A1-leaving-employment") == "concern"


def test_worker_barred_from_resigning_is_a_concern() -> None:
    # constructed
    text = ("Статья 13. Обязательная отработка\nРаботник не вправе расторгнуть трудовой договор по собственному "
            "желанию в течение трех лет после направления на работу.")
    assert fired(text, "labour code").get("C029-A1-leaving-employment") == "concern"


def test_workers_barred_from_leaving_on_their_own_initiative_without_the_employers_consent_is_a_concern() -> None:
    # constructed, in the shape of the decree GT061 names (Belarus: the employer is "наниматель")
    text = ("Статья 1. Трудовые отношения\nРаботники организаций, указанных в приложении, не вправе расторгнуть "
            "трудовой договор по своей инициативе без согласия нанимателя.")
    assert fired(text, None, country="BY").get("C029-A1-leaving-employment") == "concern"


def test_career_soldiers_free_to_leave_only_after_years_of_service_is_a_concern() -> None:
    # constructed, in the shape of the provision GT042 names (a law of no kind the checker knows)
    text = ("Статья 18. Увольнение с военной службы\nВоеннослужащие, проходящие службу по контракту, могут быть "
            "уволены с военной службы по собственному желанию только после истечения десяти лет военной службы.")
    assert fired(text, None, country="KG").get("C029-A1-leaving-employment") == "concern"


@pytest.mark.parametrize(("text", "expected"), [
    # constructed, in English: the shapes of GT042 (career soldiers) and GT061 (consent of the employer)
    ("Career military personnel may be discharged at their own request only after ten years of service.", True),
    ("An employee may terminate the employment contract only with the consent of the employer.", True),
    # constructed traps: notice; the employer's own initiative
    ("An employee may terminate the employment contract by giving two weeks' notice.", False),
    ("The employer may terminate the contract at his own initiative only after a warning.", False),
])
def test_leaving_employment_in_english_translations(text: str, expected: bool) -> None:
    got = fired(f"Article 1. Termination\n{text}", None, country="KG", language="en")
    assert ("C029-A1-leaving-employment" in got) is expected, got


@pytest.mark.parametrize("text", [
    # constructed traps: the employer barred from dismissing; notice the worker gives; a leave after months
    "Наниматель не вправе по своей инициативе расторгнуть трудовой договор с беременной женщиной.",
    "Работник вправе расторгнуть трудовой договор по своей инициативе, предупредив нанимателя за один месяц.",
    "Отпуск по собственному желанию работника предоставляется только после истечения шести месяцев работы.",
])
def test_leaving_employment_rule_silent_on_what_the_employer_may_not_do_and_on_notice(text: str) -> None:
    assert "C029-A1-leaving-employment" not in fired(f"Статья 1. Трудовой договор\n{text}", "labour code",
                                                      country="BY")


@pytest.mark.parametrize(("ref", "article"), [(RU_LC, "80"), (RU_LC, "81"), (TJ_LC, "42"), (UZ_LC, "161")])
def test_leaving_employment_rule_silent_on_termination_articles(ref: str, article: str) -> None:
    assert "C029-A1-leaving-employment" not in rules_on(ref, article)


@pytest.mark.parametrize(("text", "expected"), [
    # constructed: the passive, as English translations put it
    ("Article 1. Mobilisation\nCitizens may be mobilised for agricultural work by decision of the local executive "
     "authority.", True),
    ("Article 1. Harvest\nIn the cotton harvest, employees of state institutions may be involved in agricultural "
     "work.", True),
    # constructed trap: work one takes on freely
    ("Article 1. Voluntary\nCitizens may be involved in agricultural work on a voluntary basis.", False),
])
def test_labour_mobilisation_in_english_passive_wordings(text: str, expected: bool) -> None:
    found = fired(text, "labour code", country="UZ", language="en").get("C105-A1b-labour-mobilisation")
    assert (found == "conflict") is expected


@pytest.mark.parametrize(("text", "expected"), [
    # constructed: the passive in Russian
    ("Статья 1. Привлечение к работам\nГраждане могут привлекаться к сельскохозяйственным работам по решению "
     "местного исполнительного органа.", True),
    ("Статья 1. Уборка хлопка\nРаботники бюджетных организаций привлекаются к уборке хлопка.", True),
    # constructed trap
    ("Статья 1. Добровольно\nГраждане могут привлекаться к сельскохозяйственным работам только добровольно.", False),
])
def test_labour_mobilisation_in_russian_passive_wordings(text: str, expected: bool) -> None:
    found = fired(text, "labour code", country="UZ").get("C105-A1b-labour-mobilisation")
    assert (found == "conflict") is expected


# -- C029 Art. 2(2)(c): convicted persons put to work for private parties -----------------------------------

RU_CEC, KG_CEC = "ru/criminal-executive-code@2023-06-24", "kg/criminal-executive-code@2025-07-31"
PRIVATE = "C029-A2-2c-prison-labour-private-parties"


@pytest.mark.parametrize(("ref", "article"), [
    (RU_CEC, "103"),  # "обязан трудиться" … "в организациях иных организационно-правовых форм"
    (RU_CEC, "60.7"),  # forced works: "привлекаются к труду … у индивидуальных предпринимателей"
    (KG_CEC, "103"),  # "обязаны трудиться" … "организациях иных форм собственности"
    (KG_CEC, "145"),  # disciplinary military unit, same wording
])
def test_compulsory_prison_labour_for_private_enterprises_is_a_concern(ref: str, article: str) -> None:
    assert rules_on(ref, article).get(PRIVATE) == "concern"


@pytest.mark.parametrize(("ref", "article"), [
    (RU_CEC, "50"),  # restriction of liberty: a convicted person's own employment contract
    (RU_CEC, "60.8"),  # transfers within the employer: no obligation to work stated
    (RU_CEC, "173"),  # release: papers handed back, organisations named in passing
    (RU_CEC, "99"),  # food paid by the enterprises employing convicts
    (KG_CEC, "99"),
])
def test_private_prison_labour_rule_silent_on_articles_that_only_name_employers(ref: str, article: str) -> None:
    assert PRIVATE not in rules_on(ref, article)


def test_private_prison_labour_with_consent_is_not_flagged() -> None:
    # constructed: the placement with private employers requires the convicted person's consent
    text = ("Статья 1. Труд осужденных\n1. Осужденные обязаны трудиться на работах, определяемых администрацией.\n"
            "2. Осужденные привлекаются к труду в организациях иных форм собственности только с их письменного согласия.")
    assert PRIVATE not in fired(text, "penal enforcement code", country="KG")


def test_private_prison_labour_flagged_in_english_and_uzbek_wordings() -> None:
    # constructed
    en = "Article 1. Work of prisoners\nConvicted persons shall work and may be put to work in private enterprises."
    uz = ("1-modda. Mahkumlarning mehnati\nMahkumlar mehnatga jalb qilinadi, shu jumladan boshqa mulkchilik "
          "shaklidagi tashkilotlarda.")
    assert fired(en, "penal enforcement code", language="en").get(PRIVATE) == "concern"
    assert fired(uz, "penal enforcement code", country="UZ", language="uz-Latn").get(PRIVATE) == "concern"


def test_private_prison_labour_in_english_when_the_obligation_and_the_placement_are_two_sentences() -> None:
    # constructed, in the shape of an English RU/KG CEC art. 103: the duty to work, then the employers
    text = ("Article 1. Labour of convicts\n1. Every person sentenced to deprivation of liberty is obliged to work in "
            "places and at jobs determined by the administration.\n2. Convicts are employed at state enterprises and "
            "at enterprises of other forms of ownership.")
    consent = ("Article 1. Labour with consent\n1. Convicts are obliged to work.\n2. Convicts may be employed at "
               "private enterprises only with their written consent.")
    assert fired(text, "penal enforcement code", language="en").get(PRIVATE) == "concern"
    assert PRIVATE not in fired(consent, "penal enforcement code", language="en")


def test_private_prison_labour_rule_does_not_read_labour_codes() -> None:
    # constructed: the same words in a labour code are about employers in general
    text = "Статья 1. Т\nОсужденные обязаны трудиться и привлекаются к труду в организациях иных форм собственности."
    assert PRIVATE not in fired(text, "labour code")


# -- P029: offence of using forced labour ------------------------------------------------------------------


def test_forced_labour_offence_implements_protocol() -> None:
    # constructed
    text = ("Статья 127.2. Использование рабского труда\nИспользование труда человека, в отношении которого "
            "другое лицо осуществляет полномочия, присущие праву собственности, – наказывается принудительными "
            "работами.\nИспользование принудительного труда – наказывается лишением свободы.")
    assert fired(text, "criminal code", country="RU").get("P029-A1-forced-labour-offence") == "implements"


def test_trafficking_offence_implements_protocol_in_uzbek() -> None:
    # constructed
    text = "1-modda. Odam savdosi\nOdam savdosi — ozodlikdan mahrum qilish bilan jazolanadi."
    assert fired(text, "criminal code", country="UZ", language="uz-Latn").get(
        "P029-A1-forced-labour-offence") == "implements"


@pytest.mark.parametrize(("ref", "article"), [(KZ_CH3, "152"), (KZ_CH3, "157")])
def test_protocol_rule_silent_on_labour_law_offences(ref: str, article: str) -> None:
    assert "P029-A1-forced-labour-offence" not in rules_on(ref, article)


# -- sanity over the whole corpus ---------------------------------------------------------------------------


def test_inserted_list_items_do_not_break_the_offence() -> None:
    # constructed: Kazakh-style inserted item "1-1)" carrying the offence, penalty after the list
    text = ("Статья 174-1. Публичные призывы\n1. Действия, совершенные:\n1) публично;\n"
            "1-1) с целью разжигания социальной, сословной или религиозной розни;\n2) с использованием сетей "
            "телекоммуникаций, –\nнаказываются ограничением свободы на срок до трех лет.")
    findings = [f for f in check_text(text, "criminal code") if f.rule_id == "C105-A1a-social-discord"]
    assert findings and findings[0].article == "174-1" and findings[0].kind == "conflict"


def test_no_forced_labour_conflict_on_russian_labour_code() -> None:
    assert not [f for f in corpus_findings(RU_LC) if f.kind in ("conflict", "concern")]


# -- C105 Art. 1(a) in English translations of the region's criminal codes --------------------------------

EN_PUNISHED = " shall be punishable by a fine, or by corrective labour for up to two years, or by imprisonment for up to three years."


@pytest.mark.parametrize(("rule", "text", "expected"), [
    # constructed, in the shapes of the provisions GT071, GT072 and GT056 name
    ("C105-A1a-assemblies", "169.1. Organisation of public events in violation of the procedure established by law, "
     "which resulted in serious disruption of public order,", True),
    ("C105-A1a-hooliganism-public-order", "Organisation of group actions that grossly violate public order, or "
     "active participation in such actions,", True),
    ("C105-A1a-hooliganism-public-order", "Active participation in group actions grossly violating public order", True),
    # constructed traps: a company's meeting; violence as the offence; weapons
    ("C105-A1a-assemblies", "Violation of the procedure for holding a general meeting of shareholders", False),
    ("C105-A1a-assemblies", "Organisation of mass riots accompanied by violence and arson during a public event", False),
    ("C105-A1a-hooliganism-public-order", "Group actions that grossly violate public order committed with the use "
     "of weapons", False),
])
def test_english_translations_of_assembly_and_public_order_offences(rule: str, text: str, expected: bool) -> None:
    got = fired(f"Article 1. Offence\n{text}{EN_PUNISHED}", "criminal code", country="AZ", language="en")
    assert (rule in got) is expected, got
