"""Freedom-of-association rules (rules/c087-freedom-of-association.yaml, rules/c098-collective-bargaining.yaml,
rules/c135-c151-c154-representation.yaml) on the corpus and on small constructed texts.

Each rule has at least two texts where it must fire and two where it must not, taken from the corpus
(document id + article number) where the corpus has them; constructed examples are marked `# constructed`.
Each corpus document is parsed once (conftest.parsed) and checked once with these rules.
"""

from __future__ import annotations

import pytest

from compliance.check import check_document, check_documents
from compliance.models import Document, DocumentMeta, Finding
from compliance.parse import parse_text

from .conftest import parsed
from .rulesets import RU_LC, UZ_LC, RuleSet, kinds
from .test_rules_foa_concepts import CONCEPT_IDS

FILES = ("c087-freedom-of-association.yaml", "c098-collective-bargaining.yaml", "c135-c151-c154-representation.yaml")
RS = RuleSet(*FILES)
RULES = RS.rules
corpus_findings = RS.findings
BY_ID = {r.id: r for r in RULES}

TU20, TU21, TU23 = "kz/trade-unions-law@2020-05-04", "kz/trade-unions-law@2021-07-01", "kz/trade-unions-law@2023-04-18"
TU_KK = "kz/trade-unions-law@2021-07-01:kk"
PA = "kz/public-associations-law@2023-12-21"
CC15, CC23 = "kz/criminal-code-arts400-406@2015-11-13", "kz/criminal-code-arts400-406@2023-01-01"
CC174_15, CC174_20 = "kz/criminal-code-art174@2015-11-13", "kz/criminal-code-art174@2020-06-26"
CC_CH3 = "kz/criminal-code-ch03-constitutional-rights-arts145-159@2022-09-11"
CC_CH4 = "kz/criminal-code-ch04-05-arts160-186-incl-art174@2025-09-16"
CC_CH9 = "kz/criminal-code-ch09-10-arts250-295-1-incl-art274@2025-09-16"
ADM = "kz/admin-offences-code-ch27-arts457-509-incl-art488@2024-06-16"
LC20, LC24 = "kz/labour-code-arts166-178@2020-06-10", "kz/labour-code-arts167-178@2024-06-16"
SEC1 = "kz/labour-code-sec001-general-provisions@2025-01-01"
SEC3_19 = "kz/labour-code-sec003-social-partnership-disputes-strikes@2019-11-26"
SEC3_24 = "kz/labour-code-sec003-social-partnership-disputes-strikes@2024-06-16"


def kinds_on(findings: tuple[Finding, ...] | list[Finding], article: str) -> dict[str, str]:
    return kinds(findings, article)


def doc_of(text: str, kind: str, language: str = "ru", country: str | None = "KZ") -> Document:
    meta = DocumentMeta(id="constructed", language=language, kind=kind, country=country, title_en="Test Law")
    return parse_text(text, "text", meta=meta)


def fires(rule_id: str, doc: Document, article: str = "1") -> bool:
    return rule_id in kinds_on(check_document(doc, RULES, doc.document.country), article)


def test_every_rule_of_these_files_is_tested() -> None:
    tested = {r for r, *_ in CORPUS} | set(CONSTRUCTED_IDS) | set(REQUIREMENT_IDS) | set(CONCEPT_IDS)
    assert set(BY_ID) <= tested, sorted(set(BY_ID) - tested)


def test_rule_ids_carry_the_owners_prefixes_and_cite_their_articles() -> None:
    for r in RULES:
        assert r.id.split("-")[0] in {"C087", "C098", "C135", "C151", "C154"}
        assert r.id.startswith(f"{r.convention}-A{r.article.split('(')[0]}-")
        assert {"ru", "kk", "uz-Latn", "en"} <= set(r.patterns), r.id


# -- corpus examples: (rule, document, article, fires?) ---------------------------------------------------

