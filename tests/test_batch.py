"""`compliance batch`: the corpus on a two-worker Dask cluster finds what `check` finds, and resumes."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from compliance.batch import Listed, Summary, manifest_entries, run_batch
from compliance.check import check_documents
from compliance.cli import main
from compliance.corpus import load_document, load_entries
from compliance.errors import SchedulerLost, UsageError
from compliance.rules import load_rules

from .conftest import REPO, parsed

# The corpus laws under 100 kB (16 of 27 documents: the Kazakh excerpts and editions, Russian and Kazakh
# texts): the whole corpus would multiply the test's time without a new kind of input.
SMALL = 100_000


def _ids() -> list[str]:
    return [e.meta.id for e in load_entries() if e.meta.country and e.file.is_file() and e.file.stat().st_size < SMALL]


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None,
                      scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}) as c:
        yield c


def _manifest(tmp: Path, ids: list[str]) -> Path:
    path = tmp / "laws.txt"
    path.write_text("# corpus ids\n" + "\n".join(ids) + "\n", encoding="utf-8")
    return path


def _rows(out: Path) -> list[tuple[Any, ...]]:
    table = pq.read_table(out / "findings.parquet").to_pylist()
    return [(r["finding_id"], r["kind"], r["severity"], r["citation"], r["article"]) for r in table]


def test_batch_on_a_two_worker_cluster_finds_what_check_finds_on_the_whole_corpus(cluster: Any,
                                                                                  tmp_path: Path) -> None:
    # every national law of the corpus: Russian, Kazakh, Uzbek, Tajik (a folder of chapters), Kyrgyz and
    # Turkmen (not analysed), whole codes and excerpts, several editions of a law
    ids = [e.meta.id for e in load_entries() if e.meta.country]
    summary = run_batch(_manifest(tmp_path, ids), tmp_path / "out", scheduler=cluster.scheduler_address)
    report = check_documents([parsed(i) for i in ids], load_rules())
    expected = [(f.id, f.kind, f.severity, f.citation, f.article) for f in report.findings]
    assert len(ids) >= 27 and summary.checked == len(ids) and not summary.failed
    assert {"kz", "ru", "uz", "tj", "kg", "tm"} <= {i.split("/")[0] for i in ids}
    assert {"conflict", "concern"} <= set(summary.by_kind)
    assert _rows(tmp_path / "out") == expected
    on_disk = Summary.model_validate_json((tmp_path / "out" / "summary.json").read_text("utf-8"))
    assert on_disk.findings == len(expected)


def test_a_batch_run_again_skips_the_documents_already_done(cluster: Any, tmp_path: Path) -> None:
    ids = _ids()[:3]
    manifest, out = _manifest(tmp_path, ids), tmp_path / "out"
    first = run_batch(manifest, out, scheduler=cluster.scheduler_address)
    rows = _rows(out)
    again = run_batch(manifest, out, scheduler=cluster.scheduler_address)
    assert (first.resumed, again.resumed) == (0, 3)
    assert _rows(out) == rows
    # an interrupted run: one document's record missing, so it alone is checked again
    next((out / "done").glob("*.json")).unlink()
    third = run_batch(manifest, out, scheduler=cluster.scheduler_address)
    assert third.resumed == 2 and third.checked == 3
    assert _rows(out) == rows


def test_a_record_or_part_damaged_since_the_last_run_is_checked_again(cluster: Any, tmp_path: Path) -> None:
    ids = _ids()[:3]
    manifest, out = _manifest(tmp_path, ids), tmp_path / "out"
    run_batch(manifest, out, scheduler=cluster.scheduler_address)
    rows = _rows(out)
    records, parts = sorted((out / "done").glob("*.json")), sorted((out / "parts").glob("*.parquet"))
    records[0].write_text("{cut short", encoding="utf-8")
    parts[1].unlink()
    parts[2].write_bytes(parts[2].read_bytes()[:50])
    again = run_batch(manifest, out, scheduler=cluster.scheduler_address)
    assert (again.resumed, again.checked, again.failed) == (0, 3, [])
    assert _rows(out) == rows


def test_a_run_with_other_rules_or_country_checks_every_law_again(cluster: Any, tmp_path: Path) -> None:
    ids = [i for i in _ids() if "criminal-code-art174" in i][:1]
    manifest, out = _manifest(tmp_path, ids), tmp_path / "out"
    first = run_batch(manifest, out, scheduler=cluster.scheduler_address, conventions=["C105"])
    assert set(first.by_convention) == {"C105"}
    every = run_batch(manifest, out, scheduler=cluster.scheduler_address)
    assert every.resumed == 0 and {"C087", "C105"} <= set(every.by_convention)
    assert run_batch(manifest, out, scheduler=cluster.scheduler_address).resumed == 1
    assert run_batch(manifest, out, scheduler=cluster.scheduler_address, country="UZ").resumed == 0


@pytest.fixture
def scheduler() -> Iterator[str]:
    """A scheduler on TCP with no worker: the test starts its own, as a cluster's are started apart."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=0, processes=False, protocol="tcp://", dashboard_address=None,
                      scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}) as c:
        yield c.scheduler_address


