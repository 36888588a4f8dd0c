"""Interface words of the web app in each language (English, Russian), as data.

Reads nothing; produces the words of the app's own pages for a language, English where a translation is
missing. The report pages keep their own words (`compliance.report.strings`); law text is never translated.
"""

from __future__ import annotations

from ..report.strings import LANGUAGES

__all__ = ["LANGUAGES", "STRINGS", "strings"]

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "app": "ILO compliance checker",
        "nav_check": "Check a law",
        "nav_corpus": "Bundled laws",
        "check_heading": "Check a law against the ILO conventions",
        "check_intro": "Drop the files of one law (Word, PDF, HTML, text, Markdown or Akoma Ntoso XML), or paste "
                       "its text. Nothing leaves this computer: the files stay in a temporary folder that is "
                       "deleted after {minutes} minutes.",
        "files": "Files",
        "files_hint": "up to {count} files, {size} MB each",
        "paste": "Or paste the text",
        "read": "Read the law",
        "confirm_heading": "What the text says about itself",
        "confirm_intro": "Check what was read from each text and correct it where it is wrong: the country decides "
                         "which sanction data applies, the kind and the language which rules can be tried.",
        "file": "File",
        "articles": "Articles",
        "country": "Country",
        "kind": "Kind of law",
        "language": "Language",
        "title": "Title",
        "edition": "Edition",
        "inferred": "read from the text",
        "unknown": "not stated",
        "conventions": "Conventions",
        "conventions_hint": "none ticked: every convention the rules cover",
        "report_language": "Report language",
        "start": "Check and write the report",
        "job": "Job",
        "state_ready": "waiting for confirmation",
        "state_running": "running",
        "state_done": "done",
        "state_failed": "failed",
        "come_back": "This page refreshes itself. You can leave and come back to this address until the job "
                     "is deleted.",
        "result_heading": "Result",
        "findings_n": "{n} findings in {laws} laws",
        "open_report": "Open the report",
        "downloads": "Downloads",
        "notes": "Notes of the checker",
        "expires": "Files and results are deleted {minutes} minutes after the job was created.",
        "no_job": "No such job: it may have expired. Start again.",
        "corpus_heading": "Laws bundled with the checker",
        "corpus_intro": "Countries, their laws and the editions of each; an edition opens article by article "
                        "with the findings on each.",
        "laws": "Laws",
        "editions": "Editions",
        "country_report": "Country report",
        "compare": "Comparison matrix",
        "compare_all": "Compare every country",
        "timeline": "Progress timeline",
        "articles_with_findings": "Articles with findings",
        "other_articles": "Other articles",
        "not_analysed": "not analysed",
        "no_findings": "No findings.",
        "finding_kind": "{kind}",
        "back": "Back",
        "error_no_input": "Give at least one file or paste a text.",
        "error_too_many": "At most {count} files at once.",
        "error_too_big": "{name}: larger than {size} MB.",
        "error_request_too_big": "The upload is larger than {size} MB in all.",
        "error_type": "{name}: not a file type the checker reads ({types}).",
        "language_switch": "Русский",
    },
    "ru": {
        "app": "Проверка соответствия конвенциям МОТ",
        "nav_check": "Проверить закон",
        "nav_corpus": "Встроенные законы",
        "check_heading": "Проверить закон на соответствие конвенциям МОТ",
        "check_intro": "Перетащите файлы одного закона (Word, PDF, HTML, текст, Markdown или Akoma Ntoso XML) "
                       "или вставьте его текст. Ничто не покидает этот компьютер: файлы хранятся во временной "
                       "папке и удаляются через {minutes} мин.",
        "files": "Файлы",
        "files_hint": "до {count} файлов, до {size} МБ каждый",
        "paste": "Или вставьте текст",
        "read": "Прочитать закон",
        "confirm_heading": "Что текст говорит о себе",
        "confirm_intro": "Проверьте, что прочитано из каждого текста, и исправьте ошибки: от страны зависят "
                         "данные о наказаниях, от вида закона и языка — какие правила применимы.",
        "file": "Файл",
        "articles": "Статей",
        "country": "Страна",
        "kind": "Вид закона",
        "language": "Язык",
        "title": "Название",
        "edition": "Редакция",
        "inferred": "прочитано из текста",
        "unknown": "не указано",
        "conventions": "Конвенции",
        "conventions_hint": "ничего не отмечено: все конвенции, которые охватывают правила",
        "report_language": "Язык отчёта",
        "start": "Проверить и составить отчёт",
        "job": "Задание",
        "state_ready": "ждёт подтверждения",
        "state_running": "выполняется",
        "state_done": "готово",
        "state_failed": "ошибка",
        "come_back": "Страница обновляется сама. Можно уйти и вернуться по этому адресу, пока задание не удалено.",
        "result_heading": "Результат",
        "findings_n": "Замечаний: {n}, законов: {laws}",
        "open_report": "Открыть отчёт",
        "downloads": "Скачать",
        "notes": "Примечания проверки",
        "expires": "Файлы и результаты удаляются через {minutes} мин. после создания задания.",
        "no_job": "Такого задания нет: возможно, оно уже удалено. Начните заново.",
        "corpus_heading": "Законы, встроенные в программу",
        "corpus_intro": "Страны, их законы и редакции каждого; редакция открывается по статьям с замечаниями "
                        "к каждой.",
        "laws": "Законы",
        "editions": "Редакции",
        "country_report": "Отчёт по стране",
        "compare": "Сравнительная таблица",
        "compare_all": "Сравнить все страны",
        "timeline": "Динамика по редакциям",
        "articles_with_findings": "Статьи с замечаниями",
        "other_articles": "Остальные статьи",
        "not_analysed": "не проанализирован",
        "no_findings": "Замечаний нет.",
        "back": "Назад",
        "error_no_input": "Добавьте хотя бы один файл или вставьте текст.",
        "error_too_many": "Не более {count} файлов за раз.",
        "error_too_big": "{name}: больше {size} МБ.",
        "error_request_too_big": "Загрузка больше {size} МБ в сумме.",
        "error_type": "{name}: программа не читает файлы такого типа ({types}).",
        "language_switch": "English",
    },
}


def strings(lang: str) -> dict[str, str]:
    """The app's words in `lang`, English where a translation is missing."""
    return {**STRINGS["en"], **STRINGS.get(lang, {})}