CORPUS = [
    # Art. 2: unions defined, founded, joined by citizens only
    ("C087-A2-citizenship-condition", TU23, "1", True),  # "...интересов граждан Республики Казахстан"
    ("C087-A2-citizenship-condition", TU20, "8", True),  # "по инициативе группы граждан Республики Казахстан"
    ("C087-A2-citizenship-condition", PA, "10", True),
    ("C087-A2-citizenship-condition", PA, "11", True),
    ("C087-A2-citizenship-condition", TU_KK, "8", True),  # Kazakh text
    ("C087-A2-citizenship-condition", TU23, "3", False),  # applies the law to foreigners: protective
    ("C087-A2-citizenship-condition", TU23, "7", False),
    ("C087-A2-citizenship-condition", PA, "1", False),  # "реализацией гражданами ... права на свободу объединений"
    ("C087-A2-citizenship-condition", RU_LC, "328.1", False),  # foreign drivers, not union membership
    # Art. 2: founding thresholds (ten founders, three members of a primary organisation: reasonable)
    ("C087-A2-membership-threshold", TU23, "8", False),
    ("C087-A2-membership-threshold", TU23, "15", False),
    # Art. 2 / 9: categories barred from unions
    ("C087-A2-excluded-categories", PA, "11", True),  # judges, CEC, audit chamber, ombudsman
    ("C087-A2-excluded-categories", PA, "10", False),
    ("C087-A2-excluded-categories", TU23, "3", False),  # employers' representatives not in union bodies
    # Art. 2: territorial thresholds
    ("C087-A2-territorial-structure", TU23, "11", True),
    ("C087-A2-territorial-structure", TU21, "13", True),
    ("C087-A2-territorial-structure", TU_KK, "13", True),
    ("C087-A2-territorial-structure", TU23, "14", False),  # local union: no threshold
    ("C087-A2-territorial-structure", TU23, "4", False),
    ("C087-A2-territorial-structure", PA, "8", False),
    # Art. 2: sectoral principle imposed
    ("C087-A2-mandatory-sectoral-structure", TU20, "5", True),
    ("C087-A2-mandatory-sectoral-structure", TU_KK, "5", True),
    ("C087-A2-mandatory-sectoral-structure", TU23, "4", False),
    ("C087-A2-mandatory-sectoral-structure", TU23, "14", False),
    # Art. 2: unregistered associations banned
    ("C087-A2-previous-authorisation", PA, "5", True),
    ("C087-A2-previous-authorisation", PA, "10", False),
    ("C087-A2-previous-authorisation", TU23, "8", False),  # legal personality from registration: a formality
    ("C087-A2-previous-authorisation", PA, "13", False),  # re-registration "in the cases the law provides"
    # Art. 4: suspension for failing structural requirements, at the request of executive bodies
    ("C087-A4-suspension-dissolution", TU23, "10", True),
    ("C087-A4-suspension-dissolution", TU20, "10", True),
    ("C087-A4-suspension-dissolution", TU_KK, "10", True),
    ("C087-A4-suspension-dissolution", PA, "17", False),  # reorganisation by the association's own organ
    ("C087-A4-suspension-dissolution", TU23, "8", False),
    # Art. 5: foreign unions, foreign financing, assistance to foreign unions
    ("C087-A5-foreign-affiliation-financing", PA, "5", True),
    ("C087-A5-foreign-affiliation-financing", CC23, "404", True),  # unions financed from "prohibited sources"
    ("C087-A5-foreign-affiliation-financing", CC15, "406", True),  # assistance to unions of other States
    ("C087-A5-foreign-affiliation-financing", TU23, "6", False),  # right to join international unions
    ("C087-A5-foreign-affiliation-financing", PA, "24", False),
    ("C087-A5-foreign-affiliation-financing", RU_LC, "349.1", False),  # foreign funds and unions in different sentences
    # Art. 3: internal affairs
    ("C087-A3-interference-internal-affairs", TU23, "19", True),  # union decisions must conform to tripartite bodies'
    ("C087-A3-interference-internal-affairs", TU21, "9", True),  # rules must oblige to carry out those decisions
    ("C087-A3-interference-internal-affairs", TU_KK, "19", True),
    ("C087-A3-interference-internal-affairs", TU23, "5", False),
    ("C087-A3-interference-internal-affairs", TU23, "27", False),
    ("C087-A3-interference-internal-affairs", PA, "4", False),
    # Art. 3: political activity
    # judges and officials barred from unions and from supporting a party: a ban on persons (excluded categories),
    # not on what unions do
    ("C087-A3-political-activity-ban", PA, "11", False),
    ("C087-A2-excluded-categories", PA, "11", True),
    ("C087-A3-political-activity-ban", PA, "23", True),  # suspended association barred from elections
    ("C087-A3-political-activity-ban", TU23, "5", False),  # independence from parties is not a ban
    ("C087-A3-political-activity-ban", PA, "19", False),
    # Art. 3: strike bans beyond essential services
    ("C087-A3-strike-ban-non-essential", LC24, "176", True),
    ("C087-A3-strike-ban-non-essential", SEC3_19, "176", True),
    ("C087-A3-strike-ban-non-essential", RU_LC, "413", True),
    ("C087-A3-strike-ban-non-essential", LC24, "175", False),  # "за исключением ... статьи 176": a guarantee
    ("C087-A3-strike-ban-non-essential", LC24, "171", False),
    ("C087-A3-strike-ban-non-essential", RU_LC, "412", False),
    # Art. 3: prosecutor or Government suspends strikes
    ("C087-A3-strike-suspension-executive", LC20, "176", True),
    ("C087-A3-strike-suspension-executive", SEC3_24, "176", True),
    ("C087-A3-strike-suspension-executive", RU_LC, "413", True),  # "Правительство ... вправе приостановить"
    ("C087-A3-strike-suspension-executive", LC24, "173", False),  # strike body suspends with workers' consent
    ("C087-A3-strike-suspension-executive", LC24, "170", False),  # employer informs the prosecutor's office
    ("C087-A3-strike-suspension-executive", RU_LC, "412", False),  # court, on minimum service
    # Art. 3: ballots
    ("C087-A3-strike-ballot-excessive", SEC3_19, "164", True),  # two thirds of all workers, two thirds of votes
    ("C087-A3-strike-ballot-excessive", SEC3_24, "164", True),
    ("C087-A3-strike-ballot-excessive", SEC3_19, "171", False),  # two thirds of delegates only
    ("C087-A3-strike-ballot-excessive", RU_LC, "410", False),
    ("C087-A3-strike-ballot-excessive", SEC1, "20", False),  # quorum to elect representatives, not a strike
    # Art. 3: compulsory arbitration
    ("C087-A3-compulsory-arbitration", SEC3_24, "166", True),
    ("C087-A3-compulsory-arbitration", RU_LC, "404", True),
    ("C087-A3-compulsory-arbitration", LC24, "167", False),
    ("C087-A3-compulsory-arbitration", RU_LC, "403", False),
    # Art. 3: penal sanctions for strikes
    ("C087-A3-penal-sanctions-strike", CC15, "402", True),
    ("C087-A3-penal-sanctions-strike", CC23, "402", True),
    ("C087-A3-penal-sanctions-strike", CC_CH3, "157", False),  # punishes coercion to strike: protective
    ("C087-A3-penal-sanctions-strike", CC23, "403", False),
    ("C087-A3-penal-sanctions-strike", ADM, "488", False),
    # Art. 3: penal sanctions for assemblies
    ("C087-A3-penal-sanctions-assembly", CC23, "400", True),
    ("C087-A3-penal-sanctions-assembly", ADM, "488", True),  # administrative arrest
    ("C087-A3-penal-sanctions-assembly", CC_CH3, "155", False),  # punishes obstruction of assemblies
    ("C087-A3-penal-sanctions-assembly", CC_CH9, "263", False),  # "участие в собрании" of a criminal community
    ("C087-A3-penal-sanctions-assembly", ADM, "489", False),  # fines only
    # Art. 3: "social discord" offences
    ("C087-A3-social-discord-offence", CC174_15, "174", True),
    ("C087-A3-social-discord-offence", CC174_20, "174", True),
    ("C087-A3-social-discord-offence", CC_CH4, "175", False),
    ("C087-A3-social-discord-offence", CC_CH4, "179", False),
    # implements
    ("C087-A2-freedom-to-establish", RU_LC, "21", True),
    ("C087-A2-freedom-to-establish", TU23, "4", True),  # number of unions not limited
    ("C087-A2-freedom-to-establish", UZ_LC, "37", True),  # "oldindan ruxsat olmasdan"
    ("C087-A2-freedom-to-establish", TU23, "8", False),
    ("C087-A2-freedom-to-establish", RU_LC, "22", False),
    ("C087-A3-strike-protections", LC24, "175", True),  # no replacement of strikers
    ("C087-A3-strike-protections", LC24, "178", True),  # lockout prohibited
    ("C087-A3-strike-protections", RU_LC, "414", True),
    ("C087-A3-strike-protections", LC24, "176", False),
    ("C087-A3-strike-protections", LC24, "177", False),
    ("C087-A5-international-affiliation", TU23, "6", True),
    ("C087-A5-international-affiliation", PA, "24", True),
    ("C087-A5-international-affiliation", TU_KK, "6", True),
    ("C087-A5-international-affiliation", TU23, "5", False),
    ("C087-A5-international-affiliation", PA, "9", False),
    # C098 Art. 4: bargaining with elected representatives alongside a union
    ("C098-A4-bargaining-bypass-union", SEC1, "20", True),
    ("C098-A4-bargaining-bypass-union", LC24, "171", True),  # joint body weighted by non-members
    ("C098-A4-bargaining-bypass-union", RU_LC, "31", False),  # only where no union has a majority; no obstacle
    ("C098-A4-bargaining-bypass-union", RU_LC, "29", False),
    ("C098-A4-bargaining-bypass-union", SEC1, "1", False),
    ("C098-A4-bargaining-bypass-union", SEC3_19, "171", False),
    # C098 Art. 1 / Art. 2 implements
    ("C098-A1-antiunion-discrimination-protection", TU23, "7", True),
    ("C098-A1-antiunion-discrimination-protection", RU_LC, "3", True),
    ("C098-A1-antiunion-discrimination-protection", RU_LC, "64", True),
    ("C098-A1-antiunion-discrimination-protection", TU_KK, "7", True),
    ("C098-A1-antiunion-discrimination-protection", UZ_LC, "37", True),
    ("C098-A1-antiunion-discrimination-protection", TU23, "8", False),
    ("C098-A1-antiunion-discrimination-protection", RU_LC, "1", False),
    ("C098-A2-interference-protection", TU23, "4", True),
    ("C098-A2-interference-protection", TU23, "25", True),
    ("C098-A2-interference-protection", CC_CH3, "154", True),  # obstruction of representatives is an offence
    ("C098-A2-interference-protection", UZ_LC, "60", True),  # bargaining by employer-founded bodies barred
    ("C098-A2-interference-protection", TU23, "7", False),
    ("C098-A2-interference-protection", TU23, "26", False),
    # C135
    ("C135-A1-representatives-protection", LC24, "169", True),
    ("C135-A1-representatives-protection", TU23, "26", True),
    ("C135-A1-representatives-protection", RU_LC, "405", True),
    ("C135-A1-representatives-protection", UZ_LC, "44", True),
    ("C135-A1-representatives-protection", LC24, "170", False),
    ("C135-A1-representatives-protection", TU23, "27", False),
    ("C135-A5-elected-representatives-undermine-union", SEC1, "20", True),
    ("C135-A5-elected-representatives-undermine-union", RU_LC, "31", False),
    ("C135-A5-elected-representatives-undermine-union", LC24, "171", False),
]


