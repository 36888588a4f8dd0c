"""C105 Art. 1(a)/(c)/(d) rules as concepts: they must fire on offences the ILO supervisory bodies flagged in
codes the rules were not written from, and stay silent on protective articles and keyword traps.

The codes named here (Russian, Belarusian, Azerbaijani, Turkmen, Tajik, Kyrgyz criminal and offences codes)
are not in the corpus, so every text below is constructed in the wording style of the article named in its
comment (marked `# constructed`); the comment id (GTnnn) is the ILO finding in
../shared/supervisory/comments.jsonl the positive example stands for. Real texts from the corpus are in
tests/test_rules_fl.py."""

from __future__ import annotations

import pytest

from .rulesets import RuleSet

RS = RuleSet("c105-forced-labour.yaml")


def c105(text: str, country: str = "RU", kind: str = "criminal code", language: str = "ru") -> dict[str, str]:
    return {k: v for k, v in RS.fired(text, kind, country, language).items() if k.startswith("C105")}


FLAGGED = [
    # (rule, country, text, comment id or principle)
    ("C105-A1a-social-discord", "TJ",  # constructed after TJ CC s. 189 (GT047)
     "Статья 189. Возбуждение национальной, расовой, местнической или религиозной вражды\n"
     "1. Действия, направленные на возбуждение национальной, расовой, местнической или религиозной вражды, "
     "совершенные публично или с использованием средств массовой информации, – наказываются ограничением "
     "свободы на срок до пяти лет либо лишением свободы на срок от двух до пяти лет."),
    ("C105-A1a-social-discord", "RU",  # constructed after RU CC art. 282
     "Статья 282. Возбуждение ненависти либо вражды, а равно унижение человеческого достоинства\n"
     "1. Действия, направленные на возбуждение ненависти либо вражды, а также на унижение достоинства "
     "человека либо группы лиц по признакам пола, расы, национальности, языка, происхождения, отношения к "
     "религии, а равно принадлежности к какой-либо социальной группе, совершенные публично, – наказываются "
     "штрафом в размере от трехсот тысяч до шестисот тысяч рублей, либо принудительными работами на срок от "
     "одного года до четырех лет, либо лишением свободы на срок от двух до пяти лет."),
    ("C105-A1a-insulting-officials", "BY",  # constructed after BY CC s. 368 (GT058)
     "Статья 368. Оскорбление Президента Республики Беларусь\n1. Публичное оскорбление Президента "
     "Республики Беларусь – наказывается исправительными работами на срок до двух лет, или арестом, или "
     "ограничением свободы на срок до трех лет, или лишением свободы на тот же срок."),
    ("C105-A1a-insulting-officials", "BY",  # constructed after BY CC s. 367 (GT057)
     "Статья 367. Клевета в отношении Президента Республики Беларусь\n1. Клевета в отношении Президента "
     "Республики Беларусь – наказывается арестом, или ограничением свободы на срок до четырех лет, или "
     "лишением свободы на тот же срок."),
    ("C105-A1a-insulting-officials", "RU",  # constructed after RU CC art. 128.1 (defamation of anyone)
     "Статья 128.1. Клевета\n2. Клевета, совершенная публично с использованием информационно-"
     "телекоммуникационных сетей, – наказывается штрафом в размере до одного миллиона рублей либо "
     "обязательными работами на срок до двухсот сорока часов."),
    ("C105-A1a-insulting-officials", "RU",  # constructed after RU CC art. 297 (insult of a judge)
     "Статья 297. Неуважение к суду\n1. Неуважение к суду, выразившееся в оскорблении участников судебного "
     "разбирательства, – наказывается штрафом в размере до восьмидесяти тысяч рублей, либо обязательными "
     "работами на срок до четырехсот восьмидесяти часов."),
    ("C105-A1a-insulting-officials", "AZ",  # constructed after AZ CC s. 147 (GT070), English wording
     "Article 147. Defamation\n147.1. Defamation, that is, dissemination in a public statement of knowingly "
     "false information discrediting the honour and dignity of a person, is punishable by a fine or by "
     "correctional labour for up to one year, or by imprisonment for up to six months."),
    ("C105-A1a-assemblies", "KZ",  # constructed after KZ CAO s. 488(1) (GT004) as worded before 2020:
     # obstructing an assembly is one alternative in the clause that punishes breaking its rules
     "Статья 488. Нарушение законодательства о мирных собраниях\n1. Нарушение законодательства о порядке "
     "организации или проведения собрания, митинга, демонстрации либо воспрепятствование их проведению, а равно "
     "участие в незаконных собраниях, митингах, демонстрациях, – влекут штраф либо арест на срок до десяти "
     "суток."),
    ("C105-A1a-social-discord", "UZ",  # constructed after an English translation of UZ CC s. 156: its verbs
     # "excitation", "propagandize" and its penalties "corrective labor", "deprivation of freedom"
     "Article 156. Excitation of national, racial or religious hostility\nPropagandizing national, racial, "
     "ethnic or religious hostility, and acts degrading national honour committed with the purpose of "
     "incitation of hostility, are punished by corrective labor for up to three years or by deprivation of "
     "freedom for up to three years."),
    ("C105-A1a-associations", "BY",  # constructed after an English translation of BY CC s. 193-1 (GT054)
     "Article 193-1. Illegal organisation of the activities of a public association\nThe organisation of or "
     "participation in the activities of a public association which has not obtained state registration is "
     "punishable by a fine or arrest, or imprisonment for a term of up to two years."),
    ("C105-A1a-assemblies", "TM",  # constructed after TM CC s. 223 (GT049)
     "Статья 223. Нарушение порядка организации и проведения собраний, митингов и демонстраций\n"
     "Нарушение установленного порядка организации или проведения собраний, митингов, уличных шествий и "
     "демонстраций – наказывается исправительными работами на срок до одного года или лишением свободы на "
     "срок до шести месяцев."),
    ("C105-A1a-assemblies", "RU",  # constructed after RU CC art. 212.1
     "Статья 212.1. Неоднократное нарушение установленного порядка организации либо проведения собрания, "
     "митинга, демонстрации, шествия или пикетирования\nНеоднократное нарушение установленного порядка "
     "организации либо проведения собрания, митинга, демонстрации, шествия или пикетирования – наказывается "
     "штрафом, либо обязательными работами на срок до четырехсот восьмидесяти часов, либо лишением свободы "
     "на срок до пяти лет."),
    ("C105-A1a-assemblies", "BY",  # constructed after BY CAO s. 167-1 (GT060): administrative arrest
     "Статья 23.34. Нарушение порядка организации или проведения массовых мероприятий\n1. Нарушение "
     "установленного порядка организации или проведения собрания, митинга, уличного шествия, демонстрации, "
     "пикетирования – влечет наложение штрафа или административный арест."),
    ("C105-A1a-associations", "BY",  # constructed after BY CC s. 193-1 (GT054)
     "Статья 193-1. Незаконные организация деятельности общественного объединения, религиозной организации "
     "или фонда либо участие в их деятельности\nОрганизация деятельности либо участие в деятельности "
     "общественного объединения, религиозной организации или фонда, в отношении которых имеется вступившее в "
     "законную силу решение о ликвидации или приостановлении деятельности, – наказывается арестом, или "
     "лишением свободы на срок до двух лет."),
    ("C105-A1a-associations", "RU",  # constructed after RU CC art. 284.1 ("undesirable" organisation)
     "Статья 284.1. Осуществление деятельности иностранной или международной неправительственной "
     "организации, в отношении которой принято решение о признании нежелательной на территории Российской "
     "Федерации ее деятельности\n1. Участие в деятельности нежелательной организации – наказывается "
     "обязательными работами на срок до трехсот шестидесяти часов, либо лишением свободы на срок до четырех "
     "лет."),
    ("C105-A1a-false-information", "RU",  # constructed after RU CC art. 207.1
     "Статья 207.1. Публичное распространение заведомо ложной информации об обстоятельствах, представляющих "
     "угрозу жизни и безопасности граждан\nПубличное распространение под видом достоверных сообщений заведомо "
     "ложной информации об обстоятельствах, представляющих угрозу жизни и безопасности граждан, – наказывается "
     "штрафом, либо обязательными работами на срок до трехсот шестидесяти часов, либо ограничением свободы на "
     "срок до трех лет."),
    ("C105-A1a-public-calls", "RU",  # constructed after RU CC art. 280
     "Статья 280. Публичные призывы к осуществлению экстремистской деятельности\n1. Публичные призывы к "
     "осуществлению экстремистской деятельности – наказываются штрафом, либо принудительными работами на срок "
     "до трех лет, либо лишением свободы на срок до четырех лет."),
    ("C105-A1a-public-calls", "RU",  # constructed after RU CC art. 280.3
     "Статья 280.3. Публичные действия, направленные на дискредитацию использования Вооруженных Сил\n1. "
     "Публичные действия, направленные на дискредитацию использования Вооруженных Сил Российской Федерации, "
     "совершенные лицом после его привлечения к административной ответственности, – наказываются "
     "обязательными работами на срок до четырехсот восьмидесяти часов, либо лишением свободы на срок до трех "
     "лет."),
    ("C105-A1a-hooliganism-public-order", "BY",  # constructed after BY CC s. 342 (GT056)
     "Статья 342. Организация и подготовка действий, грубо нарушающих общественный порядок, либо активное "
     "участие в них\n1. Организация групповых действий, грубо нарушающих общественный порядок, либо активное "
     "участие в таких действиях – наказываются штрафом, или арестом, или ограничением свободы на срок до трех "
     "лет, или лишением свободы на тот же срок."),
    ("C105-A1a-hooliganism-public-order", "BY",  # constructed after BY CC s. 339 (GT055)
     "Статья 339. Хулиганство\n1. Умышленные действия, грубо нарушающие общественный порядок и выражающие "
     "явное неуважение к обществу (хулиганство), – наказываются общественными работами, или штрафом, или "
     "арестом, или ограничением свободы на срок до трех лет."),
    ("C105-A1a-hooliganism-public-order", "BY",  # constructed after BY CC s. 339 (GT055) as the code words it:
     # the offence named in the heading only, violence one alternative beside "exceptional cynicism"
     "Статья 339. Хулиганство\n1. Умышленные действия, грубо нарушающие общественный порядок и выражающие "
     "явное неуважение к обществу, сопровождающиеся применением насилия или угрозой его применения либо "
     "отличающиеся по своему содержанию исключительным цинизмом, – наказываются общественными работами, или "
     "исправительными работами на срок до двух лет, или арестом."),
]


