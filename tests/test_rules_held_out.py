"""The rules on provisions and traps written from the supervisory bodies' principles by sessions that never saw
the rules: single articles (tests/fixtures/rules-held-out-2.yaml; in Kazakh, rules-kazakh.yaml; one for each
ILO supervisory finding a rule covers, rules-held-out-4.yaml; mostly traps, rules-held-out-6.yaml; in Uzbek and
Kazakh, rules-held-out-7.yaml; English translations, rules-held-out-8.yaml; penal provisions,
rules-held-out-9.yaml) and excerpts of codes of several articles under
their headings (rules-held-out-3.yaml; whole chapters, rules-held-out-5.yaml); each file's header says how it
was made and what the rules found in it before they were fixed on it. Every provision is flagged by its rule (or by a rule that states the
same objection) on its own article, no trap by the rule it tempts. A case not flagged yet says why."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from .rulesets import RuleSet

FIXTURES = Path(__file__).parent / "fixtures"
KAZAKH: list[dict[str, Any]] = [{**case, "lang": "kk", "country": "KZ"} for case in
                                 yaml.safe_load((FIXTURES / "rules-kazakh.yaml").read_text("utf-8"))]
CASES: list[dict[str, Any]] = [*yaml.safe_load((FIXTURES / "rules-held-out-2.yaml").read_text("utf-8")),
                               *yaml.safe_load((FIXTURES / "rules-held-out-4.yaml").read_text("utf-8")),
                               *yaml.safe_load((FIXTURES / "rules-held-out-6.yaml").read_text("utf-8")),
                               *yaml.safe_load((FIXTURES / "rules-held-out-7.yaml").read_text("utf-8")),
                               *yaml.safe_load((FIXTURES / "rules-held-out-8.yaml").read_text("utf-8")),
                               *yaml.safe_load((FIXTURES / "rules-held-out-9.yaml").read_text("utf-8")), *KAZAKH]
EXCERPTS: list[dict[str, Any]] = [*yaml.safe_load((FIXTURES / "rules-held-out-3.yaml").read_text("utf-8")),
                                   *yaml.safe_load((FIXTURES / "rules-held-out-5.yaml").read_text("utf-8"))]
RULES = RuleSet("c029-forced-labour.yaml", "c087-freedom-of-association.yaml", "c098-collective-bargaining.yaml",
                "c105-forced-labour.yaml", "c111-c100-discrimination.yaml", "c135-c151-c154-representation.yaml",
                "c138-c182-child-labour.yaml")
FLAGS = ("conflict", "concern")
LANGUAGES = {"ru": "ru", "en": "en", "uz": "uz-Latn", "kk": "kk"}


def _flagged(case: dict[str, Any]) -> set[str]:
    got = RULES.fired(case["text"], case["kind"], case["country"], LANGUAGES[case["lang"]])
    return {rule for rule, kind in got.items() if kind in FLAGS}


def _param(case: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(reason=case["known_miss"], strict=True)] if case.get("known_miss") else []
    return pytest.param(case, id=case["id"], marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES if c["expect"] != "none"])
def test_a_provision_written_from_the_principles_is_flagged(case: dict[str, Any]) -> None:
    assert {case["expect"], *case.get("accept", [])} & _flagged(case), case["text"]


@pytest.mark.parametrize("case", [_param(c) for c in CASES if c["expect"] == "none"])
def test_a_trap_written_from_the_principles_is_not_flagged_by_the_rule_it_tempts(case: dict[str, Any]) -> None:
    assert case["trap_of"] not in _flagged(case), case["text"]


def test_the_set_covers_every_language_and_more_traps_than_a_token_few() -> None:
    assert {c["lang"] for c in CASES} == set(LANGUAGES)
    assert sum(c["expect"] == "none" for c in CASES) >= 50


_FLAGGED: dict[str, dict[str, set[str]]] = {}


def _by_article(excerpt: dict[str, Any]) -> dict[str, set[str]]:
    """{article number: rules that flag it} on a whole excerpt, parsed as one law (checked once)."""
    if excerpt["id"] not in _FLAGGED:
        found = RULES.check_text(excerpt["text"], excerpt["kind"], excerpt["country"], LANGUAGES[excerpt["lang"]])
        flagged: dict[str, set[str]] = {}
        for finding in found:
            if finding.kind in FLAGS:
                flagged.setdefault(str(finding.article), set()).add(finding.rule_id)
        _FLAGGED[excerpt["id"]] = flagged
    return _FLAGGED[excerpt["id"]]


def _excerpt_param(excerpt: dict[str, Any], item: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(reason=item["known_miss"], strict=True)] if item.get("known_miss") else []
    return pytest.param(excerpt, item, id=f"{excerpt['id']}-{item['article']}", marks=marks)


@pytest.mark.parametrize(("excerpt", "flag"), [_excerpt_param(e, f) for e in EXCERPTS for f in e.get("flags") or []])
def test_a_provision_in_an_excerpt_of_a_code_is_flagged_on_its_own_article(excerpt: dict[str, Any],
                                                                           flag: dict[str, Any]) -> None:
    got = _by_article(excerpt).get(str(flag["article"]), set())
    assert {flag["rule"], *flag.get("accept", [])} & got, got


@pytest.mark.parametrize(("excerpt", "trap"), [_excerpt_param(e, t) for e in EXCERPTS for t in e.get("traps") or []])
def test_a_trap_in_an_excerpt_of_a_code_is_not_flagged_by_the_rule_it_tempts(excerpt: dict[str, Any],
                                                                             trap: dict[str, Any]) -> None:
    assert trap["rule"] not in _by_article(excerpt).get(str(trap["article"]), set())
