"""The diff stage on the real corpus: statuses of every article in the five edition pairs, alignment of a
renumbered law, redlines with exact offsets, mirror symmetry, the findings delta, HTML/Markdown/JSON, history.

The statuses pinned here were read from the texts first (article by article with difflib on
`Node.full_text()` and on the notes), not from the output of the diff.
"""

from __future__ import annotations

import json
import random
import re
from typing import Any

import pytest
from pydantic import BaseModel

from compliance.corpus import find
from compliance.diff import (
    Change,
    Diff,
    diff_documents,
    diff_schema,
    findings_delta,
    history,
    redline,
    render_html,
    render_json,
    render_markdown,
    tokenize,
)
from compliance.models import Document
from compliance.parse import parse_text

from .conftest import REPO, parsed

PAIRS = {
    "art174": ("kz/criminal-code-art174@2015-11-13", "kz/criminal-code-art174@2020-06-26"),
    "arts400-406": ("kz/criminal-code-arts400-406@2015-11-13", "kz/criminal-code-arts400-406@2023-01-01"),
    "trade-unions": ("kz/trade-unions-law@2020-05-04", "kz/trade-unions-law@2023-04-18"),
    "labour-strikes": ("kz/labour-code-arts166-178@2020-06-10", "kz/labour-code-arts167-178@2024-06-16"),
    "peaceful-assemblies": ("kz/peaceful-assemblies-law@2020-05-25", "kz/peaceful-assemblies-law@2025-01-10"),
}


def _diff(old: Document, new: Document, **kw: Any) -> Diff:
    kw.setdefault("run_checker", False)  # the checker has its own tests; here only the texts are compared
    return diff_documents(old, new, **kw)


def _pair(name: str) -> tuple[Document, Document]:
    a, b = PAIRS[name]
    return parsed(a), parsed(b)


def _statuses(d: Diff) -> dict[str, str]:
    """Article number → status (the old number, or the new one for articles only the new edition has)."""
    return {(c.old_num or c.new_num or ""): c.status for c in d.changes}


def _rng(a: int, b: int) -> list[str]:
    return [str(i) for i in range(a, b + 1)]


# -- the five edition pairs ------------------------------------------------------------------------------
# Read from the texts: what differs in each article's full_text(), and in its notes.
EXPECTED: dict[str, dict[str, Any]] = {
    # 2020: renamed «Возбуждение» → «Разжигание», a fine added to part 1, «в том числе с использованием средств,
    # полученных из иностранных источников» added to part 2; two notes added.
    "art174": {"amended": ["174"], "notes": ["174"]},
    # 400 renamed (собраний, митингов… → мирных собраний), lower sanctions in 400, 402, 403, 406; 401 gets
    # public works; 404 and 405 are word for word the same, and so are their notes (none).
    "arts400-406": {
        "amended": ["400", "401", "402", "403", "406"],
        "unchanged": ["404", "405"],
        "notes": ["400", "401", "402", "403", "406"],
    },
    # 2023: 16 (appeal «в суд» → «в порядке, установленном законами», «митинги, шествия, пикеты и
    # демонстрации» dropped), 17 (the same list dropped; «соглашения о работе согласительной комиссии»), 21
    # (heading and part 3). 33 is repealed in both editions.
    "trade-unions": {
        "amended": ["16", "17", "21"],
        "unchanged": [n for n in _rng(1, 34) if n not in ("16", "17", "21")],
        "notes": ["16", "17", "21"],
    },
    # 170 (five working days → the same day), 171 (quorum two thirds → more than half; two paragraphs on
    # who decides a strike), 175 (a new point 3: strikers may not be replaced). 166 is not in the 2024 excerpt.
    "labour-strikes": {
        "amended": ["170", "171", "175"],
        "unchanged": ["167", "168", "169", "172", "173", "174", "176", "177", "178"],
        "outside_excerpt": ["166"],
        "notes": ["170", "171", "175"],
    },
    # 2025: 3 restated («в редакции Закона РК от 10.01.2025 № 153-VIII»), 14 gets a sentence; 11 has the same
    # text but the Constitutional Court notes changed — notes alone do not make it amended: "notes changed".
    "peaceful-assemblies": {
        "amended": ["3", "14"],
        "notes_changed": ["11"],
        "unchanged": [n for n in _rng(1, 21) if n not in ("3", "11", "14")],
        "notes": ["3", "11", "14"],
    },
}