@pytest.mark.parametrize(("rule_id", "ref", "article", "expected"), CORPUS, ids=[f"{r}|{d}|{a}" for r, d, a, _ in CORPUS])
def test_rule_on_corpus_article(rule_id: str, ref: str, article: str, expected: bool) -> None:
    assert rule_id in BY_ID
    assert parsed(ref).tree.article(article) is not None, f"{ref} has no article {article}"
    got = kinds_on(corpus_findings(ref), article)
    assert (rule_id in got) is expected, f"{rule_id} on {ref} art. {article}: {got}"
    if expected:
        assert got[rule_id] == BY_ID[rule_id].kind


def test_penal_findings_quote_the_custodial_sanctions() -> None:
    f = next(f for f in corpus_findings(CC23) if f.rule_id == "C087-A3-penal-sanctions-strike" and f.article == "402")
    types = {s.type for s in f.sanctions}
    assert {"arrest", "community_work", "deprivation_of_liberty"} <= types
    assert all(f.quote[s:e] for s, e in f.spans)
    assert f.citation.startswith("Criminal Code") and "art. 402" in f.citation


def test_flag_on_trade_union_law_cites_the_evidence_span() -> None:
    f = next(f for f in corpus_findings(TU23) if f.rule_id == "C087-A2-citizenship-condition" and f.article == "8")
    evidence = " ".join(f.quote[s:e] for s, e in f.spans)
    assert "граждан Республики Казахстан" in evidence
    assert f.eid == "art_8" and f.convention == "C087" and f.convention_article == "2"


