"""Provisions the supervisory bodies object to, in words the rules were not written from, and trap articles
with the same words that a careful lawyer would not flag: in Russian and in the English of translations.
Constructed for these tests (helper sessions wrote wordings of the kind the region's codes use; none is
quoted from a real law). Each row: the rules of which one must flag it (or none may), the kind of law, the
language and the text."""

from __future__ import annotations

import pytest

from .rulesets import RuleSet

RULES = RuleSet("c029-forced-labour.yaml", "c087-freedom-of-association.yaml", "c105-forced-labour.yaml",
                "c138-c182-child-labour.yaml", "c111-c100-discrimination.yaml", "c098-collective-bargaining.yaml")
FLAGS = ("conflict", "concern")

LEAVING = ("C029-A1-leaving-employment",)
DISCIPLINE = ("C105-A1c-labour-discipline",)
INSULT = ("C105-A1a-insulting-officials",)
MONOPOLY = ("C087-A2-union-monopoly",)
INTERFERENCE = ("C087-A3-interference-internal-affairs",)
ADMISSION = ("C138-A2-admission-below-15",)
PRISON = ("C029-A2-2c-prison-labour-private-parties",)
STRIKE = ("C105-A1d-strikes", "C087-A3-penal-sanctions-strike")
AUTHORISATION = ("C087-A2-previous-authorisation",)
THRESHOLD = ("C087-A2-membership-threshold",)
TERRITORY = ("C087-A2-territorial-structure",)
ASSOCIATION = ("C105-A1a-associations",)
ARBITRATION = ("C087-A3-compulsory-arbitration",)
EQUAL_WORK = ("C100-A1b-equal-work-only",)
BYPASS = ("C098-A4-bargaining-bypass-union",)
SUSPENSION = ("C087-A3-strike-suspension-executive",)
BALLOT = ("C087-A3-strike-ballot-excessive",)
CALLS = ("C105-A1a-public-calls",)
MOBILISATION = ("C105-A1b-labour-mobilisation",)
ASSEMBLY = ("C087-A3-penal-sanctions-assembly", "C105-A1a-assemblies")
EXTREMISM = ("C105-A1a-extremism",)
EXCLUDED = ("C087-A2-excluded-categories",)
CITIZENSHIP = ("C087-A2-citizenship-condition",)
EXCEPTIONS = ("C029-A2-2-exceptions-beyond-convention",)

VARIANTS: list[tuple[tuple[str, ...], str, str, str]] = []
TRAPS: list[tuple[tuple[str, ...], str, str, str]] = []

# -- leaving one's job: whoever the worker is called, however the bar is put -----------------------------------------
VARIANTS += [
    (LEAVING, "labour code", "ru", "Статья 1. Молодые специалисты\nМолодой специалист обязан отработать не менее "
     "двух лет и не может уволиться до истечения этого срока."),
    (LEAVING, "labour code", "ru", "Статья 1. Расторжение\nРасторжение трудового договора по желанию работника в "
     "период действия контракта не допускается."),
    (LEAVING, "labour code", "ru", "Статья 1. Заявление\nЗаявление работника об увольнении может быть оставлено без "
     "удовлетворения, если ему не найдена замена."),
    (LEAVING, "labour code", "ru", "Статья 1. Контракт\nРаботник, заключивший контракт, лишается права досрочно "
     "уволиться."),
    (LEAVING, "labour code", "ru", "Статья 1. Согласие\nРаботники отрасли вправе уволиться по собственной инициативе "
     "исключительно с согласия нанимателя."),
    (LEAVING, "labour code", "en", "Article 1. Consent\nTermination of the employment contract on the initiative of "
     "the employee is allowed only upon agreement with the head of the organisation."),
    (LEAVING, "labour code", "en", "Article 1. Term\nAn employee has no right to quit his job before the end of the "
     "term of the contract."),
    (LEAVING, "labour code", "en", "Article 1. Service\nServicemen are not permitted to retire at their own request "
     "until ten years of service have expired."),
    (LEAVING, "labour code", "en", "Article 1. Permission\nWorkers cannot leave their jobs without the permission of "
     "the local labour authority."),
]
TRAPS += [
    (LEAVING, "labour code", "ru", "Статья 1. Предупреждение\nРаботник не вправе уволиться до истечения срока "
     "предупреждения об увольнении."),
    (LEAVING, "labour code", "ru", "Статья 1. Отказ\nРаботодатель не вправе отказать в удовлетворении заявления "
     "работника об увольнении."),
    (LEAVING, "labour code", "ru", "Статья 1. Отзыв\nРаботник не может отозвать заявление об увольнении, если на его "
     "место приглашен другой работник."),
    (LEAVING, "labour code", "en", "Article 1. Pregnancy\nTermination of the employment contract of a pregnant "
     "employee at the initiative of the employer is not permitted."),
    (LEAVING, "labour code", "en", "Article 1. Leave\nA worker on annual leave may not be recalled to work without "
     "his consent."),
    (LEAVING, "labour code", "en", "Article 1. Wages\nWorkers who terminate their employment contracts shall not "
     "lose their accrued wages."),
    (LEAVING, "labour code", "en", "Article 1. Workplace\nThe employee is not allowed to leave the workplace during "
     "working hours without permission of the supervisor."),
]

