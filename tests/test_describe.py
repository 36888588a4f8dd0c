"""A law describes itself: every corpus document, read without its meta.yaml, states its kind, title, act
number, adoption date and edition (latest amending act) as the metadata records them — except where the text
simply does not say it (listed below with the reason)."""

from __future__ import annotations

import datetime as _dt
import re
import shutil
from pathlib import Path

import pytest

from compliance.corpus import CORPUS_DIR, CorpusEntry, load_entries
from compliance.models import Document
from compliance.parse import parse_file, parse_text
from compliance.parse.describe import describe

FIELDS = ("kind", "title", "act_number", "adopted", "edition")

# The zan.gov.kz excerpts are one chapter or a few articles cut out of a code: no heading, no preface.
_KZ_EXCERPT = "an excerpt of a code (a chapter or articles): the text has no heading or preface naming the code"
_ZAN_EDITION = "the edition is the date of the zan.gov.kz page; the text's latest note names an earlier act"
_NO_ACT = "the text (title, preamble, articles) never states the law's own number and date"
# …though the latest note of these names the act of the page's date
_EDITION_STATED = {"criminal-code-art174@2020-06-26", "labour-code-arts166-178@2020-06-10"}
EXCEPTIONS: dict[str, dict[str, str]] = {
    **{
        f"kz/{slug}": {"title": _KZ_EXCERPT, "act_number": _KZ_EXCERPT, "adopted": _KZ_EXCERPT}
        # a criminal or offences code's excerpt tells its kind by how its sanctions are worded; a labour code's not
        | ({"kind": _KZ_EXCERPT} if slug.startswith("labour-code") else {})
        | ({} if slug in _EDITION_STATED else {"edition": _ZAN_EDITION})
        for slug in (
            "admin-offences-code-ch27-arts457-509-incl-art488@2024-06-16", "criminal-code-art174@2015-11-13",
            "criminal-code-art174@2020-06-26", "criminal-code-arts400-406@2015-11-13",
            "criminal-code-arts400-406@2023-01-01", "criminal-code-ch03-constitutional-rights-arts145-159@2022-09-11",
            "criminal-code-ch04-05-arts160-186-incl-art174@2025-09-16",
            "criminal-code-ch09-10-arts250-295-1-incl-art274@2025-09-16", "labour-code-arts166-178@2020-06-10",
            "labour-code-arts167-178@2024-06-16", "labour-code-sec001-general-provisions@2025-01-01",
            "labour-code-sec003-social-partnership-disputes-strikes@2019-11-26",
            "labour-code-sec003-social-partnership-disputes-strikes@2024-06-16",
        )
    },
    "kg/constitution@2021-05-05": {"edition": "never amended: the edition is the date of the law that put it in "
                                              "force («Введена в действие Законом … от 5 мая 2021 года»), no amending act"},
    "kz/peaceful-assemblies-law@2020-05-25": {"act_number": _NO_ACT, "adopted": _NO_ACT,
                                              "edition": "original edition: no amending act is named"},
    "kz/peaceful-assemblies-law@2025-01-10": {"act_number": _NO_ACT, "adopted": _NO_ACT},
    "kz/public-associations-law@2023-12-21": {"act_number": _NO_ACT, "adopted": _NO_ACT},
    "kz/trade-unions-law@2020-05-04": {"act_number": _NO_ACT, "adopted": _NO_ACT},
    "kz/trade-unions-law@2023-04-18": {"act_number": _NO_ACT, "adopted": _NO_ACT, "edition": _ZAN_EDITION},
    "kz/trade-unions-law@2021-07-01": {"edition": _ZAN_EDITION},
    "kz/trade-unions-law@2021-07-01:kk": {"edition": _ZAN_EDITION},
    "uz/labour-code@2025-12-12": {
        "adopted": "the saved lex.uz text does not print the code's adoption date (the portal shows it beside)",
        "edition": "the edition is the date the lex.uz page was saved; the latest note names the law of 11.11.2025",
    },
}

LAWS = [e for e in load_entries() if e.meta.country and not e.meta.number]


def _without_meta(entry: CorpusEntry, tmp: Path) -> Document:
    tmp.mkdir(parents=True, exist_ok=True)
    copy = tmp / entry.file.name
    if entry.file.is_dir():
        shutil.copytree(entry.file, copy)
    else:
        shutil.copyfile(entry.file, copy)
    return parse_file(copy)


def _same(found: object, recorded: object) -> bool:
    if isinstance(recorded, str) and isinstance(found, str):
        return found.casefold() == recorded.casefold()
    return found == recorded


