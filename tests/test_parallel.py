"""`--jobs`: the same findings, in the same order and bytes, whatever the number of processes."""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

import pytest

from compliance import check, parallel
from compliance.check import laws
from compliance.cli import main
from compliance.corpus import load_entries
from compliance.errors import WorkerLost
from compliance.models import FindingsReport
from compliance.rules import load_rules

from .conftest import REPO, parsed

DOCS = (
    "kz/criminal-code-ch04-05-arts160-186-incl-art174@2025-09-16",
    "kz/labour-code-sec003-social-partnership-disputes-strikes",
    "kz/trade-unions-law",
)
ONE_ARTICLE = REPO / "corpora/national_laws/kz/criminal-code-art174/2020-06-26.md"


def _refs() -> list[str]:
    wanted = [d.split("@")[0] for d in DOCS]
    ids = [e.meta.id for e in load_entries()]
    return [next(i for i in ids if i.startswith(w)) for w in wanted]


def _square(offset: int, item: int) -> int:
    return item * item + offset


def test_ordered_map_keeps_the_items_order_over_processes() -> None:
    items = list(range(40))
    assert parallel.ordered_map(_square, 1, items, 2) == [i * i + 1 for i in items]


def test_spawned_workers_as_on_systems_that_do_not_fork_receive_the_state_and_keep_the_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import multiprocessing

    monkeypatch.setattr(parallel, "_context", lambda: multiprocessing.get_context("spawn"))
    items = list(range(12))
    assert parallel.ordered_map(_square, 5, items, 2, weights=items) == [i * i + 5 for i in items]


def _killed_on(victim: int, item: int) -> int:
    if item == victim:  # what the kernel's out-of-memory killer does to a worker
        os.kill(os.getpid(), signal.SIGKILL)
    return item


@pytest.mark.timeout(60)  # fails, instead of hanging the suite for the 180 s of any test
def test_a_worker_killed_by_the_system_stops_the_run_with_worker_lost_instead_of_waiting_for_ever() -> None:
    with pytest.raises(WorkerLost, match="fewer --jobs"):
        parallel.ordered_map(_killed_on, 3, list(range(8)), 2)
    assert parallel.ordered_map(_square, 0, [1, 2, 3], 2) == [1, 4, 9]  # the next run starts afresh


def _fails_first(_: int, item: int) -> int:
    if item == 0:
        raise ValueError("the first item fails")
    time.sleep(120)  # an item that would keep the run waiting
    return item


@pytest.mark.timeout(60)
def test_an_error_in_one_item_ends_the_run_without_waiting_for_the_items_still_running() -> None:
    with pytest.raises(ValueError, match="first item"):
        parallel.ordered_map(_fails_first, 0, [0, 1, 2, 3], 2)


def test_a_worker_in_a_pool_maps_in_its_own_process_without_a_pool_of_its_own() -> None:
    assert parallel.ordered_map(_pids_of_inner_map, 0, [0, 1], 2) == [True, True]


def _pids_of_inner_map(_: int, item: int) -> bool:
    return set(parallel.ordered_map(_pid, 0, [1, 2, 3], 2)) == {os.getpid()}


def _pid(_: int, item: int) -> int:
    return os.getpid()


@pytest.fixture(autouse=True)
def one_job(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "_JOBS", 1)