@pytest.mark.parametrize("name", list(PAIRS))
def test_every_article_of_the_five_edition_pairs_gets_the_status_read_from_the_texts(name: str) -> None:
    d = _diff(*_pair(name))
    expected = {num: status for status in PRIMARY_AND_OTHER for num in EXPECTED[name].get(status, [])}
    assert _statuses(d) == expected
    assert sorted((c.old_num for c in d.changes if c.notes_changed), key=int) == EXPECTED[name]["notes"]
    for c in d.changes:
        assert c.old_num == c.new_num or c.status == "outside_excerpt"
        assert c.text_changed == (c.status == "amended")
        assert not c.moved and not c.renumbered and c.repealed is None


PRIMARY_AND_OTHER = ("unchanged", "amended", "notes_changed", "outside_excerpt")


def test_redlines_show_the_words_the_amending_acts_changed() -> None:
    def ops(name: str, num: str) -> list[tuple[str, str, str]]:
        change = next(c for c in _diff(*_pair(name)).changes if c.old_num == num)
        return [(o.op, o.old_text.strip(), o.new_text.strip()) for o in change.ops]

    assert ("replace", "Возбуждение", "Разжигание") in ops("art174", "174")
    assert ("replace", "трехсот", "двухсот") in ops("arts400-406", "406")
    assert ("replace", "не менее двух третей", "более половины") in ops("labour-strikes", "171")
    assert ops("labour-strikes", "175") == [
        ("insert", "", "3. Не допускается замена работников, участвующих в забастовке в соответствии с порядком, "
         "установленным законодательством Республики Казахстан.")
    ]


def test_restated_article_keeps_its_number_however_little_text_survives() -> None:
    change = next(c for c in _diff(*_pair("peaceful-assemblies")).changes if c.old_num == "3")
    assert change.status == "amended" and change.new_num == "3"
    assert change.similarity is not None and change.similarity < 0.5
    assert [e.action for n in change.notes_added for e in n.events] == ["restated"]


def test_editorial_notes_alone_make_an_article_notes_changed_not_amended() -> None:
    change = next(c for c in _diff(*_pair("peaceful-assemblies")).changes if c.old_num == "11")
    assert change.status == "notes_changed" and not change.ops and change.similarity == 1.0
    assert change.notes_changed
    assert any("Конституционным Судом РК начато производство" in n.text for n in change.notes_removed)
    assert any("признаны соответствующими Конституции" in n.text for n in change.notes_added)


def test_article_166_is_outside_the_2024_excerpt_not_removed() -> None:
    # The 2024 text is an excerpt that starts at 167; the 2024 Section 3 of the same code still has 166.
    old, new = _pair("labour-strikes")
    change = next(c for c in _diff(old, new).changes if c.old_num == "166")
    assert change.status == "outside_excerpt" and change.new_eid is None
    section3 = parsed("kz/labour-code-sec003-social-partnership-disputes-strikes@2024-06-16")
    assert section3.tree.article("166") is not None
    # the same article missing from a complete text is removed
    complete = new.model_copy(update={"document": new.document.model_copy(update={"extent": "whole"})})
    assert _statuses(_diff(old, complete))["166"] == "removed"


def test_a_footnote_extended_by_one_act_reads_as_one_changed_note() -> None:
    # art. 16's footnote in 2023 is the 2020 footnote with two more acts appended (read from the texts)
    change = next(c for c in _diff(*_pair("trade-unions")).changes if c.old_num == "16")
    assert not change.notes_added and not change.notes_removed
    [note] = change.notes_amended
    assert [(o.op, o.old_text) for o in note.ops] == [("insert", "")]
    assert "№ 351-VI" in note.ops[0].new_text and "№ 351-VI" not in note.old.text
    page, md = render_html(_diff(*_pair("trade-unions"))), render_markdown(_diff(*_pair("trade-unions")))
    assert 'class="note changed"' in page and "> note changed:" in md


