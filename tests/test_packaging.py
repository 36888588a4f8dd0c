"""The wheel carries the rules and the corpus, so `pip install .` anywhere gives a working `compliance`."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "compliance", "rules", "corpora")


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The file names inside a wheel built from a copy of the checkout (the checkout itself stays clean)."""
    src = tmp_path_factory.mktemp("src")
    for name in SOURCES:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(REPO / name, src / name)
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(src)],
                          capture_output=True, text=True)
    if done.returncode and "No matching distribution" in done.stderr:
        pytest.skip("the package index is unreachable: cannot fetch the build backend")
    assert done.returncode == 0, done.stderr
    (wheel,) = out.glob("*.whl")
    with zipfile.ZipFile(wheel) as z:
        return set(z.namelist())


def test_wheel_ships_every_rule_file(wheel_names: set[str]) -> None:
    rules = {p.relative_to(REPO).as_posix() for p in (REPO / "rules").rglob("*") if p.is_file()}
    assert rules
    assert {f"compliance/_bundled/{name}" for name in rules} <= wheel_names


def test_wheel_ships_the_corpus_with_its_metadata_and_texts(wheel_names: set[str]) -> None:
    corpus = {p.relative_to(REPO).as_posix() for p in (REPO / "corpora").rglob("*") if p.is_file()}
    assert any(name.endswith(".meta.yaml") for name in corpus)
    assert {f"compliance/_bundled/{name}" for name in corpus} <= wheel_names


def test_wheel_ships_the_templates_and_vocabularies(wheel_names: set[str]) -> None:
    shipped = {p.relative_to(REPO).as_posix() for pattern in ("*.j2", "*.yaml", "*.json")
               for p in (REPO / "compliance").rglob(pattern)}
    assert shipped <= wheel_names
