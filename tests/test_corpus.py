"""The bundled corpus: byte-for-byte copies of the shared sources (whose hashes tests/fixtures records, so
that no test needs ../shared), valid metadata, and lookup by id."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from compliance.corpus import (
    CORPUS_DIR,
    CorpusEntry,
    CorpusError,
    editions,
    find,
    format_table,
    load_entries,
    sha256_of,
)

SOURCES = Path(__file__).resolve().parent / "fixtures" / "corpus-sources.sha256"
EVIDENCE_ONLY = {"PROVENANCE.md", "RATIFICATIONS.md", "ratifications.csv", "comments.jsonl"}  # evidence, read by compliance.ratifications and compliance.rules
FUNDAMENTAL = {"C029", "C087", "C098", "C100", "C105", "C111", "C138", "C182", "C155", "P029"}

@pytest.fixture(scope="module")
def entries() -> list[CorpusEntry]:
    return load_entries()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _corpus_texts() -> list[Path]:
    return [
        p
        for p in CORPUS_DIR.rglob("*")
        if p.is_file() and not p.name.endswith(".meta.yaml") and p.name not in EVIDENCE_ONLY
    ]


def _sources() -> dict[str, str]:
    """Path under ../shared/sources → SHA-256 of the copy, as recorded in the fixture."""
    lines = [line.split(None, 1) for line in SOURCES.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    return {path: digest for digest, path in lines}


def test_every_recorded_source_text_has_exactly_one_identical_copy_in_the_corpus() -> None:
    by_hash: dict[str, list[Path]] = defaultdict(list)
    for copy in _corpus_texts():
        by_hash[_sha(copy)].append(copy)
    texts = {path: digest for path, digest in _sources().items() if Path(path).name not in EVIDENCE_ONLY}
    assert texts
    for path, digest in texts.items():
        copies = by_hash.get(digest, [])
        assert len(copies) == 1, f"{path}: {len(copies)} identical copies in corpora/"


# ../shared beside the clone, as CI lays it out; SHARED_SOURCES names it elsewhere (a git worktree)
SHARED = Path(os.environ.get("SHARED_SOURCES") or Path(__file__).resolve().parents[1].parent / "shared" / "sources")
# Shared sources that are deliberately not corpus copies, with the reason: the readers and the precision of the
# rules are tested on them (article counts, conservation, language and kind detection), not reported on.
NOT_CORPUS_COPIES = {
    "national_laws/ru/codes/": "the 23 Russian federal codes not about labour: precision and reader controls",
    "national_laws/kg/family-code-2003.ru.2025-07-17.docx": "Kyrgyz Family Code: a .docx reader control",
    "national_laws/kg/land-code-2025.ru.2025-07-18.docx": "Kyrgyz Land Code: a .docx reader control",
}


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/sources is not present")
def test_every_shared_source_text_has_exactly_one_identical_copy_in_the_corpus() -> None:
    recorded = _sources()
    by_hash: dict[str, list[Path]] = defaultdict(list)
    for copy in _corpus_texts():
        by_hash[_sha(copy)].append(copy)
    checked = 0
    for source in sorted(p for p in SHARED.rglob("*") if p.is_file()):
        rel = source.relative_to(SHARED).as_posix()
        if rel.startswith("incoming/") or any(rel.startswith(k) for k in NOT_CORPUS_COPIES):
            continue
        if source.name in EVIDENCE_ONLY:
            assert _sha(CORPUS_DIR / rel) == _sha(source), f"{rel}: the corpus copy differs from the shared one"
            continue
        assert recorded.get(rel) == _sha(source), f"{rel}: not recorded in {SOURCES.name} (or recorded with another hash)"
        assert len(by_hash.get(_sha(source), [])) == 1, f"{rel}: not exactly one identical copy in corpora/"
        checked += 1
    assert checked


def test_every_corpus_text_is_a_copy_of_a_recorded_source() -> None:
    recorded = set(_sources().values())
    for text in _corpus_texts():
        assert _sha(text) in recorded, f"{text}: not a copy of a source in {SOURCES.name}"


def test_provenance_evidence_is_copied_unchanged_beside_the_texts() -> None:
    evidence = {path: digest for path, digest in _sources().items() if Path(path).name in EVIDENCE_ONLY}
    for path, digest in evidence.items():
        assert _sha(CORPUS_DIR / path) == digest, path
    for text in _corpus_texts():
        parts = text.relative_to(CORPUS_DIR).parts
        folder = parts[:2] if parts[0] == "national_laws" else parts[:1]  # national_laws/kz, conventions
        assert "/".join([*folder, "PROVENANCE.md"]) in evidence, text


def test_every_corpus_text_is_described_by_exactly_one_meta_yaml(entries: list[CorpusEntry]) -> None:
    described: dict[Path, list[str]] = defaultdict(list)
    for entry in entries:
        for text in (sorted(entry.file.glob("*.md")) if entry.file.is_dir() else [entry.file]):
            described[text.resolve()].append(entry.id)
    for text in _corpus_texts():
        assert len(described.get(text.resolve(), [])) == 1, f"{text}: described by {described.get(text.resolve())}"


def test_every_meta_yaml_validates_and_its_sha256_matches_the_text(entries: list[CorpusEntry]) -> None:
    assert len(entries) == len(list(CORPUS_DIR.rglob("*.meta.yaml")))
    for entry in entries:
        assert entry.meta.sha256 == sha256_of(entry.file), entry.id
        assert entry.file == (CORPUS_DIR / str(entry.meta.path)).resolve()


def test_ids_are_unique_and_agree_with_the_file_layout(entries: list[CorpusEntry]) -> None:
    ids = [e.id for e in entries]
    assert len(ids) == len(set(ids))
    for entry in entries:
        meta = entry.meta
        if meta.country is None:  # ILO instrument: conventions/<NUMBER>.en.txt
            assert meta.path == f"conventions/{meta.number}.{meta.language}.txt"
            assert entry.id == meta.number
            continue
        assert meta.edition is not None, entry.id
        iso2, slug = entry.base.split("/")
        assert iso2 == meta.country.lower()
        suffix = f":{meta.language}" if entry.second_language else ""
        assert entry.id == f"{entry.base}@{meta.edition.isoformat()}{suffix}"
        stem = meta.edition.isoformat() + (f".{meta.language}" if entry.second_language else "")
        assert Path(str(meta.path)).parent.as_posix() == f"national_laws/{iso2}/{slug}"
        name = Path(str(meta.path)).name  # 2021-07-01.kk.md, 2023-08-04.html, or the TJ folder 2026-06-17
        assert name == stem or (name.startswith(stem + ".") and name.count(".") == stem.count(".") + 1), entry.id


def test_meta_yaml_is_paired_with_its_text_by_file_name(entries: list[CorpusEntry]) -> None:
    # C087.en.txt beside C087.meta.yaml; 2021-07-01.kk.md beside 2021-07-01.kk.meta.yaml;
    # the TJ folder 2026-06-17/ beside 2026-06-17.meta.yaml
    for entry in entries:
        if entry.meta.country is None:
            stem = entry.file.name.split(".")[0]
        else:
            stem = entry.file.name if entry.file.is_dir() else entry.file.name.rsplit(".", 1)[0]
        assert (entry.file.parent / f"{stem}.meta.yaml").is_file(), entry.id


def test_find_resolves_exact_ids(entries: list[CorpusEntry]) -> None:
    for entry in entries:
        assert find(entry.id) == entry
    assert find("kz/trade-unions-law@2020-05-04").meta.edition.isoformat() == "2020-05-04"  # type: ignore[union-attr]
    assert find("C087").meta.short_title == "Freedom of Association and Protection of the Right to Organise Convention"


def test_find_without_edition_returns_the_newest_edition_in_the_main_language() -> None:
    assert find("kz/trade-unions-law").id == "kz/trade-unions-law@2023-04-18"
    assert find("kz/criminal-code-art174").id == "kz/criminal-code-art174@2020-06-26"
    assert find("kz/trade-unions-law:kk").id == "kz/trade-unions-law@2021-07-01:kk"
    assert find("ru/labour-code").id == "ru/labour-code@2023-08-04"


def test_find_accepts_instrument_numbers_without_leading_zeros() -> None:
    assert find("C87").id == "C087"
    assert find("c098").id == "C098"
    assert find("P29").id == "P029"


@pytest.mark.parametrize(
    "ref", ["kz/trade-union-law", "kz/trade-unions-law@2019-01-01", "C088", "uz/labour-code:ru", ""]
)
def test_find_rejects_unknown_refs(ref: str) -> None:
    with pytest.raises(CorpusError, match="no document"):
        find(ref)


def test_unknown_ref_error_suggests_close_ids() -> None:
    with pytest.raises(CorpusError) as exc:
        find("kz/trade-union-law")
    assert "kz/trade-unions-law" in str(exc.value)


def test_editions_are_listed_oldest_first_without_the_other_language_text() -> None:
    main = editions("KZ", "trade-unions-law")
    assert [e.id for e in main] == [
        "kz/trade-unions-law@2020-05-04",
        "kz/trade-unions-law@2021-07-01",
        "kz/trade-unions-law@2023-04-18",
    ]
    assert [e.id for e in editions("kz", "trade-unions-law", language="kk")] == ["kz/trade-unions-law@2021-07-01:kk"]
    assert [e.meta.edition.isoformat() for e in editions("kz", "criminal-code-art174")] == [  # type: ignore[union-attr]
        "2015-11-13",
        "2020-06-26",
    ]
    assert editions("kz", "no-such-law") == []


def test_conventions_carry_number_year_and_category(entries: list[CorpusEntry]) -> None:
    instruments = [e for e in entries if e.meta.country is None]
    assert {e.file for e in instruments} == set((CORPUS_DIR / "conventions").glob("*.txt"))
    for entry in instruments:
        meta = entry.meta
        assert meta.number == entry.id and meta.year and meta.language == "en"
        assert meta.kind == ("protocol" if meta.number.startswith("P") else "convention")
        assert meta.category in {"fundamental", "governance", "technical"}


def test_fundamental_conventions_and_protocol_29_are_category_fundamental(entries: list[CorpusEntry]) -> None:
    fundamental = {e.id for e in entries if e.meta.category == "fundamental"}
    assert fundamental == FUNDAMENTAL
    governance = {e.id for e in entries if e.meta.category == "governance"}
    assert governance == {"C081", "C122", "C129", "C144"}


def test_known_gaps_of_the_sources_are_stated_in_provenance() -> None:
    assert "Article 7" in str(find("P029").meta.provenance)
    tj = find("tj/labour-code")
    assert tj.file.is_dir() and len(list(tj.file.glob("glava-*.md"))) == 39
    assert "29" in str(tj.meta.provenance) and "33" in str(tj.meta.provenance)
    assert "12.11.2025" in str(find("uz/labour-code").meta.provenance)


def test_national_laws_state_country_language_kind_and_edition(entries: list[CorpusEntry]) -> None:
    laws = [e for e in entries if e.meta.country is not None]
    assert {e.meta.country for e in laws} == {"KZ", "RU", "UZ", "TJ", "KG", "TM"}
    kinds = {
        "criminal code", "labour code", "trade union law", "assembly law",
        "public associations law", "administrative offences code", "constitution", "penal enforcement code",
    }
    for entry in laws:
        meta = entry.meta
        assert meta.kind in kinds, entry.id
        assert meta.language in {"ru", "kk", "uz-Latn", "tk"}, entry.id
        assert meta.title and meta.title_en and meta.short_title and meta.source and meta.provenance, entry.id


def test_folder_document_hash_is_the_hash_of_its_chapters_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "glava-02.md").write_bytes("Глава 2\n".encode())
    (tmp_path / "glava-01.md").write_bytes("Глава 1\n".encode())
    (tmp_path / "glava-03.txt").write_bytes("Глава 3\n".encode())  # read as a chapter, so hashed as one
    (tmp_path / "notes.pdf").write_bytes(b"not a chapter")
    expected = hashlib.sha256("Глава 1\nГлава 2\nГлава 3\n".encode()).hexdigest()
    assert sha256_of(tmp_path) == expected
    assert sha256_of(tmp_path / "glava-01.md") == hashlib.sha256("Глава 1\n".encode()).hexdigest()


def test_format_table_lists_every_document_with_its_columns(entries: list[CorpusEntry]) -> None:
    table = format_table(entries).splitlines()
    assert table[0].split() == ["id", "country", "language", "kind", "edition", "title"]
    assert len(table) == len(entries) + 1
    row = next(line for line in table if line.startswith("kz/trade-unions-law@2021-07-01:kk "))
    assert row.split()[1:4] == ["KZ", "kk", "trade"] and "2021-07-01" in row
    assert row.endswith("Кәсiптiк одақтар туралы")
    assert next(line for line in table if line.startswith("C087 ")).split()[1:3] == ["-", "en"]


def _write_meta(root: Path, name: str, body: str) -> Path:
    (root / "conventions").mkdir(parents=True, exist_ok=True)
    (root / "conventions" / "C001.en.txt").write_text("Article 1\n", encoding="utf-8")
    meta = root / "conventions" / name
    meta.write_text(body, encoding="utf-8")
    return meta


def test_malformed_yaml_is_reported_with_file_and_line(tmp_path: Path) -> None:
    meta = _write_meta(tmp_path, "C001.meta.yaml", "id: C001\npath: conventions/C001.en.txt\ntitle: [unclosed\n")
    with pytest.raises(CorpusError) as exc:
        load_entries(tmp_path)
    assert str(meta) in str(exc.value) and isinstance(exc.value, ValueError)
    assert f"{meta}:" in str(exc.value)


def test_invalid_field_is_reported_with_file_line_and_field(tmp_path: Path) -> None:
    body = "id: C001\npath: conventions/C001.en.txt\nyear: nineteen-nineteen\n"
    meta = _write_meta(tmp_path, "C001.meta.yaml", body)
    with pytest.raises(CorpusError, match=rf"{meta}:3: year:"):
        load_entries(tmp_path)


def test_unknown_field_and_missing_text_are_rejected(tmp_path: Path) -> None:
    meta = _write_meta(tmp_path, "C001.meta.yaml", "id: C001\npath: conventions/C001.en.txt\nauthor: ILO\n")
    with pytest.raises(CorpusError, match=rf"{meta}:3: author:"):
        load_entries(tmp_path)
    meta.write_text("id: C001\npath: conventions/C002.en.txt\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="does not exist"):
        load_entries(tmp_path)


def test_duplicate_ids_are_rejected(tmp_path: Path) -> None:
    _write_meta(tmp_path, "C001.meta.yaml", "id: C001\npath: conventions/C001.en.txt\n")
    _write_meta(tmp_path, "C001-copy.meta.yaml", "id: C001\npath: conventions/C001.en.txt\n")
    with pytest.raises(CorpusError, match="already used"):
        load_entries(tmp_path)


def test_corpus_folder_can_be_overridden_by_environment(tmp_path: Path) -> None:
    env = {**os.environ, "COMPLIANCE_CORPUS": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", "from compliance.corpus import CORPUS_DIR; print(CORPUS_DIR)"],
        env=env, capture_output=True, text=True, check=True,
    )
    assert Path(out.stdout.strip()) == tmp_path


def test_a_work_groups_its_excerpts_by_edition_with_their_extent() -> None:
    from compliance.corpus import corpus_works, extent_label

    cc = next(w for w in corpus_works() if w.id == "kz/criminal-code")
    assert [str(x.date) for x in cc.expressions] == ["2015-11-13", "2020-06-26", "2022-09-11", "2023-01-01", "2025-09-16"]
    assert [extent_label(p) for p in cc.expressions[-1].portions] == ["chapters 4–5", "chapters 9–10"]
    assert extent_label(cc.expressions[1].portions[0]) == "art. 174 only"
    assert cc.expressions[1].amended_by == "Law of 26.06.2020 No. 349-VI"
    tu = next(w for w in corpus_works() if w.id == "kz/trade-unions-law")
    assert [x.id for x in tu.translations] == ["kz/trade-unions-law@2021-07-01:kk"] and tu.gaps() == [2022]
    works = {w.id for w in corpus_works()}
    assert {"kz/labour-code", "kz/admin-offences-code", "kg/constitution", "kg/criminal-executive-code",
            "ru/criminal-executive-code", "tm/labour-code", "uz/labour-code", "tj/labour-code"} <= works


def test_work_and_work_at_date_are_ids_beside_the_file_level_aliases() -> None:
    from compliance.corpus import load_document, resolve

    assert find("kz/criminal-code@2020-06-26").id == "kz/criminal-code-art174@2020-06-26"
    assert find("kz/labour-code").id == "kz/labour-code-sec001-general-provisions@2025-01-01"
    assert len(resolve("kz/criminal-code")) == 2
    with pytest.raises(CorpusError, match="2 portions"):
        find("kz/criminal-code@2025-09-16")
    doc = load_document("kz/criminal-code@2025-09-16")  # both chapters' excerpts, offsets into the joined text
    assert doc.document.id == "kz/criminal-code@2025-09-16" and doc.document.extent == "excerpt"
    art = doc.tree.article("274")
    assert art is not None and doc.source_text[art.start:].startswith("Статья 274.")
    assert len({a.eid for a in doc.articles()}) == len(doc.articles())
    labour = load_document("kz/labour-code@2024-06-16")  # arts. 167–178 are a part of Section 3: read once
    assert len({a.eid for a in labour.articles()}) == len(labour.articles()) == 32


def test_one_extent_reading_for_the_metadata_of_every_text(entries: list[CorpusEntry]) -> None:
    by_id = {e.id: e.extent for e in entries if e.meta.country}
    assert by_id["tj/labour-code@2026-06-17"] == "excerpt"  # «39 of 41 chapters»
    assert by_id["kz/trade-unions-law@2023-04-18"] == "whole"
    assert by_id["kz/criminal-code-art174@2015-11-13"] == "excerpt"
    assert all(v in ("whole", "excerpt") for v in by_id.values())


def test_corpus_list_groups_the_texts_by_work(capsys: pytest.CaptureFixture[str]) -> None:
    from compliance.cli import main

    assert main(["corpus", "list"]) == 0
    out = capsys.readouterr().out
    block = out.split("kz/criminal-code  ", 1)[1].split("\n\n", 1)[0]
    assert "kz/criminal-code-art174@2015-11-13" in block and "chapters 9–10" in block
    assert "no edition in the corpus for 2016–2019, 2021, 2024" in block