def test_articles_outside_an_excerpt_bring_no_finding_introduced_or_resolved() -> None:
    from compliance.check import check_document

    old = parsed("kz/criminal-code-art174@2020-06-26")
    new = parsed("kz/criminal-code-ch04-05-arts160-186-incl-art174@2025-09-16")
    d = diff_documents(old, new, checker=check_document)
    delta = d.findings_delta
    changed = delta.introduced + delta.resolved + delta.severity_changed + delta.protection_added + delta.protection_removed
    assert all("art_174" in (f.old_article, f.new_article) for f in changed)
    assert {f.new_article for f in delta.outside_extent} >= {"art_182", "art_183"}
    assert {f.rule_id for f in delta.persisting} >= {"C105-A1a-social-discord", "C087-A3-social-discord-offence"}
    assert d.new.covers == [["160", "186"]] and d.old.covers == [["174", "174"]]


# -- a real law renumbered, split, moved -----------------------------------------------------------------

TU = "kz/trade-unions-law@2023-04-18"
HEAD = re.compile(r"^### Статья (\d+(?:-\d+)?)\.", re.M)
NEW_ARTICLE = (
    "### Статья 25-1. Информирование членов профсоюза\n\n"
    "1. Профсоюз ежегодно размещает на своем интернет-ресурсе отчет о поступлении и расходовании членских "
    "взносов, о заключенных коллективных договорах и о рассмотренных обращениях членов профсоюза.\n\n"
)


def _chunks(text: str) -> list[str]:
    """The Markdown cut before every heading: preface, chapters and articles, each with what follows it."""
    return re.split(r"(?m)^(?=#{2,4} )", text)


def _num(chunk: str) -> str | None:
    m = HEAD.match(chunk)
    return m[1] if m else None


def _law_text() -> str:
    return find(TU).file.read_text("utf-8")


def _reparse(text: str) -> Document:
    return parse_text(text, "markdown", meta=parsed(TU).document, label="mutated.md")


@pytest.fixture(scope="module")
def renumbered() -> Document:
    """Art. 5 deleted, 6–20 renumbered 5–19 to close the gap, 25-1 inserted, words changed in old art. 12."""
    out = []
    for chunk in _chunks(_law_text()):
        num = _num(chunk)
        if num == "5":
            continue
        if num == "12":
            chunk = chunk.replace("территориальное объединение профсоюзов", "территориальный профсоюз", 1)
        if num and num.isdigit() and 6 <= int(num) <= 20:
            chunk = HEAD.sub(f"### Статья {int(num) - 1}.", chunk, count=1)
        out.append(chunk)
        if num == "25":
            out.append(NEW_ARTICLE)
    return _reparse("".join(out))


def test_renumbered_law_is_aligned_with_old_and_new_numbers(renumbered: Document) -> None:
    d = _diff(parsed(TU), renumbered)
    got = {(c.old_num, c.new_num): c.status for c in d.changes}
    expected: dict[tuple[str | None, str | None], str] = {(n, n): "unchanged" for n in _rng(1, 4) + _rng(21, 34)}
    expected |= {(str(n), str(n - 1)): "renumbered" for n in range(6, 21)}
    expected |= {("5", None): "removed", (None, "25-1"): "added"}
    assert got == expected
    twelve = next(c for c in d.changes if c.old_num == "12")
    assert twelve.text_changed and twelve.new_eid == "art_11"
    assert [(o.old_text.strip(), o.new_text.strip()) for o in twelve.ops] == [
        ("территориальное объединение профсоюзов", "территориальный профсоюз")
    ]
    assert all(not c.text_changed for c in d.changes if c.old_num != "12")
    assert d.summary["renumbered"] == 15 and d.summary["text_changed"] == 1


