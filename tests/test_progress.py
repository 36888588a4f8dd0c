"""Progress of a country over the editions the corpus holds, on the real Kazakh texts: the Law on Trade
Unions (2020, 2021, 2023) and the Criminal Code (excerpts of 2015–2025)."""

from __future__ import annotations

import csv
import io

import pytest

from compliance.check import check_document
from compliance.cli import main
from compliance.corpus import corpus_works
from compliance.progress import (
    Progress,
    WorkProgress,
    build_progress,
    render_csv,
    render_html,
    render_json,
    render_markdown,
)


@pytest.fixture(scope="module")
def kz() -> Progress:
    works = [w for w in corpus_works() if w.id in ("kz/trade-unions-law", "kz/criminal-code")]
    return build_progress("KZ", check_document, works)


def _work(p: Progress, work: str) -> WorkProgress:
    return next(w for w in p.works if w.work == work)


def test_trade_unions_2021_to_2023_changes_show_with_their_amending_act(kz: Progress) -> None:
    tu = _work(kz, "kz/trade-unions-law")
    assert [str(e.date) for e in tu.editions] == ["2020-05-04", "2021-07-01", "2023-04-18"]
    last = tu.transitions[-1]
    assert last.amended_by == "Law of 15.02.2023 No. 199-VII"
    assert [(a.article, a.status, a.acts) for a in last.amended] == [("17", "amended", ["199-VII of 2023-02-15"])]
    assert {a.article for a in tu.transitions[0].amended} == {"16", "17", "21"}
    assert tu.gaps == [2022]  # a year without an edition is a gap, not "no change"


def test_open_conflicts_are_counted_per_convention_at_each_edition(kz: Progress) -> None:
    rows = {(r.convention, r.rule_id): r.open for r in kz.conventions}
    c105 = rows[("C105", None)]
    assert c105["2015-11-13"] >= 1 and c105["2020-06-26"] == 1 and c105["2025-09-16"] >= 1
    assert rows[("C105", "C105-A1a-social-discord")] == {"2015-11-13": 1, "2020-06-26": 1, "2025-09-16": 1}
    assert "2020-05-04" in rows[("C087", None)]  # the Law on Trade Unions' C087 conflicts


def test_excerpts_of_other_chapters_change_no_status(kz: Progress) -> None:
    cc = _work(kz, "kz/criminal-code")
    for t in cc.transitions:  # art. 174 keeps its findings; everything else is in one excerpt only
        assert not t.changes, (t.old, t.new, t.changes)
    assert cc.transitions[0].outside_extent > 0  # arts. 400–406 of 2015: not in the 2020 excerpt


def test_every_format_renders_the_timeline_and_the_gaps(kz: Progress) -> None:
    page = render_html(kz)
    assert "<h2>Progress since 2015</h2>" in page and "<svg" in page and 'stroke-dasharray="4 3"' in page
    assert "<script" not in page and "199-VII" in page
    md = render_markdown(kz)
    assert "| C105 | all rules |" in md and "no edition in the corpus for 2022" in md
    rows = list(csv.DictReader(io.StringIO(render_csv(kz))))
    assert {r["record"] for r in rows} >= {"open"} and rows[0]["work"]
    assert Progress.model_validate_json(render_json(kz)) == kz


def test_progress_of_a_country_without_laws_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["progress", "--country", "FR"]) == 2
    assert "no law of this country" in capsys.readouterr().err


def test_an_edition_no_rule_could_be_tried_on_is_not_analysed_in_every_format(
        capsys: pytest.CaptureFixture[str]) -> None:
    # the Turkmen Labour Code (no rules in Turkmen) has no findings: that must read as "not analysed", never as
    # "0 open"
    tm = build_progress("TM", check_document)
    [edition] = tm.works[0].editions
    assert edition.not_analysed and "Turkmen: no rules for this language" in edition.not_analysed
    assert "0 open" not in render_markdown(tm) and "not analysed" in render_markdown(tm)
    assert [r["record"] for r in csv.DictReader(io.StringIO(render_csv(tm)))] == ["not analysed"]
    page = render_html(tm)
    assert 'fill="#999"' in page and ">–</text>" in page and "0 open" not in page
    # the Kyrgyz Constitution is analysed: the rules that read constitutions apply to it (art. 24 leaves out colour)
    kg = build_progress("KG", check_document)
    constitution = next(w for w in kg.works if w.work == "kg/constitution")
    assert constitution.editions[0].not_analysed is None
    assert "- 2021-05-05: 1 open, 2 protections (whole)" in render_markdown(kg)
    assert main(["progress", "--country", "TM"]) == 0
    assert capsys.readouterr().err == f"compliance: warning: {edition.not_analysed}\n"


def test_a_date_whose_texts_were_analysed_with_nothing_open_under_a_convention_is_zero(kz: Progress) -> None:
    lines = render_markdown(kz).splitlines()
    dates = next(line for line in lines if line.startswith("| convention |")).strip("| ").split(" | ")[2:]
    c105 = next(line for line in lines if line.startswith("| C105 | all rules |")).strip("| ").split(" | ")[2:]
    # 2020-05-04: the Law on Trade Unions alone, analysed, with no C105 finding (it was "—", read as "no text")
    assert c105[dates.index("2020-05-04")] == "0"
    assert "—" not in c105 and "not analysed" not in c105