# -- constructed examples ---------------------------------------------------------------------------------

CONSTRUCTED_IDS = (
    "C087-A2-membership-threshold",
    "C087-A2-excluded-categories", "C087-A2-mandatory-sectoral-structure", "C087-A2-previous-authorisation",
    "C087-A4-suspension-dissolution", "C087-A3-interference-internal-affairs", "C087-A3-political-activity-ban",
    "C087-A3-strike-ballot-excessive", "C087-A3-penal-sanctions-strike", "C087-A3-social-discord-offence",
    "C087-A3-penal-sanctions-assembly", "C135-A5-elected-representatives-undermine-union",
    "C087-A3-compulsory-arbitration", "C087-A5-foreign-affiliation-financing", "C087-A3-strike-ban-non-essential",
    "C098-A1-unreasoned-refusal-to-hire", "C098-A1-termination-without-grounds",
)


def test_high_founding_thresholds() -> None:
    # constructed
    assert fires("C087-A2-membership-threshold", doc_of(
        "Статья 1. Создание\nПрофсоюз создается по инициативе не менее тридцати работников.", "trade union law"))
    # constructed
    assert fires("C087-A2-membership-threshold", doc_of(
        "Статья 1. Создание\nПервичная профсоюзная организация создается при наличии не менее 50 членов.",
        "trade union law"))
    # constructed
    assert fires("C087-A2-membership-threshold", doc_of(
        "Article 1. Founding\nA trade union may be founded by at least fifty workers.", "trade union law", language="en"))


def test_judges_barred_from_unions_but_armed_forces_and_police_may_be() -> None:
    # constructed
    assert fires("C087-A2-excluded-categories", doc_of(
        "Статья 1. Членство\nСудьи и государственные служащие не могут состоять в профессиональных союзах.",
        "public associations law"))
    # constructed
    assert not fires("C087-A2-excluded-categories", doc_of(
        "Статья 1. Членство\nВоеннослужащие и сотрудники органов внутренних дел не могут состоять в профсоюзах.",
        "public associations law"))


def test_compulsory_affiliation_is_a_concern_and_optional_affiliation_is_not() -> None:
    # constructed
    assert fires("C087-A2-mandatory-sectoral-structure", doc_of(
        "Статья 1. Членство\nОтраслевой профсоюз обязан вступить в состав республиканского объединения профсоюзов.",
        "trade union law"))
    # constructed
    assert not fires("C087-A2-mandatory-sectoral-structure", doc_of(
        "Статья 1. Членство\nОтраслевой профсоюз вправе вступить в состав республиканского объединения профсоюзов.",
        "trade union law"))


def test_permission_to_found_a_union() -> None:
    # constructed
    assert fires("C087-A2-previous-authorisation", doc_of(
        "Статья 1. Создание\nСоздание профсоюза допускается с разрешения местного исполнительного органа.",
        "trade union law"))
    # constructed
    assert not fires("C087-A2-previous-authorisation", doc_of(
        "Статья 1. Создание\nСоздание профсоюза осуществляется без разрешения государственных органов.",
        "trade union law"))


@pytest.mark.parametrize(("text", "language", "expected"), [
    # constructed: the states whose laws the supervisory bodies named, in Russian and English
    ("Статья 1. Понятие\nПрофессиональный союз — добровольное объединение граждан Азербайджанской Республики.",
     "ru", True),
    ("Article 1. Definition\nA trade union is a voluntary association of citizens of Georgia.", "en", True),
    ("Article 1. Definition\nCitizens of Georgia and foreigners may form a trade union.", "en", False),
])
def test_unions_of_citizens_only_in_every_state_named(text: str, language: str, expected: bool) -> None:
    assert fires("C087-A2-citizenship-condition", doc_of(text, "trade union law", language=language)) is expected