def test_split_article_is_traced_to_its_source_and_the_mirror_is_a_merge() -> None:
    out = []
    for chunk in _chunks(_law_text()):
        if _num(chunk) == "9":
            head, tail = chunk.split("   6) ", 1)
            tail, para2 = tail.split("2. Устав может", 1)
            out.append(head + "2. Устав может" + para2)
            out.append("### Статья 9-1. Содержание устава\n\n1. Устав профсоюза также предусматривает:\n\n   6) " + tail)
        else:
            out.append(chunk)
    split = _reparse("".join(out))
    forward = [(c.old_num, c.new_num, c.status) for c in _diff(parsed(TU), split).changes if c.status != "unchanged"]
    assert forward == [("9", "9", "amended"), ("9", "9-1", "split")]
    change = next(c for c in _diff(parsed(TU), split).changes if c.new_num == "9-1")
    assert change.similarity is not None and change.similarity >= 0.8
    backward = [(c.old_num, c.new_num, c.status) for c in _diff(split, parsed(TU)).changes if c.status != "unchanged"]
    assert backward == [("9", "9", "amended"), ("9-1", "9", "merged")]


def test_article_moved_to_another_chapter_is_moved_and_renumbered_chapters_move_nothing() -> None:
    chunks = _chunks(_law_text())
    seven = next(c for c in chunks if _num(c) == "7")
    moved = []
    for chunk in chunks:
        if chunk is seven:
            continue
        moved.append(chunk)
        if _num(chunk) == "10":
            moved.append(seven)
    d = _diff(parsed(TU), _reparse("".join(moved)))
    change = next(c for c in d.changes if c.old_num == "7")
    assert (change.status, change.old_container, change.new_container) == ("moved", "chp_1", "chp_2")
    assert [c.status for c in d.changes].count("unchanged") == 33
    # chapters renumbered (Глава k → Глава k+1) and one renamed: every article stays in its chapter
    shifted = re.sub(r"(?m)^## Глава (\d+)\.", lambda m: f"## Глава {int(m[1]) + 1}.", _law_text())
    shifted = shifted.replace("СОЗДАНИЕ, РЕОРГАНИЗАЦИЯ И ЛИКВИДАЦИЯ", "ОБРАЗОВАНИЕ И ПРЕКРАЩЕНИЕ")
    d = _diff(parsed(TU), _reparse(shifted))
    assert {c.status for c in d.changes} == {"unchanged"}
    assert {(c.old_container, c.new_container) for c in d.changes if c.old_num == "8"} == {("chp_2", "chp_3")}


# -- identity and mirror ---------------------------------------------------------------------------------


@pytest.mark.parametrize("ref", sorted({r for pair in PAIRS.values() for r in pair} | {"uz/labour-code@2025-12-12"}))
def test_diff_of_an_edition_with_itself_reports_no_change(ref: str) -> None:
    doc = parsed(ref)
    d = _diff(doc, doc)
    assert {c.status for c in d.changes} == {"unchanged"}
    assert len(d.changes) == len(doc.articles())
    assert all(c.old_eid == c.new_eid and c.similarity == 1.0 and not c.ops and not c.notes_changed for c in d.changes)


MIRROR_STATUS = {"added": "removed", "removed": "added", "split": "merged", "merged": "split"}


def _mirror(c: Change) -> dict[str, Any]:
    """What the change must look like in diff(B, A): sides swapped, additions are removals, ops inverted."""
    data = c.model_dump(mode="json")
    out = dict(data)
    for field in ("eid", "num", "heading", "container", "text"):
        out[f"old_{field}"], out[f"new_{field}"] = data[f"new_{field}"], data[f"old_{field}"]
    out["status"] = MIRROR_STATUS.get(c.status, c.status)
    out["notes_added"], out["notes_removed"] = data["notes_removed"], data["notes_added"]
    out["notes_amended"] = [{"old": n["new"], "new": n["old"], "ops": _mirror_ops(n["ops"])} for n in data["notes_amended"]]
    out["repealed"] = {"repealed": "restored", "restored": "repealed"}.get(c.repealed or "")
    out["ops"] = _mirror_ops(data["ops"])
    return out


def _mirror_ops(ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "op": {"delete": "insert", "insert": "delete"}.get(o["op"], o["op"]),
            "old": o["new"],
            "new": o["old"],
            "old_text": o["new_text"],
            "new_text": o["old_text"],
        }
        for o in ops
    ]


