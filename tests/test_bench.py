"""The benchmark's own machinery: fair synthetic rules, alternating timings, the large-input run."""

from __future__ import annotations

import sys

from compliance.check.compile import compile_rules
from compliance.rules import load_rules

from .conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
from timing import paired_seconds

import bench


def test_synthetic_rules_are_distinct_patterns_of_the_same_shape() -> None:
    rules = load_rules()
    many = bench.synthetic_rules(rules, 2)
    assert len(many) == 3 * len(rules)
    assert len({r.id for r in many}) == len(many)
    one, three = compile_rules(rules, "ru"), compile_rules(many, "ru")
    # every copy's phrases, regexes and token patterns are its own, not shared with the original
    assert len(three.phrases) - len(three.sanction_kinds) == 3 * (len(one.phrases) - len(one.sanction_kinds))
    assert len(three.regexes) == 3 * len(one.regexes)
    assert len(three.tokens.matchers) == 3 * len(one.tokens.matchers)
    # and a copy's regex needs the same strings as its original, so the prefilter treats them alike
    assert {three.literals[k] for k in three.regexes} == {one.literals[k] for k in one.regexes}


def test_ours_and_baseline_take_turns() -> None:
    calls: list[str] = []
    paired_seconds(lambda: calls.append("ours"), lambda: calls.append("base"), runs=3)
    assert calls == ["ours", "base"] * 4  # one warm-up each, then alternating


def test_large_input_run_reports_memory_above_the_libraries() -> None:
    out = bench.bench_large(target_mb=1)
    assert out["articles"] >= 581 and out["findings"] > 0
    assert 0 < out["libraries_mb"] < out["peak_memory_mb"]
    assert out["text_copies_at_peak"] > 0


def test_synthetic_copies_find_what_their_original_finds() -> None:
    from compliance.check import check_document

    from .conftest import parsed

    doc, rules = parsed("kz/criminal-code-ch04-05-arts160-186-incl-art174@2025-09-16"), load_rules()
    found = {(f.rule_id.split("-copy")[0], f.eid) for f in check_document(doc, rules)}
    copies = check_document(doc, bench.synthetic_rules(rules, 1))
    assert found
    assert {(f.rule_id, f.eid) for f in copies if "-copy0" in f.rule_id} == {(r + "-copy0", e) for r, e in found}