# -- labour discipline and insults of officials ----------------------------------------------------------------------
VARIANTS += [
    (DISCIPLINE, "administrative offences code", "ru", "Статья 1. Неявка\nНеявка на работу без уважительных причин "
     "работников предприятий, выполняющих государственный заказ, влечет административный арест на срок до десяти "
     "суток."),
    (DISCIPLINE, "criminal code", "ru", "Статья 1. Уклонение\nУклонение работника оборонного предприятия от "
     "выполнения трудовых обязанностей карается исправительными работами на срок до одного года."),
    (DISCIPLINE, "criminal code", "ru", "Статья 1. Уход\nСамовольный уход с рабочего места работника морского судна "
     "во время стоянки в порту наказывается исправительными работами."),
    (DISCIPLINE, "administrative offences code", "ru", "Статья 1. Дисциплина\nНарушение дисциплины труда "
     "работниками, заключившими контракт, влечет административный арест на срок до пятнадцати суток."),
    (DISCIPLINE, "criminal code", "en", "Article 1. Truancy\nAbsence from work without valid reasons by a worker of "
     "a state enterprise entails a fine or corrective works for up to two months."),
    (DISCIPLINE, "criminal code", "en", "Article 1. At sea\nFailure to comply with labour discipline by a member of "
     "a ship's crew is punished by arrest or restriction of freedom for up to two years."),
    (DISCIPLINE, "administrative offences code", "en", "Article 1. Abandonment\nUnauthorised abandonment of work "
     "before the expiry of the notice period shall entail correctional labour for up to two months."),
    (INSULT, "criminal code", "ru", "Статья 1. Президент\nПубличное порочение чести Президента Республики "
     "наказывается исправительными работами на срок до двух лет."),
    (INSULT, "criminal code", "ru", "Статья 1. Власть\nПубличные высказывания, унижающие представителя власти, "
     "караются исправительными работами либо ограничением свободы на срок до одного года."),
    (INSULT, "administrative offences code", "ru", "Статья 1. Неуважение\nВыражение в неприличной форме явного "
     "неуважения к органам государственной власти влечет административный арест."),
    (INSULT, "criminal code", "ru", "Статья 1. Авторитет\nПубличное принижение авторитета должностного лица "
     "наказывается исправительными работами на срок до одного года."),
    (INSULT, "criminal code", "en", "Article 1. Calumny\nCalumny, that is dissemination of knowingly false "
     "fabrications discrediting the honour of another person, is punishable by correctional work."),
    (INSULT, "administrative offences code", "en", "Article 1. Official\nHumiliation of the honour and dignity of an "
     "official in the exercise of his duties shall entail administrative arrest."),
]
TRAPS += [
    (DISCIPLINE, "criminal code", "en", "Article 1. Coercion\nCoercion of an employee to abandon his work by threats "
     "is punished by correctional labour for up to two years."),
    (DISCIPLINE, "criminal code", "ru", "Статья 1. Понуждение\nПонуждение работника к уходу с рабочего места под "
     "угрозой насилия наказывается исправительными работами."),
    (INSULT, "criminal code", "ru", "Статья 1. Обращение\nЖестокое или унижающее человеческое достоинство обращение "
     "с осужденным наказывается исправительными работами."),
    (INSULT, "criminal code", "en", "Article 1. Treatment\nSubjecting a subordinate to humiliating treatment is "
     "punished by correctional labour for up to one year."),
    (INSULT, "criminal code", "ru", "Статья 1. Хулиганство\nХулиганство, то есть грубое нарушение общественного "
     "порядка, выражающее явное неуважение к обществу, наказывается обязательными работами."),
]

# -- a union monopoly and interference in unions' affairs ------------------------------------------------------------
VARIANTS += [
    (MONOPOLY, "trade union law", "ru", "Статья 1. Одна организация\nВ одной организации действует одна первичная "
     "профсоюзная организация."),
    (MONOPOLY, "trade union law", "ru", "Статья 1. Вторая организация\nСоздание второй профсоюзной организации в "
     "организации, где уже действует первичная профсоюзная организация, не допускается."),
    (MONOPOLY, "trade union law", "ru", "Статья 1. Центр\nВсе профсоюзы входят в Национальный центр профсоюзов."),
    (MONOPOLY, "trade union law", "ru", "Статья 1. Представительство\nПраво представлять работников на "
     "республиканском уровне принадлежит исключительно Федерации профсоюзов."),
    (MONOPOLY, "trade union law", "ru", "Статья 1. Вхождение\nОтраслевые профсоюзы подлежат обязательному вхождению "
     "в республиканское объединение профсоюзов."),
    (MONOPOLY, "trade union law", "en", "Article 1. Single union\nOnly a single trade union may be established in "
     "one enterprise."),
    (MONOPOLY, "trade union law", "en", "Article 1. Second union\nThe creation of a second trade union in an "
     "organisation where a trade union already operates is not permitted."),
    (INTERFERENCE, "trade union law", "ru", "Статья 1. Съезд\nПрофсоюз обязан уведомить местный исполнительный орган "
     "о проведении съезда и обеспечить присутствие на нем представителя этого органа."),
    (INTERFERENCE, "trade union law", "ru", "Статья 1. Контроль\nМинистерство юстиции знакомится с решениями "
     "руководящих органов профсоюза."),
    (INTERFERENCE, "trade union law", "ru", "Статья 1. Комиссия\nРешения профсоюза, противоречащие решениям "
     "трехсторонней комиссии, не подлежат исполнению."),
    (INTERFERENCE, "trade union law", "ru", "Статья 1. Прокурор\nПрокурор может присутствовать на заседаниях "
     "выборных органов профсоюзов."),
    (INTERFERENCE, "trade union law", "ru", "Статья 1. Устав\nУстав профсоюза должен соответствовать типовому "
     "уставу, утвержденному Правительством."),
    (INTERFERENCE, "trade union law", "en", "Article 1. Congresses\nRepresentatives of the registering authority may "
     "be present at congresses and conferences of a trade union."),
    (INTERFERENCE, "trade union law", "en", "Article 1. Documents\nThe justice authority is entitled to obtain from "
     "the trade union protocols of meetings of its governing bodies."),
]
TRAPS += [
    (MONOPOLY, "trade union law", "ru", "Статья 1. Несколько\nВ одной организации может быть создано несколько "
     "первичных профсоюзных организаций."),
    (MONOPOLY, "trade union law", "ru", "Статья 1. Добровольность\nЧленство в объединении профсоюзов является "
     "добровольным; никто не обязан вступать в объединение профсоюзов."),
    (MONOPOLY, "trade union law", "en", "Article 1. Notice\nThe creation of a second trade union in an organisation "
     "shall be notified to the employer."),
    (INTERFERENCE, "trade union law", "ru", "Статья 1. Члены\nЧлены профсоюза вправе присутствовать на заседаниях "
     "выборных органов профсоюза."),
    (INTERFERENCE, "trade union law", "ru", "Статья 1. Устав\nРешения профсоюза, противоречащие его уставу, могут "
     "быть отменены съездом."),
    (INTERFERENCE, "trade union law", "en", "Article 1. Invitation\nRepresentatives of state bodies may take part in "
     "meetings of the trade union only at its invitation."),
]