def _key(c: dict[str, Any]) -> tuple[str, str, str]:
    return (c["old_eid"] or "", c["new_eid"] or "", c["status"])


@pytest.mark.parametrize("name", [*PAIRS, "renumbered"])
def test_diff_backwards_is_the_mirror_image(name: str, renumbered: Document) -> None:
    a, b = (parsed(TU), renumbered) if name == "renumbered" else _pair(name)
    forward, backward = _diff(a, b), _diff(b, a)
    mirrored = sorted((_mirror(c) for c in forward.changes), key=_key)
    assert sorted((c.model_dump(mode="json") for c in backward.changes), key=_key) == mirrored
    assert backward.summary["added"] == forward.summary["removed"]


# -- redline ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(PAIRS))
def test_redline_offsets_point_at_the_exact_characters_of_both_articles(name: str) -> None:
    for c in _diff(*_pair(name)).changes:
        if not c.text_changed:
            continue
        assert c.old_text is not None and c.new_text is not None
        rebuilt, cursor = [], 0
        for op in c.ops:
            assert c.old_text[op.old[0] : op.old[1]] == op.old_text
            assert c.new_text[op.new[0] : op.new[1]] == op.new_text
            rebuilt += [c.old_text[cursor : op.old[0]], op.new_text]
            cursor = op.old[1]
        rebuilt.append(c.old_text[cursor:])
        assert "".join(rebuilt) == c.new_text  # applying the ops to the old text gives the new text


def test_tokens_keep_uzbek_apostrophe_letters_and_inserted_numbers_whole() -> None:
    uz = parsed("uz/labour-code@2025-12-12")
    words = [t for t, _, _ in tokenize(uz.source_text[:5000])]
    assert "Oʻzbekiston" in words or "OʻZBEKISTON" in words
    assert not {"ʻ", "‘", "'"} & set(words)
    assert [t for t, _, _ in tokenize("ta'lim o‘qish 216-1-modda, 282.1 Закона №12-VІ")] == [
        "ta'lim", "o‘qish", "216-1-modda", ",", "282.1", "Закона", "№", "12-VІ",
    ]
    ops = redline("Xodim oʻn kun ichida gʻoyalarini bildiradi.", "Xodim yigirma kun ichida gʻoyalarini bildiradi.")
    assert [(o.op, o.old_text, o.new_text) for o in ops] == [("replace", " oʻn", " yigirma")]


def test_redline_of_whitespace_only_change_is_empty() -> None:
    assert redline("1. Профсоюз  вправе\nобжаловать", "1. Профсоюз вправе обжаловать") == []


# -- findings delta --------------------------------------------------------------------------------------


def _finding(rule: str, eid: str | None, article: str | None, kind: str = "conflict", conv: str = "C105") -> dict[str, Any]:
    """A constructed finding (not produced by the checker), with the fields the delta relies on."""
    return {
        "rule_id": rule,
        "convention": conv,
        "convention_article": "1(a)",
        "eid": eid,
        "article": article,
        "kind": kind,
        "severity": "high",
        "constructed": True,
    }


