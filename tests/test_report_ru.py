"""`--lang ru` reports: every rule's title, principle and recommendation are ours in Russian, and so is every
finding's explanation; convention texts stay in the English authentic text; English output is unchanged."""

from __future__ import annotations

import re
from functools import cache

import lxml.html as lxml_html

from compliance.check import check_documents
from compliance.corpus import load_document
from compliance.report.html import render_html
from compliance.report.model import Report, build
from compliance.report.render import report_markdown
from compliance.report.russian import rules_ru
from compliance.rules import Rule, load_rules

CC = "kz/criminal-code-ch04-05-arts160-186-incl-art174"
CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def _words(text: str) -> str:
    return " ".join(text.split())


@cache
def kz_report() -> tuple[Report, tuple[Rule, ...]]:
    rules = load_rules()
    doc = load_document(CC)
    return build([doc], check_documents([doc], rules, "KZ"), rules, country="KZ", with_law_text=False), tuple(rules)


def test_every_rule_has_a_russian_title_principle_and_recommendation() -> None:
    rules = load_rules()
    ru = rules_ru()
    assert sorted(ru) == sorted(r.id for r in rules)
    for r in rules:
        texts = ru[r.id]
        for key, english in (("title", r.title), ("principle", r.principle), ("recommendation", r.recommendation)):
            assert CYRILLIC.search(texts[key]), (r.id, key)
            assert texts[key] != english, (r.id, key)


def test_russian_report_explains_every_finding_in_russian_without_the_english_principles() -> None:
    report, rules = kz_report()
    assert report.findings, "the Kazakh Criminal Code chapters give findings (art. 174 among them)"
    page = lxml_html.fromstring(render_html(report, "ru"))
    text, md = _words(page.text_content()), _words(report_markdown(report, "ru"))
    for r in rules:
        assert _words(r.principle) not in text and _words(r.principle) not in md, r.id
    shown = {_words(dd.text_content()) for dd in page.xpath("//dl[@class]/dd")}
    for c in report.conventions:
        for v in c.views:
            ru = v.explanation("ru")
            assert v.rule is not None and ru != v.f.explanation, v.f.id
            assert ru.startswith(rules_ru()[v.rule.id]["title"]) and "Согласно " in ru, v.f.id
            assert _words(ru) in shown, v.f.id
            # the same parts as the English one: penalties and the compulsory-labour note where it has them
            assert ("Примечание: " in ru) == (" Note: " in v.f.explanation), v.f.id
            labels = ("Наказания, предусмотренные статьёй: ", "Наказания за соответствующие части состава: ")
            assert any(label + v.f.sanctions[0].text in ru for label in labels) if v.f.sanctions else \
                not any(label in ru for label in labels), v.f.id


def test_russian_report_quotes_conventions_in_the_english_authentic_text() -> None:
    report, _ = kz_report()
    html = render_html(report, "ru")
    quotes = lxml_html.fromstring(html).xpath('//blockquote[@class="conv"][@lang="en"]')
    assert quotes and not any(CYRILLIC.search(q.text_content()) for q in quotes)


def test_english_report_keeps_the_explanation_check_wrote() -> None:
    report, _ = kz_report()
    page = lxml_html.fromstring(render_html(report, "en"))
    shown = {_words(dd.text_content()) for dd in page.xpath("//dl[@class]/dd")}
    for c in report.conventions:
        for v in c.views:
            assert v.rule is not None and v.explanation("en") == v.f.explanation
            assert _words(v.f.explanation) in shown and _words(v.rule.principle) in shown, v.f.id
