"""The hostile cases' shared state: the rules loaded and compiled once, before any case forks a child."""

from __future__ import annotations

import pytest

from compliance.cli import main

from .test_inputs import PLAIN


@pytest.fixture(scope="session", autouse=True)
def _warm(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Rules loaded and compiled in this process once: the forked children inherit them."""
    law = tmp_path_factory.mktemp("warm") / "law.txt"
    law.write_text(PLAIN, "utf-8")
    assert main(["check", str(law), "--country", "KZ", "-o", str(law.with_suffix(".json"))]) == 0