# -- children admitted below 15; prisoners put to work for private parties -------------------------------------------
VARIANTS += [
    (ADMISSION, "labour code", "ru", "Статья 1. Подростки\nДопускается прием на работу подростков с 14-летнего "
     "возраста с письменного согласия одного из родителей."),
    (ADMISSION, "labour code", "ru", "Статья 1. Возраст\nЛица в возрасте от четырнадцати до шестнадцати лет могут "
     "приниматься на работу с согласия родителей."),
    (ADMISSION, "labour code", "ru", "Статья 1. Учащиеся\nС учащимися, которым исполнилось четырнадцать лет, может "
     "быть заключен трудовой договор для работы в свободное от учебы время."),
    (ADMISSION, "labour code", "ru", "Статья 1. Моложе\nПрием на работу лиц моложе пятнадцати лет допускается с "
     "согласия одного из родителей или органа опеки."),
    (ADMISSION, "labour code", "ru", "Статья 1. Культура\nВ организациях культуры трудовой договор может заключаться "
     "с детьми с тринадцатилетнего возраста."),
    (ADMISSION, "labour code", "en", "Article 1. Hiring\nPersons who have attained the age of fourteen may be hired "
     "with the written consent of a parent."),
    (ADMISSION, "labour code", "en", "Article 1. Contract\nConclusion of a labour contract with a fourteen-year-old "
     "is allowed with the consent of a parent."),
    (ADMISSION, "labour code", "en", "Article 1. Pupils\nPupils aged 14 may be admitted to jobs in their free time "
     "from study."),
    (PRISON, "penal enforcement code", "ru", "Статья 1. Труд\n1. Осужденные обязаны трудиться.\n2. Труд осужденных "
     "может использоваться на объектах, принадлежащих коммерческим организациям."),
    (PRISON, "penal enforcement code", "ru", "Статья 1. Работа\n1. Каждый осужденный к лишению свободы должен "
     "работать.\n2. Осужденные могут направляться на работы на частные предприятия."),
    (PRISON, "penal enforcement code", "ru", "Статья 1. Трудоустройство\n1. Осужденные обязаны трудиться.\n2. "
     "Трудоустройство осужденных осуществляется в том числе на предприятиях частной формы собственности."),
    (PRISON, "penal enforcement code", "en", "Article 1. Obligation\nConvicts are obliged to perform labour at "
     "places determined by the administration, including at commercial organisations under contracts."),
    (PRISON, "penal enforcement code", "en", "Article 1. Outside\nPersons sentenced to deprivation of liberty are "
     "enlisted to work at private companies situated outside the colony."),
    (PRISON, "penal enforcement code", "en", "Article 1. Employers\nPrisoners are required to work. They may be "
     "employed by private employers on the basis of contracts concluded by the administration."),
]
TRAPS += [
    (ADMISSION, "labour code", "ru", "Статья 1. Время\nДля работников в возрасте от четырнадцати до шестнадцати лет "
     "устанавливается сокращенная продолжительность рабочего времени."),
    (ADMISSION, "labour code", "ru", "Статья 1. Запрет\nПрием на работу лиц моложе пятнадцати лет не допускается."),
    (ADMISSION, "labour code", "ru", "Статья 1. Испытание\nПри приеме на работу лиц в возрасте от 14 до 18 лет "
     "испытание не устанавливается."),
    (ADMISSION, "labour code", "ru", "Статья 1. Работодатели\nНесовершеннолетние в возрасте от четырнадцати до "
     "восемнадцати лет могут заключать трудовые договоры с работниками с согласия законных представителей."),
    (ADMISSION, "labour code", "en", "Article 1. Younger\nIt is prohibited to employ children who are younger than "
     "fourteen years."),
    (ADMISSION, "labour code", "en", "Article 1. Parents\nThe employment contract of an employee with a child aged "
     "14 may not be terminated."),
    (PRISON, "penal enforcement code", "ru", "Статья 1. Освобождение\nОсужденные обязаны трудиться. Трудоустройство "
     "осужденных после освобождения, в том числе в частных организациях, осуществляется службой занятости."),
    (PRISON, "penal enforcement code", "en", "Article 1. Institution\nPrisoners shall work. Work shall be provided "
     "at the enterprises of the institution."),
]

