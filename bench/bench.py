"""`make bench`: speed and memory of each stage on the real corpus, as ratios to baselines timed in the same run.

Each measurement is the median of several runs, ours and the baseline taking turns. Ratios (ours /
baseline) are what the goals speak of, so the numbers mean the same on a fast and a slow machine. Writes
bench/results.json, one entry per figure (`KEYS`), each with its baseline described, and prints the table
that README.md shows (`readme_table`).

- startup: `compliance check` of a one-article file in a fresh process, the rule cache warm, against
  `python -c "import spacy"` (goal: ratio ≤ 1.5).
- check: `compliance.check.check_document` with every rule on the RU Labour Code against spaCy's blank
  Russian tokenizer alone over the same article texts, its cache working (each line tokenised first, as
  the engine does, and a cache larger than the law's distinct chunks) (goal: ratio ≤ 3).
- jobs: `compliance check --jobs 1` ÷ `--jobs 2` over the 23 Russian codes of ../shared (35 MB of
  official HTML), and over one 40 MB law (goal: speed-up ≥ 1.8 each). Beside each, the machine's own
  ceiling at that time (`two_process_ceiling`): a virtual machine's two vCPUs are not always two cores.
- ru_codes: the same 23 codes, parse + check, `--jobs 2`: seconds and MB/s (goal: ≤ 30 s).
- rule_scaling: check time with ten times more rules (each real rule copied nine times under new ids as
  distinct patterns that match what the original matches, see `synthetic_rules`) over check time with the
  real rules (goal: ratio ≤ 1.5).
- parse: `compliance.parse.parse_file` on the RU Labour Code against lxml alone parsing the same file and
  extracting its text (goal: ratio ≤ 4).
- diff: see bench/bench_diff.py (goal: ratio ≤ 3 against `git diff --no-index --word-diff`).
- batch: `compliance batch` on a local Dask cluster of 2 worker processes against `compliance check
  --jobs 2` on the same Russian codes (goal: ratio ≤ 1.2).
- memory: a 40 MB plain-text law (the Uzbek Labour Code repeated with its articles renumbered) parsed and
  checked in a fresh process: its peak resident memory per input MB (goal: < 5), and above the memory of
  the libraries and compiled rules, as copies of the text as Python holds it.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from lxml import html

from compliance.parse import parse_file

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import LAST_RATIOS, paired_seconds, ratio_result  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
RU_LC = REPO / "corpora/national_laws/ru/labour-code/2023-08-04.html"
RU_CODES = REPO.parent / "shared/sources/national_laws/ru/codes"  # ../shared in the CI layout
ONE_ARTICLE = REPO / "corpora/national_laws/kz/criminal-code-art174/2020-06-26.md"
KEYS = ("startup", "check", "jobs", "ru_codes", "rule_scaling", "parse", "diff", "batch", "memory")
SLOW_RUNS = int(os.environ.get("BENCH_SLOW_RUNS", "3"))  # runs of the command lines that take minutes


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
        "ratio <= 4",
        articles=len(doc.articles()),
        mb_per_second=round(RU_LC.stat().st_size / 1e6 / ours, 2),
    )


def _articles_texts() -> list[str]:
    from compliance.check.text import article_text

    return [article_text(a).text for a in parse_file(RU_LC).articles()]


def bench_check() -> dict[str, object]:
    import spacy

    from compliance.check import check_document
    from compliance.check.compile import TOKENIZER_CACHE
    from compliance.check.match import tokenize
    from compliance.rules import load_rules

    doc = parse_file(RU_LC)
    rules = load_rules()
    findings = check_document(doc, rules)  # also compiles the rules once: compiling is not checking
    nlp = spacy.blank("ru")
    nlp.tokenizer.max_cache_size = TOKENIZER_CACHE
    texts = _articles_texts()
    ours, base = paired_seconds(lambda: check_document(doc, rules), lambda: [tokenize(nlp.tokenizer, t) for t in texts], 9)
    return ratio_result(
        ours,
        base,
        "spaCy blank('ru') tokenizer over the same article texts, its cache working (lines first, large cache)",
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
    ten, one = paired_seconds(lambda: check_document(doc, many), lambda: check_document(doc, rules))
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


@contextmanager
def large_law(target_mb: int) -> Iterator[Path]:
    """A plain-text law of about `target_mb` MB: the Uzbek Labour Code repeated, its articles renumbered."""
    import re

    base = (REPO / "corpora/national_laws/uz/labour-code/2025-12-12.txt").read_text("utf-8")
    copies = []
    size, k = 0, 0
    while size < target_mb * 1_000_000:
        shift = k * 1000
        copies.append(re.sub(r"(?m)^(\d+)-modda\.", lambda m, shift=shift: f"{int(m.group(1)) + shift}-modda.", base))
        size += len(copies[-1].encode("utf-8"))
        k += 1
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large-law.txt"
        path.write_text("\n".join(copies), encoding="utf-8")
        yield path


def bench_large(target_mb: int = 40) -> dict[str, object]:
    """Parse and check a 40 MB input in a child process; report time and peak memory (not a ratio)."""
    with large_law(target_mb) as path:
        size = path.stat().st_size
        out = subprocess.run([sys.executable, "-c", _LARGE_CHILD, str(path)], capture_output=True, text=True,
                             check=True, env=_env())
    articles, findings, parse_s, total_s, peak, libraries, text_mb = out.stdout.split()
    mb = size / 1e6
    return {
        "mb_per_input_mb": round(float(peak) / mb, 2),
        "input_mb": round(mb, 1),
        "articles": int(articles),
        "findings": int(findings),
        "parse_seconds": float(parse_s),
        "parse_and_check_seconds": float(total_s),
        "peak_memory_mb": round(float(peak), 1),
        # what the law itself costs: the peak above the libraries, in copies of its text as Python holds it
        # (a str of Uzbek Latin with "ʻ" takes 2 bytes a character, so one copy is ~2x the UTF-8 file)
        "libraries_mb": round(float(libraries), 1),
        "text_in_memory_mb": round(float(text_mb), 1),
        "text_copies_at_peak": round((float(peak) - float(libraries)) / float(text_mb), 2),
        "baseline": "none: peak resident memory (VmHWM) of one process that parses and checks the law, per input MB",
        "goal": "mb_per_input_mb < 5",
    }


def _env() -> dict[str, str]:
    """The commands run as an installed copy does, its bytecode written once and read after: pip compiles it
    at install, as it did spaCy's, while an environment with PYTHONDONTWRITEBYTECODE would have every timed run
    recompile this package's source (a cost only ours, never the baseline's, would pay)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPATH": str(REPO)}


