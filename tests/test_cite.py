"""`compliance cite`: a paste-ready block per finding on an article; `compliance comments`; `check --article`."""

from __future__ import annotations

import json

import pytest

from compliance.cli import main

CC = "kz/criminal-code-ch04-05-arts160-186-incl-art174"


def test_cite_in_russian_prints_the_citation_text_convention_and_comments(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cite", CC, "--article", "174", "--lang", "ru"]) == 0
    out = capsys.readouterr().out
    assert "часть 1 статьи 174 Уголовного кодекса Республики Казахстан от 3 июля 2014 года № 226-V" in out
    assert "аутентичный текст на английском языке" in out and "Each member of the International Labour" in out
    assert "http://ilo.org/dyn/normlex" in out and "2–7 years" in out


def test_cite_json_has_one_block_per_finding(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cite", CC, "--article", "174", "--format", "json"]) == 0
    blocks = json.loads(capsys.readouterr().out)
    assert all(b["citation"].split(", as amended")[0].endswith("art. 174(1)") for b in blocks) and blocks
    assert all(b["comments"] for b in blocks)


def test_cite_of_a_missing_article_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cite", CC, "--article", "9999"]) == 2
    assert "no article 9999" in capsys.readouterr().err


def test_comments_kz_lists_corpus_articles(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["comments", "KZ"]) == 0
    out = capsys.readouterr().out
    assert "GT001" in out and "art. 174" in out and "not in the corpus" in out


@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_cite_as_text_or_markdown_holds_the_citation_penalty_and_normlex_link(
        capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    assert main(["cite", CC, "--article", "174", "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "art. 174(1), as amended by Law No. 94-VIII of 19 June 2024" in out
    assert "лишением свободы" in out and "normlex" in out.lower()


def test_an_article_with_nothing_to_cite_is_said_on_stderr_not_a_silent_exit(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cite", "kz/criminal-code", "--article", "160", "--article", "174"]) == 0
    captured = capsys.readouterr()
    assert "174" in captured.out and "art. 160" not in captured.out  # the output stays paste-ready
    assert captured.err.startswith("compliance: kz/criminal-code@") and captured.err.count("\n") == 1
    assert captured.err.endswith(": art. 160: no conflict, concern or implementing provision found: nothing to cite\n")


def test_cite_of_a_law_no_rule_can_be_tried_on_warns_that_it_was_not_analysed(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cite", "tm/labour-code", "--article", "1"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith("compliance: warning: tm/labour-code")
    assert "not analysed. Turkmen: no rules for this language" in captured.err