# -- penalties for strikes, the strike named in other words (either strike rule) -------------------------------------
VARIANTS += [
    (STRIKE, "criminal code", "ru", "Статья 1. Продолжение\nЛица, бастовавшие после вступления в силу решения суда о "
     "признании забастовки незаконной, наказываются исправительными работами на срок до одного года."),
    (STRIKE, "criminal code", "ru", "Статья 1. Прекращение работы\nОрганизация коллективного прекращения работы "
     "работниками организации в целях выдвижения требований к работодателю наказывается исправительными работами."),
    (STRIKE, "criminal code", "ru", "Статья 1. Подстрекательство\nПодстрекательство работников к прекращению работы "
     "в целях разрешения коллективного трудового спора карается исправительными работами до двух лет."),
    (STRIKE, "criminal code", "ru", "Статья 1. Стачка\nРуководство стачкой, объявленной в нарушение запрета, "
     "наказывается исправительными работами на срок до двух лет."),
    (STRIKE, "criminal code", "ru", "Статья 1. Возглавление\nЛицо, возглавившее забастовку, признанную судом "
     "незаконной, наказывается ограничением свободы на срок до двух лет."),
    (STRIKE, "administrative offences code", "ru", "Статья 1. Объявление\nОбъявление забастовки вопреки запрету, "
     "установленному законом, влечет административный арест на срок до пятнадцати суток."),
    (STRIKE, "criminal code", "ru", "Статья 1. Склонение\nСклонение работников к продолжению забастовки, признанной "
     "незаконной, карается исправительными работами до двух лет."),
    (STRIKE, "criminal code", "en", "Article 1. Calls\nCalling on workers to stop work collectively in violation of "
     "the procedure for resolving collective labour disputes is punishable by corrective labour for up to one year."),
    (STRIKE, "administrative offences code", "en", "Article 1. Walkout\nOrganising a walkout at an enterprise in "
     "breach of the procedure established by law shall entail administrative arrest for up to fifteen days."),
    (STRIKE, "criminal code", "en", "Article 1. Railway\nHolding a strike in railway transport in violation of the "
     "law is punishable by correctional work for up to one year."),
    (STRIKE, "criminal code", "en", "Article 1. Instigation\nInstigation of an unlawful strike is punished by "
     "correctional labour for up to one year."),
]
TRAPS += [
    (STRIKE, "criminal code", "ru", "Статья 1. Выплата\nНарушение работодателем сроков выплаты заработной платы "
     "бастующим работникам наказывается исправительными работами."),
    (STRIKE, "criminal code", "ru", "Статья 1. Увольнение\nНезаконное увольнение работника за участие в стачке "
     "наказывается исправительными работами."),
    (STRIKE, "criminal code", "ru", "Статья 1. Принуждение\nПринуждение работников к прекращению работы путем угрозы "
     "насилием наказывается исправительными работами на срок до двух лет."),
    (STRIKE, "administrative offences code", "en", "Article 1. Wages\nFailure by the employer to pay wages during a "
     "work stoppage caused by the employer shall entail correctional labour."),
    (STRIKE, "criminal code", "en", "Article 1. Dismissal for participation in a lawful strike\nDismissal of a "
     "worker by an official for his participation in a lawful strike is punished by correctional works for up to one "
     "year."),
]


# -- a union's existence made to wait for the State, its size and its territory -------------------------------------
VARIANTS += [
    (AUTHORISATION, "public associations law", "ru", "Статья 1. Начало\nОбщественное объединение вправе приступить "
     "к деятельности только после его государственной регистрации."),
    (AUTHORISATION, "trade union law", "ru", "Статья 1. Регистрация\nПрофсоюз, не прошедший государственную "
     "регистрацию, не вправе осуществлять какую-либо деятельность."),
    (AUTHORISATION, "trade union law", "ru", "Статья 1. Образование\nОбразование профсоюза осуществляется с согласия "
     "местного исполнительного органа государственной власти."),
    (AUTHORISATION, "trade union law", "ru", "Статья 1. Свидетельство\nПрофсоюз приобретает право осуществлять "
     "уставную деятельность лишь после получения свидетельства, выданного органом юстиции."),
    (AUTHORISATION, "public associations law", "en", "Article 1. Unregistered\nPublic associations that have not "
     "passed state registration are prohibited from carrying out activities."),
    (AUTHORISATION, "trade union law", "en", "Article 1. Capacity\nA trade union acquires the right to carry out its "
     "activity only after its state registration."),
    (AUTHORISATION, "trade union law", "en", "Article 1. Transition\nTrade unions existing on the date of entry into "
     "force of this Law shall be re-registered within one year; trade unions not re-registered within this period "
     "shall be liquidated."),
    (THRESHOLD, "trade union law", "ru", "Статья 1. Национальный профсоюз\nНациональный профсоюз образуется при "
     "наличии свыше ста членов из числа работников отрасли."),
    (THRESHOLD, "trade union law", "ru", "Статья 1. Отраслевой профсоюз\nОтраслевой профсоюз учреждается по "
     "инициативе не менее пятнадцати процентов работников соответствующей отрасли."),
    (THRESHOLD, "public associations law", "ru", "Статья 1. Учредители\nДля регистрации республиканского "
     "общественного объединения необходимо по меньшей мере пятьдесят учредителей."),
    (THRESHOLD, "trade union law", "en", "Article 1. Establishment\nA trade union shall be established by not fewer "
     "than 100 persons."),
    (TERRITORY, "trade union law", "ru", "Статья 1. Отраслевой профсоюз\nОтраслевым признается профсоюз, "
     "организации которого действуют на территории большинства областей."),
    (TERRITORY, "trade union law", "ru", "Статья 1. Региональный профсоюз\nРегиональный профсоюз должен иметь "
     "членские организации не менее чем в пяти районах области."),
    (TERRITORY, "public associations law", "ru", "Статья 1. Статус\nСтатус республиканского получает объединение, "
     "имеющее территориальные подразделения не менее чем в двух третях областей."),
    (TERRITORY, "trade union law", "en", "Article 1. Presence\nA national trade union shall have branches in at least "
     "eight of the fourteen regions."),
    (TERRITORY, "trade union law", "en", "Article 1. Republican\nA republican trade union must have its member "
     "organisations in the majority of regions of the country."),
]
TRAPS += [
    (AUTHORISATION, "trade union law", "ru", "Статья 1. Юридическое лицо\nПрофсоюз приобретает права юридического "
     "лица с момента государственной регистрации; отсутствие регистрации не препятствует его деятельности."),
    (AUTHORISATION, "trade union law", "en", "Article 1. No authorisation\nTrade unions are formed without prior "
     "authorisation. State registration is not a condition for their activity."),
    (THRESHOLD, "labour code", "ru", "Статья 1. Служба охраны труда\nДля организации работы по охране труда в "
     "организации с численностью работников более 50 человек образуется служба охраны труда."),
    (THRESHOLD, "trade union law", "ru", "Статья 1. Условия\nВ организациях, где работают не менее 50 человек, "
     "работодатель создает условия для деятельности профсоюза и предоставляет ему помещение."),
    (THRESHOLD, "trade union law", "ru", "Статья 1. Первичная организация\nПервичная профсоюзная организация "
     "создается при наличии не менее трех членов профсоюза."),
    (TERRITORY, "trade union law", "ru", "Статья 1. Структура\nПрофсоюз вправе иметь членские организации более чем "
     "в половине областей, однако это не является условием его регистрации."),
    (TERRITORY, "trade union law", "en", "Article 1. Congress\nDecisions of the congress are adopted if member "
     "organisations from at least half of the regions represented at the congress voted for them."),
]

