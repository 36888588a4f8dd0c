"""C087 / C098 / C135 rules as concepts: they must fire on the provisions the ILO supervisory bodies flagged,
in any wording (ru, kk, uz-Latn, en), and stay silent on protective articles and keyword traps.

Real wordings come from the corpus (document id + article); the codes the findings concern but that are not
in the corpus (Kyrgyz, Tajik, Turkmen, Azerbaijani, Georgian laws) are paraphrased in constructed texts,
each marked `# constructed` with the comment id (GTnnn) of ../shared/supervisory/comments.jsonl it stands
for, or the supervisory principle it applies where no comment in that file covers it.
"""

from __future__ import annotations

import pytest

from .rulesets import RU_LC, RuleSet

RS = RuleSet("c087-freedom-of-association.yaml", "c098-collective-bargaining.yaml",
             "c135-c151-c154-representation.yaml", "c105-forced-labour.yaml")

SEC3_19 = "kz/labour-code-sec003-social-partnership-disputes-strikes@2019-11-26"
SEC3_24 = "kz/labour-code-sec003-social-partnership-disputes-strikes@2024-06-16"
LC24 = "kz/labour-code-arts167-178@2024-06-16"
TU23 = "kz/trade-unions-law@2023-04-18"
PA = "kz/public-associations-law@2023-12-21"
TJ_LC = "tj/labour-code@2026-06-17"

# Rules whose concept tests live in this file (test_rules_foa.test_every_rule_of_these_files_is_tested).
CONCEPT_IDS = (
    "C087-A3-strike-restriction-open-ended", "C087-A3-minimum-service-by-authority", "C087-A2-union-monopoly",
    "C087-A2-residence-condition", "C087-A3-union-office-ban",
)


def fired(text: str, kind: str = "labour code", country: str = "KG", language: str = "ru") -> dict[str, str]:
    return RS.fired(text, kind, country, language)


# -- real wordings: (rule, document, article, fires?) -----------------------------------------------------

CORPUS = [
    ("C087-A3-strike-ballot-excessive", SEC3_24, "164", True),  # two thirds of the workers approve demands
    ("C087-A3-strike-ballot-excessive", RU_LC, "410", False),  # quorum of half the workforce, majority of those present
    ("C087-A3-strike-ballot-excessive", RU_LC, "399", False),  # two thirds of elected delegates at a conference
    ("C087-A3-minimum-service-by-authority", RU_LC, "412", True),  # failing agreement, the regional executive sets it
    ("C087-A3-minimum-service-by-authority", RU_LC, "410", False),  # the strike body proposes the minimum
    ("C087-A3-minimum-service-by-authority", SEC3_24, "176", False),  # set on a prior agreement with the executive
    ("C087-A3-strike-restriction-open-ended", RU_LC, "413", True),  # "может быть ограничено федеральным законом"
    ("C087-A3-strike-restriction-open-ended", RU_LC, "409", False),  # the right to strike, recognised
    ("C087-A3-strike-ban-non-essential", RU_LC, "413", True),  # railway, aviation, communications
    ("C087-A3-strike-ban-non-essential", SEC3_24, "176", True),  # transport, communications
    ("C087-A3-strike-suspension-executive", RU_LC, "413", True),  # the Government may suspend a strike
    ("C087-A3-strike-suspension-executive", RU_LC, "412", False),  # a court, when the minimum service fails
    ("C098-A4-bargaining-bypass-union", TJ_LC, "301", True),  # "объединений профсоюзов, других представителей"
    ("C098-A4-bargaining-bypass-union", TJ_LC, "306", True),  # "профессиональный союз или иной представитель"
    ("C098-A4-bargaining-bypass-union", TJ_LC, "107", False),  # leave schedule agreed with "union or others"
    ("C098-A4-bargaining-bypass-union", TJ_LC, "356", False),  # OSH committees: consultation, not bargaining
    ("C098-A4-bargaining-bypass-union", RU_LC, "29", False),  # others only "в случаях, предусмотренных"
    ("C098-A4-bargaining-bypass-union", RU_LC, "31", False),  # others where no union has a majority; no obstacle
    ("C087-A2-union-monopoly", TU23, "4", False),  # the number of unions is not limited
    ("C087-A2-union-monopoly", RU_LC, "37", False),  # a single representative body of several unions
    ("C087-A3-union-office-ban", TU23, "3", False),  # employers' representatives kept out of union bodies
    ("C087-A3-union-office-ban", PA, "11", False),  # judges not members: another rule (excluded categories)
    ("C087-A2-residence-condition", TU23, "3", False),  # foreigners covered by the law: protective
]

