"""The rule language and the matching engine, on real articles in Russian, Uzbek and English.

The rules here are written for the test (in a temporary rules folder) so that each pattern type is
exercised alone; the product's own rule sets are tested in test_rules_*.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from compliance.check import check_document, check_documents, infer_country
from compliance.cli import main
from compliance.models import DocumentMeta
from compliance.parse import parse_text
from compliance.rules import Rule, RuleError, load_file, load_rules

from .conftest import REPO, parsed

BASE = {
    "convention": "C087",
    "article": "2",
    "title": "test rule",
    "principle": "test principle",
    "kind": "concern",
    "severity": "medium",
    "applies_to": ["criminal code", "labour code", "trade union law", "public associations law"],
    "recommendation": "none",
}


def rules_from(tmp_path: Path, *rules: dict) -> list:  # type: ignore[type-arg]
    path = tmp_path / "r.yaml"
    path.write_text(yaml.safe_dump({"rules": [{**BASE, **r} for r in rules]}, allow_unicode=True), "utf-8")
    return load_file(path)


def hits(doc, rules, country=None) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    out: dict[str, set[str]] = {}
    for f in check_document(doc, rules, country):
        out.setdefault(f.rule_id, set()).add(f.article or "")
    return out


def doc_of(text: str, language: str, kind: str = "criminal code", country: str | None = "KZ"):  # type: ignore[no-untyped-def]
    meta = DocumentMeta(id="constructed", language=language, kind=kind, country=country, title_en="Test Law")
    return parse_text(text, "text", meta=meta)


# -- lemma phrases -------------------------------------------------------------------------------------


def test_inflected_phrase_matches_across_inserted_list_items(tmp_path: Path) -> None:
    rules = rules_from(tmp_path, {"id": "C087-A2-test-discord", "patterns": {"ru": {"phrase": "разжигание социальный рознь"}}})
    doc = parsed("kz/criminal-code-art174@2020-06-26")
    findings = check_document(doc, rules)
    assert [f.article for f in findings] == ["174"]
    f = findings[0]
    # "разжигание социальной, национальной, родовой, расовой, сословной или религиозной розни"
    assert any(f.quote[s:e].startswith("разжигание социальной,") and f.quote[s:e].endswith("розни") for s, e in f.spans)


def test_alternative_head_words_cover_both_editions(tmp_path: Path) -> None:
    rules = rules_from(
        tmp_path, {"id": "C087-A2-test-discord", "patterns": {"ru": {"phrase": "разжигание|возбуждение социальный рознь"}}}
    )
    for ref in ("kz/criminal-code-art174@2015-11-13", "kz/criminal-code-art174@2020-06-26"):
        assert hits(parsed(ref), rules) == {"C087-A2-test-discord": {"174"}}
    # and nothing in a chapter about other crimes
    chapter = parsed("kz/criminal-code-ch09-10-arts250-295-1-incl-art274@2025-09-16")
    assert hits(chapter, rules) == {}


def test_phrase_does_not_cross_a_sentence_end(tmp_path: Path) -> None:
    rules = rules_from(tmp_path, {"id": "C087-A2-test-cross", "patterns": {"ru": {"phrase": "социальный рознь"}}})
    # constructed
    doc = doc_of("Статья 1. Тест\nЭто социальный вопрос. Рознь не допускается.", "ru")
    assert hits(doc, rules) == {}


# -- token patterns ------------------------------------------------------------------------------------


def test_token_pattern_over_lemma_and_shape(tmp_path: Path) -> None:
    rules = rules_from(
        tmp_path,
        {
            "id": "C087-A2-test-tokens",
            "patterns": {"ru": {"tokens": [{"LEMMA": "инициатива"}, {"LOWER": "не"}, {"LOWER": "менее"}, {"IS_DIGIT": True}]}},
        },
    )
    # constructed
    doc = doc_of("Статья 8. Создание\nПрофсоюз создается по инициативе не менее 10 граждан.", "ru", "trade union law")
    assert hits(doc, rules) == {"C087-A2-test-tokens": {"8"}}
    doc = doc_of("Статья 8. Создание\nПрофсоюз создается по инициативе работников.", "ru", "trade union law")
    assert hits(doc, rules) == {}


# -- regular expressions -------------------------------------------------------------------------------


def test_regex_finds_thresholds_in_real_articles(tmp_path: Path) -> None:
    rules = rules_from(tmp_path, {"id": "C087-A2-test-threshold", "patterns": {"ru": {"regex": r"более\s+половины|двух\s+третей"}}})
    found = hits(parsed("kz/trade-unions-law@2023-04-18"), rules)["C087-A2-test-threshold"]
    assert {"11", "13"} <= found and "2" not in found


# -- Uzbek: apostrophes, stems, fuzzy ------------------------------------------------------------------


def test_uzbek_stems_match_whatever_apostrophe_the_text_uses(tmp_path: Path) -> None:
    # The rule is written with an ASCII apostrophe; lex.uz prints ʻ (U+02BB).
    rules = rules_from(
        tmp_path,
        {"id": "C087-A2-test-uz", "applies_to": ["labour code"], "patterns": {"uz-Latn": {"phrase": "mashg'ulot kamsit"}}},
    )
    found = hits(parsed("uz/labour-code@2025-12-12"), rules)["C087-A2-test-uz"]
    assert {"3", "4"} <= found
    # constructed: the same words with a right single quote (’) and a backtick
    doc = doc_of("1-modda. Test\nMehnat va mashg’ulotlar sohasida kamsitish taqiqlanadi.", "uz-Latn", "labour code", "UZ")
    assert hits(doc, rules) == {"C087-A2-test-uz": {"1"}}


def test_fuzzy_phrase_tolerates_ocr_errors_in_uzbek(tmp_path: Path) -> None:
    rules = rules_from(
        tmp_path,
        {
            "id": "C087-A2-test-fuzzy",
            "applies_to": ["labour code"],
            "patterns": {"uz-Latn": {"fuzzy": "majburiy mehnat taqiqlanadi", "threshold": 85}},
        },
    )
    assert "5" in hits(parsed("uz/labour-code@2025-12-12"), rules)["C087-A2-test-fuzzy"]
    # constructed: OCR dropped letters and an apostrophe variant
    doc = doc_of("1-modda. Test\nMajburiy mehnt taqiqlanad.", "uz-Latn", "labour code", "UZ")
    findings = check_document(doc, rules)
    assert len(findings) == 1 and findings[0].confidence < 1.0
    doc = doc_of("1-modda. Test\nIxtiyoriy mehnat rag'batlantiriladi.", "uz-Latn", "labour code", "UZ")
    assert check_document(doc, rules) == []


# -- English -------------------------------------------------------------------------------------------


def test_english_lemmas_match_inflected_forms(tmp_path: Path) -> None:
    rules = rules_from(tmp_path, {"id": "C087-A2-test-en", "patterns": {"en": {"phrase": "incite social discord"}}})
    # constructed
    doc = doc_of("Article 5\nWhoever incites social or national discord shall be punished by imprisonment.", "en")
    assert hits(doc, rules) == {"C087-A2-test-en": {"5"}}
    doc = doc_of("Article 5\nWhoever promotes social dialogue shall be rewarded.", "en")
    assert hits(doc, rules) == {}


# -- composition, scope, negation and exceptions -------------------------------------------------------


def test_all_within_a_sentence_and_unless_exception(tmp_path: Path) -> None:
    rule = {
        "id": "C087-A2-test-citizens",
        "patterns": {
            "ru": {
                "all": [{"phrase": "профсоюз|объединение"}, {"phrase": "гражданин республика казахстан", "gap": 2}],
                "scope": "sentence",
                "unless": [{"phrase": "иностранный гражданин"}],
            }
        },
    }
    rules = rules_from(tmp_path, rule)
    # constructed: both in one sentence → found; in two sentences → not; with the exception → not
    assert hits(doc_of("Статья 1. Т\nПрофсоюз объединяет граждан Республики Казахстан.", "ru", "trade union law"), rules)
    assert not hits(doc_of("Статья 1. Т\nПрофсоюз создается свободно. Граждане Республики Казахстан вправе.", "ru", "trade union law"), rules)
    text = "Статья 1. Т\nПрофсоюз объединяет граждан Республики Казахстан, а также иностранных граждан."
    assert not hits(doc_of(text, "ru", "trade union law"), rules)


def test_none_reports_a_missing_ground(tmp_path: Path) -> None:
    rule = {
        "id": "C087-A2-test-none",
        "patterns": {"ru": {"all": [{"phrase": "дискриминация"}, {"none": [{"phrase": "политический убеждение"}]}]}},
    }
    rules = rules_from(tmp_path, rule)
    # constructed
    assert hits(doc_of("Статья 6. Т\nДискриминация по признаку пола запрещается.", "ru", "labour code"), rules)
    text = "Статья 6. Т\nДискриминация по признаку пола и политических убеждений запрещается."
    assert not hits(doc_of(text, "ru", "labour code"), rules)


def test_applies_to_limits_rules_to_kinds_of_law(tmp_path: Path) -> None:
    rules = rules_from(
        tmp_path, {"id": "C087-A2-test-kind", "applies_to": ["labour code"], "patterns": {"ru": {"phrase": "рознь"}}}
    )
    assert hits(parsed("kz/criminal-code-art174@2020-06-26"), rules) == {}


# -- sanctions -----------------------------------------------------------------------------------------


def test_sanctions_are_classified_with_their_compulsory_labour_basis(tmp_path: Path) -> None:
    rules = rules_from(
        tmp_path,
        {"id": "C087-A2-test-sanction", "sanctions": {"compulsory_labour": True}, "patterns": {"ru": {"phrase": "рознь"}}},
    )
    f = check_document(parsed("kz/criminal-code-art174@2020-06-26"), rules)[0]
    kinds = {s.type: s.compulsory_labour for s in f.sanctions}
    assert kinds == {"fine": False, "restriction_of_freedom": True, "deprivation_of_liberty": True, "disqualification": False}
    assert all(s.basis for s in f.sanctions)
    assert any(f.quote[s:e] == "ограничением свободы" for s, e in f.spans)
    # Without compulsory labour in the penalties, a sanction rule does not fire: a fine-only offence (constructed)
    doc = doc_of("Статья 1. Т\nРазжигание розни наказывается штрафом.", "ru")
    assert check_document(doc, rules) == []


def test_unknown_link_to_compulsory_labour_downgrades_to_concern(tmp_path: Path) -> None:
    rules = rules_from(
        tmp_path,
        {"id": "C087-A2-test-arrest", "kind": "conflict", "sanctions": {"compulsory_labour": True}, "patterns": {"ru": {"phrase": "рознь"}}},
    )
    # constructed: arrest's link to labour is "unknown" in the KZ country data
    doc = doc_of("Статья 1. Т\nРазжигание розни влечет административный арест на срок до десяти суток.", "ru")
    f = check_document(doc, rules)[0]
    assert f.kind == "concern" and f.confidence < 1 and "not established" in f.explanation


# -- findings, contract, determinism --------------------------------------------------------------------


def test_finding_carries_citation_and_trail() -> None:
    findings = check_document(parsed("kz/criminal-code-art174@2020-06-26"), load_rules())
    f = next(f for f in findings if f.rule_id == "C105-A1a-social-discord")
    assert f.citation == (
        "Criminal Code of the Republic of Kazakhstan of 3 July 2014 No. 226-V, art. 174(1), as amended by Law "
        "No. 349-VI of 26 June 2020 (text as of 26 June 2020)"
    )
    assert (f.eid, f.article, f.convention, f.convention_article) == ("art_174", "174", "C105", "1(a)")
    assert f.id == "C105-A1a-social-discord@kz/criminal-code-art174@2020-06-26#art_174"
    assert "C105 Art. 1(a)" in f.explanation and "ограничением свободы" in f.explanation


def test_country_is_inferred_from_the_text_and_said() -> None:
    doc = parse_text(
        "Статья 5. Тест\nРазжигание социальной розни наказывается лишением свободы по законам Республики Казахстан.",
        "text",
        meta=DocumentMeta(id="x", language="ru", kind="criminal code"),
    )
    assert infer_country(doc) == "KZ"
    report = check_documents([doc], load_rules())
    assert any("inferred KZ" in n for n in report.notes)
    c105 = [f for f in report.findings if f.rule_id == "C105-A1a-social-discord"]
    assert c105 and c105[0].kind == "conflict"


def test_check_cli_json_is_deterministic(tmp_path: Path) -> None:
    law = str(REPO / "corpora/national_laws/kz/criminal-code-art174/2015-11-13.md")
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert main(["check", law, "-o", str(a)]) == 0
    assert main(["check", law, "-o", str(b)]) == 0
    assert a.read_bytes() == b.read_bytes()
    data = json.loads(a.read_text("utf-8"))
    assert data["schema_version"] == "1"
    assert set(data["findings"][0]) >= {
        "id", "rule_id", "kind", "severity", "convention", "convention_article", "document_id", "eid", "article",
        "citation", "quote", "spans", "confidence", "explanation",
    }
    committed = json.loads((REPO / "compliance/schemas/findings.schema.json").read_text("utf-8"))
    from compliance.schemas import findings_schema

    assert committed == findings_schema()


# -- rule files ----------------------------------------------------------------------------------------


def test_bad_rule_file_names_file_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "rules:\n  - id: C087-A2-x-y\n    convention: C087\n    article: '2'\n    title: t\n    principle: p\n"
        "    kind: sometimes\n    severity: high\n    applies_to: [labour code]\n    recommendation: r\n"
        "    patterns: {ru: {phrase: x}}\n",
        "utf-8",
    )
    with pytest.raises(RuleError, match=rf"^{path}:7: rules\.0\.kind: "):
        load_file(path)


def test_rule_citing_an_article_missing_from_the_corpus_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match=r"C105 has no article 1\(f\)"):
        rules_from(tmp_path, {"id": "C105-A1f-none-such", "convention": "C105", "article": "1(f)", "patterns": {"ru": {"phrase": "x"}}})
    with pytest.raises(RuleError, match=r"convention C999 is not in corpora"):
        rules_from(tmp_path, {"id": "C999-A1-none-such", "convention": "C999", "article": "1", "patterns": {"ru": {"phrase": "x"}}})


def test_pattern_with_two_kinds_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "two.yaml"
    rule = {**BASE, "id": "C087-A2-two-kinds", "patterns": {"ru": {"phrase": "a", "regex": "b"}}}
    path.write_text(yaml.safe_dump({"rules": [rule]}, allow_unicode=True), "utf-8")
    with pytest.raises(RuleError, match=r"patterns\.ru: .*exactly one of"):
        load_file(path)


def test_cli_exits_2_on_a_bad_rules_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.yaml").write_text("rules: [\n", "utf-8")
    law = str(REPO / "corpora/national_laws/kz/criminal-code-art174/2015-11-13.md")
    assert main(["check", law, "--rules", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "x.yaml:" in err and err.count("\n") == 1


def test_committed_rule_schema_matches_the_models() -> None:
    from compliance.rules import rules_schema

    assert json.loads((REPO / "rules/schema.json").read_text("utf-8")) == rules_schema()


# -- spaCy component -----------------------------------------------------------------------------------


def test_spacy_component_exposes_matches_as_doc_spans() -> None:
    import spacy

    import compliance.check.spacy_component  # noqa: F401

    nlp = spacy.blank("ru")
    nlp.add_pipe("ilo_compliance", config={"language": "ru"})
    doc = nlp("Разжигание социальной розни наказывается ограничением свободы.")
    assert "C105-A1a-social-discord" in {s.label_ for s in doc.spans["ilo_compliance"]}
    assert {s.label_ for s in doc.spans["ilo_sanctions"]} == {"restriction_of_freedom"}


def test_zero_width_characters_do_not_break_words_and_spans_point_at_the_original(tmp_path: Path) -> None:
    rules = rules_from(tmp_path, {"id": "C087-A2-test-zw", "patterns": {"ru": {"phrase": "разжигание социальный рознь"}}})
    # constructed: a zero-width space inside a word and a no-break space between words (web page copy)
    doc = doc_of("Статья 1. Т\nРаз\u200bжигание\u00a0социальной розни запрещено.", "ru")
    f = check_document(doc, rules)[0]
    assert [f.quote[s:e] for s, e in f.spans] == ["Раз\u200bжигание\u00a0социальной розни"]


def test_english_phrases_and_tokens_on_a_real_english_text(tmp_path: Path) -> None:
    # The corpus's English texts are the ILO conventions: C105 Art. 1 reads "undertakes to suppress and not to
    # make use of any form of forced or compulsory labour" — inflection ("suppress") and inserted words.
    rules = rules_from(
        tmp_path,
        {"id": "C087-A2-test-en-real", "applies_to": ["convention"], "patterns": {"en": {"phrase": "suppress forced|compulsory labour"}}},
        {
            "id": "C087-A2-test-en-tokens",
            "applies_to": ["convention"],
            "patterns": {"en": {"tokens": [{"LEMMA": "ratify"}, {"LOWER": "this"}, {"LOWER": "convention"}]}},
        },
    )
    found = hits(parsed("C105"), rules)
    assert found["C087-A2-test-en-real"] == {"1"}
    assert {"1", "2"} <= found["C087-A2-test-en-tokens"]  # "which ratifies this Convention"
    assert "C087-A2-test-en-real" not in hits(parsed("C100"), rules)


# -- prefilters -----------------------------------------------------------------------------------------


def _holding(doc, rules, exhaustive: bool) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(article eId, rule id) of every rule that holds on an article. `exhaustive` evaluates every rule on
    every article with every prefilter off: no trigger index, no can-it-hold test, no literal or word anchor."""
    from compliance.check.compile import compile_rules
    from compliance.check.evaluation import Evaluator, candidate_rules, evaluate
    from compliance.check.match import match_articles
    from compliance.check.text import article_text

    compiled = compile_rules(rules, doc.document.language)
    if exhaustive:
        compiled.literals = {}
        compiled.tokens.anchors = {k: () for k in compiled.tokens.anchors}
    out = set()
    texts = [article_text(a) for a in doc.articles() if not a.repealed]
    for am in match_articles(compiled, texts):
        for rule in compiled.rules if exhaustive else candidate_rules(compiled, am):
            if exhaustive:
                ev = Evaluator(compiled, am)
                ev.possible = lambda pattern: True  # type: ignore[method-assign]
                held = ev.evidence(rule) is not None
            else:
                held = evaluate(compiled, rule, am) is not None
            if held:
                out.add((am.text.node.eid, rule.id))
    return out


