"""Shared fixtures: the bundled corpus, parsed once per test session."""

from __future__ import annotations

import os
import tempfile
from functools import cache
from pathlib import Path

import pytest

from compliance.corpus import CORPUS_DIR, CorpusEntry, load_entries
from compliance.models import Document
from compliance.parse import parse_file

REPO = Path(__file__).resolve().parents[1]
# The compiled-rules cache of the tests' own (never the user's), shared by the commands tests start.
os.environ.setdefault("COMPLIANCE_CACHE_DIR", tempfile.mkdtemp(prefix="compliance-test-cache-"))


def beside_clone(name: str) -> Path:
    """`../name` beside the clone; for a git worktree, beside the main checkout it belongs to."""
    here = REPO.parent / name
    git = REPO / ".git"
    if not here.exists() and git.is_file():  # a worktree: ".git" says "gitdir: <main>/.git/worktrees/<name>"
        gitdir = Path(git.read_text("utf-8").partition("gitdir:")[2].strip())
        return gitdir.parents[2].parent / name
    return here


# The real laws in ../shared/sources (CI lays it beside the clone): reader controls, skipped where absent.
SHARED = beside_clone("shared") / "sources" / "national_laws"


@cache
def parsed(ref: str) -> Document:
    """A corpus document by id, parsed once."""
    entry = next(e for e in load_entries() if e.meta.id == ref)
    return parse_file(entry.file)


def corpus_entries() -> list[CorpusEntry]:
    return load_entries(CORPUS_DIR)


@pytest.fixture(scope="session")
def corpus() -> list[CorpusEntry]:
    return corpus_entries()