@pytest.mark.parametrize(("text", "language", "expected"), [
    # constructed, in the shape of the provision GT020 names
    ("Статья 1. Переходные положения\nПрофессиональные союзы, созданные до введения в действие настоящего Закона, "
     "обязаны пройти перерегистрацию в течение одного года.", "ru", True),
    ("Article 1. Transitional provisions\nTrade unions established before the entry into force of this Law shall "
     "re-register within one year.", "en", True),
    # constructed traps: re-registration of one union that changes its name; a registered union's rights
    ("Статья 1. Перерегистрация\nПрофессиональный союз подлежит перерегистрации в случае изменения его "
     "наименования.", "ru", False),
    ("Статья 1. Права\nПрофессиональные союзы, зарегистрированные до введения в действие настоящего Закона, "
     "сохраняют свои права.", "ru", False),
])
def test_every_existing_union_made_to_register_again_is_previous_authorisation(text: str, language: str,
                                                                               expected: bool) -> None:
    assert fires("C087-A2-previous-authorisation", doc_of(text, "trade union law", language=language)) is expected


@pytest.mark.parametrize(("text", "language", "expected"), [
    # constructed, in the shape of the provision GT081 names
    ("Article 1. Recruitment\nThe employer shall not be obliged to substantiate its decision not to employ a "
     "candidate.", "en", True),
    ("Статья 1. Приём на работу\nРаботодатель не обязан обосновывать отказ в приеме на работу.", "ru", True),
    ("1-modda. Ishga qabul qilish\nIsh beruvchi ishga qabul qilishni rad etishni asoslashi shart emas.", "uz-Latn",
     True),
    # constructed traps: the employer bound to give the reasons; a worker not obliged to explain a refusal
    ("Статья 1. Приём на работу\nПо письменному требованию лица, которому отказано в заключении трудового "
     "договора, работодатель обязан сообщить причину отказа в письменной форме.", "ru", False),
    ("Статья 1. Сверхурочная работа\nРаботник не обязан объяснять отказ от сверхурочной работы.", "ru", False),
    ("Article 1. Recruitment\nThe employer shall inform the candidate of the reasons for refusal to employ him "
     "upon written request.", "en", False),
])
def test_an_employer_not_bound_to_give_reasons_for_refusing_to_hire_is_a_concern(text: str, language: str,
                                                                                 expected: bool) -> None:
    doc = doc_of(text, "labour code", language=language)
    assert fires("C098-A1-unreasoned-refusal-to-hire", doc) is expected


@pytest.mark.parametrize(("text", "language", "expected"), [
    # constructed, in the shape of the provisions GT082 names (either party may cancel at will; the employer
    # ends the contract without grounds on paying a month's compensation)
    ("Article 1. Cancellation of a labour contract\n1. A labour contract may be cancelled at the initiative of "
     "one of the parties.", "en", True),
    ("Article 1. Employer's right\nThe employer may terminate the employment contract at any time without giving "
     "reasons, upon payment of one month's severance.", "en", True),
    ("Статья 1. Расторжение\nРаботодатель вправе расторгнуть трудовой договор без указания причин, выплатив "
     "работнику компенсацию в размере месячного заработка.", "ru", True),
    ("1-modda. Bekor qilish\nMehnat shartnomasi taraflardan birining tashabbusi bilan bekor qilinishi mumkin.",
     "uz-Latn", True),
    ("1-бап. Бұзу\nЕңбек шарты тараптардың бірінің бастамасы бойынша бұзылуы мүмкін.", "kk", True),
    # constructed traps: a probation period; the employee's resignation; a prohibition; an employee's absence
    # without good cause as a ground for dismissal
    ("Article 1. Probation\nDuring the probation period either party may terminate the contract without giving "
     "reasons.", "en", False),
    ("Article 1. Resignation\nThe employee may terminate the contract at his own initiative, notifying the "
     "employer one month in advance.", "en", False),
    ("Article 1. Protection\nThe employer shall not terminate the labour contract without grounds provided by "
     "this Code.", "en", False),
    ("Article 1. Dismissal\nThe employer may dismiss an employee for absence from work without good cause.", "en",
     False),
    ("Статья 1. Испытание\nВ период испытания трудовой договор может быть расторгнут работодателем без указания "
     "причин.", "ru", False),
    ("Статья 1. Гарантии\nРаботодатель не вправе расторгнуть трудовой договор без указания оснований.", "ru", False),
    ("1-modda. Sinov\nSinov muddatida mehnat shartnomasi taraflardan birining tashabbusi bilan bekor qilinishi "
     "mumkin.", "uz-Latn", False),
])
def test_an_employer_free_to_end_the_contract_without_any_ground_is_a_concern(text: str, language: str,
                                                                              expected: bool) -> None:
    doc = doc_of(text, "labour code", language=language)
    assert fires("C098-A1-termination-without-grounds", doc) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # constructed, in the shape of the provision GT080 names (Georgia LC s. 51(2), in English)
    ("Article 1. Strike\nA strike shall not be permitted in work which is related to the safety of human life "
     "and health, or where the activity cannot be suspended due to the type of technological process.", True),
    ("Article 1. Strike\nStrikes are not allowed in railway transport.", True),
    # constructed traps: essential services in the strict sense; an emergency; a peace obligation
    ("Article 1. Strike\nA strike shall not be permitted in hospitals, in electricity and water supply services "
     "and in air traffic control.", False),
    ("Article 1. Strike\nA strike shall not be declared during a state of emergency.", False),
    ("Article 1. Strike\nStrikes shall not be held while the collective agreement is in force.", False),
])
def test_an_english_strike_ban_beyond_essential_services_however_worded(text: str, expected: bool) -> None:
    assert fires("C087-A3-strike-ban-non-essential", doc_of(text, "labour code", language="en")) is expected