@contextmanager
def _worker(address: str, folder: Path, pythonpath: Path | None = None) -> Iterator[None]:
    """A Dask worker process of its own, running in `folder` (and importing the program from `pythonpath`)."""
    import os

    from distributed import Client

    env = {**os.environ, **({"PYTHONPATH": str(pythonpath)} if pythonpath else {})}
    proc = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1",
                             "--no-dashboard"], cwd=folder, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        with Client(address) as client:
            client.wait_for_workers(1, timeout=120)
        yield
    finally:
        proc.terminate()
        proc.wait(60)


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:{port}", "tcp://127.0.0.1:not-a-port", "ftp://host"])
def test_a_scheduler_address_where_none_answers_is_one_usage_line(address: str, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    import dask
    import distributed  # noqa: F401 - its settings are in Dask's configuration from then on

    with socket.socket() as free:  # a port nothing listens on
        free.bind(("127.0.0.1", 0))
        address = address.format(port=free.getsockname()[1])
    manifest = _manifest(tmp_path, _ids()[:1])
    # Dask's 30 s, shortened for the test (not with `dask.config.set`: a client that failed to connect inside
    # one restores its own settings after it, and loses the configuration's "client" section)
    monkeypatch.setitem(dask.config.config["distributed"]["comm"]["timeouts"], "connect", "2s")
    code = main(["batch", str(manifest), "--out", str(tmp_path / "out"), "--scheduler", address, "--quiet"])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith(f"compliance: --scheduler {address}: no Dask scheduler to connect to")
    assert err.count("\n") == 1


def test_a_scheduler_lost_during_a_batch_is_one_line_and_a_run_again_resumes(cluster: Any, tmp_path: Path) -> None:
    import json
    import time

    where = tmp_path / "scheduler.json"
    scheduler = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--scheduler-file",
                                  str(where), "--port", "0", "--dashboard-address", "127.0.0.1:0"], cwd=tmp_path,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while not where.is_file() and time.monotonic() < deadline:
            time.sleep(0.1)
        address = json.loads(where.read_text("utf-8"))["address"]
        manifest, out = _manifest(tmp_path, _ids()[:4]), tmp_path / "out"

        def progress(done: int, total: int) -> None:
            if done:  # the first law written: the scheduler's machine goes down
                scheduler.kill()

        with _worker(address, tmp_path), pytest.raises(SchedulerLost) as lost:
            run_batch(manifest, out, scheduler=address, progress=progress)
    finally:
        scheduler.kill()
        scheduler.wait(60)
    said = str(lost.value)
    assert "\n" not in said and "scheduler was lost" in said and f"of 4 laws done, kept in {out}" in said
    again = run_batch(manifest, out, scheduler=cluster.scheduler_address)
    assert again.resumed >= 1 and again.checked == 4 and not again.failed