@pytest.fixture
def two_jobs(monkeypatch: pytest.MonkeyPatch) -> None:
    # every law cut into parts and checked by two workers, however small
    monkeypatch.setattr(check, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(parallel, "_JOBS", 2)


def _report_json() -> str:
    docs = [parsed(ref) for ref in _refs()]
    return check.check_documents(docs, load_rules()).model_dump_json(indent=1)


def test_findings_with_two_processes_equal_findings_with_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "_JOBS", 1)
    one = _report_json()
    monkeypatch.setattr(check, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(parallel, "_JOBS", 2)
    assert '"rule_id"' in one
    assert _report_json() == one


def test_a_law_is_cut_into_runs_of_whole_articles_in_order(two_jobs: None) -> None:
    articles = check._checked_articles(parsed(_refs()[0]))
    parts = check._parts([articles], 2)
    assert len(parts) > 1
    covered = [i for _, part in parts for i in range(len(articles))[part]]
    assert covered == list(range(len(articles)))


def test_a_law_s_runs_shrink_so_that_the_last_ones_are_small(monkeypatch: pytest.MonkeyPatch) -> None:
    # a worker that ends early takes the next run: only the last, small ones can leave a core waiting
    monkeypatch.setattr(check, "PARALLEL_MIN_CHARS", 4_000)
    articles = check._checked_articles(parsed("ru/labour-code@2023-08-04"))
    sizes = [sum(len(a.text) for a in articles[part]) for _, part in check._parts([articles], 2)]
    total = sum(len(a.text) for a in articles)
    assert sum(sizes) == total and len(sizes) > 8
    assert total // 4 <= sizes[0] < total // 3  # a quarter of the law: what is left, over twice the processes
    assert sizes[0] > sizes[1] > sizes[2] > sizes[3]
    assert max(sizes[len(sizes) // 2:]) < total // 20  # whole articles: a run may end past its share


def test_one_law_checked_by_articles_in_two_processes_gives_its_findings(two_jobs: None) -> None:
    doc, rules = parsed(_refs()[0]), load_rules()
    many = check.check_document(doc, rules)
    parallel.set_jobs(1)
    assert many and many == check.check_document(doc, rules)


def test_check_command_output_is_independent_of_jobs(capsys: pytest.CaptureFixture[str]) -> None:
    outputs = []
    for jobs in ("1", "2"):
        assert main(["check", "--jobs", jobs, *_refs()]) == 0
        outputs.append(capsys.readouterr().out)
    assert parallel.jobs() == 1  # a command's --jobs ends with it
    assert '"findings"' in outputs[0]
    assert outputs[0] == outputs[1]


@pytest.mark.timeout(60)
def test_check_command_whose_worker_is_killed_says_so_in_one_line_and_exits_1(
    two_jobs: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def killed(state: object, part: tuple[int, slice]) -> object:
        os.kill(os.getpid(), signal.SIGKILL)

    monkeypatch.setattr(check, "_check_part", killed)  # the forked workers run this one
    assert main(["check", "--jobs", "2", *_refs()]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""  # nothing presented as the findings
    lines = [ln for ln in captured.err.splitlines() if ln.startswith("compliance: ") and "reading" not in ln]
    assert len(lines) == 1 and "worker process ended abruptly" in lines[0] and "internal error" not in lines[0]


def test_jobs_must_be_a_positive_number(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check", "--jobs", "0", "x.md"])
    assert exc.value.code == 2
    assert "not a positive number of processes" in capsys.readouterr().err


@pytest.fixture
def laws_in_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    # every law parsed and checked whole by one of two workers, however small
    monkeypatch.setattr(laws, "PARALLEL_MIN_BYTES", 0)


def _check_output(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[str, str]:
    assert main(["check", *args]) == 0
    captured = capsys.readouterr()
    return captured.out, captured.err


def test_laws_parsed_and_checked_in_workers_give_the_output_of_one_process(
        laws_in_workers: None, capsys: pytest.CaptureFixture[str]) -> None:
    refs = [*_refs(), str(ONE_ARTICLE)]
    assert laws._in_workers(refs, [parallel.source_bytes(r) for r in refs], 2)
    one = _check_output(capsys, "--jobs", "1", "--kind", "criminal code", *refs)
    two = _check_output(capsys, "--jobs", "2", "--kind", "criminal code", *refs)
    assert '"rule_id"' in one[0]
    assert two == one


def test_laws_sharing_an_id_are_told_apart_in_workers_as_in_one_process(
        laws_in_workers: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = []
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        paths.append(tmp_path / folder / ONE_ARTICLE.name)
        shutil.copy(ONE_ARTICLE, paths[-1])
    one = _check_output(capsys, "--jobs", "1", *map(str, paths))
    two = _check_output(capsys, "--jobs", "2", *map(str, paths))
    assert f'"a/{ONE_ARTICLE.name}"' in one[0] and f'"b/{ONE_ARTICLE.name}"' in one[0]
    assert two == one


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_law_given_twice_is_checked_and_reported_once(laws_in_workers: None, tmp_path: Path, jobs: str,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    # the same file by two spellings: two documents of one id would give every finding twice under one id
    (tmp_path / "sub").mkdir()
    again = tmp_path / "sub" / ".." / ONE_ARTICLE.name
    shutil.copy(ONE_ARTICLE, again)
    out, _ = _check_output(capsys, "--jobs", jobs, str(again), _refs()[0], str(tmp_path / ONE_ARTICLE.name))
    report = FindingsReport.model_validate_json(out)
    assert [d.id for d in report.documents] == [ONE_ARTICLE.name, _refs()[0]]
    ids = [f.id for f in report.findings]
    assert ids and len(ids) == len(set(ids))


def test_the_first_unreadable_law_in_order_is_reported_whatever_the_jobs(
        laws_in_workers: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = [tmp_path / "first-missing.md", tmp_path / "second-missing.md"]
    errors = []
    for jobs in ("1", "2"):
        assert main(["check", "--jobs", jobs, str(ONE_ARTICLE), *map(str, bad)]) == 2
        errors.append(capsys.readouterr().err)
    assert "first-missing.md" in errors[0]
    assert errors[1] == errors[0]


def test_the_heaviest_items_are_handed_out_first_and_the_results_come_back_in_order() -> None:
    items = list(range(12))
    assert parallel.ordered_map(_square, 0, items, 2, weights=items) == [i * i for i in items]


def test_workers_load_the_rules_of_their_laws_languages_and_give_the_output_of_one_process(
        laws_in_workers: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # nothing compiled in this process before the fork: each worker loads the rule sets its laws need
    refs = ["uz/labour-code@2025-12-12", "tm/labour-code@2019-03-02", "kz/trade-unions-law@2021-07-01:kk",
            str(ONE_ARTICLE)]
    assert laws._in_workers(refs, [parallel.source_bytes(r) for r in refs], 2)
    monkeypatch.setattr(check, "_COMPILED", type(check._COMPILED)())
    two = _check_output(capsys, "--jobs", "2", *refs)
    assert not check._COMPILED
    one = _check_output(capsys, "--jobs", "1", *refs)
    assert '"rule_id"' in one[0] and two == one


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_folder_of_word_pdf_or_html_laws_is_each_of_its_laws(laws_in_workers: None, tmp_path: Path, jobs: str,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    # a folder as users keep laws: Word and HTML files, and notes on where they come from
    shutil.copy(REPO / "corpora/national_laws/ru/labour-code/2023-08-04.html", tmp_path / "labour-code.html")
    shutil.copy(REPO / "corpora/national_laws/kg/constitution/2021-05-05.docx", tmp_path / "constitution.docx")
    (tmp_path / "PROVENANCE.md").write_text("# Sources\n\nStatya 1. Not a law.\n", encoding="utf-8")
    out, _ = _check_output(capsys, "--jobs", jobs, str(tmp_path))
    report = FindingsReport.model_validate_json(out)
    assert [d.id for d in report.documents] == ["constitution.docx", "labour-code.html"]
    assert report.findings


def test_the_folder_a_browser_saves_beside_a_page_is_no_law(tmp_path: Path) -> None:
    # "Web page, complete": law.htm and law_files/ (its frames, images, style sheets); another folder is read
    from compliance.parallel import law_refs

    (tmp_path / "law.htm").write_text("<p>Статья 1. Цели</p><p>Текст.</p>", encoding="utf-8")
    (tmp_path / "law_files").mkdir()
    (tmp_path / "law_files" / "banner.html").write_text("<p>Реклама</p>", encoding="utf-8")
    (tmp_path / "other_files").mkdir()
    (tmp_path / "other_files" / "code.html").write_text("<p>Статья 1. Цели</p>", encoding="utf-8")
    assert [Path(p).relative_to(tmp_path).as_posix() for p in law_refs([str(tmp_path)])] == [
        "law.htm", "other_files/code.html"]
