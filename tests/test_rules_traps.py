"""Keyword traps of a whole code: articles with the words of a rule that a careful lawyer would not flag, in
Russian and in the English of translations. Constructed for these tests (helper sessions wrote wordings of
the kind the region's codes use; none is quoted from a real law). Each must draw no conflict or concern from
the rules named."""

from __future__ import annotations

import pytest

from .rulesets import RuleSet

RS = RuleSet("c105-forced-labour.yaml", "c087-freedom-of-association.yaml")

ASSEMBLY = ("C105-A1a-assemblies", "C087-A3-penal-sanctions-assembly")
STRIKE = ("C105-A1d-strikes", "C087-A3-penal-sanctions-strike")

CRIMINAL_TRAPS = [
    # protective offences: obstructing an assembly or a strike, dismissing or intimidating for taking part
    (ASSEMBLY, "ru", "Статья 1. Воспрепятствование\nНезаконное воспрепятствование проведению собрания, митинга или "
     "участию в них, совершенное должностным лицом, наказывается штрафом либо исправительными работами."),
    (ASSEMBLY, "en", "Article 1. Obstruction\nUnlawful hindering of the holding of a meeting, rally or picket, committed "
     "by an official using his official position, is punished by a fine or correctional labour for up to one year."),
    (STRIKE, "ru", "Статья 1. Увольнение\nНезаконное увольнение работника за участие в забастовке, совершенное "
     "должностным лицом, наказывается штрафом либо исправительными работами на срок до одного года."),
    (STRIKE, "en", "Article 1. Dismissal\nDismissal of a worker by an official for his participation in a lawful strike "
     "is punished by a fine or correctional works for up to one year."),
    (STRIKE, "en", "Article 1. Intimidation\nIntimidating workers to make them join or abandon a strike is punished by "
     "correctional labour for up to one year."),
    # a company's or a cooperative's general meeting is no assembly
    (ASSEMBLY, "ru", "Статья 1. Собрание акционеров\nУмышленное нарушение порядка проведения общего собрания "
     "акционеров, повлекшее искажение результатов голосования, наказывается исправительными работами."),
    (ASSEMBLY, "en", "Article 1. General meeting\nViolation of the procedure for holding a general meeting of members of a "
     "housing cooperative, committed to falsify its decision, is punished by a fine or correctional labour."),
    # a criminal or drug-trafficking group is no association of views
    (("C105-A1a-associations",), "en", "Article 1. Drug group\nEstablishing or leading a group engaged in the illegal "
     "trafficking of narcotic drugs is punishable by imprisonment for a term of ten to fifteen years."),
    # false statements for gain, or of a bomb, are no views
    (("C105-A1a-false-information",), "ru", "Статья 1. Манипулирование рынком\nМанипулирование рынком путем "
     "распространения заведомо ложных сведений о товаре наказывается исправительными работами."),
    (("C105-A1a-false-information",), "en", "Article 1. Swindling\nSwindling, that is taking possession of another's "
     "property by disseminating false information, is punished by a fine or correctional labour."),
    (("C105-A1a-false-information",), "en", "Article 1. False report\nSpreading false information about an impending "
     "explosion of a public building is punished by correctional labour for up to two years."),
    # calls to suicide or genocide
    (("C105-A1a-public-calls",), "ru", "Статья 1. Призывы\nПубличные призывы к причинению вреда здоровью "
     "несовершеннолетних наказываются ограничением свободы на срок до трех лет."),
    (("C105-A1a-public-calls",), "en", "Article 1. Suicide\nPublic calls addressed to minors inciting them to commit "
     "suicide are punished by restriction of freedom for up to three years."),
    # extremism with explosives or an attack
    (("C105-A1a-extremism",), "en", "Article 1. Armed group\nCreation of an extremist group for committing acts with "
     "the use of explosives and firearms is punished by imprisonment for ten to twenty years."),
    (("C105-A1a-extremism",), "ru", "Статья 1. Нападение\nНападение на представителя власти по мотивам экстремизма, "
     "повлекшее причинение тяжкого вреда здоровью, наказывается лишением свободы."),
    # a breach of discipline that caused a crash
    (("C105-A1c-labour-discipline",), "ru", "Статья 1. Крушение\nНарушение трудовой дисциплины работником "
     "железнодорожного транспорта, повлекшее крушение поезда, наказывается ограничением свободы."),
    (("C105-A1c-labour-discipline",), "en", "Article 1. Crash\nBreach of labour discipline by a railway traffic employee "
     "which caused a train crash is punished by restriction of freedom for up to three years."),
    # violence from hatred
    (("C105-A1a-social-discord",), "en", "Article 1. Murder\nMurder committed for reasons of national, racial or "
     "religious hatred is punished by imprisonment for twelve to twenty years."),
    # insult as provocation of a murder; a competitor's reputation
    (("C105-A1a-insulting-officials",), "en", "Article 1. Passion\nMurder committed in a state of passion caused by a "
     "grave insult on the part of the deceased is punished by restriction of freedom for up to three years."),
    # hooliganism with a knife
    (("C105-A1a-hooliganism-public-order",), "en", "Article 1. Hooliganism\nHooliganism committed with the use of a knife "
     "or a knuckle-duster is punished by imprisonment for a term of three to seven years."),
]


