"""Morphology: a word in dictionary form → every surface form it takes, per language; text normalisation.

Rules name words by lemma. Instead of lemmatising every token of every law (pymorphy3 costs ~150 µs a
word form), the engine expands each lemma a rule uses into all its forms once, when the rules are compiled,
and matches token by lower-case form. Russian: pymorphy3 lexemes (each form analysed once, cached);
English: spaCy's lemma lookup table (spacy-lookups-data) inverted; Uzbek and Kazakh, agglutinative: a
word is a stem matched as a prefix, after apostrophe variants (ʻ ’ ' ` ‘ ʼ) are unified. Function words
(`vocab/function_words.yaml`: prepositions, conjunctions) match literally, never expanded as lexemes.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from ..morph import analyser
from ..yamlsafe import load_vocabulary

# Every apostrophe-like character lex.uz and Word exports use for oʻ / gʻ / the tutuq belgisi.
APOSTROPHES = "ʻ’'`‘ʼ′"
_APOS_RE = re.compile(f"[{re.escape(APOSTROPHES)}]")
UZ_APOSTROPHE = "ʻ"


# "ё" is written or left out at will in Russian (and in Kazakh loanwords): it is matched as "е", in the text
# and in the rules' regexes alike (one character for one, so that spans still point at the original ones).
_YO = str.maketrans("ёЁ", "еЕ")
_YO_LANGUAGES = ("ru", "kk")


def without_yo(text: str, language: str) -> str:
    """`text` with "ё" written "е", in the languages that write it (a rule's regex, or the matching text).

    >>> without_yo("Не допускаются забастовки, объём работ", "ru")
    'Не допускаются забастовки, объем работ'
    """
    return text.translate(_YO) if language in _YO_LANGUAGES else text


def normalize(text: str, language: str) -> str:
    """Same-length normalisation for matching: Uzbek apostrophe variants → ʻ, "ё" → "е", no-break spaces →
    space.

    >>> normalize("O‘zbekiston oʼrta", "uz-Latn")
    'Oʻzbekiston oʻrta'
    """
    if language in ("uz-Latn", "kk"):
        text = _APOS_RE.sub(UZ_APOSTROPHE, text)
    return without_yo(text, language).replace("\u00a0", " ")


# Invisible characters that split words for a tokenizer but not for a reader (Word exports, web pages).
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def normalize_map(text: str, language: str) -> tuple[str, list[int] | None]:
    """`normalize`, and also drop zero-width characters and soft hyphens; returns the text for matching and,
    when anything was dropped, the offset in `text` of each character kept (plus one past the end), so that
    spans found in the matching text point at the original characters.

    >>> t, back = normalize_map("раз\u200bжигание", "ru")
    >>> t, back[3], back[-1]
    ('разжигание', 4, 11)
    """
    text = normalize(text, language)
    if not _INVISIBLE.search(text):
        return text, None
    back = [i for i, ch in enumerate(text) if not _INVISIBLE.match(ch)]
    back.append(len(text))
    return _INVISIBLE.sub("", text), back


@cache
def russian_forms(lemma: str) -> frozenset[str]:
    """All forms of every reading of `lemma` (lower case); the lemma itself always included.

    >>> {"розни", "рознью"} <= russian_forms("рознь")
    True
    >>> {"партнерства", "партнерством"} <= russian_forms("партнерство")
    True
    """
    word = lemma.lower().replace("ё", "е")
    forms = {word}
    for parse in analyser().parse(word):
        # pymorphy3 answers "партнёрство" for "партнерство": compare the readings without "ё" too, or a lemma
        # written with "е" (as the laws and the rules write it) keeps no form but itself.
        if parse.normal_form.replace("ё", "е") != word and parse.word.replace("ё", "е") != word:
            continue
        forms.update(f.word for f in parse.lexeme)
    # pymorphy3 writes "ё" ("запрещён", "лёгкого", "тяжёлых"); legal texts almost always write "е".
    forms.update(f.replace("ё", "е") for f in list(forms))
    return frozenset(forms)


@cache
def russian_lemma(word: str) -> str:
    """Dictionary form of one Russian word form (cached: each form is analysed once)."""
    return analyser().parse(word.lower())[0].normal_form  # type: ignore[no-any-return]


@cache
def _english_table() -> dict[str, set[str]]:
    """spaCy's English lemma lookup table (form → lemma), inverted: lemma → forms.

    Read from the spacy-lookups-data package file itself: spaCy's own `Table` keeps only hashes of the
    forms, and the forms are what the Matcher compares.
    """
    import gzip
    import json

    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lemma_lookup.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        table: dict[str, str] = json.load(fh)
    inverted: dict[str, set[str]] = {}
    for form, lemma in table.items():
        inverted.setdefault(lemma.lower(), set()).add(form.lower())
    return inverted


@cache
def english_forms(lemma: str) -> frozenset[str]:
    """
    >>> {"strikes", "striking"} <= english_forms("strike")
    True
    """
    word = lemma.lower()
    return frozenset({word} | _english_table().get(word, set()))


@cache
def _function_words() -> dict[str, dict[str, frozenset[str]]]:
    """{language: {function word: its literal forms}} from `vocab/function_words.yaml`."""
    data = load_vocabulary("function_words.yaml") or {}
    return {lang: {w.lower(): frozenset(v.lower() for v in variants) for w, variants in words.items()}
            for lang, words in data.items()}


def forms(word: str, language: str) -> frozenset[str] | None:
    """Surface forms for exact matching, or None when the word is a stem to match as a prefix. Function
    words ("к", "в", "либо") match literally, with their euphonic variants only."""
    literal = _function_words().get(language, {}).get(word.lower())
    if literal is not None:
        return literal
    if language == "ru":
        return russian_forms(word)
    if language == "en":
        return english_forms(word)
    return None