@pytest.mark.parametrize(("rule", "country", "text"), FLAGGED, ids=[f"{r}-{c}-{i}" for i, (r, c, _) in enumerate(FLAGGED)])
def test_c105_concept_fires_on_supervisory_finding_wording(rule: str, country: str, text: str) -> None:
    language = "en" if text.startswith("Article") else "ru"
    assert rule in c105(text, country, language=language)


def test_kyrgyz_imprisonment_involves_labour_so_insult_is_a_conflict() -> None:
    # constructed after KG CC 1997 s. 342 (GT039): insult of an official punishable by imprisonment
    text = ("Статья 342. Оскорбление представителя власти\nПубличное оскорбление представителя власти при "
            "исполнении им должностных обязанностей – наказывается лишением свободы на срок до шести месяцев.")
    assert c105(text, "KG").get("C105-A1a-insulting-officials") == "conflict"


TRAPS = [
    # (rule that must stay silent, text, why)
    ("C105-A1a-insulting-officials",  # constructed after RU CC art. 107: insult as provocation of a crime
     "Статья 107. Убийство, совершенное в состоянии аффекта\n1. Убийство, совершенное в состоянии внезапно "
     "возникшего сильного душевного волнения (аффекта), вызванного насилием, издевательством или тяжким "
     "оскорблением со стороны потерпевшего, – наказывается ограничением свободы на срок до трех лет или "
     "лишением свободы на тот же срок."),
    ("C105-A1a-assemblies",  # constructed after RU CC art. 149: obstruction of assemblies (protective)
     "Статья 149. Воспрепятствование проведению собрания, митинга, демонстрации, шествия, пикетирования\n"
     "Незаконное воспрепятствование проведению собрания, митинга, демонстрации, шествия, пикетирования или "
     "участию в них – наказывается обязательными работами на срок до трехсот шестидесяти часов либо лишением "
     "свободы на срок до трех лет."),
    ("C105-A1a-assemblies",  # constructed: company law, "general meeting of participants" is not an assembly
     "Статья 15.23.1. Нарушение порядка созыва общего собрания участников\nНарушение порядка созыва, "
     "подготовки и проведения общего собрания участников общества – влечет наложение административного "
     "штрафа на должностных лиц или административный арест."),
    ("C105-A1a-false-information",  # constructed after RU CC art. 185.3: market manipulation
     "Статья 185.3. Манипулирование рынком\n1. Умышленное распространение через средства массовой информации "
     "заведомо ложных сведений, повлекшее изменение цены финансового инструмента, – наказывается "
     "принудительными работами на срок до четырех лет либо лишением свободы на тот же срок."),
    ("C105-A1a-false-information",  # constructed after RU CC art. 207: false report of an act of terrorism
     "Статья 207. Заведомо ложное сообщение об акте терроризма\n1. Заведомо ложное сообщение о готовящихся "
     "взрыве, поджоге или иных действиях, создающих опасность гибели людей, – наказывается обязательными "
     "работами либо лишением свободы на срок до трех лет."),
    ("C105-A1a-false-information",  # constructed after RU CC art. 159.2: benefits fraud with false data
     "Статья 159.2. Мошенничество при получении выплат\n1. Мошенничество при получении пособий, то есть "
     "хищение денежных средств путем представления заведомо ложных и (или) недостоверных сведений, – "
     "наказывается обязательными работами на срок до трехсот шестидесяти часов либо лишением свободы."),
    ("C105-A1a-public-calls",  # constructed after RU CC art. 328: evading conscription ("призыв")
     "Статья 328. Уклонение от прохождения военной и альтернативной гражданской службы\n1. Уклонение от "
     "призыва на военную службу при отсутствии законных оснований для освобождения от этой службы – "
     "наказывается штрафом либо принудительными работами на срок до двух лет, либо лишением свободы."),
    ("C105-A1a-public-calls",  # constructed after RU CC art. 205.2: calls to terrorism (violence)
     "Статья 205.2. Публичные призывы к осуществлению террористической деятельности\n1. Публичные призывы к "
     "осуществлению террористической деятельности или публичное оправдание терроризма – наказываются "
     "лишением свободы на срок от двух до пяти лет."),
    ("C105-A1a-associations",  # constructed after RU CC art. 210: criminal community
     "Статья 210. Организация преступного сообщества (преступной организации) или участие в нем (ней)\n1. "
     "Создание преступного сообщества (преступной организации) либо руководство преступным сообществом – "
     "наказывается лишением свободы на срок от двенадцати до двадцати лет."),
    ("C105-A1a-associations",  # constructed after RU CC art. 145.1: "руководитель организации" (wages)
     "Статья 145.1. Невыплата заработной платы\n1. Частичная невыплата заработной платы свыше трех месяцев, "
     "совершенная из корыстной заинтересованности руководителем организации, работодателем – физическим "
     "лицом, – наказывается штрафом, либо принудительными работами на срок до одного года, либо лишением "
     "свободы на срок до одного года."),
    ("C105-A1a-social-discord",  # constructed after RU CC art. 105(2)(л): hatred as motive of murder
     "Статья 105. Убийство\n2. Убийство по мотивам политической, идеологической, расовой, национальной или "
     "религиозной ненависти или вражды либо по мотивам ненависти или вражды в отношении какой-либо социальной "
     "группы – наказывается лишением свободы на срок от восьми до двадцати лет."),
    ("C105-A1a-social-discord",  # constructed after RU Forest Code fire rules: «разжигание костров»
     "Статья 8.32. Нарушение правил пожарной безопасности в лесах\n1. Разжигание костров в хвойных молодняках "
     "– влечет предупреждение или наложение административного штрафа."),
    ("C105-A1a-insulting-officials",  # constructed after BY CAO art. 19.1: petty hooliganism's "offensive
     # harassment" of citizens and its disrespect of society insult no one
     "Статья 19.1. Мелкое хулиганство\nОскорбительное приставание к гражданам и другие умышленные действия, "
     "нарушающие общественный порядок и выражающиеся в явном неуважении к обществу, – влекут наложение штрафа "
     "или административный арест."),
    ("C105-A1a-insulting-officials",  # constructed after RU CC art. 213's definition: disrespect of society is
     # hooliganism's, no insult of anyone
     "Статья 213. Хулиганство\n1. Хулиганство, то есть грубое нарушение общественного порядка, выражающее явное "
     "неуважение к обществу, – наказывается исправительными работами на срок до двух лет."),
    ("C105-A1a-hooliganism-public-order",  # constructed after TM CC art. 279: violence (or damage) required
     "Статья 279. Хулиганство\n1. Хулиганство, то есть умышленные действия, грубо нарушающие общественный "
     "порядок, сопровождающиеся применением насилия к гражданам либо угрозой его применения, – наказывается "
     "исправительными работами на срок до двух лет."),
    ("C105-A1a-hooliganism-public-order",  # constructed after RU CC art. 213(1): every listed circumstance violent
     "Статья 213. Хулиганство\n1. Хулиганство, то есть грубое нарушение общественного порядка, выражающее "
     "явное неуважение к обществу, совершенное:\nа) с применением насилия к гражданам либо угрозой его "
     "применения;\nб) с применением оружия или предметов, используемых в качестве оружия;\n– наказывается "
     "обязательными работами либо лишением свободы на срок до пяти лет."),
    ("C105-A1a-hooliganism-public-order",  # constructed after RU CC art. 213: hooliganism with weapons
     "Статья 213. Хулиганство\n1. Хулиганство, то есть грубое нарушение общественного порядка, выражающее "
     "явное неуважение к обществу, совершенное с применением оружия или предметов, используемых в качестве "
     "оружия, – наказывается обязательными работами либо лишением свободы на срок до пяти лет."),
    ("C105-A1c-labour-discipline",  # constructed after RU CC art. 337: servicemen leaving their unit
     "Статья 337. Самовольное оставление части или места службы\n1. Самовольное оставление части или места "
     "службы, а равно неявка в срок без уважительных причин на службу военнослужащим, проходящим военную "
     "службу по призыву, – наказывается арестом на срок до шести месяцев."),
    ("C105-A1a-associations",  # KZ CC art. 258(2) wording: the leader of an association as an aggravating subject
     "Статья 258. Финансирование экстремизма\n2. То же деяние, совершенное лицом с использованием своего "
     "служебного положения либо лидером общественного объединения, – наказывается лишением свободы на срок "
     "от пяти до девяти лет."),
]


