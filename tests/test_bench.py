"""The benchmark's own machinery: fair synthetic rules, alternating timings, the large-input run."""

from __future__ import annotations

import json
import sys

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
    # every copy of a rule with patterns has patterns of its own (the engine cannot merge it with another)
    texts = {r.id: json.dumps({k: c.model_dump(mode="json") for k, c in r.patterns.items()}, sort_keys=True) for r in many}
    patterned = [r.id for r in rules if any(f'"{key}"' in texts[r.id] for key in ("phrase", "fuzzy", "regex", "tokens"))]
    assert patterned
    for rid in patterned:
        assert len({texts[rid], texts[f"{rid}-copy0"], texts[f"{rid}-copy1"]}) == 3, rid


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


def test_results_keep_one_entry_per_figure_of_the_issue() -> None:
    assert bench.KEYS == ("startup", "check", "jobs", "ru_codes", "rule_scaling", "parse", "diff", "batch", "memory")


def test_readme_table_shows_each_figure_with_its_range_and_baseline() -> None:
    results = {
        "check": {"ratio": 1.2, "range": [1.1, 1.4], "seconds": 1.0, "baseline_seconds": 0.8, "goal": "ratio <= 3",
                  "baseline": "the tokenizer"},
        "jobs": {"speedup": 1.9, "range": [1.8, 1.95], "seconds": 20, "baseline_seconds": 38, "goal": "speedup >= 1.8",
                 "baseline": "--jobs 1"},
        "memory": {"mb_per_input_mb": 4.1, "goal": "< 5", "baseline": "none"},
    }
    lines = bench.readme_table(results).splitlines()
    assert len(lines) == 5
    assert lines[2] == "| check | 1.2 | 1.1–1.4 | 1.0 | 0.8 | ratio <= 3 | the tokenizer |"
    assert lines[3].startswith("| jobs | 1.9 speedup | 1.8–1.95 |")
    assert lines[4].startswith("| memory | 4.1 mb per input mb |")


def test_the_large_law_renumbers_each_copy_of_its_articles() -> None:
    with bench.large_law(1) as path:
        text = path.read_text("utf-8")
    assert "1-modda." in text and "1001-modda." in text


def test_the_machine_ceiling_times_two_processes_at_once_against_one_after_the_other(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(bench, "_SPIN", [sys.executable, "-c", "sum(i * i for i in range(300_000))"])
    assert 0.5 < bench.two_process_ceiling() < 3


def test_the_readme_table_shows_the_one_law_speedup_and_the_machine_ceilings() -> None:
    jobs = {"speedup": 1.81, "range": [1.7, 1.9], "seconds": 9.0, "baseline_seconds": 16.3, "machine_ceiling": 1.93,
            "goal": "speedup >= 1.8 (codes and one law)", "baseline": "codes",
            "one_law": {"speedup": 1.77, "range": [1.68, 1.79], "seconds": 22.8, "baseline_seconds": 40.4,
                        "input_mb": 40.4, "machine_ceiling": 1.85}}
    table = bench.readme_table({"jobs": jobs})
    assert "| jobs | 1.81 speedup (machine 1.93) | 1.7–1.9 |" in table
    assert "| jobs, one law | 1.77 speedup (machine 1.85) | 1.68–1.79 | 22.8 | 40.4 |" in table
