"""The rules on a set of provisions and traps written from the supervisory bodies' principles by a session that
never saw the rules (tests/fixtures/rules-held-out-2.yaml, whose header says how it was made and what the
rules found in it before they were fixed on it): every provision flagged by its rule (or by a rule that states
the same objection), no trap flagged by the rule it tempts. A case the checker does not flag yet says why."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from .rulesets import RuleSet

CASES: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "fixtures" / "rules-held-out-2.yaml")
                                             .read_text("utf-8"))
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
