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


# -- leaving one's job: whoever the worker is called, and however the bar is put ------------------------------

VARIANTS_LEAVING = [
    ("ru", "Статья 1. Молодые специалисты\nМолодой специалист обязан отработать не менее двух лет и не может "
     "уволиться до истечения этого срока."),
    ("ru", "Статья 1. Расторжение\nРасторжение трудового договора по желанию работника в период действия контракта "
     "не допускается."),
    ("ru", "Статья 1. Заявление\nЗаявление работника об увольнении может быть оставлено без удовлетворения, если ему "
     "не найдена замена."),
    ("ru", "Статья 1. Контракт\nРаботник, заключивший контракт, лишается права досрочно уволиться."),
    ("ru", "Статья 1. Согласие\nРаботники отрасли вправе уволиться по собственной инициативе исключительно с согласия "
     "нанимателя."),
    ("en", "Article 1. Consent\nTermination of the employment contract on the initiative of the employee is allowed "
     "only upon agreement with the head of the organisation."),
    ("en", "Article 1. Term\nAn employee has no right to quit his job before the end of the term of the contract."),
    ("en", "Article 1. Service\nServicemen are not permitted to retire at their own request until ten years of "
     "service have expired."),
    ("en", "Article 1. Permission\nWorkers cannot leave their jobs without the permission of the local labour "
     "authority."),
]
TRAPS_LEAVING = [
    # notice of reasonable length; the employer barred; a leave from work; what a worker who leaves keeps
    ("ru", "Статья 1. Предупреждение\nРаботник не вправе уволиться до истечения срока предупреждения об увольнении."),
    ("ru", "Статья 1. Отказ\nРаботодатель не вправе отказать в удовлетворении заявления работника об увольнении."),
    ("ru", "Статья 1. Отзыв\nРаботник не может отозвать заявление об увольнении, если на его место приглашен другой "
     "работник."),
    ("en", "Article 1. Pregnancy\nTermination of the employment contract of a pregnant employee at the initiative of "
     "the employer is not permitted."),
    ("en", "Article 1. Leave\nA worker on annual leave may not be recalled to work without his consent."),
    ("en", "Article 1. Wages\nWorkers who terminate their employment contracts shall not lose their accrued wages."),
    ("en", "Article 1. Workplace\nThe employee is not allowed to leave the workplace during working hours without "
     "permission of the supervisor."),
]


@pytest.mark.parametrize(("language", "text"), VARIANTS_LEAVING)
def test_a_bar_on_leaving_ones_job_in_other_words_is_flagged(language: str, text: str) -> None:
    assert LABOUR.fired(text, "labour code", "KZ", language).get("C029-A1-leaving-employment") == "concern"


@pytest.mark.parametrize(("language", "text"), TRAPS_LEAVING)
def test_notice_a_leave_or_the_employers_bar_is_no_bar_on_leaving(language: str, text: str) -> None:
    assert "C029-A1-leaving-employment" not in LABOUR.fired(text, "labour code", "KZ", language)


# -- labour discipline and insults of officials, in other words -----------------------------------------------