def _command(*args: str) -> Callable[[], object]:
    cmd = [sys.executable, "-m", "compliance.cli", *args]
    return lambda: subprocess.run(cmd, check=True, env=_env(), cwd=REPO, stdout=subprocess.DEVNULL)


def _codes() -> list[str]:
    return [str(p) for p in sorted(RU_CODES.glob("*.html"))]


def bench_startup() -> dict[str, object]:
    check = _command("check", "--jobs", "1", str(ONE_ARTICLE))
    check()  # the rule cache warm
    spacy = lambda: subprocess.run([sys.executable, "-c", "import spacy"], check=True)  # noqa: E731
    ours, base = paired_seconds(check, spacy, 5)
    return ratio_result(ours, base, 'python -c "import spacy" (a fresh process)', "ratio <= 1.5",
                        file=str(ONE_ARTICLE.relative_to(REPO)))


# A fixed pure-Python load of about half a second: no I/O, no memory to share, nothing of ours.
_SPIN = [sys.executable, "-c", "sum(i * i for i in range(6_000_000))"]


def two_process_ceiling() -> float:
    """How many times faster this machine runs two copies of a CPU-bound process at once than one after the
    other, right now: the most any `--jobs 2` could gain (2.0 on two free cores)."""

    def one_after_the_other() -> None:
        for _ in range(2):
            subprocess.run(_SPIN, check=True)

    def at_once() -> None:
        for proc in [subprocess.Popen(_SPIN) for _ in range(2)]:
            proc.wait()

    both, serial = paired_seconds(at_once, one_after_the_other, 3)
    return round(serial / both, 2)


def bench_jobs() -> tuple[dict[str, object], dict[str, object]]:
    """--jobs 2 against --jobs 1 on the 23 Russian codes and on one 40 MB law; the codes' time at 2 jobs."""
    codes = _codes()
    mb = sum(Path(c).stat().st_size for c in codes) / 1e6
    ceiling = two_process_ceiling()
    two, one = paired_seconds(_command("check", "--jobs", "2", *codes), _command("check", "--jobs", "1", *codes),
                              SLOW_RUNS, warm=False)
    spread = [round(1 / r, 2) for r in LAST_RATIOS]
    with large_law(40) as law:
        law_ceiling = two_process_ceiling()
        law_two, law_one = paired_seconds(_command("check", "--jobs", "2", str(law)),
                                          _command("check", "--jobs", "1", str(law)), SLOW_RUNS, warm=False)
        law_spread = [round(1 / r, 2) for r in LAST_RATIOS]
        law_mb = law.stat().st_size / 1e6
    jobs = {
        "speedup": round(one / two, 2),
        "range": [min(spread), max(spread)],
        "seconds": round(two, 2),
        "baseline": f"compliance check --jobs 1 on the same {len(codes)} Russian codes ({mb:.1f} MB)",
        "baseline_seconds": round(one, 2),
        "one_law": {"speedup": round(law_one / law_two, 2), "range": [min(law_spread), max(law_spread)],
                    "seconds": round(law_two, 2), "baseline_seconds": round(law_one, 2), "input_mb": round(law_mb, 1),
                    "machine_ceiling": law_ceiling},
        "cores": os.cpu_count(),
        "machine_ceiling": ceiling,  # two_process_ceiling() just before the codes' runs
        "goal": "speedup >= 1.8 (codes and one law)",
    }
    codes_entry = {
        "seconds": round(two, 2),
        "mb_per_s": round(mb / two, 2),
        "input_mb": round(mb, 1),
        "documents": len(codes),
        "baseline": "none: wall time of compliance check --jobs 2 (parse + check, start-up included)",
        "goal": "seconds <= 30",
    }
    return jobs, codes_entry


