"""Hostile and careless input on the command line: every case ends in bounded time with the right exit code,
one line `file:line: reason` when refused, and none of the law's text lost when accepted.

The cases are tables: text in odd encodings, inputs that are not files, hostile rule, eval and metadata
files, option values that would check nothing. Each runs `compliance` in a forked child with a time bound.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import socket
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from compliance.rules import load_file

from ..conftest import REPO
from .runner import Run, run_cli

LAW = (REPO / "corpora/national_laws/kz/criminal-code-art174/2015-11-13.md").read_text("utf-8")
# A law with a conflict (C087 and C105 on art. 174) as plain text, with a second article to count
PLAIN = re.sub(r"(?m)^(#+ |<a id.*$)", "", LAW) + "\nСтатья 175. Прочее\nТекст статьи ДВАДЦАТЬ ПЯТЬ ЗАГЛАВНЫХ БУКВ.\n"
BOUND = 60.0  # seconds: generous on a loaded machine; a hang is minutes, or forever


def tree_chars(parse_json: str) -> Counter[str]:
    """Letters and digits of every unit of a parsed document (its source text left out)."""
    doc = json.loads(parse_json)
    got: Counter[str] = Counter()
    stack = [doc["tree"]]
    while stack:
        node = stack.pop()
        for piece in (node.get("label"), node.get("heading"), node.get("text"), *(n["text"] for n in node["notes"])):
            if piece:
                got.update(ch for ch in piece if ch.isalnum())
        stack.extend(node["children"])
    return got


def lost(original: str, parse_json: str) -> int:
    """How many letters and digits of `original` the parsed tree does not hold."""
    want = Counter(ch for ch in original if ch.isalnum())
    return sum((want - tree_chars(parse_json)).values())


def refused(run: Run, name: str) -> None:
    """Exit 2 with one line naming the file (and a line number)."""
    assert run.code == 2, run.err
    lines = run.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in run.err, run.err
    assert re.match(rf"compliance: .*{re.escape(name)}(:\d+)?: \S", lines[0]), lines[0]


# -- text in odd encodings: parsed (with a warning when repaired) or refused --------------------------------


@dataclass(frozen=True)
class Bytes:
    name: str
    data: bytes
    code: int  # 0: parsed; 2: refused
    max_lost: int = 0  # letters a repair may cost (each bad byte sequence: at most one character)
    warning: str | None = None  # a word stderr must hold


UTF8 = PLAIN.encode("utf-8")


def single(text: str, encoding: str) -> bytes:
    """`text` in a single-byte encoding; what it lacks («–») becomes "?", which counts no letter."""
    return text.encode(encoding, "replace")


CUT = UTF8[: UTF8.rindex("Б".encode()) + 1]  # cut inside the last "Б"
ENCODED: list[Bytes] = [
    Bytes("utf8.txt", UTF8, 0),
    Bytes("bom.txt", codecs.BOM_UTF8 + UTF8, 0),
    Bytes("utf16le.txt", PLAIN.encode("utf-16"), 0),
    Bytes("utf16be.txt", codecs.BOM_UTF16_BE + PLAIN.encode("utf-16-be"), 0),
    Bytes("cp1251.txt", single(PLAIN, "cp1251"), 0),
    Bytes("koi8.txt", single(PLAIN, "koi8_r"), 0),
    Bytes("cp1251-caps.txt", single(PLAIN.upper(), "cp1251"), 0),
    Bytes("koi8-caps.txt", single(PLAIN.upper(), "koi8_r"), 0),
    Bytes("cut.txt", CUT, 0, max_lost=1, warning="line"),
    Bytes("one-bad.txt", UTF8[:500] + b"\xff" + UTF8[500:], 0, max_lost=1, warning="not UTF-8"),
    Bytes("bad-lead.txt", b"\xc0" + UTF8, 0, max_lost=1, warning="line 1"),
    Bytes("few-bad.txt", UTF8.replace("розни".encode(), "розни".encode()[:-1] + b"\xfe", 3), 0, max_lost=6,
          warning="replaced"),
    Bytes("mixed.txt", UTF8 + "Статья 176. Вставка в cp1251\n".encode("cp1251") + UTF8[:200], 0, max_lost=40,
          warning="not UTF-8"),
    Bytes("latin1.txt", ("Article 1. Les États membres s'engagent à réprimer déjà le travail forcé à Genève.\n" * 5)
          .encode("latin-1"), 2),
    Bytes("nul.txt", UTF8[:100] + b"\x00" + UTF8[100:], 2),
    Bytes("controls.txt", bytes(range(1, 9)) * 200, 2),
    Bytes("random.bin", bytes((i * 7919) % 256 for i in range(5000)), 2),
    Bytes("empty.txt", b"", 2),
    Bytes("spaces.txt", b"   \n\t\n  ", 2),
    Bytes("punct.txt", b"... --- !!!\n", 2),
    Bytes("word.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, 2),
    Bytes("fake.pdf", UTF8, 2),
    Bytes("fake.docx", UTF8, 2),
    Bytes("broken.docx", b"PK\x03\x04" + b"\x00" * 50, 2),
    Bytes("broken.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 20, 2),
    Bytes("cp1251-0x98.txt", "Статья 1. Текст\n".encode("cp1251") * 3 + b"\x98" + "ыыы\n".encode("cp1251"), 2),
]


@pytest.mark.parametrize("case", ENCODED, ids=lambda c: c.name)
def test_text_in_any_encoding_is_read_whole_or_refused_naming_the_file(case: Bytes, tmp_path: Path) -> None:
    path = tmp_path / case.name
    path.write_bytes(case.data)
    run = run_cli(["parse", str(path), "--format", "json"], timeout=BOUND)
    if case.code == 2:
        refused(run, case.name)
        return
    assert run.code == 0, run.err
    original = PLAIN.upper() if "caps" in case.name else PLAIN
    if case.name == "mixed.txt":
        original = PLAIN + PLAIN[:100]
    if case.name == "cut.txt":
        original = PLAIN[: PLAIN.rindex("Б") + 1]  # what the file holds: the text up to the half letter
    assert lost(original, run.out) <= case.max_lost
    if case.warning:
        assert "warning" in run.err and case.warning in run.err, run.err
    else:
        assert "not UTF-8" not in run.err


# -- what is not a regular file, or too big ------------------------------------------------------------------


def _fifo(tmp: Path) -> list[str]:
    os.mkfifo(tmp / "pipe")
    return ["parse", str(tmp / "pipe")]


def _socket(tmp: Path) -> list[str]:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp / "sock"))
    return ["parse", str(tmp / "sock")]


def _folder_without_chapters(tmp: Path) -> list[str]:
    (tmp / "empty").mkdir()
    (tmp / "empty" / "notes.pdfx").write_text("x")
    return ["parse", str(tmp / "empty")]


def _meta_path_to_fifo(tmp: Path) -> list[str]:
    os.mkfifo(tmp / "fifo")
    (tmp / "law.txt").write_text(PLAIN, "utf-8")
    (tmp / "law.meta.yaml").write_text("id: x\npath: ../fifo\n", "utf-8")
    return ["parse", str(tmp / "law.txt")]


NOT_FILES: list[tuple[str, Callable[[Path], list[str]], str]] = [
    ("fifo", _fifo, "pipe"),
    ("socket", _socket, "sock"),
    ("dev-zero", lambda tmp: ["parse", "/dev/zero"], "/dev/zero"),
    ("dev-urandom", lambda tmp: ["parse", "/dev/urandom"], "/dev/urandom"),
    ("missing", lambda tmp: ["parse", str(tmp / "nothing.txt")], "nothing.txt"),
    ("folder-without-chapters", _folder_without_chapters, "empty"),
    ("meta-path-to-fifo", _meta_path_to_fifo, "law.meta.yaml"),
    ("check-fifo", lambda tmp: ["check", *_fifo(tmp)[1:]], "pipe"),
]


@pytest.mark.parametrize(("name", "make", "named"), NOT_FILES, ids=[c[0] for c in NOT_FILES])
def test_what_is_not_a_regular_file_is_refused_at_once(name: str, make: Callable[[Path], list[str]], named: str,
                                                        tmp_path: Path) -> None:
    refused(run_cli(make(tmp_path), timeout=BOUND), named)


def test_standard_input_is_read_and_a_closed_one_refused(tmp_path: Path) -> None:
    run = run_cli(["parse", "-", "--format", "json"], stdin=UTF8, timeout=BOUND)
    assert run.code == 0 and lost(PLAIN, run.out) == 0
    refused(run_cli(["parse", "-"], stdin=None, timeout=BOUND), "<stdin>")
    refused(run_cli(["parse", "-"], stdin=b"", timeout=BOUND), "<stdin>")


def test_an_input_over_the_size_limit_is_refused_and_the_limit_can_be_raised(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(UTF8 * 40)  # 250 kB
    refused(run_cli(["parse", str(path)], env={"COMPLIANCE_MAX_INPUT_MB": "0.1"}, timeout=BOUND), "big.txt")
    refused(run_cli(["parse", "-"], stdin=UTF8 * 40, env={"COMPLIANCE_MAX_INPUT_MB": "0.1"}, timeout=BOUND), "<stdin>")
    assert run_cli(["parse", str(path)], env={"COMPLIANCE_MAX_INPUT_MB": "1"}, timeout=BOUND).code == 0


def test_a_folder_of_txt_chapters_is_hashed_over_every_chapter(tmp_path: Path) -> None:
    folder = tmp_path / "code"
    folder.mkdir()
    (folder / "a.txt").write_text("Статья 1. Первая\nТекст.\n", "utf-8")
    (folder / "b.txt").write_text("Статья 2. Вторая\nТекст.\n", "utf-8")
    first = json.loads(run_cli(["parse", str(folder), "--format", "json"], timeout=BOUND).out)["document"]["sha256"]
    (folder / "b.txt").write_text("Статья 2. Другая\nТекст.\n", "utf-8")
    second = json.loads(run_cli(["parse", str(folder), "--format", "json"], timeout=BOUND).out)["document"]["sha256"]
    assert first != second


# -- rule files: refused at load, never run for hours or grow without bound ---------------------------------


def _rule(condition: str) -> str:
    """A valid rule file but for `condition` (tests/hostile checks that a benign one loads)."""
    return f"""rules:
  - id: C087-A2-hostile-case
    convention: C087
    article: "2"
    title: Hostile case
    principle: A rule written for a test.
    kind: conflict
    severity: low
    applies_to: [criminal code]
    recommendation: None.
    patterns:
      ru: {condition}
