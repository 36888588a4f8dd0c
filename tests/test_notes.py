"""Editorial / amendment notes → AmendmentEvents (compliance.parse.notes).

Real corpus first: every KZ "Сноска."/"Ескерту." line, every pravo.gov.ru mark of the RF Labour Code and
every parenthesised lex.uz line of the UZ Labour Code is parsed, and the counts observed when this module was
written are asserted exactly, so a regression shows as a changed number. Constructed examples come second and
are marked "constructed".
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from compliance.parse.notes import is_repealed, note_kind, parse_date, parse_events

# The bundled corpus copies of the sources (byte for byte, see tests/test_corpus.py).
LAWS = Path(__file__).resolve().parents[1] / "corpora" / "national_laws"
KZ = LAWS / "kz"
RU_HTML = LAWS / "ru" / "labour-code" / "2023-08-04.html"
UZ_TXT = LAWS / "uz" / "labour-code" / "2025-12-12.txt"

def _kz_files() -> list[tuple[Path, str]]:
    files = sorted(p for p in KZ.glob("*/*.md"))
    return [(p, "kk" if p.name.endswith(".kk.md") else "ru") for p in files]


@cache
def _kz_lines() -> tuple[tuple[str, str], ...]:
    """(line, language) of every line of the KZ laws (PROVENANCE.md excluded)."""
    return tuple((ln, lang) for p, lang in _kz_files() for ln in p.read_text("utf-8").splitlines())


@cache
def _kz_footnotes() -> tuple[tuple[str, str], ...]:
    return tuple((ln, lang) for ln, lang in _kz_lines() if "Сноска." in ln or "Ескерту." in ln)


@cache
def _ru_paragraphs() -> tuple[tuple[str, str | None], ...]:
    """(text of the <p>, its pravo.gov.ru marks joined) for every paragraph; tags stripped, &nbsp; → space."""
    from lxml import html

    def clean(s: str) -> str:
        return re.sub(r"\s+", " ", s.replace("\xa0", " ")).strip()

    out = []
    for p in html.parse(str(RU_HTML)).getroot().iter("p"):
        marks = [m for m in p.xpath('.//span[@class="mark"]') if not m.xpath('ancestor::span[@class="mark"]')]
        note = clean(" ".join(m.text_content() for m in marks)) if marks else None
        out.append((clean(p.text_content()), note))
    return tuple(out)


def _ru_marks() -> list[str]:
    return [note for _, note in _ru_paragraphs() if note is not None]


@cache
def _uz_lines() -> tuple[str, ...]:
    return tuple(UZ_TXT.read_text("utf-8").splitlines())


def _uz_notes() -> list[str]:
    return [ln for ln in _uz_lines() if ln.startswith("(")]


def _kz_line(fragment: str) -> str:
    return next(ln for ln, _ in _kz_lines() if fragment in ln)


def _outside_parentheses(text: str) -> str:
    depth, out = 0, []
    for c in text:
        depth += c == "("
        if depth == 0:
            out.append(c)
        depth -= c == ")" and depth > 0
    return "".join(out)


# -- Kazakhstan: "Сноска." / "Ескерту." --------------------------------------------------------------------


def test_every_kz_footnote_names_its_acts_with_date_and_number() -> None:
    notes = _kz_footnotes()
    assert Counter(lang for _, lang in notes) == {"ru": 250, "kk": 17}
    events = []
    for line, lang in notes:
        got = parse_events(line, lang)
        assert note_kind(line, lang) == "amendment", line
        # one event per "… № N" outside the entry-into-force remarks, each with its date and number
        assert len(got) == _outside_parentheses(line).count("№"), line
        assert all(e.date is not None and e.act_number is not None and e.act for e in got), line
        assert all(e.act_number in line and e.act in line for e in got)  # verbatim
        events += got
    assert len(events) == 449
    assert Counter(e.action for e in events) == {"amended": 393, "restated": 37, "repealed": 10, "inserted": 9}


def test_entry_into_force_dates_are_not_acts() -> None:
    for line, lang in _kz_footnotes():
        acts_part = _outside_parentheses(line)
        for e in parse_events(line, lang):
            assert e.date is not None
            numeric = e.date.strftime("%d.%m.%Y")
            assert numeric in acts_part or str(e.date.year) in acts_part, (e, line)
    line = _kz_line("Статья 4 с изменениями, внесенными законами РК от 15.05.2007 № 253")
    assert "(вводятся в действие с 01.07.2023)" in line
    assert [str(e.date) for e in parse_events(line, "ru")] == ["2007-05-15", "2009-04-29", "2023-04-20"]


def test_one_event_per_act_of_a_list_keeping_homoglyphs() -> None:
    line = next(ln for ln, _ in _kz_footnotes() if "Статья 174 с изменениями" in ln and "№ 94-VIII" in ln)
    events = parse_events(line, "ru")
    assert [e.act_number for e in events] == ["12-VІ", "349-VI", "19-VIII", "94-VIII"]
    assert events[0].act_number == "12-V\u0406"  # Cyrillic І as in the source
    assert [e.date for e in events] == [
        dt.date(2016, 7, 26),
        dt.date(2020, 6, 26),
        dt.date(2023, 7, 10),
        dt.date(2024, 6, 19),
    ]
    assert {e.action for e in events} == {"amended"} and {e.target for e in events} == {"Статья 174"}
    assert events[0].act == "законами РК от 26.07.2016 № 12-VІ" and events[1].act == "от 26.06.2020 № 349-VI"


def test_heading_note_has_target_and_named_act() -> None:
    line = _kz_line("Сноска. Заголовок статьи 174 с изменением")
    assert line.startswith("> *")
    (e,) = parse_events(line, "ru")
    assert (e.action, e.act, e.act_number, e.date, e.target) == (
        "amended",
        "Законом РК от 26.06.2020 № 349-VI",
        "349-VI",
        dt.date(2020, 6, 26),
        "Заголовок статьи 174",
    )


def test_mixed_note_gives_each_act_the_action_of_its_clause() -> None:
    line = _kz_line("Статья 461 в редакции Закона РК от 20.04.2023 № 227-VII")
    assert [(e.action, e.act_number) for e in parse_events(line, "ru")] == [
        ("restated", "227-VII"),
        ("amended", "73-VIII"),
    ]
    line = _kz_line("Статья 294 с изменениями, внесенными Законом РК от 12.07.2018")
    assert [(e.action, e.act_number) for e in parse_events(line, "ru")] == [
        ("amended", "180-VІ"),
        ("restated", "186-VII"),
        ("restated", "111-VIII"),
    ]
    line = _kz_line("Глава 27 дополнена статьей 489-1")
    assert [(e.action, e.act_number, e.target) for e in parse_events(line, "ru")] == [
        ("inserted", "429-V", "Глава 27"),
        ("amended", "160-VI", "Глава 27"),
    ]


def test_clause_with_its_own_subject_gets_its_own_target() -> None:
    # constructed: a later ";"-clause names the part it repeals
    line = (
        "Сноска. Статья 5 с изменениями, внесенными законами РК от 10.10.2010 № 1-IV; "
        "пункт 3 исключен Законом РК от 01.01.2011 № 2-IV."
    )
    assert [(e.action, e.target) for e in parse_events(line, "ru")] == [
        ("amended", "Статья 5"),
        ("repealed", "пункт 3"),
    ]
    assert not is_repealed(line, "ru")


def test_russian_month_names_in_kz_footnotes() -> None:
    line = _kz_line("Статья 18 - в редакции Закона РК от 8 июля 2005 г.")
    (e,) = parse_events(line, "ru")
    assert (e.action, e.act_number, e.date, e.act) == (
        "restated",
        "67",
        dt.date(2005, 7, 8),
        "Закона РК от 8 июля 2005 г. № 67",
    )
    line = _kz_line("В статью 13 внесены изменения")
    assert "(вводится в действие с 1 января 2002 г.)" in line
    assert [(e.action, e.act_number, e.date) for e in parse_events(line, "ru")] == [
        ("amended", "39", dt.date(2000, 3, 23)),
        ("amended", "276", dt.date(2001, 12, 24)),
    ]
    line = _kz_line("Статья 22 с изменениями, внесенными Законом РК от 15 мая 2007 г. № 253.")
    assert [e.date for e in parse_events(line, "ru")] == [dt.date(2007, 5, 15)]


def test_kazakh_footnotes() -> None:
    line = _kz_line("Ескерту. 21-баптың тақырыбы жаңа редакцияда")
    (e,) = parse_events(line, "kk")
    assert (e.action, e.target, e.act, e.act_number, e.date) == (
        "restated",
        "21-баптың тақырыбы",
        "ҚР 25.05.2020 № 334-VІ",
        "334-VІ",
        dt.date(2020, 5, 25),
    )
    line = _kz_line("Ескерту. 10-бапқа өзгерістер енгізілді")
    assert [(e.action, e.act_number) for e in parse_events(line, "kk")] == [
        ("amended", "90-VI"),
        ("amended", "321-VI"),
    ]
    line = _kz_line("Ескерту. 33-бап алып тасталды")
    assert [e.action for e in parse_events(line, "kk")] == ["repealed"]
    assert is_repealed(line, "kk")
    assert is_repealed(_kz_line("4. Алып тасталды - ҚР 11.07.2017 № 90-VI Заңымен"), "kk")
    assert not is_repealed(_kz_line("Ескерту. 6-бап жаңа редакцияда"), "kk")


def test_kazakh_month_names() -> None:
    # constructed: the long Kazakh date form
    (e,) = parse_events("Ескерту. 5-бапқа өзгеріс енгізілді - ҚР 2020 жылғы 4 мамырдағы № 321-VI Заңымен.", "kk")
    assert (e.date, e.act_number, e.target) == (dt.date(2020, 5, 4), "321-VI", "5-бапқа")


def test_markdown_markers_do_not_change_the_reading() -> None:
    line = _kz_line("Сноска. Статья 459 исключена")
    assert line.startswith("*Сноска.")
    bare = line.strip("*")
    for variant in (line, bare, f"> {line}", f"   > {line}"):
        assert note_kind(variant, "ru") == "amendment"
        assert is_repealed(variant, "ru")
        assert [(e.action, e.act_number, e.target) for e in parse_events(variant, "ru")] == [
            ("repealed", "300-VІ", "Статья 459")
        ]


def test_kz_repealed_provisions() -> None:
    hits = [(ln, lang) for ln, lang in _kz_lines() if is_repealed(ln, lang)]
    assert len(hits) == 43
    assert all(re.search(r"[Ии]сключен|[Аа]лып тасталды", ln) for ln, _ in hits)
    footnotes = [ln for ln, _ in hits if "Сноска." in ln or "Ескерту." in ln]
    assert len(footnotes) == 10
    assert is_repealed(_kz_line("*2. Исключен Законом РК от 04.05.2020 № 321-VІ"), "ru")
    assert is_repealed(_kz_line("*41-8) исключен Законом РК от 08.07.2024"), "ru")
    assert is_repealed(_kz_line("Сноска. Преамбула исключена"), "ru")
    assert not is_repealed(_kz_line("Сноска. Статья 16 с изменениями"), "ru")
    assert not is_repealed(_kz_line("Кодекс дополнен статьей 460-2"), "ru")
    # law text that repeals *another* law is not itself repealed
    assert not is_repealed(_kz_line("2. Признать утратившим силу Закон Республики Казахстан от 9 апреля 1993"), "ru")


def test_repealed_item_is_law_text_with_an_event() -> None:
    line = _kz_line("*2. Исключен Законом РК от 04.05.2020 № 321-VІ")
    assert note_kind(line, "ru") is None  # the item itself, not a note about it
    (e,) = parse_events(line, "ru")
    assert (e.action, e.act_number, e.date) == ("repealed", "321-VІ", dt.date(2020, 5, 4))


def test_kz_editorial_notices() -> None:
    lines = [(ln, lang) for ln, lang in _kz_lines() if note_kind(ln, lang) == "editorial"]
    assert len(lines) == 9
    assert Counter(re.sub(r"\W+", " ", ln).split()[0] for ln, _ in lines) == {
        "Примечание": 3,
        "Конституционным": 3,
        "Нормативным": 3,
    }


def test_kz_law_text_is_never_taken_for_a_note() -> None:
    for line, lang in _kz_lines():
        kind = note_kind(line, lang)
        if "Сноска." in line or "Ескерту." in line:
            assert kind == "amendment", line
        elif kind is not None:
            assert kind == "editorial" and re.search(r"Примечание!|Конституционн", line), line
    for fragment in (
        "1. Интересы работников в пределах делегированных им полномочий представляют органы профессиональных",
        "2. Признать утратившим силу Закон Республики Казахстан от 9 апреля 1993",
        "Примечание. Ответственность по настоящей статье не распространяется",
    ):
        assert note_kind(_kz_line(fragment), "ru") is None


def test_law_sentence_mentioning_in_passing_is_not_a_note() -> None:
    # constructed
    for text in (
        "Статья 1 в редакции Закона о порядке принятия законов применяется к ним.",
        "Положения, изложенные в редакции, утвержденной Законом РК от 04.05.2020 № 321-VІ, применяются.",
        "Работодатель (в редакции трудового договора) обязан уведомить работника.",
        "(в соответствии с Законом РК от 04.05.2020 № 321-VІ)",
    ):
        assert note_kind(text, "ru") is None, text
        assert not is_repealed(text, "ru")


def test_footnote_without_an_act() -> None:
    # constructed
    assert note_kind("*Сноска. Текст статьи приведен с учетом изменений.*", "ru") == "footnote"
    assert parse_events("*Сноска. Текст статьи приведен с учетом изменений.*", "ru") == []


def test_suspension_and_act_without_number() -> None:
    # constructed
    (e,) = parse_events("*Сноска. Действие статьи 12 приостановлено Законом РК от 30.03.2020 № 307-VI.*", "ru")
    assert (e.action, e.target, e.act_number) == ("suspended", "Действие статьи 12", "307-VI")
    (e,) = parse_events("(Утратила силу - Федеральный закон от 30.06.2006)", "ru")
    assert (e.action, e.act, e.act_number) == ("repealed", "Федеральный закон от 30.06.2006", None)
    assert e.date == dt.date(2006, 6, 30)


# -- Russian Federation: pravo.gov.ru marks ----------------------------------------------------------------


def test_every_pravo_mark_names_acts_with_date_and_number() -> None:
    marks = _ru_marks()
    assert len(marks) == 1176
    events = []
    for note in marks:
        assert note_kind(note, "ru") == "amendment", note
        got = parse_events(note, "ru")
        assert got and len(got) == note.count("№"), note
        assert all(e.date is not None and e.act_number is not None and e.act_number.endswith("-ФЗ") for e in got)
        events += got
    assert len(events) == 1524
    assert Counter(e.action for e in events) == {"restated": 1263, "inserted": 208, "repealed": 53}
    assert Counter(e.target for e in events) == {
        None: 1317,
        "Статья": 109,
        "Наименование": 78,
        "Часть": 16,
        "Пункт": 2,
        "Строка": 2,
    }
    assert sum(is_repealed(n, "ru") for n in marks) == 53


def test_pravo_mark_shapes() -> None:
    marks = _ru_marks()
    one = next(n for n in marks if n == "(В редакции Федерального закона от 02.07.2013 № 185-ФЗ)")
    (e,) = parse_events(one, "ru")
    assert (e.action, e.act, e.act_number, e.date, e.target) == (
        "restated",
        "Федерального закона от 02.07.2013 № 185-ФЗ",
        "185-ФЗ",
        dt.date(2013, 7, 2),
        None,
    )
    both = next(n for n in marks if n.startswith("Часть. (Дополнение частью - Федеральный закон от 30.12.2006"))
    assert [(e.action, e.act_number) for e in parse_events(both, "ru")] == [
        ("inserted", "271-ФЗ"),
        ("repealed", "409-ФЗ"),
    ]
    assert is_repealed(both, "ru")
    heading = next(n for n in marks if n.startswith("(Наименование в редакции"))
    assert {e.target for e in parse_events(heading, "ru")} == {"Наименование"}
    assert not is_repealed(heading, "ru")
    gone = next(n for n in marks if n.startswith("(Статья утратила силу"))
    assert is_repealed(gone, "ru") and parse_events(gone, "ru")[0].target == "Статья"
    listed = next(n for n in marks if n.startswith("(В редакции федеральных законов от 24.07.2002 № 97-ФЗ"))
    assert [e.act_number for e in parse_events(listed, "ru")][:2] == ["97-ФЗ", "116-ФЗ"]


def test_pravo_law_text_is_never_taken_for_a_note() -> None:
    paragraphs = _ru_paragraphs()
    plain = [text for text, note in paragraphs if note is None]
    assert len(plain) == 3604
    assert Counter(note_kind(t, "ru") for t in plain) == {None: 3603, "editorial": 1}  # the Constitutional Court
    assert not any(is_repealed(t, "ru") for t in plain)
    # a paragraph of law text that ends with its mark is law text as a whole
    mixed = [text for text, note in paragraphs if note is not None and text != note]
    assert len(mixed) == 856
    flagged = [t for t in mixed if note_kind(t, "ru") == "amendment"]
    # … except where the text around the mark is only the item's label: "12) (Пункт утратил силу - …)"
    assert len(flagged) == 6 and all(re.fullmatch(r"(?:\d+\) )?\(.*\)", t) for t in flagged)
    assert sum(is_repealed(t, "ru") for t in flagged) == 4


def test_constitutional_court_remark_is_editorial() -> None:
    # constructed after the single "markx" span of the RF Labour Code
    text = "(С учетом постановлений Конституционного Суда Российской Федерации от 15.03.2005 № 3-П)"
    assert note_kind(text, "ru") == "editorial"


# -- Uzbekistan: lex.uz ------------------------------------------------------------------------------------


def test_every_lexuz_note_names_its_law_with_the_act_date() -> None:
    notes = _uz_notes()
    assert len(notes) == 80
    kinds = Counter(note_kind(n, "uz-Latn") for n in notes)
    assert kinds == {"amendment": 79, "metadata": 1}
    events = []
    for note in notes:
        got = parse_events(note, "uz-Latn")
        if note_kind(note, "uz-Latn") == "metadata":
            assert got == []  # publication list: registry numbers and publication dates, no act named
            continue
        assert len(got) == 1, note
        (e,) = got
        assert e.act_number is not None and re.fullmatch(r"OʻRQ-\d+", e.act_number)
        assert e.date is not None and f"{e.date.year}-yil {e.date.day}-" in note  # the act date, not publication
        assert e.target is not None and note.startswith(f"({e.target} ")
        events.append(e)
    assert Counter(e.action for e in events) == {"restated": 68, "inserted": 7, "repealed": 4}


def test_lexuz_note_fields() -> None:
    note = next(n for n in _uz_notes() if n.startswith("(4-moddaning ikkinchi qismi"))
    (e,) = parse_events(note, "uz-Latn")
    assert (e.action, e.act, e.act_number, e.date, e.target) == (
        "restated",
        "Oʻzbekiston Respublikasining 2024-yil 20-sentabrdagi OʻRQ-963-sonli Qonuni",
        "OʻRQ-963",
        dt.date(2024, 9, 20),
        "4-moddaning ikkinchi qismi",
    )
    entry = next(n for n in _uz_notes() if n.startswith("(100-moddaning ikkinchi qismi"))
    assert "Kuchga kirish sanasi — 2025-yil 25-sentabr" in entry
    assert [e.date for e in parse_events(entry, "uz-Latn")] == [dt.date(2025, 6, 23)]
    added = next(n for n in _uz_notes() if n.startswith("(269-moddaning ikkinchi qismi"))
    assert [(e.action, e.act_number) for e in parse_events(added, "uz-Latn")] == [("inserted", "OʻRQ-934")]
    dropped = next(n for n in _uz_notes() if "toʻrtinchi qismi" in n and "chiqarilgan" in n)
    assert [e.action for e in parse_events(dropped, "uz-Latn")] == ["repealed"]
    assert not is_repealed(dropped, "uz-Latn")  # a part was dropped; the note is not a repealed provision


def test_uzbek_apostrophe_variants_are_folded_but_reported_verbatim() -> None:
    # constructed: the real line of article 4 retyped with ASCII and typographic apostrophes
    note = (
        "(4-moddaning ikkinchi qismi O'zbekiston Respublikasining 2024-yil 20-sentabrdagi O‘RQ-963-sonli "
        "Qonuni tahririda — Qonunchilik ma’lumotlari milliy bazasi, 21.09.2024-y., 03/24/963/0735-son)"
    )
    assert note_kind(note, "uz") == "amendment"
    (e,) = parse_events(note, "uz")
    assert e.act_number == "O‘RQ-963" and e.act is not None and e.act.startswith("O'zbekiston")
    assert e.date == dt.date(2024, 9, 20)


def test_uzbek_repealed_article() -> None:
    # constructed
    note = (
        "(12-modda Oʻzbekiston Respublikasining 2024-yil 20-sentabrdagi OʻRQ-963-sonli Qonuniga asosan kuchini "
        "yoʻqotgan — Qonunchilik maʼlumotlari milliy bazasi, 21.09.2024-y., 03/24/963/0735-son)"
    )
    assert is_repealed(note, "uz-Latn")
    assert is_repealed("12-modda. Kuchini yoʻqotgan", "uz-Latn")


def test_lexuz_editorial_lines_and_law_text() -> None:
    kinds = Counter(note_kind(ln, "uz-Latn") for ln in _uz_lines())
    assert kinds == {None: 3645, "editorial": 80, "amendment": 79, "metadata": 1}
    assert note_kind("Oldingi tahrirga qarang.", "uz-Latn") == "editorial"
    assert note_kind("Hozirgi vaqtda mazkur hujjatga o‘zgartirish kiritilmoqda", "uz-Latn") == "editorial"
    sentence = next(ln for ln in _uz_lines() if "ariza oʻz kuchini yoʻqotadi" in ln)
    assert note_kind(sentence, "uz-Latn") is None and not is_repealed(sentence, "uz-Latn")


# -- dates, languages, odd input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("26.06.2020", "ru", dt.date(2020, 6, 26)),
        ("от 8 июля 2005 г. № 67", "ru", dt.date(2005, 7, 8)),
        ("15 мая 2007 г.", "ru", dt.date(2007, 5, 15)),
        ("21.12.2023 года", "ru", dt.date(2023, 12, 21)),
        ("2024-yil 20-sentabrdagi", "uz-Latn", dt.date(2024, 9, 20)),
        ("2023-yil 28-noyabrdagi", "uz-Latn", dt.date(2023, 11, 28)),
        ("2020 жылғы 4 мамырдағы", "kk", dt.date(2020, 5, 4)),
        ("8 July 2005", "en", dt.date(2005, 7, 8)),
        ("31.02.2020", "ru", None),  # no such day
        ("без даты", "ru", None),
    ],
)
def test_parse_date(text: str, language: str, expected: dt.date | None) -> None:
    assert parse_date(text, language) == expected


def test_language_tags() -> None:
    note = "(В редакции Федерального закона от 02.07.2013 № 185-ФЗ)"
    assert note_kind(note, "RU") == note_kind(note, "ru-KZ") == "amendment"
    assert note_kind("Oldingi tahrirga qarang.", "uz") == "editorial"
    with pytest.raises(ValueError, match="no note vocabulary"):
        parse_events(note, "xx")


def test_english_notes() -> None:
    # constructed
    text = "(As amended by Act No. 12 of 8 July 2005; repealed by Law No. 7/2010 of 1 March 2010)"
    assert note_kind(text, "en") == "amendment" and is_repealed(text, "en")
    assert [(e.action, e.act_number, e.date) for e in parse_events(text, "en")] == [
        ("amended", "12", dt.date(2005, 7, 8)),
        ("repealed", "7/2010", dt.date(2010, 3, 1)),
    ]


def test_odd_input_never_raises_and_reports_only_verbatim_text() -> None:
    # constructed: keyword soup
    words = [
        "(", ")", ";", "Сноска.", "Статья", "5", "в редакции", "Закона", "РК", "от", "01.02.2020", "№", "1-VI",
        "исключен", "Ескерту.", "ҚР", "Заңымен", "OʻRQ-1", "-sonli", "2024-yil", "3-mayda", "Qonuni", "tahririda",
        "*", ">", "\n", "—", "Утратила силу", "8 июля 2005 г.", "kuchini yoʻqotgan", "Oldingi tahrirga qarang.",
    ]  # fmt: skip
    rng = random.Random(7)
    for _ in range(400):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 25)))
        for language in ("ru", "kk", "uz-Latn", "en"):
            note_kind(text, language)
            is_repealed(text, language)
            for e in parse_events(text, language):
                for field in (e.act, e.act_number, e.target):
                    assert field is None or field in text
    assert parse_events("", "ru") == [] and note_kind("", "ru") is None and not is_repealed("", "ru")


def test_the_note_reader_answers_a_repeated_text_as_it_did_the_first_time() -> None:
    # constructed; a reader is asked the same notes and law lines over and over during one parse
    from compliance.parse.notes import NoteReader

    reader = NoteReader("ru")
    note = "(В редакции Федерального закона от 02.07.2013 № 185-ФЗ)"
    law = "1. Работник имеет право на отдых."
    assert reader.kind(law) is None and reader.kind(law) is None
    assert reader.kind(note) == "amendment" and reader.kind(note) == "amendment"


def test_repeal_phrases_are_found_in_every_language_in_any_letter_case() -> None:
    # constructed
    cases = {
        "ru": ["Статья 5. Утратила силу.", "(Часть утратила силу - Федеральный закон от 30.06.2006 № 90-ФЗ)",
               "2. Исключен Законом РК от 04.05.2020 № 321-VI.", "Признана утратившей силу"],
        "kk": ["4. Алып тасталды - ҚР 11.07.2017 № 90-VI Заңымен"],
        "uz-Latn": ["12-modda. Kuchini yoʻqotgan"],
    }  # fmt: skip
    for language, texts in cases.items():
        for text in texts:
            assert is_repealed(text, language), text
            assert is_repealed(text.upper(), language), text.upper()
    assert not is_repealed("Статья 6. Трудовой договор", "ru")


def test_notes_that_differ_only_in_digits_keep_their_own_events() -> None:
    # constructed
    from compliance.parse.notes import NoteReader

    reader = NoteReader("ru")
    a = "(В редакции Федерального закона от 02.07.2013 № 185-ФЗ)"
    b = "(В редакции Федерального закона от 12.11.2019 № 375-ФЗ)"
    assert [(e.act_number, str(e.date)) for e in reader.events(a)] == [("185-ФЗ", "2013-07-02")]
    assert [(e.act_number, str(e.date)) for e in reader.events(b)] == [("375-ФЗ", "2019-11-12")]


@pytest.mark.parametrize(
    ("path", "language"),
    [(RU_HTML, "ru"), (UZ_TXT, "uz-Latn"), (KZ / "admin-offences-code-ch27-arts457-509-incl-art488/2024-06-16.md", "ru")],
)
def test_every_corpus_note_is_read_by_one_reader_for_the_document_as_it_is_read_alone(path: Path, language: str) -> None:
    # one reader serves a whole parse, so notes that look alike (the same words, other dates and numbers)
    # meet in it; each must still get the kind, events and repeal answer of its own
    from compliance.parse import parse_file
    from compliance.parse.notes import NoteReader

    doc = parse_file(path)
    reader = NoteReader(language)
    texts = {n.text for node in doc.tree.walk() for n in node.notes} | {n.heading for n in doc.tree.walk() if n.heading}
    for text in sorted(texts):
        assert reader.kind(text) == note_kind(text, language), text
        assert reader.events(text) == parse_events(text, language), text
        assert reader.repealed(text) == is_repealed(text, language), text