# -- penalties for an association's activity; arbitration imposed on a dispute --------------------------------------
VARIANTS += [
    (ASSOCIATION, "criminal code", "ru", "Статья 1. Руководство\nЛицо, возглавляющее не прошедшее государственную "
     "регистрацию общественное объединение, наказывается ограничением свободы на срок до двух лет."),
    (ASSOCIATION, "administrative offences code", "ru", "Статья 1. Деятельность\nОсуществление деятельности от "
     "имени общественного объединения, не зарегистрированного в органах юстиции, влечет административный арест."),
    (ASSOCIATION, "criminal code", "ru", "Статья 1. Партия\nВступление в ряды политической партии, деятельность "
     "которой запрещена, карается исправительными работами до двух лет."),
    (ASSOCIATION, "criminal code", "ru", "Статья 1. Ликвидация\nПродолжение деятельности религиозной организации "
     "после ее ликвидации по решению суда наказывается ограничением свободы на срок до трех лет."),
    (ASSOCIATION, "criminal code", "en", "Article 1. Wound up\nWhoever organises the activity of a political party "
     "which has been wound up by a court decision shall be punishable by arrest or restriction of freedom."),
    (ASSOCIATION, "criminal code", "en", "Article 1. Unregistered\nParticipation in a public association functioning "
     "without being registered with the authorities is punishable by correctional labour for up to two years."),
    (ARBITRATION, "labour code", "ru", "Статья 1. Передача\nУполномоченный орган вправе передать коллективный "
     "трудовой спор на обязательное рассмотрение в трудовой арбитраж без согласия сторон."),
    (ARBITRATION, "labour code", "ru", "Статья 1. Создание\nОбязательный трудовой арбитраж создается вне зависимости "
     "от волеизъявления сторон."),
    (ARBITRATION, "labour code", "ru", "Статья 1. Комиссия\nРешение арбитражной комиссии по коллективному трудовому "
     "спору является обязательным для сторон, и проведение забастовки после его принятия запрещается."),
    (ARBITRATION, "labour code", "en", "Article 1. Referral\nThe Ministry may refer a collective dispute to the "
     "labour arbitration tribunal; its award shall be binding irrespective of the consent of the other party."),
    (ARBITRATION, "labour code", "en", "Article 1. Submission\nIf conciliation fails, the dispute must be submitted "
     "to the compulsory arbitration."),
]
TRAPS += [
    (ASSOCIATION, "criminal code", "ru", "Статья 1. Предпринимательство\nОсуществление деятельности от имени "
     "юридического лица, не зарегистрированного в установленном порядке, наказывается исправительными работами."),
    (ASSOCIATION, "criminal code", "ru", "Статья 1. Банкротство\nПродолжение деятельности организации после ее "
     "ликвидации в связи с банкротством наказывается штрафом или исправительными работами."),
    (ARBITRATION, "labour code", "ru", "Статья 1. Соглашение\nТрудовой арбитраж создается по соглашению сторон; его "
     "решение обязательно, и в период работы арбитража забастовка не допускается, если стороны так договорились."),
    (ARBITRATION, "labour code", "en", "Article 1. Voluntary\nThe parties may by mutual agreement refer their dispute "
     "to arbitration; the award shall be binding on them."),
]

# -- equal pay for the same work only; bargaining handed to bodies beside the union --------------------------------
VARIANTS += [
    (EQUAL_WORK, "labour code", "ru", "Статья 1. Оплата\nОплата труда работников, выполняющих одну и ту же работу, не "
     "может различаться по признаку пола."),
    (EQUAL_WORK, "labour code", "ru", "Статья 1. Аналогичная работа\nРаботодатель обязан выплачивать мужчинам и "
     "женщинам равное вознаграждение за аналогичную работу."),
    (EQUAL_WORK, "labour code", "ru", "Статья 1. Должности\nМужчины и женщины, занятые на одинаковых должностях, "
     "получают равную зарплату."),
    (EQUAL_WORK, "labour code", "en", "Article 1. Identical wages\nEmployees performing the same work are paid "
     "identical wages."),
    (EQUAL_WORK, "labour code", "en", "Article 1. Quality\nEvery employee has the right to equal remuneration for "
     "labour of equal quantity and quality."),
    (BYPASS, "labour code", "ru", "Статья 1. Стороны\nКоллективный договор заключается между работодателем и трудовым "
     "коллективом в лице его совета."),
    (BYPASS, "labour code", "ru", "Статья 1. Представители\nПредставителями работников в коллективных переговорах "
     "являются профессиональные союзы и органы, избранные общим собранием работников."),
    (BYPASS, "labour code", "ru", "Статья 1. Право\nПраво на ведение коллективных переговоров имеет профсоюз либо "
     "уполномоченный трудовым коллективом орган."),
    (BYPASS, "labour code", "en", "Article 1. Minority union\nIf the trade union covers under 50 per cent of the "
     "staff, the general meeting of employees may entrust the representation in bargaining to another "
     "representative."),
    (BYPASS, "labour code", "en", "Article 1. Non-members\nEmployees who are not members of the trade union may "
     "authorise a body elected at their general meeting to conduct collective negotiations alongside the trade "
     "union."),
]
TRAPS += [
    (EQUAL_WORK, "labour code", "ru", "Статья 1. Уровень\nЗаработная плата работника не может быть ниже оплаты "
     "аналогичной работы в других организациях отрасли."),
    (EQUAL_WORK, "labour code", "ru", "Статья 1. Ценность\nРаботодатель обязан обеспечить равную оплату за труд "
     "равной ценности."),
    (EQUAL_WORK, "labour code", "en", "Article 1. Prevailing wages\nVoluntary labour is offered rates of wages not "
     "less favourable than those prevailing in the area for similar work."),
    (BYPASS, "labour code", "ru", "Статья 1. Отсутствие\nПри отсутствии в организации профсоюза интересы работников "
     "при заключении коллективного договора могут представлять представители, избранные на общем собрании "
     "работников."),
    (BYPASS, "labour code", "en", "Article 1. Safety\nThe trade union and the elected representatives of the health "
     "and safety committee shall cooperate in matters of labour protection."),
]