@pytest.mark.parametrize(
    "ref",
    ["ru/labour-code@2023-08-04", "uz/labour-code@2025-12-12", "kz/trade-unions-law@2021-07-01:kk",
     "kz/criminal-code-ch04-05-arts160-186-incl-art174@2025-09-16", "C087"],
)
def test_prefilters_never_lose_a_match(ref: str) -> None:
    """Skipping rules by trigger, quick tests, regex literals and token-pattern word anchors only saves work:
    the same rules hold on the same articles as when every rule is evaluated everywhere."""
    doc, rules = parsed(ref), load_rules()
    fast = _holding(doc, rules, exhaustive=False)
    assert fast, "the rules hold somewhere in each of these texts"
    assert fast == _holding(doc, rules, exhaustive=True)


def test_regex_only_rule_is_evaluated_only_where_its_literal_occurs(tmp_path: Path) -> None:
    from compliance.check.compile import compile_rules
    from compliance.check.evaluation import candidate_rules
    from compliance.check.match import match_articles
    from compliance.check.text import article_text

    rules = rules_from(tmp_path, {"id": "C087-A2-test-regex-only", "patterns": {"ru": {"regex": r"не\s+менее\s+(?:\d+)\s+членов"}}})
    compiled = compile_rules(rules, "ru")
    assert compiled.literals and not compiled.index.always  # the regex's strings trigger the rule
    doc = doc_of("Статья 1. Учредители\nНе менее 50 членов.\nСтатья 2. Прочее\nНе менее 50 человек.", "ru")
    ams = list(match_articles(compiled, [article_text(a) for a in doc.articles()]))
    assert [bool(candidate_rules(compiled, am)) for am in ams] == [True, False]
    assert hits(doc, rules) == {"C087-A2-test-regex-only": {"1"}}


