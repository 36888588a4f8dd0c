"""Precision controls: run the checker over laws that conventions barely reach and count what it flags.

Reads law files (default: the 23 Russian federal codes in ../shared/sources/national_laws/ru/codes/, which
hold essentially nothing that the ILO conventions checked here reach) and the rules of this tree; prints,
per law and per rule, the articles with a `conflict` or `concern` finding and the flags per 100 articles,
then every flagged (law, article, rule) with its evidence, for reading. The issue's goal: at most 0.5
conflict/concern articles per 100 over all controls together.

Usage: python scripts/precision.py [FILE ...] [--country RU] [--kind "civil code"] [--cache DIR] [--json OUT]
A file that does not parse is reported and skipped. `--cache` keeps parsed documents (pickled, keyed by
path, size and modification time), so that re-running after a rule change skips the parse.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compliance.check import check_document  # noqa: E402
from compliance.models import Document  # noqa: E402
from compliance.parse import parse_file  # noqa: E402
from compliance.rules import load_rules  # noqa: E402

CONTROLS = ROOT.parent.parent / "shared" / "sources" / "national_laws" / "ru" / "codes"
DEFAULT_CONTROLS = Path("/work/shared/sources/national_laws/ru/codes")
FLAGGING = ("conflict", "concern")


def control_files() -> list[Path]:
    folder = CONTROLS if CONTROLS.is_dir() else DEFAULT_CONTROLS
    return sorted(folder.glob("*.html"))


def parsed(path: Path, cache: Path | None) -> Document:
    """The parsed document, from the cache when the file has not changed since it was stored."""
    if cache is None:
        return parse_file(str(path))
    stat = path.stat()
    key = hashlib.sha1(f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    stored = cache / f"{path.name}.{key}.pickle"
    if stored.is_file():
        return pickle.loads(stored.read_bytes())
    doc = parse_file(str(path))
    cache.mkdir(parents=True, exist_ok=True)
    stored.write_bytes(pickle.dumps(doc))
    return doc


def measure(files: list[Path], country: str | None, kind: str | None, cache: Path | None) -> dict:
    rules = load_rules()
    laws: list[dict] = []
    flagged: list[dict] = []
    for path in files:
        try:
            doc = parsed(path, cache)
        except Exception as exc:  # a control that cannot be read is reported, not fatal
            print(f"skipped {path.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        if kind:
            doc.document.kind = kind
        articles = len([a for a in doc.articles() if not a.repealed])
        findings = [f for f in check_document(doc, rules, country) if f.kind in FLAGGING]
        laws.append({"law": path.name, "articles": articles, "flagged_articles": len({f.eid for f in findings}),
                     "flags": len(findings)})
        for f in findings:
            flagged.append({"law": path.name, "article": f.article, "rule": f.rule_id, "kind": f.kind,
                            "evidence": [f.quote[s:e] for s, e in f.spans[:4]]})
    return {"laws": laws, "flagged": flagged}


def per_100(n: int, articles: int) -> str:
    return f"{100 * n / articles:.2f}" if articles else "-"


def render(result: dict) -> str:
    laws, flagged = result["laws"], result["flagged"]
    total = sum(law["articles"] for law in laws)
    lines = [f"{'law':58} {'articles':>8} {'flagged':>8} {'flags':>6} {'per 100':>8}"]
    for law in laws:
        lines.append(f"{law['law'][:58]:58} {law['articles']:8} {law['flagged_articles']:8} {law['flags']:6} "
                     f"{per_100(law['flagged_articles'], law['articles']):>8}")
    n_articles = sum(law["flagged_articles"] for law in laws)
    lines.append(f"{'ALL':58} {total:8} {n_articles:8} {len(flagged):6} {per_100(n_articles, total):>8}")
    lines.append("")
    lines.append(f"{'rule':52} {'articles':>8} {'per 100':>8}")
    by_rule: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for f in flagged:
        by_rule[f["rule"]].add((f["law"], f["article"]))
    for rule, arts in sorted(by_rule.items(), key=lambda x: -len(x[1])):
        lines.append(f"{rule[:52]:52} {len(arts):8} {per_100(len(arts), total):>8}")
    lines.append("")
    kinds = Counter(f["kind"] for f in flagged)
    lines.append(f"flags by kind: {dict(kinds)}")
    for f in flagged:
        lines.append(f"{f['law']} art. {f['article']} {f['rule']} ({f['kind']}): {' | '.join(f['evidence'])}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, help="law files (default: the 23 Russian federal codes)")
    ap.add_argument("--country", help="country code for the sanctions data (default: from the text)")
    ap.add_argument("--kind", help="kind of law to assume (default: unknown, so every rule applies)")
    ap.add_argument("--cache", type=Path, help="folder for parsed documents")
    ap.add_argument("--json", type=Path, help="also write the counts and flags as JSON")
    args = ap.parse_args(argv)
    files = args.files or control_files()
    country = args.country or ("RU" if not args.files else None)
    result = measure(files, country, args.kind, args.cache)
    print(render(result))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