# -- a strike suspended by the executive; a strike ballot counted against the whole staff ---------------------------
VARIANTS += [
    (SUSPENSION, "labour code", "ru", "Статья 1. Отсрочка\nЗабастовка может быть отложена решением Кабинета "
     "Министров на срок до шестидесяти дней."),
    (SUSPENSION, "labour code", "ru", "Статья 1. Перенос\nПо представлению министра труда проведение забастовки "
     "переносится на срок до тридцати дней."),
    (SUSPENSION, "trade union law", "ru", "Статья 1. Указ\nГлава государства своим указом запрещает проведение "
     "забастовок на срок до трех месяцев в интересах экономики."),
    (SUSPENSION, "labour code", "en", "Article 1. Postponement\nThe Cabinet of Ministers has the right to postpone a "
     "strike for up to 30 days."),
    (SUSPENSION, "labour code", "en", "Article 1. Prime Minister\nA strike may be suspended by decision of the Prime "
     "Minister for up to thirty days."),
    (SUSPENSION, "labour code", "en", "Article 1. Order\nThe Minister of Labour may order the suspension of the "
     "strike."),
    (SUSPENSION, "labour code", "en", "Article 1. Economy\nA strike may be declared illegal and stopped by the court "
     "if it damages the interests of the national economy."),
    (BALLOT, "labour code", "ru", "Статья 1. Решение\nРешение о проведении забастовки принимается большинством "
     "работников организации."),
    (BALLOT, "labour code", "ru", "Статья 1. Голоса\nРешение об объявлении забастовки считается принятым, если за "
     "него подано не менее семидесяти пяти процентов голосов работников."),
    (BALLOT, "labour code", "ru", "Статья 1. Две трети\nЗабастовка может быть объявлена, если за нее проголосовали "
     "двумя третями голосов работники предприятия."),
    (BALLOT, "labour code", "en", "Article 1. Three quarters\nA strike is declared if it is supported by not less "
     "than 3/4 of the employees of the organisation."),
    (BALLOT, "labour code", "en", "Article 1. Seventy\nA decision to strike requires the votes of no less than "
     "seventy per cent of the workers of the enterprise."),
    (BALLOT, "labour code", "en", "Article 1. Majority\nA decision on a strike is taken when supported by a majority "
     "of the employees of the enterprise."),
]
TRAPS += [
    (SUSPENSION, "labour code", "ru", "Статья 1. Перечень\nПравительство утверждает перечень организаций, в которых "
     "запрещается проведение забастовок."),
    (SUSPENSION, "labour code", "ru", "Статья 1. Положение\nЗабастовка запрещается в период чрезвычайного положения, "
     "объявленного Президентом."),
    (SUSPENSION, "labour code", "ru", "Статья 1. Прокурор\nПрокурор вправе обратиться в суд с заявлением о признании "
     "забастовки незаконной."),
    (SUSPENSION, "labour code", "en", "Article 1. Court only\nNo executive authority may suspend a strike; a strike may "
     "be declared unlawful only by a court."),
    (BALLOT, "labour code", "ru", "Статья 1. Кворум\nРешение о забастовке принимается простым большинством голосов "
     "участников собрания при кворуме не менее половины работников организации."),
    (BALLOT, "labour code", "en", "Article 1. Quorum\nThe meeting on the declaration of a strike is valid if more "
     "than half of all employees participate, and the decision is adopted by a majority of votes cast."),
]

