"""The `compliance` command: the exit-code contract (bad input 2 with one line on stderr, a closed pipe 0,
a bug 1), the errors users make most, and the commands that read corpus ids."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

import compliance.cli.corpus as corpus_command
from compliance.cli import COMMANDS, build_parser, main
from compliance.corpus import find
from compliance.errors import (
    ComplianceError,
    CorpusError,
    ParseError,
    UnknownReference,
    UsageError,
)

from .conftest import REPO

ART174 = ("kz/criminal-code-art174@2015-11-13", "kz/criminal-code-art174@2020-06-26")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("compliance: ") and "internal error" not in lines[0] and "Traceback" not in err
    return lines[0]


# -- the errors users make ---------------------------------------------------------------------------------


def test_history_of_a_law_the_corpus_lacks_is_bad_input_with_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "history", "kz/no-such-law")
    assert code == 2 and out == ""
    line = one_error_line(err)
    assert "'kz/no-such-law'" in line and "did you mean" in line


def test_compare_with_an_unknown_country_code_names_the_known_ones(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "compare", "--countries", "KZ,XX")
    assert code == 2 and out == ""
    line = one_error_line(err)
    assert "unknown country code 'XX'" in line and "KZ" in line and "UZ" in line


def test_ratifications_of_an_unknown_country_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "ratifications", "XX")
    assert code == 2 and out == ""
    assert "unknown country code 'XX'" in one_error_line(err)


def test_ratifications_of_a_known_country_print_its_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "ratifications", "kz")
    assert code == 0 and err == ""
    assert out.startswith("convention") and "\nC087" in out


def test_check_with_a_convention_the_corpus_lacks_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", ART174[1], "--conventions", "C999")
    assert code == 2 and out == ""
    assert "--conventions: 'C999' is not an ILO instrument" in one_error_line(err)


def test_check_accepts_convention_numbers_as_people_write_them(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", ART174[1], "--conventions", "c105")
    assert code == 0
    conventions = {f["convention"] for f in json.loads(out)["findings"]}
    assert conventions == {"C105"}


def test_report_as_of_a_date_before_every_edition_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_dir = tmp_path / "x"
    code, out, err = run(capsys, "report", "--country", "KZ", "--edition", "1999-01-01", "--no-pdf", "-o", str(out_dir))
    assert code == 2 and out == ""
    line = one_error_line(err)
    assert "1999-01-01" in line and "no law of KZ" in line and "oldest edition is" in line
    assert not out_dir.exists()  # nothing written that could pass for a clean report


def test_report_of_a_country_without_laws_is_bad_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "report", "--country", "XX", "--no-pdf", "-o", str(tmp_path / "x"))
    assert code == 2
    assert "no laws of country 'XX'" in one_error_line(err)


def test_unreadable_input_names_file_and_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    binary = tmp_path / "law.md"
    binary.write_bytes(b"\x00\x01\x02")
    code, _, err = run(capsys, "parse", str(binary))
    assert code == 2
    assert one_error_line(err).startswith(f"compliance: {binary}:1: ")


# -- the exit-code contract --------------------------------------------------------------------------------


def test_errors_render_file_line_and_reason_leaving_out_what_is_unknown() -> None:
    assert str(ComplianceError("bad", file="a.yaml", line=3)) == "a.yaml:3: bad"
    assert str(ComplianceError("bad", file="a.yaml")) == "a.yaml: bad"
    assert str(ComplianceError("bad")) == "bad"
    error = ParseError("law.md", 7, "binary input")
    assert (str(error), error.file, error.label, error.line, error.reason) == (
        "law.md:7: binary input", "law.md", "law.md", 7, "binary input")
    assert isinstance(UnknownReference("x"), CorpusError) and isinstance(UsageError("x"), ValueError)


def test_every_kind_of_bad_input_exits_2_a_closed_pipe_0_and_a_bug_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def raising(exc: BaseException):  # type: ignore[no-untyped-def]
        def run_command(args: object) -> int:
            raise exc

        return run_command

    monkeypatch.setattr(corpus_command, "run", raising(CorpusError("bad meta", file="x.meta.yaml", line=4)))
    code, _, err = run(capsys, "corpus", "list")
    assert (code, err) == (2, "compliance: x.meta.yaml:4: bad meta\n")
    monkeypatch.setattr(corpus_command, "run", raising(BrokenPipeError()))
    code, _, err = run(capsys, "corpus", "list")
    assert (code, err) == (0, "")
    monkeypatch.setattr(corpus_command, "run", raising(KeyError("oops")))
    code, _, err = run(capsys, "corpus", "list")
    assert code == 1 and err.startswith("compliance: internal error: KeyError") and len(err.splitlines()) == 1


def test_the_command_runs_as_a_module() -> None:
    done = subprocess.run([sys.executable, "-m", "compliance.cli", "ratifications", "XX"], check=False, cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("compliance: unknown country code 'XX'")



def _modules_after(code: str) -> set[str]:
    """The modules of `compliance` a fresh interpreter has imported after running `code`."""
    probe = f"import sys\n{code}\nprint(' '.join(m for m in sys.modules if m.startswith('compliance')))"
    done = subprocess.run([sys.executable, "-c", probe], check=True, cwd=REPO, capture_output=True, text=True,
                          timeout=300)
    return set(done.stdout.split())


def test_check_imports_neither_the_other_commands_nor_the_web_app_report_or_batch(tmp_path: Path) -> None:
    law = REPO / "corpora/national_laws/kz/criminal-code-art174/2020-06-26.md"
    out = tmp_path / "findings.json"
    loaded = _modules_after("from compliance.cli import main\n"
                            f"assert main(['check', '--jobs', '1', {str(law)!r}, '-o', {str(out)!r}]) == 0")
    assert json.loads(out.read_text("utf-8"))["findings"]  # the check ran and found what it finds
    assert "compliance.cli.check" in loaded
    commands = {f"compliance.cli.{c.module}" for c in COMMANDS.values()} - {"compliance.cli.check"}
    heavy = {m for m in loaded if m.startswith(("compliance.web", "compliance.report", "compliance.batch"))}
    assert (loaded & commands, heavy) == (set(), set())


def test_the_command_list_names_every_command_without_importing_one() -> None:
    loaded = _modules_after("from compliance.cli import build_parser\nbuild_parser('').format_help()")
    assert not {f"compliance.cli.{c.module}" for c in COMMANDS.values()} & loaded
    listing = build_parser("").format_help()
    assert all(name in listing and command.summary.split()[0] in listing for name, command in COMMANDS.items())


def test_every_command_of_the_list_has_its_module_options_and_function() -> None:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert list(sub.choices) == list(COMMANDS)
    assert all(callable(p.get_default("func")) for p in sub.choices.values())

# -- commands that read corpus ids -------------------------------------------------------------------------


def test_diff_command_reads_corpus_ids_and_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = ART174
    out = tmp_path / "d.json"
    assert main(["diff", old, str(find(new).file), "--no-check", "-o", str(out)]) == 0
    data = json.loads(out.read_text("utf-8"))
    assert data["old"]["id"] == old and [c["status"] for c in data["changes"]] == ["amended"]
    assert main(["diff", old, new, "--no-check", "--format", "md"]) == 0
    assert "Разжигание" in capsys.readouterr().out
    code, _, err = run(capsys, "diff", "kz/no-such-law@2020-01-01", new, "--no-check")
    assert code == 2 and "no such file" in one_error_line(err)


def test_history_command_writes_one_article_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "history", "kz/criminal-code-art174", "--article", "174", "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["law"] == "kz/criminal-code" and [a["num"] for a in data["articles"]] == ["174"]


@pytest.mark.parametrize(("fmt", "start"), [("json", "{"), ("akn", "<?xml"), ("text", "[art_174]")])
def test_parse_writes_each_output_format(
    fmt: str, start: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    law = REPO / "corpora" / "national_laws" / "kz" / "criminal-code-art174" / "2020-06-26.md"
    out = tmp_path / f"law.{fmt}"
    code, _, err = run(capsys, "parse", str(law), "--format", fmt, "-o", str(out))
    assert code == 0, err
    text = out.read_text("utf-8")
    assert text.lstrip().startswith(start) if fmt != "text" else start in text


@pytest.mark.parametrize("command", [["check", "--jobs", "1"], ["check", "--jobs", "2"], ["report", "--no-pdf"]])
def test_every_bad_law_among_many_is_told_at_once_and_nothing_is_written(
        command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # two laws of one size: with --jobs 2, each is read in a worker (a law larger than half is read here)
    labour_code = (REPO / "corpora/national_laws/ru/labour-code/2023-08-04.html").read_bytes()
    good = [tmp_path / "a.html", tmp_path / "b.html"]
    for path in good:
        path.write_bytes(labour_code)
    binary, empty = tmp_path / "binary.md", tmp_path / "empty.md"
    binary.write_bytes(b"x\0y")
    empty.write_bytes(b"")
    out = tmp_path / "out"
    assert main([*command, str(good[0]), str(binary), str(good[1]), str(empty), "-o", str(out), "--quiet"]) == 2
    assert capsys.readouterr().err == (f"compliance: {binary}:1: binary input (control characters): not a text file\n"
                                       f"compliance: {empty}:1: empty input: no text to parse\n")
    assert not out.exists()


def test_an_article_no_law_holds_is_not_reported_as_zero_findings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "kz/criminal-code", "--article", "9999", "--format", "md"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == (
        "compliance: --article 9999: no law checked has an article with this number\n")
    assert main(["check", "kz/criminal-code", "--article", "9999", "--article", "174", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert {f["article"] for f in json.loads(captured.out)["findings"]} == {"174"}
    assert captured.err == "compliance: warning: --article 9999: no law checked has an article with this number\n"


def test_an_article_no_law_holds_is_told_when_the_laws_are_checked_in_workers(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    labour_code = (REPO / "corpora/national_laws/ru/labour-code/2023-08-04.html").read_bytes()
    laws = [tmp_path / "a.html", tmp_path / "b.html"]  # two of one size: each checked in a worker
    for law in laws:
        law.write_bytes(labour_code)
    assert main(["check", *map(str, laws), "--jobs", "2", "--article", "9999", "--quiet"]) == 2
    assert capsys.readouterr().err.endswith("--article 9999: no law checked has an article with this number\n")
    assert main(["check", *map(str, laws), "--jobs", "2", "--article", "1", "--format", "json", "--quiet"]) == 0