VARIANTS_PENAL = [
    ("C105-A1c-labour-discipline", "administrative offences code", "ru", "Статья 1. Неявка\nНеявка на работу без "
     "уважительных причин работников предприятий, выполняющих государственный заказ, влечет административный арест "
     "на срок до десяти суток."),
    ("C105-A1c-labour-discipline", "criminal code", "ru", "Статья 1. Уклонение\nУклонение работника оборонного "
     "предприятия от выполнения трудовых обязанностей карается исправительными работами на срок до одного года."),
    ("C105-A1c-labour-discipline", "criminal code", "ru", "Статья 1. Уход\nСамовольный уход с рабочего места "
     "работника морского судна во время стоянки в порту наказывается исправительными работами."),
    ("C105-A1c-labour-discipline", "administrative offences code", "ru", "Статья 1. Дисциплина\nНарушение "
     "дисциплины труда работниками, заключившими контракт, влечет административный арест на срок до пятнадцати суток."),
    ("C105-A1c-labour-discipline", "criminal code", "en", "Article 1. Truancy\nAbsence from work without valid reasons "
     "by a worker of a state enterprise entails a fine or corrective works for up to two months."),
    ("C105-A1c-labour-discipline", "criminal code", "en", "Article 1. At sea\nFailure to comply with labour discipline "
     "by a member of a ship's crew is punished by arrest or restriction of freedom for up to two years."),
    ("C105-A1c-labour-discipline", "administrative offences code", "en", "Article 1. Abandonment\nUnauthorised "
     "abandonment of work before the expiry of the notice period shall entail correctional labour for up to two months."),
    ("C105-A1a-insulting-officials", "criminal code", "ru", "Статья 1. Президент\nПубличное порочение чести Президента "
     "Республики наказывается исправительными работами на срок до двух лет."),
    ("C105-A1a-insulting-officials", "criminal code", "ru", "Статья 1. Власть\nПубличные высказывания, унижающие "
     "представителя власти, караются исправительными работами либо ограничением свободы на срок до одного года."),
    ("C105-A1a-insulting-officials", "administrative offences code", "ru", "Статья 1. Неуважение\nВыражение в "
     "неприличной форме явного неуважения к органам государственной власти влечет административный арест."),
    ("C105-A1a-insulting-officials", "criminal code", "ru", "Статья 1. Авторитет\nПубличное принижение авторитета "
     "должностного лица наказывается исправительными работами на срок до одного года."),
    ("C105-A1a-insulting-officials", "criminal code", "en", "Article 1. Calumny\nCalumny, that is dissemination of "
     "knowingly false fabrications discrediting the honour of another person, is punishable by correctional work."),
    ("C105-A1a-insulting-officials", "administrative offences code", "en", "Article 1. Official\nHumiliation of the "
     "honour and dignity of an official in the exercise of his duties shall entail administrative arrest."),
]
TRAPS_PENAL = [
    ("C105-A1c-labour-discipline", "criminal code", "en", "Article 1. Coercion\nCoercion of an employee to abandon his "
     "work by threats is punished by correctional labour for up to two years."),
    ("C105-A1c-labour-discipline", "criminal code", "ru", "Статья 1. Понуждение\nПонуждение работника к уходу с "
     "рабочего места под угрозой насилия наказывается исправительными работами."),
    ("C105-A1a-insulting-officials", "criminal code", "ru", "Статья 1. Обращение\nЖестокое или унижающее человеческое "
     "достоинство обращение с осужденным наказывается исправительными работами."),
    ("C105-A1a-insulting-officials", "criminal code", "en", "Article 1. Treatment\nSubjecting a subordinate to "
     "humiliating treatment is punished by correctional labour for up to one year."),
    ("C105-A1a-insulting-officials", "criminal code", "ru", "Статья 1. Хулиганство\nХулиганство, то есть грубое "
     "нарушение общественного порядка, выражающее явное неуважение к обществу, наказывается обязательными работами."),
]


@pytest.mark.parametrize(("rule", "kind", "language", "text"), VARIANTS_PENAL)
def test_a_penalty_for_discipline_or_an_insult_in_other_words_is_flagged(rule: str, kind: str, language: str,
                                                                        text: str) -> None:
    assert RS.fired(text, kind, "KZ", language).get(rule) in ("conflict", "concern")


@pytest.mark.parametrize(("rule", "kind", "language", "text"), TRAPS_PENAL)
def test_coercion_torture_or_hooliganism_is_no_discipline_or_insult_offence(rule: str, kind: str, language: str,
                                                                           text: str) -> None:
    assert RS.fired(text, kind, "KZ", language).get(rule) not in ("conflict", "concern")


# -- a union monopoly and interference in unions' affairs, in other words -------------------------------------