@pytest.mark.parametrize(("rules", "language", "text"), CRIMINAL_TRAPS)
def test_a_criminal_code_trap_draws_no_flag(rules: tuple[str, ...], language: str, text: str) -> None:
    fired = RS.fired(text, "criminal code", "KZ", language)
    assert not [r for r in rules if fired.get(r) in ("conflict", "concern")], fired


@pytest.mark.parametrize(("rule", "language", "text"), [
    # the assembly offence that names obstruction beside breaking the rules is still one (GT004)
    ("C105-A1a-assemblies", "ru", "Статья 1. Нарушение\nНарушение порядка организации или проведения собрания, "
     "митинга либо воспрепятствование их проведению, а равно участие в незаконных собраниях влечет штраф либо "
     "административный арест."),
    # leading a banned strike beside obstructing an organisation's work (KZ CC art. 401)
    ("C087-A3-penal-sanctions-strike", "ru", "Статья 1. Руководство\nРуководство запрещенной забастовкой, а равно "
     "воспрепятствование работе организации наказывается ограничением свободы на срок до двух лет."),
])
def test_the_exceptions_leave_the_offences_they_are_not_about(rule: str, language: str, text: str) -> None:
    kind = "administrative offences code" if "влечет" in text else "criminal code"
    assert RS.fired(text, kind, "KZ", language).get(rule) in ("conflict", "concern")


LABOUR = RuleSet("c029-forced-labour.yaml", "c087-freedom-of-association.yaml", "c098-collective-bargaining.yaml",
                 "c111-c100-discrimination.yaml", "c138-c182-child-labour.yaml", "c105-forced-labour.yaml")