def test_required_literals_look_into_groups_and_alternations() -> None:
    from compliance.literals import required_literals

    assert required_literals(r"(?:профсоюз\w*)\s+(?:создаются|образуются)") == (
        ("образуются", "создаются"),
        ("профсоюз",),
    )
    assert required_literals(r"[a-z]+\d") == ()  # nothing literal to test: the regex always runs
    assert required_literals(r"(?:x)?abc") == (("abc",),)
    assert required_literals(r"(?:граждан)?\s+РФ") == ()  # an optional group is not required


def test_a_phrase_hard_wrapped_mid_sentence_matches_as_the_unwrapped_text() -> None:
    # constructed: a two-thirds strike ballot, as a plain-text or PDF export breaks it
    text = ("Статья 14. Забастовка\n1. Решение об объявлении забастовки принимается собранием работников, если за "
            "него проголосовало не менее двух\nтретей от общего числа работников организации.\n")
    found = []
    for body in (text, text.replace("двух\nтретей", "двух третей")):
        doc = parse_text(body)
        doc.document.kind, doc.document.country = "labour code", "KZ"
        found.append([(f.rule_id, f.citation.rsplit(",", 1)[-1]) for f in check_documents([doc], None, "KZ").findings])
    assert found[0] == found[1] and ("C087-A3-strike-ballot-excessive", " art. 14(1)") in found[0]