@pytest.mark.parametrize(("rule", "text"), TRAPS, ids=[f"{r}-{i}" for i, (r, _) in enumerate(TRAPS)])
def test_c105_concept_silent_on_protective_and_keyword_trap_articles(rule: str, text: str) -> None:
    assert rule not in c105(text, "RU")


def test_an_insult_of_feelings_inside_an_offence_of_hostility_is_that_offence_in_english_too() -> None:
    # constructed after an English translation of UZ CC s. 156(2)
    text = ("Article 156. Hostility\nThe insult of feelings of citizens in connection with their religious "
            "persuasion, committed with the purpose of incitation of hostility, is punished by deprivation of "
            "freedom for five years.")
    assert c105(text, "UZ", language="en") == {"C105-A1a-social-discord": "conflict"}


def test_fine_only_insult_is_never_a_forced_labour_concern() -> None:
    # constructed after RU CAO art. 5.61: insult punished by fines only
    text = ("Статья 5.61. Оскорбление\n1. Оскорбление, то есть унижение чести и достоинства другого лица, "
            "выраженное в неприличной форме, – влечет наложение административного штрафа на граждан в "
            "размере от трех тысяч до пяти тысяч рублей.")
    assert c105(text, "RU", kind="administrative offences code") == {}


def test_unknown_country_still_flags_correctional_labour() -> None:
    # constructed: a country without data. Correctional labour involves work everywhere (the default
    # sanction data), so the finding is a conflict, not a "not established" concern.
    text = ("Статья 9. Оскорбление\nОскорбление представителя власти – наказывается исправительными работами "
            "на срок до одного года.")
    assert c105(text, "XX").get("C105-A1a-insulting-officials") == "conflict"