def test_findings_are_matched_across_renumbered_articles_constructed(renumbered: Document) -> None:
    d = _diff(parsed(TU), renumbered)
    old = [
        _finding("C087-strike-ban", "art_10__para_2", "10", conv="C087"),  # art. 10 is art. 9 in the new text
        _finding("C087-strike-ban", "art_9", "9", conv="C087"),  # art. 9 → 8, finding gone: resolved
        _finding("C105-removed", "art_5", "5"),  # the article is deleted: resolved
        _finding("C087-no-remedy", None, None, kind="requirement", conv="C087"),  # document level, stays
    ]
    new = [
        _finding("C087-strike-ban", "art_9__para_2", "9", conv="C087"),
        _finding("C087-strike-ban", "art_10", "10", conv="C087"),  # art. 10 is old art. 11: introduced
        _finding("C087-no-remedy", None, None, kind="requirement", conv="C087"),
        _finding("C087-reporting", "art_25-1", "25-1", kind="implements", conv="C087"),
    ]
    delta = findings_delta(old, new, d.changes)
    assert [(f.rule_id, f.old_article, f.new_article) for f in delta.persisting] == [
        ("C087-no-remedy", None, None),
        ("C087-strike-ban", "art_10", "art_9"),
    ]
    assert [(f.rule_id, f.old_article) for f in delta.resolved] == [("C087-strike-ban", "art_9"), ("C105-removed", "art_5")]
    assert [(f.rule_id, f.new_article) for f in delta.introduced] == [("C087-strike-ban", "art_10")]
    # an implementing provision gained is a protection added, never a conflict introduced
    assert [(f.rule_id, f.new_article) for f in delta.protection_added] == [("C087-reporting", "art_25-1")]
    by_rule = {(r.convention, r.rule_id): (r.introduced, r.resolved, r.persisting) for r in delta.by_rule}
    assert by_rule[("C087", "C087-strike-ban")] == (1, 1, 1)
    backward = findings_delta(new, old, _diff(renumbered, parsed(TU)).changes)
    assert len(backward.introduced) == len(delta.resolved) and len(backward.resolved) == len(delta.introduced)
    assert [f.rule_id for f in backward.protection_removed] == ["C087-reporting"]
    # the HTML headline counts conflicts
    page = render_html(_diff(parsed(TU), renumbered, old_findings=old, new_findings=new))
    assert "2 conflicts resolved, 1 introduced" in page


class _FakeFinding(BaseModel):
    rule_id: str
    convention: str
    convention_article: str
    eid: str | None
    article: str | None
    kind: str
    severity: str


def test_checker_given_by_the_caller_runs_on_both_editions() -> None:
    old, new = _pair("art174")

    def check(doc: Document) -> list[_FakeFinding]:  # constructed: a stand-in for compliance.check
        if doc.document.edition and doc.document.edition.year < 2020:
            return [_FakeFinding(rule_id="R", convention="C105", convention_article="1(a)", eid="art_174", article="174", kind="conflict", severity="high")]
        return []

    d = diff_documents(old, new, checker=check)
    assert d.findings_delta.available and [f.old_article for f in d.findings_delta.resolved] == ["art_174"]
    assert render_html(d).count("1 conflict resolved, 0 introduced") == 1
    d = diff_documents(old, new, checker=check, run_checker=False)  # what `diff --no-check` asks
    assert not d.findings_delta.available and d.findings_delta.reason
    d = diff_documents(old, new)  # no checker given
    assert not d.findings_delta.available and d.findings_delta.reason
    assert "No checker findings available" in render_html(d)


# -- outputs ---------------------------------------------------------------------------------------------


def test_json_output_follows_the_committed_schema_and_is_deterministic() -> None:
    committed = json.loads((REPO / "compliance/schemas/diff.schema.json").read_text("utf-8"))
    assert committed == diff_schema()
    old, new = _pair("trade-unions")
    text = render_json(_diff(old, new))
    assert text == render_json(_diff(old, new))
    data = json.loads(text)
    assert set(data) == {"old", "new", "summary", "changes", "findings_delta"}
    assert {"status", "old_eid", "new_eid", "old_num", "new_num", "similarity", "ops"} <= set(data["changes"][0])
    assert Diff.model_validate_json(text).changes == _diff(old, new).changes


def test_html_is_self_contained_and_escapes_law_text() -> None:
    old = parse_text("Статья 1. Цель\n1. Работник вправе бастовать.\nСтатья 2. Срок\n1. Срок три дня.")
    new = parse_text("Статья 1. Цель\n1. Работник <script>alert(1)</script> вправе бастовать.\nСтатья 2. Срок\n1. Срок три дня.")
    page = render_html(_diff(old, new))
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<style>" in page and "<link" not in page and "src=" not in page
    assert "<ins>" in page and "No checker findings available" in page
    md = render_markdown(_diff(old, new))
    assert "<script>" not in md and "\\<script\\>" in md


def test_html_and_markdown_show_deletions_and_insertions() -> None:
    d = _diff(*_pair("art174"))
    page = render_html(d)
    assert "<del>Возбуждение</del><ins>Разжигание</ins>" in page
    assert "~~Возбуждение~~ **Разжигание** социальной" in render_markdown(d)
    assert "на ~~возбуждение~~ **разжигание** социальной" in render_markdown(d)