LAW_TRAPS = [
    # (rule, kind, language, text)
    ("C087-A2-citizenship-condition", "trade union law", "en", "Article 1. Members\nCitizens of the Republic, as well as "
     "aliens and stateless persons working in the Republic, may join trade unions on equal terms."),
    ("C087-A2-citizenship-condition", "trade union law", "ru", "Статья 1. Члены\nКаждый работник независимо от "
     "гражданства вправе вступить в профсоюз."),
    ("C111-A1a-citizens-only", "labour code", "en", "Article 1. Aliens\nAliens and stateless persons working in the "
     "Republic have labour rights equal to those of citizens; discrimination based on citizenship is prohibited."),
    ("C087-A4-suspension-dissolution", "trade union law", "ru", "Статья 1. Ликвидация\nЛиквидация профсоюза производится "
     "только по решению суда, вынесенному по заявлению уполномоченного органа."),
    ("C087-A3-interference-internal-affairs", "trade union law", "ru", "Статья 1. Съезд\nПредставители местного "
     "исполнительного органа вправе присутствовать на съезде профсоюза только по приглашению профсоюза."),
    ("C087-A3-political-activity-ban", "trade union law", "ru", "Статья 1. Защита\nРаботодатель не вправе требовать от "
     "члена профсоюза участия в политической деятельности."),
    ("C087-A3-strike-suspension-executive", "labour code", "ru", "Статья 1. Гарантия\nНикакой орган исполнительной "
     "власти не вправе приостановить или запретить забастовку."),
    ("C087-A3-strike-ban-non-essential", "labour code", "en", "Article 1. Traffic control\nStrikes are prohibited in air "
     "traffic control services and in the dispatching services of railway traffic control."),
    ("C087-A3-strike-ballot-excessive", "labour code", "ru", "Статья 1. Простой\nРаботникам, не участвующим в "
     "забастовке, время простоя оплачивается в размере не менее двух третей тарифной ставки."),
    ("C098-A4-bargaining-bypass-union", "labour code", "en", "Article 1. No union\nElected representatives of the workers "
     "may conduct collective bargaining where no trade union exists in the organisation."),
    ("C098-A1-termination-without-grounds", "labour code", "en", "Article 1. Resignation\nThe employee may terminate the "
     "employment contract at his own initiative without giving reasons by notifying the employer in writing."),
    ("C098-A1-unreasoned-refusal-to-hire", "labour code", "en", "Article 1. Applicant\nA job applicant is not obliged to "
     "explain the reasons for refusing employment offered by the employment service."),
    ("C111-A1a-women-excluded-work", "labour code", "ru", "Статья 1. Равенство\nЗапрещается ограничивать права женщин "
     "при приеме на работу; не допускается использование труда женщин на условиях худших, чем для мужчин."),
    ("C100-A1b-equal-work-only", "labour code", "en", "Article 1. Pay\nEmployees have the right to equal pay for the same "
     "work and for work of comparable worth."),
    ("C105-A1b-labour-mobilisation", "labour code", "ru", "Статья 1. Запрет\nЗапрещается привлечение обучающихся к "
     "сельскохозяйственным работам, не предусмотренным образовательной программой."),
    ("C029-A2-2c-prison-labour-private-parties", "penal enforcement code", "ru", "Статья 1. Запрет\n1. Осужденные "
     "обязаны трудиться.\n2. Осужденные не могут привлекаться к труду у индивидуальных предпринимателей."),
    ("C138-A2-admission-below-15", "labour code", "en", "Article 1. Workshops\nPupils of 14 years may perform work in "
     "school workshops as part of their general education."),
]


@pytest.mark.parametrize(("rule", "kind", "language", "text"), LAW_TRAPS)
def test_a_labour_or_union_law_trap_draws_no_flag(rule: str, kind: str, language: str, text: str) -> None:
    assert LABOUR.fired(text, kind, "KZ", language).get(rule) not in ("conflict", "concern")


def test_a_government_suspending_a_strike_until_a_court_decides_is_still_flagged() -> None:
    # RU LC art. 413(8) in its shape: the court named is no exception to the executive's power
    text = ("Статья 1. Приостановление\nПравительство вправе приостановить забастовку до решения вопроса "
            "соответствующим судом, но не более чем на десять календарных дней.")
    assert LABOUR.fired(text, "labour code", "RU").get("C087-A3-strike-suspension-executive") == "conflict"


# -- the same provisions in other words: variants the rules read (constructed by the helper sessions) --------

