"""`make bench`: speed and memory of each stage on the real corpus, as ratios to baselines timed in the same run.

Each measurement is the median of several runs, ours and the baseline taking turns. Ratios (ours /
baseline) are what the goals speak of, so the numbers mean the same on a fast and a slow machine. Writes
bench/results.json and prints a table.

- parse: `compliance.parse.parse_file` on the RU Labour Code (2.1 MB of official HTML) against lxml alone
  parsing the same file and extracting its text (goal: ratio ≤ 3).
- check: `compliance.check.check_document` with every rule on the RU Labour Code against spaCy's blank
  Russian tokenizer alone over the same article texts (goal: ratio ≤ 3).
- rule_scaling: check time with ten times more rules (each real rule copied nine times under new ids as
  distinct patterns that match what the original matches, see `synthetic_rules`) over check time with the
  real rules (goal: ratio ≤ 1.5).
- diff: see bench/bench_diff.py (goal: ratio ≤ 3 against `git diff --no-index --word-diff`).
- large_input: a 50 MB plain-text law (the Uzbek Labour Code repeated with its articles renumbered) parsed
  and checked in a fresh process; its peak resident memory as a multiple of the input size, and, above the
  memory of the libraries and compiled rules, as copies of the text as Python holds it.
- peak_memory_mb: the largest resident set size of this process during the run.
"""

from __future__ import annotations

import json
import resource
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from lxml import html

from compliance.parse import parse_file

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import paired_seconds, ratio_result  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
RU_LC = REPO / "corpora/national_laws/ru/labour-code/2023-08-04.html"


def lxml_text_baseline() -> str:
    root = html.document_fromstring(RU_LC.read_bytes())
    return root.text_content()


def bench_parse() -> dict[str, object]:
    ours, base = paired_seconds(lambda: parse_file(RU_LC), lxml_text_baseline)
    doc = parse_file(RU_LC)
    return ratio_result(
        ours,
        base,
        "lxml.html.document_fromstring + text_content on the same file",
        "ratio <= 3",
        articles=len(doc.articles()),
        mb_per_second=round(RU_LC.stat().st_size / 1e6 / ours, 2),
    )


def _articles_texts() -> list[str]:
    from compliance.check.text import article_text

    return [article_text(a).text for a in parse_file(RU_LC).articles()]


def bench_check() -> dict[str, object]:
    import spacy

    from compliance.check import check_document
    from compliance.rules import load_rules

    doc = parse_file(RU_LC)
    rules = load_rules()
    findings = check_document(doc, rules)  # also compiles the rules once: compiling is not checking
    nlp = spacy.blank("ru")
    texts = _articles_texts()
    ours, base = paired_seconds(lambda: check_document(doc, rules), lambda: list(nlp.tokenizer.pipe(texts)), 5)
    return ratio_result(
        ours,
        base,
        "spaCy blank('ru') tokenizer over the same article texts",
        "ratio <= 3",
        rules=len(rules),
        findings=len(findings),
    )


def synthetic_rules(rules: list, copies: int) -> list:  # type: ignore[type-arg]
    """Each rule plus `copies` renamed copies that are distinct patterns matching exactly what the original
    matches: each copy's phrases get an alternative for their first word that no law contains
    ("штраф" → "штраф|zzq3x"), its token patterns an optional last token no law contains, its regular
    expressions an optional suffix no law contains, its fuzzy phrases the same suffix word. The engine
    keys patterns by their text, so nothing is shared between copies, while every copy finds (and costs)
    what its original does."""

    def variant(cond, n: int):  # type: ignore[no-untyped-def]
        never = f"zzq{n}x"

        def walk(d):  # type: ignore[no-untyped-def]
            if isinstance(d, dict):
                out = {}
                for k, v in d.items():
                    if k == "phrase":
                        first, *rest = v.split()
                        out[k] = " ".join([f"{first}|{never}", *rest])
                    elif k == "fuzzy":
                        out[k] = f"{v} {never}"
                    elif k == "regex":
                        out[k] = f"(?:{v})(?:{never})?"
                    elif k == "tokens":
                        out[k] = [*v, {"LOWER": never, "OP": "?"}]
                    else:
                        out[k] = walk(v)
                return out
            if isinstance(d, list):
                return [walk(x) for x in d]
            return d

        return type(cond).model_validate(walk(cond.model_dump(exclude_none=True)))

    out = list(rules)
    for n in range(copies):
        for rule in rules:
            patterns = {lang: variant(c, n) for lang, c in rule.patterns.items()}
            out.append(rule.model_copy(update={"id": f"{rule.id}-copy{n}", "patterns": patterns}))
    return out