# Protective and keyword-trap articles of the Russian Labour Code: no C087/C098 conflict or concern.
RU_PROTECTIVE = ["414", "415", "405", "3", "64", "370", "374", "376", "377", "378"]


@pytest.mark.parametrize(("rule_id", "ref", "article", "expected"), CORPUS, ids=[f"{r}|{d}|{a}" for r, d, a, _ in CORPUS])
def test_rule_on_real_wording(rule_id: str, ref: str, article: str, expected: bool) -> None:
    got = RS.on(ref, article)
    assert (rule_id in got) is expected, f"{rule_id} on {ref} art. {article}: {got}"


@pytest.mark.parametrize("article", RU_PROTECTIVE)
def test_protective_articles_of_the_russian_labour_code_are_not_flagged(article: str) -> None:
    got = {r: k for r, k in RS.on(RU_LC, article).items() if k in ("conflict", "concern")}
    assert got == {}, f"RU LC art. {article}: {got}"


# -- constructed wordings of supervisory findings -----------------------------------------------------------

FLAGGED = [
    # (rule, language, text, comment id or principle)
    ("C087-A3-strike-ballot-excessive", "ru",  # constructed after KG LC s. 437 (GT035)
     "Статья 437. Решение об объявлении забастовки\nРешение об объявлении забастовки принимается собранием "
     "работников, если на нем присутствует не менее двух третей от общего числа работников (делегатов)."),
    ("C087-A3-strike-ballot-excessive", "ru",  # constructed (GT035, majority of the whole workforce)
     "Статья 1. Голосование\nРешение о проведении забастовки считается принятым, если за него проголосовало "
     "не менее половины от общего числа работников организации."),
    ("C087-A3-strike-ballot-excessive", "ru",  # constructed (GT035, figures)
     "Статья 1. Забастовка\nЗабастовка объявляется, если ее поддержали 2/3 работников коллектива."),
    ("C087-A3-strike-ballot-excessive", "ru",  # constructed (GT035, majority of all workers)
     "Статья 1. Забастовка\nРешение о забастовке принимается большинством голосов от общего числа работников."),
    ("C087-A3-strike-ballot-excessive", "en",  # constructed (GT035)
     "Article 1. Strike ballot\nA strike may be called only if it is supported by a majority of all the "
     "workers of the undertaking."),
    ("C087-A3-strike-ballot-excessive", "uz-Latn",  # constructed (GT035)
     "1-modda. Ish tashlash\nIsh tashlash toʻgʻrisidagi qaror xodimlarning kamida uchdan ikki qismi ovoz "
     "bergan taqdirda qabul qilingan hisoblanadi."),
    ("C087-A3-strike-ballot-excessive", "kk",  # constructed (GT035)
     "1-бап. Ереуіл\nЕреуіл туралы шешімге жұмыскерлердің кемінде үштен екісі дауыс берсе, шешім "
     "қабылданды деп есептеледі."),
    ("C087-A3-strike-ban-non-essential", "ru",  # constructed after AZ LC s. 281 (GT074)
     "Статья 281. Запрещение забастовок\nЗабастовки не допускаются на железнодорожном транспорте и в "
     "гражданской авиации."),
    ("C087-A3-strike-ban-non-essential", "ru",  # constructed after GE LC s. 51(2) (GT080)
     "Статья 51. Ограничение забастовки\nЗабастовка не допускается на работах, где технологический процесс "
     "не может быть приостановлен."),
    ("C087-A3-strike-ban-non-essential", "en",  # constructed (GT074)
     "Article 1. Strikes\nEmployees of railway transport and postal services may not strike."),
    ("C087-A3-strike-restriction-open-ended", "ru",  # constructed (principle: restrictions by law; GT080)
     "Статья 1. Право на забастовку\nПраво на забастовку может быть ограничено законом."),
    ("C087-A3-strike-restriction-open-ended", "ru",  # constructed (principle: security grounds)
     "Статья 1. Ограничения\nЗабастовки запрещаются в интересах национальной безопасности."),
    ("C087-A3-strike-restriction-open-ended", "en",  # constructed
     "Article 1. Limits\nThe right to strike may be restricted by law."),
    ("C087-A3-minimum-service-by-authority", "ru",  # constructed after KG LC s. 437 (GT036)
     "Статья 1. Минимум работ\nПри недостижении соглашения минимум необходимых работ на период забастовки "
     "определяется местным исполнительным органом."),
    ("C087-A3-minimum-service-by-authority", "ru",  # constructed (GT036, authority alone)
     "Статья 1. Минимальные услуги\nМинимальный перечень услуг на период забастовки утверждается "
     "Правительством."),
    ("C087-A3-minimum-service-by-authority", "en",  # constructed (GT036)
     "Article 1. Minimum service\nThe minimum service during a strike shall be determined by the ministry."),
    ("C087-A3-strike-suspension-executive", "ru",  # constructed (principle: suspension by the executive)
     "Статья 1. Приостановление\nМестный исполнительный орган вправе приостановить забастовку на срок до "
     "тридцати дней."),
    ("C087-A3-strike-suspension-executive", "ru",  # constructed (principle: court on broad grounds)
     "Статья 1. Отложение\nСуд вправе отложить забастовку в интересах национальной безопасности."),
    ("C098-A4-bargaining-bypass-union", "ru",  # constructed after GT013 (another representative body)
     "Статья 1. Стороны\nКоллективные переговоры ведут профсоюз или иной представительный орган работников."),
    ("C098-A4-bargaining-bypass-union", "uz-Latn",  # constructed after GT013, UZ wording
     "1-modda. Jamoa shartnomasi\nJamoa shartnomasi kasaba uyushmasi yoki xodimlarning boshqa vakillik "
     "organi bilan tuziladi."),
    ("C098-A4-bargaining-bypass-union", "en",  # constructed after GT013
     "Article 1. Parties\nCollective agreements are concluded by the trade union or another representative "
     "body of the workers."),
    ("C087-A2-union-monopoly", "ru",  # constructed (principle: monopoly, CFA Compilation paras 475-501)
     "Статья 1. Федерация\nФедерация профсоюзов является единственным представителем работников на "
     "республиканском уровне."),
    ("C087-A2-union-monopoly", "ru",  # constructed (one union per undertaking)
     "Статья 1. Первичная организация\nВ организации может быть создана только одна первичная профсоюзная "
     "организация."),
    ("C087-A2-union-monopoly", "en",  # constructed
     "Article 1. Unity\nAll trade unions shall be affiliated to the national trade union federation."),
    ("C087-A2-union-monopoly", "uz-Latn",  # constructed
     "1-modda. Federatsiya\nKasaba uyushmalari federatsiyasi yagona kasaba uyushma markazi hisoblanadi."),
    ("C087-A2-residence-condition", "ru",  # constructed after GT037 (officers citizens only)
     "Статья 1. Руководители\nРуководителем профсоюза может быть только гражданин Кыргызской Республики."),
    ("C087-A2-residence-condition", "ru",  # constructed after GT019/GT029 (residence of founders)
     "Статья 1. Учредители\nУчредителями профсоюза могут быть лица, постоянно проживающие на территории "
     "республики."),
    ("C087-A2-residence-condition", "en",  # constructed after GT029
     "Article 1. Founders\nFounders of a trade union must be citizens of the Republic."),
    ("C087-A3-union-office-ban", "ru",  # constructed after GT021 (additional penalty)
     "Статья 1. Присвоение\n4. Деяния, совершенные лицом, занимающим руководящую должность в общественном "
     "объединении, – наказываются лишением свободы с пожизненным лишением права занимать должности в "
     "общественных объединениях."),
    ("C087-A3-union-office-ban", "en",  # constructed after GT021
     "Article 1. Eligibility\nPersons convicted of any offence may not be elected to trade union bodies."),
    ("C087-A3-interference-internal-affairs", "ru",  # constructed after TJ LPA ss. 25, 34 (GT045)
     "Статья 25. Контроль\nРегистрирующий орган вправе направлять своих представителей для участия в "
     "мероприятиях, проводимых общественным объединением."),
    ("C087-A3-interference-internal-affairs", "ru",  # constructed after TM LTU s. 16(2) (GT053)
     "Статья 16. Отчетность\nОрган юстиции вправе запрашивать решения руководящих органов профсоюза."),
    ("C087-A3-interference-internal-affairs", "en",  # constructed after TM LTU s. 16(2) (GT053)
     "Article 16. Reporting\nTrade unions shall submit to the Ministry of Justice, at its request, the decisions "
     "of their governing bodies and reports on their activities."),
    ("C087-A3-interference-internal-affairs", "en",  # constructed after TJ LPA ss. 25, 34 (GT045)
     "Article 25. Control\nThe registering authority may send its representatives to attend events held by "
     "public associations."),
]


