"""Language detection runs on the text a reader extracted and tells the languages of the region apart: real
texts where the corpus or ../shared has one, constructed snippets (marked) where none exists."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from compliance.corpus import CORPUS_DIR
from compliance.parse import detect_language, parse_file

from .conftest import SHARED

LAWS = CORPUS_DIR / "national_laws"


@pytest.mark.parametrize(
    ("path", "language"),
    [
        ("tm/labour-code/2019-03-02.html", "tk"),  # Turkmen, Latin script, HTML fragment
        ("kz/trade-unions-law/2021-07-01.kk.md", "kk"),
        ("kz/trade-unions-law/2021-07-01.md", "ru"),
        ("kg/constitution/2021-05-05.docx", "ru"),  # a Kyrgyz Republic law in Russian is Russian, not Kyrgyz
        ("uz/labour-code/2025-12-12.txt", "uz-Latn"),
        ("ru/labour-code/2023-08-04.html", "ru"),  # pravo.gov.ru: markup's Latin letters outnumber the text's
        ("tj/labour-code/2026-06-17", "ru"),
    ],
)
def test_real_text_without_metadata_is_read_in_its_language(tmp_path: Path, path: str, language: str) -> None:
    src = LAWS / path
    copy = tmp_path / src.name
    if src.is_dir():
        shutil.copytree(src, copy)
    else:
        shutil.copyfile(src, copy)
    assert parse_file(copy).document.language == language


def test_english_convention_text_is_english() -> None:
    assert detect_language((CORPUS_DIR / "conventions" / "C087.en.txt").read_text("utf-8")) == "en"


# Constructed snippets (written for this test, not taken from an official text): the corpus has no Kyrgyz,
# Tajik, Uzbek-Cyrillic, Azerbaijani, Georgian, Belarusian or Ukrainian law text.
CONSTRUCTED = {
    "ky": "1-берене. Ушул Кодекстин максаттары. Кыргыз Республикасынын эмгек мыйзамдарынын максаттары жана "
          "милдеттери боюнча, жумушчулардын укуктарын коргоо үчүн мамлекеттик кепилдиктерди белгилөө болуп саналат.",
    "tg": "Моддаи 1. Мақсадҳои Кодекси меҳнат. Кодекси мазкур муносибатҳои меҳнатиро дар Ҷумҳурии Тоҷикистон танзим "
          "менамояд ва ҳуқуқҳои кормандон ва корфармоёнро муайян мекунад, ки мутобиқи қонун мебошад.",
    "uz-Cyrl": "1-модда. Ушбу Кодекснинг мақсади. Ушбу Кодекс Ўзбекистон Республикасида меҳнат муносабатларини "
               "тартибга солади ва ходимлар билан иш берувчилар ўртасидаги муносабатлар бўйича қоидаларни белгилайди.",
    "kk": "1-бап. Осы Кодекстің мақсаттары. Қазақстан Республикасының еңбек заңнамасы жұмыскерлер мен жұмыс "
          "берушілердің құқықтары туралы және олардың мүдделерін қорғау үшін қабылданады.",
    "tk": "1-nji madda. Şu Kodeks zähmet gatnaşyklaryny düzgünleşdirýär we işgärleriň hukuklaryny goraýar.",
    "uz-Latn": "1-modda. Ushbu Kodeks mehnat munosabatlarini tartibga soladi va xodimlar bilan ish beruvchilar "
               "oʻrtasidagi munosabatlar boʻyicha qoidalarni belgilaydi.",
    "az": "Maddə 1. Bu Məcəllə işçilərin əmək hüquqlarını qorumaq və əmək münasibətlərini tənzimləmək məqsədi "
          "daşıyır.",
    "ka": "მუხლი 1. ეს ორგანული კანონი განსაზღვრავს შრომით და მასთან დაკავშირებულ ურთიერთობებს.",
    "be": "Артыкул 1. Задачы Кодэкса. Гэты Кодэкс рэгулюе працоўныя адносіны і ўстанаўлівае гарантыі правоў "
          "работнікаў у Рэспубліцы Беларусь, калі іншае не прадугледжана законам.",
    "uk": "Стаття 1. Завдання Кодексу. Цей Кодекс регулює трудові відносини працівників і встановлює гарантії "
          "їхніх прав, якщо інше не передбачено законами України.",
    "ru": "Статья 1. Настоящий Кодекс регулирует трудовые отношения и устанавливает гарантии прав работников.",
    "en": "Article 1. Each Member of the International Labour Organisation which ratifies this Convention "
          "undertakes to give effect to the following provisions.",
}


@pytest.mark.parametrize(("language", "text"), sorted(CONSTRUCTED.items()))
def test_constructed_snippet_is_told_apart(language: str, text: str) -> None:
    assert detect_language(text) == language


def test_html_markup_does_not_decide_the_language(tmp_path: Path) -> None:
    page = tmp_path / "law.html"
    styles = "<style>" + "p.a{font-family:times new roman;text-align:justify}" * 200 + "</style>"
    page.write_text(f"<html><head>{styles}</head><body><p>Статья 1. Цели</p><p>1. Текст статьи.</p></body></html>",
                    encoding="utf-8")
    assert parse_file(page).document.language == "ru"


def test_short_headings_fall_back_to_the_script_default() -> None:
    assert (detect_language("Статья 1. Цели"), detect_language("Article 1")) == ("ru", "en")


@pytest.mark.skipif(not (SHARED / "ru" / "codes").is_dir(), reason="../shared/sources is not beside this clone")
def test_every_russian_federal_code_in_shared_is_russian() -> None:
    from compliance.parse.readers import read

    for html in sorted((SHARED / "ru" / "codes").glob("*.html")):
        assert detect_language(read(html.read_text("utf-8"), "html").text) == "ru", html.name
