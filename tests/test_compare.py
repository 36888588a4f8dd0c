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
    return compare(["KZ", "UZ", "RU", "TJ", "KG"])


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
    assert row.cells["RU"].status == "no law of this kind analysed"
    assert row.cells["UZ"].status == "no law of this kind analysed"


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
    assert not_for_labour_codes and all(r.cells["UZ"].status == "no law of this kind analysed"
                                        for r in not_for_labour_codes)
    kz = next(c for c in matrix.countries if c.country == "KZ")
    assert kz.ratification["C087"].startswith("ratified 2000")
    uz = next(c for c in matrix.countries if c.country == "UZ")
    assert uz.ratification.get("C087") == "not recorded"


def test_every_format_renders_the_same_matrix(matrix: Comparison) -> None:
    data = json.loads(render(matrix, "json"))
    assert len(data["rows"]) == len(matrix.rows)
    rows = list(csv.reader(io.StringIO(render(matrix, "csv"))))
    assert rows[0][-5:] == ["KZ", "UZ", "RU", "TJ", "KG"] and len(rows) == len(matrix.rows) + 1
    md = render(matrix, "md")
    assert "1998 ILO Declaration" in md and "C105 Art. 1(a)" in md
    page = render(matrix, "html")
    assert page.count("<svg") == 1 and "no law of this kind analysed" in page and "<script" not in page


def test_heat_map_has_a_legend_with_marks_that_survive_greyscale(matrix: Comparison) -> None:
    svg = heatmap_svg(matrix)
    for mark, label in (("✗", "conflict"), ("!", "concern"), ("✓", "implemented"), ("–", "nothing wrong found"),
                        ("?", "no implementing provision found"), ("n/a", "no law of this kind analysed")):
        assert f">{mark}<" in svg and f">{label}<" in svg


def test_a_rule_tried_on_another_kind_of_law_says_which_kinds_were_not_analysed(matrix: Comparison) -> None:
    # Uzbekistan, Russia and Tajikistan: a labour code but no trade union law in the corpus. A trade-union rule
    # tried on the labour code alone says "nothing wrong found" AND that no trade union law was analysed;
    # Kyrgyzstan (a constitution and a penal enforcement code): the rules that read constitutions, and the
    # prison-labour rule, apply to one of them; the criminal-law rules to none.
    row = _row(matrix, "C087-A2-citizenship-condition")
    assert row.cells["KZ"].status == "conflict" and row.cells["KZ"].kinds_not_analysed == []
    for cc in ("UZ", "RU", "TJ"):
        assert row.cells[cc].status == "nothing wrong found"
        assert "trade union law" in row.cells[cc].kinds_not_analysed
    # a rule that reads constitutions too: Kazakhstan's conflict is in its Law on Public Associations, and the
    # corpus holds no Kazakh constitution; Kyrgyzstan's constitution is analysed
    row = _row(matrix, "C087-A2-excluded-categories")
    assert row.cells["KZ"].status == "conflict" and row.cells["KZ"].kinds_not_analysed == ["constitution"]
    assert row.cells["KG"].status == "nothing wrong found"
    assert "constitution" not in row.cells["KG"].kinds_not_analysed
    kg = {r.rule_id: cell.status for r in matrix.rows for cc, cell in r.cells.items() if cc == "KG"}
    assert kg["C105-A1a-social-discord"] == "no law of this kind analysed"
    # C029: convicts put to work for private parties (art. 103); C111: the constitution's list of grounds
    # (art. 24) leaves out colour
    assert [r for r, status in kg.items() if status == "concern"] == [
        "C029-A2-2c-prison-labour-private-parties", "C111-A1a-colour-missing"]
    md = render(matrix, "md")
    assert "nothing wrong found; no trade union law or public associations law analysed" in md or \
        "nothing wrong found; no public associations law or trade union law analysed" in md


def test_every_cell_distinguishes_not_analysed_from_nothing_found(matrix: Comparison) -> None:
    from compliance.rules import load_rules

    rules = {r.id: r for r in load_rules()}
    for row in matrix.rows:
        for cc, cell in row.cells.items():
            col = next(c for c in matrix.countries if c.country == cc)
            kinds = {law.kind for law in col.analysed}
            applies = set(rules[row.rule_id].applies_to)
            if cell.status == "no law of this kind analysed":
                assert not cell.articles
            elif cell.status == "nothing wrong found":
                assert not cell.articles and kinds & applies, (row.rule_id, cc)
                assert set(cell.kinds_not_analysed) == applies - kinds


def test_laws_analysed_per_country_and_totals_per_convention_are_listed(matrix: Comparison) -> None:
    page = render(matrix, "html")
    assert "uz/labour-code@2025-12-12" in page and "labour code" in page
    kg = next(c for c in matrix.countries if c.country == "KG")
    assert {law.kind for law in kg.analysed} == {"constitution", "penal enforcement code"}
    for col in matrix.countries:
        rules_per_conv = {conv: sum(1 for r in matrix.rows if r.convention == conv) for conv in col.counts}
        assert {conv: sum(n.values()) for conv, n in col.counts.items()} == rules_per_conv
    # rows are labelled by the principle they test, the rule id only in the details
    row = _row(matrix, "C105-A1a-social-discord")
    assert f"<tr><th scope=row>{row.title}" in page.replace("&#x27;", "'")
    # no article is reported twice from two editions of one law
    kz = [(a.document_id.split("@")[0], a.article, a.finding_id.split("@")[0]) for r in matrix.rows
          for a in r.cells["KZ"].articles]
    assert "kz/criminal-code-art174" not in {d for d, _, _ in kz}


def _luminance(colour: str) -> float:
    rgb = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_cell_text_and_links_have_a_contrast_of_at_least_4_5() -> None:
    from compliance.compare import STYLE

    for fill, ink, _ in STYLE.values():
        hi, lo = sorted((_luminance(fill), _luminance(ink)), reverse=True)
        assert (hi + 0.05) / (lo + 0.05) >= 4.5, (fill, ink)
    # links outside cells: the page colour on white
    assert (1.05) / (_luminance("#0b4f94") + 0.05) >= 4.5


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


def test_a_country_named_twice_is_one_column(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "--countries", "KZ,kz", "--format", "json", "--quiet", "--jobs", "1"]) == 0
    assert [c["country"] for c in json.loads(capsys.readouterr().out)["countries"]] == ["KZ"]


@pytest.mark.parametrize("countries", ["", ",", " , "])
def test_no_country_at_all_is_one_usage_line_not_an_empty_matrix(countries: str,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "--countries", countries, "--format", "md", "--quiet"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == (
        "compliance: --countries: give one or more ISO alpha-2 codes, e.g. KZ,UZ,RU\n")


def test_a_law_no_rule_could_be_tried_on_is_listed_as_not_analysed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "--countries", "TM", "--format", "json", "--quiet", "--jobs", "1"]) == 0
    [law] = json.loads(capsys.readouterr().out)["countries"][0]["analysed"]
    assert "not analysed. Turkmen: no rules for this language" in law["not_analysed"]
    assert main(["compare", "--countries", "TM", "--format", "md", "--quiet", "--jobs", "1"]) == 0
    assert "tm/labour-code@2019-03-02 — not analysed. Turkmen" in capsys.readouterr().out
