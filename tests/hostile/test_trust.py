"""Trust in what was read: a meta.yaml `path` naming another file, `-o` naming the command's own input, and
rule regexes whose alternatives overlap under a repeat (exponential on Python's engine).
"""

from __future__ import annotations

import hashlib
import re
import time
from pathlib import Path

import pytest

from compliance.regexes import compile_rule_regex

from ..conftest import REPO
from .runner import run_cli
from .test_inputs import BOUND, LAW, PLAIN

CORPUS_LAW = "national_laws/kz/criminal-code-art174/2015-11-13.md"
ONE_LINE = re.compile(r"^[^\n]+:1: [^\n]+\n?$")


def _meta(folder: Path, name: str, path: str, sha256: str) -> None:
    (folder / f"{name}.meta.yaml").write_text(
        f"id: {name}\ncountry: KZ\nkind: criminal code\nlanguage: ru\nsha256: {sha256}\npath: {path}\n", "utf-8")


@pytest.mark.parametrize("where", ["beside", "corpus"])
def test_a_meta_path_naming_another_file_does_not_make_the_report_claim_a_match(tmp_path: Path, where: str) -> None:
    law = tmp_path / "law.md"
    law.write_text(PLAIN, "utf-8")
    if where == "beside":  # the checksum of a file in the same folder, which the parse stage does not read
        (tmp_path / "other.md").write_text(LAW, "utf-8")
        _meta(tmp_path, "law", "other.md", hashlib.sha256(LAW.encode("utf-8")).hexdigest())
    else:  # the corpus file the metadata names, with its real checksum
        corpus_file = REPO / "corpora" / CORPUS_LAW
        _meta(tmp_path, "law", CORPUS_LAW, hashlib.sha256(corpus_file.read_bytes()).hexdigest())
    out = tmp_path / "out"
    run = run_cli(["report", str(law), "--country", "KZ", "--no-pdf", "--quiet", "-o", str(out)], timeout=BOUND)
    assert run.code == 0, run.err
    page = (out / "index.html").read_text("utf-8")
    assert "✓ matches the file" not in page
    assert "✗ does NOT match the file" in page


def test_a_meta_checksum_of_the_file_read_is_still_confirmed(tmp_path: Path) -> None:
    law = tmp_path / "law.md"
    law.write_text(PLAIN, "utf-8")
    _meta(tmp_path, "law", "elsewhere.md", hashlib.sha256(PLAIN.encode("utf-8")).hexdigest())
    out = tmp_path / "out"
    run = run_cli(["report", str(law), "--country", "KZ", "--no-pdf", "--quiet", "-o", str(out)], timeout=BOUND)
    assert run.code == 0, run.err
    assert "✓ matches the file" in (out / "index.html").read_text("utf-8")


def _commands(law: Path, other: Path) -> dict[str, list[str]]:
    return {
        "parse": ["parse", str(law), "-o", str(law)],
        "parse text": ["parse", str(law), "--format", "text", "-o", str(law)],
        "check": ["check", str(other), str(law), "--country", "KZ", "--quiet", "-o", str(law)],
        "diff old": ["diff", str(law), str(other), "--no-check", "-o", str(law)],
        "diff new": ["diff", str(other), str(law), "--no-check", "--format", "md", "-o", str(law)],
    }


@pytest.mark.parametrize("command", ["parse", "parse text", "check", "diff old", "diff new"])
def test_output_naming_the_commands_own_input_is_refused(tmp_path: Path, command: str) -> None:
    law, other = tmp_path / "law.txt", tmp_path / "other.txt"
    law.write_text(PLAIN, "utf-8")
    other.write_text(LAW, "utf-8")
    run = run_cli(_commands(law, other)[command], timeout=BOUND)
    assert run.code == 2, run.err
    assert ONE_LINE.match(run.err) and "input" in run.err, run.err
    assert law.read_text("utf-8") == PLAIN
    assert sorted(p.name for p in tmp_path.iterdir()) == ["law.txt", "other.txt"]  # no temporaries, no lock


def test_output_naming_a_hard_link_to_the_input_is_refused(tmp_path: Path) -> None:
    law = tmp_path / "law.txt"
    law.write_text(PLAIN, "utf-8")
    (tmp_path / "alias.txt").hardlink_to(law)
    run = run_cli(["parse", str(law), "-o", str(tmp_path / "alias.txt")], timeout=BOUND)
    assert run.code == 2 and ONE_LINE.match(run.err), run.err
    assert law.read_text("utf-8") == PLAIN


def test_output_naming_a_chapter_of_the_folder_read_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "code"
    folder.mkdir()
    chapter = folder / "01.txt"
    chapter.write_text(PLAIN, "utf-8")
    run = run_cli(["parse", str(folder), "-o", str(chapter)], timeout=BOUND)
    assert run.code == 2 and ONE_LINE.match(run.err), run.err
    assert chapter.read_text("utf-8") == PLAIN


@pytest.mark.parametrize("pattern", [r"\b(a|aa)+$", r"\b(?:\w|\d\d)+!", r"\b(?:[а-я]|[А-Я]б)+\b", r"(?<!x)(ab|a)*c",
                                     r"\b(?:профсоюз|проф\w*)+\b"])
def test_overlapping_alternatives_under_a_repeat_are_refused(pattern: str) -> None:
    with pytest.raises(ValueError, match="exponential"):
        compile_rule_regex(pattern)


@pytest.mark.parametrize("pattern", [r"\b(?:foo|bar)+\b", r"\b(\w|\d)+!", r"\b(?:\s|,)+\b", r"\b(?:ab)+\b",
                                     r"\b(?:[а-я]|\dб)+\b"])
def test_distinct_alternatives_under_a_repeat_load_and_run_linear(pattern: str) -> None:
    regex = compile_rule_regex(pattern)  # "(\w|\d)" the parser makes one class: nothing to backtrack over
    assert regex.engine == "re"
    start = time.perf_counter()
    for text in ("1" * 5000, "a" * 5000, "ab" * 2500, " ," * 2500):
        sum(1 for _ in regex.finditer(text))
    assert time.perf_counter() - start < BOUND