@pytest.mark.parametrize(("rule_id", "language", "text"), FLAGGED, ids=[f"{r}|{i}" for i, (r, _, _) in enumerate(FLAGGED)])
def test_supervisory_finding_in_fresh_wording_is_flagged(rule_id: str, language: str, text: str) -> None:
    kind = "criminal code" if "наказываются" in text else ("trade union law" if "профсоюз" in text and "забастов" not in text else "labour code")
    assert rule_id in fired(text, kind=kind, language=language)


NOT_FLAGGED = [
    # (text, kind, why)
    ("Статья 1. Решение о забастовке\nСобрание считается правомочным, если на нем присутствует не менее "
     "половины от общего числа работников. Решение считается принятым, если за него проголосовало "
     "большинство присутствующих.", "labour code"),  # constructed: quorum of half, majority of votes cast
    ("Статья 1. Конференция\nКонференция по вопросу о забастовке правомочна, если на ней присутствует не "
     "менее двух третей избранных делегатов.", "labour code"),  # constructed: delegates, not workers
    ("Статья 1. Запрещение забастовок\nЗабастовки не допускаются в больницах, на объектах электроснабжения и "
     "водоснабжения, а также в службах управления воздушным движением.", "labour code"),  # constructed: essential in the strict sense
    ("Статья 1. Забастовка\nЗабастовка не допускается в связи с требованиями, не относящимися к трудовым "
     "отношениям.", "labour code"),  # constructed: "в связи с" is not communications
    ("Статья 415. Запрещение локаута\nЛокаут, то есть увольнение работников по инициативе работодателя в "
     "связи с их участием в коллективном трудовом споре или в забастовке, запрещается.", "labour code"),  # RU LC 415
    ("Статья 136. Нарушение равенства прав и свобод человека и гражданина\nДискриминация, то есть нарушение "
     "прав, свобод и законных интересов человека в зависимости от принадлежности к общественным объединениям, "
     "совершенная лицом с использованием своего служебного положения, – наказывается штрафом либо "
     "принудительными работами на срок до пяти лет, либо лишением свободы на тот же срок.", "criminal code"),  # constructed after RU CC 136
    ("Статья 144.1. Необоснованный отказ в приеме на работу\nНеобоснованный отказ в приеме на работу лица, "
     "достигшего предпенсионного возраста, – наказывается штрафом или обязательными работами.", "criminal code"),  # constructed after RU CC 144.1
    ("Статья 1. Воспрепятствование\nВоспрепятствование законной деятельности профсоюзов, в том числе "
     "вмешательство в их собрания, – наказывается штрафом или исправительными работами.", "criminal code"),  # constructed: protective
    ("Статья 1. Минимум работ\nМинимум необходимых работ на период забастовки определяется соглашением сторон, а при недостижении "
     "соглашения – независимым органом.", "labour code"),  # constructed: independent body
    ("Статья 1. Минимум работ\nМинимум необходимых работ при забастовке утверждается органом местного самоуправления по "
     "согласованию с профсоюзом.", "labour code"),  # constructed: agreed with the union
    ("Статья 1. Отложение\nПри непосредственной угрозе жизни и здоровью людей суд вправе отложить забастовку "
     "на срок до тридцати дней.", "labour code"),  # constructed: acute threat to life (RU LC 413 style)
    ("Статья 1. Представители\nПри отсутствии профсоюза коллективные переговоры ведет иной представительный "
     "орган работников, избранный общим собранием.", "labour code"),  # constructed: subsidiary to the absence of a union
    ("Статья 1. Число профсоюзов\nКоличество профсоюзов в организации не ограничивается.", "trade union law"),  # constructed
    ("Статья 1. Представители работодателя\nПредставители работодателя не могут быть избраны в выборные "
     "органы профсоюза.", "trade union law"),  # constructed: keeps the employer out
    ("Статья 1. Иностранцы\nИностранные граждане и лица без гражданства, постоянно проживающие на "
     "территории республики, вправе создавать профсоюзы и вступать в них.", "trade union law"),  # constructed: protective
    ("Статья 47. Лишение права занимать определенные должности\nЛишение права занимать определенные "
     "должности состоит в запрещении занимать должности на государственной службе.", "criminal code"),  # constructed after RU CC 47
    # constructed traps in English: registration documents; reports to the union's own members; an invitation
    ("Article 1. Registration\nThe registering authority may refuse registration if the documents submitted "
     "for the registration of a trade union do not comply with the law.", "trade union law"),
    ("Article 1. Reports\nThe governing bodies of a trade union shall submit reports on their activities to "
     "the congress.", "trade union law"),
    ("Article 1. Guests\nRepresentatives of state bodies may attend meetings of a trade union at the invitation "
     "of the union.", "trade union law"),
]