@pytest.mark.parametrize(("rule", "text", "expected"), [
    # constructed: English wordings of a trade union law's provisions of the shapes the findings name
    ("C087-A5-foreign-affiliation-financing", "Article 1. Financing\nTrade unions shall not receive financing from "
     "foreign states, foreign legal entities or foreign citizens.", True),
    ("C087-A4-suspension-dissolution", "Article 1. Suspension\nThe activity of a trade union may be suspended by "
     "decision of the Ministry of Justice for up to six months.", True),
    ("C087-A2-mandatory-sectoral-structure", "Article 1. Affiliation\nA local trade union shall become a member of "
     "a sectoral trade union within six months of its registration.", True),
    # constructed traps: grants a union may take; a court deciding on the ministry's application; a union free
    # to join
    ("C087-A5-foreign-affiliation-financing", "Article 1. Grants\nTrade unions may receive grants from "
     "international trade union organisations.", False),
    ("C087-A4-suspension-dissolution", "Article 1. Court\nThe activity of a trade union may be suspended by the "
     "court on the application of the Ministry of Justice.", False),
    ("C087-A2-mandatory-sectoral-structure", "Article 1. Joining\nA local trade union may join a sectoral trade "
     "union.", False),
])
def test_trade_union_law_provisions_in_a_translations_words(rule: str, text: str, expected: bool) -> None:
    assert fires(rule, doc_of(text, "trade union law", language="en")) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # constructed: the law itself sends a collective dispute to binding arbitration
    ("Article 1. Arbitration\nIf the conciliation commission fails to settle the dispute, the dispute shall be "
     "referred to compulsory labour arbitration, whose decision is binding on the parties.", True),
    # constructed traps: arbitration the parties choose; a referral that is not compulsory
    ("Article 1. Arbitration\nThe parties may agree to refer the dispute to labour arbitration.", False),
    ("Article 1. Arbitration\nThe dispute shall be referred to a conciliation commission.", False),
])
def test_an_english_law_that_imposes_binding_arbitration(text: str, expected: bool) -> None:
    assert fires("C087-A3-compulsory-arbitration", doc_of(text, "labour code", language="en")) is expected


@pytest.mark.parametrize(("rule", "text", "expected"), [
    # constructed: English wordings of GT020 (existing unions to register again) and GT013 (elected
    # representatives wherever the union has fewer than half of the staff)
    ("C087-A2-previous-authorisation", "Article 1. Registration\nTrade unions shall be subject to re-registration "
     "within one year after the entry into force of this Law; unions not re-registered shall be liquidated.", True),
    ("C098-A4-bargaining-bypass-union", "Article 1. Bargaining\nWhere the trade union represents less than half of "
     "the employees, the employees shall be represented by representatives elected at a general meeting.", True),
    # constructed traps: one union re-registered for a new name; representatives where there is no union
    ("C087-A2-previous-authorisation", "Article 1. Name\nA trade union shall be re-registered if it changes its "
     "name.", False),
    ("C098-A4-bargaining-bypass-union", "Article 1. No union\nWhere there is no trade union, the employees may "
     "elect representatives for collective bargaining.", False),
])
def test_registration_again_and_bargaining_beside_a_minority_union_in_english(rule: str, text: str,
                                                                              expected: bool) -> None:
    assert fires(rule, doc_of(text, "labour code", language="en")) is expected


@pytest.mark.parametrize(("rule", "text", "expected"), [
    # constructed: Russian wordings of the shapes of GT020 and GT013 other than those the rules were written from
    ("C087-A2-previous-authorisation", "Статья 1. Перерегистрация\nПрофессиональные союзы подлежат "
     "перерегистрации в течение одного года со дня вступления в силу настоящего Закона. Профсоюзы, не прошедшие "
     "перерегистрацию, подлежат ликвидации.", True),
    ("C098-A4-bargaining-bypass-union", "Статья 1. Представители\nВ случае, если профсоюз объединяет менее "
     "половины работников, интересы работников при проведении коллективных переговоров представляют "
     "представители, избранные на общем собрании работников.", True),
    # constructed traps: representatives where there is no union
    ("C098-A4-bargaining-bypass-union", "Статья 1. Представители\nПри отсутствии профсоюза интересы работников "
     "представляют избранные ими представители.", False),
])
def test_registration_again_and_bargaining_beside_a_minority_union_in_russian(rule: str, text: str,
                                                                              expected: bool) -> None:
    assert fires(rule, doc_of(text, "labour code")) is expected