VARIANTS_UNIONS = [
    ("C087-A2-union-monopoly", "ru", "Статья 1. Одна организация\nВ одной организации действует одна первичная "
     "профсоюзная организация."),
    ("C087-A2-union-monopoly", "ru", "Статья 1. Вторая организация\nСоздание второй профсоюзной организации в "
     "организации, где уже действует первичная профсоюзная организация, не допускается."),
    ("C087-A2-union-monopoly", "ru", "Статья 1. Центр\nВсе профсоюзы входят в Национальный центр профсоюзов."),
    ("C087-A2-union-monopoly", "ru", "Статья 1. Представительство\nПраво представлять работников на республиканском "
     "уровне принадлежит исключительно Федерации профсоюзов."),
    ("C087-A2-union-monopoly", "ru", "Статья 1. Вхождение\nОтраслевые профсоюзы подлежат обязательному вхождению в "
     "республиканское объединение профсоюзов."),
    ("C087-A2-union-monopoly", "en", "Article 1. Single union\nOnly a single trade union may be established in one "
     "enterprise."),
    ("C087-A2-union-monopoly", "en", "Article 1. Second union\nThe creation of a second trade union in an organisation "
     "where a trade union already operates is not permitted."),
    ("C087-A3-interference-internal-affairs", "ru", "Статья 1. Съезд\nПрофсоюз обязан уведомить местный "
     "исполнительный орган о проведении съезда и обеспечить присутствие на нем представителя этого органа."),
    ("C087-A3-interference-internal-affairs", "ru", "Статья 1. Контроль\nМинистерство юстиции знакомится с решениями "
     "руководящих органов профсоюза."),
    ("C087-A3-interference-internal-affairs", "ru", "Статья 1. Комиссия\nРешения профсоюза, противоречащие решениям "
     "трехсторонней комиссии, не подлежат исполнению."),
    ("C087-A3-interference-internal-affairs", "ru", "Статья 1. Прокурор\nПрокурор может присутствовать на заседаниях "
     "выборных органов профсоюзов."),
    ("C087-A3-interference-internal-affairs", "ru", "Статья 1. Устав\nУстав профсоюза должен соответствовать "
     "типовому уставу, утвержденному Правительством."),
    ("C087-A3-interference-internal-affairs", "en", "Article 1. Congresses\nRepresentatives of the registering "
     "authority may be present at congresses and conferences of a trade union."),
    ("C087-A3-interference-internal-affairs", "en", "Article 1. Documents\nThe justice authority is entitled to "
     "obtain from the trade union protocols of meetings of its governing bodies."),
]
TRAPS_UNIONS = [
    ("C087-A2-union-monopoly", "ru", "Статья 1. Несколько\nВ одной организации может быть создано несколько первичных "
     "профсоюзных организаций."),
    ("C087-A2-union-monopoly", "ru", "Статья 1. Добровольность\nЧленство в объединении профсоюзов является "
     "добровольным; никто не обязан вступать в объединение профсоюзов."),
    ("C087-A2-union-monopoly", "en", "Article 1. Notice\nThe creation of a second trade union in an organisation shall "
     "be notified to the employer."),
    ("C087-A3-interference-internal-affairs", "ru", "Статья 1. Члены\nЧлены профсоюза вправе присутствовать на "
     "заседаниях выборных органов профсоюза."),
    ("C087-A3-interference-internal-affairs", "ru", "Статья 1. Устав\nРешения профсоюза, противоречащие его уставу, "
     "могут быть отменены съездом."),
    ("C087-A3-interference-internal-affairs", "en", "Article 1. Invitation\nRepresentatives of state bodies may take "
     "part in meetings of the trade union only at its invitation."),
]


@pytest.mark.parametrize(("rule", "language", "text"), VARIANTS_UNIONS)
def test_a_union_monopoly_or_interference_in_other_words_is_flagged(rule: str, language: str, text: str) -> None:
    assert LABOUR.fired(text, "trade union law", "KZ", language).get(rule) in ("conflict", "concern")


@pytest.mark.parametrize(("rule", "language", "text"), TRAPS_UNIONS)
def test_pluralism_members_or_an_invitation_is_no_monopoly_or_interference(rule: str, language: str,
                                                                          text: str) -> None:
    assert LABOUR.fired(text, "trade union law", "KZ", language).get(rule) not in ("conflict", "concern")


# -- children admitted below 15, and prisoners put to work for private parties, in other words -----------------

CHILD_AND_PRISON = RuleSet("c138-c182-child-labour.yaml", "c029-forced-labour.yaml")
ADMISSION, PRISON = "C138-A2-admission-below-15", "C029-A2-2c-prison-labour-private-parties"

