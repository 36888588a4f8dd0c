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