def test_suspension_only_by_a_court_for_serious_violations_is_not_flagged() -> None:
    # constructed
    assert not fires("C087-A4-suspension-dissolution", doc_of(
        "Статья 1. Приостановление\nДеятельность профсоюза может быть приостановлена только судом за грубое "
        "нарушение закона.", "trade union law"))
    # constructed
    assert fires("C087-A4-suspension-dissolution", doc_of(
        "Статья 1. Ликвидация\nЛиквидация профсоюза производится по решению уполномоченного органа в сфере "
        "регистрации.", "trade union law"))


def test_authorities_attending_union_meetings() -> None:
    # constructed
    assert fires("C087-A3-interference-internal-affairs", doc_of(
        "Статья 1. Собрания\nПредставители местного исполнительного органа вправе присутствовать на собраниях "
        "профсоюза.", "trade union law"))
    # constructed
    assert not fires("C087-A3-interference-internal-affairs", doc_of(
        "Статья 1. Собрания\nЧлены профсоюза вправе присутствовать на собраниях профсоюза.", "trade union law"))


@pytest.mark.parametrize(("text", "expected"), [
    # constructed, in the shape of the provision GT079 names (a translation of Georgia's law)
    ("A trade union may be established on the initiative of not less than 100 persons.", True),
    ("A trade union shall have no fewer than fifty members.", True),
    ("A primary trade union may be established by not less than 3 members.", False),  # a reasonable minimum
])
def test_a_high_minimum_membership_in_an_english_translation_is_a_concern(text: str, expected: bool) -> None:
    doc = doc_of(f"Article 1. Establishment\n{text}", "trade union law", language="en", country="GE")
    assert fires("C087-A2-membership-threshold", doc) is expected


def test_ban_on_political_activity_of_unions() -> None:
    # constructed
    assert fires("C087-A3-political-activity-ban", doc_of(
        "Статья 1. Деятельность\nПрофсоюзы не вправе заниматься политической деятельностью.", "trade union law"))
    # constructed: unions barred from belonging to and supporting parties: a ban on the unions, unlike the
    # same words about soldiers and judges (the Law on Public Associations' art. 11)
    assert fires("C087-A3-political-activity-ban", doc_of(
        "Статья 1. Деятельность\nПрофсоюзы не вправе состоять в политических партиях и выступать в поддержку "
        "политических партий.", "trade union law"))
    # constructed
    assert not fires("C087-A3-political-activity-ban", doc_of(
        "Статья 1. Деятельность\nПрофсоюзы вправе участвовать в выборах в порядке, установленном законом.",
        "trade union law"))


def test_two_thirds_of_all_workers_for_a_strike_but_not_of_delegates() -> None:
    # constructed
    assert fires("C087-A3-strike-ballot-excessive", doc_of(
        "Статья 1. Решение о забастовке\nРешение о проведении забастовки считается принятым, если за него "
        "проголосовало не менее двух третей работников организации.", "labour code"))
    # constructed
    assert not fires("C087-A3-strike-ballot-excessive", doc_of(
        "Статья 1. Решение о забастовке\nРешение о проведении забастовки считается принятым, если за него "
        "проголосовало большинство работников, присутствующих на собрании.", "labour code"))


def test_strike_offence_punished_only_by_a_fine_is_not_flagged() -> None:
    text = ("Статья 1. Призывы к забастовке\nПризывы к продолжению забастовки, признанной судом незаконной, –\n"
            "наказываются {}.")
    # constructed
    assert not fires("C087-A3-penal-sanctions-strike", doc_of(
        text.format("штрафом в размере до ста месячных расчетных показателей"), "criminal code"))
    # constructed
    assert fires("C087-A3-penal-sanctions-strike", doc_of(
        text.format("штрафом либо лишением свободы на срок до одного года"), "criminal code"))


def test_social_discord_with_a_fine_only_and_in_english() -> None:
    # constructed
    assert not fires("C087-A3-social-discord-offence", doc_of(
        "Статья 1. Рознь\nРазжигание социальной розни –\nнаказывается штрафом.", "criminal code"))
    # constructed
    assert fires("C087-A3-social-discord-offence", doc_of(
        "Article 1. Discord\nInciting social discord shall be punishable by imprisonment for up to five years.",
        "criminal code", language="en"))


def test_assembly_offence_in_english_and_obstruction_of_assembly() -> None:
    # constructed
    assert fires("C087-A3-penal-sanctions-assembly", doc_of(
        "Article 1. Assemblies\nParticipation in an unauthorised assembly or demonstration shall be punishable "
        "by arrest for up to fifteen days.", "administrative offences code", language="en"))
    # constructed
    assert not fires("C087-A3-penal-sanctions-assembly", doc_of(
        "Article 1. Assemblies\nObstructing the holding of a peaceful assembly shall be punishable by arrest for "
        "up to fifteen days.", "administrative offences code", language="en"))


def test_elected_representatives_where_membership_is_below_half() -> None:
    # constructed
    assert fires("C135-A5-elected-representatives-undermine-union", doc_of(
        "Статья 1. Представители\nЕсли в профсоюзе состоит менее половины работников, интересы работников "
        "представляют профсоюз и выборные представители.", "labour code"))
    # constructed
    assert not fires("C135-A5-elected-representatives-undermine-union", doc_of(
        "Статья 1. Представители\nПри отсутствии профсоюза интересы работников представляют выборные "
        "представители.", "labour code"))