VARIANTS_CHILD_PRISON = [
    (ADMISSION, "labour code", "ru", "Статья 1. Подростки\nДопускается прием на работу подростков с 14-летнего "
     "возраста с письменного согласия одного из родителей."),
    (ADMISSION, "labour code", "ru", "Статья 1. Возраст\nЛица в возрасте от четырнадцати до шестнадцати лет могут "
     "приниматься на работу с согласия родителей."),
    (ADMISSION, "labour code", "ru", "Статья 1. Учащиеся\nС учащимися, которым исполнилось четырнадцать лет, может быть "
     "заключен трудовой договор для работы в свободное от учебы время."),
    (ADMISSION, "labour code", "ru", "Статья 1. Моложе\nПрием на работу лиц моложе пятнадцати лет допускается с "
     "согласия одного из родителей или органа опеки."),
    (ADMISSION, "labour code", "ru", "Статья 1. Культура\nВ организациях культуры трудовой договор может заключаться с "
     "детьми с тринадцатилетнего возраста."),
    (ADMISSION, "labour code", "en", "Article 1. Hiring\nPersons who have attained the age of fourteen may be hired with "
     "the written consent of a parent."),
    (ADMISSION, "labour code", "en", "Article 1. Contract\nConclusion of a labour contract with a fourteen-year-old is "
     "allowed with the consent of a parent."),
    (ADMISSION, "labour code", "en", "Article 1. Pupils\nPupils aged 14 may be admitted to jobs in their free time "
     "from study."),
    (PRISON, "penal enforcement code", "ru", "Статья 1. Труд\n1. Осужденные обязаны трудиться.\n2. Труд осужденных "
     "может использоваться на объектах, принадлежащих коммерческим организациям."),
    (PRISON, "penal enforcement code", "ru", "Статья 1. Работа\n1. Каждый осужденный к лишению свободы должен "
     "работать.\n2. Осужденные могут направляться на работы на частные предприятия."),
    (PRISON, "penal enforcement code", "ru", "Статья 1. Трудоустройство\n1. Осужденные обязаны трудиться.\n2. "
     "Трудоустройство осужденных осуществляется в том числе на предприятиях частной формы собственности."),
    (PRISON, "penal enforcement code", "en", "Article 1. Obligation\nConvicts are obliged to perform labour at places "
     "determined by the administration, including at commercial organisations under contracts."),
    (PRISON, "penal enforcement code", "en", "Article 1. Outside\nPersons sentenced to deprivation of liberty are "
     "enlisted to work at private companies situated outside the colony."),
    (PRISON, "penal enforcement code", "en", "Article 1. Employers\nPrisoners are required to work. They may be employed "
     "by private employers on the basis of contracts concluded by the administration."),
]
TRAPS_CHILD_PRISON = [
    (ADMISSION, "labour code", "ru", "Статья 1. Время\nДля работников в возрасте от четырнадцати до шестнадцати лет "
     "устанавливается сокращенная продолжительность рабочего времени."),
    (ADMISSION, "labour code", "ru", "Статья 1. Запрет\nПрием на работу лиц моложе пятнадцати лет не допускается."),
    (ADMISSION, "labour code", "ru", "Статья 1. Испытание\nПри приеме на работу лиц в возрасте от 14 до 18 лет "
     "испытание не устанавливается."),
    (ADMISSION, "labour code", "ru", "Статья 1. Работодатели\nНесовершеннолетние в возрасте от четырнадцати до "
     "восемнадцати лет могут заключать трудовые договоры с работниками с согласия законных представителей."),
    (ADMISSION, "labour code", "en", "Article 1. Younger\nIt is prohibited to employ children who are younger than "
     "fourteen years."),
    (ADMISSION, "labour code", "en", "Article 1. Parents\nThe employment contract of an employee with a child aged 14 "
     "may not be terminated."),
    (PRISON, "penal enforcement code", "ru", "Статья 1. Освобождение\nОсужденные обязаны трудиться. Трудоустройство "
     "осужденных после освобождения, в том числе в частных организациях, осуществляется службой занятости."),
    (PRISON, "penal enforcement code", "en", "Article 1. Institution\nPrisoners shall work. Work shall be provided at "
     "the enterprises of the institution."),
]


@pytest.mark.parametrize(("rule", "kind", "language", "text"), VARIANTS_CHILD_PRISON)
def test_child_admission_or_prison_labour_for_private_parties_in_other_words_is_flagged(
        rule: str, kind: str, language: str, text: str) -> None:
    assert CHILD_AND_PRISON.fired(text, kind, "KZ", language).get(rule) in ("conflict", "concern")