"""


def _bomb(levels: int = 9) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def _condition_bomb(levels: int = 9) -> str:
    """A condition whose anchors, each used ten times by the next, expand to 10**levels conditions."""
    items = ["&c0 {regex: 'а'}"] + [f"&c{i} {{any: [{', '.join([f'*c{i - 1}'] * 10)}]}}" for i in range(1, levels)]
    return "\n" + "".join(f"        - {item}\n" for item in items)


RULE_FILES: list[tuple[str, bytes, str]] = [
    ("alias-bomb", (_bomb() + _rule("{regex: 'а'}")).encode(), "aliases"),
    ("alias-bomb-in-condition", _rule("\n        any:" + _condition_bomb()).encode(), "aliases"),
    ("nested-300", ("rules: " + "[" * 300 + "]" * 300 + "\n").encode(), "nested"),
    ("binary", bytes(range(256)) * 4, "UTF-8"),
    ("latin1", _rule("{regex: 'é'}").encode("latin-1"), "UTF-8"),
    ("nested-quantifier", _rule(r"{regex: '(\w+\s?)+$'}").encode(), "exponential"),
    ("nested-quantifier-lookahead", _rule(r"{regex: '(?=x)(a*)*$'}").encode(), "exponential"),
    ("overlapping-alternatives", _rule(r"{regex: '\b(a|aa)+$'}").encode(), "exponential"),
    ("overlapping-classes", _rule(r"{regex: '\b(?:\w|\d\d)+!'}").encode(), "exponential"),
    ("bad-regex", _rule("{regex: '(unclosed'}").encode(), "bad regex"),
    ("fuzzy-5500", _rule("{fuzzy: '" + "слово " * 1100 + "'}").encode(), "fuzzy"),
    ("empty-file", b"", "empty"),
    ("not-a-mapping", b"- 1\n- 2\n", "rules"),
    ("unknown-key", _rule("{regex: 'а', colour: red}").encode(), "colour"),
    ("two-keys", _rule("{regex: 'а', phrase: 'б'}").encode(), "exactly one"),
    ("tab-indent", b"rules:\n\t- id: X\n", "YAML"),
    ("huge-number", _rule("{regex: 'а'}").replace('"2"', "2" * 5000).encode(), "impossible"),
    ("unknown-language", _rule("{regex: 'а'}").replace("ru:", "xx:").encode(), "language"),
    ("self-alias", b"rules: &a [*a]\n", "YAML"),
]


def test_the_rule_of_the_hostile_cases_loads_with_a_benign_condition(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(_rule("{regex: 'а'}"), "utf-8")
    assert [r.id for r in load_file(tmp_path / "r.yaml")] == ["C087-A2-hostile-case"]


@pytest.mark.parametrize(("name", "data", "reason"), RULE_FILES, ids=[c[0] for c in RULE_FILES])
def test_a_hostile_rule_file_is_refused_with_its_line(name: str, data: bytes, reason: str, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "r.yaml").write_bytes(data)
    law = tmp_path / "law.txt"
    law.write_text(PLAIN, "utf-8")
    run = run_cli(["check", str(law), "--rules", str(rules)], timeout=BOUND)
    refused(run, "r.yaml")
    assert reason in run.err


def test_an_empty_rules_folder_is_refused_not_a_clean_report(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "law.txt").write_text(PLAIN, "utf-8")
    refused(run_cli(["check", str(tmp_path / "law.txt"), "--rules", str(tmp_path / "rules")], timeout=BOUND), "rules")


def test_a_nested_quantifier_runs_in_linear_time_on_re2(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "r.yaml").write_text(_rule(r"{regex: '(а+)+б'}"), "utf-8")
    law = tmp_path / "law.txt"
    law.write_text("Статья 1. Текст\n" + "а" * 200_000 + "в\n", "utf-8")
    run = run_cli(["check", str(law), "--rules", str(rules), "--country", "KZ"], timeout=BOUND)
    assert run.code == 0, run.err


# -- eval files ---------------------------------------------------------------------------------------------


EVAL_FILES: list[tuple[str, bytes]] = [
    ("alias-bomb", (_bomb() + "documents: []\n").encode()),
    ("maybe-number", b"documents:\n  - path: x.md\n    maybe: 5\n"),
    ("ok-string", b"documents:\n  - path: x.md\n    ok: art\n"),
    ("flag-number", b"documents:\n  - path: x.md\n    flag: 3\n"),
    ("flag-conventions-string", b"documents:\n  - path: x.md\n    flag: [{article: '1', conventions: 5}]\n"),
    ("not-utf8", b"documents:\n  - path: \xff\xfe\n"),
    ("not-a-mapping", b"[1, 2]\n"),
    ("no-documents", b"cases: []\n"),
    ("syntax", b"documents: [\n"),
    ("deep", ("documents: " + "[" * 200 + "]" * 200 + "\n").encode()),
]


@pytest.mark.parametrize(("name", "data"), EVAL_FILES, ids=[c[0] for c in EVAL_FILES])
def test_a_hostile_eval_file_is_refused(name: str, data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "cases.yaml"
    path.write_bytes(data)
    refused(run_cli(["eval", str(path)], timeout=BOUND), "cases.yaml")


# -- meta.yaml beside a law ---------------------------------------------------------------------------------


META_REFUSED: list[tuple[str, bytes]] = [
    ("path-dotdot", b"id: x\npath: ../../etc/passwd\n"),
    ("path-absolute", b"id: x\npath: /etc/passwd\n"),
    ("path-backslash", b"id: x\npath: '..\\\\..\\\\secret'\n"),
    ("impossible-date", b"id: x\nadopted: 2020-02-30\n"),
    ("impossible-month", b"id: x\nedition: 2021-13-01\n"),
    ("not-utf8", b"id: x\ntitle: \xcf\xf0\xe0\xe2\xee\n"),
    ("alias-bomb", (_bomb() + "id: x\n").encode()),
    ("unknown-language", b"id: x\nlanguage: xx-YY\n"),
    ("uz-without-script", b"id: x\nlanguage: uz\n"),
    ("unknown-kind", b"id: x\nkind: decree of the moon\n"),
    ("not-a-mapping", b"- a\n"),
    ("syntax", b"id: [x\n"),
    ("unknown-field", b"id: x\ncolour: red\n"),
]


@pytest.mark.parametrize(("name", "data"), META_REFUSED, ids=[c[0] for c in META_REFUSED])
def test_hostile_metadata_is_refused_with_its_line(name: str, data: bytes, tmp_path: Path) -> None:
    (tmp_path / "law.txt").write_text(PLAIN, "utf-8")
    (tmp_path / "law.meta.yaml").write_bytes(data)
    refused(run_cli(["parse", str(tmp_path / "law.txt")], timeout=BOUND), "law.meta.yaml")


def _findings(run: Run) -> list[dict[str, Any]]:
    assert run.code == 0, run.err
    return list(json.loads(run.out)["findings"])


META_NORMALISED = [
    ("kind-capitals", "kind: Criminal Code\nlanguage: ru\n"),
    ("kind-spaces", "kind: '  criminal   code '\nlanguage: ru\n"),
    ("language-region", "kind: criminal code\nlanguage: ru-RU\n"),
    ("language-underscore", "kind: criminal code\nlanguage: ru_KZ\n"),
    ("language-iso639-2", "kind: criminal code\nlanguage: rus\n"),
    ("language-capitals", "kind: CRIMINAL CODE\nlanguage: RU\n"),
]


@pytest.mark.parametrize(("name", "fields"), META_NORMALISED, ids=[c[0] for c in META_NORMALISED])
def test_kind_and_language_are_normalised_so_the_conflict_is_still_found(name: str, fields: str,
                                                                          tmp_path: Path) -> None:
    (tmp_path / "law.txt").write_text(PLAIN, "utf-8")
    (tmp_path / "law.meta.yaml").write_text(f"id: law\ncountry: KZ\n{fields}", "utf-8")
    found = _findings(run_cli(["check", str(tmp_path / "law.txt")], timeout=BOUND))
    assert {f["convention"] for f in found} >= {"C087", "C105"}


# -- option values that would check nothing ----------------------------------------------------------------


OPTIONS_REFUSED = [
    ("convention-unknown", ["--conventions", "C9999"], "C9999"),
    ("convention-garbage", ["--conventions", "xyz"], "xyz"),
    ("country-unknown", ["--country", "ZZ"], "ZZ"),
    ("kind-unknown", ["--kind", "decree"], "decree"),
    ("output-is-a-folder", ["-o", "."], "."),
]


@pytest.mark.parametrize(("name", "options", "named"), OPTIONS_REFUSED, ids=[c[0] for c in OPTIONS_REFUSED])
def test_an_option_that_would_check_nothing_is_refused(name: str, options: list[str], named: str,
                                                       tmp_path: Path) -> None:
    (tmp_path / "law.txt").write_text(PLAIN, "utf-8")
    run = run_cli(["check", str(tmp_path / "law.txt"), *options], timeout=BOUND, cwd=tmp_path)
    assert run.code == 2 and len(run.err.strip().splitlines()) == 1 and named in run.err, run.err


@pytest.mark.parametrize("value", ["C87", "c87", "C087", " C87 ", "87"])
def test_convention_numbers_are_normalised(value: str, tmp_path: Path) -> None:
    (tmp_path / "law.txt").write_text(PLAIN, "utf-8")
    found = _findings(run_cli(["check", str(tmp_path / "law.txt"), "--country", "KZ", "--conventions", value],
                              timeout=BOUND))
    assert found and {f["convention"] for f in found} == {"C087"}


@pytest.mark.parametrize("kind", ["Criminal Code", "CRIMINAL CODE", "criminal  code"])
def test_the_kind_option_is_normalised(kind: str, tmp_path: Path) -> None:
    (tmp_path / "law.txt").write_text(PLAIN, "utf-8")
    found = _findings(run_cli(["check", str(tmp_path / "law.txt"), "--country", "KZ", "--kind", kind], timeout=BOUND))
    assert {f["convention"] for f in found} >= {"C087", "C105"}


def test_two_laws_with_the_same_file_name_keep_apart(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "law.txt").write_text(PLAIN, "utf-8")
    run = run_cli(["check", str(tmp_path / "a/law.txt"), str(tmp_path / "b/law.txt"), "--country", "KZ"],
                  timeout=BOUND)
    ids = [d["id"] for d in json.loads(run.out)["documents"]]
    assert len(set(ids)) == 2 and len({f["id"] for f in _findings(run)}) == len(_findings(run))


def test_a_huge_article_number_is_text_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "law.txt").write_text("Статья " + "9" * 4301 + ". Заголовок\nТекст.\n" + PLAIN, "utf-8")
    run = run_cli(["parse", str(tmp_path / "law.txt"), "--format", "json"], timeout=BOUND)
    assert run.code == 0 and lost("9" * 4301 + PLAIN, run.out) == 0


def test_repaired_text_is_said_in_the_check_notes(tmp_path: Path) -> None:
    (tmp_path / "law.txt").write_bytes(UTF8[:500] + b"\xff" + UTF8[500:])
    run = run_cli(["check", str(tmp_path / "law.txt"), "--country", "KZ"], timeout=BOUND)
    report = json.loads(run.out)
    assert any("not UTF-8" in note for note in report["notes"])
    assert any("not UTF-8" in w["message"] for d in report["documents"] for w in d.get("warnings", []))