def test_english_patterns_on_strike_rules() -> None:
    # constructed
    assert fires("C087-A3-strike-ban-non-essential", doc_of(
        "Article 1. Unlawful strikes\nStrikes shall be unlawful in railway transport, civil aviation and "
        "communications.", "labour code", language="en"))
    # constructed
    assert fires("C087-A3-compulsory-arbitration", doc_of(
        "Article 1. Arbitration\nWhere strikes are prohibited, the dispute shall be referred to compulsory "
        "arbitration, binding on the parties regardless of any agreement.", "labour code", language="en"))
    # constructed
    assert not fires("C087-A3-compulsory-arbitration", doc_of(
        "Article 1. Arbitration\nThe parties may agree to refer the dispute to voluntary arbitration.",
        "labour code", language="en"))
    # constructed
    assert fires("C087-A5-foreign-affiliation-financing", doc_of(
        "Article 1. Financing\nThe financing of trade unions by foreign organisations is prohibited.",
        "trade union law", language="en"))


def test_uzbek_patterns() -> None:
    # constructed
    assert fires("C087-A3-strike-ban-non-essential", doc_of(
        "1-modda. Ish tashlash\nTemir yoʻl transporti va aloqa tashkilotlarida ish tashlash taqiqlanadi.",
        "labour code", language="uz-Latn", country="UZ"))
    # constructed
    assert fires("C087-A2-excluded-categories", doc_of(
        "1-modda. Aʼzolik\nSudyalar kasaba uyushmalariga aʼzo boʻlishi mumkin emas.",
        "labour code", language="uz-Latn", country="UZ"))


# -- requirement rules: reported when no law analysed implements the obligation ---------------------------

REQUIREMENT_IDS = (
    "C087-A3-right-to-strike-requirement", "C098-A1-antiunion-discrimination-requirement",
    "C098-A2-interference-requirement", "C135-A1-representatives-protection-requirement",
)

_NO_GUARANTEES = "Статья 1. Рабочее время\nНормальная продолжительность рабочего времени не может превышать 40 часов в неделю."


def requirements(docs: list[Document], rule_id: str) -> set[str]:
    report = check_documents(docs, [BY_ID[rule_id]])
    return {f.rule_id for f in report.findings if f.kind == "requirement"}


@pytest.mark.parametrize("rule_id", REQUIREMENT_IDS)
def test_requirement_reported_for_a_labour_law_without_the_guarantee(rule_id: str) -> None:
    # constructed
    assert requirements([doc_of(_NO_GUARANTEES, "labour code")], rule_id) == {rule_id}


def test_uzbek_labour_code_has_no_strike_provision() -> None:
    assert requirements([parsed(UZ_LC)], "C087-A3-right-to-strike-requirement") == {"C087-A3-right-to-strike-requirement"}


@pytest.mark.parametrize(
    ("rule_id", "refs"),
    [
        ("C087-A3-right-to-strike-requirement", [LC24]),  # art. 171 "Право на забастовку"
        ("C087-A3-right-to-strike-requirement", [SEC3_19]),
        ("C098-A1-antiunion-discrimination-requirement", [TU23]),  # art. 7
        ("C098-A1-antiunion-discrimination-requirement", [LC24, TU21]),  # met by the other law analysed
        ("C098-A2-interference-requirement", [TU23]),  # arts. 4, 25
        ("C098-A2-interference-requirement", [SEC3_19]),  # art. 164(5): employers refrain from interference
        ("C135-A1-representatives-protection-requirement", [LC24]),  # art. 169
        ("C135-A1-representatives-protection-requirement", [TU20]),  # art. 26
    ],
)
def test_requirement_not_reported_when_a_law_analysed_implements_it(rule_id: str, refs: list[str]) -> None:
    assert requirements([parsed(r) for r in refs], rule_id) == set()


def test_requirement_does_not_apply_to_criminal_codes() -> None:
    assert requirements([parsed(CC23)], "C098-A1-antiunion-discrimination-requirement") == set()
    # constructed
    assert requirements([doc_of(_NO_GUARANTEES, "criminal code")], "C087-A3-right-to-strike-requirement") == set()


def test_assembly_offence_that_also_names_obstruction_is_still_an_assembly_offence() -> None:
    # constructed after KZ CAO s. 488(1) as worded before 2020 (GT004): obstruction is one alternative only
    assert fires("C087-A3-penal-sanctions-assembly", doc_of(
        "Статья 488. Собрания\n1. Нарушение законодательства о порядке организации или проведения собрания, "
        "митинга либо воспрепятствование их проведению, а равно участие в незаконных собраниях – влекут штраф "
        "либо арест на срок до десяти суток.", "administrative offences code"), "488")
    # constructed after RU CC art. 149: obstruction alone is the protected side's offence
    assert not fires("C087-A3-penal-sanctions-assembly", doc_of(
        "Статья 149. Воспрепятствование\nНезаконное воспрепятствование проведению собрания, митинга или участию в "
        "них – наказывается арестом на срок до трех месяцев.", "criminal code"), "149")