# -- history ---------------------------------------------------------------------------------------------


def test_history_gives_each_article_its_timeline_with_the_amending_acts() -> None:
    docs = [parsed(f"kz/trade-unions-law@{e}") for e in ("2020-05-04", "2021-07-01", "2023-04-18")]
    h = history("kz/trade-unions-law", documents=docs)
    assert len(h.articles) == 34
    art17 = next(a for a in h.articles if a.num == "17")
    events = [(str(e.edition), e.event, [x.act_number for x in e.acts]) for e in art17.events]
    assert events == [
        ("2020-05-04", "in_force", []),
        ("2021-07-01", "amended", ["334-VІ"]),
        ("2023-04-18", "amended", ["199-VII"]),
    ]
    art33 = next(a for a in h.articles if a.num == "33")
    assert [e.event for e in art33.events] == ["repealed"]
    assert [e.event for e in next(a for a in h.articles if a.num == "2").events] == ["in_force"]


def test_history_filters_one_article_across_the_portions_of_the_work() -> None:
    # the file id of an excerpt names its work: the 2025 text of art. 174 is in the chapters 4–5 excerpt
    h = history("kz/criminal-code-art174", article="174")
    assert h.law == "kz/criminal-code" and [a.num for a in h.articles] == ["174"]
    assert [(e.event, str(e.edition)) for e in h.articles[0].events] == [
        ("in_force", "2015-11-13"), ("amended", "2020-06-26"), ("amended", "2025-09-16")]
    assert {x.act_number for x in h.articles[0].events[1].acts} == {"12-VІ", "349-VI"}
    with pytest.raises(ValueError, match="no article 999"):
        history("kz/criminal-code-art174", article="999")
    with pytest.raises(ValueError):
        history("kz/no-such-law")


# -- constructed laws: any two article lists ---------------------------------------------------------------

WORDS = ["работник", "вправе", "профсоюз", "забастовка", "oʻz", "ta'lim", "136-1", "282.1", ",", "–", "суд", "не"]


def _law(articles: list[tuple[str, list[str]]]) -> Document:
    lines = []
    for num, words in articles:
        lines.append(f"Статья {num}. Заголовок {num}")
        lines.append("1. " + " ".join(words) + ".")
    return parse_text("\n".join(lines), "text")


@pytest.mark.parametrize("seed", range(40))
def test_any_two_constructed_laws_diff_symmetrically_with_exact_offsets(seed: int) -> None:
    rnd = random.Random(seed)  # constructed laws: numbers dropped, inserted, reused; words changed

    def law() -> list[tuple[str, list[str]]]:
        nums = rnd.sample(["1", "2", "2-1", "3", "4", "5", "6"], rnd.randint(0, 6))
        return [(n, rnd.choices(WORDS, k=rnd.randint(0, 12))) for n in sorted(nums, key=lambda n: [int(x) for x in n.split("-")])]

    a = law()
    b = [(num, words) for num, words in a if rnd.random() > 0.2] if seed % 2 else law()
    b = [(rnd.choice(["3", "4", "5", "6"]) if rnd.random() < 0.1 else n, w if rnd.random() < 0.7 else rnd.choices(WORDS, k=8))
         for n, w in b]
    b = list({n: (n, w) for n, w in b}.values())
    old, new = _law(a), _law(b)
    forward, backward = _diff(old, new), _diff(new, old)
    assert sorted((c.model_dump(mode="json") for c in backward.changes), key=_key) == sorted(
        (_mirror(c) for c in forward.changes), key=_key
    )
    assert {c.status for c in _diff(old, old).changes} <= {"unchanged"}
    for c in forward.changes:
        if c.text_changed:
            assert c.old_text is not None and c.new_text is not None
            for op in c.ops:
                assert c.old_text[op.old[0] : op.old[1]] == op.old_text
                assert c.new_text[op.new[0] : op.new[1]] == op.new_text


