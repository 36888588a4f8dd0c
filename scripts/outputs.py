"""Write every output the refactoring promise covers into one folder, so two trees can be compared byte for byte.

Reads the bundled corpus and rules of the tree this script is run from; produces, under OUT:
`report/` (the KZ report without PDF), `check/<corpus id>.json` and `.md` for every corpus document,
`diff/<pair>.{json,md,html}` for each pair of consecutive editions of the same law, `history/*.txt`, and
`compare.{html,md,json,csv}` for KZ, UZ, RU and TJ. Usage: python scripts/outputs.py OUT
"""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compliance.cli import main  # noqa: E402
from compliance.corpus import load_entries  # noqa: E402


def run(*argv: str) -> None:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(list(argv))
    if code != 0:
        raise SystemExit(f"compliance {' '.join(argv)}: exit {code}: {err.getvalue().strip()}")


def national_entries() -> list:
    return [e for e in load_entries() if "/" in e.id]


def corpus_ids() -> list[str]:
    return sorted(e.id for e in national_entries())


def edition_pairs() -> list[tuple[str, str]]:
    by_law: dict[str, list[str]] = {}
    for e in national_entries():
        if e.second_language is None:
            by_law.setdefault(e.base, []).append(e.id)
    pairs: list[tuple[str, str]] = []
    for ids in by_law.values():
        ids = sorted(ids)
        pairs += list(zip(ids, ids[1:]))
    return sorted(pairs)


def main_(out: Path) -> None:
    run("report", "--country", "KZ", "--no-pdf", "--quiet", "-o", str(out / "report"))
    for ref in corpus_ids():
        name = ref.replace("/", "_").replace("@", "_").replace(":", "_")
        run("check", ref, "-o", str(out / "check" / f"{name}.json"))
        run("check", ref, "--format", "md", "-o", str(out / "check" / f"{name}.md"))
    for old, new in edition_pairs():
        run("history", old.split("@")[0], "-o", str(out / "history" / (old.split("@")[0].replace("/", "_") + ".txt")))
        name = f"{old}__{new.split('@')[-1]}".replace("/", "_").replace("@", "_").replace(":", "_")
        for fmt in ("json", "md", "html"):
            run("diff", old, new, "--format", fmt, "-o", str(out / "diff" / f"{name}.{fmt}"))
    for fmt in ("html", "md", "json", "csv"):
        run("compare", "--countries", "KZ,UZ,RU,TJ", "--format", fmt, "-o", str(out / f"compare.{fmt}"))
    run("eval", "tests/eval/cases.yaml", "--format", "md", "-o", str(out / "eval.md"))


if __name__ == "__main__":
    main_(Path(sys.argv[1]))