def test_a_rule_set_changed_under_the_same_ids_is_checked_with_its_new_patterns() -> None:
    # compiled rule sets are kept by content: a rule edited in place (or a new list whose objects reuse the
    # memory of a freed one) never gets the compiled patterns of the rule it replaced
    rule = {"id": "C105-A1a-test", "convention": "C105", "article": "1(a)", "title": "t", "principle": "p",
            "kind": "conflict", "severity": "high", "applies_to": ["criminal code"], "recommendation": "r",
            "patterns": {"ru": {"phrase": "социальный рознь"}}}
    doc = parse_text("Статья 1. Рознь\n1. Разжигание социальной розни наказывается штрафом.")
    doc.document.kind = "criminal code"
    first = [Rule.model_validate(rule)]
    assert [f.rule_id for f in check_document(doc, first, "KZ")] == ["C105-A1a-test"]
    first[0].patterns["ru"].phrase = "классовый рознь"
    assert check_document(doc, first, "KZ") == []


@pytest.mark.parametrize("command", [["check", "kz/criminal-code"], ["report", "--country", "KZ", "--no-pdf"],
                                     ["compare", "--countries", "KZ"]])
def test_conventions_no_rule_checks_are_one_usage_line_not_a_clean_result(
        command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from compliance.cli import main

    assert main([*command, "--conventions", "C087,C151", "-o", str(tmp_path / "out"), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("compliance: --conventions: no rule checks C151, so nothing would be checked")
    assert err.count("\n") == 1


def _test_rule(ru: dict[str, object]) -> list[Rule]:
    return [Rule.model_validate({
        "id": "C087-A3-test", "convention": "C087", "article": "3", "title": "t", "principle": "p",
        "kind": "concern", "severity": "medium", "applies_to": ["labour code"], "recommendation": "r",
        "patterns": {"ru": ru}})]


def test_a_regex_reads_yo_and_ye_alike_and_its_evidence_keeps_the_law_s_letters() -> None:
    # "объём", "признаётся": the law writes "ё" where the rule wrote "е", and the other way round
    for pattern, text in (("минимальн\\w+\\s+объем", "Минимальный объём работ определяется органом."),
                          ("признаётся", "Право на забастовку признается законом.")):
        doc = parse_text(f"Статья 1. Т\n{text}\n")
        doc.document.kind = "labour code"
        found = check_document(doc, _test_rule({"regex": pattern}), "KZ")
        assert [f.rule_id for f in found] == ["C087-A3-test"]
        assert [found[0].quote[s:e] for s, e in found[0].spans][0] in text
    # a token pattern's LOWER word written with "ё" reads the law's "е"
    doc = parse_text("Статья 1. Т\nМинимальный объем работ определяется органом.\n")
    doc.document.kind = "labour code"
    tokens = {"tokens": [{"LOWER": {"IN": ["минимальный", "наименьший"]}}, {"LOWER": "объём"}, {"LOWER": "работ"}]}
    assert [f.rule_id for f in check_document(doc, _test_rule(tokens), "KZ")] == ["C087-A3-test"]


def test_a_word_in_the_heading_alone_does_not_meet_a_none_condition() -> None:
    # the heading names every minor ("несовершеннолетнего"); the body reaches only those under sixteen
    rules = _test_rule({"all": [{"regex": "проституц"}, {"regex": "шестнадцат"},
                                {"none": [{"regex": "несовершеннолетн"}]}]})
    heading_only = parse_text("Статья 1. Вовлечение несовершеннолетнего в проституцию\nВовлечение лица, не достигшего "
                              "шестнадцатилетнего возраста, в занятие проституцией наказывается лишением свободы.\n")
    in_body = parse_text("Статья 1. Вовлечение в проституцию\nВовлечение несовершеннолетнего, а равно лица, не "
                         "достигшего шестнадцатилетнего возраста, в занятие проституцией наказывается лишением свободы.\n")
    for doc in (heading_only, in_body):
        doc.document.kind = "labour code"
    assert [f.rule_id for f in check_document(heading_only, rules, "KZ")] == ["C087-A3-test"]
    assert check_document(in_body, rules, "KZ") == []
