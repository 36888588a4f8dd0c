"""Bench of the diff stage: the RU Labour Code against a mutated copy of itself, as a ratio to `git diff`.

The copy is made from the official HTML by a fixed (deterministic) mutation: one article deleted and the
next 150 renumbered to close the gap, one article inserted ("N.9"), and two words changed in every 20th
article (about 5 %). Both texts are parsed outside the timing; then `compliance.diff.diff_documents` plus
the JSON rendering is timed against `git diff --no-index --word-diff` on the two texts as
`compliance parse --format text` renders them, in the same run, each the median of 5 runs. The result also
says whether the alignment found exactly the mutation (every renumbered article with its old and new
number, the deleted one removed, the inserted one added, the changed ones amended).

Run alone: `.venv/bin/python bench/bench_diff.py`.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from timing import paired_seconds, ratio_result  # noqa: E402

from compliance.cli import render_text  # noqa: E402
from compliance.diff import diff_documents, render_json  # noqa: E402
from compliance.models import Document  # noqa: E402
from compliance.parse import parse_file, parse_text  # noqa: E402

RU_LC = REPO / "corpora/national_laws/ru/labour-code/2023-08-04.html"
DELETE_AT = 120  # index (0-based, in document order) of the article deleted
SHIFT_UNTIL = 270  # articles DELETE_AT+1 … SHIFT_UNTIL-1 are renumbered down by one
INSERT_AFTER = 400  # index of the article after which a new one is inserted
CHANGE_EVERY = 20  # every 20th article gets two words changed
INSERTED = (
    "Работодатель ежегодно публикует на своем официальном сайте отчет о соблюдении трудовых прав работников, "
    "включая сведения о численности работников, о размере заработной платы и о несчастных случаях на производстве."
)

_HEAD = re.compile(r'<p class="H">(.*?)</p>', re.S)
_WORD = re.compile(r"(?<![\w&])[А-Яа-яЁё]{7,}")


def _article_heads(html: str) -> list[re.Match[str]]:
    return [m for m in _HEAD.finditer(html) if re.sub(r"<[^>]+>", "", m.group(1)).startswith("Статья")]


def mutate(html: str) -> tuple[str, dict[str, object]]:
    """The mutated copy and what was done (article indices of the original, in document order)."""
    heads = _article_heads(html)
    all_heads = list(_HEAD.finditer(html))
    starts = [m.start() for m in heads]
    # an article runs to the next heading of any level (chapter, section or article)
    ends = [next((h.start() for h in all_heads if h.start() > s), len(html)) for s in starts]
    pieces: list[str] = [html[: starts[0]]]
    changed: list[int] = []
    for k, (s, e) in enumerate(zip(starts, ends)):
        seg = html[s:e]
        if k == DELETE_AT:
            seg = ""
        else:
            if DELETE_AT < k < SHIFT_UNTIL:
                seg = re.sub(r"(Статья\s)(\d+)", lambda m: f"{m[1]}{int(m[2]) - 1}", seg, count=1)
            if k % CHANGE_EVERY == 7 and k not in (DELETE_AT, INSERT_AFTER):
                head_end = seg.find("</p>") + 4
                body = seg[head_end:]
                # two words of the body (outside tags and entities) get their letters reversed
                words = [m for m in _WORD.finditer(body) if body.rfind("<", 0, m.start()) <= body.rfind(">", 0, m.start())]
                if len(words) >= 6:
                    for m in (words[5], words[1]):
                        body = body[: m.start()] + m.group()[::-1] + body[m.end() :]
                    seg = seg[:head_end] + body
                    changed.append(k)
        pieces.append(seg)
        if k == INSERT_AFTER:
            num = re.search(r"Статья\s(\d+)", heads[k].group(1))
            assert num
            pieces.append(f'<p class="H">Статья {num[1]}<span class="W9">9</span>. Отчет о соблюдении трудовых прав</p>\n')
            pieces.append(f"  <p>{INSERTED}</p>\n")
        pieces.append(html[e : starts[k + 1]] if k + 1 < len(starts) else html[e:])
    return "".join(pieces), {"deleted": DELETE_AT, "shifted": (DELETE_AT + 1, SHIFT_UNTIL), "inserted_after": INSERT_AFTER, "changed": changed}


def _check_alignment(old: Document, new: Document, what: dict[str, object]) -> bool:
    """Did the diff find exactly the mutation? Compared article by article against what was done."""
    diff = diff_documents(old, new, run_checker=False)
    arts = old.articles()
    lo, hi = what["shifted"]  # type: ignore[misc]
    expected = {}
    for k, a in enumerate(arts):
        if k == what["deleted"]:
            expected[(a.eid, None)] = "removed"
        elif lo <= k < hi:
            expected[(a.eid, "renumbered")] = "renumbered"
        elif k in what["changed"]:  # type: ignore[operator]
            expected[(a.eid, "amended")] = "amended"
        else:
            expected[(a.eid, "unchanged")] = "unchanged"
    got: dict[tuple[str | None, str | None], str] = {}
    for c in diff.changes:
        if c.status == "removed":
            got[(c.old_eid, None)] = c.status
        elif c.status == "added":
            got[(None, c.new_num)] = c.status
        else:
            got[(c.old_eid, c.status)] = c.status
            if c.status == "renumbered":
                old_num = next(a.num for a in arts if a.eid == c.old_eid)
                if c.old_num != old_num or _shift_down(old_num) != c.new_num:
                    return False
    inserted = arts[what["inserted_after"]].num  # type: ignore[index]
    base = inserted.split(".")[0] if inserted else ""
    expected[(None, f"{base}.9")] = "added"
    return got == expected


def _shift_down(num: str | None) -> str | None:
    if num is None:
        return None
    head, _, tail = num.partition(".")
    return f"{int(head) - 1}" + (f".{tail}" if tail else "")


def bench_diff() -> dict[str, object]:
    html = RU_LC.read_text("utf-8")
    mutated, what = mutate(html)
    old = parse_file(RU_LC)
    new = parse_text(mutated, "html", meta=old.document, label="mutated-2023-08-04.html")
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp) / "old.txt", Path(tmp) / "new.txt"
        a.write_text(render_text(old.tree), encoding="utf-8")
        b.write_text(render_text(new.tree), encoding="utf-8")
        cmd = ["git", "diff", "--no-index", "--word-diff", str(a), str(b)]
        ours, base = paired_seconds(
            lambda: render_json(diff_documents(old, new, run_checker=False)),
            lambda: subprocess.run(cmd, capture_output=True, check=False),
        )
    diff = diff_documents(old, new, run_checker=False)
    return ratio_result(
        ours,
        base,
        "git diff --no-index --word-diff on the two texts (compliance parse --format text)",
        "ratio <= 3",
        articles=len(old.articles()),
        summary={k: v for k, v in diff.summary.items() if v},
        aligned_exactly=_check_alignment(old, new, what),
    )


if __name__ == "__main__":
    print(json.dumps(bench_diff(), indent=2, ensure_ascii=False))
