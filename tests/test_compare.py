"""Cross-country comparison and ratifications on the bundled corpus."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from compliance.cli import main
from compliance.compare import Comparison, compare, heatmap_svg, render
from compliance.ratifications import RatificationError, describe, load, status, table

from .conftest import REPO


@pytest.fixture(scope="module")
def matrix() -> Comparison:
    return compare(["KZ", "RU", "UZ"])


def _row(m: Comparison, rule_id: str):  # type: ignore[no-untyped-def]
    return next(r for r in m.rows if r.rule_id == rule_id)


def test_kz_article_174_is_a_c105_conflict_in_the_kz_column(matrix: Comparison) -> None:
    row = _row(matrix, "C105-A1a-social-discord")
    cell = row.cells["KZ"]
    assert cell.status == "conflict"
    assert ("kz/criminal-code-ch04-05-arts160-186-incl-art174@2025-09-16", "174") in {
        (a.document_id, a.article) for a in cell.articles
    }
    # no criminal code of Russia or Uzbekistan in the corpus: not analysed, never "compliant"
    assert row.cells["RU"].status == "not analysed" and row.cells["UZ"].status == "not analysed"


def test_trade_union_law_findings_land_in_the_kz_cells(matrix: Comparison) -> None:
    kz_union_articles = {
        a.article
        for row in matrix.rows
        if row.convention == "C087"
        for a in row.cells["KZ"].articles
        if a.document_id == "kz/trade-unions-law@2023-04-18" and a.kind in ("conflict", "concern")
    }
    assert {"1", "8", "10", "11", "13"} <= kz_union_articles
    for row in matrix.rows:
        for cc in ("RU", "UZ"):
            assert all(not a.document_id.startswith("kz/") for a in row.cells[cc].articles)


def test_conventions_without_an_analysed_law_are_marked_not_analysed(matrix: Comparison) -> None:
    from compliance.rules import load_rules

    # Uzbekistan's only law in the corpus is its Labour Code: rules for criminal or trade union laws are
    # "not analysed" there, and the conventions list the laws behind each column.
    assert matrix.laws_by_convention["C105"]["UZ"] == ["uz/labour-code@2025-12-12"]
    kinds = {r.id: r.applies_to for r in load_rules()}
    not_for_labour_codes = [r for r in matrix.rows if "labour code" not in kinds[r.rule_id]]
    assert not_for_labour_codes and all(r.cells["UZ"].status == "not analysed" for r in not_for_labour_codes)
    kz = next(c for c in matrix.countries if c.country == "KZ")
    assert kz.ratification["C087"].startswith("ratified 2000")
    uz = next(c for c in matrix.countries if c.country == "UZ")
    assert uz.ratification.get("C087") == "not recorded"


def test_every_format_renders_the_same_matrix(matrix: Comparison) -> None:
    data = json.loads(render(matrix, "json"))
    assert len(data["rows"]) == len(matrix.rows)
    rows = list(csv.reader(io.StringIO(render(matrix, "csv"))))
    assert rows[0][-3:] == ["KZ", "RU", "UZ"] and len(rows) == len(matrix.rows) + 1
    md = render(matrix, "md")
    assert "1998 ILO Declaration" in md and "C105 Art. 1(a)" in md
    page = render(matrix, "html")
    assert page.count("<svg") == 1 and "not analysed" in page and "<script" not in page


def test_heat_map_has_a_legend_with_marks_that_survive_greyscale(matrix: Comparison) -> None:
    svg = heatmap_svg(matrix)
    for mark, label in (("✗", "conflict"), ("!", "concern"), ("✓", "implemented"), ("n/a", "not analysed")):
        assert f">{mark}<" in svg and f">{label}<" in svg


# -- ratifications ---------------------------------------------------------------------------------------


def test_ratification_facts_come_with_evidence() -> None:
    rows = load()
    with (REPO / "corpora" / "ratifications.csv").open(encoding="utf-8", newline="") as handle:
        table_rows = [row for row in csv.reader(handle) if any(cell.strip() for cell in row)][1:]
    assert len(rows) == len(table_rows)  # every row of the bundled table, none dropped
    kz182 = status("KZ", "C182")
    assert kz182 is not None and str(kz182.date) == "2003-02-26" and kz182.verified == "yes"
    assert describe("KZ", "C182") == "ratified 26 February 2003 (In Force)"
    assert describe("KZ", "C154").startswith("not ratified")
    assert describe("UZ", "C087") == "not recorded"
    assert "NORMLEX" in table("KZ")


def test_cli_prints_a_country_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ratifications", "KZ"]) == 0
    out = capsys.readouterr().out
    assert "C087" in out and "ratified 2000" in out


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ("country,iso2\n", 1, "header must be"),
        ("{h}\nKazakhstan,KZ,C087,maybe,2000,,In Force,,x,partial\n", 2, "ratified"),
        ("{h}\nKazakhstan,KZ,C087,yes,2000,,In Force,,x,partial\nKazakhstan,KZ,C098,yes\n", 3, "expected 10 fields"),
        ("{h}\nKazakhstan,KZ,C087,yes,20x0,,In Force,,x,partial\n", 2, "year"),
        ("{h}\nKazakhstan,KZ,C087,yes,2000,2000-13-01,In Force,,x,partial\n", 2, "date"),
    ],
)
def test_malformed_ratifications_file_is_refused_with_file_and_line(tmp_path: Path, content: str, line: int, message: str) -> None:
    header = (REPO / "corpora/ratifications.csv").read_text("utf-8").splitlines()[0]
    bad = tmp_path / "r.csv"
    bad.write_text(content.format(h=header), "utf-8")
    with pytest.raises(RatificationError, match=rf"^{bad}:{line}: .*{message}"):
        load(bad)