VARIANTS = [
    # (rule, kind, language, text)
    ("C105-A1a-assemblies", "criminal code", "ru", "Статья 1. Шествие\n1. Лицо, которое организовало уличное шествие, "
     "не получив на то разрешения местного исполнительного органа, наказывается исправительными работами либо "
     "ограничением свободы на срок до двух лет."),
    ("C105-A1a-assemblies", "criminal code", "ru", "Статья 1. Протест\n1. Публичное выражение протеста путем "
     "проведения голодовки, пикета или иной акции вопреки установленному запрету карается обязательными работами на "
     "срок до двухсот сорока часов либо лишением свободы на срок до двух лет."),
    ("C111-A1a-women-excluded-work", "labour code", "ru", "Статья 1. Вредные условия\n1. Не допускается занятость "
     "женщин на работах с вредными и опасными условиями труда."),
    ("C111-A1a-women-excluded-work", "labour code", "ru", "Статья 1. Перечень\n1. Перечень профессий, в которых "
     "ограничивается применение женского труда, утверждается Правительством."),
    ("C111-A1a-women-excluded-work", "labour code", "en", "Article 1. Jobs closed to women\nEngaging women in jobs "
     "included in the list of heavy work and work with harmful conditions is not allowed."),
    ("C111-A1a-women-excluded-work", "labour code", "en", "Article 1. Weight limits\nEmployers shall not hire women for "
     "work involving lifting and carrying of heavy weights exceeding the limits established for them."),
    ("C087-A3-strike-ban-non-essential", "labour code", "ru", "Статья 1. Ограничение\n1. Работники гражданской авиации "
     "и почтовой службы лишены права на забастовку."),
    ("C087-A3-strike-ban-non-essential", "labour code", "ru", "Статья 1. Нефтегазовая отрасль\n1. Проведение "
     "забастовок на предприятиях нефтегазовой отрасли не допускается."),
    ("C087-A3-strike-ban-non-essential", "labour code", "en", "Article 1. No right to strike\nWorkers of railway "
     "transport and postal services shall have no right to strike."),
    ("C087-A3-strike-ban-non-essential", "labour code", "en", "Article 1. Scope\nThe right to strike does not apply to "
     "employees of public transport and the postal service."),
]