# -- public calls penalised; labour mobilised for the harvest or the economy -----------------------------------------
VARIANTS += [
    (CALLS, "criminal code", "ru", "Статья 1. Листовки\nПодстрекательство к неисполнению решений государственных "
     "органов посредством распространения листовок карается исправительными работами до двух лет."),
    (CALLS, "criminal code", "ru", "Статья 1. Целостность\nВыступления в средствах массовой информации с призывами "
     "нарушить территориальную целостность Республики наказываются ограничением свободы на срок до трех лет."),
    (CALLS, "criminal code", "en", "Article 1. Integrity\nCalls made publicly, including through the mass media, to "
     "violate the territorial integrity of the Republic are punished by restriction of freedom for up to five years."),
    (CALLS, "criminal code", "en", "Article 1. Change\nPublicly calling for the unconstitutional change of the "
     "existing state system shall be punished by restriction of liberty for up to five years."),
    (CALLS, "criminal code", "en", "Article 1. Disobedience\nPublic exhortations to mass disobedience to the lawful "
     "demands of representatives of the authorities are punishable by correctional works for up to two years."),
    (MOBILISATION, "labour code", "ru", "Статья 1. Полевые работы\nУчащиеся средних специальных учебных заведений "
     "могут быть задействованы в полевых работах в период уборочной кампании."),
    (MOBILISATION, "labour code", "ru", "Статья 1. Население\nТрудоспособное население может мобилизовываться на "
     "посевные работы по решению местного исполнительного органа государственной власти."),
    (MOBILISATION, "administrative offences code", "ru", "Статья 1. Уклонение\nУклонение граждан, привлеченных "
     "решением хокимията к заготовке хлопка, от выхода на работу влечет наложение штрафа."),
    (MOBILISATION, "labour code", "en", "Article 1. Cotton\nHeads of educational institutions shall send pupils and "
     "students to agricultural work for gathering the cotton crop upon the decision of the regional khokimiyat."),
    (MOBILISATION, "labour code", "en", "Article 1. Field work\nLocal authorities may involve the able-bodied "
     "population in seasonal field work, including cotton picking, in the interests of the national economy."),
]
TRAPS += [
    (CALLS, "criminal code", "ru", "Статья 1. Алименты\nПодстрекательство к неисполнению судебного решения о "
     "взыскании алиментов наказывается исправительными работами."),
    (CALLS, "criminal code", "en", "Article 1. Suicide\nPublic exhortations to commit suicide are punished by "
     "imprisonment."),
    (MOBILISATION, "labour code", "en", "Article 1. Courses\nThe employer shall send employees to agricultural "
     "training courses at its own expense."),
    (MOBILISATION, "labour code", "en", "Article 1. Practice\nStudents may be sent to agricultural enterprises for "
     "practical training provided for by the curriculum."),
]

# -- penalties for assemblies, named in other words (either assembly rule) ------------------------------------------
VARIANTS += [
    (ASSEMBLY, "administrative offences code", "ru", "Статья 1. Организатор\nОрганизатор собрания, проведенного без "
     "предварительного уведомления органа власти, подвергается административному аресту на срок до пятнадцати суток."),
    (ASSEMBLY, "administrative offences code", "ru", "Статья 1. Пикетирование\nГражданин, пикетирующий здание "
     "государственного органа без согласования с хокимиятом, подвергается административному аресту."),
    (ASSEMBLY, "criminal code", "ru", "Статья 1. Акция\nПроведение уличной акции протеста работников вопреки решению "
     "органа власти карается исправительными работами на срок до двух лет."),
    (ASSEMBLY, "administrative offences code", "ru", "Статья 1. Под открытым небом\nГраждане, принявшие участие в "
     "собрании, проводимом под открытым небом без уведомления органов власти, подвергаются административному аресту."),
    (ASSEMBLY, "criminal code", "en", "Article 1. March\nPersons who led an unauthorised march through the city centre "
     "are punished by corrective labour for up to one year."),
    (ASSEMBLY, "administrative offences code", "en", "Article 1. Procession\nConducting a street procession without "
     "prior notification of the khokimiyat shall entail administrative arrest for up to fifteen days."),
    (ASSEMBLY, "criminal code", "en", "Article 1. Gathering\nArranging a gathering forbidden by the executive "
     "authority is punishable by correctional work for up to two years."),
    (ASSEMBLY, "administrative offences code", "en", "Article 1. Permission\nTaking part in a meeting, rally or "
     "street procession held without the permission of the khokimiyat shall entail administrative arrest."),
]
TRAPS += [
    (ASSEMBLY, "administrative offences code", "ru", "Статья 1. Кредиторы\nУчастник собрания кредиторов, сообщивший "
     "недостоверные сведения, подвергается административному аресту."),
    (ASSEMBLY, "criminal code", "en", "Article 1. Creditors\nConducting a meeting of the creditors without notice to "
     "the debtor shall entail a fine or correctional labour."),
    (ASSEMBLY, "criminal code", "en", "Article 1. Riots\nOrganisation of mass riots accompanied by pogroms and arson "
     "is punished by imprisonment for a term of five to fifteen years."),
]

# -- a heading alone: the title of a body that an exception took out, or that says something else -------------------
TRAPS += [
    (EXTREMISM, "criminal code", "ru", "Статья 1. Экстремистская группа\nСоздание группы для совершения "
     "террористических актов с применением взрывчатых веществ наказывается исправительными работами."),
    (EXTREMISM, "criminal code", "en", "Article 1. Extremist group for terrorist acts\nCreation of an extremist group "
     "for the purpose of committing terrorist acts with the use of explosives and firearms is punished by "
     "correctional labour."),
]