FOA_PREFIXES = ("C087", "C098", "C135")


@pytest.mark.parametrize(("text", "kind"), NOT_FLAGGED, ids=[t.split("\n")[0][:40] for t, _ in NOT_FLAGGED])
def test_protective_or_trap_wording_is_not_flagged(text: str, kind: str) -> None:
    language = "en" if text.startswith("Article") else "ru"
    got = {r: k for r, k in fired(text, kind=kind, language=language).items()
           if r.startswith(FOA_PREFIXES) and k in ("conflict", "concern")}
    assert got == {}


STRIKE_OFFENCES = [
    # C105 Art. 1(d) / C087 Art. 3 penal: strike participation punished with labour or liberty
    ("Статья 1. Незаконная забастовка\nУчастие в забастовке, признанной судом незаконной, – наказывается "
     "исправительными работами на срок до одного года.", "ru", "KZ"),  # constructed (C105 1(d) principle)
    ("Статья 1. Призывы\nПризывы к продолжению забастовки, признанной судом незаконной, – наказываются "
     "ограничением свободы на срок до двух лет.", "ru", "KZ"),  # constructed after KZ CC 402
    ("Article 1. Strikes\nLeading a strike declared unlawful by a court shall be punishable by correctional "
     "labour for up to two years.", "en", "KZ"),  # constructed (C105 1(d) principle)
]


