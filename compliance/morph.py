"""Russian morphology the stages share: pymorphy3's analyser, loaded once, and a law's name in the genitive.

Reads Russian words and names; produces their readings (`analyser`, for the rules' word forms in
`check.morphology`) and a name inflected for a citation (`russian_genitive`, for `citations.style`).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_CYRILLIC = re.compile("[А-Яа-яЁё]")


@cache
def analyser() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@cache
def russian_genitive(name: str) -> str | None:
    """A law's Russian name in the genitive, as a citation names it after "статьи 5": its leading adjectives
    and its first noun inflected ("Уголовный кодекс Республики Беларусь" → "Уголовного кодекса Республики
    Беларусь"), the rest as written. None where a word before that noun reads as no nominative adjective or
    noun: a name inflected wrongly is worse than one left as it is.

    >>> russian_genitive("Уголовно-исполнительный кодекс Кыргызской Республики")
    'Уголовно-исполнительного кодекса Кыргызской Республики'
    >>> russian_genitive("КОДЕКС ОБ АДМИНИСТРАТИВНЫХ ПРАВОНАРУШЕНИЯХ"), russian_genitive("Criminal Code")
    ('КОДЕКСА ОБ АДМИНИСТРАТИВНЫХ ПРАВОНАРУШЕНИЯХ', None)
    """
    if not _CYRILLIC.search(name):  # a name in Latin letters: no analyser loaded for nothing
        return None
    words = name.split(" ")
    for i, word in enumerate(words):
        readings = [p for p in analyser().parse(word.lower()) if "nomn" in p.tag and p.tag.POS in ("ADJF", "NOUN")
                    and "Name" not in p.tag]
        inflected = readings[0].inflect({"gent"}) if readings else None
        if inflected is None:
            return None
        words[i] = _cased_as(inflected.word, word)
        if readings[0].tag.POS == "NOUN":
            return " ".join(words)
    return None


def _cased_as(form: str, word: str) -> str:
    """`form` (lower case) in the case `word` is written in: all capitals, a capital first, or lower case."""
    if word.isupper():
        return form.upper()
    return form[:1].upper() + form[1:] if word[:1].isupper() else form
