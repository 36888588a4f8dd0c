"""What a check could not cover is said, never left as an empty list of findings: the Turkmen Labour Code (no
rules in Turkmen) through `check` and `report`, a kind of law no rule applies to, unknown countries, missing
sanction data; and a pravo.gov.ru page without metadata is checked as with it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from compliance.check import check_documents
from compliance.check.scope import not_analysed, sanction_gap
from compliance.corpus import CORPUS_DIR
from compliance.parse import parse_file, parse_text
from compliance.rules import load_rules

REPO = Path(__file__).resolve().parents[1]
TM = CORPUS_DIR / "national_laws" / "tm" / "labour-code" / "2019-03-02.html"
RU_LABOUR = CORPUS_DIR / "national_laws" / "ru" / "labour-code" / "2023-08-04.html"


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "compliance.cli", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, check=False)


def test_turkmen_labour_code_is_checked_as_not_analysed_with_a_note_and_a_warning(tmp_path: Path) -> None:
    run = _cli("check", str(TM), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["findings"] == []
    assert report["documents"][0]["language"] == "tk"
    # the note counts the articles in force: the repealed ones ("99-njy madda güýjüni ýitiren.") are no text
    n = sum(1 for a in parse_file(TM).articles() if not a.repealed)
    assert report["documents"][0]["articles"] == n + 3
    assert f"Turkmen: no rules for this language; 0 of {n} articles checked" in " ".join(report["notes"])
    assert "warning: tm/labour-code@2019-03-02: not analysed" in run.stderr
    assert "no sanction data" not in run.stderr  # rules/countries/TM.yaml exists


def test_turkmen_labour_code_report_shows_not_analysed_not_a_clean_result(tmp_path: Path) -> None:
    run = _cli("report", str(TM), "-o", str(tmp_path / "out"), "--no-pdf", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    md = (tmp_path / "out" / "report.md").read_text("utf-8")
    html = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert "| not analysed |" in md and "Turkmen: no rules for this language" in md
    assert ">not analysed</b>" in html
    assert json.loads((tmp_path / "out" / "findings.json").read_text("utf-8"))["findings"] == []
    assert "0 findings" in run.stdout and "not analysed" in run.stderr


def test_a_kind_no_rule_applies_to_is_not_analysed() -> None:
    doc = parse_text("Статья 1. Цели\n1. Текст о водных объектах.")
    doc.document.kind = "water code"
    report = check_documents([doc], load_rules(), "RU")
    assert report.findings == []
    assert any("water code: no rules for this kind of law; 0 of 1 articles checked" in n for n in report.notes)


def test_a_law_rules_can_be_tried_on_has_no_such_note() -> None:
    doc = parse_file(RU_LABOUR)
    assert not_analysed(doc, load_rules()) is None


def test_unknown_country_is_exit_2_and_a_country_without_sanction_data_is_named(tmp_path: Path) -> None:
    run = _cli("check", str(TM), "--country", "XX", cwd=tmp_path)
    assert run.returncode == 2 and "unknown country code 'XX'" in run.stderr
    assert sanction_gap("KZ") is None
    assert sanction_gap("kg") is None and sanction_gap("TM") is None
    assert sanction_gap("az") is None  # the CEACR named its penalties (rules/countries/AZ.yaml)
    assert "rules/countries/GE.yaml" in str(sanction_gap("ge"))
    run = _cli("check", str(RU_LABOUR), "--country", "GE", "--conventions", "C105", cwd=tmp_path)
    assert run.returncode == 0 and "GE: no sanction data" in run.stderr


def test_pravo_page_without_metadata_reads_as_russian_and_finds_what_it_finds_with_it(tmp_path: Path) -> None:
    copy = tmp_path / "labour-code.html"
    shutil.copyfile(RU_LABOUR, copy)
    bare = _cli("check", str(copy), cwd=tmp_path)
    with_meta = _cli("check", str(RU_LABOUR), cwd=tmp_path)
    assert bare.returncode == with_meta.returncode == 0
    a, b = json.loads(bare.stdout), json.loads(with_meta.stdout)
    assert a["documents"][0]["language"] == "ru"
    assert a["findings"]
    assert sorted((f["rule_id"], f["article"]) for f in a["findings"]) == \
        sorted((f["rule_id"], f["article"]) for f in b["findings"])


def test_options_override_metadata_and_text(tmp_path: Path) -> None:
    copy = tmp_path / "law.md"
    copy.write_text("Трудовой кодекс Российской Федерации\n\nСтатья 1. Цели\n1. Текст.\n", encoding="utf-8")
    run = _cli("parse", str(copy), "--format", "text", "--kind", "criminal code", "--title", "T", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "(inferred) country: RU" in run.stdout and "(inferred) kind" not in run.stdout
    js = json.loads(_cli("parse", str(copy), "--kind", "criminal code", cwd=tmp_path).stdout)["document"]
    assert js["kind"] == "criminal code" and "kind" not in js["inferred"] and "title" in js["inferred"]


def test_kyrgyz_and_tajik_texts_without_metadata_are_read_and_checked_as_not_analysed(tmp_path: Path) -> None:
    # no note vocabulary exists for them: their notes are read in the words of Russian, their script's
    # main language, instead of the parse failing
    texts = {"ky": "1-берене. Кыргыз Республикасынын Эмгек кодекси\nМажбурлап иштетүүгө тыюу салынат.\n",
             "tg": "Моддаи 1. Ҳуқуқ ба меҳнат\nМеҳнати маҷбурӣ манъ аст.\n"}
    for tag, text in texts.items():
        path = tmp_path / f"{tag}.txt"
        path.write_text(text, encoding="utf-8")
        assert parse_text(text).document.language == tag
        done = _cli("check", str(path), cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert "not analysed" in done.stderr and "internal error" not in done.stderr


def test_azerbaijani_and_georgian_texts_are_named_and_their_articles_counted_as_not_analysed(tmp_path: Path) -> None:
    # constructed: Azerbaijan's and Georgia's laws in their own languages ("Maddə 1.", "მუხლი 1."); an
    # Azerbaijani text was taken for Turkmen, a Georgian one for English, and neither had an article
    texts = {"az": ("Azerbaijani", "Maddə 1. Məqsəd\nBu Məcəllə işçilərin əmək hüquqlarını qoruyur.\n"
                                   "Maddə 2. Qanunvericilik\nƏmək qanunvericiliyi Konstitusiyaya əsaslanır.\n"),
             "ka": ("Georgian", "მუხლი 1. მიზანი\nეს კანონი განსაზღვრავს შრომით ურთიერთობებს.\n"
                                "მუხლი 2. სფერო\nკანონი ვრცელდება საქართველოს ტერიტორიაზე.\n")}
    for tag, (name, text) in texts.items():
        path = tmp_path / f"{tag}.txt"
        path.write_text(text, encoding="utf-8")
        doc = parse_text(text)
        assert doc.document.language == tag and [a.num for a in doc.articles()] == ["1", "2"]
        done = _cli("check", str(path), cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert f"not analysed. {name}: no rules for this language; 0 of 2 articles checked" in done.stderr


def test_belarusian_and_ukrainian_texts_are_named_and_their_articles_counted_as_not_analysed(tmp_path: Path) -> None:
    # constructed: Belarus's and Ukraine's laws in their own languages ("Артыкул 19.11.", "Стаття 1."); a
    # Belarusian text was taken for Kazakh (its "і") and neither had an article
    texts = {"be": ("Belarusian", "Артыкул 19.11. Распаўсюджванне інфармацыйнай прадукцыі\nРаспаўсюд такой "
                                  "прадукцыі цягне накладанне штрафу.\nАртыкул 19.12. Іншае\nТэкст артыкула.\n"),
             "uk": ("Ukrainian", "Стаття 1. Завдання Кодексу\nЗавданням цього Кодексу є охорона прав і свобод "
                                 "громадян.\nСтаття 2. Законодавство\nЗаконодавство України складається з цього "
                                 "Кодексу.\n")}
    for tag, (name, text) in texts.items():
        path = tmp_path / f"{tag}.txt"
        path.write_text(text, encoding="utf-8")
        doc = parse_text(text)
        assert doc.document.language == tag and len(doc.articles()) == 2
        done = _cli("check", str(path), cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert f"not analysed. {name}: no rules for this language; 0 of 2 articles checked" in done.stderr


def test_a_text_in_which_no_article_was_found_is_not_analysed_not_clean() -> None:
    # a labour code read in the wrong format, or a text whose headings the parser does not know: the rules are
    # tried on articles, so none was tried, and no "no implementing provision found" may follow either
    doc = parse_text("Трудовой кодекс Республики Казахстан\n\nЗабастовки запрещаются. Профсоюзы распускаются.",
                     "text")
    doc.document.kind, doc.document.country = "labour code", "KZ"
    assert not doc.articles()
    reason = not_analysed(doc, load_rules())
    assert reason is not None and "no article found in the text" in reason and "0 of 0 articles checked" in reason
    report = check_documents([doc], load_rules())
    assert report.findings == [] and reason in report.notes


def test_a_text_whose_every_article_is_repealed_is_not_analysed() -> None:
    doc = parse_text("Статья 1. Утратила силу.\nСтатья 2. Утратила силу.", "text")
    doc.document.kind = "labour code"
    assert doc.articles() and all(a.repealed for a in doc.articles())
    reason = not_analysed(doc, load_rules()) or ""
    assert "every article of the text is repealed; 0 of 0 articles checked" in reason