def bench_batch() -> dict[str, object]:
    codes = _codes()[:8]
    with tempfile.TemporaryDirectory() as tmp:
        manifest = Path(tmp) / "laws.txt"
        manifest.write_text("\n".join(codes) + "\n", encoding="utf-8")
        out = Path(tmp) / "out"

        def batch() -> None:
            shutil.rmtree(out, ignore_errors=True)  # a fresh run each time, nothing resumed
            _command("batch", str(manifest), "--out", str(out), "--workers", "2", "--quiet")()

        # runs of seconds, not minutes, whose pairs vary by a tenth here (Dask's start-up): five pairs
        ours, base = paired_seconds(batch, _command("check", "--jobs", "2", *codes), max(SLOW_RUNS, 5), warm=False)
    return ratio_result(ours, base, f"compliance check --jobs 2 on the same {len(codes)} Russian codes",
                        "ratio <= 1.2", documents=len(codes), scheduler="local cluster, 2 worker processes")


def readme_table(results: dict[str, dict[str, object]]) -> str:
    """The README's table: one row per figure, with its range over the runs, goal and baseline."""
    rows = ["| figure | value | range | ours (s) | baseline (s) | goal | baseline |", "|---|---|---|---|---|---|---|"]
    for key in KEYS:
        r = results.get(key)
        if not r:
            continue
        name = next(k for k in ("ratio", "speedup", "mb_per_input_mb", "mb_per_s") if k in r)
        value = f"{r[name]} {name.replace('_', ' ')}" if name != "ratio" else str(r[name])
        spread = r.get("range")
        low_high = f"{spread[0]}–{spread[1]}" if isinstance(spread, list) else ""
        if "machine_ceiling" in r:
            value += f" (machine {r['machine_ceiling']})"
        rows.append(f"| {key.replace('_', ' ')} | {value} | {low_high} | {r.get('seconds', '')} | "
                    f"{r.get('baseline_seconds', '')} | {r.get('goal', '')} | {r.get('baseline', '')} |")
        law = r.get("one_law")
        if isinstance(law, dict):
            rows.append(f"| jobs, one law | {law['speedup']} speedup (machine {law.get('machine_ceiling')}) | "
                        f"{law['range'][0]}–{law['range'][1]} | {law['seconds']} | {law['baseline_seconds']} | "
                        f"{r.get('goal', '')} | compliance check --jobs 1 on one {law['input_mb']} MB law |")
    return "\n".join(rows) + "\n"


STAGES: tuple[tuple[str, Callable[[], dict[str, object]], bool], ...] = (  # key, run, needs the full bench
    ("startup", bench_startup, True),
    ("check", bench_check, False),
    ("rule_scaling", bench_rule_scaling, False),
    ("parse", bench_parse, False),
    ("diff", lambda: _bench_diff(), False),
    ("batch", bench_batch, True),
    ("memory", bench_large, True),
)


def _bench_diff() -> dict[str, object]:
    sys.path.insert(0, str(REPO / "bench"))
    from bench_diff import bench_diff

    return bench_diff()


def _write(results: dict[str, dict[str, object]], out: Path) -> None:
    """results.json after every figure: a long run stopped half-way keeps what it measured."""
    ordered = {k: results[k] for k in KEYS if k in results}
    out.write_text(json.dumps(ordered, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> int:
    quick = "--quick" in sys.argv  # the in-process figures only
    out = REPO / "bench/results.json"
    results: dict[str, dict[str, object]] = {}
    started = time.time()
    stages = list(STAGES)
    if RU_CODES.is_dir():
        stages.insert(2, ("jobs", bench_jobs, True))  # type: ignore[arg-type]
    for key, run, full in stages:
        if (full and quick) or (key == "batch" and not RU_CODES.is_dir()):
            continue
        if key == "jobs":
            results["jobs"], results["ru_codes"] = bench_jobs()
        else:
            results[key] = run()
        for entry in results.values():
            entry.setdefault("load_average", round(statistics.mean(os.getloadavg()), 1))  # high: a shared machine
        _write(results, out)
        print(f"{key}: done after {time.time() - started:.0f} s", file=sys.stderr)
    print(readme_table(results))
    print(f"written: {out.relative_to(REPO)} in {time.time() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