def test_a_cluster_worker_in_another_folder_reads_the_manifests_relative_paths(
        scheduler: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    entries = [e for e in load_entries() if e.meta.id in _ids()[:2]]
    (tmp_path / "laws").mkdir()
    for i, e in enumerate(entries):
        (tmp_path / "laws" / f"{i}{e.file.suffix}").write_bytes(e.file.read_bytes())
    (tmp_path / "laws" / "empty.md").write_bytes(b"")
    (tmp_path / "elsewhere").mkdir()
    manifest = tmp_path / "laws.txt"
    manifest.write_text("laws/0.md\nlaws/1.md\nlaws/empty.md\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # the paths are relative to here, and the worker runs in elsewhere/
    with _worker(scheduler, tmp_path / "elsewhere"):
        summary = run_batch(Path("laws.txt"), Path("out"), scheduler=scheduler)
    # the unreadable law named as the manifest names it, not by the path the worker read it at
    assert summary.checked == 2 and summary.failed == ["laws/empty.md:1: empty input: no text to parse"]
    report = check_documents([load_document(f"laws/{i}.md") for i in range(2)], load_rules())
    assert _rows(tmp_path / "out") == [(f.id, f.kind, f.severity, f.citation, f.article) for f in report.findings]


def test_a_cluster_worker_running_another_version_of_the_program_is_refused(scheduler: str, tmp_path: Path) -> None:
    other = tmp_path / "other" / "compliance"
    shutil.copytree(REPO / "compliance", other, ignore=shutil.ignore_patterns("__pycache__"))
    with (other / "check" / "match.py").open("a", encoding="utf-8") as fh:
        fh.write("# another version\n")
    manifest = _manifest(tmp_path, _ids()[:1])
    with _worker(scheduler, tmp_path, pythonpath=other.parent), pytest.raises(UsageError, match="another version"):
        run_batch(manifest, tmp_path / "out", scheduler=scheduler)


def test_a_cluster_checks_with_the_rules_as_they_are_at_each_run(cluster: Any, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(REPO / "rules", rules)
    manifest = _manifest(tmp_path, [i for i in _ids() if "criminal-code-art174" in i][:1])
    first = run_batch(manifest, tmp_path / "first", scheduler=cluster.scheduler_address, rules_dir=rules)
    (rules / "c105-forced-labour.yaml").unlink()  # the workers of the cluster stay up between the runs
    second = run_batch(manifest, tmp_path / "second", scheduler=cluster.scheduler_address, rules_dir=rules)
    assert "C105" in first.by_convention and "C105" not in second.by_convention


def test_an_unreadable_document_is_named_and_the_rest_written(cluster: Any, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    manifest = _manifest(tmp_path, [_ids()[0], "xx/no-such-law"])
    code = main(["batch", str(manifest), "--out", str(tmp_path / "out"), "--scheduler", cluster.scheduler_address])
    err = capsys.readouterr().err
    assert code == 2
    assert "no-such-law" in err
    assert len(_rows(tmp_path / "out")) > 0


def test_workers_given_for_a_cluster_with_its_own_are_said_not_to_be_used(cluster: Any, tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    manifest = _manifest(tmp_path, _ids()[:1])
    code = main(["batch", str(manifest), "--out", str(tmp_path / "out"), "--scheduler", cluster.scheduler_address,
                 "--workers", "4", "--quiet"])
    assert code == 0
    assert capsys.readouterr().err == (f"compliance: warning: --workers 4 is not used: the cluster at "
                                       f"{cluster.scheduler_address} has its own workers\n")


def test_a_manifest_saved_with_a_bom_or_crlf_names_its_first_document_whole(tmp_path: Path) -> None:
    manifest = tmp_path / "laws.txt"
    manifest.write_bytes("\ufeffkz/criminal-code-art174\r\n# a comment\r\n\r\nru/labour-code\r\n".encode())
    assert manifest_entries(manifest) == [Listed("kz/criminal-code-art174", f"{manifest}:1"),
                                          Listed("ru/labour-code", f"{manifest}:4")]


def test_a_folder_manifest_lists_a_law_in_chapter_files_once_and_never_the_notes_on_sources(tmp_path: Path) -> None:
    tj = tmp_path / "tj" / "labour-code"
    tj.mkdir(parents=True)
    for name in ("glava-01.md", "glava-02.md", "PROVENANCE.md"):
        (tj / name).write_text("Статья 1. Текст.\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("notes", encoding="utf-8")
    (tmp_path / "code.html").write_text("<p>Статья 1. Текст.</p>", encoding="utf-8")
    assert manifest_entries(tmp_path) == [Listed(str(tmp_path / "code.html"), str(tmp_path)),
                                          Listed(str(tj), str(tmp_path))]


def test_a_manifest_can_come_from_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"kz/criminal-code-art174\n")))
    assert manifest_entries(Path("-")) == [Listed("kz/criminal-code-art174", "<stdin>:1")]


@pytest.mark.parametrize(("name", "content", "said"), [
    ("laws.txt", "kz/criminal-code-art174\nlaws/caf\u00e9.md\n".encode("cp1252"), ":2: not UTF-8 text"),
    ("laws.txt", b"kz/criminal-code-art174\n\x00\x01\x02", ":2: a binary file, not a manifest"),
    ("laws.txt", b"# nothing yet\n\n", ":1: names no documents"),
    ("code.pdf", b"%PDF-1.7\n", ":1: a law, not a manifest"),
    ("missing.txt", None, ":1: manifest not found"),
    ("folder", "", ":1: holds no law files"),
])
def test_a_manifest_that_names_no_documents_is_one_line_with_its_place_and_exit_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes | str | None, said: str) -> None:
    manifest = tmp_path / name
    if isinstance(content, bytes):
        manifest.write_bytes(content)
    elif content is not None:
        manifest.mkdir()
        (manifest / "README.md").write_text("not a law", encoding="utf-8")
    code = main(["batch", str(manifest), "--out", str(tmp_path / "out")])
    assert code == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(f"compliance: {manifest}{said}"), err
    assert not (tmp_path / "out").exists()


def test_a_reference_that_names_nothing_is_told_by_its_manifest_line_without_a_cluster(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    manifest = tmp_path / "laws.txt"
    manifest.write_text("# two that name nothing\nxx/no-such-law\n-\nxx/no-such-law\n", encoding="utf-8")
    code = main(["batch", str(manifest), "--out", str(tmp_path / "out"), "--quiet"])
    err = capsys.readouterr().err.splitlines()
    assert code == 2
    assert [line.split(": ", 2)[:2] for line in err] == [["compliance", f"{manifest}:2"],
                                                        ["compliance", f"{manifest}:3"]]
    assert "xx/no-such-law: no such file, and not a corpus id" in err[0]
    assert "-: standard input cannot be a document of a batch" in err[1]
    summary = Summary.model_validate_json((tmp_path / "out" / "summary.json").read_text("utf-8"))
    assert (summary.documents, summary.checked, len(summary.failed)) == (2, 0, 2)


def test_an_output_that_is_a_file_or_another_runs_folder_is_one_line_and_exit_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from compliance.output import AtomicFolder

    manifest = _manifest(tmp_path, ["xx/no-such-law"])
    (tmp_path / "a-file").write_text("kept", encoding="utf-8")
    assert main(["batch", str(manifest), "--out", str(tmp_path / "a-file")]) == 2
    assert capsys.readouterr().err.splitlines() == [f"compliance: {tmp_path / 'a-file'}: exists and is not a folder"]
    assert (tmp_path / "a-file").read_text("utf-8") == "kept"
    with AtomicFolder(tmp_path / "busy"):  # a run that is writing there
        assert main(["batch", str(manifest), "--out", str(tmp_path / "busy")]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"compliance: {tmp_path / 'busy'}: another compliance run is writing to this folder"]
    assert not (tmp_path / "busy" / "summary.json").exists()


@pytest.mark.parametrize("workers", ["0", "-1", "two"])
def test_a_number_of_workers_below_one_is_refused_not_waited_for(tmp_path: Path, workers: str) -> None:
    # a cluster of no workers would wait for ever
    with pytest.raises(SystemExit) as exited:
        main(["batch", str(_manifest(tmp_path, ["xx/no-such-law"])), "--out", str(tmp_path / "out"),
              "--workers", workers])
    assert exited.value.code == 2


def test_a_law_not_analysed_is_said_so_as_check_says_it_never_counted_as_compliant(
        cluster: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Turkmen (no rules for the language) beside a Kazakh law that is analysed
    ids = ["tm/labour-code@2019-03-02", _ids()[0]]
    assert main(["check", *ids]) == 0
    said_by_check = [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("compliance: warning:")]
    code = main(["batch", str(_manifest(tmp_path, ids)), "--out", str(tmp_path / "out"), "--quiet",
                 "--scheduler", cluster.scheduler_address])
    captured = capsys.readouterr()
    assert code == 0
    assert said_by_check and [ln for ln in captured.err.splitlines() if "warning:" in ln] == said_by_check
    assert "1 of them not analysed" in captured.out
    summary = Summary.model_validate_json((tmp_path / "out" / "summary.json").read_text("utf-8"))
    assert (summary.checked, summary.analysed) == (2, 1)
    assert summary.warnings == [ln.removeprefix("compliance: warning: ") for ln in said_by_check]


def test_the_other_commands_do_not_import_dask() -> None:
    code = ("import sys, compliance.cli, compliance.check, compliance.parallel, compliance.report; "
            "from compliance.cli import build_parser; build_parser(); "
            "assert not {'dask', 'distributed', 'pyarrow'} & set(sys.modules), sys.modules.keys()")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


def test_the_default_cluster_of_forked_worker_processes_finds_what_check_finds(tmp_path: Path) -> None:
    # the command as a user runs it: `--scheduler local`, worker processes forked from this one
    ids = _ids()[:4]
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "compliance.cli", "batch", str(_manifest(tmp_path, ids)), "--out",
                           str(out), "--workers", "2", "--quiet"], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    report = check_documents([parsed(i) for i in ids], load_rules())
    assert report.findings and _rows(out) == [(f.id, f.kind, f.severity, f.citation, f.article) for f in report.findings]
    assert Summary.model_validate_json((out / "summary.json").read_text("utf-8")).checked == len(ids)


def test_the_largest_laws_are_submitted_first_and_with_the_highest_priority(monkeypatch: pytest.MonkeyPatch,
                                                                           tmp_path: Path) -> None:
    # the scheduler hands the first tasks out as they arrive: submitted in manifest order, a large law late
    # in the manifest would start after small ones whatever its priority, and end the run alone
    from compliance.batch import _run_tasks

    sizes = {"a.txt": 10, "b.txt": 3000, "c.txt": 500}
    for name, size in sizes.items():
        (tmp_path / name).write_text("x" * size, encoding="utf-8")
    submitted: list[tuple[str, int]] = []

    class Future:
        def __init__(self, ref: str) -> None:
            self.ref = ref

        def result(self) -> str:
            return self.ref

        def release(self) -> None:
            pass

    class Client:
        def submit(self, fn: Any, ref: str, *args: Any, priority: int, **kwargs: Any) -> Future:
            submitted.append((Path(ref).name, priority))
            return Future(ref)

    monkeypatch.setattr("distributed.as_completed", iter)
    todo = [(str(tmp_path / name), "sha") for name in sizes]
    done = list(_run_tasks(Client(), todo, (None, (), None)))
    assert submitted == [("b.txt", 3000), ("c.txt", 500), ("a.txt", 10)]
    assert sorted(done) == sorted(ref for ref, _ in todo)


_KILLING_RUN = """
import os, signal, sys
from pathlib import Path
import compliance.batch as batch

checked = batch.check_one

def check_one(ref, *args):
    if ref == sys.argv[3]:  # as the kernel's out-of-memory killer would, on every try
        os.kill(os.getpid(), signal.SIGKILL)
    return checked(ref, *args)

batch.check_one = check_one  # the forked workers, first and restarted, run this one
if __name__ == "__main__":
    summary = batch.run_batch(Path(sys.argv[1]), Path(sys.argv[2]), workers=int(sys.argv[4]))
    print(summary.model_dump_json())
"""


@pytest.mark.parametrize("workers", [1, 2])  # one: each death takes every worker the rules were on
def test_a_law_whose_check_kills_its_worker_on_every_try_is_named_and_the_others_written(tmp_path: Path,
                                                                                         workers: int) -> None:
    ids = _ids()[:3]
    script = tmp_path / "run.py"
    script.write_text(_KILLING_RUN, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(_manifest(tmp_path, ids)), str(tmp_path / "out"),
                           ids[1], str(workers)], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    summary = Summary.model_validate_json(done.stdout.splitlines()[-1])
    assert summary.checked == 2 and len(summary.failed) == 1
    assert summary.failed[0].startswith(f"{ids[1]}: ") and "lack of memory" in summary.failed[0]
    others = check_documents([parsed(i) for i in (ids[0], ids[2])], load_rules())
    assert _rows(tmp_path / "out") == [(f.id, f.kind, f.severity, f.citation, f.article) for f in others.findings]



def test_a_local_batch_beside_another_dask_dashboard_says_nothing_of_its_port(tmp_path: Path) -> None:
    import socket

    manifest = _manifest(tmp_path, _ids()[:1])
    with socket.socket() as taken:  # a Jupyter session's cluster holds 8787, the dashboard's port
        taken.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            taken.bind(("127.0.0.1", 8787))
            taken.listen()
        except OSError:
            pass  # held already: the same case
        done = subprocess.run([sys.executable, "-m", "compliance.cli", "batch", str(manifest), "--out",
                               str(tmp_path / "out"), "--workers", "1", "--quiet"], cwd=REPO, capture_output=True,
                              text=True, timeout=300)
    assert done.returncode == 0 and done.stderr == ""


def test_a_local_cluster_s_workers_drop_only_the_heartbeat_errors_of_its_closing() -> None:
    # closing, the scheduler goes first, and a worker's heartbeat in between logged a traceback after a run
    # that went well (dask/distributed#7105); any other error of a worker is still told
    import logging

    from compliance.cluster import client_of

    seen: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record.getMessage())

    log, keep = logging.getLogger("distributed.worker"), Keep()
    log.addHandler(keep)
    try:
        with client_of("threads", 1):
            log.error("Failed to communicate with scheduler during heartbeat.")
            log.error("Compute Failed")
        log.error("Failed to communicate with scheduler during heartbeat.")  # a cluster of the user's: told
    finally:
        log.removeHandler(keep)
    assert [m for m in seen if "heartbeat" in m or m == "Compute Failed"] == [
        "Compute Failed", "Failed to communicate with scheduler during heartbeat."]


def test_a_spawned_local_worker_drops_the_heartbeat_errors_of_the_closing_once() -> None:
    # where workers are spawned, not forked (macOS, Windows), they get the filter from the worker plugin
    import logging
    import signal

    from compliance.cluster import _ctrl_c_to_this_process

    log, before = logging.getLogger("distributed.worker"), signal.getsignal(signal.SIGINT)
    kept = list(log.filters)
    for f in kept:
        log.removeFilter(f)
    plugin = _ctrl_c_to_this_process()
    try:
        plugin.setup(None)
        plugin.setup(None)  # set up again (a worker restarted in the same process): still one filter
        record = logging.LogRecord("distributed.worker", logging.ERROR, __file__, 1,
                                   "Failed to communicate with scheduler during heartbeat.", None, None)
        assert len(log.filters) == 1 and not log.filter(record)
    finally:
        signal.signal(signal.SIGINT, before)
        for f in list(log.filters):
            log.removeFilter(f)
        for f in kept:
            log.addFilter(f)


def test_the_workers_of_the_local_cluster_do_not_interrupt_the_law_they_check() -> None:
    # no stack sampled every 10 ms for a dashboard not shown, no event-loop latency measured every 20 ms
    import dask

    from compliance.cluster import client_of

    def settings(dask_worker: Any) -> tuple[bool, float, bool]:
        return (dask.config.get("distributed.worker.profile.enabled"), dask_worker.periodic_callbacks["tick"].callback_time,
                "profile" in dask_worker.periodic_callbacks)

    with client_of("local", 2) as client:
        assert list(client.run(settings).values()) == [(False, 1000, False)] * 2
    assert dask.config.get("distributed.worker.profile.enabled")  # this process's settings as they were


_SLOW_RUN = """
import sys, time
from pathlib import Path
import compliance.batch as batch
from compliance.cli import main

def check_one(ref, *args):
    (Path(sys.argv[1]).parent / "started").touch()  # the test presses Ctrl-C once a law is being checked
    time.sleep(3)  # a law that ends after Ctrl-C: a worker that took Ctrl-C too then prints a traceback

batch.check_one = check_one  # the forked workers run this one
if __name__ == "__main__":
    sys.exit(main(["batch", sys.argv[1], "--out", sys.argv[2], "--workers", "2", "--quiet"]))
"""


def test_ctrl_c_during_a_batch_is_one_line_and_exit_130_without_the_workers_tracebacks(tmp_path: Path) -> None:
    import os
    import signal
    import time

    script = tmp_path / "run.py"
    script.write_text(_SLOW_RUN, encoding="utf-8")
    manifest = _manifest(tmp_path, _ids()[:3])
    proc = subprocess.Popen([sys.executable, str(script), str(manifest), str(tmp_path / "out")], cwd=REPO,
                            stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 120
    while not (tmp_path / "started").exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: to the whole group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err[-2000:]
    assert "Traceback" not in err, err
    assert [ln for ln in err.splitlines() if ln.startswith("compliance: ")] == ["compliance: interrupted"]


def test_a_task_sent_to_a_worker_of_another_version_or_without_the_file_says_so_and_checks_nothing(
        tmp_path: Path) -> None:
    # what each task checks itself, for a worker that joins the cluster after the run started
    from compliance.batch import check_one
    from compliance.cache import code_version

    law = REPO / "corpora/national_laws/kz/criminal-code-art174/2020-06-26.md"
    rules = load_rules()
    other = check_one("laws/174.md", "sha", str(law), rules, None, "another version")
    assert isinstance(other, str) and other.startswith("laws/174.md: not checked: the Dask worker on ")
    assert "runs another version of this program" in other
    unseen = check_one("laws/174.md", "sha", str(tmp_path / "174.md"), rules, None, code_version())
    assert isinstance(unseen, str) and f"at {tmp_path / '174.md'}: the workers of a cluster" in unseen
    done = check_one("laws/174.md", "sha", str(law), rules, None, code_version())
    assert not isinstance(done, str) and done[0].ref == "laws/174.md" and done[0].findings == len(done[1]) > 0