@pytest.mark.parametrize(("rule", "kind", "language", "text"), TRAPS_CHILD_PRISON)
def test_working_time_a_ban_parents_or_work_after_release_is_no_such_flag(rule: str, kind: str, language: str,
                                                                         text: str) -> None:
    assert CHILD_AND_PRISON.fired(text, kind, "KZ", language).get(rule) not in ("conflict", "concern")


# -- penalties for strikes, the strike named in other words ----------------------------------------------------

STRIKE_WORDS = [
    ("criminal code", "ru", "Статья 1. Продолжение\nЛица, бастовавшие после вступления в силу решения суда о признании "
     "забастовки незаконной, наказываются исправительными работами на срок до одного года."),
    ("criminal code", "ru", "Статья 1. Прекращение работы\nОрганизация коллективного прекращения работы работниками "
     "организации в целях выдвижения требований к работодателю наказывается исправительными работами."),
    ("criminal code", "ru", "Статья 1. Подстрекательство\nПодстрекательство работников к прекращению работы в целях "
     "разрешения коллективного трудового спора карается исправительными работами до двух лет."),
    ("criminal code", "ru", "Статья 1. Стачка\nРуководство стачкой, объявленной в нарушение запрета, наказывается "
     "исправительными работами на срок до двух лет."),
    ("criminal code", "ru", "Статья 1. Возглавление\nЛицо, возглавившее забастовку, признанную судом незаконной, "
     "наказывается ограничением свободы на срок до двух лет."),
    ("administrative offences code", "ru", "Статья 1. Объявление\nОбъявление забастовки вопреки запрету, "
     "установленному законом, влечет административный арест на срок до пятнадцати суток."),
    ("criminal code", "ru", "Статья 1. Склонение\nСклонение работников к продолжению забастовки, признанной "
     "незаконной, карается исправительными работами до двух лет."),
    ("criminal code", "en", "Article 1. Calls\nCalling on workers to stop work collectively in violation of the "
     "procedure for resolving collective labour disputes is punishable by corrective labour for up to one year."),
    ("administrative offences code", "en", "Article 1. Walkout\nOrganising a walkout at an enterprise in breach of the "
     "procedure established by law shall entail administrative arrest for up to fifteen days."),
    ("criminal code", "en", "Article 1. Railway\nHolding a strike in railway transport in violation of the law is "
     "punishable by correctional work for up to one year."),
    ("criminal code", "en", "Article 1. Instigation\nInstigation of an unlawful strike is punished by correctional "
     "labour for up to one year."),
]
STRIKE_TRAPS = [
    ("criminal code", "ru", "Статья 1. Выплата\nНарушение работодателем сроков выплаты заработной платы бастующим "
     "работникам наказывается исправительными работами."),
    ("criminal code", "ru", "Статья 1. Увольнение\nНезаконное увольнение работника за участие в стачке наказывается "
     "исправительными работами."),
    ("criminal code", "ru", "Статья 1. Принуждение\nПринуждение работников к прекращению работы путем угрозы насилием "
     "наказывается исправительными работами на срок до двух лет."),
    ("administrative offences code", "en", "Article 1. Wages\nFailure by the employer to pay wages during a work "
     "stoppage caused by the employer shall entail correctional labour."),
    ("criminal code", "en", "Article 1. Dismissal for participation in a lawful strike\nDismissal of a worker by an "
     "official for his participation in a lawful strike is punished by correctional works for up to one year."),
]


@pytest.mark.parametrize(("kind", "language", "text"), STRIKE_WORDS)
def test_a_penalty_for_a_strike_named_in_other_words_is_flagged(kind: str, language: str, text: str) -> None:
    got = RS.fired(text, kind, "KZ", language)
    assert got.get("C105-A1d-strikes") == "conflict" or got.get("C087-A3-penal-sanctions-strike") == "conflict", got


@pytest.mark.parametrize(("kind", "language", "text"), STRIKE_TRAPS)
def test_the_employers_offence_or_a_protected_striker_draws_no_strike_flag(kind: str, language: str, text: str) -> None:
    got = RS.fired(text, kind, "KZ", language)
    assert not {"C105-A1d-strikes", "C087-A3-penal-sanctions-strike"} & set(got), got