@pytest.mark.parametrize("entry", LAWS, ids=[e.id for e in LAWS])
def test_a_corpus_law_without_metadata_states_what_its_meta_yaml_records(entry: CorpusEntry, tmp_path: Path) -> None:
    doc = _without_meta(entry, tmp_path)
    exceptions = EXCEPTIONS.get(entry.id, {})
    for name in FIELDS:
        recorded = getattr(entry.meta, name)
        if recorded is None or name in exceptions:
            continue
        assert _same(getattr(doc.document, name), recorded), f"{entry.id}: {name}"
        assert name in doc.document.inferred, f"{entry.id}: {name} not marked as inferred"
    assert doc.document.country == entry.meta.country or entry.id == "kz/criminal-code-art174@2015-11-13"


def test_every_exception_is_still_needed(tmp_path: Path) -> None:
    """An exception the reader has outgrown is removed, so that the list stays honest."""
    by_id = {e.id: e for e in LAWS}
    for doc_id, fields in EXCEPTIONS.items():
        entry = by_id[doc_id]
        doc = _without_meta(entry, tmp_path / doc_id.replace("/", "_").replace(":", "_"))
        for name in fields:
            assert not _same(getattr(doc.document, name), getattr(entry.meta, name)), f"{doc_id}: {name} now read right"


def test_metadata_wins_and_nothing_is_inferred_beside_a_meta_yaml() -> None:
    entry = next(e for e in LAWS if e.id == "ru/labour-code@2023-08-04")
    meta = parse_file(entry.file).document
    assert (meta.kind, meta.act_number, meta.extent, meta.inferred) == ("labour code", "197-ФЗ", "whole", [])


def test_excerpt_is_marked_from_provenance_or_numbering() -> None:
    art174 = next(e for e in LAWS if e.id == "kz/criminal-code-art174@2020-06-26")
    assert parse_file(art174.file).document.extent == "excerpt"
    doc = parse_text("Статья 174. Разжигание розни\n1. Текст.\nСтатья 175. Другое\n1. Текст.")
    assert (doc.document.extent, "extent" in doc.document.inferred) == ("excerpt", True)
    assert parse_text("Статья 1. Цели\n1. Текст.").document.extent == "whole"


@pytest.mark.parametrize(
    ("heading", "kind", "amended"),
    [
        # constructed prefaces in the shapes the issue names (marked: not taken from an official text)
        ("УГОЛОВНЫЙ КОДЕКС КЫРГЫЗСКОЙ РЕСПУБЛИКИ\nот 28 октября 2021 года № 127\n(В редакции Закона КР от 5 мая 2023 года № 90)",
         "criminal code", _dt.date(2023, 5, 5)),
        (("Кодекс Российской Федерации об административных правонарушениях\n"
          "(в ред. Федерального закона от 24.06.2023 № 281-ФЗ)\nПринят 20 декабря 2001 года"),
         "administrative offences code", _dt.date(2023, 6, 24)),
        ("Уголовно-исполнительный кодекс Республики Казахстан", "penal enforcement code", None),
    ],
)
def test_constructed_preface_gives_kind_and_latest_amendment(heading: str, kind: str, amended: _dt.date | None) -> None:
    doc = parse_text(heading + "\nСтатья 1. Цели\n1. Текст.")
    assert doc.document.kind == kind
    if amended:
        assert doc.document.edition == amended


def test_describe_reads_the_signature_at_the_end() -> None:
    text = "Трудовой кодекс Российской Федерации\nСтатья 1. Цели\nТекст.\nПрезидент\nМосква, Кремль\n30 декабря 2001 года\n№ 197-ФЗ\n"
    doc = parse_text(text)
    found = describe(doc.source_text, doc.tree)
    assert (found.act_number, found.adopted, found.country) == ("197-ФЗ", _dt.date(2001, 12, 30), "RU")


@pytest.mark.parametrize(
    ("folder", "kind"),
    [
        ("kz/criminal-code-arts400-406", "criminal code"),
        ("kz/criminal-code-ch03-constitutional-rights-arts145-159", "criminal code"),
        ("kz/admin-offences-code-ch27-arts457-509-incl-art488", "administrative offences code"),
    ],
)
def test_headless_kazakh_excerpt_names_its_country_kind_and_extent_without_metadata(
    folder: str, kind: str, tmp_path: Path
) -> None:
    source = max((CORPUS_DIR / "national_laws" / folder).glob("*.md"))
    copy = tmp_path / "excerpt.md"  # no meta.yaml beside it
    copy.write_bytes(source.read_bytes())
    meta = parse_file(copy).document
    assert (meta.country, meta.kind, meta.extent) == ("KZ", kind, "excerpt")
    assert {"country", "kind", "extent"} <= set(meta.inferred or [])


