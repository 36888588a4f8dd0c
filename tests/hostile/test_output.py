"""Output folders under attack or accident: planted symlinks, an input inside the folder, two runs at once, a
failure or Ctrl-C half-way. The old files stay whole until the new set is complete; nothing outside is touched.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest

from compliance.errors import UsageError
from compliance.output import LOCK_NAME, AtomicFolder, is_stream, write_file

from .runner import run_cli
from .test_inputs import BOUND, PLAIN

REPORT = ["index.html", "report.md", "findings.json", "findings.csv"]


def _report(law: Path, out: Path, *extra: str, **kwargs: float) -> tuple[int, str]:
    run = run_cli(["report", str(law), "--country", "KZ", "--no-pdf", "--quiet", "-o", str(out), *extra],
                  timeout=BOUND, **kwargs)  # type: ignore[arg-type]
    return run.code, run.err


@pytest.fixture
def law(tmp_path: Path) -> Path:
    path = tmp_path / "law.txt"
    path.write_text(PLAIN, "utf-8")
    return path


def test_a_symlink_planted_in_the_output_folder_is_replaced_not_followed(law: Path, tmp_path: Path) -> None:
    out, victim = tmp_path / "out", tmp_path / "victim.txt"
    out.mkdir()
    victim.write_text("keep me", "utf-8")
    for name in REPORT:
        (out / name).symlink_to(victim)
    code, err = _report(law, out)
    assert code == 0, err
    assert victim.read_text("utf-8") == "keep me"
    assert all(not (out / name).is_symlink() and (out / name).stat().st_size > 0 for name in REPORT)


def test_an_input_inside_the_output_folder_is_never_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    law = out / "report.md"
    law.write_text(PLAIN, "utf-8")
    code, err = _report(law, out)
    assert code == 2 and "input" in err and len(err.strip().splitlines()) == 1
    assert law.read_text("utf-8") == PLAIN
    assert sorted(p.name for p in out.iterdir()) == ["report.md"]  # no temporaries, no lock left


def test_a_folder_another_run_is_writing_is_refused(law: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with (out / LOCK_NAME).open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        code, err = _report(law, out)
    assert code == 2 and "another" in err
    assert not any((out / name).exists() for name in REPORT)


def test_ctrl_c_exits_130_in_one_line_and_leaves_the_old_report_whole(law: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _report(law, out)[0] == 0
    before = {name: (out / name).read_bytes() for name in REPORT}
    big = tmp_path / "big.txt"
    big.write_text(PLAIN * 400, "utf-8")
    run = run_cli(["report", str(big), "--country", "KZ", "--no-pdf", "--quiet", "-o", str(out)],
                  timeout=BOUND, interrupt_after=0.3)
    if run.code == 0:
        pytest.skip("the run finished before the interrupt arrived")
    assert run.code == 130 and run.err.strip() == "compliance: interrupted", run.err
    assert {name: (out / name).read_bytes() for name in REPORT} == before
    assert sorted(p.name for p in out.iterdir()) == sorted(REPORT)


def test_a_failure_half_way_keeps_the_old_files_and_removes_the_temporaries(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("old a", "utf-8")
    (tmp_path / "b.txt").write_text("old b", "utf-8")
    with pytest.raises(RuntimeError), AtomicFolder(tmp_path) as folder:
        folder.write("a.txt", b"new a")
        raise RuntimeError("disk full")
    assert (tmp_path / "a.txt").read_text("utf-8") == "old a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


def test_a_folder_where_a_file_should_go_fails_before_any_rename(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("old a", "utf-8")
    (tmp_path / "b.txt").mkdir()
    with pytest.raises(UsageError, match="is a folder"), AtomicFolder(tmp_path) as folder:
        folder.write("a.txt", b"new a")
        folder.write("b.txt", b"new b")
    assert (tmp_path / "a.txt").read_text("utf-8") == "old a"


def test_written_files_are_readable_by_others_as_before(tmp_path: Path) -> None:
    write_file(tmp_path / "x.json", b"{}")
    assert (tmp_path / "x.json").stat().st_mode & 0o044 == 0o044 & ~_umask()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@pytest.mark.parametrize("name", ["", ".", "..", "a/b", LOCK_NAME])
def test_names_that_are_not_file_names_are_refused(name: str, tmp_path: Path) -> None:
    with pytest.raises(UsageError), AtomicFolder(tmp_path) as folder:
        folder.write(name, b"x")


def test_the_output_option_naming_a_folder_is_refused(law: Path, tmp_path: Path) -> None:
    run = run_cli(["parse", str(law), "-o", str(tmp_path)], timeout=BOUND)
    assert run.code == 2 and "is a folder" in run.err



def test_the_output_option_naming_a_named_pipe_writes_into_it(law: Path, tmp_path: Path) -> None:
    # `-o /dev/null`, `-o /dev/stdout`, a pipe: a stream, written into; an atomic write renamed a regular file
    # over it (as root, /dev/null itself became a file) or, elsewhere, could not lock its folder
    import threading

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(pipe.read_bytes()), daemon=True)
    reader.start()
    run = run_cli(["parse", str(law), "--format", "json", "-o", str(pipe)], timeout=BOUND)
    reader.join(BOUND)
    assert run.code == 0, run.err
    assert pipe.is_fifo() and got and b'"eid"' in got[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["law.txt", "pipe"]  # no temporary, no lock


@pytest.mark.parametrize("name", ["/dev/null", "/dev/stdout", "/dev/stderr", "/proc/self/fd/1"])
def test_the_systems_device_names_are_streams_to_write_into(name: str) -> None:
    assert is_stream(Path(name))


def test_a_regular_file_or_a_new_one_is_written_atomically(tmp_path: Path) -> None:
    (tmp_path / "old.json").write_text("{}", "utf-8")
    assert not is_stream(tmp_path / "old.json") and not is_stream(tmp_path / "new.json")