@pytest.mark.parametrize(("text", "language", "country"), STRIKE_OFFENCES, ids=range(len(STRIKE_OFFENCES)))
def test_penal_labour_for_strikes_is_flagged_under_c105_1d(text: str, language: str, country: str) -> None:
    got = fired(text, kind="criminal code", country=country, language=language)
    assert got.get("C105-A1d-strikes") == "conflict", got
    assert got.get("C087-A3-penal-sanctions-strike") == "conflict", got


def test_coercion_to_strike_is_protective_under_c105_1d() -> None:
    # constructed after KZ CC 157 (coercion to take part in a strike)
    text = ("Статья 1. Принуждение\nПринуждение к участию в забастовке или к отказу от участия в ней – "
            "наказывается исправительными работами.")
    got = fired(text, kind="criminal code", country="KZ")
    assert "C105-A1d-strikes" not in got and "C087-A3-penal-sanctions-strike" not in got


# -- Kazakh stems on real Kazakh text: the two official texts of one law read alike ---------------------------

TU21_RU, TU21_KK = "kz/trade-unions-law@2021-07-01", "kz/trade-unions-law@2021-07-01:kk"


def _c087_c098(ref: str) -> set[tuple[str, str, str]]:
    return {(f.article, f.rule_id, f.kind) for f in RS.findings(ref) if f.rule_id.startswith(("C087", "C098"))}


def test_kazakh_text_of_the_trade_unions_law_raises_what_its_russian_text_raises() -> None:
    # Both texts are official (Constitution of Kazakhstan, Art. 7): a rule that reads one language only
    # would check the same law differently depending on the text the user holds.
    kk, ru = _c087_c098(TU21_KK), _c087_c098(TU21_RU)
    assert kk == ru
    assert {k for _, _, k in kk} >= {"conflict", "concern", "implements"}


def test_kazakh_guarantee_against_subordinating_unions_implements_c098_2() -> None:
    # kk Art. 25(1): "… кәсiподақтарды … бағындыру … кедергi келтіретін кез келген әрекеттерге тыйым салынады"
    assert ("25", "C098-A2-interference-protection", "implements") in _c087_c098(TU21_KK)