def bench_rule_scaling() -> dict[str, object]:
    from compliance.check import check_document
    from compliance.rules import load_rules

    doc = parse_file(RU_LC)
    rules = load_rules()
    many = synthetic_rules(rules, 9)
    ten, one = paired_seconds(lambda: check_document(doc, many), lambda: check_document(doc, rules), 5)
    return ratio_result(ten, one, f"check with the {len(rules)} real rules", "ratio <= 1.5", rules=len(many))


_LARGE_CHILD = """
import resource, sys, time
from compliance.parse import parse_file, parse_text
from compliance.check import check_document

def peak_mb():
    # VmHWM: the high-water mark of this process's own memory. ru_maxrss is no good here: Linux carries it
    # over exec from the forked parent, so the child would start at the parent's peak.
    try:
        with open("/proc/self/status") as fh:
            return next(int(l.split()[1]) for l in fh if l.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

# Libraries and compiled rules first (spaCy, pymorphy3, the rule index): memory any check needs.
check_document(parse_text("1-modda. Sinov.\\nMajburiy mehnat taqiqlanadi.", "text"))
libraries = peak_mb()
t = time.perf_counter()
doc = parse_file(sys.argv[1])
parsed = time.perf_counter() - t
findings = check_document(doc)
total = time.perf_counter() - t
print(len(doc.articles()), len(findings), round(parsed, 2), round(total, 2),
      peak_mb(), libraries, sys.getsizeof(doc.source_text) / 2**20)
"""


def bench_large(target_mb: int = 50) -> dict[str, object]:
    """Parse and check a 50 MB input in a child process; report time and peak memory (not a ratio)."""
    import re
    import subprocess
    import tempfile

    base = (REPO / "corpora/national_laws/uz/labour-code/2025-12-12.txt").read_text("utf-8")
    copies = []
    size, k = 0, 0
    while size < target_mb * 1_000_000:
        shift = k * 1000
        copies.append(re.sub(r"(?m)^(\d+)-modda\.", lambda m, shift=shift: f"{int(m.group(1)) + shift}-modda.", base))
        size += len(copies[-1].encode("utf-8"))
        k += 1
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as fh:
        fh.write("\n".join(copies))
        path = fh.name
    try:
        out = subprocess.run([sys.executable, "-c", _LARGE_CHILD, path], capture_output=True, text=True, check=True)
    finally:
        Path(path).unlink()
    articles, findings, parse_s, total_s, peak, libraries, text_mb = out.stdout.split()
    mb = size / 1e6
    return {
        "input_mb": round(mb, 1),
        "articles": int(articles),
        "findings": int(findings),
        "parse_seconds": float(parse_s),
        "parse_and_check_seconds": float(total_s),
        "peak_memory_mb": round(float(peak), 1),
        "peak_over_input": round(float(peak) / mb, 2),
        # what the law itself costs: the peak above the libraries, in copies of its text as Python holds it
        # (a str of Uzbek Latin with "ʻ" takes 2 bytes a character, so one copy is ~2x the UTF-8 file)
        "libraries_mb": round(float(libraries), 1),
        "text_in_memory_mb": round(float(text_mb), 1),
        "text_copies_at_peak": round((float(peak) - float(libraries)) / float(text_mb), 2),
    }


def traced_peak_mb(fn: Callable[[], object]) -> float:
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return round(peak / 2**20, 1)


def main() -> int:
    results: dict[str, object] = {"parse": bench_parse(), "check": bench_check()}
    try:
        sys.path.insert(0, str(REPO / "bench"))
        from bench_diff import bench_diff

        results["diff"] = bench_diff()
    except ImportError:
        pass
    results["rule_scaling"] = bench_rule_scaling()
    if "--quick" not in sys.argv:
        results["large_input"] = bench_large()
    results["parse_traced_peak_mb"] = traced_peak_mb(lambda: parse_file(RU_LC))
    results["peak_memory_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    out = REPO / "bench/results.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{'stage':<8} {'ours s':>8} {'base s':>8} {'ratio':>6}  baseline")
    for stage in ("parse", "check", "diff", "rule_scaling"):
        r = results.get(stage)
        if r is None:
            continue
        assert isinstance(r, dict)
        print(f"{stage:<8} {r['seconds']:>8} {r['baseline_seconds']:>8} {r['ratio']:>6}  {r['baseline']}")
    print(f"peak memory: {results['peak_memory_mb']} MB (RSS); parse allocations peak {results['parse_traced_peak_mb']} MB")
    large = results.get("large_input")
    if isinstance(large, dict):
        print(
            f"large input: {large['input_mb']} MB, {large['articles']} articles: parse {large['parse_seconds']} s, "
            f"parse+check {large['parse_and_check_seconds']} s, peak {large['peak_memory_mb']} MB "
            f"({large['peak_over_input']}x the input; {large['libraries_mb']} MB of it libraries and rules, "
            f"the rest {large['text_copies_at_peak']}x the text's {large['text_in_memory_mb']} MB in memory)"
        )
    print(f"written: {out.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
