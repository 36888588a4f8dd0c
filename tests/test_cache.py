"""The start-up cache: rules and compiled rule sets read back from disk, rebuilt when anything changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from compliance import cache, check, rules
from compliance.check import check_document
from compliance.rules import load_rules

from .conftest import REPO, parsed

DOC = "kz/criminal-code-ch04-05-arts160-186-incl-art174@2025-09-16"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(check, "_COMPILED", type(check._COMPILED)())
    return tmp_path / "cache"


def _refuse(*args: object) -> None:
    raise AssertionError("rebuilt instead of read from the cache")


def test_compiled_rules_are_read_back_from_disk_with_the_same_findings(cache_dir: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    doc, rule_set = parsed(DOC), load_rules()
    fresh = check_document(doc, rule_set)
    assert fresh and len(list(cache_dir.glob("compiled-ru-*.pickle"))) == 1
    check._COMPILED.clear()
    monkeypatch.setattr(check, "compile_rules", _refuse)
    assert check_document(doc, rule_set) == fresh


def test_a_changed_rule_set_is_compiled_again(cache_dir: Path) -> None:
    rule_set = load_rules()
    check.compiled_rules(rule_set, "ru")
    check.compiled_rules(rule_set[1:], "ru")
    assert len(list(cache_dir.glob("compiled-ru-*.pickle"))) == 2


def test_an_unreadable_entry_is_rebuilt(cache_dir: Path) -> None:
    rule_set = load_rules()
    check.compiled_rules(rule_set, "ru")
    entry = next(cache_dir.glob("compiled-ru-*.pickle"))
    entry.write_bytes(b"not a pickle")
    check._COMPILED.clear()
    assert check.compiled_rules(rule_set, "ru").rules == check.compiled_rules(rule_set, "ru").rules
    assert entry.stat().st_size > 1000


def test_rules_are_validated_once_per_content(cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "rules"
    shutil.copytree(REPO / "rules", folder)
    first = load_rules(folder)
    monkeypatch.setattr(rules, "load_file", _refuse)
    assert load_rules(folder) == first
    monkeypatch.undo()
    monkeypatch.setenv(cache.ENV, str(cache_dir))
    edited = folder / "c087-freedom-of-association.yaml"
    edited.write_text(edited.read_text("utf-8").replace("severity: high", "severity: nonsense", 1), "utf-8")
    with pytest.raises(rules.RuleError, match="severity"):
        load_rules(folder)


def test_the_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV, "off")
    assert cache.directory() is None
    assert cache.cached("x", lambda: 41 + 1) == 42


def test_regular_expressions_are_read_back_without_compiling_them_again(cache_dir: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import re
    from re import _compiler  # type: ignore[attr-defined]

    patterns = [re.compile(r"(?P<word>стат\w+)\s+(\d+)(?=\.)", re.IGNORECASE), re.compile(rb"^ab+$", re.M)]
    name = cache.key("test-patterns", [])
    cache.cached(name, lambda: patterns)
    re.purge()  # nothing compiled in this process either
    monkeypatch.setattr(_compiler, "compile", _refuse)
    found = cache.cached(name, lambda: _refuse())
    assert found == patterns and [p.groupindex for p in found] == [p.groupindex for p in patterns]
    assert found[0].match("Статья 5.").groups() == ("Статья", "5") and found[1].search(b"x\nabb")


def test_a_regular_expression_whose_code_is_refused_is_compiled_from_its_text(cache_dir: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    pattern = re.compile(r"стать\w+\s+(?P<number>\d+)", re.IGNORECASE)
    name = cache.key("test-refused-code", [])
    cache.cached(name, lambda: pattern)
    monkeypatch.setattr(cache, "_from_code", _refuse)  # another Python's _sre, say
    assert cache.cached(name, lambda: _refuse()) == pattern


_WITHOUT_SPACY_CLI = """
import sys
from compliance.check import check_document
from compliance.parse import parse_file

for _ in range(2):  # the rule set compiled, then read back from the cache
    found = check_document(parse_file(sys.argv[1]))
    assert found, "no finding"
    loaded = {m.split(".")[0] for m in sys.modules} | {m for m in sys.modules if m.startswith("spacy.cli")}
    assert not loaded & {"spacy.cli", "spacy.cli.info", "typer", "weasel"}, sorted(loaded)
    for name in [m for m in sys.modules if m == "spacy" or m.startswith(("spacy.", "compliance"))]:
        del sys.modules[name]  # the next round in a process as fresh as this one was
import spacy
from spacy import cli  # what a user of spaCy in the same process still has, whole
assert cli.download and spacy.info()["spacy_version"] == spacy.__version__
"""


def _in_a_fresh_process(code: str, cache_dir: Path) -> None:
    """`code` run by a new Python (spaCy not imported yet) with a law that has findings as its argument."""
    import os
    import subprocess
    import sys

    law = REPO / "corpora/national_laws/kz/criminal-code-art174/2020-06-26.md"
    env = {**os.environ, cache.ENV: str(cache_dir)}
    done = subprocess.run([sys.executable, "-c", code, str(law)], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr


def test_a_check_imports_spacy_without_its_command_line_which_stays_whole_for_others(cache_dir: Path) -> None:
    _in_a_fresh_process(_WITHOUT_SPACY_CLI, cache_dir)


_SPACY_ASKING_MORE = """
import sys, types
from compliance.check import compile as compile_module

class Module(types.ModuleType):  # a stand-in without the name spaCy's package imports: as a later spaCy
    def __setattr__(self, name, value):  # that imports another name from its command line would find it
        if name != "info":
            super().__setattr__(name, value)

compile_module.types = types.SimpleNamespace(ModuleType=Module)
from compliance.check import check_document
from compliance.parse import parse_file

assert check_document(parse_file(sys.argv[1])), "no finding"
import spacy
assert sys.modules["spacy.cli"].__file__ and spacy.info is sys.modules["spacy.cli.info"].info  # imported whole
"""


def test_a_spacy_whose_package_asks_more_of_its_command_line_is_imported_whole(cache_dir: Path) -> None:
    _in_a_fresh_process(_SPACY_ASKING_MORE, cache_dir)
