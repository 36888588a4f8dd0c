"""The report folder: the Kazakh corpus end to end, then constructed laws for what the corpus cannot show
(hostile text, ratification data, editions). The country report runs twice, in this process and in a child
process with another hash seed, at the same time; every test here reads those two runs."""

from __future__ import annotations

import argparse
import atexit
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

import pytest
from lxml import html as lxml_html

from compliance.cli import main as cli_main
from compliance.cli.common import Progress
from compliance.cli.report import add_arguments
from compliance.cli.report import run as run_report
from compliance.corpus import load_entries
from compliance.models import DocumentMeta, FindingsReport
from compliance.parse import parse_text
from compliance.report import write_report
from compliance.report.model import build
from compliance.report.render import CSV_COLUMNS
from compliance.rules import load_rules
from compliance.selection import select_entries

from .conftest import REPO

OUTPUTS = ("index.html", "report.md", "findings.json", "findings.csv")


def main(argv: list[str]) -> int:
    """`compliance report ARGV`."""
    return cli_main(["report", *argv])


@cache
def kz_reports() -> tuple[Path, Path]:
    """`compliance report --country KZ` twice: here, and in a child process with another hash seed."""
    base = Path(tempfile.mkdtemp(prefix="compliance-report-test-"))
    atexit.register(shutil.rmtree, base, True)
    a, b = base / "a", base / "b"
    child = subprocess.Popen(
        [sys.executable, "-m", "compliance.cli", "report", "--country", "KZ", "-o", str(b), "--quiet", "--no-pdf"],
        cwd=REPO, env={**os.environ, "PYTHONHASHSEED": "4242"}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    try:
        assert main(["--country", "KZ", "-o", str(a), "--quiet", "--no-pdf"]) == 0
    finally:
        out, err = child.communicate(timeout=600)
    assert child.returncode == 0, err.decode()
    return a, b


def findings_json(folder: Path) -> FindingsReport:
    return FindingsReport.model_validate_json((folder / "findings.json").read_text("utf-8"))


def page(folder: Path):  # type: ignore[no-untyped-def]
    return lxml_html.fromstring((folder / "index.html").read_bytes())


def csv_rows(folder: Path) -> list[dict[str, str]]:
    with (folder / "findings.csv").open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def md_finding_ids(text: str) -> list[str]:
    """The ids of the findings listed in report.md (each in a code span after "Finding ID:")."""
    return [m.group(2).strip() for m in re.finditer(r"^- Finding ID: (`+)(.+?)\1$", text, re.M)]


# -- the country report --------------------------------------------------------------------------------


def test_country_report_writes_the_four_files_and_findings_json_is_the_check_contract() -> None:
    a, _ = kz_reports()
    for name in OUTPUTS:
        assert (a / name).is_file() and (a / name).stat().st_size > 0, name
    report = findings_json(a)
    assert (a / "findings.json").read_text("utf-8") == report.model_dump_json(indent=1) + "\n"
    ids = [d.id for d in report.documents]
    # newest edition of every law of Kazakhstan, main language only; a text whose every article a newer
    # edition of the same code holds (art. 174 alone, 2020; the 2025 chapter holds it) is not reported
    assert "kz/criminal-code-ch04-05-arts160-186-incl-art174@2025-09-16" in ids
    assert "kz/criminal-code-art174@2020-06-26" not in ids and "kz/criminal-code-art174@2015-11-13" not in ids
    assert "kz/trade-unions-law@2023-04-18" in ids and not any(i.endswith(":kk") for i in ids)
    assert len(ids) == len({i.split("@")[0] for i in ids})


def test_art174_is_a_c105_finding_with_its_sanctions_highlighted() -> None:
    a, _ = kz_reports()
    report = findings_json(a)
    art174 = [f for f in report.findings if f.convention == "C105" and f.article == "174"
              and f.document_id == "kz/criminal-code-ch04-05-arts160-186-incl-art174@2025-09-16"]
    assert art174, "Criminal Code art. 174 is not a C105 finding"
    f = art174[0]
    assert f.convention_article == "1(a)" and f.kind == "conflict"
    card = page(a).xpath(f'//article[@data-finding-id="{f.id}"]')
    assert len(card) == 1
    marks = card[0].xpath('.//blockquote[contains(@class,"law-quote")]//mark')
    sanctions = {m.text_content() for m in marks if "sanction-cl" in m.get("class", "")}
    assert {"лишением свободы", "ограничением свободы"} <= sanctions
    evidence = " ".join(m.text_content() for m in marks if m.get("class") == "evidence")
    assert "разжигание социальной" in evidence.lower()
    assert "C105 Art. 1(a)" in card[0].text_content()
    assert "political views" in card[0].xpath('.//figure[@class="convention"]')[0].text_content()
    assert card[0].xpath('.//cite[@class="citation"]')[0].text_content() == f.citation
    # one card for art. 174 under C105 Art. 1(a): the 2020 text of the article is superseded by the 2025
    # chapter, which the summary says
    assert len(art174) == 1 and not [x for x in report.findings if x.document_id.startswith("kz/criminal-code-art174")]
    scope = page(a).xpath('//ul[@class="scope"]')[0].text_content()
    assert "kz/criminal-code-art174@2020-06-26 → kz/criminal-code-ch04-05-arts160-186-incl-art174@2025-09-16" in scope
    # the annotated law texts are left out unless asked for (--with-law-text): no link leads to them
    assert not page(a).xpath('//section[@id="laws"]') and not card[0].xpath('.//a[contains(@href, "--art_")]')


def test_no_article_is_reported_twice_from_two_editions() -> None:
    a, _ = kz_reports()
    from compliance.report.current import work_of

    metas = {d.id: d for d in findings_json(a).documents}
    seen: dict[tuple[object, ...], str] = {}
    for f in findings_json(a).findings:
        if f.article is None:
            continue
        doc = next(e.meta for e in load_entries() if e.id == f.document_id)
        key = (work_of(doc), f.article, f.rule_id)
        assert seen.setdefault(key, f.document_id) == f.document_id, (key, seen[key], f.document_id)
    assert metas


def test_all_editions_reports_each_edition_and_law_text_is_restored_on_request(tmp_path: Path) -> None:
    assert main(["--country", "KZ", "-o", str(tmp_path), "--quiet", "--no-pdf", "--all-editions",
                 "--with-law-text", "--conventions", "C105"]) == 0
    ids = {f.document_id for f in findings_json(tmp_path).findings if f.article == "174"}
    assert {"kz/criminal-code-art174@2015-11-13", "kz/criminal-code-art174@2020-06-26"} <= ids
    doc = page(tmp_path)
    law = doc.xpath('//*[@id="kz-criminal-code-art174-2020-06-26--art_174"]')[0]
    assert {"лишением свободы", "ограничением свободы"} <= {m.text_content() for m in law.xpath(".//mark")}
    assert law.xpath('.//details[@class="notes"]/summary'), "amendment notes are not collapsible"


def test_summary_comes_first_then_findings_by_convention_worst_kind_first_then_sources() -> None:
    a, _ = kz_reports()
    doc = page(a)
    parts = [s.get("id") for s in doc.xpath('//main/section[contains(@class, "part")]')]
    assert parts == ["summary", "findings", "coverage", "method", "sources"]
    order = {"conflict": 0, "concern": 1, "requirement": 2, "implements": 3}
    for group in doc.xpath('//section[contains(@class, "group")]'):
        kinds = [order[c.get("data-kind")] for c in group.xpath('.//article[contains(@class, "finding")]')]
        assert kinds == sorted(kinds) and {c.get("data-convention") for c in group.xpath(".//article")} == {
            group.get("data-convention")}
    first = doc.xpath('//ol[@class="serious"]/li')[0]
    assert first.xpath('.//span[contains(@class, "kind-conflict")]')
    method = doc.xpath('//section[@id="method"]')[0].text_content()
    assert "not a certificate of compliance" in method and "rules/countries/KZ.yaml" in method
    assert "deprivation_of_liberty" in method and "Recall" in method


def test_html_shows_every_finding_of_findings_json_once() -> None:
    a, _ = kz_reports()
    report = findings_json(a)
    doc = page(a)
    cards = doc.xpath('//article[contains(concat(" ", @class, " "), " finding ")]')
    assert [c.get("data-finding-id") for c in sorted(cards, key=lambda c: c.get("data-finding-id"))] == sorted(
        f.id for f in report.findings)
    assert doc.xpath('//*[@id="findings-count"]/@data-findings-count') == [str(len(report.findings))]
    assert len({c.get("id") for c in cards}) == len(cards)
    # every matrix link lands on a finding; without JS nothing is hidden and the filter form is not shown
    anchors = {c.get("id") for c in cards}
    for href in doc.xpath('//table[@class="matrix"]//td//a/@href'):
        assert href[1:] in anchors
    assert doc.xpath('//form[@id="filters"]')[0].get("hidden") is not None
    assert not [c for c in cards if c.get("hidden") is not None]


def test_markdown_lists_the_findings_of_findings_json() -> None:
    a, _ = kz_reports()
    report = findings_json(a)
    ids = md_finding_ids((a / "report.md").read_text("utf-8"))
    assert len(ids) == len(report.findings)
    assert sorted(ids) == sorted(f.id for f in report.findings)


def test_csv_has_one_row_per_finding_of_findings_json_in_its_order() -> None:
    a, _ = kz_reports()
    report = findings_json(a)
    rows = csv_rows(a)
    with (a / "findings.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert tuple(next(csv.reader(fh))) == CSV_COLUMNS
    assert [r["id"] for r in rows] == [f.id for f in report.findings]
    for row, f in zip(rows, report.findings):
        assert row["evidence"] == " … ".join(f.quote[s:e] for s, e in f.spans)
        assert row["citation"] == f.citation and float(row["confidence"]) == f.confidence


def test_same_input_gives_byte_identical_reports() -> None:
    a, b = kz_reports()
    for name in OUTPUTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), f"{name} differs between two runs"
    assert "UTC" not in (a / "index.html").read_text("utf-8")


# -- hostile text ----------------------------------------------------------------------------------------

HOSTILE = '=HYPERLINK("http://x")'
HOSTILE_LAW = (
    "Статья 174. Разжигание социальной розни <script>alert(1)</script>\n"
    "1. Умышленные действия, направленные на разжигание социальной розни, [x](javascript:alert(1)) "
    '=HYPERLINK("http://x") <img src=x onerror="document.body.setAttribute(\'data-pwned\',\'1\')">, –\n'
    "наказываются ограничением свободы на срок до семи лет либо лишением свободы на тот же срок.\n"
    "2. @SUM(1+1) -2+3 *жирный* _курсив_ # заголовок | таблица | &lt;b&gt;\n"
)


def hostile_doc():  # type: ignore[no-untyped-def]
    meta = DocumentMeta(id=HOSTILE, title_en=HOSTILE + " <script>alert(2)</script>", language="ru",
                        kind="criminal code", country="KZ", edition="2020-06-26")
    return parse_text(HOSTILE_LAW, "text", meta=meta)


@cache
def rules() -> tuple:  # type: ignore[type-arg]
    """The product's rules, loaded once: the check stage compiles a rule list once per list."""
    return tuple(load_rules())


@cache
def hostile_report() -> Path:
    out = Path(tempfile.mkdtemp(prefix="compliance-report-hostile-"))
    atexit.register(shutil.rmtree, out, True)
    write_report([hostile_doc()], out, rules=list(rules()), country="KZ", pdf=False, with_law_text=True)
    return out


def test_hostile_law_text_renders_inert_in_html() -> None:
    out = hostile_report()
    text = (out / "index.html").read_text("utf-8")
    assert findings_json(out).findings, "the constructed article should be a finding"
    assert "<script>alert" not in text and "<img" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    doc = lxml_html.fromstring(text)
    assert len(doc.xpath("//script")) == 1  # the report's own
    assert not doc.xpath("//img")
    assert not [a for a in doc.xpath("//a/@href") if not a.startswith(("#", "http://", "https://"))]
    assert not [el for el in doc.iter() if isinstance(el.tag, str) and any(k.startswith("on") for k in el.attrib)]
    # the words are there, as text
    assert "<script>alert(1)</script>" in doc.text_content()
    assert "[x](javascript:alert(1))" in doc.text_content()
    # single-law report: #art_174 works, and so does the law-prefixed anchor
    assert doc.xpath('//*[@id="art_174"]') and doc.xpath('//*[@id="hyperlink-http-x--art_174"]')


def test_hostile_law_text_renders_inert_in_markdown() -> None:
    out = hostile_report()
    md = (out / "report.md").read_text("utf-8")
    assert not re.search(r"(?<!\\)<(script|img)", md) and not re.search(r"(?<!\\)\]\(javascript", md)
    assert "\\[x\\](javascript:alert(1))" in md
    markdown_it = pytest.importorskip("markdown_it")
    rendered = markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table").render(md)
    assert "<script" not in rendered and "<img" not in rendered
    assert not re.search(r'<a href="(?!https?://)', rendered)  # no javascript: (or any other) link
    assert "<em>курсив</em>" not in rendered and "<strong>жирный" not in rendered


def test_hostile_law_text_is_inert_in_csv() -> None:
    out = hostile_report()
    rows = csv_rows(out)
    assert rows
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    assert rows[0]["document_id"] == "'" + HOSTILE
    assert rows[0]["citation"].startswith("'" + HOSTILE)


# -- the pieces ------------------------------------------------------------------------------------------


def test_country_selection_takes_the_newest_edition_in_the_main_language() -> None:
    entries, notes = select_entries("KZ")
    ids = [e.id for e in entries]
    assert "kz/trade-unions-law@2023-04-18" in ids and "kz/criminal-code-art174@2020-06-26" in ids
    assert notes == []
    # as of a date: the edition in force then; laws with no edition yet are left out, with a note
    entries, notes = select_entries("KZ", ["2016-01-01"])
    assert [e.id for e in entries] == ["kz/criminal-code-art174@2015-11-13", "kz/criminal-code-arts400-406@2015-11-13"]
    assert any("trade-unions-law" in n for n in notes)
    # one law pinned to an edition; the kk text is used only when no main-language text has that edition
    entries, _ = select_entries("KZ", ["criminal-code-art174@2015-11-13"])
    assert "kz/criminal-code-art174@2015-11-13" in [e.id for e in entries]
    kk_only = [e for e in load_entries() if e.id.endswith(":kk")]
    entries, _ = select_entries("KZ", entries=kk_only)
    assert [e.id for e in entries] == [e.id for e in kk_only]


def test_ratification_status_is_shown_where_recorded_and_never_guessed(tmp_path: Path) -> None:
    from compliance.check import check_documents
    from compliance.report.html import render_html

    doc = hostile_doc()
    rules = [r for r in load_rules() if r.convention == "C105"]
    findings = check_documents([doc], rules, "KZ")
    without = render_html(build([doc], findings, rules, country="KZ", ratifications_path=tmp_path / "none.csv"))
    assert "ratification status: not recorded" in without
    table = tmp_path / "ratifications.csv"
    table.write_text("country,iso2,convention,ratified,year,date,status,min_age,evidence,verified\n"
                     "Kazakhstan,KZ,C105,yes,2001,2001-05-18,In Force,,a test source,yes\n", "utf-8")
    with_file = render_html(build([doc], findings, rules, country="KZ", conventions=["C105", "C087"],
                                  ratifications_path=table))
    assert "ratified 2001-05-18 · In Force" in with_file and "a test source" in with_file
    assert "ratification status: not recorded" not in with_file
    row = lxml_html.fromstring(with_file).xpath('//td[b="C087"]/following-sibling::td[1]')[0]
    assert row.text_content().strip() == "not recorded"


def test_report_speaks_russian_when_asked(tmp_path: Path) -> None:
    write_report([hostile_doc()], tmp_path, rules=list(rules()), country="KZ", lang="ru", pdf=False)
    text = (tmp_path / "index.html").read_text("utf-8")
    assert '<html lang="ru">' in text and "Сводка" in text and "Казахстан" in text
    assert "Сводка" in (tmp_path / "report.md").read_text("utf-8")


def test_users_files_and_corpus_ids_make_a_report_with_plain_progress_lines_when_piped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    law = tmp_path / "law.txt"
    law.write_text(HOSTILE_LAW, "utf-8")
    out = tmp_path / "out"
    assert main([str(law), "kz/criminal-code-art174@2015-11-13", "--country", "KZ", "-o", str(out), "--no-pdf",
                 "--conventions", "c105"]) == 0
    captured = capsys.readouterr()
    # stderr is not a terminal: plain lines (a log shows what a long run did), no bar drawing
    assert "compliance: checking 2 laws against" in captured.err and "\r" not in captured.err
    assert "written:" in captured.out
    report = findings_json(out)
    assert {d.id for d in report.documents} == {"law.txt", "kz/criminal-code-art174@2015-11-13"}
    assert {f.convention for f in report.findings} == {"C105"}
    assert main(["--country", "KZ", "-o", str(out), "--quiet", "--conventions", "C999"]) == 2
    assert main(["-o", str(out)]) == 2


def test_progress_is_a_bar_on_a_terminal_plain_lines_otherwise_and_nothing_when_quiet() -> None:
    stream = io.StringIO()
    bar = Progress("bar", stream)
    bar.step(3, 12, "reading kz/trade-unions-law")
    bar.done()
    assert "3/12" in stream.getvalue() and "reading kz/trade-unions-law" in stream.getvalue()
    lines = io.StringIO()
    plain = Progress("lines", lines)
    plain.step(0, 2, "reading a")
    plain.busy("checking")
    plain.busy("checking")  # said once
    assert lines.getvalue() == "compliance: reading a (1/2)\ncompliance: checking…\n"
    silent = io.StringIO()
    Progress("off", silent).step(1, 2, "x")
    assert silent.getvalue() == ""


def test_command_arguments_parse_as_documented() -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args(["--country", "kz", "--edition", "2020-01-01", "--conventions", "C087,C105",
                              "--lang", "ru", "--quiet", "--stamp", "-o", "x"])
    assert (args.country, args.edition, args.lang, args.quiet, args.stamp, args.output) == (
        "kz", ["2020-01-01"], "ru", True, True, "x")
    assert callable(run_report)


def test_stamp_is_written_only_when_asked(tmp_path: Path) -> None:
    write_report([hostile_doc()], tmp_path, rules=list(rules()), country="KZ", stamp=True, pdf=False)
    assert re.search(r"Generated \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", (tmp_path / "index.html").read_text("utf-8"))


def test_pdf_is_printed_when_chromium_is_installed(tmp_path: Path) -> None:
    from compliance.report.pdf import find_engine, normalize

    if find_engine() is None:
        pytest.skip("no PDF engine (chromium) installed: report.pdf is optional")
    written = write_report([hostile_doc()], tmp_path, rules=list(rules()), country="KZ", pdf=True).files
    pdf = (tmp_path / "report.pdf").read_bytes()
    assert tmp_path / "report.pdf" in written and pdf.startswith(b"%PDF")
    assert normalize(pdf) == pdf  # dates and ids already fixed


# A stand-in for Chromium: the DevTools protocol on fds 3 (in) and 4 (out), as --remote-debugging-pipe
# gives it, answering what printing a page asks; it notes what its standard streams are.
_FAKE_CHROMIUM = """#!{python}
import base64, json, os, sys
open({seen!r}, "w").write(" ".join(os.readlink(f"/proc/self/fd/{{fd}}") for fd in (0, 1, 2)))
buffer = b""
while True:
    chunk = os.read(3, 65536)
    if not chunk:
        break
    buffer += chunk
    while b"\\0" in buffer:
        raw, buffer = buffer.split(b"\\0", 1)
        msg = json.loads(raw)
        result = {{"targetId": "t", "sessionId": "s",
                  "data": base64.b64encode(b"%PDF-1.7 printed by the stand-in").decode()}}
        os.write(4, json.dumps({{"id": msg["id"], "result": result}}).encode() + b"\\0")
        if msg["method"] == "Page.navigate":
            os.write(4, json.dumps({{"method": "Page.loadEventFired", "params": {{}}}}).encode() + b"\\0")
        if msg["method"] == "Browser.close":
            sys.exit(0)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the stand-in reads its streams in /proc")
def test_a_pdf_printed_from_a_thread_reaches_the_engine_on_its_pipe_with_nothing_on_its_streams(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the local web app prints reports from its worker threads: the engine is started with no Python code
    # run in the child (subprocess's preexec_fn can deadlock there in a process with threads)
    import threading

    from compliance.report.pdf import print_pdf

    (tmp_path / "bin").mkdir()
    engine = tmp_path / "bin" / "chromium"
    engine.write_text(_FAKE_CHROMIUM.format(python=sys.executable, seen=str(tmp_path / "streams")), "utf-8")
    engine.chmod(0o755)
    monkeypatch.setenv("PATH", f"{engine.parent}{os.pathsep}{os.environ['PATH']}")
    (tmp_path / "index.html").write_text("<h1>report</h1>", "utf-8")
    said: list[str | None] = []
    printing = threading.Thread(target=lambda: said.append(print_pdf(tmp_path / "index.html", tmp_path / "report.pdf",
                                                                      timeout=60)))
    printing.start()
    printing.join(120)
    assert said == [None]
    assert (tmp_path / "report.pdf").read_bytes() == b"%PDF-1.7 printed by the stand-in"
    assert (tmp_path / "streams").read_text("utf-8") == " ".join([os.devnull] * 3)


def test_a_requirement_no_law_meets_is_a_gap_in_every_law_it_concerns(tmp_path: Path) -> None:
    import yaml

    from compliance.rules import load_file

    rule = {"id": "C087-A3-test-requirement", "convention": "C087", "article": "3", "title": "test requirement",
            "principle": "a principle", "kind": "requirement", "severity": "medium", "applies_to": ["criminal code"],
            "recommendation": "adopt it", "patterns": {"ru": {"phrase": "право на забастовку"}}}
    path = tmp_path / "r.yaml"
    path.write_text(yaml.safe_dump({"rules": [rule]}, allow_unicode=True), "utf-8")
    # requirement findings are raised on whole laws only (an excerpt may hold the provision elsewhere)
    first = hostile_doc().model_copy(update={"document": hostile_doc().document.model_copy(update={"extent": "whole"})})
    other = first.model_copy(update={"document": first.document.model_copy(update={"id": "second"})})
    out = tmp_path / "out"
    write_report([first, other], out, rules=load_file(path), country="KZ", pdf=False)
    report = findings_json(out)
    assert [f.kind for f in report.findings] == ["requirement"]
    doc = page(out)
    card = doc.xpath('//article[contains(@class, "finding")]')[0]
    assert card.get("data-law") == "L1 L2"
    cells = doc.xpath('//table[@class="matrix"]/tbody/tr/td')
    assert [c.get("class") for c in cells] == ["cell cell-missing"] * 2
    assert {c.xpath(".//a/@href")[0] for c in cells} == {"#" + card.get("id")}
    assert md_finding_ids((out / "report.md").read_text("utf-8")) == [report.findings[0].id]


def test_country_report_has_a_progress_section_over_the_editions_with_amending_acts() -> None:
    a, _ = kz_reports()
    section = page(a).get_element_by_id("progress")
    text = section.text_content()
    assert "Progress since 2015" in text
    assert section.findall(".//svg") or section.findall(".//{http://www.w3.org/2000/svg}svg")
    assert "199-VII" in text  # the Law on Trade Unions' 2023 edition, made by Law of 15.02.2023 No. 199-VII
    assert page(a).xpath('//nav/a[@href="#progress"]')


def test_report_of_own_files_has_no_progress_section(tmp_path: Path) -> None:
    law = REPO / "corpora/national_laws/kz/criminal-code-art174/2020-06-26.md"
    assert main([str(law), "--quiet", "--no-pdf", "-o", str(tmp_path)]) == 0
    assert not page(tmp_path).xpath('//*[@id="progress"]')


def test_a_file_given_twice_is_reported_once(tmp_path: Path) -> None:
    law = REPO / "corpora/national_laws/kz/criminal-code-art174/2020-06-26.md"
    assert main([str(law), str(law.parent / ".." / law.parent.name / law.name), "--quiet", "--no-pdf",
                 "-o", str(tmp_path)]) == 0
    report = json.loads((tmp_path / "findings.json").read_text("utf-8"))
    assert [d["id"] for d in report["documents"]] == ["kz/criminal-code-art174@2020-06-26"]


def test_art174_carries_its_ilo_comment_and_sanction_terms_into_markdown_and_csv() -> None:
    a, _ = kz_reports()
    rows = [r for r in csv_rows(a) if r["article"] == "174" and r["rule_id"] == "C105-A1a-social-discord"]
    assert rows
    assert "GT001 (provision) http" in rows[0]["ilo_comments"]
    assert "GT005 (predecessor)" in rows[0]["ilo_comments"]
    assert "deprivation_of_liberty: 2–7 years" in rows[0]["sanction_terms"]
    md = (a / "report.md").read_text("utf-8")
    assert "19 persons were convicted to the sentences of restriction of freedom or deprivation of liberty" in md


def test_a_report_on_laws_no_rule_can_be_tried_on_says_nothing_was_checked(tmp_path: Path) -> None:
    turkmen = REPO / "corpora/national_laws/tm/labour-code/2019-03-02.html"
    kazakh = REPO / "corpora/national_laws/kz/criminal-code-art174/2020-06-26.md"
    assert main([str(turkmen), "-o", str(tmp_path / "tm"), "--no-pdf", "--quiet"]) == 0
    md = (tmp_path / "tm" / "report.md").read_text("utf-8")
    assert "- Laws and editions analysed: 0 (0 of the 1 texts read: no rule could be tried on the others)" in md
    assert "No law could be analysed" in md and "No conflict or concern was found" not in md
    page = (tmp_path / "tm" / "index.html").read_text("utf-8")
    assert "No law could be analysed" in page and "0 of the 1 texts of law analysed" in page
    assert main([str(kazakh), str(turkmen), "-o", str(tmp_path / "both"), "--no-pdf", "--quiet"]) == 0
    md = (tmp_path / "both" / "report.md").read_text("utf-8")
    assert "- Laws and editions analysed: 1 (1 of the 2 texts read: no rule could be tried on the others)" in md


def test_a_report_on_a_users_file_shows_the_ratifications_of_the_country_of_its_laws(tmp_path: Path) -> None:
    kazakh = REPO / "corpora/national_laws/kz/criminal-code-art174/2020-06-26.md"  # no --country given
    assert main([str(kazakh), "-o", str(tmp_path / "out"), "--no-pdf", "--quiet"]) == 0
    md = (tmp_path / "out" / "report.md").read_text("utf-8")
    row = next(line for line in md.splitlines() if line.startswith("| C087 Freedom of Association"))
    assert "ratified 2000" in row and "ratification status: not recorded" not in md