def test_country_and_sanction_counts_are_those_of_a_full_scan_wherever_the_word_test_skips_a_branch() -> None:
    """Each branch of a country's names and of a kind's sanction wording is scanned only where the text's
    `.lower()` holds a string every match of it holds; the counts are a full scan's of the whole alternation,
    on every corpus law and on spellings `.lower()` keeps apart from the strings ("TÜRKMENİSTAN" lowers to
    "türkmeni̇stan"), with some branches present and others not."""
    from compliance.parse.describe import _vocab

    vocab = _vocab()
    counted = [*vocab.countries.values(), *(c for _, c in vocab.body_kinds)]
    assert sum(bool(n) for c in counted for n in c.needles) >= 12  # the test below tests the word test
    assert any(not n for c in counted for n in c.needles)  # and branches scanned always ("\bРК\b")
    texts = [parse_file(e.file).source_text[:200_000] for e in load_entries() if e.meta.country]
    texts += ["TÜRKMENİSTAN", "Туркменистана", "OʻZBEKISTON RESPUBLIKASI", "Республика Казахстан, РК, КР",
              "НАКАЗЫВАЕТСЯ ШТРАФОМ", "Российская  Федерация; Российская Федерация", "в РК и рк", "КР",
              "Кыргызская Республика (КР)", "влечет штраф; жазаланады"]
    for text in texts:
        lower = text.lower()
        for c in counted:
            full = re.compile("|".join(c.branches), re.IGNORECASE)
            assert c.count(text, lower) == len(full.findall(text)), (full.pattern, text[:60])


@pytest.mark.parametrize(
    ("heading", "country", "kind"),
    [
        # constructed headings of codes the ILO supervisory bodies commented on, outside the corpus
        ("УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ\n9 июля 1999 г. № 275-З", "BY", "criminal code"),
        ("Кодекс Республики Беларусь об административных правонарушениях", "BY", "administrative offences code"),
        ("Уголовный кодекс Азербайджанской Республики", "AZ", "criminal code"),
        ("# Criminal Code of the Republic of Azerbaijan", "AZ", "criminal code"),
        ("Labour Code of the Republic of Uzbekistan", "UZ", "labour code"),
        ("Code of the Republic of Belarus on Administrative Offences", "BY", "administrative offences code"),
        ("Penal Enforcement Code of the Kyrgyz Republic", "KG", "penal enforcement code"),
        ("Law of Turkmenistan on Trade Unions", "TM", "trade union law"),
        ("LAW OF GEORGIA ON TRADE UNIONS", "GE", "trade union law"),
        ("Трудовой кодекс Грузии", "GE", "labour code"),
        # Acts of the Commonwealth tradition (no state the vocabulary names)
        ("THE TRADE UNION ACT", None, "trade union law"),
        ("INDUSTRIAL RELATIONS ACT 1967", None, "labour code"),
        ("The Employment Act, 2007", None, "labour code"),
        ("PRISONS ACT", None, "penal enforcement code"),
    ],
)
def test_a_heading_names_its_state_and_kind_in_russian_or_english(heading: str, country: str | None, kind: str) -> None:
    meta = parse_text(heading + "\nArticle 1. Aims\nText.\nСтатья 2. Цели\nТекст.").document
    assert (meta.country, meta.kind) == (country, kind)


def test_a_heading_in_capitals_keeps_the_capitals_of_its_state_when_the_preface_says_no_more() -> None:
    # constructed: the title line is the whole preface, so nothing else shows how its words are written
    titles = [parse_text(h + "\n\nСтатья 1. Цели\nТекст.").document.title for h in (
        "УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", "КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ ОБ АДМИНИСТРАТИВНЫХ ПРАВОНАРУШЕНИЯХ",
        "ТРУДОВОЙ КОДЕКС РК", "CRIMINAL CODE OF THE REPUBLIC OF AZERBAIJAN", "LABOUR CODE OF THE KYRGYZ REPUBLIC")]
    assert titles == ["Уголовный кодекс Республики Беларусь",
                      "Кодекс Республики Беларусь об административных правонарушениях", "Трудовой кодекс РК",
                      "Criminal Code of the Republic of Azerbaijan", "Labour Code of the Kyrgyz Republic"]


def test_an_english_act_s_title_in_capitals_is_read_in_title_case() -> None:
    # constructed: an English Act keeps the capitals of its title's words; a Russian or Uzbek code's title is in
    # sentence case, as those codes print it
    def title(heading: str) -> str | None:
        return parse_text(f"{heading}\n1. Short title\nText.\n").document.title

    assert title("INDUSTRIAL RELATIONS ACT 1967") == "Industrial Relations Act 1967"
    assert title("LAW OF GEORGIA ON TRADE UNIONS") == "Law of Georgia on Trade Unions"
    assert title("MEHNAT KODEKSI") == "Mehnat kodeksi"