def test_uzbek_organisation_is_not_to_organise() -> None:
    # constructed: «tashkilot» (an organisation) is a homonym trap for «tashkil etish» (to organise)
    text = ("1-modda. Tashkilot mulkini talon-toroj qilish\nTashkilot mulkini oʻzlashtirish, yigʻilish "
            "tartibini buzgan holda — axloq tuzatish ishlari bilan jazolanadi.")
    assert "C105-A1a-assemblies" not in c105(text, "UZ", language="uz-Latn")


def test_english_organisation_of_an_event_is_no_association() -> None:
    # constructed, in the shape of an English AZ CC s. 169: "Organization of" is the act of organising a
    # banned assembly, which the assembly rule flags; no association is banned there
    text = ("Article 169. Organization of a prohibited public event\n169.1. Organization of a public event "
            "prohibited in accordance with the law, or active participation in it, which caused a breach of public "
            "order, - shall be punishable by a fine, or by corrective works for up to two years, or by imprisonment "
            "for up to three years.")
    flags = c105(text, "AZ", language="en")
    assert flags.get("C105-A1a-assemblies") == "conflict" and "C105-A1a-associations" not in flags


def test_uzbek_organising_an_unauthorised_meeting_is_flagged() -> None:
    # constructed: Uzbek wording of an assembly offence (cf. GT048, GT049)
    text = ("1-modda. Yigʻilish oʻtkazish tartibini buzish\nYigʻilish, miting yoki namoyishni belgilangan "
            "tartibni buzgan holda tashkil etish — axloq tuzatish ishlari bilan jazolanadi.")
    assert c105(text, "UZ", language="uz-Latn").get("C105-A1a-assemblies") == "conflict"