def test_history_of_article_174_shows_each_edition_its_changes_acts_and_findings() -> None:
    from compliance.check import check_document
    from compliance.diff import render_history_text

    h = history("kz/criminal-code", article="174", checker=check_document)
    [art] = h.articles
    assert [str(e.edition) for e in art.editions] == ["2015-11-13", "2020-06-26", "2025-09-16"]
    assert art.editions[2].id == "kz/criminal-code-ch04-05-arts160-186-incl-art174@2025-09-16"
    assert art.editions[1].amended_by == "Law of 26.06.2020 No. 349-VI"
    for edition in art.editions:  # C105 art. 1(a) and C087 art. 3 at every edition
        assert {(f.convention, f.kind) for f in edition.findings or []} >= {("C105", "conflict"), ("C087", "concern")}
    renamed, online = art.events[1], art.events[2]
    assert ("Возбуждение", "Разжигание") in {(o.old_text.strip(), o.new_text.strip()) for o in renamed.ops}
    assert any("штрафом" in o.new_text for o in renamed.ops)
    assert any("онлайн-платформ" in o.new_text for o in online.ops)
    assert {a.act_number for a in online.acts} == {"19-VIII", "94-VIII"}
    text = render_history_text(h)
    assert "[-Возбуждение-]{+Разжигание+}" in text and "made by Law of 26.06.2020 No. 349-VI" in text
    assert "conflict C105-A1a-social-discord (C105 1(a))" in text and "2016" in text  # a gap year said as such


def test_history_of_a_whole_work_follows_articles_through_excerpts_of_other_chapters() -> None:
    h = history("kz/criminal-code")
    assert [str(d.edition) for d in h.editions] == ["2015-11-13", "2020-06-26", "2022-09-11", "2023-01-01", "2025-09-16"]
    art401 = next(a for a in h.articles if a.num == "401")
    # outside the 2020, 2022 and 2025 excerpts, never renumbered into an article of another chapter
    assert [e.event for e in art401.events] == ["in_force", "outside_excerpt", "amended", "outside_excerpt"]
    assert "2015-11-13" in str(art401.events[2].detail)
    assert h.gaps == [2016, 2017, 2018, 2019, 2021, 2024]


def test_history_command_reads_a_work_stored_in_excerpts(capsys: pytest.CaptureFixture[str]) -> None:
    from compliance.cli import main

    assert main(["history", "kz/criminal-code", "--no-check"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("History of kz/criminal-code: 5 edition(s)") and "Art. 274" in out and "Art. 155" in out


def test_history_of_a_law_no_rule_can_be_tried_on_says_not_analysed_not_no_findings(
        capsys: pytest.CaptureFixture[str]) -> None:
    from compliance.cli import main

    # the Turkmen Labour Code: no rule is written in Turkmen
    assert main(["history", "tm/labour-code", "--article", "10"]) == 0
    captured = capsys.readouterr()
    reason = "tm/labour-code@2019-03-02: not analysed. Turkmen: no rules for this language"
    assert reason in captured.out and "findings: none" not in captured.out
    assert "findings: not analysed" in captured.out
    assert captured.err.startswith(f"compliance: warning: {reason}")
    assert main(["history", "tm/labour-code", "--article", "10", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data["not_analysed"]) == ["tm/labour-code@2019-03-02"]
    assert [ed["findings"] for ed in data["articles"][0]["editions"]] == [None]  # not checked, not "[]"


def test_diff_of_editions_no_rule_can_be_tried_on_has_no_findings_delta_and_says_why(
        tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    from compliance.cli import main

    text = (REPO / "corpora/national_laws/tm/labour-code/2019-03-02.html").read_text("utf-8")
    old, new = tmp_path / "old.html", tmp_path / "new.html"
    old.write_text(text, "utf-8")
    new.write_text(text.replace("Zähmet", "Zahmet", 1), "utf-8")
    assert main(["diff", str(old), str(new)]) == 0
    captured = capsys.readouterr()
    delta = json.loads(captured.out)["findings_delta"]
    assert delta["available"] is False and "not analysed. Turkmen: no rules for this language" in delta["reason"]
    assert captured.err.count("compliance: warning: ") == 2  # one per edition, as check says it