# -- wordings of a held-out set (constructed by a helper session from the principles alone, never shown the
# rules): what the rules missed there, read now ---------------------------------------------------------------------
VARIANTS += [
    (LEAVING, "labour code", "ru", "Статья 1. Увольнение\nТрудовой договор может быть расторгнут по желанию "
     "работника лишь при наличии согласия нанимателя."),
    (LEAVING, "labour code", "ru", "Статья 1. Отработка\nВыпускник, направленный на работу, не вправе прекратить "
     "трудовые отношения по собственной инициативе в течение трёх лет."),
    (LEAVING, "labour code", "en", "Article 1. Release\nAn employee shall be released from work at his own request "
     "only where the head of the enterprise agrees thereto."),
    (PRISON, "penal enforcement code", "ru", "Статья 1. Труд\n1. Каждый осуждённый обязан трудиться.\n2. "
     "Осуждённые привлекаются к труду в организациях независимо от их организационно-правовых форм и форм "
     "собственности."),
    (PRISON, "penal enforcement code", "ru", "Статья 1. Колонии\n1. Труд лиц, отбывающих наказание, организуется "
     "также у индивидуальных предпринимателей.\n2. Отказ осуждённого от выполнения порученной работы является "
     "злостным нарушением."),
    (PRISON, "penal enforcement code", "en", "Article 1. Work\nPersons serving a sentence of imprisonment shall "
     "perform the work assigned to them. Their labour may be used at enterprises of other forms of ownership."),
    (EXCEPTIONS, "labour code", "en", "Article 1. Compulsory labour\nCompulsory labour shall be prohibited, except "
     "for work performed by order of the administrative authorities for the upkeep of roads."),
    (CITIZENSHIP, "trade union law", "ru", "Статья 1. Понятие\nПрофсоюзом признаётся объединение граждан Республики, "
     "работающих по найму."),
    (CITIZENSHIP, "trade union law", "ru", "Статья 1. Члены\nЧленами профессиональных союзов могут быть лица, "
     "состоящие в гражданстве государства."),
    (EXCLUDED, "trade union law", "ru", "Статья 1. Несовместимость\nНахождение на службе в таможенных органах "
     "несовместимо с членством в профсоюзе."),
    (EXCLUDED, "trade union law", "en", "Article 1. Judges\nJudges and officials of the Accounts Chamber may not be "
     "members of political parties or of trade unions."),
    (THRESHOLD, "labour code", "ru", "Статья 1. Треть\nПервичная профсоюзная организация вправе действовать, если в "
     "неё вступило не менее одной трети работников этой организации."),
    (THRESHOLD, "trade union law", "en", "Article 1. Thousand\nA trade union shall be registered if it unites one "
     "thousand or more members."),
    (AUTHORISATION, "trade union law", "ru", "Статья 1. Регистрация\nПрофсоюз, не зарегистрированный в порядке, "
     "установленном законодательством, не вправе осуществлять какую-либо деятельность."),
    (AUTHORISATION, "trade union law", "ru", "Статья 1. Согласие\nПрофессиональный союз образуется с согласия "
     "местного исполнительного органа."),
    (AUTHORISATION, "trade union law", "en", "Article 1. Permit\nA trade union may begin its activities only after "
     "a permit has been issued by the relevant executive authority."),
    (MONOPOLY, "labour code", "ru", "Статья 1. Наниматель\nУ одного нанимателя действует одна первичная профсоюзная "
     "организация; создание в той же организации другой профсоюзной организации не допускается."),
    (MONOPOLY, "trade union law", "en", "Article 1. Federation\nSectoral trade unions shall be members of the "
     "Federation of Trade Unions."),
    (ARBITRATION, "labour code", "en", "Article 1. Conciliation\nWhere conciliation fails, the executive authority "
     "shall refer the collective labour dispute to the Labour Arbitration Board, whose award shall be binding."),
    (INTERFERENCE, "trade union law", "ru", "Статья 1. Отчёт\nПрофессиональный союз по требованию органа юстиции "
     "представляет решения своих руководящих органов и протоколы собраний."),
    (INTERFERENCE, "trade union law", "en", "Article 1. Tripartite\nTrade unions shall bring the decisions of their "
     "bodies into conformity with the decisions of the Republican Tripartite Commission."),
    (SUSPENSION, "labour code", "en", "Article 1. Economy\nWhere a strike threatens the national economy, the Cabinet "
     "of Ministers may postpone it for up to forty-five days."),
    (BYPASS, "labour code", "en", "Article 1. Elected\nThe employer may conclude the collective agreement with "
     "representatives elected at a general meeting even where a trade union operates in the enterprise."),
    (INSULT, "criminal code", "en", "Article 1. Head of State\nPublicly degrading the honour and dignity of the "
     "President is punished by correctional labour for up to two years."),
    (MOBILISATION, "administrative offences code", "ru", "Статья 1. Заготовка\nУклонение гражданина от работ по "
     "заготовке сельскохозяйственной продукции, на которые он направлен решением хякимлика, влечёт административный "
     "арест."),
    (MOBILISATION, "labour code", "en", "Article 1. Agriculture\nAn employer may, by decision of the district "
     "administration, assign employees to agricultural work outside their employment contract."),
    (ADMISSION, "labour code", "ru", "Статья 1. Несовершеннолетние\nТрудовой договор может быть заключён с лицом, "
     "достигшим 14-летнего возраста, для работы в свободное от учёбы время."),
]
TRAPS += [
    # GT079: Georgia's minimum, once lowered to 25, resolved the finding
    (THRESHOLD, "trade union law", "en", "Article 1. Formation\nA trade union is formed where it unites 25 or more "
     "workers of one profession."),
    (ASSEMBLY, "criminal code", "en", "Article 1. Disorder\nOrganising mass disorder accompanied by violence and "
     "arson in the course of a meeting or demonstration shall be punished by imprisonment for four to ten years."),
    (ASSEMBLY, "criminal code", "ru", "Статья 1. Ложная информация\nРаспространение заведомо ложной информации, "
     "совершенное при проведении публичных мероприятий, наказывается исправительными работами."),
]

@pytest.mark.parametrize(("rules", "kind", "language", "text"), VARIANTS)
def test_a_provision_in_other_words_is_flagged(rules: tuple[str, ...], kind: str, language: str, text: str) -> None:
    got = RULES.fired(text, kind, "KZ", language)
    assert any(got.get(rule) in FLAGS for rule in rules), got


@pytest.mark.parametrize(("rules", "kind", "language", "text"), TRAPS)
def test_a_trap_in_the_same_words_draws_no_flag(rules: tuple[str, ...], kind: str, language: str, text: str) -> None:
    got = RULES.fired(text, kind, "KZ", language)
    assert not any(got.get(rule) in FLAGS for rule in rules), got


def test_an_offence_aggravated_at_public_events_is_no_assembly_offence() -> None:
    # KZ CC art. 274(4)(2): false information spread "при проведении публичных мероприятий"
    got = RULES.on("kz/criminal-code-ch09-10-arts250-295-1-incl-art274@2025-09-16", "274")
    assert got.get("C105-A1a-false-information") == "conflict"
    assert not {"C105-A1a-assemblies", "C087-A3-penal-sanctions-assembly"} & set(got), got