def test_hate_motivated_hooliganism_found_when_another_item_mentions_weapons() -> None:
    # constructed after RU CC art. 213(1): item а) (weapons) is excluded, item б) (hatred motive) is not
    text = ("Статья 213. Хулиганство\n1. Хулиганство, то есть грубое нарушение общественного порядка, выражающее "
            "явное неуважение к обществу, совершенное:\nа) с применением оружия или предметов, используемых в "
            "качестве оружия;\nб) по мотивам политической, идеологической, расовой, национальной или религиозной "
            "ненависти или вражды либо по мотивам ненависти или вражды в отношении какой-либо социальной группы,\n"
            "– наказывается обязательными работами на срок до четырехсот восьмидесяти часов либо лишением "
            "свободы на срок до пяти лет.")
    assert c105(text, "RU")


def test_azerbaijani_imprisonment_involves_compulsory_labour_as_the_ceacr_said() -> None:
    # constructed after AZ CC s. 169.1 (GT071), imprisonment its only penalty
    text = ("Статья 169. Нарушение порядка проведения собраний\n169.1. Организация собрания, митинга или демонстрации в "
            "нарушение порядка, установленного законом, – наказывается лишением свободы на срок до трех лет.")
    findings = [f for f in RS.check_text(text, "criminal code", "AZ") if f.rule_id == "C105-A1a-assemblies"]
    assert [f.kind for f in findings] == ["conflict"]
    assert "GT070-GT073" in (findings[0].sanctions[0].basis or "")