VARIANTS += [
    ("C087-A2-excluded-categories", "trade union law", "ru", "Статья 1. Органы\nСотрудники таможенных органов и "
     "работники налоговой службы не вправе быть членами профессиональных союзов."),
    ("C087-A2-excluded-categories", "trade union law", "ru", "Статья 1. Несовместимость\nЧленство в профсоюзе "
     "несовместимо с должностью судьи или прокурора."),
    ("C087-A2-excluded-categories", "trade union law", "en", "Article 1. Prosecutors\nProsecutors cannot join trade "
     "unions."),
    ("C087-A2-excluded-categories", "trade union law", "en", "Article 1. Law enforcement\nOfficers of internal affairs "
     "bodies, the fire service and the penitentiary system have no right to form or join trade unions."),
]
VARIANTS += [
    ("C105-A1a-social-discord", "criminal code", "ru", "Статья 1. Нетерпимость\n1. Пропаганда нетерпимости по "
     "признаку социальной, национальной или религиозной принадлежности, совершенная публично, наказывается "
     "ограничением свободы на срок до трех лет либо лишением свободы на тот же срок."),
    ("C105-A1a-social-discord", "criminal code", "en", "Article 1. Strife\n1. Deliberate actions aimed at instigating "
     "social, national, tribal, racial, class or religious strife, committed publicly, are punished by restriction "
     "of freedom for a term of up to seven years or imprisonment for the same term."),
    ("C105-A1a-social-discord", "criminal code", "en", "Article 1. Enmity\nActions aimed at inflaming national, racial, "
     "social or religious enmity, committed publicly, are punishable by a fine or by restriction of freedom for up to "
     "three years."),
    ("C105-A1a-false-information", "criminal code", "ru", "Статья 1. Сообщения\n1. Размещение в сети Интернет заведомо "
     "недостоверных сообщений о деятельности государственных органов наказывается исправительными работами либо "
     "ограничением свободы на срок до трех лет."),
    ("C105-A1a-false-information", "criminal code", "en", "Article 1. Rumours\n1. The spreading of knowingly false "
     "rumours that create a danger of violation of public order is punished by a fine or corrective labour, or "
     "restriction of freedom for up to three years."),
    ("C105-A1a-hooliganism-public-order", "criminal code", "ru", "Статья 1. Спокойствие\n1. Умышленные действия, грубо "
     "нарушающие общественное спокойствие и выражающие явное пренебрежение к обществу, наказываются исправительными "
     "работами на срок до двух лет или лишением свободы на срок до трех лет."),
    ("C105-A1a-hooliganism-public-order", "criminal code", "en", "Article 1. Collective actions\n1. Organisation of "
     "collective actions grossly disturbing public order, as well as active participation in them, is punished by a "
     "fine, arrest, restriction of freedom for up to three years or imprisonment for the same term."),
]
VARIANTS += [
    ("C087-A3-political-activity-ban", "trade union law", "en", "Article 1. Politics\nTrade unions are prohibited from "
     "carrying out political activities."),
    ("C087-A3-political-activity-ban", "trade union law", "en", "Article 1. Politics\nPolitical activity of trade unions "
     "is not allowed."),
    ("C087-A3-political-activity-ban", "trade union law", "ru", "Статья 1. Политика\n1. Профсоюзам запрещено "
     "финансировать политические партии."),
    ("C087-A3-political-activity-ban", "trade union law", "ru", "Статья 1. Выборы\n1. Профсоюз не может выдвигать "
     "кандидатов в депутаты представительных органов."),
    ("C087-A4-suspension-dissolution", "trade union law", "en", "Article 1. Suspension\nThe Ministry of Justice shall "
     "have the right to suspend the activities of a public association for up to six months."),
    ("C087-A4-suspension-dissolution", "trade union law", "ru", "Статья 1. Ликвидация\n1. Органы юстиции вправе "
     "ликвидировать профсоюз, систематически нарушающий законодательство."),
    ("C087-A4-suspension-dissolution", "trade union law", "ru", "Статья 1. Прекращение\n1. Профсоюз прекращает "
     "деятельность на основании решения Министерства юстиции в случае нарушения им своего устава."),
]
VARIANTS += [
    ("C087-A5-foreign-affiliation-financing", "trade union law", "ru", "Статья 1. Источники\n1. Профсоюзам "
     "запрещается получать денежные средства и иное имущество от иностранных государств."),
    ("C087-A5-foreign-affiliation-financing", "trade union law", "ru", "Статья 1. Пожертвования\n1. Профсоюзы не "
     "вправе принимать пожертвования из зарубежных источников."),
    ("C087-A5-foreign-affiliation-financing", "trade union law", "en", "Article 1. Foreign sources\nTrade unions are "
     "forbidden to accept money or property from foreign sources."),
    ("C087-A2-citizenship-condition", "trade union law", "ru", "Статья 1. Членство\n1. Членами профсоюза могут быть "
     "лица, имеющие гражданство Узбекистана и осуществляющие трудовую деятельность."),
    ("C087-A2-citizenship-condition", "trade union law", "en", "Article 1. Right to establish\nThe right to establish "
     "trade unions and to join them belongs to Uzbek citizens who are employed under employment contracts."),
]
LAW_TRAPS += [
    ("C087-A2-citizenship-condition", "trade union law", "ru", "Статья 1. Иностранцы\nЧленами профсоюза могут быть "
     "и лица, имеющие гражданство иного государства."),
    # foreign financing of parties and unions banned (another rule's): no ban on a union's own politics
    ("C087-A3-political-activity-ban", "public associations law", "ru", "Статья 1. Основы\nНе допускается "
     "финансирование политических партий и профессиональных союзов иностранными юридическими лицами и гражданами."),

    ("C087-A2-excluded-categories", "trade union law", "en", "Article 1. Armed forces\nServicemen of the armed forces "
     "and officials of the police may not be members of trade unions."),
    ("C087-A2-excluded-categories", "trade union law", "en", "Article 1. Managers\nHeads of organisations who have the "
     "right to hire and dismiss employees shall not be members of trade unions of the employees they manage, but may "
     "form their own organisations."),
]


@pytest.mark.parametrize(("rule", "kind", "language", "text"), VARIANTS)
def test_a_provision_in_other_words_is_flagged(rule: str, kind: str, language: str, text: str) -> None:
    assert LABOUR.fired(text, kind, "KZ", language).get(rule) in ("conflict", "concern")
